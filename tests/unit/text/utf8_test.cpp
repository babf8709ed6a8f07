#include "newsner/text/utf8.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace newsner::text;

namespace {
// Reference: count code points / UTF-16 units of the valid prefix naively.
std::uint64_t naive_units(const std::string& s, std::size_t bytes, bool utf16) {
  std::uint64_t n = 0;
  for (std::size_t i = 0; i < bytes; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) n += (utf16 && c >= 0xF0) ? 2 : 1;
  }
  return n;
}
}  // namespace

TEST_CASE("utf8: validation and repair") {
  SUBCASE("empty") {
    CHECK(is_valid_utf8(""));
    CHECK(repair_utf8("").empty());
  }
  SUBCASE("ASCII and multilingual text is kept as is") {
    const std::string s = "S\xC3\xA3o Paulo, Gda\xC5\x84sk, M\xC3\xBCller \xF0\x9F\x98\x80";
    CHECK(is_valid_utf8(s));
    std::size_t n = 99;
    CHECK(repair_utf8(s, &n) == s);
    CHECK(n == 0);
  }
  SUBCASE("each maximal invalid subpart becomes one U+FFFD") {
    std::size_t n = 0;
    CHECK(repair_utf8("a\xFF" "b", &n) == "a\xEF\xBF\xBD" "b");
    CHECK(n == 1);
    // truncated 3-byte sequence: one replacement for the two bytes
    CHECK(repair_utf8("x\xE2\x82y", &n) == "x\xEF\xBF\xBDy");
    CHECK(n == 1);
    // overlong encoding of '/' and a surrogate are invalid
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));
    CHECK(is_valid_utf8(repair_utf8("\xC0\xAF\xED\xA0\x80\xF4\x90\x80\x80\xF0\x9F")));
  }
  SUBCASE("NUL bytes are valid") { CHECK(is_valid_utf8(std::string("a\0b", 3))); }
}

TEST_CASE("utf8: offset conversion matches a naive count") {
  const std::string s = "S\xC3\xA3o Paulo \xF0\x9F\x98\x80 Gda\xC5\x84sk M\xC3\xBCller";
  for (OffsetUnit unit : {OffsetUnit::CodePoint, OffsetUnit::Utf16, OffsetUnit::Byte}) {
    OffsetConverter conv(s, unit);
    for (std::uint32_t b = 0; b <= s.size(); ++b) {
      if (b < s.size() && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) continue;  // not a boundary
      const std::uint64_t want = unit == OffsetUnit::Byte ? b : naive_units(s, b, unit == OffsetUnit::Utf16);
      CHECK(conv.convert(b) == want);
    }
    CHECK(conv.convert(4) == (unit == OffsetUnit::Byte ? 4u : 3u));  // going back restarts correctly
  }
  SUBCASE("emoji: 4 bytes, 1 code point, 2 UTF-16 units") {
    const std::string e = "\xF0\x9F\x98\x80!";
    CHECK(OffsetConverter(e, OffsetUnit::CodePoint).convert(4) == 1);
    CHECK(OffsetConverter(e, OffsetUnit::Utf16).convert(4) == 2);
  }
}

TEST_CASE("utf8: offset conversion over long mixed text (8-byte blocks)") {
  // Every character width at every alignment, and offsets in increasing order
  // with gaps of every length.
  std::string s;
  const char* pieces[] = {"a", "\xC3\xA3", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "bcdefghij"};
  for (int k = 0; k < 200; ++k) s += pieces[(k * 7 + k / 5) % 5];
  for (OffsetUnit unit : {OffsetUnit::CodePoint, OffsetUnit::Utf16}) {
    for (std::uint32_t step = 1; step < 20; ++step) {
      OffsetConverter conv(s, unit);
      for (std::uint32_t b = 0; b <= s.size(); b += step) {
        if (b < s.size() && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) continue;
        CHECK(conv.convert(b) == naive_units(s, b, unit == OffsetUnit::Utf16));
      }
    }
    OffsetConverter conv(s, unit);
    CHECK(conv.convert(static_cast<std::uint32_t>(s.size()) + 5) == naive_units(s, s.size(), unit == OffsetUnit::Utf16));
  }
}

TEST_CASE("utf8: offset conversion across ASCII runs of every length") {
  // The converter skips runs it knows to be ASCII: runs of 0 to 40 bytes between
  // characters of every width, offsets at, before and after each run's end.
  std::string s;
  const char* wide[] = {"\xC3\xA3", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"};
  for (int run = 0; run <= 40; ++run) {
    s += std::string(static_cast<std::size_t>(run), 'a');
    s += wide[run % 3];
  }
  s += std::string(30, 'z');
  for (OffsetUnit unit : {OffsetUnit::CodePoint, OffsetUnit::Utf16}) {
    const bool utf16 = unit == OffsetUnit::Utf16;
    for (std::uint32_t step = 1; step < 12; ++step) {
      OffsetConverter conv(s, unit);
      for (std::uint32_t b = 0; b <= s.size(); b += step) {
        if (b < s.size() && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) continue;
        CHECK(conv.convert(b) == naive_units(s, b, utf16));
        CHECK(conv.convert(b) == naive_units(s, b, utf16));  // the same offset again
      }
    }
    OffsetConverter conv(s, unit);
    CHECK(conv.convert(200) == naive_units(s, 200, utf16));
    CHECK(conv.convert(20) == naive_units(s, 20, utf16));  // back inside a run: restarts
    CHECK(conv.convert(static_cast<std::uint32_t>(s.size()) + 9) == naive_units(s, s.size(), utf16));
  }
}

TEST_CASE("utf8: a legacy 8-bit text is decoded as Windows-1252") {
  // Latin-1 letters inside words, a Windows-1252 quote and a no-break space anywhere.
  CHECK(decode_legacy_8bit("Fran\xE7ois visited Z\xFCrich \x93today\x94\xA0now") ==
        "Fran\xC3\xA7ois visited Z\xC3\xBCrich \xE2\x80\x9Ctoday\xE2\x80\x9D\xC2\xA0now");
  // One code point per byte: the offsets count the original bytes.
  const std::string d = *decode_legacy_8bit("Nestl\xE9 SA");
  CHECK(naive_units(d, d.size(), false) == 9);
  // Not for valid UTF-8, text with UTF-8 in it, stray bytes, or plain ASCII.
  CHECK_FALSE(decode_legacy_8bit("Zu\xCC\x88rich").has_value());
  CHECK_FALSE(decode_legacy_8bit("Z\xC3\xBCrich and Fran\xE7ois").has_value());
  CHECK_FALSE(decode_legacy_8bit("Talks in Berlin \xFF\xFE ended.").has_value());
  CHECK_FALSE(decode_legacy_8bit("x \xE2\x82Paris").has_value());
  CHECK_FALSE(decode_legacy_8bit("plain text").has_value());
}
