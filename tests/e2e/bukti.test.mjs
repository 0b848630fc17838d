// The evidence journey (issue 7, on issue 5's API) on a phone-sized screen: the pegawai opens
// this month's realisasi, is told to save it first, saves it, uploads a small PNG (progress, then
// listed), downloads it (same bytes), is stopped on the device for a file above the instansi's
// limit, sees the server's 415 at the field for a text file renamed .pdf, adds a link and deletes
// it after confirming; the Kepala Seksi (penilai) reads the evidence without any edit control.
// axe-core runs on both screens with evidence listed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, call, tokenFor, sql, TOP, PASSWORD } from '../api/lib.mjs';
import { launch, hilang } from './browser.mjs';

process.env.TZ = 'Asia/Jakarta';

const AXE = readFileSync(join(TOP, 'node_modules/axe-core/axe.min.js'), 'utf8');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const TAUTAN = 'Foto kegiatan di penyimpanan daring';

let srv, ctx;
const T = {};
const info = {};
const shot = (page, name) => page.screenshot({ path: join(TOP, 'tests/artifacts', `bukti-${name}.png`), fullPage: true });
const get = async (tok, path) => (await call(srv, 'GET', path, { token: tok })).json;

before(async () => {
  srv = await startServer({ pegawai: 40 });
  ctx = await launch();
  for (const r of ['pegawai', 'admin']) T[r] = tokenFor(srv, r);
  info.me = (await get(T.pegawai, '/api/v1/auth/me')).pegawai;
  const hariIni = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
  const list = (await get(T.pegawai, `/api/v1/skp?pegawai_id=${info.me.id}&tahun=${hariIni.slice(0, 4)}`)).items;
  info.skp = await get(T.pegawai, `/api/v1/skp/${list[list.length - 1].id}`);
  info.bulan = Number(hariIni.slice(5, 7));
  info.iki = info.skp.rhk[0].iki[0];
  info.kasiNip = (await get(T.admin, `/api/v1/pegawai/${info.skp.penilai.id}`)).nip;
  // the month starts empty for this IKI: no realisasi (so nothing to attach to yet)
  sql(srv, `DELETE FROM realisasi WHERE iki_id = ${info.iki.id} AND bulan = ${info.bulan}`);
  // a small per-file limit so the device's size check can be seen without a huge file
  const r = await call(srv, 'PATCH', '/api/v1/pengaturan', { token: T.admin, body: { bukti_maks_bytes: 1048576 } });
  assert.equal(r.status, 200);
});
after(async () => { await ctx?.close(); await srv?.stop(); });

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
const kabar = (page, text) => page.locator('#kabar', { hasText: text }).waitFor();
async function axe(page, label) {
  await page.evaluate(AXE);
  const r = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const v = r.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.ok(r.passes.length >= 5, `${label}: axe-core ran`);
  assert.deepEqual(v, [], `${label}: axe-core violations`);
}
const halaman = () => `${srv.url}/#/skp/${info.skp.id}/realisasi/${info.bulan}`;
const judul = () => `Realisasi ${BULAN[info.bulan - 1]} ${info.skp.periode.tahun}`;

test('a) the pegawai attaches evidence to a realisasi: upload with progress, download, refusals, a link, delete', async () => {
  const page = await masuk('pegawai');
  await page.goto(halaman());
  await page.getByRole('heading', { name: judul() }).waitFor();
  const kartu = page.getByRole('article', { name: info.iki.indikator });
  const bukti = kartu.getByRole('region', { name: 'Bukti dukung' });
  await bukti.getByText('Simpan realisasi terlebih dahulu').waitFor();
  assert.equal(await bukti.getByLabel(/^Unggah berkas/).count(), 0, 'nothing to attach to before saving');

  if (info.skp.pendekatan === 'kualitatif') await kartu.getByLabel(/^Realisasi/).fill('Laporan bulan ini selesai.');
  else await kartu.getByLabel(/^Realisasi/).fill('2');
  await kartu.getByRole('button', { name: 'Simpan realisasi' }).click();
  await kabar(page, 'Realisasi disimpan sebagai draf.');
  const berkas = bukti.getByLabel(/^Unggah berkas/);
  await berkas.waitFor();
  assert.equal(await berkas.getAttribute('accept'), 'image/*,application/pdf,.docx,.xlsx');
  assert.equal(await berkas.getAttribute('capture'), null, 'no capture attribute: a phone offers camera or files');
  await bukti.getByText('Belum ada bukti dukung.').waitFor();

  // upload: the request is held until the progress bar has been seen
  let lepas;
  const tahan = new Promise((r) => { lepas = r; });
  const upload = (u) => u.pathname === '/api/v1/bukti' && u.searchParams.has('nama');
  let kiriman = 0;
  await page.route(upload, async (route) => { kiriman++; await tahan; await route.continue(); });
  await berkas.setInputFiles({ name: 'foto-kegiatan.png', mimeType: 'image/png', buffer: PNG });
  await bukti.getByRole('button', { name: 'Unggah bukti' }).click();
  await bukti.getByRole('progressbar', { name: 'Kemajuan unggahan' }).waitFor();
  await shot(page, 'mengunggah');
  lepas();
  await kabar(page, 'Bukti dukung diunggah: foto-kegiatan.png.');
  const baris = bukti.locator('li.bukti', { hasText: 'foto-kegiatan.png' });
  await baris.getByText(`PNG · ${PNG.length} byte`).waitFor();
  assert.equal(await bukti.getByRole('progressbar').count(), 0, 'progress hidden when done');
  const daftar = await get(T.pegawai, `/api/v1/bukti?pegawai_id=${info.me.id}`);
  const png = daftar.items.find((b) => b.nama === 'foto-kegiatan.png');
  assert.ok(png && png.realisasi_id, 'attached to the realisasi');

  // download: the same bytes
  const [dl] = await Promise.all([page.waitForEvent('download'), baris.getByRole('link', { name: 'Unduh foto-kegiatan.png' }).click()]);
  assert.deepEqual(readFileSync(await dl.path()), PNG);

  // above the instansi's limit (1 MB here): refused on the device, nothing sent
  const sebelum = kiriman;
  await berkas.setInputFiles({ name: 'pindaian.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(1300000, 0x25) });
  await bukti.getByRole('button', { name: 'Unggah bukti' }).click();
  await bukti.locator('.galat', { hasText: 'melebihi batas 1 MB per berkas' }).waitFor();
  assert.equal(kiriman, sebelum, 'the too-large file was not sent');

  // a text file renamed .pdf: the server's 415 in Indonesian at the field
  await berkas.setInputFiles({ name: 'laporan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('ini hanya teks biasa, bukan PDF\n') });
  await bukti.getByRole('button', { name: 'Unggah bukti' }).click();
  await bukti.locator('.galat', { hasText: 'jenis berkas tidak dikenali' }).waitFor();
  assert.equal(await berkas.getAttribute('aria-invalid'), 'true');
  assert.equal(kiriman, sebelum + 1);
  await shot(page, 'ditolak');

  // a link as evidence
  await bukti.getByRole('button', { name: /^Tambah tautan/ }).click();
  await bukti.getByLabel('Alamat tautan').fill('javascript:alert(1)');
  await bukti.getByLabel('Judul tautan').fill(TAUTAN);
  await bukti.getByRole('button', { name: 'Simpan tautan' }).click();
  // the link form's own field error (the upload form above still shows its 415)
  await bukti.locator('form.form-tautan .galat').first().waitFor();
  await bukti.getByLabel('Alamat tautan').fill('https://drive.example.go.id/berkas/123');
  await bukti.getByRole('button', { name: 'Simpan tautan' }).click();
  await kabar(page, `Tautan bukti dukung disimpan: ${TAUTAN}.`);
  const link = bukti.getByRole('link', { name: `Buka tautan ${TAUTAN}` });
  assert.equal(await link.getAttribute('href'), 'https://drive.example.go.id/berkas/123');
  await page.waitForLoadState('networkidle');
  await axe(page, 'realisasi dengan bukti (pegawai)');
  await shot(page, 'daftar');

  // delete the link after confirming (a dismissed dialog keeps it)
  page.once('dialog', (d) => d.dismiss());
  await bukti.getByRole('button', { name: `Hapus bukti ${TAUTAN}` }).click();
  await link.waitFor();
  page.once('dialog', (d) => { assert.match(d.message(), /Hapus bukti dukung/); d.accept(); });
  await bukti.getByRole('button', { name: `Hapus bukti ${TAUTAN}` }).click();
  await kabar(page, `Bukti dukung dihapus: ${TAUTAN}.`);
  await hilang(link);
  const sisa = await get(T.pegawai, `/api/v1/bukti?realisasi_id=${png.realisasi_id}`);
  assert.deepEqual(sisa.items.map((b) => b.nama), ['foto-kegiatan.png']);
  info.realisasiId = png.realisasi_id;
  assert.deepEqual(page.errors, [], 'no script errors');
  await page.close();
});

test('b) the penilai sees the evidence read-only', async () => {
  assert.ok(info.realisasiId, 'test a ran');
  const r = await call(srv, 'POST', `/api/v1/skp/${info.skp.id}/realisasi/${info.bulan}/ajukan`, { token: T.pegawai });
  assert.equal(r.status, 200);
  const page = await masuk(info.kasiNip);
  await page.goto(halaman());
  await page.getByRole('heading', { name: /^Realisasi / }).waitFor();
  const kartu = page.getByRole('article', { name: info.iki.indikator });
  const bukti = kartu.getByRole('region', { name: 'Bukti dukung' });
  await bukti.getByRole('link', { name: 'Unduh foto-kegiatan.png' }).waitFor();
  assert.equal(await bukti.getByRole('button').count(), 0, 'no delete, upload or link button');
  assert.equal(await bukti.locator('input').count(), 0);
  await page.waitForLoadState('networkidle');
  await axe(page, 'realisasi dengan bukti (penilai)');
  await shot(page, 'penilai');
  assert.deepEqual(page.errors, [], 'no script errors');
  await page.close();
});

test('c) the pegawai attaches a photo to an activity from its card', async () => {
  const sampai = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
  const dari = new Date(Date.now() + 7 * 3600e3 - 20 * 86400e3).toISOString().slice(0, 10);
  const list = (await get(T.pegawai, `/api/v1/aktivitas?pegawai_id=${info.me.id}&dari=${dari}&sampai=${sampai}&limit=200`)).items;
  const a = list.find((x) => x.status !== 'ditarik');
  assert.ok(a, 'the demo has a recent activity of the pegawai');
  const page = await masuk('pegawai');
  await page.goto(`${srv.url}/#/aktivitas?tanggal=${a.tanggal}`);
  const kartu = page.locator(`#aktivitas-${a.id}`);
  const buka = kartu.getByRole('button', { name: `Bukti dukung: ${a.uraian}` });
  await buka.click();
  assert.equal(await buka.getAttribute('aria-expanded'), 'true');
  const bukti = kartu.getByRole('region', { name: 'Bukti dukung' });
  await bukti.getByText('Belum ada bukti dukung.').waitFor();
  await bukti.getByLabel(/^Unggah berkas/).setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: PNG });
  await bukti.getByRole('button', { name: 'Unggah bukti' }).click();
  await kabar(page, 'Bukti dukung diunggah: foto.png.');
  await bukti.getByRole('link', { name: 'Unduh foto.png' }).waitFor();
  const r = await get(T.pegawai, `/api/v1/bukti?aktivitas_id=${a.id}`);
  assert.deepEqual(r.items.map((b) => b.nama), ['foto.png']);
  await page.waitForLoadState('networkidle');
  await axe(page, 'aktivitas dengan bukti');
  await shot(page, 'aktivitas');
  assert.deepEqual(page.errors, [], 'no script errors');
  await page.close();
});
