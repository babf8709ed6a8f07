// When a worker wakes the ordered writer, and how the writer resumes a partial
// write (see runner.cpp).
//
// Waking a sleeping thread is a futex syscall and, when it sleeps on another
// CPU, an inter-processor interrupt: 10-35 us of the worker's time on a VM,
// some 2% of a short news article's extraction time when paid for every
// document (and still ~1% per 32 documents, the first batch size). So a worker
// wakes the writer once per batch of finished documents (kDocs documents or
// kBytes of input; the bytes bound keeps the unwritten output lines within
// the L2 cache: at 4 MB, 11 KB articles ran ~3% slower), and always when it
// runs out of work: a lone line typed
// into an interactive pipe is answered at once, and the writer never sleeps
// while the workers are idle and something is ready. Latency stays bounded by
// a batch (a few ms of extraction, and the writer's own periodic wake-up) when
// documents keep coming.
#pragma once

#include <sys/uio.h>

#include <cstddef>
#include <vector>

namespace newsner::cli {

class WriterWakeups {
 public:
  static constexpr std::size_t kDocs = 256;
  static constexpr std::size_t kBytes = std::size_t{1} << 20;

  /// A worker finished a job of `input_bytes`. `head_done`: the oldest unwritten
  /// job is finished (the writer has something to write); `idle`: no job waits
  /// for a worker (this one is about to wait) or the run is stopping. Returns
  /// whether to wake the writer now. Jobs finished while the head is not done
  /// are counted until it is.
  bool finished(std::size_t input_bytes, bool head_done, bool idle) {
    ++docs_;
    bytes_ += input_bytes;
    if (!head_done) return false;
    if (!idle && docs_ < kDocs && bytes_ < kBytes) return false;
    docs_ = 0;
    bytes_ = 0;
    return true;
  }

 private:
  std::size_t docs_ = 0;   // finished since the last wake-up
  std::size_t bytes_ = 0;  // their input bytes
};

/// After writev() wrote `written` bytes of iov[first...]: the index of the first
/// entry not fully written, with that entry advanced past its written part (a
/// partial write, to a pipe or after a signal, resumes mid-line).
inline std::size_t skip_written(std::vector<iovec>& iov, std::size_t first, std::size_t written) {
  std::size_t i = first;
  while (i < iov.size() && written >= iov[i].iov_len) written -= iov[i++].iov_len;
  if (written > 0) {  // i < iov.size(): writev never reports more than it was given
    iov[i].iov_base = static_cast<char*>(iov[i].iov_base) + written;
    iov[i].iov_len -= written;
  }
  return i;
}

}  // namespace newsner::cli
