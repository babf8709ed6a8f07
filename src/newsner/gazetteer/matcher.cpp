#include "newsner/gazetteer/matcher.hpp"

#include <algorithm>

namespace newsner::gazetteer {
namespace {
constexpr std::uint32_t kMaxTokens = 16;  // longer entries are not matched
constexpr std::uint32_t kPrefetchAhead = 4;  // tokens; enough to cover a memory access
}

void Matcher::find_all(const text::TokenizedText& tt, std::vector<Match>& out) const {
  // Keys with entries found from one start token, shortest first; emitted
  // longest first once the start token is done.
  struct Found {
    std::uint32_t end;
    std::uint16_t gazetteer;
    std::uint32_t cased_hash;
    KeyHit hit;
  };
  std::vector<Found> found;
  const auto n = static_cast<std::uint32_t>(tt.tokens.size());
  for (std::uint32_t i = 0; i < n; ++i) {
    // Lookups mostly miss the CPU caches: ask for the one- and two-token keys
    // that start kPrefetchAhead tokens later now, so they arrive in parallel.
    if (i + kPrefetchAhead < n) {
      const std::uint64_t one = text::sequence_extend(text::kSequenceSeed, tt.tokens[i + kPrefetchAhead].fold_hash);
      const bool two = i + kPrefetchAhead + 1 < n;
      const std::uint64_t pair = two ? text::sequence_extend(one, tt.tokens[i + kPrefetchAhead + 1].fold_hash) : 0;
      for (const Gazetteer& g : gazetteers_) {
        g.prefetch(one);
        if (two) g.prefetch(pair);
      }
    }
    const text::Token& first = tt.tokens[i];
    if (first.shape == text::Shape::Punct || first.shape == text::Shape::Symbol) continue;
    std::uint64_t hash = text::kSequenceSeed;  // key hash of tokens [i, j], extended token by token
    // The surface (cased) hash is only needed when a key has entries; it is
    // extended lazily up to the current token.
    std::uint64_t cased = text::kSequenceSeed;
    std::uint32_t cased_upto = i;  // tokens [i, cased_upto) are in `cased`
    found.clear();
    for (std::uint32_t j = i; j < n && j - i < kMaxTokens; ++j) {
      const text::Token& t = tt.tokens[j];
      if (j > i && t.newline_before) break;
      hash = text::sequence_extend(hash, t.fold_hash);
      bool extends = false;
      for (std::uint16_t g = 0; g < gazetteers_.size(); ++g) {
        const auto hit = gazetteers_[g].find_hash(hash);
        if (!hit) continue;
        extends = extends || hit->extends;
        if (hit->entry_count == 0) continue;
        for (; cased_upto <= j; ++cased_upto) {
          cased = text::sequence_extend(cased, text::token_hash(tt.surface(tt.tokens[cased_upto])));
        }
        found.push_back({j + 1, g, static_cast<std::uint32_t>(cased >> 32), *hit});
      }
      if (!extends) break;
    }
    // Longest first; keys of one length in gazetteer order, entries in key order.
    for (std::size_t group_end = found.size(); group_end > 0;) {
      std::size_t group_begin = group_end - 1;
      while (group_begin > 0 && found[group_begin - 1].end == found[group_end - 1].end) --group_begin;
      for (std::size_t f = group_begin; f < group_end; ++f) {
        const Found& fd = found[f];
        for (std::uint32_t k = 0; k < fd.hit.entry_count; ++k) {
          const KeyRef& ref = fd.hit.entries[k];
          Match& m = out.emplace_back();  // filled in place: no temporary to copy
          m.token_begin = i;
          m.token_end = fd.end;
          m.gazetteer = fd.gazetteer;
          m.entry = ref.entry;
          m.cls = ref.cls;
          m.flags = ref.flags;
          m.list = ref.list;
          m.deaccented = fd.hit.deaccented;
          m.exact_case = !fd.hit.deaccented && ref.cased_hash == fd.cased_hash;
        }
      }
      group_end = group_begin;
    }
  }
}

void Matcher::lookup(std::string_view folded_key, std::vector<Match>& out) const {
  for (std::uint16_t g = 0; g < gazetteers_.size(); ++g) {
    const auto hit = gazetteers_[g].find(folded_key);
    if (!hit) continue;
    for (std::uint32_t k = 0; k < hit->entry_count; ++k) {
      Match m;
      m.gazetteer = g;
      m.entry = hit->entries[k].entry;
      m.cls = hit->entries[k].cls;
      m.flags = hit->entries[k].flags;
      m.list = hit->entries[k].list;
      m.deaccented = hit->deaccented;
      out.push_back(m);
    }
  }
}

}  // namespace newsner::gazetteer
