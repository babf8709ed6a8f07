#include "newsner/gazetteer/loader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "newsner/text/utf8.hpp"

namespace newsner::gazetteer {

std::string_view to_string(EntryClass c) {
  switch (c) {
    case EntryClass::Person: return "PERSON";
    case EntryClass::Location: return "LOCATION";
    case EntryClass::Organization: return "ORGANIZATION";
    case EntryClass::GivenName: return "GIVEN_NAME";
    case EntryClass::Surname: return "SURNAME";
    case EntryClass::Title: return "TITLE";
    case EntryClass::Demonym: return "DEMONYM";
    case EntryClass::OrgHead: return "ORG_HEAD";
    case EntryClass::Word: return "WORD";
  }
  return "?";
}

std::optional<EntryClass> parse_entry_class(std::string_view s) {
  for (int i = 0; i < kEntryClassCount; ++i) {
    auto c = static_cast<EntryClass>(i);
    if (s == to_string(c)) return c;
  }
  if (s == "PER") return EntryClass::Person;
  if (s == "LOC") return EntryClass::Location;
  if (s == "ORG") return EntryClass::Organization;
  return std::nullopt;
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool parse_u32(std::string_view s, std::uint32_t& v) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size();
}

// A kb_id column that holds flags instead ("amb", "fold", "pop=5000,cc=FR").
bool looks_like_flag(std::string_view s) {
  const std::string_view first = s.substr(0, s.find(','));
  return first == "amb" || first == "fold" || first.starts_with("pop=") || first.starts_with("rank=") ||
         first.starts_with("cc=") || first.starts_with("a1=") || first.starts_with("g=");
}

// "a1=US-ME", "a1=GB-SCT": a country's two capitals, "-", and one to three
// capitals or digits (ISO 3166-2); sets the entry's country too.
bool parse_admin1(std::string_view f, SourceEntry& e) {
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto code = [&](char c) { return upper(c) || (c >= '0' && c <= '9'); };
  if (!f.starts_with("a1=") || f.size() < 7 || f.size() > 9 || !upper(f[3]) || !upper(f[4]) || f[5] != '-' ||
      !std::all_of(f.begin() + 6, f.end(), code)) {
    return false;
  }
  e.country[0] = f[3];
  e.country[1] = f[4];
  std::copy(f.begin() + 6, f.end(), e.admin1);
  return true;
}

}  // namespace

std::string parse_tsv(std::string_view content, std::string_view source, std::uint16_t list,
                      std::vector<SourceEntry>& out) {
  std::size_t line_no = 0;
  while (!content.empty()) {
    const std::size_t nl = content.find('\n');
    std::string_view line = content.substr(0, nl);
    content.remove_prefix(nl == std::string_view::npos ? content.size() : nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || line.front() == '#') continue;
    if (!text::is_valid_utf8(line)) return fmt::format("{}:{}: not valid UTF-8", source, line_no);
    std::string_view cols[4];
    int n = 0;
    for (std::string_view rest = line; n < 4;) {
      const std::size_t tab = rest.find('\t');
      cols[n++] = trim(rest.substr(0, tab));
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
      if (n == 4 && !rest.empty()) return fmt::format("{}:{}: more than 4 columns: \"{}\"", source, line_no, line);
    }
    if (n < 2 || cols[0].empty()) {
      return fmt::format("{}:{}: expected \"name<TAB>type[<TAB>kb_id[<TAB>flags]]\", got \"{}\"", source,
                         line_no, line);
    }
    SourceEntry e;
    e.name = std::string(cols[0]);
    e.list = list;
    auto cls = parse_entry_class(cols[1]);
    if (!cls) return fmt::format("{}:{}: unknown type \"{}\"", source, line_no, cols[1]);
    e.cls = *cls;
    if (n > 2) {
      // "Rengo<TAB>ORGANIZATION<TAB>amb": a flag in the kb_id column would be
      // taken as the id and its meaning lost (kb ids are "prefix:id").
      if (looks_like_flag(cols[2])) {
        return fmt::format("{}:{}: \"{}\" in the kb_id column is a flag: flags go in the fourth column "
                           "(name<TAB>type<TAB><TAB>{})",
                           source, line_no, cols[2], cols[2]);
      }
      e.kb_id = std::string(cols[2]);
    }
    if (n > 3) {
      std::string_view flags = cols[3];
      while (!flags.empty()) {
        const std::size_t comma = flags.find(',');
        const std::string_view f = trim(flags.substr(0, comma));
        flags.remove_prefix(comma == std::string_view::npos ? flags.size() : comma + 1);
        if (f.empty()) continue;
        if (f == "amb") e.flags |= kAmbiguous;
        else if (f == "fold") e.flags |= kFold;
        else if (f == "g=m") e.flags |= kMale;
        else if (f == "g=f") e.flags |= kFemale;
        else if (f.starts_with("pop=") && parse_u32(f.substr(4), e.population)) {}
        else if (f.starts_with("rank=") && parse_u32(f.substr(5), e.rank)) {}
        else if (f.starts_with("cc=") && f.size() == 5 && std::isupper(static_cast<unsigned char>(f[3])) &&
                 std::isupper(static_cast<unsigned char>(f[4]))) {
          e.country[0] = f[3];
          e.country[1] = f[4];
        }
        else if (parse_admin1(f, e)) {}
        else if (f.starts_with("g=")) {}  // other gender codes: ignored
        else return fmt::format("{}:{}: unknown flag \"{}\"", source, line_no, f);
      }
    }
    out.push_back(std::move(e));
  }
  return "";
}

std::string load_tsv_file(const std::string& path, std::uint16_t list, std::vector<SourceEntry>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fmt::format("{}: cannot open gazetteer file", path);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return fmt::format("{}: read error", path);
  return parse_tsv(ss.str(), path, list, out);
}

std::string list_name_of(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  if (path.ends_with(".tsv")) path.remove_suffix(4);
  return std::string(path);
}

}  // namespace newsner::gazetteer
