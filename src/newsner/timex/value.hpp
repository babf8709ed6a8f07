// TIMEX3 values: a small value type for the calendar part of a DATE (a day, month,
// year, decade, century, ISO week, quarter, half, season, or a PRESENT/PAST/FUTURE
// reference) and its formatting as a TimeML `value` string ("2018-12-19",
// "XXXX-12-19", "2018-W50", "2018-Q3", "2018-H1", "2018-SU", "199", "19",
// "PRESENT_REF"), plus the TIMEX3 `mod` attribute. Used by timex/normalizer and the
// DATE recognizer (stage 3 of the pipeline).
//
// Units: calendar fields only (no byte offsets here). An unknown year is kUnknown and
//   prints as "XXXX" (unknown month/week as "XX"), as TimeML writes it when there is
//   no document creation time (DCT).
// Thread safety: plain values and pure functions.
// Errors: none; out-of-range fields are formatted as given (callers validate).
// Cost: one small string per format() call (no allocation for the usual lengths).
// Rules: TimeML TIMEX3 1.2 guidelines (value and mod attributes), as applied in the
//   TempEval-3 TBAQ corpus.
#pragma once

#include <string>
#include <string_view>

namespace newsner::timex {

/// Marks an unknown numeric field (printed as X's).
inline constexpr int kUnknown = -1;

/// Granularity of a TIMEX3 DATE value, from the finest to references.
enum class Granularity {
  Day,      // 2018-12-19
  Month,    // 2018-12
  Year,     // 2018
  Decade,   // 199 (year holds the first three digits)
  Century,  // 19 (year holds the first two digits)
  Week,     // 2018-W50 (year is the ISO week-based year)
  Weekend,  // 2018-W50-WE
  Weekday,  // XXXX-WXX-3 (an unanchored weekday, day holds 1=Mon..7=Sun)
  Quarter,  // 2018-Q3 (part 1..4, or kUnknown -> QX)
  Half,     // 2018-H1 (part 1..2)
  Season,   // 2018-SU (part: Season)
  Ref,      // PRESENT_REF / PAST_REF / FUTURE_REF
};

enum class Season { Spring = 1, Summer, Fall, Winter };
enum class Ref { Present, Past, Future };

/// TIMEX3 mod attribute values used for DATEs ("" for None).
enum class Mod { None, Start, Mid, End, Approx, Before, After, OnOrBefore, OnOrAfter };

struct Value {
  Granularity granularity = Granularity::Year;
  int year = kUnknown;   // full year, or its 3 / 2 leading digits for Decade / Century
  int month = kUnknown;  // 1..12
  int day = kUnknown;    // 1..31 (Day); 1..7 (Weekday)
  int week = kUnknown;   // ISO week 1..53 (Week, Weekend)
  int part = kUnknown;   // quarter 1..4, half 1..2, or Season as int
  Ref ref = Ref::Present;
};

/// The TimeML value string of `v`.
std::string format(const Value& v);
/// format(v), written over `out` (whose capacity it reuses).
void format_to(const Value& v, std::string& out);

/// "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE",
/// "ON_OR_AFTER", or "" for Mod::None.
std::string_view to_string(Mod mod);

}  // namespace newsner::timex
