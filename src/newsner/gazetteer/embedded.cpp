#include "newsner/gazetteer/embedded.hpp"

#include <fmt/format.h>

#include "newsner/gazetteer/loader.hpp"
#include "newsner/gazetteer/image.hpp"

extern "C" const char newsner_gazetteer_image[];
extern "C" const char newsner_gazetteer_image_end[];

namespace newsner::gazetteer {

std::string_view embedded_image() {
  return {newsner_gazetteer_image,
          static_cast<std::size_t>(newsner_gazetteer_image_end - newsner_gazetteer_image)};
}

std::vector<Gazetteer> load_gazetteers(bool with_embedded, const std::vector<std::string>& files,
                                       std::string& error) {
  std::vector<Gazetteer> out;
  error.clear();
  if (with_embedded) {
    auto g = Gazetteer::open(embedded_image(), error);
    if (!g) {
      error = "embedded gazetteer: " + error;
      return {};
    }
    out.push_back(*g);
  }
  for (const std::string& path : files) {
    std::vector<SourceEntry> entries;
    error = load_tsv_file(path, 0, entries);
    if (!error.empty()) return {};
    std::string image = build_image(entries, {list_name_of(path)}, error);
    if (!error.empty()) return {};
    auto g = Gazetteer::adopt(std::move(image), error);
    if (!g) {
      error = fmt::format("{}: {}", path, error);
      return {};
    }
    out.push_back(*g);
  }
  return out;
}

}  // namespace newsner::gazetteer
