-- GETs with Flowtly's demo token: the path comes from the command line (a page of the list, or one client).
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "fl_demo_acme")
response = function(status)
  if status ~= 200 then
    error("read answered " .. status)
  end
end
