# shellcheck shell=bash
# Throwaway MariaDB and Redis for the test run: no systemd, no /etc config, own temp dir,
# free ports, and only processes we started are ever stopped.
#
# Sourced by scripts/test.sh. Expects: SVC_DIR (temp dir, must exist).
# Sets: MYSQL_PORT MYSQL_PID REDIS_PORT REDIS_PID REDIS_CLUSTER_NODES REDIS_CLUSTER_PIDS

MYSQL_USER_NAME="codescan"
MYSQL_USER_PASSWORD="codescan"
MYSQL_PORT=""
MYSQL_PID=""
REDIS_PORT=""
REDIS_PID=""
REDIS_CLUSTER_NODES=""
REDIS_CLUSTER_PIDS=()

log() { printf '%s\n' "test.sh: $*" >&2; }

# Debian keeps the daemons in /usr/sbin, which is not always on a non-root PATH.
case ":$PATH:" in *":/usr/sbin:"*) ;; *) PATH="$PATH:/usr/sbin:/sbin" ;; esac

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else log "need root (or sudo) to run: $*"; return 1
  fi
}

# Installs the Debian packages for whichever of the listed commands are missing.
# Args: pairs "command:package".
ensure_packages() {
  local pair cmd pkg missing=()
  for pair in "$@"; do
    cmd="${pair%%:*}"; pkg="${pair#*:}"
    command -v "$cmd" >/dev/null 2>&1 && continue
    case " ${missing[*]-} " in *" $pkg "*) ;; *) missing+=("$pkg") ;; esac
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  log "installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >"$SVC_DIR/apt.log" 2>&1 \
    && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >>"$SVC_DIR/apt.log" 2>&1 \
    || { log "apt-get failed:"; tail -n 30 "$SVC_DIR/apt.log" >&2; return 1; }
}

# True when something already listens on 127.0.0.1:$1 (or any address on that port).
port_busy() {
  local p="$1"
  if command -v ss >/dev/null 2>&1 && [ -n "$(ss -Htln "sport = :$p" 2>/dev/null)" ]; then
    return 0
  fi
  (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null
}

# Prints the first free port at or after $1.
free_port() {
  local p="$1" last=$(( $1 + 500 ))
  while [ "$p" -lt "$last" ]; do
    port_busy "$p" || { echo "$p"; return 0; }
    p=$(( p + 1 ))
  done
  log "no free port in $1..$last"; return 1
}

# Waits up to $1 tenths of a second for "$3..." to succeed; gives up early once "$2" succeeds
# (a check that the server has died).
wait_until() {
  local tenths="$1" dead="$2"; shift 2
  local i=0
  while [ "$i" -lt "$tenths" ]; do
    "$@" >/dev/null 2>&1 && return 0
    $dead && return 1
    sleep 0.1; i=$(( i + 1 ))
  done
  return 1
}

# MariaDB as CodeScan recommends running it (README, "Running MariaDB"): the thread pool, so that dozens of
# connections on a few cores do not each get a thread the scheduler swaps in and out while it holds a row lock.
# MARIADB_EXTRA_OPTS adds or overrides mariadbd options (the last one wins), e.g.
# MARIADB_EXTRA_OPTS=--thread-handling=one-thread-per-connection to measure without the pool.
start_mariadb() {
  local dir="$SVC_DIR/mysql" data="$SVC_DIR/mysql/data" sock="$SVC_DIR/mysql/mysql.sock"
  local user_opt=() attempt port
  [ "$(id -u)" -eq 0 ] && user_opt=(--user=root)   # mariadbd refuses to run as root without it
  mkdir -p "$dir"
  if ! mariadb-install-db --no-defaults --datadir="$data" "${user_opt[@]}" \
        --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
        >"$dir/install.log" 2>&1; then
    log "mariadb-install-db failed:"; tail -n 30 "$dir/install.log" >&2; return 1
  fi
  port=33306
  for attempt in 1 2 3 4 5; do
    port="$(free_port "$port")" || return 1
    : >"$dir/error.log"
    mariadbd --no-defaults --datadir="$data" --socket="$sock" --port="$port" \
      --bind-address=127.0.0.1 "${user_opt[@]}" --pid-file="$dir/mariadbd.pid" \
      --log-error="$dir/error.log" --tmpdir="$dir" \
      --skip-log-bin --skip-name-resolve --max-connections=1000 \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
      --innodb-flush-log-at-trx-commit=2 --innodb-doublewrite=0 --innodb-flush-method=nosync \
      --thread-handling=pool-of-threads ${MARIADB_EXTRA_OPTS:-} \
      >"$dir/stdout.log" 2>&1 </dev/null &
    MYSQL_PID=$!
    if wait_until 600 mariadb_dead mariadb-admin --no-defaults --socket="$sock" -uroot ping; then
      MYSQL_PORT="$port"; break
    fi
    if kill -0 "$MYSQL_PID" 2>/dev/null; then
      log "mariadbd did not become ready in 60 s:"; tail -n 30 "$dir/error.log" >&2; return 1
    fi
    wait "$MYSQL_PID" 2>/dev/null || true
    MYSQL_PID=""
    if grep -qiE 'address already in use|bind on tcp/ip port' "$dir/error.log"; then
      port=$(( port + 1 )); continue    # lost a race for the port: try the next one
    fi
    log "mariadbd failed to start:"; tail -n 30 "$dir/error.log" >&2; return 1
  done
  [ -n "$MYSQL_PORT" ] || { log "mariadbd: no usable port"; return 1; }

  # A user for TCP from 127.0.0.1 (tests create one database per fixture, so all privileges).
  if ! mariadb --no-defaults --socket="$sock" -uroot >"$dir/setup.log" 2>&1 <<SQL
CREATE USER '$MYSQL_USER_NAME'@'%' IDENTIFIED BY '$MYSQL_USER_PASSWORD';
CREATE USER '$MYSQL_USER_NAME'@'localhost' IDENTIFIED BY '$MYSQL_USER_PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO '$MYSQL_USER_NAME'@'%' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO '$MYSQL_USER_NAME'@'localhost' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
  then
    log "creating the MariaDB user failed:"; cat "$dir/setup.log" >&2; return 1
  fi
  # Prove the exact route the tests take: TCP, user and password.
  if ! mariadb --no-defaults --protocol=tcp -h127.0.0.1 -P"$MYSQL_PORT" -u"$MYSQL_USER_NAME" \
        -p"$MYSQL_USER_PASSWORD" -e 'SELECT 1' >>"$dir/setup.log" 2>&1; then
    log "MariaDB TCP login failed:"; cat "$dir/setup.log" >&2; return 1
  fi
}

start_redis() {
  local dir="$SVC_DIR/redis" attempt port
  mkdir -p "$dir"
  port=36379
  for attempt in 1 2 3 4 5; do
    port="$(free_port "$port")" || return 1
    rm -f "$dir/redis.pid"; : >"$dir/redis.log"
    if ! redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
          --daemonize yes --pidfile "$dir/redis.pid" --dir "$dir" --logfile "$dir/redis.log" \
          >"$dir/stdout.log" 2>&1; then
      log "redis-server failed to start:"; cat "$dir/stdout.log" "$dir/redis.log" >&2; return 1
    fi
    if wait_until 300 redis_dead redis_ping "$port" && [ -s "$dir/redis.pid" ]; then
      REDIS_PID="$(cat "$dir/redis.pid")"; REDIS_PORT="$port"; return 0
    fi
    # The daemon may have written its pid file before dying (or still be alive): stop it if so.
    if [ -s "$dir/redis.pid" ]; then kill "$(cat "$dir/redis.pid")" 2>/dev/null || true; fi
    if grep -qi 'address already in use' "$dir/redis.log"; then
      port=$(( port + 1 )); continue
    fi
    log "redis-server did not answer PING:"; tail -n 30 "$dir/redis.log" >&2; return 1
  done
  log "redis-server: no usable port"; return 1
}

# A Redis Cluster of three masters (no replicas), each in its own directory under $SVC_DIR/redis-cluster, on free
# ports from 37000. Sets REDIS_CLUSTER_NODES="127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3" once the cluster says
# cluster_state:ok on every node.
start_redis_cluster() {
  local base="$SVC_DIR/redis-cluster" port=37000 ports=() i dir p
  mkdir -p "$base"
  for i in 1 2 3; do
    port="$(free_port "$port")" || return 1
    dir="$base/$port"; mkdir -p "$dir"
    if ! redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
          --cluster-enabled yes --cluster-config-file "$dir/nodes.conf" --cluster-node-timeout 5000 \
          --daemonize yes --pidfile "$dir/redis.pid" --dir "$dir" --logfile "$dir/redis.log" \
          >"$dir/stdout.log" 2>&1; then
      log "redis-server (cluster node $port) failed to start:"; cat "$dir/stdout.log" "$dir/redis.log" >&2; return 1
    fi
    if ! wait_until 300 false redis_ping "$port" || [ ! -s "$dir/redis.pid" ]; then
      log "redis-server (cluster node $port) did not answer PING:"; tail -n 30 "$dir/redis.log" >&2; return 1
    fi
    REDIS_CLUSTER_PIDS+=("$(cat "$dir/redis.pid")")
    ports+=("$port"); port=$(( port + 1 ))
  done
  if ! redis-cli --cluster create "${ports[@]/#/127.0.0.1:}" --cluster-replicas 0 --cluster-yes \
        >"$base/create.log" 2>&1; then
    log "redis-cli --cluster create failed:"; tail -n 30 "$base/create.log" >&2; return 1
  fi
  for p in "${ports[@]}"; do
    wait_until 300 false redis_cluster_ok "$p" || { log "Redis Cluster node $p never said cluster_state:ok"; return 1; }
  done
  REDIS_CLUSTER_NODES="$(printf '127.0.0.1:%s,' "${ports[@]}")"; REDIS_CLUSTER_NODES="${REDIS_CLUSTER_NODES%,}"
}

redis_cluster_ok() { timeout 3 redis-cli -h 127.0.0.1 -p "$1" cluster info 2>/dev/null | grep -q '^cluster_state:ok'; }

mariadb_dead() { ! kill -0 "$MYSQL_PID" 2>/dev/null; }
# redis-server daemonizes before binding: a failed start only shows in its log.
redis_dead() { grep -qiE 'aborting|address already in use|fatal' "$SVC_DIR/redis/redis.log"; }
redis_ping() { [ "$(timeout 3 redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null)" = "PONG" ]; }

# Stops pid $1 (ours) with SIGTERM, then SIGKILL after $2 seconds.
stop_pid() {
  local pid="$1" secs="$2" i=0
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null && [ "$i" -lt $(( secs * 10 )) ]; do sleep 0.1; i=$(( i + 1 )); done
  if kill -0 "$pid" 2>/dev/null; then log "pid $pid did not stop, killing it"; kill -KILL "$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
}

stop_services() {
  local pid
  stop_pid "$REDIS_PID" 10; REDIS_PID=""
  for pid in "${REDIS_CLUSTER_PIDS[@]}"; do stop_pid "$pid" 10; done
  REDIS_CLUSTER_PIDS=()
  stop_pid "$MYSQL_PID" 30; MYSQL_PID=""
}
