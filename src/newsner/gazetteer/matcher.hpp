// Finds gazetteer entries in a token sequence. Stage 3 of the pipeline.
// Input: tokens of one document. Output: every entry whose key equals the
// case-folded tokens [token_begin, token_end), for every start token and length
// (recognizers and resolve.hpp choose among them; longest first per start).
// A match never crosses a line break and never starts on punctuation.
// `exact_case` tells whether the text has the entry's own capitalization; rules
// accept case-insensitive matches only in all-caps or headline text.
// Thread safety: const after construction; share one instance across threads.
// Errors: none at match time; loading errors are reported by load_gazetteers().
// Cost: O(tokens x longest entry length) hash lookups; a start token that begins
//   no key costs one lookup.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "newsner/gazetteer/image.hpp"
#include "newsner/text/tokenizer.hpp"

namespace newsner::gazetteer {

struct Match {
  std::uint32_t token_begin = 0;
  std::uint32_t token_end = 0;  // exclusive
  std::uint32_t entry = 0;
  EntryClass cls = EntryClass::Word;  // copied from the entry
  std::uint8_t flags = 0;             // copied from the entry (EntryFlag bits)
  std::uint16_t list = 0;             // the entry's list, see Matcher::list_name
  std::uint16_t gazetteer = 0;        // index into Matcher::gazetteers()
  bool exact_case = false;
  bool deaccented = false;
};
static_assert(sizeof(Match) == 20);  // documents hold ~3 per token: keep it small

class Matcher {
 public:
  explicit Matcher(std::vector<Gazetteer> gazetteers) : gazetteers_(std::move(gazetteers)) {}

  /// Appends all matches in `tt`, ordered by token_begin, then longest first.
  void find_all(const text::TokenizedText& tt, std::vector<Match>& out) const;

  /// Looks up one exact folded key, tokens joined by single spaces ("new york"),
  /// in every gazetteer; appends entry matches (token fields zero, exact_case
  /// false). For callers holding a string rather than tokens; the tests use it
  /// as find_all's brute-force oracle.
  void lookup(std::string_view folded_key, std::vector<Match>& out) const;

  EntryView entry(const Match& m) const { return gazetteers_[m.gazetteer].entry(m.entry); }
  /// The match's list name ("cities") without reading the entry.
  std::string_view list_name(const Match& m) const { return gazetteers_[m.gazetteer].list_name(m.list); }
  const std::vector<Gazetteer>& gazetteers() const { return gazetteers_; }

 private:
  std::vector<Gazetteer> gazetteers_;
};

}  // namespace newsner::gazetteer
