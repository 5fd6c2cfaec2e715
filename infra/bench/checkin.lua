-- wrk script of infra/bench/checkin.sh: the front desk checks members in at a place, then out again.
-- Each wrk thread cycles over its own share of the members (file BENCH_MEMBERS, one id a line); every open visit a
-- check-in answers is checked out by the thread's next request, so a member is never checked in twice at once.
-- Environment: BENCH_TOKEN (a manager's access token), BENCH_NETWORK (slug), BENCH_PLACE (place id).
-- Prints, at the end, the check-ins and check-outs answered 2xx and the others, and the latency percentiles.

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

local members = {}
local queue = {}
local nextm = 1
local checkin_path, headers
checkins, checkouts, failures = 0, 0, 0

function init(args)
  local all = {}
  for line in io.lines(os.getenv("BENCH_MEMBERS")) do
    if line ~= "" then table.insert(all, line) end
  end
  local n = tonumber(os.getenv("BENCH_THREADS") or "2")
  for i, id in ipairs(all) do
    if (i - 1) % n == tid - 1 then table.insert(members, id) end
  end
  checkin_path = "/api/networks/" .. os.getenv("BENCH_NETWORK") .. "/places/" .. os.getenv("BENCH_PLACE")
      .. "/check-ins"
  headers = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"), ["Content-Type"] = "application/json",
              ["Accept"] = "application/json" }
end

function request()
  if #queue > 0 then
    local visit = table.remove(queue, 1)
    return wrk.format("POST", "/api/networks/" .. os.getenv("BENCH_NETWORK") .. "/visits/" .. visit .. "/check-out",
        headers, nil)
  end
  local member = members[nextm]
  nextm = nextm % #members + 1
  return wrk.format("POST", checkin_path, headers, '{"memberId":"' .. member .. '"}')
end

function response(status, hdrs, body)
  if status >= 200 and status < 300 then
    if body:find('"checkedOutAt":null', 1, true) then
      local id = body:match('"id":"([0-9a-f%-]+)"')
      table.insert(queue, id)
      checkins = checkins + 1
    else
      checkouts = checkouts + 1
    end
  else
    failures = failures + 1
    if failures <= 3 then io.stderr:write("HTTP " .. status .. ": " .. body:sub(1, 300) .. "\n") end
  end
end

function done(summary, latency, requests)
  local ci, co, f = 0, 0, 0
  for _, t in ipairs(threads) do
    ci = ci + t:get("checkins")
    co = co + t:get("checkouts")
    f = f + t:get("failures")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("BENCH checkins=%d checkouts=%d failures=%d seconds=%.2f requests=%d\n", ci, co, f,
      seconds, summary.requests))
  io.write(string.format("BENCH p50=%.2f p95=%.2f p99=%.2f max=%.2f (ms)\n", latency:percentile(50) / 1000,
      latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
