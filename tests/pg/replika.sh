#!/bin/sh
# A throwaway PostgreSQL 15 primary with a SYNCHRONOUS streaming replica, for the failover test
# (tests/api/tahan_failover.test.mjs).  Built on tests/pg/start.sh (the primary, in DIR/data);
# the replica is a pg_basebackup of it in DIR/replika on a second free port, named `replika` in
# synchronous_standby_names with synchronous_commit = on: a COMMIT returns only once the replica
# has the WAL, so promoting it loses no acknowledged transaction.
#   tests/pg/replika.sh start          prints KINERJA_PG (the primary), KINERJA_PG_REPLIKA,
#                                      KINERJA_PG_DIR for eval; returns once the replica is in sync
#   tests/pg/replika.sh stop-primer DIR   stops the primary in immediate mode (a crash)
#   tests/pg/replika.sh promote DIR       promotes the replica (waits until it takes writes)
#   tests/pg/replika.sh stop DIR          stops both and removes DIR
set -eu
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
here=$(cd "$(dirname "$0")" && pwd)
as=""
[ "$(id -u)" -eq 0 ] && as="runuser -u kinerjatest --"
cek() { case $1 in /tmp/kinerja-pg.*) ;; *) echo "tests/pg/replika.sh: not a test cluster: $1" >&2; exit 2 ;; esac; }

case ${1:-} in
start)
  out=$("$here/start.sh")
  eval "$out"
  dir=$KINERJA_PG_DIR
  port=${KINERJA_PG##*:}
  trap '"$here/replika.sh" stop "$dir"' EXIT
  # durability on where it matters for this test: the commit waits for the replica
  cat >> "$dir/data/postgresql.conf" <<CONF
synchronous_commit = on
synchronous_standby_names = 'replika'
wal_keep_size = 256MB
CONF
  $as "$bin/pg_ctl" -D "$dir/data" -w reload >/dev/null
  port2=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  $as "$bin/pg_basebackup" -h 127.0.0.1 -p "$port" -U kinerja -D "$dir/replika" -X stream -R \
    -d "application_name=replika" >"$dir/basebackup.log" 2>&1 || { cat "$dir/basebackup.log" >&2; exit 1; }
  cat >> "$dir/replika/postgresql.conf" <<CONF
port = $port2
hot_standby = on
# once promoted it stands alone: it must not wait for a standby of its own (a COMMIT would hang
# with the write lock held; Patroni in production drops to asynchronous the same way)
synchronous_standby_names = ''
CONF
  # pg_basebackup -R wrote primary_conninfo without application_name when -d had no dbname
  grep -q "application_name=replika" "$dir/replika/postgresql.auto.conf" ||
    echo "primary_conninfo = 'host=127.0.0.1 port=$port user=kinerja application_name=replika'" >> "$dir/replika/postgresql.auto.conf"
  $as "$bin/pg_ctl" -D "$dir/replika" -l "$dir/replika.log" -w -t 30 start >/dev/null ||
    { cat "$dir/replika.log" >&2; exit 1; }
  # in sync before anyone writes (otherwise commits would wait for it anyway)
  i=0
  until [ "$(psql -X -At "postgres://kinerja@127.0.0.1:$port/postgres" -c \
        "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'replika'")" = sync ]; do
    i=$((i + 1)); [ $i -lt 300 ] || { echo "tests/pg/replika.sh: replica not in sync" >&2; cat "$dir/replika.log" >&2; exit 1; }
    sleep 0.1
  done
  trap - EXIT
  echo "KINERJA_PG=postgres://kinerja@127.0.0.1:$port"
  echo "KINERJA_PG_REPLIKA=postgres://kinerja@127.0.0.1:$port2"
  echo "KINERJA_PG_DIR=$dir"
  ;;
stop-primer)
  dir=${2:?DIR}; cek "$dir"
  $as "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
  ;;
promote)
  dir=${2:?DIR}; cek "$dir"
  $as "$bin/pg_ctl" -D "$dir/replika" -w -t 60 promote >/dev/null
  ;;
stop)
  dir=${2:?DIR}; cek "$dir"
  [ -f "$dir/replika/postmaster.pid" ] && $as "$bin/pg_ctl" -D "$dir/replika" -m immediate -w stop >/dev/null 2>&1
  "$here/stop.sh" "$dir"
  ;;
*)
  echo "usage: tests/pg/replika.sh start | stop-primer DIR | promote DIR | stop DIR" >&2
  exit 2
  ;;
esac
