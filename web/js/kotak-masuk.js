// kotak-masuk.js: the inbox.  The bell in the header shows the unread count (refreshed on every
// screen change and every minute); #/kotak-masuk lists the notices, newest first.  Opening one
// marks it read (POST /notifikasi/{id}/baca) and follows its link inside the app.
import { api } from './api.js';
import { T, waktuUnix } from './teks.js';
import { el, badge, alertBox, showProblem, announce } from './ui.js';
import { kosong as kosongKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

const $ = (id) => document.getElementById(id);
let timer = null;

function tampilJumlah(n) {
  const j = $('lonceng-jumlah');
  j.textContent = n > 99 ? '99+' : String(n);
  j.hidden = !n;
  $('lonceng').setAttribute('aria-label', T.loncengLabel(n));
  $('lonceng').classList.toggle('ada', n > 0);
}

/** Reads the unread count for the bell (quietly: offline keeps the last number). */
export async function segarkanLonceng() {
  clearTimeout(timer);
  timer = setTimeout(() => { if (!$('lonceng').hidden && document.visibilityState === 'visible') segarkanLonceng(); }, 60000);
  try {
    const d = await api('GET', '/api/v1/notifikasi?limit=1');
    tampilJumlah(d.belum_dibaca);
    return d.belum_dibaca;
  } catch {
    return null;
  }
}

/** Only links inside the app are followed. */
function tautanAman(t) {
  return typeof t === 'string' && /^#\/[A-Za-z0-9/_?=&.-]*$/.test(t) ? t : null;
}

export async function kotakMasuk(root, ctx) {
  root.append(el('h2', {}, T.judulKotakMasuk));
  if (!ctx.me.pegawai) { root.append(el('p', {}, T.tanpaPegawai)); return; }
  const box = alertBox();
  const ringkas = el('p', { class: 'ringkas' });
  const daftar = el('ul', { class: 'daftar kotak-masuk' });
  root.append(box, ringkas, daftar);
  const d = await api('GET', '/api/v1/notifikasi?limit=100');
  tampilJumlah(d.belum_dibaca);
  ringkas.textContent = d.items.length ? T.belumDibaca(d.belum_dibaca) : '';

  async function baca(n) {
    if (n.dibaca) return true;
    try {
      await api('POST', `/api/v1/notifikasi/${n.id}/baca`);
      n.dibaca = true;
      segarkanLonceng();
      return true;
    } catch (e) {
      showProblem(box, e);
      return false;
    }
  }

  function item(n) {
    const tautan = tautanAman(n.tautan);
    const judul = el('strong', { class: 'judul-pesan' }, n.judul);
    const li = el('li', { class: `kartu pesan-masuk${n.dibaca ? '' : ' belum-dibaca'}` });
    const kepala = el('p', { class: 'judul-kartu' },
      tautan ? el('a', { href: tautan, on: { click: async (ev) => {
        ev.preventDefault();
        if (await baca(n)) ctx.go(tautan);
      } } }, judul) : judul,
      n.dibaca ? null : badge('baru', '', T.baru));
    li.append(kepala, el('p', { class: 'teks-panjang' }, n.isi), el('p', { class: 'ket' }, waktuUnix(n.dibuat)));
    if (!tautan && !n.dibaca) {
      li.append(el('button', { type: 'button', class: 'kecil kedua', on: { click: async () => {
        if (await baca(n)) { li.replaceWith(item(n)); announce(T.sudahDibaca); }
      } } }, T.tandaiDibaca));
    }
    return li;
  }
  d.items.forEach((n) => daftar.append(item(n)));
  if (!d.items.length) root.append(kosongKe(T.kotakMasukKosong, { label: KOSONG.keDasbor, href: '#/dasbor' }));
}
