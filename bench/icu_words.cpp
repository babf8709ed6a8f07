// icu_words: the baseline that newsner's throughput is compared with in bench/run.sh.
// It does only what newsner cannot avoid doing: read JSON lines, take the text field
// (simdjson on demand), convert it to UTF-16 (u_strFromUTF8) and iterate ICU UAX #29
// word breaks over it, as newsner's tokenizer does (the fastest way to run ICU's break
// iterators here: about 10% faster than a UTF-8 UText, conversion included). It counts
// word tokens (segments whose rule status
// is not UBRK_WORD_NONE, i.e. not spaces or punctuation) so that its answer can be
// checked, and prints one summary line on stdout:
//   docs=N bytes=B tokens=T segments=S
// Usage: icu_words [--text-field NAME] [FILE.jsonl ...]   (no file, or '-': stdin)
// Exit status: 0 ok; 1 a line was not a JSON object with a string text field
// (counted and reported, the rest is processed); 2 usage or setup error.
#include <unicode/brkiter.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

namespace {

struct Counts {
  unsigned long long docs = 0, bytes = 0, tokens = 0, segments = 0, errors = 0;
};

// One break iterator for the whole run, reset onto each text with setText(UText*),
// as newsner's tokenizer is expected to do.
void segment(icu::BreakIterator& words, std::string_view text, std::vector<UChar>& utf16, Counts& counts) {
  UErrorCode status = U_ZERO_ERROR;
  utf16.resize(text.size() + 1);
  int32_t length = 0;
  u_strFromUTF8WithSub(utf16.data(), static_cast<int32_t>(utf16.size()), &length, text.data(),
                       static_cast<int32_t>(text.size()), 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) return;
  UText* ut = utext_openUChars(nullptr, utf16.data(), length, &status);
  if (U_FAILURE(status)) return;
  words.setText(ut, status);
  if (U_SUCCESS(status)) {
    for (int32_t end = words.next(); end != icu::BreakIterator::DONE; end = words.next()) {
      ++counts.segments;
      if (words.getRuleStatus() != UBRK_WORD_NONE) ++counts.tokens;
    }
  }
  utext_close(ut);
}

void run_stream(std::istream& in, const std::string& field, icu::BreakIterator& words,
                simdjson::ondemand::parser& parser, Counts& counts) {
  std::string line;
  std::vector<UChar> utf16;  // reused between records
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const size_t size = line.size();
    line.reserve(size + simdjson::SIMDJSON_PADDING);  // simdjson reads past the end
    simdjson::padded_string_view json(line.data(), size, line.capacity());
    std::string_view text;
    auto doc = parser.iterate(json);
    if (doc.error() || doc[field].get_string().get(text)) {
      ++counts.errors;
      continue;
    }
    ++counts.docs;
    counts.bytes += text.size();
    segment(words, text, utf16, counts);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::string field = "text";
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--text-field") == 0 && i + 1 < argc) {
      field = argv[++i];
    } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
      std::fprintf(stderr, "usage: icu_words [--text-field NAME] [FILE.jsonl ...]\n");
      return 2;
    } else {
      files.emplace_back(argv[i]);
    }
  }
  if (files.empty()) files.emplace_back("-");

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "icu_words: cannot create the word break iterator: %s\n", u_errorName(status));
    return 2;
  }
  simdjson::ondemand::parser parser;
  Counts counts;
  for (const auto& path : files) {
    if (path == "-") {
      run_stream(std::cin, field, *words, parser, counts);
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "icu_words: %s: %s\n", path.c_str(), std::strerror(errno));
      return 2;
    }
    run_stream(in, field, *words, parser, counts);
  }
  std::printf("docs=%llu bytes=%llu tokens=%llu segments=%llu\n", counts.docs, counts.bytes, counts.tokens,
              counts.segments);
  if (counts.errors) {
    std::fprintf(stderr, "icu_words: %llu lines without a string \"%s\" field\n", counts.errors, field.c_str());
    return 1;
  }
  return 0;
}
