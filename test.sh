#!/usr/bin/env bash
# Runs every test: unit + integration on SQLite, integration on PostgreSQL, browser journeys in Chromium.
# Installs what is missing (as root), starts a throwaway PostgreSQL on a free loopback port and stops it by PID.
# Ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
ART="$ROOT/artifacts"
RESULTS="$ART/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS" "$ART/screenshots"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { echo "== $*"; }

# --- 1. what the tests need --------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
{ command -v fc-list >/dev/null 2>&1 && fc-list | grep -qi "Noto Sans CJK"; } || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$ART/apt.log" 2>&1 \
      || { echo "apt-get install failed, see $ART/apt.log"; tail -20 "$ART/apt.log"; }
  else
    echo "missing: ${missing[*]} — run ./test.sh as root to install them"
  fi
fi

# --- 2. a throwaway PostgreSQL -----------------------------------------------------------
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
PGDIR=""
stop_pg() {
  if [ -n "$PGDIR" ] && [ -f "$PGDIR/data/postmaster.pid" ]; then
    local pid; pid=$(head -1 "$PGDIR/data/postmaster.pid")
    kill -INT "$pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  [ -n "$PGDIR" ] && rm -rf "$PGDIR"
}
trap stop_pg EXIT

free_port() {
  local p
  for p in $(seq 55432 55532); do
    (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { echo "$p"; return; }
  done
}

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

PG_OK=0
if [ -n "$PGBIN" ]; then
  PGDIR=$(mktemp -d /tmp/tongxin-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$PGDIR"
  PGPORT=$(free_port)
  if as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1 \
     && as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -t 60 \
          -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null; then
    PG_OK=1
    export TONGXIN_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
    log "PostgreSQL $(basename "$(dirname "$PGBIN")") on 127.0.0.1:$PGPORT (pid $(head -1 "$PGDIR/data/postmaster.pid"))"
  else
    echo "PostgreSQL failed to start:"; cat "$PGDIR/initdb.log" "$PGDIR/log" 2>/dev/null | tail -20
  fi
else
  echo "PostgreSQL is not installed: the PostgreSQL run will be counted as failed"
fi

# --- 3. build once -------------------------------------------------------------------------
log "build"
if ! dotnet build Tongxin.slnx -c Release -v q -nologo >"$ART/build.log" 2>&1; then
  grep -E "error" "$ART/build.log" | sort -u | head -30
  echo "0 passed, 1 failed"
  exit 1
fi

# --- 4. run the suites ---------------------------------------------------------------------
status=0
run_suite() { # name project provider [filter]
  local name=$1 project=$2 provider=$3 filter=${4:-}
  log "tests: $name"
  local args=(test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS")
  [ -n "$filter" ] && args+=(--filter "$filter")
  TONGXIN_TEST_PROVIDER=$provider dotnet "${args[@]}" >"$ART/$name.log" 2>&1
  local rc=$?
  # Each failure with its message (the first lines of it), then the summary line.
  grep -E "^\s+Failed |Error Message:" -A 10 "$ART/$name.log" | grep -vE "^\s*$" | head -n 120
  grep -E "^(Passed|Failed)!|\[SKIP\]" "$ART/$name.log"
  [ "$rc" = 0 ] || status=1
}

run_suite sqlite tests/Tongxin.Tests/Tongxin.Tests.csproj Sqlite
if [ "$PG_OK" = 1 ]; then
  run_suite postgres tests/Tongxin.Tests/Tongxin.Tests.csproj Postgres "Category=Db"
else
  status=1; echo "<Counters total=\"1\" executed=\"1\" passed=\"0\" failed=\"1\" />" >"$RESULTS/postgres-missing.trx"
fi
run_suite browser tests/Tongxin.BrowserTests/Tongxin.BrowserTests.csproj Sqlite

# --- 5. one closing line -----------------------------------------------------------------
passed=0; failed=0
for f in "$RESULTS"/*.trx; do
  [ -f "$f" ] || continue
  c=$(grep -o '<Counters [^>]*' "$f" | head -1)
  p=$(echo "$c" | grep -o 'passed="[0-9]*"' | grep -o '[0-9]*'); passed=$((passed + ${p:-0}))
  x=$(echo "$c" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*'); failed=$((failed + ${x:-0}))
done
[ "$passed" -gt 0 ] || status=1
[ "$failed" -eq 0 ] || status=1
echo "screenshots: $ART/screenshots"
echo "$passed passed, $failed failed"
exit $status
