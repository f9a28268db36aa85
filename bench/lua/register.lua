-- Phase (a): registrations, each with its own e-mail (run, thread and counter). Every ticket of a
-- 201 goes to a per-thread file for the check-in phase; with BENCH_MANAGE=1 also "id manageToken ticket"
-- (for the My ticket pages in pages.sh).
dofile(os.getenv("BENCH_LUA") .. "/common.lua")

local path, run, tickets, manage
local n = 0

function phase_init()
    path = "/api/v1/events/" .. env("BENCH_SLUG") .. "/registrations"
    run = env("BENCH_RUN")
    tickets = io.open(env("BENCH_WORK") .. "/tickets-" .. id .. ".txt", "w")
    if env("BENCH_MANAGE", "0") == "1" then manage = io.open(env("BENCH_WORK") .. "/manage-" .. id .. ".txt", "w") end
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
        if manage then
            local reg = body:match('"id"%s*:%s*"([^"]+)"')
            local token = body:match('"manageToken"%s*:%s*"([^"]+)"')
            if reg and token and ticket then manage:write(reg, " ", token, " ", ticket, "\n") end
        end
    end
end

function phase_finish()
    tickets:close()
    if manage then manage:close() end
end
