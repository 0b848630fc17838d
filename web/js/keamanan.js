// keamanan.js: "Keamanan akun" (#/akun/keamanan; every signed-in user, and the only screen of a
// restricted session): the state of two-factor authentication, enrolment with the QR code and
// the manual key, confirmation with the first code, the ten recovery codes shown once (copy,
// print), regenerating them, and switching 2FA off when the user's roles allow it.
import { api } from './api.js';
import { el, fill, labelled, alertBox, showAlert, showProblem, clearErrors, announce, busy, nextId } from './ui.js';
import { TK, batas2fa } from './teks-keamanan.js';

/** Copies text; falls back to selecting `node` for a manual copy.  Returns the message. */
async function salin(teks, node) {
  try {
    await navigator.clipboard.writeText(teks);
    return TK.disalin;
  } catch {
    const r = document.createRange();
    r.selectNodeContents(node);
    const s = window.getSelection();
    s.removeAllRanges();
    s.addRange(r);
    let ok = false;
    try { ok = document.execCommand('copy'); } catch { ok = false; }
    return ok ? TK.disalin : TK.gagalSalin;
  }
}

/** The recovery codes, shown once, with copy and print; "done" calls selesai(). */
function kodeSekali(wadah, kode, selesai) {
  const hid = nextId('kode-pemulihan');
  const daftar = el('ol', { class: 'kode-pemulihan', 'aria-label': TK.kodeLabel }, kode.map((k) => el('li', {}, el('code', {}, k))));
  const pesan = el('p', { class: 'ket', role: 'status' });
  const kotak = el('section', { class: 'rahasia-sekali', 'aria-labelledby': hid },
    el('h3', { id: hid, tabindex: -1 }, el('span', { 'aria-hidden': 'true' }, '⚠ '), TK.kodeJudul),
    el('p', { class: 'peringatan-rahasia' }, TK.kodePeringatan),
    daftar,
    el('div', { class: 'aksi' },
      el('button', { type: 'button', class: 'kecil', on: { click: async () => { pesan.textContent = await salin(kode.join('\n'), daftar); } } }, TK.salinSemua),
      el('button', { type: 'button', class: 'kecil kedua', on: { click: () => window.print() } }, TK.cetak),
      el('button', { type: 'button', class: 'kecil kedua', on: { click: () => { fill(wadah); selesai(); } } }, TK.sudahDisimpan)),
    pesan);
  fill(wadah, kotak);
  kotak.querySelector('h3').focus();
}

function inputKode(field = 'kode') {
  return el('input', { 'data-field': field, inputmode: 'numeric', pattern: '[0-9]*', maxlength: 6, autocomplete: 'one-time-code', required: true });
}

export async function keamananAkun(root, ctx) {
  const box = alertBox();
  const status = el('section', { class: 'panel', 'aria-labelledby': 'judul-2fa-status' });
  const kerja = el('div');
  const sekali = el('div');
  root.append(el('h2', {}, TK.judul), el('p', { class: 'ket' }, TK.ket), box, sekali, status, kerja);

  async function muat() {
    const s = await api('GET', '/api/v1/auth/2fa');
    const w = s.wajib_2fa;
    fill(status,
      el('h3', { id: 'judul-2fa-status', tabindex: -1 }, TK.judul2fa),
      el('p', {}, el('strong', {}, s.aktif ? TK.aktifSejak(batas2fa(s.diaktifkan)) : TK.belumAktif)),
      s.aktif ? el('p', { class: 'ket' }, TK.sisaKode(s.sisa_kode_pemulihan)) : null,
      w ? el('p', { class: w.lewat ? 'peringatan-ringan' : 'ket' }, w.lewat ? w.alasan : TK.wajib(batas2fa(w.batas))) : null,
      s.sso ? el('p', { class: 'ket' }, TK.sso) : null);
    if (s.aktif) sudahAktif(s); else belumAktif();
    return s;
  }

  function belumAktif() {
    const mulai = el('button', { type: 'button' }, TK.aktifkan);
    fill(kerja, el('div', { class: 'panel' }, mulai));
    mulai.addEventListener('click', async () => {
      let d;
      try { d = await busy(kerja, () => api('POST', '/api/v1/auth/2fa/mulai')); } catch (e) { showProblem(box, e); return; }
      showAlert(box, '');
      daftar(d);
    });
  }

  function daftar(d) {
    const fbox = alertBox();
    const kode = inputKode();
    const kunci = el('code', { class: 'nilai-rahasia kunci-manual' }, d.kunci.replace(/(.{4})/g, '$1 ').trim());
    const pesan = el('p', { class: 'ket', role: 'status' });
    const hid = nextId('daftar-2fa');
    const form = el('form', { class: 'panel form-2fa', novalidate: true, 'aria-labelledby': hid },
      el('h3', { id: hid, tabindex: -1 }, TK.aktifkan),
      el('h4', {}, TK.langkah1),
      d.qr_svg ? el('p', { class: 'qr' }, el('img', { src: d.qr_svg, alt: TK.qrAlt, width: 220, height: 220 })) : null,
      el('h4', {}, TK.langkah2),
      el('p', {}, kunci),
      el('p', { class: 'ket' }, TK.ketKunci),
      el('div', { class: 'aksi' }, el('button', { type: 'button', class: 'kecil kedua', on: { click: async () => { pesan.textContent = await salin(d.kunci, kunci); } } }, TK.salinKunci)),
      pesan,
      el('h4', {}, TK.langkah3),
      fbox,
      ...labelled(TK.labelKode, kode),
      el('div', { class: 'aksi' }, el('button', { type: 'submit' }, TK.konfirmasi),
        el('button', { type: 'button', class: 'kedua', on: { click: () => { fill(kerja); muat().catch((e) => showProblem(box, e)); } } }, TK.batal)));
    fill(kerja, form);
    form.querySelector('h3').focus();
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(form);
      let r;
      try {
        if (!/^[0-9]{6}$/.test(kode.value.trim())) throw Object.assign(new Error(TK.kodeEnamAngka), { status: 422, problem: { errors: [{ field: 'kode', message: TK.kodeEnamAngka }] } });
        r = await busy(form, () => api('POST', '/api/v1/auth/2fa/aktifkan', { kode: kode.value.trim() }));
      } catch (e) { showProblem(fbox, e, form); kode.focus(); return; }
      fill(kerja);
      announce(TK.aktifBerhasil);
      const terbatas = ctx.me.sesi_terbatas;
      kodeSekali(sekali, r.kode_pemulihan, () => {
        // a restricted session is a full one now: app.js starts the app again
        if (terbatas) window.dispatchEvent(new Event('kinerja:2fa-aktif'));
        else status.querySelector('h3')?.focus();
      });
      muat().catch((e) => showProblem(box, e));
    });
  }

  function sudahAktif(s) {
    // regenerate the recovery codes
    const rbox = alertBox();
    const kodeR = inputKode();
    const rid = nextId('regen');
    const regen = el('form', { class: 'panel', novalidate: true, 'aria-labelledby': rid },
      el('h3', { id: rid }, TK.kodeBaruJudul), el('p', { class: 'ket' }, TK.kodeBaruKet), rbox,
      ...labelled(TK.labelKode, kodeR),
      el('button', { type: 'submit' }, TK.kodeBaru));
    regen.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(regen);
      let r;
      try {
        if (!/^[0-9]{6}$/.test(kodeR.value.trim())) throw Object.assign(new Error(TK.kodeEnamAngka), { status: 422, problem: { errors: [{ field: 'kode', message: TK.kodeEnamAngka }] } });
        r = await busy(regen, () => api('POST', '/api/v1/auth/2fa/kode-pemulihan', { kode: kodeR.value.trim() }));
      } catch (e) { showProblem(rbox, e, regen); kodeR.focus(); return; }
      showAlert(rbox, '');
      kodeR.value = '';
      announce(TK.kodeBaruBerhasil);
      kodeSekali(sekali, r.kode_pemulihan, () => status.querySelector('h3')?.focus());
      muat().catch((e) => showProblem(box, e));
    });
    // switch off
    const nid = nextId('nonaktif');
    let matikan;
    if (!s.boleh_nonaktif) {
      matikan = el('section', { class: 'panel', 'aria-labelledby': nid }, el('h3', { id: nid }, TK.nonaktifJudul), el('p', { class: 'ket' }, TK.nonaktifWajib));
    } else {
      const nbox = alertBox();
      const kodeN = el('input', { 'data-field': 'kode', inputmode: 'numeric', pattern: '[0-9]*', maxlength: 6, autocomplete: 'one-time-code' });
      const sandi = el('input', { 'data-field': 'sandi', type: 'password', autocomplete: 'current-password' });
      matikan = el('form', { class: 'panel', novalidate: true, 'aria-labelledby': nid },
        el('h3', { id: nid }, TK.nonaktifJudul), el('p', { class: 'ket' }, TK.nonaktifKet), nbox,
        ...labelled(TK.labelKodeOpsional, kodeN), ...labelled(TK.labelSandi, sandi),
        el('button', { type: 'submit', class: 'bahaya' }, TK.nonaktif));
      matikan.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        clearErrors(matikan);
        const body = kodeN.value.trim() ? { kode: kodeN.value.trim() } : sandi.value ? { sandi: sandi.value } : null;
        if (!body) { showAlert(nbox, TK.isiKodeAtauSandi); kodeN.focus(); return; }
        if (!window.confirm(TK.konfirmasiNonaktif)) return;
        try { await busy(matikan, () => api('POST', '/api/v1/auth/2fa/nonaktifkan', body)); } catch (e) { showProblem(nbox, e, matikan); return; }
        announce(TK.nonaktifBerhasil);
        await muat().catch((e) => showProblem(box, e));
        status.querySelector('h3')?.focus();
      });
    }
    fill(kerja, regen, matikan);
  }

  await muat();
}
