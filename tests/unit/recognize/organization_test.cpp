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
  CHECK(orgs("Riders of Harwick Area Transit complained.", "org.head") == "Harwick Area Transit/ORGANIZATION");
  CHECK(orgs("Shares in Pellworth Holdings Ltd. fell.", "org.head") == "Pellworth Holdings Ltd./ORGANIZATION");
  CHECK(orgs("It sued Harwick Bros. on Monday.", "org.head") == "Harwick Bros./ORGANIZATION");
  // ... and so does the last word of an "of" extension.
  CHECK(orgs("Bank of Pellworth Corp. reported a loss.", "org.head_of") == "Bank of Pellworth Corp./ORGANIZATION");
  CHECK(orgs("He joined Bank of Pellworth Corp.\nIt fell.", "org.head_of") == "Bank of Pellworth Corp/ORGANIZATION");
  // At the end of a line or of the text the period ends the sentence.
  CHECK(orgs("It sued Harwick Bros.\nShares fell.", "org.head") == "Harwick Bros/ORGANIZATION");
  CHECK(orgs("He is an analyst at Pellworth & Co.", "org.head") == "Pellworth & Co/ORGANIZATION");
  // A listed body's acronym and its possessive before a unit's name are no words of it.
  CHECK(orgs("She works at NATO's Harwick Defence Research Centre.", "org.head") ==
        "Harwick Defence Research Centre/ORGANIZATION");
  // "and" before "Co" joins as "&" does; a figure after a legal form leaves it its period.
  CHECK(orgs("Shares of Pellworth Harwick and Co. rose.", "org.head") == "Pellworth Harwick and Co./ORGANIZATION");
  CHECK(orgs("Regulators fined Harwick Holdings Inc. 340 million euros.", "org.head") ==
        "Harwick Holdings Inc./ORGANIZATION");
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
  // an acronym right before the brand is the group's name, part of it
  CHECK(orgs("Prices at KVTU FairMart rose.", "org.camel") == "KVTU FairMart/ORGANIZATION");
  CHECK(orgs("The CEO FairMart named left.", "org.camel") == "FairMart/ORGANIZATION");
  // a place's possessive is not part of the name; a founder's is
  CHECK(orgs("Norway's Harwick Valley Bank fell.", "org.head") == "Harwick Valley Bank/ORGANIZATION");
  // "for" + a lowercase word or a date does not extend the name.
  CHECK(orgs("The Harwick Institute for years had no director.", "org.head") == "Harwick Institute/ORGANIZATION");
  // A legal form ends the name: "of <place>" after it says where the company is
  // ("Corp" and "Co" only before "of the").
  CHECK(orgs("He sold Harwick Valley Inc of Pellworth.", "org.head") == "Harwick Valley Inc/ORGANIZATION");
  CHECK(orgs("The Kelp Chemical Co of the Isles will invest.", "org.head") == "Kelp Chemical Co/ORGANIZATION");
  CHECK(orgs("Shares of Tarvel Power Corp of Canada rose.", "org.head") ==
        "Tarvel Power Corp of Canada/ORGANIZATION");
  // A place name that starts with a weak word ("New") is a modifier too.
  CHECK(orgs("Trading on the New York Marble Exchange rose.", "org.head") ==
        "New York Marble Exchange/ORGANIZATION");
  CHECK(orgs("The New Zealand Harwick Association met.", "org.head") ==
        "New Zealand Harwick Association/ORGANIZATION");
  // A league's group in standings is no body; a named division is.
  CHECK(orgs("STANDINGS\nEASTERN DIVISION\nW L PCT\nIt leads the Central Division.", "org.head") == "");
  CHECK(orgs("The Harwick Valley Division met.", "org.head") == "Harwick Valley Division/ORGANIZATION");
  // A bare head is no name.
  CHECK(orgs("The ministry said nothing. Ministry staff left.", "org.head") == "");
  // A two-letter head is an acronym: in capitals it ends a name, as a
  // capitalized word ("Xi", a name) it does not.
  CHECK(orgs("A Pellworth XI played Harwick SA on Monday.", "org.head") ==
        "Pellworth XI/ORGANIZATION | Harwick SA/ORGANIZATION");
  CHECK(orgs("Delegates Tomas Varga Xi Lanfen and Sa Kelp met.", "org.head") == "");
}

TEST_CASE("organization: an acronym before a body's noun") {
  CHECK(orgs("A spokesman for the KVLP union said a KVLP member left.", "org.acronym_noun") ==
        "KVLP/ORGANIZATION | KVLP/ORGANIZATION");
  // Not a word in capitals, a place, a headline.
  CHECK(orgs("He is the ERA leader. USA officials met.\nTARVEL UNION LEADER QUITS", "org.acronym_noun") == "");
  // Before a verb of saying or a body's office; an ambiguous title ("MK") is
  // the body's acronym before its noun, a title that is no more ("MP") is not.
  CHECK(orgs("KVTA said rates would rise. The KVTA managing director left.", "org.acronym_noun") ==
        "KVTA/ORGANIZATION | KVTA/ORGANIZATION");
  CHECK(orgs("The MK party won. An MP spokesman said so.", "org.acronym_noun") == "MK/ORGANIZATION");
}

TEST_CASE("organization: a name before its shares or stock is a company") {
  CHECK(orgs("Kelvor Hanley shares rose 5 percent and Brandt's stock fell.", "org.shares") ==
        "Kelvor Hanley/ORGANIZATION | Brandt/ORGANIZATION");
  // A place's shares are those traded there.
  CHECK(orgs("London shares closed higher.", "org.shares") == "");
  // A sentence's capital is no evidence, unless a company list has the word.
  CHECK(orgs("Bank shares fell. Apple shares rose 2 percent.", "org.shares") == "Apple/ORGANIZATION");
}

TEST_CASE("organization: two names joined by '&' are a firm") {
  CHECK(orgs("His lawyer at Dunmore & Kessling and a Smith & Wesson dealer spoke.", "org.ampersand") ==
        "Dunmore & Kessling/ORGANIZATION | Smith & Wesson/ORGANIZATION");
  // Names that are given names too but surnames more often.
  CHECK(orgs("The deal was advised by Kirkland & Ellis.", "org.ampersand") == "Kirkland & Ellis/ORGANIZATION");
  // Plain words, two given names, a run's tail.
  CHECK(orgs("Sales & Marketing grew. Kevin & Emma left. Acme Kelvor Hanley & Brandt.", "org.ampersand") == "");
}

TEST_CASE("organization: a legal form in several tokens or in lowercase ends the company name") {
  CHECK(orgs("Korvel Line A/S and Banca Verde S.p.A. signed with Widget Holdings N.V. on Monday.",
             "org.legal_form") ==
        "Korvel Line A/S/ORGANIZATION | Banca Verde S.p.A./ORGANIZATION | Widget Holdings N.V./ORGANIZATION");
  CHECK(orgs("Shares of Korvel Group plc fell.", "org.legal_form") == "Korvel Group plc/ORGANIZATION");
  // A period that ends the sentence is the sentence's.
  CHECK(orgs("They sold it to Tarvo N.V. The deal closed.", "org.legal_form") == "Tarvo N.V/ORGANIZATION");
  // "Abp" is a legal form like "Oyj".
  CHECK(orgs("Tarvo Bank Abp agreed.", "org.head") == "Tarvo Bank Abp/ORGANIZATION");
  // A listed form of several tokens is one head, also after a title's word
  // ("Pte", a private) or with its periods and comma; so is Thailand's "PCL".
  CHECK(orgs("Regulators fined Tarsek Kelvo Pte Ltd for breaches.", "org.head") ==
        "Tarsek Kelvo Pte Ltd/ORGANIZATION");
  CHECK(orgs("Tarsek Kelvo Pte. Ltd. said on Monday it would list.", "org.head") ==
        "Tarsek Kelvo Pte. Ltd./ORGANIZATION");
  CHECK(orgs("Kelvo Tarsi Co., Ltd. said on Monday it would expand.", "org.head") ==
        "Kelvo Tarsi Co./ORGANIZATION | Kelvo Tarsi Co., Ltd./ORGANIZATION");
  CHECK(orgs("Kelvo Tarsi PCL said profit rose.", "org.head") == "Kelvo Tarsi PCL/ORGANIZATION");
}

TEST_CASE("organization: a name its acronym defines goes on over a country and back over \"for\"") {
  CHECK(orgs("The Savings Council Kelvonia (SC) fined two brokers.", "org.head") ==
        "Savings Council/ORGANIZATION");
  CHECK(orgs("The Savings Council Malaysia (SC) fined two brokers.", "org.head") ==
        "Savings Council Malaysia/ORGANIZATION");
  CHECK(orgs("Members of the Unity for Kelvo Party (UKP) met.", "org.head") ==
        "Unity for Kelvo Party/ORGANIZATION");
  // Not initials that spell it: the name stays as it was.
  CHECK(orgs("Members of the Unity for Kelvo Party (KP) met.", "org.head") == "Kelvo Party/ORGANIZATION");
}

TEST_CASE("organization: \"Establishment\" ends a research body's name, not alone") {
  CHECK(orgs("He joined the Kelvo Radar Research Establishment in 1941.", "org.head") ==
        "Kelvo Radar Research Establishment/ORGANIZATION");
  CHECK(orgs("The Establishment distrusted him.", "org.head") == "");
}

TEST_CASE("organization: a plural's possessive apostrophe joins its word to the name") {
  CHECK(orgs("The Kelvonian Employers' Confederation said so.", "org.head") ==
        "Kelvonian Employers' Confederation/ORGANIZATION");
  CHECK(orgs("The Tarsi Growers\u2019 Union met.", "org.head") == "Tarsi Growers\u2019 Union/ORGANIZATION");
}

TEST_CASE("organization: a listed company before its legal form, and its short name") {
  // a lowercase particle inside the listed name ("do") ends the walk left
  check_mentions({{"Economists at Banco do Brasil SA said so.", "Banco do Brasil SA/ORGANIZATION"}});
  // a sentence's first word stays in a name of common words only
  CHECK(orgs("Falcon Platinum Holdings Ltd said so.", "org.head") == "Falcon Platinum Holdings Ltd/ORGANIZATION");
  CHECK(orgs("Rival Korvel Holdings Ltd said so.", "org.head") == "Korvel Holdings Ltd/ORGANIZATION");
  // a capitalized word in parentheses with the name's first letter is its short name
  check_mentions({{"Falcon Platinum Holdings Ltd (Falplats) said so.",
                   "Falcon Platinum Holdings Ltd/ORGANIZATION | Falplats/ORGANIZATION"}});
}

TEST_CASE("organization: two common words joined by \"and\" before a head") {
  CHECK(orgs("The Parks and Recreation Department hired staff.", "org.head") ==
        "Parks and Recreation Department/ORGANIZATION");
  // not before a listed name of its own
  CHECK(orgs("The Navy and Air Force held drills.", "org.head").find("Navy and") == std::string::npos);
  // a comma list closed by the acronym of all the initials
  check_mentions({{"Talks at the Council for Trade, Labour and Pensions (CTLP) failed.",
                   "Council for Trade, Labour and Pensions/ORGANIZATION | CTLP/ORGANIZATION"}});
}

TEST_CASE("organization: portfolios, bills and indexes are no mentions") {
  check_mentions({{"Water Affairs Minister Ivo Tarvel urged talks.", "Ivo Tarvel/PERSON"},
                  {"The governor signed Senate Bill 1481 into law.", ""},
                  {"The S&P 500 closed flat.", ""}});
}

TEST_CASE("organization: a place before a lowercase stock exchange is the place") {
  check_mentions({{"Shares rose on the Sao Paulo stock exchange.", "Sao Paulo/LOCATION"}});
}

TEST_CASE("organization: a person's possessive is no part of the name after it") {
  // nor any name's before a listed name
  CHECK(orgs("Young members of Tarsek's Christian Democratic Union voted.", "org.head") ==
        "Christian Democratic Union/ORGANIZATION");
  CHECK(orgs("Kowalski's Green Reform Party quit the coalition.", "org.head") == "Green Reform Party/ORGANIZATION");
  CHECK(orgs("Kowalski's Green Reform Party quit the coalition.", "org.person_possessor") == "Kowalski/PERSON");
  // a firm named after its founder keeps the possessive
  CHECK(orgs("Hanley's Corp said so.", "org.head") == "Hanley's Corp/ORGANIZATION");
}

TEST_CASE("organization: in capitals a nationality word and a common noun are no name") {
  CHECK(orgs("FRENCH COALITION WOBBLES AFTER VOTE", "org.head") == "");
  CHECK(orgs("ISRAELI ARMY RAIDS TOWN", "org.head") == "ISRAELI ARMY/ORGANIZATION");
}

TEST_CASE("organization: an armed service or the treasury by its head word after \"the\"") {
  CHECK(orgs("Tom Harwick enlists in the Navy and is posted abroad.", "org.service") == "Navy/ORGANIZATION");
  CHECK(orgs("She ordered a review of the Army's helicopter fleet.", "org.service") == "Army/ORGANIZATION");
  CHECK(orgs("He was named deputy secretary of the Treasury on Tuesday.", "org.service") ==
        "Treasury/ORGANIZATION");
  // Without "the" the word is an adjective ("Army troops"); other bare heads stay unnamed.
  CHECK(orgs("Army troops were called in.", "org.service") == "");
  CHECK(orgs("A spokesman for the Ministry said so.", "org.service") == "");
}

TEST_CASE("organization: a title word between a place and the head is a word of the name") {
  CHECK(orgs("She was treated at Dayton General Hospital on Monday.", "org.head") ==
        "Dayton General Hospital/ORGANIZATION");
  CHECK(orgs("He died at Santa Rosa General Hospital.", "org.head") == "Santa Rosa General Hospital/ORGANIZATION");
}

TEST_CASE("organization: role context") {
  CHECK(orgs("The founder of Acme Robotics, Dr Ingrid Olsen, said so.", "org.role") ==
        "Acme Robotics/ORGANIZATION");
  CHECK(orgs("said Ian Wells, an analyst at Brennan & Co.", "org.role") == "Brennan & Co/ORGANIZATION");
  // A place after a role noun is not a workplace.
  CHECK(orgs("The president of France arrived.", "org.role") == "");
  // A title before a given name opens a person's name, not a workplace's.
  CHECK(orgs("A spokeswoman for Mayor Dana Whitlow said so.", "org.role") == "");
  CHECK(orgs("A spokesman for Gov. Andy Pellworth declined to comment.", "org.role") == "");
  CHECK(orgs("He is an analyst at Admiral Harwick Partners.", "org.role") == "Admiral Harwick Partners/ORGANIZATION");
  // A currency's letters before "$" begin an amount, not a word of the name.
  CHECK(orgs("Regulators fined a unit of Tarvo Kelmar Co HK$15 million.", "org.role") ==
        "Tarvo Kelmar Co/ORGANIZATION");
  CHECK(orgs("It sold the stake to the Kelvo Institute for S$480 million.", "org.head") ==
        "Kelvo Institute/ORGANIZATION");
}

TEST_CASE("organization: sports result lines and tables") {
  CHECK(orgs("Wrexham 2 Chester 1", "org.team") == "Wrexham/ORGANIZATION | Chester/ORGANIZATION");
  // A month after the number makes a date line, no result.
  CHECK(orgs("Printed 18 February 2008\nIt rained.", "org.team") == "");
  CHECK(orgs("Golden Star (Serbia) 70 Halde (Germany) 65", "org.team") ==
        "Golden Star/ORGANIZATION | Halde/ORGANIZATION");
  CHECK(orgs("Wrexham 4 2 1 1 6 4 7", "org.team") == "Wrexham/ORGANIZATION");
  CHECK(orgs("BOSTON 70 62 .530 4", "org.team") == "BOSTON/ORGANIZATION");
  // National sides keep the country's type; a dateline is not a table row.
  CHECK(orgs("Brazil 2 Chile 0", "org.team") == "");
  CHECK(orgs("MADRID 2001-05-04", "org.team") == "");
  // A golfer's scores are not a club's.
  CHECK(orgs("Ernie Wessel 68 70 71", "org.team") == "");
  // "St", which a given-name list has, is a particle opening a saint's name there.
  CHECK(orgs("St Corvan 3 1 2 0 6 4 5", "org.team") == "St Corvan/ORGANIZATION");
  CHECK(orgs("Kelmore 1 St Corvan 1", "org.team") == "Kelmore/ORGANIZATION | St Corvan/ORGANIZATION");
  // The scorers in parentheses after the first side's score (an extra ")" too),
  // and a sentence's period after the last score.
  CHECK(orgs("Wrexham 2 (Tarvel 12th, Kelp 64th pen, 70th)) Chester 0", "org.team") ==
        "Wrexham/ORGANIZATION | Chester/ORGANIZATION");
  CHECK(orgs("Kelmore 1 (Tarvel 9th) Dunhaven 2 (Kelp 3rd, 60th).", "org.team") ==
        "Kelmore/ORGANIZATION | Dunhaven/ORGANIZATION");
  CHECK(orgs("Wrexham 0 Chester 0.", "org.team") == "Wrexham/ORGANIZATION | Chester/ORGANIZATION");
  // A number attached to the word before is no score: a bond's terms.
  CHECK(orgs("Apr.05 NEXT FIX 3.", "org.team") == "");
  // Australian rules: goals and behinds, then the points in parentheses.
  CHECK(orgs("Kelmore 9.8 (62) Dunhaven 13.12 (90)", "org.team") ==
        "Kelmore/ORGANIZATION | Dunhaven/ORGANIZATION");
  CHECK(orgs("Kelmore 9.8 (62) said 13.12 (90)", "org.team") == "");
  CHECK(orgs("Kelmore 57.25 Dunhaven 13.12", "org.team") == "");
}

// A standings row with its rank, "1. Kelmore 31 points", in a sports report:
// one number will do for a place or a listed club; a place that is also a
// surname only in a table that has a listed club (riders are ranked so too).
TEST_CASE("organization: ranked standings rows") {
  const std::string report = "Soccer league match report: the team scored goals in the match, the coach said.\n";
  CHECK(orgs(report + "Top of the table:\n1. Ghent 31 points\n2. Juventus 29\n", "org.team_table") ==
        "Ghent/ORGANIZATION | Juventus/ORGANIZATION");
  CHECK(orgs(report + "Standings:\n1. Ghent 31 points\n2. Como 29\n3. Juventus 26\n", "org.team_table") ==
        "Ghent/ORGANIZATION | Como/ORGANIZATION | Juventus/ORGANIZATION");
  CHECK(orgs(report + "Standings:\n1. Tarvelli 40 points\n2. Como 34\n3. Kelpson 24\n", "org.team_table") == "");
  // a player's name, a word no list has: no club
  CHECK(orgs(report + "Standings:\n1. Ivo Tarvel 4,450 points\n2. Kelmore 29\n", "org.team_table") == "");
  // not outside a sports report
  CHECK(orgs("The town that won the vote:\n1. Ghent 31 points\n", "org.team_table") == "");
}

// "the Champions League": in a sports report a League no list has is a
// competition (an event, no mention); a listed league body stays.
TEST_CASE("organization: a competition's League in a sports report is no mention") {
  const std::string report = "Soccer league match report: the team scored goals in the match, the coach said.\n";
  CHECK(names_test::mentions(report + "They play in the Champions League and the Tarvel League next season.") == "");
  CHECK(names_test::mentions(report + "The Premier League fined them.") == "Premier League/ORGANIZATION");
  // outside a sports report a League is a body
  CHECK(names_test::mentions("The Tarvel League for Democracy won the vote.") ==
        "Tarvel League for Democracy/ORGANIZATION");
}

// org.team_context looks for its cue words (team_cue_near) before it scans a
// slot's chunk: each cue, before the slot or up to the word after a 3-word
// chunk, must still be found.
TEST_CASE("organization: cricket scores after a place, not a bowler's figures") {
  const std::string text =
      "Scores in the cricket match, first innings:\nHove: Sussex 363 (A. Kelp 111), Kent 197-8\n"
      "Bowling: Kendal 16-1-88-0, Buxton 13-4-47-1\n";
  CHECK(orgs(text, "org.team_score") == "Sussex/ORGANIZATION | Kent/ORGANIZATION");
  // A word no list knows is a club with both innings or the wickets after it.
  const std::string unknown =
      "Scores in the cricket match, second innings:\nTarvelshire 259 and 207, Kelpton 114 and 211.\n"
      "Ravelby 197-8\nBowling: Kelpson 17-0-91-0\n";
  CHECK(orgs(unknown, "org.team_score") ==
        "Tarvelshire/ORGANIZATION | Kelpton/ORGANIZATION | Ravelby/ORGANIZATION");
}

TEST_CASE("organization: team context cues before and after the slot") {
  // Sports words make the document a sports report (Context::sports).
  const std::string report = "Soccer league match report: the team scored goals in the match.\n";
  const auto teams = [&](const std::string& line) { return orgs(report + line, "org.team"); };
  CHECK(teams("Leicester beat Somerset by five wickets.") ==
        "Leicester/ORGANIZATION | Somerset/ORGANIZATION");  // verb after one, before the other
  CHECK(teams("Yorkshire drew with Kent at the weekend.") == "Yorkshire/ORGANIZATION | Kent/ORGANIZATION");
  CHECK(teams("Derby lost to Essex on Sunday.") == "Derby/ORGANIZATION | Essex/ORGANIZATION");
  CHECK(teams("He joined Torino in May.") == "Torino/ORGANIZATION");
  CHECK(teams("Newcastle striker Alan Brewster scored.") == "Newcastle/ORGANIZATION");  // a club role after
  CHECK(teams("Paris St Germain beat Nantes.") ==
        "Paris St Germain/ORGANIZATION | Nantes/ORGANIZATION");  // the verb 3 words on
  CHECK(teams("Leeds Rovers won again.") == "Leeds Rovers/ORGANIZATION");  // a team word, no verb
  CHECK(teams("Leicester is a city.") == "");
  CHECK(teams("Kelpson, who played for Leicester, homered for Denver.") ==
        "Leicester/ORGANIZATION | Denver/ORGANIZATION");
  CHECK(teams("He left for Leicester on Monday.") == "");
  CHECK(teams("The former Leicester skipper retired.") == "Leicester/ORGANIZATION");
  CHECK(teams("Kelpson was transferred to Denver in May.") == "Denver/ORGANIZATION");
  CHECK(teams("Kelpson has signed a contract with them from Denver.") == "Denver/ORGANIZATION");
  CHECK(teams("Kelpson flew home from Denver.") == "");
  CHECK(teams("Kelpson took four wickets, reducing Leicester to 133 for five.") == "Leicester/ORGANIZATION");
  CHECK(teams("By stumps Leicester had reached 108 for three.") == "Leicester/ORGANIZATION");
  CHECK(teams("The flight to Leicester took 45 minutes.") == "");
  CHECK(teams("The former Denver and Leicester skipper retired.") ==
        "Denver/ORGANIZATION | Leicester/ORGANIZATION");
  // A common word that opens the sentence is no name before the first club.
  CHECK(teams("Former Denver and Leicester skipper Ivo Tarsen retired.") ==
        "Denver/ORGANIZATION | Leicester/ORGANIZATION");
  // "by" after a result: the side that won.
  CHECK(teams("It was their first home defeat by Leicester since May.") == "Leicester/ORGANIZATION");
  CHECK(teams("They were held 0-0 by Leicester on Saturday.") == "Leicester/ORGANIZATION");
  CHECK(teams("He was driven by Leicester to the airport.") == "");
  // A motor racing team before its driver.
  CHECK(teams("Leicester driver Ivo Tarvel was third.") == "Leicester/ORGANIZATION");
  CHECK(teams("Fans met in Denver and Leicester fans sang.") == "Leicester/ORGANIZATION");
  CHECK(teams("Kelpson signed. He flew in from Denver.") == "");
  // A possessive: a player's name or a result the club owns after it.
  CHECK(teams("He outpitched Denver's Gary Kelpson on Friday.") == "Denver/ORGANIZATION");
  CHECK(teams("Denver's lead over them grew.") == "Denver/ORGANIZATION");
  CHECK(teams("Denver's mayor spoke.") == "");
  CHECK(teams("Denver's Daily Kelpton newspaper said so.") == "");
  CHECK(teams("He was taken to Denver's Gary Kelpson Memorial Hospital.") == "");
  CHECK(teams("They play against Alex Kelpson's hopefuls.") == "");
  CHECK(teams("Although Denver's Gary Kelpson scored, they lost.") == "");
  // An unknown word is a slot when a team word follows within 3 tokens
  // (team_evidence_in_reach), up to the third: "Ravelby Dunmore Rovers".
  CHECK(teams("Ravelby Rovers beat Kent.") == "Ravelby Rovers/ORGANIZATION | Kent/ORGANIZATION");
  CHECK(teams("Ravelby Dunmore Rovers beat them.") == "Ravelby Dunmore Rovers/ORGANIZATION");
  // "'s", then a known given name and a capitalized word: club context. (On
  // one line the chunk takes the name in and is too long; the name must open
  // the next line.) team_cue_near must let the "'s" through: as punctuation it
  // has no lexicon bits.
  CHECK(teams("Atlanta's\nKevin Millwood pitched.") == "Atlanta/ORGANIZATION");
  CHECK(teams("Atlanta's\nsome text.") == "");
  CHECK(teams("Leeds United's coach quit.") == "Leeds United/ORGANIZATION");  // "'s", then a club role
  CHECK(teams("Atlanta's weather was fine.") == "");
  // A club travels to play away: "travel"/"travels" after the slot.
  CHECK(teams("Leicester travel to Kent next week.") == "Leicester/ORGANIZATION");
  CHECK(teams("Leicester travels to Kent next week.") == "Leicester/ORGANIZATION");
  // Plural nouns of competing sides before the slot.
  CHECK(teams("The title rivals Leicester closed in.") == "Leicester/ORGANIZATION");
  CHECK(teams("It was a win for champions Leicester.") == "Leicester/ORGANIZATION");
  CHECK(teams("The world champions Brazil lost.") == "");  // a country stays one
  CHECK(teams("The doubles champions Todd Ashford and Mark Crawley won.") == "");  // people
  // A given name and a surname whose place senses are weak (amb) are a player
  // ("Martin" and "Rivers" are also a town and a province) ...
  CHECK(teams("He lost against Wade Martin in the final.") == "");
  CHECK(teams("He joined Rory Rivers as the sole player.") == "");
  // A sentence's period ends the slot: the next sentence's first word is no part of it.
  CHECK(teams("Tarvel Rovers beat Leeds. Kent beat Derby.") ==
        "Tarvel Rovers/ORGANIZATION | Leeds/ORGANIZATION | Kent/ORGANIZATION | Derby/ORGANIZATION");
  CHECK(orgs("Results:\nA.S. Tarvel 1 F.C. Kelpton 1\n", "org.team") ==
        "A.S. Tarvel/ORGANIZATION | F.C. Kelpton/ORGANIZATION");
  // A common word opening the sentence before a national side is no club.
  CHECK(teams("Former England captain Will Brackett spoke.") == "");
  CHECK(teams("Two Scotland forwards were cautioned.") == "");
  // ... but a score line's slot stays the club
  CHECK(orgs("Tarvel 2 Rory Rivers 1", "org.team") == "Tarvel/ORGANIZATION | Rory Rivers/ORGANIZATION");
  // org.team_list: places listed with a club are clubs too.
  CHECK(orgs(report + "The title rivals Leicester, Derby and Kent closed in.", "org.team_list") ==
        "Derby/ORGANIZATION | Kent/ORGANIZATION");
  CHECK(orgs(report + "May 27 v Leicester or Derby or Kent.", "org.team_list") ==
        "Derby/ORGANIZATION | Kent/ORGANIZATION");
  // after a verb the cue is the first name's alone
  CHECK(orgs(report + "The minister is due to visit Leicester and Kent next week.", "org.team_list") == "");
  // a comma not followed by more of the list, a country, a person: no club
  CHECK(orgs(report + "The rivals Leicester beat Derby, Kent fans said.", "org.team_list") == "");
  CHECK(orgs(report + "The rivals Leicester and Brazil lost.", "org.team_list") == "");
  CHECK(orgs(report + "The rivals Leicester and Todd Ashford won.", "org.team_list") == "");
}

TEST_CASE("organization: a country's initials before a head are a word of the name") {
  CHECK(orgs("The U.S. Tarvel Department denied it.", "org.head") == "U.S. Tarvel Department/ORGANIZATION");
  CHECK(orgs("It sold Kelpton Coatings U.K. Ltd. last year.", "org.head") ==
        "Kelpton Coatings U.K. Ltd./ORGANIZATION");
}

TEST_CASE("organization: a rider's team after the country in a results list") {
  const std::string report = "Cycling results of the stage race, the team scored points in the championship:\n";
  CHECK(orgs(report + "1. Ivo Tarvel (Germany) Kelpton 4 hours 48 mins\n2. Ana Kelp (Italy) Tarvelo-Gym 5 seconds\n",
             "org.team_after_country") == "Kelpton/ORGANIZATION | Tarvelo-Gym/ORGANIZATION");
  CHECK(orgs(report + "3. Ivo Tarvel (Italy), Kelpton Motors Honda, 53.980\n", "org.team_after_country") ==
        "Kelpton Motors Honda/ORGANIZATION");
  // a gap behind the winner after the team
  CHECK(orgs(report + "2. Ana Kelp (Italy) Tarvelo-Gym +3.418\n3. Ivo Tarvel (Peru) Ghent +1 lap\n",
             "org.team_after_country") == "Tarvelo-Gym/ORGANIZATION | Ghent/ORGANIZATION");
  // a country in a team's slot, a person's name after, no results line: no team
  CHECK(orgs(report + "Ivo Tarvel (Germany) beat Ana Kelp (Italy) 6-3 6-2\n", "org.team_after_country") == "");
  CHECK(orgs(report + "Ivo Tarvel (Germany) Estonia 5\n", "org.team_after_country") == "");
  CHECK(orgs(report + "1. Ivo Tarvel (Canada), Ana Kelp (Peru), Lena\nHolt (Chile) 38.2\n", "org.team_after_country") ==
        "");
}

TEST_CASE("organization: a federal appeals court named by its number") {
  CHECK(orgs("The appeal was heard by the Second Circuit on Monday.", "org.head") == "Second Circuit/ORGANIZATION");
  CHECK(orgs("The 11th Circuit ruled.", "org.head") == "11th Circuit/ORGANIZATION");
  CHECK(orgs("The 11th Circuit Court of Appeals ruled.", "org.head_of") ==
        "11th Circuit Court of Appeals/ORGANIZATION");
  CHECK(orgs("He drove the Tarvel Circuit twice.", "org.head") == "");
}

// "City", "Town", "County" alone make a club only in a sports report, and
// not after a locative preposition there.
TEST_CASE("organization: a club's weak head word ends place names too") {
  CHECK(orgs("Settlers moved into the Old City on Monday.", "org.head") == "");
  CHECK(orgs("The Tarvel County prosecutor spoke.", "org.head") == "");
  const std::string report = "Soccer league match report: the team scored goals in the match.\n";
  CHECK(orgs(report + "Tarvel City scored twice.", "org.head") == "Tarvel City/ORGANIZATION");
  CHECK(orgs(report + "The final is in Tarvel City in June.", "org.head") == "");
  // a listed place + "City" after a locative is the place, though a company has its name
  CHECK(orgs("She grew up in Hitachi City near the coast.", "org.head") == "");
  CHECK(orgs("She grew up in Hitachi City near the coast.", "org.place_city") == "Hitachi City/LOCATION");
  // a strong head word still makes the name anywhere
  CHECK(orgs("Settlers met the Tarvel Wanderers.", "org.head") == "Tarvel Wanderers/ORGANIZATION");
}

TEST_CASE("organization: a listed place that ends with a head word is no body") {
  CHECK(orgs("Tourists filled the Left Bank cafes.", "org.head") == "");
  CHECK(orgs("Tourists filled the French Left Bank cafes.", "org.head") == "");
  check_mentions({{"Tourists filled the French Left Bank cafes.", "Left Bank/LOCATION"}});
  // an unlisted name with the head is still a body, after a nationality word too
  CHECK(orgs("Savers trust the French Tarvo Bank.", "org.head") == "French Tarvo Bank/ORGANIZATION");
}

// In a headline in capitals, a common word inside the run before a head is
// the headline's verb or noun, not part of a name.
TEST_CASE("organization: a headline's words before a head are no name") {
  CHECK(orgs("TARVELO BEAT KELPTON DYNAMO\nThe match ended.", "org.head") == "");
  CHECK(orgs("ESTONIA DISSOLVES NATIONAL TEAM\nThe coach left.", "org.head") == "");
  CHECK(orgs("TARVELO KELPTON BANK CUTS RATES\nThe bank said.", "org.head") == "TARVELO KELPTON BANK/ORGANIZATION");
}

TEST_CASE("organization: a club's country after 'of' is no part of its name") {
  CHECK(orgs("They met Kelpton Dynamo of Russia in the final.", "org.head") == "Kelpton Dynamo/ORGANIZATION");
  // ... while a body's 'of' extension stays
  CHECK(orgs("The Tarvel Bank of Russia cut rates.", "org.head") == "Tarvel Bank of Russia/ORGANIZATION");
}

// org.team_result: a result verb between two names and a score after the
// second, in any document (these are too short to read as sports reports).
TEST_CASE("organization: a result verb and a score make both sides clubs") {
  CHECK(orgs("Chelsea beat Arsenal 2-1 on Saturday.", "org.team_result") ==
        "Chelsea/ORGANIZATION | Arsenal/ORGANIZATION");
  CHECK(orgs("Yesterday Leicester edged the Ravelby Rovers 92-81.", "org.team_result") ==
        "Leicester/ORGANIZATION | Ravelby Rovers/ORGANIZATION");
  CHECK(orgs("Tarvelo of Italy beat Kelpino of Russia 92-81 in the final.", "org.team_result") ==
        "Tarvelo/ORGANIZATION | Kelpino/ORGANIZATION");
  CHECK(orgs("Kelpton Star (Serbia) beat Tarvelo (Russia) 92-90.", "org.team_result") ==
        "Kelpton Star/ORGANIZATION | Tarvelo/ORGANIZATION");
  CHECK(orgs("LEICESTER BEAT DERBY 42-36 IN SEMIFINAL.", "org.team_result") ==
        "LEICESTER/ORGANIZATION | DERBY/ORGANIZATION");
  // a hyphenated first side, whole: "Al-" is the Arabic article
  CHECK(orgs("Al-Tarsi beat Al-Kelvo 2-1 in the league.", "org.team_result") ==
        "Al-Tarsi/ORGANIZATION | Al-Kelvo/ORGANIZATION");
  // National sides stay countries; people, tennis sets and no score: no club.
  CHECK(orgs("Brazil beat Chile 2-0.", "org.team_result") == "");
  CHECK(orgs("Brazil beat Leicester 2-0.", "org.team_result") == "Leicester/ORGANIZATION");
  CHECK(orgs("The Seattle Mariners defeated the Texas Rangers 7-2.", "org.team_result") ==
        "Seattle Mariners/ORGANIZATION | Texas Rangers/ORGANIZATION");
  CHECK(orgs("Higgins beat Davis 10-6 in the final.", "org.team_result") == "");
  CHECK(orgs("Tarvelo beat Kelpino 6-3 6-2.", "org.team_result") == "");
  CHECK(orgs("Tarvelo (Peru) beat Kelpino (Chile) 11-6\n11-1\n", "org.team_result") == "");
  CHECK(orgs("Olmaz beat Germany's Ingrid Kelp 2-0 in the final.", "org.team_result") == "");
  CHECK(orgs("Tarvelo of Greece beat Serbia's Kelpton Star 71-57.", "org.team_result") ==
        "Tarvelo/ORGANIZATION | Kelpton Star/ORGANIZATION");
  CHECK(orgs("Tarvelo beat Kelpino in May.", "org.team_result") == "");
}

// org.team_result with one side written: the other is a subject named before.
TEST_CASE("organization: a result verb after a lowercase word, a name and a score make the name a club") {
  CHECK(orgs("Kelpino went second after beating Tarvelo 2-1 on Sunday.", "org.team_result") ==
        "Tarvelo/ORGANIZATION");
  CHECK(orgs("Kelpino, who beat Ravelby Rovers 3-0, lead.", "org.team_result") == "Ravelby Rovers/ORGANIZATION");
  // The side before ", who" won: a club too when a place is in it (also
  // before a listed club that a given name opens).
  CHECK(orgs("Leicester, who beat Ravelby Rovers 3-0, lead.", "org.team_result") ==
        "Leicester/ORGANIZATION | Ravelby Rovers/ORGANIZATION");
  CHECK(orgs("Leicester, who beat Real Betis 3-0, lead.", "org.team_result") ==
        "Leicester/ORGANIZATION | Real Betis/ORGANIZATION");
  CHECK(orgs("Leicester, who beat Tarvelo 6-3 6-2, lead.", "org.team_result") == "");
  // a player, sets, a country and no score: no club
  CHECK(orgs("She won after beating Serena Williams 6-3.", "org.team_result") == "");
  CHECK(orgs("He went through after beating Tarvelo 6-3 6-2.", "org.team_result") == "");
  CHECK(orgs("They went through after beating Chile 2-0.", "org.team_result") == "");
  CHECK(orgs("They went through after beating Tarvelo in May.", "org.team_result") == "");
}

// org.team_result with the score before the second side and its preposition.
TEST_CASE("organization: a result verb, a score and the other side make both clubs") {
  CHECK(orgs("Tarvelo drew 1-1 with Kelpino on Sunday.", "org.team_result") ==
        "Tarvelo/ORGANIZATION | Kelpino/ORGANIZATION");
  CHECK(orgs("Kelpton Rovers lost 0-1 to Tarvelo.", "org.team_result") ==
        "Kelpton Rovers/ORGANIZATION | Tarvelo/ORGANIZATION");
  CHECK(names_test::mentions("Tarvelo drew 1-1 with Leicester on Sunday.") ==
        "Tarvelo/ORGANIZATION | Leicester/ORGANIZATION");
  // a person's side and no score: no club
  CHECK(orgs("Higgins lost 6-10 to Davis.", "org.team_result") == "");
  CHECK(orgs("Tarvelo drew level with Kelpino.", "org.team_result") == "");
}

// org.team_context: "level with" a side in a sports report.
TEST_CASE("organization: a side drawn level with is a club in a sports report") {
  CHECK(names_test::mentions("Tarvelo Rovers beat Kelpton Town 2-1 in the league on Saturday. The striker scored "
                             "twice in the second half and the coach praised his goal. The win moves "
                             "Tarvelo Rovers level with Leicester at the top of the table.") ==
        "Tarvelo Rovers/ORGANIZATION | Kelpton Town/ORGANIZATION | Tarvelo Rovers/ORGANIZATION | "
        "Leicester/ORGANIZATION");
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
      // A given name and a country in parentheses after a result verb: a player.
      {"Singles, third round:\nAna Kelp (Estonia) beat Mark Ashcombe (Peru) 6-3 6-2\n"
       "Ivo Tarn (Chile) beat Lena Holt (Peru) 6-2 6-4\n",
       "Ana Kelp/PERSON | Estonia/LOCATION | Mark Ashcombe/PERSON | Peru/LOCATION | Ivo Tarn/PERSON | "
       "Chile/LOCATION | Lena Holt/PERSON | Peru/LOCATION"},
      // The organization or place at the start of an event's name is no mention
      // of its own (events are not entities), here or repeated; a longer name
      // that goes on past the event word stays.
      {"He won the Harwick Bank Classic in May, sponsored by Harwick Bank.", "Harwick Bank/ORGANIZATION"},
      {"Offices close for Labour Day in Ghent.", "Ghent/LOCATION"},
      // A war is an event too: the place in its name is no mention.
      {"Veterans of the Vietnam War and the Gulf War met in Ghent.", "Ghent/LOCATION"},
      {"Pellworth beat Tarvel in the UEFA Cup final.", ""},
      {"Ivo Tarvel beat Ana Kelp in the final of the ATP Finals in Ghent.",
       "Ivo Tarvel/PERSON | Ana Kelp/PERSON | Ghent/LOCATION"},
      {"The Federal Open Market Committee met.", "Federal Open Market Committee/ORGANIZATION"},
      // A name with a model's or version's number after a determiner is a
      // product's (no entity), whatever its words are; a quantity is no model.
      {"The firm launched a Ghent 9 rocket and its Ghent 3 model in Ghent.", "Ghent/LOCATION"},
      {"The firm tested its Harwick-1 launcher.", ""},
      {"Ghent 2 Tarvel 1", "Ghent/ORGANIZATION | Tarvel/ORGANIZATION"},
      // An award is no entity either, even where its first word is a given name.
      {"She won the Ingrid Prize for chemistry in Ghent.", "Ghent/LOCATION"},
      // ... and so is a market index named after its maker; an exchange's index
      // stays the exchange's.
      {"The Nikkei average fell while the Nasdaq composite index rose.", ""},
      {"The Pellworth Stock Exchange index rose.", "Pellworth Stock Exchange/ORGANIZATION"},
      // A masthead's capitalized "Index" and two makers joined by "/" name an index too.
      {"The Pellworth Times Index fell. Pellworth Times Index stocks fell.", ""},
      {"The Reuters/PLW 200 index fell and the Reuters/PLW composite rose.", ""},
      {"A Reuters/PLW 2024 report.", "Reuters/ORGANIZATION"},
      {"EU industrial output rose.", "EU/ORGANIZATION"},
      // A wire service's sign-off names its bureau: a newsroom or desk.
      {"Prices fell.\n-- Ghent Newsroom +32 9 555 0101", "Ghent Newsroom/ORGANIZATION"},
      {"Prices fell.\n-- Ana Kelp, Ghent Energy Desk +32 9 555 0101", "Ana Kelp/PERSON | Ghent Energy Desk/ORGANIZATION"},
      // A cricket score after a place makes it the club, and its other mentions too.
      {"Close of play in the cricket match, second innings:\nAt Tarvel: Kent 255-3 (A. Kelp 64), Sussex 363 and 144.\n"
       "Kent need 40 more runs with seven wickets left.\n",
       "Kent/ORGANIZATION | A. Kelp/PERSON | Sussex/ORGANIZATION | Kent/ORGANIZATION"},
      // National sides are their country, also the home nations of the UK.
      {"Estonia beat Northern Ireland 2-1 in the qualifier, and the striker said Scotland drew.",
       "Estonia/LOCATION | Northern Ireland/LOCATION | Scotland/LOCATION"},
  });
}

// recognize_organizations finds every rule's start tokens, and the lines with
// their ends, in one pass (OrgStarts); the rules then run one after the other.
// Lines that open with lowercase or punctuation, a last line without a newline,
// and candidates coming out grouped by rule in the fixed rule order (camel,
// team lines, team context, role, head) must be as with one pass per rule:
// resolution breaks ties by candidate order.
TEST_CASE("organization: one pass for all rules keeps lines and candidate order") {
  const std::string text =
      "- results on Saturday:\n"
      "Wrexham 2 Chester 1\n"
      "the analyst at Brennan & Co. said KelpCorp and the Harwick Valley Bank gained.\n"
      "(note) Leicester beat Chester in the league.\n"
      "Walsall 3 Grimsby 3";
  CHECK(orgs(text, "org.team_score") ==
        "Wrexham/ORGANIZATION | Chester/ORGANIZATION | Walsall/ORGANIZATION | Grimsby/ORGANIZATION");
  CHECK(orgs(text, "org.role") == "Brennan & Co./ORGANIZATION");  // "Co. said" keeps its period
  CHECK(orgs(text, "org.camel") == "KelpCorp/ORGANIZATION");
  CHECK(orgs(text, "org.head") == "Brennan & Co./ORGANIZATION | Harwick Valley Bank/ORGANIZATION");

  static newsner::text::Tokenizer tok;
  const auto tt = tok.tokenize(text);
  const newsner::recognize::Context ctx(tt, names_test::matcher());
  std::vector<newsner::Candidate> out;
  newsner::recognize::recognize_organizations(ctx, out);
  const auto rank = [](std::string_view rule) {
    if (rule == "org.camel") return 0;
    if (rule.starts_with("org.team_score") || rule.starts_with("org.team_table")) return 1;
    if (rule == "org.team_context" || rule == "org.team_word") return 2;
    if (rule == "org.role") return 3;
    if (rule == "org.ampersand") return 5;
    return 4;
  };
  std::string order;
  for (std::size_t k = 0; k < out.size(); ++k) {
    order += std::to_string(rank(out[k].evidence));
    if (k > 0) CHECK(rank(out[k - 1].evidence) <= rank(out[k].evidence));
    // within one rule, in token order
    if (k > 0 && rank(out[k - 1].evidence) == rank(out[k].evidence)) CHECK(out[k - 1].token_begin < out[k].token_begin);
  }
  CHECK(order.find('2') != std::string::npos);  // "Leicester beat": the team_context rule ran
}

// The starts come from Context's lists: role nouns (a lexicon bit) and
// capitalized or alphanumeric tokens, whose organization heads and org words
// include "3M" and "X5".
TEST_CASE("organization: role and head rules start at role nouns and alphanumeric words") {
  const std::string text = "The executive of 3M Co. and an analyst at X5 Retail Group said; a Chief of Acme.";
  CHECK(orgs(text, "org.role") == "3M Co./ORGANIZATION | X5 Retail Group/ORGANIZATION");
  CHECK(orgs(text, "org.head") == "3M Co./ORGANIZATION | X5 Retail Group/ORGANIZATION");
}

// org.camel tests 8 bytes at once for a capital inside words of 6 to 12 bytes
// (may_have_inner_capital) before its byte loop: every length, a capital at
// the first and last place the rule looks (bytes 3 and size - 2) or just
// outside them, and words at the very end of the text, must give what the
// byte loop alone gives.
TEST_CASE("organization: camel names of every length and capital position") {
  // (word, a camel name?) Capitals at byte 2 or at the last byte do not count.
  const std::vector<std::pair<std::string, bool>> words = {
      {"KelCorp", true},     {"KelpCo", true},         {"KeLpcorp", false},      {"Kelpcorp", false},
      {"KelpcO", false},     {"KelpcorpX", false},     {"KelpcorpXy", true},     {"KelpcorpbaNk", true},
      {"KelpcorpbanK", false}, {"KelpcorpbankX", false}, {"KelpcorpbanKs", true}, {"Kelpcorpbankhouse", false},
      {"KelpcorpbankhoUse", true}, {"Kelpcorpbank", false}, {"K\xC3\xA9lpCorp", false}, {"KelpZorp", true},
      {"KelpAorp", true},      {"Kelp@orp", false},      {"Kelp[orp", false}};
  for (const auto& word_camel : words) {
    const std::string& word = word_camel.first;
    const bool camel = word_camel.second;
    INFO(word);
    const std::string expect = camel ? word + "/ORGANIZATION" : "";
    CHECK(orgs("Shares of " + word + " rose.", "org.camel") == expect);
    CHECK(orgs("Shares of " + word, "org.camel") == expect);  // the word ends the text
    CHECK(orgs(word, "org.camel") == expect);
  }
}

// OrgStarts keeps its start lists in per-thread buffers across documents:
// each document must see only its own starts (a list not cleared would run
// the previous document's heads, lines and roles on this one's tokens).
TEST_CASE("organization: a document after others sees none of their starts") {
  const std::string first =
      "Walsall 3 Grimsby 3\nHe joined Harwick Valley Bank, said an analyst at Brennan & Co. in Kiel Institute for "
      "the World Economy.";
  const std::string second = "it rained on the quiet town all day and all night long, and so on.";
  const std::string want_first = orgs(first);
  CHECK(want_first.find("Harwick Valley Bank/ORGANIZATION") != std::string::npos);
  CHECK(want_first.find("Walsall/ORGANIZATION") != std::string::npos);
  CHECK(orgs(second) == "");
  CHECK(orgs(first) == want_first);
  CHECK(orgs("rain") == "");
  CHECK(orgs(first + "\n" + second) == want_first);
}

// Lines whose second word is lowercase are left out of the team rules before
// any chunk is scanned, but for the particles that team_chunk takes in.
TEST_CASE("organization: team lines with a lowercase particle after the first word") {
  CHECK(orgs("Rayo de Sevilla 2 Valbona 1", "org.team_score") ==
        "Rayo de Sevilla/ORGANIZATION | Valbona/ORGANIZATION");
  CHECK(orgs("Villa del Sol 2 Valbona la Nova 1", "org.team_score") ==
        "Villa del Sol/ORGANIZATION | Valbona la Nova/ORGANIZATION");
  CHECK(orgs("Walsall 3 Grimsby 3", "org.team_score") == "Walsall/ORGANIZATION | Grimsby/ORGANIZATION");
  CHECK(orgs("Walsall beat Grimsby 3 1", "org.team_score") == "");
}

// OrgStarts finds the starts of org.acronym_noun, org.shares and the cricket
// scores in its one walk over the capitalized tokens, with tests that only
// narrow them down; each rule then makes its own tests again. Every edge of
// those pre-tests: sizes, the text's last token, "'" and "'s", each stock
// word's first letter, and a document that is no sports report.
TEST_CASE("organization: the starts of one walk are those of the rules' own tests") {
  // Acronyms of 2 to 6 bytes only, before a lowercase body noun, not at the end.
  CHECK(orgs("The K union, the KV union, the KVLPXZ union and the KVLPXZW union met.", "org.acronym_noun") ==
        "KV/ORGANIZATION | KVLPXZ/ORGANIZATION");
  CHECK(orgs("The KV Union met the KV", "org.acronym_noun") == "");
  // Shares: every stock word, "'s" attached (not spaced), a bare "'", other
  // words with the same first letters, and a name that ends the text.
  CHECK(orgs("Brandt shares rose. Kelvor stock fell. Hanley shareholders met. Tarvel gdrs and Olsen adrs gained.",
             "org.shares") ==
        "Brandt/ORGANIZATION | Kelvor/ORGANIZATION | Hanley/ORGANIZATION | Tarvel/ORGANIZATION | Olsen/ORGANIZATION");
  CHECK(orgs("Brandt's shares rose and Hanleys' shares fell.", "org.shares") ==
        "Brandt/ORGANIZATION | Hanleys/ORGANIZATION");
  CHECK(orgs("Brandt 's shares rose. Kelvor sales, Tarvel goals and Olsen assets grew. Brandt", "org.shares") == "");
  // Cricket scores only in a sports report.
  const std::string line = "Hove: Sussex 363 (A. Kelp 111), Kent 197-8\n";
  CHECK(orgs(line, "org.team_score") == "");
  CHECK(orgs("Scores in the cricket match, first innings:\n" + line + "Bowling: Salisbury 17-0-91-0\n",
             "org.team_score") == "Sussex/ORGANIZATION | Kent/ORGANIZATION");
}

// starts_unnamed_name tests the market-index words by fold hash before it
// reads the folded text: each word (in any case) still counts, and words
// that share their first letters or a prefix do not.
TEST_CASE("organization: market index words after an organization") {
  static newsner::text::Tokenizer tok;
  const auto after_nikkei = [](const std::string& word) {
    const std::string text = "The Nikkei " + word + " average fell.";  // alive while tt views it
    const auto tt = tok.tokenize(text);
    const newsner::recognize::Context ctx(tt, names_test::matcher());
    return newsner::recognize::starts_unnamed_name(ctx, newsner::EntityType::Organization, 2);
  };
  for (const std::string word : {"index", "Average", "composite", "INDUSTRIALS", "industrial"}) {
    INFO(word);
    CHECK(after_nikkei(word));
  }
  for (const std::string word : {"indexes", "averaged", "compose", "industry", "a", "i", "c", "rose"}) {
    INFO(word);
    CHECK_FALSE(after_nikkei(word));
  }
  // "industrial" only before "average"; a person's name is never an index's.
  const auto tt = tok.tokenize("The Nikkei industrial output and Nikkei index fell.");
  const newsner::recognize::Context ctx(tt, names_test::matcher());
  CHECK_FALSE(newsner::recognize::starts_unnamed_name(ctx, newsner::EntityType::Organization, 2));
  CHECK(newsner::recognize::starts_unnamed_name(ctx, newsner::EntityType::Organization, 6));
  CHECK_FALSE(newsner::recognize::starts_unnamed_name(ctx, newsner::EntityType::Person, 6));
}

// team_chunk reads "'s", ".", "-", "&" and "'" inside a team's name from the
// token's bytes: each still joins, and "'s" and "." end the chunk with them.
TEST_CASE("organization: marks inside team names on result lines") {
  CHECK(orgs("Aldwick's F.P. 3 Kelso-Ayr 1", "org.team_score") == "Aldwick's F.P./ORGANIZATION | Kelso-Ayr/ORGANIZATION");
  CHECK(orgs("Brora & Golspie 2 St. Corvan 0", "org.team_score") ==
        "Brora & Golspie/ORGANIZATION | St. Corvan/ORGANIZATION");
  CHECK(orgs("Queen's Park 2 Kelso 0", "org.team_score") == "Queen's Park/ORGANIZATION | Kelso/ORGANIZATION");
}

// org.pollster: the name between a determiner and "poll"/"survey" is the
// pollster, even a small town's name; a state, a country or a city is what
// the poll is about.
TEST_CASE("organization: a pollster before poll or survey") {
  CHECK(orgs("A Gallup poll showed support.", "org.pollster") == "Gallup/ORGANIZATION");
  CHECK(orgs("The latest Zelvar Orrin survey agreed.", "org.pollster") == "Zelvar Orrin/ORGANIZATION");
  CHECK(orgs("A Texas poll found the same.", "org.pollster") == "");
  CHECK(orgs("A Boston poll found the same.", "org.pollster") == "");
  CHECK(orgs("A Kenyan poll found the same.", "org.pollster") == "");
  CHECK(orgs("Voters told Gallup pollsters.", "org.pollster") == "");
  // ... but a school the story names whole is the pollster by its first word.
  CHECK(orgs("A Boston College poll found it. A Boston poll agreed.", "org.pollster") == "Boston/ORGANIZATION");
  check_mentions({{"Dayton University polled voters. A Dayton poll found support.",
                   "Dayton University/ORGANIZATION | Dayton/ORGANIZATION"}});
  check_mentions({{"A Gallup poll showed support for the plan.", "Gallup/ORGANIZATION"}});
}

// extend_of takes a place that opens with a weak start word ("New") in whole.
TEST_CASE("organization: an 'of' extension over a place opening with a weak start word") {
  CHECK(orgs("Shares of the Bank of New Zealand rose.", "org.head_of") == "Bank of New Zealand/ORGANIZATION");
  CHECK(orgs("He sued in the Bankruptcy Court for the Southern District of New York on Monday.", "org.head_of") ==
        "Bankruptcy Court for the Southern District of New York/ORGANIZATION");
  // after "for" a place is a destination
  CHECK(orgs("The delegation left Mexico City for New York late on Thursday.", "org.head_of") == "");
  check_mentions({{"The case went to the Attorney's Office for the Southern District of New York on Monday.",
                   "Attorney's Office for the Southern District of New York/ORGANIZATION"}});
}

// A name inside a compound adjective ("London-based") is no mention of its own.
TEST_CASE("organization: names inside a compound adjective are dropped") {
  check_mentions({{"The London-based analyst said the Amman-bound plane left.", ""},
                  {"A U.S.-led force and the Ontario-based firm Quarnby Corp. met.", "Quarnby Corp./ORGANIZATION"}});
}

TEST_CASE("organization: a word no list knows before a company's office and a person's given name") {
  CHECK(orgs("Korvatex CEO Lena Marsh told reporters.", "org.before_title") == "Korvatex/ORGANIZATION");
  CHECK(orgs("Later, Dravo chairman Thomas Eld said so.", "org.before_title") == "Dravo/ORGANIZATION");
  // a government's capitalized title, an adjective before 'leader': no body
  CHECK(orgs("Privatisation Minister Lena Marsh spoke.", "org.before_title") == "");
  CHECK(orgs("Nazi leader Gary Fenwick spoke.", "org.before_title") == "");
  check_mentions({
      {"Korvatex CEO Lena Marsh told reporters.", "Korvatex/ORGANIZATION | Lena Marsh/PERSON"},
  });
}

TEST_CASE("organization: an acronym coordinated with a body noun's name, and the PT legal form") {
  // "X and Y unions": the acronym is a union too
  CHECK(orgs("The KVT and Tarvo-Rail unions called a strike.", "org.acronym_noun") == "KVT/ORGANIZATION");
  CHECK(orgs("The KVT and Tarvo-Rail ran late.", "org.acronym_noun") == "");
  // Indonesia's legal form before the name
  CHECK(orgs("PT Tarsa Kelvo Nusantara said sales rose.", "org.legal_prefix") ==
        "PT Tarsa Kelvo Nusantara/ORGANIZATION");
  names_test::check_mentions({{"Shares of PT Tarsa Kelvo rose.", "PT Tarsa Kelvo/ORGANIZATION"}});
}

TEST_CASE("organization: a bare head in -ing before its extension is a gerund") {
  names_test::check_mentions({{"Trading on the Tarvo Stock Exchange fell.", "Tarvo Stock Exchange/ORGANIZATION"}});
}

TEST_CASE("organization: a second 'of' before a person's name ends the body's name") {
  names_test::check_mentions({{"Leaders of the Tarvo Union of Kelvonia of Jalal Tarsi met.",
                               "Tarvo Union of Kelvonia/ORGANIZATION | Jalal Tarsi/PERSON"}});
}

TEST_CASE("organization: a congregation or a synagogue heads a body's name, as a church does") {
  names_test::check_mentions({{"Members of the Tarvo Hebrew Congregation met at the Beth Kelvo Synagogue.",
                               "Tarvo Hebrew Congregation/ORGANIZATION | Beth Kelvo Synagogue/ORGANIZATION"}});
}

TEST_CASE("organization: a town in parentheses after a player's name is the club") {
  const std::string report = "Soccer squad for the match: the team scored goals in the league.\n";
  const auto clubs = [&](const std::string& line) { return orgs(report + line, "org.player_club"); };
  CHECK(clubs("Defenders - Ivo Tarvel (Leicester), Ana Kelpson (Denver).") ==
        "Leicester/ORGANIZATION | Denver/ORGANIZATION");
  // a nation in the list: the towns are where the players come from
  CHECK(clubs("1. Ivo Tarvel (Germany) 10.1\n2. Ana Kelpson (Denver) 10.2") == "");
  // a venue, not a player, before the town
  CHECK(clubs("At Kelpton Park (Denver): Leicester 230") == "");
  CHECK(clubs("Second match: at Kelpton Marsh (Denver)") == "");
  // not in a sports report
  CHECK(orgs("The talks with Ivo Tarvel (Denver) went on.\n", "org.player_club") == "");
}

TEST_CASE("organization: a place and a club's plural nickname are the club") {
  // The nickname alone is in the sports list (amb: an ordinary word); after a known place it names the club.
  CHECK(orgs("Fans of the Perth Roosters cheered on Friday.", "org.team_name") == "Perth Roosters/ORGANIZATION");
  CHECK(orgs("The Sydney Swans signed him.", "org.team_name") == "Sydney Swans/ORGANIZATION");
  // Not after a nationality word, not before another capitalized word (a headline), not without a place.
  CHECK(orgs("African Roosters are loud.", "org.team_name") == "");
  CHECK(orgs("Sydney Swans Sign Veteran", "org.team_name") == "");
  CHECK(orgs("The Roosters signed him.", "org.team_name") == "");
}

TEST_CASE("organization: a head takes a listed place of several words whole") {
  CHECK(orgs("St. Louis Fed chief Ann Varo spoke.", "org.head") == "St. Louis Fed/ORGANIZATION");
  CHECK(orgs("The Kansas City Fed said so.", "org.head") == "Kansas City Fed/ORGANIZATION");
  CHECK(orgs("The Florida Highway Patrol assisted.", "org.head") == "Florida Highway Patrol/ORGANIZATION");
}

TEST_CASE("organization: a place and its won-lost record in parentheses are the club") {
  CHECK(orgs("They play Harwick (6-3) on Sunday.", "org.team_record") == "");  // no place
  CHECK(orgs("They play for Buffalo (6-3) against Miami (2-7-1).", "org.team_record") ==
        "Buffalo/ORGANIZATION | Miami/ORGANIZATION");
  CHECK(orgs("Brazil (2-0) beat Chile.", "org.team_record") == "");  // a national side stays the country
  // A compass word and a listed place: a state's other university.
  CHECK(orgs("They host Northern Ghent (5-3) on Sunday.", "org.team_record") == "Northern Ghent/ORGANIZATION");
}

TEST_CASE("organization: a listed title of several words ending in a head is the office") {
  CHECK(orgs("Supreme Leader Tarsa Kelvo spoke.", "org.head") == "");
  CHECK(orgs("The Supreme Leader said so.", "org.head") == "");
}

TEST_CASE("organization: \"Bank\" before a listed place opens an Indonesian or Malay bank's name") {
  CHECK(orgs("Bank Central Asia's president director spoke.", "org.bank_place") == "Bank Central Asia/ORGANIZATION");
  CHECK(orgs("Shares of Bank Tarsa Indonesia rose.", "org.bank_place") == "Bank Tarsa Indonesia/ORGANIZATION");
  // A capitalized word before "Bank" makes another name; no place after it, no bank of this kind.
  CHECK(orgs("Residents of the West Bank Jericho area left.", "org.bank_place") == "");
  CHECK(orgs("Bank Kelvara said profit rose.", "org.bank_place") == "");
}

TEST_CASE("organization: a title word after a nationality word, before a common word, is the name's") {
  CHECK(orgs("The Egyptian General Mining Corporation said output rose.", "org.head") ==
        "Egyptian General Mining Corporation/ORGANIZATION");
  // Before a name the title stops the walk: the person's title.
  CHECK(orgs("Egyptian President Tarsi Foundation opened.", "org.head") == "Tarsi Foundation/ORGANIZATION");
}

TEST_CASE("organization: a listed body's word before a member's title and name, also opening a sentence") {
  check_mentions({{"Congress leader Tarsi Kelvo said the plan failed.", "Congress/ORGANIZATION | Tarsi Kelvo/PERSON"},
                  // a word that describes the member is no part of the body's name
                  {"Senior Congress leader Tarsi Kelvo said so.", "Congress/ORGANIZATION | Tarsi Kelvo/PERSON"}});
  // Without a member's title and name the sentence's first word stays out, as the lists leave it.
  CHECK(orgs("Congress passed the bill.", "org.body_before_member") == "");
}

TEST_CASE("organization: \"Research\" ends a research firm's name") {
  CHECK(orgs("A report by Kelvarin Research said shares were overvalued.", "org.head") ==
        "Kelvarin Research/ORGANIZATION");
  CHECK(orgs("Research shows the drug works.", "org.head") == "");  // a bare head
}

TEST_CASE("organization: \"Symphony\" after its place alone names an orchestra") {
  CHECK(orgs("He joined the Boston Symphony in 1979.", "org.head") == "Boston Symphony/ORGANIZATION");
  CHECK(orgs("The New York Symphony toured Asia.", "org.head") == "New York Symphony/ORGANIZATION");
  // After a composer or an ordinal, or before "of", it is a work.
  CHECK(orgs("They played Tarsen's Fifth Symphony last night.", "org.head") == "");
  CHECK(orgs("The Symphony of Kelvo Psalms was sung.", "org.head_of") == "");
  check_mentions({{"The Lisbon Symphony played Tarsen's Fifth Symphony.", "Lisbon Symphony/ORGANIZATION"}});
}

TEST_CASE("organization: a name after a lowercase newspaper noun is the paper") {
  CHECK(orgs("The daily Kelvo Zeri reported on Monday that talks failed.", "org.media") == "Kelvo Zeri/ORGANIZATION");
  CHECK(orgs("Officials told the newspaper La Tarsa, which the state owns.", "org.media") == "La Tarsa/ORGANIZATION");
  // A place after the noun is the adjective's; a word after the name that may be its noun leaves it.
  CHECK(orgs("He took a daily Lisbon flight.", "org.media") == "");
  CHECK(orgs("At the daily Kelvo briefing, ministers spoke.", "org.media") == "");
  // A given name opens the person told of.
  check_mentions({{"A spokesman told the newspaper Maria Tarsen had resigned.", "Maria Tarsen/PERSON"}});
}

TEST_CASE("organization: \"Sekuritas\" and \"Platforms\" end a company's name") {
  CHECK(orgs("Analysts at Kelvo Sekuritas expect a cut.", "org.head") == "Kelvo Sekuritas/ORGANIZATION");
  CHECK(orgs("Tarsa Platforms said revenue rose.", "org.head") == "Tarsa Platforms/ORGANIZATION");
  CHECK(orgs("Workers left the oil platforms.", "org.head") == "");
}

TEST_CASE("organization: \"Unit\" ends a body's name, but not before a number") {
  CHECK(orgs("The Kelvo Fraud Surveillance Unit said so.", "org.head") == "Kelvo Fraud Surveillance Unit/ORGANIZATION");
  CHECK(orgs("Tarsa Reactor Unit 3 was shut.", "org.head") == "");
  CHECK(orgs("She studied at the Kelvo Conservatoire.", "org.head") == "Kelvo Conservatoire/ORGANIZATION");
}

TEST_CASE("organization: \"and\" after a head word with its name joins two companies") {
  check_mentions({{"Orders from carmakers including Summit Motors and Harbor Motor Co fell.",
                   "Summit Motors/ORGANIZATION | Harbor Motor Co/ORGANIZATION"},
                  // (A nationality before the head names no company of its own.)
                  {"The Swedish Securities and Futures Board said so.",
                   "Swedish Securities and Futures Board/ORGANIZATION"}});
}

TEST_CASE("organization: a legal form the head rule cannot take ends a name with \"&\"") {
  check_mentions({{"The regulator fined Harlan & Voss Capital plc on Monday.", "Harlan & Voss Capital plc/ORGANIZATION"}});
}

TEST_CASE("organization: a country's name whose first word is a title's opens a body's name") {
  check_mentions({{"The Sri Lanka Kelvo Board said exports fell.", "Sri Lanka Kelvo Board/ORGANIZATION"}});
}

TEST_CASE("organization: a capitalized \"All\" inside a sentence opens a body's name") {
  check_mentions({{"A petition by the All Kelvo Traders Federation was heard.", "All Kelvo Traders Federation/ORGANIZATION"},
                  // (A sentence's first word is only capitalized.)
                  {"All Kelvo Traders Federation members voted.", "Kelvo Traders Federation/ORGANIZATION"}});
}

TEST_CASE("organization: capitalized words between a body's head and a lowercase \"union\" are the union's name") {
  check_mentions({{"The Kelvo Steel Workers union said it would fight.", "Kelvo Steel Workers/ORGANIZATION"}});
}
