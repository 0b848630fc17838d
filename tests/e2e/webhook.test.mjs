// Journeys through the e-Office/HRIS integration screens (issue 10 point 3) on a phone-sized
// screen: the admin registers a webhook to a local receiver (a bad URL gives a field error next
// to the field), sees the secret once, sends a test ping and watches the log show it delivered
// (the receiver verifies the signature with the secret the screen showed), sends it again,
// pauses, rotates the secret, deletes; a pegawai creates an API token, sees it once, uses it
// from outside the browser and revokes it.  The server runs with KINERJA_WEBHOOK_INTERVAL=1.
// Every step waits for text or roles, never for time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { join } from 'node:path';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { startServer, TOP, PASSWORD } from '../api/lib.mjs';
import { launch, hilang } from './browser.mjs';

let srv, ctx, rx;
const shot = (page, name) => page.screenshot({ path: join(TOP, 'tests/artifacts', `webhook-${name}.png`), fullPage: true });

/** The stand-in for e-Office: keeps every request ({path, headers, raw}) and answers 200. */
function receiver() {
  const got = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      got.push({ path: req.url, headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    got, url: (p) => `http://127.0.0.1:${server.address().port}${p}`,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  })));
}

/** What a receiver does with the secret: recompute the signature over the raw body. */
function verify(secret, req) {
  const ts = req.headers['x-kinerja-timestamp'];
  const sig = req.headers['x-kinerja-signature'] || '';
  const want = 'sha256=' + createHmac('sha256', secret).update(`${ts}.${req.raw}`).digest('hex');
  return sig.length === want.length && timingSafeEqual(Buffer.from(sig), Buffer.from(want));
}

async function until(what, fn, ms = 20000) {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

before(async () => {
  rx = await receiver();
  srv = await startServer({ pegawai: 30, env: { KINERJA_WEBHOOK_INTERVAL: '1' } });
  ctx = await launch();
});
after(async () => { await ctx?.close(); await srv?.stop(); await rx?.close(); });

/** A new page signed in as `user`; fails the test on any uncaught script error; confirms are accepted. */
async function masuk(user) {
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
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  return page;
}
const menu = (page, name) => page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name, exact: true });
const kabar = (page, text) => page.locator('#kabar', { hasText: text }).waitFor();
const h2 = (page, name) => page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
async function selesai(page) {
  assert.deepEqual(page.errors, [], 'no script errors');
  await page.close();
}
/** The horizontal overflow of the page (a 360 px phone must not scroll sideways). */
const lebarLebih = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('a) the admin registers a webhook, sees the secret once, pings it and the log shows it delivered', async () => {
  const page = await masuk('admin');
  await menu(page, 'Administrasi').click();
  await h2(page, 'Administrasi');
  await page.getByRole('link', { name: 'Webhook', exact: true }).click();
  await h2(page, 'Webhook');
  await page.getByText('Belum ada webhook.').waitFor();
  await page.getByRole('heading', { name: 'Cara penerima memeriksa tanda tangan' }).waitFor();
  const dok = await page.getByRole('link', { name: /^Panduan lengkap/ }).getAttribute('href');
  assert.equal(dok, '/docs/webhook.md');
  assert.equal((await fetch(srv.url + dok)).status, 200, 'the server serves the guide');

  // nothing filled: both field errors; then a URL the server refuses: its error next to the URL
  await page.getByRole('button', { name: 'Tambah webhook' }).click();
  const form = page.locator('form.form-webhook');
  await form.getByRole('button', { name: 'Simpan' }).click();
  await form.locator('.galat', { hasText: 'isi URL penerima' }).waitFor();
  await form.getByRole('group', { name: 'Peristiwa yang dikirim' }).locator('.galat', { hasText: 'pilih sedikitnya satu peristiwa' }).waitFor();
  const url = form.getByLabel('URL penerima');
  await url.fill('http://eoffice.contoh.go.id/hook');
  await form.getByLabel('SKP disetujui').check();
  await form.getByLabel('Penilaian difinalkan').check();
  await form.getByRole('button', { name: 'Simpan' }).click();
  // the server's message (https:// required) replaces the one made on the device
  await form.locator('input[data-field="url"] + .galat', { hasText: 'https://' }).waitFor();
  assert.equal(await url.getAttribute('aria-invalid'), 'true');
  assert.equal(await form.locator('.galat', { hasText: 'pilih sedikitnya' }).count(), 0, 'the events error is gone');
  await shot(page, 'galat-url');

  // a good URL: the secret is shown once, in its own box, with a copy button and a warning
  await url.fill(rx.url('/eoffice'));
  await form.getByLabel(/^Keterangan/).fill('e-Office uji');
  await form.getByRole('button', { name: 'Simpan' }).click();
  const kotak = page.getByRole('region', { name: /Rahasia webhook — hanya ditampilkan sekali/ });
  await kotak.waitFor();
  await kabar(page, 'Webhook ditambahkan');
  assert.equal(await form.count(), 0, 'the form is closed');
  const secret = (await kotak.locator('code').textContent()).trim();
  assert.match(secret, /^whk_[0-9a-f]{64}$/);
  assert.match(await kotak.textContent(), /tidak akan ditampilkan lagi/);
  await kotak.getByRole('button', { name: 'Salin rahasia' }).click();
  await kotak.getByRole('status').filter({ hasText: /Disalin|Tidak dapat menyalin/ }).waitFor();
  assert.ok(await lebarLebih(page) <= 0, 'no sideways scroll at 360 px');
  await shot(page, 'rahasia');
  await kotak.getByRole('button', { name: 'Sudah saya simpan, tutup' }).click();
  await hilang(kotak);
  const kartu = page.locator('li.kartu-webhook', { hasText: rx.url('/eoffice') });
  await kartu.getByText('Aktif', { exact: true }).waitFor();
  await kartu.getByText('SKP disetujui, Penilaian difinalkan').waitFor();
  await kartu.getByText(/belum ada pengiriman/).waitFor();
  // the secret is never shown again
  await page.reload();
  await kartu.waitFor();
  assert.ok(!(await page.content()).includes(secret), 'the secret is not on the page after a reload');

  // "Kirim uji": queued, then delivered; the card follows it
  await kartu.getByRole('button', { name: `Kirim uji ke ${'e-Office uji'}` }).click();
  await kabar(page, 'Peristiwa uji masuk antrean');
  await kartu.locator('.terakhir .lencana', { hasText: 'Terkirim' }).waitFor({ timeout: 20000 });
  const ping = await until('the ping at the receiver', () => rx.got.find((g) => g.headers['x-kinerja-event'] === 'ping'));
  assert.equal(ping.path, '/eoffice');
  assert.ok(verify(secret, ping), 'the receiver verifies the signature with the secret shown once');

  // the delivery log: status, attempts, last HTTP status; "Kirim ulang" sends it again
  await kartu.getByRole('link', { name: 'Log pengiriman e-Office uji' }).click();
  await h2(page, 'Log pengiriman');
  const id = ping.headers['x-kinerja-delivery'];
  const baris = page.locator(`li.kartu-kirim[data-kirim="${id}"]`);
  await baris.locator('.lencana', { hasText: 'Terkirim' }).waitFor();
  await baris.getByText(`Pengiriman #${id} · Uji (ping)`).waitFor();
  await baris.getByText('1 kali percobaan · HTTP terakhir: 200').waitFor();
  await baris.getByText(/^Terkirim: /).waitFor();
  await baris.getByText('Isi kiriman').click();
  assert.match(await baris.locator('pre').textContent(), /"peristiwa": "ping"/);
  await shot(page, 'log');
  await baris.getByRole('button', { name: `Kirim ulang pengiriman #${id}` }).click();
  await kabar(page, 'Pengiriman masuk antrean lagi.');
  await until('the delivery sent again', () => rx.got.filter((g) => g.headers['x-kinerja-delivery'] === id).length === 2);
  await baris.getByText('2 kali percobaan · HTTP terakhir: 200').waitFor({ timeout: 20000 });
  await baris.locator('.lencana', { hasText: 'Terkirim' }).waitFor();
  // a second ping from the log screen appears on top and is followed to Terkirim
  await page.getByRole('button', { name: 'Kirim uji', exact: true }).click();
  await kabar(page, 'Peristiwa uji masuk antrean');
  await page.locator('li.kartu-kirim').nth(1).waitFor();
  await page.locator('li.kartu-kirim').first().locator('.lencana', { hasText: 'Terkirim' }).waitFor({ timeout: 20000 });
  assert.equal(await page.locator('li.kartu-kirim').count(), 2);
  await page.getByLabel('Status').selectOption('gagal');
  await page.getByText('Tidak ada pengiriman dengan status ini.').waitFor();
  assert.match(page.url(), /#\/admin\/webhook\/\d+\?status=gagal$/);

  // edit, pause and resume, rotate the secret (confirmed; shown once), delete (confirmed)
  await page.getByRole('link', { name: '← Webhook' }).click();
  await h2(page, 'Webhook');
  await kartu.getByRole('button', { name: 'Ubah webhook e-Office uji' }).click();
  await form.getByLabel('Penilaian difinalkan').uncheck();
  await form.getByLabel('TPP bulanan disetujui').check();
  await form.getByRole('button', { name: 'Simpan' }).click();
  await kabar(page, 'Webhook disimpan.');
  await kartu.getByText('SKP disetujui, TPP bulanan disetujui').waitFor();
  await kartu.getByRole('button', { name: 'Jeda webhook e-Office uji' }).click();
  await kartu.getByText('Dijeda', { exact: true }).waitFor();
  await kartu.getByRole('button', { name: 'Aktifkan lagi webhook e-Office uji' }).click();
  await kartu.getByText('Aktif', { exact: true }).waitFor();
  await kartu.getByRole('button', { name: 'Ganti rahasia webhook e-Office uji' }).click();
  await kotak.waitFor();
  assert.match(page.dialogs.at(-1), /^Ganti rahasia webhook e-Office uji\?/);
  const secret2 = (await kotak.locator('code').textContent()).trim();
  assert.match(secret2, /^whk_[0-9a-f]{64}$/);
  assert.notEqual(secret2, secret);
  await kotak.getByRole('button', { name: 'Sudah saya simpan, tutup' }).click();
  await kartu.getByRole('button', { name: 'Hapus webhook e-Office uji' }).click();
  await kabar(page, 'Webhook dihapus.');
  assert.match(page.dialogs.at(-1), /^Hapus webhook e-Office uji\?/);
  await page.getByText('Belum ada webhook.').waitFor();
  await selesai(page);

  // a pegawai is refused, with no data
  const peg = await masuk('pegawai');
  await peg.goto(srv.url + '/#/admin/webhook');
  await h2(peg, 'Akses ditolak');
  await selesai(peg);
});

test('b) a user creates an API token, sees it once, uses it, and revokes it', async () => {
  const page = await masuk('pegawai');
  await menu(page, 'Token API').click();
  await h2(page, 'Token API');
  await page.getByText('Anda belum memiliki token API.').waitFor();
  const form = page.locator('form.form-token');
  await form.getByRole('button', { name: 'Buat token' }).click();
  await form.locator('.galat', { hasText: 'isi nama token' }).waitFor();
  await form.getByLabel('Nama token').fill('e-Office Pemkab');
  assert.ok(await form.getByLabel(/^Hanya baca/).isChecked(), 'read-only by default');
  await form.getByRole('button', { name: 'Buat token' }).click();
  const kotak = page.getByRole('region', { name: /Token API — hanya ditampilkan sekali/ });
  await kotak.waitFor();
  await kabar(page, 'Token dibuat.');
  const token = (await kotak.locator('code').textContent()).trim();
  assert.match(token, /^knj_[0-9a-f]{64}$/);
  assert.match(await kotak.textContent(), /tidak akan ditampilkan lagi/);
  await kotak.getByRole('button', { name: 'Salin token' }).waitFor();
  assert.equal(await form.getByLabel('Nama token').inputValue(), '', 'the form is emptied');
  const kartu = page.locator('li.kartu-token', { hasText: 'e-Office Pemkab' });
  await kartu.getByText('Hanya baca', { exact: true }).waitFor();
  await kartu.getByText(/belum pernah dipakai/).waitFor();
  assert.ok(await lebarLebih(page) <= 0, 'no sideways scroll at 360 px');
  await shot(page, 'token');

  // the token works from another system: it reads as the pegawai, and cannot write
  const pakai = (method = 'GET', path = '/api/v1/auth/me') => fetch(srv.url + path, { method, headers: { authorization: `Bearer ${token}` } });
  let r = await pakai();
  assert.equal(r.status, 200);
  assert.equal((await r.json()).pengguna.username, 'pegawai');
  r = await pakai('DELETE', '/api/v1/token/999999');
  assert.equal(r.status, 403, 'a read-only token cannot write');
  await kotak.getByRole('button', { name: 'Sudah saya simpan, tutup' }).click();
  // the "last used" stamp is written by the server's group-commit writer a moment after the
  // answer (auth/dipakai.h): wait until the list has it, then reload
  await until('the token\'s last use stamped', async () => {
    const d = await (await page.request.get(srv.url + '/api/v1/token')).json();
    return d.items.some((t) => t.nama === 'e-Office Pemkab' && t.dipakai);
  });
  await page.reload();
  await kartu.waitFor();
  assert.ok(!(await page.content()).includes(token), 'the token is not on the page after a reload');
  await kartu.getByText(/^Terakhir dipakai: \d/).waitFor();

  // revoke (confirmed): it stops working and moves to the revoked list
  await kartu.getByRole('button', { name: 'Cabut token e-Office Pemkab' }).click();
  await kabar(page, 'Token dicabut.');
  assert.match(page.dialogs.at(-1), /^Cabut token "e-Office Pemkab"\?/);
  r = await pakai();
  assert.equal(r.status, 401, 'a revoked token is refused');
  await page.getByText('Anda belum memiliki token API.').waitFor();
  await page.getByText('Dicabut (1)').click();
  await page.locator('.token-dicabut li.kartu-token', { hasText: 'e-Office Pemkab' }).getByText(/^Dicabut: \d/).waitFor();
  await selesai(page);
});
