// A Tokenizer whose tokenize() threw (std::bad_alloc: the runner catches it,
// fails that one document and goes on with the thread's Tokenizer) must give
// the next document what a fresh one gives. Allocations are made to fail by a
// replacement of the global operator new, armed only inside this test (per
// thread; every other allocation of the test binary is a plain malloc).
#include <cstdlib>
#include <new>
#include <string>

#include <doctest/doctest.h>
#include "newsner/text/tokenizer.hpp"

namespace {
thread_local long fail_countdown = 0;  // > 0: the allocation that brings it to 0 throws
}  // namespace

// Every unaligned form is replaced, so that each pairs with a replaced delete
// (a sanitizer's own operator new freed here would be a mismatch).
namespace {
void* allocate(std::size_t n) noexcept {
  if (fail_countdown > 0 && --fail_countdown == 0) return nullptr;
  return std::malloc(n != 0 ? n : 1);
}
void* allocate_or_throw(std::size_t n) {
  if (void* p = allocate(n)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t n) { return allocate_or_throw(n); }
void* operator new[](std::size_t n) { return allocate_or_throw(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return allocate(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return allocate(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

TEST_CASE("tokenizer: a document after one that threw gets a fresh tokenizer's sentences") {
  using newsner::text::Tokenizer;
  std::string first;
  for (int k = 0; k < 300; ++k) first += "Mr. Smith met Dr. Jones in the U.S. on Jan. 5. He left.\n";
  first += first;
  const std::string next = "Second doc. It has Mr. Smith in it. And more text here! Yes.";
  const auto want = Tokenizer().tokenize(next);
  int thrown = 0;
  for (long at = 1; at < 200; ++at) {
    Tokenizer tok;
    fail_countdown = at;
    try {
      tok.tokenize(first);
    } catch (const std::bad_alloc&) {
      ++thrown;
    }
    fail_countdown = 0;
    INFO("allocation " << at << " failed");
    const auto got = tok.tokenize(next);
    REQUIRE(got.sentences.size() == want.sentences.size());
    for (std::size_t k = 0; k < got.sentences.size(); ++k) {
      CHECK(got.sentences[k].begin == want.sentences[k].begin);
      CHECK(got.sentences[k].end == want.sentences[k].end);
    }
  }
  CHECK(thrown >= 5);  // the failures did hit tokenize's allocations
}

TEST_CASE("tokenizer: a reused TokenizedText after a document that threw gets a fresh one's tokens") {
  // tokenize(text, out) keeps out's tokens between documents: one that threw
  // part way (at any of its allocations) may leave them in any state, which
  // the next document must not see.
  using newsner::text::Tokenizer;
  std::string first;
  for (int k = 0; k < 300; ++k) first += "Mr. Smith met Dr. Jones in the U.S. on Jan. 5. He left Kono's home.\n";
  const std::string next = "Second doc. It has Mr. Smith in it. And more text here! Yes.";
  const auto want = Tokenizer().tokenize(next);
  int thrown = 0;
  for (long at = 1; at < 200; ++at) {
    Tokenizer tok;
    newsner::text::TokenizedText out;
    tok.tokenize(next + next + next, out);  // tokens to be left over
    fail_countdown = at;
    try {
      tok.tokenize(first, out);
    } catch (const std::bad_alloc&) {
      ++thrown;
    }
    fail_countdown = 0;
    INFO("allocation " << at << " failed");
    tok.tokenize(next, out);
    CHECK(out.sentences == want.sentences);
    CHECK(out.folded == want.folded);
    REQUIRE(out.tokens.size() == want.tokens.size());
    for (std::size_t k = 0; k < out.tokens.size(); ++k) {
      CHECK(out.tokens[k].span == want.tokens[k].span);
      CHECK(out.tokens[k].fold_hash == want.tokens[k].fold_hash);
      CHECK(out.tokens[k].sentence == want.tokens[k].sentence);
      CHECK(bool{out.tokens[k].sentence_start} == bool{want.tokens[k].sentence_start});
      CHECK(bool{out.tokens[k].space_before} == bool{want.tokens[k].space_before});
    }
  }
  CHECK(thrown >= 3);  // the failures did hit tokenize's allocations
}

TEST_CASE("tokenizer: an allocation that fails while a non-ASCII token is folded is a bad_alloc, not an abort") {
  // Non-ASCII tokens are folded and normalized by ICU, which appends to the
  // document's folded string (UnicodeString::toUTF8String): a bad_alloc
  // thrown there must reach the caller through ICU's frames, and the reused
  // TokenizedText must give the next document a fresh one's folded forms.
  using newsner::text::Tokenizer;
  std::string first;
  for (int k = 0; k < 40; ++k) first += "Z\xC3\xBCrich and Zu\xCC\x88rich met \xC3\x84rzte in S\xC3\xA3o Paulo. ";
  const std::string next = "M\xC3\xBCller went to G\xC3\xB6teborg.";
  const auto want = Tokenizer().tokenize(next);
  int thrown = 0;
  for (long at = 1; at < 400; ++at) {
    Tokenizer tok;
    newsner::text::TokenizedText out;
    fail_countdown = at;
    try {
      tok.tokenize(first, out);
    } catch (const std::bad_alloc&) {
      ++thrown;
    }
    fail_countdown = 0;
    tok.tokenize(next, out);
    CHECK(out.folded == want.folded);
  }
  CHECK(thrown >= 5);
}
