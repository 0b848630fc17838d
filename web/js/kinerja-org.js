// kinerja-org.js: organisation performance (issue 15).
//  - #/kinerja-organisasi?tahun=: the Renstra (sasaran strategis with their IKU and yearly
//    targets) and each unit's Perjanjian Kinerja; admin and pimpinan add, change and delete
//    them and import a CSV; everyone of the instansi reads them.
//  - #/iku/{id}?tahun=: the cascade tree from an IKU down: PK indicators (and those below),
//    the RHK derived from them, the bawahan RHK under those; a pegawai sees their own branch.
//  - #/jejak-iku and #/pegawai/{id}/jejak-iku?tahun=: from a pegawai up: each RHK, the atasan
//    RHK it intervenes in, the PK indicator, the IKU and its sasaran; the owner links an RHK to
//    a PK indicator here (JPT and unit heads derive their RHK from their PK).
//  - #/capaian-organisasi?tahun=: quarterly and annual realisasi with evidence, capaian per
//    indicator and unit, the suggested predikat with its reasoning, the pimpinan's decision.
import { api } from './api.js';
import { T, angka, angkaIsian } from './teks.js';
import { el, fill, labelled, alertBox, showAlert, showProblem, announce, setQuery, isAdminOrPimpinan } from './ui.js';
import { TO, PERIODE, ARAH, PREDIKAT_ORG } from './teks-org.js';
import { semuaUnit, opsiUnit, kirimBerkas, punyaPeran } from './admin-dasar.js';
import { seksiLaporanOrganisasi } from './laporan-org.js';
import { kosong, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

const jejak = (href, teks) => el('p', { class: 'jejak' }, el('a', { href }, `← ${teks}`));
const tahunDari = (query) => (/^\d{4}$/.test(query.get('tahun') || '') ? Number(query.get('tahun')) : new Date().getFullYear());
const nilai = (v, satuan) => (v === null || v === undefined ? TO.kosong : `${angka(v)}${satuan === '%' ? ' %' : satuan ? ` ${satuan}` : ''}`);
const bolehTulis = (ctx) => isAdminOrPimpinan(ctx.me) || punyaPeran(ctx.me, 'superadmin');

/** The year picker of a screen: changing it rewrites ?tahun= and calls `muat`. */
function pemilihTahun(tahun, muat) {
  const t = el('input', { type: 'number', inputmode: 'numeric', min: 2000, max: 2100, value: String(tahun), 'data-field': 'tahun', class: 'pendek' });
  const f = el('form', { class: 'baris-saring', on: { submit: (ev) => { ev.preventDefault(); setQuery({ tahun: t.value }); muat(Number(t.value)); } } },
    el('div', {}, ...labelled(TO.tahun, t)), el('button', { type: 'submit', class: 'kedua' }, TO.tampilkan));
  return f;
}

/** "2026: 90\n2027: 92,5" → [{tahun, target}] (the server checks the values). */
function bacaTarget(teks) {
  return teks.split('\n').map((b) => b.trim()).filter(Boolean).map((b) => {
    const m = b.match(/^(\d{4})\s*[:=]\s*(.*)$/);
    return m ? { tahun: Number(m[1]), target: m[2].trim() } : { target: b };
  });
}

// ---------------------------------------------------------------- Renstra and PK

export async function orgHub(root, ctx, params, query) {
  let tahun = tahunDari(query);
  const tulis = bolehTulis(ctx);
  const box = alertBox();
  const renstra = el('section', { 'aria-labelledby': 'judul-renstra' });
  const pk = el('section', { 'aria-labelledby': 'judul-pk' });
  const tautan = el('p', { class: 'tautan-baris' },
    el('a', { href: `#/capaian-organisasi?tahun=${tahun}` }, TO.tautanCapaian),
    ctx.me.pegawai ? [' · ', el('a', { href: `#/jejak-iku?tahun=${tahun}` }, TO.tautanJejak)] : null);
  root.append(el('h2', {}, TO.judul), el('p', { class: 'ket' }, TO.ket), pemilihTahun(tahun, (t) => { tahun = t; muat(); }), tautan, box, renstra, pk);
  if (tulis) root.append(formImpor());
  // the cascade tree and IKU recap downloads (issue 15 part 5; pimpinan and admin)
  if (isAdminOrPimpinan(ctx.me)) root.append(seksiLaporanOrganisasi(tahun));
  const units = await semuaUnit().catch(() => []);

  async function muat() {
    const [s, p] = await Promise.all([api('GET', `/api/v1/sasaran-strategis?tahun=${tahun}`), api('GET', `/api/v1/pk?tahun=${tahun}`)]);
    gambarRenstra(s.items);
    gambarPk(p.items, s.items);
  }

  function gambarRenstra(items) {
    const isi = items.map((s) => el('li', { class: 'kartu kartu-sasaran', dataset: { sasaran: String(s.id) } },
      el('h4', {}, `${s.kode ? `${s.kode} · ` : ''}${s.sasaran}`),
      el('p', { class: 'ket' }, `${s.unit_kerja ? s.unit_kerja.nama : TO.milikInstansi} · ${TO.periodeRenstra(s.tahun_mulai, s.tahun_selesai)}`),
      el('ul', { class: 'daftar-iku' }, s.iku.map((k) => {
        const t = k.target.find((x) => x.tahun === tahun);
        return el('li', { dataset: { iku: String(k.id) } },
          el('strong', {}, `${k.kode ? `${k.kode} ` : ''}${k.indikator}`), ' — ',
          `${TO.targetTahun(tahun)}: ${t ? nilai(t.target, k.satuan) : TO.kosong} · ${ARAH[k.arah]} `,
          el('a', { href: `#/iku/${k.id}?tahun=${tahun}`, 'aria-label': TO.lihatPohonLabel(k.indikator) }, TO.lihatPohon),
          tulis ? [' ', tombolHapus(k.indikator, TO.hapusIkuTanya(k.indikator), `/api/v1/iku/${k.id}`)] : null);
      })),
      tulis ? formIku(s) : null,
      tulis && !s.iku.length ? tombolHapus(s.sasaran, TO.hapusSasaranTanya(s.sasaran), `/api/v1/sasaran-strategis/${s.id}`) : null));
    fill(renstra, el('h3', { id: 'judul-renstra' }, TO.renstra),
      items.length ? el('ul', { class: 'daftar' }, isi) : kosong(TO.renstraKosong(tahun), tulis ? { label: KOSONG.keFormulir, on: fokusKe(() => renstra.querySelector('form')) } : null),
      tulis ? formSasaran() : null);
  }

  function tombolHapus(nama, tanya, path) {
    return el('button', { type: 'button', class: 'kedua kecil', 'aria-label': TO.hapusLabel(nama), on: { click: async () => {
      if (!window.confirm(tanya)) return;
      try { await api('DELETE', path); announce(TO.dihapus); await muat(); } catch (e) { showProblem(box, e); }
    } } }, TO.hapus);
  }

  function formSasaran() {
    const f = el('form', { class: 'form-kecil' });
    const fb = alertBox();
    const kode = el('input', { 'data-field': 'kode', maxlength: 40 });
    const sasaran = el('input', { 'data-field': 'sasaran', required: true });
    const mulai = el('input', { type: 'number', 'data-field': 'tahun_mulai', value: String(tahun) });
    const selesai = el('input', { type: 'number', 'data-field': 'tahun_selesai', value: String(tahun + 4) });
    const unit = el('select', { 'data-field': 'unit_kerja_id' }, opsiUnit(units, TO.unitInstansi));
    f.append(el('h4', {}, TO.tambahSasaran), fb, ...labelled(TO.kode, kode, TO.opsional), ...labelled(TO.sasaran, sasaran),
      ...labelled(TO.tahunMulai, mulai), ...labelled(TO.tahunSelesai, selesai), ...labelled(TO.unitRenstra, unit),
      el('button', { type: 'submit' }, TO.simpan));
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const body = { sasaran: sasaran.value.trim(), tahun_mulai: Number(mulai.value), tahun_selesai: Number(selesai.value) };
      if (kode.value.trim()) body.kode = kode.value.trim();
      if (unit.value) body.unit_kerja_id = Number(unit.value);
      try { await api('POST', '/api/v1/sasaran-strategis', body); announce(TO.sasaranDisimpan); await muat(); } catch (e) { showProblem(fb, e, f); }
    });
    return el('details', {}, el('summary', {}, TO.tambahSasaran), f);
  }

  function formIku(s) {
    const f = el('form', { class: 'form-kecil' });
    const fb = alertBox();
    const kode = el('input', { 'data-field': 'kode', maxlength: 40 });
    const indikator = el('input', { 'data-field': 'indikator', required: true });
    const satuan = el('input', { 'data-field': 'satuan', required: true, class: 'pendek' });
    const arah = el('select', { 'data-field': 'arah' }, Object.entries(ARAH).map(([v, t]) => el('option', { value: v }, t)));
    const target = el('textarea', { 'data-field': 'target', rows: 3, placeholder: `${tahun}: 90` });
    f.append(fb, ...labelled(TO.kode, kode, TO.opsional), ...labelled(TO.indikator, indikator), ...labelled(TO.satuan, satuan),
      ...labelled(TO.arah, arah), ...labelled(TO.targetPerTahun, target, TO.targetPetunjuk), el('button', { type: 'submit' }, TO.simpan));
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const body = { sasaran_id: s.id, indikator: indikator.value.trim(), satuan: satuan.value.trim(), arah: arah.value, target: bacaTarget(target.value) };
      if (kode.value.trim()) body.kode = kode.value.trim();
      try { await api('POST', '/api/v1/iku', body); announce(TO.ikuDisimpan); await muat(); } catch (e) { showProblem(fb, e, f); }
    });
    return el('details', {}, el('summary', { 'aria-label': TO.tambahIkuLabel(s.sasaran) }, TO.tambahIku), f);
  }

  function gambarPk(items, sasaran) {
    const perUnit = new Map();
    for (const p of items) {
      if (!perUnit.has(p.unit_kerja.id)) perUnit.set(p.unit_kerja.id, { unit: p.unit_kerja, items: [] });
      perUnit.get(p.unit_kerja.id).items.push(p);
    }
    const kelompok = [...perUnit.values()].map((g) => el('section', { class: 'kartu kartu-pk', dataset: { unit: String(g.unit.id) } },
      el('h4', {}, g.unit.nama),
      el('div', { class: 'gulir', role: 'region', tabindex: 0, 'aria-label': `${TO.pk}: ${g.unit.nama}` }, el('table', { class: 'tabel-org' },
        el('thead', {}, el('tr', {}, [TO.sasaran, TO.indikator, TO.kolomTarget, TO.mendukung, ''].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, g.items.map((p) => el('tr', { dataset: { pk: String(p.id) } },
          el('td', {}, p.sasaran), el('td', {}, p.indikator), el('td', {}, nilai(p.target, p.satuan)),
          el('td', {}, p.iku ? el('a', { href: `#/iku/${p.iku.id}?tahun=${tahun}` }, `${p.iku.kode ? `${p.iku.kode} ` : ''}${p.iku.indikator}`)
            : p.induk ? `PK: ${p.induk.indikator}` : TO.kosong, p.rhk_terkait ? el('span', { class: 'ket' }, ` · ${TO.rhkTerkait(p.rhk_terkait)}`) : null),
          el('td', {}, tulis ? tombolHapus(p.indikator, TO.hapusPkTanya(p.indikator), `/api/v1/pk/${p.id}`) : null))))))));
    fill(pk, el('h3', { id: 'judul-pk' }, TO.pk), kelompok.length ? kelompok : kosong(TO.pkKosong(tahun), { label: KOSONG.keFormulir, on: fokusKe(() => pk.querySelector('form')) }),
      tulis ? formPk(items, sasaran) : null);
  }

  function formPk(items, sasaran) {
    const f = el('form', { class: 'form-kecil' });
    const fb = alertBox();
    const unit = el('select', { 'data-field': 'unit_kerja_id', required: true }, opsiUnit(units, ''));
    const sas = el('input', { 'data-field': 'sasaran', required: true });
    const indikator = el('input', { 'data-field': 'indikator', required: true });
    const target = el('input', { 'data-field': 'target', inputmode: 'decimal', required: true, class: 'pendek' });
    const satuan = el('input', { 'data-field': 'satuan', required: true, class: 'pendek' });
    const arah = el('select', { 'data-field': 'arah' }, Object.entries(ARAH).map(([v, t]) => el('option', { value: v }, t)));
    const iku = el('select', { 'data-field': 'iku_id' }, el('option', { value: '' }, TO.tanpa),
      sasaran.flatMap((s) => s.iku).map((k) => el('option', { value: String(k.id) }, `${k.kode ? `${k.kode} ` : ''}${k.indikator}`)));
    const induk = el('select', { 'data-field': 'induk_id' }, el('option', { value: '' }, TO.tanpa),
      items.map((p) => el('option', { value: String(p.id) }, `${p.unit_kerja.nama}: ${p.indikator}`)));
    f.append(fb, ...labelled(TO.unitKerja, unit), ...labelled(TO.sasaran, sas), ...labelled(TO.indikator, indikator),
      ...labelled(TO.kolomTarget, target), ...labelled(TO.satuan, satuan), ...labelled(TO.arah, arah),
      ...labelled(TO.ikuTerkait, iku), ...labelled(TO.indukPk, induk), el('button', { type: 'submit' }, TO.simpan));
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const body = { unit_kerja_id: Number(unit.value) || null, tahun, sasaran: sas.value.trim(), indikator: indikator.value.trim(),
        target: target.value.trim(), satuan: satuan.value.trim(), arah: arah.value };
      if (iku.value) body.iku_id = Number(iku.value);
      if (induk.value) body.induk_id = Number(induk.value);
      try { await api('POST', '/api/v1/pk', body); announce(TO.pkDisimpan); await muat(); } catch (e) { showProblem(fb, e, f); }
    });
    return el('details', {}, el('summary', {}, TO.tambahPk), f);
  }

  function formImpor() {
    const f = el('form', { class: 'form-kecil' });
    const fb = alertBox();
    const berkas = el('input', { type: 'file', accept: '.csv,text/csv,text/plain', 'data-field': 'berkas' });
    f.append(el('h3', {}, TO.impor), el('p', { class: 'ket' }, TO.imporKet), fb, ...labelled(TO.berkas, berkas), el('button', { type: 'submit' }, TO.unggah));
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      if (!berkas.files.length) { showAlert(fb, TO.pilihBerkas); return; }
      try {
        const r = await kirimBerkas('/api/v1/import/kinerja-organisasi', berkas.files[0]);
        showAlert(fb, '');
        announce(TO.imporBerhasil(r.sasaran, r.iku, r.pk));
        await muat();
      } catch (e) { showProblem(fb, e, f); }
    });
    return f;
  }

  await muat();
}

// ---------------------------------------------------------------- IKU → pegawai

export async function ikuPohon(root, ctx, params, query) {
  const id = Number(params[0]);
  let tahun = tahunDari(query);
  const isi = el('div');
  root.append(jejak(`#/kinerja-organisasi?tahun=${tahun}`, TO.kembaliOrg), el('h2', {}, TO.judul), el('p', { class: 'ket' }, TO.pohonKet),
    pemilihTahun(tahun, (t) => { tahun = t; muat(); }), isi);
  async function muat() {
    const d = await api('GET', `/api/v1/iku/${id}/pohon?tahun=${tahun}`);
    root.querySelector('h2').textContent = TO.pohonJudul(d.iku.indikator);
    const t = d.iku.target.find((x) => x.tahun === tahun);
    const bawahRhk = (induk) => d.rhk.filter((r) => r.rhk_atasan_id === induk && !r.pk_indikator_id);
    const simpulRhk = (r) => el('li', { class: 'simpul simpul-rhk', dataset: { rhk: String(r.id), pegawai: String(r.pegawai.id) } },
      el('span', { class: 'rhk' }, r.rhk), el('span', { class: 'ket' }, ` — ${r.pegawai.nama} (${r.pegawai.jabatan}) `),
      el('a', { href: `#/pegawai/${r.pegawai.id}/jejak-iku?tahun=${tahun}`, 'aria-label': TO.jejakPegawaiLabel(r.pegawai.nama) }, TO.jejakPegawai),
      anak(bawahRhk(r.id).map(simpulRhk)));
    const anak = (list) => (list.length ? el('ul', {}, list) : null);
    const simpulPk = (p) => el('li', { class: 'simpul simpul-pk', dataset: { pk: String(p.id) } },
      el('strong', {}, `${p.unit_kerja.nama}: `), `${p.indikator} — ${TO.kolomTarget} ${nilai(p.target, p.satuan)}`,
      anak([...d.pk.filter((c) => c.induk_id === p.id).map(simpulPk), ...d.rhk.filter((r) => r.pk_indikator_id === p.id).map(simpulRhk)])
        || el('p', { class: 'ket' }, TO.rhkKosong));
    const akar = d.pk.filter((p) => p.iku_id === id || !d.pk.some((q) => q.id === p.induk_id));
    fill(isi,
      el('p', {}, el('strong', {}, `${TO.ikuLabel}: `), `${d.iku.kode ? `${d.iku.kode} ` : ''}${d.iku.indikator} — ${TO.targetTahun(tahun)}: ${t ? nilai(t.target, d.iku.satuan) : TO.kosong}`),
      el('p', {}, el('strong', {}, `${TO.sasaranLabel}: `), d.iku.sasaran.sasaran),
      akar.length ? el('ul', { class: 'pohon', 'aria-label': TO.pohonLabel }, akar.map(simpulPk)) : kosong(TO.pohonKosong, { label: KOSONG.keOrganisasi, href: '#/kinerja-organisasi' }),
      d.tersembunyi ? el('p', { class: 'ket' }, TO.tersembunyi(d.tersembunyi)) : null);
  }
  await muat();
}

// ---------------------------------------------------------------- pegawai → IKU

export async function jejakIku(root, ctx, params, query) {
  const id = params[0] ? Number(params[0]) : ctx.me.pegawai ? ctx.me.pegawai.id : 0;
  let tahun = tahunDari(query);
  const box = alertBox();
  const isi = el('div');
  root.append(jejak(`#/kinerja-organisasi?tahun=${tahun}`, TO.kembaliOrg), el('h2', {}, TO.judul), el('p', { class: 'ket' }, TO.jejakKet),
    pemilihTahun(tahun, (t) => { tahun = t; muat(); }), box, isi);
  if (!id) { fill(isi, el('p', {}, T.tanpaPegawai)); return; }
  const milikSaya = ctx.me.pegawai && ctx.me.pegawai.id === id;
  async function muat() {
    const [d, pk] = await Promise.all([api('GET', `/api/v1/pegawai/${id}/jejak-iku?tahun=${tahun}`),
      milikSaya ? api('GET', `/api/v1/pk?tahun=${tahun}`).catch(() => ({ items: [] })) : { items: [] }]);
    root.querySelector('h2').textContent = TO.jejakJudul(d.pegawai ? d.pegawai.nama : '');
    fill(isi,
      el('p', {}, TO.jejakRingkas(d.ringkasan.tertaut_iku, d.ringkasan.rhk)),
      d.items.length ? el('ul', { class: 'daftar' }, d.items.map((it) => kartu(it, pk.items)))
        : kosong(TO.jejakKosong(tahun), { label: KOSONG.keSkp, href: '#/skp' }));
  }
  function kartu(it, pkList) {
    const langkah = [
      ...it.rantai.map((r, i) => el('li', { dataset: { rhk: String(r.rhk_id) } }, i === 0 ? el('strong', {}, r.rhk) : r.rhk,
        el('span', { class: 'ket' }, ` — ${r.pegawai.nama}${r.pegawai.jabatan ? ` (${r.pegawai.jabatan})` : ''}`))),
      ...it.pk.map((p) => el('li', { class: 'langkah-pk', dataset: { pk: String(p.id) } }, `${TO.tertautKe}: ${p.unit_kerja.nama} — ${p.indikator} (${nilai(p.target, p.satuan)})`)),
      it.iku ? el('li', { class: 'langkah-iku' }, `${TO.ikuLabel}: `,
        el('a', { href: `#/iku/${it.iku.id}?tahun=${tahun}` }, `${it.iku.kode ? `${it.iku.kode} ` : ''}${it.iku.indikator}`),
        el('span', { class: 'ket' }, ` — ${TO.sasaranLabel}: ${it.iku.sasaran.sasaran}`)) : null,
    ];
    const li = el('li', { class: 'kartu kartu-jejak', dataset: { rhk: String(it.id) } },
      el('h3', {}, it.rhk), el('ol', { class: 'jejak-rantai', 'aria-label': TO.rantaiRhk }, langkah),
      it.tertaut ? null : el('p', { class: 'peringatan-ringan' }, TO.belumTertaut));
    if (milikSaya && pkList.length) {
      const pilih = el('select', { 'aria-label': TO.tautkanLabel(it.rhk), 'data-field': 'pk_indikator_id' }, el('option', { value: '' }, TO.lepasTautan),
        pkList.map((p) => el('option', { value: String(p.id) }, `${p.unit_kerja.nama}: ${p.indikator}`)));
      if (it.rantai[0] && it.pk_indikator_id && it.rantai.length === 1) pilih.value = String(it.pk_indikator_id);
      const fb = alertBox();
      const f = el('form', { class: 'baris-saring', on: { submit: async (ev) => {
        ev.preventDefault();
        try {
          await api('PUT', `/api/v1/rhk/${it.id}/pk`, { pk_indikator_id: pilih.value ? Number(pilih.value) : null });
          announce(TO.tautanDisimpan);
          await muat();
        } catch (e) { showProblem(fb, e, f); }
      } } }, el('div', {}, ...labelled(TO.tautkan, pilih)), el('button', { type: 'submit', class: 'kedua' }, TO.simpan), fb);
      li.append(f);
    }
    return li;
  }
  await muat();
}

// ---------------------------------------------------------------- capaian

export async function capaianOrg(root, ctx, params, query) {
  let tahun = tahunDari(query);
  const tulis = bolehTulis(ctx);
  const admin = punyaPeran(ctx.me, 'admin', 'superadmin');
  const box = alertBox();
  const isi = el('div');
  root.append(jejak(`#/kinerja-organisasi?tahun=${tahun}`, TO.kembaliOrg), el('h2', {}, TO.capaianJudul), el('p', { class: 'ket' }, TO.capaianKet),
    pemilihTahun(tahun, (t) => { tahun = t; muat(); }), box, isi);

  async function muat() {
    const d = await api('GET', `/api/v1/capaian-organisasi?tahun=${tahun}`);
    const a = d.ambang;
    fill(isi,
      el('p', { class: 'ket ambang' }, TO.ambangKet(angka(a.istimewa), angka(a.baik), angka(a.butuh_perbaikan), angka(a.kurang))),
      admin ? formAmbang(a) : null,
      bagianPeriode(d.periode),
      d.unit.length ? d.unit.map((u) => kartuUnit(u, d.periode)) : kosong(TO.unitKosong(tahun), { label: KOSONG.keOrganisasi, href: '#/kinerja-organisasi' }),
      el('h3', {}, TO.iku),
      d.iku.length ? tabelIndikator(d.iku, 'iku', d.periode, TO.iku) : kosong(TO.ikuKosong(tahun), { label: KOSONG.keOrganisasi, href: '#/kinerja-organisasi' }));
  }

  function bagianPeriode(periode) {
    return el('section', { class: 'kartu', 'aria-label': TO.periodeStatus }, el('h3', {}, TO.periodeStatus),
      el('ul', { class: 'daftar-periode' }, periode.map((p) => el('li', { dataset: { periode: String(p.periode) } },
        `${p.label}: ${p.ditutup ? TO.ditutup : TO.terbuka} `,
        tulis ? el('button', { type: 'button', class: 'kedua kecil', on: { click: async () => {
          if (!p.ditutup && !window.confirm(TO.tutupTanya(p.label))) return;
          try {
            await api('PUT', '/api/v1/capaian-organisasi/periode', { tahun, periode: p.periode, ditutup: !p.ditutup });
            announce(TO.periodeDisimpan);
            await muat();
          } catch (e) { showProblem(box, e); }
        } } }, p.ditutup ? TO.bukaPeriode(p.label) : TO.tutupPeriode(p.label)) : null))));
  }

  function formAmbang(a) {
    const f = el('form', { class: 'form-kecil' });
    const fb = alertBox();
    const kol = ['istimewa', 'baik', 'butuh_perbaikan', 'kurang'];
    const inp = Object.fromEntries(kol.map((k) => [k, el('input', { 'data-field': k, inputmode: 'decimal', class: 'pendek', value: angkaIsian(a[k]) })]));
    f.append(fb, kol.map((k) => el('div', {}, ...labelled(PREDIKAT_ORG[k], inp[k]))), el('button', { type: 'submit' }, TO.simpan));
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        await api('PUT', '/api/v1/capaian-organisasi/ambang', Object.fromEntries(kol.map((k) => [k, inp[k].value.trim()])));
        announce(TO.ambangDisimpan);
        await muat();
      } catch (e) { showProblem(fb, e, f); }
    });
    return el('details', {}, el('summary', {}, TO.ubahAmbang), f);
  }

  function tabelIndikator(list, jenis, periode, judul) {
    return el('div', { class: 'gulir', role: 'region', tabindex: 0, 'aria-label': judul }, el('table', { class: 'tabel-org tabel-capaian' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, TO.kolomIndikator), el('th', { scope: 'col' }, TO.kolomTarget),
        periode.map((p) => el('th', { scope: 'col' }, p.label)), el('th', { scope: 'col' }, TO.kolomCapaian))),
      el('tbody', {}, list.map((k) => el('tr', { dataset: { [jenis]: String(k.id) } },
        el('th', { scope: 'row' }, k.indikator, el('span', { class: 'ket' }, ` (${ARAH[k.arah]})`), tulis ? formRealisasi(k, jenis, periode) : null),
        el('td', {}, nilai(k.target, k.satuan)),
        k.realisasi.map((r) => el('td', {}, r.realisasi === null ? TO.kosong : [nilai(r.realisasi, k.satuan),
          r.capaian !== null ? el('span', { class: 'ket' }, ` (${TO.persen(angka(r.capaian))})`) : null,
          r.bukti && r.bukti.length ? [' ', r.bukti.map((b) => el('a', { href: b.url, rel: 'noopener noreferrer', target: '_blank', class: 'bukti' }, b.nama))] : null])),
        el('td', {}, k.capaian === null ? TO.kosong : [el('strong', {}, TO.persen(angka(k.capaian))), el('span', { class: 'ket' }, ` ${TO.dasar(k.dasar)}`)]))))));
  }

  function formRealisasi(k, jenis, periode) {
    const f = el('form', { class: 'form-kecil' });
    const fb = alertBox();
    const p = el('select', { 'data-field': 'periode' }, periode.filter((x) => !x.ditutup).map((x) => el('option', { value: x.periode === 5 ? 'tahunan' : String(x.periode) }, x.label)));
    const r = el('input', { 'data-field': 'realisasi', inputmode: 'decimal', required: true, class: 'pendek' });
    const c = el('input', { 'data-field': 'catatan' });
    const bn = el('input', { 'data-field': 'bukti[0].nama' });
    const bu = el('input', { 'data-field': 'bukti[0].url', type: 'url', placeholder: 'https://' });
    f.append(fb, ...labelled(TO.periode, p), ...labelled(TO.realisasi, r), ...labelled(TO.catatan, c, TO.opsional),
      ...labelled(TO.buktiNama, bn, TO.opsional), ...labelled(TO.buktiUrl, bu), el('button', { type: 'submit' }, TO.simpan));
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const body = { tahun, realisasi: r.value.trim() };
      if (c.value.trim()) body.catatan = c.value.trim();
      if (bu.value.trim()) body.bukti = [{ nama: bn.value.trim() || bu.value.trim(), url: bu.value.trim() }];
      try {
        await api('PUT', `/api/v1/${jenis}/${k.id}/realisasi/${p.value}`, body);
        announce(TO.realisasiDisimpan);
        await muat();
      } catch (e) { showProblem(fb, e, f); }
    });
    return el('details', {}, el('summary', { 'aria-label': TO.isiRealisasiLabel(k.indikator) }, TO.isiRealisasi), f);
  }

  function kartuUnit(u, periode) {
    const s = el('section', { class: 'kartu kartu-capaian', dataset: { unit: String(u.unit_kerja.id) } },
      el('h3', {}, u.unit_kerja.nama),
      tabelIndikator(u.indikator, 'pk', periode, `${TO.capaianJudul}: ${u.unit_kerja.nama}`),
      el('p', { class: 'capaian-unit' }, u.capaian === null ? TO.capaianBelum : TO.capaianUnit(angka(u.capaian))),
      el('p', { class: 'usulan' }, el('strong', {}, `${TO.usulan}: `), u.usulan ? u.usulan.label : TO.usulanTidakAda),
      u.usulan ? el('details', {}, el('summary', {}, TO.alasanUsulan), el('ul', {}, u.usulan.penjelasan.map((l) => el('li', {}, l)))) : null,
      el('p', { class: 'ditetapkan' }, el('strong', {}, `${TO.ditetapkan}: `), u.ditetapkan
        ? `${u.ditetapkan.label}${u.ditetapkan.alasan ? ` — ${u.ditetapkan.alasan}` : ''}` : TO.belumDitetapkan));
    if (tulis) s.append(formTetapkan(u));
    return s;
  }

  function formTetapkan(u) {
    const f = el('form', { class: 'form-kecil', 'aria-label': TO.tetapkanLabel(u.unit_kerja.nama) });
    const fb = alertBox();
    const p = el('select', { 'data-field': 'predikat' }, Object.entries(PREDIKAT_ORG).map(([v, t]) => el('option', { value: v }, t)));
    p.value = (u.usulan && u.usulan.predikat) || (u.ditetapkan && u.ditetapkan.predikat) || 'baik';
    const alasan = el('textarea', { 'data-field': 'alasan', rows: 2 });
    f.append(fb, ...labelled(TO.predikatPilih, p), ...labelled(TO.alasan, alasan, TO.alasanWajib), el('button', { type: 'submit' }, TO.tetapkan));
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const body = { tahun, predikat: p.value };
      if (alasan.value.trim()) body.alasan = alasan.value.trim();
      try {
        const r = await api('POST', `/api/v1/unit-kerja/${u.unit_kerja.id}/predikat-organisasi/konfirmasi`, body);
        await muat();
        announce(TO.ditetapkanPesan(PREDIKAT_ORG[r.predikat]));
      } catch (e) { showProblem(fb, e, f); }
    });
    return f;
  }

  await muat();
}
