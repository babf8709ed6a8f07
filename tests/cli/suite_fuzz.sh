#!/usr/bin/env bash
# Replays the fuzz seed corpus (fuzz/corpus/) and every fuzzer regression input
# (tests/data/fuzz-regressions/) through the CLI: no crash (status 0 or 1), one valid
# JSON line per document or JSONL line. The exact replay with the fuzzers' own
# invariants needs the clang fuzz build: build-fuzz/fuzz/fuzz_<target> FILES.
# Usage: suite_fuzz.sh NEWSNER_BIN PROJECT_ROOT
. "$(dirname "$0")/lib.sh" "$@"
py=$(command -v python3 || true)
check_json() {  # OUTPUT LINES INPUT
  [ "$(wc -l < "$1")" = "$2" ] || bad "${3:-$1}: $(wc -l < "$1") output lines, want $2"
  [ -n "$py" ] || return 0
  "$py" -c 'import json,sys
for l in open(sys.argv[1], "rb"): assert isinstance(json.loads(l.decode("utf-8")), dict)' "$1" 2> /dev/null \
    || bad "output is not one JSON object per line: $(head -c 300 "$1")"
}

for target in extract utf8 jsonl_reader; do
  files=()
  for f in fuzz/corpus/$target/* tests/data/fuzz-regressions/$target/*; do
    [ -f "$f" ] && files+=("$f")
  done
  [ ${#files[@]} -gt 0 ] || continue
  if [ "$target" = jsonl_reader ]; then
    # the fuzzer reads up to the first newline; so does this
    for f in "${files[@]}"; do { head -n 1 "$f" | tr -d '\n'; echo; }; done > "$tmp/in.jsonl"
    "$bin" --jsonl -q -j 2 "$tmp/in.jsonl" > "$tmp/out" 2> "$tmp/err"
    s=$?
    if [ "$s" -gt 1 ] || grep -qE 'ERROR: AddressSanitizer|runtime error:' "$tmp/err"; then
      bad "$target: status $s: $(grep -m2 -E 'ERROR|runtime error|#[01] ' "$tmp/err")"
    fi
    check_json "$tmp/out" "${#files[@]}" "jsonl_reader corpus"
  else
    for f in "${files[@]}"; do
      if [ "$target" = extract ]; then
        # as the fuzzer reads it: a mode byte (bit 0: DCT 2019-01-15; bits 1-2: offsets
        # byte/utf16; bit 3: sentences), then the document text
        mode=$(head -c 1 "$f" | od -An -tu1 | tr -d ' ')
        args=(-q)
        [ $((mode & 1)) = 1 ] && args+=(--reference-date 2019-01-15)
        case $((mode & 6)) in 2) args+=(--offsets byte) ;; 4) args+=(--offsets utf16) ;; esac
        [ $((mode & 8)) = 8 ] && args+=(--sentence)
        tail -c +2 "$f" > "$tmp/doc.txt"
        if [ -n "$py" ]; then
          # as a JSONL record, so that NUL bytes reach the pipeline too (a file
          # with NUL bytes is skipped as binary); invalid UTF-8 stays raw and is
          # repaired by the reader, as extract() would
          "$py" -c 'import sys
b = open(sys.argv[1], "rb").read()
out = bytearray(b"{\"id\":\"fuzz\",\"text\":\"")
for c in b:
    if c == 0x22 or c == 0x5c: out += b"\\" + bytes([c])
    elif c < 0x20: out += b"\\u%04x" % c
    else: out.append(c)
out += b"\"}\n"
open(sys.argv[2], "wb").write(out)' "$tmp/doc.txt" "$tmp/doc.jsonl"
          "$bin" --jsonl "${args[@]}" "$tmp/doc.jsonl" > "$tmp/out" 2> "$tmp/err"
        else
          "$bin" "${args[@]}" "$tmp/doc.txt" > "$tmp/out" 2> "$tmp/err"
        fi
        s=$?
        # (a sanitizer report exits 1 too: look for it)
        if [ "$s" -gt 1 ] || grep -qE 'ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer' "$tmp/err"; then
          bad "$f (newsner ${args[*]}): status $s: $(grep -m2 -E 'ERROR|runtime error|#[01] ' "$tmp/err")"
          continue
        fi
        if [ -z "$py" ] && grep -q "binary file" "$tmp/err"; then check_json "$tmp/out" 0 "$f"; else check_json "$tmp/out" 1 "$f"; fi
        continue
      fi
      "$bin" -q "$f" > "$tmp/out" 2> "$tmp/err"
      s=$?
      if [ "$s" -gt 1 ] || grep -qE 'ERROR: AddressSanitizer|runtime error:' "$tmp/err"; then
        bad "$f: status $s: $(grep -m2 -E 'ERROR|runtime error|#[01] ' "$tmp/err")"
        continue
      fi
      if grep -q "binary file" "$tmp/err"; then check_json "$tmp/out" 0 "$f"; else check_json "$tmp/out" 1 "$f"; fi
      for off in byte utf16; do
        "$bin" -q --offsets $off --sentence "$f" > /dev/null 2>&1
        s=$?
        [ "$s" -le 1 ] || bad "$f --offsets $off: status $s"
      done
    done
  fi
done

[ "$fail" = 0 ]
