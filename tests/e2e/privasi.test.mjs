// Journeys through transparency and adoption (issue 14 items 4 and 6) on a phone-sized screen:
// the pegawai's direct atasan opens the pegawai's SKP; the pegawai opens "Privasi & data saya",
// reads what is and is never recorded and who may see it, finds the atasan's view in "Siapa
// melihat data saya" (and filters it), and downloads the export as PDF and JSON; an admin opens
// the adoption view with its chart and tables.  axe-core checks each screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, TOP, PASSWORD, call, tokenFor, sql } from '../api/lib.mjs';
import { launch } from './browser.mjs';

let srv, ctx, kasi;
const AXE = readFileSync(join(TOP, 'node_modules/axe-core/axe.min.js'), 'utf8');
const shot = (page, name) => page.screenshot({ path: join(TOP, 'tests/artifacts', `privasi-${name}.png`), fullPage: true });
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];

before(async () => {
  srv = await startServer({ pegawai: 30 });
  ctx = await launch();
});
after(async () => { await ctx?.close(); await srv?.stop(); });

async function axe(page, label) {
  await page.evaluate(AXE);
  const r = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const v = r.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.ok(r.passes.length >= 5, `${label}: axe-core ran`);
  assert.deepEqual(v, [], `${label}: axe-core violations`);
}

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
const h2 = (page, name) => page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
const lebarLebih = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('a) the pegawai sees the atasan\'s view of their SKP and downloads everything held about them', async () => {
  const tp = tokenFor(srv, 'pegawai');
  const me = (await call(srv, 'GET', '/api/v1/auth/me', { token: tp })).json;
  kasi = one(`SELECT p.nip, p.nama FROM pegawai p WHERE p.id = (SELECT atasan_id FROM pegawai WHERE id = ${me.pegawai.id})`);
  const skp = one(`SELECT id FROM skp WHERE pegawai_id = ${me.pegawai.id} ORDER BY id LIMIT 1`).id;
  const r = await call(srv, 'GET', `/api/v1/skp/${skp}`, { token: tokenFor(srv, kasi.nip) });
  assert.equal(r.status, 200);

  const page = await masuk('pegawai');
  await menu(page, 'Privasi & data saya').click();
  await h2(page, 'Privasi & data saya');
  await page.getByRole('heading', { name: 'Yang tidak pernah dicatat' }).waitFor();
  await page.getByText('Ketikan papan ketik (keystroke).').waitFor();
  await page.getByText('Pelacakan lokasi atau GPS perangkat.').waitFor();
  await page.getByRole('heading', { name: 'Siapa dapat melihat data kinerja Anda' }).waitFor();
  await page.getByText('Admin kepegawaian (BKPSDM) dan pimpinan instansi Anda.').waitFor();
  const daftar = page.getByRole('list', { name: 'Siapa melihat data saya' });
  const item = daftar.getByRole('listitem').filter({ hasText: kasi.nama }).filter({ hasText: 'Dilihat' });
  await item.first().waitFor();
  assert.match(await item.first().textContent(), /SKP/);
  assert.match(await item.first().textContent(), /\(atasan\)/);
  assert.match(await item.first().textContent(), new RegExp(`/api/v1/skp/${skp}`));
  assert.ok(await lebarLebih(page) <= 0, 'no sideways scroll at 360 px');
  await axe(page, 'Privasi');
  await shot(page, 'pegawai');

  // only the changes: the atasan's view is not among them
  // the list is redrawn only when the filtered answer has arrived; the old status line (and the
  // old list) stay until then, so wait for that answer and the button coming back
  await page.getByLabel('Jenis').selectOption('ubah');
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/v1/saya/akses?') && r.url().includes('jenis=ubah')),
    page.getByRole('button', { name: 'Tampilkan' }).click(),
  ]);
  await page.waitForFunction(() => location.hash.includes('jenis=ubah'));
  await page.waitForFunction(() => !document.querySelector('form[aria-label="Saring catatan akses"] button[type=submit]').disabled);
  await page.getByRole('status').filter({ hasText: /catatan/ }).waitFor();
  assert.equal(await daftar.getByRole('listitem').filter({ hasText: 'Dilihat' }).count(), 0);
  await page.getByLabel('Jenis').selectOption('lihat');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await item.first().waitFor();

  // the downloads
  let [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh PDF' }).click()]);
  let f = await dl.path();
  assert.equal(readFileSync(f).subarray(0, 5).toString(), '%PDF-');
  assert.match(dl.suggestedFilename(), /^data-saya-\d+\.pdf$/);
  [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh JSON' }).click()]);
  f = await dl.path();
  const e = JSON.parse(readFileSync(f, 'utf8'));
  assert.equal(e.profil.id, me.pegawai.id);
  assert.ok(e.akses.some((a) => a.oleh.nama === kasi.nama && a.jenis === 'lihat'));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('b) the admin opens the adoption view: weekly chart, units and the slowest steps', async () => {
  const page = await masuk('admin');
  await menu(page, 'Administrasi').click();
  await h2(page, 'Administrasi');
  await page.getByRole('link', { name: 'Adopsi', exact: true }).click();
  await h2(page, 'Adopsi e-Kinerja');
  await page.getByRole('img', { name: /Pengguna aktif per minggu/ }).waitFor();
  const tabel = page.getByRole('table', { name: 'Adopsi per unit kerja' });
  await tabel.waitFor();
  assert.ok(await tabel.getByRole('row').count() >= 3, 'units and the total');
  await tabel.getByRole('rowheader', { name: 'Seluruh instansi' }).waitFor();
  const langkah = page.getByRole('table', { name: 'Lama tiap langkah alur kerja (hari)' });
  await langkah.getByRole('rowheader', { name: 'SKP: dari draf sampai diajukan' }).waitFor();
  await page.getByLabel('Rentang').selectOption('4');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await page.waitForFunction(() => location.hash.includes('minggu=4'));
  // the 8-week view stays until the 4-week answer is drawn; the button comes back after that
  await page.locator('#layar form.filter button[type=submit]:enabled').waitFor();
  await page.getByRole('img', { name: /Pengguna aktif per minggu/ }).waitFor();
  assert.ok(await lebarLebih(page) <= 0, 'no sideways scroll at 360 px');
  await axe(page, 'Adopsi');
  await shot(page, 'adopsi');
  assert.deepEqual(page.errors, []);
  await page.close();
});
