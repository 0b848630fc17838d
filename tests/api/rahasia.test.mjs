// Secrets are never logged (issue 11, point 5): one server configured with a SIASN client secret
// and user token (0600 file), an SMTP password (environment), an OIDC client secret and a webhook
// secret (through the API), with every integration made to fail; plus passwords, bearer tokens
// and session cookies in use.  No secret may appear in the server's stdout or stderr (log level
// debug), in /metrics, or in any response body other than the one that hands it out once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { writeFileSync, chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, call as rawCall, tokenFor, sql, PASSWORD } from './lib.mjs';
import { startSiasn } from './siasn_standin.mjs';
import { startIdp } from './oidc_idp.mjs';

const S = {
  siasnSecret: 'siasn-RAHASIA-klien-4e1f9a',
  siasnUserToken: 'siasn-TOKEN-pengguna-77c2d0',
  smtpPassword: 'smtp-SANDI-rahasia-0b9e51',
  oidcSecret: 'oidc-RAHASIA-klien-5a3c88',
  wrongPassword: 'Sandi-SALAH-jangan-dicatat-61',
};
let srv, siasn, idp, dir, T = {}, ctx = {};
const bodies = [];   // every response body this test receives, with where it came from
const handedOut = new Set();   // responses that hand out a secret once, by design
async function call(...a) {
  const r = await rawCall(srv, ...a);
  bodies.push({ where: `${a[0]} ${a[1]} → ${r.status}`, text: r.text, headers: [...r.headers].map((h) => h.join(': ')).join('\n') });
  return r;
}
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(what, fn, ms = 20000) {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
/** An SMTP server that offers AUTH and refuses every login (535); keeps what it was sent. */
function smtpRefusing() {
  const seen = [];
  const server = net.createServer((sock) => {
    sock.on('error', () => {});
    sock.write('220 uji.local ESMTP\r\n');
    let buf = '';
    sock.on('data', (d) => {
      buf += d.toString('latin1');
      let i;
      while ((i = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        seen.push(line);
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO') sock.write('250-uji.local\r\n250 AUTH PLAIN LOGIN\r\n');
        else if (cmd === 'AUTH' || /^[A-Za-z0-9+/=]+$/.test(line)) sock.write('535 5.7.8 autentikasi gagal\r\n');
        else if (cmd === 'QUIT') { sock.write('221 bye\r\n'); sock.end(); }
        else sock.write('503 urutan salah\r\n');
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    port: server.address().port, seen, close: () => new Promise((r) => server.close(() => r())),
  })));
}
let smtp;

/** A port nothing listens on. */
const deadPort = () => new Promise((resolve) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});
function workday() {
  const d = new Date(Date.now() + 7 * 3600e3);
  while ([0, 6].includes(d.getUTCDay())) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

before(async () => {
  // SIASN expects another secret than ours: every token request fails with 401
  siasn = await startSiasn({ clientId: 'kinerja-uji', clientSecret: 'bukan-rahasia-kita', userToken: 'lain' });
  idp = await startIdp();   // its own client secret; ours is wrong, so the code exchange fails
  dir = mkdtempSync(join(tmpdir(), 'kinerja-rahasia-'));
  const file = join(dir, 'siasn.rahasia');
  writeFileSync(file, `client_secret=${S.siasnSecret}\nuser_token=${S.siasnUserToken}\n`);
  chmodSync(file, 0o600);
  smtp = await smtpRefusing();
  srv = await startServer({
    pegawai: 30,
    extraArgs: ['--siasn-secret-file', file, '--log-level', 'debug', '--public-url', 'http://kinerja.test', '--data-dir', join(dir, 'data')],
    env: {
      KINERJA_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, KINERJA_SMTP_USER: 'kinerja', KINERJA_SMTP_PASSWORD: S.smtpPassword,
      KINERJA_SMTP_INTERVAL: '1', KINERJA_WEBHOOK_INTERVAL: '1', KINERJA_WEBHOOK_BACKOFF_TEST: '1',
      KINERJA_SIASN_JEDA_MS: '5', KINERJA_SIASN_BATAS_WAKTU: '2',
    },
  });
  for (const r of ['admin', 'superadmin', 'pegawai']) T[r] = tokenFor(srv, r);
  S.bearerAdmin = T.admin;
  S.bearerPegawai = T.pegawai;
  ctx.me = (await call('GET', '/api/v1/auth/me', { token: T.pegawai })).json.pegawai;
  ctx.inst = (await call('GET', '/api/v1/auth/me', { token: T.admin })).json.pengguna.instansi_id;
  ctx.kode = one(`SELECT kode FROM instansi WHERE id = ${ctx.inst}`).kode;
});
after(async () => {
  await srv?.stop();
  await siasn?.stop();
  await idp?.stop();
  await smtp?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('passwords, session cookies and CSRF tokens: sign in, fail, sign out', async () => {
  let r = await call('POST', '/api/v1/auth/login', { body: { username: 'admin', password: S.wrongPassword } });
  assert.equal(r.status, 401);
  r = await call('POST', '/api/v1/auth/login', { body: { username: S.wrongPassword, password: S.wrongPassword } });
  assert.equal(r.status, 401);
  r = await call('POST', '/api/v1/auth/login', { body: { username: 'pegawai', password: PASSWORD } });
  assert.equal(r.status, 200, r.text);
  S.session = r.headers.get('set-cookie').split(';')[0].split('=')[1];
  S.csrf = r.json.csrf_token;
  handedOut.add(bodies.length - 1);
  const cookie = `kinerja_sesi=${S.session}`;
  const cookieName = r.headers.get('set-cookie').split('=')[0];
  r = await call('GET', '/api/v1/auth/me', { cookie: `${cookieName}=${S.session}` });
  assert.equal(r.status, 200);
  // a write without the CSRF token, then with a wrong one, then a good one
  r = await call('POST', '/api/v1/auth/logout', { cookie: `${cookieName}=${S.session}`, csrf: 'salah' });
  assert.equal(r.status, 403);
  r = await call('POST', '/api/v1/auth/logout', { cookie: `${cookieName}=${S.session}`, csrf: S.csrf });
  assert.ok(r.status === 200 || r.status === 204, r.text);
  r = await call('GET', '/api/v1/auth/me', { cookie: `${cookieName}=${S.session}` });
  assert.equal(r.status, 401);
  void cookie;
  // bearer tokens: a good one, a revoked-looking one, a malformed one
  assert.equal((await call('GET', '/api/v1/pegawai?limit=2', { token: T.admin })).status, 200);
  assert.equal((await call('GET', '/api/v1/pegawai', { token: T.admin.slice(0, -4) + 'abcd' })).status, 401);
});

test('SIASN: the secret file is read, the token request fails, the failure is reported', async () => {
  let r = await call('PUT', '/api/v1/siasn/konfig', { token: T.superadmin,
    body: { instansi_id: ctx.inst, base_url: `${siasn.url}/api/`, token_url: `${siasn.url}/oauth/token`, client_id: 'kinerja-uji' } });
  assert.equal(r.status, 200, r.text);
  r = await call('GET', '/api/v1/siasn/konfig', { token: T.admin });
  assert.equal(r.json.rahasia_tersedia, true, r.text);
  r = await call('POST', '/api/v1/siasn/tarikan', { token: T.admin, body: { nip: [ctx.me.nip] } });
  assert.ok(r.status >= 400 || r.json, r.text);
  // the stand-in did receive our secret (so it was really used) ...
  await until('a token request', () => siasn.requests.some((q) => q.path.includes('oauth/token')));
  await call('GET', '/api/v1/siasn/log?limit=50', { token: T.admin });
  await call('GET', '/api/v1/siasn/tarikan', { token: T.admin });
  await call('POST', '/api/v1/siasn/kirim', { token: T.admin, body: {} });
});

test('OIDC: the client secret is write-only and a failed code exchange does not echo it', async () => {
  let r = await call('PUT', `/api/v1/instansi/${ctx.inst}/oidc`, { token: T.admin,
    body: { issuer: idp.url, client_id: idp.clientId, client_secret: S.oidcSecret, scope: 'profile nip', klaim_nip: 'nip' } });
  assert.equal(r.status, 200, r.text);
  r = await call('GET', `/api/v1/instansi/${ctx.inst}/oidc`, { token: T.admin });
  assert.equal(r.json.rahasia_tersimpan, true);
  idp.nip = ctx.me.nip;
  const start = await call('GET', `/api/v1/auth/oidc/${encodeURIComponent(ctx.kode)}/mulai`);
  assert.equal(start.status, 302, start.text);
  const bind = start.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('kinerja_oidc='));
  const atIdp = await fetch(new URL(start.headers.get('location')), { redirect: 'manual' });
  const back = new URL(atIdp.headers.get('location'));
  const cb = await call('GET', back.pathname + back.search, { cookie: bind });
  assert.equal(cb.status, 302);
  assert.match(cb.headers.get('location'), /sso|gagal|galat/i);
  assert.ok(idp.tokenLog.length >= 1, 'the provider saw the token request (with our secret)');
  const gagal = one("SELECT sesudah FROM audit_log WHERE aksi = 'auth.oidc_gagal' ORDER BY id DESC LIMIT 1");
  assert.ok(gagal, 'the failure is audited');
  assert.ok(!JSON.stringify(gagal).includes(S.oidcSecret), 'not in the audit record');
});

test('SMTP: the password from the environment is used, the send fails, the outbox shows the error', async () => {
  let r = await call('PATCH', `/api/v1/pegawai/${ctx.me.id}`, { token: T.admin, body: { email: 'uji.rahasia@contoh.go.id' } });
  assert.equal(r.status, 200, r.text);
  const p = (await call('GET', `/api/v1/pegawai/${ctx.me.id}`, { token: T.admin })).json;
  const kasi = tokenFor(srv, p.atasan.nip);
  const wd = workday();
  sql(srv, `DELETE FROM aktivitas WHERE pegawai_id = ${ctx.me.id} AND tanggal = '${wd}'`);
  const a = await call('POST', '/api/v1/aktivitas', { token: T.pegawai, body: { tanggal: wd, menit: 30, uraian: 'Uji rahasia' } });
  assert.equal(a.status, 201, a.text);
  r = await call('POST', `/api/v1/aktivitas/${a.json.id}/kembalikan`, { token: kasi, body: { catatan: 'Lengkapi' } });
  assert.equal(r.status, 200, r.text);
  const row = await until('a failed send', () => one(`SELECT * FROM surel_keluar WHERE pegawai_id = ${ctx.me.id} AND galat IS NOT NULL`));
  assert.ok(!JSON.stringify(row).includes(S.smtpPassword), 'not in the outbox row');
  assert.ok(smtp.seen.some((l) => /^AUTH/i.test(l)), 'the server tried to log in with the password: ' + smtp.seen.join(' | '));
  await call('GET', '/api/v1/surel', { token: T.admin });
  await call('GET', '/api/v1/surel?status=antri', { token: T.admin });
});

test('webhook: the secret is handed out once; failing deliveries never carry it into logs or lists', async () => {
  const down = await deadPort();
  let r = await call('POST', '/api/v1/webhook', { token: T.admin, body: { url: `http://127.0.0.1:${down}/hook`, peristiwa: ['skp.disetujui'] } });
  assert.equal(r.status, 201, r.text);
  S.webhook = r.json.rahasia;
  handedOut.add(bodies.length - 1);
  const id = r.json.id;
  r = await call('POST', `/api/v1/webhook/${id}/uji`, { token: T.admin });
  assert.equal(r.status, 202, r.text);
  await until('a failed delivery', async () => {
    const d = (await call('GET', `/api/v1/webhook/${id}/pengiriman`, { token: T.admin })).json.items;
    return d.find((x) => x.percobaan >= 1 || x.galat);
  });
  await call('GET', '/api/v1/webhook', { token: T.admin });
  r = await call('PATCH', `/api/v1/webhook/${id}`, { token: T.admin, body: { ganti_rahasia: true } });
  assert.equal(r.status, 200, r.text);
  S.webhook2 = r.json.rahasia;
  handedOut.add(bodies.length - 1);
  await call('POST', `/api/v1/webhook/${id}/uji`, { token: T.admin });
  await sleep(1500);
});

test('no secret in the server output, /metrics or any other response', async () => {
  // error answers with secrets in the request: they must not be echoed back
  await call('GET', `/api/v1/pegawai?q=${S.smtpPassword}&sort=${S.oidcSecret}`, { token: T.admin });
  await call('POST', '/api/v1/aktivitas', { token: T.pegawai, body: { tanggal: S.siasnSecret, menit: 'x', uraian: 1 } });
  // (the access log records the path without the query string, so the query above stays out of it)
  const metrics = await call('GET', '/metrics');
  assert.equal(metrics.status, 200);
  await sleep(200);
  const secrets = Object.entries(S).filter(([, v]) => typeof v === 'string' && v.length >= 16);
  // as they travel on the wire: SMTP AUTH PLAIN and HTTP Basic carry them in base64
  const b64 = (x) => Buffer.from(x).toString('base64');
  secrets.push(['smtpAuthPlain', b64(`\0kinerja\0${S.smtpPassword}`)], ['smtpPasswordB64', b64(S.smtpPassword)],
    ['oidcBasic', b64(`${idp.clientId}:${S.oidcSecret}`)], ['siasnBasic', b64(`kinerja-uji:${S.siasnSecret}`)]);
  assert.ok(secrets.length >= 13, 'every kind of secret was collected: ' + secrets.map(([k]) => k).join(', '));
  // the echo tests above legitimately carry some of them in the request; the answers must not
  const echoed = new Set([S.smtpPassword, S.oidcSecret, S.siasnSecret]);
  for (const [name, value] of secrets) {
    assert.ok(!srv.log.includes(value), `${name} appears in the server's stderr`);
    assert.ok(!srv.stdout.includes(value), `${name} appears in the server's stdout`);
    assert.ok(!metrics.text.includes(value), `${name} appears in /metrics`);
    bodies.forEach((b, i) => {
      if (handedOut.has(i)) return;
      if (name === 'csrf' && b.where.startsWith('GET /api/v1/auth/me')) return;   // given to its own session
      assert.ok(!b.text.includes(value), `${name} appears in the answer to ${b.where}${echoed.has(value) ? ' (echoed)' : ''}`);
      if (name !== 'session') assert.ok(!b.headers.includes(value), `${name} appears in a header of ${b.where}`);
    });
  }
  // the log did record the failures (so the test looked at a log that saw them)
  assert.match(srv.log, /siasn|SIASN/);
  assert.match(srv.log, /surel|smtp|SMTP/i);
  assert.match(srv.log, /webhook/i);
  assert.ok(srv.log.split('\n').length > 30, 'a debug log with the requests');
});
