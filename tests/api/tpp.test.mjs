// Tunjangan kinerja / TPP (issue 9): a table from the regional preset, activated; the month of a
// 10-pegawai unit computed, every rupiah worked out here by hand; the explanation points at the
// day and the rule row; approval locks the month; the what-if of a draft table; sanctions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, tokenFor, isProblem, sql } from './lib.mjs';

let srv, T = {}, P = {}, ctx = {};
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];
const run = (q) => sql(srv, q);
const DASAR = 5000000;           // kelas 9 in the table below
const BULAN = '2026-04';         // April 2026: 22 weekdays, Fridays 3, 10, 17, 24
const HARI = [];
for (let d = 1; d <= 30; d++) {
  const t = `2026-04-${String(d).padStart(2, '0')}`;
  const wd = new Date(t + 'T00:00:00Z').getUTCDay();
  if (wd !== 0 && wd !== 6) HARI.push({ t, jumat: wd === 5 });
}

before(async () => {
  srv = await startServer({ pegawai: 30 });
  for (const r of ['admin', 'pegawai', 'admin2', 'pimpinan']) T[r] = tokenFor(srv, r);
  const now = Math.floor(Date.now() / 1000);
  run("DELETE FROM hari_libur WHERE tanggal LIKE '2026-04-%'");
  // the demo's table and month are replaced by the ones built here
  run('DELETE FROM tpp_hasil; DELETE FROM tpp_bulan; DELETE FROM tpp_aturan;');
  run(`INSERT INTO unit_kerja (instansi_id, nama) VALUES (1, 'Unit Uji TPP')`);
  ctx.unit = one("SELECT id FROM unit_kerja WHERE nama = 'Unit Uji TPP'").id;
  run(`INSERT INTO jabatan (instansi_id, nama, jenis, kelas_jabatan) VALUES (1, 'Analis Uji TPP', 'pelaksana', 9), (1, 'Jabatan Tanpa Besaran', 'pelaksana', 17)`);
  const j9 = one("SELECT id FROM jabatan WHERE nama = 'Analis Uji TPP'").id, j17 = one("SELECT id FROM jabatan WHERE nama = 'Jabatan Tanpa Besaran'").id;
  for (let i = 1; i <= 10; i++) {
    const nip = `19900101201501${String(2900 + i).padStart(4, '0')}`;
    run(`INSERT INTO pegawai (instansi_id, nip, nama, jenis_kelamin, tanggal_lahir, jenis_asn, jabatan_id, unit_kerja_id, aktif, diubah)
         VALUES (1, '${nip}', 'Pegawai TPP ${i}', 'L', '1990-01-01', 'PNS', ${i === 9 ? j17 : j9}, ${ctx.unit}, 1, ${now})`);
    P[i] = one(`SELECT id FROM pegawai WHERE nip = '${nip}'`).id;
  }
  // presensi: on time by default (07:20-16:05, Fridays until 16:35), then each pegawai's story
  const rows = [];
  for (let i = 1; i <= 10; i++) {
    if (i === 7) continue;                                    // P7: never came (21+ days absent)
    HARI.forEach((h, k) => {
      let masuk = '07:20', pulang = h.jumat ? '16:35' : '16:05';
      if (i === 2 && k === 3) masuk = '08:15';                // 45 minutes late: TL2 1 %
      if (i === 3 && k === 5) return;                         // one day absent: TK 5 %
      if (i === 3 && k === 6) masuk = '07:45';                // 15 minutes late: TL1 0.5 %
      if (i === 4 && (k === 8 || k === 9)) return;            // cuti (status below): no deduction
      if (i === 6 && k === 10) pulang = null;                 // no check-out: TAP 1.5 % (UNCONFIRMED: as PSW4)
      if (i === 10 && k === 11) pulang = h.jumat ? '15:59' : '15:29';   // 31 minutes early: PSW2 1 %
      rows.push(`(${P[i]}, '${h.t}', 1, '${masuk}', ${pulang ? `'${pulang}'` : 'NULL'}, 'uji', ${now})`);
    });
  }
  run(`INSERT INTO presensi (pegawai_id, tanggal, instansi_id, masuk, pulang, sumber, diubah) VALUES ${rows.join(',')}`);
  run(`INSERT INTO presensi_status (instansi_id, pegawai_id, status, dari, sampai, dibuat) VALUES (1, ${P[4]}, 'cuti', '${HARI[8].t}', '${HARI[9].t}', ${now})`);
  // P5 was rated Butuh Perbaikan in a final periodic penilaian: 75 % of the kinerja component
  const periode = one(`SELECT id FROM periode WHERE instansi_id = 1 AND tahun = 2026`).id;
  run(`INSERT INTO skp (instansi_id, periode_id, pegawai_id, mulai, selesai, jenis, pendekatan, status, diubah, dibuat)
       VALUES (1, ${periode}, ${P[5]}, '2026-01-01', '2026-12-31', 'ja_jf', 'kuantitatif', 'disetujui', ${now}, ${now})`);
  const skp5 = one(`SELECT id FROM skp WHERE pegawai_id = ${P[5]}`).id;
  run(`INSERT INTO penilaian (instansi_id, skp_id, pegawai_id, penilai_id, unit_kerja_id, jenis, periode_ke, mulai, selesai, rating_hasil,
       rating_perilaku, predikat, status, dibuat, diubah) VALUES (1, ${skp5}, ${P[5]}, ${P[1]}, ${ctx.unit}, 'periodik', 1, '2026-01-01',
       '2026-03-31', 'di_bawah', 'sesuai', 'butuh_perbaikan', 'final', ${now}, ${now})`);
  run(`INSERT INTO pengguna (instansi_id, pegawai_id, username, password_hash, peran, sandi_diubah, dibuat)
       SELECT 1, id, nip, 'x', 0, ${now}, ${now} FROM pegawai WHERE id = ${P[2]}`);
  T.p2 = tokenFor(srv, one(`SELECT nip FROM pegawai WHERE id = ${P[2]}`).nip);
});
after(async () => { await srv?.stop(); });

test('a table from the regional preset: validated, edited while a draft, then activated', async () => {
  const pre = await call(srv, 'GET', '/api/v1/tpp/preset', { token: T.admin });
  assert.equal(pre.status, 200);
  assert.deepEqual(pre.json.items.map((p) => p.kode), ['umum_daerah', 'kementan_2012']);
  const tl2 = pre.json.items[0].aturan.potongan.find((r) => r.kode === 'TL2');
  assert.deepEqual([tl2.menit_dari, tl2.menit_sampai, tl2.persen], [31, 60, '1']);
  let r = await call(srv, 'POST', '/api/v1/tpp/aturan', { token: T.admin, body: { nama: 'TPP Sukamaju 2026', preset: 'umum_daerah' } });
  assert.equal(r.status, 201, r.text);
  ctx.aturan = r.json.id;
  assert.equal(r.json.status, 'draft');
  // bad tables are refused with the row named, and nothing changes
  const bad = { preset: 'umum_daerah', potongan: [...pre.json.items[0].aturan.potongan] };
  bad.potongan[1] = { ...bad.potongan[1], menit_dari: 20 };
  isProblem(assert, await call(srv, 'PATCH', `/api/v1/tpp/aturan/${ctx.aturan}`, { token: T.admin, body: { aturan: bad } }), 422);
  isProblem(assert, await call(srv, 'PATCH', `/api/v1/tpp/aturan/${ctx.aturan}`, { token: T.admin,
    body: { aturan: { preset: 'umum_daerah', porsi_kinerja: 70 } } }), 422);
  isProblem(assert, await call(srv, 'POST', `/api/v1/tpp/aturan/${ctx.aturan}/aktifkan`, { token: T.admin, body: { berlaku_mulai: '2026-01' } }), 422, 'aturan.besaran_kelas');
  r = await call(srv, 'PATCH', `/api/v1/tpp/aturan/${ctx.aturan}`, { token: T.admin,
    body: { aturan: { preset: 'umum_daerah', besaran_kelas: { 9: DASAR, 12: 7000000, 15: 12000000, 14: 10000000 } } } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.aturan.besaran_kelas['9'], DASAR);
  isProblem(assert, await call(srv, 'POST', '/api/v1/tpp/bulan', { token: T.admin, body: { bulan: BULAN } }), 409);
  r = await call(srv, 'POST', `/api/v1/tpp/aturan/${ctx.aturan}/aktifkan`, { token: T.admin, body: { berlaku_mulai: '2026-01' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'aktif');
  isProblem(assert, await call(srv, 'PATCH', `/api/v1/tpp/aturan/${ctx.aturan}`, { token: T.admin, body: { nama: 'x' } }), 409);
  isProblem(assert, await call(srv, 'POST', '/api/v1/tpp/aturan', { token: T.pimpinan, body: { nama: 'x', preset: 'umum_daerah' } }), 403);
});

test('the month of a 10-pegawai unit, every rupiah worked out by hand', async () => {
  const r = await call(srv, 'POST', '/api/v1/tpp/bulan', { token: T.admin, body: { bulan: BULAN } });
  assert.equal(r.status, 200, r.text);
  ctx.bulan = r.json.id;
  assert.equal(r.json.status, 'draft');
  const m = await call(srv, 'GET', `/api/v1/tpp/bulan/${ctx.bulan}?unit_kerja_id=${ctx.unit}&limit=50`, { token: T.pimpinan });
  assert.equal(m.status, 200, m.text);
  const by = Object.fromEntries(m.json.items.map((x) => [x.pegawai_id, x]));
  const K = DASAR * 0.6, D = DASAR * 0.4;                     // 3,000,000 and 2,000,000
  const disiplin = (pct) => Math.round(D * (100 - pct) / 100);
  const expected = {
    1: K + D,                                                  // on time every day, Baik
    2: K + disiplin(1),                                        // TL2
    3: K + disiplin(5.5),                                      // TK + TL1
    4: K + D,                                                  // cuti is not a deduction
    5: K * 0.75 + D,                                           // Butuh Perbaikan: 75 % of kinerja
    6: K + disiplin(1.5),                                      // no check-out
    7: K + 0,                                                  // 22 days absent = 110 %, capped at 100 %
    8: K + D,                                                  // (sanction is added below)
    9: 0,                                                      // kelas 17 has no amount in the table
    10: K + disiplin(1),                                       // PSW2
  };
  for (let i = 1; i <= 10; i++) assert.equal(by[P[i]].jumlah, expected[i], `Pegawai TPP ${i}: ${JSON.stringify(by[P[i]])}`);
  assert.equal(by[P[7]].potongan_persen_bp, 10000);
  assert.match(by[P[9]].galat, /besaran TPP/);
  assert.equal(by[P[5]].predikat, 'butuh_perbaikan');
  // the total of the month is the sum of its rows
  const all = await call(srv, 'GET', `/api/v1/tpp/bulan/${ctx.bulan}?limit=200`, { token: T.admin });
  assert.equal(all.json.jumlah, all.json.items.reduce((s, x) => s + x.jumlah, 0));
});

test('the explanation points at the day and the rule row; a pegawai sees their own month', async () => {
  const r = await call(srv, 'GET', `/api/v1/pegawai/${P[2]}/tpp?bulan=${BULAN}`, { token: T.p2 });
  assert.equal(r.status, 200, r.text);
  const baris = r.json.rincian.baris;
  assert.equal(baris.length, 1);
  assert.equal(baris[0].tanggal, HARI[3].t);
  assert.equal(baris[0].kode, 'TL2');
  assert.equal(baris[0].menit, 45);
  assert.equal(baris[0].persen_bp, 100);
  assert.match(baris[0].teks, /45 menit/);
  assert.ok(r.json.rincian.penjelasan.length > 3);
  assert.match(r.json.rincian.asal_predikat, /belum ada penilaian final/);
  const p3 = await call(srv, 'GET', `/api/v1/tpp/bulan/${ctx.bulan}/pegawai/${P[3]}`, { token: T.admin });
  assert.deepEqual(p3.json.rincian.baris.map((b) => b.kode).sort(), ['TK', 'TL1']);
  isProblem(assert, await call(srv, 'GET', `/api/v1/pegawai/${P[3]}/tpp?bulan=${BULAN}`, { token: T.p2 }), 403);
  isProblem(assert, await call(srv, 'GET', `/api/v1/pegawai/${P[2]}/tpp?bulan=2026-13`, { token: T.p2 }), 422, 'bulan');
  isProblem(assert, await call(srv, 'GET', `/api/v1/tpp/bulan/${ctx.bulan}`, { token: T.p2 }), 403);
});

test('a sanction cuts what is left; what-if of a draft table; approval locks the month', async () => {
  let r = await call(srv, 'POST', `/api/v1/pegawai/${P[8]}/sanksi-tpp`, { token: T.admin,
    body: { kode: 'HDS1', persen: 25, mulai: '2026-03', bulan: 6, keterangan: 'Hukuman disiplin sedang' } });
  assert.equal(r.status, 201, r.text);
  isProblem(assert, await call(srv, 'POST', `/api/v1/pegawai/${P[8]}/sanksi-tpp`, { token: T.admin, body: { persen: 120, mulai: '2026-03', bulan: 6 } }), 422, 'persen');
  const sanksi = await call(srv, 'GET', `/api/v1/pegawai/${P[8]}/sanksi-tpp`, { token: T.pimpinan });
  assert.deepEqual(sanksi.json.items.map((x) => [x.kode, x.persen_bp, x.mulai, x.bulan]), [['HDS1', 2500, '2026-03', 6]]);
  r = await call(srv, 'POST', '/api/v1/tpp/bulan', { token: T.admin, body: { bulan: BULAN } });
  assert.equal(r.status, 200, r.text);
  const p8 = (await call(srv, 'GET', `/api/v1/tpp/bulan/${ctx.bulan}/pegawai/${P[8]}`, { token: T.admin })).json;
  assert.equal(p8.jumlah, DASAR * 0.75);
  assert.equal(p8.potongan_sanksi, DASAR * 0.25);
  // the row stores the engine's inputs only; the explanation is rendered on read (issue 13) and
  // carries the sanction's lines
  const stored = one(`SELECT rincian FROM tpp_hasil WHERE bulan_id = ${ctx.bulan} AND pegawai_id = ${P[8]}`).rincian;
  assert.ok(stored.length < 1000 && JSON.parse(stored).v === 1, stored);
  assert.ok(p8.rincian.penjelasan.some((l) => /sanksi/i.test(l) && /25/.test(l)), JSON.stringify(p8.rincian.penjelasan));
  assert.ok(p8.rincian.penjelasan.some((l) => /Hukuman disiplin sedang/.test(l)), JSON.stringify(p8.rincian.penjelasan));
  // inputs that no longer give the stored amount are not explained with wrong lines
  run(`UPDATE tpp_hasil SET jumlah = jumlah + 1 WHERE bulan_id = ${ctx.bulan} AND pegawai_id = ${P[8]}`);
  const rusak = (await call(srv, 'GET', `/api/v1/tpp/bulan/${ctx.bulan}/pegawai/${P[8]}`, { token: T.admin })).json;
  assert.deepEqual(rusak.rincian.baris, []);
  assert.match(rusak.rincian.penjelasan[0], /tidak dapat disusun ulang/);
  run(`UPDATE tpp_hasil SET jumlah = jumlah - 1 WHERE bulan_id = ${ctx.bulan} AND pegawai_id = ${P[8]}`);
  // what-if: the same table with kelas 9 raised to 6,000,000, as a draft copy
  r = await call(srv, 'POST', '/api/v1/tpp/aturan', { token: T.admin, body: { nama: 'Usulan kenaikan', salin_dari: ctx.aturan } });
  assert.equal(r.status, 201, r.text);
  const usul = r.json.id;
  r = await call(srv, 'PATCH', `/api/v1/tpp/aturan/${usul}`, { token: T.admin,
    body: { aturan: { ...r.json.aturan, besaran_kelas: { ...r.json.aturan.besaran_kelas, 9: 6000000 } } } });
  assert.equal(r.status, 200, r.text);
  const sim = await call(srv, 'POST', `/api/v1/tpp/aturan/${usul}/simulasi`, { token: T.admin, body: { bulan: BULAN } });
  assert.equal(sim.status, 200, sim.text);
  const month = (await call(srv, 'GET', `/api/v1/tpp/bulan/${ctx.bulan}`, { token: T.admin })).json;
  assert.equal(sim.json.jumlah_sekarang, month.jumlah);
  assert.equal(sim.json.selisih, sim.json.jumlah - month.jumlah);
  const unit = sim.json.per_unit.find((u) => u.unit_kerja_id === ctx.unit);
  assert.ok(unit.selisih > 0, 'raising kelas 9 raises the unit\'s cost');
  assert.equal((await call(srv, 'GET', `/api/v1/tpp/bulan/${ctx.bulan}`, { token: T.admin })).json.jumlah, month.jumlah, 'the what-if stored nothing');
  // approval
  r = await call(srv, 'POST', `/api/v1/tpp/bulan/${ctx.bulan}/setujui`, { token: T.admin, body: {} });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'disetujui');
  assert.match(r.json.hash, /^[0-9a-f]{64}$/);
  assert.equal(one(`SELECT COUNT(*) AS n FROM audit_log WHERE aksi = 'tpp.setujui' AND entitas_id = ${ctx.bulan} AND sesudah LIKE '%${r.json.hash}%'`).n, 1);
  isProblem(assert, await call(srv, 'POST', '/api/v1/tpp/bulan', { token: T.admin, body: { bulan: BULAN } }), 409);
  isProblem(assert, await call(srv, 'POST', `/api/v1/tpp/bulan/${ctx.bulan}/setujui`, { token: T.admin, body: {} }), 409);
  isProblem(assert, await call(srv, 'POST', `/api/v1/tpp/bulan/${ctx.bulan}/setujui`, { token: T.admin2, body: {} }), 403);
  isProblem(assert, await call(srv, 'POST', '/api/v1/tpp/bulan', { token: T.admin, body: { bulan: 'April' } }), 422, 'bulan');
});
