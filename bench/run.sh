#!/usr/bin/env bash
# newsner benchmark: one command (issue 7, STYLE.md 2.6). See bench/README.md.
#   bench/run.sh [--corpus PATH.jsonl|DIR] [--runs N] [--size-mb N] [--baseline-runs N] [--startup-runs N]
#                [--threads 1,2] [--text-field NAME] [--no-chrono]
# 1. builds (or reuses) a Release build with -DNEWSNER_BENCH=ON in bench/work/build;
# 2. generates the corpus (bench/make_corpus.py, fixed seed) or converts --corpus, in both
#    JSONL and one-file-per-article form, under bench/work/corpus/;
# 3. installs chrono-node (pinned) into bench/work/node when node and npm are present;
# 4. runs bench/measure.py: newsner -j1/-j2 on JSONL and on the directory, icu_words,
#    chrono-node, startup; writes bench/runs/<date>-<host>[-N]/{raw.csv,summary.md}.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench=$root/bench
work=$bench/work
chrono_version=2.7.9

all_args="$*"
corpus="" runs=5 baseline_runs="" size_mb=50 startup_runs=30 threads=1,2 text_field=text chrono=1
usage() { sed -n '3,4p' "${BASH_SOURCE[0]}" | sed 's/^# *//' >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --baseline-runs) baseline_runs=$2; shift 2 ;;
    --size-mb) size_mb=$2; shift 2 ;;
    --startup-runs) startup_runs=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --text-field) text_field=$2; shift 2 ;;
    --no-chrono) chrono=0; shift ;;
    -h|--help) usage ;;
    *) echo "run.sh: unknown argument: $1" >&2; usage ;;
  esac
done
for tool in cmake hyperfine python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is required (apt-get install ${tool##*/})" >&2; exit 2; }
done
mkdir -p "$work"

# 1. Release build; cmake --build only recompiles what changed.
echo "run.sh: building newsner and icu_words (Release) in $work/build" >&2
cmake -S "$root" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DNEWSNER_BENCH=ON -DNEWSNER_TESTS=OFF >"$work/build.log"
cmake --build "$work/build" -j "$(nproc)" --target newsner icu_words >>"$work/build.log" 2>&1 ||
  { tail -30 "$work/build.log" >&2; echo "run.sh: build failed, see $work/build.log" >&2; exit 2; }

# 2. Corpus, reused when its inputs have not changed (the stamp records them).
mkdir -p "$work/corpus"
if [ -z "$corpus" ]; then
  stem=$work/corpus/news-${size_mb}mb
  docs=$(( size_mb * 100 < 5000 ? (size_mb * 100 > 100 ? size_mb * 100 : 100) : 5000 ))
  label="generated news-like corpus (bench/make_corpus.py, ${size_mb} MiB target, $docs articles)"
  stamp="gen $size_mb $(cat "$bench/make_corpus.py" "$root"/samples/articles/*.txt | sha256sum | cut -c1-16)"
  if [ "$(cat "$stem.stamp" 2>/dev/null)" != "$stamp" ] || [ ! -f "$stem.jsonl" ]; then
    python3 "$bench/make_corpus.py" --samples "$root/samples/articles" --out "$stem" --size-mb "$size_mb" --docs "$docs"
    echo "$stamp" >"$stem.stamp"
  fi
else
  [ -e "$corpus" ] || { echo "run.sh: --corpus $corpus: no such file or directory" >&2; exit 2; }
  src=$(cd "$(dirname "$corpus")" && pwd)/$(basename "$corpus")
  stem=$work/corpus/ext-$(basename "${corpus%.jsonl}")
  label="$corpus"
  stamp="ext $src $(stat -c '%s %Y' "$src")"
  if [ "$(cat "$stem.stamp" 2>/dev/null)" != "$stamp" ] || [ ! -f "$stem.jsonl" ]; then
    python3 "$bench/make_corpus.py" --from "$src" --out "$stem" --text-field "$text_field"
    echo "$stamp" >"$stem.stamp"
  fi
fi

# 3. chrono-node, pinned, into the scratch folder (never into the repo).
chrono_args=()
if [ "$chrono" = 1 ] && command -v node >/dev/null && command -v npm >/dev/null; then
  if [ ! -f "$work/node/node_modules/chrono-node/package.json" ] ||
     ! grep -q "\"version\": \"$chrono_version\"" "$work/node/node_modules/chrono-node/package.json"; then
    echo "run.sh: installing chrono-node@$chrono_version into $work/node" >&2
    npm install --prefix "$work/node" --save-exact --no-audit --no-fund --silent "chrono-node@$chrono_version" >&2 ||
      echo "run.sh: npm install failed; chrono-node is skipped" >&2
  fi
  [ -f "$work/node/node_modules/chrono-node/package.json" ] && chrono_args=(--chrono "$work/node")
else
  echo "run.sh: node/npm not found (or --no-chrono); chrono-node is skipped" >&2
fi

# 4. Measure and file the run.
out=$bench/runs/$(date +%F)-$(hostname -s)
base=$out n=2
while [ -e "$out" ]; do out=$base-$n; n=$((n + 1)); done  # a second run that day: -2, -3, ...
python3 "$bench/measure.py" --newsner "$work/build/newsner" --icu-words "$work/build/bench/icu_words" \
  "${chrono_args[@]}" --jsonl "$stem.jsonl" --dir "$stem" --corpus-label "$label" --text-field "$text_field" \
  --runs "$runs" ${baseline_runs:+--baseline-runs "$baseline_runs"} --startup-runs "$startup_runs" --threads "$threads" --workdir "$work/measure" --out "$out" \
  --command "bench/run.sh $all_args"
echo "run.sh: wrote $out/raw.csv and $out/summary.md" >&2
