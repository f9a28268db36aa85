#!/usr/bin/env bash
# Confer agenda benchmark: the personal agenda and team votes as attendees' phones use them on the day.
# Starts Confer on a fresh embedded PostgreSQL, defines an event whose 24 sessions a day start at 13:00,
# registers attendees and teams through the API, stars two sessions for each attendee, then drives with wrk:
#   (a) next-card: the next-session card of My ticket (GET .../my-ticket/{id}/next), which every open My
#       ticket polls every 30 s: with 29,000 attendees that is ~1,000 requests/s at the event;
#   (b) my-agenda: the My agenda page (GET .../my-ticket/{id}/agenda);
#   (c) votes: team members changing their vote in the 13:00 slot over and over (PUT .../team/votes/{slot});
#   (d) tallies: the team page's live tally poll (GET .../my-ticket/{id}/team/tallies, every 5 s per open page).
# Prints throughput and p50/p99 per phase, then checks every answer and that each team's board counts
# exactly one vote per member and its plan has the most votes (PASS/FAIL).
#
# Settings (environment): as bench/run.sh (BENCH_DURATION, BENCH_CONNECTIONS, BENCH_THREADS, BENCH_WARMUP,
# BENCH_PORT, BENCH_JAVA_OPTS, BENCH_SETTLE_MAX, BENCH_KEEP), and
#   BENCH_REGISTER  seconds of API registrations before the phases (20)
#   BENCH_TEAMS     teams of 10 registered through the API (200)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

REGISTER="${BENCH_REGISTER:-20}"
TEAMS="${BENCH_TEAMS:-200}"
SLUG=bench-agenda

# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
bench_prepare
start_app false

# the event's day is today where it takes place and it is 10:xx there now (as in pages.sh), so the
# 13:00 sessions are next and their slot is still open for votes
event_zone_at 10
SMALL_ROOM=300
SLOT="${DAY1}T13:00"
SESSIONS="$(seq -f 'S1%02g' 1 24 | paste -sd,)"

# --- setup -------------------------------------------------------------------------------------------
api PUT "/api/v1/events/$SLUG" "$(bench_event "Confer 아젠다 벤치마크" "Confer agenda benchmark" "$ZONE" 06:00 22:00 09:00 12:00)" >/dev/null
say "Event '$SLUG' in $ZONE (now $(TZ="$ZONE" date +%H:%M) there, day $DAY1)"
say "Setup: registrations through the API for $REGISTER s, $TEAMS teams of 10, two stars per attendee:"
run_phase setup-registrations register.lua "$SLUG" "$REGISTER" BENCH_MANAGE=1
cat "$WORK"/wrk/manage-*.txt | cut -d' ' -f1,2 >"$WORK/people.txt"
: >"$WORK/team-members.txt"
: >"$WORK/team-leads.txt"
for t in $(seq 1 "$TEAMS"); do
  body="$(jq -n --arg t "$t" '{name: ("Bench team " + $t), locale: "en",
            members: [range(0; 10) | {name: ("Member " + (. | tostring)), email: ("t" + $t + ".m" + (. | tostring) + "@bench-team.example")}]}')"
  answer="$(curl -fsS -X POST -H 'Content-Type: application/json' --data-binary "$body" "$BASE/api/v1/events/$SLUG/teams")" \
    || die "team $t was not registered"
  jq -r '.members[] | .id + " " + .manageToken' <<<"$answer" >>"$WORK/team-members.txt"
  jq -r '.members[0] | .id + " " + .manageToken' <<<"$answer" >>"$WORK/team-leads.txt"
done
cat "$WORK/team-members.txt" >>"$WORK/people.txt"
PEOPLE="$(wc -l <"$WORK/people.txt" | tr -d ' ')"
# wrk always runs for its whole -d, so the time given is what two stars per attendee need at ~1,500/s
run_phase setup-stars agenda-put.lua "$SLUG" "$((PEOPLE * 2 / 1500 + 10))" BENCH_MODE=star BENCH_PEOPLE="$WORK/people.txt" BENCH_SESSIONS="$SESSIONS"
awk -v slug="$SLUG" '{ print "/e/" slug "/my-ticket/" $1 "/next?token=" $2 }' "$WORK/people.txt" >"$WORK/next-paths.txt"
awk -v slug="$SLUG" '{ print "/e/" slug "/my-ticket/" $1 "/agenda?token=" $2 }' "$WORK/people.txt" >"$WORK/agenda-paths.txt"
awk -v slug="$SLUG" '{ print "/e/" slug "/my-ticket/" $1 "/team/tallies?token=" $2 }' "$WORK/team-members.txt" >"$WORK/tally-paths.txt"

run_all() {
  local prefix=$1 secs=$2
  settle
  run_phase "${prefix}next-card" page-get.lua "$SLUG" "$secs" BENCH_PATHS="$WORK/next-paths.txt" BENCH_EXPECT='id="next-title"'
  settle
  run_phase "${prefix}my-agenda" page-get.lua "$SLUG" "$secs" BENCH_PATHS="$WORK/agenda-paths.txt" BENCH_EXPECT='id="mine"'
  settle
  run_phase "${prefix}votes" agenda-put.lua "$SLUG" "$secs" BENCH_MODE=vote BENCH_PEOPLE="$WORK/team-members.txt" \
    BENCH_SLOT="$SLOT" BENCH_SESSIONS="$SESSIONS"
  cat "$WORK"/wrk/voted-*.txt >>"$WORK/voted.txt"
  settle
  run_phase "${prefix}tallies" page-get.lua "$SLUG" "$secs" BENCH_PATHS="$WORK/tally-paths.txt" BENCH_EXPECT='class="site-tally"'
}

: >"$WORK/voted.txt"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
say "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION s per phase"
if [ "$WARMUP" -gt 0 ]; then
  say "Warm-up ($WARMUP s per phase):"
  run_all "warmup-" "$WARMUP"
fi
say "Measured run:"
run_all "" "$DURATION"

# --- figures -------------------------------------------------------------------------------------------
echo
printf 'Confer agenda benchmark, %s, %s, %s cores, load average before/after %s / %s; wrk %s threads, %s connections, %s s per phase\n' \
  "$(date -u +%FT%TZ)" "$(uname -m)" "$(nproc)" "$LOAD_BEFORE" "$(cut -d' ' -f1-3 /proc/loadavg)" "$THREADS" "$CONNECTIONS" "$DURATION"
printf 'setup: %s attendees (%s in %s teams of 10), %s stars\n' "$PEOPLE" "$((TEAMS * 10))" "$TEAMS" \
  "$(result "$WORK/setup-stars.result" outcome_ok)"
print_figures next-card my-agenda votes tallies
echo

# --- checks ----------------------------------------------------------------------------------------------
echo "Answers (warm-up included):"
check "stars not answered 200" 0 "$(($(result "$WORK/setup-stars.result" requests) - $(result "$WORK/setup-stars.result" outcome_ok)))"
for phase in next-card my-agenda tallies; do
  check "$phase answers that were not the page (200 + content)" 0 "$(($(sum requests "$phase") - $(sum outcome_page "$phase")))"
done
check "votes not answered 200" 0 "$(($(sum requests votes) - $(sum outcome_ok votes)))"

echo "Team boards against the votes wrk saw accepted:"
VOTERS="$(sort -u "$WORK/voted.txt" | wc -l | tr -d ' ')"
counted=0; wrong_plans=0
while read -r lead token; do
  board="$(curl -fsS -H "X-Manage-Token: $token" "$BASE/api/v1/events/$SLUG/registrations/$lead/team")"
  slot="$(jq --arg s "$SLOT" '.slots[] | select(.slot == $s)' <<<"$board")"
  counted=$((counted + $(jq '.votes' <<<"$slot")))
  wrong_plans=$((wrong_plans + $(jq '(.candidates | map(.votes) | max // 0) as $top
      | if .votes == 0 then 0 elif ([.candidates[] | select(.session == .plan)] | length) > 0 then 0
        else ([.candidates[] | select(.plan)] | first | if .votes == $top then 0 else 1 end) end' <<<"$slot")))
done <"$WORK/team-leads.txt"
check "votes on the boards (one per member who voted)" "$VOTERS" "$counted"
check "boards whose plan is not a most-voted session" 0 "$wrong_plans"
echo
if [ "$FAILURES" -eq 0 ]; then
  echo "PASS: every answer was right, and every board counts exactly one vote per member who voted"
else
  echo "FAIL: $FAILURES check(s) did not match (details above; kept $WORK)"
  BENCH_KEEP=1
  exit 1
fi
