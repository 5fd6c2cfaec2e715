#!/usr/bin/env bash
# Benchmark: time from launching the JVM to "ready" (readiness probe UP, embedded PostgreSQL included) and resident
# memory after start, with the demo profile, for the plain executable jar and for the form infra/bin/start runs
# (extracted jar with the JDK's AOT cache). Keycloak runs beside it (infra/bin/keycloak), not counted.
# Prints figures; asserts nothing.
#   infra/bench/startup.sh [runs per form]      (default 3; each form's first run starts from an empty data folder)
set -euo pipefail
cd "$(dirname "$0")/../.."
. infra/bin/jdk.sh
runs="${1:-3}"
jar=modules/bootstrap/target/maillage.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
tmp="$(mktemp -d)"
infra/bin/keycloak start > /dev/null
trap 'pkill -f "$tmp" 2>/dev/null || true; rm -rf "$tmp"; infra/bin/keycloak stop' EXIT
port=$(( 20000 + RANDOM % 20000 ))

java -Djarmode=tools -jar "$jar" extract --destination "$tmp/app" > /dev/null
infra/bin/aot-train "$tmp/app" "$tmp/training.log"

measure() { # form label, then the java arguments
  local form="$1"; shift
  local data="$tmp/data-$form"
  for run in $(seq 1 "$runs"); do
    local t0 t1 pid rss
    t0=$(date +%s%N)
    java "$@" --spring.profiles.active=demo --server.port="$port" \
      --maillage.db.embedded.data-directory="$data" > "$tmp/$form-$run.log" 2>&1 &
    pid=$!
    until curl -fs "http://localhost:$port/actuator/health/readiness" 2>/dev/null | grep -q UP; do
      kill -0 "$pid" 2>/dev/null || { echo "the application died:"; tail -50 "$tmp/$form-$run.log"; exit 1; }
      sleep 0.05
    done
    t1=$(date +%s%N)
    sleep 2
    rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
    printf '%-26s run %d (%-17s): ready in %5d ms, JVM resident %d MB\n' "$form" "$run" \
      "$([ "$run" -eq 1 ] && echo "empty data folder" || echo "data kept")" $(( (t1 - t0) / 1000000 )) "$rss"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
}

measure executable-jar -jar "$jar"
measure extracted+aot-cache -XX:AOTCache="$tmp/app/maillage.aot" -Xlog:aot=off -Xlog:cds=off -jar "$tmp/app/maillage.jar"
