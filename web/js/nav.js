// nav.js: the menu, the inbox bell and the hash routes of the signed-in screens (#/skp,
// #/skp/12, #/skp/12/matriks, #/skp/12/realisasi/11, #/persetujuan, #/status-skp, #/aktivitas,
// #/aktivitas/5, #/review, #/kepatuhan, #/kotak-masuk); a reload keeps the screen.
import { api } from './api.js';
import { T } from './teks.js';
import { el, announce, isAdminOrPimpinan } from './ui.js';
import { skpSaya } from './skp-saya.js';
import { skpView } from './skp.js';
import { matriks } from './matriks.js';
import { persetujuan } from './persetujuan.js';
import { statusSkp } from './status-skp.js';
import { aktivitas } from './aktivitas.js';
import { review } from './review.js';
import { realisasi } from './realisasi.js';
import { kepatuhan } from './kepatuhan.js';
import { kotakMasuk, segarkanLonceng } from './kotak-masuk.js';

const $ = (id) => document.getElementById(id);
let ctx = null;   // while signed in: {me, go}

const ROUTES = [
  { re: /^\/?$/, menu: 'beranda', judul: T.menu.beranda },
  { re: /^\/skp$/, menu: 'skp', screen: skpSaya },
  { re: /^\/skp\/(\d+)$/, menu: 'skp', screen: skpView },
  { re: /^\/skp\/(\d+)\/matriks$/, menu: 'skp', screen: matriks },
  { re: /^\/persetujuan$/, menu: 'persetujuan', screen: persetujuan },
  { re: /^\/status-skp$/, menu: 'status', screen: statusSkp },
  { re: /^\/skp\/(\d+)\/realisasi(?:\/(\d{1,2}))?$/, menu: 'skp', screen: realisasi },
  { re: /^\/aktivitas(?:\/(\d+))?$/, menu: 'aktivitas', screen: aktivitas },
  { re: /^\/review$/, menu: 'review', screen: review },
  { re: /^\/kepatuhan$/, menu: 'kepatuhan', screen: kepatuhan },
  { re: /^\/kotak-masuk$/, menu: '', screen: kotakMasuk },
];

/** The current hash as {path, query}: "#/status-skp?tahun=2026" → {"/status-skp", URLSearchParams}. */
export function parseHash() {
  const raw = location.hash.replace(/^#/, '');
  const i = raw.indexOf('?');
  const path = i < 0 ? raw : raw.slice(0, i);
  return { path: path || '/', query: new URLSearchParams(i < 0 ? '' : raw.slice(i + 1)) };
}

/** Navigates to a hash (re-renders when it is already the current one). */
export function go(hash) {
  if (location.hash === hash) route(true); else location.hash = hash;
}

export function startNav(me) {
  ctx = { me, go };
  $('menu').hidden = false;
  $('menu-status').hidden = !isAdminOrPimpinan(me);
  $('menu-persetujuan').hidden = true;
  $('menu-aktivitas').hidden = !me.pegawai;
  $('menu-review').hidden = !(me.pegawai && me.jumlah_bawahan > 0);
  $('menu-kepatuhan').hidden = !(isAdminOrPimpinan(me) || me.jumlah_bawahan > 0);
  $('lonceng').hidden = !me.pegawai;
  if (me.pegawai) {
    api('GET', '/api/v1/skp?penilai=saya&limit=1').then((p) => {
      if (ctx && ctx.me === me) $('menu-persetujuan').hidden = p.items.length === 0;
    }).catch(() => {});
    if (!(me.jumlah_bawahan > 0)) {
      // a penilai without bawahan in the tree (penilai set by hand) still reviews
      Promise.all([api('GET', '/api/v1/aktivitas?penilai=saya&status=diajukan&limit=1'),
        api('GET', '/api/v1/realisasi?penilai=saya&status=diajukan&limit=1')]).then(([a, r]) => {
        if (ctx && ctx.me === me && (a.items.length || r.items.length)) $('menu-review').hidden = false;
      }).catch(() => {});
    }
  }
  route(false);
}

/** Hides the signed-in screens; `lupakan` also drops the route (sign-out by the user). */
export function stopNav(lupakan) {
  ctx = null;
  $('menu').hidden = true;
  $('lonceng').hidden = true;
  $('layar').hidden = true;
  $('layar').replaceChildren();
  announce('');
  if (lupakan && location.hash) history.replaceState(null, '', location.pathname + location.search);
}

function markMenu(which) {
  document.querySelectorAll('#menu a').forEach((a) => {
    if (a.dataset.menu === which) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
}

/** Shows the screen of the current hash; `focus` moves focus to its heading (after a click). */
export function route(focus) {
  if (!ctx) return;
  const { path, query } = parseHash();
  const r = ROUTES.find((x) => x.re.test(path));
  announce('');
  markMenu(r ? r.menu : '');
  if (ctx.me.pegawai) segarkanLonceng();
  if (r && !r.screen) {
    $('layar').hidden = true;
    $('layar').replaceChildren();
    $('beranda').hidden = false;
    document.title = `${T.menu.beranda} — ${T.app}`;
    if (focus) $('salam').focus();
    return;
  }
  $('beranda').hidden = true;
  const root = el('div', { class: 'layar' });
  $('layar').replaceChildren(root);
  $('layar').hidden = false;
  if (!r) {
    root.append(el('h2', { tabindex: -1 }, T.tidakDitemukan), el('p', {}, el('a', { href: '#/' }, T.menu.beranda)));
    return;
  }
  root.append(el('p', { class: 'memuat' }, T.memuat));
  const params = path.match(r.re).slice(1);
  const done = () => {
    if (!root.isConnected) return;
    root.querySelector('.memuat')?.remove();
    const h = root.querySelector('h2');
    if (h) {
      h.tabIndex = -1;
      document.title = `${h.textContent} — ${T.app}`;
      if (focus) h.focus();
    }
  };
  r.screen(root, ctx, params, query).then(done, (err) => {
    if (!root.isConnected) return;
    root.replaceChildren(el('h2', {}, 'Tidak dapat ditampilkan'),
      el('div', { class: 'peringatan', role: 'alert' }, el('p', {}, err.message || String(err))),
      el('p', {}, el('a', { href: '#/' }, T.menu.beranda)));
    done();
  });
}

window.addEventListener('hashchange', () => route(true));
// the menu item of the current screen reloads it (no hashchange for the same hash)
document.getElementById('menu').addEventListener('click', (ev) => {
  const a = ev.target.closest('a');
  if (a && a.getAttribute('href') === (location.hash || '#/')) { ev.preventDefault(); route(true); }
});
