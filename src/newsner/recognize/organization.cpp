#include "newsner/recognize/organization.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>

#include "newsner/recognize/location.hpp"
#include "newsner/recognize/name_shape.hpp"
#include "newsner/recognize/rule_support.hpp"

namespace newsner::recognize {

using gazetteer::EntryClass;
using text::Shape;


bool is_org_word_at(const Context& ctx, std::size_t i) {
  const Shape s = ctx.token(i).shape;
  if (s != Shape::Capitalized && s != Shape::AllCaps && s != Shape::Mixed && s != Shape::Alnum) return false;
  return !ctx.lex_is(i, kLexFunction | kLexWeakStart | kLexCalendar);
}

bool spells_initials(const Context& ctx, std::size_t b, std::size_t e, std::string_view a) {
  std::size_t k = 0;
  for (std::size_t j = b; j < e && k < a.size(); ++j) {
    if (!ctx.is_cap(j)) continue;
    if (ctx.surface(j)[0] != a[k]) return false;
    ++k;
  }
  return a.size() >= 2 && k == a.size();
}

namespace {

bool is_org_word(const Context& ctx, std::size_t i) { return is_org_word_at(ctx, i); }

// Token i is a currency's letters before "$" ("S$480", "HK$15"): an amount
// begins there, the name before it ends.
bool currency_letters(const Context& ctx, std::size_t i) {
  const std::size_t end = ctx.token(i).span.end;
  return ctx.token(i).shape == Shape::AllCaps && end < ctx.tt.text.size() && ctx.tt.text[end] == '$';
}

// The end of a place name that starts at token i with a weak start word
// ("New York", "New Delhi"), or i: such a place is a name's modifier like
// any other ("New York Marble Exchange").
std::size_t weak_start_place_end(const Context& ctx, std::size_t i) {
  if (i >= ctx.size() || !ctx.lex_is(i, kLexWeakStart) || !ctx.is_cap(i)) return i;
  std::size_t end = i;
  ctx.for_matches_at(i, [&](const gazetteer::Match& m) {
    if (m.cls == EntryClass::Location && m.exact_case && m.token_end > end) end = m.token_end;
  });
  return end;
}

void emit(const Context& ctx, std::size_t b, std::size_t e, float score, std::string_view rule,
          std::vector<Candidate>& out) {
  emit_candidate(ctx, EntityType::Organization, b, e, score, rule, out);
}

// An exact-case TITLE match of several words at token i ("Prime Minister",
// "Cabinet Secretary"), or nullptr.
const gazetteer::Match* long_title_at(const Context& ctx, std::size_t i) {
  return ctx.find_match_at(
      i, [&](const gazetteer::Match& m) { return m.cls == EntryClass::Title && m.token_end > i + 1 && m.exact_case; });
}

// A title word (not a head) before a capitalized word: "Governor Kazuo Ueda".
// Title words are not part of an organization's name: its "of" extension ends
// before them ("Bank of England Governor Andrew Bailey"). (The capital first.)
bool title_before_name(const Context& ctx, std::size_t i, bool several_words) {
  if (i + 1 >= ctx.size() || ctx.token(i).shape != Shape::Capitalized || !cap_shape(ctx, i + 1) ||
      ctx.token(i + 1).newline_before || ctx.is_org_head(i)) {
    return false;
  }
  if (!several_words && (ctx.has(i, EntryClass::Title) || ctx.lex_is(i, kLexTitleAbbrev))) return true;
  // A title of several words: "Prime Minister Sheikh Hasina".
  const gazetteer::Match* t = long_title_at(ctx, i);
  return t && t->token_end < ctx.size() && cap_shape(ctx, t->token_end) && !ctx.token(t->token_end).newline_before;
}

// Token j is "of" and a person's name follows, a given name or a surname
// second, that is no place or body: "... of Jalal Tarsi".
bool is_leader_after_of(const Context& ctx, std::size_t j) {
  return j + 2 < ctx.size() && folded_is(ctx, j, "of") && cap_shape(ctx, j + 1) && cap_shape(ctx, j + 2) &&
         (ctx.has(j + 1, EntryClass::GivenName) || ctx.has(j + 2, EntryClass::Surname)) &&
         !ctx.has(j + 1, EntryClass::Location) && !ctx.has(j + 1, EntryClass::Organization) &&
         weak_start_place_end(ctx, j + 1) == j + 1;  // ("of New York")
}

// Extends [b, e) to the right over "of"/"for"/"on" (+ "the") + capitalized words
// and further heads: "Ministry of Foreign Affairs", "Bank of Japan", "Kiel
// Institute for the World Economy".
std::size_t extend_of(const Context& ctx, std::size_t e) {
  const std::size_t n = ctx.size();
  std::size_t j = e;
  // "of", and "for"/"on" as in "Institute for Fiscal Studies", "Council on Foreign Relations"
  const auto joiner = [&](std::size_t i) {
    return ctx.token(i).shape == Shape::Lower &&
           (folded_is(ctx, i, "of") || folded_is(ctx, i, "for") || folded_is(ctx, i, "on"));
  };
  if (j + 1 < n && joiner(j) && !ctx.token(j).newline_before) {
    std::size_t k = j + 1;
    if (k < n && folded_is(ctx, k, "the") && ctx.token(k).shape == Shape::Lower) ++k;
    std::size_t end = k;
    while (end < n && !ctx.token(end).newline_before && end - k < 5) {
      // A place that opens with a weak start word goes in whole after "of":
      // "Bank of New York", "Court for the Southern District of New York"
      // ("left Mexico City for New York" is a journey).
      if (const std::size_t place_end = folded_is(ctx, j, "of") ? weak_start_place_end(ctx, end) : end;
          place_end > end) {
        end = place_end;
        continue;
      }
      if (!is_org_word(ctx, end) || currency_letters(ctx, end)) break;
      // "Bank of Japan [Governor Kazuo Ueda]"; right after "of" only a title of
      // several words ("Awami League of [Prime Minister Sheikh Hasina]"; "Order of Saint John").
      if (title_before_name(ctx, end, end == k)) break;
      ++end;
      // "Health and Human Services", "Trade and Industry"
      if (end + 1 < n && (folded_is(ctx, end, "and") || is_char(ctx, end, '&')) && is_org_word(ctx, end + 1)) end += 1;
    }
    if (end > k && is_org_word(ctx, end - 1)) return end;
  }
  return e;
}

}  // namespace

const gazetteer::Match* listed_org_up_to(const Context& ctx, std::size_t p, std::size_t h);  // (below)

namespace {

// The lowercase particles a team name takes inside ("Real Sociedad de Futbol",
// "Rayo del Sur"): team_chunk reads past them, and OrgStarts' line filter must
// agree with it.
bool is_team_particle(const Context& ctx, std::size_t i) {
  return folded_is(ctx, i, "de") || folded_is(ctx, i, "del") || folded_is(ctx, i, "la");
}

// A name chunk in a team slot: capitalized words, with "'s", "." initials,
// hyphens, "&" and particles inside ("St Corvan", "Aldwick's F.P.", "Paris St Germain").
// Returns the end of the chunk starting at b (b when none).
std::size_t team_chunk(const Context& ctx, std::size_t b, std::size_t limit) {
  std::size_t i = b, end = b;
  while (i < limit && i - b < 6) {
    const Shape s = ctx.token(i).shape;
    if (s == Shape::Capitalized || s == Shape::AllCaps || s == Shape::Mixed) {
      if (ctx.lex_is(i, kLexFunction) && i == b) break;
      ++i;
      end = i;
      continue;
    }
    // "'s", ".", "-", "&" or "'" (from the token's bytes: five string compares
    // per token before), not after a ".".
    const Span sp = ctx.token(i).span;
    const char c0 = ctx.text_data[sp.begin];
    const bool apostrophe_s = sp.size() == 2 && c0 == '\'' && ctx.text_data[sp.begin + 1] == 's';
    const bool mark = sp.size() == 1 && (c0 == '.' || c0 == '-' || c0 == '&' || c0 == '\'');
    if (i > b && (apostrophe_s || mark) && !is_char(ctx, i - 1, '.')) {
      // A period after a capitalized word of 3+ letters before a new sentence
      // ends it ("beat Leeds. Wigan ..."); not an initial's or abbreviation's
      // ("F.C. Tarvel": "F.C" is one token in capitals).
      if (c0 == '.' && i + 1 < limit && ctx.token(i + 1).sentence_start && ctx.is_cap(i + 1) &&
          ctx.token(i - 1).shape == Shape::Capitalized && ctx.surface(i - 1).size() >= 3) {
        break;
      }
      if (apostrophe_s || c0 == '.') end = i + 1;  // (a one-byte mark: c0 is it)
      ++i;
      continue;
    }
    if (i > b && s == Shape::Lower && is_team_particle(ctx, i)) {
      ++i;
      continue;
    }
    break;
  }
  return end;
}

bool is_number_token(const Context& ctx, std::size_t i) {
  return ctx.token(i).shape == Shape::Digits;
}

// Skips a parenthesised country or note after a team: "Alba (Germany) 75".
std::size_t skip_paren(const Context& ctx, std::size_t i, std::size_t limit) {
  if (i < limit && is_char(ctx, i, '(')) {
    std::size_t k = i + 1;
    while (k < limit && k < i + 6 && !is_char(ctx, k, ')')) ++k;
    if (k < limit && is_char(ctx, k, ')')) return k + 1;
  }
  return i;
}

// Skips the scorers in parentheses after a side's score, "Kelmore 2 (Tarvel
// 12th, Kelp 64th pen, 70th)) Dunhaven 0", to the last ")" of the run (an
// extra one is common); i when token i is no "(".
std::size_t skip_scorers(const Context& ctx, std::size_t i, std::size_t limit) {
  if (i >= limit || !is_char(ctx, i, '(')) return i;
  int depth = 0;
  for (std::size_t k = i; k < limit; ++k) {
    if (is_char(ctx, k, '(')) ++depth;
    if (is_char(ctx, k, ')') && --depth <= 0) {
      while (k + 1 < limit && is_char(ctx, k + 1, ')')) ++k;
      return k + 1;
    }
  }
  return i;
}

// An Australian rules football score at token i, "9.8 (62)": goals and
// behinds as one token, then the points in parentheses. Its end, or i.
std::size_t points_score_end(const Context& ctx, std::size_t i, std::size_t limit) {
  if (i + 3 >= limit || !is_char(ctx, i + 1, '(') || ctx.token(i + 2).shape != Shape::Digits ||
      !is_char(ctx, i + 3, ')')) {
    return i;
  }
  const std::string_view s = ctx.surface(i);
  const std::size_t dot = s.find('.');
  if (dot == 0 || dot == std::string_view::npos || dot + 1 == s.size()) return i;
  for (std::size_t k = 0; k < s.size(); ++k) {
    if (k != dot && (s[k] < '0' || s[k] > '9')) return i;
  }
  return i + 4;
}

// A team slot never holds a country (national sides are tagged as the
// country, as CoNLL does) or a person's name.
bool team_name_ok(const Context& ctx, std::size_t b, std::size_t e) {
  if (e <= b || ctx.is_country_span(b, e) || is_home_nation(ctx, b, e)) return false;
  if (ctx.strong(b, EntryClass::Demonym)) return false;
  // ("St Corvan", "St Halden": "St", a name particle some list has as a given
  // name, opens a saint's name, not a player's.)
  if (e == b + 2 && ctx.strong(b, EntryClass::GivenName) && !ctx.lex_is(b, kLexParticle) &&
      !ctx.has(b, EntryClass::Location) &&
      !ctx.has(e - 1, EntryClass::Location) && !ctx.lex_is(e - 1, kLexTeamWord)) {
    return false;  // "Ernie Wessel 69 70": a golfer, not a club
  }
  for (std::size_t i = b; i < e; ++i) {
    if (ctx.lex_is(i, kLexCalendar) && ctx.token(i).shape != Shape::AllCaps) return false;
  }
  return true;
}

// "1. Kelmore 31 points": a standings row's rank, "N.", opens the line at b
// (end le) before a capitalized word (in a sports report: OrgStarts).
bool ranked_row_start(const Context& ctx, std::size_t b, std::size_t le) {
  return b + 3 < le && ctx.token(b).shape == Shape::Digits && is_char(ctx, b + 1, '.') && cap_shape(ctx, b + 2) &&
         !(ctx.lex[b + 2] & kLexFunction);
}

// A ranked row's side [b, e) (after ranked_row_start's "N."): a place, a
// listed body or a team word, not a player ranked by his points ("1. Tarvo
// Kelp 4,450 points"). kRankedClub: a listed club; kRankedSurname: a place
// that is a surname too ("Kelpton"), a club only in a table of clubs.
enum RankedSide { kNotRanked, kRankedSide, kRankedClub, kRankedSurname };
RankedSide ranked_side(const Context& ctx, std::size_t b, std::size_t e) {
  if (b < 2 || !(b == 2 || ctx.token(b - 2).newline_before) || !is_char(ctx, b - 1, '.') ||
      ctx.token(b - 2).shape != Shape::Digits || ctx.has(b, EntryClass::GivenName)) {
    return kNotRanked;
  }
  bool side = false, club = false;
  for (std::size_t k = b; k < e; ++k) {
    side = side || ctx.has(k, EntryClass::Location) || ctx.lex_is(k, kLexTeamWord);
    club = club || ctx.has(k, EntryClass::Organization);
  }
  if (!side && !club) return kNotRanked;
  if (ctx.has(e - 1, EntryClass::Surname)) return club ? kRankedClub : kRankedSurname;
  return club ? kRankedClub : kRankedSide;
}

// org.team_score / org.team_table: sports result lines. "Kelmore 3 Dunhaven 3",
// "Halde (Germany) 75 Golden Star (Yugoslavia) 70", "Brackley 4 2 0 2 4 5 6",
// "NEW YORK 61 74 .452 23 1/2".
// `lines` holds (first token, line end) of the lines that can open with a team
// chunk (OrgStarts).
void team_lines(const Context& ctx, const std::vector<std::uint32_t>& lines, std::vector<Candidate>& out) {
  // Ranked rows of one number whose side is also a surname wait for a listed
  // club in the table ("1. Kelpton 31 points", "2. Tarvo FC 29").
  std::array<std::pair<std::uint32_t, std::uint32_t>, 8> surname_rows;
  std::size_t surname_count = 0;
  bool club_rows = false;
  for (std::size_t l = 0; l + 1 < lines.size(); l += 2) {
    const std::size_t b = lines[l], le = lines[l + 1];
    const std::size_t e1 = team_chunk(ctx, b, le);
    if (e1 > b) {
      std::size_t j = skip_paren(ctx, e1, le);
      if (j < le && is_number_token(ctx, j)) {
        // Result: chunk number [(scorers)] chunk number [(...)]
        std::size_t k = skip_scorers(ctx, j + 1, le);
        const std::size_t e2 = team_chunk(ctx, k, le);
        // "Published 18 February 2008": a month after the number makes a date, no score.
        if (e2 > k && ctx.lex_is(k, kLexCalendar) && ctx.token(k).shape != Shape::AllCaps) continue;
        if (e2 > k) {
          std::size_t m = skip_paren(ctx, e2, le);
          if (m < le && is_number_token(ctx, m) &&
              (m + 1 == le || is_char(ctx, m + 1, '(') || is_char(ctx, m + 1, ',') ||
               // a sentence's period ("Kelmore 0 Dunhaven 0."), after scores that stand
               // apart ("Apr.05 NEXT FIX 3." is a bond's terms)
               (m + 2 == le && is_char(ctx, m + 1, '.') && ctx.token(j).space_before))) {
            if (team_name_ok(ctx, b, e1)) emit(ctx, b, e1, 0.85f, "org.team_score", out);
            if (team_name_ok(ctx, k, e2)) emit(ctx, k, e2, 0.85f, "org.team_score", out);
          }
        } else {
          // Table: chunk followed only by numbers (and ".", "/", "-") to the end of the line.
          int numbers = 0;
          bool only_numbers = true;
          for (std::size_t q = j; q < le; ++q) {
            const Shape s = ctx.token(q).shape;
            if (s == Shape::Digits) {
              ++numbers;
            } else if (!(is_char(ctx, q, '.') || is_char(ctx, q, '/') || is_char(ctx, q, '-')) &&
                       !(q + 1 == le && numbers > 0 && (folded_is(ctx, q, "points") || folded_is(ctx, q, "pts")))) {
              only_numbers = false;
              break;
            }
          }
          // "LONDON 1996-08-30" is a dateline, not a table row.
          const bool iso_date = ctx.surface(j).size() == 4 && j + 1 < le && is_char(ctx, j + 1, '-');
          if (!only_numbers || iso_date || numbers == 0 || !team_name_ok(ctx, b, e1)) continue;
          // A ranked row needs one number only: its points ("1. Kelmore 31 points").
          const RankedSide ranked = numbers >= 3 ? kRankedSide : ranked_side(ctx, b, e1);
          club_rows = club_rows || ranked == kRankedClub;
          if (ranked == kRankedSurname) {
            if (surname_count < surname_rows.size()) surname_rows[surname_count++] = {b, e1};
          } else if (ranked != kNotRanked) {
            emit(ctx, b, e1, 0.8f, "org.team_table", out);
          }
        }
      } else if (const std::size_t k = points_score_end(ctx, j, le); k > j) {
        // "Kelmore 9.8 (62) Dunhaven 13.12 (90)": goals and behinds, then the points.
        const std::size_t e2 = team_chunk(ctx, k, le);
        if (e2 > k && points_score_end(ctx, e2, le) > e2) {
          if (team_name_ok(ctx, b, e1)) emit(ctx, b, e1, 0.85f, "org.team_score", out);
          if (team_name_ok(ctx, k, e2)) emit(ctx, k, e2, 0.85f, "org.team_score", out);
        }
      }
    }
  }
  for (std::size_t r = 0; club_rows && r < surname_count; ++r) {
    emit(ctx, surname_rows[r].first, surname_rows[r].second, 0.8f, "org.team_table", out);
  }
}

// "against Dale Hamlin", "joined Rory Kestrel": a given name and a surname
// whose place senses are weak (amb: a small town, a province) are a player.
// (For a slot that only a cue word makes a team: a score line's "Port Elsby 2"
// is the club.)
bool reads_as_player(const Context& ctx, std::size_t b, std::size_t e) {
  return e == b + 2 && ctx.has(b, EntryClass::GivenName) && ctx.has(e - 1, EntryClass::Surname) &&
         !ctx.strong(b, EntryClass::Location) && !ctx.strong(e - 1, EntryClass::Location) &&
         !ctx.lex_is(b, kLexParticle) && !ctx.lex_is(e - 1, kLexTeamWord) && !ctx.is_org_head(e - 1);
}

bool is_team_verb(const Context& ctx, std::size_t i) {
  static constexpr WordSet kSet(kTeamVerbs);
  return kSet.contains(ctx, i);
}
// "title rivals Essex", "champions Bath", "title hopefuls Derbyshire": plural
// nouns of competing sides before the slot (a country stays one: team_name_ok).
bool is_clubs_before(const Context& ctx, std::size_t i) {
  static constexpr WordSet kSet(kClubsBefore);
  return kSet.contains(ctx, i);
}
// Nouns of a match after a possessive: "Boston's lead", "Kent's home defeat".
bool is_club_possession(const Context& ctx, std::size_t i) {
  // (Not "win" or "defeat": "Washington's win" is as often a tennis player's.)
  static constexpr std::string_view kWords[] = {"lead", "home"};
  static constexpr WordSet kSet(kWords);
  return kSet.contains(ctx, i);
}
// Verbs and nouns of a player's part before "for" and a club ("played for Nice").
bool is_plays_for(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kWords[] = {"played", "plays", "playing", "signed", "signs",  "scored",
                                                "homered", "homer", "homers",  "goal",  "goals"};
  static constexpr WordSet kSet(kWords);
  return kSet.contains(ctx, i);
}
bool is_transfer_verb(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kWords[] = {"joined", "joins", "signed", "signs", "transferred", "bought"};
  static constexpr WordSet kSet(kWords);
  return kSet.contains(ctx, i);
}
// A transfer verb at most 6 words before the "from" at i - 1 (i >= 2), in its
// sentence: "joined Milan from Parma". `object`: a capitalized word right
// after the verb, not the "from" ("signed Kelpson from Nantes").
bool transfer_before_from(const Context& ctx, std::size_t i, bool object) {
  for (std::size_t k = i - 2; k + 8 > i && !ctx.token(k + 1).sentence_start; --k) {
    if (is_transfer_verb(ctx, k) && (!object || (k + 2 < i && cap_shape(ctx, k + 1)))) return true;
    if (k == 0) break;
  }
  return false;
}
bool is_club_role(const Context& ctx, std::size_t i) {
  static constexpr WordSet kSet(kClubRoles);
  return kSet.contains(ctx, i);
}


// org.team_context: in a sports report, a place name next to a result verb
// names the club ("Leicestershire beat Somerset", "drew with Kent", "against
// Essex"). Countries stay locations; unknown words need a score line instead.
// A slot at token i ends at most 3 tokens on and needs a place (a LOCATION token
// or match) or a team word in it: a cheap test before the chunk scan.
bool team_evidence_in_reach(const Context& ctx, std::size_t i) {
  // (The loop on local pointers and i's own token first: through `ctx` each
  // test would reload the vectors and check bounds again.)
  const std::uint16_t* const classes = ctx.token_classes.data();
  const std::uint16_t* const lex = ctx.lex.data();
  if (classes[i] & class_bit(EntryClass::Location)) return true;
  const std::size_t end = std::min(ctx.size(), i + 3);
  for (std::size_t k = i + 1; k < end; ++k) {
    if ((classes[k] & class_bit(EntryClass::Location)) || (lex[k] & kLexTeamWord)) return true;
  }
  bool place = false;
  ctx.for_matches_at(i, [&](const gazetteer::Match& m) { place = place || m.cls == EntryClass::Location; });
  return place;
}

// A slot at token i is emitted only with a result verb or club context (a
// word right before i, or a word at or after the chunk's end, which lies in
// (i, i + 3]) or a team word inside it. Few slots have one: this finds those
// before the chunk is scanned. True for every slot that has one, and for some
// that do not (team_context decides).
bool team_cue_near(const Context& ctx, std::size_t i) {
  // Before i: the result verbs, "joined", "with"/"to" of "drew with", "lost to", "by" of "defeat by",
  // "for" of "played for" and "from" of "joined Milan from Parma".
  // Built from the cue list itself, so that a word added there is never
  // filtered out here.
  static constexpr std::string_view kBeforeExtra[] = {"joined", "with", "to", "for", "from", "by"};
  static constexpr WordSet kBefore(concat(concat(kTeamVerbs, kBeforeExtra), kClubsBefore));
  if (i > 0 && kBefore.contains(ctx, i - 1)) return true;
  // After: a team word, a result verb or club role (kLexTeamCue, set from the
  // cue lists: a bit test, not a lookup), or "'s" ("Atlanta's Wade Corrin";
  // punctuation, which has no lexicon bits).
  const std::uint16_t* const lex = ctx.lex.data();
  const std::size_t end = std::min(ctx.size(), i + 5);
  for (std::size_t k = i + 1; k < end; ++k) {
    if ((lex[k] & (kLexTeamWord | kLexTeamCue)) || folded_is(ctx, k, "'s")) return true;
    // A score after the slot ("Kent to 133 for five", "Kent reached 108 for three"):
    // the number's shape first, the word only then (numbers are everywhere in
    // sports reports).
    if (k + 1 < ctx.size() && ctx.token(k + 1).shape == Shape::Digits &&
        (folded_is(ctx, k, "to") || folded_is(ctx, k, "reached"))) {
      return true;
    }
  }
  return false;
}

// Both of the above (out of line: inlined into OrgStarts' loop, their loops
// and lookups made GCC spill the loop's registers).
[[gnu::noinline]] bool team_slot_cues(const Context& ctx, std::size_t i) {
  return team_evidence_in_reach(ctx, i) && team_cue_near(ctx, i);
}

// A cricket side's score after the slot at `last`: "reducing Kent to 133 for
// five", "Kent had reached 126 for four" (a number of 2+ digits, then "for").
bool innings_after(const Context& ctx, std::size_t last) {
  std::size_t k = last;
  if (k < ctx.size() && (folded_is(ctx, k, "had") || folded_is(ctx, k, "have"))) ++k;
  if (k >= ctx.size() || !(folded_is(ctx, k, "to") || folded_is(ctx, k, "reached"))) return false;
  ++k;
  return k + 1 < ctx.size() && ctx.token(k).shape == Shape::Digits && ctx.surface(k).size() >= 2 &&
         folded_is(ctx, k + 1, "for");
}

std::size_t score_end(const Context& ctx, std::size_t i);

// "a home defeat by Kelmore", "held 0-0 by Kelmore": a result before the "by"
// at token k + 1, whose side after it won.
bool result_before_by(const Context& ctx, std::size_t k) {
  static constexpr std::string_view kWords[] = {"defeat", "defeats", "beaten", "held", "thrashing", "hammering"};
  static constexpr WordSet kSet(kWords);
  return kSet.contains(ctx, k) || (k >= 2 && score_end(ctx, k - 2) == k + 1);
}

// `starts`: the slot starts of OrgStarts (capitalized words not after another
// on their line, not on a capitals line) that pass team_evidence_in_reach and
// team_cue_near (a few in a hundred).
void team_context(const Context& ctx, const std::vector<std::uint32_t>& starts, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  for (const std::size_t i : starts) {
    // team_chunk looks at most 6 tokens ahead: no need for the whole line.
    std::size_t limit = i + 1;
    while (limit < n && limit < i + 6 && !ctx.token(limit).newline_before) ++limit;
    std::size_t e = team_chunk(ctx, i, limit);
    // "Atlanta's Wade Corrin": the chunk runs on through "'s" into the
    // player's name; the slot is the possessor before it. Not a person's
    // name ("Alan Brewster's side") nor a capitalized sentence word before
    // the club ("Although Kelpton's").
    bool possessive = false;
    for (std::size_t k = i + 1; k < e && k < i + 4; ++k) {
      if (folded_is(ctx, k, "'s")) {
        e = k + 1;
        possessive = true;
        break;
      }
    }
    if (e <= i || e - i > 3) continue;
    if (possessive && e > i + 2 &&
        (ctx.has(i, EntryClass::GivenName) || (ctx.token(i).sentence_start && ctx.has(i, EntryClass::Word)))) {
      continue;
    }
    std::size_t last = e;
    while (last > i && !cap_shape(ctx, last - 1)) --last;
    if (last <= i) continue;
    bool place = false, team_word = false;
    for (std::size_t k = i; k < last; ++k) {
      if (ctx.has(k, EntryClass::Location)) place = true;
      if (ctx.lex_is(k, kLexTeamWord) && k > i) team_word = true;
    }
    ctx.for_matches_at(i, [&](const gazetteer::Match& m) {
      if (m.token_end == last && m.cls == EntryClass::Location) place = true;  // cls is the entry's
    });
    if (!place && !team_word) continue;
    // "beat Neil Ashcombe (England)": a given name and a country in parentheses
    // after the slot make it a player in a results list (person.country_paren).
    if (last >= i + 2 && ctx.has(i, EntryClass::GivenName) && !team_word) {
      const std::size_t paren_end = skip_paren(ctx, last, n);  // past ")", or `last`
      if (paren_end > last + 2 &&
          (ctx.is_country_span(last + 1, paren_end - 1) || is_home_nation(ctx, last + 1, paren_end - 1))) {
        continue;
      }
    }
    bool verb = false;
    // "Newcastle striker", "Atlanta's Wade Corrin", "joined Torino": club context.
    std::size_t after = last;
    if (after < n && ctx.is(after, "'s")) ++after;
    if (after < n && is_club_role(ctx, after)) verb = true;
    // "Cleveland's lead over", "Nice's home defeat": a result a club owns.
    if (after > last && after < n && is_club_possession(ctx, after)) verb = true;
    // (A two-word name: "New York's Hollis Memorial Hospital" is a place's.)
    if (after > last && after + 1 < n && ctx.strong(after, EntryClass::GivenName) && cap_shape(ctx, after + 1) &&
        !(after + 2 < n && cap_shape(ctx, after + 2) && !ctx.token(after + 2).newline_before)) {
      verb = true;
    }
    if (i > 0 && folded_is(ctx, i - 1, "joined")) verb = true;
    // ("Olympic relay champions Glen Fairweather": a given name opening two
    // words is a person's name.)
    if (i > 0 && is_clubs_before(ctx, i - 1) && (last == i + 1 || !ctx.has(i, EntryClass::GivenName))) verb = true;
    if (last < n && is_team_verb(ctx, last) && !folded_is(ctx, last, "against") && !folded_is(ctx, last, "over")) verb = true;
    if (i > 0 && is_team_verb(ctx, i - 1)) verb = true;
    if (i > 1 && folded_is(ctx, i - 1, "with") && (folded_is(ctx, i - 2, "drew") || folded_is(ctx, i - 2, "draw"))) verb = true;
    if (i > 1 && folded_is(ctx, i - 1, "to") && folded_is(ctx, i - 2, "lost")) verb = true;
    if (i > 1 && folded_is(ctx, i - 1, "by") && result_before_by(ctx, i - 2)) verb = true;
    // "played for Nice", "homered for Cleveland", "signed for Torino": a player's side.
    if (i > 1 && folded_is(ctx, i - 1, "for") && is_plays_for(ctx, i - 2)) verb = true;
    if (!verb && innings_after(ctx, last)) verb = true;
    // A transfer: "transferred to Milan", "joined Milan from Parma", "signed
    // Kelpson from Nantes" (the verb at most 6 words before "from").
    if (i > 1 && folded_is(ctx, i - 1, "to") && folded_is(ctx, i - 2, "transferred")) verb = true;
    if (i > 2 && folded_is(ctx, i - 1, "from") && transfer_before_from(ctx, i, false)) verb = true;
    // "move level with Liverpool", "drew level with Kent": a side equal on points.
    if (i > 1 && folded_is(ctx, i - 1, "with") && folded_is(ctx, i - 2, "level")) verb = true;
    // team_name_ok last: it costs more than the word tests above, which most slots fail.
    // "Former England captain", "Two Scotland players": a common word that
    // only the sentence capitalizes, before a national side, is no club name.
    if (last > i + 1 && ctx.token(i).sentence_start && ctx.has(i, EntryClass::Word) &&
        !team_name_ok(ctx, i + 1, last)) {
      continue;
    }
    if ((verb || team_word) && team_name_ok(ctx, i, last) && !reads_as_player(ctx, i, last)) {
      emit(ctx, i, last, verb ? 0.78f : 0.72f, verb ? "org.team_context" : "org.team_word", out);
    }
  }
}

// org.team_list: the places listed with a club found by team_context are
// clubs too: "title rivals Kent, Durham and Surrey", "v Somerset
// or Durham or Kent". After "and"/"or", or after a comma when
// the list goes on past the next name, a chunk with a place in it (a country
// stays one: team_name_ok; a given name opening two words is a person).
// Runs on team_context's candidates from `first` on: a few per sports report.
void team_list(const Context& ctx, std::size_t first, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  const auto joiner = [&](std::size_t k) {
    return k < n && !ctx.token(k).newline_before &&
           (is_char(ctx, k, ',') || ((folded_is(ctx, k, "and") || folded_is(ctx, k, "or")) &&
                                     ctx.token(k).shape == Shape::Lower));
  };
  for (std::size_t c = first; c < out.size(); ++c) {
    if (out[c].evidence != "org.team_context") continue;
    // Only a list that a plural of sides or "v" opens ("title rivals Kent,
    // Durham and Surrey", "v Somerset or Durham"): after a verb the
    // cue is the first name's alone ("visit Madrid and Cologne" in a document
    // that only looks like a sports report).
    const std::size_t first_name = out[c].token_begin;
    // Backward, when the cue follows the club: "the former Blackburn and
    // Southampton skipper", "Kent and Essex drew": one place word before
    // "and", not after a locative preposition ("in London and Leeds fans") nor
    // another name (a common word that opens the sentence is none: "Former").
    if (const std::size_t end = out[c].token_end;
        first_name >= 2 && end < n && folded_is(ctx, first_name - 1, "and") &&
        (is_club_role(ctx, end) ||
         (is_team_verb(ctx, end) && !folded_is(ctx, end, "against") && !folded_is(ctx, end, "over")))) {
      const std::size_t j = first_name - 2;
      if (ctx.token(j).shape == Shape::Capitalized && ctx.has(j, EntryClass::Location) &&
          !ctx.token(first_name - 1).newline_before && !ctx.token(first_name).newline_before &&
          !(j > 0 && !ctx.token(j).newline_before &&
            ((cap_shape(ctx, j - 1) && !(ctx.token(j - 1).sentence_start && ctx.is_common_word(j - 1))) ||
             ctx.lex_is(j - 1, kLexLocative))) &&
          team_name_ok(ctx, j, j + 1)) {
        emit(ctx, j, j + 1, 0.72f, "org.team_list", out);
      }
    }
    if (first_name == 0 || !(is_clubs_before(ctx, first_name - 1) || folded_is(ctx, first_name - 1, "v") ||
                             folded_is(ctx, first_name - 1, "vs"))) {
      continue;
    }
    std::size_t k = out[c].token_end;
    while (joiner(k)) {
      const std::size_t i = k + 1;
      std::size_t limit = i;
      while (limit < n && limit < i + 4 && !ctx.token(limit).newline_before) ++limit;
      std::size_t e = team_chunk(ctx, i, limit);
      while (e > i && !cap_shape(ctx, e - 1)) --e;  // the sentence's period ("and Kent.")
      if (e <= i || e - i > 3) break;
      if (is_char(ctx, k, ',') && !joiner(e)) break;  // "beat Kent, Leeds fans said"
      bool place = false;
      for (std::size_t q = i; q < e; ++q) place = place || ctx.has(q, EntryClass::Location);
      if (!place || (e > i + 1 && ctx.has(i, EntryClass::GivenName)) || !team_name_ok(ctx, i, e)) break;
      emit(ctx, i, e, 0.72f, "org.team_list", out);
      k = e;
    }
  }
}

// org.team_name: a known place and a club's plural nickname that the sports
// list has alone, "the Florida Marlins", "the Sydney Swans", "Penrith Panthers":
// the club, whole, in any document (not a person "Florida Marlins" by a given
// name, not the place and a stray word). Not after a nationality word ("African
// Lions"), not inside a longer capitalized run, not before another capitalized
// word (a title-case headline, a longer name).
// `heads`: the capitalized words ending in "s" that a one-word ORGANIZATION
// entry matches in their own case (OrgStarts), a few per document; their
// matches are read here, not every mention match of the document.
void team_nicknames(const Context& ctx, std::span<const std::uint32_t> heads, std::vector<Candidate>& out) {
  const gazetteer::Match* const mts = ctx.matches.data();
  const std::size_t n = ctx.size();
  const std::size_t match_count = ctx.matches.size();
  for (const std::uint32_t h : heads) {
    if (h == 0 || ctx.token(h).newline_before) continue;
    for (std::uint32_t k = ctx.first_match[h]; k != Context::kNone && k < match_count && mts[k].token_begin == h;
         ++k) {
      const gazetteer::Match& mt = mts[k];
      if (mt.cls != EntryClass::Organization || mt.token_end != h + 1 || !mt.exact_case ||
          ctx.matcher.list_name(mt) != "sports") {
        continue;
      }
      std::size_t b = h;
      for (std::size_t s = h >= 3 ? h - 3 : 0; s < h && b == h; ++s) {
        if (ctx.find_match_at(s, [&](const gazetteer::Match& m) {
              return m.cls == EntryClass::Location && m.exact_case && m.token_end == h;
            })) {
          b = s;
        }
      }
      if (b == h || ctx.strong(b, EntryClass::Demonym)) continue;
      if (b > 0 && ctx.is_cap(b - 1) && !ctx.lex_is(b - 1, kLexFunction) && !ctx.token(b).sentence_start &&
          !ctx.token(b).newline_before) {
        continue;  // ("The" opens a sentence: a function word)
      }
      if (h + 1 < n && ctx.is_cap(h + 1) && !ctx.token(h + 1).newline_before) continue;
      emit(ctx, b, h + 1, 0.8f, "org.team_name", out);
    }
  }
}

// org.team_result: "Chelsea beat Arsenal 2-1", "Benetton of Italy beat Spartak
// of Russia 88-79", "the Padres blanked the Astros 4-0": a result verb between
// two names and a score right after the second make both clubs, in any
// document (a short report need not read as sports: Context::sports). Not
// national sides (team_name_ok), not people ("Halloway beat Pruett 10-6": a side
// that has a person's name and no place or team word), and not a tennis or
// squash line ("6-3 6-2": a second score after the first counts sets).
bool is_result_verb(const Context& ctx, std::size_t i) {
  // (The finite forms are all in kTeamVerbs: team_result's kLexTeamCue test lets
  // them through; the -ing forms only team_result_after_verb asks about.)
  static constexpr std::string_view kWords[] = {"beat",    "beats",     "defeated", "edged",  "thrashed",
                                                "routed",  "blanked",   "downed",   "outlasted", "swept",
                                                "beating", "defeating", "edging",   "thrashing"};
  static constexpr WordSet kSet(kWords);
  return kSet.contains(ctx, i);
}

// "2-1", "92-81" at token i (digits, a hyphen, digits, no spaces): the end, or i.
std::size_t score_end(const Context& ctx, std::size_t i) {
  if (i + 2 < ctx.size() && ctx.token(i).shape == Shape::Digits && is_char(ctx, i + 1, '-') &&
      ctx.token(i + 2).shape == Shape::Digits && !ctx.token(i + 1).space_before && !ctx.token(i + 2).space_before) {
    return i + 3;
  }
  return i;
}

// After a side's name: "(Italy)" or "of Italy" (its country), or nothing.
std::size_t skip_side_country(const Context& ctx, std::size_t e, std::size_t limit) {
  if (const std::size_t p = skip_paren(ctx, e, limit); p > e) return p;
  if (e + 1 < limit && folded_is(ctx, e, "of") && ctx.token(e).shape == Shape::Lower) {
    for (std::size_t c = e + 2; c <= std::min(limit, e + 3); ++c) {
      if (ctx.is_country_span(e + 1, c)) return c;
    }
  }
  return e;
}

// A side that reads as a person: a name list has a word of it, and no place,
// listed organization, head word ("Golden Star"), team word or particle ("Paris
// St Germain") says otherwise.
bool side_is_person(const Context& ctx, std::size_t b, std::size_t e) {
  bool name = false, place = false;
  for (std::size_t k = b; k < e; ++k) {
    if (ctx.has(k, EntryClass::Organization) || ctx.is_org_head(k) || ctx.lex_is(k, kLexTeamWord | kLexParticle)) {
      return false;
    }
    place = place || ctx.has(k, EntryClass::Location);
    name = name || ctx.has(k, EntryClass::GivenName) || ctx.has(k, EntryClass::Surname) ||
           ctx.has(k, EntryClass::Person);
  }
  return name && !place;
}

// The text has a score, digits-hyphen-digits of 1 to 3 digits each that is no
// part of a longer chain ("1996-08-30", "212-859-1610", "17-0-91-0"): team_result's
// gate (one memchr walk over the hyphens; most stories have no score).
bool has_score(std::string_view text) {
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (const char* p = static_cast<const char*>(std::memchr(begin, '-', text.size())); p != nullptr;
       p = static_cast<const char*>(std::memchr(p + 1, '-', static_cast<std::size_t>(end - p - 1)))) {
    if (p == begin || p + 1 == end || !digit(p[-1]) || !digit(p[1])) continue;
    const char* l = p - 1;
    while (l > begin && digit(l[-1]) && p - l < 4) --l;
    const char* r = p + 1;
    while (r < end && digit(*r) && r - p < 5) ++r;
    if (p - l > 3 || r - p > 4 || (l > begin && (digit(l[-1]) || l[-1] == '-'))) continue;
    if (r < end && (digit(*r) || *r == '-')) continue;
    return true;
  }
  return false;
}

// The score before the second side: "drew 1-1 with Sevilla", "lost 0-1 to
// Getafe", "drew 2-2 against Porto" (verb v, then the score and the
// preposition). The second side's first token, or 0.
std::size_t side_after_score(const Context& ctx, std::size_t v) {
  static constexpr std::string_view kVerbs[] = {"drew", "draw", "lost"};
  static constexpr WordSet kVerbSet(kVerbs);
  static constexpr std::string_view kPreps[] = {"with", "to", "against"};
  static constexpr WordSet kPrepSet(kPreps);
  const std::size_t p = score_end(ctx, v + 1);
  if (p == v + 1 || p + 1 >= ctx.size() || !kVerbSet.contains(ctx, v) || ctx.token(p).shape != Shape::Lower ||
      !kPrepSet.contains(ctx, p) || ctx.token(p + 1).newline_before) {
    return 0;
  }
  return p + 1;
}

// org.team_record: a place and its won-lost record in parentheses, "Buffalo
// (6-3)", "Kansas City (8-1-1)", name the club (US game previews and
// standings in prose), in any document. Not a country (a national side stays
// a place, team_name_ok), not a frequent personal name (a pitcher's record:
// "Kenny Tarvel (3-2)", "Hamilton (6-3)").
void team_records(const Context& ctx, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  for (const std::uint32_t i : ctx.cap_tokens) {
    const std::size_t k = i + 1;  // "("
    if (k + 4 >= n || !is_char(ctx, k, '(') || ctx.token(k).newline_before) continue;
    std::size_t s = score_end(ctx, k + 1);
    if (s == k + 1) continue;
    if (s + 1 < n && is_char(ctx, s, '-') && !ctx.token(s).space_before && ctx.token(s + 1).shape == Shape::Digits &&
        !ctx.token(s + 1).space_before) {
      s += 2;  // a tie count: "(10-4-1)"
    }
    if (s >= n || !is_char(ctx, s, ')')) continue;
    std::size_t b = i;
    while (b > 0 && i - b < 2 && !ctx.token(b).newline_before && ctx.is_cap(b - 1) &&
           !ctx.lex_is(b - 1, kLexFunction)) {
      --b;
    }
    // The side is a listed place, whole, and no word of it a frequent given name or
    // surname (ranks from the name lists).
    bool name = false;
    for (std::size_t q = b; q <= i && !name; ++q) {
      const Context::NameRanks r = ctx.name_ranks(q);
      name = (r.given != 0 && r.given <= 5000) || (r.surname != 0 && r.surname <= 5000) ||
             ctx.has(q, EntryClass::Person);
    }
    const auto place_from = [&](std::size_t f) {
      return ctx.find_match_at(f, [&](const gazetteer::Match& m) {
        return m.cls == EntryClass::Location && m.exact_case && m.token_end == k;
      }) != nullptr;
    };
    // ... or a compass word and a listed place: a state's other university
    // ("Northern Tarvo (5-3)", "Western Kelmo (2-7)").
    static constexpr WordSet kCompass(kCompassWords);
    const bool place = place_from(b) || (b < i && kCompass.contains(ctx, b) && place_from(b + 1));
    if (!place || name || !team_name_ok(ctx, b, k)) continue;
    emit(ctx, b, k, 0.8f, "org.team_record", out);
  }
}

// (Called only for a text with a score: has_score.)
// The end of a side's name that starts at b: up to four tokens of its line
// (team_chunk), ending in a capitalized word; b when there is none.
std::size_t side_end(const Context& ctx, std::size_t b) {
  const std::size_t n = ctx.size();
  std::size_t limit = b;
  while (limit < n && limit < b + 4 && !ctx.token(limit).newline_before) ++limit;
  std::size_t e = team_chunk(ctx, b, limit);
  while (e > b && !cap_shape(ctx, e - 1)) --e;
  return e;
}

// A score at token s that is a match's, not the first set of a tennis or squash
// line: "6-3 6-2", "11-6\n11-1", "6-2 4-\n6" (results lists break lines anywhere).
bool match_score_at(const Context& ctx, std::size_t s) {
  const std::size_t n = ctx.size();
  std::size_t next = score_end(ctx, s);
  if (next == s) return false;
  if (next < n && is_char(ctx, next, ',')) ++next;
  return !(next + 1 < n && ctx.token(next).shape == Shape::Digits && is_char(ctx, next + 1, '-'));
}

// The token after a side ending at e and its country ("(Italy)", "of Italy"),
// where its score would be.
std::size_t after_side_country(const Context& ctx, std::size_t e) {
  std::size_t line_end = e;
  while (line_end < ctx.size() && line_end < e + 8 && !ctx.token(line_end).newline_before) ++line_end;
  return skip_side_country(ctx, e, line_end);
}

void team_result(const Context& ctx, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  const std::uint16_t* const lex = ctx.lex.data();
  for (const std::uint32_t i : ctx.cap_tokens) {
    // The verb right after the first side, or after its "(Country)". (The
    // lexicon bit first: one load per capitalized word; ")" has no bits.)
    if (i + 4 >= n) break;
    std::size_t v = i + 1;
    if (!(lex[v] & kLexTeamCue)) {
      if (!(lex[v + 1] & kLexTeamCue) || !is_char(ctx, v, ')')) continue;
      ++v;
    }
    if (ctx.token(v).newline_before) continue;
    const std::size_t after_score = side_after_score(ctx, v);  // "drew 1-1 with Sevilla"
    if (after_score == 0 && !is_result_verb(ctx, v)) continue;
    // The first side: up to three capitalized words ending at i, or before
    // its country ("Benetton of Italy", "Golden Star (Yugoslavia)").
    std::size_t a_end = i + 1;
    if (v > i + 1) {
      std::size_t p = i;
      while (p > 0 && i - p < 5 && !is_char(ctx, p, '(')) --p;
      if (!is_char(ctx, p, '(')) continue;
      a_end = p;
    } else if (i >= 2 && folded_is(ctx, i - 1, "of") && ctx.is_country_span(i, i + 1)) {
      a_end = i - 1;
    }
    std::size_t a = a_end;
    while (a > 0 && a_end - a < 3 && !ctx.token(a).newline_before) {
      if (cap_shape(ctx, a - 1)) {
        --a;
      } else if (a >= 2 && is_char(ctx, a - 1, '-') && !ctx.token(a - 1).space_before && !ctx.token(a).space_before &&
                 cap_shape(ctx, a - 2)) {
        a -= 2;  // over an attached hyphen: "Al-Tarsi", "Saint-Kelvo"
      } else {
        break;
      }
    }
    // ("Yesterday Chelsea beat ...": a common word opening the sentence is no part of it.)
    while (a + 1 < a_end && ctx.token(a).sentence_start && ctx.has(a, EntryClass::Word)) ++a;
    if (a == a_end || team_chunk(ctx, a, a_end) != a_end) continue;
    // The second side, then its country, then the score.
    std::size_t b = after_score != 0 ? after_score : v + 1;
    if (folded_is(ctx, b, "the") && ctx.token(b).shape == Shape::Lower) ++b;
    const std::size_t b_end = side_end(ctx, b);
    // "Yugoslavia's Golden Star", "Germany's Ilka Brandauer": the side is the name after "'s".
    for (std::size_t k = b + 1; k + 1 < b_end; ++k) {
      if (ctx.is(k, "'s")) b = k + 1;
    }
    if (b_end == b) continue;
    if (!match_score_at(ctx, after_score != 0 ? v + 1 : after_side_country(ctx, b_end))) continue;
    if (side_is_person(ctx, a, a_end) || side_is_person(ctx, b, b_end)) continue;
    if (team_name_ok(ctx, a, a_end)) emit(ctx, a, a_end, 0.85f, "org.team_result", out);
    if (team_name_ok(ctx, b, b_end)) emit(ctx, b, b_end, 0.85f, "org.team_result", out);
  }
}

// "Kelmore, who beat Tarvel 2-1": the side before ", who" (v: the result verb)
// is the winner, a club too if a place is in it (up to 3 capitalized words,
// not a person). Its first token, or v when there is none.
std::size_t who_subject_start(const Context& ctx, std::size_t v) {
  if (v < 3 || !folded_is(ctx, v - 1, "who") || !is_char(ctx, v - 2, ',')) return v;
  const std::size_t e = v - 2;
  std::size_t b = e;
  while (b > 0 && e - b < 3 && cap_shape(ctx, b - 1) && !ctx.token(b).newline_before && !ctx.token(b).sentence_start) {
    --b;
  }
  bool place = false;
  for (std::size_t k = b; k < e; ++k) place = place || ctx.has(k, EntryClass::Location);
  if (b == e || !place || side_is_person(ctx, b, e) || !team_name_ok(ctx, b, e)) return v;
  return b;
}

// org.team_result with one side written: "after beating Chelsea 2-1", "who beat
// Chelsea 2-1 at home", "by defeating Porto 3-0": a result verb after a lowercase
// word, a name and a score make the name a club (the other side is the subject
// named earlier, which team_result cannot pair). Not people or sets, as there.
void team_result_after_verb(const Context& ctx, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  for (const std::uint32_t i : ctx.cap_tokens) {
    if (i < 2 || i + 3 >= n) continue;
    const std::size_t v = i - 1;
    if (ctx.token(v).shape != Shape::Lower || ctx.token(v - 1).shape != Shape::Lower || ctx.token(i).newline_before ||
        !is_result_verb(ctx, v)) {
      continue;
    }
    const std::size_t e = side_end(ctx, i);
    if (e == i || !match_score_at(ctx, after_side_country(ctx, e))) continue;
    // ("after beating Serena Williams 6-3": a given name opening a name no list
    // has as a body is a player.)
    if (e - i >= 2 && ctx.has(i, EntryClass::GivenName) && !ctx.has(i, EntryClass::Organization) &&
        !listed_org_up_to(ctx, i, e - 1)) {
      continue;
    }
    if (side_is_person(ctx, i, e) || !team_name_ok(ctx, i, e)) continue;
    emit(ctx, i, e, 0.85f, "org.team_result", out);
    if (const std::size_t b = who_subject_start(ctx, v); b < v - 2) emit(ctx, b, v - 2, 0.85f, "org.team_result", out);
  }
}

// A cricket score after a place in a sports report (evidence org.team_score),
// "Hove: Sussex 363 (A. Kelp 111), Kent 197-8", "Essex 358 and 112-4":
// after a colon, a comma or "and" (or at a line start), a place of up to three
// words, then a number of 2+ digits and "(", "-" (not a bowler's figures),
// "and", "for", "," or the line's end. The place is the club (the document pass then retypes its
// other mentions); a country stays a country (team_name_ok).
// `starts`: the capitalized (not alphanumeric) tokens with a LOCATION bit or
// no list class at all (OrgStarts).
void team_innings(const Context& ctx, std::span<const std::uint32_t> starts, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  for (const std::uint32_t i : starts) {
    const bool slot = ctx.line_start(i) || is_char(ctx, i - 1, ':') || is_char(ctx, i - 1, ',') ||
                      (folded_is(ctx, i - 1, "and") && ctx.token(i - 1).shape == Shape::Lower);
    if (!slot) continue;
    std::size_t e = i + 1;
    while (e < n && e < i + 3 && !ctx.token(e).newline_before && ctx.is_cap(e)) ++e;
    if (e + 1 >= n || ctx.token(e).newline_before || ctx.token(e).shape != Shape::Digits || ctx.surface(e).size() < 2) {
      continue;
    }
    const std::size_t a = e + 1;
    const bool after = ctx.token(a).newline_before || is_char(ctx, a, '(') || is_char(ctx, a, '-') ||
                       is_char(ctx, a, ',') || folded_is(ctx, a, "and") || folded_is(ctx, a, "for");
    // "Salisbury 17-0-91-0" is a bowler's figures (overs-maidens-runs-wickets).
    if (!after || (is_char(ctx, a, '-') && is_char(ctx, a + 2, '-'))) continue;
    // One word: a LOCATION token, or a word no list knows ("Glamorgan") when
    // both innings or the wickets follow ("259 and 207", "197-8"); more: one
    // LOCATION match.
    bool place = e == i + 1 && ctx.has(i, EntryClass::Location);
    if (e == i + 1 && ctx.token_classes[i] == 0 && a + 1 < n && !ctx.token(a).newline_before &&
        ctx.token(a + 1).shape == Shape::Digits && (folded_is(ctx, a, "and") || is_char(ctx, a, '-'))) {
      place = true;
    }
    ctx.for_matches_at(i, [&](const gazetteer::Match& m) {
      if (m.token_end == e && m.cls == EntryClass::Location) place = true;
    });
    if (place && team_name_ok(ctx, i, e)) emit(ctx, i, e, 0.8f, "org.team_score", out);
  }
}

// "At Tarvel Stand (Leicester)", "Kelpton Park (Denver)": a locative before
// the capitalized words that end at p, or a venue's head word, makes them a
// venue, and the town in parentheses where it is.
bool venue_before(const Context& ctx, std::size_t p) {
  if (is_place_head(ctx, p)) return true;  // "Kelpton Park (Denver)"
  for (std::size_t k = p; k > 0 && p - k < 4 && !ctx.token(k).newline_before;) {
    --k;
    if (ctx.lex_is(k, kLexLocative)) return true;
    if (!ctx.is_cap(k)) break;
  }
  return false;
}

// A results list of nations: the parentheses before `open` or after `close`
// (within 24 tokens) hold a country ("Ivo Tarvel (Italy) 20.1 / Ana Kelp
// (Kelvonia) 20.3": a small nation some list lacks is no club).
bool country_paren_near(const Context& ctx, std::size_t open, std::size_t close) {
  const std::size_t n = ctx.size();
  for (std::size_t k = open; k > 0 && open - k < 24;) {
    --k;
    if (is_char(ctx, k, ')')) {
      std::size_t o = k;
      while (o > 0 && k - o < 4 && !is_char(ctx, o, '(')) --o;
      if (is_char(ctx, o, '(') && (ctx.is_country_span(o + 1, k) || is_home_nation(ctx, o + 1, k))) return true;
      break;
    }
  }
  for (std::size_t k = close + 1; k < n && k - close < 24; ++k) {
    if (is_char(ctx, k, '(')) {
      std::size_t c = k + 1;
      while (c < n && c - k < 4 && !is_char(ctx, c, ')')) ++c;
      return c < n && is_char(ctx, c, ')') && (ctx.is_country_span(k + 1, c) || is_home_nation(ctx, k + 1, c));
    }
  }
  return false;
}

// org.player_club: in a sports report, a town in parentheses after a player's
// name is the player's club: "Ivo Tarvel (Leicester), Ana Kelp (Denver)". A
// country stays the player's nation (person.country_paren); a place before the
// parentheses makes the town where it is ("Kelpton Park (Denver)").
// `i`: a capitalized word after "(" (team_after_country's walk finds it).
void player_club_at(const Context& ctx, std::size_t i, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  if (i < 2 || ctx.token(i).shape != Shape::Capitalized || ctx.country[i]) return;
  // The town: one word or a listed place of up to three, then ")".
  std::size_t e = i + 1;
  ctx.for_matches_at(i, [&](const gazetteer::Match& m) {
    if (m.cls == EntryClass::Location && m.token_end > e && m.token_end <= i + 3) e = m.token_end;
  });
  if (e >= n || !is_char(ctx, e, ')') || (e == i + 1 && !ctx.has(i, EntryClass::Location))) return;
  const std::size_t p = i - 2;  // the player's last word
  if (ctx.token(p).shape != Shape::Capitalized || ctx.has(p, EntryClass::Location) || ctx.is_org_head(p) ||
      ctx.token(i - 1).newline_before) {
    return;
  }
  // A name's word: a known given name or surname, or a given name before it.
  const bool name = ctx.has(p, EntryClass::Surname) || ctx.has(p, EntryClass::GivenName) ||
                    (p > 0 && !ctx.token(p).newline_before && ctx.has(p - 1, EntryClass::GivenName));
  if (!name || venue_before(ctx, p) || country_paren_near(ctx, i - 1, e) || !team_name_ok(ctx, i, e)) return;
  emit(ctx, i, e, 0.78f, "org.player_club", out);
}

// "+3.418", "+1 lap": a time or distance behind the winner at token e.
bool gap_at(const Context& ctx, std::size_t e) {
  return e + 1 < ctx.size() && is_char(ctx, e, '+') && ctx.surface(e + 1)[0] >= '0' && ctx.surface(e + 1)[0] <= '9';
}

// org.team_after_country: in a results list, a rider's or driver's team
// follows the country in parentheses: "1. Jens Kortmann (Germany) Telekom 5
// hours 12 mins", "Marco Pellandi (Italy), Vantex Honda, 54.120". After a
// capitalized name and "(<country>)" (and a comma), up to four capitalized
// words (hyphen joins too) before a number, a gap, a comma, "same" or the
// line's end. Sports reports only.
void team_after_country(const Context& ctx, std::vector<Candidate>& out) {
  // Every slot follows a ")" token (is_char on ctx.tt.text): a report without
  // one has none, and one memchr spares the walk over its capitalized words.
  if (std::memchr(ctx.tt.text.data(), ')', ctx.tt.text.size()) == nullptr) return;
  const std::size_t n = ctx.size();
  const text::Token* const tokens = ctx.tt.tokens.data();
  for (const std::uint32_t i : ctx.cap_tokens) {
    // (The shape of the word before first: most capitalized words follow a word.)
    if (i < 4 || tokens[i - 1].shape != Shape::Punct || tokens[i].newline_before) continue;
    // (The same walk finds org.player_club's slots, after "(".)
    if (is_char(ctx, i - 1, '(')) {
      player_club_at(ctx, i, out);
      continue;
    }
    std::size_t close = i - 1;
    if (is_char(ctx, close, ',')) --close;
    if (!is_char(ctx, close, ')')) continue;
    std::size_t open = close;
    while (open > 0 && close - open < 4 && !is_char(ctx, open, '(')) --open;
    if (!is_char(ctx, open, '(') || open == 0 || !ctx.is_country_span(open + 1, close) || !cap_shape(ctx, open - 1) ||
        ctx.token(open).newline_before) {
      continue;
    }
    std::size_t e = i;
    while (e < n && e - i < 6 && !ctx.token(e).newline_before) {
      if (cap_shape(ctx, e)) {
        ++e;
      } else if (e + 1 < n && is_char(ctx, e, '-') && !ctx.token(e).space_before && !ctx.token(e + 1).space_before &&
                 cap_shape(ctx, e + 1)) {
        e += 2;  // "Mercedes-Benz", "KX-Ferrolux"
      } else {
        break;
      }
    }
    // After "(Italy)," the team needs its own comma and a time ("Marco Pellandi
    // (Italy), Vantex Honda, 54.120"): a list of people with their countries
    // goes on with a name ("Curtis Delany (U.S.), Frankie Okwembe").
    const bool comma_after_country = is_char(ctx, i - 1, ',');
    const bool time_after = e + 1 < n && is_char(ctx, e, ',') && !ctx.token(e + 1).newline_before &&
                            ctx.surface(e + 1)[0] >= '0' && ctx.surface(e + 1)[0] <= '9';
    const bool end = comma_after_country ? time_after
                                         : e >= n || ctx.token(e).newline_before || is_char(ctx, e, ',') ||
                                               ctx.token(e).shape == Shape::Digits || folded_is(ctx, e, "same") ||
                                               folded_is(ctx, e, "all") || gap_at(ctx, e);
    // ("Marbek Vion Communications (Poland) Ltd": a company's legal form.)
    if (!end || e - i > 4 || ctx.lex_is(i, kLexOrgSuffix) || !team_name_ok(ctx, i, e)) continue;
    emit(ctx, i, e, 0.75f, "org.team_after_country", out);
  }
}

// org.legal_prefix: a legal form written before the name, Indonesia's "PT"
// (Perseroan Terbatas): "PT Tarsa Kelvo" is a company, its name up to four
// capitalized words on the line. (A legal form after them, "Tbk", is the head
// rule's.) `starts`: the "PT" tokens before a capitalized word (OrgStarts).
void legal_prefix_names(const Context& ctx, std::span<const std::uint32_t> starts, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  for (const std::uint32_t i : starts) {
    std::size_t e = i + 1;
    while (e < n && e - i <= 4 && !ctx.token(e).newline_before && cap_shape(ctx, e)) ++e;
    emit(ctx, i, e, 0.7f, "org.legal_prefix", out);
  }
}

// "the CFDT and Tarvo-Rail unions": the acronym at i, "and" or "or", and one
// to three name tokens (words, capitals, attached hyphens) before a plural body
// noun of `nouns`. (Out of line: asked of acronyms before a lowercase word
// that is no body noun.)
template <typename Nouns>
[[gnu::noinline]] bool coordinated_with_bodies(const Context& ctx, std::size_t i, const Nouns& nouns) {
  const std::size_t n = ctx.size();
  if (i + 3 >= n || !(folded_is(ctx, i + 1, "and") || folded_is(ctx, i + 1, "or"))) return false;
  std::size_t k = i + 2;
  while (k < n && k < i + 5 && !ctx.token(k).newline_before &&
         (cap_shape(ctx, k) || (is_char(ctx, k, '-') && !ctx.token(k).space_before))) {
    ++k;
  }
  return k > i + 2 && k < n && !ctx.token(k).newline_before && nouns.contains(ctx, k) &&
         ctx.folded(k).back() == 's';
}

// org.acronym_noun: an acronym before a noun that only a body has, "the CFDT
// union", "a KNP member", "UNOS spokeswoman", or before another name and the
// plural noun, "the CFDT and Tarvo-Rail unions". Not in a line of capitals, not a
// word in capitals ("ERA leader": an earned run average), not a known place,
// person or nationality.
// `starts`: the tokens in capitals of 2 to 6 bytes, not on a capitals line,
// before a lowercase word (OrgStarts).
void acronym_noun(const Context& ctx, std::span<const std::uint32_t> starts, std::vector<Candidate>& out) {
  static constexpr std::string_view kBodyNouns[] = {
    "union", "unions", "party", "group", "spokesman", "spokeswoman", "member", "members", "leader", "leaders",
    "official", "officials", "chairman", "militants", "rebels", "guerrillas", "faction",
    "managing", "director", "chief", "governor"};  // (a body's office: "the KTA managing director")
  static constexpr WordSet kNouns(kBodyNouns);
  for (const std::uint32_t i : starts) {
    // ... or a verb of saying: "KTA said" (a name in capitals mid-sentence is no person's).
    if (!kNouns.contains(ctx, i + 1) && !ctx.lex_is(i + 1, kLexSpeech) && !coordinated_with_bodies(ctx, i, kNouns)) {
      continue;
    }
    // (An ambiguous title, "MK", before a body noun is the body's acronym.)
    if (ctx.is_common_word(i) || ctx.has(i, EntryClass::Location) || ctx.has(i, EntryClass::Person) ||
        ctx.has(i, EntryClass::Demonym) || ctx.strong(i, EntryClass::Title) || ctx.lex_is(i, kLexTitleAbbrev)) {
      continue;
    }
    emit(ctx, i, i + 1, 0.6f, "org.acronym_noun", out);
  }
}

// org.shares: a name right before its shares or stock is a company ("Kestrelco
// shares rose", "Harlan & Voss shares", "Vernon Hale shareholders"), however
// much it looks like a person's name. Up to four capitalized words and "&",
// none a known place ("London shares" are those traded there), before the
// stock word or its "'s".
// `starts`: the capitalized tokens before a lowercase word that starts with
// one of the stock words' first letters or before a "'" or "'s"-like token
// (OrgStarts; the tests below are made again, exactly).
void shares_owner(const Context& ctx, std::span<const std::uint32_t> starts, std::vector<Candidate>& out) {
  static constexpr std::string_view kStockWords[] = {"shares", "stock", "shareholders", "gdrs", "adrs"};
  static constexpr WordSet kStock(kStockWords);
  const std::size_t n = ctx.size();
  // From the last word of the name: the stock word or "'s" and the stock word.
  const std::string_view text = ctx.tt.text;
  for (const std::uint32_t last : starts) {
    if (ctx.token(last).shape != Shape::Capitalized || last + 1 >= n) continue;
    const std::size_t e = last + 1;
    std::size_t i = e;
    if (ctx.token(e).shape != Shape::Lower) {  // "'" and "'s" are not Lower
      if (!is_char(ctx, e, '\'') && !(ctx.is(e, "'s") && !ctx.token(e).space_before)) continue;
      ++i;  // "Varnex's shares"
      if (i >= n || ctx.token(i).shape != Shape::Lower) continue;
    }
    const char c = text[ctx.token(i).span.begin];
    if ((c != 's' && c != 'g' && c != 'a') || !kStock.contains(ctx, i)) continue;
    std::size_t b = e;
    while (b > 0 && e - b < 4 && !ctx.token(b).newline_before) {
      if (ctx.token(b - 1).shape == Shape::Capitalized && !ctx.lex_is(b - 1, kLexFunction | kLexWeakStart | kLexCalendar)) {
        --b;
      } else if (b > 1 && b < e && is_char(ctx, b - 1, '&') && ctx.token(b - 2).shape == Shape::Capitalized) {
        b -= 2;  // "Douglas & Lomason"
      } else {
        break;
      }
    }
    // (A sentence's capital is no evidence, unless a company list has the word
    // and a verb follows the stock word: "Apple shares rose"; not "Total shares
    // to be offered".)
    const auto listed_company_verb = [&] {
      return e == b + 1 && ctx.has(b, EntryClass::Organization) && i + 1 < n &&
             ctx.token(i + 1).shape == Shape::Lower && !ctx.lex_is(i + 1, kLexFunction);
    };
    if (b == e || ctx.caps_line[b] ||
        (ctx.token(b).sentence_start && ctx.is_common_word(b) && !listed_company_verb())) {
      continue;
    }
    bool place = false;
    for (std::size_t k = b; k < e; ++k) {
      if (ctx.has(k, EntryClass::Location) || ctx.has(k, EntryClass::Demonym)) place = true;
    }
    // ("the Sao Tarvo stock exchange": a place of several words, listed whole.)
    place = place || ctx.find_match_at(b, [&](const gazetteer::Match& m) {
      return m.cls == EntryClass::Location && m.token_end == e;
    }) != nullptr;
    if (!place) emit(ctx, b, e, 0.8f, "org.shares", out);
  }
}

// The role nouns are kLexRoleNoun words (Context's lexicon, which lists them
// in Context::role_nouns as it goes).
bool is_role_noun(const Context& ctx, std::size_t i) { return (ctx.lex[i] & kLexRoleNoun) != 0; }

// org.role: "chief executive of Cambridge Analytica", "analyst at Burrell & Co",
// "an economist with Tolland Barnes": a role noun + of/at/with + a capitalized
// name that is not a known place.
// True when token i (i + 2 < ctx.size()) is a lowercase role noun followed by
// one of the prepositions: where role_context starts.
bool role_start(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kPrepositionWords[] = {"of", "at", "with", "for"};
  static constexpr WordSet kPrepositions(kPrepositionWords);
  // The preposition first: it rules out more tokens, and more cheaply (the
  // four are function words in Context::lex, a one-bit test).
  if (ctx.token(i).shape != Shape::Lower || !(ctx.lex[i + 1] & kLexFunction)) return false;
  return kPrepositions.contains(ctx, i + 1) && is_role_noun(ctx, i);
}

// A person's title before a given name opens token b's name: "a spokeswoman
// for Mayor Ann Reyes", "an aide to Gov. Tom Hale" name the person, not a
// workplace ("head of General Motors" has no given name after its title).
bool title_opens_person(const Context& ctx, std::size_t b) {
  std::size_t k = b + 1;
  if (k + 1 < ctx.size() && is_char(ctx, k, '.') && ctx.lex_is(b, kLexTitleAbbrev)) ++k;  // "Gov."
  if (k >= ctx.size() || ctx.token(k).newline_before || !ctx.has(k, EntryClass::GivenName)) return false;
  return k > b + 1 ? cap_shape(ctx, k) : title_before_name(ctx, b, false);
}

// `starts`: the role_start tokens, in order.
void role_context(const Context& ctx, const std::vector<std::uint32_t>& starts, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  for (const std::size_t i : starts) {
    std::size_t b = i + 2;
    if (b < n && folded_is(ctx, b, "the") && ctx.token(b).shape == Shape::Lower) ++b;
    if (b >= n || ctx.token(b).newline_before || !is_org_word(ctx, b) || ctx.caps_line[b]) continue;
    std::size_t e = b;
    while (e < n && !ctx.token(e).newline_before && e - b < 5) {
      if (is_org_word(ctx, e) && !ctx.lex_is(e, kLexCalendar) && !currency_letters(ctx, e)) {
        ++e;
      } else if ((is_char(ctx, e, '&') || folded_is(ctx, e, "and")) && e + 1 < n && is_org_word(ctx, e + 1) && e > b &&
                 is_char(ctx, e, '&')) {
        ++e;
      } else {
        break;
      }
    }
    // "Brennan & Co. said" keeps the period; at the end of a sentence it is the sentence's.
    if (e + 1 < n && is_char(ctx, e, '.') && e > b && ctx.lex_is(e - 1, kLexOrgSuffix) && !ctx.token(e).space_before &&
        ctx.token(e + 1).shape == Shape::Lower) {
      ++e;
    }
    if (e <= b) continue;
    // A known place or a person's name is not a workplace: "president of France".
    bool place = false;
    ctx.for_matches_at(b, [&](const gazetteer::Match& m) {
      const auto c = m.cls;  // the entry's class
      if (m.token_end == e && (c == EntryClass::Location || c == EntryClass::Person)) place = true;
    });
    if (place || (e == b + 1 && (ctx.has(b, EntryClass::Location) || ctx.has(b, EntryClass::Demonym)))) continue;
    if (title_opens_person(ctx, b)) continue;
    const std::size_t last = is_char(ctx, e - 1, '.') ? e - 2 : e - 1;
    if (last > b && ctx.strong(b, EntryClass::GivenName) && !ctx.has(b, EntryClass::Location) &&
        !ctx.is_org_head(last)) {
      continue;
    }
    emit(ctx, b, e, 0.7f, "org.role", out);
  }
}

}  // namespace

namespace {

// org.camel: one capitalized word with a capital inside after a lowercase run
// ("NationsBank", "KeyCorp", "PepsiCo", "SoftBank"): companies write their names so;
// people rarely do, except with a short prefix ("McDonald", "MacArthur", "DiCaprio").
bool is_camel_name(std::string_view s) {
  if (s.size() < 6) return false;
  for (std::size_t k = 3; k + 1 < s.size(); ++k) {
    const bool inner_cap = s[k] >= 'A' && s[k] <= 'Z' && s[k - 1] >= 'a' && s[k - 1] <= 'z';
    if (!inner_cap) continue;
    // Only ASCII letters (checked once an inner capital is found: most words have none).
    for (char c : s) {
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    }
    const std::string_view prefix = s.substr(0, k);
    static constexpr std::string_view kMonths[] = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (auto m : kMonths) {
      if (prefix == m) return false;  // "JulAug": months run together in tables
    }
    return prefix != "Mac" && prefix != "Van" && prefix != "Von" && prefix != "Fitz" && prefix != "Della";
  }
  return false;
}

// False when bytes [3, size - 1) of token i (size 6 to 12) surely hold no
// ASCII capital, where is_camel_name's inner capital would be: 8 bytes from
// byte 3 tested at once (most capitalized words have none, and the byte loop
// cost more than the rest of the rule). True otherwise, and for tokens it does
// not test (longer, near the end of the text, or a big-endian machine).
bool may_have_inner_capital(const Context& ctx, std::size_t i) {
  const Span sp = ctx.token(i).span;
  const std::size_t size = sp.size();
  if constexpr (std::endian::native != std::endian::little) return true;
  if (size < 6 || size > 12 || sp.begin + 11 > ctx.tt.text.size()) return true;  // (< 6: shift >= 64)
  std::uint64_t x;
  std::memcpy(&x, ctx.tt.text.data() + sp.begin + 3, 8);  // inside the text, maybe past the token
  // Per byte b (its 7 low bits: no carry leaves a byte): b + 0x3F sets the
  // high bit when b >= 'A', b + 0x25 when b > 'Z'; ~x drops bytes >= 0x80 (UTF-8).
  constexpr std::uint64_t kHigh = 0x8080808080808080u;
  const std::uint64_t low = x & ~kHigh;
  std::uint64_t capitals = (low + 0x3F3F3F3F3F3F3F3Fu) & ~(low + 0x2525252525252525u) & ~x & kHigh;
  capitals &= ~std::uint64_t{0} >> (8 * (12 - size));  // bytes 3 .. size - 2 (little-endian: the low ones)
  return capitals != 0;
}

// org.camel at capitalized token i, past may_have_inner_capital (out of line:
// few words pass that test, and the rule's body, inlined into OrgStarts' loop,
// made GCC spill the loop's registers).
[[gnu::noinline]] void camel_name_rest(const Context& ctx, std::size_t i, std::vector<Candidate>& out) {
  if (!is_camel_name(ctx.surface(i))) return;
  if (ctx.has(i, EntryClass::GivenName) || ctx.has(i, EntryClass::Surname) || ctx.has(i, EntryClass::Location) ||
      ctx.has(i, EntryClass::Person)) {
    return;
  }
  // "NTUC FairPrice": an acronym right before it (no place, person or title
  // abbreviation) is the group's name, part of the brand's.
  std::size_t b = i;
  if (i > 0 && ctx.token(i - 1).shape == Shape::AllCaps && ctx.surface(i - 1).size() >= 2 &&
      ctx.surface(i - 1).size() <= 6 && !ctx.token(i).newline_before && !ctx.caps_line[i - 1] &&
      !ctx.has(i - 1, EntryClass::Location) && !ctx.has(i - 1, EntryClass::Person) &&
      !ctx.has(i - 1, EntryClass::Title) && !ctx.lex_is(i - 1, kLexTitleAbbrev)) {
    b = i - 1;
  }
  emit(ctx, b, i + 1, 0.5f, "org.camel", out);
}

// org.camel at capitalized token i.
void camel_name_at(const Context& ctx, std::size_t i, std::vector<Candidate>& out) {
  if (may_have_inner_capital(ctx, i)) camel_name_rest(ctx, i, out);
}

// Where the rules below can start, found from Context's token lists: most
// tokens are lowercase words or punctuation that start none, and each rule
// then visits only its own starts. The rules still run one after the other,
// so candidates come out in the same order as from one pass per rule.
// One walk over Context::cap_tokens finds the starts of every rule that
// starts at a capitalized token (before: one walk per rule).
// The lists are per-thread buffers, kept across documents (cleared here): a
// short news story made about eight heap allocations growing them, which cost
// more than the rules' work on them. One OrgStarts per thread at a time.
// OrgStarts' test of the byte that begins the word after a name: the first
// letters of shares_owner's stock words, and the "'" of "'" and "'s".
// And the "." or "/" attached after a legal form's first token ("N.V", "A/S").
constexpr unsigned kStockLetter = 1, kQuote = 2, kFormMark = 4;
static_assert(kStockLetter == 1 && kQuote == 2);  // (OrgStarts tests them as bits 0 and 1)
constexpr std::array<std::uint8_t, 256> kStockFirst = [] {
  std::array<std::uint8_t, 256> t{};
  t['s'] = t['g'] = t['a'] = kStockLetter;
  t['\''] = kQuote;
  t['.'] = t['/'] = kFormMark;
  return t;
}();

// org.media: a lowercase noun of a newspaper before a name no list has as a
// place makes the name the paper, "the daily Kelvo Zeri reported", "the
// newspaper La Tarsa, which ..." (a place after the noun is the adjective's,
// "a daily Lisbon flight"). The name ends before a word that is no noun of
// it: punctuation, a function word, a verb of saying or in -ed. Token b
// follows a lowercase kLexOrgHead word (OrgStarts asks only there).
[[gnu::noinline]] void media_name_at(const Context& ctx, std::size_t b, std::vector<Candidate>& out) {
  static constexpr std::string_view kWords[] = {"newspaper", "daily", "journal"};  // (the lexicon's heads)
  static constexpr WordSet kMedia(kWords);
  const std::size_t n = ctx.size();
  if (!kMedia.contains(ctx, b - 1) || ctx.token(b).newline_before || ctx.caps_line[b]) return;
  std::size_t e = b;  // up to four words, with particles ("de") and attached hyphens between
  while (e < n && e - b < 4 && !ctx.token(e).newline_before) {
    if (is_org_word(ctx, e)) {
      ++e;
    } else if (e > b && e + 1 < n &&
               (ctx.lex_is(e, kLexParticle) || (is_char(ctx, e, '-') && !ctx.token(e).space_before)) &&
               is_org_word(ctx, e + 1)) {
      e += 2;
    } else {
      break;
    }
  }
  if (e == b) return;
  const bool ends = e >= n || ctx.token(e).shape == Shape::Punct || ctx.lex_is(e, kLexFunction | kLexSpeech) ||
                    (ctx.token(e).shape == Shape::Lower && ctx.folded(e).ends_with("ed"));
  if (!ends || (is_char(ctx, e, '-') && !ctx.token(e).space_before)) return;  // ("Lisbon-based")
  const bool place = ctx.find_match_at(b, [&](const gazetteer::Match& m) {
    return (m.cls == EntryClass::Location || m.cls == EntryClass::Demonym) && m.token_end == e;
  }) != nullptr;
  if (place || (e == b + 1 && (ctx.has(b, EntryClass::Location) || ctx.has(b, EntryClass::Demonym)))) return;
  // "told the newspaper Ivo Tarvel was ...": a given name opens the person told of
  // (not one that is a place or a particle too: "France-Soir", "Le Tarsa").
  if (e > b + 1 && ctx.has(b, EntryClass::GivenName) && !ctx.has(b, EntryClass::Location) &&
      !ctx.lex_is(b, kLexParticle) && !ctx.is_org_head(e - 1)) {
    return;
  }
  emit(ctx, b, e, 0.8f, "org.media", out);
}

// org.pollster's words (pollster_names), and a bit per word by the top 6 bits
// of its fold hash: OrgStarts keeps a capitalized token whose next word has
// one of those bits (about one in a hundred), and only those are tested.
constexpr FoldedWord kPollWords[] = {"poll", "polls", "survey", "surveys"};
constexpr std::uint64_t kPollBits = [] {
  std::uint64_t bits = 0;
  for (const FoldedWord& w : kPollWords) bits |= std::uint64_t{1} << (w.hash >> 58);
  return bits;
}();

struct OrgStarts {
  std::vector<std::uint32_t>& lines;  // (first token, line end) of lines that may open with a team chunk
  std::vector<std::uint32_t>& team;   // team_context slot starts with evidence and a cue near (sports documents only)
  std::vector<std::uint32_t>& role;   // role_start tokens
  TokenList& heads;                   // organization heads that are org words
  TokenList& innings;                 // team_innings starts (sports documents only)
  TokenList& acronyms;                // acronym_noun starts
  TokenList& shares;                  // shares_owner starts
  std::vector<std::uint32_t>& legal;  // legal_form_names starts (a form's first token; rare)
  std::vector<std::uint32_t>& polls;  // pollster_names starts (a name's last word; rare)
  std::vector<std::uint32_t>& prefixed;  // legal_prefix_names starts ("PT"; rare)
  std::vector<std::uint32_t>& nicknames;  // team_nicknames heads (a few per document)

  struct Buffers {
    std::vector<std::uint32_t> lines, team, role, legal, polls, prefixed, nicknames;
    TokenList heads, innings, acronyms, shares;
  };
  static Buffers& buffers() {
    thread_local Buffers b;
    return b;
  }

  // Also emits org.camel, the first rule, on the way.
  OrgStarts(const Context& ctx, std::vector<Candidate>& out, Buffers& b = buffers())
      : lines(b.lines),
        team(b.team),
        role(b.role),
        heads(b.heads),
        innings(b.innings),
        acronyms(b.acronyms),
        shares(b.shares),
        legal(b.legal),
        polls(b.polls),
        prefixed(b.prefixed),
        nicknames(b.nicknames) {
    lines.clear();
    team.clear();
    role.clear();
    legal.clear();
    polls.clear();
    prefixed.clear();
    nicknames.clear();
    const std::size_t n = ctx.size();
    // team_chunk starts only at a capitalized word that is not a function word.
    // A line whose second word is lowercase (and not a particle that
    // team_chunk takes in, "de", "del", "la") has a one-word chunk followed by
    // that word, where team_lines wants a number or "(": most lines of prose
    // ("Shares fell ...") are left out here, before any chunk is scanned.
    // And every result of team_lines has a number on its line (a score, a
    // table's columns, the points of "9.8 (62)"): a line without one is left
    // out first (Context counts them in its line pass).
    for (std::size_t l = 0; l + 1 < ctx.line_starts.size(); ++l) {
      if (!ctx.line_has_number[l]) continue;
      const std::size_t b = ctx.line_starts[l];
      const std::size_t second = b + 1;
      if (second < ctx.line_starts[l + 1] && ctx.token(second).shape == Shape::Lower &&
          !is_team_particle(ctx, second)) {
        continue;
      }
      if (cap_shape(ctx, b) && !(ctx.lex[b] & kLexFunction)) {
        lines.push_back(static_cast<std::uint32_t>(b));
        lines.push_back(ctx.line_starts[l + 1]);
      } else if (ctx.sports && ranked_row_start(ctx, b, ctx.line_starts[l + 1])) {
        lines.push_back(static_cast<std::uint32_t>(b + 2));  // the side after "1."
        lines.push_back(ctx.line_starts[l + 1]);
      }
    }
    for (const std::uint32_t i : ctx.role_nouns) {
      if (i + 2 < n && role_start(ctx, i)) role.push_back(i);
    }
    // Every other start is capitalized, in capitals, mixed or alphanumeric.
    // (The per-token arrays in locals: the stores below may alias anything, so
    // arrays read through `ctx` would be reloaded on every token. The tests
    // combine their parts with & and |, not && and ||: one outcome each, not a
    // branch per part.)
    const text::Token* const tokens = ctx.tt.tokens.data();
    const std::uint16_t* const lex = ctx.lex.data();
    const std::uint16_t* const classes = ctx.token_classes.data();
    const std::uint8_t* const caps_line = ctx.caps_line.data();
    const char* const text = ctx.tt.text.data();
    const bool sports = ctx.sports;
    const std::size_t caps = ctx.cap_tokens.size();
    TokenList::Appender heads_at = heads.start(caps), innings_at = innings.start(caps),
                        acronyms_at = acronyms.start(caps), shares_at = shares.start(caps);
    for (const std::uint32_t i : ctx.cap_tokens) {
      const text::Token& t = tokens[i];
      const Shape s = t.shape;
      const std::size_t size = t.span.size();
      const bool capitalized = s == Shape::Capitalized;
      // The next token (i itself at the text's end, where `has_next` is false).
      const bool has_next = i + 1 < n;
      const text::Token& next = tokens[has_next ? i + 1 : i];
      const bool next_lower = has_next & (next.shape == Shape::Lower);
      const char next_first = text[next.span.begin];
      if (capitalized && size >= 6) camel_name_at(ctx, i, out);  // is_camel_name needs 6 bytes
      // After a lowercase head word (org.media's newspaper nouns; a branch: rare).
      if (i > 0 && (lex[i - 1] & kLexOrgHead) && tokens[i - 1].shape == Shape::Lower) [[unlikely]] {
        media_name_at(ctx, i, out);
      }
      // A slot starts at the first capitalized word of a run on its line. Its
      // two cheap tests are made here, while the token is at hand: few slots
      // pass them, and team_context gets only those.
      if (sports) {  // (the same for every token of a document: a well-predicted branch)
        if (s != Shape::Alnum && !(i > 0 && cap_shape(ctx, i - 1) && !t.newline_before) && !caps_line[i] &&
            team_slot_cues(ctx, i)) {
          team.push_back(i);
        }
        innings_at.push_if((s != Shape::Alnum) & (((classes[i] & class_bit(EntryClass::Location)) != 0) |
                                                  (classes[i] == 0)),
                           i);
      }
      // (Words in capitals are few enough for a branch to be the cheaper test.)
      if (s == Shape::AllCaps) {
        acronyms_at.push_if(!caps_line[i] & (size >= 2) & (size <= 6) & next_lower, i);
        if (size == 2 && has_next && next.shape == Shape::Capitalized && !caps_line[i] && ctx.is(i, "PT")) {
          prefixed.push_back(i);
        }
      }
      // The stock word's first letter before it, or "'" of "'" and "'s" (a
      // table lookup and integer arithmetic: as bool tests, the compiler made
      // branches of them again).
      const unsigned first = kStockFirst[static_cast<unsigned char>(next_first)];
      shares_at.push_if(capitalized & has_next &
                            ((((first & kStockLetter) & unsigned{next_lower}) |
                              ((first >> 1) & unsigned{next.span.size() <= 2})) != 0),  // (kQuote >> 1: 1)
                        i);
      // A legal form's first token (legal_form_names): in capitals ("N.V", "A"
      // of "A/S") or a capital, a period and more ("S.p.A"), at most 5 bytes,
      // with a one-byte "." or "/" attached after it. (A branch on the mark's
      // bit, from the table read above: few capitalized words have one
      // attached. A vector, not an Appender: no register held for it in the loop.)
      if (first & kFormMark) [[unlikely]] {
        if ((i > 0) & has_next & !next.space_before & (next.span.size() == 1) & (size <= 5) &
            ((s == Shape::AllCaps) | (capitalized & (size > 2) && text[t.span.begin + 1] == '.'))) {
          legal.push_back(i);
        }
      }
      // A name's last word before a lowercase word that may be a poll word (a
      // branch: rare, and the next token's hash is in the line read above).
      if (next_lower && ((kPollBits >> (next.fold_hash >> 58)) & 1) != 0) [[unlikely]] {
        polls.push_back(i);
      }
      // ctx.is_org_head(i) && is_org_word(ctx, i) (i is in cap_tokens: its shape is an org word's)
      // (A branch: heads are rare enough to be predicted well.)
      if (((classes[i] & class_bit(EntryClass::OrgHead)) || (lex[i] & kLexOrgHead)) &&
          !(lex[i] & (kLexFunction | kLexWeakStart | kLexCalendar))) {
        heads_at.push_if(true, i);
      }
      // A capitalized word ending in "s" that a one-word ORGANIZATION entry
      // matches in its own case: a club's plural nickname for team_nicknames
      // (a branch: few capitalized words have such an entry).
      if (capitalized && (classes[i] & class_bit(EntryClass::Organization)) && text[t.span.end - 1] == 's') {
        nicknames.push_back(i);
      }
    }
    heads.finish(heads_at);
    innings.finish(innings_at);
    acronyms.finish(acronyms_at);
    shares.finish(shares_at);
  }
};

// True when token i is more often a given name than a surname: its best
// GIVEN_NAME rank is better than its best SURNAME rank, or it has no ranked
// surname entry ("Tom", "Jerry"; not "Kirkland", "Ellis": surnames first).
bool given_name_first(const Context& ctx, std::size_t i) {
  const Context::NameRanks r = ctx.name_ranks(i);
  return r.surname == 0 || (r.given != 0 && r.given < r.surname);
}

// Tokens [b, h] are a listed place of two or more words that ends with the
// head word h ("the Left Bank cafes"), perhaps after nationality or faith
// words ("the French Left Bank"): the place, with its modifiers, no body.
// (Out of line: asked of org.head's few names.)
[[gnu::noinline]] bool modified_place_to_head(const Context& ctx, std::size_t b, std::size_t h) {
  std::size_t k = b;
  while (k < h && (ctx.has(k, EntryClass::Demonym) || ctx.lex_is(k, kLexGroup))) ++k;
  if (k >= h) return false;
  return ctx.find_match_at(k, [&](const gazetteer::Match& m) {
    return m.cls == EntryClass::Location && m.exact_case && !(m.flags & gazetteer::kAmbiguous) && m.token_end == h + 1;
  }) != nullptr;
}

}  // namespace

// org.ampersand: two capitalized names joined by "&" name a firm ("Kirkland &
// Ellis", "Smith & Wesson"), unless either is a plain word that is no surname
// ("Sales & Marketing"), both are given names more often than surnames ("Tom &
// Jerry"; "Kirkland & Ellis" are surnames first), the second is a
// head ("Brennan & Co.": the head rule's) or a list has the three tokens
// ("Newfoundland & Labrador").
void ampersand_names(const Context& ctx, std::vector<Candidate>& out) {
  // Most documents have no "&": one memchr spares the walk over their tokens.
  if (std::memchr(ctx.tt.text.data(), '&', ctx.tt.text.size()) == nullptr) return;
  const std::size_t n = ctx.size();
  const auto name_word = [&](std::size_t i) {
    return ctx.token(i).shape == Shape::Capitalized && is_org_word(ctx, i) &&
           (!ctx.is_common_word(i) || ctx.has(i, EntryClass::Surname)) && !ctx.has(i, EntryClass::Demonym);
  };
  // A list entry of exactly the three tokens ("Newfoundland & Labrador").
  const auto listed = [&](std::size_t i) {
    return ctx.find_match_at(i, [&](const gazetteer::Match& m) { return m.token_end == i + 3; }) != nullptr;
  };
  for (const std::uint32_t i : ctx.cap_tokens) {
    if (i + 2 >= n || !is_char(ctx, i + 1, '&') || ctx.token(i + 2).newline_before) continue;
    if (!name_word(i) || !name_word(i + 2) || ctx.is_org_head(i + 2) || listed(i)) continue;
    if (ctx.strong(i, EntryClass::GivenName) && ctx.strong(i + 2, EntryClass::GivenName) &&
        given_name_first(ctx, i) && given_name_first(ctx, i + 2)) {
      continue;
    }
    // Not the tail of a longer capitalized run ("Bosnia and Herzegovina & ..."
    // lists, "Johnson Controls & ...": the head rule walks those).
    if (i > 0 && !ctx.token(i).newline_before && ctx.is_cap(i - 1) && !ctx.token(i).sentence_start) continue;
    emit(ctx, i, i + 3, 0.75f, "org.ampersand", out);
  }
}

// The one legal form written in lowercase ("Barclays plc").
constexpr FoldedWord kPlc("plc");

// The end of a legal form at token f that the head rule cannot take: "plc"
// in lowercase, or one of several attached tokens ("A/S", "S.p.A.", "N.V.",
// listed as ORG_HEAD keys), else f. A last period that also ends the sentence
// is left to it.
std::size_t legal_form_end(const Context& ctx, std::size_t f) {
  if (ctx.token(f).shape == Shape::Lower) return folded_is(ctx, f, kPlc) ? f + 1 : f;
  const std::size_t n = ctx.size();
  std::uint64_t key = text::sequence_extend(text::kSequenceSeed, ctx.token(f).fold_hash);
  std::size_t end = f;
  for (std::size_t k = f + 1; k < n && k < f + 7 && !ctx.token(k).space_before; ++k) {
    key = text::sequence_extend(key, ctx.token(k).fold_hash);
    ctx.matcher.for_each_key_entry(key, [&](const gazetteer::Gazetteer&, const gazetteer::KeyRef& ref) {
      if (ref.cls == EntryClass::OrgHead) end = k + 1;
    });
  }
  if (end > f + 1 && is_char(ctx, end - 1, '.') &&
      (end >= n || (ctx.token(end).shape != Shape::Lower && ctx.token(end).shape != Shape::Punct))) {
    --end;
  }
  return end;
}

// org.legal_form: a legal form the head rule cannot take (legal_form_end)
// ends the company name of the capitalized words (and "&" joins) before it: "Korvel Line
// A/S", "Banca Verde S.p.A.", "Widget Holdings N.V.", "Korvel Group plc".
// The form starts at token f, after a capitalized word.
void legal_form_at(const Context& ctx, std::size_t f, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  const text::Token* const tokens = ctx.tt.tokens.data();
  const std::size_t i = f - 1;
  if (f == 0 || f + 1 >= n || tokens[f].newline_before || !tokens[f].space_before || !is_org_word(ctx, i)) return;
  if (tokens[f].shape == Shape::Lower ? !folded_is(ctx, f, kPlc) : tokens[f].span.size() > 5 || ctx.is_org_head(f)) {
    return;  // ("Co.", "Ltd.": one-token heads with a period are the head rule's)
  }
  const std::size_t e = legal_form_end(ctx, f);
  if (e == f) return;
  std::size_t b = i;
  while (b > 0 && i - b < 3 && !tokens[b].newline_before) {
    if (tokens[b - 1].shape == Shape::Capitalized && is_org_word(ctx, b - 1)) {
      --b;
    } else if (b > 1 && is_char(ctx, b - 1, '&') && tokens[b - 2].shape == Shape::Capitalized &&
               is_org_word(ctx, b - 2)) {
      b -= 2;  // "Harlan & Voss Capital plc"
    } else {
      break;
    }
  }
  // A first word that only capitalizes the sentence ("Rival Korvel plc").
  if (b + 1 < i && tokens[b].sentence_start && ctx.is_common_word(b) && !ctx.has(b, EntryClass::Location)) ++b;
  emit(ctx, b, e, 0.8f, "org.legal_form", out);
  // A listed company before the form lends the whole its id ("Barclays plc").
  if (const gazetteer::Match* m = ctx.find_match_at(b, [&](const gazetteer::Match& x) {
        return x.cls == EntryClass::Organization && x.token_end == f;
      })) {
    if (const std::string_view id = ctx.matcher.entry(*m).kb_id; !id.empty()) out.back().kb_id = id;
  }
}

// `starts`: the forms' first tokens, found by OrgStarts' walk over the
// capitalized tokens: in capitals ("N.V", "A" of "A/S") or with a period
// after the first letter ("S.p.A"), with a period or slash attached after
// them. (A walk of its own over those tokens cost 0.27% of the instructions;
// a search of the text for the marks cost more, a memchr call per period.)
void legal_form_names(const Context& ctx, std::span<const std::uint32_t> starts, std::vector<Candidate>& out) {
  const text::Token* const tokens = ctx.tt.tokens.data();
  const std::size_t n = ctx.size();
  for (const std::uint32_t f : starts) legal_form_at(ctx, f, out);
  // "plc" after a company's name that a list or a rule above found ("Barclays
  // plc", "Korvel Group plc"): the token after each such candidate is tested,
  // not the text (a search for "plc" cost 0.15% of all the instructions).
  for (std::size_t k = 0, found = out.size(); k < found; ++k) {
    const std::size_t f = out[k].token_end;
    if (out[k].type == EntityType::Organization && f < n && tokens[f].fold_hash == kPlc.hash) {
      legal_form_at(ctx, f, out);
    }
  }
}

// org.before_title: a word no list knows, alone before a company's or club's
// office and a person's given name, is the body the person holds the office
// in: "Korvatex CEO Lena Marsh", "Dravo chairman Tom Eld". (A known word or name there is the
// person rules' or the lists': "Acting President", "Ukraine President".)
// Titles are rare: Context lists their matches, and only those are visited.
void before_title_names(const Context& ctx, std::vector<Candidate>& out) {
  static constexpr std::string_view kOfficeWords[] = {
      "ceo",      "cfo",        "coo",         "chairman", "chairwoman", "president", "spokesman",
      "spokeswoman", "director", "founder", "owner",    "chief",      "managing"};
  static constexpr WordSet kOffices(kOfficeWords);
  const std::size_t n = ctx.size();
  // (Locals, not ctx's vectors: the first two tests, the word's shape and its
  // list classes, leave nearly every title match, at two loads each.)
  const gazetteer::Match* const mts = ctx.matches.data();
  const text::Token* const tokens = ctx.tt.tokens.data();
  const std::uint16_t* const classes = ctx.token_classes.data();
  std::size_t last = n;  // the last name's token: one per name, however many titles follow it
  for (const std::uint32_t k : ctx.title_matches) {
    const gazetteer::Match& m = mts[k];
    const std::size_t t = m.token_begin, e = m.token_end;
    if (t == 0 || tokens[t - 1].shape != Shape::Capitalized || classes[t - 1] != 0) continue;
    const std::size_t i = t - 1;
    if (i == last || e >= n || ctx.caps_line[t] || tokens[t].newline_before || tokens[e].newline_before ||
        !is_org_word(ctx, i)) {
      continue;
    }
    const text::Token& w = tokens[i];
    // A company's or a club's office, in lowercase or abbreviated ("chairman",
    // "CEO", "chief executive"): a capitalized title is a government's ("Defence
    // Minister", "Privatisation Minister"), and "leader", "writer", "major" follow
    // adjectives ("Nazi leader", "Islamist writer").
    const Shape ts = tokens[t].shape;
    if (!m.exact_case || !(ts == Shape::Lower || (ts == Shape::AllCaps && tokens[t].span.size() <= 3)) ||
        !kOffices.contains(ctx, t)) {
      continue;
    }
    if (tokens[e].shape != Shape::Capitalized || !ctx.strong(e, EntryClass::GivenName)) continue;
    // One word: not the last of a longer capitalized name on its line.
    if (i > 0 && !w.newline_before && !w.sentence_start && ctx.is_cap(i - 1)) continue;
    emit(ctx, i, t, 0.7f, "org.before_title", out);
    last = i;
  }
}

// "a Quinnipiac poll" after "Quinnipiac University": a school's name of two
// words found before (in `out`, org.head's) whose first word is token b's.
// (Out of line: asked only where a place's name stands before "poll".)
[[gnu::noinline]] bool school_named_before(const Context& ctx, std::size_t b, const std::vector<Candidate>& out) {
  static constexpr std::string_view kSchoolWords[] = {"university", "college"};
  static constexpr WordSet kSchools(kSchoolWords);
  const std::uint64_t h = ctx.token(b).fold_hash;
  for (const Candidate& c : out) {
    if (c.type == EntityType::Organization && c.token_end == c.token_begin + 2 && c.token_begin < b &&
        ctx.token(c.token_begin).fold_hash == h && kSchools.contains(ctx, c.token_begin + 1)) {
      return true;
    }
  }
  return false;
}

// org.pollster: "a Gallup poll", "the latest Zogby International survey": the
// name between a determiner and "poll"/"survey" is the pollster, even when a
// small town has its name. A real place there is what the poll is about ("a
// Texas poll"): a country, a state, or a town of 100,000 or more stays a place,
// and so does a smaller one that is no surname; but a school's first word
// stays the school's where the story has named it whole ("Quinnipiac
// University ... a Quinnipiac poll").
// `starts`: the name's last word, capitalized, found by OrgStarts' walk over
// the capitalized tokens: a lowercase word follows whose fold hash has a bit
// of kPollBits. (Its own walk over those tokens cost more; before it, two
// memmem calls over the text for "poll" and "survey" cost still more.)
void pollster_names(const Context& ctx, std::span<const std::uint32_t> starts, std::vector<Candidate>& out) {
  static constexpr std::string_view kBeforeWords[] = {"a", "an", "the", "latest", "new", "recent", "last"};
  static constexpr WordSet kBefore(kBeforeWords);
  const std::size_t n = ctx.size();
  const text::Token* const tokens = ctx.tt.tokens.data();
  for (const std::uint32_t last : starts) {
    const std::size_t e = last + 1;
    if (e >= n) break;
    const std::uint64_t h = tokens[e].fold_hash;
    bool poll = false;
    for (const FoldedWord& w : kPollWords) poll |= h == w.hash;
    if (!poll || tokens[e].shape != Shape::Lower || tokens[e].newline_before ||
        !std::ranges::any_of(kPollWords, [&](const FoldedWord& w) { return folded_is(ctx, e, w); })) {
      continue;
    }
    std::size_t b = e;
    while (b > 0 && e - b < 3 && !ctx.token(b).newline_before && ctx.token(b - 1).shape == Shape::Capitalized &&
           is_org_word(ctx, b - 1)) {
      --b;
    }
    // (The determiner may open the sentence: "A Gallup poll showed".)
    if (b == e || b == 0 || ctx.token(b).newline_before || !kBefore.contains(ctx, b - 1) ||
        (ctx.token(b - 1).shape != Shape::Lower && !ctx.token(b - 1).sentence_start)) {
      continue;
    }
    bool place = false;
    for (std::size_t k = b; k < e; ++k) {
      if (ctx.has(k, EntryClass::Demonym) || ctx.lex_is(k, kLexGroup)) place = true;
      if (!ctx.has(k, EntryClass::Location)) continue;
      if (e - b > 1 || ctx.country[k] || !ctx.has(k, EntryClass::Surname)) place = true;
      ctx.for_matches_at(k, [&](const gazetteer::Match& m) {
        if (m.cls != EntryClass::Location) return;
        const auto entry = ctx.matcher.entry(m);
        if (entry.population >= 100000 || entry.kb_id.starts_with("iso3166")) place = true;
      });
    }
    if (!place || (e == b + 1 && school_named_before(ctx, b, out))) emit(ctx, b, e, 0.8f, "org.pollster", out);
  }
}

// Token h ("Circuit") follows a court's number: an ordinal word ("Second",
// "Eleventh", "Federal") or an ordinal number ("11th").
bool circuit_number_at(const Context& ctx, std::size_t h) {
  static constexpr std::string_view kOrdinals[] = {"first",  "second", "third", "fourth", "fifth",    "sixth",
                                                   "seventh", "eighth", "ninth", "tenth",  "eleventh", "federal"};
  static constexpr WordSet kOrdinal(kOrdinals);
  if (h == 0 || ctx.token(h).newline_before) return false;
  const std::size_t o = h - 1;
  return (ctx.token(o).shape == Shape::Capitalized && kOrdinal.contains(ctx, o)) ||
         (ctx.token(o).shape == Shape::Alnum && ctx.surface(o)[0] >= '0' && ctx.surface(o)[0] <= '9');
}

// "Bank Central Asia", "Bank Negara Indonesia": in Indonesian and Malay names
// "Bank" opens the name (no capitalized word before it: "the West Bank", "World
// Bank"), and a listed place after it, or a word and a place, is the bank's,
// whole ("Bank Negara Indonesia": the last place). The name's end, or h when
// no place follows.
constexpr FoldedWord kBank("bank");
std::size_t bank_place_end(const Context& ctx, std::size_t h) {
  const std::size_t n = ctx.size();
  if (h + 1 >= n || !folded_is(ctx, h, kBank) || ctx.token(h).shape != Shape::Capitalized ||
      (h > 0 && !ctx.token(h).newline_before && cap_shape(ctx, h - 1))) {
    return h;
  }
  std::size_t end = h;
  for (std::size_t j = h + 1; j < h + 3 && j < n && !ctx.token(j).newline_before &&
                              ctx.token(j).shape == Shape::Capitalized && !ctx.lex_is(j, kLexFunction);
       ++j) {
    if (const gazetteer::Match* m = ctx.find_match_at(j, [](const gazetteer::Match& x) {
          return x.cls == EntryClass::Location && x.exact_case;
        })) {
      end = std::max<std::size_t>(end, m->token_end);
    }
  }
  return end;
}

// "Egyptian General Petroleum Corporation": a title word p after a nationality
// word, before a common word b that no name list has, is a word of the name
// ("Egyptian President Tarsi Foundation" stops at the title).
bool title_word_in_name(const Context& ctx, std::size_t p, std::size_t b) {
  return p > 0 && ctx.has(p - 1, EntryClass::Demonym) && ctx.token(p - 1).shape == Shape::Capitalized &&
         !ctx.token(p).newline_before && ctx.is_common_word(b) && !ctx.has(b, EntryClass::GivenName) &&
         !ctx.has(b, EntryClass::Surname);
}

// "Massachusetts General Hospital", "San Francisco General Hospital": a title
// word p right before the head (b == h), after a listed place, is a word of the
// name (a public hospital's "General"), not a rank that ends it.
bool title_after_place(const Context& ctx, std::size_t p, std::size_t b, std::size_t h) {
  if (b != h || p == 0 || ctx.token(p).shape != Shape::Capitalized) return false;
  for (std::size_t s = p >= 3 ? p - 3 : 0; s < p; ++s) {
    if (ctx.find_match_at(s, [&](const gazetteer::Match& m) {
          return m.cls == EntryClass::Location && m.token_end == p && m.exact_case;
        })) {
      return true;
    }
  }
  return false;
}

// A person's possessive before a name of its own ("Lindner's [Free
// Democratic Party]", "Tusk's [Civic Platform]"): the possessor i is a
// surname more often than a given name and no word, place or listed
// organization, and two or more words [b, h] follow the "'s" ("McDonald's
// Corp", "Ferrymen's Bancshares" take it in; a given name's possessive is
// more often a firm's, "Lloyd's List").
bool person_possessor(const Context& ctx, std::size_t i, std::size_t b, std::size_t h) {
  return h > b && ctx.strong(i, EntryClass::Surname) && !ctx.has(i, EntryClass::Organization) &&
         !ctx.has(i, EntryClass::Location) && !given_name_first(ctx, i);
}

// "Donald Tusk's [Civic Coalition]": a possessor of a known given name and
// a capitalized word is a person, not a word of the name, unless a list has
// the two as an organization ("Morgan Stanley's").
bool full_name_possessor(const Context& ctx, std::size_t i) {
  if (i == 0 || ctx.token(i).newline_before || ctx.token(i - 1).shape != Shape::Capitalized) return false;
  if (!ctx.has(i - 1, EntryClass::GivenName) || ctx.has(i - 1, EntryClass::Organization) ||
      ctx.has(i, EntryClass::Organization) || ctx.has(i, EntryClass::Location)) {
    return false;
  }
  // A title before the given name vouches for both ("Prime Minister Peter Hall's").
  const bool titled = i >= 2 && !ctx.token(i - 1).newline_before &&
                      (ctx.has(i - 2, EntryClass::Title) || ctx.lex_is(i - 2, kLexTitleAbbrev));
  if (!titled && !ctx.strong(i - 1, EntryClass::GivenName)) return false;
  // The longest list entry of the two words decides ("Morgan Stanley" a firm,
  // "Donald Tusk" a person); else the second must be no common word
  // ("Christopher Children's Hospital"), unless a strong surname.
  const gazetteer::Match* m = ctx.find_match_at(
      i - 1, [&](const gazetteer::Match& x) { return x.token_end == i + 1 && x.cls != EntryClass::Title; });
  if (m) return m->cls == EntryClass::Person;
  return titled || !ctx.is_common_word(i) || ctx.strong(i, EntryClass::Surname);
}

// A listed organization that starts at token p and reaches the head h
// ("General Electric" before "Co."), or nullptr: its first word is the name's,
// even a title word, and the whole takes its kb_id.
const gazetteer::Match* listed_org_up_to(const Context& ctx, std::size_t p, std::size_t h) {
  return ctx.find_match_at(
      p, [&](const gazetteer::Match& m) { return m.cls == EntryClass::Organization && m.token_end >= h; });
}

// "Congress leader Tarsi Kelvo said": a listed body's one word h before a
// lowercase title and a name names the body, also where it opens a sentence
// (where the lists leave an ambiguous word out: "Congress passed the bill").
bool listed_body_before_member(const Context& ctx, std::size_t h) {
  return h + 2 < ctx.size() && ctx.token(h + 1).shape == Shape::Lower && ctx.has(h + 1, EntryClass::Title) &&
         cap_shape(ctx, h + 2) && !ctx.token(h + 2).newline_before && listed_org_up_to(ctx, h, h + 1);
}

// "the Army's fleet", "enlists in the Navy", "secretary of the Treasury": a
// country's armed service or treasury named by its head word h alone after
// "the" (as CoNLL tags them); other bare heads ("the Ministry") stay unnamed,
// and so do "the Marines" (its members, as often as the service).
bool service_after_the(const Context& ctx, std::size_t h) {
  static constexpr std::string_view kWords[] = {"army", "navy", "treasury"};
  static constexpr WordSet kServices(kWords);
  return h > 0 && folded_is(ctx, h - 1, "the") && ctx.token(h).shape == Shape::Capitalized && !ctx.caps_line[h] &&
         kServices.contains(ctx, h) && !(h + 1 < ctx.size() && cap_shape(ctx, h + 1));
}

// "Senior Congress leader Tarsi Kelvo": a word that describes a person, opening
// the sentence before a listed body's word and a member's title, is the
// member's, not the body's (b + 1 == h; the caller tests the sentence start).
bool member_adjective_at(const Context& ctx, std::size_t b) {
  static constexpr std::string_view kWords[] = {"senior", "veteran", "top", "prominent", "jailed", "ousted"};
  static constexpr WordSet kSet(kWords);
  return kSet.contains(ctx, b) && listed_body_before_member(ctx, b + 1);
}

// Tokens [b, h] are a listed body or place of their own ("the Navy and [Air
// Force]", "the United States and [Soviet Union]"): an "and" before them
// joins two names.
bool names_itself(const Context& ctx, std::size_t b, std::size_t h) {
  return ctx.find_match_at(b, [&](const gazetteer::Match& m) {
    return m.token_end == h + 1 && (m.cls == EntryClass::Organization || m.cls == EntryClass::Location);
  }) != nullptr;
}

// "Summit Motors and Harbor Motor Co": a head word h with a name's word before
// it (not a nationality's: "the Swedish Securities and Futures Board") ends
// a body's name of its own, so an "and" after it joins two bodies.
bool head_ends_name(const Context& ctx, std::size_t h) {
  return h > 0 && ctx.is_org_head(h) && ctx.token(h - 1).shape == Shape::Capitalized && is_org_word(ctx, h - 1) &&
         !ctx.has(h - 1, EntryClass::Demonym) && !ctx.token(h).newline_before;
}

// "the Kelvo Steel Workers union": up to two capitalized words between a
// body's name ending at e and a lowercase "union" after them are the union's
// name. Their end, or e.
std::size_t union_name_end(const Context& ctx, std::size_t e) {
  std::size_t k = e;
  while (k < ctx.size() && k - e < 2 && ctx.token(k).shape == Shape::Capitalized && !ctx.token(k).newline_before &&
         is_org_word(ctx, k)) {
    ++k;
  }
  return k > e && ctx.token(k).shape == Shape::Lower && folded_is(ctx, k, "union") ? k : e;
}

// Tokens [b, h) hold a lowercase "and" (the walk left takes one).
bool joined_by_and(const Context& ctx, std::size_t b, std::size_t h) {
  for (std::size_t k = b; k < h; ++k) {
    if (folded_is(ctx, k, "and")) return true;
  }
  return false;
}

// "Commission for Conciliation, Mediation and Arbitration (CCMA)": after an
// "of"/"for" name [b, e), a list of capitalized words ("X, Y and Z") whose
// initials, with the name's, spell the acronym in parentheses after it, is
// the name's. Returns the list's end, or e.
std::size_t acronym_list_end(const Context& ctx, std::size_t b, std::size_t e) {
  const std::size_t n = ctx.size();
  std::size_t k = e;
  while (k + 1 < n && is_char(ctx, k, ',') && ctx.token(k + 1).shape == Shape::Capitalized) k += 2;
  if (k == e || k + 1 >= n || !folded_is(ctx, k, "and") || ctx.token(k + 1).shape != Shape::Capitalized) return e;
  k += 2;
  if (k + 2 >= n || !is_char(ctx, k, '(') || ctx.token(k + 1).shape != Shape::AllCaps || !is_char(ctx, k + 2, ')')) {
    return e;
  }
  std::string initials;
  for (std::size_t j = b; j < k; ++j) {
    if (ctx.token(j).shape == Shape::Capitalized) initials += ctx.surface(j)[0];
  }
  return initials == ctx.surface(k + 1) ? k : e;
}

// Tokens [b, e) are all common words (is_common_word).
bool common_words_only(const Context& ctx, std::size_t b, std::size_t e) {
  for (std::size_t k = b; k < e; ++k) {
    if (!ctx.is_common_word(k)) return false;
  }
  return true;
}

// "Banco do Brasil SA", "Banca Tarvo di Kelvo SpA": the walk left from a legal
// form h (kLexOrgSuffix) stops at a lowercase word or a place's name (b: at
// most one word before h); a listed company that ends right before h, up to
// six words back, is the name's start. Else b.
std::size_t listed_company_before_form(const Context& ctx, std::size_t b, std::size_t h) {
  if (b < 2) return b;
  if (ctx.token(b - 1).shape != Shape::Lower && !ctx.has(b - 1, EntryClass::Location)) return b;
  const auto ends_at_h = [&](const gazetteer::Match& m) {
    return m.cls == EntryClass::Organization && m.token_end == h;
  };
  for (std::size_t p = b - 1; p + 6 > b && !ctx.token(p + 1).newline_before; --p) {
    if (ctx.find_match_at(p, ends_at_h) != nullptr) return p;
    if (p == 0) break;
  }
  return b;
}

// "Securities Commission Malaysia (SC)": a country's name after a body's
// name [b, e) is the name's last word when an acronym in parentheses after it
// spells the name's initials (with or without the country's). Returns the
// name's end.
std::size_t country_before_acronym(const Context& ctx, std::size_t b, std::size_t e) {
  if (e + 3 >= ctx.size() || !ctx.country[e] || ctx.token(e).newline_before || !is_char(ctx, e + 1, '(') ||
      !is_char(ctx, e + 3, ')') || ctx.token(e + 2).shape != Shape::AllCaps) {
    return e;
  }
  const std::string_view a = ctx.surface(e + 2);
  return spells_initials(ctx, b, e, a) || spells_initials(ctx, b, e + 1, a) ? e + 1 : e;
}

// "the Democracy for Citizens Party (DCP)": capitalized words joined by
// "for", "of" or "and" before a body's name [b, e) open the name when their
// initials and the name's spell the acronym in parentheses after it. Returns
// the name's start.
std::size_t acronym_name_start(const Context& ctx, std::size_t b, std::size_t e) {
  if (e + 2 >= ctx.size() || !is_char(ctx, e, '(') || !is_char(ctx, e + 2, ')') ||
      ctx.token(e + 1).shape != Shape::AllCaps) {
    return b;
  }
  const std::string_view a = ctx.surface(e + 1);
  std::size_t own = 0;  // the name's initials
  for (std::size_t j = b; j < e; ++j) own += ctx.is_cap(j) ? 1 : 0;
  if (own >= a.size() || !spells_initials(ctx, b, e, a.substr(a.size() - own))) return b;
  std::size_t need = a.size() - own, k = b;
  while (need > 0 && k > 0 && !ctx.token(k).newline_before) {
    const std::size_t p = k - 1;
    if (ctx.token(p).shape == Shape::Capitalized && ctx.surface(p)[0] == a[need - 1] && is_org_word(ctx, p)) {
      --need;
    } else if (!(ctx.token(p).shape == Shape::Lower &&
                 (folded_is(ctx, p, "for") || folded_is(ctx, p, "of") || folded_is(ctx, p, "and")))) {
      break;
    }
    k = p;
  }
  return need == 0 ? k : b;
}

// The first token of a listed legal form of several tokens that ends with the
// legal form h ("Pte Ltd", "Co., Ltd." with its last period), or h. (ORG_HEAD
// entries are token bits, no matches: their keys are looked up, as
// legal_form_end does.)
std::size_t legal_form_start(const Context& ctx, std::size_t h) {
  const bool period = h + 1 < ctx.size() && is_char(ctx, h + 1, '.') && !ctx.token(h + 1).space_before;
  std::size_t start = h;
  for (std::size_t q = h; q > 0 && h - q < 4 && !ctx.token(q).newline_before;) {
    --q;
    std::uint64_t key = text::kSequenceSeed;
    for (std::size_t k = q; k <= h; ++k) key = text::sequence_extend(key, ctx.token(k).fold_hash);
    bool listed = false;
    const auto head = [&](const gazetteer::Gazetteer&, const gazetteer::KeyRef& ref) {
      listed = listed || ref.cls == EntryClass::OrgHead;
    };
    ctx.matcher.for_each_key_entry(key, head);
    if (period) ctx.matcher.for_each_key_entry(text::sequence_extend(key, ctx.token(h + 1).fold_hash), head);
    if (listed) start = q;
  }
  return start;
}

// Token i is a capitalized storm word before a capitalized name on its line:
// "Storm Ciaran", "Hurricane Ian", "Typhoon Haiyan", "Cyclone Idai".
bool storm_word_at(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kWords[] = {"storm", "hurricane", "typhoon", "cyclone"};
  static constexpr WordSet kSet(kWords);
  return ctx.token(i).shape == Shape::Capitalized && i + 1 < ctx.size() &&
         ctx.token(i + 1).shape == Shape::Capitalized && !ctx.token(i + 1).newline_before && kSet.contains(ctx, i);
}

// org.team_role: outside a sports report (team_context's), a place before a
// role only a club has and a given name is the club: "Chelsea head coach Enzo
// Maresca", "Napoli striker Victor Osimhen". One place word, no country (a
// national side stays a place), first of its run of capitals.
void team_role(const Context& ctx, std::vector<Candidate>& out) {
  static constexpr std::string_view kRoles[] = {"striker", "midfielder", "goalkeeper", "winger", "coach",
                                                "defender", "playmaker"};
  static constexpr WordSet kRoleSet(kRoles);
  const std::size_t n = ctx.size();
  bool found = false;
  // The roles are TITLE entries ("head coach", "striker"): Context lists those
  // matches (rare), and this visits them, not every capitalized word.
  const gazetteer::Match* const mts = ctx.matches.data();
  for (const std::uint32_t k : ctx.title_matches) {
    const gazetteer::Match& m = mts[k];
    const std::size_t t = m.token_begin, r = m.token_end - 1;  // the role's first and last tokens
    // (The club roles are kLexTeamCue words: a bit first, few titles have it.)
    if (!(ctx.lex[r] & kLexTeamCue) || t == 0 || r + 1 >= n || r > t + 1 || ctx.token(t).shape != Shape::Lower) {
      continue;
    }
    // "head coach", "assistant coach": the role after a lowercase word.
    if (r == t + 1 && !(folded_is(ctx, t, "head") || folded_is(ctx, t, "assistant"))) continue;
    if (!kRoleSet.contains(ctx, r) || ctx.token(r + 1).newline_before || ctx.token(r + 1).shape != Shape::Capitalized ||
        !ctx.has(r + 1, EntryClass::GivenName)) {
      continue;
    }
    const std::size_t i = t - 1;  // the place
    if (ctx.token(i).shape != Shape::Capitalized || !ctx.has(i, EntryClass::Location) || ctx.country[i] ||
        ctx.token(t).newline_before || (i > 0 && !ctx.token(i).newline_before && ctx.is_cap(i - 1)) ||
        is_home_nation(ctx, i, i + 1)) {
      continue;
    }
    emit(ctx, i, i + 1, 0.78f, "org.team_role", out);
    found = true;
  }
  // In such a story a transfer names two clubs: "signed Osimhen from Napoli"
  // (the verb at most 6 words before "from"; one place word, no country).
  if (!found) return;
  for (const std::uint32_t i : ctx.cap_tokens) {
    if (i < 3 || !folded_is(ctx, i - 1, "from") || ctx.token(i).shape != Shape::Capitalized ||
        !ctx.has(i, EntryClass::Location) || ctx.country[i] || is_home_nation(ctx, i, i + 1) ||
        (i + 1 < n && ctx.is_cap(i + 1) && !ctx.token(i + 1).newline_before)) {
      continue;
    }
    if (transfer_before_from(ctx, i, true)) emit(ctx, i, i + 1, 0.78f, "org.team_role", out);
  }
}

// The start of a listed place (exact case) that holds token p and ends after
// it, at most at h; p + 1 when none.
std::size_t place_across(const Context& ctx, std::size_t p, std::size_t h) {
  for (std::size_t q = p >= 3 ? p - 3 : 0; q <= p; ++q) {
    if (ctx.find_match_at(q, [&](const gazetteer::Match& m) {
          return m.cls == EntryClass::Location && m.exact_case && m.token_end > p + 1 && m.token_end <= h;
        })) {
      return q;
    }
  }
  return p + 1;
}

// "Symphony" names an orchestra after its place alone ("the Boston
// Symphony", "the San Tarvo Symphony"); after a composer or an ordinal, or
// before "of", it is a work ("Beethoven's Fifth Symphony", "Symphony of Psalms").
bool orchestra_of_place(const Context& ctx, std::size_t b, std::size_t h) {
  return b < h && ctx.find_match_at(b, [&](const gazetteer::Match& m) {
    return m.cls == EntryClass::Location && m.token_end == h;
  }) != nullptr;
}

void recognize_organizations(const Context& ctx, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  const OrgStarts starts(ctx, out);  // emits org.camel
  team_lines(ctx, starts.lines, out);
  if (ctx.sports) {
    const std::size_t first = out.size();
    team_context(ctx, starts.team, out);
    team_list(ctx, first, out);
  }
  if (ctx.sports) {
    team_innings(ctx, starts.innings.span(), out);
    team_after_country(ctx, out);
  }
  if (has_score(ctx.tt.text)) {  // (most stories have none)
    team_result(ctx, out);
    team_result_after_verb(ctx, out);
    team_records(ctx, out);
  }
  team_nicknames(ctx, starts.nicknames, out);
  if (!ctx.sports) team_role(ctx, out);
  role_context(ctx, starts.role, out);
  acronym_noun(ctx, starts.acronyms.span(), out);
  legal_prefix_names(ctx, starts.prefixed, out);
  shares_owner(ctx, starts.shares.span(), out);
  for (const std::size_t h : starts.heads.span()) {
    // Take the last head of a run of heads ("Press Club", "Investment Bank").
    if (h + 1 < n && !ctx.token(h + 1).newline_before && ctx.is_org_head(h + 1) &&
        is_org_word(ctx, h + 1)) {
      continue;
    }
    // Abbreviated legal forms keep their period: "Toyota Motor Corp.", "Smith Bros."
    // A full word ("World Bank.", "Monetary Fund.") leaves it to the sentence,
    // and so does any head at the end of a line or of the text: the period
    // there ends the sentence ("... and Halvorsen Corp.\n").
    // (The same for the last word of an "of" extension: "Bank of America Corp.")
    const auto with_period = [&](std::size_t last) {
      const std::size_t e = last + 1;
      const bool abbreviation =
          ctx.surface(last).size() <= 4 && (ctx.lex_is(last, kLexOrgSuffix) || folded_is(ctx, last, "bros"));
      const bool keep = e + 1 < n && is_char(ctx, e, '.') && !ctx.token(e).space_before && abbreviation &&
                        !ctx.token(e + 1).newline_before &&
                        (ctx.token(e + 1).shape == Shape::Lower || ctx.token(e + 1).shape == Shape::Punct ||
                         ctx.token(e + 1).shape == Shape::Digits);  // "fined Kelvo Inc. 340 million"
      return keep ? e + 1 : e;
    };
    // "the Second Circuit", "the 11th Circuit": a federal appeals court by its
    // number; "Circuit" makes no other name ("the Suzuka Circuit" is a track).
    if (folded_is(ctx, h, "circuit") && !circuit_number_at(ctx, h)) continue;
    // "Reactor Unit 3": a numbered unit is a plant's part, not a body ("the Fraud Unit").
    if (folded_is(ctx, h, "unit") && h + 1 < n && ctx.token(h + 1).shape == Shape::Digits) continue;
    // "Treasury Cabinet Secretary John Mbadi": a head that opens a listed title
    // of several words ("Cabinet Secretary") is the office, not a body.
    if (h + 1 < n && ctx.token(h + 1).shape == Shape::Capitalized && long_title_at(ctx, h)) continue;
    const std::size_t e = with_period(h);
    // Walk left over capitalized modifiers, hyphen joins and "&".
    const std::size_t max_left = ctx.caps_line[h] ? 3 : 6;
    std::size_t b = h, form = 0;  // (form: the tokens of a legal form of several before h)
    while (b > 0 && !ctx.token(b).newline_before && h - b < max_left + form) {
      const std::size_t p = b - 1;
      // "Pte. Ltd.", "Co., Ltd.", "Sdn Bhd": a legal form of several tokens is
      // the head, whole (its first token may be a title's, "Pte"). (Asked only
      // where the walk would stop: after a period, comma or title word.)
      if (b == h && (ctx.lex[h] & kLexOrgSuffix) &&
          (ctx.token(p).shape == Shape::Punct || ctx.lex_is(p, kLexTitleAbbrev))) {
        if (const std::size_t q = legal_form_start(ctx, h); q < h) {
          b = q;
          form = h - q;
          continue;
        }
      }
      if (const std::size_t place_end = weak_start_place_end(ctx, p); place_end > b && place_end <= h) {
        b = p;  // "New York Marble Exchange"
        continue;
      }
      if (is_org_word(ctx, p)) {
        if ((ctx.has(p, EntryClass::Title) || ctx.lex_is(p, kLexTitleAbbrev)) && !ctx.is_org_head(p) &&
            !ctx.has(p, EntryClass::Demonym) && !ctx.has(p, EntryClass::Location) && !listed_org_up_to(ctx, p, h) &&
            !storm_word_at(ctx, p) &&  // (a storm word is a TITLE entry: "National Hurricane Center")
            !title_word_in_name(ctx, p, b) && !title_after_place(ctx, p, b, h) &&
            !ctx.is_country_span(p, b + 1)) {  // ("Sri Lanka Kelvo Board": a country's first word)
          break;  // "President Club"? a title word ends the name to the left (not "General Electric Co.")
        }
        b = p;
        continue;
      }
      // A hyphen joins only when attached ("Rolls-Royce"); a spaced one is punctuation
      // ("LONDON - Police said").
      if ((is_char(ctx, p, '&') || (is_char(ctx, p, '-') && !ctx.token(p).space_before)) && p > 0 &&
          is_org_word(ctx, p - 1) && !ctx.token(p).newline_before) {
        b = p - 1;
        continue;
      }
      // "Kelvo Tarsi and Co.": "and" before the legal form "Co" joins like "&".
      if (b == h && p > 0 && folded_is(ctx, p, "and") && ctx.token(p).shape == Shape::Lower &&
          (folded_is(ctx, h, "co") || folded_is(ctx, h, "co.")) && ctx.token(p - 1).shape == Shape::Capitalized &&
          is_org_word(ctx, p - 1) && !ctx.token(p).newline_before) {
        b = p - 1;
        continue;
      }
      // "Parks and Recreation Department", "Fish and Wildlife Service": two
      // common words joined by "and" before the head (and up to one more word:
      // "Anglo Tarvo Platinum and Kelvo Platinum Holdings Ltd" are two firms);
      // not places ("Kelvonia and Tarvo Revenue Authority" names two), names
      // ("Kelvo and Tarsi Group" may be two firms) nor a listed name after it.
      if (b < h && h - b <= 2 && p > 0 && folded_is(ctx, p, "and") && ctx.token(p).shape == Shape::Lower &&
          !ctx.token(p).newline_before && ctx.token(p - 1).shape == Shape::Capitalized && is_org_word(ctx, p - 1) &&
          ctx.is_common_word(p - 1) && ctx.is_common_word(b) && !ctx.has(p - 1, EntryClass::Location) &&
          !ctx.has(b, EntryClass::Location) && !ctx.country[p - 1] && !joined_by_and(ctx, b, h) &&
          !names_itself(ctx, b, h) && !head_ends_name(ctx, p - 1)) {
        b = p - 1;
        continue;
      }
      // "U.S. Treasury Department", "Varnex Coatings U.K. Ltd": a country's
      // initials ("U.S" and its attached period) are a word of the name.
      if (is_char(ctx, p, '.') && !ctx.token(p).space_before && p > 0 && ctx.token(p - 1).shape == Shape::AllCaps &&
          ctx.surface(p - 1).find('.') != std::string_view::npos && ctx.is_country_span(p - 1, p + 1) &&
          !ctx.token(p).newline_before) {
        b = p - 1;
        continue;
      }
      // "Ferrymen's Bancshares", "McDonald's Corp"; but a place's possessive is not
      // part of the name ("Britain's [Labour Party]", "Japan's [Finance Ministry]"),
      // nor a name's possessive before a listed name ("Tarsi's [Christian Democratic
      // Union]"), unless the list has it too ("People's Liberation Army"), nor a
      // listed body's acronym before a unit of it ("MIT's [Plasma Science and
      // Fusion Center]": two bodies).
      if (ctx.is(p, "'s") && p > 0 && is_org_word(ctx, p - 1) && !ctx.token(p).space_before &&
          !ctx.has(p - 1, EntryClass::Location) && !person_possessor(ctx, p - 1, b, h) &&
          !full_name_possessor(ctx, p - 1) &&
          !(b < h && ctx.token(p - 1).shape == Shape::AllCaps && ctx.has(p - 1, EntryClass::Organization)) &&
          !(b < h && listed_org_up_to(ctx, b, h) && !listed_org_up_to(ctx, p - 1, h))) {
        b = p - 1;
        continue;
      }
      // "the Kelvo Employers' Confederation": a plural's possessive apostrophe
      // joins its word (not a place's nor a person's).
      if ((is_char(ctx, p, '\'') || (ctx.token(p).span.size() == 3 && ctx.is(p, "\u2019"))) && p > 0 &&
          !ctx.token(p).space_before && ctx.token(p - 1).shape == Shape::Capitalized &&
          ctx.surface(p - 1).ends_with('s') && is_org_word(ctx, p - 1) && !ctx.has(p - 1, EntryClass::Location) &&
          !person_possessor(ctx, p - 1, b, h)) {
        b = p - 1;
        continue;
      }
      // A listed place of several words that the walk cannot cross word by
      // word, whole: "[St. Louis] Fed" (asked only where the walk stops).
      if (const std::size_t q = place_across(ctx, p, h); q <= p && h - q <= max_left + 1) {
        b = q;
        continue;
      }
      // "the All Kelvo Farmers Union": a capitalized "All" inside a sentence opens the name.
      if (b < h && folded_is(ctx, p, "all") && ctx.token(p).shape == Shape::Capitalized &&
          !ctx.token(p).sentence_start && !ctx.caps_line[p]) {
        b = p;
      }
      break;
    }
    if (b + 1 >= h && (ctx.lex[h] & kLexOrgSuffix)) b = listed_company_before_form(ctx, b, h);
    // "the" / sentence-start function words never begin the name.
    std::size_t e_of = e;  // chained: "Institute for the Study of Trade"
    // A legal form ends a company's name: "Topvane Inc of Boulder" says where
    // it is. "Corp" and "Co" do so before "of the" only ("Dow Chemical Co of
    // the United States"; "Power Corp of Canada" is a name).
    const bool corp = folded_is(ctx, h, "corp") || folded_is(ctx, h, "co");
    const bool legal_end = ctx.lex_is(h, kLexOrgSuffix) && !folded_is(ctx, h, "group") &&
                           !folded_is(ctx, h, "holdings") && !folded_is(ctx, h, "bancorp") &&
                           (!corp || (folded_is(ctx, e, "of") && folded_is(ctx, e + 1, "the")));
    for (std::size_t next; !legal_end && (next = extend_of(ctx, e_of)) > e_of;) {
      // "Spartak of Russia", "Benetton of Italy": a club's country, not its name.
      if (ctx.lex_is(h, kLexTeamWord) && e_of == e && ctx.is_country_span(e_of + 1, next)) break;
      // "the Tarvo Union of Kelvonia of Jalal Tarsi": a second "of" before a
      // given name names the body's leader, no more of its name.
      if (e_of > e && is_leader_after_of(ctx, e_of)) break;
      e_of = next;
    }
    if (e_of > e) e_of = acronym_list_end(ctx, b, with_period(e_of - 1));
    if (b + 1 == h && e_of == e && ctx.token(b).sentence_start && member_adjective_at(ctx, b)) ++b;
    if (b == h && e_of == e) {  // a bare head ("Ministry") is not a name
      if (const std::size_t be = ctx.token(h).fold_hash == kBank.hash ? bank_place_end(ctx, h) : h; be > h) {
        emit(ctx, h, be, 0.7f, "org.bank_place", out);
      } else if (ctx.token(h).sentence_start && listed_body_before_member(ctx, h)) {
        emit(ctx, h, e, 0.7f, "org.body_before_member", out);
      } else if (service_after_the(ctx, h)) {
        emit(ctx, h, e, 0.7f, "org.service", out);
      }
      continue;
    }
    // "Trading on the Tarvo Exchange fell": a bare head in -ing before its
    // extension is the gerund, not "Trading" the body.
    if (b == h && ctx.folded(h).ends_with("ing")) continue;
    // "Eastern Division", "CENTRAL DIVISION": a league's group in standings, not a body.
    if (folded_is(ctx, h, "division") && e_of == e) {
      static constexpr std::string_view kCompass[] = {"eastern", "western", "northern", "southern", "central",
                                                      "east",    "west",    "north",    "south"};
      static constexpr WordSet kCompassSet(kCompass);
      bool group = true;
      for (std::size_t k = b; k < h; ++k) group = group && kCompassSet.contains(ctx, k);
      if (group) continue;
    }
    // A first word that only capitalizes the sentence ("Officials Club"?) is weak,
    // but not in a name of common words only ("Impala Platinum Holdings Ltd",
    // "Global Finance Corp") that no list has without it ("Several [Big Board]").
    if (b < h && ctx.token(b).sentence_start && ctx.is_common_word(b) && !ctx.has(b, EntryClass::Demonym) &&
        !ctx.has(b, EntryClass::Location) && b + 1 < h &&
        (!common_words_only(ctx, b + 1, h) || listed_org_up_to(ctx, b + 1, h)) && !listed_org_up_to(ctx, b, h)) {
      ++b;
    }
    // In capitals, ordinary words before the head are usually the headline,
    // not the name: the first ("ROYAL BANK"), or one inside, a verb
    // ("BENETTON BEAT SPARTAK", "MALAWI DISBANDS NATIONAL SQUAD").
    if (ctx.caps_line[h] && b < h) {
      bool headline = ctx.is_common_word(b) && !ctx.has(b, EntryClass::Location) && !ctx.has(b, EntryClass::Demonym);
      for (std::size_t k = b + 1; k < h && !headline; ++k) {
        headline = ctx.is_common_word(k) && !ctx.has(k, EntryClass::Location) && !ctx.has(k, EntryClass::Demonym) &&
                   !ctx.has(k, EntryClass::Organization) && !ctx.is_org_head(k);
      }
      if (headline) continue;
      // A nationality word and a common noun ("GERMAN COALITION COLLAPSES"):
      // the noun's capital is the line's, not a name's.
      if (b + 1 == h && e_of == e && ctx.has(b, EntryClass::Demonym) && ctx.is_common_word(h) &&
          !listed_org_up_to(ctx, b, h)) {
        continue;
      }
    }
    // "City", "Town", "County" end place names as often as clubs' ("Atlantic
    // City", "the Old City"): as a name's only head they make a club in a
    // sports report, and not after a locative preposition ("in Atlantic City").
    if (e_of == e && ctx.lex_is(h, kLexTeamWord) && !ctx.lex_is(h, kLexOrgHead) &&
        !ctx.strong(h, EntryClass::OrgHead) &&
        (!ctx.sports || (b > 0 && ctx.lex_is(b - 1, kLexLocative) && ctx.token(b - 1).shape == Shape::Lower)) &&
        !listed_org_up_to(ctx, b, h)) {
      continue;
    }
    // ... nor is a listed place + "City" after one, though a company has the
    // place's name ("lives in Toyota City"): that is the place, whole.
    if (e_of == e && b + 1 == h && ctx.lex_is(h, kLexTeamWord) && !ctx.lex_is(h, kLexOrgHead) &&
        !ctx.strong(h, EntryClass::OrgHead) && ctx.lex_is(b - 1, kLexLocative) &&
        ctx.token(b - 1).shape == Shape::Lower && ctx.has(b, EntryClass::Location)) {
      emit_candidate(ctx, EntityType::Location, b, e, 0.7f, "org.place_city", out);
      continue;
    }
    // "the French Left Bank": a listed place that ends with the head is no body.
    if (e_of == e && modified_place_to_head(ctx, b, h)) continue;
    if (folded_is(ctx, h, "symphony") && (e_of > e || !orchestra_of_place(ctx, b, h))) continue;
    // "Supreme Leader Ayatollah ...", "the Supreme Leader said": a listed title
    // of several words is the office (its head word, "Leader", also ends mastheads).
    if (e_of == e && b + 1 < e && ctx.find_match_at(b, [&](const gazetteer::Match& m) {
          return m.cls == EntryClass::Title && m.exact_case && m.token_end == e;
        })) {
      continue;
    }
    // A name its acronym defines goes on over a country and back over "for"
    // (country_before_acronym, acronym_name_start). (Asked only there.)
    const bool of = e_of > e;
    if (e_of + 2 < n && (ctx.country[e_of] || is_char(ctx, e_of, '('))) {
      e_of = country_before_acronym(ctx, b, e_of);
      b = acronym_name_start(ctx, b, e_of);
    }
    if (!of) e_of = union_name_end(ctx, e_of);
    emit(ctx, b, e_of, of ? 0.75f : 0.7f, of ? "org.head_of" : "org.head", out);
    // The possessor left out is the person ("Lindner's"), if a word alone (a
    // longer name, "Rupert Murdoch's", is the person rules').
    if (b > 1 && ctx.is(b - 1, "'s") && ctx.token(b - 2).shape == Shape::Capitalized &&
        person_possessor(ctx, b - 2, b, h) && (b == 2 || ctx.token(b - 2).newline_before || !ctx.is_cap(b - 3))) {
      emit_candidate(ctx, EntityType::Person, b - 2, b - 1, 0.6f, "org.person_possessor", out);
    }
    // A listed name before the legal form lends the whole its id ("General Electric Co.").
    if (e_of == e && b < h) {
      if (const gazetteer::Match* m = listed_org_up_to(ctx, b, h)) {
        if (const std::string_view id = ctx.matcher.entry(*m).kb_id; !id.empty()) out.back().kb_id = id;
      }
    }
  }
  ampersand_names(ctx, out);
  before_title_names(ctx, out);
  pollster_names(ctx, starts.polls, out);
  legal_form_names(ctx, starts.legal, out);
}

bool is_event_word_at(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kEventWords[] = {"cup",  "open",     "classic",      "trophy",        "games",
                                                     "marathon", "day", "championship", "championships", "grand",
                                                     "finals",  // "the ATP Finals", "the NBA Finals"
                                                     "war",  // "the Gulf War", "the Vietnam War"
                                                     "show", "expo", "festival",  // "the Consumer Electronics Show"
                                                     "summit",  // "the Web Summit"
                                                     "prize", "award", "awards"};  // awards are no entities either
  static constexpr WordSet kEvents(kEventWords);
  // (Called for every candidate's end: the shape first, then the set.)
  if (i >= ctx.size() || ctx.token(i).newline_before) return false;
  const Shape s = ctx.token(i).shape;
  if (s != Shape::Capitalized && !(s == Shape::AllCaps && ctx.caps_line[i])) return false;
  if (!kEvents.contains(ctx, i)) return false;
  return !folded_is(ctx, i, "grand") || folded_is(ctx, i + 1, "prix");  // "Grand Prix"
}

// Token e is an attached hyphen and a participle that makes the name before
// it an adjective: "London-based", "Amman-bound", "U.S.-led", "Ontario-registered".
bool compound_adjective_at(const Context& ctx, std::size_t e) {
  static constexpr std::string_view kWords[] = {"based", "bound", "backed", "led", "registered", "born"};
  static constexpr WordSet kSet(kWords);
  return e + 1 < ctx.size() && is_char(ctx, e, '-') && !ctx.token(e).space_before &&
         !ctx.token(e + 1).space_before && ctx.token(e + 1).shape == Shape::Lower && kSet.contains(ctx, e + 1);
}

namespace {

// Token e is the title "Minister" after a body's name: the name is the
// minister's portfolio ("the Mineral Resources Minister", "Foreign Affairs
// Minister Ana Kelp"); or "Bill" and a number: the name is a bill's ("Senate
// Bill 1481", "House Bill 12"). Neither is a mention.
bool portfolio_or_bill_at(const Context& ctx, EntityType type, std::size_t e) {
  static constexpr FoldedWord kMinister("minister"), kBill("bill");
  if (type != EntityType::Organization || ctx.token(e).shape != Shape::Capitalized) return false;
  const std::uint64_t h = ctx.token(e).fold_hash;
  if (h == kMinister.hash) return folded_is(ctx, e, kMinister);
  return h == kBill.hash && folded_is(ctx, e, kBill) && e + 1 < ctx.size() &&
         ctx.token(e + 1).shape == Shape::Digits;
}

// Token e, a number after a body's name that "the" opens (up to four
// tokens back), is a model's or an index's number ("the Kelvo 310", "the S&P
// 500"): the name is a product's, no body's mention (a score goes on with a
// dash: "the Tarvo 12-3 win"; a results line has no "the").
bool product_number_at(const Context& ctx, std::size_t e) {
  const std::size_t n = ctx.size(), size = ctx.surface(e).size();
  if (size < 2 || size > 4 || (e + 1 < n && !ctx.token(e + 1).space_before &&
                               (is_char(ctx, e + 1, '-') || is_char(ctx, e + 1, '/') || is_char(ctx, e + 1, ':')))) {
    return false;
  }
  // A year after a body's name is its year ("the Apple 2024 report", "the NATO 2030 agenda").
  const std::string_view w = ctx.surface(e);
  if (size == 4 && (w.starts_with("19") || w.starts_with("20"))) return false;
  // (The name's tokens: no lowercase word; "S&P" may be several.)
  std::size_t b = e;
  while (b > 1 && e - b < 4 && !ctx.token(b).newline_before && ctx.token(b - 1).shape != Shape::Lower &&
         !folded_is(ctx, b - 1, "the") && !is_char(ctx, b - 1, ',')) {
    --b;
  }
  return b < e && folded_is(ctx, b - 1, "the") &&
         (ctx.token(b - 1).shape == Shape::Lower || ctx.token(b - 1).sentence_start);
}

// "the S&P/ASX 200", "the Kelvo/TSX composite": a "/" at token e, another
// maker's acronym attached and the index's number (no year) or word after a
// body's name make the whole an index's name.
bool joint_index_at(const Context& ctx, std::size_t e) {
  if (e + 2 >= ctx.size() || !is_char(ctx, e, '/') || ctx.token(e + 1).space_before ||
      ctx.token(e + 1).shape != Shape::AllCaps) {
    return false;
  }
  const std::string_view w = ctx.surface(e + 2);
  if (ctx.token(e + 2).shape == Shape::Digits) {
    return w.size() >= 2 && w.size() <= 4 && !(w.size() == 4 && (w.starts_with("19") || w.starts_with("20")));
  }
  return folded_is(ctx, e + 2, "index") || folded_is(ctx, e + 2, "composite");
}

// Token e (a number of one or two digits, or an attached hyphen and one)
// after a name that a determiner opens, before a lowercase noun, is a model's
// or a version's number: "a Falcon 9 rocket", "its Mistral Large 3 model",
// "the Vikram-1 launcher". The name is a product's (DESIGN.md: no entity),
// whatever list gives its words a person's or a place's type (a maker's name
// stays: "a Boeing 747 jet"; product_number_at has "the Kelvo 310"). (Not a
// quantity: "the Tarvo 2 million"; a results line has no determiner.)
bool model_number_at(const Context& ctx, std::size_t e) {
  const std::size_t n = ctx.size();
  std::size_t d = e;
  if (is_char(ctx, e, '-')) {
    if (ctx.token(e).space_before || e + 1 >= n || ctx.token(e + 1).space_before) return false;
    d = e + 1;
  }
  if (d + 1 >= n || ctx.token(d).shape != Shape::Digits || ctx.surface(d).size() > 2) return false;
  const text::Token& noun = ctx.token(d + 1);
  static constexpr std::string_view kQuantities[] = {"million", "billion", "trillion", "percent", "per", "points",
                                                     "pct", "years", "goals", "runs", "wickets", "games"};
  static constexpr WordSet kQuantity(kQuantities);
  if (noun.shape != Shape::Lower || !noun.space_before || noun.newline_before || ctx.lex_is(d + 1, kLexFunction) ||
      kQuantity.contains(ctx, d + 1)) {
    return false;
  }
  // The name's words back to its determiner (up to three).
  std::size_t b = e;
  while (b > 0 && e - b < 3 && !ctx.token(b).newline_before && cap_shape(ctx, b - 1)) --b;
  static constexpr std::string_view kDeterminers[] = {"a", "an", "the", "its", "their", "his", "her", "our"};
  static constexpr WordSet kDeterminer(kDeterminers);
  return b < e && b > 0 && ctx.token(b - 1).shape == Shape::Lower && kDeterminer.contains(ctx, b - 1);
}

}  // namespace

bool starts_unnamed_name_full(const Context& ctx, EntityType type, std::size_t e) {
  // The token's shape picks the one or two tests that can hold, each of which
  // needs a token at e. An event word is capitalized (or in capitals), a
  // compound adjective's hyphen is punctuation, and the index words are letters.
  if (type == EntityType::Date || e >= ctx.size()) return false;
  const Shape s = ctx.token(e).shape;
  // A name inside a compound adjective is no mention of its own (CoNLL's
  // MISC "London-based"); the hyphen plays the event word's part.
  // (The one-byte test first: most are commas and periods.)
  if (s == Shape::Punct) {
    return is_char(ctx, e, '-') ? compound_adjective_at(ctx, e) ||
                                      (type != EntityType::Organization && model_number_at(ctx, e))
                                : type == EntityType::Organization && joint_index_at(ctx, e);
  }
  if ((s == Shape::Capitalized || s == Shape::AllCaps) &&
      (is_event_word_at(ctx, e) || portfolio_or_bill_at(ctx, type, e))) {
    return true;
  }
  // An oil grade named after a field or region is a product: "West Texas
  // Intermediate crude", "Arab Light crude" (a country's own crude stays the
  // country: "Iraq crude exports").
  static constexpr FoldedWord kCrude("crude"), kIndex("index"), kComposite("composite");
  if (s == Shape::Lower && ctx.token(e).fold_hash == kCrude.hash && folded_is(ctx, e, kCrude)) {
    return type != EntityType::Location || e == 0 || !ctx.country[e - 1];
  }
  // (Not in a sports report: its names before numbers are a results table's.)
  if (s == Shape::Digits && type != EntityType::Organization && !ctx.sports && model_number_at(ctx, e)) return true;
  // A name before a capitalized index word is the index's: "the Jakarta
  // Composite Index", "the Tarvo Index" (a product, no mention).
  if (type != EntityType::Organization) {
    return s == Shape::Capitalized && (folded_is(ctx, e, kIndex) || folded_is(ctx, e, kComposite));
  }
  // A market index named after its maker ("the Dow Jones industrial average",
  // "the Nikkei average", "the Nasdaq composite", "the S&P 500"); an
  // exchange's index stays the exchange's ("the American Stock Exchange index"),
  // but not before a capitalized "Index": a masthead's is the index ("the
  // Kelvo Times Index"; the exchange's is lowercase).
  if (e == 0) return false;
  if (ctx.is_org_head(e - 1)) return s == Shape::Capitalized && folded_is(ctx, e, kIndex);
  if (s == Shape::Digits) return product_number_at(ctx, e);
  static constexpr FoldedWord kAverage("average"), kIndustrials("industrials"), kIndustrial("industrial");
  // The token's fold hash against the words' first: the folded text (another
  // cache line, read for a word's first letter before) only when one agrees.
  const std::uint64_t h = ctx.token(e).fold_hash;
  if (h != kIndex.hash && h != kAverage.hash && h != kComposite.hash && h != kIndustrials.hash &&
      h != kIndustrial.hash) {
    return false;
  }
  return folded_is(ctx, e, kIndex) || folded_is(ctx, e, kAverage) || folded_is(ctx, e, kComposite) ||
         folded_is(ctx, e, kIndustrials) || (folded_is(ctx, e, kIndustrial) && folded_is(ctx, e + 1, kAverage));
}

// "the Champions League", "the American League": in a sports report a League
// that only its head word makes a body (no list has the name) is a
// competition, an event like "UEFA Cup". (Out of line: asked of names that
// end in "League" only.)
[[gnu::noinline]] bool competition_league(const Context& ctx, const Candidate& c) {
  return ctx.sports && c.evidence == "org.head" && !listed_org_up_to(ctx, c.token_begin, c.token_end - 1);
}

void drop_event_name_parts(const Context& ctx, std::vector<Candidate>& candidates) {
  // The event's words (a name before its event word, and that word): no
  // candidate inside them stays ("U.S. Open" as a person, "Hong" of "Hong
  // Kong Open"); a longer name that goes on past them does ("Federal Open
  // Market Committee"). Events are rare: a short list of token ranges.
  // (starts_unnamed_name with the token count and arrays in locals: through
  // ctx they were loaded again, and the count divided out, for every
  // candidate, the call and the stores here being opaque to the compiler.)
  // (A per-thread buffer, cleared here: one document in five has an event, and
  // each of those made a heap allocation for a fresh vector.)
  thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> events;
  events.clear();
  const text::Token* const tokens = ctx.tt.tokens.data();
  const std::size_t n = ctx.size();
  const char* const text = ctx.tt.text.data();
  for (const Candidate& c : candidates) {
    const std::size_t e = c.token_end;
    if (c.type == EntityType::Date) continue;
    // A name that ends with a capitalized "Index" is an index ("Hang Seng Index").
    // So is one that ends with "Prize" or "Award", an award ("Nobel Prize" read as a person's name),
    // and a competition's "League" (competition_league).
    // (One bit of 64 per word by its fold hash first: most names end in none.)
    static constexpr std::uint64_t kIndex = text::token_hash("index"), kPrize = text::token_hash("prize"),
                                   kAward = text::token_hash("award"), kLeague = text::token_hash("league");
    static constexpr std::uint64_t kBits = (1ull << (kIndex >> 58)) | (1ull << (kPrize >> 58)) |
                                           (1ull << (kAward >> 58)) | (1ull << (kLeague >> 58));
    if (e > c.token_begin + 1 && ((kBits >> (tokens[e - 1].fold_hash >> 58)) & 1) &&
        (tokens[e - 1].fold_hash == kIndex || tokens[e - 1].fold_hash == kPrize || tokens[e - 1].fold_hash == kAward ||
         (tokens[e - 1].fold_hash == kLeague && competition_league(ctx, c))) &&
        tokens[e - 1].shape == Shape::Capitalized) {
      events.emplace_back(c.token_begin, c.token_end);
      continue;
    }
    if (e >= n || !may_start_unnamed_name(tokens[e], c.type, text)) continue;
    if (starts_unnamed_name_full(ctx, c.type, e)) events.emplace_back(c.token_begin, c.token_end + 1);
  }
  // A named storm is an event too ("Storm Agnes", "Hurricane Milton", "Tropical
  // Storm Alberto"): neither its word nor its name is a mention. The storm
  // words are TITLE entries (curated titles.tsv, "amb"): Context lists those
  // matches, few, and this visits them rather than asking every candidate.
  const gazetteer::Match* const mts = ctx.matches.data();
  for (const std::uint32_t k : ctx.title_matches) {
    const std::size_t s = mts[k].token_begin;
    // ("National Hurricane Center": a head after the word makes a body's name.)
    if (mts[k].token_end != s + 1 || !storm_word_at(ctx, s) || ctx.is_org_head(s + 1)) continue;
    const bool tropical = s > 0 && !ctx.token(s).newline_before && folded_is(ctx, s - 1, "tropical");
    events.emplace_back(static_cast<std::uint32_t>(tropical ? s - 1 : s), static_cast<std::uint32_t>(s + 2));
  }
  if (events.empty()) return;
  std::erase_if(candidates, [&](const Candidate& c) {
    if (c.type == EntityType::Date) return false;
    for (const auto& [b, e] : events) {
      if (c.token_begin < e && b < c.token_end && c.token_end <= e) return true;
    }
    return false;
  });
}

}  // namespace newsner::recognize
