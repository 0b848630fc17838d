// SKP planning (issue 4): workflow, cascading, refusals, revisions, matriks, documents,
// periods, templates, assignment, mutasi, status report.  Every refusal leaves nothing changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, tokenFor, isProblem, count, sql } from './lib.mjs';

let srv, T = {}, ctx = {};
const YEAR = Number(new Date().toISOString().slice(0, 4));
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];
const get = async (tok, path) => (await call(srv, 'GET', path, { token: tok })).json;
const iki = (over = {}) => ({ aspek: 'kuantitas', indikator: 'Jumlah laporan yang disusun', target_angka: '12', target_satuan: 'laporan', ...over });
const state = () => [count(srv, 'skp'), count(srv, 'rhk'), count(srv, 'iki'), count(srv, 'audit_log'),
  sql(srv, 'SELECT group_concat(status || revisi) FROM skp')];

before(async () => {
  srv = await startServer({ pegawai: 60 });
  for (const r of ['admin', 'pimpinan', 'atasan', 'pegawai', 'admin2']) T[r] = tokenFor(srv, r);
  const me = async (r) => (await call(srv, 'GET', '/api/v1/auth/me', { token: T[r] })).json.pegawai;
  ctx.atasan = await me('atasan');
  ctx.pegawai = await me('pegawai');
  const pAtasan = await get(T.admin, `/api/v1/pegawai/${ctx.atasan.id}`);
  ctx.kadisNip = pAtasan.atasan.nip;
  T.kadis = tokenFor(srv, ctx.kadisNip);
  const pPeg = await get(T.admin, `/api/v1/pegawai/${ctx.pegawai.id}`);
  ctx.kasiId = pPeg.atasan.id;
  T.kasi = tokenFor(srv, pPeg.atasan.nip);
  ctx.skpOf = async (tok, pid) => (await get(tok, `/api/v1/skp?pegawai_id=${pid}&tahun=${YEAR}`)).items[0].id;
});
after(async () => { await srv?.stop(); });

test('the demo gives cascaded, approved SKP with the seven BerAKHLAK values', async () => {
  const s = await get(T.pegawai, `/api/v1/skp/${await ctx.skpOf(T.pegawai, ctx.pegawai.id)}`);
  assert.equal(s.status, 'disetujui');
  assert.equal(s.jenis, 'ja_jf');
  assert.equal(s.penilai.id, ctx.kasiId);
  assert.ok(s.rhk.filter((r) => r.kelompok === 'utama').every((r) => r.rhk_atasan && r.iki.length > 0));
  assert.equal(s.perilaku.length, 7);
  assert.equal(s.perilaku[0].nama, 'Berorientasi Pelayanan');
  assert.equal(s.perilaku[1].panduan.length, 3);
  assert.ok(s.tanda_tangan && s.tanda_tangan.penilai.nip);
  assert.deepEqual(s.aksi, ['revisi']);
  const statuses = JSON.parse(sql(srv, 'SELECT status, COUNT(*) AS n FROM skp GROUP BY status')).map((r) => r.status);
  for (const st of ['disetujui', 'diajukan', 'dikembalikan']) assert.ok(statuses.includes(st), st);
});

test('return with notes, fix, resubmit, approve; nobody approves their own SKP', async () => {
  const queue = (await get(T.atasan, '/api/v1/skp?penilai=saya&status=diajukan')).items;
  assert.ok(queue.length >= 1);
  const id = queue[0].id;
  const nip = queue[0].pegawai.nip;
  const owner = tokenFor(srv, nip);
  const s0 = await get(T.atasan, `/api/v1/skp/${id}`);
  assert.ok(s0.aksi.includes('setujui') && s0.aksi.includes('kembalikan') && s0.aksi.includes('ekspektasi'));
  // the owner cannot approve; a stranger cannot even read it
  let before = state();
  let r = await call(srv, 'POST', `/api/v1/skp/${id}/setujui`, { token: owner });
  isProblem(assert, r, 403);
  assert.match(r.json.detail, /sendiri/);
  r = await call(srv, 'POST', `/api/v1/skp/${id}/setujui`, { token: T.pegawai });
  isProblem(assert, r, 403);
  // a return needs a catatan; per-row notes must name rows of this SKP
  r = await call(srv, 'POST', `/api/v1/skp/${id}/kembalikan`, { token: T.atasan, body: {} });
  isProblem(assert, r, 422, 'catatan');
  r = await call(srv, 'POST', `/api/v1/skp/${id}/kembalikan`, { token: T.atasan, body: { catatan: 'x', baris: [{ rhk_id: 999999, catatan: 'y' }] } });
  isProblem(assert, r, 422, 'baris[0]');
  assert.deepEqual(state(), before);
  const row = s0.rhk[0];
  r = await call(srv, 'POST', `/api/v1/skp/${id}/kembalikan`, { token: T.atasan,
    body: { catatan: 'Target belum sesuai rencana bidang.', baris: [{ rhk_id: row.id, catatan: 'Naikkan menjadi 15 laporan.' }] } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'dikembalikan');
  assert.equal(r.json.catatan, 'Target belum sesuai rencana bidang.');
  assert.equal(r.json.rhk.find((x) => x.id === row.id).catatan, 'Naikkan menjadi 15 laporan.');
  // the owner fixes and resubmits; the row note clears on edit
  r = await call(srv, 'PATCH', `/api/v1/rhk/${row.id}`, { token: owner, body: { iki: [iki({ target_angka: '15' })] } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.rhk.find((x) => x.id === row.id).catatan, null);
  assert.equal((await call(srv, 'POST', `/api/v1/skp/${id}/ajukan`, { token: owner })).json.status, 'diajukan');
  r = await call(srv, 'POST', `/api/v1/skp/${id}/setujui`, { token: T.atasan });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'disetujui');
  const log = JSON.parse(sql(srv, `SELECT aksi FROM audit_log WHERE entitas = 'skp' AND entitas_id = ${id} ORDER BY id`)).map((x) => x.aksi);
  assert.deepEqual(log.slice(-3), ['skp.kembalikan', 'skp.ajukan', 'skp.setujui']);
  assert.ok(log.includes('skp.kembalikan') && log.includes('skp.setujui'));
  // an approved SKP is locked: edits need a revision
  before = state();
  r = await call(srv, 'PATCH', `/api/v1/rhk/${row.id}`, { token: owner, body: { rhk: 'Diubah diam-diam' } });
  isProblem(assert, r, 409);
  assert.match(r.json.detail, /revisi/);
  assert.deepEqual(state(), before);
});

test('bad RHK input: every field error, nothing stored', async () => {
  const id = await ctx.skpOf(T.kasi, ctx.kasiId);
  let r = await call(srv, 'POST', `/api/v1/skp/${id}/revisi`, { token: T.kasi });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'draft');
  assert.equal(r.json.revisi, 1);
  const picker = await get(T.kasi, `/api/v1/skp/${id}/rhk-atasan`);
  assert.ok(picker.items.length > 0);
  const sekdaRhk = one(`SELECT r.id FROM rhk r JOIN skp s ON s.id = r.skp_id JOIN pengguna u ON u.pegawai_id = s.pegawai_id WHERE u.username = 'pimpinan' LIMIT 1`).id;
  const before = state();
  const bad = [
    [{ rhk: 'Tanpa IKI' }, 'iki'],
    [{ rhk: '', iki: [iki()] }, 'rhk'],
    [{ rhk: 'Aspek salah', iki: [iki({ aspek: 'mutu' })] }, 'iki[0].aspek'],
    [{ rhk: 'Target bukan angka', iki: [iki({ target_angka: 'dua belas' })] }, 'iki[0].target_angka'],
    [{ rhk: 'Target boolean', iki: [iki({ target_angka: true })] }, 'iki[0].target_angka'],
    [{ rhk: 'Tanpa satuan', iki: [iki({ target_satuan: '' })] }, 'iki[0].target_satuan'],
    [{ rhk: 'Tanpa indikator', iki: [iki({ indikator: '' })] }, 'iki[0].indikator'],
    [{ rhk: 'Pernyataan pada kuantitatif', iki: [iki({ target_teks: 'Baik' })] }, 'iki[0].target_teks'],
    [{ rhk: 'RHK atasan lain', rhk_atasan_id: sekdaRhk, iki: [iki()] }, 'rhk_atasan_id'],
    [{ rhk: 'Kelompok salah', kelompok: 'lain', iki: [iki()] }, 'kelompok'],
    [{ rhk: 'Bobot salah', bobot: 150, iki: [iki()] }, 'bobot'],
    [{ rhk: 'Perspektif pada JA', perspektif: 'anggaran', iki: [iki()] }, 'perspektif'],
    [{ rhk: 'Kolom asing', warna: 'merah', iki: [iki()] }, 'warna'],
  ];
  for (const [body, field] of bad) isProblem(assert, await call(srv, 'POST', `/api/v1/skp/${id}/rhk`, { token: T.kasi, body }), 422, field);
  assert.deepEqual(state(), before);
  // a utama row without intervensi can be drafted but not submitted
  r = await call(srv, 'POST', `/api/v1/skp/${id}/rhk`, { token: T.kasi, body: { rhk: 'Terlaksananya supervisi kurikulum', iki: [iki()] } });
  assert.equal(r.status, 201, r.text);
  const added = r.json.rhk.find((x) => x.rhk === 'Terlaksananya supervisi kurikulum');
  r = await call(srv, 'POST', `/api/v1/skp/${id}/ajukan`, { token: T.kasi });
  isProblem(assert, r, 422, `rhk[${added.id}].rhk_atasan_id`);
  r = await call(srv, 'PATCH', `/api/v1/rhk/${added.id}`, { token: T.kasi, body: { rhk_atasan_id: picker.items[0].id } });
  assert.equal(r.status, 200, r.text);
  // the diff against the approved version shows the new row
  const diff = await get(T.kasi, `/api/v1/skp/${id}/diff`);
  assert.equal(diff.dibanding_revisi, 0);
  assert.ok(diff.rhk.some((d) => d.jenis === 'ditambah' && d.sesudah.id === added.id));
  // bobot, once used, must be complete and sum to 100
  r = await call(srv, 'PATCH', `/api/v1/rhk/${added.id}`, { token: T.kasi, body: { bobot: 40 } });
  assert.equal(r.status, 200);
  isProblem(assert, await call(srv, 'POST', `/api/v1/skp/${id}/ajukan`, { token: T.kasi }), 422, 'bobot');
  await call(srv, 'PATCH', `/api/v1/rhk/${added.id}`, { token: T.kasi, body: { bobot: null } });
  assert.equal((await call(srv, 'POST', `/api/v1/skp/${id}/ajukan`, { token: T.kasi })).json.status, 'diajukan');
  assert.equal((await call(srv, 'POST', `/api/v1/skp/${id}/setujui`, { token: T.atasan })).json.status, 'disetujui');
  const rev = await get(T.kasi, `/api/v1/skp/${id}/revisi`);
  assert.deepEqual(rev.items.map((x) => x.revisi), [1, 0]);
});

test('an atasan RHK that bawahan intervene cannot be renamed or deleted, only its targets change', async () => {
  const id = await ctx.skpOf(T.atasan, ctx.atasan.id);
  const s = await get(T.atasan, `/api/v1/skp/${id}`);
  const used = one(`SELECT r.rhk_atasan_id AS id FROM rhk r JOIN rhk a ON a.id = r.rhk_atasan_id WHERE a.skp_id = ${id} LIMIT 1`).id;
  assert.equal((await call(srv, 'POST', `/api/v1/skp/${id}/revisi`, { token: T.atasan })).status, 200);
  const before = state();
  let r = await call(srv, 'PATCH', `/api/v1/rhk/${used}`, { token: T.atasan, body: { rhk: 'Nama baru' } });
  isProblem(assert, r, 409);
  assert.match(r.json.detail, /diintervensi/);
  r = await call(srv, 'DELETE', `/api/v1/rhk/${used}`, { token: T.atasan });
  isProblem(assert, r, 409);
  assert.deepEqual(state(), before);
  const cur = s.rhk.find((x) => x.id === used).iki.map(({ aspek, indikator, target_angka, target_satuan }) => ({ aspek, indikator, target_angka, target_satuan }));
  // an IKI that already has realisasi cannot be dropped; changing targets keeps every IKI
  if (cur.length > 1) isProblem(assert, await call(srv, 'PATCH', `/api/v1/rhk/${used}`, { token: T.atasan, body: { iki: [cur[0]] } }), 422, 'iki[1]');
  r = await call(srv, 'PATCH', `/api/v1/rhk/${used}`, { token: T.atasan, body: { iki: [{ ...cur[0], target_angka: '4' }, ...cur.slice(1)] } });
  assert.equal(r.status, 200, r.text);
  assert.equal((await call(srv, 'POST', `/api/v1/skp/${id}/ajukan`, { token: T.atasan })).json.status, 'diajukan');
  r = await call(srv, 'POST', `/api/v1/skp/${id}/setujui`, { token: T.kadis });
  assert.equal(r.json.status, 'disetujui', r.text);
  assert.equal(r.json.revisi, s.revisi + 1);
});

test('matriks peran hasil: atasan RHK x bawahan, with the gaps', async () => {
  const id = await ctx.skpOf(T.atasan, ctx.atasan.id);
  const m = await get(T.atasan, `/api/v1/skp/${id}/matriks`);
  assert.ok(m.rhk.length >= 1);
  const bawahan = m.bawahan.map((b) => b.pegawai.id);
  assert.ok(bawahan.includes(ctx.kasiId));
  assert.ok(m.sel.some((c) => c.pegawai_id === ctx.kasiId));
  for (const c of m.sel) assert.ok(m.rhk.some((r) => r.id === c.rhk_atasan_id));
  assert.ok(Array.isArray(m.rhk_tanpa_kontributor) && Array.isArray(m.bawahan_tanpa_rhk_utama));
  const withRows = new Set(m.sel.filter((c) => c.kelompok === 'utama').map((c) => c.pegawai_id));
  for (const b of m.bawahan_tanpa_rhk_utama) assert.ok(!withRows.has(b));
  // a pegawai outside the atasan's chain cannot see it
  isProblem(assert, await call(srv, 'GET', `/api/v1/skp/${id}/matriks`, { token: T.pegawai }), 403);
});

test('new SKP: copy from last year, duplicates refused, JPT rows need a perspektif', async () => {
  const old = await ctx.skpOf(T.pegawai, ctx.pegawai.id);
  let r = await call(srv, 'POST', '/api/v1/skp', { token: T.pegawai, body: { tahun: YEAR + 1, salin_dari: old } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.status, 'draft');
  assert.equal(r.json.periode.tahun, YEAR + 1);
  const src = await get(T.pegawai, `/api/v1/skp/${old}`);
  assert.equal(r.json.rhk.length, src.rhk.length);
  assert.ok(r.json.rhk.every((x) => x.rhk_atasan === null), 'links to last year are dropped');
  const before = state();
  r = await call(srv, 'POST', '/api/v1/skp', { token: T.pegawai, body: { tahun: YEAR + 1 } });
  isProblem(assert, r, 409);
  r = await call(srv, 'POST', '/api/v1/skp', { token: T.pegawai, body: { tahun: 1990 } });
  isProblem(assert, r, 422, 'tahun');
  r = await call(srv, 'POST', '/api/v1/skp', { token: T.pegawai, body: { tahun: YEAR + 2, salin_dari: await ctx.skpOf(T.atasan, ctx.atasan.id) } });
  isProblem(assert, r, 422, 'salin_dari');
  assert.deepEqual(state(), before);
  r = await call(srv, 'POST', '/api/v1/skp', { token: T.kadis, body: { tahun: YEAR + 1 } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.jenis, 'jpt');
  assert.equal(r.json.pendekatan, 'kuantitatif');
  isProblem(assert, await call(srv, 'POST', `/api/v1/skp/${r.json.id}/rhk`, { token: T.kadis, body: { rhk: 'Meningkatnya mutu pendidikan', iki: [iki()] } }), 422, 'perspektif');
  const ok = await call(srv, 'POST', `/api/v1/skp/${r.json.id}/rhk`, { token: T.kadis, body: { rhk: 'Meningkatnya mutu pendidikan', perspektif: 'penerima_layanan', iki: [iki()] } });
  assert.equal(ok.status, 201, ok.text);
  isProblem(assert, await call(srv, 'PATCH', `/api/v1/skp/${r.json.id}`, { token: T.kadis, body: { pendekatan: 'kualitatif' } }), 422, 'pendekatan');
});

test('kualitatif targets are statements', async () => {
  const r = await call(srv, 'POST', '/api/v1/skp', { token: T.atasan, body: { tahun: YEAR + 1, pendekatan: 'kualitatif' } });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  isProblem(assert, await call(srv, 'POST', `/api/v1/skp/${id}/rhk`, { token: T.atasan, body: { rhk: 'Terbinanya sekolah dasar', iki: [iki()] } }), 422, 'iki[0].aspek');
  const ok = await call(srv, 'POST', `/api/v1/skp/${id}/rhk`, { token: T.atasan,
    body: { rhk: 'Terbinanya sekolah dasar', iki: [{ indikator: 'Kualitas pembinaan', target_teks: 'Pembinaan terlaksana di seluruh SD sesuai jadwal' }] } });
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.json.rhk[0].iki[0].target, 'Pembinaan terlaksana di seluruh SD sesuai jadwal');
});

test('a closed period refuses every change until it is reopened', async () => {
  let r = await call(srv, 'POST', '/api/v1/periode', { token: T.admin, body: { tahun: YEAR + 5, siklus: 'semesteran', batas_skp: `${YEAR + 5}-01-31` } });
  assert.equal(r.status, 201, r.text);
  const pid = r.json.id;
  isProblem(assert, await call(srv, 'POST', '/api/v1/periode', { token: T.admin, body: { tahun: YEAR + 5 } }), 422, 'tahun');
  isProblem(assert, await call(srv, 'POST', '/api/v1/periode', { token: T.admin, body: { tahun: YEAR + 6, siklus: 'mingguan' } }), 422, 'siklus');
  r = await call(srv, 'POST', '/api/v1/skp', { token: T.pegawai, body: { tahun: YEAR + 5 } });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  assert.equal((await call(srv, 'PATCH', `/api/v1/periode/${pid}`, { token: T.admin, body: { status: 'ditutup' } })).status, 200);
  const before = state();
  r = await call(srv, 'POST', `/api/v1/skp/${id}/rhk`, { token: T.pegawai, body: { rhk: 'Sesuatu', iki: [iki()] } });
  isProblem(assert, r, 409);
  assert.match(r.json.detail, /ditutup/);
  isProblem(assert, await call(srv, 'POST', '/api/v1/skp', { token: T.atasan, body: { tahun: YEAR + 5 } }), 409);
  assert.deepEqual(state(), before);
  assert.deepEqual((await get(T.pegawai, `/api/v1/skp/${id}`)).aksi, []);
  assert.equal((await call(srv, 'PATCH', `/api/v1/periode/${pid}`, { token: T.admin, body: { status: 'terbuka' } })).status, 200);
  assert.equal((await call(srv, 'POST', `/api/v1/skp/${id}/rhk`, { token: T.pegawai, body: { rhk: 'Sesuatu', iki: [iki()] } })).status, 201);
  assert.ok(count(srv, 'audit_log', "WHERE aksi IN ('periode.tutup', 'periode.buka')") >= 2);
});

test('Dokumen SKP as PDF and XLSX; the command line writes the same', async () => {
  const id = await ctx.skpOf(T.pegawai, ctx.pegawai.id);
  let res = await fetch(`${srv.url}/api/v1/skp/${id}/dokumen.pdf`, { headers: { authorization: `Bearer ${T.pegawai}` } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  assert.match(res.headers.get('content-disposition'), /attachment; filename="SKP-\d{18}-\d{4}(-r\d+)?\.pdf"/);
  const pdf = Buffer.from(await res.arrayBuffer());
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  res = await fetch(`${srv.url}/api/v1/skp/${id}/dokumen.xlsx`, { headers: { authorization: `Bearer ${T.pegawai}` } });
  assert.equal(res.status, 200);
  assert.equal(Buffer.from(await res.arrayBuffer()).subarray(0, 2).toString(), 'PK');
  res = await fetch(`${srv.url}/api/v1/skp/999999/dokumen.pdf`, { headers: { authorization: `Bearer ${T.pegawai}` } });
  assert.equal(res.status, 404);
});

test('RHK templates per jabatan and assigning one atasan RHK to many bawahan', async () => {
  const jab = (await get(T.admin, `/api/v1/pegawai/${ctx.pegawai.id}`)).jabatan.id;
  isProblem(assert, await call(srv, 'POST', `/api/v1/jabatan/${jab}/templat-rhk`, { token: T.admin, body: { rhk: '', iki: [] } }), 422, 'rhk');
  let r = await call(srv, 'POST', `/api/v1/jabatan/${jab}/templat-rhk`, { token: T.admin,
    body: { rhk: 'Terkelolanya arsip layanan', iki: [iki({ indikator: 'Jumlah arsip yang ditata' })] } });
  assert.equal(r.status, 201, r.text);
  const tid = r.json.id;
  assert.ok((await get(T.pegawai, `/api/v1/jabatan/${jab}/templat-rhk`)).items.some((t) => t.id === tid));
  const draft = (await get(T.pegawai, `/api/v1/skp?pegawai_id=${ctx.pegawai.id}&tahun=${YEAR + 1}`)).items[0].id;
  r = await call(srv, 'POST', `/api/v1/skp/${draft}/rhk`, { token: T.pegawai, body: { templat_id: tid } });
  assert.equal(r.status, 201, r.text);
  assert.ok(r.json.rhk.some((x) => x.rhk === 'Terkelolanya arsip layanan'));
  isProblem(assert, await call(srv, 'POST', `/api/v1/skp/${draft}/rhk`, { token: T.pegawai, body: { templat_id: 999999 } }), 422, 'templat_id');
  assert.equal((await call(srv, 'DELETE', `/api/v1/templat-rhk/${tid}`, { token: T.admin })).status, 204);
  assert.equal((await call(srv, 'DELETE', `/api/v1/templat-rhk/${tid}`, { token: T.admin })).status, 404);

  // the atasan assigns one RHK to bawahan: drafts get it, others are listed with the reason
  const sa = await get(T.atasan, `/api/v1/skp/${await ctx.skpOf(T.atasan, ctx.atasan.id)}`);
  const rhkAtasan = sa.rhk.find((x) => x.kelompok === 'utama').id;
  const kasiSkp = await ctx.skpOf(T.kasi, ctx.kasiId);
  await call(srv, 'POST', `/api/v1/skp/${kasiSkp}/revisi`, { token: T.kasi });
  const outside = one(`SELECT id FROM pegawai WHERE atasan_id IS NOT NULL AND atasan_id <> ${ctx.atasan.id} AND instansi_id = (SELECT instansi_id FROM pegawai WHERE id = ${ctx.atasan.id}) ORDER BY id DESC LIMIT 1`).id;
  const rowsBefore = count(srv, 'rhk');
  r = await call(srv, 'POST', `/api/v1/rhk/${rhkAtasan}/tugaskan`, { token: T.atasan,
    body: { bawahan: [ctx.kasiId, outside], rhk: 'Tersusunnya bahan supervisi sekolah dasar', iki: [iki({ indikator: 'Jumlah bahan supervisi' })] } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.ditugaskan.map((d) => d.pegawai_id), [ctx.kasiId]);
  assert.equal(r.json.dilewati[0].pegawai_id, outside);
  assert.match(r.json.dilewati[0].alasan, /bawahan/);
  assert.equal(count(srv, 'rhk'), rowsBefore + 1);
  const ks = await get(T.kasi, `/api/v1/skp/${kasiSkp}`);
  assert.ok(ks.rhk.some((x) => x.rhk === 'Tersusunnya bahan supervisi sekolah dasar' && x.rhk_atasan.id === rhkAtasan));
  isProblem(assert, await call(srv, 'POST', `/api/v1/rhk/${rhkAtasan}/tugaskan`, { token: T.atasan, body: { bawahan: [], rhk: '' } }), 422, 'bawahan');
});

test('a mutasi ends the SKP the day before and starts a new draft', async () => {
  const target = one(`SELECT p.id FROM pegawai p JOIN skp s ON s.pegawai_id = p.id JOIN periode pr ON pr.id = s.periode_id
    WHERE pr.tahun = ${YEAR} AND s.status = 'disetujui' AND p.atasan_id IS NOT NULL AND p.id NOT IN (${ctx.pegawai.id}, ${ctx.kasiId}) AND p.instansi_id = (SELECT instansi_id FROM pegawai WHERE id = ${ctx.atasan.id}) ORDER BY p.id DESC LIMIT 1`).id;
  const unit = one(`SELECT unit_kerja_id AS id FROM pegawai WHERE id = ${ctx.atasan.id}`).id;
  const r = await call(srv, 'POST', `/api/v1/pegawai/${target}/mutasi`, { token: T.admin,
    body: { tanggal: `${YEAR}-07-01`, unit_kerja_id: unit, atasan_id: ctx.atasan.id } });
  assert.equal(r.status, 200, r.text);
  const list = (await get(T.admin, `/api/v1/skp?pegawai_id=${target}&tahun=${YEAR}`)).items;
  assert.equal(list.length, 2);
  const [baru, lama] = list;
  assert.equal(lama.selesai, `${YEAR}-06-30`);
  assert.equal(lama.status, 'disetujui');
  assert.equal(baru.mulai, `${YEAR}-07-01`);
  assert.equal(baru.status, 'draft');
  assert.equal(baru.penilai.id, ctx.atasan.id);
});

test('admin assigns a penilai when the atasan is vacant; status report per instansi', async () => {
  const draft = (await get(T.pegawai, `/api/v1/skp?pegawai_id=${ctx.pegawai.id}&tahun=${YEAR + 1}`)).items[0].id;
  isProblem(assert, await call(srv, 'PATCH', `/api/v1/skp/${draft}/penilai`, { token: T.admin, body: { penilai_id: ctx.pegawai.id } }), 422, 'penilai_id');
  const other = one(`SELECT id FROM pegawai WHERE instansi_id <> (SELECT instansi_id FROM pegawai WHERE id = ${ctx.pegawai.id}) LIMIT 1`).id;
  isProblem(assert, await call(srv, 'PATCH', `/api/v1/skp/${draft}/penilai`, { token: T.admin, body: { penilai_id: other } }), 422, 'penilai_id');
  let r = await call(srv, 'PATCH', `/api/v1/skp/${draft}/penilai`, { token: T.admin, body: { penilai_id: ctx.atasan.id } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.penilai.id, ctx.atasan.id);
  assert.equal(r.json.penilai_manual, true);
  r = await call(srv, 'GET', `/api/v1/laporan/status-skp?tahun=${YEAR}&limit=200`, { token: T.pimpinan });
  assert.equal(r.status, 200, r.text);
  const total = Object.values(r.json.ringkasan).reduce((a, b) => a + b, 0);
  const inst = one(`SELECT instansi_id AS id FROM pegawai WHERE id = ${ctx.pegawai.id}`).id;
  assert.equal(total, count(srv, 'pegawai', `WHERE instansi_id = ${inst} AND aktif = 1`));
  r = await call(srv, 'GET', `/api/v1/laporan/status-skp?tahun=${YEAR + 3}&status=belum&limit=5`, { token: T.admin });
  assert.equal(r.json.items.length, 5);
  assert.ok(r.json.items.every((x) => x.status === 'belum' && x.skp_id === null));
  assert.ok(r.json.next_cursor);
  isProblem(assert, await call(srv, 'GET', '/api/v1/laporan/status-skp?status=lain', { token: T.admin }), 422, 'status');
  isProblem(assert, await call(srv, 'GET', '/api/v1/laporan/status-skp', { token: T.atasan }), 403);
});
