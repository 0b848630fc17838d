// kalkulator.js: "Kalkulator" (#/kalkulator, any signed-in user): the regulation calculator of
// the API (POST /api/v1/hitung/...): the predikat matrix, the pola distribusi of a unit, angka
// kredit of a jabatan fungsional and the PP 30/2019 score.  Nothing is stored; every result is
// shown with the server's explanation lines.
import { api } from './api.js';
import { TP, RATING, PREDIKAT, PREDIKAT_ORG, JENJANG, PEMBULATAN, angka, angkaDesimal, bulanTahun } from './teks.js';
import { el, fill, labelled, alertBox, showAlert, showProblem, busy, nextId } from './ui.js';
import { kurvaPredikat } from './grafik.js';

const pilih = (field, opsi, kosong) => el('select', { 'data-field': field || undefined },
  kosong ? el('option', { value: '' }, kosong) : null, Object.entries(opsi).map(([v, t]) => el('option', { value: v }, t)));

/** A calculator panel: the form, its error box and the live result area. */
function panel(judul, isi, kirim, tampil) {
  const idJ = nextId('kalk');
  const fbox = alertBox();
  const hasil = el('div', { class: 'hasil-kalk', 'aria-live': 'polite' });
  const form = el('form', { novalidate: true }, isi, fbox, el('button', { type: 'submit' }, TP.hitung));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    showAlert(fbox, '');
    let r;
    try {
      r = await busy(form, kirim);
    } catch (e) {
      fill(hasil);
      showProblem(fbox, e, form);
      return;
    }
    fill(hasil, el('h4', {}, TP.hasil), tampil(r), r.penjelasan && r.penjelasan.length
      ? el('ul', { class: 'penjelasan' }, r.penjelasan.map((t) => el('li', {}, t))) : null);
  });
  return el('section', { class: 'panel kalk', 'aria-labelledby': idJ }, el('h3', { id: idJ }, judul), form, hasil);
}

export async function kalkulator(root) {
  root.append(el('h2', {}, TP.kalkJudul), el('p', { class: 'ket' }, TP.kalkKet),
    predikat(), kurva(), angkaKredit(), pp30());
}

function predikat() {
  const h = pilih('hasil_kerja', RATING, TP.pilihRating);
  const p = pilih('perilaku', RATING, TP.pilihRating);
  return panel(TP.kPredikat, [labelled(TP.ratingHasil, h), labelled(TP.ratingPerilaku, p)],
    () => api('POST', '/api/v1/hitung/predikat', { hasil_kerja: h.value, perilaku: p.value }),
    (r) => el('p', { class: 'predikat-nilai' }, TP.predikatHasil(''), el('strong', {}, r.predikat)));
}

function kurva() {
  const org = pilih('organisasi', PREDIKAT_ORG, TP.pilihPredikat);
  // the API's order: Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang
  const urut = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'];
  const isian = urut.map((k) => [k, el('input', { type: 'number', inputmode: 'numeric', min: 0, step: 1, value: '0' })]);
  const bulat = pilih('pembulatan', PEMBULATAN);
  const fs = el('fieldset', { 'data-field': 'jumlah' }, el('legend', {}, TP.jumlahPerPredikat),
    el('div', { class: 'isian-kurva' }, isian.map(([k, inp]) => el('div', {}, ...labelled(PREDIKAT[k], inp)))));
  return panel(TP.kKurva, [labelled(TP.predOrg, org), fs, labelled(TP.pembulatan, bulat)],
    () => api('POST', '/api/v1/hitung/kurva', {
      organisasi: org.value, pembulatan: bulat.value,
      jumlah: isian.map(([, inp]) => (/^\d+$/.test(inp.value.trim()) ? Number(inp.value.trim()) : inp.value.trim())),
    }),
    (r) => [
      el('p', { class: r.patuh ? 'baik' : 'peringatan-ringan' }, TP.kurvaHasil(r.patuh, r.pelanggaran.length)),
      r.pelanggaran.length ? el('ul', { class: 'pelanggaran' }, r.pelanggaran.map((v) => el('li', {}, TP.pelanggaran(v.aturan, angka(v.jumlah), angka(v.batas))))) : null,
      kurvaPredikat(r.jumlah, TP.grafikJudul(`${TP.predOrg} ${r.predikat_organisasi}`)),
    ]);
}

function angkaKredit() {
  const jenjang = pilih('jenjang', JENJANG);
  jenjang.value = 'ahli_pertama';
  const daftar = el('div', { class: 'periode-ak' });
  const rows = [];
  const tambah = (dari = '', sampai = '', pred = 'baik') => {
    const r = {
      dari: el('input', { type: 'month', value: dari, placeholder: TP.polaBulan }),
      sampai: el('input', { type: 'month', value: sampai, placeholder: TP.polaBulan }),
      pred: pilih('', PREDIKAT),
    };
    r.pred.value = pred;
    rows.push(r);
    gambar();
    return r;
  };
  const gambar = () => {
    fill(daftar, rows.map((r, i) => el('fieldset', { class: 'iki', 'data-field': `periode[${i}]` }, el('legend', {}, TP.periodeKe(i + 1)),
      el('div', { class: 'dua-kolom' }, el('div', {}, ...labelled(TP.dariBulan, r.dari)), el('div', {}, ...labelled(TP.sampaiBulan, r.sampai))),
      ...labelled(TP.predikat, r.pred),
      rows.length > 1 ? el('button', { type: 'button', class: 'kecil bahaya', on: { click: () => {
        rows.splice(i, 1);
        gambar();
        daftar.querySelector('input')?.focus();
      } } }, TP.hapusPeriode(i + 1)) : null)));
  };
  const y = new Date().getFullYear() - 1;
  tambah(`${y}-01`, `${y}-12`, 'baik');
  const tombolTambah = el('button', { type: 'button', class: 'kedua kecil', on: { click: () => {
    const r = tambah();
    r.dari.focus();
  } } }, TP.tambahPeriode);
  return panel(TP.kAk, [labelled(TP.jenjang, jenjang), el('div', { 'data-field': 'periode' }, daftar), el('p', {}, tombolTambah)],
    () => api('POST', '/api/v1/hitung/angka-kredit', {
      jenjang: jenjang.value,
      periode: rows.map((r) => `${r.dari.value.trim()}:${r.sampai.value.trim()}=${r.pred.value}`),
    }),
    (r) => [
      el('p', { class: 'predikat-nilai' }, TP.akHasil(''), el('strong', {}, angkaDesimal(r.angka_kredit))),
      el('div', { class: 'gulir' }, el('table', {},
        el('thead', {}, el('tr', {}, [TP.kolomPeriode, TP.kolomBulan, TP.kolomPredikat, TP.kolomPersentase, TP.kolomAk].map((t) => el('th', { scope: 'col' }, t)))),
        el('tbody', {}, r.periode.map((p) => el('tr', {},
          el('th', { scope: 'row' }, `${bulanTahun(p.dari)} – ${bulanTahun(p.sampai)}`), el('td', {}, angka(p.bulan)), el('td', {}, p.predikat),
          el('td', {}, `${angka(p.persentase)}%`), el('td', {}, angkaDesimal(p.angka_kredit))))))),
      el('p', {}, `${TP.kebutuhanPangkat}: ${TP.kebutuhan(angka(r.kebutuhan_kenaikan_pangkat), angkaDesimal(r.kekurangan_kenaikan_pangkat))}`),
      el('p', {}, `${TP.kebutuhanJenjang}: ${r.kebutuhan_kenaikan_jenjang === null ? TP.jenjangTertinggi
        : TP.kebutuhan(angka(r.kebutuhan_kenaikan_jenjang), angkaDesimal(r.kekurangan_kenaikan_jenjang))}`),
    ]);
}

function pp30() {
  const skp = el('input', { inputmode: 'decimal', 'data-field': 'skp', autocomplete: 'off' });
  const per = el('input', { inputmode: 'decimal', 'data-field': 'perilaku', autocomplete: 'off' });
  const c360 = el('input', { type: 'checkbox', id: nextId('c360'), 'data-field': 'penilaian_360' });
  const inov = el('input', { type: 'checkbox', id: nextId('inov'), 'data-field': 'inovasi' });
  return panel(TP.kPp30, [labelled(TP.nilaiSkp, skp, TP.angkaKet), labelled(TP.nilaiPerilaku, per, TP.angkaKet),
    el('p', { class: 'centang' }, c360, el('label', { for: c360.id }, TP.dengan360)),
    el('p', { class: 'centang' }, inov, el('label', { for: inov.id }, TP.adaInovasi))],
    () => api('POST', '/api/v1/hitung/pp30', { skp: skp.value.trim(), perilaku: per.value.trim(), penilaian_360: c360.checked, inovasi: inov.checked }),
    (r) => el('p', { class: 'predikat-nilai' }, TP.pp30Hasil(angkaDesimal(r.nilai), ''), el('strong', {}, r.predikat)));
}
