// Journeys through the "doing the work" screens (issue 5) on a phone-sized screen: a pegawai
// logs the day's activities (and meets an Indonesian field error), logs one offline that is
// kept on the device, survives a reload and is sent exactly once when the connection returns
// (even when the first answer is lost); the Kepala Seksi reviews (returns one with a note,
// approves two at once) and the pegawai finds the note in the inbox; the monthly realisasi is
// saved, submitted and approved; feedback on the SKP and the compliance report.
// Every step waits for text or roles, never for time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { startServer, call, tokenFor, sql, TOP, PASSWORD } from '../api/lib.mjs';
import { launch } from './browser.mjs';

// the browser lives in the instansi's time zone (WIB): its "today" is the server's
process.env.TZ = 'Asia/Jakarta';

const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const URAIAN_A = 'Menyusun rekap kehadiran guru untuk laporan bulanan';
const URAIAN_B = 'Memverifikasi berkas usulan sertifikasi di lapangan';
const CATATAN_A = 'Sebutkan jumlah sekolah yang sudah direkap.';
const UMPAN = 'Laporan bulan ini tepat waktu; pertahankan.';

let srv, ctx;
const T = {};
const info = {};
const shot = (page, name) => page.screenshot({ path: join(TOP, 'tests/artifacts', `aktivitas-${name}.png`), fullPage: true });
const get = async (tok, path) => (await call(srv, 'GET', path, { token: tok })).json;
const wib = () => new Date(Date.now() + 7 * 3600e3);
/** The latest working day (WIB) on or before today. */
function hariKerja() {
  const d = wib();
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

before(async () => {
  srv = await startServer({ pegawai: 40 });
  ctx = await launch();
  for (const r of ['pegawai', 'admin', 'atasan']) T[r] = tokenFor(srv, r);
  info.me = (await get(T.pegawai, '/api/v1/auth/me')).pegawai;
  const p = await get(T.admin, `/api/v1/pegawai/${info.me.id}`);
  info.kasiNip = p.atasan.nip;
  T.kasi = tokenFor(srv, info.kasiNip);
  info.hari = hariKerja();
  info.hariIni = wib().toISOString().slice(0, 10);
  const tahun = Number(info.hariIni.slice(0, 4));
  const list = (await get(T.pegawai, `/api/v1/skp?pegawai_id=${info.me.id}&tahun=${tahun}`)).items;
  info.skp = await get(T.pegawai, `/api/v1/skp/${list[list.length - 1].id}`);
  info.bulan = Number(info.hariIni.slice(5, 7));
  // a clean day for the pegawai: the demo's activities of that day are not in the way
  sql(srv, `DELETE FROM aktivitas WHERE pegawai_id = ${info.me.id} AND tanggal = '${info.hari}'`);
});
after(async () => { await ctx?.close(); await srv?.stop(); });

/** A new page signed in as `user`; fails the test on any uncaught script error. */
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
const kabar = (page, text) => page.locator('#kabar', { hasText: text }).waitFor();
async function selesai(page) {
  assert.deepEqual(page.errors, [], 'no script errors');
  await page.close();
}
async function aktivitasDenganUraian(uraian) {
  const r = await get(T.pegawai, `/api/v1/aktivitas?pegawai_id=${info.me.id}&dari=${info.hari}&sampai=${info.hari}&limit=200`);
  return r.items.filter((a) => a.uraian === uraian);
}
async function bukaAktivitas(page) {
  await menu(page, 'Aktivitas').click();
  await page.getByRole('heading', { name: 'Aktivitas harian' }).waitFor();
  const form = page.locator('form.form-aktivitas');
  await form.getByLabel('RHK yang didukung').locator('option').nth(2).waitFor({ state: 'attached' });
  if (info.hari !== info.hariIni) {
    await form.getByLabel('Tanggal', { exact: true }).fill(info.hari);
    await page.getByRole('heading', { name: new RegExp(`^Aktivitas .*${Number(info.hari.slice(8))} ${BULAN[Number(info.hari.slice(5, 7)) - 1]}`) }).waitFor();
  }
  return form;
}

test('a) the pegawai logs an activity on an RHK: a field error first, then listed as Diajukan with the day total', async () => {
  const page = await masuk('pegawai');
  const form = await bukaAktivitas(page);
  const rhk = info.skp.rhk[0];
  await form.getByLabel('Uraian kegiatan').fill(URAIAN_A);
  await form.getByLabel('RHK yang didukung').selectOption({ label: `A.1 ${rhk.rhk}` });
  await form.getByLabel('Jam mulai').fill('10:00');
  await form.getByLabel('Jam selesai').fill('09:00');
  await form.getByLabel('Kuantitas (boleh dikosongkan)').fill('1');
  await form.getByLabel('Satuan', { exact: true }).fill('laporan');
  await form.getByRole('button', { name: 'Simpan aktivitas' }).click();
  // the server's 422 is shown at the field, in Indonesian
  await form.locator('.galat', { hasText: 'jam selesai harus setelah jam mulai' }).waitFor();
  assert.equal(await form.getByLabel('Jam selesai').getAttribute('aria-invalid'), 'true');
  await form.getByRole('alert').filter({ hasText: 'Periksa isian berikut:' }).waitFor();
  assert.equal((await aktivitasDenganUraian(URAIAN_A)).length, 0);
  await shot(page, 'galat');

  await form.getByLabel('Jam mulai').fill('13:00');
  await form.getByLabel('Jam selesai').fill('14:30');
  await form.getByText('= 1 jam 30 menit').waitFor();
  await form.getByRole('button', { name: 'Simpan aktivitas' }).click();
  await kabar(page, 'Aktivitas disimpan dan diajukan ke pejabat penilai.');
  const kartu = page.locator('.daftar-aktivitas li', { hasText: URAIAN_A });
  await kartu.locator('.lencana', { hasText: 'Diajukan' }).waitFor();
  await kartu.getByText('13.00–14.30 · 1 jam 30 menit').waitFor();
  await kartu.getByText(`A.1 ${rhk.rhk}`).waitFor();
  await page.locator('#total-hari', { hasText: 'Jumlah waktu: 1 jam 30 menit dari batas 7 jam 30 menit per hari' }).waitFor();
  assert.equal(await form.getByLabel('Jam mulai').inputValue(), '14:30', 'the next activity starts where this one ended');
  const saved = await aktivitasDenganUraian(URAIAN_A);
  assert.equal(saved.length, 1);
  assert.equal(saved[0].rhk.id, rhk.id);
  assert.equal(saved[0].menit, 90);
  assert.equal(saved[0].status, 'diajukan');
  info.a = saved[0].id;

  // a template fills the form in one tap
  await form.locator('.templat-tombol').first().click();
  assert.notEqual(await form.getByLabel('Uraian kegiatan').inputValue(), '');
  assert.match(await form.getByLabel('Durasi (menit)').inputValue(), /^\d+$/);
  await shot(page, 'harian');
  await selesai(page);
});

test('b) offline: the activity is kept on the device, survives a reload, and is sent exactly once', async () => {
  const page = await masuk('pegawai');
  let form = await bukaAktivitas(page);
  // the service worker has the shell before the connection goes
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await ctx.setOffline(true);
  await page.locator('#luring', { hasText: 'Anda sedang luring' }).waitFor();
  await form.getByLabel('Uraian kegiatan').fill(URAIAN_B);
  await form.getByLabel('RHK yang didukung').selectOption({ label: `A.2 ${info.skp.rhk[1].rhk}` });
  await form.getByLabel('Durasi (menit)').fill('45');
  await form.getByRole('button', { name: 'Simpan aktivitas' }).click();
  await kabar(page, 'Aktivitas disimpan di perangkat ini');
  const kartu = page.locator('.daftar-aktivitas li', { hasText: URAIAN_B });
  await kartu.locator('.lencana', { hasText: 'Belum terkirim' }).waitFor();
  await page.getByRole('heading', { name: '1 aktivitas belum terkirim' }).waitFor();
  await shot(page, 'luring');

  // a reload without a connection: the service worker serves the app, the queue is still there
  const res = await page.reload();
  assert.ok(res.fromServiceWorker(), 'the page came from the service worker');
  await page.getByRole('heading', { name: 'Aktivitas harian' }).waitFor();
  await kartu.locator('.lencana', { hasText: 'Belum terkirim' }).waitFor();
  await page.locator('#luring', { hasText: 'Anda sedang luring' }).waitFor();
  assert.equal((await aktivitasDenganUraian(URAIAN_B)).length, 0, 'nothing reached the server yet');
  await shot(page, 'luring-muat-ulang');

  // back online: the first send reaches the server but its answer is lost on the way back
  let kirimPertama;
  const pertama = new Promise((resolve) => { kirimPertama = resolve; });
  await page.route('**/api/v1/aktivitas', async (route) => {
    if (route.request().method() !== 'POST') { await route.fallback(); return; }
    const r = await route.fetch();
    kirimPertama({ kunci: route.request().headers()['idempotency-key'], status: r.status() });
    await route.abort('connectionreset');
  }, { times: 1 });
  await ctx.setOffline(false);
  const p1 = await pertama;
  assert.equal(p1.status, 201);
  assert.match(p1.kunci, /^[0-9a-f-]{36}$/);
  assert.equal((await aktivitasDenganUraian(URAIAN_B)).length, 1, 'the server stored it');
  await page.locator('#luring').waitFor({ state: 'hidden' });
  await kartu.locator('.lencana', { hasText: 'Belum terkirim' }).waitFor();

  // sent again with the same key: the server replays its first answer, nothing is duplicated
  const jawaban = page.waitForResponse((r) => r.url().endsWith('/api/v1/aktivitas') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Kirim sekarang' }).click();
  const r2 = await jawaban;
  assert.equal(r2.status(), 201);
  assert.equal(r2.headers()['idempotent-replayed'], 'true');
  assert.equal(r2.request().headers()['idempotency-key'], p1.kunci);
  await kartu.locator('.lencana', { hasText: 'Diajukan' }).waitFor();
  await kabar(page, '1 aktivitas yang tersimpan di perangkat sudah terkirim.');
  // the queue panel goes once the list is read again after the send (it may come a moment after the toast)
  await page.getByRole('heading', { name: /belum terkirim/ }).waitFor({ state: 'detached' });

  // another sync finds nothing to send; the device's queue is empty
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.getByRole('heading', { name: 'Aktivitas harian' }).waitFor();
  const antre = await page.evaluate(() => new Promise((resolve, reject) => {
    const r = indexedDB.open('kinerja');
    r.onsuccess = () => {
      const q = r.result.transaction('antrean').objectStore('antrean').count();
      q.onsuccess = () => resolve(q.result);
      q.onerror = () => reject(q.error);
    };
    r.onerror = () => reject(r.error);
  }));
  assert.equal(antre, 0);
  const stored = await aktivitasDenganUraian(URAIAN_B);
  assert.equal(stored.length, 1, 'exactly one activity with that uraian');
  assert.equal(stored[0].menit, 45);
  assert.equal(stored[0].rhk.id, info.skp.rhk[1].id);
  await shot(page, 'terkirim');
  form = null;
  await selesai(page);
});

test('c) the Kepala Seksi returns one activity with a note and approves two at once; the pegawai gets the note', async () => {
  const page = await masuk(info.kasiNip);
  await menu(page, 'Review').click();
  await page.getByRole('heading', { name: 'Aktivitas menunggu review' }).waitFor();
  await page.getByLabel('Pegawai', { exact: true }).selectOption({ label: info.me.nama });
  await page.waitForURL(new RegExp(`pegawai=${info.me.id}`));
  const kartuA = page.locator('.daftar-review li', { hasText: URAIAN_A });
  await kartuA.waitFor();
  await page.waitForFunction((nama) => [...document.querySelectorAll('.daftar-review li strong')].every((s) => s.textContent === nama), info.me.nama);

  await kartuA.getByRole('button', { name: `Kembalikan: ${URAIAN_A}` }).click();
  const catatan = kartuA.getByLabel('Catatan untuk pegawai (wajib)');
  await catatan.waitFor();
  await kartuA.getByRole('button', { name: 'Kirim pengembalian' }).click();
  await kartuA.locator('.galat', { hasText: 'wajib diisi: jelaskan apa yang perlu diperbaiki' }).waitFor();
  await catatan.fill(CATATAN_A);
  await shot(page, 'review-kembalikan');
  await kartuA.getByRole('button', { name: 'Kirim pengembalian' }).click();
  await kabar(page, 'Aktivitas dikembalikan kepada pegawai.');
  await kartuA.waitFor({ state: 'detached' });

  // two others at once
  const kartu = page.locator('.daftar-review li');
  const ids = [await kartu.nth(0).getAttribute('data-id'), await kartu.nth(1).getAttribute('data-id')].map(Number);
  await kartu.nth(0).getByRole('checkbox').check();
  await kartu.nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Setujui terpilih (2)' }).click();
  await kabar(page, '2 dari 2 aktivitas disetujui.');
  for (const id of ids) {
    await page.locator(`.daftar-review li[data-id="${id}"]`).waitFor({ state: 'detached' });
    assert.equal((await get(T.kasi, `/api/v1/aktivitas/${id}`)).status, 'disetujui');
  }
  const a = await get(T.kasi, `/api/v1/aktivitas/${info.a}`);
  assert.equal(a.status, 'dikembalikan');
  assert.equal(a.catatan_review, CATATAN_A);
  await shot(page, 'review');
  await selesai(page);

  // the pegawai: a new inbox item (bell), which leads to the returned activity with its note
  const inbox = await get(T.pegawai, '/api/v1/notifikasi');
  assert.ok(inbox.belum_dibaca >= 1);
  const p2 = await masuk('pegawai');
  const lonceng = p2.getByRole('link', { name: `Kotak masuk, ${inbox.belum_dibaca} belum dibaca` });
  await lonceng.waitFor();
  await lonceng.click();
  await p2.getByRole('heading', { name: 'Kotak masuk' }).waitFor();
  const pesan = p2.locator('.pesan-masuk', { hasText: CATATAN_A });
  await pesan.locator('.lencana', { hasText: 'Baru' }).waitFor();
  await shot(p2, 'kotak-masuk');
  await pesan.getByRole('link', { name: 'Aktivitas dikembalikan' }).click();
  await p2.waitForURL(new RegExp(`#/aktivitas/${info.a}$`));
  const kartuP = p2.locator(`#aktivitas-${info.a}`);
  await kartuP.locator('.lencana', { hasText: 'Dikembalikan' }).waitFor();
  await kartuP.getByText(CATATAN_A).waitFor();
  await p2.getByRole('link', { name: inbox.belum_dibaca > 1 ? `Kotak masuk, ${inbox.belum_dibaca - 1} belum dibaca` : 'Kotak masuk', exact: true }).waitFor();
  await shot(p2, 'dikembalikan');

  // fixed and submitted again
  await kartuP.getByRole('button', { name: `Ubah: ${URAIAN_A}` }).click();
  const form = p2.locator('form.form-aktivitas');
  await form.getByRole('heading', { name: 'Ubah aktivitas' }).waitFor();
  await form.getByText(CATATAN_A).waitFor();
  await form.getByLabel('Uraian kegiatan').fill(`${URAIAN_A} (12 sekolah)`);
  await form.getByRole('button', { name: 'Simpan perubahan' }).click();
  await kabar(p2, 'Perubahan disimpan dan diajukan lagi ke pejabat penilai.');
  await p2.locator('.daftar-aktivitas li', { hasText: `${URAIAN_A} (12 sekolah)` }).locator('.lencana', { hasText: 'Diajukan' }).waitFor();
  assert.equal((await get(T.pegawai, `/api/v1/aktivitas/${info.a}`)).status, 'diajukan');
  await selesai(p2);
});

test('d) the pegawai saves and submits this month\'s realisasi; the Kepala Seksi approves it in Review', async () => {
  const skp = info.skp;
  const iki = skp.rhk[0].iki[0];
  const page = await masuk('pegawai');
  await menu(page, 'SKP Saya').click();
  await page.getByRole('link', { name: `Buka SKP ${skp.periode.tahun}` }).click();
  await page.getByRole('link', { name: 'Realisasi bulanan' }).click();
  const judul = `Realisasi ${BULAN[info.bulan - 1]} ${skp.periode.tahun}`;
  await page.getByRole('heading', { name: judul }).waitFor();
  const kartu = page.getByRole('article', { name: iki.indikator });
  await kartu.locator('.lencana', { hasText: 'Belum diisi' }).waitFor();
  await kartu.getByLabel(/^Realisasi/).fill('sepuluh');
  await kartu.getByRole('button', { name: 'Simpan realisasi' }).click();
  await kartu.locator('.galat', { hasText: 'harus angka tidak negatif' }).waitFor();
  await kartu.getByLabel(/^Realisasi/).fill('3');
  await kartu.getByLabel('Catatan (boleh dikosongkan)').fill('Tiga laporan selesai bulan ini.');
  await kartu.getByRole('button', { name: 'Simpan realisasi' }).click();
  await kabar(page, 'Realisasi disimpan sebagai draf.');
  const capaian = (Math.round((3 / Number(iki.target_angka)) * 10000) / 100).toLocaleString('id-ID', { maximumFractionDigits: 2 });
  await kartu.locator('.capaian', { hasText: `${capaian}%` }).waitFor();
  await kartu.locator('.lencana', { hasText: 'Draf' }).waitFor();
  await shot(page, 'realisasi');
  await page.getByRole('button', { name: 'Ajukan realisasi bulan ini' }).click();
  await kabar(page, 'Realisasi bulan ini diajukan ke pejabat penilai.');
  await kartu.locator('.lencana', { hasText: 'Diajukan' }).waitFor();
  assert.equal(await kartu.getByRole('button', { name: 'Simpan realisasi' }).count(), 0, 'submitted: read-only');
  await selesai(page);

  const k = await masuk(info.kasiNip);
  await menu(k, 'Review').click();
  const kelompok = k.getByRole('article', { name: `${info.me.nama} — ${BULAN[info.bulan - 1]}` });
  await kelompok.waitFor();
  await kelompok.getByText(`${iki.indikator}`).waitFor();
  await shot(k, 'review-realisasi');
  await kelompok.getByRole('button', { name: `Setujui: ${info.me.nama}, ${iki.indikator}` }).click();
  await kabar(k, 'Realisasi disetujui.');
  const lembar = await get(T.pegawai, `/api/v1/skp/${skp.id}/realisasi?bulan=${info.bulan}`);
  assert.equal(lembar.items.find((x) => x.iki_id === iki.id).status, 'disetujui');
  await selesai(k);
});

test('e) feedback on the SKP reaches the other side; the atasan reads the compliance report', async () => {
  const k = await masuk(info.kasiNip);
  await k.goto(`${srv.url}/#/skp/${info.skp.id}`);
  const ub = k.locator('section.umpan-balik');
  await ub.getByRole('heading', { name: 'Umpan balik dan dialog kinerja' }).waitFor();
  await ub.getByLabel('Tulis umpan balik').fill(UMPAN);
  await ub.getByLabel('Jenis').selectOption('dialog_kinerja');
  await ub.getByLabel('Tanggal dialog kinerja').fill(info.hari);
  await ub.getByRole('button', { name: 'Kirim' }).click();
  await kabar(k, 'Umpan balik terkirim.');
  await ub.locator('.kartu', { hasText: UMPAN }).getByText(/^Dialog kinerja /).waitFor();
  await selesai(k);

  const p = await masuk('pegawai');
  await p.goto(`${srv.url}/#/skp/${info.skp.id}`);
  const utas = p.locator('section.umpan-balik .kartu', { hasText: UMPAN });
  await utas.getByRole('button', { name: /^Balas / }).click();
  await utas.getByLabel('Tulis balasan').fill('Terima kasih, Pak.');
  await utas.getByRole('button', { name: 'Kirim' }).click();
  await utas.locator('.balasan', { hasText: 'Terima kasih, Pak.' }).waitFor();
  const thread = await get(T.pegawai, `/api/v1/umpan-balik?entitas=skp&entitas_id=${info.skp.id}`);
  assert.equal(thread.items.length, 2);
  assert.equal(thread.items[1].induk_id, thread.items[0].id);
  await shot(p, 'umpan-balik');
  await selesai(p);

  const a = await masuk('atasan');
  await menu(a, 'Kepatuhan').click();
  await a.getByRole('heading', { name: 'Kepatuhan pencatatan aktivitas' }).waitFor();
  const lap = await get(T.atasan, '/api/v1/laporan/kepatuhan?limit=200');
  await a.locator('table.tabel-kepatuhan tbody tr').nth(lap.items.length - 1).waitFor();
  assert.equal(await a.locator('table.tabel-kepatuhan tbody tr').count(), lap.items.length);
  assert.equal(await a.getByLabel('Dari tanggal').inputValue(), lap.dari);
  await a.locator('table.tabel-kepatuhan tbody tr', { hasText: info.me.nip }).waitFor();
  await shot(a, 'kepatuhan');
  await selesai(a);
});

test('f) the service worker keeps every module of the app shell', () => {
  const sw = readFileSync(join(TOP, 'web/sw.js'), 'utf8');
  // every module reachable from the page's entry point (other pages, e.g. masukan.html, are not the shell)
  const seen = new Set();
  const walk = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const m of readFileSync(join(TOP, 'web/js', f), 'utf8').matchAll(/from '\.\/([\w-]+\.js)'/g)) walk(m[1]);
  };
  walk('app.js');
  assert.ok(seen.size > 10, [...seen].join());
  for (const f of seen) assert.ok(sw.includes(`'/js/${f}'`), `sw.js precaches /js/${f}`);
  assert.ok(sw.includes("'/app.css'") && sw.includes("'/index.html'"));
});
