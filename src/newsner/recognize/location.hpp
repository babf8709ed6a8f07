// LOCATION recognizer (context rules; known places come from the gazetteer
// recognizer). Stage 3 of the pipeline. Rules:
//   loc.feature   capitalized words + a geographic head: "Kuril Islands",
//                 "Yangtze River", "Gulf of Mexico", "Mount Fuji"
//   loc.dateline  the place opening a wire story: "[LONDON] 1996-08-30",
//                 "[TOKYO], December 19", "[ARLINGTON], [Texas] 1996-08-31", "([NAIROBI]) -"
//   loc.context   an unknown capitalized word after "in", "near", "from", "at"
//                 and before ", <known place>": "in Leeds, England"
// Thread safety: stateless. Cost: linear in tokens.
#pragma once

#include <string_view>
#include <vector>

#include "newsner/document.hpp"
#include "newsner/recognize/context.hpp"

namespace newsner::recognize {

void recognize_locations(const Context& ctx, std::vector<Candidate>& out);

/// loc.feature's geographic heads after a name ("Kuril Islands", "Red Sea";
/// streets, squares and parks: "Glasgow Road", "Union Square", where the
/// place in the name is not the place meant) and before one ("Mount Fuji",
/// "Gulf of Mexico"). Context's lexicon marks both kLexFeature.
inline constexpr std::string_view kFeatureSuffixes[] = {
    "island", "islands", "river", "sea", "ocean", "lake", "lakes", "mountains", "mountain", "valley", "bay", "strait",
    "peninsula", "desert", "gulf", "coast", "canal", "hills", "plateau", "basin", "province", "county", "region",
    "village", "airport", "stadium", "prison", "road", "street", "avenue", "park", "square", "course", "arena",
    "bridge", "castle", "circuit", "boulevard", "parkway", "courthouse", "cathedral", "jail", "mall", "delta"};
/// loc.place_noun's lowercase nouns after a place's name that head no name of
/// their own when capitalized ("the Tarvo district", "the Kelmo area"; not
/// "School District", "Free Trade Area"). Context's lexicon marks them
/// kLexFeature too (the rule's first test).
inline constexpr std::string_view kPlaceNouns[] = {"district", "neighbourhood", "neighborhood", "area", "rivers",
                                                    "provinces"};
/// Capitalized adjectives that open place names ("Old Trafford", "Greater
/// Manchester", "Upper Silesia", "Great Wall"): loc.adjective; person.given
/// does not read them as given names. The gazetteers hold some such names whole.
inline constexpr std::string_view kPlaceAdjectives[] = {"old", "great", "greater", "little", "upper", "lower"};
/// Token i (folded) is one of kPlaceAdjectives.
bool is_place_adjective(const Context& ctx, std::size_t i);
/// "East", "Northern", "Central": compass words that open a part of a place
/// ("East Jakarta", "Northern Cape", "North Sea"): loc.adjective; person.given
/// does not read them as given names either.
inline constexpr std::string_view kCompassWords[] = {
    "north",     "south",     "east",      "west",         "northern",     "southern",     "eastern",
    "western",   "central",   "northeast", "northwest",    "southeast",    "southwest",    "northeastern",
    "northwestern", "southeastern", "southwestern"};
/// Token i (folded) is one of kPlaceAdjectives or kCompassWords (one lookup).
bool is_place_opener(const Context& ctx, std::size_t i);
/// loc.feature's geographic heads before a name ("Mount Fuji", "Gulf of
/// Mexico", the French "Gare du Nord" station, the Arabic "Ras El Tarsa" cape,
/// "Wadi Kelva" valley, "Jebel Tarsi" mountain, "Bir Kelmo" well; Spanish and
/// Portuguese gates, avenues, streets and squares, "Puerta de Kelmo", "Avenida
/// Tarvo", "Rua do Tarso", "Praça Kelmo", "Esplanada dos Tarsos"; the Hausa
/// "Gidan Kelmo" village; not "Puerto": "Puerto Rican" is no place) and
/// person.given does not read them as given names.
inline constexpr std::string_view kFeaturePrefixes[] = {
    "mount", "lake", "gulf", "cape", "isle", "bay", "sea", "strait", "port", "fort", "gare", "ras", "wadi", "jebel",
    "jabal", "bir", "puerta", "avenida", "rua", "praça", "esplanada", "gidan"};
/// Token i (folded) is one of kFeaturePrefixes.
bool is_feature_prefix(const Context& ctx, std::size_t i);

}  // namespace newsner::recognize
