#!/usr/bin/env bash
# End-to-end DATE values through the CLI (made-up sentences; DCT 2026-11-27, a
# Friday): holidays (other calendars' too), the first day of a day range, "on the
# 15th", the DCT's own weekday, and each row of the README's table of common
# cases (DCT 2010-04-18). Usage: suite_dates.sh NEWSNER_BIN PROJECT_ROOT; status 0 when all pass.
set -u
bin=$1
fail=0
# dates TEXT: the DATE mentions of TEXT as "text=value", joined by " | "
dates() {
  printf '%s\n' "$1" | "$bin" --reference-date 2026-11-27 |
    grep -o '"text":"[^"]*","type":"DATE","start":[0-9]*,"end":[0-9]*,"value":"[^"]*"' |
    sed 's/"text":"\([^"]*\)".*"value":"\([^"]*\)"/\1=\2/' | paste -sd '|' | sed 's/|/ | /g'
}
check() {
  local got
  got=$(dates "$1")
  if [ "$got" != "$2" ]; then echo "FAIL: dates in '$1': got '$got', want '$2'"; fail=1; fi
}
check "Shops close on Christmas Eve and reopen after Boxing Day." \
  "Christmas Eve=2026-12-24 | Boxing Day=2026-12-26"
check "Pilgrims came on Easter Sunday; turkeys sold out before Thanksgiving." \
  "Easter Sunday=2026-04-05 | Thanksgiving=2026-11-26"
check "Last Christmas he left. Christmas 2019 was quiet." \
  "Last Christmas=2025-12-25 | Christmas 2019=2019-12-25"
# other calendars' holidays, by ICU's islamic-umalqura and hebrew calendars
check "Families marked Eid al-Fitr, Rosh Hashanah and Hanukkah." \
  "Eid al-Fitr=2026-03-20 | Rosh Hashanah=2026-09-12 | Hanukkah=2026-12-05"
# "runs" (present tense of a scheduled event) looks forward: next July
check "The festival runs from 9 to 11 July." "9=2027-07-09 | 11 July=2027-07-11"
check "Rates rose from 9 to 11 percent." ""
check "The vote is on the 15th." "the 15th=2026-11-15"
check "Parliament will vote on Friday." "Friday=2026-11-27"
# a suspension in the passive holds until a day ahead
check "Flights were suspended until Saturday." "Saturday=2026-11-28"
check "Flights were suspended on Saturday." "Saturday=2026-11-21"
# a dateline without a year (a region between too): its own day, the year from --reference-date
check "SINGAPORE, Nov 24 (Reuters) - Lenders rallied on Friday." "Nov 24=2026-11-24 | Friday=2026-11-20"
check "LIMA, Dec 1 (Reuters) - Congress will vote on Friday." "Dec 1=2026-12-01 | Friday=2026-12-04"
check "ELMVALE, Ill., Nov 24 - The council met on Wednesday." "Nov 24=2026-11-24 | Wednesday=2026-11-18"
# a dateline with its year: its own day, whatever --reference-date says
check "BREDAVEN, Netherlands, Oct. 15, 2026 - The firm said on Wednesday it would expand." \
  "Oct. 15, 2026=2026-10-15 | Wednesday=2026-10-14"
# The README's table of common cases ("How dates are valued", DCT 2010-04-18): each
# row's text, run through the CLI, has a DATE of the row's value ("(no DATE)": none).
readme_rows=$(sed -n '/^Common cases, with `--reference-date 2010-04-18`/,/^The rules in detail/p' "$2/README.md" | grep '^| `' || true)
[ -n "$readme_rows" ] || { echo "FAIL: README's table of common date cases not found"; fail=1; }
while IFS= read -r row; do
  text=$(printf '%s' "$row" | cut -d'|' -f2 | sed 's/^ *`//; s/` *$//')
  want=$(printf '%s' "$row" | cut -d'|' -f3 | sed 's/^ *//; s/ *$//; s/`//g')
  got=$(printf '%s\n' "$text" | "$bin" --reference-date 2010-04-18 |
    grep -o '"type":"DATE","start":[0-9]*,"end":[0-9]*,"value":"[^"]*"' | sed 's/.*"value":"//; s/"$//' | paste -sd ' ')
  if [ "$want" = "(no DATE)" ]; then
    [ -z "$got" ] || { echo "FAIL: README row '$text': got '$got', want no DATE"; fail=1; }
  else
    case " $got " in *" $want "*) ;; *) echo "FAIL: README row '$text': got '$got', want '$want'"; fail=1 ;; esac
  fi
done <<< "$readme_rows"
exit $fail
