// Runs the extractor over all inputs with N worker threads and writes results in
// input order (output never depends on the thread count).
//
// Threads: main() lists the inputs (walks directories, list_inputs) in a thread
//   of its own while the extractor is created; the calling thread reads (reads
//   files, splits JSONL into lines) and numbers each document; a persistent pool of `threads` workers
//   parses JSONL records and runs Extractor::extract; one writer thread writes the
//   output lines and the stderr messages in input order. Reading, extraction and
//   writing overlap. Hand-offs are batched, since each wake-up of a sleeping
//   thread costs a syscall and an interrupt: workers wake the writer per batch
//   of finished documents or when they run out of work (handoff.hpp), the writer
//   takes every finished document at the head at once and writes stdout after
//   each such batch (so a pipe gets each answer without waiting for more input),
//   and a reader stopped by a full window resumes when it has drained to 3/4.
// Memory: documents read but not yet written, including the batch being written,
//   are bounded (kWindowDocs documents and kWindowBytes of input, see runner.cpp);
//   a single document larger than the bound is still admitted alone, so memory
//   is a small multiple of the largest document plus the window. Each malloc arena keeps up to 16 MB of freed
//   memory rather than returning it to the kernel after every document (run()); the
//   writer hands up to 512 written output buffers (each at most 64 KB) back to the
//   workers, and up to 1024 written jobs, with their text buffers (8 MB at most),
//   back to the reader, so that in steady state no document costs a malloc of
//   its job or text, nor a free of the reader's memory by another thread. Output: each batch's lines go out with writev() from the jobs' own
//   buffers (no stdio copy); a document's stderr messages follow the lines before it.
// Line-filter contract (--jsonl, DESIGN.md section 3): every input line gives
//   exactly one output line, in order: a record, an `"error"` line for a malformed
//   record, and `{"id":N,"entities":[]}` for a blank line.
// Progress: when stderr is a terminal (and stdout is not the terminal too), not
//   --quiet, and the run takes longer than about a second, one self-overwriting line on stderr (documents, MB, MB/s, ETA
//   when the total size is known). --stats prints a summary at the end.
// Exit status (DESIGN.md section 4): 0 all documents processed, 1 some failed.
// A closed stdout (EPIPE, `| head`) stops the run quietly with status 0; any
// other write error (a full disk) is reported and gives status 1.
#pragma once

#include <string>
#include <vector>

#include "newsner/io/input.hpp"
#include "newsner/io/jsonl_reader.hpp"
#include "newsner/io/jsonl_writer.hpp"
#include "newsner/newsner.hpp"

namespace newsner::cli {

struct RunConfig {
  std::vector<std::string> inputs;  // paths; empty = stdin
  std::vector<std::string> globs{"*.txt"};  // a walk takes the files matching any
  bool jsonl = false;
  io::JsonlFields fields;
  io::WriteOptions write;
  unsigned threads = 1;
  bool quiet = false;
  bool stats = false;
  /// Progress line: -1 auto (stderr is a terminal), 0 never, 1 always (tests).
  int progress = -1;
};

/// Processes every input; returns the process exit status.
int run(const Extractor& extractor, const RunConfig& config);

/// The same for inputs listed beforehand by list_inputs(config) (main() lists
/// them while the extractor is created: a walk of thousands of files, whose
/// directory blocks may have to come from disk, then delays nothing).
int run(const Extractor& extractor, const RunConfig& config, std::vector<io::InputItem> inputs);

/// The config's inputs, with directories walked (not with --jsonl). Touches no
/// shared state: may run in another thread.
std::vector<io::InputItem> list_inputs(const RunConfig& config);

/// Whether the run shows the progress line (then a walk also takes the files' sizes).
bool wants_progress(const RunConfig& config);

}  // namespace newsner::cli
