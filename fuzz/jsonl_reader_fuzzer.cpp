// Fuzzes io::JsonlReader + io::append_record_line on one arbitrary input line.
// Invariants (DESIGN.md section 3, the line-filter contract):
//   - the output is exactly one line (one '\n', at the end), valid UTF-8, and
//     parses as a JSON object;
//   - a record without an error has valid UTF-8 text (invalid input is repaired).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "check.hpp"
#include "newsner/io/jsonl_reader.hpp"
#include "newsner/io/jsonl_writer.hpp"
#include "newsner/text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1u << 20)) return 0;
  static newsner::io::JsonlReader reader(newsner::io::JsonlFields{});
  static newsner::io::JsonlReader keep_reader([] {
    newsner::io::JsonlFields f;
    f.keep_text = true;
    return f;
  }());
  static simdjson::dom::parser check_parser;

  std::string_view line(reinterpret_cast<const char*>(data), size);
  // The runner splits input on '\n'; a line never holds one.
  if (const auto nl = line.find('\n'); nl != std::string_view::npos) line = line.substr(0, nl);

  for (auto* r : {&reader, &keep_reader}) {
    newsner::io::JsonlRecord rec = r->parse(line, 7);
    newsner::Extraction ex;
    if (rec.error.empty()) {
      NEWSNER_FUZZ_CHECK(newsner::text::is_valid_utf8(rec.doc.text));
      ex.text = rec.doc.text;
      // A mention over the whole text exercises escaping and offset conversion.
      if (!ex.text.empty()) {
        newsner::Mention m;
        m.span = {0, static_cast<std::uint32_t>(ex.text.size())};
        ex.mentions.push_back(m);
      }
    }
    std::string out;
    newsner::io::append_record_line(out, rec.passthrough, rec.id_json, rec.error.empty() ? &ex : nullptr, rec.error,
                                    newsner::io::WriteOptions{});
    NEWSNER_FUZZ_CHECK(!out.empty() && out.back() == '\n');
    NEWSNER_FUZZ_CHECK(out.find('\n') == out.size() - 1);
    NEWSNER_FUZZ_CHECK(newsner::text::is_valid_utf8(out));
    simdjson::dom::element root;
    const auto err = check_parser.parse(out.data(), out.size() - 1, true).get(root);
    if (err) std::fprintf(stderr, "output: %s", out.c_str());
    NEWSNER_FUZZ_CHECK(!err);
    NEWSNER_FUZZ_CHECK(root.is_object());
    const bool has_entities = !root["entities"].error();
    const bool has_error = !root["error"].error();
    NEWSNER_FUZZ_CHECK(has_entities != has_error);
  }
  return 0;
}
