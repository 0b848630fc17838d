// masukan.js: the public feedback form (no login).  The code is in the URL fragment; a random
// device token kept in localStorage lets the server accept one answer per device per day.
const kode = location.hash.slice(1);
const $ = (id) => document.getElementById(id);

function perangkat() {
  let t = localStorage.getItem('kinerja-perangkat');
  if (!t) { t = crypto.randomUUID(); localStorage.setItem('kinerja-perangkat', t); }
  return t;
}

async function muat() {
  if (!/^[0-9a-f]{32}$/.test(kode)) { $('sasaran').textContent = 'Tautan masukan tidak valid.'; return; }
  const r = await fetch(`/api/v1/publik/masukan/${kode}`);
  if (!r.ok) { $('sasaran').textContent = 'Tautan masukan tidak ditemukan atau sudah tidak aktif.'; return; }
  const j = await r.json();
  $('sasaran').textContent = `${j.target === 'unit' ? 'Unit' : 'Pegawai'}: ${j.nama} — ${j.instansi}`;
  $('form-masukan').hidden = false;
}

$('form-masukan').addEventListener('submit', async (e) => {
  e.preventDefault();
  const pilih = document.querySelector('input[name="skor"]:checked');
  if (!pilih) { $('pesan').textContent = 'Pilih salah satu nilai 1 sampai 5.'; return; }
  const body = { skor: Number(pilih.value), komentar: $('komentar').value.trim(), perangkat: perangkat() };
  const r = await fetch(`/api/v1/publik/masukan/${kode}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const j = await r.json().catch(() => ({}));
  if (r.ok) { $('form-masukan').hidden = true; $('pesan').textContent = j.pesan || 'Terima kasih.'; }
  else $('pesan').textContent = j.detail || 'Masukan belum dapat dikirim. Coba lagi.';
});

muat();
