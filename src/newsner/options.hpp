// Library settings, with their defaults. The library never sees argv: the CLI
// (src/cli/args.*) turns flags into an Options value.
// Thread safety: a plain value, copied into the Extractor.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace newsner {

/// How to read an all-numeric date such as 05/06/2018 when both readings are valid.
enum class DateOrder { MonthDayYear, DayMonthYear };

struct Options {
  /// DCT used for every document, overriding JSONL fields and datelines (none).
  std::optional<std::chrono::year_month_day> reference_date;
  /// Reading of ambiguous numeric dates (MonthDayYear, as US news writes them).
  DateOrder date_order = DateOrder::MonthDayYear;
  /// Extra gazetteer TSV files (name, type, optional kb_id, optional flags) (none).
  std::vector<std::string> gazetteer_files;
  /// Use the gazetteers compiled into the binary (true).
  bool default_gazetteers = true;
  /// Keep each mention's rules and lists (evidence) for --explain (false).
  bool explain = false;
};

}  // namespace newsner
