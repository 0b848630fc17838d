// Access scenarios of the analytics and training catalogue routes (issue 8), merged into
// access.test.mjs.  Analytics are for those who read the whole instansi; recommendations follow
// the pegawai's own read access; potensi and the catalogue are written by admins only.
import { sql } from './lib.mjs';

let seq = 0;
export async function setup(srv, T, ctx) {
  const now = Math.floor(Date.now() / 1000);
  for (const [inst, key] of [[ctx.inst1, 'katalog1'], [ctx.inst2, 'katalog2']]) {
    sql(srv, `INSERT INTO katalog_pelatihan (instansi_id, judul, nilai, hasil_kerja, aktif, dibuat, diubah)
              VALUES (${inst}, 'Tema uji akses ${key}', 1, 0, 1, ${now}, ${now})`);
    ctx[key] = JSON.parse(sql(srv, `SELECT id FROM katalog_pelatihan WHERE judul = 'Tema uji akses ${key}'`))[0].id;
  }
  sql(srv, `INSERT INTO katalog_pelatihan (instansi_id, judul, nilai, hasil_kerja, aktif, dibuat, diubah)
            VALUES (${ctx.inst1}, 'Tema uji akses hapus', 1, 0, 1, ${now}, ${now})`);
  ctx.katalogHapus = JSON.parse(sql(srv, "SELECT id FROM katalog_pelatihan WHERE judul = 'Tema uji akses hapus'"))[0].id;
}

export function scenarios(h) {
  const lapor = (p) => ({ ok: ['admin', 'pimpinan', 'superadmin', 'admin2'], deny: ['auditor', 'atasan', 'pegawai'],
    path: (c, r) => (r === 'superadmin' ? `${p}?instansi_id=${c.inst1}` : p),
    other: (c) => ['admin', `${p}?unit_kerja_id=${c.unit2}`] });
  return {
    'GET /api/v1/analitik/kelonggaran': lapor('/api/v1/analitik/kelonggaran'),
    'GET /api/v1/analitik/bukti': lapor('/api/v1/analitik/bukti'),
    'GET /api/v1/analitik/talenta': lapor('/api/v1/analitik/talenta'),
    'GET /api/v1/pegawai/{id}/rekomendasi': { ok: h.READERS, deny: ['auditor', 'admin2'],
      path: (c) => `/api/v1/pegawai/${c.pegawai.pegawai.id}/rekomendasi`, other: (c) => ['admin', `/api/v1/pegawai/${c.peg2}/rekomendasi`] },
    'PUT /api/v1/pegawai/{id}/potensi': { ok: ['admin', 'superadmin'], deny: ['pimpinan', 'auditor', 'atasan', 'pegawai', 'admin2'],
      path: (c) => `/api/v1/pegawai/${c.pegawai.pegawai.id}/potensi`, body: () => ({ tahun: 2026, potensi: 'menengah' }),
      other: (c) => ['admin', `/api/v1/pegawai/${c.peg2}/potensi`, { tahun: 2026, potensi: 'tinggi' }] },
    'GET /api/v1/pegawai/{id}/potensi': { ok: ['admin', 'pimpinan', 'superadmin'], deny: ['auditor', 'atasan', 'pegawai', 'admin2'],
      path: (c) => `/api/v1/pegawai/${c.pegawai.pegawai.id}/potensi`, other: (c) => ['admin', `/api/v1/pegawai/${c.peg2}/potensi`] },
    'GET /api/v1/katalog-pelatihan': { ok: h.ROLES,
      path: (c, r) => (r === 'superadmin' ? `/api/v1/katalog-pelatihan?instansi_id=${c.inst1}` : '/api/v1/katalog-pelatihan') },
    'POST /api/v1/katalog-pelatihan': { ok: ['admin', 'superadmin', 'admin2'], status: 201, deny: ['pimpinan', 'auditor', 'atasan', 'pegawai'],
      path: () => '/api/v1/katalog-pelatihan',
      body: (c, r) => ({ judul: `Tema baru ${seq++}`, nilai: 3, ...(r === 'superadmin' ? { instansi_id: c.inst1 } : {}) }) },
    'PATCH /api/v1/katalog-pelatihan/{id}': { ok: ['admin', 'superadmin'], deny: ['pimpinan', 'auditor', 'atasan', 'pegawai', 'admin2'],
      path: (c) => `/api/v1/katalog-pelatihan/${c.katalog1}`, body: () => ({ judul: `Tema diubah ${seq++}` }),
      other: (c) => ['admin', `/api/v1/katalog-pelatihan/${c.katalog2}`, { judul: 'Bukan milik Anda' }] },
    'DELETE /api/v1/katalog-pelatihan/{id}': { ok: ['admin'], status: 204, deny: ['pimpinan', 'auditor', 'atasan', 'pegawai', 'admin2'],
      path: (c) => `/api/v1/katalog-pelatihan/${c.katalogHapus}`, other: (c) => ['admin', `/api/v1/katalog-pelatihan/${c.katalog2}`] },
  };
}
