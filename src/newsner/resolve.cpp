#include "newsner/resolve.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "newsner/recognize/name_shape.hpp"
#include "newsner/recognize/organization.hpp"

namespace newsner {
namespace {

using recognize::Context;
using text::Shape;

int type_rank(EntityType t) {
  switch (t) {
    case EntityType::Date: return 0;
    case EntityType::Person: return 1;
    case EntityType::Organization: return 2;
    case EntityType::Location: return 3;
  }
  return 4;
}

// Accepted spans, keyed by begin, for O(log n) overlap checks.
class Occupancy {
 public:
  bool free(Span s) const {
    auto it = by_begin_.upper_bound(s.begin);
    if (it != by_begin_.end() && it->first < s.end) return false;
    if (it != by_begin_.begin()) {
      --it;
      if (it->second > s.begin) return false;
    }
    return true;
  }
  void take(Span s) { by_begin_[s.begin] = s.end; }

 private:
  std::map<std::uint32_t, std::uint32_t> by_begin_;
};

struct Chosen {
  Candidate cand;
  std::vector<std::string_view> evidence;
};

// First token whose span starts at or after `offset`.
std::size_t token_at(const Context& ctx, std::uint32_t offset) {
  const auto& toks = ctx.tt.tokens;
  auto it = std::lower_bound(toks.begin(), toks.end(), offset,
                             [](const text::Token& t, std::uint32_t o) { return t.span.begin < o; });
  return static_cast<std::size_t>(it - toks.begin());
}

// Hash of the folded tokens [b, e) joined by spaces: a document-local name key
// (the gazetteer key hash; collisions across one document are negligible).
std::uint64_t name_key(const Context& ctx, std::size_t b, std::size_t e) {
  std::uint64_t h = gazetteer::kKeyHashSeed;
  for (std::size_t i = b; i < e; ++i) {
    if (i > b) h = gazetteer::key_hash_extend(h, " ");
    h = gazetteer::key_hash_extend(h, ctx.folded(i));
  }
  return h;
}

// Rules whose type decision is strong enough to speak for every other
// occurrence of the same string in the document.
bool is_authoritative(std::string_view evidence) {
  return evidence == "person.title" || evidence == "org.team_score" || evidence == "org.team_table" ||
         evidence == "org.team_context" || evidence == "person.given" || evidence == "person.initials" ||
         evidence == "org.head" || evidence == "org.head_of" || evidence == "person.speech" ||
         evidence == "person.context" || evidence == "document.acronym";
}

// Retyping: the same name keeps one type across the document unless local
// evidence is stronger ("Surrey" is a club all through a cricket report once a
// score line says so; "Jordan" is the director after "Neil Jordan").
void retype(const Context& ctx, std::vector<Chosen>& chosen) {
  struct Vote {
    EntityType type;
    float score;
    std::string_view evidence;
  };
  std::unordered_map<std::uint64_t, Vote> authority;
  std::unordered_map<std::uint64_t, float> surnames;  // last word of a multi-word PERSON
  for (const Chosen& c : chosen) {
    if (c.cand.type == EntityType::Date) continue;
    const std::size_t b = token_at(ctx, c.cand.span.begin), e = token_at(ctx, c.cand.span.end);
    if (e <= b) continue;
    if (is_authoritative(c.cand.evidence)) {
      const std::uint64_t key = name_key(ctx, b, e);
      auto it = authority.find(key);
      if (it == authority.end() || it->second.score < c.cand.score) {
        authority[key] = {c.cand.type, c.cand.score, c.cand.evidence};
      }
    }
    if (c.cand.type == EntityType::Person && e - b >= 2 && c.cand.score >= 0.55f && ctx.is_cap(e - 1)) {
      float& v = surnames[name_key(ctx, e - 1, e)];
      v = std::max(v, c.cand.score);
    }
  }
  for (Chosen& c : chosen) {
    if (c.cand.type == EntityType::Date) continue;
    const std::size_t b = token_at(ctx, c.cand.span.begin), e = token_at(ctx, c.cand.span.end);
    if (e <= b) continue;
    const std::uint64_t key = name_key(ctx, b, e);
    auto it = authority.find(key);
    if (it != authority.end() && it->second.type != c.cand.type && it->second.score > c.cand.score) {
      // A country named in a team slot elsewhere stays a place here, and so does
      // a place after a locative preposition ("in Montreal", "to Washington").
      const bool locative = b > 0 && ctx.lex_is(b - 1, recognize::kLexLocative) && ctx.token(b - 1).shape == Shape::Lower;
      if (!(c.cand.type == EntityType::Location && (ctx.is_country_span(b, e) || locative))) {
        c.cand.type = it->second.type;
        c.evidence.insert(c.evidence.begin(), "document.same_name");
        continue;
      }
    }
    if (e == b + 1 && c.cand.type != EntityType::Person) {
      auto p = surnames.find(key);
      if (p == surnames.end() || p->second < c.cand.score - 0.2f) continue;
      if (b > 0 && ctx.lex_is(b - 1, recognize::kLexLocative)) continue;  // "in Jordan" stays a place
      if (c.cand.type == EntityType::Organization && c.cand.score >= 0.75f) continue;
      c.cand.type = EntityType::Person;
      c.evidence.insert(c.evidence.begin(), "document.person_part");
    }
  }
}

// The document-level pass: propagates types from confident mentions to other
// occurrences of the same name (see resolve.hpp).
void propagate(const Context& ctx, std::vector<Chosen>& chosen, Occupancy& occ) {
  retype(ctx, chosen);
  // Names known in this document: folded token sequences -> type, plus
  // PERSON name parts (first and last words) -> PERSON.
  std::unordered_map<std::uint64_t, EntityType> full;  // name_key -> type
  std::unordered_set<std::uint64_t> first_words;        // name_key of each name's first token
  std::unordered_map<std::uint64_t, int> person_parts;  // name_key of a single token
  std::size_t max_len = 1;
  for (const Chosen& c : chosen) {
    if (c.cand.type == EntityType::Date) continue;
    const std::size_t b = token_at(ctx, c.cand.span.begin), e = token_at(ctx, c.cand.span.end);
    if (e <= b) continue;
    full.emplace(name_key(ctx, b, e), c.cand.type);
    first_words.insert(name_key(ctx, b, b + 1));
    max_len = std::max(max_len, e - b);
    if (c.cand.type == EntityType::Person && e - b >= 2) {
      person_parts[name_key(ctx, e - 1, e)] += 2;  // surname
      if (!ctx.is_common_word(b)) person_parts[name_key(ctx, b, b + 1)] += 1;
      // A hyphenated surname repeats whole: "Maberry-Tusk" after "Quil Maberry-Tusk".
      if (e - b >= 4 && ctx.is(e - 2, "-") && !ctx.token(e - 2).space_before && !ctx.token(e - 1).space_before) {
        full.emplace(name_key(ctx, e - 3, e), EntityType::Person);
        first_words.insert(name_key(ctx, e - 3, e - 2));
        max_len = std::max<std::size_t>(max_len, 3);
      }
    }
  }
  // Acronyms defined in parentheses: "International Atomic Energy Agency (IAEA)".
  for (const Chosen& c : chosen) {
    if (c.cand.type != EntityType::Organization) continue;
    const std::size_t e = token_at(ctx, c.cand.span.end);
    if (e + 2 < ctx.size() && ctx.is(e, "(") && ctx.token(e + 1).shape == Shape::AllCaps && ctx.is(e + 2, ")")) {
      full.emplace(name_key(ctx, e + 1, e + 2), EntityType::Organization);
      first_words.insert(name_key(ctx, e + 1, e + 2));
    }
  }
  if (full.empty()) return;

  std::vector<Chosen> added;
  // A new mention from the document-level pass, where nothing else was chosen.
  auto add = [&](EntityType type, Span s, std::string_view rule) {
    if (!occ.free(s)) return;
    Candidate c;
    c.type = type;
    c.span = s;
    c.score = 0.5f;
    c.evidence = rule;
    added.push_back({c, {rule}});
    occ.take(s);
  };
  const std::size_t n = ctx.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (!ctx.is_cap(i)) continue;
    const bool caps_text = ctx.token(i).shape == Shape::AllCaps;
    const std::uint64_t word = name_key(ctx, i, i + 1);
    // Longest known full name starting here that is not yet tagged.
    std::size_t best_end = i;
    EntityType best_type = EntityType::Location;
    if (first_words.count(word)) {
      std::uint64_t key = gazetteer::kKeyHashSeed;
      for (std::size_t j = i; j < n && j - i < max_len; ++j) {
        if (j > i) {
          if (ctx.token(j).newline_before) break;
          key = gazetteer::key_hash_extend(key, " ");
        }
        key = gazetteer::key_hash_extend(key, ctx.folded(j));
        auto it = full.find(key);
        if (it != full.end() && ctx.is_cap(j)) {
          best_end = j + 1;
          best_type = it->second;
        }
      }
    }
    if (best_end > i) {
      const Span s = ctx.span(i, best_end);
      // A single lowercase-looking common word repeated is no evidence.
      const bool weak = best_end == i + 1 && ctx.token(i).sentence_start && ctx.is_common_word(i);
      if (!weak) add(best_type, s, "document.repeat");
      i = best_end - 1;
      continue;
    }
    // "Kono" after "Taro Kono"; "PERI" after "Claudio Peri" in capitals.
    auto p = person_parts.find(word);
    if (p != person_parts.end() && (!ctx.is_common_word(i) || !ctx.token(i).sentence_start) &&
        (ctx.token(i).shape == Shape::Capitalized || (caps_text && ctx.caps_line[i]))) {
      std::size_t e = i + 1;
      if (e < n && ctx.is_cap(e) && person_parts.count(name_key(ctx, e, e + 1)) && !ctx.token(e).newline_before) ++e;
      const Span s = ctx.span(i, e);
      add(EntityType::Person, s, "document.person_part");
      i = e - 1;
    }
  }
  for (auto& a : added) chosen.push_back(std::move(a));
}

}  // namespace

std::vector<Mention> resolve(const Context& ctx, std::vector<Candidate> candidates, bool keep_evidence) {
  // Sort indices, not the candidates themselves (they carry strings).
  std::vector<std::uint32_t> order(candidates.size());
  for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    const Candidate& a = candidates[x];
    const Candidate& b = candidates[y];
    if (a.span.size() != b.span.size()) return a.span.size() > b.span.size();
    if (a.score != b.score) return a.score > b.score;
    if (a.type != b.type) return type_rank(a.type) < type_rank(b.type);
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return x < y;
  });
  Occupancy occ;
  std::vector<Chosen> chosen;
  std::unordered_map<std::uint64_t, std::uint32_t> by_span;  // span -> index in `chosen`
  const auto span_key = [](Span s) { return (std::uint64_t{s.begin} << 32) | s.end; };
  for (std::uint32_t k : order) {
    Candidate& c = candidates[k];
    if (c.span.size() == 0) continue;
    if (occ.free(c.span)) {
      occ.take(c.span);
      by_span.emplace(span_key(c.span), static_cast<std::uint32_t>(chosen.size()));
      chosen.push_back({std::move(c), {}});
      if (keep_evidence) chosen.back().evidence.push_back(chosen.back().cand.evidence);
      continue;
    }
    // Same span and type as a chosen one ("Chancellor [Angela Merkel]" by the title
    // rule and by the list of people): it adds its evidence and, where the chosen
    // one has none, its kb_id.
    const auto it = by_span.find(span_key(c.span));
    if (it == by_span.end() || chosen[it->second].cand.type != c.type) continue;
    Chosen& ch = chosen[it->second];
    if (ch.cand.kb_id.empty()) ch.cand.kb_id = c.kb_id;
    if (keep_evidence) ch.evidence.push_back(c.evidence);
  }
  propagate(ctx, chosen, occ);
  std::sort(chosen.begin(), chosen.end(),
            [](const Chosen& a, const Chosen& b) { return a.cand.span.begin < b.cand.span.begin; });
  std::vector<Mention> out;
  out.reserve(chosen.size());
  for (auto& ch : chosen) {
    Mention m;
    m.type = ch.cand.type;
    m.span = ch.cand.span;
    m.value = std::move(ch.cand.value);
    m.mod = std::move(ch.cand.mod);
    m.kb_id = std::string(ch.cand.kb_id);
    m.sentence = ctx.tt.sentence_at(m.span.begin);
    if (keep_evidence) m.evidence = std::move(ch.evidence);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace newsner
