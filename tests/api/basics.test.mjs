// Server basics: health, metrics, static files, routing errors, limits, access log, shutdown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, tokenFor, isProblem, count } from './lib.mjs';
import net from 'node:net';

let srv, admin;
before(async () => { srv = await startServer({ pegawai: 30 }); admin = tokenFor(srv, 'admin'); });
after(async () => { await srv?.stop(); });

test('GET /healthz answers 200 JSON with a request id', async () => {
  const r = await call(srv, 'GET', '/healthz');
  assert.equal(r.status, 200);
  assert.deepEqual(r.json, { status: 'ok' });
  assert.match(r.headers.get('x-request-id'), /^[0-9a-f]{32}$/);
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
});

test('a sane X-Request-Id from the client is echoed, a bad one replaced', async () => {
  let r = await call(srv, 'GET', '/healthz', { headers: { 'x-request-id': 'uji-permintaan-123' } });
  assert.equal(r.headers.get('x-request-id'), 'uji-permintaan-123');
  r = await call(srv, 'GET', '/healthz', { headers: { 'x-request-id': 'bad id"<x>' } });
  assert.notEqual(r.headers.get('x-request-id'), 'bad id"<x>');
});

test('GET /metrics is Prometheus text with per-route counters and histogram', async () => {
  await call(srv, 'GET', '/api/v1/pegawai?limit=5', { token: admin });
  // a request is counted when libmicrohttpd reports it completed, which may be just after the
  // client has its answer: read again for up to 10 s (a loaded machine)
  let r;
  for (const batas = Date.now() + 10000; ;) {
    r = await call(srv, 'GET', '/metrics');
    if (r.text.includes('route="GET /api/v1/pegawai",code="2xx"') || Date.now() > batas) break;
    await new Promise((res) => setTimeout(res, 50));
  }
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /text\/plain; version=0.0.4/);
  assert.match(r.text, /kinerja_http_requests_total\{route="GET \/api\/v1\/pegawai",code="2xx"\} \d+/);
  assert.match(r.text, /kinerja_http_request_duration_seconds_bucket\{route="GET \/api\/v1\/pegawai",le="\+Inf"\} \d+/);
  assert.match(r.text, /kinerja_db_connections_open [1-9]/);
  assert.match(r.text, /kinerja_http_connections_open \d+/);
});

test('unknown API route is 404 problem+json, wrong method is 405 with Allow', async () => {
  let r = await call(srv, 'GET', '/api/v1/tidak-ada', { token: admin });
  isProblem(assert, r, 404);
  r = await call(srv, 'DELETE', '/api/v1/pegawai', { token: admin });
  isProblem(assert, r, 405);
  assert.equal(r.headers.get('allow'), 'GET, POST');
  r = await call(srv, 'PUT', '/api/v1/pegawai/1', { token: admin, body: {} });
  isProblem(assert, r, 405);
});

test('malformed JSON is 400, non-object JSON is 400, empty body is 400', async () => {
  const before = count(srv, 'unit_kerja');
  let r = await call(srv, 'POST', '/api/v1/unit-kerja', { token: admin, raw: '{"nama": "Bagian X",' });
  isProblem(assert, r, 400);
  assert.match(r.json.detail, /JSON tidak valid/);
  r = await call(srv, 'POST', '/api/v1/unit-kerja', { token: admin, raw: '[1,2]' });
  isProblem(assert, r, 400);
  r = await call(srv, 'POST', '/api/v1/unit-kerja', { token: admin, raw: '' });
  isProblem(assert, r, 400);
  r = await call(srv, 'POST', '/api/v1/unit-kerja', { token: admin, raw: '{"nama":"a","nama":"b"}' });
  isProblem(assert, r, 400);
  assert.equal(count(srv, 'unit_kerja'), before);
});

test('wrong content type is 415', async () => {
  const r = await call(srv, 'POST', '/api/v1/unit-kerja', { token: admin, raw: 'nama=x', type: 'application/x-www-form-urlencoded' });
  isProblem(assert, r, 415);
});

test('oversize body is 413 and nothing is stored', async () => {
  const before = count(srv, 'unit_kerja');
  const big = JSON.stringify({ nama: 'x'.repeat(70 * 1024) });
  const r = await call(srv, 'POST', '/api/v1/unit-kerja', { token: admin, raw: big });
  isProblem(assert, r, 413);
  assert.equal(count(srv, 'unit_kerja'), before);
});

test('validation errors are 422 with field and Indonesian message', async () => {
  const r = await call(srv, 'POST', '/api/v1/unit-kerja', { token: admin, body: { nama: '', warna: 'merah' } });
  isProblem(assert, r, 422, 'nama');
  assert.ok(r.json.errors.some((e) => e.field === 'warna' && /tidak dikenal/.test(e.message)));
  assert.match(r.json.errors.find((e) => e.field === 'nama').message, /wajib diisi/);
});

test('static files: index, content type, ETag revalidation, no path traversal', async () => {
  let r = await call(srv, 'GET', '/');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /text\/html/);
  const etag = r.headers.get('etag');
  assert.ok(etag);
  r = await call(srv, 'GET', '/', { headers: { 'if-none-match': etag } });
  assert.equal(r.status, 304);
  r = await call(srv, 'GET', '/../Makefile');
  assert.notEqual(r.status, 200);
  r = await call(srv, 'GET', '/tidak-ada.js');
  assert.equal(r.status, 404);
});

test('precompressed .gz is served when the client accepts gzip', async () => {
  const r = await fetch(srv.url + '/app.css', { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-encoding'), 'gzip');
  assert.match(r.headers.get('content-type'), /text\/css/);
  const plain = await fetch(srv.url + '/app.css', { headers: { 'accept-encoding': 'identity' } });
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.match(await plain.text(), /body/);
});

test('keep-alive: several requests on one connection', async () => {
  const replies = await new Promise((resolve, reject) => {
    const u = new URL(srv.url);
    const s = net.connect(Number(u.port), u.hostname);
    let data = '';
    s.on('data', (d) => { data += d; if ((data.match(/HTTP\/1\.1 200/g) || []).length === 3) { s.end(); resolve(data); } });
    s.on('error', reject);
    const req = 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n';
    s.write(req + req + req);
    setTimeout(() => reject(new Error('timeout: ' + data)), 5000);
  });
  assert.equal((replies.match(/HTTP\/1\.1 200/g) || []).length, 3);
  assert.doesNotMatch(replies, /Connection: close/i);
});

test('access log: one JSON line per request, never secrets', async () => {
  await call(srv, 'POST', '/api/v1/auth/login', { body: { username: 'admin', password: 'RahasiaSekali99' } });
  await call(srv, 'GET', '/api/v1/pegawai?limit=1', { token: admin });
  // a request's line is written when it has been answered, and reaches us through a pipe: poll
  const ada = (p) => srv.log.includes(`"path":"${p}"`);
  for (const batas = Date.now() + 10000; !(ada('/api/v1/auth/login') && ada('/api/v1/pegawai')) && Date.now() < batas;)
    await new Promise((r) => setTimeout(r, 50));
  const lines = srv.log.split('\n').filter((l) => l.startsWith('{'));
  assert.ok(lines.length >= 2);
  const entries = lines.map((l) => JSON.parse(l));
  const login = entries.find((e) => e.path === '/api/v1/auth/login');
  assert.equal(login.method, 'POST');
  assert.equal(login.status, 401);
  assert.equal(typeof login.ms, 'number');
  assert.ok(login.rid);
  const list = entries.find((e) => e.path === '/api/v1/pegawai');
  assert.ok(list.uid > 0, 'user id is logged');
  assert.ok(!srv.log.includes('RahasiaSekali99'), 'password never logged');
  assert.ok(!srv.log.includes(admin), 'token never logged');
});

test('graceful shutdown: SIGTERM finishes and closes the database', async () => {
  const other = await startServer({ pegawai: 10 });
  const code = await other.stop();
  assert.equal(code, 0);
  assert.match(other.log, /basis data ditutup/);
});
