// Shared helpers for the libFuzzer targets: invariant checks that abort (so the
// fuzzer records a crash) instead of assert, which NDEBUG builds would drop.
#pragma once

#include <cstdio>
#include <cstdlib>

#define NEWSNER_FUZZ_CHECK(cond)                                                   \
  do {                                                                             \
    if (!(cond)) {                                                                 \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                \
    }                                                                              \
  } while (0)
