#include "newsner/text/tokenizer.hpp"

#include "newsner/text/token_hash.hpp"

#include <doctest/doctest.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

using newsner::text::Shape;
using newsner::text::Tokenizer;

namespace {
std::vector<std::string> surfaces(const newsner::text::TokenizedText& tt) {
  std::vector<std::string> out;
  for (const auto& t : tt.tokens) out.emplace_back(tt.surface(t));
  return out;
}
}  // namespace

// Every token's shape, folded form and hashes equal what the reference
// functions compute from its surface alone.
static void check_token_fields(const newsner::text::TokenizedText& tt) {
  for (const auto& t : tt.tokens) {
    const std::string_view surface = tt.surface(t);
    std::string folded;
    newsner::text::append_case_folded(surface, folded);
    CHECK_MESSAGE(t.shape == newsner::text::classify_shape(surface), surface);
    CHECK_MESSAGE(tt.folded_form(t) == folded, surface);
    CHECK_MESSAGE(t.fold_hash == newsner::text::token_hash(folded), surface);
    CHECK_MESSAGE(t.surface_hash == newsner::text::surface_hash(surface), surface);
    const bool alnum_run = !surface.empty() && std::all_of(surface.begin(), surface.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    });
    CHECK_MESSAGE(bool{t.alnum_run} == alnum_run, surface);
  }
}

TEST_CASE("tokenizer: words, punctuation and whitespace") {
  Tokenizer tok;
  SUBCASE("empty text gives no tokens") {
    auto tt = tok.tokenize("");
    CHECK(tt.tokens.empty());
    CHECK(tt.sentences.empty());
  }
  SUBCASE("ASCII sentence") {
    auto tt = tok.tokenize("Taro Kono, 55, said on Wednesday.");
    CHECK(surfaces(tt) == std::vector<std::string>{"Taro", "Kono", ",", "55", ",", "said", "on",
                                                   "Wednesday", "."});
    CHECK(tt.tokens[0].shape == Shape::Capitalized);
    CHECK(tt.tokens[3].shape == Shape::Digits);
    CHECK(tt.tokens[5].shape == Shape::Lower);
    CHECK(bool{tt.tokens[1].space_before});
    CHECK_FALSE(bool{tt.tokens[2].space_before});
    CHECK(bool{tt.tokens[0].sentence_start});
    CHECK(bool{tt.tokens[3].alnum_run});
    CHECK_FALSE(bool{tt.tokens[2].alnum_run});
  }
  SUBCASE("byte offsets over non-ASCII text") {
    std::string s = "S\xC3\xA3o Paulo and Gda\xC5\x84sk";
    auto tt = tok.tokenize(s);
    REQUIRE(tt.tokens.size() == 4);
    CHECK(tt.tokens[0].span.begin == 0);
    CHECK(tt.tokens[0].span.end == 4);  // "São" is 4 bytes
    CHECK(tt.surface(tt.tokens[3]) == "Gda\xC5\x84sk");
    CHECK(tt.tokens[3].shape == Shape::Capitalized);
  }
  SUBCASE("case-folded forms, including non-ASCII") {
    auto tt = tok.tokenize("M\xC3\x9CLLER NATO");
    REQUIRE(tt.tokens.size() == 2);
    CHECK(tt.folded_form(tt.tokens[0]) == "m\xC3\xBCller");
    CHECK(tt.folded_form(tt.tokens[1]) == "nato");
    CHECK(tt.tokens[0].shape == Shape::AllCaps);
  }
  SUBCASE("possessive 's is its own token") {
    auto tt = tok.tokenize("Kono's and Abe\xE2\x80\x99s visit");
    CHECK(surfaces(tt) == std::vector<std::string>{"Kono", "'s", "and", "Abe", "\xE2\x80\x99s", "visit"});
  }
  SUBCASE("possessive edges: shortest words, capital S, other characters before it") {
    // The split reads the bytes before a final s/S; a character must precede the apostrophe.
    auto tt = tok.tokenize("x's X\xE2\x80\x99S \xC3\xA9's \xE2\x80\x99s 's it\xE2\x80\x99ss ab\xE2\x80\x99t");
    CHECK(surfaces(tt) == std::vector<std::string>{"x", "'s", "X", "\xE2\x80\x99S", "\xC3\xA9", "'s", "\xE2\x80\x99", "s",
                                                   "'", "s", "it\xE2\x80\x99ss", "ab\xE2\x80\x99t"});
    check_token_fields(tt);
  }
  SUBCASE("line breaks are recorded") {
    auto tt = tok.tokenize("Angela Merkel\nEmmanuel Macron");
    REQUIRE(tt.tokens.size() == 4);
    CHECK(bool{tt.tokens[2].newline_before});
    CHECK_FALSE(bool{tt.tokens[1].newline_before});
  }
  SUBCASE("emoji is a symbol token") {
    auto tt = tok.tokenize("ok \xF0\x9F\x98\x80 ok");
    REQUIRE(tt.tokens.size() == 3);
    CHECK(tt.tokens[1].shape == Shape::Symbol);
  }
}

TEST_CASE("tokenizer: space and newline flags equal the gaps between tokens") {
  // Only white space lies between tokens; single spaces take a shortcut
  // (their boundary is not stored), so mix them with every other kind.
  Tokenizer tok;
  const std::string text =
      " a b  c\td \n e x's ( y )\xC2\xA0z\xE2\x80\xA8w \r\n v\xE3\x80\x80u. B \xE2\x80\x9CQ\xE2\x80\x9D  ! ";
  const auto tt = tok.tokenize(text);
  REQUIRE(tt.tokens.size() > 10);
  std::uint32_t prev_end = 0;
  for (const auto& t : tt.tokens) {
    const std::string gap = text.substr(prev_end, t.span.begin - prev_end);
    const bool newline = gap.find_first_of("\r\n") != std::string::npos || gap.find("\xE2\x80\xA8") != std::string::npos;
    CHECK_MESSAGE(bool{t.space_before} == !gap.empty(), tt.surface(t));
    CHECK_MESSAGE(bool{t.newline_before} == newline, tt.surface(t));
    prev_end = t.span.end;
  }
  CHECK(surfaces(tt) == std::vector<std::string>{"a", "b", "c", "d", "e", "x", "'s", "(", "y", ")", "z", "w", "v",
                                                 "u", ".", "B", "\xE2\x80\x9C", "Q", "\xE2\x80\x9D", "!"});
  check_token_fields(tt);
}

TEST_CASE("tokenizer: a segment is left out exactly when all its characters are White_Space") {
  // Every ASCII character but NUL (control characters that are not White_Space,
  // such as U+0001, U+001C and U+007F, are tokens), each alone and in pairs,
  // and non-ASCII white space.
  std::string text;
  for (int c = 1; c < 128; ++c) {
    text += static_cast<char>(c);
    text += 'a';
    text += static_cast<char>(c);
    text += static_cast<char>(c);
  }
  text += "\xC2\xA0" "b" "\xE2\x80\x83" "c" "\xE3\x80\x80" "d" "\xC2\x85" "e";
  Tokenizer tok;
  const auto tt = tok.tokenize(text);
  const auto all_white = [](std::string_view s) {
    for (std::int32_t i = 0, n = static_cast<std::int32_t>(s.size()); i < n;) {
      UChar32 c;
      U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data()), i, n, c);
      if (!u_isUWhiteSpace(c)) return false;
    }
    return true;
  };
  std::uint32_t prev_end = 0;
  for (const auto& t : tt.tokens) {
    const std::string_view gap = std::string_view(text).substr(prev_end, t.span.begin - prev_end);
    CHECK_MESSAGE(all_white(gap), static_cast<int>(static_cast<unsigned char>(text[prev_end])));
    CHECK_MESSAGE(!all_white(tt.surface(t)), static_cast<int>(static_cast<unsigned char>(text[t.span.begin])));
    prev_end = t.span.end;
  }
  CHECK(all_white(std::string_view(text).substr(prev_end)));
  check_token_fields(tt);
}

TEST_CASE("tokenizer: folded forms of ASCII bytes next to the capitals, at every length and offset") {
  // The folded forms come from one lowering pass over the text, 16 bytes at
  // a time and then byte by byte: every character around 'A'-'Z' and 'a'-'z'
  // and non-ASCII letters, in texts of 1 to 48 bytes.
  const std::string pieces[] = {"@", "A", "Z", "[", "`", "a", "z", "{", "\xC3\x84", "Q", "\x7F", "M"};
  Tokenizer tok;
  for (std::size_t length = 1; length <= 48; ++length) {
    std::string text;
    for (std::size_t k = length; text.size() < length; k = k * 7 + 3) text += pieces[k % std::size(pieces)];
    const auto tt = tok.tokenize(text);
    INFO(text);
    check_token_fields(tt);
  }
}

TEST_CASE("tokenizer: sentences keep abbreviations") {
  Tokenizer tok;
  auto tt = tok.tokenize("Mr. Smith went to the U.S. on Jan. 5. He left.\nNew line here");
  REQUIRE(tt.sentences.size() == 3);
  CHECK(tt.text.substr(tt.sentences[0].begin, tt.sentences[0].size()) ==
        "Mr. Smith went to the U.S. on Jan. 5. ");
  CHECK(tt.sentence_at(tt.sentences[2].begin) == 2);
}

TEST_CASE("tokenizer: no sentence ends after an initialism of the no-break list before a capital") {
  // ICU's filter (72) breaks "the U.S. | Senate": it checks a many-period
  // entry only at its inner period. A single letter's period still may end one.
  Tokenizer tok;
  for (const bool full : {false, true}) {
    CAPTURE(full);
    const std::u16string text = u"The U.S. Senate met the U.N. Envoy. Then Smith left for Plan B. He came back.";
    const auto ends = tok.sentence_ends(text, full);
    CHECK(ends == std::vector<std::int32_t>{36, 64, static_cast<std::int32_t>(text.size())});
  }
  auto tt = tok.tokenize("The U.S. Senate met Bob Jones at U.K. House, 3 Plain Road. Then he left.");
  REQUIRE(tt.sentences.size() == 2);
  CHECK(tt.text.substr(tt.sentences[1].begin) == "Then he left.");
}

TEST_CASE("tokenizer: the ASCII shape fast path agrees with ICU properties") {
  // Every ASCII string of length 1 and 2, and a sample of longer ones.
  for (int a = 1; a < 128; ++a) {
    std::string s1(1, static_cast<char>(a));
    CHECK_MESSAGE(newsner::text::classify_shape(s1) == newsner::text::classify_shape_icu(s1), a);
    for (int b = 1; b < 128; ++b) {
      std::string s2 = s1 + static_cast<char>(b);
      CHECK_MESSAGE(newsner::text::classify_shape(s2) == newsner::text::classify_shape_icu(s2), s2);
    }
  }
  for (const char* s : {"U.S", "G20", "McDonald", "iPhone", "3.5", "1990s", "NATO", "Kono", "$5", "a-b"}) {
    CHECK_MESSAGE(newsner::text::classify_shape(s) == newsner::text::classify_shape_icu(s), s);
  }
}

TEST_CASE("tokenizer: one-pass token analysis equals shape, case folding and hash computed apart") {
  // Every printable ASCII character, in words and alone, plus non-ASCII tokens
  // that take the general path.
  std::string text;
  for (int c = 33; c < 127; ++c) {
    text += "a";
    text += static_cast<char>(c);
    text += "Z ";
    text += static_cast<char>(c);
    text += ' ';
  }
  text += "\tNATO's iPhone 1990s G20 Ödön ÉCOLE straße Καλημέρα 東京 ﬁne\r\n$5 x\v\fy";
  Tokenizer tok;
  const auto tt = tok.tokenize(text);
  REQUIRE(tt.tokens.size() > 200);
  check_token_fields(tt);
}

TEST_CASE("tokenizer: byte offsets across non-ASCII and ill-formed text") {
  // Two-, three- and four-byte characters (a surrogate pair in UTF-16) before
  // and inside words; spans must stay byte offsets of the UTF-8 input.
  const std::string text = "Zoë “met” 𝒜lice in Kraków — 東京 😀 ok.";
  Tokenizer tok;
  const auto tt = tok.tokenize(text);
  CHECK(surfaces(tt) == std::vector<std::string>{"Zoë", "“", "met", "”", "𝒜lice", "in", "Kraków", "—", "東京", "😀", "ok", "."});
  REQUIRE(tt.sentences.size() == 1);
  CHECK(tt.sentences[0].end == text.size());
  // Ill-formed input is tolerated (the pipeline repairs it before this stage).
  const std::string bad = std::string("ab\xC3 cd \xF0\x9F") + " ef";
  const auto tb = tok.tokenize(bad);
  for (const auto& t : tb.tokens) CHECK(t.span.end <= bad.size());
  CHECK(tb.tokens.back().span.end == bad.size());
  // Each maximal ill-formed subpart is one U+FFFD to ICU (u_strFromUTF8WithSub):
  // "\xC3" does not swallow the space after it, nor "\xF0\x9F" the next.
  CHECK(surfaces(tb) == std::vector<std::string>{"ab", "\xC3", "cd", "\xF0\x9F", "ef"});
}

TEST_CASE("tokenizer: lookup forms are case-folded and in NFC") {
  Tokenizer tok;
  const auto decomposed = tok.tokenize("Jose\xCC\x81 S\xC3\xA3o");  // "José" with U+0301, "São"
  const auto composed = tok.tokenize("JOS\xC3\x89 SA\xCC\x83O");    // "JOSÉ", "SÃO" with U+0303
  REQUIRE(decomposed.tokens.size() == 2);
  REQUIRE(composed.tokens.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(decomposed.folded_form(decomposed.tokens[i]) == composed.folded_form(composed.tokens[i]));
    CHECK(decomposed.tokens[i].fold_hash == composed.tokens[i].fold_hash);
  }
  CHECK(decomposed.folded_form(decomposed.tokens[0]) == "jos\xC3\xA9");
  // Surface hashes keep the case but are in NFC too.
  CHECK(decomposed.tokens[0].surface_hash == newsner::text::token_hash("Jos\xC3\xA9"));
  CHECK(composed.tokens[1].surface_hash == newsner::text::token_hash("S\xC3\x83O"));
  CHECK(decomposed.tokens[0].surface_hash != composed.tokens[0].surface_hash);
  CHECK(decomposed.tokens[0].span.end == 6);  // offsets stay those of the input bytes
  CHECK(newsner::text::surface_hash("Jose\xCC\x81") == newsner::text::surface_hash("Jos\xC3\xA9"));
  CHECK(newsner::text::surface_hash("Jos\xC3\xA9") == newsner::text::token_hash("Jos\xC3\xA9"));
  for (const char* s : {"", "Tokyo", "U.S.", "McDonald", "a-b"}) {
    CHECK(newsner::text::surface_hash(s) == newsner::text::token_hash(s));  // ASCII: the plain hash
  }
}

namespace {
// Pieces of text around which sentence rules and the abbreviation filter turn:
// terminators (ASCII and not, one outside the BMP), closers, spaces,
// paragraph separators, Extend/Format marks, letters of each case, digits and
// the filter's abbreviations, whole or in part; long runs without letters.
const char* const kSentencePieces[] = {
    ".", ". ", "?", "!", "?!", ";", ":", ",", "-", "\xE2\x80\x94" /* — */, "\"", "'", "\xE2\x80\x9C" /* “ */,
    "\xE2\x80\x9D" /* ” */, "\xE2\x80\x98" /* ‘ */, "\xE2\x80\x99" /* ’ */, "\xC2\xAB" /* « */, "\xC2\xBB" /* » */,
    "(", ")", "[", "]", " ", " ", " ", "  ", "\t", "\xC2\xA0" /* NBSP */, "\n", "\n\n", "\r\n", "\r", "\f", "\v",
    "\xE2\x80\xA9" /* U+2029 */, "\xE2\x80\xA8" /* U+2028 */, "\xC2\x85" /* NEL */, "\xCC\x81" /* U+0301 */,
    "\xC2\xAD" /* soft hyphen */, "\xE2\x80\x8B" /* ZWSP */, "3", "42", "1.5", "the", "said", "a", "e", "x", "s",
    "Tokyo", "NATO", "A", "B", "D", "S", "U", "M", "r", "Mr.", "Mrs.", "U.S.", "U.S.A.", "Jan.", "Ph.D.", "Ph.",
    "Lt.Cdr.", "Hon.B.A.", "a.m.", "e.g.", "approx.", "Sept.", "Inc.", "No.", "St.", "v.", "...", "\xE2\x80\xA6" /* … */,
    "\xE3\x80\x82" /* 。 */, "\xD8\x9F" /* ؟ */, "\xE0\xA5\xA4" /* । */, "\xEF\xBC\x8E" /* ． */, "\xC3\xA9" /* é */,
    "\xC3\x89" /* É */, "\xE4\xB8\xAD" /* 中 */, "\xF0\x9D\x92\x9C" /* 𝒜 */, "\xF0\x9F\x98\x80" /* 😀 */,
    "\xF0\x91\x81\x87" /* U+11047 BRAHMI DANDA */, "http://x.org", "'s",
    // Long runs without letters: SB8 looks past them for a lower-case letter.
    "0123456789", "          ", "((((((", "\"'\"'\"'", "--------", "%$#@*&^", "2,000,000",
};

// `s` with controls and non-ASCII as \u{...}, for messages.
std::string escaped(const std::u16string& s) {
  std::string out;
  char buf[16];
  for (const char16_t c : s) {
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
    } else {
      std::snprintf(buf, sizeof buf, "\\u{%X}", static_cast<unsigned>(c));
      out += buf;
    }
  }
  return out;
}

std::u16string to_utf16(const std::string& s) {
  std::u16string out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c > 0xFFFF) {
      out += static_cast<char16_t>(U16_LEAD(c));
      out += static_cast<char16_t>(U16_TRAIL(c));
    } else {
      out += static_cast<char16_t>(c);
    }
  }
  return out;
}
}  // namespace

TEST_CASE("tokenizer: sentences of ASCII documents equal full iteration (terminators found in the bytes)") {
  // An ASCII document's scan for terminators reads its UTF-8 bytes, not the
  // UTF-16 text: its sentences must still end where a full pass ends them.
  Tokenizer tok;
  const auto check_text = [&](const std::string& text) {
    const auto tt = tok.tokenize(text);
    std::vector<std::int32_t> ends;
    for (const auto& sentence : tt.sentences) ends.push_back(static_cast<std::int32_t>(sentence.end));
    const std::u16string u(text.begin(), text.end());  // ASCII: one unit per byte
    CHECK_MESSAGE(ends == tok.sentence_ends(u, true), escaped(u));
  };
  std::mt19937 rng(20261129);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kSentencePieces) - 1);
  int tried = 0;
  for (int round = 0; round < 6000; ++round) {
    std::string text;
    const int pieces = 1 + static_cast<int>(rng() % 60);
    for (int k = 0; k < pieces; ++k) text += kSentencePieces[piece(rng)];
    if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) continue;
    check_text(text);
    ++tried;
  }
  CHECK(tried > 100);
  // Every ASCII character as a would-be terminator, at every offset in a
  // 16-byte block (the scan reads 16 bytes at a time).
  for (int c = 1; c < 128; ++c) {
    for (int pad = 0; pad < 17; ++pad) {
      check_text(std::string(static_cast<std::size_t>(pad), 'x') + "said" + static_cast<char>(c) + " The end" +
                 static_cast<char>(c) + " Ok");
    }
  }
}

// Calls f(path, bytes) for every file under samples/ (the articles and the
// stream); returns how many.
template <typename F>
int for_each_sample(F&& f) {
  const std::filesystem::path samples = std::filesystem::path(NEWSNER_TEST_DATA) / ".." / ".." / "samples";
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(samples)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    f(entry.path(), std::string((std::istreambuf_iterator<char>(in)), {}));
    ++files;
  }
  return files;
}

TEST_CASE("tokenizer: sentence windows equal full iteration of the sentence iterator") {
  Tokenizer tok;
  // The constructor's probe agreed with a full pass on this ICU (else every
  // document would silently take the slower full pass), and clones keep it.
  CHECK(tok.uses_sentence_windows());
  CHECK(Tokenizer(tok).uses_sentence_windows());
  std::mt19937 rng(20240517);
  constexpr auto kPieces = std::size(kSentencePieces);
  std::uniform_int_distribution<std::size_t> piece(0, kPieces - 1);
  int with_breaks = 0;
  for (int round = 0; round < 6000; ++round) {
    std::string text;
    const int pieces = 1 + static_cast<int>(rng() % 60);
    for (int k = 0; k < pieces; ++k) text += kSentencePieces[piece(rng)];
    const std::u16string u = to_utf16(text);
    const auto windowed = tok.sentence_ends(u);
    const auto full = tok.sentence_ends(u, true);
    if (full.size() > 1) ++with_breaks;
    CHECK_MESSAGE(windowed == full, escaped(u));
  }
  CHECK(with_breaks > 3000);  // the cases are not trivial
  // Every ASCII character, where a terminator would matter (the scan for
  // terminators tests ASCII against a fixed set).
  for (char16_t c = 1; c < 128; ++c) {
    for (const std::u16string& u : {std::u16string(1, c) + u" Ab", u"said" + std::u16string(1, c) + u" The",
                                    u"Mr" + std::u16string(1, c) + u"  (x) " + std::u16string(2, c) + u"\"A b",
                                    u"x." + std::u16string(1, c) + u" y" + std::u16string(1, c)}) {
      CHECK_MESSAGE(tok.sentence_ends(u) == tok.sentence_ends(u, true), escaped(u));
    }
  }
  // The abbreviation filter's forward trie ("Ph." is a prefix of "Ph.D."):
  // boundaries right after a partial match, before letters without case
  // (U+4E2D, U+05D0) or more letters and periods, at the text's end or not.
  for (const std::u16string& u : {std::u16string(u"x Ph.\u4e2dD. Y"), std::u16string(u"Hon.B.\u05d0A. The"),
                                  std::u16string(u"Lt.\u4e2d"), std::u16string(u"a Lt.Cdr.\u4e2dx. Y z"),
                                  std::u16string(u"Ph.\u4e2d.D. A"), std::u16string(u"U.\u05d0S.A. B")}) {
    CHECK_MESSAGE(tok.sentence_ends(u) == tok.sentence_ends(u, true), escaped(u));
  }
  // The backward trie reads exactly the end of an abbreviation, or reads past
  // it into a longer word ("xMr."), or stops early ("said.", "Ltd." vs "Std.").
  for (const std::u16string& u : {std::u16string(u"xMr. Smith"), std::u16string(u"The Mr. B"), std::u16string(u"said. The"),
                                  std::u16string(u"Acme Ltd. Then"), std::u16string(u"Std. X"), std::u16string(u"xHon.B.A. X"),
                                  std::u16string(u"B.A. X"), std::u16string(u"on.B.A. X"), std::u16string(u"\u00e9Mr. X")}) {
    CHECK_MESSAGE(tok.sentence_ends(u) == tok.sentence_ends(u, true), escaped(u));
  }
  // Every ASCII character and some non-ASCII terminators (U+FF0E, U+FF01 are
  // above 0x7FFF, U+3002 above 0xFF) at each position of a long letter run:
  // the scan for terminators takes 16 ASCII units at a time.
  for (const char16_t c : std::u16string(u"\uFF0E\uFF01\u3002\u00E9") + [] {
         std::u16string all;
         for (char16_t a = 1; a < 128; ++a) all += a;
         return all;
       }()) {
    for (std::size_t at = 0; at < 40; ++at) {
      std::u16string u(48, u'x');
      u[at] = c;
      u[at + 1] = u' ';
      u[at + 2] = u'T';
      CHECK_MESSAGE(tok.sentence_ends(u) == tok.sentence_ends(u, true), escaped(u));
    }
  }
  // Real text: the sample articles and stream, whole.
  const int files = for_each_sample([&](const std::filesystem::path& path, const std::string& text) {
    const std::u16string u = to_utf16(text);
    CHECK_MESSAGE(tok.sentence_ends(u) == tok.sentence_ends(u, true), path);
  });
  CHECK(files >= 3);
  CHECK(tok.sentence_ends(u"").empty());
  CHECK(tok.sentence_ends(u"No break here") == std::vector<std::int32_t>{13});
}

// ICU's word iterator reads a compact copy of the text (each run of ASCII
// letters or digits one unit): its boundaries must be those of a pass over the
// whole text, next to every class UAX #29's word rules name.
TEST_CASE("tokenizer: word boundaries of the compact text equal those of the whole text") {
  Tokenizer tok;
  CHECK(tok.uses_compact_words());
  CHECK(Tokenizer(tok).uses_compact_words());
  static constexpr const char* kPieces[] = {
      "a", "Zq", "word", "x", "7", "42", "2019", " ", "  ", "\t", "\n", "\r\n", ".", ",", ":", ";", "'", "\"",
      "\u2019", "-", "_", "&", "@", "#", "/", "?", "!", "(", ")", "%", "$", "\u00e9", "\u00fc", "\u0301",
      "\u00ad", "\u200d", "\u2060", "\u05d0", "\u05e9", "\u30ab", "\u4e2d", "\u0e01", "\U0001F600",
      "\U0001F1FA", "\u066b", "\u0661", "\u00a0", "\u2028", "\u3000", "\uff10", "\uff21", "\u2024", "\ufe52",
      "\U0001D400", "\u02bc"};
  std::mt19937 rng(20261130);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int pieces = 1 + static_cast<int>(rng() % 24);
    for (int k = 0; k < pieces; ++k) text += kPieces[piece(rng)];
    CHECK_MESSAGE(tok.word_boundaries(text) == tok.word_boundaries(text, true), text);
  }
  // Every ASCII character between and after runs of letters and digits.
  for (char a = 1; a > 0 && a < 127; ++a) {
    for (char b = 1; b > 0 && b < 127; ++b) {
      // (The longer ones put them in the copy's 16-byte blocks; the last one
      // a at the end of a 32-byte block's first half, before b.)
      for (const std::string& text : {std::string("ab") + a + "cd" + b + "12", std::string("12") + a + "34" + b + "x",
                                      std::string(1, a) + "Xy" + b, "The quick brown" + std::string(1, a) + "fox" + b + "1",
                                      "12345678901234" + std::string(1, a) + "7" + b + "q\u00e9" + a + "b",
                                      "a 3456789 bcdefg" + std::string(1, a) + "h" + b + "9876543210 zyxwvu"}) {
        CHECK_MESSAGE(tok.word_boundaries(text) == tok.word_boundaries(text, true), text);
      }
    }
  }
  // Real text: the sample articles and stream, whole.
  const int files = for_each_sample([&](const std::filesystem::path& path, const std::string& text) {
    CHECK_MESSAGE(tok.word_boundaries(text) == tok.word_boundaries(text, true), path);
  });
  CHECK(files >= 3);
  CHECK(tok.word_boundaries("").empty());
  CHECK(tok.word_boundaries("Hello, world 2026") == std::vector<std::uint32_t>{5, 6, 7, 12, 13, 17});
}

// Text with no clean place (two ordinary characters in a row) for long: every
// terminator's window runs on to the same far clean place, which the scan
// finds once, not once per terminator (1 MB of periods took minutes). The
// windows must still give the full pass's boundaries, with the clean place
// at the end, in the middle, or before a separator.
TEST_CASE("tokenizer: sentence windows over long text without a clean place") {
  Tokenizer tok;
  std::u16string periods(20000, u'.'), quotes;
  for (int k = 0; k < 4000; ++k) quotes += u"\"A.\" ";
  for (const std::u16string& u :
       {periods, quotes, quotes + u"Then Mr. Smith left. " + quotes, periods + u"\nMr. X. " + periods + u"ab",
        u"ab" + quotes + u"\u2029" + quotes + u"cd. Ef"}) {
    const auto windowed = tok.sentence_ends(u);
    CHECK(windowed == tok.sentence_ends(u, true));
  }
}

TEST_CASE("tokenizer: short ASCII tokens, recurring across documents, equal their analysis apart") {
  // Tokens of 1 to 9 bytes, words that share their first bytes ("ab", "abc"),
  // differ in case only, and more distinct ones than the tokenizer keeps (so
  // that they evict each other); the last token of a text ends at its end.
  std::string text;
  const std::string alphabet = "aZ3q-Kx7";
  for (int k = 0; k < 6000; ++k) {
    std::string word;
    for (int v = k, len = 1 + k % 9; len > 0; --len, v = v / 8 + k) word += alphabet[static_cast<std::size_t>(v % 8)];
    text += word + (k % 5 == 0 ? ", " : " ");
  }
  text += "ab abc abcdefgh abcdefghi Said said SAID sAid 12345678 1234567 x";
  Tokenizer tok;
  for (int round = 0; round < 2; ++round) {
    const auto tt = tok.tokenize(text);
    REQUIRE(tt.tokens.size() > 6000);
    CHECK(tt.surface(tt.tokens.back()) == "x");
    check_token_fields(tt);
    const auto tail = tok.tokenize("ab Said");  // both end near the text's end
    REQUIRE(tail.tokens.size() == 2);
    check_token_fields(tail);
  }
}

TEST_CASE("tokenizer: ASCII texts (ICU's US-ASCII converter) tokenize as they do inside non-ASCII ones") {
  // An ASCII text is converted to UTF-16 by ICU's US-ASCII converter, any
  // other by its UTF-8 conversion: a text with every ASCII byte (NUL too) must
  // give the same tokens and sentences alone as before a non-ASCII word.
  std::string ascii;
  for (int round = 0; round < 3; ++round) {
    for (int c = 0; c < 128; ++c) {
      ascii += "Word";
      ascii += static_cast<char>(c);
      ascii += c % 7 == 0 ? ". The " : " x ";
    }
  }
  Tokenizer tok;
  const auto alone = tok.tokenize(ascii);
  const std::string mixed = ascii + " Z\xC3\xBCrich";
  const auto with = tok.tokenize(mixed);
  REQUIRE(alone.tokens.size() > 900);
  REQUIRE(with.tokens.size() == alone.tokens.size() + 1);
  for (std::size_t k = 0; k < alone.tokens.size(); ++k) {
    CHECK(alone.tokens[k].span == with.tokens[k].span);
    CHECK(alone.tokens[k].fold_hash == with.tokens[k].fold_hash);
    CHECK(alone.tokens[k].sentence == with.tokens[k].sentence);
    CHECK(bool{alone.tokens[k].space_before} == bool{with.tokens[k].space_before});
    CHECK(bool{alone.tokens[k].newline_before} == bool{with.tokens[k].newline_before});
  }
  REQUIRE(alone.sentences.size() > 50);
  for (std::size_t k = 0; k + 1 < alone.sentences.size(); ++k) CHECK(alone.sentences[k] == with.sentences[k]);
  check_token_fields(alone);
}

TEST_CASE("tokenizer: mixed ASCII and non-ASCII runs give ICU's word segments at their byte offsets") {
  // Texts are converted to UTF-16 run by run (ASCII runs and the others
  // separately) and boundaries shifted to bytes: the tokens must be exactly
  // the segments of ICU's word iterator over the whole text, converted at once.
  const char* const pieces[] = {"ab", "Cd", "1", ".", ",", " ", " ", "\n", "\xC3\xA9", "\xC5\x89", "\xE4\xB8\xAD\xE6\x96\x87",
                                "\xF0\x9F\x98\x80", "x\xC3\xBCy", "\xE2\x80\x9C", "\xD0\x9C\xD0\xBE\xD1\x81", "-"};
  std::mt19937 rng(7);
  Tokenizer tok;
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), st));
  REQUIRE(U_SUCCESS(st));
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const int count = 1 + static_cast<int>(rng() % 80);
    for (int k = 0; k < count; ++k) text += pieces[rng() % std::size(pieces)];
    // ICU's segments, at byte offsets (each code point's first byte).
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    std::vector<std::uint32_t> byte_at(static_cast<std::size_t>(u.length()) + 1);
    for (int32_t b = 0, k = 0; b < static_cast<int32_t>(text.size());) {
      const int32_t at = b;
      UChar32 c;
      U8_NEXT(text.data(), b, static_cast<int32_t>(text.size()), c);
      byte_at[static_cast<std::size_t>(k++)] = static_cast<std::uint32_t>(at);
      if (c > 0xFFFF) byte_at[static_cast<std::size_t>(k++)] = static_cast<std::uint32_t>(at);
      byte_at[static_cast<std::size_t>(k)] = static_cast<std::uint32_t>(b);
    }
    words->setText(u);
    std::vector<newsner::Span> want;
    for (int32_t b = words->first(), e = words->next(); e != icu::BreakIterator::DONE; b = e, e = words->next()) {
      const newsner::Span span{byte_at[static_cast<std::size_t>(b)], byte_at[static_cast<std::size_t>(e)]};
      const std::string seg = text.substr(span.begin, span.size());
      if (seg.find_first_not_of(" \n") != std::string::npos) want.push_back(span);
    }
    const auto tt = tok.tokenize(text);
    std::vector<newsner::Span> got;
    for (const auto& t : tt.tokens) got.push_back(t.span);
    CHECK_MESSAGE(got == want, text);
  }
}

TEST_CASE("tokenizer: texts with more tokens than a quarter of their bytes get them all") {
  // Tokens are written in place into room reserved for a quarter of the bytes
  // (prose has about a fifth) and constructed ahead in stretches; "a,a,..." has
  // about one per byte, so the room runs out at every length here, and a
  // possessive's two tokens meet the end of the room at some.
  Tokenizer tok;
  for (const std::size_t n : {1u, 2u, 3u, 7u, 8u, 9u, 511u, 512u, 513u, 1500u, 5000u}) {
    std::string text;
    for (std::size_t k = 0; k < n; ++k) text += k % 3 == 2 ? "a's," : "a,";  // "a's": two tokens
    const auto tt = tok.tokenize(text);
    const auto want = Tokenizer().tokenize(text);
    REQUIRE(tt.tokens.size() == want.tokens.size());
    std::uint32_t end = 0;
    for (const auto& t : tt.tokens) {
      CHECK(t.span.begin == end);  // no gaps: every byte is in a token
      end = t.span.end;
    }
    CHECK(end == text.size());
    check_token_fields(tt);
  }
}

TEST_CASE("tokenizer: a segment equal to a possessive split's first part is split too") {
  // "a's's" is one ICU word, split into "a's" and "'s"; the segment "a's" later
  // must give "a" and "'s" again, not the token "a's" seen before (short tokens'
  // analysis is kept by their bytes; the rest of the text lets 8 bytes be read).
  Tokenizer tok;
  for (int round = 0; round < 2; ++round) {
    const auto tt = tok.tokenize("a's's a's b's's's b's's b's, padding words here");
    CHECK(surfaces(tt) == std::vector<std::string>{"a's", "'s", "a", "'s", "b's's", "'s", "b's", "'s", "b", "'s", ",",
                                                   "padding", "words", "here"});
    check_token_fields(tt);
  }
}

TEST_CASE("tokenizer: non-ASCII tokens, recurring and growing when folded, equal their analysis apart") {
  // Many distinct non-ASCII words, each twice (the tokenizer keeps recent ones),
  // and folds longer than their text (U+0587 folds to U+0565 U+0582, twice its
  // bytes): non-ASCII folds are stored after the text's own size.
  std::string text;
  for (int round = 0; round < 2; ++round) {
    for (int k = 0; k < 700; ++k) {
      text += "Z\xC3\xBC";  // "Zü"
      for (int v = k; v > 0; v /= 26) text += static_cast<char>('a' + v % 26);
      text += k % 3 == 0 ? " M\xC3\x9CLLER " : " ";
    }
  }
  for (int k = 0; k < 100; ++k) {
    for (int j = 0; j < 100; ++j) text += "\xD6\x87";  // U+0587
    text += " \xC5\x89 ";                          // "ŉ", 2 -> 3 bytes
    text += "Tokyo NATO said Jose\xCC\x81 ";         // after the folded forms outgrew the text
  }
  Tokenizer tok;
  const auto tt = tok.tokenize(text);
  REQUIRE(tt.tokens.size() > 2000);
  CHECK(tt.folded.size() > text.size());
  check_token_fields(tt);
}

TEST_CASE("tokenizer: a document's tokens equal a fresh tokenizer's, after longer and shorter ones") {
  // The tokens are written to a buffer the tokenizer keeps between documents;
  // each document must get its own tokens only, whatever came before. Non-ASCII
  // words, possessives and white space interrupt the ASCII loop.
  std::string long_text;
  for (int k = 0; k < 300; ++k) long_text += "Kono's Z\xC3\xBC" "rich  visit\n\xE2\x80\x9Cok\xE2\x80\x9D Abe\xE2\x80\x99s x. ";
  const std::string texts[] = {long_text, "Short one.", long_text.substr(0, 500), "x", "Zo\xC3\xAB's day\xC2\xA0" "off"};
  Tokenizer used;
  for (const std::string& text : texts) {
    const auto got = used.tokenize(text);
    const auto want = Tokenizer().tokenize(text);
    REQUIRE(got.tokens.size() == want.tokens.size());
    for (std::size_t k = 0; k < got.tokens.size(); ++k) {
      const auto& g = got.tokens[k];
      const auto& w = want.tokens[k];
      CHECK(g.span == w.span);
      CHECK(got.folded_form(g) == want.folded_form(w));
      CHECK(g.fold_hash == w.fold_hash);
      CHECK(g.surface_hash == w.surface_hash);
      CHECK(g.sentence == w.sentence);
      CHECK(g.shape == w.shape);
      CHECK(bool{g.space_before} == bool{w.space_before});
      CHECK(bool{g.newline_before} == bool{w.newline_before});
      CHECK(bool{g.sentence_start} == bool{w.sentence_start});
      CHECK(bool{g.alnum_run} == bool{w.alnum_run});
    }
    check_token_fields(got);
  }
}

TEST_CASE("tokenizer: a reused TokenizedText gets what a fresh one gets, after longer, shorter and empty texts") {
  // tokenize(text, out) overwrites the tokens an earlier document left in `out`
  // and trims the rest; its sentences and folded forms (non-ASCII folds are
  // appended after the text's size) must hold this document's only.
  std::string long_text;
  for (int k = 0; k < 300; ++k) long_text += "Kono's Z\xC3\xBC" "rich  visit\n\xE2\x80\x9Cok\xE2\x80\x9D Abe\xE2\x80\x99s x. ";
  std::string dense;  // about a token a byte: more than the room reserved for a quarter of the bytes
  for (int k = 0; k < 1500; ++k) dense += k % 3 == 2 ? "a's," : "a,";
  std::string folds;  // folded forms longer than the text
  for (int k = 0; k < 200; ++k) folds += "\xD6\x87\xD6\x87 \xC5\x89 Tokyo. ";
  const std::string texts[] = {long_text, "Short one. Two.", "", long_text.substr(0, 700), dense, "x", folds,
                               "Mr. Smith said so.", dense.substr(0, 999), long_text, "Zo\xC3\xAB's day\xC2\xA0" "off"};
  Tokenizer used;
  newsner::text::TokenizedText got;
  for (const std::string& text : texts) {
    used.tokenize(text, got);
    CHECK(got.tokens.capacity() >= text.size() / 4);
    const auto want = Tokenizer().tokenize(text);
    CHECK(got.text.data() == text.data());
    CHECK(got.text.size() == text.size());
    CHECK(got.sentences == want.sentences);
    CHECK(got.folded == want.folded);
    CHECK(got.ascii == want.ascii);
    REQUIRE(got.tokens.size() == want.tokens.size());
    for (std::size_t k = 0; k < got.tokens.size(); ++k) {
      const auto& g = got.tokens[k];
      const auto& w = want.tokens[k];
      CHECK(g.span == w.span);
      CHECK(g.fold_begin == w.fold_begin);
      CHECK(g.fold_size == w.fold_size);
      CHECK(g.fold_hash == w.fold_hash);
      CHECK(g.surface_hash == w.surface_hash);
      CHECK(g.sentence == w.sentence);
      CHECK(g.shape == w.shape);
      CHECK(bool{g.space_before} == bool{w.space_before});
      CHECK(bool{g.newline_before} == bool{w.newline_before});
      CHECK(bool{g.sentence_start} == bool{w.sentence_start});
      CHECK(bool{g.alnum_run} == bool{w.alnum_run});
    }
  }
}

TEST_CASE("tokenizer: ascii is whether every byte of the text is below 0x80") {
  Tokenizer tok;
  newsner::text::TokenizedText tt;
  const std::pair<std::string, bool> cases[] = {
      {"Plain text, 2019.", true},      {"", true},
      {"Z\xC3\xBCrich", false},          {"\xC5\xBFummer of 2019", false},
      {"a\xE2\x80\x99s", false},         {"no break\xC2\xA0space", false},  // not in any token
      {std::string(200, 'a') + "\xC3\xA9", false}, {"Tab\tand\nnewline", true}};
  for (const auto& c : cases) {  // (not a structured binding: clang 14 cannot capture one in CHECK's lambda)
    const std::string& text = c.first;
    const bool ascii = c.second;
    tok.tokenize(text, tt);  // reused: nothing kept from the text before
    CHECK_MESSAGE(tt.ascii == ascii, text);
    CHECK_MESSAGE(Tokenizer().tokenize(text).ascii == ascii, text);
  }
}

TEST_CASE("tokenizer: a reused TokenizedText does not keep a long text's room for tokens") {
  // After about 400 K tokens, a short document's tokens get a vector of their
  // own size: a TokenizedText kept per thread holds no more than a few MB.
  std::string long_text;
  for (int k = 0; k < 200000; ++k) long_text += "a,";
  Tokenizer tok;
  newsner::text::TokenizedText out;
  tok.tokenize(long_text, out);
  REQUIRE(out.tokens.size() == 400000);
  tok.tokenize("A short text.", out);
  CHECK(out.tokens.size() == 4);
  CHECK(out.tokens.capacity() < 100000);
  CHECK(out.tokens.capacity() >= 4);
}

TEST_CASE("tokenizer: each token's sentence is the one holding it, across sentences without tokens") {
  // The token loop steps to the next sentence at sentences[k].end (where
  // sentence k + 1 begins); runs of line breaks make sentences without a token
  // ("\n" alone), which it steps over; a sentence's first word token (not
  // punctuation or a symbol) starts it.
  Tokenizer tok;
  const std::string texts[] = {
      "One. Two!\n\n\nThree?\n\n\"Four,\" he said.\r\n\r\n$5 (six) Mr. Seven.\n",
      "\n\nA\n\n\nB. C.\n. \"D\".\n\n\n\n",
      "x",
      "Kono's Z\xC3\xBC" "rich.\n\nAbe\xE2\x80\x99s visit. \xE2\x80\x9COk.\xE2\x80\x9D\n\n(Done)",
  };
  for (const std::string& text : texts) {
    const auto tt = tok.tokenize(text);
    REQUIRE(!tt.tokens.empty());
    std::uint32_t last_sentence = UINT32_MAX;
    bool word_seen = false;
    for (const auto& t : tt.tokens) {
      CHECK_MESSAGE(t.sentence == tt.sentence_at(t.span.begin), tt.surface(t));
      if (t.sentence != last_sentence) word_seen = false;
      last_sentence = t.sentence;
      const bool word = t.shape != Shape::Punct && t.shape != Shape::Symbol;
      CHECK_MESSAGE(bool{t.sentence_start} == (word && !word_seen), tt.surface(t));
      word_seen = word_seen || word;
    }
  }
}

TEST_CASE("tokenizer: the space look-ahead stops at the text's end, after a longer text's boundaries") {
  // The token loop takes the single space after a word by reading the next
  // boundary and byte. Here the text is a view whose buffer goes on with a
  // space, and the tokenizer's boundary buffer still holds the previous
  // text's next boundary (3) after this text's last one (2). (Without the 0
  // written after the last boundary, the loop read on past them: it never
  // ended.)
  Tokenizer tok;
  const std::string buffer = "ab c d";
  (void)tok.tokenize(buffer);
  const auto tt = tok.tokenize(std::string_view(buffer).substr(0, 2));
  REQUIRE(surfaces(tt) == std::vector<std::string>{"ab"});
  CHECK(!bool{tt.tokens[0].space_before});
  // And a text ending in a space after a word.
  const auto spaced = tok.tokenize(std::string_view(buffer).substr(0, 3));
  CHECK(surfaces(spaced) == std::vector<std::string>{"ab"});
}
