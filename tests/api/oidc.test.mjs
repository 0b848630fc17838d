// Single sign-on with OpenID Connect (issue 10 item 2) against a local test provider
// (oidc_idp.mjs) that signs real RS256/ES256 ID tokens, and bad ones that must be refused:
// every refusal leaves no session, an audit record with the reason, and a redirect to the
// login page.  Also: the admin settings (secret write-only), local login switched off per
// instansi (superadmin never locked out), and logout through the provider.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, call, tokenFor, sql, isProblem, PASSWORD } from './lib.mjs';
import { startIdp } from './oidc_idp.mjs';

const PUBLIC = 'http://kinerja.test';
let srv, idp, T = {}, ctx = {};
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];

async function konfig(body, token = T.admin, inst = ctx.inst1) {
  return call(srv, 'PUT', `/api/v1/instansi/${inst}/oidc`, { token, body });
}

before(async () => {
  idp = await startIdp();
  ctx.dataDir = mkdtempSync(join(tmpdir(), 'kinerja-oidc-data-'));
  srv = await startServer({ pegawai: 30, extraArgs: ['--public-url', PUBLIC, '--data-dir', ctx.dataDir] });
  for (const r of ['admin', 'admin2', 'pegawai', 'superadmin']) T[r] = tokenFor(srv, r);
  ctx.me = (await call(srv, 'GET', '/api/v1/auth/me', { token: T.pegawai })).json;
  ctx.admin = (await call(srv, 'GET', '/api/v1/auth/me', { token: T.admin })).json;
  ctx.inst1 = ctx.admin.pengguna.instansi_id;
  ctx.kode = one(`SELECT kode FROM instansi WHERE id = ${ctx.inst1}`).kode;
  idp.nip = ctx.me.pegawai.nip;
  const r = await konfig({ issuer: idp.url, client_id: idp.clientId, client_secret: idp.secret, scope: 'profile nip', klaim_nip: 'nip' });
  assert.equal(r.status, 200, r.text);
});
after(async () => { await srv?.stop(); await idp?.stop(); });

const cookiesOf = (res) => res.headers.getSetCookie().map((c) => c.split(';')[0]);

/** Runs the browser flow: start → provider → callback.  Returns the callback answer and more. */
async function sso({ kembali, dropCookie = false, tamper } = {}) {
  const q = kembali ? `?kembali=${encodeURIComponent(kembali)}` : '';
  const start = await call(srv, 'GET', `/api/v1/auth/oidc/${encodeURIComponent(ctx.kode)}/mulai${q}`);
  assert.equal(start.status, 302, start.text);
  const authz = new URL(start.headers.get('location'));
  assert.equal(authz.origin + authz.pathname, `${idp.url}/authorize`);
  const bind = cookiesOf(start).find((c) => c.startsWith('kinerja_oidc='));
  assert.ok(bind, 'the start binds the browser with a cookie');
  const atIdp = await fetch(authz, { redirect: 'manual' });
  assert.equal(atIdp.status, 302);
  const back = new URL(atIdp.headers.get('location'));
  assert.equal(back.origin + back.pathname, `${PUBLIC}/api/v1/auth/oidc/callback`);
  if (tamper) tamper(back);
  const path = back.pathname + back.search;
  const cb = await call(srv, 'GET', path, { cookie: dropCookie ? undefined : bind });
  return { cb, authz, path, bind, code: back.searchParams.get('code'), state: back.searchParams.get('state') };
}

const lastGagal = () => one("SELECT sesudah FROM audit_log WHERE aksi = 'auth.oidc_gagal' ORDER BY id DESC LIMIT 1");
const sesiCount = () => Number(one('SELECT COUNT(*) AS n FROM sesi').n);

/** Asserts a refused callback: no session, the login page with galat, an audit record. */
async function refused(flow, galat, alasan) {
  const before = sesiCount();
  const auditBefore = Number(one("SELECT COUNT(*) AS n FROM audit_log WHERE aksi = 'auth.oidc_gagal'").n);
  const { cb, code } = await flow();
  assert.equal(cb.status, 302, cb.text);
  assert.equal(cb.headers.get('location'), `/#/masuk?galat=${galat}`);
  assert.ok(!cookiesOf(cb).some((c) => c.startsWith('kinerja_sesi=') && c.length > 'kinerja_sesi='.length), 'no session cookie');
  assert.equal(sesiCount(), before, 'no session row');
  assert.equal(Number(one("SELECT COUNT(*) AS n FROM audit_log WHERE aksi = 'auth.oidc_gagal'").n), auditBefore + 1);
  const a = JSON.parse(lastGagal().sesudah);
  assert.match(a.alasan, alasan);
  const row = JSON.stringify(lastGagal());
  if (code) assert.ok(!row.includes(code), 'the audit record never holds the code');
  assert.ok(!row.includes('eyJ'), 'the audit record never holds a token');
  return a;
}

test('happy path RS256: start → provider → callback → a session for the pegawai of the NIP', async () => {
  const { cb, authz, code } = await sso({ kembali: '/#/skp' });
  // the authorization request: code flow with PKCE S256, state, nonce, openid + configured scopes
  const p = authz.searchParams;
  assert.equal(p.get('response_type'), 'code');
  assert.equal(p.get('client_id'), idp.clientId);
  assert.equal(p.get('redirect_uri'), `${PUBLIC}/api/v1/auth/oidc/callback`);
  assert.equal(p.get('scope'), 'openid profile nip');
  assert.equal(p.get('code_challenge_method'), 'S256');
  assert.match(p.get('code_challenge'), /^[A-Za-z0-9_-]{43}$/);
  assert.match(p.get('state'), /^[A-Za-z0-9_-]{43}$/);
  assert.match(p.get('nonce'), /^[A-Za-z0-9_-]{43}$/);
  // the token request: the verifier matching the challenge (the provider checked it) and basic auth
  const tr = idp.tokenLog.at(-1);
  assert.equal(tr.method, 'client_secret_basic');
  assert.match(tr.form.code_verifier, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(cb.status, 302, cb.text);
  assert.equal(cb.headers.get('location'), '/#/skp');
  const sesi = cookiesOf(cb).find((c) => c.startsWith('kinerja_sesi='));
  assert.ok(sesi, 'session cookie set');
  assert.match(cb.headers.getSetCookie().find((c) => c.startsWith('kinerja_sesi=')), /HttpOnly; SameSite=Lax; Max-Age=\d+/);
  const me = await call(srv, 'GET', '/api/v1/auth/me', { cookie: sesi });
  assert.equal(me.status, 200, me.text);
  assert.equal(me.json.pegawai.nip, idp.nip);
  assert.equal(me.json.pengguna.id, ctx.me.pengguna.id);
  assert.match(me.json.csrf_token, /^[0-9a-f]{64}$/);
  const audit = one("SELECT pengguna_id, sesudah FROM audit_log WHERE aksi = 'auth.login' ORDER BY id DESC LIMIT 1");
  assert.equal(audit.pengguna_id, ctx.me.pengguna.id);
  assert.deepEqual(JSON.parse(audit.sesudah), { metode: 'sso' });
  // nothing secret in the server log
  assert.ok(!srv.log.includes(idp.secret) && !srv.log.includes(code), 'no secret or code in the log');
  ctx.sesi = sesi;
  ctx.csrf = me.json.csrf_token;
});

test('happy path ES256 with client_secret_post', async () => {
  idp.mode = { alg: 'ES256' };
  idp.authMethods = ['client_secret_post'];
  sql(srv, 'DELETE FROM oidc_penyedia');   // discovery read again: the methods changed
  try {
    const { cb } = await sso();
    assert.equal(cb.status, 302, cb.text);
    assert.equal(cb.headers.get('location'), '/#/');
    assert.equal(idp.tokenLog.at(-1).method, 'client_secret_post');
    const sesi = cookiesOf(cb).find((c) => c.startsWith('kinerja_sesi='));
    const me = await call(srv, 'GET', '/api/v1/auth/me', { cookie: sesi });
    assert.equal(me.status, 200);
    assert.equal(me.json.pegawai.nip, idp.nip);
  } finally {
    idp.mode = {};
    delete idp.authMethods;
    sql(srv, 'DELETE FROM oidc_penyedia');
  }
});

const now = () => Math.floor(Date.now() / 1000);
const bad = {
  'wrong signature (another key, same kid)': [{ key: 'evil' }, /id_token: tanda_tangan/],
  'expired': [{ exp: now() - 3600, iat: now() - 7200 }, /id_token: kedaluwarsa/],
  'wrong audience': [{ aud: 'aplikasi-lain' }, /id_token: aud/],
  'several audiences without azp': [{ aud: ['kinerja-uji', 'aplikasi-lain'] }, /id_token: aud/],
  'wrong issuer': [{ iss: 'https://idp.palsu.example' }, /id_token: iss/],
  'wrong nonce': [{ nonce: 'nonce-lain' }, /id_token: nonce/],
  'alg none': [{ alg: 'none' }, /id_token: alg_ditolak/],
  'HS256 signed with the client secret': [{ alg: 'HS256' }, /id_token: alg_ditolak/],
  'unknown kid': [{ kid: 'tidak-ada' }, /id_token: kunci_tidak_dikenal/],
  'issued in the future': [{ iat: now() + 3600 }, /id_token: belum_berlaku/],
};
for (const [name, [mode, alasan]] of Object.entries(bad)) {
  test(`refused: ${name}`, async () => {
    idp.mode = mode;
    try {
      await refused(() => sso(), 'sso', alasan);
    } finally { idp.mode = {}; }
  });
}

test('refused: a NIP without an account in the instansi', async () => {
  idp.mode = { nip: '199001012015011999' };
  try {
    const a = await refused(() => sso(), 'sso_tidak_terdaftar', /nip_tidak_terdaftar/);
    assert.equal(a.nip, '199001012015011999');
  } finally { idp.mode = {}; }
  // a pegawai of another instansi is not found through this instansi's provider
  const other = one(`SELECT p.nip FROM pegawai p JOIN pengguna u ON u.pegawai_id = p.id WHERE p.instansi_id <> ${ctx.inst1} LIMIT 1`);
  idp.mode = { nip: other.nip };
  try { await refused(() => sso(), 'sso_tidak_terdaftar', /nip_tidak_terdaftar/); } finally { idp.mode = {}; }
});

test('refused: a replayed state, a missing browser cookie, a cancelled login', async () => {
  const first = await sso();
  assert.equal(first.cb.status, 302);
  assert.equal(first.cb.headers.get('location'), '/#/');
  // the same callback again: the state was used
  await refused(async () => ({ cb: await call(srv, 'GET', first.path, { cookie: first.bind }), code: first.code }),
    'sso_kedaluwarsa', /state_tidak_dikenal/);
  // another browser (no binding cookie)
  await refused(() => sso({ dropCookie: true }), 'sso_kedaluwarsa', /ikatan_peramban/);
  // the user cancels at the provider
  idp.mode = { deny: true };
  try { await refused(() => sso(), 'sso_batal', /penyedia_menolak: access_denied/); } finally { idp.mode = {}; }
  // a code the provider does not know (tampered)
  await refused(() => sso({ tamper: (u) => u.searchParams.set('code', 'kode-palsu') }), 'sso', /token_endpoint: .*invalid_grant/);
  // an expired login (older than 10 minutes)
  const s = await call(srv, 'GET', `/api/v1/auth/oidc/${encodeURIComponent(ctx.kode)}/mulai`);
  const state = new URL(s.headers.get('location')).searchParams.get('state');
  sql(srv, `UPDATE oidc_login SET dibuat = dibuat - 700 WHERE state = '${state}'`);
  const bind = cookiesOf(s).find((c) => c.startsWith('kinerja_oidc='));
  await refused(async () => ({ cb: await call(srv, 'GET', `/api/v1/auth/oidc/callback?code=x&state=${state}`, { cookie: bind }) }),
    'sso_kedaluwarsa', /state_kedaluwarsa/);
  assert.equal(Number(one(`SELECT COUNT(*) AS n FROM oidc_login WHERE state = '${state}'`).n), 0, 'consumed');
});

test('start: an unknown instansi or one without SSO goes back to the login page', async () => {
  let r = await call(srv, 'GET', '/api/v1/auth/oidc/TIDAK-ADA/mulai');
  assert.equal(r.status, 302);
  assert.equal(r.headers.get('location'), '/#/masuk?galat=sso_tidak_tersedia');
  const kode2 = one(`SELECT kode FROM instansi WHERE id <> ${ctx.inst1} LIMIT 1`).kode;
  r = await call(srv, 'GET', `/api/v1/auth/oidc/${encodeURIComponent(kode2)}/mulai`);
  assert.equal(r.headers.get('location'), '/#/masuk?galat=sso_tidak_tersedia');
  // a return path that is not local is ignored
  const f = await sso({ kembali: '//evil.example/x' });
  assert.equal(f.cb.headers.get('location'), '/#/');
});

test('admin settings: the secret is write-only and encrypted at rest; validation', async () => {
  const g = await call(srv, 'GET', `/api/v1/instansi/${ctx.inst1}/oidc`, { token: T.admin });
  assert.equal(g.status, 200);
  assert.equal(g.json.issuer, idp.url);
  assert.equal(g.json.rahasia_tersimpan, true);
  assert.equal(g.json.redirect_uri, `${PUBLIC}/api/v1/auth/oidc/callback`);
  assert.ok(!g.text.includes(idp.secret));
  const stored = one(`SELECT rahasia FROM oidc_konfig WHERE instansi_id = ${ctx.inst1}`).rahasia;
  assert.ok(stored && !stored.includes(idp.secret), 'the secret is not stored in clear');
  assert.ok(!sql(srv, "SELECT sebelum, sesudah FROM audit_log WHERE aksi = 'oidc.konfig'").includes(idp.secret));
  const key = readFileSync(join(ctx.dataDir, 'oidc.kunci'));
  assert.equal(key.length, 32);
  // an instansi without settings: defaults
  const inst2 = (await call(srv, 'GET', '/api/v1/auth/me', { token: T.admin2 })).json.pengguna.instansi_id;
  const d = await call(srv, 'GET', `/api/v1/instansi/${inst2}/oidc`, { token: T.admin2 });
  assert.equal(d.status, 200);
  assert.equal(d.json.terkonfigurasi, false);
  // another instansi's admin: refused
  assert.equal((await call(srv, 'GET', `/api/v1/instansi/${ctx.inst1}/oidc`, { token: T.admin2 })).status, 403);
  // validation
  isProblem(assert, await konfig({ issuer: 'http://idp.example', client_id: 'x' }), 422, 'issuer');
  isProblem(assert, await konfig({ issuer: idp.url, client_id: 'x', aktif: false, login_lokal_nonaktif: true }), 422, 'login_lokal_nonaktif');
  isProblem(assert, await konfig({ issuer: idp.url }), 422, 'client_id');
  isProblem(assert, await konfig({ issuer: idp.url, client_id: 'x', scope: 'a  b' }), 422, 'scope');
  isProblem(assert, await konfig({ issuer: idp.url, client_id: 'x', rahasia: 'y' }), 422, 'rahasia');
  // the public list for the login page
  const l = await call(srv, 'GET', '/api/v1/auth/oidc');
  assert.equal(l.status, 200);
  assert.deepEqual(l.json.items.map((i) => i.kode), [ctx.kode]);
  assert.equal(l.json.items[0].mulai, `/api/v1/auth/oidc/${encodeURIComponent(ctx.kode)}/mulai`);
});

test('local login switched off: the instansi\'s users get 403, superadmin and other instansi still log in', async () => {
  let r = await konfig({ issuer: idp.url, client_id: idp.clientId, login_lokal_nonaktif: true });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.login_lokal_nonaktif, true);
  assert.equal(r.json.rahasia_tersimpan, true, 'an absent client_secret keeps the stored one');
  try {
    for (const u of ['pegawai', 'admin', idp.nip]) {
      const x = await call(srv, 'POST', '/api/v1/auth/login', { body: { username: u, password: PASSWORD } });
      isProblem(assert, x, 403);
      assert.match(x.json.detail, /SSO/);
      assert.equal(x.headers.getSetCookie().length, 0);
    }
    for (const u of ['superadmin', 'admin2']) {
      const x = await call(srv, 'POST', '/api/v1/auth/login', { body: { username: u, password: PASSWORD } });
      assert.equal(x.status, 200, `${u}: ${x.text}`);
    }
    // SSO still works
    const { cb } = await sso();
    assert.equal(cb.headers.get('location'), '/#/');
  } finally {
    r = await konfig({ issuer: idp.url, client_id: idp.clientId, login_lokal_nonaktif: false });
    assert.equal(r.status, 200);
  }
  const x = await call(srv, 'POST', '/api/v1/auth/login', { body: { username: 'pegawai', password: PASSWORD } });
  assert.equal(x.status, 200);
});

test('logout of an SSO session returns the provider\'s end-session URL; a password session gets 204', async () => {
  const { cb } = await sso();
  const sesi = cookiesOf(cb).find((c) => c.startsWith('kinerja_sesi='));
  const me = await call(srv, 'GET', '/api/v1/auth/me', { cookie: sesi });
  const out = await call(srv, 'POST', '/api/v1/auth/logout', { cookie: sesi, csrf: me.json.csrf_token });
  assert.equal(out.status, 200, out.text);
  const u = new URL(out.json.keluar_sso);
  assert.equal(u.origin + u.pathname, `${idp.url}/logout`);
  assert.equal(u.searchParams.get('client_id'), idp.clientId);
  assert.equal(u.searchParams.get('post_logout_redirect_uri'), `${PUBLIC}/`);
  assert.equal((await call(srv, 'GET', '/api/v1/auth/me', { cookie: sesi })).status, 401);
  const pw = await call(srv, 'POST', '/api/v1/auth/login', { body: { username: 'pegawai', password: PASSWORD } });
  const c = pw.headers.get('set-cookie').split(';')[0];
  const o2 = await call(srv, 'POST', '/api/v1/auth/logout', { cookie: c, csrf: pw.json.csrf_token });
  assert.equal(o2.status, 204);
});

test('SSO switched off: the start and a pending login are refused', async () => {
  const pending = await call(srv, 'GET', `/api/v1/auth/oidc/${encodeURIComponent(ctx.kode)}/mulai`);
  const r = await konfig({ issuer: idp.url, client_id: idp.clientId, aktif: false });
  assert.equal(r.status, 200, r.text);
  try {
    const s = await call(srv, 'GET', `/api/v1/auth/oidc/${encodeURIComponent(ctx.kode)}/mulai`);
    assert.equal(s.headers.get('location'), '/#/masuk?galat=sso_tidak_tersedia');
    const state = new URL(pending.headers.get('location')).searchParams.get('state');
    const bind = cookiesOf(pending).find((c) => c.startsWith('kinerja_oidc='));
    await refused(async () => ({ cb: await call(srv, 'GET', `/api/v1/auth/oidc/callback?code=x&state=${state}`, { cookie: bind }) }),
      'sso_tidak_tersedia', /sso_tidak_dikonfigurasi/);
    assert.deepEqual((await call(srv, 'GET', '/api/v1/auth/oidc')).json.items, []);
  } finally {
    await konfig({ issuer: idp.url, client_id: idp.clientId, aktif: true });
  }
});

test('the server stops cleanly: no sanitizer report after the SSO flows', async () => {
  const code = await srv.stop();
  assert.ok(!/AddressSanitizer|LeakSanitizer|runtime error/.test(srv.log), srv.log.slice(-3000));
  assert.equal(code, 0);
});
