// Fuzzes the UTF-8 layer (text/utf8): repair against a naive reference decoder
// (maximal subparts -> U+FFFD, Unicode chapter 3), validity and idempotence of the
// repair, valid_utf8_prefix, and OffsetConverter against a naive code point walk.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "check.hpp"
#include "newsner/text/utf8.hpp"

namespace {

// Reference repair, written independently of utf8.cpp: decode one scalar value
// at a time; on failure emit U+FFFD for the maximal subpart (the lead byte plus
// the continuation bytes that were still acceptable) and resume after it.
std::string naive_repair(std::string_view s, std::size_t* replaced) {
  std::string out;
  std::size_t i = 0, n = 0;
  auto byte = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(s[k])); };
  while (i < s.size()) {
    const unsigned c = byte(i);
    int len = 0;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) len = 1;
    else if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) { len = 3; lo = 0xA0; }
    else if (c >= 0xE1 && c <= 0xEC) len = 3;
    else if (c == 0xED) { len = 3; hi = 0x9F; }
    else if (c >= 0xEE && c <= 0xEF) len = 3;
    else if (c == 0xF0) { len = 4; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) { len = 4; hi = 0x8F; }
    if (len == 0) { out += "\xEF\xBF\xBD"; ++n; ++i; continue; }
    int ok = 1;
    while (ok < len && i + ok < s.size()) {
      const unsigned x = byte(i + ok);
      const unsigned l = ok == 1 ? lo : 0x80, h = ok == 1 ? hi : 0xBF;
      if (x < l || x > h) break;
      ++ok;
    }
    if (ok == len) { out.append(s.substr(i, len)); i += len; }
    else { out += "\xEF\xBF\xBD"; ++n; i += ok; }
  }
  if (replaced) *replaced = n;
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsner::text;
  const std::string_view s(reinterpret_cast<const char*>(data), size);

  std::size_t replaced = 0, naive_replaced = 0;
  const std::string repaired = repair_utf8(s, &replaced);
  NEWSNER_FUZZ_CHECK(repaired == naive_repair(s, &naive_replaced));
  NEWSNER_FUZZ_CHECK(replaced == naive_replaced);
  NEWSNER_FUZZ_CHECK(is_valid_utf8(repaired));
  NEWSNER_FUZZ_CHECK(repair_utf8(repaired) == repaired);
  const std::size_t prefix = valid_utf8_prefix(s);
  NEWSNER_FUZZ_CHECK(prefix <= s.size());
  NEWSNER_FUZZ_CHECK(is_valid_utf8(s.substr(0, prefix)));
  NEWSNER_FUZZ_CHECK(is_valid_utf8(s) == (replaced == 0));
  if (replaced == 0) NEWSNER_FUZZ_CHECK(repaired == s);

  // Offsets: every code point boundary of the repaired text, in order, then a few
  // in reverse order (each restarts the walk, so only a few: O(n) per restart).
  std::vector<std::uint32_t> bounds;
  std::vector<std::uint64_t> cps, u16;
  std::uint64_t cp = 0, units = 0;
  for (std::size_t i = 0; i < repaired.size();) {
    bounds.push_back(static_cast<std::uint32_t>(i));
    cps.push_back(cp);
    u16.push_back(units);
    const unsigned char c = static_cast<unsigned char>(repaired[i]);
    std::size_t len = 1;
    while (i + len < repaired.size() && (static_cast<unsigned char>(repaired[i + len]) & 0xC0) == 0x80) ++len;
    NEWSNER_FUZZ_CHECK(len == (c < 0x80 ? 1u : c < 0xE0 ? 2u : c < 0xF0 ? 3u : 4u));
    ++cp;
    units += len == 4 ? 2 : 1;
    i += len;
  }
  bounds.push_back(static_cast<std::uint32_t>(repaired.size()));
  cps.push_back(cp);
  u16.push_back(units);
  OffsetConverter to_cp(repaired, OffsetUnit::CodePoint), to_u16(repaired, OffsetUnit::Utf16),
      to_byte(repaired, OffsetUnit::Byte);
  for (std::size_t k = 0; k < bounds.size(); ++k) {
    NEWSNER_FUZZ_CHECK(to_cp.convert(bounds[k]) == cps[k]);
    NEWSNER_FUZZ_CHECK(to_u16.convert(bounds[k]) == u16[k]);
    NEWSNER_FUZZ_CHECK(to_byte.convert(bounds[k]) == bounds[k]);
  }
  const std::size_t step = bounds.size() / 8 + 1;
  for (std::size_t k = bounds.size(); k-- > 0;) {
    if (k % step != 0) continue;
    NEWSNER_FUZZ_CHECK(to_cp.convert(bounds[k]) == cps[k]);
    NEWSNER_FUZZ_CHECK(to_u16.convert(bounds[k]) == u16[k]);
  }
  return 0;
}
