// Analytics (issue 8 point 2): rater leniency with its statistic, evidence gaps, the 9-box with
// potensi entered by HR, consistent Sangat Baik performers, development recommendations with
// their reasons, and the training catalogue; each checked against rows written here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, tokenFor, isProblem, sql } from './lib.mjs';

let srv, T = {}, D = {};
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];
const run = (q) => sql(srv, q);
const get = async (tok, path) => { const r = await call(srv, 'GET', path, { token: tok }); assert.equal(r.status, 200, r.text); return r.json; };
const YEAR = Number(new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 4));
const NOW = Math.floor(Date.now() / 1000);

before(async () => {
  srv = await startServer({ pegawai: 40 });
  for (const r of ['admin', 'pegawai', 'atasan', 'admin2', 'pimpinan']) T[r] = tokenFor(srv, r);
  D.periode = one(`SELECT id FROM periode WHERE instansi_id = 1 AND tahun = ${YEAR}`).id;
  run(`INSERT INTO unit_kerja (instansi_id, induk_id, nama) VALUES (1, NULL, 'Unit Uji Analitik')`);
  D.U = one(`SELECT id FROM unit_kerja WHERE nama = 'Unit Uji Analitik'`).id;
  const peg = (nip, nama, atasan = null) => {
    run(`INSERT INTO pegawai (instansi_id, nip, nama, jenis_kelamin, tanggal_lahir, jenis_asn, unit_kerja_id, atasan_id, aktif, diubah)
         VALUES (1, '${nip}', '${nama}', 'P', '1985-05-05', 'PNS', ${D.U}, ${atasan ?? 'NULL'}, 1, ${NOW})`);
    return one(`SELECT id FROM pegawai WHERE nip = '${nip}'`).id;
  };
  D.k = peg('198505052010012901', 'Kepala Uji Analitik');
  D.p1 = peg('198505052010012902', 'Pegawai Bintang', D.k);
  D.p2 = peg('198505052010012903', 'Pegawai Periodik', D.k);
  D.p3 = peg('198505052010012904', 'Pegawai Baru', D.k);
  D.p4 = peg('198505052010012905', 'Pegawai Tanpa Potensi', D.k);
  const skp = (p) => {
    run(`INSERT INTO skp (instansi_id, periode_id, pegawai_id, penilai_id, mulai, selesai, jenis, pendekatan, status, diubah, dibuat)
         VALUES (1, ${D.periode}, ${p}, ${D.k}, '${YEAR}-01-01', '${YEAR}-12-31', 'ja_jf', 'kuantitatif', 'disetujui', ${NOW}, ${NOW})`);
    const id = one(`SELECT id FROM skp WHERE pegawai_id = ${p}`).id;
    run(`INSERT INTO rhk (skp_id, kelompok, urutan, rhk, disetujui) VALUES (${id}, 'utama', 1, 'Dokumen uji tersusun', 1)`);
    const rhk = one(`SELECT id FROM rhk WHERE skp_id = ${id}`).id;
    run(`INSERT INTO iki (rhk_id, urutan, aspek, indikator, target_angka, target_satuan) VALUES (${rhk}, 1, 'kuantitas', 'Jumlah dokumen uji', '120', 'dokumen')`);
    return { id, rhk, iki: one(`SELECT id FROM iki WHERE rhk_id = ${rhk}`).id };
  };
  D.s1 = skp(D.p1); D.s2 = skp(D.p2); D.s4 = skp(D.p4);
  const pn = (p, s, jenis, ke, predikat, mulai, selesai) => run(
    `INSERT INTO penilaian (instansi_id, skp_id, pegawai_id, penilai_id, unit_kerja_id, jenis, periode_ke, mulai, selesai,
       rating_hasil, rating_perilaku, predikat, catatan, status, dibuat, diubah)
     VALUES (1, ${s.id}, ${p}, ${D.k}, ${D.U}, '${jenis}', ${ke}, '${mulai}', '${selesai}', 'sesuai', 'sesuai', '${predikat}',
       ${jenis === 'tahunan' ? "'Perlu meningkatkan koordinasi dengan unit lain'" : 'NULL'}, 'final', ${NOW}, ${NOW})`);
  // p1: three final penilaian, all Sangat Baik (consistent), the annual one included
  pn(D.p1, D.s1, 'periodik', 1, 'sangat_baik', `${YEAR}-01-01`, `${YEAR}-03-31`);
  pn(D.p1, D.s1, 'periodik', 2, 'sangat_baik', `${YEAR}-04-01`, `${YEAR}-06-30`);
  pn(D.p1, D.s1, 'tahunan', 0, 'sangat_baik', `${YEAR}-01-01`, `${YEAR}-12-31`);
  // p2: only a periodic Baik; p4: an annual Butuh Perbaikan
  pn(D.p2, D.s2, 'periodik', 1, 'baik', `${YEAR}-01-01`, `${YEAR}-03-31`);
  pn(D.p4, D.s4, 'tahunan', 0, 'butuh_perbaikan', `${YEAR}-01-01`, `${YEAR}-12-31`);
  // evidence: p1 filed two realisasi, one with a link; three activities, one not linked to an RHK
  for (const b of [1, 2])
    run(`INSERT INTO realisasi (skp_id, iki_id, bulan, nilai_angka, status, dibuat, diubah) VALUES (${D.s1.id}, ${D.s1.iki}, ${b}, '1', 'diajukan', ${NOW}, ${NOW})`);
  const r1 = one(`SELECT id FROM realisasi WHERE skp_id = ${D.s1.id} AND bulan = 1`).id;
  run(`INSERT INTO bukti (instansi_id, pegawai_id, jenis, nama, url, realisasi_id, dibuat) VALUES (1, ${D.p1}, 'tautan', 'Laporan', 'https://contoh.go.id/l', ${r1}, ${NOW})`);
  for (const rhk of [D.s1.rhk, D.s1.rhk, null])
    run(`INSERT INTO aktivitas (instansi_id, pegawai_id, penilai_id, skp_id, rhk_id, tanggal, menit, uraian, status, sumber, dibuat, diubah)
         VALUES (1, ${D.p1}, ${D.k}, ${D.s1.id}, ${rhk ?? 'NULL'}, '${YEAR}-02-03', 30, 'Aktivitas uji', 'disetujui', 'api', ${NOW}, ${NOW})`);
  // a 360 round for p1: three respondents, Harmonis (4) scored 2, 3, 3
  const admin = one("SELECT id FROM pengguna WHERE username = 'admin'").id;
  run(`INSERT INTO putaran_360 (instansi_id, pegawai_id, dibuka_oleh, tahun, status, dibuat) VALUES (1, ${D.p1}, ${admin}, ${YEAR}, 'ditutup', ${NOW})`);
  const put = one(`SELECT id FROM putaran_360 WHERE pegawai_id = ${D.p1}`).id;
  for (const [resp, skor] of [[D.p2, 2], [D.p3, 3], [D.p4, 3]]) {
    run(`INSERT INTO responden_360 (putaran_id, pegawai_id, peran, sudah) VALUES (${put}, ${resp}, 'rekan', 1)`);
    for (let v = 1; v <= 7; v++)
      run(`INSERT INTO jawaban_360 (putaran_id, peran, nilai, skor) VALUES (${put}, 'rekan', ${v}, ${v === 4 ? skor : 5})`);
  }
});
after(async () => { await srv?.stop(); });

test('potensi is entered by HR and the 9-box places each pegawai; consistent performers are listed', async () => {
  for (const [p, pot] of [[D.p1, 'tinggi'], [D.p2, 'rendah'], [D.p3, 'menengah']]) {
    const r = await call(srv, 'PUT', `/api/v1/pegawai/${p}/potensi`, { token: T.admin, body: { tahun: YEAR, potensi: pot, catatan: 'Asesmen uji' } });
    assert.equal(r.status, 200, r.text);
  }
  assert.equal(one(`SELECT potensi FROM potensi_pegawai WHERE pegawai_id = ${D.p1} AND tahun = ${YEAR}`).potensi, 'tinggi');
  const pot = await get(T.admin, `/api/v1/pegawai/${D.p1}/potensi`);
  assert.deepEqual(pot.items.map((x) => [x.tahun, x.potensi, x.catatan]), [[YEAR, 'tinggi', 'Asesmen uji']]);
  isProblem(assert, await call(srv, 'GET', `/api/v1/pegawai/${D.p1}/potensi`, { token: T.atasan }), 403);
  assert.ok(one(`SELECT COUNT(*) AS n FROM audit_log WHERE aksi = 'potensi.set' AND entitas_id = ${D.p1}`).n >= 1);
  const j = await get(T.admin, `/api/v1/analitik/talenta?unit_kerja_id=${D.U}`);
  const box = (k) => j.kotak.find((b) => b.kotak === k);
  assert.equal(j.kotak.length, 9);
  // p1: Sangat Baik (kinerja tinggi) x potensi tinggi = box 9; p2: periodic Baik (menengah) x rendah = box 4
  assert.deepEqual(box(9).pegawai.map((p) => p.id), [D.p1]);
  assert.equal(box(9).nama, 'Bintang');
  assert.deepEqual(box(4).pegawai.map((p) => p.id), [D.p2]);
  assert.equal(j.kotak.reduce((s, b) => s + b.jumlah, 0), 2);
  // k and p3 have no predikat; p4 has one but no potensi (k has neither: counted in both)
  assert.equal(j.tanpa_predikat, 2);
  assert.equal(j.tanpa_potensi, 2);
  assert.deepEqual(j.konsisten_sangat_baik.map((p) => p.id), [D.p1]);
  assert.match(j.cara, /potensi diisi/);
  isProblem(assert, await call(srv, 'PUT', `/api/v1/pegawai/${D.p1}/potensi`, { token: T.admin, body: { tahun: YEAR, potensi: 'super' } }), 422, 'potensi');
  isProblem(assert, await call(srv, 'PUT', `/api/v1/pegawai/${D.p1}/potensi`, { token: T.admin, body: { potensi: 'tinggi' } }), 422, 'tahun');
  isProblem(assert, await call(srv, 'PUT', `/api/v1/pegawai/${D.p1}/potensi`, { token: T.admin2, body: { tahun: YEAR, potensi: 'tinggi' } }), 403);
  isProblem(assert, await call(srv, 'PUT', `/api/v1/pegawai/${D.p1}/potensi`, { token: T.pegawai, body: { tahun: YEAR, potensi: 'tinggi' } }), 403);
});

test('evidence gaps: realisasi without bukti and activities without an RHK, per pegawai', async () => {
  const j = await get(T.admin, `/api/v1/analitik/bukti?unit_kerja_id=${D.U}`);
  assert.equal(j.ringkasan.pegawai, 5);
  assert.equal(j.ringkasan.realisasi_diajukan, 2);
  assert.equal(j.ringkasan.realisasi_tanpa_bukti, 1);
  assert.equal(j.ringkasan.aktivitas, 3);
  assert.equal(j.ringkasan.aktivitas_tanpa_rhk, 1);
  assert.equal(j.ringkasan.pegawai_dengan_celah, 1);
  assert.deepEqual(j.pegawai.map((p) => [p.id, p.realisasi_tanpa_bukti, p.aktivitas_tanpa_rhk]), [[D.p1, 1, 1]]);
  // the instansi view counts the unit too
  const all = await get(T.pimpinan, '/api/v1/analitik/bukti');
  assert.ok(all.ringkasan.realisasi_tanpa_bukti >= 1 && all.ringkasan.pegawai > 5);
});

test('leniency: the statistic, the sample size, and no flag on small samples', async () => {
  const j = await get(T.admin, '/api/v1/analitik/kelonggaran');
  // expected from the instansi's final penilaian of the year, computed here
  const rows = JSON.parse(sql(srv, `SELECT predikat, COUNT(*) AS n FROM penilaian WHERE instansi_id = 1 AND status = 'final'
                                    AND predikat IS NOT NULL AND mulai BETWEEN '${YEAR}-01-01' AND '${YEAR}-12-31' GROUP BY predikat`));
  const skor = { sangat_baik: 5, baik: 4, butuh_perbaikan: 3, kurang: 2, sangat_kurang: 1 };
  let n = 0, s = 0, s2 = 0;
  for (const r of rows) { n += r.n; s += skor[r.predikat] * r.n; s2 += skor[r.predikat] ** 2 * r.n; }
  const mean = s / n, sd = Math.sqrt((s2 - s * s / n) / (n - 1));
  assert.equal(j.instansi.n, n);
  assert.equal(j.instansi.rata, Math.round(mean * 100) / 100);
  assert.equal(j.instansi.simpangan_baku, Math.round(sd * 100) / 100);
  // the test's kepala gave 5 predikat: too few to judge
  const k = j.penilai.find((p) => p.penilai.id === D.k);
  assert.equal(k.n, 5);
  assert.equal(k.dinilai, false);
  assert.equal(k.z, null);
  assert.equal(k.arah, null);
  assert.match(k.penjelasan, /terlalu sedikit/);
  // every judged penilai: z as defined, flagged exactly when |z| >= 2
  for (const p of j.penilai.filter((x) => x.dinilai)) {
    assert.ok(p.n >= 10);
    const m = Object.entries(p.jumlah).reduce((a, [kd, c]) => a + skor[kd] * c, 0) / p.n;
    const z = (m - mean) / (sd / Math.sqrt(p.n));
    assert.ok(Math.abs(p.z - Math.round(z * 100) / 100) < 0.011, `z of ${p.penilai.nama}: ${p.z} vs ${z}`);
    assert.equal(p.arah, z >= 2 ? 'longgar' : z <= -2 ? 'ketat' : null);
  }
  // ordered: the strongest deviation first
  const zs = j.penilai.filter((x) => x.dinilai).map((x) => Math.abs(x.z));
  for (let i = 1; i < zs.length; i++) assert.ok(zs[i - 1] >= zs[i]);
});

test('development recommendations say why: weak 360 value, IKI below target, keywords in feedback', async () => {
  const j = await get(T.admin, `/api/v1/pegawai/${D.p1}/rekomendasi`);
  assert.equal(j.masukan.responden_360, 3);
  assert.equal(j.masukan.skor_360_cukup, true);
  const harmonis = j.masukan.skor_360.find((x) => x.nilai === 4);
  assert.equal(harmonis.rata, 2.67);
  const by = Object.fromEntries(j.rekomendasi.map((r) => [r.katalog.judul, r.alasan]));
  // the demo catalogue: Harmonis is "Komunikasi Efektif dan Kerja Sama Tim" (keywords include koordinasi)
  const kom = by['Komunikasi Efektif dan Kerja Sama Tim'];
  assert.ok(kom, JSON.stringify(Object.keys(by)));
  assert.ok(kom.some((a) => /Harmonis.*2,67 dari 3 jawaban/.test(a)), kom.join(' | '));
  assert.ok(kom.some((a) => /"koordinasi" muncul dalam 1 umpan balik/.test(a)), kom.join(' | '));
  // other values scored 5: not recommended for the 360
  assert.ok(!by['Pelayanan Prima'] || !by['Pelayanan Prima'].some((a) => /360/.test(a)));
  // 2 of 120 dokumen: far below the pro rata target, so the hasil kerja themes are recommended
  assert.equal(j.masukan.iki_di_bawah_target.length, 1);
  assert.ok(by['Perencanaan Kinerja dan Penyusunan Target'].some((a) => /Jumlah dokumen uji/.test(a)));
  assert.match(j.cara, /katalog pelatihan/);
  // the pegawai reads their own; another pegawai cannot
  isProblem(assert, await call(srv, 'GET', `/api/v1/pegawai/${D.p1}/rekomendasi`, { token: T.pegawai }), 403);
  const own = await get(tokenFor(srv, 'admin'), `/api/v1/pegawai/${D.p3}/rekomendasi`);
  assert.equal(own.masukan.skor_360_cukup, false);
});

test('training catalogue: create, validate, change, retire; only admins write', async () => {
  let r = await call(srv, 'POST', '/api/v1/katalog-pelatihan', { token: T.admin,
    body: { judul: 'Menulis Naskah Dinas', deskripsi: 'Tata naskah dinas', kata_kunci: ['naskah', 'surat'] } });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  assert.deepEqual(r.json.kata_kunci, ['naskah', 'surat']);
  isProblem(assert, await call(srv, 'POST', '/api/v1/katalog-pelatihan', { token: T.admin, body: { judul: 'ab', nilai: 1 } }), 422, 'judul');
  isProblem(assert, await call(srv, 'POST', '/api/v1/katalog-pelatihan', { token: T.admin, body: { judul: 'Tanpa pemicu' } }), 422, 'nilai');
  isProblem(assert, await call(srv, 'POST', '/api/v1/katalog-pelatihan', { token: T.admin, body: { judul: 'Nilai salah', nilai: 9 } }), 422, 'nilai');
  isProblem(assert, await call(srv, 'POST', '/api/v1/katalog-pelatihan', { token: T.admin, body: { judul: 'Kata salah', kata_kunci: ['a,b'] } }), 422, 'kata_kunci');
  isProblem(assert, await call(srv, 'POST', '/api/v1/katalog-pelatihan', { token: T.pegawai, body: { judul: 'Coba', nilai: 1 } }), 403);
  r = await call(srv, 'PATCH', `/api/v1/katalog-pelatihan/${id}`, { token: T.admin, body: { nilai: 2 } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.nilai, 2);
  assert.equal(r.json.judul, 'Menulis Naskah Dinas');
  isProblem(assert, await call(srv, 'PATCH', `/api/v1/katalog-pelatihan/${id}`, { token: T.admin2, body: { nilai: 3 } }), 403);
  let list = await get(T.pegawai, '/api/v1/katalog-pelatihan');
  assert.ok(list.items.some((k) => k.id === id));
  assert.equal((await call(srv, 'DELETE', `/api/v1/katalog-pelatihan/${id}`, { token: T.admin })).status, 204);
  list = await get(T.admin, '/api/v1/katalog-pelatihan');
  assert.ok(!list.items.some((k) => k.id === id));
  list = await get(T.admin, '/api/v1/katalog-pelatihan?semua=1');
  assert.equal(list.items.find((k) => k.id === id).aktif, false);
  r = await call(srv, 'PATCH', `/api/v1/katalog-pelatihan/${id}`, { token: T.admin, body: { aktif: true } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.aktif, true, 'a retired theme can be brought back');
  isProblem(assert, await call(srv, 'PATCH', `/api/v1/katalog-pelatihan/${id}`, { token: T.admin, body: { aktif: 'ya' } }), 422, 'aktif');
  isProblem(assert, await call(srv, 'DELETE', '/api/v1/katalog-pelatihan/999999', { token: T.admin }), 404);
});

test('analytics stay in scope', async () => {
  for (const p of ['/api/v1/analitik/kelonggaran', '/api/v1/analitik/bukti', '/api/v1/analitik/talenta'])
    isProblem(assert, await call(srv, 'GET', p, { token: T.pegawai }), 403);
  isProblem(assert, await call(srv, 'GET', `/api/v1/analitik/talenta?unit_kerja_id=${D.U}`, { token: T.admin2 }), 403);
  isProblem(assert, await call(srv, 'GET', '/api/v1/analitik/bukti?unit_kerja_id=999999', { token: T.admin }), 404);
  isProblem(assert, await call(srv, 'GET', '/api/v1/analitik/bukti?tahun=20', { token: T.admin }), 422, 'tahun');
});
