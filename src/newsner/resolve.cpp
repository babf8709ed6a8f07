#include "newsner/resolve.hpp"

#include <algorithm>
#include <cstring>
#include <string>

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

// Bytes covered by accepted spans, one bit per byte of the text: an overlap
// check reads span/64 words, with no allocation per accepted span.
class Occupancy {
 public:
  explicit Occupancy(std::size_t text_bytes) : bits_(text_bytes / 64 + 1, 0) {}
  bool free(Span s) const {
    for (std::uint32_t i = s.begin; i < s.end;) {
      const std::uint32_t word = i / 64, bit = i % 64;
      const std::uint32_t n = std::min<std::uint32_t>(64 - bit, s.end - i);
      const std::uint64_t mask = (n == 64 ? ~std::uint64_t{0} : ((std::uint64_t{1} << n) - 1)) << bit;
      if (bits_[word] & mask) return false;
      i += n;
    }
    return true;
  }
  void take(Span s) {
    for (std::uint32_t i = s.begin; i < s.end;) {
      const std::uint32_t word = i / 64, bit = i % 64;
      const std::uint32_t n = std::min<std::uint32_t>(64 - bit, s.end - i);
      bits_[word] |= (n == 64 ? ~std::uint64_t{0} : ((std::uint64_t{1} << n) - 1)) << bit;
      i += n;
    }
  }

 private:
  std::vector<std::uint64_t> bits_;
};

struct Chosen {
  Candidate cand;
  std::vector<std::string_view> evidence;
  std::uint32_t tb = 0, te = 0;  // tokens [tb, te) under the span (see token_range)
};

// A document-local table from name keys (already well-mixed 64-bit hashes,
// see name_key) to small values: open addressing with linear probing, no
// per-entry allocation and no modulo, since it is probed once per capitalized
// token. Key 0 marks an empty slot (a name key of 0 is simply never stored).
template <typename V>
class NameTable {
 public:
  explicit NameTable(std::size_t expected) {
    std::size_t n = 16;
    while (n < expected * 2) n *= 2;
    slots_.resize(n);
  }
  /// The value under `key`, inserted as V{} when absent (nullptr for key 0).
  V* upsert(std::uint64_t key, bool* inserted = nullptr) {
    if (key == 0) return nullptr;
    if ((size_ + 1) * 2 > slots_.size()) grow();
    Slot& s = probe(key);
    const bool fresh = s.key == 0;
    if (fresh) {
      s.key = key;
      s.value = V{};
      ++size_;
    }
    if (inserted) *inserted = fresh;
    return &s.value;
  }
  const V* find(std::uint64_t key) const {
    if (key == 0) return nullptr;
    const Slot& s = const_cast<NameTable*>(this)->probe(key);
    return s.key == key ? &s.value : nullptr;
  }
  bool empty() const { return size_ == 0; }

 private:
  struct Slot {
    std::uint64_t key = 0;
    V value{};
  };
  Slot& probe(std::uint64_t key) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = key & mask;
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask;
    return slots_[i];
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.key != 0) probe(s.key) = s;
    }
  }
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

// First token whose span starts at or after `offset`.
std::uint32_t token_at(const Context& ctx, std::uint32_t offset) {
  const auto& toks = ctx.tt.tokens;
  auto it = std::lower_bound(toks.begin(), toks.end(), offset,
                             [](const text::Token& t, std::uint32_t o) { return t.span.begin < o; });
  return static_cast<std::uint32_t>(it - toks.begin());
}

// Sets each chosen mention's token range once: the document-level pass reads
// it several times per mention.
void token_range(const Context& ctx, Chosen& c) {
  if (c.cand.token_begin != Candidate::kNoToken) {
    c.tb = c.cand.token_begin;
    c.te = c.cand.token_end;
  } else {
    c.tb = token_at(ctx, c.cand.span.begin);
    c.te = token_at(ctx, c.cand.span.end);
  }
}

// Hash of the folded tokens [b, e): a document-local name key (the gazetteer
// key hash; collisions across one document are negligible).
std::uint64_t name_key(const Context& ctx, std::size_t b, std::size_t e) {
  std::uint64_t h = text::kSequenceSeed;
  for (std::size_t i = b; i < e; ++i) h = text::sequence_extend(h, ctx.token(i).fold_hash);
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
  NameTable<Vote> authority(chosen.size());
  NameTable<float> surnames(chosen.size());  // last word of a multi-word PERSON
  for (const Chosen& c : chosen) {
    if (c.cand.type == EntityType::Date) continue;
    const std::size_t b = c.tb, e = c.te;
    if (e <= b) continue;
    if (is_authoritative(c.cand.evidence)) {
      bool fresh = false;
      if (Vote* v = authority.upsert(name_key(ctx, b, e), &fresh); v && (fresh || v->score < c.cand.score)) {
        *v = {c.cand.type, c.cand.score, c.cand.evidence};
      }
    }
    if (c.cand.type == EntityType::Person && e - b >= 2 && c.cand.score >= 0.55f && ctx.is_cap(e - 1)) {
      if (float* v = surnames.upsert(name_key(ctx, e - 1, e))) *v = std::max(*v, c.cand.score);
    }
  }
  for (Chosen& c : chosen) {
    if (c.cand.type == EntityType::Date) continue;
    const std::size_t b = c.tb, e = c.te;
    if (e <= b) continue;
    const std::uint64_t key = name_key(ctx, b, e);
    const Vote* it = authority.find(key);
    if (it && it->type != c.cand.type && it->score > c.cand.score) {
      // A country named in a team slot elsewhere stays a place here, and so does
      // a place after a locative preposition ("in Montreal", "to Washington").
      const bool locative = b > 0 && ctx.lex_is(b - 1, recognize::kLexLocative) && ctx.token(b - 1).shape == Shape::Lower;
      if (!(c.cand.type == EntityType::Location && (ctx.is_country_span(b, e) || locative))) {
        c.cand.type = it->type;
        c.evidence.insert(c.evidence.begin(), "document.same_name");
        continue;
      }
    }
    if (e == b + 1 && c.cand.type != EntityType::Person) {
      const float* p = surnames.find(key);
      if (!p || *p < c.cand.score - 0.2f) continue;
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
  NameTable<EntityType> full(chosen.size());  // name_key -> type (the first one chosen)
  NameTable<bool> first_words(chosen.size());  // name_key of each name's first token
  NameTable<int> person_parts(chosen.size());  // name_key of a single token
  auto add_full = [&](std::uint64_t key, EntityType type) {
    bool fresh = false;
    if (EntityType* t = full.upsert(key, &fresh); t && fresh) *t = type;
  };
  auto add_first = [&](std::uint64_t key) {
    if (bool* f = first_words.upsert(key)) *f = true;
  };
  auto add_part = [&](std::uint64_t key, int weight) {
    if (int* w = person_parts.upsert(key)) *w += weight;
  };
  std::size_t max_len = 1;
  for (const Chosen& c : chosen) {
    if (c.cand.type == EntityType::Date) continue;
    const std::size_t b = c.tb, e = c.te;
    if (e <= b) continue;
    add_full(name_key(ctx, b, e), c.cand.type);
    add_first(name_key(ctx, b, b + 1));
    max_len = std::max(max_len, e - b);
    if (c.cand.type == EntityType::Person && e - b >= 2) {
      add_part(name_key(ctx, e - 1, e), 2);  // surname
      if (!ctx.is_common_word(b)) add_part(name_key(ctx, b, b + 1), 1);
      // A hyphenated surname repeats whole: "Maberry-Tusk" after "Quil Maberry-Tusk".
      if (e - b >= 4 && ctx.is(e - 2, "-") && !ctx.token(e - 2).space_before && !ctx.token(e - 1).space_before) {
        add_full(name_key(ctx, e - 3, e), EntityType::Person);
        add_first(name_key(ctx, e - 3, e - 2));
        max_len = std::max<std::size_t>(max_len, 3);
      }
    }
  }
  // Acronyms defined in parentheses: "International Atomic Energy Agency (IAEA)".
  for (const Chosen& c : chosen) {
    if (c.cand.type != EntityType::Organization) continue;
    const std::size_t e = c.te;
    if (e + 2 < ctx.size() && ctx.is(e, "(") && ctx.token(e + 1).shape == Shape::AllCaps && ctx.is(e + 2, ")")) {
      add_full(name_key(ctx, e + 1, e + 2), EntityType::Organization);
      add_first(name_key(ctx, e + 1, e + 2));
    }
  }
  if (full.empty()) return;

  std::vector<Chosen> added;
  // A new mention from the document-level pass, where nothing else was chosen.
  auto add = [&](EntityType type, std::size_t b, std::size_t e, std::string_view rule) {
    const Span s = ctx.span(b, e);
    if (!occ.free(s)) return;
    Candidate c;
    c.type = type;
    c.span = s;
    c.score = 0.5f;
    c.evidence = rule;
    added.push_back({c, {rule}, static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)});
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
    if (first_words.find(word)) {
      std::uint64_t key = text::kSequenceSeed;
      for (std::size_t j = i; j < n && j - i < max_len; ++j) {
        if (j > i && ctx.token(j).newline_before) break;
        key = text::sequence_extend(key, ctx.token(j).fold_hash);
        const EntityType* t = full.find(key);
        if (t && ctx.is_cap(j)) {
          best_end = j + 1;
          best_type = *t;
        }
      }
    }
    if (best_end > i) {
      // A single lowercase-looking common word repeated is no evidence.
      const bool weak = best_end == i + 1 && ctx.token(i).sentence_start && ctx.is_common_word(i);
      if (!weak) add(best_type, i, best_end, "document.repeat");
      i = best_end - 1;
      continue;
    }
    // "Kono" after "Taro Kono"; "PERI" after "Claudio Peri" in capitals.
    const int* p = person_parts.find(word);
    if (p && (!ctx.is_common_word(i) || !ctx.token(i).sentence_start) &&
        (ctx.token(i).shape == Shape::Capitalized || (caps_text && ctx.caps_line[i]))) {
      std::size_t e = i + 1;
      if (e < n && ctx.is_cap(e) && person_parts.find(name_key(ctx, e, e + 1)) && !ctx.token(e).newline_before) ++e;
      add(EntityType::Person, i, e, "document.person_part");
      i = e - 1;
    }
  }
  for (auto& a : added) chosen.push_back(std::move(a));
}

}  // namespace

std::vector<Mention> resolve(const Context& ctx, std::vector<Candidate> candidates, bool keep_evidence) {
  // The priority order as plain sort keys, not the candidates themselves (they
  // are large and carry strings): longer span, higher score, type rank, earlier
  // start, then recognizer order.
  struct Rank {
    std::uint64_t size_score;  // ~size << 32 | ~score, ascending = size then score descending
    std::uint32_t type_rank, begin, index;
    bool operator<(const Rank& o) const {
      if (size_score != o.size_score) return size_score < o.size_score;
      if (type_rank != o.type_rank) return type_rank < o.type_rank;
      if (begin != o.begin) return begin < o.begin;
      return index < o.index;
    }
  };
  // Scores are finite; as non-negative floats their bits order like their values
  // (+ 0.0f turns -0 into +0, equal to it as a float).
  const auto score_bits = [](float score) {
    const float s = score + 0.0f;
    std::uint32_t bits;
    std::memcpy(&bits, &s, sizeof bits);
    return (bits & 0x80000000u) ? ~bits : (bits | 0x80000000u);  // monotonic for negatives too
  };
  std::vector<Rank> ranks(candidates.size());
  for (std::uint32_t k = 0; k < ranks.size(); ++k) {
    const Candidate& c = candidates[k];
    ranks[k] = {(std::uint64_t{~c.span.size()} << 32) | ~score_bits(c.score),
                static_cast<std::uint32_t>(type_rank(c.type)), c.span.begin, k};
  }
  std::sort(ranks.begin(), ranks.end());
  Occupancy occ(ctx.tt.text.size());
  std::vector<Chosen> chosen;
  NameTable<std::uint32_t> by_span(candidates.size());  // span -> index + 1 in `chosen`
  const auto span_key = [](Span s) { return text::sequence_extend(text::kSequenceSeed, (std::uint64_t{s.begin} << 32) | s.end); };
  for (const Rank& r : ranks) {
    Candidate& c = candidates[r.index];
    if (c.span.size() == 0) continue;
    if (occ.free(c.span)) {
      occ.take(c.span);
      if (std::uint32_t* at = by_span.upsert(span_key(c.span)); at && *at == 0) *at = static_cast<std::uint32_t>(chosen.size()) + 1;
      chosen.push_back({std::move(c), {}});
      if (keep_evidence) chosen.back().evidence.push_back(chosen.back().cand.evidence);
      continue;
    }
    // Same span and type as a chosen one ("Chancellor [Angela Merkel]" by the title
    // rule and by the list of people): it adds its evidence and, where the chosen
    // one has none, its kb_id.
    const std::uint32_t* at = by_span.find(span_key(c.span));
    if (!at || chosen[*at - 1].cand.type != c.type) continue;
    Chosen& ch = chosen[*at - 1];
    if (ch.cand.kb_id.empty()) ch.cand.kb_id = c.kb_id;
    if (keep_evidence) ch.evidence.push_back(c.evidence);
  }
  for (Chosen& c : chosen) {
    if (c.cand.type != EntityType::Date) token_range(ctx, c);  // the document pass skips dates
  }
  propagate(ctx, chosen, occ);
  // Text order (spans are disjoint, so begins are distinct); indices are sorted,
  // not the large Chosen records.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> by_begin(chosen.size());  // begin, index
  for (std::uint32_t k = 0; k < chosen.size(); ++k) by_begin[k] = {chosen[k].cand.span.begin, k};
  std::sort(by_begin.begin(), by_begin.end());
  std::vector<Mention> out;
  out.reserve(chosen.size());
  for (const auto& [begin, k] : by_begin) {
    Chosen& ch = chosen[k];
    Mention m;
    m.type = ch.cand.type;
    m.span = ch.cand.span;
    m.value = std::move(ch.cand.value);
    m.mod = std::move(ch.cand.mod);
    m.kb_id = std::string(ch.cand.kb_id);
    // The sentence of the first token when the span starts at a token (no search).
    const bool at_token = ch.te > ch.tb && ch.tb < ctx.size() && ctx.token(ch.tb).span.begin == m.span.begin;
    m.sentence = at_token ? ctx.token(ch.tb).sentence : ctx.tt.sentence_at(m.span.begin);
    if (keep_evidence) m.evidence = std::move(ch.evidence);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace newsner
