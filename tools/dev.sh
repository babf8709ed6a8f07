#!/usr/bin/env bash
# One entry point for setting up, building and testing newsner on Debian 12.
#   tools/dev.sh run [FILE...]  install missing packages, build, tag a sample article
#   tools/dev.sh test           install missing packages, build, run every test (ctest)
#   tools/dev.sh sanitize       the same tests in an ASan+UBSan build (build-asan/), compiled
#                               with clang: a second compiler finds what one compiler's
#                               choices hide (the order in which it evaluates arguments)
#   tools/dev.sh build          install missing packages and build only
# Packages are installed with apt-get only when missing (sudo when not root).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jobs=$(nproc 2>/dev/null || echo 2)

packages=(g++ cmake make pkg-config libicu-dev libre2-dev libcli11-dev libfmt-dev doctest-dev
          libsimdjson-dev python3 parallel python3-distributed)

ensure_packages() {  # [extra packages...]
  local missing=() p
  for p in "${packages[@]}" "$@"; do
    dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "dev.sh: installing ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

build() {  # build DIR [cmake args...] [--target T]
  local dir=$1 target=()
  shift
  if [ $# -ge 2 ] && [ "${*: -2:1}" = --target ]; then
    target=(--target "${*: -1}")
    set -- "${@:1:$#-2}"
  fi
  cmake -S "$root" -B "$dir" "$@" >&2
  cmake --build "$dir" -j "$jobs" "${target[@]}" >&2
}

cmd=${1:-run}
shift || true
case "$cmd" in
  run)
    ensure_packages
    build "$root/build" -DCMAKE_BUILD_TYPE=Release --target newsner
    if [ $# -eq 0 ]; then  # the sample, named relative to the project as in the README
      cd "$root"
      set -- samples/articles/nairobi-summit.txt
    fi
    "$root/build/newsner" "$@"
    ;;
  build)
    ensure_packages
    build "$root/build" -DCMAKE_BUILD_TYPE=Release
    ;;
  test)
    ensure_packages
    build "$root/build" -DCMAKE_BUILD_TYPE=Release
    ctest --test-dir "$root/build" --output-on-failure
    ;;
  sanitize)
    ensure_packages clang
    build "$root/build-asan" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DNEWSNER_SANITIZE=ON
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctest --test-dir "$root/build-asan" --output-on-failure
    ;;
  *)
    echo "usage: tools/dev.sh run [FILE...] | test | sanitize | build" >&2
    exit 2
    ;;
esac
