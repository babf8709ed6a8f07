// The shape of a personal name in running text, shared by the PERSON rules and
// the document-level pass: capitalized tokens, with initials ("J.R.R.", "H. G."),
// particles ("van", "de", "bin", "al-"), hyphenated parts ("Jean-Michel") and
// apostrophes ("O'Brien") inside; never across a line break or a possessive "'s".
// Units: token indices. Thread safety: stateless (NameShape: one per document).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "newsner/recognize/context.hpp"
#include "newsner/recognize/rule_support.hpp"

namespace newsner::recognize {


/// Context::is_cap (capitalized, all caps or mixed case), inline for per-token loops.
inline bool cap_shape(const Context& ctx, std::size_t i) {
  const text::Shape s = ctx.token(i).shape;
  return s == text::Shape::Capitalized || s == text::Shape::AllCaps || s == text::Shape::Mixed;
}

/// The start of a name word at token i with its attached lowercase Arabic
/// article ("al-Sharaa", "el-Sisi": i - 2), else i. (A capitalized article,
/// "Al-Sudani", is a word of the name already.)
inline std::size_t with_arabic_article(const Context& ctx, std::size_t i) {
  if (i >= 2 && ctx.is(i - 1, "-") && !ctx.token(i - 1).space_before && !ctx.token(i).space_before &&
      (ctx.is(i - 2, "al") || ctx.is(i - 2, "el"))) {
    return i - 2;
  }
  return i;
}

/// True when token i is an initial: a single capital letter ("J") or letters
/// joined by periods ("J.R.R"), followed by a "." token.
bool is_initial(const Context& ctx, std::size_t i);

/// True when token i is a generational suffix, written after a surname: "Jr",
/// "Sr", "II", "III", "IV", "2nd", "3rd", "4th" (any case).
bool is_generational_suffix(const Context& ctx, std::size_t i);

/// The end of the surname of name [b, e): before its generational suffix and
/// the suffix's period ("Kessler" of "Tom Kessler Jr."), else e. (Inline: the
/// resolver asks it of every PERSON name, and nearly all end in a longer word.)
inline std::size_t surname_end(const Context& ctx, std::size_t b, std::size_t e) {
  if (ctx.token(e - 1).fold_size > 3) return e;
  const std::size_t s = e >= b + 3 && is_char(ctx, e - 1, '.') ? e - 1 : e;  // (the suffix's period)
  return s >= b + 2 && ctx.token(s - 1).fold_size <= 3 && is_generational_suffix(ctx, s - 1) ? s - 1 : e;
}

/// Returns the end (exclusive) of the longest name starting at token `b`, or `b`
/// when no name starts there. At most `max_words` capitalized words.
std::size_t scan_name(const Context& ctx, std::size_t b, std::size_t max_words = 4);

/// True when token i can be a word of a name: capitalized (or in capitals on a
/// capitals line), and not a title, organization head, month or weekday.
bool is_name_word(const Context& ctx, std::size_t i);

/// is_name_word() and is_initial() of every token of a document, computed once,
/// for rules that ask about the same tokens many times. Same answers as the
/// free functions. Cost: one pass over Context::cap_tokens, the only tokens that can have them.
class NameShape {
 public:
  explicit NameShape(const Context& ctx);
  /// The same, its bits kept in `storage` (resized and overwritten) and its
  /// starts() in `starts` (reset): a caller that makes one per document passes
  /// buffers it keeps, so that a document allocates nothing. Both must outlive
  /// the NameShape and not be used by another meanwhile.
  NameShape(const Context& ctx, std::vector<std::uint8_t>& storage, TokenList& starts);
  NameShape(const NameShape&) = delete;
  NameShape& operator=(const NameShape&) = delete;
  bool name_word(std::size_t i) const { return (bits_[i] & kNameWord) != 0; }
  bool initial(std::size_t i) const { return (bits_[i] & kInitial) != 0; }
  /// name_word(i) || initial(i)
  bool any(std::size_t i) const { return bits_[i] != 0; }
  /// The tokens i with any(i), ascending, then ctx.size() (an end mark for a
  /// merge with other sorted lists).
  std::span<const std::uint32_t> starts() const { return starts_.span(); }
  /// False when a name scan from i surely ends at i + 1 at most (so that
  /// scan_name(i) >= i + 2 is impossible): i is no initial and the next token,
  /// on the same line, is neither a name word, an initial, a particle nor a
  /// joining "-" or "'". Most capitalized words are followed by a lowercase
  /// word or punctuation: this spares their scan.
  bool goes_on(std::size_t i) const {
    if (initial(i)) return true;
    const std::size_t k = i + 1;
    if (k >= ctx_.size() || ctx_.token(k).newline_before) return false;
    return any(k) || is_char(ctx_, k, '-') || is_char(ctx_, k, '\'') ||
           (ctx_.token(k).shape == text::Shape::Lower && (ctx_.lex[k] & kLexParticle));
  }
  /// scan_name() from the cached bits.
  std::size_t scan_name(std::size_t b, std::size_t max_words = 4) const;
  /// scan_name(b, 4), and scan_name(b, 3) in `end3`, from one scan.
  std::size_t scan_name_4_3(std::size_t b, std::size_t& end3) const;

 private:
  static constexpr std::uint8_t kNameWord = 1, kInitial = 2;
  const Context& ctx_;
  std::vector<std::uint8_t> own_;  // the bits when no storage is passed
  TokenList own_starts_;           // the starts when no list is passed
  const std::uint8_t* bits_;       // size ctx.size()
  const TokenList& starts_;
};

}  // namespace newsner::recognize
