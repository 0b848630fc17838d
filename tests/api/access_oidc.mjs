// Access scenarios of the single sign-on routes (issue 10 item 2), merged into access.test.mjs.
// The login list, the start and the callback are public browser navigations (302); the
// settings of an instansi belong to its admin and superadmin.
import { sql } from './lib.mjs';

export async function setup(srv, T, ctx) {
  ctx.kodeInst1 = JSON.parse(sql(srv, `SELECT kode FROM instansi WHERE id = ${ctx.inst1}`))[0].kode;
}

export function scenarios(h) {
  const tolak = ['pimpinan', 'auditor', 'atasan', 'pegawai', 'admin2'];
  const konfig = () => ({ issuer: 'https://sso.sukamaju.go.id', client_id: `kinerja-${h.seq()}`, aktif: false });
  return {
    'GET /api/v1/auth/oidc': { public: true, path: () => '/api/v1/auth/oidc' },
    'GET /api/v1/auth/oidc/callback': { public: true, note: 'an unknown state: 302 to the login page',
      path: () => '/api/v1/auth/oidc/callback?state=tidak-dikenal&code=x' },
    'GET /api/v1/auth/oidc/{kode_instansi}/mulai': { public: true, note: 'SSO is off here: 302 to the login page',
      path: (c) => `/api/v1/auth/oidc/${encodeURIComponent(c.kodeInst1)}/mulai` },
    'GET /api/v1/instansi/{id}/oidc': { ok: ['admin', 'superadmin'], deny: tolak, path: (c) => `/api/v1/instansi/${c.inst1}/oidc`,
      other: (c) => ['admin', `/api/v1/instansi/${c.inst2}/oidc`] },
    'PUT /api/v1/instansi/{id}/oidc': { ok: ['admin', 'superadmin'], deny: tolak, path: (c) => `/api/v1/instansi/${c.inst1}/oidc`,
      body: konfig, other: (c) => ['admin', `/api/v1/instansi/${c.inst2}/oidc`, konfig()] },
  };
}
