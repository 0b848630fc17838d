// Journeys through the TPP / tunjangan kinerja screens (issue 9) on a phone-sized screen: the
// admin creates a table from the regional preset, enters an amount for a kelas, gets the field
// error of an overlapping deduction row next to that row's field, fixes it and runs the what-if
// against the demo's computed month; the admin opens that month, one pegawai's explanation (a
// deduction line with its rule code and date), records and deletes a sanction, recomputes, and
// approves with the confirm dialog (then the month shows "Disetujui" and its hash, and can no
// longer be recomputed: the clear 409 message); the demo pegawai opens "TPP saya" and sees the
// total and the explanation, the atasan opens a bawahan's, and another pegawai's page by URL is
// refused with no data.  Every step waits for text or roles, never for time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { startServer, call, tokenFor, sql, TOP, PASSWORD } from '../api/lib.mjs';
import { launch, hilang } from './browser.mjs';

process.env.TZ = 'Asia/Jakarta';

let srv, ctx;
const T = {};
const info = {};
mkdirSync(join(TOP, 'tests/artifacts'), { recursive: true });
const shot = (page, name) => page.screenshot({ path: join(TOP, 'tests/artifacts', `tpp-${name}.png`), fullPage: true });
const get = async (tok, path) => (await call(srv, 'GET', path, { token: tok })).json;
const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const rupiah = (n) => `${n < 0 ? '−' : ''}Rp${Math.abs(n).toLocaleString('id-ID')}`;
const selisih = (n) => (n > 0 ? `+${rupiah(n)}` : rupiah(n));
const tanggalHari = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${HARI[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ${d} ${BULAN[m - 1]} ${y}`;
};

before(async () => {
  srv = await startServer({ pegawai: 40 });
  ctx = await launch();
  for (const r of ['pegawai', 'admin']) T[r] = tokenFor(srv, r);
  const bulan = (await get(T.admin, '/api/v1/tpp/bulan')).items;
  assert.ok(bulan.length >= 1 && bulan[0].status === 'draft', 'the demo has a computed draft month');
  info.bulan = bulan[0];
  info.ym = `${bulan[0].tahun}-${String(bulan[0].bulan).padStart(2, '0')}`;
  info.namaBulan = `${BULAN[bulan[0].bulan - 1]} ${bulan[0].tahun}`;
  info.me = (await get(T.pegawai, '/api/v1/auth/me')).pegawai;
  info.hasil = await get(T.pegawai, `/api/v1/pegawai/${info.me.id}/tpp?bulan=${info.ym}`);
  assert.ok(info.hasil.rincian.baris.length >= 1, 'the demo pegawai has deduction lines');
  // a pegawai the account 'pegawai' may not read: not itself, not its atasan chain
  info.lain = JSON.parse(sql(srv, `SELECT id, nip, nama FROM pegawai WHERE instansi_id = 1 AND aktif = 1 AND id <> ${info.me.id}
    AND id <> ${info.me.atasan ? info.me.atasan.id : 0} AND COALESCE(atasan_id, 0) <> ${info.me.id} ORDER BY id DESC LIMIT 1`))[0];
  assert.equal((await call(srv, 'GET', `/api/v1/pegawai/${info.lain.id}/tpp?bulan=${info.ym}`, { token: T.pegawai })).status, 403);
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
const kabar = (page, text) => page.locator('#kabar', { hasText: text }).waitFor();
const h2 = (page, name) => page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
async function selesai(page) {
  assert.deepEqual(page.errors, [], 'no script errors');
  await page.close();
}

test('1) the admin creates a table from the preset, fixes an overlapping deduction row, and runs the what-if', async () => {
  const page = await masuk('admin');
  await menu(page, 'Administrasi').click();
  await h2(page, 'Administrasi');
  await page.getByRole('link', { name: 'TPP / tunjangan kinerja' }).click();
  await h2(page, 'TPP / tunjangan kinerja');
  // the demo's tables: the active one and the draft proposal
  await page.locator('.daftar-aturan li', { hasText: 'TPP Pemkab Sukamaju (contoh)' }).getByText('Aktif').waitFor();
  await page.getByLabel('Nama tabel').fill('TPP uji e2e');
  await page.getByRole('group', { name: 'Isi awal' }).getByLabel('Tabel bawaan').check();
  await page.getByRole('button', { name: 'Buat tabel' }).click();
  await h2(page, 'Tabel TPP: TPP uji e2e');
  await kabar(page, 'dibuat sebagai draf');
  const id = Number(/aturan\/(\d+)/.exec(page.url())[1]);
  // an amount for kelas 9, formatted the Indonesian way
  const kelas9 = page.getByLabel('Kelas 9', { exact: true });
  await kelas9.fill('3600000');
  await kelas9.blur();
  assert.equal(await kelas9.inputValue(), '3.600.000');
  // TL2 starting at minute 20 overlaps TL1 (1-30): the error sits next to TL2's "Menit dari"
  const tl2 = page.getByRole('group', { name: 'Baris 2: TL2' });
  await tl2.getByLabel('Menit dari').fill('20');
  await page.getByRole('button', { name: 'Simpan tabel' }).click();
  const dari = tl2.locator('input[data-name="menit_dari"]');
  await tl2.locator('input[data-name="menit_dari"][aria-invalid="true"] + .galat', { hasText: 'tumpang tindih' }).waitFor();
  await page.getByRole('alert').filter({ hasText: 'Baris 2: TL2 — Menit dari' }).waitFor();
  await shot(page, 'aturan-galat');
  let t = await get(T.admin, `/api/v1/tpp/aturan/${id}`);
  assert.deepEqual(t.aturan.besaran_kelas, {}, 'nothing saved');
  await dari.fill('31');
  await page.getByRole('button', { name: 'Simpan tabel' }).click();
  await kabar(page, 'Tabel disimpan.');
  assert.equal(await page.locator('.form-aturan .galat').count(), 0, 'the error is gone');
  t = await get(T.admin, `/api/v1/tpp/aturan/${id}`);
  assert.equal(t.aturan.besaran_kelas['9'], 3600000);
  assert.equal(t.aturan.potongan[1].menit_dari, 31);
  // a row added and removed again leaves the table as it was
  await page.getByRole('button', { name: 'Tambah baris potongan' }).click();
  await page.getByRole('group', { name: 'Baris 12' }).getByLabel('Kode').waitFor();
  await page.getByRole('button', { name: 'Hapus baris 12' }).click();
  await hilang(page.getByRole('group', { name: /^Baris 12/ }));
  // what-if against the demo's computed month (the default month of the form)
  const sim = page.getByRole('form', { name: 'Simulasi biaya (what-if)' });
  assert.equal(await sim.getByLabel('Bulan simulasi').inputValue(), info.ym);
  await sim.getByRole('button', { name: 'Simulasikan' }).click();
  const s = (await call(srv, 'POST', `/api/v1/tpp/aturan/${id}/simulasi`, { token: T.admin, body: { bulan: info.ym } })).json;
  assert.equal(s.jumlah_sekarang, info.bulan.jumlah);
  await sim.locator('.selisih-tpp strong', { hasText: selisih(s.selisih) }).waitFor();
  await sim.getByText(rupiah(s.jumlah_sekarang), { exact: true }).first().waitFor();
  await sim.getByRole('table', { name: 'Selisih per unit kerja' }).getByRole('row').nth(1).waitFor();
  await shot(page, 'simulasi');
  // activated from a later month (confirmed), the table becomes read-only; a copy is a new draft
  const akt = page.getByRole('form', { name: 'Aktifkan tabel' });
  await akt.getByLabel('Berlaku mulai bulan').fill('2027-01');
  let pesan = '';
  page.once('dialog', (d) => { pesan = d.message(); d.accept(); });
  await akt.getByRole('button', { name: 'Aktifkan' }).click();
  await kabar(page, 'Tabel diaktifkan mulai Januari 2027.');
  assert.match(pesan, /tidak dapat diubah lagi/);
  await page.locator('.status-baris .lencana', { hasText: 'Aktif' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Simpan tabel' }).count(), 0, 'an active table is read-only');
  await page.getByRole('table', { name: 'Besaran per kelas jabatan' }).getByRole('row').filter({ hasText: 'Rp3.600.000' }).waitFor();
  await page.getByRole('button', { name: 'Salin untuk diubah' }).click();
  await h2(page, 'Tabel TPP: TPP uji e2e (salinan)');
  assert.equal(await page.getByLabel('Kelas 9', { exact: true }).inputValue(), '3.600.000');
  await selesai(page);
});

test('2) the admin opens the computed month, a pegawai\'s explanation, recomputes and approves it', async () => {
  const page = await masuk('admin');
  await menu(page, 'TPP').click();
  await h2(page, 'TPP saya');
  await page.getByRole('link', { name: 'Kelola TPP instansi' }).click();
  await h2(page, 'TPP / tunjangan kinerja');
  await page.getByRole('table', { name: 'Bulan TPP yang sudah dihitung' }).getByRole('link', { name: info.namaBulan }).click();
  await h2(page, `TPP ${info.namaBulan}`);
  await page.getByText(`${info.bulan.pegawai} pegawai, jumlah ${rupiah(info.bulan.jumlah)}`).waitFor();
  // the pegawai's unit only, largest first
  await page.getByLabel('Unit kerja', { exact: true }).selectOption(String(info.me.unit_kerja.id));
  await page.getByLabel('Urutkan', { exact: true }).selectOption('jumlah_turun');
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await page.getByText('Jumlah yang ditampilkan').waitFor();
  const tabel = page.getByRole('table', { name: `Hasil TPP per pegawai, ${info.namaBulan}` });
  const jumlah = await tabel.locator('tbody td.angka strong').allInnerTexts();
  const angka = jumlah.map((x) => Number(x.replace(/\D/g, '')));
  assert.deepEqual(angka, [...angka].sort((a, b) => b - a), 'sorted by total, largest first');
  await tabel.getByRole('link', { name: info.me.nama }).click();
  await h2(page, `TPP ${info.me.nama} — ${info.namaBulan}`);
  // a deduction line: its day in id-ID, the rule code, the rupiah
  const b0 = info.hasil.rincian.baris[0];
  const hari = page.locator(`.hari-tpp > li[data-tanggal="${b0.tanggal}"]`);
  await hari.getByRole('heading', { name: tanggalHari(b0.tanggal) }).waitFor();
  await hari.locator('code.kode', { hasText: b0.kode }).first().waitFor();
  assert.match(b0.kode, /^(TL|PSW|TK|TAM|TAP)/);
  await page.getByText(rupiah(info.hasil.jumlah), { exact: true }).waitFor();
  await page.getByRole('heading', { name: 'Cara menghitung' }).waitFor();
  await shot(page, 'rincian-admin');
  // a sanction: chosen from the table's kinds, recorded, then deleted again (confirmed)
  const form = page.getByRole('form', { name: 'Sanksi disiplin' });
  await form.getByLabel('Jenis sanksi (dari tabel aturan)').selectOption({ label: 'HDS1: 25% × 6 bulan' });
  assert.equal(await form.getByLabel('Potongan (%)').inputValue(), '25');
  await form.getByLabel('Keterangan (mis. nomor SK)').fill('SK 800/12/2026');
  await form.getByRole('button', { name: 'Catat sanksi' }).click();
  await kabar(page, 'Sanksi dicatat.');
  const item = page.locator('li', { hasText: 'SK 800/12/2026' });
  await item.waitFor();
  const nSanksi = () => JSON.parse(sql(srv, `SELECT COUNT(*) AS n FROM tpp_sanksi WHERE pegawai_id = ${info.me.id}`))[0].n;
  assert.equal(nSanksi(), 1);
  page.once('dialog', (d) => d.accept());
  await item.getByRole('button', { name: /^Hapus sanksi/ }).click();
  await kabar(page, 'Sanksi dihapus.');
  assert.equal(nSanksi(), 0);
  // back to the month: recompute, then approve with the confirm dialog
  await page.getByRole('link', { name: `← TPP ${info.namaBulan}` }).click();
  await h2(page, `TPP ${info.namaBulan}`);
  await page.getByRole('button', { name: 'Hitung ulang' }).click();
  await kabar(page, 'Bulan ini dihitung ulang.');
  let pesan = '';
  page.once('dialog', (d) => { pesan = d.message(); d.accept(); });
  await page.getByRole('button', { name: 'Setujui & kunci' }).click();
  await kabar(page, `TPP ${info.namaBulan} disetujui dan dikunci.`);
  assert.match(pesan, /TIDAK DAPAT dihitung ulang/);
  const m = await get(T.admin, `/api/v1/tpp/bulan/${info.bulan.id}?limit=1`);
  assert.equal(m.status, 'disetujui');
  await page.locator('.status-baris .lencana', { hasText: 'Disetujui' }).waitFor();
  await page.locator('.hash-tpp code', { hasText: m.hash }).waitFor();
  assert.match(m.hash, /^[0-9a-f]{64}$/);
  assert.equal(await page.getByRole('button', { name: 'Hitung ulang' }).count(), 0, 'no recompute on a locked month');
  assert.equal(await page.getByRole('button', { name: 'Setujui & kunci' }).count(), 0);
  await page.getByText('Bulan ini sudah disetujui dan dikunci; tidak dapat dihitung ulang.').waitFor();
  // back from the explanation the month kept its unit filter: the payroll list of that unit (by keyboard)
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh daftar nominatif unit ini (XLSX)' }).press('Enter')]);
  assert.equal(xlsx.suggestedFilename(), `nominatif-tpp-${info.ym}-unit-${info.me.unit_kerja.id}.xlsx`);
  await shot(page, 'bulan-disetujui');
  // asking for the locked month again from the hub: the API's 409, said clearly
  await page.getByRole('link', { name: '← TPP instansi' }).click();
  await h2(page, 'TPP / tunjangan kinerja');
  await page.getByRole('table', { name: 'Bulan TPP yang sudah dihitung' }).getByRole('row').filter({ hasText: info.namaBulan }).getByText('Disetujui').waitFor();
  await page.getByLabel('Bulan', { exact: true }).fill(info.ym);
  await page.getByRole('button', { name: 'Hitung bulan' }).click();
  const alert = page.getByRole('alert').filter({ hasText: /./ });
  await alert.waitFor();
  assert.ok((await alert.innerText()).length > 10, await alert.innerText());
  assert.equal((await get(T.admin, `/api/v1/tpp/bulan/${info.bulan.id}?limit=1`)).hash, m.hash, 'nothing changed');
  await selesai(page);
});

test('3) the pegawai sees their own TPP; the atasan opens a bawahan\'s; another pegawai\'s page is refused', async () => {
  const page = await masuk('pegawai');
  await menu(page, 'TPP').click();
  await h2(page, 'TPP saya');
  await page.goto(`${srv.url}/#/tpp?bulan=${info.ym}`);
  await h2(page, 'TPP saya');
  const h = await get(T.pegawai, `/api/v1/pegawai/${info.me.id}/tpp?bulan=${info.ym}`);
  const jumlah = page.locator('.jumlah-tpp');
  await jumlah.getByText(rupiah(h.jumlah), { exact: true }).waitFor();
  await page.locator('.jumlah-tpp', { hasText: 'Jumlah diterima' }).waitFor();
  const b0 = h.rincian.baris[0];
  await page.locator(`.hari-tpp > li[data-tanggal="${b0.tanggal}"]`).getByRole('heading', { name: tanggalHari(b0.tanggal) }).waitFor();
  await page.getByText(h.rincian.asal_predikat).waitFor();
  await page.getByText(h.rincian.penjelasan[0]).waitFor();
  await page.locator('.status-baris .lencana', { hasText: 'Disetujui' }).waitFor();
  await shot(page, 'tpp-saya');
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh slip TPP (PDF)' }).click()]);
  assert.match(pdf.suggestedFilename(), new RegExp(`^slip-tpp-${info.me.nip}-.*\\.pdf$`));
  // a month that was not computed: the empty state
  await page.getByRole('button', { name: 'Bulan sebelumnya' }).click();
  await page.getByText(/belum dihitung\.$/).waitFor();
  // another pegawai's TPP typed into the address bar
  await page.goto(`${srv.url}/#/pegawai/${info.lain.id}/tpp?bulan=${info.ym}`);
  await h2(page, 'Akses ditolak');
  await page.getByRole('alert').filter({ hasText: 'Anda tidak berhak melihat data pegawai ini.' }).waitFor();
  assert.equal(await page.locator('.hasil-tpp').count(), 0, 'no TPP shown');
  assert.equal(await page.getByText(info.lain.nip).count(), 0, 'not even the NIP');
  // the admin screens are not for a pegawai
  await page.goto(`${srv.url}/#/admin/tpp`);
  await h2(page, 'Akses ditolak');
  await selesai(page);
  // the atasan: the bawahan's TPP from "TPP saya"
  const atasan = await masuk(info.me.atasan.nip);
  await atasan.goto(`${srv.url}/#/tpp?bulan=${info.ym}`);
  await h2(atasan, 'TPP saya');
  await atasan.getByRole('region', { name: 'TPP bawahan' }).getByRole('link', { name: info.me.nama_lengkap }).click();
  await h2(atasan, `TPP ${info.me.nama_lengkap}`);
  await atasan.locator('.jumlah-tpp').getByText(rupiah(h.jumlah), { exact: true }).waitFor();
  await selesai(atasan);
});
