#!/usr/bin/env bash
# Generates the typed Fintoro client from the spec, type-checks and builds it, and runs it against a fake
# started here on a free port (stopped again by its PID). Needs the jar: mvn -B package -DskipTests.
set -euo pipefail
cd "$(dirname "$0")"
JAR=../../stubs/target/counterfeit.jar
if [ ! -f "$JAR" ]; then
  echo "no $JAR: build it first with mvn -B package -DskipTests" >&2
  exit 2
fi

npm ci --no-audit --no-fund --loglevel=error
npm run --silent generate
npm run --silent build

# A free port from the OS, and readiness from the health endpoint: nothing depends on the banner's wording.
PORT=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
URL="http://127.0.0.1:$PORT"
LOG=$(mktemp)
java -jar "$JAR" --port "$PORT" --apis fintoro --no-rate-limits >"$LOG" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -f "$LOG"' EXIT

ready=""
for _ in $(seq 1 240); do
  if node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
      "$URL/__counterfeit/health"; then
    ready=yes
    break
  fi
  if ! kill -0 "$PID" 2>/dev/null; then
    cat "$LOG" >&2
    exit 1
  fi
  sleep 0.25
done
if [ -z "$ready" ]; then
  echo "the fake did not answer on $URL within a minute" >&2
  cat "$LOG" >&2
  exit 1
fi

COUNTERFEIT_URL="$URL" npm start --silent
echo "typescript example: ok"
