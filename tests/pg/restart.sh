#!/bin/sh
# Restarts the throwaway PostgreSQL of tests/pg/start.sh (fast shutdown: every connection is
# cut), for the reconnect test.  Usage: tests/pg/restart.sh DIR
set -eu
dir=${1:?usage: tests/pg/restart.sh DIR}
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
case $dir in /tmp/kinerja-pg.*) ;; *) echo "tests/pg/restart.sh: not a test cluster: $dir" >&2; exit 2 ;; esac
as=""
[ "$(id -u)" -eq 0 ] && as="runuser -u kinerjatest --"
$as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 30 restart >/dev/null
