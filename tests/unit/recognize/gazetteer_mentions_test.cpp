// Gazetteer recognizer: acceptance by case, list priors and ambiguity.
#include "newsner/recognize/gazetteer_mentions.hpp"

#include "names_fixture.hpp"

using names_test::candidates;

namespace {
std::string gaz(const std::string& text) {
  return candidates(text, newsner::recognize::recognize_gazetteer_mentions, "", true);
}
}  // namespace

TEST_CASE("gazetteer mentions: case and ambiguity") {
  SUBCASE("own capitalization only outside capitals lines") {
    CHECK(gaz("They flew to tokyo.").find("tokyo") == std::string::npos);
    CHECK(gaz("They flew to Tokyo.").find("Tokyo/LOCATION") != std::string::npos);
  }
  SUBCASE("capitals lines match any case") {
    CHECK(gaz("STORMS HIT TOKYO AND OSAKA").find("TOKYO/LOCATION") != std::string::npos);
  }
  SUBCASE("a nationality word is not a town") {
    CHECK(gaz("Canadian bonds rose.").find("LOCATION") == std::string::npos);
  }
  SUBCASE("a country that is also a word still counts at a sentence start") {
    CHECK(gaz("Japan said no.").find("Japan/LOCATION/countries") != std::string::npos);
  }
  SUBCASE("diacritics and multibyte text") {
    CHECK(gaz("Er zog nach D\xC3\xBCsseldorf.").find("D\xC3\xBCsseldorf/LOCATION") != std::string::npos);
    CHECK(gaz("").empty());
  }
}
