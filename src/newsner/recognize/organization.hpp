// ORGANIZATION recognizer. Stage 3 of the pipeline. Rules:
//   org.head      capitalized words ending in an ORG_HEAD entry (Ministry, Agency,
//                 Club, Party, Bank, Inc., ...), with a leading country or
//                 nationality word kept ("[Japanese Foreign Ministry]",
//                 "[Japanese National Press Club]")
//   org.head_of   an ORG_HEAD entry + "of" (+ "the") + capitalized words
//                 ("[Ministry of Foreign Affairs]", "[University of Tokyo]")
// Known organizations and acronyms come from the gazetteer recognizer; acronyms
// defined in the text are handled by the document-level pass (resolve.hpp).
// Lists: ORG_HEAD gazetteer (gazetteers/curated/org_heads.tsv).
// Thread safety: stateless. Cost: linear in tokens.
#pragma once

#include <vector>

#include "newsner/document.hpp"
#include "newsner/recognize/context.hpp"

namespace newsner::recognize {

void recognize_organizations(const Context& ctx, std::vector<Candidate>& out);

/// Function words that are capitalized only at a sentence start or in titles and
/// never begin a name ("The", "In", "A", "This", "But").
bool is_function_word(std::string_view folded);

}  // namespace newsner::recognize
