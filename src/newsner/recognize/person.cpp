#include "newsner/recognize/person.hpp"

#include <algorithm>
#include <array>

#include "newsner/gazetteer/image.hpp"
#include "newsner/recognize/location.hpp"
#include "newsner/recognize/name_shape.hpp"
#include "newsner/recognize/organization.hpp"
#include "newsner/recognize/rule_support.hpp"
#include "newsner/text/token_hash.hpp"

namespace newsner::recognize {

using gazetteer::EntryClass;
using text::Shape;

namespace {

// "the Kingdom Arena", "Grand Tarvo Station": after a given name that is a word
// too, a head word that is no common surname names the venue, whatever a
// surname list has for it: is_place_head's words less those that are common
// surnames ("Hill", "Hall", "Park": "Ken Hill" is a person).
bool is_venue_head(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kWords[] = {"arena", "stadium", "airport", "station", "prison", "hotel",
                                                "square", "avenue", "island", "river", "valley", "oval",
                                                "gardens", "centre", "center", "palace"};
  static constexpr WordSet kSet(kWords);
  return kSet.contains(ctx, i);
}

// Words that head the name of a document or agreement ("Paris Agreement",
// "Geneva Convention", "Kyoto Protocol", "Marshall Plan"): after a place or
// given name they name the document, not a person, even when a surname list
// has the word ("Charter", "Plan").
bool is_document_head(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kHeads[] = {
    "agreement", "agreements", "accord", "accords", "treaty", "treaties", "convention", "conventions",
    "protocol", "protocols", "pact", "charter", "declaration", "covenant", "statute", "doctrine",
    "communique", "memorandum", "compact", "act", "plan", "directive", "resolution", "constitution",
    "framework"};  // "the Windsor Framework"
  static constexpr WordSet kSet(kHeads);
  return kSet.contains(ctx, i);
}

// "Hyde Park Jewelers", "the Beale Street Ramblers", "Metro Kelvo Crime
// Stoppers": a plural common word that no surname list has ends a shop's, a
// band's or a club's name, not a person's. (Out of line: asked only of a
// name that a given name opens and a common word ends.)
[[gnu::noinline]] bool plural_word_at(const Context& ctx, std::size_t k) {
  const std::string_view s = ctx.surface(k);
  return s.size() > 3 && s.back() == 's' && s[s.size() - 2] != 's' && s[s.size() - 2] != '\'' &&
         !ctx.has(k, EntryClass::Surname);
}

// Model words that end a product's name ("Harmony Pro", "Galaxy Ultra", "Pixel
// Mini"): after a word that lists have as an ambiguous given name they name
// the product (DESIGN.md: no entity), not a person (surname lists have "Pro"
// and "Mini" only as rare, ambiguous entries).
bool is_model_word(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kWords[] = {"pro", "plus", "ultra", "mini", "lite"};
  static constexpr WordSet kSet(kWords);
  return kSet.contains(ctx, i);
}

// Holidays whose names are also given names or surnames ("Christmas", "Easter"):
// "Christmas Day", "Easter Sunday", "Easter" are days, not people, and DESIGN.md's
// DATE does not take holidays, so no mention at all. Only a name that starts with
// one is left out: as a surname ("John Easter") it is a person.
bool is_holiday_word(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kHolidays[] = {
    "christmas", "xmas", "easter", "thanksgiving", "hanukkah", "chanukah", "passover", "ramadan",
    "diwali", "halloween", "pentecost", "whitsun", "epiphany", "kwanzaa", "hogmanay", "eid", "yom"};
  static constexpr WordSet kSet(kHolidays);
  return kSet.contains(ctx, i);
}

// A season's greeting: "Merry"/"Happy" + a holiday ("Merry Christmas", "Happy
// Easter") is no name, though "Merry" is a given name and "Christmas" a surname.
bool is_holiday_greeting(const Context& ctx, std::size_t b) {
  static constexpr std::string_view kGreetings[] = {"merry", "happy"};
  static constexpr WordSet kSet(kGreetings);
  return b + 1 < ctx.size() && kSet.contains(ctx, b) && is_holiday_word(ctx, b + 1);
}


// The word before k is a surname no name list has ("Macron", "Sunak"; a word
// list may: "macron"), after a strong given name: "Emmanuel Macron Olaf
// Scholz" meets at "Olaf" as "Angela Merkel Olaf Scholz" does.
bool unlisted_surname_before(const Context& ctx, std::size_t k) {
  return ctx.strong(k - 2, EntryClass::GivenName) && !ctx.has(k - 1, EntryClass::GivenName) &&
         !ctx.has(k - 1, EntryClass::Surname);
}

// Two names listed without a comma ("Angela Merkel Emmanuel Macron" in a
// photo caption): true when a second name starts at token k, with two name
// words on each side of it on one line (k - 2 .. k + 1), and the lists say so
// from both sides: the word before k is a surname and no given name (or a
// surname far more often), the word at k a given name and no surname (or a
// given name far more often). Double surnames ("Luis Alberto Mora Cuesta",
// "Ana Lucia Ferrer Lozano") have a given name, or a word as common in
// both lists, before the surnames, and stay whole.
bool names_meet_at(const Context& ctx, std::size_t k) {
  if (k < 2 || k + 1 >= ctx.size() || !ctx.has(k, EntryClass::GivenName) ||
      (!ctx.has(k - 1, EntryClass::Surname) && !unlisted_surname_before(ctx, k))) {
    return false;
  }
  for (std::size_t j = k - 2; j <= k + 1; ++j) {
    if (!is_name_word(ctx, j) || ctx.token(j).shape == Shape::AllCaps || (j > k - 2 && ctx.token(j).newline_before)) {
      return false;
    }
  }
  constexpr std::uint32_t kFar = 8;  // "far more often": a rank this many times better
  const Context::NameRanks left = ctx.name_ranks(k - 1), right = ctx.name_ranks(k);
  const bool surname_before =
      !ctx.has(k - 1, EntryClass::GivenName) || (left.surname != 0 && left.given / kFar > left.surname);
  const bool given_at = !ctx.has(k, EntryClass::Surname) || (right.given != 0 && right.surname / kFar > right.given);
  return surname_before && given_at;
}

// "Washington State", "Virginia State": a known place and "State" (tokens
// [i, e)) name the state or its university, whatever a surname list has
// "State" for. (Out of line: asked of a few names, after their other tests.)
[[gnu::noinline]] bool place_and_state(const Context& ctx, std::size_t i, std::size_t e) {
  return e == i + 2 && folded_is(ctx, e - 1, "state") && ctx.has(i, EntryClass::Location);
}

// "Mira Indonesia" (the name ends at e): a country that no list has as a
// surname ends a company's name ("Air India"), not a person's. (Out of line:
// asked of a few names.)
[[gnu::noinline]] bool country_tail(const Context& ctx, std::size_t i, std::size_t e) {
  // (Not "North Yemen", a place; not "Tarsa-Kelvonia", a pair; not in a capitals line.)
  return ctx.country[e - 1] && !ctx.has(e - 1, EntryClass::Surname) && ctx.token(i).shape == Shape::Capitalized &&
         !is_place_opener(ctx, i) && !is_char(ctx, e - 2, '-');
}

// "Special Economic Zone" (tokens [i, e)): two or more common words after a
// given name that is a word too ("amb"), none a surname but as a word too, name
// a thing ("Free Trade Area"; a strong given name keeps "Osama Bin Laden").
[[gnu::noinline]] bool common_words_after(const Context& ctx, std::size_t i, std::size_t e) {
  if (e < i + 3 || ctx.strong(i, EntryClass::GivenName)) return false;
  for (std::size_t k = i + 1; k < e; ++k) {
    if (!ctx.is_common_word(k) || ctx.strong(k, EntryClass::Surname)) return false;
  }
  return true;
}

// "Al-Tarsi", "El-Kelvo" (tokens [i, e)): the Arabic article joined to a word
// names a club, a place or a family, not a man called Al; as the given name it
// stands alone ("Al Kelvo"). (Out of line: asked of a few names.)
[[gnu::noinline]] bool arabic_article_name(const Context& ctx, std::size_t i, std::size_t e) {
  return e == i + 3 && is_char(ctx, i + 1, '-') && !ctx.token(i + 1).space_before &&
         !ctx.token(i + 2).space_before && (ctx.surface(i) == "Al" || ctx.surface(i) == "El");
}

// Token i is joined by attached hyphens to a capitalized word before or after
// it ("Tarsek-Allen", "Allen-Kelvo"): a part of a compound name (a company's, a
// pair's), not a name on its own.
[[gnu::noinline]] bool hyphen_compound_part(const Context& ctx, std::size_t i) {
  const auto joined = [&](std::size_t h, std::size_t w) {  // the hyphen h, the other word w
    return is_char(ctx, h, '-') && !ctx.token(h).space_before && !ctx.token(h + 1).space_before && cap_shape(ctx, w);
  };
  return (i >= 2 && joined(i - 1, i - 2)) || (i + 2 < ctx.size() && joined(i + 1, i + 2));
}

// "Lee Mi-young", "Yang Chin-long": after a family name and a short first
// syllable (up to five and four letters), a common word after the hyphen e
// that name lists know is the given name's second syllable, unless it makes
// an English compound ("Tarsa Kelvo-based", "Ed Kohl-era", "Hong Kong-listed").
[[gnu::noinline]] bool syllable_word_at(const Context& ctx, std::size_t e) {
  static constexpr std::string_view kTails[] = {"based", "led", "era", "like", "style", "type", "born", "made",
                                                "owned", "backed", "run", "held", "free", "wide", "old", "year"};
  static constexpr WordSet kTail(kTails);
  if (e < 2 || ctx.token(e - 1).shape != Shape::Capitalized || ctx.token(e - 1).fold_size > 4 ||
      ctx.token(e - 2).shape != Shape::Capitalized || ctx.token(e - 2).fold_size > 5 || !ctx.token(e - 1).space_before ||
      kTail.contains(ctx, e + 1)) {
    return false;
  }
  const Context::NameRanks r = ctx.name_ranks(e + 1);  // (of the folded word: "young", "long")
  return r.given != 0 || r.surname != 0;
}

// The end of a name at e taken over an attached hyphen and a lowercase
// syllable that is no English word, the second half of a Korean or Chinese
// given name ("Li Dong-ku", "Kang Sol-dae", "Koo Yun-cheol"), and over
// "-ur-Rashid" after it; else e. ("Kohl-era", "Smith-like": common words.)
std::size_t hyphen_syllable_end(const Context& ctx, std::size_t e) {
  const std::size_t n = ctx.size();
  if (e + 1 >= n || !is_char(ctx, e, '-') || ctx.token(e).space_before || ctx.token(e + 1).space_before) return e;
  const std::size_t size = ctx.surface(e + 1).size();  // ("-ho": a word some list has, too short to be one here)
  // (Korean syllables run to six letters: "Yun-cheol", "Ji-hyeong".)
  if (ctx.token(e + 1).shape != Shape::Lower || size > 6 ||
      (size > 2 && ctx.is_common_word(e + 1) && !syllable_word_at(ctx, e))) {
    return e;
  }
  // "Ata-ur-Rashid", "Zia-ul-Haq": an Arabic article joins two names ("-sur-",
  // "-le-" join a place's: "Chester-le-Street").
  static constexpr std::string_view kArticles[] = {"ur", "ul", "ud", "al", "el", "us"};
  static constexpr WordSet kArticle(kArticles);
  if (e + 3 < n && is_char(ctx, e + 2, '-') && !ctx.token(e + 2).space_before && !ctx.token(e + 3).space_before &&
      ctx.token(e + 3).shape == Shape::Capitalized && kArticle.contains(ctx, e + 1)) {
    return e + 4;
  }
  // Another hyphen joins on: a place's name ("Pont-sur-Varenne"), no given name.
  if (e + 2 < n && is_char(ctx, e + 2, '-') && !ctx.token(e + 2).space_before) return e;
  return e + 2;
}

// The end of a name [b, e) of two or more words taken over a generational
// suffix right after it ("Tom Varley Jr.", "Ana Ruiz Sr", "Carl Tarsen III",
// "James Kelvo 3rd"): CoNLL keeps it in the name, and without it a father
// and his son read as one person. Its period is the name's unless it ends
// the sentence. (Not an ordinal in sports: "(Kelvo 3rd)" is a minute.)
std::size_t generational_suffix_end(const Context& ctx, std::size_t b, std::size_t e) {
  const std::size_t n = ctx.size();
  if (e < b + 2 || e >= n) return e;
  // (Size and shape first: most names end before punctuation or a longer word.)
  const text::Token& t = ctx.token(e);
  if (t.fold_size > 3 || t.shape == Shape::Punct || t.shape == Shape::Lower || t.newline_before ||
      !is_generational_suffix(ctx, e) || (ctx.sports && t.shape == Shape::Alnum)) {
    return e;
  }
  // (A capitalized word after the period may open the next sentence: "Jr. Then".)
  if (e + 2 < n && is_char(ctx, e + 1, '.') && !ctx.token(e + 1).space_before && !ctx.token(e + 2).sentence_start &&
      !ctx.token(e + 2).newline_before && ctx.token(e + 2).shape != Shape::Capitalized) {
    return e + 2;
  }
  return e + 1;
}

// "Pearl Harbor" (tokens [i, e)): a listed place in its own capitalization
// whose last word is a common word ("harbor", "crater") is that place, not a
// person. (Out of line: asked of a few names, after their other tests.)
[[gnu::noinline]] bool listed_place_of_word(const Context& ctx, std::size_t i, std::size_t e) {
  return ctx.is_common_word(e - 1) && ctx.find_match_at(i, [&](const gazetteer::Match& m) {
    return m.cls == EntryClass::Location && m.exact_case && m.token_end == e;
  }) != nullptr;
}

// "Giro d'Italia", "Vuelta a Espana", "Tour de Kelvo": a race's word before a
// word in lowercase (a particle, "d'", "a", "de") opens the race's name, an
// event (DESIGN.md: no mention), though lists have "Giro" as a given name.
// (Asked of person.given's names, after their other tests: the next word's
// shape first, then the word's hash; most names go on capitalized.)
bool opens_race_name(const Context& ctx, std::size_t b) {
  static constexpr FoldedWord kGiro("giro"), kVuelta("vuelta"), kTour("tour");
  if (b + 1 >= ctx.size() || ctx.token(b + 1).shape == Shape::Capitalized) return false;
  const std::uint64_t h = ctx.token(b).fold_hash;
  if (h != kGiro.hash && h != kVuelta.hash && h != kTour.hash) return false;
  const char c = ctx.text_data[ctx.token(b + 1).span.begin];
  return c >= 'a' && c <= 'z' && (folded_is(ctx, b, kGiro) || folded_is(ctx, b, kVuelta) || folded_is(ctx, b, kTour));
}

// Every PERSON candidate of the rules below passes here (one lookup per
// candidate); two names run together become two candidates.
void emit(const Context& ctx, std::size_t b, std::size_t e, float score, std::string_view rule,
          std::vector<Candidate>& out) {
  if (is_holiday_word(ctx, b) || is_holiday_greeting(ctx, b)) return;
  // (The hyphen test first: nearly every name ends without one.)
  if (e < ctx.size() && is_char(ctx, e, '-')) e = hyphen_syllable_end(ctx, e);
  e = generational_suffix_end(ctx, b, e);
  // Each name of a span that crosses a meeting point, if of 2+ words (a word
  // cut off is part of the other name's own candidate).
  std::size_t from = b;
  for (std::size_t k = b + 1; k < e; ++k) {
    if (!names_meet_at(ctx, k)) continue;
    if (k >= from + 2) emit_candidate(ctx, EntityType::Person, from, k, score, rule, out);
    from = k;
  }
  if (from == b || e >= from + 2) emit_candidate(ctx, EntityType::Person, from, e, score, rule, out);
}

// A token whose folded form may be a plural ("ministers", "secretaries"):
// more than 3 bytes, ending in "s". Read from the token's fold fields, without
// building the view (TitleEnds asks it of every capitalized token).
bool plural_form_at(const Context& ctx, std::size_t i) {
  const text::Token& t = ctx.token(i);
  return t.fold_size > 3 && ctx.folded_data[t.fold_begin + t.fold_size - 1] == 's';
}

// text::token_hash of the singular of plural_form_at word `f`: "ministers" ->
// "minister", "secretaries" -> "secretary".
std::uint64_t singular_hash(std::string_view f) {
  if (!f.ends_with("ies")) return text::token_hash(f.substr(0, f.size() - 1));
  // FNV-1a reads bytes in order: hash "secretar", then go on with "y".
  return text::token_hash_step(text::token_hash(f.substr(0, f.size() - 3)), 'y');
}

// True when some gazetteer of `matcher` has a TITLE entry under the key with
// sequence hash `h`.
bool find_title_key(const gazetteer::Matcher& matcher, std::uint64_t h) {
  bool found = false;
  matcher.for_each_key_entry(h, [&](const gazetteer::Gazetteer&, const gazetteer::KeyRef& ref) {
    found = found || ref.cls == EntryClass::Title;
  });
  return found;
}

// A per-thread memo of find_title_key answers, direct-mapped by key hash and
// kept across documents, reset for another Matcher. The keys asked are plural
// capitalized words and the words before them ("Reuters", "United States",
// "Foreign Ministers"), which repeat from story to story, while each lookup
// reads the image's tag, slot and entry lines at random: on real news text
// those cache misses cost about 1% of the run, for a fraction of that in
// instructions.
// A slot is one word: the key with its two low bits replaced by the answer
// (the slot index holds the key's low bits, so no key is lost), 0 when empty.
// One cache line per question, not a key's and an answer's; and 8192 slots
// (64 KB) instead of 4096 keys and answers (36 KB): on 20 MB of real news text
// 89% of the questions are answered here instead of 83%.
class TitleKeyMemo {
 public:
  static constexpr std::size_t kSlots = 8192;
  /// What the memo holds for key h: kTitle, kNoTitle, or kEmpty when it has
  /// no answer (then is_title_key looks the key up).
  std::uint64_t answer(const gazetteer::Matcher& matcher, std::uint64_t h) {
    if (matcher_ != matcher.id()) {
      slots_.fill(kEmpty);
      matcher_ = matcher.id();
    }
    const std::uint64_t stored = slots_[slot_of(h)];
    if ((stored & ~kAnswerMask) == (h & ~kAnswerMask) && stored != kEmpty) return stored & kAnswerMask;
    return kEmpty;
  }
  bool is_title_key(const gazetteer::Matcher& matcher, std::uint64_t h) {
    if (const std::uint64_t a = answer(matcher, h); a != kEmpty) return a == kTitle;
    const bool title = find_title_key(matcher, h);
    slots_[slot_of(h)] = (h & ~kAnswerMask) | (title ? kTitle : kNoTitle);
    return title;
  }
  /// Asks for the cache line of key h's slot (is_title_key reads it).
  void prefetch(std::uint64_t h) const { __builtin_prefetch(&slots_[slot_of(h)]); }
  static constexpr std::uint64_t kEmpty = 0, kNoTitle = 1, kTitle = 2;

 private:
  static constexpr std::uint64_t kAnswerMask = 3;
  // (A fully mixed hash: its low bits index.)
  static std::size_t slot_of(std::uint64_t h) { return static_cast<std::size_t>(h) & (kSlots - 1); }
  static_assert(kSlots > kAnswerMask);  // the answer bits are index bits
  std::uint64_t matcher_ = 0;  // Matcher::id() of the answers; 0: none (ids start at 1)
  std::array<std::uint64_t, kSlots> slots_{};  // key | answer, or kEmpty
};

TitleKeyMemo& title_key_memo() {
  thread_local TitleKeyMemo memo;
  return memo;
}

// A plural title before several names: "Deputy Foreign Ministers Igor Morgulov
// and Kenji Sato". A key that may be such a title: tokens [k, p) and plural
// word p made singular, whose TITLE key has sequence hash h.
struct PluralKey {
  std::uint32_t k, p;
  std::uint64_t h;
};

// For plural_form_at word p, capitalized, and each start k among the (up to
// 3) capitalized words before it on its line and in its run `run_begin` .. p,
// and p itself: appends the key of the words k .. p - 1 and p made singular
// ("deputy foreign minister") to `keys`, and asks for its memo slot. Keys are
// hashed (text::sequence_extend over the tokens' fold hashes, as the matcher
// does), so no key string is built.
void plural_title_keys(const Context& ctx, std::size_t p, std::size_t run_begin, const TitleKeyMemo& memo,
                       std::vector<PluralKey>& keys) {
  const text::Token* const tokens = ctx.tt.tokens.data();
  std::size_t lo = p;
  while (lo > run_begin && lo + 3 > p && !tokens[lo].newline_before) --lo;
  const std::uint64_t singular = singular_hash(ctx.folded(p));
  for (std::size_t k = lo; k <= p; ++k) {
    std::uint64_t h = text::kSequenceSeed;
    for (std::size_t j = k; j < p; ++j) h = text::sequence_extend(h, tokens[j].fold_hash);
    h = text::sequence_extend(h, singular);
    memo.prefetch(h);
    keys.push_back({static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(p), h});
  }
}

// Per-thread buffers of recognize_persons, kept across documents: a document
// (a short news story has ~250 tokens) made five heap allocations here before,
// which cost more than the work on them. `title_end` is a per-token array kept
// all zero between documents: TitleEnds clears the entries it set (all listed
// in `titles`) when it goes, also when an emit throws, instead of a fresh
// zero-filled array per document. The others are cleared before use.
struct PersonBuffers {
  std::vector<std::uint32_t> title_end;     // all zero outside a TitleEnds
  std::vector<std::uint32_t> titles;        // tokens with a nonzero title_end
  std::vector<std::uint32_t> title_starts;  // recognize_persons: `titles`, sorted, then an end mark
  std::vector<std::uint8_t> name_bits;      // NameShape's
  std::vector<PluralKey> plural_keys;       // TitleEnds::build
  TokenList name_starts;                    // NameShape's
};

PersonBuffers& person_buffers() {
  thread_local PersonBuffers buffers;
  return buffers;
}

// Per token: the end of its run of titles, "Deputy Foreign Minister", "Chief
// Justice" (titles in a row count as one), or 0 when no title starts there. A
// title is a TITLE match in its own capitalization (any case on a capitalized
// word or a capitals line), an abbreviated rank or honorific ("PM", "Sgt",
// "Insp"), or a plural title (plural_title_keys).
// Titles are few (a few per hundred tokens): each kind is found from its own
// sparse source and the runs are chained over the titles only, not over every
// capitalized token.
// One per document and thread at a time (it holds the thread's PersonBuffers).
class TitleEnds {
 public:
  TitleEnds(const Context& ctx, PersonBuffers& buf)
      : te_(buf.title_end), titles_(buf.titles), plural_keys_(buf.plural_keys) {
    titles_.clear();
    // (resize keeps the zero entries; new ones are zero)
    if (te_.size() < ctx.size()) te_.resize(ctx.size());
    try {
      build(ctx);
    } catch (...) {  // (no destructor runs for a constructor that throws)
      clear();
      throw;
    }
  }
  TitleEnds(const TitleEnds&) = delete;
  TitleEnds& operator=(const TitleEnds&) = delete;
  ~TitleEnds() { clear(); }
  /// The title run end at token i (i < ctx.size()), or 0.
  std::uint32_t operator[](std::size_t i) const { return te_[i]; }
  /// The tokens whose title end is not 0, ascending.
  const std::vector<std::uint32_t>& titles() const { return titles_; }

 private:
  void build(const Context& ctx);
  void clear() {
    for (const std::uint32_t i : titles_) te_[i] = 0;
  }
  std::vector<std::uint32_t>& te_;
  std::vector<std::uint32_t>& titles_;  // every token whose te_ entry is not 0
  std::vector<PluralKey>& plural_keys_;  // build's
};

void TitleEnds::build(const Context& ctx) {
  const std::size_t n = ctx.size();
  // First the end of the longest single title at each token. TITLE matches are
  // rare: Context lists them, and this visits those, not every token's matches.
  // (Pointers in locals: the stores to `te` may alias ctx's members, which
  // would otherwise be reloaded for every match.)
  const gazetteer::Match* const mts = ctx.matches.data();
  std::uint32_t* const tep = te_.data();
  std::vector<std::uint32_t>& titles = titles_;  // every token given a title end, in any order (sorted below)
  // The matches come by start token, longest first: the first one that counts
  // at a token is its longest, and the entry, 0 before, is only written
  // (`last` is the token set last; reading the entry, out of cache as a rule,
  // cost more than the rest of this loop).
  std::size_t last = n;
  for (const std::uint32_t k : ctx.title_matches) {
    const gazetteer::Match& m = mts[k];
    const std::size_t i = m.token_begin;
    if (i != last && (m.exact_case || ctx.token(i).shape == Shape::Capitalized || ctx.caps_line[i])) {
      titles.push_back(static_cast<std::uint32_t>(i));  // (before the entry is set: see ~TitleEnds)
      tep[i] = m.token_end;
      last = i;
    }
  }
  const auto set_end = [&](std::size_t i, std::size_t end) {
    if (tep[i] == 0) titles.push_back(static_cast<std::uint32_t>(i));
    tep[i] = static_cast<std::uint32_t>(std::max<std::size_t>(tep[i], end));
  };
  // Then abbreviated titles and plural titles, from the capitalized tokens.
  const text::Token* const tokens = ctx.tt.tokens.data();
  const std::uint16_t* const lex = ctx.lex.data();
  std::size_t run_begin = 0;  // first token of the current run of capitalized words
  std::size_t last_cap = n;   // the last capitalized token seen (n: none)
  TitleKeyMemo& memo = title_key_memo();
  std::vector<PluralKey>& plural = plural_keys_;
  plural.clear();
  for (const std::uint32_t i : ctx.cap_tokens) {
    const Shape s = tokens[i].shape;
    if ((lex[i] & kLexTitleAbbrev) && s != Shape::Alnum) set_end(i, i + 1);  // cap_shape(i)
    if (s != Shape::Capitalized) continue;
    if (last_cap + 1 != i) run_begin = i;
    last_cap = i;
    if (plural_form_at(ctx, i)) plural_title_keys(ctx, i, run_begin, memo, plural);
  }
  // The plural titles' keys, looked up after the walk that found them and
  // asked for their memo slots: the memo's lines are seldom in cache (a
  // document's other work comes between its uses), and looked up as found,
  // one miss after another stalled the walk. (The order of set_end calls does
  // not matter: each keeps the largest end, and `titles` is sorted below.)
  // The keys the memo cannot answer (about one in ten) are looked up in the
  // gazetteers after their Tag[] and Slot lines are asked for, all of them
  // first: those lines are most often out of cache, and looked up one by one
  // each miss stalled the next. (They stay at the front of `plural`.)
  std::size_t unanswered = 0;
  for (const PluralKey& x : plural) {
    const std::uint64_t a = memo.answer(ctx.matcher, x.h);
    if (a == TitleKeyMemo::kTitle) set_end(x.k, x.p + 1);
    if (a != TitleKeyMemo::kEmpty) continue;
    for (const gazetteer::Gazetteer& g : ctx.matcher.gazetteers()) g.prefetch(x.h);
    plural[unanswered++] = x;
  }
  for (std::size_t u = 0; u < unanswered; ++u) {
    const PluralKey& x = plural[u];
    if (memo.is_title_key(ctx.matcher, x.h)) set_end(x.k, x.p + 1);
  }
  // Then runs, from the right: a title followed by another, with no line
  // break between them, ends where the following run ends.
  std::sort(titles.begin(), titles.end());
  for (std::size_t t = titles.size(); t-- > 0;) {
    const std::size_t i = titles[t];
    const std::size_t next = tep[i];
    if (next < n && tep[next] != 0 && !tokens[next].newline_before) tep[i] = tep[next];
  }
}

constexpr std::size_t kNotScanned = static_cast<std::size_t>(-1);
constexpr FoldedWord kState("state"), kThe("the");  // person.given's
constexpr FoldedWord kDay("day");  // person.given's
constexpr FoldedWord kWho("who");  // person.context's

// A capitalized word that carries no sign of being a name: not a known given
// name or surname, and a common English word in lowercase ("Party", "Trade").
bool is_plain_word(const Context& ctx, std::size_t i) {
  return ctx.is_common_word(i) && !ctx.has(i, EntryClass::GivenName) && !ctx.has(i, EntryClass::Surname);
}

bool unknown_cap_word(const Context& ctx, const NameShape& names, std::size_t i) {
  return names.name_word(i) && !is_plain_word(ctx, i) && !ctx.has(i, EntryClass::Location) &&
         !ctx.has(i, EntryClass::Organization) && !ctx.has(i, EntryClass::Demonym);
}

// A single capitalized token that may be a surname standing alone: not a common
// word (unless a list knows it as a surname), not a country or organization.
bool lone_name_word(const Context& ctx, const NameShape& names, std::size_t i) {
  if (!names.name_word(i) || ctx.country[i] || ctx.has(i, EntryClass::Organization)) return false;
  if (ctx.token(i).shape == Shape::AllCaps) return false;
  if (is_plain_word(ctx, i)) return false;
  if (ctx.is_common_word(i) && !ctx.strong(i, EntryClass::Surname)) return false;
  return true;
}

// A place name in its own capitalization starts at token i ("U.S.", "U.K.").
bool place_at(const Context& ctx, std::size_t i) {
  return ctx.find_match_at(i, [](const gazetteer::Match& m) { return m.cls == EntryClass::Location && m.exact_case; });
}

// person.scorecard: a cricket scorecard names its fielders and bowlers after
// "c" (caught), "b" (bowled) and "st" (stumped): "S. Perwela c Halloran b
// Drennan 44", "lbw b Danpitiya 8". After such a letter, itself after a
// name's last word or "lbw", an initial and a name ("b S. Velloran") or one or
// two capitalized words ("c Saqib Lodhi") are a player. Sports reports only; the letters are rare.
void scorecard_players(const Context& ctx, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  // The player's first token (an initial or a name word) is capitalized or in
  // capitals: the walk goes over cap_tokens, the letter k is the token before
  // (in the same order as a walk over every k, a quarter of the tokens).
  for (const std::uint32_t player : ctx.cap_tokens) {
    if (player < 2) continue;
    const std::size_t k = player - 1;  // (k + 1 < n: the player is a token)
    const Span sp = ctx.token(k).span;
    if (sp.size() > 2 || ctx.token(k).shape != Shape::Lower) continue;
    if (!(folded_is(ctx, k, "b") || folded_is(ctx, k, "c") || folded_is(ctx, k, "st"))) continue;
    if (ctx.token(k).newline_before || ctx.token(k + 1).newline_before) continue;
    if (!(ctx.token(k - 1).shape == Shape::Capitalized || folded_is(ctx, k - 1, "lbw"))) continue;
    std::size_t b = k + 1, e = b;
    // "S. Velloran": an initial, its period, a name.
    if (e + 2 < n && ctx.token(e).shape == Shape::AllCaps && ctx.surface(e).size() == 1 && is_char(ctx, e + 1, '.')) {
      e += 2;
    }
    if (e >= n || ctx.token(e).shape != Shape::Capitalized || ctx.lex_is(e, kLexFunction)) continue;
    ++e;
    // "c Saqib Lodhi": a second word
    if (e < n && !ctx.token(e).newline_before && ctx.token(e).shape == Shape::Capitalized &&
        !ctx.lex_is(e, kLexFunction) && e == k + 2) {
      ++e;
    }
    // The scorecard's next part: a number, "b"/"c", the line's end or a ",".
    if (e < n && !ctx.token(e).newline_before && ctx.token(e).shape != Shape::Digits && !is_char(ctx, e, ',') &&
        !folded_is(ctx, e, "b") && !folded_is(ctx, e, "c")) {
      continue;
    }
    emit_candidate(ctx, EntityType::Person, b, e, 0.8f, "person.scorecard", out);
  }
}

// org.scorer_club: a line of a club's scorers, "Kelmore - Ivo Tarvel (57th),
// Ana Kelp (80th)": the capitalized words (periods too: "F.C. Kelmore") from
// the line's start to the spaced dash before the first scorer at `b` are the
// club; not a country or home nation (national sides are the country, as
// CoNLL has them).
void scorer_club(const Context& ctx, std::size_t b, std::vector<Candidate>& out) {
  if (b < 2 || ctx.token(b).newline_before || !is_spaced_dash(ctx, b - 1) || ctx.token(b - 1).newline_before) return;
  const std::size_t e = b - 1;
  std::size_t s = e;
  while (s > 0 && e - s < 5 && !ctx.token(s).newline_before && (cap_shape(ctx, s - 1) || is_char(ctx, s - 1, '.'))) --s;
  if (s == e || !ctx.line_start(s) || !cap_shape(ctx, s) || ctx.is_country_span(s, e) || is_home_nation(ctx, s, e) ||
      ctx.has(s, EntryClass::Demonym)) {
    return;
  }
  emit_candidate(ctx, EntityType::Organization, s, e, 0.78f, "org.scorer_club", out);
}

// Token i is a US state's one-word name (a subdivision entry with a US ISO id).
bool us_state_at(const Context& ctx, std::size_t i) {
  return ctx.find_match_at(i, [&](const gazetteer::Match& m) {
           return m.cls == EntryClass::Location && m.token_end == i + 1 &&
                  ctx.matcher.entry(m).kb_id.starts_with("iso3166-2:US-");
         }) != nullptr;
}

// person.scorer: a goal's scorer in a sports report, a name before the minute
// in parentheses ("Tomaz Vrbnjak (57th)", "Ivo Kranjc (21st minute)") or
// inside them with it ("(Aldo Ferrante 68th)", "(16 - Ruiz 86th)"): up
// to three capitalized words (hyphen joins too), no place or organization.
void scorer_names(const Context& ctx, std::vector<Candidate>& out) {
  const text::Token* const tokens = ctx.tt.tokens.data();
  for (const std::uint32_t o : ctx.cap_tokens) {
    // (The shape first: a byte compare per capitalized word, few are alphanumeric.)
    if (tokens[o].shape != Shape::Alnum || o < 2 || !is_digit_ordinal(ctx, o)) continue;
    std::size_t e;
    if (is_char(ctx, o - 1, '(')) {
      e = o - 1;  // "Name (57th"
    } else if (o + 1 < ctx.size() && is_char(ctx, o + 1, ')')) {
      e = o;  // "(Name 68th)"
    } else {
      continue;
    }
    std::size_t b = e;
    while (b > 0 && e - b < 5 && !ctx.token(b).newline_before) {
      if (cap_shape(ctx, b - 1) && !ctx.lex_is(b - 1, kLexFunction)) {
        --b;
      } else if (b >= 2 && is_char(ctx, b - 1, '-') && !ctx.token(b - 1).space_before && !ctx.token(b).space_before) {
        b -= 2;  // "Ata-ur-Rashid" ("ur" too: the hyphen holds it)
      } else {
        break;
      }
    }
    if (b == e || !cap_shape(ctx, b)) continue;
    bool ok = true;
    for (std::size_t k = b; k < e && ok; ++k) {
      ok = !ctx.country[k] && !ctx.has(k, EntryClass::Organization) && !ctx.has(k, EntryClass::Demonym);
    }
    if (!ok) continue;
    emit_candidate(ctx, EntityType::Person, b, e, 0.75f, "person.scorer", out);
    scorer_club(ctx, b, out);
  }
}

// A name of the user's own lists (--gazetteer) without "amb" counts wherever it
// is written: a PERSON candidate holding such an ORGANIZATION or LOCATION name
// as a part of it ("Helvetia Robotics Appoints Maria" in a title-case headline)
// is no name; the listed name and the person after it ("Maria Lindqvist",
// another candidate) are. Only when the user gave lists (most runs: none).
void drop_names_over_user_entries(const Context& ctx, std::size_t first, std::vector<Candidate>& out) {
  if (first == out.size() || !ctx.matcher.has_user_lists()) return;
  const auto holds_user_entry = [&](const Candidate& cand) {
    if (cand.type != EntityType::Person || cand.token_end < cand.token_begin + 2) return false;
    for (std::size_t k = cand.token_begin; k < cand.token_end; ++k) {
      if (ctx.find_match_at(k, [&](const gazetteer::Match& x) {
            return ctx.matcher.is_user(x) && x.token_end <= cand.token_end &&
                   x.token_end - x.token_begin < cand.token_end - cand.token_begin &&
                   !(x.flags & gazetteer::kAmbiguous) && (x.exact_case || ctx.caps_line[k]) &&
                   (x.cls == EntryClass::Organization || x.cls == EntryClass::Location);
          })) {
        return true;
      }
    }
    return false;
  };
  out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), holds_user_entry), out.end());
}

// Nouns that name a kind of company or body, never a person ("grid operator",
// "carmaker", "lender"; not "publisher" or "developer", which are people too).
bool is_company_noun(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kWords[] = {
      "operator", "carmaker", "automaker", "lender", "retailer", "insurer", "reinsurer", "airline", "carrier",
      "chipmaker", "drugmaker", "miner", "conglomerate", "startup", "utility", "supplier", "regulator", "watchdog",
      "company", "firm", "bank", "brokerage", "manufacturer", "maker", "giant", "group", "outlet", "platform",
      "office", "agency", "bureau", "charity", "union"};
  static constexpr WordSet kSet(kWords);
  return kSet.contains(ctx, i);
}

// Tokens [b, e), a name that no name list knows, follow a lowercase noun of a
// kind of company or body: "grid operator Velnor said", "carmaker Korvex told",
// "rights group La Kelvade said" (a particle may open it).
bool after_company_noun(const Context& ctx, std::size_t b, std::size_t e) {
  if (b == 0 || ctx.token(b - 1).shape != Shape::Lower || !is_company_noun(ctx, b - 1)) return false;
  constexpr std::uint16_t kNameBits = class_bit(EntryClass::GivenName) | class_bit(EntryClass::Surname);
  for (std::size_t k = b + (e > b + 1 && ctx.lex_is(b, kLexParticle)); k < e; ++k) {
    if (ctx.token_classes[k] & kNameBits) return false;
  }
  return true;
}

// A name the speech or context rules found: a PERSON, or (org.descriptor) the
// company that a company noun before it says it is.
void emit_speaker(const Context& ctx, std::size_t b, std::size_t e, float score, std::string_view rule,
                  std::vector<Candidate>& out) {
  if (after_company_noun(ctx, b, e)) {
    emit_candidate(ctx, EntityType::Organization, b, e, score, "org.descriptor", out);
  } else {
    emit(ctx, b, e, score, rule, out);
  }
}

// Role nouns (kLexRoleNoun) that a company holds as often as a person:
// "Tarvel Bank, a unit of ...", "Kelvo Capital, a shareholder".
bool is_body_role(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kWords[] = {"subsidiary", "unit",    "shareholder", "shareholders",
                                                "employees",  "partner", "owner"};
  static constexpr WordSet kSet(kWords);
  return kSet.contains(ctx, i);
}

// A word of a name before an apposition: capitalized, and no title, body,
// place, nationality or rule word.
bool apposition_name_word(const Context& ctx, std::size_t k) {
  constexpr std::uint16_t kNotName = class_bit(EntryClass::Title) | class_bit(EntryClass::Organization) |
                                     class_bit(EntryClass::Demonym);
  return ctx.token(k).shape == Shape::Capitalized && !(ctx.token_classes[k] & kNotName) && !ctx.country[k] &&
         !ctx.is_org_head(k) &&
         !ctx.lex_is(k, kLexFunction | kLexWeakStart | kLexCalendar | kLexTitleAbbrev | kLexTeamWord | kLexGroup);
}

// "Gaura Sen Gupta, chief economist at ...": an abbreviated title's word
// ("Sen", "Rep", "Sheikh") with no period, between two words of the name
// before an apposition (k + 1 < e), that a surname or given name list has, is
// a part of the name: a title opens a name, it does not stand inside one.
bool inner_title_abbrev(const Context& ctx, std::size_t k, std::size_t e) {
  return k > 0 && k + 1 < e && ctx.token(k).shape == Shape::Capitalized && ctx.lex_is(k, kLexTitleAbbrev) &&
         (ctx.has(k, EntryClass::Surname) || ctx.has(k, EntryClass::GivenName)) && !ctx.token(k).newline_before &&
         apposition_name_word(ctx, k - 1);
}

// A word between an apposition's article and its role noun: lowercase, or
// the body or party the person serves ("a PiS lawmaker", "a Kelvo Bank
// analyst"); no function word.
bool role_modifier_word(const Context& ctx, std::size_t k) {
  const Shape s = ctx.token(k).shape;
  return !(ctx.lex[k] & kLexFunction) &&
         (s == Shape::Lower || s == Shape::Capitalized || s == Shape::AllCaps || s == Shape::Mixed);
}

// Tokens [b, e) before an apposition are no place or body that a list has
// ("Kelvo Valley, a ...").
bool listed_non_person(const Context& ctx, std::size_t b, std::size_t e) {
  const auto listed = [&](const gazetteer::Match& m) { return m.token_end == e && m.cls != EntryClass::Person; };
  return ctx.find_match_at(b, listed) != nullptr;
}

// person.apposition before role noun r: "Wekesa Ghent, a trader in Kisumu,
// said", "Tarvo Lind, an analyst at ...", "Ana Kelp, a Kelvo Party lawmaker,":
// two or three capitalized words before ", a" or ", an", up to two words and
// a person's role noun are a name, whatever lists say of a word ("Ghent" is a
// town too). With no article the role is the person's office in a body,
// "Tarvo Lind, chief executive of Kelvo Mining, said".
void apposition_before(const Context& ctx, std::size_t r, std::vector<Candidate>& out) {
  // The article: the first function word before r, with at most two other
  // words between. (Its lexicon bit first: most role nouns follow "the" or
  // another function word, or no article.)
  std::size_t a = r - 1;
  while (a + 3 > r && a > 0 && role_modifier_word(ctx, a)) --a;
  const bool article = (ctx.lex[a] & kLexFunction) && (folded_is(ctx, a, "a") || folded_is(ctx, a, "an"));
  bool office = !article && is_char(ctx, a, ',') && r + 1 < ctx.size() &&
                (folded_is(ctx, r + 1, "of") || folded_is(ctx, r + 1, "at"));
  for (std::size_t k = a + 1; office && k < r; ++k) office = ctx.token(k).shape == Shape::Lower;
  if (a < (article ? 3u : 2u)) return;  // (room for a name and its comma: "A top lawyer ..." may open the text)
  const std::size_t e = article ? a - 1 : a;  // the comma
  if (e < 2 || !(office || (article && is_char(ctx, e, ','))) || is_body_role(ctx, r)) return;
  std::size_t b = e;
  while (b > 0 && e - b < 3 && !ctx.token(b).newline_before &&
         (apposition_name_word(ctx, b - 1) || inner_title_abbrev(ctx, b - 1, e))) {
    --b;
  }
  // (A capitalized word before them: a longer name, or a title the person rules take.)
  if (e - b < 2 || (b > 0 && !ctx.token(b).newline_before && cap_shape(ctx, b - 1))) return;
  // ("Says Ana Kelp, chief economist at ...": a word that only capitalizes the sentence.)
  if (e - b == 3 && ctx.token(b).sentence_start && ctx.is_common_word(b)) ++b;
  if (listed_non_person(ctx, b, e)) return;
  emit(ctx, b, e, 0.7f, "person.apposition", out);
}

// person.apposition after role noun r: "The Kelvo Board's lawyer, Ana Kelp,
// said", "its chief economist, Tarvo Lind.": a role after an owner ("'s",
// "the", "its", ...; up to two lowercase words between), a comma, and two or
// three capitalized words closed by a comma or a period.
void apposition_after(const Context& ctx, std::size_t r, std::vector<Candidate>& out) {
  static constexpr std::string_view kOwners[] = {"'s", "the", "its", "his", "her", "their", "our"};
  static constexpr WordSet kOwner(kOwners);
  const std::size_t n = ctx.size(), b = r + 2;
  if (b + 2 >= n || !is_char(ctx, r + 1, ',')) return;
  std::size_t e = b;
  while (e < n && e - b < 3 && !ctx.token(e).newline_before && apposition_name_word(ctx, e)) ++e;
  if (e - b < 2 || e >= n || !(is_char(ctx, e, ',') || is_char(ctx, e, '.'))) return;
  std::size_t a = r - 1;
  while (a + 3 > r && a > 0 && ctx.token(a).shape == Shape::Lower && !(ctx.lex[a] & kLexFunction)) --a;
  if (!kOwner.contains(ctx, a) || listed_non_person(ctx, b, e)) return;
  emit(ctx, b, e, 0.7f, "person.apposition", out);
}

// person.apposition around a person's role noun: Context's role nouns and the
// lowercase titles that are none ("lawyer", "lawmaker": the role nouns are
// org.role's few), from `titles`, TitleEnds' list (its compact index list, not
// Context's title matches: a third as many, and no match read for each).
// Each rule needs a comma near the role: before it within four tokens, or
// right after it; most roles have none, and leave on the tokens' shapes.
// (Out of line: inlined into recognize_persons it cost that loop more
// instructions than its own work, callgrind on real text.)
[[gnu::noinline]] void apposition_names(const Context& ctx, const TitleEnds& title_end, std::vector<Candidate>& out) {
  const text::Token* const tokens = ctx.tt.tokens.data();
  const char* const text = ctx.tt.text.data();
  const std::size_t n = ctx.size();
  const auto comma = [&](std::size_t k) {
    return tokens[k].shape == Shape::Punct && text[tokens[k].span.begin] == ',' && tokens[k].span.size() == 1;
  };
  const auto at = [&](std::size_t r) {
    if (r < 2 || r + 1 >= n) return;  // (room for an owner, or a name and a comma before it)
    if (comma(r - 1) || comma(r - 2) || (r >= 3 && comma(r - 3)) || (r >= 4 && comma(r - 4))) {
      apposition_before(ctx, r, out);
    }
    if (comma(r + 1)) apposition_after(ctx, r, out);
  };
  for (const std::size_t r : ctx.role_nouns) at(r);
  // (A run of titles ends at its last: "chief legal officer".)
  const std::uint16_t* const lex = ctx.lex.data();
  for (const std::uint32_t i : title_end.titles()) {
    if (tokens[i].shape != Shape::Lower) continue;
    const std::size_t r = title_end[i] - 1;
    if (tokens[r].shape == Shape::Lower && !(lex[r] & kLexRoleNoun)) at(r);
  }
}

// person.byline: "By LINDA K. KELMO" opening a line: two to four words in
// capitals after "By" (initials too), up to the line's end or a comma, name
// the writer, never a place ("LINDA" is a town too); not a desk's common
// words ("By STAFF REPORTER"). A byline heads its story: the first lines only.
void byline_names(const Context& ctx, std::vector<Candidate>& out) {
  static constexpr FoldedWord kBy("by");
  constexpr std::size_t kHeadLines = 8;
  const std::size_t n = ctx.size(), lines = std::min(ctx.line_starts.size(), kHeadLines + 1);
  for (std::size_t l = 0; l + 1 < lines; ++l) {
    const std::size_t b = ctx.line_starts[l], line_end = ctx.line_starts[l + 1];
    if (ctx.token(b).fold_hash != kBy.hash || ctx.token(b).shape != Shape::Capitalized || !folded_is(ctx, b, kBy)) {
      continue;
    }
    std::size_t e = b + 1, words = 0;
    bool plain = false;
    while (e < line_end && ctx.token(e).shape == Shape::AllCaps) {
      if (is_initial(ctx, e)) {
        e += 2;
        continue;
      }
      plain = plain || is_plain_word(ctx, e);
      ++words;
      ++e;
    }
    if (words >= 2 && words <= 4 && !plain && (e == line_end || (e < n && is_char(ctx, e, ',')))) {
      emit_candidate(ctx, EntityType::Person, b + 1, e, 0.9f, "person.byline", out);
    }
  }
}

// person.plural_list: "Justices Ana Kelvo, Ivo Tarsa and Mira Kelpa": after
// a plural title's first name (ending at e), each name of two or more words in
// the list it opens, after a comma or "and", is a person too, listed or not.
[[gnu::noinline]] void plural_title_list(const Context& ctx, const NameShape& names, std::size_t e,
                                         std::vector<Candidate>& out) {
  static constexpr FoldedWord kAnd("and");
  const std::size_t n = ctx.size();
  while (e + 2 < n && (is_char(ctx, e, ',') || folded_is(ctx, e, kAnd))) {
    std::size_t j = e + 1;
    if (is_char(ctx, e, ',') && folded_is(ctx, j, kAnd)) ++j;  // ("..., and Mira Kelpa")
    if (j >= n || ctx.token(j).newline_before || !names.name_word(j)) return;
    const std::size_t k = names.scan_name(j, 4);
    if (k < j + 2) return;
    emit(ctx, j, k, 0.85f, "person.plural_list", out);
    e = k;
  }
}

// "at the Tarvo Kelmanu on Sunday": a name after a locative and "the", not
// before a lowercase noun ("in the Tarvo Kelmanu film" is the person), names
// a venue after a person, as stadiums are (a common last word, "the Kelvo
// Film Festival", is another name's). (b >= 2; the caller tests the hash of
// "the" first: called for few names.)
[[gnu::noinline]] bool venue_after_the(const Context& ctx, std::size_t b, std::size_t e) {
  return !ctx.is_common_word(e - 1) && ctx.token(b - 1).shape == Shape::Lower && folded_is(ctx, b - 1, kThe) &&
         ctx.lex_is(b - 2, kLexLocative) && ctx.token(b - 2).shape == Shape::Lower &&
         !(e < ctx.size() && ctx.token(e).shape == Shape::Lower && !ctx.lex_is(e, kLexFunction));
}

// "from La Moneda palace", "the Ben Kelvo airport", "its Alberto Tarsa
// refinery": a lowercase facility or district noun right after a name [.., e)
// makes the name the place's, as CoNLL tags "... airport", not a person's.
// (Asked of person.given's names before a lowercase word, after their other tests.)
[[gnu::noinline]] bool place_noun_after(const Context& ctx, std::size_t e) {
  static constexpr std::string_view kNouns[] = {
    "airport", "airfield", "hospital", "stadium", "refinery", "bridge", "dam", "palace", "district", "province",
    "neighbourhood", "neighborhood", "suburb", "township", "municipality", "prison", "barracks", "station", "mine",
    "building"};
  static constexpr WordSet kSet(kNouns);
  return e < ctx.size() && ctx.token(e).shape == Shape::Lower && kSet.contains(ctx, e);
}

// "Hudson Street", "Jefferson Boulevard", "Mansfield Cemetery", "Miami
// Township", "Crawford Elementary": place_noun_after's capitalized kin, the
// head of a street's, a facility's or a township's name as the last word
// (before e) of a name that opens with a given name makes it that place (a
// school's name the school), not a person. Not "Park", "Hall", "Lane": common
// surnames ("Tony Hall", "Sung-Hee Park" on CoNLL train). Gives the place's
// type, or Person. (Asked of person.given's names that end in a common word,
// after their other tests.)
[[gnu::noinline]] EntityType place_head_type(const Context& ctx, std::size_t e) {
  static constexpr std::string_view kHeads[] = {
      "street", "avenue", "boulevard", "road", "drive", "pike", "highway", "parkway", "plaza", "mall",
      "township", "cemetery", "expressway", "turnpike", "freeway"};
  static constexpr WordSet kSet(kHeads);
  const std::size_t h = e - 1;
  if (ctx.token(h).shape != Shape::Capitalized) return EntityType::Person;
  if (kSet.contains(ctx, h)) return EntityType::Location;
  return folded_is(ctx, h, "elementary") ? EntityType::Organization : EntityType::Person;
}

// "Miami Township Trustee Andrew Kelp": a title inside a name scanned from a
// given name at b to e, before a name word, opens the next name; the first
// ends there (e when no such title). (Asked of person.given's names: a
// title entry for each of their few inner words.)
[[gnu::noinline]] std::size_t end_before_title(const Context& ctx, const NameShape& names, const TitleEnds& title_end,
                                               std::size_t b, std::size_t e) {
  for (std::size_t k = b + 1; k < e; ++k) {
    const std::size_t t = title_end[k];
    if (t != 0 && t < ctx.size() && names.name_word(t)) return k;
  }
  return e;
}

// loc.party_home: the party-and-hometown tag after a lawmaker's name ending
// at e, "Rob Kelp, R-Tarvoville, said", "Ana Kelp (D-Kelmore Springs)": up
// to three capitalized words after the party's letter (R, D, I) and an
// attached hyphen, closed by a comma or a parenthesis, name the town or
// state, whatever a name list says of them ("R-Napoleon"), and towns no list
// has too. (Asked of the PERSON candidates' ends: few. Once per tag: the
// candidates from `from` on are the tags found.)
[[gnu::noinline]] void party_home(const Context& ctx, std::size_t e, std::size_t from, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size(), p = e + 1, b = e + 3;
  if (b + 1 >= n || !(is_char(ctx, e, ',') || is_char(ctx, e, '(')) || ctx.token(p).shape != Shape::AllCaps ||
      !(is_char(ctx, p, 'R') || is_char(ctx, p, 'D') || is_char(ctx, p, 'I')) || !is_char(ctx, p + 1, '-') ||
      ctx.token(p + 1).space_before || ctx.token(b).space_before) {
    return;
  }
  std::size_t k = b;
  while (k < n && k < b + 3 && ctx.token(k).shape == Shape::Capitalized && !ctx.token(k).newline_before) ++k;
  if (k == b || k >= n || !(is_char(ctx, k, ',') || is_char(ctx, k, ')'))) return;
  for (std::size_t c = from; c < out.size(); ++c) {
    if (out[c].token_begin == b) return;
  }
  emit_candidate(ctx, EntityType::Location, b, k, 0.9f, "loc.party_home", out);
}

// "DeShawn", "LaToya", "DeAndre", "CeeDee": a word of two capitalized parts, a
// two-letter prefix and a lowercase rest of three or more letters (or a
// three-letter prefix and two), that no list has as a place or body, is a
// given name (not "McDonald", "MacLeod", "VanDyke": those prefixes open
// surnames).
bool camel_given_name(const Context& ctx, std::size_t i) {
  const std::string_view w = ctx.surface(i);
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  if (w.size() < 6 || w.size() > 12 || !upper(w[0]) || !lower(w[1]) || w.starts_with("Mc")) return false;
  const std::size_t rest = upper(w[2]) ? 3 : 4;  // after the second part's capital
  if (rest == 4 && (!lower(w[2]) || !upper(w[3]) || w.starts_with("Mac") || w.starts_with("Van") ||
                    w.starts_with("Von") || w.starts_with("Del"))) {
    return false;
  }
  for (std::size_t k = rest; k < w.size(); ++k) {
    if (!lower(w[k])) return false;
  }
  return !ctx.has(i, EntryClass::Location) && !ctx.has(i, EntryClass::Organization);
}

// Token i is a straight or curly double quote.
bool is_double_quote(const Context& ctx, std::size_t i) {
  const text::Token& t = ctx.token(i);
  if (t.shape != Shape::Punct) return false;
  const char* const p = ctx.tt.text.data() + t.span.begin;
  return (t.span.size() == 1 && p[0] == '"') ||
         (t.span.size() == 3 && p[0] == '\xE2' && p[1] == '\x80' && (p[2] == '\x9C' || p[2] == '\x9D'));
}

// person.nickname: a given name at i, a nickname of up to three capitalized
// words in double quotes (from token i + 1) and a surname are one person,
// "Ismo "El Tarvo" Kelp" (as CoNLL has them). Asked where person.given_alone
// takes the given name: before the quote it stands alone.
void nickname_name(const Context& ctx, std::size_t i, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size(), q = i + 1;
  std::size_t k = q + 1;
  while (k < n && k < q + 4 && ctx.token(k).shape == Shape::Capitalized && !ctx.token(k).newline_before) ++k;
  if (k == q + 1 || k + 1 >= n || !is_double_quote(ctx, k) || ctx.token(k + 1).newline_before ||
      ctx.token(k + 1).shape != Shape::Capitalized || ctx.is_common_word(k + 1)) {
    return;
  }
  emit(ctx, i, k + 2, 0.7f, "person.nickname", out);
}

}  // namespace

void recognize_persons(const Context& ctx, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  const std::size_t first = out.size();
  PersonBuffers& buf = person_buffers();
  const NameShape names(ctx, buf.name_bits, buf.name_starts);
  const TitleEnds title_end(ctx, buf);
  // Every rule starts at a title, an initial or a name word: most tokens are
  // none. The loop visits those in text order, merged from two sorted lists
  // that end in n: NameShape's starts (initials and name words) and the
  // tokens with a title end (mostly capitalized too, but for lowercase TITLE
  // entries, "actor"). A token on both lists comes once.
  std::vector<std::uint32_t>& title_starts = buf.title_starts;
  title_starts.assign(title_end.titles().begin(), title_end.titles().end());
  title_starts.push_back(static_cast<std::uint32_t>(n));
  const std::uint32_t* name_start = names.starts().data();
  const std::uint32_t* title_start = title_starts.data();
  // The name scanned after a title: it starts at a name word, a later start,
  // whose own rules then reuse the scan (one slot: starts come in text order).
  std::size_t memo_b = kNotScanned, memo4 = 0, memo3 = 0;
  // The title run that reaches furthest so far, [title_from, title_to): a
  // word inside it ("State" of "Secretary of State Ana Kelp") starts no name.
  std::size_t title_from = 0, title_to = 0;
  for (;;) {
    // (Branch-free: which list goes first depends on the text.)
    const std::size_t i = std::min(*name_start, *title_start);
    if (i >= n) break;  // both lists at their end marks
    // title_end[i] != 0 exactly for the tokens of the title list: the
    // per-token array (large, kept across documents, mostly not in cache) is
    // read only for those.
    const bool titled = *title_start == i;
    if (titled && title_end[i] > title_to) {
      title_from = i;
      title_to = title_end[i];
    }
    name_start += *name_start == i ? 1 : 0;
    title_start += titled ? 1 : 0;
    // scan_name(i, 4) and scan_name(i, 3) from one scan, shared by the
    // initials, given, context and country_paren rules.
    std::size_t name4 = kNotScanned, name3 = 0;
    const auto scan_here = [&] {
      if (name4 != kNotScanned) return;
      if (memo_b == i) {
        name4 = memo4;
        name3 = memo3;
      } else if (!names.goes_on(i)) {
        // What the scan gives when no word can follow i (most capitalized
        // words: a lowercase word or punctuation comes next), without it.
        name4 = name3 = names.name_word(i) ? i + 1 : i;
      } else {
        name4 = names.scan_name_4_3(i, name3);
      }
    };
    const auto name_from_here = [&] {
      scan_here();
      return name4;
    };
    // person.title: "President Vladimir Putin", "Mr. Johnson", "Sgt Pepper"
    // (a title inside a longer one, "Minister" in "Foreign Minister", is not a new start)
    if (std::size_t t = titled ? title_end[i] : 0; t != 0 && !(i > 0 && title_end[i - 1] > i)) {
      std::size_t j = t;
      if (j < n && is_char(ctx, j, '.') && !ctx.token(j).space_before) ++j;  // "Mr." "Dr."
      // ("the opener. Inter coach ...": a lowercase title's period ends its sentence.)
      const bool sentence_end = j > t && ctx.token(t - 1).shape == Shape::Lower && j < n && ctx.token(j).sentence_start;
      if (j < n && !sentence_end && !ctx.token(j).newline_before && names.name_word(j)) {
        memo_b = j;
        memo4 = names.scan_name_4_3(j, memo3);
        const std::size_t e = memo4;
        // A title before a place or organization name is a description
        // ("Prime Minister of Japan", "President Obama" is fine); one before
        // a place's head word alone names the place ("Metropolitan Parkway").
        if (e > j && !(e == j + 1 &&
                       (ctx.has(j, EntryClass::Location) || ctx.has(j, EntryClass::Demonym) ||
                        ctx.lex_is(j, kLexFeature)) &&
                       !ctx.has(j, EntryClass::Surname))) {
          emit(ctx, j, e, 0.9f, "person.title", out);
          if (plural_form_at(ctx, t - 1)) plural_title_list(ctx, names, e, out);
          // "captain Dean Halloway", "Scorers: Dean Marlow": a title's last word
          // that is also among the most common given names, before a single
          // surname, is the given name, unless a capitalized word or an
          // article opens the title ("the Dean", "Vice Dean"). (The rank
          // lookup only for such titles: rare.)
          const std::size_t g = t - 1;
          if (e == j + 1 && j == t && ctx.token(g).shape == Shape::Capitalized &&
              (g == i ? !(i > 0 && !ctx.token(i).newline_before &&
                          (cap_shape(ctx, i - 1) || folded_is(ctx, i - 1, "the") || folded_is(ctx, i - 1, "a")))
                      : ctx.token(g - 1).shape == Shape::Lower) &&
              (ctx.has(j, EntryClass::Surname) || !ctx.has(j, EntryClass::GivenName))) {
            const std::uint32_t rank = ctx.name_ranks(g).given;
            if (rank != 0 && rank <= 500) emit(ctx, g, e, 0.9f, "person.title_given", out);
          }
        }
      }
    }
    // person.initials: "J.R.R. Tolkien", "H. G. Wells"; not after initials
    // that are a country ("U.S." of "U.S. Independence Day", "U.K. Border
    // Force"): those are its names' modifier.
    if (names.initial(i) && (i == 0 || !names.initial(i - 1)) && (i < 2 || !names.initial(i - 2)) &&
        !place_at(ctx, i)) {
      const std::size_t e = name_from_here();
      if (e > i + 2) emit(ctx, i, e, 0.75f, "person.initials", out);
    }
    // Every rule below starts at a name word, and context, speech and
    // country_paren at the first of a run of them: most starts are name words
    // inside a name or title tokens, and skip them all on these two tests.
    if (!names.name_word(i)) continue;
    const bool first_word = !((i != 0) & names.name_word(i - (i != 0)));  // (i == 0 || !name_word(i - 1), no branch)
    // person.given: a known given name + capitalized surname
    if (ctx.has(i, EntryClass::GivenName) && i + 1 < n &&
        !ctx.token(i + 1).newline_before) {
      const std::size_t scanned = name_from_here();
      const std::size_t e = scanned >= i + 3 ? end_before_title(ctx, names, title_end, i, scanned) : scanned;
      // "Christian Democrats" is a party, not a person named Democrats.
      // "Paris Agreement" is a document.
      if (e >= i + 2 && names.name_word(e - 1) && !ctx.has(e - 1, EntryClass::Demonym) &&
          !ctx.lex_is(e - 1, kLexGroup) && !is_document_head(ctx, e - 1)) {
        // "Will Smith" is a name; "Will Power" at a sentence start may not be.
        // "Great Wall", "Old Bailey", "North Sea": a place-name adjective or a
        // compass word that lists know only as an ambiguous given name starts a
        // landmark or a place, not a person (unless a given name follows:
        // "Little Richard"); so does a feature word, whatever the lists say
        // ("Gare du Nord"; a particle after it is the place's article, not
        // a given name: "Ras El Tarsa"), and before a given name too unless
        // itself a strong one: "Lake Victoria", "Port Elizabeth".
        const bool feature = ctx.lex_is(i, kLexFeature) && is_feature_prefix(ctx, i);
        const bool landmark = ((!ctx.strong(i, EntryClass::GivenName) && is_place_opener(ctx, i)) || feature) &&
                              (!ctx.has(i + 1, EntryClass::GivenName) ||
                               (feature && (ctx.lex_is(i + 1, kLexParticle) || !ctx.strong(i, EntryClass::GivenName))));
        const bool weak = (ctx.token(i).sentence_start && is_plain_word(ctx, i)) || landmark;
        // A strong given name vouches for an unlisted surname that is also a
        // word ("Emmanuel Macron"), unless it reads as a street or building.
        // In a hyphenated surname one known part is enough ("Maberry-Tusk").
        const bool hyphen_part = e >= i + 4 && is_char(ctx, e - 2, '-') &&
                                 (ctx.has(e - 3, EntryClass::Surname) || !ctx.is_common_word(e - 3));
        const bool surname = ctx.has(e - 1, EntryClass::Surname) || !ctx.is_common_word(e - 1) || hyphen_part ||
                             (ctx.strong(i, EntryClass::GivenName) && !ctx.is_org_head(e - 1) &&
                              !is_place_head(ctx, e - 1) && !ctx.has(e - 1, EntryClass::Location));
        // "Iran-Iraq (war)", "Israel-Syria (talks)": two countries joined by a
        // hyphen are the pair, whatever name lists say of "Iran" or "Israel";
        // so are two towns ("Paris-Tarvo", a race or a route), unless the
        // second is more often a surname.
        const bool country_pair =
            e == i + 3 && is_char(ctx, i + 1, '-') &&
            ((ctx.country[i] && ctx.country[i + 2]) ||
             (ctx.has(i, EntryClass::Location) && ctx.has(i + 2, EntryClass::Location) &&
              !ctx.strong(i + 2, EntryClass::Surname)));
        // "Arab East Jerusalem": a place of two or more words after the given
        // name is that place with a modifier, not a surname.
        const bool place_tail = e >= i + 3 && ctx.find_match_at(i + 1, [&](const gazetteer::Match& m) {
          return m.cls == EntryClass::Location && m.exact_case && m.token_end == e;
        }) != nullptr;
        // "the Harmony Pro": a model word after a given name that is also a word ("amb") names a product.
        const bool product = !ctx.strong(i, EntryClass::GivenName) && is_model_word(ctx, e - 1);
        // "Freedom Day", "Unity Day": "Day" after a given name that is a word
        // too names a day, no person ("Doris Day" is one).
        const bool day_name = !ctx.strong(i, EntryClass::GivenName) && folded_is(ctx, e - 1, kDay);
        if (!weak && surname && !country_pair && !place_tail && !product && !day_name && !place_and_state(ctx, i, e) &&
            !arabic_article_name(ctx, i, e) && !common_words_after(ctx, i, e) &&
            !(!ctx.strong(i, EntryClass::GivenName) && is_venue_head(ctx, e - 1)) && !opens_race_name(ctx, i) &&
            !listed_place_of_word(ctx, i, e)) {
          // "Mira Indonesia": a name that ends with a country is a company's.
          if (e >= i + 2 && country_tail(ctx, i, e)) {
            emit_candidate(ctx, EntityType::Organization, i, e, 0.6f, "org.country_tail", out);
          } else if (e == i + 2 && folded_is(ctx, e - 1, kState) &&
                     (ctx.has(i, EntryClass::Organization) || ctx.has(i, EntryClass::Location)) &&
                     !us_state_at(ctx, i)) {
            // "Penn State": a body's or place's name and "State" name a
            // university (but "Kevin State" may be a player). A US state's own
            // name and "State" is the gazetteer recognizer's (state_after: it
            // leaves "New York State" and "Washington State" alone).
            emit_candidate(ctx, EntityType::Organization, i, e, 0.6f, "org.state_school", out);
          } else if (e < n && ctx.token(e).shape == Shape::Lower && place_noun_after(ctx, e)) {
            emit_candidate(ctx, EntityType::Location, i, e, 0.65f, "loc.place_noun", out);
          } else if (const EntityType place = ctx.is_common_word(e - 1) ? place_head_type(ctx, e) : EntityType::Person;
                     place != EntityType::Person) {
            emit_candidate(ctx, place, i, e, 0.65f, place == EntityType::Location ? "loc.place_head" : "org.place_head",
                           out);
          } else if (i >= 2 && ctx.token(i - 1).fold_hash == kThe.hash && venue_after_the(ctx, i, e)) {
            emit_candidate(ctx, EntityType::Location, i, e, 0.65f, "loc.venue_name", out);
          } else if (ctx.lex_is(i, kLexParticle) && after_company_noun(ctx, i, e)) {
            // "rights group La Kelvade": a particle that lists have as a given name
            // (see after_company_noun; the bit test first: every name gets here).
            emit_candidate(ctx, EntityType::Organization, i, e, 0.65f, "org.descriptor", out);
          } else if (ctx.is_common_word(e - 1) && plural_word_at(ctx, e - 1)) {
            // ("the Emmy Awards": an award, no entity.)
            if (!is_event_word_at(ctx, e - 1)) {
              emit_candidate(ctx, EntityType::Organization, i, e, 0.6f, "org.plural_tail", out);
            }
          } else {
            emit(ctx, i, e, 0.65f, "person.given", out);
          }
        }
      }
    }
    // The rules below start at the first word of a run of name words only
    // (given_alone too: it wants no capitalized word before i, and a name word
    // is capitalized): the later words of a name stop here.
    if (!first_word) continue;
    // person.camel_given: "DeShawn Moore", "DeAndre Tarsek": a given name of
    // camel_given_name's shape and one capitalized word that a surname list
    // has or no list has as a word, with no name word after it ("CeeDee Lamb").
    // (A word no list has first, then the third or fourth letter's case: a capital there is rare.)
    if (const text::Token& t = ctx.token(i); ctx.token_classes[i] == 0 && t.span.size() >= 6 &&
        ((ctx.text_data[t.span.begin + 2] >= 'A' && ctx.text_data[t.span.begin + 2] <= 'Z') ||
         (ctx.text_data[t.span.begin + 3] >= 'A' && ctx.text_data[t.span.begin + 3] <= 'Z')) &&
        i + 2 < n &&
        ctx.token(i + 1).shape == Shape::Capitalized &&
        !ctx.token(i + 1).newline_before && !names.name_word(i + 2) && camel_given_name(ctx, i) &&
        (ctx.has(i + 1, EntryClass::Surname) || !ctx.is_common_word(i + 1))) {
      emit(ctx, i, i + 2, 0.65f, "person.camel_given", out);
    }
    // person.context: "<Name Name> said", "said <Name Name>", "<Name Name>, 45,"
    // (Not from a sentence's first word that is a common word and no strong
    // name: "Later Castro said"; person.speech takes "Castro said".)
    if (unknown_cap_word(ctx, names, i) && !(i > title_from && i < title_to) &&
        !(ctx.token(i).sentence_start && ctx.is_common_word(i) && !ctx.strong_name_part(i))) {
      scan_here();
      const std::size_t e = name3;
      if (e >= i + 2) {
        const bool verb_after = e < n && ctx.lex_is(e, kLexSpeech);
        const bool verb_before = i > 0 && ctx.lex_is(i - 1, kLexSpeech);
        const bool comma = e + 2 < n && is_char(ctx, e, ',');
        const bool age = comma && ctx.token(e + 1).shape == Shape::Digits && ctx.surface(e + 1).size() <= 2 &&
                         is_char(ctx, e + 2, ',');
        // "replaces Wafula Kelmo, who died": ", who" follows a person (a body takes ", which").
        const bool who = comma && ctx.token(e + 1).fold_hash == kWho.hash && folded_is(ctx, e + 1, kWho);
        // The words of the name last, and only with a verb, an age or "who": most names have none.
        if (verb_after || verb_before || age || who) {
          bool all_unknown = true;
          for (std::size_t k = i; k < e; ++k) {
            if (ctx.token(k).shape != Shape::Lower && ctx.token(k).shape != Shape::Punct &&
                !unknown_cap_word(ctx, names, k) && !ctx.has(k, EntryClass::GivenName) &&
                !ctx.has(k, EntryClass::Surname)) {
              all_unknown = false;
            }
          }
          if (all_unknown) emit_speaker(ctx, i, e, 0.55f, "person.context", out);
        }
      }
    }
    // person.speech: one name word next to a verb of saying ("Kessler said",
    // "said Varga", "Duran told reporters"); a country stays a place ("Croatia said").
    // A verb of saying next to i first: few name words have one ("said" is one
    // of the kLexSpeech words, so verb_before implies it too).
    const bool speech_near = (i + 1 < n && (ctx.lex[i + 1] & kLexSpeech)) || (i > 0 && (ctx.lex[i - 1] & kLexSpeech));
    if (speech_near && lone_name_word(ctx, names, i) && (i + 1 >= n || !names.name_word(i + 1))) {
      std::size_t after = i + 1;
      if (after < n && ctx.is(after, "'s")) after = n;  // "Kessler's first fight" is no speech
      // "Police in Tarvel said": after a locative the word is where the speaker is.
      const bool verb_after = after < n && ctx.lex_is(after, kLexSpeech) && !(i > 0 && (ctx.lex[i - 1] & kLexLocative));
      const bool verb_before = i > 0 && folded_is(ctx, i - 1, "said") && (i + 1 >= n || ctx.token(i + 1).shape == Shape::Punct);
      const bool place = ctx.has(i, EntryClass::Location);
      // "Sen. Tim Kaine of Virginia said", "the mayor of Boston said": a place
      // after "of" is where the speaker is from, not the speaker.
      if ((verb_after || verb_before) && !(place && i > 0 && folded_is(ctx, i - 1, "of"))) {
        emit_speaker(ctx, with_arabic_article(ctx, i), i + 1, place ? 0.5f : 0.75f, "person.speech", out);
      }
    }
    // person.country_paren: "Dieter Vollrath (Germany)", results lists and bylines.
    if (!ctx.country[i] && names.goes_on(i)) {
      const std::size_t e = name_from_here();
      if (e >= i + 2 && e + 2 < n && is_char(ctx, e, '(')) {
        std::size_t k = e + 1, close = k;
        while (close < n && close < k + 4 && !is_char(ctx, close, ')')) ++close;
        bool plain = true;
        for (std::size_t j = i; j < e; ++j) {
          if (ctx.is_org_head(j) || ctx.lex_is(j, kLexTeamWord)) plain = false;
        }
        if (plain && close < n && is_char(ctx, close, ')') && ctx.is_country_span(k, close)) {
          emit(ctx, i, e, 0.6f, "person.country_paren", out);
        }
      }
    }
    // person.given_alone: a well-known given name on its own, mid-sentence
    // ("about Alice"): strong list evidence and no other reading.
    if (ctx.strong(i, EntryClass::GivenName) && ctx.token(i).shape == Shape::Capitalized &&
        !ctx.token(i).sentence_start && !ctx.caps_line[i] && !ctx.is_common_word(i) &&
        !ctx.lex_is(i, kLexGroup) &&  // "a devout Christian", "Muslim leaders"
        !ctx.country[i] && !ctx.has(i, EntryClass::Organization) &&
        !(ctx.has(i, EntryClass::Location) && i > 0 && (ctx.lex_is(i - 1, kLexLocative) || folded_is(ctx, i - 1, "of"))) &&
        (i == 0 || !ctx.is_cap(i - 1)) && (i + 1 >= n || !ctx.is_cap(i + 1) || ctx.token(i + 1).newline_before) &&
        !hyphen_compound_part(ctx, i)) {
      emit(ctx, i, i + 1, 0.4f, "person.given_alone", out);
      if (i + 4 < n && is_double_quote(ctx, i + 1)) nickname_name(ctx, i, out);
    }
  }
  if (ctx.sports) {
    scorecard_players(ctx, out);
    scorer_names(ctx, out);
  }
  apposition_names(ctx, title_end, out);
  byline_names(ctx, out);
  // "de Silva", "van der Sar": the lowercase particles right before a name
  // that opens with its surname are the surname's (not after a capitalized
  // word: there the name scan took them in, or they join another name).
  for (std::size_t c = first; c < out.size(); ++c) {
    std::size_t b = out[c].token_begin;
    // (The particle bit first: most names follow no particle.)
    const auto particle = [&](std::size_t k) {
      return (ctx.lex[k] & kLexParticle) && ctx.token(k).shape == Shape::Lower && !folded_is(ctx, k, "st") &&
             !folded_is(ctx, k, "y") && !ctx.token(k + 1).newline_before;
    };
    if (b == 0 || !particle(b - 1)) continue;
    --b;
    if (b > 0 && particle(b - 1)) --b;
    if (b > 0 && !ctx.token(b).newline_before && (cap_shape(ctx, b - 1) || folded_is(ctx, b - 1, "et"))) {
      continue;  // ("et al Saunders": Latin's "al")
    }
    out[c].token_begin = static_cast<std::uint32_t>(b);
    out[c].span = ctx.span(b, out[c].token_end);
  }
  // The party-and-hometown tag after a name (loc.party_home). (A capital
  // letter alone after the name's next token first: few names have one.)
  for (std::size_t c = first, end = out.size(); c < end; ++c) {
    const std::size_t e = out[c].token_end;
    if (e + 3 < n && ctx.token(e + 1).span.size() == 1 && ctx.token(e + 1).shape == Shape::AllCaps &&
        out[c].type == EntityType::Person) {
      party_home(ctx, e, end, out);
    }
  }
  drop_names_over_user_entries(ctx, first, out);
}

}  // namespace newsner::recognize
