// DATE recognizer: finds TimeML DATE expressions in a document and gives each a
// TIMEX3 value resolved against the document creation time (DCT). Stage 3 of the
// pipeline (normalize -> tokenize -> RECOGNIZE -> resolve -> write).
//
// Input: the document's tokens (spans in BYTES of repaired UTF-8) and its DCT.
// Output: DATE Candidates (value set, mod set where a modifier applies), appended
//   to `out`; ranges ("26 July - 22 August") give two candidates.
// Rules: RE2 patterns compiled once (timex/patterns); values by timex/normalizer.
// Thread safety: const after construction; share one instance across threads.
// Errors: none at run time; a pattern that fails to compile throws from the
//   constructor (a programming error caught by the unit tests).
// Cost: linear in text length (one RE2::Set pass plus anchored matches).
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

  void recognize(const text::TokenizedText& tokens,
                 const std::optional<std::chrono::year_month_day>& dct,
                 std::vector<Candidate>& out) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsner::recognize
