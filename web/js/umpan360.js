// umpan360.js: 360-degree feedback.
//  - #/360: the rounds waiting for the user's answer, and the rounds the user opened on this
//    device (the API has no list of rounds: their ids are kept in localStorage, per user).
//  - #/360/{id}: the answer form when the user is a respondent who has not answered yet (a 1-5
//    score per BerAKHLAK value and optional comments; answers are anonymous), otherwise the
//    aggregated results (shown by the server only from 3 answers) and "Tutup putaran".
//  - #/pegawai/{id}/360: an atasan (or admin) opens a round, choosing at least 3 respondents.
import { api } from './api.js';
import { T, TP, BERAKHLAK, PERAN_360, SKALA_360, angka, angkaDesimal } from './teks.js';
import { el, fill, badge, labelled, alertBox, showAlert, showProblem, announce, busy, radioGroup, galatLokal } from './ui.js';
import { kosong, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

const kunci = (me) => `kinerja-360-dibuka-${me.pengguna.id}`;

function dibuka(me) {
  try {
    const v = JSON.parse(localStorage.getItem(kunci(me)) || '[]');
    return Array.isArray(v) ? v.filter((x) => x && Number.isInteger(x.id)) : [];
  } catch { return []; }
}
/** The rounds the user opened on this device for pegawai `pegawaiId`, newest first. */
export function putaranDiingat(me, pegawaiId) {
  return dibuka(me).filter((x) => x.pegawai_id === pegawaiId);
}
function ingat(me, putaran) {
  try {
    const v = [putaran, ...dibuka(me).filter((x) => x.id !== putaran.id)].slice(0, 50);
    localStorage.setItem(kunci(me), JSON.stringify(v));
  } catch { /* storage unavailable: the round is still reachable by its notice */ }
}

const jejak = () => el('p', { class: 'jejak' }, el('a', { href: '#/360' }, `← ${TP.judul360}`));
const anonim = () => el('p', { class: 'catatan anonim' }, TP.anonim);

export async function tugas360(root, ctx) {
  root.append(el('h2', {}, TP.judul360));
  if (!ctx.me.pegawai) { root.append(el('p', {}, T.tanpaPegawai)); return; }
  const tugas = (await api('GET', '/api/v1/360/tugas')).items;
  root.append(anonim(),
    el('section', { 'aria-labelledby': 'judul-tugas-360' }, el('h3', { id: 'judul-tugas-360' }, TP.tugasJudul),
      tugas.length ? el('ul', { class: 'daftar' }, tugas.map((t) => el('li', { class: 'kartu' },
        el('p', {}, el('strong', {}, TP.tugasItem(t.pegawai, t.tahun))),
        el('p', { class: 'ket' }, `${TP.putaranNomor(t.id)} · ${TP.sebagai(PERAN_360[t.peran] || t.peran)}`),
        el('p', { class: 'tautan' }, el('a', { class: 'tombol', href: `#/360/${t.id}` }, TP.isi360,
          el('span', { class: 'sr-only' }, ` untuk ${t.pegawai}, ${TP.putaranNomor(t.id).toLowerCase()}`))))))
        : kosong(TP.tidakAdaTugas, { label: KOSONG.keDasbor, href: '#/dasbor' })));
  const saya = dibuka(ctx.me);
  if (saya.length) {
    root.append(el('section', { 'aria-labelledby': 'judul-dibuka-360' }, el('h3', { id: 'judul-dibuka-360' }, TP.dibukaJudul),
      el('ul', { class: 'daftar' }, saya.map((x) => el('li', { class: 'kartu' },
        el('p', { class: 'judul-kartu' }, el('a', { href: `#/360/${x.id}` }, `${x.nama} — ${x.tahun}`)))))));
  }
}

export async function putaran360(root, ctx, params) {
  const id = Number(params[0]);
  const me = ctx.me;
  const tugas = me.pegawai ? (await api('GET', '/api/v1/360/tugas')).items.find((t) => t.id === id) : null;
  if (tugas) { formJawab(root, id, tugas); return; }
  let h;
  try {
    h = await api('GET', `/api/v1/360/${id}`);
  } catch (e) {
    if (e.status !== 403) throw e;
    // a respondent who already answered (or a closed round) may not read the results
    root.append(jejak(), el('h2', {}, TP.judul360), el('p', { class: 'catatan' }, TP.sudahDijawab), anonim());
    return;
  }
  let nama = `pegawai ${h.pegawai_id}`;
  try { nama = (await api('GET', `/api/v1/pegawai/${h.pegawai_id}`)).nama_lengkap; } catch { /* the id then */ }
  const box = alertBox();
  const isi = el('div');
  root.append(jejak(), el('h2', {}, TP.hasilJudul(nama)), box, isi);
  render();

  function render() {
    const bisaTutup = h.status === 'terbuka' && !(me.pegawai && me.pegawai.id === h.pegawai_id);
    fill(isi,
      el('p', { class: 'status-baris' }, badge(h.status, 'lencana-skp'), el('span', {}, TP.menjawab(angka(h.menjawab), angka(h.responden)))),
      anonim(),
      h.hasil ? hasil() : el('p', { class: 'peringatan-ringan', role: 'status' }, kalimat(h.pesan)),
      bisaTutup ? el('button', { type: 'button', class: 'kedua', on: { click: tutup } }, TP.tutup) : null);
  }

  function hasil() {
    const adaKomentar = h.hasil.filter((x) => x.komentar.length);
    return el('div', { class: 'hasil-360' },
      el('div', { class: 'gulir' }, el('table', { class: 'tabel-360' },
        el('caption', { class: 'sr-only' }, TP.hasilJudul(nama)),
        el('thead', {}, el('tr', {}, [TP.kolomNilai, TP.kolomRata, TP.kolomJawaban].map((t) => el('th', { scope: 'col' }, t)))),
        el('tbody', {}, h.hasil.map((x) => el('tr', {},
          el('th', { scope: 'row' }, `${x.nomor}. ${x.nama}`),
          el('td', { class: 'angka' }, angkaDesimal(x.rata_rata)),
          el('td', { class: 'angka' }, angka(x.jumlah))))))),
      el('h3', {}, TP.komentarJudul),
      adaKomentar.length ? adaKomentar.map((x) => [el('h4', {}, x.nama), el('ul', {}, x.komentar.map((k) => el('li', { class: 'teks-panjang' }, k)))])
        : el('p', { class: 'kosong' }, TP.tanpaKomentar));
  }

  async function tutup() {
    if (!window.confirm(TP.konfirmasiTutup)) return;
    showAlert(box, '');
    try {
      h = await busy(isi, () => api('POST', `/api/v1/360/${id}/tutup`));
    } catch (e) {
      showProblem(box, e);
      return;
    }
    render();
    announce(TP.ditutup360);
  }
}

/** The server's message, as a sentence. */
function kalimat(t) {
  const s = String(t || '');
  return s ? `${s[0].toUpperCase()}${s.slice(1)}.` : '';
}

function formJawab(root, id, tugas) {
  const fbox = alertBox();
  const skala = SKALA_360.map((t, i) => [String(i + 1), `${i + 1} — ${t}`]);
  const baris = BERAKHLAK.map((nama, i) => {
    const n = i + 1;
    const g = radioGroup({ legend: `${n}. ${nama}`, options: skala, field: `skor.${n}`, cls: 'skala' });
    const ta = el('textarea', { rows: 2, maxlength: 1000, 'data-field': `komentar.${n}` });
    return { n, nama, g, ta };
  });
  const form = el('form', { class: 'form-360', novalidate: true },
    el('p', { class: 'ket' }, TP.skorKet),
    baris.map((b) => el('div', { class: 'kartu' }, b.g, ...labelled(TP.komentarOpsional(b.nama), b.ta))),
    fbox, el('button', { type: 'submit' }, TP.kirim360));
  const isi = el('div', {}, anonim(), form);
  root.append(jejak(), el('h2', {}, TP.form360Judul(tugas.pegawai)), el('p', { class: 'ket' }, TP.sebagai(PERAN_360[tugas.peran] || tugas.peran)), isi);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const skor = {}, komentar = {};
    const kosong = baris.find((b) => !b.g.nilai());
    baris.forEach((b) => {
      if (b.g.nilai()) skor[String(b.n)] = Number(b.g.nilai());
      if (b.ta.value.trim()) komentar[String(b.n)] = b.ta.value.trim();
    });
    try {
      if (kosong) throw galatLokal(`skor.${kosong.n}`, TP.wajibSkor);
      await busy(form, () => api('POST', `/api/v1/360/${id}/jawab`, { skor, komentar }));
    } catch (e) {
      showProblem(fbox, e, form);
      if (!fbox.hidden) fbox.scrollIntoView({ block: 'nearest' });
      return;
    }
    const h = el('h3', { tabindex: -1 }, TP.terkirim360);
    fill(isi, el('section', { class: 'panel', role: 'status' }, h, el('p', {}, el('a', { href: '#/360' }, `← ${TP.judul360}`))));
    announce(TP.terkirim360);
    h.focus();
  });
}

export async function buka360(root, ctx, params) {
  const id = Number(params[0]);
  const target = await api('GET', `/api/v1/pegawai/${id}`);
  const semua = (await api('GET', '/api/v1/pegawai?limit=200')).items.filter((p) => p.id !== id);
  const atasanId = target.atasan ? target.atasan.id : null;
  const hubungan = (p) => (p.atasan && p.atasan.id === id ? 0 : atasanId && p.atasan && p.atasan.id === atasanId ? 1 : p.id === atasanId ? 2 : 3);
  semua.sort((a, b) => hubungan(a) - hubungan(b) || a.nama.localeCompare(b.nama, 'id'));
  const peranAwal = (p) => (hubungan(p) === 0 ? 'bawahan' : hubungan(p) === 2 ? 'atasan' : 'rekan');
  const fbox = alertBox();
  const hitung = el('p', { class: 'ringkas', role: 'status' });
  const baris = semua.map((p) => {
    const cb = el('input', { type: 'checkbox', id: `responden-${p.id}` });
    const sel = el('select', { id: `peran-${p.id}`, class: 'peran-360' },
      Object.entries(PERAN_360).map(([v, t]) => el('option', { value: v }, t)));
    sel.value = peranAwal(p);
    const row = el('li', { class: 'kartu responden' },
      el('div', { class: 'centang' }, cb, el('label', { for: cb.id }, el('strong', {}, p.nama_lengkap),
        el('span', { class: 'kecil' }, [p.jabatan && p.jabatan.nama, p.unit_kerja && p.unit_kerja.nama].filter(Boolean).join(' — ')))),
      el('label', { for: sel.id, class: 'kecil-label' }, 'Peran', el('span', { class: 'sr-only' }, ` ${p.nama_lengkap}`)), sel);
    return { p, cb, sel, row };
  });
  const perbarui = () => { hitung.textContent = TP.dipilih(baris.filter((b) => b.cb.checked).length); };
  baris.forEach((b) => b.cb.addEventListener('change', perbarui));
  perbarui();
  const fs = el('fieldset', { 'data-field': 'responden' }, el('legend', {}, TP.respondenLegend), el('ul', { class: 'daftar daftar-responden' }, baris.map((b) => b.row)));
  const form = el('form', { novalidate: true }, fs, hitung, fbox, el('button', { type: 'submit' }, TP.bukaPutaran));
  root.append(el('p', { class: 'jejak' }, el('a', { href: '#/penilaian' }, `← ${TP.kembali}`)),
    el('h2', {}, TP.bukaJudul(target.nama_lengkap)), el('p', { class: 'ket' }, TP.bukaKet), form);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const pilih = baris.filter((b) => b.cb.checked);
    baris.forEach((b) => { delete b.row.dataset.field; });
    pilih.forEach((b, i) => { b.row.dataset.field = `responden[${i}]`; });
    let r;
    try {
      if (pilih.length < 3) throw galatLokal('responden', TP.minimalTiga);
      r = await busy(form, () => api('POST', `/api/v1/pegawai/${id}/360`,
        { responden: pilih.map((b) => ({ pegawai_id: b.p.id, peran: b.sel.value })) }));
    } catch (e) {
      showProblem(fbox, e, form);
      return;
    }
    ingat(ctx.me, { id: r.id, pegawai_id: id, nama: target.nama_lengkap, tahun: new Date().getFullYear() });
    ctx.go(`#/360/${r.id}`, TP.dibuka360);
  });
}
