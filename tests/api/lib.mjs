// Shared helpers for API scenarios: a real kinerja server on a random port with a temporary
// database filled by `kinerja demo`, plus small HTTP helpers.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, mkdirSync, existsSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BIN = process.env.KINERJA_BIN || './kinerja';
export const TOP = process.env.KINERJA_TOP || process.cwd();
export const PASSWORD = 'Rahasia123';
// KINERJA_WRAP prefixes the server command (e.g. "valgrind --log-file=/tmp/vg.%p.log", see
// scripts/valgrind.sh); a wrapped server is slow, so start-up and polling wait longer.
export const WRAP = (process.env.KINERJA_WRAP || '').split(/\s+/).filter(Boolean);
export const SLOW = WRAP.length ? 20 : 1;

// KINERJA_TEST_DB=postgres: every server gets a fresh PostgreSQL database in the throwaway
// cluster of tests/pg/start.sh (KINERJA_PG = its base URL, KINERJA_PG_DIR = its directory);
// `make check-pg` (tests/pg/run.sh) sets all three.
export const PG = process.env.KINERJA_TEST_DB === 'postgres' ? process.env.KINERJA_PG : '';
if (process.env.KINERJA_TEST_DB === 'postgres' && !PG) throw new Error('KINERJA_TEST_DB=postgres needs KINERJA_PG: eval "$(tests/pg/start.sh)"');

/** psql against a database of the test cluster; returns stdout. */
export function psql(url, q, args = []) {
  return execFileSync('psql', ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', ...args, url, '-c', q],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let pgSerial = 0;
/** A demo database of `pegawai` made once per cluster and kept as a template: a new database
 *  from it is a file copy, a fresh `kinerja demo` on PostgreSQL takes seconds.  Several test
 *  processes share the cluster: the first to create the lock directory builds it. */
async function pgTemplate(pegawai) {
  const name = `tpl_demo_${pegawai}`;
  const dir = process.env.KINERJA_PG_DIR;
  const ready = join(dir, `${name}.ready`), lock = join(dir, `${name}.lock`);
  for (let i = 0; !existsSync(ready); i++) {
    try { mkdirSync(lock); } catch { if (i > 1200 * SLOW) throw new Error(`template ${name} not ready`); await sleep(100); continue; }
    psql(`${PG}/postgres`, `CREATE DATABASE ${name}`);
    kinerja(['demo', '--db', `${PG}/${name}`, '--pegawai', String(pegawai), '--password', PASSWORD]);
    psql(`${PG}/postgres`, `ALTER DATABASE ${name} WITH is_template true ALLOW_CONNECTIONS false`);
    writeFileSync(ready, '');
  }
  return name;
}

/** The SQLite twin of pgTemplate: a demo database file of `pegawai` made once and copied for
 *  every server (a copy takes milliseconds, `kinerja demo` about a second under the sanitizers).
 *  KINERJA_TEST_TPL_DIR (tests/run.sh sets it) shares the files between the test processes of one
 *  run; without it each process keeps its own in a temporary directory. */
let ownTplDir = '';
function tplDir() {
  if (process.env.KINERJA_TEST_TPL_DIR) return process.env.KINERJA_TEST_TPL_DIR;
  if (!ownTplDir) {
    ownTplDir = mkdtempSync(join(tmpdir(), 'kinerja-tpl-'));
    process.on('exit', () => rmSync(ownTplDir, { recursive: true, force: true }));
  }
  return ownTplDir;
}
async function sqliteTemplate(pegawai) {
  const dir = tplDir(), db = join(dir, `demo_${pegawai}.db`);
  const ready = `${db}.ready`, lock = `${db}.lock`;
  for (let i = 0; !existsSync(ready); i++) {
    try { mkdirSync(lock); } catch { if (i > 1200 * SLOW) throw new Error(`template ${db} not ready`); await sleep(100); continue; }
    kinerja(['demo', '--db', db, '--pegawai', String(pegawai), '--password', PASSWORD]);
    writeFileSync(ready, '');
  }
  return db;
}

/** A fresh database for one server: a SQLite path in dir, or a new PostgreSQL database. */
async function freshDb(dir, { pegawai, demo }) {
  if (!PG) {
    const db = join(dir, 'test.db');
    if (demo) {
      const tpl = await sqliteTemplate(pegawai);
      copyFileSync(tpl, db);  // kinerja demo closes cleanly: the WAL is checkpointed and gone
      if (existsSync(`${tpl}-wal`)) copyFileSync(`${tpl}-wal`, `${db}-wal`);
    } else kinerja(['migrate', '--db', db]);
    return { db, drop() {} };
  }
  const name = `t_${process.pid}_${++pgSerial}`;
  if (demo) psql(`${PG}/postgres`, `CREATE DATABASE ${name} TEMPLATE ${await pgTemplate(pegawai)}`);
  else { psql(`${PG}/postgres`, `CREATE DATABASE ${name}`); kinerja(['migrate', '--db', `${PG}/${name}`]); }
  return { db: `${PG}/${name}`, drop() { try { psql(`${PG}/postgres`, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } catch { /* cluster gone */ } } };
}

export function kinerja(args, opts = {}) {
  return execFileSync(BIN, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
}

/** Runs kinerja and returns {status, stdout, stderr} without throwing. */
export function kinerjaStatus(args) {
  try {
    const stdout = execFileSync(BIN, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: 0, stdout, stderr: '' };
  } catch (e) {
    return { status: e.status, stdout: e.stdout || '', stderr: e.stderr || '' };
  }
}

/** Flags that turn the request rate limits and the per-address connection limit off: every
 *  suite sends thousands of requests from 127.0.0.1 (keamanan_http.test.mjs tests the limits). */
export const NO_LIMITS = ['--rate-limit', '0', '--rate-limit-user', '0', '--rate-limit-login', '0',
  '--max-connections-per-ip', '0'];

/** Starts a server on a fresh demo database (or on `db`, another server's database).
 *  Returns {url, db, dir, stop(), tokens, ids}.
 *  env: extra environment variables for the server (e.g. KINERJA_SMTP_URL); limits: true keeps
 *  the default rate limits (extraArgs come after, so they can set their own); orientasi: true leaves
 *  the first-login walkthrough open for every account. */
export async function startServer({ pegawai = 60, extraArgs = [], demo = true, env = {}, limits = false, db: shared, orientasi = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-api-'));
  // db: the database of another server (a second node on the same data; not dropped by stop)
  const fresh = shared ? { db: shared, drop() {} } : await freshDb(dir, { pegawai, demo });
  const db = fresh.db;
  // the first-login walkthrough (issue 14) is closed for the demo accounts, so that journeys see
  // the screens they test; orientasi: true keeps it (tests/e2e/orientasi.test.mjs)
  if (demo && !orientasi && !shared) {
    sql({ db }, `INSERT INTO orientasi_selesai (pengguna_id, kunci, selesai)
      SELECT u.id, k.kunci, 0 FROM pengguna u, (SELECT 'pegawai' AS kunci UNION ALL SELECT 'atasan' UNION ALL SELECT 'pimpinan'
      UNION ALL SELECT 'admin' UNION ALL SELECT 'auditor' UNION ALL SELECT 'superadmin') k`);
  }
  // --timeout 600: a test that blocks its event loop in a long synchronous psql/CLI step (tens of
  // seconds on a loaded machine) must not find its kept-alive socket closed by the server's idle
  // timeout under the next request ("fetch failed"); a test's own --timeout comes later and wins
  const argv = [BIN, 'serve', '--db', db, '--listen', '127.0.0.1:0', '--threads', '2', '--timeout', '600',
    '--web-dir', join(TOP, 'web'), ...(limits ? [] : NO_LIMITS), ...extraArgs];
  const cmd = [...WRAP, ...argv];
  const proc = spawn(cmd[0], cmd.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let log = '', out = '';
  proc.stdout.on('data', (d) => { out += d.toString(); });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start:\n' + log)), 15000 * SLOW);
    proc.stderr.on('data', (d) => {
      log += d.toString();
      const m = log.match(/melayani di (https?:\/\/[0-9.]+:\d+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${log}`)); });
  });
  const srv = {
    url, db, dir, proc,
    get log() { return log; },
    get stdout() { return out; },
    async stop() {
      if (proc.exitCode !== null) return proc.exitCode;
      const done = new Promise((r) => proc.on('exit', (code, sig) => r(code ?? sig)));
      proc.kill('SIGTERM');
      const code = await done;
      rmSync(dir, { recursive: true, force: true });
      fresh.drop();
      return code;
    },
  };
  return srv;
}

/** A bearer token for a demo account (created through the CLI: no argon2 cost). */
export function tokenFor(srv, user, readOnly = false) {
  const args = ['token', 'create', '--db', srv.db, '--user', user];
  if (readOnly) args.push('--read-only');
  return kinerja(args).trim();
}

/** HTTP call.  opts: {token, cookie, csrf, body (object → JSON), raw, type, headers}. */
export async function call(srv, method, path, opts = {}) {
  const headers = { ...(opts.headers || {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.csrf) headers['x-csrf-token'] = opts.csrf;
  let body;
  if (opts.raw !== undefined) { body = opts.raw; headers['content-type'] = opts.type || 'application/json'; }
  else if (opts.body !== undefined) { body = JSON.stringify(opts.body); headers['content-type'] = opts.type || 'application/json'; }
  const res = await fetch(srv.url + path, { method, headers, body, redirect: 'manual' });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, text, json };
}

/** Logs in through the API; returns {cookie, csrf, me}. */
export async function login(srv, username, password = PASSWORD) {
  const r = await call(srv, 'POST', '/api/v1/auth/login', { body: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  return { cookie, csrf: r.json.csrf_token, me: r.json };
}

/** Row count of a table, read with the sqlite3 CLI or psql (to prove nothing changed). */
export function count(srv, table, where = '') {
  if (PG) return Number(psql(srv.db, `SELECT COUNT(*) FROM ${table} ${where}`).trim());
  return Number(execFileSync('sqlite3', ['-cmd', '.timeout 10000', srv.db, `SELECT COUNT(*) FROM ${table} ${where}`], { encoding: 'utf8' }).trim());
}
/** Runs SQL on the server's database: a query's rows as JSON text (sqlite3 -json: '' when none). */
export function sql(srv, q) {
  if (PG) {
    if (!/^\s*(SELECT|WITH)\b/i.test(q)) { psql(srv.db, q); return ''; }
    const out = psql(srv.db, `SELECT COALESCE(json_agg(t), '[]') FROM (${q.replace(/;\s*$/, '')}) t`).trim();
    return out === '[]' ? '' : out;
  }
  // wait for the server's write lock (a slow server, e.g. under valgrind, holds it longer)
  return execFileSync('sqlite3', ['-json', '-cmd', '.timeout 10000', srv.db, q], { encoding: 'utf8' }).trim();
}

/** The names of the tables in the server's database, sorted (partitions of a partitioned
 *  PostgreSQL table are not listed: their parent is). */
export function tableNames(srv) {
  const q = PG ? `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`
    : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
  return JSON.parse(sql(srv, q) || '[]').map((r) => r.name);
}
/** The column names of one table, in table order. */
export function tableColumns(srv, table) {
  const q = PG ? `SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = '${table}' ORDER BY ordinal_position`
    : `SELECT name FROM pragma_table_info('${table}')`;
  return JSON.parse(sql(srv, q) || '[]').map((r) => r.name);
}
/** A query's rows as text, for fingerprints: the same rows give the same text on one backend
 *  (sqlite3 -json or psql's unaligned output; the two backends' texts differ). */
export function rowsText(srv, q) {
  if (PG) return execFileSync('psql', ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', srv.db, '-c', q], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return execFileSync('sqlite3', ['-json', '-cmd', '.timeout 10000', srv.db, q], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

/** Asserts a problem+json answer. */
export function isProblem(assert, r, status, field) {
  assert.equal(r.status, status, `expected ${status}, got ${r.status}: ${r.text}`);
  assert.match(r.headers.get('content-type') || '', /application\/problem\+json/);
  assert.equal(r.json.status, status);
  assert.ok(r.json.title && r.json.detail, 'problem has title and detail');
  if (field) {
    assert.ok(Array.isArray(r.json.errors), 'problem has errors[]');
    assert.ok(r.json.errors.some((e) => e.field === field), `errors mention ${field}: ${r.text}`);
  }
}

/** The route table as [{method, pattern, cap}] parsed from src/api/routes.c. */
export function routeTable() {
  // routes.c and the route files it includes (src/api/routes_*.inc)
  let src = readFileSync(join(TOP, 'src/api/routes.c'), 'utf8');
  for (const m of src.matchAll(/#include "api\/(routes_\w+\.inc)"/g)) src += readFileSync(join(TOP, 'src/api', m[1]), 'utf8');
  const out = [];
  for (const m of src.matchAll(/\{"(GET|POST|PATCH|PUT|DELETE)", "([^"]+)", (\w+), ([A-Z_|() ]+), (BODY_\w+)/g))
    out.push({ method: m[1], pattern: m[2], handler: m[3], cap: m[4].trim(), body: m[5] });
  return out;
}
