#!/bin/sh
# Restore drill / point-in-time recovery: a base backup (cadangan-dasar.sh) + the WAL archive
# replayed up to a time, on a private port, then checks; prints how long the recovery took.
#   latihan-pulih.sh BASE_DIR 'YYYY-MM-DD HH:MM:SS+07' [SQL ...]
#   ARSIP_WAL_DIR  the archive (default /srv/arsip-wal/kinerja)
#   PULIH_DIR      where to restore (default a new /tmp/kinerja-pulih.XXXXXX; must not exist)
#   PULIH_PORT     its port (default a free one), PULIH_DB the database for the checks (kinerja),
#   PGUSER         the role to connect as (default postgres; password from ~/.pgpass)
#   PULIH_AS       run PostgreSQL as this user when started as root (default postgres)
#   PULIH_SIMPAN=1 leave it running (and print how to stop it) instead of removing it
#   KINERJA_BIN    when set: `kinerja audit verify` on the restored database (exit 0 = intact)
# Each SQL argument is run with psql and its result printed as "sql: RESULT".
set -eu
base=${1:?usage: latihan-pulih.sh BASE_DIR TARGET_TIME [SQL ...]}
target=${2:?usage: latihan-pulih.sh BASE_DIR TARGET_TIME [SQL ...]}
shift 2
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
arsip=${ARSIP_WAL_DIR:-/srv/arsip-wal/kinerja}
here=$(cd "$(dirname "$0")" && pwd)
dir=${PULIH_DIR:-$(mktemp -u /tmp/kinerja-pulih.XXXXXX)}
port=${PULIH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
db=${PULIH_DB:-kinerja}
as=""
mkdir -m 0700 "$dir"
cp -a "$base/." "$dir/"
rm -f "$dir/backup_manifest" "$dir/postmaster.pid"
mkdir -p "$dir/pg_wal"
cat >> "$dir/postgresql.auto.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
archive_mode = off
restore_command = 'ARSIP_WAL_DIR=$arsip $here/pulih-wal %f %p'
recovery_target_time = '$target'
recovery_target_action = 'promote'
CONF
touch "$dir/recovery.signal"
if [ "$(id -u)" -eq 0 ]; then
  user=${PULIH_AS:-postgres}
  chown -R "$user" "$dir"
  as="runuser -u $user --"
fi
t0=$(date +%s.%N)
$as "$bin/pg_ctl" -D "$dir" -l "$dir/pulih.log" -w -t 600 start >/dev/null || { cat "$dir/pulih.log" >&2; exit 1; }
url="postgres://${PGUSER:-postgres}@127.0.0.1:$port/$db"
i=0
while [ "$(psql -X -At "$url" -c 'SELECT pg_is_in_recovery()' 2>/dev/null)" != f ]; do
  i=$((i + 1)); [ $i -gt 6000 ] && { echo "latihan-pulih: still in recovery after 600 s" >&2; exit 1; }
  sleep 0.1
done
t1=$(date +%s.%N)
echo "pulih: $dir port $port, recovered to $target in $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}') s"
grep -E 'recovery stopping|last completed transaction' "$dir/pulih.log" | sed 's/^.*LOG: */pulih: /' || true
for sql in "$@"; do echo "sql: $(psql -X -At "$url" -c "$sql" | tr '\n' ' ' | sed 's/ $//')"; done
rc=0
if [ -n "${KINERJA_BIN:-}" ]; then
  "$KINERJA_BIN" audit verify --db "$url" || rc=$?
  echo "audit verify: exit $rc"
fi
if [ "${PULIH_SIMPAN:-0}" = 1 ]; then
  echo "pulih: left running; stop with: $as $bin/pg_ctl -D $dir stop && rm -rf $dir"
else
  $as "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
  rm -rf "$dir"
fi
exit $rc
