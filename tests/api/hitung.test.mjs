// The regulation calculator (issue 6): `kinerja hitung ...` through the binary (output, --json,
// exit codes 0/1/2) and POST /api/v1/hitung/... (200 with the same JSON, 422 with field errors).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, tokenFor, isProblem, kinerjaStatus, count } from './lib.mjs';

const hitung = (...args) => kinerjaStatus(['hitung', ...args]);
const hitungJson = (...args) => {
  const r = hitung(...args, '--json');
  return { ...r, json: r.stdout ? JSON.parse(r.stdout) : null };
};

// ---- command line ----

test('CLI predikat: the matrix, all nine cells, human and JSON', () => {
  const cells = [
    ['di_atas', 'di_bawah', 'Kurang/Misconduct'], ['di_atas', 'sesuai', 'Baik'], ['di_atas', 'di_atas', 'Sangat Baik'],
    ['sesuai', 'di_bawah', 'Kurang/Misconduct'], ['sesuai', 'sesuai', 'Baik'], ['sesuai', 'di_atas', 'Baik'],
    ['di_bawah', 'di_bawah', 'Sangat Kurang'], ['di_bawah', 'sesuai', 'Butuh Perbaikan'], ['di_bawah', 'di_atas', 'Butuh Perbaikan'],
  ];
  for (const [h, p, want] of cells) {
    const r = hitungJson('predikat', '--hasil-kerja', h, '--perilaku', p);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.json.predikat, want);
    assert.equal(r.json.hasil_kerja, h);
    assert.equal(r.json.perilaku, p);
    assert.ok(r.json.penjelasan.some((l) => l.includes('PermenPANRB Nomor 6 Tahun 2022')));
  }
  const r = hitung('predikat', '--hasil-kerja=sesuai', '--perilaku=di_atas');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^Predikat kinerja pegawai: Baik$/m);
  assert.match(r.stdout, /Penjelasan:\n {2}- Masukan: rating hasil kerja Sesuai Ekspektasi, rating perilaku kerja Di Atas Ekspektasi\./);
});

test('CLI kurva: exit 0 when it complies, 1 listing each broken rule', () => {
  // DOMAIN.md: unit Baik, 10 pegawai: 7 Baik, 2 Sangat Baik, 1 Butuh Perbaikan is fine
  let r = hitung('kurva', '--organisasi', 'baik', '--jumlah', '2,7,1,0,0');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /SESUAI/);
  // 8 Baik and 2 Butuh Perbaikan breaks "at most 70 % Baik"
  r = hitung('kurva', '--organisasi', 'baik', '--jumlah', '0,8,2,0,0');
  assert.equal(r.status, 1);
  assert.match(r.stdout, /TIDAK SESUAI, 1 aturan dilanggar/);
  assert.match(r.stdout, /\* paling banyak 70% Baik: 8 dari 10 pegawai, paling banyak 7/);
  const j = hitungJson('kurva', '--organisasi', 'baik', '--jumlah', '0,8,2,0,0');
  assert.equal(j.status, 1);
  assert.equal(j.json.patuh, false);
  assert.equal(j.json.predikat_organisasi, 'Baik');
  assert.equal(j.json.total, 10);
  assert.deepEqual(j.json.jumlah, { sangat_baik: 0, baik: 8, butuh_perbaikan: 2, kurang: 0, sangat_kurang: 0 });
  assert.equal(j.json.pelanggaran.length, 1);
  assert.deepEqual(
    { aturan: j.json.pelanggaran[0].aturan, jumlah: j.json.pelanggaran[0].jumlah, batas: j.json.pelanggaran[0].batas, persen: j.json.pelanggaran[0].persen },
    { aturan: 'paling banyak 70% Baik', jumlah: 8, batas: 7, persen: 70 });
  // several broken rules are all listed
  r = hitungJson('kurva', '--organisasi', 'sangat_kurang', '--jumlah', '1,5,0,0,4');
  assert.equal(r.status, 1);
  assert.equal(r.json.pelanggaran.length, 3);
  // rounding for small units is a setting: 3 Baik of 3 is 100 %; 70 % of 3 = 2.1
  r = hitungJson('kurva', '--organisasi', 'baik', '--jumlah', '0,2,1,0,0');
  assert.equal(r.status, 0);
  r = hitungJson('kurva', '--organisasi', 'istimewa', '--jumlah', '1,0,0,0,0');
  assert.equal(r.status, 1, 'exact: 1 > 0.7');
  r = hitungJson('kurva', '--organisasi', 'istimewa', '--jumlah', '1,0,0,0,0', '--pembulatan', 'atas');
  assert.equal(r.status, 0, 'rounded up: at most 1');
  assert.equal(r.json.pembulatan, 'atas');
});

test('CLI angka-kredit: BKN worked example 18.75 + 2.08 = 20.83', () => {
  const r = hitungJson('angka-kredit', '--jenjang', 'ahli_pertama', '--periode', '2023-01:2023-12=sangat_baik',
    '--periode', '2024-01:2024-02=baik');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.json.nama_jenjang, 'Ahli Pertama');
  assert.equal(r.json.koefisien, 12.5);
  assert.deepEqual(r.json.periode.map((p) => [p.bulan, p.predikat, p.persentase, p.angka_kredit]),
    [[12, 'Sangat Baik', 150, 18.75], [2, 'Baik', 100, 2.08]]);
  assert.equal(r.json.periode[1].angka_kredit_presisi, 2.0833);
  assert.equal(r.json.angka_kredit, 20.83);
  assert.equal(r.json.angka_kredit_presisi, 20.8333);
  assert.equal(r.json.kebutuhan_kenaikan_pangkat, 50);
  assert.equal(r.json.kekurangan_kenaikan_pangkat, 29.17);
  assert.equal(r.json.kebutuhan_kenaikan_jenjang, 100);
  assert.ok(r.json.penjelasan.some((l) => l.includes('PermenPANRB Nomor 1 Tahun 2023 Pasal 37')));
  const h = hitung('angka-kredit', '--jenjang', 'ahli_pertama', '--periode', '2023-01:2023-12=sangat_baik',
    '--periode', '2024-01:2024-02=baik');
  assert.equal(h.status, 0);
  assert.match(h.stdout, /Jumlah angka kredit: 20,83/);
  assert.match(h.stdout, /2023-01 s\.d\. 2023-12 +12 bulan +Sangat Baik +150% +18,75/);
  // the highest jenjang has no kenaikan jenjang
  const u = hitungJson('angka-kredit', '--jenjang', 'ahli_utama', '--periode', '2024-01:2024-12=baik');
  assert.equal(u.json.angka_kredit, 50);
  assert.equal(u.json.kebutuhan_kenaikan_jenjang, null);
  // per-period rounding is a setting
  const months = ['2024-01:2024-01=baik', '2024-02:2024-02=baik', '2024-03:2024-03=baik'].flatMap((p) => ['--periode', p]);
  assert.equal(hitungJson('angka-kredit', '--jenjang', 'ahli_pertama', ...months).json.angka_kredit, 3.13);
  assert.equal(hitungJson('angka-kredit', '--jenjang', 'ahli_pertama', ...months, '--pembulatan', 'per_periode').json.angka_kredit, 3.12);
});

test('CLI pp30: 100 and 80 at 60/40 -> 92.0 Baik; inovasi for Sangat Baik', () => {
  let r = hitungJson('pp30', '--skp', '100', '--perilaku', '80', '--360');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.json.nilai, 92);
  assert.equal(r.json.predikat, 'Baik');
  assert.equal(r.json.bobot_skp, 60);
  assert.equal(r.json.bobot_perilaku, 40);
  r = hitungJson('pp30', '--skp', '85', '--perilaku', '90');
  assert.equal(r.json.nilai, 86.5);
  assert.equal(r.json.predikat, 'Cukup');
  assert.equal(hitungJson('pp30', '--skp', '115', '--perilaku', '112').json.predikat, 'Baik');
  assert.equal(hitungJson('pp30', '--skp', '115', '--perilaku', '112', '--inovasi').json.predikat, 'Sangat Baik');
  assert.equal(hitungJson('pp30', '--skp', '45', '--perilaku', '45').json.predikat, 'Sangat Kurang');
  assert.equal(hitungJson('pp30', '--skp', '45', '--perilaku', '45', '--batas-sangat-kurang', '40').json.predikat, 'Kurang');
  const h = hitung('pp30', '--skp', '100', '--perilaku', '80', '--360');
  assert.match(h.stdout, /Nilai kinerja \(PP 30\/2019, bobot 60\/40\): 92,00, predikat Baik/);
  assert.match(h.stdout, /PP Nomor 30 Tahun 2019 Pasal 41/);
});

test('CLI pp46: 10/10, 100/90, 12/12 -> 88.67', () => {
  let r = hitungJson('pp46', '--kegiatan', '10,100,12:10,90,12');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual([r.json.kegiatan[0].kuantitas, r.json.kegiatan[0].kualitas, r.json.kegiatan[0].waktu, r.json.kegiatan[0].biaya],
    [100, 90, 76, null]);
  assert.equal(r.json.kegiatan[0].nilai_capaian, 88.67);
  assert.equal(r.json.nilai_skp, 88.67);
  assert.equal(r.json.predikat, 'Baik');
  assert.equal(r.json.dasar_predikat, 'nilai_skp');
  r = hitungJson('pp46', '--kegiatan', '10,100,12:10,90,12', '--kegiatan', '10,100,12,1000:10,90,12,900', '--perilaku', '80');
  assert.equal(r.json.kegiatan[1].biaya, 86);
  assert.equal(r.json.kegiatan[1].nilai_capaian, 88);
  assert.equal(r.json.nilai_skp, 88.33);
  assert.equal(r.json.prestasi_kerja, 85);
  assert.equal(r.json.dasar_predikat, 'prestasi_kerja');
  const h = hitung('pp46', '--kegiatan', '10,100,12:10,90,12');
  assert.match(h.stdout, /Nilai SKP: 88,67 \(Baik\)/);
});

test('CLI: bad arguments exit 2 with an Indonesian message; no calculation prints usage', () => {
  const cases = [
    [['predikat', '--hasil-kerja', 'bagus', '--perilaku', 'sesuai'], /--hasil-kerja: harus di_atas, sesuai atau di_bawah/],
    [['predikat', '--hasil-kerja', 'sesuai'], /--perilaku: wajib diisi/],
    [['kurva', '--organisasi', 'baik', '--jumlah', '1,2,3'], /--jumlah: harus lima bilangan bulat/],
    [['kurva', '--organisasi', 'cukup', '--jumlah', '1,2,3,4,5'], /--organisasi: harus istimewa/],
    [['kurva', '--organisasi', 'baik', '--jumlah', '0,0,0,0,0'], /unit tanpa pegawai/],
    [['kurva', '--organisasi', 'baik', '--jumlah', '1,2,3,4,5', '--pembulatan', 'x'], /--pembulatan: harus tepat, bawah, atas atau terdekat/],
    [['angka-kredit', '--jenjang', 'ahli_pertama', '--periode', '2024-12:2024-01=baik'], /--periode \(ke-1\): akhir periode tidak boleh sebelum awalnya/],
    [['angka-kredit', '--jenjang', 'ahli_pertama', '--periode', '2024-01:2024-06=baik', '--periode', '2024-06:2024-12=baik'], /--periode \(ke-2\): periode tumpang tindih/],
    [['angka-kredit', '--jenjang', 'guru', '--periode', '2024-01:2024-06=baik'], /--jenjang: harus pemula/],
    [['angka-kredit', '--jenjang', 'mahir'], /--periode: wajib diisi/],
    [['pp30', '--skp', '121', '--perilaku', '80'], /--skp: nilai SKP harus antara 0 dan 120/],
    [['pp30', '--skp', 'sembilan', '--perilaku', '80'], /--skp: harus angka tidak negatif/],
    [['pp30', '--skp', '--perilaku', '80'], /--skp memerlukan nilai/],
    [['pp30', '--skp', '90', '--skp', '80', '--perilaku', '80'], /--skp disebut lebih dari sekali/],
    [['pp30', '--skp', '90', '--perilaku', '80', '--360=ya'], /--360 tidak memakai nilai/],
    [['pp46', '--kegiatan', '0,100,12:10,90,12'], /--kegiatan \(ke-1\): target kuantitas \(TO\) harus lebih dari 0/],
    [['pp46', '--kegiatan', '10,100,12:10,90,12', '--perilaku', '101'], /--perilaku: nilai perilaku kerja harus antara 0 dan 100/],
    [['pp46', '--kegiatan', '10,100,12:10,90,12', '--foo'], /opsi tidak dikenal: --foo/],
  ];
  for (const [args, re] of cases) {
    const r = hitung(...args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.status} ${r.stdout}`);
    assert.match(r.stderr, re, args.join(' '));
    assert.equal(r.stdout, '', 'nothing on stdout');
  }
  let r = hitung();
  assert.equal(r.status, 2);
  assert.match(r.stderr, /Pemakaian: kinerja hitung PERHITUNGAN/);
  r = hitung('bonus');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /perhitungan tidak dikenal: bonus/);
  assert.match(r.stderr, /Pemakaian/);
  r = hitung('--help');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /angka-kredit +--jenjang/);
});

// ---- API ----

let srv, tok;
before(async () => {
  srv = await startServer({ pegawai: 20 });
  tok = tokenFor(srv, 'pegawai');
});
after(async () => { await srv?.stop(); });

const post = (name, body, token = tok) => call(srv, 'POST', `/api/v1/hitung/${name}`, { token, body });

test('API answers the same JSON as --json for each calculation', async () => {
  const pairs = [
    ['predikat', { hasil_kerja: 'di_bawah', perilaku: 'sesuai' }, ['--hasil-kerja', 'di_bawah', '--perilaku', 'sesuai']],
    ['kurva', { organisasi: 'baik', jumlah: [2, 7, 1, 0, 0] }, ['--organisasi', 'baik', '--jumlah', '2,7,1,0,0']],
    ['kurva', { organisasi: 'kurang', jumlah: '0,3,0,6,1', pembulatan: 'terdekat' },
      ['--organisasi', 'kurang', '--jumlah', '0,3,0,6,1', '--pembulatan', 'terdekat']],
    ['angka-kredit', { jenjang: 'ahli_pertama', periode: ['2023-01:2023-12=sangat_baik', { dari: '2024-01', sampai: '2024-02', predikat: 'baik' }] },
      ['--jenjang', 'ahli_pertama', '--periode', '2023-01:2023-12=sangat_baik', '--periode', '2024-01:2024-02=baik']],
    ['pp30', { skp: 100, perilaku: 80, penilaian_360: true }, ['--skp', '100', '--perilaku', '80', '--360']],
    ['pp30', { skp: '92,5', perilaku: 88.25, inovasi: false, batas_sangat_kurang: 45 }, ['--skp', '92.5', '--perilaku', '88.25', '--batas-sangat-kurang', '45']],
    ['pp46', { kegiatan: [{ target: { kuantitas: 10, kualitas: 100, waktu: 12 }, realisasi: { kuantitas: 10, kualitas: 90, waktu: 12 } }], perilaku: 80 },
      ['--kegiatan', '10,100,12:10,90,12', '--perilaku', '80']],
  ];
  for (const [name, body, args] of pairs) {
    const a = await post(name, body);
    assert.equal(a.status, 200, `${name}: ${a.text}`);
    assert.match(a.headers.get('content-type'), /application\/json/);
    const c = hitungJson(name, ...args);
    assert.deepEqual(a.json, c.json, name);
  }
  // decimals are written as computed, not as binary floating point noise
  const r = await post('pp46', { kegiatan: ['10,100,12:10,90,12'] });
  assert.match(r.text, /"nilai_skp":88\.67[,}]/);
});

test('API kurva: a broken pola distribusi is a 200 answer with patuh false', async () => {
  const r = await post('kurva', { organisasi: 'baik', jumlah: [0, 8, 2, 0, 0] });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.patuh, false);
  assert.equal(r.json.pelanggaran.length, 1);
  assert.equal(r.json.pelanggaran[0].aturan, 'paling banyak 70% Baik');
  assert.equal(r.json.pelanggaran[0].jumlah, 8);
  assert.equal(r.json.pelanggaran[0].batas, 7);
  const ok = await post('kurva', { organisasi: 'baik', jumlah: [2, 7, 1, 0, 0] });
  assert.equal(ok.json.patuh, true);
  assert.deepEqual(ok.json.pelanggaran, []);
});

test('API BKN example and pp30 example', async () => {
  const ak = await post('angka-kredit', { jenjang: 'ahli_pertama', periode: ['2023-01:2023-12=sangat_baik', '2024-01:2024-02=baik'] });
  assert.equal(ak.status, 200, ak.text);
  assert.equal(ak.json.angka_kredit, 20.83);
  assert.deepEqual(ak.json.periode.map((p) => p.angka_kredit), [18.75, 2.08]);
  const p = await post('pp30', { skp: 100, perilaku: 80, penilaian_360: true });
  assert.equal(p.json.nilai, 92);
  assert.equal(p.json.predikat, 'Baik');
  const q = await post('pp46', { kegiatan: ['10,100,12:10,90,12'] });
  assert.equal(q.json.nilai_skp, 88.67);
  const d = await post('predikat', { hasil_kerja: 'di_atas', perilaku: 'di_bawah' });
  assert.equal(d.json.predikat, 'Kurang/Misconduct');
});

test('API bad input: 422 problem with field errors, nothing stored', async () => {
  const audit = count(srv, 'audit_log');
  const cases = [
    ['predikat', { hasil_kerja: 'bagus', perilaku: 'sesuai' }, 'hasil_kerja'],
    ['predikat', { hasil_kerja: 'sesuai' }, 'perilaku'],
    ['predikat', { hasil_kerja: 'sesuai', perilaku: 'sesuai', catatan: 'x' }, 'catatan'],
    ['predikat', { hasil_kerja: 3, perilaku: 'sesuai' }, 'hasil_kerja'],
    ['kurva', { organisasi: 'baik', jumlah: [1, 2, 3] }, 'jumlah'],
    ['kurva', { organisasi: 'baik', jumlah: [1, 2, 3, 4, -5] }, 'jumlah'],
    ['kurva', { organisasi: 'baik', jumlah: [0, 0, 0, 0, 0] }, 'jumlah'],
    ['kurva', { organisasi: 'baik', jumlah: [1, 2, 3, 4, 5], pembulatan: 'acak' }, 'pembulatan'],
    ['kurva', { organisasi: 'hebat', jumlah: [1, 2, 3, 4, 5] }, 'organisasi'],
    ['angka-kredit', { jenjang: 'ahli_pertama', periode: ['2024-01:2024-13=baik'] }, 'periode[0]'],
    ['angka-kredit', { jenjang: 'ahli_pertama', periode: ['2024-01:2024-06=baik', '2024-03:2024-04=baik'] }, 'periode[1]'],
    ['angka-kredit', { jenjang: 'ahli_pertama', periode: [] }, 'periode'],
    ['angka-kredit', { jenjang: 'ahli_pertama', periode: Array.from({ length: 41 }, (_, i) => `${2000 + i}-01:${2000 + i}-12=baik`) }, 'periode'],
    ['angka-kredit', { jenjang: 'ahli_pertama', periode: [{ dari: '2024-01', predikat: 'baik' }] }, 'periode[0]'],
    ['pp30', { skp: 130, perilaku: 80 }, 'skp'],
    ['pp30', { skp: -1, perilaku: 80 }, 'skp'],
    ['pp30', { skp: 90, perilaku: 80, penilaian_360: 'ya' }, 'penilaian_360'],
    ['pp30', { skp: 90, perilaku: 80, batas_sangat_kurang: 75 }, 'batas_sangat_kurang'],
    ['pp30', { skp: 0.0000001, perilaku: 80 }, 'skp'],
    ['pp46', { kegiatan: ['10,100,12:10,90'] }, 'kegiatan[0]'],
    ['pp46', { kegiatan: [{ target: { kuantitas: 0, kualitas: 100, waktu: 12 }, realisasi: { kuantitas: 1, kualitas: 1, waktu: 1 } }] }, 'kegiatan[0]'],
    ['pp46', { kegiatan: [{ target: { kuantitas: 1, kualitas: 100, waktu: 12, biaya: 5 }, realisasi: { kuantitas: 1, kualitas: 1, waktu: 1 } }] }, 'kegiatan[0]'],
    ['pp46', {}, 'kegiatan'],
  ];
  for (const [name, body, field] of cases) {
    const r = await post(name, body);
    isProblem(assert, r, 422, field);
  }
  assert.equal(count(srv, 'audit_log'), audit);
  // every field error is reported, not just the first
  const many = await post('predikat', { hasil_kerja: 'x', perilaku: 'y' });
  assert.deepEqual(many.json.errors.map((e) => e.field).sort(), ['hasil_kerja', 'perilaku']);
});

test('API: login required; any signed-in role may calculate; a body is required', async () => {
  const body = { hasil_kerja: 'sesuai', perilaku: 'sesuai' };
  const anon = await call(srv, 'POST', '/api/v1/hitung/predikat', { body });
  assert.equal(anon.status, 401);
  for (const role of ['admin', 'auditor', 'atasan', 'pimpinan']) {
    const r = await post('predikat', body, tokenFor(srv, role));
    assert.equal(r.status, 200, `${role}: ${r.text}`);
  }
  isProblem(assert, await call(srv, 'POST', '/api/v1/hitung/kurva', { token: tok, raw: '[1,2]' }), 400);
  isProblem(assert, await call(srv, 'POST', '/api/v1/hitung/kurva', { token: tok, raw: '' }), 400);
  assert.equal((await call(srv, 'GET', '/api/v1/hitung/kurva', { token: tok })).status, 405);
});
