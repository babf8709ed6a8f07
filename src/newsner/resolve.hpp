// Resolution: turns overlapping candidates from all recognizers into
// non-overlapping mentions, then makes the document consistent. Stage 4 of the
// pipeline.
//
// Priority (documented contract, applied greedily):
//   1. a longer span (in bytes) wins over a shorter one it overlaps;
//   2. on equal length, the higher score (more specific evidence: a title rule
//      0.9 > gazetteer 0.7 > given-name rule 0.65 > context rule 0.55 > ambiguous
//      gazetteer entry 0.35);
//   3. then DATE > PERSON > ORGANIZATION > LOCATION, then earlier start.
// Except: a DATE candidate is never cut by a name, and a name covering a DATE
// wholly ("Independence Day"?) keeps only if longer. All candidates with the
// same span merge their evidence.
// Document-level pass (a small "orthomatcher"): after the greedy choice,
//   - retyping: a name chosen by an authoritative rule (title, given name, team
//     slot, org head, speech verb) gives its type to the same string elsewhere
//     when that occurrence has weaker evidence ("document.same_name"); a country
//     or a place after "in/at/to" keeps LOCATION;
//   - a single LOCATION/ORGANIZATION token equal to the surname of a PERSON
//     mention becomes PERSON unless after a locative ("document.person_part");
//   - a single capitalized token equal to the last (or first) word of a PERSON
//     mention elsewhere in the document becomes PERSON ("Kono" after "Taro Kono");
//   - an all-caps or lowercase-folded repeat of a multi-word mention gets its type;
//   - an acronym defined in parentheses after an ORGANIZATION gets its type.
// Units: BYTE spans. Thread safety: no shared state (each thread keeps its own
// working memory between calls). Cost: O(c log c) for c candidates.
#pragma once

#include <vector>

#include "newsner/document.hpp"
#include "newsner/recognize/context.hpp"

namespace newsner {

/// Resolves `candidates`, moving the chosen ones' value and mod out of them
/// (the caller may keep the vector's memory for the next document).
/// Thread safety: uses per-thread working memory (one call at a time per thread).
std::vector<Mention> resolve(const recognize::Context& ctx, std::vector<Candidate>& candidates, bool keep_evidence);
/// The same, for a vector given away.
std::vector<Mention> resolve(const recognize::Context& ctx, std::vector<Candidate>&& candidates, bool keep_evidence);
/// The same, appended to `out` (whose memory a caller keeps from one document
/// to the next: no vector allocated and freed per document).
void resolve(const recognize::Context& ctx, std::vector<Candidate>& candidates, bool keep_evidence,
             std::vector<Mention>& out);

}  // namespace newsner
