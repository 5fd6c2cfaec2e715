#!/usr/bin/env bash
# Benchmark: the check-in path at 64 concurrent clients. In one run, on the same PostgreSQL:
#  1. HTTP (wrk, infra/bench/checkin.lua): the demo manager of "baronnies" (a real Keycloak token) checks members in
#     at the front desk (POST /api/networks/baronnies/places/{placeId}/check-ins {memberId}: the application
#     chooses the covering membership, consumes an entry of the member's card, records the visit and the usage
#     ledger line) and out again (POST /api/networks/baronnies/visits/{visitId}/check-out); 6,400 members, each with
#     an active card of 500 entries;
#  2. pgbench (sql/checkin.pgbench): the same SQL transactions (app.tenant, the member's memberships FOR UPDATE, the
#     conditional UPDATE of entries_remaining, INSERT visit, INSERT usage_entry; then the check-out UPDATE), as the
#     application role, 64 clients.
# Prints check-in cycles per second (a cycle = check-in + check-out) of both, the ratio HTTP / pgbench, and the
# latency percentiles (HTTP: each request; pgbench: each cycle). Asserts nothing.
#   infra/bench/checkin.sh [seconds] [clients]          (defaults: 30 s per run, 64 clients)
# Data: the scale generator's folder (.maillage/bench/scale-postgres, or SCALE_DATA) when it exists, so that the
# visit table holds millions of rows; else a temporary one. Needs wrk, curl, psql and pgbench (PostgreSQL 15+
# client, PGBENCH to choose one).
set -euo pipefail
cd "$(dirname "$0")/../.."
. infra/bin/jdk.sh
. infra/bench/lib.sh
seconds="${1:-30}"
clients="${2:-64}"
members=$(( clients * 100 ))
pgbench="${PGBENCH:-$(command -v pgbench || echo /usr/lib/postgresql/15/bin/pgbench)}"
for tool in wrk curl psql "$pgbench"; do
  command -v "$tool" > /dev/null || { echo "$tool is needed"; exit 1; }
done
bench_build
tmp="$(mktemp -d)"
data="${SCALE_DATA:-$PWD/.maillage/bench/scale-postgres}"
[ -d "$data" ] || data="$tmp/postgres"
infra/bin/keycloak start > /dev/null
trap 'bench_stop_app; infra/bin/keycloak stop; rm -rf "$tmp"' EXIT

echo "Starting Maillage (demo profile; data: $data)..."
bench_start_app "$data" "$tmp/app.log" --spring.profiles.active=demo
read -r network place operator value < <(bench_psql_owner -At -F ' ' -v members="$members" \
  -f infra/bench/sql/checkin-setup.sql | tail -1)
bench_psql_owner -At -c "SELECT md5('bench-member-' || i)::uuid FROM generate_series(1, $members) i" > "$tmp/members"
visits=$(bench_psql_owner -At -c "SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE relname = 'visit'")
echo "Network baronnies ($network), place $place, $members members with a card; visit table: ~$visits rows"

token=$(bench_token gestion@baronnies.maillage.test)
[ -n "$token" ] || { echo "No token for gestion@baronnies.maillage.test (Keycloak on port ${MAILLAGE_KEYCLOAK_PORT:-8180}?)"; exit 1; }
base="$APP_URL/api/networks/baronnies"
code=$(curl -s -o "$tmp/first.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d "{\"memberId\":\"$(head -1 "$tmp/members")\"}" "$base/places/$place/check-ins")
http=yes
if [ "$code" = 201 ] || [ "$code" = 200 ]; then
  visit=$(sed 's/^{"id":"\([^"]*\)".*/\1/' "$tmp/first.json")
  curl -fs -o /dev/null -X POST -H "Authorization: Bearer $token" "$base/visits/$visit/check-out" \
    || { echo "The check-out of visit $visit failed"; exit 1; }
else
  http=no
  echo "The desk check-in answers HTTP $code ($(head -c 300 "$tmp/first.json")): not on this build yet, HTTP skipped."
fi

run_wrk() { # duration, output
  BENCH_TOKEN="$(bench_token gestion@baronnies.maillage.test)" BENCH_NETWORK=baronnies BENCH_PLACE="$place" \
    BENCH_MEMBERS="$tmp/members" BENCH_THREADS=2 \
    wrk -t2 -c"$clients" -d"$1" --timeout 10s -s infra/bench/checkin.lua "$APP_URL" > "$2" 2>&1
}
# Requests still running in the application when wrk stops may open visits after the reset: wait for quiet.
reset_cards() {
  local open=1 tries=0
  while [ "$open" != 0 ] && [ $tries -lt 30 ]; do
    bench_psql_owner -q -v members="$members" -f infra/bench/sql/checkin-setup.sql > /dev/null
    sleep 2
    open=$(printf "SELECT set_config('app.tenant', '%s', false) \\g /dev/null\nSELECT count(*) FROM visit WHERE network_id = '%s' AND place_id = '%s' AND checked_out_at IS NULL;\n" \
      "$network" "$network" "$place" | bench_psql_owner -At)
    tries=$((tries + 1))
  done
}
run_pgbench() { # duration, log prefix, output
  bench_psql_app -c 'SELECT 1' > /dev/null
  local root="$PWD"
  (cd "$tmp" && PGPASSWORD="${MAILLAGE_DB_APP_PASSWORD:-}" "$pgbench" -n -U "$BENCH_APP_ROLE" -M prepared \
    -c "$clients" -j 2 -T "$1" -l --log-prefix="$2" -D network="$network" -D place="$place" \
    -D operator="$operator" -D value="$value" -D per_client=$(( members / clients )) \
    -f "$root/infra/bench/sql/checkin.pgbench" > "$3" 2>&1) || { cat "$3"; exit 1; }
}
percentiles() { # files of pgbench's per-transaction log: latency (µs) is the third field
  cat "$@" | awk '{print $3}' | sort -n | awk '{a[NR] = $1} END {
    if (NR == 0) { print "no transactions"; exit }
    printf "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms", a[int(NR * 0.50) + 1] / 1000,
      a[int(NR * 0.95) + 1] / 1000, a[int(NR * 0.99) + 1] / 1000, a[NR] / 1000 }'
}

if [ "$http" = yes ]; then
  echo "Warming up (HTTP, 10 s)..."
  run_wrk 10s "$tmp/warm.txt"
  reset_cards
  echo "HTTP, $clients clients, $seconds s..."
  run_wrk "${seconds}s" "$tmp/wrk.txt"
  grep -v '^BENCH' "$tmp/wrk.txt" | sed 's/^/  /'
fi
reset_cards
echo "pgbench, $clients clients, $seconds s..."
run_pgbench 5 warm "$tmp/pgbench-warm.txt"
rm -f "$tmp"/warm.*
reset_cards
run_pgbench "$seconds" cycle "$tmp/pgbench.txt"
grep -E 'latency average|^tps' "$tmp/pgbench.txt" | sed 's/^/  /'

echo
echo "Check-in benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), visit table ~$visits rows:"
pg_tps=$(awk '/^tps/ {print $3; exit}' "$tmp/pgbench.txt")
printf '  pgbench (SQL only): %8.1f cycles/s   per cycle: %s\n' "$pg_tps" "$(percentiles "$tmp"/cycle.*)"
if [ "$http" = yes ]; then
  read -r ci co fail secs < <(awk -F'[ =]' '/^BENCH checkins/ {print $3, $5, $7, $9}' "$tmp/wrk.txt")
  lat=$(awk '/^BENCH p50/ {sub(/^BENCH /, ""); print}' "$tmp/wrk.txt")
  http_cps=$(awk -v c="$ci" -v o="$co" -v s="$secs" 'BEGIN { printf "%.1f", (c < o ? c : o) / s }')
  printf '  HTTP (wrk):         %8.1f cycles/s   (%d check-ins, %d check-outs, %d failures in %.0f s)\n' \
    "$http_cps" "$ci" "$co" "$fail" "$secs"
  echo "  HTTP latency per request: $lat"
  awk -v h="$http_cps" -v p="$pg_tps" 'BEGIN { printf "  ratio HTTP / pgbench = %.2f (aim: at least 0.3; p99 aim: under 50 ms)\n", h / p }'
fi
