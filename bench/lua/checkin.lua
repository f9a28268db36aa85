-- Phase (b): desk check-ins on the first day, each ticket once. Thread k takes every k-th ticket;
-- the tickets it sent go to a per-thread file for the tap phase.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")

local path, at, mine, sent_file
local next_ticket = 1

function phase_init()
    path = "/api/v1/events/" .. env("BENCH_SLUG") .. "/check-ins"
    at = env("BENCH_AT")
    mine = my_share(read_lines(env("BENCH_TICKETS")))
    sent_file = io.open(env("BENCH_WORK") .. "/checked-in-" .. id .. ".txt", "w")
end

function exhausted()
    return next_ticket > #mine
end

function next_request()
    local ticket = mine[next_ticket]
    next_ticket = next_ticket + 1
    sent_file:write(ticket, "\n")
    local body = string.format('{"ticket":"%s","desk":"desk-%d","at":"%s"}', ticket, id, at)
    return json_post(path, body)
end

function on_response(status, body)
    if status == 200 then
        if body:find('"firstToday"%s*:%s*true') then count("first_today") end
        if body:find('"mealVoucher"%s*:%s*{') then count("meal_voucher") end
        if body:find('"keynoteSeat"%s*:%s*{') then count("keynote_seat") end
    end
end

function phase_finish()
    sent_file:close()
end
