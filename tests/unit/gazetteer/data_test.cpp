// The generated gazetteer data (gazetteers/*.tsv, tools/gazetteers/build.py) through
// the public API, on made-up sentences: spellings that news uses for the names in
// the lists, and the kb_id a bare name gets.
#include <doctest/doctest.h>

#include <string>

#include "newsner/newsner.hpp"

using namespace newsner;

namespace {

const Extractor& extractor() {
  static const std::shared_ptr<const Extractor> ex = [] {
    auto r = Extractor::create(Options{});
    REQUIRE_MESSAGE(r.ok(), r.error);
    return *r.value;
  }();
  return *ex;
}

// "text/TYPE/kb_id" of every mention, joined by " | ".
std::string tagged(const std::string& text) {
  const Extraction r = extractor().extract({"d", text, std::nullopt});
  std::string s;
  for (const auto& m : r.mentions) {
    if (!s.empty()) s += " | ";
    s.append(std::string_view(r.text).substr(m.span.begin, m.span.size()));
    s.append("/").append(to_string(m.type)).append("/").append(m.kb_id);
  }
  return s;
}

}  // namespace

TEST_CASE("gazetteer data: a country or subdivision name with '&' or 'and'") {
  // CLDR spells these with '&', news with 'and', and the other way round.
  CHECK(tagged("Aid reached S\xC3\xA3o Tom\xC3\xA9 and Pr\xC3\xADncipe late.") ==
        "S\xC3\xA3o Tom\xC3\xA9 and Pr\xC3\xADncipe/LOCATION/iso3166:ST");
  CHECK(tagged("Aid reached Sao Tome & Principe late.") == "Sao Tome & Principe/LOCATION/iso3166:ST");
  CHECK(tagged("Aid reached Sao Tome and Principe late.") == "Sao Tome and Principe/LOCATION/iso3166:ST");
  CHECK(tagged("Ferries left for St. Kitts and Nevis.") == "St. Kitts and Nevis/LOCATION/iso3166:KN");
  CHECK(tagged("Snow fell across Newfoundland & Labrador.") ==
        "Newfoundland & Labrador/LOCATION/iso3166-2:CA-NL");
}

TEST_CASE("gazetteer data: a saint's title in British style") {
  CHECK(tagged("Ferries left for St Lucia.") == "St Lucia/LOCATION/iso3166:LC");
}

TEST_CASE("gazetteer data: a bare country name is the country") {
  // Not the US state of the same name (a subdivision scores below a country).
  CHECK(tagged("Wine exports from Georgia rose.") == "Georgia/LOCATION/iso3166:GE");
}
