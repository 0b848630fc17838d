// `kinerja hitung tukin` (issue 9): the TPP/tukin of one pegawai-month from a JSON file through the
// binary: the documented example (docs/contoh-tukin.json, worked out by hand in docs/tpp.md and
// tests/unit/test_tpp.c), stdin, both presets, and exit 2 with the JSON path of each bad field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, TOP } from './lib.mjs';

const CONTOH = join(TOP, 'docs', 'contoh-tukin.json');
const contoh = () => JSON.parse(readFileSync(CONTOH, 'utf8'));

function tukin(args, input) {
  const r = spawnSync(BIN, ['hitung', 'tukin', ...args], { encoding: 'utf8', input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
// The input object through stdin, --json; returns {status, json, stderr}.
function tukinJson(obj) {
  const r = tukin(['--input', '-', '--json'], JSON.stringify(obj));
  return { ...r, json: r.status === 0 ? JSON.parse(r.stdout) : null };
}

test('the documented example: text breakdown, exit 0', () => {
  const r = tukin(['--input', CONTOH]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^TPP\/tunjangan kinerja 2024-05 \(TPP Pemerintah Kabupaten Contoh 2024\)$/m);
  assert.match(r.stdout, /Komponen kinerja: +Rp2\.740\.735 {2}\(60% × 100%\)/);
  assert.match(r.stdout, /Komponen disiplin: +Rp1\.479\.997 {2}\(40% × \(100% − 19%\)\)/);
  assert.match(r.stdout, /Potongan sanksi: +Rp1\.055\.183 {2}\(25%\)/);
  assert.match(r.stdout, /Jumlah diterima: +Rp3\.165\.549$/m);
  // each deduction names the date, the presensi facts, the rule row and the rupiah
  assert.match(r.stdout, /- 2024-05-06 \(hari ke-4\): masuk 08:17, jadwal masuk 07:30 = terlambat 47 menit; TL2 \(terlambat 31-60 menit\): 1% × Rp1\.827\.156,40 = Rp18\.271,56\./);
  assert.match(r.stdout, /- 2024-05-27 \(hari ke-19\): pulang 15:29, jadwal pulang 16:00 = pulang 31 menit lebih awal; PSW2/);
  assert.match(r.stdout, /Sanksi HDS1 \(SK hukuman disiplin sedang Nomor 800\/12\/2024\): potongan 25% selama 6 bulan, 2024-03 s\.d\. 2024-08; berlaku/);
  assert.doesNotMatch(r.stdout, /2024-05-14/, 'cuti is never a deduction line');
});

test('the documented example as JSON: every rupiah worked out by hand', () => {
  const r = tukin(['--input', CONTOH, '--json']);
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.deepEqual(
    { dasar: j.dasar, kinerja: j.kinerja, disiplin_penuh: j.disiplin_penuh, disiplin: j.disiplin,
      potongan_presensi: j.potongan_presensi, potongan_sanksi: j.potongan_sanksi, jumlah: j.jumlah },
    { dasar: 4567891, kinerja: 2740735, disiplin_penuh: 1827156, disiplin: 1479997,
      potongan_presensi: 347159, potongan_sanksi: 1055183, jumlah: 3165549 });
  assert.equal(j.potongan_persen, 19);
  assert.equal(j.sanksi_persen, 25);
  assert.equal(j.batas_bulanan_tercapai, false);
  assert.equal(j.predikat, 'Baik');
  assert.equal(j.kelas_jabatan, 9);
  assert.deepEqual(j.pegawai, { nip: '198703122010011002', nama: 'Budi Santoso' });
  assert.deepEqual(j.hari, { hadir: 13, tanpa_keterangan: 1, cuti: 2, dinas_luar: 1, sakit_dengan_surat: 1, tugas_belajar: 0, libur: 5 });
  assert.deepEqual(j.rincian.map((x) => [x.tanggal, x.kode, x.menit, x.persen]), [
    ['2024-05-03', 'TL1', 15, 0.5], ['2024-05-06', 'TL2', 47, 1], ['2024-05-07', 'PSW2', 60, 1],
    ['2024-05-08', 'TL4', 91, 1.5], ['2024-05-13', 'TK', 0, 5], ['2024-05-20', 'TAM', 0, 1.5],
    ['2024-05-21', 'TAP', 0, 1.5], ['2024-05-22', 'TK', 0, 5], ['2024-05-27', 'TL1', 30, 0.5],
    ['2024-05-27', 'PSW2', 31, 1], ['2024-05-29', 'TL1', 1, 0.5],
  ]);
  assert.equal(j.rincian[1].rupiah, 18271.56);
  assert.ok(j.penjelasan.some((l) => l.includes('belum dipastikan')), 'the rounding point is marked unconfirmed');
});

test('stdin, overrides, and the sanction outside its months', () => {
  const m = contoh();
  m.periode = '2024-10';  // HDS1 from 2024-03 for 6 months has ended (2024-08)
  for (const h of m.hari) h.tanggal = h.tanggal.replace('2024-05', '2024-10');
  let r = tukinJson(m);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.json.sanksi_persen, 0);
  assert.equal(r.json.jumlah, 4220732);
  // a per-day cap of 1 %: the TL4, TAM, TAP days (1,5 %) and the 27th (TL1 0,5 + PSW2 1) are each cut
  // by 0,5 %; the TK days (5 %) are not capped
  m.aturan.batas_harian = 1;
  r = tukinJson(m);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.json.potongan_persen, 17);
  const caps = r.json.rincian.filter((x) => x.jenis === 'batas_harian');
  assert.deepEqual(caps.map((x) => [x.tanggal, x.persen]),
    [['2024-10-08', -0.5], ['2024-10-20', -0.5], ['2024-10-21', -0.5], ['2024-10-27', -0.5]]);
  // dasar given directly, paid by score band
  const n = { aturan: { preset: 'umum_daerah' }, periode: '2024-05', dasar: 5000000, nilai: 87.5,
    jadwal: { masuk: '07:30', pulang: '16:00' }, hari: [{ masuk: '08:01', pulang: '16:00' }] };
  r = tukinJson(n);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.json.bayar_kinerja, 75);
  assert.equal(r.json.kinerja, 2250000);
  assert.equal(r.json.rincian[0].kode, 'TL2');  // 31 minutes
  assert.equal(r.json.rincian[0].tanggal, null);
  assert.equal(r.json.disiplin, 1980000);
});

test('boundaries 30/31/60/61/90/91 through the binary', () => {
  const cases = [['08:00', 'TL1'], ['08:01', 'TL2'], ['08:30', 'TL2'], ['08:31', 'TL3'], ['09:00', 'TL3'], ['09:01', 'TL4']];
  for (const [masuk, kode] of cases) {
    const r = tukinJson({ aturan: { preset: 'umum_daerah' }, periode: '2024-05', dasar: 1000000, predikat: 'baik',
      jadwal: { masuk: '07:30', pulang: '16:00' }, hari: [{ tanggal: '2024-05-02', masuk, pulang: '16:00' }] });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.json.rincian[0].kode, kode, masuk);
  }
});

test('Kementan 2012: deductions on the whole allowance', () => {
  const r = tukinJson({ aturan: { preset: 'kementan_2012' }, periode: '2024-05', dasar: 5000000, predikat: 'baik',
    jadwal: { masuk: '07:30', pulang: '16:00' },
    hari: [{ masuk: '08:45', pulang: '16:00' }, { masuk: '09:01', pulang: '16:00' }, { status: 'tanpa_keterangan' },
      { status: 'cuti' }, { status: 'libur' }] });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.json.rincian.map((x) => [x.kode, x.persen]), [['TL3', 1.5], ['TL4', 2], ['TK', 4]]);
  assert.equal(r.json.aturan.potongan_dikenakan_pada, 'seluruh');
  assert.equal(r.json.potongan_presensi, 375000);
  assert.equal(r.json.jumlah, 4625000);
});

test('bad input: exit 2, the JSON path and an Indonesian message', () => {
  const base = () => ({ aturan: { preset: 'umum_daerah' }, periode: '2024-05', dasar: 5000000, predikat: 'baik',
    jadwal: { masuk: '07:30', pulang: '16:00' }, hari: [{ tanggal: '2024-05-02', masuk: '07:30', pulang: '16:00' }] });
  const cases = [
    [(m) => { m.hari[0].masuk = '16:00'; m.hari[0].pulang = '07:30'; },
      'hari[0].pulang: hari ke-1: jam pulang 07:30 lebih awal dari jam masuk 16:00'],
    [(m) => { m.aturan.potongan = [
      { kode: 'TL1', jenis: 'tl', menit_dari: 1, menit_sampai: 30, persen: 0.5 },
      { kode: 'TL2', jenis: 'tl', menit_dari: 30, persen: 1 },
      { kode: 'TK', jenis: 'tk', persen: 5 }, { kode: 'TAM', jenis: 'tam', persen: 1.5 }, { kode: 'TAP', jenis: 'tap', persen: 1.5 }]; },
      'aturan.potongan[1].menit_dari: baris TL2 (30 menit atau lebih) tumpang tindih dengan baris TL1 (1-30 menit)'],
    [(m) => { m.aturan.bayar_predikat = { baik: 101 }; }, 'aturan.bayar_predikat.baik: harus angka 0 sampai 100'],
    [(m) => { m.aturan.porsi_kinerja = 70; }, 'aturan.porsi_disiplin: porsi kinerja 70% dan porsi disiplin 40% harus berjumlah 100%'],
    [(m) => { m.aturan.preset = 'jakarta'; }, 'aturan.preset: preset tidak dikenal; pilih umum_daerah kementan_2012'],
    [(m) => { m.hari[0].tanggal = '2024-06-02'; }, 'hari[0].tanggal: hari ke-1: tanggal 2024-06-02 bukan tanggal dalam periode 2024-05'],
    [(m) => { m.hari[0].status = 'sakit'; }, 'hari[0].status: harus hadir, tanpa_keterangan'],
    [(m) => { m.hari[0].masuk = '7.30'; }, 'hari[0].masuk: harus jam HH:MM'],
    [(m) => { delete m.jadwal; }, 'hari[0].jadwal: hari ke-1: jadwal masuk dan pulang wajib diisi'],
    [(m) => { delete m.dasar; m.kelas_jabatan = 9; }, 'kelas_jabatan: besaran untuk kelas jabatan 9 belum diatur dalam tabel'],
    [(m) => { m.nilai = 80; }, 'nilai: isi predikat atau nilai, tidak keduanya'],
    [(m) => { m.sanksi = [{ kode: 'X', mulai: '2024-01' }]; }, 'sanksi[0].kode: kode sanksi tidak ada dalam tabel aturan'],
    [(m) => { m.hadir = []; }, 'hadir: tidak dikenal'],
  ];
  for (const [ubah, pesan] of cases) {
    const m = base();
    ubah(m);
    const r = tukin(['--input', '-'], JSON.stringify(m));
    assert.equal(r.status, 2, pesan);
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.includes(`kinerja hitung tukin: ${pesan}`), `${pesan}\n${r.stderr}`);
  }
  let r = tukin(['--input', '-'], '{"aturan":');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /JSON tidak sah pada baris 1/);
  r = tukin([]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--input FILE\.json wajib diisi/);
  r = tukin(['--input', join(TOP, 'docs', 'tidak-ada.json')]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /tidak dapat membuka/);
  r = tukin(['--help']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /Pemakaian: kinerja hitung tukin --input FILE\.json\|- \[--json\]/);
});
