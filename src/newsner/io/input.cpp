#include "newsner/io/input.hpp"

#include <fcntl.h>
#include <fnmatch.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <system_error>

namespace newsner::io {

namespace fs = std::filesystem;

bool looks_binary(std::string_view bytes) {
  return bytes.substr(0, 65536).find('\0') != std::string_view::npos;
}

namespace {

// One stat() (fs::is_regular_file plus fs::file_size took two).
std::int64_t regular_size(const fs::path& p) {
  struct stat st;
  if (::stat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return -1;
  return static_cast<std::int64_t>(st.st_size);
}

// Standard input, with its size when it is a redirected regular file (for the
// progress line's ETA), else -1.
InputItem stdin_item() {
  struct stat st;
  const bool reg = fstat(0, &st) == 0 && S_ISREG(st.st_mode);
  return {"-", "", reg ? static_cast<std::int64_t>(st.st_size) : -1};
}

}  // namespace

std::vector<InputItem> expand_inputs(const std::vector<std::string>& args, const std::string& glob,
                                     bool walk_directories, bool sizes) {
  std::vector<InputItem> out;
  if (args.empty()) {
    out.push_back(stdin_item());
    return out;
  }
  for (const std::string& arg : args) {
    if (arg == "-") {
      out.push_back(stdin_item());
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      out.push_back({arg, ec ? ec.message() : "No such file or directory", -1});
      continue;
    }
    if (!fs::is_directory(st)) {
      out.push_back({arg, "", regular_size(arg)});
      continue;
    }
    if (!walk_directories) {
      out.push_back({arg, "is a directory (--jsonl reads files and stdin; list the files, e.g. DIR/*.jsonl)", -1});
      continue;
    }
    // The iterator skips directories it may not open (skip_permission_denied)
    // without a word; each one is tested first, so that it is reported as an
    // input that could not be read instead of losing its articles silently.
    if (::access(arg.c_str(), R_OK | X_OK) != 0) {
      out.push_back({arg, std::strerror(errno), -1});
      continue;
    }
    std::vector<InputItem> found;
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      out.push_back({arg, ec.message(), -1});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        found.push_back({it->path().string(), ec.message(), -1});
        ec.clear();
        continue;
      }
      std::error_code dec;
      if (it->is_directory(dec) && !it->is_symlink(dec) && ::access(it->path().c_str(), R_OK | X_OK) != 0) {
        found.push_back({it->path().string(), std::strerror(errno), -1});
        it.disable_recursion_pending();
        continue;
      }
      const std::string name = it->path().filename().string();
      if (fnmatch(glob.c_str(), name.c_str(), 0) != 0) continue;
      std::error_code fec;
      const bool regular = it->is_regular_file(fec);
      if (fec) {  // a symlink loop or a dangling link named like an input
        found.push_back({it->path().string(), fec.message(), -1});
        continue;
      }
      if (!regular) continue;
      // The size costs a stat() (a path lookup) per file; the entry's type came
      // from the directory listing itself.
      found.push_back({it->path().string(), "", sizes ? regular_size(it->path()) : -1});
    }
    if (ec) found.push_back({arg, ec.message(), -1});
    std::sort(found.begin(), found.end(), [](const InputItem& a, const InputItem& b) { return a.path < b.path; });
    out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  return out;
}

// open/fstat/read/close on the descriptor: stdio's fopen/fread added a FILE and
// a buffer (two mallocs), another fstat and a copy per file, which in directory
// mode (thousands of small files, read by the thread that shares the CPUs with
// the workers) was a measurable share of the run.
FileContent read_input(const std::string& path) {
  FileContent fc;
  const bool is_stdin = path == "-";
  const int fd = is_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    fc.error = std::strerror(errno);
    return fc;
  }
  // A short read ends a regular file only once its stat() size is read: Linux
  // returns at most 0x7ffff000 bytes per read() (a file of 2 GiB or more), and
  // files of /proc and /sys with size 0 return a record or page per read
  // (/proc/self/maps), so that a short read there is no end of file.
  bool regular = false;
  std::size_t known_size = 0;
  std::size_t room = std::size_t{1} << 16;  // first read of a pipe or terminal
  struct stat st;
  if (fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      fc.error = std::strerror(EISDIR);
      if (!is_stdin) ::close(fd);
      return fc;
    }
    if (S_ISREG(st.st_mode)) {
      regular = st.st_size > 0;
      known_size = static_cast<std::size_t>(st.st_size);
      // One byte more than the size: a file that grew is still read to its end.
      // (A size-0 file, empty or of /proc, starts with a page: not the 64 KB
      // of a pipe, which an empty file's text would keep as its capacity.)
      room = regular ? known_size + 1 : 4096;
    }
  }
  std::size_t got = 0;
  fc.bytes.resize(room);
  for (;;) {
    if (got == fc.bytes.size()) fc.bytes.resize(fc.bytes.size() * 2);
    const ssize_t n = ::read(fd, fc.bytes.data() + got, fc.bytes.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        // A non-blocking stdin (set by whoever shares the pipe) with nothing to
        // read yet: wait for input rather than fail the document.
        pollfd pfd{fd, POLLIN, 0};
        if (::poll(&pfd, 1, -1) >= 0 || errno == EINTR) continue;
      }
      fc.error = std::strerror(errno ? errno : EIO);
      break;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
    // A regular file returns less than asked only at its end once its size is
    // read (or when a signal handler interrupts the read, and newsner installs
    // none): this saves the read() that would return 0, one system call per file.
    if (regular && got >= known_size && got < fc.bytes.size()) break;
  }
  fc.bytes.resize(got);
  if (!is_stdin) ::close(fd);
  fc.binary = looks_binary(fc.bytes);
  return fc;
}

}  // namespace newsner::io
