#include "newsner/timex/other_calendars.hpp"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <memory>

namespace newsner::timex {
namespace {

using std::chrono::sys_days;

constexpr double kMsPerDay = 86400000.0;

// This thread's ICU calendar for `cal`, made on first use. GMT, so that a day
// starts at a whole multiple of kMsPerDay from the epoch.
icu::Calendar& calendar(OtherCalendar cal) {
  thread_local std::unique_ptr<icu::Calendar> made[4];
  std::unique_ptr<icu::Calendar>& c = made[static_cast<int>(cal)];
  if (!c) {
    static constexpr const char* kLocales[] = {"en@calendar=islamic-umalqura", "en@calendar=chinese",
                                               "en@calendar=hebrew", "en@calendar=persian"};
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

// A memo of ICU's answers, direct-mapped: news names the holidays of
// a few years over and over, and one answer costs ICU thousands of instructions
// (the Chinese calendar's new moons ~70,000, the Umm al-Qura year of a day
// ~150,000). A key is never 0 (its tag is 1 or 2).
class Memo {
 public:
  static std::uint64_t key(unsigned tag, OtherCalendar cal, std::uint32_t a, unsigned b) {
    return std::uint64_t{tag} << 60 | std::uint64_t{static_cast<unsigned>(cal)} << 56 | std::uint64_t{a} << 16 | b;
  }
  const int* find(std::uint64_t k) const {
    const Slot& s = slots_[index(k)];
    return s.key == k ? &s.value : nullptr;
  }
  int put(std::uint64_t k, int value) {
    slots_[index(k)] = Slot{k, value};
    return value;
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    int value = 0;
  };
  static std::size_t index(std::uint64_t k) { return (k * 0x9E3779B97F4A7C15ull) >> 54; }
  std::array<Slot, 1024> slots_{};  // 16 KB, the holidays of decades
};

// This thread's memo, made with its first question: a thread that meets no such
// holiday (most) neither clears nor holds it.
Memo& memo() {
  thread_local std::unique_ptr<Memo> made;
  if (!made) made = std::make_unique<Memo>();
  return *made;
}

}  // namespace

std::chrono::year_month_day from_other_calendar(OtherCalendar cal, int year, int month, int day) {
  const std::uint64_t k = Memo::key(1, cal, static_cast<std::uint32_t>(year),
                                    static_cast<unsigned>(month) << 8 | static_cast<unsigned>(day));
  Memo& m = memo();
  const int* known = m.find(k);
  int days_since_epoch;
  if (known) {
    days_since_epoch = *known;
  } else {
    icu::Calendar& c = calendar(cal);
    UErrorCode status = U_ZERO_ERROR;
    c.clear();
    c.set(UCAL_EXTENDED_YEAR, year);
    c.set(UCAL_MONTH, month);
    c.set(UCAL_DATE, day);
    const UDate t = c.getTime(status);
    days_since_epoch = m.put(k, U_SUCCESS(status) ? static_cast<int>(std::floor(t / kMsPerDay)) : 0);
  }
  return std::chrono::year_month_day{sys_days{std::chrono::days{days_since_epoch}}};
}

int other_calendar_year(OtherCalendar cal, const std::chrono::year_month_day& d) {
  const int days_since_epoch = static_cast<int>(sys_days{d}.time_since_epoch().count());
  const std::uint64_t k = Memo::key(2, cal, static_cast<std::uint32_t>(days_since_epoch), 0);
  Memo& m = memo();
  if (const int* known = m.find(k)) return *known;
  icu::Calendar& c = calendar(cal);
  UErrorCode status = U_ZERO_ERROR;
  c.setTime(static_cast<double>(days_since_epoch) * kMsPerDay, status);
  const int y = c.get(UCAL_EXTENDED_YEAR, status);
  return m.put(k, U_SUCCESS(status) ? y : 0);
}

}  // namespace newsner::timex
