-- wrk script: prints the latency percentiles (p50, p95, p99, max) and the non-2xx answers in a parseable line.
-- Environment: BENCH_TOKEN (access token, sent as a bearer token when set).
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
wrk.headers["Accept"] = "application/json"

function done(summary, latency, requests)
  io.write(string.format("BENCH requests=%d seconds=%.2f non2xx=%d p50=%.2f p95=%.2f p99=%.2f max=%.2f\n",
      summary.requests, summary.duration / 1e6, summary.errors.status, latency:percentile(50) / 1000,
      latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
