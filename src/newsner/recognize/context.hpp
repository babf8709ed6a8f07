// What every name recognizer needs to know about one document, computed once:
// its tokens, all gazetteer matches, and per-token evidence bits (is this token
// a known given name, surname, title word, demonym, organization head, common
// word?). Built by the pipeline after tokenization, read by the recognizers.
// Units: token indices; spans in BYTES.
// Thread safety: one per document; not shared.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "newsner/gazetteer/matcher.hpp"
#include "newsner/text/tokenizer.hpp"

namespace newsner::recognize {

/// Bit for an entry class in Context::token_classes.
constexpr std::uint16_t class_bit(gazetteer::EntryClass c) {
  return static_cast<std::uint16_t>(1u << static_cast<unsigned>(c));
}

struct Context {
  const text::TokenizedText& tt;
  const gazetteer::Matcher& matcher;
  /// All gazetteer matches, by start token, longest first.
  std::vector<gazetteer::Match> matches;
  /// Per token: index of its first match in `matches`, or kNone.
  std::vector<std::uint32_t> first_match;
  /// Per token: classes of single-token entries that match it. Mention and
  /// name classes count only with the entry's own capitalization (or in
  /// all-caps text); WORD counts for the lowercase form in any case.
  std::vector<std::uint16_t> token_classes;
  /// Per token: true when its line is written in capitals (headline, credit).
  std::vector<bool> caps_line;

  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  Context(const text::TokenizedText& tokens, const gazetteer::Matcher& m);

  std::size_t size() const { return tt.tokens.size(); }
  const text::Token& token(std::size_t i) const { return tt.tokens[i]; }
  std::string_view surface(std::size_t i) const { return tt.surface(tt.tokens[i]); }
  std::string_view folded(std::size_t i) const { return tt.folded_form(tt.tokens[i]); }
  bool has(std::size_t i, gazetteer::EntryClass c) const { return (token_classes[i] & class_bit(c)) != 0; }
  /// Capitalized, all caps or mixed case ("Kono", "NATO", "McDonald", "iPhone").
  bool is_cap(std::size_t i) const;
  /// A lowercase word that is in the common-word list.
  bool is_common_word(std::size_t i) const { return has(i, gazetteer::EntryClass::Word); }
  /// Surface text equals `s` exactly.
  bool is(std::size_t i, std::string_view s) const { return i < size() && surface(i) == s; }
  /// Byte span from token b to token e (exclusive).
  Span span(std::size_t b, std::size_t e) const {
    return {tt.tokens[b].span.begin, tt.tokens[e - 1].span.end};
  }
  /// Matches starting at token i (longest first).
  template <typename F>
  void for_matches_at(std::size_t i, F&& f) const {
    for (std::uint32_t k = first_match[i]; k != kNone && k < matches.size() && matches[k].token_begin == i; ++k) {
      f(matches[k]);
    }
  }
};

}  // namespace newsner::recognize
