// app.js: sign-in, the home screen (pegawai list of the signed-in user's scope), the start
// of the menu and routes of the other screens (nav.js), and working offline: the service
// worker (sw.js) keeps the shell, the last signed-in profile lets the app open without a
// connection, and the activities queued on the device are sent when it returns (offline.js).
import { api, setCsrf, whenSignedOut } from './api.js';
import { startNav, stopNav } from './nav.js';
import { T, FMT, HALAMAN, BAHASA } from './teks.js';
import { announce } from './ui.js';
import { setPemilik, simpan, baca, lupakanSimpanan, kirimAntrean, jumlahBelumTerkirim } from './offline.js';
import { TK, batas2fa } from './teks-keamanan.js';
import { kosong } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

const $ = (id) => document.getElementById(id);

// the language (DEVELOPERS.md): <html lang>, the page's texts, the switch (applied by a reload)
function pasangBahasa() {
  document.documentElement.lang = BAHASA;
  for (const e of document.querySelectorAll('[data-t],[data-menu]')) {
    const s = HALAMAN[e.dataset.t || 'menu-' + e.dataset.menu];
    if (s) e.textContent = s;
  }
  for (const e of document.querySelectorAll('[data-t-label]')) if (HALAMAN[e.dataset.tLabel]) e.setAttribute('aria-label', HALAMAN[e.dataset.tLabel]);
  for (const b of document.querySelectorAll('[data-bahasa]')) {
    b.setAttribute('aria-pressed', String(b.dataset.bahasa === BAHASA));
    b.addEventListener('click', () => {
      if (b.dataset.bahasa === BAHASA) return;
      try { localStorage.setItem('kinerja-bahasa', b.dataset.bahasa); } catch { /* stays */ }
      location.reload();
    });
  }
}
pasangBahasa();
let cursor = null;
let query = '';

function show(signedIn, lupakan) {
  $('masuk').hidden = signedIn;
  $('keluar').hidden = !signedIn;
  if (!signedIn) {
    $('beranda').hidden = true;
    $('spanduk-2fa').hidden = true;
    if (document.getElementById('spanduk-latihan')) import('./latihan-spanduk.js').then((m) => m.spandukLatihan(null));
    langkahKedua(null);
    stopNav(lupakan);
  }
}

// 2FA required by the user's roles: a banner during the grace period; after it the session is
// restricted (nav.js shows only "Keamanan akun") until the authenticator is enrolled
function spanduk2fa(me) {
  const w = me.wajib_2fa;
  $('spanduk-2fa').hidden = !w;
  if (!w) return;
  $('spanduk-2fa-teks').textContent = me.sesi_terbatas ? `${w.alasan} ${TK.terbatasKet}` : TK.spanduk(batas2fa(w.batas));
}

function item(p) {
  const li = document.createElement('li');
  const nama = document.createElement('strong');
  nama.textContent = p.nama_lengkap;
  const nip = document.createElement('div');
  nip.className = 'nip';
  nip.textContent = T.nip(p.nip);
  const jab = document.createElement('div');
  jab.textContent = [p.jabatan && p.jabatan.nama, p.unit_kerja && p.unit_kerja.nama].filter(Boolean).join(' — ');
  li.append(nama, nip, jab);
  return li;
}

async function loadPegawai(reset) {
  if (reset) { cursor = null; $('daftar').replaceChildren(); }
  const params = new URLSearchParams({ limit: '20' });
  if (query) params.set('q', query);
  if (cursor) params.set('cursor', cursor);
  if (reset) params.set('total', '1');
  try {
    const page = await api('GET', `/api/v1/pegawai?${params}`);
    page.items.forEach((p) => $('daftar').append(item(p)));
    // no pegawai found: say so, and offer to clear the search (or the help when nothing is searched)
    document.getElementById('daftar-kosong')?.remove();
    if (reset && !page.items.length) {
      $('daftar').after(kosong(T.jumlahCari('0'), query ? { label: KOSONG.cariLain, on: () => { $('cari').value = ''; query = ''; loadPegawai(true); $('cari').focus(); } } : null, { id: 'daftar-kosong' }));
    }
    if (reset) $('ringkas').textContent = T.jumlahCari(page.total.toLocaleString(FMT.lokal));
    cursor = page.next_cursor;
    $('lagi').hidden = !cursor;
  } catch (e) {
    $('ringkas').textContent = e.message;
  }
}

let signedIn = false;

function welcome(me, luring) {
  signedIn = true;
  setPemilik(me.pengguna.id);
  if (!luring) {
    const { csrf_token: _, ...profil } = me;   // the CSRF token is never stored
    simpan('me', profil);
  }
  const p = me.pegawai;
  $('salam').textContent = T.salam(p ? p.nama_lengkap : me.pengguna.username);
  $('profil').textContent = p ? `${p.jabatan ? p.jabatan.nama : ''}${p.unit_kerja ? ' — ' + p.unit_kerja.nama : ''}` : T.peran(me.pengguna.peran.join(', '));
  show(true);
  spanduk2fa(me);
  // inside a training sandbox (issue 14): its banner, loaded only there (first-load budget)
  if (me.latihan && me.latihan.aktif) import('./latihan-spanduk.js').then((m) => m.spandukLatihan(me));
  // back from a refused single sign-on (#/masuk?galat=…): the home screen, not an unknown route
  if (location.hash.startsWith('#/masuk')) history.replaceState(null, '', location.pathname + location.search);
  startNav(me);
  if (me.sesi_terbatas) return;   // nothing but enrolment until 2FA is active
  loadPegawai(true);
  if (!luring) kirimAntrean().catch(() => {});
  else tungguServer();
}

// enrolled from a restricted session (keamanan.js): the session is a full one now
window.addEventListener('kinerja:2fa-aktif', async () => {
  try {
    const me = await api('GET', '/api/v1/auth/me');
    history.replaceState(null, '', location.pathname + location.search);   // to the home screen
    welcome(me);
    announce(TK.aktifBerhasil);
  } catch { /* the next screen tells */ }
});

function signedOut() {
  signedIn = false;
  clearInterval(pulih);
  setPemilik(null);
  lupakanSimpanan();
}

$('form-masuk').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('pesan-masuk').textContent = '';
  const username = $('username').value.trim();
  const password = $('password').value;
  if (!username || !password) { $('pesan-masuk').textContent = T.isiMasuk; return; }
  try {
    const me = await api('POST', '/api/v1/auth/login', { username, password });
    $('password').value = '';
    if (me.perlu_2fa) { langkahKedua(me.token_2fa); return; }
    setCsrf(me.csrf_token);
    welcome(me);
  } catch (e) {
    // 403: the instansi signs in through SSO only (its buttons are under the form)
    $('pesan-masuk').textContent = e.status === 403 ? `${e.message} ${T.pakaiSso}` : e.message;
  }
});

// the second step of the sign-in: a code from the authenticator app, or a recovery code
let token2fa = null;
let pakaiPemulihan = false;
function modeKode(pemulihan) {
  pakaiPemulihan = pemulihan;
  const k = $('kode-2fa');
  k.value = '';
  $('label-kode-2fa').textContent = pemulihan ? TK.labelPemulihan : TK.labelKode;
  $('ket-2fa').textContent = pemulihan ? TK.ketPemulihan : TK.ketKode;
  $('ganti-2fa').textContent = pemulihan ? TK.pakaiAplikasi : TK.pakaiPemulihan;
  k.setAttribute('inputmode', pemulihan ? 'text' : 'numeric');
  k.setAttribute('autocomplete', pemulihan ? 'off' : 'one-time-code');
  k.setAttribute('maxlength', pemulihan ? '20' : '6');
  if (pemulihan) k.removeAttribute('pattern'); else k.setAttribute('pattern', '[0-9]*');
}
function langkahKedua(token) {
  token2fa = token;
  $('form-masuk').hidden = !!token;
  $('form-2fa').hidden = !token;
  $('pesan-2fa').textContent = '';
  if (!token) return;
  modeKode(false);
  $('judul-2fa').focus();
}
$('ganti-2fa').addEventListener('click', () => { modeKode(!pakaiPemulihan); $('kode-2fa').focus(); });
$('batal-2fa').addEventListener('click', () => { langkahKedua(null); $('password').focus(); });
$('form-2fa').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const v = $('kode-2fa').value.trim();
  $('pesan-2fa').textContent = '';
  if (!pakaiPemulihan && !/^[0-9]{6}$/.test(v)) { $('pesan-2fa').textContent = TK.kodeEnamAngka; $('kode-2fa').focus(); return; }
  if (pakaiPemulihan && v.replace(/[\s-]/g, '').length !== 10) { $('pesan-2fa').textContent = TK.kodePemulihanSalah; $('kode-2fa').focus(); return; }
  try {
    const me = await api('POST', '/api/v1/auth/login/2fa', pakaiPemulihan ? { token_2fa: token2fa, kode_pemulihan: v } : { token_2fa: token2fa, kode: v });
    langkahKedua(null);
    setCsrf(me.csrf_token);
    welcome(me);
    if (pakaiPemulihan) announce(TK.sisaPemulihan(me.dua_faktor.sisa_kode_pemulihan));
  } catch (e) {
    // the pending login ended (expired, locked, too many wrong codes): back to the password
    if (e.problem && /Langkah masuk berakhir/.test(e.problem.title || '')) { langkahKedua(null); $('pesan-masuk').textContent = e.message; $('password').focus(); return; }
    $('pesan-2fa').textContent = e.message;
    $('kode-2fa').value = '';
    $('kode-2fa').focus();
  }
});

$('keluar').addEventListener('click', async () => {
  const n = await jumlahBelumTerkirim();
  if (n && !window.confirm(T.konfirmasiKeluar(n))) return;
  let sso = null;
  try { sso = await api('POST', '/api/v1/auth/logout'); } catch { /* already signed out */ }
  setCsrf('');
  signedOut();
  show(false, true);
  $('cari').value = '';
  query = '';
  // a session opened by SSO: end the identity provider's session too
  if (sso && typeof sso.keluar_sso === 'string' && /^https?:\/\//.test(sso.keluar_sso)) location.assign(sso.keluar_sso);
  else tawarkanSso();
});

// single sign-on on the sign-in page: the list is asked for after the first paint, and the small
// module that shows it is loaded only when there is something to show
function tawarkanSso() {
  const galat = location.hash.startsWith('#/masuk?');
  api('GET', '/api/v1/auth/oidc').catch(() => ({ items: [] })).then((d) => {
    const items = (d && d.items) || [];
    if (!items.length && !galat) return;
    import('./sso-masuk.js').then((m) => { if (!signedIn) m.tampilkanSso(items, m.pesanGalat(location.hash)); }).catch(() => {});
  });
}

function sesiBerakhir() {
  if ($('masuk').hidden === false) return;
  setCsrf('');
  signedOut();
  show(false);
  $('pesan-masuk').textContent = T.sesiBerakhir;
}
whenSignedOut(sesiBerakhir);

let timer;
$('cari').addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => { query = $('cari').value.trim(); loadPegawai(true); }, 250);
});
$('form-cari').addEventListener('submit', (ev) => ev.preventDefault());
$('lagi').addEventListener('click', () => loadPegawai(false));

// online / offline: a banner, and on return the session is checked and the queue sent
function tandaLuring() {
  const b = $('luring');
  b.hidden = navigator.onLine;
  b.textContent = navigator.onLine ? '' : T.luring;
}
window.addEventListener('offline', tandaLuring);
window.addEventListener('online', async () => {
  tandaLuring();
  clearInterval(pulih);
  if (!signedIn) return;
  try {
    setCsrf((await api('GET', '/api/v1/auth/me')).csrf_token);
  } catch (e) {
    if (e.status === 401) { sesiBerakhir(); return; }
  }
  kirimAntrean().catch(() => {});   // unreachable still: it retries by itself
});
// opened from the device's copy while the network is up but the server is not: look again
// every 30 s and carry on as if the connection had just come back
let pulih = null;
function tungguServer() {
  clearInterval(pulih);
  pulih = setInterval(async () => {
    if (!signedIn || !navigator.onLine) return;
    try { await api('GET', '/api/v1/auth/me'); } catch (e) { if (e.status === 0) return; }
    clearInterval(pulih);
    window.dispatchEvent(new Event('online'));
  }, 30000);
}
window.addEventListener('kinerja:antrean', (ev) => {
  const d = ev.detail || {};
  if (d.terkirim) announce(T.terkirimOtomatis(d.terkirim) + (d.ditolak ? ` ${T.ditolakOtomatis(d.ditolak)}` : ''));
  else if (d.ditolak) announce(T.ditolakOtomatis(d.ditolak));
});
tandaLuring();

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => { /* the app works without it, online */ });
}

api('GET', '/api/v1/auth/me').then((me) => { setCsrf(me.csrf_token); welcome(me); }).catch(async (e) => {
  // no connection: open with the profile of the last sign-in on this device, if any
  const me = e.status === 0 ? await baca('me') : null;
  if (me && me.pengguna) welcome(me, true);
  else { show(false); tawarkanSso(); }
});
