#!/usr/bin/env bash
# Runs every test in the solution against a throwaway MariaDB and Redis.
#
#   ./scripts/test.sh                      # everything
#   ./scripts/test.sh --filter Name~Redeem # extra args go to `dotnet test`
#
# Installs mariadb-server / redis-server with apt-get when missing, starts both without systemd
# in a temp dir on free ports (MariaDB from 33306, Redis from 36379), exports
#   CODESCAN_TEST_MYSQL="Server=127.0.0.1;Port=<p>;User=codescan;Password=codescan;"
#   CODESCAN_TEST_REDIS="127.0.0.1:<p>"
# and a Redis Cluster of three masters (ports from 37000), for the tests in tests/Api.Tests/Cluster:
#   CODESCAN_TEST_REDIS_CLUSTER="127.0.0.1:<p1>,127.0.0.1:<p2>,127.0.0.1:<p3>"
# builds Release once, runs `dotnet test --no-build` with a trx logger, and ends with one line
# "N passed, N failed[, N skipped]". Exit code is non-zero if the build failed, any test failed,
# a test project produced no results, or no test ran. Everything it started is stopped on exit.
#
# Knobs: CODESCAN_TEST_MYSQL / CODESCAN_TEST_REDIS / CODESCAN_TEST_REDIS_CLUSTER already set -> use that
#        server (or cluster), start none.
#        CODESCAN_TEST_RESULTS=<dir> -> keep the .trx files there (default: temp, deleted).
#        CODESCAN_SLN=<file>         -> solution to test (default: CodeScan.sln / the one *.sln).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib/services.sh
. "$ROOT/scripts/lib/services.sh"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

SVC_DIR="$(mktemp -d "${TMPDIR:-/tmp}/codescan-test.XXXXXX")"
PASSED=0 FAILED=0 SKIPPED=0

finish() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  stop_services
  rm -rf "$SVC_DIR"
  if [ "$SKIPPED" -gt 0 ]; then
    printf '%d passed, %d failed, %d skipped\n' "$PASSED" "$FAILED" "$SKIPPED"
  else
    printf '%d passed, %d failed\n' "$PASSED" "$FAILED"
  fi
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

die() { log "$*"; exit 1; }

# --- solution and its test projects ------------------------------------------------------------
SLN="${CODESCAN_SLN:-}"
if [ -z "$SLN" ]; then
  if [ -f CodeScan.sln ]; then SLN=CodeScan.sln
  else
    shopt -s nullglob; slns=(./*.sln ./*.slnx); shopt -u nullglob
    [ "${#slns[@]}" -eq 1 ] || die "expected exactly one *.sln at $ROOT (set CODESCAN_SLN)"
    SLN="${slns[0]#./}"
  fi
fi
[ -f "$SLN" ] || die "solution $SLN not found"

# Project paths from .sln ("dir\x.csproj") or .slnx (Path="dir/x.csproj"); test projects are the
# ones referencing Microsoft.NET.Test.Sdk or marked IsTestProject.
TEST_PROJECTS=()
while IFS= read -r proj; do
  proj="${proj//\\//}"
  [ -f "$proj" ] || continue
  if grep -qE 'Microsoft\.NET\.Test\.Sdk|<IsTestProject>[[:space:]]*true' "$proj"; then
    TEST_PROJECTS+=("$proj")
  fi
done < <(grep -oE '"[^"]+\.(cs|fs|vb)proj"' "$SLN" | tr -d '"')

# --- tools and JS clients ----------------------------------------------------------------------
if [ -f .config/dotnet-tools.json ] || [ -f dotnet-tools.json ]; then
  dotnet tool restore >"$SVC_DIR/tool-restore.log" 2>&1 \
    || { cat "$SVC_DIR/tool-restore.log" >&2; die "dotnet tool restore failed"; }
fi

# graphql-ws: the reference WebSocket client; console: puppeteer-core, which drives the system's
# Chromium (it downloads no browser of its own); apollo: Apollo Client 4 (persisted queries, batching);
# examples/web: the TypeScript example, whose codegen, type check and demo a test runs.
for JS_CLIENT_DIR in tests/clients/graphql-ws tests/clients/console tests/clients/apollo examples/web; do
  [ -f "$JS_CLIENT_DIR/package.json" ] || continue
  ensure_packages node:nodejs npm:npm
  if [ -f "$JS_CLIENT_DIR/package-lock.json" ]; then npm_cmd=(npm ci); else npm_cmd=(npm install); fi
  (cd "$JS_CLIENT_DIR" && "${npm_cmd[@]}" --no-audit --no-fund --loglevel=error) \
    >"$SVC_DIR/npm.log" 2>&1 || { cat "$SVC_DIR/npm.log" >&2; die "${npm_cmd[*]} failed in $JS_CLIENT_DIR"; }
done

# The merchant console tests run in headless Chromium (Debian's chromium package); without it they fail.
if [ -f tests/clients/console/package.json ] && [ -z "${CODESCAN_CHROMIUM:-}" ]; then
  ensure_packages chromium:chromium || die "could not install chromium for the merchant console tests"
  CODESCAN_CHROMIUM="$(command -v chromium)" && export CODESCAN_CHROMIUM
fi

# --- services ----------------------------------------------------------------------------------
t0=$SECONDS
if [ -n "${CODESCAN_TEST_MYSQL:-}" ]; then
  log "using CODESCAN_TEST_MYSQL from the environment (no MariaDB started)"
else
  ensure_packages mariadbd:mariadb-server mariadb-install-db:mariadb-server \
    mariadb:mariadb-client mariadb-admin:mariadb-client
  start_mariadb || die "could not start MariaDB"
  export CODESCAN_TEST_MYSQL="Server=127.0.0.1;Port=$MYSQL_PORT;User=$MYSQL_USER_NAME;Password=$MYSQL_USER_PASSWORD;"
fi
if [ -n "${CODESCAN_TEST_REDIS:-}" ]; then
  log "using CODESCAN_TEST_REDIS from the environment (no Redis started)"
else
  ensure_packages redis-server:redis-server redis-cli:redis-tools
  start_redis || die "could not start Redis"
  export CODESCAN_TEST_REDIS="127.0.0.1:$REDIS_PORT"
fi
if [ -n "${CODESCAN_TEST_REDIS_CLUSTER:-}" ]; then
  log "using CODESCAN_TEST_REDIS_CLUSTER from the environment (no Redis Cluster started)"
else
  ensure_packages redis-server:redis-server redis-cli:redis-tools
  start_redis_cluster || die "could not start the Redis Cluster"
  export CODESCAN_TEST_REDIS_CLUSTER="$REDIS_CLUSTER_NODES"
fi
log "MariaDB on ${MYSQL_PORT:-(external)}, Redis on ${REDIS_PORT:-(external)}, Redis Cluster on ${REDIS_CLUSTER_NODES:-(external)} (127.0.0.1), ready in $(( SECONDS - t0 )) s"

# --- build and test ----------------------------------------------------------------------------
RESULTS_DIR="${CODESCAN_TEST_RESULTS:-$SVC_DIR/results}"
mkdir -p "$RESULTS_DIR"
rm -f "$RESULTS_DIR"/*.trx

BUILD_RC=0
dotnet build "$SLN" -c Release -nologo -v quiet || BUILD_RC=$?
TEST_RC=0
if [ "$BUILD_RC" -eq 0 ]; then
  dotnet test "$SLN" -c Release --no-build --logger trx --results-directory "$RESULTS_DIR" "$@" || TEST_RC=$?
else
  log "build failed (exit $BUILD_RC); running the test projects that do build"
  dotnet test "$SLN" -c Release -nologo -v quiet --logger trx --results-directory "$RESULTS_DIR" "$@" || TEST_RC=$?
fi

# --- totals from the .trx files ----------------------------------------------------------------
counter() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2" | head -n 1; }
shopt -s nullglob
TRX=("$RESULTS_DIR"/*.trx)
shopt -u nullglob
for f in "${TRX[@]}"; do
  c="$(grep -o '<Counters [^>]*>' "$f" | head -n 1 || true)"
  if [ -z "$c" ]; then log "no counters in $(basename "$f") (run aborted?)"; FAILED=$(( FAILED + 1 )); continue; fi
  total=$(counter total "$c"); executed=$(counter executed "$c"); passed=$(counter passed "$c")
  failed=$(( $(counter failed "$c") + $(counter error "$c") + $(counter timeout "$c") + $(counter aborted "$c") ))
  PASSED=$(( PASSED + passed )); FAILED=$(( FAILED + failed ))
  if [ "$total" -gt "$executed" ]; then SKIPPED=$(( SKIPPED + total - executed )); fi
done

# One trx per test project that ran; a project without one did not build or did not run.
missing=$(( ${#TEST_PROJECTS[@]} - ${#TRX[@]} ))
if [ "$missing" -gt 0 ]; then
  FAILED=$(( FAILED + missing ))
  unmatched=()
  for proj in "${TEST_PROJECTS[@]}"; do
    # A trx names the test dll's path (lower-cased in storage=, as-is in "No test is available").
    dir="$(cd "$(dirname "$proj")" && pwd)"
    grep -qiF "$dir/" "${TRX[@]}" /dev/null || unmatched+=("$proj")
  done
  log "$missing test project(s) produced no results (did not build/run); ${unmatched[*]-?}"
fi

rc=0
[ "$BUILD_RC" -eq 0 ] || rc=1
[ "$FAILED" -eq 0 ] || rc=1
if [ "$TEST_RC" -ne 0 ]; then
  [ "$FAILED" -gt 0 ] || log "dotnet test exited with code $TEST_RC"
  rc=1
fi
if [ $(( PASSED + FAILED )) -eq 0 ]; then log "no test ran"; rc=1; fi
exit "$rc"
