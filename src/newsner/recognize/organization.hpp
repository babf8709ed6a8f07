// ORGANIZATION recognizer. Stage 3 of the pipeline. Rules:
//   org.head      capitalized words ending in an ORG_HEAD entry (Ministry, Agency,
//                 Club, Party, Bank, Inc., ...), with a leading country or
//                 nationality word kept ("[Japanese Foreign Ministry]",
//                 "[Japanese National Press Club]")
//   org.head_of   an ORG_HEAD entry + "of" (+ "the") + capitalized words
//                 ("[Ministry of Foreign Affairs]", "[University of Tokyo]")
//   org.role      a role noun + of/at/with + a capitalized name that is no known
//                 place ("chief executive of [Cambridge Analytica]")
//   org.team_score / org.team_table  team slots of result lines and tables
//                 ("[Wrexham] 2 [Chester] 1", "[Wrexham] 4 2 1 1 6 4 7", scorers in
//                 parentheses after a score, "[Kelmore] 9.8 (62) [Dunhaven] 13.12 (90)"); a country in
//                 a team slot stays LOCATION (national sides, as CoNLL annotates)
//   org.team_record  a place and its won-lost record in parentheses ("Buffalo (6-3)")
//   org.team_name  a known place and a club's plural nickname the sports list has
//                 alone ("the Florida Marlins", "the Sydney Swans")
//   org.team_result  a result verb between two names and a score after the
//                 second, in any document ("[Chelsea] beat [Arsenal] 2-1")
//   org.team_context / org.team_word  in a sports document (Context::sports), a
//                 place next to a result verb or club role ("[Lancashire] beat",
//                 "[Newcastle] striker", "joined [Torino]")
//   org.player_club  in a sports document, a town in parentheses after a
//                 player's name ("Ivo Tarvel ([Leicester])"), not in a list of nations
// Head words: ORG_HEAD gazetteer entries plus the built-in heads of context.cpp.
// Known organizations and acronyms come from the gazetteer recognizer; acronyms
// defined in the text are handled by the document-level pass (resolve.hpp).
// Lists: ORG_HEAD gazetteer entries when present; built-in closed-class heads and suffixes.
// Thread safety: stateless. Cost: linear in tokens.
#pragma once

#include <string_view>
#include <vector>

#include "newsner/document.hpp"
#include "newsner/recognize/context.hpp"

namespace newsner::recognize {

void recognize_organizations(const Context& ctx, std::vector<Candidate>& out);

/// The acronym `a` (two letters or more) spells the initials of the first
/// capitalized words of the name [b, e) ("SC" of "Securities Commission
/// Malaysia", "SEC" of "Securities and Exchange Commission").
bool spells_initials(const Context& ctx, std::size_t b, std::size_t e, std::string_view a);

/// Drops the name candidates (not dates) that are the first words of an
/// event's name: a name right before a capitalized event word ("UEFA Cup",
/// "Vantor Open", "Monaco Grand Prix", "Labour Day"). DESIGN.md takes no
/// events, and the organization or place inside one is no mention of its own.
/// The same for a market index named after a company (starts_unnamed_name).
void drop_event_name_parts(const Context& ctx, std::vector<Candidate>& candidates);
/// Token i is such an event word ("Cup", "Open", "Day", "Grand" of "Grand
/// Prix"), capitalized on the line of the word before it.
bool is_event_word_at(const Context& ctx, std::size_t i);
/// A name of `type` that ends before token e is the first part of a longer
/// name that is no entity: an event, or (an organization) a market index
/// ("Dow Jones industrial average"). drop_event_name_parts drops those.
bool starts_unnamed_name_full(const Context& ctx, EntityType type, std::size_t e);
/// starts_unnamed_name_full is asked of every candidate (drop_event_name_parts)
/// and every mention the document pass adds: this test, inline, leaves most of
/// them without the call. The token t after a name (`text`: the document's) is
/// mostly punctuation or a lowercase word: an event word is capitalized (or in
/// capitals), a compound adjective's hyphen is one "-", and only an
/// organization reads an index word.
inline bool may_start_unnamed_name(const text::Token& t, EntityType type, const char* text) {
  switch (t.shape) {
    case text::Shape::Capitalized:
    case text::Shape::AllCaps:
      return true;
    case text::Shape::Punct:
      return t.span.size() == 1 && (text[t.span.begin] == '-' ||
                                    (text[t.span.begin] == '/' && type == EntityType::Organization));
    default:
      // (An oil grade's "crude" follows any name: "West Texas Intermediate crude";
      // a model's number of one or two digits any name: "a Falcon 9 rocket".)
      static constexpr std::uint64_t kCrude = text::token_hash("crude");
      return type == EntityType::Organization || t.fold_hash == kCrude ||
             (t.shape == text::Shape::Digits && t.span.size() <= 2);
  }
}
/// starts_unnamed_name_full, after that test.
inline bool starts_unnamed_name(const Context& ctx, EntityType type, std::size_t e) {
  if (type == EntityType::Date || e >= ctx.size()) return false;
  return may_start_unnamed_name(ctx.token(e), type, ctx.tt.text.data()) && starts_unnamed_name_full(ctx, type, e);
}

/// Result verbs ("Leeds beat Chelsea") and club roles ("Newcastle striker"):
/// org.team_context's cues. Context's lexicon marks both kLexTeamCue.
inline constexpr std::string_view kTeamVerbs[] = {
    "beat", "beats", "defeated", "drew", "draw", "lost", "against", "v", "vs", "host", "hosts", "visit", "visiting",
    "edged", "thrashed", "routed", "blanked", "swept", "trail", "trailed", "over", "downed", "outlasted",
    "travel", "travels"};  // "Liverpool travel to Madrid": a club goes to play away
/// Plural nouns of competing sides before a club's name ("title rivals Essex").
inline constexpr std::string_view kClubsBefore[] = {"rivals", "champions", "hopefuls"};
inline constexpr std::string_view kClubRoles[] = {
    "striker", "forward", "midfielder", "defender", "goalkeeper", "captain", "coach", "manager", "team", "side",
    "players", "fans", "pitcher", "batsman", "bowler", "playmaker", "teammate", "supporters", "winger",
    "outfielder", "infielder", "skipper", "driver"};  // ("Kelmore driver": a motor racing team)


}  // namespace newsner::recognize
