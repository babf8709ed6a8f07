// Hashes of tokens and token sequences. The tokenizer hashes each token's
// case-folded form once (Token::fold_hash); every later lookup keyed by folded
// tokens (gazetteer keys, the rule lexicon, the document's name table) combines
// those hashes instead of rehashing bytes.
//
// token_hash: 64-bit FNV-1a of the bytes (http://www.isthe.com/chongo/tech/comp/fnv/).
// sequence hash: h(t1 ... tn) = mix(... mix(mix(kSequenceSeed ^ t1) ^ t2) ... ^ tn),
//   where mix is MurmurHash3's 64-bit finalizer (public domain, Austin Appleby), a
//   bijection with full avalanche, so the low bits (table index) and the high bits
//   (tag) of the result are both usable. Order matters: "new york" != "york new".
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string_view>

namespace newsner::text {

/// FNV-1a's offset basis and one byte step; code that hashes while it does
/// other work per byte (the tokenizer's one-pass analysis) uses these.
constexpr std::uint64_t kTokenHashSeed = 1469598103934665603ull;
constexpr std::uint64_t token_hash_step(std::uint64_t h, unsigned char c) { return (h ^ c) * 1099511628211ull; }

/// 64-bit FNV-1a of `bytes` (a token's folded or surface form). constexpr, so
/// that rule word lists hash their words at compile time (rule_support.hpp).
constexpr std::uint64_t token_hash(std::string_view bytes) {
  std::uint64_t h = kTokenHashSeed;
  for (unsigned char c : bytes) h = token_hash_step(h, c);
  return h;
}

/// Hash of the empty token sequence; extend it token by token.
constexpr std::uint64_t kSequenceSeed = 0x9E3779B97F4A7C15ull;

/// Hash of a token sequence extended by one token (given by its token_hash).
inline std::uint64_t sequence_extend(std::uint64_t h, std::uint64_t token) {
  h ^= token;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

/// Hash of a key written as tokens joined by single spaces ("new york"); a
/// folded token never contains a space, so splitting on spaces recovers them.
inline std::uint64_t sequence_hash(std::string_view key) {
  std::uint64_t h = kSequenceSeed;
  std::size_t b = 0;
  while (true) {
    const std::size_t e = key.find(' ', b);
    h = sequence_extend(h, token_hash(key.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b)));
    if (e == std::string_view::npos) return h;
    b = e + 1;
  }
}

}  // namespace newsner::text
