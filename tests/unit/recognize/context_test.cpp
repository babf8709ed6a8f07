// Context's token lists (cap_tokens, line_starts, role_nouns) and match lists
// (title_matches, mention_matches) stand in for a walk over every token or
// match in the recognizers: they must hold exactly the tokens (matches) such a
// walk would pick, in order.
#include "newsner/recognize/context.hpp"

#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

#include "names_fixture.hpp"
#include "newsner/recognize/organization.hpp"

namespace {

using newsner::recognize::Context;
using newsner::text::Shape;

void check_lists(const std::string& text) {
  INFO("text: " << text);
  static newsner::text::Tokenizer tok;
  const auto tt = tok.tokenize(text);
  const Context ctx(tt, names_test::matcher());
  std::vector<std::uint32_t> caps, lines, roles;
  for (std::size_t i = 0; i < ctx.size(); ++i) {
    const Shape s = ctx.token(i).shape;
    if (s == Shape::Capitalized || s == Shape::AllCaps || s == Shape::Mixed || s == Shape::Alnum) {
      caps.push_back(static_cast<std::uint32_t>(i));
    }
    if (i == 0 || ctx.token(i).newline_before) lines.push_back(static_cast<std::uint32_t>(i));
    if (s == Shape::Lower && ctx.lex_is(i, newsner::recognize::kLexRoleNoun)) {
      roles.push_back(static_cast<std::uint32_t>(i));
    }
  }
  if (ctx.size() > 0) lines.push_back(static_cast<std::uint32_t>(ctx.size()));
  std::vector<std::uint32_t> titles, mentions;
  for (std::size_t k = 0; k < ctx.matches.size(); ++k) {
    const auto c = ctx.matches[k].cls;
    if (c == newsner::gazetteer::EntryClass::Title) titles.push_back(static_cast<std::uint32_t>(k));
    // (Not a match that starts with a lowercase word in another case than its entry's.)
    const bool lowercase_other_case =
        !ctx.matches[k].exact_case && ctx.token(ctx.matches[k].token_begin).shape == Shape::Lower;
    if ((c == newsner::gazetteer::EntryClass::Person || c == newsner::gazetteer::EntryClass::Location ||
         c == newsner::gazetteer::EntryClass::Organization) &&
        !lowercase_other_case) {
      mentions.push_back(static_cast<std::uint32_t>(k));
    }
  }
  const auto list = [](const newsner::recognize::IndexList& l) {
    return std::vector<std::uint32_t>(l.begin(), l.end());
  };
  CHECK(list(ctx.cap_tokens) == caps);
  CHECK(list(ctx.line_starts) == lines);
  CHECK(list(ctx.role_nouns) == roles);
  CHECK(list(ctx.title_matches) == titles);
  CHECK(list(ctx.mention_matches) == mentions);
}

}  // namespace

TEST_CASE("context: cap_tokens, line_starts and role_nouns") {
  check_lists("J.R.R. Tolkien met eBay's CEO, the G20 chairman and 3rd analyst in Washington.\n"
              "MAJOR TOM SAID NO. \xC3\x89mile \xC3\xA9mile 1996 ($5)\n\n- chief executive of Acme\nKelpCorp");
  check_lists("");
  check_lists("lowercase only, no names here");
  check_lists("\nOne\nTwo");
  // Titles of one and several words, in any case (the list keeps them all),
  // and mentions of one and several words.
  check_lists("Deputy Foreign Minister Lena Ostrova and the prime minister met President Obama, "
              "PRIME MINISTER Sato and Sgt Pepper in New York, Paris and Tokyo for the United Nations.");

  static newsner::text::Tokenizer tok;
  const auto tt = tok.tokenize("The chairman of Acme, CHAIRMAN Smith and Chairman Jones.");
  const Context ctx(tt, names_test::matcher());
  // Role nouns: lowercase only, found by their folded form in the lexicon.
  REQUIRE(ctx.role_nouns.size() == 1);
  CHECK(ctx.surface(ctx.role_nouns[0]) == "chairman");
  CHECK(ctx.lex_is(3, newsner::recognize::kLexRoleNoun) == false);  // "Acme"
  CHECK(ctx.cap_tokens.size() == 6);  // The Acme CHAIRMAN Smith Chairman Jones
}

TEST_CASE("context: mention_matches leaves out a lowercase word matched in another case than its entry's") {
  check_lists("She took a bath in Bath, then a BATH in BATH.");
  static newsner::text::Tokenizer tok;
  const auto tt = tok.tokenize("She took a bath in Bath.");
  const Context ctx(tt, names_test::matcher());
  const auto token_of = [&](std::string_view surface) {
    for (std::size_t i = 0; i < ctx.size(); ++i) {
      if (ctx.surface(i) == surface) return i;
    }
    return ctx.size();
  };
  const std::size_t word = token_of("bath"), town = token_of("Bath");
  bool word_matched = false, word_listed = false, town_listed = false;
  for (const auto& m : ctx.matches) word_matched = word_matched || m.token_begin == word;
  for (const std::uint32_t k : ctx.mention_matches) {
    word_listed = word_listed || ctx.matches[k].token_begin == word;
    town_listed = town_listed || ctx.matches[k].token_begin == town;
  }
  CHECK(word_matched);  // the town's entry, in lowercase
  CHECK_FALSE(word_listed);
  CHECK(town_listed);
}

TEST_CASE("context: title and mention match lists are not empty on a sentence that has both") {
  static newsner::text::Tokenizer tok;
  const auto tt = tok.tokenize("Prime Minister Shinzo Abe visited New York and Paris.");
  const Context ctx(tt, names_test::matcher());
  CHECK(ctx.title_matches.size() >= 2);    // "Prime Minister", "Minister"
  CHECK(ctx.mention_matches.size() >= 2);  // "New York", "Paris"
}

// The lexicon knows a word by its fold hash and size: every case of a rule
// word gets its bits, and words that only begin or end like one get none.
TEST_CASE("context: lexicon bits by folded form") {
  static newsner::text::Tokenizer tok;
  const auto tt = tok.tokenize(
      "The THE the Theme them said SAID Said saying chairman Chairmen Inc Incorporated Ministry ministries");
  const Context ctx(tt, names_test::matcher());
  using namespace newsner::recognize;
  const std::uint16_t expect[] = {kLexFunction, kLexFunction, kLexFunction, 0, 0, kLexSpeech, kLexSpeech,
                                  kLexSpeech, 0, kLexRoleNoun, 0, kLexOrgHead | kLexOrgSuffix,
                                  kLexOrgHead | kLexOrgSuffix, kLexOrgHead, 0};
  REQUIRE(ctx.size() == std::size(expect));
  for (std::size_t i = 0; i < ctx.size(); ++i) {
    INFO("token " << i << ": " << std::string(ctx.surface(i)));
    CHECK(ctx.lex[i] == expect[i]);
  }
}

// loc.feature tests kLexFeature before its two word lists: the bit must be set
// on every word of both lists (location.cpp), in any case, and on no other.
TEST_CASE("context: kLexFeature covers the feature suffix and prefix words") {
  static newsner::text::Tokenizer tok;
  const std::string words =
      "island islands river sea ocean lake mountains mountain valley bay strait peninsula desert gulf coast canal "
      "hills plateau basin province county region mount cape isle port fort";
  for (const std::string& text : {words, std::string("Island RIVER Mount Fort Lake")}) {
    const auto tt = tok.tokenize(text);
    const Context ctx(tt, names_test::matcher());
    for (std::size_t i = 0; i < ctx.size(); ++i) {
      INFO("token " << i << ": " << std::string(ctx.surface(i)));
      CHECK(ctx.lex_is(i, newsner::recognize::kLexFeature));
    }
  }
  const auto tt = tok.tokenize("Islander riverside Mounted Portugal seas");
  const Context ctx(tt, names_test::matcher());
  for (std::size_t i = 0; i < ctx.size(); ++i) CHECK_FALSE(ctx.lex_is(i, newsner::recognize::kLexFeature));
}

// team_cue_near tests kLexTeamCue instead of looking the words up: every
// result verb and club role must have it.
TEST_CASE("context: kLexTeamCue on every word of kTeamVerbs and kClubRoles") {
  static newsner::text::Tokenizer tok;
  std::string text;
  for (const auto w : newsner::recognize::kTeamVerbs) text.append(w).append(" ");
  for (const auto w : newsner::recognize::kClubRoles) text.append(w).append(" ");
  const auto tt = tok.tokenize(text);
  const Context ctx(tt, names_test::matcher());
  REQUIRE(ctx.size() == std::size(newsner::recognize::kTeamVerbs) + std::size(newsner::recognize::kClubRoles));
  for (std::size_t i = 0; i < ctx.size(); ++i) {
    INFO("token " << i << ": " << std::string(ctx.surface(i)));
    CHECK(ctx.lex_is(i, newsner::recognize::kLexTeamCue));
  }
  const auto other = tok.tokenize("Beaten striking teams sides");
  const Context octx(other, names_test::matcher());
  for (std::size_t i = 0; i < octx.size(); ++i) CHECK_FALSE(octx.lex_is(i, newsner::recognize::kLexTeamCue));
}

// Context takes the matcher's output as it is produced: it keeps the TITLE and
// mention matches (the same records, in find_all's order) and turns every other
// match into token bits. Checked against Matcher::find_all.
TEST_CASE("context: matches are find_all's TITLE and mention matches; evidence becomes token bits") {
  using newsner::gazetteer::EntryClass;
  using newsner::gazetteer::Match;
  static newsner::text::Tokenizer tok;
  std::string paris;  // more kept matches than tokens: Context's match buffer grows
  for (int k = 0; k < 80; ++k) paris += "New York Paris ";
  for (const std::string& text : std::vector<std::string>{
           "Prime Minister Shinzo Abe visited New York and Paris with the chairman of Acme.",
           "PRIME MINISTER SATO SAID NO\nKevin Smith, the French president, met Will in March in Tokyo.", "", paris}) {
    INFO("text: " << text);
    const auto tt = tok.tokenize(text);
    const Context ctx(tt, names_test::matcher());
    std::vector<Match> all;
    names_test::matcher().find_all(tt, all);
    std::vector<Match> listed;
    for (const Match& m : all) {
      if (m.cls < EntryClass::GivenName || m.cls == EntryClass::Title) listed.push_back(m);
    }
    REQUIRE(ctx.matches.size() == listed.size());
    if (text == paris) CHECK(listed.size() > ctx.size() / 2 + 16);
    if (!text.empty()) CHECK(listed.size() < all.size());  // some evidence matches were not kept
    for (std::size_t k = 0; k < listed.size(); ++k) {
      const Match &a = ctx.matches[k], &b = listed[k];
      CHECK(a.token_begin == b.token_begin);
      CHECK(a.token_end == b.token_end);
      CHECK(a.entry == b.entry);
      CHECK(a.cls == b.cls);
      CHECK(a.flags == b.flags);
      CHECK(a.list == b.list);
      CHECK(a.exact_case == b.exact_case);
      CHECK(a.deaccented == b.deaccented);
    }
    // first_match points at each token's first kept match.
    for (std::size_t i = 0; i < ctx.size(); ++i) {
      std::uint32_t first = Context::kNone;
      for (std::size_t k = 0; k < listed.size(); ++k) {
        if (listed[k].token_begin == i) {
          first = static_cast<std::uint32_t>(k);
          break;
        }
      }
      CHECK(ctx.first_match[i] == first);
    }
    // Every exact-case or common-word single-token match sets its class bit,
    // and a bit is set only by some single-token match of its class.
    std::vector<std::uint16_t> possible(ctx.size(), 0);
    for (const Match& m : all) {
      if (m.token_end != m.token_begin + 1) continue;
      const auto bit = newsner::recognize::class_bit(m.cls);
      possible[m.token_begin] |= bit;
      if (m.exact_case || m.cls == EntryClass::Word) CHECK((ctx.token_classes[m.token_begin] & bit) != 0);
    }
    for (std::size_t i = 0; i < ctx.size(); ++i) {
      CHECK((ctx.token_classes[i] & ~possible[i]) == 0);
      CHECK((ctx.strong_classes[i] & ~ctx.token_classes[i]) == 0);
    }
  }
}

// token_classes and strong_classes come from the matcher's per-token summary
// of the token-bit classes (Matcher::for_each_listed), not from one match per
// entry: they must equal what the rule of context.hpp gives entry by entry
// over find_all's one-token matches (mention and name classes in their own
// capitalization, in a capitals line or deaccented; titles and heads also when
// capitalized; WORD in any case).
TEST_CASE("context: token class bits equal the per-entry rule over find_all") {
  using newsner::gazetteer::EntryClass;
  using newsner::gazetteer::Match;
  static newsner::text::Tokenizer tok;
  for (const std::string text :
       {"Kevin Smith, the French president, met Will in March in Tokyo with the Bank of Jordan.",
        "JORDAN SAID THE FRENCH BANK WOULD PAY\nJordan and jordan, Paris and PARIS, Reading and reading.",
        "Jose Garcia flew from Sao Paulo to S\xC3\xA3o Paulo; JOSE and jos\xC3\xA9 stayed in Munchen.",
        "the ministry, Ministry, MINISTRY; Prime minister May, may, MAY, Amazon, AMAZON",
        // One all-caps token type in a capitals line and outside one.
        "JORDAN SAID KEVIN WOULD PAY\nKevin and KEVIN met JORDAN in Paris; JORDAN SAID KEVIN WOULD PAY"}) {
    INFO("text: " << text);
    const auto tt = tok.tokenize(text);
    const Context ctx(tt, names_test::matcher());
    std::vector<Match> all;
    names_test::matcher().find_all(tt, all);
    std::vector<std::uint16_t> classes(ctx.size(), 0), strong(ctx.size(), 0);
    for (const Match& m : all) {
      if (m.token_end != m.token_begin + 1) continue;
      const std::size_t i = m.token_begin;
      const Shape s = ctx.token(i).shape;
      bool counts;
      if (m.cls == EntryClass::Word) {
        counts = true;
      } else if (m.cls == EntryClass::Title || m.cls == EntryClass::OrgHead) {
        counts = m.exact_case || s == Shape::AllCaps || s == Shape::Capitalized;
      } else {
        counts = m.exact_case || (s == Shape::AllCaps && ctx.caps_line[i]) || (m.deaccented && s != Shape::Lower);
      }
      if (!counts) continue;
      classes[i] |= newsner::recognize::class_bit(m.cls);
      if (!(m.flags & newsner::gazetteer::kAmbiguous)) strong[i] |= newsner::recognize::class_bit(m.cls);
    }
    for (std::size_t i = 0; i < ctx.size(); ++i) {
      INFO("token " << i << ": " << std::string(ctx.surface(i)));
      CHECK(ctx.token_classes[i] == classes[i]);
      CHECK(ctx.strong_classes[i] == strong[i]);
    }
  }
}

namespace {

// What a Context read from a text: every per-token array and list, flattened.
std::string snapshot(const Context& c) {
  std::string s;
  const auto add = [&](const auto& range) {
    for (const auto v : range) s += std::to_string(v) + ",";
    s += "|";
  };
  add(c.first_match);
  add(c.token_classes);
  add(c.strong_classes);
  add(c.lex);
  add(c.caps_line);
  add(c.country);
  add(c.cap_tokens);
  add(c.line_starts);
  add(c.role_nouns);
  add(c.title_matches);
  add(c.mention_matches);
  for (const auto& m : c.matches) s += std::to_string(m.token_begin) + "-" + std::to_string(m.token_end) + ",";
  return s + (c.sports ? "sports" : "");
}

}  // namespace

TEST_CASE("context: a Context reusing the thread's buffers reads a text as a fresh one does") {
  static newsner::text::Tokenizer tok;
  const std::string big =
      "Prime Minister Taro Kono of Japan met Angela Merkel in Berlin.\nLEICESTER 2 Chelsea 1\n"
      "The Foreign Ministry said the talks with the Kelvor Hanley Bank went well. " +
      std::string(40, 'x') + " Ford Motor Co. rose.";
  const std::string small = "Kono left Tokyo. NATO met.";
  const auto tt_big = tok.tokenize(big);
  const auto tt_small = tok.tokenize(small);
  // Fresh: on a new thread, whose buffers are empty.
  std::string fresh_small, fresh_big;
  std::thread([&] {
    fresh_small = snapshot(Context(tt_small, names_test::matcher()));
    fresh_big = snapshot(Context(tt_big, names_test::matcher()));
  }).join();
  { const Context warm(tt_big, names_test::matcher()); }
  CHECK(snapshot(Context(tt_small, names_test::matcher())) == fresh_small);  // larger buffers, shorter text
  CHECK(snapshot(Context(tt_big, names_test::matcher())) == fresh_big);
  // Two alive at once: the second starts from empty buffers.
  const Context first(tt_big, names_test::matcher());
  const Context second(tt_small, names_test::matcher());
  CHECK(snapshot(first) == fresh_big);
  CHECK(snapshot(second) == fresh_small);
}
