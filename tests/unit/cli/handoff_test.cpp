#include "cli/handoff.hpp"

#include <doctest/doctest.h>

using newsner::cli::WriterWakeups;

TEST_CASE("WriterWakeups: a busy worker wakes the writer once per batch of documents") {
  WriterWakeups w;
  for (std::size_t i = 1; i < WriterWakeups::kDocs; ++i) {
    CHECK_FALSE(w.finished(100, /*head_done=*/true, /*idle=*/false));
  }
  CHECK(w.finished(100, true, false));  // the kDocs-th
  // The count starts again after a wake-up.
  CHECK_FALSE(w.finished(100, true, false));
}

TEST_CASE("WriterWakeups: a batch is also cut by input bytes") {
  WriterWakeups w;
  CHECK_FALSE(w.finished(WriterWakeups::kBytes / 2, true, false));
  CHECK(w.finished(WriterWakeups::kBytes / 2, true, false));
  CHECK(w.finished(WriterWakeups::kBytes, true, false));  // one large document alone
}

TEST_CASE("WriterWakeups: a worker out of work always wakes the writer (interactive input)") {
  WriterWakeups w;
  CHECK(w.finished(10, true, /*idle=*/true));
  CHECK(w.finished(10, true, true));
}

TEST_CASE("WriterWakeups: no wake-up while the head is unfinished; the count carries over") {
  WriterWakeups w;
  for (std::size_t i = 0; i < 2 * WriterWakeups::kDocs; ++i) {
    CHECK_FALSE(w.finished(100, /*head_done=*/false, /*idle=*/i % 2 == 0));
  }
  // The worker that finishes the head sees the full batch behind it.
  CHECK(w.finished(100, true, false));
}

TEST_CASE("skip_written: whole and partial writev() results") {
  using newsner::cli::skip_written;
  char a[] = "aaaa", b[] = "bb", c[] = "cccccc";
  std::vector<iovec> iov = {{a, 4}, {b, 2}, {c, 6}};
  CHECK(skip_written(iov, 0, 0) == 0);
  CHECK(iov[0].iov_len == 4);
  CHECK(skip_written(iov, 0, 5) == 1);  // all of a, one byte of b
  CHECK(iov[1].iov_base == static_cast<void*>(b + 1));
  CHECK(iov[1].iov_len == 1);
  CHECK(skip_written(iov, 1, 1) == 2);  // the rest of b, exactly
  CHECK(iov[2].iov_len == 6);
  CHECK(skip_written(iov, 2, 4) == 2);
  CHECK(iov[2].iov_base == static_cast<void*>(c + 4));
  CHECK(skip_written(iov, 2, 2) == 3);  // everything written
}
