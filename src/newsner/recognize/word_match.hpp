// Small helpers for matching a folded token against a short fixed word list,
// shared by the name recognizers.
// Thread safety: stateless.
#pragma once

#include <initializer_list>
#include <string_view>

namespace newsner::recognize {

/// True when `f` is one of `words`. Length and first byte are compared before
/// the bytes (no memcmp call per listed word), so a miss costs a few compares.
inline bool is_one_of(std::string_view f, std::initializer_list<std::string_view> words) {
  if (f.empty()) return false;
  for (const std::string_view w : words) {
    if (w.size() == f.size() && w[0] == f[0] && w == f) return true;
  }
  return false;
}

}  // namespace newsner::recognize
