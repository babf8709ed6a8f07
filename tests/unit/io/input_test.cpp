#include "newsner/io/input.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
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

TEST_CASE("input: binary detection") {
  using namespace std::string_literals;
  CHECK(!newsner::io::looks_binary(""));
  CHECK(!newsner::io::looks_binary("S\xc3\xa3o Paulo \xff"));
  CHECK(newsner::io::looks_binary("a\0b"s));
  CHECK(!newsner::io::looks_binary(std::string(70000, 'a') + '\0'));  // only the first 64 KiB count
}
