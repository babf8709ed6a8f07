#include "newsner/timex/cache_key.hpp"

#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsner::timex {
namespace {

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// The respelling of the run of `n` digits at `d` (see cache_key.hpp), to `o`.
void put_digit_run(const unsigned char* d, std::size_t n, unsigned char* o) {
  switch (n) {
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
      std::memset(o, '5', n);
  }
}

// Bytes [from, n) one at a time: the whole key without SSE2, and the tail
// shorter than a vector with it.
void put_key_bytes_from(const unsigned char* s, std::size_t from, std::size_t n, unsigned char* out) {
  for (std::size_t k = from; k < n; ++k) out[k] = static_cast<unsigned char>(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
  for (std::size_t k = from; k < n;) {
    if (!is_digit(s[k])) {
      ++k;
      continue;
    }
    std::size_t j = k + 1;
    while (j < n && is_digit(s[j])) ++j;
    put_digit_run(s + k, j - k, out + k);
    k = j;
  }
}

}  // namespace

void put_key_bytes(const unsigned char* s, std::size_t n, unsigned char* out) {
#if defined(__SSE2__)
  // Keys are short (at most 56 bytes) and made for every probe of the date
  // caches: 16 bytes at a time are lowercased, and the digits found in the same
  // pass are respelled run by run (a byte loop cost ~175 instructions a key).
  std::uint64_t digits = 0;  // bit k: s[k] is a digit (the first 64 bytes)
  std::size_t i = 0;
  for (; i < n && i < 64; i += 16) {
    const bool whole = n - i >= 16;
    unsigned char in[16] = {};  // the last bytes, zero padded: neither letter nor digit
    if (!whole) std::memcpy(in, s + i, n - i);
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(whole ? s + i : in));
    // Signed compares against a shifted range: (c - lo) as unsigned < size.
    const __m128i upper = _mm_cmplt_epi8(_mm_sub_epi8(c, _mm_set1_epi8(static_cast<char>('A' + 128))),
                                         _mm_set1_epi8(static_cast<char>(-128 + 26)));
    const __m128i digit = _mm_cmplt_epi8(_mm_sub_epi8(c, _mm_set1_epi8(static_cast<char>('0' + 128))),
                                         _mm_set1_epi8(static_cast<char>(-128 + 10)));
    const __m128i lowered = _mm_or_si128(c, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
    if (whole) {
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), lowered);
    } else {
      unsigned char low[16];
      _mm_storeu_si128(reinterpret_cast<__m128i*>(low), lowered);
      std::memcpy(out + i, low, n - i);
    }
    digits |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(digit)) & 0xFFFF) << i;
  }
  // A run that reaches byte 64 goes on in the byte loop below.
  std::size_t done = n < 64 ? n : 64;
  while (digits != 0) {
    const auto b = static_cast<std::size_t>(__builtin_ctzll(digits));
    const std::uint64_t from_b = digits >> b;
    const std::size_t len = ~from_b == 0 ? 64 : static_cast<std::size_t>(__builtin_ctzll(~from_b));
    if (b + len >= 64 && n > 64) {  // the run may go on past the 64 bytes
      done = b;
      break;
    }
    put_digit_run(s + b, len, out + b);
    digits &= len >= 64 ? 0 : ~(((std::uint64_t{1} << len) - 1) << b);
  }
  put_key_bytes_from(s, done, n, out);
#else
  put_key_bytes_from(s, 0, n, out);
#endif
}

}  // namespace newsner::timex
