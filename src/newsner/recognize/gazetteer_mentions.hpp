// Gazetteer recognizer: turns matches of mention-type entries (PERSON, LOCATION,
// ORGANIZATION lists) into candidates. Stage 3 of the pipeline.
// Acceptance: the entry's own capitalization; or any case when the matched
// tokens are all caps on a line in capitals (headlines, credits); or a
// diacritic-free spelling of an entry flagged "fold" ("Sao Paulo"). Entries
// flagged "amb" (also common words: "Reading", "Chad") are dropped at a sentence
// start or in capitals, and score low elsewhere.
// Output: one candidate per (span, type), evidence = the list name, kb_id from
// the entry (the most populous one when several share a name).
// Thread safety: stateless. Cost: linear in the number of matches.
#pragma once

#include <vector>

#include "newsner/document.hpp"
#include "newsner/recognize/context.hpp"

namespace newsner::recognize {

void recognize_gazetteer_mentions(const Context& ctx, std::vector<Candidate>& out);

/// Token b, a word in capitals, counted after a small number ("six RBI in"): a
/// statistic's unit, no organization (the document-level pass repeats none there).
bool counted_acronym(const Context& ctx, std::size_t b);

/// Token b, one word between a function word and a capitalized weekday,
/// opens a day's name ("on Cyber Monday", "before Super Tuesday"): no body,
/// though a list has the word as one (a company before a weekday is "Kelvo
/// Monday said", "told Kelvo Monday"; the document-level pass repeats none
/// there either).
bool opens_day_name(const Context& ctx, std::size_t b);

/// Token b follows a capitalized nationality word ("Scottish Enterprise",
/// "British Rail"): a common word there that a list has as a town names a
/// body, not the town (the document-level pass repeats no town there either).
bool demonym_before(const Context& ctx, std::size_t b);

/// Token b is an event word after a capitalized word of the event's name ("the
/// Web Summit", "the Kelvo Marathon"): a town that a list has by that name
/// ("Summit", New Jersey) is not meant there (DESIGN.md takes no events).
bool event_word_after_name(const Context& ctx, std::size_t b);

/// Token b, a place's one word, follows an attached hyphen and a capitalized
/// word that is no place nor body ("Radio-Canada", "Kelvo-France"): a part of
/// another name, no place of its own (the document-level pass repeats none
/// there either).
bool place_in_hyphen_name_full(const Context& ctx, std::size_t b);
/// place_in_hyphen_name_full after an inline test of b's space bit: most
/// places have a space before them, and leave here without the call.
inline bool place_in_hyphen_name(const Context& ctx, std::size_t b) {
  return b >= 2 && !ctx.token(b).space_before && place_in_hyphen_name_full(ctx, b);
}

}  // namespace newsner::recognize
