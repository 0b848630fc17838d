// Stateless nodes (issue 12 part 4): two or three server processes (nodes) on one database, the
// requests of one user spread over them as a load balancer would.  Sessions, the failed-login
// throttle and lockout, report jobs, the dashboard cache work on both backends (on SQLite two
// processes on one file); change events between nodes (LISTEN/NOTIFY) and rate limits counted
// across nodes (laju_pakai) are PostgreSQL's: SQLite is one node.  Runs in tests/pg/smoke too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { startServer, call, login, tokenFor, sql, psql, PG, PASSWORD } from './lib.mjs';

const HANYA_PG = PG ? false : 'SQLite is one node: events and rate limits stay in the process';
const YEAR = Number(new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 4));
const tidur = (ms) => new Promise((r) => setTimeout(r, ms));
let a, b, T = {};
const rows = (q) => JSON.parse(sql(a, q) || '[]');

before(async () => {
  a = await startServer({ pegawai: 10, extraArgs: ['--job-lease', '30'] });
  b = await startServer({ db: a.db, extraArgs: ['--job-lease', '30'] });
  for (const r of ['admin', 'pimpinan']) T[r] = tokenFor(a, r);
});
after(async () => { await b?.stop(); await a?.stop(); });

test('a session made on node A works on node B; logging out on B ends it on A at once', async () => {
  const s = await login(a, 'admin');
  const me = await call(b, 'GET', '/api/v1/auth/me', { cookie: s.cookie });
  assert.equal(me.status, 200, me.text);
  assert.equal(me.json.csrf_token, s.csrf);
  const out = await call(b, 'POST', '/api/v1/auth/logout', { cookie: s.cookie, csrf: s.csrf });
  assert.ok(out.status === 200 || out.status === 204, out.text);
  assert.equal((await call(a, 'GET', '/api/v1/auth/me', { cookie: s.cookie })).status, 401);
  assert.equal((await call(b, 'GET', '/api/v1/auth/me', { cookie: s.cookie })).status, 401);
});

test('account lockout: 5 wrong passwords at once over both nodes lock the account once', async () => {
  const user = 'pimpinan';
  const rs = await Promise.all(Array.from({ length: 5 }, (_, i) =>
    call(i % 2 ? b : a, 'POST', '/api/v1/auth/login', { body: { username: user, password: 'salah-sekali' } })));
  assert.equal(rs.filter((r) => r.status === 429).length, 1, rs.map((r) => r.status).join(','));
  assert.equal(rs.filter((r) => r.status === 401).length, 4);
  const [u] = rows(`SELECT terkunci_sampai, gagal_login FROM pengguna WHERE username = '${user}'`);
  assert.ok(Number(u.terkunci_sampai) > Date.now() / 1000, 'the account is locked');
  assert.equal(rows(`SELECT id FROM audit_log WHERE aksi = 'auth.lockout'`).length, 1, 'audited once');
  // the right password on the other node is refused while locked
  const r = await call(b, 'POST', '/api/v1/auth/login', { body: { username: user, password: PASSWORD } });
  assert.equal(r.status, 429, r.text);
  sql(a, `UPDATE pengguna SET terkunci_sampai = 0, gagal_login = 0 WHERE username = '${user}'`);
});

test('the failed-login throttle of an address counts failures on every node', async () => {
  sql(a, 'DELETE FROM gagal_masuk');
  const salah = (srv) => call(srv, 'POST', '/api/v1/auth/login', { body: { username: 'tidak-ada', password: 'x' } });
  assert.equal((await salah(a)).status, 401);
  assert.equal((await salah(b)).status, 401);
  const [g] = rows('SELECT alamat, jumlah FROM gagal_masuk');
  assert.equal(Number(g.jumlah), 2, 'both failures are in one window');
  sql(a, `UPDATE gagal_masuk SET jumlah = 49 WHERE alamat = '${g.alamat}'`);
  assert.equal((await salah(b)).status, 401);   // the 50th failure, on B
  const r = await call(a, 'POST', '/api/v1/auth/login', { body: { username: 'admin', password: PASSWORD } });
  assert.equal(r.status, 429, 'A refuses the address: ' + r.text);
  assert.match(r.json.detail, /percobaan masuk yang gagal/);
  sql(a, 'DELETE FROM gagal_masuk');
  assert.equal((await call(a, 'POST', '/api/v1/auth/login', { body: { username: 'admin', password: PASSWORD } })).status, 200);
});

test('report jobs queued while two nodes run are each made exactly once', async () => {
  const r = await call(a, 'POST', '/api/v1/laporan/ekspor', { token: T.admin, body: { jenis: 'rekap_pegawai', format: 'csv' } });
  assert.equal(r.status, 202, r.text);
  const contoh = r.json.id;
  for (let i = 0; i < 100 && rows(`SELECT id FROM laporan_ekspor WHERE id = ${contoh} AND status = 'selesai'`).length === 0; i++) await tidur(100);
  // twelve more, straight into the queue, so that both workers find them at their next pass
  for (let i = 0; i < 12; i++) {
    sql(a, `INSERT INTO laporan_ekspor (instansi_id, pengguna_id, jenis, format, parameter, kunci, versi_data, status, dibuat)
            SELECT instansi_id, pengguna_id, jenis, format, parameter, kunci || '-${i}', versi_data, 'antri', dibuat
              FROM laporan_ekspor WHERE id = ${contoh}`);
  }
  let jobs = [];
  for (let i = 0; i < 300; i++) {
    jobs = rows(`SELECT id, status, percobaan, simpul FROM laporan_ekspor WHERE id > ${contoh} ORDER BY id`);
    if (jobs.length === 12 && jobs.every((j) => j.status === 'selesai')) break;
    await tidur(100);
  }
  assert.equal(jobs.length, 12);
  for (const j of jobs) {
    assert.equal(j.status, 'selesai', JSON.stringify(j));
    assert.equal(Number(j.percobaan), 1, `job ${j.id} claimed once: ${JSON.stringify(j)}`);
  }
  // the file of a job made by either node downloads through the other
  for (const srv of [a, b]) {
    const res = await fetch(`${srv.url}/api/v1/laporan/ekspor/${jobs[0].id}/berkas`, { headers: { authorization: `Bearer ${T.admin}` } });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /NIP/i);
  }
});

test('a job whose node is killed in the middle is claimed again after its lease and made once', async () => {
  // on a database of its own (a and b would take the job): node K holds each claim 30 s (a test
  // hook) and is killed while it does; node L takes the job over once the 2-second lease ran out
  const k = await startServer({ pegawai: 10, env: { KINERJA_UJI_LAPORAN_JEDA: '30' }, extraArgs: ['--job-lease', '2'] });
  let l = null;
  try {
    const r = await call(k, 'POST', '/api/v1/laporan/ekspor', { token: tokenFor(k, 'admin'), body: { jenis: 'rekap_pegawai', format: 'xlsx' } });
    assert.equal(r.status, 202, r.text);
    const id = r.json.id;
    const baca = (srv) => JSON.parse(sql(srv, `SELECT status, percobaan, simpul FROM laporan_ekspor WHERE id = ${id}`))[0];
    let job;
    for (let i = 0; i < 200 && (job = baca(k)).status !== 'jalan'; i++) await tidur(50);
    assert.equal(job.status, 'jalan');
    const exited = new Promise((res) => k.proc.on('exit', res));
    k.proc.kill('SIGKILL');
    await exited;
    l = await startServer({ db: k.db, extraArgs: ['--job-lease', '2'] });
    let akhir;
    for (let i = 0; i < 200 && (akhir = baca(l)).status !== 'selesai'; i++) await tidur(100);
    assert.equal(akhir.status, 'selesai', JSON.stringify(akhir));
    assert.equal(Number(akhir.percobaan), 2, 'claimed by K, then once more by L');
    assert.notEqual(akhir.simpul, job.simpul);
  } finally {
    await l?.stop();
    if (k.proc.exitCode === null && !k.proc.signalCode) await k.stop();
    else {   // killed: stop() would wait for an exit that happened; clean up by hand
      if (PG) psql(`${PG}/postgres`, `DROP DATABASE IF EXISTS ${k.db.split('/').pop()} WITH (FORCE)`);
      rmSync(k.dir, { recursive: true, force: true });
    }
  }
});

test('the dashboard cached on node B shows a write made on node A', async () => {
  const c = await startServer({ db: a.db });
  try {
    const get = async (srv) => (await call(srv, 'GET', '/api/v1/dasbor/instansi', { token: T.admin })).json;
    const hit = async () => Number((await call(c, 'GET', '/metrics')).text.match(/kinerja_dasbor_cache_total\{hasil="hit"\} (\d+)/)[1]);
    const d1 = await get(c);
    const h0 = await hit();
    assert.deepEqual(await get(c), d1);
    assert.equal(await hit(), h0 + 1, 'the second answer came from B\'s cache');
    const u = await call(a, 'POST', '/api/v1/unit-kerja', { token: T.admin, body: { nama: 'Bagian Antarsimpul' } });
    assert.equal(u.status, 201, u.text);
    const d2 = await get(c);
    assert.ok(d2.anak.some((x) => x.id === u.json.id), 'B shows the unit made on A');
    assert.equal(d2.anak.length, d1.anak.length + 1);
  } finally { await c.stop(); }
});

test('a change written on node A reaches a live stream on node B', { skip: HANYA_PG }, async () => {
  const c = await startServer({ db: a.db });
  const ac = new AbortController();
  try {
    const res = await fetch(`${c.url}/api/v1/dasbor/peristiwa`, { headers: { authorization: `Bearer ${T.pimpinan}` }, signal: ac.signal });
    assert.equal(res.status, 200);
    const reader = res.body.getReader(), dec = new TextDecoder();
    let teks = '';
    const tunggu = async (re, ms) => {
      const t0 = Date.now();
      while (!re.test(teks) && Date.now() - t0 < ms) {
        const { value, done } = await Promise.race([reader.read(), tidur(200).then(() => ({}))]);
        if (done) break;
        if (value) teks += dec.decode(value, { stream: true });
      }
      return re.test(teks);
    };
    assert.ok(await tunggu(/event: siap/, 5000), 'the stream on B is live');
    const r = await call(a, 'POST', '/api/v1/hari-libur', { token: T.admin, body: { tanggal: `${YEAR + 1}-04-04`, nama: 'Libur antarsimpul' } });
    assert.equal(r.status, 201, r.text);
    assert.ok(await tunggu(/event: perubahan\ndata: \{"jenis": ?"hari_libur"\}/, 5000), 'B heard of the change on A: ' + teks);
    // B's own stream hears it once, not once per node
    await tidur(500);
    assert.equal(teks.match(/"hari_libur"/g).length, 1);
  } finally { ac.abort(); await c.stop(); }
});

test('a rate limit counts requests spread over two nodes', { skip: HANYA_PG }, async () => {
  // 6 requests per address, refilled 1 per 100 s: 3 on C and 3 on D fit; after the nodes have
  // exchanged their counts (once a second) the next one is refused on both
  const args = ['--rate-limit', '0.01,6'];
  const c = await startServer({ db: a.db, extraArgs: args });
  const d = await startServer({ db: a.db, extraArgs: args });
  try {
    for (const srv of [c, d, c, d, c, d]) assert.equal((await call(srv, 'GET', '/api/v1/auth/me')).status, 401);
    await tidur(2500);
    const rc = await call(c, 'GET', '/api/v1/auth/me'), rd = await call(d, 'GET', '/api/v1/auth/me');
    assert.equal(rc.status, 429, 'C knows of D\'s requests');
    assert.equal(rd.status, 429, 'D knows of C\'s requests');
    assert.ok(Number(rc.headers.get('retry-after')) >= 1);
  } finally { await c.stop(); await d.stop(); }
});
