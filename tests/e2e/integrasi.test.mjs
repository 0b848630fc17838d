// Journeys through the single sign-on and SIASN screens (issue 10) on a phone-sized screen:
//  (a) with a test identity provider (tests/api/oidc_idp.mjs) and the server's --public-url
//      pointing at itself: the sign-in page shows "Masuk dengan SSO", the button goes through
//      the provider and lands signed in as the pegawai; signing out goes to the provider's
//      end-session URL; a refused SSO (unknown NIP) lands on the sign-in page with the
//      Indonesian message; password login switched off gives the message pointing to SSO;
//      the admin's SSO form (field error, write-only secret, confirmation before switching
//      password login off).
//  (b) against the SIASN stand-in (tests/api/siasn_standin.mjs): the superadmin configures
//      SIASN, the admin (read-only configuration) pulls, sees the preview with the changed
//      golongan and the atasan change, applies it, sees the sync log entry, pushes penilaian,
//      and the reconciliation shows a difference.
// Every step waits for text or roles, never for time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, call, tokenFor, sql, TOP, PASSWORD } from '../api/lib.mjs';
import { startIdp } from '../api/oidc_idp.mjs';
import { startSiasn } from '../api/siasn_standin.mjs';
import { launch } from './browser.mjs';

process.env.TZ = 'Asia/Jakarta';

const AXE = readFileSync(join(TOP, 'node_modules/axe-core/axe.min.js'), 'utf8');
const SECRET = 'rahasia-klien-siasn-e2e-5d1c';
const USER_TOKEN = 'token-pengguna-siasn-e2e-8a3f';
const CLIENT_ID = 'kinerja-sukamaju';
let srv, ctx, idp, siasn;
const T = {};
const info = {};
const rows = (q) => JSON.parse(sql(srv, q) || '[]');
const one = (q) => rows(q)[0];

/** A free TCP port of this machine (the server must know its own address for --public-url). */
const portBebas = () => new Promise((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

before(async () => {
  idp = await startIdp();
  siasn = await startSiasn({ clientId: CLIENT_ID, clientSecret: SECRET, userToken: USER_TOKEN });
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-integrasi-'));
  const rahasia = join(dir, 'siasn.rahasia');
  writeFileSync(rahasia, `# rahasia SIASN\nPEMKAB-SUKAMAJU.client_secret=${SECRET}\nuser_token=${USER_TOKEN}\n`);
  chmodSync(rahasia, 0o600);
  const port = await portBebas();
  srv = await startServer({ pegawai: 40, extraArgs: ['--listen', `127.0.0.1:${port}`, '--public-url', `http://127.0.0.1:${port}`,
    '--data-dir', dir, '--siasn-secret-file', rahasia], env: { KINERJA_SIASN_JEDA_MS: '5', KINERJA_SIASN_BATAS_WAKTU: '5' } });
  assert.equal(srv.url, `http://127.0.0.1:${port}`);
  ctx = await launch();
  for (const r of ['admin', 'pegawai', 'superadmin']) T[r] = tokenFor(srv, r);
  info.me = (await call(srv, 'GET', '/api/v1/auth/me', { token: T.pegawai })).json.pegawai;
  info.inst = (await call(srv, 'GET', '/api/v1/auth/me', { token: T.admin })).json.pengguna.instansi_id;
  info.instansi = one(`SELECT kode, nama FROM instansi WHERE id = ${info.inst}`);
  idp.nip = info.me.nip;
  // the demo instansi's SSO, set up through the API as tests/api/oidc.test.mjs does
  const r = await call(srv, 'PUT', `/api/v1/instansi/${info.inst}/oidc`, { token: T.admin,
    body: { issuer: idp.url, client_id: idp.clientId, client_secret: idp.secret, scope: 'profile', klaim_nip: 'nip' } });
  assert.equal(r.status, 200, r.text);
  // SIASN knows every active pegawai exactly as we do (tests/api/siasn.test.mjs)
  for (const p of rows(`SELECT p.nip, p.nama, p.golongan, j.nama AS jabatan, u.nama AS unit, a.nip AS atasan FROM pegawai p
      LEFT JOIN jabatan j ON j.id = p.jabatan_id LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id LEFT JOIN pegawai a ON a.id = p.atasan_id AND a.aktif = 1
      WHERE p.instansi_id = ${info.inst} AND p.aktif = 1`))
    siasn.pns.set(p.nip, { id: `pns-${p.nip}`, nama: p.nama.toUpperCase(), golongan: p.golongan, jabatan: p.jabatan || '', unitNama: p.unit || 'Tanpa unit', atasanNip: p.atasan });
});
after(async () => { await ctx?.close(); await srv?.stop(); await idp?.stop(); await siasn?.stop(); });

async function axe(page, label) {
  await page.evaluate(AXE);   // through the debugger protocol: the page's CSP stays strict
  const r = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const v = r.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(v, [], `${label}: axe-core violations`);
}

async function halaman() {
  const page = await ctx.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}
async function masuk(user) {
  await ctx.clearCookies();
  const page = await halaman();
  await page.goto(srv.url + '/');
  await page.getByLabel('NIP atau nama pengguna').fill(user);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  return page;
}
const shot = (page, name) => page.screenshot({ path: join(TOP, 'tests/artifacts', `integrasi-${name}.png`), fullPage: true });
const h2 = (page, name) => page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
const kabar = (page, text) => page.locator('#kabar', { hasText: text }).waitFor();
async function selesai(page) {
  assert.deepEqual(page.errors, [], 'no script errors');
  await page.close();
}
const tombolSso = (page) => page.getByRole('link', { name: `Masuk dengan SSO — ${info.instansi.nama}` });

test('a) SSO: the button goes through the provider and signs the pegawai in; sign-out ends the provider session too', async () => {
  await ctx.clearCookies();
  const page = await halaman();
  await page.goto(srv.url + '/');
  await tombolSso(page).waitFor();
  assert.match(await tombolSso(page).getAttribute('href'), new RegExp(`^/api/v1/auth/oidc/${info.instansi.kode}/mulai`));
  const box = await tombolSso(page).boundingBox();
  assert.ok(box.height >= 44 && box.width <= 360, `touch target ${box.width}×${box.height}`);
  await axe(page, 'Masuk (tombol SSO)');
  await shot(page, 'masuk-sso');
  await tombolSso(page).click();
  await page.getByRole('heading', { name: `Selamat datang, ${info.me.nama_lengkap}` }).waitFor();
  assert.equal(new URL(page.url()).origin, srv.url);
  assert.equal(idp.authorizeLog.at(-1).redirect_uri, `${srv.url}/api/v1/auth/oidc/callback`);
  const audit = one("SELECT sesudah FROM audit_log WHERE aksi = 'auth.login' ORDER BY id DESC LIMIT 1");
  assert.deepEqual(JSON.parse(audit.sesudah), { metode: 'sso' });
  // sign-out: local state cleared, then the provider's end-session URL
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.waitForURL((u) => u.toString().startsWith(`${idp.url}/logout`));
  const u = new URL(page.url());
  assert.equal(u.searchParams.get('client_id'), idp.clientId);
  assert.equal(u.searchParams.get('post_logout_redirect_uri'), `${srv.url}/`);
  const me = await page.request.get(srv.url + '/api/v1/auth/me');
  assert.equal(me.status(), 401, 'the session is over');
  await selesai(page);
});

test('a) a refused SSO (unknown NIP) lands on the sign-in page with the Indonesian message; password login off points to SSO', async () => {
  await ctx.clearCookies();
  const page = await halaman();
  idp.mode = { nip: '199001012015011999' };
  try {
    await page.goto(srv.url + '/');
    await tombolSso(page).click();
    await page.waitForURL(/#\/masuk\?galat=sso_tidak_terdaftar$/);
    await page.locator('#pesan-masuk', { hasText: 'tidak terhubung dengan akun pegawai aktif' }).waitFor();
  } finally { idp.mode = {}; }
  assert.ok(await page.getByLabel('Kata sandi').isVisible(), 'the sign-in form stays');
  await tombolSso(page).waitFor();
  await axe(page, 'Masuk (galat SSO)');
  // the other codes have their own messages
  await page.goto(srv.url + '/#/masuk?galat=sso_terlalu_sering');
  await page.reload();
  await page.locator('#pesan-masuk', { hasText: 'Tunggu 5 menit' }).waitFor();
  // signing in with a password afterwards lands on the home screen, not on #/masuk
  await page.getByLabel('NIP atau nama pengguna').fill('pegawai');
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  assert.ok(!page.url().includes('masuk'), page.url());
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.getByLabel('Kata sandi').waitFor();
  // password login switched off for the instansi: 403 with the message pointing to SSO
  let r = await call(srv, 'PUT', `/api/v1/instansi/${info.inst}/oidc`, { token: T.admin,
    body: { issuer: idp.url, client_id: idp.clientId, scope: 'profile', login_lokal_nonaktif: true } });
  assert.equal(r.status, 200, r.text);
  try {
    await page.getByLabel('NIP atau nama pengguna').fill('pegawai');
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.locator('#pesan-masuk', { hasText: 'Masuk dengan SSO' }).waitFor();
    assert.match(await page.locator('#pesan-masuk').textContent(), /SSO/);
  } finally {
    r = await call(srv, 'PUT', `/api/v1/instansi/${info.inst}/oidc`, { token: T.admin,
      body: { issuer: idp.url, client_id: idp.clientId, scope: 'profile', login_lokal_nonaktif: false } });
    assert.equal(r.status, 200, r.text);
  }
  await selesai(page);
});

test('a) the admin\'s SSO form: secret write-only, a field error next to its field, confirmation before password login off', async () => {
  const page = await masuk('admin');
  await page.goto(srv.url + '/#/admin');
  await h2(page, 'Administrasi');
  await page.getByRole('link', { name: 'SSO', exact: true }).click();
  await h2(page, 'Masuk dengan SSO (OpenID Connect)');
  await page.getByText('Rahasia tersimpan', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('Client secret').inputValue(), '', 'the secret is never shown');
  assert.equal(await page.getByLabel('Issuer (alamat penyedia identitas)').inputValue(), idp.url);
  await page.getByText(`${srv.url}/api/v1/auth/oidc/callback`).waitFor();
  // a field error next to its field
  await page.getByLabel('Client ID', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.locator('form.form-sso .galat').first().waitFor();
  assert.equal(await page.getByLabel('Client ID', { exact: true }).getAttribute('aria-invalid'), 'true');
  await axe(page, 'SSO (galat)');
  await shot(page, 'sso-form');
  await page.getByLabel('Client ID', { exact: true }).fill(idp.clientId);
  // password login off: a confirmation first; dismissed = nothing saved
  await page.getByLabel('Matikan masuk dengan kata sandi untuk akun instansi ini').check();
  let pesan = '';
  page.once('dialog', (d) => { pesan = d.message(); d.dismiss(); });
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.waitForFunction(() => !document.querySelector('form.form-sso button:disabled'));
  assert.match(pesan, /hanya dapat masuk melalui SSO/);
  let k = (await call(srv, 'GET', `/api/v1/instansi/${info.inst}/oidc`, { token: T.admin })).json;
  assert.equal(k.login_lokal_nonaktif, false);
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Simpan' }).click();
  await kabar(page, 'Pengaturan SSO disimpan.');
  k = (await call(srv, 'GET', `/api/v1/instansi/${info.inst}/oidc`, { token: T.admin })).json;
  assert.equal(k.login_lokal_nonaktif, true);
  assert.equal(k.rahasia_tersimpan, true, 'an empty secret field keeps the stored secret');
  // back on: no confirmation needed
  await page.getByLabel('Matikan masuk dengan kata sandi untuk akun instansi ini').uncheck();
  await page.getByRole('button', { name: 'Simpan' }).click();
  // the message of the first save may still be on screen: wait for the stored state instead
  for (let i = 0; i < 100; i++) {
    k = (await call(srv, 'GET', `/api/v1/instansi/${info.inst}/oidc`, { token: T.admin })).json;
    if (k.login_lokal_nonaktif === false) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(k.login_lokal_nonaktif, false);
  await kabar(page, 'Pengaturan SSO disimpan.');
  await selesai(page);
});

test('b) SIASN: superadmin configures; the admin pulls, applies the preview, sees the log, pushes, reconciles', async () => {
  // the superadmin edits the configuration
  let page = await masuk('superadmin');
  await page.goto(srv.url + '/#/admin/siasn');
  await h2(page, 'Integrasi SIASN (BKN)');
  await page.getByLabel('Instansi').selectOption(String(info.inst));
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await page.getByText('Anda superadmin: konfigurasi ini dapat Anda ubah.').waitFor();
  await page.getByLabel('Alamat layanan (base URL)').fill(`${siasn.url}/api/`);
  await page.getByLabel('Alamat token OAuth2').fill('ftp://salah');
  await page.getByLabel('Client ID SIASN').fill(CLIENT_ID);
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.locator('form.form-siasn .galat').first().waitFor();
  assert.equal(await page.getByLabel('Alamat token OAuth2').getAttribute('aria-invalid'), 'true');
  await page.getByLabel('Alamat token OAuth2').fill(`${siasn.url}/oauth/token`);
  await page.getByRole('button', { name: 'Simpan' }).click();
  await kabar(page, 'Konfigurasi SIASN disimpan.');
  await page.getByText('Tersedia di server (tidak pernah ditampilkan).').waitFor();
  await selesai(page);

  // SIASN's data differs: a golongan, and an atasan (the pemimpin of another unor)
  const pool = rows(`SELECT p.nip FROM pegawai p JOIN pengguna g ON g.pegawai_id = p.id WHERE p.instansi_id = ${info.inst} AND p.aktif = 1
    AND p.atasan_id IS NOT NULL AND g.username NOT IN ('atasan','pegawai','admin','pimpinan','auditor') AND NOT EXISTS (SELECT 1 FROM pegawai b WHERE b.atasan_id = p.id) ORDER BY p.nip`).map((r) => r.nip);
  const [nipGol, nipAtasan, nipRekon] = pool;
  const baruAtasan = one(`SELECT p.nip FROM pegawai p WHERE p.instansi_id = ${info.inst} AND p.aktif = 1 AND p.nip <> '${nipAtasan}'
    AND EXISTS (SELECT 1 FROM pegawai b WHERE b.atasan_id = p.id) AND p.id <> (SELECT atasan_id FROM pegawai WHERE nip = '${nipAtasan}') ORDER BY p.nip LIMIT 1`).nip;
  const golLama = one(`SELECT golongan FROM pegawai WHERE nip = '${nipGol}'`).golongan;
  const golBaru = golLama === 'IV/a' ? 'IV/b' : 'IV/a';
  siasn.pns.get(nipGol).golongan = golBaru;
  const a = siasn.pns.get(nipAtasan);
  a.atasanNip = baruAtasan;
  a.unorId = siasn.unorId({ ...a });

  page = await masuk('admin');
  await page.goto(srv.url + '/#/admin');
  await page.getByRole('link', { name: 'SIASN', exact: true }).click();
  await h2(page, 'Integrasi SIASN (BKN)');
  await page.locator('#siasn-konfig + div', { hasText: 'Hanya baca' }).getByText(/diatur oleh superadmin/).waitFor();
  await page.locator('.daftar-log-siasn li, .seksi-siasn .kosong:visible').first().waitFor();
  // a bad NIP: the field error, nothing asked of SIASN
  const nipBox = page.getByLabel('NIP yang ditarik');
  await nipBox.fill('12345');
  await page.getByRole('button', { name: 'Tarik data' }).click();
  await page.locator('form.form-tarik .galat', { hasText: 'bukan NIP 18 digit' }).waitFor();
  // every active pegawai (the atasan's SIASN id is mapped by the same pull)
  await nipBox.fill('');
  await page.getByRole('button', { name: 'Tarik data' }).click();
  const pratinjau = page.locator('.pratinjau-siasn');
  await pratinjau.getByRole('heading', { name: /^Pratinjau tarikan #\d+$/ }).waitFor();
  const kartuGol = pratinjau.locator('li.kartu', { hasText: nipGol });
  const barisGol = kartuGol.getByRole('row', { name: /Golongan/ });
  assert.equal(await barisGol.locator('del').textContent(), golLama);
  assert.equal(await barisGol.locator('ins').textContent(), golBaru);
  const atasan = pratinjau.locator('.atasan-siasn');
  await atasan.getByRole('heading', { name: 'Perubahan atasan langsung' }).waitFor();
  assert.match(await atasan.textContent(), new RegExp(`NIP ${baruAtasan}`));
  await pratinjau.locator('tr.ubah-atasan').first().waitFor();
  await axe(page, 'SIASN (pratinjau)');
  await shot(page, 'siasn-pratinjau');
  // apply, after the confirmation
  let pesan = '';
  page.once('dialog', (d) => { pesan = d.message(); d.accept(); });
  await pratinjau.getByRole('button', { name: 'Terapkan perubahan' }).click();
  await pratinjau.getByText(/^Diterapkan: 0 pegawai baru, 1 identitas diubah, 1 mutasi/).waitFor();
  assert.match(pesan, /1 perubahan atasan/);
  assert.equal(one(`SELECT golongan FROM pegawai WHERE nip = '${nipGol}'`).golongan, golBaru);
  assert.equal(one(`SELECT a.nip FROM pegawai p JOIN pegawai a ON a.id = p.atasan_id WHERE p.nip = '${nipAtasan}'`).nip, baruAtasan);
  assert.equal(await pratinjau.getByRole('button', { name: 'Terapkan perubahan' }).count(), 0, 'applied once');
  // the sync log has the exchanges of the pull (narrowed to it, then paged to the pegawai's)
  const log = page.locator('.daftar-log-siasn');
  await log.locator('li').first().waitFor();
  const idTarikan = (await pratinjau.getByRole('heading', { name: /^Pratinjau tarikan #\d+$/ }).textContent()).match(/\d+/)[0];
  await pratinjau.getByRole('button', { name: `Lihat log tarikan #${idTarikan}` }).click();
  await page.getByText(`Hanya pertukaran data tarikan #${idTarikan}.`).waitFor();
  // the line above says so at once; the list is the pull's when its own answer is drawn
  await page.locator('.daftar-log-siasn:not([aria-busy])').waitFor({ state: 'attached' });
  await log.locator('li', { hasText: `tarikan #${idTarikan}` }).first().waitFor();
  const entri = log.locator('li', { hasText: `/pns/data-utama/${nipGol}` });
  for (let i = 0; i < 10 && !(await entri.count()); i++) {
    const n = await log.locator('li').count();
    await page.getByRole('button', { name: 'Muat lebih banyak' }).click();
    await log.locator('li').nth(n).waitFor();
  }
  assert.match(await log.locator('li', { hasText: `/pns/data-utama/${nipGol}` }).first().textContent(), /Berhasil.*HTTP 200/s);
  // push the final penilaian of one pegawai
  const dinilai = one(`SELECT p.nip FROM penilaian pn JOIN pegawai p ON p.id = pn.pegawai_id WHERE pn.instansi_id = ${info.inst}
    AND pn.status = 'final' AND pn.jenis = 'tahunan' AND p.aktif = 1 ORDER BY pn.id LIMIT 1`).nip;
  await page.getByLabel('NIP pegawai').fill(dinilai);
  await page.getByRole('button', { name: 'Kirim penilaian' }).click();
  await page.locator('.hasil-kirim', { hasText: /^[1-9]\d* terkirim, 0 diperbarui, 0 dilewati, 0 gagal\./ }).waitFor();
  await page.locator('.hasil-kirim .lencana', { hasText: 'Terkirim' }).first().waitFor();
  assert.ok(siasn.saved.length >= 1);
  // reconciliation: a name SIASN spells differently
  siasn.pns.get(nipRekon).nama = 'NAMA LAIN DI SIASN';
  await page.getByRole('button', { name: 'Buat laporan rekonsiliasi' }).click();
  const rekon = page.locator('.hasil-rekon');
  await rekon.getByText(/^\d+ selisih ditemukan\.$/).waitFor();
  const beda = rekon.locator('details', { hasText: 'Pegawai dengan data berbeda' });
  await beda.locator('li.kartu', { hasText: nipRekon }).waitFor();
  assert.match(await beda.locator('li.kartu', { hasText: nipRekon }).textContent(), /NAMA LAIN DI SIASN/);
  await axe(page, 'SIASN (rekonsiliasi, log)');
  await shot(page, 'siasn-rekon');
  // back to every exchange: the newest are the reconciliation's
  await page.getByRole('button', { name: 'Tampilkan semua log' }).click();
  await log.locator('li', { hasText: 'rekonsiliasi' }).first().waitFor();
  await selesai(page);
});
