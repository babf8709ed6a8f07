#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "newsner/gazetteer/image.hpp"
#include "newsner/gazetteer/loader.hpp"
#include "newsner/gazetteer/matcher.hpp"
#include "newsner/text/tokenizer.hpp"

using namespace newsner::gazetteer;

namespace {

const char* kList =
    "# a test list\n"
    "New York\tLOCATION\tgeonames:5128581\tpop=8000000\n"
    "New York Times\tORGANIZATION\n"
    "York\tLOCATION\tgeonames:2633352\n"
    "S\xC3\xA3o Paulo\tLOCATION\tgeonames:3448439\tfold\n"
    "M\xC3\xBCnchen\tLOCATION\n"
    "Reading\tLOCATION\t\tamb\n"
    "Jean-Michel\tGIVEN_NAME\n"
    "McDonald's\tORGANIZATION\n"
    "reading\tWORD\n";

Matcher make_matcher(const char* tsv = kList) {
  std::vector<SourceEntry> entries;
  REQUIRE(parse_tsv(tsv, "test.tsv", 0, entries).empty());
  std::string err;
  std::string image = build_image(entries, {"test"}, err);
  REQUIRE(err.empty());
  auto g = Gazetteer::adopt(std::move(image), err);
  REQUIRE(g.has_value());
  return Matcher({*g});
}

// The image of `tsv`, one list named `list`.
Gazetteer image_of(const std::string& tsv, const std::string& list) {
  std::vector<SourceEntry> entries;
  REQUIRE(parse_tsv(tsv, list + ".tsv", 0, entries).empty());
  std::string err;
  auto g = Gazetteer::adopt(build_image(entries, {list}, err), err);
  REQUIRE(g.has_value());
  return *g;
}

struct Found {
  std::string text, name;
  bool exact;
};

std::vector<Found> find(const Matcher& m, const std::string& text) {
  newsner::text::Tokenizer tok;
  auto tt = tok.tokenize(text);
  std::vector<Match> out;
  m.find_all(tt, out);
  std::vector<Found> f;
  for (const auto& x : out) {
    auto span = newsner::Span{tt.tokens[x.token_begin].span.begin, tt.tokens[x.token_end - 1].span.end};
    f.push_back({text.substr(span.begin, span.size()), std::string(m.entry(x).name), x.exact_case});
  }
  return f;
}

}  // namespace

TEST_CASE("gazetteer TSV loader") {
  std::vector<SourceEntry> e;
  SUBCASE("columns and flags") {
    CHECK(parse_tsv("Paris\tLOCATION\tgeonames:1\tpop=2000000,fold\n", "x", 3, e).empty());
    REQUIRE(e.size() == 1);
    CHECK(e[0].population == 2000000);
    CHECK((e[0].flags & kFold) != 0);
    CHECK(e[0].list == 3);
    CHECK(e[0].country[0] == 0);
  }
  SUBCASE("a place's country (cc=XX), kept in the image") {
    CHECK(parse_tsv("Paris\tLOCATION\tgeonames:4717560\tpop=24782,cc=US\n", "x", 0, e).empty());
    REQUIRE(e.size() == 1);
    CHECK(std::string_view(e[0].country, 2) == "US");
    std::string error;
    auto g = Gazetteer::adopt(build_image(e, {"cities"}, error), error);
    REQUIRE(g);
    CHECK(g->entry(0).country == "US");
    CHECK(parse_tsv("Paris\tLOCATION\t\tcc=usa\n", "f.tsv", 0, e) == "f.tsv:1: unknown flag \"cc=usa\"");
  }
  SUBCASE("a town's first-level division (a1=CC-X), with its country, kept in the image") {
    CHECK(parse_tsv("Kelvo\tLOCATION\tgeonames:1\ta1=US-ME\nTarvo\tLOCATION\tgeonames:2\tcc=GB,a1=GB-SCT\n"
                    "Paris\tLOCATION\tgeonames:3\tcc=FR\n",
                    "x", 0, e)
              .empty());
    REQUIRE(e.size() == 3);
    CHECK(std::string_view(e[0].country, 2) == "US");
    std::string error;
    auto g = Gazetteer::adopt(build_image(e, {"cities"}, error), error);
    REQUIRE(g);
    CHECK(g->admin1(0) == "ME");
    CHECK(g->entry(0).country == "US");
    CHECK(g->admin1(1) == "SCT");
    CHECK(g->admin1(2) == "");
    CHECK(g->entry(1).kb_id == "geonames:2");
    CHECK(parse_tsv("Paris\tLOCATION\t\ta1=US-MAINE\n", "f.tsv", 0, e) == "f.tsv:1: unknown flag \"a1=US-MAINE\"");
    CHECK(parse_tsv("Paris\tLOCATION\t\ta1=me\n", "f.tsv", 0, e) == "f.tsv:1: unknown flag \"a1=me\"");
  }
  SUBCASE("errors name file and line and quote the text") {
    CHECK(parse_tsv("# c\n\nParis\n", "f.tsv", 0, e) == "f.tsv:3: expected \"name<TAB>type[<TAB>kb_id[<TAB>flags]]\", got \"Paris\"");
    CHECK(parse_tsv("Paris\tCITY\n", "f.tsv", 0, e) == "f.tsv:1: unknown type \"CITY\"");
    CHECK(parse_tsv("Paris\tLOC\t\tbig\n", "f.tsv", 0, e) == "f.tsv:1: unknown flag \"big\"");
    // a flag in the kb_id column
    CHECK(parse_tsv("Kelvo\tORG\tamb\n", "f.tsv", 0, e) ==
          "f.tsv:1: \"amb\" in the kb_id column is a flag: flags go in the fourth column (name<TAB>type<TAB><TAB>amb)");
    CHECK(parse_tsv("Kelvo\tORG\twikidata:Q1\n", "f.tsv", 0, e) == "");
  }
  CHECK(list_name_of("gazetteers/curated/news_media.tsv") == "news_media");
}

TEST_CASE("gazetteer matcher: multi-token, case, diacritics") {
  const Matcher m = make_matcher();
  SUBCASE("all matches at a start, longest first") {
    auto f = find(m, "He reads the New York Times daily.");
    REQUIRE(f.size() >= 3);
    CHECK(f[0].name == "New York Times");
    CHECK(f[1].name == "New York");
    CHECK(f[2].name == "York");
  }
  SUBCASE("exact case is reported; other cases still match") {
    auto f = find(m, "NEW YORK");
    REQUIRE(!f.empty());
    CHECK(f[0].name == "New York");
    CHECK_FALSE(f[0].exact);
    CHECK(find(m, "New York")[0].exact);
    // Lower-case text: its surface is its folded form (the matcher's shortcut).
    for (const auto& x : find(m, "reading")) CHECK(x.exact == (x.name == "reading"));
    for (const auto& x : find(m, "Reading")) CHECK(x.exact == (x.name == "Reading"));
    CHECK_FALSE(find(m, "new york")[0].exact);
  }
  SUBCASE("diacritic-free spelling only where the entry allows it") {
    auto f = find(m, "flights to Sao Paulo");
    REQUIRE(f.size() == 1);
    CHECK(f[0].name == "S\xC3\xA3o Paulo");
    CHECK_FALSE(f[0].exact);
    CHECK(find(m, "Munchen").empty());  // no "fold" flag
    CHECK(find(m, "M\xC3\xBCnchen").size() == 1);
  }
  SUBCASE("a name spelled so itself stays exact when an accented variant folds to it") {
    const Matcher both = make_matcher(
        "Tarvel\tLOCATION\tgeonames:7\n"
        "T\xC3\xA1rvel\tLOCATION\tgeonames:7\tfold\n");
    const auto f = find(both, "Police in Tarvel said");
    REQUIRE(f.size() == 2);
    for (const auto& x : f) CHECK(x.exact);
    for (const auto& x : find(both, "TARVEL")) CHECK_FALSE(x.exact);
    CHECK(find(both, "T\xC3\xA1rvel")[0].exact);
  }
  SUBCASE("exact case of non-ASCII names compares their NFC forms") {
    CHECK(find(m, "M\xC3\xBCnchen")[0].exact);
    CHECK(find(m, "Mu\xCC\x88nchen")[0].exact);  // decomposed u + U+0308
    CHECK_FALSE(find(m, "M\xC3\x9CNCHEN")[0].exact);
    CHECK_FALSE(find(m, "m\xC3\xBCnchen")[0].exact);
  }
  SUBCASE("hyphens and possessives tokenized like the entry") {
    CHECK(find(m, "Jean-Michel Basquiat")[0].name == "Jean-Michel");
    CHECK(find(m, "at McDonald's today")[0].name == "McDonald's");
  }
  SUBCASE("a match never crosses a line break") {
    for (const auto& x : find(m, "New\nYork")) CHECK(x.name != "New York");
  }
  SUBCASE("ambiguity flag is kept") {
    std::vector<Match> out;
    m.lookup("reading", out);
    bool amb = false, word = false;
    for (const auto& x : out) {
      auto e = m.entry(x);
      if (e.cls == EntryClass::Location) amb = (e.flags & kAmbiguous) != 0;
      if (e.cls == EntryClass::Word) word = true;
    }
    CHECK(amb);
    CHECK(word);
  }
}

TEST_CASE("gazetteer matcher agrees with a brute-force scan") {
  // Every (start, length) window whose folded tokens equal an entry key must be found.
  const Matcher m = make_matcher();
  const std::vector<std::string> words = {"New", "York", "Times", "new", "YORK", "Reading", "the", "reading", "york"};
  newsner::text::Tokenizer tok;
  for (int seed = 0; seed < 200; ++seed) {
    std::string text;
    unsigned x = static_cast<unsigned>(seed) * 2654435761u + 1;
    for (int k = 0; k < 6; ++k) {
      x = x * 1103515245u + 12345u;
      if (k) text += ' ';
      text += words[(x >> 16) % words.size()];
    }
    auto tt = tok.tokenize(text);
    std::vector<Match> got;
    m.find_all(tt, got);
    std::size_t expected = 0;
    for (std::size_t b = 0; b < tt.tokens.size(); ++b) {
      std::string key;
      for (std::size_t e = b; e < tt.tokens.size(); ++e) {
        if (e > b) key += ' ';
        key += std::string(tt.folded_form(tt.tokens[e]));
        std::vector<Match> hits;
        m.lookup(key, hits);
        expected += hits.size();
      }
    }
    CHECK_MESSAGE(got.size() == expected, text);
    // Exact case: the matched tokens are the entry's tokens byte for byte (ASCII).
    for (const Match& x : got) {
      const auto name = tok.tokenize(m.entry(x).name);
      bool same = name.tokens.size() == x.token_end - x.token_begin;
      for (std::size_t k = 0; same && k < name.tokens.size(); ++k) {
        same = name.surface(name.tokens[k]) == tt.surface(tt.tokens[x.token_begin + k]);
      }
      CHECK_MESSAGE(x.exact_case == same, text);
    }
  }
}

TEST_CASE("gazetteer image rejects foreign bytes") {
  std::string err;
  alignas(8) static const char junk[64] = "not an image";
  CHECK_FALSE(Gazetteer::open(std::string_view(junk, sizeof junk), err).has_value());
  CHECK_FALSE(err.empty());
}

TEST_CASE("gazetteer image: every key is found through the tag array, absent keys are not") {
  // Enough keys for long probe runs and tag collisions between neighbours.
  std::string tsv;
  for (int k = 0; k < 5000; ++k) tsv += "Place" + std::to_string(k) + " Town\tLOCATION\n";
  const Gazetteer g = image_of(tsv, "many");
  int found = 0, prefixes = 0, absent = 0;
  for (int k = 0; k < 5000; ++k) {
    const std::string name = "place" + std::to_string(k);
    const auto full = g.find(name + " town");
    if (full && full->entry_count == 1 && g.entry(full->entries[0].entry).name == "Place" + std::to_string(k) + " Town") ++found;
    const auto prefix = g.find(name);
    if (prefix && prefix->entry_count == 0 && prefix->extends) ++prefixes;
    if (!g.find(name + " city") && !g.find_hash(key_hash(name + " town") ^ 1)) ++absent;
  }
  CHECK(found == 5000);
  CHECK(prefixes == 5000);
  CHECK(absent == 5000);
}

// The matcher asks Gazetteer::may_hold_pair before it looks a two-token key
// up: it must pass every two-token key, whole ("alpha7 beta") or the prefix of
// a longer one ("gamma7 delta" of "gamma7 delta town"), and stop most others.
TEST_CASE("gazetteer image: the two-token key filter passes every such key") {
  std::string tsv;
  constexpr int kKeys = 3000;
  for (int k = 0; k < kKeys; ++k) {
    const std::string n = std::to_string(k);
    tsv += "Alpha" + n + " Beta\tLOCATION\nGamma" + n + " Delta Town\tLOCATION\nSolo" + n + "\tLOCATION\n";
  }
  const Gazetteer g = image_of(tsv, "pairs");
  int passed = 0, others_passed = 0;
  for (int k = 0; k < kKeys; ++k) {
    const std::string n = std::to_string(k);
    passed += g.may_hold_pair(key_hash("alpha" + n + " beta")) && g.may_hold_pair(key_hash("gamma" + n + " delta"));
    others_passed += g.may_hold_pair(key_hash("alpha" + n + " delta"));
    others_passed += g.may_hold_pair(key_hash("solo" + n + " beta"));
  }
  CHECK(passed == kKeys);
  // 16 bits per two-token key: about 6% of other pairs pass.
  CHECK(others_passed < 2 * kKeys / 8);
  // The listed-pair filter passes the keys with a LOCATION entry, and few
  // others: a prefix has none.
  int listed_passed = 0, prefixes_passed = 0;
  for (int k = 0; k < kKeys; ++k) {
    const std::string n = std::to_string(k);
    listed_passed += g.may_hold_listed_pair(key_hash("alpha" + n + " beta"));
    prefixes_passed += g.may_hold_listed_pair(key_hash("gamma" + n + " delta"));
  }
  CHECK(listed_passed == kKeys);
  CHECK(prefixes_passed < kKeys / 8);
}

// The matcher asks Gazetteer::may_hold_triple before it looks a three-token
// key up: it must pass every such key, whole ("alpha7 beta gamma") or the
// prefix of a longer one ("delta7 epsilon zeta" of "delta7 epsilon zeta town"),
// and stop most others, such as a two- or four-token key's hash.
TEST_CASE("gazetteer image: the three-token key filter passes every such key") {
  std::string tsv;
  constexpr int kKeys = 3000;
  for (int k = 0; k < kKeys; ++k) {
    const std::string n = std::to_string(k);
    tsv += "Alpha" + n + " Beta Gamma\tLOCATION\nDelta" + n + " Epsilon Zeta Town\tLOCATION\nSolo" + n + " Pair\tLOCATION\n";
  }
  const Gazetteer g = image_of(tsv, "triples");
  int passed = 0, others_passed = 0;
  for (int k = 0; k < kKeys; ++k) {
    const std::string n = std::to_string(k);
    passed += g.may_hold_triple(key_hash("alpha" + n + " beta gamma")) &&
              g.may_hold_triple(key_hash("delta" + n + " epsilon zeta"));
    others_passed += g.may_hold_triple(key_hash("alpha" + n + " beta zeta"));
    others_passed += g.may_hold_triple(key_hash("solo" + n + " pair"));
    others_passed += g.may_hold_triple(key_hash("delta" + n + " epsilon zeta town"));
  }
  CHECK(passed == kKeys);
  // 16 bits per three-token key: about 6% of others pass.
  CHECK(others_passed < 3 * kKeys / 8);
}

// Lookups compare eight tags at once (Gazetteer::find_slot): at the highest
// load (1/2: 8190 keys in 16384 slots) probe runs of eight and more full
// slots are common and some wrap around the end of the table; every key is
// still found in its own slot, and no absent key is.
TEST_CASE("gazetteer image: lookups at the highest load, across long probe runs") {
  std::string tsv;
  constexpr int kKeys = 8190;
  for (int k = 0; k < kKeys; ++k) tsv += "word" + std::to_string(k) + "\tLOCATION\n";
  const Gazetteer g = image_of(tsv, "full");
  int found = 0, absent = 0;
  for (int k = 0; k < kKeys; ++k) {
    const std::string name = "word" + std::to_string(k);
    const Slot* slot = g.find_slot(key_hash(name));
    if (slot && slot->hash == slot_hash(key_hash(name)) && g.entry(slot->only.entry).name == name) ++found;
    if (!g.find_slot(key_hash("nowhere" + std::to_string(k))) && !g.find_slot(key_hash(name) ^ 0x10000)) ++absent;
  }
  CHECK(found == kKeys);
  CHECK(absent == kKeys);
}

// for_each_listed gives find_all's matches without those of the token-bit
// classes, and one summary per token for those of one-token keys: the same
// classes, "amb" flags, exact case and diacritics as the matches it replaces.
TEST_CASE("gazetteer matcher: for_each_listed summarizes token-bit entries") {
  const Matcher m = make_matcher(
      "Jordan\tLOCATION\n"
      "Jordan\tGIVEN_NAME\n"
      "Jordan\tSURNAME\t\tamb\n"
      "jordan\tWORD\n"
      "Bank\tORG_HEAD\n"
      "bank\tWORD\t\tamb\n"
      "Hudson Bay\tORG_HEAD\n"
      "Hudson Bay\tLOCATION\n"
      "Hudson\tSURNAME\n"
      "McKay\tSURNAME\n"
      "Mckay\tGIVEN_NAME\n"
      "Jos\xC3\xA9\tGIVEN_NAME\t\tfold\n"
      "Prime Minister\tTITLE\n");
  const Gazetteer& g = m.gazetteers()[0];
  // Token-bit entries that differ in capitalization cannot share one exact-case test.
  CHECK((g.find_slot(key_hash("mckay"))->ref_count_flags & kBitsMixedCase) != 0);
  CHECK((g.find_slot(key_hash("jordan"))->ref_count_flags & kBitsMixedCase) == 0);
  CHECK((g.find_slot(key_hash("jordan"))->ref_count_flags & kHasOthers) != 0);
  CHECK((g.find_slot(key_hash("bank"))->ref_count_flags & kHasOthers) == 0);
  newsner::text::Tokenizer tok;
  for (const std::string text : {"Jordan and jordan met JORDAN at the Bank of Hudson Bay.",
                                 "the bank, BANK, McKay, MCKAY, Mckay; Jose and Jos\xC3\xA9 and JOSE",
                                 "Prime Minister Hudson in hudson bay", ""}) {
    INFO("text: " << text);
    const auto tt = tok.tokenize(text);
    std::vector<Match> all, listed;
    m.find_all(tt, all);
    struct Bits {
      std::uint16_t classes = 0, strong = 0;
      int calls = 0;
      bool exact = false, deaccented = false;
    };
    std::vector<Bits> bits(tt.tokens.size());
    m.for_each_listed(
        tt, [&](const Match& x) { listed.push_back(x); },
        [](const newsner::text::Token&, const KeyBits* keys, std::size_t count) {
          return count == 0 ? KeyBits{} : keys[0];
        },
        [&](std::uint32_t i, const KeyBits& key) {
          bits[i] = {key.classes, key.strong, bits[i].calls + 1, key.exact, key.deaccented};
        });
    std::vector<Match> expected;
    std::vector<std::uint16_t> classes(tt.tokens.size(), 0), strong(tt.tokens.size(), 0);
    for (const Match& x : all) {
      const bool one = x.token_end == x.token_begin + 1;
      const bool mixed = (g.find_slot(key_hash(tt.folded_form(tt.tokens[x.token_begin])))->ref_count_flags &
                          kBitsMixedCase) != 0;
      if (!is_bit_class(x.cls) || (one && mixed)) {
        expected.push_back(x);
        continue;
      }
      if (!one) continue;  // left out
      const auto bit = static_cast<std::uint16_t>(1u << static_cast<unsigned>(x.cls));
      classes[x.token_begin] |= bit;
      if (!(x.flags & kAmbiguous)) strong[x.token_begin] |= bit;
      const Bits& b = bits[x.token_begin];
      if (x.cls != EntryClass::Word) CHECK(b.exact == x.exact_case);
      CHECK(b.deaccented == x.deaccented);
    }
    REQUIRE(listed.size() == expected.size());
    for (std::size_t k = 0; k < listed.size(); ++k) {
      CHECK(listed[k].token_begin == expected[k].token_begin);
      CHECK(listed[k].token_end == expected[k].token_end);
      CHECK(listed[k].entry == expected[k].entry);
      CHECK(listed[k].exact_case == expected[k].exact_case);
    }
    for (std::size_t i = 0; i < tt.tokens.size(); ++i) {
      INFO("token " << i);
      CHECK(bits[i].calls <= 1);
      CHECK(bits[i].classes == classes[i]);
      CHECK(bits[i].strong == strong[i]);
    }
  }
}

namespace {
// for_each_listed through a single call site: every call shares one
// instantiation and so this thread's memo of token types.
struct TypeCalls {
  std::vector<KeyBits> bits;
  int summaries = 0;
  std::vector<std::uint32_t> match_begins;
};
TypeCalls listed_types(const Matcher& m, const newsner::text::TokenizedText& tt) {
  TypeCalls out;
  out.bits.resize(tt.tokens.size());
  m.for_each_listed(
      tt, [&](const Match& x) { out.match_begins.push_back(x.token_begin); },
      [&](const newsner::text::Token&, const KeyBits* keys, std::size_t count) {
        ++out.summaries;
        return count == 0 ? KeyBits{} : keys[0];
      },
      [&](std::uint32_t i, const KeyBits& key) { out.bits[i] = key; });
  return out;
}
}  // namespace

// for_each_listed summarizes a token type (surface and shape) once and keeps
// the summary across documents, but only for the matcher it came from.
TEST_CASE("gazetteer matcher: for_each_listed summarizes each token type once per matcher") {
  const Matcher given = make_matcher("Jordan\tGIVEN_NAME\n");
  const Matcher surname = make_matcher("Jordan\tSURNAME\n");
  newsner::text::Tokenizer tok;
  const auto tt = tok.tokenize("Jordan met Jordan and jordan met Jordan.");
  constexpr auto kGiven = static_cast<std::uint16_t>(1u << static_cast<unsigned>(EntryClass::GivenName));
  constexpr auto kSurname = static_cast<std::uint16_t>(1u << static_cast<unsigned>(EntryClass::Surname));
  const TypeCalls first = listed_types(given, tt);
  CHECK(first.summaries == 4);  // "Jordan", "met", "and", "jordan"
  CHECK(first.bits[0].classes == kGiven);
  CHECK(first.bits[0].exact);
  CHECK(first.bits[6].classes == kGiven);
  CHECK(first.bits[4].classes == kGiven);  // "jordan": the class, not the case
  CHECK_FALSE(first.bits[4].exact);
  const TypeCalls again = listed_types(given, tt);
  CHECK(again.summaries == 0);
  CHECK(again.bits[2].classes == kGiven);
  const TypeCalls other = listed_types(surname, tt);
  CHECK(other.summaries == 4);
  CHECK(other.bits[0].classes == kSurname);
  CHECK(other.bits[2].classes == kSurname);
}

// The memo also holds two-token keys found in no gazetteer ("new york" where
// only "New Delhi" is listed), which are then not looked up again; it too
// belongs to one matcher.
TEST_CASE("gazetteer matcher: for_each_listed remembers absent pairs per matcher") {
  const Matcher delhi = make_matcher("New Delhi\tLOCATION\n");
  const Matcher york = make_matcher("New York\tLOCATION\n");
  newsner::text::Tokenizer tok;
  const auto tt = tok.tokenize("New York, New Delhi, New York and New Delhi");
  for (int round = 0; round < 2; ++round) {
    INFO("round " << round);
    CHECK(listed_types(delhi, tt).match_begins == std::vector<std::uint32_t>{3, 9});
    CHECK(listed_types(york, tt).match_begins == std::vector<std::uint32_t>{0, 6});
  }
}

// for_each_listed looks token types up several tokens ahead of their matches
// (detail::kCheckAhead etc.): in a document much longer than that pipeline, it
// gives the matches and token bits that find_all's matches imply, and a new
// type that comes up twice between its memo check and its fill is still
// summarized once.
TEST_CASE("gazetteer matcher: for_each_listed over a document longer than its look-ahead") {
  const Matcher m = make_matcher(
      "Jordan\tLOCATION\n"
      "Jordan\tGIVEN_NAME\n"
      "Hudson Bay\tLOCATION\n"
      "Hudson\tSURNAME\n"
      "New York\tLOCATION\n"
      "New York Times\tORGANIZATION\n"
      "Zed\tSURNAME\n");
  using newsner::gazetteer::detail::kCheckAhead;
  using newsner::gazetteer::detail::kSettleAhead;
  static_assert(kCheckAhead - kSettleAhead > 3);
  // "Zed" is new at token 3 * kCheckAhead + 1 and again 2 tokens later,
  // before the fill of the first: both are checked as misses.
  std::string text;
  std::vector<std::string> words = {"Jordan", "and", "Hudson", "Bay", "met", "the", "New", "York",
                                    "Times", "in", "New", "York", "."};
  for (std::size_t k = 0; k < 3 * kCheckAhead; ++k) text += words[k % words.size()] + " ";
  text += "x Zed y Zed Jordan Hudson Bay";
  newsner::text::Tokenizer tok;
  const auto tt = tok.tokenize(text);
  REQUIRE(tt.tokens.size() > 3 * kCheckAhead + 4);
  REQUIRE(tt.surface(tt.tokens[3 * kCheckAhead + 1]) == "Zed");
  REQUIRE(tt.surface(tt.tokens[3 * kCheckAhead + 3]) == "Zed");
  std::vector<Match> all;
  m.find_all(tt, all);
  std::vector<std::uint32_t> begins;
  std::vector<std::uint16_t> classes(tt.tokens.size(), 0);
  for (const Match& x : all) {
    if (!is_bit_class(x.cls)) begins.push_back(x.token_begin);
    else if (x.token_end == x.token_begin + 1) classes[x.token_begin] |= 1u << static_cast<unsigned>(x.cls);
  }
  const TypeCalls got = listed_types(m, tt);  // (find_all does not use the memo)
  CHECK(got.match_begins == begins);
  for (std::size_t i = 0; i < tt.tokens.size(); ++i) {
    INFO("token " << i);
    CHECK(got.bits[i].classes == classes[i]);
  }
  // The word list's 10 types ("." starts no key), "x", "Zed" (once), "y".
  CHECK(got.summaries == 13);
}

namespace {
// for_each_listed's matches through a single call site (one memo, see above).
std::vector<Match> listed_matches(const Matcher& m, const newsner::text::TokenizedText& tt) {
  std::vector<Match> out;
  m.for_each_listed(
      tt, [&](const Match& x) { out.push_back(x); },
      [](const newsner::text::Token&, const KeyBits*, std::size_t) { return 0; }, [](std::uint32_t, int) {});
  return out;
}
// find_all's matches that for_each_listed emits: all but the token-bit ones,
// except a one-token key's whose token-bit entries differ in capitalization.
std::vector<Match> expected_listed(const Matcher& m, const newsner::text::TokenizedText& tt) {
  std::vector<Match> all, out;
  m.find_all(tt, all);
  for (const Match& x : all) {
    const Slot* slot = m.gazetteers()[0].find_slot(key_hash(tt.folded_form(tt.tokens[x.token_begin])));
    const bool mixed = x.token_end == x.token_begin + 1 && slot && (slot->ref_count_flags & kBitsMixedCase);
    if (!is_bit_class(x.cls) || mixed) out.push_back(x);
  }
  return out;
}
void check_same(const std::vector<Match>& got, const std::vector<Match>& want) {
  REQUIRE(got.size() == want.size());
  for (std::size_t k = 0; k < got.size(); ++k) {
    INFO("match " << k);
    CHECK(got[k].token_begin == want[k].token_begin);
    CHECK(got[k].token_end == want[k].token_end);
    CHECK(got[k].entry == want[k].entry);
    CHECK(got[k].cls == want[k].cls);
    CHECK(got[k].flags == want[k].flags);
    CHECK(got[k].list == want[k].list);
    CHECK(got[k].gazetteer == want[k].gazetteer);
    CHECK(got[k].exact_case == want[k].exact_case);
    CHECK(got[k].deaccented == want[k].deaccented);
  }
}
}  // namespace

// A pair with no matches for for_each_listed to emit (a prefix only, or a key
// of token-bit entries only) is not read: the key of its three tokens is asked
// for instead (detail::kTypeTriple). Keys that start so are still found, of
// three tokens and longer, but not across a line break or past the text's end.
TEST_CASE("gazetteer matcher: for_each_listed finds longer keys past a pair with nothing listed") {
  const Matcher m = make_matcher(
      "Gamma Delta Town\tLOCATION\n"
      "Hudson Bay\tORG_HEAD\n"
      "Hudson Bay Company\tORGANIZATION\n"
      "Alpha Beta Gamma Delta\tORGANIZATION\n"
      "New York\tLOCATION\n"
      "New York Times\tORGANIZATION\n"
      "Gamma\tSURNAME\n");
  const Gazetteer& g = m.gazetteers()[0];
  CHECK(g.may_hold_pair(key_hash("gamma delta")));
  CHECK(g.may_hold_listed_pair(key_hash("new york")));
  CHECK(g.may_hold_triple(key_hash("alpha beta gamma")));
  newsner::text::Tokenizer tok;
  for (const std::string text :
       {"in Gamma Delta Town and the Hudson Bay Company, Alpha Beta Gamma Delta of New York Times",
        "Hudson Bay and Gamma Delta Village; Alpha Beta Gamma Epsilon; New York Post",
        "Gamma Delta\nTown, Hudson Bay\nCompany", "the Gamma Delta", "Alpha Beta Gamma"}) {
    INFO("text: " << text);
    const auto tt = tok.tokenize(text);
    check_same(listed_matches(m, tt), expected_listed(m, tt));
  }
}

// The same with two gazetteers: a pair listed in one and only a prefix in the
// other is read (both its matches and the longer key's are emitted); a pair
// that is a prefix in both is passed over for its three tokens in each.
TEST_CASE("gazetteer matcher: for_each_listed past a pair with nothing listed, two gazetteers") {
  const Gazetteer first = image_of("Gamma Delta Town\tLOCATION\nAlpha Beta Gamma\tORGANIZATION\n", "first");
  const Gazetteer second = image_of("Gamma Delta\tLOCATION\nAlpha Beta Gamma Delta\tLOCATION\n", "second");
  const Matcher m({first, second}, 2);
  newsner::text::Tokenizer tok;
  for (const std::string text : {"in Gamma Delta Town, Alpha Beta Gamma Delta and Alpha Beta Gamma.",
                                 "Gamma Delta\nTown; Alpha Beta\nGamma"}) {
    INFO("text: " << text);
    const auto tt = tok.tokenize(text);
    std::vector<Match> all;
    m.find_all(tt, all);  // (no token-bit entries here: for_each_listed emits them all)
    REQUIRE(!all.empty());
    check_same(listed_matches(m, tt), all);
  }
}

// The matches of a listed one-token key are kept in a per-thread memo by the
// token's surface (detail::ListedSlot) and given from there when the type
// comes up again: the same entries in the same order, each with the
// capitalization test of the token's own surface ("Paris" and "PARIS" differ),
// the deaccented flag, and for a key with more than kListedMax of them or
// another matcher, from the image again.
TEST_CASE("gazetteer matcher: for_each_listed gives memoized listed matches as the image does") {
  std::string tsv =
      "Paris\tLOCATION\tgeonames:1\tpop=2000000\n"
      "Paris\tPERSON\t\tamb\n"
      "PARIS\tORGANIZATION\n"
      "Paris Hilton\tPERSON\n"
      "Z\xC3\xBCrich\tLOCATION\t\tfold\n"
      "McKay\tSURNAME\n"
      "Mckay\tGIVEN_NAME\n"
      "Hilton\tORGANIZATION\n"
      "Hilton\tSURNAME\n";
  static_assert(newsner::gazetteer::detail::kListedMax < 9);
  for (int k = 0; k < 9; ++k) tsv += "Lima\tLOCATION\tgeonames:" + std::to_string(100 + k) + "\n";
  const Matcher m = make_matcher(tsv.c_str());
  const Matcher other = make_matcher("Paris\tORGANIZATION\nLima\tPERSON\n");
  newsner::text::Tokenizer tok;
  const auto tt = tok.tokenize(
      "Paris met PARIS and paris in Zurich, Z\xC3\xBCrich and Lima; Paris Hilton, Hilton, McKay, MCKAY and Mckay "
      "saw Lima, Paris and PARIS again.");
  const std::vector<Match> want = expected_listed(m, tt);
  const std::vector<Match> want_other = expected_listed(other, tt);
  REQUIRE(want.size() > 15);
  for (int round = 0; round < 3; ++round) {
    INFO("round " << round);
    check_same(listed_matches(m, tt), want);
    check_same(listed_matches(other, tt), want_other);
  }
}
