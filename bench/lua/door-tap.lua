-- Pages phase: the door page's tap form as a signed-in door tablet sends it (htmx), each tap with its
-- own tapId, by attendees checked in beforehand. As in tap.lua each (attendee, session) pair is
-- tapped at most once: consecutive taps go to consecutive session doors, the attendee changes every round.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")

local slug, run, mine, sessions
local n = 0

function phase_init()
    slug = env("BENCH_SLUG")
    run = env("BENCH_RUN")
    mine = {}
    for i, ticket in ipairs(my_share(read_lines(env("BENCH_TICKETS")))) do mine[i] = urlencode(ticket) end
    sessions = {}
    for code in string.gmatch(env("BENCH_SESSIONS"), "[^,]+") do sessions[#sessions + 1] = code end
end

function exhausted()
    return #mine == 0 or n >= #mine * #sessions
end

function next_request()
    local code = sessions[n % #sessions + 1]
    local ticket = mine[math.floor(n / #sessions) % #mine + 1]
    n = n + 1
    local tap_id = string.format("%s-%04x-4000-8000-%012x", run, id, n)
    return form_post("/door/" .. slug .. "/session/" .. code .. "/taps", "tapId=" .. tap_id .. "&scan=" .. ticket)
end

function on_response(status, body)
    if status == 200 then
        count(body:match('data%-result="([%u_]+)"') or "UNREADABLE")
    end
end
