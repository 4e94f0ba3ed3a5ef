#!/usr/bin/env bash
# The throughput benchmark (issue 8): redeem and wallet at 1 and 32 clients on MariaDB + Redis, side by side
# with the same work done without CodeScan in the same run (a raw-SQL payment transaction; a bare Kestrel
# endpoint with the same token check and Redis read), then commit→alert latency and projection lag under a
# fixed payment rate, then read-model rebuild speed. Prints a table and writes it as JSON.
#
#   ./scripts/bench.sh                                   # 10 s per run after 2 s warm-up, 300 payments/s for 10 s
#   ./scripts/bench.sh --duration 3 --warmup 1 --rounds 1 --load-seconds 3
#   ./scripts/bench.sh --works wallet --clients 32 --load-seconds 0 --rebuild no
#   ./scripts/bench.sh --nodes 2 --duration 5 --warmup 1 --load-seconds 0 --rebuild no   # 1 node beside 2 nodes
#   BENCH_OUTPUT=/tmp/before.json ./scripts/bench.sh
#
# Options (or BENCH_* environment variables): --duration S, --warmup S, --rounds N (default 3: CodeScan and its
# baseline measured in turns, N slices each, so a slow spell of the machine falls on both), --settle S (default 90: each work first
# runs until the JIT is quiet, at most this long; 0 skips), --works redeem,wallet, --clients 1,32, --nodes 1|2 (2 also
# runs each CodeScan work on two API nodes on the same database and Redis, requests alternating), --customers 64,
# --accounts 1000, --rate 300, --load-seconds 10 (0 skips), --rebuild yes|no, --output PATH (default
# bench-results.json in the directory you run it from), --keep yes|no; --help lists them.
# Starts (and stops) its own MariaDB and Redis the way ./scripts/test.sh does. A measurement, never a test:
# exit 0 whatever the figures; non-zero only when the servers, the build or the harness itself broke.
set -euo pipefail

CALLER_DIR="$PWD"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib/services.sh
. "$ROOT/scripts/lib/services.sh"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

PROJECT="$ROOT/tests/Benchmarks/Throughput"
DRIVER="$PROJECT/bin/Release/net10.0/CodeScan.Benchmarks.Throughput.dll"
SVC_DIR="$(mktemp -d "${TMPDIR:-/tmp}/codescan-bench.XXXXXX")"
finish() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  stop_services
  rm -rf "$SVC_DIR"
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

case " $* " in *" --help "*|*" -h "*)
  dotnet build -c Release "$PROJECT" -nologo -v quiet >/dev/null && dotnet "$DRIVER" --help; exit 0 ;;
esac

ensure_packages mariadbd:mariadb-server mariadb-install-db:mariadb-server mariadb:mariadb-client mariadb-admin:mariadb-client \
  redis-server:redis-server redis-cli:redis-tools
start_mariadb
start_redis
export CODESCAN_TEST_MYSQL="Server=127.0.0.1;Port=$MYSQL_PORT;User=$MYSQL_USER_NAME;Password=$MYSQL_USER_PASSWORD;"
export CODESCAN_TEST_REDIS="127.0.0.1:$REDIS_PORT"
echo "bench.sh: MariaDB on $MYSQL_PORT, Redis on $REDIS_PORT (127.0.0.1); building Release" >&2

if ! dotnet build -c Release "$PROJECT" -nologo -v quiet >"$SVC_DIR/build.log" 2>&1; then
  echo "bench.sh: build failed:" >&2; grep -E 'error|warn' "$SVC_DIR/build.log" | sort -u | tail -n 40 >&2
  exit 1
fi

# Run from the caller's directory, so a relative --output / BENCH_OUTPUT lands where they asked.
cd "$CALLER_DIR"
dotnet "$DRIVER" "$@"
