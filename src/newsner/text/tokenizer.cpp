#include "newsner/text/tokenizer.hpp"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstring>
#include <stdexcept>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#if defined(__GNUC__)
#include <immintrin.h>  // SSSE3 and AVX2, for the functions that declare them (target attribute)
#endif
#endif

#include "newsner/text/token_hash.hpp"
#include "newsner/text/utf8.hpp"

namespace newsner::text {
namespace {

// Abbreviations after which a period does not end an English news sentence, in
// addition to ICU's own "en" suppression list (CLDR segments/en.xml).
constexpr const char* kNoBreakAfter[] = {
    "Mr.",   "Mrs.",  "Ms.",   "Dr.",   "Prof.", "Sr.",   "Jr.",   "St.",   "Gen.",  "Lt.",
    "Col.",  "Maj.",  "Capt.", "Sgt.",  "Cpl.",  "Adm.",  "Gov.",  "Sen.",  "Rep.",  "Rev.",
    "Pres.", "Amb.",  "Supt.", "Insp.", "Hon.",  "Fr.",   "Mt.",   "Ft.",   "No.",   "Nos.",
    "Co.",   "Corp.", "Inc.",  "Ltd.",  "Bros.", "U.S.",  "U.K.",  "U.N.",  "E.U.",  "Jan.",
    "Feb.",  "Mar.",  "Apr.",  "Jun.",  "Jul.",  "Aug.",  "Sep.",  "Sept.", "Oct.",  "Nov.",
    "Dec.",  "Mon.",  "Tue.",  "Tues.", "Wed.",  "Thu.",  "Thurs.", "Fri.", "Sat.",  "Sun.",
    "vs.",   "v.",    "approx.", "est.", "Ave.", "Blvd.", "Rd.",   "Dept.", "Univ.", "Assn.",
};

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU ") + what + ": " + u_errorName(status));
  }
}

// ICU's NFC normalizer: "Jose\u0301" (decomposed, as some systems write it) and
// "Jos\u00e9" then look up the same gazetteer key. Offsets never see it: only
// the folded forms and surface hashes used for lookups are normalized.
icu::UnicodeString to_nfc(const icu::UnicodeString& u) {
  UErrorCode st = U_ZERO_ERROR;
  static const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(st);
  if (nfc == nullptr) return u;
  st = U_ZERO_ERROR;
  if (nfc->isNormalized(u, st) && U_SUCCESS(st)) return u;
  st = U_ZERO_ERROR;
  icu::UnicodeString out = nfc->normalize(u, st);
  return U_SUCCESS(st) ? out : u;
}

}  // namespace

void append_case_folded(std::string_view utf8, std::string& out) {
  // ASCII (almost every token of English news): fold in place, no ICU call.
  const std::size_t old_size = out.size();
  out.resize(old_size + utf8.size());
  char* dst = out.data() + old_size;
  bool ascii = true;
  for (std::size_t k = 0; k < utf8.size(); ++k) {
    const char c = utf8[k];
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
    dst[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  if (ascii) return;
  out.resize(old_size);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  u.foldCase(U_FOLD_CASE_DEFAULT);
  to_nfc(u).toUTF8String(out);
}

std::uint64_t surface_hash_nfc(std::string_view utf8) {
  // Most non-ASCII text is already in NFC: ICU checks that on the UTF-8 itself.
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(st);
  const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  if (nfc == nullptr || (nfc->isNormalizedUTF8(piece, st) && U_SUCCESS(st))) return token_hash(utf8);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(piece);
  std::string normalized;
  to_nfc(u).toUTF8String(normalized);
  return token_hash(normalized);
}

namespace {

// Per ASCII byte: is it ICU White_Space (u_isUWhiteSpace), read from ICU once.
const std::array<bool, 128>& ascii_white_space() {
  static const std::array<bool, 128> table = [] {
    std::array<bool, 128> t{};
    for (UChar32 c = 0; c < 128; ++c) t[static_cast<std::size_t>(c)] = u_isUWhiteSpace(c);
    return t;
  }();
  return table;
}

// Whether a segment starting with byte c may be white space: c is not
// ASCII, or a control character or the space (ASCII White_Space is among them,
// ascii_white_space then decides). Any other first byte starts a token. A
// range test, so the token loop keeps no table address in a register.
constexpr bool may_be_space(unsigned char c) { return static_cast<unsigned char>(c - 0x21) >= 0x7F - 0x21 + 1; }

// Per byte: its case-folded byte and a bit for its class: upper, lower, digit,
// punctuation (ICU's classes for ASCII), neither, or not ASCII. A token's shape
// depends only on which classes occur (and its first byte), so the analysis
// below ORs these bits in a register instead of counting per class.
constexpr unsigned kUpperBit = 1, kLowerBit = 2, kDigitBit = 4, kPunctBit = 8, kOtherBit = 16, kNonAsciiBit = 32;
struct ByteInfo {
  unsigned char fold, bit;
};
constexpr std::array<ByteInfo, 256> kByteInfo = [] {
  std::array<ByteInfo, 256> t{};
  constexpr std::string_view kSymbols = "$+<=>^`|~";  // ICU: neither letter, digit nor punctuation
  for (unsigned c = 0; c < 256; ++c) {
    const auto ch = static_cast<unsigned char>(c);
    if (c >= 0x80) t[c] = {ch, kNonAsciiBit};
    else if (c >= 'A' && c <= 'Z') t[c] = {static_cast<unsigned char>(c + 32), kUpperBit};
    else if (c >= 'a' && c <= 'z') t[c] = {ch, kLowerBit};
    else if (c >= '0' && c <= '9') t[c] = {ch, kDigitBit};
    else if (c > ' ' && c < 0x7F && kSymbols.find(static_cast<char>(c)) == std::string_view::npos) t[c] = {ch, kPunctBit};
    else t[c] = {ch, kOtherBit};
  }
  return t;
}();
// kByteInfo's two fields as arrays of their own: analyze_ascii_token's loop
// loads each as one byte (the pair was loaded as a word and split: 12
// instructions a byte instead of 10).
template <unsigned char ByteInfo::*kField>
constexpr std::array<unsigned char, 256> kByteField = [] {
  std::array<unsigned char, 256> t{};
  for (std::size_t c = 0; c < 256; ++c) t[c] = kByteInfo[c].*kField;
  return t;
}();

// The shape of an ASCII token from the classes it has (kByteInfo bits) and its
// first byte: the same classes as classify_shape_icu, without ICU property lookups.
inline Shape ascii_shape(unsigned seen, unsigned char c0) {
  const bool letter = (seen & (kUpperBit | kLowerBit)) != 0;
  if (!letter && (seen & kDigitBit) == 0) return (seen & kPunctBit) != 0 ? Shape::Punct : Shape::Symbol;
  if (!letter && (seen & kPunctBit) == 0) return Shape::Digits;
  if ((seen & kDigitBit) != 0) return Shape::Alnum;
  if (c0 >= 'a' && c0 <= 'z') return (seen & kUpperBit) != 0 ? Shape::Mixed : Shape::Lower;
  if (c0 >= 'A' && c0 <= 'Z') return (seen & kLowerBit) == 0 ? Shape::AllCaps : Shape::Capitalized;
  return Shape::Symbol;
}

// classify_shape for a pure-ASCII token (the common case).
Shape classify_ascii(std::string_view s) {
  unsigned seen = 0;
  for (const char ch : s) seen |= kByteInfo[static_cast<unsigned char>(ch)].bit;
  return ascii_shape(seen, s.empty() ? 0 : static_cast<unsigned char>(s[0]));
}

// For an ASCII token (nearly every token of English news): sets its shape,
// fold hash and surface hash in one pass over the bytes, with the results of
// classify_shape, token_hash (folded form) and surface_hash, and whether it is
// letters and digits only (Token::alnum_run). Returns false when the token is
// not ASCII: `hash` is then a hash of the bytes only fit to index a cache.
inline bool analyze_ascii_token(std::string_view s, Shape& shape, std::uint64_t& hash, std::uint64_t& cased_hash,
                                bool& alnum_run) {
  unsigned seen = 0;
  std::uint64_t h = kTokenHashSeed;  // text::token_hash, in the same pass
  for (std::size_t k = 0; k < s.size(); ++k) {
    const auto c = static_cast<unsigned char>(s[k]);
    seen |= kByteField<&ByteInfo::bit>[c];
    h = token_hash_step(h, kByteField<&ByteInfo::fold>[c]);
  }
  hash = h;
  if ((seen & kNonAsciiBit) != 0) return false;
  // ASCII is in NFC: the surface hash is the plain hash of the bytes, which are
  // the folded ones unless there is an upper-case letter. Only then (a minority
  // of tokens) are they hashed again; a second chain in the loop above cost more.
  cased_hash = (seen & kUpperBit) == 0 ? h : token_hash(s);
  shape = ascii_shape(seen, static_cast<unsigned char>(s[0]));
  alnum_run = (seen & ~(kUpperBit | kLowerBit | kDigitBit)) == 0;
  return true;
}

#if defined(__SSE2__) && defined(__GNUC__)
// lower_ascii's loop 32 bytes a turn (where the CPU has AVX2); returns where it
// stopped (fewer than 32 bytes left).
__attribute__((target("avx2"))) std::size_t lower_ascii_avx2(const char* src, std::size_t n, char* dst) {
  const __m256i shift = _mm256_set1_epi8(static_cast<char>(0x80 - 'A'));
  const __m256i limit = _mm256_set1_epi8(static_cast<char>(-128 + 26));
  const __m256i case_bit = _mm256_set1_epi8(0x20);
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(src + i));
    const __m256i upper = _mm256_cmpgt_epi8(limit, _mm256_add_epi8(v, shift));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(dst + i), _mm256_or_si256(v, _mm256_and_si256(upper, case_bit)));
  }
  return i;
}
#endif

// dst[0, n) = src[0, n) with the ASCII capitals lowered (kByteInfo's fold; other
// bytes, non-ASCII ones too, are copied): there an ASCII token's folded form
// lies at its own offsets, one pass over the text instead of a copy per token.
void lower_ascii(const char* src, std::size_t n, char* dst) {
  std::size_t i = 0;
#if defined(__SSE2__) && defined(__GNUC__)
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2) i = lower_ascii_avx2(src, n, dst);
#endif
#if defined(__SSE2__)
  const __m128i shift = _mm_set1_epi8(static_cast<char>(0x80 - 'A'));  // 'A'..'Z' -> -128..-103
  const __m128i limit = _mm_set1_epi8(static_cast<char>(-128 + 26));
  const __m128i case_bit = _mm_set1_epi8(0x20);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i));
    const __m128i upper = _mm_cmplt_epi8(_mm_add_epi8(v, shift), limit);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + i), _mm_or_si128(v, _mm_and_si128(upper, case_bit)));
  }
#endif
  for (; i < n; ++i) dst[i] = static_cast<char>(kByteInfo[static_cast<unsigned char>(src[i])].fold);
}

}  // namespace

Shape classify_shape(std::string_view s) {
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return classify_ascii(s);
  }
  return classify_shape_icu(s);
}

Shape classify_shape_icu(std::string_view s) {
  int upper = 0, lower = 0, digit = 0, letter = 0, other_alnum = 0, punct = 0, count = 0;
  bool first_upper = false, first_lower = false;
  int32_t i = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) continue;
    ++count;
    if (u_isUUppercase(c) || u_istitle(c)) {
      ++upper; ++letter;
      if (count == 1) first_upper = true;
    } else if (u_isULowercase(c)) {
      ++lower; ++letter;
      if (count == 1) first_lower = true;
    } else if (u_isalpha(c)) {
      ++letter;  // letters without case (CJK, Arabic): treat like capitalized words
      if (count == 1) first_upper = true;
    } else if (u_isdigit(c)) {
      ++digit;
    } else if (u_ispunct(c)) {
      ++punct;
    } else if (u_isalnum(c)) {
      ++other_alnum;
    }
  }
  if (letter == 0 && digit == 0) return punct > 0 ? Shape::Punct : Shape::Symbol;
  if (letter == 0 && other_alnum == 0 && punct == 0) return Shape::Digits;
  if (digit > 0) return Shape::Alnum;
  if (first_lower) return upper > 0 ? Shape::Mixed : Shape::Lower;
  if (first_upper) {
    if (lower == 0 && upper > 0) return Shape::AllCaps;
    if (lower == 0) return Shape::Capitalized;  // caseless letters
    return Shape::Capitalized;
  }
  return Shape::Symbol;
}

std::uint32_t TokenizedText::sentence_at(std::uint32_t offset) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](std::uint32_t o, const Span& s) { return o < s.begin; });
  if (it == sentences.begin()) return 0;
  return static_cast<std::uint32_t>(it - sentences.begin() - 1);
}

namespace {

// A Token's last 8 bytes (its sentence, shape and flags; the padding zero) as
// one word: the token loop writes it with one store (store_tail) and sets the
// flags by OR and AND on that word, not bit by bit (shifts and ORs of each
// flag, with more of the loop's state on the stack: ascii_segments took 4%
// more instructions). The sentence is the word's first four bytes, the shape
// the fifth, and the bit-fields the sixth, the first one lowest: the x86-64
// and AArch64 psABIs' order, which the Tokenizer's constructor checks on
// Tokens built through the struct (tail_layout_ok).
static_assert(offsetof(Token, sentence) + 8 == sizeof(Token) && sizeof(Token::sentence) == 4 &&
              offsetof(Token, shape) == offsetof(Token, sentence) + 4 && sizeof(Shape) == 1 &&
              std::is_trivially_copyable_v<Token>);
// The shift of the tail word's byte k.
constexpr int tail_byte_shift(int k) { return 8 * (std::endian::native == std::endian::little ? k : 7 - k); }
constexpr int kSentenceShift = std::endian::native == std::endian::little ? 0 : 32;
constexpr std::uint64_t sentence_tail(std::uint32_t sentence) { return std::uint64_t{sentence} << kSentenceShift; }
constexpr std::uint64_t kTailSpace = std::uint64_t{1} << tail_byte_shift(5),  // space_before
    kTailNewline = kTailSpace << 1,                                            // newline_before
    kTailStart = kTailSpace << 2,                                              // sentence_start
    kTailAlnum = kTailSpace << 3;                                              // alnum_run
// The tail of a token as the token loop keeps it (in ShortToken::tail,
// `sentence` its length): sentence_start set for a word, which starts its
// sentence if no word did yet (TokenLoop::pending).
constexpr std::uint64_t tail_of(std::uint32_t sentence, Shape shape, bool alnum_run) {
  return sentence_tail(sentence) | std::uint64_t{static_cast<std::uint8_t>(shape)} << tail_byte_shift(4) |
         (shape != Shape::Punct && shape != Shape::Symbol ? kTailStart : 0) | (alnum_run ? kTailAlnum : 0);
}
// Writes the tail word of token t (its bytes from its sentence field on).
inline void store_tail(Token* t, std::uint64_t tail) {
  std::memcpy(reinterpret_cast<unsigned char*>(t) + offsetof(Token, sentence), &tail, 8);
}
// Whether the constants above are this compiler's layout: Tokens written by
// store_tail read back as built through the struct.
bool tail_layout_ok() {
  const auto same = [](std::uint64_t tail, auto set) {
    Token built, stored;
    std::memset(static_cast<void*>(&built), 0, sizeof built);
    set(built);
    std::memset(static_cast<void*>(&stored), 0, sizeof stored);
    store_tail(&stored, tail);
    return stored.sentence == built.sentence && stored.shape == built.shape &&
           stored.space_before == built.space_before && stored.newline_before == built.newline_before &&
           stored.sentence_start == built.sentence_start && stored.alnum_run == built.alnum_run;
  };
  bool ok = same(sentence_tail(0x12345678) | kTailSpace, [](Token& t) {
    t.sentence = 0x12345678;
    t.space_before = true;
  });
  ok = ok && same(kTailNewline, [](Token& t) { t.newline_before = true; });
  ok = ok && same(kTailStart | kTailAlnum, [](Token& t) {
    t.sentence_start = true;
    t.alnum_run = true;
  });
  for (unsigned k = 0; k < 8; ++k) {
    const auto shape = static_cast<Shape>(k);
    ok = ok && same(tail_of(0, shape, false) & ~kTailStart, [shape](Token& t) { t.shape = shape; });
  }
  return ok;
}

}  // namespace

struct Tokenizer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
  // The text in UTF-16 for the break iterators (reused between documents).
  // ICU's UTF-8 UText converts small chunks again and again as both iterators
  // move; one conversion up front is cheaper. The text is utf16[0, utf16_size):
  // the buffer only grows, as word_ends (resized down and up again, a vector
  // zeroes the units the conversion then overwrites).
  std::vector<UChar> utf16;
  std::size_t utf16_size = 0;
  // UTF-16 index -> byte offset, kept sparse because news text is mostly ASCII:
  // `shifts` lists (first UTF-16 index, bytes minus UTF-16 units before it) after
  // each non-ASCII character, so byte(u) = u + the shift of the last entry <= u.
  // Boundaries come in increasing order: sentence ends are read with an
  // OffsetCursor, word boundaries shifted as ICU returns them (find_word_ends).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> shifts;
  // For ill-formed input only (the pipeline repairs text first): a dense map.
  std::vector<std::uint32_t> dense;
  // Shape, folded form and its hash of recent non-ASCII tokens ("Zürich"),
  // which take ICU calls worth a few thousand instructions; names recur.
  struct Folded {
    std::string surface, folded;
    std::uint64_t hash = 0, surface_hash = 0;
    Shape shape = Shape::Symbol;
  };
  std::array<Folded, 256> fold_cache;
  // The analysis of recent ASCII tokens of at most 8 bytes, by their bytes:
  // news repeats a few thousand short words ("the", ",", "said") over and
  // over, and a hit replaces the pass over the bytes (classes, the FNV chains)
  // with one 8-byte compare. (Their folded bytes need no slot: the lowering
  // pass over the whole text wrote them.) Direct-mapped, 256 KB (L2); on real
  // news (the first 3 MB of realtext) 81% of short tokens hit with 4096 slots.
  struct ShortToken {
    std::uint64_t bytes = 0;   // the token's bytes, zero above its length (little-endian)
    std::uint64_t hash = 0, surface_hash = 0;
    std::uint64_t tail = 0;    // tail_of(its length, shape, alnum_run); length 0: empty slot
    bool holds(std::uint64_t key, std::uint32_t size) const {
      return bytes == key && (tail & sentence_tail(~0u)) == sentence_tail(size);
    }
  };
  std::vector<ShortToken> short_cache = std::vector<ShortToken>(8192);
  static std::size_t short_slot(std::uint64_t bytes, std::size_t length) {
    return static_cast<std::size_t>(((bytes + length) * 0x9E3779B97F4A7C15ull) >> 51);  // 13 bits
  }
  // Sentence boundaries as UTF-16 indices (reused between documents), and the
  // UText (full passes) or the string alias (batches of windows, below) that
  // `sentences` is pointed at.
  std::vector<int32_t> sentence_ends;
  // kNoBreakAfter's entries with an inner period ("U.S."), UTF-16. ICU's
  // filter (72) checks such an entry only at its inner period (its forward
  // "partial" trie), never after the last one: it breaks "the U.S. | Senate".
  std::vector<std::u16string> initialisms;
  // Per ASCII unit: some initialism has it before its last unit ('S' of
  // "U.S."): a boundary after any other "X." needs no look at the list.
  std::array<bool, 128> initialism_penults{};
  template <class Unit>
  void drop_breaks_after_initialisms(const Unit* s, int32_t n);
  // Boundaries after paragraph separators outside any window, found while
  // windows wait in the batch (merged with ICU's at the end), and scratch.
  std::vector<int32_t> separator_ends, merged_ends;
  UText window = UTEXT_INITIALIZER;
  icu::UnicodeString window_text;
  // The sentence windows of a document copied one after another (`batch`),
  // which ICU's sentence iterator then reads in one pass: one setText and one
  // stretch of its boundary cache per document instead of per window. Piece k
  // holds s[begin, end) at batch[at, ...); keep_end: its end is a boundary.
  struct Piece {
    int32_t at, begin, end;
    bool keep_end;
  };
  std::vector<Piece> pieces;
  std::vector<UChar> batch;
  // ICU's word iterator reads a copy of the text of its own, `word_text`, in
  // which each run of ASCII letters and each run of ASCII digits is one unit
  // (the run's first byte), the rest as in utf16. UAX #29 never breaks inside
  // such a run (WB5 AHLetter x AHLetter, WB8 Numeric x Numeric), and no rule
  // depends on a run's length, only on the classes of the characters around a
  // place (WB6/WB7 and WB11/WB12 read one character past a MidLetter or
  // MidNum): ICU's boundaries in the copy are its boundaries in the text, each
  // mapped back by word_pos[unit] (the unit's byte offset; word_pos[size] is
  // the text's size). ICU's loop costs per unit, and news text is 2.6 bytes a
  // unit of the copy (18.6 MB of real news: 7.0 M units for 18.6 M bytes).
  // The constructor compares the copy's boundaries with ICU's over the whole
  // text on a probe text of every case the rules distinguish, and falls back
  // to the whole text if they ever differ (compact_ok).
  std::vector<UChar> word_text;
  std::vector<std::uint32_t> word_pos;
  std::size_t word_text_size = 0;
  bool compact_ok = true;
  // Fills word_text and word_pos from well-formed `text`; false if it could
  // not (ICU's conversion of a non-ASCII run disagreed with our count).
  bool compact(std::string_view text);
  // ICU's word boundaries of the document as byte offsets, and the UText over
  // the text that `words` is pointed at (both reused).
  std::vector<std::uint32_t> word_ends;
  // The token loop writes the document's tokens in place through a plain
  // pointer; tokenize constructs them ahead in stretches of this many (20 KB,
  // still in L1 when the loop overwrites them), not copied from a buffer.
  static constexpr std::size_t kTokenChunk = 512;
  // The token loop's state. ascii_segments takes and returns it by value, so
  // that inside that call-free loop it lives in registers (with the calls of
  // the general path in the same loop, it was kept on the stack).
  struct TokenLoop {
    const std::uint32_t* w;   // the next word boundary (byte offset)
    std::uint32_t b, e;       // the segment being read, [b, e)
    Token* out;               // where the next token goes
    std::uint32_t next_sentence;  // where the token's sentence's successor begins
    // sentence_tail(the token's sentence) | kTailSpace, kTailNewline (white
    // space, with a line break, before the next token) | its start while no
    // word token began the sentence yet: one register for all.
    std::uint64_t pending;
  };
  // What the token loop reads.
  struct TokenText {
    const unsigned char* p;
    std::uint32_t size;
    const Span* sentences;  // at least one; the last ends at `size`
    ShortToken* short_cache;
    const Token* out_limit;  // room for two tokens is kept before each segment: st.out < out_limit
    // The segments before this boundary, and the ones kShortAhead on from
    // them, start 8 bytes or more before the text's end (short_key's read).
    const std::uint32_t* unchecked_end;
  };
  // `tail`: tail_of the token (its sentence field is ignored).
  static void write_token(TokenLoop& st, const TokenText& tx, std::uint32_t b, std::uint32_t e,
                          std::uint32_t fold_begin, std::uint32_t fold_size, std::uint64_t fold_hash,
                          std::uint64_t surface_hash, std::uint64_t tail);
  // A short token's bytes as one word and its slot in short_cache (slot null
  // for other tokens).
  struct ShortKey {
    ShortToken* slot;
    std::uint64_t bytes;
  };
  template <bool kChecked = true>
  static ShortKey short_key(const TokenText& tx, std::uint32_t b, std::uint32_t e);
  static bool push_ascii(TokenLoop& st, const TokenText& tx, std::uint32_t b, std::uint32_t e, std::uint64_t& hash,
                         ShortKey key);
  static bool push_ascii(TokenLoop& st, const TokenText& tx, std::uint32_t b, std::uint32_t e, std::uint64_t& hash) {
    return push_ascii(st, tx, b, e, hash, short_key(tx, b, e));
  }
  static std::uint32_t possessive_cut(const unsigned char* p, std::uint32_t b, std::uint32_t e);
  static constexpr std::ptrdiff_t kShortAhead = 20;  // segments (about 12 turns: single spaces ride along); see ascii_segments
  static TokenLoop ascii_segments(TokenLoop st, TokenText tx, const std::uint32_t* end);
  // ascii_segments' turns from st.w while st.w < stop; true when stopped at a
  // segment it leaves to tokenize. kChecked: the turns' 8-byte reads are
  // tested against the text's end (not needed before tx.unchecked_end).
  template <bool kChecked>
  static bool segment_turns(TokenLoop& st, const TokenText& tx, const std::uint32_t* end, const std::uint32_t* stop);
  UText whole = UTEXT_INITIALIZER;
  // What the abbreviation filter may read around a boundary.
  struct FilterReach {
    int32_t longest = 60;        // its longest abbreviation, UTF-16 units
    bool ascii_periods = false;  // all are ASCII letters and periods, ending in '.'
    // With ascii_periods and longest <= 8: every string the filter's backward
    // trie may hold (each abbreviation up to each of its periods: "Ph.D.",
    // and "Ph." for its partial match) and each one's suffixes ("h.D.", "D.",
    // "."), packed by suffix_key, in an open-addressing hash set (0: empty;
    // no key is 0). The trie reads back from a period only while the text
    // read is one of them.
    std::vector<std::uint64_t> suffixes;
    static std::size_t suffix_slot(std::uint64_t key, std::size_t mask) {
      return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 40) & mask;
    }
    bool has_suffix(std::uint64_t key) const {
      const std::size_t mask = suffixes.size() - 1;
      for (std::size_t k = suffix_slot(key, mask);; k = (k + 1) & mask) {
        if (suffixes[k] == key) return true;
        if (suffixes[k] == 0) return false;
      }
    }
  } reach;
  // The key of character c prepended to the suffix with key `key` and length
  // `length` (< 8): one byte per ASCII character, the last one lowest.
  static constexpr std::uint64_t suffix_key(std::uint64_t key, int length, unsigned char c) {
    return key | static_cast<std::uint64_t>(c) << (8 * length);
  }
  // False when the windowed sentence search disagreed with a full pass on the
  // probe text at construction (an ICU whose rules or abbreviation filter work
  // differently from the one it was written for, ICU 72): then every document
  // gets the full pass.
  bool windows_ok = true;

  ~Impl() {
    utext_close(&window);
    utext_close(&whole);
  }
  // Converts well-formed `text` into utf16 run by run: ASCII runs widened
  // (widen_ascii), the others by ICU's u_strFromUTF8Lenient (each a whole number
  // of characters: runs end at ASCII bytes), listing each non-ASCII
  // character's shift as it goes (no second pass over the text). False if
  // ICU's counts differ (the caller then converts the whole text at once).
  // `ascii`: the text is one ASCII run.
  bool convert_runs(std::string_view text, bool ascii);
  static FilterReach filter_reach_of(const std::vector<std::string>& ours);
  // `bytes`, when not null, is the text in UTF-8 with one byte per unit (an
  // ASCII text), which the scan for terminators reads instead (half the memory).
  void find_sentence_ends(const UChar* s, int32_t n, bool full_scan, const unsigned char* bytes = nullptr);
  // The same for an ASCII text, read as it is: its bytes are its UTF-16
  // units (no copy; ICU's sentence iterator reads its windows, widened as
  // they are queued). Only with the windowed search (windows_ok).
  void find_ascii_sentence_ends(const unsigned char* s, int32_t n);
  // The windowed search of find_sentence_ends over units s[0, n): UChar, or
  // the bytes of an ASCII text (unsigned char).
  template <class Unit>
  void find_sentence_windows(const Unit* s, int32_t n, const unsigned char* bytes);
  // Queues the window s[begin, end) for run_batch: after the previous window
  // in the batch unless `fresh` (it starts the text or follows a paragraph
  // separator), which first runs the batch so far.
  template <class Unit>
  void add_window(const Unit* s, int32_t begin, int32_t end, bool fresh, bool keep_end);
  // Appends the boundaries ICU finds in the queued windows, each window's end
  // only if `keep_end`; empties the batch.
  void run_batch();

  void convert(std::string_view text);
  bool text_ascii = false;  // convert()'s text: every byte below 0x80
  // Fills word_ends[0, count) with ICU's word boundaries after the start of the
  // converted text, as byte offsets, and word_ends[count] with 0; returns count.
  // `compacted`: ICU reads word_text (compact() filled it), else utf16.
  std::size_t find_word_ends(bool compacted);
  // Byte offsets of an increasing sequence of UTF-16 boundaries. Its state
  // lives in the caller's registers rather than in Impl: the char stores of
  // the folded forms may alias Impl's vectors, which were reloaded per token.
  class OffsetCursor {
   public:
    explicit OffsetCursor(const Impl& im)
        : dense_(im.dense.empty() ? nullptr : im.dense.data()),
          next_(im.shifts.data()),
          end_(im.shifts.data() + im.shifts.size()) {
      load();
    }
    std::uint32_t operator()(int32_t utf16_index) {
      const auto u = static_cast<std::uint32_t>(utf16_index);
      if (dense_ != nullptr) return dense_[u];
      while (u >= next_first_) {  // passed a non-ASCII character: its shift applies
        shift_ = next_->second;
        ++next_;
        load();
      }
      return u + shift_;
    }

   private:
    void load() { next_first_ = next_ != end_ ? next_->first : UINT32_MAX; }
    const std::uint32_t* dense_;
    const std::pair<std::uint32_t, std::uint32_t>* next_;  // the first shift not yet applied
    const std::pair<std::uint32_t, std::uint32_t>* end_;
    std::uint32_t next_first_ = 0, shift_ = 0;
  };
};

// The length of the UTF-8 sequence that lead byte c (>= 0xC2) of well-formed
// text begins.
static std::size_t lead_length(unsigned char c) { return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2; }

// Where the run of ASCII bytes from i ends: the first byte >= 0x80, or n (a
// byte test, 16 at a time; no Unicode decided here).
static std::size_t ascii_run_end(const unsigned char* p, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    const auto high = static_cast<unsigned>(_mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i))));
    if (high != 0) return i + static_cast<std::size_t>(__builtin_ctz(high));
  }
#endif
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

// ASCII bytes as UTF-16 code units: each is its own code point (U+0000 to
// U+007F), so UTF-8 and UTF-16 spell it with the same number, 16 at a time
// (ICU's US-ASCII converter took about 3 instructions a byte).
static void widen_ascii(const unsigned char* src, std::size_t n, UChar* dst) {
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i zero = _mm_setzero_si128();
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + i), _mm_unpacklo_epi8(v, zero));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + i + 8), _mm_unpackhi_epi8(v, zero));
  }
#endif
  for (; i < n; ++i) dst[i] = src[i];
}

bool Tokenizer::Impl::convert_runs(std::string_view text, bool ascii) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  UChar* const first = utf16.data();
  UChar* const limit = first + utf16.size();
  UChar* out = first;
  std::size_t i = 0;
  while (i < n) {
    const std::size_t j = ascii ? n : ascii_run_end(p, i, n);
    if (j > i) {
      widen_ascii(p + i, j - i, out);
      out += j - i;
      i = j;
    }
    if (i == n) break;
    // The non-ASCII run [i, k) and each of its characters' shift (shifts).
    std::size_t k = i;
    auto u = static_cast<std::size_t>(out - first);
    while (k < n && p[k] >= 0x80) {
      const std::size_t bytes = lead_length(p[k]);
      k += bytes;
      u += bytes == 4 ? 2 : 1;  // 4-byte characters are surrogate pairs
      shifts.emplace_back(static_cast<std::uint32_t>(u), static_cast<std::uint32_t>(k - u));
    }
    if (k > n) return false;
    int32_t length = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8Lenient(out, static_cast<int32_t>(limit - out), &length, text.data() + i, static_cast<int32_t>(k - i),
                         &st);
    if (U_FAILURE(st) || out + length != first + u) return false;
    out += length;
    i = k;
  }
  utf16_size = static_cast<std::size_t>(out - first);
  return true;
}

// Whether every byte is below 0x80 (a byte test, 64 at a time: no Unicode
// decided here).
static bool all_ascii(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  unsigned char high = 0;
#if defined(__SSE2__)
  for (; i + 64 <= n; i += 64) {  // a test per 64 bytes: most non-ASCII texts leave early
    const auto* v = reinterpret_cast<const __m128i*>(p + i);
    const __m128i acc = _mm_or_si128(_mm_or_si128(_mm_loadu_si128(v), _mm_loadu_si128(v + 1)),
                                     _mm_or_si128(_mm_loadu_si128(v + 2), _mm_loadu_si128(v + 3)));
    if (_mm_movemask_epi8(acc) != 0) return false;
  }
#endif
  for (; i < n; ++i) high |= p[i];
  return high < 0x80;
}

void Tokenizer::Impl::convert(std::string_view text) {
  if (utf16.size() < text.size() + 1) utf16.resize(text.size() + 1);
  shifts.clear();
  dense.clear();
  // Well-formed text (simdjson's validator; ASCII is), run by run.
  const bool ascii = all_ascii(text);
  text_ascii = ascii;
  if ((ascii || is_valid_utf8(text)) && convert_runs(text, ascii)) return;
  shifts.clear();
  int32_t length = 0;
  UErrorCode st = U_ZERO_ERROR;
  if (is_valid_utf8(text)) {
    // ICU's lenient conversion: the same result for well-formed UTF-8 (which
    // simdjson's validator checks at a fraction of a byte's cost), without
    // checking each sequence again (about 11 -> 6 instructions a byte).
    u_strFromUTF8Lenient(utf16.data(), static_cast<int32_t>(utf16.size()), &length, text.data(),
                         static_cast<int32_t>(text.size()), &st);
    check(st, "u_strFromUTF8Lenient");
  } else {
    // Ill-formed bytes (never passed by the pipeline, which repairs them first)
    // become one U+FFFD per maximal subpart, as U8_NEXT below steps over them.
    u_strFromUTF8WithSub(utf16.data(), static_cast<int32_t>(utf16.size()), &length, text.data(),
                         static_cast<int32_t>(text.size()), 0xFFFD, nullptr, &st);
    check(st, "u_strFromUTF8WithSub");
  }
  utf16_size = static_cast<std::size_t>(length);
  if (static_cast<std::size_t>(length) == text.size()) return;  // ASCII: indices are byte offsets
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0, u = 0;
  while (i < n) {
    if (i + 8 <= n) {  // 8 ASCII bytes at a time
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & 0x8080808080808080ull) == 0) {
        i += 8;
        u += 8;
        continue;
      }
    }
    const uint8_t c = p[i];
    if (c < 0x80) {
      ++i;
      ++u;
      continue;
    }
    const std::size_t bytes = lead_length(c);
    i += bytes;
    u += bytes == 4 ? 2 : 1;  // 4-byte characters are surrogate pairs
    shifts.emplace_back(static_cast<std::uint32_t>(u), static_cast<std::uint32_t>(i - u));
  }
  if (i == n && u == static_cast<std::size_t>(length)) return;
  // Ill-formed input: map every index.
  shifts.clear();
  dense.resize(static_cast<std::size_t>(length) + 1);
  const auto len = static_cast<int32_t>(n);
  std::size_t k = 0;
  for (int32_t j = 0; j < len;) {
    const auto at = static_cast<std::uint32_t>(j);
    UChar32 ch;
    U8_NEXT(p, j, len, ch);
    dense[k++] = at;
    if (ch > 0xFFFF) dense[k++] = at;  // a surrogate pair: no boundary falls inside it
  }
  dense[k] = static_cast<std::uint32_t>(n);
}

// Runs of these ASCII classes are one unit of word_text: 1 letters, 2 digits
// (0: every byte is a unit).
constexpr std::array<std::uint8_t, 128> kRunClass = [] {
  std::array<std::uint8_t, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = t[static_cast<std::size_t>(c - 'a' + 'A')] = 1;
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = 2;
  return t;
}();

#if defined(__SSE2__)
namespace {

// kRunClass of 16 bytes at once (0 for bytes >= 0x80). A range test is a
// shift into -128.. and one signed compare (as in lower_ascii).
inline __m128i run_classes(__m128i v) {
  const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
  const __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(lower, _mm_set1_epi8(static_cast<char>(0x80 - 'a'))),
                                        _mm_set1_epi8(static_cast<char>(-128 + 26)));
  const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - '0'))),
                                       _mm_set1_epi8(static_cast<char>(-128 + 10)));
  return _mm_or_si128(_mm_and_si128(letter, _mm_set1_epi8(1)), _mm_and_si128(digit, _mm_set1_epi8(2)));
}

// The units among 16 bytes cur (of classes cls; prev: the classes of the 16
// bytes one before), one bit each: a byte is a unit unless it continues its
// predecessor's run; only the ASCII bytes before the first other one (`high`:
// the bytes >= 0x80).
inline unsigned block_units(__m128i cur, __m128i cls, __m128i prev, unsigned& high) {
  const __m128i same = _mm_andnot_si128(_mm_cmpeq_epi8(cls, _mm_setzero_si128()), _mm_cmpeq_epi8(cls, prev));
  high = static_cast<unsigned>(_mm_movemask_epi8(cur));
  const unsigned units = ~static_cast<unsigned>(_mm_movemask_epi8(same)) & 0xFFFFu;
  return high != 0 ? units & ((1u << __builtin_ctz(high)) - 1) : units;
}

// compact's 16-byte blocks from p + i (i > 0) while 16 bytes are left: their
// units appended at out[k], pos[k] (k advanced). Returns where it stopped: at
// the first byte >= 0x80, or with fewer than 16 bytes left. One unit a turn
// (a branch per byte mispredicted at most at run ends).
std::size_t compact_blocks(const unsigned char* p, std::size_t i, std::size_t n, UChar* out, std::uint32_t* pos,
                           std::size_t& k) {
  std::size_t kk = k;
  for (; n - i >= 16; i += 16) {
    const __m128i cur = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i prev = run_classes(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i - 1)));
    unsigned high;
    for (unsigned units = block_units(cur, run_classes(cur), prev, high); units != 0; units &= units - 1) {
      const std::size_t at = i + static_cast<std::size_t>(__builtin_ctz(units));
      out[kk] = p[at];
      pos[kk++] = static_cast<std::uint32_t>(at);
    }
    if (high != 0) {
      i += static_cast<std::size_t>(__builtin_ctz(high));
      break;
    }
  }
  k = kk;
  return i;
}

#if defined(__GNUC__)
// For 8 bits m: the indices of its set bits, lowest first (pshufb's selector),
// and their count.
struct SetBits {
  std::array<std::array<std::uint8_t, 8>, 256> index{};
  std::array<std::uint8_t, 256> count{};
};
constexpr SetBits kSetBits = [] {
  SetBits t{};
  for (unsigned m = 0; m < 256; ++m) {
    for (unsigned b = 0; b < 8; ++b) {
      if ((m >> b & 1) != 0) t.index[m][t.count[m]++] = static_cast<std::uint8_t>(b);
    }
  }
  return t;
}();

// compact_blocks with SSSE3's byte shuffles: each half block's units are
// gathered by one pshufb and stored 8 at a time (16 bits and 32 bits wide),
// past the last one too (overwritten next; k <= i, so the stores stay inside
// the copy's n + 1 units), instead of one turn per unit: a third of the
// instructions on news text.
__attribute__((target("ssse3"))) std::size_t compact_blocks_ssse3(const unsigned char* p, std::size_t i,
                                                                  std::size_t n, UChar* out, std::uint32_t* pos,
                                                                  std::size_t& k) {
  std::size_t kk = k;
  const __m128i zero = _mm_setzero_si128();
  // The classes of the block before, of which the next block reads the last
  // (palignr), not a second classification of 16 bytes one byte back.
  __m128i last = _mm_slli_si128(_mm_cvtsi32_si128(p[i - 1] < 0x80 ? kRunClass[p[i - 1]] : 0), 15);
  for (; n - i >= 16; i += 16) {
    const __m128i cur = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i cls = run_classes(cur);
    unsigned high;
    const unsigned units = block_units(cur, cls, _mm_alignr_epi8(cls, last, 15), high);
    last = cls;
    for (unsigned half = 0; half < 2; ++half) {
      const unsigned m = (units >> (8 * half)) & 0xFFu;
      const __m128i index = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(kSetBits.index[m].data()));
      const __m128i bytes = _mm_shuffle_epi8(half == 0 ? cur : _mm_srli_si128(cur, 8), index);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + kk), _mm_unpacklo_epi8(bytes, zero));
      const __m128i index16 = _mm_unpacklo_epi8(index, zero);
      const __m128i base = _mm_set1_epi32(static_cast<int>(i + 8 * half));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(pos + kk), _mm_add_epi32(_mm_unpacklo_epi16(index16, zero), base));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(pos + kk + 4), _mm_add_epi32(_mm_unpackhi_epi16(index16, zero), base));
      kk += kSetBits.count[m];
    }
    if (high != 0) {
      i += static_cast<std::size_t>(__builtin_ctz(high));
      break;
    }
  }
  k = kk;
  return i;
}

// compact_blocks_ssse3 32 bytes a turn with AVX2: the classes of 32 bytes at
// once, and each quarter's positions widened and stored by one instruction
// each (vpmovzxbd), not three unpacks and two stores; the last 16 to 31 bytes
// are left to compact_blocks_ssse3. Same output.
__attribute__((target("avx2"))) std::size_t compact_blocks_avx2(const unsigned char* p, std::size_t i, std::size_t n,
                                                                UChar* out, std::uint32_t* pos, std::size_t& k) {
  std::size_t kk = k;
  const __m256i zero = _mm256_setzero_si256();
  const __m256i a_shift = _mm256_set1_epi8(static_cast<char>(0x80 - 'a'));
  const __m256i d_shift = _mm256_set1_epi8(static_cast<char>(0x80 - '0'));
  const __m256i letters = _mm256_set1_epi8(static_cast<char>(-128 + 26));
  const __m256i digits = _mm256_set1_epi8(static_cast<char>(-128 + 10));
  // The classes of the 32 bytes before (only the last is read), as in compact_blocks_ssse3.
  __m256i last = _mm256_set1_epi8(static_cast<char>(p[i - 1] < 0x80 ? kRunClass[p[i - 1]] : 0));
  for (; n - i >= 32; i += 32) {
    const __m256i cur = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    // run_classes of 32 bytes.
    const __m256i letter = _mm256_cmpgt_epi8(letters, _mm256_add_epi8(_mm256_or_si256(cur, _mm256_set1_epi8(0x20)), a_shift));
    const __m256i digit = _mm256_cmpgt_epi8(digits, _mm256_add_epi8(cur, d_shift));
    const __m256i cls = _mm256_or_si256(_mm256_and_si256(letter, _mm256_set1_epi8(1)), _mm256_and_si256(digit, _mm256_set1_epi8(2)));
    // The classes one byte back: [last's high lane, cls's low lane] supplies the byte across lanes.
    const __m256i prev = _mm256_alignr_epi8(cls, _mm256_permute2x128_si256(last, cls, 0x21), 15);
    last = cls;
    const __m256i same = _mm256_andnot_si256(_mm256_cmpeq_epi8(cls, zero), _mm256_cmpeq_epi8(cls, prev));
    const auto high = static_cast<unsigned>(_mm256_movemask_epi8(cur));
    unsigned units = ~static_cast<unsigned>(_mm256_movemask_epi8(same));
    if (high != 0) units &= (1u << __builtin_ctz(high)) - 1;
    const __m128i lanes[2] = {_mm256_castsi256_si128(cur), _mm256_extracti128_si256(cur, 1)};
    __m256i base = _mm256_set1_epi32(static_cast<int>(i));  // the quarter's first byte, 8 more a quarter
    for (unsigned quarter = 0; quarter < 4; ++quarter, base = _mm256_add_epi32(base, _mm256_set1_epi32(8))) {
      const unsigned m = (units >> (8 * quarter)) & 0xFFu;
      const __m128i index = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(kSetBits.index[m].data()));
      const __m128i lane = lanes[quarter / 2];
      const __m128i bytes = _mm_shuffle_epi8(quarter % 2 == 0 ? lane : _mm_srli_si128(lane, 8), index);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + kk), _mm_cvtepu8_epi16(bytes));
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(pos + kk), _mm256_add_epi32(_mm256_cvtepu8_epi32(index), base));
      kk += kSetBits.count[m];
    }
    if (high != 0) {
      k = kk;
      return i + static_cast<std::size_t>(__builtin_ctz(high));
    }
  }
  k = kk;
  return n - i >= 16 ? compact_blocks_ssse3(p, i, n, out, pos, k) : i;
}

#endif

using CompactBlocks = std::size_t (*)(const unsigned char*, std::size_t, std::size_t, UChar*, std::uint32_t*,
                                      std::size_t&);
// compact_blocks_avx2 or compact_blocks_ssse3 where the CPU has them, else compact_blocks.
CompactBlocks compact_blocks_for_cpu() {
#if defined(__GNUC__)
  static const CompactBlocks blocks = __builtin_cpu_supports("avx2")    ? compact_blocks_avx2
                                      : __builtin_cpu_supports("ssse3") ? compact_blocks_ssse3
                                                                        : compact_blocks;
  return blocks;
#else
  return compact_blocks;
#endif
}

}  // namespace
#endif

bool Tokenizer::Impl::compact(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  if (word_text.size() < n + 1) {  // at most one unit per byte
    word_text.resize(n + 1);
    word_pos.resize(n + 1);
  }
  UChar* const out = word_text.data();
  std::uint32_t* const pos = word_pos.data();
  std::size_t k = 0, i = 0;
#if defined(__SSE2__)
  const CompactBlocks blocks = compact_blocks_for_cpu();
#endif
  while (i < n) {
#if defined(__SSE2__)
    if (i != 0 && n - i >= 16) {
      i = blocks(p, i, n, out, pos, k);
      if (i == n) break;
    }
#endif
    const unsigned char c = p[i];
    if (c < 0x80) {
      out[k] = c;
      pos[k++] = static_cast<std::uint32_t>(i++);
      const std::uint8_t cls = kRunClass[c];
      if (cls != 0) {
        while (i < n && p[i] < 0x80 && kRunClass[p[i]] == cls) ++i;
      }
      continue;
    }
    // A non-ASCII run [i, j), converted by ICU; a character's units take its
    // first byte's offset (a 4-byte one is a surrogate pair).
    const std::size_t k0 = k;
    std::size_t j = i;
    while (j < n && p[j] >= 0x80) {
      const std::size_t bytes = lead_length(p[j]);
      pos[k++] = static_cast<std::uint32_t>(j);
      if (bytes == 4) pos[k++] = static_cast<std::uint32_t>(j);
      j += bytes;
    }
    if (j > n) return false;
    int32_t length = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8Lenient(out + k0, static_cast<int32_t>(word_text.size() - k0), &length, text.data() + i,
                         static_cast<int32_t>(j - i), &st);
    if (U_FAILURE(st) || k0 + static_cast<std::size_t>(length) != k) return false;
    i = j;
  }
  pos[k] = static_cast<std::uint32_t>(n);
  word_text_size = k;
  return true;
}

std::size_t Tokenizer::Impl::find_word_ends(bool compacted) {
  UErrorCode st = U_ZERO_ERROR;
  const std::size_t size = compacted ? word_text_size : utf16_size;
  utext_openUChars(&whole, compacted ? word_text.data() : utf16.data(), static_cast<int64_t>(size), &st);
  check(st, "utext_openUChars");
  words->setText(&whole, st);
  check(st, "word setText");
  if (word_ends.size() < size + 1) word_ends.resize(size + 1);  // >= one boundary per unit
  icu::BreakIterator& it = *words;
  it.first();
  std::uint32_t* const first = word_ends.data();
  std::uint32_t* end = first;
  if (compacted) {
    const std::uint32_t* const pos = word_pos.data();
    for (int32_t b = it.next(); b != icu::BreakIterator::DONE; b = it.next()) *end++ = pos[static_cast<std::uint32_t>(b)];
  } else if (shifts.empty() && dense.empty()) {
    // ASCII (UTF-16 indices are byte offsets): a loop around the virtual
    // next() that keeps no other state.
    for (int32_t b = it.next(); b != icu::BreakIterator::DONE; b = it.next()) *end++ = static_cast<std::uint32_t>(b);
  } else if (dense.empty()) {
    // Each boundary is shifted as ICU returns it (a compare and an add beside
    // the call, the shift kept in a register), not in a second pass over the
    // stored boundaries.
    const auto* next = shifts.data();
    const auto* const last = next + shifts.size();
    std::uint32_t shift = 0, next_first = next->first;
    for (int32_t b = it.next(); b != icu::BreakIterator::DONE; b = it.next()) {
      const auto u = static_cast<std::uint32_t>(b);
      while (u >= next_first) {  // passed a non-ASCII character: its shift applies
        shift = next->second;
        next_first = ++next != last ? next->first : UINT32_MAX;
      }
      *end++ = u + shift;
    }
  } else {
    for (int32_t b = it.next(); b != icu::BreakIterator::DONE; b = it.next()) *end++ = dense[static_cast<std::uint32_t>(b)];
  }
  *end = 0;  // no segment ends at 0: the token loop's look-ahead may read it
  return static_cast<std::size_t>(end - first);
}

// ---------------------------------------------------------------------------
// Sentence boundaries without running ICU's sentence iterator over all the text.
//
// Under UAX #29 (ICU's sent.txt) a sentence boundary falls only after a
// paragraph separator (LF, CR, CRLF, NEL, U+2028, U+2029) or at the end of a
// terminator cluster: STerm/ATerm, Close*, Sp*. Whether it does depends on the
// character before an ATerm (SB7) and on what follows the cluster, up to the
// first letter, separator or terminator (SB6, SB8, SB8a). The abbreviation
// filter then reads back from the boundary (one space, then its backward trie)
// and, for partial matches such as "Ph." of "Ph.D.", forward.
// So ICU runs only on windows of the text around each terminator, wide enough
// for all of that context, with window edges where no rule can see across:
// - after a paragraph separator (always a boundary; no rule reads past one), or
// - between two "ordinary" characters (letters, digits, Other), which is never
//   a boundary and never inside a terminator cluster or its context.
// The boundaries ICU reports inside a window are those of a full iteration;
// the test "sentence windows equal full iteration" checks that on random text.
// Plain text between terminators, most of a document, is only scanned here.
namespace {

// Sentence_Break classes (USentenceBreak) grouped for the scan below.
constexpr unsigned kBit(int sb) { return 1u << sb; }
constexpr unsigned kTerm = kBit(U_SB_ATERM) | kBit(U_SB_STERM);
constexpr unsigned kPara = kBit(U_SB_LF) | kBit(U_SB_CR) | kBit(U_SB_SEP);
// Ends the look-ahead after a terminator cluster (SB8's NotLetters stop here).
constexpr unsigned kDecisive = kTerm | kPara | kBit(U_SB_OLETTER) | kBit(U_SB_UPPER) | kBit(U_SB_LOWER);
// Characters that are never part of a cluster: a window may begin or end between two.
constexpr unsigned kOrdinary = kBit(U_SB_OTHER) | kBit(U_SB_LOWER) | kBit(U_SB_UPPER) |
                               kBit(U_SB_OLETTER) | kBit(U_SB_NUMERIC);

const std::array<std::uint8_t, 128>& ascii_sentence_break() {
  static const std::array<std::uint8_t, 128> table = [] {
    std::array<std::uint8_t, 128> t{};
    for (UChar32 c = 0; c < 128; ++c) {
      t[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
    }
    return t;
  }();
  return table;
}

// The ASCII terminators and separators: . ! ? LF CR (ICU's Sentence_Break;
// the test "sentence windows ..." tries every ASCII character).
constexpr bool is_ascii_site(UChar c) { return c == u'.' || c == u'!' || c == u'?' || c == u'\n' || c == u'\r'; }
constexpr bool is_ascii_letter(UChar c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); }

#if defined(__SSE2__)
// 0xFF in each byte of `v` that is one of is_ascii_site's characters.
inline __m128i site_bytes(__m128i v) {
  __m128i site = _mm_cmpeq_epi8(v, _mm_set1_epi8('.'));
  site = _mm_or_si128(site, _mm_cmpeq_epi8(v, _mm_set1_epi8('!')));
  site = _mm_or_si128(site, _mm_cmpeq_epi8(v, _mm_set1_epi8('?')));
  site = _mm_or_si128(site, _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
  return _mm_or_si128(site, _mm_cmpeq_epi8(v, _mm_set1_epi8('\r')));
}
#endif

// Index of the first unit at or after i that may be a terminator or separator:
// an ASCII one or any non-ASCII unit; n if none.
int32_t find_site(const UChar* s, int32_t i, int32_t n) {
#if defined(__SSE2__)
  const __m128i high = _mm_set1_epi16(static_cast<short>(0xFF80));
  const __m128i zero = _mm_setzero_si128();
  // 16 units a time while all are ASCII (English news): packed to bytes, one
  // compare per site character covers both halves.
  for (; i + 16 <= n; i += 16) {
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + 8));
    if (_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_and_si128(_mm_or_si128(a, b), high), zero)) != 0xFFFF) break;
    const __m128i v = _mm_packus_epi16(a, b);  // no saturation: every unit is < 0x80
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(site_bytes(v)));
    if (mask != 0) return i + __builtin_ctz(mask);
  }
  for (; i + 8 <= n; i += 8) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    __m128i site = _mm_cmpeq_epi16(v, _mm_set1_epi16('.'));
    site = _mm_or_si128(site, _mm_cmpeq_epi16(v, _mm_set1_epi16('!')));
    site = _mm_or_si128(site, _mm_cmpeq_epi16(v, _mm_set1_epi16('?')));
    site = _mm_or_si128(site, _mm_cmpeq_epi16(v, _mm_set1_epi16('\n')));
    site = _mm_or_si128(site, _mm_cmpeq_epi16(v, _mm_set1_epi16('\r')));
    const __m128i ascii = _mm_cmpeq_epi16(_mm_and_si128(v, high), zero);
    const unsigned plain = static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(site, ascii)));
    if (plain != 0xFFFF) return i + (__builtin_ctz(~plain) >> 1);
  }
#endif
  for (; i < n; ++i) {
    if (s[i] >= 0x80 || is_ascii_site(s[i])) return i;
  }
  return n;
}

// find_site over a text's UTF-8 bytes when they index as its UTF-16 units do
// (one unit per byte: ASCII): 16 bytes a compare, without packing. Any byte
// >= 0x80 is returned too, as find_site returns any non-ASCII unit.
int32_t find_site_bytes_sse2(const unsigned char* p, int32_t i, int32_t n) {
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // v's own high bits mark the bytes of non-ASCII characters.
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(v, site_bytes(v))));
    if (mask != 0) return i + __builtin_ctz(mask);
  }
#endif
  for (; i < n; ++i) {
    if (p[i] >= 0x80 || is_ascii_site(p[i])) return i;
  }
  return n;
}

#if defined(__SSE2__) && defined(__GNUC__)
// find_site_bytes_sse2 32 bytes a turn (AVX2's three-operand compares need no
// copies of the constants either): a site is about every 45 bytes of news.
__attribute__((target("avx2"))) int32_t find_site_bytes_avx2(const unsigned char* p, int32_t i, int32_t n) {
  for (; i + 32 <= n; i += 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    __m256i site = _mm256_cmpeq_epi8(v, _mm256_set1_epi8('.'));
    site = _mm256_or_si256(site, _mm256_cmpeq_epi8(v, _mm256_set1_epi8('!')));
    site = _mm256_or_si256(site, _mm256_cmpeq_epi8(v, _mm256_set1_epi8('?')));
    site = _mm256_or_si256(site, _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\n')));
    site = _mm256_or_si256(site, _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\r')));
    const auto mask = static_cast<unsigned>(_mm256_movemask_epi8(_mm256_or_si256(v, site)));
    if (mask != 0) return i + __builtin_ctz(mask);
  }
  return find_site_bytes_sse2(p, i, n);
}
#endif

// find_site_bytes_avx2 where the CPU has AVX2, else find_site_bytes_sse2.
int32_t find_site_bytes(const unsigned char* p, int32_t i, int32_t n) {
#if defined(__SSE2__) && defined(__GNUC__)
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2) return find_site_bytes_avx2(p, i, n);
#endif
  return find_site_bytes_sse2(p, i, n);
}

// A UTF-16 text read by code points with their Sentence_Break class (Unit:
// UChar, or unsigned char for an ASCII text, whose bytes are its units).
template <class Unit>
struct SentenceText {
  const Unit* s;
  int32_t n;
  const std::array<std::uint8_t, 128>& ascii = ascii_sentence_break();

  // Class bit of the code point starting at i (< n); `len` gets its length in units.
  unsigned at(int32_t i, int32_t& len) const {
    UChar32 c = s[i];
    len = 1;
    if (c < 0x80) return kBit(ascii[static_cast<std::size_t>(c)]);
    if (U16_IS_LEAD(c) && i + 1 < n && U16_IS_TRAIL(s[i + 1])) {
      c = U16_GET_SUPPLEMENTARY(c, s[i + 1]);
      len = 2;
    }
    return kBit(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
  }
  // Class bit of the code point ending at i (> 0).
  unsigned before(int32_t i) const {
    int32_t j = i;
    U16_BACK_1(s, 0, j);
    int32_t len;
    return at(j, len);
  }
  bool inside_pair(int32_t p) const { return p > 0 && p < n && U16_IS_TRAIL(s[p]) && U16_IS_LEAD(s[p - 1]); }
  // p follows a paragraph separator (a boundary whatever comes next) or is the end.
  // (hard and clean are inlined: called at every window edge, mostly for
  // ASCII, where the call cost about as much as the test.)
  __attribute__((always_inline)) bool hard(int32_t p) const {
    if (p >= n) return true;
    if (p == 0 || inside_pair(p)) return false;
    const unsigned b = before(p);
    return (b & (kBit(U_SB_LF) | kBit(U_SB_SEP))) != 0 || (b == kBit(U_SB_CR) && s[p] != u'\n');
  }
  // A window may begin or end at p.
  __attribute__((always_inline)) bool clean(int32_t p) const {
    if (p <= 0 || p >= n) return true;
    if ((s[p - 1] | s[p]) < 0x80) {  // ASCII, without ICU calls
      const unsigned b = kBit(ascii[s[p - 1]]);
      if (b == kBit(U_SB_LF) || b == kBit(U_SB_CR)) return s[p] != u'\n' || b == kBit(U_SB_LF);
      return (b & kOrdinary) != 0 && (kBit(ascii[s[p]]) & kOrdinary) != 0;
    }
    if (hard(p)) return true;
    if (inside_pair(p)) return false;
    int32_t len;
    return (before(p) & kOrdinary) != 0 && (at(p, len) & kOrdinary) != 0;
  }
};

}  // namespace

Tokenizer::Impl::FilterReach Tokenizer::Impl::filter_reach_of(const std::vector<std::string>& ours) {
  // ICU's English suppressions, read as FilteredBreakIteratorBuilder reads them.
  FilterReach r;
  std::vector<std::string> all(ours);
  UErrorCode st = U_ZERO_ERROR;
  UResourceBundle* bundle = ures_open(U_ICUDATA_NAME "-brkitr", "en", &st);
  UResourceBundle* exceptions = ures_getByKey(bundle, "exceptions", nullptr, &st);
  UResourceBundle* list = ures_getByKey(exceptions, "SentenceBreak", nullptr, &st);
  for (int32_t k = 0; U_SUCCESS(st) && k < ures_getSize(list); ++k) {
    int32_t len = 0;
    const UChar* u = ures_getStringByIndex(list, k, &len, &st);
    if (U_SUCCESS(st)) icu::UnicodeString(u, len).toUTF8String(all.emplace_back());
  }
  ures_close(list);
  ures_close(exceptions);
  ures_close(bundle);
  if (U_FAILURE(st)) return r;  // unknown: the default, wide and general
  r.longest = 0;
  r.ascii_periods = true;
  for (const std::string& a : all) {
    r.longest = std::max(r.longest, static_cast<int32_t>(a.size()));  // bytes >= UTF-16 units
    const bool letters = std::all_of(a.begin(), a.end(), [](char c) { return c == '.' || is_ascii_letter(static_cast<unsigned char>(c)); });
    r.ascii_periods = r.ascii_periods && letters && !a.empty() && a.back() == '.';
  }
  if (!r.ascii_periods || r.longest > 8) return r;
  std::vector<std::uint64_t> keys;
  for (const std::string& a : all) {
    for (std::size_t end = a.find('.'); end != std::string::npos; end = a.find('.', end + 1)) {
      std::uint64_t key = 0;
      for (int length = 0; length <= static_cast<int>(end); ++length) {
        key = suffix_key(key, length, static_cast<unsigned char>(a[end - static_cast<std::size_t>(length)]));
        keys.push_back(key);
      }
    }
  }
  // At most a quarter full: lookups that fail, most of them, end soon.
  r.suffixes.assign(std::bit_ceil(4 * keys.size()), 0);
  const std::size_t mask = r.suffixes.size() - 1;
  for (const std::uint64_t key : keys) {
    std::size_t k = FilterReach::suffix_slot(key, mask);
    while (r.suffixes[k] != 0 && r.suffixes[k] != key) k = (k + 1) & mask;
    r.suffixes[k] = key;
  }
  return r;
}

// Windows start and end at clean places (SentenceText::clean): between two
// ordinary characters, or after a paragraph separator. No rule reads across
// one, so what ICU finds in a window does not depend on the text around it, be
// it the window's real neighbours, the start or end of the text, or another
// window's edge. Hence windows are queued end to end and ICU reads them in
// one pass; only a window starting at the text's start or after a separator,
// which would then follow an ordinary character, begins a new batch (unless
// it continues the previous window).
template <class Unit>
void Tokenizer::Impl::add_window(const Unit* s, int32_t begin, int32_t end, bool fresh, bool keep_end) {
  if (!pieces.empty() && pieces.back().end == begin) {  // the text goes on
    pieces.back().end = end;
    pieces.back().keep_end = keep_end;
  } else {
    if (fresh) run_batch();
    pieces.push_back({static_cast<int32_t>(batch.size()), begin, end, keep_end});
  }
  batch.insert(batch.end(), s + begin, s + end);
}

void Tokenizer::Impl::run_batch() {
  if (pieces.empty()) return;
  // A read-only alias of the batch: setText(UnicodeString) opens ICU's UText
  // over it in place, where setText(UText*) would clone one.
  window_text.setTo(false, batch.data(), static_cast<int32_t>(batch.size()));
  sentences->setText(window_text);  // also moves to the first boundary
  const Piece* p = pieces.data();
  for (int32_t b = sentences->next(); b != icu::BreakIterator::DONE; b = sentences->next()) {
    while (b > p->at + (p->end - p->begin)) ++p;  // b in (p->at, its end]
    const int32_t at = p->begin + (b - p->at);
    // A window's end is a boundary in the text only if it is hard (ICU reports
    // the batch's end, and no other unless it follows a separator).
    if (at == p->end && !p->keep_end) continue;
    sentence_ends.push_back(at);
  }
  pieces.clear();
  batch.clear();
}

void Tokenizer::Impl::find_sentence_ends(const UChar* s, int32_t n, bool full_scan, const unsigned char* bytes) {
  sentence_ends.clear();
  separator_ends.clear();
  // Empty unless the previous search threw (bad_alloc) with windows queued:
  // they must not join this text's batch.
  pieces.clear();
  batch.clear();
  if (n == 0) return;
  if (full_scan) {
    UErrorCode st = U_ZERO_ERROR;
    utext_openUChars(&window, s, n, &st);
    check(st, "utext_openUChars");
    sentences->setText(&window, st);
    check(st, "sentence setText");
    for (int32_t b = sentences->next(); b != icu::BreakIterator::DONE; b = sentences->next()) {
      sentence_ends.push_back(b);
    }
    drop_breaks_after_initialisms(s, n);
    return;
  }
  find_sentence_windows(s, n, bytes);
}

void Tokenizer::Impl::find_ascii_sentence_ends(const unsigned char* s, int32_t n) {
  sentence_ends.clear();
  separator_ends.clear();
  pieces.clear();  // as in find_sentence_ends
  batch.clear();
  if (n != 0) find_sentence_windows(s, n, s);
}

template <class Unit>
void Tokenizer::Impl::find_sentence_windows(const Unit* s, int32_t n, const unsigned char* bytes) {
  const SentenceText<Unit> t{s, n};
  const int32_t far = reach.longest + 2;  // code points
  int32_t win_begin = -1, win_end = -1;  // the open window, if win_begin >= 0
  int32_t floor = 0;  // no window starts before this (the end of the last one)
  int32_t scanned_from = 1, scanned_to = 0;  // the last scan for a clean place (none yet)
  auto flush = [&] {
    if (win_begin < 0) return;
    add_window(s, win_begin, win_end, win_begin == 0 || t.hard(win_begin), t.hard(win_end));
    floor = win_end;
    win_begin = -1;
  };
  const auto next_site = [&](int32_t from) {
    if constexpr (std::is_same_v<Unit, UChar>) {
      return bytes != nullptr ? find_site_bytes(bytes, from, n) : find_site(s, from, n);
    } else {
      return find_site_bytes(bytes, from, n);
    }
  };
  for (int32_t i = next_site(0); i < n; i = next_site(i)) {
    int32_t len;
    const unsigned cls = t.at(i, len);
    if ((cls & (kTerm | kPara)) == 0) {  // other non-ASCII
      i += len;
      continue;
    }
    if ((cls & kPara) != 0) {
      int32_t end = i + len;
      if (cls == kBit(U_SB_CR) && end < n && s[end] == u'\n') ++end;
      if (win_begin < 0 || i >= win_end) {  // outside any window: a boundary of its own
        flush();
        separator_ends.push_back(end);
        floor = end;
      }
      i = end;
      continue;
    }
    // A period between ASCII digits or letters ("3.5", "U.S" before the last
    // period) ends no sentence: SB6 (ATerm Numeric), SB7 (Upper|Lower ATerm Upper).
    if (s[i] == u'.' && i + 1 < n) {
      const UChar next = s[i + 1];
      if ((next >= u'0' && next <= u'9') ||
          (next >= u'A' && next <= u'Z' && i > 0 && is_ascii_letter(s[i - 1]))) {
        ++i;
        continue;
      }
    }
    // The cluster and SB8's look-ahead: up to the first decisive character.
    int32_t d = i + len, dlen = 0;
    unsigned dcls = 0;
    while (d < n && ((dcls = t.at(d, dlen)) & kDecisive) == 0) d += dlen;
    // SB8: an ATerm whose look-ahead ends in a lower-case letter ends no
    // sentence ("e.g. the", "5 p.m. local"). Inside a window, ICU must still
    // see that letter (the ATerm may continue another terminator's cluster).
    if (cls == kBit(U_SB_ATERM) && d < n && dcls == kBit(U_SB_LOWER)) {
      if (win_begin >= 0 && i < win_end && win_end < d + dlen) {
        win_end = d + dlen;
        while (!t.clean(win_end)) U16_FWD_1(s, win_end, n);
      }
      i = d;
      continue;
    }
    // Forward: SB8's look-ahead up to the decisive character, and the
    // filter's partial matches ("Ph." of "Ph.D.": its forward trie reads on
    // from the abbreviation's start), but not past a paragraph separator (the
    // window may end after one; the next separator is left outside, a
    // boundary found without ICU).
    int32_t hi = d;
    if (reach.ascii_periods) {
      // The forward trie reads only letters and periods, and one more
      // character to fail: past the terminator, no further than that. (Most
      // sentence ends: the window stops after the next word's first letter,
      // not `far` characters on; ICU's cost grows with the window's length.)
      if (hi < n) U16_FWD_1(s, hi, n);
      int32_t f = i + len;
      for (int32_t k = 0; k < reach.longest && f < n && (s[f] == u'.' || is_ascii_letter(s[f])); ++k) ++f;
      if (f < n) U16_FWD_1(s, f, n);
      hi = std::max(hi, f);
    } else {
      for (int32_t k = 0; k <= far && hi < n; ++k) {
        int32_t l;
        const unsigned c = s[hi] < 0x80 && !is_ascii_site(s[hi]) ? 0 : t.at(hi, l);
        U16_FWD_1(s, hi, n);
        if ((c & kPara) != 0) {
          if (c == kBit(U_SB_CR) && hi < n && s[hi] == u'\n') ++hi;
          break;
        }
      }
    }
    // On to a clean place. Text without one for long ("....", "\"A.\" \"A.\"
    // ...": no two ordinary characters in a row) would make this scan
    // quadratic, every terminator reading to the same far clean place: a scan
    // is not repeated from an hi that an earlier one passed over.
    if (hi >= scanned_from && hi <= scanned_to) {
      hi = scanned_to;  // [scanned_from, scanned_to) holds no clean place
    } else {
      scanned_from = hi;
      while (!t.clean(hi)) U16_FWD_1(s, hi, n);
      scanned_to = hi;
    }
    // Back: SB7's character before the terminator, and the filter's backward
    // trie. When every abbreviation is ASCII letters and periods ending in '.',
    // the trie reads past this terminator only if it is a '.', then only while
    // the text read is the end of some abbreviation (reach.suffixes: "said."
    // stops at the 'i' of "id."), and reads one more character to fail.
    int32_t lo = i;
    if (reach.ascii_periods) {
      if (s[i] == u'.') {
        if (!reach.suffixes.empty()) {
          std::uint64_t key = '.';
          for (int length = 1; length < reach.longest && lo > floor && s[lo - 1] < 0x80; ++length) {
            key = Impl::suffix_key(key, length, static_cast<unsigned char>(s[lo - 1]));
            if (!reach.has_suffix(key)) break;
            --lo;
          }
        } else {
          for (int32_t k = 0; k < reach.longest && lo > floor && (s[lo - 1] == u'.' || is_ascii_letter(s[lo - 1])); ++k) --lo;
        }
      }
      if (lo > floor) U16_BACK_1(s, floor, lo);
    } else {
      for (int32_t k = 0; k < far && lo > floor; ++k) U16_BACK_1(s, floor, lo);
    }
    if (win_begin >= 0 && lo <= win_end) {
      while (lo > floor && lo < win_begin && !t.clean(lo)) U16_BACK_1(s, floor, lo);
      win_begin = std::min(win_begin, lo);
      win_end = std::max(win_end, hi);
    } else {
      flush();
      while (lo > floor && !t.clean(lo)) U16_BACK_1(s, floor, lo);
      win_begin = lo;
      win_end = hi;
    }
    i = d;  // a letter, or the next terminator or separator
  }
  flush();
  run_batch();
  if (!separator_ends.empty()) {
    merged_ends.resize(sentence_ends.size() + separator_ends.size());
    std::merge(sentence_ends.begin(), sentence_ends.end(), separator_ends.begin(), separator_ends.end(), merged_ends.begin());
    sentence_ends.swap(merged_ends);
  }
  if (sentence_ends.empty() || sentence_ends.back() != n) sentence_ends.push_back(n);
  drop_breaks_after_initialisms(s, n);
}

// Drops a boundary that follows one of `initialisms` and spaces, as the filter
// would for "Mr." ("The U.S. Senate met" is one sentence). The text's end stays.
template <class Unit>
void Tokenizer::Impl::drop_breaks_after_initialisms(const Unit* s, int32_t n) {
  std::size_t kept = 0;
  for (const int32_t b : sentence_ends) {
    int32_t e = b;
    while (e > 0 && s[e - 1] == u' ') --e;
    bool drop = false;
    if (b < n && e < b && e >= 2 && s[e - 1] == u'.' && s[e - 2] != u'.' &&
        (s[e - 2] >= 0x80 || initialism_penults[s[e - 2]])) {
      for (const std::u16string& a : initialisms) {
        const auto len = static_cast<int32_t>(a.size());
        if (e >= len && std::equal(a.begin(), a.end(), s + e - len) &&
            (e == len || !u_isalpha(static_cast<UChar32>(s[e - len - 1])))) {
          drop = true;
          break;
        }
      }
    }
    if (!drop) sentence_ends[kept++] = b;
  }
  sentence_ends.resize(kept);
}

bool Tokenizer::uses_sentence_windows() const { return impl_->windows_ok; }

std::vector<std::uint32_t> Tokenizer::word_boundaries(std::string_view text, bool whole_text) {
  Impl& im = *impl_;
  if (text.empty()) return {};
  im.convert(text);
  const std::size_t count = im.find_word_ends(!whole_text && im.dense.empty() && im.compact(text));
  return {im.word_ends.begin(), im.word_ends.begin() + static_cast<std::ptrdiff_t>(count)};
}

bool Tokenizer::uses_compact_words() const { return impl_->compact_ok; }

std::vector<std::int32_t> Tokenizer::sentence_ends(std::u16string_view text, bool full_scan) {
  impl_->find_sentence_ends(text.data(), static_cast<int32_t>(text.size()), full_scan);
  return impl_->sentence_ends;
}

Tokenizer::Tokenizer() : impl_(std::make_unique<Impl>()) {
  // (A compiler with another bit-field order would need other kTail* constants.)
  if (!tail_layout_ok()) throw std::runtime_error("Token layout differs from the tokenizer's kTail* constants");
  UErrorCode st = U_ZERO_ERROR;
  impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), st));
  check(st, "word break iterator");
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(icu::Locale::getEnglish(), st));
  check(st, "sentence break filter");
  for (const char* abbr : kNoBreakAfter) {
    builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbr), st);
    st = U_ZERO_ERROR;  // "already present" is not an error for us
  }
  auto* base = icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), st);
  check(st, "sentence break iterator");
  impl_->sentences.reset(builder->wrapIteratorWithFilter(base, st));
  check(st, "filtered sentence break iterator");
  impl_->reach = Impl::filter_reach_of(std::vector<std::string>(std::begin(kNoBreakAfter), std::end(kNoBreakAfter)));
  for (const char* abbr : kNoBreakAfter) {
    const std::string_view a(abbr);
    if (a.find('.') + 1 < a.size()) {
      const icu::UnicodeString u = icu::UnicodeString::fromUTF8(a);
      const std::u16string& added = impl_->initialisms.emplace_back(u.getBuffer(), static_cast<std::size_t>(u.length()));
      if (added.size() >= 2 && added[added.size() - 2] < 0x80) impl_->initialism_penults[added[added.size() - 2]] = true;
    }
  }
  // The windowed search relies on ICU's sentence rules (UAX #29 SB4-SB11) and
  // on how its abbreviation filter reads around a break. Checked once here, on
  // text with each case it depends on (about 0.1 ms), against a full pass.
  static constexpr char16_t kProbe[] =
      u"Mr. Smith met Dr. Jones at 3.5 p.m. in the U.S. on Jan. 5. \"Why?\" he asked. (Really!) "
      u"See e.g. the report... It said: no. Ph.D. students came. U.S. forces left.\nNEW LINE\r\n"
      u"x.Y and 1.2.3 vs. A.B.C. Co. Ltd. closed.\u2029Next \u201cquote.\u201d Then\u3002\u4e2d\u6587"
      u"\uff01End?! \u2014 ok.\u00a0Ok. \U0001F600 Emoji. a.b. c";
  const std::u16string_view probe(kProbe);
  impl_->windows_ok = sentence_ends(probe, false) == sentence_ends(probe, true);
  // The compact word text relies on ICU's word rules (UAX #29 WB5-WB13b):
  // checked once here on letters and digits next to every class those rules
  // name, against a pass over the whole text. (No Han, Hiragana, Katakana or
  // Thai: the first of those in a text makes ICU load its dictionary break
  // engine, 8 M of the start-up's 58 M instructions; the unit tests cover
  // them next to ASCII runs.)
  static constexpr std::string_view kWordProbe =
      "can't won\u2019t O'Neil 3.5 1,000,000 3:30 U.S. e.g. ab.cd a:b a.5 5.a x1y2 2x A_b __init__ 3_000 "
      "e-mail 2-1 M&A AT&T #1 @user a/b http://x.y/z?q=1 x\u0301y Zu\u0308rich Z\u00fcrich caf\u00e9s "
      "\u05e9\u05dc\u05d5\u05dd a\u05d0' \u05d0\"\u05d1 \u03b1\u03b2A1 \u0436abc "
      "\U0001F1FA\U0001F1F8a \U0001F600a \U0001F468\u200D\U0001F469 a\u200Db a\u00ADb 1\u066B2 "
      "\t\tx  y\r\nz\u00a0w\u2028v a\u2019s ''a'' \"a\" (a) [1] a,b 1,b a;b 1;2 a.b.c. 12.34.56 .5 a. 5.";
  impl_->compact_ok = word_boundaries(kWordProbe, false) == word_boundaries(kWordProbe, true);
}

Tokenizer::~Tokenizer() = default;

Tokenizer::Tokenizer(const Tokenizer& other) : impl_(std::make_unique<Impl>()) {
  impl_->words.reset(other.impl_->words->clone());
  impl_->sentences.reset(other.impl_->sentences->clone());
  impl_->reach = other.impl_->reach;
  impl_->initialisms = other.impl_->initialisms;
  impl_->initialism_penults = other.impl_->initialism_penults;
  impl_->windows_ok = other.impl_->windows_ok;
  impl_->compact_ok = other.impl_->compact_ok;
}

// Writes the token [b, e) with its hashes and tail (shape and flags).
__attribute__((always_inline)) inline void Tokenizer::Impl::write_token(TokenLoop& st, const TokenText& tx,
                                                                        std::uint32_t b, std::uint32_t e,
                                                                        std::uint32_t fold_begin, std::uint32_t fold_size,
                                                                        std::uint64_t fold_hash,
                                                                        std::uint64_t surface_hash, std::uint64_t tail) {
  // Sentence k + 1 begins at sentences[k].end; the last sentence ends at the
  // text's end, after every token, so the loop stops there by itself (no
  // count to keep in a register).
  if (b >= st.next_sentence) {
    auto sentence = static_cast<std::uint32_t>((st.pending & sentence_tail(~0u)) >> kSentenceShift);
    do st.next_sentence = tx.sentences[++sentence].end;
    while (st.next_sentence <= b);
    st.pending = (st.pending & ~sentence_tail(~0u)) | sentence_tail(sentence) | kTailStart;
  }
  std::uint64_t bits = (tail & ~(sentence_tail(~0u) | kTailStart)) | st.pending;
  if ((bits & kTailStart) != 0) {  // no word yet in the sentence: this one starts it
    bits = (bits & ~kTailStart) | (tail & kTailStart);
    st.pending &= ~(tail & kTailStart);
  }
  Token* const t = st.out++;
  t->span = {b, e};
  t->fold_begin = fold_begin;
  t->fold_size = fold_size;
  t->fold_hash = fold_hash;
  t->surface_hash = surface_hash;
  store_tail(t, bits);
  st.pending &= sentence_tail(~0u) | kTailStart;  // the white space was this token's
}

// kLowBytes[n]: the low n bytes of a word set (a load, not a variable shift);
// for n from 9 to 15 all of them (the look-ahead request below indexes it
// with a size's low four bits).
constexpr std::array<std::uint64_t, 16> kLowBytes = [] {
  std::array<std::uint64_t, 16> t{};
  for (unsigned n = 1; n < 16; ++n) t[n] = ~std::uint64_t{0} >> (64 - 8 * std::min(n, 8u));
  return t;
}();

// A short token (1 to 8 bytes): its bytes as one word (read 8 bytes, keep
// `size`; the text must hold 8 from b, which !kChecked takes as known), and
// its slot in short_cache. (Never empty: the mask's shift would be 64.)
template <bool kChecked>
__attribute__((always_inline)) inline Tokenizer::Impl::ShortKey Tokenizer::Impl::short_key(const TokenText& tx,
                                                                                          std::uint32_t b,
                                                                                          std::uint32_t e) {
  const std::uint32_t size = e - b;
  if constexpr (std::endian::native == std::endian::little) {
    if (size - 1 < 8 && (!kChecked || b + 8 <= tx.size)) {
      std::uint64_t bytes;
      std::memcpy(&bytes, tx.p + b, 8);
      bytes &= kLowBytes[size];
      return {&tx.short_cache[short_slot(bytes, size)], bytes};
    }
  }
  return {nullptr, 0};
}

// An ASCII token: its analysis from short_cache (`key`, short_key's for [b, e))
// or one pass over its bytes; its folded form is at its own offsets. Returns
// false, writing nothing, for a token that is not ASCII (`hash` then holds a
// hash of its bytes). No call.
__attribute__((always_inline)) inline bool Tokenizer::Impl::push_ascii(TokenLoop& st, const TokenText& tx, std::uint32_t b,
                                                                       std::uint32_t e, std::uint64_t& hash,
                                                                       ShortKey key) {
  const std::uint32_t size = e - b;
  ShortToken* const slot = key.slot;
  if (slot != nullptr && slot->holds(key.bytes, size)) {
    write_token(st, tx, b, e, b, size, slot->hash, slot->surface_hash, slot->tail);
    return true;
  }
  std::uint64_t surface_hash;
  Shape shape;
  bool alnum_run;
  if (!analyze_ascii_token(std::string_view(reinterpret_cast<const char*>(tx.p) + b, size), shape, hash, surface_hash,
                           alnum_run)) {
    return false;
  }
  // Only a token that is a whole segment's one token when it stands alone (not
  // white space, nothing to split: "'s" and "Kono" of "Kono's", not "a's" of
  // "a's's") gets a slot: ascii_segments then takes a segment that hits the
  // cache for such a token without those tests.
  if (slot != nullptr && !may_be_space(tx.p[b]) && possessive_cut(tx.p, b, e) == e) {
    *slot = {key.bytes, hash, surface_hash, tail_of(size, shape, alnum_run)};
  }
  write_token(st, tx, b, e, b, size, hash, surface_hash, tail_of(0, shape, alnum_run));
  return true;
}

// Split a possessive "'s" / "’s" (U+2019: E2 80 99) off a word ("Kono's" ->
// "Kono" "'s") so that names match without it; "McDonald's" in a gazetteer
// is split the same way. Both need a character before the apostrophe.
// Returns where the first token ends (e: no possessive).
__attribute__((always_inline)) inline std::uint32_t Tokenizer::Impl::possessive_cut(const unsigned char* p, std::uint32_t b,
                                                                                    std::uint32_t e) {
  if (e - b >= 3 && (p[e - 1] | 0x20) == 's') {
    if (p[e - 2] == '\'') return e - 2;
    if (p[e - 2] == 0x99 && e - b >= 5 && p[e - 3] == 0x80 && p[e - 4] == 0xE2) return e - 4;
  }
  return e;
}

// The segments from st.w on that need no call: ASCII tokens and single
// spaces. Returns at the end; when the room left may not do for another
// turn, before reading the segment at st.w (st.e is then the boundary before
// it, not *st.w); or at a segment [b, e) that starts with a byte that may be
// white space, holds a token that is not ASCII or a possessive to split,
// st.w pointing at e.
__attribute__((noinline)) Tokenizer::Impl::TokenLoop Tokenizer::Impl::ascii_segments(TokenLoop st, TokenText tx,
                                                                                     const std::uint32_t* end) {
  // A turn reads one segment or more and writes at most one token (a
  // possessive's two are left to tokenize), so the room left bounds the turns
  // by the boundaries they start at: one compare a turn, not two.
  const std::uint32_t* const stop = st.w + std::clamp<std::ptrdiff_t>(tx.out_limit - st.out, 0, end - st.w);
  // All but a document's last few turns go without the tests of the end
  // (about a tenth of a turn's instructions).
  if (segment_turns<false>(st, tx, end, std::min(stop, tx.unchecked_end))) return st;
  segment_turns<true>(st, tx, end, stop);
  return st;
}

template <bool kChecked>
__attribute__((always_inline)) inline bool Tokenizer::Impl::segment_turns(TokenLoop& st, const TokenText& tx,
                                                                          const std::uint32_t* end,
                                                                          const std::uint32_t* stop) {
  std::uint64_t hash;
  for (; st.w < stop; ++st.w) {
    // The cache slot of the segment kShortAhead on is requested now: on real
    // news text the slot read below was the loop's stall (a wide vocabulary
    // leaves many slots out of L1). (The loop's share of perf samples on real
    // news: requested 8 segments ahead 9.0%, 20 ahead 8.2%, 32 ahead 8.8%.)
    if constexpr (kChecked) {
      if (st.w + kShortAhead < end) __builtin_prefetch(short_key(tx, st.w[kShortAhead - 1], st.w[kShortAhead]).slot);
    } else {
      // (Without the test of the length: a longer token's request, for a
      // slot it never reads, costs less than a branch mispredicted on it.
      // Its slot is any, from the size's low four bits: a mask, not a clamp
      // to 8.)
      const std::uint32_t b = st.w[kShortAhead - 1], size = (st.w[kShortAhead] - b) % kLowBytes.size();
      std::uint64_t bytes;
      std::memcpy(&bytes, tx.p + b, 8);
      __builtin_prefetch(&tx.short_cache[short_slot(bytes & kLowBytes[size], size)]);
    }
    st.b = st.e;
    st.e = *st.w;
    // Most segments are short words seen before. The cache holds only tokens
    // that are a segment's one token (push_ascii), so a hit needs neither the
    // white space nor the possessive test.
    const ShortKey key = short_key<kChecked>(tx, st.b, st.e);
    if (key.slot != nullptr && key.slot->holds(key.bytes, st.e - st.b)) {
      write_token(st, tx, st.b, st.e, st.b, st.e - st.b, key.slot->hash, key.slot->surface_hash, key.slot->tail);
    } else {
      // Most other segments start with an ASCII byte that is neither white
      // space nor a control character: tokens.
      if (may_be_space(tx.p[st.b])) {
        if (st.e - st.b == 1 && tx.p[st.b] == ' ') {  // a single space, every other segment of prose
          st.pending |= kTailSpace;
          continue;
        }
        if (st.e - st.b == 1 && tx.p[st.b] == '\n') {  // a line break alone (White_Space), as in tokenize
          st.pending |= kTailSpace | kTailNewline;
          continue;
        }
        return true;
      }
      // A possessive to split (about one segment in a hundred) is left to
      // tokenize: with two more inlined copies of push_ascii here, GCC kept
      // the loop's state on the stack (stored and reloaded every turn).
      if (possessive_cut(tx.p, st.b, st.e) != st.e) return true;
      if (!push_ascii(st, tx, st.b, st.e, hash, key)) return true;
    }
    // The single space that follows most words is taken here, without a turn
    // of the loop. (word_ends holds a 0 after its last boundary; a one-byte
    // segment next means st.e is inside the text.)
    if (st.w[1] == st.e + 1 && tx.p[st.e] == ' ') {
      ++st.w;
      ++st.e;
      st.pending |= kTailSpace;
    }
  }
  return false;
}

// The most tokens a reused TokenizedText keeps room for beyond 16 times a
// document's expected count (2.6 MB: a 260 KB text's).
constexpr std::size_t kKeptTokens = std::size_t{1} << 16;

TokenizedText Tokenizer::tokenize(std::string_view text) {
  TokenizedText out;
  tokenize(text, out);
  return out;
}

void Tokenizer::tokenize(std::string_view text, TokenizedText& out) {
  out.text = text;
  out.sentences.clear();
  // Only the tokens and the folded forms are kept: those written for earlier
  // documents are overwritten below (their sizes are set below).
  if (text.empty()) {
    out.tokens.clear();
    out.folded.clear();
    out.ascii = true;
    return;
  }
  Impl& im = *impl_;
  const auto* const bytes = reinterpret_cast<const unsigned char*>(text.data());
  // An ASCII text needs no UTF-16 copy: the word iterator reads the compact
  // copy, and the sentence search the bytes (find_ascii_sentence_ends).
  const bool ascii_as_is = im.windows_ok && im.compact_ok && all_ascii(text);
  if (ascii_as_is) {
    im.shifts.clear();  // UTF-16 indices are byte offsets
    im.dense.clear();
    im.text_ascii = true;
  } else {
    im.convert(text);
  }
  out.ascii = im.text_ascii;
  // Sentences first, so each token can record its sentence index.
  // One unit per byte: the scan for terminators may read the bytes.
  const bool unit_per_byte = ascii_as_is || im.utf16_size == text.size();
  if (ascii_as_is) {
    im.find_ascii_sentence_ends(bytes, static_cast<int32_t>(text.size()));
  } else {
    im.find_sentence_ends(im.utf16.data(), static_cast<int32_t>(im.utf16_size), !im.windows_ok,
                          unit_per_byte ? bytes : nullptr);
  }
  Impl::OffsetCursor sentence_offset(im);
  out.sentences.reserve(im.sentence_ends.size());
  for (const int32_t e : im.sentence_ends) {
    const std::uint32_t begin = out.sentences.empty() ? 0 : out.sentences.back().end;
    out.sentences.push_back({begin, sentence_offset(e)});
  }

  // (Ill-formed text, which the pipeline repairs first, is mapped densely and
  // read by ICU whole.)
  const bool compacted = im.compact_ok && im.dense.empty() && im.compact(text);
  if (!compacted && ascii_as_is) im.convert(text);  // (compact fails only on non-ASCII runs: never here)
  const std::size_t boundary_count = im.find_word_ends(compacted);
  // Real news has 0.204 tokens a byte (the first 3 MB of realtext): with a
  // fifth, most documents outgrew the reservation (a reallocation and copy).
  // A reused vector too small is replaced, not grown (its tokens would be
  // copied); so is one far larger than needed (after a long text), so that a
  // TokenizedText kept per thread does not hold its largest document's tokens.
  const std::size_t expected_tokens = text.size() / 4 + 2;
  if (out.tokens.capacity() < expected_tokens || out.tokens.capacity() > std::max(16 * expected_tokens, kKeptTokens)) {
    std::vector<Token>().swap(out.tokens);
    out.tokens.reserve(expected_tokens);
  }
  // Folded forms: the text with its ASCII capitals lowered, in one pass, so an
  // ASCII token's folded form is at its own offsets; a non-ASCII token's (ICU,
  // its length may change) is appended after the text's size.
  // Room for them up front when the text has non-ASCII characters: appended to
  // a string of exactly the text's size, they reallocated and copied it (about
  // twice per document). Non-ASCII tokens take at most the text's bytes, and
  // their folds about as many.
  std::string& folded = out.folded;
  // (Resized from the previous document's forms, not from empty: resize
  // zero-fills only what it adds, and lower_ascii overwrites it all.)
  if (!unit_per_byte) folded.reserve(2 * text.size());
  folded.resize(text.size());
  lower_ascii(text.data(), text.size(), folded.data());

  std::vector<Token>& tokens = out.tokens;
  const std::uint32_t* const word_ends_end = im.word_ends.data() + boundary_count;
  // The first segment that starts within 8 bytes of the end (the segment at
  // w starts at w[-1]), and kShortAhead before it.
  const std::uint32_t* near_end = word_ends_end;
  while (near_end - 1 > im.word_ends.data() && near_end[-2] + 8 > text.size()) --near_end;
  if (near_end - 1 == im.word_ends.data() && text.size() < 8) near_end = im.word_ends.data();
  Impl::TokenText tx{reinterpret_cast<const unsigned char*>(text.data()),
                     static_cast<std::uint32_t>(text.size()),
                     out.sentences.data(),
                     im.short_cache.data(),
                     nullptr,
                     near_end - im.word_ends.data() > Impl::kShortAhead ? near_end - Impl::kShortAhead : im.word_ends.data()};
  const auto* const p = tx.p;
  Impl::TokenLoop st{im.word_ends.data(), 0, 0, tokens.data(), tx.sentences[0].end, sentence_tail(0) | kTailStart};
  // Makes room for the loop: the tokens already constructed (a reused
  // vector's), else the next kTokenChunk tokens constructed (default values)
  // to overwrite, up to the expected count (a reused vector's capacity may be
  // far larger) and the capacity; past it, room for two (the vector then
  // reallocates, doubling). The loop stops with fewer than two left.
  const auto grow = [&] {
    const auto used = static_cast<std::size_t>(st.out - tokens.data());
    std::size_t size = used + Impl::kTokenChunk;
    if (used < expected_tokens) size = std::max(std::min(size, expected_tokens), used + 2);
    if (size > tokens.capacity()) size = std::max(tokens.capacity(), used + 2);
    if (tokens.size() < used + 2) tokens.resize(size);
    st.out = tokens.data() + used;
    tx.out_limit = tokens.data() + tokens.size() - 1;
  };
  grow();
  // Any token: a non-ASCII one takes ICU calls (fold_cache keeps recent ones).
  const auto push = [&](std::uint32_t b, std::uint32_t e) {
    std::uint64_t hash = 0;
    if (Impl::push_ascii(st, tx, b, e, hash)) return;
    const std::string_view surface(text.data() + b, e - b);
    Impl::Folded& f = im.fold_cache[hash % im.fold_cache.size()];  // a hash of the bytes
    if (f.surface != surface) {
      f.surface.assign(surface);
      f.shape = classify_shape(surface);
      f.folded.clear();
      append_case_folded(surface, f.folded);
      f.hash = token_hash(f.folded);
      f.surface_hash = surface_hash_nfc(surface);
    }
    const auto fold_begin = static_cast<std::uint32_t>(folded.size());
    folded.append(f.folded);
    Impl::write_token(st, tx, b, e, fold_begin, static_cast<std::uint32_t>(f.folded.size()), f.hash, f.surface_hash,
                      tail_of(0, f.shape, false));  // not ASCII
  };

  // The segments between ICU's boundaries, collected first (find_word_ends):
  // most in ascii_segments, the others here (room for two tokens is kept).
  while (true) {
    st = Impl::ascii_segments(st, tx, word_ends_end);
    if (st.w == word_ends_end) break;
    if (st.e != *st.w) {  // stopped for room, before reading the segment at st.w (a segment read ends at *st.w)
      if (st.out >= tx.out_limit) grow();
      continue;
    }
    ++st.w;
    const std::uint32_t b = st.b, e = st.e;
    if (may_be_space(p[b])) {
      // Whitespace segments are not tokens; remember them for the next token.
      const auto& ascii_space = ascii_white_space();
      bool all_space = true, has_newline = false;
      const auto end = static_cast<int32_t>(e);
      for (auto i = static_cast<int32_t>(b); i < end;) {
        UChar32 c = p[i];
        if (c < 0x80) {  // ASCII without decoding or an ICU call
          if (!ascii_space[static_cast<std::size_t>(c)]) { all_space = false; break; }
          if (c == '\n' || c == '\r') has_newline = true;
          ++i;
          continue;
        }
        U8_NEXT(p, i, end, c);
        if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85) has_newline = true;
        if (!(u_isUWhiteSpace(c) || c == 0xFEFF || c == 0x200B)) { all_space = false; break; }
      }
      if (all_space) {
        st.pending |= kTailSpace | (has_newline ? kTailNewline : 0);
        continue;
      }
    }
    const std::uint32_t cut = Impl::possessive_cut(p, b, e);
    push(b, cut);
    if (cut != e) push(cut, e);
  }
  tokens.resize(static_cast<std::size_t>(st.out - tokens.data()));  // drops the unused ones
}

}  // namespace newsner::text
