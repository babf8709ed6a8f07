// PERSON recognizer. Stage 3 of the pipeline. Rules, each its own evidence id:
//   person.title    a TITLE entry (President, Foreign Minister, Mr, Dr, ...) then a
//                   name; the title stays outside the span ("Foreign Minister [Taro Kono]")
//   person.given    a known given name then a capitalized surname ("[Phil Danvers]")
//   person.initials initials then a surname ("[J.R.R. Tolkien]", "[H. G. Wells]")
//   person.context  two or three unknown capitalized words before or after a
//                   speech verb or with an age apposition ("[Wong Ming] said",
//                   "said [Pamela Rusk]", "[Nasser Qadri], 28,")
//   person.speech   one name word next to a verb of saying ("[Kessler] said"); a
//                   country stays a place ("Croatia said")
//   person.country_paren  a name before "(Country)" in results ("[Ato Carrow] (Trinidad)")
//   person.given_alone    a strong given name alone mid-sentence ("about [Alice]")
//   person.title_given    a title's last word that is a common given name, before one
//                   surname ("captain [Dean Halloway]")
//   person.scorecard, person.scorer  sports reports only: a cricket scorecard's
//                   fielders and bowlers, a goal's scorer before the minute
//                   ("[Tomaz Vrbnjak] (57th)"); with it org.scorer_club, the ORGANIZATION
//                   before a dash that opens a line of scorers ("[Kelmore] - Ivo Tarvel (57th)")
// Titles include abbreviated ranks (PM, Sgt, Insp; context.hpp kLexTitleAbbrev).
// Name shape (initials, particles, hyphens, possessive outside): name_shape.hpp.
// Lists: TITLE, GIVEN_NAME and SURNAME gazetteers (gazetteers/SOURCES.md).
// Thread safety: stateless. Cost: linear in tokens.
#pragma once

#include <vector>

#include "newsner/document.hpp"
#include "newsner/recognize/context.hpp"

namespace newsner::recognize {

void recognize_persons(const Context& ctx, std::vector<Candidate>& out);

}  // namespace newsner::recognize
