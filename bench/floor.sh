#!/usr/bin/env bash
# Floor devices benchmark: starts Confer on a fresh embedded PostgreSQL, defines an event today in Seoul (doors
# and sessions all day, rooms R01 and R02 with 100 seats) and runs bench/floor.py against it: 30,000 registrations,
# the roster (full and deltas, desk and door), 20 devices syncing 10,000 queued actions at once and again.
# Settings: BENCH_FLOOR_PEOPLE (30000), BENCH_PORT (18080), BENCH_JAVA_OPTS, BENCH_KEEP=1 (see bench/run.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
command -v python3 >/dev/null 2>&1 || die "needs python3"
bench_prepare
start_app false

DAY1="$(TZ=Asia/Seoul date +%F)"
DAY2="$(TZ=Asia/Seoul date -d "$DAY1 + 1 day" +%F)"
SMALL_ROOM=100
export BENCH_SESSION_START=00:00 BENCH_SESSION_END=23:59
SLUG="floor-bench"
api PUT "/api/v1/events/$SLUG" "$(bench_event "Confer 현장 벤치마크" "Confer floor benchmark" Asia/Seoul 00:00 23:59 00:00 23:59)" >/dev/null
say "Event '$SLUG' today in Seoul ($DAY1, now $(TZ=Asia/Seoul date +%H:%M) there)"
BENCH_PORT="$PORT" python3 "$ROOT/bench/floor.py" "$SLUG" "$TOKEN"
