// Finds gazetteer entries in a token sequence. Stage 3 of the pipeline.
// Input: tokens of one document. Output: every entry whose key equals the
// case-folded tokens [token_begin, token_end), for every start token and length
// (recognizers and resolve.hpp choose among them; longest first per start).
// A match never crosses a line break and never starts on punctuation.
// `exact_case` tells whether the text has the entry's own capitalization; rules
// accept case-insensitive matches only in all-caps or headline text.
// Thread safety: const after construction; share one instance across threads.
// Errors: none at match time; loading errors are reported by load_gazetteers().
// Cost: O(tokens x longest entry length) hash lookups; a start token that begins
//   no key costs one lookup.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "newsner/gazetteer/image.hpp"
#include "newsner/text/tokenizer.hpp"

namespace newsner::gazetteer {

struct Match {
  std::uint32_t token_begin = 0;
  std::uint32_t token_end = 0;  // exclusive
  std::uint32_t entry = 0;
  EntryClass cls = EntryClass::Word;  // copied from the entry
  std::uint8_t flags = 0;             // copied from the entry (EntryFlag bits)
  std::uint16_t list = 0;             // the entry's list, see Matcher::list_name
  std::uint16_t gazetteer = 0;        // index into Matcher::gazetteers()
  bool exact_case = false;
  bool deaccented = false;
};
static_assert(sizeof(Match) == 20);  // documents hold ~3 per token: keep it small

/// The token-bit entries (is_bit_class) of one gazetteer's one-token key, as
/// Matcher::for_each_listed hands them to its caller: the key's
/// Slot::bit_classes and bit_strong, whether the token has the capitalization
/// of those entries other than WORD (false when there are none: WORD counts in
/// any case), and whether the key is a diacritic-free variant.
struct KeyBits {
  std::uint16_t classes = 0;
  std::uint16_t strong = 0;
  bool exact = false;
  bool deaccented = false;
};

class Matcher {
 public:
  /// `builtin`: how many of `gazetteers`, first, are the built-in ones (the
  /// embedded image; 0 with --no-default-gazetteers); the rest are the user's
  /// own lists (--gazetteer), see is_user().
  explicit Matcher(std::vector<Gazetteer> gazetteers, std::size_t builtin = 1)
      : gazetteers_(std::move(gazetteers)), builtin_(builtin), id_(next_id()) {}

  /// Appends all matches in `tt`, ordered by token_begin, then longest first.
  void find_all(const text::TokenizedText& tt, std::vector<Match>& out) const;

  /// Calls emit(const Match&) for every match in `tt`, in find_all's order.
  /// Inline, so that a caller that keeps only some matches (Context turns
  /// most of them into per-token bits) builds no vector of all of them, and
  /// the fields it does not read are never written.
  template <typename Emit>
  void for_each_match(const text::TokenizedText& tt, Emit&& emit) const {
    auto no_summary = [](const text::Token&, const KeyBits*, std::size_t) { return false; };
    auto no_apply = [](std::uint32_t, bool) {};
    if (gazetteers_.size() == 1) scan<true, false>(tt, emit, no_summary, no_apply);
    else scan<false, false>(tt, emit, no_summary, no_apply);
  }

  /// Like for_each_match, but without the matches of token-bit classes
  /// (is_bit_class: three in four matches). Those of longer keys are left out;
  /// those of a token's one-token key are given to the caller as KeyBits, one
  /// per gazetteer whose key has some (count: 0 or 1 for one gazetteer), to be
  /// folded into the caller's summary of the token:
  ///   summarize(const text::Token& t, const KeyBits* keys, std::size_t count) -> S
  /// and the summary is handed back for every token i that can start a key, in
  /// text order, before the matches starting there:
  ///   apply(std::uint32_t i, const S& summary)
  /// The KeyBits depend only on the token's surface (its surface hash) and
  /// shape, which repeat heavily in text, so the matcher keeps each such token
  /// type's summary, key hash and key flags in a per-thread memo and calls
  /// summarize once per type it does not hold: summarize must depend on
  /// nothing else of the token than its surface and shape. A one-token key
  /// whose token-bit entries differ in capitalization (kBitsMixedCase, rare)
  /// has them emitted as matches instead.
  template <typename Emit, typename Summarize, typename Apply>
  void for_each_listed(const text::TokenizedText& tt, Emit&& emit, Summarize&& summarize, Apply&& apply) const {
    if (gazetteers_.size() == 1) scan<true, true>(tt, emit, summarize, apply);
    else scan<false, true>(tt, emit, summarize, apply);
  }

  /// Looks up one exact folded key, tokens joined by single spaces ("new york"),
  /// in every gazetteer; appends entry matches (token fields zero, exact_case
  /// false). For callers holding a string rather than tokens; the tests use it
  /// as find_all's brute-force oracle.
  void lookup(std::string_view folded_key, std::vector<Match>& out) const;

  /// Calls f(const Gazetteer&, const KeyRef&) for every entry of the key whose
  /// hash is `key_hash` (text::sequence_extend over its tokens' fold hashes), in
  /// every gazetteer: for a rule that asks about one key (a title of several
  /// words, a legal form, a name's frequency ranks), not a scan of the text.
  template <typename F>
  void for_each_key_entry(std::uint64_t key_hash, F&& f) const {
    for (const Gazetteer& g : gazetteers_) {
      const auto hit = g.find_hash(key_hash);
      for (std::uint32_t k = 0; hit && k < hit->entry_count; ++k) f(g, hit->entries[k]);
    }
  }

  EntryView entry(const Match& m) const { return gazetteers_[m.gazetteer].entry(m.entry); }
  /// The entry's first-level division ("ME" of a1=US-ME; Gazetteer::admin1).
  std::string_view admin1(const Match& m) const { return gazetteers_[m.gazetteer].admin1(m.entry); }
  /// The match's list name ("cities") without reading the entry.
  std::string_view list_name(const Match& m) const { return gazetteers_[m.gazetteer].list_name(m.list); }
  const std::vector<Gazetteer>& gazetteers() const { return gazetteers_; }
  /// Whether the match is from a user's own list (--gazetteer), whose flags
  /// ("amb" or not) say what evidence its names need.
  bool is_user(const Match& m) const { return m.gazetteer >= builtin_; }
  /// Whether the user gave lists of their own (--gazetteer).
  bool has_user_lists() const { return gazetteers_.size() > builtin_; }
  /// A number no other Matcher of the process has: per-thread memos of
  /// lookups tell their owner by it (an address can be reused).
  std::uint64_t id() const { return id_; }

 private:
  // for_each_match's loop; kSingle = one gazetteer (the usual case: the
  // embedded one), so that the compiler drops the loops over gazetteers;
  // kBits = for_each_listed.
  template <bool kSingle, bool kBits, typename Emit, typename Summarize, typename Apply>
  void scan(const text::TokenizedText& tt, Emit& emit, Summarize& summarize, Apply& apply) const;

  // A number no other Matcher of the process has: what for_each_listed's
  // per-thread memo tells its owner by (an address can be reused).
  static std::uint64_t next_id();

  std::vector<Gazetteer> gazetteers_;
  std::size_t builtin_;
  std::uint64_t id_;
};

namespace detail {
inline constexpr std::uint32_t kMaxTokens = 16;     // longer entries are not matched
inline constexpr std::uint32_t kPrefetchAhead = 4;  // tokens; enough to cover a memory access
inline constexpr std::uint32_t kRing = 8;           // ring buffers below; a power of two > kPrefetchAhead
static_assert(kRing > kPrefetchAhead && (kRing & (kRing - 1)) == 0);

// for_each_listed's look-ahead is a pipeline of three stages, each a fixed
// number of tokens ahead of the token being matched (counting only tokens
// that can start a key, see Matcher::scan's `starts`), so that a memory access
// that depends on an earlier one still has several tokens' time to arrive (on
// real news text the type memo misses about one token in 20, and the memo
// slot and the gazetteer's Tag[] and Slot lines are each likely a cache miss,
// a Slot line ~200 ns from DRAM; filled one stage ahead of use, memo misses
// stalled the scan):
//   kMemoAhead:   the token's memo slot is requested;
//   kCheckAhead:  the memo slot is read; on a miss, the one-token key's Tag[]
//                 and Slot lines are requested; on a hit that extends, the
//                 pair with the next token is hashed and its word of the
//                 two-token key filter requested;
//   kSettleAhead: a missed type is filled (fill()); the listed key's lines and,
//                 when the filter passes the pair, its Tag[] line are requested
//                 (or, for a pair with no matches to emit, the three-token
//                 key's, when its filter passes it: kTypeTriple).
// (A fourth stage that requested a listed key's KeyRef[] line and a likely
// pair hit's Slot line, 4 tokens ahead, made no difference in instructions
// and was no faster.)
inline constexpr std::uint32_t kMemoAhead = 28;
inline constexpr std::uint32_t kCheckAhead = 22;
inline constexpr std::uint32_t kSettleAhead = 10;
inline constexpr std::uint32_t kTypeRing = 32;  // its ring buffers; a power of two > kCheckAhead
static_assert(kMemoAhead > kCheckAhead && kCheckAhead > kSettleAhead && kSettleAhead > 0);
static_assert(kTypeRing > kCheckAhead && (kTypeRing & (kTypeRing - 1)) == 0);

inline bool starts_no_key(const text::Token& t) {
  return t.shape == text::Shape::Punct || t.shape == text::Shape::Symbol;
}
// The same as a shift of a constant, for a loop that must not branch on it.
inline unsigned starts_key_bit(const text::Token& t) {
  constexpr unsigned kNoKey = 1u << static_cast<unsigned>(text::Shape::Punct) |
                              1u << static_cast<unsigned>(text::Shape::Symbol);
  return ((kNoKey >> static_cast<unsigned>(t.shape)) & 1u) ^ 1u;
}

// for_each_listed's memo of token types: direct-mapped by surface hash, one
// slot per type, kept across documents. Real news text (Reuters) has a wide
// vocabulary: on 3 MB of it, 8192 slots missed 98.6 K times, 32768 slots
// 55.0 K times (3.0 K on the narrower 3 MB sample); on 18.6 MB of it, 32768
// slots 271 K times, 65536 slots 166 K times. 32-byte slots make it 2 MB, more
// than this thread's share of the L2 cache, which the look-ahead allows for:
// a token's slot is requested kMemoAhead - kCheckAhead tokens before it is read.
inline constexpr std::size_t kTypeMemoSize = 65536;
enum TypeFlag : std::uint8_t {
  kTypeExtends = 1,  // the one-token key extends in some gazetteer (look up the pair)
  kTypeListed = 2,   // the one-token key has entries emitted as matches (read its slot)
  kTypePair = 4,     // (look-ahead only) extends, and the next token is on its line: the pair is hashed
  kTypeMiss = 8,     // (look-ahead only) not in the memo when checked: fill it (only `one` is set)
  kTypeTriple = 16,  // (look-ahead only) the pair emits no matches, the next three tokens may be a key:
                     // that key is hashed instead (Gazetteer::may_hold_listed_pair)
};
template <typename Summary>
struct TypeSlot {
  std::uint64_t surface = 0;                      // Token::surface_hash
  std::uint64_t one = 0;                          // the one-token key hash
  Summary summary{};
  text::Shape shape = static_cast<text::Shape>(0xFF);  // no token's: an empty slot matches none
  std::uint8_t flags = 0;                         // TypeFlag bits
};
// (Two-token keys that are in no gazetteer, most of those asked for, are
// answered by each gazetteer's filter, Gazetteer::may_hold_pair: on 19.8 MB of
// real news text it passes 0.19 M of the 1.53 M pairs asked, 0.12 M of them
// keys. A per-thread memo of 8192 pairs found missing, which it replaced,
// kept 0.57 M of them from the image, and the rest cost a Tag[] line each.)
// With the type memo, the matches of listed one-token keys (kTypeListed:
// "Reuters", "London", "President"; one token in seven on real news text), by
// surface hash, direct-mapped: the entries that a key emits and whether each
// has the token's capitalization depend on nothing else. A token whose matches it
// holds reads neither the key's Tag[] and Slot lines nor its KeyRef[] line
// from the image (three cache misses, most often, in a 56 MB image), but one
// line of this 256 KB table. On 18.6 MB of real text 4096 slots hold the
// matches of 91% of listed tokens (16384: 96%); 98% of listed keys emit at
// most kListedMax matches (a key with more is not held).
inline constexpr std::size_t kListedMemoSize = 4096;
inline constexpr std::uint32_t kListedMax = 6;
struct ListedRef {
  std::uint32_t entry;
  std::uint16_t list;
  EntryClass cls;
  std::uint8_t flags;
};
struct ListedSlot {
  std::uint64_t surface = 0;  // Token::surface_hash
  std::uint8_t count = 0;     // matches held; 0 = empty (a listed key emits at least one)
  std::uint8_t exact = 0;     // bit k: refs[k] has the token's capitalization
  bool deaccented = false;
  ListedRef refs[kListedMax];
};
static_assert(sizeof(ListedSlot) == 64);  // one cache line
template <typename Summary>
struct TypeMemo {
  std::uint64_t matcher = 0;  // Matcher::id_ of the slots' gazetteers and summaries
  std::unique_ptr<TypeSlot<Summary>[]> slots;
  std::unique_ptr<ListedSlot[]> listed;       // one gazetteer only (kSingle)
  std::vector<std::uint32_t> starts;          // the document's tokens that can start a key (reused)
};
}  // namespace detail

template <bool kSingle, bool kBits, typename Emit, typename Summarize, typename Apply>
void Matcher::scan(const text::TokenizedText& tt, Emit& emit, Summarize& summarize, Apply& apply) const {
  using detail::kMaxTokens, detail::kPrefetchAhead, detail::kRing, detail::starts_no_key;
  using Summary = std::invoke_result_t<Summarize&, const text::Token&, const KeyBits*, std::size_t>;
  const std::size_t gaz_count = kSingle ? 1 : gazetteers_.size();
  const Gazetteer* gaz = gazetteers_.data();
  const auto n = static_cast<std::uint32_t>(tt.tokens.size());
  const text::Token* tokens = tt.tokens.data();

  // Keys with entries found from one start token, shortest first; emitted
  // longest first once the start token is done.
  struct Found {
    std::uint32_t end;
    std::uint32_t gazetteer;
    std::uint32_t cased_hash;
    const Slot* slot;  // or nullptr for the one-token key's matches held in `listed`
    const detail::ListedSlot* listed;
  };
  Found found_single[kMaxTokens];  // no allocation for the usual one gazetteer
  std::vector<Found> found_multi(kSingle ? 0 : kMaxTokens * gaz_count);
  Found* const found = kSingle ? found_single : found_multi.data();
  KeyBits keys_single[1];
  std::vector<KeyBits> keys_multi(kSingle || !kBits ? 0 : gaz_count);
  KeyBits* const keys = kSingle ? keys_single : keys_multi.data();

  // for_each_listed: the memo of token types (detail::TypeMemo), this thread's
  // for this caller; emptied when it was filled for another Matcher.
  detail::TypeSlot<Summary>* memo = nullptr;
  detail::ListedSlot* listed_memo = nullptr;
  const std::uint32_t* starts = nullptr;  // for_each_listed: the tokens that can start a key
  std::uint32_t start_count = n;
  if constexpr (kBits) {
    static thread_local detail::TypeMemo<Summary> types;
    if (!types.slots || types.matcher != id_) {
      types.slots = std::make_unique<detail::TypeSlot<Summary>[]>(detail::kTypeMemoSize);
      types.listed = kSingle ? std::make_unique<detail::ListedSlot[]>(detail::kListedMemoSize) : nullptr;
      types.matcher = id_;
    }
    memo = types.slots.get();
    listed_memo = types.listed.get();
    // The tokens that can start a key, listed first without a branch (one in
    // five is punctuation, in no pattern the branch predictor could follow):
    // the stages below then walk this list and test no token's shape.
    if (types.starts.size() < n) types.starts.resize(n);
    std::uint32_t* const list = types.starts.data();
    std::uint32_t m = 0;
    for (std::uint32_t k = 0; k < n; ++k) {
      list[m] = k;
      m += detail::starts_key_bit(tokens[k]);
    }
    starts = list;
    start_count = m;
  }
  // The type slot of a token the memo does not hold: its one-token key looked
  // up in each gazetteer and summarized by the caller.
  // (noinline: rare, and it keeps the look-ahead below small enough to inline.)
  auto fill = [&](detail::TypeSlot<Summary>& ts, const text::Token& t) __attribute__((noinline)) {
    const std::uint64_t one = text::sequence_extend(text::kSequenceSeed, t.fold_hash);
    std::uint8_t flags = 0;
    std::size_t count = 0;
    for (std::size_t g = 0; g < gaz_count; ++g) {
      const Slot* slot = gaz[g].find_slot(one);
      if (!slot) continue;
      const std::uint32_t key_flags = slot->ref_count_flags;
      if (key_flags & kExtends) flags |= detail::kTypeExtends;
      if (Gazetteer::key_entry_count(*slot) == 0) continue;
      if (key_flags & (kHasOthers | kBitsMixedCase)) flags |= detail::kTypeListed;
      if (!(key_flags & kBitsMixedCase) && slot->bit_classes != 0) {
        // (WORD entries count in any case: a key of only those, such as
        // "the", needs no cased hash.)
        const bool deaccented = (key_flags & kDeaccented) != 0;
        const bool exact =
            !deaccented && (slot->bit_classes & ~(1u << unsigned(EntryClass::Word))) != 0 &&
            Gazetteer::bit_cased(*slot) ==
                static_cast<std::uint32_t>(text::sequence_extend(text::kSequenceSeed, t.surface_hash) >> 32);
        keys[count++] = {slot->bit_classes, slot->bit_strong, exact, deaccented};
      }
    }
    ts.surface = t.surface_hash;
    ts.one = one;
    ts.summary = summarize(t, keys, count);
    ts.shape = t.shape;
    ts.flags = flags;
  };

  // Key hashes of the one- and two-token keys starting at token k, in slot
  // k % kR, computed ahead of their use, when their lines are requested from
  // memory so that lookups overlap instead of queueing. One-token keys mostly
  // hit (Tag[] and Slot lines are requested); two-token keys mostly miss (only
  // the Tag[] line is). for_each_match does it in one stage, kPrefetchAhead
  // tokens ahead; for_each_listed takes the one-token key's hash and flags and
  // the summary from the type memo, and hashes the pair only when the
  // one-token key extends, in the stages of detail::kMemoAhead etc.
  // (pair_ahead then holds the three-token key's hash for kTypeTriple.)
  constexpr std::uint32_t kR = kBits ? detail::kTypeRing : kRing;
  std::uint64_t one_ahead[kR], pair_ahead[kR];
  detail::TypeSlot<Summary> type_ahead[kR];  // for_each_listed: copies of the types' memo slots
  auto memo_slot = [&](const text::Token& t) -> detail::TypeSlot<Summary>& {
    return memo[t.surface_hash & (detail::kTypeMemoSize - 1)];
  };
  auto holds = [](const detail::TypeSlot<Summary>& ts, const text::Token& t) {
    return ts.surface == t.surface_hash && ts.shape == t.shape;
  };
  auto listed_slot = [&](const text::Token& t) -> detail::ListedSlot& {
    return listed_memo[t.surface_hash & (detail::kListedMemoSize - 1)];
  };
  auto listed_holds = [](const detail::ListedSlot& ls, const text::Token& t) {
    return ls.surface == t.surface_hash && ls.count != 0;
  };
  // for_each_listed, stage kCheckAhead (and kMemoAhead for a later token).
  // (Stages take the position q of a token in `starts`; rings are indexed by it.)
  auto check = [&](std::uint32_t q) __attribute__((always_inline)) {
    if (q + (detail::kMemoAhead - detail::kCheckAhead) < start_count) {
      __builtin_prefetch(&memo_slot(tokens[starts[q + (detail::kMemoAhead - detail::kCheckAhead)]]));
    }
    const text::Token& t = tokens[starts[q]];
    detail::TypeSlot<Summary>& ahead = type_ahead[q % kR];
    const detail::TypeSlot<Summary>& ts = memo_slot(t);
    // A copy, whole (two moves): a later fill may reuse the memo slot.
    if (holds(ts, t)) {
      ahead = ts;
      if (kSingle && (ahead.flags & detail::kTypeListed)) __builtin_prefetch(&listed_slot(t));
      // The pair's hash now, and its word of the two-token key filter
      // requested: settle reads it (read there unrequested, it stalled the scan).
      const std::uint32_t k = starts[q];
      if ((ahead.flags & detail::kTypeExtends) && k + 1 < n && !tokens[k + 1].newline_before) {
        const std::uint64_t pair = text::sequence_extend(ahead.one, tokens[k + 1].fold_hash);
        pair_ahead[q % kR] = pair;
        for (std::size_t g = 0; g < gaz_count; ++g) gaz[g].prefetch_pair_bit(pair);
      }
      return;
    }
    const std::uint64_t one = text::sequence_extend(text::kSequenceSeed, t.fold_hash);
    ahead.one = one;
    ahead.flags = detail::kTypeMiss;
    for (std::size_t g = 0; g < gaz_count; ++g) gaz[g].prefetch(one);
  };
  // for_each_listed, stage kSettleAhead.
  auto settle = [&](std::uint32_t q) __attribute__((always_inline)) {
    const std::uint32_t k = starts[q];
    const text::Token& t = tokens[k];
    detail::TypeSlot<Summary>& ahead = type_ahead[q % kR];
    const bool missed = (ahead.flags & detail::kTypeMiss) != 0;
    if (missed) {
      // (Held by now when the same type came up since the check.)
      detail::TypeSlot<Summary>& ts = memo_slot(t);
      if (!holds(ts, t)) fill(ts, t);
      ahead = ts;
    }
    // A listed key's lines are requested only when its matches are not held.
    if ((ahead.flags & detail::kTypeListed) && !(kSingle && listed_holds(listed_slot(t), t))) {
      for (std::size_t g = 0; g < gaz_count; ++g) gaz[g].prefetch(ahead.one);
    }
    if (!(ahead.flags & detail::kTypeExtends) || k + 1 == n || tokens[k + 1].newline_before) return;
    // (Hashed by check unless the type was missed there.)
    const std::uint64_t pair =
        missed ? text::sequence_extend(ahead.one, tokens[k + 1].fold_hash) : pair_ahead[q % kR];
    // Most pairs are in no gazetteer, and their filter says so.
    bool may_hold = false;
    for (std::size_t g = 0; g < gaz_count; ++g) may_hold |= gaz[g].may_hold_pair(pair);
    if (!may_hold) return;
    // A pair that has no matches to emit (half of the keys among text's pairs,
    // most of them prefixes: "new york" of "new york times"...) matters only as
    // the start of a longer key, whose first three tokens are asked for
    // instead: the pair's Slot line is not read.
    bool listed = false;
    for (std::size_t g = 0; g < gaz_count; ++g) listed |= gaz[g].may_hold_listed_pair(pair);
    std::uint64_t key = pair;
    if (listed) {
      ahead.flags |= detail::kTypePair;
    } else {
      if (k + 2 == n || tokens[k + 2].newline_before) return;
      key = text::sequence_extend(pair, tokens[k + 2].fold_hash);
      bool may_hold_triple = false;
      for (std::size_t g = 0; g < gaz_count; ++g) may_hold_triple |= gaz[g].may_hold_triple(key);
      if (!may_hold_triple) return;
      ahead.flags |= detail::kTypeTriple;
    }
    pair_ahead[q % kR] = key;
    for (std::size_t g = 0; g < gaz_count; ++g) gaz[g].prefetch_tag(key);
  };
  // for_each_match, all in one stage.
  auto look_ahead = [&](std::uint32_t k) __attribute__((always_inline)) {
    const text::Token& t = tokens[k];
    if (starts_no_key(t)) return;
    const std::uint64_t one = text::sequence_extend(text::kSequenceSeed, t.fold_hash);
    one_ahead[k % kR] = one;
    for (std::size_t g = 0; g < gaz_count; ++g) gaz[g].prefetch(one);
    if (k + 1 < n && !tokens[k + 1].newline_before) {
      const std::uint64_t pair = text::sequence_extend(one, tokens[k + 1].fold_hash);
      pair_ahead[k % kR] = pair;
      for (std::size_t g = 0; g < gaz_count; ++g) gaz[g].prefetch_tag(pair);
    }
  };
  if constexpr (kBits) {
    for (std::uint32_t q = 0; q < start_count && q < detail::kMemoAhead; ++q) {
      __builtin_prefetch(&memo_slot(tokens[starts[q]]));
    }
    for (std::uint32_t q = 0; q < start_count && q < detail::kCheckAhead; ++q) check(q);
    for (std::uint32_t q = 0; q < start_count && q < detail::kSettleAhead; ++q) settle(q);
  } else {
    for (std::uint32_t k = 0; k < n && k < kPrefetchAhead; ++k) look_ahead(k);
  }

  // for_each_listed walks `starts` (position p), for_each_match every token.
  for (std::uint32_t p = 0; p < start_count; ++p) {
    const std::uint32_t i = kBits ? starts[p] : p;  // the start token
    const std::uint32_t r = p % kR;                 // its slot in the rings
    if constexpr (kBits) {
      if (p + detail::kCheckAhead < start_count) check(p + detail::kCheckAhead);
      if (p + detail::kSettleAhead < start_count) settle(p + detail::kSettleAhead);
    } else {
      if (i + kPrefetchAhead < n) look_ahead(i + kPrefetchAhead);
      if (starts_no_key(tokens[i])) continue;
    }
    std::uint64_t hash = kBits ? type_ahead[r].one : one_ahead[r];  // key hash of tokens [i, j]
    // The surface (cased) hash of the key is only needed when a key has
    // entries; it is extended lazily up to the current token from the
    // tokenizer's Token::surface_hash.
    std::uint64_t cased = text::kSequenceSeed;
    std::uint32_t cased_upto = i;  // tokens [i, cased_upto) are in `cased`
    // Tokens [i, plain_upto) are their own folded forms (surface hash = fold
    // hash, as for lower-case ASCII): while the key has only those, its cased
    // hash is its key hash, and `cased` need not be computed.
    std::uint32_t plain_upto = i;
    // Upper 32 bits of the cased hash of the key [i, j] (KeyRef::cased_hash).
    auto key_cased32 = [&](std::uint32_t j) {
      while (plain_upto <= j && tokens[plain_upto].surface_hash == tokens[plain_upto].fold_hash) ++plain_upto;
      if (plain_upto > j) return static_cast<std::uint32_t>(hash >> 32);
      for (; cased_upto <= j; ++cased_upto) cased = text::sequence_extend(cased, tokens[cased_upto].surface_hash);
      return static_cast<std::uint32_t>(cased >> 32);
    };
    std::size_t found_count = 0;
    std::uint32_t j = i;  // the key's last token
    bool extends = true;
    if constexpr (kBits) {
      // The one-token key from the type memo: its token-bit summary, then its
      // slot again only when it has entries to emit.
      const std::uint8_t type_flags = type_ahead[r].flags;
      apply(i, type_ahead[r].summary);
      // Most tokens: nothing to emit, no longer key to look up.
      if (!(type_flags & (detail::kTypeListed | detail::kTypePair | detail::kTypeTriple))) continue;
      if (kSingle && (type_flags & detail::kTypeListed) && listed_holds(listed_slot(tokens[i]), tokens[i])) {
        found[found_count++] = {i + 1, 0, 0, nullptr, &listed_slot(tokens[i])};
      } else if (type_flags & detail::kTypeListed) {
        for (std::size_t g = 0; g < gaz_count; ++g) {
          const Slot* slot = gaz[g].find_slot(hash);
          if (!slot || Gazetteer::key_entry_count(*slot) == 0 ||
              !(slot->ref_count_flags & (kHasOthers | kBitsMixedCase))) {
            continue;
          }
          found[found_count++] = {i + 1, static_cast<std::uint32_t>(g), key_cased32(i), slot, nullptr};
        }
      }
      extends = (type_flags & (detail::kTypePair | detail::kTypeTriple)) != 0;
      j = i + 1;
      if (extends) {
        j += (type_flags & detail::kTypeTriple) != 0;
        hash = pair_ahead[r];  // of tokens [i, j]
      }
    }
    while (extends) {
      extends = false;
      for (std::size_t g = 0; g < gaz_count; ++g) {
        // (Most three-token keys asked for are in no gazetteer: its filter says so.)
        if (j == i + 2 && !gaz[g].may_hold_triple(hash)) continue;
        const Slot* slot = gaz[g].find_slot(hash);
        if (!slot) continue;
        const std::uint32_t key_flags = slot->ref_count_flags;
        extends |= (key_flags & kExtends) != 0;
        if (Gazetteer::key_entry_count(*slot) == 0) continue;
        // for_each_listed leaves the token-bit entries of longer keys out: a
        // key that has no other entries is not recorded.
        if (kBits && !(key_flags & kHasOthers)) continue;
        found[found_count++] = {j + 1, static_cast<std::uint32_t>(g), key_cased32(j), slot, nullptr};
      }
      ++j;
      if (!extends || j == n || j - i == kMaxTokens || tokens[j].newline_before) break;
      hash = j == i + 1 ? pair_ahead[r] : text::sequence_extend(hash, tokens[j].fold_hash);
    }
    // Longest first; keys of one length in gazetteer order, a key's entries in
    // image order (its evidence-class entries last, image.hpp).
    for (std::size_t group_end = found_count; group_end > 0;) {
      std::size_t group_begin = group_end - 1;
      if (!kSingle) {
        while (group_begin > 0 && found[group_begin - 1].end == found[group_end - 1].end) --group_begin;
      }
      for (std::size_t f = group_begin; f < group_end; ++f) {
        const Found& fd = found[f];
        if constexpr (kBits && kSingle) {
          if (fd.listed) {  // the one-token key's matches, from the listed memo
            const detail::ListedSlot& ls = *fd.listed;
            for (std::uint32_t k = 0; k < ls.count; ++k) {
              Match m;
              m.token_begin = i;
              m.token_end = i + 1;
              m.entry = ls.refs[k].entry;
              m.cls = ls.refs[k].cls;
              m.flags = ls.refs[k].flags;
              m.list = ls.refs[k].list;
              m.gazetteer = 0;
              m.exact_case = (ls.exact >> k) & 1u;
              m.deaccented = ls.deaccented;
              emit(static_cast<const Match&>(m));
            }
            continue;
          }
        }
        const std::uint32_t key_flags = fd.slot->ref_count_flags;
        const bool deaccented = (key_flags & kDeaccented) != 0;
        const std::uint32_t ref_count = Gazetteer::key_entry_count(*fd.slot);
        // for_each_listed: the token-bit entries (last) were summarized above,
        // except those of a one-token kBitsMixedCase key.
        const bool stop_at_bits = kBits && (fd.end != i + 1 || !(key_flags & kBitsMixedCase));
        const KeyRef* refs = gaz[fd.gazetteer].key_entries(*fd.slot);
        // for_each_listed: a one-token key's matches are recorded in the
        // listed memo as they are emitted (up to kListedMax of them).
        detail::ListedSlot* record = nullptr;
        if constexpr (kBits && kSingle) {
          if (fd.end == i + 1) {
            record = &listed_slot(tokens[i]);
            record->count = 0;
            record->exact = 0;
            record->deaccented = deaccented;
          }
        }
        std::uint32_t recorded = 0;
        for (std::uint32_t k = 0; k < ref_count; ++k) {
          const KeyRef& ref = refs[k];
          if (stop_at_bits && is_bit_class(ref.cls)) break;
          Match m;
          m.token_begin = i;
          m.token_end = fd.end;
          m.entry = ref.entry;
          m.cls = ref.cls;
          m.flags = ref.flags;
          m.list = ref.list;
          m.gazetteer = static_cast<std::uint16_t>(fd.gazetteer);
          m.exact_case = !deaccented && ref.cased_hash == fd.cased_hash;
          m.deaccented = deaccented;
          if (record && recorded < detail::kListedMax) {
            record->refs[recorded] = {m.entry, m.list, m.cls, m.flags};
            record->exact |= static_cast<std::uint8_t>(unsigned{m.exact_case} << recorded);
          }
          ++recorded;
          emit(static_cast<const Match&>(m));
        }
        if (record) {
          const bool fits = recorded <= detail::kListedMax;
          record->count = fits ? static_cast<std::uint8_t>(recorded) : 0;
          record->surface = fits ? tokens[i].surface_hash : 0;
        }
      }
      group_end = group_begin;
    }
  }
}

}  // namespace newsner::gazetteer
