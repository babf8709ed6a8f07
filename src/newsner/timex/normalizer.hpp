// TIMEX3 normalizer: calendar arithmetic that turns the parsed parts of a date
// expression (month, day, weekday, a relative offset "last"/"next"/"two ... ago")
// into a timex::Value, anchored at the document creation time (DCT). Used by the
// DATE recognizer (stage 3) after its patterns have found and parsed an expression.
//
// Units: calendar fields; C++20 <chrono> year_month_day / weekday arithmetic, ISO 8601
//   weeks (Monday first, week 1 holds the first Thursday). No byte offsets here.
// Thread safety: pure functions (other calendars' holidays use per-thread ICU calendars).
// Errors: none; with no DCT, relative expressions give values with X's
//   ("XXXX-WXX", "XXXX-12-19"); callers check day validity with valid_day().
// Cost: constant time per call, no allocation except the returned Value.
// Rules: TimeML TIMEX3 1.2 guidelines; anchoring defaults follow news usage as in
//   TempEval-3 TBAQ: a bare weekday is the nearest one not after the DCT unless the
//   context is future; a bare month (or month and day) is the nearest occurrence,
//   biased to the past.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

#include "newsner/options.hpp"
#include "newsner/timex/value.hpp"

namespace newsner::timex {

using Ymd = std::chrono::year_month_day;

/// A calendar unit for relative expressions ("last week", "two years ago").
enum class Unit { Day, Week, Weekend, Month, Quarter, Half, Year, Decade, Century };

/// Which occurrence of a weekday or month a reference means, relative to the DCT.
enum class Direction {
  PastOrSame,    // the latest occurrence not after the DCT ("said Friday")
  Past,          // strictly before the DCT ("last Friday", "last April")
  FutureOrSame,  // the earliest occurrence not before the DCT ("will meet Friday")
  Future,        // strictly after the DCT ("next Friday", "next January")
  Same,          // the one in the DCT's week / year ("this Friday", "this March")
  Nearest,       // the closest, biased to the past (bare "December 19", "October")
};

/// True when y-m-d is a real calendar day.
bool valid_day(int y, int m, int d);

/// Month and day of an all-numeric date "a/b/y" or "a.b.y": with dots (the
/// European way) or when a is above 12 the day comes first, when b is above 12
/// the month does, else `order` decides. (The DATE recognizer and the dateline
/// DCT read such dates alike.)
struct MonthDay {
  int month;
  int day;
};
MonthDay numeric_month_day(int a, int b, bool dots, DateOrder order);

/// ISO 8601 week-based year and week number of `d`.
struct IsoWeek {
  int year;
  int week;
};
IsoWeek iso_week(const Ymd& d);

/// A Day-granularity Value for `d`.
Value day_value(const Ymd& d);

/// The date `n` days after `d` (n may be negative).
Ymd add_days(const Ymd& d, int n);

/// The Value of the `unit` that is `n` units after the one holding `dct`
/// (n = 0: this unit, -1: last, +1: next). No DCT: the unit's X form.
Value shift(const std::optional<Ymd>& dct, Unit unit, int n);

/// The date of `weekday` (1 = Monday .. 7 = Sunday) relative to `dct` in
/// direction `dir`. No DCT: an unanchored weekday value (XXXX-WXX-N).
Value resolve_weekday(const std::optional<Ymd>& dct, int weekday, Direction dir);

/// The year to give month `month` (and optional day, 0 = none) relative to the DCT.
/// kUnknown when there is no DCT.
int resolve_year(const std::optional<Ymd>& dct, int month, int day, Direction dir);

/// Expands a two-digit year to the full year closest to the DCT year (no DCT:
/// 00-49 -> 20xx, 50-99 -> 19xx).
int expand_two_digit_year(int yy, const std::optional<Ymd>& dct);

/// The year of the season `s` ("summer") in direction `dir` from the DCT.
int resolve_season_year(const std::optional<Ymd>& dct, Season s, Direction dir);

/// Holidays that are DATEs (TimeML annotates "Christmas" with the day's value).
/// Sources: fixed Gregorian days; US federal rules (5 U.S.C. 6103) for the
/// weekday-counted ones; Easter by the Gregorian computus (below); ICU's
/// islamic-umalqura, chinese, hebrew and persian calendars for those calendars' days.
enum class Holiday : std::uint8_t {
  NewYearsDay,     // January 1
  ValentinesDay,   // February 14
  GoodFriday,      // Easter - 2 days
  Easter,          // Easter Sunday
  EasterMonday,    // Easter + 1 day
  MemorialDay,     // US: last Monday of May
  IndependenceUs,  // US: July 4
  LaborDay,        // US: first Monday of September
  Halloween,       // October 31
  Thanksgiving,    // US: fourth Thursday of November
  ChristmasEve,    // December 24
  Christmas,       // December 25
  BoxingDay,       // December 26
  NewYearsEve,     // December 31
  // Other calendars' days, by ICU's calendars (other_calendars.hpp); a festival of
  // several days is its first, a Jewish holiday the day its evening starts before.
  LunarNewYear,    // Chinese calendar: 1st day of the 1st month
  EidAlFitr,       // Islamic (Umm al-Qura): 1 Shawwal
  EidAlAdha,       // Islamic: 10 Dhu al-Hijjah
  IslamicNewYear,  // Islamic: 1 Muharram
  Ashura,          // Islamic: 10 Muharram
  RoshHashanah,    // Hebrew: 1 Tishri
  YomKippur,       // Hebrew: 10 Tishri
  Passover,        // Hebrew: 15 Nisan
  Hanukkah,        // Hebrew: 25 Kislev
  Nowruz,          // Persian (Solar Hijri): 1 Farvardin
  MidAutumn,       // Chinese: 15th day of the 8th month
  DragonBoat,      // Chinese: 5th day of the 5th month (Duanwu)
  // Korea's and Vietnam's lunisolar calendars reckon the new moons at UTC+9 and
  // UTC+7, China's at UTC+8: the same days but in a few years (ICU's dangi puts
  // Seollal 2028 on January 27, China's new year is January 26; Tet 2007 was
  // February 17, China's February 18). ICU has no Vietnamese calendar, and its
  // Korean one cannot be used beside the chinese one (other_calendars.hpp): these
  // three are the chinese calendar's days.
  Seollal,         // Korean new year: 1st day of the 1st month
  Chuseok,         // Korean harvest festival: 15th day of the 8th month
  Tet,             // Vietnamese new year: 1st day of the 1st month
  Unknown,         // a holiday whose day is not known ("Ukraine's Independence Day")
};

/// Easter Sunday of Gregorian year `year`: the "Anonymous Gregorian algorithm"
/// (Meeus, Astronomical Algorithms, 2nd ed., ch. 8; Butcher 1876), valid for all
/// Gregorian years.
Ymd easter_sunday(int year);

/// The day of holiday `h` in `year` (not for Holiday::Unknown). An Islamic
/// holiday (a lunar year of 354 days) can fall twice in a Gregorian year: the first.
Ymd holiday_in(Holiday h, int year);

/// The holiday's day: in `year` when known, else the occurrence `dir` from the
/// DCT (Nearest: the past one unless the coming one is at most 75 days ahead, as
/// for "December 25"). No DCT and no year: "XXXX-12-25" for a fixed day,
/// "XXXX-XX-XX" for one that moves with the year (Easter, Thanksgiving).
Value resolve_holiday(const std::optional<Ymd>& dct, Holiday h, int year, Direction dir);

/// The fiscal quarter a news report most likely means by "the quarter" or "the
/// latest quarter": the one holding the day 45 days before the DCT.
Value reported_quarter(const std::optional<Ymd>& dct, int year_shift);

}  // namespace newsner::timex
