#include "newsner/io/jsonl_writer.hpp"

#include <doctest/doctest.h>

#include <string>

#include <fmt/format.h>

using namespace newsner;

TEST_CASE("jsonl writer: JSON strings") {
  auto quoted = [](std::string_view s) {
    std::string out;
    io::append_json_string(out, s);
    return out;
  };
  CHECK(quoted("") == "\"\"");
  CHECK(quoted("a\"b\\c") == R"("a\"b\\c")");
  CHECK(quoted("l1\nl2\r\t") == R"("l1\nl2\r\t")");
  CHECK(quoted(std::string_view("\0\x1f", 2)) == R"("\u0000\u001f")");
  CHECK(quoted("S\xc3\xa3o \xf0\x9f\x98\x80") == "\"S\xc3\xa3o \xf0\x9f\x98\x80\"");
  CHECK(quoted("bad \xff") == "\"bad \xEF\xBF\xBD\"");  // repaired, never invalid output
  // Long strings go 8 bytes at a time: specials and non-ASCII at every position.
  auto naive = [](std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c == '\t') out += "\\t";
      else if (c == '\b') out += "\\b";
      else if (c == '\f') out += "\\f";
      else if (c < 0x20) out += fmt::format("\\u{:04x}", c);
      else out += static_cast<char>(c);
    }
    return out + "\"";
  };
  const std::string_view specials[] = {"\"", "\\", "\n", std::string_view("\0", 1), "\x1f", "\x7f", "\xc3\xa3",
                                       "\xf0\x9f\x98\x80", " ", "~"};
  for (std::size_t len = 0; len < 40; ++len) {
    for (const std::string_view sp : specials) {
      for (std::size_t at = 0; at <= len; ++at) {
        std::string s(len, 'x');
        s.insert(at, sp);
        CHECK(quoted(s) == naive(s));
      }
    }
  }
  std::string big;
  for (int i = 0; i < 5000; ++i) big += (i % 97 == 0) ? "\"" : "ab\xc3\xa3";
  std::string out = "prefix";
  io::append_json_string(out, big);
  CHECK(out == "prefix" + naive(big));
}

TEST_CASE("jsonl writer: one line per record") {
  io::WriteOptions opt;
  Extraction r;
  r.text = "Gda\xc5\x84sk \xf0\x9f\x98\x80 Rome";
  Mention m;
  m.type = EntityType::Location;
  m.span = {13, 17};  // "Rome" in bytes
  r.mentions.push_back(m);
  SUBCASE("code points, UTF-16, bytes") {
    std::string out;
    io::append_record_line(out, R"("id":"x")", "", &r, "", opt);
    CHECK(out == R"({"id":"x","entities":[{"text":"Rome","type":"LOCATION","start":9,"end":13}]})" "\n");
    out.clear();
    opt.offsets = text::OffsetUnit::Utf16;
    io::append_document_line(out, "f.txt", r, opt);
    CHECK(out == R"({"id":"f.txt","entities":[{"text":"Rome","type":"LOCATION","start":10,"end":14}]})" "\n");
    out.clear();
    opt.offsets = text::OffsetUnit::Byte;
    io::append_document_line(out, "f.txt", r, opt);
    CHECK(out.find("\"start\":13,\"end\":17") != std::string::npos);
  }
  SUBCASE("error lines") {
    std::string out;
    io::append_record_line(out, "", "5", nullptr, "bad \"x\"\n", opt);
    CHECK(out == R"({"id":5,"error":"bad \"x\"\n"})" "\n");
  }
  SUBCASE("blank line: an empty document with the line number") {
    std::string out;
    const Extraction empty;
    io::append_record_line(out, "", "3", &empty, "", opt);
    CHECK(out == "{\"id\":3,\"entities\":[]}\n");
  }
}
