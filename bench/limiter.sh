#!/usr/bin/env bash
# The rate limiter's cost per request (issue 14): two instances side by side, each on a fresh embedded PostgreSQL,
# one with CONFER_RATE_LIMITS=off and one with the limits on but set so high that nothing is refused (so only their
# bookkeeping is measured), driven in turns by wrk with bench/lua/refused-registration.lua: a registration refused
# with 400 for its e-mail, so a request is the per-address check in the filter plus a cheap validation and no
# database write (the limiter's share of an answer is as large as it gets on a limited endpoint). Both get a
# warm-up; the turns alternate (off on, on off, ...) so a change in the machine's load hits both sides alike. Prints
# every turn and each side's median, then runs the micro-benchmark of the check itself (RateLimitsBench).
# Settings: BENCH_LIMITER_RUNS (7 turns each way), BENCH_LIMITER_SECONDS (10 per turn), BENCH_LIMITER_MICRO (1; 0
# skips the micro-benchmark), BENCH_CONNECTIONS, BENCH_THREADS, BENCH_PORT (the second instance takes the next
# port), BENCH_JAVA_OPTS, BENCH_TMPDIR, BENCH_KEEP=1 (see bench/run.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
RUNS="${BENCH_LIMITER_RUNS:-7}"
SECS="${BENCH_LIMITER_SECONDS:-10}"
HIGH=1000000000
bench_prepare
CONFER_RATE_LIMITS=off start_app false
OFF_BASE="$BASE"
ON_PORT=$((PORT + 1))
ON_BASE="http://127.0.0.1:$ON_PORT"
ON_PID=""
curl -s -o /dev/null "$ON_BASE/" && die "port $ON_PORT is already in use; set BENCH_PORT"

stop_on() {
  if [ -n "$ON_PID" ] && kill -0 "$ON_PID" 2>/dev/null; then
    kill "$ON_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$ON_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$ON_PID" 2>/dev/null || true
  fi
  local pidfile="$WORK/data-on/postgres/postmaster.pid" pg_pid
  if [ -f "$pidfile" ]; then
    pg_pid="$(head -1 "$pidfile")"
    if [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null; then kill -INT "$pg_pid" 2>/dev/null || true; sleep 2; fi
  fi
}
trap 'rc=$?; stop_on; (exit $rc); cleanup' EXIT

say "Starting the second instance (limits on, $HIGH a minute per address) on port $ON_PORT..."
# shellcheck disable=SC2086
SERVER_PORT="$ON_PORT" CONFER_DATA_DIR="$WORK/data-on" CONFER_DEMO=false CONFER_ADMIN_TOKEN="$TOKEN" CONFER_RATE_LIMITS=on \
  CONFER_RATE_LIMIT_REGISTRATIONS_PER_ADDRESS_PER_MINUTE=$HIGH CONFER_RATE_LIMIT_REGISTRATIONS_PER_EMAIL_PER_HOUR=$HIGH \
  "$JAVA_HOME/bin/java" $JAVA_OPTS -jar target/confer.jar >"$WORK/app-on.log" 2>&1 &
ON_PID=$!
for i in $(seq 1 240); do
  if curl -fsS "$ON_BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; then break; fi
  kill -0 "$ON_PID" 2>/dev/null || { tail -40 "$WORK/app-on.log" >&2; die "the second instance did not start"; }
  [ "$i" -lt 240 ] || die "the second instance did not become healthy in 120 s"
  sleep 0.5
done

DAY1="$(TZ=Asia/Seoul date -d tomorrow +%F)"
DAY2="$(TZ=Asia/Seoul date -d "$DAY1 + 1 day" +%F)"
SMALL_ROOM=300
SLUG=limiter
for side in off on; do
  if [ "$side" = on ]; then BASE="$ON_BASE"; else BASE="$OFF_BASE"; fi
  api PUT "/api/v1/events/$SLUG" "$(bench_event "리미터" "Limiter" Asia/Seoul 08:00 18:00 10:00 11:30)" >/dev/null
  say "warm-up, limits $side:"
  run_phase "warm-$side" refused-registration.lua "$SLUG" $((SECS * 2))
done

turn() { # turn SIDE N
  if [ "$1" = on ]; then BASE="$ON_BASE"; else BASE="$OFF_BASE"; fi
  run_phase "$1-$2" refused-registration.lua "$SLUG" "$SECS"
}
for n in $(seq 1 "$RUNS"); do
  if [ $((n % 2)) = 1 ]; then turn off "$n"; turn on "$n"; else turn on "$n"; turn off "$n"; fi
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf '\nrate limiter, %s turns of %s s each way, %s connections, answers 400 (refused e-mail):\n' "$RUNS" "$SECS" "$CONNECTIONS"
print_figures $(for n in $(seq 1 "$RUNS"); do echo "off-$n on-$n"; done)
for side in off on; do
  files=$(for n in $(seq 1 "$RUNS"); do echo "$WORK/$side-$n.result"; done)
  printf 'limits %-3s median of %s turns: %s/s, p50 %s ms, p99 %s ms; answers: %s\n' "$side" "$RUNS" \
    "$(for f in $files; do result "$f" rate; done | median)" \
    "$(for f in $files; do result "$f" p50_ms; done | median)" \
    "$(for f in $files; do result "$f" p99_ms; done | median)" \
    "$(cat $files | grep -E '^status_' | awk -F= '{ s[$1] += $2 } END { for (k in s) printf "%s=%d ", k, s[k] }')"
done
stop_on

if [ "${BENCH_LIMITER_MICRO:-1}" = 1 ]; then
  say "Micro-benchmark of the check (RateLimitsBench)..."
  ./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
  "$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" dev.confer.platform.RateLimitsBench
fi
