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
        CHECK(io::is_plain_json_string(s) == (naive(s) == "\"" + s + "\""));
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

TEST_CASE("jsonl writer: a line is written into one allocation of about its size") {
  // 40 mentions of ~100 bytes: the room asked for the record's first bytes and
  // the slack added to it must not make the string reallocate (double) before
  // the entities are written.
  io::WriteOptions opt;
  Extraction r;
  for (int k = 0; k < 40; ++k) r.text += "BRUSSELS ";
  for (std::uint32_t k = 0; k < 40; ++k) {
    Mention& m = r.mentions.emplace_back();
    m.type = EntityType::Location;
    m.span = {9 * k, 9 * k + 8};
    m.kb_id = "geonames:2800866";
  }
  std::string record;
  io::append_record_line(record, R"("id":"x","dct":"1996-08-22")", "", &r, "", opt);
  CHECK(record.size() > 40 * 80);
  CHECK(record.capacity() < 2 * record.size());
  std::string document;
  io::append_document_line(document, "some/file.txt", r, opt);
  CHECK(document.capacity() < 2 * document.size());
  const std::string_view entities = "\"entities\"";
  CHECK(std::string_view(document).substr(document.find(entities)) == std::string_view(record).substr(record.find(entities)));
}

TEST_CASE("jsonl writer: numbers of every length") {
  io::WriteOptions opt;
  opt.sentence = true;
  Extraction r;
  r.text = "x";
  Mention m;
  m.span = {0, 1};
  std::vector<std::uint32_t> values = {0, 1, 4294967295u};
  for (std::uint32_t v = 2; v < 12000; v += 7) values.push_back(v);  // the short forms, every length
  for (std::uint64_t p = 10; p <= 4294967295u; p *= 10) {
    values.push_back(static_cast<std::uint32_t>(p - 1));
    values.push_back(static_cast<std::uint32_t>(p));
    values.push_back(static_cast<std::uint32_t>(p + 1));
  }
  for (const std::uint32_t v : values) {
    m.sentence = v;
    r.mentions.assign(1, m);
    std::string out;
    io::append_entities(out, r, opt);
    CHECK(out == fmt::format(R"("entities":[{{"text":"x","type":"PERSON","start":0,"end":1,"sentence":{}}}])", v));
  }
}

TEST_CASE("jsonl writer: an ASCII extraction's offsets are its byte offsets in every unit") {
  Extraction r;
  r.text = "Officials met in Berlin and Paris.";
  Mention berlin, paris;
  berlin.span = {17, 23};
  paris.span = {28, 33};
  r.mentions = {berlin, paris};
  for (const text::OffsetUnit unit : {text::OffsetUnit::CodePoint, text::OffsetUnit::Utf16, text::OffsetUnit::Byte}) {
    io::WriteOptions opt;
    opt.offsets = unit;
    r.ascii = false;
    std::string converted;
    io::append_entities(converted, r, opt);
    r.ascii = true;
    std::string as_bytes;
    io::append_entities(as_bytes, r, opt);
    CHECK(as_bytes == converted);
    CHECK(as_bytes.find("\"start\":28,\"end\":33") != std::string::npos);
  }
}

TEST_CASE("jsonl writer: mention texts") {
  io::WriteOptions opt;
  opt.offsets = text::OffsetUnit::Byte;
  Extraction r;
  auto texts = [&] {
    std::string out;
    io::append_entities(out, r, opt);
    std::string texts;
    for (std::size_t at = out.find("\"text\":"); at != std::string::npos; at = out.find("\"text\":", at + 1)) {
      texts += out.substr(at + 7, out.find(",\"type\"", at) - at - 7) + " ";
    }
    return texts;
  };
  auto mention = [](std::uint32_t begin, std::uint32_t end) {
    Mention m;
    m.span = {begin, end};
    return m;
  };
  SUBCASE("every length, escapes, non-ASCII") {
    r.text = "M\xC3\xBCller said \"Gda\xC5\x84sk\" twice\tand\\Abcdefghijklmnopqrstuvwxyz";
    r.mentions = {mention(0, 7), mention(14, 21), mention(13, 22), mention(28, 33)};
    CHECK(texts() == "\"M\xC3\xBCller\" \"Gda\xC5\x84sk\" \"\\\"Gda\xC5\x84sk\\\"\" \"\\tand\\\\\" ");
    for (std::uint32_t b = 34; b < r.text.size(); ++b) {
      for (std::uint32_t e = b + 1; e <= r.text.size(); ++e) {
        r.mentions = {mention(b, e)};
        // Appends, not a `+` chain: GCC 12 warns falsely about that (-Wrestrict).
        std::string want = "\"";
        want.append(r.text, b, e - b).append("\" ");
        CHECK(texts() == want);
      }
    }
  }
  SUBCASE("short texts: escapes and non-ASCII bytes inside, before, after and past the end of the span") {
    // Texts of up to 16 bytes take one 16-byte load with the bytes past the
    // span masked out (when the text has them): what is past it must not
    // count, what is in it must.
    r.text = "a\"b\\c\td\x01" "e\xC3\xA9" "f" "ghijklmnop\"qrstuvwxyz\n0123456789\\";
    const auto escaped = [](std::string_view s) {
      std::string out = "\"";
      for (const char c : s) {
        if (c == '"' || c == '\\') {
          out.push_back('\\');
          out.push_back(c);
        } else if (c == '\t') {
          out += "\\t";
        } else if (c == '\n') {
          out += "\\n";
        } else if (c == '\x01') {
          out += "\\u0001";
        } else {
          out.push_back(c);
        }
      }
      return out + "\" ";
    };
    const auto boundary = [&](std::uint32_t at) {
      return at >= r.text.size() || (static_cast<unsigned char>(r.text[at]) & 0xC0) != 0x80;
    };
    for (std::uint32_t b = 0; b < r.text.size(); ++b) {
      for (std::uint32_t e = b + 1; e <= r.text.size() && e <= b + 18; ++e) {
        if (!boundary(b) || !boundary(e)) continue;  // (repaired: the subcase below)
        r.mentions = {mention(b, e)};
        CAPTURE(b);
        CAPTURE(e);
        CHECK(texts() == escaped(std::string_view(r.text).substr(b, e - b)));
      }
    }
  }
  SUBCASE("a text that is not valid UTF-8 (not from the extractor) comes out repaired") {
    r.text = "ab\xFF cd \xC3\xA3";
    r.mentions = {mention(0, 2), mention(0, 4), mention(7, 9)};
    CHECK(texts() == "\"ab\" \"ab\xEF\xBF\xBD \" \"\xC3\xA3\" ");
    r.text = "cd \xC3\xA3 \xC3\xA3";
    r.mentions = {mention(4, 5), mention(5, 7)};  // slices of a valid text that cut a character
    CHECK(texts() == "\"\xEF\xBF\xBD\" \" \xEF\xBF\xBD\" ");
    // The same with 16 bytes of text after each span (the short texts' load).
    r.text = "ab\xFF cd \xC3\xA3                  ";
    r.mentions = {mention(0, 2), mention(0, 4), mention(7, 9)};
    CHECK(texts() == "\"ab\" \"ab\xEF\xBF\xBD \" \"\xC3\xA3\" ");
    r.text = "cd \xC3\xA3 \xC3\xA3                  ";
    r.mentions = {mention(4, 5), mention(5, 7)};
    CHECK(texts() == "\"\xEF\xBF\xBD\" \" \xEF\xBF\xBD\" ");
  }
}


TEST_CASE("jsonl writer: values, ids and evidence that are not valid UTF-8 come out repaired") {
  io::WriteOptions opt;
  opt.explain = true;
  Extraction r;
  r.text = "Rome and Paris";
  Mention m;
  m.type = EntityType::Location;
  m.span = {0, 4};
  m.kb_id = "geo\xff";
  m.evidence = {"gazetteer:\xc3", "ok"};
  r.mentions.push_back(m);
  m.span = {9, 14};
  const std::string long_id = std::string(3000, '\x01') + "\xff";  // long: the repair asks for more room
  m.kb_id = long_id;
  m.value = "\xe2\x82";
  m.evidence = {};
  r.mentions.push_back(m);
  std::string u0001;
  for (int i = 0; i < 3000; ++i) u0001 += "\\u0001";
  std::string out;
  io::append_record_line(out, "", "1", &r, "", opt);
  CHECK(out == "{\"id\":1,\"entities\":[{\"text\":\"Rome\",\"type\":\"LOCATION\",\"start\":0,\"end\":4,"
               "\"kb_id\":\"geo\xEF\xBF\xBD\",\"evidence\":[\"gazetteer:\xEF\xBF\xBD\",\"ok\"]},"
               "{\"text\":\"Paris\",\"type\":\"LOCATION\",\"start\":9,\"end\":14,\"value\":\"\xEF\xBF\xBD\","
               "\"kb_id\":\"" + u0001 + "\xEF\xBF\xBD\",\"evidence\":[]}]}\n");
}

TEST_CASE("jsonl writer: a LineBuffer gets the same lines as a std::string") {
  Extraction r;
  r.text = "Rome, Gda\xc5\x84sk and \"Paris\"\n";
  for (int i = 0; i < 6; ++i) r.text += r.text;  // long enough that the buffer grows mid-line
  Mention m;
  for (std::uint32_t at = 0; at + 30 <= r.text.size(); at += 30) {
    m.type = EntityType::Location;
    m.span = {at, at + 4};
    m.kb_id = at % 60 ? "geonames:1" : "bad \xff";  // some literals repaired
    m.value = at % 90 ? "" : at % 900 ? "XXXX-12-19" : std::string(3000, '\n');  // long: past the line's estimate
    m.evidence = {"gazetteer:cities", "ok"};
    r.mentions.push_back(m);
    m.span = {at + 6, at + 13};
    r.mentions.push_back(m);
  }
  Extraction failed;
  failed.error = "bad \"x\"";
  io::LineBuffer buffer;
  for (const bool explain : {false, true}) {
    io::WriteOptions opt;
    opt.explain = explain;
    opt.offsets = explain ? text::OffsetUnit::Utf16 : text::OffsetUnit::CodePoint;
    for (const Extraction* e : {&r, &failed}) {
      std::string expected;
      io::append_record_line(expected, R"("id":"x")", "", e, "", opt);
      buffer.clear();  // reused, as the CLI's workers do
      io::append_record_line(buffer, R"("id":"x")", "", e, "", opt);
      CHECK(buffer.view() == expected);
      expected.clear();
      io::append_document_line(expected, "some/file.txt", *e, opt);
      buffer.clear();
      io::append_document_line(buffer, "some/file.txt", *e, opt);
      CHECK(buffer.view() == expected);
    }
    std::string expected;
    io::append_record_line(expected, "", "7", nullptr, "malformed", opt);
    io::LineBuffer fresh;
    io::append_record_line(fresh, "", "7", nullptr, "malformed", opt);
    CHECK(fresh.view() == expected);
  }
  io::LineBuffer moved = std::move(buffer);
  CHECK(buffer.empty());
  CHECK(buffer.capacity() == 0);
  CHECK(!moved.empty());
}
