#include "newsner/io/input.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <fnmatch.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

namespace fs = std::filesystem;
using newsner::io::expand_inputs;

namespace {
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "newsner-input-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& rel, const std::string& bytes) const {
    fs::create_directories((path / rel).parent_path());
    std::ofstream(path / rel, std::ios::binary) << bytes;
  }
};
}  // namespace

TEST_CASE("input: directory walk") {
  TempDir d;
  d.write("b/2.txt", "two");
  d.write("a/1.txt", "one");
  d.write("a/skip.json", "{}");
  d.write("c.txt", "");
  fs::create_directory_symlink(d.path, d.path / "a" / "loop");  // a directory loop: not followed
  fs::create_symlink("self.txt", d.path / "self.txt");           // a file loop: reported
  SUBCASE("sorted, glob-filtered, loops reported") {
    auto items = expand_inputs({d.path.string()}, "*.txt");
    REQUIRE(items.size() == 4);
    CHECK(items[0].path == (d.path / "a/1.txt").string());
    CHECK(items[0].size == 3);
    CHECK(items[1].path == (d.path / "b/2.txt").string());
    CHECK(items[2].path == (d.path / "c.txt").string());
    CHECK(items[2].size == 0);
    CHECK(items[3].path == (d.path / "self.txt").string());
    CHECK(!items[3].error.empty());
  }
  SUBCASE("sizes are optional for the files a walk finds") {
    auto items = expand_inputs({d.path.string(), (d.path / "a/1.txt").string()}, "*.txt", true, /*sizes=*/false);
    REQUIRE(items.size() == 5);
    CHECK(items[0].path == (d.path / "a/1.txt").string());
    CHECK(items[0].size == -1);
    CHECK(!items[3].error.empty());  // the loop is still reported
    CHECK(items[4].size == 3);       // a named file keeps its size
  }
  SUBCASE("several globs: a file matching any is taken, once") {
    auto items = expand_inputs({d.path.string()}, std::vector<std::string>{"*.json", "*.txt", "1.*"});
    REQUIRE(items.size() == 5);
    CHECK(items[0].path == (d.path / "a/1.txt").string());
    CHECK(items[1].path == (d.path / "a/skip.json").string());
    CHECK(items[4].path == (d.path / "self.txt").string());
  }
  SUBCASE("no walk in --jsonl mode") {
    auto items = expand_inputs({d.path.string()}, "*.txt", false);
    REQUIRE(items.size() == 1);
    CHECK(items[0].error.find("is a directory") == 0);
  }
  SUBCASE("missing paths and stdin") {
    auto items = expand_inputs({(d.path / "nope").string(), "-"}, "*.txt");
    REQUIRE(items.size() == 2);
    CHECK(items[0].error == "No such file or directory");
    CHECK(items[1].path == "-");
    CHECK(expand_inputs({}, "*.txt").at(0).path == "-");
  }
  SUBCASE("read_input") {
    auto fc = newsner::io::read_input((d.path / "a/1.txt").string());
    CHECK(fc.error.empty());
    CHECK(fc.bytes == "one");
    CHECK(newsner::io::read_input((d.path / "c.txt").string()).bytes.empty());
    CHECK(!newsner::io::read_input(d.path.string()).error.empty());  // a directory
    CHECK(!newsner::io::read_input((d.path / "nope").string()).error.empty());
  }
  SUBCASE("read_input: a large file, and a pipe longer than the first read") {
    std::string big(200000, 'x');
    for (std::size_t i = 0; i < big.size(); i += 997) big[i] = static_cast<char>('a' + i % 26);
    d.write("big.txt", big);
    CHECK(newsner::io::read_input((d.path / "big.txt").string()).bytes == big);
    const std::string fifo = (d.path / "fifo").string();
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << big; });
    auto fc = newsner::io::read_input(fifo);
    writer.join();
    CHECK(fc.error.empty());
    CHECK(fc.bytes == big);
  }
}

// Files of /proc have size 0 and return a record or a page per read(): a
// short read there is no end of file (nor for a file of 2 GiB or more, whose
// reads return at most 0x7ffff000 bytes).
TEST_CASE("input: a /proc file of size 0 is read to its end") {
  const std::string path = "/proc/self/maps";
  // Some 300 mappings more (alternately readable and not: none merge), so that
  // the file takes several reads.
  const long page = sysconf(_SC_PAGESIZE);
  void* const area = mmap(nullptr, 600 * page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(area != MAP_FAILED);
  for (int k = 0; k < 600; k += 2) mprotect(static_cast<char*>(area) + k * page, page, PROT_NONE);
  struct Unmap {
    void* p;
    std::size_t n;
    ~Unmap() { munmap(p, n); }
  } unmap{area, static_cast<std::size_t>(600 * page)};
  std::ifstream in(path, std::ios::binary);
  if (!in) return;  // no /proc here
  const std::string whole((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto last_line = [](const std::string& s) {
    const std::size_t end = s.empty() || s.back() != '\n' ? s.size() : s.size() - 1;
    const std::size_t nl = s.rfind('\n', end == 0 ? 0 : end - 1);
    return s.substr(nl == std::string::npos ? 0 : nl + 1);
  };
  const auto fc = newsner::io::read_input(path);
  CHECK(fc.error.empty());
  REQUIRE(whole.size() > 16384);
  // The mappings may change between the two reads, but not the last one.
  CHECK(last_line(fc.bytes) == last_line(whole));
  CHECK(fc.bytes.size() > whole.size() / 2);
}

// A non-blocking stdin (O_NONBLOCK set by whoever shares the pipe) that has
// nothing yet: read_input("-") waits for the input instead of failing.
TEST_CASE("input: a non-blocking stdin is waited for") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const int saved = dup(STDIN_FILENO);
  REQUIRE(saved >= 0);
  REQUIRE(dup2(fds[0], STDIN_FILENO) == STDIN_FILENO);
  close(fds[0]);
  const int flags = fcntl(STDIN_FILENO, F_GETFL);
  fcntl(STDIN_FILENO, F_SETFL, flags | O_NONBLOCK);
  std::thread writer([w = fds[1]] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const std::string text = "Talks in Berlin.\n";
    CHECK(write(w, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    close(w);
  });
  const auto fc = newsner::io::read_input("-");
  writer.join();
  fcntl(STDIN_FILENO, F_SETFL, flags);
  dup2(saved, STDIN_FILENO);
  close(saved);
  CHECK(fc.error.empty());
  CHECK(fc.bytes == "Talks in Berlin.\n");
}

TEST_CASE("input: binary detection") {
  using namespace std::string_literals;
  CHECK(!newsner::io::looks_binary(""));
  CHECK(!newsner::io::looks_binary("S\xc3\xa3o Paulo \xff"));
  CHECK(newsner::io::looks_binary("a\0b"s));
  CHECK(!newsner::io::looks_binary(std::string(70000, 'a') + '\0'));  // only the first 64 KiB count
}

namespace {
// The walk as std::filesystem's recursive iterator made it (before the walk
// over readdir() and the *at() calls): the reference for the rules.
std::vector<newsner::io::InputItem> filesystem_walk(const std::string& arg, const std::string& glob) {
  std::vector<newsner::io::InputItem> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
  for (; it != end; it.increment(ec)) {
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
    if (fec) {
      // (Since then a link to nothing is named as such.)
      std::error_code lec;
      const bool broken = fec == std::errc::no_such_file_or_directory && it->is_symlink(lec);
      found.push_back({it->path().string(), broken ? "broken symbolic link (its target does not exist)" : fec.message(), -1});
      continue;
    }
    if (!regular) continue;
    struct stat st;
    found.push_back({it->path().string(), "", ::stat(it->path().c_str(), &st) == 0 ? st.st_size : -1});
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return found;
}
}  // namespace

// Byte order of whole paths, not a per-directory order: "a-b.txt" < "a.txt" <
// "a/x.txt" < "a0.txt" ('-' < '.' < '/' < '0'); names sharing more than the
// 8 bytes the sort keys hold; bytes above 0x7F after ASCII.
TEST_CASE("input: the walk finds what std::filesystem's iterator found, in the same order") {
  TempDir d;
  for (const char* rel : {"a-b.txt", "a.txt", "a/x.txt", "a0.txt", "a/b/c/deep.txt", "b.json", ".hidden.txt",
                          "reuters-2024-01-01-0001.txt", "reuters-2024-01-01-0002.txt", "reuters-2024-01-01.txt",
                          "z/\xc3\xa9t\xc3\xa9.txt", "z/e.txt", "z/E.txt", "e", "empty/.keep"}) {
    d.write(rel, rel);
  }
  fs::create_directory_symlink(d.path / "a", d.path / "link-to-dir.txt");  // not followed, not an input
  fs::create_directory_symlink(d.path, d.path / "a" / "loop");             // not followed
  fs::create_symlink(d.path / "a.txt", d.path / "z" / "link.txt");          // a link to a file: an input
  fs::create_symlink("missing", d.path / "z" / "dangling.txt");             // reported
  fs::create_symlink("self.txt", d.path / "self.txt");                      // a loop: reported
  REQUIRE(mkfifo((d.path / "fifo.txt").c_str(), 0600) == 0);                // not a regular file
  for (const std::string& arg : {d.path.string(), d.path.string() + "/", (d.path / "z").string()}) {
    for (const char* glob : {"*.txt", "*", "a*"}) {
      CAPTURE(arg);
      CAPTURE(glob);
      const auto want = filesystem_walk(arg, glob);
      const auto got = expand_inputs({arg}, glob);
      REQUIRE(got.size() == want.size());
      for (std::size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].path == want[i].path);
        CHECK(got[i].error == want[i].error);
        CHECK(got[i].size == want[i].size);
      }
    }
  }
  const auto items = expand_inputs({d.path.string()}, "*.txt");
  REQUIRE(items.size() >= 6);
  CHECK(items[0].path == (d.path / ".hidden.txt").string());
  CHECK(items[1].path == (d.path / "a-b.txt").string());
  CHECK(items[2].path == (d.path / "a.txt").string());
  CHECK(items[3].path == (d.path / "a/b/c/deep.txt").string());
  CHECK(items[4].path == (d.path / "a/x.txt").string());
  CHECK(items[5].path == (d.path / "a0.txt").string());
}

TEST_CASE("input: FileReader reads as read_input does, into recycled buffers") {
  TempDir d;
  d.write("one/a.txt", "alpha");
  d.write("one/b.txt", std::string(3000, 'b'));
  d.write("two/c.txt", "gamma");
  d.write("bin.txt", std::string("x\0y", 3));
  newsner::io::FileReader reader;
  const auto same = [&](const std::string& path) {
    CAPTURE(path);
    const auto want = newsner::io::read_input(path);
    const auto got = reader.read(path);
    CHECK(got.bytes == want.bytes);
    CHECK(got.error == want.error);
    CHECK(got.binary == want.binary);
    return got;
  };
  auto a = same((d.path / "one/a.txt").string());
  // A recycled buffer with old bytes in it: the next text is only the file's.
  a.bytes.assign(5000, '#');
  reader.recycle(std::move(a.bytes));
  same((d.path / "one/b.txt").string());
  same((d.path / "two/c.txt").string());     // another directory
  same((d.path / "one/a.txt").string());     // and back
  same((d.path / "one/nope.txt").string());  // errors as read_input's
  same((d.path / "one").string());           // a directory
  same((d.path / "one/a.txt/x").string());   // a path through a file
  same((d.path / "nodir/a.txt").string());   // a directory that is missing
  same((d.path / "bin.txt").string());
  same("/proc/self/cmdline");                // size 0: read to its end
  const fs::path cwd = fs::current_path();
  fs::current_path(d.path / "one");
  same("a.txt");  // no directory part
  fs::current_path(cwd);
}

TEST_CASE("input: FileReader's buffers come in size classes") {
  using newsner::io::FileReader;
  CHECK(FileReader::class_bytes(0) == 256);
  for (int c = 1; FileReader::class_bytes(c) <= FileReader::kMaxPooled; ++c) {
    CHECK(FileReader::class_bytes(c) > FileReader::class_bytes(c - 1));
    CHECK(FileReader::class_bytes(c) <= FileReader::class_bytes(c - 1) * 5 / 4 + 1);  // at most a quarter more
  }
  for (std::size_t n = 1; n <= FileReader::kMaxPooled; ++n) {
    const int c = FileReader::class_for(n);
    REQUIRE(c >= 0);
    CHECK(FileReader::class_bytes(c) >= n);
    if (c > 0) CHECK(FileReader::class_bytes(c - 1) < n);
  }
  CHECK(FileReader::class_for(FileReader::kMaxPooled + 1) == -1);
  FileReader reader;
  std::string s = reader.take(1299);
  CHECK(s.empty());
  CHECK(s.capacity() >= 1299);
  const auto* memory = s.data();
  reader.recycle(std::move(s));
  std::string again = reader.take(1400);  // the same class: the same buffer
  CHECK(again.data() == memory);
  CHECK(reader.take(100000).capacity() >= 100000);  // larger than any class
}

TEST_CASE("input: LineReader splits lines across its buffer's refills") {
  TempDir d;
  d.write("lines.jsonl", "one\ntwo\r\n\nthree is longer than the buffer\nlast, no newline");
  const int fd = ::open((d.path / "lines.jsonl").c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  newsner::io::LineReader lines(8);  // smaller than most lines
  lines.reset(fd);
  std::string line = "old content";
  std::vector<std::string> got;
  while (lines.next(line)) got.push_back(line);
  ::close(fd);
  CHECK(lines.error() == 0);
  REQUIRE(got.size() == 5);
  CHECK(got[0] == "one\n");
  CHECK(got[1] == "two\r\n");
  CHECK(got[2] == "\n");
  CHECK(got[3] == "three is longer than the buffer\n");
  CHECK(got[4] == "last, no newline");
  CHECK(!lines.next(line));  // stays at the end
  CHECK(line.empty());
}

TEST_CASE("input: LineReader waits on a non-blocking pipe and reports read errors") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
  std::thread writer([w = fds[1]] {
    // A line in pieces, with pauses: each read() in between finds nothing (EAGAIN).
    for (const char* piece : {"{\"text\":", "\"Talks in ", "Berlin.\"}\n{\"text\"", ":\"Rome\"}\n"}) {
      std::this_thread::sleep_for(std::chrono::milliseconds(30));
      CHECK(write(w, piece, std::strlen(piece)) == static_cast<ssize_t>(std::strlen(piece)));
    }
    close(w);
  });
  newsner::io::LineReader lines;
  lines.reset(fds[0]);
  std::string line;
  std::vector<std::string> got;
  while (lines.next(line)) got.push_back(line);
  writer.join();
  close(fds[0]);
  CHECK(lines.error() == 0);
  REQUIRE(got.size() == 2);
  CHECK(got[0] == "{\"text\":\"Talks in Berlin.\"}\n");
  CHECK(got[1] == "{\"text\":\"Rome\"}\n");

  TempDir d;
  const int dir = ::open(d.path.c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(dir >= 0);
  lines.reset(dir);
  CHECK(!lines.next(line));
  CHECK(lines.error() == EISDIR);
  ::close(dir);
}
