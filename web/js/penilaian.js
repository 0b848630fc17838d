// penilaian.js: "Penilaian" (#/penilaian?tahun=2026).  For a pejabat penilai: per approved SKP
// of a bawahan, the penilaian already made and a form to start one (periodik by the period's
// siklus, or tahunan); the keberatan waiting for the user's decision; the user's own penilaian
// and keberatan; and for an atasan, the team with links to 360 feedback and angka kredit.
import { api } from './api.js';
import { T, TP, PREDIKAT, STATUS_LAIN, namaPenilaian, namaPeriodeKe, jumlahPeriode, tanggal } from './teks.js';
import { el, badge, labelled, alertBox, showProblem, busy, nextId } from './ui.js';
import { kosong, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

/** One penilaian as a line: link, status badge, predikat. */
export function barisPenilaian(p, teksTautan) {
  return el('li', { class: 'baris-penilaian' },
    el('a', { href: `#/penilaian/${p.id}` }, teksTautan || namaPenilaian(p)), ' ',
    badge(p.status === 'final' ? 'final' : 'draft'), ' ',
    el('span', { class: 'predikat-teks' }, p.predikat ? `${TP.predikat}: ${PREDIKAT[p.predikat] || p.predikat}` : TP.belumPredikat));
}

export async function penilaianList(root, ctx, params, query) {
  const me = ctx.me;
  root.append(el('h2', {}, TP.judul));
  if (!me.pegawai) { root.append(el('p', {}, T.tanpaPegawai)); return; }
  const sekarang = new Date().getFullYear();
  const tahun = /^\d{4}$/.test(query.get('tahun') || '') ? Number(query.get('tahun')) : sekarang;
  const tIn = el('input', { type: 'number', inputmode: 'numeric', min: 2000, max: 2100, 'data-field': 'tahun', value: String(tahun) });
  const filter = el('form', { class: 'filter', role: 'search', 'aria-label': TP.saringPenilaian, novalidate: true },
    el('div', { class: 'lebar' }, ...labelled(TP.tahun, tIn)), el('button', { type: 'submit', class: 'kedua' }, T.tampilkan));
  filter.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const t = tIn.value.trim();
    ctx.go(/^\d{4}$/.test(t) ? `#/penilaian?tahun=${t}` : '#/penilaian');
  });
  root.append(filter);

  const [dinilai, skp, milik, kebSaya, kebMenunggu] = await Promise.all([
    api('GET', `/api/v1/penilaian?penilai=saya&tahun=${tahun}&limit=200`),
    api('GET', `/api/v1/skp?penilai=saya&status=disetujui&tahun=${tahun}&limit=200`),
    api('GET', `/api/v1/penilaian?pegawai_id=${me.pegawai.id}&tahun=${tahun}&limit=200`),
    api('GET', '/api/v1/keberatan'),
    api('GET', '/api/v1/keberatan?sebagai=pemutus&status=diajukan'),
  ]);

  if (kebMenunggu.items.length) {
    root.append(el('section', { class: 'catatan', 'aria-labelledby': 'judul-keb-menunggu' },
      el('h3', { id: 'judul-keb-menunggu' }, TP.keberatanMenunggu(kebMenunggu.items.length)),
      el('p', {}, el('a', { href: '#/keberatan' }, TP.bukaKeberatan))));
  }
  if (skp.items.length || dinilai.items.length) root.append(await bagianMenilai(ctx, tahun, skp.items, dinilai.items));
  root.append(bagianMilik(milik.items, kebSaya.items, tahun));
  if (me.jumlah_bawahan > 0) root.append(await bagianTim(me));
  // the public feedback link of the pegawai (service desks), loaded after the rest
  const secMasukan = el('section', { 'aria-labelledby': 'judul-masukan' });
  root.append(secMasukan);
  import('./unit.js').then((m) => m.masukan(secMasukan, `/api/v1/pegawai/${me.pegawai.id}/masukan-publik`, me.pegawai.nama_lengkap, TP.masukanSaya))
    .catch((e) => { secMasukan.append(el('p', { class: 'ket' }, e.message)); });
}

async function bagianMenilai(ctx, tahun, skps, dinilai) {
  const sec = el('section', { 'aria-labelledby': 'judul-menilai' },
    el('h3', { id: 'judul-menilai' }, TP.mulaiJudul), el('p', { class: 'ket' }, TP.mulaiKet));
  // the siklus is the period's (one period per year): read it from one SKP of the year
  let siklus = 'triwulanan';
  if (skps.length) {
    try { siklus = (await api('GET', `/api/v1/skp/${skps[0].id}`)).periode.siklus || siklus; } catch { /* the default */ }
  }
  const perSkp = new Map();
  dinilai.forEach((p) => { if (!perSkp.has(p.skp_id)) perSkp.set(p.skp_id, []); perSkp.get(p.skp_id).push(p); });
  if (!skps.length) sec.append(kosong(TP.tidakAdaSkpDinilai(tahun), { label: KOSONG.kePersetujuan, href: '#/persetujuan?semua=1' }));
  const daftar = el('ul', { class: 'daftar' });
  for (const s of skps) daftar.append(kartuSkp(ctx, s, siklus, perSkp.get(s.id) || []));
  sec.append(daftar);
  const lain = dinilai.filter((p) => !skps.some((s) => s.id === p.skp_id));
  if (lain.length) {
    sec.append(el('h4', {}, TP.penilaianLain),
      el('ul', { class: 'daftar' }, lain.map((p) => el('li', { class: 'kartu' },
        el('p', {}, el('strong', {}, p.pegawai.nama), ' ', el('span', { class: 'nip' }, T.nip(p.pegawai.nip))),
        el('ul', { class: 'daftar-penilaian' }, barisPenilaian(p))))));
  }
  return sec;
}

function kartuSkp(ctx, s, siklus, ada) {
  const nama = s.pegawai.nama_lengkap;
  const fbox = alertBox();
  const sel = el('select', { 'data-field': 'periode_ke' });
  const sudah = (jenis, ke) => ada.find((p) => p.jenis === jenis && (jenis === 'tahunan' || p.periode_ke === ke));
  const bulanIni = new Date().getMonth() + 1;
  const n = jumlahPeriode(siklus);
  const per = 12 / n;
  let pilihan = '';
  for (let ke = 1; ke <= n; ke++) {
    // only the periods the SKP covers (a mid-year SKP after a mutasi covers part of the year)
    const m1 = `${s.tahun}-${String((ke - 1) * per + 1).padStart(2, '0')}-01`;
    const m2 = `${s.tahun}-${String(ke * per).padStart(2, '0')}-31`;
    if (s.selesai < m1 || s.mulai > m2) continue;
    const p = sudah('periodik', ke);
    sel.append(el('option', { value: String(ke) }, `${namaPeriodeKe(siklus, ke)}${p ? TP.sudahAda(STATUS_LAIN[p.status] || 'Draf') : ''}`));
    if (s.tahun === new Date().getFullYear() && Math.ceil(bulanIni / per) === ke) pilihan = String(ke);
  }
  const pt = sudah('tahunan');
  sel.append(el('option', { value: 'tahunan' }, `${TP.tahunan(s.tahun)}${pt ? TP.sudahAda(STATUS_LAIN[pt.status] || 'Draf') : ''}`));
  sel.value = pilihan || 'tahunan';
  sel.id = nextId('periode');
  const form = el('form', { class: 'mulai-penilaian', novalidate: true },
    fbox, el('label', { for: sel.id }, TP.periodePenilaian, el('span', { class: 'sr-only' }, ` untuk ${nama}`)), sel,
    el('button', { type: 'submit' }, TP.mulai, el('span', { class: 'sr-only' }, ` ${nama}`)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = sel.value === 'tahunan' ? { jenis: 'tahunan' } : { jenis: 'periodik', periode_ke: Number(sel.value) };
    try {
      const p = await busy(form, () => api('POST', `/api/v1/skp/${s.id}/penilaian`, body));
      ctx.go(`#/penilaian/${p.id}`);
    } catch (e) {
      showProblem(fbox, e, form);
    }
  });
  const urut = ada.slice().sort((a, b) => (a.jenis === b.jenis ? a.periode_ke - b.periode_ke : a.jenis === 'tahunan' ? 1 : -1));
  return el('li', { class: 'kartu kartu-skp-dinilai' },
    el('p', { class: 'judul-kartu' }, el('strong', {}, nama)),
    el('p', { class: 'nip' }, T.nip(s.pegawai.nip)),
    s.pegawai.jabatan ? el('p', {}, s.pegawai.jabatan) : null,
    el('p', { class: 'ket' }, `${T.judulSkp(s.tahun)} · ${tanggal(s.mulai)} – ${tanggal(s.selesai)}`),
    urut.length ? el('ul', { class: 'daftar-penilaian' }, urut.map((p) => barisPenilaian(p))) : el('p', { class: 'kosong' }, TP.belumDinilai),
    form);
}

function bagianMilik(items, keberatan, tahun) {
  const sec = el('section', { 'aria-labelledby': 'judul-milik' }, el('h3', { id: 'judul-milik' }, TP.milikSaya));
  if (!items.length) sec.append(kosong(`${TP.tahun} ${tahun}: ${TP.belumAdaMilik}`, { label: KOSONG.keSkp, href: '#/skp' }));
  else {
    sec.append(el('ul', { class: 'daftar' }, items.map((p) => {
      const keb = keberatan.filter((k) => k.penilaian_id === p.id);
      return el('li', { class: 'kartu' },
        el('ul', { class: 'daftar-penilaian' }, barisPenilaian(p)),
        el('p', { class: 'ket' }, `${tanggal(p.mulai)} – ${tanggal(p.selesai)}`),
        p.status === 'final' ? el('p', {}, el('a', { href: `/api/v1/penilaian/${p.id}/dokumen.pdf`, download: '' },
          T.unduhPdf, el('span', { class: 'sr-only' }, ` ${TP.dokumenUntuk(namaPenilaian(p))}`))) : null,
        keb.length ? el('p', {}, `${TP.keberatanStatus}: `, badge(keb[0].status)) : null);
    })));
  }
  if (keberatan.length) sec.append(el('p', {}, el('a', { href: '#/keberatan' }, `${TP.keberatanSaya} (${keberatan.length})`)));
  return sec;
}

async function bagianTim(me) {
  const sec = el('section', { 'aria-labelledby': 'judul-tim' }, el('h3', { id: 'judul-tim' }, TP.timJudul), el('p', { class: 'ket' }, TP.timKet));
  let items = [];
  try {
    items = (await api('GET', '/api/v1/pegawai?limit=200')).items.filter((p) => p.id !== me.pegawai.id);
  } catch (e) {
    const box = alertBox();
    sec.append(box);
    showProblem(box, e);
    return sec;
  }
  const det = el('details', { class: 'tim' }, el('summary', {}, TP.timRingkas(items.length)),
    el('ul', { class: 'daftar' }, items.map((p) => el('li', { class: 'kartu' },
      el('p', {}, el('strong', {}, p.nama_lengkap)),
      el('p', { class: 'nip' }, T.nip(p.nip)),
      p.jabatan ? el('p', {}, [p.jabatan.nama, p.unit_kerja && p.unit_kerja.nama].filter(Boolean).join(' — ')) : null,
      el('p', { class: 'tautan' },
        el('a', { class: 'tombol kedua', href: `#/pegawai/${p.id}/360`, 'aria-label': TP.buka360Untuk(p.nama_lengkap) }, TP.buka360),
        p.jabatan && p.jabatan.jenis === 'fungsional'
          ? el('a', { class: 'tombol kedua', href: `#/pegawai/${p.id}/angka-kredit`, 'aria-label': TP.akUntuk(p.nama_lengkap) }, T.menu.angkaKredit)
          : null)))));
  sec.append(det);
  return sec;
}
