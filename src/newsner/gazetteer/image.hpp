// The compiled gazetteer: a read-only binary image that is used in place, with no
// parsing. The build compiles gazetteers/**/*.tsv into one image that is embedded
// in the executable (embedded.hpp); --gazetteer files are compiled at startup
// into images of their own with the same code.
//
// Layout (little-endian, 8-byte aligned sections): a Header; EntryRec[]; KeyRef[]
// (the entries of each key, with the class, flags and cased-form hash copied in
// so that matching never reads EntryRec); Slot[] (open addressing on key_hash(),
// linear probing, load <= 1/2; a 32-byte slot holds the key's 64-bit hash, its
// flags and its KeyRef when it has one entry, else its KeyRef range, so that a
// lookup of most keys, hit or miss, reads one cache line); list names; strings. There is one slot per distinct key plus one per proper token
// prefix of a key, so that a match is extended token by token and stopped early.
// A key is an entry name tokenized by text::Tokenizer, each token case-folded
// (ICU full folding): "Jean-Michel" -> tokens "jean", "-", "michel". Entries
// flagged "fold" get a second key with diacritics removed (ICU transliterator
// "NFD; [:Nonspacing Mark:] Remove; NFC").
// Keys are identified by their 64-bit hash alone (key strings are not stored):
// with ~500,000 keys, the chance that any of a billion distinct token sequences
// of text shares a key's hash is about 3 in 100,000 (n*m/2^64).
//
// Thread safety: a Gazetteer is immutable; share it across threads.
// Errors: build_image() returns its error text in `error`; Gazetteer::open()
//   rejects a buffer that is not an image of this version.
// Cost: lookup is one probe sequence in one cache line on average; the image is
//   about 32 bytes per entry, 64 per key (at load 1/2), 12 per key reference
//   of keys with several entries, plus the strings.
#pragma once

#include <cstdint>
#include <memory>
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
  std::optional<KeyHit> find_hash(std::uint64_t hash) const;
  /// Hints the CPU to load the slot that find_hash(hash) will read first: the
  /// matcher asks for keys a few tokens ahead, so that lookups, which mostly
  /// miss the caches (the table is tens of MB), overlap instead of queueing.
  void prefetch(std::uint64_t hash) const;
  /// Name of list `list` ("cities"); "" when out of range.
  std::string_view list_name(std::uint16_t list) const;
  EntryView entry(std::uint32_t id) const;
  std::uint32_t entry_count() const;

 private:
  std::string_view data_;
  std::shared_ptr<const std::string> owned_;
};



}  // namespace newsner::gazetteer
