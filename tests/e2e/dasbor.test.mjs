// Journeys through the dashboards, exports and analytics (issue 8) on a phone-sized screen:
// the admin drills from the instansi to a unit, a child unit and one of its pegawai, every number
// checked against the API's JSON; the atasan sees a bawahan at risk; the admin exports an XLSX
// rekap (progress, download, then the same report from the cache); an open dashboard refetches
// when a pegawai logs an activity (Server-Sent Events); the leniency table and the 9-box, where
// the admin sets a pegawai's potensi and the box count changes; the training catalogue (a field
// error, then a theme added and retired).  Every step waits for text or roles, never for time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { startServer, call, tokenFor, sql, TOP, PASSWORD } from '../api/lib.mjs';
import { launch } from './browser.mjs';

process.env.TZ = 'Asia/Jakarta';

let srv, ctx;
const T = {};
const get = async (tok, path) => { const r = await call(srv, 'GET', path, { token: tok }); assert.equal(r.status, 200, r.text); return r.json; };
const YEAR = Number(new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 4));
const TODAY = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
const id = (n) => Number(n).toLocaleString('id-ID');
const pct = (v) => (v === null || v === undefined ? '—' : `${Number(v).toLocaleString('id-ID')}%`);
const pct2 = (v) => `${Number(v).toLocaleString('id-ID', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}%`;
const shot = (page, name) => page.screenshot({ path: join(TOP, 'tests/artifacts', `dasbor-${name}.png`), fullPage: true });

before(async () => {
  mkdirSync(join(TOP, 'tests/artifacts'), { recursive: true });
  srv = await startServer({ pegawai: 40 });
  ctx = await launch();
  for (const r of ['pegawai', 'admin', 'atasan', 'pimpinan']) T[r] = tokenFor(srv, r);
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
const menu = (page, name) => page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name, exact: true });
const kartu = (page, k) => page.locator(`.ringkasan-dasbor li[data-kartu="${k}"] strong`);
async function selesai(page) {
  assert.deepEqual(page.errors, [], 'no script errors');
  await page.close();
}

test('a) the admin drills from the instansi to a unit, its child unit and a pegawai; the numbers are the API\'s', async () => {
  const inst = await get(T.admin, '/api/v1/dasbor/instansi');
  // a top-level unit with a child unit that has pegawai of its own
  let unit = null, anak = null;
  for (const u of inst.anak) {
    const j = await get(T.admin, `/api/v1/dasbor/unit/${u.id}`);
    for (const c of j.anak) {
      const jc = await get(T.admin, `/api/v1/dasbor/unit/${c.id}`);
      if (jc.pegawai.length) { unit = j; anak = jc; break; }
    }
    if (unit) break;
  }
  assert.ok(unit, 'the demo has a unit with a child unit that has pegawai');
  const page = await masuk('admin');
  await menu(page, 'Dasbor').click();
  await page.getByRole('heading', { level: 2, name: 'Dasbor saya' }).waitFor();
  await page.getByRole('navigation', { name: 'Jenis dasbor' }).getByRole('link', { name: 'Dasbor instansi' }).click();
  await page.getByRole('heading', { level: 2, name: 'Dasbor instansi' }).waitFor();
  assert.equal(await kartu(page, 'pegawai').textContent(), id(inst.ringkasan.pegawai));
  assert.equal(await kartu(page, 'skp').textContent(), id(inst.ringkasan.skp_disetujui));
  assert.equal(await kartu(page, 'mencatat').textContent(), id(inst.ringkasan.mencatat_minggu_ini));
  assert.equal(await kartu(page, 'menunggu').textContent(), id(inst.ringkasan.menunggu_review));
  assert.equal(await page.locator('.kepatuhan-nilai strong').textContent(), pct(inst.ringkasan.kepatuhan.persen));
  await page.getByText('Cara menghitung kepatuhan').click();
  await page.getByText(inst.ringkasan.kepatuhan.penjelasan[0]).waitFor();
  // the units' table: one row per top-level unit with its compliance; sortable by a column
  const tabel = page.getByRole('region', { name: 'Tabel kepatuhan per unit' });
  for (const u of inst.anak) {
    const row = tabel.locator(`tr[data-unit="${u.id}"]`);
    assert.equal(await row.locator('td').last().textContent(), pct(u.kepatuhan.persen));
    assert.equal(await row.locator('td').first().textContent(), id(u.pegawai));
  }
  await tabel.getByRole('button', { name: /^Kepatuhan/ }).click();
  await tabel.locator('th[aria-sort="descending"]').waitFor();
  const urut = [...inst.anak].sort((a, b) => b.kepatuhan.persen - a.kepatuhan.persen).map((u) => String(u.id));
  const tampil = await tabel.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.unit));
  assert.deepEqual(tampil.map((x) => inst.anak.find((u) => String(u.id) === x).kepatuhan.persen), urut.map((x) => inst.anak.find((u) => String(u.id) === x).kepatuhan.persen));
  await page.getByRole('table', { name: 'Data tren bulanan' }).waitFor();
  await shot(page, 'instansi');
  // drill down: the unit, with its breadcrumbs and its child units
  await tabel.getByRole('link', { name: unit.lingkup.nama, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: `Dasbor ${unit.lingkup.nama}` }).waitFor();
  assert.equal(await kartu(page, 'pegawai').textContent(), id(unit.ringkasan.pegawai));
  assert.equal(await kartu(page, 'skp').textContent(), id(unit.ringkasan.skp_disetujui));
  const jejak = page.getByRole('navigation', { name: 'Jejak unit' });
  await jejak.getByRole('link', { name: 'Instansi' }).waitFor();
  await page.getByRole('region', { name: 'Tabel kepatuhan per unit' }).getByRole('link', { name: anak.lingkup.nama, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: `Dasbor ${anak.lingkup.nama}` }).waitFor();
  // the child's breadcrumbs lead back to the unit above it
  await page.getByRole('navigation', { name: 'Jejak unit' }).getByRole('link', { name: unit.lingkup.nama }).waitFor();
  assert.equal(await kartu(page, 'pegawai').textContent(), id(anak.ringkasan.pegawai));
  assert.equal(await kartu(page, 'berisiko').textContent(), id(anak.pegawai_berisiko));
  // the unit's own pegawai, each with their numbers and risks
  const p = anak.pegawai[0];
  const baris = page.locator(`table.tabel-bawahan tr[data-pegawai="${p.id}"]`);
  assert.equal(await baris.locator('td[data-label="Aktivitas minggu ini"]').textContent(), id(p.aktivitas_minggu_ini));
  assert.equal(await baris.locator('td[data-label="Menunggu review"]').textContent(), id(p.menunggu_review));
  assert.equal(await baris.locator('td[data-label="Capaian"]').textContent(), pct(p.capaian_persen));
  for (const r of p.risiko) await baris.locator('.lencana-risiko', { hasText: r.label }).waitFor();
  await shot(page, 'unit');
  // … and that pegawai's dashboard: capaian per IKI, calendar, predikat as the API says
  const dp = await get(T.admin, `/api/v1/dasbor/pegawai/${p.id}`);
  await baris.getByRole('link', { name: p.nama }).click();
  await page.getByRole('heading', { level: 2, name: `Dasbor ${dp.pegawai.nama}` }).waitFor();
  await page.getByRole('link', { name: '← Dasbor unit' }).waitFor();
  const ikiAda = dp.capaian.find((k) => k.tahun_berjalan);
  if (ikiAda) {
    const y = ikiAda.tahun_berjalan;
    await page.locator(`li[data-iki="${ikiAda.iki_id}"] .capaian-ytd`).filter({ hasText: `Realisasi ${id(y.realisasi)}: capaian ${pct2(y.capaian_persen)} dari target setahun, ${pct2(y.capaian_prorata_persen)} pro rata` }).waitFor();
    await page.getByRole('img', { name: new RegExp(`^Capaian ${ikiAda.indikator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).waitFor();
  }
  if (dp.kalender.hari.length) {
    await page.locator('.kalender-ringkas', { hasText: `${id(dp.kalender.hari_tercatat)} hari tercatat` }).waitFor();
    const kal = page.getByRole('table', { name: 'Aktivitas per bulan' });
    assert.equal(await kal.locator('tfoot td').first().textContent(), id(dp.kalender.hari_tercatat));
  }
  assert.equal(await page.locator('table.tabel-predikat tbody tr').count(), dp.predikat.length);
  await page.getByRole('heading', { name: 'Rekomendasi pengembangan' }).waitFor();
  await shot(page, 'pegawai');
  await selesai(page);
});

test('b) the atasan opens the team dashboard and sees a bawahan with a risk badge', async () => {
  const tim = await get(T.atasan, '/api/v1/dasbor/tim');
  const berisiko = tim.bawahan.find((p) => p.risiko.length);
  assert.ok(berisiko, 'the demo team has a bawahan at risk');
  const page = await masuk('atasan');
  await menu(page, 'Dasbor').click();
  await page.getByRole('navigation', { name: 'Jenis dasbor' }).getByRole('link', { name: 'Dasbor tim' }).click();
  await page.getByRole('heading', { level: 2, name: 'Dasbor tim' }).waitFor();
  assert.equal(await kartu(page, 'bawahan').textContent(), id(tim.ringkasan.bawahan));
  assert.equal(await kartu(page, 'berisiko').textContent(), id(tim.ringkasan.berisiko));
  const baris = page.locator(`tr[data-pegawai="${berisiko.id}"]`);
  for (const r of berisiko.risiko) await baris.locator('.lencana-risiko', { hasText: r.label }).waitFor();
  await page.getByRole('table', { name: 'Data grafik' }).waitFor();
  await shot(page, 'tim');
  // the link opens the bawahan's dashboard
  await baris.getByRole('link', { name: berisiko.nama }).click();
  await page.getByRole('heading', { level: 2, name: `Dasbor ${berisiko.nama}` }).waitFor();
  await page.getByRole('link', { name: '← Dasbor tim' }).waitFor();
  await selesai(page);
});

test('c) the admin exports an XLSX rekap: progress, the download link, then the cached copy', async () => {
  const page = await masuk('admin');
  await menu(page, 'Laporan').click();
  await page.getByRole('heading', { level: 2, name: 'Laporan' }).waitFor();
  await page.getByRole('group', { name: 'Cakupan' }).getByLabel('Seluruh instansi').check();
  await page.getByRole('group', { name: 'Format' }).getByLabel('Excel (XLSX)').check();
  await page.getByRole('button', { name: 'Buat laporan' }).click();
  const unduh = page.getByRole('link', { name: 'Unduh berkas XLSX' }).first();
  await page.locator('.pekerjaan .unduh-laporan').waitFor();
  assert.equal(await page.getByRole('progressbar', { name: 'Kemajuan laporan' }).getAttribute('value'), '100');
  const href = await unduh.getAttribute('href');
  assert.match(href, /^\/api\/v1\/laporan\/ekspor\/\d+\/berkas$/);
  const res = await page.request.get(srv.url + href);
  assert.equal(res.status(), 200);
  const body = await res.body();
  assert.equal(body.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX file (a zip)');
  // "Laporan saya" lists it
  await page.locator(`.daftar-laporan li[data-laporan="${href.split('/')[5]}"]`, { hasText: 'Selesai' }).waitFor();
  // the same report again, nothing changed: from the cache
  await page.getByRole('button', { name: 'Buat laporan' }).click();
  await page.locator('.dari-cache').waitFor();
  assert.equal(await page.locator('.pekerjaan .unduh-laporan').getAttribute('href'), href);
  await shot(page, 'laporan');
  // a unit without choosing one: the error stands next to the field
  await page.getByRole('group', { name: 'Cakupan' }).getByLabel('Unit kerja (beserta sub-unitnya)').check();
  await page.getByRole('button', { name: 'Buat laporan' }).click();
  await page.locator('select[data-field="unit_kerja_id"][aria-invalid="true"] + .galat', { hasText: 'Pilih unit kerja.' }).waitFor();
  await selesai(page);
});

test('d) live: with the instansi dashboard open, a pegawai logging an activity makes it refetch', async () => {
  // a pegawai with an account who has not logged anything this week
  const minggu = (await get(T.admin, '/api/v1/dasbor/instansi')).minggu;
  const q = JSON.parse(sql(srv, `SELECT p.nip FROM pegawai p JOIN pengguna g ON g.pegawai_id = p.id WHERE p.aktif = 1 AND p.instansi_id = 1
    AND NOT EXISTS (SELECT 1 FROM aktivitas a WHERE a.pegawai_id = p.id AND a.tanggal BETWEEN '${minggu.dari}' AND '${minggu.sampai}')
    ORDER BY p.id LIMIT 1`) || '[]');
  assert.ok(q.length, 'the demo has a pegawai with an account who has not logged this week');
  const tok = tokenFor(srv, q[0].nip);
  const page = await masuk('admin');
  await page.goto(srv.url + '/#/dasbor/instansi');
  await page.getByRole('heading', { level: 2, name: 'Dasbor instansi' }).waitFor();
  await page.locator('.langsung', { hasText: 'Pembaruan langsung aktif' }).waitFor();
  const sebelum = await get(T.admin, '/api/v1/dasbor/instansi');
  assert.equal(await kartu(page, 'mencatat').textContent(), id(sebelum.ringkasan.mencatat_minggu_ini));
  const waktu1 = await page.locator('.langsung .waktu-muat').textContent();
  assert.match(waktu1, /^Diperbarui pukul \d{2}\.\d{2}\.\d{2}$/);
  assert.equal(await page.locator('.langsung').getAttribute('data-pembaruan'), '1');
  const r = await call(srv, 'POST', '/api/v1/aktivitas', { token: tok,
    body: { tanggal: TODAY, jam_mulai: '07:30', jam_selesai: '08:15', uraian: 'Menyiapkan bahan rapat koordinasi' } });
  assert.equal(r.status, 201, r.text);
  // the new number shows without a reload, and the time of the last update changed
  await kartu(page, 'mencatat').filter({ hasText: new RegExp(`^${id(sebelum.ringkasan.mencatat_minggu_ini + 1)}$`) }).waitFor({ timeout: 15000 });
  assert.ok(Number(await page.locator('.langsung').getAttribute('data-pembaruan')) >= 2);
  assert.notEqual(await page.locator('.langsung .waktu-muat').textContent(), waktu1);
  // a holiday added by the admin is a change too: another refetch (at most one per 3 s)
  const n = Number(await page.locator('.langsung').getAttribute('data-pembaruan'));
  const h = await call(srv, 'POST', '/api/v1/hari-libur', { token: T.admin, body: { tanggal: `${YEAR + 1}-03-03`, nama: 'Libur uji dasbor' } });
  assert.equal(h.status, 201, h.text);
  await page.locator(`.langsung[data-pembaruan="${n + 1}"]`).waitFor({ timeout: 15000 });
  await selesai(page);
});

test('e) analytics: the leniency table and the 9-box; the admin sets a potensi and the box count changes', async () => {
  const k = await get(T.admin, `/api/v1/analitik/kelonggaran?tahun=${YEAR}`);
  const t0 = await get(T.admin, `/api/v1/analitik/talenta?tahun=${YEAR}`);
  // a pegawai with a final penilaian this year but no potensi yet
  const cal = JSON.parse(sql(srv, `SELECT p.id, p.nama, p.nip FROM pegawai p WHERE p.aktif = 1 AND p.instansi_id = 1
    AND EXISTS (SELECT 1 FROM penilaian n WHERE n.pegawai_id = p.id AND n.status = 'final' AND n.mulai >= '${YEAR}-01-01')
    AND NOT EXISTS (SELECT 1 FROM potensi_pegawai x WHERE x.pegawai_id = p.id AND x.tahun = ${YEAR}) ORDER BY p.id LIMIT 1`) || '[]')[0];
  assert.ok(cal, 'the demo has a pegawai with a predikat and no potensi');
  const page = await masuk('admin');
  await menu(page, 'Analitik').click();
  await page.getByRole('heading', { level: 2, name: 'Analitik' }).waitFor();
  const kel = page.getByRole('region', { name: 'Tabel kelonggaran penilai' });
  for (const p of k.penilai.slice(0, 3)) {
    const row = kel.locator(`tr[data-penilai="${p.penilai.id}"]`);
    assert.equal(await row.locator('td').first().textContent(), id(p.n));
    await row.locator('.lencana', { hasText: !p.dinilai ? 'Terlalu sedikit' : p.arah === 'longgar' ? 'Longgar' : p.arah === 'ketat' ? 'Ketat' : 'Wajar' }).waitFor();
  }
  const grid = page.getByRole('table', { name: `Talenta (9-box) ${YEAR}` });
  assert.equal(await grid.locator('button.kotak').count(), 9);
  for (const b of t0.kotak) assert.equal(await grid.locator(`button[data-kotak="${b.kotak}"] .jumlah-kotak`).textContent(), id(b.jumlah));
  await page.getByRole('region', { name: 'Tabel celah bukti per pegawai' }).waitFor();
  // HR enters the potensi of the pegawai
  const form = page.locator('form.form-potensi');
  await form.getByLabel('Cari pegawai (nama atau awal NIP)').fill(cal.nip);
  await form.getByRole('status').filter({ hasText: '1 pegawai ditemukan' }).waitFor();
  await form.getByLabel('Pegawai', { exact: true }).selectOption(String(cal.id));
  await form.getByLabel('Potensi', { exact: true }).selectOption('tinggi');
  await form.getByRole('button', { name: 'Simpan potensi' }).click();
  await page.locator('#kabar', { hasText: 'disimpan: Tinggi' }).waitFor();
  const t1 = await get(T.admin, `/api/v1/analitik/talenta?tahun=${YEAR}`);
  const kotak = t1.kotak.find((b) => b.pegawai.some((p) => p.id === cal.id));
  assert.ok(kotak, 'the pegawai is in a box now');
  assert.equal(kotak.jumlah, t0.kotak.find((b) => b.kotak === kotak.kotak).jumlah + 1);
  await grid.locator(`button[data-kotak="${kotak.kotak}"] .jumlah-kotak`).filter({ hasText: new RegExp(`^${id(kotak.jumlah)}$`) }).waitFor();
  // the box lists the pegawai
  await grid.locator(`button[data-kotak="${kotak.kotak}"]`).click();
  await page.getByRole('heading', { name: `Pegawai di kotak ${kotak.nama}` }).waitFor();
  await page.locator(`.daftar-9box li[data-pegawai="${cal.id}"]`).waitFor();
  await shot(page, 'analitik');
  await selesai(page);
});

test('f) the training catalogue: a field error first, then a theme added and retired', async () => {
  const page = await masuk('admin');
  await page.goto(srv.url + '/#/katalog');
  await page.getByRole('heading', { level: 2, name: 'Katalog pelatihan' }).waitFor();
  const form = page.locator('form.form-katalog');
  await form.getByLabel('Judul tema').fill('ab');
  await form.getByLabel('Kata kunci (pisahkan dengan koma)').fill('naskah, surat');
  await form.getByRole('button', { name: 'Tambah tema' }).click();
  await form.locator('input[data-field="judul"][aria-invalid="true"] + .galat').waitFor();
  assert.match(await form.locator('.galat').first().textContent(), /3-200 karakter/);
  await form.getByLabel('Judul tema').fill('Menulis Naskah Dinas');
  await form.getByLabel('Nilai BerAKHLAK yang dikembangkan').selectOption({ label: 'Akuntabel' });
  await form.getByRole('button', { name: 'Tambah tema' }).click();
  await page.locator('#kabar', { hasText: 'Tema "Menulis Naskah Dinas" ditambahkan.' }).waitFor();
  const tema = (await get(T.admin, '/api/v1/katalog-pelatihan')).items.find((x) => x.judul === 'Menulis Naskah Dinas');
  assert.deepEqual(tema.kata_kunci, ['naskah', 'surat']);
  assert.equal(tema.nilai, 2);
  const kartuTema = page.locator(`li[data-katalog="${tema.id}"]`);
  await kartuTema.getByText('Kata kunci: naskah, surat').waitFor();
  page.once('dialog', (d) => { assert.match(d.message(), /Pensiunkan tema "Menulis Naskah Dinas"/); d.accept(); });
  await kartuTema.getByRole('button', { name: 'Pensiunkan Menulis Naskah Dinas' }).click();
  await page.locator('#kabar', { hasText: 'dipensiunkan' }).waitFor();
  await kartuTema.waitFor({ state: 'detached' });
  const semua = (await get(T.admin, '/api/v1/katalog-pelatihan?semua=1')).items.find((x) => x.id === tema.id);
  assert.equal(semua.aktif, false);
  await selesai(page);
});
