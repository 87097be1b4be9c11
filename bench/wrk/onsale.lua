-- The on-sale loads for wrk (bench/onsale.sh). KIND: quote (POST /v1/quotes for QUANTITY tickets of SECTION, best
-- row, of a random event of EVENTS), rows (GET the rows of SECTION of a random event of EVENTS), search
-- (GET /v1/events?venue_id=VENUE) or door (GET /v1/events without credentials: the door refuses it before any
-- database work, 401, or 429 once past the anonymous rate limit: this machine's floor for one request; those
-- refusals are counted as the load's successful answers). Each request is
-- made as a random partner of TOKENS. Answers are counted by status, and done() prints one RESULT line: successful
-- answers per second, latency percentiles and mean, status counts, timeouts. With REQUESTS set, each thread stops
-- after that many answers (wrk still runs out its duration), so a cost measurement takes a known number of tickets
-- and cannot run a small section out of stock.
local kind, section, quantity, venue = os.getenv("KIND"), os.getenv("SECTION"), os.getenv("QUANTITY") or "2", os.getenv("VENUE")
local cap = tonumber(os.getenv("REQUESTS") or "0")
local tokens, events = {}, {}
for line in io.lines(os.getenv("TOKENS")) do tokens[#tokens + 1] = line end
for line in io.lines(os.getenv("EVENTS")) do events[#events + 1] = line end
local threads = {}

setup = function(thread)
  threads[#threads + 1] = thread
  thread:set("id", #threads)
end

init = function()
  math.randomseed(os.time() * 1000 + id)
  ok, soldout, unavailable, failed, other = 0, 0, 0, 0, 0
end

request = function()
  local headers = { ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)], ["Content-Type"] = "application/json" }
  local event = events[math.random(#events)]
  if kind == "quote" then
    return wrk.format("POST", "/v1/quotes", headers,
      '{"event_id":"' .. event .. '","section_name":"' .. section .. '","quantity":' .. quantity .. '}')
  elseif kind == "door" then
    return wrk.format("GET", "/v1/events")
  elseif kind == "rows" then
    return wrk.format("GET", "/v1/events/" .. event .. "/sections/" .. section .. "/rows", headers)
  end
  return wrk.format("GET", "/v1/events?limit=20&venue_id=" .. venue, headers)
end

response = function(status)
  answers = (answers or 0) + 1
  if cap > 0 and answers >= cap then wrk.thread:stop() end
  if status == 200 or status == 201 or (kind == "door" and (status == 401 or status == 429)) then ok = ok + 1
  elseif status == 422 then soldout = soldout + 1
  elseif status == 503 then unavailable = unavailable + 1
  elseif status >= 500 then failed = failed + 1
  else other = other + 1 end
end

done = function(summary, latency, requests)
  local total = { ok = 0, soldout = 0, unavailable = 0, failed = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(total) do total[name] = total[name] + thread:get(name) end
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT ok_per_s=%.1f p50_ms=%.2f p99_ms=%.1f max_ms=%.1f mean_ms=%.2f ok=%d " ..
    "sold_out_422=%d unavailable_503=%d error_5xx=%d other=%d timeouts=%d seconds=%.2f\n", total.ok / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000, total.ok,
    total.soldout, total.unavailable, total.failed, total.other, summary.errors.timeout, seconds))
end
