#!/usr/bin/env bash
# End-to-end CLI tests: run the built newsner binary on samples/ and compare its
# output byte for byte with tests/cli/expected/*.jsonl; check exit codes and
# stderr for bad input. Usage: run.sh NEWSNER_BIN PROJECT_ROOT
# NEWSNER_UPDATE_EXPECTED=1 rewrites the expected files (review the diff!).
set -u
bin=$1
root=$2
exp=$root/tests/cli/expected
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root" || exit 2
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# compare NAME: $tmp/NAME.out against expected/NAME.jsonl
compare() {
  local name=$1
  if [ "${NEWSNER_UPDATE_EXPECTED:-}" = 1 ]; then cp "$tmp/$name.out" "$exp/$name.jsonl"; fi
  if cmp -s "$tmp/$name.out" "$exp/$name.jsonl"; then ok; else
    bad "$name differs from expected"; diff <(tr ',' '\n' < "$exp/$name.jsonl") <(tr ',' '\n' < "$tmp/$name.out") | head -20
  fi
}

# expect_status NAME WANT GOT
expect_status() { if [ "$3" = "$2" ]; then ok; else bad "$1: exit status $3, want $2"; fi; }

# 1. one file per article, by path
for f in samples/articles/*.txt; do
  name=$(basename "$f" .txt)
  "$bin" "$f" > "$tmp/$name.out" 2> "$tmp/$name.err"
  expect_status "$name" 0 $?
  compare "$name"
done

# 2. stdin: one document, id "-"
"$bin" < samples/articles/harbour-bridge.txt > "$tmp/stdin.out"
expect_status stdin 0 $?
compare stdin

# 3. a directory, walked in sorted order; same lines as the files one by one
"$bin" samples/articles > "$tmp/directory.out"
expect_status directory 0 $?
compare directory
cat "$exp"/harbour-bridge.jsonl "$exp"/nairobi-summit.jsonl "$exp"/rhine-barges.jsonl > "$tmp/concat"
if cmp -s "$tmp/concat" "$tmp/directory.out"; then ok; else bad "directory output is not the per-file outputs in sorted order"; fi

# 4. JSONL stream: fields pass through, text dropped, DCT from the record
"$bin" --jsonl samples/stream.jsonl > "$tmp/stream.out"
expect_status stream 0 $?
compare stream
"$bin" --jsonl --keep-text < samples/stream.jsonl > "$tmp/keep.out"
if grep -q '"text":"Prime Minister' "$tmp/keep.out"; then ok; else bad "--keep-text lost the text field"; fi

# A field named "id" that --id-field does not name is written back alone, with
# no line-number "id" beside it (two "id" keys: each JSON parser reads another).
printf '{"id":"wire-7","text":"Tim Cook spoke."}\n{"text":"x"}\n' | "$bin" --jsonl --id-field guid > "$tmp/idfield.out"
if [ "$(head -1 "$tmp/idfield.out" | grep -o '"id"' | wc -l)" = 1 ] && head -1 "$tmp/idfield.out" | grep -q '"id":"wire-7"' \
   && sed -n 2p "$tmp/idfield.out" | grep -q '^{"id":2,'; then ok; else bad "--id-field with an own id field: $(cat "$tmp/idfield.out")"; fi

# byte order marks at line starts (`cat` of files that each begin with one) are skipped
printf '\xef\xbb\xbf{"id":"a","text":"Tim Cook spoke."}\n\xef\xbb\xbf{"id":"b","text":"x"}\n' | "$bin" --jsonl > "$tmp/bom.out" 2> /dev/null
expect_status bom-lines 0 $?
if [ "$(grep -c '"entities"' "$tmp/bom.out")" = 2 ]; then ok; else bad "BOM at a line start: $(cat "$tmp/bom.out")"; fi

# 5. threads never change the output
"$bin" -j 3 samples/articles > "$tmp/j3.out"
if cmp -s "$tmp/j3.out" "$tmp/directory.out"; then ok; else bad "-j 3 output differs from -j default"; fi

# 6. offsets: byte and utf16 units on non-ASCII text
printf 'Guterres met officials in S\xc3\xa3o Paulo. \xf0\x9f\x98\x80 Then Gda\xc5\x84sk.\n' > "$tmp/nonascii.txt"
"$bin" "$tmp/nonascii.txt" | sed "s|$tmp/||" > "$tmp/offsets-codepoint.out"
"$bin" --offsets byte "$tmp/nonascii.txt" | sed "s|$tmp/||" > "$tmp/offsets-byte.out"
"$bin" --offsets utf16 "$tmp/nonascii.txt" | sed "s|$tmp/||" > "$tmp/offsets-utf16.out"
compare offsets-codepoint
compare offsets-byte
compare offsets-utf16

# 7. a user gazetteer adds a name; --no-default-gazetteers removes the built-in ones
printf '# test list\nZorblax Dynamics\tORGANIZATION\twikidata:Q0\n' > "$tmp/extra.tsv"
echo "Shares of Zorblax Dynamics rose in Paris." | "$bin" --gazetteer "$tmp/extra.tsv" > "$tmp/gaz.out"
if grep -q '"text":"Zorblax Dynamics","type":"ORGANIZATION","start":10,"end":26,"kb_id":"wikidata:Q0"' "$tmp/gaz.out"; then ok; else bad "user gazetteer entry not found: $(cat "$tmp/gaz.out")"; fi
echo "Shares of Zorblax Dynamics rose in Paris." | "$bin" --no-default-gazetteers --gazetteer "$tmp/extra.tsv" > "$tmp/nogaz.out"
if grep -q Zorblax "$tmp/nogaz.out" && ! grep -q '"Paris"' "$tmp/nogaz.out"; then ok; else bad "--no-default-gazetteers: $(cat "$tmp/nogaz.out")"; fi
# one file per --gazetteer: the inputs after it are articles, not more gazetteers
mkdir -p "$tmp/gaz-in" && echo "Shares of Zorblax Dynamics rose in Paris." > "$tmp/gaz-in/a.txt"
"$bin" --gazetteer "$tmp/extra.tsv" "$tmp/gaz-in" < /dev/null > "$tmp/gaz-in.out" 2>&1
if grep -q '"id":"[^"]*gaz-in/a.txt".*"text":"Zorblax Dynamics"' "$tmp/gaz-in.out"; then ok; else bad "--gazetteer FILE DIR: $(head -c 300 "$tmp/gaz-in.out")"; fi
"$bin" --gazetteer "$tmp/extra.tsv" --gazetteer "$tmp/extra.tsv" "$tmp/gaz-in/a.txt" > "$tmp/gaz-in.out" 2>&1
if grep -q '"text":"Zorblax Dynamics"' "$tmp/gaz-in.out"; then ok; else bad "--gazetteer twice: $(head -c 300 "$tmp/gaz-in.out")"; fi
# a user's entry of the exact span outweighs a rule's reading of it (the head word "Academy")
printf 'Quorvel Academy\tLOCATION\n' > "$tmp/place.tsv"
echo "They walked to Quorvel Academy." | "$bin" --gazetteer "$tmp/place.tsv" > "$tmp/place.out"
if grep -q '"text":"Quorvel Academy","type":"LOCATION"' "$tmp/place.out"; then ok; else bad "user entry vs head rule: $(cat "$tmp/place.out")"; fi
# --explain names the user's list when a built-in list has the same name and type too
printf 'Paris\tLOCATION\n' > "$tmp/desk.tsv"
echo "They flew to Paris." | "$bin" --explain --gazetteer "$tmp/desk.tsv" > "$tmp/desk.out"
if grep -q '"text":"Paris","type":"LOCATION".*"evidence":\["desk"' "$tmp/desk.out"; then ok; else bad "user list as evidence: $(cat "$tmp/desk.out")"; fi
# a town's state (a1=) in a user's cities.tsv picks the namesake of the state named after it
mkdir -p "$tmp/a1" && printf 'Kelvport\tLOCATION\tgeonames:901\tpop=90000,a1=US-OR\nKelvport\tLOCATION\tgeonames:902\tpop=20000,a1=US-ME\n' > "$tmp/a1/cities.tsv"
echo "She moved from Kelvport, Maine, to Portland, Me., in May." | "$bin" --gazetteer "$tmp/a1/cities.tsv" > "$tmp/a1.out"
if grep -q '"text":"Kelvport","type":"LOCATION","start":15,"end":23,"kb_id":"geonames:902"' "$tmp/a1.out" &&
   grep -q '"text":"Portland","type":"LOCATION","start":35,"end":43,"kb_id":"geonames:4975802"' "$tmp/a1.out"; then ok; else bad "town of the state named after it: $(cat "$tmp/a1.out")"; fi
# a town named with its state keeps that town's id where the story names it alone after
echo "Paris was calm. In Paris, Texas, a storm hit. Paris police said." | "$bin" > "$tmp/town.out"
if [ "$(grep -o '"text":"Paris","type":"LOCATION","start":[0-9]*,"end":[0-9]*,"kb_id":"[^"]*"' "$tmp/town.out" | sed 's/.*"kb_id"://' | paste -sd ' ')" = \
     '"geonames:2988507" "geonames:4717560" "geonames:4717560"' ]; then ok; else bad "a qualified town's later mentions: $(cat "$tmp/town.out")"; fi
printf 'Bad line without a type\n' > "$tmp/broken.tsv"
echo "x" | "$bin" --gazetteer "$tmp/broken.tsv" > /dev/null 2> "$tmp/broken.err"
expect_status broken-gazetteer 2 $?
if grep -q "broken.tsv:1" "$tmp/broken.err"; then ok; else bad "gazetteer error does not name file:line: $(cat "$tmp/broken.err")"; fi

# 8. bad input: missing path, malformed JSON lines, exit statuses
"$bin" samples/articles/harbour-bridge.txt "$tmp/does-not-exist.txt" > "$tmp/missing.out" 2> "$tmp/missing.err"
expect_status missing-path 1 $?
if [ "$(wc -l < "$tmp/missing.out")" = 1 ] && grep -q "does-not-exist.txt" "$tmp/missing.err"; then ok; else bad "missing path not reported, or other document lost"; fi
# a symbolic link to nothing, in a directory: named as such, the other file still out
mkdir -p "$tmp/links" && cp samples/articles/harbour-bridge.txt "$tmp/links/" && ln -s "$tmp/nowhere.txt" "$tmp/links/dangling.txt"
"$bin" "$tmp/links" > "$tmp/links.out" 2> "$tmp/links.err"
expect_status broken-link 1 $?
if [ "$(wc -l < "$tmp/links.out")" = 1 ] && grep -q "dangling.txt: broken symbolic link" "$tmp/links.err"; then ok; else bad "broken link not named, or other document lost"; fi
printf '{"id":"a","text":"Angela Merkel visited Paris."}\n{not json\n\n{"id":"c","body":"no text"}\n{"id":"d","text":42}\n{"id":"e","text":"Done in Rome."}\n' > "$tmp/mixed.jsonl"
"$bin" --jsonl "$tmp/mixed.jsonl" > "$tmp/mixed.out" 2> "$tmp/mixed.err"
expect_status malformed-jsonl 1 $?
if [ "$(wc -l < "$tmp/mixed.out")" = 6 ]; then ok; else bad "JSONL: $(wc -l < "$tmp/mixed.out") output lines for 6 input lines"; fi
if [ "$(grep -c '"error"' "$tmp/mixed.out")" = 3 ] && grep -q ':2: malformed JSON' "$tmp/mixed.err"; then ok; else bad "JSONL error lines: $(cat "$tmp/mixed.out" "$tmp/mixed.err")"; fi
"$bin" --no-such-flag > /dev/null 2> "$tmp/usage.err"
expect_status usage-error 2 $?
if head -1 "$tmp/usage.err" | grep -q '^newsner: .*--no-such-flag'; then ok; else bad "usage error message: $(cat "$tmp/usage.err")"; fi
# the JSONL field options without --jsonl: a usage error, not silently ignored
"$bin" --keep-text samples/articles > /dev/null 2> "$tmp/needs.err"
expect_status keep-text-without-jsonl 2 $?
if grep -q -- '--keep-text requires --jsonl' "$tmp/needs.err"; then ok; else bad "--keep-text without --jsonl: $(cat "$tmp/needs.err")"; fi
# --glob is repeatable: a walk takes the files matching any of the patterns
mkdir -p "$tmp/globs/sub" && echo "Paris." > "$tmp/globs/a.txt" && echo "Rome." > "$tmp/globs/sub/b.story" && echo "Oslo." > "$tmp/globs/c.md"
"$bin" --glob '*.txt' --glob '*.story' "$tmp/globs" | sed "s|$tmp/||" | grep -o '"id":"[^"]*"' | tr '\n' ' ' > "$tmp/globs.out"
if [ "$(cat "$tmp/globs.out")" = '"id":"globs/a.txt" "id":"globs/sub/b.story" ' ]; then ok; else bad "--glob twice: $(cat "$tmp/globs.out")"; fi
"$bin" --help > "$tmp/help.out" 2>&1
expect_status help 0 $?
if grep -q "Exit status" "$tmp/help.out"; then ok; else bad "--help does not document exit status"; fi
"$bin" --reference-date 2019-02-30 < /dev/null > /dev/null 2>&1
expect_status bad-reference-date 2 $?

# 9. invalid UTF-8 is repaired with a warning; the document still comes out
printf 'Talks in Berlin \xff\xfe ended.\n' > "$tmp/bad-utf8.txt"
"$bin" "$tmp/bad-utf8.txt" > "$tmp/utf8.out" 2> "$tmp/utf8.err"
expect_status invalid-utf8 0 $?
if grep -q '"Berlin"' "$tmp/utf8.out" && grep -q "invalid UTF-8" "$tmp/utf8.err"; then ok; else bad "invalid UTF-8 not repaired/warned"; fi

# 10. a binary file in a directory walk is skipped with a message
mkdir -p "$tmp/walk/sub"
cp samples/articles/harbour-bridge.txt "$tmp/walk/sub/a.txt"
printf 'bin\0ary' > "$tmp/walk/b.txt"
"$bin" "$tmp/walk" > "$tmp/walk.out" 2> "$tmp/walk.err"
expect_status binary-skip 0 $?
if [ "$(wc -l < "$tmp/walk.out")" = 1 ] && grep -q "binary" "$tmp/walk.err"; then ok; else bad "binary file not skipped with a message"; fi

# 11. stdout closed early: quiet, status 0
for i in $(seq 1 300); do echo '{"text":"Angela Merkel met Emmanuel Macron in Berlin on Monday."}'; done > "$tmp/many.jsonl"
"$bin" --jsonl "$tmp/many.jsonl" 2> "$tmp/pipe.err" | head -1 > /dev/null
status=${PIPESTATUS[0]}
if [ "$status" = 0 ] && [ ! -s "$tmp/pipe.err" ]; then ok; else bad "closed stdout: status $status, stderr $(cat "$tmp/pipe.err")"; fi

# extra suites (one script each, same reporting) live beside this file
for extra in "$root"/tests/cli/suite_*.sh; do
  [ -f "$extra" ] || continue
  if bash "$extra" "$bin" "$root"; then ok; else bad "$(basename "$extra")"; fi
done

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
