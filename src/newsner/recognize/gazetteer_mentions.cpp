#include "newsner/recognize/gazetteer_mentions.hpp"

#include "newsner/recognize/location.hpp"
#include "newsner/recognize/organization.hpp"
#include "newsner/recognize/rule_support.hpp"

#include <algorithm>
#include <array>

namespace newsner::recognize {

using gazetteer::EntryClass;
using text::Shape;

namespace {

// The last word of a street's or square's name.
bool is_street_word(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kWords[] = {"street", "avenue", "road", "square", "lane", "boulevard"};
  static constexpr WordSet kSet(kWords);
  return kSet.contains(ctx, i);
}

// Words that open religious names as much as titles ("Mother Teresa").
bool is_religious_name_word(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kWords[] = {"mother", "father", "sister", "brother", "saint", "st"};
  static constexpr WordSet kSet(kWords);
  return kSet.contains(ctx, i);
}

// "North", "Central", "Western": the compass words that open a part of a place
// (location.hpp's list).
// A one-word name at b that is no mention by the word after it: a town before
// "crude" names an oil grade ("Brent crude"; a country's crude is its own,
// "Iranian crude" aside), a body before the title "Minister" names a portfolio
// ("the Labour Minister"; "Labour minister", in lower case, is a party member).
// (Out of line: asked only before those two words.)
[[gnu::noinline]] bool names_grade_or_portfolio(const Context& ctx, std::size_t b, EntityType type) {
  const std::size_t e = b + 1;
  if (e >= ctx.size() || ctx.token(e).newline_before) return false;
  if (type == EntityType::Location) {
    return !ctx.country[b] && ctx.token(e).shape == Shape::Lower && folded_is(ctx, e, "crude");
  }
  return type == EntityType::Organization && ctx.token(e).shape == Shape::Capitalized && ctx.is(e, "Minister");
}

// "No. 10 Kelvo State": the match [b, e), "No." and a number, before a
// capitalized name ranks a team or a player; only alone is "No. 10" the prime
// minister's office.
[[gnu::noinline]] bool ranking_at(const Context& ctx, std::size_t b, std::size_t e) {
  return folded_is(ctx, b, "no") && e < ctx.size() && !ctx.token(e).newline_before && ctx.is_cap(e);
}

bool is_compass_word(const Context& ctx, std::size_t i) {
  static constexpr WordSet kSet(kCompassWords);
  return kSet.contains(ctx, i);
}

// An abbreviated personal title ends right before token b ("Mr.", "Dr", "Sen.").
// (Out of line: asked only of a possessive company name.)
[[gnu::noinline]] bool title_abbrev_before(const Context& ctx, std::size_t b) {
  if (b == 0 || ctx.token(b).newline_before) return false;
  std::size_t k = b - 1;
  if (is_char(ctx, k, '.') && !ctx.token(k).space_before && k > 0) --k;
  return ctx.token(k).shape == Shape::Capitalized && ctx.lex_is(k, kLexTitleAbbrev);
}

// A lowercase sports word ("match", "coach", "beat") in token b's sentence,
// or two in the document: a short story on a club (a player's retirement)
// may have fewer than Context::sports needs. (Out of line: asked only of a
// club's nickname that is a common word, outside a sports report.)
[[gnu::noinline]] bool sports_cue_near(const Context& ctx, std::size_t b) {
  const std::uint32_t sentence = ctx.token(b).sentence;
  int count = 0;
  for (std::size_t k = 0; k < ctx.size(); ++k) {
    if (ctx.token(k).shape != Shape::Lower || !ctx.lex_is(k, kLexSports)) continue;
    if (ctx.token(k).sentence == sentence || ++count >= 2) return true;
  }
  return false;
}

// "Spurs host Wolverhampton", "Cowboys coach Brian Tarvel": in a sports report
// a club's nickname that is a common word opens a sentence as the club before
// a result or fixture verb or a club role (kLexTeamCue). (Out of line: asked
// only of a listed common word that a sentence's capital makes a name.)
[[gnu::noinline]] bool club_opens_sentence(const Context& ctx, std::size_t b, std::size_t e, std::string_view list) {
  return ctx.sports && e == b + 1 && list == "sports" && e < ctx.size() && ctx.lex_is(e, kLexTeamCue) &&
         ctx.token(e).shape == Shape::Lower;
}

// The mention classes are the first three of both enums, in the same order:
// a match's type is its class (a compare and a copy, no switch per match).
static_assert(static_cast<int>(EntryClass::Person) == static_cast<int>(EntityType::Person) &&
              static_cast<int>(EntryClass::Location) == static_cast<int>(EntityType::Location) &&
              static_cast<int>(EntryClass::Organization) == static_cast<int>(EntityType::Organization));
bool is_mention_class(EntryClass c) { return c <= EntryClass::Organization; }

// All letter-bearing tokens in [b, e) are in capitals.
bool all_caps(const Context& ctx, std::size_t b, std::size_t e) {
  for (std::size_t i = b; i < e; ++i) {
    const Shape s = ctx.token(i).shape;
    if (s == Shape::Capitalized || s == Shape::Lower || s == Shape::Mixed) return false;
  }
  return true;
}

// Written like a name in running text: the first and last words capitalized (not
// in capitals, unless the whole line is), connectors like "of" inside.
bool title_cased(const Context& ctx, std::size_t b, std::size_t e) {
  for (std::size_t i = b; i < e; ++i) {
    const Shape s = ctx.token(i).shape;
    if (s == Shape::Lower && (i == b || i + 1 == e)) return false;
    if (s == Shape::AllCaps && !ctx.caps_line[i]) return false;
  }
  return true;
}

// Token i's line is a headline in title case ("More Than Ever Before", "Floods
// Hit Towns as Rivers Rise"): no lowercase word but function words, two or more
// common words capitalized after its first word, and not a line of results (at
// most one number). There a capital is no evidence, as in a line in capitals.
// `memo` keeps the last line's answer (matches come in text order): {first
// token, end, answer}.
bool title_case_line(const Context& ctx, std::size_t i, std::array<std::size_t, 3>& memo) {
  if (i >= memo[0] && i < memo[1]) return memo[2] != 0;
  std::size_t b = i, e = i + 1;
  while (b > 0 && !ctx.token(b).newline_before) --b;
  while (e < ctx.size() && !ctx.token(e).newline_before) ++e;
  int common = 0, numbers = 0;
  bool title = true;
  for (std::size_t k = b; k < e && title; ++k) {
    const Shape s = ctx.token(k).shape;
    if (s == Shape::Lower) {
      title = ctx.lex_is(k, kLexFunction);
    } else if (s == Shape::Capitalized && k > b && ctx.is_common_word(k)) {
      ++common;
    } else if (s == Shape::Digits) {
      title = ++numbers <= 1;
    }
  }
  memo = {b, e, title && common >= 2 ? 1u : 0u};
  return memo[2] != 0;
}

// Token b is part of a title of several tokens: it begins one ("Vice
// President", "Chief Minister") or ends or lies inside one that starts up to
// four tokens before it ("Chief Financial Officer", "Chief of Staff"): the
// word is part of the title there, not the magazine or place of its name.
bool in_long_title(const Context& ctx, std::size_t b) {
  for (std::size_t k = b + 1; k-- > (b >= 4 ? b - 4 : 0);) {  // b first, then leftwards
    if (ctx.find_match_at(k, [&](const gazetteer::Match& m) {
          return m.cls == EntryClass::Title && m.token_end > b && m.token_end >= k + 2;
        })) {
      return true;
    }
  }
  return false;
}

// A capitalized title word follows token b: "Police Chief", "Fire Commissioner".
bool title_word_after(const Context& ctx, std::size_t b) {
  return b + 1 < ctx.size() && ctx.token(b + 1).shape == Shape::Capitalized && ctx.has(b + 1, EntryClass::Title);
}

// The lists whose names the rules below test.
enum class ListKind : std::uint8_t {
  Other,  // user lists (--gazetteer) and lists without a rule of their own
  Countries,
  Regions,
  Subdivisions,
  Cities,
  Features,
  Organizations,  // the generic organization list
  People,
  Curated,  // hand-curated organizations: companies, parties, news media, ...
};

ListKind list_kind(std::string_view list) {
  if (list == "countries") return ListKind::Countries;
  if (list == "regions") return ListKind::Regions;
  if (list == "subdivisions") return ListKind::Subdivisions;
  if (list == "cities") return ListKind::Cities;
  if (list == "features") return ListKind::Features;
  if (list == "organizations") return ListKind::Organizations;
  if (list == "people") return ListKind::People;
  if (list == "companies" || list == "government_bodies" || list == "international_orgs" ||
      list == "news_media" || list == "parties" || list == "sports") {
    return ListKind::Curated;
  }
  return ListKind::Other;
}

// list_kind() of each (gazetteer, list) index pair, looked up by name once per
// thread and Matcher rather than once per match (or per document: a short
// story has few matches, and each name lookup read the image's list table,
// far from the rest, and compared names). The first gazetteer's first lists
// (the embedded ones) take a flat array: one load and compare per match.
class ListKinds {
 public:
  /// The thread's ListKinds, for `matcher` (its kinds are forgotten when
  /// another Matcher was used last: list indices are per Matcher).
  static ListKinds& of_thread(const gazetteer::Matcher& matcher) {
    thread_local ListKinds kinds;
    if (kinds.matcher_id_ != matcher.id()) {
      kinds.first_.fill(kUnknown);
      kinds.known_.clear();
      kinds.matcher_id_ = matcher.id();
    }
    kinds.matcher_ = &matcher;
    return kinds;
  }
  // The fast path (a list of gazetteer 0 whose kind is known) is small enough
  // to inline at every caller; the rest is out of line. (With span_has calling
  // it too, the whole function stopped being inlined: a call per mention
  // match.) Gazetteer 0 is the built-in image, or the first --gazetteer with
  // --no-default-gazetteers: a list's kind comes from its name either way.
  ListKind of(const gazetteer::Match& m) {
    if (m.gazetteer == 0 && m.list < first_.size()) [[likely]] {
      const std::uint8_t kind = first_[m.list];
      if (kind != kUnknown) [[likely]] return static_cast<ListKind>(kind);
    }
    return of_slow(m);
  }
  [[gnu::noinline]] ListKind of_slow(const gazetteer::Match& m) {
    if (m.gazetteer == 0 && m.list < first_.size()) {
      std::uint8_t& kind = first_[m.list];
      if (kind == kUnknown) kind = static_cast<std::uint8_t>(list_kind(matcher_->list_name(m)));
      return static_cast<ListKind>(kind);
    }
    if (m.gazetteer >= known_.size()) known_.resize(m.gazetteer + 1u);
    auto& lists = known_[m.gazetteer];
    if (m.list >= lists.size()) lists.resize(m.list + 1u, kUnknown);
    if (lists[m.list] == kUnknown) lists[m.list] = static_cast<std::uint8_t>(list_kind(matcher_->list_name(m)));
    return static_cast<ListKind>(lists[m.list]);
  }

 private:
  ListKinds() { first_.fill(kUnknown); }
  static constexpr std::uint8_t kUnknown = 0xFF;
  const gazetteer::Matcher* matcher_ = nullptr;   // the one of the current call
  std::uint64_t matcher_id_ = 0;                  // Matcher::id() of the kinds; 0: none
  std::array<std::uint8_t, 64> first_;            // [list] of gazetteer 0
  std::vector<std::vector<std::uint8_t>> known_;  // [gazetteer][list], the others
};

// How much a list's entries are worth on their own, by ListKind and (for
// cities only) population tier: 0 under 100,000, 1 under 1,000,000, 2 from
// there. Countries and regions are the most reliable; a generic organization
// list (WordNet synsets that also name places: "U.S." the government) less so
// than hand-curated organizations. A city of 100,000 or more is what its name
// means more often than the province or state of the same name ("Zürich",
// "Łódź", "New York"). (A table, not a switch: the switch's indirect jump on
// the list was mispredicted for about one match in three, and the selects
// between its values compiled to branches as unpredictable.)
constexpr float kListPrior[9][3] = {
    {0.77f, 0.77f, 0.77f},    // Other: user lists (--gazetteer), over a rule of the same span
    {0.8f, 0.8f, 0.8f},       // Countries
    {0.75f, 0.75f, 0.75f},    // Regions
    {0.72f, 0.72f, 0.72f},    // Subdivisions
    {0.7f, 0.725f, 0.74f},    // Cities
    {0.6f, 0.6f, 0.6f},       // Features
    {0.6f, 0.6f, 0.6f},       // Organizations
    {0.75f, 0.75f, 0.75f},    // People
    {0.76f, 0.76f, 0.76f},    // Curated
};
static_assert(static_cast<std::size_t>(ListKind::Curated) + 1 == std::size(kListPrior));

float list_prior(ListKind list, std::uint32_t population) {
  const unsigned tier = unsigned{population >= 100000} + unsigned{population >= 1000000};
  return kListPrior[static_cast<std::size_t>(list)][tier];
}

// The country ("US") of the place named after "<span>, " ("Paris, Texas",
// "London, Ontario", "Valencia, Spain", "Dearborn, Mich."): a country's or a
// first-level subdivision's ISO 3166 id there gives it. Empty when none.
std::string_view qualifier_country(const Context& ctx, std::size_t e) {
  if (e + 1 >= ctx.size() || !is_char(ctx, e, ',') || ctx.token(e + 1).newline_before) return {};
  std::string_view cc;
  ctx.for_matches_at(e + 1, [&](const gazetteer::Match& m) {
    if (!cc.empty() || m.cls != EntryClass::Location) return;
    const std::string_view kb = ctx.matcher.entry(m).kb_id;
    if (kb.starts_with("iso3166:") && kb.size() == 10) cc = kb.substr(8, 2);
    else if (kb.starts_with("iso3166-2:") && kb.size() > 12) cc = kb.substr(10, 2);
  });
  return cc;
}

// Whether a city of country `cc` ends right before the ", " at token b - 1
// ("Atlanta, Georgia": Atlanta is a US city, so Georgia is the state).
bool city_of_country_before(const Context& ctx, std::size_t b, std::string_view cc) {
  for (std::size_t start = b >= 4 ? b - 4 : 0; start + 1 < b; ++start) {
    if (ctx.find_match_at(start, [&](const gazetteer::Match& m) {
          if (m.token_end != b - 1 || m.cls != EntryClass::Location) return false;
          const auto entry = ctx.matcher.entry(m);
          return entry.list == "cities" && entry.country == cc;
        })) {
      return true;
    }
  }
  return false;
}

// Whether the span [b, e) is also named, whole, by an entry of `list` that
// `pred(entry)` accepts.
template <typename P>
bool span_has(const Context& ctx, ListKinds& lists, std::size_t b, std::size_t e, ListKind list, P&& pred) {
  return ctx.find_match_at(b, [&](const gazetteer::Match& m) {
    return m.token_end == e && m.cls == EntryClass::Location && lists.of(m) == list && pred(ctx.matcher.entry(m));
  }) != nullptr;
}

// How much a city's kb rank gains when its country is the one named after it:
// more than any two lists' priors differ, so "Valencia, Spain" is the Spanish
// city whatever the Venezuelan one's population.
constexpr float kQualifierBonus = 0.2f;
// A town in the state or province named after it ranks above any town of the
// name it could reach with the country's bonus (kb_rank below).
constexpr float kQualifierDivisionBonus = 0.05f;

// One candidate of `rule` over [b, e) (the rules that call it may be called
// for several matches of the same span).
void emit_rule_span(const Context& ctx, EntityType type, std::size_t b, std::size_t e, std::string_view rule,
                     std::string_view kb_id, std::vector<Candidate>& out) {
  for (const Candidate& x : out) {
    if (x.token_begin == b && x.token_end == e && x.evidence == rule) return;
  }
  emit_candidate(ctx, type, b, e, 0.75f, rule, out);
  out.back().kb_id = kb_id;
}

// "Lagos State", "Rivers State", "Kerala State": a first-level subdivision's
// name and "State" (Nigerian, Indian, Malaysian usage) name the subdivision,
// "State" inside the span, over the city of the name ("Lagos"). Called for a
// subdivision's match [b, e) (kb_id: its entry's; the first such match wins). Not
// before another capitalized word ("Ohio State University", "Lagos State
// Government": those are a body's names). Only in the countries that name
// their states so (Nigeria, India, Malaysia, Sudan, South Sudan, Myanmar): in
// the US "Ohio State", "Florida State" alone are most often the university or
// its team (and "Florida" is a department of Uruguay too): an organization
// there, but for "New York State" and "Washington State", as often the state.
constexpr FoldedWord kState("state");
void state_after(const Context& ctx, std::size_t b, std::size_t e, std::string_view kb_id,
                 std::vector<Candidate>& out) {
  if (e + 1 > ctx.size() || ctx.surface(e) != "State" || ctx.token(e).newline_before ||
      !ctx.token(e).space_before) {
    return;
  }
  if (e + 1 < ctx.size() && ctx.is_cap(e + 1) && !ctx.token(e + 1).newline_before) return;
  if (kb_id.starts_with("iso3166-2:US-")) {
    if (kb_id != "iso3166-2:US-NY" && kb_id != "iso3166-2:US-WA") {
      emit_rule_span(ctx, EntityType::Organization, b, e + 1, "org.state_school", {}, out);
    }
    return;
  }
  static constexpr std::string_view kCountries[] = {"NG", "IN", "MY", "SD", "SS", "MM"};
  if (kb_id.size() < 13 || !kb_id.starts_with("iso3166-2:") ||
      std::find(std::begin(kCountries), std::end(kCountries), kb_id.substr(10, 2)) == std::end(kCountries)) {
    return;
  }
  emit_rule_span(ctx, EntityType::Location, b, e + 1, "loc.state", kb_id, out);
}

// Tokens [b, e), after "<place>, ", are an item of a list of places, not a
// qualifier ("Mombasa, Kisumu and Nakuru", "Puebla, Oaxaca, Leon"): "," or
// "and"/"or" and a capitalized word that is no country follow them ("London,
// Ontario, Canada" is qualified twice), or a "," comes before the place of one
// word before them and a place before it ("Mombasa, Kisumu, Nakuru").
bool in_place_list(const Context& ctx, std::size_t b, std::size_t e) {
  if (e + 1 < ctx.size() && !ctx.token(e + 1).newline_before && ctx.is_cap(e + 1) && !ctx.country[e + 1] &&
      (is_char(ctx, e, ',') || folded_is(ctx, e, "and") || folded_is(ctx, e, "or"))) {
    return true;
  }
  // (b - 2: the place before the ", " at b - 1; b - 4 another place: not "Systems Inc., Orange, Calif.")
  return b >= 4 && is_char(ctx, b - 3, ',') && ctx.has(b - 4, EntryClass::Location);
}

// Whether the words after "<span>, " are a state or province of country `cc`
// only (the qualifier's: "Calif.", "Ontario"): matches in their own
// capitalization with ISO 3166-2 ids of `cc` and no other ("Maryland" is a
// Liberian county too), no capitalized word after them ("north of", "West
// Yorkshire" are not the regions some list names "North", "West"), and no
// list of places going on ("Paris, Zurich and Rome").
// (Out of line: the loop that calls it is hot, its call rare.)
[[gnu::noinline]] bool only_subdivision_after(const Context& ctx, std::size_t e, std::string_view cc) {
  const std::size_t q = e + 1;
  std::size_t qe = 0;
  bool other = false;
  ctx.for_matches_at(q, [&](const gazetteer::Match& m) {
    if (m.cls != EntryClass::Location || !m.exact_case) return;
    const std::string_view kb = ctx.matcher.entry(m).kb_id;
    if (!kb.starts_with("iso3166-2:") || kb.size() < 12) return;
    other = other || kb.substr(10, 2) != cc;
    qe = std::max<std::size_t>(qe, m.token_end);
  });
  if (qe == 0 || other) return false;
  if (qe < ctx.size() && ctx.is_cap(qe) && !ctx.token(qe).newline_before) return false;
  return !in_place_list(ctx, q, qe);
}

// Which state or province of its country the words after "<span>, " (e the
// comma) name for the town of match `m` of country `cc`: its own ("Portland,
// Maine", "Springfield, Ill.", "Columbus, Georgia", where Georgia is a country
// too; not in a list of places), another one when they are a state of its
// country only (`qualifier_state`: "Springfield, Ohio"), or neither known
// (no division flagged for the town).
// (Out of line: the loop that calls it is hot, its call rare.)
enum class DivisionAfter : std::uint8_t { Unknown, Own, Other };
[[gnu::noinline]] DivisionAfter division_after(const Context& ctx, const gazetteer::Match& m, std::size_t e,
                                               std::string_view cc, bool qualifier_state) {
  const std::string_view a1 = ctx.matcher.admin1(m);
  if (a1.empty()) return DivisionAfter::Unknown;
  const std::size_t qe = division_named_at(ctx, cc, a1, e + 1);
  if (qe != 0) return in_place_list(ctx, e + 1, qe) ? DivisionAfter::Unknown : DivisionAfter::Own;
  return qualifier_state ? DivisionAfter::Other : DivisionAfter::Unknown;
}

// Token k, joined to a place by an attached hyphen, is a capitalized word that
// no list has as a place or a body ("Radio", "Kelvo"; not "Bosnia" of
// "Bosnia-Herzegovina" or "Hamas" of "Israel-Hamas").
bool foreign_name_part(const Context& ctx, std::size_t k) {
  constexpr std::uint16_t kPlaceOrBody = class_bit(EntryClass::Location) | class_bit(EntryClass::Organization);
  return ctx.token(k).shape == Shape::Capitalized && !(ctx.token_classes[k] & kPlaceOrBody) && !ctx.country[k];
}

// A subdivision's kb rank as the qualifier of a city of its country: above any
// city's and country's.
constexpr float kQualifierOwnSubdivision = 0.85f;

// Token b opens a clause after a spaced dash ("convoy - Police said") or, capitalized,
// after a colon ("LAHORE: Police said"; not a word in capitals: "ST: MI" is written so).
// (Out of line: asked only by rare rules, from the large loop of recognize_gazetteer_mentions.)
[[gnu::noinline]] bool opens_clause(const Context& ctx, std::size_t b) {
  return is_spaced_dash(ctx, b - 1) || (is_char(ctx, b - 1, ':') && ctx.token(b).shape == Shape::Capitalized);
}

// Token e is a lowercase word of a leader's tenure: "administration",
// "presidency", "era", "government".
bool tenure_after(const Context& ctx, std::size_t e) {
  static constexpr std::string_view kWords[] = {"administration", "presidency", "era", "government"};
  static constexpr WordSet kSet(kWords);
  return e < ctx.size() && ctx.token(e).shape == Shape::Lower && !ctx.token(e).newline_before &&
         kSet.contains(ctx, e);
}

// "a super PAC", "one PAC": an acronym b after "one" (or "each", ...), or
// after an article and a lowercase word, is a kind of body, a common noun,
// where only the generic (WordNet) list names it; a body's own acronym is in
// a curated list ("one NATO member"). Right after "a"/"an" it modifies a
// noun as often ("an EPA spokeswoman", "an IRA attempt"): no evidence there.
// (Out of line: asked only of an acronym of that list.)
[[gnu::noinline]] bool acronym_after_article(const Context& ctx, std::size_t b) {
  static constexpr std::string_view kCountWords[] = {"one", "another", "each", "every"};
  static constexpr WordSet kCounts(kCountWords);
  static constexpr std::string_view kArticleWords[] = {"a", "an", "one", "another", "each", "every"};
  static constexpr WordSet kArticles(kArticleWords);
  if (b < 2 || ctx.token(b).newline_before || ctx.token(b - 1).shape != Shape::Lower) return false;
  if (kCounts.contains(ctx, b - 1)) return true;
  return !ctx.token(b - 1).newline_before && ctx.token(b - 2).shape == Shape::Lower &&
         !ctx.lex_is(b - 1, kLexFunction) && kArticles.contains(ctx, b - 2);
}

}  // namespace

bool opens_day_name(const Context& ctx, std::size_t b) {
  static constexpr std::string_view kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};
  static constexpr WordSet kWeekdaySet(kWeekdays);
  const std::size_t d = b + 1;
  return b > 0 && d < ctx.size() && ctx.lex_is(b - 1, kLexFunction) && ctx.lex_is(d, kLexCalendar) &&
         ctx.token(d).shape == Shape::Capitalized && !ctx.token(d).newline_before && kWeekdaySet.contains(ctx, d);
}

bool demonym_before(const Context& ctx, std::size_t b) {
  return b > 0 && !ctx.token(b).newline_before && ctx.token(b - 1).shape == Shape::Capitalized &&
         ctx.has(b - 1, EntryClass::Demonym);
}

bool event_word_after_name(const Context& ctx, std::size_t b) {
  return b > 0 && !ctx.token(b).sentence_start && ctx.is_cap(b - 1) && is_event_word_at(ctx, b);
}

bool place_in_hyphen_name_full(const Context& ctx, std::size_t b) {
  return is_char(ctx, b - 1, '-') && !ctx.token(b - 1).space_before && foreign_name_part(ctx, b - 2);
}

// Token b, an acronym, is counted: a small cardinal before it ("six", "121")
// and a function word, a punctuation mark or the text's end after it. There
// it is a unit of a statistic ("had six RBI in one game", "three RBI,"), not
// a body (an organization's acronym after a number begins a phrase: "the 15
// EU members"; in a sports story the count is enough). Years ("since 1949
// NATO has") are no small cardinals, and the count follows a lowercase word.
bool counted_acronym(const Context& ctx, std::size_t b) {
  static constexpr std::string_view kNumberWords[] = {"two", "three", "four", "five", "six",
                                                      "seven", "eight", "nine", "ten", "eleven", "twelve"};
  static constexpr WordSet kNumbers(kNumberWords);
  // (A lowercase word before the number: in a results line a number after a
  // team is its score, "KT 1 HB 1", "(Latvia) 1 Daugava Riga".)
  if (b < 2 || ctx.token(b).newline_before || ctx.token(b - 1).newline_before || ctx.caps_line[b] ||
      ctx.token(b - 2).shape != Shape::Lower) {
    return false;
  }
  const text::Token& before = ctx.token(b - 1);
  const bool cardinal = (before.shape == Shape::Digits && before.span.size() <= 3) ||
                        (before.shape == Shape::Lower && kNumbers.contains(ctx, b - 1));
  if (!cardinal) return false;
  const std::size_t e = b + 1;
  if (e >= ctx.size() || ctx.token(e).newline_before) return true;
  const Shape next = ctx.token(e).shape;
  // (In a sports story a count is a statistic whatever follows: "his 117 RBI broke".)
  return ctx.sports || next == Shape::Punct || (next == Shape::Lower && ctx.lex_is(e, kLexFunction));
}

void recognize_gazetteer_mentions(const Context& ctx, std::vector<Candidate>& out) {
  // Room for this and the following recognizers' candidates (a guess: about one
  // per four tokens in entity-dense news), so that `out` rarely moves them.
  out.reserve(out.size() + ctx.size() / 4);
  ListKinds& lists = ListKinds::of_thread(ctx.matcher);
  // The matcher gives all matches of one token span together (one key, its
  // entries in a row): the candidates of a span are all made while its matches
  // are read, so "this span's candidate of this type" is one of the (at most
  // three) made since the span began, kept here with the score and population
  // of the entry its kb_id came from. (Candidates already in `out` are not
  // merged with: the pipeline calls this first.)
  struct Made {
    std::size_t index;  // into `out`; kNone when none yet
    float kb_rank;      // of the entry its kb_id came from (see below)
    std::uint32_t population;
    std::uint32_t rank;  // EntryView::rank (0: none)
  };
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::array<Made, 3> made{};  // by EntityType (Person, Location, Organization)
  std::uint32_t group_b = Context::kNone, group_e = Context::kNone;
  // The country named after the span (qualifier_country), read at most once per
  // span, when a city of the span has a country to compare.
  std::string_view qualifier;
  bool qualifier_read = false;
  // The qualifier is a state or province (only_subdivision_after): a city of
  // another country there is another town, that no list has.
  bool qualifier_state = false;
  std::array<std::size_t, 3> title_memo{};  // title_case_line()'s last line
  // Only the mention classes' matches (Context lists them): most matches are
  // common words and other evidence classes.
  const gazetteer::Match* const matches = ctx.matches.data();
  const std::uint32_t* const mention = ctx.mention_matches.begin();
  const std::size_t count = ctx.mention_matches.size();
  const gazetteer::Gazetteer* const gazetteers = ctx.matcher.gazetteers().data();
  // The entry record of a match (read below for most matches taken) is a
  // random read in a large array, most often a cache miss: it is requested
  // this many matches ahead, so that the misses overlap the work on the
  // matches before it instead of stalling one at a time.
  constexpr std::size_t kEntryAhead = 8;
  // The loop asks for the record kEntryAhead matches on: the first ones are
  // asked for here (a short story has a few dozen matches, and its first
  // records were otherwise read cold, one stall after another).
  for (std::size_t k = 0; k < count && k < kEntryAhead; ++k) {
    const gazetteer::Match& first = matches[mention[k]];
    gazetteers[first.gazetteer].prefetch_entry(first.entry);
  }
  for (std::size_t k = 0; k < count; ++k) {
    // (The last kEntryAhead matches ask for the last record again, harmless,
    // instead of a test that failed once per document, mispredicted.)
    const gazetteer::Match& ahead = matches[mention[std::min(k + kEntryAhead, count - 1)]];
    gazetteers[ahead.gazetteer].prefetch_entry(ahead.entry);
    const gazetteer::Match& m = matches[mention[k]];
    if (!is_mention_class(m.cls)) continue;  // (Context lists mention classes only)
    EntityType type = static_cast<EntityType>(m.cls);
    const std::size_t b = m.token_begin, e = m.token_end;
    // (A span that starts with a lowercase word is neither in capitals nor
    // title-cased: only its own capitalization accepts it, below. Context
    // leaves such spans in another case out of mention_matches: "bath",
    // "march", a quarter of the matches in news text.)
    if (b != group_b || e != group_e) {
      group_b = m.token_begin;
      group_e = m.token_end;
      for (Made& x : made) x.index = kNone;
      qualifier_read = qualifier_state = false;
    }
    // Class, flags and list are the entry's, copied into the match: the entry
    // itself is read only for a match that is taken.
    const ListKind list = lists.of(m);
    const bool ambiguous = (m.flags & gazetteer::kAmbiguous) != 0;
    // "Wall Street", "Downing Street": a street that a list has as the body it
    // stands for is the street, a place, where the generic (WordNet) list has
    // it, and after a locative preposition ("outside Downing Street") anyway.
    // (The list and the word before first: the set lookup last.)
    if (type == EntityType::Organization && e - b >= 2 &&
        (list == ListKind::Organizations ||
         (b > 0 && ctx.lex_is(b - 1, kLexLocative) && ctx.token(b - 1).shape == Shape::Lower)) &&
        is_street_word(ctx, e - 1)) {
      type = EntityType::Location;
    }
    // In capitals: a headline or credit line, or a known place of several words
    // ("NEW YORK", "ADDIS ABABA" in a dateline inside running text).
    // A country in capitals is the country anywhere ("BRITAIN" in a table row).
    const bool caps = all_caps(ctx, b, e) &&
                      (ctx.caps_line[b] || ((e - b >= 2 || list == ListKind::Countries) &&
                                            type == EntityType::Location && !ambiguous));
    const bool accepted = m.exact_case || caps || (m.deaccented && title_cased(ctx, b, e));
    if (!accepted) continue;
    const bool single = e - b == 1;
    // "Canadian", "Thai": a nationality word that some town is also named is the adjective.
    if (single && ctx.strong(b, EntryClass::Demonym) && !ctx.country[b]) continue;
    // "South Korean", "Southeast Asian", "West Tarvania": a compass word before a
    // nationality word or another capitalized word (not a weekday's: "the West
    // Monday") is part of that adjective or name, not the region some list names
    // "South".
    if (single && type == EntityType::Location && e < ctx.size() &&
        (ctx.strong(e, EntryClass::Demonym) ||
         (ctx.token(e).shape == Shape::Capitalized && !ctx.lex_is(e, kLexCalendar))) &&
        ctx.token(e).space_before && !ctx.token(e).newline_before && is_compass_word(ctx, b)) {
      continue;
    }
    // (The next word's fold hash first: a call only before "crude" or "minister".)
    static constexpr std::uint64_t kCrude = text::token_hash("crude"), kMinister = text::token_hash("minister");
    if (single && e < ctx.size() && (ctx.token(e).fold_hash == kCrude || ctx.token(e).fold_hash == kMinister) &&
        names_grade_or_portfolio(ctx, b, type)) {
      continue;
    }
    // "Republican", "Liberal", "Sunni": a faith or party word alone is the group
    // or its adjective, not the river, town or body some list names after it
    // (hand-curated lists excepted: they name the newspaper "Hindu" on purpose).
    if (single && ctx.lex_is(b, kLexGroup) && list != ListKind::Curated) continue;
    const bool country_list = list == ListKind::Countries;
    // "AI", "SS", "MP": two capitals that only the generic (WordNet) list names a
    // body are far more often another acronym ("artificial intelligence", a
    // Member of Parliament): a body known by two letters is in a curated list,
    // and so is one named after an article ("a super PAC": acronym_after_article).
    // And a word of that list that opens a day's name is none ("on Cyber Monday").
    if (single && list == ListKind::Organizations &&
        ((ctx.token(b).shape == Shape::AllCaps && (ctx.surface(b).size() == 2 || acronym_after_article(ctx, b))) ||
         opens_day_name(ctx, b))) {
      continue;
    }
    // "six RBI in one game": an acronym counted after a number is a statistic's
    // unit, not the body a list names so (counted_acronym).
    if (single && type == EntityType::Organization && ctx.token(b).shape == Shape::AllCaps &&
        counted_acronym(ctx, b)) {
      continue;
    }
    // One candidate per span and type; its kb_id comes from the entry of the most
    // reliable list (list_prior: "New York" the city of 8M over the state, "Bavaria"
    // the state over a WordNet sense), then the most populous.
    // (Before `same` below: this may add to `out`. "State" first: rare after a name.)
    if (list == ListKind::Subdivisions && e < ctx.size() && ctx.token(e).fold_hash == kState.hash) {
      state_after(ctx, b, e, ctx.matcher.entry(m).kb_id, out);
    }
    Made& mine = made[static_cast<std::size_t>(type)];
    Candidate* same = mine.index != kNone ? &out[mine.index] : nullptr;  // this span's candidate of this type
    // The entry record is a random read into a large array, often a cache miss:
    // skip it when the match cannot change the candidate. Its score and kb rank
    // (below) are at most `bound`; a lower one neither takes the kb_id nor
    // raises the score.
    const float bound = ambiguous ? (country_list ? 0.7f : list == ListKind::Cities ? 0.36f : 0.35f)
                                  : list_prior(list, 1000000);  // (the most populous city's)
    // (Its kb rank can be raised by a qualifier: see below. The list first: a
    // compare per match otherwise.)
    const bool subdivision_after_comma = list == ListKind::Subdivisions && b >= 2 && is_char(ctx, b - 1, ',');
    const float kb_bound = list == ListKind::Cities  ? bound + kQualifierBonus + kQualifierDivisionBonus
                           : subdivision_after_comma ? std::max(bound, kQualifierOwnSubdivision)
                                                     : bound;
    // A user's own list (--gazetteer) that also has this span and type is named
    // as the evidence, over a built-in list met first: --explain then shows that
    // the user's entry counted.
    if (same && ctx.matcher.is_user(m)) same->evidence = ctx.matcher.list_name(m);
    if (same && !same->kb_id.empty() && kb_bound < mine.kb_rank && bound <= same->score) continue;
    const auto entry = ctx.matcher.entry(m);
    float score = list_prior(list, entry.population);
    // "Washington" the government (a generic-list sense) is first of all the city.
    if (type == EntityType::Organization && list == ListKind::Organizations && e - b == 1 &&
        ctx.has(b, EntryClass::Location)) {
      score = 0.4f;
    }
    // A clause after a spaced dash ("convoy - Police said") or a colon ("LAHORE:
    // Police said") capitalizes its first word as a sentence does: that capital
    // is no evidence either.
    // (Asked only by the two rules below that need it, after their cheaper tests.)
    const auto starts = [&] {
      return ctx.token(b).sentence_start || (b > 0 && opens_clause(ctx, b));
    };
    // A country is a country even if its lowercase is a word ("Japan", "Turkey",
    // "Chad"), and so is a home nation of the UK ("Wales beat Malta").
    if (ambiguous && (country_list || (list == ListKind::Subdivisions && is_home_nation_id(entry.kb_id)))) {
      score = 0.7f;
    } else if (ambiguous) {
      // (An all-caps word in a title-case line is written so on purpose: "ST: MI".)
      // A company's name before a verb of saying is the company even where a
      // sentence capitalizes it ("Shell said on Tuesday", "Apple says").
      const bool says = type == EntityType::Organization && single && e < ctx.size() && ctx.lex_is(e, kLexSpeech) &&
                        !ctx.token(e).newline_before;
      if (caps || (starts() && !says && !club_opens_sentence(ctx, b, e, entry.list)) ||
          (ctx.token(b).shape == Shape::Capitalized && title_case_line(ctx, b, title_memo)) ||
          (!single && ctx.token(e - 1).shape == Shape::Digits && ranking_at(ctx, b, e)))
        continue;
      // "the rover Opportunity", "Mission", "Date": a common word that only a
      // town of under a million people is named is that word, unless a
      // locative says it is a place ("in Mission"). (Not a personal name: the
      // document pass may make it the person or the company: "Dole said".)
      // Before another capitalized word it opens a longer name anyway ("at
      // Much Hadham", "Apex Tannery").
      if (single && list == ListKind::Cities && entry.population < 1000000 &&
          ((e < ctx.size() && ctx.token(e).shape == Shape::Capitalized && !ctx.token(e).newline_before) ||
           (!(b > 0 && ctx.lex_is(b - 1, kLexLocative)) && !ctx.has(b, EntryClass::Surname) &&
            !ctx.has(b, EntryClass::GivenName)))) {
        continue;
      }
      // "the host of Piano Jazz": a club's nickname that is a common word
      // ("Jazz", "Heat") is the club only in a sports report or near a
      // sports word ("the Jazz beat Denver").
      if (single && !ctx.sports && ctx.is_common_word(b) && entry.list == "sports" && !sports_cue_near(ctx, b)) {
        continue;
      }
      // A city of a million is that city over a paper or firm of its name
      // ("based in Phoenix", "Phoenix, Arizona"), unless a rule says otherwise.
      score = list == ListKind::Cities && entry.population >= 1000000 ? 0.36f : 0.35f;
    } else if (single && ctx.is_common_word(b) && !country_list && !(entry.population >= 1000000) &&
               !ctx.matcher.is_user(m) && starts()) {
      // "Nice weather": a capital at a sentence start is no evidence. (A user's
      // own list, --gazetteer, says by its "amb" flag which names need more.)
      continue;
    }
    // "Vice President", "Police Chief Jim McDonnell": a common word before a title
    // word names the office (a unit, a rank), not the magazine or the small town
    // some list has of that name; so does one that ends a title ("Chief Financial
    // Officer", not the town of Officer, Victoria); and a small town's name that
    // is an event word after a name ("the Web Summit": event_word_after_name).
    if (single && !country_list && ctx.is_common_word(b) &&
        (in_long_title(ctx, b) || (type == EntityType::Location && demonym_before(ctx, b)) ||
         (type == EntityType::Location && entry.population < 100000 &&
          (title_word_after(ctx, b) || event_word_after_name(ctx, b))))) {
      continue;
    }
    // The kb_id comes from the most reliable list's entry (kb_rank), whether or
    // not a personal name below lowers the mention's score: "Florida" and
    // "Texas" (also given names) are the US states, not a town in Cuba or a
    // WordNet sense. Only a small town of that name ranks lower for its id too:
    // "Essex" is the English county (WordNet), not a town in Maryland.
    const float prior = score;
    float kb_rank = score;
    if (type == EntityType::Location && single && !ctx.country[b] && entry.population < 1000000 &&
        (ctx.strong_name_part(b) || ctx.has(b, EntryClass::GivenName) || ctx.has(b, EntryClass::Surname))) {
      // "the Bush administration": a family name before a word of a leader's
      // tenure is the leader, never a town some list names so.
      if (list == ListKind::Cities && ctx.has(b, EntryClass::Surname) && tenure_after(ctx, e)) continue;
      // A town that is also a personal name ("Clinton", "Duran"): name rules may win.
      const bool small_town = entry.population > 0 && entry.population < 50000;
      score = small_town ? 0.3f : std::min(score, 0.45f);
      if (small_town) kb_rank = score;
    }
    // "Paris, Texas", "London, Ontario": the city in the country named after it
    // (a small town named like a person too: the qualifier says which place).
    // Not where the name is a state or province of that country itself, in a
    // list of them ("Arizona, Wyoming, Colorado": not the town of Wyoming,
    // Michigan; but "Portland, Maine" is no list with Jamaica's parish).
    bool other_division = false;  // the qualifier is another state of the town's country
    if (list == ListKind::Cities && !entry.country.empty()) {
      if (!qualifier_read) {
        qualifier = qualifier_country(ctx, e);
        const auto of_country = [&](const gazetteer::EntryView& s) {
          return s.kb_id.size() > 12 && s.kb_id.substr(10, 2) == qualifier;
        };
        if (!qualifier.empty() && span_has(ctx, lists, b, e, ListKind::Subdivisions, of_country)) qualifier = {};
        qualifier_state = !qualifier.empty() && only_subdivision_after(ctx, e, qualifier);
        qualifier_read = true;
      }
      if (entry.country == qualifier) kb_rank = prior + kQualifierBonus;
      // ... and the town of the state or province named there over any other
      // town of the name; another state of its country there names a town no
      // list has (no id below).
      if (!qualifier.empty()) {
        const bool state_of_country = qualifier_state && entry.country == qualifier;
        const DivisionAfter d = division_after(ctx, m, e, entry.country, state_of_country);
        if (d == DivisionAfter::Own) kb_rank = bound + kQualifierBonus + kQualifierDivisionBonus;
        other_division = d == DivisionAfter::Other;
      }
    }
    // ... and the qualifier itself, after a city of the subdivision's country
    // and ", ", is the province or state rather than a city or a country of its
    // name ("London, Ontario", "Atlanta, Georgia"; but "Yerevan, Armenia,
    // Georgia" is the country), unless a city of a million is named so: in
    // "Recife, Sao Paulo and Rio" the cities are listed.
    if (subdivision_after_comma &&
        (ctx.token(b - 2).shape == Shape::Capitalized || ctx.token(b - 2).shape == Shape::AllCaps) &&  // a dateline's "COLUMBUS, Ohio"
        entry.kb_id.size() > 12 && !in_place_list(ctx, b, e) &&
        city_of_country_before(ctx, b, entry.kb_id.substr(10, 2)) &&
        !span_has(ctx, lists, b, e, ListKind::Cities, [](const auto& c) { return c.population >= 1000000; })) {
      kb_rank = std::max(kb_rank, kQualifierOwnSubdivision);
    }
    // "the Gulf", "the Coast": a feature's noun alone is the feature the story
    // knows (the Persian Gulf), not the province some list names so ("Gulf",
    // Papua New Guinea): a place, but not that entry's. And "Atherton, Calif."
    // (a town of that name in England only): a state of another country after
    // the comma says the town is one that no list has: no id rather than a
    // namesake's abroad; so does another state of its own country ("Springfield,
    // Ohio": other_division), and then neither a WordNet sense (the best-known
    // namesake's: "London, Kentucky") nor another country's province of the
    // name is the town.
    const bool qualified_elsewhere =
        qualifier_state &&
        ((list == ListKind::Cities && (entry.country != qualifier || other_division)) || list == ListKind::Features ||
         (list == ListKind::Subdivisions && !(entry.kb_id.size() > 12 && entry.kb_id.substr(10, 2) == qualifier)));
    const std::string_view kb_id =
        (single && (list == ListKind::Subdivisions || list == ListKind::Cities) && ctx.lex_is(b, kLexFeature)) ||
                qualified_elsewhere
            ? std::string_view{}
            : entry.kb_id;
    if (same) {
      // Ties: the more populous, then the better ranked (subdivisions that share a
      // name rank by their country's size: "Montana" the US state, not Bulgaria's).
      const bool better_ranked = entry.rank != 0 && mine.rank != 0 && entry.rank < mine.rank;
      const bool better = !kb_id.empty() &&
                          (same->kb_id.empty() || kb_rank > mine.kb_rank ||
                           (kb_rank == mine.kb_rank && (entry.population > mine.population ||
                                                        (entry.population == mine.population && better_ranked))));
      if (better) {
        same->kb_id = kb_id;
        mine.kb_rank = kb_rank;
        mine.population = entry.population;
        mine.rank = entry.rank;
      }
      if (score > same->score) same->score = score;
      continue;
    }
    // "Radio-Canada", "Kelvo-France": a place joined by a hyphen to a word that
    // is no place is a part of another name. (Asked here, of a span's first
    // match of the type, not of every match.)
    if (single && type == EntityType::Location && place_in_hyphen_name(ctx, b)) continue;
    // "Mr. Kohl's party": a company's name in the possessive right after a
    // personal title is the person's name and its "'s" (the person rule tags
    // the name without it: DESIGN.md).
    static constexpr std::uint64_t kApostropheS = text::token_hash("'s"), kQuoteS = text::token_hash("\u2019s");
    if (type == EntityType::Organization && e - b == 2 &&
        (ctx.token(b + 1).fold_hash == kApostropheS || ctx.token(b + 1).fold_hash == kQuoteS) &&
        title_abbrev_before(ctx, b)) {
      continue;
    }
    mine = {out.size(), kb_rank, entry.population, entry.rank};
    // "President Clinton", "King Hussein": a people list's entry that opens with
    // a title; the title stays outside the name (DESIGN.md). Not a title that
    // is the whole entry ("Dalai Lama"), nor a religious name's ("Mother Teresa",
    // "St. Matthew").
    std::size_t nb = b;
    if (type == EntityType::Person && ctx.has(b, EntryClass::Title) && !is_religious_name_word(ctx, b)) {
      const gazetteer::Match* t =
          ctx.find_match_at(b, [](const gazetteer::Match& x) { return x.cls == EntryClass::Title; });
      if (t != nullptr && t->token_end < e && ctx.is_cap(t->token_end)) nb = t->token_end;
    }
    Candidate& c = out.emplace_back();
    c.type = type;
    c.span = ctx.span(nb, e);
    c.token_begin = static_cast<std::uint32_t>(nb);
    c.token_end = static_cast<std::uint32_t>(e);
    c.score = score;
    c.evidence = entry.list;
    c.kb_id = kb_id;
  }
}

}  // namespace newsner::recognize
