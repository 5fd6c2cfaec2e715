#!/usr/bin/env bash
# Benchmark: invoices issued by two application instances on one PostgreSQL at once (default: 10,000 invoices across
# 20 operators). Instance A starts on an embedded PostgreSQL (demo profile: the network "baronnies" and its demo
# accounts); instance B starts on A's PostgreSQL through MAILLAGE_DB_URL (the embedded cluster trusts local TCP). The
# animator of baronnies creates 20 operators (invoice prefixes BENCH01..BENCH20), a card per operator and 50 members
# (setup, through A); then both instances sell cards at once, half of the sales each (POST
# /api/networks/baronnies/members/{memberId}/memberships, curl --parallel with BENCH_CLIENTS connections per
# instance): every sale issues its invoice in the sale's transaction (number taken by a locking upsert, hash chained
# to the operator's previous invoice). Prints the throughput (invoices per second, wall clock of the two runs) and the
# SQL proof that every (operator, year) series is 1..N without gap nor duplicate, then each operator's integrity
# check (GET .../operators/{id}/invoices/integrity). Asserts nothing, but says BROKEN if a series is.
#   infra/bench/invoices.sh [invoices] [operators]          (defaults: 10000 20; BENCH_CLIENTS=8 per instance)
# Needs curl, psql and Keycloak (infra/bin/keycloak; MAILLAGE_KEYCLOAK_PORT, default 8180).
set -euo pipefail
cd "$(dirname "$0")/../.."
. infra/bin/jdk.sh
. infra/bench/lib.sh
total="${1:-10000}"
operators="${2:-20}"
clients="${BENCH_CLIENTS:-8}"
members=50
for tool in curl psql; do
  command -v "$tool" > /dev/null || { echo "$tool is needed"; exit 1; }
done
bench_build
tmp="$(mktemp -d)"
infra/bin/keycloak start > /dev/null
B_PID=
trap 'rc=$?; [ -z "$B_PID" ] || { kill "$B_PID" 2>/dev/null; wait "$B_PID" 2>/dev/null || true; }; bench_stop_app; infra/bin/keycloak stop; rm -rf "$tmp"; exit $rc' EXIT

echo "Starting instance A (embedded PostgreSQL, demo profile)..."
bench_start_app "$tmp/postgres" "$tmp/a.log" --spring.profiles.active=demo
A_URL="$APP_URL"
pg_port="$PGPORT"
echo "Starting instance B on A's PostgreSQL (port $pg_port)..."
saved_pid="$APP_PID"
export MAILLAGE_DB_URL="jdbc:postgresql://localhost:$pg_port/maillage" MAILLAGE_DB_OWNER_USER=maillage_owner \
  MAILLAGE_DB_OWNER_PASSWORD=unused MAILLAGE_DB_APP_USER=maillage_app MAILLAGE_DB_APP_PASSWORD=unused
bench_start_app "$tmp/unused" "$tmp/b.log"
unset MAILLAGE_DB_URL MAILLAGE_DB_OWNER_USER MAILLAGE_DB_OWNER_PASSWORD MAILLAGE_DB_APP_USER MAILLAGE_DB_APP_PASSWORD
B_PID="$APP_PID"
B_URL="$APP_URL"
APP_PID="$saved_pid"
export PGHOST=localhost PGPORT="$pg_port" PGDATABASE=maillage
BENCH_OWNER=maillage_owner

token=$(bench_token animation@baronnies.maillage.test)
[ -n "$token" ] || { echo "No token for animation@baronnies.maillage.test"; exit 1; }
api="$A_URL/api/networks/baronnies"
post() { # path json -> id (stops the script on any answer but 201)
  local code
  code=$(curl -s -o "$tmp/post.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "$2" "$api$1")
  [ "$code" = 201 ] || { echo "POST $1 answered $code: $(head -c 400 "$tmp/post.json")" >&2; return 1; }
  sed 's/^{"id":"\([^"]*\)".*/\1/' "$tmp/post.json"
  echo
}
echo "Setup: $operators operators, a card each, $members members..."
: > "$tmp/offers"
for i in $(seq 1 "$operators"); do
  n=$(printf '%02d' "$i")
  op=$(post /operators "{\"legalName\":\"Opérateur de banc $n\",\"siren\":\"200068765\",\"address\":{\"line1\":\"Place du Lac\",\"postalCode\":\"05700\",\"town\":\"Serres\"},\"vatRegime\":{\"type\":\"LIABLE\",\"rates\":[\"20\"]},\"invoicePrefix\":\"BENCH$n\"}")
  [ -n "$op" ] || { echo "Operator $n not created"; exit 1; }
  echo "$op" >> "$tmp/operators"
  post /offers "{\"operatorId\":\"$op\",\"name\":\"Carte 10 entrées $n\",\"terms\":{\"type\":\"CARD\",\"entries\":10,\"entryDuration\":\"PT3H\",\"validity\":\"P1Y\"},\"priceCents\":5000,\"vatRate\":\"20\",\"scope\":{\"type\":\"OPERATOR_PLACES\"}}" >> "$tmp/offers"
done
: > "$tmp/members"
for i in $(seq 1 "$members"); do
  post /members "{\"email\":\"banc-$i-$RANDOM@maillage.test\",\"givenName\":\"Membre\",\"familyName\":\"Banc $i\"}" >> "$tmp/members"
done
mapfile -t offer < "$tmp/offers"
mapfile -t member < "$tmp/members"
[ "${#offer[@]}" = "$operators" ] && [ "${#member[@]}" = "$members" ] || { echo "Setup incomplete"; exit 1; }

token=$(bench_token animation@baronnies.maillage.test)
# One curl config per instance: sale i goes to instance i mod 2, offer i mod operators, member i mod members.
for side in A B; do : > "$tmp/$side.cfg"; done
for i in $(seq 0 $(( total - 1 ))); do
  if [ $(( i % 2 )) = 0 ]; then side=A; url="$A_URL"; else side=B; url="$B_URL"; fi
  [ "$i" -lt 2 ] || echo next >> "$tmp/$side.cfg"
  # "next" starts a new operation with no options: each one carries its own (headers, output, write-out).
  printf 'url = "%s/api/networks/baronnies/members/%s/memberships"\ndata = "{\\"offerId\\":\\"%s\\"}"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\nsilent\n' \
    "$url" "${member[$(( i % members ))]}" "${offer[$(( i % operators ))]}" "$token" >> "$tmp/$side.cfg"
done
sell() { # side
  curl --no-progress-meter -Z --parallel-max "$clients" -K "$tmp/$1.cfg" > "$tmp/$1.codes" || true
}
# One sale first, through B, to see that it works (its invoice is BENCH01's first).
code=$(curl -s -o "$tmp/first.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d "{\"offerId\":\"${offer[0]}\"}" \
  "$B_URL/api/networks/baronnies/members/${member[0]}/memberships")
[ "$code" = 201 ] || { echo "A sale through B answered $code: $(head -c 400 "$tmp/first.json")"; exit 1; }
echo "Selling $total cards ($clients connections per instance, two instances at once)..."
start=$(date +%s%N)
sell A & a=$!
sell B & b=$!
wait "$a" "$b"
ms=$(bench_ms "$start")
ok=$(cat "$tmp/A.codes" "$tmp/B.codes" | grep -c '^201$' || true)
other=$(cat "$tmp/A.codes" "$tmp/B.codes" | grep -vc '^201$' || true)

echo
echo "Invoice benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg):"
awk -v n="$ok" -v ms="$ms" -v o="$other" -v c="$clients" 'BEGIN {
  printf "  %d sales (each issuing its invoice) in %.1f s by two instances, %d connections each: %.1f invoices/s; %d other answers\n",
    n, ms / 1000, c, n * 1000 / ms, o }'
echo "  By instance: A $(grep -c '^201$' "$tmp/A.codes" || true), B $(grep -c '^201$' "$tmp/B.codes" || true)"
echo "  Answers: $(cat "$tmp/A.codes" "$tmp/B.codes" | sort | uniq -c | tr -s ' ' | tr '\n' ',')"
echo "Series of the bench operators (SQL proof, as the schema owner under the network's tenant):"
bench_psql_owner -P pager=off -f - <<SQL
SELECT set_config('app.tenant', (SELECT id::text FROM network WHERE slug = 'baronnies'), false) \g /dev/null
SELECT i.prefix, i.year, count(*) AS invoices, count(DISTINCT i.sequence) AS distinct_numbers,
       count(DISTINCT i.number) AS distinct_labels, min(i.sequence) AS first, max(i.sequence) AS last,
       s.last_number AS counter,
       CASE WHEN min(i.sequence) = 1 AND max(i.sequence) = count(*) AND count(DISTINCT i.sequence) = count(*)
                 AND count(DISTINCT i.number) = count(*) AND s.last_number = count(*)
            THEN 'gapless, unique' ELSE 'BROKEN' END AS verdict
  FROM invoice i
  JOIN invoice_series s ON s.network_id = i.network_id AND s.operator_id = i.operator_id AND s.year = i.year
 WHERE i.prefix LIKE 'BENCH%'
 GROUP BY i.prefix, i.year, s.last_number ORDER BY i.prefix, i.year;
SELECT count(*) AS invoices, count(DISTINCT (operator_id, year, sequence)) AS distinct_numbers
  FROM invoice WHERE prefix LIKE 'BENCH%';
SELECT count(*) AS gaps FROM (
  SELECT operator_id, year, sequence, lag(sequence) OVER (PARTITION BY operator_id, year ORDER BY sequence) AS prev
    FROM invoice WHERE prefix LIKE 'BENCH%') g
 WHERE sequence <> coalesce(prev, 0) + 1;
SQL
echo "Integrity of each bench operator's hash chain (GET .../operators/{id}/invoices/integrity, on B):"
intact=0
while read -r op; do
  r=$(curl -fs -H "Authorization: Bearer $token" "$B_URL/api/networks/baronnies/operators/$op/invoices/integrity")
  if echo "$r" | grep -q '"intact":true'; then intact=$(( intact + 1 )); else echo "  $op: $r"; fi
done < "$tmp/operators"
echo "  $intact of $operators chains intact"
