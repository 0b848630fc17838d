// realisasi.js: the monthly realisasi of an SKP (#/skp/{id}/realisasi/{bulan}).  Per IKI: the
// target, the month's activities on its RHK, the realisasi (a number for a kuantitatif SKP, a
// statement for a kualitatif one), a note, the capaian and the status.  The owner saves per IKI
// and submits the month; the penilai approves or returns each submitted IKI.  Each IKI carries
// its "Bukti dukung" (bukti.js): the owner adds and deletes while the month is editable, everyone
// else reads.
import { api } from './api.js';
import { bagianBukti, muatKuota } from './bukti.js';
import { T, BULAN, ASPEK, target, persen, durasi, angkaIsian, nomorRhk } from './teks.js';
import { el, fill, badge, labelled, alertBox, showAlert, showProblem, announce, busy } from './ui.js';
import { kosong, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

export async function realisasi(root, ctx, params) {
  const id = Number(params[0]);
  const skp = await api('GET', `/api/v1/skp/${id}`);
  const tahun = skp.periode.tahun;
  const awal = Number(skp.mulai.slice(5, 7));
  const akhir = Number(skp.selesai.slice(5, 7));
  const kini = new Date();
  let bulan = Number(params[1]);
  if (!params[1]) bulan = kini.getFullYear() === tahun ? Math.min(Math.max(kini.getMonth() + 1, awal), akhir) : akhir;
  if (!(bulan >= 1 && bulan <= 12)) throw new Error(T.bulanSalah);
  const me = ctx.me;
  const own = !!(me.pegawai && skp.pegawai && skp.pegawai.id === me.pegawai.id);
  const penilai = !!(me.pegawai && skp.penilai && skp.penilai.id === me.pegawai.id);
  const kualitatif = skp.pendekatan === 'kualitatif';
  let lembar = await api('GET', `/api/v1/skp/${id}/realisasi?bulan=${bulan}`);
  const kuota = own ? muatKuota() : Promise.resolve(null);   // the size check of uploads

  const pilih = el('select', { id: 'pilih-bulan' });
  for (let b = awal; b <= akhir; b++) pilih.append(el('option', { value: String(b) }, `${BULAN[b - 1]} ${tahun}`));
  pilih.value = String(bulan);
  pilih.addEventListener('change', () => ctx.go(`#/skp/${id}/realisasi/${pilih.value}`));
  const keBulan = (b) => () => ctx.go(`#/skp/${id}/realisasi/${b}`);
  const box = alertBox();
  const body = el('div');
  root.append(
    el('p', { class: 'jejak' }, el('a', { href: `#/skp/${id}` }, `← ${T.kembaliKeSkp}`)),
    el('h2', {}, own ? T.judulRealisasi(BULAN[bulan - 1], tahun) : T.judulRealisasiOrang(skp.pegawai.nama_lengkap, BULAN[bulan - 1], tahun)),
    el('div', { class: 'pilih-bulan' },
      el('button', { type: 'button', class: 'kedua kecil', disabled: bulan <= awal, 'aria-label': T.bulanSebelum, on: { click: keBulan(bulan - 1) } }, '‹'),
      el('div', { class: 'pilih-bulan-isi' }, ...labelled(T.bulan, pilih)),
      el('button', { type: 'button', class: 'kedua kecil', disabled: bulan >= akhir, 'aria-label': T.bulanBerikut, on: { click: keBulan(bulan + 1) } }, '›')),
    box, body);
  render();

  function dapatDiubah(x) { return own && (x.status === 'belum' || x.status === 'draft' || x.status === 'dikembalikan'); }

  async function ganti(fn, pesan, fokus) {
    showAlert(box, '');
    lembar = await fn();
    render();
    announce(pesan);
    const f = fokus && root.querySelector(fokus);
    if (f) f.focus();
  }

  function render() {
    const items = lembar.items;
    const bisaAjukan = own && items.some((x) => x.status === 'draft' || x.status === 'dikembalikan');
    const perRhk = new Map();
    items.forEach((x) => {
      if (!perRhk.has(x.rhk.id)) perRhk.set(x.rhk.id, { rhk: x.rhk, items: [] });
      perRhk.get(x.rhk.id).items.push(x);
    });
    const ajukan = el('div', { class: 'panel ajukan-realisasi' },
      el('p', { class: 'ket', id: 'ket-ajukan' }, T.ajukanRealisasiKet),
      el('button', { type: 'button', 'aria-describedby': 'ket-ajukan', on: { click: async (ev) => {
        const btn = ev.currentTarget;
        try {
          await busy(btn.parentElement, () => ganti(() => api('POST', `/api/v1/skp/${id}/realisasi/${bulan}/ajukan`), T.realisasiDiajukan, 'h2'));
        } catch (e) { showProblem(box, e); box.scrollIntoView({ block: 'nearest' }); }
      } } }, T.ajukanRealisasi));
    fill(body,
      items.length ? null : kosong(T.tanpaIki, { label: KOSONG.keSkp, href: `#/skp/${id}` }),
      bisaAjukan ? ajukan : null,
      [...perRhk.values()].map((g) => {
        const r = skp.rhk.find((x) => x.id === g.rhk.id);
        return el('section', { class: 'rhk-realisasi', 'aria-label': `RHK ${r ? nomorRhk(skp.rhk, r) : ''}`.trim() },
          el('h3', {}, r ? el('span', { class: 'nomor' }, nomorRhk(skp.rhk, r)) : null, ' ', g.rhk.rhk),
          el('p', { class: 'ket' }, T.aktivitasBulan(g.items[0].aktivitas.jumlah, durasi(g.items[0].aktivitas.menit))),
          g.items.map(kartu));
      }));
  }

  function kartu(x) {
    const hid = `iki-${x.iki_id}`;
    const art = el('article', { class: 'kartu iki-realisasi', 'aria-labelledby': hid },
      x.aspek ? el('p', { class: 'aspek' }, ASPEK[x.aspek] || x.aspek) : null,
      el('h4', { id: hid, tabindex: -1 }, x.indikator),
      el('p', { class: 'status-baris' }, badge(x.status === 'belum' ? 'belum_diisi' : x.status)),
      el('dl', { class: 'nilai-realisasi' },
        el('dt', {}, T.target), el('dd', {}, target(x)),
        dapatDiubah(x) ? null : [el('dt', {}, T.realisasiLabel), el('dd', { class: 'teks-panjang' }, nilaiTeks(x))],
        el('dt', {}, T.capaian), el('dd', { class: 'capaian' }, persen(x.capaian_persen)),
        !dapatDiubah(x) && x.catatan ? [el('dt', {}, T.catatan), el('dd', { class: 'teks-panjang' }, x.catatan)] : null));
    if (x.catatan_review) {
      art.append(el('div', { class: 'catatan catatan-baris' }, el('p', { class: 'label' }, T.catatanReview),
        el('p', { class: 'teks-panjang' }, x.catatan_review)));
    }
    if (dapatDiubah(x)) art.append(formNilai(x, hid));
    if (dapatDiubah(x) || x.jumlah_bukti) {
      art.append(bagianBukti({ realisasiId: x.realisasi_id, ubah: dapatDiubah(x), jumlah: x.jumlah_bukti, judul: x.indikator, kuota }));
    }
    if (penilai && x.status === 'diajukan' && x.realisasi_id) art.append(aksiPenilai(x, hid));
    return art;
  }

  function nilaiTeks(x) {
    if (x.nilai_teks) return x.nilai_teks;
    if (x.nilai_angka === null || x.nilai_angka === undefined) return '—';
    return target({ target_angka: x.nilai_angka, target_satuan: x.target_satuan });
  }

  function formNilai(x, hid) {
    const fbox = alertBox();
    const nilai = kualitatif
      ? el('textarea', { rows: 3, 'data-field': 'nilai_teks' })
      : el('input', { inputmode: 'decimal', autocomplete: 'off', 'data-field': 'nilai_angka' });
    nilai.value = kualitatif ? x.nilai_teks || '' : angkaIsian(x.nilai_angka);
    const catatan = el('textarea', { rows: 2, 'data-field': 'catatan' });
    catatan.value = x.catatan || '';
    const form = el('form', { class: 'form-realisasi', novalidate: true },
      fbox,
      ...labelled(kualitatif ? T.realisasiTeks : T.realisasiAngka(x.target_satuan), nilai, kualitatif ? null : T.targetAngkaKet),
      ...labelled(T.catatanRealisasi, catatan),
      el('button', { type: 'submit', class: 'kecil' }, T.simpanRealisasi));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const v = nilai.value.trim();
      const data = {};
      if (v) data[kualitatif ? 'nilai_teks' : 'nilai_angka'] = v;
      if (catatan.value.trim()) data.catatan = catatan.value.trim();
      try {
        await busy(form, () => ganti(() => api('PUT', `/api/v1/iki/${x.iki_id}/realisasi/${bulan}`, data), T.realisasiTersimpan, `#${hid}`));
      } catch (e) {
        showProblem(fbox, e, form);
      }
    });
    return form;
  }

  function aksiPenilai(x, hid) {
    const fbox = alertBox();
    const aksi = el('div', { class: 'aksi' });
    const wadah = el('div', {}, fbox, aksi);
    const muatUlang = () => api('GET', `/api/v1/skp/${id}/realisasi?bulan=${bulan}`);
    const tombol = () => fill(aksi,
      el('button', { type: 'button', class: 'kecil', 'aria-label': T.setujuiLabel(x.indikator), on: { click: async () => {
        try {
          await busy(wadah, async () => { await api('POST', `/api/v1/realisasi/${x.realisasi_id}/setujui`); await ganti(muatUlang, T.realisasiDisetujui, `#${hid}`); });
        } catch (e) { showProblem(fbox, e); }
      } } }, T.setujui),
      el('button', { type: 'button', class: 'kecil bahaya', 'aria-label': T.kembalikanLabel(x.indikator), on: { click: () => {
        const ta = el('textarea', { rows: 3, 'data-field': 'catatan' });
        const form = el('form', { class: 'panel', novalidate: true }, ...labelled(T.catatanUntukPegawai, ta),
          el('div', { class: 'aksi' }, el('button', { type: 'submit', class: 'bahaya' }, T.kirimPengembalian),
            el('button', { type: 'button', class: 'kedua', on: { click: tombol } }, T.batal)));
        form.addEventListener('submit', async (ev) => {
          ev.preventDefault();
          try {
            await busy(form, async () => {
              await api('POST', `/api/v1/realisasi/${x.realisasi_id}/kembalikan`, { catatan: ta.value.trim() });
              await ganti(muatUlang, T.realisasiDikembalikan, `#${hid}`);
            });
          } catch (e) { showProblem(fbox, e, form); }
        });
        fill(aksi, form);
        ta.focus();
      } } }, T.kembalikan));
    tombol();
    return wadah;
  }
}
