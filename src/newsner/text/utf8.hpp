// UTF-8 validation and repair, and offset conversion. Stage 1 of the pipeline
// (NORMALIZE -> tokenize -> recognize -> resolve -> write).
//
// Repair: each maximal invalid subsequence becomes U+FFFD, the "substitution of
// maximal subparts" practice of Unicode chapter 3 that ICU and the WHATWG
// decoder follow. NUL bytes are valid UTF-8 and are kept.
// Offsets: the library works in BYTES; OffsetMap converts byte offsets to code
// points or UTF-16 code units for output.
// Thread safety: pure functions; OffsetMap is immutable after construction.
// Cost: linear in text length.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstring>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsner::text {

/// Length in bytes of the longest valid UTF-8 prefix of `s`.
std::size_t valid_utf8_prefix(std::string_view s);

/// True when `s` is entirely valid UTF-8 (simdjson's SIMD validator: the check
/// runs on every document and every string written).
bool is_valid_utf8(std::string_view s);

/// Returns `s` with every invalid sequence replaced by U+FFFD (EF BF BD);
/// `replaced` (if given) receives the number of replacements.
std::string repair_utf8(std::string_view s, std::size_t* replaced = nullptr);

/// Output offset unit (--offsets).
enum class OffsetUnit { CodePoint, Byte, Utf16 };

/// Converts increasing byte offsets of one valid UTF-8 text into another unit.
/// Calls must come in non-decreasing order of `byte_offset` for linear total
/// cost; a smaller offset restarts the walk from the beginning (still correct).
class OffsetConverter {
 public:
  OffsetConverter(std::string_view text, OffsetUnit unit) : text_(text), unit_(unit) {}
  std::uint64_t convert(std::uint32_t byte_offset);

 private:
  std::string_view text_;
  OffsetUnit unit_;
  std::uint32_t byte_ = 0;   // position reached so far, in bytes
  std::uint64_t units_ = 0;  // the same position in the target unit
};

namespace detail {
// Number of bytes set in a mask of 0x80 bits (one per byte).
inline std::uint32_t popcount8(std::uint64_t high_bits) {
  return static_cast<std::uint32_t>(((high_bits >> 7) * 0x0101010101010101ull) >> 56);
}
}  // namespace detail

// Inline: the writer calls it twice per mention, mostly for a few words of text.
static_assert(std::endian::native == std::endian::little, "OffsetConverter::convert reads words little-endian");

inline std::uint64_t OffsetConverter::convert(std::uint32_t byte_offset) {
  if (unit_ == OffsetUnit::Byte) return byte_offset;
  const std::uint32_t target = static_cast<std::uint32_t>(std::min<std::size_t>(byte_offset, text_.size()));
  if (target < byte_) { byte_ = 0; units_ = 0; }
  // In valid UTF-8 the units before an offset are the bytes that start a
  // character (all but the continuation bytes 10xxxxxx), plus one more per
  // 4-byte leader (11110xxx) in UTF-16: counted 8 bytes at a time, no decoding.
  const bool utf16 = unit_ == OffsetUnit::Utf16;
  const char* p = text_.data();
  std::uint32_t i = byte_;
  std::uint64_t units = units_;
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
    if (text_.size() - i >= 8) {
      std::memcpy(&w, p + i, 8);
    } else {
      std::memcpy(&w, p + i, text_.size() - i);
    }
    w &= ~std::uint64_t{0} >> (8 * (8 - take));
    units += take;
    if (w & kHigh) units -= count(w);
    i = target;
  }
  byte_ = i;
  units_ = units;
  return units;
}

}  // namespace newsner::text
