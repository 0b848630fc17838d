// deploy/smoke.mjs DIR: the smoke test of deploy/lokal.sh, through haproxy only.  Signs in
// (admin and pegawai), records an activity, reads it back and the dashboards, then shows where
// the requests went: haproxy's per-server counters, the nodes' access logs, and how many
// dashboards were read on the replica (each node's /metrics).  Exits non-zero on any failure.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const dir = process.argv[2];
const env = Object.fromEntries(readFileSync(join(dir, 'env'), 'utf8').trim().split('\n')
  .map((l) => { const i = l.indexOf('='); return [l.slice(0, i), l.slice(i + 1).replace(/^'|'$/g, '')]; }));
const BASE = env.HAPROXY;
const PASSWORD = 'Rahasia123';
const nodes = Number(env.LOKAL_NODES);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let gagal = 0;
const ok = (cond, what) => {
  console.log(`${cond ? 'ok  ' : 'GAGAL'} ${what}`);
  if (!cond) gagal++;
  return cond;
};

async function call(method, path, { cookie, csrf, body } = {}) {
  const headers = {};
  if (cookie) headers.cookie = cookie;
  if (csrf) headers['x-csrf-token'] = csrf;
  if (body) headers['content-type'] = 'application/json';
  const r = await fetch(BASE + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, text, json, headers: r.headers };
}

async function login(username) {
  const r = await call('POST', '/api/v1/auth/login', { body: { username, password: PASSWORD } });
  if (!ok(r.status === 200, `login ${username} -> ${r.status}`)) throw new Error(r.text);
  const cookie = (r.headers.get('set-cookie') || '').split(';')[0];
  return { cookie, csrf: r.json.csrf_token, me: r.json };
}

// haproxy's requests per server (stot) from its CSV stats
function hitungHaproxy() {
  const csv = execFileSync('curl', ['-s', `${env.HAPROXY_STATS};csv`], { encoding: 'utf8' });
  const head = csv.split('\n')[0].replace(/^# /, '').split(',');
  const iSv = head.indexOf('svname'), iTot = head.indexOf('stot'), iSt = head.indexOf('status');
  const out = {};
  for (const l of csv.split('\n')) {
    const f = l.split(',');
    if (f[0] === 'kinerja' && /^k\d+$/.test(f[iSv])) out[f[iSv]] = { stot: Number(f[iTot]), status: f[iSt] };
  }
  return out;
}

const sebelum = hitungHaproxy();
for (let i = 0; i < 2 * nodes; i++) {
  const r = await call('GET', '/healthz');
  if (r.status !== 200) ok(false, `GET /healthz -> ${r.status}`);
}
ok(true, `GET /healthz x${2 * nodes} through haproxy`);

// admin: allow weekends and holidays, so that the activity below is valid on any day
const admin = await login('admin');
let r = await call('PATCH', '/api/v1/pengaturan', { ...admin, body: { akhir_pekan: true, hari_libur: true } });
ok(r.status === 200, `PATCH /api/v1/pengaturan (admin) -> ${r.status}`);

const peg = await login('pegawai');
const pid = peg.me.pegawai?.id;
ok(Boolean(pid), `pegawai signed in (pegawai_id ${pid})`);
const kemarin = new Date(Date.now() + 7 * 3600e3 - 86400e3).toISOString().slice(0, 10);  // WIB yesterday
const uraian = `Uji asap deploy lokal ${process.pid}`;
r = await call('POST', '/api/v1/aktivitas', { ...peg, body: { tanggal: kemarin, menit: 45, uraian } });
ok(r.status === 201, `POST /api/v1/aktivitas -> ${r.status} ${r.status === 201 ? '' : r.text}`);
const aid = r.json?.id;
// read it back several times: consecutive requests land on different nodes
for (let i = 0; i < 2 * nodes; i++) {
  r = await call('GET', `/api/v1/aktivitas/${aid}`, peg);
  ok(r.status === 200 && r.json?.uraian === uraian, `GET /api/v1/aktivitas/${aid} (#${i + 1}) -> ${r.status}`);
}
// the dashboard may be read on the replica: it shows the activity once replayed (bounded lag)
let lihat = false;
for (let i = 0; i < 50 && !lihat; i++) {
  r = await call('GET', `/api/v1/dasbor/pegawai/${pid}`, peg);
  lihat = r.status === 200 && (r.json?.kalender?.hari || []).some((d) => d.tanggal === kemarin && d.menit >= 45);
  if (!lihat) await sleep(100);
}
ok(lihat, `GET /api/v1/dasbor/pegawai/${pid} shows the activity (${kemarin}, 45 menit)`);
const atasan = await login('atasan');
r = await call('GET', '/api/v1/dasbor/tim', atasan);
ok(r.status === 200, `GET /api/v1/dasbor/tim (atasan) -> ${r.status}`);
r = await call('GET', `/api/v1/dasbor/instansi`, admin);
ok(r.status === 200, `GET /api/v1/dasbor/instansi (admin) -> ${r.status}`);

// the row is on the replica (synchronous replication; replayed within the lag)
let diReplika = '';
for (let i = 0; i < 50 && diReplika !== '1'; i++) {
  diReplika = execFileSync('psql', ['-X', '-At', env.PG_REPLIKA, '-c', `SELECT count(*) FROM aktivitas WHERE id = ${Number(aid)}`], { encoding: 'utf8' }).trim();
  if (diReplika !== '1') await sleep(100);
}
ok(diReplika === '1', 'the activity is on the replica');
const sync = execFileSync('psql', ['-X', '-At', env.PG_PRIMER, '-c', "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'replika'"], { encoding: 'utf8' }).trim();
ok(sync === 'sync', `replication is synchronous (${sync})`);

// where the requests went
const sesudah = hitungHaproxy();
const perNode = Object.keys(sesudah).sort().map((k) => `${k} ${sesudah[k].stot - (sebelum[k]?.stot || 0)} (${sesudah[k].status})`);
console.log(`haproxy: requests per node: ${perNode.join(', ')}`);
ok(Object.keys(sesudah).length === nodes && Object.keys(sesudah).every((k) => sesudah[k].stot - (sebelum[k]?.stot || 0) > 0),
  `every one of the ${nodes} nodes answered requests (round robin)`);
let replika = 0;
for (let i = 1; i <= nodes; i++) {
  const log = readFileSync(join(dir, `node${i}.log`), 'utf8');
  const api = log.split('\n').filter((l) => l.includes('"/api/v1/')).length;
  const m = await (await fetch(`${env[`NODE${i}`]}/metrics`)).text();
  const rep = Number((m.match(/kinerja_baca_replika_total\{sumber="replika"\} (\d+)/) || [])[1] || 0);
  const pri = Number((m.match(/kinerja_baca_replika_total\{sumber="primer"\} (\d+)/) || [])[1] || 0);
  replika += rep;
  console.log(`node k${i}: ${api} API requests in its access log; dashboards from the replica ${rep}, from the primary ${pri}`);
}
ok(replika > 0, 'dashboards were read on the replica');
console.log(gagal ? `smoke: ${gagal} GAGAL` : 'smoke: semua ok');
process.exit(gagal ? 1 : 0);
