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
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsner::io {

struct InputItem {
  std::string path;     // as given, or as found by the walk; "-" for stdin
  std::string error;    // non-empty: this path could not be listed
  std::int64_t size = -1;  // bytes, for a regular file; -1 when unknown (stdin, pipes)
  bool walked = false;     // found by a directory walk: a regular file or a link to one
};

/// Expands `args` (no args: stdin) into input items, walking directories when
/// `walk_directories` (else a directory is an error item). With `sizes` false
/// the files found by a walk get size -1 (unknown): it saves a stat() per file
/// when no one needs the sizes (they only serve the progress line's ETA).
std::vector<InputItem> expand_inputs(const std::vector<std::string>& args, const std::string& glob,
                                     bool walk_directories = true, bool sizes = true);
/// As above, taking the files of a walk whose name matches any of `globs`.
std::vector<InputItem> expand_inputs(const std::vector<std::string>& args, const std::vector<std::string>& globs,
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

/// Reads files one after another, each as read_input() does, for the thread
/// that reads the files of a walk: a file is opened relative to its directory,
/// which stays open for the next files while they are in it too (a sorted walk
/// lists a directory's files together), so that the kernel does not look up
/// the whole path again per file; and a file's text goes into a buffer given
/// back from an earlier file (recycle()), of a size class that fits it: a new
/// buffer per file cost a malloc() (slow when the buffers are freed by other
/// threads) and, for the window of files read ahead, fresh pages.
/// Not thread-safe: one per reading thread.
class FileReader {
 public:
  FileReader() = default;
  FileReader(const FileReader&) = delete;
  FileReader& operator=(const FileReader&) = delete;
  ~FileReader();

  /// As read_input(path).
  FileContent read(const std::string& path);

  /// Gives a text's buffer back for the next files (kept while the pool holds
  /// less than kPoolBytes; a buffer of more than kMaxPooled bytes is freed).
  void recycle(std::string&& text);

  static constexpr std::size_t kMaxPooled = std::size_t{1} << 16;
  static constexpr std::size_t kPoolBytes = std::size_t{4} << 20;  // see runner.cpp, kKeepJobBytes

  /// An empty buffer whose capacity is at least `room`: a pooled one of the
  /// smallest size class that fits, else a new one of that class's size (four
  /// classes per power of two, 256 bytes to kMaxPooled, so that a class
  /// wastes less than a quarter; larger: exactly `room`).
  std::string take(std::size_t room);

  /// Bytes of size class `c`, and the smallest class of at least `bytes` (-1:
  /// larger than kMaxPooled).
  static std::size_t class_bytes(int c);
  static int class_for(std::size_t bytes);

 private:
  std::string dir_;  // the directory open as dir_fd_ (an O_PATH descriptor)
  int dir_fd_ = -1;
  std::vector<std::vector<std::string>> free_;  // by size class
  std::size_t pooled_bytes_ = 0;
};

/// Reads lines from a file descriptor with read(2) through a buffer of its own
/// (the --jsonl inputs). A non-blocking descriptor (stdin made O_NONBLOCK by a
/// process that shares the pipe) with nothing to read yet is waited for with
/// poll(): stdio's getline() failed there with EAGAIN and cut the line it was
/// reading in two. Not thread-safe.
class LineReader {
 public:
  explicit LineReader(std::size_t buffer_bytes = std::size_t{1} << 20);
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  /// Starts on `fd` (not closed here), forgetting the previous one.
  void reset(int fd);

  /// Replaces `line` with the next line, with its '\n' when it has one (the last
  /// line of the input may have none), leaving room for `spare` more bytes in
  /// its capacity. False at the end of the input or on a read error (error());
  /// a line read before an error comes first.
  bool next(std::string& line, std::size_t spare = 0);

  /// The errno of a read error, else 0.
  int error() const { return error_; }

 private:
  std::unique_ptr<char[]> buf_;  // not zero-filled: read() fills it
  std::size_t size_;
  std::size_t begin_ = 0, end_ = 0;  // unread bytes buf_[begin_, end_)
  int fd_ = -1;
  int error_ = 0;
  bool eof_ = false;
};

/// True when `bytes` looks binary (a NUL byte in the first 64 KiB).
bool looks_binary(std::string_view bytes);

}  // namespace newsner::io
