// sso-admin.js: #/admin/sso — the single sign-on (OpenID Connect) settings of the instansi
// (admin of the instansi, or superadmin choosing one with ?instansi=ID).  The client secret is
// write-only: the screen only says whether one is stored; switching password login off asks
// first, because then every account of the instansi depends on the identity provider.
import { api } from './api.js';
import { waktuUnix } from './teks.js';
import { el, fill, labelled, alertBox, showProblem, announce, busy, clearErrors, galatLokal } from './ui.js';
import { TI } from './teks-integrasi.js';
import { punyaPeran, tolak, tolakBila } from './admin-dasar.js';
import { TA } from './teks-admin.js';

const jejak = () => el('p', { class: 'jejak' }, el('a', { href: '#/admin' }, `← ${TI.kembali}`));

/** For the superadmin: a form choosing the instansi (?instansi=ID); returns the chosen id or 0. */
export async function pilihInstansi(root, query, path) {
  const d = await api('GET', '/api/v1/instansi?limit=200');
  const items = d.items || [];
  const id = Number(query.get('instansi')) || (items.length === 1 ? items[0].id : 0);
  const sel = el('select', { name: 'instansi' }, el('option', { value: '' }, TI.pilihInstansi),
    items.map((i) => el('option', { value: String(i.id), selected: i.id === id }, i.nama)));
  const form = el('form', { class: 'pilih-instansi', on: { submit: (ev) => {
    ev.preventDefault();
    if (sel.value) location.hash = `#${path}?instansi=${sel.value}`;
  } } }, labelled(TI.instansi, sel), el('button', { type: 'submit', class: 'kedua' }, TI.tampilkan));
  root.append(form);
  return id;
}

export async function ssoAdmin(root, ctx, params, query) {
  const superadmin = punyaPeran(ctx.me, 'superadmin');
  if (!superadmin && !punyaPeran(ctx.me, 'admin')) { tolak(root, TA.khususAdmin); return; }
  root.append(jejak(), el('h2', {}, TI.ssoJudul), el('p', { class: 'ket' }, TI.ssoKet));
  const inst = superadmin ? await pilihInstansi(root, query, '/admin/sso') : ctx.me.pengguna.instansi_id;
  if (!inst) return;
  let k;
  try { k = await api('GET', `/api/v1/instansi/${inst}/oidc`); } catch (e) { tolakBila(root, e); return; }
  const box = alertBox();
  const wadah = el('div');
  root.append(box, wadah);
  gambar();

  function gambar() {
    const issuer = el('input', { type: 'url', name: 'issuer', value: k.issuer || '', autocomplete: 'off', 'data-field': 'issuer', inputmode: 'url' });
    const clientId = el('input', { name: 'client_id', value: k.client_id || '', autocomplete: 'off', 'data-field': 'client_id' });
    const rahasia = el('input', { type: 'password', name: 'client_secret', autocomplete: 'new-password', 'data-field': 'client_secret' });
    const hapus = el('input', { type: 'checkbox', id: 'sso-hapus-rahasia' });
    const scope = el('input', { name: 'scope', value: k.scope || '', autocomplete: 'off', 'data-field': 'scope' });
    const klaim = el('input', { name: 'klaim_nip', value: k.klaim_nip || 'nip', autocomplete: 'off', 'data-field': 'klaim_nip' });
    const aktif = el('input', { type: 'checkbox', id: 'sso-aktif', checked: k.terkonfigurasi ? !!k.aktif : true, 'data-field': 'aktif' });
    const lokal = el('input', { type: 'checkbox', id: 'sso-lokal', checked: !!k.login_lokal_nonaktif, 'data-field': 'login_lokal_nonaktif',
      'aria-describedby': 'sso-lokal-ket' });
    hapus.addEventListener('change', () => { rahasia.disabled = hapus.checked; if (hapus.checked) rahasia.value = ''; });
    const form = el('form', { class: 'form-sso panel', novalidate: true, on: { submit: simpan } },
      k.terkonfigurasi ? null : el('p', { class: 'ket' }, TI.ssoBelum),
      el('p', {}, el('span', { class: `lencana ${k.rahasia_tersimpan ? 'lencana-disetujui' : 'lencana-draft'}` },
        k.rahasia_tersimpan ? TI.lencanaTersimpan : TI.lencanaBelumRahasia)),
      labelled(TI.issuer, issuer, TI.issuerKet),
      labelled(TI.clientId, clientId),
      labelled(TI.rahasia, rahasia, k.rahasia_tersimpan ? TI.rahasiaTersimpan : TI.rahasiaBelum),
      k.rahasia_tersimpan ? el('div', { class: 'centang' }, hapus, el('label', { for: hapus.id }, TI.rahasiaHapus)) : null,
      labelled(TI.scope, scope, TI.scopeKet),
      labelled(TI.klaimNip, klaim, TI.klaimNipKet),
      el('div', { class: 'centang' }, aktif, el('label', { for: aktif.id }, TI.aktif)),
      el('div', { class: 'centang' }, lokal, el('label', { for: lokal.id }, TI.lokalNonaktif)),
      el('p', { class: 'ket', id: 'sso-lokal-ket' }, TI.lokalNonaktifKet),
      el('button', { type: 'submit' }, TI.simpan));
    const info = el('div', { class: 'kartu' },
      el('p', {}, el('strong', {}, TI.ssoRedirect)),
      k.redirect_uri ? el('p', {}, el('code', { class: 'kode nilai-rahasia' }, k.redirect_uri)) : el('p', { class: 'peringatan-ringan' }, TI.ssoTanpaPublik),
      k.diubah ? el('p', { class: 'ket' }, TI.diubahPada(waktuUnix(k.diubah))) : null);
    fill(wadah, info, form);

    async function simpan(ev) {
      ev.preventDefault();
      clearErrors(form);
      const body = {
        issuer: issuer.value.trim(), client_id: clientId.value.trim(), scope: scope.value.trim(),
        klaim_nip: klaim.value.trim() || 'nip', aktif: aktif.checked, login_lokal_nonaktif: lokal.checked,
      };
      if (hapus.checked) body.client_secret = '';
      else if (rahasia.value) body.client_secret = rahasia.value;
      if (body.login_lokal_nonaktif && !body.aktif) {
        showProblem(box, galatLokal('login_lokal_nonaktif', 'hanya dapat dimatikan bila SSO aktif'), form);
        return;
      }
      if (body.login_lokal_nonaktif && !k.login_lokal_nonaktif && !window.confirm(TI.konfirmasiLokal)) return;
      await busy(form, async () => {
        try {
          k = await api('PUT', `/api/v1/instansi/${inst}/oidc`, body);
          box.hidden = true;
          gambar();
          announce(TI.ssoTersimpan);
        } catch (e) {
          showProblem(box, e, form);
        }
      });
    }
  }
}

