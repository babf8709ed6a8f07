#!/usr/bin/env bash
# examples/dask/newsner_dask.py on a LocalCluster of 2 worker processes (loopback
# TCP, the code path a multi-machine scheduler uses) gives the same output as one
# `newsner --jsonl`, for stdout and for --out-dir part files. Skips (exit 0) only
# when no python3 can import distributed (Debian python3-distributed).
# Usage: suite_dask.sh NEWSNER_BIN PROJECT_ROOT
. "$(dirname "$0")/lib.sh" "$@"
py=
for cand in /usr/bin/python3 python3; do
  if command -v "$cand" > /dev/null && "$cand" -c 'import distributed, dask.bag' 2> /dev/null; then py=$cand; break; fi
done
if [ -z "$py" ]; then
  echo "suite_dask: python3-distributed is not importable (tools/dev.sh installs it), skipped"
  exit 0
fi

# Two input files, ~300 records with ids, a malformed line and a blank line;
# a small blocksize so that each file is split into several partitions.
"$py" - "$tmp/a.jsonl" "$tmp/b.jsonl" samples/articles/*.txt <<'PY'
import json, sys
outs, paths = sys.argv[1:3], sys.argv[3:]
arts = [open(p, encoding="utf-8").read() for p in paths]
n = 0
for out in outs:
    with open(out, "w", encoding="utf-8") as f:
        for i in range(150):
            n += 1
            if n % 50 == 7: f.write("{not json\n"); continue
            if n % 50 == 19: f.write("\n"); continue
            if n % 50 == 23:  # invalid UTF-8 in a record: repaired, as on one machine
                f.flush(); f.buffer.write(b'{"id":"d%d","text":"Talks in Berlin \xff\xfe ended."}\n' % n); continue
            f.write(json.dumps({"id": f"d{n}", "text": arts[n % len(arts)][: 60 + (n * 7) % 500]}) + "\n")
PY
cat "$tmp/a.jsonl" "$tmp/b.jsonl" | "$bin" --jsonl -j 1 --quiet 2> /dev/null | sed -E 's/^\{"id":[0-9]+,/{"id":N,/' > "$tmp/single.out"

export PYTHONDONTWRITEBYTECODE=1
timeout 300 "$py" examples/dask/newsner_dask.py --newsner "$bin" --blocksize 8KiB --workers 2 \
  "$tmp/a.jsonl" "$tmp/b.jsonl" > "$tmp/dask.out" 2> "$tmp/dask.err"
s=$?
[ "$s" = 0 ] || bad "newsner_dask.py exited $s: $(tail -5 "$tmp/dask.err")"
sed -E -i 's/^\{"id":[0-9]+,/{"id":N,/' "$tmp/dask.out"
[ "$(wc -l < "$tmp/dask.out")" = 300 ] || bad "dask: $(wc -l < "$tmp/dask.out") lines for 300 input lines"
cmp -s "$tmp/single.out" "$tmp/dask.out" || { bad "dask output differs from single-process output"; diff "$tmp/single.out" "$tmp/dask.out" | head -5; }

timeout 300 "$py" examples/dask/newsner_dask.py --newsner "$bin" --blocksize 8KiB --out-dir "$tmp/parts" \
  "$tmp/a.jsonl" "$tmp/b.jsonl" -- --offsets utf16 > /dev/null 2> "$tmp/dask.err"
s=$?
[ "$s" = 0 ] || bad "newsner_dask.py --out-dir exited $s: $(tail -5 "$tmp/dask.err")"
nparts=$(ls "$tmp/parts" 2> /dev/null | wc -l)
[ "$nparts" -gt 2 ] || bad "--out-dir: $nparts part files, want several partitions"
cat "$tmp/a.jsonl" "$tmp/b.jsonl" | "$bin" --jsonl -j 1 --quiet --offsets utf16 2> /dev/null \
  | sed -E 's/^\{"id":[0-9]+,/{"id":N,/' > "$tmp/single16.out"
cat "$tmp"/parts/part-*.jsonl | sed -E 's/^\{"id":[0-9]+,/{"id":N,/' > "$tmp/parts.out"
cmp -s "$tmp/single16.out" "$tmp/parts.out" || bad "--out-dir parts differ from single-process output"

[ "$fail" = 0 ]
