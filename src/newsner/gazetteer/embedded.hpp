// The gazetteer image compiled from gazetteers/**/*.tsv at build time (by
// tools/gazc) and linked into the executable with .incbin. Sources and licenses
// of every list: gazetteers/SOURCES.md.
// Thread safety: immutable static data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "newsner/gazetteer/image.hpp"

namespace newsner::gazetteer {

/// The embedded image bytes (8-byte aligned).
std::string_view embedded_image();

/// Builds the gazetteer set for a run: the embedded image (when `with_embedded`)
/// plus one image compiled from each TSV in `files`. On error returns an empty
/// vector and sets `error` (naming file:line).
std::vector<Gazetteer> load_gazetteers(bool with_embedded, const std::vector<std::string>& files,
                                       std::string& error);


}  // namespace newsner::gazetteer
