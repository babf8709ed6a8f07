#include "newsner/io/jsonl_writer.hpp"

#include <doctest/doctest.h>

#include <string>

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
