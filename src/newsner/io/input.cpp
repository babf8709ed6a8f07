#include "newsner/io/input.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
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

void read_descriptor(int fd, bool is_stdin, FileContent& fc, FileReader* buffers);

// Appends the inputs under the directory open as `fd` (closed here), whose path
// is `prefix` (ending with '/'), to `found`, recursing into subdirectories.
// readdir() and the *at() calls relative to `fd`: std::filesystem's iterator
// built and parsed a path object per entry and looked each path up from the
// root, a measurable share of the reading thread's time in a directory of
// thousands of small articles. The rules are the iterator's (the tests compare
// the two): symbolic links to directories are not followed; an entry whose type
// the listing does not give is stat'ed; a subdirectory that may not be listed
// is an item with an error; a link named like an input that cannot be resolved
// (a loop, a dangling link) is one too.
// A file name matches when it matches any of the patterns (fnmatch).
bool name_matches(const std::vector<std::string>& globs, const char* name) {
  for (const std::string& g : globs) {
    if (::fnmatch(g.c_str(), name, 0) == 0) return true;
  }
  return false;
}

// The message for a symbolic link whose target does not exist (ENOENT alone
// would read as if the link itself were missing).
constexpr const char* kBrokenLink = "broken symbolic link (its target does not exist)";

void walk_directory(int fd, std::string& prefix, const std::vector<std::string>& globs, bool sizes,
                    std::vector<InputItem>& found) {
  DIR* dir = ::fdopendir(fd);
  if (!dir) {
    found.push_back({prefix.substr(0, prefix.size() - 1), std::strerror(errno), -1});
    ::close(fd);
    return;
  }
  const std::size_t base = prefix.size();
  for (;;) {
    errno = 0;
    const dirent* e = ::readdir(dir);
    if (!e) {
      if (errno != 0) found.push_back({prefix.substr(0, base - 1), std::strerror(errno), -1});
      break;
    }
    const char* name = e->d_name;
    if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0))) continue;
    unsigned char type = e->d_type;
    struct stat st;
    if (type == DT_UNKNOWN && ::fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0) type = IFTODT(st.st_mode);
    if (type == DT_DIR) {
      prefix.append(name);
      if (::faccessat(fd, name, R_OK | X_OK, 0) != 0) {
        found.push_back({prefix, std::strerror(errno), -1});
      } else {
        const int sub = ::openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (sub >= 0) {
          prefix.push_back('/');
          walk_directory(sub, prefix, globs, sizes, found);
        } else if (errno != EACCES) {  // as skip_permission_denied did (access() said yes)
          found.push_back({prefix, std::strerror(errno), -1});
        }
      }
      prefix.resize(base);
      continue;
    }
    if (type != DT_REG && type != DT_LNK && type != DT_UNKNOWN) continue;  // a FIFO, a socket, a device
    if (!name_matches(globs, name)) continue;
    if (type == DT_REG) {
      const bool sized = sizes && ::fstatat(fd, name, &st, 0) == 0 && S_ISREG(st.st_mode);
      found.push_back({prefix + name, "", sized ? static_cast<std::int64_t>(st.st_size) : -1, true});
      continue;
    }
    // A link (or an entry of unknown type) is followed: a link to a file is an input.
    if (::fstatat(fd, name, &st, 0) != 0) {
      found.push_back({prefix + name, errno == ENOENT ? kBrokenLink : std::strerror(errno), -1});
      continue;
    }
    if (S_ISREG(st.st_mode)) found.push_back({prefix + name, "", sizes ? static_cast<std::int64_t>(st.st_size) : -1, true});
  }
  ::closedir(dir);  // closes fd
}

// Sorts out[first...] by path, in byte order. All those paths begin with the
// same `common` bytes, so the 8 bytes after them (big-endian, zero-padded: a
// path has no NUL byte) order nearly every pair by one integer comparison; the
// paths are compared only when those are equal. Items move once, at the end.
void sort_by_path(std::vector<InputItem>& out, std::size_t first, std::size_t common) {
  struct Key {
    std::uint64_t bytes;
    std::uint32_t index;
  };
  std::vector<Key> keys;
  keys.reserve(out.size() - first);
  for (std::size_t i = first; i < out.size(); ++i) {
    const std::string& p = out[i].path;
    std::uint64_t bytes = 0;
    for (std::size_t k = common; k < common + 8; ++k) {
      bytes = bytes << 8 | (k < p.size() ? static_cast<unsigned char>(p[k]) : 0u);
    }
    keys.push_back({bytes, static_cast<std::uint32_t>(i - first)});
  }
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.bytes != b.bytes) return a.bytes < b.bytes;
    return out[first + a.index].path < out[first + b.index].path;
  });
  // Into place cycle by cycle (a sorted copy was 1 MB of fresh pages per 14,000 files).
  InputItem* const items = out.data() + first;
  for (std::uint32_t j = 0; j < keys.size(); ++j) {
    if (keys[j].index == j) continue;
    InputItem moved = std::move(items[j]);
    std::uint32_t at = j;
    for (;;) {
      const std::uint32_t from = keys[at].index;
      keys[at].index = at;  // placed
      if (from == j) {
        items[at] = std::move(moved);
        break;
      }
      items[at] = std::move(items[from]);
      at = from;
    }
  }
}

}  // namespace

std::vector<InputItem> expand_inputs(const std::vector<std::string>& args, const std::string& glob,
                                     bool walk_directories, bool sizes) {
  return expand_inputs(args, std::vector<std::string>{glob}, walk_directories, sizes);
}

std::vector<InputItem> expand_inputs(const std::vector<std::string>& args, const std::vector<std::string>& globs,
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
      std::error_code lec;
      const bool link = fs::is_symlink(fs::symlink_status(arg, lec));
      const bool missing = !ec || ec == std::errc::no_such_file_or_directory;  // not ELOOP, EACCES, ...
      const std::string reason = link && missing ? kBrokenLink : ec ? ec.message() : "No such file or directory";
      out.push_back({arg, reason, -1});
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
    // Permission is tested first, so that a directory that may not be listed
    // is reported as an input that could not be read.
    if (::access(arg.c_str(), R_OK | X_OK) != 0) {
      out.push_back({arg, std::strerror(errno), -1});
      continue;
    }
    const int fd = ::open(arg.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
      out.push_back({arg, std::strerror(errno), -1});
      continue;
    }
    // Paths as std::filesystem joins them: "DIR/NAME", and "DIR/NAME" for "DIR/" too.
    std::string prefix = arg;
    if (prefix.back() != '/') prefix += '/';
    // Straight into `out`, sorted there (a vector of its own was copied over).
    const std::size_t first = out.size();
    walk_directory(fd, prefix, globs, sizes, out);
    sort_by_path(out, first, prefix.size() - 1);  // all begin with the argument
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
  read_descriptor(fd, is_stdin, fc, nullptr);
  return fc;
}

FileReader::~FileReader() {
  if (dir_fd_ >= 0) ::close(dir_fd_);
}

FileContent FileReader::read(const std::string& path) {
  FileContent fc;
  if (path == "-") {
    read_descriptor(STDIN_FILENO, /*is_stdin=*/true, fc, this);
    return fc;
  }
  const std::size_t slash = path.rfind('/');
  int at = AT_FDCWD;
  const char* name = path.c_str();
  if (slash != std::string::npos && slash + 1 < path.size()) {
    // The directory part, "/" for a file at the root.
    const std::string_view dir(path.data(), slash == 0 ? 1 : slash);
    if (dir != dir_) {
      if (dir_fd_ >= 0) ::close(dir_fd_);
      dir_.assign(dir);
      // O_PATH asks only for the search permission that a lookup of the whole
      // path needs too; if it fails, the whole path is opened (and reports).
      dir_fd_ = ::open(dir_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    }
    if (dir_fd_ >= 0) {
      at = dir_fd_;
      name += slash + 1;
    }
  }
  read_descriptor(::openat(at, name, O_RDONLY | O_CLOEXEC), /*is_stdin=*/false, fc, this);
  return fc;
}

std::size_t FileReader::class_bytes(int c) {
  const std::size_t base = std::size_t{256} << (c / 4);
  return base + base / 4 * static_cast<std::size_t>(c % 4);
}

int FileReader::class_for(std::size_t bytes) {
  if (bytes > kMaxPooled) return -1;
  if (bytes <= class_bytes(0)) return 0;
  // bytes is in (2^k, 2^(k+1)]: the quarter of that octave it needs, 1 to 4
  // (4: the next octave's first class).
  const int k = std::bit_width(bytes - 1) - 1;
  const std::size_t base = std::size_t{1} << k;
  const std::size_t quarter = (bytes - base + base / 4 - 1) / (base / 4);
  return 4 * (k - 8) + static_cast<int>(quarter);
}

std::string FileReader::take(std::size_t room) {
  std::string s;
  const int c = class_for(room + 1);  // + the terminating NUL
  if (c < 0) {
    s.reserve(room);
    return s;
  }
  if (static_cast<std::size_t>(c) < free_.size() && !free_[c].empty()) {
    s = std::move(free_[c].back());
    free_[c].pop_back();
    pooled_bytes_ -= class_bytes(c);
    return s;
  }
  s.reserve(class_bytes(c) - 1);
  return s;
}

void FileReader::recycle(std::string&& text) {
  const std::size_t bytes = text.capacity() + 1;
  if (bytes < class_bytes(0) || bytes > kMaxPooled) return;  // freed (a short one is no heap buffer)
  int c = class_for(bytes);
  if (class_bytes(c) > bytes) --c;  // the largest class it holds
  if (pooled_bytes_ + class_bytes(c) > kPoolBytes) return;
  if (free_.size() <= static_cast<std::size_t>(c)) free_.resize(c + 1);
  text.clear();
  free_[c].push_back(std::move(text));
  pooled_bytes_ += class_bytes(c);
}

LineReader::LineReader(std::size_t buffer_bytes)
    : buf_(std::make_unique_for_overwrite<char[]>(std::max<std::size_t>(buffer_bytes, 1))),
      size_(std::max<std::size_t>(buffer_bytes, 1)) {}

void LineReader::reset(int fd) {
  fd_ = fd;
  begin_ = end_ = 0;
  error_ = 0;
  eof_ = false;
}

bool LineReader::next(std::string& line, std::size_t spare) {
  line.clear();
  for (;;) {
    if (begin_ < end_) {
      const char* const start = buf_.get() + begin_;
      const void* nl = std::memchr(start, '\n', end_ - begin_);
      const std::size_t n = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - start) + 1 : end_ - begin_;
      // One allocation of the right size for a line within the buffer (append
      // alone grows a string by doubling, copying it each time).
      if (line.capacity() < line.size() + n + spare) line.reserve(line.size() + n + spare);
      line.append(start, n);
      begin_ += n;
      if (nl) return true;
    }
    if (eof_ || error_ != 0) return !line.empty();
    const ssize_t n = ::read(fd_, buf_.get(), size_);
    if (n > 0) {
      begin_ = 0;
      end_ = static_cast<std::size_t>(n);
      continue;
    }
    if (n == 0) {
      eof_ = true;
      continue;
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      // Nothing to read yet from a non-blocking descriptor: wait for input.
      pollfd pfd{fd_, POLLIN, 0};
      if (::poll(&pfd, 1, -1) >= 0 || errno == EINTR) continue;
    }
    error_ = errno ? errno : EIO;
  }
}

namespace {

// Reads the file open as `fd` (a failed open: -1, its errno set) into fc.bytes,
// a buffer from `buffers` when given, and closes it unless it is stdin.
void read_descriptor(int fd, bool is_stdin, FileContent& fc, FileReader* buffers) {
  if (fd < 0) {
    fc.error = std::strerror(errno);
    return;
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
      return;
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
  if (buffers) fc.bytes = buffers->take(room);
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
}

}  // namespace

}  // namespace newsner::io
