# bench/skala.sh: scenario l (issue 12), sourced by bench/run.sh (its helpers, $TMP, $DUR, PIDS).
# The activity-write and dashboard scenarios, the same requests with the same wrk settings, on:
#   1. SQLite, one node (./kinerja serve --db FILE);
#   2. PostgreSQL, one node through pgbouncer (deploy/lokal.sh's primary with its synchronous
#      replica; no --db-replica, so that 1 vs 2 compares the backends only);
#   3. haproxy + 2 nodes of the deploy/lokal.sh layout (pgbouncer, dashboards on the replica);
#   4. haproxy + 1 node: the same layout after node k2 is stopped and haproxy marked it DOWN.
# Each configuration: a demo of L_PEGAWAI pegawai (the same seed on both backends), the instansi's
# rules relaxed as in g, L_WRITERS pegawai with their own bearer token (not the `pegawai` account,
# whose dashboard is measured: its size stays the demo's whatever the backend's write speed).  Figures: POST
# /api/v1/aktivitas (bench/aktivitas_post.lua), the pegawai dashboard of the `pegawai` account
# with its own token (computed on every request), the instansi dashboard with the admin's token
# (cached until a write).  Sets L_* for the results table.
L_PEGAWAI=${BENCH_SKALA_PEGAWAI:-200}
L_WRITERS=50
L_NDAYS=300
L_FSYNC=${BENCH_SKALA_FSYNC:-on}
L_LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
L_DATES=$(for i in $(seq 1 "$L_NDAYS"); do date -u -d "-$i day" +%F; done | paste -sd, -)
L_NOLIMIT=(--rate-limit 0 --rate-limit-user 0 --rate-limit-login 0 --max-connections-per-ip 0)

# l_sql DB SQL: one value from SQLite (a path) or PostgreSQL (a URI)
l_sql() {
  case $1 in
    postgres://*) psql -X -At "$1" -c "$2" 2>>"$TMP/l-sql.err" || log "l: psql failed: $(tail -n 1 "$TMP/l-sql.err")" ;;
    *) sqlite3 -cmd ".timeout 10000" "$1" "$2" 2>>"$TMP/l-sql.err" || log "l: sqlite3 failed: $(tail -n 1 "$TMP/l-sql.err")" ;;
  esac
}
l_count() { l_sql "$1" "SELECT count(*) FROM aktivitas"; }

# l_prepare TAG DB BASE: relaxed rules, writer tokens in $TMP/l-TAG-tokens.txt, the pegawai and
# admin tokens and the pegawai id in L_PEG_TOKEN, L_ADMIN_TOKEN, L_PEG_ID; 1 on failure
l_prepare() {
  local tag=$1 db=$2 base=$3 st inst
  L_ADMIN_TOKEN=$(./kinerja token create --db "$db" --user admin 2>>"$TMP/l-token.err" | tail -n 1 || true)
  L_PEG_TOKEN=$(./kinerja token create --db "$db" --user pegawai 2>>"$TMP/l-token.err" | tail -n 1 || true)
  L_PEG_ID=$(l_sql "$db" "SELECT pegawai_id FROM pengguna WHERE username = 'pegawai'")
  st=$(g_post "$base/api/v1/pengaturan" "$L_ADMIN_TOKEN" \
       '{"hari_mundur": 366, "akhir_pekan": true, "hari_libur": true, "menit_maks_harian": 1440}' PATCH)
  [ "${st%% *}" = 200 ] || { fail_note "l ($tag): PATCH /api/v1/pengaturan answered: $st"; return 1; }
  inst=$(l_sql "$db" "SELECT p.instansi_id FROM pengguna u JOIN pegawai p ON p.id = u.pegawai_id WHERE u.username = 'admin'")
  l_sql "$db" "SELECT p.nip FROM pegawai p JOIN pengguna u ON u.pegawai_id = p.id
                WHERE u.peran = 0 AND p.aktif = 1 AND p.instansi_id = ${inst:-0} AND p.id <> ${L_PEG_ID:-0}
                ORDER BY p.id LIMIT $L_WRITERS" >"$TMP/l-$tag-nip.txt"
  while read -r nip; do
    ./kinerja token create --db "$db" --user "$nip" 2>>"$TMP/l-token.err" | tail -n 1
  done <"$TMP/l-$tag-nip.txt" >"$TMP/l-$tag-tokens.txt"
  [ "$(grep -c . "$TMP/l-$tag-tokens.txt")" = "$L_WRITERS" ] && [ -n "$L_PEG_TOKEN" ] && [ -n "$L_PEG_ID" ] ||
    { fail_note "l ($tag): tokens: $(grep -c . "$TMP/l-$tag-tokens.txt") of $L_WRITERS writers: $(tail -n 2 "$TMP/l-token.err" | tr '\n' ' ')"; return 1; }
}

# l_measure TAG DB BASE: sets L_<TAG>_{POST,POST99,PEG,PEG99,INST,INST99,STORED}
l_measure() {
  local tag=$1 db=$2 base=$3 n0 n1 v
  local p_url="$base/api/v1/aktivitas" d_url="$base/api/v1/dasbor/pegawai/$L_PEG_ID" i_url="$base/api/v1/dasbor/instansi"
  log "l ($tag): POST /api/v1/aktivitas"
  wrk -t2 -c64 -d1s -s bench/aktivitas_post.lua "$p_url" -- "$TMP/l-$tag-tokens.txt" "$L_DATES" >/dev/null 2>&1 || true
  n0=$(l_count "$db")
  if run_wrk "l-$tag-post" "$p_url" -s bench/aktivitas_post.lua -- "$TMP/l-$tag-tokens.txt" "$L_DATES"; then
    n1=$(l_count "$db")
    printf -v "L_${tag}_POST" '%s' "$RPS"; printf -v "L_${tag}_POST99" '%s' "$P99"
    printf -v "L_${tag}_STORED" '%s' "$(( ${n1:-0} - ${n0:-0} ))"
    v=$(awk '/requests in/ { print $1 }' "$TMP/wrk-l-$tag-post.txt")
    [ "$BAD" = 0 ] || fail_note "l ($tag): POST: $BAD errors/non-2xx"
    [ "$(( ${n1:-0} - ${n0:-0} ))" -ge "${v:-0}" ] || fail_note "l ($tag): wrk counted $v POSTs, the table grew by $(( ${n1:-0} - ${n0:-0} ))"
  fi
  log "l ($tag): GET /api/v1/dasbor/pegawai/$L_PEG_ID (own token)"
  wrk -t2 -c64 -d1s -H "Authorization: Bearer $L_PEG_TOKEN" "$d_url" >/dev/null 2>&1 || true
  if run_wrk "l-$tag-peg" "$d_url" -H "Authorization: Bearer $L_PEG_TOKEN"; then
    printf -v "L_${tag}_PEG" '%s' "$RPS"; printf -v "L_${tag}_PEG99" '%s' "$P99"
    [ "$BAD" = 0 ] || fail_note "l ($tag): pegawai dashboard: $BAD errors/non-2xx"
  fi
  log "l ($tag): GET /api/v1/dasbor/instansi (admin)"
  wrk -t2 -c64 -d1s -H "Authorization: Bearer $L_ADMIN_TOKEN" "$i_url" >/dev/null 2>&1 || true
  if run_wrk "l-$tag-inst" "$i_url" -H "Authorization: Bearer $L_ADMIN_TOKEN"; then
    printf -v "L_${tag}_INST" '%s' "$RPS"; printf -v "L_${tag}_INST99" '%s' "$P99"
    [ "$BAD" = 0 ] || fail_note "l ($tag): instansi dashboard: $BAD errors/non-2xx"
  fi
}

# 1. SQLite
L_DB=$TMP/skala.db
t0=$(now)
if ./kinerja demo --db "$L_DB" --pegawai "$L_PEGAWAI" --password "$PASSWORD" >"$TMP/l-demo.out" 2>&1; then
  L_DEMO_SQLITE=$(calc "$(now) - $t0" 1)
  if start_kinerja serve-l-sqlite "$L_DB"; then
    l_prepare SQLITE "$L_DB" "http://127.0.0.1:$K_PORT" && l_measure SQLITE "$L_DB" "http://127.0.0.1:$K_PORT"
    stop_pid "$K_PID"
  else
    fail_note "l: kinerja serve (SQLite) did not start"
  fi
else
  fail_note "l: kinerja demo (SQLite) failed: $(tail -n 2 "$TMP/l-demo.out" | tr '\n' ' ')"
fi

# 2-4. the deploy/lokal.sh layout: primary + synchronous replica, pgbouncer, 2 nodes, haproxy
t0=$(now)
L_UP=$(KINERJA_BIN=./kinerja LOKAL_NODES=2 LOKAL_PEGAWAI="$L_PEGAWAI" LOKAL_FSYNC="$L_FSYNC" \
       LOKAL_NODE_ARGS="${L_NOLIMIT[*]}" deploy/lokal.sh up 2>"$TMP/l-up.log") || true
L_DIR=${L_UP#KINERJA_LOKAL=}
if [ -z "$L_DIR" ] || [ ! -f "$L_DIR/env" ]; then
  fail_note "l: deploy/lokal.sh up failed: $(tail -n 3 "$TMP/l-up.log" | tr '\n' ' ')"
else
  L_UP_S=$(calc "$(now) - $t0" 1)
  L_PGB=$(sed -n 's/^PGBOUNCER=//p' "$L_DIR/env")
  L_HAP=$(sed -n 's/^HAPROXY=//p' "$L_DIR/env")
  L_STATS=$(sed -n 's/^HAPROXY_STATS=//p' "$L_DIR/env")
  # 2. one node on PostgreSQL (through pgbouncer, no replica reads)
  if start_kinerja serve-l-pg "$L_PGB"; then
    if l_prepare PG "$L_PGB" "http://127.0.0.1:$K_PORT"; then
      l_measure PG "$L_PGB" "http://127.0.0.1:$K_PORT"
      L_PG_OK=true
    fi
    stop_pid "$K_PID"
  else
    fail_note "l: kinerja serve (PostgreSQL) did not start"
  fi
  if [ "${L_PG_OK:-}" = true ]; then
    cp "$TMP/l-PG-tokens.txt" "$TMP/l-N2-tokens.txt"; cp "$TMP/l-PG-tokens.txt" "$TMP/l-N1-tokens.txt"
    # 3. haproxy + 2 nodes
    l_measure N2 "$L_PGB" "$L_HAP"
    L_N2_SPLIT=$(curl -s "$L_STATS;csv" | awk -F, '$1 == "kinerja" && $2 ~ /^k[0-9]+$/ { printf "%s%s %s", s, $2, $8; s = ", " }')
    # 4. haproxy + 1 node: k2 stopped, haproxy's health check takes it out
    kill -TERM "$(cat "$L_DIR/node2.pid")" 2>/dev/null || true
    if wait_for 30 sh -c "curl -s '$L_STATS;csv' | grep -q '^kinerja,k2,.*,DOWN'"; then
      l_measure N1 "$L_PGB" "$L_HAP"
    else
      fail_note "l: haproxy did not mark k2 DOWN"
    fi
    L_REPLIKA=$(curl -s "$(sed -n 's/^NODE1=//p' "$L_DIR/env")/metrics" | sed -n 's/^kinerja_baca_replika_total{sumber="\([a-z]*\)"} \([0-9]*\)$/\1 \2/p' | paste -sd, -)
  fi
  deploy/lokal.sh down "$L_DIR" 2>"$TMP/l-down.log" || fail_note "l: deploy/lokal.sh down: $(tail -n 2 "$TMP/l-down.log" | tr '\n' ' ')"
fi
L_LOAD1=$(cut -d' ' -f1-3 /proc/loadavg)
log "l: load average before ${L_LOAD0}, after ${L_LOAD1}"
