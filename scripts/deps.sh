#!/bin/sh
# Installs the Debian packages kinerja needs to build, test and benchmark, when missing.
# Idempotent and quiet when everything is present; runs `apt-get update` once before installing.
# Usage: scripts/deps.sh [build|check|check-pg|deploy|bench|security]   (default: check)
set -eu
what=${1:-check}
build="gcc make pkg-config libmicrohttpd-dev libsqlite3-dev libjansson-dev libsodium-dev \
liboath-dev libqrencode-dev libpng-dev libxlsxwriter-dev libhpdf-dev libcsv-dev libpq-dev libcurl4-openssl-dev libssl-dev"
# clang + libclang-rt-14-dev (libFuzzer and the sanitizer runtimes, not pulled in by clang
# with --no-install-recommends) build the fuzz harnesses; llvm gives llvm-symbolizer for traces;
# openssl makes the self-signed certificate of the TLS test.  PostgreSQL 15 server binaries
# (initdb, pg_ctl) and psql run the suites a second time on PostgreSQL (tests/pg/); python3
# finds a free port.
check="$build libcmocka-dev sqlite3 curl ca-certificates gzip chromium poppler-utils unzip \
clang libclang-rt-14-dev llvm openssl postgresql-15 postgresql-client-15 python3"
# patroni: `patroni --validate-config` checks deploy/produksi/patroni/ (tests/api/produksi.test.mjs)
check="$check patroni"
checkpg="$check"
# The one-machine deployment recipe (deploy/lokal.sh): PostgreSQL primary + streaming replica,
# pgbouncer in front of both, haproxy in front of the kinerja nodes; psmisc gives fuser for the
# leftover-port check.  Debian's packages only (their services are not used: the script runs
# its own instances in a temporary directory).
deploy="$checkpg haproxy pgbouncer psmisc"
bench="$check wrk procps"
security="$check sqlmap valgrind"
case "$what" in
  build) want=$build ;;
  check) want=$check ;;
  check-pg) want=$checkpg ;;
  deploy) want=$deploy ;;
  bench) want=$bench ;;
  security) want=$security ;;
  *) echo "deps.sh: unknown set '$what'" >&2; exit 2 ;;
esac
missing=""
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
# Node.js runs the API and browser tests; a machine may have its own node, otherwise Debian's.
if [ "$what" != build ] && ! command -v node >/dev/null 2>&1; then missing="$missing nodejs"; fi
if [ -n "$missing" ]; then
  echo "deps.sh: installing:$missing"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
# Test tooling from npm (pinned in package.json + package-lock.json); never a browser download.
# npm ci runs again whenever the lock file changed since the last install.
if [ "$what" != build ]; then
  top=$(cd "$(dirname "$0")/.." && pwd)
  want=$(sha256sum "$top/package-lock.json" | cut -d' ' -f1)
  have=$(cat "$top/node_modules/.kinerja-lock" 2>/dev/null || true)
  if [ "$want" != "$have" ]; then
    echo "deps.sh: npm ci (package-lock.json)"
    (cd "$top" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$want" > "$top/node_modules/.kinerja-lock"
  fi
fi
