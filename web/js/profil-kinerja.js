// profil-kinerja.js: the four-dimension performance profile (issue 15 part 4), drawn as a
// compact card: four bars on a fixed 0–100 scale (grafik.js) and, per dimension, its score, the
// server's one-line summary, how it was computed and its sources (links to the SKP, penilaian,
// 360 round, innovation).  Used by the pegawai dashboard (dasbor.js), the penilaian screen
// (penilaian-form.js) and, for a unit, by the unit dashboard (dasbor-unit.js).
import { api } from './api.js';
import { angka } from './teks.js';
import { el, fill } from './ui.js';
import { grafikBatang } from './grafik.js';
import { tabelData, gulir } from './grafik2.js';
import { TPR } from './teks-profil.js';

const skorTeks = (s) => (s === null || s === undefined ? '—' : angka(Number(s).toFixed(2)));

/** GET the profile of pegawai `pid` (tahun null: the current year); null when it fails. */
export async function muatProfil(pid, tahun) {
  try {
    return await api('GET', `/api/v1/pegawai/${pid}/profil-kinerja${tahun ? `?tahun=${tahun}` : ''}`);
  } catch {
    return null;
  }
}

function grafik(dimensi) {
  const data = dimensi.map((d) => ({ label: TPR.dimensi[d.kode] || d.label, nilai: d.skor === null ? 0 : Math.round(Number(d.skor) * 10) / 10 }));
  return grafikBatang({ judul: TPR.grafik, maks: 100,
    ringkas: TPR.ringkasGrafik(dimensi.map((d) => `${TPR.dimensi[d.kode] || d.label} ${skorTeks(d.skor)}`).join(', ')), data });
}

function sumber(d) {
  if (!d.sumber || !d.sumber.length) return el('p', { class: 'ket' }, TPR.tanpaSumber);
  return el('ul', { class: 'profil-sumber' }, d.sumber.map((s) => el('li', {},
    s.tautan ? el('a', { href: s.tautan }, s.label) : el('span', {}, s.label))));
}

function perNilai(d) {
  const p = d.rincian && d.rincian.per_nilai;
  if (!p || !p.length) return null;
  return gulir(TPR.perNilai, tabelData({ caption: TPR.perNilai, kolom: [TPR.kolomNilai, TPR.kolomRata, TPR.kolomJawaban],
    baris: p.map((x) => [x.nama, angka(x.rata), angka(x.jawaban)]) }));
}

/**
 * kartuProfil(p, {judulTingkat}): the card of a pegawai's profile `p` (the API's answer), or a
 * short message when p is null.  Headings start at h3 (or `judulTingkat`).
 */
export function kartuProfil(p, { judulTingkat = 3 } = {}) {
  const h = (n) => `h${Math.min(6, judulTingkat + n)}`;
  const idJudul = `judul-profil-${p ? p.pegawai.id : 'x'}`;
  const sec = el('section', { class: 'seksi-dasbor profil-kinerja', 'aria-labelledby': idJudul });
  if (!p) {
    sec.append(el(h(0), { id: idJudul }, TPR.judul('')), el('p', { class: 'kosong' }, TPR.gagal));
    return sec;
  }
  sec.append(el(h(0), { id: idJudul }, TPR.judul(p.tahun)), el('p', { class: 'ket' }, TPR.ket),
    el('figure', { class: 'grafik-profil' }, grafik(p.dimensi), el('figcaption', { class: 'sr-only' }, TPR.grafik)),
    el('ul', { class: 'profil-dimensi' }, p.dimensi.map((d) => el('li', { class: 'kartu dimensi-profil', dataset: { dimensi: d.kode } },
      el(h(1), {}, TPR.dimensi[d.kode] || d.label, ' ',
        el('span', { class: 'skor-profil' }, d.skor === null ? `(${TPR.belumAda})` : `${TPR.skor} ${skorTeks(d.skor)}`)),
      d.skor === null ? null : el('meter', { class: 'meter-profil', min: 0, max: 100, low: 50, high: 80, optimum: 100,
        value: Math.min(100, Number(d.skor)), 'aria-label': `${TPR.dimensi[d.kode] || d.label}: ${TPR.skor} ${skorTeks(d.skor)}` }),
      el('p', { class: 'ringkas-profil' }, d.ringkas),
      el('details', { class: 'penjelasan' }, el('summary', {}, TPR.caraHitung), el('ul', {}, d.penjelasan.map((t) => el('li', {}, t))), perNilai(d)),
      el('p', { class: 'label' }, `${TPR.sumber}:`), sumber(d)))),
    el('p', { class: 'ket' }, p.catatan));
  return sec;
}

/** The unit's section: a button that computes the unit profile on request, then the bars and a row per pegawai. */
export function seksiProfilUnit(unitId, tahun) {
  const idJudul = `judul-profil-unit-${unitId}`;
  const isi = el('div', {});
  const tombol = el('button', { type: 'button', class: 'kedua', dataset: { kunci: 'profil-unit' } }, TPR.unitTampilkan);
  const sec = el('section', { class: 'seksi-dasbor profil-kinerja profil-unit', 'aria-labelledby': idJudul },
    el('h3', { id: idJudul }, TPR.unitJudul(tahun || '')), el('p', { class: 'ket' }, TPR.unitKet), tombol, isi);
  tombol.addEventListener('click', async () => {
    tombol.disabled = true;
    fill(isi, el('p', { role: 'status' }, TPR.unitMemuat));
    let u;
    try {
      u = await api('GET', `/api/v1/unit-kerja/${unitId}/profil-kinerja${tahun ? `?tahun=${tahun}` : ''}`);
    } catch {
      tombol.disabled = false;
      fill(isi, el('p', { class: 'kosong', role: 'status' }, TPR.gagal));
      return;
    }
    tombol.hidden = true;
    const q = tahun ? `?tahun=${tahun}` : '';
    const kode = u.dimensi.map((d) => d.kode);
    fill(isi,
      el('figure', { class: 'grafik-profil' }, grafik(u.dimensi), el('figcaption', { class: 'sr-only' }, TPR.grafik)),
      el('ul', { class: 'profil-dimensi ringkas' }, u.dimensi.map((d) => el('li', { class: 'kartu dimensi-profil', dataset: { dimensi: d.kode } },
        el('h4', {}, TPR.dimensi[d.kode] || d.label, ' ', el('span', { class: 'skor-profil' }, d.skor === null ? `(${TPR.belumAda})` : `${TPR.skor} ${skorTeks(d.skor)}`)),
        el('p', { class: 'ket' }, TPR.unitBerdata(angka(d.pegawai_berdata)), d.jumlah_inovasi !== undefined ? ` · ${TPR.unitInovasi(angka(d.jumlah_inovasi))}` : '')))),
      u.terpotong ? el('p', { class: 'ket' }, TPR.terpotong(angka(u.jumlah_pegawai))) : null,
      gulir(TPR.unitTabel, el('table', { class: 'tabel-status tabel-profil-unit' },
        el('caption', {}, TPR.unitTabel),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, TPR.kolomPegawai), kode.map((k) => el('th', { scope: 'col' }, TPR.dimensi[k])))),
        el('tbody', {}, u.pegawai.map((p) => el('tr', { dataset: { pegawai: String(p.id) } },
          el('th', { scope: 'row', 'data-label': TPR.kolomPegawai }, el('a', { href: `#/pegawai/${p.id}/dasbor${q}` }, p.nama), el('span', { class: 'nip' }, `NIP ${p.nip}`)),
          kode.map((k) => el('td', { class: 'angka', 'data-label': TPR.dimensi[k] }, skorTeks(p.skor[k])))))))),
      el('p', { class: 'ket' }, u.catatan));
  });
  return sec;
}
