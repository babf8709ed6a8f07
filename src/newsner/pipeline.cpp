// The pipeline in one place: normalize -> tokenize -> recognize -> resolve.
#include <exception>
#include <memory>

#include <fmt/format.h>

#include "newsner/gazetteer/embedded.hpp"
#include "newsner/gazetteer/matcher.hpp"
#include "newsner/newsner.hpp"
#include "newsner/recognize/context.hpp"
#include "newsner/recognize/date.hpp"
#include "newsner/recognize/gazetteer_mentions.hpp"
#include "newsner/recognize/location.hpp"
#include "newsner/recognize/organization.hpp"
#include "newsner/recognize/person.hpp"
#include "newsner/resolve.hpp"
#include "newsner/text/tokenizer.hpp"
#include "newsner/text/utf8.hpp"
#include "newsner/timex/dct.hpp"

namespace newsner {

struct Extractor::Impl {
  Options options;
  gazetteer::Matcher matcher;
  recognize::DateRecognizer dates;
  text::Tokenizer tokenizer_prototype;  // cloned once per thread

  Impl(Options o, std::vector<gazetteer::Gazetteer> g)
      : options(std::move(o)), matcher(std::move(g)), dates(options.date_order) {}

  text::Tokenizer& tokenizer() const {
    // ICU break iterators are not thread-safe: each thread gets its own clone.
    thread_local const Impl* owner = nullptr;
    thread_local std::unique_ptr<text::Tokenizer> tok;
    if (!tok || owner != this) {
      tok = std::make_unique<text::Tokenizer>(tokenizer_prototype);
      owner = this;
    }
    return *tok;
  }
};

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;

const Options& Extractor::options() const { return impl_->options; }

Result<std::shared_ptr<const Extractor>> Extractor::create(const Options& options) {
  try {
    std::string error;
    auto gazetteers = gazetteer::load_gazetteers(options.default_gazetteers, options.gazetteer_files, error);
    if (!error.empty()) return Result<std::shared_ptr<const Extractor>>::failure(error);
    auto impl = std::make_unique<Impl>(options, std::move(gazetteers));
    return Result<std::shared_ptr<const Extractor>>::success(
        std::shared_ptr<const Extractor>(new Extractor(std::move(impl))));
  } catch (const std::exception& e) {
    return Result<std::shared_ptr<const Extractor>>::failure(fmt::format("setup failed: {}", e.what()));
  }
}

Extraction Extractor::extract(Document doc) const {
  Extraction r;
  try {
    // 1. normalize: repair invalid UTF-8 (offsets then refer to the repaired text)
    std::size_t replaced = 0;
    if (text::is_valid_utf8(doc.text)) {
      r.text = std::move(doc.text);
    } else {
      r.text = text::repair_utf8(doc.text, &replaced);
      r.warnings.push_back(fmt::format("invalid UTF-8: {} sequence(s) replaced by U+FFFD", replaced));
    }
    // The DCT: flag, else the record's own date, else the dateline.
    r.dct = impl_->options.reference_date;
    if (!r.dct) r.dct = doc.dct;
    if (!r.dct) r.dct = timex::find_dateline_dct(r.text);

    // 2. tokenize
    const text::TokenizedText tt = impl_->tokenizer().tokenize(r.text);
    // 3. recognize
    const recognize::Context ctx(tt, impl_->matcher);
    std::vector<Candidate> candidates;
    recognize::recognize_gazetteer_mentions(ctx, candidates);
    recognize::recognize_persons(ctx, candidates);
    recognize::recognize_organizations(ctx, candidates);
    recognize::recognize_locations(ctx, candidates);
    impl_->dates.recognize(tt, r.dct, candidates);
    // 4. resolve
    r.mentions = resolve(ctx, std::move(candidates), impl_->options.explain);
  } catch (const std::exception& e) {
    r.mentions.clear();
    r.error = fmt::format("internal error: {}", e.what());
  }
  return r;
}

}  // namespace newsner
