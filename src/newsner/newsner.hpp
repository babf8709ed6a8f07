// newsner: finds PERSON, LOCATION, ORGANIZATION and DATE mentions in news text.
//
// The pipeline (pipeline.cpp keeps the order in one place):
//   normalize (text/utf8: repair to valid UTF-8)
//   -> tokenize (text/tokenizer: ICU words and sentences)
//   -> recognize (recognize/*: gazetteer, person, organization, location, date candidates)
//   -> resolve (resolve: non-overlapping mentions, document-level consistency)
//   -> write (io/jsonl_writer, in the CLI).
//
// Usage:
//   auto ex = newsner::Extractor::create(options);   // loads gazetteers once
//   if (!ex.ok()) { report(ex.error); }
//   newsner::Extraction r = ex.value->extract(document);
//
// Lifetime: Mention::evidence and Mention::kb_id are views into the Extractor's
//   gazetteers; they are valid while the Extractor lives (every other field is owned).
// Units: mention spans are [begin, end) in BYTES of Extraction::text (the repaired
//   text); io/jsonl_writer converts them to code points or UTF-16 units.
// Thread safety: an Extractor is immutable after create(); call extract() from any
//   number of threads at once (each thread keeps its own tokenizer).
// Errors: setup errors come back in Result::error (gazetteer file:line, ...);
//   extract() never throws: an internal failure becomes Extraction::error for
//   that document only.
// Cost: linear in text length; no per-document setup beyond a tokenizer per thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "newsner/document.hpp"
#include "newsner/options.hpp"
#include "newsner/status.hpp"

namespace newsner {

/// What extract() found in one document.
struct Extraction {
  /// The repaired text the spans refer to (equal to the input when it was valid UTF-8).
  std::string text;
  /// The DCT used: Options::reference_date, else Document::dct, else the dateline.
  std::optional<std::chrono::year_month_day> dct;
  /// Non-overlapping mentions in text order.
  std::vector<Mention> mentions;
  /// Conditions worth a warning that did not stop processing (invalid UTF-8 repaired).
  std::vector<std::string> warnings;
  /// Non-empty when the document failed; `mentions` is then empty.
  std::string error;
  /// True when every byte of `text` is ASCII (the tokenizer finds out anyway):
  /// offsets in code points or UTF-16 units are then byte offsets, and the JSON
  /// writer skips converting them. False when not known.
  bool ascii = false;
};

class Extractor {
 public:
  static Result<std::shared_ptr<const Extractor>> create(const Options& options);
  ~Extractor();

  /// Takes the document by value: pass it with std::move to avoid copying the text.
  Extraction extract(Document doc) const;
  /// The same into `out`, every field replaced, its mentions' vector keeping
  /// its memory: a caller that extracts document after document into one
  /// Extraction allocates no vector per document.
  void extract(Document doc, Extraction& out) const;

  const Options& options() const;

 private:
  struct Impl;
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsner
