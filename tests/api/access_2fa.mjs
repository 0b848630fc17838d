// Access scenarios of the two-factor routes (issue 11 item 1), merged into access.test.mjs.
// The matrix calls with bearer tokens, which are machine credentials: they may read the 2FA
// state but never change it (403 for every role); the session flows are in dua_faktor.test.mjs.
// The second sign-in step is public: it carries a pending login made here with a recovery code.
import assert from 'node:assert/strict';
import { call, login, sql, PASSWORD } from './lib.mjs';
import { totp } from './totp.mjs';

export async function setup(srv, T, ctx) {
  const u = JSON.parse(sql(srv, `SELECT u.id, u.username FROM pengguna u WHERE u.instansi_id = ${ctx.inst1} AND u.peran = 0
    AND u.id <> ${ctx.user1} AND u.pegawai_id IS NOT NULL ORDER BY u.id DESC LIMIT 1`))[0];
  const s = await login(srv, u.username);
  const o = { cookie: s.cookie, csrf: s.csrf };
  let r = await call(srv, 'POST', '/api/v1/auth/2fa/mulai', o);
  assert.equal(r.status, 200, r.text);
  r = await call(srv, 'POST', '/api/v1/auth/2fa/aktifkan', { ...o, body: { kode: totp(r.json.kunci) } });
  assert.equal(r.status, 200, r.text);
  ctx.kodePemulihan = r.json.kode_pemulihan[0];
  r = await call(srv, 'POST', '/api/v1/auth/login', { body: { username: u.username, password: PASSWORD } });
  assert.equal(r.status, 202, r.text);
  ctx.token2fa = r.json.token_2fa;
  // the matrix may reach this route minutes later: keep the pending login alive
  sql(srv, 'UPDATE login_tertunda SET berakhir = 9999999999');
}

export function scenarios() {
  const sesiSaja = { ok: [], status: 403, anyUser: true, note: 'bearer tokens cannot change 2FA; sessions can (dua_faktor.test.mjs)' };
  return {
    'POST /api/v1/auth/login/2fa': { public: true, path: () => '/api/v1/auth/login/2fa',
      body: (c) => ({ token_2fa: c.token2fa, kode_pemulihan: c.kodePemulihan }) },
    'GET /api/v1/auth/2fa': { ok: ['admin', 'pimpinan', 'auditor', 'superadmin', 'atasan', 'pegawai', 'admin2'], path: () => '/api/v1/auth/2fa' },
    'POST /api/v1/auth/2fa/mulai': { ...sesiSaja, path: () => '/api/v1/auth/2fa/mulai' },
    'POST /api/v1/auth/2fa/aktifkan': { ...sesiSaja, path: () => '/api/v1/auth/2fa/aktifkan', body: () => ({ kode: '123456' }) },
    'POST /api/v1/auth/2fa/kode-pemulihan': { ...sesiSaja, path: () => '/api/v1/auth/2fa/kode-pemulihan', body: () => ({ kode: '123456' }) },
    'POST /api/v1/auth/2fa/nonaktifkan': { ...sesiSaja, path: () => '/api/v1/auth/2fa/nonaktifkan', body: () => ({ kode: '123456' }) },
    'POST /api/v1/pengguna/{id}/2fa/reset': { ok: ['admin', 'superadmin'], status: 409, note: 'the account has no 2FA: 409; a real reset is in dua_faktor.test.mjs',
      deny: ['pimpinan', 'auditor', 'atasan', 'pegawai'], path: (c) => `/api/v1/pengguna/${c.user1}/2fa/reset`,
      other: (c) => ['admin', `/api/v1/pengguna/${c.user2}/2fa/reset`] },
  };
}
