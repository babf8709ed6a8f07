// DATE patterns: every TimeML DATE shape the recognizer knows (calendar dates,
// months, years, decades, centuries, weekdays, seasons, quarters, halves, ISO weeks,
// relative and DCT-anchored references), plus "reject" shapes that must not become
// dates (durations such as "the past few weeks", sets such as "every Monday", times
// of day such as "Friday morning"). Used by recognize/date (stage 3).
//
// All shapes are alternatives of ONE case-insensitive RE2 (compiled in lowercase,
// case-sensitive, and run over lowercased bytes: half the compile time) with
// leftmost-longest semantics, so a document is scanned in a single left-to-right
// pass (the DFA finds each match; an anchored RE2::Set of the same rules, run
// over just the matched bytes and, for a match that begins with a modifier, over
// its rest after the modifier, names the Rule that fired). A longer shape always wins over its prefix
// ("late January 2019" over "January"), and reject shapes win by being longer
// ("the past few weeks" over "the past").
//
// Units: match spans are [begin, end) in BYTES of the scanned text.
// Thread safety: const after construction; share one instance across threads.
// Errors: a pattern that fails to compile throws std::logic_error from the
//   constructor, or for the rule-naming Set (compiled on a background thread
//   that startup does not wait for) from the first scan() or next() that names
//   a rule (a programming error either way, caught by the unit tests).
// Cost: linear in text length; memory bounded by the RE2 budget (64 MiB DFA cache).
//   scan() reads each byte once in a plain loop (or looks at each token's fold
//   hash) and runs RE2 only on short windows around date words, once per distinct
//   window per thread (a 1.5 MiB three-way cache remembers the rest); the Set that names a
//   rule runs once per distinct match string per thread (a 512 KiB cache
//   remembers the rest). The two caches take about 2 MiB per thread that scans
//   dates on Linux (one transparent huge page when the kernel grants it).
// Rules: TimeML TIMEX3 1.2 guidelines (extents include determiners and modifiers),
//   TempEval-3 TBAQ conventions.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace newsner::text {
struct TokenizedText;
}

namespace newsner::timex {

/// The shape that matched; one alternative of the combined pattern each.
enum class Rule : std::uint8_t {
  Reject,        // durations, sets, times of day, names: consume and emit nothing
  IsoDate,       // 2018-12-19, 2018/12/19
  IsoWeek,       // 2018-W50
  NumericDate,   // 12/19/2018, 19/12/2018, 19.12.2018, 12/19/18
  DayMonAbbrYear,// 19-Dec-18, 19-Dec-2018
  MonthDay,      // [mod] Dec. 19[, 2018]
  MonthOrdWord,  // March twenty-first[, 2011]
  DayMonth,      // [mod] [the] 19[th] [of] December[ 2018]
  OrdWordMonth,  // the fifth of September
  MonthYear,     // [mod] January[,| of] 2019
  Relative,      // [mod] last|next|this|the past|the coming week/month/January/Friday/summer
  Month,         // [mod] December (context-checked)
  Weekday,       // [mod] Wednesday [night]
  Year,          // [mod] [fiscal|the year|FY] 1990 (context-checked when bare)
  SpelledYear,   // nineteen ninety-six, the year two thousand
  Decade,        // [mod] the 1990s, the '90s, the nineties
  Century,       // [mod] the 20th century, the twentieth century
  Quarter,       // [the] [fiscal] third[-]quarter [of 2019], Q3 2019, the year-ago quarter
  Half,          // the first half of 2019, 2019 H1
  Season,        // [mod] [last|this|next] summer [of 2019]
  Reference,     // today, yesterday, now, recently, the future, recent years, ...
  Ago,           // two years ago, a year earlier, years ago
  UnitOf,        // the end of the year, year-end, the full year
};

/// One match of the combined pattern.
struct PatternMatch {
  Rule rule;
  std::uint32_t begin;  // bytes
  std::uint32_t end;    // bytes, exclusive
};

class DatePatterns {
 public:
  DatePatterns();
  ~DatePatterns();
  DatePatterns(const DatePatterns&) = delete;
  DatePatterns& operator=(const DatePatterns&) = delete;

  /// The leftmost-longest match starting at or after byte `from`; nullopt when none.
  std::optional<PatternMatch> next(std::string_view text, std::size_t from) const;

  /// Every match of a left-to-right pass over `text`, appended to `out` in text
  /// order: exactly what next(text, 0), then next(text, end of that match), ...
  /// give, but RE2 runs only on short windows around words that every date shape
  /// needs (digits, month and weekday names, "year", "today", ...), so text that
  /// cannot hold a date is read once by a cheap byte loop instead.
  void scan(std::string_view text, std::vector<PatternMatch>& out) const;
  /// scan(tokens.text, out), the same matches, found faster: the trigger words are
  /// looked up by the tokens' fold hashes instead of being read byte by byte.
  /// `tokens` must be the Tokenizer's tokens of their text.
  void scan(const text::TokenizedText& tokens, std::vector<PatternMatch>& out) const;
  /// The same, and, from the walk over the tokens that it makes anyway, appends
  /// to `picked` in text order the index of every Alnum token and of every
  /// Capitalized one whose fold_hash has the bit of its top 12 bits set in
  /// `capitalized` (4096 bits): the tokens the DATE recognizer's own rules look
  /// at (holiday names, "15th"), without a second pass over every token.
  void scan(const text::TokenizedText& tokens, std::vector<PatternMatch>& out,
            const std::array<std::uint64_t, 64>& capitalized, std::vector<std::uint32_t>& picked) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsner::timex
