#!/bin/sh
# Physical base backup of the kinerja cluster plus retention; run from the backup host by a
# systemd timer (weekly), as a user with a replication login (.pgpass).  The WAL needed to make
# the copy consistent, and everything after it, comes from the archive (arsip-wal): a base
# backup + the archive since it = any point in time since the backup.
#   BASIS_DIR      where base backups go (default /srv/cadangan/dasar)
#   ARSIP_WAL_DIR  the WAL archive (default /srv/arsip-wal/kinerja)
#   SIMPAN         how many base backups to keep (default 4: weekly = four weeks of PITR window)
#   PGHOST, PGPORT, PGUSER ...  libpq settings of a standby (or the primary)
# Plain format (a data directory), because pg_verifybackup of PostgreSQL 15 checks only that;
# compress on the backup host's file system (zfs/btrfs) if needed.
set -eu
basis=${BASIS_DIR:-/srv/cadangan/dasar}
simpan=${SIMPAN:-4}
arsip=${ARSIP_WAL_DIR:-/srv/arsip-wal/kinerja}
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$basis/$stamp"
mkdir -p "$basis"
# -X none: WAL from the archive; --checkpoint=fast: start now; a SHA-256 manifest to verify.
"$bin/pg_basebackup" -D "$out.tmp" -Fp -X none --checkpoint=fast --label="kinerja-$stamp" \
  --manifest-checksums=SHA256 --no-sync >/dev/null
sync -f "$out.tmp" 2>/dev/null || sync
"$bin/pg_verifybackup" --no-parse-wal --quiet "$out.tmp" || { echo "cadangan-dasar: verification failed: $out.tmp" >&2; exit 1; }
mv "$out.tmp" "$out"
# retention: keep the newest $simpan backups, and the archived WAL from the oldest kept one on
ls -1d "$basis"/2*Z 2>/dev/null | sort | head -n -"$simpan" | while read -r old; do rm -rf "$old"; done
oldest=$(ls -1d "$basis"/2*Z | sort | head -n 1)
first=$(sed -n 's/^START WAL LOCATION: .* (file \([0-9A-F]*\))$/\1/p' "$oldest/backup_label")
[ -n "$first" ] && [ -d "$arsip" ] && "$bin/pg_archivecleanup" "$arsip" "$first"
echo "$out"
