-- wrk script: prints one machine-readable line with requests/s, latency percentiles (ms) and errors.
-- Headers come from the environment: WRK_COOKIE ("SESSION=...").
local cookie = os.getenv("WRK_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end

done = function(summary, latency, requests)
  local secs = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("WRK rps=%.2f p50=%.2f p90=%.2f p99=%.2f max=%.2f requests=%d errors=%d non2xx=%d\n",
      summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, summary.requests, errors, summary.errors.status))
end
