-- The soak's mixed load, per wrk thread: read one, list, create (then delete what was created, so the store
-- stays the same size and a growing heap means a leak), replace, and an invalid create.
-- BENCH_BASE is the API's base path; BENCH_DIR holds the bodies.
local base = os.getenv("BENCH_BASE")
local dir = os.getenv("BENCH_DIR")
local function read(name)
  local f = assert(io.open(dir .. "/" .. name, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end
local acme = { ["Authorization"] = "Bearer ft_demo_acme_write", ["Content-Type"] = "application/json" }
local globex = { ["Authorization"] = "Bearer ft_demo_globex_write", ["Content-Type"] = "application/json" }
local cycle

-- wrk knows the Host header only once a thread starts.
init = function(args)
  cycle = {
    wrk.format("GET", base .. "/clients/101", acme),
    wrk.format("GET", base .. "/clients", acme),
    wrk.format("POST", base .. "/clients", globex, read("create.json")),
    wrk.format("PUT", base .. "/clients/101", acme, read("update.json")),
    wrk.format("POST", base .. "/clients", acme, read("invalid.json")),
  }
end
local i = 0
local created = {}

request = function()
  local id = table.remove(created)
  if id then
    return wrk.format("DELETE", base .. "/clients/" .. id, globex)
  end
  i = i % #cycle + 1
  return cycle[i]
end

response = function(status, headers, body)
  if status == 201 then
    local id = body:match('"id":%s*(%d+)')
    if id then
      table.insert(created, id)
    end
  end
end
