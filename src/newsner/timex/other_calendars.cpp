#include "newsner/timex/other_calendars.hpp"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <cmath>
#include <memory>

namespace newsner::timex {
namespace {

using std::chrono::sys_days;

constexpr double kMsPerDay = 86400000.0;

// This thread's ICU calendar for `cal`, made on first use. GMT, so that a day
// starts at a whole multiple of kMsPerDay from the epoch.
icu::Calendar& calendar(OtherCalendar cal) {
  thread_local std::unique_ptr<icu::Calendar> made[3];
  std::unique_ptr<icu::Calendar>& c = made[static_cast<int>(cal)];
  if (!c) {
    static constexpr const char* kLocales[] = {"en@calendar=islamic-umalqura", "en@calendar=chinese",
                                               "en@calendar=hebrew"};
    UErrorCode status = U_ZERO_ERROR;
    c.reset(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(),
                                          icu::Locale(kLocales[static_cast<int>(cal)]), status));
    if (U_FAILURE(status)) c.reset();
    // Without the calendar (ICU data missing) the Gregorian one keeps callers going.
    if (!c) {
      status = U_ZERO_ERROR;
      c.reset(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), icu::Locale::getRoot(), status));
    }
  }
  return *c;
}

}  // namespace

std::chrono::year_month_day from_other_calendar(OtherCalendar cal, int year, int month, int day) {
  icu::Calendar& c = calendar(cal);
  UErrorCode status = U_ZERO_ERROR;
  c.clear();
  c.set(UCAL_EXTENDED_YEAR, year);
  c.set(UCAL_MONTH, month);
  c.set(UCAL_DATE, day);
  const UDate t = c.getTime(status);
  const int days_since_epoch = U_SUCCESS(status) ? static_cast<int>(std::floor(t / kMsPerDay)) : 0;
  return std::chrono::year_month_day{sys_days{std::chrono::days{days_since_epoch}}};
}

int other_calendar_year(OtherCalendar cal, const std::chrono::year_month_day& d) {
  icu::Calendar& c = calendar(cal);
  UErrorCode status = U_ZERO_ERROR;
  c.setTime(static_cast<double>(sys_days{d}.time_since_epoch().count()) * kMsPerDay, status);
  const int y = c.get(UCAL_EXTENDED_YEAR, status);
  return U_SUCCESS(status) ? y : 0;
}

}  // namespace newsner::timex
