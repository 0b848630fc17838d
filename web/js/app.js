// app.js: sign-in, the home screen (pegawai list of the signed-in user's scope), and the start
// of the menu and routes of the other screens (nav.js).
import { api, setCsrf, whenSignedOut } from './api.js';
import { startNav, stopNav } from './nav.js';

const $ = (id) => document.getElementById(id);
let cursor = null;
let query = '';

function show(signedIn, lupakan) {
  $('masuk').hidden = signedIn;
  $('keluar').hidden = !signedIn;
  if (!signedIn) {
    $('beranda').hidden = true;
    stopNav(lupakan);
  }
}

function item(p) {
  const li = document.createElement('li');
  const nama = document.createElement('strong');
  nama.textContent = p.nama_lengkap;
  const nip = document.createElement('div');
  nip.className = 'nip';
  nip.textContent = `NIP ${p.nip}`;
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
    if (reset) $('ringkas').textContent = `${page.total.toLocaleString('id-ID')} pegawai`;
    cursor = page.next_cursor;
    $('lagi').hidden = !cursor;
  } catch (e) {
    $('ringkas').textContent = e.message;
  }
}

function welcome(me) {
  const p = me.pegawai;
  $('salam').textContent = `Selamat datang, ${p ? p.nama_lengkap : me.pengguna.username}`;
  $('profil').textContent = p ? `${p.jabatan ? p.jabatan.nama : ''}${p.unit_kerja ? ' — ' + p.unit_kerja.nama : ''}` : `Peran: ${me.pengguna.peran.join(', ')}`;
  show(true);
  startNav(me);
  loadPegawai(true);
}

$('form-masuk').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('pesan-masuk').textContent = '';
  const username = $('username').value.trim();
  const password = $('password').value;
  if (!username || !password) { $('pesan-masuk').textContent = 'Isi NIP/nama pengguna dan kata sandi.'; return; }
  try {
    const me = await api('POST', '/api/v1/auth/login', { username, password });
    setCsrf(me.csrf_token);
    $('password').value = '';
    welcome(me);
  } catch (e) {
    $('pesan-masuk').textContent = e.message;
  }
});

$('keluar').addEventListener('click', async () => {
  try { await api('POST', '/api/v1/auth/logout'); } catch { /* already signed out */ }
  setCsrf('');
  show(false, true);
  $('cari').value = '';
  query = '';
});

whenSignedOut(() => {
  if ($('masuk').hidden === false) return;
  setCsrf('');
  show(false);
  $('pesan-masuk').textContent = 'Sesi Anda telah berakhir. Silakan masuk lagi.';
});

let timer;
$('cari').addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => { query = $('cari').value.trim(); loadPegawai(true); }, 250);
});
$('form-cari').addEventListener('submit', (ev) => ev.preventDefault());
$('lagi').addEventListener('click', () => loadPegawai(false));

api('GET', '/api/v1/auth/me').then((me) => { setCsrf(me.csrf_token); welcome(me); }).catch(() => show(false));
