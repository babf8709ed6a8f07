// Core value types shared by every pipeline stage: Document (input), Span,
// EntityType, Candidate (a recognizer's proposal) and Mention (a resolved output span).
//
// Units: every span inside the library is [begin, end) in BYTES of the document's
// repaired UTF-8 text. Only io/jsonl_writer converts to code points or UTF-16 units.
// Thread safety: plain values; no shared state.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsner {

/// The four mention types of DESIGN.md section 1.
enum class EntityType : std::uint8_t { Person, Location, Organization, Date };

/// "PERSON", "LOCATION", "ORGANIZATION" or "DATE".
std::string_view to_string(EntityType type);
/// Parses the names above (also "PER", "LOC", "ORG"); nullopt for anything else.
std::optional<EntityType> parse_entity_type(std::string_view name);

/// A byte range [begin, end) into a document's repaired UTF-8 text.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t size() const { return end - begin; }
  bool overlaps(Span o) const { return begin < o.end && o.begin < end; }
  friend bool operator==(Span, Span) = default;
};

/// One article: an identifier, its text (UTF-8, repaired before recognition), and
/// its document creation time (DCT), when known.
struct Document {
  std::string id;
  std::string text;
  std::optional<std::chrono::year_month_day> dct;
  /// Set by a caller that has checked that `text` is valid UTF-8 (the JSONL
  /// reader: simdjson validates each line it parses, and a string it unescapes
  /// is valid): Extractor::extract then skips its own pass over the text.
  bool valid_utf8 = false;
};

/// A recognizer's proposal. Several may overlap; resolve.hpp picks the mentions.
/// `evidence` names the rule or list that produced it (static strings, e.g.
/// "person.title", "gazetteer:cities"), shown by --explain.
struct Candidate {
  // User-provided, so that `out.emplace_back()` (how recognizers build one in
  // place) initializes the members one by one: value-initializing a class with
  // an implicit default constructor zero-fills the whole record first (a
  // `rep stos` per candidate, slow to start for 120 bytes).
  Candidate() noexcept {}

  EntityType type = EntityType::Person;
  Span span;
  /// Confidence in [0, 1]; resolution prefers higher when spans tie.
  float score = 0.5f;
  std::string_view evidence;
  /// TIMEX3 value for DATE ("2018-12-19", "XXXX-12-19", "PRESENT_REF").
  std::string value;
  /// TIMEX3 modifier (START, MID, END, APPROX, BEFORE, AFTER) or empty.
  std::string mod;
  /// Knowledge-base id ("geonames:1850147", "iso3166:JP") or empty; a view into
  /// the gazetteer image, which outlives every candidate.
  std::string_view kb_id;
  /// Tokens [token_begin, token_end) under the span when the recognizer knows
  /// them (saves resolution a search); kNoToken when not set.
  static constexpr std::uint32_t kNoToken = 0xFFFFFFFFu;
  std::uint32_t token_begin = kNoToken, token_end = kNoToken;
};

/// A resolved, non-overlapping, typed span in the output.
struct Mention {
  Mention() noexcept {}  // no zero-fill before the members' initializers (see Candidate)

  EntityType type = EntityType::Person;
  Span span;
  std::string value;
  std::string mod;
  /// A view into the gazetteer image, like Candidate::kb_id: valid while the
  /// Extractor lives (a copy per mention was a heap allocation for most ids,
  /// which are longer than std::string's inline buffer).
  std::string_view kb_id;
  /// Rules and lists behind the mention (for --explain), most decisive first.
  std::vector<std::string_view> evidence;
  /// Index of the sentence that holds the mention's first byte.
  std::uint32_t sentence = 0;
};

}  // namespace newsner
