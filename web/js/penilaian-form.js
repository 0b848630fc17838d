// penilaian-form.js: one penilaian (#/penilaian/{id}).  The pejabat penilai fills it while it is
// a draft: per RHK the context of the period (activities, approved realisasi, continuous
// feedback), the capaian of each IKI (approved monthly realisasi against the target, read from
// the monthly sheets) and a feedback text, the seven perilaku with a feedback text each, the two
// ratings and a note; the predikat is the server's (from the matrix), previewed through the
// calculator before saving; the 360 round the user opened for the pegawai, if any.  "Finalkan"
// saves and locks it (curve warnings shown; a blocked finalisation lists the broken rules).  A
// final penilaian is read-only, with its verification code and the PDF; the pegawai may file a
// keberatan on it within the instansi's window.
import { api } from './api.js';
import { T, TP, RATING, PREDIKAT_ORG, HURUF_KELOMPOK, BULAN, namaPenilaian, tanggal, tanggalUnix, waktuUnix, durasi, angka, angkaDesimal, persen, target } from './teks.js';
import { el, fill, put, nextId, badge, labelled, alertBox, showAlert, showProblem, clearErrors, announce, busy, radioGroup, galatLokal } from './ui.js';
import { TI, TAHAP } from './teks-inovasi.js';
import { muatProfil, kartuProfil } from './profil-kinerja.js';

const PILIHAN_RATING = Object.entries(RATING);

export async function penilaianForm(root, ctx, params) {
  const id = Number(params[0]);
  const me = ctx.me;
  const s = { p: await api('GET', `/api/v1/penilaian/${id}`), peringatan: null, keberatan: [], modeKeberatan: false };
  const milik = () => !!(me.pegawai && s.p.pegawai.id === me.pegawai.id);
  const penilai = () => !!(me.pegawai && s.p.penilai_id === me.pegawai.id);
  const bisaUbah = () => penilai() && s.p.status === 'draft';
  if (milik()) {
    await muatKeberatan();
    // the window for a keberatan: keberatan_hari days after finalisation (instansi setting)
    try { s.hariKeberatan = (await api('GET', '/api/v1/pengaturan')).keberatan_hari; } catch { s.hariKeberatan = null; }
  }

  const head = el('div');
  const box = alertBox();
  const body = el('div');
  const panelPredikat = el('section', { class: 'panel panel-predikat', 'aria-labelledby': 'judul-predikat', 'aria-live': 'polite' });
  const wadahCapaian = new Map();   // RHK id → the element that shows the capaian of its IKI
  let capaian = null;               // null while loading; {ok, perRhk: Map, pesan}
  // the four-dimension profile of the pegawai for the penilaian's year (issue 15), loaded once
  const wadahProfil = el('div', { class: 'wadah-profil' });
  root.append(head, box, body);
  render();
  muatCapaian();
  muatProfil(s.p.pegawai.id, s.p.tahun).then((pr) => fill(wadahProfil, kartuProfil(pr)));

  async function muatKeberatan() {
    try {
      s.keberatan = (await api('GET', '/api/v1/keberatan')).items.filter((k) => k.penilaian_id === id);
    } catch { s.keberatan = []; }
  }

  /**
   * The capaian of each IKI in the period: the approved monthly realisasi of the months of the
   * penilaian (one sheet per month; the API has no per-period summary) against the IKI's target.
   */
  async function muatCapaian() {
    const p = s.p;
    const m1 = Number(p.mulai.slice(5, 7));
    let m2 = Number(p.selesai.slice(5, 7));
    const kini = new Date();
    if (p.tahun === kini.getFullYear()) m2 = Math.min(m2, kini.getMonth() + 1);
    const bulan = [];
    for (let b = m1; b <= m2; b++) bulan.push(b);
    try {
      const lembar = await Promise.all(bulan.map((b) => api('GET', `/api/v1/skp/${p.skp_id}/realisasi?bulan=${b}`)));
      const perRhk = new Map();
      const perIki = new Map();
      lembar.forEach((l, i) => l.items.forEach((x) => {
        if (!perIki.has(x.iki_id)) {
          const iki = { ...x, bulan: [] };
          perIki.set(x.iki_id, iki);
          if (!perRhk.has(x.rhk.id)) perRhk.set(x.rhk.id, []);
          perRhk.get(x.rhk.id).push(iki);
        }
        if (x.status === 'disetujui') perIki.get(x.iki_id).bulan.push({ bulan: bulan[i], angka: x.nilai_angka, teks: x.nilai_teks, persen: x.capaian_persen });
      }));
      capaian = { ok: true, perRhk };
    } catch (e) {
      capaian = { ok: false, pesan: e.message };
    }
    wadahCapaian.forEach((w, rid) => isiCapaian(w, rid));
  }

  function kotakCapaian(r) {
    const w = el('div', { class: 'capaian-rhk' });
    wadahCapaian.set(r.id, w);
    isiCapaian(w, r.id);
    return w;
  }

  function isiCapaian(w, rid) {
    if (!capaian) { fill(w, el('p', { class: 'ket' }, TP.memuatCapaian)); return; }
    if (!capaian.ok) { fill(w, el('p', { class: 'ket' }, TP.gagalCapaian(capaian.pesan))); return; }
    const iki = capaian.perRhk.get(rid) || [];
    if (!iki.length) { fill(w); return; }
    const r = s.p.rhk.find((x) => x.id === rid);
    const nilai = (x, v) => (v.teks ? v.teks : target({ target_angka: v.angka, target_satuan: x.target_satuan }));
    const judul = `${TP.capaianJudul}${r ? ` — RHK ${nomor(r)}` : ''}`;
    const idJ = nextId('capaian');
    fill(w, el('p', { class: 'label', id: idJ }, judul), el('ul', { class: 'capaian-iki', 'aria-labelledby': idJ }, iki.map((x) => {
      const angkaSaja = x.target_angka !== null && x.bulan.every((v) => v.angka !== null && v.angka !== undefined);
      const jumlah = x.bulan.reduce((a, v) => a + (Number(v.angka) || 0), 0);
      const akhir = x.bulan[x.bulan.length - 1];
      let cap = T.kosong;
      if (x.bulan.length && x.aspek === 'kuantitas' && angkaSaja && Number(x.target_angka) > 0) {
        cap = TP.capaianDariTarget(persen(Math.round((jumlah / Number(x.target_angka)) * 10000) / 100));
      } else if (akhir && akhir.persen !== null && akhir.persen !== undefined) {
        cap = TP.capaianTerakhir(persen(akhir.persen), BULAN[akhir.bulan - 1]);
      }
      return el('li', {},
        el('p', { class: 'indikator' }, x.indikator),
        el('dl', {},
          el('dt', {}, TP.kolomTarget), el('dd', {}, target(x)),
          el('dt', {}, TP.kolomRealisasi), el('dd', {}, x.bulan.length
            ? [x.bulan.map((v) => TP.bulanSingkat(BULAN[v.bulan - 1].slice(0, 3), nilai(x, v))).join(' · '),
              x.aspek === 'kuantitas' && angkaSaja && x.bulan.length > 1 ? ` (${TP.jumlahRealisasi(nilai(x, { angka: jumlah }))})` : null]
            : TP.belumRealisasi),
          el('dt', {}, TP.kolomCapaian), el('dd', {}, cap)));
    })));
  }

  /** The latest 360 round the user opened for this pegawai (remembered on this device), summarised. */
  async function ringkas360(sec) {
    const p = s.p;
    let putaran = [];
    try { putaran = (await import('./umpan360.js')).putaranDiingat(me, p.pegawai.id); } catch { /* none */ }
    const buka = penilai() ? el('a', { href: `#/pegawai/${p.pegawai.id}/360` }, TP.buka360Ini) : null;
    if (!putaran.length) { put(sec, el('p', { class: 'ket' }, TP.tanpa360), buka ? el('p', {}, buka) : null); return; }
    let h;
    try { h = await api('GET', `/api/v1/360/${putaran[0].id}`); } catch (e) { put(sec, el('p', { class: 'ket' }, e.message)); return; }
    put(sec, el('p', {}, TP.putaran360Ringkas(putaran[0].tahun, angka(h.menjawab), angka(h.responden))),
      h.hasil ? el('ul', { class: 'ringkas-360' }, h.hasil.map((x) => el('li', {}, TP.rata360(x.nama, angkaDesimal(x.rata_rata)))))
        : el('p', { class: 'ket' }, TP.belumCukup360),
      el('p', {}, el('a', { href: `#/360/${h.id}` }, TP.lihatHasil360)));
  }

  function nomor(r) {
    const sama = s.p.rhk.filter((x) => x.kelompok === r.kelompok);
    return `${HURUF_KELOMPOK[r.kelompok] || ''}.${sama.indexOf(r) + 1}`;
  }

  function render() {
    const p = s.p;
    const per = namaPenilaian(p);
    fill(head,
      el('p', { class: 'jejak' }, el('a', { href: '#/penilaian' }, `← ${TP.kembali}`)),
      el('h2', { tabindex: -1 }, milik() ? TP.judulMilik(per) : TP.judulForm(p.pegawai.nama, per)),
      el('p', { class: 'status-baris' }, el('span', { class: 'sr-only' }, `${T.status}: `),
        badge(p.status === 'final' ? 'final' : 'draft', 'lencana-skp'),
        p.difinalkan ? el('span', {}, TP.difinalkan(tanggalUnix(p.difinalkan))) : null));
    tampilPredikat();
    fill(body,
      peringatanKurva(),
      el('dl', { class: 'identitas' },
        el('dt', {}, TP.pegawai), el('dd', { class: 'orang' }, el('strong', {}, p.pegawai.nama),
          el('span', { class: 'nip' }, T.nip(p.pegawai.nip)), p.pegawai.unit_kerja ? el('span', {}, p.pegawai.unit_kerja) : null),
        el('dt', {}, TP.periode), el('dd', {}, `${per}: ${tanggal(p.mulai)} – ${tanggal(p.selesai)}`)),
      panelPredikat,
      p.status === 'final' ? verifikasi() : null,
      !milik() ? bagian360() : null,
      wadahProfil,
      bisaUbah() ? formulir() : bacaSaja(),
      milik() && p.status === 'final' ? bagianKeberatan() : null);
  }

  function peringatanKurva() {
    if (!s.peringatan || !s.peringatan.length) return null;
    return el('section', { class: 'peringatan-ringan', 'aria-labelledby': 'judul-peringatan-kurva' },
      el('h3', { id: 'judul-peringatan-kurva' }, TP.peringatanKurva),
      el('p', {}, TP.peringatanKurvaKet),
      el('ul', {}, s.peringatan.map((v) => el('li', {}, TP.pelanggaran(v.aturan, angka(v.jumlah), angka(v.batas))))));
  }

  /** The predikat: the stored one, or (pratinjau) what the matrix gives for unsaved ratings. */
  function tampilPredikat(pratinjau) {
    const p = s.p;
    const kepala = el('h3', { id: 'judul-predikat' }, TP.predikatJudul);
    if (pratinjau) {
      fill(panelPredikat, kepala,
        el('p', { class: 'predikat-nilai' }, el('strong', {}, pratinjau.predikat), ' ', el('span', { class: 'ket' }, `(${TP.predikatPratinjau})`)),
        el('ul', { class: 'penjelasan' }, pratinjau.penjelasan.map((t) => el('li', {}, t))));
    } else if (p.predikat) {
      fill(panelPredikat, kepala,
        el('p', { class: 'predikat-nilai' }, el('strong', {}, p.predikat_label || p.predikat)),
        el('ul', { class: 'penjelasan' }, (p.penjelasan || []).map((t) => el('li', {}, t))),
        el('p', { class: 'ket' }, TP.predikatDariServer));
    } else {
      fill(panelPredikat, kepala, el('p', { class: 'kosong' }, TP.predikatBelum));
    }
  }

  function bagian360() {
    const sec = el('section', { class: 'panel', 'aria-labelledby': 'judul-ringkas-360' }, el('h3', { id: 'judul-ringkas-360' }, TP.ringkas360));
    ringkas360(sec);
    return sec;
  }

  function verifikasi() {
    const p = s.p;
    return el('section', { class: 'panel', 'aria-label': TP.kodeVerifikasi },
      p.hash ? el('p', {}, `${TP.kodeVerifikasi}: `, el('code', { class: 'kode' }, p.hash.slice(0, 16))) : null,
      el('p', { class: 'tautan' }, el('a', { class: 'tombol kedua', href: `/api/v1/penilaian/${id}/dokumen.pdf`, download: '' }, TP.unduhPdf)));
  }

  /** Validated innovations of the period (issue 15): evidence for a rating "di atas ekspektasi". */
  function bagianInovasi() {
    const daftar = s.p.inovasi || [];
    return el('section', { class: 'panel inovasi-penilaian', 'aria-labelledby': 'judul-inovasi-penilaian' },
      el('h4', { id: 'judul-inovasi-penilaian' }, TI.penilaianJudul), el('p', { class: 'ket' }, TI.penilaianKet),
      daftar.length ? el('ul', { class: 'daftar' }, daftar.map((i) => el('li', {},
        el('strong', {}, i.judul), ` · ${TAHAP[i.tahap] || i.tahap} · ${i.layanan}`,
        i.dampak ? el('span', { class: 'ket' }, ` · ${TI.dampak(i.dampak.indikator, angka(i.dampak.sebelum), angka(i.dampak.sesudah), i.dampak.satuan)}`) : null,
        el('span', { class: 'ket' }, ` · ${TI.divalidasiOleh(i.validator, tanggal(i.tanggal_validasi))}`))))
        : el('p', { class: 'kosong' }, TI.penilaianKosong));
  }

  function konteks(r) {
    return el('p', { class: 'ket konteks' },
      TP.konteks(angka(r.aktivitas.jumlah), durasi(r.aktivitas.menit), angka(r.realisasi_disetujui), angka(r.umpan_balik_berkelanjutan)));
  }

  function formulir() {
    const p = s.p;
    const org = p.rating_hasil_dari_organisasi;
    const form = el('form', { class: 'form-penilaian', novalidate: true });
    const fbox = alertBox();
    const rhkTa = p.rhk.map((r) => {
      const ta = el('textarea', { rows: 3, 'data-field': `umpan_balik_rhk.${r.id}` });
      ta.value = r.umpan_balik || '';
      return [r, ta];
    });
    const perTa = p.perilaku.map((b) => {
      const ta = el('textarea', { rows: 2, 'data-field': `umpan_balik_perilaku.${b.nomor}` });
      ta.value = b.umpan_balik || '';
      return [b, ta];
    });
    const gHasil = radioGroup({ legend: TP.ratingHasil, options: PILIHAN_RATING, field: 'rating_hasil',
      value: org ? org.rating_hasil : p.rating_hasil || '', disabled: !!org,
      hint: org ? TP.dariOrganisasi(PREDIKAT_ORG[org.predikat_organisasi] || org.predikat_organisasi, RATING[org.rating_hasil]) : null,
      cls: 'rating' });
    const gPerilaku = radioGroup({ legend: TP.ratingPerilaku, options: PILIHAN_RATING, field: 'rating_perilaku',
      value: p.rating_perilaku || '', cls: 'rating' });
    const cat = el('textarea', { rows: 3, 'data-field': 'catatan' });
    cat.value = p.catatan || '';
    const tombolFinal = el('button', { type: 'button', class: 'kedua', 'aria-describedby': 'ket-finalkan' }, TP.finalkan);
    const label = (teks, sr) => el('label', {}, teks, el('span', { class: 'sr-only' }, sr));

    const rhkSec = el('section', { 'aria-labelledby': 'judul-hasil-kerja' }, el('h3', { id: 'judul-hasil-kerja' }, TP.hasilKerja));
    if (!rhkTa.length) rhkSec.append(el('p', { class: 'kosong' }, TP.tanpaRhk));
    rhkSec.append(el('ol', { class: 'rhk-daftar' }, rhkTa.map(([r, ta]) => {
      const lab = label(TP.umpanBalik, TP.umpanBalikRhk(nomor(r)));
      ta.id = `ub-rhk-${r.id}`;
      lab.htmlFor = ta.id;
      return el('li', { class: 'kartu' },
        el('p', { class: 'rhk-teks' }, el('span', { class: 'nomor' }, nomor(r)), ' ', r.rhk), konteks(r), kotakCapaian(r), lab, ta);
    })), bagianInovasi(), gHasil);
    const perSec = el('section', { 'aria-labelledby': 'judul-perilaku-nilai' }, el('h3', { id: 'judul-perilaku-nilai' }, TP.perilakuJudul),
      el('ol', { class: 'perilaku' }, perTa.map(([b, ta]) => {
        const lab = label(TP.umpanBalik, TP.umpanBalikPerilaku(b.nama));
        ta.id = `ub-perilaku-${b.nomor}`;
        lab.htmlFor = ta.id;
        return el('li', { class: 'kartu' }, el('p', {}, el('strong', {}, `${b.nomor}. ${b.nama}`)), lab, ta);
      })), gPerilaku);
    form.append(rhkSec, perSec, ...labelled(TP.catatan, cat, TP.catatanKet), fbox,
      el('div', { class: 'aksi' }, el('button', { type: 'submit' }, TP.simpan), tombolFinal),
      el('p', { class: 'ket', id: 'ket-finalkan' }, TP.finalkanKet));

    // a preview of the matrix while the ratings differ from the stored ones
    let giliran = 0;
    async function pratinjau() {
      const rh = gHasil.nilai(), rp = gPerilaku.nilai();
      const n = ++giliran;
      if (!rh || !rp || (rh === s.p.rating_hasil && rp === s.p.rating_perilaku)) { tampilPredikat(); return; }
      try {
        const h = await api('POST', '/api/v1/hitung/predikat', { hasil_kerja: rh, perilaku: rp });
        if (n === giliran && panelPredikat.isConnected) tampilPredikat(h);
      } catch { if (n === giliran) tampilPredikat(); }
    }
    gHasil.addEventListener('change', pratinjau);
    gPerilaku.addEventListener('change', pratinjau);

    async function simpan() {
      const data = { catatan: cat.value.trim(), umpan_balik_rhk: {}, umpan_balik_perilaku: {} };
      rhkTa.forEach(([r, ta]) => { data.umpan_balik_rhk[String(r.id)] = ta.value.trim(); });
      perTa.forEach(([b, ta]) => { data.umpan_balik_perilaku[String(b.nomor)] = ta.value.trim(); });
      const rh = gHasil.nilai(), rp = gPerilaku.nilai();
      if (rh && !org) data.rating_hasil = rh;
      if (rp) data.rating_perilaku = rp;
      s.p = await api('PATCH', `/api/v1/penilaian/${id}`, data);
      giliran++;
      tampilPredikat();
    }

    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      showAlert(box, '');
      clearErrors(form);
      try {
        await busy(form, simpan);
      } catch (e) {
        showProblem(fbox, e, form);
        return;
      }
      showAlert(fbox, '');
      announce(s.p.predikat_label ? `${TP.tersimpan} ${TP.predikat}: ${s.p.predikat_label}.` : TP.tersimpan);
    });
    tombolFinal.addEventListener('click', async () => {
      if (!window.confirm(TP.konfirmasiFinal)) return;
      showAlert(box, '');
      clearErrors(form);
      try {
        await busy(form, async () => {
          await simpan();
          const r = await api('POST', `/api/v1/penilaian/${id}/final`);
          s.peringatan = r.peringatan_kurva || null;
          s.p = r;
        });
      } catch (e) {
        if (e.status === 409 && /^pola distribusi/.test(e.message)) {
          // refused by the instansi's blokir mode: the rules, one per line (the draft is saved)
          const aturan = e.message.replace(/^[^:]*:\s*/, '').split(';').map((x) => x.trim()).filter(Boolean);
          announce('');
          showAlert(fbox, `${TP.diblokirJudul}. ${TP.diblokirKet}`, aturan);
          tampilPredikat();
        } else {
          showProblem(fbox, e, form);
        }
        fbox.scrollIntoView({ block: 'nearest' });
        return;
      }
      render();
      announce(TP.sudahFinal);
      root.querySelector('h2').focus();
    });
    return form;
  }

  function bacaSaja() {
    const p = s.p;
    const teks = (t) => (t ? el('p', { class: 'teks-panjang' }, t) : el('p', { class: 'kosong' }, TP.tanpaUmpanBalik));
    return el('div', { class: 'penilaian-baca' },
      p.status === 'draft' ? el('p', { class: 'ket' }, TP.bukanPenilai) : null,
      el('section', { 'aria-labelledby': 'judul-hasil-kerja' }, el('h3', { id: 'judul-hasil-kerja' }, TP.hasilKerja),
        p.rhk.length ? el('ol', { class: 'rhk-daftar' }, p.rhk.map((r) => el('li', { class: 'kartu' },
          el('p', { class: 'rhk-teks' }, el('span', { class: 'nomor' }, nomor(r)), ' ', r.rhk), konteks(r), kotakCapaian(r),
          el('p', { class: 'label' }, TP.umpanBalik), teks(r.umpan_balik)))) : el('p', { class: 'kosong' }, TP.tanpaRhk)),
      bagianInovasi(),
      el('section', { 'aria-labelledby': 'judul-perilaku-nilai' }, el('h3', { id: 'judul-perilaku-nilai' }, TP.perilakuJudul),
        el('ol', { class: 'perilaku' }, p.perilaku.map((b) => el('li', { class: 'kartu' },
          el('p', {}, el('strong', {}, `${b.nomor}. ${b.nama}`)), teks(b.umpan_balik))))),
      el('dl', { class: 'identitas rating-baca' },
        el('dt', {}, TP.ratingHasil), el('dd', {}, RATING[p.rating_hasil] || T.kosong),
        el('dt', {}, TP.ratingPerilaku), el('dd', {}, RATING[p.rating_perilaku] || T.kosong),
        el('dt', {}, TP.catatan), el('dd', { class: 'teks-panjang' }, p.catatan || T.kosong)));
  }

  function bagianKeberatan() {
    const sec = el('section', { class: 'panel', id: 'bagian-keberatan', 'aria-labelledby': 'judul-keberatan' },
      el('h3', { id: 'judul-keberatan', tabindex: -1 }, TP.keberatanJudul));
    s.keberatan.forEach((k) => sec.append(kartuKeberatan(k)));
    const terbuka = s.keberatan.some((k) => k.status === 'diajukan');
    if (terbuka) return sec;
    const batas = s.hariKeberatan && s.p.difinalkan ? s.p.difinalkan + s.hariKeberatan * 86400 : null;
    if (batas && Date.now() / 1000 > batas) {
      sec.append(el('p', { class: 'ket' }, TP.keberatanLewat(s.hariKeberatan, waktuUnix(batas))));
      return sec;
    }
    if (batas) sec.append(el('p', { class: 'ket', id: 'ket-batas-keberatan' }, TP.keberatanSampai(waktuUnix(batas))));
    if (!s.modeKeberatan) {
      sec.append(el('button', { type: 'button', class: 'kedua', on: { click: () => {
        s.modeKeberatan = true;
        sec.replaceWith(bagianKeberatan());
        root.querySelector('#alasan-keberatan').focus();
      } } }, TP.ajukanKeberatan));
      return sec;
    }
    const fbox = alertBox();
    const ta = el('textarea', { id: 'alasan-keberatan', rows: 4, 'data-field': 'alasan', maxlength: 4000 });
    const form = el('form', { novalidate: true, 'aria-label': TP.ajukanKeberatan }, fbox,
      ...labelled(TP.alasanKeberatan, ta, TP.ajukanKeberatanKet),
      el('div', { class: 'aksi' }, el('button', { type: 'submit' }, TP.kirimKeberatan),
        el('button', { type: 'button', class: 'kedua', on: { click: () => { s.modeKeberatan = false; sec.replaceWith(bagianKeberatan()); } } }, T.batal)));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const alasan = ta.value.trim();
      try {
        if (alasan.length < 10) throw galatLokal('alasan', TP.alasanPendek);
        await busy(form, () => api('POST', `/api/v1/penilaian/${id}/keberatan`, { alasan }));
      } catch (e) {
        showProblem(fbox, e, form);
        return;
      }
      s.modeKeberatan = false;
      await muatKeberatan();
      const baru = bagianKeberatan();
      sec.replaceWith(baru);
      announce(TP.keberatanTerkirim);
      baru.querySelector('h3').focus();
    });
    sec.append(form);
    return sec;
  }

  function kartuKeberatan(k) {
    return el('div', { class: 'kartu keberatan' },
      el('p', { class: 'judul-kartu' }, el('span', {}, TP.keberatanStatus), badge(k.status)),
      el('p', { class: 'ket' }, TP.diajukanTgl(tanggalUnix(k.dibuat))),
      el('p', { class: 'teks-panjang' }, el('span', { class: 'label' }, `${TP.alasanKeberatan}: `), k.alasan),
      k.alasan_putusan ? el('p', { class: 'teks-panjang' }, el('span', { class: 'label' }, `${TP.keputusanAtasan}: `), k.alasan_putusan) : null,
      k.status === 'diterima' && k.rating_hasil ? el('p', {}, TP.ratingBaru(RATING[k.rating_hasil], RATING[k.rating_perilaku])) : null,
      k.diputus ? el('p', { class: 'ket' }, TP.diputusTgl(tanggalUnix(k.diputus))) : null);
  }
}
