// Reads one JSONL record (one JSON object on one line) into a Document plus the
// fields to pass through to the output (DESIGN.md section 3). Parsing is done by
// simdjson (DOM API); passed-through values are re-serialized minified.
//   text:  the `text_field` (default "text"), must be a string;
//   id:    the `id_field` (default "id"), any JSON value; when absent the output
//          gets "id": <line number>;
//   DCT:   the first of `date_fields` (default "dct", then "date") holding a
//          date (timex::parse_date_field: ISO 8601, RFC 822, "Oct. 14, 2025");
//          a field that is no date is a warning.
//   Input fields named "entities" or "error" are dropped: the output line carries
//   exactly one of them, ours.
// Invalid UTF-8 in the line is made valid first (a Latin-1 line decoded as
//   Windows-1252, else each maximal invalid subsequence becomes U+FFFD:
//   text::to_valid_utf8) and reported in JsonlRecord::warnings, so
//   a record with a few bad bytes is still processed (DESIGN.md section 4).
// Errors: malformed JSON, a non-object, a missing or non-string text field come
//   back in JsonlRecord::error (with the record's id when it could be read).
// Cost: linear in the line length; simdjson pads a copy of each line.
// Thread safety: one JsonlReader per thread (it owns a simdjson parser).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsner/document.hpp"
#include "newsner/options.hpp"

namespace newsner::io {

struct JsonlFields {
  std::string text = "text";
  std::string id = "id";
  std::vector<std::string> date = {"dct", "date"};
  DateOrder date_order = DateOrder::MonthDayYear;  // numeric dates in a date field ("10/14/2025")
  bool keep_text = false;
};

struct JsonlRecord {
  Document doc;            // id = the id as plain text, for messages
  std::string id_json;     // the id as JSON (string or number)
  bool has_id_field = false;
  bool has_date_field = false;  // one of JsonlFields::date was present (valid or not)
  /// Output prefix: `"key":value` pairs to pass through, comma-separated, no braces.
  std::string passthrough;
  std::string error;       // non-empty: the record could not be used
  std::vector<std::string> warnings;  // conditions that did not stop it (UTF-8 repaired)
};

/// Readable bytes past a line that let JsonlReader::parse skip copying it into
/// a padded buffer of its own (simdjson reads ahead; the bytes need no value).
constexpr std::size_t kJsonlPadding = 64;

class JsonlReader {
 public:
  explicit JsonlReader(JsonlFields fields);
  ~JsonlReader();
  /// Parses `line` (without its newline); `line_number` counts from 1.
  /// `padded`: kJsonlPadding bytes after the line may be read (a std::string
  /// with that much spare capacity).
  JsonlRecord parse(std::string_view line, std::size_t line_number, bool padded = false);
  /// The same into `rec`, every field replaced, its strings keeping their
  /// capacity: a worker that parses record after record into one record
  /// allocates nothing per record in steady state.
  void parse(std::string_view line, std::size_t line_number, bool padded, JsonlRecord& rec);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsner::io
