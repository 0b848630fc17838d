#!/bin/sh
# Stops the throwaway PostgreSQL started by tests/pg/start.sh and removes its directory.
# Usage: tests/pg/stop.sh DIR
set -u
dir=${1:?usage: tests/pg/stop.sh DIR}
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
case $dir in /tmp/kinerja-pg.*) ;; *) echo "tests/pg/stop.sh: not a test cluster: $dir" >&2; exit 2 ;; esac
as=""
[ "$(id -u)" -eq 0 ] && as="runuser -u kinerjatest --"
[ -f "$dir/data/postmaster.pid" ] && $as "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
rm -rf "$dir"
