-- The quote -> order flow for wrk, run with one connection per thread (-t32 -c32): each thread is one partner
-- (its own token) that quotes 2 seats of a random event, orders that quote, and starts again.
-- TOKENS: a file of partner tokens (one per line); EVENTS: event ids. Completed orders are counted.
local section = os.getenv("SECTION") or "A"
local tokens, events = {}, {}
for line in io.lines(os.getenv("TOKENS")) do tokens[#tokens + 1] = line end
for line in io.lines(os.getenv("EVENTS")) do events[#events + 1] = line end
local threads = {}

setup = function(thread)
  thread:set("token", tokens[#threads % #tokens + 1])
  threads[#threads + 1] = thread
end

init = function()
  orders, failures, unavailable, quote = 0, 0, 0, nil
  deadline = os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() + 2 * 86400)
  headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
end

request = function()
  if quote then
    return wrk.format("POST", "/v1/orders", headers,
      '{"quote_id":"' .. quote .. '","delivery_type":"mobile_transfer","delivery_deadline":"' .. deadline .. '"}')
  end
  return wrk.format("POST", "/v1/quotes", headers,
    '{"event_id":"' .. events[math.random(#events)] .. '","section_name":"' .. section .. '","quantity":2}')
end

response = function(status, headers, body)
  if status == 201 and body:find('"order_id"', 1, true) then
    orders = orders + 1
    quote = nil
  elseif status == 201 then
    quote = body:match('"quote_id":"(qt_[^"]+)"')
  else
    quote = nil
    if status >= 500 and status ~= 503 then
      failures = failures + 1
    elseif status == 503 then
      unavailable = unavailable + 1
    end
  end
end

done = function(summary, latency, requests)
  local total, failed, refused = 0, 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("orders")
    failed = failed + thread:get("failures")
    refused = refused + thread:get("unavailable")
  end
  io.write(string.format("orders %d in %.1f s = %.1f orders/s; 5xx %d\n", total, summary.duration / 1e6,
    total / (summary.duration / 1e6), failed))
  io.write(string.format("RESULT ok_per_s=%.1f p50_ms=%.1f p99_ms=%.1f ok=%d error_5xx=%d unavailable_503=%d " ..
    "timeouts=%d seconds=%.2f\n", total / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, total, failed, refused, summary.errors.timeout, summary.duration / 1e6))
end
