// The innovation register (issue 15 part 3) and recognition (issue 14 part 5): recording with
// bad input refused (nothing stored), the atasan's validation and return with a note, one's own
// validation refused, validated innovations in the penilaian and as the PP 30/2019 innovation
// condition, evidence in the bukti store, lists by stage with filters and pages, the XLSX recap;
// rules, candidates, the piagam, and consent deciding what colleagues see.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, call, tokenFor, isProblem, count, sql } from './lib.mjs';

let srv, T = {}, ctx = {};
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];
const ide = (extra = {}) => ({ judul: 'Antrean daring layanan legalisir', masalah: 'Orang tua antre berjam-jam di loket dinas.',
  layanan: 'Layanan legalisir ijazah', tahap: 'diuji_coba', ...extra });

before(async () => {
  srv = await startServer({ pegawai: 40, extraArgs: ['--data-dir', mkdtempSync(join(tmpdir(), 'kinerja-inovasi-data-'))] });
  for (const r of ['pegawai', 'atasan', 'admin', 'pimpinan', 'admin2', 'superadmin']) T[r] = tokenFor(srv, r);
  ctx.pegawai = one("SELECT pegawai_id AS id FROM pengguna WHERE username = 'pegawai'").id;
  ctx.kasi = one(`SELECT atasan_id AS id FROM pegawai WHERE id = ${ctx.pegawai}`).id;
  T.kasi = tokenFor(srv, one(`SELECT nip FROM pegawai WHERE id = ${ctx.kasi}`).nip);
  ctx.outside = one(`SELECT p.id, p.nip FROM pegawai p WHERE p.instansi_id = (SELECT instansi_id FROM pegawai WHERE id = ${ctx.pegawai})
    AND p.unit_kerja_id <> (SELECT unit_kerja_id FROM pegawai WHERE id = ${ctx.pegawai}) AND p.atasan_id IS NOT NULL
    AND p.id NOT IN (SELECT pegawai_id FROM pengguna WHERE pegawai_id IS NOT NULL AND username <> (SELECT nip FROM pegawai WHERE id = pengguna.pegawai_id))
    ORDER BY p.id DESC LIMIT 1`);
  T.outside = tokenFor(srv, ctx.outside.nip);
  ctx.tahun = Number(new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 4));
});
after(async () => { await srv?.stop(); });

test('recording: bad input is 422 per field with Indonesian messages, nothing stored', async () => {
  const before = count(srv, 'inovasi');
  const cases = [
    [{ ...ide(), judul: 'abc' }, 'judul'],
    [{ ...ide(), tahap: 'selesai' }, 'tahap'],
    [{ ...ide(), masalah: undefined }, 'masalah'],
    [{ ...ide(), warna: 'merah' }, 'warna'],
    [{ ...ide(), dampak: { indikator: 'Waktu layanan', sebelum: '14', satuan: 'hari' } }, 'dampak.sesudah'],
    [{ ...ide(), dampak: { indikator: 'Waktu layanan', sebelum: '-3', sesudah: '2', satuan: 'hari' } }, 'dampak.sebelum'],
    [{ ...ide(), dampak: { indikator: 'Waktu layanan', sebelum: 'empat belas', sesudah: '2', satuan: 'hari' } }, 'dampak.sebelum'],
    [{ ...ide(), dampak: 'cepat' }, 'dampak'],
  ];
  for (const [body, field] of cases) {
    const r = await call(srv, 'POST', '/api/v1/inovasi', { token: T.pegawai, body });
    isProblem(assert, r, 422, field);
    assert.match(r.json.errors.find((e) => e.field === field).message, /wajib|harus|tidak dikenal|panjang/);
  }
  const sa = await call(srv, 'POST', '/api/v1/inovasi', { token: T.superadmin, body: ide() });
  isProblem(assert, sa, 422, 'pegawai');
  assert.equal(count(srv, 'inovasi'), before);
});

test('record -> atasan notified; own validation 403; outside the chain 403; return needs a note; edit and validate', async () => {
  const notif0 = count(srv, 'notifikasi', `WHERE pegawai_id = ${ctx.kasi}`);
  const r = await call(srv, 'POST', '/api/v1/inovasi', { token: T.pegawai,
    body: ide({ dampak: { indikator: 'Waktu tunggu', sebelum: '120', sesudah: '15', satuan: 'menit' } }) });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.status, 'diajukan');
  assert.equal(r.json.dampak.sebelum, '120');
  assert.equal(r.json.dampak.perubahan_persen, -87.5);
  ctx.inov = r.json.id;
  assert.equal(count(srv, 'notifikasi', `WHERE pegawai_id = ${ctx.kasi}`), notif0 + 1);
  // validating one's own innovation
  const own = await call(srv, 'POST', `/api/v1/inovasi/${ctx.inov}/validasi`, { token: T.pegawai });
  isProblem(assert, own, 403);
  assert.match(own.json.detail, /sendiri/);
  // a colleague outside the chain and an admin
  isProblem(assert, await call(srv, 'POST', `/api/v1/inovasi/${ctx.inov}/validasi`, { token: T.outside }), 403);
  isProblem(assert, await call(srv, 'POST', `/api/v1/inovasi/${ctx.inov}/validasi`, { token: T.admin }), 403);
  // return without a note / with an unknown member
  isProblem(assert, await call(srv, 'POST', `/api/v1/inovasi/${ctx.inov}/kembalikan`, { token: T.kasi, body: {} }), 422, 'catatan');
  isProblem(assert, await call(srv, 'POST', `/api/v1/inovasi/${ctx.inov}/kembalikan`, { token: T.kasi, body: { catatan: 'Lengkapi', x: 1 } }), 422, 'x');
  const back = await call(srv, 'POST', `/api/v1/inovasi/${ctx.inov}/kembalikan`, { token: T.kasi, body: { catatan: 'Lengkapi jumlah orang tua yang dilayani.' } });
  assert.equal(back.status, 200, back.text);
  assert.equal(back.json.status, 'dikembalikan');
  assert.equal(back.json.catatan, 'Lengkapi jumlah orang tua yang dilayani.');
  isProblem(assert, await call(srv, 'POST', `/api/v1/inovasi/${ctx.inov}/validasi`, { token: T.kasi }), 409);
  // only the owner edits; the edit sends it back to be validated
  isProblem(assert, await call(srv, 'PATCH', `/api/v1/inovasi/${ctx.inov}`, { token: T.kasi, body: { tahap: 'diterapkan' } }), 403);
  const ed = await call(srv, 'PATCH', `/api/v1/inovasi/${ctx.inov}`, { token: T.pegawai, body: { tahap: 'diterapkan', masalah: 'Sekitar 300 orang tua per bulan antre berjam-jam di loket.' } });
  assert.equal(ed.status, 200, ed.text);
  assert.equal(ed.json.status, 'diajukan');
  assert.equal(ed.json.tahap, 'diterapkan');
  // the Kabid (above the Kasi) validates: someone above in the chain, not only the direct atasan
  const ok = await call(srv, 'POST', `/api/v1/inovasi/${ctx.inov}/validasi`, { token: T.atasan, body: { catatan: 'Bagus, replikasi ke bidang lain.' } });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.status, 'divalidasi');
  assert.equal(ok.json.tahun, ctx.tahun);
  assert.match(ok.json.tanggal_validasi, /^\d{4}-\d{2}-\d{2}$/);
  isProblem(assert, await call(srv, 'POST', `/api/v1/inovasi/${ctx.inov}/validasi`, { token: T.atasan }), 409);
  isProblem(assert, await call(srv, 'DELETE', `/api/v1/inovasi/${ctx.inov}`, { token: T.pegawai }), 409);
  const audit = JSON.parse(sql(srv, `SELECT aksi FROM audit_log WHERE entitas = 'inovasi' AND entitas_id = ${ctx.inov} ORDER BY id`)).map((x) => x.aksi);
  assert.deepEqual(audit, ['inovasi.buat', 'inovasi.kembalikan', 'inovasi.ubah', 'inovasi.validasi']);
});

test('validated innovations appear in the penilaian and satisfy the PP 30/2019 innovation condition', async () => {
  const skp = one(`SELECT s.id FROM skp s JOIN periode p ON p.id = s.periode_id WHERE s.pegawai_id = ${ctx.pegawai} AND p.tahun = ${ctx.tahun} AND s.status = 'disetujui'`).id;
  const pn = await call(srv, 'POST', `/api/v1/skp/${skp}/penilaian`, { token: T.kasi, body: { jenis: 'tahunan' } });
  assert.equal(pn.status, 201, pn.text);
  const g = await call(srv, 'GET', `/api/v1/penilaian/${pn.json.id}`, { token: T.kasi });
  assert.equal(g.status, 200);
  assert.ok(g.json.inovasi.some((i) => i.id === ctx.inov && i.tahap === 'diterapkan'), JSON.stringify(g.json.inovasi));
  // PP 30/2019: 115/112 is in the Sangat Baik range; without an innovation it is Baik
  const tanpa = await call(srv, 'POST', '/api/v1/hitung/pp30', { token: T.kasi, body: { skp: 115, perilaku: 112 } });
  assert.equal(tanpa.json.predikat, 'Baik');
  const dgn = await call(srv, 'POST', '/api/v1/hitung/pp30', { token: T.kasi, body: { skp: 115, perilaku: 112, pegawai_id: ctx.pegawai, tahun: ctx.tahun } });
  assert.equal(dgn.status, 200, dgn.text);
  assert.equal(dgn.json.predikat, 'Sangat Baik');
  assert.ok(dgn.json.inovasi_tervalidasi.jumlah >= 1);
  // another year without validated innovations stays Baik
  const lain = await call(srv, 'POST', '/api/v1/hitung/pp30', { token: T.kasi, body: { skp: 115, perilaku: 112, pegawai_id: ctx.pegawai, tahun: 2001 } });
  assert.equal(lain.json.predikat, 'Baik');
  assert.equal(lain.json.inovasi_tervalidasi.jumlah, 0);
  isProblem(assert, await call(srv, 'POST', '/api/v1/hitung/pp30', { token: T.kasi, body: { skp: 115, perilaku: 112, pegawai_id: ctx.pegawai } }), 422, 'tahun');
  isProblem(assert, await call(srv, 'POST', '/api/v1/hitung/pp30', { token: T.outside, body: { skp: 115, perilaku: 112, pegawai_id: ctx.pegawai, tahun: ctx.tahun } }), 403);
});

test('evidence of an innovation lives in the bukti store; only the owner attaches', async () => {
  const r = await call(srv, 'POST', '/api/v1/bukti/tautan', { token: T.pegawai, body: { url: 'https://arsip.example.go.id/inovasi/1', nama: 'Foto loket', inovasi_id: ctx.inov } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.inovasi_id, ctx.inov);
  const pdf = Buffer.from('%PDF-1.7\n% bukti inovasi\n%%EOF\n');
  const up = await call(srv, 'POST', `/api/v1/bukti?nama=laporan.pdf&inovasi_id=${ctx.inov}`, { token: T.pegawai, raw: pdf, type: 'application/pdf' });
  assert.equal(up.status, 201, up.text);
  isProblem(assert, await call(srv, 'POST', '/api/v1/bukti/tautan', { token: T.kasi, body: { url: 'https://a.go.id/x', nama: 'Bukan milik', inovasi_id: ctx.inov } }), 403);
  isProblem(assert, await call(srv, 'POST', '/api/v1/bukti/tautan', { token: T.pegawai, body: { url: 'https://a.go.id/x', nama: 'Ganda', inovasi_id: ctx.inov, aktivitas_id: 1 } }), 422);
  const list = await call(srv, 'GET', `/api/v1/bukti?inovasi_id=${ctx.inov}`, { token: T.kasi });
  assert.equal(list.status, 200);
  assert.equal(list.json.items.length, 2);
  assert.equal((await call(srv, 'GET', `/api/v1/bukti?inovasi_id=${ctx.inov}`, { token: T.outside })).status, 403);
  assert.equal((await call(srv, 'GET', `/api/v1/inovasi/${ctx.inov}`, { token: T.pegawai })).json.bukti_jumlah, 2);
});

test('lists by stage: scope, filters, counts per stage, pages, search and bad filters', async () => {
  const all = await call(srv, 'GET', `/api/v1/inovasi?tahun=${ctx.tahun}&limit=200`, { token: T.admin });
  assert.equal(all.status, 200);
  const sum = Object.values(all.json.per_tahap).reduce((a, b) => a + b, 0);
  assert.equal(sum, all.json.total);
  assert.equal(all.json.items.length, all.json.total);
  const ditr = await call(srv, 'GET', `/api/v1/inovasi?tahun=${ctx.tahun}&tahap=diterapkan`, { token: T.admin });
  assert.ok(ditr.json.items.every((i) => i.tahap === 'diterapkan'));
  assert.equal(ditr.json.total, all.json.per_tahap.diterapkan);
  // pages
  const p1 = await call(srv, 'GET', `/api/v1/inovasi?tahun=${ctx.tahun}&limit=2&urut=judul`, { token: T.admin });
  const p2 = await call(srv, 'GET', `/api/v1/inovasi?tahun=${ctx.tahun}&limit=2&offset=2&urut=judul`, { token: T.admin });
  assert.equal(p1.json.items.length, 2);
  assert.ok(!p2.json.items.some((i) => p1.json.items.some((j) => j.id === i.id)));
  // a unit view includes sub-units
  const unit = one(`SELECT unit_kerja_id AS id FROM pegawai WHERE id = ${ctx.kasi}`).id;
  const u = await call(srv, 'GET', `/api/v1/inovasi?unit_kerja_id=${unit}`, { token: T.pimpinan });
  assert.ok(u.json.items.some((i) => i.id === ctx.inov));
  // a pegawai sees their own; a colleague outside the chain does not see it
  const own = await call(srv, 'GET', '/api/v1/inovasi?sebagai=saya', { token: T.pegawai });
  assert.ok(own.json.items.every((i) => i.pegawai.id === ctx.pegawai));
  const out = await call(srv, 'GET', '/api/v1/inovasi?limit=200', { token: T.outside });
  assert.ok(!out.json.items.some((i) => i.id === ctx.inov));
  // search
  const q = await call(srv, 'GET', `/api/v1/inovasi?q=${encodeURIComponent('legalisir')}`, { token: T.admin });
  assert.ok(q.json.items.length >= 1 && q.json.items.every((i) => /legalisir/i.test(i.judul + i.masalah + i.layanan + i.pegawai.nama)));
  // the validator's queue: the Kasi sees the waiting demo innovation of the pegawai, never their own
  const antre = await call(srv, 'GET', '/api/v1/inovasi?sebagai=validator', { token: T.kasi });
  assert.ok(antre.json.items.length >= 1);
  assert.ok(antre.json.items.every((i) => i.status === 'diajukan' && i.pegawai.id !== ctx.kasi));
  for (const [qs, field] of [['tahap=selesai', 'tahap'], ['status=x', 'status'], ['tahun=19', 'tahun'], ['urut=acak', 'urut'], ['offset=-1', 'offset'], ['sebagai=kepala', 'sebagai']])
    isProblem(assert, await call(srv, 'GET', `/api/v1/inovasi?${qs}`, { token: T.admin }), 422, field);
  isProblem(assert, await call(srv, 'GET', `/api/v1/inovasi?pegawai_id=${ctx.pegawai}`, { token: T.admin2 }), 403);
});

test('the recap XLSX has one row per innovation and the counts per stage', async () => {
  const r = await fetch(`${srv.url}/api/v1/inovasi/rekap.xlsx?tahun=${ctx.tahun}`, { headers: { authorization: `Bearer ${T.admin}` } });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /spreadsheetml/);
  const buf = Buffer.from(await r.arrayBuffer());
  assert.equal(buf.subarray(0, 2).toString(), 'PK');
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-rekap-'));
  writeFileSync(join(dir, 'r.xlsx'), buf);
  const shared = execFileSync('unzip', ['-p', join(dir, 'r.xlsx'), 'xl/sharedStrings.xml'], { encoding: 'utf8' });
  assert.match(shared, /Antrean daring layanan legalisir/);
  assert.match(shared, /Per tahap|Jumlah inovasi per tahap/);
  isProblem(assert, await call(srv, 'GET', '/api/v1/inovasi/rekap.xlsx?tahap=x', { token: T.admin }), 422, 'tahap');
});

test('recognition: rules with bad input, candidates, piagam by the pimpinan, once', async () => {
  for (const [body, field] of [[{ nama: 'Aturan', jenis: 'x', jumlah: 1 }, 'jenis'], [{ nama: 'Aturan uji', jenis: 'inovasi_tahun', jumlah: 0 }, 'jumlah'],
    [{ jenis: 'inovasi_tahun', jumlah: 1 }, 'nama'], [{ nama: 'Aturan uji', jenis: 'inovasi_tahun', jumlah: 1, warna: 1 }, 'warna']])
    isProblem(assert, await call(srv, 'POST', '/api/v1/penghargaan/aturan', { token: T.admin, body }), 422, field);
  isProblem(assert, await call(srv, 'POST', '/api/v1/penghargaan/aturan', { token: T.admin, body: { nama: 'Inovator Pelayanan Publik', jenis: 'inovasi_tahun', jumlah: 1 } }), 409);
  const aturan = (await call(srv, 'GET', '/api/v1/penghargaan/aturan', { token: T.pimpinan })).json.items.find((a) => a.jenis === 'inovasi_tahun');
  const k = await call(srv, 'GET', `/api/v1/penghargaan/kandidat?tahun=${ctx.tahun}`, { token: T.pimpinan });
  assert.equal(k.status, 200);
  const kand = k.json.items.find((x) => x.pegawai.id === ctx.pegawai && x.aturan.id === aturan.id);
  assert.ok(kand, JSON.stringify(k.json.items));
  assert.equal(kand.penghargaan_id, null);
  assert.match(kand.alasan, /inovasi tervalidasi/);
  // a pegawai who meets no rule, a bad year, the admin
  const bukan = one(`SELECT id FROM pegawai WHERE instansi_id = (SELECT instansi_id FROM pegawai WHERE id = ${ctx.pegawai}) AND id NOT IN (SELECT pegawai_id FROM inovasi) LIMIT 1`).id;
  isProblem(assert, await call(srv, 'POST', '/api/v1/penghargaan', { token: T.pimpinan, body: { aturan_id: aturan.id, pegawai_id: bukan, tahun: ctx.tahun } }), 409);
  isProblem(assert, await call(srv, 'POST', '/api/v1/penghargaan', { token: T.pimpinan, body: { aturan_id: aturan.id, pegawai_id: ctx.pegawai, tahun: 1999 } }), 422, 'tahun');
  isProblem(assert, await call(srv, 'POST', '/api/v1/penghargaan', { token: T.admin, body: { aturan_id: aturan.id, pegawai_id: ctx.pegawai, tahun: ctx.tahun } }), 403);
  const before = count(srv, 'penghargaan');
  const r = await call(srv, 'POST', '/api/v1/penghargaan', { token: T.pimpinan, body: { aturan_id: aturan.id, pegawai_id: ctx.pegawai, tahun: ctx.tahun } });
  assert.equal(r.status, 201, r.text);
  assert.match(r.json.nomor, new RegExp(`^PGH/${ctx.tahun}/\\d{4}$`));
  assert.equal(r.json.persetujuan, false);
  ctx.piagam = r.json.id;
  assert.equal(count(srv, 'penghargaan'), before + 1);
  assert.equal(count(srv, 'audit_log', `WHERE aksi = 'penghargaan.terbitkan' AND entitas_id = ${ctx.piagam}`), 1);
  isProblem(assert, await call(srv, 'POST', '/api/v1/penghargaan', { token: T.pimpinan, body: { aturan_id: aturan.id, pegawai_id: ctx.pegawai, tahun: ctx.tahun } }), 409);
  const k2 = await call(srv, 'GET', `/api/v1/penghargaan/kandidat?tahun=${ctx.tahun}`, { token: T.pimpinan });
  assert.equal(k2.json.items.find((x) => x.pegawai.id === ctx.pegawai && x.aturan.id === aturan.id).penghargaan_id, ctx.piagam);
  // the piagam PDF names the pegawai
  const pdf = await fetch(`${srv.url}/api/v1/penghargaan/${ctx.piagam}/piagam.pdf`, { headers: { authorization: `Bearer ${T.pegawai}` } });
  assert.equal(pdf.status, 200);
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-piagam-'));
  writeFileSync(join(dir, 'p.pdf'), Buffer.from(await pdf.arrayBuffer()));
  const text = execFileSync('pdftotext', [join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
  const nama = one(`SELECT nama FROM pegawai WHERE id = ${ctx.pegawai}`).nama;
  assert.match(text, /PIAGAM PENGHARGAAN/);
  assert.ok(text.includes(nama), text);
  assert.ok(text.includes(r.json.nomor));
});

test('consent: colleagues see a piagam only after the pegawai agrees; superiors always', async () => {
  const seen = async (tok) => (await call(srv, 'GET', '/api/v1/penghargaan?limit=200', { token: tok })).json.items.some((g) => g.id === ctx.piagam);
  assert.equal(await seen(T.outside), false, 'colleague before consent');
  assert.equal(await seen(T.kasi), true, 'atasan');
  assert.equal(await seen(T.pimpinan), true, 'pimpinan');
  assert.equal((await fetch(`${srv.url}/api/v1/penghargaan/${ctx.piagam}/piagam.pdf`, { headers: { authorization: `Bearer ${T.outside}` } })).status, 403);
  isProblem(assert, await call(srv, 'PUT', `/api/v1/penghargaan/${ctx.piagam}/persetujuan`, { token: T.kasi, body: { setuju: true } }), 403);
  isProblem(assert, await call(srv, 'PUT', `/api/v1/penghargaan/${ctx.piagam}/persetujuan`, { token: T.pegawai, body: { setuju: 'ya' } }), 422, 'setuju');
  const ok = await call(srv, 'PUT', `/api/v1/penghargaan/${ctx.piagam}/persetujuan`, { token: T.pegawai, body: { setuju: true } });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.persetujuan, true);
  assert.equal(await seen(T.outside), true, 'colleague after consent');
  assert.equal(await seen(T.admin2), false, 'never another instansi');
  const back = await call(srv, 'PUT', `/api/v1/penghargaan/${ctx.piagam}/persetujuan`, { token: T.pegawai, body: { setuju: false } });
  assert.equal(back.json.persetujuan, false);
  assert.equal(await seen(T.outside), false, 'colleague after withdrawal');
});
