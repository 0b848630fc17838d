// Webhooks for e-Office/HRIS (issue 10 item 3): an admin registers a URL and events; approving
// an SKP, finalising a penilaian or approving a TPP month queues a delivery in the same
// transaction; a background sender POSTs it signed (HMAC-SHA256 over "<timestamp>.<body>"),
// retries with backoff and logs every attempt; the user's request never waits on a receiver.
// A node receiver on 127.0.0.1 stands in for e-Office.  The server runs with
// KINERJA_WEBHOOK_INTERVAL=1 and KINERJA_WEBHOOK_BACKOFF_TEST=1 (retries after 1 s, 5 s, ...).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startServer, call, tokenFor, isProblem, count, sql, BIN } from './lib.mjs';

// asynchronous: the receiver lives in this process and must answer while the command runs
const kinerjaAsync = async (args) => (await promisify(execFile)(BIN, args, { encoding: 'utf8' })).stdout;

let srv, rx, T = {}, ctx = {};
const servers = [];
const YEAR = Number(new Date().toISOString().slice(0, 4));
const one = (s, q) => JSON.parse(sql(s, q) || '[]')[0];
const get = async (tok, path) => (await call(srv, 'GET', path, { token: tok })).json;

/** A receiver: every request is kept ({path, headers, raw}); `jawab[path]` is a list of
 *  statuses answered in turn (the last one repeats; default 200); /gantung never answers. */
function receiver() {
  const got = [], jawab = {}, hanging = new Set();
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      got.push({ path: req.url, method: req.method, headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
      if (req.url === '/gantung') { hanging.add(res); return; }
      const list = jawab[req.url] || [200];
      const status = list.length > 1 ? list.shift() : list[0];
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status < 300 ? 'ok' : 'rusak sementara\n');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    port: server.address().port, got, jawab,
    url: (p) => `http://127.0.0.1:${server.address().port}${p}`,
    close: () => new Promise((r) => { for (const h of hanging) h.destroy(); server.closeAllConnections(); server.close(() => r()); }),
  })));
}

/** A port nothing listens on. */
async function freePort() {
  const s = net.createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

async function until(what, fn, ms = 20000) {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What a receiver does: recompute the signature over the raw body with the shared secret. */
function verify(secret, req) {
  const ts = req.headers['x-kinerja-timestamp'];
  const sig = req.headers['x-kinerja-signature'] || '';
  const want = 'sha256=' + createHmac('sha256', secret).update(`${ts}.${req.raw}`).digest('hex');
  return sig.length === want.length && timingSafeEqual(Buffer.from(sig), Buffer.from(want))
    && Math.abs(Date.now() / 1000 - Number(ts)) < 300;
}

const register = async (body, token = T.admin) => call(srv, 'POST', '/api/v1/webhook', { token, body });
const deliveries = async (id, q = '') => (await call(srv, 'GET', `/api/v1/webhook/${id}/pengiriman${q}`, { token: T.admin })).json.items;

before(async () => {
  rx = await receiver();
  srv = await startServer({ pegawai: 40, env: { KINERJA_WEBHOOK_INTERVAL: '1', KINERJA_WEBHOOK_BACKOFF_TEST: '1' } });
  servers.push(srv);
  for (const r of ['admin', 'admin2', 'superadmin', 'pegawai', 'atasan', 'pimpinan']) T[r] = tokenFor(srv, r);
  ctx.pegawai = (await get(T.pegawai, '/api/v1/auth/me')).pegawai;
  ctx.inst = (await get(T.admin, '/api/v1/auth/me')).pengguna.instansi_id;
  const p = await get(T.admin, `/api/v1/pegawai/${ctx.pegawai.id}`);
  T.kasi = tokenFor(srv, p.atasan.nip);
});
after(async () => {
  for (const s of servers) await s.stop();
  await rx?.close();
});

test('bad URL, unknown event, unknown field → 422 with Indonesian field errors; only admins; nothing stored', async () => {
  const n0 = [count(srv, 'webhook'), count(srv, 'audit_log')];
  const ok = { url: rx.url('/ok'), peristiwa: ['skp.disetujui'] };
  isProblem(assert, await register({ ...ok, url: 'ftp://eoffice.contoh.go.id/hook' }), 422, 'url');
  isProblem(assert, await register({ ...ok, url: 'eoffice.contoh.go.id/hook' }), 422, 'url');
  let r = await register({ ...ok, url: 'http://eoffice.contoh.go.id/hook' });
  isProblem(assert, r, 422, 'url');
  assert.match(r.json.errors.find((e) => e.field === 'url').message, /https:\/\//);
  isProblem(assert, await register({ ...ok, url: 'https://rahasia:sandi@eoffice.contoh.go.id/hook' }), 422, 'url');
  isProblem(assert, await register({ ...ok, url: 'https://' }), 422, 'url');
  r = await register({ ...ok, peristiwa: ['skp.disetujui', 'skp.dihapus'] });
  isProblem(assert, r, 422, 'peristiwa');
  assert.match(r.json.errors.find((e) => e.field === 'peristiwa').message, /tidak dikenal: skp\.dihapus/);
  isProblem(assert, await register({ ...ok, peristiwa: [] }), 422, 'peristiwa');
  isProblem(assert, await register({ ...ok, peristiwa: ['skp.disetujui', 'skp.disetujui'] }), 422, 'peristiwa');
  isProblem(assert, await register({ url: ok.url }), 422, 'peristiwa');
  isProblem(assert, await register({ ...ok, rahasia: 'pilihan-saya' }), 422, 'rahasia');
  isProblem(assert, await register({ ...ok, keterangan: 'x'.repeat(201) }), 422, 'keterangan');
  for (const role of ['pegawai', 'atasan', 'pimpinan']) isProblem(assert, await register(ok, T[role]), 403);
  isProblem(assert, await register(ok, T.superadmin), 422, 'instansi_id');
  assert.deepEqual([count(srv, 'webhook'), count(srv, 'audit_log')], n0);
});

test('register, approve an SKP: the receiver gets the event with a signature it verifies', async () => {
  let r = await register({ url: rx.url('/ok'), peristiwa: ['skp.disetujui'], keterangan: 'e-Office uji' });
  assert.equal(r.status, 201, r.text);
  const secret = r.json.rahasia;
  assert.match(secret, /^whk_[0-9a-f]{64}$/);
  assert.deepEqual(r.json.peristiwa, ['skp.disetujui']);
  assert.equal(r.json.aktif, true);
  ctx.wOk = r.json.id;
  ctx.secretOk = secret;
  // the secret is shown once: not in the list, not in the audit trail, not in the log
  const list = (await call(srv, 'GET', '/api/v1/webhook', { token: T.admin })).json;
  const w = list.items.find((x) => x.id === ctx.wOk);
  assert.equal(w.keterangan, 'e-Office uji');
  assert.ok(!('rahasia' in w));
  assert.equal(count(srv, 'audit_log', `WHERE aksi = 'webhook.buat' AND entitas_id = ${ctx.wOk}`), 1);
  assert.equal(count(srv, 'audit_log', `WHERE sesudah LIKE '%${secret}%' OR sebelum LIKE '%${secret}%'`), 0);

  // the atasan approves an SKP waiting in their queue
  const queue = await get(T.atasan, '/api/v1/skp?penilai=saya&status=diajukan');
  const skp = queue.items[0];
  const t0 = Date.now();
  r = await call(srv, 'POST', `/api/v1/skp/${skp.id}/setujui`, { token: T.atasan });
  assert.equal(r.status, 200, r.text);
  assert.ok(Date.now() - t0 < 2000);
  // queued in the approval's transaction
  const row = one(srv, `SELECT * FROM webhook_pengiriman WHERE webhook_id = ${ctx.wOk}`);
  assert.equal(row.peristiwa, 'skp.disetujui');
  const got = await until('the delivery', () => rx.got.find((g) => g.headers['x-kinerja-event'] === 'skp.disetujui'));
  assert.equal(got.method, 'POST');
  assert.equal(got.path, '/ok');
  assert.match(got.headers['content-type'], /^application\/json/);
  assert.equal(got.headers['x-kinerja-delivery'], String(row.id));
  assert.match(got.headers['x-kinerja-signature'], /^sha256=[0-9a-f]{64}$/);
  assert.ok(verify(secret, got), 'the receiver verifies the signature with the secret');
  assert.ok(!verify('whk_salah', got), 'another secret does not verify');
  assert.ok(!verify(secret, { ...got, raw: got.raw.replace('"skp_id"', '"skp_id" ') }), 'a changed body does not verify');
  const body = JSON.parse(got.raw);
  assert.equal(body.peristiwa, 'skp.disetujui');
  assert.equal(body.versi, 1);
  assert.equal(body.instansi_id, ctx.inst);
  assert.equal(body.data.skp_id, skp.id);
  assert.equal(body.data.pegawai.nip, skp.pegawai.nip);
  assert.ok(body.data.penilai.nip && body.data.tahun && body.data.disetujui);
  assert.deepEqual(Object.keys(body.data.pegawai).sort(), ['id', 'nama', 'nip'], 'NIP and name only');
  // logged as delivered
  const d = await until('terkirim', async () => (await deliveries(ctx.wOk)).find((x) => x.id === row.id && x.status === 'terkirim'));
  assert.equal(d.http_status, 200);
  assert.equal(d.percobaan, 1);
  assert.equal(d.galat, null);
  assert.ok(d.dikirim >= d.dibuat);
  assert.equal(d.isi.data.skp_id, skp.id);
  assert.ok(!srv.log.includes(secret), 'the secret is never logged');
});

test('a receiver answering 500 first then 200: retried with backoff and delivered, attempts counted', async () => {
  rx.jawab['/flaky'] = [500, 200];
  let r = await register({ url: rx.url('/flaky'), peristiwa: ['penilaian.final'] });
  assert.equal(r.status, 201, r.text);
  ctx.wFlaky = r.json.id;
  const secret = r.json.rahasia;
  // the penilai (Kasi) finalises a penilaian of the pegawai's SKP
  const items = (await get(T.pegawai, `/api/v1/skp?pegawai_id=${ctx.pegawai.id}&tahun=${YEAR}`)).items;
  const skp = items[items.length - 1].id;
  r = await call(srv, 'POST', `/api/v1/skp/${skp}/penilaian`, { token: T.kasi, body: { jenis: 'tahunan' } });
  assert.ok([200, 201].includes(r.status), r.text);
  const pen = r.json.id;
  r = await call(srv, 'PATCH', `/api/v1/penilaian/${pen}`, { token: T.kasi, body: { rating_hasil: 'sesuai', rating_perilaku: 'sesuai' } });
  assert.equal(r.status, 200, r.text);
  r = await call(srv, 'POST', `/api/v1/penilaian/${pen}/final`, { token: T.kasi });
  assert.equal(r.status, 200, r.text);
  // the first answer (500) is logged with its status and the receiver's text, then retried
  const failed = await until('the failed attempt', async () => (await deliveries(ctx.wFlaky)).find((x) => x.percobaan >= 1));
  if (failed.status === 'antri') {
    assert.equal(failed.http_status, 500);
    assert.match(failed.galat, /HTTP 500: rusak sementara/);
    assert.ok(failed.coba_lagi > failed.dibuat - 1);
  }
  const d = await until('delivered on retry', async () => (await deliveries(ctx.wFlaky, '?status=terkirim'))[0]);
  assert.equal(d.percobaan, 2);
  assert.equal(d.http_status, 200);
  assert.equal(d.peristiwa, 'penilaian.final');
  assert.match(srv.log, new RegExp(`webhook ${ctx.wFlaky} pengiriman ${d.id} \\(percobaan 1\\): Penerima menjawab HTTP 500: rusak sementara`));
  const tries = rx.got.filter((g) => g.path === '/flaky');
  assert.equal(tries.length, 2);
  assert.equal(tries[0].headers['x-kinerja-delivery'], tries[1].headers['x-kinerja-delivery'], 'same delivery id on retry');
  assert.ok(tries.every((g) => verify(secret, g)));
  const body = JSON.parse(tries[1].raw);
  assert.equal(body.data.penilaian_id, pen);
  assert.equal(body.data.pegawai.id, ctx.pegawai.id);
  assert.ok(body.data.predikat && body.data.hash);
  // the SKP webhook does not listen to penilaian.final
  assert.equal(count(srv, 'webhook_pengiriman', `WHERE webhook_id = ${ctx.wOk} AND peristiwa = 'penilaian.final'`), 0);
});

test('receiver down: the TPP approval answers at once; the delivery stays antri with the error, then gagal; ulang requeues', async () => {
  const port = await freePort();
  let r = await register({ url: `http://127.0.0.1:${port}/mati`, peristiwa: ['tpp.bulan_disetujui'] });
  assert.equal(r.status, 201, r.text);
  ctx.wDown = r.json.id;
  const bulan = one(srv, `SELECT id FROM tpp_bulan WHERE instansi_id = ${ctx.inst} AND status = 'draft' LIMIT 1`).id;
  const t0 = Date.now();
  r = await call(srv, 'POST', `/api/v1/tpp/bulan/${bulan}/setujui`, { token: T.admin, body: {} });
  const ms = Date.now() - t0;
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'disetujui');
  assert.ok(ms < 1500, `the approval took ${ms} ms`);
  const d = await until('a failed attempt', async () => (await deliveries(ctx.wDown)).find((x) => x.percobaan >= 1));
  assert.equal(d.status, 'antri');
  assert.equal(d.http_status, null);
  assert.match(d.galat, /tidak dapat dihubungi/);
  assert.ok(d.coba_lagi > Math.floor(Date.now() / 1000) - 2);
  assert.equal(d.isi.data.tpp_bulan_id, bulan);
  assert.equal(d.isi.peristiwa, 'tpp.bulan_disetujui');
  // the attempts run out: gagal (the fifth failure is the last before giving up)
  sql(srv, `UPDATE webhook_pengiriman SET percobaan = 5, coba_lagi = 0 WHERE id = ${d.id} AND status = 'antri'`);
  const g = await until('gagal', async () => (await deliveries(ctx.wDown, '?status=gagal'))[0]);
  assert.equal(g.id, d.id);
  assert.equal(g.percobaan, 6);
  // the admin points the webhook at a live receiver and sends it again
  r = await call(srv, 'PATCH', `/api/v1/webhook/${ctx.wDown}`, { token: T.admin, body: { url: rx.url('/pulih') } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.url, rx.url('/pulih'));
  r = await call(srv, 'POST', `/api/v1/webhook/pengiriman/${d.id}/ulang`, { token: T.admin });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'antri');
  assert.equal(count(srv, 'audit_log', `WHERE aksi = 'webhook.ulang' AND entitas_id = ${d.id}`), 1);
  await until('delivered after ulang', async () => (await deliveries(ctx.wDown, '?status=terkirim'))[0]);
  assert.ok(rx.got.some((g2) => g2.path === '/pulih' && g2.headers['x-kinerja-delivery'] === String(d.id)));
  isProblem(assert, await call(srv, 'POST', '/api/v1/webhook/pengiriman/999999/ulang', { token: T.admin }), 404);
});

test('ping, pause, rotate the secret, delete', async () => {
  let r = await call(srv, 'POST', `/api/v1/webhook/${ctx.wOk}/uji`, { token: T.admin });
  assert.equal(r.status, 202, r.text);
  assert.equal(r.json.peristiwa, 'ping');
  const ping = r.json.id;
  const got = await until('the ping', () => rx.got.find((g) => g.headers['x-kinerja-delivery'] === String(ping)));
  assert.equal(got.headers['x-kinerja-event'], 'ping');
  assert.ok(verify(ctx.secretOk, got));
  // rotation: a new secret, shown once, signs from now on
  r = await call(srv, 'PATCH', `/api/v1/webhook/${ctx.wOk}`, { token: T.admin, body: { ganti_rahasia: true, aktif: false } });
  assert.equal(r.status, 200, r.text);
  assert.match(r.json.rahasia, /^whk_[0-9a-f]{64}$/);
  assert.notEqual(r.json.rahasia, ctx.secretOk);
  assert.equal(r.json.aktif, false);
  const secret2 = r.json.rahasia;
  const audit = one(srv, `SELECT sesudah FROM audit_log WHERE aksi = 'webhook.ubah' AND entitas_id = ${ctx.wOk} ORDER BY id DESC LIMIT 1`);
  assert.match(audit.sesudah, /rahasia_diganti/);
  assert.ok(!audit.sesudah.includes(secret2));
  // paused: an event queues nothing; a ping waits
  const queue = await get(T.atasan, '/api/v1/skp?penilai=saya&status=diajukan');
  const n0 = count(srv, 'webhook_pengiriman', `WHERE webhook_id = ${ctx.wOk}`);
  if (queue.items.length) {
    assert.equal((await call(srv, 'POST', `/api/v1/skp/${queue.items[0].id}/setujui`, { token: T.atasan })).status, 200);
    assert.equal(count(srv, 'webhook_pengiriman', `WHERE webhook_id = ${ctx.wOk}`), n0);
  }
  r = await call(srv, 'POST', `/api/v1/webhook/${ctx.wOk}/uji`, { token: T.admin });
  const ping2 = r.json.id;
  await new Promise((res) => setTimeout(res, 1500));
  assert.equal((await deliveries(ctx.wOk)).find((x) => x.id === ping2).status, 'antri');
  r = await call(srv, 'PATCH', `/api/v1/webhook/${ctx.wOk}`, { token: T.admin, body: { aktif: true } });
  assert.equal(r.status, 200, r.text);
  assert.ok(!('rahasia' in r.json));
  const got2 = await until('the ping after resume', () => rx.got.find((g) => g.headers['x-kinerja-delivery'] === String(ping2)));
  assert.ok(verify(secret2, got2) && !verify(ctx.secretOk, got2));
  // delete: gone from the list, the secret emptied, pending deliveries marked gagal
  r = await call(srv, 'PATCH', `/api/v1/webhook/${ctx.wOk}`, { token: T.admin, body: { aktif: false } });
  const ping3 = (await call(srv, 'POST', `/api/v1/webhook/${ctx.wOk}/uji`, { token: T.admin })).json.id;
  r = await call(srv, 'DELETE', `/api/v1/webhook/${ctx.wOk}`, { token: T.admin });
  assert.equal(r.status, 204, r.text);
  assert.ok(!(await call(srv, 'GET', '/api/v1/webhook', { token: T.admin })).json.items.some((x) => x.id === ctx.wOk));
  assert.equal(one(srv, `SELECT rahasia FROM webhook WHERE id = ${ctx.wOk}`).rahasia, '');
  assert.equal(one(srv, `SELECT status FROM webhook_pengiriman WHERE id = ${ping3}`).status, 'gagal');
  isProblem(assert, await call(srv, 'PATCH', `/api/v1/webhook/${ctx.wOk}`, { token: T.admin, body: { aktif: true } }), 404);
  isProblem(assert, await call(srv, 'POST', `/api/v1/webhook/pengiriman/${ping3}/ulang`, { token: T.admin }), 409);
  assert.equal(count(srv, 'audit_log', `WHERE aksi = 'webhook.hapus' AND entitas_id = ${ctx.wOk}`), 1);
});

test("another instansi's admin sees nothing and changes nothing; superadmin manages any", async () => {
  const mine = (await call(srv, 'GET', '/api/v1/webhook', { token: T.admin2 })).json;
  assert.ok(mine.items.every((w) => w.instansi_id !== ctx.inst));
  const d = one(srv, `SELECT id FROM webhook_pengiriman WHERE webhook_id = ${ctx.wFlaky} LIMIT 1`).id;
  const n0 = [count(srv, 'audit_log'), sql(srv, `SELECT url, aktif FROM webhook WHERE id = ${ctx.wFlaky}`)];
  isProblem(assert, await call(srv, 'PATCH', `/api/v1/webhook/${ctx.wFlaky}`, { token: T.admin2, body: { aktif: false } }), 403);
  isProblem(assert, await call(srv, 'DELETE', `/api/v1/webhook/${ctx.wFlaky}`, { token: T.admin2 }), 403);
  isProblem(assert, await call(srv, 'GET', `/api/v1/webhook/${ctx.wFlaky}/pengiriman`, { token: T.admin2 }), 403);
  isProblem(assert, await call(srv, 'POST', `/api/v1/webhook/${ctx.wFlaky}/uji`, { token: T.admin2 }), 403);
  isProblem(assert, await call(srv, 'POST', `/api/v1/webhook/pengiriman/${d}/ulang`, { token: T.admin2 }), 403);
  isProblem(assert, await call(srv, 'GET', `/api/v1/webhook/${ctx.wFlaky}/pengiriman`, { token: T.pegawai }), 403);
  assert.deepEqual([count(srv, 'audit_log'), sql(srv, `SELECT url, aktif FROM webhook WHERE id = ${ctx.wFlaky}`)], n0);
  // superadmin: every instansi, or one
  const all = (await call(srv, 'GET', '/api/v1/webhook', { token: T.superadmin })).json.items;
  assert.ok(all.some((w) => w.id === ctx.wFlaky));
  const r = await call(srv, 'POST', '/api/v1/webhook', { token: T.superadmin,
    body: { instansi_id: ctx.inst, url: rx.url('/super'), peristiwa: ['tpp.bulan_disetujui'] } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.instansi_id, ctx.inst);
  assert.equal((await call(srv, 'GET', `/api/v1/webhook/${ctx.wFlaky}/pengiriman`, { token: T.superadmin })).status, 200);
  isProblem(assert, await call(srv, 'GET', '/api/v1/webhook/999999/pengiriman', { token: T.admin }), 404);
});

test('a receiver that never answers does not hold up the user; shutdown stays clean', async () => {
  let r = await register({ url: rx.url('/gantung'), peristiwa: ['skp.disetujui'] });
  assert.equal(r.status, 201, r.text);
  r = await call(srv, 'POST', `/api/v1/webhook/${r.json.id}/uji`, { token: T.admin });
  await until('the sender is waiting on the receiver', () => rx.got.some((g) => g.path === '/gantung'));
  const queue = await get(T.atasan, '/api/v1/skp?penilai=saya&status=diajukan');
  const t0 = Date.now();
  r = await call(srv, 'GET', '/api/v1/webhook', { token: T.admin });
  assert.equal(r.status, 200);
  if (queue.items.length) assert.equal((await call(srv, 'POST', `/api/v1/skp/${queue.items[0].id}/setujui`, { token: T.atasan })).status, 200);
  assert.ok(Date.now() - t0 < 1500, 'requests answer while the sender waits');
  const t1 = Date.now();
  const code = await srv.stop();
  assert.equal(code, 0);
  assert.ok(Date.now() - t1 < 5000, 'SIGTERM stops the server without waiting for the 10 s timeout');
});

test('kinerja webhook kirim flushes the due deliveries once (cron); the interval is configurable', async () => {
  const s = await startServer({ pegawai: 20, env: { KINERJA_WEBHOOK_INTERVAL: '3600' } });
  servers.push(s);
  const tok = tokenFor(s, 'admin');
  let r = await call(s, 'POST', '/api/v1/webhook', { token: tok, body: { url: rx.url('/cron'), peristiwa: ['skp.disetujui'] } });
  assert.equal(r.status, 201, r.text);
  const secret = r.json.rahasia;
  r = await call(s, 'POST', `/api/v1/webhook/${r.json.id}/uji`, { token: tok });
  assert.equal(r.status, 202, r.text);
  await new Promise((res) => setTimeout(res, 1200));
  assert.equal(rx.got.filter((g) => g.path === '/cron').length, 0, 'the server waits its interval');
  const out = await kinerjaAsync(['webhook', 'kirim', '--db', s.db]);
  assert.match(out, /Webhook: 1 terkirim, 0 gagal\./);
  const got = rx.got.find((g) => g.path === '/cron');
  assert.ok(got && verify(secret, got));
  assert.equal(one(s, `SELECT status FROM webhook_pengiriman WHERE id = ${r.json.id}`).status, 'terkirim');
  assert.match(await kinerjaAsync(['webhook', 'kirim', '--db', s.db]), /Webhook: 0 terkirim, 0 gagal\./);
});
