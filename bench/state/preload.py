"""Creates N Flowtly clients over 8 keep-alive connections, as fast as the fake takes them (the preload)."""
import http.client
import json
import sys
import threading

port, total = int(sys.argv[1]), int(sys.argv[2])
HEADERS = {"Authorization": "Bearer fl_demo_acme", "Content-Type": "application/ld+json"}
lock = threading.Lock()
next_index = [0]
failures = []


def worker():
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while True:
        with lock:
            if next_index[0] >= total:
                break
            next_index[0] += 1
            i = next_index[0]
        body = json.dumps({"name": "Preloaded %d" % i, "country": "/countries/PL", "currency": "/currencies/PLN",
                           "status": "active", "tinType": "none"})
        conn.request("POST", "/clients", body, HEADERS)
        answer = conn.getresponse()
        answer.read()
        if answer.status != 201:
            failures.append(answer.status)
    conn.close()


threads = [threading.Thread(target=worker) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
if failures:
    sys.exit("preload: %d creates failed, e.g. %s" % (len(failures), failures[:3]))
