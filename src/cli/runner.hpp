// Runs the extractor over all inputs with N worker threads and writes results in
// input order (output never depends on the thread count).
// Documents are read in batches by the calling thread; workers process a batch
// in parallel; the batch's lines are written in order before the next batch.
// Exit status (DESIGN.md section 4): 0 all documents processed, 1 some failed.
// A closed stdout (EPIPE, `| head`) stops the run quietly with status 0.
#pragma once

#include <string>
#include <vector>

#include "newsner/io/jsonl_reader.hpp"
#include "newsner/io/jsonl_writer.hpp"
#include "newsner/newsner.hpp"

namespace newsner::cli {

struct RunConfig {
  std::vector<std::string> inputs;  // paths; empty = stdin
  std::string glob = "*.txt";
  bool jsonl = false;
  io::JsonlFields fields;
  io::WriteOptions write;
  unsigned threads = 1;
  bool quiet = false;
  bool stats = false;
};

/// Processes every input; returns the process exit status.
int run(const Extractor& extractor, const RunConfig& config);

}  // namespace newsner::cli
