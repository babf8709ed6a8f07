// Cache keys of date strings: the form under which DatePatterns' scan caches
// (timex/patterns.cpp) remember what the patterns make of a string.
//
// A string is keyed by its bytes with ASCII letters lowercased and
// every maximal run of digits respelled so that runs the patterns cannot tell
// apart are spelled alike. The patterns are case-insensitive, and a digit only
// ever sits in one of these atoms, each of which takes a whole run of digits (no
// digit can follow one, and each starts after \b or a non-digit):
// \d+, \d{1,2}, \d{2}, \d{4}, 1[0-9]{3}, 20[0-9]{2}, \d{3}0, \d0, [12][0-9],
// 3[01], 0?[1-9], and in one-digit runs [1-4], [12], 1st|2nd|3rd|4th. So what
// matters of a run is its length and: with 1 digit, the digit, 5-9 alike; with 2,
// the first digit as 0, 1-2, 3 or 4-9 and the second as 0, 1 or 2-9; with 4,
// whether it starts with 1, 20 or 2, and whether it ends with 0; with 3 or 5 and
// more, nothing. Dates then share keys ("March 14, 2019" and "march 12, 2023"
// are both "march 15, 2055"), and a few hundred keys cover most of news. A new
// digit atom in the patterns (rule_patterns() in patterns.cpp) must be added
// here; the cache-key test in patterns_scan_test.cpp checks that strings with one
// key have the same matches.
//
// Shapes and units: bytes in, the same number of bytes out; no UTF-8 decoding
// (bytes >= 0x80 are copied). Errors: none. Cost: linear in `n`.
#pragma once

#include <cstddef>

namespace newsner::timex {

/// Writes the cache key of the `n` bytes at `s` to `out` (`n` bytes, not
/// overlapping `s`). `s` must hold whole runs of digits: the bytes just before and
/// after it are not digits, or the key of a cut run is that of a shorter run.
void put_key_bytes(const unsigned char* s, std::size_t n, unsigned char* out);

}  // namespace newsner::timex
