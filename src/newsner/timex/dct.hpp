// Document creation time (DCT) lookup: from a "YYYY-MM-DD" string (flag or JSONL
// field) or from a full date in the article's dateline (its first lines, e.g.
// "LONDON 1996-08-30", "Tuesday, March 3, 2015", "TOKYO, December 19, 2018",
// "PARIS, 19 December 2018", "DUBLIN, 21/01/2025": an all-numeric date's day is
// the number above 12, else the first number with DateOrder::DayMonthYear).
// Never the machine clock. Partial datelines
// ("LATTAKIA, Aug 10") give no DCT here; with a reference date,
// complete_yearless_dateline gives them its year (and keeps a full dateline's date).
// The dateline's date is also found by the DATE
// recognizer as an ordinary mention.
// Thread safety: pure functions (patterns are compiled once, thread-safely).
// Errors: nullopt for malformed input or impossible days (2018-02-30).
// Cost: parse_iso_date O(1); find_dateline_dct reads at most 400 bytes (one RE2
// search, none when the head has no four digits in a row).
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "newsner/options.hpp"

namespace newsner::timex {

/// Parses "YYYY-MM-DD" (optionally followed by "T..." time, ignored); nullopt
/// when malformed or not a real calendar day.
std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view s);

/// Parses the date of an RFC 822 / RFC 1123 date-time, as RSS pubDate and mail
/// headers write it: "Tue, 14 Oct 2025 08:30:00 GMT", "14 Oct 2025 08:30 +0200"
/// (the weekday is optional, the time and zone are ignored: the date as written).
std::optional<std::chrono::year_month_day> parse_rfc822_date(std::string_view s);

/// A JSONL date field: ISO 8601 (parse_iso_date; also "YYYY/MM/DD"), else RFC 822/1123
/// (parse_rfc822_date), else a full date as a dateline writes it
/// (find_dateline_dct: "Oct. 14, 2025", "14 October 2025", "10/14/2025" read
/// with `order`).
std::optional<std::chrono::year_month_day> parse_date_field(std::string_view s,
                                                            DateOrder order = DateOrder::MonthDayYear);

/// Finds a full date (year, month and day) in the first lines of `text`
/// (up to 5 non-empty lines, 400 bytes); nullopt when there is none.
std::optional<std::chrono::year_month_day> find_dateline_dct(std::string_view text,
                                                             DateOrder order = DateOrder::MonthDayYear);

/// With a reference date (--reference-date): the day of a dateline at a line's start
/// in the head ("SINGAPORE, Nov 27 (Reuters) -", "NAIROBI, 27 November -", "SPRINGFIELD,
/// Ill., Nov. 24 -"), in the year that puts it nearest `reference`, or in its own year
/// when it has one ("VELDHOVEN, Netherlands, Oct. 15, 2026 -"); nullopt when the head has
/// no such dateline (a date in a sentence is not one). One RE2 search over the first 400
/// bytes, only when a reference date is given.
std::optional<std::chrono::year_month_day> complete_yearless_dateline(std::string_view text,
                                                                      const std::chrono::year_month_day& reference);

}  // namespace newsner::timex
