// Core value types: a Candidate or Mention built in place with emplace_back()
// (as the recognizers and resolution build them) starts from its documented
// defaults even where the vector's memory held an earlier record: their
// default constructors are user-provided (no zero-fill first), so every member
// needs an initializer of its own.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "newsner/document.hpp"

using namespace newsner;

TEST_CASE("document: a candidate built in place over a used slot has the default values") {
  std::vector<Candidate> v;
  v.reserve(2);
  Candidate& used = v.emplace_back();
  used.type = EntityType::Date;
  used.span = {3, 9};
  used.score = 0.9f;
  used.evidence = "date.iso";
  used.value = "2018-12-19";
  used.mod = "START";
  used.kb_id = "geonames:1850147";
  used.token_begin = 1;
  used.token_end = 2;
  v.pop_back();
  const Candidate& c = v.emplace_back();
  CHECK(c.type == EntityType::Person);
  CHECK(c.span == Span{0, 0});
  CHECK(c.score == 0.5f);
  CHECK(c.evidence.empty());
  CHECK(c.value.empty());
  CHECK(c.mod.empty());
  CHECK(c.kb_id.empty());
  CHECK(c.token_begin == Candidate::kNoToken);
  CHECK(c.token_end == Candidate::kNoToken);
}

TEST_CASE("document: a mention built in place over a used slot has the default values") {
  std::vector<Mention> v;
  v.reserve(2);
  Mention& used = v.emplace_back();
  used.type = EntityType::Location;
  used.span = {4, 8};
  used.value = "XXXX-12-19";
  used.mod = "END";
  used.kb_id = "iso3166:JP";
  used.evidence = {"cities"};
  used.sentence = 7;
  v.pop_back();
  const Mention& m = v.emplace_back();
  CHECK(m.type == EntityType::Person);
  CHECK(m.span == Span{0, 0});
  CHECK(m.value.empty());
  CHECK(m.mod.empty());
  CHECK(m.kb_id.empty());
  CHECK(m.evidence.empty());
  CHECK(m.sentence == 0);
}
