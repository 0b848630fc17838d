// Journey: an atasan signs in on a phone-sized screen, sees their team, searches, signs out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, call, tokenFor, TOP, PASSWORD } from '../api/lib.mjs';
import { launch } from './browser.mjs';

let srv, ctx;
const shot = (page, name) => page.screenshot({ path: join(TOP, 'tests/artifacts', `${name}.png`), fullPage: true });

before(async () => { srv = await startServer({ pegawai: 40 }); ctx = await launch(); });
after(async () => { await ctx?.close(); await srv?.stop(); });

test('wrong password shows an Indonesian message and stays on the sign-in form', async () => {
  const page = await ctx.newPage();
  await page.goto(srv.url + '/');
  await page.getByLabel('NIP atau nama pengguna').fill('atasan');
  await page.getByLabel('Kata sandi').fill('SalahSekali1');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByText('NIP/nama pengguna atau kata sandi salah.').waitFor();
  assert.equal(await page.locator('#beranda').isVisible(), false);
  await shot(page, 'masuk-gagal');
  await page.close();
});

test('an atasan signs in, sees their subtree, searches by name, and signs out', async () => {
  const me = (await call(srv, 'GET', '/api/v1/auth/me', { token: tokenFor(srv, 'atasan') })).json;
  const team = (await call(srv, 'GET', '/api/v1/pegawai?limit=200', { token: tokenFor(srv, 'atasan') })).json.items;
  const page = await ctx.newPage();
  await page.goto(srv.url + '/');
  await page.getByLabel('NIP atau nama pengguna').fill('atasan');
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: `Selamat datang, ${me.pegawai.nama_lengkap}` }).waitFor();
  await page.getByText(`${team.length} pegawai`).waitFor();
  const shown = Math.min(team.length, 20);
  assert.equal(await page.locator('#daftar li').count(), shown);
  await shot(page, 'beranda-atasan');
  const target = team.find((p) => p.id !== me.pegawai.id) || team[0];
  await page.getByLabel('Cari pegawai (nama atau awal NIP)').fill(target.nama);
  await page.getByText('1 pegawai', { exact: true }).waitFor({ timeout: 5000 }).catch(() => {});
  await page.locator('#daftar li', { hasText: target.nip }).waitFor();
  // reload: the session cookie keeps the user signed in
  await page.reload();
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.getByRole('heading', { name: 'Masuk' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Masuk' }).waitFor();
  assert.equal(await page.locator('#beranda').isVisible(), false);
  await page.close();
});
