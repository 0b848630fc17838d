// PostgreSQL month partitions (issue 12 part 3, sql/pg/031_partisi.sql, src/partisi.c): the
// server keeps partitions ahead; activities and presensi at month boundaries, far in the past
// and far in the future are stored (never refused for want of a partition), land in their
// month's partition (rows outside every partition are split out of the default one by the
// server's next pass), a month-bounded query reads one partition, an edit that moves an
// activity to another month keeps the rollups right, the bukti reference holds, a burst of
// writes stays under PostgreSQL's cached subtransactions, and the audit chain verifies.  PostgreSQL only (make check-pg and the PG smoke of make check).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { PG, startServer, call, tokenFor, sql, psql, kinerja } from './lib.mjs';

const skip = !PG && 'PostgreSQL only (make check-pg)';
let srv, T = {}, ctx = {};
const rows = (q) => JSON.parse(sql(srv, q) || '[]');
const one = (q) => rows(q)[0];
const iso = (d) => d.toISOString().slice(0, 10);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const bulan = (tgl) => tgl.slice(0, 4) + tgl.slice(5, 7);
const partisiDari = (tabel, where) => one(`SELECT tableoid::regclass::text AS p FROM ${tabel} WHERE ${where}`)?.p;
const anak = (tabel) => rows(`SELECT c.relname AS n FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
  WHERE i.inhparent = '${tabel}'::regclass ORDER BY 1`).map((r) => r.n);
async function tunggu(cek, what) {
  for (let i = 0; i < 200; i++) { if (cek()) return; await sleep(100); }
  assert.fail(`waited 20 s for ${what}`);
}

before(async () => {
  if (skip) return;
  // a pass every second, six months ahead
  srv = await startServer({ pegawai: 60, extraArgs: ['--partition-ahead', '5', '--partition-interval', '1'] });
  for (const r of ['admin', 'pegawai']) T[r] = tokenFor(srv, r);
  ctx.pegawai = (await call(srv, 'GET', '/api/v1/auth/me', { token: T.pegawai })).json.pegawai;
  // log a year back, on any day
  const r = await call(srv, 'PATCH', '/api/v1/pengaturan', { token: T.admin, body: { hari_mundur: 366, akhir_pekan: true, hari_libur: true } });
  assert.equal(r.status, 200, r.text);
});
after(async () => { await srv?.stop(); });

test('the server keeps this month and --partition-ahead months after it', { skip }, () => {
  const d = new Date();
  const want = [];
  for (let i = 0; i <= 5; i++) {
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + i, 1));
    want.push(iso(m).slice(0, 7).replace('-', ''));
  }
  for (const t of ['aktivitas', 'audit_log', 'presensi']) {
    const have = anak(t);
    assert.ok(have.includes(`${t}_default`), `${t}: ${have}`);
    for (const m of want) assert.ok(have.includes(`${t}_p${m}`), `${t}_p${m} missing: ${have}`);
  }
});

test('activities at month boundaries and a year back land in their month partitions', { skip }, async () => {
  const today = new Date(Date.now() + 7 * 3600e3);
  const first = iso(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)));
  const lastPrev = iso(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0)));
  const yearBack = iso(new Date(today.getTime() - 360 * 86400e3));
  // a month the demo has no activity in: its partition is missing until the server splits it
  sql(srv, `DELETE FROM aktivitas WHERE pegawai_id = ${ctx.pegawai.id} AND tanggal IN ('${first}', '${lastPrev}', '${yearBack}')`);
  ctx.ids = {};
  for (const tanggal of [lastPrev, first, yearBack]) {
    const r = await call(srv, 'POST', '/api/v1/aktivitas', { token: T.pegawai,
      body: { tanggal, jam_mulai: '08:00', jam_selesai: '09:00', uraian: `Menyusun rekap ${tanggal}` } });
    assert.equal(r.status, 201, r.text);
    ctx.ids[tanggal] = r.json.id;
  }
  ctx.yearBack = yearBack;
  await tunggu(() => Number(one('SELECT COUNT(*) AS n FROM aktivitas_default').n) === 0, 'the default partition to be split');
  for (const [tanggal, id] of Object.entries(ctx.ids)) {
    assert.equal(partisiDari('aktivitas', `id = ${id}`), `aktivitas_p${bulan(tanggal)}`, tanggal);
    const r = await call(srv, 'GET', `/api/v1/aktivitas/${id}`, { token: T.pegawai });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.tanggal, tanggal);
  }
  // the month list still reads through the partitioned table
  const r = await call(srv, 'GET', `/api/v1/aktivitas?dari=${first}&sampai=${first}`, { token: T.pegawai });
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json.items.some((a) => a.id === ctx.ids[first]), r.text);
});

test('a row far in the future or the past goes to the default partition first, then its own', { skip }, async () => {
  // the API refuses future activities; a batch or a migration may still write them
  sql(srv, `INSERT INTO aktivitas (instansi_id, pegawai_id, tanggal, menit, uraian, sumber, dibuat, diubah)
    SELECT instansi_id, id, '2999-12-31', 30, 'jauh di depan', 'batch', 0, 0 FROM pegawai WHERE id = ${ctx.pegawai.id}`);
  sql(srv, `INSERT INTO aktivitas (instansi_id, pegawai_id, tanggal, menit, uraian, sumber, dibuat, diubah)
    SELECT instansi_id, id, '1899-01-02', 30, 'jauh di belakang', 'batch', 0, 0 FROM pegawai WHERE id = ${ctx.pegawai.id}`);
  await tunggu(() => partisiDari('aktivitas', "uraian = 'jauh di depan'") === 'aktivitas_p299912', 'aktivitas_p299912');
  // before 1970 stays in the default partition: stored, readable, never split
  assert.equal(partisiDari('aktivitas', "uraian = 'jauh di belakang'"), 'aktivitas_default');
  assert.equal(Number(one(`SELECT COUNT(*) AS n FROM aktivitas WHERE tanggal < '1900-01-01'`).n), 1);
  sql(srv, `DELETE FROM aktivitas WHERE uraian IN ('jauh di depan', 'jauh di belakang')`);
});

test('presensi at month boundaries, far past and far future', { skip }, async () => {
  const nip = (await call(srv, 'GET', `/api/v1/pegawai/${ctx.pegawai.id}`, { token: T.admin })).json.nip;
  const days = ['2026-01-31', '2026-02-01', '2026-02-28', '2026-03-01', '1999-12-31', '2098-01-01'];
  const r = await call(srv, 'POST', '/api/v1/presensi', { token: T.admin,
    body: { items: days.map((tanggal) => ({ nip, tanggal, masuk: '07:30', pulang: '16:00' })) } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.disimpan, days.length);
  await tunggu(() => days.every((d) => partisiDari('presensi', `pegawai_id = ${ctx.pegawai.id} AND tanggal = '${d}'`) === `presensi_p${bulan(d)}`),
    'presensi in month partitions');
  // the upsert (ON CONFLICT on the partitioned key) updates in place
  const again = await call(srv, 'POST', '/api/v1/presensi', { token: T.admin, body: { items: [{ nip, tanggal: '2098-01-01', masuk: '08:00', pulang: '16:00' }] } });
  assert.equal(again.status, 200, again.text);
  assert.equal(one(`SELECT masuk FROM presensi WHERE pegawai_id = ${ctx.pegawai.id} AND tanggal = '2098-01-01'`).masuk, '08:00');
});

test('moving an activity to another month keeps the monthly rollups exact', { skip }, async () => {
  const id = ctx.ids[ctx.yearBack];
  const today = new Date(Date.now() + 7 * 3600e3);
  const target = iso(new Date(today.getTime() - 200 * 86400e3));
  sql(srv, `DELETE FROM aktivitas WHERE pegawai_id = ${ctx.pegawai.id} AND tanggal = '${target}'`);
  const r = await call(srv, 'PATCH', `/api/v1/aktivitas/${id}`, { token: T.pegawai, body: { tanggal: target } });
  assert.equal(r.status, 200, r.text);
  await tunggu(() => partisiDari('aktivitas', `id = ${id}`) === `aktivitas_p${bulan(target)}`, 'the row in its new month');
  const beda = rows(`SELECT b.pegawai_id, b.bulan FROM aktivitas_bulan b FULL JOIN
      (SELECT pegawai_id, substr(tanggal, 1, 7) AS bulan, COUNT(*) AS jumlah, SUM(menit) AS menit FROM aktivitas WHERE dihapus = 0 GROUP BY 1, 2) a
      ON a.pegawai_id = b.pegawai_id AND a.bulan = b.bulan
    WHERE COALESCE(a.jumlah, 0) <> COALESCE(b.jumlah, 0) OR COALESCE(a.menit, 0) <> COALESCE(b.menit, 0)`);
  assert.deepEqual(beda, []);
});

// sql/pg/036: versi_data and unit_versi move once per transaction (not once per statement: a
// long transaction would walk every version of the row), a savepoint rolled back takes its bump
// along (so the next write of the transaction bumps again), and the month rollups stay exact
test('hot rows: one version bump per transaction, undone with its savepoint; rollups exact', { skip }, () => {
  const lagi = one(`SELECT count(*) AS n FROM pg_proc WHERE prorettype = 'trigger'::regtype
    AND prosrc LIKE '%UPDATE versi_data SET n = n + 1 WHERE id = 1;%'`);
  assert.equal(Number(lagi.n), 0, 'a trigger function still bumps versi_data per statement');
  // a database that ran 036 before it had the shared month helpers gets them at the next start
  psql(srv.db, 'DROP FUNCTION kinerja_unit_bulan_tambah(bigint, text, bigint, bigint)');
  assert.match(kinerja(['migrate', '--db', srv.db]), /0 migrasi diterapkan/);
  assert.equal(one(`SELECT string_agg(proname, ',' ORDER BY proname) AS f FROM pg_proc
    WHERE prosrc ~ 'PERFORM kinerja_(pegawai|unit)_bulan_tambah[(]'`).f,
    'aktivitas_bulan_tambah_fn,aktivitas_bulan_ubah_fn,aktivitas_unit_bulan_tambah_fn,aktivitas_unit_bulan_ubah_fn');
  assert.equal(one(`SELECT to_regproc('kinerja_unit_bulan_tambah') IS NOT NULL AS ada`).ada, true);
  const a = one(`SELECT a.id, p.unit_kerja_id AS unit FROM aktivitas a JOIN pegawai p ON p.id = a.pegawai_id
    WHERE a.pegawai_id = ${ctx.pegawai.id} AND a.dihapus = 0 ORDER BY a.id LIMIT 1`);
  const salin = `INSERT INTO aktivitas (instansi_id, pegawai_id, penilai_id, skp_id, rhk_id, tanggal, menit, uraian, status, sumber, dibuat, diubah)
    SELECT instansi_id, pegawai_id, penilai_id, skp_id, rhk_id, tanggal, 7, 'uji baris panas', status, sumber, dibuat, diubah FROM aktivitas WHERE id = ${a.id};`;
  const angka = `SELECT 'v=' || n FROM versi_data; SELECT 'u=' || COALESCE((SELECT n FROM unit_versi WHERE unit_kerja_id = ${a.unit}), 0);`;
  // under kinerja's write lock (db_pg.c WRITE_LOCK): no server write in between
  const out = execFileSync('psql', ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', srv.db, '-f', '-'], { encoding: 'utf8', input:
    `BEGIN; SELECT 'kunci' FROM (SELECT pg_advisory_xact_lock(${0x6b696e6a})) k; ${angka}
     SAVEPOINT a; ${salin} ROLLBACK TO a;
     SAVEPOINT b; ${salin} RELEASE b; ${salin} ${salin} ${angka} COMMIT;` });
  const v = [...out.matchAll(/^v=(\d+)$/gm)].map((m) => Number(m[1]));
  const u = [...out.matchAll(/^u=(\d+)$/gm)].map((m) => Number(m[1]));
  assert.deepEqual([v[1] - v[0], u[1] - u[0]], [1, 1], out);
  psql(srv.db, salin);
  assert.equal(Number(one('SELECT n FROM versi_data').n), v[1] + 1);
  assert.equal(Number(one(`SELECT count(*) AS n FROM aktivitas WHERE uraian = 'uji baris panas'`).n), 4);
  const beda = rows(`SELECT b.pegawai_id, b.bulan FROM aktivitas_bulan b FULL JOIN
      (SELECT pegawai_id, substr(tanggal, 1, 7) AS bulan, COUNT(*) AS jumlah, SUM(menit) AS menit FROM aktivitas WHERE dihapus = 0 GROUP BY 1, 2) a
      ON a.pegawai_id = b.pegawai_id AND a.bulan = b.bulan
    WHERE COALESCE(a.jumlah, 0) <> COALESCE(b.jumlah, 0) OR COALESCE(a.menit, 0) <> COALESCE(b.menit, 0)`);
  assert.deepEqual(beda, []);
  const bedaUnit = rows(`SELECT u.unit_kerja_id, u.bulan FROM aktivitas_unit_bulan u FULL JOIN
      (SELECT p.unit_kerja_id, b.bulan, SUM(b.jumlah) AS jumlah, SUM(b.menit) AS menit, SUM(CASE WHEN b.jumlah > 0 THEN 1 ELSE 0 END) AS pegawai
         FROM aktivitas_bulan b JOIN pegawai p ON p.id = b.pegawai_id WHERE p.unit_kerja_id IS NOT NULL GROUP BY 1, 2) r
      ON r.unit_kerja_id = u.unit_kerja_id AND r.bulan = u.bulan
    WHERE COALESCE(r.jumlah, 0) <> COALESCE(u.jumlah, 0) OR COALESCE(r.menit, 0) <> COALESCE(u.menit, 0)
       OR COALESCE(r.pegawai, 0) <> COALESCE(u.pegawai, 0)`);
  assert.deepEqual(bedaUnit, []);
});

test('bukti keeps referring to an activity across partitions; a missing activity is refused', { skip }, async () => {
  const id = ctx.ids[ctx.yearBack];
  const r = await call(srv, 'POST', '/api/v1/bukti/tautan', { token: T.pegawai, body: { url: 'https://contoh.go.id/laporan', nama: 'Laporan', aktivitas_id: id } });
  assert.equal(r.status, 201, r.text);
  assert.throws(() => psql(srv.db, `INSERT INTO bukti (instansi_id, pegawai_id, jenis, nama, url, aktivitas_id, dibuat)
    SELECT instansi_id, id, 'tautan', 'x', 'https://a.id', 987654321, 0 FROM pegawai WHERE id = ${ctx.pegawai.id}`), /violates reference to aktivitas/);
  assert.throws(() => psql(srv.db, `DELETE FROM aktivitas WHERE id IN (SELECT aktivitas_id FROM bukti WHERE aktivitas_id IS NOT NULL)`), /still referenced/);
});

test('a month-bounded query reads one partition (pruning)', { skip }, () => {
  const m = new Date();
  const dari = iso(new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth(), 1)));
  const sampai = iso(new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1)));
  const plan = psql(srv.db, `EXPLAIN SELECT pegawai_id, SUM(menit) FROM aktivitas WHERE tanggal >= '${dari}' AND tanggal < '${sampai}' GROUP BY 1`);
  const scanned = [...new Set([...plan.matchAll(/aktivitas_(p\d{6}|default)/g)].map((x) => x[0]))];
  assert.deepEqual(scanned, [`aktivitas_p${bulan(dari)}`], plan);
  const t0 = Date.UTC(m.getUTCFullYear(), m.getUTCMonth(), 1), t1 = Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1);
  const plan2 = psql(srv.db, `EXPLAIN SELECT COUNT(*) FROM audit_log WHERE waktu >= ${t0} AND waktu < ${t1}`);
  const scanned2 = [...new Set([...plan2.matchAll(/audit_log_(p\d{6}|default)/g)].map((x) => x[0]))];
  assert.deepEqual(scanned2, [`audit_log_p${bulan(dari)}`], plan2);
});

// The group-commit writer runs each request in two nested savepoints; PostgreSQL caches 64
// subtransaction ids per backend and logs an XLOG_XACT_ASSIGNMENT record when a transaction
// reaches them (past them its snapshots, and the replica's, are "suboverflowed").  A burst of
// concurrent writes (batches of up to 256 before) must stay under it: src/db/penulis.c caps a
// PostgreSQL batch at 30 requests.  Read in the cluster's WAL with pg_waldump.
test('a burst of writes never takes a transaction to 64 subtransactions', { skip }, async () => {
  const dir = process.env.KINERJA_PG_DIR;
  const lsn = (f) => psql(srv.db, `SELECT ${f}()`).trim();
  const penulis = async () => {
    const m = (await call(srv, 'GET', '/metrics')).text;
    return ['tugas', 'batch'].map((j) => Number(m.match(new RegExp(`kinerja_penulis_total\\{jenis="${j}"\\} (\\d+)`))[1]));
  };
  const l0 = lsn('pg_current_wal_insert_lsn');
  const [t0, b0] = await penulis();
  const hari = (i) => iso(new Date(Date.now() + 7 * 3600e3 - (i + 1) * 86400e3));
  const rs = await Promise.all(Array.from({ length: 96 }, (_, i) => call(srv, 'POST', '/api/v1/aktivitas',
    { token: T.pegawai, body: { tanggal: hari(i % 60), menit: 1, uraian: `Ledakan tulisan ${i}` } })));
  assert.deepEqual([...new Set(rs.map((r) => r.status))], [201], rs.find((r) => r.status !== 201)?.text);
  const [t1, b1] = await penulis();
  assert.ok(t1 - t0 >= 96 && b1 - b0 >= Math.ceil((t1 - t0) / 30), `${t1 - t0} writes in ${b1 - b0} batches`);
  const l1 = lsn('pg_current_wal_insert_lsn');
  await tunggu(() => psql(srv.db, `SELECT pg_current_wal_flush_lsn() >= '${l1}'::pg_lsn`).trim() === 't', 'the WAL written');
  const as = process.getuid?.() === 0 ? ['runuser', '-u', 'kinerjatest', '--'] : [];
  const cmd = [...as, '/usr/lib/postgresql/15/bin/pg_waldump', '-p', `${dir}/data/pg_wal`, '-r', 'Transaction', '-s', l0, '-e', l1];
  const out = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8' }).stdout;
  assert.match(out, /desc: COMMIT/, 'the burst is in the WAL read');
  assert.doesNotMatch(out, /desc: ASSIGNMENT/);
});

test('the audit chain verifies over the partitioned audit_log', { skip }, () => {
  assert.match(kinerja(['audit', 'verify', '--db', srv.db]), /Rantai audit utuh/);
  assert.ok(Number(one('SELECT COUNT(*) AS n FROM audit_log').n) > 0);
});

test('a database made before migration 031 is converted: rows, rollups, ids and the chain kept', { skip }, () => {
  const name = `partisi_lama_${process.pid}`;
  const db = `${PG}/${name}`;
  psql(`${PG}/postgres`, `CREATE DATABASE ${name}`);
  try {
    kinerja(['demo', '--db', db, '--pegawai', '10'], { env: { ...process.env, KINERJA_MIGRASI_SAMPAI: '30' } });
    const q = `SELECT (SELECT COUNT(*) FROM aktivitas) AS a, (SELECT SUM(menit) FROM aktivitas) AS m, (SELECT MAX(id) FROM aktivitas) AS ma,
      (SELECT COUNT(*) FROM audit_log) AS l, (SELECT MAX(hash) FROM audit_log) AS h, (SELECT COUNT(*) FROM presensi) AS p,
      (SELECT SUM(jumlah) FROM aktivitas_bulan) AS b, (SELECT COUNT(*) FROM bukti) AS k`;
    const before = psql(db, q);
    assert.equal(psql(db, "SELECT COUNT(*) FROM pg_partitioned_table").trim(), '0');
    assert.match(kinerja(['migrate', '--db', db]), /[1-9] migrasi diterapkan/);
    assert.equal(psql(db, q), before);
    assert.equal(psql(db, "SELECT string_agg(partrelid::regclass::text, ',' ORDER BY 1) FROM pg_partitioned_table").trim(), 'aktivitas,audit_log,presensi');
    assert.equal(psql(db, 'SELECT COUNT(*) FROM aktivitas_default').trim(), '0');   // every month got its partition
    // new ids continue after the copied ones
    const next = psql(db, `INSERT INTO aktivitas (instansi_id, pegawai_id, tanggal, menit, uraian, dibuat, diubah)
      SELECT instansi_id, id, '2026-11-02', 10, 'baru', 0, 0 FROM pegawai ORDER BY id LIMIT 1 RETURNING id`).trim();
    assert.ok(Number(next) > Number(JSON.parse(`[${before.split('|')[2]}]`)[0]), `${next} after ${before}`);
    assert.match(kinerja(['audit', 'verify', '--db', db]), /Rantai audit utuh/);
  } finally {
    psql(`${PG}/postgres`, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
});
