// ORGANIZATION recognizer: heads with their modifiers, "X of Y", role context,
// and sports team slots (a place in a team slot is the club; a country stays a
// country, as CoNLL annotates national sides).
#include "newsner/recognize/organization.hpp"

#include "names_fixture.hpp"

using names_test::candidates;
using names_test::check_mentions;

namespace {
std::string orgs(const std::string& text, const std::string& rule = "") {
  return candidates(text, newsner::recognize::recognize_organizations, rule);
}
}  // namespace

TEST_CASE("organization: heads and legal-form suffixes") {
  CHECK(orgs("He joined Harwick Valley Bank last year.", "org.head") == "Harwick Valley Bank/ORGANIZATION");
  CHECK(orgs("Shares in Pellworth Holdings Ltd. fell.", "org.head") == "Pellworth Holdings Ltd./ORGANIZATION");
  CHECK(orgs("It sued Harwick Bros. on Monday.", "org.head") == "Harwick Bros./ORGANIZATION");
  // A head that is a whole word leaves a final period to the sentence.
  CHECK(orgs("He joined the Harwick Valley Bank.", "org.head") == "Harwick Valley Bank/ORGANIZATION");
  CHECK(orgs("Loans came from the Pellworth Relief Fund.\n", "org.head") == "Pellworth Relief Fund/ORGANIZATION");
  CHECK(orgs("The Japanese Foreign Ministry issued a note.", "org.head") ==
        "Japanese Foreign Ministry/ORGANIZATION");
  CHECK(orgs("A spokesman for the Ministry of Foreign Affairs spoke.", "org.head") ==
        "Ministry of Foreign Affairs/ORGANIZATION");
  CHECK(orgs("She studied at the University of Ghent.", "org.head") == "University of Ghent/ORGANIZATION");
  CHECK(orgs("An economist at the Harwick Institute for the Study of Trade said so.", "org.head") ==
        "Harwick Institute for the Study of Trade/ORGANIZATION");
  CHECK(orgs("The Pellworth Council on Coastal Affairs met.", "org.head") ==
        "Pellworth Council on Coastal Affairs/ORGANIZATION");
  // one word with a capital inside is a company's way of writing its name
  CHECK(orgs("Shares of HarwickBank rose after KelpCorp bid.", "org.camel") ==
        "HarwickBank/ORGANIZATION | KelpCorp/ORGANIZATION");
  CHECK(orgs("MacArthur and McDonald met in JulAug tables.", "org.camel") == "");
  // a place's possessive is not part of the name; a founder's is
  CHECK(orgs("Norway's Harwick Valley Bank fell.", "org.head") == "Harwick Valley Bank/ORGANIZATION");
  // "for" + a lowercase word or a date does not extend the name.
  CHECK(orgs("The Harwick Institute for years had no director.", "org.head") == "Harwick Institute/ORGANIZATION");
  // A bare head is no name.
  CHECK(orgs("The ministry said nothing. Ministry staff left.", "org.head") == "");
}

TEST_CASE("organization: role context") {
  CHECK(orgs("The founder of Acme Robotics, Dr Ingrid Olsen, said so.", "org.role") ==
        "Acme Robotics/ORGANIZATION");
  CHECK(orgs("said Ian Wells, an analyst at Brennan & Co.", "org.role") == "Brennan & Co/ORGANIZATION");
  // A place after a role noun is not a workplace.
  CHECK(orgs("The president of France arrived.", "org.role") == "");
}

TEST_CASE("organization: sports result lines and tables") {
  CHECK(orgs("Wrexham 2 Chester 1", "org.team") == "Wrexham/ORGANIZATION | Chester/ORGANIZATION");
  CHECK(orgs("Red Star (Serbia) 70 Alba (Germany) 65", "org.team") ==
        "Red Star/ORGANIZATION | Alba/ORGANIZATION");
  CHECK(orgs("Wrexham 4 2 1 1 6 4 7", "org.team") == "Wrexham/ORGANIZATION");
  CHECK(orgs("BOSTON 70 62 .530 4", "org.team") == "BOSTON/ORGANIZATION");
  // National sides keep the country's type; a dateline is not a table row.
  CHECK(orgs("Brazil 2 Chile 0", "org.team") == "");
  CHECK(orgs("MADRID 2001-05-04", "org.team") == "");
  // A golfer's scores are not a club's.
  CHECK(orgs("Ernie Els 68 70 71", "org.team") == "");
}

TEST_CASE("organization: whole pipeline") {
  check_mentions({
      {"The first test launch was delayed, NASA said.", "NASA/ORGANIZATION"},
      {"The founder of Acme Robotics, Dr Ingrid Olsen, said the firm would cooperate.",
       "Acme Robotics/ORGANIZATION | Ingrid Olsen/PERSON"},
      {"Later, McDonald's said sales rose.", "McDonald's/ORGANIZATION"},
      // A results line shows the towns as teams; the same names in the report
      // are the clubs too.
      {"Wrexham 2 Chester 1\nChester had led at half-time before Wrexham scored twice in the match.",
       "Wrexham/ORGANIZATION | Chester/ORGANIZATION | Chester/ORGANIZATION | Wrexham/ORGANIZATION"},
  });
}
