#include "newsner/resolve.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include "newsner/recognize/gazetteer_mentions.hpp"
#include "newsner/recognize/location.hpp"
#include "newsner/recognize/name_shape.hpp"
#include "newsner/recognize/organization.hpp"

namespace newsner {
namespace {

using recognize::Context;
using text::Shape;

constexpr std::uint32_t kIndexMask = (1u << 29) - 1;  // candidates per call (see Rank)

int type_rank(EntityType t) {
  // By enum value (Person, Location, Organization, Date): DATE 0, PERSON 1,
  // ORGANIZATION 2, LOCATION 3; a table load rather than a switch.
  static_assert(static_cast<int>(EntityType::Person) == 0 && static_cast<int>(EntityType::Location) == 1 &&
                static_cast<int>(EntityType::Organization) == 2 && static_cast<int>(EntityType::Date) == 3);
  constexpr std::array<std::uint8_t, 4> kRank = {1, 3, 2, 0};
  const auto v = static_cast<std::size_t>(t);
  return v < kRank.size() ? kRank[v] : 4;
}

// Bytes covered by accepted spans, one bit per byte of the text: an overlap
// check reads span/64 words, with no allocation per accepted span. The bits
// live in `bits` (the thread's Scratch), cleared here.
class Occupancy {
 public:
  Occupancy(std::vector<std::uint64_t>& bits, std::size_t text_bytes) : bits_(bits) {
    bits_.assign(text_bytes / 64 + 1, 0);
  }
  bool free(Span s) const {
    if (s.begin / 64 == (s.end - 1) / 64 && s.end > s.begin) return (bits_[s.begin / 64] & mask(s)) == 0;  // most spans
    for (std::uint32_t i = s.begin; i < s.end;) {
      const std::uint32_t word = i / 64, bit = i % 64;
      const std::uint32_t n = std::min<std::uint32_t>(64 - bit, s.end - i);
      const std::uint64_t mask = (~std::uint64_t{0} >> (64 - n)) << bit;
      if (bits_[word] & mask) return false;
      i += n;
    }
    return true;
  }
  bool taken(std::uint32_t byte) const { return (bits_[byte / 64] >> (byte % 64)) & 1; }
  void take(Span s) {
    if (s.begin / 64 == (s.end - 1) / 64 && s.end > s.begin) {
      bits_[s.begin / 64] |= mask(s);
      return;
    }
    for (std::uint32_t i = s.begin; i < s.end;) {
      const std::uint32_t word = i / 64, bit = i % 64;
      const std::uint32_t n = std::min<std::uint32_t>(64 - bit, s.end - i);
      bits_[word] |= (~std::uint64_t{0} >> (64 - n)) << bit;
      i += n;
    }
  }

 private:
  // Bits of a non-empty span within one word (fewer than 64 bytes).
  // (n is 1 to 64: a shift right by 64 - n needs no case for n == 64.)
  static std::uint64_t mask(Span s) {
    const std::uint32_t n = s.end - s.begin;
    return (~std::uint64_t{0} >> (64 - n)) << (s.begin % 64);
  }
  std::vector<std::uint64_t>& bits_;
};

// Where chosen mentions start (they are disjoint: at most one per byte): the
// chosen index + 1 at each start byte, 0 elsewhere, and one bit per start byte.
// It finds the chosen mention of a candidate's span (an array read, no hashing)
// and gives text order by scanning the bits (no sort). The index array stays
// with the thread between documents and is cleared entry by entry: zero-filling
// four bytes per text byte for each document cost more than it saves.
// One Starts at a time per thread (resolve() makes one and does not recurse):
// a second one alive on the same thread would share the index array (and the
// bits, both in the thread's Scratch).
class Starts {
 public:
  Starts(std::vector<std::uint64_t>& bits, std::vector<std::uint32_t>& index, std::size_t text_bytes)
      : bits_(bits), index_(index) {
    bits_.assign(text_bytes / 64 + 1, 0);
    if (index_.size() < text_bytes + 1) index_.resize(text_bytes + 1, 0);
  }
  ~Starts() {
    for (std::size_t w = 0; w < bits_.size(); ++w) {
      for (std::uint64_t b = bits_[w]; b != 0; b &= b - 1) index_[w * 64 + static_cast<unsigned>(std::countr_zero(b))] = 0;
    }
  }
  Starts(const Starts&) = delete;
  Starts& operator=(const Starts&) = delete;

  void set(std::uint32_t begin, std::uint32_t index) {
    bits_[begin / 64] |= std::uint64_t{1} << (begin % 64);
    index_[begin] = index + 1;
  }
  /// Forgets the chosen mention starting at `begin` (merged into another).
  void clear(std::uint32_t begin) {
    bits_[begin / 64] &= ~(std::uint64_t{1} << (begin % 64));
    index_[begin] = 0;
  }
  /// Index + 1 of the chosen mention starting at `begin`, 0 if none.
  std::uint32_t at(std::uint32_t begin) const { return index_[begin]; }
  /// Calls f(index) for each chosen mention in text order, the last use: it
  /// clears the index entries on the way (the destructor then has none to clear).
  /// Each start's bit is cleared with its entry, before f runs: if f throws
  /// (bad_alloc), the destructor still clears the entries not yet taken, so the
  /// thread's next document does not read them.
  template <typename F>
  void take_in_order(F&& f) {
    for (std::size_t w = 0; w < bits_.size(); ++w) {
      for (std::uint64_t& b = bits_[w]; b != 0;) {
        const std::size_t at = w * 64 + static_cast<unsigned>(std::countr_zero(b));
        b &= b - 1;
        f(std::exchange(index_[at], 0) - 1);
      }
    }
  }

 private:
  std::vector<std::uint64_t>& bits_;
  std::vector<std::uint32_t>& index_;  // all zero outside this object's lifetime
};

// A mention chosen by the greedy pass or added by the document pass. Small and
// free of owned strings (it is pushed and read several times per mention): the
// value and mod stay in the candidate until the Mention is built.
struct Chosen {
  static constexpr std::uint32_t kAdded = 0xFFFFFFFFu;  // `cand` of a document-pass mention
  std::uint32_t cand = kAdded;  // index into the candidates
  EntityType type = EntityType::Person;
  bool strings = false;         // the candidate has a value or mod, for the Mention
  float score = 0.5f;
  Span span;
  std::string_view rule;        // the deciding candidate's evidence
  std::string_view kb_id;
  std::string_view prefix;      // document-pass evidence listed first ("document.same_name"), or empty
  std::uint32_t tb = 0, te = 0;  // tokens [tb, te) under the span (see token_range)
  std::uint64_t key = 0;         // name_key(tb, te), set by the document pass (not for dates)
  std::uint32_t extra = 0;       // --explain: index + 1 of its first merged evidence in `Extras`, 0 if none

  // User-provided, like the greedy pass's constructor below: emplace_back() of
  // a class with implicit constructors value-initializes, which zero-fills the
  // whole record first.
  Chosen() noexcept {}
  // Chosen by the greedy pass.
  Chosen(std::uint32_t index, const Candidate& c)
      : cand(index),
        type(c.type),
        strings(!c.value.empty() || !c.mod.empty()),
        score(c.score),
        span(c.span),
        rule(c.evidence),
        kb_id(c.kb_id) {}
};

// --explain only: evidence of candidates merged into a chosen one (same span and
// type), in rank order, as a list per chosen mention threaded through one vector.
struct Extra {
  std::string_view evidence;
  std::uint32_t next = 0;  // index + 1 of the next one for the same mention, 0 at the end
};

// A document-local table from name keys (already well-mixed 64-bit hashes,
// see name_key) to small values: open addressing with linear probing, no
// per-entry allocation and no modulo, since it is probed once per capitalized
// token. A name key of 0 is never stored. V is trivial (a new entry is V{}).
// A table lives in the thread's Scratch and is reset() for each document: its
// slots stay allocated, and a slot is in use only when it carries the table's
// current generation, so emptying the table is one increment (zeroing its slots,
// 2 KB for a short article, cost more than using them).
template <typename V>
class NameTable {
  static_assert(std::is_trivial_v<V>);

 public:
  /// Empties the table, sized for about `expected` keys.
  void reset(std::size_t expected) {
    std::size_t n = 16;
    while (n < expected * 2) n *= 2;
    clear(n);
  }
  /// The value under `key`, inserted as V{} when absent (nullptr for key 0).
  /// (Inline: called once per token of every name, a call costs a third of it.)
  [[gnu::always_inline]] V* upsert(std::uint64_t key, bool* inserted = nullptr) {
    if (key == 0) return nullptr;
    if (size_ >= limit_) grow();  // (size_ + 1) * 2 > mask_ + 1
    Slot& s = probe(key);
    const bool fresh = s.gen != gen_;
    if (fresh) {
      s.key = key;
      s.gen = gen_;
      s.value = V{};
      ++size_;
    }
    if (inserted) *inserted = fresh;
    return &s.value;
  }
  const V* find(std::uint64_t key) const {
    if (key == 0) return nullptr;
    const Slot& s = const_cast<NameTable*>(this)->probe(key);
    return s.gen == gen_ && s.key == key ? &s.value : nullptr;
  }
  bool empty() const { return size_ == 0; }

 private:
  struct Slot {
    std::uint64_t key;
    std::uint32_t gen;  // in use when equal to the table's gen_
    V value;
  };
  // The slot holding `key`, else the free slot where it goes.
  Slot& probe(std::uint64_t key) {
    Slot* const slots = slots_.data();
    std::size_t i = key & mask_;
    while (slots[i].gen == gen_ && slots[i].key != key) i = (i + 1) & mask_;
    return slots[i];
  }
  // Empty, with n (a power of two) slots in use.
  void clear(std::size_t n) {
    if (slots_.size() < n) slots_.resize(n);  // new slots: generation 0, never current
    if (++gen_ == 0) {  // after 2^32 - 1 documents: slots of generation 0 would look current
      std::memset(static_cast<void*>(slots_.data()), 0, slots_.size() * sizeof(Slot));
      gen_ = 1;
    }
    mask_ = n - 1;
    limit_ = n / 2;
    size_ = 0;
  }
  void grow() {
    // The entries wait in `moving_`, kept with the table: a growth allocates
    // only while the table is larger than ever before, not a copy each time.
    moving_.clear();
    for (std::size_t i = 0; i <= mask_; ++i) {
      if (slots_[i].gen == gen_) moving_.push_back(slots_[i]);
    }
    clear(2 * (mask_ + 1));
    for (Slot s : moving_) {
      s.gen = gen_;
      probe(s.key) = s;
      ++size_;
    }
  }
  std::vector<Slot> slots_;  // the first mask_ + 1 in use
  std::vector<Slot> moving_;  // grow()'s copy of the entries (empty between calls but for its capacity)
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
  std::size_t limit_ = 0;  // size_ at which upsert() grows the table: half its slots
  std::uint32_t gen_ = 0;
};

// The document pass gives a chosen mention another type. A place's id
// (GeoNames, ISO 3166) does not follow it: a club named after its city
// ("Liverpool travel to Madrid") or "Dole" after "Bob Dole" is better without.
void set_document_type(Chosen& c, EntityType type, std::string_view prefix) {
  c.type = type;
  c.prefix = prefix;
  if (type != EntityType::Location && (c.kb_id.starts_with("geonames:") || c.kb_id.starts_with("iso3166"))) {
    c.kb_id = {};
  }
}

// A mention's kb_id is a view into the gazetteer image's strings, which
// nothing reads before the JSON writer copies them: one cache miss per id, the
// writer's largest stall on real news text (a third of its perf samples sat on
// the first use of those bytes). Asked for when the Mention is built, in text
// order as the writer reads them: the writer comes right after extraction, on
// the same thread. (Its first byte only: a second prefetch, for ids that
// straddle two lines, took perf samples of its own and left the writer's no
// lower. Asked for earlier, when the greedy pass chooses the mention, it saved
// no more.)
// No branch on whether the mention has an id (some do, some do not, in no
// order a predictor learns): without one it asks for `at_hand`, a line in cache.
void prefetch_kb_id(std::string_view kb_id, const void* at_hand) {
  __builtin_prefetch(kb_id.empty() ? at_hand : kb_id.data());
}

// First token whose span starts at or after `offset`.
std::uint32_t token_at(const Context& ctx, std::uint32_t offset) {
  const auto& toks = ctx.tt.tokens;
  auto it = std::lower_bound(toks.begin(), toks.end(), offset,
                             [](const text::Token& t, std::uint32_t o) { return t.span.begin < o; });
  return static_cast<std::uint32_t>(it - toks.begin());
}

// Sets each chosen mention's token range once: the document-level pass reads
// it several times per mention.
void token_range(const Context& ctx, const Candidate& cand, Chosen& c) {
  if (cand.token_begin != Candidate::kNoToken) {
    c.tb = cand.token_begin;
    c.te = cand.token_end;
  } else {
    c.tb = token_at(ctx, cand.span.begin);
    c.te = token_at(ctx, cand.span.end);
  }
}

// Hash of the folded tokens [b, e): a document-local name key (the gazetteer
// key hash; collisions across one document are negligible).
std::uint64_t name_key(const Context& ctx, std::size_t b, std::size_t e) {
  std::uint64_t h = text::kSequenceSeed;
  for (std::size_t i = b; i < e; ++i) h = text::sequence_extend(h, ctx.token(i).fold_hash);
  return h;
}

// Rules whose type decision is strong enough to speak for every other
// occurrence of the same string in the document.
// (By the first letter first: most candidates come from lists, "cities",
// "countries", ..., and leave after one compare.)
bool is_authoritative(std::string_view evidence) {
  switch (evidence.empty() ? '\0' : evidence.front()) {
    case 'p':
      return evidence == "person.title" || evidence == "person.given" || evidence == "person.initials" ||
             evidence == "person.speech" || evidence == "person.context";
    case 'o':
      return evidence == "org.team_score" || evidence == "org.team_table" || evidence == "org.team_result" ||
             evidence == "org.team_context" || evidence == "org.head" || evidence == "org.head_of" ||
             evidence == "org.team_role" || evidence == "org.team_after_country";
    case 'd':
      return evidence == "document.acronym";
    case 'l':
      return evidence == "loc.settlement";
    default:
      return false;
  }
}

// The legal form's (first) token of company_first_word's name ("GmbH" of
// "Nordwind Analytics GmbH", "Corp" of "Harwick Mining Corp.", "N" of "Van
// Berkel Coatings N.V."): the attached tokens at the name's end.
std::size_t legal_form_at(const Context& ctx, const Chosen& c) {
  std::size_t last = c.te - 1;
  while (last > c.tb + 1 && !ctx.token(last).space_before) --last;
  return last;
}

// "Kelvo Platinum Holdings Ltd (Kelplats)": a capitalized word in parentheses
// after a body's name [b, a - 1) that begins with the initial of one of its
// words and is no word, place or name is the body's short name, as an acronym is.
bool short_name_alias(const Context& ctx, std::size_t b, std::size_t a) {
  if (ctx.token(a).shape != Shape::Capitalized) return false;
  // The first letter of one of the name's words: a short name in the body's
  // own language may begin with another ("Electoral Service (Servel)").
  bool initial = false;
  for (std::size_t k = b; k + 1 < a && !initial; ++k) {
    initial = ctx.is_cap(k) && ctx.surface(k)[0] == ctx.surface(a)[0];
  }
  return initial && !ctx.is_common_word(a) && !ctx.has(a, gazetteer::EntryClass::Location) &&
         !ctx.has(a, gazetteer::EntryClass::Person) && !ctx.has(a, gazetteer::EntryClass::Demonym) &&
         !ctx.strong_name_part(a);
}

// A company's name with its legal form ("Meridian Petroleum Ltd", "Harwick
// Mining Corp.", "Korvatex Ltd"): its first word, repeated
// alone, is the company ("Counsel for Meridian"), not the town some list names
// so (README: a repeated name takes the type of its first full mention). The
// word's index, or SIZE_MAX. (Only a small town's name: see Retyper::retype.)
std::size_t company_first_word(const Context& ctx, const Chosen& c) {
  const std::size_t last = legal_form_at(ctx, c);
  if (last < c.tb + 1 || !(ctx.lex_is(last, recognize::kLexOrgSuffix) || c.rule == "org.legal_form") ||
      !ctx.is_cap(c.tb)) {
    return SIZE_MAX;
  }
  // One word before the form ("Korvatex Ltd") repeats alone as the company; not
  // a common word ("Lantern Inc": "Lantern" is in other names too).
  if (last == c.tb + 1 && ctx.is_common_word(c.tb)) return SIZE_MAX;
  // ("Shanghai-Lin Tao Motorcycle Co": a hyphen makes the first word part of a longer one.)
  if (recognize::is_char(ctx, c.tb + 1, '-') && !ctx.token(c.tb + 1).space_before) return SIZE_MAX;
  return c.tb;
}

// Token i is a head word that only companies have ("Motor", "Laboratories").
bool company_head_at(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kHeads[] = {
      "motor",      "motors",          "airlines",   "airways",      "laboratories", "brothers",
      "industries", "pharmaceuticals", "securities", "technologies", "electronics",  "semiconductor"};
  static constexpr recognize::WordSet kSet(kHeads);
  return kSet.contains(ctx, i);
}

// "Tarsen Laboratories", "Kelvo Motor" (also its national unit, "Kelvo Motor
// India": see national_chapter): a name of several words ending in a
// head word that only companies have; its first word, where no rule found it,
// repeats alone as the company, as before a legal form (see
// Retyper::lone_company_word). The word's index, or SIZE_MAX.
std::size_t company_head_first_word(const Context& ctx, const Chosen& c) {
  if (c.te < c.tb + 2 || !ctx.is_cap(c.tb)) return SIZE_MAX;
  std::size_t h = c.te - 1;
  if (ctx.country[h] && h > c.tb + 1) --h;
  if (!company_head_at(ctx, h)) return SIZE_MAX;
  if (recognize::is_char(ctx, c.tb + 1, '-') && !ctx.token(c.tb + 1).space_before) return SIZE_MAX;
  return c.tb;
}

// "the MPC" after "Monetary Policy Committee": the fold hash of the initials of
// a body's capitalized words in [b, e), three to six of them, or 0.
// (Out of line: asked only of bodies' names of three words or more.)
[[gnu::noinline]] std::uint64_t initials_hash(const Context& ctx, std::size_t b, std::size_t e) {
  std::uint64_t h = text::kTokenHashSeed;
  std::size_t count = 0;
  for (std::size_t k = b; k < e; ++k) {
    if (ctx.token(k).shape != Shape::Capitalized) continue;
    const auto c = static_cast<unsigned char>(ctx.surface(k)[0]);
    if (c < 'A' || c > 'Z') return 0;
    h = text::token_hash_step(h, static_cast<unsigned char>(c | 0x20));  // folded: lowercase
    ++count;
  }
  return count >= 3 && count <= 6 ? h : 0;
}

// The end of the first two words of company_first_word's name when they are
// capitalized and the name has more before its legal form ("Van Berkel" of "Van
// Berkel Coatings N.V."), or SIZE_MAX.
std::size_t company_prefix_end(const Context& ctx, const Chosen& c) {
  const std::size_t p = c.tb + 2;
  return p < legal_form_at(ctx, c) && ctx.is_cap(c.tb + 1) ? p : SIZE_MAX;
}

// "Mr Becker", "Chief Executive Becker": a title right before token b.
bool title_before(const Context& ctx, std::size_t b) {
  return b > 0 && (ctx.has(b - 1, gazetteer::EntryClass::Title) || ctx.lex_is(b - 1, recognize::kLexTitleAbbrev));
}

// "Shares in Keswick rose": the place's name after "shares in" or "stake in" is a company's.
// (Out of line: asked only after a locative.)
[[gnu::noinline]] bool shares_in(const Context& ctx, std::size_t b) {
  return b >= 2 && recognize::folded_is(ctx, b - 1, "in") &&
         (recognize::folded_is(ctx, b - 2, "shares") || recognize::folded_is(ctx, b - 2, "stake"));
}

// "Islamic State Khorasan Province (ISKP)": a place's name of several words
// [b, e) that an acronym of its initials in parentheses defines, where the
// acronym was chosen as a body, is that body (a list knows the acronym better
// than a head word, "Province", knows the name). (Out of line: asked of few
// names, those before punctuation.)
[[gnu::noinline]] bool defined_by_body_acronym(const Context& ctx, const std::vector<Chosen>& chosen, const Starts& starts,
                             std::size_t b, std::size_t e) {
  if (e + 2 >= ctx.size() || !recognize::is_char(ctx, e, '(') || !recognize::is_char(ctx, e + 2, ')') ||
      ctx.token(e + 1).shape != Shape::AllCaps) {
    return false;
  }
  const std::string_view acronym = ctx.surface(e + 1);
  if (acronym.size() != e - b) return false;
  for (std::size_t k = b; k < e; ++k) {
    if (ctx.token(k).shape != Shape::Capitalized || ctx.surface(k)[0] != acronym[k - b]) return false;
  }
  const std::uint32_t at = starts.at(ctx.token(e + 1).span.begin);
  return at != 0 && chosen[at - 1].type == EntityType::Organization && chosen[at - 1].tb == e + 1;
}

// "Morgan Kelvo and Tarvex advised the deal": one capitalized word that no
// list has, joined by "and" to a listed company before it (ending at token e,
// before an "and": the caller tests its hash), and before a lowercase word
// that is no function word (a verb) or at the end of a list, is a company too (advisers, bidders and rivals come in pairs).
// The word's index, or 0. (Out of line: asked of few names.)
[[gnu::noinline]] std::size_t coordinated_company(const Context& ctx, const Chosen& c) {
  const std::size_t e = c.te, w = e + 1;
  if (c.rule != "companies" || w + 1 >= ctx.size() || ctx.token(e).shape != Shape::Lower ||
      !recognize::folded_is(ctx, e, "and") || ctx.token(w).shape != Shape::Capitalized ||
      ctx.token_classes[w] != 0 || ctx.token(w).newline_before) {
    return 0;
  }
  // The pair is the subject of a verb ("... and Tarvex advised"): a word
  // after it that is no function word ("sued Tesla and Zilberman over the
  // deal": an unlisted surname may be the other party); or the word ends a
  // list of companies ("Mobil, Kelvo and Tarvex, were ...").
  const text::Token& next = ctx.token(w + 1);
  if (next.shape == Shape::Lower) return !ctx.lex_is(w + 1, recognize::kLexFunction) ? w : 0;
  return next.shape == Shape::Punct && c.tb > 0 && recognize::is_char(ctx, c.tb - 1, ',') ? w : 0;
}

// "Bayern beat Arsenal to top the group": a result verb v (kTeamVerbs,
// lowercase) right between a listed club `c` and one capitalized word s on the
// other side, a place, a body or a word no list has (no common word, no given
// name: a player), makes that word a club too, score or none (org.team_result
// needs one). Whether s is such a side. (Out of line: asked of few names, those
// beside a team cue.)
[[gnu::noinline]] bool result_side(const Context& ctx, const Chosen& c, std::size_t v, std::size_t s) {
  static constexpr recognize::WordSet kVerbs(recognize::kTeamVerbs);
  if (c.rule != "sports" || ctx.token(v).shape != Shape::Lower || !kVerbs.contains(ctx, v) ||
      ctx.token(s).shape != Shape::Capitalized || ctx.is_common_word(s) ||
      ctx.has(s, gazetteer::EntryClass::GivenName) ||
      !(ctx.has(s, gazetteer::EntryClass::Location) || ctx.has(s, gazetteer::EntryClass::Organization) ||
        ctx.token_classes[s] == 0)) {
    return false;
  }
  // One word: no capitalized word beside it on its line.
  const bool before = s < v;
  const std::size_t o = before ? s - 1 : s + 1;
  if (before ? (s == 0 || ctx.token(s).newline_before) : (o >= ctx.size() || ctx.token(o).newline_before)) return true;
  return !ctx.is_cap(o);
}

// "Rocha Moya said" after "Rubén Rocha Moya": a surname that only a list made
// a place or body ("Rocha", a town), where the words after it continue a
// person's known name, is that name (to its end `e`, if nothing is there).
// (Out of line: asked only where a longer known person's name goes on.)
[[gnu::noinline]] void lengthen_to_person(const Context& ctx, Occupancy& occ, Chosen& m, std::size_t e) {
  if (m.te != m.tb + 1 || m.type == EntityType::Person || !m.prefix.empty() || m.rule.find('.') != m.rule.npos ||
      !ctx.has(m.tb, gazetteer::EntryClass::Surname)) {
    return;
  }
  const Span rest = ctx.span(m.te, e);
  if (!occ.free(rest)) return;
  occ.take(rest);
  m.span.end = rest.end;
  m.te = static_cast<std::uint32_t>(e);
  set_document_type(m, EntityType::Person, "document.person_part");
}

// "Amnesty International Kenya director", "Kelvo Trust Ghana's chief": a body's
// name and a country's right after it, before a role noun or a possessive, is
// the body's national chapter, one body; so is a company's after its head
// word, "Kelvo Motor India said". (Asked only of a body before a country's
// name.)
void national_chapter(const Context& ctx, std::vector<Chosen>& chosen, Starts& starts, Chosen& c) {
  if (!ctx.token(c.te).space_before || ctx.token(c.te).newline_before) return;
  const std::uint32_t at = starts.at(ctx.token(c.te).span.begin);
  if (at == 0) return;
  Chosen& place = chosen[at - 1];
  if (place.type != EntityType::Location || place.tb != c.te || !ctx.is_country_span(place.tb, place.te)) return;
  const std::size_t a = place.te;
  if (a >= ctx.size() || ctx.token(a).newline_before) return;
  const bool role = ctx.token(a).shape == Shape::Lower && ctx.lex_is(a, recognize::kLexRoleNoun);
  if (!role && !ctx.is(a, "'s") && !ctx.is(a, "\u2019s") && !company_head_at(ctx, c.te - 1)) return;
  c.span.end = place.span.end;
  c.te = place.te;
  c.kb_id = {};  // the chapter is not the international body
  starts.clear(place.span.begin);
  place.te = place.tb;  // no name any more: the document pass skips it
}

// Merges each national chapter's country into its body (before the document
// pass reads the names). (A loop of its own: in the document pass's loop,
// which keeps the name's tokens at hand, the call cost more than this loop.)
[[gnu::noinline]] void national_chapters(const Context& ctx, std::vector<Chosen>& chosen, Starts& starts) {
  const std::uint8_t* const country = ctx.country.data();
  const std::size_t n = ctx.size();
  for (Chosen& c : chosen) {
    if (c.type == EntityType::Organization && c.te < n && country[c.te]) national_chapter(ctx, chosen, starts, c);
  }
}

// "SPRINGFIELD, Ill. - ... Springfield officials said": a town named with its state
// or country after it ("Town, State", as a dateline or a first reference writes it)
// is that town where the story names it alone after that, not the most populous
// namesake the lists give a bare name; the latest such reference before a bare
// name decides ("Springfield, Ill." ... "Springfield, Mo." ... "Springfield").
void same_town_ids(const Context& ctx, std::vector<Chosen>& chosen, const Starts& starts) {
  const auto qualified = [&](const Chosen& c) {
    if (c.te + 1 >= ctx.size() || !recognize::is_char(ctx, c.te, ',')) return false;
    const std::uint32_t at = starts.at(ctx.token(c.te + 1).span.begin);
    return at != 0 && chosen[at - 1].type == EntityType::Location && chosen[at - 1].kb_id.starts_with("iso3166");
  };
  struct Town {
    std::uint64_t key;
    std::uint32_t begin;
    std::string_view kb_id;
  };
  Town towns[4];  // a story qualifies a few towns at most; later ones are left as they are
  std::size_t n = 0;
  for (const Chosen& c : chosen) {
    if (n < std::size(towns) && c.type == EntityType::Location && c.key != 0 && c.kb_id.starts_with("geonames:") &&
        qualified(c)) {
      towns[n++] = {c.key, c.span.begin, c.kb_id};
    }
  }
  if (n == 0) return;
  for (Chosen& c : chosen) {
    if (c.type != EntityType::Location || c.key == 0) continue;
    const Town* latest = nullptr;
    for (std::size_t k = 0; k < n; ++k) {
      if (towns[k].key == c.key && towns[k].begin < c.span.begin && (!latest || towns[k].begin > latest->begin))
        latest = &towns[k];
    }
    if (latest && c.kb_id != latest->kb_id && !qualified(c)) c.kb_id = latest->kb_id;
  }
}

// A first-level subdivision's id ("iso3166-2:PK-PB") at its country's letters ("PK").
std::string_view subdivision_country(std::string_view kb_id) {
  return kb_id.starts_with("iso3166-2:") && kb_id.size() > 12 ? kb_id.substr(10, 2) : std::string_view{};
}

// The country of a LOCATION's id: a country's ("iso3166:PK"), or a town's, from
// its entry ("geonames:1172451", Lahore: "PK"). Empty for others.
std::string_view place_country(const Context& ctx, const Chosen& c) {
  if (c.kb_id.starts_with("iso3166:") && c.kb_id.size() == 10) return c.kb_id.substr(8, 2);
  if (!c.kb_id.starts_with("geonames:")) return {};
  std::string_view cc;
  ctx.find_match_at(c.tb, [&](const gazetteer::Match& m) {
    if (m.token_end != c.te || m.cls != gazetteer::EntryClass::Location) return false;
    const auto entry = ctx.matcher.entry(m);
    if (entry.kb_id != c.kb_id) return false;
    cc = entry.country;
    return true;
  });
  return cc;
}

// "the Red Sea", "the Arabian Sea": a name that ends in "Sea" or "Ocean" is the
// water, not the governorate or state named after it: the id of its entry in the
// list of physical features (WordNet's), or none.
// (Out of line: asked only of a name with a subdivision's id.)
[[gnu::noinline]] void water_body_id(const Context& ctx, Chosen& c) {
  static constexpr std::string_view kHeads[] = {"sea", "ocean"};
  static constexpr recognize::WordSet kSet(kHeads);
  if (c.te < c.tb + 2 || ctx.token(c.te - 1).shape != Shape::Capitalized || !kSet.contains(ctx, c.te - 1)) return;
  std::string_view id;
  ctx.for_matches_at(c.tb, [&](const gazetteer::Match& m) {
    if (m.token_end != c.te || m.cls != gazetteer::EntryClass::Location) return;
    const std::string_view kb = ctx.matcher.entry(m).kb_id;
    if (kb.starts_with("wordnet:")) id = kb;
  });
  c.kb_id = id;
}

// "John Smith, 34, of Springfield": an age in commas after a full name
// introduces someone of the story, not the historical figure that the generic
// (WordNet) list names so: c's id goes. (Out of line: asked only of a person
// with a WordNet id.)
[[gnu::noinline]] void drop_id_before_age(const Context& ctx, Chosen& c) {
  const std::size_t e = c.te;
  if (e + 2 < ctx.size() && recognize::is_char(ctx, e, ',') && ctx.token(e + 1).shape == Shape::Digits &&
      ctx.surface(e + 1).size() <= 3 && recognize::is_char(ctx, e + 2, ',')) {
    c.kb_id = {};
  }
}

// "Judge Ana Kelp of the Northern District of California" (a federal court's
// district): a subdivision's name before "of" and another place is a part of
// that place, not the subdivision some country has of that name (Israel's
// Northern District): no id. Its own country there keeps it ("the Eastern
// Province of Saudi Arabia").
// (Out of line: asked of a subdivision's name before "of".)
[[gnu::noinline]] void part_of_place_after(const Context& ctx, Chosen& c) {
  const std::size_t p = c.te + 1;
  if (p >= ctx.size() || !ctx.is_cap(p)) return;
  const std::string_view own = subdivision_country(c.kb_id);
  bool place = false, own_country = false;
  ctx.for_matches_at(p, [&](const gazetteer::Match& m) {
    if (m.cls != gazetteer::EntryClass::Location) return;
    place = true;
    const std::string_view kb = ctx.matcher.entry(m).kb_id;
    if (kb.size() == 10 && kb.starts_with("iso3166:") && kb.substr(8) == own) own_country = true;
  });
  if (place && !own_country) c.kb_id = {};
}

// Whether a match is of the subdivisions list, or of the cities list: each
// list's name compared once a story (a bit per list index of the built-in
// gazetteer), not per match.
class TownLists {
 public:
  bool subdivision(const Context& ctx, const gazetteer::Match& m) { return (bits(ctx, m) & 1) != 0; }
  bool city(const Context& ctx, const gazetteer::Match& m) { return (bits(ctx, m) & 2) != 0; }

 private:
  unsigned bits(const Context& ctx, const gazetteer::Match& m) {
    if (m.gazetteer != 0 || m.list >= 64) return name_bits(ctx.matcher.list_name(m));
    const std::uint64_t bit = std::uint64_t{1} << m.list;
    if ((known_ & bit) == 0) {
      known_ |= bit;
      const unsigned b = name_bits(ctx.matcher.list_name(m));
      if (b & 1) subdivisions_ |= bit;
      if (b & 2) cities_ |= bit;
    }
    return ((subdivisions_ & bit) != 0 ? 1u : 0u) | ((cities_ & bit) != 0 ? 2u : 0u);
  }
  static unsigned name_bits(std::string_view list) {
    return list == "subdivisions" ? 1u : list == "cities" ? 2u : 0u;
  }
  std::uint64_t known_ = 0, subdivisions_ = 0, cities_ = 0;
};

// Whether several first-level subdivisions share the name of chosen mention c
// ("Punjab": India's and Pakistan's): two entries of the subdivisions list.
// (By the match's list, without reading the entries.)
bool shares_subdivision_name(const Context& ctx, const Chosen& c, TownLists& lists) {
  int count = 0;
  return ctx.find_match_at(c.tb, [&](const gazetteer::Match& m) {
    return m.token_end == c.te && m.cls == gazetteer::EntryClass::Location && lists.subdivision(ctx, m) &&
           ++count == 2;
  }) != nullptr;
}

// The countries a story names, counted: its countries' and its towns' (place_country),
// and with `subdivisions` its states' and provinces' too.
struct StoryCountries {
  struct Count {
    std::uint16_t code;  // the country's two letters (see code_of)
    unsigned n;
  };
  std::array<Count, 8> counts{};  // a story's countries: the first few are enough
  std::size_t nc = 0;
  StoryCountries(const Context& ctx, const std::vector<Chosen>& chosen, bool subdivisions = false) {
    // (A town named again has the same id, the entry's view: its country is
    // read once, not once a mention, from the gazetteer image.)
    const char* last_id = nullptr;
    std::uint16_t last_code = 0;
    for (const Chosen& c : chosen) {
      if (c.type != EntityType::Location || c.kb_id.empty()) continue;
      if (c.kb_id.data() != last_id) {
        last_id = c.kb_id.data();
        last_code = code_of(subdivisions && c.kb_id.starts_with("iso3166-2:") ? subdivision_country(c.kb_id)
                                                                              : place_country(ctx, c));
      }
      if (last_code == 0) continue;
      std::size_t k = 0;
      while (k < nc && counts[k].code != last_code) ++k;
      if (k < nc) ++counts[k].n;
      else if (nc < counts.size()) counts[nc++] = {last_code, 1};
    }
  }
  unsigned of(std::string_view cc) const {
    const std::uint16_t code = code_of(cc);
    for (std::size_t k = 0; k < nc; ++k) {
      if (counts[k].code == code) return counts[k].n;
    }
    return 0u;
  }
  // A country's two letters as one number (0: none), compared without memcmp.
  static std::uint16_t code_of(std::string_view cc) {
    return cc.size() == 2 ? static_cast<std::uint16_t>(static_cast<unsigned char>(cc[0]) << 8 |
                                                       static_cast<unsigned char>(cc[1]))
                          : std::uint16_t{0};
  }
};

// "Punjab" in a story from Lahore, "Western Province" in one on Sri Lanka: a
// first-level subdivision whose name other countries' subdivisions share is
// the one of the country the story names most (its countries, and the
// countries of its towns and dateline), not the one of the largest country the
// lists rank first. A qualified one ("Punjab, India") keeps its id.
// (Out of line: called for a story that names a subdivision.)
[[gnu::noinline]] void story_subdivision_ids(const Context& ctx, std::vector<Chosen>& chosen, TownLists& lists) {
  const auto qualified = [&](const Chosen& c) {
    return recognize::is_char(ctx, c.te, ',') && c.te + 1 < ctx.size() && ctx.country[c.te + 1];
  };
  // Most subdivisions' names are their own (a US state's): then nothing to choose.
  bool shared = false;
  for (const Chosen& c : chosen) {
    const std::string_view own = c.type == EntityType::Location ? subdivision_country(c.kb_id) : std::string_view{};
    if (!own.empty() && !qualified(c) && shares_subdivision_name(ctx, c, lists)) {
      shared = true;
      break;
    }
  }
  if (!shared) return;
  const StoryCountries story(ctx, chosen);
  if (story.nc == 0) return;
  const auto count_of = [&](std::string_view cc) { return story.of(cc); };
  for (Chosen& c : chosen) {
    const std::string_view own = c.type == EntityType::Location ? subdivision_country(c.kb_id) : std::string_view{};
    if (own.empty() || qualified(c)) continue;
    unsigned best = count_of(own);
    ctx.for_matches_at(c.tb, [&](const gazetteer::Match& m) {
      if (m.token_end != c.te || m.cls != gazetteer::EntryClass::Location) return;
      const std::string_view kb = ctx.matcher.entry(m).kb_id;
      const std::string_view cc = subdivision_country(kb);
      if (cc.empty()) return;
      const unsigned n = count_of(cc);
      if (n > best) {
        best = n;
        c.kb_id = kb;
      }
    });
  }
}

// Whether a first-level subdivision shares the name of chosen mention c (a
// town's: "Virginia", "Oklahoma"). (By the match's list, without reading entries.)
bool names_subdivision(const Context& ctx, const Chosen& c, TownLists& lists) {
  return ctx.find_match_at(c.tb, [&](const gazetteer::Match& m) {
    return m.token_end == c.te && m.cls == gazetteer::EntryClass::Location && lists.subdivision(ctx, m);
  }) != nullptr;
}

// "Sen. Tim Kaine of Virginia", "Senate Minority Leader Chuck Schumer of New
// York": a legislator's or governor's title and name before the "of" at token
// of: the place after it is the state they represent.
bool legislator_of_before(const Context& ctx, std::size_t of) {
  static constexpr std::string_view kTitles[] = {"sen",         "senator",       "rep",          "representative",
                                                 "gov",         "governor",      "congressman",  "congresswoman",
                                                 "leader",      "whip",          "lawmaker",     "delegate"};
  static constexpr recognize::WordSet kSet(kTitles);
  if (!recognize::folded_is(ctx, of, "of")) return false;
  std::size_t names = 0;
  for (std::size_t k = of; k > 0 && k + 7 > of;) {
    --k;
    if (kSet.contains(ctx, k)) return names > 0;
    if (recognize::is_char(ctx, k, '.')) continue;
    if (!ctx.is_cap(k)) return false;
    ++names;
  }
  return false;
}

// "Virginia, Free State": a country's or subdivision's name of country cc after
// chosen mention c and a comma (the qualifier chose the town).
bool qualified_in(const Context& ctx, const Chosen& c, std::string_view cc) {
  if (cc.empty() || !recognize::is_char(ctx, c.te, ',') || c.te + 1 >= ctx.size()) return false;
  return ctx.find_match_at(c.te + 1, [&](const gazetteer::Match& m) {
    if (m.cls != gazetteer::EntryClass::Location) return false;
    const std::string_view kb = ctx.matcher.entry(m).kb_id;
    return (kb.starts_with("iso3166:") && kb.substr(8) == cc) || subdivision_country(kb) == cc;
  }) != nullptr;
}

// "northeast Oklahoma": a lowercase compass word before token b (b > 0).
bool compass_before(const Context& ctx, std::size_t b) {
  static constexpr recognize::WordSet kCompass(recognize::kCompassWords);
  return ctx.token(b - 1).shape == Shape::Lower && kCompass.contains(ctx, b - 1);
}

// "of" or a lowercase compass word before token b (b > 0): what may make a
// town's name its state's (town_to_subdivision).
bool state_cue_before(const Context& ctx, std::size_t b) {
  return recognize::folded_is(ctx, b - 1, "of") || compass_before(ctx, b);
}

// What a town's name shares with first-level subdivisions: the state of its
// name (of the town's own country if one is, else the first; empty if none),
// the town's people and country (empty if the id is no listed town's).
struct TownFacts {
  std::string_view state;
  std::string_view cc;
  std::uint32_t population = 0;
};

TownFacts town_facts(const Context& ctx, const Chosen& c, TownLists& lists) {
  TownFacts f;
  // (The id's view is the entry's: compared by address, not by its letters.)
  ctx.find_match_at(c.tb, [&](const gazetteer::Match& m) {
    if (m.token_end != c.te || m.cls != gazetteer::EntryClass::Location || !lists.city(ctx, m)) return false;
    const auto entry = ctx.matcher.entry(m);
    if (entry.kb_id.data() != c.kb_id.data()) return false;
    f.population = entry.population;
    f.cc = entry.country;
    return true;
  });
  if (f.cc.empty()) return f;  // not a listed town's id (a rule's): left as it is
  ctx.for_matches_at(c.tb, [&](const gazetteer::Match& m) {
    if (m.token_end != c.te || m.cls != gazetteer::EntryClass::Location || !lists.subdivision(ctx, m)) return;
    const std::string_view kb = ctx.matcher.entry(m).kb_id;
    if (f.state.empty() || (subdivision_country(kb) == f.cc && subdivision_country(f.state) != f.cc)) f.state = kb;
  });
  return f;
}

// What town_to_subdivision learns of a story, kept from one town to the next.
struct TownStates {
  TownStates() noexcept {}  // (user-provided: no zero-fill of the story's counts before they are needed)
  TownLists lists;
  std::optional<StoryCountries> story;
  // The facts of the last few towns, by id (the entry's view) and name: a story
  // names its towns again and again, and each reading of their entries is a
  // cache miss into the gazetteer image.
  struct Known {
    const char* id = nullptr;
    std::uint64_t name = 0;
    TownFacts facts;
    int own = -1;  // the story's mentions with this id (counted when first asked)
  };
  std::array<Known, 8> known;
  std::size_t next_known = 0;

  Known& known_of(const Context& ctx, const Chosen& c) {
    const std::uint64_t name = name_key(ctx, c.tb, c.te);
    for (Known& k : known) {
      if (k.id == c.kb_id.data() && k.name == name) return k;
    }
    Known& k = known[next_known++ % known.size()];
    k = {c.kb_id.data(), name, town_facts(ctx, c, lists), -1};
    return k;
  }
};

// A LOCATION with a town's id whose name a first-level subdivision shares is
// that subdivision where the words before it or the story say so:
// - "Sen. Tim Kaine of Virginia", "Chuck Schumer of New York" (the city's
//   name): after a legislator's or governor's name and "of", their state;
// - "northeast Oklahoma" (Oklahoma City's alternate name): after a lowercase
//   compass word, a part of the state (not of a city of a million, "central Kabul");
// - with `by_story`, in a story that names states or provinces: "Virginia" (a
//   town of 122,000 in South Africa, and the US state), a town abroad of under
//   a million people where the story names the state's country (its places and
//   states) more than the town's, "Virginia and Texas" (a town of the state's
//   own country keeps the lists' choice: "Washington" the capital).
// (Out of line: asked of a town after "of" or a compass word, or in a story
// that names states; `towns` keeps what it learns of the story.)
[[gnu::noinline]] void town_to_subdivision(const Context& ctx, const std::vector<Chosen>& chosen, Chosen& c,
                                           TownStates& towns, bool by_story) {
  TownStates::Known& known = towns.known_of(ctx, c);
  const TownFacts& f = known.facts;
  if (f.state.empty() || qualified_in(ctx, c, f.cc)) return;
  const std::string_view state_cc = subdivision_country(f.state);
  bool to_state = false;
  if (!by_story) {
    to_state = (f.population < 1000000 && compass_before(ctx, c.tb)) ||
               (c.tb >= 3 && legislator_of_before(ctx, c.tb - 1));
  } else if (state_cc != f.cc && f.population < 1000000) {
    if (!towns.story) towns.story.emplace(ctx, chosen, true);
    // (The town's own mentions counted out: they name its country too.)
    if (known.own < 0) {
      // (Most ids differ in length or last digit: memcmp only for the rest.)
      const std::string_view id = c.kb_id;
      known.own = 0;
      for (const Chosen& o : chosen) {
        known.own += o.type == EntityType::Location && o.kb_id.size() == id.size() &&
                     (o.kb_id.data() == id.data() || (o.kb_id.back() == id.back() && o.kb_id == id));
      }
    }
    const auto own = static_cast<unsigned>(known.own);
    const unsigned abroad = towns.story->of(f.cc);
    to_state = towns.story->of(state_cc) > abroad - std::min(abroad, own);
  }
  if (to_state) c.kb_id = f.state;
}

// Whether chosen mention c is a LOCATION with a town's id ('g' at [0] is
// "geonames:"'s alone among ids of places).
bool town_id(const Chosen& c) { return c.kb_id.size() > 9 && c.kb_id[0] == 'g' && c.type == EntityType::Location; }

// The ids of places that their words or the story's other places decide: a
// town's name that a state shares (town_to_subdivision), a water's name, a
// state's part, a subdivision's name that other countries share.
// (Out of line: one pass over the mentions, apart from resolve's; a second for
// a story that names a subdivision: most name none.)
[[gnu::noinline]] void place_ids(const Context& ctx, std::vector<Chosen>& chosen) {
  bool subdivision = false;
  TownStates towns;
  for (Chosen& c : chosen) {
    // (The word before a town first: "of" or a compass word.)
    if (town_id(c) && c.tb > 0 && state_cue_before(ctx, c.tb) && names_subdivision(ctx, c, towns.lists)) {
      town_to_subdivision(ctx, chosen, c, towns, false);
    }
    // ('-' at [7] is "iso3166-2:"'s alone: one byte before the type and the prefix.)
    if (c.kb_id.size() > 12 && c.kb_id[7] == '-' && c.type == EntityType::Location &&
        c.kb_id.starts_with("iso3166-2:")) {
      water_body_id(ctx, c);
      if (c.te + 1 < ctx.size() && recognize::folded_is(ctx, c.te, "of")) part_of_place_after(ctx, c);
      subdivision = true;
    }
  }
  if (!subdivision) return;
  for (Chosen& c : chosen) {
    // (town_to_subdivision asks whether a state shares the name: once a town.)
    if (town_id(c)) town_to_subdivision(ctx, chosen, c, towns, true);
  }
  story_subdivision_ids(ctx, chosen, towns.lists);
}

// "the Milwaukee Bucks", "Seattle Sounders": a club's name of two words that
// a place (a city, not a country) opens, which sports copy uses alone for the
// club ("Milwaukee improved to 12-8"). Not a place after a club's word
// ("Spartak Moscow": the city has other clubs), nor "Fairview Town" (a team
// word alone also names towns). Whether c is such a name. (Out of line: asked
// of the organizations of sports reports only.)
[[gnu::noinline]] bool club_of_place(const Context& ctx, const Chosen& c) {
  if (!(c.rule == "sports" || (c.rule.starts_with("org.team") && c.rule != "org.team_word"))) return false;
  return ctx.has(c.tb, gazetteer::EntryClass::Location) && !ctx.has(c.tb + 1, gazetteer::EntryClass::Location) &&
         !ctx.is_country_span(c.tb, c.tb + 1);
}

// An authoritative rule's vote for a name's type (see Retyper).
struct Vote {
  EntityType type;
  float score;
};

// What the document pass knows about a folded token sequence (by name_key).
// Zero-initialized in the table (trivial, see NameTable).
// Four bytes, so that a slot of the table takes 16 (four to a cache line; the
// table's probes, a cache miss each on a cold line, were a quarter of the
// pass's time).
struct Known {
  EntityType type;  // of the first whole name chosen with this key (when `full`)
  bool full;        // a whole name
  bool longer;      // the start of a longer name
  bool person;      // a PERSON name part (single tokens)
};
static_assert(sizeof(Known) == 4);

// Working memory of resolve(), kept by each thread between documents: a short
// news article (a few dozen candidates) paid more for allocating, zero-filling
// and freeing a dozen buffers per document than for using them. Each user
// clears what it takes at the start (Starts keeps its index array all zero
// between documents), so a document that threw leaves nothing behind for the
// next. One resolve() at a time per thread (it does not recurse).
struct Scratch {
  std::vector<std::uint64_t> keys, sort_tmp;  // priority_order
  std::vector<Chosen> chosen;
  std::vector<Extra> extras;                  // --explain only
  std::vector<std::uint64_t> occupied;        // Occupancy
  std::vector<std::uint64_t> start_bits;      // Starts
  std::vector<std::uint32_t> start_index;
  NameTable<Vote> authority;                  // Retyper
  NameTable<float> surnames;
  NameTable<float> company_words;             // Retyper (see company_first_word)
  NameTable<float> club_places;               // Retyper (see club_of_place)
  NameTable<Known> known;                     // propagate
  std::vector<std::uint64_t> filter;

  static Scratch& of_thread() {
    thread_local Scratch scratch;
    return scratch;
  }
};

// Retyping: the same name keeps one type across the document unless local
// evidence is stronger ("Surrey" is a club all through a cricket report once a
// score line says so; "Jordan" is the director after "Neil Jordan"). Votes are
// collected over all names first; then each name is retyped on its own (in the
// document pass's loop over names, which needs its type and key anyway).
class Retyper {
 public:
  Retyper(const Context& ctx, std::vector<Chosen>& chosen, Scratch& scratch)
      : ctx_(ctx),
        authority_(scratch.authority),
        surnames_(scratch.surnames),
        companies_(scratch.company_words),
        clubs_(scratch.club_places) {
    // At most one key per name in each. Sized for a quarter of the names, a
    // table grew (rehashing every key) in about 3 of 10 real news stories. The
    // slots more cost nothing: a table is emptied by its generation, not by
    // clearing its slots (see NameTable).
    authority_.reset(chosen.size() / 2);
    surnames_.reset(chosen.size() / 2);
    companies_.reset(chosen.size() / 4);
    for (Chosen& c : chosen) {
      if (c.type == EntityType::Date) continue;
      const std::size_t b = c.tb, e = c.te;
      if (e <= b) continue;
      name_keys_ += e - b + (e - b >= 2 ? 2 : 0);
      if (is_authoritative(c.rule)) {
        c.key = name_key(ctx, b, e);  // the others get theirs in the document pass's loop
        bool fresh = false;
        if (Vote* v = authority_.upsert(c.key, &fresh); v && (fresh || v->score < c.score)) *v = {c.type, c.score};
      }
      if (c.type == EntityType::Person && e - b >= 2 && c.score >= 0.55f) {
        // (The surname before a "Jr.": "Kessler" of "Tom Kessler Jr.".)
        const std::size_t s = recognize::surname_end(ctx, b, e);
        float* v = ctx.is_cap(s - 1) ? surnames_.upsert(name_key(ctx, s - 1, s)) : nullptr;
        if (v) *v = std::max(*v, c.score);
      }
      if (c.type == EntityType::Organization && e - b >= 2) {
        if (const std::size_t w = company_first_word(ctx, c); w != SIZE_MAX) {
          if (float* v = companies_.upsert(name_key(ctx, w, w + 1))) *v = std::max(*v, c.score);
          // Its name without the legal form, of two words or more ("Nordwind
          // Analytics" of "Nordwind Analytics GmbH"): a key of several tokens,
          // never a first word's (of one word: the same key again).
          if (float* v = companies_.upsert(name_key(ctx, w, legal_form_at(ctx, c)))) *v = std::max(*v, c.score);
          // And its first two words ("Van Dijk" of "Van Dijk Coatings N.V.").
          if (const std::size_t p = company_prefix_end(ctx, c); p != SIZE_MAX) {
            if (float* v = companies_.upsert(name_key(ctx, w, p))) *v = std::max(*v, c.score);
          }
        }
      }
    }
    if (ctx.sports) club_places(chosen);  // (clubs_ is read in sports reports only: see retype)
  }
  /// About the number of keys the document pass adds for the names: one per
  /// start of each, two name parts for one of several tokens (a hyphenated
  /// surname or an acronym adds more: the table then grows).
  std::size_t name_keys() const { return name_keys_; }
  /// Word w, the first of a company's name with its legal form, repeated alone
  /// is the company where no rule chose it ("Shares in Kelvotrax rose" after
  /// "Kelvotrax Marine ASA"): not a common word, place, nationality or title,
  /// nor the surname of a person of the story.
  /// (Out of line: asked of few names.)
  [[gnu::noinline]] bool lone_company_word(std::size_t w) const {
    using gazetteer::EntryClass;
    return !ctx_.is_common_word(w) && !ctx_.has(w, EntryClass::Location) && !ctx_.has(w, EntryClass::Demonym) &&
           !ctx_.has(w, EntryClass::Title) &&
           !ctx_.lex_is(w, recognize::kLexFunction | recognize::kLexWeakStart | recognize::kLexCalendar) &&
           !(!surnames_.empty() && surnames_.find(name_key(ctx_, w, w + 1))) &&
           !(ctx_.token(w).shape == Shape::AllCaps && ctx_.line_start(w));  // ("THU Kelvo Group" in a table)
  }
  /// A one-word person's name c that is a company's word is the company (see retype).
  /// (Out of line: asked of few names; inlined, retype itself was not.)
  [[gnu::noinline]] bool person_is_company_word(const Chosen& c) const {
    if (c.rule == "person.speech" || c.rule == "person.context") return true;
    return (c.rule == "person.given" || c.rule == "person.given_alone") && !title_before(ctx_, c.tb) &&
           !(!surnames_.empty() && surnames_.find(c.key));
  }
  /// Retypes a name (not a date, tokens tb < te, key set) by the votes.
  [[gnu::always_inline]] void retype(Chosen& c) const {
    const std::size_t b = c.tb, e = c.te;
    // "Nordwind Analytics" after "Nordwind Analytics GmbH": a company's name
    // without its legal form is the company, whatever a rule made of it.
    if (!companies_.empty() && e >= b + 2 && c.type != EntityType::Organization && companies_.find(c.key)) {
      set_document_type(c, EntityType::Organization, "document.company_name");
      return;
    }
    const Vote* it = authority_.empty() ? nullptr : authority_.find(c.key);
    if (it && it->type != c.type && it->score > c.score) {
      // A country named in a team slot elsewhere stays a place here, and so does
      // a place after a locative preposition.
      if (!(c.type == EntityType::Location && (ctx_.is_country_span(b, e) || after_locative(b)))) {
        set_document_type(c, it->type, "document.same_name");
        return;
      }
    }
    // "Milwaukee improved to 12-8" after "the Milwaukee Bucks": in a sports
    // report the club's city alone is the club, not after a locative ("in Milwaukee").
    if (e == b + 1 && c.type == EntityType::Location && ctx_.sports && !clubs_.empty() && c.rule == "cities" &&
        clubs_.find(c.key) && !after_locative(b)) {
      set_document_type(c, EntityType::Organization, "document.club_place");
      return;
    }
    // "Meridian" after "Meridian Petroleum Ltd": a town's name alone is the
    // company, unless after a locative preposition ("in Meridian"; but the
    // owner of a possessive is the company: "a premium to Meridian's closing
    // price"). Only a town under 1,000,000 (the cities list's two lower
    // priors: "Xinyuan" after "Xinyuan Auto Co Ltd"): "Tokyo" after "Tokyo
    // Electric Power Co" and "Texas" after "Texas Instruments Inc" stay places.
    if (e == b + 1 && c.type == EntityType::Location && !companies_.empty() && c.rule == "cities" &&
        c.score < 0.73f && companies_.find(c.key) &&
        !(b > 0 && ctx_.lex_is(b - 1, recognize::kLexLocative) && !(e < ctx_.size() && ctx_.is(e, "'s")) &&
          !shares_in(ctx_, b))) {
      set_document_type(c, EntityType::Organization, "document.company_word");
      return;
    }
    // And "Meridian said" after "Meridian Petroleum Ltd": a word that only a
    // verb of saying or the context made a person is the company too; so is
    // one that only a name list made one ("Becker will pay" after "Becker
    // Chemie AG"), unless a title is before it or a person of the story has it
    // as surname ("Anna Becker").
    if (e == b + 1 && c.type == EntityType::Person && !companies_.empty() && companies_.find(c.key) &&
        person_is_company_word(c)) {
      set_document_type(c, EntityType::Organization, "document.company_word");
      return;
    }
    if (e == b + 1 && c.type != EntityType::Person && !surnames_.empty()) {
      const float* p = surnames_.find(c.key);
      if (!p || *p < c.score - 0.2f) return;
      if (b > 0 && ctx_.lex_is(b - 1, recognize::kLexLocative)) return;  // "in Jordan" stays a place
      if (c.type == EntityType::Organization && c.score >= 0.75f) return;
      set_document_type(c, EntityType::Person, "document.person_part");
    }
  }

 private:
  // Votes for the club places of a sports report, club_of_place's. (A loop of
  // its own: in the constructor's loop, the test cost every document more.)
  [[gnu::noinline]] void club_places(const std::vector<Chosen>& chosen) {
    clubs_.reset(chosen.size() / 4);
    for (const Chosen& c : chosen) {
      if (c.type == EntityType::Organization && c.te == c.tb + 2 && club_of_place(ctx_, c)) {
        if (float* v = clubs_.upsert(name_key(ctx_, c.tb, c.tb + 1))) *v = c.score;
      }
    }
  }

  // A locative preposition before token b: "in Montreal", "to Washington",
  // "In St Louis, ..." opening a sentence, and in a line of capitals "CHICAGO AT TORONTO".
  bool after_locative(std::size_t b) const {
    return b > 0 && ctx_.lex_is(b - 1, recognize::kLexLocative) &&
           (ctx_.token(b - 1).shape == Shape::Lower || ctx_.caps_line[b - 1] || ctx_.token(b - 1).sentence_start);
  }

  const Context& ctx_;
  NameTable<Vote>& authority_;  // a few names each (grows as needed)
  NameTable<float>& surnames_;  // last word of a multi-word PERSON
  NameTable<float>& companies_; // first word of a company with its legal form
  NameTable<float>& clubs_;     // a club's city, in a sports report (club_of_place)
  std::size_t name_keys_ = 0;
};

// Token i is an auxiliary verb that makes the word before it a subject ("Cook
// is scheduled", "Cook has said"; "Cook the rice" is an imperative).
bool subject_verb_at(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kVerbs[] = {"is", "was", "has", "had", "will", "would", "does", "did"};
  static constexpr recognize::WordSet kSet(kVerbs);
  return ctx.token(i).shape == Shape::Lower && kSet.contains(ctx, i);
}

// Token i, after a sentence's first word, makes that word the subject named
// ("Manning, 66, led", "Tucker made", "Kelvo's 56", "Tarsen (14-7)" after "Linda
// Manning", "Ray Tucker"...): a comma, a parenthesis, a possessive, a number
// or a verb in the past tense ("-ed" or a common irregular one); not a
// lowercase noun ("Swift action") or an article ("Cook the rice").
bool subject_after(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kPast[] = {
      "came", "made", "met", "led", "took", "won", "lost", "left", "became", "began", "got", "gave", "went", "ran",
      "saw", "felt", "kept", "hit", "threw", "beat", "wrote", "spent", "paid", "sent", "held", "built", "brought",
      "thought", "found", "sold", "knew", "drove", "fell", "grew", "rose", "stood", "struck", "shot", "overcame"};
  static constexpr recognize::WordSet kSet(kPast);
  const Shape s = ctx.token(i).shape;
  if (s == Shape::Punct) return recognize::is_char(ctx, i, ',') || recognize::is_char(ctx, i, '(');
  if (s == Shape::Digits) return true;
  if (s != Shape::Lower) return ctx.is(i, "'s");
  const std::string_view w = ctx.surface(i);
  return (w.size() >= 5 && w.ends_with("ed")) || kSet.contains(ctx, i);
}

// The document-level pass: propagates types from confident mentions to other
// occurrences of the same name (see resolve.hpp).
// (Not inlined into resolve(), its only caller: inlined, resolve's own loops
// compiled to more instructions, 0.7 to 1.1 M more on the 3 MB samples.)
[[gnu::noinline]] void propagate(const Context& ctx, std::vector<Chosen>& chosen, Occupancy& occ, Starts& starts,
                                 Scratch& scratch) {
  national_chapters(ctx, chosen, starts);
  const Retyper retyper(ctx, chosen, scratch);
  // Names known in this document, whole and their starts, and PERSON name
  // parts (first and last words), in one table: one probe per capitalized token.
  // Sized for the keys to come: a table that grows rehashes every key.
  NameTable<Known>& known = scratch.known;
  known.reset(retyper.name_keys());
  // A token whose fold_hash has no bit here starts no known name nor part: the
  // scan below skips it with one load instead of hashing and probing. About 64
  // bits per chosen mention (each marks one to three), from 512 to 16384: a
  // short article's filter is a few cache lines to clear, not 2 KB.
  std::size_t filter_bits = 512;
  while (filter_bits < 64 * chosen.size() && filter_bits < (std::size_t{1} << 14)) filter_bits *= 2;
  const std::uint64_t filter_mask = filter_bits - 1;
  std::vector<std::uint64_t>& filter = scratch.filter;
  filter.assign(filter_bits / 64, 0);
  const auto mark = [&](std::size_t i) {
    const std::uint64_t h = ctx.token(i).fold_hash & filter_mask;
    filter[h / 64] |= std::uint64_t{1} << (h % 64);
  };
  bool any_full = false;
  // Tokens [b, e) as a whole name of `type` (the first type seen wins) and each
  // of its starts as the start of a longer one.
  // A whole name's entry: its type is the first whole name's of that key.
  auto set_full = [&](Known* x, EntityType type) {
    if (x->full) return;
    x->full = true;
    x->type = type;
    any_full = true;
  };
  auto add_full = [&](std::size_t b, std::size_t e, EntityType type) {
    mark(b);
    std::uint64_t key = text::kSequenceSeed;
    for (std::size_t k = b; k < e; ++k) {
      key = text::sequence_extend(key, ctx.token(k).fold_hash);
      Known* x = known.upsert(key);
      if (!x) continue;
      if (k + 1 < e) {
        x->longer = true;
      } else {
        set_full(x, type);
      }
    }
  };
  // A body's acronym of its initials (initials_hash) as a whole name of its own.
  auto add_initials = [&](std::uint64_t h) {
    const std::uint64_t f = h & filter_mask;
    filter[f / 64] |= std::uint64_t{1} << (f % 64);
    if (Known* x = known.upsert(text::sequence_extend(text::kSequenceSeed, h))) set_full(x, EntityType::Organization);
  };
  auto add_part = [&](std::size_t i) {
    mark(i);
    if (Known* x = known.upsert(name_key(ctx, i, i + 1))) x->person = true;
  };
  std::size_t max_len = 1;
  for (Chosen& c : chosen) {
    if (c.type == EntityType::Date) continue;
    const std::size_t b = c.tb, e = c.te;
    if (e <= b) continue;
    // Its starts, then its key (the last of them), then its type by the votes,
    // then the whole name with that type.
    mark(b);
    std::uint64_t key = text::kSequenceSeed;
    Known* x = nullptr;
    for (std::size_t k = b; k < e; ++k) {
      key = text::sequence_extend(key, ctx.token(k).fold_hash);
      x = known.upsert(key);
      if (x && k + 1 < e) x->longer = true;
    }
    c.key = key;
    retyper.retype(c);
    if (c.type == EntityType::Location && e >= b + 2 && e < ctx.size() && ctx.token(e).shape == Shape::Punct &&
        defined_by_body_acronym(ctx, chosen, starts, b, e)) {
      set_document_type(c, EntityType::Organization, "document.acronym");
    }
    // A club's other side in a result without a score: a place chosen there
    // is the club, and an unlisted word becomes known as one.
    // (The list's name first: it is at hand, the tokens beside the name are not.)
    if (c.type == EntityType::Organization && c.rule == "sports") {
      std::size_t side = SIZE_MAX;
      if (b >= 2 && ctx.lex_is(b - 1, recognize::kLexTeamCue) && result_side(ctx, c, b - 1, b - 2)) side = b - 2;
      if (e + 1 < ctx.size() && ctx.lex_is(e, recognize::kLexTeamCue) && result_side(ctx, c, e, e + 1)) side = e + 1;
      if (side != SIZE_MAX) {
        const std::uint32_t at = starts.at(ctx.token(side).span.begin);
        if (at == 0) {
          add_full(side, side + 1, EntityType::Organization);
        } else if (Chosen& o = chosen[at - 1]; o.type == EntityType::Location && o.tb == side && o.te == side + 1) {
          set_document_type(o, EntityType::Organization, "document.team_result");
        }
      }
    }
    // (The list's name and the next token's hash first: few companies have an "and" after them.)
    static constexpr std::uint64_t kAnd = text::token_hash("and");
    if (c.type == EntityType::Organization && c.rule == "companies" && e < ctx.size() &&
        ctx.token(e).fold_hash == kAnd) {
      if (const std::size_t w = coordinated_company(ctx, c); w != 0) add_full(w, w + 1, EntityType::Organization);
    }
    if (x && !x->full) {  // the first type seen wins
      x->full = true;
      x->type = c.type;
      any_full = true;
    }
    max_len = std::max(max_len, e - b);
    // A company's name without its legal form repeats as the company ("Shares of Nordwind Analytics"),
    // and so do its first two words and its first word alone (see Retyper::lone_company_word).
    if (c.type == EntityType::Organization && e - b >= 2 && company_first_word(ctx, c) != SIZE_MAX) {
      add_full(b, legal_form_at(ctx, c), EntityType::Organization);
      if (const std::size_t p = company_prefix_end(ctx, c); p != SIZE_MAX) add_full(b, p, EntityType::Organization);
      if (retyper.lone_company_word(b)) add_full(b, b + 1, EntityType::Organization);
    } else if (c.type == EntityType::Organization && e - b >= 2 && company_head_first_word(ctx, c) != SIZE_MAX &&
               retyper.lone_company_word(b)) {
      add_full(b, b + 1, EntityType::Organization);  // "Kelvo's factory" after "Kelvo Motor"
    }
    // Its acronym repeats as the body too ("the MPC will meet").
    if (c.type == EntityType::Organization && e - b >= 3) {
      if (const std::uint64_t h = initials_hash(ctx, b, e); h != 0) add_initials(h);
    }
    if (c.type == EntityType::Person && e - b >= 2) {
      const std::size_t s = recognize::surname_end(ctx, b, e);
      add_part(s - 1);  // surname (before a "Jr.")
      // Two surnames after a given name repeat together: "Rocha Moya" after
      // "Rubén Rocha Moya" (Spanish and Portuguese usage).
      if (s >= b + 3 && ctx.token(s - 2).shape == Shape::Capitalized && ctx.token(s - 1).shape == Shape::Capitalized) {
        add_full(s - 2, s, EntityType::Person);
      }
      // The first word, unless a common word; but a Korean or Chinese name
      // ("Lee Jae-yong": a lowercase syllable after an attached hyphen ends it)
      // puts the family name first, and that repeats alone ("Lee said").
      const bool family_first = e - b >= 4 && recognize::is_char(ctx, e - 2, '-') && !ctx.token(e - 1).space_before &&
                                ctx.token(e - 1).shape == Shape::Lower;
      if (!ctx.is_common_word(b) || family_first) add_part(b);
      // A hyphenated surname repeats whole: "Maberry-Tusk" after "Quil Maberry-Tusk".
      if (e - b >= 4 && recognize::is_char(ctx, e - 2, '-') && !ctx.token(e - 2).space_before &&
          !ctx.token(e - 1).space_before) {
        add_full(e - 3, e, EntityType::Person);
        max_len = std::max<std::size_t>(max_len, 3);
      }
    }
  }
  // Acronyms defined in parentheses: "International Atomic Energy Agency (IAEA)".
  // One capital is no acronym: "Rad (B)" in a results table is a note (a city).
  for (const Chosen& c : chosen) {
    if (c.type != EntityType::Organization) continue;
    const std::size_t e = c.te;
    if (e + 2 < ctx.size() && recognize::is_char(ctx, e, '(') && recognize::is_char(ctx, e + 2, ')') &&
        ((ctx.token(e + 1).shape == Shape::AllCaps && ctx.token(e + 1).span.size() >= 2) ||
         short_name_alias(ctx, c.tb, e + 1))) {
      add_full(e + 1, e + 2, EntityType::Organization);
      // "Securities Commission Malaysia (SC)": the acronym of the name's
      // initials is the body, though a list has it as a place (a state's
      // code), unless it is a word too ("Tarvo Network (IN)": a product's).
      const std::uint32_t at = starts.at(ctx.token(e + 1).span.begin);
      if (at != 0 && chosen[at - 1].type == EntityType::Location && chosen[at - 1].tb == e + 1 &&
          chosen[at - 1].te == e + 2 && !ctx.country[e + 1] && !ctx.lex_is(e + 1, recognize::kLexFunction) &&
          recognize::spells_initials(ctx, c.tb, e, ctx.surface(e + 1))) {
        set_document_type(chosen[at - 1], EntityType::Organization, "document.acronym");
      }
    }
  }
  if (!any_full) return;

  // A new mention from the document-level pass, where nothing else was chosen.
  auto add = [&](EntityType type, std::size_t b, std::size_t e, std::string_view rule) {
    // Nearly always the first token is a mention's already: one bit says so.
    if (occ.taken(ctx.token(b).span.begin)) return;
    const Span s = ctx.span(b, e);
    if (!occ.free(s)) return;
    if (recognize::starts_unnamed_name(ctx, type, e)) return;  // "Hong Kong Open": see drop_event_name_parts
    // A place's word that the gazetteer recognizer left out stays out: an event
    // word after a name ("the Web Summit" in a story on the town of Summit), a
    // word after a nationality word ("Scottish Enterprise"), a part of a
    // hyphenated name ("Kelvo-France" in a story on France).
    if (type == EntityType::Location && e == b + 1 &&
        ((ctx.is_common_word(b) && (recognize::event_word_after_name(ctx, b) || recognize::demonym_before(ctx, b))) ||
         recognize::place_in_hyphen_name(ctx, b))) {
      return;
    }
    // ... and a body's: a day's name ("on Cyber Monday" in a story on a firm of the name).
    if (type == EntityType::Organization && e == b + 1 && recognize::opens_day_name(ctx, b)) return;
    // "six RBI in one game" after "White's RBI double": a statistic's unit, not the body.
    if (type == EntityType::Organization && e == b + 1 && ctx.token(b).shape == Shape::AllCaps &&
        recognize::counted_acronym(ctx, b)) {
      return;
    }
    Chosen& c = chosen.emplace_back();
    c.type = type;
    c.span = s;
    c.rule = rule;
    c.tb = static_cast<std::uint32_t>(b);
    c.te = static_cast<std::uint32_t>(e);
    occ.take(s);
    starts.set(s.begin, static_cast<std::uint32_t>(chosen.size() - 1));
  };
  const auto part = [&](std::size_t i) {
    const Known* x = known.find(name_key(ctx, i, i + 1));
    return x && x->person;
  };
  const std::size_t n = ctx.size();
  // Extends the known name tokens [i, j) (`key` and `t`, its name key and entry)
  // token by token while a longer known name starts with it, keeping the
  // longest whole one with a capitalized last token in best_end and best_type.
  const auto walk = [&](std::size_t i, std::size_t j, std::uint64_t key, const Known* t, std::size_t& best_end,
                        EntityType& best_type) {
    for (; t && t->longer && j < n && j - i < max_len && !ctx.token(j).newline_before; ++j) {
      key = text::sequence_extend(key, ctx.token(j).fold_hash);
      t = known.find(key);
      if (t && t->full && ctx.is_cap(j)) {
        best_end = j + 1;
        best_type = t->type;
      }
    }
  };
  const auto newline_inside = [&](std::size_t b, std::size_t e) {
    for (std::size_t k = b + 1; k < e; ++k) {
      if (ctx.token(k).newline_before) return true;
    }
    return false;
  };
  // Only a capitalized token (is_cap) starts a name or part here, so the scan
  // walks Context::cap_tokens (a superset: it also holds Alnum tokens), about a
  // quarter of the tokens. Most of those start no known name nor part: they are
  // skipped in a tight loop over local pointers (the loop below calls `add`,
  // which stores into vectors, so through ctx it would reload the token and
  // filter addresses each time).
  const text::Token* const tokens = ctx.tt.tokens.data();
  const std::uint32_t* cap = ctx.cap_tokens.begin();
  const std::uint32_t* const cap_end = ctx.cap_tokens.end();
  const std::uint64_t* const bits = filter.data();
  for (std::size_t i = 0;; ++i) {
    // The next capitalized token at or after i whose fold_hash has a filter bit.
    while (cap != cap_end && *cap < i) ++cap;
    for (; cap != cap_end; ++cap) {
      const std::uint64_t f = tokens[*cap].fold_hash & filter_mask;
      if ((bits[f / 64] >> (f % 64)) & 1) break;
    }
    if (cap == cap_end) break;
    i = *cap++;
    if (!ctx.is_cap(i)) continue;
    // Most of the tokens that get here start a chosen name: the walk below
    // would find that name's own prefixes and `add` would refuse its taken
    // span, so only the jump past it matters. It is the name's end (a known
    // whole name, capitalized last token, no line break inside), or further
    // where a longer known name starts with it: one probe of the name's key
    // instead of one per token, and no `add`.
    if (const std::uint32_t at = starts.at(tokens[i].span.begin); at != 0) {
      const Chosen& m = chosen[at - 1];
      if (m.cand != Chosen::kAdded && m.type != EntityType::Date && m.tb == i && m.te > i && m.key != 0 &&
          ctx.is_cap(m.te - 1) && !newline_inside(i, m.te)) {
        std::size_t best_end = m.te;
        EntityType best_type = EntityType::Location;
        walk(i, m.te, m.key, known.find(m.key), best_end, best_type);
        if (best_end > m.te && best_type == EntityType::Person) lengthen_to_person(ctx, occ, chosen[at - 1], best_end);
        i = best_end - 1;
        continue;
      }
    }
    const bool caps_text = ctx.token(i).shape == Shape::AllCaps;
    const std::uint64_t word_key = name_key(ctx, i, i + 1);
    const Known* word = known.find(word_key);
    if (!word) continue;
    // Longest known full name starting here that is not yet tagged.
    std::size_t best_end = i;
    EntityType best_type = EntityType::Location;
    if (word->full) {  // token i is capitalized (above)
      best_end = i + 1;
      best_type = word->type;
    }
    walk(i, i + 1, word_key, word, best_end, best_type);
    // A common word at a sentence start is a person's surname only before a
    // verb of saying, an auxiliary ("Cook said", "Cook is" after "Tim Cook";
    // not "Cook the rice") or another sign of a subject (subject_after; CoNLL
    // train: 42 more names, 7 false ones after a false name).
    const auto says = [&] {
      return i + 1 < n && (ctx.lex_is(i + 1, recognize::kLexSpeech) || subject_verb_at(ctx, i + 1) ||
                           (!ctx.lex_is(i, recognize::kLexFunction | recognize::kLexWeakStart) &&
                            subject_after(ctx, i + 1)));
    };
    if (best_end > i) {
      // A single lowercase-looking common word repeated is no evidence (but a
      // person's, "Tucker said" known, before a subject's sign: "Tucker made").
      const bool weak = best_end == i + 1 && ctx.token(i).sentence_start && ctx.is_common_word(i) &&
                        !(best_type == EntityType::Person && says());
      if (!weak) add(best_type, i, best_end, "document.repeat");
      i = best_end - 1;
      continue;
    }
    // "Kono" after "Taro Kono"; "PERI" after "Claudio Peri" in capitals.
    if (word->person && (!ctx.is_common_word(i) || !ctx.token(i).sentence_start || says()) &&
        (ctx.token(i).shape == Shape::Capitalized || (caps_text && ctx.caps_line[i]))) {
      std::size_t e = i + 1;
      if (e < n && ctx.is_cap(e) && part(e) && !ctx.token(e).newline_before) ++e;
      // ("al-Sharaa's" after "Ahmed al-Sharaa": with its article.)
      add(EntityType::Person, recognize::with_arabic_article(ctx, i), e, "document.person_part");
      i = e - 1;
    }
  }
}

// Sorts `keys` by their bits [low, low + width), keeping the input order among
// equal ones, for keys whose bits below `low` are their position in the input
// (and which have no bits above low + width). Least significant digit first, in
// counting passes: no comparisons, so none of the mispredicted branches of a
// comparison sort (the sort was a good part of resolution's time). A small input
// takes std::sort on the whole keys, which gives the same order.
void radix_sort(std::vector<std::uint64_t>& keys, std::vector<std::uint64_t>& scratch, unsigned low, unsigned width) {
  const std::size_t n = keys.size();
  if (n < 64) {
    std::sort(keys.begin(), keys.end());
    return;
  }
  // Digit width: a pass costs about 3 instructions per key for each one per
  // bucket (zeroing and summing the counts), so a document's few hundred keys
  // sort fastest in 3 passes of 9 bits rather than 4 of 8 (typical keys hold
  // 25 to 28 bits).
  constexpr unsigned kMaxDigit = 12;
  unsigned digit = kMaxDigit;
  std::size_t best = SIZE_MAX;
  for (unsigned passes = (width + kMaxDigit - 1) / kMaxDigit; passes <= width && passes <= 64; ++passes) {
    const unsigned d = (width + passes - 1) / passes;
    const std::size_t cost = passes * (3 * n + (std::size_t{1} << d));
    if (cost < best) {
      best = cost;
      digit = d;
    }
  }
  const std::uint64_t mask = (std::uint64_t{1} << digit) - 1;
  std::array<std::uint32_t, std::size_t{1} << kMaxDigit> count;
  const std::size_t buckets = std::size_t{1} << digit;
  scratch.resize(n);
  for (unsigned shift = low; shift < low + width; shift += digit) {
    std::fill_n(count.begin(), buckets, 0u);
    for (const std::uint64_t k : keys) ++count[(k >> shift) & mask];
    if (count[(keys[0] >> shift) & mask] == n) continue;  // one value in this digit: nothing to move
    std::uint32_t sum = 0;
    for (std::size_t b = 0; b < buckets; ++b) sum += std::exchange(count[b], sum);
    for (const std::uint64_t k : keys) scratch[count[(k >> shift) & mask]++] = k;
    keys.swap(scratch);
  }
}

// Scores are finite; as non-negative floats their bits order like their values
// (+ 0.0f turns -0 into +0, equal to it as a float).
std::uint32_t score_bits(float score) {
  const float s = score + 0.0f;
  std::uint32_t bits;
  std::memcpy(&bits, &s, sizeof bits);
  return (bits & 0x80000000u) ? ~bits : (bits | 0x80000000u);  // monotonic for negatives too
}

// The candidates' indices in priority order: longer span, higher score, type
// rank, earlier start, then recognizer order (the input order). Written to
// `keys` (`tmp`: the sort's other buffer) as keys holding the index in their
// low `index_bits` bits.
void priority_order(const std::vector<Candidate>& candidates, std::size_t text_bytes, std::vector<std::uint64_t>& keys,
                    std::vector<std::uint64_t>& tmp, unsigned& index_bits) {
  const std::size_t n = candidates.size();
  keys.resize(n);  // every key is written below
  if (n == 0) return;
  // A short document (most news articles) has few candidates, sorted whole by
  // std::sort (radix_sort below 64 keys), and a short text: its spans' sizes
  // and starts fit in the bits of the text's size, so the key can hold the
  // score's own 32 bits rather than its rank among this call's scores. Then
  // one pass over the candidates makes the keys (the general way below first
  // reads them all for the largest size and start and the distinct scores).
  // The order is the same: a score's bits order like its rank.
  if (n < 64) {
    const auto pos_bits = static_cast<unsigned>(std::bit_width(text_bytes));
    const auto small_index_bits = static_cast<unsigned>(std::bit_width(n - 1));
    if (2 * pos_bits + 32 + 2 + small_index_bits <= 64) {
      bool fits = true;
      for (std::uint32_t k = 0; k < n; ++k) {
        const Candidate& c = candidates[k];
        fits &= c.span.size() <= text_bytes && c.span.begin <= text_bytes;
        std::uint64_t key = text_bytes - c.span.size();  // (garbage when it does not fit: not used)
        key = (key << 32) | static_cast<std::uint32_t>(~score_bits(c.score));
        key = (key << 2) | static_cast<std::uint64_t>(type_rank(c.type));
        key = (key << pos_bits) | c.span.begin;
        keys[k] = (key << small_index_bits) | k;
      }
      if (fits) {
        std::sort(keys.begin(), keys.end());
        index_bits = small_index_bits;
        return;
      }
    }
  }
  // Usually the whole order fits one 64-bit key per candidate, fields from the
  // top: size (descending), the score's rank among the few distinct scores of
  // this call, type rank, begin, index. Each field takes only the bits its
  // largest value needs here.
  std::uint32_t max_size = 0, max_begin = 0;
  // Distinct score bits (0 marks an empty slot: score_bits of no finite float)
  // and, once sorted, their ranks: highest score first.
  constexpr std::size_t kScoreSlots = 64, kMaxScores = 32;
  std::array<std::uint32_t, kScoreSlots> score_of{};
  std::array<std::uint8_t, kScoreSlots> rank_of{};
  // The distinct scores as found, each as its bits << 6 | its slot (a list, so
  // that ranking them reads no empty slots).
  std::array<std::uint64_t, kMaxScores> distinct;
  std::size_t scores = 0;
  const auto slot = [&](std::uint32_t bits) {
    std::size_t i = (bits * 0x9E3779B1u) >> 26;  // 6 bits: kScoreSlots
    while (score_of[i] != 0 && score_of[i] != bits) i = (i + 1) % kScoreSlots;
    return i;
  };
  // Each candidate's score slot waits in its key for the second loop (a run
  // of one recognizer's candidates often repeats a score: no probe then).
  std::uint32_t last_bits = 0;
  std::size_t last_slot = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const Candidate& c = candidates[k];
    max_size = std::max(max_size, c.span.size());
    max_begin = std::max(max_begin, c.span.begin);
    const std::uint32_t bits = score_bits(c.score);
    if (bits != last_bits) {
      last_bits = bits;
      last_slot = slot(bits);
      if (score_of[last_slot] == 0) {
        if (++scores > kMaxScores) break;  // the fallback below
        score_of[last_slot] = bits;
        distinct[scores - 1] = std::uint64_t{bits} << 6 | last_slot;
      }
    }
    keys[k] = last_slot;
  }
  index_bits = static_cast<unsigned>(std::bit_width(n - 1));
  const unsigned begin_bits = static_cast<unsigned>(std::bit_width(max_begin));
  const unsigned score_rank_bits = static_cast<unsigned>(std::bit_width(scores - 1));
  const unsigned size_bits = static_cast<unsigned>(std::bit_width(max_size));
  const unsigned sorted_bits = begin_bits + 2 + score_rank_bits + size_bits;
  if (scores <= kMaxScores && index_bits + sorted_bits <= 64) {
    std::sort(distinct.begin(), distinct.begin() + static_cast<std::ptrdiff_t>(scores), std::greater<>());
    for (std::size_t r = 0; r < scores; ++r) rank_of[distinct[r] & (kScoreSlots - 1)] = static_cast<std::uint8_t>(r);
    for (std::uint32_t k = 0; k < n; ++k) {
      const Candidate& c = candidates[k];
      std::uint64_t key = max_size - c.span.size();
      key = (key << score_rank_bits) | rank_of[keys[k]];
      key = (key << 2) | static_cast<std::uint64_t>(type_rank(c.type));
      key = (key << begin_bits) | c.span.begin;
      keys[k] = (key << index_bits) | k;
    }
    radix_sort(keys, tmp, index_bits, sorted_bits);
    return;
  }
  // Otherwise two words compared as one 128-bit number: size and score, then
  // type rank, begin and index packed in 3 + 32 + 29 bits.
  struct Rank {
    std::uint64_t size_score;   // ~size << 32 | ~score, ascending = size then score descending
    std::uint64_t type_begin;   // type rank << 61 | begin << 29 | index
    bool operator<(const Rank& o) const {
      return size_score < o.size_score || (size_score == o.size_score && type_begin < o.type_begin);
    }
  };
  if (n > kIndexMask) throw std::length_error("resolve: too many candidates");
  std::vector<Rank> ranks(n);
  for (std::uint32_t k = 0; k < n; ++k) {
    const Candidate& c = candidates[k];
    ranks[k] = {(std::uint64_t{~c.span.size()} << 32) | ~score_bits(c.score),
                (std::uint64_t(type_rank(c.type)) << 61) | (std::uint64_t{c.span.begin} << 29) | k};
  }
  std::sort(ranks.begin(), ranks.end());
  index_bits = 29;
  for (std::size_t k = 0; k < n; ++k) keys[k] = ranks[k].type_begin & kIndexMask;
}

}  // namespace

void resolve(const Context& ctx, std::vector<Candidate>& candidates, bool keep_evidence, std::vector<Mention>& out) {
  Scratch& scratch = Scratch::of_thread();
  unsigned index_bits = 0;
  priority_order(candidates, ctx.tt.text.size(), scratch.keys, scratch.sort_tmp, index_bits);
  const std::vector<std::uint64_t>& order = scratch.keys;
  const std::uint64_t index_mask = (std::uint64_t{1} << index_bits) - 1;
  Occupancy occ(scratch.occupied, ctx.tt.text.size());
  std::vector<Chosen>& chosen = scratch.chosen;
  chosen.clear();
  chosen.reserve(candidates.size() + 16);
  std::vector<Extra>& extras = scratch.extras;
  extras.clear();
  Starts starts(scratch.start_bits, scratch.start_index, ctx.tt.text.size());
  for (const std::uint64_t key : order) {
    const auto index = static_cast<std::uint32_t>(key & index_mask);
    const Candidate& c = candidates[index];
    if (c.span.size() == 0) continue;
    if (occ.free(c.span)) {
      occ.take(c.span);
      starts.set(c.span.begin, static_cast<std::uint32_t>(chosen.size()));
      Chosen& ch = chosen.emplace_back(index, c);
      // Its tokens now, while the candidate is at hand (the document pass skips dates).
      if (c.type != EntityType::Date) token_range(ctx, c, ch);
      continue;
    }
    // Same span and type as a chosen one ("Chancellor [Angela Merkel]" by the title
    // rule and by the list of people): it adds its evidence and, where the chosen
    // one has none, its kb_id.
    const std::uint32_t at = starts.at(c.span.begin);
    if (at == 0 || chosen[at - 1].span != c.span || chosen[at - 1].type != c.type) continue;
    Chosen& ch = chosen[at - 1];
    if (ch.kb_id.empty()) ch.kb_id = c.kb_id;
    if (keep_evidence) {
      // Appended at the end of its list: walk it (lists are a few entries long).
      extras.push_back({c.evidence, 0});
      const auto added = static_cast<std::uint32_t>(extras.size());
      std::uint32_t* link = &ch.extra;
      while (*link != 0) link = &extras[*link - 1].next;
      *link = added;
    }
  }
  propagate(ctx, chosen, occ, starts, scratch);
  same_town_ids(ctx, chosen, starts);
  place_ids(ctx, chosen);
  for (Chosen& c : chosen) {
    if (c.type == EntityType::Person && c.kb_id.starts_with("wordnet:")) drop_id_before_age(ctx, c);
  }
  // Each Mention is built in place and filled while its memory is at hand (not
  // all default-constructed in one pass and filled in a second). (Growing at
  // least twofold: a huge document's sections append one after another.)
  if (out.capacity() < out.size() + chosen.size()) out.reserve(std::max(out.size() + chosen.size(), 2 * out.capacity()));
  const std::vector<Span>& sentences = ctx.tt.sentences;
  std::size_t sentence = 0;
  starts.take_in_order([&](std::uint32_t index) {
    const Chosen& ch = chosen[index];
    Mention& m = out.emplace_back();
    m.type = ch.type;
    m.span = ch.span;
    if (ch.strings) {  // most names have no value or mod: their candidates are not read again
      Candidate& c = candidates[ch.cand];
      if (!c.value.empty()) m.value = std::move(c.value);
      if (!c.mod.empty()) m.mod = std::move(c.mod);
    }
    m.kb_id = ch.kb_id;
    prefetch_kb_id(m.kb_id, &m);  // for the writer (see prefetch_kb_id)
    // The sentence of the first token when the span starts at a token (no search).
    const bool at_token = ch.te > ch.tb && ch.tb < ctx.size() && ctx.token(ch.tb).span.begin == m.span.begin;
    if (at_token) {
      m.sentence = ctx.token(ch.tb).sentence;
    } else {
      // TokenizedText::sentence_at (the last sentence starting at or before the
      // offset), walked forward: mentions come in text order.
      while (sentence + 1 < sentences.size() && sentences[sentence + 1].begin <= m.span.begin) ++sentence;
      m.sentence = static_cast<std::uint32_t>(sentence);
    }
    if (keep_evidence) {
      if (!ch.prefix.empty()) m.evidence.push_back(ch.prefix);
      m.evidence.push_back(ch.rule);
      for (std::uint32_t x = ch.extra; x != 0; x = extras[x - 1].next) m.evidence.push_back(extras[x - 1].evidence);
    }
  });
}

std::vector<Mention> resolve(const Context& ctx, std::vector<Candidate>& candidates, bool keep_evidence) {
  std::vector<Mention> out;
  resolve(ctx, candidates, keep_evidence, out);
  return out;
}

std::vector<Mention> resolve(const Context& ctx, std::vector<Candidate>&& candidates, bool keep_evidence) {
  return resolve(ctx, candidates, keep_evidence);
}

}  // namespace newsner
