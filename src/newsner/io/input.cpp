#include "newsner/io/input.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace newsner::io {

namespace fs = std::filesystem;

bool looks_binary(std::string_view bytes) {
  return bytes.substr(0, 65536).find('\0') != std::string_view::npos;
}

std::vector<InputItem> expand_inputs(const std::vector<std::string>& args, const std::string& glob) {
  std::vector<InputItem> out;
  if (args.empty()) {
    out.push_back({"-", ""});
    return out;
  }
  for (const std::string& arg : args) {
    if (arg == "-") {
      out.push_back({arg, ""});
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      out.push_back({arg, ec ? ec.message() : "No such file or directory"});
      continue;
    }
    if (!fs::is_directory(st)) {
      out.push_back({arg, ""});
      continue;
    }
    std::vector<InputItem> found;
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      out.push_back({arg, ec.message()});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        found.push_back({it->path().string(), ec.message()});
        ec.clear();
        continue;
      }
      std::error_code fec;
      if (!it->is_regular_file(fec)) continue;
      const std::string name = it->path().filename().string();
      if (fnmatch(glob.c_str(), name.c_str(), 0) != 0) continue;
      found.push_back({it->path().string(), ""});
    }
    if (ec) found.push_back({arg, ec.message()});
    std::sort(found.begin(), found.end(), [](const InputItem& a, const InputItem& b) { return a.path < b.path; });
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

FileContent read_input(const std::string& path) {
  FileContent fc;
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) {
    fc.error = std::strerror(errno);
    return fc;
  }
  char buf[1 << 16];
  for (;;) {
    const std::size_t got = std::fread(buf, 1, sizeof buf, f);
    fc.bytes.append(buf, got);
    if (got < sizeof buf) break;
  }
  if (std::ferror(f)) fc.error = std::strerror(errno ? errno : EIO);
  if (f != stdin) std::fclose(f);
  fc.binary = looks_binary(fc.bytes);
  return fc;
}

}  // namespace newsner::io
