// Document creation time (DCT) lookup: from a "YYYY-MM-DD" string (flag or JSONL
// field) or from a full date in the article's dateline (its first lines, e.g.
// "LONDON 1996-08-30" or "Tuesday, March 3, 2015"). Never the machine clock.
// Thread safety: pure functions.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace newsner::timex {

/// Parses "YYYY-MM-DD" (optionally followed by "T..." time, ignored); nullopt
/// when malformed or not a real calendar day.
std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view s);

/// Finds a full date (year, month and day) in the first lines of `text`
/// (up to 5 non-empty lines, 400 bytes); nullopt when there is none.
std::optional<std::chrono::year_month_day> find_dateline_dct(std::string_view text);

}  // namespace newsner::timex
