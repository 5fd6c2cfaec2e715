#!/usr/bin/env bash
# Benchmark: time from launch to "ready" (readiness probe UP, embedded PostgreSQL included) and resident memory
# after start, for the README's start command (demo profile). Prints figures; asserts nothing.
#   infra/bench/startup.sh [runs]      (default 3; the first run starts from an empty data folder)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"
jar=modules/bootstrap/target/maillage.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
data="$(mktemp -d)"
port=$(( 20000 + RANDOM % 20000 ))
trap 'rm -rf "$data"' EXIT
for run in $(seq 1 "$runs"); do
  t0=$(date +%s%N)
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar "$jar" --spring.profiles.active=demo --server.port="$port" \
       --maillage.db.embedded.data-directory="$data/postgres" > "$data/run$run.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health/readiness" 2>/dev/null | grep -q UP; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the application died; see $data/run$run.log"; cat "$data/run$run.log"; exit 1; fi
    sleep 0.05
  done
  t1=$(date +%s%N)
  sleep 2
  rss_app=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  pg_rss=0
  for child in $(pgrep -f "postgres -D $data/postgres" || true) $(pgrep -P "$(pgrep -f "postgres -D $data/postgres" | head -1)" 2>/dev/null || true); do
    pg_rss=$(( pg_rss + $(awk '/VmRSS/ {print $2}' "/proc/$child/status" 2>/dev/null || echo 0) ))
  done
  state=$([ "$run" -eq 1 ] && echo "empty data folder" || echo "data kept")
  printf 'run %d (%s): ready in %d ms; JVM resident %d MB; PostgreSQL processes %d MB\n' \
    "$run" "$state" $(( (t1 - t0) / 1000000 )) $(( rss_app / 1024 )) $(( pg_rss / 1024 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
