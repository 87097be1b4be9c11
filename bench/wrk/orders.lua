-- The quote -> order flow for wrk: each connection quotes 2 seats of a random event, then orders that quote, then
-- starts again. TOKENS: a file of partner tokens (one per line); EVENTS: event ids. Completed orders are counted.
local tokens, events = {}, {}
for line in io.lines(os.getenv("TOKENS")) do tokens[#tokens + 1] = line end
for line in io.lines(os.getenv("EVENTS")) do events[#events + 1] = line end
local threads = {}

setup = function(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

init = function()
  orders, failures, quote, turn = 0, 0, nil, 0
  deadline = os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() + 2 * 86400)
end

local function json(token, path, body)
  return wrk.format("POST", path, { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

request = function()
  turn = turn + 1
  local token = tokens[(id * 7919 + turn) % #tokens + 1]
  if quote then
    local q = quote
    quote = nil
    return json(quote_token, "/v1/orders",
      '{"quote_id":"' .. q .. '","delivery_type":"mobile_transfer","delivery_deadline":"' .. deadline .. '"}')
  end
  quote_token = token
  return json(token, "/v1/quotes",
    '{"event_id":"' .. events[math.random(#events)] .. '","section_name":"A","quantity":2}')
end

response = function(status, headers, body)
  if status == 201 and body:find('"order_id"', 1, true) then
    orders = orders + 1
  elseif status == 201 then
    quote = body:match('"quote_id":"(qt_[^"]+)"')
  elseif status >= 500 then
    failures = failures + 1
  end
end

done = function(summary, latency, requests)
  local total, failed = 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("orders")
    failed = failed + thread:get("failures")
  end
  io.write(string.format("orders %d in %.1f s = %.1f orders/s; 5xx %d\n", total, summary.duration / 1e6,
    total / (summary.duration / 1e6), failed))
end
