// The four-dimension profile (issue 15 part 4) against a hand-built dataset: a new pegawai with an
// approved SKP of three RHK (two linked to PK indicators), January realisasi, a final penilaian,
// a 360 round with three answers and one below the anonymity minimum, organisation realisasi;
// every number of the four dimensions is checked exactly.  Then the unit variant, who may read
// it, bad input; and the organisation reports (cascade tree and IKU recap) as XLSX and PDF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, call, tokenFor, isProblem, sql } from './lib.mjs';

let srv, T = {}, c = {};
const YEAR = Number(new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 4));
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];
const api = (role, method, path, body) => call(srv, method, path, { token: T[role] || role, body });
const ok = (r, status = 200) => { assert.equal(r.status, status, r.text + (r.status >= 500 ? srv.log.slice(-3000) : '')); return r.json; };

before(async () => {
  srv = await startServer({ pegawai: 40 });
  for (const r of ['admin', 'pimpinan', 'atasan', 'pegawai', 'admin2', 'superadmin', 'auditor']) T[r] = tokenFor(srv, r);
  const peg = one("SELECT p.id, p.unit_kerja_id AS unit, p.jabatan_id AS jab, p.atasan_id AS kasi FROM pengguna g JOIN pegawai p ON p.id = g.pegawai_id WHERE g.username = 'pegawai'");
  c.unit = peg.unit;
  c.kasi = peg.kasi;
  T.kasi = tokenFor(srv, one(`SELECT nip FROM pegawai WHERE id = ${c.kasi}`).nip);
  // Dewi: a new pegawai under the same Kasi, with her own account
  let r = ok(await api('admin', 'POST', '/api/v1/pegawai', { nip: '199203142019032007', nama: 'Dewi Anggraini', jenis_asn: 'PNS',
    golongan: 'III/a', jabatan_id: peg.jab, unit_kerja_id: peg.unit, atasan_id: peg.kasi }), 201);
  c.dewi = r.id;
  ok(await api('admin', 'POST', '/api/v1/pengguna', { username: 'dewi', password: 'Rahasia123', pegawai_id: c.dewi, peran: [] }), 201);
  T.dewi = tokenFor(srv, 'dewi');
  // another pegawai of the same unit (not her atasan)
  T.rekan = tokenFor(srv, 'pegawai');
  // the organisation targets: an IKU, two PK indicators of her unit
  r = ok(await api('admin', 'POST', '/api/v1/sasaran-strategis', { kode: 'SS-P', sasaran: 'Meningkatnya mutu layanan pendidikan',
    tahun_mulai: YEAR, tahun_selesai: YEAR + 2 }), 201);
  c.iku = ok(await api('admin', 'POST', '/api/v1/iku', { sasaran_id: r.id, kode: 'IKU-P1', indikator: 'Indeks kepuasan layanan pendidikan',
    satuan: '%', target: [{ tahun: YEAR, target: '80' }] }), 201).id;
  const pk = (extra) => ({ unit_kerja_id: c.unit, tahun: YEAR, sasaran: 'Meningkatnya layanan administrasi sekolah', satuan: '%', iku_id: c.iku, ...extra });
  c.pk1 = ok(await api('admin', 'POST', '/api/v1/pk', pk({ indikator: 'Persentase sekolah dengan data pokok mutakhir', target: '90' })), 201).id;
  c.pk2 = ok(await api('admin', 'POST', '/api/v1/pk', pk({ indikator: 'Persentase layanan mutasi siswa tepat waktu', target: '50' })), 201).id;
  // her SKP: three RHK, rate targets (satuan %), so the capaian does not depend on today's month
  const skp = ok(await api('dewi', 'POST', '/api/v1/skp', { tahun: YEAR }), 201);
  c.skp = skp.id;
  // utama rows intervene an RHK of her penilai; the third is a tambahan row (no intervensi)
  const atasanRhk = ok(await api('dewi', 'GET', `/api/v1/skp/${c.skp}/rhk-atasan`)).items[0].id;
  const rhk = async (teks, target, extra) => {
    const s = ok(await api('dewi', 'POST', `/api/v1/skp/${c.skp}/rhk`, { rhk: teks, ...extra,
      iki: [{ aspek: 'kualitas', indikator: `Persentase ${teks.toLowerCase()}`, target_angka: target, target_satuan: '%' }] }), 201);
    return s.rhk.find((x) => x.rhk === teks);
  };
  c.rhk1 = await rhk('Data pokok sekolah yang diverifikasi', '90', { rhk_atasan_id: atasanRhk });
  c.rhk2 = await rhk('Layanan mutasi siswa yang selesai', '80', { rhk_atasan_id: atasanRhk });
  c.rhk3 = await rhk('Arsip surat yang tertata', '40', { kelompok: 'tambahan' });
  ok(await api('dewi', 'PUT', `/api/v1/rhk/${c.rhk1.id}/pk`, { pk_indikator_id: c.pk1 }));
  ok(await api('dewi', 'PUT', `/api/v1/rhk/${c.rhk2.id}/pk`, { pk_indikator_id: c.pk2 }));
  ok(await api('dewi', 'POST', `/api/v1/skp/${c.skp}/ajukan`, {}));
  ok(await api('kasi', 'POST', `/api/v1/skp/${c.skp}/setujui`, {}));
  // January realisasi: 81 of 90 (90 %), 88 of 80 (110 %), 34 of 40 (85 %): mean 95 %
  const iki = (x) => x.iki[0].id;
  ok(await api('dewi', 'PUT', `/api/v1/iki/${iki(c.rhk1)}/realisasi/1`, { nilai_angka: '81' }));
  ok(await api('dewi', 'PUT', `/api/v1/iki/${iki(c.rhk2)}/realisasi/1`, { nilai_angka: '88' }));
  ok(await api('dewi', 'PUT', `/api/v1/iki/${iki(c.rhk3)}/realisasi/1`, { nilai_angka: '34' }));
  ok(await api('dewi', 'POST', `/api/v1/skp/${c.skp}/realisasi/1/ajukan`, {}));
  // the final penilaian of this quarter (her SKP starts today): hasil Sesuai (80), perilaku Di Atas (100)
  const q = Math.ceil(Number(new Date(Date.now() + 7 * 3600e3).toISOString().slice(5, 7)) / 3);
  const pen = ok(await api('kasi', 'POST', `/api/v1/skp/${c.skp}/penilaian`, { jenis: 'periodik', periode_ke: q }), 201);
  c.pen = pen.id;
  ok(await api('kasi', 'PATCH', `/api/v1/penilaian/${c.pen}`, { rating_hasil: 'sesuai', rating_perilaku: 'di_atas' }));
  ok(await api('kasi', 'POST', `/api/v1/penilaian/${c.pen}/final`, {}));
  // 360: three answers (4, 4, 5 on every value: 91/21 = 4.33); a second round with two answers stays hidden
  const rekan = JSON.parse(sql(srv, `SELECT id, nip FROM pegawai WHERE atasan_id = ${c.kasi} AND aktif = 1 AND id <> ${c.dewi} ORDER BY id LIMIT 3`));
  assert.equal(rekan.length, 3);
  const buka = async () => ok(await api('kasi', 'POST', `/api/v1/pegawai/${c.dewi}/360`, {
    responden: rekan.map((p) => ({ pegawai_id: p.id, peran: 'rekan' })) }), 201).id;
  const skor = (v) => Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((n) => [String(n), v]));
  c.r360 = await buka();
  for (const [i, v] of [[0, 4], [1, 4], [2, 5]]) assert.equal((await api(tokenFor(srv, rekan[i].nip), 'POST', `/api/v1/360/${c.r360}/jawab`, { skor: skor(v) })).status, 204);
  c.r360b = await buka();
  for (const i of [0, 1]) assert.equal((await api(tokenFor(srv, rekan[i].nip), 'POST', `/api/v1/360/${c.r360b}/jawab`, { skor: skor(1) })).status, 204);
  // innovations: one validated by her atasan (counts), one still proposed (does not)
  const ide = (judul) => ({ judul, masalah: 'Data pokok sekolah sering terlambat diperbarui.', layanan: 'Layanan data pokok pendidikan', tahap: 'diterapkan' });
  c.inov = ok(await api('dewi', 'POST', '/api/v1/inovasi', ide('Formulir daring pemutakhiran data pokok')), 201).id;
  ok(await api('kasi', 'POST', `/api/v1/inovasi/${c.inov}/validasi`, {}));
  ok(await api('dewi', 'POST', '/api/v1/inovasi', ide('Papan pantau mutasi siswa')), 201);
  // the demo closes the quarters gone by; this dataset writes into them
  sql(srv, 'DELETE FROM periode_organisasi');
  // organisation realisasi: PK 1 in triwulan I 72 of 90 (80 %); PK 2 has none, so the IKU above it
  // counts: 88 of 80 (110 %)
  ok(await api('admin', 'PUT', `/api/v1/pk/${c.pk1}/realisasi/1`, { realisasi: '72' }));
  ok(await api('admin', 'PUT', `/api/v1/iku/${c.iku}/realisasi/2`, { tahun: YEAR, realisasi: '88' }));
});
after(async () => { await srv?.stop(); });

const dim = (p, kode) => p.dimensi.find((d) => d.kode === kode);

test('the four dimensions of a hand-built pegawai, exactly, with their sources and explanations', async () => {
  const p = ok(await api('dewi', 'GET', `/api/v1/pegawai/${c.dewi}/profil-kinerja?tahun=${YEAR}`));
  assert.equal(p.tahun, YEAR);
  assert.equal(p.pegawai.nama, 'Dewi Anggraini');
  assert.deepEqual(p.dimensi.map((d) => d.kode), ['kinerja_individu', 'perilaku_kerja', 'inovasi', 'kontribusi_organisasi']);
  // kinerja individu: capaian (90 + 110 + 85) / 3 = 95; rating Sesuai = 80; (95 + 80) / 2 = 87.5
  const k = dim(p, 'kinerja_individu');
  assert.equal(k.rincian.capaian, '95');
  assert.deepEqual(k.rincian.iki.map((x) => x.capaian).sort(), ['110', '85', '90']);
  assert.equal(k.rincian.rating_hasil, 'sesuai');
  assert.equal(k.rincian.penilaian_id, c.pen);
  assert.equal(k.skor, '87.5');
  assert.ok(k.sumber.some((s) => s.jenis === 'skp' && s.id === c.skp && s.tautan === `#/skp/${c.skp}`));
  assert.ok(k.sumber.some((s) => s.jenis === 'penilaian' && s.tautan === `#/penilaian/${c.pen}`));
  assert.ok(k.penjelasan.some((l) => /rata-rata capaian tahun berjalan 3 IKI/.test(l)), k.penjelasan.join('\n'));
  assert.match(k.ringkas, /Capaian 95 %/);
  // perilaku kerja: Di Atas = 100; 360 = 91/21 = 4.33 x 20 = 86.67; (100 + 86.67) / 2 = 93.33
  const b = dim(p, 'perilaku_kerja');
  assert.equal(b.rincian.rating_perilaku, 'di_atas');
  assert.equal(b.rincian.skor_360, '4.33');
  assert.equal(b.rincian.responden_360, 3);
  assert.equal(b.rincian.putaran_360, 1);
  assert.equal(b.rincian.putaran_360_tersembunyi, 1, 'the round with two answers is not counted');
  assert.equal(b.rincian.per_nilai.length, 7);
  assert.equal(b.rincian.per_nilai[0].rata, '4.33');
  assert.equal(b.rincian.per_nilai[0].jawaban, 3);
  assert.equal(b.skor, '93.33');
  assert.ok(b.sumber.some((s) => s.jenis === 'putaran_360' && s.id === c.r360));
  assert.ok(!b.sumber.some((s) => s.id === c.r360b), 'the hidden round is not a source');
  assert.ok(b.penjelasan.some((l) => /1 putaran 360 belum mencapai minimal 3 responden/.test(l)));
  // inovasi: one validated (50 per innovation); the proposed one does not count
  const i = dim(p, 'inovasi');
  assert.equal(i.rincian.jumlah, 1);
  assert.equal(i.rincian.register_tersedia, true);
  assert.equal(i.rincian.items[0].judul, 'Formulir daring pemutakhiran data pokok');
  assert.equal(i.skor, '50');
  assert.deepEqual(i.sumber.map((s) => [s.jenis, s.id]), [['inovasi', c.inov]]);
  // kontribusi: 2 of 3 RHK traced (66.67 %); indicators 80 and 110 -> 95; 66.67 x 95 / 100 = 63.33
  const o = dim(p, 'kontribusi_organisasi');
  assert.equal(o.rincian.jumlah_rhk, 3);
  assert.equal(o.rincian.rhk_tertaut, 2);
  assert.equal(o.rincian.rhk_iku, 2);
  assert.equal(o.rincian.porsi, '66.67');
  assert.equal(o.rincian.capaian_indikator, '95');
  const pk1 = o.rincian.indikator.find((x) => x.jenis === 'pk' && x.id === c.pk1);
  assert.equal(pk1.capaian, '80');
  assert.equal(pk1.dasar, 'Triwulan I');
  const ik = o.rincian.indikator.find((x) => x.jenis === 'iku' && x.id === c.iku);
  assert.equal(ik.capaian, '110');
  assert.equal(o.skor, '63.33');
  assert.ok(o.sumber.filter((s) => s.jenis === 'pk_indikator').length === 2);
  assert.deepEqual(o.sumber.filter((s) => s.jenis === 'iku').map((s) => s.tautan), [`#/iku/${c.iku}?tahun=${YEAR}`], 'the IKU once, with its tree');
  assert.equal(o.sumber.find((s) => s.jenis === 'jejak_iku').tautan, `#/pegawai/${c.dewi}/jejak-iku?tahun=${YEAR}`);
  assert.ok(o.penjelasan.some((l) => /2 dari 3 RHK tertaut/.test(l)));
  assert.match(p.catatan, /BELUM DIKONFIRMASI/);
});

test('who reads a profile: self, the atasan chain, the instansi\'s pimpinan and admin; nobody else', async () => {
  const path = `/api/v1/pegawai/${c.dewi}/profil-kinerja?tahun=${YEAR}`;
  for (const r of ['dewi', 'kasi', 'atasan', 'pimpinan', 'admin', 'superadmin']) assert.equal((await api(r, 'GET', path)).status, 200, r);
  for (const r of ['rekan', 'admin2', 'auditor']) isProblem(assert, await api(r, 'GET', path), 403);
  isProblem(assert, await api('admin', 'GET', '/api/v1/pegawai/999999/profil-kinerja'), 404);
  isProblem(assert, await api('dewi', 'GET', `/api/v1/pegawai/${c.dewi}/profil-kinerja?tahun=20x6`), 422, 'tahun');
  isProblem(assert, await api('dewi', 'GET', `/api/v1/pegawai/${c.dewi}/profil-kinerja?tahun=1999`), 422, 'tahun');
  // another year: nothing to count, no error
  const kosong = ok(await api('dewi', 'GET', `/api/v1/pegawai/${c.dewi}/profil-kinerja?tahun=${YEAR - 3}`));
  assert.equal(dim(kosong, 'kinerja_individu').skor, null);
  assert.equal(dim(kosong, 'kontribusi_organisasi').skor, null);
});

test('the unit profile: the mean skor of its pegawai per dimension, a row per pegawai', async () => {
  const path = `/api/v1/unit-kerja/${c.unit}/profil-kinerja?tahun=${YEAR}`;
  const u = ok(await api('pimpinan', 'GET', path));
  assert.equal(u.unit_kerja.id, c.unit);
  const row = u.pegawai.find((x) => x.id === c.dewi);
  assert.deepEqual(row.skor, { kinerja_individu: '87.5', perilaku_kerja: '93.33', inovasi: '50', kontribusi_organisasi: '63.33' });
  assert.equal(row.inovasi, 1);
  assert.equal(u.jumlah_pegawai, u.pegawai.length);
  // the unit's mean equals the mean over the rows that have a skor
  for (const d of u.dimensi) {
    const s = u.pegawai.map((x) => x.skor[d.kode]).filter((v) => v !== null).map(Number);
    assert.equal(d.pegawai_berdata, s.length, d.kode);
    if (s.length) assert.ok(Math.abs(Number(d.skor) - s.reduce((a, v) => a + v, 0) / s.length) < 0.02, d.kode);
  }
  for (const r of ['admin', 'superadmin']) assert.equal((await api(r, 'GET', path)).status, 200, r);
  for (const r of ['dewi', 'kasi', 'atasan', 'admin2', 'auditor']) isProblem(assert, await api(r, 'GET', path), 403);
  isProblem(assert, await api('admin', 'GET', '/api/v1/unit-kerja/999999/profil-kinerja'), 404);
  isProblem(assert, await api('admin', 'GET', `/api/v1/unit-kerja/${c.unit}/profil-kinerja?tahun=abc`), 422, 'tahun');
});

let nfile = 0;
function simpan(buf, ext) {
  const f = join(srv.dir, `laporan-${nfile++}.${ext}`);
  writeFileSync(f, buf);
  return f;
}
async function unduh(role, path) {
  const res = await fetch(srv.url + path, { headers: { authorization: `Bearer ${T[role]}` } });
  return { status: res.status, type: res.headers.get('content-type'), disp: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
}
// constant-memory workbooks keep their strings inline in the sheet
const xlsxTeks = (f) => execFileSync('unzip', ['-p', f, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 });
const pdfTeks = (f) => execFileSync('pdftotext', ['-raw', f, '-'], { encoding: 'utf8' });

test('the cascade tree report: IKU -> PK -> RHK pegawai as XLSX and PDF', async () => {
  let f = await unduh('pimpinan', `/api/v1/laporan-organisasi/pohon?tahun=${YEAR}&format=xlsx`);
  assert.equal(f.status, 200);
  assert.match(f.type, /spreadsheetml/);
  assert.equal(f.disp, `attachment; filename="pohon-kinerja-${YEAR}.xlsx"`);
  const x = xlsxTeks(simpan(f.body, 'xlsx'));
  for (const s of ['IKU-P1 Indeks kepuasan layanan pendidikan', 'Persentase sekolah dengan data pokok mutakhir',
    'Data pokok sekolah yang diverifikasi', 'Dewi Anggraini (NIP 199203142019032007)', 'RHK pegawai', 'PK unit'])
    assert.ok(x.includes(s), s);
  assert.ok(!x.includes('Arsip surat yang tertata'), 'an RHK without a link is not in the tree');
  f = await unduh('admin', `/api/v1/laporan-organisasi/pohon?tahun=${YEAR}&format=pdf`);
  assert.equal(f.status, 200, f.body.toString());
  assert.equal(f.type, 'application/pdf');
  const t = pdfTeks(simpan(f.body, 'pdf'));
  assert.match(t, /Pohon Kinerja \(Cascading\)/);
  assert.match(t, /Data pokok sekolah yang diverifikasi/);
  assert.match(t, /Halaman 1 dari \d+/);
});

test('the IKU capaian recap per quarter as XLSX and PDF; access and bad input', async () => {
  let f = await unduh('admin', `/api/v1/laporan-organisasi/rekap-iku?tahun=${YEAR}`);
  assert.equal(f.status, 200);
  assert.equal(f.disp, `attachment; filename="rekap-iku-${YEAR}.xlsx"`);
  const x = xlsxTeks(simpan(f.body, 'xlsx'));
  assert.ok(x.includes('Indeks kepuasan layanan pendidikan (%, semakin tinggi semakin baik)'));
  assert.ok(x.includes('88 (110 %)'), 'triwulan II of the IKU');
  assert.ok(x.includes('Triwulan II'));
  f = await unduh('pimpinan', `/api/v1/laporan-organisasi/rekap-iku?tahun=${YEAR}&format=pdf`);
  assert.equal(f.status, 200, f.body.toString());
  const t = pdfTeks(simpan(f.body, 'pdf'));
  assert.match(t, /Rekap Capaian Indikator Kinerja Utama/);
  assert.match(t, /88 \(110 %\)/);
  for (const p of ['pohon', 'rekap-iku']) {
    for (const r of ['atasan', 'pegawai', 'auditor']) isProblem(assert, await api(r, 'GET', `/api/v1/laporan-organisasi/${p}`), 403);
    isProblem(assert, await api('admin', 'GET', `/api/v1/laporan-organisasi/${p}?format=docx`), 422, 'format');
    isProblem(assert, await api('admin', 'GET', `/api/v1/laporan-organisasi/${p}?tahun=x`), 422, 'tahun');
    isProblem(assert, await api('superadmin', 'GET', `/api/v1/laporan-organisasi/${p}`), 422, 'instansi_id');
  }
  // another instansi's report holds none of this one's rows
  f = await unduh('admin2', `/api/v1/laporan-organisasi/rekap-iku?tahun=${YEAR}`);
  assert.equal(f.status, 200);
  assert.ok(!xlsxTeks(simpan(f.body, 'xlsx')).includes('Indeks kepuasan layanan pendidikan'));
});
