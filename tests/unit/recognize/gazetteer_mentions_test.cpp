// Gazetteer recognizer: acceptance by case, list priors and ambiguity.
#include "newsner/recognize/gazetteer_mentions.hpp"

#include <map>

#include "names_fixture.hpp"
#include "newsner/gazetteer/image.hpp"
#include "newsner/gazetteer/loader.hpp"

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
  SUBCASE("a title-case line is like a capitals line for common-word places") {
    // "Than", "Split", "Deal" are towns, and common words: here capitalized only by the headline style
    CHECK(gaz("Better Than Any Deal Before\nThe talks went on.").find("LOCATION") == std::string::npos);
    CHECK(gaz("Rivals Split the Vote in a Close Race\nCounting went on.").find("LOCATION") == std::string::npos);
    // ... a place that is no common word is still one there
    CHECK(gaz("Storms Hit Tokyo as Winter Comes").find("Tokyo/LOCATION") != std::string::npos);
    // ... and a sentence capitalizes only its names
    CHECK(gaz("The bridge at Split was closed.").find("Split/LOCATION") != std::string::npos);
  }
  SUBCASE("a word that begins a title is not the magazine of its name") {
    // "Vice" is a magazine, and the first word of "Vice President", "Vice Premier".
    CHECK(gaz("She greeted Vice President Ann Dole.").find("Vice/") == std::string::npos);
    CHECK(gaz("He wrote for Vice until May.").find("Vice/ORGANIZATION") != std::string::npos);
  }
  SUBCASE("a common word before a title word is not a small town") {
    // "Police" is a town in Poland; here a department before its chief's title.
    CHECK(gaz("The crowd cheered Police Chief Sam Ortega.").find("Police/") == std::string::npos);
    CHECK(gaz("The road to Police was closed.").find("Police/LOCATION") != std::string::npos);
  }
  SUBCASE("a common word that ends a title is not a small town") {
    // "Officer" is a town in Victoria; here the last word of an executive's title.
    CHECK(gaz("Chief Financial Officer Ann Dole said sales rose.").find("Officer/") == std::string::npos);
    CHECK(gaz("Sam Ortega, Chief Executive Officer, resigned.").find("Officer/") == std::string::npos);
    CHECK(gaz("The road to Officer was closed.").find("Officer/LOCATION") != std::string::npos);
  }
  SUBCASE("a nationality word is not a town") {
    CHECK(gaz("Canadian bonds rose.").find("LOCATION") == std::string::npos);
  }
  SUBCASE("a faith or party word alone is no place") {
    // "Republican" (a river), "Liberal" (a town), "Jewish" (an oblast) are named in lists.
    CHECK(gaz("Two Republican senators and a Liberal voter objected.").find("LOCATION") == std::string::npos);
    CHECK(gaz("He joined a Jewish group.").find("LOCATION") == std::string::npos);
    // ... but the whole name of the place still is one
    CHECK(gaz("They crossed the Republican River.").find("Republican River/LOCATION") != std::string::npos);
  }
  SUBCASE("a country that is also a word still counts at a sentence start") {
    CHECK(gaz("Japan said no.").find("Japan/LOCATION/countries") != std::string::npos);
  }
  SUBCASE("diacritics and multibyte text") {
    CHECK(gaz("Er zog nach D\xC3\xBCsseldorf.").find("D\xC3\xBCsseldorf/LOCATION") != std::string::npos);
    // Decomposed (NFD) text matches the precomposed entry, with its own offsets.
    CHECK(gaz("Er zog nach Du\xCC\x88sseldorf.").find("Du\xCC\x88sseldorf/LOCATION") != std::string::npos);
    CHECK(gaz("").empty());
  }
}

TEST_CASE("gazetteer mentions: a home nation whose name is a word is a place at a sentence start") {
  // "wales" is a common word, "Wales" an ambiguous subdivision entry: like a country
  CHECK(gaz("Wales beat Estonia 6-0 on Saturday.").find("Wales/LOCATION") != std::string::npos);
  CHECK(gaz("WALES BEAT ESTONIA IN QUALIFIER\nThe match ended.").find("WALES/LOCATION") != std::string::npos);
}

TEST_CASE("gazetteer mentions: a people entry's opening title stays outside the name") {
  // the people list has "President Clinton" and "King Hussein" whole
  CHECK(gaz("He met President Clinton on Friday.").find("Clinton/PERSON") != std::string::npos);
  CHECK(gaz("He met President Clinton on Friday.").find("President Clinton/PERSON") == std::string::npos);
  CHECK(gaz("King Hussein arrived.").find("King Hussein/PERSON") == std::string::npos);
  // ... not a title that is the whole entry, nor a religious name's first word
  CHECK(gaz("He met the Dalai Lama.").find("Dalai Lama/PERSON") != std::string::npos);
  CHECK(gaz("He met Mother Teresa.").find("Mother Teresa/PERSON") != std::string::npos);
}

TEST_CASE("gazetteer mentions: a street that a list has as a body is the street") {
  // the generic (WordNet) list's sense is the street's metonymy: a place anywhere
  CHECK(gaz("Shares fell on Wall Street on Monday.").find("Wall Street/LOCATION") != std::string::npos);
  CHECK(gaz("Shares fell on Wall Street on Monday.").find("Wall Street/ORGANIZATION") == std::string::npos);
  // a curated body's street after a locative preposition is the place ...
  CHECK(gaz("Protesters gathered outside Downing Street.").find("Downing Street/ORGANIZATION") == std::string::npos);
  // ... and the body where it acts
  CHECK(gaz("Later, Downing Street said the talks would go on.").find("Downing Street/ORGANIZATION") !=
        std::string::npos);
}

TEST_CASE("gazetteer mentions: kb_id from the most reliable list") {
  static newsner::text::Tokenizer tok;
  auto kb_of = [&](const std::string& text, const std::string& name) {
    const auto tt = tok.tokenize(text);
    const newsner::recognize::Context ctx(tt, names_test::matcher());
    std::vector<newsner::Candidate> out;
    newsner::recognize::recognize_gazetteer_mentions(ctx, out);
    for (const auto& c : out) {
      if (text.substr(c.span.begin, c.span.size()) == name) return std::string(c.kb_id);
    }
    return std::string("(none)");
  };
  // the city of millions, not the state of the same name
  CHECK(kb_of("Flights to New York resumed.", "New York") == "geonames:5128581");
  // a country's ISO code, whatever else shares the name
  CHECK(kb_of("Talks in Jordan ended.", "Jordan") == "iso3166:JO");
  // a first-level subdivision over a WordNet sense
  CHECK(kb_of("Floods hit Bavaria.", "Bavaria") == "iso3166-2:DE-BY");
  // ... also when the name is a given name too, which lowers the mention's score
  // but not which list's id it carries (not a town in Cuba, not a WordNet sense)
  CHECK(kb_of("Storms hit Florida on Monday.", "Florida") == "iso3166-2:US-FL");
  CHECK(kb_of("He moved to Texas last year.", "Texas") == "iso3166-2:US-TX");
  // a place qualified by its country or state: the city of that country, and
  // the qualifier the province or state (of the city's country) it names
  CHECK(kb_of("He flew to Paris, Texas, on Monday.", "Paris") == "geonames:4717560");
  CHECK(kb_of("He flew to Paris on Monday.", "Paris") == "geonames:2988507");
  CHECK(kb_of("Speaking in Valencia, Spain, he said.", "Valencia") == "geonames:2509954");
  CHECK(kb_of("The mayor of London, Ontario, spoke.", "London") == "geonames:6058560");
  CHECK(kb_of("The mayor of London, Ontario, spoke.", "Ontario") == "iso3166-2:CA-ON");
  CHECK(kb_of("He flew to Atlanta, Georgia, on Monday.", "Georgia") == "iso3166-2:US-GA");
  CHECK(kb_of("Talks in Yerevan, Armenia, Georgia and Azerbaijan.", "Georgia") == "iso3166:GE");
  // a state of another country than any listed town of the name: no id, not a
  // namesake's abroad (the lists have Bangor in Wales and in Maine, Atherton in
  // England only); "north of" or "West Yorkshire" after the comma is no state
  CHECK(kb_of("She moved to Bangor, Me., in May.", "Bangor") == "geonames:4957280");
  CHECK(kb_of("She moved to Bangor, Me., in May.", "Me.") == "iso3166-2:US-ME");
  CHECK(kb_of("She moved to Atherton, Calif., in May.", "Atherton") == "");
  CHECK(kb_of("She was born in Castleford, West Yorkshire.", "Castleford") == "geonames:2653584");
  // a state or province named after a town of the name in several of them:
  // the town of that state, by full name or agency abbreviation (also where
  // the state is a country's name too, and the name a parish in Jamaica)
  CHECK(kb_of("She retired to Portland, Maine, in 1998.", "Portland") == "geonames:4975802");
  CHECK(kb_of("He grew up in Portland, Me., and moved west.", "Portland") == "geonames:4975802");
  CHECK(kb_of("The brewery is based in Portland, Ore.", "Portland") == "geonames:5746545");
  CHECK(kb_of("The plant in Springfield, Ill., closed.", "Springfield") == "geonames:4250542");
  CHECK(kb_of("The plant in Springfield, Mass., closed.", "Springfield") == "geonames:4951788");
  CHECK(kb_of("Recruits trained near Columbus, Georgia, last year.", "Columbus") == "geonames:4188985");
  CHECK(kb_of("Fans in Kansas City, Kan., cheered.", "Kansas City") == "geonames:4273837");
  CHECK(kb_of("He was born in Perth, Scotland.", "Perth") == "geonames:2640358");
  // ... another state of the country: a town that no list has, no id (not
  // the better-known namesake's, nor a WordNet sense of the name)
  CHECK(kb_of("She now lives in Springfield, Ohio, with her son.", "Springfield") == "");
  CHECK(kb_of("The clinic in London, Kentucky, reopened.", "London") == "");
  // ... but a list of places is no qualifier: the most populous town
  CHECK(kb_of("The tour visited Portland, Maine, Boston and Chicago.", "Portland") == "geonames:5746545");
  // subdivisions of several countries sharing a name: the larger country's
  CHECK(kb_of("Voters in Montana and Maryland went to the polls.", "Montana") == "iso3166-2:US-MT");
  CHECK(kb_of("Voters in Montana and Maryland went to the polls.", "Maryland") == "iso3166-2:US-MD");
  // a feature's noun alone is that feature, not the province named so (no kb_id)
  CHECK(kb_of("Tension rose in the Gulf on Monday.", "Gulf") == "");
  CHECK(kb_of("Tension rose in the Persian Gulf.", "Persian Gulf") == "wordnet:09390424");
  // a capital in capitals outside a headline is still the country
  CHECK(kb_of("Results: BRITAIN 3 points.", "BRITAIN") == "iso3166:GB");
  // Names with many entries, where entries that cannot win are not read: the
  // choice is the same as when every entry is read.
  const std::string text = "Talks in Washington and Georgia went on. Victoria and Paris and Springfield wait.";
  CHECK(kb_of(text, "Washington") == "geonames:4140963");
  CHECK(kb_of(text, "Georgia") == "iso3166:GE");  // a bare country name is the country, not the US state
  CHECK(kb_of(text, "Victoria") == "geonames:1931681");
  CHECK(kb_of(text, "Paris") == "geonames:2988507");
  CHECK(kb_of(text, "Springfield") == "geonames:4409896");
}

// The candidate a match merges into is found among those made for its own
// span (the matcher gives one span's matches in a row): a longer span at the
// same start, the same span again later, and other types on the same span
// each keep a candidate of their own.
TEST_CASE("gazetteer mentions: one candidate per span and type, never merged across spans") {
  static newsner::text::Tokenizer tok;
  const std::string text = "Flights to New York City resumed. New York and New York City. Kansas City Chiefs won.";
  const auto tt = tok.tokenize(text);
  const newsner::recognize::Context ctx(tt, names_test::matcher());
  std::vector<newsner::Candidate> out;
  newsner::recognize::recognize_gazetteer_mentions(ctx, out);
  std::map<std::string, int> count;   // "span/type" -> candidates
  std::map<std::string, std::string> kb;
  for (const auto& c : out) {
    const std::string key = text.substr(c.span.begin, c.span.size()) + "/" + names_test::type_name(c.type) + "@" +
                            std::to_string(c.span.begin);
    ++count[key];
    kb[text.substr(c.span.begin, c.span.size())] = std::string(c.kb_id);
  }
  for (const auto& key_n : count) {
    INFO(key_n.first);
    CHECK(key_n.second == 1);
  }
  CHECK(count.count("New York City/LOCATION@11") == 1);
  CHECK(count.count("New York/LOCATION@11") == 1);
  CHECK(count.count("New York/LOCATION@34") == 1);
  CHECK(count.count("New York City/LOCATION@47") == 1);
  // Each span keeps the kb_id of its own entries.
  CHECK(kb["New York"] == "geonames:5128581");
  CHECK(kb["New York City"] != "");
  CHECK(kb["Kansas City Chiefs"] != kb["Kansas City"]);
}

// A match on a lowercase first word is taken only in the entry's own
// capitalization (tested first, before anything else about the match).
TEST_CASE("gazetteer mentions: entries written in lowercase") {
  CHECK(gaz("The agency dpa reported that al-Qaeda claimed it.").find("dpa/ORGANIZATION/news_media") !=
        std::string::npos);
  CHECK(gaz("The agency dpa reported that al-Qaeda claimed it.").find("al-Qaeda/ORGANIZATION/parties") !=
        std::string::npos);
  CHECK(gaz("He sold it on ebay and flew to tokyo.") == "");
}

// The list kinds (which list a match's entry is from, for its prior) are kept
// per thread across documents, looked up by list index: they must follow the
// Matcher at hand, whose list 0 may be another list than the last one's.
TEST_CASE("gazetteer mentions: list kinds follow the matcher") {
  using namespace newsner::gazetteer;
  const auto matcher_with_list = [](const char* list) {
    std::vector<SourceEntry> entries;
    REQUIRE(parse_tsv("Zorbland\tLOCATION\n", "x.tsv", 0, entries).empty());
    std::string err;
    auto g = Gazetteer::adopt(build_image(entries, {list}, err), err);
    REQUIRE(g.has_value());
    return Matcher({*g});
  };
  const Matcher countries = matcher_with_list("countries");
  const Matcher other = matcher_with_list("zorb_places");
  static newsner::text::Tokenizer tok;
  const auto tt = tok.tokenize("They flew to Zorbland.");
  const auto score = [&](const Matcher& m) {
    const newsner::recognize::Context ctx(tt, m);
    std::vector<newsner::Candidate> out;
    newsner::recognize::recognize_gazetteer_mentions(ctx, out);
    REQUIRE(out.size() == 1);
    return out[0].score;
  };
  for (int round = 0; round < 2; ++round) {
    CHECK(score(countries) == doctest::Approx(0.8f));  // list_prior of a country list
    CHECK(score(other) == doctest::Approx(0.77f));     // a user list's
  }
}

// A first-level subdivision's name and "State" is the subdivision, "State" inside.
TEST_CASE("gazetteer mentions: a subdivision and \"State\" is the subdivision") {
  CHECK(names_test::mentions("The governor of Lagos State met traders on Monday.") == "Lagos State/LOCATION");
  CHECK(gaz("Flooding hit Kerala State last week.").find("Kerala State/LOCATION") != std::string::npos);
  // before another capitalized word it is no part of the state's name here
  CHECK(gaz("Lagos State Government said so.").find("Lagos State/LOCATION") == std::string::npos);
  // nor a US state's: "Ohio State" is most often the university
  CHECK(gaz("He studied at Ohio State last year.").find("Ohio State/LOCATION") == std::string::npos);
  CHECK(gaz("He studied at Florida State last year.").find("Florida State/LOCATION") == std::string::npos);
  // it is the university (or its team), as a body
  CHECK(names_test::mentions("Florida State routed Kelvo 38-14 on Saturday.").find("Florida State/ORGANIZATION") !=
        std::string::npos);
  // New York State and Washington State are as often the states: no university is made
  CHECK(gaz("He moved to New York State in May.").find("New York State/ORGANIZATION") == std::string::npos);
}

TEST_CASE("gazetteer mentions: a party and a statistics office by their curated names") {
  // "Greens" alone is the party's name ("The Greens" would take the article in)
  CHECK(names_test::mentions("The Greens called the compromise a bill for our children.") == "Greens/ORGANIZATION");
  CHECK(names_test::mentions("The opposition Greens walked out.") == "Greens/ORGANIZATION");
  // "Statistics Norway" is the office, not the country
  CHECK(names_test::mentions("Statistics Norway said output fell.") == "Statistics Norway/ORGANIZATION");
}

TEST_CASE("gazetteer mentions: \"No.\" and a number before a name rank it") {
  // alone, "No. 10" is the prime minister's office; before a name, a ranking
  CHECK(names_test::mentions("They face No. 10 Kelvo State on Saturday.").find("No. 10") == std::string::npos);
  CHECK(names_test::mentions("A spokesman for No. 10 said so.") == "No. 10/ORGANIZATION");
}

// Two capitals that only the generic (WordNet) organization list knows are
// another acronym far more often ("AI" artificial intelligence, "MP").
TEST_CASE("gazetteer mentions: a two-letter acronym from the generic list alone is no body") {
  CHECK(gaz("The use of AI is spreading fast.").find("AI/ORGANIZATION") == std::string::npos);
  CHECK(gaz("The MP said the vote was close.").find("MP/ORGANIZATION") == std::string::npos);
  // a curated body of two letters stays
  CHECK(gaz("The EU said the vote was close.").find("EU/ORGANIZATION") != std::string::npos);
  CHECK(gaz("The EC said the vote was close.").find("EC/ORGANIZATION") != std::string::npos);
}

// A compass word before a nationality word is part of that adjective, and
// before another capitalized word part of that name.
TEST_CASE("gazetteer mentions: a compass word before a nationality word is no place") {
  CHECK(gaz("Results of South Korean matches.").find("South/LOCATION") == std::string::npos);
  CHECK(gaz("The Southeast Asian rubber market fell.").find("Southeast/LOCATION") == std::string::npos);
  CHECK(gaz("Ties with the West Tarvanian envoys grew.").find("West/LOCATION") == std::string::npos);
  CHECK(gaz("After rain in South Tarvania, rivers rose.").find("South/LOCATION") == std::string::npos);
  // the compass words of location.hpp: "Central" is a town too
  CHECK(gaz("Storms hit Central Tarvania.").find("Central/LOCATION") == std::string::npos);
  CHECK(gaz("The Central Asian market rose.").find("Central/LOCATION") == std::string::npos);
  // alone, or before a weekday, it is the region
  CHECK(gaz("Ties with the West grew.").find("West/LOCATION") != std::string::npos);
  CHECK(gaz("Ties with the West Monday grew.").find("West/LOCATION") != std::string::npos);
}

// An acronym counted after a small number is a statistic's unit, not the body
// a list names so; the document-level pass repeats none there either.
TEST_CASE("gazetteer mentions: an acronym counted after a number is no organization") {
  names_test::check_mentions({
      {"Kowalski had five RBI in the opener.", ""},
      {"Navarro drove in 14 RBI, a club record.", ""},
      {"Lind's RBI double tied it. Marsh then had three RBI in the win.", "RBI/ORGANIZATION"},
      // a body's acronym after a number begins a phrase; a year is no count
      {"The 15 EU members met in Brussels.", "EU/ORGANIZATION | Brussels/LOCATION"},
      {"Since 1949 NATO has grown.", "NATO/ORGANIZATION"},
  });
}

// An acronym that only the generic (WordNet) list names a body is a kind of
// body after an article or "one": a common noun; a body's own acronym stays.
TEST_CASE("gazetteer mentions: a generic acronym after an article is a common noun") {
  names_test::check_mentions({
      {"Kelvo Fund, a super PAC, spent heavily.", "Kelvo Fund/ORGANIZATION"},
      {"A watchdog accused one PAC of hiding donors.", ""},
      {"Leaders met at a NATO summit.", "NATO/ORGANIZATION"},
  });
}

// An event word that a list also has as a small town ("Summit") is the event's
// after a capitalized word of its name; alone it is still the town, and the
// document-level pass does not repeat the town onto the event.
TEST_CASE("gazetteer mentions: an event word after a name is no town") {
  CHECK(gaz("Founders met at the Tarvel Summit in Ghent.").find("Summit") == std::string::npos);
  CHECK(gaz("They drove to Summit on Monday.").find("Summit/LOCATION") != std::string::npos);
  names_test::check_mentions({
      {"Founders met at the Tarvel Summit in Ghent.", "Ghent/LOCATION"},
      {"They drove to Summit on Monday. Later they flew to the Kelvo Summit.", "Summit/LOCATION"},
  });
}

// A common word that only a town of under a million people is named is that
// word; after a locative it is the town.
TEST_CASE("gazetteer mentions: a common word that only a small town has is no town alone") {
  CHECK(gaz("The rover Opportunity sent images.").find("Opportunity/") == std::string::npos);
  CHECK(gaz("They drove to Opportunity on Monday.").find("Opportunity/LOCATION") != std::string::npos);
  // before another capitalized word it opens a longer name, after a locative too
  CHECK(gaz("He died at Much Tarvelo in May.").find("Much/") == std::string::npos);
}

// A family name before a word of a leader's tenure is the leader, not the
// town a list names so ("Bush" is a city in Egypt).
TEST_CASE("gazetteer mentions: a surname before 'administration' is no town") {
  CHECK(gaz("Officials of the Bush administration met.").find("Bush/LOCATION") == std::string::npos);
}

// A nationality word before a word that a list has as a town names a body
// ("Scottish Enterprise"); the town alone is still the town, and the
// document-level pass does not repeat it onto the body's name.
TEST_CASE("gazetteer mentions: a town's name after a nationality word is no town") {
  CHECK(gaz("The Scottish Enterprise agency gave a grant.").find("Enterprise/LOCATION") == std::string::npos);
  names_test::check_mentions({
      {"The Scottish Enterprise agency gave a grant. He flew to Enterprise later.", "Enterprise/LOCATION"},
  });
}

// A place joined by an attached hyphen to a capitalized word that is no place
// nor body is a part of another name ("Radio-Canada"); two places joined so
// stay places. The document-level pass does not repeat the place there.
TEST_CASE("gazetteer mentions: a place inside a hyphenated name is no place") {
  CHECK(gaz("Forecasters at Kelvo-France issued a warning.").find("France/LOCATION") == std::string::npos);
  CHECK(gaz("Trains on the Ghent-Bruges line ran late.").find("Bruges/LOCATION") != std::string::npos);
  names_test::check_mentions({
      {"Rain hit France. Forecasters at Kelvo-France issued a warning.", "France/LOCATION"},
      {"Trains on the Ghent-Bruges line ran late.", "Ghent/LOCATION | Bruges/LOCATION"},
  });
}

// A word that only the generic organization list has, between a function word
// and a weekday, opens a day's name (a shopping day), no body; before a verb
// of saying, or after one, the same word is the company.
TEST_CASE("gazetteer mentions: a generic-list word before a weekday names a day") {
  CHECK(gaz("Retailers expect record sales on Jetstream Monday.").find("ORGANIZATION") == std::string::npos);
  CHECK(gaz("Jetstream said on Monday that sales rose.").find("Jetstream/ORGANIZATION") != std::string::npos);
  CHECK(gaz("Analysts told Jetstream Monday that sales rose.").find("Jetstream/ORGANIZATION") != std::string::npos);
  // nor does the document-level pass repeat the company onto the day
  names_test::check_mentions({{"Sales peaked on Jetstream Monday. Jetstream said so.", "Jetstream/ORGANIZATION"}});
}

TEST_CASE("gazetteer mentions: an oil grade and a minister's portfolio are no mention") {
  names_test::check_mentions({
      // a town before "crude" names the grade; a country's crude stays the country
      {"Brent crude rose two percent.", ""},
      {"Iraq sold more crude last year.", "Iraq/LOCATION"},
      // ... and so do the words of a grade of several ("West Texas Intermediate", "Arab Light")
      {"West Texas Intermediate crude slipped.", ""},
      {"Saudi Arab Light crude rose.", ""},
      {"Iraq crude exports rose.", "Iraq/LOCATION"},
      // a capitalized index word makes the name before it the index's, a product
      {"The Hang Seng Index fell 1.2%.", ""},
      {"The Jakarta Composite Index rose. Stocks in Jakarta fell.", "Jakarta/LOCATION"},
      // a body before the title "Minister" is the portfolio
      {"The Labour Minister Tarsa Kelvo spoke.", "Tarsa Kelvo/PERSON"},
  });
}

TEST_CASE("gazetteer mentions: a possessive company name after a personal title is the person") {
  // "Macy's" is a company, and "Macy" a name: after "Mrs." it is the person's
  CHECK(gaz("Mrs. Macy's garden was open.").find("Macy's/ORGANIZATION") == std::string::npos);
  CHECK(gaz("Dr Macy's garden was open.").find("Macy's/ORGANIZATION") == std::string::npos);
  CHECK(gaz("Shares of Macy's fell.").find("Macy's/ORGANIZATION") != std::string::npos);
  CHECK(names_test::mentions("Mrs. Macy's garden was open.") == "Macy/PERSON");
}

TEST_CASE("gazetteer mentions: a club's nickname that is a common word needs a sports word") {
  // "Jazz" is a club's nickname (flagged amb): in a radio show's name it is no club
  CHECK(gaz("She hosted Piano Jazz on the radio.").find("Jazz/ORGANIZATION") == std::string::npos);
  CHECK(gaz("She was the host of Piano Jazz on the radio.").find("Jazz/ORGANIZATION") == std::string::npos);
  // ... beside a sports word in its sentence it is
  CHECK(gaz("Tonight the Jazz beat the Suns in overtime.").find("Jazz/ORGANIZATION") != std::string::npos);
  // Opening a sentence of a sports report, before a result or fixture verb or a
  // club role, it is the club; before other words, the sentence's capital.
  const std::string report = "Basketball: the team scored points in the league game and the coach said so.\n";
  CHECK(gaz(report + "Jazz host the Suns on Friday.").find("Jazz/ORGANIZATION") != std::string::npos);
  CHECK(gaz(report + "Jazz coach Ivo Tarvel said so.").find("Jazz/ORGANIZATION") != std::string::npos);
  CHECK(gaz(report + "Jazz music played in the arena.").find("Jazz/ORGANIZATION") == std::string::npos);
  CHECK(gaz("Jazz host the Suns on Friday.").find("Jazz/ORGANIZATION") == std::string::npos);
}
