// Reads gazetteer TSV files (format in entry.hpp) into SourceEntry values.
// Errors: an unreadable file or a malformed line returns an error message that
//   names "file:line" and quotes the offending text; nothing is thrown.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "newsner/gazetteer/entry.hpp"

namespace newsner::gazetteer {

/// Parses TSV `content` (named `source` in messages) and appends its entries,
/// tagged with list index `list`, to `out`. Returns "" on success, else the error.
std::string parse_tsv(std::string_view content, std::string_view source, std::uint16_t list,
                      std::vector<SourceEntry>& out);

/// Reads the file at `path` and parses it as above.
std::string load_tsv_file(const std::string& path, std::uint16_t list, std::vector<SourceEntry>& out);

/// The list name of a gazetteer file: its file name without directory and ".tsv".
std::string list_name_of(std::string_view path);

}  // namespace newsner::gazetteer
