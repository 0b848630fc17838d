// admin-dasar.js: what the admin, auditor and presensi screens share: role checks, the clear
// "not allowed" screen, every unit kerja / jabatan of the instansi, a pegawai by NIP, a CSV
// upload with progress, and the line-numbered error report of an import.
import { api } from './api.js';
import { el } from './ui.js';
import { T } from './teks.js';
import { TA } from './teks-admin.js';

export function punyaPeran(me, ...peran) { return me.pengguna.peran.some((p) => peran.includes(p)); }

/** Replaces the screen with a clear refusal (a heading, the reason, the way home); no data. */
export function tolak(root, pesan) {
  root.replaceChildren(el('h2', {}, TA.aksesDitolak),
    el('div', { class: 'peringatan', role: 'alert' }, el('p', {}, pesan)),
    el('p', {}, el('a', { href: '#/' }, TA.keBeranda)));
}

/** true when the signed-in account is an instansi admin; otherwise shows the refusal. */
export function wajibAdmin(root, ctx) {
  if (punyaPeran(ctx.me, 'admin')) return true;
  tolak(root, TA.khususAdmin);
  return false;
}

/** A 403/404 of the API as the refusal screen; other errors are thrown on. */
export function tolakBila(root, err) {
  if (err && err.status === 403) { tolak(root, TA.tidakBerhak); return; }
  if (err && err.status === 404) { tolak(root, TA.tidakAda); return; }
  throw err;
}

async function semua(path) {
  let items = [];
  let cursor = null;
  do {
    const d = await api('GET', `${path}${path.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items = items.concat(d.items);
    cursor = d.next_cursor;
  } while (cursor && items.length < 10000);
  return items;
}

/** Every unit kerja of the instansi (active and not), each with `tingkat` (depth) and `anak` (children), in tree order. */
export async function semuaUnit() {
  const items = await semua('/api/v1/unit-kerja?aktif=semua');
  return urutPohon(items);
}

export function urutPohon(items) {
  const byId = new Map(items.map((u) => [u.id, { ...u, anak: [] }]));
  const akar = [];
  for (const u of byId.values()) {
    const p = u.induk_id && byId.get(u.induk_id);
    if (p) p.anak.push(u); else akar.push(u);
  }
  const urut = (a) => a.sort((x, y) => x.nama.localeCompare(y.nama, 'id'));
  const hasil = [];
  const jalan = (daftar, t) => { for (const u of urut(daftar)) { u.tingkat = t; hasil.push(u); jalan(u.anak, t + 1); } };
  jalan(akar, 0);
  hasil.akar = akar;
  return hasil;
}

/** Options of a unit <select>: indented by depth ("— — Subbagian"). */
export function opsiUnit(units, kosong) {
  return [kosong ? el('option', { value: '' }, kosong) : null,
    units.map((u) => el('option', { value: String(u.id) }, `${'— '.repeat(u.tingkat || 0)}${u.nama}${u.aktif === false ? ` (${TA.nonaktif})` : ''}`))];
}

export async function semuaJabatan() {
  const items = await semua('/api/v1/jabatan?aktif=semua');
  return items.sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
}

/** The pegawai with exactly this NIP in the caller's scope (active or not), or null. */
export async function pegawaiNip(nip) {
  const d = await api('GET', `/api/v1/pegawai?q=${encodeURIComponent(nip)}&aktif=semua&limit=5`);
  return d.items.find((p) => p.nip === nip) || null;
}

/**
 * Sends a file as the body of a POST (CSV imports) with the session cookie and CSRF token;
 * `kemajuan(fraksi)` follows the upload (1 when sent; the server then works).  Resolves to the
 * JSON answer, or throws an Error like api() (status, problem, Indonesian detail).
 */
export async function kirimBerkas(path, file, kemajuan) {
  const me = await api('GET', '/api/v1/auth/me');   // the CSRF token of this session
  return new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    x.open('POST', path);
    x.setRequestHeader('content-type', 'text/csv');
    if (me.csrf_token) x.setRequestHeader('x-csrf-token', me.csrf_token);
    x.upload.onprogress = (ev) => { if (ev.lengthComputable && kemajuan) kemajuan(ev.loaded / ev.total); };
    x.upload.onload = () => kemajuan && kemajuan(1);
    x.onerror = () => {
      const err = new Error(T.galatJaringan);
      err.status = 0;
      reject(err);
    };
    x.onload = () => {
      let data = null;
      try { data = JSON.parse(x.responseText); } catch { /* not JSON */ }
      if (x.status >= 200 && x.status < 300) { resolve(data); return; }
      const err = new Error((data && data.detail) || `Terjadi kesalahan (${x.status}).`);
      err.status = x.status;
      err.problem = data;
      if (x.status === 401) api('GET', '/api/v1/auth/me').catch(() => {});   // lets the app show the sign-in
      reject(err);
    };
    x.send(file);
  });
}

/**
 * The row errors of a rejected import, sorted by line: [{baris, kolom, pesan}].  Fields come as
 * "baris 4: nip" (pegawai) or "baris[3].nip" (presensi); `baris` may also be a member.
 */
export function galatBaris(err) {
  const list = (err && err.problem && Array.isArray(err.problem.errors)) ? err.problem.errors : [];
  return list.map((e) => {
    const f = String(e.field || '');
    const m = /^baris\s*\[?(\d+)\]?\s*[:.]?\s*(.*)$/.exec(f);
    const baris = Number.isInteger(e.baris) ? e.baris : m ? Number(m[1]) : null;
    return { baris, kolom: m ? m[2] : f, pesan: e.message || '' };
  }).sort((a, b) => (a.baris ?? 0) - (b.baris ?? 0));
}

/** The error report: a table Baris | Kolom | Kesalahan (a card per row on a phone). */
export function tabelGalat(rows) {
  return el('div', { class: 'gulir' }, el('table', { class: 'tabel-status tabel-galat' },
    el('caption', { class: 'sr-only' }, TA.tabelGalat),
    el('thead', {}, el('tr', {}, [TA.kolomBaris, TA.kolomKolom, TA.kolomPesan].map((t) => el('th', { scope: 'col' }, t)))),
    el('tbody', {}, rows.map((r) => el('tr', {},
      el('th', { scope: 'row', 'data-label': TA.kolomBaris }, r.baris ? TA.barisKe(r.baris) : TA.kosong),
      el('td', { 'data-label': TA.kolomKolom }, r.kolom || TA.kosong),
      el('td', { 'data-label': TA.kolomPesan }, r.pesan))))));
}

/** A <progress> with its label; .mulai() shows it, .set(f) sets 0..1 (null = the server works), .selesai() hides it. */
export function kemajuanUnggah() {
  const bar = el('progress', { max: 100, value: 0, 'aria-label': TA.kemajuan });
  const teks = el('p', { class: 'ket' });
  const box = el('div', { class: 'kemajuan', hidden: true }, teks, bar);
  box.mulai = () => { box.hidden = false; bar.value = 0; teks.textContent = TA.mengunggah; };
  box.set = (f) => {
    if (f === null || f >= 1) { bar.removeAttribute('value'); teks.textContent = TA.memproses; } else bar.value = Math.round(f * 100);
  };
  box.selesai = () => { box.hidden = true; };
  return box;
}
