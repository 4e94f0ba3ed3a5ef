#!/usr/bin/env bash
# Commit-to-alert latency over a real WebSocket, p50/p90/p99, embedded and on MariaDB + Redis.
#   ./scripts/bench-alert-latency.sh [payments=1000]
# Starts (and stops) its own MariaDB and Redis the way ./scripts/test.sh does. A measurement, not a test:
# it prints numbers and fails only when alerts are missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. "$ROOT/scripts/lib/services.sh"

PAYMENTS="${1:-1000}"
SVC_DIR="$(mktemp -d "${TMPDIR:-/tmp}/codescan-bench.XXXXXX")"
finish() {
  trap - EXIT INT TERM
  set +e
  stop_services
  rm -rf "$SVC_DIR"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ensure_packages mariadbd:mariadb-server mariadb-install-db:mariadb-server mariadb:mariadb-client mariadb-admin:mariadb-client \
  redis-server:redis-server redis-cli:redis-tools
start_mariadb
start_redis
export CODESCAN_TEST_MYSQL="Server=127.0.0.1;Port=$MYSQL_PORT;User=$MYSQL_USER_NAME;Password=$MYSQL_USER_PASSWORD;"
export CODESCAN_TEST_REDIS="127.0.0.1:$REDIS_PORT"

dotnet build -c Release tests/Benchmarks/AlertLatency -nologo -v quiet >/dev/null
for mode in embedded mariadb; do
  dotnet run -c Release --no-build --project tests/Benchmarks/AlertLatency -- "$PAYMENTS" "$mode"
done
