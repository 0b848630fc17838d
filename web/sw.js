// sw.js: the service worker of the web UI (scope "/").  It keeps the app shell (the page, the
// stylesheet and every JS module) so the app opens without a connection.  Network first: when
// the server answers, its copy is used and stored; only when it cannot be reached is the stored
// copy served.  The API is never touched here (its answers are private and "no-store"); the
// app queues what is written offline itself (js/offline.js).
const CACHE = 'kinerja-shell-v3';
const SHELL = [
  '/',
  '/index.html',
  '/app.css',
  '/js/admin-dasar.js',
  '/js/admin-impor.js',
  '/js/admin-pegawai.js',
  '/js/admin-periode.js',
  '/js/aktivitas.js',
  '/js/analitik.js',
  '/js/angka-kredit.js',
  '/js/api.js',
  '/js/bukti.js',
  '/js/app.js',
  '/js/audit.js',
  '/js/dasbor-langsung.js',
  '/js/dasbor-unit.js',
  '/js/dasbor.js',
  '/js/grafik.js',
  '/js/inovasi.js',
  '/js/grafik2.js',
  '/js/kalkulator.js',
  '/js/keamanan.js',
  '/js/katalog.js',
  '/js/kinerja-org.js',
  '/js/keberatan.js',
  '/js/kepatuhan.js',
  '/js/kotak-masuk.js',
  '/js/laporan.js',
  '/js/latihan.js',
  '/js/latihan-spanduk.js',
  '/js/laporan-org.js',
  '/js/matriks.js',
  '/js/nav.js',
  '/js/offline.js',
  '/js/penghargaan.js',
  '/js/penilaian-form.js',
  '/js/penilaian.js',
  '/js/persetujuan.js',
  '/js/presensi-admin.js',
  '/js/profil-kinerja.js',
  '/js/presensi.js',
  '/js/privasi.js',
  '/js/adopsi.js',
  '/js/realisasi.js',
  '/js/review.js',
  '/js/rhk-form.js',
  '/js/skp-saya.js',
  '/js/siasn.js',
  '/js/skp.js',
  '/js/sso-admin.js',
  '/js/sso-masuk.js',
  '/js/status-skp.js',
  '/js/surel.js',
  '/js/teks-admin.js',
  '/js/teks-keamanan.js',
  '/js/teks-latihan.js',
  '/js/teks-privasi.js',
  '/js/teks-dasbor.js',
  '/js/teks-profil.js',
  '/js/teks-integrasi.js',
  '/js/teks-org.js',
  '/js/teks-inovasi.js',
  '/js/teks-tpp.js',
  '/js/teks-webhook.js',
  '/js/teks.js',
  '/js/token.js',
  '/js/tpp-admin.js',
  '/js/tpp-aturan.js',
  '/js/tpp-bulan.js',
  '/js/tpp.js',
  '/js/ui.js',
  '/js/umpan-balik.js',
  '/js/umpan360.js',
  '/js/unit.js',
  '/js/webhook.js',
  // help, welcome tour, empty states and the user guide (issue 14)
  '/js/bantuan.js',
  '/js/bantuan-panel.js',
  '/js/kosong.js',
  '/js/orientasi.js',
  '/js/panduan.js',
  '/js/teks-bantuan.js',
  '/js/teks-kosong.js',
];

self.addEventListener('install', (ev) => {
  ev.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL.map((u) => new Request(u, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (ev) => {
  ev.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('kinerja-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

function bukanShell(url) {
  return url.origin !== self.location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/docs/') ||
    url.pathname === '/healthz' || url.pathname === '/metrics' || url.pathname === '/sw.js';
}

async function jaringanDulu(req, url) {
  const cache = await caches.open(CACHE);
  // the app's page is one entry, whatever its query; other pages (masukan.html) are their own
  const kunci = url.pathname === '/' || url.pathname === '/index.html' ? '/' : req;
  try {
    const res = await fetch(req);
    if (res.ok && res.type === 'basic') cache.put(kunci, res.clone()).catch(() => {});
    return res;
  } catch (err) {
    const hit = await cache.match(kunci, { ignoreSearch: true });
    if (hit) return hit;
    throw err;
  }
}

self.addEventListener('fetch', (ev) => {
  const req = ev.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (bukanShell(url)) return;
  ev.respondWith(jaringanDulu(req, url));
});
