#!/usr/bin/env bash
# Benchmark: "visits per place per month" of the biggest generated network (scale-001) over a year (the current
# month and the eleven before it), on the database of the scale generator (infra/bench/scale.sh, run it first):
#  1. the SQL the attendance endpoint runs (sql/attendance.pgbench), through pgbench as the application role under
#     row-level security, one client then two, latency percentiles from pgbench's per-transaction log, and the plan
#     (EXPLAIN ANALYZE, BUFFERS);
#  2. three variants for comparison, one client: the aggregate of the visits that the endpoint ran before the roll-up
#     of ADR 0010 (sql/attendance-visits.pgbench), one index range scan per month (sql/attendance-per-month.pgbench),
#     and the months already over read from a monthly roll-up (sql/attendance-rollup.pgbench; the roll-up is built
#     for this network in a schema "bench", dropped at the end);
#  3. when the application has it, GET /api/networks/scale-001/attendance?granularity=MONTH&from=...&to=... with a
#     platform administrator's token (Keycloak), one connection then two (wrk).
# Aim: p95 under 100 ms. Prints figures; asserts nothing.
#   infra/bench/attendance.sh [seconds]          (default 30 s per run; BENCH_HTTP=no: SQL only, no Keycloak)
set -euo pipefail
cd "$(dirname "$0")/../.."
. infra/bin/jdk.sh
. infra/bench/lib.sh
seconds="${1:-30}"
network_slug="${BENCH_NETWORK:-scale-001}"
pgbench="${PGBENCH:-$(command -v pgbench || echo /usr/lib/postgresql/15/bin/pgbench)}"
for tool in wrk curl psql "$pgbench"; do
  command -v "$tool" > /dev/null || { echo "$tool is needed"; exit 1; }
done
data="${SCALE_DATA:-$PWD/.maillage/bench/scale-postgres}"
[ -n "${MAILLAGE_DB_URL:-}" ] || [ -d "$data" ] || { echo "No generated database in $data: run infra/bench/scale.sh first."; exit 1; }
bench_build
tmp="$(mktemp -d)"
http="${BENCH_HTTP:-yes}"
[ "$http" = no ] || infra/bin/keycloak start > /dev/null
drop_rollup() { [ -z "${APP_PID:-}" ] || bench_psql_owner -c 'DROP SCHEMA IF EXISTS bench CASCADE' > /dev/null 2>&1 || true; }
trap 'drop_rollup; bench_stop_app; [ "$http" = no ] || infra/bin/keycloak stop; rm -rf "$tmp"' EXIT
if [ "$http" = no ]; then
  echo "Starting Maillage (data: ${MAILLAGE_DB_URL:-$data})..."
  bench_start_app "$data" "$tmp/app.log"
else
  echo "Starting Maillage (demo profile, for the administrator's account; data: ${MAILLAGE_DB_URL:-$data})..."
  bench_start_app "$data" "$tmp/app.log" --spring.profiles.active=demo
fi

read -r network zone from_local to_local < <(bench_psql_owner -At -F ' ' -c "
  SELECT id, time_zone, (t - interval '11 months')::date, (t + interval '1 month')::date - 1
  FROM network, LATERAL (SELECT date_trunc('month', now() AT TIME ZONE time_zone)::date AS t) t
  WHERE slug = '$network_slug'")
[ -n "$network" ] || { echo "No network $network_slug in this database"; exit 1; }
from_ts=$(bench_psql_owner -At -c "SELECT to_char(('$from_local'::timestamp AT TIME ZONE '$zone') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
to_ts=$(bench_psql_owner -At -c "SELECT to_char((('$to_local'::date + 1)::timestamp AT TIME ZONE '$zone') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
stats=$(printf "SELECT set_config('app.tenant', '%s', false) \\g /dev/null\n%s\n" "$network" "
  SELECT (SELECT count(*) FROM place), (SELECT count(*) FROM visit),
         (SELECT count(*) FROM visit WHERE checked_in_at >= '$from_ts' AND checked_in_at < '$to_ts');" \
  | bench_psql_owner -At -F ' ')
read -r places all_visits year_visits <<< "$stats"
indexes=$(bench_psql_owner -At -c "SELECT string_agg(indexname, ', ' ORDER BY indexname) FROM pg_indexes WHERE tablename = 'visit'")
echo "Network $network_slug ($zone): $places places, $all_visits visits, $year_visits from $from_local to $to_local"
echo "Indexes of visit: $indexes"

vars=(-D network="$network" -D zone="$zone" -D from="$from_ts" -D to="$to_ts")
percentiles() {
  cat "$@" | awk '{print $3}' | sort -n | awk '{a[NR] = $1} END {
    printf "%d transactions, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", NR, a[int(NR * 0.50) + 1] / 1000,
      a[int(NR * 0.95) + 1] / 1000, a[int(NR * 0.99) + 1] / 1000, a[NR] / 1000 }'
}
root="$PWD"
run_pgbench() { # clients, duration, log prefix[, script]
  (cd "$tmp" && PGPASSWORD="${MAILLAGE_DB_APP_PASSWORD:-}" "$pgbench" -n -U "$BENCH_APP_ROLE" -M prepared -c "$1" \
    -j "$1" -T "$2" -l --log-prefix="$3" "${vars[@]}" -f "$root/infra/bench/sql/${4:-attendance.pgbench}" \
    > "$tmp/out-$3.txt" 2>&1) || { cat "$tmp/out-$3.txt"; exit 1; }
}

echo "The plan (EXPLAIN ANALYZE, as the application role, second execution):"
sql=$(sed -n '/^select a.place_id/,/;$/p' infra/bench/sql/attendance.pgbench \
  | sed -e "s|:network|'$network'|g" -e "s|:zone|'$zone'|g" -e "s|:from|'$from_ts'|g" -e "s|:to|'$to_ts'|g")
for _ in 1 2; do
  printf "BEGIN READ ONLY;\nSELECT set_config('app.tenant', '%s', true) \\g /dev/null\nEXPLAIN (ANALYZE, BUFFERS) %s\nCOMMIT;\n" \
    "$network" "$sql" | bench_psql_app > "$tmp/plan.txt"
done
sed 's/^/  /' "$tmp/plan.txt"

run_pgbench 1 5 warm
declare -a results=()
for clients in 1 2; do
  echo "pgbench, $clients client(s), $seconds s..."
  run_pgbench "$clients" "$seconds" "sql-$clients"
  results+=("$(printf 'SQL of the endpoint (pgbench), %d client(s):      %s' "$clients" "$(percentiles "$tmp"/sql-"$clients".*)")")
done
echo "Variant: aggregate of the visits (the endpoint before ADR 0010), 1 client, $seconds s..."
run_pgbench 1 "$seconds" visits attendance-visits.pgbench
results+=("$(printf 'variant, aggregate of the visits, 1 client:   %s' "$(percentiles "$tmp"/visits.*)")")
echo "Variant: one range scan per month, 1 client, $seconds s..."
run_pgbench 1 "$seconds" per-month attendance-per-month.pgbench
results+=("$(printf 'variant, one range scan per month, 1 client:  %s' "$(percentiles "$tmp"/per-month.*)")")
echo "Variant: monthly roll-up (building it for $network_slug)..."
t0=$(date +%s%N)
bench_psql_owner -v network="$network" -v zone="$zone" -v app_role="$BENCH_APP_ROLE" -f infra/bench/sql/attendance-rollup.sql
rollup_ms=$(bench_ms "$t0")
run_pgbench 1 "$seconds" rollup attendance-rollup.pgbench
results+=("$(printf 'variant, roll-up + current month, 1 client:    %s (roll-up built in %d ms)' "$(percentiles "$tmp"/rollup.*)" "$rollup_ms")")
drop_rollup

token=$([ "$http" = no ] || bench_token admin@maillage.test)
url="$APP_URL/api/networks/$network_slug/attendance?granularity=MONTH&from=$from_local&to=$to_local"
code=$([ "$http" = no ] || curl -s -o "$tmp/attendance.json" -w '%{http_code}' -H "Authorization: Bearer $token" "$url")
if [ "$http" = no ]; then
  results+=("HTTP: skipped (BENCH_HTTP=no)")
elif [ "$code" = 200 ]; then
  echo "HTTP: $(wc -c < "$tmp/attendance.json") bytes per answer"
  BENCH_TOKEN="$token" wrk -t1 -c1 -d5s -s infra/bench/latency.lua "$url" > /dev/null 2>&1
  for clients in 1 2; do
    echo "HTTP, $clients connection(s), $seconds s..."
    BENCH_TOKEN="$(bench_token admin@maillage.test)" wrk -t"$clients" -c"$clients" -d"${seconds}s" --timeout 10s \
      -s infra/bench/latency.lua "$url" > "$tmp/wrk-$clients.txt" 2>&1
    results+=("$(awk -v c="$clients" '/^BENCH/ { split($0, f, /[ =]/);
      printf "HTTP (wrk), %d connection(s):   %d requests, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, %d non-2xx",
        c, f[3], f[9], f[11], f[13], f[15], f[7] }' "$tmp/wrk-$clients.txt")")
  done
else
  results+=("HTTP: GET .../attendance answers $code on this build (the endpoint is not there yet): skipped")
fi

echo
echo "Attendance benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg):"
echo "  visits per place per month, $network_slug, $from_local to $to_local ($year_visits visits, $places places); aim p95 < 100 ms"
printf '  %s\n' "${results[@]}"
