#include "newsner/text/utf8.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include <simdjson.h>
#include <unicode/unistr.h>

#include <cstdlib>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsner::text {
namespace {

// True when the 8 bytes at p are all ASCII: the common case, checked a word at a time.
inline bool ascii8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return (w & 0x8080808080808080ull) == 0;
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 if invalid; when
// invalid, `*skip` receives the length of the maximal invalid subpart to replace.
std::size_t sequence_length(std::string_view s, std::size_t i, std::size_t* skip) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  *skip = 1;
  if (c < 0x80) return 1;
  std::size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;        // no overlong forms
    if (c == 0xED) hi = 0x9F;        // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;        // no overlong forms
    if (c == 0xF4) hi = 0x8F;        // nothing above U+10FFFF
  } else {
    return 0;
  }
  for (std::size_t k = 1; k < need; ++k) {
    if (i + k >= s.size()) { *skip = k; return 0; }
    const unsigned char x = b(i + k);
    const unsigned char l = (k == 1) ? lo : 0x80, h = (k == 1) ? hi : 0xBF;
    if (x < l || x > h) { *skip = k; return 0; }
  }
  return need;
}

}  // namespace

std::size_t valid_utf8_prefix(std::string_view s) {
  std::size_t i = 0, skip = 0;
  while (i < s.size()) {
    if (i + 8 <= s.size() && ascii8(s.data() + i)) { i += 8; continue; }
    if (static_cast<unsigned char>(s[i]) < 0x80) { ++i; continue; }
    const std::size_t n = sequence_length(s, i, &skip);
    if (n == 0) return i;
    i += n;
  }
  return i;
}

// simdjson picks its AVX-512 kernel ("icelake") on CPUs that have one. Its calls
// here are short (one record or one document, a few KB) between long stretches
// of other work, and a core that has not run 512-bit instructions for a while
// runs them slowly at first (the AVX-512 power-up), so every call paid that
// warm-up: on 12 MB of news JSONL at -j 1, perf put 5.3% of the time in the
// icelake stage 1 of the JSONL parse against 2.3% in the AVX2 ("haswell") one,
// on the same lines.
void prefer_avx2_simdjson_kernel() {
  static const bool chosen = [] {
    if (std::getenv("SIMDJSON_FORCE_IMPLEMENTATION") != nullptr) return false;
    if (simdjson::get_active_implementation()->name() != "icelake") return false;
    const simdjson::implementation* avx2 = simdjson::get_available_implementations()["haswell"];
    if (avx2 == nullptr || !avx2->supported_by_runtime_system()) return false;
    simdjson::get_active_implementation() = avx2;
    return true;
  }();
  (void)chosen;
}

bool is_valid_utf8(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

static_assert(std::endian::native == std::endian::little, "OffsetConverter reads words little-endian");

std::uint64_t OffsetConverter::walk(std::uint32_t byte_offset) {
  const std::uint32_t target = static_cast<std::uint32_t>(std::min<std::size_t>(byte_offset, text_.size()));
  if (target < byte_) { byte_ = 0; ascii_end_ = 0; units_ = 0; }
  // Bytes up to ascii_end_ are ASCII: one unit each. Past it, the units before
  // an offset in valid UTF-8 are the bytes that start a character (all but the
  // continuation bytes 10xxxxxx), plus one more per 4-byte leader (11110xxx)
  // in UTF-16: counted 8 bytes at a time, no decoding.
  std::uint32_t i = std::min(ascii_end_, target);
  std::uint64_t units = units_ + (i - byte_);
  const bool utf16 = unit_ == OffsetUnit::Utf16;
  const char* p = text_.data();
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  const auto count = [&](std::uint64_t w) {
    const std::uint64_t continuation = w & ~(w << 1) & kHigh;  // bit 7 set, bit 6 clear
    std::uint64_t n = detail::popcount8(continuation);
    if (utf16) n -= detail::popcount8(w & (w << 1) & (w << 2) & (w << 3) & kHigh);  // 1111xxxx: a second unit
    return n;  // bytes of `w` that are not a unit of their own, less the extra UTF-16 units
  };
  for (; i + 8 <= target; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    units += 8;
    if (w & kHigh) units -= count(w);
  }
  if (i < target) {
    // The last bytes before the target: a word cut to them (bytes past them are
    // zero; little-endian: the first bytes are the low ones).
    const std::uint32_t take = target - i;
    std::uint64_t w = 0;
    std::memcpy(&w, p + i, std::min<std::size_t>(8, text_.size() - i));
    w &= ~std::uint64_t{0} >> (8 * (8 - take));
    units += take;
    if (w & kHigh) units -= count(w);
  }
  byte_ = target;
  units_ = units;
  // The ASCII run from here on, for the next calls: each byte of the text is
  // looked at once, by this scan or by the walk above.
  std::size_t end = std::max<std::size_t>(target, ascii_end_);
#if defined(__SSE2__)
  for (; end + 16 <= text_.size(); end += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + end));
    if (const int high = _mm_movemask_epi8(v)) {
      end += static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(high)));
      ascii_end_ = static_cast<std::uint32_t>(end);
      return units;
    }
  }
#endif
  for (; end + 8 <= text_.size(); end += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + end, 8);
    if (w & kHigh) break;
  }
  while (end < text_.size() && static_cast<unsigned char>(p[end]) < 0x80) ++end;
  ascii_end_ = static_cast<std::uint32_t>(end);
  return units;
}

std::optional<std::string> decode_legacy_8bit(std::string_view s) {
  const auto ascii_letter = [](unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; };
  const auto latin1_letter = [](unsigned char c) { return c >= 0xC0 && c != 0xD7 && c != 0xF7; };
  bool high = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) continue;
    high = true;
    // A valid multi-byte sequence here: the text is UTF-8 (with errors elsewhere).
    const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len != 0 && i + len <= s.size() && valid_utf8_prefix(s.substr(i, len)) == len) return std::nullopt;
    if (!latin1_letter(c)) continue;  // punctuation, symbols, NBSP: anywhere
    std::size_t b = i, e = i + 1;     // the run of letter bytes around i
    while (b > 0 && latin1_letter(static_cast<unsigned char>(s[b - 1]))) --b;
    while (e < s.size() && latin1_letter(static_cast<unsigned char>(s[e]))) ++e;
    const bool in_word = (b > 0 && ascii_letter(static_cast<unsigned char>(s[b - 1]))) ||
                         (e < s.size() && ascii_letter(static_cast<unsigned char>(s[e])));
    if (!in_word) return std::nullopt;
  }
  if (!high) return std::nullopt;
  const icu::UnicodeString u(s.data(), static_cast<int32_t>(s.size()), "windows-1252");
  if (u.isBogus()) return std::nullopt;
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string to_valid_utf8(std::string_view s, std::string& warning) {
  if (auto decoded = decode_legacy_8bit(s)) {
    warning = "not UTF-8: read as Windows-1252 (Latin-1); convert the input to UTF-8 first to be sure "
              "(iconv -f windows-1252 -t utf-8)";
    return std::move(*decoded);
  }
  std::size_t replaced = 0;
  std::string repaired = repair_utf8(s, &replaced);
  warning = "invalid UTF-8: " + std::to_string(replaced) + " sequence(s) replaced by U+FFFD";
  return repaired;
}

std::string repair_utf8(std::string_view s, std::size_t* replaced) {
  std::string out;
  out.reserve(s.size() + 8);
  std::size_t count = 0, i = 0, skip = 0;
  while (i < s.size()) {
    const std::size_t valid = valid_utf8_prefix(s.substr(i));
    out.append(s.substr(i, valid));
    i += valid;
    if (i >= s.size()) break;
    sequence_length(s, i, &skip);
    out.append("\xEF\xBF\xBD");
    ++count;
    i += skip;
  }
  if (replaced) *replaced = count;
  return out;
}

}  // namespace newsner::text
