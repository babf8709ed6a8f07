// DATE recognizer: finds TimeML DATE expressions in a document and gives each a
// TIMEX3 value resolved against the document creation time (DCT). Stage 3 of the
// pipeline (normalize -> tokenize -> RECOGNIZE -> resolve -> write).
//
// Input: the document's tokens (spans in BYTES of repaired UTF-8) and its DCT.
// Output: DATE Candidates appended to `out`, in text order and never overlapping
//   each other: span [begin, end) in BYTES, value (TIMEX3: "2018-12-19",
//   "XXXX-12-19" without a DCT, "2018-W50", "2018-Q3", "199", "PRESENT_REF"), mod
//   ("START", "MID", "END", "APPROX" or ""), evidence "date.<rule>" (e.g.
//   "date.month_day", "date.relative"), score 0.9. A range ("26 July - 22 August",
//   "January 21-23", "between 1990 and 1995") gives two candidates.
// Extents follow TimeML: determiners and modifiers are inside ("the end of this
//   year", "late January 2019", "the mid-20th century"); durations ("three years",
//   "the past few weeks"), sets ("every Monday"), times of day ("Friday morning"),
//   and look-alikes (scores, phone numbers, "The second test", "Mrs May", "may")
//   give nothing.
// Anchoring: a bare weekday is the latest one not after the DCT unless the words
//   before it are future ("will", "postponed", ...); a month or month-day without a
//   year is the nearest occurrence, biased to the past; "last"/"next"/"this" move by
//   whole units (ISO weeks for "week"); "a year ago" after talk of quarters is the
//   year-ago quarter (TimeML practice in earnings reports). Holidays ("Christmas",
//   "Thanksgiving", "Easter Sunday") take the day's value, their year found as for
//   "December 25"; "on the 15th" is a day of the DCT's month; in "9 to 11 July" the
//   first day takes the second's month. These are found by a test on each token (a
//   capitalized holiday word, a digit ordinal), not by the patterns.
// Rules: timex/patterns (one RE2 leftmost-longest pass + an anchored RE2::Set to
//   name the rule); values by timex/normalizer; TimeML TIMEX3 1.2 guidelines and
//   TempEval-3 TBAQ conventions.
// Options: DateOrder for ambiguous all-numeric dates (MonthDayYear); unambiguous
//   ones (19/12/2018) resolve the same under either order.
// Thread safety: const after construction; share one instance across threads.
// Errors: none at run time; a pattern that fails to compile throws from the
//   constructor (a programming error caught by the unit tests).
// Cost: linear in text length (one pass over the tokens' fold hashes, and RE2 only
//   on windows around date words; per match, the rule lookup and constant work);
//   no allocation except the candidates and the match list.
//   The DFA is built lazily, so the first documents run slower.
// Usage:
//   DateRecognizer dates(options.date_order);
//   dates.recognize(tokenizer.tokenize(doc.text), doc.dct, candidates);
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

#include "newsner/document.hpp"
#include "newsner/options.hpp"
#include "newsner/text/tokenizer.hpp"

namespace newsner::recognize {

class DateRecognizer {
 public:
  explicit DateRecognizer(DateOrder order = DateOrder::MonthDayYear);
  ~DateRecognizer();
  DateRecognizer(const DateRecognizer&) = delete;
  DateRecognizer& operator=(const DateRecognizer&) = delete;

  /// `sports`: the document is a sports report (recognize::Context::sports), where
  /// "the third quarter" without a year is a period of the game, not a date.
  void recognize(const text::TokenizedText& tokens,
                 const std::optional<std::chrono::year_month_day>& dct,
                 std::vector<Candidate>& out, bool sports = false) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsner::recognize
