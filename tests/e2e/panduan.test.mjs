// The user guide's screenshots (issue 14 part 3): a journey per role walks the steps that
// docs/panduan/<peran>.md describes on a 390 x 800 phone screen and photographs each one, so the
// guide shows the screens as they are.  The pictures go to tests/artifacts/panduan/; with
// PANDUAN_GAMBAR=1 (`make panduan`) they replace the committed ones in docs/panduan/gambar/.
// Either way the test fails when a step's picture is not committed and referenced by the guide
// (a new step needs its picture), when a screen shows a script error, or when a guide page in
// the app shows a picture that does not load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, existsSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, TOP, PASSWORD, call, tokenFor } from '../api/lib.mjs';
import { launch, bukaLayar } from './browser.mjs';

const TULIS = process.env.PANDUAN_GAMBAR === '1';
const ART = join(TOP, 'tests/artifacts/panduan');
const GAMBAR = join(TOP, 'docs/panduan/gambar');
const diambil = [];   // every picture name taken by the journeys
let srv, ctx;

before(async () => {
  mkdirSync(ART, { recursive: true });
  srv = await startServer({ pegawai: 30, orientasi: true });
  ctx = await launch();
});
after(async () => { await ctx?.close(); await srv?.stop(); });

async function masuk(user, { foto } = {}) {
  await ctx.clearCookies();
  const page = await ctx.newPage();
  await page.setViewportSize({ width: 390, height: 800 });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('dialog', (d) => d.accept());
  await page.goto(srv.url + '/');
  await page.getByLabel('NIP atau nama pengguna').fill(user);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  if (foto) await ambil(page, foto);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.locator('#salam').filter({ hasText: /Selamat datang/ }).waitFor();
  return page;
}

/** Takes the picture `nama`: the viewport, or with `dari` 800 px of the page from that element
 *  down (the screen itself without the header and menu above it). */
async function ambil(page, nama, dari) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => document.activeElement && document.activeElement.blur && document.activeElement.blur());
  const path = join(ART, `${nama}.png`);
  if (dari) {
    const y = await page.locator(dari).first().evaluate((e) => Math.max(0, e.getBoundingClientRect().top + window.scrollY - 8));
    const h = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({ path, fullPage: true, clip: { x: 0, y, width: 390, height: Math.min(800, h - y) } });
  } else {
    await page.screenshot({ path });
  }
  diambil.push(nama);
  if (TULIS) copyFileSync(path, join(GAMBAR, `${nama}.png`));
}

/** Opens a screen by its hash and waits until it is drawn (its heading, nothing loading). */
async function layar(page, hash, judul) {
  await bukaLayar(page, hash);
  if (judul) await page.locator('#layar h2', { hasText: judul }).first().waitFor();
}

async function tutupTur(page) {
  await page.getByRole('button', { name: 'Tutup tur' }).click();
  await page.locator('#orientasi').waitFor({ state: 'detached' });
}

async function selesai(page) {
  assert.deepEqual(page.errors, [], 'no script errors');
  await page.close();
}

test('pegawai: the guide steps', async () => {
  const page = await masuk('pegawai', { foto: 'pegawai-masuk' });
  await page.locator('#orientasi').waitFor();
  await ambil(page, 'pegawai-tur');
  await tutupTur(page);
  await layar(page, '#/skp', 'SKP');
  await ambil(page, 'pegawai-skp', '#layar');
  const skp = (await call(srv, 'GET', '/api/v1/skp?limit=1', { token: tokenFor(srv, 'pegawai') })).json.items[0];
  await layar(page, `#/skp/${skp.id}`, 'SKP');
  await ambil(page, 'pegawai-skp-isi', '#layar');
  await layar(page, '#/aktivitas', 'Aktivitas');
  await ambil(page, 'pegawai-aktivitas', '#layar');
  await layar(page, `#/skp/${skp.id}/realisasi`);
  await ambil(page, 'pegawai-realisasi', '#layar');
  await layar(page, '#/dasbor');
  await ambil(page, 'pegawai-dasbor', '#layar');
  await layar(page, '#/skp', 'SKP');
  await page.getByRole('button', { name: 'Bantuan', exact: true }).click();
  await page.getByRole('dialog').waitFor();
  await ambil(page, 'pegawai-bantuan');
  await page.keyboard.press('Escape');
  await selesai(page);
});

test('atasan: the guide steps', async () => {
  const page = await masuk('atasan');
  await page.locator('#orientasi').waitFor();
  await ambil(page, 'atasan-tur');
  await tutupTur(page);
  await layar(page, '#/persetujuan', 'Persetujuan');
  await ambil(page, 'atasan-persetujuan', '#layar');
  await layar(page, '#/review', 'Review');
  await ambil(page, 'atasan-review', '#layar');
  await layar(page, '#/penilaian', 'Penilaian');
  await ambil(page, 'atasan-penilaian', '#layar');
  await layar(page, '#/kepatuhan');
  await ambil(page, 'atasan-kepatuhan', '#layar');
  await selesai(page);
});

test('pimpinan: the guide steps', async () => {
  const page = await masuk('pimpinan');
  await page.locator('#orientasi').waitFor();
  await ambil(page, 'pimpinan-tur');
  await tutupTur(page);
  await layar(page, '#/dasbor/instansi');
  await ambil(page, 'pimpinan-dasbor', '#layar');
  await layar(page, '#/unit', 'Unit');
  await ambil(page, 'pimpinan-unit', '#layar');
  await layar(page, '#/status-skp', 'Status SKP');
  await ambil(page, 'pimpinan-status', '#layar');
  await selesai(page);
});

test('admin: the guide steps', async () => {
  const page = await masuk('admin');
  await page.locator('#orientasi').waitFor();
  await ambil(page, 'admin-tur');
  await tutupTur(page);
  await layar(page, '#/admin', 'Administrasi');
  await ambil(page, 'admin-beranda', '#layar');
  await layar(page, '#/admin/pegawai');
  await ambil(page, 'admin-pegawai', '#layar');
  await layar(page, '#/admin/impor');
  await ambil(page, 'admin-impor', '#layar');
  await layar(page, '#/admin/pengaturan');
  await ambil(page, 'admin-pengaturan', '#layar');
  await layar(page, '#/admin/tpp');
  await ambil(page, 'admin-tpp', '#layar');
  await selesai(page);
});

test('auditor: the guide steps', async () => {
  const page = await masuk('auditor');
  await page.locator('#orientasi').waitFor();
  await ambil(page, 'auditor-tur');
  await tutupTur(page);
  await layar(page, '#/audit', 'audit');
  await ambil(page, 'auditor-log', '#layar');
  await page.getByRole('button', { name: /Verifikasi/ }).first().click();
  await page.locator('#layar').getByText(/utuh|valid|rantai/i).first().waitFor();
  await ambil(page, 'auditor-verifikasi', '#layar');
  await selesai(page);
});

test('every picture taken is committed and used by the guide, and the guide uses no other', () => {
  const halaman = ['pegawai', 'atasan', 'pimpinan', 'admin', 'auditor'];
  const dipakai = new Set();
  for (const h of halaman) {
    const md = readFileSync(join(TOP, 'docs/panduan', `${h}.md`), 'utf8');
    for (const m of md.matchAll(/!\[[^\]]*\]\(gambar\/([a-z0-9_-]+)\.png\)/g)) dipakai.add(m[1]);
  }
  const hilang = diambil.filter((n) => !existsSync(join(GAMBAR, `${n}.png`)));
  assert.deepEqual(hilang, [], 'pictures not committed in docs/panduan/gambar (run `make panduan`)');
  assert.deepEqual(diambil.filter((n) => !dipakai.has(n)), [], 'pictures taken but not used by any guide page');
  assert.deepEqual([...dipakai].filter((n) => !diambil.includes(n)), [], 'pictures in the guide that no journey takes (they would go stale)');
});

test('the guide pages render in the app with every picture loaded, and print without the chrome', async () => {
  const page = await masuk('pegawai');
  await layar(page, '#/panduan', 'Panduan');
  for (const h of ['pegawai', 'atasan', 'pimpinan', 'admin', 'auditor']) {
    await page.getByRole('link', { name: new RegExp(`^${{ pegawai: 'Pegawai', atasan: 'Atasan', pimpinan: 'Pimpinan', admin: 'Admin', auditor: 'Auditor' }[h]}`) }).first().click();
    await page.locator('.halaman-panduan h2').waitFor();
    const imgs = page.locator('.halaman-panduan img');
    const n = await imgs.count();
    assert.ok(n >= 2, `${h}: pictures shown (${n})`);
    for (let i = 0; i < n; i++) {
      await imgs.nth(i).scrollIntoViewIfNeeded();
      await page.waitForFunction((el) => el.complete, await imgs.nth(i).elementHandle());
      assert.ok(await imgs.nth(i).evaluate((el) => el.naturalWidth > 0), `${h}: picture ${i} loads`);
    }
    assert.equal(await page.locator('.halaman-panduan .peringatan').count(), 0, `${h}: no refused picture path`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('#menu').isVisible(), false, 'the menu is not printed');
    assert.equal(await page.locator('.halaman-panduan').isVisible(), true);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: 'Kembali ke daftar panduan' }).click();
    await page.locator('#layar h2', { hasText: 'Panduan' }).waitFor();
  }
  await selesai(page);
});
