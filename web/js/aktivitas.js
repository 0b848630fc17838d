// aktivitas.js: "Aktivitas harian" (#/aktivitas?tanggal=2026-11-23, #/aktivitas/{id}): a fast
// entry form (templates from frequent activities, copy the previous working day), and the
// day's list with status badges, the reviewer's note, edit and delete while not approved, and
// the day's total against the instansi's daily limit.  Saved while the server cannot be reached,
// an activity is queued on the device (offline.js) and listed as "Belum terkirim" until sent.
import { api } from './api.js';
import { bagianBukti, muatKuota } from './bukti.js';
import { T, FMT, CEK, FIELD, tanggalHari, durasi, hariIni, tambahHari, hariMinggu, tanggalValid, jamKeMenit, jam, angka, angkaIsian, nomorRhk } from './teks.js';
import { el, fill, badge, labelled, alertBox, showAlert, showProblem, clearErrors, announce, busy } from './ui.js';
import { antrekan, antrean, hapusAntrean, kunciBaru, kirimAntrean, kirimSekarang, simpan, baca } from './offline.js';
import { kosong as kosongKe, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

const BATAS_BAWAAN = 450;
const TEMPLAT_AWAL = 4;

export async function aktivitas(root, ctx, params, query) {
  const me = ctx.me;
  root.append(el('h2', {}, T.judulAktivitas));
  if (!me.pegawai) { root.append(el('p', {}, T.tanpaPegawai)); return; }
  const s = {
    tanggal: tanggalValid(query.get('tanggal')) ? query.get('tanggal') : hariIni(),
    ruj: null,          // {tahun, skpId, mulai, selesai, rhk[], ra[], aturan, sering[], libur[]}
    rujLuring: false,   // the choices come from the device's snapshot
    hasil: null,        // the day's activities from the server (null: could not load)
    gagal: null,
    antre: [],          // this user's queued activities (every date)
    edit: null,         // {item} a stored activity, or {antre} a refused queued one
    sorot: null,
    muat: 0,
  };
  if (params[0]) {
    const it = await api('GET', `/api/v1/aktivitas/${params[0]}`);
    if (!it.pegawai || it.pegawai.id !== me.pegawai.id) {
      root.append(el('p', {}, T.sorotBukanMilik), el('ul', { class: 'daftar' }, kartu(it, false)),
        el('p', {}, el('a', { href: '#/review' }, T.judulReview)));
      return;
    }
    s.tanggal = it.tanggal;
    s.sorot = it.id;
  }

  // ---- the form ----
  const f = {
    tanggal: el('input', { type: 'date', 'data-field': 'tanggal', required: true, max: hariIni() }),
    uraian: el('textarea', { rows: 3, 'data-field': 'uraian', required: true }),
    rhk: el('select', { 'data-field': 'rhk_id', required: true }),
    ra: el('select', { 'data-field': 'rencana_aksi_id' }),
    mulai: el('input', { type: 'time', 'data-field': 'jam_mulai' }),
    selesai: el('input', { type: 'time', 'data-field': 'jam_selesai' }),
    menit: el('input', { type: 'number', inputmode: 'numeric', min: 1, max: 1440, step: 1, 'data-field': 'menit' }),
    kuantitas: el('input', { inputmode: 'decimal', autocomplete: 'off', 'data-field': 'kuantitas' }),
    satuan: el('input', { autocomplete: 'off', 'data-field': 'satuan' }),
    lokasi: el('input', { autocomplete: 'off', 'data-field': 'lokasi' }),
  };
  f.tanggal.value = s.tanggal;
  const box = alertBox();
  const fbox = alertBox();
  const judulForm = el('h3', { id: 'judul-form-aktivitas', tabindex: -1 }, T.catatAktivitas);
  const rhkKet = el('p', { class: 'ket', hidden: true });
  const raWadah = el('div', { hidden: true }, ...labelled(T.rencanaAksi, f.ra));
  const durasiTeks = el('p', { class: 'ket durasi-hitung' });
  const templat = el('div', { class: 'templat' });
  const salinKet = el('p', { class: 'ket', id: 'ket-salin-kemarin' });
  const salinBtn = el('button', { type: 'button', class: 'kedua', 'aria-describedby': 'ket-salin-kemarin', on: { click: salinKemarin } }, T.salinKemarin);
  const catatanEdit = el('div', { class: 'catatan', hidden: true });
  const simpanBtn = el('button', { type: 'submit' }, T.simpanAktivitas);
  const batalBtn = el('button', { type: 'button', class: 'kedua', hidden: true, on: { click: () => { kosongkan(); f.uraian.focus(); } } }, T.batal);
  const luringKet = el('p', { class: 'ket-luring', hidden: true }, T.luringDataLama);
  const form = el('form', { class: 'panel form-aktivitas', novalidate: true, 'aria-labelledby': 'judul-form-aktivitas' },
    judulForm, fbox, catatanEdit,
    ...labelled(T.tanggal, f.tanggal),
    el('details', { class: 'isi-cepat', open: true },
      el('summary', {}, T.seringJudul),
      el('p', { class: 'ket' }, T.seringKet),
      templat,
      salinBtn, salinKet),
    ...labelled(T.uraian, f.uraian, T.uraianKet),
    ...labelled(T.rhkDidukung, f.rhk), rhkKet,
    raWadah,
    el('fieldset', { class: 'waktu', 'data-legend': T.waktu },
      el('legend', {}, T.waktu),
      el('p', { class: 'ket' }, T.waktuKet),
      el('div', { class: 'dua-kolom' }, el('div', {}, ...labelled(T.jamMulai, f.mulai)), el('div', {}, ...labelled(T.jamSelesai, f.selesai))),
      ...labelled(T.durasiMenit, f.menit), durasiTeks),
    el('div', { class: 'dua-kolom' },
      el('div', {}, ...labelled(T.kuantitas, f.kuantitas, T.kuantitasKet)),
      el('div', {}, ...labelled(T.satuanAktivitas, f.satuan, T.satuanAktivitasKet))),
    ...labelled(T.lokasi, f.lokasi),
    el('div', { class: 'aksi' }, simpanBtn, batalBtn));
  const antrePanel = el('section', { class: 'panel antre-panel', hidden: true, 'aria-labelledby': 'judul-antre' });
  const daftarSec = el('section', { class: 'hari', 'aria-labelledby': 'judul-hari' });
  root.append(box, luringKet, form, antrePanel, daftarSec);

  // minutes from the times, kept in the duration field while it was filled in by us
  let menitOtomatis = false;
  function hitungDurasi() {
    const a = jamKeMenit(f.mulai.value);
    const z = jamKeMenit(f.selesai.value);
    if (a !== null && z !== null && z > a) {
      if (menitOtomatis || !f.menit.value) { f.menit.value = String(z - a); menitOtomatis = true; }
    } else if (menitOtomatis) {
      f.menit.value = '';
    }
    const m = Number(f.menit.value);
    durasiTeks.textContent = Number.isInteger(m) && m > 0 ? `= ${durasi(m)}` : '';
  }
  f.mulai.addEventListener('input', hitungDurasi);
  f.selesai.addEventListener('input', hitungDurasi);
  f.menit.addEventListener('input', () => { menitOtomatis = false; hitungDurasi(); });
  f.rhk.addEventListener('change', isiRencanaAksi);
  f.tanggal.addEventListener('change', () => {
    if (!tanggalValid(f.tanggal.value) || f.tanggal.value === s.tanggal) return;
    gantiTanggal(f.tanggal.value);
  });

  // ---- reference data: SKP RHK of the date, rencana aksi, limit, templates, holidays ----
  async function muatRujukan() {
    const tahun = Number(s.tanggal.slice(0, 4));
    const kunci = `aktivitas:${me.pengguna.id}:${tahun}`;
    try {
      const [daftar, aturan, sering, libur] = await Promise.all([
        api('GET', `/api/v1/skp?pegawai_id=${me.pegawai.id}&tahun=${tahun}&limit=50`),
        api('GET', '/api/v1/pengaturan'),
        api('GET', '/api/v1/aktivitas/sering'),
        api('GET', `/api/v1/hari-libur?tahun=${tahun}`).catch(() => ({ items: [] }))]);
      const pilih = daftar.items.find((x) => x.mulai <= s.tanggal && x.selesai >= s.tanggal) || daftar.items[daftar.items.length - 1];
      const r = { tahun, skpId: null, mulai: null, selesai: null, rhk: [], ra: [], aturan, sering: sering.items, libur: libur.items.map((x) => x.tanggal) };
      if (pilih) {
        const [skp, ra] = await Promise.all([api('GET', `/api/v1/skp/${pilih.id}`),
          api('GET', `/api/v1/skp/${pilih.id}/rencana-aksi`).catch(() => ({ items: [] }))]);
        Object.assign(r, { skpId: skp.id, mulai: skp.mulai, selesai: skp.selesai, ra: ra.items });
        r.rhk = skp.rhk.map((x) => ({ id: x.id, no: nomorRhk(skp.rhk, x), teks: x.rhk }));
      }
      s.ruj = r;
      s.rujLuring = false;
      simpan(kunci, r);
    } catch (e) {
      if (e.status !== 0) throw e;
      s.ruj = (await baca(kunci)) || { tahun, skpId: null, rhk: [], ra: [], aturan: null, sering: [], libur: [], kosong: true };
      s.rujLuring = true;
    }
    isiPilihanRhk();
    isiTemplat();
    perbaruiSalin();
    luringKet.hidden = !s.rujLuring;
    const mundur = s.ruj.aturan ? s.ruj.aturan.hari_mundur : null;
    f.tanggal.min = mundur === null ? '' : tambahHari(hariIni(), -mundur);
  }

  function rujukanCocok() {
    const r = s.ruj;
    if (!r || r.tahun !== Number(s.tanggal.slice(0, 4))) return false;
    return !r.mulai || (r.mulai <= s.tanggal && r.selesai >= s.tanggal);
  }

  function rhkTeks(id) {
    const r = s.ruj && s.ruj.rhk.find((x) => x.id === id);
    return r ? `${r.no} ${r.teks}` : null;
  }

  function isiPilihanRhk() {
    const lama = f.rhk.value;
    const r = s.ruj;
    fill(f.rhk,
      el('option', { value: '' }, T.pilihRhk),
      r.rhk.map((x) => el('option', { value: String(x.id) }, `${x.no} ${x.teks}`)),
      el('option', { value: 'tambahan' }, T.tugasTambahan));
    const tanpaSkp = !r.skpId && !r.kosong;
    rhkKet.hidden = !tanpaSkp;
    rhkKet.textContent = tanpaSkp ? T.tanpaSkpTahun(r.tahun) : '';
    if ([...f.rhk.options].some((o) => o.value === lama && lama)) f.rhk.value = lama;
    else f.rhk.value = tanpaSkp ? 'tambahan' : '';
    isiRencanaAksi();
  }

  function isiRencanaAksi() {
    const lama = f.ra.value;
    const bulan = Number(s.tanggal.slice(5, 7));
    const rhkId = Number(f.rhk.value);
    const ada = (s.ruj ? s.ruj.ra : []).filter((x) => x.rhk_id === rhkId && x.bulan === bulan);
    fill(f.ra, el('option', { value: '' }, T.tanpaRencanaAksi),
      ada.map((x) => el('option', { value: String(x.id) },
        x.target_angka ? `${x.uraian} (target ${angka(x.target_angka)} ${x.target_satuan || ''})`.replace(' )', ')') : x.uraian)));
    raWadah.hidden = ada.length === 0;
    f.ra.value = ada.some((x) => String(x.id) === lama) ? lama : '';
  }

  function isiTemplat() {
    const items = s.ruj.sering || [];
    const lainnya = items.length > TEMPLAT_AWAL ? el('button', { type: 'button', class: 'kecil kedua lainnya', on: { click: () => {
      templat.querySelectorAll('li[hidden]').forEach((li) => { li.hidden = false; });
      lainnya.remove();
      templat.querySelectorAll('li')[TEMPLAT_AWAL].querySelector('button').focus();
    } } }, T.templatLainnya(items.length - TEMPLAT_AWAL)) : null;
    fill(templat, items.length ? el('ul', { class: 'templat-daftar' }, items.map((t, i) => el('li', { hidden: i >= TEMPLAT_AWAL },
      el('button', { type: 'button', class: 'templat-tombol', on: { click: () => pakaiTemplat(t) } },
        el('span', { class: 'templat-uraian' }, t.uraian),
        el('span', { class: 'templat-ket' }, [durasi(t.menit), t.rhk ? (rhkTeks(t.rhk.id) || t.rhk.rhk).split(' ')[0] : T.tugasTambahanLabel,
          T.kali(t.kali)].join(' · ')))))) : null, lainnya);
  }

  function pakaiTemplat(t) {
    clearErrors(form);
    showAlert(fbox, '');
    f.uraian.value = t.uraian;
    f.mulai.value = '';
    f.selesai.value = '';
    f.menit.value = String(t.menit);
    menitOtomatis = false;
    if (t.satuan) {
      f.satuan.value = t.satuan;
      if (!f.kuantitas.value) f.kuantitas.value = '1';
    }
    if (!t.rhk) f.rhk.value = 'tambahan';
    else if (rhkTeks(t.rhk.id)) f.rhk.value = String(t.rhk.id);
    isiRencanaAksi();
    hitungDurasi();
    announce(T.seringTerisi(t.uraian));
    f.uraian.focus();
  }

  // ---- copy the previous working day ----
  function hariKerjaSebelum(t) {
    const a = (s.ruj && s.ruj.aturan) || {};
    const libur = new Set((s.ruj && s.ruj.libur) || []);
    let d = tambahHari(t, -1);
    for (let i = 0; i < 31; i++) {
      const w = hariMinggu(d);
      if ((a.akhir_pekan || (w !== 0 && w !== 6)) && (a.hari_libur || !libur.has(d))) return d;
      d = tambahHari(d, -1);
    }
    return tambahHari(t, -1);
  }
  function perbaruiSalin() {
    salinKet.textContent = T.salinKet2(tanggalHari(hariKerjaSebelum(s.tanggal)), tanggalHari(s.tanggal));
  }
  async function salinKemarin() {
    showAlert(fbox, '');
    if (!navigator.onLine) { showAlert(fbox, T.butuhSambungan); return; }
    const dari = hariKerjaSebelum(s.tanggal);
    const ada = (s.hasil || []).length;
    if (ada && !window.confirm(T.konfirmasiSalin(ada, tanggalHari(s.tanggal)))) return;
    try {
      const r = await busy(form, () => api('POST', '/api/v1/aktivitas:salin', { dari, ke: s.tanggal }));
      await muatDaftar();
      announce(T.salinSelesai(r.jumlah, tanggalHari(dari)));
    } catch (e) {
      showProblem(fbox, e);
    }
  }

  // ---- reading and saving the form ----
  function isian() {
    const mn = f.menit.value.trim();
    return {
      tanggal: f.tanggal.value,
      uraian: f.uraian.value.trim(),
      jam_mulai: f.mulai.value || null,
      jam_selesai: f.selesai.value || null,
      menit: mn === '' ? null : Number.isFinite(Number(mn)) ? Number(mn) : mn,
      kuantitas: f.kuantitas.value.trim() || null,
      satuan: f.satuan.value.trim() || null,
      lokasi: f.lokasi.value.trim() || null,
      rhk_id: /^\d+$/.test(f.rhk.value) ? Number(f.rhk.value) : null,
      rencana_aksi_id: !raWadah.hidden && f.ra.value ? Number(f.ra.value) : null,
    };
  }

  /** What can be checked here: the RHK choice always; the rest only when the server cannot. */
  function periksaLokal(b, luring) {
    const e = [];
    const add = (field, message) => e.push({ field, message });
    if (f.rhk.value === '') add('rhk_id', T.wajibPilihRhk);
    if (!luring) return e;
    if (!tanggalValid(b.tanggal)) add('tanggal', CEK.tanggal);
    else if (b.tanggal > hariIni()) add('tanggal', CEK.akanDatang);
    const a = jamKeMenit(b.jam_mulai);
    const z = jamKeMenit(b.jam_selesai);
    if (!!b.jam_mulai !== !!b.jam_selesai) add(b.jam_mulai ? 'jam_selesai' : 'jam_mulai', CEK.berpasangan);
    else if (a !== null && z !== null && z <= a) add('jam_selesai', CEK.setelahMulai);
    if (!b.jam_mulai && !b.jam_selesai && b.menit === null) add('menit', CEK.isiDurasi);
    else if (b.menit !== null && !(Number.isInteger(b.menit) && b.menit >= 1 && b.menit <= 1440)) add('menit', CEK.durasi);
    if (b.uraian.length < 3) add('uraian', CEK.uraian);
    if (b.kuantitas && !/^\d+([.,]\d{1,4})?$/.test(b.kuantitas)) add('kuantitas', CEK.kuantitas);
    if (b.kuantitas && !b.satuan) add('satuan', CEK.satuan);
    return e;
  }

  function tampilan(b) {
    const a = jamKeMenit(b.jam_mulai);
    const z = jamKeMenit(b.jam_selesai);
    return { ...b, menit: b.menit || (a !== null && z !== null && z > a ? z - a : 0), rhk_teks: b.rhk_id ? rhkTeks(b.rhk_id) : null };
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    showAlert(box, '');
    showAlert(fbox, '');
    clearErrors(form);
    const b = isian();
    const luring = !navigator.onLine;
    const lokal = periksaLokal(b, luring);
    if (lokal.length) { showProblem(fbox, { status: 422, message: T.periksa, problem: { errors: lokal } }, form); return; }
    if (s.edit && s.edit.item) {
      if (luring) { showAlert(fbox, T.butuhSambungan); return; }
      try {
        await busy(form, () => api('PATCH', `/api/v1/aktivitas/${s.edit.item.id}`, b));
      } catch (e) {
        showProblem(fbox, e, form);
        return;
      }
      await selesai(T.aktivitasDiubah, b, false);
      return;
    }
    const body = Object.fromEntries(Object.entries(b).filter(([, v]) => v !== null));
    const raw = JSON.stringify(body);
    const kunci = kunciBaru();
    const lama = s.edit && s.edit.antre ? s.edit.antre.kunci : null;
    if (!luring) {
      try {
        await busy(form, () => api('POST', '/api/v1/aktivitas', undefined, { raw, headers: { 'Idempotency-Key': kunci } }));
        if (lama) await hapusAntrean(lama);
        await selesai(T.aktivitasTersimpan, b, !lama);
        return;
      } catch (e) {
        if (e.status !== 0) { showProblem(fbox, e, form); return; }
        // not reached (or no answer): keep it with the same key; a resend cannot duplicate it
      }
    }
    try {
      await antrekan({ kunci, body: raw, tampil: tampilan(body) });
    } catch (e) {
      showAlert(fbox, e.message || String(e));
      return;
    }
    if (lama) await hapusAntrean(lama);
    await selesai(T.aktivitasDiantre, b, !lama);
    if (navigator.onLine) kirimAntrean().catch(() => {});
  });

  /** After a save: an empty form for the next one (a new entry keeps its RHK, and the next
   * activity usually starts when this one ended). */
  async function selesai(pesan, b, lanjut) {
    const rhk = f.rhk.value;
    kosongkan();
    if (lanjut) {
      if (b.jam_selesai && b.tanggal === s.tanggal) f.mulai.value = b.jam_selesai;
      f.rhk.value = rhk;
      isiRencanaAksi();
    }
    await muatDaftar();
    announce(pesan);
    f.uraian.focus();
  }

  function kosongkan() {
    s.edit = null;
    clearErrors(form);
    showAlert(fbox, '');
    for (const k of ['uraian', 'mulai', 'selesai', 'menit', 'kuantitas', 'satuan', 'lokasi']) f[k].value = '';
    menitOtomatis = false;
    f.rhk.value = s.ruj && !s.ruj.skpId && !s.ruj.kosong ? 'tambahan' : '';
    isiRencanaAksi();
    hitungDurasi();
    judulForm.textContent = T.catatAktivitas;
    simpanBtn.textContent = T.simpanAktivitas;
    batalBtn.hidden = true;
    catatanEdit.hidden = true;
  }

  /** Fills the form with an activity (stored, or refused in the queue) to edit it. */
  async function isiForm(a, judul, catatan, edit) {
    s.edit = null;
    if (a.tanggal !== s.tanggal && tanggalValid(a.tanggal)) { f.tanggal.value = a.tanggal; await gantiTanggal(a.tanggal); }
    f.uraian.value = a.uraian || '';
    f.mulai.value = a.jam_mulai || '';
    f.selesai.value = a.jam_selesai || '';
    f.menit.value = a.menit ? String(a.menit) : '';
    menitOtomatis = !!(a.jam_mulai && a.jam_selesai);
    f.kuantitas.value = a.kuantitas ? angkaIsian(a.kuantitas) : '';
    f.satuan.value = a.satuan || '';
    f.lokasi.value = a.lokasi || '';
    const rid = a.rhk ? a.rhk.id : a.rhk_id;
    f.rhk.value = rid && [...f.rhk.options].some((o) => o.value === String(rid)) ? String(rid) : rid ? '' : 'tambahan';
    isiRencanaAksi();
    if (a.rencana_aksi_id) f.ra.value = String(a.rencana_aksi_id);
    hitungDurasi();
    judulForm.textContent = judul;
    simpanBtn.textContent = T.simpanPerubahan;
    batalBtn.hidden = false;
    fill(catatanEdit, catatan ? [el('p', { class: 'label' }, T.catatanReview), el('p', { class: 'teks-panjang' }, catatan)] : null);
    catatanEdit.hidden = !catatan;
    clearErrors(form);
    showAlert(fbox, '');
    s.edit = edit;
    form.scrollIntoView({ block: 'start' });
    judulForm.focus();
  }

  // ---- the day's list ----
  async function gantiTanggal(t) {
    s.tanggal = t;
    history.replaceState(null, '', t === hariIni() ? '#/aktivitas' : `#/aktivitas?tanggal=${t}`);
    if (!rujukanCocok()) {
      try { await muatRujukan(); } catch (e) { showProblem(box, e); }
    } else {
      isiRencanaAksi();
      perbaruiSalin();
    }
    await muatDaftar();
  }

  async function muatDaftar() {
    const nomor = ++s.muat;
    const t = s.tanggal;
    let hasil = null;
    let gagal = null;
    try {
      hasil = (await api('GET', `/api/v1/aktivitas?pegawai_id=${me.pegawai.id}&dari=${t}&sampai=${t}&limit=200`)).items;
    } catch (e) {
      gagal = e;
    }
    const antre = await antrean();
    if (nomor !== s.muat || !root.isConnected) return;
    Object.assign(s, { hasil, gagal, antre });
    renderDaftar();
  }

  function jamTeks(a) {
    return a.jam_mulai && a.jam_selesai ? `${jam(a.jam_mulai)}–${jam(a.jam_selesai)} · ${durasi(a.menit)}` : durasi(a.menit);
  }

  function kartu(a, milik = true) {
    const rhk = a.rhk ? `${T.rhkDidukung}: ${rhkTeks(a.rhk.id) || a.rhk.rhk}` : T.tugasTambahanLabel;
    const lain = [a.kuantitas ? `${angka(a.kuantitas)} ${a.satuan || ''}`.trim() : null, a.lokasi ? `${T.lokasiLabel}: ${a.lokasi}` : null].filter(Boolean);
    const li = el('li', { class: `kartu aktivitas aktivitas-${a.status}${s.sorot === a.id ? ' sorot' : ''}`, id: `aktivitas-${a.id}`, tabindex: -1 },
      el('p', { class: 'judul-kartu' }, el('span', { class: 'jam' }, jamTeks(a)), badge(a.status)),
      el('p', { class: 'uraian teks-panjang' }, a.uraian),
      el('p', { class: 'ket' }, rhk),
      lain.length ? el('p', { class: 'ket' }, lain.join(' · ')) : null);
    if (a.status === 'dikembalikan' && a.catatan_review) {
      li.append(el('div', { class: 'catatan catatan-baris' }, el('p', { class: 'label' }, T.catatanReview),
        el('p', { class: 'teks-panjang catatan-review' }, a.catatan_review)));
    }
    if (milik && a.status !== 'disetujui') {
      li.append(el('div', { class: 'aksi' },
        el('button', { type: 'button', class: 'kecil kedua', 'aria-label': `${T.ubah}: ${a.uraian}`, on: { click: () => {
          isiForm(a, T.ubahAktivitas, a.status === 'dikembalikan' ? a.catatan_review : null, { item: a });
        } } }, T.ubah),
        el('button', { type: 'button', class: 'kecil bahaya', 'aria-label': `${T.hapus}: ${a.uraian}`, on: { click: async () => {
          if (!window.confirm(T.konfirmasiHapusAktivitas(a.uraian))) return;
          try {
            await busy(li, () => api('DELETE', `/api/v1/aktivitas/${a.id}`));
          } catch (e) {
            showProblem(box, e);
            box.scrollIntoView({ block: 'nearest' });
            return;
          }
          if (s.edit && s.edit.item && s.edit.item.id === a.id) kosongkan();
          await muatDaftar();
          announce(T.aktivitasDihapus);
          document.getElementById('judul-hari')?.focus();
        } } }, T.hapus)));
    }
    if (milik) li.append(bukaBukti(a));
    return li;
  }

  /** A toggle that opens the activity's evidence (bukti.js) inside its card. */
  function bukaBukti(a) {
    const wadah = el('div', { class: 'bukti-aktivitas' });
    const btn = el('button', { type: 'button', class: 'kecil kedua', 'aria-expanded': 'false', 'aria-label': T.buktiAktivitasLabel(a.uraian), on: { click: () => {
      const buka = btn.getAttribute('aria-expanded') !== 'true';
      btn.setAttribute('aria-expanded', String(buka));
      if (!buka) { wadah.replaceChildren(btn); return; }
      s.kuota = s.kuota || muatKuota();
      wadah.append(bagianBukti({ aktivitasId: a.id, ubah: true, jumlah: 1, judul: a.uraian, kuota: s.kuota }));
    } } }, T.buktiDukung);
    wadah.append(btn);
    return wadah;
  }

  function kartuAntre(q, tampilTanggal) {
    const a = q.tampil;
    const ditolak = q.status === 'perlu_perbaikan';
    const li = el('li', { class: `kartu aktivitas antre${ditolak ? ' ditolak' : ''}`, 'data-kunci': q.kunci },
      el('p', { class: 'judul-kartu' },
        el('span', { class: 'jam' }, tampilTanggal ? `${tanggalHari(a.tanggal)} · ${jamTeks(a)}` : jamTeks(a)),
        badge(ditolak ? 'perlu_perbaikan' : 'belum_terkirim')),
      el('p', { class: 'uraian teks-panjang' }, a.uraian),
      el('p', { class: 'ket' }, a.rhk_id ? `${T.rhkDidukung}: ${a.rhk_teks || a.rhk_id}` : T.tugasTambahanLabel));
    if (ditolak) {
      li.append(el('div', { class: 'peringatan' }, el('p', {}, T.perluDiperbaikiKet),
        el('ul', {}, (q.errors && q.errors.length ? q.errors.map((e) => `${FIELD[e.field] || e.field}: ${e.message}`) : [q.pesan]).map((t) => el('li', {}, t)))));
    }
    li.append(el('div', { class: 'aksi' },
      ditolak ? el('button', { type: 'button', class: 'kecil', 'aria-label': `${T.perbaiki}: ${a.uraian}`, on: { click: async () => {
        await isiForm(a, T.perbaikiAktivitas, null, { antre: q });
        if (q.errors && q.errors.length) showProblem(fbox, { status: 422, message: q.pesan, problem: { errors: q.errors } }, form);
        else showAlert(fbox, q.pesan);
      } } }, T.perbaiki) : null,
      el('button', { type: 'button', class: 'kecil bahaya', 'aria-label': `${T.buang}: ${a.uraian}`, on: { click: async () => {
        if (!window.confirm(T.konfirmasiBuangAntrean(a.uraian))) return;
        await hapusAntrean(q.kunci);
        if (s.edit && s.edit.antre && s.edit.antre.kunci === q.kunci) kosongkan();
      } } }, T.buang)));
    return li;
  }

  function renderDaftar() {
    const t = s.tanggal;
    const dariServer = (s.hasil || []).slice().sort((a, b) => (a.jam_mulai || '99').localeCompare(b.jam_mulai || '99') || a.id - b.id);
    const antreHari = s.antre.filter((q) => q.tampil.tanggal === t);
    const antreLain = s.antre.filter((q) => q.tampil.tanggal !== t);
    const total = dariServer.reduce((n, a) => n + a.menit, 0) + antreHari.reduce((n, q) => n + (q.tampil.menit || 0), 0);
    const batas = (s.ruj && s.ruj.aturan && s.ruj.aturan.menit_maks_harian) || BATAS_BAWAAN;
    const kosong = !dariServer.length && !antreHari.length;
    fill(daftarSec,
      el('h3', { id: 'judul-hari', tabindex: -1 }, T.daftarHari(tanggalHari(t))),
      el('div', { class: `total-hari${total > batas ? ' lebih' : ''}` },
        el('p', { id: 'total-hari' }, T.totalHari(durasi(total), durasi(batas)), ` (${angka(total)}/${angka(batas)} ${FMT.menit})`),
        el('meter', { min: 0, max: batas, value: Math.min(total, batas), high: batas * 0.999, optimum: batas * 0.8, 'aria-labelledby': 'total-hari' }),
        total > batas ? el('p', { class: 'galat' }, T.melebihi) : null),
      s.gagal ? el('p', { class: 'peringatan-ringan' }, s.gagal.status === 0 ? T.tidakDapatMemuatHari : s.gagal.message) : null,
      kosong && !s.gagal ? kosongKe(T.belumAdaAktivitas, { label: KOSONG.catatAktivitas, on: fokusKe(f.uraian) }) : null,
      kosong ? null : el('ul', { class: 'daftar daftar-aktivitas' }, antreHari.map((q) => kartuAntre(q, false)), dariServer.map((a) => kartu(a))));
    antrePanel.hidden = s.antre.length === 0;
    fill(antrePanel, s.antre.length ? [
      el('h3', { id: 'judul-antre' }, T.belumTerkirimJudul(s.antre.length)),
      el('p', { class: 'ket' }, T.belumTerkirimKet),
      antreLain.length ? [el('p', { class: 'label' }, T.tanggalLain), el('ul', { class: 'daftar' }, antreLain.map((q) => kartuAntre(q, true)))] : null,
      s.antre.some((q) => q.status === 'menunggu') ? el('button', { type: 'button', class: 'kedua', on: { click: async (ev) => {
        const btn = ev.currentTarget;
        btn.disabled = true;
        try { await kirimSekarang(); } catch { /* stays queued */ } finally { btn.disabled = false; }
        await muatDaftar();
      } } }, T.kirimSekarang) : null] : null);
  }

  // ---- keeping up with the queue and the connection ----
  function diAntrean() {
    if (!root.isConnected) { window.removeEventListener('kinerja:antrean', diAntrean); window.removeEventListener('online', diOnline); return; }
    muatDaftar();
  }
  async function diOnline() {
    if (!root.isConnected) { diAntrean(); return; }
    if (s.rujLuring) { try { await muatRujukan(); } catch { /* keep the snapshot */ } }
    muatDaftar();
  }
  window.addEventListener('kinerja:antrean', diAntrean);
  window.addEventListener('online', diOnline);

  await muatRujukan();
  await muatDaftar();
  if (s.sorot) {
    setTimeout(() => {
      const c = document.getElementById(`aktivitas-${s.sorot}`);
      if (c) { c.scrollIntoView({ block: 'center' }); c.focus(); }
    }, 0);
  }
}
