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

LOG=$(mktemp)
java -jar "$JAR" --port 0 --apis fintoro --no-rate-limits >"$LOG" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -f "$LOG"' EXIT

URL=""
for _ in $(seq 1 120); do
  URL=$(sed -n 's/^counterfeit listening on \(http:[^ ]*\)$/\1/p' "$LOG")
  [ -n "$URL" ] && break
  if ! kill -0 "$PID" 2>/dev/null; then
    cat "$LOG" >&2
    exit 1
  fi
  sleep 0.25
done
if [ -z "$URL" ]; then
  echo "the fake did not start within 30 s" >&2
  cat "$LOG" >&2
  exit 1
fi

COUNTERFEIT_URL="$URL" npm start --silent
echo "typescript example: ok"
