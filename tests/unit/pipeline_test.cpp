// The whole pipeline through the public API (newsner.hpp): DCT priority, repair
// of invalid UTF-8, user gazetteers, explain evidence, failure isolation.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "newsner/newsner.hpp"
#include "newsner/timex/dct.hpp"

using namespace newsner;

namespace {

std::shared_ptr<const Extractor> make(Options o = {}) {
  auto r = Extractor::create(o);
  REQUIRE_MESSAGE(r.ok(), r.error);
  return *r.value;
}

const Mention* find(const Extraction& r, std::string_view text) {
  for (const auto& m : r.mentions) {
    if (std::string_view(r.text).substr(m.span.begin, m.span.size()) == text) return &m;
  }
  return nullptr;
}

// A gazetteer file in the working directory, removed when the test ends.
struct TempGazetteer {
  std::string path;
  TempGazetteer(std::string p, const std::string& content) : path(std::move(p)) { std::ofstream(path) << content; }
  ~TempGazetteer() { std::remove(path.c_str()); }
};

}  // namespace

TEST_CASE("pipeline: mentions are sorted, typed and non-overlapping") {
  auto ex = make();
  Extraction r = ex->extract({"d", "Chancellor Angela Merkel met officials in Berlin on Monday.", std::nullopt});
  CHECK(r.error.empty());
  REQUIRE(find(r, "Angela Merkel"));
  CHECK(find(r, "Angela Merkel")->type == EntityType::Person);
  REQUIRE(find(r, "Berlin"));
  CHECK(find(r, "Berlin")->type == EntityType::Location);
  for (std::size_t i = 1; i < r.mentions.size(); ++i) {
    CHECK(r.mentions[i - 1].span.end <= r.mentions[i].span.begin);
  }
}

TEST_CASE("pipeline: DCT priority is flag, then document, then dateline") {
  const std::string text = "LONDON 1996-08-30\nThe talks ended yesterday.";
  SUBCASE("dateline") {
    Extraction r = make()->extract({"d", text, std::nullopt});
    REQUIRE(r.dct.has_value());
    CHECK(*r.dct == *newsner::timex::parse_iso_date("1996-08-30"));
    REQUIRE(find(r, "yesterday"));
    CHECK(find(r, "yesterday")->value == "1996-08-29");
  }
  SUBCASE("the document's own date beats the dateline") {
    Extraction r = make()->extract({"d", text, newsner::timex::parse_iso_date("2001-01-10")});
    CHECK(find(r, "yesterday")->value == "2001-01-09");
  }
  SUBCASE("--reference-date beats both") {
    Options o;
    o.reference_date = newsner::timex::parse_iso_date("2010-05-05");
    Extraction r = make(o)->extract({"d", text, newsner::timex::parse_iso_date("2001-01-10")});
    CHECK(find(r, "yesterday")->value == "2010-05-04");
  }
  SUBCASE("no DCT: unknown parts are X") {
    Extraction r = make()->extract({"d", "The deal was signed on December 19.", std::nullopt});
    REQUIRE(find(r, "December 19"));
    CHECK(find(r, "December 19")->value == "XXXX-12-19");
  }
}

TEST_CASE("pipeline: invalid UTF-8 is repaired with a warning") {
  Extraction r = make()->extract({"d", "Talks in Berlin \xff ended.", std::nullopt});
  CHECK(r.error.empty());
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.text == "Talks in Berlin \xEF\xBF\xBD ended.");
  CHECK(find(r, "Berlin"));
}

TEST_CASE("pipeline: empty and odd documents") {
  auto ex = make();
  CHECK(ex->extract({"d", "", std::nullopt}).mentions.empty());
  CHECK(ex->extract({"d", std::string("\0\0\0", 3), std::nullopt}).error.empty());
  CHECK(ex->extract({"d", std::string(10000, '-'), std::nullopt}).mentions.empty());
}

TEST_CASE("pipeline: a document's candidates do not reach the next one (per-thread buffers)") {
  auto ex = make();
  const Extraction first = ex->extract({"d", "Chancellor Angela Merkel met officials in Berlin on Monday.", std::nullopt});
  CHECK(first.mentions.size() >= 3);
  CHECK(ex->extract({"d", "", std::nullopt}).mentions.empty());
  const Extraction plain = ex->extract({"d", "no names at all here, just words.", std::nullopt});
  CHECK(plain.mentions.empty());
  const Extraction again = ex->extract({"d", "Officials met in Berlin.", std::nullopt});
  REQUIRE(again.mentions.size() == 1);
  CHECK(again.mentions[0].span == Span{17, 23});
}

TEST_CASE("pipeline: user gazetteer and explain") {
  const TempGazetteer gaz("newsner_pipeline_test_gazetteer.tsv", "# test\nZorblax Dynamics\tORGANIZATION\twikidata:Q0\n");
  Options o;
  o.gazetteer_files = {gaz.path};
  o.explain = true;
  // Evidence strings are views into the extractor's lists: keep it alive.
  const auto ex = make(o);
  Extraction r = ex->extract({"d", "Shares of Zorblax Dynamics rose.", std::nullopt});
  const Mention* m = find(r, "Zorblax Dynamics");
  REQUIRE(m);
  CHECK(m->type == EntityType::Organization);
  CHECK(m->kb_id == "wikidata:Q0");
  REQUIRE_FALSE(m->evidence.empty());
  CHECK(m->evidence[0] == "newsner_pipeline_test_gazetteer");
}

TEST_CASE("pipeline: a user's name without 'amb' counts at a sentence start too") {
  // "Lunar" is also a common word: a built-in list's name of it at a sentence
  // start would need more evidence; the user's flags say this one does not, and
  // the "amb" one does.
  const TempGazetteer gaz("newsner_pipeline_test_user_amb.tsv", "Lunar\tORGANIZATION\nNice\tLOCATION\t\tamb\n");
  for (const bool defaults : {true, false}) {
    CAPTURE(defaults);
    Options o;
    o.gazetteer_files = {gaz.path};
    o.default_gazetteers = defaults;
    const auto ex = make(o);
    Extraction r = ex->extract({"d", "Lunar has 500 staff. Nice weather helped.", std::nullopt});
    const Mention* m = find(r, "Lunar");
    REQUIRE(m);
    CHECK(m->type == EntityType::Organization);
    CHECK_FALSE(find(r, "Nice"));
  }
}

TEST_CASE("pipeline: a bad gazetteer file is a setup error naming file and line") {
  const TempGazetteer gaz("newsner_pipeline_test_bad.tsv", "# test\nNo type here\n");
  Options o;
  o.gazetteer_files = {gaz.path};
  auto r = Extractor::create(o);
  CHECK_FALSE(r.ok());
  CHECK(r.error.find("newsner_pipeline_test_bad.tsv:2") != std::string::npos);
}

TEST_CASE("pipeline: fuzzer regressions (tests/data/fuzz-regressions/extract)") {
  // Date patterns that matched from inside a token gave an out-of-range token
  // index (heap-buffer-overflow under ASan); such matches are not dates.
  auto ex = make();
  for (const std::string& text : {std::string("@Dec.e"), std::string("\x01\0\0@2019", 7),
                                 std::string("x2019 and Dec.5"), std::string("2019")}) {
    Extraction r = ex->extract({"d", text, newsner::timex::parse_iso_date("2019-01-15")});
    CHECK(r.error.empty());
    for (const auto& m : r.mentions) CHECK(m.span.end <= r.text.size());
  }
}

TEST_CASE("pipeline: Extraction::ascii says whether the text is all ASCII") {
  auto ex = make();
  CHECK(ex->extract({"d", "Officials met in Berlin.", std::nullopt}).ascii);
  CHECK(ex->extract({"d", "", std::nullopt}).ascii);
  CHECK_FALSE(ex->extract({"d", "Officials met in M\xC3\xBCnchen.", std::nullopt}).ascii);
  CHECK_FALSE(ex->extract({"d", "Talks in Berlin \xff ended.", std::nullopt}).ascii);  // repaired: U+FFFD
  // Sections: one non-ASCII character in the last of three makes the whole text non-ASCII.
  std::string text;
  while (text.size() < (std::size_t{5} << 19)) text += "Officials met in Berlin on Monday.\n\n";
  CHECK(ex->extract({"big", text, std::nullopt}).ascii);
  text += "Caf\xC3\xA9.";
  CHECK_FALSE(ex->extract({"big", text, std::nullopt}).ascii);
}

TEST_CASE("pipeline: a document over 1 MiB is processed in sections") {
  // ~2.5 MiB of paragraphs: every mention keeps its document offset and the
  // sentence indexes keep counting across section borders.
  const std::string paragraph = "Chancellor Angela Merkel met officials in Berlin on Monday.\n\n";
  std::string text;
  while (text.size() < (std::size_t{5} << 19)) text += paragraph;
  Extraction r = make()->extract({"big", text, newsner::timex::parse_iso_date("2019-01-15")});
  REQUIRE(r.error.empty());
  const std::size_t paragraphs = text.size() / paragraph.size();
  std::size_t merkel = 0, overlaps = 0, backwards = 0;
  std::uint32_t last_sentence = 0;
  for (std::size_t i = 0; i < r.mentions.size(); ++i) {
    const Mention& m = r.mentions[i];
    if (i && r.mentions[i - 1].span.end > m.span.begin) ++overlaps;
    if (m.sentence < last_sentence) ++backwards;
    last_sentence = m.sentence;
    if (std::string_view(r.text).substr(m.span.begin, m.span.size()) == "Angela Merkel") ++merkel;
  }
  CHECK(overlaps == 0);
  CHECK(backwards == 0);
  CHECK(merkel == paragraphs);
  CHECK(last_sentence + 1 >= paragraphs);
}

namespace {

// The mentions as "text/TYPE | ..." (to compare a whole sentence's output at once).
std::string typed(const Extraction& r) {
  std::string s;
  for (const auto& m : r.mentions) {
    if (!s.empty()) s += " | ";
    s += std::string(std::string_view(r.text).substr(m.span.begin, m.span.size())) + "/" +
         std::string(to_string(m.type));
  }
  return s;
}

// The same for one text without a DCT, extracted by `ex`.
std::string typed(const Extractor& ex, std::string text) {
  return typed(ex.extract({"d", std::move(text), std::nullopt}));
}

}  // namespace

TEST_CASE("pipeline: extract into an Extraction replaces every field, as a new one has them") {
  auto ex = make();
  Extraction r;
  ex->extract({"d", "Talks in Berlin \xff ended on 14 March 2019.", std::nullopt}, r);
  CHECK(r.warnings.size() == 1);
  CHECK(find(r, "Berlin"));
  const std::vector<std::string> docs = {"Chancellor Angela Merkel met officials in Berlin on Monday.",
                                         "", "no names at all here, just words.", "Officials met in M\xC3\xBCnchen."};
  for (const std::string& text : docs) {
    ex->extract({"d", text, newsner::timex::parse_iso_date("2019-01-15")}, r);
    const Extraction fresh = ex->extract({"d", text, newsner::timex::parse_iso_date("2019-01-15")});
    CHECK(r.text == fresh.text);
    CHECK(r.dct == fresh.dct);
    CHECK(r.warnings == fresh.warnings);
    CHECK(r.error == fresh.error);
    CHECK(r.ascii == fresh.ascii);
    CHECK(typed(r) == typed(fresh));
    REQUIRE(r.mentions.size() == fresh.mentions.size());
    for (std::size_t k = 0; k < r.mentions.size(); ++k) {
      CHECK(r.mentions[k].span == fresh.mentions[k].span);
      CHECK(r.mentions[k].value == fresh.mentions[k].value);
      CHECK(r.mentions[k].sentence == fresh.mentions[k].sentence);
    }
  }
  // A document in two sections appends the second's mentions after the first's.
  std::string big;
  while (big.size() < (std::size_t{1} << 20) + 4096) big += "Officials met in Berlin on Monday.\n\n";
  ex->extract({"big", big, std::nullopt}, r);
  const Extraction fresh = ex->extract({"big", big, std::nullopt});
  REQUIRE(r.mentions.size() == fresh.mentions.size());
  CHECK(r.mentions.back().span == fresh.mentions.back().span);
  CHECK(r.mentions.back().sentence == fresh.mentions.back().sentence);
  CHECK(r.mentions.back().span.begin > (std::size_t{1} << 20));
}

TEST_CASE("pipeline: a dateline place before any agency credit") {
  auto ex = make();
  // The credit is often capitalized, not in capitals: "(Reuters)", "(Xinhua)".
  CHECK(typed(*ex, "OSLO (Xinhua) - Ministers met briefly.").starts_with("OSLO/LOCATION"));
  CHECK(typed(*ex, "ACCRA, Ghana (Reuters) \xE2\x80\x94 Traders were calm.")
            .starts_with("ACCRA/LOCATION | Ghana/LOCATION"));
  // Lowercase, hyphenated and slashed credits: "(dpa)", "(EPA-EFE)", "(AFP/Getty)".
  CHECK(typed(*ex, "LISBON (dpa) - Talks went on.").starts_with("LISBON/LOCATION"));
  CHECK(typed(*ex, "QUITO (ABC-XYZ) - Talks went on.").starts_with("QUITO/LOCATION"));
  CHECK(typed(*ex, "HANOI (AFP/Getty) - Talks went on.").starts_with("HANOI/LOCATION"));
}

TEST_CASE("pipeline: a dateline place before a numeric date in slashes") {
  auto ex = make();
  CHECK(typed(*ex, "MADRID 12/03/2019 - Ministers met briefly.")
            .starts_with("MADRID/LOCATION | 12/03/2019/DATE"));
}

TEST_CASE("pipeline: an organization does not run across a spaced dash") {
  auto ex = make();
  const std::string oslo = typed(*ex, "OSLO - Police detained two men on the quay.");
  CHECK(oslo.starts_with("OSLO/LOCATION"));
  CHECK(oslo.find("ORGANIZATION") == std::string::npos);
  // An attached hyphen still joins a name.
  CHECK(typed(*ex, "Shares of Harlow-Benton Bank fell.") ==
        "Harlow-Benton Bank/ORGANIZATION");
}

TEST_CASE("pipeline: a common word that names a town is no place at a clause start") {
  auto ex = make();
  // "Police" is a town in Poland, but after a spaced dash it only opens the clause.
  CHECK(typed(*ex, "Gunmen fired on a bus \xE2\x80\x93 Police said nobody was hurt.") == "");
  CHECK(typed(*ex, "OSLO - Police detained two men on the quay.") == "OSLO/LOCATION");
  // Elsewhere it is still the town.
  CHECK(typed(*ex, "The bus reached Police at noon.") == "Police/LOCATION");
}

TEST_CASE("pipeline: holidays are not people") {
  auto ex = make();
  // They are dates (date_test.cpp has their values).
  CHECK(typed(*ex, "Stores shut on Christmas Day and opened again after Easter.") ==
        "Christmas Day/DATE | Easter/DATE");
  CHECK(typed(*ex, "The fair ran until Christmas Eve.") == "Christmas Eve/DATE");
}

TEST_CASE("pipeline: a user's listed name wins over a person candidate holding it") {
  // A title-case headline runs the company's words into a person scan
  // ("Kestrel Fjord Names Ingrid"); the user's list says they are a company.
  const TempGazetteer gaz("newsner_pipeline_test_user_org.tsv", "Kestrel Fjord\tORGANIZATION\twikidata:Q0\n");
  for (const bool defaults : {true, false}) {
    CAPTURE(defaults);
    Options o;
    o.gazetteer_files = {gaz.path};
    o.default_gazetteers = defaults;
    const auto ex = make(o);
    const std::string got =
        typed(*ex, "Kestrel Fjord Names Ingrid Solberg as Chief Financial Officer");
    CHECK(got.starts_with("Kestrel Fjord/ORGANIZATION"));
    if (defaults) CHECK(got == "Kestrel Fjord/ORGANIZATION | Ingrid Solberg/PERSON");
  }
}

TEST_CASE("pipeline: title words are not part of an organization") {
  auto ex = make();
  // An "of" extension ends before a title and the name after it.
  CHECK(typed(*ex, "Bank of Pellworth Governor Tomas Ekberg spoke in Harwick.")
            .starts_with("Bank of Pellworth/ORGANIZATION | Tomas Ekberg/PERSON"));
  CHECK(typed(*ex, "The Pellworth League of Prime Minister Tomas Ekberg won.") ==
        "Pellworth League/ORGANIZATION | Tomas Ekberg/PERSON");
  // A head that opens a listed title of several words is the office.
  CHECK(typed(*ex, "Treasury Cabinet Secretary Ruth Wanjala presented the budget.") ==
        "Ruth Wanjala/PERSON");
  // A given name and a surname before "'s" are a person, not the body's first words.
  CHECK(typed(*ex, "Prime Minister Peter Hall's Civic Alliance won the vote.") ==
        "Peter Hall/PERSON | Civic Alliance/ORGANIZATION");
  CHECK(typed(*ex, "Voters backed Anna Ekvall's Civic Alliance.") ==
        "Anna Ekvall/PERSON | Civic Alliance/ORGANIZATION");
  // ... but a common word after the given name stays the body's.
  CHECK(typed(*ex, "She works at Christopher Children's Hospital.") ==
        "Christopher Children's Hospital/ORGANIZATION");
}

TEST_CASE("pipeline: a company's name without its legal form repeats as the company") {
  auto ex = make();
  // The one-word short name already did ("Meridian" after "Meridian Petroleum Ltd"); so does one of several words.
  CHECK(typed(*ex, "Nordwind Analytics GmbH named a CFO. Nordwind Analytics employs 300 people. "
                           "Shares of Nordwind Analytics rose.") ==
        "Nordwind Analytics GmbH/ORGANIZATION | Nordwind Analytics/ORGANIZATION | Nordwind Analytics/ORGANIZATION");
  CHECK(typed(*ex, "Tomas Veldt AG hired staff. Later Tomas Veldt said sales grew.") ==
        "Tomas Veldt AG/ORGANIZATION | Tomas Veldt/ORGANIZATION");
  // Generic sector words end a company's name as "Systems" and "Labs" do.
  CHECK(typed(*ex, "Analysts at Nordwind Robotics were upbeat.") ==
        "Nordwind Robotics/ORGANIZATION");
  CHECK(typed(*ex, "Analysts at Nordwind Dynamics and Harwick Diagnostics were upbeat.") ==
        "Nordwind Dynamics/ORGANIZATION | Harwick Diagnostics/ORGANIZATION");
}

TEST_CASE("pipeline: a place in a list of places is no qualifier of the one before it") {
  auto ex = make();
  const auto kb = [&](const std::string& text, std::string_view name) {
    Extraction r = ex->extract({"d", text, std::nullopt});
    const Mention* m = find(r, name);
    return m ? std::string(m->kb_id) : std::string("(none)");  // (a view of the temporary dangled)
  };
  // A city of 100,000 or more wins over the county or state of its name ...
  CHECK(kb("Traders from Nakuru, Kisumu and Eldoret met on Monday.", "Kisumu").starts_with("geonames:"));
  CHECK(kb("Traders from Nakuru, Kisumu, Eldoret and Thika met.", "Kisumu").starts_with("geonames:"));
  CHECK(kb("Flights link Cancun, Oaxaca, Tijuana.", "Oaxaca").starts_with("geonames:"));
  // ... but after a city, alone, the name qualifies it: the state.
  CHECK(kb("He was born in Atlanta, Georgia, and moved.", "Georgia") == "iso3166-2:US-GA");
  CHECK(kb("He was born in London, Ontario, Canada.", "Ontario") == "iso3166-2:CA-ON");
  // A saint named like the city named after him is the city (WordNet has both).
  CHECK(kb("He moved to St. Louis in May.", "St. Louis").starts_with("geonames:"));
  // A dateline's state is the state, in capitals after the city too.
  CHECK(kb("COLUMBUS, Ohio (AP) - Lawmakers met.", "Ohio") == "iso3166-2:US-OH");
}

TEST_CASE("pipeline: a club outside a sports report, by a club's role and a transfer") {
  auto ex = make();
  // Too few sports words for a sports report; "head coach" and a name still make the place a club,
  // its other mentions follow, and the club a player came from is one too.
  CHECK(typed(*ex, "Chelsea have agreed a fee. Chelsea head coach Enzo Maresca smiled. "
                           "Chelsea signed Osimhen from Napoli.") ==
        "Chelsea/ORGANIZATION | Chelsea/ORGANIZATION | Enzo Maresca/PERSON | Chelsea/ORGANIZATION | "
        "Napoli/ORGANIZATION");
  CHECK(typed(*ex, "Fans cheered as Everton goalkeeper Jordan Pickford waved.") ==
        "Everton/ORGANIZATION | Jordan Pickford/PERSON");
  // A country stays a place (a national side), and so does a place without a club's role.
  CHECK(typed(*ex, "England coach Thomas Tuchel named his squad.").starts_with(
      "England/LOCATION"));
  CHECK(typed(*ex, "She moved from Napoli to Chelsea in May.").starts_with(
      "Napoli/LOCATION | Chelsea/LOCATION"));
}

TEST_CASE("pipeline: a named storm is no mention") {
  auto ex = make();
  CHECK(typed(*ex, "Storm Brannoc brought rain to Cornwall.") == "Cornwall/LOCATION");
  CHECK(typed(*ex, "Storm Agnes brought rain.") == "");
  CHECK(typed(*ex, "Tropical Storm Alberto weakened.") == "");
  CHECK(typed(*ex, "Hurricane Milton made landfall.") == "");
  CHECK(typed(*ex, "The remnants of Hurricane Ian soaked the coast.") == "");
  // The word alone, or before a lowercase word, is not a storm's name; before a head it is a body's word.
  CHECK(typed(*ex, "Rescuers reached Milton after the storm.") == "Milton/LOCATION");
  CHECK(typed(*ex, "The Harwick Hurricane Center issued a warning.") ==
        "Harwick Hurricane Center/ORGANIZATION");
}

TEST_CASE("pipeline: a name before an event word (Show, Expo, Festival) is the event's, no mention") {
  auto ex = make();
  CHECK(typed(*ex, "Pellworth Robotics will present at the Consumer Electronics Show.") ==
        "Pellworth Robotics/ORGANIZATION");
  CHECK(typed(*ex, "Buyers came to the Harwick Expo and the Lindqvist Festival.") == "");
  // Not an event word: the name stays.
  CHECK(typed(*ex, "Buyers came to Harwick Electronics on Monday.") ==
        "Harwick Electronics/ORGANIZATION | Monday/DATE");
}
