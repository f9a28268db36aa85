-- Agenda phases over the API, as an attendee's phone sends them with its manage token (X-Manage-Token):
--   BENCH_MODE=star: each attendee of BENCH_PEOPLE ("id token" a line) stars two sessions once
--                    (PUT .../agenda/stars/{code}); the phase ends when all are sent;
--   BENCH_MODE=vote: team members ("id token") vote in BENCH_SLOT for a session of BENCH_SESSIONS
--                    (comma-separated), round robin over this thread's members, so each changes their
--                    vote again and again (PUT .../team/votes/{slot}).
-- A 200 counts as "ok"; for votes, the member's id goes to a per-thread file so the check knows who voted.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")

local people, sessions, slot, mode, prefix, voted
local n = 0

function phase_init()
    people = my_share(read_lines(env("BENCH_PEOPLE")))
    sessions = {}
    for code in env("BENCH_SESSIONS"):gmatch("[^,]+") do sessions[#sessions + 1] = code end
    mode = env("BENCH_MODE")
    slot = env("BENCH_SLOT", "")
    prefix = "/api/v1/events/" .. env("BENCH_SLUG") .. "/registrations/"
    if mode == "vote" then voted = io.open(env("BENCH_WORK") .. "/voted-" .. id .. ".txt", "w") end
end

function exhausted()
    return mode == "star" and n >= 2 * #people
end

local pending = {}

function next_request()
    local person = people[(mode == "star" and math.floor(n / 2) or n) % #people + 1]
    local reg, token = person:match("^(%S+) (%S+)")
    local path, body
    if mode == "star" then
        path = prefix .. reg .. "/agenda/stars/" .. sessions[(n + math.floor(n / 2) * 7) % #sessions + 1]
    else
        path = prefix .. reg .. "/team/votes/" .. slot
        body = string.format('{"session":"%s"}', sessions[math.random(#sessions)])
    end
    n = n + 1
    pending[#pending + 1] = reg
    return wrk.format("PUT", path, { ["Content-Type"] = "application/json", ["X-Manage-Token"] = token }, body)
end

function on_response(status, body)
    local reg = table.remove(pending, 1)
    if status == 200 then
        count("ok")
        if voted and reg then voted:write(reg, "\n") end
    end
end

function phase_finish()
    if voted then voted:close() end
end
