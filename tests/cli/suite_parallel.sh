#!/usr/bin/env bash
# Line-filter contract (DESIGN.md section 3): the same JSONL through
#   parallel --pipe -N 50 -k newsner --jsonl     (GNU parallel, chunks of 50 lines)
# and through one `newsner --jsonl` gives the same lines in the same order, with
# exactly one output line per input line, malformed and blank lines included.
# A record without an id field gets its line number *within the chunk the filter
# sees*, so those ids are compared as N. Skips (exit 0) when parallel is missing.
# Usage: suite_parallel.sh NEWSNER_BIN PROJECT_ROOT
. "$(dirname "$0")/lib.sh" "$@"
if ! command -v parallel > /dev/null; then
  echo "suite_parallel: GNU parallel not installed (tools/dev.sh installs it), skipped"
  exit 0
fi

# ~500 lines: the sample records with ids, articles as JSON strings, and every
# 37th line malformed, blank or without a text field.
python3 - "$tmp/in.jsonl" samples/articles/*.txt <<'PY' || { echo "FAIL: suite_parallel: no python3"; exit 1; }
import json, sys
out, paths = sys.argv[1], sys.argv[2:]
arts = [open(p, encoding="utf-8").read() for p in paths]
with open(out, "w", encoding="utf-8") as f:
    for i in range(503):
        k = i % 37
        if k == 5: f.write("{broken json\n")
        elif k == 11: f.write("\n")
        elif k == 17: f.write(json.dumps({"id": f"n{i}", "body": "no text"}) + "\n")
        elif k == 23: f.write(json.dumps({"text": "No id here: Angela Merkel in Paris."}) + "\n")
        else:
            text = arts[i % len(arts)][: 80 + (i * 13) % 500]
            f.write(json.dumps({"id": f"doc-{i}", "dct": "2019-01-15", "text": text}, ensure_ascii=(i % 2 == 0)) + "\n")
PY

"$bin" -j 2 --jsonl "$tmp/in.jsonl" > "$tmp/single.out" 2> "$tmp/single.err"
s=$?
[ "$s" = 1 ] || bad "single process: status $s, want 1 (malformed lines)"
parallel --will-cite --pipe -N 50 -k "$bin" -j 1 --jsonl < "$tmp/in.jsonl" > "$tmp/par.out" 2> "$tmp/par.err"
in_lines=$(wc -l < "$tmp/in.jsonl")
for f in single par; do
  n=$(wc -l < "$tmp/$f.out")
  [ "$n" = "$in_lines" ] || bad "$f: $n output lines for $in_lines input lines"
done
norm() { sed -E 's/^\{"id":[0-9]+,/{"id":N,/' "$1"; }
if ! cmp -s <(norm "$tmp/single.out") <(norm "$tmp/par.out"); then
  bad "parallel --pipe output differs from single-process output"
  diff <(norm "$tmp/single.out") <(norm "$tmp/par.out") | head -5
fi
# records with ids are byte-identical, not only after normalising
cmp -s <(grep '^{"id":"' "$tmp/single.out") <(grep '^{"id":"' "$tmp/par.out") || bad "records with ids differ"
# the README's form for a file: parallel reads it in blocks of whole lines (small
# blocks here, so that there are several)
parallel --will-cite --pipepart -a "$tmp/in.jsonl" --block 20k -k "$bin" -j 1 --jsonl > "$tmp/part.out" 2> /dev/null
[ "$(wc -l < "$tmp/part.out")" = "$in_lines" ] || bad "--pipepart: $(wc -l < "$tmp/part.out") output lines for $in_lines"
cmp -s <(norm "$tmp/single.out") <(norm "$tmp/part.out") || bad "parallel --pipepart output differs from single-process output"
[ "$(grep -c '"error"' "$tmp/par.out")" = "$(grep -c '"error"' "$tmp/single.out")" ] || bad "error line counts differ"

[ "$fail" = 0 ]
