-- Pages phase: the desk page's scan form as a signed-in desk sends it (htmx), each ticket once. The
-- tickets a thread sent go to a per-thread file, so that the next run leaves them out.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")

local path, mine, sent_file
local next_ticket = 1

function phase_init()
    path = "/desk/" .. env("BENCH_SLUG") .. "/scan"
    mine = my_share(read_lines(env("BENCH_TICKETS")))
    sent_file = io.open(env("BENCH_WORK") .. "/scanned-" .. id .. ".txt", "w")
end

function exhausted()
    return next_ticket > #mine
end

function next_request()
    local ticket = mine[next_ticket]
    next_ticket = next_ticket + 1
    sent_file:write(ticket, "\n")
    return form_post(path, "ticket=" .. urlencode(ticket))
end

function on_response(status, body)
    if status == 200 then
        count(body:match('data%-result="([%u_]+)"') or "UNREADABLE")
    end
end

function phase_finish()
    sent_file:close()
end
