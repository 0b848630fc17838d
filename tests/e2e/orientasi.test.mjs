// The first-login walkthrough and the help panel (issue 14 part 1) on a phone-sized screen.
// A new pegawai sees the walkthrough on the first sign-in; its buttons open the screens it talks
// about while it stays on top; closed, it stays closed after a reload, after signing in again and
// in another browser (the server keeps it); the help menu opens it again.  An admin gets the
// admin walkthrough and finishes it with "Selesai".  The help panel explains the screen that is
// open (several screens), and the sign-in page has its own help.  axe-core checks the walkthrough
// and the panel.  Every step waits for text or roles, never for time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, TOP, PASSWORD, login, call } from '../api/lib.mjs';
import { launch } from './browser.mjs';

let srv, ctx;
const AXE = readFileSync(join(TOP, 'node_modules/axe-core/axe.min.js'), 'utf8');
const shot = (page, name) => page.screenshot({ path: join(TOP, 'tests/artifacts', `orientasi-${name}.png`), fullPage: true });

before(async () => { srv = await startServer({ pegawai: 20, orientasi: true }); ctx = await launch(); });
after(async () => { await ctx?.close(); await srv?.stop(); });

async function axe(page, label) {
  await page.evaluate(AXE);
  const r = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const v = r.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(v, [], `${label}: axe-core violations`);
}

async function halaman(context = ctx) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(srv.url + '/');
  return page;
}
async function masuk(page, user) {
  await page.getByLabel('NIP atau nama pengguna').fill(user);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.locator('#salam').filter({ hasText: /Selamat datang/ }).waitFor();
}
const tur = (page) => page.getByRole('region', { name: /Tur pengenalan/ });
const h2 = (page, name) => page.locator('#layar').getByRole('heading', { level: 2, name }).first().waitFor();
async function selesai(page) {
  assert.deepEqual(page.errors, [], 'no script errors');
  await page.close();
}

test('a) a new pegawai: the walkthrough on the first sign-in, its steps open the screens, closed for good', async () => {
  await ctx.clearCookies();
  const page = await halaman();
  // the sign-in page has help too
  await page.getByRole('button', { name: 'Bantuan', exact: true }).click();
  const dlg = page.getByRole('dialog', { name: 'Bantuan: Masuk' });
  await dlg.waitFor();
  await dlg.getByText('198609262015051001').waitFor();
  await dlg.getByRole('button', { name: 'Tutup', exact: true }).click();
  await dlg.waitFor({ state: 'hidden' });

  await masuk(page, 'pegawai');
  await tur(page).waitFor();
  await tur(page).getByText('Langkah 1 dari 4').waitFor();
  await tur(page).getByRole('heading', { name: 'Susun SKP Anda' }).waitFor();
  await axe(page, 'walkthrough');
  await shot(page, 'pegawai-1');
  // step 1's button opens SKP Saya; the walkthrough stays
  await tur(page).getByRole('link', { name: 'Buka SKP Saya' }).click();
  await h2(page, 'SKP Saya');
  assert.equal(new URL(page.url()).hash, '#/skp');
  await tur(page).getByRole('button', { name: 'Berikutnya' }).click();
  await tur(page).getByText('Langkah 2 dari 4').waitFor();
  await tur(page).getByRole('link', { name: 'Buka Aktivitas' }).click();
  await h2(page, 'Aktivitas');
  await tur(page).getByRole('button', { name: 'Sebelumnya' }).click();
  await tur(page).getByText('Langkah 1 dari 4').waitFor();
  await tur(page).getByRole('button', { name: 'Berikutnya' }).click();
  await tur(page).getByRole('button', { name: 'Berikutnya' }).click();
  await tur(page).getByRole('button', { name: 'Berikutnya' }).click();
  await tur(page).getByText('Langkah 4 dari 4').waitFor();
  await tur(page).getByRole('link', { name: 'Buka Dasbor' }).click();
  assert.equal(new URL(page.url()).hash, '#/dasbor');
  // not closed yet: a reload shows it again
  await page.reload();
  await page.locator('#layar h2').first().waitFor();
  await tur(page).waitFor();
  // closed: gone, and not back after a reload, a new sign-in, or in another browser
  await tur(page).getByRole('button', { name: 'Tutup tur' }).click();
  await tur(page).waitFor({ state: 'detached' });
  await page.locator('#kabar', { hasText: 'Tur ditutup' }).waitFor();
  await page.reload();
  await page.locator('#layar h2').first().waitFor();
  assert.equal(await tur(page).count(), 0, 'closed after a reload');
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.getByRole('heading', { name: 'Masuk' }).waitFor();
  const dilihat = page.waitForResponse((r) => r.url().endsWith('/api/v1/orientasi'));
  await masuk(page, 'pegawai');
  await dilihat;
  await page.locator('#salam').waitFor();
  assert.equal(await tur(page).count(), 0, 'closed after signing in again');
  const lain = await launch();
  try {
    const p2 = await halaman(lain);
    const seen = p2.waitForResponse((r) => r.url().endsWith('/api/v1/orientasi'));
    await masuk(p2, 'pegawai');
    await seen;
    await p2.getByRole('button', { name: 'Bantuan', exact: true }).waitFor();
    assert.equal(await tur(p2).count(), 0, 'closed on another device');
    await selesai(p2);
  } finally { await lain.close(); }
  const s = await login(srv, 'pegawai');
  const d = await call(srv, 'GET', '/api/v1/orientasi', { cookie: s.cookie });
  assert.deepEqual(d.json.items.map((x) => x.kunci), ['pegawai']);
  // the help menu opens it again, from step 1
  await page.getByRole('button', { name: 'Bantuan', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Tampilkan tur pengenalan' }).click();
  await tur(page).getByText('Langkah 1 dari 4').waitFor();
  await tur(page).getByRole('button', { name: 'Tutup tur' }).click();
  await tur(page).waitFor({ state: 'detached' });
  await selesai(page);
});

test('b) an admin: the admin walkthrough, its steps open the admin screens, "Selesai" closes it', async () => {
  await ctx.clearCookies();
  const page = await halaman();
  await masuk(page, 'admin');
  await tur(page).waitFor();
  await tur(page).getByRole('heading', { name: 'Periksa data pegawai' }).waitFor();
  await tur(page).getByRole('link', { name: 'Buka Data pegawai' }).click();
  await h2(page, 'Pegawai');
  await tur(page).getByRole('button', { name: 'Berikutnya' }).click();
  await tur(page).getByRole('link', { name: 'Buka Pengaturan' }).click();
  assert.equal(new URL(page.url()).hash, '#/admin/pengaturan');
  await tur(page).getByRole('button', { name: 'Berikutnya' }).click();
  await tur(page).getByRole('link', { name: 'Buka TPP' }).click();
  assert.equal(new URL(page.url()).hash, '#/admin/tpp');
  await tur(page).getByRole('button', { name: 'Berikutnya' }).click();
  await tur(page).getByText('Langkah 4 dari 4').waitFor();
  await shot(page, 'admin-4');
  await tur(page).getByRole('button', { name: 'Selesai', exact: true }).click();
  await tur(page).waitFor({ state: 'detached' });
  // the panel goes at once; the message comes when the server has stored it (a reload before
  // that would cancel the request)
  await page.locator('#kabar', { hasText: 'Tur ditutup' }).waitFor();
  await page.reload();
  await page.locator('#layar h2').first().waitFor();
  assert.equal(await tur(page).count(), 0);
  const s = await login(srv, 'admin');
  assert.deepEqual((await call(srv, 'GET', '/api/v1/orientasi', { cookie: s.cookie })).json.items.map((x) => x.kunci), ['admin']);
  await selesai(page);
});

test('c) the help panel explains the screen that is open, with examples, and links the guide', async () => {
  await ctx.clearCookies();
  const page = await halaman();
  await masuk(page, 'atasan');
  await tur(page).getByRole('button', { name: 'Tutup tur' }).click();
  const layar = [
    ['#/skp', 'Bantuan: SKP Saya', /Tersusunnya laporan analisis kebutuhan pelatihan/],
    ['#/penilaian', 'Bantuan: Penilaian', /Butuh Perbaikan/],
    ['#/aktivitas', 'Bantuan: Aktivitas harian', /90 menit/],
    ['#/tpp', 'Bantuan: TPP', /Rp 20\.000/],
    ['#/presensi', 'Bantuan: Presensi', /TL1 terlambat 1-30 menit/],
    ['#/kalkulator', 'Bantuan: Kalkulator', /92,0/],
  ];
  for (const [hash, judul, contoh] of layar) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.locator('#layar h2').first().waitFor();
    await page.getByRole('button', { name: 'Bantuan', exact: true }).click();
    const dlg = page.getByRole('dialog', { name: judul });
    await dlg.waitFor();
    await dlg.getByText(contoh).first().waitFor();
    if (hash === '#/penilaian') {
      // the predikat matrix as a table
      await dlg.getByRole('table').getByRole('cell', { name: 'Sangat Baik' }).waitFor();
      await axe(page, 'help panel');
      await shot(page, 'bantuan-penilaian');
    }
    await page.keyboard.press('Escape');
    await dlg.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'bantuan', 'focus back on the help button');
  }
  // the guide of the user's role from the panel
  await page.getByRole('button', { name: 'Bantuan', exact: true }).click();
  await page.getByRole('dialog').getByRole('link', { name: 'Panduan lengkap untuk peran Anda' }).click();
  await page.locator('.halaman-panduan h2', { hasText: 'Panduan Atasan' }).waitFor();
  assert.equal(new URL(page.url()).hash, '#/panduan/atasan');
  await selesai(page);
});
