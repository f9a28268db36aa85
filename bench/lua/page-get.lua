-- Pages phase: anonymous GETs of pages as a browser asks for them, round robin over the paths in
-- BENCH_PATHS (one a line; thread k takes every k-th), alternating Korean and English. An answer
-- counts as "page" when it is 200 and holds BENCH_EXPECT (so an error page is not counted as a page).
dofile(os.getenv("BENCH_LUA") .. "/common.lua")

local mine, expect
local n = 0

function phase_init()
    mine = my_share(read_lines(env("BENCH_PATHS")))
    if #mine == 0 then mine = read_lines(env("BENCH_PATHS")) end -- fewer paths than threads: all ask for all
    expect = env("BENCH_EXPECT")
end

function next_request()
    local path = mine[n % #mine + 1]
    n = n + 1
    return wrk.format("GET", path, {
        ["Accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        ["Accept-Language"] = n % 2 == 0 and "ko-KR,ko;q=0.9" or "en-US,en;q=0.9",
        ["Accept-Encoding"] = "identity",
    })
end

function on_response(status, body)
    if status == 200 and body:find(expect, 1, true) then count("page") end
end
