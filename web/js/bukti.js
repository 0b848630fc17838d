// bukti.js: the "Bukti dukung" part of a realisasi (or an activity): the attached evidence
// (name, type, size, date, download), and for the owner an upload (phone camera or files, with
// progress and the server's message at the field), a link as evidence and deletion.
import { api, unggah } from './api.js';
import { T, tanggalUnix, angka } from './teks.js';
import { el, fill, labelled, alertBox, showAlert, showProblem, announce, busy, nextId } from './ui.js';

const JENIS = {
  'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
};

/** 182344 → "178 KB"; 2621440 → "2,5 MB" (id-ID). */
export function ukuranBerkas(b) {
  const n = Number(b) || 0;
  if (n >= 1048576) return `${angka(Math.round((n / 1048576) * 10) / 10)} MB`;
  if (n >= 1024) return `${angka(Math.round(n / 1024))} KB`;
  return `${angka(n)} byte`;
}

/** The caller's quota and limits ({terpakai_bytes, kuota_bytes, maks_berkas_bytes}), or null. */
export async function muatKuota() {
  try { return (await api('GET', '/api/v1/bukti?limit=1')).kuota || null; } catch { return null; }
}

/**
 * The part for one realisasi (`realisasiId`), activity (`aktivitasId`) or innovation (`inovasiId`).  `ubah`: the owner may
 * add and delete; `jumlah`: how many are attached (0 skips the request); `judul`: what the
 * evidence belongs to (in button labels); `kuota`: a promise of muatKuota() for the size check.
 */
export function bagianBukti({ realisasiId, aktivitasId, inovasiId, ubah, jumlah, judul, kuota }) {
  const hid = nextId('bukti');
  const sec = el('section', { class: 'bukti-dukung', 'aria-labelledby': hid },
    el('h5', { id: hid, tabindex: -1 }, T.buktiDukung));
  const tujuan = realisasiId ? { realisasi_id: realisasiId } : inovasiId ? { inovasi_id: inovasiId } : { aktivitas_id: aktivitasId };
  if (!realisasiId && !aktivitasId && !inovasiId) {
    if (ubah) sec.append(el('p', { class: 'ket' }, T.buktiSimpanDulu));
    else sec.append(el('p', { class: 'ket' }, T.buktiKosong));
    return sec;
  }
  const q = new URLSearchParams({ ...tujuan, limit: '200' }).toString();
  const box = alertBox();
  const daftar = el('div', { class: 'daftar-bukti-isi' });
  sec.append(box, daftar);
  let items = [];

  const muat = async () => {
    try { items = (await api('GET', `/api/v1/bukti?${q}`)).items; tampil(); } catch (e) { showProblem(box, e); }
  };
  if (jumlah || ubah) { fill(daftar, el('p', { class: 'ket' }, T.memuat)); muat(); } else tampil();
  if (ubah) sec.append(formBerkas(), formTautan());
  return sec;

  function tampil() {
    if (!items.length) { fill(daftar, el('p', { class: 'ket kosong-bukti' }, T.buktiKosong)); return; }
    fill(daftar, el('ul', { class: 'daftar daftar-bukti' }, items.map(baris)));
  }

  function baris(b) {
    const berkas = b.jenis === 'berkas';
    const ket = berkas ? [JENIS[b.mime] || b.mime, ukuranBerkas(b.ukuran), tanggalUnix(b.dibuat)]
      : [T.buktiTautan, tanggalUnix(b.dibuat)];
    return el('li', { class: 'bukti' },
      el('p', { class: 'bukti-nama' }, b.nama),
      el('p', { class: 'ket' }, ket.join(' · ')),
      el('div', { class: 'aksi' },
        berkas
          ? el('a', { class: 'tombol kedua kecil', href: b.unduh, download: b.nama, 'aria-label': T.buktiUnduhLabel(b.nama) }, T.buktiUnduh)
          : el('a', { class: 'tombol kedua kecil', href: b.url, target: '_blank', rel: 'noopener noreferrer', 'aria-label': T.buktiBukaLabel(b.nama) }, T.buktiBuka),
        ubah ? el('button', { type: 'button', class: 'kecil bahaya', 'aria-label': T.buktiHapusLabel(b.nama), on: { click: (ev) => hapus(b, ev.currentTarget) } }, T.hapus) : null));
  }

  async function hapus(b, btn) {
    if (!window.confirm(T.buktiKonfirmasiHapus(b.nama))) return;
    showAlert(box, '');
    try {
      await busy(btn.parentElement, () => api('DELETE', `/api/v1/bukti/${b.id}`));
      items = items.filter((x) => x.id !== b.id);
      const k = await kuota;
      if (k && b.jenis === 'berkas') k.terpakai_bytes = Math.max(0, k.terpakai_bytes - b.ukuran);
      tampil();
      announce(T.buktiDihapus(b.nama));
      sec.querySelector(`#${hid}`).focus();
    } catch (e) { showProblem(box, e); }
  }

  /** The server's (or the device's) message for the file, next to the file input. */
  function galat(input, gbox, err) {
    const errs = err && err.problem && Array.isArray(err.problem.errors) ? err.problem.errors : [];
    const e = errs.find((x) => x.field === 'berkas') || errs[0];
    announce('');   // no "uploading" message next to the error
    showAlert(gbox, e ? e.message : err.message);
    input.setAttribute('aria-invalid', 'true');
  }

  function formBerkas() {
    const input = el('input', { type: 'file', accept: 'image/*,application/pdf,.docx,.xlsx', 'data-field': 'berkas' });
    const gbox = el('div', { class: 'galat', role: 'alert', id: nextId('galat'), hidden: true });
    const kemajuan = el('progress', { max: 100, value: 0, 'aria-label': T.buktiKemajuan });
    const kwadah = el('p', { class: 'kemajuan-bukti', hidden: true }, kemajuan);
    const parts = labelled(T.buktiBerkas, input, T.buktiBerkasKet);
    input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby')} ${gbox.id}`);
    const form = el('form', { class: 'form-bukti', novalidate: true }, ...parts, gbox, kwadah,
      el('button', { type: 'submit', class: 'kecil' }, T.buktiUnggah));
    const bersih = () => { showAlert(gbox, ''); input.removeAttribute('aria-invalid'); };
    input.addEventListener('change', bersih);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      bersih();
      const f = input.files && input.files[0];
      if (!f) { galat(input, gbox, new Error(T.buktiPilihBerkas)); input.focus(); return; }
      const k = await kuota;
      if (k && f.size > k.maks_berkas_bytes) {
        galat(input, gbox, new Error(T.buktiTerlaluBesar(ukuranBerkas(f.size), ukuranBerkas(k.maks_berkas_bytes))));
        input.focus();
        return;
      }
      if (k && k.terpakai_bytes + f.size > k.kuota_bytes) {
        galat(input, gbox, new Error(T.buktiKuotaHabis(ukuranBerkas(k.terpakai_bytes), ukuranBerkas(k.kuota_bytes))));
        input.focus();
        return;
      }
      kemajuan.value = 0;
      kwadah.hidden = false;
      form.setAttribute('aria-busy', 'true');
      announce(T.buktiMengunggah(f.name));
      try {
        const q2 = new URLSearchParams({ nama: f.name, ...tujuan }).toString();
        const b = await busy(form, () => unggah(`/api/v1/bukti?${q2}`, f, (n, t) => { kemajuan.value = t ? Math.round((n / t) * 100) : 0; }));
        items.push(b);
        if (k) k.terpakai_bytes += b.ukuran;
        input.value = '';
        tampil();
        announce(T.buktiDiunggah(b.nama));
      } catch (e) {
        galat(input, gbox, e);
        input.focus();
      } finally {
        kwadah.hidden = true;
        form.removeAttribute('aria-busy');
      }
    });
    return form;
  }

  function formTautan() {
    const wadah = el('div', { class: 'tautan-bukti' });
    const tombol = () => fill(wadah, el('button', { type: 'button', class: 'kedua kecil', 'aria-label': T.buktiTambahTautanLabel(judul), on: { click: buka } }, T.buktiTambahTautan));
    function buka() {
      const fbox = alertBox();
      const url = el('input', { type: 'url', inputmode: 'url', autocomplete: 'url', 'data-field': 'url', placeholder: 'https://' });
      const nama = el('input', { type: 'text', autocomplete: 'off', maxlength: 200, 'data-field': 'nama' });
      const form = el('form', { class: 'panel form-tautan', novalidate: true }, fbox,
        ...labelled(T.buktiAlamat, url, T.buktiAlamatKet),
        ...labelled(T.buktiJudulTautan, nama),
        el('div', { class: 'aksi' }, el('button', { type: 'submit', class: 'kecil' }, T.buktiSimpanTautan),
          el('button', { type: 'button', class: 'kedua kecil', on: { click: () => { tombol(); wadah.querySelector('button').focus(); } } }, T.batal)));
      form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        try {
          const b = await busy(form, () => api('POST', '/api/v1/bukti/tautan', { url: url.value.trim(), nama: nama.value.trim(), ...tujuan }));
          items.push(b);
          tampil();
          tombol();
          announce(T.buktiTautanTersimpan(b.nama));
          wadah.querySelector('button').focus();
        } catch (e) { showProblem(fbox, e, form); }
      });
      fill(wadah, form);
      url.focus();
    }
    tombol();
    return wadah;
  }
}
