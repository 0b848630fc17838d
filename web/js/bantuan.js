// bantuan.js: help on every screen and the first-login walkthrough (issue 14 part 1), the part
// loaded with the app shell: the "? Bantuan" button of the header (index.html), which help entry
// belongs to the current screen, the user's main role, and the check at sign-in whether the
// walkthrough was closed.  The panel (bantuan-panel.js), the walkthrough (orientasi.js) and their
// words (teks-bantuan.js) are loaded only when they are shown, so the first load stays small.
import { api } from './api.js';

// the help entry of each screen, by the hash path (the first match wins)
const LAYAR = [
  [/^\/?$/, 'beranda'], [/^\/kinerja-organisasi|^\/iku\//, 'organisasi'], [/jejak-iku$/, 'jejakIku'], [/^\/capaian-organisasi/, 'capaianOrg'],
  [/^\/inovasi/, 'inovasi'], [/^\/penghargaan/, 'penghargaan'], [/^\/latihan/, 'latihan'],
  [/^\/skp\/\d+\/matriks$/, 'matriks'], [/^\/skp\/\d+\/realisasi/, 'realisasi'], [/^\/skp/, 'skp'],
  [/^\/persetujuan/, 'persetujuan'], [/^\/status-skp/, 'status'], [/^\/aktivitas/, 'aktivitas'], [/^\/review/, 'review'],
  [/^\/kepatuhan/, 'kepatuhan'], [/^\/kotak-masuk/, 'kotakMasuk'], [/^\/penilaian/, 'penilaian'], [/^\/keberatan/, 'keberatan'],
  [/^\/360/, 'u360'], [/^\/pegawai\/\d+\/360/, 'u360'], [/angka-kredit$/, 'ak'], [/^\/unit/, 'unit'], [/^\/kalkulator/, 'kalkulator'],
  [/^\/admin\/unit/, 'adminUnit'], [/^\/admin\/pegawai/, 'adminPegawai'], [/^\/admin\/impor/, 'adminImpor'],
  [/^\/admin\/pengaturan/, 'adminPengaturan'], [/^\/admin\/presensi/, 'adminPresensi'], [/^\/admin\/surel/, 'adminSurel'],
  [/^\/admin\/webhook/, 'webhook'], [/^\/admin\/sso/, 'sso'], [/^\/admin\/siasn/, 'siasn'], [/^\/admin\/tpp/, 'tppAdmin'],
  [/^\/admin/, 'admin'], [/^\/akun\/token/, 'token'], [/^\/akun\/keamanan/, 'keamanan'], [/^\/audit/, 'audit'],
  [/presensi$/, 'presensi'], [/^\/dasbor|\/dasbor$/, 'dasbor'], [/^\/laporan/, 'laporan'], [/^\/analitik/, 'analitik'],
  [/^\/katalog/, 'katalog'], [/tpp$/, 'tpp'], [/^\/panduan/, 'panduan'],
];

let me = null;   // the signed-in user, or null on the sign-in page

/** The help key of the current screen ("#/skp/12" → "skp"); 'masuk' when signed out. */
export function kunciLayar() {
  if (!me) return 'masuk';
  const path = location.hash.replace(/^#/, '').split('?')[0] || '/';
  const hit = LAYAR.find(([re]) => re.test(path));
  return hit ? hit[1] : 'beranda';
}

/** The walkthrough a user gets: the role with the most to set up first. */
export function peranUtama(u) {
  const p = u.pengguna.peran || [];
  for (const r of ['superadmin', 'admin', 'pimpinan', 'auditor']) if (p.includes(r)) return r;
  if (u.pegawai && u.jumlah_bawahan > 0) return 'atasan';
  return u.pegawai ? 'pegawai' : null;
}

/** Opens the help panel of the current screen. */
export function bukaBantuan() {
  return import('./bantuan-panel.js').then((m) => m.bukaPanel(me, kunciLayar()));
}

/** Called by nav.js when a user signs in (me) or out (null). */
export function pasangPengguna(x) {
  me = x;
  if (!x) {
    document.getElementById('bantuan-panel')?.close?.();
    document.getElementById('orientasi')?.remove();
  }
}

/** After sign-in (nav.js): shows the user's walkthrough unless they closed it before. */
export async function mulaiOrientasi(u) {
  document.getElementById('orientasi')?.remove();
  if (u.sesi_terbatas) return;
  const peran = peranUtama(u);
  if (!peran) return;
  let d;
  try { d = await api('GET', '/api/v1/orientasi'); } catch { return; }   // offline: not now
  if (me !== u || d.items.some((x) => x.kunci === peran)) return;
  (await import('./orientasi.js')).tampilkanTur(peran);
}

document.getElementById('bantuan')?.addEventListener('click', bukaBantuan);
// empty states offer the help of their screen (kosong.js)
window.addEventListener('kinerja:bantuan', bukaBantuan);
