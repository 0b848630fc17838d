// keberatan.js: "Keberatan" (#/keberatan, #/keberatan/{id} from a notice).  For the atasan of
// a pejabat penilai: the keberatan waiting for their decision ("Putuskan": keep the rating, or
// change both ratings, with a reason) and those already decided; for a pegawai: their own
// keberatan and what was decided.
import { api } from './api.js';
import { T, TP, RATING, PREDIKAT, tanggalUnix } from './teks.js';
import { el, fill, badge, labelled, alertBox, showProblem, announce, busy, radioGroup, galatLokal } from './ui.js';
import { kosong, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

const PILIHAN_RATING = Object.entries(RATING);

export async function keberatan(root, ctx, params) {
  const sorot = params[0] ? Number(params[0]) : null;
  root.append(el('p', { class: 'jejak' }, el('a', { href: '#/penilaian' }, `← ${TP.kembali}`)), el('h2', {}, TP.keberatanJudul));
  if (!ctx.me.pegawai) { root.append(el('p', {}, T.tanpaPegawai)); return; }
  const box = alertBox();
  const isi = el('div');
  root.append(box, isi);
  const s = { pemutus: [], milik: [], buka: null };
  await muat();
  render();
  if (sorot) {
    const c = document.getElementById(`keberatan-${sorot}`);
    if (c) setTimeout(() => { c.scrollIntoView({ block: 'center' }); c.focus(); }, 0);
  }

  async function muat() {
    const [a, b] = await Promise.all([api('GET', '/api/v1/keberatan?sebagai=pemutus'), api('GET', '/api/v1/keberatan')]);
    s.pemutus = a.items;
    s.milik = b.items;
  }

  function render() {
    const menunggu = s.pemutus.filter((k) => k.status === 'diajukan');
    const sudah = s.pemutus.filter((k) => k.status !== 'diajukan');
    fill(isi,
      s.pemutus.length ? el('section', { 'aria-labelledby': 'judul-keb-menunggu' },
        el('h3', { id: 'judul-keb-menunggu', tabindex: -1 }, TP.menungguJudul),
        menunggu.length ? el('ul', { class: 'daftar' }, menunggu.map((k) => kartu(k, true))) : kosong(TP.tidakAdaMenunggu, { label: KOSONG.kePenilaian, href: '#/penilaian' })) : null,
      sudah.length ? el('section', { 'aria-labelledby': 'judul-keb-riwayat' },
        el('h3', { id: 'judul-keb-riwayat' }, TP.riwayatPutusan), el('ul', { class: 'daftar' }, sudah.map((k) => kartu(k, true)))) : null,
      el('section', { 'aria-labelledby': 'judul-keb-saya' },
        el('h3', { id: 'judul-keb-saya' }, TP.keberatanSaya),
        s.milik.length ? el('ul', { class: 'daftar' }, s.milik.map((k) => kartu(k, false))) : kosong(TP.belumAdaKeberatan, { label: KOSONG.kePenilaian, href: '#/penilaian' })));
  }

  function kartu(k, pemutus) {
    const li = el('li', { class: `kartu keberatan${sorot === k.id ? ' sorot' : ''}`, id: `keberatan-${k.id}`, tabindex: -1 },
      el('p', { class: 'judul-kartu' }, el('strong', {}, pemutus ? TP.keberatanDari(k.pegawai.nama) : TP.keberatanJudul), badge(k.status)),
      el('p', { class: 'ket' }, TP.diajukanTgl(tanggalUnix(k.dibuat))),
      k.predikat_penilaian ? el('p', {}, TP.predikatSaatIni(PREDIKAT[k.predikat_penilaian] || k.predikat_penilaian)) : null,
      el('p', { class: 'teks-panjang' }, el('span', { class: 'label' }, `${TP.alasanKeberatan}: `), k.alasan),
      k.alasan_putusan ? el('p', { class: 'teks-panjang' }, el('span', { class: 'label' }, `${TP.keputusanAtasan}: `), k.alasan_putusan) : null,
      k.status === 'diterima' && k.rating_hasil ? el('p', {}, TP.ratingBaru(RATING[k.rating_hasil], RATING[k.rating_perilaku])) : null,
      k.diputus ? el('p', { class: 'ket' }, TP.diputusTgl(tanggalUnix(k.diputus))) : null);
    const aksi = el('p', { class: 'tautan' }, el('a', { class: 'tombol kedua', href: `#/penilaian/${k.penilaian_id}` }, TP.lihatPenilaian));
    li.append(aksi);
    if (pemutus && k.status === 'diajukan') {
      if (s.buka === k.id) li.append(formPutusan(k));
      else {
        aksi.append(el('button', { type: 'button', on: { click: () => {
          s.buka = k.id;
          render();
          document.querySelector(`#keberatan-${k.id} input[type=radio]`)?.focus();
        } } }, TP.putuskan, el('span', { class: 'sr-only' }, ` keberatan ${k.pegawai.nama}`)));
      }
    }
    return li;
  }

  function formPutusan(k) {
    const fbox = alertBox();
    const kep = radioGroup({ legend: TP.keputusan, options: [['tetap', TP.tetap], ['ubah', TP.ubah]], field: 'keputusan' });
    const saatIni = el('p', { class: 'ket' });
    const gHasil = radioGroup({ legend: TP.ratingHasil, options: PILIHAN_RATING, field: 'rating_hasil', cls: 'rating' });
    const gPerilaku = radioGroup({ legend: TP.ratingPerilaku, options: PILIHAN_RATING, field: 'rating_perilaku', cls: 'rating' });
    const ubah = el('div', { class: 'rating-baru', hidden: true }, saatIni, gHasil, gPerilaku);
    const alasan = el('textarea', { rows: 3, 'data-field': 'alasan', maxlength: 4000 });
    const form = el('form', { class: 'panel form-putusan', novalidate: true, 'aria-label': TP.putuskanUntuk(k.pegawai.nama) },
      fbox, kep, ubah, ...labelled(TP.alasanKeputusan, alasan),
      el('div', { class: 'aksi' }, el('button', { type: 'submit' }, TP.kirimKeputusan),
        el('button', { type: 'button', class: 'kedua', on: { click: () => { s.buka = null; render(); } } }, T.batal)));
    // the current ratings, to start from
    api('GET', `/api/v1/penilaian/${k.penilaian_id}`).then((p) => {
      saatIni.textContent = TP.ratingSaatIni(RATING[p.rating_hasil] || T.kosong, RATING[p.rating_perilaku] || T.kosong);
      for (const [g, v] of [[gHasil, p.rating_hasil], [gPerilaku, p.rating_perilaku]]) {
        const r = g.querySelector(`input[value="${v}"]`);
        if (r && !g.nilai()) r.checked = true;
      }
    }).catch(() => {});
    kep.addEventListener('change', () => { ubah.hidden = kep.nilai() !== 'ubah'; });
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const keputusan = kep.nilai();
      const data = { keputusan, alasan: alasan.value.trim() };
      if (keputusan === 'ubah') {
        if (gHasil.nilai()) data.rating_hasil = gHasil.nilai();
        if (gPerilaku.nilai()) data.rating_perilaku = gPerilaku.nilai();
      }
      try {
        if (!keputusan) throw galatLokal('keputusan', TP.pilihKeputusan);
        await busy(form, () => api('POST', `/api/v1/keberatan/${k.id}/putusan`, data));
      } catch (e) {
        showProblem(fbox, e, form);
        return;
      }
      s.buka = null;
      try { await muat(); } catch (e) { showProblem(box, e); }
      render();
      announce(TP.keputusanTerkirim);
      document.getElementById('judul-keb-menunggu')?.focus();
    });
    return form;
  }
}
