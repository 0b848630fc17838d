// latihan.js: #/latihan (and #/admin/latihan), the training sandbox (issue 14).  Everyone of an
// instansi that has one may enter it in a practice role; the admin creates it (generated in
// the request, a spinner meanwhile), resets it and removes it, each after a confirmation.
// Inside the sandbox the screen says so and offers the way out (the banner does too).
import { api, setCsrf } from './api.js';
import { waktuUnix } from './teks.js';
import { el, alertBox, showProblem, announce, labelled, nextId } from './ui.js';
import { TL } from './teks-latihan.js';
import { keluarLatihan } from './latihan-spanduk.js';
import { kosong } from './kosong.js';

export async function latihan(root, ctx) {
  const box = alertBox();
  const isi = el('div');
  const proses = el('p', { class: 'memuat', role: 'status', hidden: true });
  root.append(el('h2', {}, TL.judul), el('p', { class: 'ket' }, TL.ket), box, proses, isi);
  const admin = ctx.me.pengguna.peran.includes('admin');

  if (ctx.me.latihan && ctx.me.latihan.aktif) {
    const b = el('button', { type: 'button', on: { click: async () => {
      b.disabled = true;
      try { await keluarLatihan(); } catch (e) { showProblem(box, e); b.disabled = false; }
    } } }, TL.keluar);
    isi.append(el('p', {}, TL.dalamLatihan), b);
    return;
  }

  async function jalankan(tombol, pesanProses, kerja) {
    tombol.disabled = true;
    proses.textContent = pesanProses;
    proses.hidden = false;
    root.setAttribute('aria-busy', 'true');
    const t0 = performance.now();
    try { return [await kerja(), ((performance.now() - t0) / 1000).toFixed(1)]; }
    catch (e) { showProblem(box, e); return [null, 0]; }
    finally { proses.hidden = true; root.removeAttribute('aria-busy'); tombol.disabled = false; }
  }

  async function gambar(pesan) {
    const s = await api('GET', '/api/v1/latihan');
    isi.replaceChildren();
    if (!s.ada) {
      isi.append(kosong(TL.belumAda));
      if (!admin) { isi.append(el('p', {}, TL.mintaAdmin)); return; }
      const buat = el('button', { type: 'button', on: { click: async () => {
        const [r, detik] = await jalankan(buat, TL.membuat, () => api('POST', '/api/v1/latihan'));
        if (r) await gambar(TL.dibuatDalam(detik.replace('.', ',')));
      } } }, TL.buat);
      isi.append(buat);
      if (pesan) announce(pesan);
      return;
    }
    const inst = s.instansi;
    isi.append(el('div', { class: 'kartu kartu-latihan' },
      el('p', {}, el('strong', {}, inst.nama)),
      el('p', { class: 'ket' }, TL.ringkas(inst.pegawai, inst.unit_kerja)),
      el('p', { class: 'ket' }, TL.dibuatPada(waktuUnix(inst.dibuat)))));
    const id = nextId('peran');
    const pilih = el('select', { id, name: 'peran' }, s.peran.map((p) => el('option', { value: p, selected: p === s.peran_cermin }, TL.peran[p] || p)));
    const masuk = el('button', { type: 'button', on: { click: async () => {
      const [r] = await jalankan(masuk, TL.masuk, () => api('POST', '/api/v1/latihan/masuk', { peran: pilih.value }));
      if (!r) return;
      setCsrf(r.csrf_token);
      location.hash = '#/';
      location.reload();
    } } }, TL.masuk);
    isi.append(el('div', { class: 'baris-form' }, ...labelled(TL.peranLabel, pilih, TL.peranKet)), masuk,
      el('p', { class: 'ket' }, TL.caraKerja));
    if (admin) {
      const ulang = el('button', { type: 'button', class: 'kedua', on: { click: async () => {
        if (!window.confirm(TL.konfirmasiAturUlang)) return;
        const [r] = await jalankan(ulang, TL.mengaturUlang, () => api('POST', '/api/v1/latihan/reset', { konfirmasi: true }));
        if (r) await gambar(TL.diaturUlang);
      } } }, TL.aturUlang);
      const hapus = el('button', { type: 'button', class: 'bahaya', on: { click: async () => {
        if (!window.confirm(TL.konfirmasiHapus)) return;
        const [r] = await jalankan(hapus, TL.menghapus, () => api('DELETE', '/api/v1/latihan', { konfirmasi: true }).then(() => true));
        if (r) await gambar(TL.dihapus);
      } } }, TL.hapus);
      isi.append(el('p', { class: 'aksi' }, ulang, ' ', hapus));
    }
    if (pesan) announce(pesan);
  }
  await gambar();
}
