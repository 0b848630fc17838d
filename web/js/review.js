// review.js: "Review" (#/review?pegawai=5&dari=2026-11-01&sampai=2026-11-30) for a penilai: the
// activities waiting for their review (filter by pegawai and dates, approve many at once with
// per-item results, or approve / return one with a required note), and the monthly realisasi
// waiting for them, per pegawai and month.
import { api } from './api.js';
import { T, BULAN, tanggalHari, durasi, jam, angka, target, persen, tanggalValid } from './teks.js';
import { el, fill, labelled, nextId, alertBox, showAlert, showProblem, announce, busy, setQuery } from './ui.js';
import { kosong, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

const HALAMAN = 50;

/** The inline "return with a note" form: onKirim(catatan) may throw an API error. */
function formKembalikan(judul, onKirim, onBatal) {
  const fbox = alertBox();
  const ta = el('textarea', { rows: 3, required: true, 'data-field': 'catatan' });
  const form = el('form', { class: 'panel form-kembalikan', novalidate: true, 'aria-label': judul },
    fbox, ...labelled(T.catatanUntukPegawai, ta),
    el('div', { class: 'aksi' },
      el('button', { type: 'submit', class: 'bahaya' }, T.kirimPengembalian),
      el('button', { type: 'button', class: 'kedua', on: { click: onBatal } }, T.batal)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await busy(form, () => onKirim(ta.value.trim()));
    } catch (e) {
      showProblem(fbox, e, form);
    }
  });
  setTimeout(() => ta.focus(), 0);
  return form;
}

export async function review(root, ctx, params, query) {
  root.append(el('h2', {}, T.judulReview));
  if (!ctx.me.pegawai) { root.append(el('p', {}, T.tanpaPegawai)); return; }
  const lompat = el('p', { class: 'tautan' }, el('button', { type: 'button', class: 'kedua kecil', on: { click: () => {
    const h = document.getElementById('judul-review-realisasi');
    h.scrollIntoView({ block: 'start' });
    h.focus();
  } } }, T.keRealisasi));
  const secA = el('section', { 'aria-labelledby': 'judul-review-aktivitas' });
  const secR = el('section', { 'aria-labelledby': 'judul-review-realisasi' });
  root.append(lompat, secA, secR);
  await Promise.all([bagianAktivitas(secA, query), bagianRealisasi(secR)]);
}

async function bagianAktivitas(sec, query) {
  const pegawai = el('select', { 'data-field': 'pegawai_id' }, el('option', { value: '' }, T.semuaPegawai));
  const dari = el('input', { type: 'date', 'data-field': 'dari' });
  const sampai = el('input', { type: 'date', 'data-field': 'sampai' });
  if (tanggalValid(query.get('dari'))) dari.value = query.get('dari');
  if (tanggalValid(query.get('sampai'))) sampai.value = query.get('sampai');
  const filter = el('form', { class: 'filter', role: 'search', 'aria-label': T.saringAktivitas, novalidate: true },
    el('div', { class: 'lebar' }, ...labelled(T.saringPegawai, pegawai)),
    el('div', {}, ...labelled(T.dariTanggal, dari)), el('div', {}, ...labelled(T.sampaiTanggal, sampai)),
    el('button', { type: 'submit', class: 'kedua' }, T.saring));
  const box = alertBox();
  const ringkas = el('p', { class: 'ringkas', role: 'status' });
  const semua = el('input', { type: 'checkbox', id: 'pilih-semua' });
  const setujuiBtn = el('button', { type: 'button' }, T.setujuiTerpilih(0));
  const bar = el('div', { class: 'bar-massal' }, el('p', { class: 'centang' }, semua, el('label', { for: 'pilih-semua' }, T.pilihSemua)), setujuiBtn);
  const daftar = el('ul', { class: 'daftar daftar-review' });
  const lagi = el('button', { type: 'button', class: 'kedua', hidden: true }, T.lagi);
  // the queue is empty: where the bawahan's work comes from (their SKP)
  const kosongAkt = kosong(T.antreanKosong, { label: KOSONG.kePersetujuan, href: '#/persetujuan?semua=1' }, { hidden: true });
  sec.append(el('h3', { id: 'judul-review-aktivitas', tabindex: -1 }, T.reviewAktivitas), filter, box, ringkas, kosongAkt, bar, daftar, lagi);
  const nama = new Map();   // pegawai id → name, from every item seen
  let cursor = null;
  let jumlah = 0;

  function pilihan() {
    const lama = pegawai.value || query.get('pegawai') || '';
    fill(pegawai, el('option', { value: '' }, T.semuaPegawai),
      [...nama.entries()].sort((a, b) => a[1].localeCompare(b[1], 'id')).map(([id, n]) => el('option', { value: String(id) }, n)));
    pegawai.value = [...pegawai.options].some((o) => o.value === lama) ? lama : '';
  }

  function terpilih() { return [...daftar.querySelectorAll('input[type=checkbox]:checked')]; }
  function hitung() {
    const n = terpilih().length;
    setujuiBtn.textContent = T.setujuiTerpilih(n);
    const semuaKotak = daftar.querySelectorAll('input[type=checkbox]');
    semua.checked = semuaKotak.length > 0 && n === semuaKotak.length;
    bar.hidden = semuaKotak.length === 0;
  }
  function ringkasan() {
    ringkas.textContent = jumlah === 0 ? '' : T.jumlahMenunggu(cursor ? `${jumlah}+` : jumlah);
    kosongAkt.hidden = jumlah !== 0;
  }
  function buang(li) {
    const next = li.nextElementSibling || li.previousElementSibling;
    li.remove();
    jumlah = Math.max(0, jumlah - 1);
    ringkasan();
    hitung();
    const f = next ? next.querySelector('input[type=checkbox]') : null;
    if (f) f.focus(); else document.getElementById('judul-review-aktivitas').focus();
  }

  function kartu(a) {
    const cb = el('input', { type: 'checkbox', id: nextId('pilih'), value: String(a.id), on: { change: hitung } });
    const uid = nextId('uraian');
    cb.setAttribute('aria-describedby', uid);
    const aksi = el('div', { class: 'aksi' });
    const li = el('li', { class: 'kartu review-item', 'data-id': String(a.id) },
      el('p', { class: 'centang' }, cb, el('label', { for: cb.id }, el('strong', {}, a.pegawai.nama), ` · ${tanggalHari(a.tanggal)}`)),
      el('p', { class: 'jam' }, a.jam_mulai && a.jam_selesai ? `${jam(a.jam_mulai)}–${jam(a.jam_selesai)} · ${durasi(a.menit)}` : durasi(a.menit)),
      el('p', { class: 'uraian teks-panjang', id: uid }, a.uraian),
      el('p', { class: 'ket' }, a.rhk ? `${T.rhkDidukung}: ${a.rhk.rhk}` : T.tugasTambahanLabel),
      a.kuantitas || a.lokasi ? el('p', { class: 'ket' }, [a.kuantitas ? `${angka(a.kuantitas)} ${a.satuan || ''}`.trim() : null,
        a.lokasi ? `${T.lokasiLabel}: ${a.lokasi}` : null].filter(Boolean).join(' · ')) : null,
      aksi);
    const tombol = () => fill(aksi,
      el('button', { type: 'button', class: 'kecil', 'aria-label': T.setujuiLabel(a.uraian), on: { click: async () => {
        showAlert(box, '');
        try {
          await busy(li, () => api('POST', `/api/v1/aktivitas/${a.id}/setujui`));
        } catch (e) { showProblem(box, e); return; }
        buang(li);
        announce(T.aktivitasDisetujui);
      } } }, T.setujui),
      el('button', { type: 'button', class: 'kecil bahaya', 'aria-label': T.kembalikanLabel(a.uraian), on: { click: () => {
        fill(aksi, formKembalikan(T.kembalikanLabel(a.uraian), async (catatan) => {
          await api('POST', `/api/v1/aktivitas/${a.id}/kembalikan`, { catatan });
          buang(li);
          announce(T.aktivitasDikembalikan);
        }, () => { tombol(); aksi.querySelector('button').focus(); }));
      } } }, T.kembalikan));
    tombol();
    return li;
  }

  let muatKe = 0;   // loads started; only the latest one may fill the list
  async function muat(reset) {
    const ke = ++muatKe;
    const p = new URLSearchParams({ penilai: 'saya', status: 'diajukan', limit: String(HALAMAN) });
    if (pegawai.value) p.set('pegawai_id', pegawai.value);
    if (dari.value) p.set('dari', dari.value);
    if (sampai.value) p.set('sampai', sampai.value);
    if (!reset && cursor) p.set('cursor', cursor);
    const page = await api('GET', `/api/v1/aktivitas?${p}`);
    // two loads in flight (the first page and a filter change) would otherwise both append
    if (ke !== muatKe) return;
    if (reset) { cursor = null; jumlah = 0; daftar.replaceChildren(); }
    page.items.forEach((a) => { nama.set(a.pegawai.id, a.pegawai.nama); daftar.append(kartu(a)); });
    jumlah += page.items.length;
    cursor = page.next_cursor;
    lagi.hidden = !cursor;
    pilihan();
    ringkasan();
    hitung();
  }

  filter.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    showAlert(box, '');
    const q = {};
    if (pegawai.value) q.pegawai = pegawai.value;
    if (dari.value) q.dari = dari.value;
    if (sampai.value) q.sampai = sampai.value;
    setQuery(q);
    try { await busy(filter, () => muat(true)); } catch (e) { showProblem(box, e, filter); }
  });
  pegawai.addEventListener('change', () => filter.requestSubmit());
  semua.addEventListener('change', () => {
    daftar.querySelectorAll('input[type=checkbox]').forEach((c) => { c.checked = semua.checked; });
    hitung();
  });
  lagi.addEventListener('click', async () => {
    try { await busy(sec, () => muat(false)); } catch (e) { showProblem(box, e); }
  });
  setujuiBtn.addEventListener('click', async () => {
    showAlert(box, '');
    const pilih = terpilih();
    if (!pilih.length) { showAlert(box, T.belumDipilih); return; }
    const ids = pilih.map((c) => Number(c.value));
    let r;
    try {
      r = await busy(sec, () => api('POST', '/api/v1/aktivitas:review', { ids, aksi: 'setujui' }));
    } catch (e) { showProblem(box, e); return; }
    const gagal = [];
    for (const h of r.hasil) {
      const li = daftar.querySelector(`li[data-id="${h.id}"]`);
      if (h.ok) { if (li) { li.remove(); jumlah = Math.max(0, jumlah - 1); } } else {
        gagal.push(`${li ? li.querySelector('.uraian').textContent : `#${h.id}`}: ${h.pesan}`);
      }
    }
    ringkasan();
    hitung();
    if (gagal.length) showAlert(box, T.gagalMassal, gagal);
    announce(T.hasilMassal(r.berhasil, ids.length));
    document.getElementById('judul-review-aktivitas').focus();
  });

  // the names for the pegawai filter come from the whole queue
  try {
    const semuaAntre = await api('GET', '/api/v1/aktivitas?penilai=saya&status=diajukan&limit=200');
    semuaAntre.items.forEach((a) => nama.set(a.pegawai.id, a.pegawai.nama));
  } catch { /* the filter fills from the list below */ }
  pilihan();
  try { await muat(true); } catch (e) { showProblem(box, e, filter); }
}

async function bagianRealisasi(sec) {
  const box = alertBox();
  const isi = el('div');
  sec.append(el('h3', { id: 'judul-review-realisasi', tabindex: -1 }, T.reviewRealisasi), box, isi);
  const d = await api('GET', '/api/v1/realisasi?penilai=saya&status=diajukan&limit=200');
  const kelompok = new Map();
  for (const x of d.items) {
    const k = `${x.skp_id}-${x.bulan}`;
    if (!kelompok.has(k)) kelompok.set(k, { skp_id: x.skp_id, bulan: x.bulan, pegawai: x.pegawai, items: [] });
    kelompok.get(k).items.push(x);
  }
  if (!kelompok.size) { isi.append(kosong(T.realisasiKosong, { label: KOSONG.kePersetujuan, href: '#/persetujuan?semua=1' })); return; }

  function baris(x, sisa) {
    const aksi = el('div', { class: 'aksi' });
    const nilai = x.nilai_teks || (x.nilai_angka !== null ? target({ target_angka: x.nilai_angka, target_satuan: x.target_satuan }) : '—');
    const li = el('li', { class: 'kartu realisasi-item', 'data-id': String(x.id) },
      el('p', { class: 'indikator' }, el('strong', {}, x.indikator)),
      el('p', {}, `${T.target}: ${target(x)} · ${T.realisasiLabel}: ${nilai} · ${T.capaian}: ${persen(x.capaian_persen)}`),
      aksi);
    const selesai = (pesan) => {
      li.remove();
      sisa();
      announce(pesan);
    };
    const tombol = () => fill(aksi,
      el('button', { type: 'button', class: 'kecil', 'aria-label': T.setujuiLabel(`${x.pegawai.nama}, ${x.indikator}`), on: { click: async () => {
        showAlert(box, '');
        try { await busy(li, () => api('POST', `/api/v1/realisasi/${x.id}/setujui`)); } catch (e) { showProblem(box, e); return; }
        selesai(T.realisasiDisetujui);
      } } }, T.setujui),
      el('button', { type: 'button', class: 'kecil bahaya', 'aria-label': T.kembalikanLabel(`${x.pegawai.nama}, ${x.indikator}`), on: { click: () => {
        fill(aksi, formKembalikan(T.kembalikanLabel(x.indikator), async (catatan) => {
          await api('POST', `/api/v1/realisasi/${x.id}/kembalikan`, { catatan });
          selesai(T.realisasiDikembalikan);
        }, () => { tombol(); aksi.querySelector('button').focus(); }));
      } } }, T.kembalikan));
    tombol();
    return li;
  }

  for (const g of kelompok.values()) {
    const ul = el('ul', { class: 'daftar' });
    const semuaBtn = el('button', { type: 'button', class: 'kecil kedua' });
    const art = el('article', { class: 'panel realisasi-kelompok', 'aria-label': `${g.pegawai.nama} — ${BULAN[g.bulan - 1]}` },
      el('h4', {}, `${g.pegawai.nama} — ${BULAN[g.bulan - 1]}`),
      el('p', { class: 'nip' }, T.nip(g.pegawai.nip)),
      el('p', { class: 'tautan' }, el('a', { class: 'tombol kedua', href: `#/skp/${g.skp_id}/realisasi/${g.bulan}` }, T.bukaLembar), semuaBtn),
      ul);
    const sisa = () => {
      const n = ul.children.length;
      semuaBtn.textContent = T.setujuiSemuaBulan(n);
      semuaBtn.hidden = n < 2;
      if (!n) art.remove();
      if (!isi.children.length) isi.append(kosong(T.realisasiKosong, { label: KOSONG.kePersetujuan, href: '#/persetujuan?semua=1' }));
    };
    g.items.forEach((x) => ul.append(baris(x, sisa)));
    semuaBtn.addEventListener('click', async () => {
      showAlert(box, '');
      const gagal = [];
      await busy(art, async () => {
        for (const li of [...ul.children]) {
          try { await api('POST', `/api/v1/realisasi/${li.dataset.id}/setujui`); li.remove(); } catch (e) {
            gagal.push(`${li.querySelector('.indikator').textContent}: ${e.message}`);
          }
        }
      });
      if (gagal.length) showAlert(box, T.gagalMassal, gagal);
      else announce(T.realisasiDisetujui);
      sisa();
    });
    sisa();
    isi.append(art);
  }
}
