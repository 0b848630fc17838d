// Access scenarios of the innovation register (issue 15) and recognition (issue 14), merged into
// access.test.mjs.  setup(srv, T, ctx) prepares data in ctx; scenarios(h) returns entries keyed
// "METHOD /pattern" in the shape of the table in access.test.mjs.
//
// Who: every pegawai records and changes their own innovations; someone above the owner in the
// atasan chain validates or returns (never the owner, never an admin outside the chain); the
// owner, their chain and pimpinan/admin read.  Recognition: admin and pimpinan configure rules
// and read candidates; only the pimpinan issues a piagam; the recipient alone sets consent.
// Runs after the mutasi scenario, which makes the `atasan` account the pegawai's direct atasan.
import assert from 'node:assert/strict';
import { call, tokenFor, sql } from './lib.mjs';

let srv;
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];
let n = 0;
const ide = (extra = {}) => ({ judul: `Inovasi uji akses ${++n}`, masalah: 'Masalah layanan yang perlu diselesaikan dalam uji akses.',
  layanan: 'Layanan uji akses', tahap: 'diusulkan', ...extra });
const WRITERS = ['pegawai', 'atasan', 'admin', 'pimpinan', 'auditor', 'admin2'];   // every account with a pegawai

async function buat(token, extra) {
  const r = await call(srv, 'POST', '/api/v1/inovasi', { token, body: ide(extra) });
  assert.equal(r.status, 201, r.text);
  return r.json.id;
}

export async function setup(s, T, ctx) {
  srv = s;
  ctx.inov = await buat(T.pegawai);
  ctx.inovDel = await buat(T.pegawai);
  ctx.inovVal = await buat(T.pegawai);
  ctx.inovKem = await buat(T.pegawai);
  const p2 = one(`SELECT p.nip FROM pegawai p JOIN pengguna u ON u.pegawai_id = p.id WHERE p.instansi_id = ${ctx.inst2} AND u.peran = 0 LIMIT 1`);
  T.inov2 = tokenFor(srv, p2.nip);
  ctx.inov2 = await buat(T.inov2);
  const at2 = await call(srv, 'POST', '/api/v1/penghargaan/aturan', { token: T.admin2, body: { nama: 'Aturan instansi kedua', jenis: 'inovasi_tahun', jumlah: 1 } });
  assert.equal(at2.status, 201, at2.text);
  ctx.aturan2 = at2.json.id;
  // from the demo: the rule "Inovator Pelayanan Publik", the pegawai's validated innovation (a
  // candidate not issued yet) and the piagam of the pegawai's Kasi (not consented)
  ctx.aturanInov = one(`SELECT id FROM penghargaan_aturan WHERE instansi_id = ${ctx.inst1} AND jenis = 'inovasi_tahun'`).id;
  ctx.tahunInov = one(`SELECT tahun FROM inovasi WHERE pegawai_id = ${ctx.pegawai.pegawai.id} AND status = 'divalidasi' LIMIT 1`).tahun;
  ctx.pghKasi = one(`SELECT id FROM penghargaan WHERE pegawai_id = ${ctx.kasiPegawai}`).id;
}

export function scenarios() {
  return {
    'GET /api/v1/inovasi': { ok: ['admin', 'pimpinan', 'auditor', 'superadmin', 'atasan', 'pegawai', 'admin2'],
      path: () => '/api/v1/inovasi?limit=5', other: (c) => ['admin', `/api/v1/inovasi?pegawai_id=${c.peg2}`],
      extra: async (c) => {
        // a colleague outside the chain may not name the pegawai; the atasan may
        const out = tokenFor(srv, one(`SELECT nip FROM pegawai WHERE id = ${c.outside}`).nip);
        assert.equal((await call(srv, 'GET', `/api/v1/inovasi?pegawai_id=${c.pegawai.pegawai.id}`, { token: out })).status, 403);
        const r = await call(srv, 'GET', `/api/v1/inovasi?pegawai_id=${c.pegawai.pegawai.id}`, { token: tokenFor(srv, 'atasan') });
        assert.equal(r.status, 200);
        assert.ok(r.json.items.some((i) => i.id === c.inov));
      } },
    'POST /api/v1/inovasi': { ok: WRITERS, status: 201, path: () => '/api/v1/inovasi', body: () => ide(),
      extra: async () => {
        const r = await call(srv, 'POST', '/api/v1/inovasi', { token: tokenFor(srv, 'superadmin'), body: ide() });
        assert.equal(r.status, 422, 'superadmin has no pegawai');
      } },
    'GET /api/v1/inovasi/rekap.xlsx': { ok: ['admin', 'pimpinan', 'auditor', 'superadmin', 'atasan', 'pegawai', 'admin2'],
      path: () => '/api/v1/inovasi/rekap.xlsx', other: (c) => ['admin', `/api/v1/inovasi/rekap.xlsx?unit_kerja_id=${c.unit2}`] },
    'GET /api/v1/inovasi/{id}': { ok: ['pegawai', 'atasan', 'admin', 'pimpinan', 'superadmin'], deny: ['auditor', 'admin2'],
      path: (c) => `/api/v1/inovasi/${c.inov}`, other: (c) => ['admin', `/api/v1/inovasi/${c.inov2}`] },
    'PATCH /api/v1/inovasi/{id}': { ok: ['pegawai'], deny: ['atasan', 'admin', 'pimpinan', 'auditor', 'superadmin', 'admin2'],
      note: 'owner only', path: (c) => `/api/v1/inovasi/${c.inov}`, body: () => ({ tahap: 'diuji_coba' }),
      other: (c) => ['admin', `/api/v1/inovasi/${c.inov2}`, { tahap: 'diuji_coba' }] },
    'DELETE /api/v1/inovasi/{id}': { ok: ['pegawai'], status: 204, deny: ['atasan', 'admin', 'pimpinan', 'auditor', 'superadmin', 'admin2'],
      path: (c) => `/api/v1/inovasi/${c.inovDel}`, other: (c) => ['admin', `/api/v1/inovasi/${c.inov2}`] },
    'POST /api/v1/inovasi/{id}/validasi': { ok: ['atasan'], deny: ['pegawai', 'admin', 'auditor', 'superadmin', 'admin2'],
      note: 'someone above the owner; the owner (pegawai) and an admin outside the chain are refused',
      path: (c) => `/api/v1/inovasi/${c.inovVal}/validasi`, body: () => ({}), other: (c) => ['admin', `/api/v1/inovasi/${c.inov2}/validasi`, {}] },
    'POST /api/v1/inovasi/{id}/kembalikan': { ok: ['atasan'], deny: ['pegawai', 'admin', 'auditor', 'superadmin', 'admin2'],
      path: (c) => `/api/v1/inovasi/${c.inovKem}/kembalikan`, body: () => ({ catatan: 'Lengkapi data dampak layanan.' }),
      other: (c) => ['admin', `/api/v1/inovasi/${c.inov2}/kembalikan`, { catatan: 'Lengkapi data.' }] },
    'GET /api/v1/penghargaan/aturan': { ok: ['admin', 'pimpinan', 'superadmin', 'admin2'], deny: ['auditor', 'atasan', 'pegawai'],
      path: () => '/api/v1/penghargaan/aturan' },
    'POST /api/v1/penghargaan/aturan': { ok: ['admin', 'pimpinan', 'superadmin'], status: 201, deny: ['auditor', 'atasan', 'pegawai'],
      path: () => '/api/v1/penghargaan/aturan',
      body: (c, r) => ({ nama: `Aturan uji akses ${++n}`, jenis: 'sangat_baik_berturut', jumlah: 3, ...(r === 'superadmin' ? { instansi_id: c.inst1 } : {}) }) },
    'PATCH /api/v1/penghargaan/aturan/{id}': { ok: ['admin', 'pimpinan', 'superadmin'], deny: ['auditor', 'atasan', 'pegawai', 'admin2'],
      path: (c) => `/api/v1/penghargaan/aturan/${c.aturanInov}`, body: () => ({ jumlah: 1 }),
      other: (c) => ['admin', `/api/v1/penghargaan/aturan/${c.aturan2}`, { jumlah: 2 }] },
    'GET /api/v1/penghargaan/kandidat': { ok: ['admin', 'pimpinan', 'superadmin', 'admin2'], deny: ['auditor', 'atasan', 'pegawai'],
      path: (c, r) => r === 'superadmin' ? `/api/v1/penghargaan/kandidat?instansi_id=${c.inst1}` : '/api/v1/penghargaan/kandidat',
      other: (c) => ['admin', `/api/v1/penghargaan/kandidat?unit_kerja_id=${c.unit2}`] },
    'GET /api/v1/penghargaan': { ok: ['admin', 'pimpinan', 'auditor', 'superadmin', 'atasan', 'pegawai', 'admin2'],
      path: () => '/api/v1/penghargaan', other: (c) => ['admin', `/api/v1/penghargaan?unit_kerja_id=${c.unit2}`] },
    'POST /api/v1/penghargaan': { ok: ['pimpinan'], status: 201, deny: ['admin', 'auditor', 'atasan', 'pegawai', 'superadmin', 'admin2'],
      note: 'the pegawai\'s validated demo innovation makes them a candidate of the innovation rule',
      path: () => '/api/v1/penghargaan', body: (c) => ({ aturan_id: c.aturanInov, pegawai_id: c.pegawai.pegawai.id, tahun: c.tahunInov }) },
    'PUT /api/v1/penghargaan/{id}/persetujuan': { ok: [], deny: ['pegawai', 'atasan', 'admin', 'pimpinan', 'auditor', 'superadmin', 'admin2'],
      note: 'the recipient (the Kasi) only', path: (c) => `/api/v1/penghargaan/${c.pghKasi}/persetujuan`, body: () => ({ setuju: false }),
      extra: async (c) => {
        const r = await call(srv, 'PUT', `/api/v1/penghargaan/${c.pghKasi}/persetujuan`, { token: tokenFor(srv, one(`SELECT nip FROM pegawai WHERE id = ${c.kasiPegawai}`).nip), body: { setuju: false } });
        assert.equal(r.status, 200, r.text);
      } },
    'GET /api/v1/penghargaan/{id}/piagam.pdf': { ok: ['atasan', 'admin', 'pimpinan', 'superadmin'], deny: ['pegawai', 'auditor', 'admin2'],
      note: 'not consented: the Kasi, their chain and pimpinan/admin; the pegawai below the Kasi is refused',
      path: (c) => `/api/v1/penghargaan/${c.pghKasi}/piagam.pdf` },
  };
}
