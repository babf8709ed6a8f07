#include "newsner/gazetteer/matcher.hpp"

#include <algorithm>

namespace newsner::gazetteer {
namespace {
constexpr std::uint32_t kMaxTokens = 16;  // longer entries are not matched
}

void Matcher::find_all(const text::TokenizedText& tt, std::vector<Match>& out) const {
  std::string key, cased;
  key.reserve(128);
  cased.reserve(128);
  const auto n = static_cast<std::uint32_t>(tt.tokens.size());
  std::vector<Match> here;
  for (std::uint32_t i = 0; i < n; ++i) {
    const text::Token& first = tt.tokens[i];
    if (first.shape == text::Shape::Punct || first.shape == text::Shape::Symbol) continue;
    key.clear();
    cased.clear();
    here.clear();
    std::uint64_t hash = kKeyHashSeed;  // of `key`, extended token by token
    for (std::uint32_t j = i; j < n && j - i < kMaxTokens; ++j) {
      const text::Token& t = tt.tokens[j];
      if (j > i) {
        if (t.newline_before) break;
        key.push_back(' ');
        cased.push_back(' ');
        hash = key_hash_extend(hash, " ");
      }
      key.append(tt.folded_form(t));
      cased.append(tt.surface(t));
      hash = key_hash_extend(hash, tt.folded_form(t));
      bool extends = false;
      std::uint32_t cased_hash = 0;  // computed on the first hit with entries
      bool cased_hashed = false;
      for (std::uint16_t g = 0; g < gazetteers_.size(); ++g) {
        const auto hit = gazetteers_[g].find(key, hash);
        if (!hit) continue;
        extends = extends || hit->extends;
        for (std::uint32_t k = 0; k < hit->entry_count; ++k) {
          Match m;
          m.token_begin = i;
          m.token_end = j + 1;
          m.gazetteer = g;
          const KeyRef& ref = hit->entries[k];
          if (!cased_hashed) {
            cased_hash = static_cast<std::uint32_t>(key_hash(cased) >> 32);
            cased_hashed = true;
          }
          m.entry = ref.entry;
          m.cls = ref.cls;
          m.flags = ref.flags;
          m.list = ref.list;
          m.deaccented = hit->deaccented;
          m.exact_case = !hit->deaccented && ref.cased_hash == cased_hash;
          here.push_back(m);
        }
      }
      if (!extends) break;
    }
    // Longest first for this start token.
    std::stable_sort(here.begin(), here.end(),
                     [](const Match& a, const Match& b) { return a.token_end > b.token_end; });
    out.insert(out.end(), here.begin(), here.end());
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
