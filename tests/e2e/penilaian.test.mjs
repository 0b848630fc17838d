// Journeys through the evaluation screens (issue 6) on a phone-sized screen: the Kepala Seksi
// rates the pegawai's year (feedback, Di Atas / Sesuai gives Baik by the matrix), finalises it
// and downloads the Dokumen Evaluasi; the pegawai files a keberatan and the atasan of the penilai
// changes the ratings (Sangat Baik); the atasan opens a 360 round for the Kepala Seksi, three
// bawahan answer anonymously and the atasan reads the averages; pimpinan sets a unit's predikat
// organisasi and reads its curve (chart and table), the broken rules of the demo's unit and the
// public feedback link; the calculator and the angka kredit ledger; an instansi in blokir mode
// refuses a finalisation with the rules.  Every step waits for text or roles, never for time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, call, tokenFor, sql, TOP, PASSWORD } from '../api/lib.mjs';
import { launch } from './browser.mjs';

// the browser lives in the instansi's time zone (WIB), like the server's "this year"
process.env.TZ = 'Asia/Jakarta';

const UB_RHK = 'Laporan bulanan selalu lengkap dan tepat waktu sepanjang tahun.';
const UB_PERILAKU = 'Cepat menanggapi permintaan sekolah.';
const CATATAN = 'Ikuti pelatihan analisis data tahun depan.';
const ALASAN = 'Realisasi seluruh RHK melampaui target; mohon rating hasil kerja dan perilaku ditinjau kembali.';
const PUTUSAN = 'Bukti realisasi dan umpan balik rekan menunjukkan kinerja di atas ekspektasi.';
const KOMENTAR_360 = 'Selalu membagi tugas dengan jelas.';

let srv, ctx;
const T = {};
const info = {};
const shot = (page, name) => page.screenshot({ path: join(TOP, 'tests/artifacts', `penilaian-${name}.png`), fullPage: true });
const get = async (tok, path) => (await call(srv, 'GET', path, { token: tok })).json;
const YEAR = Number(new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 4));
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
/** Unix seconds → "9 Desember 2026" in WIB (the browser's zone). */
const tanggalWib = (t) => { const d = new Date(t * 1000 + 7 * 3600e3); return `${d.getUTCDate()} ${BULAN[d.getUTCMonth()]} ${d.getUTCFullYear()}`; };

before(async () => {
  srv = await startServer({ pegawai: 40 });
  ctx = await launch();
  for (const r of ['pegawai', 'admin', 'atasan', 'pimpinan']) T[r] = tokenFor(srv, r);
  info.me = (await get(T.pegawai, '/api/v1/auth/me')).pegawai;
  const p = await get(T.admin, `/api/v1/pegawai/${info.me.id}`);
  info.kasi = await get(T.admin, `/api/v1/pegawai/${p.atasan.id}`);
  T.kasi = tokenFor(srv, info.kasi.nip);
  info.unit = p.unit_kerja;
  info.skp = (await get(T.pegawai, `/api/v1/skp?pegawai_id=${info.me.id}&tahun=${YEAR}`)).items.find((s) => s.status === 'disetujui');
  assert.ok(info.skp, 'the demo has an approved SKP of this year for the pegawai');
  const ids = JSON.parse(sql(srv, `SELECT id FROM pegawai WHERE atasan_id = ${info.kasi.id} AND aktif = 1 ORDER BY id LIMIT 3`));
  assert.equal(ids.length, 3);
  info.bawahanKasi = await Promise.all(ids.map((x) => get(T.admin, `/api/v1/pegawai/${x.id}`)));
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
const status = (page, text) => page.locator('.lencana-skp', { hasText: text }).waitFor();
const predikat = (page, text) => page.locator('.panel-predikat .predikat-nilai strong').filter({ hasText: new RegExp(`^${esc(text)}$`) }).waitFor();
async function selesai(page) {
  assert.deepEqual(page.errors, [], 'no script errors');
  await page.close();
}

test('a) the Kepala Seksi rates the pegawai\'s year: feedback, Di Atas / Sesuai gives Baik, final, PDF', async () => {
  const page = await masuk(info.kasi.nip);
  await menu(page, 'Penilaian').click();
  await page.getByRole('heading', { name: 'Penilaian', exact: true }).waitFor();
  const kartu = page.locator('.kartu-skp-dinilai', { hasText: info.me.nip });
  // the demo's final quarters are listed on the bawahan's card
  await kartu.getByRole('link', { name: `Triwulan I ${YEAR}` }).waitFor();
  await kartu.getByLabel(`Periode penilaian untuk ${info.me.nama_lengkap}`).selectOption('tahunan');
  await shot(page, 'daftar');
  await kartu.getByRole('button', { name: `Mulai penilaian ${info.me.nama_lengkap}` }).click();
  await page.getByRole('heading', { name: `Penilaian ${info.me.nama} — Tahunan ${YEAR}` }).waitFor();
  await status(page, 'Draf');
  await page.getByText('Predikat muncul setelah rating hasil kerja dan rating perilaku kerja dipilih.').waitFor();
  const id = Number(page.url().match(/#\/penilaian\/(\d+)$/)[1]);
  const p0 = await get(T.kasi, `/api/v1/penilaian/${id}`);
  assert.equal(p0.jenis, 'tahunan');
  // the context of each RHK is shown
  await page.locator('.konteks').first().getByText(/^Aktivitas: \d+/).waitFor();
  // capaian per IKI: the approved monthly realisasi of the year against the target
  const bulanIni = Number(new Date(Date.now() + 7 * 3600e3).toISOString().slice(5, 7));
  const lembar = [];
  for (let b = 1; b <= bulanIni; b++) lembar.push(await get(T.kasi, `/api/v1/skp/${info.skp.id}/realisasi?bulan=${b}`));
  const iki = lembar[0].items.find((x) => x.rhk.id === p0.rhk[0].id);
  const disetujui = lembar.map((l, i) => [i, l.items.find((x) => x.iki_id === iki.iki_id)]).filter(([, x]) => x.status === 'disetujui');
  assert.ok(disetujui.length >= 1, 'the demo approved some realisasi of the pegawai');
  const SINGKAT = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
  const baris = page.getByRole('list', { name: 'Capaian IKI pada periode ini — RHK A.1' }).getByRole('listitem').filter({ hasText: iki.indikator });
  await baris.waitFor();   // the capaian is read after the form is drawn (one sheet per month)
  assert.deepEqual(await baris.locator('dt').allInnerTexts(), ['Target', 'Realisasi disetujui', 'Capaian']);
  const sel = await baris.locator('dd').allInnerTexts();
  assert.equal(sel[0], `${Number(iki.target_angka).toLocaleString('id-ID')} ${iki.target_satuan}`, 'target');
  for (const [i, x] of disetujui) assert.ok(sel[1].includes(`${SINGKAT[i]}: ${Number(x.nilai_angka).toLocaleString('id-ID')} ${iki.target_satuan}`), `${SINGKAT[i]} in ${sel[1]}`);
  if (iki.aspek === 'kuantitas') {
    const jumlah = disetujui.reduce((a, [, x]) => a + Number(x.nilai_angka), 0);
    const pct = (Math.round((jumlah / Number(iki.target_angka)) * 10000) / 100).toLocaleString('id-ID', { maximumFractionDigits: 2 });
    assert.equal(sel[2], `${pct}% dari target`);
  }
  // no 360 round opened by this penilai yet: the way to open one
  await page.getByRole('link', { name: 'Buka putaran umpan balik 360 untuk pegawai ini' }).waitFor();

  await page.getByLabel('Umpan balik untuk RHK A.1').fill(UB_RHK);
  await page.getByLabel('Umpan balik untuk perilaku Berorientasi Pelayanan').fill(UB_PERILAKU);
  await page.getByRole('group', { name: 'Rating hasil kerja' }).getByLabel('Di Atas Ekspektasi').check();
  // keyboard: focus a radio and choose it with the space bar
  await page.getByRole('group', { name: 'Rating perilaku kerja' }).getByLabel('Sesuai Ekspektasi').focus();
  await page.keyboard.press('Space');
  assert.equal(await page.getByRole('group', { name: 'Rating perilaku kerja' }).getByLabel('Sesuai Ekspektasi').isChecked(), true);
  // the matrix answers before saving (the server's calculator), marked as not saved yet
  await predikat(page, 'Baik');
  await page.getByText('(menurut matriks, belum disimpan)').waitFor();
  await page.getByLabel('Catatan dan rekomendasi').fill(CATATAN);
  await page.getByRole('button', { name: 'Simpan penilaian' }).click();
  await kabar(page, 'Penilaian disimpan. Predikat: Baik.');
  await page.getByText('Dihitung server dari matriks rating hasil kerja dan rating perilaku kerja.').waitFor();
  await page.locator('.panel-predikat .penjelasan li', { hasText: 'PermenPANRB Nomor 6 Tahun 2022' }).waitFor();
  const p1 = await get(T.kasi, `/api/v1/penilaian/${id}`);
  assert.equal(p1.rating_hasil, 'di_atas');
  assert.equal(p1.rating_perilaku, 'sesuai');
  assert.equal(p1.predikat, 'baik');
  assert.equal(p1.rhk[0].umpan_balik, UB_RHK);
  assert.equal(p1.perilaku[0].umpan_balik, UB_PERILAKU);
  assert.equal(p1.catatan, CATATAN);
  await shot(page, 'form');

  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Finalkan' }).click();
  await status(page, 'Final');
  await kabar(page, 'Penilaian difinalkan.');
  // one pegawai rated Baik in a unit whose predikat organisasi is Baik breaks the pola distribusi: a warning
  await page.getByRole('heading', { name: 'Peringatan pola distribusi unit kerja' }).waitFor();
  await page.getByText(/paling banyak 70% Baik: 1 pegawai, batas 0/).waitFor();
  const p2 = await get(T.kasi, `/api/v1/penilaian/${id}`);
  assert.equal(p2.status, 'final');
  assert.equal(await page.locator('code.kode').innerText(), p2.hash.slice(0, 16));
  assert.equal(await page.locator('textarea').count(), 0, 'a final penilaian is read-only');
  await page.getByText(UB_RHK).waitFor();
  await predikat(page, 'Baik');
  const href = await page.getByRole('link', { name: 'Unduh Dokumen Evaluasi (PDF)' }).getAttribute('href');
  const pdf = await page.request.get(srv.url + href);
  assert.equal(pdf.status(), 200);
  assert.match(pdf.headers()['content-type'], /application\/pdf/);
  assert.equal((await pdf.body()).subarray(0, 4).toString(), '%PDF');
  await shot(page, 'final');
  info.tahunan = id;
  // the list shows it as final with its predikat
  await menu(page, 'Penilaian').click();
  await kartu.locator('.baris-penilaian', { hasText: `Tahunan ${YEAR}` }).getByText('Predikat: Baik').waitFor();
  await selesai(page);
});

test('b) the pegawai files a keberatan; the atasan of the penilai changes the ratings; Sangat Baik', async () => {
  assert.ok(info.tahunan, 'journey a) finalised the annual penilaian');
  let page = await masuk('pegawai');
  await menu(page, 'Penilaian').click();
  await page.getByRole('heading', { name: 'Penilaian kinerja Anda' }).waitFor();
  // each final penilaian has its document; the pegawai's own public feedback link and QR code
  assert.equal(await page.getByRole('link', { name: `Unduh PDF Dokumen Evaluasi Tahunan ${YEAR}` }).getAttribute('href'), `/api/v1/penilaian/${info.tahunan}/dokumen.pdf`);
  await page.getByRole('heading', { name: 'Masukan publik untuk Anda' }).waitFor();
  await page.getByRole('img', { name: `Kode QR tautan masukan publik ${info.me.nama_lengkap}` }).waitFor();
  await page.getByRole('link', { name: `Tahunan ${YEAR}`, exact: true }).click();
  await page.getByRole('heading', { name: `Penilaian Anda — Tahunan ${YEAR}` }).waitFor();
  await status(page, 'Final');
  await predikat(page, 'Baik');
  await page.getByText(UB_RHK).waitFor();
  // the window: 14 days (the instansi's default) after finalisation
  const fin = (await get(T.pegawai, `/api/v1/penilaian/${info.tahunan}`)).difinalkan;
  await page.getByText(new RegExp(`^Keberatan dapat diajukan sampai ${esc(tanggalWib(fin + 14 * 86400))} pukul \\d{2}\\.\\d{2}\\.$`)).waitFor();
  await page.getByRole('button', { name: 'Ajukan keberatan' }).click();
  const alasan = page.getByLabel('Alasan keberatan');
  await alasan.fill('Kurang');
  await page.getByRole('button', { name: 'Kirim keberatan' }).click();
  await page.locator('.galat', { hasText: 'minimal 10 karakter' }).waitFor();
  assert.equal(await alasan.getAttribute('aria-invalid'), 'true');
  await alasan.fill(ALASAN);
  await shot(page, 'keberatan');
  await page.getByRole('button', { name: 'Kirim keberatan' }).click();
  await kabar(page, 'Keberatan diajukan kepada atasan pejabat penilai.');
  await page.locator('#bagian-keberatan .lencana', { hasText: 'Diajukan' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Ajukan keberatan' }).count(), 0, 'one open keberatan at a time');
  await selesai(page);

  page = await masuk('atasan');
  await menu(page, 'Penilaian').click();
  await page.getByRole('heading', { name: '1 keberatan menunggu keputusan Anda' }).waitFor();
  await page.getByRole('link', { name: 'Buka daftar keberatan' }).click();
  await page.getByRole('heading', { name: 'Keberatan', exact: true }).waitFor();
  const kartu = page.locator('li.keberatan', { hasText: ALASAN });
  await kartu.getByText('Predikat penilaian saat ini: Baik').waitFor();
  await kartu.getByRole('button', { name: `Putuskan keberatan ${info.me.nama}` }).click();
  const form = page.getByRole('form', { name: `Putuskan keberatan ${info.me.nama}` });
  await form.getByText('Rating saat ini: hasil kerja Di Atas Ekspektasi, perilaku kerja Sesuai Ekspektasi.').waitFor({ state: 'attached' });
  await form.getByRole('button', { name: 'Kirim keputusan' }).click();
  await form.locator('.galat', { hasText: 'pilih tetap atau ubah' }).waitFor();
  await form.getByRole('group', { name: 'Keputusan' }).getByLabel('Ubah rating penilaian').check();
  await form.getByRole('group', { name: 'Rating hasil kerja' }).getByLabel('Di Atas Ekspektasi').check();
  await form.getByRole('group', { name: 'Rating perilaku kerja' }).getByLabel('Di Atas Ekspektasi').check();
  await form.getByLabel('Alasan keputusan').fill(PUTUSAN);
  await shot(page, 'putusan');
  await form.getByRole('button', { name: 'Kirim keputusan' }).click();
  await kabar(page, 'Keputusan keberatan disimpan; pegawai diberi tahu.');
  await page.getByText('Tidak ada keberatan yang menunggu keputusan Anda.').waitFor();
  await page.locator('li.keberatan', { hasText: PUTUSAN }).locator('.lencana', { hasText: 'Diterima' }).waitFor();
  await selesai(page);

  page = await masuk('pegawai');
  await page.goto(`${srv.url}/#/penilaian/${info.tahunan}`);
  await predikat(page, 'Sangat Baik');
  await page.locator('#bagian-keberatan .lencana', { hasText: 'Diterima' }).waitFor();
  await page.getByText(PUTUSAN).waitFor();
  await page.getByText('Rating diubah: hasil kerja Di Atas Ekspektasi, perilaku kerja Di Atas Ekspektasi.').waitFor();
  const p = await get(T.pegawai, `/api/v1/penilaian/${info.tahunan}`);
  assert.equal(p.predikat, 'sangat_baik');
  assert.equal(await page.locator('code.kode').innerText(), p.hash.slice(0, 16), 'the new content hash');
  await shot(page, 'sangat-baik');
  // a penilaian finalised 20 days ago: the window has passed, no keberatan can be filed
  const lama = (await get(T.pegawai, `/api/v1/penilaian?pegawai_id=${info.me.id}&status=final`)).items.find((x) => x.jenis === 'periodik');
  const dulu = Math.floor(Date.now() / 1000) - 20 * 86400;
  sql(srv, `UPDATE penilaian SET difinalkan = ${dulu} WHERE id = ${lama.id}`);
  await page.goto(`${srv.url}/#/penilaian/${lama.id}`);
  await page.getByText(new RegExp(`^Batas waktu keberatan \\(14 hari setelah penilaian final\\) sudah lewat pada ${esc(tanggalWib(dulu + 14 * 86400))} `)).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Ajukan keberatan' }).count(), 0);
  await selesai(page);
});

test('c) the atasan opens a 360 round for the Kepala Seksi; three bawahan answer; the averages', async () => {
  let page = await masuk('atasan');
  await menu(page, 'Penilaian').click();
  await page.getByRole('heading', { name: 'Tim Anda' }).waitFor();
  await page.locator('details.tim summary').click();
  await page.getByRole('link', { name: `Buka umpan balik 360 untuk ${info.kasi.nama_lengkap}` }).click();
  await page.getByRole('heading', { name: `Buka umpan balik 360 — ${info.kasi.nama_lengkap}` }).waitFor();
  const pilih = (p) => page.getByRole('checkbox', { name: new RegExp(`^${esc(p.nama_lengkap)}`) });
  const [r1, r2, r3] = info.bawahanKasi;
  await pilih(r1).check();
  await pilih(r2).check();
  assert.equal(await page.locator(`#peran-${r1.id}`).inputValue(), 'bawahan', 'a direct bawahan is proposed as bawahan');
  await page.getByText('2 responden dipilih (minimal 3)').waitFor();
  await page.getByRole('button', { name: 'Buka putaran' }).click();
  await page.locator('.galat', { hasText: 'pilih minimal 3 responden' }).waitFor();
  await pilih(r3).check();
  await shot(page, '360-buka');
  await page.getByRole('button', { name: 'Buka putaran' }).click();
  await page.getByRole('heading', { name: `Hasil umpan balik 360 — ${info.kasi.nama_lengkap}` }).waitFor();
  await kabar(page, 'Putaran umpan balik 360 dibuka; responden diberi tahu.');
  await page.getByText('0 dari 3 responden sudah menjawab').waitFor();
  await page.getByText('Hasil ditampilkan setelah minimal 3 responden menjawab').waitFor();
  const rid = Number(page.url().match(/#\/360\/(\d+)$/)[1]);
  await selesai(page);

  const skor = [4, 4, 5];
  for (const [i, r] of info.bawahanKasi.entries()) {
    page = await masuk(r.nip);
    await menu(page, 'Umpan balik 360').click();
    await page.getByRole('heading', { name: 'Umpan balik 360', exact: true }).waitFor();
    await page.getByText(/^Jawaban Anda anonim/).waitFor();
    await page.getByRole('link', { name: `Isi umpan balik untuk ${info.kasi.nama}, putaran ${rid}` }).click();
    await page.getByRole('heading', { name: `Umpan balik 360 untuk ${info.kasi.nama}` }).waitFor();
    await page.getByText(/^Jawaban Anda anonim/).waitFor();
    const groups = page.locator('fieldset.skala');
    assert.equal(await groups.count(), 7);
    for (let n = 0; n < 7; n++) {
      if (i === 0 && n === 6) continue;   // the first one forgets one value: a field error
      await groups.nth(n).getByRole('radio', { name: new RegExp(`^${skor[i]} `) }).check();
    }
    if (i === 0) {
      await page.getByRole('button', { name: 'Kirim jawaban' }).click();
      await page.getByRole('group', { name: '7. Kolaboratif' }).locator('.galat', { hasText: 'wajib: pilih skor 1-5' }).waitFor();
      await groups.nth(6).getByRole('radio', { name: new RegExp(`^${skor[i]} `) }).check();
      await page.getByLabel('Komentar untuk Berorientasi Pelayanan (boleh dikosongkan)').fill(KOMENTAR_360);
      await shot(page, '360-jawab');
    }
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.getByRole('heading', { name: 'Terima kasih. Jawaban Anda terkirim secara anonim.' }).waitFor();
    if (i === 0) {
      // the notice again: answered already, and a respondent never sees the results
      assert.match(page.url(), new RegExp(`#/360/${rid}$`));
      await page.reload();
      await page.getByText(/^Permintaan umpan balik ini sudah Anda jawab/).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Kirim jawaban' }).count(), 0);
    }
    await selesai(page);
  }

  page = await masuk('atasan');
  await menu(page, 'Umpan balik 360').click();
  await page.getByRole('link', { name: `${info.kasi.nama_lengkap} — ${YEAR}` }).click();
  await page.getByRole('heading', { name: `Hasil umpan balik 360 — ${info.kasi.nama_lengkap}` }).waitFor();
  await page.getByText('3 dari 3 responden sudah menjawab').waitFor();
  const row = page.getByRole('row', { name: /1\. Berorientasi Pelayanan/ });
  await row.getByRole('cell', { name: '4,33' }).waitFor();
  await row.getByRole('cell', { name: '3', exact: true }).waitFor();
  await page.getByText(KOMENTAR_360).waitFor();
  const h = await get(T.atasan, `/api/v1/360/${rid}`);
  assert.equal(h.hasil[0].rata_rata, '4.33');
  await shot(page, '360-hasil');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Tutup putaran' }).click();
  await kabar(page, 'Putaran umpan balik 360 ditutup.');
  await status(page, 'Ditutup');
  // the penilaian of the Kepala Seksi (the atasan is their penilai) summarises the round
  const skpKasi = (await get(T.atasan, `/api/v1/skp?pegawai_id=${info.kasi.id}&tahun=${YEAR}`)).items.find((x) => x.status === 'disetujui');
  const pk = await call(srv, 'POST', `/api/v1/skp/${skpKasi.id}/penilaian`, { token: T.atasan, body: { jenis: 'periodik', periode_ke: 1 } });
  assert.ok(pk.status === 201 || pk.status === 200, pk.text);
  await page.goto(`${srv.url}/#/penilaian/${pk.json.id}`);
  const ringkas = page.getByRole('region', { name: 'Umpan balik 360' });
  await ringkas.getByText(`Putaran ${YEAR}: 3 dari 3 responden menjawab.`).waitFor();
  await ringkas.getByText('Berorientasi Pelayanan 4,33').waitFor();
  await selesai(page);
});

test('d) pimpinan sets a unit\'s predikat organisasi and reads its curve (chart and table) and public feedback', async () => {
  const page = await masuk('pimpinan');
  await menu(page, 'Status SKP').click();
  await page.getByRole('link', { name: 'Predikat organisasi dan kurva per unit kerja' }).click();
  await page.getByRole('heading', { name: 'Unit kerja', exact: true }).waitFor();
  await page.getByRole('link', { name: info.unit.nama, exact: true }).click();
  await page.getByRole('heading', { name: info.unit.nama, exact: true }).waitFor();
  await page.getByText(`Predikat organisasi ${YEAR}: Baik`).waitFor();
  await page.getByLabel('Predikat organisasi', { exact: true }).selectOption('istimewa');
  await page.getByLabel('Alasan / dasar penetapan (mis. capaian Perjanjian Kinerja)').fill('Capaian Perjanjian Kinerja 112%');
  await page.getByRole('button', { name: 'Simpan predikat organisasi' }).click();
  await kabar(page, 'Predikat organisasi disimpan.');
  await page.getByText(`Predikat organisasi ${YEAR}: Istimewa`).waitFor();
  const k = await get(T.pimpinan, `/api/v1/unit-kerja/${info.unit.id}/kurva?tahun=${YEAR}`);
  assert.equal(k.predikat_organisasi, 'istimewa');
  assert.equal(k.jumlah.sangat_baik, 1, 'the annual penilaian of journeys a) and b)');
  // the chart: an image with a name, five bars; the same numbers in a table
  const chart = page.getByRole('img', { name: new RegExp(`^Jumlah pegawai per predikat, ${esc(info.unit.nama)} ${YEAR}`) });
  await chart.waitFor();
  assert.equal(await page.locator('svg.grafik rect.batang').count(), 5);
  const tabel = page.getByRole('table', { name: 'Data grafik' });
  const label = { sangat_kurang: 'Sangat Kurang', kurang: 'Kurang/Misconduct', butuh_perbaikan: 'Butuh Perbaikan', baik: 'Baik', sangat_baik: 'Sangat Baik' };
  for (const [kode, nama] of Object.entries(label)) {
    const cells = await tabel.getByRole('row', { name: new RegExp(`^${esc(nama)} `) }).getByRole('cell').allInnerTexts();
    assert.equal(cells[0], String(k.jumlah[kode]), nama);
  }
  assert.deepEqual(await page.locator('svg.grafik .label-batang').allTextContents(),
    ['SangatKurang', 'Kurang/Misconduct', 'ButuhPerbaikan', 'Baik', 'SangatBaik'], 'x axis: worst to best');
  if (k.patuh === false) await page.getByText(`Tidak sesuai pola distribusi: ${k.pelanggaran.length} aturan dilanggar.`).waitFor();
  else await page.getByText('Sesuai pola distribusi.').waitFor();
  // the public feedback link with its QR code
  const tautan = page.locator('a.tautan-masukan');
  await tautan.waitFor();
  assert.match(await tautan.innerText(), /\/masukan\.html#[0-9a-f]{32}$/);
  const qr = page.getByRole('img', { name: `Kode QR tautan masukan publik ${info.unit.nama}` });
  await qr.waitFor();
  await page.waitForFunction(() => { const i = document.querySelector('.qr img'); return i && i.complete && i.naturalWidth > 0; });
  await page.getByText('Belum ada masukan.').waitFor();
  await shot(page, 'kurva');

  // the demo's unit whose annual predikat break its pola distribusi: the broken rules as a table
  const langgar = JSON.parse(sql(srv, "SELECT n.unit_kerja_id AS id, u.nama FROM penilaian n JOIN unit_kerja u ON u.id = n.unit_kerja_id WHERE n.jenis = 'tahunan' AND n.status = 'final' AND n.unit_kerja_id <> " + info.unit.id + ' LIMIT 1'))[0];
  const kl = await get(T.pimpinan, `/api/v1/unit-kerja/${langgar.id}/kurva?tahun=${YEAR}`);
  assert.equal(kl.patuh, false, 'the demo unit breaks its pola distribusi');
  await page.getByRole('link', { name: 'Unit kerja', exact: true }).first().click();
  await page.getByRole('link', { name: langgar.nama, exact: true }).click();
  await page.getByRole('heading', { name: langgar.nama, exact: true }).waitFor();
  await page.getByText(`Tidak sesuai pola distribusi: ${kl.pelanggaran.length} aturan dilanggar.`).waitFor();
  const tl = page.getByRole('table', { name: 'Aturan pola distribusi yang dilanggar' });
  await tl.waitFor();
  const rows = tl.locator('tbody tr');
  assert.equal(await rows.count(), kl.pelanggaran.length);
  for (const [i, v] of kl.pelanggaran.entries()) {
    assert.equal(await rows.nth(i).locator('th').innerText(), v.aturan);
    assert.deepEqual(await rows.nth(i).locator('td').allInnerTexts(), [String(v.jumlah), String(v.batas)]);
  }
  assert.ok(kl.pelanggaran.some((v) => v.aturan === 'paling banyak 70% Baik'), 'the demo gives everyone Baik');
  // the chart's table has the same counts
  const cells = await page.getByRole('table', { name: 'Data grafik' }).getByRole('row', { name: /^Baik / }).getByRole('cell').allInnerTexts();
  assert.equal(cells[0], String(kl.jumlah.baik));
  // the QR code as a PNG to download
  const png = await page.getByRole('link', { name: 'Unduh kode QR (PNG)' }).getAttribute('href');
  const r = await page.request.get(srv.url + png);
  assert.equal(r.status(), 200);
  assert.match(r.headers()['content-type'], /image\/png/);
  assert.deepEqual([...(await r.body()).subarray(1, 4)], [0x50, 0x4e, 0x47]);
  await shot(page, 'kurva-langgar');
  await selesai(page);
});

test('e) the calculator: predikat, pola distribusi, angka kredit and PP 30 with their explanations', async () => {
  const page = await masuk('pegawai');
  await menu(page, 'Kalkulator').click();
  await page.getByRole('heading', { name: 'Kalkulator penilaian' }).waitFor();
  const pred = page.getByRole('region', { name: 'Predikat kinerja pegawai (matriks)' });
  await pred.getByLabel('Rating hasil kerja').selectOption('di_bawah');
  await pred.getByLabel('Rating perilaku kerja').selectOption('sesuai');
  await pred.getByRole('button', { name: 'Hitung' }).click();
  await pred.locator('.predikat-nilai strong', { hasText: 'Butuh Perbaikan' }).waitFor();
  await pred.locator('.penjelasan li', { hasText: 'PermenPANRB Nomor 6 Tahun 2022' }).waitFor();

  const kurva = page.getByRole('region', { name: 'Pola distribusi (kurva) unit kerja' });
  await kurva.getByLabel('Predikat organisasi').selectOption('baik');
  await kurva.getByLabel('Baik', { exact: true }).fill('8');
  await kurva.getByLabel('Butuh Perbaikan', { exact: true }).fill('2');
  await kurva.getByRole('button', { name: 'Hitung' }).click();
  await kurva.getByText('Tidak sesuai: 1 aturan dilanggar.').waitFor();
  await kurva.getByText('paling banyak 70% Baik: 8 pegawai, batas 7').waitFor();
  await kurva.getByRole('img', { name: /^Jumlah pegawai per predikat/ }).waitFor();

  const ak = page.getByRole('region', { name: 'Angka kredit jabatan fungsional' });
  await ak.getByLabel('Jenjang').selectOption('ahli_pertama');
  const p1 = ak.getByRole('group', { name: 'Periode 1' });
  await p1.getByLabel('Dari bulan').fill('2023-01');
  await p1.getByLabel('Sampai bulan').fill('2023-12');
  await p1.getByLabel('Predikat').selectOption('sangat_baik');
  await ak.getByRole('button', { name: 'Tambah periode' }).click();
  const p2 = ak.getByRole('group', { name: 'Periode 2' });
  await p2.getByLabel('Dari bulan').fill('2024-01');
  await p2.getByLabel('Sampai bulan').fill('2024-02');
  await ak.getByRole('button', { name: 'Hitung' }).click();
  await ak.locator('.predikat-nilai strong', { hasText: '20,83' }).waitFor();
  await ak.getByText('kebutuhan 50, kekurangan 29,17').waitFor();

  const pp = page.getByRole('region', { name: 'Nilai kinerja PP 30/2019' });
  await pp.getByLabel('Nilai SKP (0-120)').fill('130');
  await pp.getByLabel('Nilai perilaku kerja (0-100)').fill('80');
  await pp.getByRole('button', { name: 'Hitung' }).click();
  await pp.locator('.galat').first().waitFor();
  assert.equal(await pp.getByLabel('Nilai SKP (0-120)').getAttribute('aria-invalid'), 'true');
  await pp.getByLabel('Nilai SKP (0-120)').fill('100');
  await pp.getByLabel('Perilaku dinilai 360 derajat (rekan dan bawahan)').check();
  await pp.getByRole('button', { name: 'Hitung' }).click();
  await pp.getByText('Nilai kinerja 92,00, predikat').waitFor();
  await pp.locator('.predikat-nilai strong', { hasText: 'Baik' }).waitFor();
  await shot(page, 'kalkulator');
  await selesai(page);
});

test('f) angka kredit: a JF pegawai reads their ledger; a pelaksana is told politely', async () => {
  const jf = JSON.parse(sql(srv, `SELECT p.id, p.nip FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id
    WHERE j.jenis = 'fungsional' AND EXISTS (SELECT 1 FROM penilaian n WHERE n.pegawai_id = p.id AND n.status = 'final' AND n.jenis = 'periodik')
    ORDER BY p.id LIMIT 1`))[0];
  assert.ok(jf, 'the demo has a JF pegawai with final periodic penilaian');
  const led = await get(tokenFor(srv, jf.nip), `/api/v1/pegawai/${jf.id}/angka-kredit`);
  let page = await masuk(jf.nip);
  await menu(page, 'Angka kredit').click();
  await page.getByRole('heading', { name: 'Angka kredit', exact: true }).waitFor();
  await page.getByText(`Jenjang: ${led.jenjang_label}`).waitFor();
  const rows = page.locator('table.tabel-ak tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), led.rincian.length);
  const total = Number(led.total).toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  await page.locator('table.tabel-ak tfoot', { hasText: total }).waitFor();
  await page.locator('ul.penjelasan li', { hasText: 'PermenPANRB Nomor 1 Tahun 2023' }).first().waitFor();
  await shot(page, 'angka-kredit');
  await selesai(page);

  page = await masuk('pegawai');
  assert.equal(await menu(page, 'Angka kredit').isVisible(), false, 'no menu item outside a jabatan fungsional');
  await page.goto(`${srv.url}/#/angka-kredit`);
  await page.getByText('Angka kredit hanya dihitung untuk pegawai dalam jabatan fungsional.').waitFor();
  await page.getByText(/bukan|hanya untuk pegawai dalam jabatan fungsional/).first().waitFor();
  await selesai(page);
});

test('g) when the instansi blocks a broken pola distribusi, finalising is refused with the rules; the draft is kept', async () => {
  // predikat organisasi Baik needs at least one Butuh Perbaikan or Kurang: one more Baik breaks it
  assert.equal((await call(srv, 'PUT', `/api/v1/unit-kerja/${info.unit.id}/predikat-organisasi`, { token: T.pimpinan, body: { tahun: YEAR, predikat: 'baik' } })).status, 200);
  assert.equal((await call(srv, 'PATCH', '/api/v1/pengaturan', { token: T.admin, body: { kurva_mode: 'blokir' } })).status, 200);
  const lain = info.bawahanKasi.find((b) => b.id !== info.me.id && b.unit_kerja.id === info.unit.id);
  assert.ok(lain, 'another bawahan of the Kepala Seksi in the same unit');
  const skp = (await get(T.kasi, `/api/v1/skp?pegawai_id=${lain.id}&tahun=${YEAR}`)).items.find((x) => x.status === 'disetujui');
  const page = await masuk(info.kasi.nip);
  await menu(page, 'Penilaian').click();
  const kartu = page.locator('.kartu-skp-dinilai', { hasText: lain.nip });
  await kartu.getByLabel(`Periode penilaian untuk ${lain.nama_lengkap}`).selectOption('tahunan');
  await kartu.getByRole('button', { name: `Mulai penilaian ${lain.nama_lengkap}` }).click();
  await page.getByRole('heading', { name: `Penilaian ${lain.nama} — Tahunan ${YEAR}` }).waitFor();
  await page.getByRole('group', { name: 'Rating hasil kerja' }).getByLabel('Sesuai Ekspektasi').check();
  await page.getByRole('group', { name: 'Rating perilaku kerja' }).getByLabel('Sesuai Ekspektasi').check();
  await predikat(page, 'Baik');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Finalkan' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Penilaian belum dapat difinalkan' });
  await alert.waitFor();
  await alert.getByRole('listitem').filter({ hasText: /^paling sedikit 1 pegawai Butuh Perbaikan dan\/atau Kurang\/Misconduct \(0, batas 1\)$/ }).waitFor();
  await status(page, 'Draf');
  await shot(page, 'diblokir');
  const p = (await get(T.kasi, `/api/v1/penilaian?penilai=saya&pegawai_id=${lain.id}&tahun=${YEAR}`)).items.find((x) => x.jenis === 'tahunan');
  assert.equal(p.status, 'draft', 'not finalised');
  assert.equal(p.predikat, 'baik', 'the ratings were saved');
  assert.equal(p.skp_id, skp.id);
  await selesai(page);
});
