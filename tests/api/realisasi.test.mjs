// Realisasi per IKI per month with capaian, its review, and feedback threads (issue 5).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, tokenFor, isProblem, count, sql } from './lib.mjs';

let srv, T = {}, ctx = {};
const get = async (tok, path) => (await call(srv, 'GET', path, { token: tok })).json;
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];

before(async () => {
  srv = await startServer({ pegawai: 40 });
  for (const r of ['atasan', 'pegawai', 'admin']) T[r] = tokenFor(srv, r);
  ctx.pegawai = (await get(T.pegawai, '/api/v1/auth/me')).pegawai;
  const p = await get(T.admin, `/api/v1/pegawai/${ctx.pegawai.id}`);
  T.kasi = tokenFor(srv, p.atasan.nip);
  const year = new Date().toISOString().slice(0, 4);
  const items = (await get(T.pegawai, `/api/v1/skp?pegawai_id=${ctx.pegawai.id}&tahun=${year}`)).items;
  ctx.skp = items[items.length - 1].id;
  ctx.sheet = await get(T.pegawai, `/api/v1/skp/${ctx.skp}/realisasi?bulan=3`);
  ctx.iki = ctx.sheet.items[0];
  sql(srv, `DELETE FROM realisasi WHERE skp_id = ${ctx.skp} AND bulan = 3`);
});
after(async () => { await srv?.stop(); });

test('the month sheet lists every IKI with its target', async () => {
  const s = ctx.sheet;
  assert.equal(s.bulan, 3);
  assert.ok(s.items.length >= 2);
  assert.ok(s.items.every((i) => i.iki_id && i.indikator && i.target_angka && i.rhk.rhk));
  isProblem(assert, await call(srv, 'GET', `/api/v1/skp/${ctx.skp}/realisasi?bulan=13`, { token: T.pegawai }), 422, 'bulan');
});

test('save realisasi, capaian computed exactly, submit, return with a note, fix, approve', async () => {
  const iki = ctx.iki.iki_id;
  const before = [count(srv, 'realisasi'), count(srv, 'audit_log')];
  isProblem(assert, await call(srv, 'PUT', `/api/v1/iki/${iki}/realisasi/3`, { token: T.pegawai, body: { nilai_angka: 'sepuluh' } }), 422, 'nilai_angka');
  isProblem(assert, await call(srv, 'PUT', `/api/v1/iki/${iki}/realisasi/3`, { token: T.pegawai, body: { nilai_teks: 'baik' } }), 422, 'nilai_angka');
  isProblem(assert, await call(srv, 'PUT', `/api/v1/iki/${iki}/realisasi/3`, { token: T.kasi, body: { nilai_angka: '1' } }), 403);
  isProblem(assert, await call(srv, 'POST', `/api/v1/skp/${ctx.skp}/realisasi/3/ajukan`, { token: T.pegawai }), 422, 'bulan');
  assert.deepEqual([count(srv, 'realisasi'), count(srv, 'audit_log')], before);
  const target = Number(ctx.iki.target_angka);
  let r = await call(srv, 'PUT', `/api/v1/iki/${iki}/realisasi/3`, { token: T.pegawai, body: { nilai_angka: '1', catatan: 'Laporan Maret selesai' } });
  assert.equal(r.status, 200, r.text);
  const row = r.json.items.find((x) => x.iki_id === iki);
  assert.equal(row.status, 'draft');
  assert.equal(row.capaian_persen, (Math.round((1 / target) * 10000) / 100).toFixed(2));
  r = await call(srv, 'POST', `/api/v1/skp/${ctx.skp}/realisasi/3/ajukan`, { token: T.pegawai });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.items.find((x) => x.iki_id === iki).status, 'diajukan');
  isProblem(assert, await call(srv, 'PUT', `/api/v1/iki/${iki}/realisasi/3`, { token: T.pegawai, body: { nilai_angka: '2' } }), 409);
  const queue = (await get(T.kasi, '/api/v1/realisasi?penilai=saya&status=diajukan')).items;
  const mine = queue.find((q) => q.skp_id === ctx.skp && q.bulan === 3);
  assert.ok(mine);
  isProblem(assert, await call(srv, 'POST', `/api/v1/realisasi/${mine.id}/setujui`, { token: T.pegawai }), 403);
  isProblem(assert, await call(srv, 'POST', `/api/v1/realisasi/${mine.id}/kembalikan`, { token: T.kasi, body: {} }), 422, 'catatan');
  r = await call(srv, 'POST', `/api/v1/realisasi/${mine.id}/kembalikan`, { token: T.kasi, body: { catatan: 'Lampirkan bukti laporan.' } });
  assert.equal(r.status, 200, r.text);
  const inbox = await get(T.pegawai, '/api/v1/notifikasi');
  assert.ok(inbox.items.some((n) => /Lampirkan bukti/.test(n.isi)));
  r = await call(srv, 'PUT', `/api/v1/iki/${iki}/realisasi/3`, { token: T.pegawai, body: { nilai_angka: '1', catatan: 'Bukti dilampirkan' } });
  assert.equal(r.status, 200, r.text);
  await call(srv, 'POST', `/api/v1/skp/${ctx.skp}/realisasi/3/ajukan`, { token: T.pegawai });
  r = await call(srv, 'POST', `/api/v1/realisasi/${mine.id}/setujui`, { token: T.kasi });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.items.find((x) => x.id === mine.id).status, 'disetujui');
  isProblem(assert, await call(srv, 'POST', `/api/v1/realisasi/${mine.id}/setujui`, { token: T.kasi }), 409);
});

test('feedback threads between pegawai and penilai, replies, dialog kinerja notes', async () => {
  let r = await call(srv, 'POST', '/api/v1/umpan-balik', { token: T.kasi,
    body: { entitas: 'rhk', entitas_id: ctx.iki.rhk.id, isi: 'Bagus, pertahankan ketepatan waktu laporan.' } });
  assert.equal(r.status, 201, r.text);
  const first = r.json.id;
  r = await call(srv, 'POST', '/api/v1/umpan-balik', { token: T.pegawai,
    body: { entitas: 'rhk', entitas_id: ctx.iki.rhk.id, induk_id: first, isi: 'Terima kasih, Pak.' } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.items.length, 2);
  assert.equal(r.json.items[1].induk_id, first);
  r = await call(srv, 'POST', '/api/v1/umpan-balik', { token: T.kasi,
    body: { entitas: 'skp', entitas_id: ctx.skp, jenis: 'dialog_kinerja', isi: 'Dialog kinerja triwulan I: target on track.' } });
  isProblem(assert, r, 422, 'tanggal');
  r = await call(srv, 'POST', '/api/v1/umpan-balik', { token: T.kasi,
    body: { entitas: 'skp', entitas_id: ctx.skp, jenis: 'dialog_kinerja', tanggal: '2026-04-02', isi: 'Dialog kinerja triwulan I: target on track.' } });
  assert.equal(r.status, 201, r.text);
  // the atasan up the chain may join; someone outside may not even read
  r = await call(srv, 'POST', '/api/v1/umpan-balik', { token: T.atasan, body: { entitas: 'skp', entitas_id: ctx.skp, isi: 'Setuju dengan catatan Kasi.' } });
  assert.equal(r.status, 201, r.text);
  const outsider = tokenFor(srv, one(`SELECT nip FROM pegawai WHERE atasan_id IS NOT NULL AND id NOT IN (SELECT id FROM pegawai WHERE atasan_id = ${ctx.pegawai.id}) AND instansi_id = (SELECT instansi_id FROM pegawai WHERE id = ${ctx.pegawai.id}) ORDER BY id DESC LIMIT 1`).nip);
  isProblem(assert, await call(srv, 'GET', `/api/v1/umpan-balik?entitas=skp&entitas_id=${ctx.skp}`, { token: outsider }), 403);
  isProblem(assert, await call(srv, 'POST', '/api/v1/umpan-balik', { token: T.admin, body: { entitas: 'skp', entitas_id: ctx.skp, isi: 'Admin bukan peserta' } }), 403);
  isProblem(assert, await call(srv, 'POST', '/api/v1/umpan-balik', { token: T.kasi, body: { entitas: 'lain', entitas_id: 1, isi: 'x y' } }), 422, 'entitas');
  const thread = await get(T.pegawai, `/api/v1/umpan-balik?entitas=skp&entitas_id=${ctx.skp}`);
  assert.equal(thread.items.length, 2);
  assert.equal(thread.items[0].jenis, 'dialog_kinerja');
});
