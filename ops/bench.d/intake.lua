-- Usage: wrk -t2 -c8 -d20s --latency -s ops/bench.d/intake.lua http://127.0.0.1:PORT
-- POSTs a new complaint to /v1/complaints on every request (ops/bench's HTTP
-- intake row), each with its own complainant and one of 50 respondents, and
-- prints a machine-readable summary line at the end.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
    thread:set("thread_id", #threads)
    table.insert(threads, thread)
end

function request()
    counter = counter + 1
    local n = thread_id * 100000000 + counter
    local body = string.format(
        '{"complainants":[{"name":"Bench Person %d","email":"bench%d@example.org","language":"en"}],' ..
        '"respondent":{"name":"Bench Respondent %d"},"categories":["housing"],' ..
        '"summary":"The lift at block %d has been out of order for weeks","urgent":%s}',
        n, n, n % 50, n % 997, (n % 13 == 0) and "true" or "false")
    return wrk.format("POST", "/v1/complaints", {["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
    local failed = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    io.write(string.format("bench-result requests=%d seconds=%.3f failed=%d p50_ms=%.2f p99_ms=%.2f\n",
        summary.requests, summary.duration / 1e6, failed, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
