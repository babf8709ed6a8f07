// rule_support.hpp: WordSet, folded_is and is_char, which look tokens up by
// their fold hash and bytes, must agree with plain string tests.
#include "newsner/recognize/rule_support.hpp"

#include <array>
#include <string>

#include <doctest/doctest.h>

#include "names_fixture.hpp"
#include "newsner/text/token_hash.hpp"

namespace {
constexpr std::string_view kWords[] = {"beat", "drew", "'s", "v", "outlasted", "co-founder"};
constexpr newsner::recognize::WordSet kSet(kWords);
}  // namespace

TEST_CASE("rule_support: token_hash at compile time is the tokenizer's fold hash") {
  static constexpr std::string_view kHashed[] = {"", "a", "beat", "co-founder", "m\xC3\xBCnster"};
  static constexpr std::array<std::uint64_t, 5> kAtCompileTime = {
      newsner::text::token_hash(kHashed[0]), newsner::text::token_hash(kHashed[1]),
      newsner::text::token_hash(kHashed[2]), newsner::text::token_hash(kHashed[3]),
      newsner::text::token_hash(kHashed[4])};
  for (std::size_t k = 0; k < 5; ++k) {
    const std::string at_run_time(kHashed[k]);
    CHECK(kAtCompileTime[k] == newsner::text::token_hash(at_run_time));
  }
  static_assert(newsner::text::token_hash("of") != newsner::text::token_hash("on"));
}

TEST_CASE("rule_support: WordSet, folded_is and is_char on tokens") {
  static newsner::text::Tokenizer tok;
  const auto tt = tok.tokenize("Leeds BEAT Kent's co-founder, (v Essex) - OUTLASTED beats drew. Of on");
  const newsner::recognize::Context ctx(tt, names_test::matcher());
  int found = 0;
  for (std::size_t i = 0; i < ctx.size(); ++i) {
    const std::string_view f = ctx.folded(i);
    INFO("token " << i << ": " << std::string(f));
    const bool listed = std::find(std::begin(kWords), std::end(kWords), f) != std::end(kWords);
    CHECK(kSet.contains(ctx, i) == listed);
    CHECK(kSet.contains(f) == listed);
    found += listed;
    CHECK(newsner::recognize::folded_is(ctx, i, "of") == (f == "of"));
    for (const char c : {'-', '(', ',', '.', 'v'}) {
      CHECK(newsner::recognize::is_char(ctx, i, c) == (ctx.surface(i) == std::string_view(&c, 1)));
    }
  }
  CHECK(found >= 5);  // BEAT, 's, v, OUTLASTED, drew (co-founder may split)
  // Past the end: false, not a read out of bounds.
  CHECK_FALSE(kSet.contains(ctx, ctx.size()));
  CHECK_FALSE(newsner::recognize::folded_is(ctx, ctx.size(), "of"));
  CHECK_FALSE(newsner::recognize::is_char(ctx, ctx.size(), '.'));
  CHECK_FALSE(kSet.contains(""));
}
