#!/usr/bin/env bash
# bench/run.sh: kinerja's benchmark suite.  Each figure is set against a ceiling measured on the
# same machine in the same run (bench/README.md explains the table).
#
#   make bench                  # full run (~5 min on 2 cores): wrk 10 s, 1,000,000-row import
#   BENCH_QUICK=1 bench/run.sh  # quick run (~1 min): wrk 3 s, 100,000-row import
#   BENCH_ONLY=h bench/run.sh   # only the scenarios listed (letters a-l, e.g. "f,h"); b, c, e,
#                               # g share the demo database, which is built when any is listed;
#                               # i measures the hello ceiling itself when a is not listed
#
# Optional overrides: BENCH_DURATION (wrk, e.g. 5s), BENCH_ROWS (import rows),
# BENCH_CONNS (idle keep-alive connections, default 1000), BENCH_IMPORT_LIMIT (seconds, 420),
# BENCH_BATCH_REQUESTS (g: batch requests of 1000 activities, 1000; quick 100),
# BENCH_BATCH_BUDGET (g: seconds of batch import before extrapolating, 360),
# BENCH_PENILAIAN_PEGAWAI (h: pegawai of the generated instansi, 100000; quick 10000),
# BENCH_DASBOR_PEGAWAI / BENCH_DASBOR_UNIT (i: pegawai of the generated instansi and of the unit
# whose dashboard is loaded, 50000 / 1000; quick 5000 / 500), BENCH_DASBOR_WRK_LIMIT (i: seconds
# one dashboard request may take before it is not loaded with wrk, 1), BENCH_DASBOR_PROBE_LIMIT
# (i: seconds the first request of a dashboard may take at all, 120), BENCH_DASBOR_EXTRA_SQL (i:
# SQL run with sqlite3 on the generated database before serving, e.g. a candidate index),
# BENCH_TPP_PEGAWAI (j: pegawai of the generated instansi, each with 22 days of presensi, 100000;
# quick 10000).
# Scenario k (the first UI load, issue 13's 100 KB budget) needs node and Chromium (as the e2e tests).
# Scenario l (issue 12: activity writes and dashboards on SQLite, PostgreSQL, and haproxy + 2 / 1
# nodes of deploy/lokal.sh; bench/skala.sh) needs scripts/deps.sh deploy; BENCH_SKALA_PEGAWAI
# (demo size, 200), BENCH_SKALA_FSYNC (PostgreSQL fsync, on).
# Writes bench/results/latest.{md,json} and bench/results/YYYY-MM-DD.md (full runs) or
# bench/results/quick.{md,json} (quick runs), or with BENCH_ONLY bench/results/only.{md,json}
# (the rows of those scenarios; latest and quick keep whole runs; BENCH_MERGE=1 puts them into
# latest.md through bench/merge_only.sh).  Needs ./kinerja and build/rel/libkinerja.a
# (make kinerja; run when the library is missing), wrk, node, cc; scenario g also sqlite3, curl;
# scenario i also curl.
# Traffic goes to 127.0.0.1 only.  Exits 1 if any scenario failed (the results say which).
set -eu

cd "$(dirname "$0")/.."
ROOT=$(pwd)
QUICK=${BENCH_QUICK:-0}
if [ "$QUICK" = 1 ]; then
  MODE=quick; DUR=${BENCH_DURATION:-3s}; ROWS=${BENCH_ROWS:-100000}
else
  MODE=full; DUR=${BENCH_DURATION:-10s}; ROWS=${BENCH_ROWS:-1000000}
fi
CONNS=${BENCH_CONNS:-1000}
ONLY=$(printf '%s' "${BENCH_ONLY:-}" | tr -cd 'a-l')
[ -n "$ONLY" ] || [ -z "${BENCH_ONLY:-}" ] || { printf '[bench] BENCH_ONLY=%s names no scenario (a-l)\n' "$BENCH_ONLY" >&2; exit 2; }
# want LETTER...: true when any of the scenarios is to run (all of them without BENCH_ONLY)
want() {
  local l
  [ -z "$ONLY" ] && return 0
  for l in "$@"; do case "$ONLY" in *"$l"*) return 0 ;; esac; done
  return 1
}
IMPORT_LIMIT=${BENCH_IMPORT_LIMIT:-420}
WRK_ARGS=(-t2 -c64 -d"$DUR" --latency)
PASSWORD=Rahasia123
BIN=$ROOT/build/bench
OUT=$ROOT/bench/results
FAILED=()

log() { printf '[bench] %s\n' "$*" >&2; }
fail_note() { FAILED+=("$1"); log "GAGAL/FAILED: $1"; }

TOOLS=(cc)
want a b c e g i && TOOLS+=(wrk node)
want k && TOOLS+=(node)
want g i && TOOLS+=(curl)
want l && TOOLS+=(wrk node curl sqlite3 psql)
want i && TOOLS+=(sqlite3)   # i: BENCH_DASBOR_EXTRA_SQL, and the writes that defeat the dashboard cache
for tool in "${TOOLS[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || { log "$tool not found (make bench installs it: scripts/deps.sh bench)"; exit 2; }
done
[ -x ./kinerja ] || { log "./kinerja not built: run make kinerja"; exit 2; }
# 1,000 idle connections need 1,000 descriptors in each of server and client, plus wrk's.
ulimit -n 8192 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

TMP=$(mktemp -d "${TMPDIR:-/tmp}/kinerja-bench.XXXXXX")
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  # l: the deploy/lokal.sh layout, when the run ended inside it
  if [ -n "${L_DIR:-}" ] && [ -d "$L_DIR" ]; then deploy/lokal.sh down "$L_DIR" >/dev/null 2>&1 || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------- helpers --
now() { date +%s.%N; }
calc() { awk "BEGIN { v = $1; printf \"%.${2:-2}f\", v }"; }     # calc EXPR [DECIMALS]
# "2.43ms" / "304.00us" / "1.20s" -> milliseconds
to_ms() {
  awk -v v="$1" 'BEGIN { u = v; sub(/^[0-9.]+/, "", u); n = v + 0;
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
    printf "%.3f", n }'
}
commas() { printf '%s' "$1" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta'; }   # 100000 -> 100,000
num_or_null() { if [ -n "$1" ]; then printf '%s' "$1"; else printf 'null'; fi; }
# ratio A B -> A/B with 2 decimals, empty when either is missing or B is 0
ratio() { if [ -n "$1" ] && [ -n "$2" ] && awk "BEGIN{exit !($2 > 0)}"; then calc "$1 / $2"; fi; }

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || true; }

wait_for() {  # wait_for SECONDS CMD... : polls every 0.1 s
  local limit=$1; shift
  local i=0
  while ! "$@"; do
    i=$((i + 1))
    [ "$i" -lt $((limit * 10)) ] || return 1
    sleep 0.1
  done
}

# HTTP status of one GET (node's fetch), optional bearer token; prints "STATUS" or "ERR msg".
http_status() {
  node -e '
    const [u, t] = process.argv.slice(1);
    fetch(u, { headers: t ? { authorization: "Bearer " + t } : {} })
      .then(async (r) => { const b = await r.text(); console.log(r.status + " " + b.slice(0, 200).replace(/\s+/g, " ")); })
      .catch((e) => console.log("ERR " + e.message));' "$1" "${2:-}"
}

stop_pid() {  # TERM, then KILL after 10 s
  local pid=$1 i=0
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  local keep=() p
  for p in "${PIDS[@]}"; do [ "$p" = "$pid" ] || keep+=("$p"); done
  PIDS=("${keep[@]}")
}

# start_hello: sets HELLO_PID, HELLO_PORT
start_hello() {  # [BODY_BYTES]: a body of that size instead of the hello
  rm -f "$TMP/hello.port"
  "$BIN/hello" 0 ${1:+"$1"} >"$TMP/hello.port" 2>"$TMP/hello.log" &
  HELLO_PID=$!; PIDS+=("$HELLO_PID")
  wait_for 10 test -s "$TMP/hello.port" || { log "hello did not start: $(cat "$TMP/hello.log")"; return 1; }
  HELLO_PORT=$(head -n 1 "$TMP/hello.port")
}

# A free port on 127.0.0.1 (the kernel picks it; free again by the time the server binds it,
# barring a rare race).  Needed because `--log-level warn` hides the start-up line with the port.
free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_kinerja TAG DB [serve flags...]: sets K_PID, K_PORT; stderr (the access log) to TAG.log
start_kinerja() {
  local tag=$1 db=$2; shift 2
  mkdir -p "$TMP/data"
  rm -f "$TMP/$tag.log"
  K_PORT=$(free_port)
  # the load generators send everything from 127.0.0.1: rate and per-address limits off
  ./kinerja serve --db "$db" --listen "127.0.0.1:$K_PORT" --data-dir "$TMP/data" --shutdown-grace 2 \
    --rate-limit 0 --rate-limit-user 0 --rate-limit-login 0 --max-connections-per-ip 0 "$@" \
    >"$TMP/$tag.out" 2>"$TMP/$tag.log" &
  K_PID=$!; PIDS+=("$K_PID")
  if ! wait_for 15 port_open "$K_PORT"; then
    log "kinerja serve did not start:"; tail -n 5 "$TMP/$tag.log" >&2; return 1
  fi
  kill -0 "$K_PID" 2>/dev/null || { log "kinerja serve exited: $(tail -n 3 "$TMP/$tag.log")"; return 1; }
}

# run_wrk TAG URL [wrk args...] [-- script args...]: sets RPS, P99 (ms), P50 (ms), BAD (non-2xx +
# socket errors)
run_wrk() {
  local tag=$1 url=$2 a after=false; shift 2
  local pre=() post=()
  for a in "$@"; do
    if [ "$after" = true ]; then post+=("$a"); elif [ "$a" = -- ]; then after=true; post+=(--); else pre+=("$a"); fi
  done
  wrk "${WRK_ARGS[@]}" "${pre[@]}" "$url" "${post[@]}" >"$TMP/wrk-$tag.txt" 2>&1 || { log "wrk failed: $(tail -n 3 "$TMP/wrk-$tag.txt")"; return 1; }
  RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$TMP/wrk-$tag.txt")
  P50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$TMP/wrk-$tag.txt")")
  P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$TMP/wrk-$tag.txt")")
  local non2xx sock
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$TMP/wrk-$tag.txt")
  sock=$(awk -F'[ ,]+' '/Socket errors:/ { print $4 + $6 + $8 + $10 }' "$TMP/wrk-$tag.txt")
  BAD=$(( ${non2xx:-0} + ${sock:-0} ))
  log "$tag: ${RPS} req/s, p50 ${P50} ms, p99 ${P99} ms, errors/non-2xx ${BAD}"
}

# run_measured TAG LIMIT_SECONDS CMD...: sets RC, ELAPSED (s), PEAK_KB; output in TAG.out/.err
run_measured() {
  local tag=$1 limit=$2; shift 2
  local t0 pid h
  t0=$(now)
  PEAK_KB=""
  if [ -x /usr/bin/time ]; then
    set +e
    /usr/bin/time -v -o "$TMP/$tag.time" timeout -k 5 "$limit" "$@" >"$TMP/$tag.out" 2>"$TMP/$tag.err"
    RC=$?
    set -e
    PEAK_KB=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$TMP/$tag.time" 2>/dev/null || true)
  else
    timeout -k 5 "$limit" "$@" >"$TMP/$tag.out" 2>"$TMP/$tag.err" &
    pid=$!; PIDS+=("$pid")
    PEAK_KB=0
    while kill -0 "$pid" 2>/dev/null; do
      # the measured command is timeout's child
      for c in $(cat "/proc/$pid/task/$pid/children" 2>/dev/null || true); do
        h=$(awk '/^VmHWM:/ { print $2 }' "/proc/$c/status" 2>/dev/null || true)
        [ -n "$h" ] && [ "$h" -gt "$PEAK_KB" ] && PEAK_KB=$h
      done
      sleep 0.1
    done
    set +e; wait "$pid"; RC=$?; set -e
  fi
  ELAPSED=$(calc "$(now) - $t0" 3)
}

# measured_cpu TAG: user + system seconds of the last run_measured TAG (empty without /usr/bin/time)
measured_cpu() {
  awk -F': ' '/User time \(seconds\)/ { u = $2 } /System time \(seconds\)/ { s = $2 }
              END { if (u != "") printf "%.2f", u + s }' "$TMP/$1.time" 2>/dev/null || true
}
# proc_cpu_ticks PID: utime + stime in clock ticks (0 when gone); us_per PID_TICKS0 PID_TICKS1 N:
# CPU microseconds per request
proc_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
us_per() { if [ -n "$3" ] && [ "$3" -gt 0 ] 2>/dev/null; then calc "($2 - $1) * 1000000 / $(getconf CLK_TCK) / $3" 1; fi; }
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || true)

# hold_conns TAG PID PORT PATH: opens $CONNS keep-alive connections; sets RSS0, RSS1 (kB),
# STILL_OPEN, FDS (descriptors of PID while open)
hold_conns() {
  local tag=$1 pid=$2 port=$3 path=$4 cpid
  RSS0=$(rss_kb "$pid"); RSS1=""; STILL_OPEN=""; FDS=""
  node "$ROOT/bench/conns.mjs" --port "$port" --count "$CONNS" --path "$path" --hold 5 --timeout 60 \
    >"$TMP/conns-$tag.out" 2>"$TMP/conns-$tag.err" &
  cpid=$!; PIDS+=("$cpid")
  if wait_for 70 grep -q '^ready' "$TMP/conns-$tag.out"; then
    sleep 1
    RSS1=$(rss_kb "$pid")
    FDS=$(find "/proc/$pid/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
  fi
  wait "$cpid" 2>/dev/null || true
  STILL_OPEN=$(awk '/^still_open/ { print $2 }' "$TMP/conns-$tag.out")
  if [ -z "$RSS1" ]; then
    log "$tag: connections did not all open: $(cat "$TMP/conns-$tag.err")"; return 1
  fi
  log "$tag: VmRSS ${RSS0} kB idle -> ${RSS1} kB with ${CONNS} connections (${FDS} fds, still open after hold: ${STILL_OPEN})"
}

# ------------------------------------------------------------------------------------ build --
log "mode $MODE: wrk ${WRK_ARGS[*]}, import ${ROWS} rows, ${CONNS} idle connections${ONLY:+; only ${ONLY}}"
mkdir -p "$BIN" "$OUT"
CFLAGS=(-std=c17 -D_DEFAULT_SOURCE -D_GNU_SOURCE -O2 -Wall -Wextra -Werror)
cc "${CFLAGS[@]}" -o "$BIN/hello" bench/hello.c $(pkg-config --cflags --libs libmicrohttpd) -lpthread
cc "${CFLAGS[@]}" -o "$BIN/csv_ceiling" bench/csv_ceiling.c $(pkg-config --cflags --libs sqlite3) -lcsv
cc "${CFLAGS[@]}" -o "$BIN/gen_pegawai_csv" bench/gen_pegawai_csv.c
cc "${CFLAGS[@]}" -o "$BIN/aktivitas_ceiling" bench/aktivitas_ceiling.c $(pkg-config --cflags --libs sqlite3)
want g && cc "${CFLAGS[@]}" -o "$BIN/post_ceiling" bench/post_ceiling.c $(pkg-config --cflags --libs libmicrohttpd sqlite3) -lpthread
want i && cc "${CFLAGS[@]}" -o "$BIN/xlsx_ceiling" bench/xlsx_ceiling.c -lxlsxwriter
# skp_bench, penilaian_bench and tpp_bench call the domain functions directly, so they link the
# project's static library (`make bench` has just built it); dasbor_gen links it for the rules
# and date helpers.  A failed build fails only scenario f, h, i or j.
SKP_BUILT=false; PEN_BUILT=false; DS_BUILT=false; TPP_BUILT=false
# the same libraries as the Makefile's LIBS (libkinerja.a holds the PostgreSQL backend too)
# shellcheck disable=SC2207
LIBS=($(pkg-config --libs libmicrohttpd jansson libsodium sqlite3 libpq libcurl libcrypto liboath) \
  -lcsv -lhpdf -lxlsxwriter -lqrencode -lpng -lpthread -lm)
if want f h i j; then
  [ -f build/rel/libkinerja.a ] || { log "build/rel/libkinerja.a missing: make -s kinerja"; make -s kinerja >&2 || true; }
  if [ ! -f build/rel/libkinerja.a ]; then
    want f && fail_note "SKP: build/rel/libkinerja.a missing (make kinerja failed)"
    want h && fail_note "penilaian: build/rel/libkinerja.a missing (make kinerja failed)"
    want i && fail_note "dasbor: build/rel/libkinerja.a missing (make kinerja failed)"
    want j && fail_note "TPP: build/rel/libkinerja.a missing (make kinerja failed)"
  else
    if ! want f; then :
    elif cc "${CFLAGS[@]}" -Isrc -Ibuild/gen -o "$BIN/skp_bench" bench/skp_bench.c build/rel/libkinerja.a \
         "${LIBS[@]}" 2>"$TMP/skp-build.err"; then
      SKP_BUILT=true
    else
      cat "$TMP/skp-build.err" >&2
      fail_note "SKP: bench/skp_bench.c did not build against build/rel/libkinerja.a"
    fi
    if ! want h; then :
    elif cc "${CFLAGS[@]}" -Isrc -Ibuild/gen -o "$BIN/penilaian_bench" bench/penilaian_bench.c build/rel/libkinerja.a \
         "${LIBS[@]}" 2>"$TMP/penilaian-build.err"; then
      PEN_BUILT=true
    else
      cat "$TMP/penilaian-build.err" >&2
      fail_note "penilaian: bench/penilaian_bench.c did not build against build/rel/libkinerja.a"
    fi
    if ! want i; then :
    elif cc "${CFLAGS[@]}" -Isrc -Ibuild/gen -o "$BIN/dasbor_gen" bench/dasbor_gen.c build/rel/libkinerja.a \
         "${LIBS[@]}" 2>"$TMP/dasbor-build.err"; then
      DS_BUILT=true
    else
      cat "$TMP/dasbor-build.err" >&2
      fail_note "dasbor: bench/dasbor_gen.c did not build against build/rel/libkinerja.a"
    fi
    if ! want j; then :
    elif cc "${CFLAGS[@]}" -Isrc -Ibuild/gen -o "$BIN/tpp_bench" bench/tpp_bench.c build/rel/libkinerja.a \
         "${LIBS[@]}" 2>"$TMP/tpp-build.err"; then
      TPP_BUILT=true
    else
      cat "$TMP/tpp-build.err" >&2
      fail_note "TPP: bench/tpp_bench.c did not build against build/rel/libkinerja.a"
    fi
  fi
fi

# Result variables (empty = not measured).
C_RPS=""; C_P50=""; C_P99=""
H_RPS=""; H_P50=""; H_P99=""; H_BAD=""
HW_RPS=""; HW_P99=""; HW_BAD=""
L_RPS=""; L_P50=""; L_P99=""; L_BAD=""
DEMO_S=""
I_S=""; I_RPS=""; I_PEAK=""; I_OK=false; I_SUMMARY=""; I_COUNT=""
P_S=""; S_S=""; S_PEAK=""; GEN_S=""; CSV_MB=""
E_RSS0=""; E_RSS1=""; E_OPEN=""; E_FDS=""; EH_RSS0=""; EH_RSS1=""; EH_OPEN=""
F_JSON=""; F_M_MEAN=""; F_M_P99=""; F_BAWAHAN=""; F_SEL=""; F_P_MEAN=""; F_P_P99=""; F_P_BYTES=""; F_P_PAGES=""
F_X_MEAN=""; F_X_P99=""; F_X_BYTES=""; F_DEMO_MS=""
SKP_ITER_MATRIKS=200; SKP_ITER_PDF=50; SKP_ITER_XLSX=10
G_RPS=""; G_P50=""; G_P99=""; G_BAD=""; G_REQS=""; G_STORED=""; G_WARM=""; G_TUGAS=""; G_BATCH=""
GC_RPS=""; GC_P50=""; GC_P99=""; GC_BAD=""; GC_ROWS=""; GC_BATCHES=""; GC_REQS=""
GM_RPS=""; GM_P50=""; GM_P99=""; GM_BAD=""; GM_N=""; GM_ONE=""; GM_BULAN=""; GM_PEG=""; GM_BYTES=""; GMH_RPS=""; GMH_P99=""
K_BYTES=""; K_REQS=""; K_LARGEST=""
GB_DONE=""; GB_S=""; GB_RATE=""; GB_P50=""; GB_MAX=""; GB_ADDED=""; GB_EXTRA=""; GBC_S=""
Q1_RPS=""; Q1_P50=""; Q1_P99=""; Q1_BAD=""; Q1_ONE=""; QD1_RPS=""; QD1_P50=""; QD1_P99=""; QD1_BAD=""; QD1_ONE=""
Q2_RPS=""; Q2_P50=""; Q2_P99=""; Q2_BAD=""; Q2_ONE=""; QD2_RPS=""; QD2_P50=""; QD2_P99=""; QD2_BAD=""; QD2_ONE=""
G_QUEUE=""; G_QUEUE7=""; G_ROWS0=""; G_ROWS2=""; G_DARI=""
H_JSON=""; H_MS=""; H_MIN=""; H_SCAN=""; H_SCAN_MIN=""; H_PRED=""; H_KURVA=""; H_UNIT_US=""; H_UNITS=""; H_BAD_UNITS=""
H_VIOL=""; H_READ=""; H_GEN_MS=""
H_PEGAWAI=${BENCH_PENILAIAN_PEGAWAI:-$([ "$QUICK" = 1 ] && echo 10000 || echo 100000)}
DSU_RPS=""; DSU_P50=""; DSU_P99=""; DSU_BAD=""; DSU_ONE=""; DSU_ONE_N=""; DSU_SKIP=""; DSU_FIRST=""; DSU_UNC=""; DSU_CPU=""
DSI_RPS=""; DSI_P50=""; DSI_P99=""; DSI_BAD=""; DSI_ONE=""; DSI_ONE_N=""; DSI_SKIP=""; DSI_FIRST=""; DSI_UNC=""; DSI_CPU=""
DSU_MIX_RPS=""; DSU_MIX_P50=""; DSU_MIX_P99=""; DSU_MIX_BAD=""; DSU_MIX_MISS=""
DSI_MIX_RPS=""; DSI_MIX_P50=""; DSI_MIX_P99=""; DSI_MIX_BAD=""; DSI_MIX_MISS=""; DS_TULIS_SQL=""
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
DSX_S=""; DSX_PEAK=""; DSX_HWM0=""; DSX_BYTES=""; DSX_NOTE=""; DSXC_S=""; DSXC_PEAK=""
DS_JSON=""; DS_GEN_MS=""; DS_UNIT_ID=""; DS_AKT=""; DS_AKT_TABLE=""; DS_UNITS=""; DS_LANGSUNG=""; DS_HELLO_OWN=false
DS_CHECK_U=""; DS_CHECK_I=""
DS_PEGAWAI=${BENCH_DASBOR_PEGAWAI:-$([ "$QUICK" = 1 ] && echo 5000 || echo 50000)}
DS_UNIT=${BENCH_DASBOR_UNIT:-$([ "$QUICK" = 1 ] && echo 500 || echo 1000)}
DS_WRK_LIMIT=${BENCH_DASBOR_WRK_LIMIT:-1}
DS_PROBE_LIMIT=${BENCH_DASBOR_PROBE_LIMIT:-120}
DS_EXTRA_SQL=${BENCH_DASBOR_EXTRA_SQL:-}
J_JSON=""; J_S=""; J_RATE=""; J_RE_S=""; J_CPU=""; J_RE_CPU=""; J_RE_RATE=""; J_CEIL_S=""; J_LOOKUP_S=""; J_ENGINE_S=""; J_GEN_S=""
J_RSS0=""; J_PEAK=""; J_GROW=""; J_MAXRSS=""; J_RE_PEAK=""; J_SCAN_GROW=""; J_SCAN_PEAK=""; J_ROWS=""; J_TOTAL=""; J_PRES=""
J_UNITS=""; J_STATUS=""; J_PENILAIAN=""; J_SANKSI=""; J_DB_MB=""; J_DB_MB2=""; J_RINCIAN=""; J_DEDUCT=""; J_SANKSI_ROWS=""
J_PEGAWAI=${BENCH_TPP_PEGAWAI:-$([ "$QUICK" = 1 ] && echo 10000 || echo 100000)}

# ------------------------------------------------------------------------- a. HTTP ceiling --
if want a; then
  log "a. ceiling: bare libmicrohttpd hello"
  if start_hello && run_wrk hello "http://127.0.0.1:$HELLO_PORT/"; then
    C_RPS=$RPS; C_P50=$P50; C_P99=$P99
    [ "$BAD" = 0 ] || fail_note "hello: $BAD errors/non-2xx responses"
    # The idle-connection ceiling is measured on a fresh hello (wrk's connections are gone).
    stop_pid "$HELLO_PID"
    if start_hello && hold_conns hello "$HELLO_PID" "$HELLO_PORT" /; then
      EH_RSS0=$RSS0; EH_RSS1=$RSS1; EH_OPEN=$STILL_OPEN
    else
      fail_note "ceiling (hello) with $CONNS idle connections not measured"
    fi
    stop_pid "$HELLO_PID"
  else
    fail_note "ceiling (hello) not measured"
  fi
fi

# ------------------------------------------------------------- b, c: kinerja over HTTP --
DB=$TMP/bench.db
if want b c e g; then
  log "demo database with 10,000 pegawai"
  t0=$(now)
  if ./kinerja demo --db "$DB" --pegawai 10000 --password "$PASSWORD" >"$TMP/demo.out" 2>"$TMP/demo.err"; then
    DEMO_S=$(calc "$(now) - $t0" 2)
    log "demo: ${DEMO_S} s"
  else
    fail_note "kinerja demo failed: $(head -c 300 "$TMP/demo.err")"
  fi
fi
if want b c && [ -n "$DEMO_S" ]; then
  if start_kinerja serve "$DB"; then
    base="http://127.0.0.1:$K_PORT"
    st=$(http_status "$base/healthz")
    if [ "${st%% *}" = 200 ]; then
      log "b. GET /healthz"
      wrk -t2 -c64 -d1s "$base/healthz" >/dev/null 2>&1 || true     # warm-up
      if run_wrk healthz "$base/healthz"; then H_RPS=$RPS; H_P50=$P50; H_P99=$P99; H_BAD=$BAD; fi
      [ "${H_BAD:-0}" = 0 ] || fail_note "healthz: $H_BAD errors/non-2xx responses"
    else
      fail_note "GET /healthz answered: $st"
    fi
    TOKEN=$(./kinerja token create --db "$DB" --user admin 2>"$TMP/token.err" | tail -n 1 || true)
    if [ -n "$TOKEN" ]; then
      url="$base/api/v1/pegawai?limit=50"
      st=$(http_status "$url" "$TOKEN")
      if [ "${st%% *}" = 200 ]; then
        log "c. GET /api/v1/pegawai?limit=50 with a bearer token"
        wrk -t2 -c64 -d1s -H "Authorization: Bearer $TOKEN" "$url" >/dev/null 2>&1 || true
        if run_wrk pegawai "$url" -H "Authorization: Bearer $TOKEN"; then L_RPS=$RPS; L_P50=$P50; L_P99=$P99; L_BAD=$BAD; fi
        [ "${L_BAD:-0}" = 0 ] || fail_note "pegawai list: $L_BAD errors/non-2xx responses"
      else
        fail_note "GET /api/v1/pegawai?limit=50 answered: $st"
      fi
    else
      fail_note "kinerja token create printed no token: $(head -c 300 "$TMP/token.err")"
    fi
    stop_pid "$K_PID"
    ACCESS_LOG_LINES=$(wc -l <"$TMP/serve.log")
    # The same /healthz without the per-request access log line, to show what logging costs.
    if [ -n "$H_RPS" ]; then
      if start_kinerja serve-warn "$DB" --log-level warn; then
        log "b'. GET /healthz, --log-level warn (no access log)"
        wrk -t2 -c64 -d1s "http://127.0.0.1:$K_PORT/healthz" >/dev/null 2>&1 || true
        if run_wrk healthz-warn "http://127.0.0.1:$K_PORT/healthz"; then HW_RPS=$RPS; HW_P99=$P99; HW_BAD=$BAD; fi
        stop_pid "$K_PID"
      else
        fail_note "kinerja serve --log-level warn did not start"
      fi
    fi
  else
    fail_note "kinerja serve did not start"
  fi
fi

# --------------------------------------------------------- e. RSS at idle keep-alive conns --
if ! want e; then :
elif [ ! -f "$DB" ]; then
  fail_note "idle connections: no demo database"
elif ! start_kinerja serve-conns "$DB" --log-level warn; then
  fail_note "idle connections: kinerja serve did not start"
else
  log "e. ${CONNS} idle keep-alive connections"
  if hold_conns kinerja "$K_PID" "$K_PORT" /healthz; then
    E_RSS0=$RSS0; E_RSS1=$RSS1; E_OPEN=$STILL_OPEN; E_FDS=$FDS
    [ "$E_OPEN" = "$CONNS" ] || fail_note "only $E_OPEN of $CONNS connections stayed open for 5 s"
  else
    fail_note "idle connections: not all $CONNS connections got a 200"
  fi
  stop_pid "$K_PID"
fi

# ------------------------------------------------------------------------------ d. import --
if want d; then
  log "d. import of ${ROWS} pegawai"
  CSV=$TMP/pegawai.csv
  t0=$(now)
  "$BIN/gen_pegawai_csv" "$ROWS" --crlf >"$CSV"
  GEN_S=$(calc "$(now) - $t0" 2)
  CSV_MB=$(calc "$(stat -c %s "$CSV") / 1048576" 1)
  log "generated ${CSV_MB} MB in ${GEN_S} s"
  "$BIN/csv_ceiling" parse "$CSV" >"$TMP/parse.json" 2>/dev/null &&
    P_S=$(sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p' "$TMP/parse.json")
  run_measured ceiling 300 "$BIN/csv_ceiling" sqlite "$CSV" "$TMP/ceiling.db"
  if [ "$RC" = 0 ]; then
    S_S=$(sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p' "$TMP/ceiling.out"); S_PEAK=$PEAK_KB; S_CPU=$(measured_cpu ceiling)
    log "ceiling: parse ${P_S} s, parse+insert ${S_S} s, peak RSS ${S_PEAK} kB"
  else
    fail_note "csv_ceiling sqlite failed: $(head -c 300 "$TMP/ceiling.err")"
  fi
  rm -f "$TMP"/ceiling.db*
  IDB=$TMP/imp.db
  if ./kinerja demo --db "$IDB" --pegawai 10 --password "$PASSWORD" >/dev/null 2>"$TMP/imp-demo.err"; then
    run_measured import "$IMPORT_LIMIT" ./kinerja import pegawai --db "$IDB" --instansi PEMKAB-SUKAMAJU \
      --create-missing --quiet "$CSV"
    I_PEAK=$PEAK_KB; I_CPU=$(measured_cpu import)
    I_SUMMARY=$(head -n 1 "$TMP/import.out" | tr -d '"\\')
    if [ "$RC" = 0 ]; then
      I_S=$ELAPSED
      if command -v sqlite3 >/dev/null 2>&1; then
        I_COUNT=$(sqlite3 "$IDB" "SELECT count(*) FROM pegawai" 2>/dev/null || true)
      fi
      I_RPS=$(calc "$ROWS / $I_S" 0)
      I_OK=true
      log "kinerja import: ${I_S} s (${I_RPS} rows/s), peak RSS ${I_PEAK} kB: ${I_SUMMARY}"
    elif [ "$RC" = 124 ] || [ "$RC" = 137 ]; then
      fail_note "kinerja import did not finish within ${IMPORT_LIMIT} s"
      I_S=">${IMPORT_LIMIT}"
    else
      fail_note "kinerja import exited ${RC}"
      log "first lines of its stderr:"; head -n 20 "$TMP/import.err" >&2
      cp "$TMP/import.err" "$OUT/import-errors-$MODE.txt" 2>/dev/null || true
    fi
  else
    fail_note "kinerja demo (import database) failed: $(head -c 300 "$TMP/imp-demo.err")"
  fi
fi

# --------------------------------------------------------------------------------- f. SKP --
# In-process timings of the SKP domain functions (bench/skp_bench.c); about a second in all.
if want f && [ "$SKP_BUILT" = true ]; then
  log "f. SKP: matriks of an atasan with 200 bawahan, Dokumen SKP of 30 RHK (PDF, XLSX)"
  run_measured skp 120 "$BIN/skp_bench" "$TMP/skp.db" "$SKP_ITER_MATRIKS" "$SKP_ITER_PDF" "$SKP_ITER_XLSX"
  rm -f "$TMP"/skp.db*
  jnum() { sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p" "$TMP/skp.out"; }
  if [ "$RC" = 0 ] && [ -n "$(jnum matriks_200_bawahan_ms_mean)" ]; then
    F_JSON=$(head -n 1 "$TMP/skp.out")
    F_M_MEAN=$(calc "$(jnum matriks_200_bawahan_ms_mean)"); F_M_P99=$(calc "$(jnum matriks_p99_ms)")
    F_BAWAHAN=$(jnum bawahan); F_SEL=$(jnum sel); F_DEMO_MS=$(jnum demo_ms)
    F_P_MEAN=$(calc "$(jnum pdf_30_rhk_ms_mean)"); F_P_P99=$(calc "$(jnum pdf_p99_ms)")
    F_P_BYTES=$(jnum pdf_bytes); F_P_PAGES=$(jnum pdf_pages)
    F_X_MEAN=$(calc "$(jnum xlsx_30_rhk_ms_mean)"); F_X_P99=$(calc "$(jnum xlsx_p99_ms)"); F_X_BYTES=$(jnum xlsx_bytes)
    log "SKP: matriks ${F_M_MEAN} / ${F_M_P99} ms (${F_BAWAHAN} bawahan), PDF ${F_P_MEAN} / ${F_P_P99} ms, XLSX ${F_X_MEAN} ms"
  elif [ "$RC" = 124 ] || [ "$RC" = 137 ]; then
    fail_note "SKP: skp_bench did not finish within 120 s"
  else
    fail_note "SKP: skp_bench exited ${RC}: $(tail -n 3 "$TMP/skp.err" | tr '\n' ' ')"
  fi
fi

# --------------------------------------------------------------------------- g. activities --
# Issue 5 on the demo database: single activity POSTs under wrk, the 1,000,000-activity batch
# import over HTTP, and the review queue of an atasan with 200 bawahan (before and after the
# import grew the table).  The instansi's rules are relaxed first so that every generated
# activity is valid: 366 days back, weekends and holidays allowed, 1,440 minutes a day.
# g_sql SQL: sqlite3 on the demo database; on failure a log line and no output (the checks
# below then fail the scenario instead of set -e ending the run)
g_sql() { sqlite3 -cmd ".timeout 10000" "$DB" "$1" 2>>"$TMP/g-sql.err" || log "g: sqlite3 failed: $(tail -n 1 "$TMP/g-sql.err")"; }
g_rows() { local n; n=$(g_sql "SELECT count(*) FROM aktivitas"); printf '%s' "${n:-0}"; }
# g_post URL TOKEN BODY [METHOD]: one request with a JSON body; prints "STATUS body..."
g_post() {
  curl -s -o "$TMP/g-post.body" -w '%{http_code}' -X "${4:-POST}" -H "Authorization: Bearer $2" \
    -H 'Content-Type: application/json' --data-binary "$3" "$1" || true
  printf ' %s' "$(head -c 500 "$TMP/g-post.body" | tr '\n' ' ')"
}
# g_queue TAG URL: wrk on the review queue (long timeout: a slow queue must show as latency,
# not as socket errors), then the unloaded latency: median of 20 requests one after another.
g_queue() {
  local tag=$1 url=$2 i
  RPS=""; P50=""; P99=""; BAD=""; ONE=""
  wrk -t2 -c64 -d1s --timeout 30s -H "Authorization: Bearer $G_AT_TOKEN" "$url" >/dev/null 2>&1 || true
  run_wrk "$tag" "$url" --timeout 30s -H "Authorization: Bearer $G_AT_TOKEN" || return 1
  for i in $(seq 20); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $G_AT_TOKEN" "$url"
  done | sort -n | awk '{ v[NR] = $1 } END { if (NR) printf "%.1f", v[int((NR + 1) / 2)] * 1000 }' >"$TMP/g-one"
  ONE=$(cat "$TMP/g-one")
  log "$tag: one request alone ${ONE} ms"
}
G_NPEG=200; G_NDAYS=300
G_BATCH_REQS=${BENCH_BATCH_REQUESTS:-$([ "$QUICK" = 1 ] && echo 100 || echo 1000)}
G_BATCH_ITEMS=$((G_BATCH_REQS * 1000))
G_BATCH_BUDGET=${BENCH_BATCH_BUDGET:-360}
if ! want g; then :
elif [ ! -f "$DB" ]; then
  fail_note "g: no demo database"
elif ! command -v sqlite3 >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
  fail_note "g: needs sqlite3 and curl (make bench installs them: scripts/deps.sh bench)"
elif ! start_kinerja serve-g "$DB"; then
  fail_note "g: kinerja serve did not start"
else
  base="http://127.0.0.1:$K_PORT"
  G_ADMIN=$(./kinerja token create --db "$DB" --user admin 2>"$TMP/g-token.err" | tail -n 1 || true)
  st=$(g_post "$base/api/v1/pengaturan" "$G_ADMIN" \
       '{"hari_mundur": 366, "akhir_pekan": true, "hari_libur": true, "menit_maks_harian": 1440}' PATCH)
  G_INST=$(g_sql "SELECT p.instansi_id FROM pengguna u JOIN pegawai p ON p.id = u.pegawai_id WHERE u.username = 'admin'")
  G_AT=$(g_sql "SELECT pegawai_id FROM pengguna WHERE username = 'atasan'")
  # Past days only (yesterday back), so the instansi's "today" (WIB, ahead of UTC) is never passed.
  G_DATES=$(for i in $(seq 1 "$G_NDAYS"); do date -u -d "-$i day" +%F; done | paste -sd, -)
  # Writers: pegawai of the admin's instansi without demo activities, so their days start empty.
  g_sql "SELECT p.nip FROM pegawai p JOIN pengguna u ON u.pegawai_id = p.id
          WHERE u.peran = 0 AND p.aktif = 1 AND p.instansi_id = ${G_INST:-0}
            AND NOT EXISTS (SELECT 1 FROM aktivitas a WHERE a.pegawai_id = p.id)
          ORDER BY p.id LIMIT $G_NPEG" >"$TMP/g-nip.txt"
  while read -r nip; do
    ./kinerja token create --db "$DB" --user "$nip" 2>>"$TMP/g-token.err" | tail -n 1
  done <"$TMP/g-nip.txt" >"$TMP/g-tokens.txt"
  G_TOKENS=$(grep -c . "$TMP/g-tokens.txt" || true)
  # Review queue: 200 pegawai with demo activities get the atasan as their penilai.
  G_BAWAHAN=$(g_sql "SELECT a.pegawai_id FROM aktivitas a JOIN pegawai p ON p.id = a.pegawai_id
                      WHERE p.instansi_id = ${G_INST:-0} AND a.pegawai_id <> ${G_AT:-0}
                      GROUP BY a.pegawai_id ORDER BY a.pegawai_id LIMIT 200" | paste -sd, -)
  G_NBAWAHAN=$(printf '%s' "$G_BAWAHAN" | tr ',' '\n' | grep -c . || true)
  G_AT_TOKEN=$(./kinerja token create --db "$DB" --user atasan 2>>"$TMP/g-token.err" | tail -n 1 || true)
  if [ "${st%% *}" != 200 ]; then
    fail_note "g: PATCH /api/v1/pengaturan answered: $st"
  elif [ "$G_TOKENS" != "$G_NPEG" ] || [ -z "$G_AT" ] || [ -z "$G_AT_TOKEN" ]; then
    fail_note "g: tokens: $G_TOKENS of $G_NPEG pegawai, atasan ${G_AT_TOKEN:+ok}: $(head -c 300 "$TMP/g-token.err")"
  elif [ "$G_NBAWAHAN" != 200 ]; then
    fail_note "g: only $G_NBAWAHAN pegawai with activities for the atasan's queue"
  else
    g_sql "UPDATE aktivitas SET penilai_id = $G_AT, status = 'diajukan' WHERE pegawai_id IN ($G_BAWAHAN)"
    G_QUEUE=$(g_sql "SELECT count(*) FROM aktivitas WHERE penilai_id = $G_AT AND status = 'diajukan' AND dihapus = 0")
    G_DARI=$(date -u -d '-7 day' +%F)
    G_QUEUE7=$(g_sql "SELECT count(*) FROM aktivitas WHERE penilai_id = $G_AT AND status = 'diajukan' AND dihapus = 0 AND tanggal >= '$G_DARI'")
    G_ROWS0=$(g_rows)
    q_url="$base/api/v1/aktivitas?penilai=saya&status=diajukan&limit=50"
    st=$(http_status "$q_url" "$G_AT_TOKEN")
    if [ "${st%% *}" = 200 ]; then
      log "g. review queue of the atasan (${G_QUEUE} activities of 200 bawahan; ${G_ROWS0} in the table)"
      if g_queue g-queue "$q_url"; then Q1_RPS=$RPS; Q1_P50=$P50; Q1_P99=$P99; Q1_BAD=$BAD; Q1_ONE=$ONE; fi
      if g_queue g-queue-dari "$q_url&dari=$G_DARI"; then QD1_RPS=$RPS; QD1_P50=$P50; QD1_P99=$P99; QD1_BAD=$BAD; QD1_ONE=$ONE; fi
    else
      fail_note "g: GET /api/v1/aktivitas?penilai=saya answered: $st"
    fi

    # g1. one activity per request
    log "g. POST /api/v1/aktivitas: ${G_NPEG} pegawai x ${G_NDAYS} days, 1 minute each"
    p_url="$base/api/v1/aktivitas"
    p_body="{\"tanggal\":\"${G_DATES%%,*}\",\"menit\":1,\"uraian\":\"Menyusun konsep surat dinas (bench)\"}"
    st=$(g_post "$p_url" "$(head -n 1 "$TMP/g-tokens.txt")" "$p_body")
    if [ "${st%% *}" = 201 ]; then
      n0=$(g_rows)
      wrk -t2 -c64 -d1s -s bench/aktivitas_post.lua "$p_url" -- "$TMP/g-tokens.txt" "$G_DATES" >/dev/null 2>&1 || true
      n1=$(g_rows)
      gt0=$(proc_cpu_ticks "$K_PID")
      if run_wrk g-post "$p_url" -s bench/aktivitas_post.lua -- "$TMP/g-tokens.txt" "$G_DATES"; then
        G_RPS=$RPS; G_P50=$P50; G_P99=$P99; G_BAD=$BAD
        G_REQS=$(awk '/requests in/ { print $1 }' "$TMP/wrk-g-post.txt")
        G_CPU_US=$(us_per "$gt0" "$(proc_cpu_ticks "$K_PID")" "$G_REQS")
        G_STORED=$(( $(g_rows) - n1 ))
        G_WARM=$((n1 - n0))
        # the group-commit writer's counters (src/db/penulis.c), warm-up included
        G_MET=$(curl -s "$base/metrics" || true)
        G_TUGAS=$(printf '%s\n' "$G_MET" | sed -n 's/^kinerja_penulis_total{jenis="tugas"} \([0-9]*\)$/\1/p')
        G_BATCH=$(printf '%s\n' "$G_MET" | sed -n 's/^kinerja_penulis_total{jenis="batch"} \([0-9]*\)$/\1/p')
        if [ "$G_BAD" != 0 ]; then
          fail_note "g: POST /api/v1/aktivitas: $G_BAD errors/non-2xx responses"
          log "one more POST with a body of the same shape: $(g_post "$p_url" "$(sed -n 2p "$TMP/g-tokens.txt")" "$p_body")"
        elif [ "${G_STORED:-0}" -lt "${G_REQS:-0}" ]; then
          fail_note "g: wrk counted $G_REQS answered POSTs but the table grew by $G_STORED"
        fi
      fi
    else
      fail_note "g: POST /api/v1/aktivitas answered: $st"
    fi

    # g1 ceiling: the same wrk script against bench/post_ceiling (bare MHD, POST body -> SQLite
    # through one writer thread with group commit, WAL, synchronous=NORMAL as kinerja)
    rm -f "$TMP"/post-ceiling.db* "$TMP/post-ceiling.port"
    "$BIN/post_ceiling" 0 "$TMP/post-ceiling.db" >"$TMP/post-ceiling.port" 2>"$TMP/post-ceiling.log" &
    GC_PID=$!; PIDS+=("$GC_PID")
    if wait_for 10 test -s "$TMP/post-ceiling.port"; then
      gc_url="http://127.0.0.1:$(head -n 1 "$TMP/post-ceiling.port")/api/v1/aktivitas"
      wrk -t2 -c64 -d1s -s bench/aktivitas_post.lua "$gc_url" -- "$TMP/g-tokens.txt" "$G_DATES" >/dev/null 2>&1 || true
      gct0=$(proc_cpu_ticks "$GC_PID")
      if run_wrk g-post-ceiling "$gc_url" -s bench/aktivitas_post.lua -- "$TMP/g-tokens.txt" "$G_DATES"; then
        GC_RPS=$RPS; GC_P50=$P50; GC_P99=$P99; GC_BAD=$BAD
        GC_REQS=$(awk '/requests in/ { print $1 }' "$TMP/wrk-g-post-ceiling.txt")
        GC_CPU_US=$(us_per "$gct0" "$(proc_cpu_ticks "$GC_PID")" "$GC_REQS")
      fi
      stop_pid "$GC_PID"
      GC_ROWS=$(sed -n 's/.*"rows":\([0-9]*\).*/\1/p' "$TMP/post-ceiling.log")
      GC_BATCHES=$(sed -n 's/.*"batches":\([0-9]*\).*/\1/p' "$TMP/post-ceiling.log")
      [ "${GC_BAD:-0}" = 0 ] || fail_note "g: post_ceiling answered $GC_BAD errors/non-2xx"
    else
      stop_pid "$GC_PID"
      fail_note "g: post_ceiling did not start: $(head -c 300 "$TMP/post-ceiling.log")"
    fi
    rm -f "$TMP"/post-ceiling.db*

    # g4. one pegawai's activities for a month (issue 13: >= 50 % of the hello req/s): the
    # admin's token, a pegawai with demo activities, the last full month
    GM_PEG=${G_BAWAHAN%%,*}
    GM_BULAN=$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m)
    gm_akhir=$(date -u -d "$GM_BULAN-01 +1 month -1 day" +%F)
    gm_url="$base/api/v1/aktivitas?pegawai_id=${GM_PEG}&dari=${GM_BULAN}-01&sampai=${gm_akhir}&limit=100"
    GM_N=$(curl -s -H "Authorization: Bearer $G_ADMIN" "$gm_url" | node -e 'let s="";process.stdin.on("data",(d)=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).items.length)}catch{console.log("")}})')
    if [ -n "$GM_N" ]; then
      log "g. GET one pegawai's month (${GM_N} activities of pegawai ${GM_PEG} in ${GM_BULAN})"
      wrk -t2 -c64 -d1s -H "Authorization: Bearer $G_ADMIN" "$gm_url" >/dev/null 2>&1 || true
      if run_wrk g-month "$gm_url" -H "Authorization: Bearer $G_ADMIN"; then
        GM_RPS=$RPS; GM_P50=$P50; GM_P99=$P99; GM_BAD=$BAD
        [ "$GM_BAD" = 0 ] || fail_note "g: GET one pegawai's month: $GM_BAD errors/non-2xx"
      fi
      # what the answer's size alone costs: the hello server answering a body as large as the
      # month's (headers not included), right after
      GM_BYTES=$(curl -s -H "Authorization: Bearer $G_ADMIN" "$gm_url" | wc -c)
      if [ "${GM_BYTES:-0}" -ge 16 ] && start_hello "$GM_BYTES"; then
        if run_wrk hello-month "http://127.0.0.1:$HELLO_PORT/"; then GMH_RPS=$RPS; GMH_P99=$P99; fi
        stop_pid "$HELLO_PID"
      fi
    else
      fail_note "g: GET one pegawai's month did not answer a list: $(curl -s -H "Authorization: Bearer $G_ADMIN" "$gm_url" | head -c 300)"
    fi

    # g2. batch import
    log "g. POST /api/v1/aktivitas:batch: ${G_BATCH_REQS} requests x 1000 activities (budget ${G_BATCH_BUDGET} s)"
    n0=$(g_rows)
    set +e
    node bench/aktivitas_batch.mjs --url "$base" --tokens "$TMP/g-tokens.txt" --dates "$G_DATES" \
      --requests "$G_BATCH_REQS" --items 1000 --concurrency 2 --budget "$G_BATCH_BUDGET" \
      >"$TMP/g-batch.out" 2>"$TMP/g-batch.err"
    RC=$?
    set -e
    bj() { sed -n "s/.*\"$1\":\([0-9.a-z]*\).*/\1/p" "$TMP/g-batch.out"; }
    GB_DONE=$(bj items); GB_S=$(bj seconds); GB_RATE=$(bj items_per_s); GB_P50=$(bj p50_ms); GB_MAX=$(bj max_ms)
    GB_ADDED=$(( $(g_rows) - n0 ))
    if [ "$RC" != 0 ] || [ -z "$GB_DONE" ]; then
      fail_note "g: batch import: $(cat "$TMP/g-batch.out" "$TMP/g-batch.err" | head -c 600 | tr '\n' ' ')"
      GB_S=""; GB_RATE=""
    elif [ "$GB_ADDED" != "$GB_DONE" ]; then
      fail_note "g: batch import: ${GB_DONE} activities accepted but the table grew by ${GB_ADDED}"
      GB_S=""; GB_RATE=""
    elif [ "$(bj budget_hit)" = true ] && [ -n "$GB_RATE" ] && [ "$GB_RATE" != 0 ]; then
      GB_EXTRA="extrapolated from ${GB_DONE} activities in ${GB_S} s (budget ${G_BATCH_BUDGET} s)"
      GB_S=$(calc "$G_BATCH_ITEMS / $GB_RATE" 1)
      log "g. batch: ${GB_EXTRA}: ${GB_S} s for ${G_BATCH_ITEMS}"
    else
      log "g. batch: ${GB_DONE} activities in ${GB_S} s (${GB_RATE}/s), table +${GB_ADDED}"
    fi
    # Ceiling: the same number of rows straight into a copy of the aktivitas table (with its
    # indexes, without the triggers that keep kinerja's rollups: they name tables the copy lacks)
    g_sql "SELECT sql || ';' FROM sqlite_master WHERE tbl_name = 'aktivitas' AND type IN ('table', 'index') AND sql IS NOT NULL" |
      sqlite3 "$TMP/g-ceiling.db"
    run_measured g-ceiling 300 "$BIN/aktivitas_ceiling" "$TMP/g-ceiling.db" "$G_BATCH_ITEMS" 1000 "$G_NPEG"
    if [ "$RC" = 0 ]; then
      GBC_S=$(sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p' "$TMP/g-ceiling.out")
      log "g. ceiling: ${G_BATCH_ITEMS} rows in ${GBC_S} s"
    else
      fail_note "g: aktivitas_ceiling failed: $(head -c 300 "$TMP/g-ceiling.err")"
    fi
    rm -f "$TMP"/g-ceiling.db*

    # g3 again, now that the table holds the imported activities too
    G_ROWS2=$(g_rows)
    log "g. review queue again (${G_ROWS2} activities in the table)"
    if g_queue g-queue2 "$q_url"; then Q2_RPS=$RPS; Q2_P50=$P50; Q2_P99=$P99; Q2_BAD=$BAD; Q2_ONE=$ONE; fi
    if g_queue g-queue2-dari "$q_url&dari=$G_DARI"; then QD2_RPS=$RPS; QD2_P50=$P50; QD2_P99=$P99; QD2_BAD=$BAD; QD2_ONE=$ONE; fi
    for b in "${Q1_BAD:-0}" "${QD1_BAD:-0}" "${Q2_BAD:-0}" "${QD2_BAD:-0}"; do
      [ "$b" = 0 ] || { fail_note "g: review queue: errors/non-2xx responses (${Q1_BAD}, ${QD1_BAD}, ${Q2_BAD}, ${QD2_BAD})"; break; }
    done
  fi
  stop_pid "$K_PID"
fi

# ----------------------------------------------------------------- h. penilaian (issue 6) --
# In-process (bench/penilaian_bench.c): a generated instansi of H_PEGAWAI pegawai with approved
# SKP, final annual penilaian and a predikat organisasi per unit; the predikat of every pegawai
# through the rule and penilaian_kurva_unit() for every unit, against a bare SQL scan of the
# same rows.  About 4 s for 100,000 pegawai, most of it generating the database.
H_ITER_N=5
if want h && [ "$PEN_BUILT" = true ]; then
  log "h. penilaian: annual predikat + curve check for $(commas "$H_PEGAWAI") pegawai"
  run_measured penilaian 300 "$BIN/penilaian_bench" "$TMP/penilaian.db" "$H_PEGAWAI" "$H_ITER_N"
  rm -f "$TMP"/penilaian.db*
  hnum() { sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p" "$TMP/penilaian.out"; }
  if [ "$RC" = 0 ] && [ -n "$(hnum kinerja_ms_mean)" ]; then
    H_JSON=$(head -n 1 "$TMP/penilaian.out")
    H_MS=$(calc "$(hnum kinerja_ms_mean)" 1); H_MIN=$(calc "$(hnum kinerja_ms_min)" 1)
    H_SCAN=$(calc "$(hnum scan_ms_mean)" 1); H_SCAN_MIN=$(calc "$(hnum scan_ms_min)" 1)
    H_PRED=$(calc "$(hnum predikat_ms_mean)" 1); H_KURVA=$(calc "$(hnum kurva_ms_mean)" 1); H_UNIT_US=$(calc "$(hnum kurva_per_unit_us)" 1)
    H_UNITS=$(hnum units_checked); H_BAD_UNITS=$(hnum units_tidak_patuh); H_VIOL=$(hnum pelanggaran)
    H_READ=$(hnum penilaian_read); H_GEN_MS=$(hnum generate_ms)
    log "penilaian: kinerja ${H_MS} ms (predikat ${H_PRED} + kurva ${H_KURVA}), scan ${H_SCAN} ms; ${H_BAD_UNITS} of ${H_UNITS} units break the curve"
  elif [ "$RC" = 124 ] || [ "$RC" = 137 ]; then
    fail_note "penilaian: penilaian_bench did not finish within 300 s"
  else
    fail_note "penilaian: penilaian_bench exited ${RC}: $(tail -n 3 "$TMP/penilaian.err" | tr '\n' ' ')"
  fi
fi

# ------------------------------------------------------------- i. dashboards (issue 8) --
# A generated instansi of DS_PEGAWAI pegawai (bench/dasbor_gen.c) added to a 10-pegawai demo
# database (for the admin account), served by kinerja: the XLSX rekap first, on the fresh
# server (its VmHWM is the rekap's), then wrk on the unit dashboard of the DS_UNIT-pegawai OPD
# and on the instansi dashboard, each after the median of single requests one at a time.
# ds_get TAG URL [CURL ARGS...]: one GET with the admin token; prints "STATUS SECONDS CONTENT-TYPE"
ds_get() {
  local tag=$1 url=$2; shift 2
  curl -s -o "$TMP/ds-$tag.body" -w '%{http_code} %{time_total} %{content_type}' -H "Authorization: Bearer $DS_TOKEN" "$@" "$url" ||
    printf '000 0 -'
}
# ds_check FILE KIND EXPECTED_PEGAWAI: prints "ok ..." when the dashboard's numbers are
# non-trivial (pegawai as generated, SKP, activities this week, realisasi, predikat, trend,
# drill-down rows; for a unit its own pegawai rows with capaian), else what is missing
ds_check() {
  node -e '
    const [f, kind, want] = process.argv.slice(1);
    const j = JSON.parse(require("fs").readFileSync(f, "utf8")), r = j.ringkasan || {}, bad = [];
    const tren = (j.tren || []).reduce((s, m) => s + m.aktivitas, 0);
    if (kind === "unit" ? r.pegawai !== +want : !(r.pegawai >= +want)) bad.push("pegawai " + r.pegawai + " (want " + want + ")");
    for (const k of ["skp_disetujui", "mencatat_minggu_ini", "menunggu_review"]) if (!(r[k] > 0)) bad.push(k + " " + r[k]);
    if (!(r.kepatuhan && r.kepatuhan.persen > 0)) bad.push("kepatuhan " + JSON.stringify(r.kepatuhan && r.kepatuhan.persen));
    if (!(j.distribusi && j.distribusi.total > 0)) bad.push("distribusi.total 0");
    if (!(tren > 0)) bad.push("tren 0");
    if (!(j.anak && j.anak.length > 0)) bad.push("no anak rows");
    let extra = "";
    if (kind === "unit") {
      const p = j.pegawai || [], cp = p.filter((x) => x.capaian_persen !== null).length;
      if (!p.length || !cp) bad.push("pegawai rows " + p.length + ", with capaian " + cp);
      extra = ", " + p.length + " own pegawai rows (" + cp + " with capaian, " + j.pegawai_berisiko + " at risk)";
    } else {
      if (!(j.teratas && j.teratas.length)) bad.push("no teratas");
      extra = ", top unit " + (j.teratas && j.teratas[0] ? j.teratas[0].kepatuhan.persen + " %" : "-");
    }
    console.log(bad.length ? "BAD " + bad.join("; ") :
      "ok " + r.pegawai + " pegawai, kepatuhan " + r.kepatuhan.persen + " % (SKP " + r.kepatuhan.skp_persen + ", aktivitas " +
      r.kepatuhan.aktivitas_persen + ", realisasi " + r.kepatuhan.realisasi_persen + "), " + r.menunggu_review +
      " waiting for review, " + j.distribusi.total + " annual predikat, " + tren + " activities this year, " + j.anak.length +
      " drill-down rows" + extra);' "$1" "$2" "$3" 2>&1 | head -c 600
}
# wait_idle PID: after wrk has gone, the server may still be working off queued requests (slow
# ones pile up behind 64 connections); waits (at most 10 min) until PID used < 20 ms of CPU in
# half a second, so that the next measurement starts on an idle server
wait_idle() {
  local pid=$1 i a b
  a=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
  for i in $(seq 1200); do
    sleep 0.5
    b=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
    [ $((b - a)) -le 2 ] && return 0
    a=$b
  done
  log "server still busy after 10 min"
}
# cpu_ticks PID: utime + stime of a process, in clock ticks
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# ds_load TAG URL: one request alone (probe, at most DS_PROBE_LIMIT s); when it takes at most
# DS_WRK_LIMIT s, the median of 10 more one at a time, then wrk, then the median of 5 requests
# each after a write.  Sets FIRST, ONE (ms), ONE_N, RPS, P50, P99, BAD, CPUREQ (server CPU ms per
# request under wrk), UNC (ms, after a write), SKIP (why wrk did not run or gave no figure);
# returns 1 when the dashboard did not answer 200.
ds_load() {
  local tag=$1 url=$2 st t i done_n
  RPS=""; P50=""; P99=""; BAD=""; ONE=""; ONE_N=""; SKIP=""; FIRST=""; UNC=""; CPUREQ=""
  MIX_RPS=""; MIX_P50=""; MIX_P99=""; MIX_BAD=""; MIX_MISS=""
  st=$(ds_get "$tag" "$url" --max-time "$DS_PROBE_LIMIT")
  if [ "${st%% *}" = 000 ]; then
    SKIP="one request did not finish within ${DS_PROBE_LIMIT} s"; log "$tag: $SKIP"; return 0
  fi
  [ "${st%% *}" = 200 ] || { log "$tag: answered $st: $(head -c 300 "$TMP/ds-$tag.body")"; return 1; }
  t=$(printf '%s' "$st" | cut -d' ' -f2)
  FIRST=$(calc "$t * 1000" 1)
  if awk "BEGIN { exit !($t > $DS_WRK_LIMIT) }"; then
    ONE=$(calc "$t * 1000" 1); ONE_N=1
    SKIP="one request takes $(calc "$t" 1) s (> ${DS_WRK_LIMIT} s): not loaded with wrk"
    log "$tag: $SKIP"; return 0
  fi
  for i in $(seq 10); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time "$DS_PROBE_LIMIT" -H "Authorization: Bearer $DS_TOKEN" "$url" || true
  done >"$TMP/ds-$tag.one"
  if grep -qv '^200 ' "$TMP/ds-$tag.one"; then log "$tag: a single request did not answer 200: $(grep -v '^200 ' "$TMP/ds-$tag.one" | head -n 1)"; return 1; fi
  ONE=$(awk '{ print $2 }' "$TMP/ds-$tag.one" | sort -n | awk '{ v[NR] = $1 } END { if (NR) printf "%.1f", v[int((NR + 1) / 2)] * 1000 }')
  ONE_N=10
  log "$tag: one request alone ${ONE} ms (median of 10)"
  wrk -t2 -c64 -d1s --timeout 60s -H "Authorization: Bearer $DS_TOKEN" "$url" >/dev/null 2>&1 || true
  wait_idle "$K_PID"
  local c0 c1
  c0=$(cpu_ticks "$K_PID")
  run_wrk "$tag" "$url" --timeout 60s -H "Authorization: Bearer $DS_TOKEN" || { wait_idle "$K_PID"; return 1; }
  c1=$(cpu_ticks "$K_PID")
  wait_idle "$K_PID"
  done_n=$(awk '/requests in/ { print $1 }' "$TMP/wrk-$tag.txt")
  [ "${done_n:-0}" -gt 0 ] 2>/dev/null && CPUREQ=$(calc "($c1 - $c0) * 1000 / $CLK_TCK / $done_n" 3)
  # the same request when the cache cannot answer: each one after an activity is logged with
  # sqlite3 by a pegawai of the loaded unit (the write of a working day: its triggers change
  # versi_data and the unit's unit_versi, as any writer's do); median of 5
  for i in $(seq 5); do
    sqlite3 -cmd ".timeout 10000" "$DSDB" "$DS_TULIS_SQL" 2>/dev/null || { log "$tag: sqlite3 could not log an activity"; break; }
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time "$DS_PROBE_LIMIT" -H "Authorization: Bearer $DS_TOKEN" "$url" || true
  done >"$TMP/ds-$tag.uncached"
  if [ -s "$TMP/ds-$tag.uncached" ] && ! grep -qv '^200 ' "$TMP/ds-$tag.uncached"; then
    UNC=$(awk '{ print $2 }' "$TMP/ds-$tag.uncached" | sort -n | awk '{ v[NR] = $1 } END { if (NR) printf "%.1f", v[int((NR + 1) / 2)] * 1000 }')
    log "$tag: one request after a write (cache missed) ${UNC} ms (median of 5); server CPU per request under wrk ${CPUREQ:-n/a} ms"
  fi
  # wrk again while activities are logged (one every 200 ms): p99 with the misses in it
  local wp m0 m1
  wait_idle "$K_PID"
  m0=$(curl -s "${url%%/api/*}/metrics" | sed -n 's/^kinerja_dasbor_cache_total{hasil="miss"} \([0-9]*\)$/\1/p')
  ( while :; do sqlite3 -cmd ".timeout 10000" "$DSDB" "$DS_TULIS_SQL" 2>/dev/null; sleep 0.2; done ) &
  wp=$!; PIDS+=("$wp")
  local r0=$RPS p0=$P50 q0=$P99 b0=$BAD
  if run_wrk "$tag-tulis" "$url" --timeout 60s -H "Authorization: Bearer $DS_TOKEN"; then
    MIX_RPS=$RPS; MIX_P50=$P50; MIX_P99=$P99; MIX_BAD=$BAD
  fi
  stop_pid "$wp"
  m1=$(curl -s "${url%%/api/*}/metrics" | sed -n 's/^kinerja_dasbor_cache_total{hasil="miss"} \([0-9]*\)$/\1/p')
  [ -n "$m0" ] && [ -n "$m1" ] && MIX_MISS=$((m1 - m0))
  RPS=$r0; P50=$p0; P99=$q0; BAD=$b0
  wait_idle "$K_PID"
  if [ "${done_n:-0}" = 0 ]; then
    SKIP="wrk: no request completed in ${DUR} with 64 connections"; RPS=""; P50=""; P99=""
    log "$tag: $SKIP"
  fi
}
if want i && [ "$DS_BUILT" = true ]; then
  log "i. dashboards: instansi of $(commas "$DS_PEGAWAI") pegawai, unit of $(commas "$DS_UNIT")"
  if [ -z "$C_RPS" ]; then
    log "i. ceiling: bare libmicrohttpd hello (a is not in BENCH_ONLY)"
    if start_hello; then
      if run_wrk hello "http://127.0.0.1:$HELLO_PORT/"; then C_RPS=$RPS; C_P50=$P50; C_P99=$P99; DS_HELLO_OWN=true; fi
      stop_pid "$HELLO_PID"
    fi
    [ -n "$C_RPS" ] || fail_note "i: ceiling (hello) not measured"
  fi
  DSDB=$TMP/dasbor.db
  if ! ./kinerja demo --db "$DSDB" --pegawai 10 --password "$PASSWORD" >/dev/null 2>"$TMP/ds-demo.err"; then
    fail_note "i: kinerja demo failed: $(head -c 300 "$TMP/ds-demo.err")"
  else
    run_measured dasbor-gen 900 "$BIN/dasbor_gen" "$DSDB" "$DS_PEGAWAI" "$DS_UNIT"
    dnum() { sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p" "$TMP/dasbor-gen.out"; }
    DS_UNIT_ID=$(dnum unit_id)
    if [ "$RC" != 0 ] || [ -z "$DS_UNIT_ID" ]; then
      fail_note "i: dasbor_gen exited ${RC}: $(tail -n 3 "$TMP/dasbor-gen.err" | tr '\n' ' ')"
    else
      DS_JSON=$(head -n 1 "$TMP/dasbor-gen.out")
      DS_GEN_MS=$(dnum generate_ms); DS_AKT=$(dnum aktivitas); DS_AKT_TABLE=$(dnum aktivitas_table)
      DS_UNITS=$(dnum units); DS_LANGSUNG=$(dnum unit_pegawai_langsung)
      log "i. generated in ${DS_GEN_MS} ms: $DS_JSON"
      # BENCH_DASBOR_EXTRA_SQL: statements run on the generated database before serving, to try
      # an index or a setting without a migration (the results say so)
      if [ -n "$DS_EXTRA_SQL" ]; then
        log "i. extra SQL before serving: $DS_EXTRA_SQL"
        sqlite3 "$DSDB" "$DS_EXTRA_SQL" 2>"$TMP/ds-extra.err" || fail_note "i: BENCH_DASBOR_EXTRA_SQL failed: $(head -c 300 "$TMP/ds-extra.err")"
      fi
      DS_TOKEN=$(./kinerja token create --db "$DSDB" --user admin 2>"$TMP/ds-token.err" | tail -n 1 || true)
      if [ -z "$DS_TOKEN" ]; then
        fail_note "i: kinerja token create printed no token: $(head -c 300 "$TMP/ds-token.err")"
      elif ! start_kinerja serve-dasbor "$DSDB"; then
        fail_note "i: kinerja serve did not start"
      else
        base="http://127.0.0.1:$K_PORT"
        DS_TAHUN=$(sed -n 's/.*"tahun":\([0-9]*\).*/\1/p' "$TMP/dasbor-gen.out")
        # XLSX rekap of the whole instansi through the export job API (POST, poll, download):
        # seconds from the request to the file being ready, and the server's peak RSS (VmHWM of
        # the fresh server before and after)
        DSX_HWM0=$(awk '/^VmHWM:/ { print $2 }' "/proc/$K_PID/status" 2>/dev/null || true)
        t0=$(date +%s.%N)
        job=$(curl -s -X POST -H "Authorization: Bearer $DS_TOKEN" -H 'Content-Type: application/json' \
              -d "{\"format\":\"xlsx\",\"tahun\":$DS_TAHUN}" "$base/api/v1/laporan/ekspor" || true)
        jid=$(printf '%s' "$job" | sed -n 's/^{"id":\([0-9]*\).*/\1/p')
        jst=""
        if [ -n "$jid" ]; then
          for _ in $(seq 1 3000); do
            jst=$(curl -s -H "Authorization: Bearer $DS_TOKEN" "$base/api/v1/laporan/ekspor/$jid" | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p')
            [ "$jst" = selesai ] || [ "$jst" = gagal ] && break
            sleep 0.2
          done
        fi
        t1=$(date +%s.%N)
        if [ "$jst" = selesai ]; then
          st=$(ds_get rekap "$base/api/v1/laporan/ekspor/$jid/berkas" --max-time 600)
          DSX_S=$(calc "$t1 - $t0" 2)
          DSX_PEAK=$(awk '/^VmHWM:/ { print $2 }' "/proc/$K_PID/status" 2>/dev/null || true)
          DSX_BYTES=$(stat -c %s "$TMP/ds-rekap.body")
          log "i. XLSX rekap: ${DSX_S} s, ${DSX_BYTES} bytes, VmHWM ${DSX_HWM0} -> ${DSX_PEAK} kB (download ${st})"
        else
          DSX_NOTE="n/a (export job: ${jst:-not created} ${job:0:120})"
          log "i. XLSX rekap: $DSX_NOTE"
        fi
        run_measured xlsx-ceiling 120 "$BIN/xlsx_ceiling" "$TMP/ceiling.xlsx" "$DS_PEGAWAI"
        if [ "$RC" = 0 ]; then
          DSXC_S=$(sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p' "$TMP/xlsx-ceiling.out"); DSXC_PEAK=$PEAK_KB
          log "i. XLSX ceiling: ${DSXC_S} s, peak RSS ${DSXC_PEAK} kB"
        else
          fail_note "i: xlsx_ceiling failed: $(head -c 300 "$TMP/xlsx-ceiling.err")"
        fi
        rm -f "$TMP/ceiling.xlsx"

        # the write of the "after a write" rows: an activity of a pegawai in the loaded unit itself
        DS_TULIS_SQL="INSERT INTO aktivitas (instansi_id, pegawai_id, penilai_id, tanggal, menit, uraian, status, dibuat, diubah)
          SELECT instansi_id, id, atasan_id, date('now', '+7 hours'), 30, 'bench: aktivitas baru', 'diajukan', 0, 0
            FROM pegawai WHERE unit_kerja_id = $DS_UNIT_ID AND aktif = 1 ORDER BY id LIMIT 1"
        u_url="$base/api/v1/dasbor/unit/$DS_UNIT_ID"
        i_url="$base/api/v1/dasbor/instansi"
        log "i. unit dashboard of unit $DS_UNIT_ID ($(commas "$DS_UNIT") pegawai in its subtree)"
        if ds_load dasbor-unit "$u_url"; then
          DSU_RPS=$RPS; DSU_P50=$P50; DSU_P99=$P99; DSU_BAD=$BAD; DSU_ONE=$ONE; DSU_ONE_N=$ONE_N; DSU_SKIP=$SKIP
          DSU_FIRST=$FIRST; DSU_UNC=$UNC; DSU_CPU=$CPUREQ
          DSU_MIX_RPS=$MIX_RPS; DSU_MIX_P50=$MIX_P50; DSU_MIX_P99=$MIX_P99; DSU_MIX_BAD=$MIX_BAD; DSU_MIX_MISS=$MIX_MISS
          if [ -n "$ONE" ]; then
            DS_CHECK_U=$(ds_check "$TMP/ds-dasbor-unit.body" unit "$DS_UNIT")
            log "i. unit dashboard answer: $DS_CHECK_U"
            case "$DS_CHECK_U" in ok*) ;; *) fail_note "i: unit dashboard: $DS_CHECK_U" ;; esac
          fi
          [ "${DSU_BAD:-0}" = 0 ] || fail_note "i: unit dashboard: $DSU_BAD errors/non-2xx responses"
          [ -z "$DSU_SKIP" ] || fail_note "i: unit dashboard: $DSU_SKIP"
        else
          fail_note "i: GET /api/v1/dasbor/unit/$DS_UNIT_ID failed: $(head -c 300 "$TMP/ds-dasbor-unit.body")"
        fi
        log "i. instansi dashboard"
        if ds_load dasbor-instansi "$i_url"; then
          DSI_RPS=$RPS; DSI_P50=$P50; DSI_P99=$P99; DSI_BAD=$BAD; DSI_ONE=$ONE; DSI_ONE_N=$ONE_N; DSI_SKIP=$SKIP
          DSI_FIRST=$FIRST; DSI_UNC=$UNC; DSI_CPU=$CPUREQ
          DSI_MIX_RPS=$MIX_RPS; DSI_MIX_P50=$MIX_P50; DSI_MIX_P99=$MIX_P99; DSI_MIX_BAD=$MIX_BAD; DSI_MIX_MISS=$MIX_MISS
          if [ -n "$ONE" ]; then
            DS_CHECK_I=$(ds_check "$TMP/ds-dasbor-instansi.body" instansi "$DS_PEGAWAI")
            log "i. instansi dashboard answer: $DS_CHECK_I"
            case "$DS_CHECK_I" in ok*) ;; *) fail_note "i: instansi dashboard: $DS_CHECK_I" ;; esac
          fi
          [ "${DSI_BAD:-0}" = 0 ] || fail_note "i: instansi dashboard: $DSI_BAD errors/non-2xx responses"
          [ -z "$DSI_SKIP" ] || fail_note "i: instansi dashboard: $DSI_SKIP"
        else
          fail_note "i: GET /api/v1/dasbor/instansi failed: $(head -c 300 "$TMP/ds-dasbor-instansi.body")"
        fi
        stop_pid "$K_PID"
      fi
    fi
  fi
  rm -f "$TMP"/dasbor.db*
fi

# ------------------------------------------------------------- j. TPP month (issue 9) --
# In-process (bench/tpp_bench.c): a generated instansi of J_PEGAWAI pegawai with 22 working days
# of presensi each, statuses, final penilaian, sanctions and an active TPP table; the month
# through tpp_bulan_hitung() (what POST /api/v1/tpp/bulan runs) in one committed write
# transaction, then once more as a recompute of the draft, every stored row checked against the
# pure engine; against a bare SQL scan of the month's presensi.  About 35 s for 100,000 pegawai
# (generating ~11 s, the run and the recompute ~8-9 s each).
if want j && [ "$TPP_BUILT" = true ]; then
  log "j. TPP month for $(commas "$J_PEGAWAI") pegawai × 22 days of presensi"
  run_measured tpp 600 "$BIN/tpp_bench" "$TMP/tpp.db" "$J_PEGAWAI" 2
  rm -f "$TMP"/tpp.db*
  jnum() { sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p" "$TMP/tpp.out"; }
  if [ "$RC" = 0 ] && [ -n "$(jnum run_ms)" ]; then
    J_JSON=$(head -n 1 "$TMP/tpp.out")
    J_S=$(calc "$(jnum run_ms) / 1000" 2); J_RATE=$(jnum pegawai_per_s)
    J_CPU=$(calc "$(jnum run_cpu_ms) / 1000" 2); J_RE_CPU=$(calc "$(jnum recompute_cpu_ms) / 1000" 2)
    J_RE_S=$(calc "$(jnum recompute_ms) / 1000" 2); J_RE_RATE=$(calc "$J_PEGAWAI / $J_RE_S" 0)
    J_CEIL_S=$(calc "$(jnum scan_ms_mean) / 1000" 3); J_LOOKUP_S=$(calc "$(jnum lookup_ms) / 1000" 2)
    J_ENGINE_S=$(calc "$(jnum engine_ms) / 1000" 2); J_GEN_S=$(calc "$(jnum generate_ms) / 1000" 1)
    J_RSS0=$(jnum rss_before_kb); J_PEAK=$(jnum peak_rss_run_kb); J_GROW=$(jnum rss_growth_kb); J_MAXRSS=$(jnum ru_maxrss_kb)
    J_RE_PEAK=$(jnum peak_rss_recompute_kb); J_SCAN_GROW=$(jnum scan_rss_growth_kb); J_SCAN_PEAK=$(jnum scan_peak_rss_kb)
    J_ROWS=$(jnum rows); J_TOTAL=$(jnum jumlah); J_PRES=$(jnum presensi); J_UNITS=$(jnum units); J_STATUS=$(jnum status)
    J_PENILAIAN=$(jnum penilaian_final); J_SANKSI=$(jnum sanksi); J_DB_MB=$(jnum db_mb); J_DB_MB2=$(jnum db_mb_after)
    J_RINCIAN=$(jnum rincian_avg_bytes); J_DEDUCT=$(jnum rows_with_deduction); J_SANKSI_ROWS=$(jnum rows_with_sanction)
    log "TPP: run ${J_S} s (${J_RATE} pegawai/s), recompute ${J_RE_S} s, ceiling scan ${J_CEIL_S} s; peak RSS ${J_PEAK} kB (+${J_GROW}); Rp${J_TOTAL} for ${J_ROWS} pegawai"
  elif [ "$RC" = 124 ] || [ "$RC" = 137 ]; then
    fail_note "TPP: tpp_bench did not finish within 600 s"
  else
    fail_note "TPP: tpp_bench exited ${RC}: $(grep -v '^{' "$TMP/tpp.err" | tail -n 4 | tr '\n' ' ')"
  fi
fi

# ------------------------------------------------------------------------ k. first UI load --
# Issue 13: the first load (sign-in page, then home) transfers at most 100 KB, gzip: Debian's
# Chromium signs in on a fresh 40-pegawai demo server and sums every response as transferred
# (bench/first_load.mjs, the measurement of tests/e2e/mutu.test.mjs).
if want k; then
  log "k. first UI load (login + home) in Chromium"
  if KINERJA_BIN=./kinerja KINERJA_TOP="$ROOT" timeout -k 5 120 node bench/first_load.mjs >"$TMP/k.out" 2>"$TMP/k.err" && \
     K_BYTES=$(sed -n 's/.*"bytes":\([0-9]*\).*/\1/p' "$TMP/k.out") && [ -n "$K_BYTES" ]; then
    K_REQS=$(sed -n 's/.*"requests":\([0-9]*\).*/\1/p' "$TMP/k.out")
    K_LARGEST=$(sed -n 's/.*"largest":\(\[.*\]\)}.*/\1/p' "$TMP/k.out")
    log "k. ${K_BYTES} bytes in ${K_REQS} requests"
  else
    K_BYTES=""
    fail_note "k: first UI load not measured: $(tail -n 3 "$TMP/k.err" | tr '\n' ' ' | head -c 300)"
  fi
fi

# ------------------------------------------------- l. PostgreSQL and scale-out (issue 12) --
if want l; then
  log "l. SQLite vs PostgreSQL vs haproxy + 2 / 1 nodes (bench/skala.sh)"
  # shellcheck source=bench/skala.sh
  . bench/skala.sh
fi

# ----------------------------------------------------------------------------- results --
ratio_rps() { ratio "$1" "$C_RPS"; }
# ds_fig RPS P50 P99 SKIP: "1234 (1.2 ms / 3.4 ms)", or why it was not loaded
ds_fig() { if [ -n "$4" ]; then printf 'n/a (%s)' "$4"; else printf '%s (%s / %s)' "$(fmt "$1")" "$(fmt "$2" " ms")" "$(fmt "$3" " ms")"; fi; }
fmt() { if [ -n "$1" ]; then printf '%s%s' "$1" "${2:-}"; else printf 'n/a'; fi; }
mb() { if [ -n "$1" ]; then calc "$1 / 1024" 1; fi; }
# met VALUE OP LIMIT (OP <= or >=): yes, **no**, or n/a when not measured
met() {
  if [ -z "$1" ]; then printf 'n/a'; return; fi
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN { ok = op == "<=" ? v + 0 <= l + 0 : v + 0 >= l + 0; printf "%s", ok ? "yes" : "**no**" }'
}
DATE=$(date -u +%Y-%m-%dT%H:%M:%SZ)
DAY=$(date -u +%Y-%m-%d)
NPROC=$(nproc)
KERNEL=$(uname -r)
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
DESCRIBE=$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)
WRKV=$(wrk -v 2>&1 | head -n 1 | awk '{ print $2 }')
I_RATIO=""; [ -n "$I_RPS" ] && I_RATIO=$(ratio "$S_S" "$I_S")
if [ -n "$ONLY" ]; then BASE=$OUT/only; elif [ "$MODE" = full ]; then BASE=$OUT/latest; else BASE=$OUT/quick; fi

E_DELTA=""; [ -n "$E_RSS1" ] && E_DELTA=$(calc "($E_RSS1 - $E_RSS0) / $CONNS" 1)
EH_DELTA=""; [ -n "$EH_RSS1" ] && EH_DELTA=$(calc "($EH_RSS1 - $EH_RSS0) / $CONNS" 1)

{
  echo "# kinerja benchmark ($MODE run)"
  echo
  echo "$DATE · kinerja \`$DESCRIBE\` · nproc $NPROC · Linux $KERNEL · ${CPU:-cpu unknown} · wrk $WRKV"
  echo
  echo "wrk \`${WRK_ARGS[*]}\` from the same machine (client and server share the cores)."
  echo "Load average (1, 5, 15 min) at the start: ${LOAD_START:-n/a}; at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)."
  echo "ratio = share of the ceiling reached (1.00 = as fast / as lean as the ceiling; higher is better)."
  echo
  echo "| scenario | figure | ceiling | ratio | target | met? |"
  echo "|---|---|---|---|---|---|"
  echo "| a. HTTP ceiling: bare libmicrohttpd hello, req/s | $(fmt "$C_RPS") (p99 $(fmt "$C_P99" " ms")) | $(fmt "$C_RPS") | 1.00 | | |"
  echo "| b. kinerja \`GET /healthz\`, req/s | $(fmt "$H_RPS") (p99 $(fmt "$H_P99" " ms")) | $(fmt "$C_RPS") | $(fmt "$(ratio_rps "$H_RPS")") | | |"
  echo "| b'. same, \`--log-level warn\` (no access log), req/s | $(fmt "$HW_RPS") (p99 $(fmt "$HW_P99" " ms")) | $(fmt "$C_RPS") | $(fmt "$(ratio_rps "$HW_RPS")") | | |"
  echo "| c. \`GET /api/v1/pegawai?limit=50\` with bearer token, req/s | $(fmt "$L_RPS") | $(fmt "$C_RPS") | $(fmt "$(ratio_rps "$L_RPS")") | | |"
  echo "| c. same, p99 latency | $(fmt "$L_P99" " ms") | $(fmt "$C_P99" " ms") | $(fmt "$(ratio "$C_P99" "$L_P99")") | | |"
  echo "| d. import ${ROWS} pegawai (CSV → SQLite), seconds | $(fmt "$I_S" " s") ($(fmt "$I_RPS" " rows/s")) | $(fmt "$S_S" " s") | $(fmt "$I_RATIO") | ≤ 2 × ceiling (ratio ≥ 0.50) | $(met "$I_RATIO" ">=" 0.5) |"
  echo "| d. same, CPU time (user + system; steadier than wall time on a shared machine), seconds | $(fmt "$I_CPU" " s") | $(fmt "$S_CPU" " s") | $(fmt "$(ratio "$S_CPU" "$I_CPU")") | | |"
  echo "| d. libcsv parse only, seconds | $(fmt "$P_S" " s") | | | | |"
  echo "| d. import peak RSS | $(fmt "$(mb "$I_PEAK")" " MB") | $(fmt "$(mb "$S_PEAK")" " MB") | $(fmt "$(ratio "$S_PEAK" "$I_PEAK")") | | |"
  echo "| e. RSS, idle server | $(fmt "$(mb "$E_RSS0")" " MB") | $(fmt "$(mb "$EH_RSS0")" " MB") | $(fmt "$(ratio "$EH_RSS0" "$E_RSS0")") | | |"
  echo "| e. RSS with ${CONNS} open keep-alive connections | $(fmt "$(mb "$E_RSS1")" " MB") ($(fmt "$E_DELTA" " kB/conn")) | $(fmt "$(mb "$EH_RSS1")" " MB") ($(fmt "$EH_DELTA" " kB/conn")) | $(fmt "$(ratio "$EH_RSS1" "$E_RSS1")") | ≤ 64 MB | $(met "$E_RSS1" "<=" 65536) |"
  echo "| f. SKP: matriks peran hasil, atasan with 200 bawahan (mean / p99) | $(fmt "$F_M_MEAN" " ms") / $(fmt "$F_M_P99" " ms") | — | — | | |"
  echo "| f. SKP: Dokumen SKP PDF, 30 RHK (mean / p99) | $(fmt "$F_P_MEAN" " ms") / $(fmt "$F_P_P99" " ms") | — | — | | |"
  echo "| f. SKP: XLSX, 30 RHK (mean / p99) | $(fmt "$F_X_MEAN" " ms") / $(fmt "$F_X_P99" " ms") | — | — | | |"
  echo "| g. POST ceiling: bare libmicrohttpd POST → SQLite insert, one writer thread with group commit (synchronous=NORMAL), req/s | $(fmt "$GC_RPS") (p99 $(fmt "$GC_P99" " ms")) | $(fmt "$GC_RPS") | $( [ -n "$GC_RPS" ] && echo 1.00 || echo n/a) | | |"
  echo "| g. \`POST /api/v1/aktivitas\` (bearer token, validated, audited), req/s | $(fmt "$G_RPS") (p99 $(fmt "$G_P99" " ms")) | $(fmt "$GC_RPS") | $(fmt "$(ratio "$G_RPS" "$GC_RPS")") | ≥ 0.60 of the POST ceiling | $(met "$(ratio "$G_RPS" "$GC_RPS")" ">=" 0.6) |"
  echo "| g. same, p99 latency | $(fmt "$G_P99" " ms") | $(fmt "$GC_P99" " ms") | $(fmt "$(ratio "$GC_P99" "$G_P99")") | | |"
  echo "| g. same, server CPU per request (utime + stime during wrk / requests) | $(fmt "$G_CPU_US" " µs") | $(fmt "$GC_CPU_US" " µs") | $(fmt "$(ratio "$GC_CPU_US" "$G_CPU_US")") | | |"
  echo "| g. \`GET /api/v1/aktivitas?pegawai_id=…&dari=…&sampai=…\`: one pegawai's activities for a month ($(fmt "$GM_N") items), bearer token, req/s (p50 / p99) | $(fmt "$GM_RPS") ($(fmt "$GM_P50" " ms") / $(fmt "$GM_P99" " ms")) | $(fmt "$C_RPS") | $(fmt "$(ratio_rps "$GM_RPS")") | ≥ 0.50 of hello | $(met "$(ratio_rps "$GM_RPS")" ">=" 0.5) |"
  echo "| g. same month against the hello server answering a body of the same size ($(fmt "$GM_BYTES" " bytes"); hello-month $(fmt "$GMH_RPS") req/s, p99 $(fmt "$GMH_P99" " ms")) | $(fmt "$GM_RPS") | $(fmt "$GMH_RPS") | $(fmt "$(ratio "$GM_RPS" "$GMH_RPS")") | | |"
  echo "| g. batch import ${G_BATCH_ITEMS} activities (\`POST /api/v1/aktivitas:batch\`, ${G_BATCH_REQS} × 1000), seconds | $(fmt "$GB_S" " s") ($(fmt "$GB_RATE" " activities/s"))${GB_EXTRA:+ **${GB_EXTRA}**} | $(fmt "$GBC_S" " s") | $(fmt "$(ratio "$GBC_S" "$GB_S")") | | |"
  echo "| g. review queue of an atasan with 200 bawahan (\`?penilai=saya&status=diajukan&limit=50\`), $(fmt "$G_ROWS0") activities in the table, req/s (p50 / p99) | $(fmt "$Q1_RPS") ($(fmt "$Q1_P50" " ms") / $(fmt "$Q1_P99" " ms")) | $(fmt "$C_RPS") | $(fmt "$(ratio_rps "$Q1_RPS")") | | |"
  echo "| g. same, \`&dari=\` 7 days back | $(fmt "$QD1_RPS") ($(fmt "$QD1_P50" " ms") / $(fmt "$QD1_P99" " ms")) | $(fmt "$C_RPS") | $(fmt "$(ratio_rps "$QD1_RPS")") | | |"
  echo "| g. review queue after the import, $(fmt "$G_ROWS2") activities in the table, req/s (p50 / p99) | $(fmt "$Q2_RPS") ($(fmt "$Q2_P50" " ms") / $(fmt "$Q2_P99" " ms")) | $(fmt "$C_RPS") | $(fmt "$(ratio_rps "$Q2_RPS")") | | |"
  echo "| g. same, \`&dari=\` 7 days back | $(fmt "$QD2_RPS") ($(fmt "$QD2_P50" " ms") / $(fmt "$QD2_P99" " ms")) | $(fmt "$C_RPS") | $(fmt "$(ratio_rps "$QD2_RPS")") | | |"
  echo "| h. penilaian: annual predikat + curve for $(commas "$H_PEGAWAI") pegawai, ms (mean of ${H_ITER_N}) | $(fmt "$H_MS" " ms") | $(fmt "$H_SCAN" " ms") | $(fmt "$(ratio "$H_SCAN" "$H_MS")") | ≤ 2 s | $(met "$H_MS" "<=" 2000) |"
  echo "| i. unit dashboard (\`GET /api/v1/dasbor/unit/{id}\`), $(commas "$DS_UNIT") pegawai in the subtree, req/s (p50 / p99) | $(ds_fig "$DSU_RPS" "$DSU_P50" "$DSU_P99" "$DSU_SKIP") | $(fmt "$C_RPS") | $(fmt "$(ratio_rps "$DSU_RPS")") | | |"
  echo "| i. same, p99 latency (issue 13: ≤ 20 ms at 64 connections) | $(fmt "$DSU_P99" " ms") | $(fmt "$C_P99" " ms") | $(fmt "$(ratio "$C_P99" "$DSU_P99")") | ≤ 20 ms | $(met "$DSU_P99" "<=" 20) |"
  echo "| i. same, one request after a write (cache missed; median of 5) | $(fmt "$DSU_UNC" " ms") | — | — | | |"
  echo "| i. same under wrk while activities are logged (one every 200 ms; $(fmt "$DSU_MIX_MISS") cache misses), req/s (p50 / p99) | $(fmt "$DSU_MIX_RPS") ($(fmt "$DSU_MIX_P50" " ms") / $(fmt "$DSU_MIX_P99" " ms")) | $(fmt "$C_RPS") | $(fmt "$(ratio_rps "$DSU_MIX_RPS")") | ≤ 20 ms | $(met "$DSU_MIX_P99" "<=" 20) |"
  echo "| i. instansi dashboard (\`GET /api/v1/dasbor/instansi\`), $(commas "$DS_PEGAWAI") pegawai, req/s (p50 / p99) | $(ds_fig "$DSI_RPS" "$DSI_P50" "$DSI_P99" "$DSI_SKIP") | $(fmt "$C_RPS") | $(fmt "$(ratio_rps "$DSI_RPS")") | | |"
  echo "| i. same, p99 latency (issue 13: ≤ 250 ms) | $(fmt "$DSI_P99" " ms") | $(fmt "$C_P99" " ms") | $(fmt "$(ratio "$C_P99" "$DSI_P99")") | ≤ 250 ms | $(met "$DSI_P99" "<=" 250) |"
  echo "| i. same, one request after a write (cache missed; median of 5; issue 13: ≤ 250 ms) | $(fmt "$DSI_UNC" " ms") | — | — | ≤ 250 ms | $(met "$DSI_UNC" "<=" 250) |"
  echo "| i. same under wrk while activities are logged (one every 200 ms; $(fmt "$DSI_MIX_MISS") cache misses), req/s (p50 / p99; issue 13: p99 ≤ 250 ms including misses) | $(fmt "$DSI_MIX_RPS") ($(fmt "$DSI_MIX_P50" " ms") / $(fmt "$DSI_MIX_P99" " ms")) | $(fmt "$C_RPS") | $(fmt "$(ratio_rps "$DSI_MIX_RPS")") | ≤ 250 ms | $(met "$DSI_MIX_P99" "<=" 250) |"
  echo "| i. XLSX rekap of $(commas "$DS_PEGAWAI") pegawai (export job \`POST /api/v1/laporan/ekspor\` until the file is ready), seconds | ${DSX_NOTE:-$(fmt "$DSX_S" " s")} | $(fmt "$DSXC_S" " s") | $(fmt "$(ratio "$DSXC_S" "$DSX_S")") | | |"
  echo "| i. same, server peak RSS (VmHWM) | ${DSX_NOTE:-$(fmt "$(mb "$DSX_PEAK")" " MB")} | $(fmt "$(mb "$DSXC_PEAK")" " MB") | $(fmt "$(ratio "$DSXC_PEAK" "$DSX_PEAK")") | | |"
  echo "| j. TPP monthly run (\`tpp_bulan_hitung\`, what \`POST /api/v1/tpp/bulan\` runs), $(commas "$J_PEGAWAI") pegawai × 22 days ($(fmt "$(commas "$J_PRES")") presensi rows), seconds | $(fmt "$J_S" " s") ($(fmt "$(commas "$J_RATE")" " pegawai/s"); CPU $(fmt "$J_CPU" " s")) | $(fmt "$J_CEIL_S" " s") | $(fmt "$(ratio "$J_CEIL_S" "$J_S")") | ≤ 5 s | $(met "$J_S" "<=" 5) |"
  echo "| j. same, recompute of the draft (its rows deleted, the month again), seconds | $(fmt "$J_RE_S" " s") ($(fmt "$(commas "$J_RE_RATE")" " pegawai/s"); CPU $(fmt "$J_RE_CPU" " s")) | $(fmt "$J_CEIL_S" " s") | $(fmt "$(ratio "$J_CEIL_S" "$J_RE_S")") | ≤ 5 s | $(met "$J_RE_S" "<=" 5) |"
  echo "| j. same, memory: RSS growth during the run (peak RSS) | $(fmt "$(mb "$J_GROW")" " MB") ($(fmt "$(mb "$J_PEAK")" " MB")) | $(fmt "$(mb "$J_SCAN_GROW")" " MB") ($(fmt "$(mb "$J_SCAN_PEAK")" " MB")) | $(fmt "$(ratio "$J_SCAN_GROW" "$J_GROW")") | | |"
  echo "| k. first UI load (sign-in page, then home) in Chromium, bytes transferred (gzip where served compressed) | $(fmt "$K_BYTES" " bytes") ($(fmt "$K_REQS") requests) | — | — | ≤ 100 KB (102,400 bytes) | $(met "$K_BYTES" "<=" 102400) |"
  for l_k in POST PEG INST; do
    case $l_k in
      POST) l_what='`POST /api/v1/aktivitas` (bench/aktivitas_post.lua)' ;;
      PEG) l_what='pegawai dashboard (`GET /api/v1/dasbor/pegawai/{id}`, own token, computed each time)' ;;
      INST) l_what='instansi dashboard (`GET /api/v1/dasbor/instansi`, admin, cached)' ;;
    esac
    l_v() { eval "printf '%s' \"\${L_${1}_${l_k}${2:-}:-}\""; }
    echo "| l. ${l_what}, SQLite, 1 node, req/s | $(fmt "$(l_v SQLITE)") (p99 $(fmt "$(l_v SQLITE 99)" " ms")) | — | — | | |"
    echo "| l. same, PostgreSQL 15, 1 node via pgbouncer (synchronous replica); ceiling = SQLite, ratio = PG/SQLite | $(fmt "$(l_v PG)") (p99 $(fmt "$(l_v PG 99)" " ms")) | $(fmt "$(l_v SQLITE)") | $(fmt "$(ratio "$(l_v PG)" "$(l_v SQLITE)")") | | |"
    echo "| l. same, haproxy + 1 node (deploy/lokal.sh, k2 stopped) | $(fmt "$(l_v N1)") (p99 $(fmt "$(l_v N1 99)" " ms")) | $(fmt "$(l_v PG)") | $(fmt "$(ratio "$(l_v N1)" "$(l_v PG)")") | | |"
    echo "| l. same, haproxy + 2 nodes; ceiling = 1 node, ratio = 2 nodes/1 node | $(fmt "$(l_v N2)") (p99 $(fmt "$(l_v N2 99)" " ms")) | $(fmt "$(l_v N1)") | $(fmt "$(ratio "$(l_v N2)" "$(l_v N1)")") | | |"
  done
  echo
  echo "Notes"
  echo
  echo "- a/b/c: p50 hello $(fmt "$C_P50" " ms"), healthz $(fmt "$H_P50" " ms"), pegawai list $(fmt "$L_P50" " ms"); errors or non-2xx: healthz $(fmt "$H_BAD"), healthz-warn $(fmt "$HW_BAD"), pegawai $(fmt "$L_BAD")."
  echo "- b, c run with the default log level (one JSON access-log line per request to stderr, redirected to a file$( [ -n "${ACCESS_LOG_LINES:-}" ] && printf ': %s lines' "$ACCESS_LOG_LINES"))."
  echo "- Demo database (10,000 pegawai) created in $(fmt "$DEMO_S" " s")."
  echo "- d: CSV of ${ROWS} rows, $(fmt "$CSV_MB" " MB"), CRLF, generated in $(fmt "$GEN_S" " s") by bench/gen_pegawai_csv. The ceiling (bench/csv_ceiling) parses with libcsv and inserts into a table without indexes, 10,000 rows per transaction, WAL, synchronous=NORMAL; kinerja validates, upserts by NIP, links units/jabatan/atasan and writes riwayat and audit. Kinerja's time is the whole \`kinerja import pegawai\` process. Its summary: ${I_SUMMARY:-n/a}$( [ -n "$I_COUNT" ] && printf ' (pegawai rows in the database afterwards: %s)' "$I_COUNT")."
  echo "- e: VmRSS of the server process; connections opened by bench/conns.mjs, one \`GET\` each, then held idle 5 s; still open at the end: kinerja $(fmt "$E_OPEN"), hello $(fmt "$EH_OPEN"); kinerja's open descriptors while held: $(fmt "$E_FDS")."
  echo "- f: in-process, no HTTP (bench/skp_bench.c on a fresh 400-pegawai demo database, created in $(fmt "$F_DEMO_MS" " ms")). Matriks: \`skp_matriks\` of the \`atasan\` account's SKP, ${SKP_ITER_MATRIKS} runs, $(fmt "$F_BAWAHAN") bawahan, $(fmt "$F_SEL") bawahan RHK in the cells. Dokumen: \`skp_doc_load\` + render of a draft SKP with 30 RHK (60 IKI), PDF ${SKP_ITER_PDF} runs ($(fmt "$F_P_BYTES" " bytes"), $(fmt "$F_P_PAGES" " pages")), XLSX ${SKP_ITER_XLSX} runs ($(fmt "$F_X_BYTES" " bytes")). No ceiling; the screens need < 100 ms end to end to feel instant (bench/README.md)."
  echo "- g: on the demo database after b–e, served with the default log level; the instansi's rules relaxed first through \`PATCH /api/v1/pengaturan\` (366 days back, weekends and holidays, 1,440 minutes a day). POST: wrk with bench/aktivitas_post.lua, each request a 1-minute activity as one of ${G_NPEG} pegawai without demo activities (their own bearer token) on one of the last ${G_NDAYS} days; $(fmt "$G_REQS") answered, $(fmt "$G_STORED") stored (+$(fmt "$G_WARM") in the 1 s warm-up), errors or non-2xx $(fmt "$G_BAD"), p50 $(fmt "$G_P50" " ms"); kinerja's group-commit writer (src/db/penulis.c) committed $(fmt "$G_TUGAS") writes in $(fmt "$G_BATCH") transactions (warm-up included). Batch: bench/aktivitas_batch.mjs, 2 requests in flight, each request 1000 activities of 1 minute by one of the same pegawai on one date (a different (pegawai, date) per request); $(fmt "$GB_DONE") accepted, table +$(fmt "$GB_ADDED") (sqlite3 count), per request p50 $(fmt "$GB_P50" " ms"), max $(fmt "$GB_MAX" " ms"). Ceiling: bench/aktivitas_ceiling, the same number of rows into an empty copy of the aktivitas table with its indexes, 1000 rows per transaction, one (pegawai, date) per transaction, no HTTP, validation or audit."
  echo "- g: POST ceiling: bench/post_ceiling.c, the same wrk script against a bare libmicrohttpd server (as hello, plus suspend/resume) that stores each POST body as it came in SQLite through one writer thread: it takes every queued body, inserts them in one transaction, commits (WAL, synchronous=NORMAL, as kinerja) and only then resumes the waiting connections, which answer 201; $(fmt "$GC_REQS") answered, $(fmt "$GC_ROWS") rows in $(fmt "$GC_BATCHES") commits, p50 $(fmt "$GC_P50" " ms"), errors or non-2xx $(fmt "$GC_BAD"). No parsing, validation, authentication or audit. One pegawai's month: pegawai $(fmt "$GM_PEG"), $(fmt "$GM_BULAN"), token of \`admin\`, errors or non-2xx $(fmt "$GM_BAD"); its ceiling is a's hello."
  echo "- g: review queue: 200 pegawai with demo activities given the \`atasan\` account as penilai and status diajukan with plain SQL: $(fmt "$G_QUEUE") activities waiting, $(fmt "$G_QUEUE7") from $(fmt "$G_DARI") on; wrk \`--timeout 30s\`, errors or non-2xx $(fmt "$Q1_BAD") / $(fmt "$QD1_BAD") / $(fmt "$Q2_BAD") / $(fmt "$QD2_BAD"). One request alone (median of 20 in a row, no other load): $(fmt "$Q1_ONE" " ms"), with dari $(fmt "$QD1_ONE" " ms"); after the import $(fmt "$Q2_ONE" " ms"), with dari $(fmt "$QD2_ONE" " ms")."
  echo "- h: in-process, no HTTP (bench/penilaian_bench.c): a generated instansi of $(fmt "$(commas "$H_READ")") pegawai in $(fmt "$(commas "$H_UNITS")") units (approved SKP, final tahunan penilaian with fixed-seed ratings, a predikat organisasi per unit), written in $(fmt "$H_GEN_MS" " ms"). Kinerja, in one read transaction: the year's annual penilaian of the instansi in one query with \`predikat_from_ratings\` per row checked against the stored predikat ($(fmt "$H_PRED" " ms")), then \`penilaian_kurva_unit\` (the body of \`GET /api/v1/unit-kerja/{id}/kurva\`) for every unit ($(fmt "$H_KURVA" " ms"), $(fmt "$H_UNIT_US" " µs") a unit); $(fmt "$(commas "$H_BAD_UNITS")") units break their pola distribusi ($(fmt "$(commas "$H_VIOL")") rules broken). Ceiling: \`SELECT unit_kerja_id, rating_hasil, rating_perilaku FROM penilaian WHERE jenis = 'tahunan'\` stepped to the end on a bare sqlite3 connection to the same file. ${H_ITER_N} runs each after a warm-up, alternating; fastest: kinerja $(fmt "$H_MIN" " ms"), scan $(fmt "$H_SCAN_MIN" " ms")."
  echo "- i: bench/dasbor_gen.c added $(fmt "$(commas "$DS_PEGAWAI")") pegawai in $(fmt "$(commas "$DS_UNITS")") units (OPD / bidang / seksi) to a 10-pegawai demo database in $(fmt "$DS_GEN_MS" " ms"): approved SKP with 2 RHK / IKI each, monthly realisasi, final tahunan and periodik penilaian, a predikat organisasi per unit; activities every working day of the last 365 days for the $(commas "$DS_UNIT") pegawai of the loaded unit (unit $(fmt "$DS_UNIT_ID"), $(fmt "$DS_LANGSUNG") of them in the unit itself), the last 28 days for the others: $(fmt "$(commas "$DS_AKT")") generated, $(fmt "$(commas "$DS_AKT_TABLE")") in the table. Bearer token of \`admin\`, default log level, wrk \`--timeout 60s\`; errors or non-2xx: unit $(fmt "$DSU_BAD"), instansi $(fmt "$DSI_BAD"). One request alone (median of $(fmt "$DSU_ONE_N") / $(fmt "$DSI_ONE_N") in a row, no other load): unit $(fmt "$DSU_ONE" " ms"), instansi $(fmt "$DSI_ONE" " ms"); a dashboard whose first request takes more than ${DS_WRK_LIMIT} s is not loaded with wrk (and not repeated), one that takes more than ${DS_PROBE_LIMIT} s is abandoned. First request on the fresh server (computed, then cached): unit $(fmt "$DSU_FIRST" " ms"), instansi $(fmt "$DSI_FIRST" " ms"); the answers are cached per (instansi, unit, year, day) until a table they read changes (src/dasbor_cache.c, sql/021), so the median and wrk rows measure the cache, and the rows \"after a write\" the computation (each request after an activity of a pegawai of the loaded unit is inserted with sqlite3: its triggers change versi_data and that unit's unit_versi, sql/035, so the instansi dashboard recounts that unit and takes the other units' own counts from memory, src/dasbor_unit_angka.c; the first request on the fresh server counts every unit). Rows \"while activities are logged\": wrk as above while sqlite3 inserts such an activity every 200 ms; errors or non-2xx: unit $(fmt "$DSU_MIX_BAD"), instansi $(fmt "$DSI_MIX_BAD"). Server CPU per request under wrk (utime + stime / requests): unit $(fmt "$DSU_CPU" " ms"), instansi $(fmt "$DSI_CPU" " ms"). Unit answer: ${DS_CHECK_U:-n/a}. Instansi answer: ${DS_CHECK_I:-n/a}. XLSX: $(if [ -n "$DSX_S" ]; then printf '%s bytes, VmHWM %s kB on the fresh server before the request' "$(fmt "$DSX_BYTES")" "$(fmt "$DSX_HWM0")"; else printf '%s' "${DSX_NOTE:-n/a}"; fi); ceiling bench/xlsx_ceiling.c, $(commas "$DS_PEGAWAI") rows × 12 columns with libxlsxwriter in constant_memory mode (whole process peak RSS). $( [ -n "$DS_EXTRA_SQL" ] && printf '**Extra SQL run on the generated database before serving (BENCH_DASBOR_EXTRA_SQL): `%s`.** ' "$DS_EXTRA_SQL")Hello ceiling $( [ "$DS_HELLO_OWN" = true ] && printf 'measured for i (a not run)' || printf 'from a'): p50 $(fmt "$C_P50" " ms")."
  echo "- j: in-process, no HTTP (bench/tpp_bench.c): a generated instansi of $(fmt "$(commas "$J_ROWS")") pegawai in $(fmt "$(commas "$J_UNITS")") units, jabatan of kelas 1-17, 22 working days of presensi each in September 2026 ($(fmt "$(commas "$J_PRES")") rows written day by day; ~20 % of days late, 2 % early leave, 4.5 % a missing check-in or check-out), $(fmt "$(commas "$J_STATUS")") presensi_status (cuti, dinas luar, sakit), $(fmt "$(commas "$J_PENILAIAN")") final periodik penilaian (90 % of pegawai; the others paid as Baik), $(fmt "$(commas "$J_SANKSI")") tpp_sanksi, an active umum_daerah table with demo_tpp's amounts; no ANALYZE, as in production. Generated in a child process in $(fmt "$J_GEN_S" " s") ($(fmt "$J_DB_MB" " MB"); $(fmt "$J_DB_MB2" " MB") after the run: $(fmt "$J_RINCIAN" " bytes") of rincian a row: the engine's inputs, the explanation is rendered on read, src/tpp_rincian.h). Timed: \`db_begin_write\` + \`tpp_bulan_hitung\` + commit on a fresh library connection, then the same again (recompute). Month total Rp$(fmt "$(commas "$J_TOTAL")"), $(fmt "$(commas "$J_DEDUCT")") rows with a presensi deduction, $(fmt "$(commas "$J_SANKSI_ROWS")") with a sanction; every row equals \`tpp_hitung\` on the generator's own inputs (the pure engine alone: $(fmt "$J_ENGINE_S" " s") for the month). Memory: VmRSS $(fmt "$(mb "$J_RSS0")" " MB") before, peak $(fmt "$(mb "$J_PEAK")" " MB") during the run, $(fmt "$(mb "$J_RE_PEAK")" " MB") during the recompute (VmHWM reset through /proc/self/clear_refs), ru_maxrss $(fmt "$(mb "$J_MAXRSS")" " MB"). Ceiling: \`SELECT pegawai_id, tanggal, masuk, pulang FROM presensi WHERE tanggal BETWEEN\` the month's days, stepped to the end on a bare sqlite3 connection (same cache size), mean of 3 after a warm-up; its memory is the RSS growth of that connection. The same rows one pegawai at a time through the primary key (the run's query): $(fmt "$J_LOOKUP_S" " s")."
  echo "- l: bench/skala.sh. Demo of ${L_PEGAWAI:-200} pegawai on each backend (SQLite $(fmt "${L_DEMO_SQLITE:-}" " s"); deploy/lokal.sh up with the PostgreSQL demo $(fmt "${L_UP_S:-}" " s")), rules relaxed as in g, ${L_WRITERS:-50} writers with their own tokens on the last ${L_NDAYS:-300} days; activities stored during the POST runs: SQLite $(fmt "${L_SQLITE_STORED:-}"), PostgreSQL $(fmt "${L_PG_STORED:-}"), 2 nodes $(fmt "${L_N2_STORED:-}"), 1 node $(fmt "${L_N1_STORED:-}"). PostgreSQL: primary with fsync=${L_FSYNC:-on} and synchronous_commit=on to a synchronous streaming replica (every commit waits for the replica's flush); SQLite WAL synchronous=NORMAL (no fsync per commit): the write ratio compares different durability. Nodes with --threads 2 (the default here: the number of cores), default log level, rate limits off; the 1-node PostgreSQL row talks to pgbouncer directly, the haproxy rows read dashboards on the replica (--db-replica, node 1 counters at the end: $(fmt "${L_REPLIKA:-}")). haproxy requests per node in the 2-node run (stot, all runs until then): $(fmt "${L_N2_SPLIT:-}"). Client (wrk), haproxy, pgbouncer, both PostgreSQL servers and the nodes share the machine's $NPROC cores, so the 2-node figure measures correctness of the spread, not added capacity. Load average before/after: $(fmt "$L_LOAD0") / $(fmt "$L_LOAD1")."
  echo "- k: bench/first_load.mjs (the measurement of tests/e2e/mutu.test.mjs): Debian's Chromium through playwright-core, a fresh browser context on a fresh 40-pegawai demo server (./kinerja), the sign-in page, sign in as \`pegawai\`, wait for the home screen and network idle; the sum of every response's body and headers as transferred. Largest: $(fmt "$K_LARGEST")."
  if [ "${#FAILED[@]}" -gt 0 ]; then
    echo
    echo "**Failed:**"
    for f in "${FAILED[@]}"; do echo "- $f"; done
  fi
} >"$BASE.md"

# BENCH_ONLY: keep the table rows and notes of the scenarios run (notes start "- x:" or "- x/y:")
if [ -n "$ONLY" ]; then
  awk -v only="$ONLY" '
    function keep(s,   i, c) { for (i = 1; i <= length(s); i++) { c = substr(s, i, 1); if (c ~ /[a-l]/ && index(only, c)) return 1 } return 0 }
    /^\*\*Failed/ { failed = 1 }
    !failed && /^\| [a-l]'"'"'?\. / { if (keep(substr($0, 3, 1))) print; next }
    !failed && /^- [a-l]([,\/] ?[a-l])*[: ]/ { match($0, /^- [a-l]([,\/] ?[a-l])*/); if (keep(substr($0, 3, RLENGTH - 2))) print; next }
    !failed && /^- Demo database/ { if (keep("bceg")) print; next }
    { print }' "$BASE.md" >"$BASE.md.tmp" && mv "$BASE.md.tmp" "$BASE.md"
fi
jstr() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }
{
  echo "{"
  echo "  \"mode\": $(jstr "$MODE"), \"date\": $(jstr "$DATE"),$( [ -n "$ONLY" ] && printf ' "only": %s,' "$(jstr "$ONLY")")"
  echo "  \"machine\": {\"nproc\": $NPROC, \"kernel\": $(jstr "$KERNEL"), \"cpu\": $(jstr "$CPU"), \"kinerja\": $(jstr "$DESCRIBE"), \"wrk\": $(jstr "$WRKV")},"
  echo "  \"wrk\": {\"threads\": 2, \"connections\": 64, \"duration\": $(jstr "$DUR")},"
  echo "  \"ceiling_hello\": {\"rps\": $(num_or_null "$C_RPS"), \"p50_ms\": $(num_or_null "$C_P50"), \"p99_ms\": $(num_or_null "$C_P99")},"
  echo "  \"healthz\": {\"rps\": $(num_or_null "$H_RPS"), \"p50_ms\": $(num_or_null "$H_P50"), \"p99_ms\": $(num_or_null "$H_P99"), \"errors\": $(num_or_null "$H_BAD"), \"ratio\": $(num_or_null "$(ratio_rps "$H_RPS")")},"
  echo "  \"healthz_log_warn\": {\"rps\": $(num_or_null "$HW_RPS"), \"p99_ms\": $(num_or_null "$HW_P99"), \"errors\": $(num_or_null "$HW_BAD"), \"ratio\": $(num_or_null "$(ratio_rps "$HW_RPS")")},"
  echo "  \"pegawai_list\": {\"path\": \"/api/v1/pegawai?limit=50\", \"rps\": $(num_or_null "$L_RPS"), \"p50_ms\": $(num_or_null "$L_P50"), \"p99_ms\": $(num_or_null "$L_P99"), \"errors\": $(num_or_null "$L_BAD"), \"ratio\": $(num_or_null "$(ratio_rps "$L_RPS")"), \"p99_ratio\": $(num_or_null "$(ratio "$C_P99" "$L_P99")")},"
  echo "  \"import\": {\"rows\": $ROWS, \"ok\": $I_OK, \"seconds\": $(num_or_null "$( [ "$I_OK" = true ] && echo "$I_S")"), \"rows_per_s\": $(num_or_null "$I_RPS"), \"peak_rss_kb\": $(num_or_null "$I_PEAK"), \"summary\": $(jstr "$I_SUMMARY"),"
  echo "             \"csv_mb\": $(num_or_null "$CSV_MB"), \"generate_seconds\": $(num_or_null "$GEN_S"), \"parse_only_seconds\": $(num_or_null "$P_S"), \"ceiling_seconds\": $(num_or_null "$S_S"), \"ceiling_peak_rss_kb\": $(num_or_null "$S_PEAK"), \"ratio\": $(num_or_null "$I_RATIO")},"
  echo "  \"idle_connections\": {\"count\": $CONNS, \"rss_idle_kb\": $(num_or_null "$E_RSS0"), \"rss_open_kb\": $(num_or_null "$E_RSS1"), \"kb_per_conn\": $(num_or_null "$E_DELTA"), \"still_open\": $(num_or_null "$E_OPEN"), \"fds\": $(num_or_null "$E_FDS"),"
  echo "                       \"ceiling_rss_idle_kb\": $(num_or_null "$EH_RSS0"), \"ceiling_rss_open_kb\": $(num_or_null "$EH_RSS1"), \"ceiling_kb_per_conn\": $(num_or_null "$EH_DELTA"), \"ceiling_still_open\": $(num_or_null "$EH_OPEN")},"
  echo "  \"skp\": ${F_JSON:-null},"
  echo "  \"aktivitas_post\": {\"rps\": $(num_or_null "$G_RPS"), \"p50_ms\": $(num_or_null "$G_P50"), \"p99_ms\": $(num_or_null "$G_P99"), \"errors\": $(num_or_null "$G_BAD"), \"requests\": $(num_or_null "$G_REQS"), \"stored\": $(num_or_null "$G_STORED"), \"ratio\": $(num_or_null "$(ratio_rps "$G_RPS")"), \"p99_ratio\": $(num_or_null "$(ratio "$C_P99" "$G_P99")")},"
  echo "  \"aktivitas_batch\": {\"target\": $G_BATCH_ITEMS, \"done\": $(num_or_null "$GB_DONE"), \"added\": $(num_or_null "$GB_ADDED"), \"seconds\": $(num_or_null "$GB_S"), \"per_s\": $(num_or_null "$GB_RATE"), \"extrapolated\": $(jstr "$GB_EXTRA"), \"request_p50_ms\": $(num_or_null "$GB_P50"), \"request_max_ms\": $(num_or_null "$GB_MAX"), \"ceiling_seconds\": $(num_or_null "$GBC_S"), \"ratio\": $(num_or_null "$(ratio "$GBC_S" "$GB_S")")},"
  echo "  \"review_queue\": {\"waiting\": $(num_or_null "$G_QUEUE"), \"waiting_since_dari\": $(num_or_null "$G_QUEUE7"), \"dari\": $(jstr "$G_DARI"),"
  echo "                   \"before_import\": {\"table_rows\": $(num_or_null "$G_ROWS0"), \"rps\": $(num_or_null "$Q1_RPS"), \"p50_ms\": $(num_or_null "$Q1_P50"), \"p99_ms\": $(num_or_null "$Q1_P99"), \"one_ms\": $(num_or_null "$Q1_ONE"), \"errors\": $(num_or_null "$Q1_BAD"),"
  echo "                                     \"dari\": {\"rps\": $(num_or_null "$QD1_RPS"), \"p50_ms\": $(num_or_null "$QD1_P50"), \"p99_ms\": $(num_or_null "$QD1_P99"), \"one_ms\": $(num_or_null "$QD1_ONE"), \"errors\": $(num_or_null "$QD1_BAD")}},"
  echo "                   \"after_import\": {\"table_rows\": $(num_or_null "$G_ROWS2"), \"rps\": $(num_or_null "$Q2_RPS"), \"p50_ms\": $(num_or_null "$Q2_P50"), \"p99_ms\": $(num_or_null "$Q2_P99"), \"one_ms\": $(num_or_null "$Q2_ONE"), \"errors\": $(num_or_null "$Q2_BAD"),"
  echo "                                    \"dari\": {\"rps\": $(num_or_null "$QD2_RPS"), \"p50_ms\": $(num_or_null "$QD2_P50"), \"p99_ms\": $(num_or_null "$QD2_P99"), \"one_ms\": $(num_or_null "$QD2_ONE"), \"errors\": $(num_or_null "$QD2_BAD")}}},"
  echo "  \"penilaian\": ${H_JSON:-null},"
  echo "  \"dasbor\": {\"dataset\": ${DS_JSON:-null}, \"extra_sql\": $(jstr "$DS_EXTRA_SQL"), \"hello_measured_for_i\": $DS_HELLO_OWN, \"wrk_limit_s\": $DS_WRK_LIMIT, \"probe_limit_s\": $DS_PROBE_LIMIT,"
  echo "             \"unit\": {\"pegawai\": $DS_UNIT, \"unit_id\": $(num_or_null "$DS_UNIT_ID"), \"rps\": $(num_or_null "$DSU_RPS"), \"p50_ms\": $(num_or_null "$DSU_P50"), \"p99_ms\": $(num_or_null "$DSU_P99"), \"one_ms\": $(num_or_null "$DSU_ONE"), \"first_ms\": $(num_or_null "$DSU_FIRST"), \"uncached_ms\": $(num_or_null "$DSU_UNC"), \"cpu_ms_per_request\": $(num_or_null "$DSU_CPU"), \"errors\": $(num_or_null "$DSU_BAD"), \"not_loaded\": $(jstr "$DSU_SKIP"), \"ratio\": $(num_or_null "$(ratio_rps "$DSU_RPS")"), \"p99_ratio\": $(num_or_null "$(ratio "$C_P99" "$DSU_P99")"), \"target_p99_ms\": 20, \"check\": $(jstr "$DS_CHECK_U")},"
  echo "             \"instansi\": {\"pegawai\": $DS_PEGAWAI, \"rps\": $(num_or_null "$DSI_RPS"), \"p50_ms\": $(num_or_null "$DSI_P50"), \"p99_ms\": $(num_or_null "$DSI_P99"), \"one_ms\": $(num_or_null "$DSI_ONE"), \"first_ms\": $(num_or_null "$DSI_FIRST"), \"uncached_ms\": $(num_or_null "$DSI_UNC"), \"cpu_ms_per_request\": $(num_or_null "$DSI_CPU"), \"errors\": $(num_or_null "$DSI_BAD"), \"not_loaded\": $(jstr "$DSI_SKIP"), \"ratio\": $(num_or_null "$(ratio_rps "$DSI_RPS")"), \"p99_ratio\": $(num_or_null "$(ratio "$C_P99" "$DSI_P99")"), \"target_p99_ms\": 250, \"check\": $(jstr "$DS_CHECK_I")},"
  echo "             \"xlsx\": {\"rows\": $DS_PEGAWAI, \"seconds\": $(num_or_null "$DSX_S"), \"peak_rss_kb\": $(num_or_null "$DSX_PEAK"), \"rss_before_kb\": $(num_or_null "$DSX_HWM0"), \"bytes\": $(num_or_null "$DSX_BYTES"), \"note\": $(jstr "$DSX_NOTE"), \"ceiling_seconds\": $(num_or_null "$DSXC_S"), \"ceiling_peak_rss_kb\": $(num_or_null "$DSXC_PEAK"), \"ratio\": $(num_or_null "$(ratio "$DSXC_S" "$DSX_S")")}},"
  echo "  \"tpp\": ${J_JSON:-null},"
  echo "  \"first_load\": {\"bytes\": $(num_or_null "$K_BYTES"), \"requests\": $(num_or_null "$K_REQS"), \"target_bytes\": 102400, \"largest\": ${K_LARGEST:-null}},"
  echo "  \"aktivitas_post_ceiling\": {\"rps\": $(num_or_null "$GC_RPS"), \"p50_ms\": $(num_or_null "$GC_P50"), \"p99_ms\": $(num_or_null "$GC_P99"), \"errors\": $(num_or_null "$GC_BAD"), \"requests\": $(num_or_null "$GC_REQS"), \"rows\": $(num_or_null "$GC_ROWS"), \"commits\": $(num_or_null "$GC_BATCHES")},"
  echo "  \"aktivitas_bulan\": {\"pegawai_id\": $(num_or_null "$GM_PEG"), \"bulan\": $(jstr "$GM_BULAN"), \"items\": $(num_or_null "$GM_N"), \"rps\": $(num_or_null "$GM_RPS"), \"p50_ms\": $(num_or_null "$GM_P50"), \"p99_ms\": $(num_or_null "$GM_P99"), \"errors\": $(num_or_null "$GM_BAD")},"
  # one object per row of the table in $BASE.md: figure, ceiling, ratio, target, met (yes / no / n/a)
  echo "  \"rows\": ["
  awk -F'|' '
    function js(v) { gsub(/^ +| +$/, "", v); gsub(/\*\*/, "", v); gsub(/`/, "", v); gsub(/\\/, "\\\\", v); gsub(/"/, "\\\"", v);
                     return (v == "" || v == "—") ? "null" : "\"" v "\"" }
    /^\| scenario \|/ { on = 1; next }
    on && /^\|---/ { next }
    on && /^\| / { printf "%s    {\"scenario\": %s, \"figure\": %s, \"ceiling\": %s, \"ratio\": %s, \"target\": %s, \"met\": %s}", sep, js($2), js($3), js($4), js($5), js($6), js($7);
                   sep = ",\n"; next }
    on { on = 0 }
    END { print "" }' "$BASE.md"
  echo "  ],"
  echo "  \"skala\": {\"pegawai\": ${L_PEGAWAI:-null}, \"load_before\": $(jstr "${L_LOAD0:-}"), \"load_after\": $(jstr "${L_LOAD1:-}"),"
  for l_t in SQLITE PG N1 N2; do
    eval "l_a=\${L_${l_t}_POST:-} l_b=\${L_${l_t}_POST99:-} l_c=\${L_${l_t}_PEG:-} l_d=\${L_${l_t}_PEG99:-} l_e=\${L_${l_t}_INST:-} l_f=\${L_${l_t}_INST99:-}"
    echo "    \"$l_t\": {\"post_rps\": $(num_or_null "$l_a"), \"post_p99_ms\": $(num_or_null "$l_b"), \"dasbor_pegawai_rps\": $(num_or_null "$l_c"), \"dasbor_pegawai_p99_ms\": $(num_or_null "$l_d"), \"dasbor_instansi_rps\": $(num_or_null "$l_e"), \"dasbor_instansi_p99_ms\": $(num_or_null "$l_f")}$( [ "$l_t" = N2 ] || printf ',')"
  done
  echo "  },"
  echo "  \"demo_seconds\": $(num_or_null "$DEMO_S"),"
  printf '  "failed": ['
  sep=""
  for f in "${FAILED[@]}"; do printf '%s%s' "$sep" "$(jstr "$f")"; sep=", "; done
  echo "]"
  echo "}"
} >"$BASE.json"
[ "$MODE" = full ] && [ -z "$ONLY" ] && cp "$BASE.md" "$OUT/$DAY.md"
# BENCH_APPEND=1 with BENCH_ONLY (BENCH_LABEL: words for its heading): the rows of this run are also appended to latest.md as a section
# of their own (so that partial runs land in the results file as the script wrote them)
if [ -n "$ONLY" ] && [ "${BENCH_APPEND:-0}" = 1 ]; then
  {
    echo
    echo "## BENCH_ONLY=$ONLY run ($MODE${BENCH_BATCH_REQUESTS:+, BENCH_BATCH_REQUESTS=$BENCH_BATCH_REQUESTS}${BENCH_DASBOR_WRK_LIMIT:+, BENCH_DASBOR_WRK_LIMIT=$BENCH_DASBOR_WRK_LIMIT})${BENCH_LABEL:+: $BENCH_LABEL}, appended by bench/run.sh"
    echo
    sed '1,2d' "$BASE.md"
  } >>"$OUT/latest.md"
fi

cat "$BASE.md"
log "written: ${BASE#"$ROOT"/}.md, ${BASE#"$ROOT"/}.json$( [ "$MODE" = full ] && [ -z "$ONLY" ] && printf ', bench/results/%s.md' "$DAY")"
# BENCH_MERGE=1 with BENCH_ONLY: the rows and notes of those scenarios replace theirs in
# results/latest.md (bench/merge_only.sh), when no scenario failed
if [ -n "$ONLY" ] && [ "${BENCH_MERGE:-0}" = 1 ] && [ "${#FAILED[@]}" -eq 0 ]; then
  bench/merge_only.sh "$ONLY" "$BASE.md" "$OUT/latest.md" && log "rows ${ONLY} merged into bench/results/latest.md"
fi
[ "${#FAILED[@]}" -eq 0 ] || exit 1
