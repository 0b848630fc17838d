#!/usr/bin/env bash
# deploy/lokal.sh: the whole scale-out layout of issue 12 on one machine, on loopback, from
# Debian's packages (scripts/deps.sh deploy): a PostgreSQL 15 primary and a synchronous
# streaming replica, pgbouncer (session pooling) in front of both, LOKAL_NODES kinerja nodes on
# their own ports against pgbouncer, and haproxy in front of the nodes (round robin, health
# checks on /healthz).  Everything lives in one temporary directory; nothing is installed or
# left behind.  deploy/README.md explains each piece.
#
#   deploy/lokal.sh up                # starts everything; prints KINERJA_LOKAL=DIR (eval it)
#   deploy/lokal.sh smoke [DIR]       # the smoke test through haproxy (DIR or $KINERJA_LOKAL)
#   deploy/lokal.sh down  [DIR]       # stops everything, removes DIR, checks nothing is left
#   deploy/lokal.sh all               # up + smoke + down (down also on failure or Ctrl-C)
#
# Settings (environment): KINERJA_BIN (./kinerja), LOKAL_NODES (2; 0 = PostgreSQL and
# pgbouncer only), LOKAL_PEGAWAI (demo size, 60), LOKAL_THREADS (per node, 2),
# LOKAL_FSYNC (on; off for throwaway runs: tests, benchmarks), LOKAL_LAG_MAKS (the nodes'
# --replica-max-lag, 5), LOKAL_NODE_ARGS (more `kinerja serve` flags, e.g. the rate limits).
# As root, PostgreSQL and pgbouncer run as the unprivileged user `kinerjatest` (created when
# missing, as tests/pg/start.sh does); haproxy and the nodes run as the caller.
set -eu
[ -z "${LOKAL_TRACE:-}" ] || set -x

top=$(cd "$(dirname "$0")/.." && pwd)
pgbin=${PG_BIN:-/usr/lib/postgresql/15/bin}
bin=${KINERJA_BIN:-$top/kinerja}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
nodes=${LOKAL_NODES:-2}
pegawai=${LOKAL_PEGAWAI:-60}
threads=${LOKAL_THREADS:-2}
fsync=${LOKAL_FSYNC:-on}
lag=${LOKAL_LAG_MAKS:-5}
PASSWORD=Rahasia123

T0=$(date +%s.%N)
say() { printf '[lokal %5.1fs] %s\n' "$(awk "BEGIN { print $(date +%s.%N) - $T0 }")" "$*" >&2; }
die() { say "GAGAL: $*"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() {  # wait_for SECONDS CMD...: polls every 0.1 s
  n=$(($1 * 10)); shift
  while ! "$@"; do n=$((n - 1)); [ "$n" -gt 0 ] || return 1; sleep 0.1; done
}

# the directory of a running layout: argument, else $KINERJA_LOKAL; must be one of ours
state_dir() {
  d=${1:-${KINERJA_LOKAL:-}}
  [ -n "$d" ] || die "no directory: give DIR or set KINERJA_LOKAL (printed by up)"
  case $d in /tmp/kinerja-lokal.*) ;; *) die "not a layout of deploy/lokal.sh: $d" ;; esac
  [ -f "$d/env" ] || die "$d/env missing"
  echo "$d"
}

# ------------------------------------------------------------------------------------- up --
cmd_up() {
  for t in "$pgbin/initdb" "$pgbin/pg_ctl" "$pgbin/pg_basebackup" /usr/sbin/pgbouncer /usr/sbin/haproxy python3 psql curl; do
    [ -x "$t" ] || command -v "$t" >/dev/null 2>&1 || die "$t missing (scripts/deps.sh deploy installs it)"
  done
  [ "$nodes" -eq 0 ] || [ -x "$bin" ] || die "$bin missing (make kinerja)"
  D=$(mktemp -d /tmp/kinerja-lokal.XXXXXX)
  chmod 755 "$D"
  as=""
  if [ "$(id -u)" -eq 0 ]; then
    id kinerjatest >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin kinerjatest
    chown kinerjatest "$D"
    as="runuser -u kinerjatest --"
  fi
  # a failure half-way stops what was started and removes the directory
  trap 'say "up failed; tearing down"; cmd_down "$D" >/dev/null 2>&1 || true' EXIT
  pp=$(free_port); rp=$(free_port); bp=$(free_port); hp=$(free_port); sp=$(free_port)
  cat >"$D/env" <<ENV
LOKAL_AS='$as'
LOKAL_NODES=$nodes
PG_PRIMER=postgres://kinerja@127.0.0.1:$pp/kinerja
PG_REPLIKA=postgres://kinerja@127.0.0.1:$rp/kinerja
PGBOUNCER=postgres://kinerja@127.0.0.1:$bp/kinerja
PGBOUNCER_REPLIKA=postgres://kinerja@127.0.0.1:$bp/kinerja_replika
HAPROXY=http://127.0.0.1:$hp
HAPROXY_STATS=http://127.0.0.1:$sp/stats
PORTS='$pp $rp $bp $hp $sp'
ENV

  # 1. the primary: wal_level replica (the default) with a slot for the replica; synchronous
  #    replication is switched on once the replica streams (before, every commit would wait)
  say "PostgreSQL primer :$pp"
  $as "$pgbin/initdb" -D "$D/primer" -U kinerja -A trust -E UTF8 --no-locale >"$D/initdb.log" 2>&1 ||
    { cat "$D/initdb.log" >&2; die "initdb"; }
  cat >>"$D/primer/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $pp
unix_socket_directories = '$D'
max_connections = 300
shared_buffers = 128MB
fsync = $fsync
full_page_writes = $fsync
max_wal_senders = 5
max_replication_slots = 5
wal_keep_size = 256MB
hot_standby = on
hot_standby_feedback = on
log_min_messages = warning
log_line_prefix = '%m [%p] primer %e '
CONF
  $as "$pgbin/pg_ctl" -D "$D/primer" -l "$D/pg-primer.log" -w -t 30 start >/dev/null ||
    { cat "$D/pg-primer.log" >&2; die "primary did not start"; }
  psql -X -q -v ON_ERROR_STOP=1 "postgres://kinerja@127.0.0.1:$pp/postgres" -c "CREATE DATABASE kinerja" >/dev/null

  # schema and demo data, on the primary alone: the base backup below copies them to the
  #    replica at file speed (with synchronous replication on, each of the demo's commits would
  #    wait for the replica: minutes instead of seconds)
  if [ "$nodes" -gt 0 ]; then
    say "kinerja demo ($pegawai pegawai)"
    "$bin" demo --db "postgres://kinerja@127.0.0.1:$pp/kinerja" --pegawai "$pegawai" --password "$PASSWORD" \
      >"$D/demo.log" 2>&1 || { tail -n 20 "$D/demo.log" >&2; die "kinerja demo"; }
  fi

  # 2. the replica: a base backup over the replication protocol into its own directory, then a
  #    hot standby streaming from the slot; application_name names it in synchronous_standby_names
  say "PostgreSQL replika :$rp (streaming, sinkron)"
  $as "$pgbin/pg_basebackup" -d "host=127.0.0.1 port=$pp user=kinerja" -D "$D/replika" -c fast -X stream -C -S replika \
    >"$D/basebackup.log" 2>&1 || { cat "$D/basebackup.log" >&2; die "pg_basebackup"; }
  cat >>"$D/replika/postgresql.conf" <<CONF
port = $rp
log_line_prefix = '%m [%p] replika %e '
primary_conninfo = 'host=127.0.0.1 port=$pp user=kinerja application_name=replika'
primary_slot_name = 'replika'
CONF
  say "base backup done"
  $as touch "$D/replika/standby.signal"
  $as "$pgbin/pg_ctl" -D "$D/replika" -l "$D/pg-replika.log" -w -t 30 start >/dev/null ||
    { cat "$D/pg-replika.log" >&2; die "replica did not start"; }
  q="SELECT count(*) FROM pg_stat_replication WHERE application_name = 'replika' AND state = 'streaming'"
  wait_for 30 sh -c "[ \"\$(psql -X -At 'postgres://kinerja@127.0.0.1:$pp/postgres' -c \"$q\")\" = 1 ]" ||
    die "replica does not stream"
  say "replica streams"
  psql -X -q -v ON_ERROR_STOP=1 "postgres://kinerja@127.0.0.1:$pp/postgres" \
    -c "ALTER SYSTEM SET synchronous_standby_names = 'replika'" -c "SELECT pg_reload_conf()" >/dev/null
  q="SELECT sync_state FROM pg_stat_replication WHERE application_name = 'replika'"
  wait_for 10 sh -c "[ \"\$(psql -X -At 'postgres://kinerja@127.0.0.1:$pp/postgres' -c \"$q\")\" = sync ]" ||
    die "replica is not synchronous"

  # 3. pgbouncer in session mode: each server connection stays with one client for the client's
  #    life, which kinerja needs (named prepared statements and SET TIME ZONE are per session).
  #    server_login_retry 1 (default 15): one server login that fails while the primary restarts
  #    ("the database system is shutting down / starting up") makes pgbouncer refuse every
  #    client for that long, so the nodes answered 503 for 15 s after the primary was back
  say "pgbouncer :$bp (pool_mode session)"
  printf '"kinerja" ""\n' >"$D/pgbouncer-users.txt"
  cat >"$D/pgbouncer.ini" <<INI
[databases]
kinerja = host=127.0.0.1 port=$pp dbname=kinerja
kinerja_replika = host=127.0.0.1 port=$rp dbname=kinerja
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $bp
unix_socket_dir = $D
auth_type = trust
auth_file = $D/pgbouncer-users.txt
admin_users = kinerja
pool_mode = session
max_client_conn = 500
default_pool_size = 60
server_check_query = SELECT 1
server_login_retry = 1
ignore_startup_parameters = extra_float_digits
logfile = $D/pgbouncer.log
pidfile = $D/pgbouncer.pid
INI
  chmod 644 "$D/pgbouncer.ini" "$D/pgbouncer-users.txt"
  $as /usr/sbin/pgbouncer -d -q "$D/pgbouncer.ini" </dev/null >"$D/pgbouncer.out" 2>&1 || die "pgbouncer did not start: $(tail -n 3 "$D/pgbouncer.log" 2>/dev/null)"
  wait_for 10 port_open "$bp" || die "pgbouncer does not listen"


  # 4. the nodes: the same database (through pgbouncer), dashboards from the replica when it
  #    is close enough, one shared data directory (evidence files, exports), haproxy trusted
  #    for X-Forwarded-For
  mkdir -p "$D/data"
  servers=""
  i=1
  while [ "$i" -le "$nodes" ]; do
    np=$(free_port)
    # shellcheck disable=SC2086
    "$bin" serve --db "postgres://kinerja@127.0.0.1:$bp/kinerja" \
      --db-replica "postgres://kinerja@127.0.0.1:$bp/kinerja_replika" --replica-max-lag "$lag" \
      --listen "127.0.0.1:$np" --threads "$threads" --data-dir "$D/data" --web-dir "$top/web" \
      --trusted-proxy 127.0.0.1/32 --shutdown-grace 5 ${LOKAL_NODE_ARGS:-} \
      >"$D/node$i.out" 2>"$D/node$i.log" &
    echo $! >"$D/node$i.pid"
    echo "NODE$i=http://127.0.0.1:$np" >>"$D/env"
    sed -i "s/^PORTS='\(.*\)'/PORTS='\1 $np'/" "$D/env"
    servers="${servers}    server k$i 127.0.0.1:$np check inter 2s fall 3 rise 2
"
    i=$((i + 1))
  done
  i=1
  while [ "$i" -le "$nodes" ]; do
    np=$(sed -n "s|^NODE$i=http://127.0.0.1:||p" "$D/env")
    wait_for 30 port_open "$np" || die "node $i did not start: $(tail -n 5 "$D/node$i.log")"
    say "node k$i :$np"
    i=$((i + 1))
  done

  # 5. haproxy: round robin over the nodes that answer /healthz; stats page (CSV) on its own port
  if [ "$nodes" -gt 0 ]; then
    cat >"$D/haproxy.cfg" <<CFG
global
    maxconn 2000
defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    option forwardfor
    option http-keep-alive
frontend depan
    bind 127.0.0.1:$hp
    default_backend kinerja
backend kinerja
    balance roundrobin
    option httpchk GET /healthz
    http-check expect status 200
$servers
listen stats
    bind 127.0.0.1:$sp
    stats enable
    stats uri /stats
CFG
    /usr/sbin/haproxy -D -f "$D/haproxy.cfg" -p "$D/haproxy.pid" >"$D/haproxy.log" 2>&1 ||
      { cat "$D/haproxy.log" >&2; die "haproxy did not start"; }
    wait_for 10 port_open "$hp" || die "haproxy does not listen"
    # every node UP in haproxy's health checks before we call it ready
    wait_for 20 sh -c "[ \$(curl -s 'http://127.0.0.1:$sp/stats;csv' | grep -c '^kinerja,k[0-9]*,.*,UP') -eq $nodes ]" ||
      die "haproxy does not see all $nodes nodes UP"
    say "haproxy :$hp (stats http://127.0.0.1:$sp/stats)"
  fi
  trap - EXIT
  echo "KINERJA_LOKAL=$D"
}

# ---------------------------------------------------------------------------------- smoke --
cmd_smoke() {
  D=$(state_dir "${1:-}")
  # shellcheck disable=SC1091
  . "$D/env"
  [ "$LOKAL_NODES" -gt 0 ] || die "smoke needs nodes (LOKAL_NODES > 0)"
  node "$top/deploy/smoke.mjs" "$D"
}

# ----------------------------------------------------------------------------------- down --
# Stops in reverse order (haproxy, nodes, pgbouncer, replica, primary), removes the directory,
# then checks that no process of the layout, no port and no directory is left.
cmd_down() {
  D=$(state_dir "${1:-}")
  # shellcheck disable=SC1091
  . "$D/env"
  as=$LOKAL_AS
  pids=""
  # alive PID: running, not a zombie (a node killed earlier whose parent, PID 1 of a container,
  # does not reap it stays as a zombie that kill -0 still finds)
  alive() { kill -0 "$1" 2>/dev/null && [ "$(sed -n 's/^[0-9]* (.*) \(.\) .*/\1/p' "/proc/$1/stat" 2>/dev/null)" != Z ]; }
  stop_pidfile() {  # FILE: TERM, then KILL after 10 s
    [ -s "$1" ] || return 0
    p=$(head -n 1 "$1")
    pids="$pids $p"
    kill -TERM "$p" 2>/dev/null || return 0
    n=100
    while alive "$p" && [ "$n" -gt 0 ]; do sleep 0.1; n=$((n - 1)); done
    kill -KILL "$p" 2>/dev/null || true
  }
  stop_pidfile "$D/haproxy.pid"
  # the nodes together: each finishes its requests in flight (--shutdown-grace) at the same time
  # (a node may be gone already: every step here must survive that under set -e)
  for f in "$D"/node*.pid; do [ -e "$f" ] && { kill -TERM "$(head -n 1 "$f")" 2>/dev/null || true; }; done
  for f in "$D"/node*.pid; do [ -e "$f" ] && stop_pidfile "$f"; done
  say "down: haproxy and nodes stopped"
  stop_pidfile "$D/pgbouncer.pid"
  for c in replika primer; do
    if [ -f "$D/$c/postmaster.pid" ]; then
      pids="$pids $(head -n 1 "$D/$c/postmaster.pid")"
      $as "$pgbin/pg_ctl" -D "$D/$c" -m fast -w -t 20 stop >/dev/null 2>&1 ||
        $as "$pgbin/pg_ctl" -D "$D/$c" -m immediate -w stop >/dev/null 2>&1 || true
    fi
  done
  rm -rf "$D"
  # pg_ctl -w returns once the postmaster removed its pid file, a moment before the process
  # ends (longer on a loaded machine): each stopped process gets up to 10 s to be gone
  for p in $pids; do n=100; while alive "$p" && [ "$n" -gt 0 ]; do sleep 0.1; n=$((n - 1)); done; done
  left=""
  for p in $pids; do alive "$p" && left="$left process $p;"; done
  for p in $PORTS; do port_open "$p" && left="$left port $p;"; done
  [ ! -e "$D" ] || left="$left directory $D;"
  [ -z "$left" ] || die "left behind:$left"
  say "down: processes, ports ($PORTS) and $D gone"
}

# ------------------------------------------------------------------------------------ all --
cmd_all() {
  out=$(cmd_up) || exit 1
  D=${out#KINERJA_LOKAL=}
  trap 'cmd_down "$D"' EXIT
  trap 'exit 130' INT TERM
  cmd_smoke "$D"
  trap - EXIT
  cmd_down "$D"
}

case ${1:-} in
  up) cmd_up ;;
  smoke) cmd_smoke "${2:-}" ;;
  down) cmd_down "${2:-}" ;;
  all) cmd_all ;;
  *) echo "usage: deploy/lokal.sh up|smoke [DIR]|down [DIR]|all" >&2; exit 2 ;;
esac
