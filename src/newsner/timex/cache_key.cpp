#include "newsner/timex/cache_key.hpp"

#include <array>
#include <cstring>

namespace newsner::timex {

void put_key_bytes(const unsigned char* s, std::size_t n, unsigned char* out) {
  static constexpr std::array<unsigned char, 256> kLower = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 0; c < 256; ++c) t[c] = static_cast<unsigned char>(c);
    for (int c = 'A'; c <= 'Z'; ++c) t[c] = static_cast<unsigned char>(c + 32);
    return t;
  }();
  const auto digit = [](unsigned char c) { return c >= '0' && c <= '9'; };
  for (std::size_t i = 0; i < n;) {
    if (!digit(s[i])) {
      out[i] = kLower[s[i]];
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < n && digit(s[j])) ++j;
    const unsigned char* d = s + i;
    unsigned char* o = out + i;
    switch (j - i) {
      case 1:
        o[0] = d[0] >= '5' ? '5' : d[0];
        break;
      case 2:
        o[0] = d[0] == '0' ? '0' : d[0] <= '2' ? '1' : d[0] == '3' ? '3' : '5';
        o[1] = d[1] <= '1' ? d[1] : '5';
        break;
      case 4:
        o[0] = d[0] == '1' || d[0] == '2' ? d[0] : '5';
        o[1] = d[0] == '2' && d[1] == '0' ? '0' : '5';
        o[2] = '5';
        o[3] = d[3] == '0' ? '0' : '5';
        break;
      default:
        std::memset(o, '5', j - i);
    }
    i = j;
  }
}

}  // namespace newsner::timex
