// Journeys through the SKP screens on a phone-sized screen (issue 4): the atasan returns a
// submitted SKP with notes, the Kepala Seksi fixes a target and resubmits, the atasan approves;
// a pegawai downloads their approved SKP, opens a revision and meets an Indonesian field error;
// an admin reads the SKP status report.  Every step waits for text or roles, never for time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, call, tokenFor, TOP, PASSWORD } from '../api/lib.mjs';
import { launch, hilang } from './browser.mjs';

let srv, ctx, waiting;
const CATATAN = 'Target laporan belum sesuai rencana bidang; mohon dinaikkan.';
const CATATAN_BARIS = 'Naikkan target jumlah laporan menjadi 15.';
const EKSPEKTASI = 'Aktif berbagi data dengan seksi lain setiap bulan';
const shot = (page, name) => page.screenshot({ path: join(TOP, 'tests/artifacts', `${name}.png`), fullPage: true });

before(async () => {
  srv = await startServer({ pegawai: 40 });
  ctx = await launch();
  const r = await call(srv, 'GET', '/api/v1/skp?penilai=saya&status=diajukan', { token: tokenFor(srv, 'atasan') });
  waiting = r.json.items[0];
  assert.ok(waiting, 'the demo leaves one SKP of a bawahan of `atasan` waiting');
});
after(async () => { await ctx?.close(); await srv?.stop(); });

/** A new page signed in as `user`; fails the test on any uncaught script error. */
async function masuk(user) {
  await ctx.clearCookies();   // the pages of the persistent context share one cookie jar
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
const menu = (page, name) => page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name });
const badge = (page, text) => page.locator('.lencana-skp', { hasText: text });
async function selesai(page) {
  assert.deepEqual(page.errors, [], 'no script errors');
  await page.close();
}

test('a) the atasan returns the waiting SKP with a note for the pegawai and one for a row', async () => {
  const page = await masuk('atasan');
  assert.equal(await menu(page, 'Status SKP').isVisible(), false, 'no status report for a plain pegawai');
  await menu(page, 'Persetujuan SKP').click();
  await page.getByRole('heading', { name: 'Persetujuan SKP' }).waitFor();
  await page.getByText('1 SKP menunggu persetujuan Anda').waitFor();
  await page.getByRole('link', { name: waiting.pegawai.nama_lengkap }).click();
  await page.getByRole('heading', { name: `SKP ${waiting.pegawai.nama_lengkap} — ${waiting.tahun}` }).waitFor();
  await badge(page, 'Diajukan').waitFor();
  assert.match(await page.locator('.orang-pegawai .nip').innerText(), new RegExp(waiting.pegawai.nip));
  assert.equal(await page.getByRole('button', { name: 'Tambah RHK' }).count(), 0, 'the penilai does not edit RHK');
  await shot(page, 'skp-persetujuan');

  // the penilai sets an ekspektasi khusus pimpinan for one perilaku
  await page.getByLabel('Ekspektasi khusus pimpinan — Kolaboratif').fill(EKSPEKTASI);
  await page.getByRole('button', { name: 'Simpan ekspektasi' }).click();
  await page.getByText('Ekspektasi khusus pimpinan disimpan.').waitFor();

  await page.getByRole('button', { name: 'Kembalikan', exact: true }).click();
  const catatan = page.getByLabel('Catatan untuk pegawai (wajib)');
  await catatan.waitFor();
  // the note is required: the API's Indonesian message appears next to the field
  await page.getByRole('button', { name: 'Kirim pengembalian' }).click();
  await page.locator('.galat', { hasText: 'wajib diisi: jelaskan apa yang perlu diperbaiki' }).waitFor();
  assert.equal(await catatan.getAttribute('aria-invalid'), 'true');
  await catatan.fill(CATATAN);
  await page.getByLabel(/^A\.1 /).fill(CATATAN_BARIS);
  await shot(page, 'skp-kembalikan');
  await page.getByRole('button', { name: 'Kirim pengembalian' }).click();
  await badge(page, 'Dikembalikan').waitFor();
  await page.getByText(CATATAN).waitFor();
  await page.getByRole('status').getByText('SKP dikembalikan kepada pegawai.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Setujui' }).count(), 0);
  await shot(page, 'skp-dikembalikan');
  await selesai(page);
});

test('b) the Kepala Seksi reads the notes, raises a target and submits again', async () => {
  const page = await masuk(waiting.pegawai.nip);
  await menu(page, 'SKP Saya').click();
  await page.getByRole('heading', { name: 'SKP Saya' }).waitFor();
  await page.getByRole('link', { name: `Buka SKP ${waiting.tahun}` }).click();
  await page.getByRole('heading', { name: `SKP ${waiting.tahun}` }).waitFor();
  await badge(page, 'Dikembalikan').waitFor();
  await page.getByRole('heading', { name: 'Catatan pejabat penilai' }).waitFor();
  await page.getByText(CATATAN).waitFor();
  await page.getByRole('article', { name: 'RHK A.1' }).getByText(CATATAN_BARIS).waitFor();
  await page.locator('.perilaku li', { hasText: 'Kolaboratif' }).getByText(EKSPEKTASI).waitFor();
  await shot(page, 'skp-pegawai-dikembalikan');

  await page.getByRole('button', { name: 'Ubah RHK A.1' }).click();
  const form = page.locator('form.rhk-form');
  const targetInput = form.getByRole('group', { name: 'IKI 1' }).getByLabel('Target (angka)');
  await targetInput.fill('15');
  await shot(page, 'skp-ubah-rhk');
  await form.getByRole('button', { name: 'Simpan RHK' }).click();
  await page.getByRole('article', { name: 'RHK A.1' }).getByText(/^15 /).waitFor();
  await page.getByRole('button', { name: 'Ajukan ke penilai' }).click();
  await badge(page, 'Diajukan').waitFor();
  await page.getByText('SKP diajukan ke pejabat penilai.').waitFor();
  await shot(page, 'skp-diajukan-lagi');

  const skp = (await call(srv, 'GET', `/api/v1/skp/${waiting.id}`, { token: tokenFor(srv, 'atasan') })).json;
  assert.equal(skp.status, 'diajukan');
  assert.equal(skp.rhk[0].iki[0].target_angka, '15');
  await selesai(page);
});

test('c) the atasan approves it, and sees the matriks peran hasil of their own SKP', async () => {
  const page = await masuk('atasan');
  await menu(page, 'Persetujuan SKP').click();
  await page.getByRole('link', { name: waiting.pegawai.nama_lengkap }).click();
  await badge(page, 'Diajukan').waitFor();
  await page.getByRole('button', { name: 'Setujui' }).click();
  await badge(page, 'Disetujui').waitFor();
  await page.getByText('SKP disetujui.').waitFor();
  await shot(page, 'skp-disetujui');
  // nothing waits any more; the toggle shows every SKP the atasan assesses
  await menu(page, 'Persetujuan SKP').click();
  await page.getByText('Tidak ada SKP yang menunggu persetujuan Anda.').waitFor();
  await page.getByLabel('Tampilkan semua SKP yang saya nilai').check();
  await page.getByRole('link', { name: waiting.pegawai.nama_lengkap }).waitFor();
  assert.match(page.url(), /#\/persetujuan\?semua=1$/);

  const nama = (await call(srv, 'GET', `/api/v1/pegawai/${waiting.pegawai.id}`, { token: tokenFor(srv, 'atasan') })).json.nama;
  await menu(page, 'SKP Saya').click();
  await page.getByRole('link', { name: /^Matriks peran hasil SKP/ }).first().click();
  await page.getByRole('heading', { name: 'Matriks peran hasil' }).waitFor();
  const table = page.locator('table.matriks');
  await table.getByRole('columnheader', { name: nama }).waitFor();
  assert.ok(await table.locator('tbody tr').count() > 0);
  await shot(page, 'skp-matriks');
  await selesai(page);
});

test('d) the pegawai sees their approved SKP with its RHK and downloads the PDF', async () => {
  const token = tokenFor(srv, 'pegawai');
  const me = (await call(srv, 'GET', '/api/v1/auth/me', { token })).json;
  const mine = (await call(srv, 'GET', `/api/v1/skp?pegawai_id=${me.pegawai.id}`, { token })).json.items[0];
  const skp = (await call(srv, 'GET', `/api/v1/skp/${mine.id}`, { token })).json;
  assert.equal(skp.status, 'disetujui');
  const page = await masuk('pegawai');
  await menu(page, 'SKP Saya').click();
  await page.getByRole('link', { name: `Buka SKP ${skp.periode.tahun}` }).click();
  await badge(page, 'Disetujui').waitFor();
  await page.getByText(skp.rhk[0].rhk).waitFor();
  await page.getByRole('heading', { name: 'Perilaku Kerja (BerAKHLAK)' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Tambah RHK' }).count(), 0, 'an approved SKP is read-only');
  assert.equal(await page.getByRole('button', { name: 'Buka revisi' }).count(), 1);
  assert.equal(await menu(page, 'Persetujuan SKP').isVisible(), false);
  const href = await page.getByRole('link', { name: 'Unduh PDF' }).getAttribute('href');
  const pdf = await page.request.get(srv.url + href);
  assert.equal(pdf.status(), 200);
  assert.match(pdf.headers()['content-type'], /application\/pdf/);
  assert.equal((await pdf.body()).subarray(0, 4).toString(), '%PDF');
  await shot(page, 'skp-pegawai-disetujui');
  await selesai(page);
});

test('e) a stale action shows the API reason; adding an RHK without a target shows the field error', async () => {
  const token = tokenFor(srv, 'pegawai');
  const me = (await call(srv, 'GET', '/api/v1/auth/me', { token })).json;
  const id = (await call(srv, 'GET', `/api/v1/skp?pegawai_id=${me.pegawai.id}`, { token })).json.items[0].id;
  const page = await masuk('pegawai');
  await page.goto(`${srv.url}/#/skp/${id}`);
  await badge(page, 'Disetujui').waitFor();
  // meanwhile the revision is opened elsewhere (through the API): the button is stale
  const rev = await call(srv, 'POST', `/api/v1/skp/${id}/revisi`, { token, body: {} });
  assert.equal(rev.status, 200, rev.text);
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Buka revisi' }).click();
  await page.getByRole('alert').filter({ hasText: 'revisi hanya untuk SKP yang sudah disetujui' }).waitFor();
  await shot(page, 'skp-peringatan-409');
  await page.reload();
  await badge(page, 'Draf').waitFor();

  // lampiran can be edited in a draft
  const skema = 'Laporan bulanan kepada Kepala Seksi melalui aplikasi kinerja.';
  await page.getByLabel('Skema pertanggungjawaban').fill(skema);
  await page.getByRole('button', { name: 'Simpan lampiran' }).click();
  await page.getByText('Lampiran disimpan.').waitFor();
  assert.equal((await call(srv, 'GET', `/api/v1/skp/${id}`, { token })).json.lampiran.skema, skema);

  await page.getByRole('button', { name: 'Tambah RHK' }).click();
  const form = page.locator('form.rhk-form');
  await form.getByLabel('Rencana hasil kerja (RHK)').fill('Terselenggaranya arsip digital layanan operasional');
  const atasan = form.getByLabel('RHK atasan yang diintervensi');
  await atasan.locator('option').nth(1).waitFor({ state: 'attached' });
  await atasan.selectOption({ index: 1 });
  const iki = form.getByRole('group', { name: 'IKI 1' });
  await iki.getByLabel('Indikator').fill('Jumlah berkas layanan yang didigitalkan');
  await iki.getByLabel('Satuan').fill('berkas');
  await form.getByRole('button', { name: 'Simpan RHK' }).click();
  await form.locator('.galat', { hasText: 'wajib diisi: target berupa angka' }).waitFor();
  assert.equal(await iki.getByLabel('Target (angka)').getAttribute('aria-invalid'), 'true');
  await form.getByRole('alert').filter({ hasText: 'Periksa isian berikut:' }).waitFor();
  await shot(page, 'skp-galat-target');

  // a second IKI row can be added and removed
  await form.getByRole('button', { name: 'Tambah IKI' }).click();
  await form.getByRole('group', { name: 'IKI 2' }).waitFor();
  await form.getByRole('button', { name: 'Hapus IKI 2' }).click();
  await hilang(form.getByRole('group', { name: 'IKI 2' }));

  await iki.getByLabel('Target (angka)').fill('1250,5');
  await form.getByRole('button', { name: 'Simpan RHK' }).click();
  const baru = page.getByRole('article').filter({ hasText: 'Terselenggaranya arsip digital layanan operasional' });
  await baru.getByText('1.250,5 berkas').waitFor();
  // the route survives a reload
  await page.reload();
  await baru.waitFor();
  const label = await baru.getAttribute('aria-label');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: `Hapus ${label}` }).click();
  await page.getByText('RHK dihapus.').waitFor();
  await hilang(baru);
  await selesai(page);
});

test('f) an admin reads the SKP status report and filters it', async () => {
  const token = tokenFor(srv, 'admin');
  const lap = (await call(srv, 'GET', '/api/v1/laporan/status-skp?status=draft', { token })).json;
  const page = await masuk('admin');
  await menu(page, 'Status SKP').click();
  await page.getByRole('heading', { name: 'Status SKP' }).waitFor();
  await page.locator('.ringkasan li', { hasText: 'Disetujui' }).waitFor();
  assert.ok(await page.locator('table.tabel-status tbody tr').count() > 0);
  await page.getByLabel('Status', { exact: true }).selectOption('draft');
  await page.waitForURL(/status=draft/);
  await page.locator('table.tabel-status tbody tr').first().waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('table.tabel-status tbody tr').length === n, lap.items.length);
  const statuses = await page.locator('table.tabel-status tbody .lencana').allInnerTexts();
  assert.ok(statuses.length > 0 && statuses.every((s) => s === 'Draf'), statuses.join(','));
  await shot(page, 'skp-status');
  await page.reload();
  await page.getByRole('heading', { name: 'Status SKP' }).waitFor();
  assert.equal(await page.getByLabel('Status', { exact: true }).inputValue(), 'draft');
  await selesai(page);
});
