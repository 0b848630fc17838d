// dasbor-langsung.js: the live part of an open dashboard.  GET /api/v1/dasbor/peristiwa is a
// Server-Sent Events stream: each `perubahan` event (a committed change in the instansi, no
// personal data) makes the screen refetch what it may see, at most once every 3 seconds (events
// in between are merged into one refetch).  The stream is closed as soon as the screen is left.
import { el, fill } from './ui.js';
import { TD, pukul } from './teks-dasbor.js';

const JEDA = 3000;

/**
 * langsung(root, muat): `muat()` refetches and redraws (returns a promise).  Returns the status
 * line to put on the screen: "Diperbarui pukul 14.05.09 · Pembaruan langsung aktif" with a
 * button to reload by hand; its data-pembaruan counts the loads (1 after the first).  Call
 * `.tandai()` after the first load.
 */
export function langsung(root, muat) {
  const waktu = el('span', { class: 'waktu-muat' });
  const keadaan = el('span', { class: 'keadaan-langsung' });
  const tombol = el('button', { type: 'button', class: 'kedua kecil' }, TD.segarkan);
  const galat = el('span', { class: 'galat-langsung', hidden: true });
  const baris = el('p', { class: 'langsung', dataset: { pembaruan: '0' } }, waktu, ' ', keadaan, ' ', galat, tombol);
  let terakhir = 0, timer = null, berjalan = false, lagi = false, es = null;

  function tandai() {
    baris.dataset.pembaruan = String(Number(baris.dataset.pembaruan) + 1);
    fill(waktu, TD.diperbarui(pukul()));
  }
  baris.tandai = tandai;

  async function jalankan() {
    timer = null;
    if (!root.isConnected) { tutup(); return; }
    if (berjalan) { lagi = true; return; }
    berjalan = true;
    terakhir = Date.now();
    try {
      await muat();
      galat.hidden = true;
      tandai();
    } catch (e) {
      galat.textContent = TD.gagalMuatUlang(e.message || String(e));
      galat.hidden = false;
    } finally {
      berjalan = false;
      if (lagi) { lagi = false; jadwalkan(); }
    }
  }

  function jadwalkan() {
    if (timer) return;
    const tunggu = Math.max(0, terakhir + JEDA - Date.now());
    timer = setTimeout(jalankan, tunggu);
  }

  function tutup() {
    if (es) { es.close(); es = null; }
    clearTimeout(timer);
    timer = null;
    window.removeEventListener('hashchange', periksa);
  }
  function periksa() { if (!root.isConnected) tutup(); }

  tombol.addEventListener('click', () => { clearTimeout(timer); timer = null; jalankan(); });
  terakhir = Date.now();
  if (typeof EventSource === 'function') {
    es = new EventSource('/api/v1/dasbor/peristiwa');
    es.addEventListener('siap', () => { keadaan.textContent = `· ${TD.langsungAktif}`; });
    es.addEventListener('perubahan', () => { if (!root.isConnected) tutup(); else jadwalkan(); });
    es.addEventListener('error', () => {
      if (!root.isConnected) { tutup(); return; }
      keadaan.textContent = es && es.readyState === EventSource.CLOSED ? '' : `· ${TD.langsungPutus}`;
    });
    window.addEventListener('hashchange', periksa);
  }
  baris.tutup = tutup;
  return baris;
}
