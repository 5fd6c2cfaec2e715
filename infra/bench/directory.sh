#!/usr/bin/env bash
# Benchmark: the public GeoJSON directory of a network of 500 places, at 32 concurrent clients (wrk), against the
# same bytes served as a static file by the same application, and the 304 path (If-None-Match).
# Prints throughput, p50 and p99 for each and the ratios; asserts nothing. Needs wrk (apt-get install wrk) and curl.
#   infra/bench/directory.sh [places] [seconds]        (defaults: 500 places, 20 s per run)
set -euo pipefail
cd "$(dirname "$0")/../.."
. infra/bin/jdk.sh
places="${1:-500}"
seconds="${2:-20}"
command -v wrk > /dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
[ -f modules/bootstrap/target/maillage.jar ] || ./mvnw -q -B -DskipTests package
tmp="$(mktemp -d)"
port=$(( 20000 + RANDOM % 20000 ))
mkdir -p "$tmp/static"
infra/bin/keycloak start > /dev/null
java -jar modules/bootstrap/target/maillage.jar --spring.profiles.active=demo --server.port="$port" \
  --maillage.db.embedded.data-directory="$tmp/postgres" \
  --spring.web.resources.static-locations="file:$tmp/static/" \
  --spring.mvc.static-path-pattern=/api/public/static/** \
  --logging.level.root=WARN > "$tmp/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; infra/bin/keycloak stop; rm -rf "$tmp"' EXIT
until curl -fs "http://localhost:$port/actuator/health/readiness" | grep -q UP; do
  kill -0 $app 2>/dev/null || { tail -50 "$tmp/app.log"; exit 1; }; sleep 0.2
done
base="http://localhost:$port"
token() {
  curl -fs -d grant_type=password -d client_id=maillage-dev -d 'scope=openid organization:*' -d username="$1" \
    -d password=maillage-demo "http://localhost:${MAILLAGE_KEYCLOAK_PORT:-8180}/realms/maillage/protocol/openid-connect/token" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
admin=$(token admin@maillage.test)
net="bench-$RANDOM"
post() { curl -fs -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d "$2" "$base$1"; }
echo "Generating a network of $places places..."
t0=$(date +%s%N)
post /api/networks "{\"slug\":\"$net\",\"name\":\"Réseau de mesure\",\"territory\":[\"26\",\"05\"]}" > /dev/null
operator=$(curl -fs -X POST -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d '{"legalName":"Opérateur de mesure","siren":"732829320","address":{"line1":"1 place de la Mairie","postalCode":"26000","town":"Valence"},"vatRegime":{"type":"LIABLE","rates":["20"]},"invoicePrefix":"BENCH"}' \
  "$base/api/networks/$net/operators" | sed 's/.*"id":"\([^"]*\)".*/\1/' | head -c 36)
for i in $(seq 1 "$places"); do
  lat=$(awk -v i="$i" 'BEGIN{srand(i); printf "%.5f", 44.1 + rand()*0.9}')
  lon=$(awk -v i="$i" 'BEGIN{srand(i*7); printf "%.5f", 4.7 + rand()*1.4}')
  day=$(( i % 5 ))
  body="{\"operatorId\":\"$operator\",\"name\":\"Tiers-lieu $i\",\"kinds\":[\"COWORKING\"],\"address\":{\"line1\":\"$i rue du Lavoir\",\"postalCode\":\"26000\",\"town\":\"Valence\"},\"commune\":\"Valence\",\"insee\":\"26362\",\"latitude\":$lat,\"longitude\":$lon,\"capacity\":$(( 4 + i % 20 )),\"services\":[\"WIFI\",\"PRINTER\",\"COFFEE\"],\"descriptionFr\":\"Un tiers-lieu de la Drôme, numéro $i.\",\"hours\":{\"weekly\":{\"MONDAY\":[\"09:00-12:30\",\"14:00-18:00\"],\"TUESDAY\":[\"09:00-17:00\"],\"THURSDAY\":[\"14:00-19:00\"],\"FRIDAY\":[\"0$day:00-12:00\"]},\"closedOnPublicHolidays\":true}}"
  code=$(post "/api/networks/$net/places" "$body")
  [ "$code" = 201 ] || { echo "place $i: HTTP $code"; exit 1; }
done
echo "Generated in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
url="$base/api/public/networks/$net/places.geojson"
curl -fs -D "$tmp/headers" -o "$tmp/static/places.geojson" "$url"
etag=$(grep -i '^etag:' "$tmp/headers" | cut -d' ' -f2 | tr -d '\r')
echo "GeoJSON: $(wc -c < "$tmp/static/places.geojson") bytes, ETag $etag"
cmp -s <(curl -fs "$base/api/public/static/places.geojson") "$tmp/static/places.geojson" || { echo "static copy differs"; exit 1; }
run() { # label, then wrk arguments
  local label="$1"; shift
  wrk -t2 -c32 -d"${seconds}s" --latency "$@" > "$tmp/wrk.txt" 2>&1
  local rps p50 p99
  rps=$(awk '/^Requests\/sec/ {print $2}' "$tmp/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$tmp/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$tmp/wrk.txt")
  printf '%-28s %10s req/s   p50 %8s   p99 %8s\n' "$label" "$rps" "$p50" "$p99"
  echo "$rps" > "$tmp/$label.rps"
}
curl -fs -o /dev/null "$url"; wrk -t2 -c32 -d5s "$url" > /dev/null   # warm-up
run dynamic "$url"
run static "$base/api/public/static/places.geojson"
run not-modified -H "If-None-Match: $etag" "$url"
awk -v d="$(cat "$tmp/dynamic.rps")" -v s="$(cat "$tmp/static.rps")" -v n="$(cat "$tmp/not-modified.rps")" \
  'BEGIN { printf "dynamic / static = %.2f; 304 / static = %.2f\n", d / s, n / s }'
