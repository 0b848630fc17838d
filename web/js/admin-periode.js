// admin-periode.js: "Periode & pengaturan" (#/admin/pengaturan?tahun=2026): the penilaian
// periods (open a year, edit cycle, status and deadlines), the instansi settings (activity
// rules, pola distribusi mode and rounding, keberatan window, evidence limits) with what each
// does, and the public holidays of a year (add, delete after a confirmation).
import { api } from './api.js';
import { T, tanggal, tanggalValid } from './teks.js';
import { el, fill, labelled, alertBox, showAlert, showProblem, announce, busy, radioGroup, clearErrors, galatLokal, nextId, setQuery } from './ui.js';
import { TA, SIKLUS, STATUS_PERIODE, ukuran } from './teks-admin.js';
import { wajibAdmin } from './admin-dasar.js';
import { kosong, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

const MB = 1048576;

export async function periodePengaturan(root, ctx, params, query) {
  if (!wajibAdmin(root, ctx)) return;
  const sekarang = new Date().getFullYear();
  const tahunLibur = /^\d{4}$/.test(query.get('tahun') || '') ? Number(query.get('tahun')) : sekarang;
  const [periode, set] = await Promise.all([api('GET', '/api/v1/periode'), api('GET', '/api/v1/pengaturan')]);
  const secPeriode = el('section', { 'aria-labelledby': 'judul-periode' });
  const secSet = el('section', { class: 'panel', 'aria-labelledby': 'judul-pengaturan' });
  const secLibur = el('section', { 'aria-labelledby': 'judul-libur' });
  root.append(el('p', { class: 'jejak' }, el('a', { href: '#/admin' }, `← ${TA.adminJudul}`)),
    el('h2', {}, TA.pengaturanJudul), secPeriode, secSet, secLibur);
  let daftarPeriode = periode.items;
  tampilPeriode();
  pengaturan(set);
  await hariLibur(tahunLibur);

  // ------------------------------------------------------------ periods
  function isianPeriode(p) {
    const siklus = el('select', { 'data-field': 'siklus' }, Object.entries(SIKLUS).map(([v, t]) => el('option', { value: v }, t)));
    siklus.value = p ? p.siklus : 'triwulanan';
    const status = el('select', { 'data-field': 'status' }, Object.entries(STATUS_PERIODE).map(([v, t]) => el('option', { value: v }, t)));
    status.value = p ? p.status : 'terbuka';
    const bSkp = el('input', { type: 'date', 'data-field': 'batas_skp', value: p && p.batas_skp ? p.batas_skp : '' });
    const bNilai = el('input', { type: 'date', 'data-field': 'batas_penilaian', value: p && p.batas_penilaian ? p.batas_penilaian : '' });
    return { siklus, status, bSkp, bNilai,
      isi: [el('div', { class: 'dua-kolom' }, el('div', {}, ...labelled(TA.siklus, siklus)), el('div', {}, ...labelled(TA.statusPeriode, status))),
        el('div', { class: 'dua-kolom' }, el('div', {}, ...labelled(TA.batasSkp, bSkp, TA.opsional)),
          el('div', {}, ...labelled(TA.batasPenilaian, bNilai, TA.opsional)))] };
  }

  function tampilPeriode() {
    const daftar = el('ul', { class: 'daftar' }, daftarPeriode.map((p) => {
      const li = el('li', { class: 'kartu' });
      const lihat = () => fill(li,
        el('p', { class: 'judul-kartu' }, el('strong', {}, TA.periodeTahun(p.tahun)), el('span', { class: `lencana lencana-${p.status}` }, STATUS_PERIODE[p.status] || p.status)),
        el('p', {}, `${TA.siklus}: ${SIKLUS[p.siklus] || p.siklus}`),
        el('p', { class: 'ket' }, `${TA.batasSkp}: ${p.batas_skp ? tanggal(p.batas_skp) : TA.tanpaBatas}`),
        el('p', { class: 'ket' }, `${TA.batasPenilaian}: ${p.batas_penilaian ? tanggal(p.batas_penilaian) : TA.tanpaBatas}`),
        el('button', { type: 'button', class: 'kedua kecil', 'aria-label': TA.ubahPeriode(p.tahun), on: { click: ubah } }, TA.ubah));
      const ubah = () => {
        const fbox = alertBox();
        const f = isianPeriode(p);
        const form = el('form', { novalidate: true, 'aria-label': TA.ubahPeriode(p.tahun) },
          el('p', {}, el('strong', {}, TA.periodeTahun(p.tahun))), fbox, f.isi,
          el('div', { class: 'aksi' }, el('button', { type: 'submit' }, TA.simpanPeriode),
            el('button', { type: 'button', class: 'kedua', on: { click: () => { lihat(); li.querySelector('button').focus(); } } }, TA.batal)));
        fill(li, form);
        f.siklus.focus();
        form.addEventListener('submit', async (ev) => {
          ev.preventDefault();
          const data = {};
          if (f.siklus.value !== p.siklus) data.siklus = f.siklus.value;
          if (f.status.value !== p.status) data.status = f.status.value;
          if ((f.bSkp.value || null) !== (p.batas_skp || null)) data.batas_skp = f.bSkp.value || null;
          if ((f.bNilai.value || null) !== (p.batas_penilaian || null)) data.batas_penilaian = f.bNilai.value || null;
          if (!Object.keys(data).length) { lihat(); announce(TA.tidakBerubah); li.querySelector('button').focus(); return; }
          if (data.status === 'ditutup' && !window.confirm(TA.konfirmasiTutup(p.tahun))) return;
          try {
            const baru = await busy(form, () => api('PATCH', `/api/v1/periode/${p.id}`, data));
            Object.assign(p, baru);
          } catch (e) { showProblem(fbox, e, form); return; }
          lihat();
          announce(TA.periodeDisimpan);
          li.querySelector('button').focus();
        });
      };
      lihat();
      return li;
    }));
    const fbox = alertBox();
    const tahun = el('input', { type: 'number', inputmode: 'numeric', min: 2000, max: 2100, 'data-field': 'tahun',
      value: String(daftarPeriode.some((p) => p.tahun === sekarang) ? sekarang + 1 : sekarang) });
    const f = isianPeriode(null);
    const form = el('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'judul-buka-periode' },
      el('h4', { id: 'judul-buka-periode' }, TA.bukaPeriode), fbox, ...labelled(TA.tahun, tahun), f.isi,
      el('button', { type: 'submit' }, TA.bukaPeriode));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      if (!/^\d{4}$/.test(tahun.value.trim())) { showProblem(fbox, galatLokal('tahun', TA.angkaBulat), form); return; }
      const data = { tahun: Number(tahun.value.trim()), siklus: f.siklus.value, status: f.status.value };
      if (f.bSkp.value) data.batas_skp = f.bSkp.value;
      if (f.bNilai.value) data.batas_penilaian = f.bNilai.value;
      try {
        const p = await busy(form, () => api('POST', '/api/v1/periode', data));
        daftarPeriode = [p, ...daftarPeriode].sort((a, b) => b.tahun - a.tahun);
      } catch (e) { showProblem(fbox, e, form); return; }
      tampilPeriode();
      announce(TA.periodeDisimpan);
      secPeriode.querySelector('h3').focus();
    });
    fill(secPeriode, el('h3', { id: 'judul-periode', tabindex: -1 }, TA.periodeJudul), el('p', { class: 'ket' }, TA.periodeKet),
      daftarPeriode.length ? daftar : kosong(TA.periodeKosong, { label: KOSONG.tambahPeriode, on: fokusKe(form) }), form);
  }

  // ------------------------------------------------------------ settings
  function pengaturan(s) {
    const fbox = alertBox();
    const angkaIn = (field, v, min, max) => el('input', { type: 'number', inputmode: 'numeric', min, max, step: 1, 'data-field': field, value: String(v) });
    const menit = angkaIn('menit_maks_harian', s.menit_maks_harian, 60, 1440);
    const mundur = angkaIn('hari_mundur', s.hari_mundur, 0, 366);
    const idPekan = nextId('cek');
    const pekan = el('input', { type: 'checkbox', id: idPekan, 'data-field': 'akhir_pekan', checked: s.akhir_pekan });
    const idLibur = nextId('cek');
    const libur = el('input', { type: 'checkbox', id: idLibur, 'data-field': 'hari_libur', checked: s.hari_libur });
    const mode = radioGroup({ legend: TA.kurvaMode, options: TA.kurvaModeOpsi, value: s.kurva_mode, field: 'kurva_mode' });
    const bulat = radioGroup({ legend: TA.pembulatan, options: TA.pembulatanOpsi, value: s.kurva_pembulatan, field: 'kurva_pembulatan' });
    const keberatan = angkaIn('keberatan_hari', s.keberatan_hari, 1, 365);
    const maks = angkaIn('bukti_maks_bytes', Math.round(s.bukti_maks_bytes / MB), 1, 100);
    const kuota = angkaIn('bukti_kuota_bytes', Math.round(s.bukti_kuota_bytes / MB), 0, 102400);
    const form = el('form', { novalidate: true },
      el('h3', { id: 'judul-pengaturan', tabindex: -1 }, TA.instansiJudul), fbox,
      el('fieldset', {}, el('legend', {}, TA.aturanAktivitas),
        ...labelled(TA.menitMaks, menit, TA.menitMaksKet), ...labelled(TA.hariMundur, mundur, TA.hariMundurKet),
        el('div', { class: 'centang' }, pekan, el('label', { for: idPekan }, TA.akhirPekan)),
        el('div', { class: 'centang' }, libur, el('label', { for: idLibur }, TA.hariLiburBoleh))),
      el('fieldset', {}, el('legend', {}, TA.kurvaJudul), mode, bulat,
        ...labelled(TA.keberatanHari, keberatan, TA.keberatanHariKet)),
      el('fieldset', {}, el('legend', {}, TA.buktiJudul),
        ...labelled(TA.buktiMaks, maks, `${TA.buktiMaksKet} (${ukuran(s.bukti_maks_bytes)})`),
        ...labelled(TA.buktiKuota, kuota, `${TA.buktiKuotaKet} (${ukuran(s.bukti_kuota_bytes)})`)),
      el('button', { type: 'submit' }, TA.simpanPengaturan));
    fill(secSet, form);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const data = {};
      const galat = [];
      const bulatIn = (inp, k, kali = 1) => {
        const v = inp.value.trim();
        if (!/^\d+$/.test(v)) { galat.push({ field: k, message: TA.angkaBulat }); return; }
        const n = Number(v) * kali;
        if (kali === MB ? Math.round(s[k] / MB) !== Number(v) : n !== s[k]) data[k] = n;
      };
      bulatIn(menit, 'menit_maks_harian');
      bulatIn(mundur, 'hari_mundur');
      bulatIn(keberatan, 'keberatan_hari');
      bulatIn(maks, 'bukti_maks_bytes', MB);
      bulatIn(kuota, 'bukti_kuota_bytes', MB);
      if (pekan.checked !== s.akhir_pekan) data.akhir_pekan = pekan.checked;
      if (libur.checked !== s.hari_libur) data.hari_libur = libur.checked;
      if (mode.nilai() && mode.nilai() !== s.kurva_mode) data.kurva_mode = mode.nilai();
      if (bulat.nilai() && bulat.nilai() !== s.kurva_pembulatan) data.kurva_pembulatan = bulat.nilai();
      if (galat.length) {
        const err = galatLokal(galat[0].field, galat[0].message);
        err.problem.errors = galat;
        showProblem(fbox, err, form);
        return;
      }
      if (!Object.keys(data).length) { showAlert(fbox, ''); clearErrors(form); announce(TA.tidakBerubah); return; }
      let baru;
      try { baru = await busy(form, () => api('PATCH', '/api/v1/pengaturan', data)); } catch (e) { showProblem(fbox, e, form); return; }
      pengaturan(baru);
      announce(TA.pengaturanDisimpan);
      secSet.querySelector('h3').focus();
    });
  }

  // ------------------------------------------------------------ holidays
  async function hariLibur(tahun) {
    const box = alertBox();
    const tIn = el('input', { type: 'number', inputmode: 'numeric', min: 2000, max: 2100, value: String(tahun) });
    const pilih = el('form', { class: 'filter', role: 'search', 'aria-label': TA.liburJudul, novalidate: true },
      el('div', { class: 'lebar' }, ...labelled(TA.tahun, tIn)), el('button', { type: 'submit', class: 'kedua' }, T.tampilkan));
    pilih.addEventListener('submit', (ev) => {
      ev.preventDefault();
      if (!/^\d{4}$/.test(tIn.value.trim())) return;
      setQuery({ tahun: tIn.value.trim() });
      hariLibur(Number(tIn.value.trim())).then(() => secLibur.querySelector('h3').focus(), (e) => showProblem(box, e));
    });
    const isi = el('div', {}, el('p', { class: 'memuat' }, T.memuat));
    const fbox = alertBox();
    const tgl = el('input', { type: 'date', 'data-field': 'tanggal', required: true });
    const nama = el('input', { 'data-field': 'nama', maxlength: 200, required: true, autocomplete: 'off' });
    const form = el('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'judul-tambah-libur' },
      el('h4', { id: 'judul-tambah-libur' }, TA.tambahLibur), fbox,
      ...labelled(T.tanggal, tgl), ...labelled(TA.namaLibur, nama), el('button', { type: 'submit' }, TA.tambahLibur));
    fill(secLibur, el('h3', { id: 'judul-libur', tabindex: -1 }, TA.liburJudul), el('p', { class: 'ket' }, TA.liburKet),
      pilih, box, isi, form);
    let items = (await api('GET', `/api/v1/hari-libur?tahun=${tahun}`)).items;
    gambar();

    function gambar() {
      if (!items.length) { fill(isi, kosong(TA.liburKosong(tahun), { label: KOSONG.tambahLibur, on: fokusKe(form) })); return; }
      fill(isi, el('ul', { class: 'daftar daftar-libur' }, items.map((h) => el('li', { class: 'kartu baris-libur' },
        el('div', {}, el('p', { class: 'label' }, tanggal(h.tanggal)), el('p', {}, h.nama)),
        el('button', { type: 'button', class: 'kecil bahaya', 'aria-label': TA.hapusLibur(h.nama, tanggal(h.tanggal)),
          on: { click: async (ev) => {
            if (!window.confirm(TA.konfirmasiHapusLibur(h.nama, tanggal(h.tanggal)))) return;
            try {
              await busy(ev.currentTarget.closest('li'), () => api('DELETE', `/api/v1/hari-libur/${h.tanggal}`));
            } catch (e) { showProblem(box, e); return; }
            items = items.filter((x) => x.tanggal !== h.tanggal);
            showAlert(box, '');
            gambar();
            announce(TA.liburDihapus);
            secLibur.querySelector('h3').focus();
          } } }, TA.hapus)))));
    }

    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      if (!tanggalValid(tgl.value)) { showProblem(fbox, galatLokal('tanggal', 'wajib diisi'), form); return; }
      const data = { tanggal: tgl.value, nama: nama.value.trim() };
      let h;
      try { h = await busy(form, () => api('POST', '/api/v1/hari-libur', data)); } catch (e) { showProblem(fbox, e, form); return; }
      showAlert(fbox, '');
      clearErrors(form);
      if (Number(h.tanggal.slice(0, 4)) === tahun) {
        items = items.filter((x) => x.tanggal !== h.tanggal).concat([h]).sort((a, b) => a.tanggal.localeCompare(b.tanggal));
        gambar();
      }
      tgl.value = '';
      nama.value = '';
      announce(TA.liburDisimpan);
      tgl.focus();
    });
  }
}
