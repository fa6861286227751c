-- wrk script of bench/api-bench.sh. With API_BENCH_BODY naming a JSON file, each request is a PUT
-- of that body (a job submission); without, a plain GET. At the end it prints one line that the
-- shell script reads, so it need not parse wrk's human-readable report:
--   RESULT <requests> <duration us> <p50 us> <p99 us> <non-2xx/3xx> <socket errors>
local body_file = os.getenv("API_BENCH_BODY")
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "r"))
  wrk.method = "PUT"
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.status,
    e.connect + e.read + e.write + e.timeout))
end
