#include "newsner/gazetteer/matcher.hpp"

#include <algorithm>
#include <cstdlib>

namespace newsner::gazetteer {
namespace {
constexpr std::uint32_t kMaxTokens = 16;     // longer entries are not matched
constexpr std::uint32_t kPrefetchAhead = 4;  // tokens; enough to cover a memory access
constexpr std::uint32_t kRing = 8;           // ring buffers below; a power of two > kPrefetchAhead
static_assert(kRing > kPrefetchAhead && (kRing & (kRing - 1)) == 0);

bool starts_no_key(const text::Token& t) { return t.shape == text::Shape::Punct || t.shape == text::Shape::Symbol; }

// find_all's loop; kSingle = one gazetteer (the usual case: the embedded one),
// so that the compiler drops the loops over gazetteers.
template <bool kSingle>
void find_all_in(const std::vector<Gazetteer>& gazetteers, const text::TokenizedText& tt, std::vector<Match>& out) {
  const std::size_t gaz_count = kSingle ? 1 : gazetteers.size();
  const Gazetteer* gaz = gazetteers.data();
  const auto n = static_cast<std::uint32_t>(tt.tokens.size());
  const text::Token* tokens = tt.tokens.data();

  // Keys with entries found from one start token, shortest first; emitted
  // longest first once the start token is done.
  struct Found {
    std::uint32_t end;
    std::uint32_t gazetteer;
    std::uint32_t cased_hash;
    const Slot* slot;
  };
  std::vector<Found> found(kMaxTokens * gaz_count);

  // Key hashes of the one- and two-token keys starting at token k, in slot
  // k % kRing, computed kPrefetchAhead tokens ahead of their use, when their
  // lines are requested from memory so that lookups overlap instead of queueing.
  // One-token keys mostly hit (Tag[] and Slot lines are requested); two-token
  // keys mostly miss (only the Tag[] line is).
  std::uint64_t one_ahead[kRing], pair_ahead[kRing];
  auto look_ahead = [&](std::uint32_t k) {
    if (starts_no_key(tokens[k])) return;
    const std::uint64_t one = text::sequence_extend(text::kSequenceSeed, tokens[k].fold_hash);
    one_ahead[k % kRing] = one;
    for (std::size_t g = 0; g < gaz_count; ++g) gaz[g].prefetch(one);
    if (k + 1 < n && !tokens[k + 1].newline_before) {
      const std::uint64_t pair = text::sequence_extend(one, tokens[k + 1].fold_hash);
      pair_ahead[k % kRing] = pair;
      for (std::size_t g = 0; g < gaz_count; ++g) gaz[g].prefetch_tag(pair);
    }
  };
  for (std::uint32_t k = 0; k < n && k < kPrefetchAhead; ++k) look_ahead(k);

  // News text has about 1.5 matches per token: one allocation, no regrowth.
  out.reserve(out.size() + 2 * std::size_t{n});
  constexpr std::size_t kPending = 256;
  Match pending[kPending];
  std::size_t pending_count = 0;
  auto flush = [&] {
    out.insert(out.end(), pending, pending + pending_count);
    pending_count = 0;
  };
  for (std::uint32_t i = 0; i < n; ++i) {
    if (i + kPrefetchAhead < n) look_ahead(i + kPrefetchAhead);
    if (starts_no_key(tokens[i])) continue;
    std::uint64_t hash = one_ahead[i % kRing];  // key hash of tokens [i, j]
    // The surface (cased) hash of the key is only needed when a key has
    // entries; it is extended lazily up to the current token from the
    // tokenizer's Token::surface_hash.
    std::uint64_t cased = text::kSequenceSeed;
    std::uint32_t cased_upto = i;  // tokens [i, cased_upto) are in `cased`
    // Tokens [i, plain_upto) are their own folded forms (surface hash = fold
    // hash, as for lower-case ASCII): while the key has only those, its cased
    // hash is its key hash, and `cased` need not be computed.
    std::uint32_t plain_upto = i;
    std::size_t found_count = 0;
    for (std::uint32_t j = i;;) {
      bool extends = false;
      for (std::size_t g = 0; g < gaz_count; ++g) {
        const Slot* slot = gaz[g].find_slot(hash);
        if (!slot) continue;
        extends |= (slot->ref_count_flags & kExtends) != 0;
        if (Gazetteer::key_entry_count(*slot) == 0) continue;
        while (plain_upto <= j && tokens[plain_upto].surface_hash == tokens[plain_upto].fold_hash) ++plain_upto;
        std::uint64_t key_cased = hash;
        if (plain_upto <= j) {
          for (; cased_upto <= j; ++cased_upto) cased = text::sequence_extend(cased, tokens[cased_upto].surface_hash);
          key_cased = cased;
        }
        found[found_count++] = {j + 1, static_cast<std::uint32_t>(g), static_cast<std::uint32_t>(key_cased >> 32), slot};
      }
      ++j;
      if (!extends || j == n || j - i == kMaxTokens || tokens[j].newline_before) break;
      hash = j == i + 1 ? pair_ahead[i % kRing] : text::sequence_extend(hash, tokens[j].fold_hash);
    }
    if (found_count == 0) continue;
    // Longest first; keys of one length in gazetteer order, entries in key order.
    // The matches are written through a plain pointer into a local buffer that
    // is appended to `out` in blocks: growing `out` for each start token cost a
    // call and a construction of every new element before it was written.
    std::size_t total = 0;
    for (std::size_t f = 0; f < found_count; ++f) total += Gazetteer::key_entry_count(*found[f].slot);
    if (pending_count + total > kPending) flush();
    Match* dst;
    if (total <= kPending) {
      dst = pending + pending_count;
      pending_count += total;
    } else {  // more entries than the buffer holds: straight into `out`
      const std::size_t old_size = out.size();
      out.resize(old_size + total);
      dst = out.data() + old_size;
    }
    for (std::size_t group_end = found_count; group_end > 0;) {
      std::size_t group_begin = group_end - 1;
      if (!kSingle) {
        while (group_begin > 0 && found[group_begin - 1].end == found[group_end - 1].end) --group_begin;
      }
      for (std::size_t f = group_begin; f < group_end; ++f) {
        const Found& fd = found[f];
        const bool deaccented = (fd.slot->ref_count_flags & kDeaccented) != 0;
        const KeyRef* refs = gaz[fd.gazetteer].key_entries(*fd.slot);
        const std::uint32_t ref_count = Gazetteer::key_entry_count(*fd.slot);
        for (std::uint32_t k = 0; k < ref_count; ++k) {
          const KeyRef& ref = refs[k];
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
          *dst++ = m;
        }
      }
      group_end = group_begin;
    }
  }
  flush();
}

}  // namespace

void Matcher::find_all(const text::TokenizedText& tt, std::vector<Match>& out) const {
  if (gazetteers_.size() == 1) find_all_in<true>(gazetteers_, tt, out);
  else find_all_in<false>(gazetteers_, tt, out);
}

void Matcher::lookup(std::string_view folded_key, std::vector<Match>& out) const {
  for (std::uint16_t g = 0; g < gazetteers_.size(); ++g) {
    const auto hit = gazetteers_[g].find(folded_key);
    if (!hit) continue;
    for (std::uint32_t k = 0; k < hit->entry_count; ++k) {
      Match m;
      m.gazetteer = g;
      m.entry = hit->entries[k].entry;
      m.cls = hit->entries[k].cls;
      m.flags = hit->entries[k].flags;
      m.list = hit->entries[k].list;
      m.deaccented = hit->deaccented;
      out.push_back(m);
    }
  }
}

}  // namespace newsner::gazetteer
