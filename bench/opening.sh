#!/usr/bin/env bash
# Opening-day benchmark: starts Confer on a fresh embedded PostgreSQL, defines an event whose registration opens in
# about a minute behind a waiting room, and runs bench/opening.py: VISITORS join the queue spread over one minute,
# poll as the waiting page does, register when admitted; it reports fairness (Spearman rank correlation of arrival
# and admission order), places filled, oversell (must be 0) and the answer times while the queue drains. Then the
# rate limiter's cost: the registration phase of bench/run.sh (wrk, register.lua) with the limits off and on (limits
# set so high that nothing is refused, so only their bookkeeping is measured), each on a fresh instance after a
# warm-up phase, in BENCH_LIMITER_ORDER ("off on"). BENCH_OPENING_VISITORS=0 runs only this part.
# Settings: BENCH_OPENING_VISITORS (20000), BENCH_OPENING_PLACES (5000), BENCH_OPENING_RATE (admitPerMinute, 5000),
# BENCH_OPENING_ARRIVALS (seconds over which visitors arrive, 60), BENCH_LIMITER_SECONDS (20), BENCH_PGBENCH_SECONDS,
# BENCH_PORT, BENCH_JAVA_OPTS, BENCH_KEEP=1 (see bench/run.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
command -v python3 >/dev/null 2>&1 || die "needs python3"
VISITORS="${BENCH_OPENING_VISITORS:-20000}"
PLACES="${BENCH_OPENING_PLACES:-5000}"
RATE="${BENCH_OPENING_RATE:-5000}"
ARRIVALS="${BENCH_OPENING_ARRIVALS:-60}"
LIMITER_SECONDS="${BENCH_LIMITER_SECONDS:-20}"
bench_prepare
start_app false
pgbench_baseline "${BENCH_PGBENCH_SECONDS:-20}"

DAY1="$(TZ=Asia/Seoul date -d tomorrow +%F)"
DAY2="$(TZ=Asia/Seoul date -d "$DAY1 + 1 day" +%F)"
SMALL_ROOM=300
if [ "$VISITORS" -gt 0 ]; then # BENCH_OPENING_VISITORS=0 measures only the rate limiter
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
BENCH_PORT="$PORT" BENCH_OPENS="$OPENS" python3 "$ROOT/bench/opening.py" "$SLUG" "$TOKEN" "$VISITORS" "$PLACES" "$ARRIVALS" \
  | tee "$WORK/opening.txt"
printf 'statistics: %s\n' "$(api GET "/api/v1/events/$SLUG/stats" | jq -c '.registrations')"
printf 'waiting room: %s\n' "$(api GET "/api/v1/events/$SLUG/queue" | jq -c .)"
printf 'pgbench -N (32 clients, same disk, same run): %s tps, mean latency %s ms\n' "$PGBENCH_TPS" "$PGBENCH_LATENCY_MS"
CONFIRMED="$(api GET "/api/v1/events/$SLUG/stats" | jq '.registrations.CONFIRMED // 0')"
[ "$CONFIRMED" -le "$PLACES" ] || die "OVERSOLD: $CONFIRMED confirmed for $PLACES places"
fi

# --- the rate limiter's cost per request: the same registration phase with the limits off and on -----------------
limiter_phase() { # limiter_phase NAME: a warm-up phase on its own event (a fresh JVM is slow), then the measured one
  local slug
  for slug in "limiter-warm-$1" "limiter-$1"; do
    api PUT "/api/v1/events/$slug" "$(bench_event "리미터" "Limiter" Asia/Seoul 08:00 18:00 10:00 11:30)" >/dev/null
    settle
    run_phase "$slug" register.lua "$slug" "$LIMITER_SECONDS"
  done
}
# each setting on a fresh instance with its own warm-up, in BENCH_LIMITER_ORDER ("off on" by default)
for setting in ${BENCH_LIMITER_ORDER:-off on}; do
  FIRST_WORK="$WORK"
  stop_app
  trap - EXIT
  if [ "$setting" = on ]; then
    CONFER_RATE_LIMITS=on CONFER_RATE_LIMIT_REGISTRATIONS_PER_ADDRESS_PER_MINUTE=1000000000 \
      CONFER_RATE_LIMIT_REGISTRATIONS_PER_EMAIL_PER_HOUR=1000000000 start_app false
  else
    CONFER_RATE_LIMITS=off start_app false
  fi
  for kept in "$FIRST_WORK"/limiter-*.result; do if [ -f "$kept" ]; then cp "$kept" "$WORK/"; fi; done
  [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$FIRST_WORK"
  limiter_phase "$setting"
done
printf '\nrate limiter (registration phase, %s s, %s connections):\n' "$LIMITER_SECONDS" "$CONNECTIONS"
print_figures limiter-off limiter-on
