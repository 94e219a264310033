-- wrk script: every request as a different learner (and, for submit, a different attempt).
--
--   wrk -t T -c C -d 10s -s bench/wrk_rotate.lua http://127.0.0.1:PORT -- REQUESTS BODY T
--
-- REQUESTS: one "PATH TOKEN [BODY [KEY]]" line per request. With T threads, thread k
-- takes lines k+1, k+1+T, ... so no two threads ever send the same line. BODY: the
-- JSON body of every request (POST) whose line has none (a line's own BODY has no
-- spaces); a line's KEY goes out as its Idempotency-Key header. A thread that runs out of lines starts
-- over (those requests then fail, e.g. 409 for a finished attempt) and counts
-- the wrap: the harness treats a round with wraps or non-2xx answers as invalid.
-- done() prints one line "BENCH_JSON {...}" (latencies in microseconds).

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local items = {}
local pos = 0
local body = ""
wraps = 0

function init(args)
  local nthreads = tonumber(args[3])
  local n = 0
  for line in io.lines(args[1]) do
    if (n % nthreads) == id then
      local path, token, own_body, key = line:match("^(%S+)%s+(%S+)%s*(%S*)%s*(%S*)$")
      table.insert(items, {path = path, token = token,
                           body = own_body ~= "" and own_body or nil,
                           key = key ~= "" and key or nil})
    end
    n = n + 1
  end
  local f = assert(io.open(args[2], "rb"))
  body = f:read("*a")
  f:close()
end

function request()
  pos = pos + 1
  if pos > #items then
    pos = 1
    wraps = wraps + 1
  end
  local item = items[pos]
  local headers = {
    ["Authorization"] = "Token " .. item.token,
    ["Content-Type"] = "application/json",
  }
  if item.key then headers["Idempotency-Key"] = item.key end
  return wrk.format("POST", item.path, headers, item.body or body)
end

function done(summary, latency, requests)
  local total_wraps = 0
  for _, thread in ipairs(threads) do
    total_wraps = total_wraps + (thread:get("wraps") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p90_us": %d, ' ..
    '"p99_us": %d, "max_us": %d, "mean_us": %.1f, "connect_errors": %d, "read_errors": %d, ' ..
    '"write_errors": %d, "timeouts": %d, "non_2xx": %d, "wraps": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean, e.connect, e.read, e.write, e.timeout,
    e.status, total_wraps))
end
