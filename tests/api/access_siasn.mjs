// Access scenarios of the SIASN routes (issue 10), merged into access.test.mjs.  Admins of the
// instansi pull, apply, push and read the log; only a superadmin writes the configuration (it
// decides where the secrets go).  This server has no SIASN secrets, so the routes that talk to
// SIASN answer 502 once access is granted: no exchange ever leaves the machine.
import { sql } from './lib.mjs';

export async function setup(srv, T, ctx) {
  const now = Math.floor(Date.now() / 1000);
  for (const [inst, key] of [[ctx.inst1, 'tarikan1'], [ctx.inst2, 'tarikan2']]) {
    sql(srv, `INSERT INTO siasn_tarikan (instansi_id, status, nip_diminta, dibuat, diterapkan) VALUES (${inst}, 'diterapkan', 1, ${now}, ${now})`);
    ctx[key] = JSON.parse(sql(srv, `SELECT MAX(id) AS id FROM siasn_tarikan WHERE instansi_id = ${inst}`))[0].id;
  }
}

export function scenarios() {
  const tolak = ['pimpinan', 'auditor', 'atasan', 'pegawai'];
  const q = (c, r, p) => (r === 'superadmin' ? `${p}${p.includes('?') ? '&' : '?'}instansi_id=${c.inst1}` : p);
  return {
    'GET /api/v1/siasn/konfig': { ok: ['admin', 'superadmin', 'admin2'], deny: tolak, path: (c, r) => q(c, r, '/api/v1/siasn/konfig') },
    'PUT /api/v1/siasn/konfig': { ok: ['superadmin'], deny: ['admin', 'admin2', ...tolak], path: () => '/api/v1/siasn/konfig',
      body: (c) => ({ instansi_id: c.inst1, base_url: 'http://127.0.0.1:9/api', token_url: 'http://127.0.0.1:9/oauth/token', client_id: 'uji-akses' }) },
    'POST /api/v1/siasn/tarikan': { ok: ['admin'], status: 502, note: 'access granted; no SIASN secrets on this server',
      deny: tolak, path: () => '/api/v1/siasn/tarikan', body: () => ({}) },
    'GET /api/v1/siasn/tarikan': { ok: ['admin', 'superadmin', 'admin2'], deny: tolak, path: (c, r) => q(c, r, '/api/v1/siasn/tarikan') },
    'GET /api/v1/siasn/tarikan/{id}': { ok: ['admin', 'superadmin'], deny: [...tolak, 'admin2'], path: (c) => `/api/v1/siasn/tarikan/${c.tarikan1}`,
      other: (c) => ['admin', `/api/v1/siasn/tarikan/${c.tarikan2}`] },
    'POST /api/v1/siasn/tarikan/{id}/terapkan': { ok: ['admin'], status: 409, note: 'access granted; the batch was applied already',
      deny: [...tolak, 'admin2'], path: (c) => `/api/v1/siasn/tarikan/${c.tarikan1}/terapkan`, body: () => ({}),
      other: (c) => ['admin', `/api/v1/siasn/tarikan/${c.tarikan2}/terapkan`, {}] },
    'POST /api/v1/siasn/kirim': { ok: ['admin'], status: 502, note: 'access granted; no SIASN secrets on this server',
      deny: tolak, path: () => '/api/v1/siasn/kirim', body: () => ({}) },
    'GET /api/v1/siasn/log': { ok: ['admin', 'superadmin', 'admin2'], deny: tolak, path: (c, r) => q(c, r, '/api/v1/siasn/log') },
    'GET /api/v1/siasn/rekonsiliasi': { ok: ['admin'], status: 502, note: 'access granted; no SIASN secrets on this server',
      deny: tolak, path: () => '/api/v1/siasn/rekonsiliasi' },
  };
}
