// Shared helpers for the name recognizer and resolution tests: runs one
// recognizer (or the whole Extractor) over a sentence with the embedded
// gazetteers and prints what it found as "span/TYPE" (or "span/TYPE/evidence")
// joined by " | ", so that each table row reads as the expected output.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsner/gazetteer/embedded.hpp"
#include "newsner/gazetteer/matcher.hpp"
#include "newsner/newsner.hpp"
#include "newsner/recognize/context.hpp"
#include "newsner/text/tokenizer.hpp"

namespace names_test {

struct NameRow {
  const char* text;
  const char* expect;  // "span/TYPE | span/TYPE" in text order; "" for none
};

inline const newsner::gazetteer::Matcher& matcher() {
  static const newsner::gazetteer::Matcher m = [] {
    std::string error;
    auto g = newsner::gazetteer::load_gazetteers(true, {}, error);
    REQUIRE(error.empty());
    return newsner::gazetteer::Matcher(std::move(g));
  }();
  return m;
}

inline std::string type_name(newsner::EntityType t) { return std::string(newsner::to_string(t)); }

/// Runs `recognize(ctx, out)` and prints its candidates, sorted by position;
/// only those whose evidence starts with `rule_prefix` (all when empty).
template <typename F>
std::string candidates(const std::string& text, F&& recognize, const std::string& rule_prefix = "",
                       bool with_evidence = false) {
  static newsner::text::Tokenizer tok;
  const auto tt = tok.tokenize(text);
  const newsner::recognize::Context ctx(tt, matcher());
  std::vector<newsner::Candidate> out;
  recognize(ctx, out);
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end < b.span.end;
  });
  std::string s;
  for (const auto& c : out) {
    if (!rule_prefix.empty() && !std::string(c.evidence).starts_with(rule_prefix)) continue;
    if (!s.empty()) s += " | ";
    s.append(text, c.span.begin, c.span.size()).append("/").append(type_name(c.type));
    if (with_evidence) s.append("/").append(c.evidence);
  }
  return s;
}

/// The whole pipeline with --explain (built once).
inline const newsner::Extractor& extractor() {
  static const std::shared_ptr<const newsner::Extractor> ex = [] {
    newsner::Options o;
    o.explain = true;
    auto r = newsner::Extractor::create(o);
    REQUIRE(r.ok());
    return *r.value;
  }();
  return *ex;
}

/// The whole pipeline: PERSON, LOCATION and ORGANIZATION mentions only.
inline std::string mentions(const std::string& text, bool with_evidence = false) {
  newsner::Document doc;
  doc.text = text;
  const auto r = extractor().extract(std::move(doc));
  std::string s;
  for (const auto& m : r.mentions) {
    if (m.type == newsner::EntityType::Date) continue;
    if (!s.empty()) s += " | ";
    s.append(r.text, m.span.begin, m.span.size()).append("/").append(type_name(m.type));
    if (with_evidence && !m.evidence.empty()) s.append("/").append(m.evidence.front());
  }
  return s;
}

/// The whole pipeline: the kb_id of the first mention whose text is `name`
/// ("" for none; "(none)" when no mention has that text).
inline std::string kb_id_of(const std::string& text, std::string_view name) {
  newsner::Document doc;
  doc.text = text;
  const auto r = extractor().extract(std::move(doc));
  for (const auto& m : r.mentions) {
    if (std::string_view(r.text).substr(m.span.begin, m.span.size()) == name) return std::string(m.kb_id);
  }
  return "(none)";
}

inline void check_mentions(const std::vector<NameRow>& rows) {
  for (const auto& r : rows) {
    INFO("text: " << std::string(r.text));
    CHECK(mentions(r.text) == std::string(r.expect));
  }
}

}  // namespace names_test
