#include "newsner/gazetteer/matcher.hpp"

#include <atomic>

namespace newsner::gazetteer {

std::uint64_t Matcher::next_id() {
  static std::atomic<std::uint64_t> last{0};
  return ++last;
}

void Matcher::find_all(const text::TokenizedText& tt, std::vector<Match>& out) const {
  // News text has about 1.5 matches per token: one allocation, no regrowth.
  out.reserve(out.size() + 2 * tt.tokens.size());
  for_each_match(tt, [&](const Match& m) { out.push_back(m); });
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
