// Gazetteer entries: one line of a gazetteer TSV file.
//
// TSV format (gazetteers/*.tsv, --gazetteer FILE): UTF-8, '#' starts a comment
// line, blank lines are ignored; data lines are
//   name <TAB> type [<TAB> kb_id [<TAB> flags]]
// type: a mention type (PERSON, LOCATION, ORGANIZATION) or an evidence class that
//   rules use but never output by itself (GIVEN_NAME, SURNAME, TITLE, DEMONYM,
//   ORG_HEAD, WORD).
// kb_id: "geonames:N", "iso3166:CC", "iso3166-2:CC-X", "wikidata:QN", ... or empty.
// flags: comma-separated: "amb" (also a common word: needs more evidence),
//   "fold" (may match without diacritics: "Sao Paulo" for "São Paulo"),
//   "g=m"/"g=f" (given-name gender), "pop=N" (population), "rank=N" (frequency rank),
//   "cc=XX" (a place's country, ISO 3166-1 alpha-2: "Paris, Texas" takes the US one),
//   "a1=XX-YYY" (a town's first-level division, ISO 3166-2, with its country:
//   "Portland, Maine" takes the town flagged a1=US-ME).
// Thread safety: plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsner::gazetteer {

enum class EntryClass : std::uint8_t {
  Person, Location, Organization,                   // mention types
  GivenName, Surname, Title, Demonym, OrgHead, Word  // evidence only
};
constexpr int kEntryClassCount = 9;

std::string_view to_string(EntryClass c);
std::optional<EntryClass> parse_entry_class(std::string_view s);

/// Bits of Entry::flags.
enum EntryFlag : std::uint8_t {
  kAmbiguous = 1,  // "amb"
  kFold = 2,       // "fold"
  kMale = 4,       // "g=m"
  kFemale = 8,     // "g=f"
};

/// An entry as read from a TSV file, before compilation.
struct SourceEntry {
  std::string name;
  EntryClass cls = EntryClass::Location;
  std::string kb_id;
  std::uint8_t flags = 0;
  std::uint32_t population = 0;
  std::uint32_t rank = 0;
  std::uint16_t list = 0;  // index of the list (file) it came from
  char country[2] = {0, 0};  // "cc=XX"; zeros: none
  char admin1[3] = {0, 0, 0};  // "a1=XX-YYY": YYY (1 to 3 letters or digits, zero-padded); zeros: none
};

}  // namespace newsner::gazetteer
