#include "newsner/recognize/date.hpp"

#include <algorithm>
#include <array>
#include <compare>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

#include "newsner/timex/normalizer.hpp"
#include "newsner/timex/other_calendars.hpp"
#include "newsner/timex/patterns.hpp"
#include "newsner/timex/value.hpp"

namespace newsner::recognize {
namespace {

using timex::Direction;
using timex::Granularity;
using timex::kUnknown;
using timex::Mod;
using timex::Rule;
using timex::Unit;
using timex::Value;
using Dct = std::optional<std::chrono::year_month_day>;

// y-m-d as a calendar date (not checked: ok() tells).
timex::Ymd make_ymd(int y, int m, int d) {
  return timex::Ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                    std::chrono::day{static_cast<unsigned>(d)}};
}
// The ISO weekday of `d`: 1 Monday .. 7 Sunday.
int iso_weekday(const timex::Ymd& d) {
  return static_cast<int>(std::chrono::weekday{std::chrono::sys_days{d}}.iso_encoding());
}
// `weekday` (1 Monday .. 7 Sunday) of the ISO week `weeks` after the DCT's
// ("Wednesday next week", "Friday of last week"); no DCT: an unanchored weekday.
Value weekday_of_week(const Dct& dct, int weekday, int weeks) {
  if (!dct) return timex::resolve_weekday(dct, weekday, timex::Direction::Same);
  return timex::day_value(timex::add_days(*dct, 7 * weeks + weekday - iso_weekday(*dct)));
}

// ---------------------------------------------------------------- lexing a match
// A match is at most a few dozen bytes; its lexemes live in a fixed array (no heap).
struct Lex {
  enum Kind : std::uint8_t { Word, Num, Punct } kind;
  std::string_view text;    // surface (words: letters only; nums: digits only)
  std::string_view suffix;  // letters glued to a number ("th", "s"), or "'" marker
  std::uint32_t begin;      // byte offset in the document
  int num = 0;              // value of a Num
  bool apostrophe = false;  // "'90s"
};

constexpr std::size_t kMaxLex = 40;
struct Lexemes {
  std::array<Lex, kMaxLex> v;
  std::size_t n = 0;
};

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool ieq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != b[i]) return false;
  return true;
}

// A fixed table of lowercase words with the set of their lengths and, per first
// letter (& 31: the same for either case), the set of its words that start with
// it: most words asked about fail the length test, and the others are compared
// with the one or two table words of their first letter only.
template <std::size_t N>
class WordTable {
  static_assert(N <= 32, "a word set per first letter is 32 bits");

 public:
  constexpr explicit WordTable(const std::string_view (&words)[N]) : words_(words) {
    for (std::size_t i = 0; i < N; ++i) {
      lengths_ |= std::uint64_t{1} << words[i].size();
      by_first_[words[i][0] & 31] |= std::uint32_t{1} << i;
    }
  }
  // Index of the word equal to `w` ignoring ASCII case (ieq), or -1.
  int find(std::string_view w) const {
    if (w.empty() || w.size() >= 64 || !((lengths_ >> w.size()) & 1)) return -1;
    for (std::uint32_t set = by_first_[w[0] & 31]; set != 0; set &= set - 1) {
      const int i = __builtin_ctz(set);
      if (ieq(w, words_[i])) return i;
    }
    return -1;
  }

 private:
  const std::string_view* words_;
  std::uint64_t lengths_ = 0;
  std::array<std::uint32_t, 32> by_first_{};
};

template <std::size_t N>
int index_in(std::string_view w, const WordTable<N>& table) {
  return table.find(w);
}

void lex(std::string_view text, std::uint32_t begin, std::uint32_t end, Lexemes& out) {
  // [begin, end) is a match in `text`: the views are made without substr()'s
  // checks, and a byte's class is a range test (is_alpha as one compare).
  const char* const p = text.data();
  const auto alpha = [p](std::uint32_t k) { return static_cast<unsigned char>((p[k] | 0x20) - 'a') < 26; };
  out.n = 0;
  std::uint32_t i = begin;
  while (i < end && out.n < kMaxLex) {
    const char c = p[i];
    if (alpha(i)) {
      std::uint32_t j = i + 1;
      while (j < end && alpha(j)) ++j;
      out.v[out.n++] = Lex{Lex::Word, std::string_view(p + i, j - i), {}, i};
      i = j;
    } else if (is_digit(c) || (c == '\'' && i + 1 < end && is_digit(p[i + 1]))) {
      const bool apos = c == '\'';
      std::uint32_t j = apos ? i + 1 : i;
      const std::uint32_t ds = j;
      int n = 0;
      while (j < end && is_digit(p[j])) n = n * 10 + (p[j++] - '0');
      const std::uint32_t de = j;
      if (j < end && p[j] == '\'' && j + 1 < end && lower(p[j + 1]) == 's') ++j;  // 1990's
      const std::uint32_t ss = j;
      while (j < end && alpha(j)) ++j;
      Lex l{Lex::Num, std::string_view(p + ds, de - ds), std::string_view(p + ss, j - ss), i};
      l.num = n;
      l.apostrophe = apos;
      out.v[out.n++] = l;
      i = j;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else {
      out.v[out.n++] = Lex{Lex::Punct, std::string_view(p + i, 1), {}, i};
      ++i;
    }
  }
}

// ---------------------------------------------------------------- word tables
constexpr std::string_view kMonthsList[] = {"january", "february", "march",     "april",
                                        "may",     "june",     "july",      "august",
                                        "september", "october", "november", "december"};
constexpr WordTable kMonths(kMonthsList);
constexpr std::string_view kMonthAbbrList[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                           "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr WordTable kMonthAbbr(kMonthAbbrList);
constexpr std::string_view kWeekdaysList[] = {"monday", "tuesday",  "wednesday", "thursday",
                                          "friday", "saturday", "sunday"};
constexpr WordTable kWeekdays(kWeekdaysList);
constexpr std::string_view kSeasonsList[] = {"spring", "summer", "fall", "winter", "autumn"};
constexpr WordTable kSeasons(kSeasonsList);
constexpr std::string_view kOnesList[] = {"one", "two",   "three", "four", "five",
                                      "six", "seven", "eight", "nine"};
constexpr WordTable kOnes(kOnesList);
constexpr std::string_view kTeensList[] = {"ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                       "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr WordTable kTeens(kTeensList);
constexpr std::string_view kTensList[] = {"twenty", "thirty",  "forty",  "fifty",
                                      "sixty",  "seventy", "eighty", "ninety"};
constexpr WordTable kTens(kTensList);
constexpr std::string_view kOrdinalsList[] = {
    "first",      "second",     "third",       "fourth",     "fifth",     "sixth",
    "seventh",    "eighth",     "ninth",       "tenth",      "eleventh",  "twelfth",
    "thirteenth", "fourteenth", "fifteenth",   "sixteenth",  "seventeenth", "eighteenth",
    "nineteenth", "twentieth"};
constexpr WordTable kOrdinals(kOrdinalsList);
constexpr std::string_view kDecadeList[] = {"twenties", "thirties", "forties",  "fifties",
                                             "sixties",  "seventies", "eighties", "nineties"};
constexpr WordTable kDecadeWords(kDecadeList);

int month_of(std::string_view w) {
  int i = index_in(w, kMonths);
  if (i >= 0) return i + 1;
  if (ieq(w, "sept")) return 9;
  i = index_in(w, kMonthAbbr);
  return i >= 0 ? i + 1 : 0;
}
int weekday_of(std::string_view w) {
  const int i = index_in(w, kWeekdays);
  return i >= 0 ? i + 1 : 0;
}
timex::Season season_of(std::string_view w) {
  switch (index_in(w, kSeasons)) {
    case 0: return timex::Season::Spring;
    case 1: return timex::Season::Summer;
    case 2: case 4: return timex::Season::Fall;
    case 3: return timex::Season::Winter;
    default: return static_cast<timex::Season>(0);
  }
}
int cardinal_of(std::string_view w) {
  int i = index_in(w, kOnes);
  if (i >= 0) return i + 1;
  i = index_in(w, kTeens);
  if (i >= 0) return i + 10;
  i = index_in(w, kTens);
  if (i >= 0) return (i + 2) * 10;
  if (ieq(w, "a") || ieq(w, "an")) return 1;
  if (ieq(w, "hundred")) return 100;
  return -1;
}
int ordinal_of(std::string_view w) {
  const int i = index_in(w, kOrdinals);
  if (i >= 0) return i + 1;
  if (ieq(w, "thirtieth")) return 30;
  return -1;
}
bool is_upper_initial(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

// Reads a cardinal number written in words starting at lexeme i ("twenty-one",
// "forty two"); advances i. -1 when none.
int read_cardinal(const Lexemes& L, std::size_t& i) {
  if (i >= L.n || L.v[i].kind != Lex::Word) return -1;
  int v = cardinal_of(L.v[i].text);
  if (v < 0) return -1;
  ++i;
  if (v >= 20 && v % 10 == 0 && v < 100) {
    std::size_t j = i;
    if (j < L.n && L.v[j].kind == Lex::Punct && L.v[j].text == "-") ++j;
    if (j < L.n && L.v[j].kind == Lex::Word) {
      const int o = index_in(L.v[j].text, kOnes);
      if (o >= 0) {
        v += o + 1;
        i = j + 1;
      }
    }
  }
  return v;
}

// Reads an ordinal in words ("twenty-first", "fifth"); advances i. -1 when none.
int read_ordinal(const Lexemes& L, std::size_t& i) {
  if (i >= L.n || L.v[i].kind != Lex::Word) return -1;
  int o = ordinal_of(L.v[i].text);
  if (o > 0) {
    ++i;
    return o;
  }
  const int t = index_in(L.v[i].text, kTens);
  if (t == 0 || t == 1) {  // twenty-, thirty-
    std::size_t j = i + 1;
    if (j < L.n && L.v[j].kind == Lex::Punct && L.v[j].text == "-") ++j;
    if (j < L.n && L.v[j].kind == Lex::Word) {
      o = ordinal_of(L.v[j].text);
      if (o > 0 && o < 10) {
        i = j + 1;
        return (t + 2) * 10 + o;
      }
    }
  }
  return -1;
}

// ---------------------------------------------------------------- parsed parts
struct Parts {
  Mod mod = Mod::None;
  int half = 0;          // "first half of" -> 1, "second half of" -> 2
  int month = 0;         // 1..12
  bool month_lower = false;
  bool month_abbr_nodot = false;
  int day = 0;
  int year = kUnknown;
  int weekday = 0;
  timex::Season season = static_cast<timex::Season>(0);
  int rel = 0;           // -1 last/past/previous, 0 this, +1 next/coming
  bool has_rel = false;
  bool has_the = false;
  bool night = false;
  bool anaphoric = false;  // "following" / "previous" / "preceding": from the text's time
  bool next_word = false;  // "next" itself, no article ("next Friday"; not "the next", "coming")
  std::size_t core = 0;  // first lexeme after the modifier
};

// Consumes a leading modifier phrase ("the end of", "early", "mid-", "around").
void parse_mod(const Lexemes& L, Parts& p) {
  std::size_t i = 0;
  auto word = [&](std::size_t k, std::string_view w) {
    return k < L.n && L.v[k].kind == Lex::Word && ieq(L.v[k].text, w);
  };
  std::size_t j = i;
  if (word(j, "the")) ++j;
  if (word(j, "very")) ++j;
  if (j < L.n && L.v[j].kind == Lex::Word) {
    const std::string_view w = L.v[j].text;
    Mod m = Mod::None;
    int half = 0;
    std::size_t k = j + 1;
    if (ieq(w, "end") || ieq(w, "close")) m = Mod::End;
    else if (ieq(w, "beginning") || ieq(w, "start") || ieq(w, "dawn")) m = Mod::Start;
    else if (ieq(w, "middle") && word(k, "of")) m = Mod::Mid;
    else if (ieq(w, "turn")) m = Mod::None;
    else if ((word(k, "half") || word(k, "part")) && word(k + 1, "of")) {
      const bool first = ieq(w, "first") || ieq(w, "early");
      m = first ? Mod::Start : Mod::End;
      half = word(k, "half") ? (first ? 1 : 2) : 0;
      ++k;
    } else {
      k = 0;
    }
    if (k && word(k, "of") && (m != Mod::None || ieq(w, "turn"))) {
      ++k;
      if (word(k, "the")) ++k;
      p.mod = m;
      p.half = half;
      p.core = k;
      return;
    }
    // "end-June", "end-2019" (the wire services' "the end of")
    if (ieq(w, "end") && k < L.n && L.v[k].kind == Lex::Punct && L.v[k].text == "-") {
      p.mod = Mod::End;
      p.core = k + 1;
      return;
    }
    // early / late / mid(-) / middle
    if (ieq(w, "early") || ieq(w, "late") || ieq(w, "mid") || ieq(w, "middle")) {
      p.mod = ieq(w, "early") ? Mod::Start : ieq(w, "late") ? Mod::End : Mod::Mid;
      k = j + 1;
      if (k < L.n && L.v[k].kind == Lex::Punct && L.v[k].text == "-") ++k;
      p.core = k;
      return;
    }
  }
  if (i < L.n && L.v[i].kind == Lex::Word) {
    const std::string_view w = L.v[i].text;
    if (ieq(w, "earlier") || ieq(w, "later")) {
      p.core = i + 1;
      return;
    }
    if (ieq(w, "around") || ieq(w, "approximately") || ieq(w, "circa") || ieq(w, "roughly")) {
      p.mod = Mod::Approx;
      p.core = i + 1;
      return;
    }
  }
  p.core = 0;
}

// Fills month/day/year/weekday/season/relation from the lexemes after the modifier.
void parse_core(const Lexemes& L, Parts& p) {
  for (std::size_t i = p.core; i < L.n;) {
    const Lex& l = L.v[i];
    if (l.kind == Lex::Num) {
      if (l.text.size() == 4 && l.suffix.empty()) p.year = l.num;
      else if (l.text.size() <= 2 && l.num >= 1 && l.num <= 31 && p.day == 0) p.day = l.num;
      ++i;
      continue;
    }
    if (l.kind != Lex::Word) {
      ++i;
      continue;
    }
    const std::string_view w = l.text;
    if (int m = month_of(w); m && p.month == 0) {
      p.month = m;
      p.month_lower = !is_upper_initial(w);
      const bool full = index_in(w, kMonths) >= 0;
      const bool dot = i + 1 < L.n && L.v[i + 1].kind == Lex::Punct && L.v[i + 1].text == ".";
      p.month_abbr_nodot = !full && !dot;
      ++i;
      continue;
    }
    if (int d = weekday_of(w)) {
      p.weekday = d;
      ++i;
      continue;
    }
    if (auto s = season_of(w); static_cast<int>(s) != 0) {
      p.season = s;
      ++i;
      continue;
    }
    if (ieq(w, "the")) p.has_the = true;
    else if (ieq(w, "last") || ieq(w, "past") || ieq(w, "previous") || ieq(w, "preceding")) {
      p.rel = -1, p.has_rel = true;
      p.anaphoric = ieq(w, "previous") || ieq(w, "preceding");
    } else if (ieq(w, "next") || ieq(w, "coming") || ieq(w, "following")) {
      p.rel = +1, p.has_rel = true;
      p.anaphoric = ieq(w, "following");
      p.next_word = ieq(w, "next") && !p.has_the;
    } else if ((ieq(w, "this") || ieq(w, "current")) && !p.has_rel) {
      p.rel = 0, p.has_rel = true;
    } else if (ieq(w, "night")) {
      p.night = true;
    } else {
      std::size_t k = i;
      const int o = read_ordinal(L, k);
      if (o > 0) {
        if (p.day == 0) p.day = o;
        i = k;
        continue;
      }
      if ((ieq(w, "nineteen") || ieq(w, "twenty")) && p.year == kUnknown) {
        std::size_t k2 = i + 1;
        int rest = -1;
        if (k2 < L.n && L.v[k2].kind == Lex::Punct) ++k2;
        if (k2 < L.n && ieq(L.v[k2].text, "hundred")) rest = 0, ++k2;
        else if (k2 < L.n && ieq(L.v[k2].text, "oh")) ++k2, rest = read_cardinal(L, k2);
        else rest = read_cardinal(L, k2);
        if (rest >= 0 && rest < 100) {
          p.year = cardinal_of(w) * 100 + rest;
          i = k2;
          continue;
        }
      }
    }
    ++i;
  }
}

// The parts of a match are a function of its bytes (lex() reads no others), and
// news repeats a few hundred date strings ("Monday", "last year", "2019"), so each
// thread remembers the parts of recent ones in a direct-mapped table, keyed by the
// bytes as written (case and digits matter: "may", "2019").
// The table is probed at random, once per match, and its slot was a cache miss
// that stalled recognize() (a fifth of its own samples in perf), so recognize()
// finds the slot of a match (slot_of) and fetches it (prefetch) while it reads
// the match before.
class PartsCache {
 public:
  static constexpr std::uint32_t kNoSlot = ~0u;
  // The slot of the match `m`, or kNoSlot when it is too long to remember.
  static std::uint32_t slot_of(std::string_view m) {
    if (m.size() > kMaxKey) return kNoSlot;
    std::uint32_t h = 2166136261u;  // FNV-1a
    for (const char c : m) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h % kSlots;
  }
  void prefetch(std::uint32_t slot) const {
    if (slot == kNoSlot) return;
    const auto* e = reinterpret_cast<const char*>(&slots_[slot]);
    __builtin_prefetch(e);
    __builtin_prefetch(e + sizeof(Slot) - 1);  // (80 bytes: two lines)
  }
  // The parts of the match `m`, lexed into `L`: parse_mod() then parse_core();
  // `slot` is slot_of(m).
  Parts parts(std::string_view m, std::uint32_t slot, const Lexemes& L) {
    if (slot == kNoSlot) return parse(L);
    Slot& e = slots_[slot];
    if (e.size != m.size() + 1 || std::memcmp(e.key, m.data(), m.size()) != 0) {
      e.size = static_cast<std::uint8_t>(m.size() + 1);
      std::memcpy(e.key, m.data(), m.size());
      e.parts = parse(L);
    }
    return e.parts;
  }

 private:
  static Parts parse(const Lexemes& L) {
    Parts p;
    parse_mod(L, p);
    parse_core(L, p);
    return p;
  }
  static constexpr std::size_t kMaxKey = 23;
  static constexpr std::size_t kSlots = 1024;  // 72 KiB
  struct Slot {
    std::uint8_t size = 0;  // key size + 1; 0: empty
    char key[kMaxKey];
    Parts parts;
  };
  std::vector<Slot> slots_ = std::vector<Slot>(kSlots);
};

// ---------------------------------------------------------------- context
struct Context {
  const text::TokenizedText& tt;
  // Index of the first token that begins at or after byte `b`, given that the
  // tokens before index `from` begin before it. The matches come in text order,
  // so recognize() gallops on from its last answer instead of searching the
  // whole document twice per match.
  std::size_t token_from(std::size_t from, std::uint32_t b) const {
    const auto& t = tt.tokens;
    std::size_t lo = from, step = 1;
    while (lo + step <= t.size() && t[lo + step - 1].span.begin < b) {
      lo += step;
      step *= 2;
    }
    const auto first = t.begin() + static_cast<std::ptrdiff_t>(lo);
    const auto last = t.begin() + static_cast<std::ptrdiff_t>(std::min(lo + step - 1, t.size()));
    const auto it = std::lower_bound(first, last, b, [](const text::Token& tk, std::uint32_t off) {
      return tk.span.begin < off;
    });
    return static_cast<std::size_t>(it - t.begin());
  }
  std::string_view surface(std::size_t i) const { return tt.surface(tt.tokens[i]); }
};

// A word of at most 15 bytes, lowercased as ieq() does, packed with its length into
// two integers, so that list lookups compare integers instead of looping over the
// list and its characters.
struct WordKey {
  std::uint64_t lo = 0, hi = 0;
  auto operator<=>(const WordKey&) const = default;
};
std::optional<WordKey> key_of(std::string_view w) {
  if (w.size() > 15) return std::nullopt;
  unsigned char b[16] = {};
  for (std::size_t i = 0; i < w.size(); ++i) b[i] = static_cast<unsigned char>(lower(w[i]));
  b[15] = static_cast<unsigned char>(w.size());
  WordKey k;
  std::memcpy(&k.lo, b, 8);
  std::memcpy(&k.hi, b + 8, 8);
  return k;
}

// A fixed list of lowercase words; contains() is ieq() against any of them. Most
// words asked about are in no list: a bit per (length, first byte, last byte), each
// byte taken & 31 so that case does not matter, turns them away before packing.
class WordList {
 public:
  WordList(std::initializer_list<std::string_view> words) {
    for (auto w : words) {
      keys_.push_back(*key_of(w));
      filter_[filter_slot(w)] |= 1u << (w.back() & 31);
    }
    std::sort(keys_.begin(), keys_.end());
  }
  bool contains(std::string_view w) const {
    if (w.empty() || w.size() > 15 || !((filter_[filter_slot(w)] >> (w.back() & 31)) & 1))
      return false;
    return std::binary_search(keys_.begin(), keys_.end(), *key_of(w));
  }

 private:
  static std::size_t filter_slot(std::string_view w) { return w.size() * 32 + (w.front() & 31); }
  std::vector<WordKey> keys_;
  std::array<std::uint32_t, 16 * 32> filter_{};
};

// Prepositions and determiners that make a bare month, year or season a date.
const WordList kDateCues{"in", "since", "by", "until", "till", "through", "throughout", "during",
                         "from", "to", "of", "before", "after", "early", "late", "mid", "last",
                         "next", "this", "that", "between", "and", "for", "around", "as", "circa",
                         "or", "on", "into", "ending", "ended", "beginning", "starting",
                         "effective", "than", "-", "(", "/"};
bool is_date_cue(std::string_view w) { return kDateCues.contains(w); }

// Future-tense cues in the words before a weekday or a month ("will meet on Friday").
constexpr std::string_view kFutureCues[]{"will", "ll", "shall", "would", "scheduled", "due", "expected", "expects",
                           "plans", "plan", "planned", "planning", "upcoming", "tomorrow", "going",
                           "next", "postponed", "delayed", "adjourned", "resume", "resumes", "soon",
                           // present tense of scheduled events: "the summit ends on Friday"
                           "ends", "begins", "starts", "opens", "closes", "convenes", "arrives",
                           "visits", "returns", "gathers", "meets", "kicks", "runs", "lasts", "expires",
                           "departs", "leaves", "falls",  // ("the holiday falls on Saturday")
                           // a race's or a tour's itinerary: "the race stays in the Pyrenees on Friday"
                           "continues", "stays", "heads", "finishes", "concludes", "travels",
                           // a fixture: "the Celtics host the Knicks on Thursday" ("faces" is left
                           // out: "Israel faces pressure after the strike on Tuesday" is past)
                           "hosts", "host", "plays", "play", "visit", "takes",  // ("takes place on 7 July")
                           "repeats",  // a show's: "the program repeats Saturday"
                           // ... and their plural form: "Arafat and Albright meet Monday"
                           "meet", "begin", "convene", "arrive", "depart", "gather", "expect"};
constexpr std::string_view kPastCues[]{"was", "were", "had", "did", "last", "ago",
                         "met", "began", "took", "came", "went", "left", "made", "gave", "saw",
                         "won", "lost", "held", "fell", "rose", "killed", "died", "ran"};
// Reporting verbs: past, but the clause they report may be about the future
// ("said the vote is Dec 3"), so they do not pull a month-day into the past.
constexpr std::string_view kReportCues[]{"said", "says", "told"};

// The word before a date that decides a close call in recognize().
// Before a bare month: a preposition makes it a date even before a capitalized word.
const WordList kBeforeName{"in", "since", "by", "until", "during", "from", "through", "before",
                           "after", "of", "early", "late", "mid", "last", "next", "this"};
// Words of a company's accounts: after "first-half" / "second-half" (a half
// year's), and after "reports its" (reports_results_at).
const WordList kAccountsWords{"profit", "profits", "earnings", "results", "sales", "revenue", "revenues",
                              "loss", "losses", "income", "dividend", "output", "figures", "turnover",
                              "growth", "gdp", "net", "operating", "pretax"};
// Before a bare month: these join names in a list ("to May", "and May").
const WordList kListJoiners{"and", "to", "or", "-", "(", "/", "as", "than", "on", "for", "of"};
// Before a bare year before 1900.
const WordList kOldYearCues{"in", "since", "of", "from", "until", "by", "before", "after",
                            "during", "circa", "between"};
// Before any bare year.
const WordList kYearCues{"in", "since", "until", "till", "by", "during", "before", "after",
                         "circa", "early", "late", "mid", "between", "through", "throughout",
                         "from", "of", "for", "into", "calendar", "(", "year", "summer", "spring", "winter",
                         "autumn", "fall", "'s"};
// ... and after "than" when these come before it ("no later than 2019").
const WordList kTimeComparatives{"later", "earlier", "sooner"};
// ... and the second year of a range ("from 1991 to 1997").
const WordList kRangeJoiners{"to", "and", "or", "-", "through", "/", ","};
const WordList kDeterminers{"the", "a", "its", "his", "her", "their", "this", "that"};
// "in his 90s" is an age.
const WordList kPossessives{"his", "her", "their", "its", "my", "our", "your"};
// Before a bare season.
const WordList kSeasonCues{"in", "during", "since", "by", "until", "through", "throughout",
                           "before", "after", "over", "for", "this", "last", "next", "early",
                           "late", "of", "from", "that"};
// Counts in "... ago".
const WordList kAfterA{"few", "couple", "several"};
const WordList kVagueCounts{"few", "several", "couple", "many", "some"};
const WordList kApprox{"about", "nearly", "almost", "roughly", "approximately"};

// The listed tense cues by the hash of their folded form, which is a token's
// fold_hash when the token is the word in any ASCII case: tense_before() asks
// about 8 tokens per date, and one probe here replaces a search per list. A hit
// is confirmed on the surface with ieq(), the lists' own comparison (a non-ASCII
// token may fold to a listed word: "\u017Fays" to "says").
class TenseCues {
 public:
  TenseCues() {
    for (const std::string_view w : kFutureCues) add(w, +1);
    for (const std::string_view w : kPastCues) add(w, -1);
    for (const std::string_view w : kReportCues) add(w, -2);
  }
  // +1 future, -1 past, -2 reporting verb, 0 not listed.
  int find(std::uint64_t fold_hash, std::string_view surface) const {
    for (std::size_t i = slot(fold_hash);; i = (i + 1) % kSlots) {
      const Slot& e = slots_[i];
      if (e.tense == 0) return 0;
      if (e.hash == fold_hash && ieq(surface, e.word)) return e.tense;
    }
  }

 private:
  static constexpr std::size_t kSlots = 256;  // well under half full
  struct Slot {
    std::uint64_t hash = 0;
    std::string_view word;
    int tense = 0;  // 0: empty
  };
  static std::size_t slot(std::uint64_t h) { return static_cast<std::size_t>(h >> 56); }
  void add(std::string_view w, int tense) {
    const std::uint64_t h = text::token_hash(w);
    std::size_t i = slot(h);
    for (; slots_[i].tense != 0; i = (i + 1) % kSlots)
      if (slots_[i].word == w) return;  // listed as a future cue already
    slots_[i] = Slot{h, w, tense};
  }
  std::array<Slot, kSlots> slots_{};
};
const TenseCues kTenseCues;

// Lowercase words in -ed that are no past tense: verbs in -eed ("will proceed
// to trial on 14 October", "need", "exceed") and adjectives or numbers ("a
// hundred", "sacred"). ("agreed", "freed" are past: their verb ends in -ee.)
const WordList kNotPastEd{"proceed", "succeed", "exceed", "need", "feed", "speed", "breed", "bleed",
                          "indeed", "heed", "hundred", "sacred", "naked", "wicked", "rugged", "beloved",
                          "wretched", "crooked", "kindred"};

// +1 for a future cue, -1 for a past one (a listed word, or a lowercase word in
// -ed), -2 for a reporting verb, 0 for neither; `w` is the surface of a token with fold hash `fold_hash`.
int tense_cue(std::uint64_t fold_hash, std::string_view w) {
  if (const int listed = kTenseCues.find(fold_hash, w)) return listed;
  return w.size() > 4 && w[0] >= 'a' && w[0] <= 'z' && w.substr(w.size() - 2) == "ed" && !kNotPastEd.contains(w)
             ? -1
             : 0;
}

// True when "be" or "being", or a verb of staying in a state in the present or
// the infinitive ("stay", "remains"), comes right before token i: a past cue
// there is a passive participle or a state ("will be held", "is being signed",
// "will stay closed until Wednesday"), not the past. (Their past forms,
// "stayed", are past cues of their own.)
bool be_before(const Context& cx, std::size_t i) {
  static const WordList kStateVerbs{"be", "being", "stay", "stays", "staying", "remain", "remains", "remaining"};
  // a participle with a prefix ("will be re-evaluated", "co-hosted"): the word before the prefix
  const auto& t = cx.tt.tokens;
  if (i >= 3 && cx.surface(i - 1) == "-" && !t[i].space_before && !t[i - 1].space_before &&
      t[i - 2].shape == text::Shape::Lower)
    i -= 2;
  return i > 0 && kStateVerbs.contains(cx.surface(i - 1));
}

// True when token k is a past participle after "to be" ("held", "played",
// "installed", "sworn"): "to be held on Sunday" is a plan; "continued to be
// steady in October" is not.
bool passive_after(const Context& cx, std::size_t k) {
  if (k >= cx.tt.tokens.size()) return false;
  const std::string_view w = cx.surface(k);
  if (w.size() > 3 && (w.substr(w.size() - 2) == "ed" || w.substr(w.size() - 2) == "en")) return true;
  return w == "held" || w == "built" || w == "run" || w == "set" || w == "put" || w == "sworn" ||
         w == "paid" || w == "sold" || w == "won" || w == "made";
}

// True when a future modal ("will", "would", "should") comes right before `be`
// ("could be reached Wednesday" may be the past: not "could", "may", "can"),
// past one adverb ("would still be").
bool modal_before(const Context& cx, std::size_t be) {
  static const WordList kModals{"will", "would", "shall", "should", "ll"};
  if (be == 0) return false;
  std::size_t k = be - 1;
  const std::string_view w = cx.surface(k);
  if (k > 0 && (ieq(w, "still") || ieq(w, "also") || ieq(w, "not") || ieq(w, "now") ||
                (w.size() > 3 && w.substr(w.size() - 2) == "ly")))
    --k;
  return kModals.contains(cx.surface(k));
}

// True when token i is a company's present tense of a scheduled release, before `from`: "reports
// its fourth-quarter earnings", "publishes their annual results" (the date after it is to come).
bool reports_results_at(const Context& cx, std::size_t i, std::size_t from) {
  static const WordList kReleaseVerbs{"reports", "releases", "publishes", "announces", "posts", "unveils"};
  if (i + 3 >= from || !kReleaseVerbs.contains(cx.surface(i))) return false;
  const std::string_view p = cx.surface(i + 1);
  if (!ieq(p, "its") && !ieq(p, "their")) return false;
  for (std::size_t k = i + 2; k < from && k < i + 7; ++k)  // "its fourth - quarter earnings"
    if (kAccountsWords.contains(cx.surface(k))) return true;
  return false;
}

// True when token i is "was" / "were" before "possible" or "likely": a forecast in a
// report's past tense ("said more snow was possible through Tuesday"), which looks ahead.
bool outlook_at(const Context& cx, std::size_t i) {
  if (i + 1 >= cx.tt.tokens.size() || (!ieq(cx.surface(i), "was") && !ieq(cx.surface(i), "were"))) return false;
  const std::string_view a = cx.surface(i + 1);
  return ieq(a, "possible") || ieq(a, "likely");
}

// True when token i is "expected" in a comparison ("higher-than-expected", "as
// expected"): an adjective of the outcome, no future.
bool than_expected_at(const Context& cx, std::size_t i) {
  if (i == 0 || !ieq(cx.surface(i), "expected")) return false;
  const std::string_view w = cx.surface(i - 1);
  return ieq(w, "than") || ieq(w, "as") || w == "-";
}

// After a determiner or before "of" a future cue that is a verb ("plan", "-s") is a noun:
// "announced the plan Aug. 21", "its visits", "heads of state on Friday"; an
// adjective cue stays one ("the next summit"). So is an -s word opening its sentence,
// where no subject comes before it ("Leaves drop in the fall").
bool future_cue_is_noun(const Context& cx, std::size_t i) {
  if (cx.surface(i).back() == 's' && cx.tt.tokens[i].sentence_start) return true;
  // right after a past verb it is the verb's object ("had left plays on the field")
  if (i > 0 && cx.surface(i).back() == 's' && tense_cue(cx.tt.tokens[i - 1].fold_hash, cx.surface(i - 1)) == -1)
    return true;
  const std::string_view w = cx.surface(i);
  const bool singular = ieq(w, "plan") || ieq(w, "meet") || ieq(w, "visit") || ieq(w, "play");
  const auto det = [&](std::size_t k) {
    return kDeterminers.contains(cx.surface(k)) || kPossessives.contains(cx.surface(k));
  };
  if (i == 0 || !(w.back() == 's' || singular)) return false;
  if (det(i - 1) || ieq(cx.surface(i + 1), "of")) return true;
  // ... also past a modifier ("their first visit"; not a plural subject: "the sides meet")
  return singular && i >= 2 && cx.tt.tokens[i - 1].shape == text::Shape::Lower && cx.surface(i - 1).back() != 's' &&
         det(i - 2);
}

// (and an itinerary's verb: "the race continues on Friday ..., before a rest day in Toulouse on Monday";
// and a plan or an expectation in the present: "plans to launch ... from Starbase, Texas, between March 3 and 5")
const WordList kFarFutureCues{"will",      "ll",    "shall",    "would",     "expected", "scheduled", "due",
                              "continues", "stays", "finishes", "concludes", "travels", "plans", "plan",
                              "expects"};
// A fixture's verb after a team's name reaches as far: "The Bucks visit the Chicago Bulls at the
// United Center on Monday night" (not the noun: "their first visit to the island ... in February").
const WordList kFixtureVerbs{"visit", "visits", "host", "hosts", "play", "plays"};
bool fixture_verb_at(const Context& cx, std::size_t i) {
  if (i == 0 || !kFixtureVerbs.contains(cx.surface(i))) return false;
  const text::Shape s = cx.tt.tokens[i - 1].shape;
  return (s == text::Shape::Capitalized || s == text::Shape::AllCaps) && !kDeterminers.contains(cx.surface(i - 1));
}
const WordList kRelatives{"where", "which", "who", "whom", "whose", "when", "while"};
// +1 when a future auxiliary ("will", "would", "is expected to") comes before token `from`
// within its sentence `sent`, at most 32 tokens back (tense_before has read those from `read` on), with no past or reporting verb, relative word,
// semicolon or colon between: the long sentences of press releases keep their tense
// ("will report ... on May 12, 2026, and hold its meeting in Basel on June 4"); else 0.
// Also +1 after a company's release of results (reports_results_at).
[[gnu::noinline]] int far_future_before(const Context& cx, std::size_t from, std::uint32_t sent, std::size_t read) {
  for (std::size_t i = from; i > 0 && i + 32 > from;) {
    --i;
    const text::Token& t = cx.tt.tokens[i];
    if (sent != ~0u && t.sentence != sent) return 0;
    const std::string_view w = cx.surface(i);
    if (t.shape == text::Shape::Punct) {
      // a clause of its own ("...; ..."), or a sentence's end the split missed ("a bigger share. On Sunday")
      if (w == ";" || w == ":") return 0;
      if ((w == "." || w == "?" || w == "!") && cx.tt.tokens[i + 1].shape == text::Shape::Capitalized) return 0;
      continue;
    }
    if (t.shape != text::Shape::Lower) continue;  // the cues are lowercase words
    if (w[0] == 'w' && kRelatives.contains(w)) return 0;  // "..., where the blasts killed ..."
    if (w.back() == 's' && reports_results_at(cx, i, from)) return +1;
    if (i >= read) continue;                      // tense_before has read these words' cues
    const int cue = tense_cue(cx.tt.tokens[i].fold_hash, w);
    if (cue == 0 || (cue > 0 && than_expected_at(cx, i))) continue;
    if (cue < 0) {
      // a passive participle after "be" is no past ("will be held"): its auxiliary decides
      if (cue == -1 && be_before(cx, i)) continue;
      return 0;
    }
    // only an auxiliary of the future reaches this far; another cue ends the search ("next to
    // the station", "figures delayed from Tuesday by the holiday on Monday when it was closed"),
    // unless it is the verb the auxiliary governs ("will begin talks ... on Wednesday")
    if (kFarFutureCues.contains(w)) return future_cue_is_noun(cx, i) ? 0 : +1;
    return (i > 0 && modal_before(cx, i)) || fixture_verb_at(cx, i) ? +1 : 0;
  }
  return 0;
}

// True when a market's close comes right before token `tok` ("a premium to the
// closing price on Friday", "from the close on Monday"): a price set, a fact of the
// past whatever the tense of the plan around it ("will pay ...").
[[gnu::noinline]] bool closing_price_before(const Context& cx, std::size_t tok) {
  if (tok < 3) return false;
  std::size_t k = tok - 1;
  if (ieq(cx.surface(k), "on")) --k;
  const std::string_view w = cx.surface(k), b = cx.surface(k - 1);
  if (ieq(w, "price") || ieq(w, "prices")) return ieq(b, "closing");
  if (ieq(w, "close")) return ieq(b, "the") || b == "'s" || b == "\u2019s";
  // "Friday's close", "Friday's closing price"
  const auto& t = cx.tt.tokens;
  return tok + 2 < t.size() && (cx.surface(tok + 1) == "'s" || cx.surface(tok + 1) == "\u2019s") &&
         (ieq(cx.surface(tok + 2), "close") || ieq(cx.surface(tok + 2), "closing"));
}

// True when token i is "last" as a verb, after a modal or "to" ("the heat would last
// through the weekend", "is expected to last until May"): no past cue, as "last Friday" is.
[[gnu::noinline]] bool last_as_verb(const Context& cx, std::size_t i) {
  static const WordList kBefore{"will", "would", "shall", "should", "could", "may", "might", "can", "ll", "to"};
  return i > 0 && ieq(cx.surface(i), "last") && kBefore.contains(cx.surface(i - 1));
}

// +1 future, -1 past, -2 reported (said/told), 0 unknown: the nearest tense cue
// among the 8 tokens before the mention, within its sentence; commas are not
// counted ("meet again in West Lafayette, Ind., on Feb. 7" is as near its verb as
// without the state). A past cue right after "be" or "being" is a
// passive participle, not the past: "will be held", "is being signed" (the words
// before it decide).
int tense_before(const Context& cx, std::size_t tok) {
  if (tok >= cx.tt.tokens.size()) tok = cx.tt.tokens.size();
  const std::uint32_t sent = tok < cx.tt.tokens.size() ? cx.tt.tokens[tok].sentence : ~0u;
  std::size_t i = tok;  // the last token read
  // "scheduled" as an adjective ("past their scheduled close on Friday"): the future unless
  // a past verb comes before it.
  bool weak_future = false;
  for (std::size_t counted = 0; counted < 8 && i > 0;) {
    --i;
    if (sent != ~0u && cx.tt.tokens[i].sentence != sent) break;
    const std::string_view w = cx.surface(i);
    if (w != ",") ++counted;
    // The plans below start at "to", "be" or an s-word: most tokens are none.
    if (i > 0 && (w.size() == 2 || (w.size() > 2 && (w[0] | 0x20) == 's'))) {
      // "is to vote", "are to meet", "talks to be held": a plan, as "will" is.
      if (ieq(w, "to") && (ieq(cx.surface(i - 1), "is") || ieq(cx.surface(i - 1), "are"))) return +1;
      if (ieq(w, "be") && ieq(cx.surface(i - 1), "to") && passive_after(cx, i + 1)) return +1;
      // "are supposed to conclude", "is set to expire", "is set for Friday": a plan
      // in the present tense.
      if (i + 1 < tok && (ieq(cx.surface(i + 1), "to") || (ieq(cx.surface(i + 1), "for") && !ieq(w, "supposed"))) &&
          (ieq(w, "supposed") || ieq(w, "set") || ieq(w, "slated")) &&
          (ieq(cx.surface(i - 1), "is") || ieq(cx.surface(i - 1), "are") || ieq(cx.surface(i - 1), "am")))
        return +1;
    }
    if (const int cue = tense_cue(cx.tt.tokens[i].fold_hash, w)) {
      if (cue > 0 && than_expected_at(cx, i)) continue;
      if (cue == -1 && outlook_at(cx, i)) return +1;
      if (cue == -1 && w.size() == 4 && last_as_verb(cx, i)) continue;
      if (cue < 0 && be_before(cx, i)) {
        // The passive's auxiliary decides, however far back: "would still be held
        // at the summit on May 12" is a plan.
        if (ieq(cx.surface(i - 1), "be") && modal_before(cx, i - 1)) return +1;
        continue;
      }
      if (cue > 0 && future_cue_is_noun(cx, i)) continue;
      if (cue > 0 && i > 0 && ieq(w, "scheduled") &&
          (kDeterminers.contains(cx.surface(i - 1)) || kPossessives.contains(cx.surface(i - 1)))) {
        weak_future = true;
        continue;
      }
      return weak_future && cue != -1 ? +1 : cue;
    }
  }
  return weak_future ? +1 : far_future_before(cx, tok, sent, i);
}

// ---------------------------------------------------------------- token-found dates
// Dates that no pattern holds, found by a cheap test on each token (a capitalized
// holiday word, an ordinal after "on the") instead of another regex scan.
struct TokenDate {
  std::uint32_t begin, end;
  Value value;
  std::string_view evidence;  // empty: a holiday's name that is no date (no_date)
};

// Token k exists and is written `w` (holiday names are matched as written).
bool surface_is(const Context& cx, std::size_t k, std::string_view w) {
  return k < cx.tt.tokens.size() && cx.surface(k) == w;
}

// "New Year" after the word at i that names its calendar ("Lunar", "Chinese",
// "Islamic", "Jewish"): the holiday `which`, and its length in tokens (0: none).
// "... New Year's Day" is the same day; "... New Year's Eve" is another, not taken.
std::size_t calendar_new_year_at(const Context& cx, std::size_t i, timex::Holiday which,
                                 timex::Holiday& h) {
  const auto& t = cx.tt.tokens;
  const auto at = [&](std::size_t k, std::string_view w) { return surface_is(cx, k, w); };
  if (!at(i + 1, "New") || !at(i + 2, "Year")) return 0;
  std::size_t n = 3;
  if (i + 3 < t.size() && !t[i + 3].space_before && (at(i + 3, "'s") || at(i + 3, "\u2019s"))) {
    if (at(i + 4, "Eve")) return 0;
    if (at(i + 4, "Day")) n = 5;
  }
  h = which;
  return n;
}

// "Eid al-Fitr" / "Eid al-Adha" at token i as news spells them ("Eid-al-Fitr",
// "Eid ul-Fitr", "Eid el-Adha", "Eid al Adha", "Eid ul-Azha"): the holiday and its
// length in tokens. A bare "Eid" may be either feast: 0.
std::size_t eid_at(const Context& cx, std::size_t i, timex::Holiday& h) {
  const auto& t = cx.tt.tokens;
  auto joined_hyphen = [&](std::size_t k) {
    return k < t.size() && !t[k].space_before && cx.surface(k) == "-";
  };
  std::size_t k = i + 1;
  if (joined_hyphen(k)) ++k;
  if (k >= t.size()) return 0;
  const std::string_view article = cx.surface(k);
  if (!ieq(article, "al") && !ieq(article, "ul") && !ieq(article, "el")) return 0;
  if (joined_hyphen(++k)) ++k;
  if (k >= t.size()) return 0;
  const std::string_view feast = cx.surface(k);
  if (ieq(feast, "fitr")) {
    h = timex::Holiday::EidAlFitr;
  } else if (ieq(feast, "adha") || ieq(feast, "azha")) {
    h = timex::Holiday::EidAlAdha;
  } else {
    return 0;
  }
  return k + 1 - i;
}

// "Chinese New Year", "Korean Lunar New Year": calendar_new_year_at after the
// word at i, with "Lunar" before "New Year" or not.
std::size_t lunar_new_year_at(const Context& cx, std::size_t i, timex::Holiday which, timex::Holiday& h) {
  if (i + 1 < cx.tt.tokens.size() && cx.surface(i + 1) == "Lunar") {
    const std::size_t n = calendar_new_year_at(cx, i + 1, which, h);
    return n ? n + 1 : 0;
  }
  return calendar_new_year_at(cx, i, which, h);
}

// Eid al-Fitr / Eid al-Adha at token k as Malay and Indonesian news write them:
// "Aidilfitri", "Aidil Fitri", "Idul Fitri", "Idulfitri", "Idul-Fitri" (and
// "...adha"): the holiday and its length in tokens (0: none).
std::size_t aidil_at(const Context& cx, std::size_t k, timex::Holiday& h) {
  const auto& t = cx.tt.tokens;
  auto feast = [&](std::string_view w) {
    if (ieq(w, "fitri") || ieq(w, "fitr")) return h = timex::Holiday::EidAlFitr, true;
    if (ieq(w, "adha")) return h = timex::Holiday::EidAlAdha, true;
    return false;
  };
  if (k >= t.size()) return 0;
  const std::string_view w = cx.surface(k);
  const std::size_t prefix = w.size() >= 5 && ieq(w.substr(0, 5), "aidil") ? 5
                             : w.size() >= 4 && ieq(w.substr(0, 4), "idul") ? 4
                                                                             : 0;
  if (prefix == 0) return 0;
  if (w.size() > prefix) return feast(w.substr(prefix)) ? 1 : 0;  // one word
  std::size_t j = k + 1;
  if (j < t.size() && !t[j].space_before && cx.surface(j) == "-") ++j;
  return j < t.size() && feast(cx.surface(j)) ? j + 1 - k : 0;
}

// "Hari Raya" (Malay: feast day) at token i: with "Aidilfitri" or "Puasa" (the
// fast) Eid al-Fitr, with "Aidiladha", "Haji" or "Korban" Eid al-Adha; a bare
// "Hari Raya" is Eid al-Fitr, as Malaysian and Singaporean news mean it. Another
// feast's name after it ("Hari Raya Nyepi") is a capitalized word that makes
// holiday_date() take it as a name.
std::size_t hari_raya_at(const Context& cx, std::size_t i, timex::Holiday& h) {
  const auto& t = cx.tt.tokens;
  if (i + 1 >= t.size() || cx.surface(i + 1) != "Raya") return 0;
  if (i + 2 < t.size()) {
    const std::string_view w = cx.surface(i + 2);
    if (ieq(w, "puasa")) return h = timex::Holiday::EidAlFitr, 3;
    if (ieq(w, "haji") || ieq(w, "korban") || ieq(w, "qurban")) return h = timex::Holiday::EidAlAdha, 3;
    if (const std::size_t n = aidil_at(cx, i + 2, h)) return n + 2;
  }
  h = timex::Holiday::EidAlFitr;
  return 2;
}

// A festival of the Chinese calendar named "... Festival" at token i: "Mid-Autumn
// Festival" (or "Mid Autumn"), "Moon Festival", "Mooncake Festival", "Dragon
// Boat Festival", "Duanwu (Festival)". Not a bare "Mid-Autumn" (a season).
std::size_t chinese_festival_at(const Context& cx, std::size_t i, timex::Holiday& h) {
  const auto& t = cx.tt.tokens;
  const auto at = [&](std::size_t k, std::string_view w) { return surface_is(cx, k, w); };
  const std::string_view w = cx.surface(i);
  std::size_t k = i + 1;  // the token after the festival's own words
  if (w == "Mid") {
    if (k < t.size() && !t[k].space_before && cx.surface(k) == "-") ++k;
    if (!at(k, "Autumn")) return 0;
    ++k;
    h = timex::Holiday::MidAutumn;
  } else if (w == "Moon" || w == "Mooncake") {
    h = timex::Holiday::MidAutumn;
  } else if (w == "Dragon") {
    if (!at(k, "Boat")) return 0;
    ++k;
    h = timex::Holiday::DragonBoat;
  } else if (w == "Duanwu") {
    h = timex::Holiday::DragonBoat;
    return at(k, "Festival") ? 2 : 1;
  } else {
    return 0;
  }
  return at(k, "Festival") ? k + 1 - i : 0;
}

// "Tet" (also with its diacritics), the Vietnamese new year, or its full name
// "Tet Nguyen Dan".
std::size_t tet_at(const Context& cx, std::size_t i, timex::Holiday& h) {
  const auto at = [&](std::size_t k, std::string_view w) { return surface_is(cx, k, w); };
  h = timex::Holiday::Tet;
  const bool full = (at(i + 1, "Nguyen") && at(i + 2, "Dan")) ||
                    (at(i + 1, "Nguy\u00EAn") && at(i + 2, "\u0110\u00E1n"));
  return full ? 3 : 1;
}

// A holiday of the Chinese, Islamic, Hebrew or Persian calendar whose name starts
// at token i, as holiday_at. Not "Spring Festival" (other festivals' name too) nor
// "Ramadan" (a month, not a day).
std::size_t other_calendar_holiday_at(const Context& cx, std::size_t i, timex::Holiday& h) {
  using timex::Holiday;
  const auto at = [&](std::size_t k, std::string_view w) { return surface_is(cx, k, w); };
  const std::string_view w = cx.surface(i);
  switch (w[0]) {
    case 'L':
      if (w == "Lunar") return calendar_new_year_at(cx, i, Holiday::LunarNewYear, h);
      return w == "Lebaran" ? (h = Holiday::EidAlFitr, 1) : 0;  // Indonesian
    case 'C':
      if (w == "Chinese") return lunar_new_year_at(cx, i, Holiday::LunarNewYear, h);
      if (w == "Chuseok" || w == "Chusok") return h = Holiday::Chuseok, 1;
      return w == "Chanukah" || w == "Chanukkah" ? (h = Holiday::Hanukkah, 1) : 0;
    case 'E': return w == "Eid" ? eid_at(cx, i, h) : 0;
    case 'I':
      if (w == "Islamic") return calendar_new_year_at(cx, i, Holiday::IslamicNewYear, h);
      if (w == "Iranian") return calendar_new_year_at(cx, i, Holiday::Nowruz, h);
      return aidil_at(cx, i, h);  // "Idul Fitri"
    case 'A':
      if (w == "Ashura" || w == "Ashoura") return h = Holiday::Ashura, 1;  // 10 Muharram
      return aidil_at(cx, i, h);  // "Aidilfitri"
    case 'J': return w == "Jewish" ? calendar_new_year_at(cx, i, Holiday::RoshHashanah, h) : 0;
    case 'H':
      if (w == "Hijri") return calendar_new_year_at(cx, i, Holiday::IslamicNewYear, h);
      if (w == "Hari") return hari_raya_at(cx, i, h);
      return w == "Hanukkah" || w == "Hanukah" ? (h = Holiday::Hanukkah, 1) : 0;
    case 'R':
      return w == "Rosh" && (at(i + 1, "Hashanah") || at(i + 1, "Hashana") || at(i + 1, "HaShanah") ||
                             at(i + 1, "HaShana"))
                 ? (h = Holiday::RoshHashanah, 2)
                 : 0;
    case 'Y': return w == "Yom" && at(i + 1, "Kippur") ? (h = Holiday::YomKippur, 2) : 0;
    case 'P':
      if (w == "Persian") return calendar_new_year_at(cx, i, Holiday::Nowruz, h);
      return w == "Passover" || w == "Pesach" ? (h = Holiday::Passover, 1) : 0;
    case 'N':
      return w == "Nowruz" || w == "Norouz" || w == "Navruz" || w == "Novruz" ? (h = Holiday::Nowruz, 1) : 0;
    case 'K': return w == "Korean" ? lunar_new_year_at(cx, i, Holiday::Seollal, h) : 0;
    case 'S': return w == "Seollal" ? (h = Holiday::Seollal, 1) : 0;
    case 'V': return w == "Vietnamese" ? lunar_new_year_at(cx, i, Holiday::Tet, h) : 0;
    case 'T': return w == "Tet" || w == "T\u1EBFt" ? tet_at(cx, i, h) : 0;
    case 'M': case 'D': return chinese_festival_at(cx, i, h);
    default: return 0;
  }
}

// The holiday of the Gregorian calendar (fixed days, Easter's computus, US
// weekday rules) whose name starts at token i, and its length in tokens (0:
// none). Names are matched as news writes them, capitalized; a possessive takes
// either apostrophe ("Valentine's", "New Year\u2019s").
std::size_t western_holiday_at(const Context& cx, std::size_t i, timex::Holiday& h) {
  using timex::Holiday;
  const auto& t = cx.tt.tokens;
  const auto at = [&](std::size_t k, std::string_view w) { return surface_is(cx, k, w); };
  // "Valentine's" (the tokenizer splits off "'s" or "\u2019s") or "Valentines": its
  // length in tokens, or 0.
  auto possessive = [&](std::size_t k, std::string_view stem) -> std::size_t {
    if (k >= t.size()) return 0;
    const std::string_view w = cx.surface(k);
    if (w.size() == stem.size() + 1 && w.back() == 's' && w.substr(0, stem.size()) == stem) return 1;
    if (w != stem || k + 1 >= t.size() || t[k + 1].space_before) return 0;
    return at(k + 1, "'s") || at(k + 1, "\u2019s") ? 2 : 0;
  };
  const std::string_view w = cx.surface(i);
  switch (w[0]) {
    case 'C':
      if (w != "Christmas") return 0;
      if (at(i + 1, "Eve")) return h = Holiday::ChristmasEve, 2;
      h = Holiday::Christmas;
      return at(i + 1, "Day") ? 2 : 1;
    case 'T':
      if (w != "Thanksgiving") return 0;
      h = Holiday::Thanksgiving;
      return at(i + 1, "Day") ? 2 : 1;
    case 'E':
      if (w != "Easter") return 0;
      if (at(i + 1, "Monday")) return h = Holiday::EasterMonday, 2;
      h = Holiday::Easter;
      return at(i + 1, "Sunday") ? 2 : 1;
    case 'G': return w == "Good" && at(i + 1, "Friday") ? (h = Holiday::GoodFriday, 2) : 0;
    case 'B': return w == "Boxing" && at(i + 1, "Day") ? (h = Holiday::BoxingDay, 2) : 0;
    case 'H': return w == "Halloween" ? (h = Holiday::Halloween, 1) : 0;
    case 'V': {
      const std::size_t n = possessive(i, "Valentine");
      if (n == 0) return 0;
      return at(i + n, "Day") ? (h = Holiday::ValentinesDay, n + 1) : 0;
    }
    case 'N': {
      if (w != "New") return 0;
      const std::size_t n = possessive(i + 1, "Year");
      if (n && at(i + 1 + n, "Day")) return h = Holiday::NewYearsDay, n + 2;
      if (n && at(i + 1 + n, "Eve")) return h = Holiday::NewYearsEve, n + 2;
      return 0;
    }
    // Independence Day is the US one (July 4) only when named so (below).
    case 'I': return w == "Independence" && at(i + 1, "Day") ? (h = Holiday::Unknown, 2) : 0;
    case 'L': return w == "Labor" && at(i + 1, "Day") ? (h = Holiday::LaborDay, 2) : 0;
    case 'M': return w == "Memorial" && at(i + 1, "Day") ? (h = Holiday::MemorialDay, 2) : 0;
    default: return 0;
  }
}

// The holiday whose name starts at token i, of the Gregorian calendar or of
// another (other_calendar_holiday_at), and its length in tokens (0: none).
std::size_t holiday_at(const Context& cx, std::size_t i, timex::Holiday& h) {
  if (const std::size_t n = western_holiday_at(cx, i, h)) return n;
  return other_calendar_holiday_at(cx, i, h);
}

// Nouns that make a holiday name the modifier of a thing, not a time, or of a
// period around it whose days the name does not give ("the Christmas recess").
const WordList kHolidayThings{"recess", "break", "vacation",
                              "tree", "trees", "card", "cards", "carol", "carols", "egg", "eggs",
                              "present", "presents", "gift", "gifts", "lights", "decorations",
                              "costume", "costumes", "candy", "pudding", "stocking", "stockings",
                              "song", "songs", "album", "movie", "film", "bunny", "spirit",
                              "message", "address", "special", "episode", "ornaments",
                              "candle", "candles", "menorah", "menorahs", "lantern", "lanterns",
                              "mooncake", "mooncakes", "zongzi", "dumpling", "dumplings"};

// The holiday name at tokens [i, i + n) is no date (a name, a title, a thing):
// `out` covers it without a value, so that no pattern date inside it is taken
// either ("Mid-Autumn" of "Mid-Autumn Festival mooncakes", a season else).
std::size_t no_date(const Context& cx, std::size_t i, std::size_t n, TokenDate& out) {
  out.begin = cx.tt.tokens[i].span.begin;
  out.end = cx.tt.tokens[i + n - 1].span.end;
  out.evidence = {};
  return n;
}

// A holiday at token i as a DATE: "Christmas", "last Easter", "Thanksgiving Day
// 1999". Not inside a name: a capitalized word right before ("Merry Christmas",
// "Holocaust Memorial Day") or after ("Christmas Island", "Good Friday
// Agreement"), or a hyphen joining a word ("pre-Christmas"): no_date(). The year
// comes as for "December 25": written after it, else "last"/"next"/"this" before
// it, else a future cue makes it the coming one, else the nearest (the past one
// unless the coming one is at most 75 days ahead). Not inlined: rare, and find_token_dates'
// loop over every token stays tight.
[[gnu::noinline]] std::size_t holiday_date(const Context& cx, std::size_t i, const Dct& dct, TokenDate& out) {
  timex::Holiday h;
  const std::size_t n = holiday_at(cx, i, h);
  if (n == 0) return 0;
  const auto& t = cx.tt.tokens;
  std::size_t b = i, e = i + n;  // tokens [b, e)
  const bool joined_after = e < t.size() && !t[e].space_before && cx.surface(e) == "-";
  if (joined_after || (i > 0 && !t[i].space_before && cx.surface(i - 1) == "-"))
    return no_date(cx, i, n, out);
  // A quoted holiday is a title: the film "Independence Day".
  if (i > 0) {
    const std::string_view q = cx.surface(i - 1);
    if (q == "\"" || q == "'" || q == "\u201C" || q == "\u2018" || q == "\u2019")
      return no_date(cx, i, n, out);
  }
  if (e < t.size() && !t[e].newline_before &&
      (t[e].shape == text::Shape::Capitalized || t[e].shape == text::Shape::AllCaps))
    return no_date(cx, i, n, out);
  // A holiday naming a thing is no time: "Christmas tree", "Easter eggs".
  if (e < t.size() && kHolidayThings.contains(cx.surface(e))) return no_date(cx, i, n, out);
  // "Easter week", "the Labor Day weekend": the ISO week (weekend) of the day.
  int unit = 0;  // 1 week, 2 weekend
  if (e < t.size() && (cx.surface(e) == "week" || cx.surface(e) == "weekend")) {
    unit = cx.surface(e).size() == 4 ? 1 : 2;
    ++e;
  }
  int year = kUnknown;
  if (!unit && e < t.size() && t[e].shape == text::Shape::Digits && t[e].span.size() == 4 &&
      !t[e].newline_before) {
    year = 0;
    for (const char c : cx.surface(e)) year = year * 10 + (c - '0');
    ++e;
    // "Nowruz 1405": Iran's press counts Persian years (1300-1499 AP, 1921-2120),
    // the one that Nowruz begins.
    if (h == timex::Holiday::Nowruz && year >= 1300 && year < 1500) year += timex::kPersianYearOffset;
  }
  Direction dir = Direction::Nearest;
  if (i > 0 && !t[i].newline_before && !t[i].sentence_start) {
    const std::string_view p = cx.surface(i - 1);
    const bool before_capital =
        t[i - 1].shape == text::Shape::Capitalized || t[i - 1].shape == text::Shape::AllCaps;
    const std::string_view p2 = i >= 2 ? cx.surface(i - 2) : std::string_view{};
    if (h == timex::Holiday::ValentinesDay && (p == "St" || p == "Saint")) {
      b = i - 1;  // "St Valentine's Day": the saint's name is part of it
    } else if (h == timex::Holiday::ValentinesDay && p == "." && p2 == "St") {
      b = i - 2;
    } else if (h == timex::Holiday::Unknown) {
      // "U.S. Independence Day" / "America's Independence Day" is July 4; another
      // country's ("Ukraine's") or an unqualified one keeps an unknown day.
      if ((p == "." && (p2 == "U.S" || p2 == "US")) || p == "US" || p == "American" ||
          ((p == "'s" || p == "\u2019s") && p2 == "America"))
        h = timex::Holiday::IndependenceUs;
    } else if (before_capital &&
               !(t[i - 1].sentence_start &&
                 (is_date_cue(p) || kDeterminers.contains(p) || ieq(p, "at") || ieq(p, "over")))) {
      // "Merry Christmas", "Mr Easter"; not "Last Christmas", "On Easter", "The Christmas"
      return no_date(cx, i, n, out);
    }
  }
  if (b == i && i > 0 && year == kUnknown) {
    const std::string_view p = cx.surface(i - 1);
    const bool det = i >= 2 && kDeterminers.contains(cx.surface(i - 2));
    if (!det && (ieq(p, "last") || ieq(p, "next") || ieq(p, "this"))) {
      dir = ieq(p, "last") ? Direction::Past : ieq(p, "next") ? Direction::Future : Direction::Same;
      b = i - 1;
    }
  }
  if (dir == Direction::Nearest && tense_before(cx, b) > 0) dir = Direction::FutureOrSame;
  out.begin = t[b].span.begin;
  out.end = t[e - 1].span.end;
  out.value = timex::resolve_holiday(dct, h, year, dir);
  if (unit) {
    Value v;
    v.granularity = unit == 1 ? Granularity::Week : Granularity::Weekend;
    const Value& d = out.value;
    if (d.year != kUnknown && d.month != kUnknown && d.day != kUnknown) {
      // A weekend holiday's weekend is its own; a Monday's the one before, a
      // Friday's the one after.
      timex::Ymd day = make_ymd(d.year, d.month, d.day);
      const int wd = iso_weekday(day);
      if (unit == 2 && wd == 1) day = timex::add_days(day, -1);
      if (unit == 2 && wd == 5) day = timex::add_days(day, 1);
      const timex::IsoWeek w = timex::iso_week(day);
      v.year = w.year;
      v.week = w.week;
    }
    out.value = v;
  }
  out.evidence = "date.holiday";
  return e - i;
}

// The day of an ordinal written with digits ("15th", "1st", "22nd"), or 0.
int ordinal_day(std::string_view w) {
  if (w.size() < 3 || w.size() > 4 || !is_digit(w[0])) return 0;
  const std::size_t nd = is_digit(w[1]) ? 2 : 1;
  if (w.size() != nd + 2) return 0;
  const int d = nd == 2 ? (w[0] - '0') * 10 + (w[1] - '0') : w[0] - '0';
  if (d < 1 || d > 31) return 0;
  const std::string_view suf = w.substr(nd);
  const int last = d % 10;
  const bool teen = d / 10 == 1;
  const std::string_view want = teen || last > 3 || last == 0 ? "th"
                                : last == 1                   ? "st"
                                : last == 2                   ? "nd"
                                                              : "rd";
  return ieq(suf, want) ? d : 0;
}

// Words that may follow "on the 15th" when it is a day of the month.
const WordList kAfterDayOfMonth{"and", "at", "when", "after", "before", "but", "while", "with",
                                "in", "or", "to", "until", "as", "is", "was", "will", "would"};
// Words in the sentence that make "the 15th" a golf hole or a lap, not a day.
const WordList kNotDaySentence{"hole", "holes", "birdie", "birdied", "bogey", "bogeyed", "par",
                               "eagle", "green", "tee", "fairway", "lap", "laps", "floor",
                               "round", "minute", "inning", "innings", "over", "overs"};

// After the ordinal at i, "of next month" / "of this month" / "of last month":
// the month's distance from the DCT's (+1, 0, -1), else kNoShift.
constexpr int kNoShift = 99;
int relative_month_after(const Context& cx, std::size_t i) {
  const auto& t = cx.tt.tokens;
  if (i + 3 >= t.size() || t[i + 3].sentence != t[i].sentence || !ieq(cx.surface(i + 1), "of") ||
      !ieq(cx.surface(i + 3), "month")) {
    return kNoShift;
  }
  const std::string_view w = cx.surface(i + 2);
  return ieq(w, "next") ? 1 : ieq(w, "this") ? 0 : ieq(w, "last") ? -1 : kNoShift;
}

bool deadline_before(const Context& cx, std::size_t tok, bool through);

// True when token `k` is "for" after a word that sets a date ("planned for the 14th",
// "scheduled for", "set for"): a day as "on the 14th" is ("for the 14th time" is a count).
bool set_for_before(const Context& cx, std::size_t k) {
  static const WordList kSetWords{"planned", "scheduled", "set", "slated", "fixed", "due", "called", "postponed"};
  return k > 0 && ieq(cx.surface(k), "for") && kSetWords.contains(cx.surface(k - 1));
}

// "on the 15th": a bare ordinal day of the month after "on the" is the day in the
// DCT's month; as for a bare weekday, the latest such day not after the DCT,
// or after a future cue the first not before it. Not inlined, as holiday_date.
[[gnu::noinline]] bool day_of_month_date(const Context& cx, std::size_t i, const Dct& dct, TokenDate& out) {
  const auto& t = cx.tt.tokens;
  const int d = ordinal_day(cx.surface(i));
  if (d == 0 || i < 1) return false;
  // "the 18th and 19th of this month": the first day takes the month named
  // after the second, and the second ("19th of this month") is a DATE of its own.
  const bool first_of_pair = i + 2 < t.size() && ieq(cx.surface(i + 1), "and") && ordinal_day(cx.surface(i + 2)) != 0;
  const bool second_of_pair =
      i >= 3 && ieq(cx.surface(i - 1), "and") && ordinal_day(cx.surface(i - 2)) != 0 && ieq(cx.surface(i - 3), "the");
  const bool the_before = ieq(cx.surface(i - 1), "the");
  if (!the_before && !second_of_pair) return false;
  if (const int shift = relative_month_after(cx, first_of_pair ? i + 2 : i); shift != kNoShift) {
    // "the 22nd of next month": that day of the month named, whatever the word before.
    Value v;
    v.granularity = Granularity::Day;
    v.day = d;
    if (dct) {
      const int idx = static_cast<int>(dct->year()) * 12 + static_cast<int>(static_cast<unsigned>(dct->month())) - 1 + shift;
      if (!timex::valid_day(idx / 12, idx % 12 + 1, d)) return false;
      v.year = idx / 12;
      v.month = idx % 12 + 1;
    }
    out.begin = the_before ? t[i - 1].span.begin : t[i].span.begin;
    out.end = first_of_pair ? t[i].span.end : t[i + 3].span.end;
    out.value = v;
    out.evidence = "date.day_of_month";
    return true;
  }
  // "on the 15th"; "until the 15th", "by the 20th": a deadline, which lies ahead
  const bool deadline = the_before && i >= 2 && deadline_before(cx, i - 1, false);
  if (!the_before || i < 2 || !(ieq(cx.surface(i - 2), "on") || deadline || set_for_before(cx, i - 2)))
    return false;
  if (i + 1 < t.size() && t[i + 1].sentence == t[i].sentence) {
    const std::string_view nx = cx.surface(i + 1);
    const bool ends = nx == "," || nx == "." || nx == ";" || nx == ")" || nx == ":";
    if (!ends && !kAfterDayOfMonth.contains(nx)) return false;
    // "on the 15th to 17th July": a range whose month comes later (range_start_day)
    if (i + 2 < t.size() && is_digit(cx.surface(i + 2)[0])) return false;
  }
  for (std::size_t k = i; k-- > 0 && t[k].sentence == t[i].sentence;)
    if (kNotDaySentence.contains(cx.surface(k))) return false;
  for (std::size_t k = i + 1; k < t.size() && t[k].sentence == t[i].sentence; ++k)
    if (kNotDaySentence.contains(cx.surface(k))) return false;
  Value v;
  v.granularity = Granularity::Day;
  v.day = d;
  if (dct) {
    const bool future = deadline || tense_before(cx, i - 1) > 0;
    const int dd = static_cast<int>(static_cast<unsigned>(dct->day()));
    int idx = static_cast<int>(dct->year()) * 12 +
              static_cast<int>(static_cast<unsigned>(dct->month())) - 1;
    if (future && d < dd) ++idx;
    if (!future && d > dd) --idx;
    // A day the month lacks ("the 31st" in November): the month before or after.
    while (!timex::valid_day(idx / 12, idx % 12 + 1, d)) idx += future ? 1 : -1;
    v.year = idx / 12;
    v.month = idx % 12 + 1;
  }
  out.begin = t[i - 1].span.begin;
  out.end = t[i].span.end;
  out.value = v;
  out.evidence = "date.day_of_month";
  return true;
}

// A filter on the fold hashes of the words a holiday name starts with, two
// 4096-bit sets: DatePatterns::scan() picks the Capitalized tokens that pass the
// first (by the hash's top 12 bits) for find_token_dates(), a bit test on the
// token record in its walk over every token; find_token_dates() sends those that
// pass the second (by the top 12 bits of the hash times a 64-bit odd constant,
// other bits of it) to holiday_date(). Of a text's capitalized words about 3% pass
// the first and, other than the listed words, nearly none both.
class HolidayFilter {
 public:
  HolidayFilter() {
    for (const std::string_view w : {"christmas", "thanksgiving", "easter", "good", "boxing",
                                     "halloween", "valentine", "valentines", "new",
                                     "independence", "labor", "memorial",
                                     // other calendars' (other_calendar_holiday_at)
                                     "lunar", "chinese", "eid", "islamic", "hijri", "jewish", "rosh",
                                     "yom", "passover", "pesach", "hanukkah", "hanukah", "chanukah",
                                     "chanukkah", "nowruz", "norouz", "navruz", "novruz", "persian",
                                     "iranian", "korean", "vietnamese", "seollal", "chuseok", "chusok",
                                     "mid", "moon", "mooncake", "dragon", "duanwu", "tet", "t\u1EBFt",
                                     "hari", "aidilfitri", "aidiladha", "aidil", "idul", "idulfitri",
                                     "iduladha", "lebaran", "ashura", "ashoura"})
      add(text::token_hash(w));
  }
  // The first set, as DatePatterns::scan() takes it.
  const std::array<std::uint64_t, 64>& bits() const { return first_; }
  bool may_start(std::uint64_t h) const { return test(second_, mixed(h)); }

 private:
  static std::uint64_t mixed(std::uint64_t h) { return h * 0x9E3779B97F4A7C15ull; }
  static bool test(const std::array<std::uint64_t, 64>& set, std::uint64_t h) {
    return (set[h >> 58] >> ((h >> 52) & 63)) & 1;
  }
  static void set_bit(std::array<std::uint64_t, 64>& set, std::uint64_t h) {
    set[h >> 58] |= std::uint64_t{1} << ((h >> 52) & 63);
  }
  void add(std::uint64_t h) {
    set_bit(first_, h);
    set_bit(second_, mixed(h));
  }
  std::array<std::uint64_t, 64> first_{};
  std::array<std::uint64_t, 64> second_{};
};
const HolidayFilter kHolidayFilter;

// Every token-found date of the document, in text order, from the tokens that
// may start one: `picked` (by DatePatterns::scan with kHolidayFilter), the
// Capitalized tokens that pass kHolidayFilter and the Alnum tokens, in order.
void find_token_dates(const Context& cx, const Dct& dct, const std::vector<std::uint32_t>& picked,
                      std::vector<TokenDate>& out) {
  std::size_t next = 0;  // the tokens before it are part of a date found
  for (const std::uint32_t i : picked) {
    if (i < next) continue;
    TokenDate d;
    if (cx.tt.tokens[i].shape == text::Shape::Capitalized) {  // a holiday word
      if (!kHolidayFilter.may_start(cx.tt.tokens[i].fold_hash)) continue;
      if (const std::size_t n = holiday_date(cx, i, dct, d)) {
        out.push_back(d);
        next = i + n;
      }
    } else if (day_of_month_date(cx, i, dct, d)) {  // Alnum
      out.push_back(d);
    }
  }
}

// Words that join the two days of a range ("9 to 11 July").
const WordList kDayRangeJoiners{"-", "\u2013", "to", "and", "through", "till", "until"};

// The first day of a range whose second day is the token at `tok` ("9" in "9 to 11
// July"), or 0: a number 1..31 (or "9th") before the second day and a joiner,
// not part of an earlier date (`last_end`), nor an amount or a decimal ("$9",
// "1.9"). A month after the second day is what makes a range: "beat them 9 to
// 11" and "from 9 to 11 percent" never reach here.
int range_start_day(const Context& cx, std::size_t tok, int day, std::uint32_t last_end) {
  if (tok < 2 || !kDayRangeJoiners.contains(cx.surface(tok - 1))) return 0;
  const auto& t = cx.tt.tokens[tok - 2];
  if (t.span.begin < last_end || cx.tt.tokens[tok - 1].sentence != cx.tt.tokens[tok].sentence) return 0;
  const std::string_view w = cx.surface(tok - 2);
  int d = 0;
  if (t.shape == text::Shape::Digits && w.size() <= 2)
    for (const char c : w) d = d * 10 + (c - '0');
  else if (t.shape == text::Shape::Alnum) d = ordinal_day(w);
  if (d < 1 || d >= day) return 0;
  if (tok >= 3 && !t.space_before) {
    const std::string_view before = cx.surface(tok - 3);
    if (before == "$" || before == "." || before == "," || before == "-" || before == "/" ||
        before == ":" || before == "+")
      return 0;
  }
  if (tok >= 3 && cx.tt.tokens[tok - 3].shape == text::Shape::Digits) return 0;  // "2 9 to 11"
  return d;
}

// ---------------------------------------------------------------- the recognizer
struct Emit {
  std::uint32_t begin, end;
  Value value;
  Mod mod;
};

}  // namespace

struct DateRecognizer::Impl {
  DateOrder order;
  timex::DatePatterns patterns;
};

DateRecognizer::DateRecognizer(DateOrder order) : impl_(std::make_unique<Impl>()) {
  impl_->order = order;
}
DateRecognizer::~DateRecognizer() = default;

namespace {

constexpr std::string_view kEvidence[] = {
    "date.reject",   "date.iso",      "date.iso_week", "date.numeric",   "date.day_mon_year",
    "date.month_day", "date.month_ordinal", "date.day_month", "date.ordinal_month",
    "date.month_year", "date.relative", "date.month", "date.weekday", "date.year",
    "date.spelled_year", "date.decade", "date.century", "date.quarter", "date.half",
    "date.season", "date.reference", "date.ago", "date.unit_of"};

Value make_day(int y, int m, int d) {
  Value v;
  v.granularity = Granularity::Day;
  v.year = y;
  v.month = m;
  v.day = d;
  return v;
}
Value make_month(int y, int m) {
  Value v;
  v.granularity = Granularity::Month;
  v.year = y;
  v.month = m;
  return v;
}
// The month `n` months after month `m` of year `y` (n may be negative).
Value month_after(int y, int m, int n) {
  const int idx = y * 12 + m - 1 + n;
  return make_month(idx / 12, idx % 12 + 1);
}
Value make_year(int y) {
  Value v;
  v.granularity = Granularity::Year;
  v.year = y;
  return v;
}
Value make_ref(timex::Ref r) {
  Value v;
  v.granularity = Granularity::Ref;
  v.ref = r;
  return v;
}

Direction tense_direction(int tense, Direction fallback) {
  if (tense > 0) return Direction::FutureOrSame;
  return fallback;
}

// Verbs whose object can be a date that is still to come ("set December 3 as").
const WordList kDateObjectVerbs{"proposed", "set", "fixed", "picked", "chose", "chosen", "named",
                                "designated", "dated", "targeted", "earmarked", "marked", "announced"};
bool is_alnum_start(std::string_view w) {
  return !w.empty() && (static_cast<unsigned char>(w[0]) >= 0x80 || std::isalnum(static_cast<unsigned char>(w[0])));
}

// True when a past-tense verb governs the date at token `tok`: right before it,
// or before "on"/"in"/"from" ("He arrived Dec 3", "was opened on Nov. 20", "ran from March 3"), past a
// place ("ended in Paris on Oct. 14"). Not a
// reporting verb ("said Dec 3 would be ..."), nor an -ed word after a determiner
// (an adjective: "the revised Nov. 20 deadline") or after "be" (a plan: "will be
// opened on"). A past verb further away often governs something else ("extended
// the offer to Nov. 20", "the smaller payout is payable Jan. 2").
bool past_verb_at(const Context& cx, std::size_t tok) {
  if (tok == 0 || tok > cx.tt.tokens.size()) return false;
  std::size_t i = tok - 1;
  const bool prep = (ieq(cx.surface(i), "on") || ieq(cx.surface(i), "in") || ieq(cx.surface(i), "from")) && i > 0;
  const bool from = prep && ieq(cx.surface(i), "from");
  if (prep) --i;
  // A place between the verb and "on"/"in": "ended in Paris on Oct. 14", "met at Camp David on".
  if (prep && !from && i >= 2 && cx.tt.tokens[i].shape == text::Shape::Capitalized) {
    std::size_t k = i;
    while (k > 0 && k + 4 > i && cx.tt.tokens[k].shape == text::Shape::Capitalized) --k;
    if (k > 0 && k < i && (ieq(cx.surface(k), "in") || ieq(cx.surface(k), "at"))) i = k - 1;
  }
  if (cx.tt.tokens[i].sentence != cx.tt.tokens[tok - 1].sentence) return false;
  if (tense_cue(cx.tt.tokens[i].fold_hash, cx.surface(i)) != -1) return false;
  // A date as the object names a day, past or not: "proposed October 9 as".
  if (!prep && kDateObjectVerbs.contains(cx.surface(i))) return false;
  if (i == 0) return true;
  const std::string_view before = cx.surface(i - 1);
  // After punctuation an -ed word starts a participle or ends a compound
  // adjective: "Le Figaro, dated Mar 9", "the Western-brokered October 3 vote".
  if (!is_alnum_start(before)) return false;
  // A passive before "from" may announce a period to come: "flights were suspended from 13 to 14 March".
  if (from && (ieq(before, "was") || ieq(before, "were") || ieq(before, "is") || ieq(before, "are"))) return false;
  return !kDeterminers.contains(before) && !kPossessives.contains(before) && !ieq(before, "be") &&
         !ieq(before, "being");
}

// True when the bare weekday at token `tok` is part of a name or of another day's
// name: after a word that names a day ("Black Friday", "Cyber Monday", "Bloody
// Sunday", "Ash Wednesday"), or, at a sentence's start, between a capitalized
// word that is no function or time word and another capitalized word ("Good Friday
// Agreement turns 25"; not "On Friday President ...", "Last Sunday Police ...").
[[gnu::noinline]] bool weekday_in_name(const Context& cx, std::size_t tok) {
  static const WordList kDayNamers{"black", "cyber", "bloody", "giving", "ash", "palm", "maundy", "holy", "blue"};
  static const WordList kFunctionWords{"on", "at", "the", "a", "an", "this", "that", "every", "each", "and",
                                       "but", "so", "then", "as", "for", "to", "when", "while", "if", "or",
                                       "upon", "around", "about", "over", "till", "last", "next"};
  const auto& t = cx.tt.tokens;
  if (tok == 0 || t[tok].newline_before || t[tok - 1].shape != text::Shape::Capitalized) return false;
  const std::string_view p = cx.surface(tok - 1);
  if (kDayNamers.contains(p)) return true;
  return t[tok - 1].sentence_start && tok + 1 < t.size() && !t[tok + 1].newline_before &&
         t[tok + 1].shape == text::Shape::Capitalized && !kFunctionWords.contains(p) &&
         !kBeforeName.contains(p) && !kDateCues.contains(p);
}

// True when "of" and a name come at token k, after "fall" or "spring": "since the
// fall of Kabul", "the spring of Bashar al-Assad's rule" name an event, a
// collapse or an uprising, not a season (the patterns reject "the fall of the").
[[gnu::noinline]] bool event_of_name_after(const Context& cx, std::size_t k) {
  const auto& t = cx.tt.tokens;
  return k + 1 < t.size() && ieq(cx.surface(k), "of") && t[k + 1].sentence == t[k].sentence &&
         t[k + 1].shape == text::Shape::Capitalized && month_of(cx.surface(k + 1)) == 0;
}

// True when the match in L ends with "fall" or "spring" (not a year or "next year").
bool season_word_last(const Lexemes& L) {
  const std::string_view w = L.v[L.n - 1].text;
  return ieq(w, "fall") || ieq(w, "spring");
}

// True when "ahead" comes right before the "of" at token `of`, in its sentence.
[[gnu::noinline]] bool ahead_of_before(const Context& cx, std::size_t of) {
  return of > 0 && ieq(cx.surface(of - 1), "ahead") && cx.tt.tokens[of - 1].sentence == cx.tt.tokens[of].sentence;
}

// False when a word ending in `last` surely ends no time of day nor is "on"
// (before_time_of_day's forms: "noon", "a.m.", "5pm", "1100", "GMT", "ET", "CET").
bool may_end_time_of_day(char last) {
  return last == 'n' || last == 'm' || last == 'M' || last == '.' || last == 'T' || last == 'C' || last == 't' ||
         last == 'c' || (last >= '0' && last <= '9');
}

// The index of the first token of a time of day ending right before token `tok`, after
// an optional "on" ("11 a.m. on", "5pm", "noon on", "21:00 GMT"), else `tok`.
[[gnu::noinline]] std::size_t before_time_of_day(const Context& cx, std::size_t tok) {
  std::size_t e = tok;
  if (e > 0 && ieq(cx.surface(e - 1), "on")) --e;
  if (e < 2) return tok;
  const std::string_view w = cx.surface(e - 1);
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!may_end_time_of_day(w.back())) return tok;  // "said on Friday" leaves here
  if (ieq(w, "noon") || ieq(w, "midnight")) return e - 1;
  // "5pm", "11am", "0900"
  if (digit(w[0]) && (ieq(w.substr(w.size() > 2 ? w.size() - 2 : 0), "am") ||
                      ieq(w.substr(w.size() > 2 ? w.size() - 2 : 0), "pm")))
    return e - 1;
  // "9 pm", "21:00 GMT"
  std::size_t k = e - 1;
  if (ieq(w, "am") || ieq(w, "pm") || ieq(w, "gmt") || ieq(w, "utc") || ieq(w, "bst") || ieq(w, "et") ||
      ieq(w, "cet")) {
    k = e - 2;
  } else {
    // "11 a.m.", however the tokenizer cut it ("a.m.", "a.m" ".", "a" "." "m" ".")
    bool m = false;
    for (k = e; k + 4 > e && k > 1; --k) {
      const std::string_view x = cx.surface(k - 1);
      if (ieq(x, "m") || ieq(x, "a.m") || ieq(x, "p.m") || ieq(x, "a.m.") || ieq(x, "p.m."))
        m = true;
      else if (x != "." && !ieq(x, "a") && !ieq(x, "p"))
        break;
    }
    if (!m) return tok;
    --k;
  }
  const std::string_view n = cx.surface(k);
  return digit(n[0]) && digit(n.back()) ? k : tok;
}

// A year of another calendar named as such: its tokens [begin, end) and the
// Gregorian year it starts in (README), kUnknown for one not converted (no DATE).
struct CalendarYear {
  std::size_t begin, end;
  int year;
};

// The year `y` written at tokens [tok, tok_end) as one of another calendar: after
// "Persian", "Iranian", "Shamsi", "Solar Hijri" (Persian) or "Islamic", "Hijri"
// (Islamic) and "year" ("the Persian year 1404"), before "SH" or "AH" ("1446 AH"),
// or glossed by a Gregorian year 500-650 later ("born in 1365 (1986)": which
// calendar is not said, no DATE). "Hebrew", "Jewish", "Buddhist" years: no DATE.
// Only numbers below 1500 are read: these calendars' years now, and few Gregorian ones in news.
[[gnu::noinline]] std::optional<CalendarYear> other_calendar_year_at(const Context& cx, std::size_t tok,
                                                                     std::size_t tok_end, int y) {
  const auto& t = cx.tt.tokens;
  const auto word = [&](std::size_t k, std::string_view w) { return k < t.size() && ieq(cx.surface(k), w); };
  enum { kNone, kPersian, kIslamic, kOther } cal = kNone;
  std::size_t b = tok, e = tok_end;
  if (word(tok, "year") && tok > 0) {
    const std::string_view w = cx.surface(tok - 1);
    b = tok - 1;
    if (ieq(w, "persian") || ieq(w, "iranian") || ieq(w, "shamsi")) cal = kPersian;
    else if (ieq(w, "hijri") && tok > 1 && word(tok - 2, "solar")) cal = kPersian, --b;
    else if (ieq(w, "islamic") || ieq(w, "hijri")) cal = kIslamic;
    else if (ieq(w, "hebrew") || ieq(w, "jewish") || ieq(w, "buddhist")) cal = kOther;
    if (cal != kNone && b > 0 && word(b - 1, "the")) --b;
  } else if (word(tok_end, "ah") || word(tok_end, "sh")) {
    cal = word(tok_end, "ah") ? kIslamic : kPersian;
    e = tok_end + 1;
  } else if (word(tok_end, "(") && tok_end + 2 < t.size() && cx.surface(tok_end + 2) == ")") {
    const std::string_view g = cx.surface(tok_end + 1);
    const int gy = g.size() == 4 && t[tok_end + 1].shape == text::Shape::Digits
                       ? (g[0] - '0') * 1000 + (g[1] - '0') * 100 + (g[2] - '0') * 10 + (g[3] - '0')
                       : 0;
    if (gy - y >= 500 && gy - y <= 650) cal = kOther;
  }
  if (cal == kNone) return std::nullopt;
  const int g = cal == kPersian ? y + timex::kPersianYearOffset
                : cal == kIslamic
                    ? static_cast<int>(timex::from_other_calendar(timex::OtherCalendar::Islamic, y, 0, 1).year())
                    : kUnknown;
  return CalendarYear{b, e, g};
}

// The token of the second month of a range of months written with a hyphen at
// token `tok` ("July-September", "March–May"), else 0.
[[gnu::noinline]] std::size_t month_range_at(const Context& cx, std::size_t tok) {
  const auto& t = cx.tt.tokens;
  if (tok + 2 >= t.size() || t[tok + 1].space_before || t[tok + 2].space_before) return 0;
  const std::string_view dash = cx.surface(tok + 1);
  if (dash != "-" && dash != "\u2013") return 0;
  return month_of(cx.surface(tok + 2)) != 0 && is_upper_initial(cx.surface(tok + 2)) ? tok + 2 : 0;
}

// After the range of months from token `tok` to token `to`: the token after
// "quarter" or "period" when the months make one calendar quarter ("the
// January-March period"), else 0. Other ranges ("the March-May quarter" of a
// fiscal year, "the January-October period") stay two months, as a range of
// days is two days.
std::size_t quarter_of_months_end(const Context& cx, std::size_t tok, std::size_t to) {
  const int first = month_of(cx.surface(tok));
  if (first % 3 != 1 || month_of(cx.surface(to)) != first + 2 || to + 1 >= cx.tt.tokens.size()) return 0;
  const std::string_view w = cx.surface(to + 1);
  return ieq(w, "quarter") || ieq(w, "period") ? to + 2 : 0;
}

// True when a word of a company's accounts and then a past verb follow token `end` - 1
// ("third-quarter profit rose 5%", "fourth-quarter net income fell"): a result reported,
// so its quarter is over (not "... profit was expected to rise").
bool result_reported_after(const Context& cx, std::size_t end) {
  const auto& t = cx.tt.tokens;
  std::size_t k = end;
  const std::uint32_t sent = t[end - 1].sentence;
  while (k < t.size() && k < end + 3 && t[k].sentence == sent && kAccountsWords.contains(cx.surface(k))) ++k;
  if (k == end || k >= t.size() || t[k].sentence != sent || tense_cue(t[k].fold_hash, cx.surface(k)) != -1)
    return false;
  return k + 1 >= t.size() || tense_cue(t[k + 1].fold_hash, cx.surface(k + 1)) <= 0;
}

// The year of quarter `q` named without one at token `tok` ("the third quarter",
// "the July-September quarter"): the DCT's. A quarter still to come this year is
// last year's when told in the past ("profit rose in the third quarter" in May)
// or when it is half a year or more ahead ("fourth-quarter earnings" in
// February), unless a future cue looks forward; one already over this year is
// next year's when told in the future ("inflation will fall in the first
// quarter" in November), as a month is. Not a fiscal one: its year is the fiscal
// year's label (TBAQ). (The quarter just over is the one being reported:
// "expects to report a third-quarter loss" in October.) `end`: the token after the quarter's name.
int bare_quarter_year(const Context& cx, std::size_t tok, std::size_t end, const timex::Ymd& dct, int q,
                      bool fiscal) {
  const int y = static_cast<int>(dct.year());
  const int dct_q = static_cast<int>((static_cast<unsigned>(dct.month()) - 1) / 3 + 1);
  if (q > dct_q) {
    const int tense = tense_before(cx, tok);
    return tense == -1 || (tense <= 0 && (q - dct_q >= 2 || result_reported_after(cx, end))) ? y - 1 : y;
  }
  return dct_q - q >= 2 && !fiscal && tense_before(cx, tok) > 0 ? y + 1 : y;
}

// True when the month at token `tok` ends a period: "the quarter ending (in)
// January", "the 12 months to January", "the year to March".
[[gnu::noinline]] bool period_end_before(const Context& cx, std::size_t tok) {
  static const WordList kPeriods{"months", "year", "quarter", "period", "weeks", "half"};
  if (tok < 2) return false;
  std::size_t k = tok - 1;
  if (ieq(cx.surface(k), "in")) --k;
  // ("a war ending in January" names no period: the period's noun first, as for "to")
  if (ieq(cx.surface(k), "ending")) return k >= 1 && kPeriods.contains(cx.surface(k - 1));
  return k == tok - 1 && ieq(cx.surface(k), "to") && kPeriods.contains(cx.surface(k - 1));
}

// True when `month` comes after the DCT's month within six months: a period
// ending then, not told in the past, is the coming one ("sales in the 12 months
// to January would fall", said in November).
bool month_half_year_ahead(const timex::Ymd& dct, int month) {
  const int ahead = (month - static_cast<int>(static_cast<unsigned>(dct.month())) + 12) % 12;
  return ahead > 0 && ahead <= 6;
}

// True when `dct` falls in the last month of season `s` (May, August, November or
// February): a season told in the future after "in" is then the coming one ("would carry
// a payload in the fall" said Nov. 26), not the one ending ("returns after the summer").
bool season_ending(const Dct& dct, timex::Season s) {
  if (!dct) return false;
  const int m = static_cast<int>(static_cast<unsigned>(dct->month()));
  return m % 3 == 2 && (m == 2 ? timex::Season::Winter : static_cast<timex::Season>(m / 3)) == s;
}

// True when `w` starts a fiscal year's label: "FY25", "FY" (of "FY 2025").
bool fiscal_label(std::string_view w) { return w.size() >= 2 && lower(w[0]) == 'f' && lower(w[1]) == 'y'; }

// The quarter or half written right before a fiscal year's label at byte `at`
// ("Q3 FY25", "3Q FY2025", "H1 FY26", "the first half of FY27"): sets the year value `v` to it and `begin`
// to its first byte. A fiscal year's number is the year as written (FY25 is 2025).
bool fiscal_part_before(std::string_view text, std::uint32_t at, Value& v, std::uint32_t& begin) {
  // "the first half of FY27", "second half of FY2026"
  static constexpr std::string_view kHalves[] = {"first half of ", "second half of "};
  for (int h = 0; h < 2; ++h) {
    const std::size_t n = kHalves[h].size();
    if (at >= n && ieq(text.substr(at - n, n), kHalves[h])) {
      begin = static_cast<std::uint32_t>(at - n);
      if (begin >= 4 && ieq(text.substr(begin - 4, 4), "the ")) begin -= 4;
      v.granularity = Granularity::Half, v.part = h + 1;
      return true;
    }
  }
  if (at < 3 || text[at - 1] != ' ' || (at > 3 && (is_alpha(text[at - 4]) || is_digit(text[at - 4])))) return false;
  const char a = lower(text[at - 3]), b = lower(text[at - 2]);
  if (a == 'q' && b >= '1' && b <= '4') v.granularity = Granularity::Quarter, v.part = b - '0';
  else if (b == 'q' && a >= '1' && a <= '4') v.granularity = Granularity::Quarter, v.part = a - '0';
  else if (a == 'h' && (b == '1' || b == '2')) v.granularity = Granularity::Half, v.part = b - '0';
  else return false;
  begin = at - 3;
  return true;
}

// True when the four-digit number at token `tok` is a clock time, before a time
// zone or "a.m." ("by 1040 GMT", "at 0930 local time", "1500 EST"), not a year.
[[gnu::noinline]] bool clock_time_at(const Context& cx, std::size_t tok) {
  const auto& t = cx.tt.tokens;
  const std::string_view n = cx.surface(tok);
  if (n.size() != 4 || n[0] > '2' || n[2] > '5' || tok + 1 >= t.size() || t[tok + 1].sentence != t[tok].sentence)
    return false;
  const std::string_view z = cx.surface(tok + 1);
  // zones are capitalized; "a.m." and "local" are not
  if (!(is_upper_initial(z) || z[0] == 'a' || z[0] == 'p' || z[0] == 'l')) return false;
  if (ieq(z, "est") || ieq(z, "edt") || (ieq(z, "local") && tok + 2 < t.size() && ieq(cx.surface(tok + 2), "time")))
    return true;
  // "GMT", "UTC", "ET", "a.m." (however cut into tokens): as before_time_of_day reads them
  for (std::size_t e = tok + 2; e <= tok + 5 && e <= t.size(); ++e)
    if (before_time_of_day(cx, e) == tok) return true;
  return false;
}

// True when "by", "until" or "till" inside a clause comes right before token `tok`:
// a deadline ("conclude by May", "has until 10 a.m. Tuesday"), which with no past
// verb before it lies ahead, as does "as early as". Not after a comma or at a
// sentence's start ("By May, prices had doubled" narrates); also "ahead of [the]". With `through`, also
// "through" (for days and weekends only: "rain through the weekend"; "from April
// through June" in a report of the past has no past verb near it).
bool deadline_before(const Context& cx, std::size_t tok, bool through = false) {
  if (tok < 2 || tok > cx.tt.tokens.size()) return false;
  const std::string_view w = cx.surface(tok - 1);
  // "as early as Tuesday", "as soon as next month": the earliest a thing can come.
  if (tok >= 3 && ieq(w, "as") && (ieq(cx.surface(tok - 2), "early") || ieq(cx.surface(tok - 2), "soon")) &&
      ieq(cx.surface(tok - 3), "as"))
    return true;
  // "ahead of October vote", "ahead of the Sunday poll": what a thing comes before lies ahead.
  if (ieq(w, "of") || (ieq(w, "the") && tok >= 3 && ieq(cx.surface(tok - 2), "of")))
    return ahead_of_before(cx, ieq(w, "of") ? tok - 1 : tok - 2);
  // "until the November election", "wait until after the vote in May": what is awaited lies ahead.
  if (ieq(w, "the") || ieq(w, "after")) {
    std::size_t k = tok - 1;
    if (ieq(cx.surface(k), "the") && k >= 2 && ieq(cx.surface(k - 1), "after")) --k;
    const std::string_view u = cx.surface(k - 1);
    return (ieq(u, "until") || ieq(u, "till")) && k >= 2 && deadline_before(cx, k);
  }
  if (!ieq(w, "by") && !ieq(w, "until") && !ieq(w, "till") && !(through && ieq(w, "through"))) {
    // "until 11 a.m. on Friday", "by noon Friday": the deadline word before a time of day
    // (most other words leave here).
    if (!may_end_time_of_day(w.back())) return false;
    const std::size_t before = before_time_of_day(cx, tok);
    return before < tok && deadline_before(cx, before, through);
  }
  return cx.tt.tokens[tok - 2].sentence == cx.tt.tokens[tok - 1].sentence &&
         is_alnum_start(cx.surface(tok - 2));
}

// True when the deadline before token `tok` (deadline_before) closes an
// infinitive governed by a directive or decision ("ordered schools to close
// until Friday", "voted to extend the curfew until Sunday", "was told to stay
// home until Monday"): what was ordered lies ahead of the order, so the past
// verb does not put the date in the past.
// True when the deadline before token `tok` follows a suspension in the passive
// ("flights were suspended until Saturday", "schools are closed until Monday",
// "the talks have been postponed until Friday"): a state announced as holding
// until a day, which lies ahead of the report as an order's day does.
bool suspended_until(const Context& cx, std::size_t tok, bool through = false) {
  static const WordList kSuspensions{"suspended", "closed", "shut", "halted", "postponed", "delayed", "extended",
                                     "banned", "grounded", "adjourned", "barred", "paused", "frozen", "deferred"};
  static const WordList kBe{"was", "were", "is", "are", "be", "been", "remain", "remains", "remained"};
  if (tok < 4 || !deadline_before(cx, tok, through)) return false;
  const std::size_t p = tok - 2;  // the participle right before "until" / "by"
  return cx.tt.tokens[p].sentence == cx.tt.tokens[tok].sentence && kSuspensions.contains(cx.surface(p)) &&
         kBe.contains(cx.surface(p - 1));
}

// True when an order with its object and participle ends right before the deadline word at
// token `dl` ("ordered flags lowered until Friday", "directed offices closed through
// Monday"): what was ordered lies ahead, as in ordered_until's "ordered ... to close".
[[gnu::noinline]] bool ordered_participle_before(const Context& cx, std::size_t dl) {
  const std::uint32_t sent = cx.tt.tokens[dl].sentence;
  bool participle = false;
  for (std::size_t k = dl; k > 0 && k + 9 > dl;) {
    --k;
    if (cx.tt.tokens[k].sentence != sent) return false;
    const std::string_view w = cx.surface(k);
    if (participle && (ieq(w, "ordered") || ieq(w, "directed"))) return k + 2 < dl;  // an object between
    participle = participle || (k + 1 == dl && cx.tt.tokens[k].shape == text::Shape::Lower &&
                                w.size() > 4 && w.substr(w.size() - 2) == "ed");
  }
  return false;
}

bool ordered_until(const Context& cx, std::size_t tok, bool through = false) {
  if (suspended_until(cx, tok, through)) return true;
  static const WordList kDirectives{"ordered", "told", "asked", "urged", "decided", "agreed", "voted", "directed",
                                    "instructed", "allowed", "forced", "required", "advised", "chose", "planned",
                                    "promised", "pledged", "vowed", "called",
                                    // a hope or aim: "hoped to finish the bills by Feb. 15"
                                    "hoped", "aimed", "sought", "wanted", "intended"};
  if (!deadline_before(cx, tok, through) || tok < 4) return false;
  const std::uint32_t sent = cx.tt.tokens[tok - 1].sentence;
  // "to" + a lowercase word within the 8 tokens before the deadline word ("to finish
  // full-year bills by") ...
  std::size_t to = 0;
  for (std::size_t k = tok - 2; k + 9 > tok && k > 0; --k) {
    if (cx.tt.tokens[k].sentence != sent) return false;
    if (ieq(cx.surface(k), "to") && k + 1 < tok - 1 && cx.tt.tokens[k + 1].shape == text::Shape::Lower) {
      to = k;
      break;
    }
  }
  if (to == 0) return ordered_participle_before(cx, tok - 1);
  // ... after a directive verb within the 8 tokens before it ("ordered flags at the
  // State Capitol lowered to half-staff through Friday").
  for (std::size_t k = to - 1; k + 9 > to; --k) {
    if (cx.tt.tokens[k].sentence != sent) return false;
    if (kDirectives.contains(cx.surface(k))) return true;
    if (k == 0) break;
  }
  return false;
}

// True when the bare month at tokens [tok, end) is a given name after a relative and a comma
// ("his wife, June;", "a daughter, April, of Denver") or between names in a list ("Tom,
// June and Ellie"): no date.
[[gnu::noinline]] bool month_as_given_name(const Context& cx, std::size_t tok, std::size_t end) {
  static const WordList kKin{"wife", "husband", "widow", "widower", "partner", "daughter", "daughters", "son",
                             "sons", "sister", "sisters", "brother", "brothers", "mother", "father", "children",
                             "granddaughter", "grandson", "grandchildren", "niece", "nephew", "stepdaughter",
                             "cousin", "survivors"};
  const auto& t = cx.tt.tokens;
  if (tok < 2 || cx.surface(tok - 1) != "," || t[tok - 2].sentence != t[tok].sentence) return false;
  if (kKin.contains(cx.surface(tok - 2))) return true;
  // a name before and after: "Tom, June and Ellie" (not "Paris, June and July")
  if (t[tok - 2].shape != text::Shape::Capitalized || t[tok - 2].sentence_start || end + 1 >= t.size() ||
      (cx.surface(end) != "," && !ieq(cx.surface(end), "and")))
    return false;
  const std::string_view after = cx.surface(end + 1);
  return t[end + 1].shape == text::Shape::Capitalized && month_of(after) == 0 && month_of(cx.surface(tok - 2)) == 0;
}

// True when "again" comes right before the month at token `tok` or its "in" ("conducts the
// orchestra again in March"): a repeat told in no past tense is the nearer such month,
// ahead as often as gone by ("funds see cash pour in again in July", said in August).
[[gnu::noinline]] bool again_before(const Context& cx, std::size_t tok) {
  std::size_t k = tok;
  if (k > 0 && ieq(cx.surface(k - 1), "in")) --k;
  return k > 0 && ieq(cx.surface(k - 1), "again") && cx.tt.tokens[k - 1].sentence == cx.tt.tokens[tok].sentence;
}

// "the first week of May" before the month at token `tok`: a week counted within
// the month, valued as the month from its start (first) or end (last), as which
// week is the first is a matter of convention. Read from the tokens: a pattern
// modifier would grow every rule. Not when part of an earlier date (`last_end`).
struct WeekOf {
  std::size_t tok;  // its first token
  std::uint32_t begin;
  Mod mod;
};
std::optional<WeekOf> week_of_month_before(const Context& cx, std::size_t tok, std::uint32_t last_end) {
  if (tok < 3 || !ieq(cx.surface(tok - 1), "of") || !ieq(cx.surface(tok - 2), "week")) return std::nullopt;
  const std::string_view w = cx.surface(tok - 3);
  const int o = ordinal_of(w);
  const bool last = ieq(w, "last") || ieq(w, "final");
  if (!last && !(o >= 1 && o <= 4)) return std::nullopt;
  std::size_t b = tok - 3;
  if (b > 0 && ieq(cx.surface(b - 1), "the")) --b;
  const auto& t = cx.tt.tokens;
  if (t[b].span.begin < last_end || t[b].sentence != t[tok].sentence) return std::nullopt;
  return WeekOf{b, t[b].span.begin, o == 1 ? Mod::Start : last ? Mod::End : Mod::None};
}

// True when "for" comes right before token `tok` after a verb that calls a thing off
// or moves it ("canceled classes for Monday", "was rescheduled for Friday"): the day
// is the one the thing was set for, the nearer of the past and the coming one (said
// on a Sunday, Monday is tomorrow), whatever the verb's tense.
bool called_off_for(const Context& cx, std::size_t tok) {
  static const WordList kCallOff{"canceled", "cancelled", "rescheduled", "scrapped"};
  if (tok < 2 || !ieq(cx.surface(tok - 1), "for")) return false;
  const std::uint32_t sent = cx.tt.tokens[tok - 1].sentence;
  for (std::size_t k = tok - 1; k > 0 && k + 7 > tok - 1;) {  // 6 words back
    --k;
    if (cx.tt.tokens[k].sentence != sent) return false;
    if (kCallOff.contains(cx.surface(k))) return true;
  }
  return false;
}

// True when "is" / "are" (then "on" or a time of day) comes right before token
// `tok`: "the vote is Friday", "the deadline is midnight Friday" say when a thing
// is set, which lies ahead (one gone by takes "was").
bool copula_before(const Context& cx, std::size_t tok) {
  std::size_t b = before_time_of_day(cx, tok);
  if (b == tok && b > 0 && ieq(cx.surface(b - 1), "on")) --b;
  // (the same sentence as the word after it: "5 p.m. Friday" may look like a sentence's end)
  if (b == 0 || cx.tt.tokens[b - 1].sentence != cx.tt.tokens[b].sentence) return false;
  const std::string_view w = cx.surface(b - 1);
  return ieq(w, "is") || ieq(w, "are");
}

// "next Saturday": the first one after the DCT, but not tomorrow: said on a
// Friday it is a week on (tomorrow a writer calls "tomorrow" or plain
// "Saturday"), while said on a Monday "next Sunday" is six days on.
Value next_weekday(const Dct& dct, int weekday) {
  if (!dct) return timex::resolve_weekday(dct, weekday, Direction::Future);
  const int ahead = (weekday - iso_weekday(*dct) + 7) % 7;
  return timex::day_value(timex::add_days(*dct, ahead <= 1 ? ahead + 7 : ahead));
}

// "this Friday": the one of the DCT's week, unless the tense puts it on the
// other side of the DCT ("will vote this Monday" said on a Sunday is tomorrow,
// "met this Saturday" said on a Thursday the one before).
Value this_weekday(const Context& cx, std::size_t tok, const Dct& dct, int weekday) {
  if (!dct) return weekday_of_week(dct, weekday, 0);
  const int side = weekday - iso_weekday(*dct);
  int tense = side == 0 ? 0 : tense_before(cx, tok);
  if (tense == 0 && side != 0 && copula_before(cx, tok)) tense = +1;
  if (tense > 0 && side < 0) return timex::resolve_weekday(dct, weekday, Direction::FutureOrSame);
  if (tense < 0 && side > 0) return timex::resolve_weekday(dct, weekday, Direction::PastOrSame);
  return weekday_of_week(dct, weekday, 0);
}

// True when a forecast verb comes among the 8 words before token `tok` in its sentence
// ("forecast more rain for the weekend", "predicted snow over the weekend"): what is
// forecast lies ahead, whatever the verb's tense.
bool forecast_before(const Context& cx, std::size_t tok) {
  // (a plain array: only a weekend's 8 words are asked)
  static constexpr std::string_view kForecasts[]{"forecast", "forecasts", "forecasting", "predict",
                                                 "predicts", "predicted", "predicting"};
  for (std::size_t k = tok; k > 0 && k + 8 > tok; --k) {
    if (cx.tt.tokens[k - 1].sentence != cx.tt.tokens[tok].sentence) return false;
    for (const std::string_view f : kForecasts)
      if (ieq(cx.surface(k - 1), f)) return true;
  }
  return false;
}

// True when a change comes before "on" before token `tok` ("fell 3% on the week",
// "was flat on the week"): market reports' move over the unit the DCT is in.
// Not before a word that makes the unit another's ("on the week's agenda",
// "on the week ahead", "on the week of the vote", "on the week ending Friday").
bool change_on_before(const Context& cx, std::size_t tok, std::string_view next) {
  static const WordList kChange{"%", "percent", "pct", "points", "point", "cents", "up", "down",
                                "higher", "lower", "flat", "unchanged", "steady"};
  if (tok < 2 || !ieq(cx.surface(tok - 1), "on") || ieq(next, "'s") || ieq(next, "\u2019s") ||
      ieq(next, "ahead") || ieq(next, "of") || ieq(next, "ending") || ieq(next, "ended"))
    return false;
  const auto& t = cx.tt.tokens;
  return t[tok - 2].sentence == t[tok].sentence &&
         (kChange.contains(cx.surface(tok - 2)) || t[tok - 2].shape == text::Shape::Digits);
}

// True when "of" and no calendar word follow the unit ending before token `end`:
// "the weekend of the festival" is the event's, which the DCT cannot place, so
// (as "the week of talks") it is no date; "the weekend of March 6" is one.
bool of_event_after(const Context& cx, std::size_t end) {
  const auto& t = cx.tt.tokens;
  if (end + 1 >= t.size() || !ieq(cx.surface(end), "of") || t[end + 1].sentence != t[end].sentence) return false;
  return month_of(cx.surface(end + 1)) == 0 && t[end + 1].shape != text::Shape::Digits;
}

// The tense for year_for() at a month (and day) starting at token `tok`: a future
// cue as tense_before() finds it, the past only when a past verb governs the date;
// with no cue at all, a deadline month looks forward (a deadline day keeps the
// nearest: "by Jan. 14" a day after it is that day, not next year's).
int month_tense(const Context& cx, std::size_t tok, bool has_day) {
  const int t = tense_before(cx, tok);
  if (t > 0) return t;
  if (!has_day && ordered_until(cx, tok)) return +1;  // (a day: the nearest, as below)
  if (past_verb_at(cx, tok)) return -1;
  return t == 0 && !has_day && deadline_before(cx, tok) ? +1 : 0;
}

// Year for a month (and day) without a year: the nearest occurrence, the coming
// one when the context is future, the past one after a past-tense verb ("He
// arrived Dec 3" is never a December to come).
int year_for(const Dct& dct, int month, int day, int tense) {
  if (!dct) return kUnknown;
  if (tense > 0) return timex::resolve_year(dct, month, day, Direction::FutureOrSame);
  if (tense == -1) return timex::resolve_year(dct, month, day, Direction::PastOrSame);
  return timex::resolve_year(dct, month, day, Direction::Nearest);
}

// True when the 400 bytes before `at` talk about quarters: a "year ago" there is the
// year-ago quarter of a quarterly report (TimeML practice in financial news).
bool quarterly_context(std::string_view text, std::uint32_t at) {
  const std::size_t from = at > 400 ? at - 400 : 0;
  return text.substr(from, at - from).find("quarter") != std::string_view::npos;
}

// True when [b, e) of `text` holds a sentence's end: a full stop, but not a decimal
// point ("A$2.1 billion"), or ; ! ? or a line break.
bool sentence_end_in(std::string_view text, std::uint32_t b, std::uint32_t e) {
  for (std::uint32_t i = b; i < e; ++i) {
    const char c = text[i];
    if (c == ';' || c == '!' || c == '?' || c == '\n') return true;
    if (c == '.' && !(i > 0 && is_digit(text[i - 1]) && i + 1 < text.size() && is_digit(text[i + 1]))) return true;
  }
  return false;
}

// "its third-quarter profit doubled from a year earlier", "October revenue rose 17% from
// a year ago": the quarter, half or month dated before byte `at` in the same
// sentence (`out` from `first`: this document's DATEs) is the period compared, and
// the date is that period a year back; a quarter or half before a month ("a
// second-quarter loss last month, compared with a profit a year earlier": the
// month only says when it was told). False, `v` untouched, when there is none.
bool year_before_period(std::string_view text, const std::vector<Candidate>& out, std::size_t first,
                        std::uint32_t at, Value& v) {
  bool found = false;
  for (std::size_t k = out.size(); k-- > first;) {
    const Candidate& c = out[k];
    const std::string& s = c.value;
    if (c.span.end > at || at - c.span.end > 200 || sentence_end_in(text, c.span.end, at)) break;
    if (s.size() != 7 || s[4] != '-' || s[0] < '0' || s[0] > '9' || s[3] < '0' || s[3] > '9') continue;
    Value w;
    w.year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0') - 1;
    const int n = s[6] - '0';
    if (s[5] == 'Q' && n >= 1 && n <= 4) w.granularity = Granularity::Quarter, w.part = n;
    else if (s[5] == 'H' && (n == 1 || n == 2)) w.granularity = Granularity::Half, w.part = n;
    else if ((s[5] == '0' || s[5] == '1') && n >= 0 && n <= 9) w.granularity = Granularity::Month, w.month = (s[5] - '0') * 10 + n;
    else continue;
    if (w.granularity == Granularity::Month) {
      if (w.month < 1 || w.month > 12 || found) continue;
      v = w, found = true;  // a quarter or half further back still wins
      continue;
    }
    v = w;
    return true;
  }
  return found;
}

// "the 1970s and 80s", "the 1980s-90s": a bare two-digit decade (value `v`) joined to the
// decade dated right before byte `at` is a date in that decade's century (a bare "80s"
// alone is as often an age: "in his 80s"). Sets `v`'s year; false when not so joined.
bool second_decade_of_pair(const std::vector<Candidate>& out, std::size_t first, std::uint32_t at,
                           std::string_view prev, Value& v) {
  if (out.size() <= first || v.granularity != Granularity::Decade) return false;
  const Candidate& c = out.back();
  const std::string& s = c.value;
  if (s.size() != 3 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' || c.span.end > at || at - c.span.end > 5)
    return false;
  if (!ieq(prev, "and") && !ieq(prev, "or") && !ieq(prev, "to") && prev != "-") return false;
  v.year = ((s[0] - '0') * 10 + (s[1] - '0')) * 10 + v.year % 10;
  return true;
}

bool check_day(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  if (y == kUnknown) return timex::valid_day(2000, m, d);  // leap-year safe
  return timex::valid_day(y, m, d);
}

// Year for a deadline day without a tense cue ("must report by Jan. 9"): the nearer
// of the past and the coming one, however far ahead (year_for's nearest keeps the
// past one beyond 75 days; a deadline gone by months ago is seldom set).
int nearer_year(const timex::Ymd& dct, int month, int day) {
  const int past = timex::resolve_year(dct, month, day, Direction::PastOrSame);
  const int future = timex::resolve_year(dct, month, day, Direction::FutureOrSame);
  if (past == future || !check_day(future, month, day) || !check_day(past, month, day)) return past;
  const std::chrono::sys_days t{dct};
  const auto ahead = (std::chrono::sys_days{make_ymd(future, month, day)} - t).count();
  const auto back = (t - std::chrono::sys_days{make_ymd(past, month, day)}).count();
  return ahead < back ? future : past;
}

}  // namespace

namespace {

// Token k or the one after it is a word of economic statistics ("January
// retail figures", "March inflation data", "the May jobs report"): the month
// before them is the period measured, which lies in the past.
bool statistics_after(const Context& cx, std::size_t k) {
  static const WordList kStatistics{"figures", "data", "inflation", "exports", "imports", "output", "payrolls",
                                    "unemployment", "retail", "jobs", "numbers", "statistics"};
  for (std::size_t j = k; j < k + 2 && j < cx.tt.tokens.size(); ++j) {
    if (cx.tt.tokens[j].shape != text::Shape::Lower || cx.tt.tokens[j].newline_before) return false;
    if (kStatistics.contains(cx.surface(j))) return true;
  }
  return false;
}

// True when the sentence of token `tok` speaks of money, a company's accounts or
// the economy ("a charge of $5.3 million ... for the third quarter", "GDP fell one
// percentage point in the first quarter"): a quarter there is of the calendar,
// even in a text the sports test took for a sports report.
bool figures_in_sentence(const Context& cx, std::size_t tok) {
  static const WordList kMoneyWords{"$",   "\u20AC",     "\u00A3",    "%",         "million", "billion",
                                    "pct", "percent", "percentage", "cents", "inflation", "prices", "economy"};
  const auto& t = cx.tt.tokens;
  const std::uint32_t sent = t[tok].sentence;
  std::size_t b = tok;
  while (b > 0 && tok - b < 60 && t[b - 1].sentence == sent) --b;
  for (std::size_t k = b; k < t.size() && k < tok + 60 && t[k].sentence == sent; ++k)
    if (kMoneyWords.contains(cx.surface(k)) || kAccountsWords.contains(cx.surface(k))) return true;
  return false;
}

// True when the quarter written as a word at token `tok` ("the third quarter",
// "third-quarter"; not "Q3") may be a period of a game in a sports report: not
// before a word of accounts ("third-quarter revenue"), nor in a sentence of
// figures (figures_in_sentence), nor a plan ("is expected to be complete by the
// second quarter"): a game report tells what happened.
bool is_game_period(const Context& cx, std::size_t tok, const Lexemes& L, std::string_view next) {
  return L.n > 0 && ieq(L.v[L.n - 1].text, "quarter") && !kAccountsWords.contains(next) &&
         !figures_in_sentence(cx, tok) && tense_before(cx, tok) <= 0 && !deadline_before(cx, tok);
}

// "in the quarter", "the same quarter last year", "the previous quarter" after a
// quarter the text named (`named`): that quarter, `yshift` years and `qshift`
// quarters off (TimeML anchors them on the quarter reported, not on the DCT's).
[[gnu::noinline]] Value quarter_named_before(Value named, int yshift, int qshift) {
  const int q = (named.year + yshift) * 4 + named.part - 1 + qshift;
  named.year = q / 4;
  named.part = q % 4 + 1;
  return named;
}

// Keeps in `latest` the latest quarter dated in the text that is over before the
// DCT's began: the quarter a report is about ("the September quarter", not "the
// first quarter of 2027" ahead nor the DCT's own, still running).
[[gnu::noinline]] void note_quarter(const Value& v, const timex::Ymd& dct, Value& latest) {
  if (v.year == kUnknown || v.part == kUnknown) return;
  const int q = v.year * 4 + v.part - 1;
  const int dct_q = static_cast<int>(dct.year()) * 4 + static_cast<int>(static_cast<unsigned>(dct.month()) - 1) / 3;
  if (q < dct_q && (latest.year == kUnknown || q > latest.year * 4 + latest.part - 1)) latest = v;
}

// True when a word joined by a hyphen follows byte `end` ("the quarter-finals", "a
// quarter-point cut", "the quarter-to-quarter comparison"): the compound names no
// quarter ("quarter-end" does: the unit the DCT is in).
[[gnu::noinline]] bool opens_compound(std::string_view text, std::uint32_t end) {
  return end + 1 < text.size() && text[end] == '-' && is_alpha(text[end + 1]) &&
         !(text.substr(end + 1).starts_with("end") && (end + 4 >= text.size() || !is_alpha(text[end + 4])));
}

// The year of a written range that ends where the year at [b, e) starts or
// begins where it ends, past a hyphen or en dash ("2028-2034", "2019–2023"), a
// later year at most a century off; else kUnknown.
int dash_range_year(std::string_view text, std::uint32_t b, std::uint32_t e, int y) {
  const auto year_at = [&](std::size_t k) {  // four digits at k, no digit or letter around
    if (k + 4 > text.size() || (k > 0 && (is_digit(text[k - 1]) || is_alpha(text[k - 1]))) ||
        (k + 4 < text.size() && (is_digit(text[k + 4]) || is_alpha(text[k + 4]))))
      return kUnknown;
    int v = 0;
    for (std::size_t i = k; i < k + 4; ++i) {
      if (!is_digit(text[i])) return kUnknown;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  const std::size_t dash_after = e < text.size() && text[e] == '-' ? 1 : text.compare(e, 3, "\xE2\x80\x93") == 0 ? 3 : 0;
  if (dash_after) {
    const int y2 = year_at(e + dash_after);
    if (y2 > y && y2 - y <= 100) return y2;
  }
  const std::size_t dash_before = b >= 1 && text[b - 1] == '-' ? 1
                                  : b >= 3 && text.compare(b - 3, 3, "\xE2\x80\x93") == 0 ? 3
                                                                                            : 0;
  if (dash_before && b >= dash_before + 4) {
    const int y1 = year_at(b - dash_before - 4);
    if (y1 != kUnknown && y > y1 && y - y1 <= 100) return y1;
  }
  return kUnknown;
}

// True when the year ending at `e` is the first of a season or school year
// written with the next year's two digits ("the 2025-26 season"): a span of two
// calendar years that no one TIMEX3 year or season value names.
bool two_year_season_after(std::string_view text, std::uint32_t e, int y) {
  if (e + 3 > text.size() || text[e] != '-' || !is_digit(text[e + 1]) || !is_digit(text[e + 2]))
    return false;
  if (e + 3 < text.size() && (is_digit(text[e + 3]) || is_alpha(text[e + 3]))) return false;
  return (text[e + 1] - '0') * 10 + (text[e + 2] - '0') == (y + 1) % 100;
}

// The post-passes below read and write a day's TIMEX3 value as formatted
// ("2026-03-25"): a day value, its year, a year written over it, and whether
// the candidate's text writes a year itself ("March 25, 2027": 4 digits).
bool is_day_value(const std::string& v) {
  return v.size() == 10 && v[0] >= '0' && v[0] <= '9' && v[4] == '-' && v[7] == '-';
}
int value_year(const std::string& v) {
  int y = 0;
  for (std::size_t d = 0; d < 4; ++d) y = y * 10 + (v[d] - '0');
  return y;
}
void set_value_year(std::string& v, int year) {
  for (std::size_t d = 4; d-- > 0; year /= 10) v[d] = static_cast<char>('0' + year % 10);
}
// True when `a` and `b` are month values ("2005-03") and `a` is more than a year before `b`.
bool months_over_a_year_apart(const std::string& a, const std::string& b) {
  if (a.size() != 7 || a[4] != '-' || b[4] != '-' || a[5] > '1' || b[5] > '1' || a[0] > '9' || b[0] > '9') return false;
  const int ma = (a[5] - '0') * 10 + (a[6] - '0'), mb = (b[5] - '0') * 10 + (b[6] - '0');
  return (value_year(b) - value_year(a)) * 12 + mb - ma > 12;
}
bool writes_year(std::string_view text, const Candidate& c) {
  const std::string_view s = text.substr(c.span.begin, c.span.end - c.span.begin);
  return std::count_if(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) >= 4;
}

// "between March 25 and April 12", "from Dec. 28 to Jan. 3": a range's first
// day comes before its second. When the tense put a first day whose year the
// text does not write after the second (a future cue before the range: "were
// expected to pass between March 25 and April 12", said on March 30), it takes
// the second's year, or the year before when its month and day come later in
// the year. Candidates [first, out.size()) are this document's DATEs in text
// order, spans in bytes of `text`.
// Two months ("from March until early May", "2005-03" and "2006-05") likewise: a first
// month more than a year before the second, or after it ("runs from July to June",
// "2026-07" and "2026-06"), takes its year too (or the year before).
void order_range_days(std::string_view text, std::vector<Candidate>& out, std::size_t first) {
  for (std::size_t k = first; k + 1 < out.size(); ++k) {
    Candidate& a = out[k];
    const Candidate& b = out[k + 1];
    // (the gap is a joiner of at most 9 bytes, " and on ": most pairs leave here)
    if (b.span.begin < a.span.end || b.span.begin - a.span.end > 9 || a.value.size() != b.value.size()) continue;
    const bool days = is_day_value(a.value) && is_day_value(b.value);
    // two months ("2026-07"): also a first one later in the same year ("from July to June")
    const bool months = !days && a.value.size() == 7 && a.value[4] == '-' && a.value[0] <= '9' &&
                        b.value[0] <= '9' && a.value[5] <= '1' && b.value[5] <= '1';
    if (days ? a.value <= b.value : !months || (a.value <= b.value && !months_over_a_year_apart(a.value, b.value)))
      continue;
    const std::string_view gap = text.substr(a.span.end, b.span.begin - a.span.end);
    const std::string_view before = text.substr(0, a.span.begin);
    const bool range = ((gap == " and " || gap == " and on ") && before.ends_with("between ")) ||
                       ((gap == " to " || gap == " until " || gap == " through ") && before.ends_with("from "));
    if (!range || writes_year(text, a)) continue;
    int year = value_year(b.value);
    if (a.value.compare(5, 5, b.value, 5, 5) > 0) --year;
    if (year >= 1000) set_value_year(a.value, year);
  }
}

// "in July and August 2024", "the October and November jobs reports": two months
// named together are of one year: the year written after the second ("December and
// January 2031": the first of the year before), else the one that puts the first
// nearer the DCT (a tense cue or a word after the pair may have read one of them
// otherwise; months in no calendar order, "June or May", are left as read). Read from the last pair back, so "June,
// July and August 2024" is one year. Candidates as order_range_days'.
void months_named_together(std::string_view text, const std::chrono::year_month_day& dct,
                           std::vector<Candidate>& out, std::size_t first) {
  bool year_from_text = false;  // the year of out[k] comes from one written after it
  for (std::size_t k = out.size(); k > first + 1;) {
    --k;
    Candidate& a = out[k - 1];
    Candidate& b = out[k];
    const bool b_dated = year_from_text;
    year_from_text = false;
    if (a.value.size() != 7 || b.value.size() != 7 || a.value[4] != '-' || b.value[4] != '-' ||
        a.value[0] > '9' || b.value[0] > '9' || a.value[5] > '1' || b.value[5] > '1' || b.span.begin < a.span.end)
      continue;
    const std::string_view gap = text.substr(a.span.end, b.span.begin - a.span.end);
    if ((gap != " and " && gap != " or " && gap != ", ") || writes_year(text, a)) continue;
    const bool b_written = b_dated || writes_year(text, b);
    const int wrap = a.value.compare(5, 2, b.value, 5, 2) > 0 ? 1 : 0;
    if (wrap && !b_written) continue;  // "in June or May": a list, in no order
    int year = value_year(b.value) - wrap;
    year_from_text = b_written;
    if (!b_written) {
      const int ma = (a.value[5] - '0') * 10 + (a.value[6] - '0');
      const int now = static_cast<int>(dct.year()) * 12 + static_cast<int>(static_cast<unsigned>(dct.month()));
      const int ya = value_year(a.value);
      if (std::abs(ya * 12 + ma - now) < std::abs(year * 12 + ma - now)) year = ya;
      if (year >= 1000) set_value_year(b.value, year);
    }
    if (year >= 1000) set_value_year(a.value, year);
  }
}

// "are set for March 8, 2026, and the presidential first round for May 31": a day
// whose year the text does not write, right after a full date in the same sentence
// and later than it in the calendar, is of that date's year (a tense cue may sit
// before the first date only). Candidates as order_range_days'.
void year_of_full_date_before(std::string_view text, std::vector<Candidate>& out, std::size_t first) {
  for (std::size_t k = first; k + 1 < out.size(); ++k) {
    const Candidate& a = out[k];
    Candidate& b = out[k + 1];
    if (b.span.begin < a.span.end || b.span.begin - a.span.end > 120 || !is_day_value(a.value) ||
        !is_day_value(b.value) || a.value.compare(0, 4, b.value, 0, 4) == 0 ||
        a.value.compare(5, 5, b.value, 5, 5) >= 0)
      continue;
    const std::string_view gap = text.substr(a.span.end, b.span.begin - a.span.end);
    if (gap.find_first_of(".;!?\n") != std::string_view::npos || !writes_year(text, a) || writes_year(text, b))
      continue;
    set_value_year(b.value, value_year(a.value));
  }
}

// "declared May 26 and May 28 holidays": two days of one month named together,
// neither with a written year, are in one year, the one that puts the first
// nearer the DCT (the tense cue before the first may have read it otherwise
// than the second's). Candidates as order_range_days'.
void same_month_days(std::string_view text, const std::chrono::year_month_day& dct, std::vector<Candidate>& out,
                     std::size_t first) {
  for (std::size_t k = first; k + 1 < out.size(); ++k) {
    Candidate& a = out[k];
    Candidate& b = out[k + 1];
    if (!is_day_value(a.value) || !is_day_value(b.value) || b.span.begin < a.span.end ||
        a.value.compare(4, 3, b.value, 4, 3) != 0 || a.value.compare(0, 4, b.value, 0, 4) == 0) {
      continue;
    }
    const std::string_view gap = text.substr(a.span.end, b.span.begin - a.span.end);
    if ((gap != " and " && gap != ", " && gap != " or ") || writes_year(text, a) || writes_year(text, b)) continue;
    const int month = (a.value[5] - '0') * 10 + (a.value[6] - '0');
    const int day = (a.value[8] - '0') * 10 + (a.value[9] - '0');
    const auto away = [&](int y) {
      const auto n = (std::chrono::sys_days{std::chrono::year{y} / month / day} - std::chrono::sys_days{dct}).count();
      return n < 0 ? -n : n;
    };
    const int ya = value_year(a.value), yb = value_year(b.value);
    const int year = away(ya) <= away(yb) ? ya : yb;
    set_value_year(a.value, year);
    set_value_year(b.value, year);
  }
}

}  // namespace

void DateRecognizer::recognize(const text::TokenizedText& tokens, const Dct& dct,
                               std::vector<Candidate>& out, bool sports) const {
  const std::string_view text = tokens.text;
  const Context cx{tokens};
  // Per thread, as lex() refills it for each match: a local one cost the
  // initialization of its 40 lexemes per document.
  thread_local Lexemes L;
  std::array<Emit, 2> emits;
  // Per thread, so that its capacity outlives the document (no allocation per
  // document once it has grown).
  thread_local std::vector<timex::PatternMatch> matches;
  matches.clear();
  thread_local std::vector<std::uint32_t> picked;  // for find_token_dates
  picked.clear();
  thread_local PartsCache parts_cache;
  const std::size_t first_out = out.size();
  impl_->patterns.scan(tokens, matches, kHolidayFilter.bits(), picked);
  // The parts cache slot of the next match, fetched while this one is read (PartsCache).
  const auto part_slot = [&](std::size_t k) {
    const timex::PatternMatch& m = matches[k];
    return PartsCache::slot_of(std::string_view(text.data() + m.begin, m.end - m.begin));
  };
  std::uint32_t next_slot = matches.empty() ? PartsCache::kNoSlot : part_slot(0);
  parts_cache.prefetch(next_slot);
  std::size_t cursor = 0;  // every token before it begins before the current match
  // Holidays and "on the 15th", merged into the pattern dates in text order; a
  // pattern date inside one gives way ("Sunday" in "Easter Sunday").
  thread_local std::vector<TokenDate> token_dates;
  token_dates.clear();
  find_token_dates(cx, dct, picked, token_dates);
  std::size_t td_next = 0;  // the first token date not yet in `out`
  std::size_t td_live = 0;  // the first token date that may overlap the next emit
  auto push = [&](std::uint32_t b, std::uint32_t e, const Value& v, Mod mod, std::string_view evidence) {
    Candidate& c = out.emplace_back();
    c.type = EntityType::Date;
    c.span = Span{b, e};
    c.score = 0.9f;
    c.evidence = evidence;
    timex::format_to(v, c.value);
    if (mod != Mod::None) c.mod.assign(timex::to_string(mod));  // (a new candidate's is empty)
  };
  auto push_token_dates_before = [&](std::uint32_t b) {
    for (; td_next < token_dates.size() && token_dates[td_next].begin < b; ++td_next) {
      const TokenDate& d = token_dates[td_next];
      if (!d.evidence.empty()) push(d.begin, d.end, d.value, Mod::None, d.evidence);
    }
  };
  std::uint32_t last_end = 0;  // end of the last pattern date emitted
  // The year (and month) of the last date written with its year: "the following
  // year" counts from it, as TimeML anchors anaphoric dates on the text's time
  // ("On June 9, 1995, he was promoted and the following year ..." is 1996).
  int anchor_year = kUnknown, anchor_month = kUnknown;
  // The month (and its year) of the last date emitted that names one.
  int dated_month_year = kUnknown, dated_month = kUnknown;
  // The last day a date in the text resolved to ("Tuesday", "March 3, 2019"):
  // "the next day" counts from it.
  std::optional<timex::Ymd> anchor_day;
  // ... or the month (year and month; kUnknown: none), when a month was dated
  // after the last day ("last October").
  int month_anchor_year = kUnknown, month_anchor = kUnknown;
  // The year of the last date emitted, written or not ("last year"), and its sentence.
  int sentence_year = kUnknown;
  std::uint32_t sentence_year_at = 0;
  // The last year that opened a sentence as its frame ("Last year, ...") and that sentence (~0u: none).
  int year_named = kUnknown;
  std::uint32_t year_named_at = ~0u;
  // The latest quarter over before the DCT's that the text named ("the September
  // quarter", "third-quarter profit", "the July-September quarter"): "in the quarter"
  // and "the previous quarter" count from it (note_quarter).
  Value named_quarter;
  named_quarter.granularity = Granularity::Quarter;

  for (std::size_t at = 0; at < matches.size(); ++at) {
    const timex::PatternMatch& m = matches[at];
    const std::uint32_t slot = next_slot;
    if (at + 1 < matches.size()) parts_cache.prefetch(next_slot = part_slot(at + 1));
    if (m.rule == Rule::Reject) continue;
    lex(text, m.begin, m.end, L);
    if (L.n == 0) continue;

    const std::size_t tok = cx.token_from(cursor, m.begin);
    const std::size_t tok_end = cx.token_from(tok, m.end);
    cursor = tok;
    // A date starts where a token starts ("@Dec.e" or "x2019" hold none); this
    // also keeps `tok` a valid index below.
    if (tok >= tokens.tokens.size() || tokens.tokens[tok].span.begin != m.begin) continue;

    Parts p = parts_cache.parts(std::string_view(text.data() + m.begin, m.end - m.begin), slot, L);
    // Only a year the text writes moves the anchor: a second "the previous year"
    // in a report is the same year as the first, not the one before it.
    const bool explicit_year = p.year != kUnknown;
    const std::string_view prev = tok > 0 ? cx.surface(tok - 1) : std::string_view{};
    const std::string_view next = tok_end < tokens.tokens.size() ? cx.surface(tok_end) : std::string_view{};
    const bool bare = p.mod == Mod::None && p.core == 0;
    std::size_t n_emit = 0;
    auto emit = [&](std::uint32_t b, std::uint32_t e, Value v, Mod mod) {
      if (n_emit < emits.size()) emits[n_emit++] = Emit{b, e, v, mod};
    };
    auto month_ok = [&]() {
      if (p.month_lower && !(p.has_rel)) return false;
      return true;
    };

    switch (m.rule) {
      case Rule::Reject:
        break;
      case Rule::IsoDate: {
        const int y = L.v[0].num, mo = L.n > 2 ? L.v[2].num : 0, d = L.n > 4 ? L.v[4].num : 0;
        if (check_day(y, mo, d)) emit(m.begin, m.end, make_day(y, mo, d), Mod::None);
        break;
      }
      case Rule::IsoWeek: {
        Value v;
        v.granularity = Granularity::Week;
        v.year = L.v[0].num;
        std::size_t k = 1;
        while (k < L.n && L.v[k].kind != Lex::Word) ++k;
        // "W50" lexes as the word "W" then 50.
        if (k + 1 < L.n) v.week = L.v[k + 1].num;
        if (v.week >= 1 && v.week <= 53) emit(m.begin, m.end, v, Mod::None);
        break;
      }
      case Rule::NumericDate: {
        if (L.n < 5) break;
        const int a = L.v[0].num, b = L.v[2].num;
        int y = L.v[4].num;
        const bool dots = L.v[1].text == ".";
        if (L.v[4].text.size() == 2) y = timex::expand_two_digit_year(y, dct);
        const auto [mo, d] = timex::numeric_month_day(a, b, dots, impl_->order);
        // Reject fractions and scores: the neighbours must not be digits or slashes.
        const char after = m.end < text.size() ? text[m.end] : ' ';
        if (after == '/' || is_digit(after)) break;
        if (check_day(y, mo, d)) emit(m.begin, m.end, make_day(y, mo, d), Mod::None);
        break;
      }
      case Rule::DayMonAbbrYear: {
        if (L.n < 5) break;
        const int d = L.v[0].num;
        const int mo = month_of(L.v[2].text);
        int y = L.v[4].num;
        if (L.v[4].text.size() == 2) y = timex::expand_two_digit_year(y, dct);
        if (check_day(y, mo, d)) emit(m.begin, m.end, make_day(y, mo, d), Mod::None);
        break;
      }
      case Rule::MonthDay:
      case Rule::MonthOrdWord:
      case Rule::DayMonth:
      case Rule::OrdWordMonth: {
        if (!month_ok() || p.month == 0 || p.day == 0) break;
        // "May 5" needs a capital; an abbreviation without a dot needs one too.
        int y = p.year;
        // A day range "9 to 11 July": its first day (d1) is a DATE too, and the
        // tense is read before it ("will meet from 9 to 11 July").
        const int d1 = m.rule == Rule::DayMonth && L.v[0].kind == Lex::Num ? range_start_day(cx, tok, p.day, last_end) : 0;
        if (y == kUnknown && p.has_rel) {
          const Direction dir = p.rel < 0 ? Direction::Past : p.rel > 0 ? Direction::Future : Direction::Same;
          y = timex::resolve_year(dct, p.month, p.day, dir);
        } else if (y == kUnknown) {
          // (the tense only where it can decide: no year written, a DCT to count from)
          const std::size_t t0 = d1 > 0 ? tok - 2 : tok;
          int tense = dct ? month_tense(cx, t0, true) : 0;
          // "for the year ending March 31": a period's end, as for a month alone
          if (tense == 0 && dct && period_end_before(cx, t0) && month_half_year_ahead(*dct, p.month) &&
              tense_before(cx, t0) != -1)
            tense = +1;
          // "must report by Jan. 9": a deadline day told in no past tense
          y = tense == 0 && dct && deadline_before(cx, t0) && (tense_before(cx, t0) != -1 || ordered_until(cx, t0))
                  ? nearer_year(*dct, p.month, p.day)
                  : year_for(dct, p.month, p.day, tense);
          // "Wednesday, Jan. 8" names its weekday: when the year chosen has another
          // one, the year before or after that has it (nearer the DCT first), if
          // within 9 months of the DCT (further off, the writer more likely erred:
          // "Labor Day, Monday, September 1" in 1996, whose was the 2nd).
          if (p.weekday && dct && check_day(y, p.month, p.day)) {
            const auto weekday_in = [&](int yy) {
              const timex::Ymd ymd = make_ymd(yy, p.month, p.day);
              const auto away = (std::chrono::sys_days{ymd} - std::chrono::sys_days{*dct}).count();
              return ymd.ok() && away < 270 && away > -270 && iso_weekday(ymd) == p.weekday;
            };
            if (!weekday_in(y)) {
              const bool later_first = y < static_cast<int>(dct->year());
              for (const int yy : {later_first ? y + 1 : y - 1, later_first ? y - 1 : y + 1})
                if (weekday_in(yy)) {
                  y = yy;
                  break;
                }
            }
          }
        }
        if (!check_day(y, p.month, p.day)) break;
        // A day range "9 to 11 July" / "9-11 July" / "between 9 and 11 July": the
        // first day takes the month and year of the second.
        if (d1 > 0) {
          const auto& t1 = tokens.tokens[tok - 2];
          emit(t1.span.begin, t1.span.end, make_day(y, p.month, d1), Mod::None);
        }
        // "the week of March 6" names that day's ISO week (TimeML: a week value);
        // without a year the same span, its week unknown (XXXX-WXX).
        if (d1 == 0 && tok >= 3 && ieq(cx.surface(tok - 3), "the") &&
            ieq(cx.surface(tok - 2), "week") && ieq(cx.surface(tok - 1), "of") &&
            tokens.tokens[tok - 3].span.begin >= last_end) {
          Value v;
          v.granularity = Granularity::Week;
          if (y != kUnknown) {
            const auto w = timex::iso_week(make_ymd(y, p.month, p.day));
            v.year = w.year;
            v.week = w.week;
          }
          emit(tokens.tokens[tok - 3].span.begin, m.end, v, p.mod);
          break;
        }
        emit(m.begin, m.end, make_day(y, p.month, p.day), p.mod);
        // A day range "January 21-23" / "January 21 to 23", or two days "June 5
        // and 6": the second day too.
        if (m.rule == Rule::MonthDay && p.year == kUnknown) {
          std::size_t k = m.end;
          while (k < text.size() && text[k] == ' ') ++k;
          std::size_t dash = k;
          bool joined_by_and = false;
          if (k < text.size() && text[k] == '-') ++k;
          else if (text.compare(k, 3, "\xE2\x80\x93") == 0) k += 3;
          else if (text.compare(k, 2, "to") == 0 && k + 2 < text.size() && text[k + 2] == ' ') k += 3;
          else if (text.compare(k, 3, "and") == 0 && k + 3 < text.size() && text[k + 3] == ' ')
            k += 4, joined_by_and = true;
          if (k == dash) break;
          while (k < text.size() && text[k] == ' ') ++k;
          std::size_t e = k;
          int d2 = 0;
          while (e < text.size() && is_digit(text[e]) && e - k < 2) d2 = d2 * 10 + (text[e++] - '0');
          if (e == k || (e < text.size() && (is_digit(text[e]) || is_alpha(text[e])))) break;
          // after "and" a count may follow ("on June 5 and 6 others"): only a
          // number that ends the clause is a day
          if (joined_by_and && e < text.size() && !(text[e] == ',' || text[e] == '.' || text[e] == ';' ||
                                                    text[e] == ')' || text[e] == '\n'))
            break;
          if (d2 > p.day && check_day(y, p.month, d2))
            emit(static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(e), make_day(y, p.month, d2),
                 Mod::None);
        }
        break;
      }
      case Rule::MonthYear: {
        if (!month_ok() || p.month == 0) break;
        if (p.year == kUnknown && p.has_rel && dct) p.year = static_cast<int>(dct->year()) + p.rel;
        if (p.year == kUnknown && !p.has_rel) break;
        if (const auto wk = p.mod == Mod::None ? week_of_month_before(cx, tok, last_end) : std::nullopt) {
          emit(wk->begin, m.end, make_month(p.year, p.month), wk->mod);
          break;
        }
        if (p.half) {
          Value v;
          v.granularity = Granularity::Half;
          v.year = p.year;
          v.part = p.half;
          emit(m.begin, m.end, make_month(p.year, p.month), p.mod);
          break;
        }
        emit(m.begin, m.end, make_month(p.year, p.month), p.mod);
        break;
      }
      case Rule::Relative: {
        const int r = p.rel;
        if (p.month) {
          const Direction dir = r < 0 ? Direction::Past : r > 0 ? Direction::Future : Direction::Same;
          emit(m.begin, m.end, make_month(timex::resolve_year(dct, p.month, 0, dir), p.month), p.mod);
        } else if (p.weekday && p.anaphoric && anchor_day) {
          // "the previous Friday", "the following Monday": the nearest such day
          // before / after the last day the text dated, as for "the next day".
          const int from = iso_weekday(*anchor_day);
          int days = r < 0 ? (from - p.weekday + 7) % 7 : (p.weekday - from + 7) % 7;
          if (days == 0) days = 7;
          emit(m.begin, m.end, timex::day_value(timex::add_days(*anchor_day, r < 0 ? -days : days)), p.mod);
        } else if (p.weekday && p.next_word) {
          emit(m.begin, m.end, next_weekday(dct, p.weekday), p.mod);
        } else if (p.weekday && r == 0) {
          emit(m.begin, m.end, this_weekday(cx, tok, dct, p.weekday), p.mod);
        } else if (p.weekday) {
          const Direction dir = r < 0 ? Direction::Past : r > 0 ? Direction::Future : Direction::Same;
          emit(m.begin, m.end, timex::resolve_weekday(dct, p.weekday, dir), p.mod);
        } else if (static_cast<int>(p.season)) {
          // "this spring" told in the future is the coming one ("would begin this spring" said in November)
          const Direction dir = r < 0   ? Direction::Past
                                : r > 0 ? Direction::Future
                                : tense_before(cx, tok) > 0 ? Direction::FutureOrSame
                                                            : Direction::Same;
          Value v;
          v.granularity = Granularity::Season;
          v.year = timex::resolve_season_year(dct, p.season, dir);
          v.part = static_cast<int>(p.season);
          emit(m.begin, m.end, v, p.mod);
        } else {
          // The unit is the last word.
          const std::string_view u = L.v[L.n - 1].text;
          if (ieq(u, "day") || ieq(u, "morning")) {
            // "the next day" (or "morning"), "the previous day", "that same day": a day from the
            // last day the text dated ("On Tuesday ... The next day"), as TimeML
            // anchors them; a day of unknown number when a month was dated since
            // ("last October ... that same day" is 1998-10-XX); else from the DCT
            // ("the previous day's close"). "the next day or two" is a duration.
            if (ieq(next, "or")) break;
            emit(m.begin, m.end,
                 anchor_day             ? timex::day_value(timex::add_days(*anchor_day, r))
                 : month_anchor != kUnknown ? make_day(month_anchor_year, month_anchor, kUnknown)
                                       : timex::shift(dct, Unit::Day, r),
                 p.mod);
            break;
          }
          // "the last week of May": the month's, read where the month is.
          if (ieq(u, "week") && ieq(next, "of") && tok_end + 1 < tokens.tokens.size() &&
              month_of(cx.surface(tok_end + 1)) != 0)
            break;
          Unit unit = Unit::Year;
          if (ieq(u, "week")) unit = Unit::Week;
          else if (ieq(u, "weekend")) unit = Unit::Weekend;
          else if (ieq(u, "month")) unit = Unit::Month;
          else if (ieq(u, "quarter")) unit = Unit::Quarter;
          else if (ieq(u, "decade")) unit = Unit::Decade;
          else if (ieq(u, "century")) unit = Unit::Century;
          Value v = timex::shift(dct, unit, r);
          // (not when told in the future of a year before the DCT's: "will then travel to
          // Edinburgh the following year", a year written paragraphs before)
          // "later that year", "earlier that month": the one the text dated, as "the following year" counts
          const bool anaphoric = p.anaphoric || (L.n >= 3 && ieq(L.v[L.n - 2].text, "that"));
          if (anaphoric && unit == Unit::Year && anchor_year != kUnknown &&
              !(dct && anchor_year + r < static_cast<int>(dct->year()) && tense_before(cx, tok) > 0)) {
            v = make_year(anchor_year + r);
          } else if (anaphoric && unit == Unit::Month && dated_month != kUnknown) {
            // "In March, ... The following month": from the last month the text
            // dated (TimeML anchors it on the text's time), resolved or written
            // (every month anchor_month holds was dated_month too).
            v = month_after(dated_month_year, dated_month, r);
          } else if (anaphoric && unit == Unit::Quarter && named_quarter.year != kUnknown) {
            v = quarter_named_before(named_quarter, 0, r);  // "rose 6% from the previous quarter"
          }
          Mod mod = p.mod;
          if (p.half && unit == Unit::Year) {
            v.granularity = Granularity::Half;
            v.part = p.half;
            mod = Mod::None;
          }
          emit(m.begin, m.end, v, mod);
        }
        break;
      }
      case Rule::Month: {
        if (p.month == 0 || p.month_lower) break;
        if (p.month_abbr_nodot) break;
        if (m.begin < last_end) break;  // the second month of "the January-March period"
        // "the July-September quarter": a calendar quarter named by its months
        const std::size_t range_to = bare ? month_range_at(cx, tok) : 0;
        if (std::size_t e = range_to ? quarter_of_months_end(cx, tok, range_to) : 0) {
          const std::size_t b = ieq(prev, "the") && tokens.tokens[tok - 1].span.begin >= last_end ? tok - 1 : tok;
          Value v;
          v.granularity = Granularity::Quarter;
          v.part = (p.month + 2) / 3;
          v.year = dct ? bare_quarter_year(cx, b, e, *dct, v.part, false) : kUnknown;
          // "the April-June quarter of 2028": the year written after it
          if (e + 1 < tokens.tokens.size() && ieq(cx.surface(e), "of") && cx.surface(e + 1).size() == 4 &&
              tokens.tokens[e + 1].shape == text::Shape::Digits) {
            const std::string_view w = cx.surface(e + 1);
            const int y = (w[0] - '0') * 1000 + (w[1] - '0') * 100 + (w[2] - '0') * 10 + (w[3] - '0');
            if (y >= 1000 && y <= 2099) v.year = y, e += 2;
          }
          if (dct) note_quarter(v, *dct, named_quarter);
          emit(tokens.tokens[b].span.begin, tokens.tokens[e - 1].span.end, v, Mod::None);
          break;
        }
        const auto week_of = bare ? week_of_month_before(cx, tok, last_end) : std::nullopt;
        if (week_of) {
          emit(week_of->begin, m.end, make_month(year_for(dct, p.month, 0, month_tense(cx, week_of->tok, false)), p.month),
               week_of->mod);
          break;
        }
        if (bare && prev == "," && month_as_given_name(cx, tok, tok_end)) break;
        if (bare) {
          const bool cue = is_date_cue(prev) || range_to;  // "in the March-May quarter": a range
          // "April Smith and June Carter": a capitalized word after the month is a name
          // unless a preposition makes the month a date.
          if (!next.empty() && is_upper_initial(next) && tok_end < tokens.tokens.size() &&
              !tokens.tokens[tok_end].newline_before &&
              !kBeforeName.contains(prev))
            break;
          if (!cue) {
            // Without a cue: not the verb/name readings, not inside a name.
            if (p.month == 5 || p.month == 3 || p.month == 8) break;
            if (tok > 0 && !tokens.tokens[tok].sentence_start &&
                tokens.tokens[tok - 1].shape == text::Shape::Capitalized)
              break;
            if (!next.empty() && is_upper_initial(next) && tok_end < tokens.tokens.size() &&
                !tokens.tokens[tok_end].newline_before)
              break;
          } else if (p.month == 5) {
            // "in May" yes; "to May" / "and May" (a name in a list) only before a
            // date-ish word, or after a month just dated ("in April and May").
            // Not before a reporting verb: "talks in April and May told MPs" is the name.
            const bool after_month = tok >= 2 && tokens.tokens[tok - 2].span.end == last_end &&
                                     month_of(cx.surface(tok - 2)) != 0 &&
                                     !(tok_end < tokens.tokens.size() &&
                                       tense_cue(tokens.tokens[tok_end].fold_hash, next) == -2);
            if (kListJoiners.contains(prev) && !after_month)
              break;
          }
        }
        // "Last year, the festival fell in mid-September": the year that frames the
        // sentence is the month's.
        if (year_named_at != ~0u && year_named_at == tokens.tokens[tok].sentence) {
          emit(m.begin, m.end, make_month(year_named, p.month), p.mod);
          break;
        }
        // "will publish January retail figures": a month's statistics are of a past month.
        int tense = statistics_after(cx, tok_end) ? -1 : month_tense(cx, tok, false);
        if (tense == 0 && dct && period_end_before(cx, tok) && tense_before(cx, tok) != -1)
          tense = month_half_year_ahead(*dct, p.month) ? +1 : 0;
        if (tense == 0 && dct && again_before(cx, tok) && tense_before(cx, tok) == 0) {
          emit(m.begin, m.end, make_month(nearer_year(*dct, p.month, 15), p.month), p.mod);
          break;
        }
        emit(m.begin, m.end, make_month(year_for(dct, p.month, 0, tense), p.month), p.mod);
        break;
      }
      case Rule::Weekday: {
        if (p.core >= L.n || !is_upper_initial(L.v[p.core].text)) break;
        // A bare weekday between two capitalized words is a name's part: "the
        // Good Friday Agreement", "the Bloody Sunday Inquiry".
        if (tok_end == tok + 1 && tok > 0 && !tokens.tokens[tok].sentence_start &&
            tokens.tokens[tok - 1].shape == text::Shape::Capitalized && !tokens.tokens[tok - 1].sentence_start &&
            !next.empty() && is_upper_initial(next) &&
            !tokens.tokens[tok_end].newline_before)
          break;
        if (tok_end == tok + 1 && weekday_in_name(cx, tok)) break;
        // Days named in a list of opening hours / schedules are sets; plural handled by \b.
        // A future cue looks forward, but not past the DCT's own weekday: in wire
        // copy "Arafat will meet Peres on Thursday" dated a Thursday is that day
        // (as is "said on Thursday"), so the DCT stays the answer either way.
        if (p.has_rel) {
          // "Wednesday next week", "Friday of last week": that weekday of the week named.
          emit(m.begin, m.end, weekday_of_week(dct, p.weekday, p.rel), p.mod);
          break;
        }
        // British "Friday week": a week after the coming Friday (the DCT's own
        // weekday counts as the coming one: "Friday week" said on a Friday is a
        // week on). Before a hyphen ("the Friday week-long festival") the weekday alone.
        std::uint32_t end = m.end;
        if (L.n > 1 && ieq(L.v[L.n - 1].text, "week") && end < text.size() && text[end] == '-')
          end = L.v[L.n - 2].begin + static_cast<std::uint32_t>(L.v[L.n - 2].text.size());
        else if (L.v[L.n - 1].kind == Lex::Word && ieq(L.v[L.n - 1].text, "week")) {
          Value v = timex::resolve_weekday(dct, p.weekday, Direction::FutureOrSame);
          if (dct && v.year != kUnknown)
            v = timex::day_value(timex::add_days(make_ymd(v.year, v.month, v.day), 7));
          emit(m.begin, m.end, v, p.mod);
          break;
        }
        int tense = tense_before(cx, tok);
        if (tense > 0 && closing_price_before(cx, tok)) tense = -1;
        if ((tense == 0 && (deadline_before(cx, tok, true) || copula_before(cx, tok))) ||
            (tense < 0 && ordered_until(cx, tok, true)))
          tense = +1;
        Direction dir = tense_direction(tense, Direction::PastOrSame);
        if (tense < 0 && called_off_for(cx, tok)) dir = Direction::Nearest;
        // "early on Thursday", "late on Friday": as "early Thursday" (mod START / END)
        std::uint32_t begin = m.begin;
        Mod mod = p.mod;
        if (mod == Mod::None && tok >= 2 && tok_end == tok + 1 && ieq(cx.surface(tok - 1), "on") &&
            (ieq(cx.surface(tok - 2), "early") || ieq(cx.surface(tok - 2), "late")) &&
            tokens.tokens[tok - 2].sentence == tokens.tokens[tok].sentence) {
          begin = tokens.tokens[tok - 2].span.begin;
          mod = ieq(cx.surface(tok - 2), "early") ? Mod::Start : Mod::End;
        }
        emit(begin, end, timex::resolve_weekday(dct, p.weekday, dir), mod);
        break;
      }
      case Rule::Year: {
        // FY98 / FY 2019
        int y = p.year;
        bool fiscal = false, the_year = false;
        for (std::size_t i = 0; i < L.n; ++i) {
          if (L.v[i].kind != Lex::Word) continue;
          if (ieq(L.v[i].text, "fiscal") || ieq(L.v[i].text, "financial")) fiscal = true;
          if (ieq(L.v[i].text, "year") || ieq(L.v[i].text, "calendar") || ieq(L.v[i].text, "model"))
            the_year = true;
          if (ieq(L.v[i].text, "fy")) {
            fiscal = true;
            if (i + 1 < L.n && L.v[i + 1].kind == Lex::Num && L.v[i + 1].text.size() == 2)
              y = timex::expand_two_digit_year(L.v[i + 1].num, dct);
          }
        }
        if (y == kUnknown) break;
        // "at the end of the 2025-26 school year": no date, nor a cut one; but a fiscal
        // year so written is labelled by its second year ("fiscal year 2025-26" is FY26).
        if (two_year_season_after(text, m.end, y)) {
          if (fiscal) emit(m.begin, m.end + 3, make_year(y + 1), p.mod);
          break;
        }
        if (y < 1500 && !fiscal) {
          if (const auto cy = other_calendar_year_at(cx, tok, tok_end, y)) {
            if (cy->year != kUnknown && tokens.tokens[cy->begin].span.begin >= last_end)
              emit(tokens.tokens[cy->begin].span.begin, tokens.tokens[cy->end - 1].span.end, make_year(cy->year),
                   Mod::None);
            break;
          }
        }
        if (bare && !fiscal && !the_year) {
          // A bare number: only in a date-like context.
          const char before = m.begin > 0 ? text[m.begin - 1] : ' ';
          const char after = m.end < text.size() ? text[m.end] : ' ';
          // "over 2028-2034": a range of years is two DATEs.
          const bool dash_range = dash_range_year(text, m.begin, m.end, y) != kUnknown;
          if (before == '$' || before == '#' || before == '.' || before == ',' || (before == '-' && !dash_range) ||
              before == '+' || before == ':')
            break;
          if (after == '%' || after == ':' || (after == '-' && !dash_range) ||
              (after == ',' && m.end + 1 < text.size() && is_digit(text[m.end + 1])) ||
              (after == '.' && m.end + 1 < text.size() && is_digit(text[m.end + 1])))
            break;
          if (y < 1900 && !kOldYearCues.contains(prev))
            break;
          const bool strong = kYearCues.contains(prev);
          bool ok = strong || dash_range;
          // "covers 2028 to 2034": the first year of a range, before a later one.
          if (!ok && (ieq(next, "to") || ieq(next, "through")) && tok_end + 1 < tokens.tokens.size() &&
              tokens.tokens[tok_end + 1].sentence == tokens.tokens[tok].sentence) {
            const std::string_view w2 = cx.surface(tok_end + 1);
            int y2 = 0;
            for (const char c : w2) y2 = y2 * 10 + (c - '0');
            ok = tokens.tokens[tok_end + 1].shape == text::Shape::Digits && w2.size() == 4 && y2 > y && y2 - y <= 100;
          }
          if (!ok && kRangeJoiners.contains(prev)) {
            // "from 1991 to 1997", "between 1990 and 1995": a year just before.
            for (std::size_t k = 2; k <= 4 && tok >= k; ++k) {
              const auto& t = tokens.tokens[tok - k];
              if (t.shape == text::Shape::Digits && t.span.size() == 4) ok = true;
            }
          }
          if (!ok && ieq(prev, "than") && tok >= 2) {
            // "no later than 2019": a time comparative (not "more than 2019 people").
            ok = kTimeComparatives.contains(cx.surface(tok - 2));
          }
          if (!ok && kDeterminers.contains(prev)) {
            // "the 1990 election": a word follows.
            ok = !next.empty() && is_alpha(next[0]);
          }
          if (!ok) {
            // Sentence-initial or parenthetical "1956." / "(1956)".
            ok = (tok == 0 || tokens.tokens[tok].sentence_start || prev == "," || prev == "(") &&
                 (next.empty() || next == "," || next == "." || next == ")" || next == ";");
          }
          if (!ok || clock_time_at(cx, tok)) break;
        }
        if (p.half) {
          Value v;
          v.granularity = Granularity::Half;
          v.year = y;
          v.part = p.half;
          emit(m.begin, m.end, v, Mod::None);
          break;
        }
        if (fiscal && p.mod == Mod::None) {
          // "Q3 FY25", "H1 FY26": that quarter or half of the fiscal year named
          Value v = make_year(y);
          std::uint32_t begin = m.begin;
          if (fiscal_part_before(text, m.begin, v, begin)) {
            emit(begin, m.end, v, Mod::None);
            break;
          }
        }
        // "through calendar 2026": as "fiscal 2026", the word is the date's
        emit(bare && ieq(prev, "calendar") ? tokens.tokens[tok - 1].span.begin : m.begin, m.end, make_year(y), p.mod);
        break;
      }
      case Rule::SpelledYear: {
        std::size_t i = 0;
        bool year2000 = false;
        while (i < L.n && L.v[i].kind == Lex::Word &&
               (ieq(L.v[i].text, "the") || ieq(L.v[i].text, "year")))
          ++i;
        if (i < L.n && ieq(L.v[i].text, "two")) year2000 = true;
        int y = kUnknown;
        if (year2000) {
          i += 2;  // two thousand
          if (i < L.n && ieq(L.v[i].text, "and")) ++i;
          const int rest = read_cardinal(L, i);
          y = 2000 + std::max(rest, 0);
        } else {
          const int c = cardinal_of(L.v[i].text);  // nineteen / twenty
          ++i;
          int rest = 0;
          if (i < L.n && ieq(L.v[i].text, "hundred")) rest = 0;
          else if (i < L.n && ieq(L.v[i].text, "oh")) {
            ++i;
            rest = read_cardinal(L, i);
          } else rest = read_cardinal(L, i);
          if (c > 0 && rest >= 0 && rest < 100) y = c * 100 + rest;
        }
        if (y != kUnknown) emit(m.begin, m.end, make_year(y), p.mod);
        break;
      }
      case Rule::Decade: {
        Value v;
        bool apos = false;
        for (std::size_t i = p.core; i < L.n; ++i) {
          const Lex& l = L.v[i];
          if (l.kind == Lex::Num) {
            apos = l.apostrophe;
            if (l.text.size() == 4) {
              // "the 1900s" reads as a century; "the (mid-)2000s" as the decade
              // 2000-2009: news names the current century "the 21st century".
              if (l.num % 100 == 0 && l.num != 2000) {
                v.granularity = Granularity::Century;
                v.year = l.num / 100;
              } else {
                v.granularity = Granularity::Decade;
                v.year = l.num / 10;
              }
            } else if (l.text.size() == 2) {
              v.granularity = Granularity::Decade;
              const int d = l.num / 10;
              v.year = (d <= 1 ? 200 : 190) + d;
            }
          } else if (l.kind == Lex::Word) {
            const int w = index_in(l.text, kDecadeWords);
            if (w >= 0) {
              v.granularity = Granularity::Decade;
              v.year = 192 + w;
            }
          }
        }
        if (v.year == kUnknown) break;
        // "the 90s" needs the article, a modifier or an apostrophe (not "in his 90s").
        const bool four = v.granularity == Granularity::Century ||
                          (v.year >= 100 && m.end - m.begin >= 5 && !apos && !p.has_the
                               ? true
                               : false);
        if (!p.has_the && p.mod == Mod::None && !apos && !four && !second_decade_of_pair(out, first_out, m.begin, prev, v))
          break;
        if (kPossessives.contains(prev)) break;
        emit(m.begin, m.end, v, p.mod);
        break;
      }
      case Rule::Century: {
        int n = 0;
        for (std::size_t i = p.core; i < L.n; ++i) {
          if (L.v[i].kind == Lex::Num) n = L.v[i].num;
          else {
            std::size_t k = i;
            const int o = read_ordinal(L, k);
            if (o > 0) n = o;
          }
        }
        if (n < 1 || n > 30) break;
        Value v;
        v.granularity = Granularity::Century;
        v.year = n - 1;
        emit(m.begin, m.end, v, p.mod);
        break;
      }
      case Rule::Quarter: {
        // inside "the July-September quarter"; before a fiscal year, "Q3 FY25" (Rule::Year)
        if (m.begin < last_end || (m.end - m.begin == 2 && fiscal_label(next)) || opens_compound(text, m.end)) break;
        int q = 0, y = p.year, yshift = 0, rel = 0;
        bool has_rel = false, latest = false, det = false, of_year = false, period = false, fiscal = false;
        bool year_named = false;  // "this year's", "of next year": the year is given
        for (std::size_t i = p.core; i < L.n; ++i) {
          const Lex& l = L.v[i];
          if (l.kind == Lex::Word) {
            const std::string_view w = l.text;
            if ((w.size() == 1 && lower(w[0]) == 'q') && i + 1 < L.n && L.v[i + 1].kind == Lex::Num &&
                L.v[i + 1].begin == l.begin + 1) {
              q = L.v[i + 1].num;
              ++i;
              continue;
            }
            const int o = ordinal_of(w);
            if (o >= 1 && o <= 4) q = o;
            else if (ieq(w, "final")) q = 4;
            else if ((ieq(w, "last") || ieq(w, "next") || ieq(w, "this")) && i + 1 < L.n &&
                     ieq(L.v[i + 1].text, "year")) {
              // "the first quarter of next year", "the fourth quarter last year":
              // the relation is on the year.
              yshift = ieq(w, "last") ? -1 : ieq(w, "next") ? +1 : 0;
              year_named = true;
              ++i;
            } else if (ieq(w, "last")) {
              // "last quarter" (relative) vs "the last quarter of 1990" (Q4): decided below.
              rel = -1, has_rel = true;
            } else if (ieq(w, "next")) rel = +1, has_rel = true;
            else if (ieq(w, "this") || ieq(w, "current")) has_rel = true;
            else if (ieq(w, "the") || ieq(w, "its") || ieq(w, "that")) det = true;
            else if (ieq(w, "latest") || ieq(w, "same") || ieq(w, "recent") || ieq(w, "flat") ||
                     ieq(w, "previous"))
              latest = true;
            else if (ieq(w, "ago") || ieq(w, "earlier")) yshift = -1;
            else if (ieq(w, "of")) of_year = true;
            else if (ieq(w, "period")) period = true;
            else if (ieq(w, "fiscal")) fiscal = true;
            else if (ieq(w, "year") && i + 1 < L.n && L.v[i + 1].kind == Lex::Punct &&
                     L.v[i + 1].text == "'") {
              // "last year's third quarter": the relation is on the year.
              if (has_rel) yshift = rel, has_rel = false, rel = 0, year_named = true;
            }
          } else if (l.kind == Lex::Num && l.suffix.size() == 2 && l.num >= 1 && l.num <= 4) {
            q = l.num;
          } else if (l.kind == Lex::Num && l.suffix.size() == 1 && lower(l.suffix[0]) == 'q' && l.num >= 1 &&
                     l.num <= 4) {
            // "1Q19", "3Q 2018" (the analysts' order of "Q3 2018")
            q = l.num;
            if (i + 1 < L.n && L.v[i + 1].kind == Lex::Num && L.v[i + 1].text.size() == 2 && L.v[i + 1].suffix.empty())
              y = timex::expand_two_digit_year(L.v[i + 1].num, dct), ++i;
          } else if (l.kind == Lex::Num && l.text.size() == 4 && l.suffix.size() == 1) {
            y = l.num;  // "2019's first quarter"
          }
        }
        // "the quarter ended Sept. 30", "the quarter ending in March": the quarter that
        // month ends ("ended" the past one; "ending" as a month that ends a period).
        if (!q && det && !has_rel && y == kUnknown && dct && (ieq(next, "ended") || ieq(next, "ending"))) {
          std::size_t k = tok_end + 1;
          if (k < tokens.tokens.size() && ieq(cx.surface(k), "in")) ++k;
          const int mo = k < tokens.tokens.size() ? month_of(cx.surface(k)) : 0;
          if (mo != 0 && mo % 3 == 0) {
            q = mo / 3;
            y = year_for(dct, mo, 0, ieq(next, "ending") && month_half_year_ahead(*dct, mo) ? +1 : -1);
          }
        }
        // "the March quarter" (Australian and US company usage): the quarter
        // ending that month; a month starting a quarter names none.
        if (!q && p.month) {
          if (p.month % 3 != 0 || p.month_lower) break;
          q = p.month / 3;
        }
        if (has_rel && rel == -1 && of_year && y != kUnknown) q = 4, has_rel = false;
        // "slipped for a third quarter in a row" / "another second quarter,": a
        // count of quarters, not a dated one (unlike "a third-quarter profit").
        if (q && y == kUnknown && (ieq(prev, "a") || ieq(prev, "another")) &&
            (next.empty() || ieq(next, "in") || ieq(next, "running") || ieq(next, "straight") ||
             (next.size() == 1 && !is_upper_initial(next) && !(next[0] >= 'a' && next[0] <= 'z'))))
          break;
        // "left in the third quarter with an injury": in a sports report a quarter
        // without a year is a period of the game (is_game_period).
        if (sports && q && y == kUnknown && !fiscal && !year_named && yshift == 0 && !latest &&
            is_game_period(cx, tok, L, next))
          break;
        Value v;
        v.granularity = Granularity::Quarter;
        if (q && y == kUnknown && latest && yshift == 0 && dct) {
          // "the latest third quarter": the reported one.
          v = timex::reported_quarter(dct, 0);
          v.part = q;
        } else if (q) {
          v.part = q;
          if (y == kUnknown && dct) {
            y = static_cast<int>(dct->year()) + yshift;
            if (yshift == 0 && !year_named && !latest) y = bare_quarter_year(cx, tok, tok_end, *dct, q, fiscal);
          }
          v.year = y;
          if (dct) note_quarter(v, *dct, named_quarter);
        } else if (has_rel) {
          v = timex::shift(dct, Unit::Quarter, rel);
        } else if (latest || det || yshift || period) {
          if (!det && !latest && !yshift && !period) break;
          if (L.n > 0 && L.v[0].kind == Lex::Word && ieq(L.v[0].text, "a") && !latest) break;
          v = named_quarter.year != kUnknown ? quarter_named_before(named_quarter, yshift, 0)
                                             : timex::reported_quarter(dct, yshift);
          if (y != kUnknown) v.year = y;
        } else {
          break;
        }
        emit(m.begin, m.end, v, p.mod);
        break;
      }
      case Rule::Half: {
        int h = 0, y = p.year, yshift = 0;
        for (std::size_t i = 0; i < L.n; ++i) {
          const Lex& l = L.v[i];
          if (l.kind != Lex::Word) continue;
          if (ieq(l.text, "first")) h = 1;
          else if (ieq(l.text, "second")) h = 2;
          else if (ieq(l.text, "h") && i + 1 < L.n) h = L.v[i + 1].num;
          else if (ieq(l.text, "last")) yshift = -1;
          else if (ieq(l.text, "next")) yshift = +1;
        }
        if (y == kUnknown && L.n == 3) {
          // "first-half profit": a company's half year before a word of its
          // accounts, not a match's ("a first-half goal"); a second half still
          // to come is last year's unless told in the future.
          if (!kAccountsWords.contains(next)) break;
          if (h == 2 && dct && static_cast<unsigned>(dct->month()) <= 6 && tense_before(cx, tok) <= 0) yshift = -1;
        }
        if (y == kUnknown && dct) y = static_cast<int>(dct->year()) + yshift;
        Value v;
        v.granularity = Granularity::Half;
        v.year = y;
        v.part = h;
        if (h == 1 || h == 2) emit(m.begin, m.end, v, Mod::None);
        break;
      }
      case Rule::Season: {
        if (static_cast<int>(p.season) == 0) break;
        const bool fall = p.season == timex::Season::Fall &&
                          ieq(text.substr(L.v[L.n - 1].begin, 4), "fall");
        if (season_word_last(L) && event_of_name_after(cx, tok_end)) break;
        if (p.year == kUnknown && !p.has_rel && p.mod == Mod::None) {
          // Bare "summer" / "the summer": only after a preposition.
          if (!kSeasonCues.contains(prev))
            break;
          if (fall && !p.has_the) break;
        }
        Value v;
        v.granularity = Granularity::Season;
        v.part = static_cast<int>(p.season);
        if (p.year != kUnknown) {
          v.year = p.year;
          // "the winter of 1944-45": the winter that starts in the first year, which
          // TIMEX3 names by it (another season over two years, "the summer of 2019-20" of the
          // southern hemisphere, is none)
          if (two_year_season_after(text, m.end, p.year)) {
            if (p.season == timex::Season::Winter) emit(m.begin, m.end + 3, v, p.mod);
            break;
          }
        } else if (ieq(L.v[L.n - 1].text, "year")) {
          // "the spring of next year", "summer last year": the year names it.
          v.year = dct ? static_cast<int>(dct->year()) + p.rel : kUnknown;
        } else {
          // "by the summer", "until winter": a deadline looks forward, as before a
          // month, and so does a future cue ("talks will resume in the spring").
          const Direction dir = !p.has_rel ? (deadline_before(cx, tok) || tense_before(cx, tok) > 0
                                                  ? (ieq(prev, "in") && season_ending(dct, p.season)
                                                         ? Direction::Future
                                                         : Direction::FutureOrSame)
                                                  : Direction::Nearest)
                                : p.rel < 0 ? Direction::Past
                                : p.rel > 0 ? Direction::Future
                                            : Direction::Same;
          v.year = timex::resolve_season_year(dct, p.season, dir);
        }
        emit(m.begin, m.end, v, p.mod);
        break;
      }
      case Rule::Reference: {
        const std::string_view w = L.v[L.n - 1].text;
        const std::string_view first = L.v[p.core < L.n ? p.core : 0].text;
        // "the day before yesterday" / "the day after tomorrow": read from the
        // tokens before, so that the patterns need no "before" / "after" (every
        // vocabulary word widens the windows the date scan searches).
        std::uint32_t begin = m.begin;
        bool two_days = false;
        if (L.n == 1 && tok >= 2 && ieq(cx.surface(tok - 2), "day") &&
            ieq(cx.surface(tok - 1), ieq(w, "yesterday") ? "before" : "after")) {
          const std::size_t b = tok >= 3 && ieq(cx.surface(tok - 3), "the") ? tok - 3 : tok - 2;
          if (tokens.tokens[b].span.begin >= last_end) begin = tokens.tokens[b].span.begin, two_days = true;
        }
        Value v;
        // ("tonight": the DCT's day, as TBAQ annotates it; TimeML's TIME value is not given)
        if (ieq(w, "today") || ieq(w, "tonight")) v = dct ? timex::day_value(*dct) : make_day(kUnknown, kUnknown, kUnknown);
        // "the day before yesterday" / "the day after tomorrow": two days off
        else if (ieq(w, "yesterday")) v = timex::shift(dct, Unit::Day, two_days ? -2 : -1);
        else if (ieq(w, "tomorrow")) v = timex::shift(dct, Unit::Day, two_days ? +2 : +1);
        else if (ieq(w, "future") || ieq(w, "soon")) v = make_ref(timex::Ref::Future);
        else if (ieq(w, "past") || ieq(w, "recently") || ieq(w, "lately") || ieq(w, "formerly") ||
                 ieq(w, "previously") || ieq(first, "recent") || ieq(w, "recent"))
          v = make_ref(timex::Ref::Past);
        else v = make_ref(timex::Ref::Present);
        // "will soon resign": a FUTURE_REF, but not a signal ("as soon as",
        // "soon after"), nor in a past narrative ("was soon released", "soon
        // became").
        if (ieq(w, "soon") &&
            (ieq(prev, "as") || ieq(prev, "too") || ieq(prev, "how") || ieq(prev, "so") ||
             ieq(next, "after") || ieq(next, "afterwards") || ieq(next, "afterward") ||
             ieq(next, "thereafter") || ieq(next, "became") || next == "-" || tense_before(cx, tok) == -1 ||
             (tok_end < tokens.tokens.size() &&
              tense_cue(tokens.tokens[tok_end].fold_hash, next) == -1)))
          break;
        // "over the past five seasons", "in the past few games": a count after
        // "the past" makes a duration or a set (the Reject pattern knows only
        // calendar units).
        if (ieq(w, "past") && tok_end < tokens.tokens.size() &&
            (tokens.tokens[tok_end].shape == text::Shape::Digits || cardinal_of(next) > 1 || kAfterA.contains(next)))
          break;
        // "current" and "recent" as adjectives: only before a noun.
        if ((ieq(w, "current") || ieq(w, "recent")) && (next.empty() || !is_alpha(next[0]))) break;
        emit(begin, m.end, v, p.mod);
        break;
      }
      case Rule::Ago: {
        // "six months earlier than it projected": an offset between two times, no date
        if (ieq(next, "than") && ieq(L.v[L.n - 1].text, "earlier")) break;
        int n = -1;
        bool vague = false, forward = false, fortnight = false;  // British: two weeks
        Unit unit = Unit::Year;
        Mod mod = p.mod;
        for (std::size_t i = p.core; i < L.n;) {
          const Lex& l = L.v[i];
          if (l.kind == Lex::Num && n < 0) {
            n = l.num;
            ++i;
            continue;
          }
          if (l.kind == Lex::Word) {
            const std::string_view w = l.text;
            if (n < 0 && !vague) {
              if ((ieq(w, "a") || ieq(w, "an")) && i + 1 < L.n &&
                  kAfterA.contains(L.v[i + 1].text)) {
                ++i;
                continue;
              }
              std::size_t k = i;
              const int c = read_cardinal(L, k);
              if (c > 0) {
                n = c;
                i = k;
                continue;
              }
              if (kVagueCounts.contains(w)) {
                if (ieq(w, "couple")) n = 2;
                else if (ieq(w, "some") && i + 1 < L.n && L.v[i + 1].kind == Lex::Num) mod = Mod::Approx;
                else vague = true;
              }
              if (kApprox.contains(w)) mod = Mod::Approx;
            }
            if (ieq(w, "day") || ieq(w, "days")) unit = Unit::Day;
            else if (ieq(w, "week") || ieq(w, "weeks")) unit = Unit::Week;
            else if (ieq(w, "fortnight") || ieq(w, "fortnights")) unit = Unit::Week, fortnight = true;
            else if (ieq(w, "month") || ieq(w, "months")) unit = Unit::Month;
            else if (ieq(w, "quarter") || ieq(w, "quarters")) unit = Unit::Quarter;
            else if (ieq(w, "year") || ieq(w, "years")) unit = Unit::Year;
            else if (ieq(w, "decade") || ieq(w, "decades")) unit = Unit::Decade;
            else if (ieq(w, "century") || ieq(w, "centuries")) unit = Unit::Century;
            else if (ieq(w, "now") || ieq(w, "hence")) forward = true;
          }
          ++i;
        }
        Value v;
        if (n < 0 || vague) {
          v = make_ref(forward ? timex::Ref::Future : timex::Ref::Past);
        } else {
          const int k = (forward ? n : -n) * (fortnight ? 2 : 1);
          if (unit == Unit::Decade) v = timex::shift(dct, Unit::Year, 10 * k);
          else if (unit == Unit::Century) v = timex::shift(dct, Unit::Century, k);
          else if (unit == Unit::Year && k == -1 && dct && year_before_period(text, out, first_out, m.begin, v)) {
            // (the period compared, a year back)
          } else if (unit == Unit::Year && k == -1 && quarterly_context(text, m.begin))
            v = timex::reported_quarter(dct, -1);
          else v = timex::shift(dct, unit, k);
          // "a year ago today": the DCT's day that many units back.
          if (dct && ieq(L.v[L.n - 1].text, "today") && unit != Unit::Decade && unit != Unit::Century &&
              unit != Unit::Quarter) {
            if (unit == Unit::Day || unit == Unit::Week) {
              v = timex::day_value(timex::add_days(*dct, unit == Unit::Week ? 7 * k : k));
            } else {
              // the day kept, or the month's last when it has none ("a month ago today" on March 31)
              const std::chrono::year_month ym =
                  dct->year() / dct->month() + std::chrono::months{unit == Unit::Year ? 12 * k : k};
              v = timex::day_value(ym / std::min(dct->day(), (ym / std::chrono::last).day()));
            }
          }
        }
        emit(m.begin, m.end, v, mod == Mod::Approx ? Mod::Approx : p.mod);
        break;
      }
      case Rule::UnitOf: {
        const std::string_view u = L.v[L.n - 1].text;
        Value v;
        Mod mod = p.mod;
        // "the year-earlier level": the adjective without its article, as below.
        std::uint32_t begin = m.begin;
        if (L.n == 4 && ieq(L.v[0].text, "the") && L.v[2].text == "-" && !ieq(u, "end")) begin = L.v[1].begin;
        else if (L.n == 2 && ieq(L.v[0].text, "the") && !ieq(u, "weekend")) {
          // "up from 5% the year before.": "the previous year", where "before"
          // ends the clause (not "the year before the war"); read from the
          // tokens, as "in" below.
          const auto& tt = tokens.tokens;
          const auto clause_ends_at = [&](std::size_t k) {
            if (k >= tt.size() || tt[k].sentence != tt[k - 1].sentence) return true;
            const std::string_view s = cx.surface(k);
            return s == "," || s == ";" || s == "." || s == ":" || s == ")" || s == "!" || s == "?";
          };
          if (ieq(next, "before") && clause_ends_at(tok_end + 1)) {
            Value before;
            // the year before a year dated in the same sentence ("$300 million last
            // year, down from $450 million the year before"), else before the
            // text's last written year, else before the DCT's
            if (ieq(u, "year"))
              before = sentence_year != kUnknown && sentence_year_at == tt[tok].sentence ? make_year(sentence_year - 1)
                       : anchor_year != kUnknown ? make_year(anchor_year - 1)
                                                 : timex::shift(dct, Unit::Year, -1);
            else if (ieq(u, "month") && anchor_month != kUnknown) before = month_after(anchor_year, anchor_month, -1);
            else if (ieq(u, "month")) before = timex::shift(dct, Unit::Month, -1);
            else {
              const auto d = anchor_day ? timex::add_days(*anchor_day, -7) : dct ? timex::add_days(*dct, -7) : timex::Ymd{};
              before = anchor_day || dct ? timex::shift(d, Unit::Week, 0) : timex::shift(dct, Unit::Week, -1);
            }
            emit(m.begin, tt[tok_end].span.end, before, Mod::None);
            break;
          }
          if (ieq(u, "week") && change_on_before(cx, tok, next)) {
            emit(m.begin, m.end, timex::shift(dct, Unit::Week, 0), Mod::None);
            break;
          }
          // "the year" is a date only in "earlier in the year" / "later in the
          // month" (the DCT's unit); "in" is read from the tokens, so that the
          // patterns need no such common word.
          if (tok < 2 || !ieq(cx.surface(tok - 1), "in") ||
              !(ieq(cx.surface(tok - 2), "earlier") || ieq(cx.surface(tok - 2), "later")) ||
              tokens.tokens[tok - 2].span.begin < last_end)
            break;
          emit(tokens.tokens[tok - 2].span.begin, m.end,
               timex::shift(dct, ieq(u, "year") ? Unit::Year : ieq(u, "month") ? Unit::Month : Unit::Week, 0),
               Mod::None);
          break;
        }
        if (ieq(u, "ago") || ieq(u, "earlier")) {
          if (!ieq(L.v[begin == m.begin ? 0 : 1].text, "year")) break;  // "the month-ago"
          v = quarterly_context(text, begin) ? timex::reported_quarter(dct, -1)
                                              : timex::shift(dct, Unit::Year, -1);
        } else if (ieq(u, "end")) {
          // "year-end", "month-end", "quarter-end": the unit the DCT is in
          const std::string_view w = L.v[L.n > 2 && ieq(L.v[0].text, "the") ? 1 : 0].text;
          v = timex::shift(dct, ieq(w, "month") ? Unit::Month : ieq(w, "quarter") ? Unit::Quarter : Unit::Year, 0);
          mod = Mod::End;
        } else if (ieq(u, "weekend")) {
          if (of_event_after(cx, tok_end)) break;
          // "the weekend": the latest one (this week's when the DCT is on it),
          // or after a future cue the coming one, this week's ("the storm will
          // reach Kyushu by the weekend").
          const bool on_weekend =
              dct && iso_weekday(*dct) >= 6;
          const int tense = tense_before(cx, tok);
          const bool ahead = tense > 0 || (tense == 0 && deadline_before(cx, tok, true)) || forecast_before(cx, tok);
          // said on its Sunday, a weekend ahead is the next ("milder weather expected by the weekend")
          const bool next = ahead && dct && iso_weekday(*dct) == 7 && !ieq(prev, "through");
          v = timex::shift(dct, Unit::Weekend, next ? 1 : on_weekend || ahead ? 0 : -1);
        } else if (ieq(u, "week")) v = timex::shift(dct, Unit::Week, 0);
        else if (ieq(u, "month")) v = timex::shift(dct, Unit::Month, 0);
        else if (ieq(u, "quarter")) v = timex::shift(dct, Unit::Quarter, 0);
        else if (ieq(u, "decade")) v = timex::shift(dct, Unit::Decade, 0);
        else if (ieq(u, "century")) v = timex::shift(dct, Unit::Century, 0);
        else v = timex::shift(dct, Unit::Year, 0);
        if (p.half && v.granularity == Granularity::Year) {
          v.granularity = Granularity::Half;
          v.part = p.half;
          mod = Mod::None;
        }
        emit(begin, m.end, v, mod);
        break;
      }
    }

    for (std::size_t i = 0; i < n_emit; ++i) {
      const Emit& em = emits[i];
      while (td_live < token_dates.size() && token_dates[td_live].end <= em.begin) ++td_live;
      if (td_live < token_dates.size() && token_dates[td_live].begin < em.end) continue;
      push_token_dates_before(em.begin);
      // Filled in place: value and mod fit the strings' own buffers, so this
      // neither allocates nor moves them.
      push(em.begin, em.end, em.value, em.mod, kEvidence[static_cast<int>(m.rule)]);
      last_end = em.end;
      const Granularity g = em.value.granularity;
      const bool dated = g == Granularity::Year || g == Granularity::Month || g == Granularity::Day;
      if (g == Granularity::Day && em.value.year != kUnknown && em.value.month != kUnknown &&
          em.value.day != kUnknown) {
        anchor_day = make_ymd(em.value.year, em.value.month, em.value.day);
        month_anchor = kUnknown;
      } else if (g == Granularity::Month && em.value.year != kUnknown) {
        anchor_day.reset();
        month_anchor_year = em.value.year;
        month_anchor = em.value.month;
      }
      if ((g == Granularity::Month || g == Granularity::Day) && em.value.year != kUnknown &&
          em.value.month != kUnknown)
        dated_month_year = em.value.year, dated_month = em.value.month;
      if (dated && em.value.year != kUnknown) {
        sentence_year = em.value.year;
        sentence_year_at = tokens.tokens[tok].sentence;
      }
      // A year that opens its sentence as a frame, before a comma ("Last year,",
      // "In 2019,"), dates the sentence's bare months. (Named elsewhere in it, the
      // year is as often another clause's: "up 10% from last year and 5% in June".)
      const auto opens_sentence = [&](std::size_t k) {  // k, or "In"/"During" before it, opens the sentence
        return tokens.tokens[k].sentence_start ||
               (k > 0 && tokens.tokens[k - 1].sentence_start &&
                (ieq(cx.surface(k - 1), "in") || ieq(cx.surface(k - 1), "during")));
      };
      if (g == Granularity::Year && em.value.year != kUnknown && opens_sentence(tok) && em.end < text.size() &&
          text[em.end] == ',') {
        year_named = em.value.year;
        year_named_at = tokens.tokens[tok].sentence;
      }
      if (dated && em.value.year != kUnknown && explicit_year) {
        anchor_year = em.value.year;
        anchor_month = g == Granularity::Year ? kUnknown : em.value.month;
      } else if ((g == Granularity::Season || g == Granularity::Quarter || g == Granularity::Half) &&
                 em.value.year != kUnknown && explicit_year) {
        // "in the spring of 2009 ... later that year": a part of a written year dates it too
        anchor_year = em.value.year;
        anchor_month = kUnknown;
      }
    }
  }
  push_token_dates_before(~0u);
  order_range_days(text, out, first_out);
  year_of_full_date_before(text, out, first_out);
  if (dct) {
    months_named_together(text, *dct, out, first_out);
    same_month_days(text, *dct, out, first_out);
  }
}

}  // namespace newsner::recognize
