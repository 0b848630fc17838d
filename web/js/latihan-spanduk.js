// latihan-spanduk.js: inside a training sandbox (issue 14), a banner on every screen, above the
// header and outside the screens, in its own colour, with "Keluar mode latihan"; the page title
// starts with [LATIHAN] on every screen (an observer puts it back whenever a screen sets one).
import { api, setCsrf } from './api.js';
import { el } from './ui.js';
import { TL } from './teks-latihan.js';

let pengamat = null;
const awali = () => { if (!document.title.startsWith(TL.awalanJudul)) document.title = `${TL.awalanJudul} ${document.title}`; };

/** Leaves the sandbox: back to the real account, then the app starts again. */
export async function keluarLatihan() {
  const r = await api('POST', '/api/v1/latihan/keluar');
  setCsrf(r.csrf_token);
  location.hash = '#/latihan';
  location.reload();
}

/** Shows or removes the banner for this profile (null: signed out). */
export function spandukLatihan(me) {
  const ada = document.getElementById('spanduk-latihan');
  const aktif = !!(me && me.latihan && me.latihan.aktif);
  document.documentElement.classList.toggle('mode-latihan', aktif);
  if (!aktif) {
    pengamat?.disconnect();
    pengamat = null;
    if (document.title.startsWith(TL.awalanJudul)) document.title = document.title.slice(TL.awalanJudul.length + 1);
    ada?.remove();
    return;
  }
  awali();
  if (!pengamat) {
    pengamat = new MutationObserver(awali);
    pengamat.observe(document.querySelector('title'), { childList: true, characterData: true, subtree: true });
  }
  if (ada) return;
  const galat = el('span', { class: 'galat', role: 'alert' });
  const tombol = el('button', { type: 'button', on: { click: async () => {
    tombol.disabled = true;
    try { await keluarLatihan(); } catch (e) { galat.textContent = e.message; tombol.disabled = false; }
  } } }, TL.keluar);
  document.body.prepend(el('div', { id: 'spanduk-latihan', class: 'spanduk-latihan', role: 'region', 'aria-label': TL.spanduk },
    el('strong', {}, TL.spanduk), el('span', { class: 'ket' }, TL.spandukKet(me.latihan.nama_asal || '')), tombol, galat));
}
