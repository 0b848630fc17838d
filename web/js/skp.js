// skp.js: one SKP (#/skp/{id}): status, identities, RHK with IKI, perilaku kerja, lampiran, and
// only the actions the API lists in `aksi` (pegawai: ubah/ajukan/tarik/revisi; penilai:
// setujui/kembalikan/ekspektasi).  Every write answers with the whole SKP, which is re-rendered.
import { api } from './api.js';
import { T, KELOMPOK, HURUF_KELOMPOK, ASPEK, PENDEKATAN, JENIS, PERSPEKTIF, LAMPIRAN, tanggal, tanggalUnix, target } from './teks.js';
import { el, put, fill, badge, labelled, nextId, alertBox, showAlert, showProblem, announce, busy, isAdminOrPimpinan } from './ui.js';
import { rhkForm } from './rhk-form.js';
import { umpanBalik } from './umpan-balik.js';

export async function skpView(root, ctx, params) {
  const id = Number(params[0]);
  const s = { skp: null, mode: null, edit: null, atasan: null };
  const head = el('div');
  const box = alertBox();
  const body = el('div');
  s.skp = await api('GET', `/api/v1/skp/${id}`);
  root.append(head, box, body);
  render();
  // the feedback thread lives outside `body`: the re-renders after each action keep it
  if (ctx.me.pegawai) root.append(umpanBalik(id, own() || penilai() || ctx.me.jumlah_bawahan > 0));

  function own() { return !!(ctx.me.pegawai && s.skp.pegawai && s.skp.pegawai.id === ctx.me.pegawai.id); }
  function penilai() { return !!(ctx.me.pegawai && s.skp.penilai && s.skp.penilai.id === ctx.me.pegawai.id); }
  function can(a) { return s.skp.aksi.includes(a); }
  function rhkAtasan() {
    if (!s.atasan) s.atasan = api('GET', `/api/v1/skp/${id}/rhk-atasan`);
    return s.atasan;
  }
  function nomor(r) {
    const sama = s.skp.rhk.filter((x) => x.kelompok === r.kelompok);
    return `${HURUF_KELOMPOK[r.kelompok]}.${sama.indexOf(r) + 1}`;
  }

  /** Runs a write that answers with the SKP; re-renders, announces, moves focus. */
  async function act(scope, fn, msg, { errBox = box, errScope = body, attr, fokus = 'h2' } = {}) {
    showAlert(box, '');
    try {
      s.skp = await busy(scope, fn);
    } catch (e) {
      showProblem(errBox, e, errScope, attr);
      if (errBox === box) box.scrollIntoView({ block: 'nearest' });
      return;
    }
    s.mode = null;
    s.edit = null;
    render();
    announce(msg);
    const f = root.querySelector(fokus);
    if (f) { if (!f.hasAttribute('tabindex')) f.tabIndex = -1; f.focus(); }
  }

  function render() {
    const k = s.skp;
    const kembali = own() ? ['#/skp', T.kembaliKeDaftar] : penilai() ? ['#/persetujuan', T.kembaliKePersetujuan]
      : isAdminOrPimpinan(ctx.me) ? ['#/status-skp', T.menu.status] : null;
    const waktu = k.status === 'disetujui' && k.disetujui ? T.disetujuiPada(tanggalUnix(k.disetujui))
      : k.status === 'diajukan' && k.diajukan ? T.diajukanPada(tanggalUnix(k.diajukan)) : null;
    fill(head,
      kembali ? el('p', { class: 'jejak' }, el('a', { href: kembali[0] }, `← ${kembali[1]}`)) : null,
      el('h2', { tabindex: -1 }, own() ? T.judulSkp(k.periode.tahun) : T.judulSkpOrang(k.pegawai.nama_lengkap, k.periode.tahun)),
      el('p', { class: 'status-baris' }, el('span', { class: 'sr-only' }, `${T.status}: `), badge(k.status, 'lencana-skp'),
        k.revisi > 0 ? el('span', {}, T.revisiKe(k.revisi)) : null, waktu ? el('span', {}, waktu) : null));
    fill(body,
      catatan(),
      aksi(),
      s.mode === 'kembalikan' ? kembalikanForm() : null,
      identitas(),
      rhkSection(),
      perilakuSection(),
      lampiranSection());
  }

  function catatan() {
    const k = s.skp;
    if (!k.catatan) return null;
    return el('section', { class: 'catatan', 'aria-labelledby': 'judul-catatan' },
      el('h3', { id: 'judul-catatan' }, k.status === 'dikembalikan' ? T.catatanPenilai : T.catatanTerakhir),
      el('p', { class: 'teks-panjang' }, k.catatan));
  }

  function aksi() {
    const bar = el('div', { class: 'aksi aksi-skp' });
    const tombol = (teks, fn, cls) => el('button', { type: 'button', class: cls, on: { click: fn } }, teks);
    const transisi = (a, b) => act(bar, () => api('POST', `/api/v1/skp/${id}/${a}`, b || {}), T.sudah[a], { attr: 'data-skp-field' });
    if (can('ajukan')) bar.append(tombol(T.ajukan, () => transisi('ajukan')));
    if (can('tarik')) bar.append(tombol(T.tarik, () => transisi('tarik'), 'kedua'));
    if (can('revisi')) bar.append(tombol(T.revisi, () => { if (window.confirm(T.konfirmasiRevisi)) transisi('revisi'); }, 'kedua'));
    if (can('setujui') && s.mode !== 'kembalikan') bar.append(tombol(T.setujui, () => transisi('setujui')));
    if (can('kembalikan') && s.mode !== 'kembalikan') {
      bar.append(tombol(T.kembalikan, () => {
        s.mode = 'kembalikan';
        render();
        root.querySelector('#catatan-kembalikan').focus();
      }, 'bahaya'));
    }
    if ((own() || penilai()) && s.skp.rhk.length) bar.append(el('a', { class: 'tombol kedua', href: `#/skp/${id}/realisasi` }, T.realisasiBulanan));
    bar.append(
      el('a', { class: 'tombol kedua', href: `/api/v1/skp/${id}/dokumen.pdf`, download: '' }, T.unduhPdf),
      el('a', { class: 'tombol kedua', href: `/api/v1/skp/${id}/dokumen.xlsx`, download: '' }, T.unduhXlsx));
    if (own() && ctx.me.jumlah_bawahan > 0) bar.append(el('a', { class: 'tombol kedua', href: `#/skp/${id}/matriks` }, T.matriks));
    if (can('matriks_bawahan') && ctx.me.pegawai) {
      // the penilai's own matrix for the same year shows where this bawahan contributes
      const a = el('a', { class: 'tombol kedua', hidden: true }, T.matriksSaya);
      bar.append(a);
      api('GET', `/api/v1/skp?pegawai_id=${ctx.me.pegawai.id}&tahun=${s.skp.periode.tahun}&limit=1`).then((d) => {
        if (d.items[0]) { a.href = `#/skp/${d.items[0].id}/matriks`; a.hidden = false; }
      }).catch(() => {});
    }
    return bar;
  }

  function kembalikanForm() {
    const k = s.skp;
    const form = el('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'judul-kembalikan' });
    const fbox = alertBox();
    const cat = el('textarea', { id: 'catatan-kembalikan', rows: 4, required: true, 'data-field': 'catatan' });
    const baris = k.rhk.map((r) => ({ r, ta: el('textarea', { rows: 2 }) }));
    put(form,
      el('h3', { id: 'judul-kembalikan' }, T.judulKembalikan),
      fbox,
      ...labelled(T.catatanKembalikan, cat),
      baris.length ? el('fieldset', { class: 'per-baris' }, el('legend', {}, T.catatanPerRhk),
        baris.map(({ r, ta }) => labelled(`${nomor(r)} ${r.rhk}`, ta))) : null,
      el('div', { class: 'aksi' },
        el('button', { type: 'submit', class: 'bahaya' }, T.kirimKembalikan),
        el('button', { type: 'button', class: 'kedua', on: { click: () => { s.mode = null; render(); } } }, T.batal)));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const isi = baris.filter((b) => { delete b.ta.dataset.field; return b.ta.value.trim(); });
      isi.forEach((b, i) => { b.ta.dataset.field = `baris[${i}]`; });
      const data = { catatan: cat.value.trim(), baris: isi.map((b) => ({ rhk_id: b.r.id, catatan: b.ta.value.trim() })) };
      act(form, () => api('POST', `/api/v1/skp/${id}/kembalikan`, data), T.sudah.kembalikan, { errBox: fbox, errScope: form });
    });
    return form;
  }

  function orang(p, cls) {
    if (!p) return el('dd', { 'data-skp-field': 'penilai' }, T.belumPenilai);
    const gol = [p.pangkat, p.golongan ? `(${p.golongan})` : ''].filter(Boolean).join(' ');
    return el('dd', { class: `orang ${cls}` },
      el('strong', {}, p.nama_lengkap),
      el('span', { class: 'nip' }, T.nip(p.nip)),
      gol ? el('span', {}, gol) : null,
      p.jabatan ? el('span', {}, p.jabatan.nama) : null,
      p.unit_kerja ? el('span', {}, p.unit_kerja.nama) : null);
  }

  function identitas() {
    const k = s.skp;
    const dl = el('dl', { class: 'identitas' },
      el('dt', {}, T.periode), el('dd', {}, `${tanggal(k.mulai)} – ${tanggal(k.selesai)}`),
      el('dt', {}, T.jenis), el('dd', {}, JENIS[k.jenis] || k.jenis),
      el('dt', {}, T.pendekatan), el('dd', {}, PENDEKATAN[k.pendekatan] || k.pendekatan),
      el('dt', {}, T.pegawai), orang(k.pegawai, 'orang-pegawai'),
      el('dt', {}, T.penilai), orang(k.penilai, 'orang-penilai'));
    const sec = el('section', { 'aria-label': T.identitasSkp }, dl);
    if (can('ubah') && k.rhk.length === 0 && k.jenis !== 'jpt') sec.append(pendekatanForm());
    return sec;
  }

  function pendekatanForm() {
    const form = el('form', { class: 'sebaris', novalidate: true });
    const fbox = alertBox();
    const sel = el('select', { 'data-field': 'pendekatan' },
      Object.entries(PENDEKATAN).map(([v, t]) => el('option', { value: v, selected: v === s.skp.pendekatan }, t)));
    form.append(fbox, ...labelled(T.pendekatan, sel, T.pendekatanKet), el('button', { type: 'submit', class: 'kedua' }, T.simpanPendekatan));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      act(form, () => api('PATCH', `/api/v1/skp/${id}`, { pendekatan: sel.value }), T.pendekatanTersimpan,
        { errBox: fbox, errScope: form, fokus: '#judul-rhk' });
    });
    return form;
  }

  function rhkSection() {
    const k = s.skp;
    const sec = el('section', { class: 'rhk-bagian', 'aria-labelledby': 'judul-rhk', 'data-skp-field': 'rhk' },
      el('h3', { id: 'judul-rhk', tabindex: -1 }, T.rhkJudul));
    for (const kel of ['utama', 'tambahan']) {
      const rows = k.rhk.filter((r) => r.kelompok === kel);
      sec.append(el('h4', {}, KELOMPOK[kel]));
      if (!rows.length) { sec.append(el('p', { class: 'kosong' }, T.belumRhk)); continue; }
      sec.append(el('ol', { class: 'rhk-daftar' }, rows.map((r) => el('li', {},
        s.edit === r.id ? editForm(r) : rhkCard(r)))));
    }
    if (can('ubah')) {
      if (s.edit === 'baru') sec.append(editForm(null));
      else {
        sec.append(el('button', { type: 'button', on: { click: () => {
          s.edit = 'baru';
          render();
          root.querySelector('.rhk-form textarea').focus();
        } } }, T.tambahRhk));
      }
    }
    return sec;
  }

  function rhkCard(r) {
    const k = s.skp;
    const no = nomor(r);
    const card = el('article', { class: 'kartu rhk', 'data-skp-field': `rhk[${r.id}]`, 'aria-label': `RHK ${no}` },
      el('p', { class: 'rhk-teks' }, el('span', { class: 'nomor' }, no), ' ', r.rhk));
    if (r.rhk_atasan) card.append(el('p', { class: 'intervensi' }, el('span', { class: 'label' }, `${T.mengintervensi}: `), r.rhk_atasan.rhk));
    else if (r.kelompok === 'utama' && k.jenis === 'ja_jf') card.append(el('p', { class: 'intervensi kurang' }, T.belumIntervensi));
    if (r.perspektif) card.append(el('p', {}, `${T.perspektif}: ${PERSPEKTIF[r.perspektif] || r.perspektif}`));
    if (r.bobot !== null && r.bobot !== undefined) card.append(el('p', {}, `${T.bobot}: ${r.bobot}%`));
    card.append(el('p', { class: 'label' }, T.iki),
      el('ul', { class: 'iki-daftar' }, r.iki.map((ki) => el('li', {},
        ki.aspek ? el('span', { class: 'aspek' }, ASPEK[ki.aspek] || ki.aspek) : null,
        el('span', { class: 'indikator' }, ki.indikator),
        el('span', { class: 'target' }, `${T.target}: `, el('strong', {}, target(ki)))))));
    if (r.catatan) {
      card.append(el('div', { class: 'catatan catatan-baris' }, el('p', { class: 'label' }, T.catatanBaris),
        el('p', { class: 'teks-panjang' }, r.catatan)));
    }
    if (can('ubah')) {
      card.append(el('div', { class: 'aksi' },
        el('button', { type: 'button', class: 'kecil', 'aria-label': T.ubahRhk(no), on: { click: () => {
          s.edit = r.id;
          render();
          root.querySelector('.rhk-form textarea').focus();
        } } }, T.ubah),
        el('button', { type: 'button', class: 'kecil bahaya', 'aria-label': T.hapusRhk(no), on: { click: () => {
          if (!window.confirm(T.konfirmasiHapus(no, r.rhk))) return;
          act(card, () => api('DELETE', `/api/v1/rhk/${r.id}`), T.rhkDihapus, { fokus: '#judul-rhk' });
        } } }, T.hapus)));
    }
    return card;
  }

  function editForm(r) {
    return rhkForm({
      skp: s.skp, rhk: r, no: r ? nomor(r) : '', atasan: rhkAtasan(),
      onSave: async (data) => {
        s.skp = r ? await api('PATCH', `/api/v1/rhk/${r.id}`, data) : await api('POST', `/api/v1/skp/${id}/rhk`, data);
        s.edit = null;
        showAlert(box, '');
        render();
        announce(T.rhkTersimpan);
        root.querySelector('#judul-rhk').focus();
      },
      onCancel: () => { s.edit = null; render(); root.querySelector('#judul-rhk').focus(); },
    });
  }

  function perilakuSection() {
    const k = s.skp;
    const editable = can('ekspektasi');
    const sec = el('section', { 'aria-labelledby': 'judul-perilaku' }, el('h3', { id: 'judul-perilaku', tabindex: -1 }, T.perilakuJudul));
    const fields = [];
    const list = el('ol', { class: 'perilaku' }, k.perilaku.map((p) => {
      const li = el('li', { class: 'kartu' }, el('p', {}, el('strong', {}, p.nama)),
        el('ul', { class: 'panduan' }, p.panduan.map((t) => el('li', {}, t))));
      if (editable) {
        const ta = el('textarea', { rows: 2, 'data-field': `ekspektasi.${p.nomor}` });
        ta.value = p.ekspektasi || '';
        fields.push([p.nomor, ta]);
        li.append(...labelled(`${T.ekspektasi} — ${p.nama}`, ta));
      } else {
        li.append(el('p', { class: 'ekspektasi' }, el('span', { class: 'label' }, `${T.ekspektasi}: `), p.ekspektasi || T.belumEkspektasi));
      }
      return li;
    }));
    if (!editable) { sec.append(list); return sec; }
    const form = el('form', { novalidate: true });
    const fbox = alertBox();
    form.append(fbox, list, el('button', { type: 'submit' }, T.simpanEkspektasi));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const e = {};
      fields.forEach(([n, ta]) => { e[String(n)] = ta.value.trim(); });
      act(form, () => api('PUT', `/api/v1/skp/${id}/perilaku`, { ekspektasi: e }), T.ekspektasiTersimpan,
        { errBox: fbox, errScope: form, fokus: '#judul-perilaku' });
    });
    sec.append(form);
    return sec;
  }

  function lampiranSection() {
    const k = s.skp;
    const sec = el('section', { 'aria-labelledby': 'judul-lampiran' }, el('h3', { id: 'judul-lampiran', tabindex: -1 }, T.lampiranJudul));
    if (!can('ubah')) {
      sec.append(el('dl', { class: 'lampiran' }, Object.entries(LAMPIRAN).map(([key, label]) => [
        el('dt', {}, label), el('dd', { class: 'teks-panjang' }, k.lampiran[key] || T.kosong)])));
      return sec;
    }
    const form = el('form', { novalidate: true });
    const fbox = alertBox();
    const tas = Object.entries(LAMPIRAN).map(([key, label]) => {
      const ta = el('textarea', { rows: 3, id: nextId('lampiran'), 'data-field': `lampiran.${key}` });
      ta.value = k.lampiran[key] || '';
      return [key, label, ta];
    });
    put(form, fbox, tas.map(([, label, ta]) => labelled(label, ta)), el('button', { type: 'submit' }, T.simpanLampiran));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const l = {};
      tas.forEach(([key, , ta]) => { l[key] = ta.value.trim(); });
      act(form, () => api('PATCH', `/api/v1/skp/${id}`, { lampiran: l }), T.lampiranTersimpan,
        { errBox: fbox, errScope: form, fokus: '#judul-lampiran' });
    });
    sec.append(form);
    return sec;
  }
}
