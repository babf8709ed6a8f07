#!/usr/bin/env python3
"""Generates the news-like benchmark corpus for bench/run.sh (fixed seed: same bytes every run).

Sentences come from the project's own samples/articles/*.txt, with their people, places,
organizations and dates turned into slots, plus the templates below. Each article gets a
dateline matching its DCT, 2-5 sentence paragraphs in shuffled order, and every slot filled
from the small lists below, so the text is news-like but not the same bytes repeated.

Writes OUT.jsonl ({"id","dct","text"} per line) and OUT/ (the same texts, one .txt file per
article, 500 per subfolder). Usage:
  make_corpus.py --samples samples/articles --out bench/work/corpus/news-50mb --size-mb 50 --docs 5000
  make_corpus.py --from CORPUS.jsonl|DIR --out STEM     (a given corpus in the other form too)
With --from, a JSONL corpus is also written as STEM/ (one file per record, its text field) and a
directory (*.txt, sorted) as STEM.jsonl, so both newsner input modes see the same texts.
"""
import argparse
import datetime
import json
import os
import random
import re
import shutil
import sys

SEED = 20240607

# --- small lists the slots are filled from (some non-ASCII on purpose: multi-byte UTF-8) ---
FIRST = ["Helen", "Andrew", "William", "António", "Robert", "Annette", "Maria", "James", "Fatima", "Chen",
         "Olga", "Pierre", "Ngozi", "Rahul", "Sofia", "Kenji", "Lars", "Amina", "Diego", "Zofia",
         "Mohammed", "Ingrid", "Thomas", "Priya", "Jürgen", "Élodie", "Tomasz", "Grace", "Samuel", "Yuki"]
LAST = ["McAllister", "Constance", "Ruto", "Guterres", "Habeck", "Vogel", "Okafor", "Silva", "Nakamura",
        "Kowalski", "Dubois", "Müller", "Hansen", "Patel", "Rossi", "Haddad", "Novak", "Ochieng", "García",
        "Lindqvist", "O'Brien", "Fernández", "Wiśniewska", "Kim", "Schmidt", "Mensah", "Ivanova", "Berg",
        "Takahashi", "Moreau"]
TITLE = ["President", "Prime Minister", "Finance Minister", "Transport Minister", "Economy Minister",
         "Foreign Minister", "Governor", "Mayor", "Senator", "Professor", "Dr.", "General", "Judge",
         "Chief Executive", "Secretary-General"]
CITY = ["Nairobi", "Sydney", "Berlin", "Cologne", "New York", "London", "Paris", "Tokyo", "São Paulo",
        "Gdańsk", "Zürich", "Lagos", "Mumbai", "Toronto", "Madrid", "Kraków", "Ludwigshafen", "Kaub",
        "Geneva", "Brussels", "Jakarta", "Cairo", "Mexico City", "Seoul", "Oslo", "Lisbon", "Chicago",
        "Istanbul", "Bogotá", "Addis Ababa"]
COUNTRY = ["Kenya", "Australia", "Germany", "Ethiopia", "Uganda", "Tanzania", "Brazil", "Poland",
           "Switzerland", "Nigeria", "India", "Canada", "Spain", "Japan", "France", "Egypt", "Mexico",
           "South Korea", "Norway", "Portugal", "Colombia", "Turkey", "Indonesia", "Ghana", "Chile"]
REGION = ["Bavaria", "New South Wales", "Catalonia", "Ontario", "Lombardy", "Queensland", "Texas",
          "Silesia", "Rift Valley", "Flanders"]
RIVER = ["Rhine", "Danube", "Nile", "Thames", "Mekong", "Elbe", "Paraná", "Vistula"]
ORG = ["World Bank", "International Monetary Fund", "African Union", "United Nations", "European Union",
       "University of New South Wales", "Australian Broadcasting Corporation", "BASF",
       "Federal Institute of Hydrology", "Kiel Institute for the World Economy", "Toyota Motor Corp.",
       "Siemens", "Reuters", "World Health Organization", "Bank of England", "European Central Bank",
       "Deutsche Bahn", "Petrobras", "Safaricom", "Volkswagen", "Red Cross", "NATO", "OPEC",
       "Nestlé", "Associated Press", "University of Nairobi", "Ministry of Finance", "Supreme Court"]
WEEKDAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
         "October", "November", "December"]
MONTH_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
RELATIVE = ["next week", "last month", "this year", "next year", "last year", "earlier this month",
            "the end of this year", "the coming weeks", "the past decade", "recent days"]
NUMBER = ["12", "40", "dozens of", "hundreds of", "1.5 million", "3,200", "27", "nine", "two", "800"]
TOPIC = ["the harbour crossing", "barge traffic", "the debt talks", "the rail strike", "grain exports",
         "the new bridge", "water levels", "the budget", "vaccine deliveries", "coal shipments",
         "the election", "fuel prices", "the trade agreement", "the power grid", "flood defences"]

# Entity strings in the samples, most specific first, and the slot each becomes.
SAMPLE_ENTITIES = [
    ("University of New South Wales", "{ORG}"), ("Australian Broadcasting Corporation", "{ORG}"),
    ("Transport Minister Andrew Constance", "{TITLE} {PERSON}"), ("Professor Helen McAllister", "{TITLE} {PERSON}"),
    ("Kenyan President William Ruto", "{TITLE} {PERSON}"), ("UN Secretary-General António Guterres", "{TITLE} {PERSON}"),
    ("Economy Minister Robert Habeck", "{TITLE} {PERSON}"), ("Dr. Annette Vogel", "{TITLE} {PERSON}"),
    ("Kiel Institute for the World Economy", "{ORG}"), ("Federal Institute of Hydrology", "{ORG}"),
    ("International Monetary Fund", "{ORG}"), ("World Bank", "{ORG}"), ("African Union", "{ORG}"),
    ("United Nations", "{ORG}"), ("BASF", "{ORG}"), ("New South Wales", "{REGION}"), ("McAllister", "{LAST}"),
    ("Ruto", "{LAST}"), ("Ethiopia, Uganda and Tanzania", "{COUNTRY}, {COUNTRY} and {COUNTRY}"),
    ("Nairobi", "{CITY}"), ("New York", "{CITY}"), ("Cologne", "{CITY}"), ("Kaub", "{CITY}"),
    ("Ludwigshafen", "{CITY}"), ("Germany", "{COUNTRY}"), ("German", "national"), ("Bavaria", "{REGION}"),
    ("Rhine", "{RIVER}"), ("African countries", "developing countries"),
    ("on Tuesday", "on {WEEKDAY}"), ("on Monday", "on {WEEKDAY}"), ("on Friday", "on {WEEKDAY}"),
    ("early April", "early {MONTH}"), ("late September", "late {MONTH}"), ("6 September", "{DAY} {MONTH}"),
    ("in November", "in {MONTH}"), ("since 2019", "since {YEAR}"), ("in 2018", "in {YEAR}"),
    ("next week", "{RELATIVE}"), ("the end of this year", "{RELATIVE}"),
]

TEMPLATES = [
    "{TITLE} {PERSON} said on {WEEKDAY} that {TOPIC} would resume {RELATIVE}.",
    "The {ORG} said in a statement that it expected {TOPIC} to recover by {MONTH} {YEAR}.",
    "Talks between {COUNTRY} and {COUNTRY} on {TOPIC} ended in {CITY} on {MONTH_ABBR} {DAY} without an agreement.",
    "\"We will not accept delays,\" {PERSON} told reporters in {CITY}.",
    "{PERSON}, a spokesperson for the {ORG}, said {NUMBER} workers had been affected.",
    "The report, first published by {ORG} on {DAY} {MONTH} {YEAR}, was welcomed by officials in {REGION}.",
    "Shares in {ORG} fell {DAY} percent on {WEEKDAY} after the company cut its forecast for {YEAR}.",
    "Officials in {CITY} said the {RIVER} had risen sharply since {WEEKDAY}.",
    "{TITLE} {PERSON} is due to visit {CITY} and {CITY} {RELATIVE}, her office said.",
    "The meeting, which runs until {MONTH} {DAY}, is the first since {YEAR}.",
    "According to the {ORG}, {NUMBER} people were evacuated from towns along the {RIVER}.",
    "{PERSON} of the {ORG} said the decision could be appealed before {MONTH} {DAY}, {YEAR}.",
    "Negotiators from the {ORG} arrived in {CITY} on {ISODATE} for a second round of talks.",
    "In {YEAR}, {COUNTRY} signed a similar agreement with the {ORG}.",
    "The {ORG} and the {ORG} have both called for an inquiry into {TOPIC}.",
    "Residents of {CITY}, {COUNTRY}, were told to expect further disruption {RELATIVE}.",
    "{PERSON}, who has led the {ORG} since {YEAR}, declined to comment.",
    "Prices in {REGION} rose for a third consecutive month in {MONTH}, data released on {WEEKDAY} showed.",
    "A court in {CITY} will hear the case on {WEEKDAY}, {MONTH} {DAY}.",
    "The delegation left {CITY} for {CITY} late on {WEEKDAY} night.",
    "{TITLE} {PERSON} and {TITLE} {PERSON} met at the headquarters of the {ORG} in {CITY}.",
    "Analysts at the {ORG} said {TOPIC} was unlikely to improve before the second half of {YEAR}.",
    "\"This is the worst season since {YEAR},\" said {PERSON}, who farms near {CITY}.",
    "The {ORG} estimated the cost at {NUMBER} euros, up from an estimate made in {MONTH} {YEAR}.",
    "Flights between {CITY} and {CITY} were suspended from {DAY} to {DAY2} {MONTH}.",
    "Police in {CITY} said {NUMBER} people had been detained after protests on {WEEKDAY}.",
]

SENTENCE_END = re.compile(r'(?<!\bDr\.)(?<!\bMr\.)(?<=[.!?"])\s+(?=[A-Z"\u00C0-\u017F])')


def load_sample_templates(samples_dir):
    """Sample sentences with their entity strings replaced by slots (longest strings first)."""
    templates = []
    names = sorted(f for f in os.listdir(samples_dir) if f.endswith(".txt"))
    if not names:
        sys.exit(f"make_corpus.py: no *.txt in {samples_dir}")
    for name in names:
        with open(os.path.join(samples_dir, name), encoding="utf-8") as f:
            text = f.read()
        for para in text.split("\n\n"):
            para = para.strip()
            # Drop the dateline; every generated article gets its own.
            para = re.sub(r"^[A-Z][A-Z ]+, [A-Z][a-z]+ \d{1,2}, \d{4} - ", "", para)
            for sentence in SENTENCE_END.split(para):
                sentence = sentence.strip()
                if len(sentence) < 25 or not sentence.endswith((".", '"')):
                    continue  # headlines and fragments
                for literal, slot in SAMPLE_ENTITIES:
                    sentence = sentence.replace(literal, slot)
                templates.append(sentence)
    return templates


class Filler:
    def __init__(self, rng, dct):
        self.rng, self.dct = rng, dct
        # A few recurring people per article, so later sentences refer back by surname.
        self.cast = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(4)]

    def slot(self, match):
        r, key = self.rng, match.group(1)
        if key == "PERSON":
            return r.choice(self.cast) if r.random() < 0.7 else f"{r.choice(FIRST)} {r.choice(LAST)}"
        if key == "LAST":
            return r.choice(self.cast).split(" ")[-1]
        if key == "YEAR":
            return str(r.randint(self.dct.year - 12, self.dct.year + 1))
        if key in ("DAY", "DAY2"):
            return str(r.randint(1, 28))
        if key == "ISODATE":
            d = self.dct - datetime.timedelta(days=r.randint(0, 60))
            return d.isoformat()
        table = {"TITLE": TITLE, "CITY": CITY, "COUNTRY": COUNTRY, "REGION": REGION, "RIVER": RIVER,
                 "ORG": ORG, "WEEKDAY": WEEKDAY, "MONTH": MONTH, "MONTH_ABBR": MONTH_ABBR,
                 "RELATIVE": RELATIVE, "NUMBER": NUMBER, "TOPIC": TOPIC}[key]
        return r.choice(table)

    def fill(self, template):
        return re.sub(r"\{([A-Z_0-9]+)\}", self.slot, template)


def make_article(rng, templates, target_bytes):
    dct = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randint(0, 3650))
    filler = Filler(rng, dct)
    dateline = f"{rng.choice(CITY).upper()}, {MONTH[dct.month - 1]} {dct.day}, {dct.year} - "
    paragraphs, size = [], 0
    while size < target_bytes:
        sentences = [filler.fill(rng.choice(templates)) for _ in range(rng.randint(2, 5))]
        para = " ".join(sentences)
        paragraphs.append(para)
        size += len(para.encode("utf-8")) + 2
    text = dateline + "\n\n".join(paragraphs) + "\n"
    return dct, text


def write_dir_file(dir_tmp, i, stem, text):
    """Document i (from 1) as DIR/NNN/STEM.txt, 500 files per subfolder, sorted in corpus order."""
    sub = os.path.join(dir_tmp, f"{(i - 1) // 500:03d}")
    os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, stem + ".txt"), "w", encoding="utf-8") as f:
        f.write(text)


def file_stem(i, doc_id):
    return f"{i:06d}-" + (re.sub(r"[^A-Za-z0-9._-]", "_", doc_id)[:100] or "doc")


def convert(src, out, field):
    """A given corpus in both forms: JSONL records -> files, or a directory -> JSONL."""
    jsonl_tmp, dir_tmp = out + ".jsonl.tmp", out + ".tmp"
    shutil.rmtree(dir_tmp, ignore_errors=True)
    os.makedirs(dir_tmp)
    count = 0
    if os.path.isdir(src):
        paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(src) for f in fs if f.endswith(".txt"))
        with open(jsonl_tmp, "w", encoding="utf-8") as jsonl:
            for path in paths:
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                count += 1
                doc_id = os.path.relpath(path, src)
                jsonl.write(json.dumps({"id": doc_id, field: text}, ensure_ascii=False) + "\n")
                write_dir_file(dir_tmp, count, file_stem(count, doc_id), text)
    else:
        shutil.copyfile(src, jsonl_tmp)
        with open(src, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                record = json.loads(line)
                count += 1
                write_dir_file(dir_tmp, count, file_stem(count, str(record.get("id", count))), record[field])
    shutil.rmtree(out, ignore_errors=True)
    os.replace(dir_tmp, out)
    os.replace(jsonl_tmp, out + ".jsonl")
    print(f"make_corpus.py: {count} documents from {src} -> {out}.jsonl and {out}/", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--samples", help="folder of sample articles (*.txt) to generate from")
    ap.add_argument("--from", dest="source", help="convert this JSONL file or directory instead of generating")
    ap.add_argument("--text-field", default="text", help="JSONL text field for --from (default text)")
    ap.add_argument("--out", required=True, help="output stem: writes STEM.jsonl and STEM/")
    ap.add_argument("--size-mb", type=float, default=50.0, help="total text size in MiB (default 50)")
    ap.add_argument("--docs", type=int, default=5000, help="number of articles (default 5000)")
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args()
    if args.source:
        convert(args.source, args.out, args.text_field)
        return
    if not args.samples:
        ap.error("give --samples or --from")

    rng = random.Random(args.seed)
    templates = load_sample_templates(args.samples) + TEMPLATES
    total_target = int(args.size_mb * 1024 * 1024)
    mean = total_target / args.docs

    jsonl_tmp, dir_tmp = args.out + ".jsonl.tmp", args.out + ".tmp"
    shutil.rmtree(dir_tmp, ignore_errors=True)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    total = 0
    with open(jsonl_tmp, "w", encoding="utf-8") as jsonl:
        i = 0
        # Exactly --docs articles; lengths vary from 0.3x to 1.7x the mean and the last one
        # takes whatever is left, so the total reaches --size-mb.
        while i < args.docs or total < total_target:
            i += 1
            remaining = total_target - total
            if i >= args.docs:
                target = max(remaining, 200)
            else:
                target = int(mean * rng.uniform(0.3, 1.7))
            dct, text = make_article(rng, templates, target)
            doc_id = f"news-{i:06d}"
            jsonl.write(json.dumps({"id": doc_id, "dct": dct.isoformat(), "text": text}, ensure_ascii=False))
            jsonl.write("\n")
            write_dir_file(dir_tmp, i, doc_id, text)
            total += len(text.encode("utf-8"))
    shutil.rmtree(args.out, ignore_errors=True)
    os.replace(dir_tmp, args.out)
    os.replace(jsonl_tmp, args.out + ".jsonl")
    print(f"make_corpus.py: {i} articles, {total / 1048576:.1f} MiB of text -> {args.out}.jsonl and {args.out}/",
          file=sys.stderr)


if __name__ == "__main__":
    main()
