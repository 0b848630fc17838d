// Dashboards (issue 8): every number checked against a small hand-built dataset (two new units
// inside the demo instansi, written with SQL), with the expected values worked out here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, tokenFor, isProblem, sql } from './lib.mjs';

let srv, T = {}, D = {};
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];
const run = (q) => sql(srv, q);
const get = async (tok, path) => { const r = await call(srv, 'GET', path, { token: tok }); assert.equal(r.status, 200, r.text); return r.json; };

/* the server's day in WIB, and the dates the rules use */
const WIB = new Date(Date.now() + 7 * 3600 * 1000);
const TODAY = WIB.toISOString().slice(0, 10);
const YEAR = Number(TODAY.slice(0, 4));
const MONTH = Number(TODAY.slice(5, 7));
const BULAN_LALU = MONTH - 1;                 /* 0 in January: no realisasi expected yet */
const addDays = (d, n) => new Date(Date.parse(d + 'T00:00:00Z') + n * 86400000).toISOString().slice(0, 10);
const MONDAY = addDays(TODAY, -((new Date(TODAY + 'T00:00:00Z').getUTCDay() + 6) % 7));
const LAMA = addDays(MONDAY, -14);            /* an activity two weeks before this week */
const pct = (n, d) => Math.floor((n * 200 + d) / (2 * d));

before(async () => {
  srv = await startServer({ pegawai: 40 });
  for (const r of ['admin', 'pegawai', 'atasan', 'admin2']) T[r] = tokenFor(srv, r);
  const periode = one(`SELECT id FROM periode WHERE instansi_id = 1 AND tahun = ${YEAR}`).id;
  const now = Math.floor(Date.now() / 1000);
  run(`INSERT INTO unit_kerja (instansi_id, induk_id, nama) VALUES (1, NULL, 'Dinas Uji Dasbor');`);
  D.A = one(`SELECT id FROM unit_kerja WHERE nama = 'Dinas Uji Dasbor'`).id;
  run(`INSERT INTO unit_kerja (instansi_id, induk_id, nama) VALUES (1, ${D.A}, 'Bidang Uji Dasbor');`);
  D.B = one(`SELECT id FROM unit_kerja WHERE nama = 'Bidang Uji Dasbor'`).id;
  const peg = (nip, nama, unit, atasan, aktif = 1) => {
    run(`INSERT INTO pegawai (instansi_id, nip, nama, jenis_kelamin, tanggal_lahir, jenis_asn, unit_kerja_id, atasan_id, aktif, diubah)
         VALUES (1, '${nip}', '${nama}', 'L', '1980-01-01', 'PNS', ${unit}, ${atasan ?? 'NULL'}, ${aktif}, ${now})`);
    return one(`SELECT id FROM pegawai WHERE nip = '${nip}'`).id;
  };
  D.a1 = peg('198001012000011901', 'Aa Kepala Uji', D.A, null);
  D.a2 = peg('198001012000011902', 'Ab Staf Uji', D.A, D.a1);
  D.b1 = peg('198001012000011903', 'Ba Uji Satu', D.B, D.a1);
  D.b2 = peg('198001012000011904', 'Bb Uji Dua', D.B, D.a1);
  D.b3 = peg('198001012000011905', 'Bc Uji Tiga', D.B, D.a1);
  D.b4 = peg('198001012000011906', 'Bd Uji Pensiun', D.B, D.a1, 0);
  const skp = (p, status) => {
    run(`INSERT INTO skp (instansi_id, periode_id, pegawai_id, penilai_id, mulai, selesai, jenis, pendekatan, status, diubah, dibuat)
         VALUES (1, ${periode}, ${p}, ${p === D.a1 ? 'NULL' : D.a1}, '${YEAR}-01-01', '${YEAR}-12-31', 'ja_jf', 'kuantitatif', '${status}', ${now}, ${now})`);
    const id = one(`SELECT id FROM skp WHERE pegawai_id = ${p}`).id;
    run(`INSERT INTO rhk (skp_id, kelompok, urutan, rhk, disetujui) VALUES (${id}, 'utama', 1, 'Laporan uji tersusun', 1)`);
    const rhk = one(`SELECT id FROM rhk WHERE skp_id = ${id}`).id;
    run(`INSERT INTO iki (rhk_id, urutan, aspek, indikator, target_angka, target_satuan) VALUES (${rhk}, 1, 'kuantitas', 'Jumlah laporan uji', '12', 'laporan')`);
    return { id, iki: one(`SELECT id FROM iki WHERE rhk_id = ${rhk}`).id };
  };
  D.skpA1 = skp(D.a1, 'disetujui');
  D.skpA2 = skp(D.a2, 'draft');
  D.skpB1 = skp(D.b1, 'disetujui');
  D.skpB2 = skp(D.b2, 'disetujui');
  const akt = (p, tanggal, menit, status = 'disetujui') => run(
    `INSERT INTO aktivitas (instansi_id, pegawai_id, penilai_id, skp_id, tanggal, menit, uraian, status, sumber, dibuat, diubah)
     VALUES (1, ${p}, ${D.a1}, NULL, '${tanggal}', ${menit}, 'Aktivitas uji', '${status}', 'api', ${now}, ${now})`);
  akt(D.a1, TODAY, 30);
  akt(D.b1, TODAY, 45, 'diajukan');
  akt(D.b1, TODAY, 15, 'diajukan');
  akt(D.b2, LAMA, 60);
  if (BULAN_LALU > 0) {
    const real = (s, status, nilai) => run(
      `INSERT INTO realisasi (skp_id, iki_id, bulan, nilai_angka, status, dibuat, diubah) VALUES (${s.id}, ${s.iki}, ${BULAN_LALU}, '${nilai}', '${status}', ${now}, ${now})`);
    real(D.skpA1, 'disetujui', '1');
    real(D.skpB1, 'diajukan', '3');
    real(D.skpB2, 'draft', '1');     /* a draft is not filed */
  }
  const pn = (p, s, predikat) => run(
    `INSERT INTO penilaian (instansi_id, skp_id, pegawai_id, penilai_id, unit_kerja_id, jenis, periode_ke, mulai, selesai, rating_hasil,
       rating_perilaku, predikat, status, dibuat, diubah)
     VALUES (1, ${s.id}, ${p}, ${D.a1}, ${D.B}, 'tahunan', 0, '${YEAR}-01-01', '${YEAR}-12-31', 'sesuai', 'sesuai', '${predikat}', 'final', ${now}, ${now})`);
  pn(D.b1, D.skpB1, 'baik');
  pn(D.b2, D.skpB2, 'baik');
  run(`INSERT INTO predikat_organisasi (unit_kerja_id, tahun, instansi_id, predikat, diubah) VALUES (${D.B}, ${YEAR}, 1, 'baik', ${now})`);
  for (const p of [D.a1, D.b1])
    run(`INSERT INTO pengguna (instansi_id, pegawai_id, username, password_hash, peran, sandi_diubah, dibuat)
         SELECT 1, id, nip, 'x', 0, ${now}, ${now} FROM pegawai WHERE id = ${p}`);
  T.a1 = tokenFor(srv, '198001012000011901');
  T.b1 = tokenFor(srv, '198001012000011903');
});
after(async () => { await srv?.stop(); });

test('unit dashboard: the subtree totals, compliance with its explanation, drill-down rows', async () => {
  const j = await get(T.admin, `/api/v1/dasbor/unit/${D.A}`);
  assert.equal(j.tahun, YEAR);
  assert.equal(j.hari_ini, TODAY);
  assert.deepEqual(j.minggu, { dari: MONDAY, sampai: TODAY });
  assert.equal(j.lingkup.jenis, 'unit');
  assert.equal(j.lingkup.nama, 'Dinas Uji Dasbor');
  const r = j.ringkasan;
  // 5 active pegawai (b4 is inactive); SKP approved: a1, b1, b2; logged this week: a1, b1
  assert.equal(r.pegawai, 5);
  assert.equal(r.skp_disetujui, 3);
  assert.equal(r.mencatat_minggu_ini, 2);
  // realisasi of last month filed by approved-SKP pegawai: a1 (approved), b1 (submitted); b2 is a draft
  const filed = BULAN_LALU > 0 ? 2 : 0;
  assert.equal(r.realisasi_bulan_lalu, filed);
  // waiting for a1: b1's two activities, plus b1's submitted realisasi
  assert.equal(r.menunggu_review, 2 + (BULAN_LALU > 0 ? 1 : 0));
  const shares = [pct(3, 5), pct(2, 5), pct(filed, 3)];   // 60, 40, 67
  assert.equal(r.kepatuhan.skp_persen, 60);
  assert.equal(r.kepatuhan.aktivitas_persen, 40);
  assert.equal(r.kepatuhan.realisasi_persen, shares[2]);
  assert.equal(r.kepatuhan.persen, Math.floor(((shares[0] + shares[1] + shares[2]) * 2 + 3) / 6));
  assert.equal(r.kepatuhan.penjelasan.length, 4);
  assert.match(r.kepatuhan.penjelasan[0], /3 dari 5 pegawai = 60%/);
  // the annual distribution of the subtree
  assert.equal(j.distribusi.total, 2);
  assert.equal(j.distribusi.jumlah.baik, 2);
  // one child: Bidang Uji with b1, b2, b3
  assert.equal(j.anak.length, 1);
  const b = j.anak[0];
  assert.equal(b.id, D.B);
  assert.equal(b.pegawai, 3);
  assert.equal(b.skp_disetujui, 2);
  assert.equal(b.mencatat_minggu_ini, 1);
  assert.equal(b.realisasi_bulan_lalu, BULAN_LALU > 0 ? 1 : 0);
  assert.equal(b.menunggu_review, 0);
  assert.equal(b.kepatuhan.persen, BULAN_LALU > 0 ? 50 : 50);   // (67 + 33 + 50) / 3 = 50, or (67 + 33) / 2 = 50
  assert.equal(b.kurva.predikat_organisasi, 'baik');
  // Baik with 2 pegawai, both Baik: at most 70% Baik (1 under exact rounding... the rule decides) and at least one BP/K
  assert.equal(b.kurva.patuh, false);
  assert.ok(b.kurva.pelanggaran >= 1);
  // the unit's own pegawai (a1, a2), sorted by name, each with numbers
  assert.deepEqual(j.pegawai.map((p) => p.id), [D.a1, D.a2]);
  const a1 = j.pegawai[0];
  assert.equal(a1.aktivitas_minggu_ini, 1);
  assert.equal(a1.aktivitas_terakhir, TODAY);
  assert.equal(a1.menunggu_review, 2 + (BULAN_LALU > 0 ? 1 : 0));
  assert.equal(a1.skp.status, 'disetujui');
  const a2 = j.pegawai[1];
  assert.equal(a2.skp.status, 'draft');
  assert.ok(a2.risiko.some((x) => x.kode === 'skp_belum_disetujui'));
  // the monthly trend of the subtree: this month has a1's 30 min and b1's 45 + 15 (b2's may be last month)
  assert.equal(j.tren.length, 12);
  const bulanIni = j.tren[MONTH - 1];
  const lamaSamaBulan = Number(LAMA.slice(5, 7)) === MONTH && Number(LAMA.slice(0, 4)) === YEAR;
  assert.equal(bulanIni.aktivitas, 3 + (lamaSamaBulan ? 1 : 0));
  assert.equal(bulanIni.menit, 90 + (lamaSamaBulan ? 60 : 0));
  assert.equal(bulanIni.pegawai_mencatat, 2 + (lamaSamaBulan ? 1 : 0));
  // the child's own view has the unit path and the curve with its violations
  const jb = await get(T.admin, `/api/v1/dasbor/unit/${D.B}`);
  assert.deepEqual(jb.lingkup.jalur, [{ id: D.A, nama: 'Dinas Uji Dasbor' }]);
  assert.equal(jb.kurva.patuh, false);
  assert.ok(jb.kurva.pelanggaran.length >= 1 && jb.kurva.pelanggaran[0].aturan);
  assert.deepEqual(jb.pegawai.map((p) => p.id), [D.b1, D.b2, D.b3]);
});

test('instansi dashboard: the new unit is one of the top-level rows, ranking lists are bounded', async () => {
  const j = await get(T.admin, '/api/v1/dasbor/instansi');
  assert.equal(j.lingkup.jenis, 'instansi');
  const row = j.anak.find((u) => u.id === D.A);
  assert.ok(row, 'the root unit is listed');
  assert.equal(row.pegawai, 5);
  assert.equal(row.skp_disetujui, 3);
  // totals of the instansi are the sums of the top-level rows
  const sum = (k) => j.anak.reduce((s, u) => s + u[k], 0);
  assert.equal(j.ringkasan.pegawai, sum('pegawai'));
  assert.equal(j.ringkasan.mencatat_minggu_ini, sum('mencatat_minggu_ini'));
  assert.ok(j.teratas.length <= 5 && j.terbawah.length <= 5);
  for (let i = 1; i < j.teratas.length; i++) assert.ok(j.teratas[i - 1].kepatuhan.persen >= j.teratas[i].kepatuhan.persen);
  // Bidang Uji (3 own pegawai) is ranked; Dinas Uji (2 own) is not
  const all = [...j.teratas, ...j.terbawah].map((u) => u.id);
  assert.ok(!all.includes(D.A));
  // the TPP cost of the year so far and its projection (the demo computed last month as a draft)
  const bulan = (await get(T.admin, '/api/v1/tpp/bulan')).items;
  if (bulan.length && bulan[0].tahun === YEAR) {
    const ini = bulan.filter((b) => b.tahun === YEAR);
    const akhir = ini.reduce((a, b) => (b.bulan > a.bulan ? b : a));
    const total = ini.reduce((t, b) => t + b.jumlah, 0);
    assert.equal(j.tpp.bulan_terakhir, akhir.bulan);
    assert.equal(j.tpp.jumlah_bulan_terakhir, akhir.jumlah);
    assert.equal(j.tpp.jumlah_tahun_ini, total);
    assert.equal(j.tpp.proyeksi_setahun, total + akhir.jumlah * (12 - akhir.bulan));
  } else {
    assert.equal(j.tpp, null);
  }
  const sa = await get(tokenFor(srv, 'superadmin'), '/api/v1/dasbor/instansi?instansi_id=1');
  assert.equal(sa.ringkasan.pegawai, j.ringkasan.pegawai);
});

test('team dashboard: the bawahan with their risk signals and the team curve', async () => {
  const j = await get(T.a1, '/api/v1/dasbor/tim');
  assert.equal(j.atasan.id, D.a1);
  assert.deepEqual(j.bawahan.map((p) => p.id), [D.a2, D.b1, D.b2, D.b3]);   // b4 is inactive
  assert.equal(j.ringkasan.bawahan, 4);
  assert.equal(j.ringkasan.skp_disetujui, 2);
  assert.equal(j.ringkasan.mencatat_minggu_ini, 1);
  assert.equal(j.ringkasan.menunggu_review_aktivitas, 2);
  assert.equal(j.ringkasan.menunggu_review_realisasi, BULAN_LALU > 0 ? 1 : 0);
  assert.equal(j.distribusi.baik, 2);
  const by = Object.fromEntries(j.bawahan.map((p) => [p.id, p]));
  const kode = (id) => by[id].risiko.map((x) => x.kode).sort();
  assert.equal(by[D.b1].hari_kerja_tanpa_aktivitas, 0);
  assert.ok(!kode(D.b1).includes('tidak_mencatat'));
  assert.ok(by[D.b2].hari_kerja_tanpa_aktivitas >= 5, 'two weeks and more without an activity');
  assert.ok(kode(D.b2).includes('tidak_mencatat'));
  if (BULAN_LALU > 0) {
    assert.ok(kode(D.b2).includes('realisasi_kosong'), 'a draft realisasi is not filed');
    // b1: 3 of 12 laporan by the end of last month: 3 / (12 x BULAN_LALU / 12) = 300 / BULAN_LALU %
    assert.equal(by[D.b1].capaian_persen, Math.floor((300 * 2 + BULAN_LALU) / (2 * BULAN_LALU)));
    assert.equal(kode(D.b1).includes('capaian_rendah'), by[D.b1].capaian_persen < 80);
  }
  assert.deepEqual(kode(D.b3), ['skp_belum_disetujui', 'tidak_mencatat']);
  assert.equal(j.ringkasan.berisiko, j.bawahan.filter((p) => p.risiko.length).length);
  // an admin looks at the same team through ?atasan_id=
  const viaAdmin = await get(T.admin, `/api/v1/dasbor/tim?atasan_id=${D.a1}`);
  assert.deepEqual(viaAdmin.bawahan.map((p) => p.id), j.bawahan.map((p) => p.id));
});

test('pegawai dashboard: capaian per IKI month by month and year to date, calendar, predikat', async () => {
  const j = await get(T.b1, `/api/v1/dasbor/pegawai/${D.b1}`);
  assert.equal(j.pegawai.id, D.b1);
  assert.equal(j.capaian.length, 1);
  const iki = j.capaian[0];
  assert.equal(iki.target_angka, '12');
  assert.equal(iki.bulan.length, 12);
  if (BULAN_LALU > 0) {
    assert.deepEqual(iki.bulan[BULAN_LALU - 1], { nilai_angka: '3', nilai_teks: null, status: 'diajukan', capaian_persen: '25.00' });
    assert.equal(iki.tahun_berjalan.realisasi, '3');
    assert.equal(iki.tahun_berjalan.capaian_persen, '25.00');
    // 3 x 12 / (12 x MONTH) in hundredths, half up
    const h = Math.floor((3 * 12 * 10000 * 2 + 12 * MONTH) / (2 * 12 * MONTH));
    assert.equal(iki.tahun_berjalan.capaian_prorata_persen, `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`);
  }
  assert.deepEqual(j.kalender.hari, [{ tanggal: TODAY, aktivitas: 2, menit: 60 }]);
  assert.equal(j.kalender.hari_tercatat, 1);
  assert.equal(j.predikat.length, 1);
  assert.equal(j.predikat[0].predikat, 'baik');
  assert.equal(j.predikat[0].jenis, 'tahunan');
  assert.equal(j.angka_kredit, null, 'not a jabatan fungsional');
  // the atasan reads it too; feedback written by the atasan is counted as received
  run(`INSERT INTO umpan_balik (instansi_id, skp_id, entitas, entitas_id, penulis_id, jenis, isi, dibuat)
       VALUES (1, ${D.skpB1.id}, 'skp', ${D.skpB1.id}, ${D.a1}, 'umpan_balik', 'Bagus, lanjutkan', ${Math.floor(Date.now() / 1000)})`);
  const viaAtasan = await get(T.a1, `/api/v1/dasbor/pegawai/${D.b1}`);
  assert.equal(viaAtasan.umpan_balik.total, 1);
  assert.equal(viaAtasan.umpan_balik.per_bulan[MONTH - 1].jumlah, 1);
  assert.equal(viaAtasan.umpan_balik.terbaru[0].isi, 'Bagus, lanjutkan');
});

test('scope: nobody sees beyond theirs; bad input is a clear 4xx', async () => {
  isProblem(assert, await call(srv, 'GET', `/api/v1/dasbor/pegawai/${D.a1}`, { token: T.b1 }), 403);
  isProblem(assert, await call(srv, 'GET', `/api/v1/dasbor/tim?atasan_id=${D.a1}`, { token: T.b1 }), 403);
  isProblem(assert, await call(srv, 'GET', `/api/v1/dasbor/unit/${D.A}`, { token: T.a1 }), 403);
  isProblem(assert, await call(srv, 'GET', `/api/v1/dasbor/unit/${D.A}`, { token: T.admin2 }), 403);
  isProblem(assert, await call(srv, 'GET', '/api/v1/dasbor/instansi', { token: T.pegawai }), 403);
  isProblem(assert, await call(srv, 'GET', '/api/v1/dasbor/unit/999999', { token: T.admin }), 404);
  isProblem(assert, await call(srv, 'GET', '/api/v1/dasbor/pegawai/999999', { token: T.admin }), 404);
  isProblem(assert, await call(srv, 'GET', `/api/v1/dasbor/unit/${D.A}?tahun=abc`, { token: T.admin }), 422, 'tahun');
  isProblem(assert, await call(srv, 'GET', `/api/v1/dasbor/pegawai/${D.b1}?tahun=1999`, { token: T.b1 }), 422, 'tahun');
  isProblem(assert, await call(srv, 'GET', '/api/v1/dasbor/tim?atasan_id=x', { token: T.a1 }), 422, 'atasan_id');
  isProblem(assert, await call(srv, 'GET', '/api/v1/dasbor/instansi', { token: tokenFor(srv, 'superadmin') }), 422, 'instansi_id');
  // another year is empty, not an error
  const lalu = await get(T.admin, `/api/v1/dasbor/unit/${D.A}?tahun=${YEAR - 1}`);
  assert.equal(lalu.ringkasan.skp_disetujui, 0);
  assert.equal(lalu.distribusi.total, 0);
});
