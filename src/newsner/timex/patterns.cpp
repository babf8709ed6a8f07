#include "newsner/timex/patterns.hpp"

#include <re2/re2.h>
#include <re2/set.h>

#include <thread>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace newsner::timex {
namespace {

// --- building blocks (all used inside one (?i) pattern; no capturing groups) ---
const std::string kMonthFull =
    "(?:january|february|march|april|may|june|july|august|september|october|november|"
    "december)";
const std::string kMonthAbbr = "(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
const std::string kMon = "(?:" + kMonthFull + "\\b|" + kMonthAbbr + "(?:\\.|\\b))";
const std::string kDay = "(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?\\b";
const std::string kOrdOnes = "(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)";
const std::string kOrdWord =
    "(?:(?:twenty|thirty)[- ]" + kOrdOnes + "|" + kOrdOnes +
    "|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
    "eighteenth|nineteenth|twentieth|thirtieth)\\b";
const std::string kYear = "(?:1[0-9]{3}|20[0-9]{2})\\b";
const std::string kWeekday = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b";
const std::string kSeason = "(?:spring|summer|fall|autumn|winter)\\b";
const std::string kOnes = "(?:one|two|three|four|five|six|seven|eight|nine)";
const std::string kTens = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";
const std::string kTeens =
    "(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";
const std::string kNumWord =
    "(?:" + kTens + "(?:[- ]" + kOnes + ")?|" + kOnes + "|" + kTeens + "|a\\s+hundred|hundred)";
const std::string kCount = "(?:\\d+|" + kNumWord +
                           "|a|an|a\\s+few|few|several|a\\s+couple\\s+of|a\\s+couple|couple\\s+of|"
                           "many|some)";
const std::string kUnit = "(?:days?|weeks?|months?|years?|decades?|centuries|century|quarters?)\\b";
const std::string kUnitSg = "(?:week|weekend|month|year|quarter|decade|century)\\b";
// A modifier before the core expression: "the end of", "early", "mid-", "around".
const std::string kMod =
    "(?:(?:the\\s+)?(?:very\\s+)?(?:end|beginning|start|middle|close|turn|dawn|"
    "(?:first|second|latter|last|early|later)\\s+(?:half|part))\\s+of\\s+(?:the\\s+)?|"
    "(?:the\\s+)?(?:early|late|mid|middle)(?:\\s+|-)|"
    "(?:around|approximately|circa|roughly|sometime)\\s+)";
const std::string kSpelledYear = "(?:nineteen|twenty)[\\s-]+(?:" + kTens + "(?:[\\s-]+" + kOnes +
                                  ")?|" + kTeens + "|hundred|oh[\\s-]+" + kOnes + ")\\b";
const std::string kYearAny = "(?:" + kYear + "|" + kSpelledYear + ")";
const std::string kWeekdayComma = "(?:" + kWeekday + "\\s*,?\\s*)?";
const std::string kModOpt = "(?:" + kMod + ")?";

// The alternatives, in Rule order (Rule::Reject is the first group).
std::vector<std::string> rule_patterns() {
  std::vector<std::string> r;
  // Reject: sets, durations with a count, times of day, names with "May".
  r.push_back(
      "\\b(?:every|each)\\s+(?:other\\s+)?(?:" + kWeekday + "|" + kMon + "|" + kSeason +
      "|day|week|weekend|month|year|quarter|morning|night|evening|afternoon)\\b"
      "|\\b(?:the\\s+)?(?:past|last|next|coming|previous|following|first|final|remaining|"
      "other|recent)\\s+(?:" +
      kCount + ")[\\s-]+" + kUnit +
      "|\\b" + kWeekday + "\\s+(?:morning|afternoon|evening)\\b"
      "|\\b(?:mrs?|ms|miss|theresa|lady)\\.?\\s+may\\b"
      "|\\bthe\\s+(?:fall|spring)\\s+of\\s+(?:the|a|an|his|her|their|its)\\b"
      "|\\b(?:recent|past|coming|last|next|few|several)\\s+(?:days|weeks|months)\\b");
  // IsoDate
  r.push_back("\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{4}/\\d{2}/\\d{2}\\b");
  // IsoWeek
  r.push_back("\\b\\d{4}-?W\\d{2}\\b");
  // NumericDate
  r.push_back("\\b\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})\\b|\\b\\d{1,2}\\.\\d{1,2}\\.\\d{4}\\b");
  // DayMonAbbrYear
  r.push_back("\\b\\d{1,2}-(?:" + kMonthFull + "|" + kMonthAbbr + ")-(?:\\d{4}|\\d{2})\\b");
  // MonthDay
  r.push_back("\\b" + kModOpt + kWeekdayComma + "(?:(?:last|next|this)\\s+)?" + kMon + "\\s*" +
              kDay + "(?:\\s*,?\\s*" + kYear + ")?");
  // MonthOrdWord
  r.push_back("\\b" + kModOpt + kWeekdayComma + kMon + "\\s+(?:the\\s+)?" + kOrdWord + "(?:\\s*,?\\s*" + kYear +
              ")?");
  // DayMonth
  r.push_back("\\b" + kModOpt + kWeekdayComma + "(?:the\\s+)?" + kDay + "(?:\\s+of)?\\s+" + kMon +
              "(?:\\s*,?\\s*" + kYear + ")?");
  // OrdWordMonth
  r.push_back("\\b" + kModOpt + "(?:the\\s+)?" + kOrdWord + "\\s+(?:day\\s+)?of\\s+" + kMon +
              "(?:\\s*,?\\s*" + kYear + ")?");
  // MonthYear
  r.push_back("\\b" + kModOpt + kMon + "\\s*(?:,|of)?\\s*" + kYearAny + "|\\b" + kModOpt + kMon +
              "\\s+(?:of\\s+)?(?:this|last|next)\\s+year\\b");
  // Relative
  r.push_back("\\b" + kModOpt +
              "(?:earlier\\s+)?(?:(?:the\\s+)?(?:last|past|previous|preceding|next|coming|following|"
              "current)|this(?:\\s+past|\\s+coming)?)\\s+(?:" +
              kMon + "|" + kWeekday + "(?:\\s+night)?|" + kSeason + "|(?:(?:fiscal|calendar)\\s+)?" +
              kUnitSg + ")");
  // Month
  r.push_back("\\b" + kModOpt + kMon);
  // Weekday
  r.push_back("\\b" + kWeekday + "(?:\\s+night)?");
  // Year
  r.push_back("\\b" + kModOpt +
              "(?:(?:the\\s+)?(?:(?:calendar|fiscal|financial|model)\\s+)?year\\s+|fiscal\\s+|"
              "FY\\s*)?" + kYear + "|\\bFY\\s*\\d{2}\\b");
  // SpelledYear
  r.push_back("\\b(?:the\\s+year\\s+)?(?:nineteen|twenty)[\\s-]+(?:" + kTens + "(?:[\\s-]+" +
              kOnes + ")?|" + kTeens + "|hundred|oh[\\s-]+" + kOnes +
              ")\\b|\\bthe\\s+year\\s+two\\s+thousand(?:\\s+and)?(?:[\\s-]+(?:" + kOnes + "|" +
              kTeens + "))?\\b");
  // Decade
  r.push_back("\\b" + kModOpt + "(?:the\\s+)?(?:\\d{3}0'?s\\b|\\d0'?s\\b|(?:twenties|thirties|"
              "forties|fifties|sixties|seventies|eighties|nineties)\\b)|" + kModOpt +
              "(?:the\\s+)?'\\d0s\\b");
  // Century
  r.push_back("\\b" + kModOpt + "(?:the\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)|" + kOrdWord +
              ")(?:\\s+|-)century\\b");
  // Quarter
  r.push_back("\\b" + kModOpt +
              "(?:(?:the|this|last|next)\\s+)?(?:(?:(?:this|last|next)\\s+year's|"
              "year-ago|year-earlier|year\\s+ago|year\\s+earlier|fiscal|calendar|latest|current|"
              "same|previous|recent|comparable|corresponding|" + kYear + ")\\s+)*(?:(?:first|second|third|fourth|"
              "1st|2nd|3rd|4th|final|last)(?:\\s+|-))?(?:fiscal\\s+)?quarter\\b(?:\\s+of\\s+(?:"
              "(?:this|last|next)\\s+year|(?:fiscal\\s+)?" + kYear + ")|\\s*,?\\s*" + kYear +
              ")?|\\bQ[1-4]\\b(?:\\s*(?:of\\s+)?" + kYear + ")?|\\b" + kYear + "\\s*Q[1-4]\\b"
              "|\\b(?:the\\s+)?(?:year-ago|year-earlier)\\s+period\\b"
              "|\\bthe\\s+quarter\\s+a\\s+year\\s+(?:ago|earlier)\\b"
              "|\\b(?:the\\s+)?(?:same|corresponding|comparable|year-ago|year-earlier)\\s+(?:period|quarter)"
              "\\s+(?:a\\s+year\\s+(?:ago|earlier)|(?:of\\s+)?last\\s+year)\\b"
              "|\\b(?:the\\s+)?(?:latest|recent|same|comparable|corresponding)\\s+period\\b"
              "|\\bthe\\s+" + kYear + "\\s+period\\b");
  // Half
  r.push_back("\\b(?:the\\s+)?(?:first|second)(?:\\s+|-)half\\s+(?:of\\s+)?(?:(?:this|last|"
              "next)\\s+year|(?:fiscal\\s+)?" + kYear + ")|\\b(?:" + kYear +
              "|(?:this|last|next)\\s+year's)\\s+(?:first|second)(?:\\s+|-)half\\b|\\bH[12]\\s+" +
              kYear + "|\\b" + kYear + "\\s+H[12]\\b");
  // Season
  r.push_back("\\b" + kModOpt + "(?:(?:the\\s+)?(?:last|past|next|coming|this|that)\\s+|the\\s+)?" +
              kSeason + "(?:\\s+(?:of\\s+)?" + kYearAny + ")?");
  // Reference
  r.push_back("\\b" + kModOpt +
              "(?:today|yesterday|tomorrow|(?:right\\s+)?now|currently|nowadays|recently|lately|"
              "formerly|the\\s+(?:(?:near|distant|foreseeable|immediate)\\s+)?future|"
              "the\\s+past|recent\\s+(?:years|decades|times)|these\\s+days|at\\s+present)\\b");
  // Ago
  r.push_back("\\b" + kModOpt +
              "(?:(?:about|nearly|almost|some|more\\s+than|over|less\\s+than|just|only)\\s+)?" +
              kCount + "[\\s-]+" + kUnit + "\\s+(?:ago|earlier|from\\s+now|hence)\\b|\\b(?:years|"
              "decades|months|weeks|centuries)\\s+ago\\b");
  // UnitOf
  r.push_back("\\b" + kMod + "(?:year|month|week|quarter|decade|century)\\b|\\b(?:the\\s+)?"
              "year(?:'s)?[\\s-]end\\b|\\byear-(?:ago|earlier)\\b|\\bthe\\s+weekend\\b|\\b(?:the\\s+)?(?:full|whole|entire)\\s+year\\b");
  return r;
}

}  // namespace

struct DatePatterns::Impl {
  std::unique_ptr<RE2> re;        // all rules as one alternation: finds match extents
  std::unique_ptr<RE2::Set> set;  // the same rules, anchored at both ends: names the rule
};

DatePatterns::DatePatterns() : impl_(std::make_unique<Impl>()) {
  const auto parts = rule_patterns();
  std::string all = "(?i)";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) all += '|';
    all += '(';
    all += parts[i];
    all += ')';
  }
  RE2::Options opt;
  opt.set_longest_match(true);
  opt.set_case_sensitive(false);
  opt.set_max_mem(64 << 20);
  opt.set_log_errors(false);
  // The two programs are independent: compile the Set on a second thread while
  // this one compiles the combined pattern (it halves this part of startup).
  std::string set_error;
  std::thread set_builder([&] {
    impl_->set = std::make_unique<RE2::Set>(opt, RE2::ANCHOR_BOTH);
    for (const auto& part : parts) {
      std::string err;
      if (impl_->set->Add(part, &err) < 0) {
        set_error = "date patterns: " + err;
        return;
      }
    }
    if (!impl_->set->Compile()) set_error = "date patterns: set does not compile";
  });
  impl_->re = std::make_unique<RE2>(all, opt);
  set_builder.join();
  if (!set_error.empty()) throw std::logic_error(set_error);
  if (!impl_->re->ok()) throw std::logic_error("date patterns: " + impl_->re->error());
  if (impl_->re->NumberOfCapturingGroups() != static_cast<int>(parts.size()))
    throw std::logic_error("date patterns: a rule has a capturing group");
}

DatePatterns::~DatePatterns() = default;

std::optional<PatternMatch> DatePatterns::next(std::string_view text, std::size_t from) const {
  if (from >= text.size()) return std::nullopt;
  // The extent comes from the DFA alone (no submatches: extracting them from a
  // program this size would cost more than the scan). The rule is then named by
  // the anchored Set over just the matched bytes; the lowest index wins, so
  // Reject beats any rule of the same extent.
  re2::StringPiece whole;
  const re2::StringPiece input(text.data(), text.size());
  if (!impl_->re->Match(input, from, text.size(), RE2::UNANCHORED, &whole, 1)) return std::nullopt;
  const auto begin = static_cast<std::uint32_t>(whole.data() - text.data());
  const auto end = static_cast<std::uint32_t>(begin + whole.size());
  // Word-boundary context: the Set sees only the match, so \b at its edges is
  // judged against the match edges; the extent already satisfied the real context.
  thread_local std::vector<int> hits;
  hits.clear();
  if (!impl_->set->Match(whole, &hits) || hits.empty()) {
    return PatternMatch{Rule::Reject, begin, end};
  }
  return PatternMatch{static_cast<Rule>(*std::min_element(hits.begin(), hits.end())), begin, end};
}

}  // namespace newsner::timex
