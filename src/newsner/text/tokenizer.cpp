#include "newsner/text/tokenizer.hpp"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>

#include "newsner/text/token_hash.hpp"

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

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

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

// For an ASCII token (nearly every token of English news): appends its folded
// form to `folded` and sets its shape and fold hash in one pass over the bytes,
// with the results of append_case_folded, classify_shape and token_hash.
// Returns false, appending nothing, when the token is not ASCII.
// Per ASCII byte: its case-folded byte and its class for classify_ascii's
// counts (0 upper, 1 lower, 2 digit, 3 punctuation, 4 neither), so that the
// loop below has no branch per character class.
struct AsciiInfo {
  unsigned char fold, cls;
};
constexpr std::array<AsciiInfo, 128> kAsciiInfo = [] {
  std::array<AsciiInfo, 128> t{};
  constexpr std::string_view kSymbols = "$+<=>^`|~";  // ICU: neither letter, digit nor punctuation
  for (unsigned c = 0; c < 128; ++c) {
    const auto ch = static_cast<unsigned char>(c);
    if (c >= 'A' && c <= 'Z') t[c] = {static_cast<unsigned char>(c + 32), 0};
    else if (c >= 'a' && c <= 'z') t[c] = {ch, 1};
    else if (c >= '0' && c <= '9') t[c] = {ch, 2};
    else if (c > ' ' && c < 0x7F && kSymbols.find(static_cast<char>(c)) == std::string_view::npos) t[c] = {ch, 3};
    else t[c] = {ch, 4};
  }
  return t;
}();

// The shape of ASCII token `s` from its counts of AsciiInfo classes and its
// first byte: the same classes as classify_shape_icu, without ICU property lookups.
Shape ascii_shape(const int (&count)[5], std::string_view s) {
  const int upper = count[0], lower = count[1], digit = count[2], punct = count[3];
  const int letter = upper + lower;
  if (letter == 0 && digit == 0) return punct > 0 ? Shape::Punct : Shape::Symbol;
  if (letter == 0 && punct == 0) return Shape::Digits;
  if (digit > 0) return Shape::Alnum;
  const auto c0 = static_cast<unsigned char>(s[0]);  // s has a letter here
  if (c0 >= 'a' && c0 <= 'z') return upper > 0 ? Shape::Mixed : Shape::Lower;
  if (c0 >= 'A' && c0 <= 'Z') return lower == 0 ? Shape::AllCaps : Shape::Capitalized;
  return Shape::Symbol;
}

// classify_shape for a pure-ASCII token (the common case).
Shape classify_ascii(std::string_view s) {
  int count[5] = {0, 0, 0, 0, 0};
  for (const char ch : s) ++count[kAsciiInfo[static_cast<unsigned char>(ch)].cls];
  return ascii_shape(count, s);
}

bool analyze_ascii_token(std::string_view s, std::string& folded, Shape& shape, std::uint64_t& hash) {
  const std::size_t old_size = folded.size();
  folded.resize(old_size + s.size());
  char* dst = folded.data() + old_size;
  int count[5] = {0, 0, 0, 0, 0};  // by AsciiInfo::cls
  std::uint64_t h = kTokenHashSeed;  // text::token_hash, in the same pass
  for (std::size_t k = 0; k < s.size(); ++k) {
    const auto c = static_cast<unsigned char>(s[k]);
    if (c >= 0x80) {
      folded.resize(old_size);
      return false;
    }
    const AsciiInfo info = kAsciiInfo[c];
    ++count[info.cls];
    dst[k] = static_cast<char>(info.fold);
    h = token_hash_step(h, info.fold);
  }
  hash = h;
  shape = ascii_shape(count, s);
  return true;
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

struct Tokenizer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
  // The text in UTF-16 for the break iterators (reused between documents).
  // ICU's UTF-8 UText converts small chunks again and again as both iterators
  // move; one conversion up front is cheaper.
  std::vector<UChar> utf16;
  // UTF-16 index -> byte offset, kept sparse because news text is mostly ASCII:
  // `shifts` lists (first UTF-16 index, bytes minus UTF-16 units before it) after
  // each non-ASCII character, so byte(u) = u + the shift of the last entry <= u.
  // Boundaries come in increasing order, so each iterator keeps a cursor into it.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> shifts;
  // For ill-formed input only (the pipeline repairs text first): a dense map.
  std::vector<std::uint32_t> dense;

  void convert(std::string_view text);
  std::uint32_t byte_offset(int32_t utf16_index, std::size_t& cursor) const {
    const auto u = static_cast<std::uint32_t>(utf16_index);
    if (!dense.empty()) return dense[u];
    while (cursor < shifts.size() && shifts[cursor].first <= u) ++cursor;
    return u + (cursor == 0 ? 0 : shifts[cursor - 1].second);
  }
};

void Tokenizer::Impl::convert(std::string_view text) {
  utf16.resize(text.size() + 1);
  int32_t length = 0;
  UErrorCode st = U_ZERO_ERROR;
  // Ill-formed bytes (never passed by the pipeline, which repairs them first)
  // become one U+FFFD per maximal subpart, as U8_NEXT below steps over them.
  u_strFromUTF8WithSub(utf16.data(), static_cast<int32_t>(utf16.size()), &length, text.data(),
                       static_cast<int32_t>(text.size()), 0xFFFD, nullptr, &st);
  check(st, "u_strFromUTF8WithSub");
  utf16.resize(static_cast<std::size_t>(length));
  shifts.clear();
  dense.clear();
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
    const std::size_t bytes = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;  // valid UTF-8 lead bytes
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

Tokenizer::Tokenizer() : impl_(std::make_unique<Impl>()) {
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
}

Tokenizer::~Tokenizer() = default;

Tokenizer::Tokenizer(const Tokenizer& other) : impl_(std::make_unique<Impl>()) {
  impl_->words.reset(other.impl_->words->clone());
  impl_->sentences.reset(other.impl_->sentences->clone());
}

TokenizedText Tokenizer::tokenize(std::string_view text) {
  TokenizedText out;
  out.text = text;
  if (text.empty()) return out;
  Impl& im = *impl_;
  im.convert(text);
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<UText, UTextCloser> ut(
      utext_openUChars(nullptr, im.utf16.data(), static_cast<int64_t>(im.utf16.size()), &st));
  check(st, "utext_openUChars");

  // Sentences first, so each token can record its sentence index.
  im.sentences->setText(ut.get(), st);
  check(st, "sentence setText");
  std::size_t cursor = 0;  // into im.shifts, for this increasing sequence of boundaries
  im.sentences->first();
  for (int32_t e = im.sentences->next(); e != icu::BreakIterator::DONE; e = im.sentences->next()) {
    const std::uint32_t begin = out.sentences.empty() ? 0 : out.sentences.back().end;
    out.sentences.push_back({begin, im.byte_offset(e, cursor)});
  }

  im.words->setText(ut.get(), st);
  check(st, "word setText");
  out.tokens.reserve(text.size() / 5);
  out.folded.reserve(text.size());
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const auto& ascii_space = ascii_white_space();
  bool space = false, newline = false;
  std::uint32_t sentence = 0;
  bool sentence_open = true;  // no word token seen yet in the current sentence

  auto push = [&](std::uint32_t b, std::uint32_t e) {
    Token t;
    t.span = {b, e};
    t.space_before = space;
    t.newline_before = newline;
    while (sentence + 1 < out.sentences.size() && b >= out.sentences[sentence + 1].begin) {
      ++sentence;
      sentence_open = true;
    }
    t.sentence = sentence;
    const std::string_view surface = text.substr(b, e - b);
    t.fold_begin = static_cast<std::uint32_t>(out.folded.size());
    if (!analyze_ascii_token(surface, out.folded, t.shape, t.fold_hash)) {
      t.shape = classify_shape(surface);
      append_case_folded(surface, out.folded);
      t.fold_hash = token_hash(std::string_view(out.folded).substr(t.fold_begin));
    }
    t.fold_size = static_cast<std::uint32_t>(out.folded.size()) - t.fold_begin;
    if (sentence_open && t.shape != Shape::Punct && t.shape != Shape::Symbol) {
      t.sentence_start = true;
      sentence_open = false;
    }
    out.tokens.push_back(t);
    space = newline = false;
  };

  cursor = 0;
  int32_t e = 0;  // byte offset of the previous boundary
  im.words->first();
  for (int32_t e16 = im.words->next(); e16 != icu::BreakIterator::DONE; e16 = im.words->next()) {
    const int32_t b = e;
    e = static_cast<int32_t>(im.byte_offset(e16, cursor));
    // Whitespace segments are not tokens; remember them for the next token.
    bool all_space = true, has_newline = false;
    for (int32_t i = b; i < e;) {
      UChar32 c = p[i];
      if (c < 0x80) {  // ASCII without decoding or an ICU call
        ++i;
        if (c == '\n' || c == '\r') has_newline = true;
        if (!ascii_space[static_cast<std::size_t>(c)]) { all_space = false; break; }
        continue;
      }
      U8_NEXT(p, i, e, c);
      if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85) has_newline = true;
      if (!(u_isUWhiteSpace(c) || c == 0xFEFF || c == 0x200B)) { all_space = false; break; }
    }
    if (all_space) {
      space = true;
      newline = newline || has_newline;
      continue;
    }
    // Split a possessive "'s" / "’s" off a word ("Kono's" -> "Kono" "'s") so that
    // names match without it; "McDonald's" in a gazetteer is split the same way.
    const auto ub = static_cast<std::uint32_t>(b), ue = static_cast<std::uint32_t>(e);
    if (ue - ub >= 3 && (text[ue - 1] == 's' || text[ue - 1] == 'S')) {
      int32_t i = e - 1;
      UChar32 prev;
      U8_PREV(p, 0, i, prev);  // character before the final "s"
      int32_t apos_at = i;
      if (is_apostrophe(prev) && apos_at > b) {
        push(ub, static_cast<std::uint32_t>(apos_at));
        push(static_cast<std::uint32_t>(apos_at), ue);
        continue;
      }
    }
    push(ub, ue);
  }
  return out;
}

}  // namespace newsner::text
