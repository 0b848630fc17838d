#!/bin/bash
# ukur.sh: the measurements behind the capacity plan (docs/produksi/kapasitas.md), re-runnable.
#
#   deploy/produksi/ukur.sh [--pegawai N] [--permintaan R] [--out FILE]
#
# 1. Starts a throwaway PostgreSQL 15 (tests/pg/start.sh), fills it with `kinerja demo`
#    (N pegawai, default 300), VACUUM ANALYZE, then per big table: rows, heap / index / TOAST
#    bytes (pg_relation_size, pg_indexes_size, pg_total_relation_size), the average tuple
#    (pg_column_size of the row) and bytes per row with indexes.
# 2. The demo's rates per pegawai (activities per pegawai-day, presensi per working day,
#    realisasi and penilaian rows per pegawai, evidence per activity/realisasi).
# 3. Serves the database with `kinerja serve` (the release binary ./kinerja unless KINERJA_BIN) and sends R requests of each kind (default 200):
#    POST /api/v1/aktivitas (one activity, as many pegawai), POST /api/v1/aktivitas/{id}/setujui
#    (the atasan approves), POST /api/v1/presensi (a batch of 100 rows, R/10 batches); for each:
#    commits, WAL records, WAL bytes and full-page images per request (pg_stat_wal and
#    pg_stat_database deltas, full_page_writes and synchronous_commit switched ON for this part,
#    a CHECKPOINT before each so full-page images are counted at their worst), rows inserted /
#    updated per table.
# Output: Markdown on stdout (or --out FILE).  Needs: postgresql-15, psql, curl, a built ./kinerja
# (KINERJA_BIN to choose another).  The demo on PostgreSQL is slow (1000 pegawai: 3.5 min on a
# quiet 2-core machine, 11 min at load 15); the request part adds ~2 min (11 s statistics waits).
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${KINERJA_BIN:-$top/kinerja}
N=300; R=200; out=/dev/stdout
while [ $# -gt 0 ]; do
  case $1 in
    --pegawai) N=$2; shift 2 ;;
    --permintaan) R=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "ukur.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x "$bin" ] || { echo "ukur.sh: $bin missing (make kinerja)" >&2; exit 2; }
tmp=$(mktemp -d /tmp/kinerja-ukur.XXXXXX)
srv=""
eval "$("$top/tests/pg/start.sh")"
bersih() {
  [ -n "$srv" ] && kill "$srv" 2>/dev/null && wait "$srv" 2>/dev/null
  "$top/tests/pg/stop.sh" "$KINERJA_PG_DIR"
  rm -rf "$tmp"
}
trap bersih EXIT
DB="$KINERJA_PG/ukur"
q() { psql -X -q -At -v ON_ERROR_STOP=1 "$DB" -c "$1"; }
psql -X -q "$KINERJA_PG/postgres" -c "CREATE DATABASE ukur"
t0=$(date +%s.%N)
"$bin" demo --db "$DB" --pegawai "$N" >"$tmp/demo.log" 2>&1 || { cat "$tmp/demo.log" >&2; exit 1; }
t1=$(date +%s.%N)
q "VACUUM ANALYZE" >/dev/null
{
echo "# kinerja on PostgreSQL: sizes and writes (deploy/produksi/ukur.sh)"
echo
echo "$(date -u +%FT%TZ) · kinerja \`$(git -C "$top" describe --always --dirty 2>/dev/null || echo '?')\` · $(q 'SHOW server_version' | cut -d' ' -f1) · nproc $(nproc) · $(uname -sr) · load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Demo of $N pegawai (\`kinerja demo\`, all instansi of the demo) written in $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}') s; then VACUUM ANALYZE."
echo
echo "## 1. Bytes per row (heap + TOAST + every index), freshly written tables"
echo
echo "| table | rows | indexes | heap B | index B | TOAST B | total B | avg tuple (pg_column_size) | total B/row | index B/row |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for t in aktivitas audit_log presensi realisasi penilaian penilaian_rhk penilaian_perilaku bukti \
         umpan_balik notifikasi akses_lihat sesi aktivitas_unit_bulan tpp_hasil idempotensi \
         skp rhk iki pegawai; do
  q "SELECT to_regclass('$t') IS NOT NULL" | grep -q t || continue
  q "SELECT '$t', c.n, (SELECT count(*) FROM pg_indexes WHERE tablename = '$t'), pg_relation_size('$t'), pg_indexes_size('$t'),
            pg_total_relation_size('$t') - pg_relation_size('$t') - pg_indexes_size('$t'),
            pg_total_relation_size('$t'),
            COALESCE((SELECT round(avg(pg_column_size(x.*))) FROM $t x), 0),
            CASE WHEN c.n > 0 THEN round(pg_total_relation_size('$t')::numeric / c.n) END,
            CASE WHEN c.n > 0 THEN round(pg_indexes_size('$t')::numeric / c.n) END
       FROM (SELECT count(*) AS n FROM $t) c" | awk -F'|' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1,$2,$3,$4,$5,$6,$7,$8,$9,$10}'
done
echo
echo "Whole database: $(q "SELECT pg_database_size('ukur')") bytes (includes the empty partitions/tables and catalog)."
echo
echo "## 2. The demo's rates"
echo
peg=$(q "SELECT count(*) FROM pegawai WHERE aktif = 1")
echo "- active pegawai: $peg"
q "SELECT '- activities: ' || count(*) || ' rows on ' || count(DISTINCT (pegawai_id, tanggal)) || ' pegawai-days by '
          || count(DISTINCT pegawai_id) || ' pegawai over ' || count(DISTINCT tanggal) || ' dates: '
          || round(count(*)::numeric / NULLIF(count(DISTINCT (pegawai_id, tanggal)), 0), 2) || ' per pegawai-day with activity; average uraian '
          || round(avg(length(uraian))) || ' characters'
     FROM aktivitas WHERE dihapus = 0"
q "SELECT '- presensi: ' || count(*) || ' rows, ' || count(DISTINCT pegawai_id) || ' pegawai over ' || count(DISTINCT tanggal)
          || ' dates: ' || round(count(*)::numeric / NULLIF(count(DISTINCT pegawai_id) * count(DISTINCT tanggal), 0), 2) || ' per pegawai and date'
     FROM presensi"
q "SELECT '- realisasi: ' || count(*) || ' rows for ' || count(DISTINCT skp_id) || ' SKP and ' || count(DISTINCT bulan) || ' months: '
          || round(count(*)::numeric / NULLIF(count(DISTINCT (skp_id, bulan)), 0), 2) || ' per SKP-month (= IKI per SKP)'
     FROM realisasi"
q "SELECT '- IKI per SKP: ' || round(count(*)::numeric / NULLIF(count(DISTINCT r.skp_id), 0), 2) || ', RHK per SKP: '
          || round(count(DISTINCT r.id)::numeric / NULLIF(count(DISTINCT r.skp_id), 0), 2)
     FROM rhk r JOIN iki i ON i.rhk_id = r.id"
q "SELECT '- penilaian: ' || sum(n) || ' rows (' || string_agg(jenis || ' ' || n, ', ') || ')'
     FROM (SELECT jenis, count(*) AS n FROM penilaian GROUP BY jenis) j"
q "SELECT '- penilaian_rhk per penilaian: ' || round((SELECT count(*) FROM penilaian_rhk)::numeric / NULLIF(count(*), 0), 2)
          || ', penilaian_perilaku per penilaian: ' || round((SELECT count(*) FROM penilaian_perilaku)::numeric / NULLIF(count(*), 0), 2)
     FROM penilaian"
q "SELECT '- bukti: ' || count(*) || ' rows (' || COALESCE(sum(CASE WHEN jenis = 'berkas' THEN 1 ELSE 0 END), 0) || ' files, '
          || COALESCE(sum(ukuran), 0) || ' plaintext bytes; on activities ' || COALESCE(sum(CASE WHEN aktivitas_id IS NOT NULL THEN 1 ELSE 0 END), 0)
          || ', on realisasi ' || COALESCE(sum(CASE WHEN realisasi_id IS NOT NULL THEN 1 ELSE 0 END), 0) || ')'
     FROM bukti"
q "SELECT '- audit_log: ' || (SELECT count(*) FROM audit_log) || ' rows; top actions: ' || string_agg(aksi || ' ' || n, ', ' ORDER BY n DESC)
     FROM (SELECT aksi, count(*) AS n FROM audit_log GROUP BY aksi ORDER BY n DESC LIMIT 8) a"
echo

# ---- 3. writes per request -------------------------------------------------------------------
q "ALTER SYSTEM SET full_page_writes = on" >/dev/null
q "ALTER SYSTEM SET fsync = on" >/dev/null   # so that pg_stat_wal counts the WAL flushes (wal_sync)
q "ALTER SYSTEM SET synchronous_commit = on" >/dev/null
q "SELECT pg_reload_conf()" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" serve --db "$DB" --listen "127.0.0.1:$port" --data-dir "$tmp/data" --web-dir "$top/web" \
  --log-level warn --rate-limit 0 --rate-limit-user 0 >"$tmp/serve.log" 2>&1 &
srv=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
base="http://127.0.0.1:$port"
tok() { "$bin" token create --db "$DB" --user "$1" 2>/dev/null | tail -n 1; }
ADMIN=$(tok admin)
curl -sf -o /dev/null -X PATCH -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  --data '{"hari_mundur": 366, "akhir_pekan": true, "hari_libur": true, "menit_maks_harian": 1440}' "$base/api/v1/pengaturan"
INST=$(q "SELECT p.instansi_id FROM pengguna u JOIN pegawai p ON p.id = u.pegawai_id WHERE u.username = 'admin'")
# writers: up to 50 pegawai of the admin's instansi that have a penilai (an atasan with a login)
q "SELECT p.nip FROM pegawai p JOIN pengguna u ON u.pegawai_id = p.id
    WHERE u.peran = 0 AND p.aktif = 1 AND p.instansi_id = $INST ORDER BY p.id LIMIT 50" >"$tmp/nip"
while read -r nip; do tok "$nip"; done <"$tmp/nip" >"$tmp/tokens"
mapfile -t TOK <"$tmp/tokens"
snap() { # -> "commits wal_records wal_fpi wal_bytes wal_sync"
  # An idle backend flushes its pending statistics after up to 10 s (PostgreSQL 15): wait them
  # out, so each kind of request is charged only its own.  WAL bytes come from the WAL position.
  sleep 11
  q "SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = 'ukur'), wal_records, wal_fpi,
            pg_current_wal_insert_lsn() - '0/0'::pg_lsn, wal_sync FROM pg_stat_wal" | tr '|' ' '
}
tabs() { q "SELECT relname || ' ' || n_tup_ins || ' ' || n_tup_upd || ' ' || n_tup_del FROM pg_stat_user_tables ORDER BY relname" >"$1"; }
laporan() { # label requests okcount file_before file_after snap_before snap_after
  local label=$1 n=$2 ok=$3
  read -r c0 r0 f0 b0 y0 <<<"$6"; read -r c1 r1 f1 b1 y1 <<<"$7"
  # the measuring psql session's own commit (one per snapshot) is not subtracted: small against R requests
  printf '| %s | %s (%s ok) | %s | %s | %s | %s | %s |' "$label" "$n" "$ok" \
    "$(awk -v a="$c0" -v b="$c1" -v n="$n" 'BEGIN{printf "%.2f", (b-a)/n}')" \
    "$(awk -v a="$y0" -v b="$y1" -v n="$n" 'BEGIN{printf "%.2f", (b-a)/n}')" \
    "$(awk -v a="$r0" -v b="$r1" -v n="$n" 'BEGIN{printf "%.1f", (b-a)/n}')" \
    "$(awk -v a="$f0" -v b="$f1" -v n="$n" 'BEGIN{printf "%.2f", (b-a)/n}')" \
    "$(awk -v a="$b0" -v b="$b1" -v n="$n" 'BEGIN{printf "%.0f", (b-a)/n}')"
  join "$4" "$5" | awk -v n="$n" '{ i = $5 - $2; u = $6 - $3; d = $7 - $4;
      if (i + u + d > 0) { s = s sep $1 " +" sprintf("%.2f", i / n); if (u) s = s "/~" sprintf("%.2f", u / n); if (d) s = s "/-" sprintf("%.2f", d / n); sep = ", " } }
      END { printf " %s |\n", s }'
}
echo "## 3. Writes per request (fsync, full_page_writes and synchronous_commit on, CHECKPOINT before each kind)"
echo
echo "commits = xact_commit (read-only transactions included); WAL flushes = pg_stat_wal.wal_sync (the fsyncs a commit waits for)."
echo
echo "| request | count | commits/req | WAL flushes/req | WAL records/req | full-page images/req | WAL bytes/req | rows per request: table +inserted/~updated/-deleted |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
# a) POST /api/v1/aktivitas
q "CHECKPOINT" >/dev/null; tabs "$tmp/t0"; s0=$(snap)
ok=0
for i in $(seq 0 $((R - 1))); do
  t=${TOK[$((i % ${#TOK[@]}))]}
  d=$(date -u -d "-$((1 + i / ${#TOK[@]})) day" +%F)
  code=$(curl -s -o "$tmp/a.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $t" -H 'Content-Type: application/json' \
    --data "{\"tanggal\":\"$d\",\"menit\":30,\"uraian\":\"Menyusun konsep nota dinas tentang jadwal rapat koordinasi bidang (ukur)\"}" "$base/api/v1/aktivitas")
  [ "$code" = 201 ] || [ "$code" = 200 ] && { ok=$((ok + 1)); sed -n 's/^{"id":\([0-9]*\).*/\1/p' "$tmp/a.json" >>"$tmp/ids"; }
done
s1=$(snap); tabs "$tmp/t1"
laporan 'POST /api/v1/aktivitas (one activity)' "$R" "$ok" "$tmp/t0" "$tmp/t1" "$s0" "$s1"
# b) approve them: the penilai of each (a token per distinct penilai)
q "SELECT a.id, u.username FROM aktivitas a JOIN pengguna u ON u.pegawai_id = a.penilai_id
    WHERE a.status = 'diajukan' AND a.dihapus = 0 AND a.uraian LIKE '%(ukur)' ORDER BY a.id LIMIT $R" >"$tmp/rev"
cut -d'|' -f2 "$tmp/rev" | sort -u | while read -r u; do echo "$u $(tok "$u")"; done >"$tmp/revtok"
nrev=$(grep -c . "$tmp/rev" || true)
if [ "$nrev" -gt 0 ]; then
  q "CHECKPOINT" >/dev/null; tabs "$tmp/t0"; s0=$(snap); ok=0
  while IFS='|' read -r id u; do
    t=$(awk -v u="$u" '$1 == u { print $2 }' "$tmp/revtok")
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $t" -H 'Content-Type: application/json' --data '{}' "$base/api/v1/aktivitas/$id/setujui")
    [ "$code" = 200 ] && ok=$((ok + 1))
  done <"$tmp/rev"
  s1=$(snap); tabs "$tmp/t1"
  laporan 'POST /api/v1/aktivitas/{id}/setujui' "$nrev" "$ok" "$tmp/t0" "$tmp/t1" "$s0" "$s1"
fi
# c) presensi batches of 100 rows (what an attendance machine's feed sends)
q "SELECT nip FROM pegawai WHERE instansi_id = $INST AND aktif = 1 ORDER BY id LIMIT 100" >"$tmp/pnip"
nb=$((R / 10)); [ "$nb" -lt 1 ] && nb=1
q "CHECKPOINT" >/dev/null; tabs "$tmp/t0"; s0=$(snap); ok=0
for b in $(seq 1 "$nb"); do
  d=$(date -u -d "-$((200 + b)) day" +%F)   # days the demo left empty: inserts, not updates
  body=$(awk -v d="$d" 'BEGIN { printf "{\"items\":[" } { printf "%s{\"nip\":\"%s\",\"tanggal\":\"%s\",\"masuk\":\"07:2%d\",\"pulang\":\"16:0%d\"}", (NR > 1 ? "," : ""), $1, d, NR % 10, NR % 10 } END { printf "]}" }' "$tmp/pnip")
  code=$(curl -s -o "$tmp/p.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' --data "$body" "$base/api/v1/presensi")
  [ "$code" = 200 ] && ok=$((ok + 1))
done
s1=$(snap); tabs "$tmp/t1"
laporan "POST /api/v1/presensi ($(grep -c . "$tmp/pnip") rows a batch)" "$nb" "$ok" "$tmp/t0" "$tmp/t1" "$s0" "$s1"
[ "$ok" -gt 0 ] || echo "(presensi answered: $(head -c 300 "$tmp/p.json"))"
echo
echo "Commits include the measuring psql sessions' own (about 2 per snapshot, not per request)."
echo "The throwaway cluster lives in /tmp (tmpfs or a shared disk): its fsync timings are not a production disk's."
# ---- 4. throughput of the write path on PostgreSQL (wrk, like bench scenario g) ----------------
if command -v wrk >/dev/null 2>&1; then
  dates=$(for i in $(seq 2 301); do date -u -d "-$i day" +%F; done | paste -sd, -)
  s0=$(snap)
  wrk -t2 -c32 -d10s --latency -s "$top/bench/aktivitas_post.lua" "$base/api/v1/aktivitas" -- "$tmp/tokens" "$dates" >"$tmp/wrk.txt" 2>&1 || true
  rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$tmp/wrk.txt")
  p50=$(awk '$1 == "50%" { print $2 }' "$tmp/wrk.txt"); p99=$(awk '$1 == "99%" { print $2 }' "$tmp/wrk.txt")
  non2xx=$(sed -n 's/^ *Non-2xx or 3xx responses: *//p' "$tmp/wrk.txt")
  nreq=$(sed -n 's/^ *\([0-9]*\) requests in .*/\1/p' "$tmp/wrk.txt")
  s1=$(snap)
  read -r c0 _ _ b0 y0 <<<"$s0"; read -r c1 _ _ b1 y1 <<<"$s1"
  echo
  echo "## 4. Write throughput on PostgreSQL"
  echo
  echo "POST /api/v1/aktivitas, wrk -t2 -c32 -d10s (bench/aktivitas_post.lua, ${#TOK[@]} pegawai x 300 days), \`kinerja serve\` $(basename "$bin") on the same machine, fsync and synchronous_commit on (no standby):"
  echo "**${rps:-?} req/s**, p50 ${p50:-?}, p99 ${p99:-?}, non-2xx ${non2xx:-0}; load average after the run $(cut -d' ' -f1-3 /proc/loadavg)."
  [ -n "$nreq" ] && [ "$nreq" -gt 0 ] && echo "Under this load: $((c1 - c0)) commits for $nreq requests ($(awk -v c=$((c1 - c0)) -v n="$nreq" 'BEGIN{printf "%.3f", c/n}') commits a request, read transactions included), $((y1 - y0)) WAL flushes ($(awk -v c=$((y1 - y0)) -v n="$nreq" 'BEGIN{printf "%.3f", c/n}') a request: the group-commit writer and PostgreSQL's own group commit share them), $(awk -v b=$((b1 - b0)) -v n="$nreq" 'BEGIN{printf "%.0f", b/n}') WAL bytes a request."
fi
echo
echo "## 5. Audit records by action (after the requests above)"
echo
echo "| action | rows | avg tuple B (pg_column_size) |"
echo "|---|---:|---:|"
q "SELECT aksi, count(*), round(avg(pg_column_size(a.*))) FROM audit_log a GROUP BY aksi ORDER BY count(*) DESC LIMIT 12" |
  awk -F'|' '{ printf "| %s | %s | %s |\n", $1, $2, $3 }'
echo "(end)"
} >"$out"
