#include "newsner/io/jsonl_reader.hpp"

#include <doctest/doctest.h>
#include <simdjson.h>

#include <cstdlib>
#include <string>

using newsner::io::JsonlFields;
using newsner::io::JsonlReader;

TEST_CASE("jsonl reader: fields, ids and pass-through") {
  JsonlReader reader{JsonlFields{}};
  SUBCASE("ASCII record with id, text and a DCT") {
    auto rec = reader.parse(R"({"id":"a","dct":"2019-01-15","text":"Rome","x":[1, 2]})", 1);
    CHECK(rec.error.empty());
    CHECK(rec.doc.id == "a");
    CHECK(rec.doc.text == "Rome");
    REQUIRE(rec.doc.dct.has_value());
    CHECK(rec.id_json.empty());  // the id field is passed through
    CHECK(rec.passthrough == R"("id":"a","dct":"2019-01-15","x":[1,2])");
    CHECK(rec.warnings.empty());
  }
  SUBCASE("DCT: the first date field that parses; a bad one is a warning, null is not") {
    auto rec = reader.parse(R"({"dct":"not a date","date":"2019-01-15","text":"x"})", 1);
    REQUIRE(rec.doc.dct.has_value());
    REQUIRE(rec.warnings.size() == 1);
    CHECK(rec.warnings[0].find("\"dct\"") != std::string::npos);
    auto plain = reader.parse(R"({"dct":null,"text":"x"})", 1);
    CHECK_FALSE(plain.doc.dct.has_value());
    CHECK(plain.warnings.empty());
  }
  SUBCASE("no id field: the line number") {
    auto rec = reader.parse(R"({"text":"x"})", 42);
    CHECK(rec.doc.id == "42");
    CHECK(rec.id_json == "42");
  }
  SUBCASE("numeric and object ids") {
    CHECK(reader.parse(R"({"id":7,"text":"x"})", 1).doc.id == "7");
    CHECK(reader.parse(R"({"id":{"k":1},"text":"x"})", 1).doc.id == R"({"k":1})");
  }
  SUBCASE("non-ASCII text and escapes: São Paulo, Gdańsk, emoji") {
    auto rec = reader.parse(R"({"text":"S\u00e3o Paulo, Gda\u0144sk \ud83d\ude00 Müller"})", 1);
    CHECK(rec.error.empty());
    CHECK(rec.doc.text == "S\xc3\xa3o Paulo, Gda\xc5\x84sk \xf0\x9f\x98\x80 M\xc3\xbcller");
  }
  SUBCASE("input entities and error fields are dropped, the text unless kept") {
    auto rec = reader.parse(R"({"text":"x","entities":[1]})", 1);
    CHECK(rec.passthrough.empty());
    // fuzz regression (tests/data/fuzz-regressions/jsonl_reader/input-error-field-kept-beside-entities):
    // an input "error" field came out beside our "entities"
    rec = reader.parse(R"({"error":"old","id":1,"text":"x"})", 1);
    CHECK(rec.error.empty());
    CHECK(rec.passthrough == R"("id":1)");
    JsonlFields keep;
    keep.keep_text = true;
    JsonlReader keeper{keep};
    CHECK(keeper.parse(R"({"text":"x"})", 1).passthrough == R"("text":"x")");
  }
}

TEST_CASE("jsonl reader: bad records") {
  JsonlReader reader{JsonlFields{}};
  SUBCASE("empty line") { CHECK(!reader.parse("", 3).error.empty()); }
  SUBCASE("malformed JSON") {
    auto rec = reader.parse("{not json", 2);
    CHECK(rec.error.rfind("malformed JSON", 0) == 0);
    CHECK(rec.id_json == "2");
  }
  SUBCASE("not an object") { CHECK(reader.parse("[1,2]", 1).error == "not a JSON object"); }
  SUBCASE("trailing garbage") { CHECK(!reader.parse(R"({"text":"x"} y)", 1).error.empty()); }
  SUBCASE("missing text field keeps the id") {
    auto rec = reader.parse(R"({"id":"c","body":"b"})", 1);
    CHECK(rec.error == "no \"text\" field");
    CHECK(rec.passthrough == R"("id":"c","body":"b")");
  }
  SUBCASE("text not a string") {
    for (const char* v : {"42", "null", "true", "[\"a\"]", "{\"a\":1}"}) {
      CAPTURE(v);
      auto rec = reader.parse(std::string(R"({"id":"d","text":)") + v + "}", 1);
      CHECK(rec.error == "field \"text\" is not a string");
    }
  }
  SUBCASE("invalid UTF-8 is repaired with a warning, not an error") {
    auto rec = reader.parse("{\"text\":\"Berlin \xff\xfe ok \xe2\x82\"}", 1);
    CHECK(rec.error.empty());
    CHECK(rec.doc.text == "Berlin \xEF\xBF\xBD\xEF\xBF\xBD ok \xEF\xBF\xBD");
    REQUIRE(rec.warnings.size() == 1);
    CHECK(rec.warnings[0].find("3 sequence") != std::string::npos);
  }
  SUBCASE("a Latin-1 line is decoded as Windows-1252, with a warning") {
    auto rec = reader.parse("{\"text\":\"Fran\xe7ois in Z\xfcrich\"}", 1);
    CHECK(rec.error.empty());
    CHECK(rec.doc.text == "Fran\xC3\xA7ois in Z\xC3\xBCrich");
    REQUIRE(rec.warnings.size() == 1);
    CHECK(rec.warnings[0].find("Windows-1252") != std::string::npos);
  }
  SUBCASE("invalid UTF-8 anywhere in the line (parsed first, repaired after simdjson refuses it)") {
    auto key = reader.parse("{\"text\":\"a\",\"k \xff\":1}", 1);
    CHECK(key.error.empty());
    CHECK(key.passthrough == "\"k \xEF\xBF\xBD\":1");
    REQUIRE(key.warnings.size() == 1);
    auto both = reader.parse("{\"text\":\"a \xff\"", 1);  // and malformed: both are reported
    CHECK(both.error.find("malformed JSON") == 0);
    REQUIRE(both.warnings.size() == 1);
    CHECK(both.warnings[0].find("1 sequence") != std::string::npos);
  }
  SUBCASE("a NUL byte in a string is malformed JSON") {
    using namespace std::string_literals;
    CHECK(!reader.parse("{\"text\":\"a\0b\"}"s, 1).error.empty());
  }
}

TEST_CASE("jsonl reader: a padded line is parsed in place with the same result") {
  JsonlReader reader{JsonlFields{}};
  const std::string_view lines[] = {R"({"id":"a","dct":"2019-01-15","text":"Rome","x":[1, 2]})", R"({"text":)",
                                    "{\"text\":\"bad \xff byte\"}", R"([1,2])"};
  for (std::string_view line : lines) {
    std::string padded;
    padded.reserve(line.size() + newsner::io::kJsonlPadding);
    padded.assign(line);
    const auto a = reader.parse(line, 3);
    const auto b = reader.parse(padded, 3, /*padded=*/true);
    CHECK(a.error == b.error);
    CHECK(a.doc.text == b.doc.text);
    CHECK(a.passthrough == b.passthrough);
    CHECK(a.warnings == b.warnings);
  }
}

TEST_CASE("jsonl reader: simdjson's AVX-512 kernel is not used for records") {
  // Records are short parses between long stretches of other work; the AVX2
  // kernel avoids the AVX-512 warm-up on each (see jsonl_reader.cpp). Only
  // observable on a CPU whose best kernel is icelake, and only when the user
  // has not chosen a kernel.
  JsonlReader reader{JsonlFields{}};
  CHECK(reader.parse(R"({"text":"Rome"})", 1).error.empty());
  if (std::getenv("SIMDJSON_FORCE_IMPLEMENTATION") == nullptr) {
    CHECK(simdjson::get_active_implementation()->name() != "icelake");
  }
}

TEST_CASE("JsonlReader: parsing into a used record replaces every field") {
  JsonlReader reader(JsonlFields{});
  const std::string lines[] = {
      R"({"id":"a","dct":"2019-01-15","text":"Rome","x":[1, 2, {"k" : "a long value, longer than the next"}]})",
      R"({"dct":"not a date","text":"Paris"})",  // a warning, no id field, no DCT
      R"({"id":7,"text":"x","y":"z"})",
      R"({"id":{"n" : 1},"dct":[2019],"text":"y"})",  // a minified id, a non-string date
      "{broken",
      "[1]",
      R"({"id":"b"})",
      R"({"text":"plain"})",
  };
  // Every record parsed after every other into the same JsonlRecord equals
  // its parse into a fresh one (the minifier's buffer is reused too).
  for (const auto& first : lines) {
    for (const auto& second : lines) {
      newsner::io::JsonlRecord used;
      reader.parse(first, 3, /*padded=*/false, used);
      reader.parse(second, 4, /*padded=*/false, used);
      const newsner::io::JsonlRecord fresh = reader.parse(second, 4);
      CAPTURE(first);
      CAPTURE(second);
      CHECK(used.doc.id == fresh.doc.id);
      CHECK(used.doc.text == fresh.doc.text);
      CHECK(used.doc.dct == fresh.doc.dct);
      CHECK(used.id_json == fresh.id_json);
      CHECK(used.has_id_field == fresh.has_id_field);
      CHECK(used.passthrough == fresh.passthrough);
      CHECK(used.error == fresh.error);
      CHECK(used.warnings == fresh.warnings);
    }
  }
  // And the minified values are simdjson's.
  const newsner::io::JsonlRecord r = reader.parse(lines[3], 1);
  CHECK(r.doc.id == R"({"n":1})");
  CHECK(r.passthrough == R"("id":{"n":1},"dct":[2019])");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0] == R"(field "dct" is not a date (YYYY-MM-DD, an ISO 8601 date-time, an RFC 822 date or a full date like "Oct. 14, 2025": [2019]), ignored)");
}
