// The innovation and recognition journey (issues 15 and 14) on a phone-sized screen: the pegawai
// records an innovation (the server's field errors first, then a measured effect), the Kepala
// Seksi validates it from "Menunggu validasi Anda", it shows in the pegawai's annual penilaian as
// evidence, the pimpinan finds the pegawai among the recognition candidates and issues a piagam
// after confirming, and the pegawai agrees to show it to colleagues.  The units' list filters by
// stage.  axe-core runs on every screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, call, tokenFor, sql, TOP, PASSWORD } from '../api/lib.mjs';
import { launch } from './browser.mjs';

process.env.TZ = 'Asia/Jakarta';

const AXE = readFileSync(join(TOP, 'node_modules/axe-core/axe.min.js'), 'utf8');
const JUDUL = 'Layanan surat pindah lewat WhatsApp dinas';
let srv, ctx;
const info = {};
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];
const shot = (page, name) => page.screenshot({ path: join(TOP, 'tests/artifacts', `inovasi-${name}.png`), fullPage: true });

before(async () => {
  srv = await startServer({ pegawai: 40 });
  ctx = await launch();
  info.pegawai = one("SELECT pegawai_id AS id FROM pengguna WHERE username = 'pegawai'").id;
  info.kasi = one(`SELECT p.id, p.nip FROM pegawai p JOIN pegawai b ON b.atasan_id = p.id WHERE b.id = ${info.pegawai}`);
  // the demo's own innovations of the pegawai go, so the journey's one is the candidate
  sql(srv, `UPDATE bukti SET inovasi_id = NULL WHERE inovasi_id IN (SELECT id FROM inovasi WHERE pegawai_id = ${info.pegawai})`);
  sql(srv, `DELETE FROM inovasi WHERE pegawai_id = ${info.pegawai}`);
});
after(async () => { await ctx?.close(); await srv?.stop(); });

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
const kabar = (page, text) => page.locator('#kabar', { hasText: text }).waitFor();
async function axe(page, label) {
  await page.evaluate(AXE);
  const r = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const v = r.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.ok(r.passes.length >= 5, `${label}: axe-core ran`);
  assert.deepEqual(v, [], `${label}: axe-core violations`);
}

test('a) the pegawai records an innovation: field errors from the server, then saved with its effect', async () => {
  const page = await masuk('pegawai');
  await page.getByRole('link', { name: 'Inovasi', exact: true }).click();
  await page.getByRole('heading', { name: 'Inovasi', level: 2 }).waitFor();
  await page.getByText('Belum ada inovasi').waitFor();
  await page.getByRole('button', { name: 'Catat inovasi' }).click();
  await page.getByLabel('Judul / ide inovasi').fill('abc');
  await page.getByRole('button', { name: 'Simpan dan ajukan validasi' }).click();
  await page.locator('.galat').first().waitFor();
  await page.locator('form.form-inovasi .peringatan').waitFor();
  assert.match(await page.locator('form.form-inovasi .peringatan').innerText(), /panjang harus 5-200 karakter/);
  await page.getByLabel('Judul / ide inovasi').fill(JUDUL);
  await page.getByLabel('Masalah yang diselesaikan').fill('Orang tua datang dua kali ke kantor dinas untuk surat pindah sekolah.');
  await page.getByLabel('Unit atau layanan yang dilayani').fill('Layanan surat keterangan pindah sekolah');
  await page.getByLabel('Diterapkan').check();
  await page.getByLabel('Indikator').fill('Waktu penerbitan surat');
  await page.getByLabel('Nilai sebelum').fill('3');
  await page.getByLabel('Nilai sesudah').fill('0,5');
  await page.getByLabel('Satuan', { exact: true }).fill('hari');
  await axe(page, 'form');
  await page.getByRole('button', { name: 'Simpan dan ajukan validasi' }).click();
  await kabar(page, 'Inovasi tersimpan');
  const kartu = page.locator('li.inovasi', { hasText: JUDUL });
  await kartu.waitFor();
  assert.match(await kartu.innerText(), /Menunggu validasi/);
  assert.match(await kartu.innerText(), /3 → 0,5 hari/);
  assert.match(await kartu.innerText(), /-83,3%/);
  await axe(page, 'own list');
  await shot(page, 'pegawai');
  assert.deepEqual(page.errors, []);
  info.inov = one(`SELECT id FROM inovasi WHERE judul = '${JUDUL}'`).id;
  await page.close();
});

test('b) the Kepala Seksi validates it; it is evidence in the annual penilaian', async () => {
  const page = await masuk(info.kasi.nip);
  await page.goto(`${srv.url}/#/inovasi`);
  await page.getByRole('heading', { name: 'Menunggu validasi Anda' }).waitFor();
  const kartu = page.locator('li.inovasi', { hasText: JUDUL });
  await kartu.waitFor();
  await axe(page, 'validation queue');
  await kartu.getByRole('button', { name: /^Validasi inovasi/ }).click();
  await kabar(page, 'Inovasi divalidasi');
  assert.equal(one(`SELECT status FROM inovasi WHERE id = ${info.inov}`).status, 'divalidasi');
  // the annual penilaian of the pegawai shows it
  const tok = tokenFor(srv, info.kasi.nip);
  const tahun = new Date(Date.now() + 7 * 3600e3).getUTCFullYear();
  const skp = one(`SELECT s.id FROM skp s JOIN periode p ON p.id = s.periode_id WHERE s.pegawai_id = ${info.pegawai} AND p.tahun = ${tahun} AND s.status = 'disetujui'`).id;
  const pn = await call(srv, 'POST', `/api/v1/skp/${skp}/penilaian`, { token: tok, body: { jenis: 'tahunan' } });
  assert.equal(pn.status, 201, pn.text);
  await page.goto(`${srv.url}/#/penilaian/${pn.json.id}`);
  const sec = page.locator('section.inovasi-penilaian');
  await sec.getByText(JUDUL).waitFor();
  assert.match(await sec.innerText(), /Di Atas Ekspektasi/);
  await axe(page, 'penilaian');
  await shot(page, 'penilaian');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('c) the pimpinan sees the candidate and issues a piagam; the list of units filters by stage', async () => {
  const page = await masuk('pimpinan');
  await page.getByRole('link', { name: 'Penghargaan', exact: true }).click();
  await page.getByRole('heading', { name: 'Kandidat penghargaan' }).waitFor();
  const nama = one(`SELECT nama FROM pegawai WHERE id = ${info.pegawai}`).nama;
  const kartu = page.locator('li.kandidat', { hasText: nama }).filter({ hasText: 'Inovator Pelayanan Publik' });
  await kartu.waitFor();
  await axe(page, 'recognition');
  await kartu.getByRole('button', { name: /^Terbitkan piagam/ }).click();
  await kabar(page, 'Piagam diterbitkan');
  await kartu.getByText('Piagam sudah diterbitkan').waitFor();
  const g = one(`SELECT id, nomor FROM penghargaan WHERE pegawai_id = ${info.pegawai}`);
  assert.ok(g && /^PGH\//.test(g.nomor));
  assert.equal(one(`SELECT COUNT(*) AS n FROM audit_log WHERE aksi = 'penghargaan.terbitkan' AND entitas_id = ${g.id}`).n, 1);
  const pdf = await page.evaluate(async (u) => { const r = await fetch(u); return [r.status, r.headers.get('content-type')]; }, `/api/v1/penghargaan/${g.id}/piagam.pdf`);
  assert.deepEqual(pdf, [200, 'application/pdf']);
  await shot(page, 'pimpinan');
  // the list of the instansi by stage
  await page.goto(`${srv.url}/#/inovasi/daftar`);
  await page.getByRole('heading', { name: 'Daftar inovasi' }).waitFor();
  await page.locator('li.inovasi').first().waitFor();
  await page.getByRole('button', { name: /^Diterapkan: \d+/ }).click();
  // the whole list (which has this innovation too) stays until the stage's answer is drawn,
  // together with the pressed stage button
  await page.getByRole('button', { name: /^Diterapkan: \d+/, pressed: true }).waitFor();
  await page.locator('li.inovasi', { hasText: JUDUL }).waitFor();
  const tahap = await page.locator('li.inovasi .ket').allInnerTexts();
  assert.ok(tahap.filter((t) => /Diuji coba|Diusulkan|Direplikasi/.test(t.split(' · ')[0])).length === 0, tahap.join('\n'));
  assert.match(await page.getByRole('link', { name: 'Unduh rekap (XLSX)' }).getAttribute('href'), /tahap=diterapkan/);
  await axe(page, 'list');
  await shot(page, 'daftar');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('d) the pegawai agrees to show the piagam to colleagues', async () => {
  const page = await masuk('pegawai');
  await page.goto(`${srv.url}/#/penghargaan`);
  await page.getByRole('heading', { name: 'Piagam saya' }).waitFor();
  const cb = page.getByLabel('Tampilkan piagam ini kepada rekan kerja');
  assert.equal(await cb.isChecked(), false);
  await cb.check();
  await kabar(page, 'Piagam ditampilkan kepada rekan kerja');
  assert.equal(one(`SELECT persetujuan FROM penghargaan WHERE pegawai_id = ${info.pegawai}`).persetujuan, 1);
  await axe(page, 'own piagam');
  assert.deepEqual(page.errors, []);
  await page.close();
});
