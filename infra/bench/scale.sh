#!/usr/bin/env bash
# Scale generator: fills a Maillage database with 200 networks, 3,500 places (operators, opening hours as the
# application stores them), their offers, 300,000 members, their memberships (mostly cards and subscriptions) and
# 5,000,000 visits over the last two years, with the usage ledger of card visits. Sizes are skewed (a few big
# networks, many small ones); visits fall on open days and hours, in each network's time zone.
#
#   infra/bench/scale.sh [--fresh] [--networks N] [--places N] [--members N] [--visits N] [--jobs N]
#
# The schema is the product's: the application itself migrates the database (Liquibase) when it starts, and stays
# up while the generator works (its embedded PostgreSQL lives in its JVM). Data: the embedded PostgreSQL's kept data
# folder SCALE_DATA (default .maillage/bench/scale-postgres), reused by attendance.sh and checkin.sh; or the external
# server of MAILLAGE_DB_URL (with MAILLAGE_DB_OWNER_USER/_PASSWORD and MAILLAGE_DB_APP_USER/_PASSWORD, see
# infra/postgres/create-roles.sql).
# The generator works in SQL (sql/scale-*.sql: generate_series, INSERT ... SELECT) as the schema owner, in a
# staging schema first (scale_stage, dropped at the end), then network by network with app.tenant set: the tenant
# tables FORCE row-level security, so the owner is subject to it too, and nothing is disabled (no BYPASSRLS role,
# every CHECK, foreign key and index in place). --jobs sessions load networks side by side (default 2).
# Without --fresh, an already generated folder is only summarised. Prints the time of each phase and the sizes.
set -euo pipefail
cd "$(dirname "$0")/../.."
. infra/bin/jdk.sh
. infra/bench/lib.sh

fresh=no networks=200 places=3500 members=300000 visits=5000000 jobs=2 seed=0.42
while [ $# -gt 0 ]; do
  case "$1" in
    --fresh) fresh=yes ;;
    --networks) networks="$2"; shift ;;
    --places) places="$2"; shift ;;
    --members) members="$2"; shift ;;
    --visits) visits="$2"; shift ;;
    --jobs) jobs="$2"; shift ;;
    --seed) seed="$2"; shift ;;
    *) sed -n '2,20p' "$0"; exit 2 ;;
  esac
  shift
done
[ "$places" -ge $(( 3 * networks )) ] || { echo "--places must be at least 3 per network"; exit 2; }
command -v psql > /dev/null || { echo "psql is needed (apt-get install postgresql-client)"; exit 1; }

data="${SCALE_DATA:-$PWD/.maillage/bench/scale-postgres}"
if [ -z "${MAILLAGE_DB_URL:-}" ] && [ "$fresh" = yes ]; then rm -rf "$data"; fi
mkdir -p "$(dirname "$data")"
tmp="$(mktemp -d)"
trap 'bench_stop_app; rm -rf "$tmp"' EXIT
bench_build

secs() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }
t_all=$(date +%s%N)
declare -a phases=()
phase() { # label, then the command
  local label="$1"; shift
  local t0; t0=$(date +%s%N)
  printf '%-58s' "$label..."
  "$@"
  local ms; ms=$(bench_ms "$t0")
  printf ' %7s s\n' "$(secs "$ms")"
  phases+=("$(printf '%-58s %8s s' "$label" "$(secs "$ms")")")
}

start() { bench_start_app "$data" "$tmp/app.log"; }
phase "Start the application, Liquibase migrations" start
echo "  (PostgreSQL: $PGHOST:$PGPORT/$PGDATABASE, owner $BENCH_OWNER; data ${MAILLAGE_DB_URL:+external server}${MAILLAGE_DB_URL:-$data})"

existing=$(bench_psql_owner -Atc "SELECT count(*) FROM network WHERE slug LIKE 'scale-%'")
if [ "$existing" != 0 ]; then
  echo "This database already holds $existing generated networks; summary below (--fresh regenerates an embedded one)."
  bench_psql_owner -f infra/bench/sql/scale-summary.sql
  exit 0
fi

vars=(-v networks="$networks" -v places="$places" -v members="$members" -v visits="$visits" -v seed="$seed")
sql() { bench_psql_owner "${vars[@]}" -f "infra/bench/sql/$1"; }
parallel_load() { # runs a load file in $jobs sessions, one slice of the networks each
  local pids=() j
  for j in $(seq 0 $(( jobs - 1 ))); do
    bench_psql_owner -v jobs="$jobs" -v job="$j" -f "infra/bench/sql/$1" &
    pids+=($!)
  done
  local failed=0
  for j in "${pids[@]}"; do wait "$j" || failed=1; done
  return $failed
}

echo "Generating $networks networks, $places places, $members members, $visits visits ($jobs loading sessions)"
phase "Calendar, holidays, opening-hours templates (staging)" sql scale-0-prepare.sql
phase "Networks, operators, places, offers (staging, networks)" sql scale-1-setup.sql
phase "  load operators, places, offers (per network, RLS)" parallel_load scale-1-load.sql
phase "Members (staging)" sql scale-2-members.sql
phase "  load members (per network, RLS)" parallel_load scale-2-load.sql
phase "Memberships and visits (staging)" sql scale-3-history.sql
phase "  load memberships, visits, usage ledger (per network)" parallel_load scale-3-load.sql
phase "Drop staging, VACUUM (ANALYZE)" sql scale-4-finish.sql
total=$(bench_ms "$t_all")

echo
echo "Scale generation done in $(secs "$total") s ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)):"
printf '  %s\n' "${phases[@]}"
bench_psql_owner -f infra/bench/sql/scale-summary.sql
bench_psql_owner -Atc "SELECT 'Biggest network: ' || slug FROM network WHERE slug = 'scale-001'"
