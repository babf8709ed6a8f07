#include "newsner/gazetteer/image.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>

#include "newsner/text/tokenizer.hpp"

namespace newsner::gazetteer {
namespace {

constexpr char kMagic[8] = {'N', 'S', 'G', 'A', 'Z', '1', '2', 0};

struct Header {
  char magic[8];
  std::uint32_t entry_count, key_count, ref_count, slot_count, list_count, strings_size;
  std::uint32_t entries_off, refs_off, slots_off, lists_off, strings_off, tags_off;
  std::uint32_t pair_bits_off, pair_bit_count;  // the two-token key filter (Gazetteer::may_hold_pair)
  std::uint32_t triple_bits_off, triple_bit_count;  // the three-token one (Gazetteer::may_hold_triple)
  std::uint32_t listed_pair_bits_off, listed_pair_bit_count;  // Gazetteer::may_hold_listed_pair
};

// (The lengths in 16 bits leave room for the division in the 32 bytes.)
struct EntryRec {
  std::uint32_t name_off, kb_off, population, rank;
  std::uint16_t name_len, kb_len;
  std::uint16_t list;
  std::uint8_t cls, flags, token_count;
  char country[2];  // SourceEntry::country
  char admin1[3];   // SourceEntry::admin1
};

static_assert(sizeof(Header) == 80 && sizeof(EntryRec) == 32 && sizeof(EntryRec) == Gazetteer::kEntryRecBytes);

std::size_t align_up(std::size_t n, std::size_t a) { return (n + a - 1) & ~(a - 1); }

template <typename T>
const T* at(std::string_view data, std::uint32_t off) {
  return reinterpret_cast<const T*>(data.data() + off);
}

// Removes diacritics: "São Paulo" -> "Sao Paulo". ICU transliterators are not
// thread-safe, so one shared instance is used under a lock (build time only).
std::string strip_diacritics(const std::string& s) {
  static std::mutex mu;
  static std::unique_ptr<icu::Transliterator> tr;
  std::lock_guard<std::mutex> lock(mu);
  if (!tr) {
    UErrorCode st = U_ZERO_ERROR;
    tr.reset(icu::Transliterator::createInstance("NFD; [:Nonspacing Mark:] Remove; NFC", UTRANS_FORWARD, st));
    if (U_FAILURE(st)) return s;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  tr->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace

std::string build_image(const std::vector<SourceEntry>& entries, const std::vector<std::string>& lists,
                        std::string& error) {
  error.clear();
  text::Tokenizer tokenizer;
  std::string strings;
  std::map<std::string, std::uint32_t> interned;  // dedupe string storage
  auto intern = [&](std::string_view s) -> std::pair<std::uint32_t, std::uint32_t> {
    auto [it, fresh] = interned.try_emplace(std::string(s), static_cast<std::uint32_t>(strings.size()));
    if (fresh) strings.append(s);
    return {it->second, static_cast<std::uint32_t>(s.size())};
  };

  std::vector<EntryRec> recs;
  recs.reserve(entries.size());
  // A key's entries, each with the capitalization that counts as its own (the
  // entry's, or for a diacritic-free variant the variant's), and whether it came
  // as such a variant.
  struct KeyEntry { std::uint32_t id; std::uint32_t cased; bool deaccented; };
  struct KeyInfo {
    std::vector<KeyEntry> refs;
    std::uint32_t flags = 0;
    std::uint64_t hash = 0;
    std::size_t tokens = 0;
  };
  std::map<std::string, KeyInfo> keys;

  auto add_key = [&](const text::TokenizedText& tt, std::uint32_t id, bool deaccented) {
    std::string key;
    std::uint64_t cased = text::kSequenceSeed;
    std::uint64_t hash = text::kSequenceSeed;
    for (std::size_t i = 0; i < tt.tokens.size(); ++i) {
      if (i) {
        KeyInfo& prefix = keys[key];
        prefix.flags |= kExtends;  // a proper prefix
        prefix.hash = hash;
        prefix.tokens = i;
        key.push_back(' ');
      }
      key.append(tt.folded_form(tt.tokens[i]));
      hash = text::sequence_extend(hash, tt.tokens[i].fold_hash);
      cased = text::sequence_extend(cased, text::surface_hash(tt.surface(tt.tokens[i])));
    }
    KeyInfo& k = keys[key];
    k.hash = hash;
    k.tokens = tt.tokens.size();
    if (std::none_of(k.refs.begin(), k.refs.end(), [&](const KeyEntry& r) { return r.id == id; })) {
      k.refs.push_back({id, static_cast<std::uint32_t>(cased >> 32), deaccented});
    }
  };

  for (const SourceEntry& e : entries) {
    if (e.list >= lists.size()) {
      error = "entry " + e.name + " names an unknown list";
      return {};
    }
    if (e.name.size() > 0xFFFF || e.kb_id.size() > 0xFFFF) {
      error = "gazetteer entry " + e.name.substr(0, 40) + "... has a name or kb id longer than 65535 bytes";
      return {};
    }
    const auto tt = tokenizer.tokenize(e.name);
    if (tt.tokens.empty() || tt.tokens.size() > 255) continue;  // punctuation only, or absurd
    EntryRec r{};
    std::uint32_t len = 0;
    std::tie(r.name_off, len) = intern(e.name);
    r.name_len = static_cast<std::uint16_t>(len);
    std::tie(r.kb_off, len) = intern(e.kb_id);
    r.kb_len = static_cast<std::uint16_t>(len);
    r.population = e.population;
    r.rank = e.rank;
    r.country[0] = e.country[0];
    r.country[1] = e.country[1];
    std::copy(std::begin(e.admin1), std::end(e.admin1), r.admin1);
    r.list = e.list;
    r.cls = static_cast<std::uint8_t>(e.cls);
    r.flags = e.flags;
    r.token_count = static_cast<std::uint8_t>(tt.tokens.size());
    const auto id = static_cast<std::uint32_t>(recs.size());
    recs.push_back(r);
    add_key(tt, id, false);
    if (e.flags & kFold) {
      const std::string plain = strip_diacritics(e.name);
      if (plain != e.name) add_key(tokenizer.tokenize(plain), id, true);
    }
  }

  std::vector<Slot> key_recs;
  std::vector<KeyRef> refs;
  key_recs.reserve(keys.size());
  for (const auto& [key, info] : keys) {
    if (info.refs.size() >= (1u << 24)) {
      error = "gazetteer key '" + key + "' has too many entries";
      return {};
    }
    Slot k{};
    k.hash = slot_hash(info.hash);  // from the tokens (a folded token may hold a space)
    k.ref_begin = static_cast<std::uint32_t>(refs.size());
    std::uint32_t flags = info.flags;
    // A key is a diacritic-free variant only when no entry is spelled so itself:
    // "Manchester" stays a name in its own capitalization although "Mánchester"
    // (the same city) folds to it. Its variant entries then count in the variant's
    // capitalization, like the entries spelled so.
    if (std::all_of(info.refs.begin(), info.refs.end(), [](const KeyEntry& r) { return r.deaccented; })) {
      flags |= kDeaccented;
    }
    const std::size_t first_ref = refs.size();
    for (const KeyEntry& key_entry : info.refs) {
      const std::uint32_t id = key_entry.id;
      KeyRef ref{};
      ref.entry = id;
      ref.cased_hash = key_entry.cased;
      ref.cls = static_cast<EntryClass>(recs[id].cls);
      ref.flags = recs[id].flags;
      ref.list = recs[id].list;
      refs.push_back(ref);
    }
    // Token-bit entries last, and summarized (Slot::bit_classes).
    const auto bits_begin = std::stable_partition(refs.begin() + static_cast<std::ptrdiff_t>(first_ref), refs.end(),
                                                  [](const KeyRef& r) { return !is_bit_class(r.cls); });
    if (bits_begin != refs.begin() + static_cast<std::ptrdiff_t>(first_ref)) flags |= kHasOthers;
    std::optional<std::uint32_t> bit_cased;
    for (auto r = bits_begin; r != refs.end(); ++r) {
      const auto bit = static_cast<std::uint16_t>(1u << static_cast<unsigned>(r->cls));
      k.bit_classes |= bit;
      if (!(r->flags & kAmbiguous)) k.bit_strong |= bit;
      if (r->cls == EntryClass::Word) continue;  // counts in any case: its capitalization is not read
      if (bit_cased && *bit_cased != r->cased_hash) flags |= kBitsMixedCase;
      bit_cased = r->cased_hash;
    }
    k.ref_count_flags = static_cast<std::uint32_t>(info.refs.size()) << 8 | flags;
    if (info.refs.size() == 1) {  // kept in the slot instead
      k.only = refs.back();
      refs.resize(first_ref);
    } else if (bit_cased) {
      k.only.cased_hash = *bit_cased;  // Gazetteer::bit_cased
    }
    key_recs.push_back(k);
  }
  std::uint32_t slots_n = 16;
  while (slots_n < key_recs.size() * 2) slots_n *= 2;  // load factor <= 0.5
  std::vector<Slot> slots(slots_n, Slot{});
  for (const Slot& k : key_recs) {
    std::uint32_t b = static_cast<std::uint32_t>(k.hash) & (slots_n - 1);
    while (slots[b].hash != 0 && slots[b].hash != k.hash) b = (b + 1) & (slots_n - 1);
    slots[b] = k;  // two keys with one hash: the later one wins (see the header)
  }
  std::vector<std::uint16_t> tags(slots_n, 0);
  for (std::uint32_t b = 0; b < slots_n; ++b) {
    if (slots[b].hash != 0) tags[b] = slot_tag(slots[b].hash);
  }
  // The key filters: one bit per 16 keys' worth of bits (at least 512), set
  // for each key of `tokens` tokens (a whole key or a prefix) that `counts`.
  auto key_filter = [&](std::size_t tokens, std::uint32_t& bit_count, auto counts) {
    std::size_t count = 0;
    for (const auto& entry : keys) count += entry.second.tokens == tokens && counts(entry.second);
    bit_count = 512;
    while (bit_count < 16 * count) bit_count *= 2;
    std::vector<std::uint64_t> bits(bit_count / 64, 0);
    for (const auto& entry : keys) {
      if (entry.second.tokens != tokens || !counts(entry.second)) continue;
      const std::uint32_t bit = Gazetteer::pair_bit(slot_hash(entry.second.hash), bit_count - 1);
      bits[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
    return bits;
  };
  auto any_key = [](const KeyInfo&) { return true; };
  // (kHasOthers: an entry of a class other than the token-bit ones.)
  auto has_others = [&](const KeyInfo& k) {
    return std::any_of(k.refs.begin(), k.refs.end(),
                       [&](const KeyEntry& r) { return !is_bit_class(static_cast<EntryClass>(recs[r.id].cls)); });
  };
  std::uint32_t pair_bit_count = 0, triple_bit_count = 0, listed_pair_bit_count = 0;
  const std::vector<std::uint64_t> pair_bits = key_filter(2, pair_bit_count, any_key);
  const std::vector<std::uint64_t> triple_bits = key_filter(3, triple_bit_count, any_key);
  const std::vector<std::uint64_t> listed_pair_bits = key_filter(2, listed_pair_bit_count, has_others);
  std::vector<std::uint32_t> list_recs;
  for (const auto& l : lists) {
    auto [off, len] = intern(l);
    list_recs.push_back(off);
    list_recs.push_back(len);
  }

  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.entry_count = static_cast<std::uint32_t>(recs.size());
  h.key_count = static_cast<std::uint32_t>(key_recs.size());
  h.ref_count = static_cast<std::uint32_t>(refs.size());
  h.slot_count = slots_n;
  h.list_count = static_cast<std::uint32_t>(lists.size());
  h.strings_size = static_cast<std::uint32_t>(strings.size());
  h.pair_bit_count = pair_bit_count;
  h.triple_bit_count = triple_bit_count;
  h.listed_pair_bit_count = listed_pair_bit_count;
  std::size_t off = align_up(sizeof(Header), 8);
  auto place = [&](std::uint32_t& field, std::size_t bytes, std::size_t alignment = 8) {
    off = align_up(off, alignment);
    field = static_cast<std::uint32_t>(off);
    off = align_up(off + bytes, 8);
  };
  place(h.entries_off, recs.size() * sizeof(EntryRec));
  place(h.refs_off, refs.size() * sizeof(KeyRef));
  place(h.tags_off, tags.size() * sizeof(std::uint16_t), 64);
  place(h.pair_bits_off, pair_bits.size() * sizeof(std::uint64_t), 64);
  place(h.triple_bits_off, triple_bits.size() * sizeof(std::uint64_t), 64);
  place(h.listed_pair_bits_off, listed_pair_bits.size() * sizeof(std::uint64_t), 64);
  place(h.slots_off, slots.size() * sizeof(Slot), 64);  // a slot never straddles cache lines
  place(h.lists_off, list_recs.size() * 4);
  place(h.strings_off, strings.size());
  if (off > 0xFFFFFFF0u) {
    error = "gazetteer image larger than 4 GiB";
    return {};
  }
  std::string image(off, '\0');
  auto put = [&](std::uint32_t where, const void* src, std::size_t bytes) {
    if (bytes) std::memcpy(image.data() + where, src, bytes);
  };
  put(0, &h, sizeof h);
  put(h.entries_off, recs.data(), recs.size() * sizeof(EntryRec));
  put(h.refs_off, refs.data(), refs.size() * sizeof(KeyRef));
  put(h.tags_off, tags.data(), tags.size() * sizeof(std::uint16_t));
  put(h.pair_bits_off, pair_bits.data(), pair_bits.size() * sizeof(std::uint64_t));
  put(h.triple_bits_off, triple_bits.data(), triple_bits.size() * sizeof(std::uint64_t));
  put(h.listed_pair_bits_off, listed_pair_bits.data(), listed_pair_bits.size() * sizeof(std::uint64_t));
  put(h.slots_off, slots.data(), slots.size() * sizeof(Slot));
  put(h.lists_off, list_recs.data(), list_recs.size() * 4);
  put(h.strings_off, strings.data(), strings.size());
  return image;
}

std::optional<Gazetteer> Gazetteer::open(std::string_view data, std::string& error) {
  if (data.size() < sizeof(Header) || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0) {
    error = "not a newsner gazetteer image (bad magic)";
    return std::nullopt;
  }
  if (reinterpret_cast<std::uintptr_t>(data.data()) % 8 != 0) {
    error = "gazetteer image is not 8-byte aligned";
    return std::nullopt;
  }
  const Header* h = at<Header>(data, 0);
  // A key filter: a power-of-two bit count, between Tag[] and Slot[].
  auto filter_fits = [&](std::uint32_t off, std::uint32_t bit_count) {
    return bit_count >= 64 && (bit_count & (bit_count - 1)) == 0 && off % 8 == 0 && off >= h->tags_off &&
           off + std::size_t{bit_count} / 8 <= h->slots_off;
  };
  if (static_cast<std::size_t>(h->strings_off) + h->strings_size > data.size() ||
      h->slot_count == 0 || (h->slot_count & (h->slot_count - 1)) != 0 ||
      h->tags_off + std::size_t{h->slot_count} * sizeof(std::uint16_t) > h->slots_off ||
      h->slots_off + std::size_t{h->slot_count} * sizeof(Slot) > h->strings_off ||
      !filter_fits(h->pair_bits_off, h->pair_bit_count) || !filter_fits(h->triple_bits_off, h->triple_bit_count) ||
      !filter_fits(h->listed_pair_bits_off, h->listed_pair_bit_count)) {
    error = "gazetteer image is truncated or corrupt";
    return std::nullopt;
  }
  Gazetteer g;
  g.data_ = data;
  g.tags_ = at<std::uint16_t>(data, h->tags_off);
  g.slots_ = at<Slot>(data, h->slots_off);
  g.refs_ = at<KeyRef>(data, h->refs_off);
  g.entries_ = data.data() + h->entries_off;
  g.mask_ = h->slot_count - 1;
  g.pair_bits_ = at<std::uint64_t>(data, h->pair_bits_off);
  g.pair_mask_ = h->pair_bit_count - 1;
  g.triple_bits_ = at<std::uint64_t>(data, h->triple_bits_off);
  g.triple_mask_ = h->triple_bit_count - 1;
  g.listed_pair_bits_ = at<std::uint64_t>(data, h->listed_pair_bits_off);
  g.listed_pair_mask_ = h->listed_pair_bit_count - 1;
  return g;
}

std::optional<Gazetteer> Gazetteer::adopt(std::string image, std::string& error) {
  auto owned = std::make_shared<const std::string>(std::move(image));
  auto g = open(*owned, error);
  if (g) g->owned_ = std::move(owned);
  return g;
}

std::uint32_t Gazetteer::entry_count() const { return at<Header>(data_, 0)->entry_count; }

std::string_view Gazetteer::list_name(std::uint16_t list) const {
  const Header* h = at<Header>(data_, 0);
  if (list >= h->list_count) return {};
  const auto* lists = at<std::uint32_t>(data_, h->lists_off);
  return {data_.data() + h->strings_off + lists[2 * list], lists[2 * list + 1]};
}

EntryView Gazetteer::entry(std::uint32_t id) const {
  const Header* h = at<Header>(data_, 0);
  const EntryRec& r = at<EntryRec>(data_, h->entries_off)[id];
  const char* strings = data_.data() + h->strings_off;
  const auto* lists = at<std::uint32_t>(data_, h->lists_off);
  EntryView v;
  v.name = {strings + r.name_off, r.name_len};
  v.kb_id = {strings + r.kb_off, r.kb_len};
  v.list = {strings + lists[2 * r.list], lists[2 * r.list + 1]};
  v.cls = static_cast<EntryClass>(r.cls);
  v.flags = r.flags;
  v.token_count = r.token_count;
  v.population = r.population;
  v.rank = r.rank;
  if (r.country[0] != 0) v.country = {r.country, 2};
  return v;
}

std::string_view Gazetteer::admin1(std::uint32_t id) const {
  const Header* h = at<Header>(data_, 0);
  const EntryRec& r = at<EntryRec>(data_, h->entries_off)[id];
  return {r.admin1, static_cast<std::size_t>(std::find(r.admin1, r.admin1 + sizeof r.admin1, '\0') - r.admin1)};
}

}  // namespace newsner::gazetteer
