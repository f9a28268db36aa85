-- Phase (a): registrations, each with its own e-mail (run, thread and counter). Every ticket of a
-- 201 goes to a per-thread file for the check-in phase.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")

local path, run, tickets
local n = 0

function phase_init()
    path = "/api/v1/events/" .. env("BENCH_SLUG") .. "/registrations"
    run = env("BENCH_RUN")
    tickets = io.open(env("BENCH_WORK") .. "/tickets-" .. id .. ".txt", "w")
end

function next_request()
    n = n + 1
    local body = string.format(
        '{"name":"Bench Attendee %d-%d","email":"r%s.t%d.n%d@bench.example","company":"Bench Co","jobTitle":"Engineer","locale":"%s"}',
        id, n, run, id, n, n % 2 == 0 and "ko" or "en")
    return json_post(path, body)
end

function on_response(status, body)
    if status == 201 then
        count(body:match('"status"%s*:%s*"(%u+)"') or "UNREADABLE")
        local ticket = body:match('"ticket"%s*:%s*"([^"]+)"')
        if ticket then tickets:write(ticket, "\n") end
    end
end

function phase_finish()
    tickets:close()
end
