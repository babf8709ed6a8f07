#include "newsner/io/input.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
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
