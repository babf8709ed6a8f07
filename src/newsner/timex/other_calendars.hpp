// Gregorian days of dates in the Islamic, Chinese, Hebrew and Persian calendars,
// as ICU's calendars compute them: for the holidays those calendars fix (Eid
// al-Fitr, Lunar New Year, Passover, Nowruz; normalizer.cpp). No calendar
// arithmetic of our own.
//
// Units: years and months are ICU's fields of each calendar: EXTENDED_YEAR (the
//   Hijri year; the Chinese year counted from 2637 BCE, so the one that starts in
//   Gregorian year Y is Y + 2637; the Hebrew year AM; the Persian (Solar Hijri)
//   year AP, Y - 621 for the one that starts in March of Y) and MONTH from 0
//   (Hebrew: 0 Tishri .. 7 Nisan, ICU's fixed numbering whatever the year's
//   length; Persian: 0 Farvardin).
// Thread safety: each thread makes its own ICU calendars, the first time it asks
//   for a date in one (not at startup: most documents name no such holiday), and
//   keeps a memo of their answers.
// Errors: an ICU failure gives 1 January 1970 (from_other_calendar) or year 0
//   (other_calendar_year); where ICU's data lacks the calendar, its Gregorian one
//   answers (wrong days, no crash). ICU's own range covers any Gregorian year a
//   text names.
// Cost: an answer in memo is a few instructions; else a day in the Islamic,
//   Hebrew or Persian calendar takes ICU a few thousand, in the Chinese (astronomical new
//   moons) ~70,000-90,000, and the Islamic year of a day ~150,000 (a search over
//   the Umm al-Qura years): ask for that of January 1, which recurs.
#pragma once

#include <chrono>
#include <cstdint>

namespace newsner::timex {

/// The calendars whose holidays are DATEs. Islamic is ICU's "islamic-umalqura"
/// (Saudi Arabia's Umm al-Qura tables, arithmetic outside 1300-1600 AH); Persian
/// is ICU's "persian" (the 33-year arithmetic cycle; it gives Iran's published
/// 1 Farvardin of 2023-2031, the years checked). Not ICU's "dangi" (Korea's):
/// before ICU 75 it shares the chinese calendar's process-wide caches of new years
/// and solstices (ICU-9972), so that asking both corrupts the other's answers
/// (with ICU 72, 2028's Lunar New Year became March 26 after Korea's).
enum class OtherCalendar : std::uint8_t { Islamic, Chinese, Hebrew, Persian };

/// The Persian (Solar Hijri) year that starts in March of Gregorian year Y is
/// Y - kPersianYearOffset.
inline constexpr int kPersianYearOffset = 621;

/// The Gregorian day of day `day` of month `month` (from 0) of year `year` of
/// `cal`, year and month in ICU's fields as in Units above (EXTENDED_YEAR).
std::chrono::year_month_day from_other_calendar(OtherCalendar cal, int year, int month, int day);

/// The year of `cal` that holds Gregorian day `d`.
int other_calendar_year(OtherCalendar cal, const std::chrono::year_month_day& d);

}  // namespace newsner::timex
