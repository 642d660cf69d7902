-- POSTs Flowtly client creates; with STOP_AFTER set, each thread stops after that many answers (a preload).
local counter = 0
local stop_after = tonumber(os.getenv("STOP_AFTER") or "0")
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer fl_demo_acme"
wrk.headers["Content-Type"] = "application/ld+json"

request = function()
  counter = counter + 1
  return wrk.format(nil, "/clients", nil, string.format(
    '{"name":"Bench client %d","country":"/countries/PL","currency":"/currencies/PLN","status":"active","tinType":"none"}',
    counter))
end

local answers = 0
response = function(status)
  answers = answers + 1
  if status ~= 201 then
    error("create answered " .. status)
  end
  if stop_after > 0 and answers >= stop_after then
    wrk.thread:stop()
  end
end
