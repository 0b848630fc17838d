// siasn.js: #/admin/siasn — the SIASN (BKN) client of the instansi (issue 10):
//  - the configuration (superadmin edits it, an admin reads it; the secrets are never shown),
//  - "Tarik data": pull a NIP list (or everyone) into a preview grouped as baru / berubah
//    (old → new per field; atasan changes on their own, highlighted) / tidak ada, with the
//    cycles and notes explained, then "Terapkan" after a confirmation,
//  - "Kirim penilaian": push final penilaian, one result per penilaian with SIASN's advice,
//  - the reconciliation report and the sync log (paged).
// The exchanges run inside the request (minutes for a large instansi): the buttons are
// disabled and a progress line says so meanwhile.
import { api } from './api.js';
import { T, waktuUnix } from './teks.js';
import { el, fill, labelled, alertBox, showAlert, showProblem, announce, busy, clearErrors, galatLokal } from './ui.js';
import { TI, KOLOM_SIASN, STATUS_TARIKAN, HASIL_KIRIM, HASIL_LOG, ARAH_LOG } from './teks-integrasi.js';
import { punyaPeran, tolak, tolakBila } from './admin-dasar.js';
import { TA } from './teks-admin.js';
import { pilihInstansi } from './sso-admin.js';
import { kosong as kosongKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

const jejak = () => el('p', { class: 'jejak' }, el('a', { href: '#/admin' }, `← ${TI.kembali}`));
const kosong = TI.kosong;

/** A field value of the preview / report as text. */
function nilai(kolom, v) {
  if (v === null || v === undefined || v === '') return kolom === 'atasan' ? TI.tanpaAtasan : kosong;
  if (typeof v !== 'object') return String(v);
  if (kolom === 'atasan') return TI.atasanBaris(v.nama || '', v.nip || '');
  return v.nama || kosong;
}

/** "198…, 199…" / lines → ['198…', …]; a field error when one is not 18 digits. */
function bacaNip(teks) {
  const list = teks.split(/[\s,;]+/).map((x) => x.trim()).filter(Boolean);
  const salah = list.find((x) => !/^\d{18}$/.test(x));
  if (salah) throw galatLokal('nip', TI.nipSalah(salah));
  if (list.length > 1000) throw galatLokal('nip', TI.nipTerlaluBanyak);
  return list;
}

/** A progress line shown while `fn` runs with every button of `scope` disabled. */
async function lama(scope, garis, teks, fn) {
  garis.textContent = teks;
  garis.hidden = false;
  scope.setAttribute('aria-busy', 'true');
  try { return await busy(scope, fn); } finally { garis.hidden = true; garis.textContent = ''; scope.removeAttribute('aria-busy'); }
}

const progres = () => el('p', { class: 'kemajuan-siasn', role: 'status', hidden: true });

export async function siasnAdmin(root, ctx, params, query) {
  const superadmin = punyaPeran(ctx.me, 'superadmin');
  if (!superadmin && !punyaPeran(ctx.me, 'admin')) { tolak(root, TA.khususAdmin); return; }
  root.append(jejak(), el('h2', {}, TI.siasnJudul), el('p', { class: 'ket' }, TI.siasnKet));
  const inst = superadmin ? await pilihInstansi(root, query, '/admin/siasn') : ctx.me.pengguna.instansi_id;
  if (!inst) return;
  const q = superadmin ? `instansi_id=${inst}` : '';
  const dgn = (path) => (q ? `${path}${path.includes('?') ? '&' : '?'}${q}` : path);
  const badan = (b) => (superadmin ? { ...b, instansi_id: inst } : b);
  let konfig;
  try { konfig = await api('GET', dgn('/api/v1/siasn/konfig')); } catch (e) { tolakBila(root, e); return; }

  const seksi = (id, judul, ...isi) => el('section', { class: 'seksi-siasn', 'aria-labelledby': id }, el('h3', { id }, judul), isi);
  const konfigBox = el('div');
  const pratinjau = el('div', { class: 'pratinjau-siasn' });
  const logDaftar = el('ul', { class: 'daftar daftar-log-siasn', 'aria-label': TI.logJudul });
  const logMemuat = el('p', { class: 'memuat' }, TI.logMemuat);
  const logKosong = kosongKe(TI.logKosong, null, { hidden: true });
  const logBox = alertBox();
  const logLagi = el('button', { type: 'button', class: 'kedua', hidden: true, on: { click: () => muatLog(false) } }, TI.lagi);
  let logCursor = null;
  let logTarikan = 0;   // the log of one pull only (0 = every exchange)
  let logPutaran = 0;   // a newer load makes the answer of an older one stale
  const logSaring = el('p', { class: 'ket', hidden: true });
  const logSemua = el('button', { type: 'button', class: 'kedua kecil', hidden: true, on: { click: () => { logTarikan = 0; muatLog(true); } } }, TI.logSemua);

  root.append(
    seksi('siasn-konfig', TI.konfigJudul, konfigBox),
    seksi('siasn-tarik', TI.tarikJudul, formTarik(), pratinjau),
    seksi('siasn-kirim', TI.kirimJudul, el('p', { class: 'ket' }, TI.kirimKet), formKirim()),
    seksi('siasn-rekon', TI.rekonJudul, el('p', { class: 'ket' }, TI.rekonKet), formRekon()),
    seksi('siasn-log', TI.logJudul,
      el('div', { class: 'aksi' }, el('button', { type: 'button', class: 'kedua kecil', on: { click: () => muatLog(true) } }, TI.segarkan), logSemua),
      logSaring,
      logBox, logMemuat, logKosong, logDaftar, logLagi));
  gambarKonfig();
  muatLog(true);
  // the latest preview not applied yet is shown again
  api('GET', dgn('/api/v1/siasn/tarikan?limit=1')).then(async (d) => {
    const t = d.items[0];
    if (t && t.status === 'pratinjau' && !pratinjau.firstChild) gambarPratinjau(await api('GET', `/api/v1/siasn/tarikan/${t.id}`));
  }).catch(() => {});

  // ------------------------------------------------------------ configuration
  function gambarKonfig() {
    const k = konfig;
    const status = el('p', {}, el('span', { class: `lencana ${superadmin ? 'lencana-disetujui' : 'lencana-draft'}` }, superadmin ? TI.lencanaUbah : TI.lencanaBaca),
      ' ', superadmin ? TI.konfigSuper : TI.konfigBaca);
    const rahasia = el('p', { class: k.rahasia_tersedia ? 'ket' : 'peringatan-ringan' },
      el('strong', {}, `${TI.rahasiaSiasn}: `), k.rahasia_tersedia ? TI.rahasiaAda : TI.rahasiaTidak(k.rahasia_pesan || ''));
    if (!superadmin) {
      fill(konfigBox, status, k.terkonfigurasi ? el('dl', { class: 'identitas' },
        [[TI.baseUrl, k.base_url], [TI.tokenUrl, k.token_url], [TI.clientIdSiasn, k.client_id],
          [TI.headerPengguna, `${k.header_pengguna}: ${k.skema_pengguna} …`]].map(([a, b]) => [el('dt', {}, a), el('dd', { class: 'teks-panjang' }, b || kosong)]))
        : el('p', { class: 'kosong' }, TI.belumKonfigAdmin), rahasia);
      return;
    }
    const f = (name, label, hint, type = 'url') => labelled(label, el('input', { name, type, value: k[name] || '', autocomplete: 'off', 'data-field': name }), hint);
    const box = alertBox();
    const form = el('form', { class: 'form-siasn panel', novalidate: true },
      k.terkonfigurasi ? null : el('p', { class: 'ket' }, TI.belumKonfig),
      box,
      f('base_url', TI.baseUrl, TI.baseUrlKet), f('token_url', TI.tokenUrl), f('client_id', TI.clientIdSiasn, null, 'text'),
      f('header_pengguna', TI.headerPengguna, TI.headerPenggunaKet, 'text'), f('skema_pengguna', TI.skemaPengguna, TI.skemaPenggunaKet, 'text'),
      el('button', { type: 'submit' }, TI.simpan));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(form);
      const v = (n) => form.elements[n].value.trim();
      const body = { instansi_id: inst, base_url: v('base_url'), token_url: v('token_url'), client_id: v('client_id') };
      if (v('header_pengguna')) body.header_pengguna = v('header_pengguna');
      if (v('skema_pengguna')) body.skema_pengguna = v('skema_pengguna');
      await busy(form, async () => {
        try {
          await api('PUT', '/api/v1/siasn/konfig', body);
          konfig = await api('GET', dgn('/api/v1/siasn/konfig'));
          gambarKonfig();
          announce(TI.konfigTersimpan);
        } catch (e) { showProblem(box, e, form); }
      });
    });
    fill(konfigBox, status, rahasia, form);
  }

  // ------------------------------------------------------------ pull → preview → apply
  function formTarik() {
    const box = alertBox();
    const garis = progres();
    const nip = el('textarea', { name: 'nip', rows: 3, 'data-field': 'nip', autocomplete: 'off', inputmode: 'numeric' });
    const form = el('form', { class: 'form-tarik', novalidate: true }, labelled(TI.nipDaftar, nip, TI.nipDaftarKet),
      el('button', { type: 'submit' }, TI.tarik), garis, box);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(form);
      box.hidden = true;
      let list;
      try { list = bacaNip(nip.value); } catch (e) { showProblem(box, e, form); return; }
      await lama(form, garis, TI.menarik, async () => {
        try {
          const t = await api('POST', '/api/v1/siasn/tarikan', badan(list.length ? { nip: list } : {}));
          gambarPratinjau(t);
          announce(TI.pratinjauJudul(t.id));
        } catch (e) { showProblem(box, e, form); }
      });
      muatLog(true);
    });
    return form;
  }

  function gambarPratinjau(t) {
    const r = t.ringkasan || { baru: 0, berubah: 0, tidak_ada: 0, atasan: 0 };
    const per = (j) => t.perubahan.filter((p) => p.jenis === j);
    const box = alertBox();
    const garis = progres();
    const judul = el('h3', { tabindex: -1 }, TI.pratinjauJudul(t.id));
    const isi = [];
    isi.push(el('p', {}, el('span', { class: `lencana lencana-tarikan-${t.status}` }, STATUS_TARIKAN[t.status] || t.status),
      ' ', TI.dibuatPada(waktuUnix(t.dibuat))));
    isi.push(el('ul', { class: 'ringkas-tarikan' }, [TI.ringkasBaru(r.baru), TI.ringkasBerubah(r.berubah), TI.ringkasTidakAda(r.tidak_ada), TI.ringkasAtasan(r.atasan)]
      .map((x) => el('li', {}, x))));
    if (t.pesan) isi.push(el('p', { class: 'ket' }, t.pesan));
    if (t.siklus && t.siklus.length) {
      isi.push(el('div', { class: 'peringatan siklus-siasn', role: 'alert' }, el('p', {}, el('strong', {}, TI.siklusJudul)),
        el('ul', {}, t.siklus.map((s) => el('li', {}, s.pesan)))));
    }
    if (!t.perubahan.length) isi.push(el('p', { class: 'kosong' }, TI.tanpaPerubahan));
    if (t.perubahan_atasan && t.perubahan_atasan.length) {
      isi.push(el('div', { class: 'kartu sorot atasan-siasn' }, el('h4', {}, TI.atasanJudul), el('p', { class: 'ket' }, TI.atasanKet),
        el('ul', {}, t.perubahan_atasan.map((a) => el('li', {}, el('strong', {}, TI.atasanBaris(a.nama || '', a.nip)), ': ',
          el('del', {}, nilai('atasan', a.dari)), ' → ', el('ins', {}, nilai('atasan', a.ke)))))));
    }
    const baru = per('baru');
    if (baru.length) {
      isi.push(el('h4', {}, `${TI.baruJudul} (${baru.length})`), el('ul', { class: 'daftar daftar-siasn' }, baru.map((p) => el('li', { class: 'kartu' },
        el('p', {}, el('strong', {}, p.nama || ''), ' ', el('span', { class: 'nip' }, T.nip(p.nip))),
        el('dl', { class: 'identitas' }, ['golongan', 'jabatan', 'unit_kerja', 'atasan'].map((k) => [el('dt', {}, KOLOM_SIASN[k]),
          el('dd', { class: k === 'atasan' && p.sesudah && p.sesudah.atasan ? 'ubah-atasan' : null }, nilai(k, p.sesudah && p.sesudah[k]))]))))));
    }
    const berubah = per('berubah');
    if (berubah.length) {
      isi.push(el('h4', {}, `${TI.berubahJudul} (${berubah.length})`), el('ul', { class: 'daftar daftar-siasn' }, berubah.map((p) => el('li', { class: `kartu${p.atasan_berubah ? ' sorot' : ''}` },
        el('p', {}, el('strong', {}, p.nama || ''), ' ', el('span', { class: 'nip' }, T.nip(p.nip))),
        el('div', { class: 'gulir' }, el('table', { class: 'tabel-status tabel-ubah-siasn' },
          el('caption', { class: 'sr-only' }, TI.tabelUbah(p.nama || p.nip)),
          el('thead', {}, el('tr', {}, [TI.kolomData, TI.kolomSebelum, TI.kolomSesudah].map((x) => el('th', { scope: 'col' }, x)))),
          el('tbody', {}, (p.kolom || []).map((k) => el('tr', { class: k === 'atasan' ? 'ubah-atasan' : null },
            el('th', { scope: 'row', 'data-label': TI.kolomData }, KOLOM_SIASN[k] || k),
            el('td', { 'data-label': TI.kolomSebelum }, el('del', {}, nilai(k, p.sebelum && p.sebelum[k]))),
            el('td', { 'data-label': TI.kolomSesudah }, el('ins', {}, nilai(k, p.sesudah && p.sesudah[k]))))))))))));
    }
    const hilang = per('tidak_ada');
    if (hilang.length) {
      isi.push(el('h4', {}, `${TI.tidakAdaJudul} (${hilang.length})`), el('p', { class: 'ket' }, TI.tidakAdaKet),
        el('ul', { class: 'daftar daftar-siasn' }, hilang.map((p) => el('li', { class: 'kartu' }, el('strong', {}, p.nama || ''), ' ', el('span', { class: 'nip' }, T.nip(p.nip))))));
    }
    if (t.catatan && t.catatan.length) {
      isi.push(el('details', { class: 'penjelasan' }, el('summary', {}, `${TI.catatanJudul} (${t.catatan.length})`),
        el('ul', {}, t.catatan.map((c) => el('li', {}, c)))));
    }
    const aksi = el('div', { class: 'aksi-terapkan' });
    if (t.hasil) aksi.append(el('p', { class: 'baik' }, TI.diterapkan(t.hasil)));
    if (t.dapat_diterapkan) {
      aksi.append(el('button', { type: 'button', on: { click: terapkan } }, TI.terapkan), garis);
    } else if (!t.hasil && t.perubahan.length && !(t.siklus && t.siklus.length)) {
      aksi.append(el('p', { class: 'ket' }, TI.tidakBisaTerapkan[t.status] || ''));
    }
    aksi.append(box, el('button', { type: 'button', class: 'kedua kecil', on: { click: () => {
      logTarikan = t.id;
      muatLog(true).then(() => document.getElementById('siasn-log').scrollIntoView());
    } } }, TI.logTarikan(t.id)));
    isi.push(aksi);
    fill(pratinjau, judul, isi);

    async function terapkan() {
      if (!window.confirm(TI.konfirmasiTerapkan(r))) return;
      await lama(aksi, garis, TI.menerapkan, async () => {
        try {
          const hasil = await api('POST', `/api/v1/siasn/tarikan/${t.id}/terapkan`, badan({}));
          gambarPratinjau(hasil);
          pratinjau.querySelector('h3').focus();
          announce(TI.diterapkan(hasil.hasil));
        } catch (e) { showProblem(box, e); }
      });
      muatLog(true);
    }
  }

  // ------------------------------------------------------------ push
  function formKirim() {
    const box = alertBox();
    const garis = progres();
    const hasil = el('div', { class: 'hasil-kirim' });
    const nip = el('input', { name: 'nip', inputmode: 'numeric', autocomplete: 'off', 'data-field': 'nip', maxlength: 18 });
    const form = el('form', { class: 'form-kirim', novalidate: true }, labelled(TI.nipKirim, nip, TI.nipOpsional),
      el('button', { type: 'submit' }, TI.kirim), garis, box, hasil);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(form);
      box.hidden = true;
      const n = nip.value.trim();
      if (n && !/^\d{18}$/.test(n)) { showProblem(box, galatLokal('nip', TI.nipSalah(n)), form); return; }
      await lama(form, garis, TI.mengirim, async () => {
        try {
          const h = await api('POST', '/api/v1/siasn/kirim', badan(n ? { nip: n } : {}));
          fill(hasil, el('p', { class: h.gagal ? 'peringatan-ringan' : 'baik' }, TI.hasilKirim(h)),
            h.items.length ? el('ul', { class: 'daftar daftar-siasn' }, h.items.map((i) => el('li', { class: 'kartu' },
              el('p', { class: 'judul-kartu' }, el('strong', {}, TI.penilaianKe(i.penilaian_id, i.nip, TI.jenisPenilaian[i.jenis] || i.jenis)),
                el('span', { class: `lencana lencana-kirim-${i.hasil}` }, HASIL_KIRIM[i.hasil] || i.hasil)),
              i.pesan ? el('p', {}, i.pesan) : null,
              i.saran ? el('p', { class: 'ket' }, el('strong', {}, `${TI.saran}: `), i.saran) : null)))
              : el('p', { class: 'kosong' }, TI.kirimKosong));
          announce(TI.hasilKirim(h));
        } catch (e) { showProblem(box, e, form); }
      });
      muatLog(true);
    });
    return form;
  }

  // ------------------------------------------------------------ reconciliation
  function formRekon() {
    const box = alertBox();
    const garis = progres();
    const hasil = el('div', { class: 'hasil-rekon' });
    const nip = el('input', { name: 'nip', inputmode: 'numeric', autocomplete: 'off', 'data-field': 'nip', maxlength: 18 });
    const form = el('form', { class: 'form-rekon', novalidate: true }, labelled(TI.rekonNip, nip, TI.nipOpsional),
      el('button', { type: 'submit', class: 'kedua' }, TI.rekon), garis, box, hasil);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(form);
      box.hidden = true;
      const n = nip.value.trim();
      if (n && !/^\d{18}$/.test(n)) { showProblem(box, galatLokal('nip', TI.nipSalah(n)), form); return; }
      await lama(form, garis, TI.merekon, async () => {
        try {
          const L = await api('GET', dgn(`/api/v1/siasn/rekonsiliasi${n ? `?nip=${n}` : ''}`));
          gambarRekon(hasil, L);
          announce(TI.rekonSelisih(L.jumlah_selisih));
        } catch (e) { showProblem(box, e, form); }
      });
      muatLog(true);
    });
    return form;
  }

  function gambarRekon(wadah, L) {
    const orang = (p) => [el('strong', {}, p.nama || ''), ' ', el('span', { class: 'nip' }, p.nip ? T.nip(p.nip) : '')];
    const kelompok = (judul, items, baris) => (items && items.length
      ? el('details', { class: 'kelompok-rekon', open: items.length <= 10 }, el('summary', {}, `${judul} (${items.length})`),
        el('ul', { class: 'daftar daftar-siasn' }, items.map((x) => el('li', { class: 'kartu' }, baris(x)))))
      : null);
    const nilaiP = (p) => [el('strong', {}, TI.penilaianKe(p.penilaian_id, p.nip, `${TI.jenisPenilaian[p.jenis] || p.jenis} ${p.tahun}`))];
    fill(wadah,
      el('p', { class: L.jumlah_selisih ? 'peringatan-ringan' : 'baik' }, TI.rekonSelisih(L.jumlah_selisih)),
      kelompok(TI.rekonPegawaiKita, L.pegawai.hanya_di_kita, orang),
      kelompok(TI.rekonPegawaiSiasn, L.pegawai.hanya_di_siasn, (p) => (p.nip ? orang(p) : [el('strong', {}, p.unor || ''), el('p', { class: 'ket' }, p.keterangan || '')])),
      kelompok(TI.rekonBerbeda, L.pegawai.berbeda, (p) => [el('p', {}, orang(p)), el('ul', {}, (p.kolom || []).map((k) =>
        el('li', { class: k === 'atasan' ? 'ubah-atasan' : null }, `${KOLOM_SIASN[k] || k}: `, el('span', {}, `${TI.kita} `), el('del', {}, nilai(k, p.kita && p.kita[k])),
          ' → ', el('span', {}, `${TI.siasn} `), el('ins', {}, nilai(k, p.siasn && p.siasn[k])))))]),
      kelompok(TI.rekonUnit, L.unit_kerja.hanya_di_kita, (u) => [el('strong', {}, u.nama), ` (${u.kode})`]),
      kelompok(TI.rekonBelum, L.penilaian.belum_dikirim, nilaiP),
      kelompok(TI.rekonBerubah, L.penilaian.berubah_sejak_dikirim, nilaiP),
      kelompok(TI.rekonTidakAda, L.penilaian.tidak_ada_di_siasn, nilaiP),
      kelompok(TI.rekonBedaSiasn, L.penilaian.berbeda_di_siasn, (p) => [el('p', {}, nilaiP(p)),
        el('p', {}, `${TI.kita}: ${TI.nilaiPenilaian(p.kita)}`), el('p', {}, `${TI.siasn}: ${TI.nilaiPenilaian(p.siasn)}`)]),
      L.catatan && L.catatan.length ? el('details', { class: 'penjelasan' }, el('summary', {}, `${TI.catatanJudul} (${L.catatan.length})`),
        el('ul', {}, L.catatan.map((c) => el('li', {}, c)))) : null);
  }

  // ------------------------------------------------------------ sync log
  async function muatLog(reset) {
    // several loads may overlap (the one after applying a pull and "Lihat log tarikan"): only
    // the newest is drawn, so the list always matches the filter line above it
    const nomor = ++logPutaran;
    if (reset) logCursor = null;
    logMemuat.hidden = false;
    logLagi.disabled = true;
    logDaftar.setAttribute('aria-busy', 'true');
    try {
      logSaring.hidden = logSemua.hidden = !logTarikan;
      logSaring.textContent = logTarikan ? TI.logSaring(logTarikan) : '';
      const d = await api('GET', dgn(`/api/v1/siasn/log?limit=20${logCursor ? `&sebelum=${logCursor}` : ''}${logTarikan ? `&tarikan_id=${logTarikan}` : ''}`));
      if (nomor !== logPutaran) return;
      const baris = d.items.map((l) => el('li', { class: 'kartu kartu-log-siasn' },
        el('p', { class: 'judul-kartu' }, el('strong', { class: 'teks-panjang' }, `${ARAH_LOG[l.arah] || l.arah} · ${l.metode} ${l.jalur}`),
          el('span', { class: `lencana lencana-log-${l.hasil}` }, HASIL_LOG[l.hasil] || l.hasil)),
        el('p', { class: 'ket' }, [waktuUnix(l.waktu), TI.httpStatus(l.http_status), TI.percobaan(l.percobaan),
          l.tarikan_id ? TI.tarikanKe(l.tarikan_id) : ''].filter(Boolean).join(' · ')),
        l.ringkasan ? el('p', {}, l.ringkasan) : null,
        l.pesan ? el('p', {}, el('strong', {}, 'SIASN: '), l.pesan) : null,
        l.saran ? el('p', { class: 'ket' }, el('strong', {}, `${TI.saran}: `), l.saran) : null));
      if (reset) fill(logDaftar, baris); else logDaftar.append(...baris);
      logCursor = d.next_cursor;
      logLagi.hidden = !logCursor;
      logKosong.hidden = logDaftar.children.length > 0;
      logBox.hidden = true;
    } catch (e) {
      if (nomor === logPutaran) showAlert(logBox, e.message);
    } finally {
      if (nomor === logPutaran) {
        logMemuat.hidden = true;
        logLagi.disabled = false;
        logDaftar.removeAttribute('aria-busy');
      }
    }
  }
}
