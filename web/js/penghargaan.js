// penghargaan.js: "Penghargaan" (#/penghargaan): the pegawai's own piagam with the consent toggle
// (shown to colleagues or not) and the PDF; for pimpinan and admin the candidates of a year (the
// pimpinan issues a piagam after confirming) and the recognition rules (add, change N,
// (de)activate); for everyone the piagam of a unit they may see (consented ones, or all for
// superiors), paged.
import { api } from './api.js';
import { tanggalUnix } from './teks.js';
import { el, fill, put, labelled, alertBox, showAlert, showProblem, announce, busy, isAdminOrPimpinan } from './ui.js';
import { TH, JENIS_ATURAN } from './teks-inovasi.js';
import { kosong } from './kosong.js';

const tahunIni = () => new Date(Date.now() + 7 * 3600e3).getUTCFullYear();

function kartuPiagam(g, extra) {
  return el('li', { class: 'kartu piagam' },
    el('p', { class: 'judul-kartu' }, el('strong', {}, g.aturan.nama), ` ${g.tahun}`),
    el('p', {}, `${g.pegawai.nama} · ${g.pegawai.unit_kerja}`),
    el('p', { class: 'ket' }, [TH.nomor(g.nomor), TH.diterbitkan(tanggalUnix(g.diterbitkan), g.penerbit.nama)].join(' · ')),
    el('p', { class: 'teks-panjang' }, g.alasan),
    el('p', { class: 'ket' }, g.persetujuan ? TH.tampil : TH.tidakTampil),
    extra || null,
    el('p', { class: 'tautan' }, el('a', { class: 'tombol kedua', href: g.unduh, download: '', 'aria-label': TH.unduhLabel(g.pegawai.nama, g.aturan.nama) }, TH.unduh)));
}

export async function penghargaan(root, ctx) {
  root.append(el('h2', {}, TH.judul), el('p', { class: 'ket' }, TH.ket));
  const me = ctx.me;
  const pimpinan = me.pengguna.peran.includes('pimpinan');
  const box = alertBox();
  root.append(box);
  if (me.pegawai) root.append(await bagianSaya());
  if (isAdminOrPimpinan(me)) root.append(await bagianKandidat(pimpinan), await bagianAturan());
  root.append(await bagianUnit());

  async function bagianSaya() {
    const sec = el('section', { 'aria-labelledby': 'judul-pgh-saya' }, el('h3', { id: 'judul-pgh-saya' }, TH.saya));
    const d = await api('GET', '/api/v1/penghargaan?sebagai=saya&limit=200');
    if (!d.items.length) { sec.append(kosong(TH.kosongSaya)); return sec; }
    sec.append(el('ul', { class: 'daftar' }, d.items.map((g) => {
      const cb = el('input', { type: 'checkbox', checked: g.persetujuan, 'data-field': 'setuju' });
      const ket = el('p', { class: 'ket' }, TH.setujuKet);
      cb.addEventListener('change', async () => {
        try {
          await busy(sec, () => api('PUT', `/api/v1/penghargaan/${g.id}/persetujuan`, { setuju: cb.checked }));
          announce(cb.checked ? TH.setujuDisimpan : TH.setujuDicabut);
        } catch (e) { cb.checked = !cb.checked; showProblem(box, e); }
      });
      const id = `setuju-${g.id}`;
      cb.id = id;
      return kartuPiagam(g, el('div', { class: 'pilih persetujuan' }, cb, el('label', { for: id }, TH.setuju), ket));
    })));
    return sec;
  }

  async function bagianKandidat(bisaTerbit) {
    const sec = el('section', { 'aria-labelledby': 'judul-pgh-kandidat' }, el('h3', { id: 'judul-pgh-kandidat', tabindex: -1 }, TH.kandidat),
      el('p', { class: 'ket' }, TH.kandidatKet));
    const tahun = el('select', {}, [0, 1, 2].map((k) => el('option', { value: String(tahunIni() - k) }, String(tahunIni() - k))));
    const daftar = el('div', { 'aria-live': 'polite' });
    sec.append(el('div', { class: 'baris-isian' }, ...labelled(TH.fTahun, tahun)), daftar);
    tahun.addEventListener('change', () => muat());
    await muat();
    return sec;

    async function muat() {
      let d;
      try { d = await api('GET', `/api/v1/penghargaan/kandidat?tahun=${tahun.value}`); } catch (e) { showProblem(box, e); return; }
      if (!d.items.length) { fill(daftar, kosong(TH.kosongKandidat)); return; }
      fill(daftar, el('ul', { class: 'daftar' }, d.items.map((k) => el('li', { class: 'kartu kandidat' },
        el('p', { class: 'judul-kartu' }, el('strong', {}, k.pegawai.nama), ` · ${k.aturan.nama}`),
        el('p', { class: 'ket' }, `NIP ${k.pegawai.nip} · ${k.pegawai.unit_kerja}`),
        el('p', {}, k.alasan),
        k.penghargaan_id
          ? el('p', { class: 'tautan' }, el('span', { class: 'lencana lencana-disetujui' }, TH.sudahTerbit), ' ',
            el('a', { class: 'tombol kedua', href: `/api/v1/penghargaan/${k.penghargaan_id}/piagam.pdf`, download: '', 'aria-label': TH.unduhLabel(k.pegawai.nama, k.aturan.nama) }, TH.unduh))
          : bisaTerbit ? el('div', { class: 'aksi' }, el('button', { type: 'button', 'aria-label': TH.terbitkanLabel(k.pegawai.nama, k.aturan.nama),
            on: { click: (ev) => terbit(k, ev.currentTarget) } }, TH.terbitkan)) : null))));
    }

    async function terbit(k, btn) {
      if (!window.confirm(TH.konfirmasiTerbit(k.pegawai.nama, k.aturan.nama))) return;
      try {
        await busy(btn.parentElement, () => api('POST', '/api/v1/penghargaan', { aturan_id: k.aturan.id, pegawai_id: k.pegawai.id, tahun: Number(tahun.value) }));
      } catch (e) { showProblem(box, e); return; }
      await muat();
      announce(TH.terbit);
      document.getElementById('judul-pgh-kandidat')?.focus();
    }
  }

  async function bagianAturan() {
    const sec = el('section', { 'aria-labelledby': 'judul-pgh-aturan' }, el('h3', { id: 'judul-pgh-aturan' }, TH.aturan), el('p', { class: 'ket' }, TH.aturanKet));
    const daftar = el('div');
    const fbox = alertBox();
    const nama = el('input', { type: 'text', 'data-field': 'nama', maxlength: 120 });
    const jenis = el('select', { 'data-field': 'jenis' }, Object.entries(JENIS_ATURAN).map(([k, v]) => el('option', { value: k }, v)));
    const jumlah = el('input', { type: 'number', min: 1, max: 12, value: '3', 'data-field': 'jumlah', inputmode: 'numeric' });
    const form = el('form', { class: 'panel', novalidate: true, 'aria-label': TH.tambahAturan }, fbox,
      ...labelled(TH.fNama, nama, TH.fNamaKet), ...labelled(TH.fJenis, jenis), ...labelled(TH.fJumlah, jumlah),
      el('div', { class: 'aksi' }, el('button', { type: 'submit' }, TH.tambahAturan)));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        await busy(form, () => api('POST', '/api/v1/penghargaan/aturan', { nama: nama.value.trim(), jenis: jenis.value, jumlah: Number(jumlah.value) }));
      } catch (e) { showProblem(fbox, e, form); return; }
      showAlert(fbox, '');
      nama.value = '';
      await muat();
      announce(TH.aturanDisimpan);
    });
    sec.append(daftar, form);
    await muat();
    return sec;

    async function muat() {
      const d = await api('GET', '/api/v1/penghargaan/aturan');
      if (!d.items.length) { fill(daftar, kosong(TH.kosongAturan)); return; }
      fill(daftar, el('ul', { class: 'daftar' }, d.items.map((a) => el('li', { class: 'kartu aturan' },
        el('p', { class: 'judul-kartu' }, el('strong', {}, a.nama), ' ', el('span', { class: `lencana lencana-${a.aktif ? 'disetujui' : 'draft'}` }, a.aktif ? TH.aktif : TH.nonaktif)),
        el('p', { class: 'ket' }, TH.syarat(a.jenis, a.jumlah)),
        el('div', { class: 'aksi' }, el('button', { type: 'button', class: 'kedua', 'aria-label': TH.aturanLabel(a.aktif ? TH.nonaktifkan : TH.aktifkan, a.nama),
          on: { click: async (ev) => {
            try { await busy(ev.currentTarget.parentElement, () => api('PATCH', `/api/v1/penghargaan/aturan/${a.id}`, { aktif: !a.aktif })); } catch (e) { showProblem(box, e); return; }
            await muat();
            announce(TH.aturanDisimpan);
          } } }, a.aktif ? TH.nonaktifkan : TH.aktifkan))))));
    }
  }

  async function bagianUnit() {
    const LIMIT = 20;
    const sec = el('section', { 'aria-labelledby': 'judul-pgh-unit' }, el('h3', { id: 'judul-pgh-unit' }, TH.unitJudul), el('p', { class: 'ket' }, TH.unitKet));
    const unit = el('select', {}, el('option', { value: '' }, TH.semuaUnit));
    const daftar = el('div', { 'aria-live': 'polite' });
    let hal = 0;
    sec.append(el('div', { class: 'baris-isian' }, ...labelled(TH.fUnit, unit)), daftar);
    api('GET', '/api/v1/unit-kerja?limit=200').then((u) => put(unit, u.items.map((x) => el('option', { value: String(x.id) }, x.nama)))).catch(() => {});
    unit.addEventListener('change', () => { hal = 0; muat(); });
    await muat();
    return sec;

    async function muat() {
      let d;
      try { d = await api('GET', `/api/v1/penghargaan?limit=${LIMIT}&offset=${hal * LIMIT}${unit.value ? `&unit_kerja_id=${unit.value}` : ''}`); } catch (e) { showProblem(box, e); return; }
      if (!d.items.length) { fill(daftar, kosong(TH.kosongUnit)); return; }
      const a = d.offset + 1, b = d.offset + d.items.length;
      fill(daftar, el('ul', { class: 'daftar' }, d.items.map((g) => kartuPiagam(g))),
        el('nav', { class: 'halaman', 'aria-label': TH.halaman(a, b, d.total) }, el('p', {}, TH.halaman(a, b, d.total)),
          el('button', { type: 'button', class: 'kedua', disabled: hal === 0, on: { click: () => { hal -= 1; muat(); } } }, TH.sebelumnya),
          el('button', { type: 'button', class: 'kedua', disabled: b >= d.total, on: { click: () => { hal += 1; muat(); } } }, TH.berikutnya)));
    }
  }
}
