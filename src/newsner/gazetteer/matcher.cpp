#include "newsner/gazetteer/matcher.hpp"

#include <algorithm>

namespace newsner::gazetteer {
namespace {
constexpr std::uint32_t kMaxTokens = 16;  // longer entries are not matched
}

void Matcher::find_all(const text::TokenizedText& tt, std::vector<Match>& out) const {
  const auto n = static_cast<std::uint32_t>(tt.tokens.size());
  for (std::uint32_t i = 0; i < n; ++i) {
    const text::Token& first = tt.tokens[i];
    if (first.shape == text::Shape::Punct || first.shape == text::Shape::Symbol) continue;
    std::uint64_t hash = text::kSequenceSeed;  // key hash of tokens [i, j], extended token by token
    // The surface (cased) hash is only needed when a key has entries; it is
    // extended lazily up to the current token.
    std::uint64_t cased = text::kSequenceSeed;
    std::uint32_t cased_upto = i;  // tokens [i, cased_upto) are in `cased`
    const std::size_t first_out = out.size();
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
        const auto cased_hash = static_cast<std::uint32_t>(cased >> 32);
        for (std::uint32_t k = 0; k < hit->entry_count; ++k) {
          const KeyRef& ref = hit->entries[k];
          Match m;
          m.token_begin = i;
          m.token_end = j + 1;
          m.gazetteer = g;
          m.entry = ref.entry;
          m.cls = ref.cls;
          m.flags = ref.flags;
          m.list = ref.list;
          m.deaccented = hit->deaccented;
          m.exact_case = !hit->deaccented && ref.cased_hash == cased_hash;
          out.push_back(m);
        }
      }
      if (!extends) break;
    }
    // Matches were appended shortest first; reverse the groups of equal length
    // so that each start token lists its longest match first.
    std::reverse(out.begin() + static_cast<std::ptrdiff_t>(first_out), out.end());
    for (auto b = out.begin() + static_cast<std::ptrdiff_t>(first_out); b != out.end();) {
      auto e = std::find_if(b, out.end(), [&](const Match& m) { return m.token_end != b->token_end; });
      std::reverse(b, e);
      b = e;
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
