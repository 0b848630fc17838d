// Journeys through the four-dimension profile (issue 15 part 4) on a phone-sized screen: the
// pegawai reads their profile card on their dashboard (scores as the API's, how each was computed,
// its sources); the penilai sees the same card in the penilaian screen; the admin computes the
// profile of a unit on its dashboard.  axe-core on each screen; every step waits for text or roles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { startServer, call, tokenFor, sql, TOP, PASSWORD } from '../api/lib.mjs';
import { launch } from './browser.mjs';

process.env.TZ = 'Asia/Jakarta';

let srv, ctx;
const T = {};
const AXE = readFileSync(join(TOP, 'node_modules/axe-core/axe.min.js'), 'utf8');
const YEAR = Number(new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 4));
const get = async (tok, path) => { const r = await call(srv, 'GET', path, { token: tok }); assert.equal(r.status, 200, r.text); return r.json; };
const skor = (s) => (s === null ? '(belum ada data)' : `Skor ${Number(s).toLocaleString('id-ID', { maximumFractionDigits: 4 })}`);
const shot = (page, name) => page.screenshot({ path: join(TOP, 'tests/artifacts', `profil-${name}.png`), fullPage: true });
const NAMA = { kinerja_individu: 'Kinerja individu', perilaku_kerja: 'Perilaku kerja', inovasi: 'Inovasi', kontribusi_organisasi: 'Kontribusi organisasi' };

before(async () => {
  mkdirSync(join(TOP, 'tests/artifacts'), { recursive: true });
  srv = await startServer({ pegawai: 30 });
  ctx = await launch();
  for (const r of ['pegawai', 'admin']) T[r] = tokenFor(srv, r);
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
async function axe(page, label) {
  await page.evaluate(AXE);
  const r = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const v = r.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(v, [], `${label}: axe-core violations`);
}
async function selesai(page) {
  assert.deepEqual(page.errors, [], 'no script errors');
  await page.close();
}

/** The card shows the API's four scores, summaries and sources. */
async function cekKartu(page, p) {
  const kartu = page.locator('section.profil-kinerja').first();
  await kartu.getByRole('heading', { name: `Profil kinerja empat dimensi ${p.tahun}` }).waitFor();
  for (const d of p.dimensi) {
    const li = kartu.locator(`li[data-dimensi="${d.kode}"]`);
    assert.equal(await li.locator('.skor-profil').textContent(), skor(d.skor), d.kode);
    assert.equal(await li.locator('.ringkas-profil').textContent(), d.ringkas);
    for (const s of d.sumber.filter((x) => x.tautan)) assert.equal(await li.getByRole('link', { name: s.label, exact: true }).first().getAttribute('href'), s.tautan);
  }
  // the chart is a picture with the four scores in its description
  assert.match(await kartu.locator('svg desc').textContent(), /Kinerja individu/);
  return kartu;
}

test('a) the pegawai reads their four-dimension profile on their dashboard', async () => {
  const me = await get(T.pegawai, '/api/v1/auth/me');
  const p = await get(T.pegawai, `/api/v1/pegawai/${me.pegawai.id}/profil-kinerja`);
  assert.ok(p.dimensi.filter((d) => d.skor !== null).length >= 2, 'the demo pegawai has realistic numbers');
  const page = await masuk('pegawai');
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Dasbor', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Dasbor saya' }).waitFor();
  const kartu = await cekKartu(page, p);
  // how the kinerja individu score was formed
  const k = p.dimensi.find((d) => d.kode === 'kinerja_individu');
  await kartu.locator('li[data-dimensi="kinerja_individu"]').getByText('Cara menghitung').click();
  await kartu.getByText(k.penjelasan[0], { exact: true }).waitFor();
  await axe(page, 'dasbor pegawai with the profile');
  await shot(page, 'dasbor');
  // a source link opens the penilaian it came from
  const pen = k.sumber.find((s) => s.jenis === 'penilaian');
  if (pen) {
    await kartu.locator('li[data-dimensi="kinerja_individu"]').getByRole('link', { name: pen.label }).click();
    await page.waitForURL(new RegExp(`#/penilaian/${pen.id}$`));
    await page.locator('section.profil-kinerja').getByRole('heading', { name: `Profil kinerja empat dimensi ${YEAR}` }).waitFor();
  }
  await selesai(page);
});

test('b) the penilai sees the pegawai\'s profile in the penilaian screen', async () => {
  const me = await get(T.pegawai, '/api/v1/auth/me');
  const list = (await get(T.admin, `/api/v1/penilaian?pegawai_id=${me.pegawai.id}`)).items;
  assert.ok(list.length, 'the demo pegawai has a penilaian');
  const pen = await get(T.admin, `/api/v1/penilaian/${list[0].id}`);
  const nip = JSON.parse(sql(srv, `SELECT nip FROM pegawai WHERE id = ${pen.penilai_id}`))[0].nip;
  const p = await get(tokenFor(srv, nip), `/api/v1/pegawai/${me.pegawai.id}/profil-kinerja?tahun=${pen.tahun}`);
  const page = await masuk(nip);
  await page.goto(`${srv.url}/#/penilaian/${pen.id}`);
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  const kartu = await cekKartu(page, p);
  const b = p.dimensi.find((d) => d.kode === 'perilaku_kerja');
  await kartu.locator('li[data-dimensi="perilaku_kerja"]').getByText('Cara menghitung').click();
  await kartu.getByText(b.penjelasan[0], { exact: true }).waitFor();
  await axe(page, 'penilaian with the profile');
  await shot(page, 'penilaian');
  await selesai(page);
});

test('c) the admin computes the profile of a unit on its dashboard', async () => {
  const me = await get(T.pegawai, '/api/v1/auth/me');
  const unit = (await get(T.admin, `/api/v1/pegawai/${me.pegawai.id}`)).unit_kerja.id;
  const u = await get(T.admin, `/api/v1/unit-kerja/${unit}/profil-kinerja`);
  const page = await masuk('admin');
  await page.goto(`${srv.url}/#/dasbor/unit/${unit}`);
  const sec = page.locator('section.profil-unit');
  await sec.getByRole('heading', { name: `Profil kinerja empat dimensi unit ${YEAR}` }).waitFor();
  await sec.getByRole('button', { name: 'Tampilkan profil empat dimensi' }).click();
  const tabel = sec.getByRole('table', { name: 'Skor empat dimensi per pegawai' });
  await tabel.waitFor();
  for (const d of u.dimensi) assert.equal(await sec.locator(`li[data-dimensi="${d.kode}"] .skor-profil`).textContent(), skor(d.skor), d.kode);
  const row = u.pegawai.find((x) => x.id === me.pegawai.id);
  const tr = tabel.locator(`tr[data-pegawai="${row.id}"]`);
  for (const [k, nama] of Object.entries(NAMA))
    assert.equal(await tr.locator(`td[data-label="${nama}"]`).textContent(), row.skor[k] === null ? '—' : Number(row.skor[k]).toLocaleString('id-ID', { maximumFractionDigits: 4 }));
  await axe(page, 'unit dashboard with the profile');
  await shot(page, 'unit');
  await selesai(page);
});

test('d) the admin downloads the organisation reports from the reports screen', async () => {
  const page = await masuk('admin');
  await page.goto(`${srv.url}/#/laporan`);
  const sec = page.locator('section.laporan-org');
  await sec.getByRole('heading', { name: 'Laporan kinerja organisasi' }).waitFor();
  await sec.getByLabel('Tahun laporan').fill(String(YEAR));
  for (const [nama, berkas] of [['Unduh pohon kinerja (PDF)', `pohon-kinerja-${YEAR}.pdf`], ['Unduh rekap capaian IKU (XLSX)', `rekap-iku-${YEAR}.xlsx`]]) {
    const [unduh] = await Promise.all([page.waitForEvent('download'), sec.getByRole('link', { name: nama }).click()]);
    assert.equal(unduh.suggestedFilename(), berkas);
  }
  await axe(page, 'reports with the organisation reports');
  await selesai(page);
});
