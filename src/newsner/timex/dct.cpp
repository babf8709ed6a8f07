#include "newsner/timex/dct.hpp"

#include <re2/re2.h>

#include <cstdlib>
#include <string>

#include "newsner/timex/normalizer.hpp"

namespace newsner::timex {
namespace {

constexpr std::size_t kMaxLines = 5;
constexpr std::size_t kMaxBytes = 400;

// The dateline dates: ISO (1996-08-30), month-day-year (Dec. 19, 2018) and
// day-month-year (19 December 2018), years 1800-2099.
constexpr const char* kIsoPattern = R"(\b((?:1[89]|20)\d\d)-(\d\d)-(\d\d)\b)";
constexpr const char* kMdyPattern =
    R"((?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:1[89]|20)\d\d)\b)";
constexpr const char* kDmyPattern =
    R"((?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+((?:1[89]|20)\d\d)\b)";
// All-numeric, "21/01/2025", "9/14/2023", "21.01.2025": which number is the day
// is read as the DATE recognizer reads it (see make_numeric).
constexpr const char* kNumericPattern = R"(\b(\d{1,2})([/.])(\d{1,2})[/.]((?:1[89]|20)\d\d)\b)";

int parse_int(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

int month_number(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  std::string w;
  for (std::size_t i = 0; i < 3; ++i) w.push_back(static_cast<char>(word[i] | 0x20));
  for (int i = 0; i < 12; ++i)
    if (kMonths[i] == w) return i + 1;
  return 0;
}

std::optional<Ymd> make(int y, int m, int d) {
  if (!valid_day(y, m, d)) return std::nullopt;
  return Ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
             std::chrono::day{static_cast<unsigned>(d)}};
}

// "a/b/y" or "a.b.y", the separator written twice alike, read as the DATE
// recognizer reads a numeric date (numeric_month_day).
std::optional<Ymd> make_numeric(std::string_view a, std::string_view sep, std::string_view b, std::string_view y,
                                 std::string_view text, DateOrder order) {
  // The second separator must be the first one again ("1/2.2025" is no date).
  const char* second = b.data() + b.size();
  if (second >= text.data() + text.size() || *second != sep[0]) return std::nullopt;
  const MonthDay md = numeric_month_day(parse_int(a), parse_int(b), sep[0] == '.', order);
  return make(parse_int(y), md.month, md.day);
}

// A date told as a life's event ("was born March 3, 1941", "Born Ann Lee on Aug.
// 14, 1935", "died on 12 May 2001", "founded Jan. 2, 1990"): an obituary's or a
// profile's, no day the article was written, so no DCT. Looks back at most 60
// bytes in the date's line and sentence for "born", "died" or "founded" with no
// reporting verb after it.
bool follows_life_event(std::string_view head, std::size_t pos) {
  std::size_t b = pos > 60 ? pos - 60 : 0;
  for (std::size_t i = pos; i > b; --i) {
    const char c = head[i - 1];
    if (c == '\n' || ((c == '.' || c == '!' || c == '?' || c == ';') && i < pos && head[i] == ' ')) {
      b = i;
      break;
    }
  }
  std::string lower;
  for (std::size_t i = b; i < pos; ++i) lower.push_back(static_cast<char>(head[i] | 0x20));
  for (std::string_view cue : {"born", "died", "founded"}) {
    for (std::size_t at = lower.find(cue); at != std::string::npos; at = lower.find(cue, at + 1)) {
      const bool starts = at == 0 || lower[at - 1] < 'a' || lower[at - 1] > 'z';
      const std::size_t e = at + cue.size();
      const bool ends = e == lower.size() || lower[e] < 'a' || lower[e] > 'z';
      // "The group, founded in 1990, said on March 3, 2015 ...": the report's own day
      bool reported = false;
      for (std::string_view verb : {" said", " says", " announced", " told"})
        reported = reported || lower.find(verb, e) != std::string::npos;
      if (starts && ends && !reported) return true;
    }
  }
  return false;
}

}  // namespace

std::optional<Ymd> parse_iso_date(std::string_view s) {
  if (s.size() < 10) return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  if (s[4] != '-' || s[7] != '-') return std::nullopt;
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
  return make(parse_int(s.substr(0, 4)), parse_int(s.substr(5, 2)), parse_int(s.substr(8, 2)));
}

std::optional<Ymd> parse_rfc822_date(std::string_view s) {
  auto digits = [&](std::size_t& i) {
    const std::size_t b = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return s.substr(b, i - b);
  };
  auto spaces = [&](std::size_t& i) {
    const std::size_t b = i;
    while (i < s.size() && s[i] == ' ') ++i;
    return i > b;
  };
  std::size_t i = 0;
  spaces(i);
  // An optional weekday: "Tue," (its name is not checked against the date).
  if (s.size() >= i + 4 && s[i + 3] == ',') {
    i += 4;
    spaces(i);
  }
  const std::string_view day = digits(i);
  if (day.empty() || day.size() > 2 || !spaces(i) || s.size() < i + 3) return std::nullopt;
  const std::string_view mon = s.substr(i, 3);
  const int m = month_number(mon);
  i += 3;
  if (m == 0 || !spaces(i)) return std::nullopt;
  const std::string_view year = digits(i);
  if (year.size() != 4 && year.size() != 2) return std::nullopt;
  if (i < s.size() && s[i] != ' ') return std::nullopt;
  int y = parse_int(year);
  if (year.size() == 2) y += y < 50 ? 2000 : 1900;  // RFC 822's two-digit years
  return make(y, m, parse_int(day));
}

std::optional<Ymd> parse_date_field(std::string_view s, DateOrder order) {
  if (auto d = parse_iso_date(s)) return d;
  // "2025/03/04", as feeds write it: the ISO order with slashes.
  if (s.size() >= 10 && s[4] == '/' && s[7] == '/') {
    std::string iso(s.substr(0, 10));
    iso[4] = iso[7] = '-';
    if (auto d = parse_iso_date(iso)) return d;
  }
  if (auto d = parse_rfc822_date(s)) return d;
  // Feeds and CMS exports also write dates as people do ("Oct. 14, 2025",
  // "10/14/2025"): the forms a dateline may have, read with --date-order.
  return find_dateline_dct(s, order);
}

std::optional<Ymd> find_dateline_dct(std::string_view text, DateOrder order) {
  // The head: up to kMaxLines non-empty lines and kMaxBytes bytes.
  std::size_t end = 0, lines = 0;
  while (end < text.size() && end < kMaxBytes && lines < kMaxLines) {
    std::size_t nl = text.find('\n', end);
    if (nl == std::string_view::npos) nl = text.size();
    std::size_t i = end;
    while (i < nl && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r')) ++i;
    if (i < nl) ++lines;  // not blank
    end = nl + 1;
  }
  std::string_view head = text.substr(0, std::min({end, text.size(), kMaxBytes}));

  // Every form has a four-digit year: most heads without four digits in a row
  // need no search.
  bool has_year = false;
  for (std::size_t i = 0, run = 0; i < head.size() && !has_year; ++i) {
    run = (head[i] >= '0' && head[i] <= '9') ? run + 1 : 0;
    has_year = run == 4;
  }
  if (!has_year) return std::nullopt;

  static const RE2 kIso(kIsoPattern);
  static const RE2 kMdy(kMdyPattern);
  static const RE2 kDmy(kDmyPattern);
  // One pass finds the earliest of the three: RE2's leftmost match of their
  // alternation starts where the earliest single-pattern match does (no two of
  // them can start at one offset: ISO needs four digits and '-', DMY one or two
  // digits and a space, MDY a letter), so the three scans are needed only when
  // that date is not a real day (1996-02-30): then the earliest VALID first
  // match of each pattern wins, as before this shortcut.
  static const RE2 kNumeric(kNumericPattern);
  static const RE2 kAny("(?:" + std::string(kIsoPattern) + ")|(?:" + kMdyPattern + ")|(?:" + kDmyPattern + ")|(?:" +
                        kNumericPattern + ")");

  re2::StringPiece iy, im, id, my, mm, md, dd, dm, dy, na, ns, nb, ny;
  {
    re2::StringPiece in(head.data(), head.size());
    // the first date not told as a life's event
    bool found = false;
    while (RE2::FindAndConsume(&in, kAny, &iy, &im, &id, &mm, &md, &my, &dd, &dm, &dy, &na, &ns, &nb, &ny)) {
      const char* at = iy.data() ? iy.data() : mm.data() ? mm.data() : dd.data() ? dd.data() : na.data();
      if (!follows_life_event(head, static_cast<std::size_t>(at - head.data()))) {
        found = true;
        break;
      }
    }
    if (!found) return std::nullopt;
    std::optional<Ymd> first;
    if (iy.data() != nullptr) first = make(parse_int(iy), parse_int(im), parse_int(id));
    else if (mm.data() != nullptr) first = make(parse_int(my), month_number(mm), parse_int(md));
    else if (dd.data() != nullptr) first = make(parse_int(dy), month_number(dm), parse_int(dd));
    else first = make_numeric(na, ns, nb, ny, head, order);
    if (first) return first;
  }

  // The earliest full date in the head wins.
  std::optional<Ymd> best;
  std::size_t best_pos = head.size();
  re2::StringPiece y, m, d;
  auto consider = [&](std::size_t pos, std::optional<Ymd> v) {
    if (v && pos < best_pos && !follows_life_event(head, pos)) {
      best = v;
      best_pos = pos;
    }
  };
  {
    re2::StringPiece in(head.data(), head.size());
    if (RE2::FindAndConsume(&in, kIso, &y, &m, &d))
      consider(static_cast<std::size_t>(y.data() - head.data()),
               make(parse_int(y), parse_int(m), parse_int(d)));
  }
  {
    re2::StringPiece in(head.data(), head.size());
    if (RE2::FindAndConsume(&in, kMdy, &m, &d, &y))
      consider(static_cast<std::size_t>(m.data() - head.data()),
               make(parse_int(y), month_number(m), parse_int(d)));
  }
  {
    re2::StringPiece in(head.data(), head.size());
    if (RE2::FindAndConsume(&in, kDmy, &d, &m, &y))
      consider(static_cast<std::size_t>(d.data() - head.data()),
               make(parse_int(y), month_number(m), parse_int(d)));
  }
  {
    re2::StringPiece in(head.data(), head.size());
    re2::StringPiece a, sep, b;
    while (RE2::FindAndConsume(&in, kNumeric, &a, &sep, &b, &y)) {
      if (const auto v = make_numeric(a, sep, b, y, head, order)) {
        consider(static_cast<std::size_t>(a.data() - head.data()), v);
        break;
      }
    }
  }
  return best;
}

std::optional<Ymd> complete_yearless_dateline(std::string_view text, const Ymd& reference) {
  // A wire dateline: a place in capitals at a line's start ("KUALA LUMPUR", "WASHINGTON,
  // D.C.", "BOGOTÁ", "SEOUL, South Korea"), a comma, then month and day (or day and month),
  // and maybe a year (group 3 or 6).
  static const RE2 kYearless(
      R"((?m)^[ \t]*\p{Lu}[\p{Lu}.'/-]+(?:[ -]\p{Lu}[\p{L}.'/-]*)*(?:,[ \t]*\p{Lu}[\p{L}.]*(?:[ \t]\p{Lu}[\p{L}.]*)*)?,[ \t]+(?:)"
      R"((?i:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)?\b(,?[ \t]+(?:1[89]|20)\d\d\b)?|)"
      R"((\d{1,2})(?:st|nd|rd|th)?[ \t]+(?i:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b\.?(,?[ \t]+(?:1[89]|20)\d\d\b)?))");
  // A full date alone at a line's start before a dash or an agency's name ("Nov. 18,
  // 2026 -", "18 November 2026 (Reuters) -") is the story's own day too.
  static const RE2 kPlaceless(
      R"((?m)^[ \t]*(?:)"
      R"((?i:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)?,?[ \t]+((?:1[89]|20)\d\d)|)"
      R"((\d{1,2})(?:st|nd|rd|th)?[ \t]+(?i:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?,?[ \t]+((?:1[89]|20)\d\d))"
      R"()[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?:-|\x{2013}|\x{2014}))");
  re2::StringPiece in(text.data(), std::min(text.size(), kMaxBytes));
  re2::StringPiece mm, md, my, dd, dm, dy;
  if (!RE2::PartialMatch(in, kYearless, &mm, &md, &my, &dd, &dm, &dy) &&
      !RE2::PartialMatch(in, kPlaceless, &mm, &md, &my, &dd, &dm, &dy)) {
    return std::nullopt;
  }
  const int month = mm.data() != nullptr ? month_number(mm) : month_number(dm);
  const int day = parse_int(mm.data() != nullptr ? md : dd);
  // a full dateline ("VELDHOVEN, Netherlands, Oct. 15, 2026 -") is the story's own day
  if (!my.empty() || !dy.empty()) {
    const re2::StringPiece y = !my.empty() ? my : dy;  // ", 2026": its last four digits
    return make(parse_int(y.substr(y.size() - 4)), month, day);
  }
  // The nearest such day: a story dated the day after the reference date is of that year.
  const std::chrono::sys_days ref{reference};
  std::optional<Ymd> best;
  long best_away = 0;
  for (int y = static_cast<int>(reference.year()) - 1; y <= static_cast<int>(reference.year()) + 1; ++y) {
    const auto d = make(y, month, day);
    if (!d) continue;
    const long away = std::labs(static_cast<long>((std::chrono::sys_days{*d} - ref).count()));
    if (!best || away < best_away) best = d, best_away = away;
  }
  return best;
}

}  // namespace newsner::timex
