// newsner CLI: flags -> Options and RunConfig, then cli::run. Exit status:
// 0 all documents processed, 1 some documents failed, 2 usage or setup error.
#include <csignal>
#include <cstdio>
#include <future>
#include <thread>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/runner.hpp"
#include "newsner/newsner.hpp"
#include "newsner/timex/dct.hpp"

namespace {

constexpr const char* kDescription =
    "newsner: tags PERSON, LOCATION, ORGANIZATION and DATE mentions in news text and writes\n"
    "one JSON line per document: {\"id\":...,\"entities\":[{\"text\",\"type\",\"start\",\"end\",\n"
    "\"value\" (DATE, TIMEX3), \"kb_id\" (when known)}]}. Offsets are code points by default.\n\n"
    "Inputs: FILE... (one document each), DIR (walked recursively, --glob files, sorted),\n"
    "'-' or nothing (stdin as one document); with --jsonl, every line of the inputs (files\n"
    "or stdin; not directories) is one JSON record, and every input line gives exactly one\n"
    "output line, in input order: a malformed record gets {...,\"error\":\"...\"} instead of\n"
    "\"entities\", and a blank line is an empty document {\"id\":LINE,\"entities\":[]}. That\n"
    "makes newsner a line filter for GNU parallel --pipe, Hadoop Streaming, Spark RDD.pipe\n"
    "and Dask. Output order never depends on -j.";

constexpr const char* kFooter =
    "Exit status: 0 all documents processed; 1 some documents failed (missing or unreadable\n"
    "path, symlink loop, directory given to --jsonl, malformed JSON line, text field missing\n"
    "or not a string; each reported on stderr, the rest still processed); 2 usage or setup\n"
    "error. Invalid UTF-8 is repaired (U+FFFD) with a warning. Binary files (NUL bytes) are\n"
    "skipped with a message, not a failure. A closed stdout (| head) ends the run quietly\n"
    "with status 0; another write error (a full disk) is reported with status 1. Progress is\n"
    "shown on stderr only when it is a terminal (and stdout is not) and the run takes over a\n"
    "second.";

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed stdout becomes EPIPE, handled by the runner

  CLI::App app{kDescription, "newsner"};
  app.footer(kFooter);
  app.set_version_flag("--version", "newsner 0.1.0");

  newsner::cli::RunConfig run;
  newsner::Options options;
  std::string offsets = "codepoint", date_order = "mdy", reference_date;
  std::string date_field;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());

  app.add_option("inputs", run.inputs, "Files, directories, or '-' for stdin (default: stdin)");
  CLI::Option* jsonl = app.add_flag("--jsonl", run.jsonl, "Read JSON lines: one record per line, text in --text-field");
  // The JSONL field options mean nothing for plain text: an error, not ignored.
  app.add_option("--text-field", run.fields.text, "JSONL field with the article text")
      ->capture_default_str()
      ->needs(jsonl);
  app.add_option("--id-field", run.fields.id, "JSONL field with the document id (else the line number)")
      ->capture_default_str()
      ->needs(jsonl);
  app.add_option("--date-field", date_field,
                 "JSONL field with the DCT: YYYY-MM-DD, an ISO date-time, an RFC 822 date or a full date like \"Oct. 14, 2025\" (default: dct, then date)")
      ->needs(jsonl);
  app.add_flag("--keep-text", run.fields.keep_text, "JSONL: keep the text field in the output")->needs(jsonl);
  app.add_option("--glob", run.globs, "File name pattern for directory walks (repeatable: any matches)")
      ->capture_default_str()
      ->allow_extra_args(false);
  app.add_option("--offsets", offsets, "Offset unit: codepoint, byte or utf16")
      ->check(CLI::IsMember({"codepoint", "byte", "utf16"}))
      ->capture_default_str();
  app.add_option("--reference-date", reference_date,
                 "DCT for every document, YYYY-MM-DD (a dateline without a year keeps its day; default: JSONL date field, else the dateline)");
  app.add_option("--date-order", date_order, "Reading of ambiguous numeric dates like 05/06/2018: mdy or dmy")
      ->check(CLI::IsMember({"mdy", "dmy"}))
      ->capture_default_str();
  app.add_option("--gazetteer", options.gazetteer_files,
                 "Extra gazetteer TSV (name<TAB>type[<TAB>kb_id[<TAB>flags]]); repeatable")
      // One file per --gazetteer: by default CLI11 lets a vector option take
      // every following argument, so `--gazetteer g.tsv articles/` would read
      // the inputs as gazetteers.
      ->allow_extra_args(false);
  bool no_default = false;
  app.add_flag("--no-default-gazetteers", no_default, "Do not use the gazetteers built into newsner");
  app.add_flag("--explain", options.explain, "Add \"evidence\" (rules and lists) to each mention");
  app.add_flag("--sentence", run.write.sentence, "Add \"sentence\" (index) to each mention");
  app.add_option("-j,--threads", threads, "Worker threads (default: the machine's hardware threads, shown after =)")
      ->check(CLI::Range(1u, 1024u))
      ->capture_default_str();
  app.add_flag("-q,--quiet", run.quiet, "No warnings or progress on stderr (errors still shown)");
  bool force_progress = false;
  app.add_flag("--progress", force_progress,
               "Show the progress line even when stderr is not a terminal (not with --quiet)");
  app.add_flag("--stats", run.stats, "Print a summary on stderr at the end");

  // Usage errors carry the same "newsner: " prefix as every other error message.
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return "newsner: " + std::string(e.what()) + "\nRun with --help for more information.\n";
  });
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;  // --help/--version exit 0; every usage error exits 2
  }

  if (!reference_date.empty()) {
    options.reference_date = newsner::timex::parse_iso_date(reference_date);
    if (!options.reference_date) {
      std::fprintf(stderr, "newsner: --reference-date: \"%s\" is not a date YYYY-MM-DD\n", reference_date.c_str());
      return 2;
    }
  }
  if (!date_field.empty()) run.fields.date = {date_field};
  // --reference-date wins over every record's own date: its date fields are then
  // passed through as metadata, unread (no warning about a date never used).
  if (options.reference_date) run.fields.date.clear();
  options.date_order = date_order == "dmy" ? newsner::DateOrder::DayMonthYear : newsner::DateOrder::MonthDayYear;
  run.fields.date_order = options.date_order;
  options.default_gazetteers = !no_default;
  run.write.explain = options.explain;
  run.write.offsets = offsets == "byte"    ? newsner::text::OffsetUnit::Byte
                      : offsets == "utf16" ? newsner::text::OffsetUnit::Utf16
                                           : newsner::text::OffsetUnit::CodePoint;
  run.threads = threads;
  if (force_progress) run.progress = 1;

  // The inputs are listed while the extractor is created (tens of ms of
  // loading), on the other CPU: a walk of thousands of files took as long again
  // before the first document could start, with every worker idle.
  auto listing = std::async(std::launch::async, [&run] { return newsner::cli::list_inputs(run); });
  auto extractor = newsner::Extractor::create(options);
  if (!extractor.ok()) {
    std::fprintf(stderr, "newsner: %s\n", extractor.error.c_str());
    return 2;  // (after the listing ends: the future waits for it)
  }
  return newsner::cli::run(**extractor.value, run, listing.get());
}
