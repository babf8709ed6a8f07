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
namespace {

// Documents larger than this are processed in sections (see Extractor::extract).
constexpr std::size_t kSectionBytes = std::size_t{1} << 20;

// End of the section that starts at `begin`: the whole rest when it is small,
// else the last paragraph break, line break, sentence end or space in the
// section's final quarter, else a UTF-8 character boundary.
std::size_t section_end(std::string_view text, std::size_t begin) {
  if (text.size() - begin <= kSectionBytes) return text.size();
  const std::size_t limit = begin + kSectionBytes;
  const std::size_t floor = limit - kSectionBytes / 4;
  const std::string_view window = text.substr(floor, limit - floor);
  for (std::string_view sep : {std::string_view("\n\n"), std::string_view("\n"), std::string_view(". "),
                               std::string_view(" ")}) {
    const std::size_t at = window.rfind(sep);
    if (at != std::string_view::npos) return floor + at + sep.size();
  }
  std::size_t end = limit;
  while (end > floor && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}

}  // namespace

struct Extractor::Impl {
  Options options;
  gazetteer::Matcher matcher;
  recognize::DateRecognizer dates;
  text::Tokenizer tokenizer_prototype;  // cloned once per thread

  Impl(Options o, std::vector<gazetteer::Gazetteer> g)
      : options(std::move(o)), matcher(std::move(g), options.default_gazetteers ? 1 : 0), dates(options.date_order) {}

  // 2. tokenize, 3. recognize, 4. resolve one section (spans relative to it),
  // its mentions appended to `out`. `ascii`: whether the section is all ASCII.
  void recognize(std::string_view text, const std::optional<std::chrono::year_month_day>& dct,
                 std::uint32_t& sentences, bool& ascii, std::vector<Mention>& out) const {
    // The thread's tokens, kept between documents (tokenize reuses their memory).
    thread_local text::TokenizedText tt;
    tokenizer().tokenize(text, tt);
    sentences = static_cast<std::uint32_t>(tt.sentences.size());
    ascii = tt.ascii;
    const recognize::Context ctx(tt, matcher);
    // The thread's candidate buffer, kept between documents (one allocation per
    // document less, and memory already in cache); emptied here, so a document
    // that threw leaves nothing for the next one. About one candidate per four
    // tokens in news text: growing there from empty moved every candidate (two
    // strings each) about twice.
    thread_local std::vector<Candidate> candidates;
    candidates.clear();
    candidates.reserve(tt.tokens.size() / 4 + 16);
    recognize::recognize_gazetteer_mentions(ctx, candidates);
    recognize::recognize_persons(ctx, candidates);
    recognize::recognize_organizations(ctx, candidates);
    recognize::recognize_locations(ctx, candidates);
    recognize::drop_event_name_parts(ctx, candidates);
    dates.recognize(tt, dct, candidates, ctx.sports);
    resolve(ctx, candidates, options.explain, out);
  }

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
    text::prefer_avx2_simdjson_kernel();  // before any document is validated
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
  extract(std::move(doc), r);
  return r;
}

void Extractor::extract(Document doc, Extraction& r) const {
  // Every field as a new Extraction has it; the mentions' vector keeps its memory.
  r.text.clear();
  r.dct.reset();
  r.mentions.clear();
  r.warnings.clear();
  r.error.clear();
  r.ascii = false;
  try {
    // 1. normalize: decode a legacy 8-bit text, or repair invalid UTF-8 (offsets
    // then refer to the decoded or repaired text)
    if (doc.valid_utf8 || text::is_valid_utf8(doc.text)) {
      r.text = std::move(doc.text);
    } else {
      r.text = text::to_valid_utf8(doc.text, r.warnings.emplace_back());
    }
    // The DCT: flag, else the record's own date, else the dateline.
    r.dct = impl_->options.reference_date;
    // ... whose year completes a dateline that has none ("SINGAPORE, Nov 27 (Reuters) -"),
    // while a full dateline keeps its date: a folder of wire stories spans several days.
    if (r.dct)
      if (const auto day = timex::complete_yearless_dateline(r.text, *r.dct)) r.dct = day;
    if (!r.dct) r.dct = doc.dct;
    if (!r.dct) r.dct = timex::find_dateline_dct(r.text, impl_->options.date_order);

    // 2-4, per section: a huge document (a log, a book) is cut into sections of
    // about kSectionBytes at paragraph or line breaks, so that memory stays a small
    // multiple of the input; document-level consistency then holds per section.
    std::uint32_t sentence_base = 0;
    bool ascii = true;
    for (std::size_t begin = 0; begin < r.text.size();) {
      const std::size_t end = section_end(r.text, begin);
      const std::string_view section = std::string_view(r.text).substr(begin, end - begin);
      std::uint32_t sentences = 0;
      bool section_ascii = false;
      const std::size_t first = r.mentions.size();
      impl_->recognize(section, r.dct, sentences, section_ascii, r.mentions);
      ascii = ascii && section_ascii;
      if (begin != 0) {  // the first (for most documents the only) section needs no shift
        for (std::size_t k = first; k < r.mentions.size(); ++k) {
          Mention& m = r.mentions[k];
          m.span.begin += static_cast<std::uint32_t>(begin);
          m.span.end += static_cast<std::uint32_t>(begin);
          m.sentence += sentence_base;
        }
      }
      sentence_base += sentences;
      begin = end;
    }
    r.ascii = ascii;
  } catch (const std::exception& e) {
    r.mentions.clear();
    r.error = fmt::format("internal error: {}", e.what());
  }
}

}  // namespace newsner
