// tpp-bulan.js: one computed TPP month (#/admin/tpp/bulan/{id}?unit=4&urut=jumlah_turun): status,
// totals, the table used, the approval hash; every pegawai's row (filter by unit, sort by name or
// total, shown a page at a time) opening the pegawai's explanation; "Hitung ulang" while a draft
// and "Setujui & kunci" (confirmed: it cannot be undone).  The explanation of one pegawai
// (#/admin/tpp/bulan/{id}/pegawai/{pid}) is the pegawai's own view plus, for the admin, the
// disciplinary sanctions form (add; delete what was added in this session).
import { api } from './api.js';
import { PREDIKAT, waktuUnix, T } from './teks.js';
import { el, put, labelled, badge, alertBox, showProblem, busy, announce, nextId, galatLokal } from './ui.js';
import { tolakBila, semuaUnit, opsiUnit } from './admin-dasar.js';
import { wajibPengelola, bolehUbah } from './tpp-admin.js';
import { tampilHasil } from './tpp.js';
import { TT, rupiah, persenBp, persenIsian, namaBulan, ym } from './teks-tpp.js';
import { kosong, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

const HALAMAN = 50;

async function semuaBaris(id, unit) {
  let items = [];
  let cursor = null;
  let kepala = null;
  do {
    const d = await api('GET', `/api/v1/tpp/bulan/${id}?limit=200${unit ? `&unit_kerja_id=${unit}` : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    kepala = kepala || d;
    items = items.concat(d.items);
    cursor = d.next_cursor;
  } while (cursor && items.length < 100000);
  return { ...kepala, items };
}

const URUT = {
  nama: (a, b) => a.nama.localeCompare(b.nama, 'id'),
  jumlah_turun: (a, b) => b.jumlah - a.jumlah || a.nama.localeCompare(b.nama, 'id'),
  jumlah_naik: (a, b) => a.jumlah - b.jumlah || a.nama.localeCompare(b.nama, 'id'),
};

export async function tppBulan(root, ctx, params, query) {
  if (!wajibPengelola(root, ctx)) return;
  const id = Number(params[0]);
  const unit = /^\d+$/.test(query.get('unit') || '') ? query.get('unit') : '';
  const urut = URUT[query.get('urut')] ? query.get('urut') : 'nama';
  let m, units;
  try {
    [m, units] = await Promise.all([semuaBaris(id, unit), semuaUnit().catch(() => [])]);
  } catch (e) { tolakBila(root, e); return; }
  const admin = bolehUbah(ctx);
  const b = namaBulan(m.tahun, m.bulan);
  const disetujui = m.status === 'disetujui';
  const box = alertBox();
  put(root, el('p', { class: 'jejak' }, el('a', { href: '#/admin/tpp' }, `← ${TT.keHub}`)),
    el('h2', {}, TT.bulanHal(b)),
    el('p', { class: 'status-baris' }, badge(m.status, '', disetujui ? 'Disetujui' : 'Draf'),
      el('span', {}, disetujui ? TT.disetujuiPada(waktuUnix(m.disetujui)) : TT.dihitungPada(waktuUnix(m.dihitung)))),
    m.aturan ? el('p', {}, el('a', { href: `#/admin/tpp/aturan/${m.aturan.id}` }, TT.pakaiAturan(m.aturan.nama))) : null);
  if (disetujui && m.hash) {
    root.append(el('div', { class: 'panel hash-tpp' }, el('h3', {}, TT.hash), el('p', {}, el('code', { class: 'kode' }, m.hash)),
      el('p', { class: 'ket' }, TT.hashKet)));
  }
  const semuaJumlah = m.items.reduce((s, x) => s + (x.jumlah || 0), 0);
  root.append(el('section', { class: 'ringkasan', 'aria-labelledby': 'judul-ringkas-tpp' },
    el('h3', { id: 'judul-ringkas-tpp' }, TT.ringkasBulan),
    el('ul', {},
      el('li', {}, el('strong', {}, String(m.pegawai)), TT.rPegawai),
      el('li', {}, el('strong', {}, rupiah(m.jumlah)), TT.rJumlah),
      unit ? el('li', {}, el('strong', {}, rupiah(semuaJumlah)), TT.rJumlahUnit) : null)));
  root.append(el('p', { class: 'tautan' }, el('a', { class: 'tombol kedua kecil', download: '',
    href: `/api/v1/tpp/bulan/${id}/nominatif.xlsx${unit ? `?unit_kerja_id=${unit}` : ''}` }, unit ? TT.unduhNominatifUnit : TT.unduhNominatif)));
  if (admin) {
    const aksi = el('div', { class: 'aksi aksi-bulan' });
    if (disetujui) {
      aksi.append(el('p', { class: 'ket' }, TT.terkunci));
    } else {
      const ulang = el('button', { type: 'button', class: 'kedua' }, TT.hitungUlang);
      ulang.addEventListener('click', () => busy(root, async () => {
        try {
          await api('POST', '/api/v1/tpp/bulan', { bulan: ym(m.tahun, m.bulan) });
          ctx.go(location.hash, TT.dihitungUlang);
        } catch (e) { showProblem(box, e); }
      }));
      const setujui = el('button', { type: 'button' }, TT.setujui);
      setujui.addEventListener('click', () => {
        if (!window.confirm(TT.konfirmasiSetujui(b))) return;
        busy(root, async () => {
          try {
            await api('POST', `/api/v1/tpp/bulan/${id}/setujui`, {});
            ctx.go(location.hash, TT.disetujui(b));
          } catch (e) { showProblem(box, e); }
        });
      });
      aksi.append(ulang, setujui);
      root.append(el('p', { class: 'ket' }, TT.hitungUlangKet));
    }
    root.append(aksi);
  }
  root.append(box);

  // filter and sort: applied with a button (the URL keeps them, a reload keeps the view)
  const pUnit = el('select', {}, opsiUnit(units, TT.semuaUnit));
  pUnit.value = unit;
  const pUrut = el('select', {}, TT.urutOpsi.map(([v, t]) => el('option', { value: v }, t)));
  pUrut.value = urut;
  const saring = el('form', { class: 'filter', 'aria-label': TT.saringJudul },
    el('div', {}, ...labelled(TT.saringUnit, pUnit)), el('div', {}, ...labelled(TT.urut, pUrut)),
    el('button', { type: 'submit', class: 'kedua' }, TT.terapkan));
  saring.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    if (pUnit.value) q.set('unit', pUnit.value);
    if (pUrut.value !== 'nama') q.set('urut', pUrut.value);
    const s = q.toString();
    ctx.go(`#/admin/tpp/bulan/${id}${s ? `?${s}` : ''}`);
  });
  root.append(saring);

  const rows = m.items.slice().sort(URUT[urut]);
  if (!rows.length) { root.append(kosong(TT.barisKosong, { label: KOSONG.keImpor, href: '#/admin/pegawai' })); return; }
  root.append(el('p', { class: 'ket', role: 'status' }, TT.jumlahBaris(rows.length, rupiah(semuaJumlah))));
  const tbody = el('tbody');
  const tabel = el('div', { class: 'gulir-tpp' }, el('table', { class: 'tabel-status tabel-tpp tabel-hasil-tpp' },
    el('caption', { class: 'sr-only' }, TT.hasilTabel(b)),
    el('thead', {}, el('tr', {}, [TT.kPegawai, TT.kUnit, TT.kKelasPredikat, TT.kPotonganPersen, TT.kTotal].map((t) => el('th', { scope: 'col' }, t)))),
    tbody));
  const lagi = el('button', { type: 'button', class: 'kedua' }, TT.lagi);
  let tampil = 0;
  const tambah = () => {
    const awal = tampil;
    rows.slice(tampil, tampil + HALAMAN).forEach((x) => tbody.append(barisPegawai(id, x, query.toString())));
    tampil = Math.min(rows.length, tampil + HALAMAN);
    lagi.hidden = tampil >= rows.length;
    return awal;
  };
  lagi.addEventListener('click', () => {
    const awal = tambah();
    tbody.children[awal]?.querySelector('a')?.focus();
  });
  tambah();
  root.append(tabel, lagi);
}

function barisPegawai(id, x, q) {
  return el('tr', { class: x.galat ? 'celah' : null },
    el('th', { scope: 'row', 'data-label': TT.kPegawai },
      el('a', { class: 'tautan-sentuh', href: `#/admin/tpp/bulan/${id}/pegawai/${x.pegawai_id}${q ? `?${q}` : ''}` }, x.nama),
      el('span', { class: 'nip' }, x.nip),
      x.galat ? el('span', { class: 'celah-teks' }, `${TT.galatHitung}: ${x.galat}`) : null),
    el('td', { 'data-label': TT.kUnit }, x.unit_kerja || TT.kosong),
    el('td', { 'data-label': TT.kKelasPredikat }, TT.kelasPredikat(x.kelas_jabatan, x.predikat ? PREDIKAT[x.predikat] || x.predikat : '')),
    el('td', { 'data-label': TT.kPotonganPersen, class: 'angka' }, persenBp(x.potongan_persen_bp)),
    el('td', { 'data-label': TT.kTotal, class: 'angka' }, el('strong', {}, rupiah(x.jumlah))));
}

// ------------------------------------------------------------------ one pegawai (admin view)

const sesiSanksi = new Map();   // pegawai id → sanctions recorded in this session [{id, kode, persen, mulai, bulan, keterangan}]

export async function tppRincian(root, ctx, params, query) {
  if (!wajibPengelola(root, ctx)) return;
  const [id, pid] = params.map(Number);
  let d;
  try { d = await api('GET', `/api/v1/tpp/bulan/${id}/pegawai/${pid}`); } catch (e) { tolakBila(root, e); return; }
  const b = namaBulan(d.tahun, d.bulan);
  // back to the month as it was filtered and sorted (the row link carries its query)
  const q = new URLSearchParams([...query].filter(([k]) => k === 'unit' || k === 'urut')).toString();
  put(root, el('p', { class: 'jejak' }, el('a', { href: `#/admin/tpp/bulan/${id}${q ? `?${q}` : ''}` }, `← ${TT.keBulan(b)}`)),
    el('h2', {}, `${TT.orang(d.nama)} — ${b}`),
    el('p', { class: 'nip' }, T.nip(d.nip)),
    tampilHasil(d, 'admin'));
  if (!bolehUbah(ctx)) return;
  let aturan = null;
  try {
    const bl = await api('GET', `/api/v1/tpp/bulan/${id}?limit=1`);
    if (bl.aturan) aturan = (await api('GET', `/api/v1/tpp/aturan/${bl.aturan.id}`)).aturan;
  } catch { /* the sanction kinds are only a help */ }
  root.append(formSanksi(ctx, d, aturan));
}

function formSanksi(ctx, d, aturan) {
  const b = namaBulan(d.tahun, d.bulan);
  const box = alertBox();
  const jenisList = (aturan && Array.isArray(aturan.sanksi)) ? aturan.sanksi : [];
  const jenis = el('select', {}, el('option', { value: '' }, TT.jenisSanksiLain),
    jenisList.map((s, i) => el('option', { value: String(i) }, `${s.kode}: ${s.persen.replace('.', ',')}% × ${s.bulan} bulan`)));
  const kode = el('input', { type: 'text', maxlength: 15, autocomplete: 'off', 'data-field': 'kode' });
  const persen = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', 'data-field': 'persen' });
  const mulai = el('input', { type: 'month', min: '2000-01', max: '2100-12', value: ym(d.tahun, d.bulan), 'data-field': 'mulai' });
  const lama = el('input', { type: 'number', min: 1, max: 36, step: 1, inputmode: 'numeric', 'data-field': 'bulan' });
  const ket = el('input', { type: 'text', maxlength: 159, autocomplete: 'off', 'data-field': 'keterangan' });
  jenis.addEventListener('change', () => {
    const s = jenisList[Number(jenis.value)];
    if (jenis.value === '' || !s) return;
    kode.value = s.kode;
    persen.value = String(s.persen).replace('.', ',');
    lama.value = String(s.bulan);
  });
  const daftar = el('div');
  const gambarDaftar = () => {
    const xs = sesiSanksi.get(d.pegawai_id) || [];
    if (!xs.length) { daftar.replaceChildren(); return; }
    daftar.replaceChildren(el('h4', {}, TT.sanksiSesi), el('p', { class: 'ket' }, TT.sanksiSesiKet),
      el('ul', { class: 'daftar' }, xs.map((s) => {
        const teks = TT.sanksiItem(s);
        const hapus = el('button', { type: 'button', class: 'kecil bahaya', 'aria-label': TT.hapusSanksiLabel(teks) }, TT.hapusSanksi);
        hapus.addEventListener('click', () => {
          if (!window.confirm(TT.konfirmasiHapusSanksi(teks))) return;
          busy(daftar, async () => {
            try {
              await api('DELETE', `/api/v1/sanksi-tpp/${s.id}`);
              sesiSanksi.set(d.pegawai_id, (sesiSanksi.get(d.pegawai_id) || []).filter((x) => x.id !== s.id));
              gambarDaftar();
              announce(TT.sanksiDihapus);
            } catch (e) { showProblem(box, e); }
          });
        });
        return el('li', { class: 'baris-libur' }, el('p', {}, teks), hapus);
      })));
  };
  const idJudul = nextId('sanksi');
  const form = el('form', { class: 'panel form-sanksi', novalidate: true, 'aria-labelledby': idJudul },
    el('h3', { id: idJudul }, TT.sanksiJudul), el('p', { class: 'ket' }, TT.sanksiKet),
    jenisList.length ? labelled(TT.jenisSanksi, jenis) : null,
    el('div', { class: 'dua-kolom' }, el('div', {}, ...labelled(TT.kodeSanksi, kode, TT.kodeSanksiKet)), el('div', {}, ...labelled(TT.persenSanksi, persen))),
    el('div', { class: 'dua-kolom' }, el('div', {}, ...labelled(TT.mulaiSanksi, mulai)), el('div', {}, ...labelled(TT.lamaSanksi, lama))),
    ...labelled(TT.ketSanksi, ket), box, el('button', { type: 'submit' }, TT.catatSanksi));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    busy(form, async () => {
      try {
        const p = persenIsian(persen.value);
        if (p === '' || !Number.isFinite(Number(p))) throw galatLokal('persen', TT.wajibAngka);
        if (!/^\d{4}-\d{2}$/.test(mulai.value)) throw galatLokal('mulai', TT.wajibBulan);
        if (!/^\d+$/.test(lama.value)) throw galatLokal('bulan', TT.wajibAngka);
        const body = { persen: Number(p), mulai: mulai.value, bulan: Number(lama.value) };
        if (kode.value.trim()) body.kode = kode.value.trim();
        if (ket.value.trim()) body.keterangan = ket.value.trim();
        const r = await api('POST', `/api/v1/pegawai/${d.pegawai_id}/sanksi-tpp`, body);
        sesiSanksi.set(d.pegawai_id, [...(sesiSanksi.get(d.pegawai_id) || []), { id: r.id, ...body }]);
        form.reset();
        mulai.value = ym(d.tahun, d.bulan);
        box.hidden = true;
        form.querySelectorAll('.galat').forEach((g) => g.remove());
        gambarDaftar();
        announce(TT.sanksiDicatat);
      } catch (e) { showProblem(box, e, form); }
    });
  });
  gambarDaftar();
  const wadah = el('div', {}, form, daftar);
  if (d.status !== 'disetujui') {
    const ulang = el('button', { type: 'button', class: 'kedua' }, TT.hitungUlangBulan(b));
    ulang.addEventListener('click', () => busy(wadah, async () => {
      try {
        await api('POST', '/api/v1/tpp/bulan', { bulan: ym(d.tahun, d.bulan) });
        ctx.go(location.hash, TT.dihitungUlang);
      } catch (e) { showProblem(box, e); }
    }));
    wadah.append(el('p', { class: 'ket' }, TT.sanksiDaftarKet), ulang);
  }
  return wadah;
}
