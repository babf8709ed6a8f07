#!/usr/bin/env python3
"""Validate the hand-curated gazetteer TSVs in this folder.

Checks, for every *.tsv file here:
  * UTF-8, first line is a '#' header comment, no blank lines;
  * every data line has exactly 4 tab-separated columns: name, type, kb_id, flags;
  * no column has leading/trailing whitespace; name is non-empty;
  * type is one of PERSON LOCATION ORGANIZATION TITLE ORG_HEAD DEMONYM (and the one(s) expected for the file);
  * kb_id is empty or 'wikidata:Q<digits>'; flags is empty or a comma-separated subset of the known flags;
  * no duplicate (name, type, kb_id) within a file or across files;
  * a name with diacritics carries 'fold' (it then also matches news typed without them: 'Deutsche Borse'),
    unless its plain spelling is a common word or a phrase of common words (../common_words.tsv: 'Nestlé',
    whose plain form 'Nestle' is then listed as a row of its own);
  * warns when one (name, type) has two different non-empty kb_ids.
Prints per-file row counts. Exit status 1 on any error.
Usage: python3 gazetteers/curated/validate_curated.py [DIR]
"""
import os, re, sys, unicodedata
from collections import defaultdict

TYPES = {"PERSON", "LOCATION", "ORGANIZATION", "TITLE", "ORG_HEAD", "DEMONYM"}
FLAGS = {"amb", "fold", "g=m", "g=f"}  # plus pop=N / rank=N, as accepted by src/newsner/gazetteer/loader.cpp
EXPECTED = {
    "news_media.tsv": {"ORGANIZATION"}, "international_orgs.tsv": {"ORGANIZATION"},
    "government_bodies.tsv": {"ORGANIZATION"}, "parties.tsv": {"ORGANIZATION"},
    "companies.tsv": {"ORGANIZATION"}, "sports.tsv": {"ORGANIZATION"},
    "people.tsv": {"PERSON"}, "venues.tsv": {"LOCATION"}, "titles.tsv": {"TITLE"}, "org_heads.tsv": {"ORG_HEAD"},
}
KB = re.compile(r"^wikidata:Q[1-9][0-9]*$")

def deaccent(s):
    return unicodedata.normalize("NFC", "".join(
        ch for ch in unicodedata.normalize("NFD", s) if unicodedata.category(ch) != "Mn"))


def plain_is_words(name, words):
    return all(w.lower() in words for w in deaccent(name).split())


def main(d):
    words = set()
    cw = os.path.join(d, "..", "common_words.tsv")
    if os.path.exists(cw):
        words = {l.split("\t")[0] for l in open(cw, encoding="utf-8") if not l.startswith("#")}
    errors, warnings = [], []
    seen = {}
    kbs = defaultdict(set)
    counts = {}
    files = sorted(f for f in os.listdir(d) if f.endswith(".tsv"))
    if not files:
        print("no .tsv files in", d); return 1
    for fn in files:
        path = os.path.join(d, fn)
        try:
            text = open(path, encoding="utf-8").read()
        except UnicodeDecodeError as e:
            errors.append(f"{fn}: not UTF-8 ({e})"); continue
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if not lines or not lines[0].startswith("#"):
            errors.append(f"{fn}:1: file must start with a '#' header comment")
        n = 0
        for i, ln in enumerate(lines, 1):
            if ln.startswith("#"):
                continue
            if ln.strip() == "":
                errors.append(f"{fn}:{i}: blank line"); continue
            cols = ln.split("\t")
            if len(cols) != 4:
                errors.append(f"{fn}:{i}: expected 4 tab-separated columns, got {len(cols)}: {ln!r}"); continue
            name, typ, kb, flags = cols
            for c in cols:
                if c != c.strip():
                    errors.append(f"{fn}:{i}: leading/trailing whitespace in {c!r}")
            if not name:
                errors.append(f"{fn}:{i}: empty name")
            if typ not in TYPES:
                errors.append(f"{fn}:{i}: invalid type {typ!r}")
            elif fn in EXPECTED and typ not in EXPECTED[fn]:
                errors.append(f"{fn}:{i}: type {typ} not expected in this file")
            if kb and not KB.match(kb):
                errors.append(f"{fn}:{i}: bad kb_id {kb!r}")
            if flags:
                for f in flags.split(","):
                    if f not in FLAGS and not re.fullmatch(r"(pop|rank)=[0-9]+", f):
                        errors.append(f"{fn}:{i}: unknown flag {f!r}")
            if (deaccent(name) != name and "fold" not in flags.split(",")
                    and words and not plain_is_words(name, words)):
                errors.append(f"{fn}:{i}: {name!r} has diacritics but no 'fold' flag")
            key = (name, typ, kb)
            if key in seen:
                errors.append(f"{fn}:{i}: duplicate {key} (first at {seen[key]})")
            else:
                seen[key] = f"{fn}:{i}"
            if kb:
                kbs[(name, typ)].add(kb)
            n += 1
        counts[fn] = n
    for (name, typ), s in kbs.items():
        if len(s) > 1:
            warnings.append(f"{name!r} ({typ}) has several kb_ids: {sorted(s)}")
    for fn in files:
        print(f"{fn}\t{counts.get(fn, 0)}")
    print(f"TOTAL\t{sum(counts.values())}")
    for w in warnings:
        print("WARNING:", w)
    for e in errors[:200]:
        print("ERROR:", e)
    if errors:
        print(f"{len(errors)} error(s)")
        return 1
    print("OK")
    return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))))
