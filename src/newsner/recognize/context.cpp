#include "newsner/recognize/context.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsner/recognize/location.hpp"
#include "newsner/recognize/organization.hpp"
#include "newsner/text/token_hash.hpp"

namespace newsner::recognize {

using gazetteer::EntryClass;
using text::Shape;

namespace {

// The lexicon as an open-addressing table keyed by the tokenizer's fold hash, so
// that looking a token up costs one probe and no rehashing of its bytes. A word
// is known by its 64-bit fold hash and its size, as the gazetteer knows its keys
// by their hash (gazetteer::Gazetteer::find_slot): no byte compare, whose loop
// over words of varying length the branch predictor could not follow. Slots
// are 16 bytes: for today's ~620 words the table has 2048 of them, 32 KB,
// which fits the L1 cache (the previous 32-byte slots made it 128 KB).
class Lexicon {
 public:
  explicit Lexicon(const std::unordered_map<std::string_view, std::uint16_t>& words) {
    std::size_t size = 64;
    while (size < words.size() * 3) size *= 2;  // load <= 1/3: most lookups read one slot
    slots_.resize(size);
    for (const auto& [word, bits] : words) {
      const std::uint64_t h = text::token_hash(word);
      std::size_t i = h & (slots_.size() - 1);
      while (slots_[i].bits != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = {h, bits, static_cast<std::uint16_t>(word.size())};
    }
  }
  /// LexBit set of a folded token with fold hash `h` and `size` bytes; 0 when
  /// not a rule word.
  std::uint16_t bits(std::uint64_t h, std::size_t size) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      // One exit test for a hit and for an empty slot (most lookups end at
      // their first slot either way), the result picked without a branch.
      const Slot& s = slots_[i];
      const bool hit = (s.hash == h) & (s.size == size);
      if (hit | (s.bits == 0)) return hit ? s.bits : 0;
    }
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint16_t bits = 0;  // 0 = empty (every word has at least one bit)
    std::uint16_t size = 0;  // of the folded word, in bytes
  };
  static_assert(sizeof(Slot) == 16);
  std::vector<Slot> slots_;
};

// Closed-class English vocabulary behind Context::lex. These are rule words
// (function words, organization heads, legal-form suffixes, verbs of saying,
// calendar words, abbreviated ranks, sports vocabulary), not names.
const Lexicon& lexicon() {
  static const Lexicon table = [] {
    std::unordered_map<std::string_view, std::uint16_t> t;
    auto add = [&](std::initializer_list<std::string_view> words, std::uint16_t bit) {
      for (auto w : words) t[w] |= bit;
    };
    // org.team_context's cues, from its own lists (organization.hpp).
    for (auto w : kTeamVerbs) t[w] |= kLexTeamCue;
    for (auto w : kClubRoles) t[w] |= kLexTeamCue;
    // loc.feature's heads, from its own lists (location.hpp).
    for (auto w : kFeatureSuffixes) t[w] |= kLexFeature;
    for (auto w : kFeaturePrefixes) t[w] |= kLexFeature;
    for (auto w : kPlaceNouns) t[w] |= kLexFeature;
    add({"the", "a", "an", "in", "on", "at", "for", "from", "to", "of", "by", "with", "and", "or", "but",
         "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "as", "after",
         "before", "when", "while", "if", "since", "under", "over", "both", "all", "some", "many", "most",
         "no", "not", "he", "she", "it", "they", "we", "i", "you", "there", "here", "then", "than", "also",
         "is", "was", "are", "were", "be", "been", "has", "have", "had", "would", "could", "should",
         "can", "might", "must", "do", "does", "did", "so", "yet", "into", "onto", "upon", "about",
         "against", "between", "during", "without", "within", "through", "toward", "towards", "via", "per",
         "what", "which", "who", "whom", "whose", "where", "why", "how", "each", "every", "any", "other",
         "such", "only", "just", "even", "still", "now", "not", "nor", "off", "out", "up", "down", "v", "vs"},
        kLexFunction);
    add({"ministry", "department", "agency", "office", "bureau", "commission", "committee", "council",
         "assembly", "parliament", "congress", "senate", "court", "tribunal", "party", "front", "movement",
         "alliance", "federation", "association", "society", "institute", "institution",
         "university", "college", "academy", "foundation", "fund", "trust", "bank", "bancorp", "exchange",
         "corporation", "corp", "company", "co", "inc", "incorporated", "ltd", "limited", "llc", "plc", "ag",
         "gmbh", "nv", "bv", "spa", "group", "holdings", "holding", "industries", "airlines", "airways",
         "motors", "systems", "technologies", "communications", "securities", "partners", "associates",
         "enterprises", "pharmaceuticals", "laboratories", "club", "authority", "board", "army", "navy",
         "organisation", "organization", "network", "broadcasting", "directorate", "secretariat", "command",
         "brigade", "regiment", "corps", "chamber", "coalition", "bloc", "cooperative", "consortium",
         "union", "police", "church", "newspaper", "times", "telegraph", "herald", "tribune", "gazette",
         "journal", "post", "daily", "news", "press", "radio", "television", "tv", "agency", "capital",
         "investments", "insurance", "bancshares", "financial", "trading", "petroleum", "mining", "airline",
         "electric", "energy", "oil", "steel", "chemical", "chemicals", "motor", "telecom", "telecommunications",
         "services", "brothers", "bros", "fc", "afc", "rovers", "wanderers", "albion", "athletic", "hotspur",
         "reserve", "guard", "forces", "force", "commonwealth", "cabinet", "government", "administration",
         "circuit"},  // (only after a court's number: org.head's circuit_number_at)
        kLexOrgHead);
    add({"inc", "corp", "ltd", "plc", "ag", "gmbh", "nv", "bv", "spa", "llc", "co", "sa", "ab", "asa", "oyj", "abp",
         "kk", "bhd", "pty", "srl", "sarl", "kg", "cie", "group", "holdings", "bancorp", "incorporated", "cos",
         "pcl", "tbk", "jsc", "pjsc"},
        kLexOrgSuffix);
    add({"said", "says", "told", "added", "asked", "wrote", "stated", "explained", "noted", "replied",
         "insisted", "argued", "warned", "announced", "confirmed", "admitted", "declared", "claimed", "tells",
         "adds", "believes", "thinks", "urged", "recalled", "commented", "quoted", "stressed", "acknowledged",
         "denied", "suggested", "predicted", "complained", "reported", "testified", "agreed", "countered"},
        kLexSpeech);
    add({"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
         "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"},
        kLexCalendar);
    add({"pm", "sgt", "lt", "cpl", "pte", "det", "insp", "supt", "maj", "capt", "cmdr", "adm", "brig", "col",
         "gen", "mr", "mrs", "ms", "dr", "prof", "rev", "fr", "sen", "rep", "gov", "herr", "frau", "mme",
         "mlle", "sir", "dame", "lord", "lady", "sheikh", "mgr", "msgr"},
        kLexTitleAbbrev);
    add({"match", "matches", "innings", "wicket", "wickets", "goal", "goals", "scored", "season", "league",
         "championship", "tournament", "qualifier", "halftime", "half-time", "striker", "midfielder",
         "goalkeeper", "coach", "pitcher", "homer", "inning", "touchdown", "quarterback", "playoff",
         "playoffs", "standings", "unbeaten", "soccer", "football", "cricket", "baseball", "basketball",
         "rugby", "hockey", "stadium", "semifinal", "semi-final", "quarter-final", "quarterfinal", "final",
         "scorers", "penalty", "batting", "bowling", "runs", "relegation", "promoted", "fixture", "fixtures",
         "draw", "drew", "defeated", "victory", "victories", "win", "won", "beat", "lost", "points", "cup",
         "division", "team", "teams", "club", "clubs", "player", "players", "game", "games", "seed"},
        kLexSports);
    add({"united", "rovers", "wanderers", "albion", "athletic", "fc", "afc", "hotspur", "dynamo", "dinamo",
         "spartak", "sporting", "olympique", "atletico", "real", "rangers", "city", "town", "county"},
        kLexTeamWord);
    add({"new", "former"}, kLexWeakStart);
    add({"in", "at", "near", "from", "to", "into", "outside", "across", "around", "via", "toward", "towards"},
        kLexLocative);
    add({"christian", "christians", "muslim", "muslims", "moslem", "jew", "jews", "jewish", "catholic",
         "catholics", "protestant", "protestants", "buddhist", "buddhists", "hindu", "hindus", "sikh", "sikhs",
         "orthodox", "evangelical", "evangelicals", "communist", "communists", "socialist", "socialists",
         "democrat", "democrats", "republican", "republicans", "conservative", "conservatives", "liberal",
         "liberals", "marxist", "marxists", "islamist", "islamists", "sunni", "sunnis", "shia", "shiite",
         "shiites", "maoist", "maoists", "fascist", "fascists", "nationalist", "nationalists", "loyalist",
         "loyalists", "unionist", "unionists", "zionist", "zionists", "atheist", "atheists",
         // peoples that no nationality list has: "Arab troops", "Kurds", "Berber"
         "arab", "arabs", "kurd", "kurds", "berber", "berbers", "bedouin", "bedouins", "tamil", "tamils"},
        kLexGroup);
    // The role nouns of org.role ("chief executive of ...", "analyst at ...").
    add({"executive", "chairman", "chairwoman", "president", "director", "spokesman", "spokeswoman",
         "spokesperson", "founder", "co-founder", "owner", "employee", "employees", "shareholders", "shareholder",
         "analyst", "economist", "subsidiary", "unit", "ceo", "strategist", "trader", "dealer", "partner", "chief",
         "manager", "officer", "head", "professor", "researcher"},
        kLexRoleNoun);
    add({"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "della", "dos", "das", "bin",
         "ibn", "al", "el", "ben", "ter", "ten", "abu", "y", "st"},
        kLexParticle);
    return Lexicon(t);
  }();
  return table;
}

// Context's summary of a token type for Matcher::for_each_listed.
struct TypeBits {
  std::uint16_t lex = 0;         // LexBit cues
  std::uint16_t cues = 0;        // of a lowercase word: its kLexSports and kLexRoleNoun bits
  std::uint16_t classes[2] = {};  // token_classes outside, inside a capitals line
  std::uint16_t strong[2] = {};   // strong_classes likewise
};
// The matcher's memo slot for it: two per cache line.
static_assert(sizeof(gazetteer::detail::TypeSlot<TypeBits>) == 32);

bool is_country_list(std::string_view list) { return list == "countries" || list == "regions"; }

}  // namespace

bool Context::is_country_span(std::size_t b, std::size_t e) const {
  if (b >= e || e > size()) return false;
  if (e == b + 1) return country[b];
  bool found = false;
  for_matches_at(b, [&](const gazetteer::Match& m) {
    if (found || m.token_end != e) return;
    if (m.cls == EntryClass::Location && is_country_list(matcher.list_name(m)) &&
        (m.exact_case || tt.tokens[b].shape == Shape::AllCaps)) {
      found = true;
    }
  });
  return found;
}

Context::NameRanks Context::name_ranks(std::size_t i) const {
  NameRanks r;
  const std::uint64_t key = text::sequence_extend(text::kSequenceSeed, tt.tokens[i].fold_hash);
  matcher.for_each_key_entry(key, [&](const gazetteer::Gazetteer& g, const gazetteer::KeyRef& ref) {
    if (ref.cls != EntryClass::GivenName && ref.cls != EntryClass::Surname) return;
    const std::uint32_t rank = g.entry(ref.entry).rank;
    std::uint32_t& best = ref.cls == EntryClass::GivenName ? r.given : r.surname;
    if (rank != 0 && (best == 0 || rank < best)) best = rank;
  });
  return r;
}

// The memory of a thread's last Context (see Context::Context). Buffers for
// more than kKeptTokens tokens (a 300 KB text's) are freed instead, so that a
// thread does not hold its largest document's arrays.
struct ContextBuffers {
  static constexpr std::size_t kKeptTokens = std::size_t{1} << 16;
  std::vector<gazetteer::Match> matches;
  std::vector<std::uint32_t> first_match;
  std::vector<std::uint16_t> token_classes, strong_classes, lex;
  std::vector<std::uint8_t> caps_line, country, line_has_number;
  IndexList cap_tokens, line_starts, role_nouns, title_matches, mention_matches;

  static void swap_lists(IndexList& a, IndexList& b) {
    std::swap(a.data_, b.data_);
    std::swap(a.capacity_, b.capacity_);
  }
  // Swaps every buffer with the Context's (its sizes are set by the constructor).
  void exchange(Context& c) {
    matches.swap(c.matches);
    first_match.swap(c.first_match);
    token_classes.swap(c.token_classes);
    strong_classes.swap(c.strong_classes);
    lex.swap(c.lex);
    caps_line.swap(c.caps_line);
    country.swap(c.country);
    line_has_number.swap(c.line_has_number);
    swap_lists(cap_tokens, c.cap_tokens);
    swap_lists(line_starts, c.line_starts);
    swap_lists(role_nouns, c.role_nouns);
    swap_lists(title_matches, c.title_matches);
    swap_lists(mention_matches, c.mention_matches);
  }
};

namespace {
thread_local ContextBuffers t_context_buffers;
}  // namespace

Context::~Context() {
  if (first_match.capacity() <= ContextBuffers::kKeptTokens &&
      matches.capacity() <= 4 * ContextBuffers::kKeptTokens) {
    t_context_buffers.exchange(*this);  // what the pool held is freed with this Context
  }
}

Context::Context(const text::TokenizedText& tokens, const gazetteer::Matcher& m)
    : tt(tokens),
      matcher(m),
      tokens_data(tokens.tokens.data()),
      token_count(tokens.tokens.size()),
      text_data(tokens.text.data()),
      folded_data(tokens.folded.data()) {
  t_context_buffers.exchange(*this);  // empty buffers go to the pool, kept ones come here
  const std::size_t n = tt.tokens.size();
  const text::Token* toks = tt.tokens.data();
  first_match.assign(n, kNone);
  token_classes.assign(n, 0);
  strong_classes.assign(n, 0);
  lex.assign(n, 0);
  caps_line.assign(n, 0);
  country.assign(n, 0);
  // The loops below write through plain pointers: a byte store through a
  // member vector would make the compiler reload every vector's data pointer.
  std::uint16_t* lex_bits = lex.data();
  std::uint8_t* caps = caps_line.data();

  // One pass over each line: whether it is "in capitals" (most of its letter
  // tokens are all caps), and the lists the recognizers walk instead of every
  // token (cap_tokens, line_starts; role_nouns comes with the lexicon bits,
  // in the matcher's pass below).
  std::uint32_t* const cap_list = cap_tokens.room_for(n);
  std::uint32_t* const line_list = line_starts.room_for(n + 1);
  std::uint32_t* const role_list = role_nouns.room_for(n);
  std::size_t line_count = 0, role_count = 0;
  // (Kept entries are overwritten, only growth is zero-filled; cut to size after.)
  line_has_number.resize(n + 1);
  std::uint8_t* const line_numbers = line_has_number.data();
  // Per shape, what a token adds to two counters of 32-bit lanes: `tally`
  // (low: cap_tokens' shapes, Alnum too; high: words for the capitals rule,
  // letter tokens, not Alnum "G20") and `kinds` (low: all caps; high: digits).
  // The counters run over the whole text (no lane can carry: n < 2^32) and a
  // line's counts are differences: per token two table adds instead of four
  // shift-and-add or compare-and-add counts (half the loop's instructions).
  // The low lane of `tally` is also the next free slot of cap_tokens: every
  // token index is written there and kept only for a cap_tokens shape (no
  // branch on the shape, which changes from token to token without a pattern).
  constexpr std::uint64_t kHigh = std::uint64_t{1} << 32;
  constexpr auto kTally = [] {
    std::array<std::uint64_t, 8> t{};
    for (const Shape s : {Shape::Capitalized, Shape::AllCaps, Shape::Mixed, Shape::Alnum}) {
      t[static_cast<unsigned>(s)] |= 1;
    }
    for (const Shape s : {Shape::Lower, Shape::Capitalized, Shape::AllCaps, Shape::Mixed}) {
      t[static_cast<unsigned>(s)] |= kHigh;
    }
    return t;
  }();
  constexpr auto kKinds = [] {
    std::array<std::uint64_t, 8> t{};
    t[static_cast<unsigned>(Shape::AllCaps)] = 1;
    t[static_cast<unsigned>(Shape::Digits)] = kHigh;
    return t;
  }();
  static_assert(static_cast<unsigned>(Shape::Symbol) < 8);
  std::uint64_t tally = 0, kinds = 0;
  int sports_words = 0, score_lines = 0;
  for (std::size_t b = 0; b < n;) {
    line_list[line_count++] = static_cast<std::uint32_t>(b);
    const std::uint64_t tally_before = tally, kinds_before = kinds;
    std::size_t e = b;
    do {
      const unsigned s = static_cast<unsigned>(toks[e].shape);
      cap_list[static_cast<std::uint32_t>(tally)] = static_cast<std::uint32_t>(e);
      tally += kTally[s];
      kinds += kKinds[s];
    } while (++e < n && !toks[e].newline_before);
    const auto words = static_cast<std::uint32_t>((tally >> 32) - (tally_before >> 32));
    const auto caps_words = static_cast<std::uint32_t>(kinds - kinds_before);
    const auto digits = static_cast<std::uint32_t>((kinds >> 32) - (kinds_before >> 32));
    if (words >= 2 && caps_words * 4 >= words * 3) std::fill(caps + b, caps + e, 1);
    // "Name 2 Name 1" or "Name 4 2 1 1 6 6 7": short lines of names and numbers.
    if (words >= 1 && words <= 8 && digits >= 2 && digits * 2 >= words) ++score_lines;
    line_numbers[line_count - 1] = digits != 0;
    b = e;
  }
  line_has_number.resize(line_count);
  if (n > 0) line_list[line_count++] = static_cast<std::uint32_t>(n);
  const std::size_t cap_count = static_cast<std::uint32_t>(tally);
  cap_tokens.size_ = cap_count;
  line_starts.size_ = line_count;

  // The matches, as the matcher finds them. Most are of evidence classes on
  // one token, which only set per-token bits: the matcher gives those as one
  // summary per token (TypeBits below) instead of a match per entry.
  // `matches` keeps the TITLE and mention matches, the only ones that the
  // recognizers read (about a quarter), so that no vector of all matches is
  // written and read again.
  std::uint16_t* classes = token_classes.data();
  std::uint16_t* strong = strong_classes.data();
  std::uint8_t* country_bits = country.data();
  // The three mention classes come first in EntryClass.
  static_assert(EntryClass::Person < EntryClass::GivenName && EntryClass::Location < EntryClass::GivenName &&
                EntryClass::Organization < EntryClass::GivenName);
  // `matches` is written through a cursor into elements made in advance (news
  // text has about 0.4 kept matches per token), grown when full, and cut to
  // size after: push_back was a call per match (GCC did not inline it here).
  matches.resize(n / 2 + 16);
  gazetteer::Match* out = matches.data();
  gazetteer::Match* out_end = out + matches.size();
  auto grow = [&]() __attribute__((noinline)) {
    const std::size_t used = static_cast<std::size_t>(out - matches.data());
    matches.resize(2 * matches.size());
    out = matches.data() + used;
    out_end = matches.data() + matches.size();
  };
  // The rule of `counts` below for the token-bit classes, applied to the
  // matcher's summary of a token's entries of those classes at once.
  constexpr std::uint16_t kHeadBits = class_bit(EntryClass::OrgHead);
  constexpr std::uint16_t kNameBits =
      class_bit(EntryClass::GivenName) | class_bit(EntryClass::Surname) | class_bit(EntryClass::Demonym);
  static_assert([] {
    for (int c = 0; c < gazetteer::kEntryClassCount; ++c) {
      const auto cls = static_cast<EntryClass>(c);
      if (gazetteer::is_bit_class(cls) != (((kHeadBits | kNameBits | class_bit(EntryClass::Word)) & class_bit(cls)) != 0))
        return false;
    }
    return true;
  }());
  // An organization head word counts when written as listed, in capitals, or
  // capitalized; but a two-letter head is an acronym ("XI", "SA", "AG"):
  // written otherwise ("Xi" in "Xi Jinping", "Sa") it is a name or a word.
  const auto org_head_counts = [](bool exact, const text::Token& t) {
    return exact || t.shape == Shape::AllCaps || (t.shape == Shape::Capitalized && t.fold_size > 2);
  };
  // What a token's surface and shape decide, summarized once per token type
  // (the matcher keeps the summaries: Matcher::for_each_listed): its lexicon
  // bits and its token-bit classes, both outside and inside a capitals line
  // (which only an all-caps token's name classes depend on).
  const auto& table = lexicon();
  auto summarize = [&](const text::Token& t, const gazetteer::KeyBits* keys, std::size_t count) {
    TypeBits b;
    const Shape s = t.shape;
    if (s != Shape::Digits) b.lex = table.bits(t.fold_hash, t.fold_size);
    if (s == Shape::Lower) b.cues = b.lex & (kLexSports | kLexRoleNoun);
    for (std::size_t k = 0; k < count; ++k) {
      const gazetteer::KeyBits& key = keys[k];
      for (unsigned in_caps = 0; in_caps < 2; ++in_caps) {
        std::uint16_t counting = class_bit(EntryClass::Word);
        if (org_head_counts(key.exact, t)) counting |= kHeadBits;
        if (key.exact || (s == Shape::AllCaps && in_caps) || (key.deaccented && s != Shape::Lower)) {
          counting |= kNameBits;
        }
        b.classes[in_caps] |= key.classes & counting;
        b.strong[in_caps] |= key.strong & counting;
      }
    }
    return b;
  };
  // Per token, before its matches (which only add bits): the summary's bits
  // for its line, and the lowercase sports words and role nouns.
  // (The arrays' pointers captured by value, here and in the match lambda:
  // the matcher's loop reads its lambdas through their closures, and a pointer
  // captured by reference costs two dependent loads per use instead of one.)
  auto apply = [&, lex_bits, caps, classes, strong, role_list](std::uint32_t i, const TypeBits& b)
                   __attribute__((always_inline)) {
    lex_bits[i] = b.lex;
    const unsigned in_caps = caps[i];
    classes[i] = b.classes[in_caps];
    strong[i] = b.strong[in_caps];
    if (b.cues) {
      sports_words += (b.cues & kLexSports) != 0;
      if (b.cues & kLexRoleNoun) role_list[role_count++] = i;
    }
  };
  // (always_inline: the matcher's loop is too large for GCC to inline into by itself.)
  matcher.for_each_listed(tt, [&, toks, caps, classes, strong, country_bits](const gazetteer::Match& mt)
                                  __attribute__((always_inline)) {
    const bool listed = mt.cls < EntryClass::GivenName || mt.cls == EntryClass::Title;
    if (listed) {
      if (out == out_end) grow();
      *out++ = mt;
    }
    const std::size_t i = mt.token_begin;
    if (mt.token_end != i + 1) return;
    const Shape s = toks[i].shape;
    bool counts;
    if (mt.cls == EntryClass::Word) {
      counts = true;  // common words are looked up case-insensitively
    } else if (mt.cls == EntryClass::Title) {
      counts = mt.exact_case || s == Shape::AllCaps || s == Shape::Capitalized;
    } else if (mt.cls == EntryClass::OrgHead) {
      counts = org_head_counts(mt.exact_case, toks[i]);
    } else {
      counts = mt.exact_case || (s == Shape::AllCaps && caps[i]) || (mt.deaccented && s != Shape::Lower);
    }
    if (!counts) return;
    classes[i] |= class_bit(mt.cls);
    if (!(mt.flags & gazetteer::kAmbiguous)) strong[i] |= class_bit(mt.cls);
    if (mt.cls == EntryClass::Location && (mt.exact_case || s == Shape::AllCaps) &&
        is_country_list(matcher.list_name(mt))) {
      country_bits[i] = 1;
    }
  }, summarize, apply);
  matches.resize(static_cast<std::size_t>(out - matches.data()));
  role_nouns.size_ = role_count;
  sports = score_lines >= 2 || sports_words >= 4;

  // Then the index lists over the matches kept.
  const gazetteer::Match* mts = matches.data();
  const auto match_count = static_cast<std::uint32_t>(matches.size());
  std::uint32_t* first = first_match.data();
  std::uint32_t last_begin = kNone;
  std::uint32_t* const title_list = title_matches.room_for(match_count);
  std::uint32_t* const mention_list = mention_matches.room_for(match_count);
  std::size_t title_count = 0, mention_count = 0;
  std::uint32_t run_first = 0;  // the first match of token last_begin
  for (std::uint32_t k = 0; k < match_count; ++k) {
    const gazetteer::Match& mt = mts[k];
    const std::size_t i = mt.token_begin;
    // Matches are ordered by token_begin: a new token_begin starts a run, and
    // its first match is stored again for every match of the run (a store, not
    // a branch that half of the matches would take).
    run_first = i != last_begin ? k : run_first;
    last_begin = mt.token_begin;
    first[i] = run_first;
    if (mt.cls != EntryClass::Title) {
      // Not one that starts with a lowercase word and is not the entry's own
      // capitalization ("bath", "march"): no mention (see mention_matches);
      // 28% of them in real news text, 15% in the generated corpus.
      // (Written always, kept or not: no branch.)
      mention_list[mention_count] = k;
      mention_count += mt.exact_case || toks[i].shape != Shape::Lower;
    } else {
      title_list[title_count++] = k;
      if (mt.token_end != mt.token_begin + 1 && (mt.exact_case || caps[i])) lex_bits[i] |= kLexTitleStart;
    }
  }
  title_matches.size_ = title_count;
  mention_matches.size_ = mention_count;
}

}  // namespace newsner::recognize
