// The group-commit writer (issue 13, src/db/penulis.c, src/http/antre.c): many activity writes
// sent at once are committed together, yet every request gets its own answer: valid ones 201,
// bad ones their 422, a retried Idempotency-Key the first answer, the same key with another body
// a 422; the daily-minutes rule holds across requests of one batch; the audit chain verifies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, tokenFor, count, sql } from './lib.mjs';

let srv, T = {}, pegawai = [];
const iso = (d) => d.toISOString().slice(0, 10);
const day = (back) => iso(new Date(Date.now() + 7 * 3600e3 - back * 86400e3));

before(async () => {
  srv = await startServer({ pegawai: 40 });
  T.admin = tokenFor(srv, 'admin');
  T.auditor = tokenFor(srv, 'auditor');
  const r = await call(srv, 'PATCH', '/api/v1/pengaturan', { token: T.admin,
    body: { hari_mundur: 60, akhir_pekan: true, hari_libur: true, menit_maks_harian: 480 } });
  assert.equal(r.status, 200, r.text);
  const inst = JSON.parse(sql(srv, "SELECT p.instansi_id AS i FROM pengguna u JOIN pegawai p ON p.id = u.pegawai_id WHERE u.username = 'admin'"))[0].i;
  const rows = JSON.parse(sql(srv, `SELECT p.id, p.nip FROM pegawai p JOIN pengguna u ON u.pegawai_id = p.id
    WHERE u.peran = 0 AND p.aktif = 1 AND p.instansi_id = ${inst} ORDER BY p.id LIMIT 8`));
  for (const p of rows) pegawai.push({ ...p, token: tokenFor(srv, p.nip) });
  // days 20-29 back start empty for these pegawai
  sql(srv, `DELETE FROM aktivitas WHERE pegawai_id IN (${rows.map((p) => p.id).join(',')}) AND tanggal BETWEEN '${day(29)}' AND '${day(20)}'`);
});
after(async () => { await srv?.stop(); });

const post = (p, body, key) => call(srv, 'POST', '/api/v1/aktivitas', { token: p.token, body,
  headers: key ? { 'idempotency-key': key } : {} });

test('concurrent writes: each request answered for itself, stored once, audit chain whole', async () => {
  const before = count(srv, 'aktivitas');
  const uraian = 'Menyusun konsep surat dinas';
  const jobs = [];
  // 48 valid activities of 10 minutes
  for (let i = 0; i < 48; i++) jobs.push({ kind: 'ok', p: pegawai[i % 8], body: { tanggal: day(20 + (i % 5)), menit: 10, uraian } });
  // 8 bad ones
  for (let i = 0; i < 8; i++) jobs.push({ kind: 'bad', p: pegawai[i], body: { tanggal: day(21), menit: 0, uraian } });
  // 4 keys sent twice with the same body: one activity each, the same answer twice
  for (let i = 0; i < 4; i++) {
    const body = { tanggal: day(26), menit: 15, uraian: `Rapat koordinasi ${i}` };
    for (let k = 0; k < 2; k++) jobs.push({ kind: 'idem', key: `kunci-sama-${i}-0001`, p: pegawai[i], body });
  }
  // one key with two different bodies: one 201, one 422
  jobs.push({ kind: 'lain', key: 'kunci-lain-00001', p: pegawai[5], body: { tanggal: day(27), menit: 5, uraian } });
  jobs.push({ kind: 'lain', key: 'kunci-lain-00001', p: pegawai[5], body: { tanggal: day(27), menit: 6, uraian } });
  // one pegawai, one day, six times 100 minutes against a limit of 480: four fit
  for (let i = 0; i < 6; i++) jobs.push({ kind: 'batas', p: pegawai[7], body: { tanggal: day(28), menit: 100, uraian } });

  const res = await Promise.all(jobs.map((j) => post(j.p, j.body, j.key)));
  const of = (kind) => res.filter((_, i) => jobs[i].kind === kind);

  for (const r of of('ok')) { assert.equal(r.status, 201, r.text); assert.equal(r.json.menit, 10); }
  for (const r of of('bad')) { assert.equal(r.status, 422, r.text); assert.ok(r.json.errors.some((e) => e.field === 'menit'), r.text); }
  const idem = of('idem');
  for (let i = 0; i < 4; i++) {
    const [a, b] = [idem[2 * i], idem[2 * i + 1]];
    assert.equal(a.status, 201, a.text);
    assert.equal(b.status, 201, b.text);
    assert.equal(a.json.id, b.json.id, 'a retried key answers the first activity');
    assert.equal([a, b].filter((r) => r.headers.get('idempotent-replayed') === 'true').length, 1);
  }
  assert.deepEqual(of('lain').map((r) => r.status).sort(), [201, 422]);
  const batas = of('batas');
  assert.equal(batas.filter((r) => r.status === 201).length, 4, batas.map((r) => r.status).join(','));
  assert.equal(batas.filter((r) => r.status === 422 || r.status === 409).length, 2, batas.map((r) => r.text).join('\n'));

  const created = new Set(res.filter((r) => r.status === 201).map((r) => r.json.id));
  assert.equal(created.size, 48 + 4 + 1 + 4);
  assert.equal(count(srv, 'aktivitas') - before, created.size);
  const minutes = JSON.parse(sql(srv, `SELECT sum(menit) AS m FROM aktivitas WHERE pegawai_id = ${pegawai[7].id} AND tanggal = '${day(28)}'`))[0].m;
  assert.equal(minutes, 400);
  // every created activity has its one audit record, and the chain verifies
  const audited = JSON.parse(sql(srv, `SELECT count(*) AS n FROM audit_log WHERE aksi = 'aktivitas.create' AND entitas_id IN (${[...created].join(',')})`))[0].n;
  assert.equal(audited, created.size);
  const v = await call(srv, 'GET', '/api/v1/audit/verify', { token: T.auditor });
  assert.equal(v.status, 200, v.text);
  assert.equal(v.json.utuh, true, v.text);

  // the writer ran them, several to a transaction
  const m = (await call(srv, 'GET', '/metrics')).text;
  const tugas = Number(m.match(/kinerja_penulis_total\{jenis="tugas"\} (\d+)/)[1]);
  const batch = Number(m.match(/kinerja_penulis_total\{jenis="batch"\} (\d+)/)[1]);
  assert.ok(tugas >= jobs.length, m);
  assert.ok(batch < tugas, `batches ${batch} for ${tugas} writes`);
});
