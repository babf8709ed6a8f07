// Fuzzes the whole pipeline (Extractor::extract) and the output writer on
// arbitrary bytes, capped at kMaxInput (re2_fuzzer.cc style). The first byte
// chooses a DCT and the offset unit; the rest is the document text.
// Invariants (DESIGN.md sections 1, 3, 4): extract() does not fail on any input;
// the text it returns is valid UTF-8; mentions are in order, non-empty, within
// the text, on code point boundaries and do not overlap; the output is one line
// of valid JSON.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include <simdjson.h>

#include "check.hpp"
#include "newsner/io/jsonl_writer.hpp"
#include "newsner/newsner.hpp"
#include "newsner/text/utf8.hpp"

namespace {
constexpr std::size_t kMaxInput = 16 * 1024;

bool on_boundary(const std::string& t, std::uint32_t i) {
  return i == t.size() || (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0 || size > kMaxInput) return 0;
  static const std::shared_ptr<const newsner::Extractor> ex = [] {
    auto r = newsner::Extractor::create(newsner::Options{});
    NEWSNER_FUZZ_CHECK(r.ok());
    return *r.value;
  }();
  static simdjson::dom::parser check_parser;

  const std::uint8_t mode = data[0];
  newsner::Document doc;
  doc.id = "fuzz";
  doc.text.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  if (mode & 1) doc.dct = std::chrono::year_month_day{std::chrono::year{2019}, std::chrono::month{1}, std::chrono::day{15}};
  const std::string input = doc.text;

  newsner::Extraction r = ex->extract(std::move(doc));
  if (!r.error.empty()) std::fprintf(stderr, "extract failed: %s\n", r.error.c_str());
  NEWSNER_FUZZ_CHECK(r.error.empty());
  NEWSNER_FUZZ_CHECK(newsner::text::is_valid_utf8(r.text));
  NEWSNER_FUZZ_CHECK(r.text == newsner::text::repair_utf8(input));
  std::uint32_t prev_end = 0;
  for (const newsner::Mention& m : r.mentions) {
    NEWSNER_FUZZ_CHECK(m.span.begin < m.span.end);
    NEWSNER_FUZZ_CHECK(m.span.end <= r.text.size());
    NEWSNER_FUZZ_CHECK(m.span.begin >= prev_end);  // in order, no overlap
    NEWSNER_FUZZ_CHECK(on_boundary(r.text, m.span.begin) && on_boundary(r.text, m.span.end));
    prev_end = m.span.end;
  }

  newsner::io::WriteOptions opt;
  opt.offsets = (mode & 6) == 2 ? newsner::text::OffsetUnit::Byte
                : (mode & 6) == 4 ? newsner::text::OffsetUnit::Utf16
                                  : newsner::text::OffsetUnit::CodePoint;
  opt.sentence = mode & 8;
  std::string out;
  newsner::io::append_document_line(out, "fuzz", r, opt);
  NEWSNER_FUZZ_CHECK(out.back() == '\n' && out.find('\n') == out.size() - 1);
  simdjson::dom::element root;
  NEWSNER_FUZZ_CHECK(!check_parser.parse(out.data(), out.size() - 1, true).get(root));
  return 0;
}
