#include "newsner/timex/value.hpp"


namespace newsner::timex {
namespace {

// Appends n zero-padded to `width` digits, or `width` X's when unknown.
void append_padded(std::string& out, int n, int width) {
  if (n == kUnknown || n < 0) {
    out.append(static_cast<std::size_t>(width), 'X');
    return;
  }
  char digits[12];
  int len = 0;
  do {
    digits[len++] = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n > 0 && len < 11);
  for (int k = len; k < width; ++k) out.push_back('0');
  while (len > 0) out.push_back(digits[--len]);
}

}  // namespace

std::string format(const Value& v) {
  std::string out;
  out.reserve(16);
  switch (v.granularity) {
    case Granularity::Day:
      append_padded(out, v.year, 4);
      out.push_back('-');
      append_padded(out, v.month, 2);
      out.push_back('-');
      append_padded(out, v.day, 2);
      break;
    case Granularity::Month:
      append_padded(out, v.year, 4);
      out.push_back('-');
      append_padded(out, v.month, 2);
      break;
    case Granularity::Year:
      append_padded(out, v.year, 4);
      break;
    case Granularity::Decade:  // "199" = the 1990s
      append_padded(out, v.year, 3);
      break;
    case Granularity::Century:  // "19" = the 20th century
      append_padded(out, v.year, 2);
      break;
    case Granularity::Week:
    case Granularity::Weekend:
    case Granularity::Weekday:
      append_padded(out, v.year, 4);
      out.append("-W");
      append_padded(out, v.week, 2);
      if (v.granularity == Granularity::Weekend) out.append("-WE");
      if (v.granularity == Granularity::Weekday) {
        out.push_back('-');
        append_padded(out, v.day, 1);
      }
      break;
    case Granularity::Quarter:
    case Granularity::Half:
      append_padded(out, v.year, 4);
      out.append(v.granularity == Granularity::Quarter ? "-Q" : "-H");
      append_padded(out, v.part, 1);
      break;
    case Granularity::Season: {
      static constexpr std::string_view kSeason[] = {"XX", "SP", "SU", "FA", "WI"};
      const int p = (v.part >= 1 && v.part <= 4) ? v.part : 0;
      append_padded(out, v.year, 4);
      out.push_back('-');
      out.append(kSeason[p]);
      break;
    }
    case Granularity::Ref:
      switch (v.ref) {
        case Ref::Present: return "PRESENT_REF";
        case Ref::Past: return "PAST_REF";
        case Ref::Future: return "FUTURE_REF";
      }
  }
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
