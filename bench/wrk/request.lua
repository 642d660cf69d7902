-- One fixed request, formatted once: BENCH_METHOD, BENCH_PATH, BENCH_TOKEN and optional BENCH_BODY (a file).
local body = nil
local file = os.getenv("BENCH_BODY")
if file and file ~= "" then
  local f = assert(io.open(file, "rb"))
  body = f:read("*a")
  f:close()
end
local headers = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"), ["Accept"] = "application/json" }
if body then
  headers["Content-Type"] = "application/json"
end
local req

-- wrk knows the Host header only once a thread starts.
init = function(args)
  req = wrk.format(os.getenv("BENCH_METHOD"), os.getenv("BENCH_PATH"), headers, body)
end

request = function()
  return req
end
