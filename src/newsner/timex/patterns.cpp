#include "newsner/timex/patterns.hpp"

#include <re2/re2.h>
#include <re2/set.h>

#include <mutex>
#include <thread>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__linux__)
#include <sys/mman.h>
#endif

#include <algorithm>
#include <initializer_list>
#include <array>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "newsner/text/token_hash.hpp"
#include "newsner/timex/cache_key.hpp"
#include "newsner/text/tokenizer.hpp"

namespace newsner::timex {

// The bit of `bits` (4096) that the top 12 bits of `fold_hash` select.
inline bool top_bits_bit(const std::array<std::uint64_t, 64>& bits, std::uint64_t fold_hash) {
  return (bits[fold_hash >> 58] >> ((fold_hash >> 52) & 63)) & 1;
}

// The tokens that scan() picks for its caller (DatePatterns::scan in
// patterns.hpp), tested on the token record alone.
struct TokenPicks {
  const std::array<std::uint64_t, 64>& capitalized;  // 4096 bits, by fold_hash >> 52
  std::vector<std::uint32_t>& picked;
  // A Capitalized token with this fold hash is picked.
  bool listed(std::uint64_t fold_hash) const { return top_bits_bit(capitalized, fold_hash); }
  bool wants(const text::Token& t) const {
    return (unsigned{t.shape == text::Shape::Alnum} |
            (unsigned{t.shape == text::Shape::Capitalized} & unsigned{listed(t.fold_hash)})) != 0;
  }
};

namespace {

// --- building blocks (case-insensitive as written; no capturing groups. Programs
// compiles them lowercased for scan() and with (?i) for next()) ---
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
const std::string kUnit = "(?:days?|weeks?|fortnights?|months?|years?|decades?|centuries|century|quarters?)\\b";
const std::string kUnitSg = "(?:week|weekend|month|year|quarter|decade|century)\\b";
// A modifier before the core expression: "the end of", "early", "mid-", "around".
const std::string kMod =
    "(?:(?:the\\s+)?(?:very\\s+)?(?:end|beginning|start|middle|close|turn|dawn|"
    "(?:first|second|latter|last|early|later)\\s+(?:half|part))\\s+of\\s+(?:the\\s+)?|"
    "(?:the\\s+)?(?:early|late|mid|middle)(?:\\s+|-)|end-|"
    "(?:around|approximately|circa|roughly|sometime)\\s+)";
const std::string kSpelledYear = "(?:nineteen|twenty)[\\s-]+(?:" + kTens + "(?:[\\s-]+" + kOnes +
                                  ")?|" + kTeens + "|hundred|oh[\\s-]+" + kOnes + ")\\b";
const std::string kYearAny = "(?:" + kYear + "|" + kSpelledYear + ")";
const std::string kWeekdayComma = "(?:" + kWeekday + "\\s*,?\\s*)?";
const std::string kModOpt = "(?:" + kMod + ")?";
// After a weekday: "Friday night" (no \\b: "Friday nightlife", fact 5 below), "Friday morning".
const std::string kPartOfDay = "(?:\\s+night|\\s+(?:morning|afternoon|evening)\\b)?";

// The alternatives, in Rule order (Rule::Reject is the first group).
std::vector<std::string> rule_patterns() {
  std::vector<std::string> r;
  // Reject: sets, durations with a count, times of day, names with "May", weekdays
  // counted within a month.
  r.push_back(
      "\\b(?:every|each)\\s+(?:other\\s+)?(?:" + kWeekday + "|" + kMon + "|" + kSeason +
      "|day|week|weekend|month|year|quarter|morning|night|evening|afternoon)\\b"
      "|\\b(?:the\\s+)?(?:past|last|next|coming|previous|following|first|final|remaining|"
      "other|recent)\\s+(?:" +
      kCount + ")[\\s-]+" + kUnit +
      // "the first Tuesday of November": a weekday counted within a month is
      // not the weekday nearest the DCT (the month after it stays a date)
      "|\\b(?:the\\s+)?(?:first|second|third|fourth|fifth)\\s+" + kWeekday + "\\s+(?:of|in)\\b"
      "|\\bthe\\s+last\\s+" + kWeekday + "\\s+(?:of|in)\\b"
      "|\\b(?:mrs?|ms|miss|theresa|lady)\\.?\\s+may\\b"
      "|\\bthe\\s+(?:fall|spring)\\s+of\\s+(?:the|a|an|his|her|their|its)\\b"
      "|\\b(?:recent|past|coming|last|next|few|several)\\s+(?:days|weeks|months)\\b"
      "|\\b(?:the\\s+)?(?:past|last|next|coming|previous|following)\\s+fortnight\\b");
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
              "(?:(?:earlier|later)\\s+)?(?:(?:the\\s+)?(?:last|past|previous|preceding|next|coming|following|"
              "current)|this(?:\\s+past|\\s+coming)?)\\s+(?:" +
              kMon + "|" + kWeekday + kPartOfDay + "|" + kSeason + "|(?:(?:fiscal|calendar)\\s+)?" +
              kUnitSg + ")|\\b(?:the\\s+)?(?:next|following|previous|preceding)\\s+(?:day|morning)\\b|\\b(?:the|that)\\s+same\\s+day\\b"
              // "later that year": the year the text dated
              "|\\b(?:earlier|later)\\s+that\\s+(?:year|month)\\b");
  // Month
  r.push_back("\\b" + kModOpt + kMon);
  // Weekday
  r.push_back("\\b(?:(?:early|late)\\s+)?" + kWeekday + kPartOfDay +
              "(?:\\s+(?:of\\s+)?(?:last|next|this)\\s+week\\b|\\s+week\\b)?");
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
  // Quarter. At most four qualifiers before "quarter" ("the same fiscal 2019
  // quarter" has two): with an unbounded (...\s+)* an anchored search read on
  // through a window of "2019 2019 2019 ..." from every start (50 KB: 0.35 s).
  r.push_back("\\b" + kModOpt +
              "(?:(?:the|this|last|next)\\s+)?(?:(?:(?:this|last|next)\\s+year's|"
              "year-ago|year-earlier|year\\s+ago|year\\s+earlier|fiscal|calendar|latest|current|"
              "same|previous|recent|comparable|corresponding|" + kYear + "|" + kYear + "'s)\\s+){0,4}(?:(?:first|second|third|fourth|"
              "1st|2nd|3rd|4th|final|last|march|june|september|december)(?:\\s+|-))?(?:fiscal\\s+)?quarter\\b(?:\\s+(?:of\\s+)?"
              "(?:this|last|next)\\s+year\\b|\\s+(?:of\\s+)?fiscal\\s+" + kYear + "|\\s+of\\s+" + kYear + "|\\s*,?\\s*" + kYear +
              ")?|\\bQ[1-4]\\b(?:\\s*(?:of\\s+)?" + kYear + "|\\s+(?:this|next)\\s+year\\b)?|\\b" + kYear + "\\s*Q[1-4]\\b|\\b[1-4]Q(?:\\s*" + kYear + "|\\d{2}\\b)"
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
              kYear + "|\\b" + kYear + "\\s+H[12]\\b|\\b(?:first|second)-half\\b");
  // Season
  r.push_back("\\b" + kModOpt + "(?:(?:the\\s+)?(?:last|past|next|coming|this|that)\\s+|the\\s+)?" +
              kSeason + "(?:\\s+(?:of\\s+)?(?:" + kYearAny + "|(?:this|last|next)\\s+year\\b))?");
  // Reference
  r.push_back("\\b" + kModOpt +
              "(?:today|tonight|yesterday|tomorrow|(?:right\\s+)?now|currently|nowadays|recently|lately|soon|"
              "formerly|the\\s+(?:(?:near|distant|foreseeable|immediate)\\s+)?future|"
              "the\\s+(?:recent\\s+)?past|recent\\s+(?:years|decades|times)|these\\s+days|at\\s+present)\\b");
  // Ago
  r.push_back("\\b" + kModOpt +
              "(?:(?:about|nearly|almost|some|more\\s+than|over|less\\s+than|just|only)\\s+)?" +
              kCount + "[\\s-]+" + kUnit + "\\s+(?:ago(?:\\s+today)?|earlier|from\\s+now|hence)\\b|\\b(?:years|"
              "decades|months|weeks|days|centuries)\\s+ago\\b");
  // UnitOf
  r.push_back("\\b" + kMod + "(?:year|month|week|quarter|decade|century)\\b|\\b(?:the\\s+)?"
              "(?:year|month|quarter)(?:'s)?[\\s-]end\\b|\\bthe\\s+(?:year|month|week)\\b(?:-(?:ago|earlier)\\b)?|\\byear-(?:ago|earlier)\\b|\\bthe\\s+weekend\\b|\\b(?:the\\s+)?(?:full|whole|entire)\\s+year\\b");
  return r;
}

// ---------------------------------------------------------------- scan() prefilter
//
// An RE2 search costs ~700 instructions per DFA run on top of its per-byte walk,
// and most of a news text cannot hold a date. scan() therefore reads the text once
// with a byte loop that splits it into ITEMS (runs of ASCII letters and digits, and
// single punctuation bytes) and runs RE2 only on windows around TRIGGER items. The
// windows give exactly the matches of a whole-text scan because of four facts
// about the patterns above (tests/unit/timex/patterns_scan_test.cpp checks scan()
// against repeated next() on news text and on random word salad):
//  1. A match holds only ASCII letters, digits, RE2 whitespace ([\t\n\f\r ]) and
//     - , . ' /. Any other byte is a BARRIER that no match crosses. (RE2's (?i)
//     also folds U+017F and U+212A to s and k: a text holding them takes the full
//     scan.)
//  2. Every whole letter/digit run inside a match is VOCABULARY: a word written in
//     the patterns, or a run with a digit. Only a match's first and last runs may
//     be partial ("mid the '90s" starts inside "amid", "Friday night" ends inside
//     "nightlife").
//  3. Every match holds a whole TRIGGER run: a month, weekday, season or unit word,
//     one of a few more words ("today", "now", "every" ...), or a run with
//     a digit that is 4 long, holds a letter, or is followed by / or ' ("1990",
//     "1990s", "Q3", "1/2/18", "90's"); every other number is too short to be a
//     date by itself.
//  4. A match starts where a vocabulary run starts (every alternative begins with
//     \b), except "[modifier] [the] '90s", which may start inside a word ("amid
//     the '90s") and holds a quote before a digit.
//  5. A match ends at a \b, after the dot of "Dec.", or after "night" ("Friday
//     nightlife"): no other pattern word ends a match without \b after it.
// So a match lies between the last non-vocabulary run (or barrier) before its first
// trigger and the first one after its last trigger: one window. Overlapping windows
// are merged, so each match lies in exactly one window, and the leftmost-longest
// match from a position inside a window, searching only up to the window end, is
// the whole-text one (RE2 still reads the bytes around the window for \b). By fact
// 4 that match is the longest one anchored at the first vocabulary run that has
// one; anchored searches spare RE2 the backward pass that finds where an
// unanchored match begins (windows with a quote before a digit try every letter,
// digit and quote as a start, anchored too).
// The trigger runs are found from the bytes, or from the tokens when scan() is
// given them (find_triggers_by_block, find_triggers_by_token: the same runs).
// Fact 5 lets the window cache ignore most of a window's last word (WindowCache).
// Changing a pattern means checking these facts (the test above catches most slips).

// Byte classes as bits, so that the classes of a run's bytes can be OR-ed together.
// A byte with none of them is a barrier.
enum : std::uint8_t { kLetter = 1, kDigit = 2, kSpace = 4, kPunct = 8 };

constexpr std::array<std::uint8_t, 256> make_byte_classes() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 32] = kLetter;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  // Whitespace as RE2's \s has it, and '-', which the patterns allow in any number
  // ("[\s-]+"), so it never counts as an item.
  for (unsigned char c : {'\t', '\n', '\f', '\r', ' ', '-'}) t[c] = kSpace;
  for (unsigned char c : {',', '.', '\'', '/'}) t[c] = kPunct;
  return t;
}
constexpr auto kByteClass = make_byte_classes();
// A word character to RE2's \b.
constexpr bool is_word_byte(unsigned char c) { return (kByteClass[c] & (kLetter | kDigit)) != 0 || c == '_'; }

// Moves `j` (inside a run of letters and digits that starts before it) to the end of
// the run; returns the OR of the classes of the bytes passed, and of the one
// before `j` (kLetter, kDigit or both). Words are the bulk of a text, so this
// looks at 16 bytes at once where it can.
std::uint8_t run_end(const unsigned char* s, std::uint32_t n, std::uint32_t& j) {
  std::uint8_t run = kByteClass[s[j - 1]];
#if defined(__SSE2__)
  while (n - j >= 16) {
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + j));
    // Signed compares against a shifted range: (c - lo) as unsigned < size.
    const __m128i letter = _mm_cmplt_epi8(
        _mm_sub_epi8(_mm_or_si128(c, _mm_set1_epi8(0x20)), _mm_set1_epi8(static_cast<char>('a' + 128))),
        _mm_set1_epi8(static_cast<char>(-128 + 26)));
    const __m128i digit = _mm_cmplt_epi8(_mm_sub_epi8(c, _mm_set1_epi8(static_cast<char>('0' + 128))),
                                         _mm_set1_epi8(static_cast<char>(-128 + 10)));
    // (No byte >= 0x80 passes either compare: see classify_block.)
    const unsigned digits = static_cast<unsigned>(_mm_movemask_epi8(digit));
    const unsigned alnum = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
    const unsigned len = static_cast<unsigned>(__builtin_ctz(~alnum));  // ~alnum has bit 16 set
    const unsigned in_run = (1u << len) - 1;
    if (alnum & ~digits & in_run) run |= kLetter;
    if (digits & in_run) run |= kDigit;
    j += len;
    if (len < 16) return run;
  }
#endif
  for (std::uint8_t c; j < n && ((c = kByteClass[s[j]]) & (kLetter | kDigit)); ++j) run |= c;
  return run;
}

enum class Item : std::uint8_t { Plain, Vocab, Trigger };

// Every match holds one of these whole (fact 3).
constexpr std::string_view kTriggerWords[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "spring", "summer", "fall", "autumn", "winter", "day", "days", "week",
    "weeks", "weekend", "fortnight", "fortnights", "month", "months", "year", "years", "decade", "decades", "century",
    "centuries", "quarter", "quarters", "nineteen", "twenty", "twenties", "thirties", "forties",
    "fifties", "sixties", "seventies", "eighties", "nineties", "today", "tonight", "yesterday", "tomorrow",
    "now", "currently", "nowadays", "recently", "lately", "soon", "formerly", "future", "past", "present",
    "times", "period", "half", "every", "each", "fy",
    "morning"};  // "the next morning"
// The other words of the patterns (fact 2).
constexpr std::string_view kVocabularyWords[] = {
    "a", "about", "afternoon", "ago", "almost", "an", "and", "approximately", "around", "at",
    "beginning", "calendar", "circa", "close", "coming", "comparable", "corresponding", "couple",
    "current", "dawn", "distant", "earlier", "early", "eight", "eighteen", "eighteenth", "eighth",
    "eighty", "eleven", "eleventh", "end", "entire", "evening", "few", "fifteen", "fifteenth",
    "fifth", "fifty", "final", "financial", "first", "fiscal", "five", "following", "foreseeable",
    "forty", "four", "fourteen", "fourteenth", "fourth", "from", "full", "h", "hence", "her",
    "his", "hundred", "immediate", "its", "just", "lady", "last", "late", "later", "latest",
    "latter", "less", "many", "mid", "middle", "miss", "model", "more", "mr", "mrs",
    "ms", "nd", "near", "nearly", "next", "night", "nine", "nineteenth", "ninety", "ninth", "of",
    "oh", "one", "only", "other", "over", "part", "preceding", "previous", "q", "rd", "recent",
    "remaining", "right", "roughly", "s", "same", "second", "seven", "seventeen", "seventeenth",
    "seventh", "seventy", "several", "six", "sixteen", "sixteenth", "sixth", "sixty", "some",
    "sometime", "st", "start", "ten", "tenth", "th", "than", "that", "the", "their", "theresa",
    "these", "third", "thirteen", "thirteenth", "thirtieth", "thirty", "this", "thousand",
    "three", "turn", "twelfth", "twelve", "twentieth", "two", "very", "w", "whole"};

// A lowercase word of at most 16 letters packed into two integers (zero padded).
struct WordKey {
  std::uint64_t lo = 0, hi = 0;
  bool operator==(const WordKey&) const = default;
};
constexpr std::size_t kMaxWord = 16;

// `n` <= kMaxWord ASCII letters, lowercased by setting bit 5; `avail` bytes from
// `p` may be read (when 16 can, two loads and masks replace the byte loop).
WordKey pack_word(const unsigned char* p, std::size_t n, std::size_t avail) {
  WordKey k;
  if constexpr (std::endian::native == std::endian::little) {
    if (avail >= kMaxWord) {
      std::memcpy(&k.lo, p, 8);
      std::memcpy(&k.hi, p + 8, 8);
      constexpr std::uint64_t kCase = 0x2020202020202020ull;
      const auto keep = [](std::size_t bytes) {  // the low `bytes` (0..8) bytes
        return bytes >= 8 ? ~0ull : (1ull << (8 * bytes)) - 1;
      };
      k.lo = (k.lo | kCase) & keep(n);
      k.hi = (k.hi | kCase) & keep(n > 8 ? n - 8 : 0);
      return k;
    }
  }
  unsigned char b[kMaxWord] = {};
  for (std::size_t i = 0; i < n; ++i) b[i] = p[i] | 0x20;
  std::memcpy(&k.lo, b, 8);
  std::memcpy(&k.hi, b + 8, 8);
  return k;
}

// Open-addressing table from packed word to Item (Plain when absent).
class Vocabulary {
 public:
  Vocabulary() {
    for (auto w : kVocabularyWords) add(w, Item::Vocab);
    for (auto w : kTriggerWords) add(w, Item::Trigger);
  }
  // The class of the letter run [p, p + n); `avail` >= n bytes from `p` may be read.
  Item find(const unsigned char* p, std::size_t n, std::size_t avail) const {
    return passes(any_filter_, p, n) ? lookup(p, n, avail) : Item::Plain;
  }
  bool is_trigger(const unsigned char* p, std::size_t n, std::size_t avail) const {
    return passes(trigger_filter_, p, n) && lookup(p, n, avail) == Item::Trigger;
  }
  // False when a word whose lowercase form has text::token_hash `h` (a token's
  // fold_hash) is surely no trigger word; true for every trigger word.
  bool may_be_trigger(std::uint64_t h) const { return (trigger_hashes_[h >> 58] >> ((h >> 52) & 63)) & 1; }
  // may_be_trigger(h) as bit 0 of entry h >> 52, and TokenPicks::listed(h) for
  // `capitalized` as bit 1: one byte load answers both for the words of a text,
  // which nearly all fail both. Per thread, remade when `capitalized` changes.
  const std::array<std::uint8_t, 4096>& flags(const std::array<std::uint64_t, 64>& capitalized) const {
    thread_local struct {
      bool made = false;
      std::array<std::uint64_t, 64> capitalized;
      std::array<std::uint8_t, 4096> flags;
    } cached;
    if (!cached.made || cached.capitalized != capitalized) {
      for (std::uint64_t i = 0; i < 4096; ++i) {
        const std::uint64_t h = i << 52;
        cached.flags[i] =
            static_cast<std::uint8_t>(unsigned{may_be_trigger(h)} | unsigned{top_bits_bit(capitalized, h)} << 1);
      }
      cached.capitalized = capitalized;
      cached.made = true;
    }
    return cached.flags;
  }

 private:
  // Most words of a text are in no list: a bit per (length, first letter, last
  // letter) turns them away before any packing or hashing. Letters & 31 are 1..26.
  using Filter = std::array<std::uint32_t, (kMaxWord + 1) * 32>;
  static bool passes(const Filter& f, const unsigned char* p, std::size_t n) {
    return n <= kMaxWord && ((f[n * 32 + (p[0] & 31)] >> (p[n - 1] & 31)) & 1);
  }
  static void set(Filter& f, std::string_view w) {
    f[w.size() * 32 + (w.front() & 31)] |= 1u << (w.back() & 31);
  }
  Item lookup(const unsigned char* p, std::size_t n, std::size_t avail) const {
    const WordKey k = pack_word(p, n, avail);
    for (std::size_t i = slot(k);; i = (i + 1) % kSlots) {
      if (slots_[i].key == k) return slots_[i].item;
      if (slots_[i].key.lo == 0) return Item::Plain;
    }
  }
  static constexpr std::size_t kSlots = 1024;  // well under half full
  struct Slot {
    WordKey key;
    Item item = Item::Plain;
  };
  static std::size_t slot(const WordKey& k) {
    return ((k.lo * 0x9E3779B97F4A7C15ull) ^ (k.hi * 0xC2B2AE3D27D4EB4Full)) >> 54;
  }
  void add(std::string_view w, Item item) {
    set(any_filter_, w);
    if (item == Item::Trigger) {
      set(trigger_filter_, w);
      const std::uint64_t h = text::token_hash(w);
      trigger_hashes_[h >> 58] |= 1ull << ((h >> 52) & 63);
    }
    const WordKey k = pack_word(reinterpret_cast<const unsigned char*>(w.data()), w.size(), w.size());
    std::size_t i = slot(k);
    while (slots_[i].key.lo != 0 && !(slots_[i].key == k)) i = (i + 1) % kSlots;
    slots_[i] = Slot{k, item};
  }
  std::array<Slot, kSlots> slots_{};
  Filter any_filter_{}, trigger_filter_{};
  std::array<std::uint64_t, 64> trigger_hashes_{};  // 4096 bits by the top 12 bits of the hash
};

// The class of the run [i, j) of letters and digits, given the OR of its bytes'
// classes (fact 3 for numbers; a number that is no trigger may still sit inside a
// match, "the past 5 years").
Item classify_run(const Vocabulary& v, const unsigned char* s, std::uint32_t n, std::uint32_t i,
                  std::uint32_t j, std::uint8_t classes) {
  if (classes == kLetter) return v.find(s + i, j - i, n - i);
  if (classes != kDigit || j - i == 4 || (j < n && (s[j] == '/' || s[j] == '\''))) return Item::Trigger;
  return Item::Vocab;
}

// Letters and digits among 64 bytes, one bit per byte.
struct BlockBits {
  std::uint64_t alnum = 0, digit = 0;
};
[[gnu::always_inline]] inline BlockBits classify_block(const unsigned char* p) {
  BlockBits r;
#if defined(__SSE2__)
  for (int k = 0; k < 4; ++k) {
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    // Signed compares against a shifted range: (c - lo) as unsigned < size.
    const __m128i letter = _mm_cmplt_epi8(
        _mm_sub_epi8(_mm_or_si128(c, _mm_set1_epi8(0x20)), _mm_set1_epi8(static_cast<char>('a' + 128))),
        _mm_set1_epi8(static_cast<char>(-128 + 26)));
    const __m128i digit = _mm_cmplt_epi8(_mm_sub_epi8(c, _mm_set1_epi8(static_cast<char>('0' + 128))),
                                         _mm_set1_epi8(static_cast<char>(-128 + 10)));
    // No byte >= 0x80 passes either compare, so neither needs an ASCII mask:
    // (c | 0x20) - ('a' + 128) is then at least -65 as a signed byte, and
    // c - ('0' + 128) at least -48.
    const auto d = static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(digit)));
    const auto a = static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit))));
    r.alnum |= a << (16 * k);
    r.digit |= d << (16 * k);
  }
#else
  for (int k = 0; k < 64; ++k) {
    const std::uint8_t c = kByteClass[p[k]];
    if (c & (kLetter | kDigit)) r.alnum |= 1ull << k;
    if (c & kDigit) r.digit |= 1ull << k;
  }
#endif
  return r;
}

// The runs of a 64-byte block at `base` that scan() must look at, as bits at their
// starts: the letter runs ending inside the block that are trigger words (also set
// in `*trigger`), and the runs that hold a digit or go on past the block (scan()
// classifies those, and any run whose `*trigger` bit is clear: that bit only saves
// it a second test). `starts` and `ends` pair up: the k-th end (exclusive) belongs
// to the k-th start, or there is none and the run goes on. A function of its own,
// so that this loop over most words of a text keeps everything in registers.
[[gnu::noinline]] std::uint64_t runs_to_check(const Vocabulary& v, const unsigned char* s,
                                              std::uint32_t n, std::uint32_t base,
                                              const BlockBits& bits, std::uint64_t starts,
                                              std::uint64_t ends, std::uint64_t* trigger) {
  std::uint64_t check = 0, found = 0;
  for (; starts; starts &= starts - 1, ends &= ends - 1) {
    const std::uint64_t start_bit = starts & (0 - starts);
    const std::uint64_t end_bit = ends & (0 - ends);  // 0: the run goes on past the block
    // The run's bits; with end_bit == 0 (wrapping), every bit from its start up.
    if ((bits.digit & (end_bit - start_bit)) != 0 || end_bit == 0) {
      check |= start_bit;
      continue;
    }
    const std::uint32_t i = base + static_cast<unsigned>(__builtin_ctzll(start_bit));
    const std::uint32_t j = base + static_cast<unsigned>(__builtin_ctzll(end_bit));
    if (v.is_trigger(s + i, j - i, n - i)) {
      check |= start_bit;
      found |= start_bit;
    }
  }
  *trigger = found;
  return check;
}

// scan()'s trigger finders: each calls on_trigger(i, j) for every trigger run
// [i, j) in text order, except the runs before the position the previous call
// returned (its walks classified them already).
//
// From the bytes, 64 at a time.
template <typename OnTrigger>
void find_triggers_by_block(const Vocabulary& vocabulary, const unsigned char* s, std::uint32_t n,
                            OnTrigger&& on_trigger) {
  std::uint32_t resume = 0;
  std::uint64_t carry = 0;  // the last byte of the previous block is a letter or digit
  unsigned char padded[64];
  for (std::uint32_t base = 0; base < n; base += 64) {
    const unsigned char* block = s + base;
    if (n - base < 64) {  // zero padding is neither letter nor digit
      std::memset(padded, 0, sizeof padded);
      std::memcpy(padded, block, n - base);
      block = padded;
    }
    const BlockBits bits = classify_block(block);
    // Bit k of `after_run`: byte k - 1 is a letter or digit. Runs start where a
    // letter or digit is not after one, and end (exclusive) at the first other
    // byte after one. The k-th start of the block pairs with its k-th end, once
    // the end of a run that began in an earlier block is dropped.
    const std::uint64_t after_run = (bits.alnum << 1) | carry;
    std::uint64_t starts = bits.alnum & ~after_run;
    std::uint64_t ends = ~bits.alnum & after_run;
    if (carry) ends &= ends - 1;
    carry = bits.alnum >> 63;
    std::uint64_t trigger_bits;
    for (std::uint64_t check = runs_to_check(vocabulary, s, n, base, bits, starts, ends, &trigger_bits);
         check; check &= check - 1) {
      const auto bit = static_cast<unsigned>(__builtin_ctzll(check));
      const std::uint32_t i = base + bit;
      if (i < resume) continue;
      const std::uint64_t from_bit = ~0ull << bit;
      const std::uint64_t stop = ~bits.alnum & from_bit;
      std::uint32_t j;
      if ((trigger_bits >> bit) & 1) {  // a trigger word that ends inside the block
        j = base + static_cast<unsigned>(__builtin_ctzll(stop));
      } else {  // a run with a digit, or one that goes on past the block
        std::uint64_t in_run;
        std::uint8_t classes = 0;
        if (stop) {
          const auto end_bit = static_cast<unsigned>(__builtin_ctzll(stop));
          j = base + end_bit;
          in_run = from_bit & ~(~0ull << end_bit);
        } else {
          j = base + 64;
          in_run = from_bit;
          classes = run_end(s, n, j);
        }
        if (bits.digit & in_run) classes |= kDigit;
        if (bits.alnum & ~bits.digit & in_run) classes |= kLetter;
        const bool trigger = classes == kLetter ? vocabulary.is_trigger(s + i, j - i, n - i)
                                                : classify_run(vocabulary, s, n, i, j, classes) ==
                                                      Item::Trigger;
        if (!trigger) continue;
      }
      resume = on_trigger(i, j);
    }
  }
}

// From the document's tokens: a token that is one run of ASCII letters (nearly
// every word) can be a trigger word only if its fold_hash (the token_hash of its
// lowercase form) passes Vocabulary::may_be_trigger, so most words cost a bit
// test and no byte reads. A Punct token holds no letter or digit; a token that is
// one run with a digit goes to classify_run; any other token ("year's", "U.S",
// "Caf\u00E9", "_May") is split into runs as find_triggers_by_block does. Both
// finders see the same runs: ICU never breaks a word between two ASCII letters or
// digits (UAX #29 WB5, WB8-WB10), so a token made only of them (the Tokenizer
// marks it, Token::alnum_run) is a whole run, and every run lies in a token
// (whitespace, which is in none, holds no run).
// The loop visits every token and finds a trigger in few (15,700 in 3 MB of
// real news), so it is a function of its own and calls
// on_trigger out of line (call_outlined): inlined into scan() with the window
// code, it kept its cursors and the bitmap's address on the stack.
template <typename F>
[[gnu::noinline]] std::uint32_t call_outlined(F& f, std::uint32_t i, std::uint32_t j) {
  return f(i, j);
}
// kPick: `picks` is given (else ignored).
template <bool kPick, typename OnTrigger>
[[gnu::noinline]] void find_triggers_by_token(const Vocabulary& vocabulary, const text::TokenizedText& tt,
                                              const unsigned char* s, std::uint32_t n, const TokenPicks* picks,
                                              OnTrigger&& on_trigger) {
  const auto is_alnum = [&](std::uint32_t i) { return (kByteClass[s[i]] & (kLetter | kDigit)) != 0; };
  // The caller's picks (TokenPicks) are tested where the shape is known anyway.
  const text::Token* const first = tt.tokens.data();
  const auto pick = [&](const text::Token& t) { picks->picked.push_back(static_cast<std::uint32_t>(&t - first)); };
  const std::uint8_t* const flags = kPick ? vocabulary.flags(picks->capitalized).data() : nullptr;
  std::uint32_t resume = 0;
  // The Tokenizer gives a token of one run (alnum_run) Digits or Alnum when it
  // holds a digit, and a letter shape (Lower, Capitalized, AllCaps, Mixed, the
  // shapes before Digits) otherwise. Those words, most tokens, come first: nearly
  // all fail the fold hash test, and are then neither picked nor a trigger
  // wherever they lie. The inner loop below passes over runs of such words, with
  // one compare for the shape and the span read only after it: 17 -> 14
  // instructions a word (GCC 12, -O3).
  static_assert(text::Shape::Mixed < text::Shape::Digits && text::Shape::Alnum > text::Shape::Digits &&
                text::Shape::Lower < text::Shape::Digits && text::Shape::Capitalized < text::Shape::Digits &&
                text::Shape::AllCaps < text::Shape::Digits);
  const auto letter_word = [](const text::Token& t) { return t.alnum_run && t.shape < text::Shape::Digits; };
  const auto passed_over = [&](const text::Token& t) {
    if constexpr (kPick) return letter_word(t) && flags[t.fold_hash >> 52] == 0;
    else return letter_word(t) && !vocabulary.may_be_trigger(t.fold_hash);
  };
  const text::Token* const last = first + tt.tokens.size();
  for (const text::Token* next = first; next != last; ++next) {
    while (passed_over(*next))
      if (++next == last) return;
    const text::Token& t = *next;
    const std::uint32_t b = t.span.begin, e = t.span.end;
    if (letter_word(t)) {
      bool may_trigger;
      if constexpr (kPick) {
        const std::uint8_t f = flags[t.fold_hash >> 52];
        if ((f & 2) != 0 && t.shape == text::Shape::Capitalized) pick(t);
        may_trigger = (f & 1) != 0;
      } else {
        may_trigger = vocabulary.may_be_trigger(t.fold_hash);
      }
      // No test of b >= resume: on_trigger returns a barrier, the end of a run or
      // the text's end, never a position inside a run, so a token of one run that
      // ends after `resume` begins at or after it.
      if (may_trigger && e > resume && vocabulary.is_trigger(s + b, e - b, n - b))
        resume = call_outlined(on_trigger, b, e);
      continue;
    }
    if (t.shape == text::Shape::Punct) continue;  // (never picked)
    if (e <= resume) {
      if constexpr (kPick)
        if (picks->wants(t)) pick(t);
      continue;
    }
    if (t.alnum_run) {  // Digits or Alnum
      if constexpr (kPick)
        if (t.shape == text::Shape::Alnum) pick(t);
      const std::uint8_t classes = t.shape == text::Shape::Digits ? kDigit : kDigit | kLetter;
      if (classify_run(vocabulary, s, n, b, e, classes) == Item::Trigger) resume = call_outlined(on_trigger, b, e);
      continue;
    }
    if constexpr (kPick)
      if (picks->wants(t)) pick(t);
    // The runs that start in the token, at or after `resume`.
    for (std::uint32_t i = std::max(b, resume); i < e;) {
      if (!is_alnum(i)) {
        ++i;
        continue;
      }
      std::uint32_t j = i + 1;
      const std::uint8_t classes = run_end(s, n, j);
      const bool run_start = i == 0 || !is_alnum(i - 1);  // else a walk passed it
      if (run_start && i >= resume && classify_run(vocabulary, s, n, i, j, classes) == Item::Trigger)
        resume = call_outlined(on_trigger, i, j);
      i = j;
    }
  }
}

// The letter run [p, p + n) starts with "night" (any case): a match may end inside
// it ("Friday nightlife": "(?:\s+night)?" ends without \b).
bool starts_with_night(const unsigned char* p, std::size_t n) {
  if (n < 5) return false;
  for (std::size_t k = 0; k < 5; ++k)
    if ((p[k] | 0x20) != static_cast<unsigned char>("night"[k])) return false;
  return true;
}

// RE2's case folding maps U+017F (long s) and U+212A (Kelvin sign) to s and k, so
// such a text may hold a date the byte loop cannot see.
bool has_fold_lookalike(std::string_view text) {
  return text.find("\xC5\xBF") != std::string_view::npos ||
         text.find("\xE2\x84\xAA") != std::string_view::npos;
}

// The word `w` (lowercase) as a rule-naming key spells it: the patterns name each
// weekday only in kWeekday, so all weekdays name the same rules; likewise the full
// month names (kMonthFull) and abbreviations (kMonthAbbr) except those that other
// patterns spell out ("may": Reject's "Mrs. May"; "march", "june", "september",
// "december": Quarter's "the June quarter"), and the seasons but "fall" and
// "spring" (Reject's "the fall of the"). The shortest of each class stands for it,
// so a key never grows.
std::string_view rule_word(std::string_view w) {
  const auto any = [&](std::initializer_list<std::string_view> l) {
    return std::find(l.begin(), l.end(), w) != l.end();
  };
  switch (w.size()) {
    case 3:
      if (any({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec"})) return "jan";
      break;
    case 4:
      if (w == "sept") return "jan";
      break;
    case 5:
      if (w == "april") return "july";
      break;
    case 6:
      if (any({"friday", "sunday"})) return "monday";
      if (w == "august") return "july";
      if (any({"winter", "autumn"})) return "summer";
      break;
    case 7:
      if (w == "tuesday") return "monday";
      if (any({"january", "october"})) return "july";
      break;
    case 8:
      if (any({"thursday", "saturday"})) return "monday";
      if (any({"february", "november"})) return "july";
      break;
    case 9:
      if (w == "wednesday") return "monday";
      break;
  }
  return w;
}

// Rewrites the letter runs of the key `b` (`n` bytes) as rule_word() spells them;
// returns the new size (at most `n`).
std::size_t put_rule_words(char* b, std::size_t n) {
  std::size_t to = 0;
  for (std::size_t i = 0; i < n;) {
    if (b[i] < 'a' || b[i] > 'z') {
      b[to++] = b[i++];
      continue;
    }
    std::size_t j = i + 1;
    while (j < n && b[j] >= 'a' && b[j] <= 'z') ++j;
    const std::string_view w = rule_word(std::string_view(b + i, j - i));
    std::memmove(b + to, w.data(), w.size());  // (w is the run itself or a literal)
    to += w.size();
    i = j;
  }
  return to;
}

// The rule of a match depends on its bytes alone (the Set sees nothing else), and
// news repeats a few hundred date strings ("Monday", "last year", "2019"), so each
// thread remembers the rules of recent ones in a direct-mapped table, keyed as
// above (a match holds whole runs of digits: the Set sees only the match). A
// string missing from it is looked up again with the words that name the same
// rules spelled alike (rule_word: "Friday, Oct. 5" answers for "Tuesday, Nov. 9"),
// and the Set searches only when that misses too.
class RuleCache {
 public:
  static constexpr std::size_t kMaxKey = 30;
  // The remembered rule of `s`, or nullopt; `s` must be at most kMaxKey bytes.
  std::optional<Rule> find(std::string_view s, std::size_t h) const {
    const Slot& e = slots_[h % kSlots];
    if (e.size != s.size() + 1 || std::memcmp(e.key, s.data(), s.size()) != 0) return std::nullopt;
    return e.rule;
  }
  void put(std::string_view s, std::size_t h, Rule r) {
    Slot& e = slots_[h % kSlots];
    e.size = static_cast<std::uint8_t>(s.size() + 1);
    std::memcpy(e.key, s.data(), s.size());
    e.rule = r;
  }
  // Writes the key of `s` (at most kMaxKey bytes) to `out`; returns its hash.
  static std::size_t key(std::string_view s, char* out) {
    put_key_bytes(reinterpret_cast<const unsigned char*>(s.data()), s.size(), reinterpret_cast<unsigned char*>(out));
    return hash(std::string_view(out, s.size()));
  }
  static std::size_t hash(std::string_view key) {
    std::uint32_t h = 2166136261u;  // FNV-1a
    for (const char c : key) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
  }

 private:
  static constexpr std::size_t kSlots = 16384;  // 512 KiB, zero-filled when made (see ThreadCaches)
  struct Slot {
    std::uint8_t size;  // key size + 1; 0: empty
    Rule rule;
    char key[kMaxKey];
  };
  static_assert(sizeof(Slot) == 32, "half a cache line");
  Slot slots_[kSlots];
};

// scan() runs RE2 anchored at the starts inside a window, in text order, up to the
// window end, until one holds a match; news repeats most windows ("Monday after",
// "2019, declined"), so each thread remembers, for a start, the first match that
// it or a later start of its window holds (or that none does): one probe answers
// for all the starts before a match, and for a window that holds none (3 MB of
// real news text: 24,000 -> 19,400 probes, each likely to miss the CPU caches
// (the table is 1.5 MiB), and 8,600 -> 8,260 RE2 searches).
// The later starts and the window's last trigger are a function of the bytes from
// the start to the window end (the runs and their classes), and an anchored
// search reads only the bytes from its start to the window end, and one byte on
// either side, of which it uses only whether it is a word character ([0-9A-Za-z_],
// for \b; no pattern has ^ or $, and the text's own ends count as non-word). So
// the key is the bytes from the start to the window end, with
// put_key_bytes' normalization (case folded, digit runs respelled: the patterns
// tell neither apart, in extents or rules), and the class of the byte on either side.
// Most windows end with a plain word ("Monday, the company"): no match takes such
// a word whole (fact 2), and only "night" ends a match inside a run (fact 5), so
// the key stops before a plain word that does not start with "night" and notes
// only that one follows (see Window::tail in scan()).
class WindowCache {
 public:
  static constexpr std::size_t kMaxWindow = 54;  // + 2 header bytes fill 56
  struct Result {
    bool found;
    std::uint8_t offset;  // of the match from the start searched
    std::uint8_t size;    // of the match
    Rule rule;
  };
  struct Key {
    std::uint64_t words[7];
    std::uint8_t size;
    std::size_t hash;
  };
  // The key of the search of [from, to) in `text` whose bytes from `tail` on (a
  // plain word, or tail == to: none) cannot matter; tail - from <= kMaxWindow.
  static Key key(std::string_view text, std::size_t from, std::size_t tail, std::size_t to) {
    Key k{};
    auto* b = reinterpret_cast<unsigned char*>(k.words);
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    b[0] = from > 0 && is_word_byte(s[from - 1]) ? 'w' : ' ';
    b[1] = tail < to ? 'p' : to < text.size() && is_word_byte(s[to]) ? 'w' : ' ';
    // [from, tail) holds whole runs of digits: `from` starts a run of letters and
    // digits, and `tail` starts or ends one or follows punctuation.
    put_key_bytes(s + from, tail - from, b + 2);
    k.size = static_cast<std::uint8_t>(2 + tail - from);
    std::uint64_t h = k.size;
    for (std::size_t i = 0; i < (std::size_t{k.size} + 7) / 8; ++i) h = (h ^ k.words[i]) * 0x9E3779B97F4A7C15ull;
    k.hash = static_cast<std::size_t>(h >> 51);  // 13 bits: the set
    return k;
  }
  void prefetch(const Key& k) const {
    for (std::size_t w = 0; w < kWays; ++w) __builtin_prefetch(&slots_[kWays * k.hash + w]);
  }
  std::optional<Result> find(const Key& k) const {
    for (const Slot* e = &slots_[kWays * k.hash]; e != &slots_[kWays * k.hash + kWays]; ++e)
      if (e->size == k.size && std::memcmp(e->words, k.words, sizeof k.words) == 0)
        return Result{e->match_size != kNoMatch, e->match_offset, e->match_size, e->rule};
    return std::nullopt;
  }
  // A set's entries move one slot on, newest first; the oldest leaves.
  // `m`: the first match of the start `from` and the later starts of its window
  // (it begins at or after `from` and ends by the key's end), or none.
  void put(const Key& k, std::size_t from, const std::optional<PatternMatch>& m) {
    for (std::size_t w = kWays - 1; w > 0; --w) slots_[kWays * k.hash + w] = slots_[kWays * k.hash + w - 1];
    Slot& e = slots_[kWays * k.hash];
    std::memcpy(e.words, k.words, sizeof k.words);
    e.size = k.size;
    e.match_offset = m ? static_cast<std::uint8_t>(m->begin - from) : 0;
    e.match_size = m ? static_cast<std::uint8_t>(m->end - m->begin) : kNoMatch;
    e.rule = m ? m->rule : Rule::Reject;
  }

 private:
  static constexpr std::uint8_t kNoMatch = 0xFF;
  // Three-way sets: in a direct-mapped table, pairs of common windows that share
  // a slot evicted each other (a 50 MB news sample: 7,000 distinct windows,
  // 28,600 RE2 searches with 8192 slots, 17,400 with 16384; with two ways
  // 9,400), and with two ways, triples did: real news seen again (the 18.6 MB
  // sample is ten rounds of the same 1,418 articles) took 614 searches a round
  // with 2 x 8192 slots (6% of its probes), 74 with 3 x 8192.
  static constexpr std::size_t kWays = 3;
  static constexpr std::size_t kSlots = 8192 * kWays;  // 1.5 MiB, zero-filled when made (see ThreadCaches)
  struct Slot {
    std::uint64_t words[7];
    std::uint8_t size;  // 0: empty (no key is this short)
    std::uint8_t match_offset;
    std::uint8_t match_size;
    Rule rule;
  };
  static_assert(sizeof(Slot) == 64, "one cache line");
  Slot slots_[kSlots];
};

// The per-thread caches are made zero-filled by the kernel, which zeroes fresh
// pages on first touch, rather than by writing 2 MiB per thread up front. Zero
// bytes mean "empty" in both caches, which are implicit-lifetime types (trivial).
// They start on a cache line, so that no slot (64 or 32 bytes) straddles two
// lines. On Linux they live in one 2 MiB-aligned block advised as a transparent
// huge page: the caches are probed at random, and with 4 KiB pages most probes
// also missed the TLB (perf put a third of scan()'s window bookkeeping on the
// prefetch of a slot). The price: when the kernel grants the huge page, the
// first date scan of a thread makes all 2 MiB resident (about 0.1 ms of zeroing);
// elsewhere a short run pays only for the 4 KiB pages it touches.
template <typename T>
class Zeroed {
  static_assert(std::is_trivially_default_constructible_v<T> && std::is_trivially_destructible_v<T>);
#if defined(__linux__)
  static constexpr std::uintptr_t kAlign = std::uintptr_t{2} << 20;
  static constexpr std::size_t kUsed = (sizeof(T) + kAlign - 1) & ~(kAlign - 1);

 public:
  Zeroed() {
    // Room to align the block: the kernel aligns mappings to pages only.
    void* raw = ::mmap(nullptr, kUsed + kAlign, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) throw std::bad_alloc();
    const auto begin = reinterpret_cast<std::uintptr_t>(raw);
    const std::uintptr_t at = (begin + kAlign - 1) & ~(kAlign - 1);
    // The slack before and after the aligned block goes back at once.
    if (at > begin) ::munmap(raw, at - begin);
    if (begin + kAlign > at) ::munmap(reinterpret_cast<void*>(at + kUsed), begin + kAlign - at);
    at_ = reinterpret_cast<void*>(at);
    ::madvise(at_, kUsed, MADV_HUGEPAGE);  // advice only: 4 KiB pages work too
  }
  ~Zeroed() { ::munmap(at_, kUsed); }
#else
  static constexpr std::uintptr_t kAlign = 64;

 public:
  Zeroed() : raw_(std::calloc(1, sizeof(T) + kAlign)) {
    if (raw_ == nullptr) throw std::bad_alloc();
    at_ = reinterpret_cast<void*>((reinterpret_cast<std::uintptr_t>(raw_) + kAlign - 1) & ~(kAlign - 1));
  }
  ~Zeroed() { std::free(raw_); }

 private:
  void* raw_;  // what calloc returned

 public:
#endif
  Zeroed(const Zeroed&) = delete;
  Zeroed& operator=(const Zeroed&) = delete;
  T& operator*() const { return *static_cast<T*>(at_); }

 private:
  void* at_;  // the caches: aligned as above
};

// Both caches of a thread, in one block (2 MiB; on Linux one 2 MiB huge page).
struct ThreadCaches {
  WindowCache windows;
  RuleCache rules;
};
static_assert(sizeof(ThreadCaches) <= std::size_t{2} << 20, "one huge page");
ThreadCaches& thread_caches() {
  thread_local const Zeroed<ThreadCaches> owner;
  return *owner;
}

}  // namespace

// The patterns are case-insensitive, but RE2 compiles them case-sensitively in
// about half the instructions (and these two compilations are most of startup),
// so scan() runs them with their letters in lowercase over lowercased copies of
// the bytes it searches. The two agree except where RE2's case folding maps a
// letter outside ASCII to one in it (U+017F to s, U+212A to k): text holding
// those takes the case-insensitive programs (Impl::folding()), compiled on first
// use only. next() takes them too, so it is the reference that the tests check
// scan() against.
namespace {
class Programs {
 public:
  std::unique_ptr<RE2> re;  // all rules as one alternation: finds match extents
  Programs(const std::vector<std::string>& parts, bool folding);
  Programs(const Programs&) = delete;
  Programs& operator=(const Programs&) = delete;
  ~Programs();
  // The rule of a whole match `m` (in lowercase unless folding): the lowest
  // rule that matches all of it, so Reject beats any rule of the same extent.
  // Word-boundary context: the programs see only `m`, so \b at its edges is
  // judged against its edges; the extent already satisfied the real context.
  Rule name(std::string_view m) const;

 private:
  // The programs that name rules are compiled on a second thread that the
  // constructor starts and does not wait for (startup need not: the first rule is
  // named after the first document is read and tokenized); the first name() waits.
  void wait_for_naming() const;
  // The folding programs (the reference for next() and the tests): the rules as
  // written, as one RE2::Set anchored at both ends.
  // The others: most rules begin with "\b" + kModOpt, and a Set compiles one copy
  // of it per rule (a third of the Set). So `set_` holds each rule's alternatives
  // without that prefix (its "core") and the other alternatives as separate
  // entries, and `mod_` the modifier: a rule matches `m` when an entry of its
  // other alternatives does, or its core matches `m` (\b: `m` begins with a word
  // byte) or a rest of `m` after a modifier prefix. A quarter less to compile
  // (25 -> 19 M instructions), and each new match string costs the Set less.
  std::unique_ptr<RE2::Set> set_;
  struct Entry {
    Rule rule;
    bool core;  // the rule's alternatives after "\b" + kModOpt
  };
  std::vector<Entry> entries_;  // by Set index
  std::unique_ptr<RE2> mod_;    // kMod (not folding only)
  std::string set_error_;
  mutable std::thread set_builder_;
  mutable std::once_flag set_built_;
};
}  // namespace

// The bytes that the case-sensitive programs search: a copy of text[lo, hi) in
// the cache-key form (lowercase, digits respelled; see match()), made by match()
// and reused by the later searches of the same scan() that fall inside it. The
// searches of one window share its end and start further on each time, so each
// window is copied once (a copy per search made a long window of dates, "March 5
// March 5 ...", cost its length squared). Made afresh by each scan(): it
// describes one text only.
struct LowerCopy {
  std::string& bytes;  // a per-thread buffer, for its capacity only
  std::size_t lo = 0, hi = 0;
};

struct DatePatterns::Impl {
  Programs lower;  // case-sensitive, in lowercase
  // The case-insensitive programs, made by folding() on first use.
  mutable std::once_flag folding_once;
  mutable std::unique_ptr<Programs> folding_programs;
  const Programs& folding() const;
  Vocabulary vocabulary;          // scan()'s item classes

  Impl() : lower(rule_patterns(), false) {}
  // The leftmost-longest match starting in [from, to) and ending by `to`; with
  // RE2::ANCHOR_START, the longest one starting at `from`. `fold`: by the
  // case-insensitive programs (the text holds a case-fold look-alike); else
  // `lowered` (required then) holds or gets the copy searched (LowerCopy).
  std::optional<PatternMatch> match(std::string_view text, std::size_t from, std::size_t to,
                                    RE2::Anchor anchor, bool fold, LowerCopy* lowered) const;
  Rule rule_of(std::string_view matched, bool fold) const;
  // DatePatterns::scan, finding trigger runs from `tokens` when given, and
  // picking tokens into `picks` when given (with `tokens`).
  void scan(std::string_view text, const text::TokenizedText* tokens,
            std::vector<PatternMatch>& out, const TokenPicks* picks) const;
};

namespace {

// Writes ASCII letters in lowercase, except the letter of an escape ("\\b").
std::string lowercase_literals(std::string_view pattern) {
  std::string r(pattern);
  for (std::size_t i = 0; i < r.size(); ++i)
    if (r[i] >= 'A' && r[i] <= 'Z' && (i == 0 || r[i - 1] != '\\')) r[i] = static_cast<char>(r[i] + 32);
  return r;
}

// The alternatives at the top level of `pattern`: split at each | outside groups
// and character classes.
std::vector<std::string_view> top_level_alternatives(std::string_view pattern) {
  std::vector<std::string_view> out;
  int depth = 0;
  bool in_class = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;  // an escaped byte is never a bracket or a bar
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(' || c == ')') {
      depth += c == '(' ? 1 : -1;
    } else if (c == '|' && depth == 0) {
      out.push_back(pattern.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(pattern.substr(start));
  return out;
}

// All rules as one alternation for the extents. A leftmost-longest match depends
// only on the set of strings the pattern matches, not on how it is written, so
// the alternatives that start with "\b" and the optional modifier (kModOpt, in
// most rules) share one copy of it: a third less to compile. After it, those
// that go on with a month name (kMon) or the optional weekday (kWeekdayComma)
// share one copy of that too (3% fewer instructions to compile and for each new
// DFA state to hold).
std::string combined_rules(const std::vector<std::string>& parts) {
  const std::string prefix = "\\b" + kModOpt;
  const std::string leads[] = {kMon, kWeekdayComma};
  std::string shared, others, led[std::size(leads)];
  const auto append = [](std::string& to, std::string_view alternative) {
    if (!to.empty()) to += '|';
    to += alternative;
  };
  for (const auto& part : parts) {
    for (const std::string_view alternative : top_level_alternatives(part)) {
      if (alternative.substr(0, prefix.size()) != prefix) {
        append(others, alternative);
        continue;
      }
      const std::string_view rest = alternative.substr(prefix.size());
      std::size_t k = 0;
      while (k < std::size(leads) && rest.substr(0, leads[k].size()) != leads[k]) ++k;
      if (k < std::size(leads)) append(led[k], rest.substr(leads[k].size()));
      else append(shared, rest);
    }
  }
  for (std::size_t k = 0; k < std::size(leads); ++k)
    if (!led[k].empty()) append(shared, leads[k] + "(?:" + led[k] + ")");
  return prefix + "(?:" + shared + ")|" + others;
}

Programs::Programs(const std::vector<std::string>& rules, bool folding) {
  std::vector<std::string> parts;
  for (const auto& rule : rules) parts.push_back(folding ? rule : lowercase_literals(rule));
  // The case-insensitive program stays one group per rule, as written: the
  // reference for next() and the tests.
  std::string all = folding ? "(?i)" : combined_rules(parts);
  for (std::size_t i = 0; folding && i < parts.size(); ++i) {
    if (i) all += '|';
    all += '(';
    all += parts[i];
    all += ')';
  }
  RE2::Options opt;
  opt.set_longest_match(true);
  opt.set_case_sensitive(!folding);
  opt.set_max_mem(64 << 20);
  opt.set_log_errors(false);
  // The programs are independent: compile the naming ones on a second thread
  // while this one compiles the combined pattern (see wait_for_naming()).
  set_builder_ = std::thread([this, opt, folding, parts = std::move(parts)] {
    set_ = std::make_unique<RE2::Set>(opt, RE2::ANCHOR_BOTH);
    auto add = [&](const std::string& pattern, Entry entry) {
      std::string err;
      if (set_->Add(pattern, &err) < 0) {
        set_error_ = "date patterns: " + err;
        return false;
      }
      entries_.push_back(entry);
      return true;
    };
    const std::string prefix = "\\b" + kModOpt;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const auto rule = static_cast<Rule>(i);
      if (folding) {
        if (!add(parts[i], Entry{rule, false})) return;
        continue;
      }
      std::string core, others;
      for (const std::string_view alternative : top_level_alternatives(parts[i])) {
        const bool has_prefix = alternative.substr(0, prefix.size()) == prefix;
        std::string& to = has_prefix ? core : others;
        if (!to.empty()) to += '|';
        to += has_prefix ? alternative.substr(prefix.size()) : alternative;
      }
      if (!core.empty() && !add(core, Entry{rule, true})) return;
      if (!others.empty() && !add(others, Entry{rule, false})) return;
    }
    if (!set_->Compile()) set_error_ = "date patterns: set does not compile";
    if (!folding) {
      mod_ = std::make_unique<RE2>(kMod, opt);
      if (!mod_->ok()) set_error_ = "date patterns: " + mod_->error();
    }
  });
  re = std::make_unique<RE2>(all, opt);
  std::string error;
  if (!re->ok()) error = "date patterns: " + re->error();
  else if (re->NumberOfCapturingGroups() != static_cast<int>(folding ? rules.size() : 0))
    error = "date patterns: a rule has a capturing group";
  if (!error.empty()) {
    set_builder_.join();
    throw std::logic_error(error);
  }
}

Programs::~Programs() {
  if (set_builder_.joinable()) set_builder_.join();
}

void Programs::wait_for_naming() const {
  std::call_once(set_built_, [&] { set_builder_.join(); });
  if (!set_error_.empty()) throw std::logic_error(set_error_);
}

Rule Programs::name(std::string_view m) const {
  wait_for_naming();
  thread_local std::vector<int> hits;
  constexpr int kNone = static_cast<int>(Rule::UnitOf) + 1;  // past every rule
  int best = kNone;
  // The entries that match all of `from` (a suffix of `m`): cores count when
  // `after_mod` (a modifier precedes `from`) or `from` begins with a word byte (\b
  // at the start of `m`), the other entries only when `from` is all of `m`.
  auto lowest = [&](std::string_view from, bool after_mod) {
    hits.clear();
    if (!set_->Match(re2::StringPiece(from.data(), from.size()), &hits)) return;
    for (const int h : hits) {
      const Entry& e = entries_[static_cast<std::size_t>(h)];
      const bool counts =
          after_mod ? e.core : !e.core || (!from.empty() && is_word_byte(static_cast<unsigned char>(from[0])));
      if (counts) best = std::min(best, static_cast<int>(e.rule));
    }
  };
  lowest(m, false);
  if (mod_ != nullptr && best > 0) {
    // Every modifier ends with whitespace or '-' (kMod), so the prefixes of `m`
    // that are one end there, and none is longer than the longest one.
    re2::StringPiece longest;
    const re2::StringPiece input(m.data(), m.size());
    if (mod_->Match(input, 0, m.size(), RE2::ANCHOR_START, &longest, 1)) {
      for (std::size_t k = 1; k <= longest.size() && best > 0; ++k) {
        if (kByteClass[static_cast<unsigned char>(m[k - 1])] != kSpace) continue;
        if (k == longest.size() || mod_->Match(input, 0, k, RE2::ANCHOR_BOTH, nullptr, 0))
          lowest(m.substr(k), true);
      }
    }
  }
  return best != kNone ? static_cast<Rule>(best) : Rule::Reject;
}

}  // namespace

const Programs& DatePatterns::Impl::folding() const {
  std::call_once(folding_once, [&] { folding_programs = std::make_unique<Programs>(rule_patterns(), true); });
  return *folding_programs;
}

DatePatterns::DatePatterns() : impl_(std::make_unique<Impl>()) {}

DatePatterns::~DatePatterns() = default;

std::optional<PatternMatch> DatePatterns::Impl::match(std::string_view text, std::size_t from,
                                                      std::size_t to, RE2::Anchor anchor, bool fold,
                                                      LowerCopy* lowered) const {
  // The extent comes from the DFA alone (no submatches: extracting them from a
  // program this size would cost more than the scan). The rule is then named by
  // the anchored Set over just the matched bytes.
  re2::StringPiece whole;
  if (fold) {
    const re2::StringPiece input(text.data(), text.size());
    if (!folding().re->Match(input, from, to, anchor, &whole, 1)) return std::nullopt;
    const auto begin = static_cast<std::uint32_t>(whole.data() - text.data());
    const auto end = static_cast<std::uint32_t>(begin + whole.size());
    return PatternMatch{rule_of(std::string_view(whole.data(), whole.size()), true), begin, end};
  }
  // A copy of [from, to) and the byte on either side in the cache-key form
  // (cache_key.hpp: lowercase, each digit run respelled as the patterns tell it
  // apart, so the extents and rules are the text's): a search reads no more (no
  // pattern has ^ or $; \b looks one byte beyond the range, and a respelled byte
  // stays a word byte). Fewer spellings, fewer DFA states for RE2 to build ("14"
  // and "12" read alike). A copy of more of the text, made for an earlier search,
  // serves as well. A digit run cut at the copy's start (a quote window's search
  // from inside a number) starts no match either way: no pattern starts at a digit
  // without \b.
  const std::size_t need_lo = from > 0 ? from - 1 : 0, need_hi = std::min(text.size(), to + 1);
  if (need_lo < lowered->lo || lowered->hi < need_hi || lowered->lo == lowered->hi) {
    lowered->lo = need_lo;
    lowered->hi = need_hi;
    std::string& copy = lowered->bytes;
    copy.resize(need_hi - need_lo);
    put_key_bytes(reinterpret_cast<const unsigned char*>(text.data() + need_lo), need_hi - need_lo,
                  reinterpret_cast<unsigned char*>(copy.data()));
  }
  const std::string& copy = lowered->bytes;
  const std::size_t lo = lowered->lo;
  const re2::StringPiece input(copy.data(), copy.size());
  if (!lower.re->Match(input, from - lo, to - lo, anchor, &whole, 1)) return std::nullopt;
  const auto begin = static_cast<std::uint32_t>(lo + (whole.data() - copy.data()));
  const auto end = static_cast<std::uint32_t>(begin + whole.size());
  return PatternMatch{rule_of(std::string_view(whole.data(), whole.size()), false), begin, end};
}

// `matched`: lowercase unless `fold`.
Rule DatePatterns::Impl::rule_of(std::string_view matched, bool fold) const {
  RuleCache& cache = thread_caches().rules;
  const bool cacheable = matched.size() <= RuleCache::kMaxKey;
  char key_bytes[RuleCache::kMaxKey];
  const std::size_t h = cacheable ? RuleCache::key(matched, key_bytes) : 0;
  const std::string_view key(key_bytes, cacheable ? matched.size() : 0);
  if (cacheable)
    if (auto r = cache.find(key, h)) return *r;
  // On a miss, the key with the words that name the same rules spelled alike
  // (rule_word), which a string seen with other such words has left.
  char same_bytes[RuleCache::kMaxKey];
  std::memcpy(same_bytes, key_bytes, key.size());
  const std::string_view same(same_bytes, put_rule_words(same_bytes, key.size()));
  const bool other = same != key;
  const std::size_t same_h = other ? RuleCache::hash(same) : h;
  if (cacheable && other)
    if (auto r = cache.find(same, same_h)) {
      cache.put(key, h, *r);
      return *r;
    }
  // The keys are lowercase and name the rule `matched` has (see put_key_bytes and
  // rule_word).
  const std::string_view subject = cacheable && !fold ? same : matched;
  const Rule r = (fold ? folding() : lower).name(subject);
  if (cacheable) {
    if (other) cache.put(same, same_h, r);
    cache.put(key, h, r);
  }
  return r;
}

std::optional<PatternMatch> DatePatterns::next(std::string_view text, std::size_t from) const {
  if (from >= text.size()) return std::nullopt;
  return impl_->match(text, from, text.size(), RE2::UNANCHORED, true, nullptr);
}

void DatePatterns::scan(std::string_view text, std::vector<PatternMatch>& out) const {
  impl_->scan(text, nullptr, out, nullptr);
}

void DatePatterns::scan(const text::TokenizedText& tokens, std::vector<PatternMatch>& out) const {
  impl_->scan(tokens.text, &tokens, out, nullptr);
}

void DatePatterns::scan(const text::TokenizedText& tokens, std::vector<PatternMatch>& out,
                        const std::array<std::uint64_t, 64>& capitalized,
                        std::vector<std::uint32_t>& picked) const {
  const TokenPicks picks{capitalized, picked};
  impl_->scan(tokens.text, &tokens, out, &picks);
}

void DatePatterns::Impl::scan(std::string_view text, const text::TokenizedText* tokens,
                              std::vector<PatternMatch>& out, const TokenPicks* picks) const {
  std::size_t pos = 0;  // the next match starts at or after this byte
  // (An ASCII text holds no look-alike: the tokenizer has read its bytes.)
  if ((tokens == nullptr || !tokens->ascii) && has_fold_lookalike(text)) {
    if (picks != nullptr)
      for (std::size_t i = 0; i < tokens->tokens.size(); ++i)
        if (picks->wants(tokens->tokens[i])) picks->picked.push_back(static_cast<std::uint32_t>(i));
    while (pos < text.size()) {
      const auto m = match(text, pos, text.size(), RE2::UNANCHORED, true, nullptr);
      if (!m) break;
      out.push_back(*m);
      pos = std::max<std::size_t>(m->end, m->begin + 1);
    }
    return;
  }
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const auto n = static_cast<std::uint32_t>(text.size());
  thread_local std::string lowered_bytes;
  LowerCopy lowered{lowered_bytes};

  // The window being built: [begin, end), its last trigger run starting at `trigger`.
  struct Window {
    bool open = false;
    std::uint32_t begin = 0, end = 0, trigger = 0;
    // Where the plain word that ends the window starts, if no match can end
    // inside it (it does not start with "night"; see WindowCache); else `end`.
    std::uint32_t tail = 0;
    // Where its matches may start: its vocabulary runs (fact 4), unless it holds a
    // quote before a digit ("amid the '90s" starts inside "amid").
    std::vector<std::uint32_t> starts;
    bool quote_digit = false;
  } w;
  // The start lists live in per-thread buffers that keep their capacity from one
  // scan() to the next (news text is mostly short documents: three allocations
  // per document were a cost of their own); handed back at the end.
  thread_local std::vector<std::uint32_t> spare_starts[3];
  w.starts = std::move(spare_starts[0]);
  w.starts.clear();
  WindowCache& window_cache = thread_caches().windows;
  // The cache slot of a window's first search is fetched as soon as the window's
  // end is known, and the window is searched only when the window after it
  // closes (`held`): the memory access then overlaps the search for the next
  // triggers, which is often too short by itself ("2019, the year"). The windows
  // are still searched in text order, so `pos` and `out` see the same sequence.
  struct Prefetched {
    bool valid = false;
    std::uint32_t from = 0, tail = 0, end = 0;
    WindowCache::Key key;
  } ahead, held_ahead;
  Window held;  // closed, not searched yet when open
  held.starts = std::move(spare_starts[1]);
  held.starts.clear();
  auto prefetch_first = [&] {
    const std::uint32_t from = w.starts.front();
    ahead.valid = !w.quote_digit && from <= w.trigger && w.tail - from <= WindowCache::kMaxWindow;
    if (!ahead.valid) return;
    ahead.from = from;
    ahead.tail = w.tail;
    ahead.end = w.end;
    ahead.key = WindowCache::key(text, from, w.tail, w.end);
    window_cache.prefetch(ahead.key);
  };
  auto search_window = [&](const Window& w, const Prefetched& ahead) {
    if (!w.quote_digit) {
      // The first start that holds a match holds the leftmost one, and RE2 need
      // not run backwards to find where it begins.
      // The keys of the starts searched without a match since the last match:
      // their answer is the next start's (see WindowCache). A start past the
      // first few is not remembered. (Left uninitialized: zeroing them per window
      // cost more than the probes saved.)
      constexpr std::size_t kPending = 8;
      WindowCache::Key pending[kPending];
      std::uint32_t pending_from[kPending];
      std::size_t n_pending = 0;
      const auto settle = [&](const std::optional<PatternMatch>& m) {
        for (std::size_t i = 0; i < n_pending; ++i) window_cache.put(pending[i], pending_from[i], m);
        n_pending = 0;
      };
      // RE2 searches up to the plain word that ends the window (`tail`), not
      // through it: no match takes a byte of it (facts 2 and 5, as for the cache
      // key), and \b at the range's end still reads its first byte. So the DFA
      // does not follow the prefixes of the words that end windows while some
      // pattern word begins with them.
      for (const std::uint32_t from : w.starts) {
        if (from < pos) continue;  // (no start is pending then)
        if (from > w.trigger) break;  // a match holds a whole trigger run
        if (w.tail - from > WindowCache::kMaxWindow) {  // too long to remember (so none is pending)
          if (const auto m = match(text, from, w.tail, RE2::ANCHOR_START, false, &lowered)) {
            out.push_back(*m);
            pos = m->end;
          }
          continue;
        }
        const bool made = ahead.valid && ahead.from == from && ahead.tail == w.tail && ahead.end == w.end;
        WindowCache::Key own;
        const WindowCache::Key& key = made ? ahead.key : (own = WindowCache::key(text, from, w.tail, w.end));
        std::optional<PatternMatch> m;
        if (const auto r = window_cache.find(key)) {
          if (!r->found) break;  // nor any later start
          const std::uint32_t begin = from + r->offset;
          m = PatternMatch{r->rule, begin, begin + r->size};
        } else {
          m = match(text, from, w.tail, RE2::ANCHOR_START, false, &lowered);
          if (!m) {
            if (n_pending < kPending) {
              pending[n_pending] = key;
              pending_from[n_pending++] = from;
            }
            continue;
          }
          window_cache.put(key, from, m);
        }
        settle(m);
        out.push_back(*m);
        pos = m->end;
      }
      settle(std::nullopt);
      return;
    }
    // A quote before a digit: a match may start at any letter, digit or quote
    // ("amid the '90s" starts inside "amid"), so each of them is tried, in text
    // order, by an anchored search: the first that matches is the leftmost match,
    // as an unanchored search would find it, but RE2 never builds the reverse
    // program an unanchored longest match needs to find where it begins (~13 M
    // instructions, for the few such windows of a run).
    for (std::size_t from = std::max<std::size_t>(pos, w.begin); from <= w.trigger; ++from) {
      const std::uint8_t c = kByteClass[s[from]];
      if (!(c & (kLetter | kDigit)) && s[from] != '\'') continue;  // no alternative starts there
      const auto m = match(text, from, w.end, RE2::ANCHOR_START, false, &lowered);
      if (!m) continue;
      out.push_back(*m);
      pos = std::max<std::size_t>(m->end, m->begin + 1);
      from = pos - 1;
    }
  };
  auto quote_digit_at = [&](std::uint32_t i) {  // s[i] is punctuation
    return s[i] == '\'' && i + 1 < n && kByteClass[s[i + 1]] == kDigit;
  };
  // Where a match holding the trigger run at `t` may start at the earliest: at the
  // nearest run before it that is no pattern word (a match may start inside it,
  // "amid"), or just after the nearest barrier. nullopt when the walk back reaches
  // `floor` (the open window's end) over pattern words only. Appends the starts of
  // the pattern words passed to `back` (last first) and notes quotes before digits.
  std::vector<std::uint32_t> back = std::move(spare_starts[2]);
  back.clear();
  bool back_quote_digit = false;
  auto earliest_start = [&](std::uint32_t t, std::uint32_t floor) -> std::optional<std::uint32_t> {
    back.clear();
    back_quote_digit = false;
    for (std::uint32_t i = t; i > floor;) {
      const std::uint8_t c = kByteClass[s[i - 1]];
      if (c == kSpace || c == kPunct) {
        if (c == kPunct && quote_digit_at(i - 1)) back_quote_digit = true;
        --i;
        continue;
      }
      if (c == 0) return i;  // a barrier at i - 1
      std::uint32_t j = i - 1;
      std::uint8_t classes = c;
      for (std::uint8_t b; j > 0 && ((b = kByteClass[s[j - 1]]) & (kLetter | kDigit)); --j) classes |= b;
      if (classify_run(vocabulary, s, n, j, i, classes) == Item::Plain) return j;
      back.push_back(j);
      i = j;
    }
    return std::nullopt;
  };
  // Extends the window over the pattern words after its trigger run, which ends at
  // `i`, up to and including the first other run (a match may end inside it,
  // "nightlife") or up to a barrier. Returns where the walk stopped.
  auto grow = [&](std::uint32_t i) {
    while (i < n) {
      const std::uint8_t c = kByteClass[s[i]];
      if (c == kSpace) {
        ++i;
        continue;
      }
      if (c == 0) {
        w.tail = w.end;
        return i;
      }
      if (c == kPunct) {
        if (quote_digit_at(i)) w.quote_digit = true;
        w.end = ++i;
        continue;
      }
      std::uint32_t j = i + 1;
      // run_end() moves `j` to the run's end: call it before classify_run() takes
      // `j` (in one call, the order in which the arguments are read is unspecified,
      // and clang reads `j` first: "today" classified as the plain word "t").
      const std::uint8_t classes = run_end(s, n, j);
      const Item item = classify_run(vocabulary, s, n, i, j, classes);
      w.end = j;
      if (item == Item::Plain) {
        w.tail = starts_with_night(s + i, j - i) ? j : i;
        return j;
      }
      w.starts.push_back(i);
      if (item == Item::Trigger) w.trigger = i;
      i = j;
    }
    w.tail = w.end;
    return n;
  };

  // A trigger run [i, j) that no walk has passed yet: opens a window or joins the
  // open one, and walks on past it. Returns where the walk stopped; the runs
  // before it were classified by the walks.
  auto on_trigger = [&](std::uint32_t i, std::uint32_t j) {
    const auto from = earliest_start(i, w.open ? w.end : 0);
    if (!w.open || (from && *from >= w.end)) {  // no overlap with the open window
      if (w.open) {
        if (held.open) search_window(held, held_ahead);
        std::swap(held, w);  // `w` is reset below and by grow()
        held_ahead = ahead;
      }
      w.open = true;
      w.begin = from.value_or(0);
      w.starts.clear();
      w.quote_digit = false;
    }
    w.starts.insert(w.starts.end(), back.rbegin(), back.rend());
    w.starts.push_back(i);
    w.quote_digit |= back_quote_digit;
    w.trigger = i;
    w.end = j;
    const std::uint32_t stop = grow(j);
    prefetch_first();
    return stop;
  };

  if (tokens == nullptr) find_triggers_by_block(vocabulary, s, n, on_trigger);
  else if (picks != nullptr) find_triggers_by_token<true>(vocabulary, *tokens, s, n, picks, on_trigger);
  else find_triggers_by_token<false>(vocabulary, *tokens, s, n, nullptr, on_trigger);
  if (held.open) search_window(held, held_ahead);
  if (w.open) search_window(w, ahead);
  spare_starts[0] = std::move(w.starts);
  spare_starts[1] = std::move(held.starts);
  spare_starts[2] = std::move(back);
}

}  // namespace newsner::timex
