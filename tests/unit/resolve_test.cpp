// Resolution and the document-level pass: overlap priority, one type per name
// across a document, surnames after full names, acronyms after expansions, and
// names split by line breaks.
#include "newsner/resolve.hpp"

#include "recognize/names_fixture.hpp"

using names_test::check_mentions;
using names_test::mentions;

TEST_CASE("resolve: list priors decide between types on one span") {
  // "U.S." is also a government in the generic organization list; the country wins.
  CHECK(mentions("Two U.S. carriers sailed.") == "U.S./LOCATION");
}

TEST_CASE("resolve: document-level consistency") {
  check_mentions({
      // a surname after the full name is the same person
      {"Taro Kono arrived on Monday. Kono said talks would go on.", "Taro Kono/PERSON | Kono/PERSON"},
      // even when the surname is also a place, outside a locative context
      {"The film is by Neil Jordan. Jordan said he was pleased. He was born in Sligo.",
       "Neil Jordan/PERSON | Jordan/PERSON | Sligo/LOCATION"},
      // an acronym after its expansion
      {"The International Atomic Energy Agency (IAEA) met. IAEA inspectors left.",
       "International Atomic Energy Agency/ORGANIZATION | IAEA/ORGANIZATION | IAEA/ORGANIZATION"},
      // a hyphenated surname repeats whole
      {"Maria Maberry-Tusk resigned. Maberry-Tusk declined to comment.",
       "Maria Maberry-Tusk/PERSON | Maberry-Tusk/PERSON"},
      // names on separate lines are separate people
      {"Speakers:\nOlaf Scholz\nJustin Trudeau", "Olaf Scholz/PERSON | Justin Trudeau/PERSON"},
  });
}

TEST_CASE("resolve: evidence ids for --explain") {
  CHECK(mentions("Foreign Minister Taro Kono spoke. Kono left.", true) ==
        "Taro Kono/PERSON/person.title | Kono/PERSON/document.person_part");
  CHECK(mentions("Wrexham 2 Chester 1", true) ==
        "Wrexham/ORGANIZATION/org.team_score | Chester/ORGANIZATION/org.team_score");
}

TEST_CASE("resolve: empty and non-ASCII documents") {
  CHECK(mentions("").empty());
  CHECK(mentions("Gda\xC5\x84sk \xF0\x9F\x98\x80 was calm.") == "Gda\xC5\x84sk/LOCATION");
}

TEST_CASE("resolve: a title rule and a list agree on a span: the list's kb_id is kept") {
  auto ex = newsner::Extractor::create({});
  REQUIRE(ex.ok());
  const auto r = (*ex.value)->extract({"d", "Chancellor Angela Merkel spoke.", std::nullopt});
  REQUIRE(r.mentions.size() == 1);
  CHECK(r.mentions[0].kb_id == "wikidata:Q567");
}
