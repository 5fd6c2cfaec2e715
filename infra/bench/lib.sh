# Shared by the benchmarks of infra/bench (sourced, not run). Starts Maillage on a kept or temporary embedded
# PostgreSQL data folder (or on the external server of MAILLAGE_DB_URL), gives psql access as the owner or the
# application role, and Keycloak tokens of the demo accounts.
#
# The embedded cluster (zonky) trusts local TCP connections, so psql needs no password there; on an external server
# the owner's and the application's passwords come from MAILLAGE_DB_OWNER_PASSWORD / MAILLAGE_DB_APP_PASSWORD.

bench_jar="${BENCH_JAR:-modules/bootstrap/target/maillage.jar}"

# Builds the jar (tests skipped) so that the benchmark measures the code of this folder; BENCH_JAR (a jar built
# elsewhere) or BENCH_BUILD=no (use the jar as it is) skip it.
bench_build() {
  if [ -z "${BENCH_JAR:-}" ] && [ "${BENCH_BUILD:-yes}" != no ]; then
    echo "Building (mvnw package, tests skipped)..."
    ./mvnw -q -B -DskipTests package
  fi
  [ -f "$bench_jar" ] || { echo "No $bench_jar"; return 1; }
}

bench_free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 30000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# bench_start_app DATA_DIR LOG [application arguments...]
# Starts the application (embedded PostgreSQL in DATA_DIR unless MAILLAGE_DB_URL is set) and waits until it is
# ready, Liquibase migrations included. Sets APP_PID, APP_PORT, APP_URL, and PG* for psql.
bench_start_app() {
  local data="$1" log="$2"; shift 2
  APP_PORT=$(bench_free_port)
  local db_args=()
  if [ -n "${MAILLAGE_DB_URL:-}" ]; then
    local rest="${MAILLAGE_DB_URL#jdbc:postgresql://}"
    local hostport="${rest%%/*}"
    export PGHOST="${hostport%%:*}" PGDATABASE="${rest#*/}"
    PGDATABASE="${PGDATABASE%%\?*}"
    if [ "$hostport" != "${hostport#*:}" ]; then export PGPORT="${hostport#*:}"; else export PGPORT=5432; fi
    BENCH_OWNER="${MAILLAGE_DB_OWNER_USER:-maillage_owner}"
    BENCH_APP_ROLE="${MAILLAGE_DB_APP_USER:-maillage_app}"
  else
    export PGHOST=localhost PGDATABASE=maillage PGPORT
    PGPORT=$(bench_free_port)
    BENCH_OWNER=maillage_owner
    BENCH_APP_ROLE=maillage_app
    db_args=(--maillage.db.embedded.data-directory="$data" --maillage.db.embedded.port="$PGPORT")
  fi
  java ${BENCH_JAVA_OPTS:--Xmx768m} -jar "$bench_jar" --server.port="$APP_PORT" "${db_args[@]}" \
    --maillage.identity.keycloak.url="http://localhost:${MAILLAGE_KEYCLOAK_PORT:-8180}" \
    --logging.level.root=WARN "$@" > "$log" 2>&1 &
  APP_PID=$!
  APP_URL="http://localhost:$APP_PORT"
  until curl -fs "$APP_URL/actuator/health/readiness" 2>/dev/null | grep -q UP; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "The application stopped; last lines of $log:"; tail -40 "$log"; return 1; }
    sleep 0.3
  done
}

bench_stop_app() {
  if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}

# psql as the schema owner / as the application role (row-level security applies to both: set app.tenant).
bench_psql_owner() {
  PGPASSWORD="${MAILLAGE_DB_OWNER_PASSWORD:-}" psql -X -q -v ON_ERROR_STOP=1 -U "$BENCH_OWNER" "$@"
}
bench_psql_app() {
  PGPASSWORD="${MAILLAGE_DB_APP_PASSWORD:-}" psql -X -q -v ON_ERROR_STOP=1 -U "$BENCH_APP_ROLE" "$@"
}

# An access token of a demo account (password grant of the demo-only client maillage-dev).
bench_token() {
  curl -fs -d grant_type=password -d client_id=maillage-dev -d 'scope=openid organization:*' -d username="$1" \
    -d password=maillage-demo \
    "http://localhost:${MAILLAGE_KEYCLOAK_PORT:-8180}/realms/maillage/protocol/openid-connect/token" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

bench_ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
