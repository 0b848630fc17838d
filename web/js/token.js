// token.js: "Token API" (#/akun/token; every signed-in user): the caller's own API tokens
// (name, read-only or read/write, created, last used, revoked), a new token shown once with a
// copy button, and revoking one.  sekaliTampil() is also the one-time secret box of webhook.js.
import { api } from './api.js';
import { T, waktuUnix } from './teks.js';
import { el, fill, labelled, alertBox, showAlert, showProblem, clearErrors, announce, busy, nextId } from './ui.js';
import { TW } from './teks-webhook.js';
import { kosong as kosongKe, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

/**
 * The box showing a secret once: a heading, the warning, the value and a copy button; "done"
 * empties `wadah` and calls `selesai` (where focus goes next).  Focus moves to its heading.
 */
export function sekaliTampil(wadah, { judul, label, nilai, peringatan, salin, selesai }) {
  const hid = nextId('sekali');
  const lid = nextId('nilai');
  const kode = el('code', { class: 'nilai-rahasia', id: lid, 'aria-labelledby': `${lid}-label` }, nilai);
  const pesan = el('p', { class: 'ket', role: 'status' });
  const tombolSalin = el('button', { type: 'button', class: 'kecil' }, salin);
  tombolSalin.addEventListener('click', async () => {
    pesan.textContent = '';
    try {
      await navigator.clipboard.writeText(nilai);
      pesan.textContent = TW.disalin;
    } catch {
      // no clipboard (permission, old browser): select the text for a manual copy
      const r = document.createRange();
      r.selectNodeContents(kode);
      const s = window.getSelection();
      s.removeAllRanges();
      s.addRange(r);
      let ok = false;
      try { ok = document.execCommand('copy'); } catch { ok = false; }
      pesan.textContent = ok ? TW.disalin : TW.gagalSalin;
    }
  });
  const tutup = el('button', { type: 'button', class: 'kedua kecil' }, TW.sudahDisimpan);
  tutup.addEventListener('click', () => { fill(wadah); if (selesai) selesai(); });
  const kotak = el('section', { class: 'rahasia-sekali', 'aria-labelledby': hid },
    el('h3', { id: hid, tabindex: -1 }, el('span', { 'aria-hidden': 'true' }, '⚠ '), judul),
    el('p', { class: 'peringatan-rahasia' }, peringatan),
    el('p', { class: 'label-rahasia', id: `${lid}-label` }, label),
    el('p', {}, kode),
    el('div', { class: 'aksi' }, tombolSalin, tutup),
    pesan);
  fill(wadah, kotak);
  kotak.querySelector('h3').focus();
  return kotak;
}

export async function tokenApi(root) {
  const box = alertBox();
  const sekali = el('div');
  const fbox = alertBox();
  const nama = el('input', { 'data-field': 'nama', maxlength: 100, autocomplete: 'off', required: true });
  const bacaId = nextId('baca');
  const baca = el('input', { type: 'checkbox', id: bacaId, 'data-field': 'cakupan', 'data-label': TW.hanyaBaca, checked: true });
  const formId = nextId('judul');
  const form = el('form', { class: 'panel form-token', novalidate: true, 'aria-labelledby': formId },
    el('h3', { id: formId }, TW.tokenBaru), fbox,
    ...labelled(TW.tokenNama, nama, TW.tokenNamaKet),
    el('div', { class: 'centang' }, baca, el('label', { for: bacaId }, TW.hanyaBaca)),
    el('button', { type: 'submit' }, TW.buatToken));
  const judulDaftar = el('h3', { tabindex: -1 }, TW.tokenSaya);
  const memuat = el('p', { class: 'memuat' }, T.memuat);
  const daftar = el('ul', { class: 'daftar daftar-token', 'aria-label': TW.tokenSaya });
  const kosong = kosongKe(TW.tokenKosong, { label: KOSONG.buatToken, on: fokusKe(nama) }, { hidden: true });
  const lama = el('div');
  root.append(el('h2', {}, TW.tokenJudul), el('p', { class: 'ket' }, TW.tokenKet), box, form, sekali,
    judulDaftar, memuat, daftar, kosong, lama);

  function kartu(t) {
    const label = t.nama;
    return el('li', { class: 'kartu kartu-token', dataset: { token: String(t.id) } },
      el('p', { class: 'judul-kartu' }, el('strong', { class: 'teks-panjang' }, t.nama),
        el('span', {},
          el('span', { class: 'lencana' }, t.cakupan === 'write' ? TW.bacaTulis : TW.bacaSaja),
          t.dicabut ? [' ', el('span', { class: 'lencana lencana-ditutup' }, TW.dicabut)] : null)),
      el('p', { class: 'ket' }, `${TW.dibuatToken}: ${waktuUnix(t.dibuat)}`),
      el('p', { class: 'ket' }, `${TW.dipakai}: ${t.dipakai ? waktuUnix(t.dipakai) : TW.belumDipakai}`),
      t.dicabut ? el('p', { class: 'ket' }, `${TW.dicabutPada}: ${waktuUnix(t.dicabut)}`) : null,
      t.dicabut ? null : el('div', { class: 'aksi' }, el('button', { type: 'button', class: 'kecil bahaya', 'aria-label': TW.cabutLabel(label),
        on: { click: (ev) => cabut(t, ev.currentTarget.closest('li')) } }, TW.cabut)));
  }

  async function muat() {
    memuat.hidden = false;
    let d;
    try { d = await api('GET', '/api/v1/token'); } finally { memuat.hidden = true; }
    const berlaku = d.items.filter((t) => !t.dicabut);
    const dicabut = d.items.filter((t) => t.dicabut);
    fill(daftar, berlaku.map(kartu));
    daftar.hidden = berlaku.length === 0;
    kosong.hidden = berlaku.length > 0;
    fill(lama, dicabut.length ? el('details', { class: 'token-dicabut' },
      el('summary', {}, `${TW.dicabut} (${dicabut.length})`),
      el('ul', { class: 'daftar' }, dicabut.map(kartu))) : null);
  }

  async function cabut(t, li) {
    if (!window.confirm(TW.konfirmasiCabut(t.nama))) return;
    try {
      await busy(li, () => api('DELETE', `/api/v1/token/${t.id}`));
    } catch (e) { showProblem(box, e); return; }
    showAlert(box, '');
    try { await muat(); } catch (e) { showProblem(box, e); }
    announce(TW.tokenDicabut);
    judulDaftar.focus();
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const data = { nama: nama.value.trim(), cakupan: baca.checked ? 'read' : 'write' };
    let t;
    try {
      if (!data.nama) throw Object.assign(new Error(TW.wajibNama), { status: 422, problem: { errors: [{ field: 'nama', message: TW.wajibNama }] } });
      t = await busy(form, () => api('POST', '/api/v1/token', data));
    } catch (e) { showProblem(fbox, e, form); return; }
    showAlert(fbox, '');
    showAlert(box, '');
    clearErrors(form);
    nama.value = '';
    baca.checked = true;
    try { await muat(); } catch (e) { showProblem(box, e); }
    announce(TW.tokenDibuat);
    sekaliTampil(sekali, { judul: TW.tokenSekaliJudul, label: TW.tokenLabel, nilai: t.token, peringatan: TW.tokenPeringatan,
      salin: TW.salinToken, selesai: () => judulDaftar.focus() });
  });

  try { await muat(); } catch (e) { showProblem(box, e); }
}
