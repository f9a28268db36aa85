# Shared by bench/run.sh (the API) and bench/pages.sh (the pages): tools, building and starting the
# application on a fresh data directory, HTTP helpers, one wrk phase, and the exact-count check.
# The caller sets ROOT, sources this file (which reads the common BENCH_* settings below), then calls
# bench_prepare and start_app. Sourced, not run.

# --- settings common to every benchmark (environment) ---------------------------------------------
DURATION="${BENCH_DURATION:-30}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"
WARMUP="${BENCH_WARMUP:-5}"
PORT="${BENCH_PORT:-18080}"
JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms1g -Xmx1g}"
DRAIN=5 # wrk runs this much longer than a phase, so every answer in flight is counted
BASE="http://127.0.0.1:$PORT"
TOKEN="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

say() { printf '%s\n' "$*" >&2; }
die() { say "bench: $*"; exit 1; }

# --- tools, JDK and the jar ---------------------------------------------------------------------
bench_prepare() {
  if ! command -v wrk >/dev/null 2>&1; then
    say "Installing wrk (Debian package)..."
    (apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }) \
      || die "wrk is missing and could not be installed; install it with: apt-get install -y wrk"
  fi
  for tool in curl jq; do
    command -v "$tool" >/dev/null 2>&1 || apt-get install -y -qq "$tool" >/dev/null || die "$tool is missing"
  done

  if [ -z "${JAVA_HOME:-}" ] || ! java_ok "$JAVA_HOME"; then
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
      if [ -x "$candidate/bin/java" ] && java_ok "$candidate"; then export JAVA_HOME="$candidate"; break; fi
    done
  fi
  [ -n "${JAVA_HOME:-}" ] && java_ok "$JAVA_HOME" || die "needs a JDK 21 or newer in JAVA_HOME"

  # build the jar when it is missing or older than the sources
  if [ ! -f target/confer.jar ] || [ -n "$(find src pom.xml -newer target/confer.jar -print -quit)" ]; then
    say "Building target/confer.jar..."
    ./mvnw -q -B package -DskipTests
  fi
}

java_ok() { "$1/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; }

# --- start the application on a fresh data directory -------------------------------------------
# bench_workdir: a fresh temporary directory WORK (removed at exit unless kept), once the port is free
bench_workdir() {
  if curl -s -o /dev/null "$BASE/"; then die "port $PORT is already in use; set BENCH_PORT"; fi
  WORK="$(mktemp -d "${BENCH_TMPDIR:-/tmp}/confer-bench.XXXXXX")"
  chmod 755 "$WORK"
  mkdir -p "$WORK/wrk"
  trap cleanup EXIT
  trap 'say "interrupted"; exit 130' INT TERM
}

# start_app DEMO: DEMO is CONFER_DEMO (true loads the demo summit into the fresh database)
APP_PID=""
start_app() {
  local demo=$1
  bench_workdir

  say "Starting Confer on port $PORT with data in $WORK/data..."
  # shellcheck disable=SC2086
  SERVER_PORT="$PORT" CONFER_DATA_DIR="$WORK/data" CONFER_DEMO="$demo" CONFER_ADMIN_TOKEN="$TOKEN" CONFER_RATE_LIMITS="${CONFER_RATE_LIMITS:-off}" \
    "$JAVA_HOME/bin/java" $JAVA_OPTS -jar target/confer.jar >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  wait_healthy "$BASE" "$APP_PID" "$WORK/app.log"
}

stop_app() {
  stop_cluster
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    say "Stopping Confer (pid $APP_PID)..."
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  # the application stops its PostgreSQL on the way out; if it could not, stop that server here
  local pidfile="$WORK/data/postgres/postmaster.pid"
  if [ -f "$pidfile" ]; then
    local pg_pid
    pg_pid="$(head -1 "$pidfile")"
    if [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null; then
      kill -INT "$pg_pid" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.5; done
    fi
  fi
}

# --- two instances behind HAProxy on an external PostgreSQL (BENCH_CLUSTER=1) -------------------
# start_cluster: a PostgreSQL server of its own (not Confer's embedded one: a cluster made here with
# initdb, fsync and synchronous_commit on), two Confer instances pointed at it with
# SPRING_DATASOURCE_URL (its database postgres; ports PORT+1 and PORT+2, the same organizer token), and Debian's HAProxy on
# PORT in front of them: round robin, keep-alive to both, health checks on /actuator/health. BASE
# stays http://127.0.0.1:PORT, so every phase and check goes through the load balancer.
# The server's binaries: BENCH_PG_BIN, else those Confer unpacked under /var/tmp, else Debian's.
CLUSTER_PIDS=()
PG_BIN=""
EXTERNAL_PG_DIR=""
HAPROXY_PID=""
pg_bin() {
  local bin
  for bin in "${BENCH_PG_BIN:-}" /var/tmp/confer-postgres-*/bin /usr/lib/postgresql/*/bin; do
    if [ -n "$bin" ] && [ -x "$bin/pg_ctl" ] && [ -x "$bin/initdb" ]; then echo "$bin"; return 0; fi
  done
  return 1
}
# new_pg_cluster BIN DIR PORT: initdb a cluster in DIR and start it on 127.0.0.1:PORT with the durability settings of
# Confer's embedded server (fsync and synchronous_commit on); as nobody when root (PostgreSQL refuses root)
new_pg_cluster() {
  local bin=$1 dir=$2 port=$3
  mkdir -p "$dir" && chmod 700 "$dir"
  [ "$(id -u)" != 0 ] || chown 65534:65534 "$dir"
  as_postgres "$bin/initdb" -A trust -U postgres -D "$dir" -E UTF-8 --locale=C >"$WORK/$(basename "$dir")-initdb.log" 2>&1 || return 1
  as_postgres "$bin/pg_ctl" -D "$dir" -w -l "$dir/server.log" \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200 -c shared_buffers=256MB -c fsync=on -c synchronous_commit=on -c max_wal_size=2GB" \
    start >/dev/null 2>&1
}
as_postgres() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }
start_cluster() {
  command -v haproxy >/dev/null 2>&1 || apt-get install -y -qq haproxy >/dev/null 2>&1 \
    || die "HAProxy is missing and could not be installed; install it with: apt-get install -y haproxy"
  bench_workdir
  PG_BIN="$(pg_bin)" || die "no PostgreSQL binaries for the external server; set BENCH_PG_BIN (a directory with initdb and pg_ctl)"

  local pg_port=$((PORT + 20)) dir="$WORK/external-pg"
  EXTERNAL_PG_DIR="$dir"
  say "Starting an external PostgreSQL ($("$PG_BIN/postgres" --version | awk '{print $NF}'), $PG_BIN) on port $pg_port..."
  new_pg_cluster "$PG_BIN" "$dir" "$pg_port" || die "the external PostgreSQL did not start (see $WORK/$(basename "$dir")-initdb.log, $dir/server.log)"

  local i port
  for i in 1 2; do # one after the other: the first one migrates the schema
    port=$((PORT + i))
    say "Starting Confer instance $i on port $port (database jdbc:postgresql://127.0.0.1:$pg_port/postgres)..."
    # shellcheck disable=SC2086
    SERVER_PORT="$port" CONFER_DATA_DIR="$WORK/data-$i" CONFER_DEMO=false CONFER_ADMIN_TOKEN="$TOKEN" \
      CONFER_RATE_LIMITS="${CONFER_RATE_LIMITS:-off}" CONFER_PUBLIC_URL="$BASE" \
      SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres" SPRING_DATASOURCE_USERNAME=postgres \
      "$JAVA_HOME/bin/java" $JAVA_OPTS -jar target/confer.jar >"$WORK/app-$i.log" 2>&1 &
    CLUSTER_PIDS+=($!)
    wait_healthy "http://127.0.0.1:$port" "${CLUSTER_PIDS[-1]}" "$WORK/app-$i.log"
  done

  cat >"$WORK/haproxy.cfg" <<CFG
global
  maxconn 4096
defaults
  mode http
  option http-keep-alive
  timeout connect 5s
  timeout client 60s
  timeout server 60s
  timeout http-keep-alive 60s
frontend confer
  bind 127.0.0.1:$PORT
  default_backend instances
backend instances
  balance roundrobin
  option httpchk GET /actuator/health
  http-reuse safe
  server one 127.0.0.1:$((PORT + 1)) check inter 2s fall 2 rise 2
  server two 127.0.0.1:$((PORT + 2)) check inter 2s fall 2 rise 2
CFG
  haproxy -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
  HAPROXY_PID=$!
  wait_healthy "$BASE" "$HAPROXY_PID" "$WORK/haproxy.log"
  APP_PID="" # stop_app stops the cluster
  say "HAProxy $(haproxy -v | head -1 | awk '{print $3}') on port $PORT in front of both instances"
}

# wait_healthy BASE PID LOG: until BASE/actuator/health says UP (PID must stay alive)
wait_healthy() {
  local i
  for i in $(seq 1 240); do
    if curl -fsS "$1/actuator/health" 2>/dev/null | grep -q '"UP"'; then return 0; fi
    kill -0 "$2" 2>/dev/null || { tail -40 "$3" >&2; die "$1 did not start"; }
    [ "$i" -lt 240 ] || { tail -40 "$3" >&2; die "$1 did not become healthy in 120 s"; }
    sleep 0.5
  done
}

# served_per_instance: how many HTTP requests each cluster instance answered (its Prometheus counter)
served_per_instance() {
  local i out=()
  for i in 1 2; do
    out+=("$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$((PORT + i))/actuator/prometheus" \
      | awk '/^http_server_requests_seconds_count/ { n += $NF } END { printf "%d", n }')")
  done
  echo "${out[*]}"
}

stop_cluster() {
  [ -z "$HAPROXY_PID" ] || { kill "$HAPROXY_PID" 2>/dev/null || true; HAPROXY_PID=""; }
  local pid
  for pid in "${CLUSTER_PIDS[@]}"; do
    say "Stopping Confer (pid $pid)..."
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${CLUSTER_PIDS[@]}"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
  CLUSTER_PIDS=()
  if [ -n "$EXTERNAL_PG_DIR" ] && [ -f "$EXTERNAL_PG_DIR/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$EXTERNAL_PG_DIR" -m fast -w stop >/dev/null 2>&1 || true
  fi
  EXTERNAL_PG_DIR=""
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_app
  # kept for a look when asked, or after a failure; an interrupted run is just cleaned up
  if [ "${BENCH_KEEP:-0}" = 1 ] || [ "$rc" -eq 1 ]; then
    say "Kept $WORK (application log: $WORK/app.log)"
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}

# --- HTTP helpers -------------------------------------------------------------------------------
# api METHOD PATH [BODY]: prints the response body; fails on anything but 2xx
api() {
  local out status
  out="$(mktemp "$WORK/api.XXXXXX")"
  status="$(curl -sS -o "$out" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' ${3:+--data-binary "$3"} "$BASE$2")"
  if [ "${status:0:1}" != 2 ]; then
    say "$1 $2 answered $status: $(head -c 600 "$out")"
    rm -f "$out"
    return 1
  fi
  cat "$out"
  rm -f "$out"
}

# result FILE KEY: one value from a phase's key=value result file (0 when absent)
result() { local v; v="$(sed -n "s/^$2=//p" "$1" 2>/dev/null | head -1)"; echo "${v:-0}"; }

# --- the benchmark event ---------------------------------------------------------------------------
# event_zone_at HOUR: the pages use the server's clock, so a benchmark event takes place today in a
# whole-hour zone where it is HOUR:xx now (Etc/GMT±n; note its inverted sign). Sets ZONE, DAY1 (today
# there) and DAY2.
event_zone_at() {
  local offset=$(( $1 - 10#$(date -u +%H) ))
  [ "$offset" -ge -12 ] || offset=$((offset + 24))
  [ "$offset" -le 14 ] || offset=$((offset - 24))
  ZONE="Etc/GMT$([ "$offset" -gt 0 ] && echo "-$offset" || echo "+$((-offset))")"
  DAY1="$(TZ="$ZONE" date +%F)"
  DAY2="$(TZ="$ZONE" date -d "$DAY1 + 1 day" +%F)"
}

# bench_event NAME_KO NAME_EN ZONE DOORS_OPEN END KEYNOTE_START KEYNOTE_END: a definition on DAY1 and DAY2
# with 24 rooms (R01 and R02 with SMALL_ROOM seats, so taps also meet full rooms), 24 sessions a day at
# 13:00–13:45 (BENCH_SESSION_START/BENCH_SESSION_END change it; S1xx on day 1, S2xx on day 2), keynote halls of 4,000 + 800 + 600 seats and 20,000 vouchers a day.
bench_event() {
  jq -n --arg name_ko "$1" --arg name_en "$2" --arg zone "$3" --arg open "$4" --arg closes "$5" \
    --arg keynote_start "$6" --arg keynote_end "$7" --arg day1 "$DAY1" --arg day2 "$DAY2" --argjson small "$SMALL_ROOM" \
    --arg session_start "${BENCH_SESSION_START:-13:00}" --arg session_end "${BENCH_SESSION_END:-13:45}" '
    def keynote: {start: $keynote_start, end: $keynote_end,
                  halls: [{name: "Hall D", seats: 4000}, {name: "Overflow E1", seats: 800}, {name: "Overflow E2", seats: 600}]};
    def room(n): "R" + (if n < 10 then "0" else "" end) + (n | tostring);
    {name: {ko: $name_ko, en: $name_en}, timezone: $zone, capacity: 1000000, waitlist: 0,
     days: [$day1, $day2] | map({date: ., doorsOpen: $open, end: $closes, mealVouchers: 20000, keynote: keynote}),
     rooms: [range(1; 25) | {code: room(.), name: {ko: ("벤치 " + room(.)), en: ("Bench " + room(.))},
                              capacity: (if . <= 2 then $small else 5000 end)}],
     tracks: [{code: "bench", name: {ko: "벤치마크", en: "Benchmark"}}],
     sessions: [[1, $day1], [2, $day2]] | map(.[0] as $d | .[1] as $date | range(1; 25) | {
                  code: ("S" + ($d | tostring) + (if . < 10 then "0" else "" end) + (. | tostring)),
                  title: {ko: ("세션 " + (. | tostring)), en: ("Session " + (. | tostring))},
                  track: "bench", room: room(.), day: $date, start: $session_start, end: $session_end, language: "ko",
                  speakers: [{name: "Speaker", company: "Bench Co"}]}) | flatten,
     booths: [{code: "B01", sponsor: "Bench Sponsor", location: "A-01"}]}'
}

# --- between phases: let the application go idle ------------------------------------------------
# Every registration puts a confirmation mail into the outbox, which the mail workers compose (QR
# code included) after commit. At a real event the registration rush and the check-in morning are
# weeks apart; here the backlog would otherwise eat the CPU of the next phase. So wait until the
# application uses less than 10% of a core, and say how long that took.
cpu_ticks() { # of the application, or of both instances in a cluster run
  local pid total=0
  for pid in $APP_PID "${CLUSTER_PIDS[@]}"; do total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat"))); done
  echo "$total"
}
settle() {
  local start=$SECONDS quiet=0 before after
  before="$(cpu_ticks)"
  while [ $((SECONDS - start)) -lt "${BENCH_SETTLE_MAX:-600}" ]; do
    sleep 1
    after="$(cpu_ticks)"
    if [ $((after - before)) -lt $(($(getconf CLK_TCK) / 10)) ]; then quiet=$((quiet + 1)); else quiet=0; fi
    before=$after
    [ "$quiet" -lt 2 ] || break
  done
  say "  (waited $((SECONDS - start)) s for the application to go idle: mail outbox, JIT, GC)"
}

# --- one wrk phase ------------------------------------------------------------------------------
# run_phase NAME SCRIPT SLUG SECONDS [VAR=value ...]: the result lands in $WORK/NAME.result
run_phase() {
  local name=$1 script=$2 slug=$3 secs=$4
  shift 4
  env BENCH_LUA="$ROOT/bench/lua" BENCH_SLUG="$slug" BENCH_SECONDS="$secs" BENCH_THREADS="$THREADS" \
    BENCH_RESULT="$WORK/$name.result" BENCH_WORK="$WORK/wrk" BENCH_RUN="$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')" "$@" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((secs + DRAIN))s" --timeout 30s --latency -s "$ROOT/bench/lua/$script" "$BASE" \
    >"$WORK/$name.wrk.txt" 2>&1 || { cat "$WORK/$name.wrk.txt" >&2; die "wrk failed in phase $name"; }
  grep -q '^requests=' "$WORK/$name.result" 2>/dev/null || { cat "$WORK/$name.wrk.txt" >&2; die "phase $name left no result"; }
  local r="$WORK/$name.result"
  say "  $name: $(result "$r" requests) requests in $(result "$r" seconds) s, $(result "$r" rate)/s," \
    "p50 $(result "$r" p50_ms) ms, p99 $(result "$r" p99_ms) ms;" \
    "answers: $(grep -E '^(status|outcome)_' "$r" | sort | sed 's/^status_/HTTP /; s/^outcome_//' | paste -sd' ')"
}

# print_figures PHASE...: requests, rate, p50/p99/max and answer size of each measured phase
print_figures() {
  printf '%-12s %10s %10s %9s %9s %9s %11s\n' phase requests "per s" "p50 ms" "p99 ms" "max ms" "KB/answer"
  local phase file
  for phase in "$@"; do
    file="$WORK/$phase.result"
    printf '%-12s %10s %10s %9s %9s %9s %11s\n' "$phase" "$(result "$file" requests)" "$(result "$file" rate)" \
      "$(result "$file" p50_ms)" "$(result "$file" p99_ms)" "$(result "$file" max_ms)" \
      "$(awk -v b="$(result "$file" bytes)" -v n="$(result "$file" requests)" 'BEGIN { printf "%.1f", n ? b / n / 1024 : 0 }')"
  done
}

# sum KEY PHASE: a result summed over the warm-up (if any) and the measured run
sum() {
  local total
  total=$(result "$WORK/$2.result" "$1")
  if [ "$WARMUP" -gt 0 ]; then total=$((total + $(result "$WORK/warmup-$2.result" "$1"))); fi
  echo "$total"
}

# --- compare what the application says with what wrk saw -----------------------------------------
FAILURES=0
check() { # check WHAT EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then
    printf '  %-52s %8s = %-8s ok\n' "$1" "$2" "$3"
  else
    printf '  %-52s %8s ≠ %-8s FAIL\n' "$1" "$2" "$3"
    FAILURES=$((FAILURES + 1))
  fi
}

# --- the machine's yardstick: pgbench -N on a throw-away cluster ---------------------------------
# Machines here differ by 4x in commit speed, so every phase is also reported as a ratio to what
# PostgreSQL itself does on this disk: Debian's pgbench, simple-update (-N) transactions, 32 clients,
# on a fresh cluster made with the same PostgreSQL binaries and durability settings (fsync and
# synchronous_commit on) as Confer's embedded server. Sets PGBENCH_TPS and PGBENCH_LATENCY_MS.
PGBENCH_TPS=0
PGBENCH_LATENCY_MS=0
pgbench_baseline() {
  local secs=${1:-20} clients=${BENCH_PGBENCH_CLIENTS:-32}
  if ! command -v pgbench >/dev/null 2>&1; then
    say "Installing pgbench (Debian package postgresql-contrib)..."
    (apt-get install -y -qq postgresql-contrib >/dev/null 2>&1 || apt-get install -y -qq postgresql-client >/dev/null 2>&1) \
      || { say "pgbench is missing and could not be installed; ratios are not reported"; return 0; }
  fi
  local bin
  if [ -n "$PG_BIN" ]; then
    bin="$PG_BIN" # a cluster run: the external server's own binaries
  else
    bin="$(dirname "$(find "$WORK/data" /var/tmp/confer-postgres-* -path '*/bin/pg_ctl' 2>/dev/null | head -1)")"
  fi
  [ -x "$bin/pg_ctl" ] || { say "no PostgreSQL binaries found for pgbench; ratios are not reported"; return 0; }
  local dir="$WORK/pgbench-data" port=$((PORT + 17))
  new_pg_cluster "$bin" "$dir" "$port" \
    || { say "the pgbench cluster did not start (see $WORK/pgbench-data-initdb.log, $dir/server.log)"; return 0; }
  say "pgbench -N, $clients clients, $secs s on a throw-away cluster (the yardstick for the ratios)..."
  pgbench -h 127.0.0.1 -p "$port" -U postgres -i -s 10 -q postgres >"$WORK/pgbench-init.log" 2>&1
  pgbench -h 127.0.0.1 -p "$port" -U postgres -N -c "$clients" -j 2 -T "$secs" postgres >"$WORK/pgbench.log" 2>&1 || true
  as_postgres "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  PGBENCH_TPS="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench.log" | head -1)"
  PGBENCH_LATENCY_MS="$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$WORK/pgbench.log" | head -1)"
  PGBENCH_TPS="${PGBENCH_TPS:-0}"
  PGBENCH_LATENCY_MS="${PGBENCH_LATENCY_MS:-0}"
  say "pgbench -N: $PGBENCH_TPS tps, mean latency $PGBENCH_LATENCY_MS ms"
}

# ratio RATE: RATE divided by pgbench's tps, two decimals ("-" without a yardstick)
ratio() { awk -v r="$1" -v p="$PGBENCH_TPS" 'BEGIN { if (p > 0) printf "%.2f", r / p; else printf "-" }'; }
