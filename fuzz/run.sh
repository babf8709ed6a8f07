#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS (default 60), one after another.
#   fuzz/run.sh [SECONDS] [TARGET...]     TARGET: jsonl_reader utf8 extract
# Build first:
#   CC=clang CXX=clang++ cmake -S . -B build-fuzz -DNEWSNER_FUZZ=ON -DNEWSNER_TESTS=OFF
#   cmake --build build-fuzz -j2
# The seed corpus fuzz/corpus/<target>/ is read only; new inputs go to
# fuzz/corpus-run/<target>/ (git-ignored). Crashes are written to
# fuzz/corpus-run/crashes/<target>/; turn each into a regression test (tests/data/fuzz-regressions/).
# Environment: NEWSNER_FUZZ_BUILD (default build-fuzz); NEWSNER_FUZZ_FLAGS, extra
# libFuzzer flags, e.g. "-fork=1 -ignore_crashes=1" to go on past a known crash.
# Do not SIGSTOP a running fuzzer: the pause counts against -timeout (20 s).
set -u
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(jsonl_reader utf8 extract)
build=${NEWSNER_FUZZ_BUILD:-$root/build-fuzz}
status=0
for t in "${targets[@]}"; do
  bin=$build/fuzz/fuzz_$t
  if [ ! -x "$bin" ]; then echo "run.sh: $bin not built" >&2; exit 2; fi
  mkdir -p "$root/fuzz/corpus-run/$t" "$root/fuzz/corpus-run/crashes/$t"
  echo "run.sh: fuzzing $t for ${seconds}s" >&2
  read -r -a extra <<< "${NEWSNER_FUZZ_FLAGS:-}"
  dict=()
  [ -f "$root/fuzz/$t.dict" ] && dict=(-dict="$root/fuzz/$t.dict")
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
    "$bin" -max_total_time="$seconds" -print_final_stats=1 -timeout=20 -rss_limit_mb=2048 \
      -artifact_prefix="$root/fuzz/corpus-run/crashes/$t/" "${dict[@]}" "${extra[@]}" \
      "$root/fuzz/corpus-run/$t" "$root/fuzz/corpus/$t" || status=1
done
exit $status
