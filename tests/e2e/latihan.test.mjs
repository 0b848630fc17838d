// Journey through the training sandbox, "mode latihan" (issue 14), on a phone-sized screen: the
// admin creates the sandbox (a spinner, then the summary), enters it, sees the banner
// "MODE LATIHAN — data tidak nyata" and [LATIHAN] in the title on every screen visited,
// practises (an activity logged), leaves, resets and removes it after confirmations; a pegawai
// enters and leaves too.  Proof that real data is untouched: the real instansi's rows and the
// real dashboard/TPP/report answers are the same before and after.  axe-core on the screens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { startServer, TOP, PASSWORD, call, login, sql, tableNames, tableColumns, rowsText } from '../api/lib.mjs';
import { launch, hilang } from './browser.mjs';

let srv, ctx;
const AXE = readFileSync(join(TOP, 'node_modules/axe-core/axe.min.js'), 'utf8');
const shot = (page, name) => page.screenshot({ path: join(TOP, 'tests/artifacts', `latihan-${name}.png`), fullPage: true });

before(async () => { srv = await startServer({ pegawai: 30 }); ctx = await launch(); });
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
const h2 = (page, name) => page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
const spanduk = (page) => page.getByRole('region', { name: 'MODE LATIHAN — data tidak nyata' });

/** Every row of the real instansi (id 1) and its real outputs, hashed. */
async function nyata() {
  const out = {};
  for (const name of tableNames(srv)) {
    if (['audit_log', 'sesi', 'pengguna'].includes(name)) continue;
    if (!tableColumns(srv, name).includes('instansi_id')) continue;
    const text = rowsText(srv, `SELECT * FROM "${name}" WHERE instansi_id = 1 ORDER BY 1`);
    out[name] = createHash('sha256').update(text).digest('hex');
  }
  const a = await login(srv, 'admin');
  for (const p of ['/api/v1/dasbor/instansi', '/api/v1/tpp/bulan', '/api/v1/laporan/status-skp', '/api/v1/siasn/konfig']) {
    const r = await call(srv, 'GET', p, { cookie: a.cookie });
    out[p] = `${r.status} ${createHash('sha256').update(r.text).digest('hex')}`;
  }
  return out;
}

test('the admin creates the sandbox, practises in it with the banner on every screen, resets and removes it; real data untouched', async () => {
  const sebelum = await nyata();
  const page = await masuk('admin');
  await menu(page, 'Administrasi').click();
  await h2(page, 'Administrasi');
  await page.getByRole('link', { name: 'Mode latihan', exact: true }).first().click();
  await h2(page, 'Mode latihan');
  await page.getByText('Instansi Anda belum memiliki salinan latihan.').waitFor();
  await axe(page, 'mode latihan, empty');
  await shot(page, '1-kosong');

  // create: a status message while it runs, then the summary
  await page.getByRole('button', { name: 'Buat salinan latihan' }).click();
  // copying a whole instansi is the heaviest request of the suite (on PostgreSQL under the
  // sanitizers and a loaded machine it took over 30 s, playwright's default): wait longer for it
  await page.getByText('Pemerintah Kabupaten Sukamaju (Latihan)').waitFor({ timeout: 180000 });
  await page.getByText('60 pegawai contoh', { exact: false }).waitFor();
  await page.locator('#kabar', { hasText: /Salinan latihan siap dalam/ }).waitFor();
  assert.equal(await page.getByLabel('Berlatih sebagai').inputValue(), 'admin');
  await axe(page, 'mode latihan, created');
  await shot(page, '2-dibuat');

  // enter as pegawai (an admin may take every role): the banner and the title on every screen
  await page.getByLabel('Berlatih sebagai').selectOption('pegawai');
  await page.getByRole('button', { name: 'Masuk mode latihan' }).click();
  await spanduk(page).waitFor();
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  const cek = async (nama) => {
    await spanduk(page).waitFor();
    assert.match(await page.title(), /^\[LATIHAN\]/, `${nama}: title`);
  };
  await cek('beranda');
  await axe(page, 'beranda in the sandbox');
  await shot(page, '3-beranda-latihan');
  await menu(page, 'SKP Saya').click();
  await h2(page, 'SKP Saya');
  await cek('SKP Saya');
  await menu(page, 'Aktivitas').click();
  await page.getByRole('heading', { level: 2, name: /Aktivitas/ }).first().waitFor();
  await cek('Aktivitas');
  // practise: log an activity in the sandbox through the API with the page's own session
  const dicatat = await page.evaluate(async () => {
    const me = await (await fetch('/api/v1/auth/me')).json();
    const r = await fetch('/api/v1/aktivitas', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf_token },
      body: JSON.stringify({ tanggal: new Date().toISOString().slice(0, 10), menit: 30, uraian: 'Latihan dari peramban' }) });
    return { status: r.status, user: me.pengguna.username };
  });
  assert.equal(dicatat.status, 201);
  assert.match(dicatat.user, /^latihan\d+\.pegawai$/);
  await menu(page, 'Dasbor').click();
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  await cek('Dasbor');
  await menu(page, 'Mode latihan').click();
  await h2(page, 'Mode latihan');
  await cek('Mode latihan');
  await page.getByText('Anda sedang dalam mode latihan.', { exact: false }).waitFor();
  await shot(page, '4-dalam-latihan');

  // leave from the banner: back to the real admin, no banner
  await spanduk(page).getByRole('button', { name: 'Keluar mode latihan' }).click();
  await h2(page, 'Mode latihan');
  await page.getByRole('button', { name: 'Atur ulang data latihan' }).waitFor();
  await hilang(spanduk(page));
  assert.doesNotMatch(await page.title(), /LATIHAN/);

  // reset and remove, each after a confirmation
  await page.getByRole('button', { name: 'Atur ulang data latihan' }).click();
  await page.locator('#kabar', { hasText: 'Data latihan sudah dibuat ulang.' }).waitFor({ timeout: 180000 });
  assert.match(page.dialogs.at(-1), /Atur ulang salinan latihan\?/);
  assert.equal(Number(sql(srv, "SELECT COUNT(*) AS n FROM aktivitas WHERE uraian = 'Latihan dari peramban'").match(/\d+/)[0]), 0);
  await page.getByRole('button', { name: 'Hapus salinan latihan' }).click();
  await page.getByText('Instansi Anda belum memiliki salinan latihan.').waitFor({ timeout: 180000 });
  assert.match(page.dialogs.at(-1), /Hapus salinan latihan\?/);
  await shot(page, '5-dihapus');
  assert.deepEqual(page.errors, []);
  await page.close();

  assert.deepEqual(await nyata(), sebelum, 'the real instansi is byte-identical');
});

test('a pegawai enters the sandbox in their own role and leaves it', async () => {
  const a = await login(srv, 'admin');
  assert.equal((await call(srv, 'POST', '/api/v1/latihan', { cookie: a.cookie, csrf: a.csrf })).status, 201);
  const page = await masuk('pegawai');
  await menu(page, 'Mode latihan').click();
  await h2(page, 'Mode latihan');
  // the heading comes first, the sandbox's form when its state has been read
  await page.getByLabel('Berlatih sebagai').waitFor();
  assert.deepEqual(await page.getByLabel('Berlatih sebagai').locator('option').allTextContents(), ['Pegawai']);
  await page.getByRole('button', { name: 'Masuk mode latihan' }).click();
  await spanduk(page).waitFor();
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  assert.match(await page.title(), /^\[LATIHAN\]/);
  await spanduk(page).getByRole('button', { name: 'Keluar mode latihan' }).click();
  await h2(page, 'Mode latihan');
  await page.getByRole('button', { name: 'Masuk mode latihan' }).waitFor();
  await hilang(spanduk(page));
  assert.deepEqual(page.errors, []);
  await page.close();
});
