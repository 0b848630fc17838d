// Access scenarios of "who saw my data", the personal export and the adoption view (issue 14),
// merged into access.test.mjs.  /saya/... has no id in the path: every account reads its own
// pegawai, and an account without one (superadmin in the demo) gets 404.
import assert from 'node:assert/strict';
import { call } from './lib.mjs';

export async function setup(srv, T, ctx) { ctx.akses = { srv, T }; }

export function scenarios() {
  const milikSendiri = ['admin', 'pimpinan', 'auditor', 'atasan', 'pegawai', 'admin2'];
  const tanpaPegawai = (path) => async (c) => {
    for (const r of ['superadmin']) {
      const res = await call(c.akses.srv, 'GET', path, { token: c.akses.T[r] });
      assert.equal(res.status, 404, `${path} as ${r}: ${res.text}`);
    }
  };
  return {
    'GET /api/v1/saya/akses': { ok: milikSendiri, path: () => '/api/v1/saya/akses',
      note: 'own pegawai only; accounts without a pegawai get 404', extra: tanpaPegawai('/api/v1/saya/akses') },
    'GET /api/v1/saya/ekspor': { ok: milikSendiri, path: () => '/api/v1/saya/ekspor?format=json',
      extra: tanpaPegawai('/api/v1/saya/ekspor') },
    'GET /api/v1/adopsi': { ok: ['admin', 'superadmin', 'admin2'], deny: ['pimpinan', 'auditor', 'atasan', 'pegawai'],
      path: (c, role) => (role === 'superadmin' ? `/api/v1/adopsi?instansi_id=${c.inst1}` : '/api/v1/adopsi') },
  };
}
