#!/usr/bin/env bash
# Summit-day replay (issue 12): starts Confer on a fresh embedded PostgreSQL, defines a two-day summit today and
# tomorrow in Seoul (12 desks, 17 rooms, 160 sessions, 100 booths), registers everyone through the API, then replays
# day 1 through the floor devices' sync API at accelerated event time with realistic arrival curves (the rush before
# the keynote, session changeovers, lunch at the booths) and runs bench/summit_day.py's checks: throughput, p99, and
# the ops room's alerts (GET .../ops/alerts) -- every alert on a clean replay, and for each injected fault whether
# its alert opened and how late in event minutes. Confer mails through bench/smtp_sink.py (a small real SMTP server,
# ports BENCH_PORT+30 and +31 for its control), which refuses during the smtp fault and counts every mail it gets.
# Settings: SUMMIT_PEOPLE (30000), SUMMIT_TAPS (500000, taps at doors and booths), SUMMIT_FAULTS ("desk,door,smtp";
# "none" for a clean replay), SUMMIT_WALKINS (3 % of the people: registered on the day), SUMMIT_MAX_SPEED (150: never
# faster than 150x event time, as mail is sent in wall time; 0 = unpaced), SUMMIT_THREADS (8), SUMMIT_MAIL_WAIT (900: seconds to wait for the confirmation mails before the
# replay; 0 replays at once, sharing the cores with composing them), BENCH_PORT (18080), BENCH_JAVA_OPTS, BENCH_KEEP=1 (see bench/run.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
command -v python3 >/dev/null 2>&1 || die "needs python3"
bench_prepare
# the mail goes to the bench's SMTP sink; the worker's back-off and polling shrink with event time (about 80x here:
# 10 s live is an eighth of an event minute, 125 ms in the replay), or a retry after the outage would be judged 80x late
SMTP_PORT=$((PORT + 30)) SINK_CONTROL=$((PORT + 31))
export SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$SMTP_PORT" CONFER_MAIL_RETRYDELAY=125ms CONFER_MAIL_MAXRETRYDELAY=45s \
  CONFER_MAIL_POLLINTERVAL=100ms CONFER_PUBLIC_URL="$BASE"
start_app false
python3 -u "$ROOT/bench/smtp_sink.py" "$SMTP_PORT" "$SINK_CONTROL" >"$WORK/smtp-sink.log" 2>&1 &
SINK_PID=$!
trap 'rc=$?; kill "$SINK_PID" 2>/dev/null || true; set +e; (exit "$rc"); cleanup' EXIT
for _ in $(seq 1 20); do curl -fsS "http://127.0.0.1:$SINK_CONTROL/count" >/dev/null 2>&1 && break; sleep 0.5; done
pgbench_baseline "${BENCH_PGBENCH_SECONDS:-20}"

# day 1 is yesterday in Seoul, day 2 today: the replayed scans of day 1 are all in the past whatever the hour, as a
# device's synced queue is (a scan time ahead of the server's clock is not believed, see QueuedScans), and registering
# stays open until the last day ends
export DAY2="$(TZ=Asia/Seoul date +%F)" DAY1="$(TZ=Asia/Seoul date -d "$(TZ=Asia/Seoul date +%F) - 1 day" +%F)"
set +e
BENCH_PORT="$PORT" SUMMIT_SMTP_CONTROL="$SINK_CONTROL" python3 -u "$ROOT/bench/summit_day.py" summit "$TOKEN" | tee "$WORK/summit.txt"
STATUS=${PIPESTATUS[0]}
set -e
RATE="$(sed -n 's/.*in [0-9]* s wall (\([0-9]*\) actions\/s.*/\1/p' "$WORK/summit.txt" | head -1)"
printf 'pgbench -N (32 clients, same disk, same run): %s tps, mean latency %s ms; replay %s actions/s = %s x pgbench\n' \
  "$PGBENCH_TPS" "$PGBENCH_LATENCY_MS" "${RATE:--}" "$(ratio "${RATE:-0}")"
exit "$STATUS"
