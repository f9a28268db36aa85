#!/usr/bin/env bash
# Confer pages benchmark: starts Confer (with the demo summit) on a fresh embedded PostgreSQL and drives
# the pages' hot paths over HTTP with wrk, as browsers and staff tablets use them:
#   (a) anonymous GETs of the demo summit's agenda (15 rooms, ~48 sessions) and of its landing page,
#   (b) My ticket pages of many different registrations (the QR PNG is drawn on every view),
#   (c) the door page's tap form, posted as htmx does by a signed-in door tablet (cookie + CSRF header),
#   (d) the desk page's scan form, the same way, each ticket once.
# Prints throughput and p50/p99 latency per phase, then checks that every answer was the page it
# should be and that the event's statistics equal exactly what wrk saw accepted (PASS/FAIL).
#
# Settings (environment): as bench/run.sh (BENCH_DURATION, BENCH_CONNECTIONS, BENCH_THREADS,
# BENCH_WARMUP, BENCH_PORT, BENCH_JAVA_OPTS, BENCH_SETTLE_MAX, BENCH_KEEP), and
#   BENCH_REGISTER     seconds of API registrations before the phases (the attendees of (b)-(d)) (60)
#   BENCH_CHECKED_IN   attendees checked in through the API for the door phase (4000); the desk phase
#                      scans the others
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

REGISTER="${BENCH_REGISTER:-60}"
CHECKED_IN="${BENCH_CHECKED_IN:-4000}"
SLUG=bench-pages
DEMO=demo

# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
bench_prepare
start_app true

# --- the benchmark event ----------------------------------------------------------------------
# The desk and door pages use the server's clock (no "at" as in the API), so the event's day must be
# today where it takes place, with the doors open and the keynote running. The event's zone is
# therefore picked so that it is 10:xx there now (a whole-hour Etc/GMT zone; note its inverted sign).
event_zone_at 10
SMALL_ROOM=300 # rooms R01 and R02 fill up, so the door phase also meets full rooms
# A session's door admits from 30 minutes before the session until its end, so the sessions run now (10:00-11:59
# where the event takes place). Each (attendee, session) pair is tapped once (a second tap is a re-entry and counts
# nothing), so the warm-up taps at half of the first day's session doors and the measured run at the other half
# (S101 and S102 are the small rooms).
export BENCH_SESSION_START=10:00 BENCH_SESSION_END=11:59
SESSIONS="$(seq -f 'S1%02g' 1 12 | paste -sd,)"
WARMUP_SESSIONS="$(seq -f 'S1%02g' 13 24 | paste -sd,)"


# sign_in ROLE PAGE: signs in with a new staff token of ROLE as a browser does (the sign-in form's CSRF
# token and cookie, then POST /login), opens PAGE and prints "cookie-header<TAB>csrf-token" for wrk:
# the page's own CSRF token (its meta tag), as confer.js sends it with every htmx request.
sign_in() {
  local role=$1 page=$2 staff jar form csrf html
  staff="$(api POST "/api/v1/events/$SLUG/staff-tokens" "{\"role\":\"$role\",\"label\":\"bench $role\"}" | jq -r .token)"
  jar="$(mktemp "$WORK/jar.XXXXXX")"
  form="$(curl -fsS -c "$jar" -b "$jar" "$BASE/login")"
  csrf="$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' <<<"$form" | head -1)"
  [ -n "$csrf" ] || die "no CSRF token in the sign-in form"
  curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "token=$staff" --data-urlencode "_csrf=$csrf" "$BASE/login" \
    || die "signing in as $role failed"
  html="$(curl -fsS -c "$jar" -b "$jar" -H 'Accept: text/html' "$BASE$page")" || die "$page did not open after signing in"
  csrf="$(sed -n 's/.*<meta name="csrf-token" content="\([^"]*\)".*/\1/p' <<<"$html" | head -1)"
  [ -n "$csrf" ] || die "no CSRF token on $page"
  # a cookie jar line: domain, subdomains, path, secure, expiry, name, value (HttpOnly ones start with #HttpOnly_)
  printf '%s\t%s\n' "$(awk -F'\t' '$6 == "confer-staff" || $6 == "confer-csrf" { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")" "$csrf"
}

# --- setup: registrations and check-ins through the API -----------------------------------------
api PUT "/api/v1/events/$SLUG" "$(bench_event "Confer 페이지 벤치마크" "Confer pages benchmark" "$ZONE" 06:00 22:00 09:00 12:00)" >/dev/null
say "Event '$SLUG' in $ZONE (now $(TZ="$ZONE" date +%H:%M) there, day $DAY1); demo summit '$DEMO'"
DESK_API="$(api POST "/api/v1/events/$SLUG/staff-tokens" '{"role":"DESK","label":"bench desk API"}' | jq -r .token)"
say "Setup: registrations through the API for $REGISTER s, then $CHECKED_IN of them checked in through the API:"
run_phase setup-registrations register.lua "$SLUG" "$REGISTER" BENCH_MANAGE=1
cat "$WORK"/wrk/manage-*.txt >"$WORK/manage.txt"
REGISTERED="$(wc -l <"$WORK/manage.txt" | tr -d ' ')"
[ "$REGISTERED" -gt "$CHECKED_IN" ] || die "only $REGISTERED registrations; raise BENCH_REGISTER or lower BENCH_CHECKED_IN"
awk -v slug="$SLUG" '{ print "/e/" slug "/my-ticket/" $1 "?token=" $2 }' "$WORK/manage.txt" >"$WORK/my-ticket-paths.txt"
head -n "$CHECKED_IN" "$WORK/manage.txt" | cut -d' ' -f3 >"$WORK/door-tickets.txt"
tail -n +"$((CHECKED_IN + 1))" "$WORK/manage.txt" | cut -d' ' -f3 >"$WORK/desk-tickets.txt"
settle
# wrk always runs for its whole -d, so the time given is what the check-ins need at ~200/s, not more
run_phase setup-check-ins checkin.lua "$SLUG" "$((CHECKED_IN / 200 + 5))" BENCH_TOKEN="$DESK_API" \
  BENCH_TICKETS="$WORK/door-tickets.txt" BENCH_AT="$(date -u +%FT%TZ)"

IFS=$'\t' read -r DOOR_COOKIE DOOR_CSRF < <(sign_in DOOR "/door/$SLUG/session/S103")
IFS=$'\t' read -r DESK_COOKIE DESK_CSRF < <(sign_in DESK "/desk/$SLUG")

demo_day2="$(api GET "/api/v1/events/$DEMO" | jq -r '.days[1].date')"
printf '%s\n' "/e/$DEMO/agenda" "/e/$DEMO/agenda?day=$demo_day2" >"$WORK/agenda-paths.txt"
printf '%s\n' "/e/$DEMO" >"$WORK/landing-paths.txt"
sessions_held="$(curl -fsS "$BASE/e/$DEMO/agenda" | grep -c 'href="/e/demo/sessions/' || true)"

# --- the phases ---------------------------------------------------------------------------------
# run_pages PREFIX SECONDS SESSIONS: the five phases; the desk phase scans tickets no earlier phase scanned
cp "$WORK/desk-tickets.txt" "$WORK/desk-unscanned.txt"
run_pages() {
  local prefix=$1 secs=$2 sessions=$3
  settle
  run_phase "${prefix}agenda" page-get.lua "$DEMO" "$secs" BENCH_PATHS="$WORK/agenda-paths.txt" BENCH_EXPECT='id="agenda-results"'
  settle
  run_phase "${prefix}landing" page-get.lua "$DEMO" "$secs" BENCH_PATHS="$WORK/landing-paths.txt" BENCH_EXPECT='<main id="main"'
  settle
  run_phase "${prefix}my-ticket" page-get.lua "$SLUG" "$secs" BENCH_PATHS="$WORK/my-ticket-paths.txt" BENCH_EXPECT='src="data:image/png;base64,'
  settle
  run_phase "${prefix}door-taps" door-tap.lua "$SLUG" "$secs" BENCH_TICKETS="$WORK/door-tickets.txt" \
    BENCH_SESSIONS="$sessions" BENCH_COOKIE="$DOOR_COOKIE" BENCH_CSRF="$DOOR_CSRF"
  settle
  rm -f "$WORK"/wrk/scanned-*.txt
  run_phase "${prefix}desk-scans" desk-scan.lua "$SLUG" "$secs" BENCH_TICKETS="$WORK/desk-unscanned.txt" \
    BENCH_COOKIE="$DESK_COOKIE" BENCH_CSRF="$DESK_CSRF"
  cat "$WORK"/wrk/scanned-*.txt >"$WORK/${prefix}scanned.txt"
  grep -vxFf "$WORK/${prefix}scanned.txt" "$WORK/desk-unscanned.txt" >"$WORK/desk-left.txt" || true
  mv "$WORK/desk-left.txt" "$WORK/desk-unscanned.txt"
}

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
say "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION s per phase (+ up to ${DRAIN} s to collect answers in flight)"
if [ "$WARMUP" -gt 0 ]; then
  say "Warm-up ($WARMUP s per phase):"
  run_pages "warmup-" "$WARMUP" "$WARMUP_SESSIONS"
fi
say "Measured run:"
run_pages "" "$DURATION" "$SESSIONS"

# --- figures --------------------------------------------------------------------------------------
echo
printf 'Confer pages benchmark, %s, %s, %s cores, load average before/after %s / %s; wrk %s threads, %s connections, %s s per phase\n' \
  "$(date -u +%FT%TZ)" "$(uname -m)" "$(nproc)" "$LOAD_BEFORE" "$(cut -d' ' -f1-3 /proc/loadavg)" "$THREADS" "$CONNECTIONS" "$DURATION"
printf 'setup: %s registrations through the API (%s/s), %s checked in through the API; demo agenda shows %s sessions\n' \
  "$REGISTERED" "$(result "$WORK/setup-registrations.result" rate)" "$(result "$WORK/setup-check-ins.result" status_200)" "$sessions_held"
print_figures agenda landing my-ticket door-taps desk-scans
echo

# --- checks ---------------------------------------------------------------------------------------

echo "Answers (every request of the benchmark should be the page it asked for, warm-up included):"
for phase in agenda landing my-ticket; do
  check "$phase answers that were not the page (200 + content)" 0 "$(($(sum requests "$phase") - $(sum outcome_page "$phase")))"
done
check "door taps not answered 200" 0 "$(($(sum requests door-taps) - $(sum status_200 door-taps)))"
check "door taps refused (REJECTED, NOT_CHECKED_IN, unreadable)" 0 \
  "$(($(sum outcome_REJECTED door-taps) + $(sum outcome_NOT_CHECKED_IN door-taps) + $(sum outcome_UNREADABLE door-taps)))"
check "door taps admitted (a phase without any is no test)" yes "$([ "$(sum outcome_ADMITTED door-taps)" -gt 0 ] && echo yes || echo no)"
check "desk scans not answered 200" 0 "$(($(sum requests desk-scans) - $(sum status_200 desk-scans)))"
check "desk scans not CHECKED_IN (each ticket is scanned once)" 0 "$(($(sum requests desk-scans) - $(sum outcome_CHECKED_IN desk-scans)))"
check "API check-ins of the setup not answered 200" 0 \
  "$(($(result "$WORK/setup-check-ins.result" requests) - $(result "$WORK/setup-check-ins.result" status_200)))"

stats="$(api GET "/api/v1/events/$SLUG/stats")"
echo "$stats" >"$WORK/stats.json"
echo "Statistics of '$SLUG' against what wrk saw accepted (expected = actual):"
check "checked in on $DAY1 (API firstToday + desk CHECKED_IN)" \
  "$(($(result "$WORK/setup-check-ins.result" outcome_first_today) + $(sum outcome_CHECKED_IN desk-scans)))" \
  "$(jq -r --arg d "$DAY1" '[.days[]? | select(.day == $d) | .checkedIn] | first // 0' <<<"$stats")"
check "admitted at session doors (door page ADMITTED)" "$(sum outcome_ADMITTED door-taps)" \
  "$(jq -r '[.sessions[]?.admitted] | add // 0' <<<"$stats")"
check "turned away at full doors (door page FULL)" "$(sum outcome_FULL door-taps)" \
  "$(jq -r '[.sessions[]?.turnedAway] | add // 0' <<<"$stats")"
check "sessions admitted beyond their capacity" 0 "$(jq -r '[.sessions[]? | select(.admitted > .capacity)] | length' <<<"$stats")"
echo
if [ "$FAILURES" -eq 0 ]; then
  echo "PASS: every answer was the page it should be, and the statistics match what wrk saw accepted"
else
  echo "FAIL: $FAILURES check(s) did not match (details above; kept $WORK)"
  BENCH_KEEP=1
  exit 1
fi
