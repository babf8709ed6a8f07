// The compiled gazetteer: a read-only binary image that is used in place, with no
// parsing. The build compiles gazetteers/**/*.tsv into one image that is embedded
// in the executable (embedded.hpp); --gazetteer files are compiled at startup
// into images of their own with the same code.
//
// Layout (little-endian, sections 8-byte aligned, Slot[] 64-byte aligned): a
// Header; EntryRec[]; KeyRef[] (the entries of each key, with the class, flags
// and cased-form hash copied in so that matching never reads EntryRec); Tag[];
// the key filters (may_hold_pair, may_hold_triple, may_hold_listed_pair);
// Slot[]; list names; strings.
// Slot[] is an open-addressing hash table on key_hash() (linear probing, load
// <= 1/2, slot_count a power of two, index = low bits of the hash). A 32-byte
// Slot holds the key's 64-bit hash, its flags and its KeyRef when it has one
// entry, else its KeyRef range, so that a hit reads one cache line of Slot[].
// A key's entries are stored with those of the token-bit classes (is_bit_class:
// GIVEN_NAME, SURNAME, DEMONYM, ORG_HEAD, WORD) last, and the Slot also holds
// their summary (Slot::bit_classes): a reader that only needs per-token class
// bits from them (the recognizers' Context; three matches in four are of these
// classes) takes the summary and never walks those entries.
// Tag[] is a 16-bit tag per slot (slot_tag(): the hash's top 16 bits, never 0;
// 0 = empty slot): lookups walk the probe sequence in Tag[] (2 bytes a slot,
// 1/16 of Slot[]'s size, so it mostly stays in the CPU caches) and read a Slot
// only when its tag equals theirs. A miss, which is most probes that extend a
// key ("the" + next token), then touches no Slot at all.
// There is one slot per distinct key plus one per proper token
// prefix of a key, so that a match is extended token by token and stopped early.
// Keys are identified by their 64-bit hash alone (key strings are not stored):
// with ~500,000 keys, the chance that any of a billion distinct token sequences
// of text shares a key's hash is about 3 in 100,000 (n*m/2^64). Two keys of one
// image with the same hash (about 1 in 10^8 for 500,000 keys) would share one
// slot: the later key in sorted order wins.
//
// Thread safety: a Gazetteer is immutable; share it across threads.
// Errors: build_image() returns its error text in `error`; Gazetteer::open()
//   rejects a buffer that is not an image of this version.
// Cost: a lookup walks one probe sequence in one cache line of Tag[] on average,
//   plus one Slot line for a hit; the image is about 32 bytes per entry, 68 per
//   key (at load 1/2), 12 per key reference of keys with several entries, plus
//   the strings.
#pragma once

#include <cstdint>
#include <memory>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsner/gazetteer/entry.hpp"
#include "newsner/text/token_hash.hpp"

namespace newsner::gazetteer {

/// Key hash of the image format: text::sequence_hash of the key's folded tokens
/// (token_hash.hpp), so that the matcher extends a key token by token from the
/// hashes the tokenizer already computed. "new york" -> sequence_hash("new york"),
/// equal to sequence_extend(sequence_extend(kSequenceSeed, token_hash("new")),
/// token_hash("york")).
inline std::uint64_t key_hash(std::string_view key) { return text::sequence_hash(key); }

/// One entry of a compiled image, as views into it.
struct EntryView {
  std::string_view name;      // as written in the TSV
  std::string_view kb_id;
  std::string_view list;      // list (file) name, e.g. "cities"
  EntryClass cls;
  std::uint8_t flags;
  std::uint8_t token_count;
  std::uint32_t population;
  std::uint32_t rank;
  std::string_view country;   // "US" (flag cc=), or empty
};

/// One entry of a key, as stored with the key.
struct KeyRef {
  std::uint32_t entry;
  /// Upper 32 bits of the text::sequence_hash of the entry's surface tokens
  /// ("Jean - Michel"): equal to the text's means the same capitalization.
  std::uint32_t cased_hash;
  EntryClass cls;
  std::uint8_t flags;
  std::uint16_t list;  // list index (see Gazetteer::list_name)
};

/// The token-bit classes: evidence classes that the recognizers read only as
/// per-token bits of one-token matches (recognize::Context), not as matches.
/// (TITLE, also evidence, is read as matches.)
constexpr bool is_bit_class(EntryClass c) {
  return c == EntryClass::GivenName || c == EntryClass::Surname || c == EntryClass::Demonym ||
         c == EntryClass::OrgHead || c == EntryClass::Word;
}

/// One hash table slot: a key. hash == 0 marks an empty slot (a key whose hash
/// is 0 is stored as 1, see slot_hash). Most keys have one entry, kept in the
/// slot itself so that a hit reads no other cache line; keys with more entries
/// point into KeyRef[]. Either way the entries of the token-bit classes come
/// last (in key order among themselves, as are the others).
struct Slot {
  std::uint64_t hash;
  /// The entry of a one-entry key. In a key of several entries only
  /// only.cased_hash is set: bit_cased(), the cased hash of its token-bit
  /// entries other than WORD.
  KeyRef only;
  std::uint32_t ref_begin;        // in KeyRef[], when ref_count > 1
  std::uint32_t ref_count_flags;  // ref_count << 8 | KeyFlag bits
  /// Summary of the key's token-bit entries: bit 1 << EntryClass of each of
  /// their classes, and of those of entries not flagged "amb". Their exact-case
  /// test is one compare with bit_cased() (unless kBitsMixedCase).
  std::uint16_t bit_classes;
  std::uint16_t bit_strong;
};
static_assert(sizeof(KeyRef) == 12 && sizeof(Slot) == 32);

/// Bits of Slot::ref_count_flags.
enum KeyFlag : std::uint32_t {
  kExtends = 1,         // some longer key starts with this one
  kDeaccented = 2,      // this key is a diacritic-free variant
  kHasOthers = 4,       // some entry is not of a token-bit class (it comes first)
  kBitsMixedCase = 8,   // the token-bit entries other than WORD differ in capitalization:
                        // bit_cased() does not stand for them; read the entries
};

/// The hash stored in Slot::hash for a key hash (0 is reserved for empty slots).
inline std::uint64_t slot_hash(std::uint64_t h) { return h == 0 ? 1 : h; }
/// The Tag[] entry of a slot holding slot_hash `h`: its top 16 bits, 0 taken as 1
/// (0 is reserved for empty slots).
inline std::uint16_t slot_tag(std::uint64_t h) {
  const auto t = static_cast<std::uint16_t>(h >> 48);
  return t == 0 ? 1 : t;
}

/// Result of looking a key up.
struct KeyHit {
  const KeyRef* entries = nullptr;
  std::uint32_t entry_count = 0;
  bool extends = false;     // some longer key starts with this one
  bool deaccented = false;  // this key is a diacritic-free variant
};

/// Compiles entries into an image. `lists` are the list names, indexed by
/// SourceEntry::list. Returns the image bytes; on error, an empty string and
/// `error` set.
std::string build_image(const std::vector<SourceEntry>& entries, const std::vector<std::string>& lists,
                        std::string& error);

class Gazetteer {
 public:
  /// Views `data` (which must stay alive and unchanged) as an image.
  static std::optional<Gazetteer> open(std::string_view data, std::string& error);
  /// Takes ownership of an image held in a string.
  static std::optional<Gazetteer> adopt(std::string image, std::string& error);

  /// Looks up a folded key written with single spaces between its tokens
  /// ("new york"); a hit may have no entries and only extend to longer keys.
  std::optional<KeyHit> find(std::string_view key) const { return find_hash(key_hash(key)); }
  /// The same by the key's hash (key_hash(key), or text::sequence_extend over
  /// its tokens' fold hashes).
  std::optional<KeyHit> find_hash(std::uint64_t hash) const {
    const Slot* slot = find_slot(hash);
    if (!slot) return std::nullopt;
    KeyHit hit;
    hit.entry_count = key_entry_count(*slot);
    hit.entries = key_entries(*slot);
    hit.extends = (slot->ref_count_flags & kExtends) != 0;
    hit.deaccented = (slot->ref_count_flags & kDeaccented) != 0;
    return hit;
  }
  /// The slot of the key with hash `hash` (see find_hash), or nullptr.
  const Slot* find_slot(std::uint64_t hash) const {
    hash = slot_hash(hash);
    const std::uint16_t tag = slot_tag(hash);
    std::uint32_t b = static_cast<std::uint32_t>(hash) & mask_;
#if defined(__SSE2__)
    // Eight tags compared at once: whether a probe meets an empty slot, its
    // tag or another within a few slots follows no pattern (at load 1/2 the
    // home slot is empty half of the time), and one branch per slot was
    // mispredicted for about one lookup in three. Only the lookup's outcome
    // is branched on here. (Not across the end of Tag[]: one by one there.)
    if (b + 8 <= mask_ + 1) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(tags_ + b));
      const auto empty = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi16(v, _mm_setzero_si128())));
      const auto same = static_cast<unsigned>(
          _mm_movemask_epi8(_mm_cmpeq_epi16(v, _mm_set1_epi16(static_cast<short>(tag)))));
      // Two mask bits per tag; the tags before the first empty slot count.
      unsigned cand = same & ((empty & (0u - empty)) - 1u);
      while (cand != 0) {
        const unsigned k = static_cast<unsigned>(__builtin_ctz(cand)) / 2u;
        if (slots_[b + k].hash == hash) return slots_ + b + k;
        cand &= ~(3u << (2u * k));
      }
      if (empty != 0) return nullptr;
      b = (b + 8) & mask_;  // eight full slots: on one by one
    }
#endif
    for (;; b = (b + 1) & mask_) {
      const std::uint16_t t = tags_[b];
      if (t == 0) return nullptr;
      if (t == tag && slots_[b].hash == hash) return slots_ + b;
    }
  }
  /// The entries of a key found by find_slot().
  static std::uint32_t key_entry_count(const Slot& slot) { return slot.ref_count_flags >> 8; }
  const KeyRef* key_entries(const Slot& slot) const {
    return key_entry_count(slot) == 1 ? &slot.only : refs_ + slot.ref_begin;
  }
  /// The cased hash (KeyRef::cased_hash) shared by the token-bit entries of a
  /// key other than WORD (see Slot::bit_classes).
  static std::uint32_t bit_cased(const Slot& slot) { return slot.only.cased_hash; }
  /// Whether a two-token key may have hash `hash` (the sequence hash of two
  /// tokens): false means that none has. A bitmap built with the image, a bit
  /// per key hash, 16 bits per two-token key (about 6% of other pairs pass;
  /// 128 KB for the embedded lists' ~60,000 such keys). Most pairs of text
  /// tokens whose first token starts a longer key are in no list ("of the",
  /// "new car"); this answers them from a table that stays in the CPU's caches,
  /// not from a Tag[] line of the ~2 MB probe array.
  bool may_hold_pair(std::uint64_t hash) const {
    const std::uint32_t bit = pair_bit(slot_hash(hash), pair_mask_);
    return (pair_bits_[bit / 64] >> (bit % 64)) & 1u;
  }
  /// The same for a three-token key (whole, or the prefix of a longer one), in
  /// a bitmap of its own (64 KB for the embedded lists' ~31,000 such keys). A
  /// text's pair that is a key and extends ("new york") is most often followed
  /// by a token that makes no key of three ("new york police"): this answers
  /// those without a Tag[] line, a lookup the matcher cannot request ahead
  /// (whether the pair extends is known only once its Slot is read).
  bool may_hold_triple(std::uint64_t hash) const {
    const std::uint32_t bit = pair_bit(slot_hash(hash), triple_mask_);
    return (triple_bits_[bit / 64] >> (bit % 64)) & 1u;
  }
  /// The same for the two-token keys that have an entry of a class other than
  /// the token-bit ones (kHasOthers): the pairs whose matches
  /// Matcher::for_each_listed emits (about half of those in text). A pair of
  /// text that passes may_hold_pair but not this is read only as the prefix of
  /// a longer key (Slot::ref_count_flags' kExtends), and the matcher asks for
  /// that key of three tokens (may_hold_triple) instead of the pair's Slot line.
  bool may_hold_listed_pair(std::uint64_t hash) const {
    const std::uint32_t bit = pair_bit(slot_hash(hash), listed_pair_mask_);
    return (listed_pair_bits_[bit / 64] >> (bit % 64)) & 1u;
  }
  /// Hints the CPU to load the word of the filter that may_hold_pair(hash) reads.
  void prefetch_pair_bit(std::uint64_t hash) const {
    __builtin_prefetch(pair_bits_ + pair_bit(slot_hash(hash), pair_mask_) / 64);
  }
  /// The filter's bit for slot hash `h` in a bitmap of mask + 1 bits (bits
  /// 24 and up: neither the slot index's low bits nor the tag's top 16).
  static std::uint32_t pair_bit(std::uint64_t h, std::uint32_t mask) { return static_cast<std::uint32_t>(h >> 24) & mask; }
  /// Hints the CPU to load the Tag[] line that find_hash(hash) will read first:
  /// the matcher asks for keys a few tokens ahead, so that lookups, which would
  /// often miss the caches, overlap instead of queueing.
  void prefetch_tag(std::uint64_t hash) const {
    __builtin_prefetch(tags_ + (static_cast<std::uint32_t>(slot_hash(hash)) & mask_));
  }
  /// The same for the Slot that a hit on `hash` most likely reads (its home slot).
  void prefetch_slot(std::uint64_t hash) const {
    __builtin_prefetch(slots_ + (static_cast<std::uint32_t>(slot_hash(hash)) & mask_));
  }
  /// Hints both lines (find_hash's first Tag[] line and home Slot).
  void prefetch(std::uint64_t hash) const {
    prefetch_tag(hash);
    prefetch_slot(hash);
  }
  /// Name of list `list` ("cities"); "" when out of range.
  std::string_view list_name(std::uint16_t list) const;
  EntryView entry(std::uint32_t id) const;
  /// The first-level division of entry `id` within its country: "ME" (flag
  /// a1=US-ME), or empty. (Not in EntryView: entry() is hot, this is rare.)
  std::string_view admin1(std::uint32_t id) const;
  static constexpr std::size_t kEntryRecBytes = 32;  // the size of an entry record (image.cpp)
  /// Hints the CPU to load the record that entry(id) reads (a random read in a
  /// large array, most often a cache miss): a caller that will read entries of
  /// matches further on asks for them a few matches ahead.
  void prefetch_entry(std::uint32_t id) const { __builtin_prefetch(entries_ + std::size_t{id} * kEntryRecBytes); }
  std::uint32_t entry_count() const;

 private:
  std::string_view data_;
  std::shared_ptr<const std::string> owned_;
  // Sections of data_, cached for lookups.
  const std::uint16_t* tags_ = nullptr;
  const Slot* slots_ = nullptr;
  const KeyRef* refs_ = nullptr;
  const char* entries_ = nullptr;  // the entry records (image.cpp's EntryRec)
  std::uint32_t mask_ = 0;  // slot_count - 1
  const std::uint64_t* pair_bits_ = nullptr;  // may_hold_pair's bitmap
  std::uint32_t pair_mask_ = 0;               // its bit count - 1
  const std::uint64_t* triple_bits_ = nullptr;  // may_hold_triple's bitmap
  std::uint32_t triple_mask_ = 0;               // its bit count - 1
  const std::uint64_t* listed_pair_bits_ = nullptr;  // may_hold_listed_pair's bitmap
  std::uint32_t listed_pair_mask_ = 0;               // its bit count - 1
};



}  // namespace newsner::gazetteer
