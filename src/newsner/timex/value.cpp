#include "newsner/timex/value.hpp"

#include <array>
#include <cstring>


namespace newsner::timex {
namespace {

// "00" .. "99", two bytes each: years, months and days are written a digit pair
// at a time (format() runs for every DATE candidate).
constexpr auto kDigitPairs = [] {
  std::array<char, 200> t{};
  for (int i = 0; i < 100; ++i) {
    t[2 * i] = static_cast<char>('0' + i / 10);
    t[2 * i + 1] = static_cast<char>('0' + i % 10);
  }
  return t;
}();

char* put_pair(char* p, int n) {  // 0 <= n < 100
  std::memcpy(p, kDigitPairs.data() + 2 * n, 2);
  return p + 2;
}

// Writes n zero-padded to `width` digits, or `width` X's when unknown, at `p`;
// returns the end of what it wrote (at most 11 digits, or `width`).
char* put_padded(char* p, int n, int width) {
  if (n == kUnknown || n < 0) {
    for (int k = 0; k < width; ++k) *p++ = 'X';
    return p;
  }
  // The usual fields: a 4-digit year, a 2-digit month or day.
  if (width == 4 && n < 10000) return put_pair(put_pair(p, n / 100), n % 100);
  if (width == 2 && n < 100) return put_pair(p, n);
  char digits[12];
  int len = 0;
  do {
    digits[len++] = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n > 0 && len < 11);
  for (int k = len; k < width; ++k) *p++ = '0';
  while (len > 0) *p++ = digits[--len];
  return p;
}

}  // namespace

// The value is written into a buffer and copied into the string once (it fits the
// small-string buffer in the common cases, so no allocation either).
void format_to(const Value& v, std::string& out) {
  char buf[64];  // at most three fields of 11 digits and 5 separator bytes
  char* p = buf;
  switch (v.granularity) {
    case Granularity::Day:
      p = put_padded(p, v.year, 4);
      *p++ = '-';
      p = put_padded(p, v.month, 2);
      *p++ = '-';
      p = put_padded(p, v.day, 2);
      break;
    case Granularity::Month:
      p = put_padded(p, v.year, 4);
      *p++ = '-';
      p = put_padded(p, v.month, 2);
      break;
    case Granularity::Year:
      p = put_padded(p, v.year, 4);
      break;
    case Granularity::Decade:  // "199" = the 1990s
      p = put_padded(p, v.year, 3);
      break;
    case Granularity::Century:  // "19" = the 20th century
      p = put_padded(p, v.year, 2);
      break;
    case Granularity::Week:
    case Granularity::Weekend:
    case Granularity::Weekday:
      p = put_padded(p, v.year, 4);
      *p++ = '-';
      *p++ = 'W';
      p = put_padded(p, v.week, 2);
      if (v.granularity == Granularity::Weekend) {
        *p++ = '-';
        *p++ = 'W';
        *p++ = 'E';
      }
      if (v.granularity == Granularity::Weekday) {
        *p++ = '-';
        p = put_padded(p, v.day, 1);
      }
      break;
    case Granularity::Quarter:
    case Granularity::Half:
      p = put_padded(p, v.year, 4);
      *p++ = '-';
      *p++ = v.granularity == Granularity::Quarter ? 'Q' : 'H';
      p = put_padded(p, v.part, 1);
      break;
    case Granularity::Season: {
      static constexpr std::string_view kSeason[] = {"XX", "SP", "SU", "FA", "WI"};
      const int part = (v.part >= 1 && v.part <= 4) ? v.part : 0;
      p = put_padded(p, v.year, 4);
      *p++ = '-';
      *p++ = kSeason[part][0];
      *p++ = kSeason[part][1];
      break;
    }
    case Granularity::Ref:
      switch (v.ref) {
        case Ref::Present: out.assign("PRESENT_REF"); return;
        case Ref::Past: out.assign("PAST_REF"); return;
        case Ref::Future: out.assign("FUTURE_REF"); return;
      }
  }
  out.assign(buf, p);
}

std::string format(const Value& v) {
  std::string out;
  format_to(v, out);
  return out;
}

std::string_view to_string(Mod mod) {
  switch (mod) {
    case Mod::None: return "";
    case Mod::Start: return "START";
    case Mod::Mid: return "MID";
    case Mod::End: return "END";
    case Mod::Approx: return "APPROX";
    case Mod::Before: return "BEFORE";
    case Mod::After: return "AFTER";
    case Mod::OnOrBefore: return "ON_OR_BEFORE";
    case Mod::OnOrAfter: return "ON_OR_AFTER";
  }
  return "";
}

}  // namespace newsner::timex
