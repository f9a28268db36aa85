-- The rate limiter's cost (bench/limiter.sh): a registration the API refuses with 400 (an e-mail that is not an
-- address), so a request is the per-address limiter check (when the limits are on) plus a cheap validation and no
-- database write: the limiter's share of the answer time is as large as it gets on a limited endpoint.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")

local path
local body = '{"name":"Limiter Bench","email":"not-an-address"}'

function phase_init()
    path = "/api/v1/events/" .. env("BENCH_SLUG") .. "/registrations"
end

function next_request()
    return json_post(path, body)
end

function on_response(status, body)
end
