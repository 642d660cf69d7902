-- POSTs Flowtly client creates, each with its own name.
local counter = 0
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "fl_demo_acme")
wrk.headers["Content-Type"] = "application/ld+json"

request = function()
  counter = counter + 1
  return wrk.format(nil, "/clients", nil, string.format(
    '{"name":"Bench client %d","country":"/countries/PL","currency":"/currencies/PLN","status":"active","tinType":"none"}',
    counter))
end

response = function(status)
  if status ~= 201 then
    error("create answered " .. status)
  end
end
