-- Discovery reads for wrk: PATHKIND is search, sections or rows; EVENTS a file with one event id per line; TOKEN.
local kind = os.getenv("PATHKIND")
local token = os.getenv("TOKEN")
local events = {}
for line in io.lines(os.getenv("EVENTS")) do events[#events + 1] = line end
local headers = { ["Authorization"] = "Bearer " .. token }

request = function()
  local event = events[math.random(#events)]
  local path
  if kind == "search" then
    path = "/v1/events?q=Door&limit=20&offset=" .. math.random(0, 100)
  elseif kind == "sections" then
    path = "/v1/events/" .. event .. "/sections"
  else
    path = "/v1/events/" .. event .. "/sections/A/rows"
  end
  return wrk.format("GET", path, headers)
end
