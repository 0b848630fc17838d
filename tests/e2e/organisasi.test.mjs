// Journeys through the organisation-performance screens (issue 15) on a phone-sized screen, on
// the demo's Renstra: the pimpinan follows one IKU down the cascade tree (IKU -> Dinas PK ->
// Bidang PK -> the Kabid's RHK -> the Kasi's -> a staff member's) and back up from that pegawai
// to the same IKU; the pegawai sees only their own branch; the pimpinan reads the capaian of a
// unit with its suggested predikat, overrides it (a reason is required, the error shows next to
// the field) and the unit's pola distribusi screen then shows the confirmed predikat.  axe-core
// checks the tree, the trace and the capaian screens.  Every step waits for text or roles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, TOP, PASSWORD, sql } from '../api/lib.mjs';
import { launch } from './browser.mjs';

let srv, ctx;
const AXE = readFileSync(join(TOP, 'node_modules/axe-core/axe.min.js'), 'utf8');
const YEAR = Number(new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 4));
const shot = (page, name) => page.screenshot({ path: join(TOP, 'tests/artifacts', `organisasi-${name}.png`), fullPage: true });
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];

before(async () => { srv = await startServer({ pegawai: 40 }); ctx = await launch(); });
after(async () => { await ctx?.close(); await srv?.stop(); });

async function axe(page, label) {
  await page.evaluate(AXE);
  const r = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const v = r.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(v, [], `${label}: axe-core violations`);
}

async function masuk(user) {
  await ctx.clearCookies();
  const page = await ctx.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('dialog', (d) => d.accept());
  await page.goto(srv.url + '/');
  await page.getByLabel('NIP atau nama pengguna').fill(user);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  return page;
}
const menu = (page, name) => page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name, exact: true });
const h2 = (page, name) => page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
const kabar = (page, text) => page.locator('#kabar', { hasText: text }).waitFor();
const lebarLebih = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
async function selesai(page) {
  assert.deepEqual(page.errors, [], 'no script errors');
  await page.close();
}

test('a) the pimpinan follows an IKU down to a pegawai and back up from that pegawai to the IKU', async () => {
  const staf = one("SELECT p.id, p.nama FROM pegawai p JOIN pengguna u ON u.pegawai_id = p.id WHERE u.username = 'pegawai'");
  const page = await masuk('pimpinan');
  await menu(page, 'Kinerja organisasi').click();
  await h2(page, 'Kinerja organisasi');
  await page.getByRole('heading', { name: 'Renstra: sasaran strategis dan IKU' }).waitFor();
  await page.getByText('Meningkatnya mutu dan akses pendidikan dasar').waitFor();
  await page.getByRole('heading', { name: 'Perjanjian Kinerja (PK) unit' }).waitFor();
  assert.ok(await lebarLebih(page) <= 0, 'no sideways scroll at 360 px');
  await shot(page, 'renstra');
  await page.getByRole('link', { name: 'Pohon cascading IKU Angka putus sekolah SD' }).click();
  await h2(page, 'Pohon cascading: Angka putus sekolah SD');
  const pohon = page.getByRole('list', { name: 'Pohon cascading IKU' });
  // IKU -> the Dinas's PK -> the Bidang's PK -> the Kabid's RHK -> the Kasi's -> the staff member's
  const pkDinas = pohon.locator('li.simpul-pk', { hasText: 'Dinas Pendidikan:' }).first();
  await pkDinas.waitFor();
  const pkBidang = pkDinas.locator('li.simpul-pk', { hasText: 'Persentase siswa SD rawan putus sekolah yang didampingi' });
  await pkBidang.waitFor();
  const nodeStaf = pkBidang.locator(`li.simpul-rhk[data-pegawai="${staf.id}"]`).first();
  await nodeStaf.waitFor();
  assert.ok(await pkBidang.locator('li.simpul-rhk li.simpul-rhk li.simpul-rhk').count() >= 1, 'three levels of RHK under the Bidang PK');
  await axe(page, 'pohon');
  await shot(page, 'pohon');
  // ... and back up from that pegawai
  await nodeStaf.getByRole('link', { name: `Jejak ke IKU: ${staf.nama}` }).first().click();
  await h2(page, `Jejak RHK sampai IKU: ${staf.nama}`);
  const kartu = page.locator('li.kartu-jejak', { has: page.locator('.langkah-iku', { hasText: 'Angka putus sekolah SD' }) }).first();
  await kartu.waitFor();
  assert.ok(await kartu.locator('ol.jejak-rantai > li').count() >= 5, 'RHK, Kasi RHK, Kabid RHK, two PK indicators, the IKU');
  await kartu.getByText('Meningkatnya mutu dan akses pendidikan dasar').waitFor();
  await axe(page, 'jejak');
  await shot(page, 'jejak');
  await kartu.getByRole('link', { name: /Angka putus sekolah SD/ }).click();
  await h2(page, 'Pohon cascading: Angka putus sekolah SD');
  await selesai(page);
});

test('b) a pegawai sees their own RHK traced to the IKU and only their branch of the tree', async () => {
  const page = await masuk('pegawai');
  await menu(page, 'Kinerja organisasi').click();
  await h2(page, 'Kinerja organisasi');
  await page.getByRole('link', { name: 'Jejak RHK saya sampai IKU' }).click();
  await page.getByRole('heading', { level: 2, name: /^Jejak RHK sampai IKU: / }).waitFor();
  await page.getByText(/2 dari 2 RHK tertelusur sampai IKU|dari \d+ RHK tertelusur/).waitFor();
  await page.locator('.langkah-iku').first().getByRole('link').click();
  await page.getByRole('heading', { level: 2, name: /^Pohon cascading: / }).waitFor();
  await page.getByText(/simpul lain tidak ditampilkan karena tidak terkait dengan Anda/).waitFor();
  // no button to change the Renstra for a pegawai
  await page.goto(srv.url + `/#/kinerja-organisasi?tahun=${YEAR}`);
  await h2(page, 'Kinerja organisasi');
  await page.getByRole('heading', { name: 'Renstra: sasaran strategis dan IKU' }).waitFor();
  assert.equal(await page.getByText('Tambah sasaran strategis').count(), 0);
  await selesai(page);
});

test('c) the pimpinan reads a unit capaian with its suggested predikat, overrides it with a reason, and the pola distribusi uses it', async () => {
  const disdik = one("SELECT id FROM unit_kerja WHERE kode = 'DISDIK'").id;
  const page = await masuk('pimpinan');
  await page.goto(srv.url + `/#/capaian-organisasi?tahun=${YEAR}`);
  await h2(page, 'Capaian kinerja organisasi');
  await page.getByText(/Ambang usulan \(BELUM DIKONFIRMASI/).waitFor();
  const kartu = page.locator(`section.kartu-capaian[data-unit="${disdik}"]`);
  await kartu.getByRole('heading', { name: 'Dinas Pendidikan' }).waitFor();
  await kartu.getByText(/^Capaian unit: /).waitFor();
  const usulan = (await kartu.locator('p.usulan').textContent()).replace('Usulan predikat: ', '').trim();
  assert.ok(['Istimewa', 'Baik', 'Butuh Perbaikan', 'Kurang', 'Sangat Kurang'].includes(usulan), usulan);
  await kartu.getByText('Dasar usulan').click();
  await kartu.getByText(/BELUM DIKONFIRMASI/).first().waitFor();
  await axe(page, 'capaian');
  // a closed quarter cannot be chosen for realisasi
  assert.match(await page.locator('li[data-periode="1"]').textContent(), /ditutup/);
  // override without a reason: the field error; then with one
  const form = kartu.getByRole('form', { name: 'Tetapkan predikat organisasi Dinas Pendidikan' });
  const pilihan = usulan === 'Butuh Perbaikan' ? 'kurang' : 'butuh_perbaikan';
  await form.getByLabel('Predikat organisasi').selectOption(pilihan);
  await form.getByRole('button', { name: 'Tetapkan predikat organisasi' }).click();
  await form.locator('.galat', { hasText: 'berbeda dari usulan' }).waitFor();
  await shot(page, 'alasan');
  await form.getByLabel(/^Alasan/).fill('Hasil evaluasi AKIP Inspektorat belum diterima');
  await form.getByRole('button', { name: 'Tetapkan predikat organisasi' }).click();
  await kabar(page, 'Predikat organisasi ditetapkan');
  await kartu.locator('p.ditetapkan', { hasText: 'Hasil evaluasi AKIP Inspektorat belum diterima' }).waitFor();
  await shot(page, 'ditetapkan');
  // the existing pola distribusi screen of the unit reads it
  const o = one(`SELECT predikat, usulan FROM predikat_organisasi WHERE unit_kerja_id = ${disdik} AND tahun = ${YEAR}`);
  assert.equal(o.predikat, pilihan);
  await page.goto(srv.url + `/#/unit/${disdik}/kurva?tahun=${YEAR}`);
  await page.getByText(pilihan === 'kurang' ? /Kurang/ : /Butuh Perbaikan/).first().waitFor();
  await selesai(page);
});
