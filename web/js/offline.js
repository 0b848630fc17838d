// offline.js: what the app keeps on the device (IndexedDB "kinerja"):
//  - "antrean": activities saved while the server could not be reached.  Each has a
//    client-made Idempotency-Key and the exact JSON it will send; it is sent again with the
//    same key until the server answers, so a retry never makes a duplicate (the server replays
//    its first answer).  An item leaves the device only after a 2xx; an item the server
//    refuses (4xx) stays, marked "perlu_perbaikan", until the user fixes or discards it.
//  - "simpan": small snapshots for working offline (the signed-in profile, the RHK choices);
//    forgotten at sign-out.
// Changes are announced with the window event "kinerja:antrean".
import { api, setCsrf, hasCsrf } from './api.js';

const NAMA = 'kinerja';
const VERSI = 1;
let dbJanji = null;
let pemilik = null;       // pengguna id of the signed-in user (queue items are theirs only)
let berjalan = null;      // the running send, shared by concurrent callers
let ulang = null;         // retry timer while the server is unreachable but the device is online

function buka() {
  if (!dbJanji) {
    dbJanji = new Promise((resolve, reject) => {
      const r = indexedDB.open(NAMA, VERSI);
      r.onupgradeneeded = () => {
        const db = r.result;
        if (!db.objectStoreNames.contains('antrean')) db.createObjectStore('antrean', { keyPath: 'kunci' });
        if (!db.objectStoreNames.contains('simpan')) db.createObjectStore('simpan');
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
      r.onblocked = () => reject(new Error('IndexedDB terblokir'));
    });
    dbJanji.catch(() => { dbJanji = null; });
  }
  return dbJanji;
}

/** Runs fn(store) in one transaction; resolves with the value of the request fn returns. */
async function tx(nama, mode, fn) {
  const db = await buka();
  return new Promise((resolve, reject) => {
    const t = db.transaction(nama, mode);
    const req = fn(t.objectStore(nama));
    t.oncomplete = () => resolve(req ? req.result : undefined);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error || new Error('transaksi dibatalkan'));
  });
}

function beritahu(detail = {}) {
  window.dispatchEvent(new CustomEvent('kinerja:antrean', { detail }));
}

/** A fresh Idempotency-Key (a UUID). */
export function kunciBaru() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The signed-in user whose queue is sent (null after sign-out). */
export function setPemilik(id) { pemilik = id ? String(id) : null; }
export function pemilikKini() { return pemilik; }

/** Keeps an activity on the device: {kunci, body (JSON text), tampil (for the list)}. */
export async function antrekan(item) {
  const it = { status: 'menunggu', dibuat: Date.now(), ...item, pemilik };
  await tx('antrean', 'readwrite', (s) => s.put(it));
  beritahu();
  return it;
}

/** The signed-in user's queued activities, oldest first. */
export async function antrean() {
  if (!pemilik) return [];
  try {
    const semua = await tx('antrean', 'readonly', (s) => s.getAll());
    return semua.filter((x) => x.pemilik === pemilik).sort((a, b) => a.dibuat - b.dibuat);
  } catch {
    return [];
  }
}

export async function hapusAntrean(kunci) {
  await tx('antrean', 'readwrite', (s) => s.delete(kunci));
  beritahu();
}

async function tandai(it, patch) {
  await tx('antrean', 'readwrite', (s) => s.put({ ...it, ...patch }));
}

/** Snapshots for offline use. */
export async function simpan(kunci, nilai) {
  try { await tx('simpan', 'readwrite', (s) => s.put(nilai, kunci)); } catch { /* private mode: no snapshot */ }
}
export async function baca(kunci) {
  try { return await tx('simpan', 'readonly', (s) => s.get(kunci)); } catch { return undefined; }
}
/** Forgets every snapshot (sign-out); the queue stays for its owner's next sign-in. */
export async function lupakanSimpanan() {
  try { await tx('simpan', 'readwrite', (s) => s.clear()); } catch { /* nothing kept */ }
}

function csrfDitolak(e) {
  return e.status === 403 && e.problem && /CSRF/.test(e.problem.title || '');
}

/**
 * Sends the waiting items of the signed-in user, one by one, each with its own key.
 * Resolves to {terkirim, ditolak, tertunda}.  Concurrent calls share one run; other tabs wait
 * for the Web Lock (and the server's idempotency makes even a parallel send harmless).
 */
export function kirimAntrean() {
  if (!berjalan) {
    const run = () => kirim();
    berjalan = (navigator.locks ? navigator.locks.request('kinerja-antrean', run) : run())
      .finally(() => { berjalan = null; });
  }
  return berjalan;
}

/**
 * "Kirim sekarang": a send already running (started when the connection came back) may be
 * about to fail; wait for it, then send what is still waiting, so the tap is always a fresh try.
 */
export async function kirimSekarang() {
  if (berjalan) { try { await berjalan; } catch { /* tried again below */ } }
  return kirimAntrean();
}

async function kirim() {
  const hasil = { terkirim: 0, ditolak: 0, tertunda: 0 };
  const items = (await antrean()).filter((x) => x.status === 'menunggu');
  if (!items.length) return hasil;
  hasil.tertunda = items.length;
  let tunda = false;
  try {
    if (!hasCsrf()) setCsrf((await api('GET', '/api/v1/auth/me')).csrf_token);
    for (const it of items) {
      let r = null;
      for (let coba = 0; coba < 2 && !r; coba++) {
        try {
          r = await api('POST', '/api/v1/aktivitas', undefined, { raw: it.body, headers: { 'Idempotency-Key': it.kunci }, meta: true });
        } catch (e) {
          if (csrfDitolak(e) && coba === 0) { setCsrf((await api('GET', '/api/v1/auth/me')).csrf_token); continue; }
          if (e.status === 0 || e.status >= 500 || e.status === 401 || e.status === 408 || e.status === 429 || csrfDitolak(e)) throw e;
          // refused for good (422 validation, 409 closed period …): the user must fix it
          await tandai(it, { status: 'perlu_perbaikan', pesan: e.message, errors: (e.problem && e.problem.errors) || [] });
          hasil.ditolak++;
          hasil.tertunda--;
          r = 'ditolak';
        }
      }
      if (r && r !== 'ditolak') {
        await hapusAntrean(it.kunci);
        hasil.terkirim++;
        hasil.tertunda--;
      }
    }
  } catch (e) {
    // unreachable, session gone, busy: everything not sent stays for the next try
    tunda = e.status !== 401;
  }
  clearTimeout(ulang);
  if (tunda && navigator.onLine) ulang = setTimeout(() => { kirimAntrean().catch(() => {}); }, 30000);
  if (hasil.terkirim || hasil.ditolak) beritahu(hasil);
  return hasil;
}

/** Items the server has not seen yet (for the sign-out warning). */
export async function jumlahBelumTerkirim() {
  return (await antrean()).length;
}
