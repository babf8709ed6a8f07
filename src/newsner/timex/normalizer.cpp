#include "newsner/timex/normalizer.hpp"

#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <array>
#include <cstdlib>

#include "newsner/timex/other_calendars.hpp"

namespace newsner::timex {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

int y_of(const Ymd& d) { return static_cast<int>(d.year()); }
int m_of(const Ymd& d) { return static_cast<int>(static_cast<unsigned>(d.month())); }
int d_of(const Ymd& d) { return static_cast<int>(static_cast<unsigned>(d.day())); }

// Month index counted from year 0, for month arithmetic.
int month_index(const Ymd& d) { return y_of(d) * 12 + m_of(d) - 1; }

int season_of_month(int m) {
  if (m >= 3 && m <= 5) return static_cast<int>(Season::Spring);
  if (m >= 6 && m <= 8) return static_cast<int>(Season::Summer);
  if (m >= 9 && m <= 11) return static_cast<int>(Season::Fall);
  return static_cast<int>(Season::Winter);
}

}  // namespace

MonthDay numeric_month_day(int a, int b, bool dots, DateOrder order) {
  if (dots || a > 12) return {b, a};
  if (b > 12) return {a, b};
  return order == DateOrder::DayMonthYear ? MonthDay{b, a} : MonthDay{a, b};
}

bool valid_day(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  return Ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
             std::chrono::day{static_cast<unsigned>(d)}}
      .ok();
}

Ymd add_days(const Ymd& d, int n) { return Ymd{sys_days{d} + days{n}}; }

IsoWeek iso_week(const Ymd& d) {
  const sys_days sd{d};
  // The Thursday of d's week decides its week-based year.
  const unsigned wd = std::chrono::weekday{sd}.iso_encoding();  // 1 = Mon .. 7 = Sun
  const Ymd thursday{sd + days{4 - static_cast<int>(wd)}};
  const int wy = y_of(thursday);
  const sys_days jan1{std::chrono::year{wy} / std::chrono::January / 1};
  const int week = static_cast<int>((sys_days{thursday} - jan1).count()) / 7 + 1;
  return {wy, week};
}

Value day_value(const Ymd& d) {
  Value v;
  v.granularity = Granularity::Day;
  v.year = y_of(d);
  v.month = m_of(d);
  v.day = d_of(d);
  return v;
}

Value shift(const std::optional<Ymd>& dct, Unit unit, int n) {
  Value v;
  switch (unit) {
    case Unit::Day:
      if (!dct) return Value{Granularity::Day};
      return day_value(add_days(*dct, n));
    case Unit::Week:
    case Unit::Weekend: {
      v.granularity = unit == Unit::Week ? Granularity::Week : Granularity::Weekend;
      if (!dct) return v;
      const IsoWeek w = iso_week(add_days(*dct, 7 * n));
      v.year = w.year;
      v.week = w.week;
      return v;
    }
    case Unit::Month: {
      v.granularity = Granularity::Month;
      if (!dct) return v;
      const int idx = month_index(*dct) + n;
      v.year = idx / 12;
      v.month = idx % 12 + 1;
      return v;
    }
    case Unit::Quarter:
    case Unit::Half: {
      // The DCT's quarter (4 parts a year) or half (2), shifted by n parts.
      const int parts = unit == Unit::Quarter ? 4 : 2;
      v.granularity = unit == Unit::Quarter ? Granularity::Quarter : Granularity::Half;
      if (!dct) return v;
      const int p = y_of(*dct) * parts + (m_of(*dct) - 1) / (12 / parts) + n;
      v.year = p / parts;
      v.part = p % parts + 1;
      return v;
    }
    case Unit::Year:
      v.granularity = Granularity::Year;
      if (dct) v.year = y_of(*dct) + n;
      return v;
    case Unit::Decade:
      v.granularity = Granularity::Decade;
      if (dct) v.year = y_of(*dct) / 10 + n;
      return v;
    case Unit::Century:
      v.granularity = Granularity::Century;
      if (dct) v.year = y_of(*dct) / 100 + n;
      return v;
  }
  return v;
}

Value resolve_weekday(const std::optional<Ymd>& dct, int weekday, Direction dir) {
  if (!dct) {
    Value v;
    v.granularity = Granularity::Weekday;
    v.day = weekday;
    return v;
  }
  const int today = static_cast<int>(std::chrono::weekday{sys_days{*dct}}.iso_encoding());
  int back = (today - weekday + 7) % 7;     // days back to the latest such weekday (0..6)
  int ahead = (weekday - today + 7) % 7;    // days ahead to the next one (0..6)
  int delta = 0;
  switch (dir) {
    case Direction::PastOrSame: delta = -back; break;
    case Direction::Past: delta = back == 0 ? -7 : -back; break;
    case Direction::FutureOrSame: delta = ahead; break;
    case Direction::Future: delta = ahead == 0 ? 7 : ahead; break;
    case Direction::Same: delta = weekday - today; break;
    case Direction::Nearest: delta = back <= ahead ? -back : ahead; break;
  }
  return day_value(add_days(*dct, delta));
}

int resolve_year(const std::optional<Ymd>& dct, int month, int day, Direction dir) {
  if (!dct) return kUnknown;
  const int y = y_of(*dct);
  const int dm = m_of(*dct);
  const int dd = d_of(*dct);
  // Compare (month, day) with the DCT's; day 0 compares at month granularity.
  auto cmp = [&]() {
    if (month != dm) return month < dm ? -1 : 1;
    if (day == 0 || day == dd) return 0;
    return day < dd ? -1 : 1;
  };
  const int c = cmp();
  switch (dir) {
    case Direction::Same: return y;
    case Direction::PastOrSame: return c <= 0 ? y : y - 1;
    case Direction::Past: return c < 0 ? y : y - 1;
    case Direction::FutureOrSame: return c >= 0 ? y : y + 1;
    case Direction::Future: return c > 0 ? y : y + 1;
    case Direction::Nearest: {
      if (c == 0) return y;
      const int past_y = c < 0 ? y : y - 1, future_y = c > 0 ? y : y + 1;
      if (day != 0) {
        // Days counted on the calendar (month lengths, year ends): at most 75 ahead is the coming one.
        auto at = [&](int yy) {
          return sys_days{std::chrono::year{yy} / static_cast<unsigned>(month) / static_cast<unsigned>(day)};
        };
        const sys_days t{*dct};
        const auto ahead = (at(future_y) - t).count(), back = (t - at(past_y)).count();
        return ahead < back && ahead <= 75 ? future_y : past_y;
      }
      // A month alone: distances from mid-month to mid-month (31-day months); at
      // most a month ahead is the coming one.
      const int here = dm * 31, there = month * 31;
      const int past_dist = c < 0 ? here - there : here - there + 372;
      const int future_dist = c > 0 ? there - here : there - here + 372;
      return future_dist < past_dist && future_dist <= 31 ? future_y : past_y;
    }
  }
  return y;
}

int expand_two_digit_year(int yy, const std::optional<Ymd>& dct) {
  if (!dct) return yy < 50 ? 2000 + yy : 1900 + yy;
  const int y = y_of(*dct);
  int best = (y / 100) * 100 + yy;
  for (int c : {best - 100, best + 100}) {
    if (std::abs(c - y) < std::abs(best - y)) best = c;
  }
  return best;
}

int resolve_season_year(const std::optional<Ymd>& dct, Season s, Direction dir) {
  if (!dct) return kUnknown;
  const int y = y_of(*dct);
  const int m = m_of(*dct);
  const int cur = season_of_month(m);
  const int want = static_cast<int>(s);
  // Winter months Jan/Feb belong to the winter named after the previous year.
  const int cur_year = (cur == static_cast<int>(Season::Winter) && m <= 2) ? y - 1 : y;
  // Season order index within a "season year": Spring 0, Summer 1, Fall 2, Winter 3.
  const int cur_idx = cur_year * 4 + cur - 1;
  int idx = cur_year * 4 + want - 1;
  switch (dir) {
    case Direction::Past:
    case Direction::PastOrSame:
      if (idx > cur_idx || (dir == Direction::Past && idx == cur_idx)) idx -= 4;
      break;
    case Direction::Future:
    case Direction::FutureOrSame:
      if (idx < cur_idx || (dir == Direction::Future && idx == cur_idx)) idx += 4;
      break;
    case Direction::Same:
      return y;
    case Direction::Nearest:
      if (idx - cur_idx > 2) idx -= 4;
      if (cur_idx - idx > 2) idx += 4;
      break;
  }
  return idx / 4;
}

Ymd easter_sunday(int year) {
  const int a = year % 19, b = year / 100, c = year % 100;
  const int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
             std::chrono::day{static_cast<unsigned>(day)}};
}

namespace {

Ymd ymd(int y, int m, int d) {
  return Ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
             std::chrono::day{static_cast<unsigned>(d)}};
}

// The `nth` `weekday` (UCAL_SUNDAY..) of month `m` in year `y`; nth -1 is the last.
// ICU's Gregorian calendar counts it (DAY_OF_WEEK_IN_MONTH). After its switch
// from the Julian calendar (October 1582) that calendar is std::chrono's, which
// answers without constructing one (about 35,000 instructions each).
Ymd nth_weekday(int y, int m, UCalendarDaysOfWeek weekday, int nth) {
  if (y > 1582 && y <= 9999 && (nth == -1 || (nth >= 1 && nth <= 4))) {
    const std::chrono::year_month month = std::chrono::year{y} / m;
    const std::chrono::weekday wd{static_cast<unsigned>(weekday - UCAL_SUNDAY)};
    return nth == -1 ? Ymd{std::chrono::sys_days{month / wd[std::chrono::last]}}
                     : Ymd{std::chrono::sys_days{month / wd[static_cast<unsigned>(nth)]}};
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar cal(*icu::TimeZone::getGMT(), status);
  cal.clear();
  cal.set(UCAL_YEAR, y);
  cal.set(UCAL_MONTH, m - 1);
  cal.set(UCAL_DAY_OF_WEEK, weekday);
  cal.set(UCAL_DAY_OF_WEEK_IN_MONTH, nth);
  const int d = cal.get(UCAL_DATE, status);
  return ymd(y, m, U_SUCCESS(status) ? d : 1);
}

// True for a holiday whose month and day are the same every year.
bool fixed_day(Holiday h) {
  switch (h) {
    case Holiday::GoodFriday: case Holiday::Easter: case Holiday::EasterMonday:
    case Holiday::MemorialDay: case Holiday::LaborDay: case Holiday::Thanksgiving:
    case Holiday::LunarNewYear: case Holiday::EidAlFitr: case Holiday::EidAlAdha:
    case Holiday::IslamicNewYear: case Holiday::Ashura: case Holiday::RoshHashanah: case Holiday::YomKippur:
    case Holiday::Passover: case Holiday::Hanukkah: case Holiday::Nowruz: case Holiday::MidAutumn:
    case Holiday::DragonBoat: case Holiday::Seollal: case Holiday::Chuseok: case Holiday::Tet:
    case Holiday::Unknown:
      return false;
    default:
      return true;
  }
}

bool islamic(Holiday h) {
  return h == Holiday::EidAlFitr || h == Holiday::EidAlAdha || h == Holiday::IslamicNewYear ||
         h == Holiday::Ashura;
}

// The Islamic holiday `h` in Hijri year `hijri` (months from 0: 0 Muharram, 9
// Shawwal, 11 Dhu al-Hijjah).
Ymd islamic_holiday(Holiday h, int hijri) {
  if (h == Holiday::EidAlFitr) return from_other_calendar(OtherCalendar::Islamic, hijri, 9, 1);
  if (h == Holiday::EidAlAdha) return from_other_calendar(OtherCalendar::Islamic, hijri, 11, 10);
  if (h == Holiday::Ashura) return from_other_calendar(OtherCalendar::Islamic, hijri, 0, 10);
  return from_other_calendar(OtherCalendar::Islamic, hijri, 0, 1);
}

// The first occurrence of Islamic holiday `h` in Gregorian `year`: the Hijri
// year of January 1 may have had it already.
Ymd islamic_holiday_in(Holiday h, int year) {
  const Ymd jan1 = ymd(year, 1, 1);
  const int hijri = other_calendar_year(OtherCalendar::Islamic, jan1);
  const Ymd d = islamic_holiday(h, hijri);
  return sys_days{d} < sys_days{jan1} ? islamic_holiday(h, hijri + 1) : d;
}

// The Chinese, Hebrew and Persian holidays fall once in each Gregorian year: the
// Chinese year that starts in `year` is year + 2637 (ICU's count from 2637 BCE);
// Nisan (ICU month 7) of `year` is in the Hebrew year that started the autumn
// before, Tishri (0) and Kislev (2) in the one that starts that autumn; the
// Persian year that starts in March of `year` is year - 621. (ICU 72 finds some
// new moons near midnight in China a few minutes off: 2027's new year, February 6
// by the Hong Kong Observatory, is February 7 there.)
Ymd lunisolar_holiday_in(Holiday h, int year) {
  switch (h) {
    case Holiday::LunarNewYear: case Holiday::Seollal: case Holiday::Tet:
      return from_other_calendar(OtherCalendar::Chinese, year + 2637, 0, 1);
    case Holiday::MidAutumn: case Holiday::Chuseok:
      return from_other_calendar(OtherCalendar::Chinese, year + 2637, 7, 15);
    case Holiday::DragonBoat: return from_other_calendar(OtherCalendar::Chinese, year + 2637, 4, 5);
    case Holiday::Nowruz: return from_other_calendar(OtherCalendar::Persian, year - kPersianYearOffset, 0, 1);
    case Holiday::Passover: return from_other_calendar(OtherCalendar::Hebrew, year + 3760, 7, 15);
    case Holiday::RoshHashanah: return from_other_calendar(OtherCalendar::Hebrew, year + 3761, 0, 1);
    case Holiday::YomKippur: return from_other_calendar(OtherCalendar::Hebrew, year + 3761, 0, 10);
    default: return from_other_calendar(OtherCalendar::Hebrew, year + 3761, 2, 25);  // Hanukkah
  }
}

// The Hijri year that holds `d`: that of January 1 (a recurring question ICU's
// answer is kept for), or one or two later (a Hijri year has 354 or 355 days).
int hijri_year_at(const Ymd& d) {
  int hijri = other_calendar_year(OtherCalendar::Islamic, ymd(y_of(d), 1, 1));
  while (sys_days{from_other_calendar(OtherCalendar::Islamic, hijri + 1, 0, 1)} <= sys_days{d}) ++hijri;
  return hijri;
}

// Three successive occurrences of `h` around the DCT, the middle one in its year.
// An Islamic holiday's are counted in Hijri years: a Gregorian year can hold two
// of them (or none), and the Hijri year of the DCT holds it exactly once.
std::array<sys_days, 3> occurrences_around(Holiday h, const Ymd& dct) {
  if (islamic(h)) {
    const int hijri = hijri_year_at(dct);
    return {sys_days{islamic_holiday(h, hijri - 1)}, sys_days{islamic_holiday(h, hijri)},
            sys_days{islamic_holiday(h, hijri + 1)}};
  }
  const int y = y_of(dct);
  return {sys_days{holiday_in(h, y - 1)}, sys_days{holiday_in(h, y)}, sys_days{holiday_in(h, y + 1)}};
}

}  // namespace

Ymd holiday_in(Holiday h, int year) {
  switch (h) {
    case Holiday::NewYearsDay: return ymd(year, 1, 1);
    case Holiday::ValentinesDay: return ymd(year, 2, 14);
    case Holiday::GoodFriday: return add_days(easter_sunday(year), -2);
    case Holiday::Easter: return easter_sunday(year);
    case Holiday::EasterMonday: return add_days(easter_sunday(year), 1);
    case Holiday::MemorialDay: return nth_weekday(year, 5, UCAL_MONDAY, -1);
    case Holiday::IndependenceUs: return ymd(year, 7, 4);
    case Holiday::LaborDay: return nth_weekday(year, 9, UCAL_MONDAY, 1);
    case Holiday::Halloween: return ymd(year, 10, 31);
    case Holiday::Thanksgiving: return nth_weekday(year, 11, UCAL_THURSDAY, 4);
    case Holiday::ChristmasEve: return ymd(year, 12, 24);
    case Holiday::Christmas: return ymd(year, 12, 25);
    case Holiday::BoxingDay: return ymd(year, 12, 26);
    case Holiday::NewYearsEve: return ymd(year, 12, 31);
    case Holiday::EidAlFitr: case Holiday::EidAlAdha: case Holiday::IslamicNewYear: case Holiday::Ashura:
      return islamic_holiday_in(h, year);
    case Holiday::LunarNewYear: case Holiday::RoshHashanah: case Holiday::YomKippur:
    case Holiday::Passover: case Holiday::Hanukkah: case Holiday::Nowruz: case Holiday::MidAutumn:
    case Holiday::DragonBoat: case Holiday::Seollal: case Holiday::Chuseok: case Holiday::Tet:
      return lunisolar_holiday_in(h, year);
    case Holiday::Unknown: break;
  }
  return ymd(year, 1, 1);
}

Value resolve_holiday(const std::optional<Ymd>& dct, Holiday h, int year, Direction dir) {
  Value v;
  v.granularity = Granularity::Day;
  if (h == Holiday::Unknown) {
    v.year = year;
    return v;
  }
  if (year == kUnknown && !dct) {
    if (fixed_day(h)) {
      const Ymd d = holiday_in(h, 2000);
      v.month = m_of(d);
      v.day = d_of(d);
    }
    return v;
  }
  if (year != kUnknown) return day_value(holiday_in(h, year));
  // Three successive occurrences, the middle one in the DCT's year.
  const sys_days t{*dct};
  const std::array<sys_days, 3> at = occurrences_around(h, *dct);
  sys_days past = at[0], future = at[2];  // the latest <= DCT, the earliest >= DCT
  for (const sys_days d : at) {
    if (d <= t) past = d;
  }
  for (int i = 2; i >= 0; --i) {
    if (at[i] >= t) future = at[i];
  }
  sys_days pick = at[1];
  switch (dir) {
    case Direction::Same: pick = at[1]; break;
    case Direction::PastOrSame: pick = past; break;
    case Direction::Past: pick = past == t ? at[past == at[1] ? 0 : 1] : past; break;
    case Direction::FutureOrSame: pick = future; break;
    case Direction::Future: pick = future == t ? at[future == at[1] ? 2 : 1] : future; break;
    case Direction::Nearest: {
      const auto back = (t - past).count(), ahead = (future - t).count();
      pick = ahead < back && ahead <= 75 ? future : past;
      break;
    }
  }
  return day_value(Ymd{pick});
}

Value reported_quarter(const std::optional<Ymd>& dct, int year_shift) {
  Value v;
  v.granularity = Granularity::Quarter;
  if (!dct) return v;
  const Ymd d = add_days(*dct, -45);
  v.year = y_of(d) + year_shift;
  v.part = (m_of(d) - 1) / 3 + 1;
  return v;
}

}  // namespace newsner::timex
