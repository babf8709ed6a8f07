// timex: value formatting, calendar arithmetic (ISO weeks, weekday and month
// anchoring, two-digit years) and DCT lookup from datelines.
#include <doctest/doctest.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include "newsner/timex/dct.hpp"
#include "newsner/timex/normalizer.hpp"
#include "newsner/timex/value.hpp"

using namespace newsner::timex;
using std::chrono::year_month_day;

namespace {
year_month_day ymd(int y, unsigned m, unsigned d) {
  return year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}
}  // namespace

TEST_CASE("timex value: formatting") {
  Value v;
  v.granularity = Granularity::Day;
  v.year = 2018, v.month = 12, v.day = 19;
  CHECK(format(v) == "2018-12-19");
  v.year = kUnknown;
  CHECK(format(v) == "XXXX-12-19");
  Value m{Granularity::Month, 2019, 1};
  CHECK(format(m) == "2019-01");
  Value dec{Granularity::Decade, 199};
  CHECK(format(dec) == "199");
  Value c{Granularity::Century, 19};
  CHECK(format(c) == "19");
  Value w{Granularity::Week, 2018};
  w.week = 50;
  CHECK(format(w) == "2018-W50");
  Value q{Granularity::Quarter, 2018};
  q.part = 3;
  CHECK(format(q) == "2018-Q3");
  Value s{Granularity::Season, 2018};
  s.part = static_cast<int>(Season::Summer);
  CHECK(format(s) == "2018-SU");
  Value r{Granularity::Ref};
  r.ref = Ref::Past;
  CHECK(format(r) == "PAST_REF");
  CHECK(to_string(Mod::Mid) == "MID");
  CHECK(to_string(Mod::None).empty());
}

TEST_CASE("timex value: zero padding and wide fields") {
  // The digit-pair fast path (4-digit years, 2-digit months and days) and the
  // general path (wider or narrower numbers) write the same digits.
  Value v{Granularity::Day, 7, 1, 5};
  CHECK(format(v) == "0007-01-05");
  v = Value{Granularity::Day, 999, 10, 31};
  CHECK(format(v) == "0999-10-31");
  v = Value{Granularity::Day, 0, 0, 0};
  CHECK(format(v) == "0000-00-00");
  v = Value{Granularity::Day, 12345, 123, 100};
  CHECK(format(v) == "12345-123-100");
  v = Value{Granularity::Month, 9999, 99};
  CHECK(format(v) == "9999-99");
  CHECK(format(Value{Granularity::Year, 10000}) == "10000");
  CHECK(format(Value{Granularity::Year, 2147483647}) == "2147483647");
  CHECK(format(Value{Granularity::Decade, 5}) == "005");
  CHECK(format(Value{Granularity::Century, 1}) == "01");
  CHECK(format(Value{Granularity::Century, 123}) == "123");
  Value w{Granularity::Week, 2018};
  w.week = 1;
  CHECK(format(w) == "2018-W01");
  w.granularity = Granularity::Weekend;
  CHECK(format(w) == "2018-W01-WE");
  Value h{Granularity::Half, kUnknown};
  h.part = 2;
  CHECK(format(h) == "XXXX-H2");
}

TEST_CASE("timex normalizer: ISO weeks") {
  CHECK(iso_week(ymd(2018, 12, 19)).week == 51);
  CHECK(iso_week(ymd(2018, 12, 31)).year == 2019);
  CHECK(iso_week(ymd(2018, 12, 31)).week == 1);
  CHECK(iso_week(ymd(2021, 1, 3)).year == 2020);
  CHECK(iso_week(ymd(2021, 1, 3)).week == 53);
  CHECK(format(shift(ymd(2018, 12, 19), Unit::Week, -1)) == "2018-W50");
}

TEST_CASE("timex normalizer: weekdays, months, two-digit years") {
  const auto dct = ymd(2018, 12, 19);  // Wednesday
  CHECK(format(resolve_weekday(dct, 3, Direction::PastOrSame)) == "2018-12-19");
  CHECK(format(resolve_weekday(dct, 3, Direction::Past)) == "2018-12-12");
  CHECK(format(resolve_weekday(dct, 5, Direction::FutureOrSame)) == "2018-12-21");
  CHECK(format(resolve_weekday(dct, 1, Direction::PastOrSame)) == "2018-12-17");
  CHECK(format(resolve_weekday(std::nullopt, 1, Direction::PastOrSame)) == "XXXX-WXX-1");
  CHECK(resolve_year(dct, 1, 21, Direction::Nearest) == 2019);
  CHECK(resolve_year(dct, 6, 12, Direction::Nearest) == 2018);
  CHECK(resolve_year(dct, 1, 0, Direction::Future) == 2019);
  CHECK(resolve_year(dct, 4, 0, Direction::Past) == 2018);
  CHECK(resolve_year(dct, 12, 0, Direction::Past) == 2017);
  CHECK(resolve_year(std::nullopt, 1, 0, Direction::Past) == kUnknown);
  CHECK(expand_two_digit_year(12, ymd(2012, 2, 5)) == 2012);
  CHECK(expand_two_digit_year(98, ymd(2012, 2, 5)) == 1998);
  CHECK(expand_two_digit_year(18, std::nullopt) == 2018);
  CHECK(resolve_season_year(dct, Season::Summer, Direction::Past) == 2018);
  CHECK(resolve_season_year(ymd(2019, 2, 1), Season::Winter, Direction::Same) == 2019);
  CHECK(format(shift(dct, Unit::Quarter, -1)) == "2018-Q3");
  CHECK(format(reported_quarter(ymd(1989, 10, 26), 0)) == "1989-Q3");
  CHECK(format(shift(std::nullopt, Unit::Month, -1)) == "XXXX-XX");
  CHECK(valid_day(2016, 2, 29));
  CHECK_FALSE(valid_day(2018, 2, 29));
}


TEST_CASE("timex normalizer: a day without a year is the coming one at most 75 calendar days ahead") {
  // Across a year end: 2025-12-20 + 73, 74, 75, 76 days.
  const auto dec = ymd(2025, 12, 20);
  CHECK(resolve_year(dec, 3, 3, Direction::Nearest) == 2026);
  CHECK(resolve_year(dec, 3, 4, Direction::Nearest) == 2026);  // 74
  CHECK(resolve_year(dec, 3, 5, Direction::Nearest) == 2026);  // 75
  CHECK(resolve_year(dec, 3, 6, Direction::Nearest) == 2025);  // 76
  // Within a year, months of 30 and 31 days: 2010-04-18 + 74, 75, 76 days.
  const auto apr = ymd(2010, 4, 18);
  CHECK(resolve_year(apr, 7, 1, Direction::Nearest) == 2010);  // 74
  CHECK(resolve_year(apr, 7, 2, Direction::Nearest) == 2010);  // 75
  CHECK(resolve_year(apr, 7, 3, Direction::Nearest) == 2009);  // 76
  // February of a leap year: 2023-12-31 + 74, 75, 76 days (2024-03-14, 15, 16).
  const auto eve = ymd(2023, 12, 31);
  CHECK(resolve_year(eve, 3, 14, Direction::Nearest) == 2024);
  CHECK(resolve_year(eve, 3, 15, Direction::Nearest) == 2024);
  CHECK(resolve_year(eve, 3, 16, Direction::Nearest) == 2023);
}

TEST_CASE("timex normalizer: holidays") {
  // Easter by the computus, against published dates (including the earliest and
  // latest possible: March 22, April 25).
  CHECK(easter_sunday(1818) == ymd(1818, 3, 22));
  CHECK(easter_sunday(1943) == ymd(1943, 4, 25));
  CHECK(easter_sunday(2000) == ymd(2000, 4, 23));
  CHECK(easter_sunday(2019) == ymd(2019, 4, 21));
  CHECK(easter_sunday(2024) == ymd(2024, 3, 31));
  CHECK(easter_sunday(2038) == ymd(2038, 4, 25));
  CHECK(holiday_in(Holiday::GoodFriday, 2024) == ymd(2024, 3, 29));
  // US weekday rules, counted by ICU's calendar
  CHECK(holiday_in(Holiday::Thanksgiving, 2026) == ymd(2026, 11, 26));
  CHECK(holiday_in(Holiday::Thanksgiving, 2018) == ymd(2018, 11, 22));
  CHECK(holiday_in(Holiday::MemorialDay, 2026) == ymd(2026, 5, 25));
  CHECK(holiday_in(Holiday::MemorialDay, 2021) == ymd(2021, 5, 31));
  CHECK(holiday_in(Holiday::LaborDay, 2026) == ymd(2026, 9, 7));
  CHECK(holiday_in(Holiday::LaborDay, 2025) == ymd(2025, 9, 1));
  // std::chrono counts them where ICU's calendar is Gregorian, ICU itself before
  // (Julian): the same days as ICU's DAY_OF_WEEK_IN_MONTH in every year.
  struct WeekdayRule {
    Holiday holiday;
    int month;
    UCalendarDaysOfWeek weekday;
    int nth;
  };
  for (const WeekdayRule r : {WeekdayRule{Holiday::MemorialDay, 5, UCAL_MONDAY, -1},
                              WeekdayRule{Holiday::LaborDay, 9, UCAL_MONDAY, 1},
                              WeekdayRule{Holiday::Thanksgiving, 11, UCAL_THURSDAY, 4}}) {
    for (int y = 1000; y <= 2200; ++y) {
      UErrorCode status = U_ZERO_ERROR;
      icu::GregorianCalendar cal(*icu::TimeZone::getGMT(), status);
      cal.clear();
      cal.set(UCAL_YEAR, y);
      cal.set(UCAL_MONTH, r.month - 1);
      cal.set(UCAL_DAY_OF_WEEK, r.weekday);
      cal.set(UCAL_DAY_OF_WEEK_IN_MONTH, r.nth);
      const int d = cal.get(UCAL_DATE, status);
      REQUIRE(U_SUCCESS(status));
      CHECK_MESSAGE(holiday_in(r.holiday, y) == ymd(y, static_cast<unsigned>(r.month), static_cast<unsigned>(d)), y);
    }
  }
  // the occurrence from the DCT
  const std::optional<year_month_day> dct = ymd(2026, 11, 27);
  CHECK(format(resolve_holiday(dct, Holiday::Christmas, kUnknown, Direction::Nearest)) == "2026-12-25");
  CHECK(format(resolve_holiday(dct, Holiday::Christmas, kUnknown, Direction::Past)) == "2025-12-25");
  CHECK(format(resolve_holiday(dct, Holiday::Easter, kUnknown, Direction::Nearest)) == "2026-04-05");
  CHECK(format(resolve_holiday(dct, Holiday::Easter, kUnknown, Direction::Future)) == "2027-03-28");
  CHECK(format(resolve_holiday(dct, Holiday::Thanksgiving, kUnknown, Direction::Past)) == "2026-11-26");
  const std::optional<year_month_day> on_it = ymd(2026, 11, 26);
  CHECK(format(resolve_holiday(on_it, Holiday::Thanksgiving, kUnknown, Direction::Past)) == "2025-11-27");
  CHECK(format(resolve_holiday(on_it, Holiday::Thanksgiving, kUnknown, Direction::Future)) == "2027-11-25");
  CHECK(format(resolve_holiday(on_it, Holiday::Thanksgiving, kUnknown, Direction::Nearest)) == "2026-11-26");
  CHECK(format(resolve_holiday(std::nullopt, Holiday::Halloween, kUnknown, Direction::Nearest)) == "XXXX-10-31");
  CHECK(format(resolve_holiday(std::nullopt, Holiday::Easter, kUnknown, Direction::Nearest)) == "XXXX-XX-XX");
  CHECK(format(resolve_holiday(std::nullopt, Holiday::Easter, 1998, Direction::Nearest)) == "1998-04-12");
}

TEST_CASE("timex normalizer: holidays of the Islamic, Chinese and Hebrew calendars") {
  // ICU's islamic-umalqura calendar, as published in Saudi Arabia's Umm al-Qura
  // calendar (islamic-civil would give 2025-03-31 for Eid al-Fitr 1446).
  CHECK(holiday_in(Holiday::EidAlFitr, 2023) == ymd(2023, 4, 21));
  CHECK(holiday_in(Holiday::EidAlFitr, 2024) == ymd(2024, 4, 10));
  CHECK(holiday_in(Holiday::EidAlFitr, 2025) == ymd(2025, 3, 30));
  CHECK(holiday_in(Holiday::EidAlFitr, 2026) == ymd(2026, 3, 20));
  CHECK(holiday_in(Holiday::EidAlAdha, 2023) == ymd(2023, 6, 28));
  CHECK(holiday_in(Holiday::EidAlAdha, 2024) == ymd(2024, 6, 16));
  CHECK(holiday_in(Holiday::EidAlAdha, 2025) == ymd(2025, 6, 6));
  CHECK(holiday_in(Holiday::IslamicNewYear, 2023) == ymd(2023, 7, 19));
  CHECK(holiday_in(Holiday::IslamicNewYear, 2024) == ymd(2024, 7, 7));
  CHECK(holiday_in(Holiday::IslamicNewYear, 2025) == ymd(2025, 6, 26));
  // A lunar year of 354 days: 2006 had Eid al-Adha twice (10 January, 31
  // December); a year given names the first.
  CHECK(holiday_in(Holiday::EidAlAdha, 2006) == ymd(2006, 1, 10));
  // ICU's chinese calendar
  CHECK(holiday_in(Holiday::LunarNewYear, 2020) == ymd(2020, 1, 25));
  CHECK(holiday_in(Holiday::LunarNewYear, 2024) == ymd(2024, 2, 10));
  CHECK(holiday_in(Holiday::LunarNewYear, 2025) == ymd(2025, 1, 29));
  CHECK(holiday_in(Holiday::LunarNewYear, 2026) == ymd(2026, 2, 17));
  // ICU's hebrew calendar: the day whose evening before starts the holiday
  CHECK(holiday_in(Holiday::RoshHashanah, 2023) == ymd(2023, 9, 16));
  CHECK(holiday_in(Holiday::RoshHashanah, 2024) == ymd(2024, 10, 3));
  CHECK(holiday_in(Holiday::RoshHashanah, 2025) == ymd(2025, 9, 23));
  CHECK(holiday_in(Holiday::YomKippur, 2024) == ymd(2024, 10, 12));
  CHECK(holiday_in(Holiday::YomKippur, 2025) == ymd(2025, 10, 2));
  CHECK(holiday_in(Holiday::Passover, 2024) == ymd(2024, 4, 23));  // a leap year (Adar I)
  CHECK(holiday_in(Holiday::Passover, 2025) == ymd(2025, 4, 13));
  CHECK(holiday_in(Holiday::Passover, 2026) == ymd(2026, 4, 2));
  CHECK(holiday_in(Holiday::Hanukkah, 2023) == ymd(2023, 12, 8));
  CHECK(holiday_in(Holiday::Hanukkah, 2024) == ymd(2024, 12, 26));
  CHECK(holiday_in(Holiday::Hanukkah, 2025) == ymd(2025, 12, 15));
  // the occurrence from the DCT, as for Easter
  const std::optional<year_month_day> dct = ymd(2025, 3, 20);
  CHECK(format(resolve_holiday(dct, Holiday::EidAlFitr, kUnknown, Direction::Nearest)) == "2025-03-30");
  CHECK(format(resolve_holiday(dct, Holiday::EidAlFitr, kUnknown, Direction::Past)) == "2024-04-10");
  CHECK(format(resolve_holiday(dct, Holiday::LunarNewYear, kUnknown, Direction::Nearest)) == "2025-01-29");
  CHECK(format(resolve_holiday(dct, Holiday::Hanukkah, kUnknown, Direction::Nearest)) == "2024-12-26");
  CHECK(format(resolve_holiday(dct, Holiday::Passover, kUnknown, Direction::Future)) == "2025-04-13");
  // an Islamic holiday's occurrences are counted in Hijri years: the nearest
  // to 2 January 2007 is 31 December 2006, not the January one of that year
  const std::optional<year_month_day> jan = ymd(2007, 1, 2);
  CHECK(format(resolve_holiday(jan, Holiday::EidAlAdha, kUnknown, Direction::Nearest)) == "2006-12-31");
  CHECK(format(resolve_holiday(jan, Holiday::EidAlAdha, kUnknown, Direction::Past)) == "2006-12-31");
  CHECK(format(resolve_holiday(ymd(2006, 12, 31), Holiday::EidAlAdha, kUnknown, Direction::Past)) == "2006-01-10");
  // 2008 began two Hijri years (1429 on 10 January, 1430 on 29 December): 30
  // December is in the second after January 1's
  CHECK(holiday_in(Holiday::IslamicNewYear, 2008) == ymd(2008, 1, 10));
  CHECK(format(resolve_holiday(ymd(2008, 12, 30), Holiday::IslamicNewYear, kUnknown, Direction::Nearest)) ==
        "2008-12-29");
  CHECK(format(resolve_holiday(ymd(2008, 12, 30), Holiday::EidAlFitr, kUnknown, Direction::Future)) == "2009-09-20");
  // no DCT nor year: the day moves with the year
  CHECK(format(resolve_holiday(std::nullopt, Holiday::EidAlAdha, kUnknown, Direction::Nearest)) == "XXXX-XX-XX");
  CHECK(format(resolve_holiday(std::nullopt, Holiday::RoshHashanah, kUnknown, Direction::Nearest)) == "XXXX-XX-XX");
  CHECK(format(resolve_holiday(std::nullopt, Holiday::Passover, 2024, Direction::Nearest)) == "2024-04-23");
}

TEST_CASE("timex normalizer: Nowruz and the Chinese calendar's festivals") {
  // ICU's persian calendar, 1 Farvardin as Iran publishes it (the day of the
  // March equinox if it falls before noon in Tehran, else the next: 2025's
  // equinox was at 12:31 there, 2026's at 18:16)
  CHECK(holiday_in(Holiday::Nowruz, 2023) == ymd(2023, 3, 21));
  CHECK(holiday_in(Holiday::Nowruz, 2024) == ymd(2024, 3, 20));
  CHECK(holiday_in(Holiday::Nowruz, 2025) == ymd(2025, 3, 21));
  CHECK(holiday_in(Holiday::Nowruz, 2026) == ymd(2026, 3, 21));
  CHECK(holiday_in(Holiday::Nowruz, 2028) == ymd(2028, 3, 20));
  // ICU's chinese calendar: the 15th day of the 8th month, the 5th of the 5th
  CHECK(holiday_in(Holiday::MidAutumn, 2024) == ymd(2024, 9, 17));
  CHECK(holiday_in(Holiday::MidAutumn, 2025) == ymd(2025, 10, 6));
  CHECK(holiday_in(Holiday::MidAutumn, 2026) == ymd(2026, 9, 25));
  CHECK(holiday_in(Holiday::DragonBoat, 2024) == ymd(2024, 6, 10));
  CHECK(holiday_in(Holiday::DragonBoat, 2025) == ymd(2025, 5, 31));
  CHECK(holiday_in(Holiday::DragonBoat, 2026) == ymd(2026, 6, 19));
  // Korea's and Vietnam's holidays by the chinese calendar too: the published
  // days of these years (Chuseok 2024-2026; Seollal and Tet 2025-2026)
  CHECK(holiday_in(Holiday::Chuseok, 2024) == ymd(2024, 9, 17));
  CHECK(holiday_in(Holiday::Chuseok, 2025) == ymd(2025, 10, 6));
  CHECK(holiday_in(Holiday::Chuseok, 2026) == ymd(2026, 9, 25));
  CHECK(holiday_in(Holiday::Seollal, 2025) == ymd(2025, 1, 29));
  CHECK(holiday_in(Holiday::Seollal, 2026) == ymd(2026, 2, 17));
  CHECK(holiday_in(Holiday::Tet, 2025) == ymd(2025, 1, 29));
  CHECK(holiday_in(Holiday::Tet, 2026) == ymd(2026, 2, 17));
  // 2028, a year Korea's calendar differs (ICU's dangi: January 27): asking for
  // Seollal first leaves China's new year right (ICU 72's dangi, sharing the
  // chinese calendar's caches, would have made it March 26)
  CHECK(holiday_in(Holiday::Seollal, 2028) == ymd(2028, 1, 26));
  CHECK(holiday_in(Holiday::LunarNewYear, 2028) == ymd(2028, 1, 26));
  // the occurrence from the DCT, as for Easter
  const std::optional<year_month_day> dct = ymd(2026, 3, 18);
  CHECK(format(resolve_holiday(dct, Holiday::Nowruz, kUnknown, Direction::Nearest)) == "2026-03-21");
  CHECK(format(resolve_holiday(dct, Holiday::Nowruz, kUnknown, Direction::Past)) == "2025-03-21");
  CHECK(format(resolve_holiday(dct, Holiday::Chuseok, kUnknown, Direction::Nearest)) == "2025-10-06");
  CHECK(format(resolve_holiday(dct, Holiday::Chuseok, kUnknown, Direction::Future)) == "2026-09-25");
  CHECK(format(resolve_holiday(dct, Holiday::Tet, kUnknown, Direction::Nearest)) == "2026-02-17");
  CHECK(format(resolve_holiday(std::nullopt, Holiday::Nowruz, kUnknown, Direction::Nearest)) == "XXXX-XX-XX");
  CHECK(format(resolve_holiday(std::nullopt, Holiday::MidAutumn, 2025, Direction::Nearest)) == "2025-10-06");
}

TEST_CASE("timex dct: RFC 822/1123 date fields") {
  CHECK(parse_date_field("Tue, 14 Oct 2025 08:30:00 GMT") == ymd(2025, 10, 14));
  CHECK(parse_date_field("14 Oct 2025 08:30 +0200") == ymd(2025, 10, 14));
  CHECK(parse_date_field("Sat, 3 feb 96 23:59 EST") == ymd(1996, 2, 3));
  CHECK(parse_date_field("2025-10-14T08:30:00Z") == ymd(2025, 10, 14));
  CHECK(parse_rfc822_date("1 Jan 2024") == ymd(2024, 1, 1));
  CHECK_FALSE(parse_date_field("Tue, 31 Feb 2025 08:30:00 GMT").has_value());
  CHECK_FALSE(parse_rfc822_date("Tue, 14 Octo 2025").has_value());
  CHECK_FALSE(parse_date_field("14 Oct 20251").has_value());
  CHECK_FALSE(parse_date_field("").has_value());
}

TEST_CASE("timex dct: date fields written as datelines write dates") {
  CHECK(parse_date_field("Oct 14, 2025") == ymd(2025, 10, 14));
  CHECK(parse_date_field("Oct. 14, 2025 5:02 p.m. EDT") == ymd(2025, 10, 14));
  CHECK(parse_date_field("14 October 2025") == ymd(2025, 10, 14));
  CHECK(parse_date_field("10/04/2025") == ymd(2025, 10, 4));
  CHECK(parse_date_field("10/04/2025", newsner::DateOrder::DayMonthYear) == ymd(2025, 4, 10));
  CHECK(parse_date_field("14/10/2025") == ymd(2025, 10, 14));  // the number above 12 is the day
  CHECK(parse_date_field("2025/03/04") == ymd(2025, 3, 4));    // year first: the ISO order
  CHECK_FALSE(parse_date_field("October 2025").has_value());   // no day: no DCT
  CHECK_FALSE(parse_date_field("2024-13-45").has_value());
}

TEST_CASE("timex dct: ISO strings and datelines") {
  CHECK(parse_iso_date("2018-12-19") == ymd(2018, 12, 19));
  CHECK(parse_iso_date("2018-12-19T10:00:00") == ymd(2018, 12, 19));
  CHECK_FALSE(parse_iso_date("2018-02-30").has_value());
  CHECK_FALSE(parse_iso_date("2018/12/19").has_value());
  CHECK_FALSE(parse_iso_date("").has_value());
  CHECK(find_dateline_dct("CRICKET - LEICESTERSHIRE HOLD FIRM.\nLONDON 1996-08-30\nWest Indian") ==
        ymd(1996, 8, 30));
  CHECK(find_dateline_dct("Tuesday, March 3, 2015\nThe council met.") == ymd(2015, 3, 3));
  CHECK(find_dateline_dct("TOKYO, December 19, 2018 (TASS) - Japan said.") == ymd(2018, 12, 19));
  CHECK(find_dateline_dct("PARIS, 19 December 2018 - France said.") == ymd(2018, 12, 19));
  CHECK_FALSE(find_dateline_dct("LATTAKIA, Aug 17 - Syria said.").has_value());
  // All-numeric datelines: a number above 12 is the day, dots put the day
  // first, else the date order decides (month first by default).
  CHECK(find_dateline_dct("DUBLIN, 21/01/2025 - Talks resumed.") == ymd(2025, 1, 21));
  CHECK(find_dateline_dct("NEW YORK, 9/14/2023 - Stocks fell.") == ymd(2023, 9, 14));
  CHECK(find_dateline_dct("BERLIN, 03.02.2025 - Talks resumed.") == ymd(2025, 2, 3));
  CHECK(find_dateline_dct("PARIS, 03/02/2025 - A strike began.") == ymd(2025, 3, 2));
  CHECK(find_dateline_dct("PARIS, 03/02/2025 - A strike began.", newsner::DateOrder::DayMonthYear) == ymd(2025, 2, 3));
  CHECK_FALSE(find_dateline_dct("Scores: 3/2.2025 was a typo.").has_value());
  CHECK_FALSE(find_dateline_dct("ROME, 31/31/2025 - No such day.").has_value());
  // The earliest date of the head, whatever its form.
  CHECK(find_dateline_dct("MADRID, 14/03/2025\nOn March 1, 2025 the talks began.") == ymd(2025, 3, 14));
  // A life's event is no day the story was written: an obituary's birth date is not its DCT.
  CHECK_FALSE(find_dateline_dct("OSLO - Ida Vik, a cellist, died Monday. She was 90.\n"
                                "Vik was born May 2, 1936, in Bergen.")
                  .has_value());
  CHECK_FALSE(find_dateline_dct("Born Ida Lund on Aug. 4, 1936, she sang.").has_value());
  CHECK_FALSE(find_dateline_dct("The firm, founded 2 May 1990, closed.").has_value());
  CHECK(find_dateline_dct("The firm, founded in 1990, said on May 2, 2026 it would close.") == ymd(2026, 5, 2));
  CHECK(find_dateline_dct("Vik was born in 1936.\nBERGEN, May 2, 2026 - Talks resumed.") == ymd(2026, 5, 2));
  CHECK_FALSE(find_dateline_dct("a\nb\nc\nd\ne\nf\nLONDON 1996-08-30").has_value());
  CHECK_FALSE(find_dateline_dct("").has_value());
  // The earliest of the three forms wins, whichever pattern it is.
  CHECK(find_dateline_dct("Dec. 19, 2018\nLONDON 1996-08-30 - x") == ymd(2018, 12, 19));
  CHECK(find_dateline_dct("On 5 May 2001, and 2002-01-02") == ymd(2001, 5, 5));
  // An earliest date that is no real day gives way to the next form's date.
  CHECK(find_dateline_dct("LONDON 1996-02-30\nDec. 19, 2018 - x") == ymd(2018, 12, 19));
}

TEST_CASE("timex dct: a yearless dateline takes its year from the reference date") {
  const auto ref = ymd(2026, 11, 28);
  CHECK(complete_yearless_dateline("SINGAPORE, Nov 24 (Reuters) - Lenders rallied on Friday.", ref) ==
        ymd(2026, 11, 24));
  CHECK(complete_yearless_dateline("Markets wrap\nKUALA LUMPUR, Nov. 29 - Palm oil fell.", ref) ==
        ymd(2026, 11, 29));  // the day after the reference date: the nearest
  CHECK(complete_yearless_dateline("NAIROBI, 2 December (Reuters) - Talks resumed.", ref) == ymd(2026, 12, 2));
  CHECK(complete_yearless_dateline("WELLINGTON, Dec 30 - Rates held.", ymd(2027, 1, 3)) == ymd(2026, 12, 30));
  CHECK(complete_yearless_dateline("SÃO PAULO, Nov 20 (Reuters) - Stocks fell.", ref) == ymd(2026, 11, 20));
  CHECK(complete_yearless_dateline("WASHINGTON, D.C., Nov. 21 - Talks ended.", ref) == ymd(2026, 11, 21));
  // a full date alone at a line's start before a dash (no place) is a dateline too
  CHECK(complete_yearless_dateline("Nov. 18, 2026 - Kelvo Corp said on Wednesday.", ref) == ymd(2026, 11, 18));
  CHECK(complete_yearless_dateline("18 November 2026 (Reuters) - Shares fell.", ref) == ymd(2026, 11, 18));
  CHECK_FALSE(complete_yearless_dateline("On Nov. 18, 2026 - a Wednesday - shares fell.", ref).has_value());
  CHECK_FALSE(complete_yearless_dateline("Nov. 18, 2026 was a Wednesday.", ref).has_value());
  CHECK(complete_yearless_dateline("LAKEHAVEN, Ill., Nov. 24 - The council met.", ref) == ymd(2026, 11, 24));
  CHECK(complete_yearless_dateline("PORT ELLIS, New Zealand, Nov. 22 - Rates held.", ref) == ymd(2026, 11, 22));
  // A dateline with its year keeps it
  CHECK(complete_yearless_dateline("TOKYO, Nov 24, 2025 (Reuters) - Yen fell.", ref) == ymd(2025, 11, 24));
  CHECK(complete_yearless_dateline("BREDAVEN, Netherlands, Oct. 15, 2026 - Chips sold.", ref) == ymd(2026, 10, 15));
  CHECK(complete_yearless_dateline("OSLO, 3 March 2025 - Talks ended.", ref) == ymd(2025, 3, 3));
  // No dateline, a month-day inside a sentence: not this rule's.
  CHECK_FALSE(complete_yearless_dateline("DENVER (AP) - The board voted on Oct. 15, 2026.", ref).has_value());
  CHECK_FALSE(complete_yearless_dateline("HOUSTON (AP) - Oil rose.", ref).has_value());
  CHECK_FALSE(complete_yearless_dateline("The board met. Shares rose on Nov 24 in Oslo.", ref).has_value());
}
