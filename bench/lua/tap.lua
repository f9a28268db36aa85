-- Phase (c): badge taps at session doors by checked-in attendees. Each tap has its own tapId, and
-- each (attendee, session) pair is tapped at most once: consecutive taps go to consecutive
-- sessions (as at a venue, where many doors are busy at once), and the attendee changes every round.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")

local path, at, run, mine, points
local n = 0

function phase_init()
    path = "/api/v1/events/" .. env("BENCH_SLUG") .. "/taps"
    at = env("BENCH_AT")
    run = env("BENCH_RUN")
    mine = my_share(read_lines(env("BENCH_TICKETS")))
    points = {}
    for point in string.gmatch(env("BENCH_POINTS"), "[^,]+") do points[#points + 1] = point end
end

function exhausted()
    return #mine == 0 or n >= #mine * #points
end

function next_request()
    local point = points[n % #points + 1]
    local ticket = mine[math.floor(n / #points) % #mine + 1]
    n = n + 1
    local tap_id = string.format("%s-%04x-4000-8000-%012x", run, id, n)
    local body = string.format('{"tapId":"%s","at":"%s","point":"%s","credential":{"ticket":"%s"}}', tap_id, at, point, ticket)
    return json_post(path, body)
end

function on_response(status, body)
    if status == 200 then
        count(body:match('"result"%s*:%s*"([%u_]+)"') or "UNREADABLE")
    end
end
