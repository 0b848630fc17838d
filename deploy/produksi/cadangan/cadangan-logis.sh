#!/bin/sh
# Logical backup: pg_dump of the kinerja database in the custom format (compressed, restorable
# table by table with pg_restore), run daily by kinerja-cadangan-logis.timer against a replica.
#   LOGIS_DIR  where dumps go (default /srv/cadangan/logis);  SIMPAN_HARI  days kept (default 14)
#   KINERJA_DB the database URI (a replica: `target_session_attrs=standby` or its host)
set -eu
dir=${LOGIS_DIR:-/srv/cadangan/logis}
days=${SIMPAN_HARI:-14}
db=${KINERJA_DB:?KINERJA_DB is not set}
mkdir -p "$dir"
f="$dir/kinerja-$(date -u +%Y%m%dT%H%M%SZ).dump"
# one REPEATABLE READ snapshot: consistent across tables (also on a hot standby)
pg_dump --format=custom --compress=6 --no-owner --file="$f.tmp" "$db"
pg_restore --list "$f.tmp" >/dev/null       # readable table of contents, or fail
mv "$f.tmp" "$f"
find "$dir" -name 'kinerja-*.dump' -mtime +"$days" -delete
echo "cadangan-logis: $f ($(du -h "$f" | cut -f1))"
