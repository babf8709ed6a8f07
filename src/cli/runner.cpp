#include "cli/runner.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/uio.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "cli/handoff.hpp"
#include "newsner/io/input.hpp"

namespace newsner::cli {
namespace {

using Clock = std::chrono::steady_clock;

// Documents read but not yet written. Large enough that a slow document at the
// head of the window does not idle the workers; small enough to bound memory,
// and to keep a line the reader copied in the CPU caches until a worker parses
// it: a window of 4096 short articles (5 MB) held more than the caches and cost
// 3-7% of a -j 1 run on real news text (14,180 articles) in page faults and
// cache misses, its raw lines, outputs and their allocations all cold.
constexpr std::size_t kWindowDocs = 1024;
constexpr std::size_t kWindowBytes = 16u << 20;
// A reader stopped by a full window resumes once it has drained to this: it is
// woken once per ~250 documents written, not once per batch (and the workers
// still have three quarters of the window queued).
constexpr std::size_t kRefillDocs = kWindowDocs / 4 * 3;
constexpr std::size_t kRefillBytes = kWindowBytes / 4 * 3;
constexpr std::size_t kReadBuffer = 1u << 20;     // read() size of the JSONL inputs
constexpr std::size_t kMaxIov = IOV_MAX;          // lines per writev()
constexpr std::size_t kKeepLines = 512;                // output buffers kept for reuse (free_lines_)
constexpr std::size_t kKeepLineCapacity = 64u << 10;   // larger output buffers are freed
// Written jobs kept for the reader's next documents (free_jobs_), with the
// memory of their text buffers: as many as a refill reads, bounded in bytes
// (8 MB here and 16 MB in FileReader's pool raised peak RSS on the 50 MB
// benchmark corpus by 16-20 MB, past the 120 MB budget; 2 MB still keeps the
// jobs of about a thousand short articles).
constexpr std::size_t kKeepJobs = kWindowDocs - kRefillDocs;
constexpr std::size_t kKeepJobBytes = 2u << 20;
constexpr std::size_t kKeepTextCapacity = 64u << 10;  // larger text buffers are freed
constexpr std::size_t kKeepMentions = 4096;           // a worker's larger mention vectors are freed
// Files enter the window up to this many at a time (read_files).
constexpr std::size_t kSubmitDocs = 32;
constexpr std::size_t kSubmitBytes = 1u << 20;
constexpr auto kProgressDelay = std::chrono::milliseconds(1000);
constexpr auto kProgressEvery = std::chrono::milliseconds(250);

// One unit of work, in input order: a file or stdin document, a JSONL line, or
// only messages (an input that could not be opened).
struct Job {
  enum class Kind { Document, Record, Blank, Message };
  Kind kind = Kind::Document;
  Document doc;                 // Document: the text read
  std::string raw;              // Record: the input line, without its newline
  std::size_t line_no = 0;      // Record, Blank: line number in its input
  const std::string* where = nullptr;  // Record, Blank: input name for messages
  std::size_t input_bytes = 0;  // bytes consumed from the input (progress)

  // Filled by a worker.
  io::LineBuffer line;          // the output line (empty = none)
  std::vector<std::string> warnings;  // for stderr (not with --quiet)
  std::vector<std::string> messages;  // errors for stderr, always shown
  bool failed = false;
  std::size_t text_bytes = 0;
  std::size_t mention_counts[4] = {0, 0, 0, 0};
  std::size_t unanchored_dates = 0;  // DATE values left without a year for want of a DCT
  bool date_field = false;      // Record: one of the date fields was present
  bool extracted = false;       // the document went through the pipeline (not an error line)
  bool done = false;            // guarded by Runner::mu_
};

struct Counters {
  std::size_t documents = 0, text_bytes = 0, input_bytes = 0, failed = 0, skipped = 0;
  std::size_t mentions[4] = {0, 0, 0, 0};
  std::size_t extracted = 0, undated_documents = 0, unanchored_dates = 0;  // see Job::unanchored_dates
  std::size_t records = 0, records_with_date_field = 0;
};

class Runner {
 public:
  Runner(const Extractor& ex, const RunConfig& cfg) : ex_(ex), cfg_(cfg) {}

  int run(std::vector<io::InputItem> items) {
    start_ = Clock::now();
    progress_ = wants_progress(cfg_);
    progress_tty_ = isatty(STDERR_FILENO) != 0;
    total_docs_ = cfg_.jsonl ? 0 : items.size();
    total_bytes_ = 0;
    for (const auto& item : items) {
      if (item.size < 0 && item.error.empty()) total_bytes_ = -1;
      if (total_bytes_ >= 0 && item.size > 0) total_bytes_ += item.size;
    }

    const unsigned n = std::max(1u, cfg_.threads);
    std::vector<std::thread> workers;
    workers.reserve(n);
    for (unsigned t = 0; t < n; ++t) workers.emplace_back([this] { work(); });
    std::thread writer([this] { write_loop(); });

    if (cfg_.jsonl) {
      read_jsonl(items);
    } else {
      read_files(items);
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      reading_done_ = true;
    }
    work_cv_.notify_all();
    done_cv_.notify_all();
    for (auto& t : workers) t.join();
    writer.join();

    clear_progress(/*final=*/true);
    if (!cfg_.quiet && !closed_) warn_undated();  // (not when the reader went away: "| head")
    if (cfg_.stats) print_stats();
    if (closed_ && write_errno_ != EPIPE) {
      // A full disk is not a closed pipe: say so and fail.
      std::fprintf(stderr, "newsner: error writing output: %s\n", std::strerror(write_errno_ ? write_errno_ : EIO));
      return 1;
    }
    if (closed_) return 0;
    return counters_.failed > 0 ? 1 : 0;
  }

 private:
  // ---- reading (calling thread) ----

  // Adds a job to the window, waiting while the window is full. Returns false
  // when the run is stopping (stdout closed). While batching_, jobs are first
  // collected in batch_ and enter the window kSubmitDocs at a time.
  bool submit(std::unique_ptr<Job> job) {
    batch_bytes_ += job->input_bytes;
    batch_.push_back(std::move(job));
    if (batching_ && batch_.size() < kSubmitDocs && batch_bytes_ < kSubmitBytes) return true;
    return flush();
  }

  // Moves the batch into the window (one lock of mu_, one wake-up).
  bool flush() {
    if (batch_.empty()) return true;
    std::unique_lock<std::mutex> lock(mu_);
    if (held_docs() != 0 && (held_docs() >= kWindowDocs || held_bytes() >= kWindowBytes)) {
      space_cv_.wait(lock, [&] { return stop_ || refilled(); });
    }
    if (stop_) return false;
    if (spare_jobs_.empty() && !free_jobs_.empty()) {  // see take_job
      spare_jobs_.swap(free_jobs_);
      free_job_bytes_ = 0;
    }
    for (auto& job : batch_) {
      window_bytes_ += job->input_bytes;
      todo_.push_back(job.get());
      window_.push_back(std::move(job));
    }
    const bool several = batch_.size() > 1;
    batch_.clear();
    batch_bytes_ = 0;
    lock.unlock();
    if (several) {
      work_cv_.notify_all();
    } else {
      work_cv_.notify_one();
    }
    return true;
  }

  // Documents and input bytes held in memory (mu_ held): the window and the
  // batch the writer is writing, which still holds its documents' output.
  std::size_t held_docs() const { return window_.size() + writing_docs_; }
  std::size_t held_bytes() const { return window_bytes_ + writing_bytes_; }

  // Room for the reader to go on after a full window (mu_ held).
  bool refilled() const {
    return held_docs() == 0 || (held_docs() <= kRefillDocs && held_bytes() <= kRefillBytes);
  }

  bool submit_message(std::string message) {
    auto job = std::make_unique<Job>();
    job->kind = Job::Kind::Message;
    job->messages.push_back(std::move(message));
    job->failed = true;
    return submit(std::move(job));
  }

  void read_files(const std::vector<io::InputItem>& items) {
    io::FileReader files;
    // Files enter the window in batches: mu_ is a cache line the workers keep
    // taking, and each lock of it by the reader cost a miss (~5% of the reader's
    // time per file). Not past an input that may block (stdin, a pipe, a
    // device): the documents before it go to work first.
    batching_ = true;
    for (const auto& item : items) {
      if (!item.walked && item.size < 0 && !flush()) return;
      if (!item.error.empty()) {
        if (!submit_message(fmt::format("newsner: {}: {}", item.path, item.error))) return;
        continue;
      }
      io::FileContent fc = files.read(item.path);
      if (!fc.error.empty()) {
        if (!submit_message(fmt::format("newsner: {}: {}", item.path, fc.error))) return;
        continue;
      }
      std::unique_ptr<Job> job = take_job();
      files.recycle(std::move(job->doc.text));  // an earlier document's, back with its job
      job->input_bytes = fc.bytes.size();
      if (fc.binary) {
        // Skipped as grep does: a message, but not a failure.
        job->kind = Job::Kind::Message;
        job->messages.push_back(fmt::format("newsner: {}: binary file (NUL bytes), skipped", item.path));
        files.recycle(std::move(fc.bytes));
      } else {
        job->doc.text = std::move(fc.bytes);
      }
      job->doc.id.assign(item.path);
      if (!submit(std::move(job))) return;
    }
    flush();
    batching_ = false;
  }

  // A job for the next document: a written one given back by the writer (with
  // the memory of its text buffers and id) when there is one. Recycling them
  // saves the reader a malloc of the job and of its text per document, and the
  // page faults of fresh memory, and the workers and the writer the frees
  // (into the reader's malloc arena, under its lock).
  std::unique_ptr<Job> take_job() {
    if (spare_jobs_.empty()) return std::make_unique<Job>();
    std::unique_ptr<Job> job = std::move(spare_jobs_.back());
    spare_jobs_.pop_back();
    return job;
  }

  // Empties a job for reuse, keeping the memory of its strings.
  static void recycle(Job& job) {
    std::string id = std::move(job.doc.id), text = std::move(job.doc.text), raw = std::move(job.raw);
    job = Job();
    id.clear();
    text.clear();
    raw.clear();
    job.doc.id = std::move(id);
    job.doc.text = std::move(text);
    job.raw = std::move(raw);
  }

  static std::size_t kept_bytes(const Job& job) {
    return job.doc.id.capacity() + job.doc.text.capacity() + job.raw.capacity();
  }

  void read_jsonl(const std::vector<io::InputItem>& items) {
    // One buffer for all inputs, read one at a time; each line is read
    // straight into its job's own buffer (no copy through a getline buffer).
    io::LineReader lines(kReadBuffer);
    std::unique_ptr<Job> job;
    for (const auto& item : items) {
      if (!item.error.empty()) {
        if (!submit_message(fmt::format("newsner: {}: {}", item.path, item.error))) break;
        continue;
      }
      const bool is_stdin = item.path == "-";
      const int fd = is_stdin ? STDIN_FILENO : ::open(item.path.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) {
        if (!submit_message(fmt::format("newsner: {}: {}", item.path, std::strerror(errno)))) break;
        continue;
      }
      names_.push_back(is_stdin ? std::string("stdin") : item.path);
      const std::string* where = &names_.back();
      lines.reset(fd);
      std::size_t line_no = 0;
      bool stopped = false;
      // Once stdin has ended, a "-" listed again reads nothing (as with stdio,
      // whose end of file is sticky), not a terminal's next input.
      while (!(is_stdin && stdin_ended_)) {
        if (!job) job = take_job();
        std::string& raw = job->raw;
        if (!lines.next(raw, io::kJsonlPadding)) break;
        ++line_no;
        job->input_bytes = raw.size();
        if (!raw.empty() && raw.back() == '\n') raw.pop_back();
        if (!raw.empty() && raw.back() == '\r') raw.pop_back();
        // A byte order mark (from Windows tools) before a record is not JSON: the
        // first line's, and any other line's (`cat` of files written with one).
        if (raw.compare(0, 3, "\xEF\xBB\xBF") == 0) raw.erase(0, 3);
        job->line_no = line_no;
        job->where = where;
        if (raw.find_first_not_of(" \t") == std::string::npos) {
          job->kind = Job::Kind::Blank;
          raw.clear();
        } else {
          job->kind = Job::Kind::Record;
          // The parser then reads the line in place (see kJsonlPadding).
          if (raw.capacity() < raw.size() + io::kJsonlPadding) raw.reserve(raw.size() + io::kJsonlPadding);
        }
        if (!submit(std::move(job))) {
          stopped = true;
          break;
        }
      }
      if (is_stdin && !stopped && lines.error() == 0) stdin_ended_ = true;
      if (!is_stdin) ::close(fd);
      if (stopped) break;
      if (lines.error() != 0) {
        if (!submit_message(fmt::format("newsner: {}: {}", *where, std::strerror(lines.error())))) break;
      }
    }
  }

  // ---- extraction (worker threads) ----

  void work() {
    io::JsonlReader reader(cfg_.fields);
    // The worker's record, parsed into for every JSONL line: its strings (the
    // text above all) keep their memory from one record to the next.
    io::JsonlRecord rec;
    // The worker's extraction, likewise: its mentions' vector keeps its memory.
    Extraction r;
    bool wake_writer = false;  // see WriterWakeups; notified outside the lock
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      if (wake_writer && todo_.empty()) {  // about to wait or leave: wake it now
        lock.unlock();
        done_cv_.notify_one();
        wake_writer = false;
        lock.lock();
      }
      work_cv_.wait(lock, [&] { return !todo_.empty() || reading_done_; });
      if (todo_.empty()) return;
      Job* job = todo_.front();
      todo_.pop_front();
      if (!free_lines_.empty()) {  // see free_lines_
        std::swap(job->line, free_lines_.back());
        free_lines_.pop_back();
      }
      const bool skip = stop_;
      lock.unlock();
      if (wake_writer) {
        // While this worker gets on with its next job, so that neither blocks
        // on mu_ while the writer takes its batch.
        done_cv_.notify_one();
        wake_writer = false;
      }
      if (!skip) process_safely(*job, reader, rec, r);
      lock.lock();
      job->done = true;
      wake_writer = wakeups_.finished(job->input_bytes, window_.front()->done, todo_.empty() || stop_);
    }
  }

  void process_safely(Job& job, io::JsonlReader& reader, io::JsonlRecord& rec, Extraction& r) {
    try {
      process(job, reader, rec, r);
    } catch (const std::exception& e) {
      // A bug costs one document, not the run; JSONL still gets its line.
      job.failed = true;
      job.messages.push_back(fmt::format("newsner: {}: internal error: {}", describe(job), e.what()));
      job.line.clear();
      if (job.kind == Job::Kind::Record || job.kind == Job::Kind::Blank) {
        io::append_record_line(job.line, "", std::to_string(job.line_no), nullptr, "internal error", cfg_.write);
      }
    }
  }

  static std::string describe(const Job& job) {
    if (job.where) return fmt::format("{}:{}", *job.where, job.line_no);
    return job.doc.id;
  }

  void process(Job& job, io::JsonlReader& reader, io::JsonlRecord& rec, Extraction& r) {
    switch (job.kind) {
      case Job::Kind::Message:
        return;
      case Job::Kind::Blank: {
        // A blank line is an empty document: it keeps the line count.
        const Extraction empty;
        io::append_record_line(job.line, "", std::to_string(job.line_no), &empty, "", cfg_.write);
        return;
      }
      case Job::Kind::Record: {
        reader.parse(job.raw, job.line_no, job.raw.capacity() >= job.raw.size() + io::kJsonlPadding, rec);
        // The line's buffer goes back to the reader with the job (take_job),
        // unless it is large: then it is freed now, not held until written.
        if (job.raw.capacity() > kKeepTextCapacity) {
          job.raw = std::string();
        } else {
          job.raw.clear();
        }
        for (const auto& w : rec.warnings) {
          job.warnings.push_back(fmt::format("newsner: {}:{}: warning: {}", *job.where, job.line_no, w));
        }
        if (!rec.error.empty()) {
          job.failed = true;
          job.messages.push_back(fmt::format("newsner: {}:{}: {}", *job.where, job.line_no, rec.error));
          io::append_record_line(job.line, rec.passthrough, rec.id_json, nullptr, rec.error, cfg_.write);
          release_large(rec);
          return;
        }
        Document doc;  // without the id, which the record keeps: extract() does not read it
        doc.text = std::move(rec.doc.text);
        doc.dct = rec.doc.dct;
        job.date_field = rec.has_date_field;
        doc.valid_utf8 = rec.doc.valid_utf8;
        ex_.extract(std::move(doc), r);
        note(job, rec.doc.id, r);
        io::append_record_line(job.line, rec.passthrough, rec.id_json, &r, "", cfg_.write);
        // The text's buffer back to the record for the next line (see release_large).
        rec.doc.text = std::move(r.text);
        release_large(rec);
        release_large(r);
        return;
      }
      case Job::Kind::Document: {
        Document doc;  // without the id, which the job keeps: extract() does not read it
        doc.text = std::move(job.doc.text);
        ex_.extract(std::move(doc), r);
        note(job, job.doc.id, r);
        io::append_document_line(job.line, job.doc.id, r, cfg_.write);
        // The text buffer goes back to the reader with the job (take_job),
        // unless it is large: then it is freed now, not held until written.
        if (r.text.capacity() <= kKeepTextCapacity) job.doc.text = std::move(r.text);
        release_large(r);
        return;
      }
    }
  }

  // Frees the record's large buffers (a huge line's text, or its pass-through
  // with --keep-text) rather than hold them for the next, short, record.
  static void release_large(io::JsonlRecord& rec) {
    if (rec.doc.text.capacity() > kKeepTextCapacity) rec.doc.text = std::string();
    if (rec.passthrough.capacity() > kKeepTextCapacity) rec.passthrough = std::string();
  }

  // The same for the worker's extraction: a huge document's text (not given
  // back to its job) and its mentions.
  static void release_large(Extraction& r) {
    if (r.text.capacity() > kKeepTextCapacity) r.text = std::string();
    if (r.mentions.capacity() > kKeepMentions) r.mentions = std::vector<Mention>();
  }

  void note(Job& job, const std::string& id, const Extraction& r) const {
    for (const auto& w : r.warnings) job.warnings.push_back(fmt::format("newsner: {}: warning: {}", id, w));
    if (!r.error.empty()) {
      job.failed = true;
      job.messages.push_back(fmt::format("newsner: {}: {}", id, r.error));
    }
    job.text_bytes = r.text.size();
    job.extracted = true;
    // Relative dates of a document without a DCT keep an unknown year ("XXXX-WXX-3"
    // for "Wednesday"): counted for the run's closing warning (see warn_undated).
    if (!r.dct) {
      for (const auto& m : r.mentions) {
        job.unanchored_dates += m.type == EntityType::Date && m.value.starts_with("XXXX");
      }
    }
    // Only --stats prints the counts by type (a pass over every mention).
    if (cfg_.stats) {
      for (const auto& m : r.mentions) job.mention_counts[static_cast<int>(m.type)]++;
    }
  }

  // ---- writing (writer thread) ----

  void write_loop() {
    std::vector<std::unique_ptr<Job>> batch;
    std::vector<io::LineBuffer> lines;  // the batch's output buffers, back to the workers
    std::vector<std::unique_ptr<Job>> jobs;  // the batch's jobs, back to the reader
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      // The wait times out for the progress line; it also bounds how long a
      // finished document can wait for a batched wake-up (handoff.hpp).
      const bool ready = done_cv_.wait_for(lock, kProgressEvery, [&] {
        return (!window_.empty() && window_.front()->done) || (reading_done_ && window_.empty());
      });
      if (!ready) {
        lock.unlock();
        show_progress(Clock::now());
        lock.lock();
        continue;
      }
      if (window_.empty()) return;  // reading done and everything written
      // Every finished job at the head at once: one lock and one wake-up of the
      // reader per batch, not per document.
      // The batch still counts against the window until it is written, so that
      // documents held in memory stay within the window's bounds.
      while (!window_.empty() && window_.front()->done) {
        window_bytes_ -= window_.front()->input_bytes;
        writing_bytes_ += window_.front()->input_bytes;
        ++writing_docs_;
        batch.push_back(std::move(window_.front()));
        window_.pop_front();
      }
      lock.unlock();
      for (auto& job : batch) emit(*job);
      // The whole batch goes to stdout at once, so that interactive use (a
      // pipe) gets its lines without waiting for more input.
      write_pending();
      for (auto& job : batch) {
        if (job->line.capacity() <= kKeepLineCapacity && lines.size() < kKeepLines) {
          job->line.clear();
          lines.push_back(std::move(job->line));
        }
        if (jobs.size() < kKeepJobs) {
          recycle(*job);
          jobs.push_back(std::move(job));
        } else {
          job.reset();
        }
      }
      batch.clear();
      if (!closed_) {
        const auto now = Clock::now();
        if (progress_ && now - last_progress_ >= kProgressEvery) show_progress(now);
      }
      lock.lock();
      writing_docs_ = 0;
      writing_bytes_ = 0;
      while (!lines.empty() && free_lines_.size() < kKeepLines) {
        free_lines_.push_back(std::move(lines.back()));
        lines.pop_back();
      }
      lines.clear();
      while (!jobs.empty() && free_jobs_.size() < kKeepJobs &&
             free_job_bytes_ + kept_bytes(*jobs.back()) <= kKeepJobBytes) {
        free_job_bytes_ += kept_bytes(*jobs.back());
        free_jobs_.push_back(std::move(jobs.back()));
        jobs.pop_back();
      }
      jobs.clear();  // only when the reader does not keep up taking them
      if (closed_ && !stop_) {
        stop_ = true;
        space_cv_.notify_all();
      } else if (refilled()) {
        space_cv_.notify_one();
      }
    }
  }

  void emit(const Job& job) {
    if (closed_) return;  // stdout is gone: drain quietly
    if (!job.messages.empty() || (!cfg_.quiet && !job.warnings.empty())) {
      // The lines before go out first: with both streams in one file (2>&1) a
      // message follows the output of the documents before it.
      write_pending();
      clear_progress(/*final=*/false);
      if (!cfg_.quiet) {
        for (const auto& w : job.warnings) std::fprintf(stderr, "%s\n", w.c_str());
      }
      for (const auto& m : job.messages) std::fprintf(stderr, "%s\n", m.c_str());
    }
    if (job.failed) counters_.failed++;
    counters_.input_bytes += job.input_bytes;
    if (job.line.empty()) {
      if (job.kind == Job::Kind::Message && !job.failed) counters_.skipped++;
      return;
    }
    counters_.documents++;
    counters_.text_bytes += job.text_bytes;
    counters_.extracted += job.extracted;
    counters_.undated_documents += job.unanchored_dates > 0;
    counters_.unanchored_dates += job.unanchored_dates;
    if (job.kind == Job::Kind::Record) {
      counters_.records++;
      counters_.records_with_date_field += job.date_field;
    }
    for (int t = 0; t < 4; ++t) counters_.mentions[t] += job.mention_counts[t];
    if (!closed_) pending_.push_back({const_cast<char*>(job.line.data()), job.line.size()});
  }

  // Writes the queued output lines with writev(), straight from the jobs'
  // buffers: through stdio every line was copied into its buffer first (and a
  // 4 KB buffer cost a write() per 4 KB of output). Sets closed_ on an error.
  void write_pending() {
    std::size_t i = 0;
    while (i < pending_.size() && !closed_) {
      const ssize_t n =
          ::writev(STDOUT_FILENO, &pending_[i], static_cast<int>(std::min(pending_.size() - i, kMaxIov)));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        // A non-blocking stdout (set by whoever shares the pipe) that is full:
        // wait until it takes more, rather than fail with lines left unwritten.
        pollfd pfd{STDOUT_FILENO, POLLOUT, 0};
        if (::poll(&pfd, 1, -1) >= 0 || errno == EINTR) continue;
      }
      if (n <= 0) {
        closed_ = true;
        write_errno_ = n < 0 ? errno : EIO;
        break;
      }
      i = skip_written(pending_, i, static_cast<std::size_t>(n));
    }
    pending_.clear();
  }

  void show_progress(Clock::time_point now) {
    if (!progress_ || closed_) return;
    const auto elapsed = now - start_;
    if (cfg_.progress != 1 && elapsed < kProgressDelay) return;
    // Forced into a file or a pipe (--progress), one plain line a second: the
    // terminal's carriage return and erase-line codes would clutter a log.
    if (!progress_tty_ && progress_shown_ && now - last_progress_ < kProgressDelay) return;
    last_progress_ = now;
    const double secs = std::chrono::duration<double>(elapsed).count();
    const double mb = counters_.input_bytes / 1e6;
    std::string line = fmt::format("{}newsner: {} document{}", progress_tty_ ? "\r" : "", counters_.documents,
                                   counters_.documents == 1 ? "" : "s");
    if (total_docs_ > 0) line += fmt::format(" of {}", total_docs_);
    line += fmt::format(", {:.1f} MB, {:.1f} MB/s", mb, secs > 0 ? mb / secs : 0.0);
    double fraction = 0;
    if (total_bytes_ > 0) {
      fraction = static_cast<double>(counters_.input_bytes) / static_cast<double>(total_bytes_);
    } else if (total_docs_ > 0) {
      fraction = static_cast<double>(counters_.documents + counters_.skipped) / static_cast<double>(total_docs_);
    }
    if (fraction > 0 && fraction <= 1) {
      const auto eta = static_cast<long long>(secs / fraction - secs + 0.5);
      line += fmt::format(", ETA {}:{:02d}", eta / 60, static_cast<int>(eta % 60));
    }
    line += progress_tty_ ? "\x1b[K" : "\n";
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
    progress_shown_ = true;
  }

  // Erases the progress line before other stderr output; at the end, a forced
  // progress line (--progress) is left in place with a final update.
  void clear_progress(bool final) {
    if (final && progress_ && cfg_.progress == 1) {
      progress_shown_ = false;  // (the final line is written even within a second of the last)
      show_progress(Clock::now());
      if (progress_tty_) std::fputs("\n", stderr);
      progress_shown_ = false;
      return;
    }
    if (!progress_shown_ || !progress_tty_) return;
    std::fputs("\r\x1b[K", stderr);
    progress_shown_ = false;
  }

  // One line at the end of a run, not one per document: relative dates without
  // a DCT are kept with an unknown year ("XXXX-12-19"), which is easy to miss in
  // a pipeline's output. (A --date-field that no record has is the usual cause.)
  void warn_undated() const {
    const Counters& c = counters_;
    if (c.unanchored_dates == 0) return;
    std::string why;
    if (c.records > 0 && c.records_with_date_field == 0 && !cfg_.fields.date.empty()) {
      std::string names;
      for (const auto& f : cfg_.fields.date) names += (names.empty() ? "\"" : " or \"") + f + "\"";
      why = fmt::format(" (no record has a field {})", names);
    }
    std::fprintf(stderr,
                 "newsner: warning: %zu of %zu documents have no document date (DCT)%s, so %zu date mention(s) in "
                 "them have no year (XXXX); give --reference-date YYYY-MM-DD, a JSONL date field (--date-field) or "
                 "a dateline with a full date\n",
                 c.undated_documents, c.extracted, why.c_str(), c.unanchored_dates);
  }

  void print_stats() {
    const double secs = std::chrono::duration<double>(Clock::now() - start_).count();
    const double mb = counters_.text_bytes / 1e6;
    const std::size_t total = counters_.mentions[0] + counters_.mentions[1] + counters_.mentions[2] +
                              counters_.mentions[3];
    std::fprintf(stderr,
                 "newsner: %zu documents, %zu failed, %zu skipped; %.2f MB of text in %.2f s, %.2f MB/s, "
                 "%u thread%s\n"
                 "newsner: %zu mentions: PERSON %zu, LOCATION %zu, ORGANIZATION %zu, DATE %zu\n",
                 counters_.documents, counters_.failed, counters_.skipped, mb, secs, secs > 0 ? mb / secs : 0.0,
                 std::max(1u, cfg_.threads), cfg_.threads > 1 ? "s" : "", total, counters_.mentions[0], counters_.mentions[1],
                 counters_.mentions[2], counters_.mentions[3]);
  }

  const Extractor& ex_;
  const RunConfig& cfg_;
  std::deque<std::string> names_;  // JSONL input names; Job::where points here (stable)
  std::vector<std::unique_ptr<Job>> spare_jobs_;  // reader only: taken from free_jobs_
  bool stdin_ended_ = false;                       // reader only: see read_jsonl
  // Reader only: jobs read, not yet in the window (see submit).
  std::vector<std::unique_ptr<Job>> batch_;
  std::size_t batch_bytes_ = 0;
  bool batching_ = false;

  // Shared state, guarded by mu_.
  std::mutex mu_;
  std::condition_variable work_cv_;   // todo_ has work, or reading is done
  std::condition_variable done_cv_;   // the head of the window is done
  std::condition_variable space_cv_;  // the window has drained to kRefill* (or is empty, or stop_)
  std::deque<std::unique_ptr<Job>> window_;  // read, not yet written, input order
  std::deque<Job*> todo_;             // read, not yet claimed by a worker
  // Output buffers of written documents, empty, for the workers' next lines: a
  // worker's line freed by the writer thread locks the worker's malloc arena,
  // which the worker itself is using (futex waits on both sides), and the
  // next line needs a malloc again.
  std::vector<io::LineBuffer> free_lines_;
  // Written jobs, emptied, for the reader's next documents (take_job): up to
  // kKeepJobs, whose buffers hold up to kKeepJobBytes.
  std::vector<std::unique_ptr<Job>> free_jobs_;
  std::size_t free_job_bytes_ = 0;
  std::size_t window_bytes_ = 0;
  std::size_t writing_docs_ = 0;      // the batch the writer is writing (see write_loop)
  std::size_t writing_bytes_ = 0;
  bool reading_done_ = false;
  bool stop_ = false;                 // stdout closed: stop reading and extracting
  WriterWakeups wakeups_;             // when a worker wakes the writer

  // Writer thread only (read by the main thread after join).
  std::vector<iovec> pending_;         // output lines of the batch, not yet written
  bool closed_ = false;                // stdout failed: EPIPE (quiet) or another error
  int write_errno_ = 0;
  Counters counters_;
  bool progress_ = false;
  bool progress_tty_ = false;  // stderr is a terminal: the line overwrites itself
  bool progress_shown_ = false;
  Clock::time_point last_progress_{};
  std::size_t total_docs_ = 0;
  std::int64_t total_bytes_ = -1;
  Clock::time_point start_;
};

}  // namespace

bool wants_progress(const RunConfig& config) {
  // Auto progress needs stderr on a terminal, and stdout elsewhere: on a shared
  // terminal the self-overwriting line would garble the output lines.
  return !config.quiet && (config.progress == 1 || (config.progress == -1 && isatty(STDERR_FILENO) &&
                                                    !isatty(STDOUT_FILENO)));
}

std::vector<io::InputItem> list_inputs(const RunConfig& config) {
  // The sizes of the files a walk finds serve only the progress line's ETA.
  return io::expand_inputs(config.inputs, config.globs, /*walk_directories=*/!config.jsonl,
                           /*sizes=*/wants_progress(config));
}

int run(const Extractor& extractor, const RunConfig& config) { return run(extractor, config, list_inputs(config)); }

int run(const Extractor& extractor, const RunConfig& config, std::vector<io::InputItem> inputs) {
#if defined(__GLIBC__)
  // Each document allocates and frees a working set of up to a few MB. With
  // glibc's defaults a worker's arena gives the free top of its heap back to the
  // kernel after nearly every document (and large blocks are mmap'd and
  // munmap'd), so the next one faults in fresh zeroed pages, with TLB-shootdown
  // interrupts to the other threads' CPUs: ~3 page faults a news article, 2-5%
  // of the CPU time. Keep up to 16 MB of free top per arena instead, and take
  // blocks below 32 MB (glibc's own dynamic maximum) from the heap.
  mallopt(M_TRIM_THRESHOLD, 16 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
  Runner r(extractor, config);
  return r.run(std::move(inputs));
}

}  // namespace newsner::cli
