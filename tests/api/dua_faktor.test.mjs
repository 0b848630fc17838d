// Two-factor authentication (issue 11 item 1): TOTP enrolment, the second step of the sign-in,
// replay protection, recovery codes, locking after wrong codes, the grace period and restricted
// session of the required roles, and an admin's audited reset.  Codes are computed here with
// node's HMAC-SHA1 (tests/api/totp.mjs), checked first against the RFC 6238 test vectors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, call, login, tokenFor, sql, count, isProblem, kinerjaStatus, PASSWORD } from './lib.mjs';
import { totp, base32Decode } from './totp.mjs';

let srv;
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];
const idOf = (u) => one(`SELECT id FROM pengguna WHERE username = '${u}'`).id;
const o = (s) => ({ cookie: s.cookie, csrf: s.csrf });
const kode = (key, geser = 0) => totp(key, Date.now() / 1000 + geser * 30);

// a sequence of codes needs the same 30 s step throughout: do not start in its last 4 s
async function awalLangkah() {
  const sisa = 30000 - (Date.now() % 30000);
  if (sisa < 4000) await new Promise((r) => setTimeout(r, sisa + 100));
}

/** Enrols `username` (already signed in as s) and returns {key, codes}; uses the previous step. */
async function daftar(s) {
  let r = await call(srv, 'POST', '/api/v1/auth/2fa/mulai', o(s));
  assert.equal(r.status, 200, r.text);
  const key = r.json.kunci;
  r = await call(srv, 'POST', '/api/v1/auth/2fa/aktifkan', { ...o(s), body: { kode: kode(key, -1) } });
  assert.equal(r.status, 200, r.text);
  return { key, codes: r.json.kode_pemulihan };
}

async function masuk2(username, body) {
  const r = await call(srv, 'POST', '/api/v1/auth/login', { body: { username, password: PASSWORD } });
  assert.equal(r.status, 202, r.text);
  return call(srv, 'POST', '/api/v1/auth/login/2fa', { body: { token_2fa: r.json.token_2fa, ...body } });
}

before(async () => {
  srv = await startServer({ pegawai: 30, extraArgs: ['--data-dir', mkdtempSync(join(tmpdir(), 'kinerja-2fa-data-'))] });
});
after(async () => { await srv?.stop(); });

test('the test TOTP helper matches the RFC 6238 test vectors (SHA1)', () => {
  const seed = Buffer.from('12345678901234567890');
  const v = [[59, '94287082'], [1111111109, '07081804'], [1111111111, '14050471'],
    [1234567890, '89005924'], [2000000000, '69279037'], [20000000000, '65353130']];
  for (const [t, want] of v) assert.equal(totp(seed, t, 8), want, `T=${t}`);
  assert.deepEqual(base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'), seed);
});

test('enrolment: QR code, manual key, a wrong code refused, confirmation gives 10 recovery codes', async () => {
  await awalLangkah();
  const s = await login(srv, 'atasan');
  assert.equal(s.me.dua_faktor.aktif, false);
  assert.equal(s.me.wajib_2fa, null, 'optional for a pegawai/atasan');
  let r = await call(srv, 'POST', '/api/v1/auth/2fa/mulai', o(s));
  assert.equal(r.status, 200, r.text);
  assert.match(r.json.kunci, /^[A-Z2-7]{32}$/);
  assert.equal(base32Decode(r.json.kunci).length, 20);
  assert.match(r.json.otpauth_uri, /^otpauth:\/\/totp\/e-Kinerja%3Aatasan\?secret=[A-Z2-7]{32}&issuer=e-Kinerja&algorithm=SHA1&digits=6&period=30$/);
  assert.ok(r.json.otpauth_uri.includes(r.json.kunci));
  assert.match(r.json.qr_svg, /^data:image\/svg\+xml;base64,/);
  assert.match(Buffer.from(r.json.qr_svg.split(',')[1], 'base64').toString(), /<svg/);
  const key = r.json.kunci;
  // stored encrypted: neither the base32 key nor the raw secret is in the database
  const row = one(`SELECT rahasia, aktif FROM dua_faktor WHERE pengguna_id = ${idOf('atasan')}`);
  assert.equal(row.aktif, 0);
  assert.ok(!row.rahasia.includes(key));
  assert.ok(!Buffer.from(row.rahasia, 'base64').includes(base32Decode(key)));
  // not active yet: the login still needs only the password
  assert.equal((await call(srv, 'POST', '/api/v1/auth/login', { body: { username: 'atasan', password: PASSWORD } })).status, 200);
  const audit0 = count(srv, 'audit_log', "WHERE aksi = 'dua_faktor.aktif'");
  const bad = kode(key) === '000000' ? '111111' : '000000';
  r = await call(srv, 'POST', '/api/v1/auth/2fa/aktifkan', { ...o(s), body: { kode: bad } });
  isProblem(assert, r, 422, 'kode');
  r = await call(srv, 'POST', '/api/v1/auth/2fa/aktifkan', { ...o(s), body: { kode: 'abc' } });
  isProblem(assert, r, 422, 'kode');
  r = await call(srv, 'POST', '/api/v1/auth/2fa/aktifkan', { ...o(s), body: { kode: kode(key) } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.kode_pemulihan.length, 10);
  assert.equal(new Set(r.json.kode_pemulihan).size, 10);
  for (const c of r.json.kode_pemulihan) assert.match(c, /^[a-z2-9]{5}-[a-z2-9]{5}$/);
  assert.equal(count(srv, 'audit_log', "WHERE aksi = 'dua_faktor.aktif'"), audit0 + 1);
  // only hashes are kept
  const hashes = JSON.parse(sql(srv, `SELECT kode_hash FROM kode_pemulihan WHERE pengguna_id = ${idOf('atasan')}`));
  assert.equal(hashes.length, 10);
  assert.ok(hashes.every((h) => /^[0-9a-f]{64}$/.test(h.kode_hash)));
  // already active: a second start is refused
  isProblem(assert, await call(srv, 'POST', '/api/v1/auth/2fa/mulai', o(s)), 409);
  r = await call(srv, 'GET', '/api/v1/auth/2fa', o(s));
  assert.equal(r.status, 200);
  assert.equal(r.json.aktif, true);
  assert.equal(r.json.sisa_kode_pemulihan, 10);
  assert.equal(r.json.boleh_nonaktif, true);
});

test('sign-in with 2FA: the password gives a pending login, not a session; the code completes it; a code is never accepted twice', async () => {
  await awalLangkah();
  const s = await login(srv, 'pegawai');
  const { key } = await daftar(s);
  let r = await call(srv, 'POST', '/api/v1/auth/login', { body: { username: 'pegawai', password: PASSWORD } });
  assert.equal(r.status, 202, r.text);
  assert.equal(r.json.perlu_2fa, true);
  assert.match(r.json.token_2fa, /^[0-9a-f]{64}$/);
  assert.equal(r.headers.get('set-cookie'), null, 'no session cookie before the second factor');
  assert.equal(r.json.pengguna, undefined);
  const t2 = r.json.token_2fa;
  // the pending token is not a credential for anything else
  assert.equal((await call(srv, 'GET', '/api/v1/auth/me', { cookie: `kinerja_sesi=${t2}` })).status, 401);
  isProblem(assert, await call(srv, 'POST', '/api/v1/auth/login/2fa', { body: { token_2fa: t2 } }), 422, 'kode');
  // one code string for the sign-in and its replay: a slow run may cross into the next 30 s step
  // in between, and kode(key) would then be a new, unused code
  const k0 = kode(key);
  r = await call(srv, 'POST', '/api/v1/auth/login/2fa', { body: { token_2fa: t2, kode: k0 } });
  assert.equal(r.status, 200, r.text);
  assert.match(r.headers.get('set-cookie'), /kinerja_sesi=[0-9a-f]{64}; Path=\/; HttpOnly; SameSite=Lax/);
  assert.equal(r.json.pengguna.username, 'pegawai');
  assert.equal(r.json.sesi_terbatas, false);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  assert.equal((await call(srv, 'GET', '/api/v1/skp', { cookie })).status, 200);
  assert.equal(JSON.parse(one(`SELECT sesudah FROM audit_log WHERE aksi = 'auth.login' ORDER BY id DESC LIMIT 1`).sesudah).metode, 'totp');
  // the pending login is used up
  isProblem(assert, await call(srv, 'POST', '/api/v1/auth/login/2fa', { body: { token_2fa: t2, kode: kode(key, 1) } }), 401);
  // replay: the same code on a new login is refused
  r = await masuk2('pegawai', { kode: k0 });
  isProblem(assert, r, 401);
  assert.match(r.json.detail, /sudah dipakai/);
  // the next step's code (clock drift of one step) still works once
  r = await masuk2('pegawai', { kode: kode(key, 1) });
  assert.equal(r.status, 200, r.text);
  // an unknown or malformed pending token
  isProblem(assert, await call(srv, 'POST', '/api/v1/auth/login/2fa', { body: { token_2fa: 'ab'.repeat(32), kode: '123456' } }), 401);
  isProblem(assert, await call(srv, 'POST', '/api/v1/auth/login/2fa', { body: { token_2fa: 'x', kode: '123456', lain: 1 } }), 422, 'lain');
  sql(srv, `UPDATE pengguna SET gagal_2fa = 0 WHERE id = ${idOf('pegawai')}`);
});

test('a recovery code signs in once; regenerating needs a current code and voids the old ones', async () => {
  await awalLangkah();
  const u = one(`SELECT p.nip FROM pegawai p JOIN pengguna u ON u.pegawai_id = p.id WHERE u.peran = 0 AND u.username = p.nip AND u.instansi_id = 1 ORDER BY p.id DESC LIMIT 1`).nip;
  const s = await login(srv, u);
  const { key, codes } = await daftar(s);
  const audit0 = count(srv, 'audit_log', "WHERE aksi = 'dua_faktor.kode_pemulihan_dipakai'");
  let r = await masuk2(u, { kode_pemulihan: ` ${codes[3].toUpperCase()} ` });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.dua_faktor.sisa_kode_pemulihan, 9);
  assert.equal(count(srv, 'audit_log', "WHERE aksi = 'dua_faktor.kode_pemulihan_dipakai'"), audit0 + 1);
  isProblem(assert, await masuk2(u, { kode_pemulihan: codes[3] }), 401);
  const s2 = { cookie: r.headers.get('set-cookie').split(';')[0], csrf: r.json.csrf_token };
  // regenerate: a wrong code is refused, the right one gives 10 new codes
  isProblem(assert, await call(srv, 'POST', '/api/v1/auth/2fa/kode-pemulihan', { ...o(s2), body: { kode: kode(key, 5) } }), 422, 'kode');
  r = await call(srv, 'POST', '/api/v1/auth/2fa/kode-pemulihan', { ...o(s2), body: { kode: kode(key) } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.kode_pemulihan.length, 10);
  assert.equal(count(srv, 'audit_log', "WHERE aksi = 'dua_faktor.kode_pemulihan_baru'"), 1);
  isProblem(assert, await masuk2(u, { kode_pemulihan: codes[4] }), 401);
  r = await masuk2(u, { kode_pemulihan: r.json.kode_pemulihan[0] });
  assert.equal(r.status, 200, r.text);
  // an optional user may switch 2FA off with the password; a wrong one is refused
  const s3 = { cookie: r.headers.get('set-cookie').split(';')[0], csrf: r.json.csrf_token };
  isProblem(assert, await call(srv, 'POST', '/api/v1/auth/2fa/nonaktifkan', { ...o(s3), body: { sandi: 'salah-sekali' } }), 422, 'sandi');
  r = await call(srv, 'POST', '/api/v1/auth/2fa/nonaktifkan', { ...o(s3), body: { sandi: PASSWORD } });
  assert.equal(r.status, 204, r.text);
  assert.equal(count(srv, 'audit_log', "WHERE aksi = 'dua_faktor.nonaktif'"), 1);
  assert.equal(count(srv, 'kode_pemulihan', `WHERE pengguna_id = ${idOf(u)}`), 0);
  assert.equal((await call(srv, 'POST', '/api/v1/auth/login', { body: { username: u, password: PASSWORD } })).status, 200);
  sql(srv, `UPDATE pengguna SET gagal_2fa = 0 WHERE id = ${idOf(u)}`);
});

test('five wrong codes lock the account like wrong passwords', async () => {
  await awalLangkah();
  const u = one(`SELECT p.nip FROM pegawai p JOIN pengguna u ON u.pegawai_id = p.id WHERE u.peran = 0 AND u.username = p.nip AND u.instansi_id = 1 ORDER BY p.id DESC LIMIT 1 OFFSET 1`).nip;
  const s = await login(srv, u);
  const { key } = await daftar(s);
  const r0 = await call(srv, 'POST', '/api/v1/auth/login', { body: { username: u, password: PASSWORD } });
  const t2 = r0.json.token_2fa;
  const salah = kode(key, 10);
  const before = count(srv, 'audit_log', "WHERE aksi = 'auth.lockout'");
  for (let i = 0; i < 4; i++) {
    const r = await call(srv, 'POST', '/api/v1/auth/login/2fa', { body: { token_2fa: t2, kode: salah } });
    isProblem(assert, r, 401);
  }
  let r = await call(srv, 'POST', '/api/v1/auth/login/2fa', { body: { token_2fa: t2, kode: salah } });
  isProblem(assert, r, 429);
  assert.ok(r.headers.get('retry-after'));
  assert.equal(count(srv, 'audit_log', "WHERE aksi = 'auth.lockout'"), before + 1);
  // locked: neither the right code nor the password gets in
  isProblem(assert, await call(srv, 'POST', '/api/v1/auth/login/2fa', { body: { token_2fa: t2, kode: kode(key) } }), 401);
  r = await call(srv, 'POST', '/api/v1/auth/login', { body: { username: u, password: PASSWORD } });
  isProblem(assert, r, 429);
  // a correct password does not reset the count of wrong codes
  sql(srv, `UPDATE pengguna SET terkunci_sampai = 0 WHERE id = ${idOf(u)}`);
  for (let i = 0; i < 4; i++) {
    r = await masuk2(u, { kode: salah });
    isProblem(assert, r, 401);
  }
  isProblem(assert, await masuk2(u, { kode: salah }), 429);
});

test('required roles: a grace period with a deadline, then a restricted session that can only enrol', async () => {
  await awalLangkah();
  // pimpinan, first sign-in: the grace starts now and lasts 7 days
  const t0 = Math.floor(Date.now() / 1000);
  let s = await login(srv, 'pimpinan');
  assert.equal(s.me.wajib_2fa.wajib, true);
  assert.equal(s.me.wajib_2fa.lewat, false);
  assert.equal(s.me.wajib_2fa.tenggang_hari, 7);
  assert.ok(Math.abs(s.me.wajib_2fa.batas - (t0 + 7 * 86400)) < 30, JSON.stringify(s.me.wajib_2fa));
  assert.equal(s.me.sesi_terbatas, false);
  assert.ok(one(`SELECT wajib_2fa_sejak AS w FROM pengguna WHERE username = 'pimpinan'`).w >= t0);
  assert.equal((await call(srv, 'GET', '/api/v1/pegawai?limit=2', o(s))).status, 200);
  const me = await call(srv, 'GET', '/api/v1/auth/me', o(s));
  assert.equal(me.json.wajib_2fa.batas, s.me.wajib_2fa.batas);
  // the deadline passes
  sql(srv, `UPDATE pengguna SET wajib_2fa_sejak = ${t0 - 8 * 86400} WHERE username = 'pimpinan'`);
  s = await login(srv, 'pimpinan');
  assert.equal(s.me.sesi_terbatas, true);
  assert.equal(s.me.wajib_2fa.lewat, true);
  let r = await call(srv, 'GET', '/api/v1/pegawai?limit=2', o(s));
  isProblem(assert, r, 403);
  assert.match(r.json.detail, /verifikasi dua langkah/);
  r = await call(srv, 'POST', '/api/v1/aktivitas', { ...o(s), body: { tanggal: '2026-01-05', menit: 30, uraian: 'x' } });
  isProblem(assert, r, 403);
  assert.equal((await call(srv, 'GET', '/api/v1/auth/me', o(s))).status, 200);
  assert.equal((await call(srv, 'GET', '/api/v1/auth/2fa', o(s))).json.sesi_terbatas, true);
  const { key } = await daftar(s);
  // enrolled: the same session is now a full one
  assert.equal((await call(srv, 'GET', '/api/v1/pegawai?limit=2', o(s))).status, 200);
  // required: it cannot be switched off
  r = await call(srv, 'POST', '/api/v1/auth/2fa/nonaktifkan', { ...o(s), body: { kode: kode(key) } });
  isProblem(assert, r, 409);
  // the instansi setting: 0 days = at once
  const a = await login(srv, 'admin');
  r = await call(srv, 'PATCH', '/api/v1/pengaturan', { ...o(a), body: { tenggang_2fa_hari: 91 } });
  isProblem(assert, r, 422, 'tenggang_2fa_hari');
  r = await call(srv, 'PATCH', '/api/v1/pengaturan', { ...o(a), body: { tenggang_2fa_hari: 0 } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.tenggang_2fa_hari, 0);
  const au = await login(srv, 'auditor');
  assert.equal(au.me.sesi_terbatas, true);
  isProblem(assert, await call(srv, 'GET', '/api/v1/audit?limit=1', o(au)), 403);
  // API tokens are machine credentials: not asked for a second factor, and cannot enrol one
  const tok = tokenFor(srv, 'auditor');
  assert.equal((await call(srv, 'GET', '/api/v1/audit?limit=1', { token: tok })).status, 200);
  isProblem(assert, await call(srv, 'POST', '/api/v1/auth/2fa/mulai', { token: tokenFor(srv, 'auditor') }), 403);
  assert.equal((await call(srv, 'PATCH', '/api/v1/pengaturan', { ...o(a), body: { tenggang_2fa_hari: 7 } })).status, 200);
  await call(srv, 'POST', '/api/v1/auth/logout', o(au));
});

test('lost device: an admin of the same instansi resets it (audited, sessions ended, notified); another instansi cannot', async () => {
  await awalLangkah();
  const u = one(`SELECT p.nip, u.id, p.id AS pid FROM pegawai p JOIN pengguna u ON u.pegawai_id = p.id WHERE u.peran = 0 AND u.username = p.nip AND u.instansi_id = 1 ORDER BY p.id DESC LIMIT 1 OFFSET 2`);
  const s = await login(srv, u.nip);
  await daftar(s);
  const a = await login(srv, 'admin');
  let r = await call(srv, 'GET', `/api/v1/pengguna?q=${u.nip}`, o(a));
  assert.equal(r.json.items[0].dua_faktor_aktif, true);
  // IDOR: the admin of another instansi, a missing account, a superadmin's account
  const a2 = await login(srv, 'admin2');
  const before = count(srv, 'audit_log');
  isProblem(assert, await call(srv, 'POST', `/api/v1/pengguna/${u.id}/2fa/reset`, o(a2)), 403);
  assert.equal(count(srv, 'audit_log'), before);
  assert.equal(count(srv, 'dua_faktor', `WHERE pengguna_id = ${u.id} AND aktif = 1`), 1);
  isProblem(assert, await call(srv, 'POST', '/api/v1/pengguna/999999/2fa/reset', o(a)), 404);
  isProblem(assert, await call(srv, 'POST', `/api/v1/pengguna/${idOf('superadmin')}/2fa/reset`, o(a)), 403);
  isProblem(assert, await call(srv, 'POST', `/api/v1/pengguna/${u.id}/2fa/reset`, { ...o(a), body: { x: 1 } }), 422, 'x');
  r = await call(srv, 'POST', `/api/v1/pengguna/${u.id}/2fa/reset`, o(a));
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.wajib_daftar_ulang, true);
  const rec = one(`SELECT pengguna_id, instansi_id, entitas_id FROM audit_log WHERE aksi = 'dua_faktor.reset' ORDER BY id DESC LIMIT 1`);
  assert.equal(rec.pengguna_id, idOf('admin'));
  assert.equal(rec.entitas_id, u.id);
  assert.equal(rec.instansi_id, 1);
  assert.equal(count(srv, 'notifikasi', `WHERE pegawai_id = ${u.pid} AND judul LIKE '%dua langkah%'`), 1);
  // the lost device's session ended; the next sign-in must enrol again before working
  assert.equal((await call(srv, 'GET', '/api/v1/auth/me', o(s))).status, 401);
  isProblem(assert, await call(srv, 'POST', `/api/v1/pengguna/${u.id}/2fa/reset`, o(a)), 409);
  const s2 = await login(srv, u.nip);
  assert.equal(s2.me.sesi_terbatas, true);
  assert.match(s2.me.wajib_2fa.alasan, /direset/);
  isProblem(assert, await call(srv, 'GET', '/api/v1/skp', o(s2)), 403);
  await daftar(s2);
  assert.equal((await call(srv, 'GET', '/api/v1/skp', o(s2))).status, 200);
  // superadmin resets any instansi
  const sa = await login(srv, 'superadmin');
  assert.equal(sa.me.wajib_2fa.wajib, true);
  r = await call(srv, 'POST', `/api/v1/pengguna/${u.id}/2fa/reset`, o(sa));
  assert.equal(r.status, 200, r.text);
  // the whole chain still verifies
  const v = await call(srv, 'GET', '/api/v1/audit/verify', { token: tokenFor(srv, 'superadmin') });
  assert.equal(v.json.utuh, true, v.text);
});

test('the operator resets 2FA from the command line (kinerja 2fa reset), audited as the system', async () => {
  await awalLangkah();
  const s = await login(srv, 'superadmin');
  await daftar(s);
  assert.equal(count(srv, 'dua_faktor', `WHERE pengguna_id = ${idOf('superadmin')} AND aktif = 1`), 1);
  const before = count(srv, 'audit_log', "WHERE aksi = 'dua_faktor.reset' AND pengguna_id IS NULL");
  let r = kinerjaStatus(['2fa', 'reset', '--db', srv.db, '--user', 'superadmin']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /direset/);
  assert.equal(count(srv, 'dua_faktor', `WHERE pengguna_id = ${idOf('superadmin')}`), 0);
  assert.equal((await call(srv, 'GET', '/api/v1/auth/me', o(s))).status, 401, 'sessions ended');
  assert.equal(count(srv, 'audit_log', "WHERE aksi = 'dua_faktor.reset' AND (pengguna_id IS NULL OR pengguna_id = 0)") >= before + 1, true);
  r = kinerjaStatus(['2fa', 'reset', '--db', srv.db, '--user', 'superadmin']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /belum mengaktifkan/);
  assert.equal(kinerjaStatus(['2fa', 'reset', '--db', srv.db, '--user', 'tidak-ada']).status, 1);
  assert.equal(kinerjaStatus(['2fa', 'hapus', '--db', srv.db]).status, 2);
});
