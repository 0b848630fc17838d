// Journeys through the admin, auditor and presensi screens (issues 7 and 9) on a phone-sized
// screen: the admin imports a pegawai CSV with one bad row (the row's line number is shown,
// nothing is stored) and then a good file; a pegawai who edits the URL to another pegawai's
// page gets a clear refusal and no data; the admin finds a pegawai by NIP and corrects a field
// error; the auditor filters the audit log and verifies the hash chain; the admin sets a
// schedule, maps an import source, imports a presensi file with a bad line, fixes it, and the
// pegawai sees the minutes late on the right day; an overlapping cuti gets a field error.
// Every step waits for text or roles, never for time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, call, tokenFor, sql, TOP, PASSWORD } from '../api/lib.mjs';
import { launch, hilang } from './browser.mjs';

process.env.TZ = 'Asia/Jakarta';

let srv, ctx;
const T = {};
const info = {};
const shot = (page, name) => page.screenshot({ path: join(TOP, 'tests/artifacts', `admin-${name}.png`), fullPage: true });
const get = async (tok, path) => (await call(srv, 'GET', path, { token: tok })).json;
const jumlahPegawai = async () => (await get(T.admin, '/api/v1/pegawai?aktif=semua&total=1&limit=1')).total;

const HEAD = 'nip;nama;gelar_depan;gelar_belakang;jenis_kelamin;tanggal_lahir;jenis_asn;golongan;jabatan;jenis_jabatan;unit_kerja;nip_atasan';
const BARIS = [
  '197205141998031003;Hendra Gunawan;Ir.;M.Si.;L;1972-05-14;PNS;IV/b;Kepala Dinas Perikanan;jpt;Dinas Perikanan;',
  '198811222014022004;Rina Marlina;;S.Pi.;P;1988-11-22;PNS;III/c;Kepala Bidang Budidaya;administrator;Dinas Perikanan;197205141998031003',
  '199403032019031006;Yohanes Siregar;;S.T.;L;1994-03-03;PNS;III/a;Pengelola Data Perikanan;pelaksana;Dinas Perikanan;198811222014022004',
  '199607072023212003;Ni Made Ayu Lestari;;A.Md.;P;1996-07-07;PPPK;VII;Penyuluh Perikanan Terampil;fungsional;Dinas Perikanan;198811222014022004',
];
const csv = (rows) => Buffer.from([HEAD, ...rows].join('\r\n') + '\r\n');

before(async () => {
  srv = await startServer({ pegawai: 40 });
  ctx = await launch();
  for (const r of ['pegawai', 'admin', 'auditor']) T[r] = tokenFor(srv, r);
  info.me = (await get(T.pegawai, '/api/v1/auth/me')).pegawai;
  // another pegawai the account 'pegawai' may not read: not in its subtree, not its atasan chain
  const lain = JSON.parse(sql(srv, `SELECT id, nip, nama FROM pegawai WHERE instansi_id = 1 AND aktif = 1 AND id <> ${info.me.id}
    AND id <> ${info.me.atasan ? info.me.atasan.id : 0} AND COALESCE(atasan_id, 0) <> ${info.me.id} ORDER BY id DESC LIMIT 1`))[0];
  const cek = await call(srv, 'GET', `/api/v1/pegawai/${lain.id}`, { token: T.pegawai });
  assert.equal(cek.status, 403, 'the other pegawai is out of the pegawai\'s scope');
  info.lain = lain;
});
after(async () => { await ctx?.close(); await srv?.stop(); });

/** A new page signed in as `user`; fails the test on any uncaught script error. */
async function masuk(user) {
  await ctx.clearCookies();
  const page = await ctx.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(srv.url + '/');
  await page.getByLabel('NIP atau nama pengguna').fill(user);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  return page;
}
const menu = (page, name) => page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name, exact: true });
const kabar = (page, text) => page.locator('#kabar', { hasText: text }).waitFor();
const h2 = (page, name) => page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
async function selesai(page) {
  assert.deepEqual(page.errors, [], 'no script errors');
  await page.close();
}

test('1) issue 7 journey 4: a CSV with one bad row shows its line number and imports nothing; a good file imports', async () => {
  const sebelum = await jumlahPegawai();
  const page = await masuk('admin');
  await menu(page, 'Administrasi').click();
  await h2(page, 'Administrasi');
  await page.getByRole('link', { name: 'Impor pegawai' }).click();
  await h2(page, 'Impor pegawai');
  assert.equal(await page.getByRole('link', { name: 'Unduh contoh berkas CSV' }).getAttribute('href'), '/docs/contoh-pegawai.csv');
  // nothing chosen yet: the field error sits next to the file input
  await page.getByRole('button', { name: 'Periksa berkas' }).click();
  await page.locator('.galat', { hasText: 'pilih berkas CSV lebih dulu' }).waitFor();
  // line 5 (the header is line 1) has a PPPK golongan that does not exist
  const buruk = [...BARIS];
  buruk[3] = buruk[3].replace('PPPK;VII', 'PPPK;XX');
  await page.getByLabel('Berkas CSV').setInputFiles({ name: 'pegawai-salah.csv', mimeType: 'text/csv', buffer: csv(buruk) });
  await page.getByLabel('Buat unit kerja dan jabatan yang belum ada').check();
  await page.getByRole('button', { name: 'Periksa berkas' }).click();
  await page.getByRole('heading', { name: /Berkas ditolak: 1 kesalahan\. Tidak ada data yang disimpan/ }).waitFor();
  const baris = page.getByRole('table', { name: 'Kesalahan per baris berkas' }).getByRole('row').filter({ hasText: 'Baris 5' });
  await baris.waitFor();
  assert.match(await baris.innerText(), /golongan/);
  assert.equal(await page.getByRole('button', { name: 'Impor sekarang' }).isVisible(), false, 'a rejected file cannot be imported');
  await shot(page, 'impor-ditolak');
  assert.equal(await jumlahPegawai(), sebelum, 'nothing imported');
  // the corrected file: checked first (dry run), then imported with the progress bar
  await page.getByLabel('Berkas CSV').setInputFiles({ name: 'pegawai.csv', mimeType: 'text/csv', buffer: csv(BARIS) });
  await page.getByText('Berkas diganti: periksa lagi sebelum mengimpor.').waitFor();
  await page.getByRole('button', { name: 'Periksa berkas' }).click();
  await page.getByRole('heading', { name: /Berkas lolos pemeriksaan: 4 baris data/ }).waitFor();
  await page.getByText('Bila diimpor: 4 pegawai baru, 0 berubah, 0 tetap, 1 unit kerja dan 4 jabatan baru.').waitFor();
  assert.equal(await jumlahPegawai(), sebelum, 'the dry run stores nothing');
  await page.getByRole('button', { name: 'Impor sekarang' }).click();
  await page.getByRole('heading', { name: /^Impor selesai: 4 baris; 4 pegawai baru/ }).waitFor();
  assert.equal(await jumlahPegawai(), sebelum + 4);
  await shot(page, 'impor-selesai');
  await selesai(page);
});

test('2) issue 7 journey 5: a pegawai editing the URL to another pegawai\'s page gets a clear message and no data', async () => {
  const page = await masuk('pegawai');
  assert.equal(await menu(page, 'Administrasi').isVisible(), false, 'no admin menu for a pegawai');
  assert.equal(await menu(page, 'Log audit').isVisible(), false);
  // own month: allowed
  await menu(page, 'Presensi').click();
  await h2(page, 'Presensi saya');
  await page.locator('table.tabel-presensi').waitFor();
  // another pegawai's month, typed into the address bar
  await page.goto(`${srv.url}/#/pegawai/${info.lain.id}/presensi`);
  await h2(page, 'Akses ditolak');
  await page.getByRole('alert').filter({ hasText: 'Anda tidak berhak melihat data pegawai ini.' }).waitFor();
  assert.equal(await page.locator('table.tabel-presensi').count(), 0, 'no presensi shown');
  assert.equal(await page.getByText(info.lain.nip).count(), 0, 'not even the NIP');
  await shot(page, 'url-lain-presensi');
  // the admin's pegawai page of the same pegawai
  await page.goto(`${srv.url}/#/admin/pegawai/${info.lain.id}`);
  await h2(page, 'Akses ditolak');
  await page.getByRole('alert').filter({ hasText: 'Halaman ini hanya untuk admin instansi.' }).waitFor();
  assert.equal(await page.getByText(info.lain.nama).count(), 0, 'no data of the other pegawai');
  // the audit log is the auditor's
  await page.goto(`${srv.url}/#/audit`);
  await h2(page, 'Akses ditolak');
  await page.getByRole('alert').filter({ hasText: 'Halaman ini hanya untuk auditor' }).waitFor();
  await selesai(page);
});

test('3) the admin searches the pegawai list by NIP, opens the pegawai and gets a field error next to the field', async () => {
  const page = await masuk('admin');
  await page.goto(`${srv.url}/#/admin/pegawai`);
  await h2(page, 'Pegawai');
  await page.getByText(/pegawai ditemukan$/).waitFor();
  await page.getByLabel('Cari nama atau NIP').fill(info.me.nip.slice(0, 14));
  await page.getByRole('button', { name: 'Cari' }).click();
  const link = page.locator('.daftar-pegawai').getByRole('link', { name: info.me.nama_lengkap });
  await link.waitFor();
  assert.ok(page.url().includes(`q=${info.me.nip.slice(0, 14)}`), 'the search stays in the address');
  // a NIP that matches nobody: the empty state says what to do
  await page.getByLabel('Cari nama atau NIP').fill('111111111111');
  await page.getByRole('button', { name: 'Cari' }).click();
  await page.getByText(/Tidak ada pegawai yang cocok/).waitFor();
  await page.getByLabel('Cari nama atau NIP').fill(info.me.nip);
  await page.getByRole('button', { name: 'Cari' }).click();
  await link.click();
  await h2(page, info.me.nama_lengkap);
  await page.getByText(`NIP ${info.me.nip}`).first().waitFor();
  await page.getByRole('heading', { name: 'Riwayat penempatan' }).waitFor();
  // a wrong NIP: the server's message next to the NIP field, nothing saved
  const nip = page.getByLabel('NIP', { exact: true });
  await nip.fill('12345');
  await page.getByRole('button', { name: 'Simpan identitas' }).click();
  await page.locator('input[data-field="nip"][aria-invalid="true"]').waitFor();
  const galat = page.locator('input[data-field="nip"] + .galat');
  await galat.waitFor();
  assert.ok((await galat.innerText()).length > 3);
  await shot(page, 'pegawai-galat');
  assert.equal((await get(T.admin, `/api/v1/pegawai/${info.me.id}`)).nip, info.me.nip);
  await nip.fill(info.me.nip);
  await page.getByLabel('Surel (email)').fill('taufik.baru@sukamajukab.go.id');
  await page.getByRole('button', { name: 'Simpan identitas' }).click();
  await kabar(page, 'Perubahan disimpan.');
  assert.equal((await get(T.admin, `/api/v1/pegawai/${info.me.id}`)).email, 'taufik.baru@sukamajukab.go.id');
  await selesai(page);
});

test('4) the auditor filters the audit log and verifies the hash chain', async () => {
  const page = await masuk('auditor');
  await menu(page, 'Log audit').click();
  await h2(page, 'Log audit');
  await page.locator('.catatan-audit').first().waitFor();
  await page.getByLabel('Jenis data').selectOption('pegawai');
  await page.getByLabel('Aksi').fill('pegawai.update');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  // the unfiltered list stays until the filtered answer is drawn (it has this pegawai's record too)
  await page.waitForFunction(() => {
    const kode = [...document.querySelectorAll('.catatan-audit code.kode')];
    return kode.length > 0 && kode.every((k) => k.textContent === 'pegawai.update');
  });
  // the email change of journey 3: before and after side by side
  const kartu = page.locator('.catatan-audit').filter({ hasText: `Pegawai #${info.me.id}` }).first();
  await kartu.waitFor();
  const semua = await page.locator('.catatan-audit code.kode').allInnerTexts();
  assert.ok(semua.length >= 1 && semua.every((a) => a === 'pegawai.update'), semua.join());
  await kartu.getByText('Lihat perubahan').click();
  const baris = kartu.getByRole('table', { name: 'Perubahan data' }).getByRole('row').filter({ hasText: 'email' });
  await baris.waitFor();
  assert.match(await baris.innerText(), /taufik\.baru@sukamajukab\.go\.id/);
  assert.match(await kartu.innerText(), /admin \(ID \d+\)/);
  assert.ok(page.url().includes('aksi=pegawai.update'));
  await page.getByRole('button', { name: 'Verifikasi rantai' }).click();
  await page.getByRole('status').filter({ hasText: /^Rantai log audit utuh: [\d.]+ catatan diperiksa/ }).waitFor();
  await shot(page, 'audit');
  // a date range with nothing in it: the empty state
  await page.getByLabel('Dari tanggal').fill('2001-01-01');
  await page.getByLabel('Sampai tanggal').fill('2001-01-31');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await page.getByText(/Tidak ada catatan yang cocok/).waitFor();
  await selesai(page);
});

test('5) presensi: schedule, import source, a rejected file (baris 3), the fixed file, and the pegawai\'s month', async () => {
  const page = await masuk('admin');
  await page.goto(`${srv.url}/#/admin/presensi`);
  await h2(page, 'Presensi');
  const jadwal = page.getByRole('region', { name: 'Jadwal kerja' });
  await jadwal.getByLabel('Jam masuk', { exact: true }).fill('08:00');
  await jadwal.getByLabel('Jam pulang', { exact: true }).fill('16:00');
  await jadwal.getByRole('button', { name: 'Simpan jadwal' }).click();
  await kabar(page, 'Jadwal kerja disimpan.');
  assert.equal((await get(T.admin, '/api/v1/jadwal-kerja')).masuk, '08:00');
  // a wrong schedule: the error next to the field
  await jadwal.getByLabel('Jam pulang', { exact: true }).fill('07:00');
  await jadwal.getByRole('button', { name: 'Simpan jadwal' }).click();
  await jadwal.locator('input[data-field="pulang"] + .galat', { hasText: 'jam pulang harus setelah jam masuk' }).waitFor();
  await jadwal.getByLabel('Jam pulang', { exact: true }).fill('16:00');
  // the import source: the column headers of the machine's files
  const sumber = page.getByRole('region', { name: 'Sumber impor presensi' });
  await sumber.getByLabel('Nama sumber').fill('Mesin uji lantai 2');
  await sumber.getByLabel('Kolom NIP').fill('NIP Pegawai');
  await sumber.getByLabel('Kolom tanggal').fill('Tgl');
  await sumber.getByLabel('Kolom jam masuk').fill('Datang');
  await sumber.getByLabel('Kolom jam pulang').fill('Pulang');
  await sumber.getByLabel('DD/MM/YYYY atau DD-MM-YYYY (06/04/2026)').check();
  await sumber.getByRole('button', { name: 'Simpan pemetaan' }).click();
  await kabar(page, 'Pemetaan kolom disimpan.');
  await sumber.getByText('Mesin uji lantai 2').waitFor();
  // the import: line 3 names a NIP that does not exist
  const impor = page.getByRole('region', { name: 'Impor berkas presensi' });
  await impor.getByLabel('Sumber').selectOption({ label: 'Mesin uji lantai 2' });
  const isi = (nip3) => Buffer.from(['NIP Pegawai;Tgl;Datang;Pulang',
    `${info.me.nip};01/09/2026;08:17;16:05`,      // Tuesday: 17 minutes late against 08:00
    `${nip3};02/09/2026;07:55;16:00`,
    `${info.me.nip};03/09/2026;07:58;15:40`].join('\n'));   // Thursday: 20 minutes early
  await impor.getByLabel('Berkas CSV').setInputFiles({ name: 'presensi.csv', mimeType: 'text/csv', buffer: isi('999999999999999999') });
  await impor.getByRole('button', { name: 'Impor' }).click();
  await impor.getByRole('heading', { name: /Berkas ditolak: 1 kesalahan/ }).waitFor();
  const galat = impor.getByRole('row').filter({ hasText: /baris 3/i });
  await galat.waitFor();
  assert.match(await galat.innerText(), /nip/i);
  await shot(page, 'presensi-ditolak');
  assert.equal(Number(sql(srv, "SELECT COUNT(*) AS n FROM presensi WHERE tanggal LIKE '2026-09-%'").match(/\d+/)[0]), 0, 'nothing stored');
  await impor.getByLabel('Berkas CSV').setInputFiles({ name: 'presensi.csv', mimeType: 'text/csv', buffer: isi(info.me.nip) });
  await impor.getByRole('button', { name: 'Impor' }).click();
  await impor.getByText(/^Presensi disimpan: 3 catatan dari 3 baris untuk 1 pegawai, 1 September 2026 – 3 September 2026\.$/).waitFor();
  await selesai(page);

  // the pegawai's own month
  const p = await masuk('pegawai');
  await menu(p, 'Presensi').click();
  await h2(p, 'Presensi saya');
  await p.getByLabel('Bulan', { exact: true }).fill('2026-09');
  await p.getByRole('heading', { name: 'Ringkasan September 2026' }).waitFor();
  const selasa = p.locator('tr[data-tanggal="2026-09-01"]');
  assert.equal(await selasa.locator('th').innerText(), 'Selasa, 1 September 2026');
  assert.equal((await selasa.locator('td.terlambat').innerText()).trim(), '17 menit');
  assert.match(await selasa.innerText(), /08\.00–16\.00/);
  assert.match(await p.locator('tr[data-tanggal="2026-09-03"] td.terlambat').innerText(), /20 menit/);
  assert.match(await p.locator('tr[data-tanggal="2026-09-02"]').innerText(), /Tepat waktu/);
  assert.match(await p.locator('tr[data-tanggal="2026-09-05"]').innerText(), /Libur akhir pekan/);
  await shot(p, 'presensi-pegawai');
  await selesai(p);
});

test('6) the admin records a cuti; an overlapping status gets a field error', async () => {
  const page = await masuk('admin');
  await page.goto(`${srv.url}/#/admin/presensi`);
  const sec = page.getByRole('region', { name: 'Cuti, dinas luar, sakit, tugas belajar' });
  await sec.waitFor();
  await sec.getByLabel('NIP pegawai').fill(info.me.nip);
  await sec.getByLabel('Status', { exact: true }).selectOption('cuti');
  await sec.getByLabel('Dari tanggal').fill('2026-09-14');
  await sec.getByLabel('Sampai tanggal').fill('2026-09-15');
  await sec.getByLabel('Keterangan').fill('Cuti tahunan');
  await sec.getByRole('button', { name: 'Catat status' }).click();
  await kabar(page, `Cuti untuk ${info.me.nama_lengkap} dicatat.`);
  await sec.getByText('Dicatat pada sesi ini').waitFor();
  // overlapping: 15-16 September
  await sec.getByLabel('NIP pegawai').fill(info.me.nip);
  await sec.getByLabel('Status', { exact: true }).selectOption('dinas_luar');
  await sec.getByLabel('Dari tanggal').fill('2026-09-15');
  await sec.getByLabel('Sampai tanggal').fill('2026-09-16');
  await sec.getByRole('button', { name: 'Catat status' }).click();
  await sec.locator('input[data-field="dari"][aria-invalid="true"]').waitFor();
  await sec.locator('input[data-field="dari"] + .galat').waitFor();
  await sec.getByRole('alert').filter({ hasText: 'Periksa isian berikut:' }).waitFor();
  await shot(page, 'status-tumpang-tindih');
  const n = Number(sql(srv, `SELECT COUNT(*) AS n FROM presensi_status WHERE pegawai_id = ${info.me.id} AND dari >= '2026-09-01' AND dari < '2026-10-01'`).match(/\d+/)[0]);
  assert.equal(n, 1, 'only the first status is stored');
  // an unknown NIP is caught before the server
  await sec.getByLabel('NIP pegawai').fill('199001012020011999');
  await sec.getByRole('button', { name: 'Catat status' }).click();
  await sec.locator('input[data-field="nip"] + .galat', { hasText: 'tidak ada pegawai dengan NIP ini' }).waitFor();
  // the pegawai's month shows it
  await page.goto(`${srv.url}/#/pegawai/${info.me.id}/presensi?bulan=2026-09`);
  await page.locator('tr[data-tanggal="2026-09-14"] .lencana', { hasText: 'Cuti' }).waitFor();
  // and it can be removed after a confirmation
  await page.goto(`${srv.url}/#/admin/presensi`);
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: `Hapus Cuti ${info.me.nama_lengkap}` }).click();
  await kabar(page, 'Status presensi dihapus.');
  await selesai(page);
});

test('7) periods, instansi settings with a field error, a holiday added and deleted, a unit added to the tree', async () => {
  const page = await masuk('admin');
  await page.goto(`${srv.url}/#/admin/pengaturan`);
  await h2(page, 'Periode & pengaturan');
  // the 2026 period: a new SKP deadline
  await page.getByRole('button', { name: 'Ubah periode 2026' }).click();
  const fp = page.getByRole('form', { name: 'Ubah periode 2026' });
  await fp.getByLabel('Batas SKP disetujui').fill('2026-02-15');
  await fp.getByRole('button', { name: 'Simpan periode' }).click();
  await kabar(page, 'Periode disimpan.');
  await page.getByText('Batas SKP disetujui: 15 Februari 2026').waitFor();
  assert.equal((await get(T.admin, '/api/v1/periode')).items.find((p) => p.tahun === 2026).batas_skp, '2026-02-15');
  // a new year
  const baru = page.getByRole('form', { name: 'Buka periode baru' });
  await baru.getByLabel('Tahun', { exact: true }).fill('2027');
  await baru.getByLabel('Siklus penilaian berkala').selectOption('semesteran');
  await baru.getByRole('button', { name: 'Buka periode baru' }).click();
  await kabar(page, 'Periode disimpan.');
  await page.getByText('Periode 2027').waitFor();
  // the same year again: the server's error next to the year
  await baru.getByLabel('Tahun', { exact: true }).fill('2027');
  await baru.getByRole('button', { name: 'Buka periode baru' }).click();
  await baru.locator('input[data-field="tahun"] + .galat').waitFor();
  // settings: 0 days for a keberatan is refused next to its field, then 30 is saved
  const set = page.getByRole('region', { name: 'Pengaturan instansi' });
  await set.getByLabel('Batas waktu mengajukan keberatan (hari)').fill('0');
  await set.getByLabel('Tolak finalisasi sampai kurva dipatuhi').check();
  await set.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await set.locator('input[data-field="keberatan_hari"] + .galat', { hasText: 'harus 1-365 hari' }).waitFor();
  assert.equal((await get(T.admin, '/api/v1/pengaturan')).kurva_mode, 'peringatan', 'nothing saved with an error');
  await set.getByLabel('Batas waktu mengajukan keberatan (hari)').fill('30');
  await set.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await kabar(page, 'Pengaturan instansi disimpan.');
  const s = await get(T.admin, '/api/v1/pengaturan');
  assert.equal(s.keberatan_hari, 30);
  assert.equal(s.kurva_mode, 'blokir');
  // holidays of 2026
  const libur = page.getByRole('region', { name: 'Hari libur dan cuti bersama' });
  await libur.getByText(/Belum ada hari libur tahun 2026/).waitFor();
  await libur.getByLabel('Tanggal', { exact: true }).fill('2026-12-25');
  await libur.getByLabel('Nama hari libur').fill('Hari Raya Natal');
  await libur.getByRole('button', { name: 'Tambah hari libur' }).click();
  await kabar(page, 'Hari libur disimpan.');
  await libur.getByText('25 Desember 2026').waitFor();
  await shot(page, 'pengaturan');
  let ditanya = '';
  page.once('dialog', (d) => { ditanya = d.message(); d.accept(); });
  await libur.getByRole('button', { name: 'Hapus Hari Raya Natal (25 Desember 2026)' }).click();
  await kabar(page, 'Hari libur dihapus.');
  assert.match(ditanya, /Hapus hari libur "Hari Raya Natal"/);
  assert.equal((await get(T.admin, '/api/v1/hari-libur?tahun=2026')).items.length, 0);
  // the unit tree: a new unit under BKPSDM, shown when its parent is opened
  await page.goto(`${srv.url}/#/admin/unit`);
  await h2(page, 'Struktur unit kerja');
  await page.getByRole('button', { name: 'Tambah unit kerja' }).click();
  const fu = page.getByRole('form', { name: 'Tambah unit kerja' });
  await fu.getByLabel('Nama unit kerja').fill('Subbidang Data Kepegawaian');
  await fu.getByLabel('Kode unit').fill('BKPSDM-DATA');
  await fu.getByLabel('Unit induk').selectOption({ label: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' });
  await fu.getByRole('button', { name: 'Simpan' }).click();
  await kabar(page, 'Unit kerja disimpan.');
  const induk = page.getByRole('button', { name: /Badan Kepegawaian dan Pengembangan Sumber Daya Manusia/, expanded: true });
  await induk.waitFor();
  await page.locator('.pohon-anak').getByText('Subbidang Data Kepegawaian').waitFor();
  // keyboard: close the parent with Enter
  await induk.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /Badan Kepegawaian dan Pengembangan Sumber Daya Manusia/, expanded: false }).waitFor();
  await hilang(page.getByText('Subbidang Data Kepegawaian'));
  await selesai(page);
});

test('8) the email outbox: a failed email is sent again', async () => {
  const now = Math.floor(Date.now() / 1000);
  sql(srv, `INSERT INTO surel_keluar (instansi_id, pegawai_id, kepada, subjek, isi, status, percobaan, galat, coba_lagi, dibuat)
    VALUES (1, ${info.me.id}, 'taufik@contoh.go.id', 'Aktivitas dikembalikan', 'isi', 'gagal', 6, 'Gagal mengirim surel: server SMTP tidak dapat dihubungi', ${now}, ${now - 3600})`);
  const page = await masuk('admin');
  await page.goto(`${srv.url}/#/admin/surel?status=gagal`);
  await h2(page, 'Surel keluar');
  const kartu = page.locator('.daftar-surel li', { hasText: 'Aktivitas dikembalikan' });
  await kartu.getByText('Gagal mengirim surel: server SMTP tidak dapat dihubungi', { exact: false }).waitFor();
  await kartu.getByRole('button', { name: 'Kirim ulang: Aktivitas dikembalikan' }).click();
  await kabar(page, 'Surel dimasukkan kembali ke antrean dan segera dikirim.');
  await kartu.locator('.lencana', { hasText: 'Antre' }).waitFor();
  await page.getByLabel('Status').selectOption('terkirim');
  await page.getByText(/Tidak ada surel dengan status ini/).waitFor();
  await selesai(page);
});
