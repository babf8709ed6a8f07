// newsner_gazc: compiles gazetteer TSV files into the binary image that the
// build embeds in newsner (format: src/newsner/gazetteer/image.hpp).
// Usage: newsner_gazc -o OUT.bin FILE.tsv...   (list name = file name stem)
// Exit status: 0 on success, 1 on a malformed file (message names file:line).
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "newsner/gazetteer/image.hpp"
#include "newsner/gazetteer/loader.hpp"

int main(int argc, char** argv) {
  using namespace newsner::gazetteer;
  std::string out_path;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-o" && i + 1 < argc) out_path = argv[++i];
    else inputs.push_back(a);
  }
  if (out_path.empty()) {
    std::fprintf(stderr, "usage: newsner_gazc -o OUT.bin FILE.tsv...\n");
    return 2;
  }
  std::vector<SourceEntry> entries;
  std::vector<std::string> lists;
  for (const auto& path : inputs) {
    lists.push_back(list_name_of(path));
    std::string err = load_tsv_file(path, static_cast<std::uint16_t>(lists.size() - 1), entries);
    if (!err.empty()) {
      std::fprintf(stderr, "newsner_gazc: %s\n", err.c_str());
      return 1;
    }
  }
  std::string err;
  const std::string image = build_image(entries, lists, err);
  if (!err.empty()) {
    std::fprintf(stderr, "newsner_gazc: %s\n", err.c_str());
    return 1;
  }
  std::ofstream out(out_path, std::ios::binary);
  out.write(image.data(), static_cast<std::streamsize>(image.size()));
  if (!out) {
    std::fprintf(stderr, "newsner_gazc: cannot write %s\n", out_path.c_str());
    return 1;
  }
  std::fprintf(stderr, "newsner_gazc: %zu entries from %zu lists, %zu bytes\n", entries.size(), lists.size(),
               image.size());
  return 0;
}
