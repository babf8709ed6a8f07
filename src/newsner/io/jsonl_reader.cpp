#include "newsner/io/jsonl_reader.hpp"

#include <cstring>

#include <simdjson.h>

#include <fmt/format.h>

#include "newsner/io/jsonl_writer.hpp"
#include "newsner/text/utf8.hpp"
#include "newsner/timex/dct.hpp"

namespace newsner::io {

namespace {
constexpr std::size_t kShrinkAbove = 16u << 20;  // bytes
static_assert(kJsonlPadding >= simdjson::SIMDJSON_PADDING);

// Appends `s` quoted and returns true when none of its bytes needs a JSON
// escape (", \ or a control character): then that is what append_json_string
// and simdjson's minifier both write (for valid UTF-8, which everything simdjson
// parsed is), without their setup per string (a Writer's room, a builder pass),
// which cost more than a short key, id or date itself.
bool append_plain_string(std::string& out, std::string_view s) {
  if (!is_plain_json_string(s)) return false;
  out.push_back('"');
  out.append(s);
  out.push_back('"');
  return true;
}

// Sets `out` to `s` keeping its capacity: std::string::assign goes through its
// general replace (about 150 instructions for a short id), clear and append
// through a copy.
void set(std::string& out, std::string_view s) {
  out.clear();
  out.append(s);
}

// Appends `,"key":"value"` (no comma for the first pair) and returns true when
// neither needs an escape: the usual field (an id, a date), put together in a
// small buffer and appended at once, not in six appends of a byte or a few.
bool append_plain_pair(std::string& out, std::string_view key, std::string_view value) {
  constexpr std::size_t kMax = 256;
  if (key.size() + value.size() > kMax - 6 || !is_plain_json_string(key) || !is_plain_json_string(value)) {
    return false;
  }
  char buf[kMax];
  char* p = buf;
  if (!out.empty()) *p++ = ',';
  *p++ = '"';
  std::memcpy(p, key.data(), key.size());
  p += key.size();
  std::memcpy(p, "\":\"", 3);
  p += 3;
  std::memcpy(p, value.data(), value.size());
  p += value.size();
  *p++ = '"';
  out.append(buf, static_cast<std::size_t>(p - buf));
  return true;
}

}  // namespace

struct JsonlReader::Impl {
  JsonlFields fields;
  simdjson::dom::parser parser;
  // Minifies the passed-through values (what simdjson::minify does, without a
  // builder and a string of its own for each: two to three allocations a field).
  simdjson::internal::string_builder<> minified;

  std::string_view minify(simdjson::dom::element value) {
    minified.clear();
    minified.append(value);
    return minified.str();
  }
};

JsonlReader::JsonlReader(JsonlFields fields) {
  text::prefer_avx2_simdjson_kernel();
  impl_ = std::make_unique<Impl>();
  impl_->fields = std::move(fields);
}
JsonlReader::~JsonlReader() = default;

JsonlRecord JsonlReader::parse(std::string_view line, std::size_t line_number, bool padded) {
  JsonlRecord rec;
  parse(line, line_number, padded, rec);
  return rec;
}

void JsonlReader::parse(std::string_view line, std::size_t line_number, bool padded, JsonlRecord& rec) {
  // Every field as a new record has it; the strings keep their memory.
  const fmt::format_int number(line_number);
  set(rec.doc.id, std::string_view(number.data(), number.size()));
  rec.doc.text.clear();
  rec.doc.dct.reset();
  rec.doc.valid_utf8 = false;
  set(rec.id_json, rec.doc.id);
  rec.has_id_field = false;
  rec.has_date_field = false;
  rec.passthrough.clear();
  rec.error.clear();
  rec.warnings.clear();
  // A parser (and the minifier) keeps its buffers at the size of the largest
  // line it has seen; after a huge line, start over so that they are not held
  // while it is processed.
  struct Shrink {
    Impl& impl;
    bool huge;
    ~Shrink() {
      if (huge) {
        impl.parser = simdjson::dom::parser{};
        impl.minified = simdjson::internal::string_builder<>{};
      }
    }
  } shrink{*impl_, line.size() > kShrinkAbove};
  // simdjson validates UTF-8 as it parses: the line is checked again (and
  // repaired) only when parsing fails, which a valid line never pays for.
  simdjson::dom::element root;
  auto err = impl_->parser.parse(line.data(), line.size(), /*realloc_if_needed=*/!padded).get(root);
  std::string repaired;
  if (err && !text::is_valid_utf8(line)) {
    repaired = text::to_valid_utf8(line, rec.warnings.emplace_back());  // (JSON's own syntax is ASCII)
    line = repaired;
    shrink.huge = line.size() > kShrinkAbove;
    err = impl_->parser.parse(line.data(), line.size(), /*realloc_if_needed=*/true).get(root);
  }
  if (err) {
    rec.error = fmt::format("malformed JSON: {}", simdjson::error_message(err));
    return;
  }
  simdjson::dom::object obj;
  if (root.get_object().get(obj)) {
    rec.error = "not a JSON object";
    return;
  }
  const JsonlFields& f = impl_->fields;
  bool have_text = false;
  std::size_t date_rank = f.date.size();  // index of the date field used (lower wins)
  bool passed_id = false;                 // a field named "id" is passed through
  for (auto field : obj) {
    const std::string_view key = field.key;
    const simdjson::dom::element value = field.value;
    if (key == f.text) {
      std::string_view s;
      if (value.get_string().get(s)) {
        rec.error = fmt::format("field \"{}\" is not a string", f.text);
      } else {
        set(rec.doc.text, s);
        // simdjson has validated the line (one with invalid UTF-8 was repaired
        // first), and what it unescapes is valid: a lone surrogate is an error.
        rec.doc.valid_utf8 = true;
        have_text = true;
      }
      if (!f.keep_text) continue;
    }
    if (key == f.id) {
      rec.has_id_field = true;
      std::string_view s;
      if (!value.get_string().get(s)) set(rec.doc.id, s);
      else set(rec.doc.id, impl_->minify(value));
    }
    for (std::size_t k = 0; k < f.date.size(); ++k) {
      if (key != f.date[k] || value.is_null()) continue;
      rec.has_date_field = true;
      std::string_view s;
      const bool is_string = !value.get_string().get(s);
      const auto d = is_string ? timex::parse_date_field(s, f.date_order) : std::nullopt;
      if (!d) {
        // Say so: a DCT silently ignored would leave every relative date unresolved.
        if (!is_string || !s.empty()) {
          rec.warnings.push_back(fmt::format("field \"{}\" is not a date (YYYY-MM-DD, an ISO 8601 date-time, an RFC 822 date or a full date like \"Oct. 14, 2025\": {}), ignored", key,
                                             is_string ? s : impl_->minify(value)));
        }
      } else if (k < date_rank) {
        rec.doc.dct = d;
        date_rank = k;
      }
    }
    // Our output fields: a record gets exactly one of them (found by fuzzing: an
    // input "error" field used to come out beside "entities").
    if (key == "entities" || key == "error") continue;
    passed_id = passed_id || key == "id";
    std::string_view s;
    const bool is_string = !value.get_string().get(s);
    if (is_string && append_plain_pair(rec.passthrough, key, s)) continue;
    if (!rec.passthrough.empty()) rec.passthrough.push_back(',');
    if (!append_plain_string(rec.passthrough, key)) append_json_string(rec.passthrough, key);
    rec.passthrough.push_back(':');
    if (!is_string || !append_plain_string(rec.passthrough, s)) rec.passthrough.append(impl_->minify(value));
  }
  // The id is passed through already; and a field named "id" that --id-field
  // does not name stays as it is, without the line number beside it (an
  // object with two "id" keys is read differently by each JSON parser).
  if (rec.has_id_field || passed_id) rec.id_json.clear();
  if (!have_text && rec.error.empty()) rec.error = fmt::format("no \"{}\" field", f.text);
}

}  // namespace newsner::io
