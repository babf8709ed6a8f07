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
#include <optional>
#include <string>
#include <string_view>

namespace newsner::text {

/// Length in bytes of the longest valid UTF-8 prefix of `s`.
std::size_t valid_utf8_prefix(std::string_view s);

/// True when `s` is entirely valid UTF-8 (simdjson's SIMD validator: the check
/// runs on every document and every string written).
bool is_valid_utf8(std::string_view s);

/// Makes simdjson (is_valid_utf8 above, the JSONL reader) use its AVX2 kernel
/// where it would pick the AVX-512 one: its calls are short, and each paid the
/// AVX-512 warm-up (see utf8.cpp). Keeps a kernel chosen with simdjson's
/// SIMDJSON_FORCE_IMPLEMENTATION. Call before the first parse (a parser keeps
/// the kernel it was allocated with); once per process is enough, later calls
/// do nothing. Thread-safe.
void prefer_avx2_simdjson_kernel();

/// Returns `s` with every invalid sequence replaced by U+FFFD (EF BF BD);
/// `replaced` (if given) receives the number of replacements.
std::string repair_utf8(std::string_view s, std::size_t* replaced = nullptr);

/// An 8-bit legacy text read as UTF-8 ("Fran\xE7ois" from a Latin-1 archive),
/// decoded as Windows-1252 (a superset of ISO 8859-1's printable characters)
/// with ICU's converter: the text in UTF-8, or nullopt when `s` does not look
/// like such a text. It does when it holds no valid multi-byte UTF-8 sequence
/// at all and each byte of a Latin-1 letter (0xC0-0xFF but x and /) stands in
/// a word: an ASCII letter right before or after it or its run of such bytes.
/// Bytes that break UTF-8 in a text that has UTF-8 in it, or stray ones
/// ("Berlin \xFF\xFE ended"), are no legacy text: repair_utf8 then.
/// Offsets into the result count one code point per byte of `s`.
std::optional<std::string> decode_legacy_8bit(std::string_view s);
/// A text that is not valid UTF-8 made valid: decode_legacy_8bit's decoding
/// when it applies, else repair_utf8's; `warning` receives what was done, for
/// the user ("not UTF-8: read as Windows-1252 ...", "invalid UTF-8: N
/// sequence(s) replaced by U+FFFD").
std::string to_valid_utf8(std::string_view s, std::string& warning);

/// Output offset unit (--offsets).
enum class OffsetUnit { CodePoint, Byte, Utf16 };

/// Converts increasing byte offsets of one valid UTF-8 text into another unit.
/// Calls must come in non-decreasing order of `byte_offset` for linear total
/// cost; a smaller offset restarts the walk from the beginning (still correct).
class OffsetConverter {
 public:
  OffsetConverter(std::string_view text, OffsetUnit unit) : text_(text), unit_(unit) {}
  std::uint64_t convert(std::uint32_t byte_offset) {
    if (unit_ == OffsetUnit::Byte) return byte_offset;
    // News text is mostly ASCII (in the samples one non-ASCII byte in ~200,
    // several mentions apart): inside a known ASCII run a unit is a byte.
    if (byte_offset <= ascii_end_ && byte_offset >= byte_) {
      units_ += byte_offset - byte_;
      byte_ = byte_offset;
      return units_;
    }
    return walk(byte_offset);
  }

 private:
  std::uint64_t walk(std::uint32_t byte_offset);

  std::string_view text_;
  OffsetUnit unit_;
  std::uint32_t byte_ = 0;       // position reached so far, in bytes
  std::uint32_t ascii_end_ = 0;  // bytes [byte_, ascii_end_) are known to be ASCII
  std::uint64_t units_ = 0;      // the position byte_ in the target unit
};

namespace detail {
// Number of bytes set in a mask of 0x80 bits (one per byte).
inline std::uint32_t popcount8(std::uint64_t high_bits) {
  return static_cast<std::uint32_t>(((high_bits >> 7) * 0x0101010101010101ull) >> 56);
}
}  // namespace detail

}  // namespace newsner::text
