#include "newsner/io/input.hpp"

#include <fnmatch.h>
#include <sys/stat.h>

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

namespace {

std::int64_t regular_size(const fs::path& p) {
  std::error_code ec;
  if (!fs::is_regular_file(p, ec) || ec) return -1;
  const auto n = fs::file_size(p, ec);
  return ec ? -1 : static_cast<std::int64_t>(n);
}

// Standard input, with its size when it is a redirected regular file (for the
// progress line's ETA), else -1.
InputItem stdin_item() {
  struct stat st;
  const bool reg = fstat(0, &st) == 0 && S_ISREG(st.st_mode);
  return {"-", "", reg ? static_cast<std::int64_t>(st.st_size) : -1};
}

}  // namespace

std::vector<InputItem> expand_inputs(const std::vector<std::string>& args, const std::string& glob,
                                     bool walk_directories) {
  std::vector<InputItem> out;
  if (args.empty()) {
    out.push_back(stdin_item());
    return out;
  }
  for (const std::string& arg : args) {
    if (arg == "-") {
      out.push_back(stdin_item());
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      out.push_back({arg, ec ? ec.message() : "No such file or directory", -1});
      continue;
    }
    if (!fs::is_directory(st)) {
      out.push_back({arg, "", regular_size(arg)});
      continue;
    }
    if (!walk_directories) {
      out.push_back({arg, "is a directory (--jsonl reads files and stdin; list the files, e.g. DIR/*.jsonl)", -1});
      continue;
    }
    std::vector<InputItem> found;
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      out.push_back({arg, ec.message(), -1});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        found.push_back({it->path().string(), ec.message(), -1});
        ec.clear();
        continue;
      }
      const std::string name = it->path().filename().string();
      if (fnmatch(glob.c_str(), name.c_str(), 0) != 0) continue;
      std::error_code fec;
      const bool regular = it->is_regular_file(fec);
      if (fec) {  // a symlink loop or a dangling link named like an input
        found.push_back({it->path().string(), fec.message(), -1});
        continue;
      }
      if (!regular) continue;
      found.push_back({it->path().string(), "", regular_size(it->path())});
    }
    if (ec) found.push_back({arg, ec.message(), -1});
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
  struct stat st;
  if (fstat(fileno(f), &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      fc.error = std::strerror(EISDIR);
      if (f != stdin) std::fclose(f);
      return fc;
    }
    if (S_ISREG(st.st_mode) && st.st_size > 0) fc.bytes.reserve(static_cast<std::size_t>(st.st_size) + 1);
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
