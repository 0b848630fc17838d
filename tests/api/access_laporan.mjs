// Access scenarios of the report export routes (issue 8), merged into access.test.mjs.
// Any signed-in user may ask for a rekap of their own scope (POST 202); a job is only ever seen
// by the user who asked for it: others get 404, not 403, so ids reveal nothing.
import assert from 'node:assert/strict';
import { call, sql } from './lib.mjs';

export async function setup(srv, T, ctx) {
  const admin = JSON.parse(sql(srv, "SELECT id FROM pengguna WHERE username = 'admin'"))[0].id;
  const now = Math.floor(Date.now() / 1000);
  // a job of admin that is still being made (its file does not exist yet); started "in a day",
  // so that the worker never takes it for a dead process's job (mulai older than 10 min) however
  // slowly a loaded machine runs this file
  sql(srv, `INSERT INTO laporan_ekspor (instansi_id, pengguna_id, jenis, format, parameter, kunci, versi_data, status, mulai, dibuat)
            VALUES (1, ${admin}, 'rekap_pegawai', 'csv', '{"tahun":2026}', 'akses-uji', 0, 'jalan', ${now + 86400}, ${now})`);
  ctx.laporanJalan = JSON.parse(sql(srv, "SELECT id FROM laporan_ekspor WHERE kunci = 'akses-uji'"))[0].id;
  ctx.srvLaporan = srv;
  ctx.TLaporan = T;
}

export function scenarios(h) {
  const bukanPemilik = (path) => async (c) => {
    for (const r of ['pegawai', 'atasan', 'pimpinan', 'admin2', 'superadmin'])
      assert.equal((await call(c.srvLaporan, 'GET', path(c), { token: c.TLaporan[r] })).status, 404, `${r} sees another user's job`);
  };
  return {
    'POST /api/v1/laporan/ekspor': { ok: ['pimpinan', 'atasan', 'pegawai', 'superadmin', 'admin2'], status: 202,
      path: () => '/api/v1/laporan/ekspor',
      body: (c, r) => (r === 'superadmin' ? { format: 'csv', instansi_id: c.inst1 } : { format: 'csv' }),
      other: (c) => ['admin', '/api/v1/laporan/ekspor', { format: 'csv', unit_kerja_id: c.unit2 }] },
    'GET /api/v1/laporan/ekspor': { ok: h.ROLES, path: () => '/api/v1/laporan/ekspor' },
    'GET /api/v1/laporan/ekspor/{id}': { ok: ['admin'], path: (c) => `/api/v1/laporan/ekspor/${c.laporanJalan}`,
      extra: bukanPemilik((c) => `/api/v1/laporan/ekspor/${c.laporanJalan}`) },
    'GET /api/v1/laporan/ekspor/{id}/berkas': { ok: ['admin'], status: 409, note: 'the owner passes access; the file is not made yet',
      path: (c) => `/api/v1/laporan/ekspor/${c.laporanJalan}/berkas`,
      extra: bukanPemilik((c) => `/api/v1/laporan/ekspor/${c.laporanJalan}/berkas`) },
  };
}
