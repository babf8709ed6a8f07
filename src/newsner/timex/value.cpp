#include "newsner/timex/value.hpp"

#include <fmt/format.h>

namespace newsner::timex {
namespace {

std::string year4(int y) { return y == kUnknown ? std::string("XXXX") : fmt::format("{:04d}", y); }
std::string two(int n) { return n == kUnknown ? std::string("XX") : fmt::format("{:02d}", n); }

}  // namespace

std::string format(const Value& v) {
  switch (v.granularity) {
    case Granularity::Day:
      return fmt::format("{}-{}-{}", year4(v.year), two(v.month), two(v.day));
    case Granularity::Month:
      return fmt::format("{}-{}", year4(v.year), two(v.month));
    case Granularity::Year:
      return year4(v.year);
    case Granularity::Decade:
      return v.year == kUnknown ? std::string("XXX") : fmt::format("{:03d}", v.year);
    case Granularity::Century:
      return v.year == kUnknown ? std::string("XX") : fmt::format("{:02d}", v.year);
    case Granularity::Week:
      return fmt::format("{}-W{}", year4(v.year), two(v.week));
    case Granularity::Weekend:
      return fmt::format("{}-W{}-WE", year4(v.year), two(v.week));
    case Granularity::Weekday:
      return fmt::format("{}-W{}-{}", year4(v.year), two(v.week), v.day);
    case Granularity::Quarter:
      return v.part == kUnknown ? year4(v.year) + "-QX" : fmt::format("{}-Q{}", year4(v.year), v.part);
    case Granularity::Half:
      return fmt::format("{}-H{}", year4(v.year), v.part);
    case Granularity::Season: {
      static constexpr std::string_view kSeason[] = {"XX", "SP", "SU", "FA", "WI"};
      int p = (v.part >= 1 && v.part <= 4) ? v.part : 0;
      return fmt::format("{}-{}", year4(v.year), kSeason[p]);
    }
    case Granularity::Ref:
      switch (v.ref) {
        case Ref::Present: return "PRESENT_REF";
        case Ref::Past: return "PAST_REF";
        case Ref::Future: return "FUTURE_REF";
      }
  }
  return {};
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
