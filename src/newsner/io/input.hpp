// Input: turns command-line paths into an ordered list of documents to read, and
// reads them. Stage 0 of the pipeline (READ -> normalize -> ...).
//   - "-" is stdin; a file path is one document; a directory is walked
//     recursively (files whose name matches the glob, "*.txt" by default), in
//     sorted byte order of the path, so output order never depends on the file
//     system. Symbolic links to directories are not followed (no loops); a link
//     named like an input that cannot be resolved (a loop, a dangling link) is
//     reported as an item with an error.
//   - With walk_directories = false (the --jsonl mode) a directory argument is an
//     item with the error "is a directory".
//   - A file with a NUL byte in its first 64 KiB is binary: skipped with a message,
//     as grep does.
// Errors: an unreadable or missing path gives an InputItem with `error` set; the
//   caller reports it and goes on. A directory that may not be listed (given, or
//   met in a walk) is such an item too, not skipped.
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsner::io {

struct InputItem {
  std::string path;     // as given, or as found by the walk; "-" for stdin
  std::string error;    // non-empty: this path could not be listed
  std::int64_t size = -1;  // bytes, for a regular file; -1 when unknown (stdin, pipes)
};

/// Expands `args` (no args: stdin) into input items, walking directories when
/// `walk_directories` (else a directory is an error item). With `sizes` false
/// the files found by a walk get size -1 (unknown): it saves a stat() per file
/// when no one needs the sizes (they only serve the progress line's ETA).
std::vector<InputItem> expand_inputs(const std::vector<std::string>& args, const std::string& glob,
                                     bool walk_directories = true, bool sizes = true);

struct FileContent {
  std::string bytes;
  std::string error;    // non-empty: could not read
  bool binary = false;  // has a NUL byte in its first 64 KiB
};

/// Reads a whole file ("-" = stdin). Memory: the file size plus a little (the
/// buffer is sized from fstat when the size is known). System calls for a
/// regular file: open, fstat, one read, close.
FileContent read_input(const std::string& path);

/// True when `bytes` looks binary (a NUL byte in the first 64 KiB).
bool looks_binary(std::string_view bytes);

}  // namespace newsner::io
