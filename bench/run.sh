#!/usr/bin/env bash
# Confer load benchmark: starts Confer on a fresh embedded PostgreSQL, defines a benchmark event and
# drives it over HTTP with wrk in three phases:
#   (a) registrations, (b) desk check-ins on the first day, (c) badge taps at session doors.
# Prints throughput and p50/p99 latency per phase, then checks that the event's statistics equal
# exactly what wrk saw accepted (PASS/FAIL). The application is stopped at the end, also on Ctrl-C.
#
# Settings (environment):
#   BENCH_DURATION     seconds per phase                  (30)
#   BENCH_CONNECTIONS  concurrent HTTP connections         (32)
#   BENCH_THREADS      wrk threads                         (2)
#   BENCH_WARMUP       seconds per phase of a warm-up run on a separate event, 0 to skip (5)
#   BENCH_PORT         HTTP port of the application        (18080)
#   BENCH_JAVA_OPTS    JVM options                         (-Xms1g -Xmx1g)
#   BENCH_SETTLE_MAX   longest wait for the application to go idle between phases, seconds (600)
#   BENCH_KEEP=1       keep the temporary directory (data, logs, wrk output) afterwards
#   BENCH_CLUSTER=1    two instances behind HAProxy on an external PostgreSQL instead of one with its
#                      embedded server (bench/lib.sh start_cluster; BENCH_PG_BIN picks the server's binaries)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

# Targets as ratios to pgbench -N on the same machine in the same run (reported, not enforced): the
# throughput of each phase divided by pgbench's tps, and every p99 under 12 x pgbench's mean latency.
TARGET_REGISTRATIONS=0.5
TARGET_CHECKINS=0.5
TARGET_TAPS=1.0
TARGET_P99_LATENCIES=12

# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
bench_prepare
if [ "${BENCH_CLUSTER:-0}" = 1 ]; then start_cluster; else start_app false; fi
pgbench_baseline "${BENCH_PGBENCH_SECONDS:-20}"

# --- the benchmark event ----------------------------------------------------------------------
DAY1="$(TZ=Asia/Seoul date +%F)"
DAY2="$(TZ=Asia/Seoul date -d "$DAY1 + 1 day" +%F)"
CHECKIN_AT="${DAY1}T00:30:00Z" # 09:30 in Seoul: inside the first day's doors (08:00-18:00)
TAP_AT="${DAY1}T04:05:00Z"     # 13:05 in Seoul: five minutes into the first afternoon sessions
SMALL_ROOM=300 # rooms R01 and R02 fill up, so the tap phase also meets full rooms
POINTS="$(seq -f 'session:S1%02g' 1 24 | paste -sd,)"


# run_event PREFIX SLUG SECONDS: define the event and run the three phases against it
run_event() {
  local prefix=$1 slug=$2 secs=$3
  api PUT "/api/v1/events/$slug" "$(bench_event "Confer 벤치마크" "Confer benchmark" Asia/Seoul 08:00 18:00 10:00 11:30)" >/dev/null
  local desk door
  desk="$(api POST "/api/v1/events/$slug/staff-tokens" '{"role":"DESK","label":"bench desks"}' | jq -r .token)"
  door="$(api POST "/api/v1/events/$slug/staff-tokens" '{"role":"DOOR","label":"bench doors"}' | jq -r .token)"

  rm -f "$WORK"/wrk/*.txt
  settle
  run_phase "${prefix}registrations" register.lua "$slug" "$secs"
  cat "$WORK"/wrk/tickets-*.txt >"$WORK/${prefix}tickets.txt"
  settle

  run_phase "${prefix}check-ins" checkin.lua "$slug" "$secs" BENCH_TOKEN="$desk" \
    BENCH_TICKETS="$WORK/${prefix}tickets.txt" BENCH_AT="$CHECKIN_AT"
  cat "$WORK"/wrk/checked-in-*.txt >"$WORK/${prefix}checked-in.txt"
  settle

  run_phase "${prefix}taps" tap.lua "$slug" "$secs" BENCH_TOKEN="$door" \
    BENCH_TICKETS="$WORK/${prefix}checked-in.txt" BENCH_AT="$TAP_AT" BENCH_POINTS="$POINTS"
}

# --- compare the event's statistics with what wrk saw (check: bench/lib.sh) ----------------------
verify() {
  local prefix=$1 slug=$2 stats
  stats="$(api GET "/api/v1/events/$slug/stats")" || { FAILURES=$((FAILURES + 1)); say "  no statistics for $slug"; return; }
  echo "$stats" >"$WORK/${prefix}stats.json"
  local reg="$WORK/${prefix}registrations.result" chk="$WORK/${prefix}check-ins.result" tap="$WORK/${prefix}taps.result"
  echo "Answers of '$slug' (every request of the benchmark should be accepted):"
  check "registrations not answered 201" 0 "$(($(result "$reg" requests) - $(result "$reg" status_201)))"
  check "check-ins not answered 200" 0 "$(($(result "$chk" requests) - $(result "$chk" status_200)))"
  check "taps not answered 200" 0 "$(($(result "$tap" requests) - $(result "$tap" status_200)))"
  check "check-ins made (a phase without any is no test)" yes "$([ "$(result "$chk" status_200)" -gt 0 ] && echo yes || echo no)"
  check "taps admitted (a phase without any is no test)" yes "$([ "$(result "$tap" outcome_ADMITTED)" -gt 0 ] && echo yes || echo no)"
  echo "Statistics of '$slug' against what wrk saw accepted (expected = actual):"
  check "registrations confirmed (201 CONFIRMED)" "$(result "$reg" outcome_CONFIRMED)" \
    "$(jq -r '.registrations.CONFIRMED // 0' <<<"$stats")"
  check "tickets written by the registration phase" "$(result "$reg" status_201)" "$(wc -l <"$WORK/${prefix}tickets.txt" | tr -d ' ')"
  check "check-ins on $DAY1 (200 firstToday)" "$(result "$chk" outcome_first_today)" \
    "$(jq -r --arg d "$DAY1" '[.days[]? | select(.day == $d) | .checkedIn] | first // 0' <<<"$stats")"
  check "lunch vouchers on $DAY1 (200 with mealVoucher)" "$(result "$chk" outcome_meal_voucher)" \
    "$(jq -r --arg d "$DAY1" '[.days[]? | select(.day == $d) | .vouchers.issued] | first // 0' <<<"$stats")"
  check "keynote seats on $DAY1 (200 with keynoteSeat)" "$(result "$chk" outcome_keynote_seat)" \
    "$(jq -r --arg d "$DAY1" '[.days[]? | select(.day == $d) | .keynote.taken] | first // 0' <<<"$stats")"
  check "admitted at session doors (200 ADMITTED)" "$(result "$tap" outcome_ADMITTED)" \
    "$(jq -r '[.sessions[]?.admitted] | add // 0' <<<"$stats")"
  check "turned away at full doors (200 FULL)" "$(result "$tap" outcome_FULL)" \
    "$(jq -r '[.sessions[]?.turnedAway] | add // 0' <<<"$stats")"
  check "sessions admitted beyond their capacity" 0 "$(jq -r '[.sessions[]? | select(.admitted > .capacity)] | length' <<<"$stats")"
  if [ "$(result "$tap" outcome_FULL)" -gt 0 ]; then
    check "small rooms full when taps met FULL (S101, S102)" "$((2 * SMALL_ROOM))" \
      "$(jq -r '[.sessions[]? | select(.code == "S101" or .code == "S102") | .admitted] | add // 0' <<<"$stats")"
  fi
}

# --- run ----------------------------------------------------------------------------------------
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
say "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION s per phase (+ up to ${DRAIN} s to collect answers in flight)"
if [ "$WARMUP" -gt 0 ]; then
  say "Warm-up ($WARMUP s per phase, event bench-warmup):"
  run_event "warmup-" bench-warmup "$WARMUP"
fi
say "Measured run (event bench):"
run_event "" bench "$DURATION"

echo
printf 'Confer benchmark, %s, %s, %s cores, load average before/after %s / %s; wrk %s threads, %s connections, %s s per phase\n' \
  "$(date -u +%FT%TZ)" "$(uname -m)" "$(nproc)" "$LOAD_BEFORE" "$(cut -d' ' -f1-3 /proc/loadavg)" "$THREADS" "$CONNECTIONS" "$DURATION"
printf 'pgbench -N (32 clients, same disk, same run): %s tps, mean latency %s ms\n' "$PGBENCH_TPS" "$PGBENCH_LATENCY_MS"
if [ "${BENCH_CLUSTER:-0}" = 1 ]; then
  printf 'Two Confer instances behind HAProxy on an external PostgreSQL %s; requests each instance answered: %s\n' \
    "$("$PG_BIN/postgres" --version | awk '{print $NF}')" "$(served_per_instance)"
fi
P99_LIMIT="$(awk -v l="$PGBENCH_LATENCY_MS" -v k="$TARGET_P99_LATENCIES" 'BEGIN { printf "%.1f", l * k }')"
printf '%-16s %10s %10s %7s %9s %9s %9s   %s\n' phase requests "per s" ratio "p50 ms" "p99 ms" "max ms" "target"
for phase in registrations check-ins taps; do
  file="$WORK/$phase.result"
  case $phase in
    registrations) target=$TARGET_REGISTRATIONS ;;
    check-ins) target=$TARGET_CHECKINS ;;
    taps) target=$TARGET_TAPS ;;
  esac
  rate="$(result "$file" rate)" p99="$(result "$file" p99_ms)" r="$(ratio "$(result "$file" rate)")"
  met="met"
  if [ "$r" = "-" ] || awk -v r="$r" -v t="$target" -v p="$p99" -v l="$P99_LIMIT" 'BEGIN { exit !(r < t || p >= l) }'; then met="MISSED"; fi
  printf '%-16s %10s %10s %7s %9s %9s %9s   ratio >= %s, p99 < %s ms: %s\n' "$phase" "$(result "$file" requests)" "$rate" "$r" \
    "$(result "$file" p50_ms)" "$p99" "$(result "$file" max_ms)" "$target" "$P99_LIMIT" "$met"
done
echo

if [ "$WARMUP" -gt 0 ]; then verify "warmup-" bench-warmup; fi
verify "" bench
echo
if [ "$FAILURES" -eq 0 ]; then
  echo "PASS: the statistics match what wrk saw accepted"
else
  echo "FAIL: $FAILURES check(s) did not match (details above; kept $WORK)"
  BENCH_KEEP=1
  exit 1
fi
