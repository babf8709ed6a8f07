#!/usr/bin/env bash
# Reproduces the accuracy numbers quoted in the README: runs newsner --jsonl on the
# shared evaluation corpora and scores each with ../shared/eval/score.py, then
# checks the behaviour cases with ../shared/cases/check.py.
# Usage: tools/eval.sh [path/to/newsner] [--errors N]
# The corpora are evaluation-only material and are never copied into the project.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/newsner}
shift || true
shared=${NEWSNER_SHARED:-$root/../shared}
out=${NEWSNER_EVAL_OUT:-$(mktemp -d)}
for corpus in seed-tass conll2003-dev tbaq-dev; do
  gold=$shared/eval/$corpus.jsonl
  [ -f "$gold" ] || { echo "missing $gold" >&2; continue; }
  types=()
  [ "$corpus" = tbaq-dev ] && types=(--types DATE)
  "$bin" --jsonl -q < "$gold" > "$out/$corpus.jsonl"
  echo "== $corpus"
  python3 "$shared/eval/score.py" "$gold" "$out/$corpus.jsonl" "${types[@]}" "$@"
done
echo "== handed cases"
"$bin" --jsonl -q < "$shared/cases/handed.jsonl" > "$out/cases.jsonl"
python3 "$shared/cases/check.py" "$shared/cases/handed.jsonl" "$out/cases.jsonl" || true
echo "(predictions in $out)"
