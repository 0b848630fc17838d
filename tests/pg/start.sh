#!/bin/sh
# Starts a throwaway PostgreSQL 15 for the tests: a new cluster in a temporary directory, owned
# by an unprivileged user (initdb refuses root: as root the user `kinerjatest` is created when
# missing), listening on 127.0.0.1 on a free port with trust authentication, durability off
# (fsync, synchronous_commit, full_page_writes: the data is thrown away).  No server is assumed.
# Prints shell assignments to eval:
#   KINERJA_PG=postgres://kinerja@127.0.0.1:PORT   (add /DBNAME; database `postgres` exists)
#   KINERJA_PG_DIR=DIR                            (give it to tests/pg/stop.sh)
# Usage: eval "$(tests/pg/start.sh)"; ...; tests/pg/stop.sh "$KINERJA_PG_DIR"
set -eu
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$bin/initdb" ] || { echo "tests/pg/start.sh: $bin/initdb missing (scripts/deps.sh check-pg installs postgresql-15)" >&2; exit 2; }
dir=$(mktemp -d /tmp/kinerja-pg.XXXXXX)
chmod 755 "$dir"
as=""
if [ "$(id -u)" -eq 0 ]; then
  id kinerjatest >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin kinerjatest
  chown kinerjatest "$dir"
  as="runuser -u kinerjatest --"
fi
# a free port: ask the kernel for one, then let pg_ctl fail if someone took it meanwhile
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
$as "$bin/initdb" -D "$dir/data" -U kinerja -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 500
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 128MB
max_locks_per_transaction = 256
log_min_messages = warning
log_line_prefix = '%m [%p] %e '
CONF
$as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start >/dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }
# Test-only helpers in template1 (so in every database): SQLite functions that tests use in
# their own SQL (tests/api/lib.mjs sql()); kinerja itself never calls them.
psql -X -q -v ON_ERROR_STOP=1 "postgres://kinerja@127.0.0.1:$port/template1" >/dev/null <<'SQL'
CREATE FUNCTION group_concat_step(acc text, v anyelement) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN v IS NULL THEN acc WHEN acc IS NULL THEN v::text ELSE acc || ',' || v::text END $$;
CREATE AGGREGATE group_concat(anyelement) (SFUNC = group_concat_step, STYPE = text);
CREATE FUNCTION group_concat_step(acc text, v anyelement, sep text) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN v IS NULL THEN acc WHEN acc IS NULL THEN v::text ELSE acc || sep || v::text END $$;
CREATE AGGREGATE group_concat(anyelement, text) (SFUNC = group_concat_step, STYPE = text);
CREATE FUNCTION ifnull(v anyelement, d text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT COALESCE(v::text, d) $$;
SQL
echo "KINERJA_PG=postgres://kinerja@127.0.0.1:$port"
echo "KINERJA_PG_DIR=$dir"
