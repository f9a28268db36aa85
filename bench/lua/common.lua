-- Shared by the phase scripts; each phase script defines phase_init(), next_request(),
-- on_response(status, body) and optionally exhausted() and phase_finish().
--
-- Every wrk thread runs its own Lua state. A thread sends real requests until BENCH_SECONDS have
-- passed (or its work is used up), then leaves its connections idle (an empty request writes
-- nothing) and waits for every answer still on the way. So every request the server saw was
-- counted here, which lets run.sh compare these counts exactly with the server's statistics.
-- (wrk itself would drop the answers still in flight when -d ends.)

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock_id, bench_timespec *tp);
]]
local clock = ffi.new("bench_timespec")
local CLOCK_MONOTONIC = 1

function now_us()
    ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
    return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000
end

function env(name, default)
    local value = os.getenv(name)
    if value == nil or value == "" then
        if default == nil then error("missing environment variable " .. name) end
        return default
    end
    return value
end

function read_lines(path)
    local lines = {}
    local file = io.open(path, "r")
    if file == nil then return lines end
    for line in file:lines() do
        if line ~= "" then lines[#lines + 1] = line end
    end
    file:close()
    return lines
end

-- this thread's share of a list: thread k takes every k-th item, so the threads never overlap
function my_share(items)
    local mine = {}
    for i, item in ipairs(items) do
        if (i - 1) % nthreads == id - 1 then mine[#mine + 1] = item end
    end
    return mine
end

-- main state: number the threads and keep them for done()
local threads = {}

function setup(thread)
    threads[#threads + 1] = thread
    thread:set("id", #threads)
end

-- thread state ---------------------------------------------------------------------------------
statuses = {}   -- HTTP status -> count
tally = {}      -- phase-specific outcome -> count
sent, received = 0, 0
first_us, last_us = nil, nil
local seconds, deadline
local verified, finishing, finished = false, false, false

function init(args)
    seconds = tonumber(env("BENCH_SECONDS"))
    nthreads = tonumber(env("BENCH_THREADS"))
    -- wrk calls request() once on the first thread to check the request before starting; that
    -- call must not use up any work
    verified = id ~= 1
    phase_init()
end

-- wrk.format() drops the -H headers when given its own, so the token travels from here
function json_post(path, body)
    local headers = { ["Content-Type"] = "application/json" }
    local token = os.getenv("BENCH_TOKEN")
    if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
    return wrk.format("POST", path, headers, body)
end

-- A form as htmx sends it from a signed-in staff page: the staff cookie and the CSRF cookie, the page's
-- CSRF token in the header, HX-Request. (pages.sh signs in and passes them.)
function form_post(path, body)
    return wrk.format("POST", path, {
        ["Content-Type"] = "application/x-www-form-urlencoded",
        ["Cookie"] = env("BENCH_COOKIE"),
        ["X-CSRF-TOKEN"] = env("BENCH_CSRF"),
        ["HX-Request"] = "true",
        ["Accept-Language"] = id % 2 == 1 and "ko-KR,ko;q=0.9" or "en-US,en;q=0.9", -- thread 1 Korean, thread 2 English
    }, body)
end

function urlencode(text)
    return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function count(name)
    tally[name] = (tally[name] or 0) + 1
end

local function check_finished()
    if finishing and not finished and received == sent then
        finished = true
        if phase_finish then phase_finish() end
        wrk.thread:stop()
    end
end

function request()
    if not verified then
        verified = true
        return wrk.format("GET", "/actuator/health")
    end
    local t = now_us()
    if first_us == nil then
        first_us = t
        deadline = t + seconds * 1000000
    end
    if finishing or t >= deadline or (exhausted and exhausted()) then
        finishing = true
        check_finished()
        return ""
    end
    sent = sent + 1
    return next_request()
end

function response(status, headers, body)
    received = received + 1
    last_us = now_us()
    statuses[status] = (statuses[status] or 0) + 1
    on_response(status, body)
    check_finished()
end

-- main state, after the run: add up all threads and write key=value lines for run.sh ----------
function done(summary, latency, requests)
    local total, first, last = 0, nil, nil
    local by_status, by_outcome = {}, {}
    for _, thread in ipairs(threads) do
        total = total + thread:get("received")
        local f, l = thread:get("first_us"), thread:get("last_us")
        if f and (first == nil or f < first) then first = f end
        if l and (last == nil or l > last) then last = l end
        for status, n in pairs(thread:get("statuses")) do by_status[status] = (by_status[status] or 0) + n end
        for name, n in pairs(thread:get("tally")) do by_outcome[name] = (by_outcome[name] or 0) + n end
    end
    local elapsed = (first and last and last > first) and (last - first) / 1000000 or 0
    local out = io.open(env("BENCH_RESULT"), "w")
    local function put(key, value) out:write(key, "=", tostring(value), "\n") end
    put("requests", total)
    put("seconds", string.format("%.3f", elapsed))
    put("rate", string.format("%.0f", elapsed > 0 and total / elapsed or 0))
    put("p50_ms", string.format("%.1f", latency:percentile(50) / 1000))
    put("p90_ms", string.format("%.1f", latency:percentile(90) / 1000))
    put("p99_ms", string.format("%.1f", latency:percentile(99) / 1000))
    put("max_ms", string.format("%.1f", latency.max / 1000))
    local e = summary.errors
    put("socket_errors", e.connect + e.read + e.write + e.timeout)
    put("bytes", summary.bytes)
    for status, n in pairs(by_status) do put("status_" .. status, n) end
    for name, n in pairs(by_outcome) do put("outcome_" .. name, n) end
    out:close()
end
