// nav.js: the menu, the inbox bell and the hash routes of the signed-in screens (#/skp,
// #/skp/12, #/skp/12/matriks, #/skp/12/realisasi/11, #/persetujuan, #/status-skp, #/aktivitas,
// #/aktivitas/5, #/review, #/kepatuhan, #/kotak-masuk, #/penilaian, #/penilaian/7, #/keberatan,
// #/keberatan/3, #/360, #/360/4, #/pegawai/9/360, #/angka-kredit, #/pegawai/9/angka-kredit,
// #/unit, #/unit/4/kurva, #/kalkulator, #/presensi, #/pegawai/9/presensi, #/audit, #/admin,
// #/admin/unit, #/admin/pegawai, #/admin/pegawai/9, #/admin/impor, #/admin/pengaturan,
// #/admin/presensi, #/admin/surel, #/tpp, #/pegawai/9/tpp, #/admin/tpp, #/admin/tpp/aturan/2,
// #/admin/tpp/bulan/1, #/admin/tpp/bulan/1/pegawai/9, #/dasbor, #/pegawai/9/dasbor, #/dasbor/tim,
// #/dasbor/instansi, #/dasbor/unit/4, #/laporan, #/analitik, #/katalog, #/admin/webhook,
// #/admin/webhook/2, #/akun/token, #/akun/keamanan, #/admin/sso, #/admin/siasn, #/kinerja-organisasi,
// #/iku/3, #/jejak-iku, #/pegawai/9/jejak-iku, #/capaian-organisasi, #/latihan, #/inovasi,
// #/inovasi/daftar, #/penghargaan, #/privasi, #/admin/adopsi); a reload keeps the
// screen.  A restricted session (2FA required, grace over) sees only #/akun/keamanan.
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
// help on every screen, the welcome tour and the user guide (issue 14)
import { pasangPengguna, mulaiOrientasi } from './bantuan.js';

// the evaluation screens are loaded when first opened (the first load stays small); sw.js
// keeps them for offline use like the others
const lazy = (load, name) => () => load().then((m) => m[name]);
const penilaianList = lazy(() => import('./penilaian.js'), 'penilaianList');
const penilaianForm = lazy(() => import('./penilaian-form.js'), 'penilaianForm');
const keberatan = lazy(() => import('./keberatan.js'), 'keberatan');
const tugas360 = lazy(() => import('./umpan360.js'), 'tugas360');
const putaran360 = lazy(() => import('./umpan360.js'), 'putaran360');
const buka360 = lazy(() => import('./umpan360.js'), 'buka360');
const unitList = lazy(() => import('./unit.js'), 'unitList');
const unitKurva = lazy(() => import('./unit.js'), 'unitKurva');
const angkaKredit = lazy(() => import('./angka-kredit.js'), 'angkaKredit');
const kalkulator = lazy(() => import('./kalkulator.js'), 'kalkulator');
// admin, auditor and presensi screens (issues 7 and 9), lazily loaded as well
const adminHub = lazy(() => import('./admin-pegawai.js'), 'adminHub');
const unitPohon = lazy(() => import('./admin-pegawai.js'), 'unitPohon');
const pegawaiDaftar = lazy(() => import('./admin-pegawai.js'), 'pegawaiDaftar');
const pegawaiDetail = lazy(() => import('./admin-pegawai.js'), 'pegawaiDetail');
const imporPegawai = lazy(() => import('./admin-impor.js'), 'imporPegawai');
const periodePengaturan = lazy(() => import('./admin-periode.js'), 'periodePengaturan');
const presensiAdmin = lazy(() => import('./presensi-admin.js'), 'presensiAdmin');
const surelKeluar = lazy(() => import('./surel.js'), 'surelKeluar');
const auditLog = lazy(() => import('./audit.js'), 'auditLog');
const presensiBulan = lazy(() => import('./presensi.js'), 'presensiBulan');
// dashboards, exports, analytics and the training catalogue (issue 8), lazily loaded
const dasborPegawai = lazy(() => import('./dasbor.js'), 'dasborPegawai');
const dasborTim = lazy(() => import('./dasbor.js'), 'dasborTim');
const dasborInstansi = lazy(() => import('./dasbor-unit.js'), 'dasborInstansi');
const dasborUnit = lazy(() => import('./dasbor-unit.js'), 'dasborUnit');
const laporanEkspor = lazy(() => import('./laporan.js'), 'laporan');
const analitik = lazy(() => import('./analitik.js'), 'analitik');
const katalogPelatihan = lazy(() => import('./katalog.js'), 'katalog');
// TPP / tunjangan kinerja screens (issue 9), lazily loaded
const tppSaya = lazy(() => import('./tpp.js'), 'tppSaya');
const tppAdmin = lazy(() => import('./tpp-admin.js'), 'tppAdmin');
const tppAturan = lazy(() => import('./tpp-aturan.js'), 'tppAturan');
const tppBulan = lazy(() => import('./tpp-bulan.js'), 'tppBulan');
const tppRincian = lazy(() => import('./tpp-bulan.js'), 'tppRincian');
// e-Office/HRIS integration (issue 10): webhooks (admin) and the user's own API tokens, lazily loaded
const webhookDaftar = lazy(() => import('./webhook.js'), 'webhookDaftar');
const webhookLog = lazy(() => import('./webhook.js'), 'webhookLog');
const tokenApi = lazy(() => import('./token.js'), 'tokenApi');
// two-factor authentication of the user's own account (issue 11)
const keamananAkun = lazy(() => import('./keamanan.js'), 'keamananAkun');
// single sign-on settings and the SIASN client (issue 10), lazily loaded
const ssoAdmin = lazy(() => import('./sso-admin.js'), 'ssoAdmin');
const siasnAdmin = lazy(() => import('./siasn.js'), 'siasnAdmin');
// organisation performance: Renstra, IKU, PK, the cascade tree and capaian (issue 15)
const orgHub = lazy(() => import('./kinerja-org.js'), 'orgHub');
const ikuPohon = lazy(() => import('./kinerja-org.js'), 'ikuPohon');
const jejakIku = lazy(() => import('./kinerja-org.js'), 'jejakIku');
const capaianOrg = lazy(() => import('./kinerja-org.js'), 'capaianOrg');
// the training sandbox (issue 14), lazily loaded
const latihan = lazy(() => import('./latihan.js'), 'latihan');
// innovation register (issue 15) and recognition (issue 14), lazily loaded
const inovasi = lazy(() => import('./inovasi.js'), 'inovasi');
const inovasiDaftar = lazy(() => import('./inovasi.js'), 'inovasiDaftar');
const penghargaan = lazy(() => import('./penghargaan.js'), 'penghargaan');
// privacy, who saw my data, the personal export and the adoption view (issue 14)
const privasi = lazy(() => import('./privasi.js'), 'privasi');
const adopsi = lazy(() => import('./adopsi.js'), 'adopsi');
const panduanDaftar = lazy(() => import('./panduan.js'), 'panduanDaftar');
const panduanHalaman = lazy(() => import('./panduan.js'), 'panduanHalaman');

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
  { re: /^\/penilaian$/, menu: 'penilaian', load: penilaianList },
  { re: /^\/penilaian\/(\d+)$/, menu: 'penilaian', load: penilaianForm },
  { re: /^\/keberatan(?:\/(\d+))?$/, menu: 'penilaian', load: keberatan },
  { re: /^\/360$/, menu: '360', load: tugas360 },
  { re: /^\/360\/(\d+)$/, menu: '360', load: putaran360 },
  { re: /^\/pegawai\/(\d+)\/360$/, menu: 'penilaian', load: buka360 },
  { re: /^\/angka-kredit$/, menu: 'ak', load: angkaKredit },
  { re: /^\/pegawai\/(\d+)\/angka-kredit$/, menu: 'penilaian', load: angkaKredit },
  { re: /^\/unit$/, menu: 'unit', load: unitList },
  { re: /^\/unit\/(\d+)\/kurva$/, menu: 'unit', load: unitKurva },
  { re: /^\/kalkulator$/, menu: 'kalkulator', load: kalkulator },
  { re: /^\/admin$/, menu: 'admin', load: adminHub },
  { re: /^\/admin\/unit$/, menu: 'admin', load: unitPohon },
  { re: /^\/admin\/pegawai$/, menu: 'admin', load: pegawaiDaftar },
  { re: /^\/admin\/pegawai\/(\d+)$/, menu: 'admin', load: pegawaiDetail },
  { re: /^\/admin\/impor$/, menu: 'admin', load: imporPegawai },
  { re: /^\/admin\/pengaturan$/, menu: 'admin', load: periodePengaturan },
  { re: /^\/admin\/presensi$/, menu: 'admin', load: presensiAdmin },
  { re: /^\/admin\/surel$/, menu: 'admin', load: surelKeluar },
  { re: /^\/admin\/webhook$/, menu: 'admin', load: webhookDaftar },
  { re: /^\/admin\/webhook\/(\d+)$/, menu: 'admin', load: webhookLog },
  { re: /^\/akun\/token$/, menu: 'akun', load: tokenApi },
  { re: /^\/akun\/keamanan$/, menu: 'keamanan', load: keamananAkun },
  { re: /^\/admin\/sso$/, menu: 'admin', load: ssoAdmin },
  { re: /^\/admin\/siasn$/, menu: 'admin', load: siasnAdmin },
  { re: /^\/(?:admin\/)?latihan$/, menu: 'latihan', load: latihan },
  { re: /^\/admin\/adopsi$/, menu: 'admin', load: adopsi },
  { re: /^\/privasi$/, menu: 'privasi', load: privasi },
  { re: /^\/audit$/, menu: 'audit', load: auditLog },
  { re: /^\/presensi$/, menu: 'presensi', load: presensiBulan },
  { re: /^\/pegawai\/(\d+)\/presensi$/, menu: 'presensi', load: presensiBulan },
  { re: /^\/dasbor$/, menu: 'dasbor', load: dasborPegawai },
  { re: /^\/pegawai\/(\d+)\/dasbor$/, menu: 'dasbor', load: dasborPegawai },
  { re: /^\/dasbor\/tim$/, menu: 'dasbor', load: dasborTim },
  { re: /^\/dasbor\/instansi$/, menu: 'dasbor', load: dasborInstansi },
  { re: /^\/dasbor\/unit\/(\d+)$/, menu: 'dasbor', load: dasborUnit },
  { re: /^\/laporan$/, menu: 'laporan', load: laporanEkspor },
  { re: /^\/analitik$/, menu: 'analitik', load: analitik },
  { re: /^\/katalog$/, menu: 'analitik', load: katalogPelatihan },
  { re: /^\/tpp$/, menu: 'tpp', load: tppSaya },
  { re: /^\/pegawai\/(\d+)\/tpp$/, menu: 'tpp', load: tppSaya },
  { re: /^\/admin\/tpp$/, menu: 'tpp', load: tppAdmin },
  { re: /^\/admin\/tpp\/aturan\/(\d+)$/, menu: 'tpp', load: tppAturan },
  { re: /^\/admin\/tpp\/bulan\/(\d+)$/, menu: 'tpp', load: tppBulan },
  { re: /^\/admin\/tpp\/bulan\/(\d+)\/pegawai\/(\d+)$/, menu: 'tpp', load: tppRincian },
  { re: /^\/kinerja-organisasi$/, menu: 'organisasi', load: orgHub },
  { re: /^\/iku\/(\d+)$/, menu: 'organisasi', load: ikuPohon },
  { re: /^\/jejak-iku$/, menu: 'organisasi', load: jejakIku },
  { re: /^\/pegawai\/(\d+)\/jejak-iku$/, menu: 'organisasi', load: jejakIku },
  { re: /^\/capaian-organisasi$/, menu: 'organisasi', load: capaianOrg },
  { re: /^\/inovasi$/, menu: 'inovasi', load: inovasi },
  { re: /^\/inovasi\/daftar$/, menu: 'inovasi', load: inovasiDaftar },
  { re: /^\/penghargaan$/, menu: 'penghargaan', load: penghargaan },
  { re: /^\/panduan$/, menu: '', load: panduanDaftar },
  { re: /^\/panduan\/([a-z]+)$/, menu: '', load: panduanHalaman },
];
let tertunda = '';   // a message to announce once the next screen is shown (go(hash, pesan))

/** The current hash as {path, query}: "#/status-skp?tahun=2026" → {"/status-skp", URLSearchParams}. */
export function parseHash() {
  const raw = location.hash.replace(/^#/, '');
  const i = raw.indexOf('?');
  const path = i < 0 ? raw : raw.slice(0, i);
  return { path: path || '/', query: new URLSearchParams(i < 0 ? '' : raw.slice(i + 1)) };
}

/** Navigates to a hash (re-renders when it is already the current one); `pesan` is announced there. */
export function go(hash, pesan) {
  tertunda = pesan || '';
  if (location.hash === hash) route(true); else location.hash = hash;
}

export function startNav(me) {
  ctx = { me, go };
  pasangPengguna(me);
  $('menu').hidden = false;
  $('menu-status').hidden = !isAdminOrPimpinan(me);
  $('menu-persetujuan').hidden = true;
  $('menu-aktivitas').hidden = !me.pegawai;
  $('menu-review').hidden = !(me.pegawai && me.jumlah_bawahan > 0);
  $('menu-kepatuhan').hidden = !(isAdminOrPimpinan(me) || me.jumlah_bawahan > 0);
  $('lonceng').hidden = !me.pegawai;
  $('menu-penilaian').hidden = !me.pegawai;
  $('menu-360').hidden = !(me.pegawai && me.jumlah_bawahan > 0);
  $('menu-ak').hidden = !(me.pegawai && me.pegawai.jabatan && me.pegawai.jabatan.jenis === 'fungsional');
  $('menu-unit').hidden = !isAdminOrPimpinan(me);
  $('menu-presensi').hidden = !me.pegawai;
  $('menu-dasbor').hidden = !(me.pegawai || isAdminOrPimpinan(me));
  $('menu-laporan').hidden = !(isAdminOrPimpinan(me) || me.jumlah_bawahan > 0);
  $('menu-analitik').hidden = !isAdminOrPimpinan(me);
  $('menu-tpp').hidden = !(me.pegawai || isAdminOrPimpinan(me));
  $('menu-inovasi').hidden = !(me.pegawai || isAdminOrPimpinan(me));
  $('menu-penghargaan').hidden = !(me.pegawai || isAdminOrPimpinan(me));
  $('menu-admin').hidden = !me.pengguna.peran.includes('admin');
  $('menu-latihan').hidden = !(me.latihan && (me.latihan.aktif || me.latihan.tersedia || me.pengguna.peran.includes('admin')));
  $('menu-audit').hidden = !me.pengguna.peran.some((p) => p === 'auditor' || p === 'superadmin');
  // restricted: every menu item but "Keamanan akun" is hidden, and every route leads there
  document.querySelectorAll('#menu li:not([id])').forEach((li) => { li.hidden = false; });
  if (me.sesi_terbatas) document.querySelectorAll('#menu li').forEach((li) => { li.hidden = !li.querySelector('a[data-menu="keamanan"]'); });
  if (me.sesi_terbatas) { $('lonceng').hidden = true; route(false); return; }
  mulaiOrientasi(me);
  if (me.pegawai) {
    if (!(me.jumlah_bawahan > 0)) {
      // a respondent of a 360 round finds the inbox in the menu
      api('GET', '/api/v1/360/tugas').then((d) => {
        if (ctx && ctx.me === me && d.items.length) $('menu-360').hidden = false;
      }).catch(() => {});
    }
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
  pasangPengguna(null);
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
  if (ctx.me.sesi_terbatas && parseHash().path !== '/akun/keamanan') history.replaceState(null, '', '#/akun/keamanan');
  const { path, query } = parseHash();
  const r = ROUTES.find((x) => x.re.test(path));
  const pesan = tertunda;
  tertunda = '';
  announce('');
  markMenu(r ? r.menu : '');
  if (ctx.me.pegawai && !ctx.me.sesi_terbatas) segarkanLonceng();
  if (r && !r.screen && !r.load) {
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
    if (pesan) announce(pesan);
  };
  (r.screen ? Promise.resolve(r.screen) : r.load()).then((screen) => screen(root, ctx, params, query)).then(done, (err) => {
    if (!root.isConnected) return;
    root.replaceChildren(el('h2', {}, T.tidakDapatDitampilkan),
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
