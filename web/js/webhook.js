// webhook.js: the webhooks for e-Office/HRIS (admin; issue 10 point 3).
//  - #/admin/webhook: the instansi's webhooks (URL, events, active or paused, the last
//    delivery), add / change / pause / resume, rotate the secret (shown once), delete, send a
//    test ping; how a receiver checks X-Kinerja-Signature.
//  - #/admin/webhook/{id}?status=…: the delivery log of one webhook (status, attempts, last
//    HTTP status, error, times, the body), "Kirim ulang"; refreshed while a delivery is due.
import { api } from './api.js';
import { T, waktuUnix } from './teks.js';
import { el, fill, labelled, alertBox, showAlert, showProblem, announce, busy, setQuery, nextId } from './ui.js';
import { TW, PERISTIWA, NAMA_PERISTIWA, STATUS_KIRIM } from './teks-webhook.js';
import { wajibAdmin, tolakBila } from './admin-dasar.js';
import { sekaliTampil } from './token.js';
import { kosong as kosongKe, fokusKe, ubahKosong } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

const jejak = (href, teks) => el('p', { class: 'jejak' }, el('a', { href }, `← ${teks}`));
const nama = (w) => w.keterangan || w.url;
const galat422 = (errors) => Object.assign(new Error(errors[0].message), { status: 422, problem: { errors } });

async function semuaWebhook() {
  let items = [];
  let cursor = null;
  do {
    const d = await api('GET', `/api/v1/webhook?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items = items.concat(d.items);
    cursor = d.next_cursor;
  } while (cursor && items.length < 1000);
  return items;
}

const URUTAN = Object.keys(PERISTIWA);
const urutPeristiwa = (list) => [...list].sort((a, b) => URUTAN.indexOf(a) - URUTAN.indexOf(b));
const lencanaKirim = (status) => el('span', { class: `lencana lencana-surel-${status}` }, STATUS_KIRIM[status] || status);

/** A delivery that the sender is about to try (so the screen looks again soon). */
const segeraDikirim = (d) => d.status === 'mengirim' || (d.status === 'antri' && d.coba_lagi <= Date.now() / 1000 + 5);

// ---------------------------------------------------------------- the list

export async function webhookDaftar(root, ctx) {
  if (!wajibAdmin(root, ctx)) return;
  const box = alertBox();
  const formBox = el('div');
  const sekali = el('div');
  const tambah = el('button', { type: 'button', on: { click: () => bukaForm(null) } }, TW.tambah);
  const memuat = el('p', { class: 'memuat' }, T.memuat);
  const daftar = el('ul', { class: 'daftar daftar-webhook', 'aria-label': TW.judul });
  const kosong = kosongKe(TW.kosongDaftar, { label: KOSONG.tambahWebhook, on: () => tambah.click() }, { hidden: true });
  root.append(jejak('#/admin', TW.kembali), el('h2', {}, TW.judul), el('p', { class: 'ket' }, TW.ket),
    tambah, box, formBox, sekali, memuat, daftar, kosong, bantuan());
  let items = [];
  const terakhir = new Map();   // webhook id → its newest delivery (or null)

  async function muat() {
    memuat.hidden = false;
    try {
      items = await semuaWebhook();
      const log = await Promise.all(items.map((w) => api('GET', `/api/v1/webhook/${w.id}/pengiriman?limit=1`).then((d) => d.items[0] || null, () => null)));
      items.forEach((w, i) => terakhir.set(w.id, log[i]));
    } finally { memuat.hidden = true; }
    gambar();
  }

  function gambar() {
    fill(daftar, items.map(kartu));
    daftar.hidden = items.length === 0;
    kosong.hidden = items.length > 0;
  }

  function kartu(w) {
    const d = terakhir.get(w.id);
    const n = nama(w);
    const li = el('li', { class: 'kartu kartu-webhook', dataset: { webhook: String(w.id) } });
    const aksi = (teks, label, fn, cls = 'kedua kecil') => el('button', { type: 'button', class: cls, 'aria-label': label, on: { click: fn } }, teks);
    fill(li,
      el('div', { class: 'judul-kartu' }, el('h3', { tabindex: -1 }, w.url),
        el('span', { class: `lencana ${w.aktif ? 'lencana-wh-aktif' : 'lencana-wh-jeda'}` }, w.aktif ? TW.aktif : TW.dijeda)),
      w.keterangan ? el('p', { class: 'teks-panjang' }, w.keterangan) : null,
      el('p', { class: 'ket' }, `${TW.peristiwaLabel}: ${urutPeristiwa(w.peristiwa).map((p) => NAMA_PERISTIWA[p] || p).join(', ')}`),
      el('p', { class: 'ket terakhir' }, `${TW.terakhir}: `, d
        ? [lencanaKirim(d.status), ` ${NAMA_PERISTIWA[d.peristiwa] || d.peristiwa} · ${waktuUnix(d.dikirim || d.dibuat)}`
          + (d.http_status ? ` · HTTP ${d.http_status}` : '')]
        : TW.belumPernah),
      el('div', { class: 'aksi' },
        el('a', { class: 'tombol kecil', href: `#/admin/webhook/${w.id}`, 'aria-label': TW.lihatLogLabel(n) }, TW.lihatLog),
        aksi(TW.uji, TW.ujiLabel(n), () => uji(w, li), 'kedua kecil tombol-uji'),
        aksi(TW.ubah, TW.ubahLabel(n), () => bukaForm(w)),
        w.aktif ? aksi(TW.jeda, TW.jedaLabel(n), () => jeda(w, li), 'kedua kecil tombol-jeda')
          : aksi(TW.lanjutkan, TW.lanjutkanLabel(n), () => jeda(w, li), 'kedua kecil tombol-jeda'),
        aksi(TW.ganti, TW.gantiLabel(n), () => ganti(w, li)),
        aksi(TW.hapus, TW.hapusLabel(n), () => hapus(w, li), 'kecil bahaya')));
    return li;
  }

  /** Redraws the list and puts focus back on the card of `id` (its heading). */
  function gambarFokus(id, sel = 'h3') {
    gambar();
    const h = daftar.querySelector(`li[data-webhook="${id}"] ${sel}`) || daftar.querySelector(`li[data-webhook="${id}"] h3`);
    if (h) h.focus();
  }

  /** Redraws only the "last delivery" line of a card (focus stays where it is). */
  function gantiTerakhir(w) {
    const li = daftar.querySelector(`li[data-webhook="${w.id}"]`);
    const b = li ? li.querySelector('.terakhir') : null;
    if (b) b.replaceWith(kartu(w).querySelector('.terakhir'));
    return li;
  }

  let tungguUji = null;
  async function uji(w, li) {
    let d;
    try { d = await busy(li, () => api('POST', `/api/v1/webhook/${w.id}/uji`)); } catch (e) { showProblem(box, e); return; }
    showAlert(box, '');
    terakhir.set(w.id, d);
    const li1 = gantiTerakhir(w);
    if (li1 && !li1.contains(document.activeElement)) li1.querySelector('.tombol-uji').focus();
    announce(w.aktif ? TW.ujiPesan : TW.ujiDijeda);
    if (!w.aktif) return;
    // follow the ping for a while: the card shows when it is delivered (or failed)
    clearTimeout(tungguUji);
    const mulai = Date.now();
    const ikuti = async () => {
      if (!root.isConnected || Date.now() - mulai > 60000) return;
      let baru = null;
      try { baru = (await api('GET', `/api/v1/webhook/${w.id}/pengiriman?limit=1`)).items[0] || null; } catch { return; }
      if (!root.isConnected || !baru) return;
      const lama = terakhir.get(w.id);
      terakhir.set(w.id, baru);
      if (!lama || lama.status !== baru.status || lama.id !== baru.id) gantiTerakhir(w);
      if (segeraDikirim(baru)) tungguUji = setTimeout(ikuti, 1000);
    };
    tungguUji = setTimeout(ikuti, 1000);
  }

  async function ubahWebhook(w, li, data) {
    const baru = await busy(li, () => api('PATCH', `/api/v1/webhook/${w.id}`, data));
    const i = items.findIndex((x) => x.id === w.id);
    const { rahasia, ...tanpa } = baru;
    if (i >= 0) items[i] = tanpa;
    return rahasia;
  }

  async function jeda(w, li) {
    try { await ubahWebhook(w, li, { aktif: !w.aktif }); } catch (e) { showProblem(box, e); return; }
    showAlert(box, '');
    gambarFokus(w.id, '.tombol-jeda');
    announce(w.aktif ? TW.dijedaPesan : TW.diaktifkanPesan);
  }

  async function ganti(w, li) {
    if (!window.confirm(TW.konfirmasiGanti(nama(w)))) return;
    let rahasia;
    try { rahasia = await ubahWebhook(w, li, { ganti_rahasia: true }); } catch (e) { showProblem(box, e); return; }
    showAlert(box, '');
    gambar();
    announce(TW.rahasiaBaru);
    tunjukRahasia(rahasia, w.id);
  }

  async function hapus(w, li) {
    if (!window.confirm(TW.konfirmasiHapus(nama(w)))) return;
    try { await busy(li, () => api('DELETE', `/api/v1/webhook/${w.id}`)); } catch (e) { showProblem(box, e); return; }
    showAlert(box, '');
    items = items.filter((x) => x.id !== w.id);
    gambar();
    announce(TW.dihapusPesan);
    tambah.focus();
  }

  function tunjukRahasia(rahasia, id) {
    fill(formBox);
    sekaliTampil(sekali, { judul: TW.rahasiaJudul, label: TW.rahasiaLabel, nilai: rahasia, peringatan: TW.rahasiaPeringatan,
      salin: TW.salinRahasia, selesai: () => { const h = daftar.querySelector(`li[data-webhook="${id}"] h3`); (h || tambah).focus(); } });
  }

  function bukaForm(w) {
    fill(sekali);
    const fbox = alertBox();
    const url = el('input', { type: 'url', inputmode: 'url', 'data-field': 'url', maxlength: 2000, autocomplete: 'off', spellcheck: 'false',
      required: true, value: w ? w.url : '', placeholder: 'https://' });
    const ket = el('input', { 'data-field': 'keterangan', maxlength: 200, autocomplete: 'off', value: w && w.keterangan ? w.keterangan : '' });
    const pilih = el('fieldset', { class: 'pilihan', 'data-field': 'peristiwa', 'data-label': TW.pilihPeristiwa }, el('legend', {}, TW.pilihPeristiwa),
      Object.entries(PERISTIWA).map(([v, [judul, ket2]]) => {
        const id = nextId('peristiwa');
        const kid = nextId('ket');
        return el('div', { class: 'pilih' },
          el('input', { type: 'checkbox', id, value: v, 'aria-describedby': kid, checked: w ? w.peristiwa.includes(v) : false }),
          el('div', { class: 'isi-pilih' }, el('label', { for: id }, judul), el('span', { class: 'kecil-label', id: kid }, ket2)));
      }));
    const aktifId = nextId('aktif');
    const aktif = el('input', { type: 'checkbox', id: aktifId, 'data-field': 'aktif', checked: w ? w.aktif : true });
    const judulId = nextId('judul');
    const tutup = () => {
      fill(formBox);
      const h = w && daftar.querySelector(`li[data-webhook="${w.id}"] h3`);
      (h || tambah).focus();
    };
    const form = el('form', { class: 'panel form-webhook', novalidate: true, 'aria-labelledby': judulId },
      el('h3', { id: judulId, tabindex: -1 }, w ? TW.ubahJudul(nama(w)) : TW.tambahJudul), fbox,
      ...labelled(TW.url, url, TW.urlKet),
      ...labelled(`${TW.keterangan} ${TW.opsional}`, ket, TW.keteranganKet),
      pilih,
      w ? el('div', { class: 'centang' }, aktif, el('label', { for: aktifId }, TW.webhookAktif)) : null,
      el('div', { class: 'aksi' }, el('button', { type: 'submit' }, TW.simpan),
        el('button', { type: 'button', class: 'kedua', on: { click: tutup } }, TW.batal)));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const data = {
        url: url.value.trim(),
        peristiwa: [...pilih.querySelectorAll('input:checked')].map((c) => c.value),
        keterangan: ket.value.trim() || null,
      };
      if (w) data.aktif = aktif.checked;
      let hasil;
      try {
        const kurang = [];
        if (!data.url) kurang.push({ field: 'url', message: TW.wajibUrl });
        if (!data.peristiwa.length) kurang.push({ field: 'peristiwa', message: TW.wajibPeristiwa });
        if (kurang.length) throw galat422(kurang);
        hasil = await busy(form, () => (w ? api('PATCH', `/api/v1/webhook/${w.id}`, data) : api('POST', '/api/v1/webhook', data)));
      } catch (e) {
        showProblem(fbox, e, form);
        if (!form.querySelector('[aria-invalid]')) form.querySelector('h3').focus();
        return;
      }
      showAlert(box, '');
      const { rahasia, ...tanpa } = hasil;
      if (w) {
        items = items.map((x) => (x.id === w.id ? tanpa : x));
        fill(formBox);
        gambarFokus(w.id);
        announce(TW.disimpan);
        return;
      }
      items.push(tanpa);
      terakhir.set(tanpa.id, null);
      gambar();
      announce(TW.dibuatPesan);
      tunjukRahasia(rahasia, tanpa.id);
    });
    fill(formBox, form);
    form.querySelector('h3').focus();
  }

  try { await muat(); } catch (e) { tolakBila(root, e); }
}

/** How a receiver verifies X-Kinerja-Signature: the steps, a Node example and the full guide. */
function bantuan() {
  const hid = nextId('bantuan');
  const contoh = [
    "import { createHmac, timingSafeEqual } from 'node:crypto';",
    'function sah(rahasia, headers, badanMentah) {',
    "  const ts = headers['x-kinerja-timestamp'];",
    "  const harap = 'sha256=' + createHmac('sha256', rahasia)",
    '    .update(`${ts}.${badanMentah}`).digest(\'hex\');',
    "  const dapat = headers['x-kinerja-signature'] || '';",
    '  return dapat.length === harap.length',
    '    && timingSafeEqual(Buffer.from(dapat), Buffer.from(harap))',
    '    && Math.abs(Date.now() / 1000 - Number(ts)) < 300;',
    '}',
  ].join('\n');
  return el('section', { class: 'panel bantuan-webhook', 'aria-labelledby': hid },
    el('h3', { id: hid }, TW.bantuanJudul),
    el('ol', {}, TW.bantuanLangkah.map((t) => el('li', {}, t))),
    el('details', { class: 'penjelasan' }, el('summary', {}, TW.bantuanContoh),
      el('pre', { class: 'contoh-kode', tabindex: 0, 'aria-label': TW.bantuanContoh }, el('code', {}, contoh))),
    el('p', {}, el('a', { class: 'tautan-sentuh', href: '/docs/webhook.md' }, TW.bantuanDok)));
}

// ---------------------------------------------------------------- the delivery log

export async function webhookLog(root, ctx, params, query) {
  if (!wajibAdmin(root, ctx)) return;
  const id = Number(params[0]);
  let w;
  try { w = (await semuaWebhook()).find((x) => x.id === id); } catch (e) { tolakBila(root, e); return; }
  if (!w) {
    root.append(jejak('#/admin/webhook', TW.judul), el('h2', {}, TW.logJudul),
      el('div', { class: 'peringatan', role: 'alert' }, el('p', {}, TW.tidakDitemukan)));
    return;
  }
  const box = alertBox();
  const status = el('select', {}, el('option', { value: '' }, TW.semua),
    Object.entries(STATUS_KIRIM).map(([v, t]) => el('option', { value: v }, t)));
  status.value = STATUS_KIRIM[query.get('status')] ? query.get('status') : '';
  const filter = el('form', { class: 'filter', role: 'search', 'aria-label': TW.logJudul, novalidate: true },
    el('div', { class: 'lebar' }, ...labelled(TW.statusFilter, status)), el('button', { type: 'submit', class: 'kedua' }, TW.tampilkan));
  const segarkan = el('button', { type: 'button', class: 'kedua kecil' }, TW.segarkan);
  const uji = el('button', { type: 'button', class: 'kecil' }, TW.uji);
  const daftar = el('ul', { class: 'daftar daftar-kirim', 'aria-label': TW.logJudul });
  const kosong = kosongKe('', { label: KOSONG.pingPertama, on: () => uji.click() }, { hidden: true });
  const memuat = el('p', { class: 'memuat', hidden: true }, T.memuat);
  const lagi = el('button', { type: 'button', class: 'kedua', hidden: true }, TW.lagi);
  root.append(jejak('#/admin/webhook', TW.judul), el('h2', {}, TW.logJudul),
    el('p', { class: 'subjudul teks-panjang' }, w.keterangan ? `${w.keterangan} — ${w.url}` : w.url),
    el('p', {}, el('span', { class: `lencana ${w.aktif ? 'lencana-wh-aktif' : 'lencana-wh-jeda'}` }, w.aktif ? TW.aktif : TW.dijeda)),
    el('p', { class: 'ket' }, TW.logKet), filter, el('div', { class: 'aksi aksi-log' }, uji, segarkan), box, memuat, daftar, kosong, lagi);
  let cursor = null;
  const kartuId = new Map();   // delivery id → its <li>
  let tunda = null;
  let mulaiIkut = Date.now();
  let ubahan = 0;   // local changes (reload, resend, ping): a look started before one is stale

  function kartu(d) {
    const li = el('li', { class: 'kartu kartu-kirim', dataset: { kirim: String(d.id) } });
    li.data = d;
    isi(li);
    return li;
  }

  function isi(li) {
    const d = li.data;
    const fokus = li.contains(document.activeElement);
    fill(li,
      el('div', { class: 'judul-kartu' }, el('h3', { tabindex: -1 }, `${TW.nomor(d.id)} · ${NAMA_PERISTIWA[d.peristiwa] || d.peristiwa}`), lencanaKirim(d.status)),
      el('p', { class: 'ket' }, `${TW.percobaan(d.percobaan)} · ${TW.httpTerakhir}: ${d.http_status ?? TW.tanpaJawaban}`),
      el('p', { class: 'ket' }, `${TW.dibuatPada}: ${waktuUnix(d.dibuat)}`),
      d.dikirim ? el('p', { class: 'ket' }, `${TW.dikirimPada}: ${waktuUnix(d.dikirim)}`) : null,
      d.status === 'antri' && d.percobaan ? el('p', { class: 'ket' }, `${TW.cobaLagiPada}: ${waktuUnix(d.coba_lagi)}`) : null,
      d.galat ? el('p', { class: 'galat-surel teks-panjang' }, `${TW.galat}: ${d.galat}`) : null,
      el('details', { class: 'penjelasan' }, el('summary', {}, TW.isiKiriman),
        el('pre', { class: 'contoh-kode', tabindex: 0, 'aria-label': `${TW.isiKiriman} ${TW.nomor(d.id)}` }, JSON.stringify(d.isi, null, 2))),
      d.status !== 'mengirim' ? el('button', { type: 'button', class: 'kedua kecil', 'aria-label': TW.kirimUlangLabel(d.id), on: { click: () => ulang(li) } }, TW.kirimUlang) : null);
    if (fokus) li.querySelector('h3').focus();
  }

  async function ulang(li) {
    try {
      li.data = await busy(li, () => api('POST', `/api/v1/webhook/pengiriman/${li.data.id}/ulang`));
    } catch (e) { showProblem(box, e); return; }
    ubahan++;
    showAlert(box, '');
    isi(li);
    li.querySelector('h3').focus();
    announce(TW.diantreUlang);
    ikuti();
  }

  function halaman(reset) {
    const p = new URLSearchParams({ limit: '30' });
    if (status.value) p.set('status', status.value);
    if (!reset && cursor) p.set('cursor', cursor);
    return api('GET', `/api/v1/webhook/${w.id}/pengiriman?${p}`);
  }

  async function muat(reset) {
    ubahan++;
    memuat.hidden = false;
    let page;
    try { page = await halaman(reset); } finally { memuat.hidden = true; }
    if (reset) { daftar.replaceChildren(); kartuId.clear(); }
    for (const d of page.items) { const li = kartu(d); kartuId.set(d.id, li); daftar.append(li); }
    cursor = page.next_cursor;
    lagi.hidden = !cursor;
    ubahKosong(kosong, status.value ? TW.logKosongFilter : TW.logKosong);
    kosong.hidden = kartuId.size > 0;
    daftar.hidden = kartuId.size === 0;
  }

  /** Looks at the newest page again: changed cards are redrawn, new ones put on top. */
  async function perbarui() {
    const awal = ubahan;
    const page = await halaman(true);
    // an answer older than the user's last change would put the old state back (a resent
    // delivery shown as sent again, a list of the previous filter): the next look is fresh
    if (awal !== ubahan) return;
    const baru = [];
    for (const d of page.items) {
      const li = kartuId.get(d.id);
      if (!li) { baru.push(d); continue; }
      const lama = li.data;
      if (lama.status !== d.status || lama.percobaan !== d.percobaan || lama.dikirim !== d.dikirim) {
        li.data = d;
        isi(li);
        if (lama.status !== d.status) announce(`${TW.nomor(d.id)}: ${STATUS_KIRIM[d.status] || d.status}`);
      }
    }
    for (const d of baru.reverse()) { const li = kartu(d); kartuId.set(d.id, li); daftar.prepend(li); }
    kosong.hidden = kartuId.size > 0;
    daftar.hidden = kartuId.size === 0;
  }

  /** While a delivery is due, look again every 1.5 s (for at most 3 minutes). */
  function ikuti(awal) {
    clearTimeout(tunda);
    if (!awal) mulaiIkut = Date.now();
    // a paused webhook sends nothing: no need to look again
    const ada = w.aktif && [...kartuId.values()].some((li) => segeraDikirim(li.data));
    if (!ada || !root.isConnected || Date.now() - mulaiIkut > 180000) return;
    tunda = setTimeout(async () => {
      if (!root.isConnected) return;
      try { await perbarui(); } catch { return; }
      ikuti(true);
    }, 1500);
  }

  const saring = async () => {
    showAlert(box, '');
    setQuery(status.value ? { status: status.value } : {});
    try { await busy(filter, () => muat(true)); } catch (e) { showProblem(box, e); }
    ikuti();
  };
  filter.addEventListener('submit', (ev) => { ev.preventDefault(); saring(); });
  status.addEventListener('change', saring);
  segarkan.addEventListener('click', async () => {
    try { await busy(root, () => muat(true)); } catch (e) { showProblem(box, e); return; }
    showAlert(box, '');
    announce(TW.diperbarui);
    ikuti();
  });
  uji.addEventListener('click', async () => {
    let d;
    try { d = await busy(root, () => api('POST', `/api/v1/webhook/${w.id}/uji`)); } catch (e) { showProblem(box, e); return; }
    showAlert(box, '');
    if (!status.value || status.value === d.status) {
      const li = kartu(d);
      kartuId.set(d.id, li);
      daftar.prepend(li);
      ubahan++;
      kosong.hidden = true;
      daftar.hidden = false;
    }
    announce(w.aktif ? TW.ujiPesan : TW.ujiDijeda);
    ikuti();
  });
  lagi.addEventListener('click', async () => {
    try { await busy(root, () => muat(false)); } catch (e) { showProblem(box, e); }
  });
  try { await muat(true); } catch (e) { tolakBila(root, e); return; }
  ikuti();
}
