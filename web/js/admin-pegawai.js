// admin-pegawai.js: the admin's organisation screens.
//  - #/admin: the admin hub (links to every admin screen).
//  - #/admin/unit: the unit tree (nested lists with disclosure buttons), add and edit a unit.
//  - #/admin/pegawai?q=…&unit=…&aktif=…: the pegawai list with search, filters and paging.
//  - #/admin/pegawai/{id}: identity form, placement and mutasi, the account's 2FA reset, riwayat.
import { api } from './api.js';
import { T, tanggal, hariIni } from './teks.js';
import { el, fill, labelled, alertBox, showAlert, showProblem, announce, busy, setQuery, clearErrors, galatLokal, nextId } from './ui.js';
import { TA, JENIS_ASN, KELAMIN } from './teks-admin.js';
import { wajibAdmin, tolakBila, semuaUnit, opsiUnit, semuaJabatan, pegawaiNip } from './admin-dasar.js';
import { TK } from './teks-keamanan.js';
import { kosong, kosong as kosongKe, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

export async function adminHub(root, ctx) {
  if (!wajibAdmin(root, ctx)) return;
  root.append(el('h2', {}, TA.adminJudul), el('p', { class: 'ket' }, TA.adminKet),
    el('ul', { class: 'daftar menu-admin' }, TA.adminMenu.map(([href, judul, ket]) => el('li', { class: 'kartu' },
      el('a', { href, class: 'judul-tautan' }, judul), el('p', { class: 'ket' }, ket)))));
}

function jejakAdmin() {
  return el('p', { class: 'jejak' }, el('a', { href: '#/admin' }, `← ${TA.adminJudul}`));
}

// ---------------------------------------------------------------- unit tree

export async function unitPohon(root, ctx) {
  if (!wajibAdmin(root, ctx)) return;
  let units = await semuaUnit();
  const terbuka = new Set();
  const box = alertBox();
  const formBox = el('div');
  const pohon = el('div', { class: 'pohon-wadah' });
  const tambah = el('button', { type: 'button', on: { click: () => bukaForm(null) } }, TA.tambahUnit);
  const bukaSemua = el('button', { type: 'button', class: 'kedua kecil', on: { click: () => { units.forEach((u) => u.anak.length && terbuka.add(u.id)); gambar(); } } }, TA.bukaSemua);
  const tutupSemua = el('button', { type: 'button', class: 'kedua kecil', on: { click: () => { terbuka.clear(); gambar(); } } }, TA.tutupSemua);
  root.append(jejakAdmin(), el('h2', {}, TA.unitJudul), el('p', { class: 'ket' }, TA.unitKet),
    el('p', { class: 'tautan' }, el('a', { class: 'tombol kedua', href: '#/admin/pegawai' }, TA.pegawaiJudul)),
    tambah, box, formBox, el('div', { class: 'aksi' }, bukaSemua, tutupSemua), pohon);
  gambar();

  function gambar() {
    if (!units.length) { fill(pohon, kosong(TA.unitKosong, { label: KOSONG.tambahUnit, on: fokusKe(() => root.querySelector('form')) })); return; }
    fill(pohon, daftar(units.akar, true));
  }

  function daftar(list, akar, id) {
    return el('ul', { class: akar ? 'pohon' : 'pohon-anak', id }, list.map((u) => {
      const subId = `sub-unit-${u.id}`;
      const buka = terbuka.has(u.id);
      const ket = [u.kode, TA.unitPegawai(u.jumlah_pegawai || 0), u.anak.length ? TA.jumlahSub(u.anak.length) : null].filter(Boolean).join(' · ');
      const nama = u.anak.length
        ? el('button', { type: 'button', class: 'buka-tutup', 'aria-expanded': buka ? 'true' : 'false', 'aria-controls': subId,
          on: { click: () => { if (terbuka.has(u.id)) terbuka.delete(u.id); else terbuka.add(u.id); gambarUlang(u.id); } } },
          el('span', { class: 'panah', 'aria-hidden': 'true' }, buka ? '▾' : '▸'), el('span', {}, u.nama))
        : el('span', { class: 'daun' }, u.nama);
      return el('li', { dataset: { unit: String(u.id) } },
        el('div', { class: 'baris-unit' }, nama,
          u.aktif === false ? el('span', { class: 'lencana lencana-ditutup' }, TA.nonaktif) : null,
          el('p', { class: 'ket' }, ket),
          el('div', { class: 'aksi' },
            el('a', { class: 'tombol kedua kecil', href: `#/admin/pegawai?unit=${u.id}`, 'aria-label': TA.lihatPegawai(u.nama) }, TA.pegawaiJudul),
            el('button', { type: 'button', class: 'kedua kecil', 'aria-label': TA.ubahUnit(u.nama), on: { click: () => bukaForm(u) } }, TA.ubah))),
        u.anak.length ? (buka ? daftar(u.anak, false, subId) : el('ul', { class: 'pohon-anak', id: subId, hidden: true })) : null);
    }));
  }

  function gambarUlang(id) {
    gambar();
    const b = pohon.querySelector(`li[data-unit="${id}"] > .baris-unit > .buka-tutup`);
    if (b) b.focus();
  }

  function bukaForm(u) {
    const fbox = alertBox();
    const nama = el('input', { 'data-field': 'nama', maxlength: 200, required: true, value: u ? u.nama : '' });
    const kode = el('input', { 'data-field': 'kode', maxlength: 50, value: u && u.kode ? u.kode : '', autocapitalize: 'characters' });
    // a unit cannot move under itself or one of its descendants
    const keturunan = new Set();
    if (u) { const jalan = (x) => { keturunan.add(x.id); x.anak.forEach(jalan); }; jalan(units.find((x) => x.id === u.id)); }
    const induk = el('select', { 'data-field': 'induk_id' }, opsiUnit(units.filter((x) => !keturunan.has(x.id)), TA.tanpaInduk));
    induk.value = u && u.induk_id ? String(u.induk_id) : '';
    const aktifId = nextId('aktif');
    const aktif = el('input', { type: 'checkbox', id: aktifId, 'data-field': 'aktif', checked: u ? u.aktif !== false : true });
    const judulId = nextId('judul');
    const form = el('form', { class: 'panel', novalidate: true, 'aria-labelledby': judulId },
      el('h3', { id: judulId, tabindex: -1 }, u ? TA.ubahUnitJudul(u.nama) : TA.tambahUnit), fbox,
      ...labelled(TA.namaUnit, nama), ...labelled(TA.kodeUnit, kode, TA.kodeUnitKet), ...labelled(TA.induk, induk),
      u ? el('div', { class: 'centang' }, aktif, el('label', { for: aktifId }, TA.unitAktif)) : null,
      el('div', { class: 'aksi' }, el('button', { type: 'submit' }, TA.simpan),
        el('button', { type: 'button', class: 'kedua', on: { click: () => { fill(formBox); tambah.focus(); } } }, TA.batal)));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const data = { nama: nama.value.trim(), kode: kode.value.trim() || null, induk_id: induk.value ? Number(induk.value) : null };
      if (u) data.aktif = aktif.checked;
      if (u && u.aktif !== false && !aktif.checked && !window.confirm(TA.konfirmasiNonaktifUnit(u.nama))) return;
      try {
        await busy(form, () => (u ? api('PATCH', `/api/v1/unit-kerja/${u.id}`, data) : api('POST', '/api/v1/unit-kerja', data)));
        units = await semuaUnit();
      } catch (e) { showProblem(fbox, e, form); return; }
      if (data.induk_id) terbuka.add(data.induk_id);
      fill(formBox);
      showAlert(box, '');
      gambar();
      announce(TA.unitDisimpan);
      tambah.focus();
    });
    fill(formBox, form);
    form.querySelector('h3').focus();
  }
}

// ---------------------------------------------------------------- pegawai list

export async function pegawaiDaftar(root, ctx, params, query) {
  if (!wajibAdmin(root, ctx)) return;
  const units = await semuaUnit();
  const q = el('input', { type: 'search', name: 'q', autocomplete: 'off', maxlength: 200, value: query.get('q') || '' });
  const unit = el('select', {}, opsiUnit(units, TA.semuaUnit));
  unit.value = units.some((u) => String(u.id) === query.get('unit')) ? query.get('unit') : '';
  const aktif = el('select', {}, Object.entries(TA.aktif).map(([v, t]) => el('option', { value: v }, t)));
  aktif.value = ['1', '0', 'semua'].includes(query.get('aktif')) ? query.get('aktif') : '1';
  const box = alertBox();
  const filter = el('form', { class: 'filter', role: 'search', 'aria-label': TA.saringPegawai, novalidate: true },
    el('div', { class: 'lebar' }, ...labelled(TA.cariPegawai, q, TA.cariPegawaiKet)),
    el('div', { class: 'lebar' }, ...labelled(TA.saringUnit, unit)),
    el('div', { class: 'lebar' }, ...labelled(TA.saringAktif, aktif)),
    el('button', { type: 'submit' }, TA.cari));
  const ringkas = el('p', { class: 'ringkas', role: 'status' });
  const daftar = el('ul', { class: 'daftar daftar-pegawai' });
  const kosong = kosongKe(TA.pegawaiKosong, [{ label: TA.keImpor, href: '#/admin/impor' }, { label: KOSONG.ubahSaring, on: fokusKe(() => filter) }], { hidden: true });
  const lagi = el('button', { type: 'button', class: 'kedua', hidden: true }, TA.lagi);
  root.append(jejakAdmin(), el('h2', {}, TA.pegawaiJudul),
    el('p', { class: 'tautan' }, el('a', { class: 'tombol kedua', href: '#/admin/unit' }, TA.keStruktur),
      el('a', { class: 'tombol kedua', href: '#/admin/impor' }, TA.keImpor)),
    filter, box, ringkas, daftar, kosong, lagi);
  let cursor = null;
  let n = 0;
  let putaran = 0;   // a newer search makes the answers of older ones stale

  function kartu(p) {
    return el('li', { class: 'kartu' },
      el('p', { class: 'judul-kartu' }, el('a', { href: `#/admin/pegawai/${p.id}` }, p.nama_lengkap),
        p.aktif ? null : el('span', { class: 'lencana lencana-ditutup' }, TA.aktif[0])),
      el('p', { class: 'nip' }, T.nip(p.nip)),
      el('p', { class: 'ket' }, [p.jabatan && p.jabatan.nama, p.unit_kerja && p.unit_kerja.nama].filter(Boolean).join(' — ') || TA.kosong));
  }

  async function muat(reset) {
    const p = new URLSearchParams({ limit: '25' });
    if (q.value.trim()) p.set('q', q.value.trim());
    if (unit.value) p.set('unit_kerja_id', unit.value);
    p.set('aktif', aktif.value);
    if (reset) p.set('total', '1'); else p.set('cursor', cursor);
    ringkas.textContent = T.memuat;
    const ini = reset ? ++putaran : putaran;
    const page = await api('GET', `/api/v1/pegawai?${p}`);
    if (ini !== putaran) return;
    if (reset) { daftar.replaceChildren(); n = 0; ringkas.dataset.total = String(page.total); }
    page.items.forEach((x) => daftar.append(kartu(x)));
    n += page.items.length;
    cursor = page.next_cursor;
    lagi.hidden = !cursor;
    kosong.hidden = n > 0;
    ringkas.textContent = n ? TA.jumlahPegawai(Number(ringkas.dataset.total)) : '';
  }

  async function cari() {
    showAlert(box, '');
    const s = {};
    if (q.value.trim()) s.q = q.value.trim();
    if (unit.value) s.unit = unit.value;
    if (aktif.value !== '1') s.aktif = aktif.value;
    setQuery(s);
    try { await busy(filter, () => muat(true)); } catch (e) { ringkas.textContent = ''; showProblem(box, e, filter); }
  }
  filter.addEventListener('submit', (ev) => { ev.preventDefault(); cari(); });
  unit.addEventListener('change', cari);
  aktif.addEventListener('change', cari);
  let timer;
  q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(cari, 400); });
  lagi.addEventListener('click', async () => {
    try { await busy(root, () => muat(false)); } catch (e) { showProblem(box, e); }
  });
  await muat(true);
}

// ---------------------------------------------------------------- pegawai detail

export async function pegawaiDetail(root, ctx, params) {
  if (!wajibAdmin(root, ctx)) return;
  const id = Number(params[0]);
  let p;
  let riwayat;
  try {
    [p, riwayat] = await Promise.all([api('GET', `/api/v1/pegawai/${id}`), api('GET', `/api/v1/pegawai/${id}/riwayat`)]);
  } catch (e) { tolakBila(root, e); return; }
  const [units, jabatan] = await Promise.all([semuaUnit(), semuaJabatan()]);
  const judul = el('h2', {}, p.nama_lengkap);
  const secIdentitas = el('section', { class: 'panel', 'aria-labelledby': 'judul-identitas' });
  const secTempat = el('section', { class: 'panel', 'aria-labelledby': 'judul-penempatan' });
  const secRiwayat = el('section', { 'aria-labelledby': 'judul-riwayat' });
  const sec2fa = el('section', { class: 'panel', 'aria-labelledby': 'judul-2fa-admin' });
  root.append(el('p', { class: 'jejak' }, el('a', { href: '#/admin/pegawai' }, `← ${TA.keDaftarPegawai}`)),
    judul, el('p', { class: 'nip' }, T.nip(p.nip)),
    el('p', { class: 'tautan' }, el('a', { class: 'tombol kedua', href: `#/pegawai/${id}/presensi` }, TA.lihatPresensi)),
    secIdentitas, secTempat, sec2fa, secRiwayat);
  identitas();
  penempatan();
  tampilRiwayat();
  duaFaktor().catch(() => { sec2fa.hidden = true; });

  // the account's two-factor state and the reset after a lost device (issue 11)
  async function duaFaktor() {
    const d = await api('GET', `/api/v1/pengguna?q=${encodeURIComponent(p.nip)}&limit=5`);
    const u = d.items.find((x) => x.pegawai && x.pegawai.id === id);
    const box = alertBox();
    const judul2 = el('h3', { id: 'judul-2fa-admin', tabindex: -1 }, TK.adminJudul);
    if (!u) { fill(sec2fa, judul2, el('p', { class: 'ket' }, TK.adminTanpaAkun)); return; }
    const tombol = u.dua_faktor_aktif ? el('button', { type: 'button', class: 'bahaya', 'aria-label': TK.adminResetLabel(p.nama_lengkap) }, TK.adminReset) : null;
    fill(sec2fa, judul2, box, el('p', {}, u.dua_faktor_aktif ? TK.adminAktif(u.username) : TK.adminTidakAktif(u.username)), tombol);
    if (!tombol) return;
    tombol.addEventListener('click', async () => {
      if (!window.confirm(TK.adminKonfirmasi(p.nama_lengkap))) return;
      try { await busy(sec2fa, () => api('POST', `/api/v1/pengguna/${u.id}/2fa/reset`)); } catch (e) { showProblem(box, e); return; }
      await duaFaktor().catch(() => {});
      announce(TK.adminResetBerhasil(p.nama_lengkap));
      sec2fa.querySelector('h3')?.focus();
    });
  }

  function identitas() {
    const fbox = alertBox();
    const f = {
      nama: el('input', { 'data-field': 'nama', maxlength: 200, value: p.nama, autocomplete: 'off' }),
      gelar_depan: el('input', { 'data-field': 'gelar_depan', maxlength: 50, value: p.gelar_depan || '' }),
      gelar_belakang: el('input', { 'data-field': 'gelar_belakang', maxlength: 100, value: p.gelar_belakang || '' }),
      nip: el('input', { 'data-field': 'nip', inputmode: 'numeric', maxlength: 18, value: p.nip, autocomplete: 'off' }),
      jenis_asn: el('select', { 'data-field': 'jenis_asn' }, Object.entries(JENIS_ASN).map(([v, t]) => el('option', { value: v }, t))),
      golongan: el('input', { 'data-field': 'golongan', maxlength: 7, value: p.golongan || '' }),
      jenis_kelamin: el('select', { 'data-field': 'jenis_kelamin' }, Object.entries(KELAMIN).map(([v, t]) => el('option', { value: v }, t))),
      tanggal_lahir: el('input', { type: 'date', 'data-field': 'tanggal_lahir', value: p.tanggal_lahir || '' }),
      email: el('input', { type: 'email', 'data-field': 'email', maxlength: 254, value: p.email || '', autocomplete: 'off' }),
    };
    f.jenis_asn.value = p.jenis_asn;
    f.jenis_kelamin.value = p.jenis_kelamin;
    const aktifId = nextId('aktif');
    const aktif = el('input', { type: 'checkbox', id: aktifId, 'data-field': 'aktif', checked: p.aktif, 'aria-describedby': 'ket-aktif-peg' });
    const form = el('form', { novalidate: true },
      el('h3', { id: 'judul-identitas', tabindex: -1 }, TA.identitas), fbox,
      ...labelled(TA.nama, f.nama),
      el('div', { class: 'dua-kolom' }, el('div', {}, ...labelled(TA.gelarDepan, f.gelar_depan, TA.opsional)),
        el('div', {}, ...labelled(TA.gelarBelakang, f.gelar_belakang, TA.opsional))),
      ...labelled(TA.nip, f.nip, TA.nipKet),
      el('div', { class: 'dua-kolom' }, el('div', {}, ...labelled(TA.jenisAsn, f.jenis_asn)),
        el('div', {}, ...labelled(TA.golongan, f.golongan, TA.golonganKet))),
      el('div', { class: 'dua-kolom' }, el('div', {}, ...labelled(TA.kelamin, f.jenis_kelamin)),
        el('div', {}, ...labelled(TA.tanggalLahir, f.tanggal_lahir))),
      ...labelled(TA.email, f.email),
      el('div', { class: 'centang' }, aktif, el('label', { for: aktifId }, TA.pegawaiAktif)),
      el('p', { class: 'ket', id: 'ket-aktif-peg' }, TA.pegawaiAktifKet),
      el('button', { type: 'submit' }, TA.simpanIdentitas));
    fill(secIdentitas, form);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const data = {};
      const teks = (k, kosongNull) => {
        const v = f[k].value.trim();
        const lama = p[k] === null || p[k] === undefined ? '' : String(p[k]);
        if (v !== lama) data[k] = v === '' && kosongNull ? null : v;
      };
      ['nama', 'nip', 'jenis_asn', 'jenis_kelamin', 'tanggal_lahir'].forEach((k) => teks(k, false));
      ['gelar_depan', 'gelar_belakang', 'golongan', 'email'].forEach((k) => teks(k, true));
      if (aktif.checked !== p.aktif) data.aktif = aktif.checked;
      if (!Object.keys(data).length) { showAlert(fbox, ''); clearErrors(form); announce(TA.tidakBerubah); return; }
      if (data.aktif === false && !window.confirm(TA.konfirmasiNonaktif(p.nama_lengkap))) return;
      try {
        p = { ...p, ...(await busy(form, () => api('PATCH', `/api/v1/pegawai/${id}`, data))) };
      } catch (e) { showProblem(fbox, e, form); return; }
      judul.textContent = p.nama_lengkap;
      identitas();
      announce(TA.tersimpan);
      secIdentitas.querySelector('h3').focus();
    });
  }

  function penempatan() {
    const fbox = alertBox();
    const jab = el('select', { 'data-field': 'jabatan_id' }, el('option', { value: '' }, TA.tanpaJabatan),
      jabatan.map((j) => el('option', { value: String(j.id) }, j.aktif === false ? `${j.nama} (${TA.nonaktif})` : j.nama)));
    jab.value = p.jabatan ? String(p.jabatan.id) : '';
    const unit = el('select', { 'data-field': 'unit_kerja_id' }, opsiUnit(units, TA.tanpaUnit));
    unit.value = p.unit_kerja ? String(p.unit_kerja.id) : '';
    const atasan = el('input', { 'data-field': 'atasan_id', inputmode: 'numeric', maxlength: 18, value: p.atasan ? p.atasan.nip : '', autocomplete: 'off' });
    const tgl = el('input', { type: 'date', 'data-field': 'tanggal', value: hariIni(), required: true });
    const form = el('form', { novalidate: true },
      el('h4', {}, TA.mutasiJudul), el('p', { class: 'ket' }, TA.mutasiKet), fbox,
      ...labelled(TA.jabatan, jab), ...labelled(TA.unitKerja, unit), ...labelled(TA.nipAtasan, atasan, TA.nipAtasanKet),
      ...labelled(TA.tanggalBerlaku, tgl), el('button', { type: 'submit' }, TA.simpanMutasi));
    fill(secTempat, el('h3', { id: 'judul-penempatan', tabindex: -1 }, TA.penempatan),
      el('dl', { class: 'identitas' },
        el('dt', {}, TA.jabatan), el('dd', {}, p.jabatan ? p.jabatan.nama : TA.belumAda),
        el('dt', {}, TA.unitKerja), el('dd', {}, p.unit_kerja ? p.unit_kerja.nama : TA.belumAda),
        el('dt', {}, TA.atasan), el('dd', {}, p.atasan ? `${p.atasan.nama} (${T.nip(p.atasan.nip)})` : TA.belumAda)),
      form);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const data = { jabatan_id: jab.value ? Number(jab.value) : null, unit_kerja_id: unit.value ? Number(unit.value) : null, atasan_id: null, tanggal: tgl.value };
      try {
        await busy(form, async () => {
          const nip = atasan.value.trim();
          if (nip) {
            const a = p.atasan && p.atasan.nip === nip ? p.atasan : await pegawaiNip(nip);
            if (!a) throw galatLokal('atasan_id', TA.atasanTidakDitemukan);
            data.atasan_id = a.id;
          }
          const hasil = await api('POST', `/api/v1/pegawai/${id}/mutasi`, data);
          riwayat = { items: hasil.riwayat || riwayat.items };
          p = hasil;
        });
      } catch (e) { showProblem(fbox, e, form); return; }
      penempatan();
      tampilRiwayat();
      announce(TA.mutasiDisimpan);
      secTempat.querySelector('h3').focus();
    });
  }

  function tampilRiwayat() {
    const items = riwayat.items || [];
    fill(secRiwayat, el('h3', { id: 'judul-riwayat' }, TA.riwayat),
      items.length ? el('ol', { class: 'daftar riwayat' }, items.map((r) => el('li', { class: 'kartu' },
        el('p', { class: 'label' }, TA.sejak(tanggal(r.mulai), r.selesai ? tanggal(r.selesai) : '')),
        el('p', {}, [r.jabatan && r.jabatan.nama, r.unit_kerja && r.unit_kerja.nama].filter(Boolean).join(' — ') || TA.kosong),
        r.atasan ? el('p', { class: 'ket' }, `${TA.atasan}: ${r.atasan.nama}`) : null,
        r.golongan ? el('p', { class: 'ket' }, `${TA.golongan}: ${r.golongan}`) : null)))
        : el('p', { class: 'kosong' }, TA.riwayatKosong));
  }
}
