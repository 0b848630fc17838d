// Quality bars of the web UI (issue 7): the first load stays within 100 KB transferred, and
// every screen passes axe-core's WCAG 2.1 A/AA rules with no violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, call, tokenFor, sql, TOP, PASSWORD } from '../api/lib.mjs';
import { launch } from './browser.mjs';

let srv, ctx;
const AXE = readFileSync(join(TOP, 'node_modules/axe-core/axe.min.js'), 'utf8');

before(async () => { srv = await startServer({ pegawai: 40 }); ctx = await launch(); });
after(async () => { await ctx?.close(); await srv?.stop(); });

async function masuk(page, user) {
  await page.goto(srv.url + '/');
  await page.getByLabel('NIP atau nama pengguna').fill(user);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
}

async function axe(page, label) {
  await page.evaluate(AXE);   // evaluated through the debugger protocol: the page's CSP stays strict
  const r = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const v = r.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.ok(r.passes.length >= 5, `${label}: axe-core ran (${r.passes.length} rules passed)`);
  assert.deepEqual(v, [], `${label}: axe-core violations`);
}

test('the first load (sign-in page, then home) transfers at most 100 KB', async () => {
  const c = await ctx.browser().newContext();
  const page = await c.newPage();
  let bytes = 0;
  const sizes = [];   // every size is awaited before the sum is read (bench/first_load.mjs does the same)
  page.on('requestfinished', (req) => {
    sizes.push(req.sizes().then((s) => { bytes += s.responseBodySize + s.responseHeadersSize; }).catch(() => {}));
  });
  await page.goto(srv.url + '/');
  await page.getByLabel('Kata sandi').waitFor();
  await page.getByLabel('NIP atau nama pengguna').fill('pegawai');
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  await page.waitForLoadState('networkidle');
  await Promise.all(sizes);
  assert.ok(bytes > 1000, `measured ${bytes} bytes`);
  assert.ok(bytes <= 100 * 1024, `first load transferred ${bytes} bytes (budget 102400)`);
  await c.close();
});

test('every screen passes axe-core (WCAG 2.1 AA)', async () => {
  const page = await ctx.newPage();
  await page.goto(srv.url + '/');
  await page.getByLabel('Kata sandi').waitFor();
  await axe(page, 'masuk');
  await masuk(page, 'pegawai');
  await axe(page, 'beranda');
  for (const [hash, label] of [['#/skp', 'SKP Saya'], ['#/aktivitas', 'Aktivitas'], ['#/kotak-masuk', 'Kotak masuk']]) {
    await page.goto(srv.url + '/' + hash);
    await page.waitForLoadState('networkidle');
    await axe(page, label);
  }
  await page.close();
});

/** Opens `hash`, waits for `ready` (a locator maker) and runs axe-core on it. */
async function layar(page, hash, label, ready) {
  await page.goto(srv.url + '/' + hash);
  await ready(page).waitFor();
  await page.waitForLoadState('networkidle');
  await axe(page, label);
}

test('the evaluation screens pass axe-core (WCAG 2.1 AA)', async () => {
  const get = async (tok, path) => (await call(srv, 'GET', path, { token: tok })).json;
  const tahun = Number(new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 4));
  const tPeg = tokenFor(srv, 'pegawai');
  const me = (await get(tPeg, '/api/v1/auth/me')).pegawai;
  const kasi = me.atasan;
  const skp = (await get(tPeg, `/api/v1/skp?pegawai_id=${me.id}&tahun=${tahun}`)).items.find((x) => x.status === 'disetujui');
  const draf = await call(srv, 'POST', `/api/v1/skp/${skp.id}/penilaian`, { token: tokenFor(srv, kasi.nip), body: { jenis: 'tahunan' } });
  assert.equal(draf.status, 201, draf.text);
  // the unit of the demo whose annual predikat break its pola distribusi
  const unit = JSON.parse(sql(srv, "SELECT unit_kerja_id AS id FROM penilaian WHERE jenis = 'tahunan' AND status = 'final' LIMIT 1"))[0].id;
  const jf = JSON.parse(sql(srv, `SELECT p.nip FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id WHERE j.jenis = 'fungsional'
    AND EXISTS (SELECT 1 FROM penilaian n WHERE n.pegawai_id = p.id AND n.status = 'final') ORDER BY p.id LIMIT 1`))[0].nip;
  const h2 = (name) => (page) => page.getByRole('heading', { level: 2, name });

  const page = await ctx.newPage();
  // the penilai: the penilaian form (a draft: radio groups, feedback per RHK and per value)
  await ctx.clearCookies();
  await masuk(page, kasi.nip);
  await layar(page, `#/penilaian/${draf.json.id}`, 'Penilaian (formulir)', () => page.getByRole('group', { name: 'Rating perilaku kerja' }));
  await page.getByRole('group', { name: 'Rating hasil kerja' }).getByLabel('Sesuai Ekspektasi').check();
  await page.getByRole('group', { name: 'Rating perilaku kerja' }).getByLabel('Sesuai Ekspektasi').check();
  await page.locator('.panel-predikat strong', { hasText: 'Baik' }).waitFor();
  await axe(page, 'Penilaian (pratinjau predikat)');
  await layar(page, '#/penilaian', 'Penilaian (daftar)', h2('Penilaian'));
  await layar(page, `#/pegawai/${me.id}/360`, 'Umpan balik 360 (buka putaran)', () => page.getByRole('button', { name: 'Buka putaran' }));
  // the pegawai: their final penilaian with the keberatan form, the 360 answer form, the calculator
  await ctx.clearCookies();
  await masuk(page, 'pegawai');
  const milik = (await get(tPeg, `/api/v1/penilaian?pegawai_id=${me.id}&status=final`)).items[0];
  await layar(page, `#/penilaian/${milik.id}`, 'Penilaian saya', () => page.getByRole('button', { name: 'Ajukan keberatan' }));
  await page.getByRole('button', { name: 'Ajukan keberatan' }).click();
  await page.getByLabel('Alasan keberatan').waitFor();
  await axe(page, 'Keberatan (formulir)');
  const tugas = (await get(tPeg, '/api/v1/360/tugas')).items[0];
  await layar(page, `#/360/${tugas.id}`, 'Umpan balik 360 (jawab)', () => page.getByRole('button', { name: 'Kirim jawaban' }));
  await layar(page, '#/360', 'Umpan balik 360 (tugas)', h2('Umpan balik 360'));
  await layar(page, '#/kalkulator', 'Kalkulator', h2('Kalkulator penilaian'));
  const pred = page.getByRole('region', { name: 'Pola distribusi (kurva) unit kerja' });
  await pred.getByLabel('Predikat organisasi').selectOption('baik');
  await pred.getByLabel('Baik', { exact: true }).fill('8');
  await pred.getByRole('button', { name: 'Hitung' }).click();
  await pred.getByRole('img').waitFor();
  await axe(page, 'Kalkulator (hasil kurva)');
  await layar(page, '#/keberatan', 'Keberatan (daftar)', h2('Keberatan'));
  // the atasan of the penilai decides a keberatan: the decision form
  const keb = await call(srv, 'POST', `/api/v1/penilaian/${milik.id}/keberatan`, { token: tPeg, body: { alasan: 'Realisasi melampaui target; mohon ditinjau.' } });
  assert.equal(keb.status, 201, keb.text);
  await ctx.clearCookies();
  await masuk(page, 'atasan');
  await layar(page, '#/keberatan', 'Keberatan (pemutus)', () => page.getByRole('button', { name: /^Putuskan/ }));
  await page.getByRole('button', { name: /^Putuskan/ }).click();
  await page.getByRole('group', { name: 'Keputusan' }).getByLabel('Ubah rating penilaian').check();
  await page.getByRole('group', { name: 'Rating hasil kerja' }).waitFor();
  await axe(page, 'Keberatan (formulir putusan)');
  // a JF pegawai: the angka kredit ledger
  await ctx.clearCookies();
  await masuk(page, jf);
  await layar(page, '#/angka-kredit', 'Angka kredit', () => page.locator('table.tabel-ak'));
  // pimpinan: the units and the curve of the unit that breaks its pola distribusi
  await ctx.clearCookies();
  await masuk(page, 'pimpinan');
  await layar(page, '#/unit', 'Unit kerja', h2('Unit kerja'));
  await layar(page, `#/unit/${unit}/kurva`, 'Kurva unit', () => page.locator('.qr img'));
  await page.getByRole('table', { name: 'Aturan pola distribusi yang dilanggar' }).waitFor();
  await page.getByRole('table', { name: 'Data grafik' }).waitFor();
  await axe(page, 'Kurva unit (grafik, tabel, QR)');
  await page.close();
});

test('the admin, auditor and presensi screens pass axe-core (WCAG 2.1 AA)', async () => {
  const h2 = (name) => (page) => page.getByRole('heading', { level: 2, name, exact: true });
  const tPeg = tokenFor(srv, 'pegawai');
  const me = (await call(srv, 'GET', '/api/v1/auth/me', { token: tPeg })).json.pegawai;
  const page = await ctx.newPage();
  await ctx.clearCookies();
  await masuk(page, 'admin');
  await layar(page, '#/admin', 'Administrasi', h2('Administrasi'));
  await layar(page, '#/admin/unit', 'Struktur unit kerja', () => page.locator('.pohon'));
  await page.locator('.pohon .buka-tutup').first().click();
  await page.locator('.pohon-anak li').first().waitFor();
  await page.locator('.pohon .baris-unit').first().getByRole('button', { name: /^Ubah unit/ }).click();
  await page.getByLabel('Nama unit kerja').waitFor();
  await axe(page, 'Struktur unit kerja (terbuka, formulir)');
  await layar(page, '#/admin/pegawai', 'Pegawai (daftar)', () => page.locator('.daftar-pegawai li').first());
  await layar(page, `#/admin/pegawai/${me.id}`, 'Pegawai (rincian)', () => page.getByRole('heading', { name: 'Riwayat penempatan' }));
  await layar(page, '#/admin/impor', 'Impor pegawai', h2('Impor pegawai'));
  await page.getByLabel('Berkas CSV').setInputFiles({ name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('nip;nama\n123;X\n') });
  await page.getByRole('button', { name: 'Periksa berkas' }).click();
  await page.locator('.hasil-impor h3, .peringatan:visible').first().waitFor();
  await axe(page, 'Impor pegawai (laporan kesalahan)');
  await layar(page, '#/admin/pengaturan', 'Periode & pengaturan', () => page.getByRole('heading', { name: 'Hari libur dan cuti bersama' }));
  await layar(page, '#/admin/presensi', 'Presensi (admin)', () => page.getByRole('heading', { name: 'Sumber impor presensi' }));
  await layar(page, '#/admin/surel', 'Surel keluar', () => page.locator('.kosong:visible, .daftar-surel li').first());
  await layar(page, `#/pegawai/${me.id}/presensi?bulan=2026-10`, 'Presensi pegawai (admin)', () => page.locator('table.tabel-presensi'));
  await ctx.clearCookies();
  await masuk(page, 'auditor');
  await layar(page, '#/audit', 'Log audit', () => page.locator('.catatan-audit').first());
  await page.getByRole('button', { name: 'Verifikasi rantai' }).click();
  await page.locator('.hasil-verifikasi.utuh').waitFor();
  await page.locator('.catatan-audit details summary').first().click();
  await axe(page, 'Log audit (verifikasi, perubahan)');
  await ctx.clearCookies();
  await masuk(page, 'pegawai');
  await layar(page, '#/presensi?bulan=2026-10', 'Presensi saya', () => page.locator('table.tabel-presensi'));
  await page.setViewportSize({ width: 1024, height: 800 });
  await axe(page, 'Presensi saya (layar lebar)');
  await page.setViewportSize({ width: 360, height: 740 });
  await layar(page, '#/pegawai/999999/presensi', 'Presensi (ditolak)', h2('Akses ditolak'));
  await page.close();
});

test('the TPP screens pass axe-core (WCAG 2.1 AA)', async () => {
  const h2 = (name) => (page) => page.getByRole('heading', { level: 2, name, exact: true });
  const tAdm = tokenFor(srv, 'admin');
  const tPeg = tokenFor(srv, 'pegawai');
  const me = (await call(srv, 'GET', '/api/v1/auth/me', { token: tPeg })).json.pegawai;
  const aturan = (await call(srv, 'GET', '/api/v1/tpp/aturan', { token: tAdm })).json.items;
  const draf = aturan.find((a) => a.status === 'draft');
  const aktif = aturan.find((a) => a.status === 'aktif');
  const bulan = (await call(srv, 'GET', '/api/v1/tpp/bulan', { token: tAdm })).json.items[0];
  const ym = `${bulan.tahun}-${String(bulan.bulan).padStart(2, '0')}`;
  const page = await ctx.newPage();
  await ctx.clearCookies();
  await masuk(page, 'admin');
  await layar(page, '#/admin/tpp', 'TPP (admin)', h2('TPP / tunjangan kinerja'));
  await layar(page, `#/admin/tpp/aturan/${draf.id}`, 'Tabel TPP (draf)', () => page.getByRole('button', { name: 'Simulasikan' }));
  await page.getByRole('group', { name: 'Baris 2: TL2' }).getByLabel('Menit dari').fill('20');
  await page.getByRole('button', { name: 'Simpan tabel' }).click();
  await page.locator('.form-aturan .galat').first().waitFor();
  await page.getByRole('button', { name: 'Simulasikan' }).click();
  await page.locator('.selisih-tpp').waitFor();
  await axe(page, 'Tabel TPP (galat, simulasi)');
  await layar(page, `#/admin/tpp/aturan/${aktif.id}`, 'Tabel TPP (aktif)', () => page.getByRole('button', { name: 'Salin untuk diubah' }));
  await layar(page, `#/admin/tpp/bulan/${bulan.id}`, 'TPP bulanan', () => page.locator('table.tabel-hasil-tpp'));
  await layar(page, `#/admin/tpp/bulan/${bulan.id}/pegawai/${me.id}`, 'TPP rincian (admin, sanksi)', () => page.getByRole('button', { name: 'Catat sanksi' }));
  await ctx.clearCookies();
  await masuk(page, 'pegawai');
  await layar(page, `#/tpp?bulan=${ym}`, 'TPP saya', () => page.locator('.hari-tpp'));
  await layar(page, '#/tpp?bulan=2001-01', 'TPP saya (belum dihitung)', () => page.getByText(/belum dihitung\.$/));
  await page.close();
});

test('the dashboard, export and analytics screens pass axe-core (WCAG 2.1 AA)', async () => {
  const h2 = (name) => (page) => page.getByRole('heading', { level: 2, name, exact: true });
  const tAdmin = tokenFor(srv, 'admin');
  const inst = (await call(srv, 'GET', '/api/v1/dasbor/instansi', { token: tAdmin })).json;
  const unit = inst.anak.find((u) => u.pegawai > 0) || inst.anak[0];
  const page = await ctx.newPage();
  await ctx.clearCookies();
  await masuk(page, 'pegawai');
  await layar(page, '#/dasbor', 'Dasbor saya', () => page.getByRole('heading', { name: 'Rekomendasi pengembangan' }));
  await page.locator('.kalender-ringkas, .seksi-dasbor .kosong').first().waitFor();
  await ctx.clearCookies();
  await masuk(page, 'atasan');
  await layar(page, '#/dasbor/tim', 'Dasbor tim', () => page.locator('table.tabel-bawahan'));
  await layar(page, '#/laporan', 'Laporan (atasan)', () => page.locator('.daftar-laporan li, .kosong').first());
  await ctx.clearCookies();
  await masuk(page, 'admin');
  await layar(page, '#/dasbor/instansi', 'Dasbor instansi', () => page.getByRole('region', { name: 'Tabel kepatuhan per unit' }));
  await page.getByRole('region', { name: 'Tabel kepatuhan per unit' }).getByRole('button', { name: /^Kepatuhan/ }).click();
  await page.locator('th[aria-sort="descending"]').waitFor();
  await axe(page, 'Dasbor instansi (diurutkan)');
  await layar(page, `#/dasbor/unit/${unit.id}`, 'Dasbor unit', () => page.getByRole('navigation', { name: 'Jejak unit' }));
  await layar(page, '#/laporan', 'Laporan', h2('Laporan'));
  await page.getByRole('button', { name: 'Buat laporan' }).click();
  await page.locator('.pekerjaan .unduh-laporan, .pekerjaan .peringatan').first().waitFor();
  await axe(page, 'Laporan (selesai)');
  await layar(page, '#/analitik', 'Analitik', () => page.locator('table.sembilan-kotak'));
  await page.locator('button.kotak').first().click();
  await page.locator('.daftar-kotak h4').waitFor();
  await axe(page, 'Analitik (kotak terbuka)');
  await layar(page, '#/katalog', 'Katalog pelatihan', () => page.locator('.daftar-katalog li').first());
  await page.getByLabel('Judul tema').fill('ab');
  await page.getByRole('button', { name: 'Tambah tema' }).click();
  await page.locator('.form-katalog .galat').first().waitFor();
  await axe(page, 'Katalog pelatihan (galat)');
  await page.setViewportSize({ width: 1024, height: 800 });
  await layar(page, `#/pegawai/${inst.anak.length ? (await call(srv, 'GET', '/api/v1/auth/me', { token: tokenFor(srv, 'pegawai') })).json.pegawai.id : 1}/dasbor`, 'Dasbor pegawai (layar lebar)', () => page.getByRole('heading', { name: 'Rekomendasi pengembangan' }));
  await page.setViewportSize({ width: 360, height: 740 });
  await page.close();
});

test('the webhook and API token screens pass axe-core (WCAG 2.1 AA)', async () => {
  const h2 = (name) => (page) => page.getByRole('heading', { level: 2, name, exact: true });
  const tAdm = tokenFor(srv, 'admin');
  // a webhook to a port nothing listens on, with a queued ping: the list and the log have rows
  const w = await call(srv, 'POST', '/api/v1/webhook', { token: tAdm, body: { url: 'http://127.0.0.1:9/mutu', peristiwa: ['skp.disetujui'], keterangan: 'Mutu' } });
  assert.equal(w.status, 201, w.text);
  assert.equal((await call(srv, 'POST', `/api/v1/webhook/${w.json.id}/uji`, { token: tAdm })).status, 202);
  const page = await ctx.newPage();
  page.on('dialog', (d) => d.accept());
  await ctx.clearCookies();
  await masuk(page, 'admin');
  await layar(page, '#/admin/webhook', 'Webhook', () => page.locator('li.kartu-webhook'));
  await page.getByRole('button', { name: 'Tambah webhook' }).click();
  await page.locator('form.form-webhook').getByRole('button', { name: 'Simpan' }).click();
  await page.locator('form.form-webhook .galat').first().waitFor();
  await axe(page, 'Webhook (formulir, galat)');
  await page.getByRole('button', { name: 'Ganti rahasia webhook Mutu' }).click();
  await page.locator('.rahasia-sekali code').waitFor();
  await axe(page, 'Webhook (rahasia sekali)');
  await layar(page, `#/admin/webhook/${w.json.id}`, 'Log pengiriman webhook', () => page.locator('li.kartu-kirim'));
  await page.locator('li.kartu-kirim summary').first().click();
  await axe(page, 'Log pengiriman webhook (isi terbuka)');
  await ctx.clearCookies();
  await masuk(page, 'pegawai');
  await layar(page, '#/akun/token', 'Token API', h2('Token API'));
  await page.getByLabel('Nama token').fill('Mutu');
  await page.getByRole('button', { name: 'Buat token' }).click();
  await page.locator('.rahasia-sekali code').waitFor();
  await page.locator('li.kartu-token', { hasText: 'Mutu' }).waitFor();
  await axe(page, 'Token API (token sekali, daftar)');
  await page.close();
});

test('the single sign-on and SIASN screens pass axe-core (WCAG 2.1 AA)', async () => {
  const h2 = (name) => (page) => page.getByRole('heading', { level: 2, name, exact: true });
  const page = await ctx.newPage();
  await ctx.clearCookies();
  // the sign-in page back from a refused SSO login: the message (no SSO configured here)
  await page.goto(srv.url + '/#/masuk?galat=sso_tidak_terdaftar');
  await page.locator('#pesan-masuk', { hasText: 'NIP tidak terdaftar' }).waitFor();
  await axe(page, 'Masuk (galat SSO)');
  await masuk(page, 'admin');
  await layar(page, '#/admin/sso', 'SSO (admin)', () => page.getByLabel('Issuer (alamat penyedia identitas)'));
  await layar(page, '#/admin/siasn', 'SIASN (admin, hanya baca)', () => page.locator('.daftar-log-siasn li, .seksi-siasn .kosong:visible').first());
  await page.getByLabel('NIP yang ditarik').fill('123');
  await page.getByRole('button', { name: 'Tarik data' }).click();
  await page.locator('form.form-tarik .galat').waitFor();
  await axe(page, 'SIASN (galat NIP)');
  await ctx.clearCookies();
  await masuk(page, 'superadmin');
  await layar(page, '#/admin/siasn?instansi=1', 'SIASN (superadmin, formulir)', () => page.getByLabel('Alamat layanan (base URL)'));
  await layar(page, '#/admin/sso?instansi=1', 'SSO (superadmin)', h2('Masuk dengan SSO (OpenID Connect)'));
  await page.close();
});
