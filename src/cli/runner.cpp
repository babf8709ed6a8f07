#include "cli/runner.hpp"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

#include <fmt/format.h>

#include "newsner/io/input.hpp"

namespace newsner::cli {
namespace {

// One unit of work: a document to extract, or a line to write as is.
struct Job {
  Document doc;
  bool is_record = false;       // JSONL record (else a file or stdin document)
  std::string passthrough;      // JSONL: fields to copy
  std::string id_json;          // JSONL: "id" to add when the record had none
  std::string error;            // set before extraction: write an error line
  bool skip = false;            // no output line (skipped binary file)
  std::vector<std::string> messages;  // errors for stderr, in order
  std::vector<std::string> warnings;  // warnings for stderr (not with --quiet)
  bool failed = false;
  std::size_t bytes = 0;
  std::size_t mention_counts[4] = {0, 0, 0, 0};
  std::string line;             // the output line, filled by a worker
};

class Output {
 public:
  // Returns false when stdout is closed (EPIPE): the run should stop quietly.
  bool write(const std::string& s) {
    if (closed_) return false;
    if (std::fwrite(s.data(), 1, s.size(), stdout) != s.size()) {
      closed_ = true;
      return false;
    }
    return true;
  }
  bool flush() {
    if (!closed_ && std::fflush(stdout) != 0) closed_ = true;
    return !closed_;
  }
  bool closed() const { return closed_; }

 private:
  bool closed_ = false;
};

struct Counters {
  std::size_t documents = 0, bytes = 0, failed = 0, mentions[4] = {0, 0, 0, 0};
};

class Runner {
 public:
  Runner(const Extractor& ex, const RunConfig& cfg) : ex_(ex), cfg_(cfg) {}

  int run() {
    start_ = std::chrono::steady_clock::now();
    if (cfg_.jsonl) {
      run_jsonl();
    } else {
      run_files();
    }
    flush_batch();
    out_.flush();
    if (cfg_.stats) print_stats();
    if (out_.closed()) return 0;
    return counters_.failed > 0 ? 1 : 0;
  }

 private:
  static constexpr std::size_t kBatchDocs = 512;
  static constexpr std::size_t kBatchBytes = 8u << 20;

  void add(Job job) {
    batch_bytes_ += job.doc.text.size();
    batch_.push_back(std::move(job));
    if (batch_.size() >= kBatchDocs || batch_bytes_ >= kBatchBytes) flush_batch();
  }

  void run_files() {
    for (const auto& item : io::expand_inputs(cfg_.inputs, cfg_.glob)) {
      if (out_.closed()) return;
      Job job;
      job.doc.id = item.path;
      if (!item.error.empty()) {
        job.messages.push_back(fmt::format("newsner: {}: {}", item.path, item.error));
        job.failed = true;
        job.skip = true;
        add(std::move(job));
        continue;
      }
      io::FileContent fc = io::read_input(item.path);
      if (!fc.error.empty()) {
        job.messages.push_back(fmt::format("newsner: {}: {}", item.path, fc.error));
        job.failed = true;
        job.skip = true;
      } else if (fc.binary) {
        job.messages.push_back(fmt::format("newsner: {}: binary file (NUL bytes), skipped", item.path));
        job.skip = true;
      } else {
        job.doc.text = std::move(fc.bytes);
      }
      add(std::move(job));
    }
  }

  void run_jsonl() {
    io::JsonlReader reader(cfg_.fields);
    for (const auto& item : io::expand_inputs(cfg_.inputs, cfg_.glob)) {
      if (out_.closed()) return;
      if (!item.error.empty()) {
        report_now(fmt::format("newsner: {}: {}", item.path, item.error));
        continue;
      }
      std::FILE* f = item.path == "-" ? stdin : std::fopen(item.path.c_str(), "rb");
      if (!f) {
        report_now(fmt::format("newsner: {}: {}", item.path, std::strerror(errno)));
        continue;
      }
      char* buf = nullptr;
      std::size_t cap = 0;
      std::size_t line_no = 0;
      ssize_t len;
      const std::string where = item.path == "-" ? std::string("stdin") : item.path;
      while ((len = getline(&buf, &cap, f)) >= 0) {
        ++line_no;
        std::string_view line(buf, static_cast<std::size_t>(len));
        if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        Job job;
        job.is_record = true;
        if (line.find_first_not_of(" \t") == std::string_view::npos) {
          // A blank line is an empty document: it keeps the line count.
          job.id_json = std::to_string(line_no);
          job.doc.id = job.id_json;
          add(std::move(job));
          continue;
        }
        io::JsonlRecord rec = reader.parse(line, line_no);
        job.passthrough = std::move(rec.passthrough);
        job.id_json = std::move(rec.id_json);
        job.doc = std::move(rec.doc);
        if (!rec.error.empty()) {
          job.error = rec.error;
          job.failed = true;
          job.messages.push_back(fmt::format("newsner: {}:{}: {}", where, line_no, rec.error));
        }
        add(std::move(job));
        if (out_.closed()) break;
      }
      std::free(buf);
      if (f != stdin) std::fclose(f);
    }
  }

  void report_now(const std::string& msg) {
    counters_.failed++;
    std::fprintf(stderr, "%s\n", msg.c_str());
  }

  void process(Job& job) {
    if (job.skip) return;
    if (!job.error.empty()) {
      io::append_record_line(job.line, job.passthrough, job.id_json, nullptr, job.error, cfg_.write);
      return;
    }
    const std::string id = job.doc.id;
    Extraction r = ex_.extract(std::move(job.doc));
    for (const auto& w : r.warnings) job.warnings.push_back(fmt::format("newsner: {}: warning: {}", id, w));
    if (!r.error.empty()) {
      job.failed = true;
      job.messages.push_back(fmt::format("newsner: {}: {}", id, r.error));
    }
    if (job.is_record) {
      io::append_record_line(job.line, job.passthrough, job.id_json, &r, "", cfg_.write);
    } else {
      io::append_document_line(job.line, id, r, cfg_.write);
    }
    job.doc.text.clear();
    job.bytes = r.text.size();
    for (const auto& m : r.mentions) job.mention_counts[static_cast<int>(m.type)]++;
  }

  void flush_batch() {
    if (batch_.empty()) return;
    const unsigned n = std::max(1u, std::min<unsigned>(cfg_.threads, static_cast<unsigned>(batch_.size())));
    if (n == 1) {
      for (auto& job : batch_) process(job);
    } else {
      std::atomic<std::size_t> next{0};
      auto work = [&] {
        for (std::size_t k; (k = next.fetch_add(1)) < batch_.size();) process(batch_[k]);
      };
      std::vector<std::thread> pool;
      for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
      work();
      for (auto& t : pool) t.join();
    }
    for (auto& job : batch_) {
      if (!cfg_.quiet) {
        for (const auto& w : job.warnings) std::fprintf(stderr, "%s\n", w.c_str());
      }
      for (const auto& m : job.messages) std::fprintf(stderr, "%s\n", m.c_str());
      if (job.failed) counters_.failed++;
      if (!job.skip) {
        counters_.documents++;
        counters_.bytes += job.bytes;
        for (int t = 0; t < 4; ++t) counters_.mentions[t] += job.mention_counts[t];
        out_.write(job.line);
      }
    }
    batch_.clear();
    batch_bytes_ = 0;
  }

  void print_stats() {
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::fprintf(stderr,
                 "newsner: %zu documents, %.2f MB, %zu failed; PERSON %zu, LOCATION %zu, ORGANIZATION %zu, "
                 "DATE %zu; %.2f s, %.2f MB/s\n",
                 counters_.documents, counters_.bytes / 1e6, counters_.failed, counters_.mentions[0],
                 counters_.mentions[1], counters_.mentions[2], counters_.mentions[3], secs,
                 secs > 0 ? counters_.bytes / 1e6 / secs : 0.0);
  }

  const Extractor& ex_;
  const RunConfig& cfg_;
  Output out_;
  std::vector<Job> batch_;
  std::size_t batch_bytes_ = 0;
  Counters counters_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace

int run(const Extractor& extractor, const RunConfig& config) {
  Runner r(extractor, config);
  return r.run();
}

}  // namespace newsner::cli
