#include "newsner/io/input.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

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
}

TEST_CASE("input: binary detection") {
  using namespace std::string_literals;
  CHECK(!newsner::io::looks_binary(""));
  CHECK(!newsner::io::looks_binary("S\xc3\xa3o Paulo \xff"));
  CHECK(newsner::io::looks_binary("a\0b"s));
  CHECK(!newsner::io::looks_binary(std::string(70000, 'a') + '\0'));  // only the first 64 KiB count
}
