// Splits repaired UTF-8 text into tokens and sentences. Stage 2 of the pipeline
// (normalize -> TOKENIZE -> recognize -> resolve -> write).
//
// Words follow ICU's UAX #29 word break rules. ICU's word iterator reads a
// compact UTF-16 copy of the text in which each run of ASCII letters and each
// run of ASCII digits is one unit (no rule breaks inside such a run or depends
// on its length, so the boundaries are ICU's for the whole text; a probe at
// construction checks it, see uses_compact_words); non-ASCII runs are
// converted by ICU's u_strFromUTF8Lenient (ill-formed text: the whole text by
// u_strFromUTF8WithSub). Whitespace runs are not tokens;
// every other break segment (words, numbers, punctuation, symbols) is one token.
// Sentences follow ICU's sentence break rules with English abbreviation
// suppressions (ICU's own "en" exception list plus ours: Mr., Gen., U.S., Jan., ...)
// so that titles, initials and abbreviated months do not end a sentence.
//
// Units: token and sentence spans are [begin, end) in BYTES of the input text.
// Thread safety: a Tokenizer owns ICU break iterators and is NOT shareable; use
//   one per thread (they are cheap to clone with Tokenizer's copy constructor).
// Errors: ICU setup failures throw std::runtime_error from the constructor; the
//   input must be valid UTF-8 (see utf8.hpp), otherwise nothing fails.
// Cost: linear in text length.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsner/document.hpp"
#include "newsner/text/token_hash.hpp"

namespace newsner::text {

/// Coarse orthographic class of a token.
enum class Shape : std::uint8_t {
  Lower,        // "said", "über"
  Capitalized,  // "Tokyo", "McDonald", "Ödön" (first letter upper, some lower)
  AllCaps,      // "NATO", "TOKYO", "U.S" (letters, all upper; at least one letter)
  Mixed,        // "iPhone", "eBay" (starts lower, has upper)
  Digits,       // "2018", "19" (only decimal digits)
  Alnum,        // "G20", "3rd", "1990s"
  Punct,        // ",", "-", "\"", "(", "/"
  Symbol,       // "$", "©", emoji
};

/// One token: a byte span, its shape, and where its case-folded form lives in
/// TokenizedText::folded.
struct Token {
  Span span;
  std::uint32_t fold_begin = 0;  // byte offset into TokenizedText::folded
  std::uint32_t fold_size = 0;   // bytes
  std::uint64_t fold_hash = 0;   // text::token_hash of the folded form (token_hash.hpp)
  /// text::surface_hash of the surface (cased, NFC): computed in the same pass as
  /// fold_hash, so the gazetteer matcher's exact-case test does not reread the bytes.
  std::uint64_t surface_hash = 0;
  std::uint32_t sentence = 0;    // index into TokenizedText::sentences
  Shape shape = Shape::Punct;
  // (One bit each, so that the record stays 40 bytes; the last fills the byte,
  // so that writing a token stores it whole instead of merging bits into it.)
  /// True when whitespace separates this token from the previous one.
  bool space_before : 1 = false;
  /// True when that whitespace contains a line break (names never cross it).
  bool newline_before : 1 = false;
  /// True for the first token of a sentence (its capital is weak evidence).
  bool sentence_start : 1 = false;
  /// True when the token is ASCII letters and digits only ("Tokyo", "2019",
  /// "G20"; not "U.S", "1,000", "Caf\u00E9"): then it is a whole run of them,
  /// as ICU never breaks a word between two such bytes, and a reader that
  /// looks for words by their runs (the DATE patterns) need not read its bytes.
  bool alnum_run : 5 = false;
};

/// Tokens and sentences of one document.
struct TokenizedText {
  std::string_view text;               // the tokenized text (not owned)
  std::vector<Token> tokens;           // in text order, non-overlapping
  std::vector<Span> sentences;         // in text order, covering the text
  /// ICU case-folded forms: an ASCII token's at its own offsets (the text with
  /// its capitals lowered), other tokens' appended after text.size().
  std::string folded;
  /// True when every byte of text is below 0x80 (the tokenizer tests it anyway;
  /// the DATE scan then skips its search for case-fold look-alikes).
  bool ascii = false;

  std::string_view surface(const Token& t) const {
    return text.substr(t.span.begin, t.span.size());
  }
  std::string_view folded_form(const Token& t) const {
    return std::string_view(folded).substr(t.fold_begin, t.fold_size);
  }
  /// Index of the sentence containing byte `offset` (binary search).
  std::uint32_t sentence_at(std::uint32_t offset) const;
};

/// Folds `utf8` with ICU full case folding (u_strFoldCase, U_FOLD_CASE_DEFAULT)
/// and ICU NFC normalization, appending to `out`: the lookup form of a token
/// ("Jose\u0301" and "José" both give "josé"). ASCII takes a fast path with
/// identical results.
void append_case_folded(std::string_view utf8, std::string& out);

/// text::token_hash of non-ASCII `utf8` in NFC (ICU); see surface_hash.
std::uint64_t surface_hash_nfc(std::string_view utf8);

/// text::token_hash of `utf8` in NFC: the hash of a token's surface form used
/// to compare capitalization with a gazetteer entry's (matcher, image). ASCII,
/// already in NFC, is hashed inline while it is checked.
inline std::uint64_t surface_hash(std::string_view utf8) {
  std::uint64_t h = kTokenHashSeed;
  unsigned char high = 0;
  for (const char ch : utf8) {
    const auto c = static_cast<unsigned char>(ch);
    high |= c;
    h = token_hash_step(h, c);
  }
  return high < 0x80 ? h : surface_hash_nfc(utf8);
}

/// Classifies a token's surface text (valid UTF-8) into a Shape. ASCII text takes
/// a fast path with the same results as classify_shape_icu.
Shape classify_shape(std::string_view utf8);
/// The general path, from ICU character properties (u_isUUppercase, ...).
Shape classify_shape_icu(std::string_view utf8);

class Tokenizer {
 public:
  Tokenizer();
  ~Tokenizer();
  Tokenizer(const Tokenizer& other);
  Tokenizer& operator=(const Tokenizer&) = delete;

  /// Tokenizes `text` (valid UTF-8). The result refers to `text`, which must
  /// outlive it.
  TokenizedText tokenize(std::string_view text);
  /// The same into `out`, whose previous contents are replaced and whose
  /// memory is reused: a caller that keeps one TokenizedText per thread (and
  /// Tokenizer) allocates nothing per document once its buffers are large
  /// enough, and the Token objects a previous document left are overwritten
  /// in place instead of being constructed (zero-filled) again in fresh memory.
  void tokenize(std::string_view text, TokenizedText& out);

  /// Sentence boundaries of UTF-16 `text` as tokenize finds them: the index
  /// after each sentence, increasing, the last one text.size() (none for empty
  /// text). ICU's sentence iterator runs only on windows around possible
  /// boundaries; `full_scan` runs it over the whole text instead, the
  /// reference the tests compare with (a test and debugging hook).
  std::vector<std::int32_t> sentence_ends(std::u16string_view text, bool full_scan = false);

  /// ICU's word boundaries of valid UTF-8 `text` as tokenize finds them: byte
  /// offsets after the text's start, increasing, the last text.size() (none
  /// for empty text). ICU reads a compact copy of the text, with each run of
  /// ASCII letters or digits as one unit; `whole_text` runs it over the whole
  /// text instead, the reference the tests compare with (a test hook).
  std::vector<std::uint32_t> word_boundaries(std::string_view text, bool whole_text = false);

  /// True when tokenize() gives ICU's word iterator the compact copy: the
  /// constructor compares its boundaries with a pass over the whole text on a
  /// probe text, and falls back to whole texts if ICU ever answers differently.
  bool uses_compact_words() const;

  /// True when tokenize() uses the windowed sentence search: the constructor
  /// compares it with a full pass on a probe text covering the cases it relies
  /// on, and falls back to full passes if ICU ever answers differently.
  bool uses_sentence_windows() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsner::text
