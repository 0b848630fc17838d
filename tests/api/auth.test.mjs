// Accounts and sessions: login by username or NIP, cookies, CSRF, rotation, logout, lockout,
// bearer tokens with scopes, revocation, password change with re-authentication.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, login, tokenFor, isProblem, count, sql, PASSWORD } from './lib.mjs';

let srv;
before(async () => { srv = await startServer({ pegawai: 30 }); });
after(async () => { await srv?.stop(); });

test('login by username sets a hardened session cookie and returns the CSRF token', async () => {
  const r = await call(srv, 'POST', '/api/v1/auth/login', { body: { username: 'admin', password: PASSWORD } });
  assert.equal(r.status, 200);
  const c = r.headers.get('set-cookie');
  assert.match(c, /^kinerja_sesi=[0-9a-f]{64};/);
  assert.match(c, /HttpOnly/);
  assert.match(c, /SameSite=Lax/);
  assert.doesNotMatch(c, /Secure/); // plain HTTP here; Secure with TLS or --cookie-secure 1
  assert.match(r.json.csrf_token, /^[0-9a-f]{64}$/);
  assert.ok(r.json.pengguna.peran.includes('admin'));
  // only a hash of the cookie value is stored
  const value = c.split(';')[0].split('=')[1];
  assert.equal(count(srv, 'sesi', `WHERE token_hash = '${value}'`), 0);
});

test('login by the NIP of the linked pegawai works', async () => {
  const nip = JSON.parse(sql(srv, "SELECT p.nip FROM pengguna u JOIN pegawai p ON p.id = u.pegawai_id WHERE u.username = 'pegawai'"))[0].nip;
  const s = await login(srv, nip);
  assert.equal(s.me.pengguna.username, 'pegawai');
  assert.equal(s.me.pegawai.nip, nip);
});

test('wrong password and unknown user get the same generic 401', async () => {
  const a = await call(srv, 'POST', '/api/v1/auth/login', { body: { username: 'pimpinan', password: 'SalahSekali1' } });
  const b = await call(srv, 'POST', '/api/v1/auth/login', { body: { username: 'tidakada', password: 'SalahSekali1' } });
  isProblem(assert, a, 401);
  isProblem(assert, b, 401);
  assert.equal(a.json.detail, b.json.detail);
  assert.equal(a.json.title, b.json.title);
});

test('login input is validated', async () => {
  const r = await call(srv, 'POST', '/api/v1/auth/login', { body: { username: 5 } });
  isProblem(assert, r, 422, 'username');
  assert.ok(r.json.errors.some((e) => e.field === 'password'));
});

test('a cookie session needs the CSRF header for writes; GET does not', async () => {
  const s = await login(srv, 'admin');
  let r = await call(srv, 'GET', '/api/v1/auth/me', { cookie: s.cookie });
  assert.equal(r.status, 200);
  assert.equal(r.json.csrf_token, s.csrf);
  const before = count(srv, 'unit_kerja');
  r = await call(srv, 'POST', '/api/v1/unit-kerja', { cookie: s.cookie, body: { nama: 'Bagian Uji CSRF' } });
  isProblem(assert, r, 403);
  assert.match(r.json.title, /CSRF/);
  r = await call(srv, 'POST', '/api/v1/unit-kerja', { cookie: s.cookie, csrf: 'f'.repeat(64), body: { nama: 'Bagian Uji CSRF' } });
  isProblem(assert, r, 403);
  assert.equal(count(srv, 'unit_kerja'), before);
  r = await call(srv, 'POST', '/api/v1/unit-kerja', { cookie: s.cookie, csrf: s.csrf, body: { nama: 'Bagian Uji CSRF' } });
  assert.equal(r.status, 201);
});

test('logging in again rotates the session: the old cookie stops working', async () => {
  const s1 = await login(srv, 'auditor');
  const r = await call(srv, 'POST', '/api/v1/auth/login', { cookie: s1.cookie, body: { username: 'auditor', password: PASSWORD } });
  assert.equal(r.status, 200);
  const cookie2 = r.headers.get('set-cookie').split(';')[0];
  assert.notEqual(cookie2, s1.cookie);
  assert.equal((await call(srv, 'GET', '/api/v1/auth/me', { cookie: s1.cookie })).status, 401);
  assert.equal((await call(srv, 'GET', '/api/v1/auth/me', { cookie: cookie2 })).status, 200);
});

test('logout ends the session', async () => {
  const s = await login(srv, 'pimpinan');
  const r = await call(srv, 'POST', '/api/v1/auth/logout', { cookie: s.cookie, csrf: s.csrf });
  assert.equal(r.status, 204);
  assert.match(r.headers.get('set-cookie'), /Max-Age=0/);
  const me = await call(srv, 'GET', '/api/v1/auth/me', { cookie: s.cookie });
  isProblem(assert, me, 401);
  assert.match(me.headers.get('www-authenticate'), /Bearer/);
});

test('an expired session (idle) is refused', async () => {
  const s = await login(srv, 'pimpinan');
  const value = s.cookie.split('=')[1];
  sql(srv, "UPDATE sesi SET dipakai = dipakai - 100000 WHERE pengguna_id = (SELECT id FROM pengguna WHERE username = 'pimpinan')");
  assert.equal((await call(srv, 'GET', '/api/v1/auth/me', { cookie: `kinerja_sesi=${value}` })).status, 401);
});

test('five failed logins lock the account; even the right password is refused while locked', async () => {
  const nip = JSON.parse(sql(srv, "SELECT p.nip FROM pegawai p JOIN pengguna u ON u.pegawai_id = p.id WHERE u.peran = 0 AND u.username = p.nip LIMIT 1 OFFSET 3"))[0].nip;
  for (let i = 0; i < 4; i++) {
    const r = await call(srv, 'POST', '/api/v1/auth/login', { body: { username: nip, password: 'SalahSekali1' } });
    assert.equal(r.status, 401);
  }
  let r = await call(srv, 'POST', '/api/v1/auth/login', { body: { username: nip, password: 'SalahSekali1' } });
  isProblem(assert, r, 429);
  assert.match(r.json.detail, /dikunci/);
  r = await call(srv, 'POST', '/api/v1/auth/login', { body: { username: nip, password: PASSWORD } });
  isProblem(assert, r, 429);
  // an admin unlocks it
  const admin = tokenFor(srv, 'admin');
  const uid = JSON.parse(sql(srv, `SELECT u.id FROM pengguna u JOIN pegawai p ON p.id = u.pegawai_id WHERE p.nip = '${nip}'`))[0].id;
  const u = await call(srv, 'PATCH', `/api/v1/pengguna/${uid}`, { token: admin, body: { buka_kunci: true } });
  assert.equal(u.status, 200);
  assert.equal(u.json.terkunci, false);
  r = await call(srv, 'POST', '/api/v1/auth/login', { body: { username: nip, password: PASSWORD } });
  assert.equal(r.status, 200);
  assert.ok(count(srv, 'audit_log', "WHERE aksi = 'auth.lockout'") >= 1);
});

test('bearer tokens: created through the API once, hashed at rest, scoped, revocable', async () => {
  const s = await login(srv, 'atasan');
  let r = await call(srv, 'POST', '/api/v1/token', { cookie: s.cookie, csrf: s.csrf, body: { nama: 'e-Office', cakupan: 'read' } });
  assert.equal(r.status, 201);
  const tok = r.json.token;
  assert.match(tok, /^knj_[0-9a-f]{64}$/);
  assert.equal(count(srv, 'token_api', `WHERE token_hash = '${tok}'`), 0);
  r = await call(srv, 'GET', '/api/v1/pegawai', { token: tok });
  assert.equal(r.status, 200);
  // read scope: writes are refused
  r = await call(srv, 'POST', '/api/v1/token', { token: tok, body: { nama: 'x' } });
  isProblem(assert, r, 403);
  // list shows it without the secret
  r = await call(srv, 'GET', '/api/v1/token', { cookie: s.cookie });
  const mine = r.json.items.find((t) => t.nama === 'e-Office');
  assert.ok(mine && !('token' in mine));
  // another user cannot revoke it
  const other = tokenFor(srv, 'pegawai');
  r = await call(srv, 'DELETE', `/api/v1/token/${mine.id}`, { token: other });
  isProblem(assert, r, 404);
  r = await call(srv, 'DELETE', `/api/v1/token/${mine.id}`, { cookie: s.cookie, csrf: s.csrf });
  assert.equal(r.status, 204);
  isProblem(assert, await call(srv, 'GET', '/api/v1/pegawai', { token: tok }), 401);
  isProblem(assert, await call(srv, 'GET', '/api/v1/pegawai', { token: 'knj_' + '0'.repeat(64) }), 401);
  isProblem(assert, await call(srv, 'GET', '/api/v1/pegawai', { headers: { authorization: 'Basic YTpi' } }), 401);
});

test('token creation input is validated', async () => {
  const t = tokenFor(srv, 'atasan');
  const r = await call(srv, 'POST', '/api/v1/token', { token: t, body: { nama: '', cakupan: 'semua' } });
  isProblem(assert, r, 422, 'cakupan');
});

test('password change needs the current password and ends other sessions', async () => {
  const a = await login(srv, 'pegawai');
  const b = await login(srv, 'pegawai');
  let r = await call(srv, 'POST', '/api/v1/auth/password', { cookie: a.cookie, csrf: a.csrf, body: { sandi_lama: 'SalahSekali1', sandi_baru: 'BaruSekali2026' } });
  isProblem(assert, r, 422, 'sandi_lama');
  r = await call(srv, 'POST', '/api/v1/auth/password', { cookie: a.cookie, csrf: a.csrf, body: { sandi_lama: PASSWORD, sandi_baru: 'pendek' } });
  isProblem(assert, r, 422, 'sandi_baru');
  r = await call(srv, 'POST', '/api/v1/auth/password', { cookie: a.cookie, csrf: a.csrf, body: { sandi_lama: PASSWORD, sandi_baru: 'BaruSekali2026' } });
  assert.equal(r.status, 204);
  assert.equal((await call(srv, 'GET', '/api/v1/auth/me', { cookie: a.cookie })).status, 200);
  assert.equal((await call(srv, 'GET', '/api/v1/auth/me', { cookie: b.cookie })).status, 401);
  assert.equal((await call(srv, 'POST', '/api/v1/auth/login', { body: { username: 'pegawai', password: PASSWORD } })).status, 401);
  assert.equal((await call(srv, 'POST', '/api/v1/auth/login', { body: { username: 'pegawai', password: 'BaruSekali2026' } })).status, 200);
});
