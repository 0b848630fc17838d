// Journeys of two-factor authentication (issue 11 item 1) on a phone-sized screen: a pegawai
// enrols an authenticator from "Keamanan akun" (QR code and manual key; the code is computed
// here from the key the screen shows, RFC 6238), keeps the recovery codes, signs out and in
// again with a code and then with a recovery code; the admin sees the grace banner, resets the
// pegawai's 2FA from the pegawai screen after a confirmation; the pegawai's next sign-in is a
// restricted session that can only enrol again.  axe-core checks each new screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, sql, TOP, PASSWORD } from '../api/lib.mjs';
import { totp } from '../api/totp.mjs';
import { launch } from './browser.mjs';

let srv, ctx;
const AXE = readFileSync(join(TOP, 'node_modules/axe-core/axe.min.js'), 'utf8');
const shot = (page, name) => page.screenshot({ path: join(TOP, 'tests/artifacts', `dua-faktor-${name}.png`), fullPage: true });
const kode = (key, geser = 0) => totp(key, Date.now() / 1000 + geser * 30);
/**
 * The code of the step before this one, taken while at least 8 s of this 30 s step remain: the
 * server accepts one step either side, so it must still be in this step when the code arrives
 * (under load a fill and a click take seconds).  Enrolling with the previous step leaves the
 * current one for the sign-in that follows (a step is never accepted twice).
 */
async function kodeLalu(key) {
  const sisa = 30000 - (Date.now() % 30000);
  if (sisa < 8000) await new Promise((r) => setTimeout(r, sisa + 100));
  return kode(key, -1);
}

before(async () => {
  srv = await startServer({ pegawai: 30, extraArgs: ['--data-dir', mkdtempSync(join(tmpdir(), 'kinerja-2fa-e2e-'))] });
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

/** A new page with the password step done; confirms are accepted; script errors fail the test. */
async function sandi(user) {
  await ctx.clearCookies();
  const page = await ctx.newPage();
  page.errors = [];
  page.dialogs = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('dialog', (d) => { page.dialogs.push(d.message()); d.accept(); });
  await page.goto(srv.url + '/');
  await page.getByLabel('NIP atau nama pengguna').fill(user);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  return page;
}
const selamat = (page) => page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
const menu = (page, name) => page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name, exact: true });
async function selesai(page) {
  assert.deepEqual(page.errors, [], 'no script errors');
  await page.close();
}
async function keluar(page) {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.locator('#password').waitFor();
}

/** On "Keamanan akun": enrol and return {key, codes}. */
async function daftar(page, label) {
  await page.getByRole('button', { name: 'Aktifkan 2FA' }).click();
  const img = page.getByRole('img', { name: /Kode QR untuk aplikasi autentikator/ });
  await img.waitFor();
  assert.match(await img.getAttribute('src'), /^data:image\/svg\+xml;base64,/);
  const key = (await page.locator('.kunci-manual').textContent()).replace(/\s+/g, '');
  assert.match(key, /^[A-Z2-7]{32}$/);
  const field = page.locator('#layar').getByLabel('Kode verifikasi (6 angka)');
  assert.equal(await field.getAttribute('autocomplete'), 'one-time-code');
  assert.equal(await field.getAttribute('inputmode'), 'numeric');
  if (label) { await axe(page, `${label}: pendaftaran`); await shot(page, `${label}-daftar`); }
  // a wrong code: the error next to the field
  await field.fill(kode(key, 3));
  await page.getByRole('button', { name: 'Konfirmasi dan aktifkan' }).click();
  await page.locator('input[data-field="kode"] + .galat, .galat', { hasText: 'kode salah' }).first().waitFor();
  await field.fill(await kodeLalu(key));
  await page.getByRole('button', { name: 'Konfirmasi dan aktifkan' }).click();
  const kotak = page.getByRole('region', { name: /Kode pemulihan \(hanya ditampilkan sekali\)/ });
  await kotak.waitFor();
  const codes = (await kotak.getByRole('list').locator('li').allTextContents()).map((s) => s.trim());
  assert.equal(codes.length, 10);
  for (const c of codes) assert.match(c, /^[a-z2-9]{5}-[a-z2-9]{5}$/);
  await kotak.getByRole('button', { name: 'Cetak' }).waitFor();
  if (label) { await axe(page, `${label}: kode pemulihan`); await shot(page, `${label}-kode`); }
  await kotak.getByRole('button', { name: 'Sudah saya simpan' }).click();
  if (label) await page.getByText(/^Aktif sejak/).waitFor();
  return { key, codes };
}

test('enrol, sign in with a code, then with a recovery code; the admin resets it; the next sign-in must enrol again', async () => {
  const pid = JSON.parse(sql(srv, "SELECT pegawai_id AS id FROM pengguna WHERE username = 'pegawai'"))[0].id;
  let page = await sandi('pegawai');
  await selamat(page);
  assert.equal(await page.locator('#spanduk-2fa').isVisible(), false, 'no banner: 2FA is optional for a pegawai');
  await menu(page, 'Keamanan akun').click();
  await page.getByRole('heading', { level: 2, name: 'Keamanan akun' }).waitFor();
  await page.getByText('Belum aktif.').waitFor();
  await axe(page, 'Keamanan akun (belum aktif)');
  const { key, codes } = await daftar(page, 'pegawai');
  await page.getByText('Sisa kode pemulihan: 10 dari 10.').waitFor();
  await axe(page, 'Keamanan akun (aktif)');
  await keluar(page);
  await selesai(page);

  // sign in: password, then the code
  page = await sandi('pegawai');
  await page.getByRole('heading', { name: 'Verifikasi dua langkah' }).waitFor();
  const f = page.locator('#masuk').getByLabel('Kode verifikasi (6 angka)');
  assert.equal(await f.getAttribute('autocomplete'), 'one-time-code');
  assert.equal(await f.getAttribute('inputmode'), 'numeric');
  await axe(page, 'Masuk: langkah kedua');
  await shot(page, 'langkah-kedua');
  await f.fill('12345');
  await page.getByRole('button', { name: 'Verifikasi' }).click();
  await page.locator('#pesan-2fa', { hasText: '6 angka' }).waitFor();
  await f.fill(kode(key));
  await page.getByRole('button', { name: 'Verifikasi' }).click();
  await selamat(page);
  await keluar(page);
  await selesai(page);

  // sign in with a recovery code
  page = await sandi('pegawai');
  await page.getByRole('button', { name: 'Pakai kode pemulihan' }).click();
  const r = page.getByLabel('Kode pemulihan');
  assert.equal(await r.getAttribute('inputmode'), 'text');
  await r.fill(codes[0]);
  await page.getByRole('button', { name: 'Verifikasi' }).click();
  await selamat(page);
  await menu(page, 'Keamanan akun').click();
  await page.getByText('Sisa kode pemulihan: 9 dari 10.').waitFor();
  await selesai(page);

  // the admin: the grace banner, then the reset on the pegawai screen
  page = await sandi('admin');
  await selamat(page);
  const banner = page.getByRole('region', { name: 'Verifikasi dua langkah', exact: true });
  await banner.getByText(/Peran Anda mewajibkan verifikasi dua langkah/).waitFor();
  await axe(page, 'Beranda dengan spanduk 2FA');
  await shot(page, 'spanduk');
  await page.goto(`${srv.url}/#/admin/pegawai/${pid}`);
  const sec = page.getByRole('region', { name: 'Verifikasi dua langkah (2FA)' });
  await sec.getByText(/2FA aktif/).waitFor();
  await axe(page, 'Pegawai (2FA aktif)');
  await sec.getByRole('button', { name: /^Reset 2FA/ }).click();
  await sec.getByText(/2FA belum aktif/).waitFor();
  assert.match(page.dialogs.at(-1), /Reset verifikasi dua langkah/);
  const audit = JSON.parse(sql(srv, `SELECT COUNT(*) AS n FROM audit_log WHERE aksi = 'dua_faktor.reset'`))[0].n;
  assert.equal(audit, 1);
  await selesai(page);

  // the pegawai again: a restricted session that shows only "Keamanan akun" until enrolled
  page = await sandi('pegawai');
  await page.getByRole('heading', { level: 2, name: 'Keamanan akun' }).waitFor();
  await page.getByRole('region', { name: 'Verifikasi dua langkah', exact: true }).getByText(/direset oleh admin/).waitFor();
  assert.equal(await menu(page, 'SKP Saya').isVisible(), false);
  await axe(page, 'Sesi terbatas');
  await shot(page, 'terbatas');
  await page.goto(`${srv.url}/#/skp`);
  await page.getByRole('heading', { level: 2, name: 'Keamanan akun' }).waitFor();
  await daftar(page);
  await menu(page, 'SKP Saya').waitFor();
  await selamat(page);
  assert.equal(await page.locator('#spanduk-2fa').isVisible(), false);
  await selesai(page);
});
