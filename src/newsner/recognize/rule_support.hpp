// Helpers shared by the name recognizers: small fixed word lists (rule
// vocabulary) tested against folded tokens.
// Thread safety: WordSet is immutable after construction (use constexpr instances).
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <string_view>
#include <vector>

#include "newsner/recognize/context.hpp"

namespace newsner::recognize {

/// A set of N non-empty words in a small open-addressing table, built at compile
/// time: a lookup hashes length, first and last byte and usually compares one
/// slot, where a list of == tests costs a compare per word.
///   static constexpr std::string_view kWords[] = {"beat", "drew"};
///   static constexpr WordSet kSet(kWords);  ...  kSet.contains(f)
template <std::size_t N>
class WordSet {
 public:
  constexpr explicit WordSet(const std::string_view (&words)[N]) {
    for (const std::string_view w : words) {
      std::size_t h = hash(w);
      while (!slots_[h].empty()) h = (h + 1) & kMask;
      slots_[h] = w;
    }
  }

  constexpr bool contains(std::string_view f) const {
    if (f.empty()) return false;
    for (std::size_t h = hash(f); !slots_[h].empty(); h = (h + 1) & kMask) {
      const std::string_view w = slots_[h];
      if (w.size() == f.size() && w[0] == f[0] && w == f) return true;
    }
    return false;
  }

 private:
  static constexpr std::size_t kSize = std::bit_ceil(N * 4);  // load <= 1/4: short probe runs
  static constexpr std::size_t kMask = kSize - 1;
  static constexpr std::size_t hash(std::string_view w) {
    return (w.size() * 131u + static_cast<unsigned char>(w.front()) * 31u + static_cast<unsigned char>(w.back())) &
           kMask;
  }
  std::array<std::string_view, kSize> slots_{};
};

}  // namespace newsner::recognize
