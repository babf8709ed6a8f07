// Helpers shared by the name recognizers: small fixed word lists (rule
// vocabulary) tested against folded tokens, and one-byte token tests.
// Thread safety: WordSet is immutable after construction (use constexpr instances).
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "newsner/recognize/context.hpp"
#include "newsner/text/token_hash.hpp"

namespace newsner::recognize {

/// Token i exists and is the one byte `c` (ASCII): ctx.is(i, "-") without
/// building a string_view and comparing it (rules ask this of punctuation many
/// times). The token's fold hash is tested first, against the constant hash of
/// c's folded form (c itself, a capital lowered): one compare rejects nearly
/// every token asked about; the bytes are read only when the hash agrees.
[[gnu::always_inline]] inline bool is_char(const Context& ctx, std::size_t i, char c) {
  if (i >= ctx.size()) return false;
  const text::Token& t = ctx.token(i);
  const char folded = c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
  if (t.fold_hash != text::token_hash_step(text::kTokenHashSeed, static_cast<unsigned char>(folded))) return false;
  return t.span.size() == 1 && ctx.text_data[t.span.begin] == c;
}

/// England, Scotland, Wales and Northern Ireland by their kb ids: parts of a
/// country (in the subdivision list) that act as countries (national sides,
/// their own governments).
inline bool is_home_nation_id(std::string_view kb) {
  return kb == "iso3166-2:GB-ENG" || kb == "iso3166-2:GB-SCT" || kb == "iso3166-2:GB-WLS" ||
         kb == "iso3166-2:GB-NIR";
}

/// Tokens [b, e) name a home nation (is_home_nation_id).
inline bool is_home_nation(const Context& ctx, std::size_t b, std::size_t e) {
  return ctx.find_match_at(b, [&](const gazetteer::Match& m) {
    return m.token_end == e && m.cls == gazetteer::EntryClass::Location && is_home_nation_id(ctx.matcher.entry(m).kb_id);
  });
}

/// The end of a place named at token q that is the first-level division `a1`
/// of country `cc` (a town's: "US", "ME" for a town flagged a1=US-ME): a
/// LOCATION match with ISO 3166-2 id "iso3166-2:US-ME", written "Maine",
/// "Me.", "MAINE"; 0 when none. Not a lowercase word: "me" is no state.
inline std::size_t division_named_at(const Context& ctx, std::string_view cc, std::string_view a1, std::size_t q) {
  if (a1.empty() || q >= ctx.size() || ctx.token(q).shape == text::Shape::Lower) return 0;
  const gazetteer::Match* m = ctx.find_match_at(q, [&](const gazetteer::Match& x) {
    if (x.cls != gazetteer::EntryClass::Location) return false;
    const std::string_view kb = ctx.matcher.entry(x).kb_id;
    return kb.size() == 13 + a1.size() && kb.starts_with("iso3166-2:") && kb.substr(10, 2) == cc &&
           kb[12] == '-' && kb.substr(13) == a1;
  });
  return m != nullptr ? m->token_end : 0;
}

/// Token i is a dash used as punctuation, with a space before it ("LONDON - Police",
/// "convoy — Police"): "-", "--", an em or an en dash. A hyphen inside a word
/// ("Rolls-Royce") has no space before it.
inline bool is_spaced_dash(const Context& ctx, std::size_t i) {
  if (i >= ctx.size() || !ctx.token(i).space_before) return false;
  // (By the token's size, then its bytes: Context::is was a call per dash.)
  const Span sp = ctx.token(i).span;
  const char* const p = ctx.text_data + sp.begin;
  switch (sp.size()) {
    case 1: return p[0] == '-';
    case 2: return p[0] == '-' && p[1] == '-';
    case 3: return p[0] == '\xE2' && p[1] == '\x80' && (p[2] == '\x94' || p[2] == '\x93');  // em, en dash
    default: return false;
  }
}

/// A list of token indices with room for a given number, filled without a
/// branch per index: an Appender writes the slot past the end either way and
/// moves the end by the test's outcome. For the start lists that one walk over
/// Context::cap_tokens fills: their tests depend on the text and most are
/// false, and as branches they were mispredicted for about one capitalized
/// token in four. Keep one per thread and reuse it (start allocates only to grow).
///   TokenList::Appender a = list.start(n);  ...  a.push_if(test, i);  ...  list.finish(a);
class TokenList {
 public:
  /// A write position, kept in a local while a loop appends (in a register,
  /// not reloaded from the list after each store).
  struct Appender {
    std::uint32_t* at;
    /// Appends i when `keep`. Needs room for one more index, kept or not.
    void push_if(bool keep, std::uint32_t i) {
      *at = i;
      at += keep ? 1 : 0;
    }
  };
  /// Empties the list, with room for `capacity` indices, and returns where to append.
  Appender start(std::size_t capacity) {
    if (capacity > capacity_) {
      data_ = std::make_unique_for_overwrite<std::uint32_t[]>(capacity);
      capacity_ = capacity;
    }
    size_ = 0;
    return {data_.get()};
  }
  /// Ends the appending: the list holds what `a` (from start()) appended.
  void finish(const Appender& a) { size_ = static_cast<std::size_t>(a.at - data_.get()); }
  std::size_t size() const { return size_; }
  const std::uint32_t* begin() const { return data_.get(); }
  const std::uint32_t* end() const { return data_.get() + size_; }
  std::span<const std::uint32_t> span() const { return {data_.get(), size_}; }

 private:
  std::unique_ptr<std::uint32_t[]> data_;
  std::size_t capacity_ = 0, size_ = 0;
};

/// A folded word known at compile time, with its fold hash: folded_is() tests
/// a token against it by hash and compares bytes only when the hash agrees.
struct FoldedWord {
  std::uint64_t hash;
  std::string_view text;
  template <std::size_t N>
  consteval FoldedWord(const char (&w)[N]) : hash(text::token_hash(std::string_view(w, N - 1))), text(w, N - 1) {}
};

/// Token i exists and its folded form is `w` (ctx.folded(i) == w).
/// (Always inlined, like is_char: GCC -O3 kept both out of line in the large
/// rule functions, and the call cost more than the hash test, where nearly
/// every call ends.)
[[gnu::always_inline]] inline bool folded_is(const Context& ctx, std::size_t i, FoldedWord w) {
  return i < ctx.size() && ctx.token(i).fold_hash == w.hash && ctx.folded(i) == w.text;
}

/// The words of `a` then those of `b` (to build one WordSet from several lists).
template <std::size_t A, std::size_t B>
constexpr std::array<std::string_view, A + B> concat(const std::array<std::string_view, A>& a,
                                                     const std::string_view (&b)[B]) {
  std::array<std::string_view, A + B> out{};
  for (std::size_t k = 0; k < A; ++k) out[k] = a[k];
  for (std::size_t k = 0; k < B; ++k) out[A + k] = b[k];
  return out;
}
template <std::size_t A, std::size_t B>
constexpr std::array<std::string_view, A + B> concat(const std::string_view (&a)[A], const std::string_view (&b)[B]) {
  return concat(std::to_array(a), b);
}

/// A set of N non-empty folded words in a small open-addressing table keyed by
/// their fold hash, built at compile time. A token is looked up by the fold hash
/// the tokenizer already computed (one probe, usually an empty slot or the word)
/// and its bytes are compared only when a hash matches. A one-line filter of
/// hash bits comes first: most tokens asked about are not in the set, and the
/// table (24 bytes a slot, four slots a word: up to a few KB) is read at random,
/// mostly out of cache when a rule asks a few times per document.
///   static constexpr std::string_view kWords[] = {"beat", "drew"};
///   static constexpr WordSet kSet(kWords);  ...  kSet.contains(ctx, i)
template <std::size_t N>
class WordSet {
 public:
  constexpr explicit WordSet(const std::string_view (&words)[N]) {
    for (const std::string_view w : words) insert(w);
  }
  constexpr explicit WordSet(const std::array<std::string_view, N>& words) {
    for (const std::string_view w : words) insert(w);
  }

  /// Token i exists and its folded form is in the set.
  bool contains(const Context& ctx, std::size_t i) const {
    if (i >= ctx.size()) return false;
    const std::uint64_t h = ctx.token(i).fold_hash;
    if (!may_contain(h)) return false;
    for (std::size_t k = h & kMask; !slots_[k].word.empty(); k = (k + 1) & kMask) {
      if (slots_[k].hash == h && slots_[k].word == ctx.folded(i)) return true;
    }
    return false;
  }

  /// `f` (a folded word) is in the set.
  constexpr bool contains(std::string_view f) const {
    const std::uint64_t h = text::token_hash(f);
    if (!may_contain(h)) return false;
    for (std::size_t k = h & kMask; !slots_[k].word.empty(); k = (k + 1) & kMask) {
      if (slots_[k].hash == h && slots_[k].word == f) return true;
    }
    return false;
  }

 private:
  constexpr void insert(std::string_view w) {
    const std::uint64_t h = text::token_hash(w);
    std::size_t k = h & kMask;
    while (!slots_[k].word.empty()) k = (k + 1) & kMask;
    slots_[k] = {h, w};
    filter_[filter_bit(h) / 64] |= std::uint64_t{1} << (filter_bit(h) % 64);
  }
  // The filter's bit for hash h: hash bits 8 to 16, apart from the slot's
  // (kMask takes bits 0 to 7 in sets of up to 64 words).
  static constexpr std::size_t filter_bit(std::uint64_t h) { return (h >> 8) & 511; }
  // False when no word of the set has hash h (then contains() is false).
  constexpr bool may_contain(std::uint64_t h) const {
    return (filter_[filter_bit(h) / 64] >> (filter_bit(h) % 64)) & 1;
  }
  static constexpr std::size_t kSize = std::bit_ceil(N * 4);  // load <= 1/4: short probe runs
  static constexpr std::size_t kMask = kSize - 1;
  struct Slot {
    std::uint64_t hash = 0;
    std::string_view word;  // empty = free
  };
  alignas(64) std::array<std::uint64_t, 8> filter_{};  // bit filter_bit(h) of each word's hash: one cache line
  std::array<Slot, kSize> slots_{};
};

/// Token i is a number's ordinal: "57th", "21st", "2nd", "13rd" (digits and an
/// ordinal's letters; typos of the letters too).
inline bool is_digit_ordinal(const Context& ctx, std::size_t i) {
  if (ctx.token(i).shape != text::Shape::Alnum) return false;
  const std::string_view s = ctx.surface(i);
  if (s.size() < 3 || s.size() > 5 || s[0] < '0' || s[0] > '9') return false;
  const std::string_view tail = s.substr(s.size() - 2);
  return tail == "th" || tail == "st" || tail == "nd" || tail == "rd";
}

/// Token i (folded) is a word that ends a street, building or venue name
/// ("Halsey Road", "Carnegie Hall").
inline bool is_place_head(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kWords[] = {
      "road",  "street", "avenue", "park",   "square", "bridge",  "hall",   "house",   "centre", "center",
      "stadium", "field", "gardens", "lane", "way",    "place",   "island", "river",   "lake",   "valley",
      "hill",  "airport", "station", "prison", "hotel", "palace", "castle", "tower",   "arena",  "oval"};
  static constexpr WordSet kSet(kWords);
  return kSet.contains(ctx, i);
}

}  // namespace newsner::recognize
