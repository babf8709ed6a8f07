// timex patterns: scan() runs RE2 only on windows around trigger words; it must
// give exactly the matches of repeated next() calls over the whole text. Checked
// on the sample articles and on random word salad built from the patterns' own
// words, look-alikes ("amid", "nightlife", "yearly"), numbers, punctuation,
// barriers and the case-fold look-alikes U+017F / U+212A.
#include <doctest/doctest.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "newsner/text/tokenizer.hpp"
#include "newsner/timex/cache_key.hpp"
#include "newsner/timex/patterns.hpp"

using namespace newsner::timex;

namespace {

std::vector<PatternMatch> by_next(const DatePatterns& p, std::string_view text) {
  std::vector<PatternMatch> out;
  std::size_t pos = 0;
  while (auto m = p.next(text, pos)) {
    out.push_back(*m);
    pos = std::max<std::size_t>(m->end, m->begin + 1);
  }
  return out;
}

// scan() by bytes, or by tokens when given them, against repeated next().
void check_same(const DatePatterns& p, std::string_view text,
                const newsner::text::TokenizedText* tokens = nullptr) {
  std::vector<PatternMatch> scanned;
  if (tokens != nullptr) p.scan(*tokens, scanned);
  else p.scan(text, scanned);
  const auto expected = by_next(p, text);
  bool same = scanned.size() == expected.size();
  for (std::size_t i = 0; same && i < expected.size(); ++i)
    same = scanned[i].begin == expected[i].begin && scanned[i].end == expected[i].end &&
           scanned[i].rule == expected[i].rule;
  INFO("text: " << text);
  CHECK(same);
}

// scan() of `second` on a thread that scanned `first` just before (so that
// `second` meets the caches `first` filled) against repeated next() on a fresh
// thread (empty caches).
void check_scan_after(const DatePatterns& p, const std::string& first, const std::string& second) {
  std::vector<PatternMatch> cached, fresh;
  std::thread([&] {
    std::vector<PatternMatch> ignored;
    p.scan(first, ignored);
    p.scan(second, cached);
  }).join();
  std::thread([&] { fresh = by_next(p, second); }).join();
  bool same = cached.size() == fresh.size();
  for (std::size_t i = 0; same && i < fresh.size(); ++i)
    same = cached[i].begin == fresh[i].begin && cached[i].end == fresh[i].end && cached[i].rule == fresh[i].rule;
  INFO("after: " << first);
  INFO("text: " << second);
  CHECK(same);
}

const char* const kWords[] = {
    // triggers
    "January", "may", "MAY", "March", "Sept", "Dec", "jan", "Monday", "friday", "summer", "fall",
    "spring", "winter", "day", "days", "week", "weekend", "month", "months", "year", "years",
    "decade", "century", "centuries", "quarter", "quarters", "nineteen", "twenty", "nineties",
    "today", "yesterday", "now", "recently", "future", "past", "present", "times", "period",
    "half", "every", "each", "FY",
    // other pattern words
    "the", "The", "a", "an", "of", "this", "that", "last", "next", "coming", "following",
    "previous", "early", "late", "mid", "middle", "end", "beginning", "start", "turn", "very",
    "first", "second", "third", "fourth", "final", "fifth", "twenty-first", "thirty", "one", "two",
    "five", "ninety", "six", "oh", "hundred", "thousand", "and", "few", "several", "couple",
    "many", "some", "about", "nearly", "more", "than", "over", "just", "ago", "earlier", "from",
    "hence", "fiscal", "calendar", "financial", "model", "latest", "current", "same", "recent",
    "comparable", "corresponding", "full", "whole", "entire", "right", "near", "foreseeable",
    "these", "at", "around", "circa", "roughly", "night", "morning", "evening", "other", "Mrs",
    "Ms", "Theresa", "lady", "his", "her", "their", "its", "s", "'s", "year's", "year-end",
    "year-ago", "year-earlier", "part", "latter", "sometime", "approximately",
    "later", "tomorrow", "soon", "fortnight",
    // look-alikes and plain words
    "amid", "nightlife", "Nightly", "nights", "knight", "yearly", "Mayor", "marched", "said", "in", "on", "by", "since", "x",
    "Maybe", "todays", "pasta", "halfway", "eachother", "_", "_2019", "2019_",
    // letter-shaped tokens holding punctuation or non-ASCII letters, and runs of
    // letters longer than a packed word (16) or a 64-byte block
    "don't", "U.S", "May've", "caf\xC3\xA9", "May\xC3\xA9", "\xC3\xA9May", "May_2019", "Mayor_2019",
    "Septemberish", "yesteryear", "Wednesdays", "internationalization", "weekendweekendweek",
    "Januaryfebruarymarchaprilmayjunejulyaugustseptemberoctobernovemberdecember",
    "2019May", "May2019", "Dec19", "19Dec", "x1990", "FY2019", "Q3FY",
    // tokens that join runs across other bytes (UAX #29: apostrophes, dots and
    // commas between letters or digits, "_", letters outside ASCII, marks)
    "year's", "Year\xE2\x80\x99s", "May's", "2019's", "1,990", "3.2019", "May.June", "Sept.30",
    "May:June", "May'\xC3\xA9", "\xC3\xA9'May", "May'\xD7\x90", "May\xCC\x81", "May\xC2\xAD",
    "_May_", "2019_May", "\xE2\x80\x9CMay\xE2\x80\x9D", "\u201890s",
    // numbers
    "1990", "2019", "2018", "1066", "0000", "90", "5", "19", "12", "31", "100", "12345", "1990s",
    "90s", "'90s", "90's", "1990's", "Q3", "q4", "H1", "1st", "3rd", "21st", "FY98", "W50",
    "2018-W50", "2018-12-19", "2018/12/19", "12/19/2018", "1/2/18", "19.12.2018", "19-Dec-18",
    "3-4", "2.5", "$5", "10:30", "5%",
    // punctuation and barriers
    ",", ".", "'", "/", "-", "--", ":", ";", "(", ")", "\"", "!", "?", "&", "\xE2\x80\x94",
    "\xC3\xA9", "\xE2\x80\x9C"};
// Plain words, to space the triggers out.
const char* const kPlain[] = {"said", "in", "on", "the", "officials", "Reuters", "would", "and",
                              "x", "amid", "at", "of", "5", "100", "-", ",", "("};
const char* const kSeparators[] = {" ", " ", " ", " ", "", "  ", "\n", "\t", "-", ", ", ". ",
                                   "\v", "\r\n"};

}  // namespace

TEST_CASE("timex patterns: scan() equals repeated next() on the sample articles") {
  const DatePatterns p;
  newsner::text::Tokenizer tokenizer;
  const std::filesystem::path dir = std::filesystem::path(NEWSNER_TEST_DATA) / ".." / ".." /
                                    "samples" / "articles";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    check_same(p, text);
    const auto tokens = tokenizer.tokenize(text);
    check_same(p, text, &tokens);
    ++files;
  }
  CHECK(files > 0);
}

// Up to 40 random words and separators; odd rounds are mostly plain words.
std::string word_salad(std::mt19937& rng, int round) {
  std::string text;
  const int len = 1 + static_cast<int>(rng() % 40);
  const bool sparse = round % 2;  // mostly plain words between the pattern words
  for (int i = 0; i < len; ++i) {
    if (sparse && rng() % 4 != 0) text += kPlain[rng() % std::size(kPlain)];
    else text += kWords[rng() % std::size(kWords)];
    text += kSeparators[rng() % std::size(kSeparators)];
  }
  return text;
}

TEST_CASE("timex patterns: scan() equals repeated next() on random word salad") {
  const DatePatterns p;
  std::mt19937 rng(20240611);
  for (int round = 0; round < 50000; ++round) {
    std::string text = word_salad(rng, round);
    // Now and then the case-fold look-alikes of s and k (RE2 folds them).
    if (round % 97 == 0) text.insert(rng() % (text.size() + 1), "\xC5\xBFummer ");
    if (round % 89 == 0) text.insert(rng() % (text.size() + 1), "wee\xE2\x84\xAA ");
    check_same(p, text);
  }
}

// scan(tokens) finds the trigger words from the Tokenizer's tokens instead of the
// bytes; tokens that are not one run of letters or digits ("year's", "U.S",
// "Caf\u00E9", "_May", "May\u0301") must still give every run inside them.
TEST_CASE("timex patterns: scan() by tokens equals repeated next() on random word salad") {
  const DatePatterns p;
  newsner::text::Tokenizer tokenizer;
  std::mt19937 rng(20240612);
  for (int round = 0; round < 20000; ++round) {
    std::string text = word_salad(rng, round);
    if (round % 97 == 0) text += "\xC5\xBFummer of 2019";  // the look-alikes take the full scan
    if (round % 89 == 0) text += " last wee\xE2\x84\xAA";     // (only non-ASCII texts are searched for them)
    const auto tokens = tokenizer.tokenize(text);
    check_same(p, text, &tokens);
  }
}

// scan(tokens, ..., capitalized, picked) picks tokens in its walk over them: the
// same matches, and exactly the Alnum tokens and the Capitalized ones whose fold
// hash's top 12 bits are set in the filter (a random one each round), in order, the
// look-alike texts (which take the full scan) too.
TEST_CASE("timex patterns: scan() by tokens picks the Alnum and the listed Capitalized tokens") {
  const DatePatterns p;
  newsner::text::Tokenizer tokenizer;
  std::mt19937 rng(20261130);
  const auto bits = [&] { return std::uint64_t{rng()} << 32 | rng(); };
  std::vector<PatternMatch> plain, with_picks;
  std::vector<std::uint32_t> picked;
  for (int round = 0; round < 5000; ++round) {
    std::string text = word_salad(rng, round) + " Christmas New 15th G20 Easter";
    if (round % 97 == 0) text += " \xC5\xBFummer of 2019";
    const auto tokens = tokenizer.tokenize(text);
    std::array<std::uint64_t, 64> filter;
    for (std::uint64_t& w : filter) w = bits();
    plain.clear();
    with_picks.clear();
    picked.clear();
    p.scan(tokens, plain);
    p.scan(tokens, with_picks, filter, picked);
    std::vector<std::uint32_t> expected;
    for (std::uint32_t i = 0; i < tokens.tokens.size(); ++i) {
      const auto& t = tokens.tokens[i];
      const unsigned top = static_cast<unsigned>(t.fold_hash >> 52);
      const bool listed = (filter[top / 64] >> (top % 64)) & 1;
      if (t.shape == newsner::text::Shape::Alnum || (t.shape == newsner::text::Shape::Capitalized && listed))
        expected.push_back(i);
    }
    INFO("text: " << text);
    CHECK(picked == expected);
    bool same = plain.size() == with_picks.size();
    for (std::size_t i = 0; same && i < plain.size(); ++i)
      same = plain[i].begin == with_picks[i].begin && plain[i].end == with_picks[i].end &&
             plain[i].rule == with_picks[i].rule;
    CHECK(same);
  }
}

// put_key_bytes works on 16 bytes at a time and respells the digit runs it finds
// there (a run may reach past the first 64 bytes): against the rule spelled out
// byte by byte (cache_key.hpp), on random bytes of every class (capitals, digit
// runs of every length, bytes >= 0x80) at every length up to 200 and at every
// offset in a buffer, writing exactly `n` bytes.
TEST_CASE("timex cache key: put_key_bytes lowercases and respells digit runs at any length") {
  const auto reference = [](const std::string& s) {
    std::string out = s;
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    for (std::size_t i = 0; i < s.size();) {
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      const char* d = s.data() + i;
      char* o = out.data() + i;
      if (j - i == 1) {
        o[0] = d[0] >= '5' ? '5' : d[0];
      } else if (j - i == 2) {
        o[0] = d[0] == '0' ? '0' : d[0] <= '2' ? '1' : d[0] == '3' ? '3' : '5';
        o[1] = d[1] <= '1' ? d[1] : '5';
      } else if (j - i == 4) {
        o[0] = d[0] == '1' || d[0] == '2' ? d[0] : '5';
        o[1] = d[0] == '2' && d[1] == '0' ? '0' : '5';
        o[2] = '5';
        o[3] = d[3] == '0' ? '0' : '5';
      } else {
        for (std::size_t k = i; k < j; ++k) out[k] = '5';
      }
      i = j;
    }
    return out;
  };
  std::mt19937 rng(23);
  const std::string pool = "aZ09129305Mq,.' -/\x80\xC3\xA9_";
  for (int round = 0; round < 3000; ++round) {
    const std::size_t n = rng() % 201;
    std::string s;
    while (s.size() < n) {
      if (rng() % 3 == 0) {  // a run of digits, up to 80 long
        const std::size_t len = 1 + rng() % (rng() % 8 == 0 ? 80 : 5);
        for (std::size_t k = 0; k < len && s.size() < n; ++k) s += static_cast<char>('0' + rng() % 10);
      } else {
        s += pool[rng() % pool.size()];
      }
    }
    const std::size_t at = rng() % 16;
    std::string buf(at + n + 16, '#');
    newsner::timex::put_key_bytes(reinterpret_cast<const unsigned char*>(s.data()), n,
                                  reinterpret_cast<unsigned char*>(buf.data() + at));
    INFO("text: " << s);
    CHECK(buf.substr(at, n) == reference(s));
    CHECK(buf.substr(0, at) == std::string(at, '#'));
    CHECK(buf.substr(at + n) == std::string(16, '#'));
  }
}

// The scan caches key a string by its bytes with ASCII letters lowercased and
// each run of digits respelled by its length and the digits the patterns tell
// apart (timex/cache_key.hpp): every string must match as its key
// does. Each text is matched in its own thread (fresh caches) as written and as
// its key: the rules and extents must agree.
TEST_CASE("timex patterns: a match has the rule of its cache key") {
  const DatePatterns p;
  const auto keyed = [](const std::string& s) {
    std::string key(s.size(), '\0');
    newsner::timex::put_key_bytes(reinterpret_cast<const unsigned char*>(s.data()), s.size(),
                                  reinterpret_cast<unsigned char*>(key.data()));
    return key;
  };
  const auto matches_in_thread = [&](const std::string& text) {
    std::vector<PatternMatch> out;
    std::thread([&] { out = by_next(p, text); }).join();
    return out;
  };
  std::mt19937 rng(7);
  const char* const digits[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
  for (int round = 0; round < 600; ++round) {
    std::string text;
    for (int i = 0; i < 30; ++i) {
      if (rng() % 3 == 0) {  // a number of 1 to 6 digits, perhaps with a suffix
        const int len = 1 + static_cast<int>(rng() % 6);
        // Years and days in their own ranges half of the time (19xx, 20xx, 0x-3x).
        const int kind = static_cast<int>(rng() % 4);
        for (int k = 0; k < len; ++k) {
          if (kind == 0 && len == 4 && k < 2) text += k == 0 ? (rng() % 2 ? "1" : "2") : (rng() % 2 ? "0" : "9");
          else if (kind == 1 && len == 2 && k == 0) text += digits[rng() % 4];
          else text += digits[rng() % 10];
        }
        if (rng() % 4 == 0) text += kWords[rng() % std::size(kWords)];
      } else {
        std::string w = kWords[rng() % std::size(kWords)];
        if (rng() % 3 == 0)
          for (char& c : w) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        text += w;
      }
      text += kSeparators[rng() % std::size(kSeparators)];
    }
    const auto a = matches_in_thread(text);
    const auto b = matches_in_thread(keyed(text));
    bool same = a.size() == b.size();
    for (std::size_t i = 0; same && i < a.size(); ++i)
      same = a[i].begin == b[i].begin && a[i].end == b[i].end && a[i].rule == b[i].rule;
    INFO("text: " << text);
    CHECK(same);
  }
}

// The caches must tell apart what the patterns tell apart: a text scanned after
// another one that differs only in its numbers (so that many windows and matches
// share their keys with the first text's, and the rest must not) gets the
// matches it gets in a fresh thread. A key coarser than the patterns allow fails
// here ("2nd quarter" keyed like "1nd quarter", "May 31" like "May 32").
TEST_CASE("timex patterns: scan() after a text with other numbers gives its own matches") {
  const DatePatterns p;
  std::mt19937 rng(11);
  const char* const templates[] = {
      "Friday, March # said, on # December #, the #nd quarter and Q# # x",
      "in # the #s, # May #. In #, H# # and the #rd quarter of # said",
      "#/#/# x #.#.# x #-Dec-# x #-W# and # years ago, FY# said",
      "the '#s and # #th century, May # - #, # in #, the past # years",
      "May #, # and # June, June # x # July # # Aug. # x the #",
  };
  for (int round = 0; round < 1000; ++round) {
    const std::string tmpl = templates[rng() % std::size(templates)];
    // Zeros are common in the patterns' digit classes (\d0s, 3[01], 20[0-9]{2}).
    const auto digit = [&] { return static_cast<char>(rng() % 3 == 0 ? '0' : '0' + rng() % 10); };
    std::string first;
    for (const char c : tmpl) {
      if (c != '#') {
        first += c;
        continue;
      }
      const int len = 1 + static_cast<int>(rng() % 4);
      for (int k = 0; k < len; ++k) first += digit();
    }
    std::string second = first;  // a few digits changed
    for (char& c : second)
      if (c >= '0' && c <= '9' && rng() % 4 == 0) c = digit();
    check_scan_after(p, first, second);
  }
}

// The rule cache (RuleCache in patterns.cpp) spells alike the words that the
// patterns name only through one alternation (rule_word: weekdays, most month
// names and abbreviations, three seasons), so that a match keeps its rule when one
// such word is swapped for another of its class. A text scanned after another that
// differs only in such words (so that its matches find the first text's rules
// under their shared keys) gets the matches repeated next() gives it. The words
// that other patterns spell out ("May", "March", "fall" ...) stand between them.
TEST_CASE("timex patterns: scan() after a text with other weekdays and months gives its own matches") {
  const DatePatterns p;
  std::mt19937 rng(12);
  const std::vector<std::vector<std::string>> classes = {
      {"Monday", "tuesday", "WEDNESDAY", "Thursday", "friday", "Saturday", "sunday"},
      {"January", "february", "April", "july", "August", "October", "november"},
      {"Jan", "feb", "Mar", "apr", "Jun", "jul", "Aug", "sep", "Sept", "oct", "Nov", "dec"},
      {"summer", "Winter", "autumn"},
      {"May", "March", "June", "September", "December", "fall", "spring"}};  // (each its own)
  const char* const before[] = {"", "the ", "last ", "early ", "Mrs. ", "every ", "the first ", "on the 5th of ",
                                "5 ", "mid-", "the end of ", "this past ", "19-", "Friday, "};
  const char* const after[] = {" ", ", ", ". ", " 5, 2019 ", " 5 ", " twenty-first ", " of 2019 ", " night ",
                               " morning ", ", Jan. 8 ", " quarter ", " of the ", "-19 ", " of last year "};
  for (int round = 0; round < 1000; ++round) {
    std::string first, second;
    for (int piece = 0; piece < 6; ++piece) {
      const std::size_t c = rng() % classes.size();
      const std::string pre = before[rng() % std::size(before)], post = after[rng() % std::size(after)];
      const bool own = c + 1 == classes.size();  // a word that no other stands for
      const std::string& w = classes[c][rng() % classes[c].size()];
      first += pre + w + post;
      second += pre + (own ? w : classes[c][rng() % classes[c].size()]) + post;
    }
    check_scan_after(p, first, second);
  }
}

// scan() remembers the results of anchored searches in windows (WindowCache in
// patterns.cpp), keyed by the window's bytes and the byte on either side: the same
// window must give different matches when a neighbour turns \b off ("_" is a word
// character to RE2 but a barrier to scan()). A plain word that ends a window is
// left out of the key unless a match may end inside it ("night..."). Same thread,
// so the second text of each pair meets the first one's cache entry.
TEST_CASE("timex patterns: scan() keys its window cache by the bytes around the window") {
  const DatePatterns p;
  const char* const pairs[][2] = {
      {"in May 2019) said", "in May 2019_ said"},   // after the window: MonthYear vs Month
      {"a May 2019) b", "a_May 2019) b"},           // before: MonthYear vs Year
      {"x 12/19/2018) y", "x 12/19/2018_ y"},
      {"said Monday) x", "said Monday_ x"},
      {"May 2019) x", " May 2019) x"},              // at the text start or not
      {"in May 2019", "in May 2019_"},              // at the text end or not
      {"said Friday nightlife", "said Friday nothing"},  // a plain word ends the window
      {"said Friday nothing", "said Friday nightlife"},
      {"said Friday NIGHTS", "said Friday nighs"},
      {"in May, officials", "in May, OFFICIALS said"},
      {"in 2019, the officials", "in 2019, the Xyz"},
  };
  for (const auto& pair : pairs) {
    for (int round = 0; round < 2; ++round) {
      check_same(p, pair[0]);
      check_same(p, pair[1]);
    }
  }
}

// A window grows over the pattern words after its trigger, and each run it passes
// is classified whole: "today" after "a year ago" is a trigger, not the plain word
// "t" (fuzz11: clang read the run's end before run_end() had moved it, so the
// window ended at "t", its cache key left "today" out, and "a year ago now" then
// took the 16-byte match of "a year ago today": past the end of its text).
// Same thread: each text meets the cache entries of the ones before it.
TEST_CASE("timex patterns: a window holds the whole words after its trigger") {
  const DatePatterns p;
  newsner::text::Tokenizer tokenizer;
  const char* const texts[] = {
      "a year today", "a year ago today", "a year ago now", "a year ago tomorrow", "a year ago t",
      "two years ago today", "two years ago tomorrow", "a year ago today. Then a year ago now",
      "said Friday week", "said Friday weekly", "1Q19 rose; first-half profit"};
  for (int round = 0; round < 2; ++round) {
    for (const char* text : texts) {
      check_same(p, text);
      const auto tokens = tokenizer.tokenize(text);
      check_same(p, text, &tokens);
    }
  }
  for (const std::string_view text : {"a year ago today", "a year ago now"}) {
    std::vector<PatternMatch> scanned;
    p.scan(text, scanned);
    REQUIRE(!scanned.empty());
    CHECK(scanned[0].begin == 0);
    CHECK(scanned[0].end == (text.ends_with("today") ? 16u : 10u));
    for (const PatternMatch& m : scanned) CHECK(m.end <= text.size());
  }
}

// For a start in a window, the window cache remembers the first match of that
// start or of a later one (or that there is none), so a window is answered by one
// probe, and the starts searched in vain before a match take the match's answer,
// at its offset from each of them. Same thread, so each text meets the entries of
// the texts before it: windows that share their tails ("of a January 1967
// recital" after "a January 1967 recital"), a match after several starts that
// hold none, a window that holds none, and the same texts again from the cache.
TEST_CASE("timex patterns: scan() remembers the first match of a start or of a later one") {
  const DatePatterns p;
  const char* const texts[] = {
      "a January 1967 recital",  // "a" holds none: its answer is January 1967 at offset 2
      "of a January 1967 recital",
      "the end of a January 1967 recital",
      "At the end of a January 1967 recital",
      "nearly half of the 1990s and May 2019 said",
      "half of the 1990s and May 2019 said",
      "of the end of the first half fiscal 1999 x",
      "the first and the second 1999 x",
      "1 2 3 4 5 1999 x",
      "5 4 3 2 1 x 1999 2 3 x",
      "of the half the 1999",
      "the half the 1999",
  };
  for (int round = 0; round < 3; ++round) {
    for (const char* text : texts) check_same(p, text);
    for (auto it = std::rbegin(texts); it != std::rend(texts); ++it) check_same(p, *it);
  }
  // The answer of a start is its own: the same words at other offsets.
  std::vector<PatternMatch> scanned;
  p.scan(std::string_view("of a January 1967 recital"), scanned);
  REQUIRE(scanned.size() == 1);
  CHECK(scanned[0].begin == 5);
  CHECK(scanned[0].end == 17);
}

// scan() runs the patterns in lowercase over lowercased bytes; next() runs them
// case-insensitively as written (and so does scan() on text holding U+017F or
// U+212A, which fold to ASCII letters). Letters the patterns write in capitals
// (FY, Q, H, W) and mixed-case words must match in any case either way.
TEST_CASE("timex patterns: scan() in lowercase matches as the case-insensitive patterns do") {
  const DatePatterns p;
  for (const char* text :
       {"in FY2019 and fy2019 and Fy 98", "Q3 2019, q4 2019 and 2019 Q1", "H1 2019 and h2 2019",
        "2018-W50 and 2018-w50", "MAY 2019, may 2019, mAy 2019", "LATE JANUARY 2019 said",
        "The END OF THIS YEAR", "\xC5\xBF" "eptember 2019 and September 2019",
        "the wee\xE2\x84\xAA" "end and the weekend"}) {
    check_same(p, text);
    std::vector<PatternMatch> scanned;
    p.scan(text, scanned);
    INFO("text: " << text);
    CHECK(!scanned.empty());
  }
}

// A window longer than the window cache takes (54 bytes) is searched from each of
// its starts without the cache, over one lowercased copy of the window that the
// later searches reuse (a copy per search made "March 5 March 5 ..." cost its
// length squared). The matches must stay those of next(), in any case and with
// a quote before a digit (a search from every letter, digit and quote), however
// long the window.
TEST_CASE("timex patterns: scan() of a long window of dates matches next() from every start") {
  const DatePatterns p;
  for (const char* unit : {"March 5 ", "MARCH 5, 2019 ", "the '90s and May ", "Q3 2019 ", "FY19 mid-2019 "}) {
    for (const int count : {1, 9, 200}) {
      std::string text = "Said ";
      for (int k = 0; k < count; ++k) text += unit;
      text += "Xyz";
      INFO("unit: " << unit << " x" << count);
      check_same(p, text);
      std::vector<PatternMatch> scanned;
      p.scan(text, scanned);
      CHECK(scanned.size() >= static_cast<std::size_t>(count));
    }
  }
}

// The Quarter rule takes at most four qualifiers before "quarter": with any
// number of them, an anchored search from each start of a window of "2019 2019
// ..." read on to the window's end (quadratic). With five, the first year is a
// year of its own and the other four qualify the quarter, by scan() and next().
TEST_CASE("timex patterns: at most four qualifiers before quarter") {
  const DatePatterns p;
  const std::string four = "in the 2019 last year's fiscal 2018 quarter said";
  std::vector<PatternMatch> scanned;
  p.scan(four, scanned);
  REQUIRE(scanned.size() == 1);
  CHECK(scanned[0].rule == Rule::Quarter);
  CHECK(four.substr(scanned[0].begin, scanned[0].end - scanned[0].begin) ==
        "the 2019 last year's fiscal 2018 quarter");
  check_same(p, four);

  const std::string five = "in 2017 2019 last year's fiscal 2018 quarter said";
  scanned.clear();
  p.scan(five, scanned);
  REQUIRE(scanned.size() == 2);
  CHECK(scanned[0].rule == Rule::Year);
  CHECK(five.substr(scanned[0].begin, scanned[0].end - scanned[0].begin) == "2017");
  CHECK(scanned[1].rule == Rule::Quarter);
  CHECK(five.substr(scanned[1].begin, scanned[1].end - scanned[1].begin) ==
        "2019 last year's fiscal 2018 quarter");
  check_same(p, five);
  check_same(p, "said " + std::string(4000, ' ') + "2019 quarterly");
  std::string years = "in";
  for (int k = 0; k < 300; ++k) years += " 2019";
  check_same(p, years + " quarter");
  check_same(p, years + " quarterly");
}

// A window with a quote before a digit is searched anchored from each letter,
// digit and quote in it (no unanchored search): a match may start inside a word
// ("amid the '90s" matches from "mid"), at the quote itself, or after a match
// that ended inside the window. Each must be where next() finds it.
TEST_CASE("timex patterns: windows with a quote before a digit match from every possible start") {
  const DatePatterns p;
  newsner::text::Tokenizer tokenizer;
  for (const char* text :
       {"amid the '90s said", "said '90s", "x'90s said", "'90s", "in the '80s and '90s, May",
        "AMID THE '90S", "the 1990s and the '80s", "late '70s and mid-'80s said",
        "Mid the '90s", "pyramid the '90s x", "in May '90s 2019 '80s"}) {
    check_same(p, text);
    const auto tokens = tokenizer.tokenize(text);
    check_same(p, text, &tokens);
  }
  std::vector<PatternMatch> scanned;
  p.scan(std::string_view("amid the '90s said"), scanned);
  REQUIRE(scanned.size() == 1);
  CHECK(scanned[0].begin == 1);  // "mid the '90s"
  CHECK(scanned[0].rule == Rule::Decade);
}

// scan()'s programs name a rule by its alternatives without the leading modifier
// and by the modifier prefixes of the match (Programs::name); next()'s take the
// rules as written. Matches that begin with one or more modifiers, or with words
// that only look like one, must get the same rule either way.
TEST_CASE("timex patterns: a match after a modifier has the rule the patterns as written give it") {
  const DatePatterns p;
  const char* const texts[] = {
      "late 2019", "Late 2019", "the end of the year", "the end of 2019", "the end of the 20th century",
      "the very end of the 1990s", "the early 1990s", "mid-March", "mid 2019", "mid-1990s",
      "around 2019", "roughly three years ago", "early next month", "late last year",
      "the first half of 2019", "the first half of next year", "the second half", "early this week",
      "the beginning of March 2019", "the turn of the century", "sometime next week",
      "the middle of the night", "at the start of the quarter", "late Friday", "early summer",
      "late in the year", "the late 19th century", "the middle of May", "early May 5",
      "late 5 May", "around the fifth of September", "the end of the third quarter", "early Q3",
      "the end of the weekend", "late January 2019", "the latter part of 2019",
      "the close of the year", "the dawn of the 21st century", "early  2019", "mid- 2019",
      "the end of  the year", "approximately the year 2000", "circa 1990",
      "amid the '90s", "the mid-'90s"};
  for (const char* text : texts) check_same(p, text);
}
