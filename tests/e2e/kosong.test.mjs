// Empty states (issue 14 part 1): in a brand-new instansi (made here through the API: one unit,
// one jabatan, an atasan with one bawahan, an admin, a pimpinan) every list screen that is empty
// says so and offers an action that leads on: a link to the screen where the list gets filled,
// a button that moves to the form that fills it, or the screen's help.  One action per kind is
// followed to where it leads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, PASSWORD, call, tokenFor, login } from '../api/lib.mjs';
import { launch, bukaLayar } from './browser.mjs';

let srv, ctx;
const akun = {};

// the list screens of each role, all empty in a new instansi
const LAYAR = {
  pegawai: ['#/skp', '#/aktivitas', '#/kotak-masuk', '#/penilaian', '#/keberatan', '#/360', '#/dasbor', '#/akun/token', '#/tpp'],
  atasan: ['#/persetujuan', '#/review', '#/penilaian'],
  admin: ['#/kinerja-organisasi', '#/admin/pengaturan', '#/admin/presensi', '#/admin/webhook', '#/admin/surel', '#/admin/tpp', '#/laporan', '#/katalog'],
  pimpinan: ['#/analitik', '#/dasbor/instansi', '#/capaian-organisasi'],
};

before(async () => {
  srv = await startServer({ pegawai: 10 });
  const su = tokenFor(srv, 'superadmin');
  const post = async (path, body) => {
    const r = await call(srv, 'POST', path, { token: su, body });
    assert.equal(r.status, 201, `${path}: ${r.text}`);
    return r.json;
  };
  const inst = (await post('/api/v1/instansi', { kode: 'KOSONG-1', nama: 'Pemerintah Kabupaten Baru', zona_waktu: 'WIB' })).id;
  const unit = (await post('/api/v1/unit-kerja', { nama: 'Dinas Baru', instansi_id: inst })).id;
  const jab = (await post('/api/v1/jabatan', { nama: 'Penata Layanan Operasional', jenis: 'pelaksana', kelas_jabatan: 7, instansi_id: inst })).id;
  const peg = (nip, nama, atasan) => post('/api/v1/pegawai', { nip, nama, jenis_asn: 'PNS', golongan: 'III/a', unit_kerja_id: unit,
    jabatan_id: jab, instansi_id: inst, ...(atasan ? { atasan_id: atasan } : {}) });
  const kepala = await peg('198001012005011001', 'Budi Kepala Baru');
  const staf = await peg('199002022015022002', 'Sari Staf Baru', kepala.id);
  const user = (username, extra) => post('/api/v1/pengguna', { username, password: PASSWORD, instansi_id: inst, ...extra });
  await user('baru-atasan', { pegawai_id: kepala.id });
  await user('baru-pegawai', { pegawai_id: staf.id });
  await user('baru-admin', { peran: ['admin'] });
  await user('baru-pimpinan', { peran: ['pimpinan'] });
  // no walkthrough in the way (orientasi.test.mjs has it)
  for (const u of ['baru-atasan', 'baru-pegawai', 'baru-admin', 'baru-pimpinan']) {
    const s = await login(srv, u);   // a session, not a token: the token list must stay empty
    for (const k of ['pegawai', 'atasan', 'admin', 'pimpinan']) await call(srv, 'PUT', `/api/v1/orientasi/${k}`, { cookie: s.cookie, csrf: s.csrf, body: { selesai: true } });
  }
  Object.assign(akun, { pegawai: 'baru-pegawai', atasan: 'baru-atasan', admin: 'baru-admin', pimpinan: 'baru-pimpinan' });
  ctx = await launch();
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
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.locator('#salam').filter({ hasText: /Selamat datang/ }).waitFor();
  return page;
}

const buka = bukaLayar;

/** The visible empty states of the screen: [{teks, aksi: [names]}]. */
async function kosong(page) {
  const loc = page.locator('#layar [data-kosong]:visible');
  await loc.first().waitFor({ timeout: 10000 });
  return loc.evaluateAll((ns) => ns.map((n) => ({
    teks: (n.querySelector('h3') || n.querySelector('p'))?.textContent.trim(),
    aksi: [...n.querySelectorAll('a[href], button')].map((a) => a.textContent.trim()).filter(Boolean),
  })));
}

for (const [peran, daftar] of Object.entries(LAYAR)) {
  test(`${peran}: every empty list says what to do next, with an action`, async () => {
    const page = await masuk(akun[peran]);
    const hasil = [];
    for (const hash of daftar) {
      await buka(page, hash);
      let k;
      try { k = await kosong(page); } catch { assert.fail(`${hash}: no empty state shown`); }
      for (const x of k) {
        assert.ok(x.teks && x.teks.length > 10, `${hash}: the empty state says why (${x.teks})`);
        assert.ok(x.aksi.length > 0, `${hash}: the empty state "${x.teks}" offers an action`);
      }
      hasil.push(`${hash}: ${k.length}`);
    }
    console.log(`# ${peran}: ${hasil.join(', ')}`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('the actions lead on: a link opens its screen, a form button moves focus to the form, the help opens', async () => {
  let page = await masuk(akun.pegawai);
  await buka(page, '#/aktivitas');
  await page.locator('[data-kosong]').getByRole('button', { name: 'Mulai dari formulir aktivitas' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.field), 'uraian');
  await buka(page, '#/kotak-masuk');
  await page.locator('[data-kosong]').getByRole('link', { name: 'Ke ringkasan dasbor' }).click();
  await page.waitForURL(/#\/dasbor$/);
  await page.close();
  page = await masuk(akun.admin);
  await buka(page, '#/katalog');
  await page.locator('[data-kosong]').getByRole('button', { name: 'Baca bantuan layar ini' }).click();
  await page.getByRole('dialog', { name: /^Bantuan: / }).waitFor();
  await page.keyboard.press('Escape');
  await buka(page, '#/admin/webhook');
  await page.locator('[data-kosong]').getByRole('button', { name: 'Daftarkan penerima pertama' }).click();
  await page.locator('#layar form').first().waitFor();
  // an empty search on the home screen offers to clear it
  await page.evaluate(() => { location.hash = '#/'; });
  await page.locator('#beranda').waitFor();
  await page.getByLabel('Cari pegawai (nama atau awal NIP)').fill('zzzz tidak ada');
  await page.locator('#daftar-kosong').getByRole('button', { name: 'Hapus kata pencarian' }).click();
  await page.locator('#daftar li').first().waitFor();
  assert.equal(await page.getByLabel('Cari pegawai (nama atau awal NIP)').inputValue(), '');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('every empty list in the screens goes through kosong.js (so it has an action); the rest are not lists', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { TOP } = await import('../api/lib.mjs');
  // <p class="kosong"> left on purpose: error messages, parts of a document, a missing link to a pegawai
  const BUKAN_DAFTAR = {
    'analitik.js': 3, 'penilaian-form.js': 5, 'penilaian.js': 1, 'presensi.js': 1, 'tpp.js': 1, 'siasn.js': 3,
    'skp.js': 1, 'umpan-balik.js': 1, 'umpan360.js': 1, 'admin-pegawai.js': 1, 'profil-kinerja.js': 2, 'privasi.js': 2,
  };
  const dir = join(TOP, 'web/js');
  const ada = {};
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.js') && x !== 'kosong.js')) {
    const n = (readFileSync(join(dir, f), 'utf8').match(/el\('p', \{ class: 'kosong'/g) || []).length;
    if (n) ada[f] = n;
  }
  assert.deepEqual(ada, BUKAN_DAFTAR, 'a new <p class="kosong">: use kosong() from kosong.js (an empty state with an action) or list it here with its reason');
});
