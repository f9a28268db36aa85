#!/usr/bin/env bash
# Opening-day benchmark: starts Confer on a fresh embedded PostgreSQL, defines an event whose registration opens in
# about a minute behind a waiting room, and runs bench/Opening.java (the JDK's source launcher, virtual threads):
# VISITORS join the queue spread over one minute, poll as the waiting page does, register when admitted (or leave
# when the room says sold out); it reports fairness (Spearman rank correlation of arrival and admission order), places
# filled, oversell (must be 0) and p50/p99 per call type while the queue drains.
# The rate limiter's cost is measured by bench/limiter.sh.
# Settings: BENCH_OPENING_VISITORS (20000), BENCH_OPENING_PLACES (5000), BENCH_OPENING_RATE (admitPerMinute, 5000),
# BENCH_OPENING_ARRIVALS (seconds over which visitors arrive, 60), BENCH_OPENING_CONNECTIONS (requests in flight, 1024),
# BENCH_OPENING_POLL_MIN (shortest poll interval, 5 s), BENCH_OPENING_GIVE_UP (visitors leave this long after the last
# arrival, 600 s), BENCH_PGBENCH_SECONDS, BENCH_PORT, BENCH_JAVA_OPTS, BENCH_TMPDIR, BENCH_KEEP=1 (see bench/run.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
VISITORS="${BENCH_OPENING_VISITORS:-20000}"
PLACES="${BENCH_OPENING_PLACES:-5000}"
RATE="${BENCH_OPENING_RATE:-5000}"
ARRIVALS="${BENCH_OPENING_ARRIVALS:-60}"
bench_prepare
start_app false
pgbench_baseline "${BENCH_PGBENCH_SECONDS:-20}"

DAY1="$(TZ=Asia/Seoul date -d tomorrow +%F)"
DAY2="$(TZ=Asia/Seoul date -d "$DAY1 + 1 day" +%F)"
SMALL_ROOM=300
# registration opens at the first whole minute at least 30 s away (event time, Seoul): visitors arriving over the
# next minute find the room on, the early ones wait for the opening, the rest queue behind them
OPENS="$(TZ=Asia/Seoul date -d "@$(( ($(date +%s) + 30 + 59) / 60 * 60 ))" +%Y-%m-%dT%H:%M)"
SLUG="opening-bench"
api PUT "/api/v1/events/$SLUG" "$(bench_event "Confer 오프닝 벤치마크" "Confer opening benchmark" Asia/Seoul 08:00 18:00 10:00 11:30 \
  | jq --argjson places "$PLACES" --argjson rate "$RATE" --arg opens "$OPENS" \
    '.capacity = $places | .waitlist = 0 | .days |= map(.mealVouchers = $places)
     | .registration = {opensAt: $opens, waitingRoom: {admitPerMinute: $rate}}')" >/dev/null
say "Event '$SLUG': $PLACES places, registration opens $OPENS (Seoul) behind a waiting room admitting $RATE a minute"
settle
BENCH_PORT="$PORT" "$JAVA_HOME/bin/java" -XX:+UseParallelGC "$ROOT/bench/Opening.java" "$SLUG" "$VISITORS" "$PLACES" "$ARRIVALS" \
  | tee "$WORK/opening.txt"
printf 'statistics: %s\n' "$(api GET "/api/v1/events/$SLUG/stats" | jq -c '.registrations')"
printf 'waiting room: %s\n' "$(api GET "/api/v1/events/$SLUG/queue" | jq -c .)"
printf 'pgbench -N (32 clients, same disk, same run): %s tps, mean latency %s ms\n' "$PGBENCH_TPS" "$PGBENCH_LATENCY_MS"
CONFIRMED="$(api GET "/api/v1/events/$SLUG/stats" | jq '.registrations.CONFIRMED // 0')"
[ "$CONFIRMED" -le "$PLACES" ] || die "OVERSOLD: $CONFIRMED confirmed for $PLACES places"
