// Live dashboards (issue 8): GET /api/v1/dasbor/peristiwa is a Server-Sent Events stream; a
// committed change in the instansi arrives as `event: perubahan`, other instansi hear nothing,
// idle streams hold no worker thread (suspended in libmicrohttpd), and shutdown ends them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, tokenFor, isProblem } from './lib.mjs';

let srv, T = {};
const YEAR = Number(new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 4));

/** Opens a stream; returns {events (array, filled as they come), close(), wait(pred, ms)}. */
async function buka(token) {
  const ac = new AbortController();
  const res = await fetch(`${srv.url}/api/v1/dasbor/peristiwa`, { headers: { authorization: `Bearer ${token}` }, signal: ac.signal });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /text\/event-stream/);
  const events = [];
  let teks = '';
  const reader = res.body.getReader();
  const dec = new TextDecoder();
  (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        teks += dec.decode(value, { stream: true });
        let i;
        while ((i = teks.indexOf('\n\n')) >= 0) {
          const blok = teks.slice(0, i);
          teks = teks.slice(i + 2);
          const ev = {};
          for (const line of blok.split('\n')) {
            const m = line.match(/^(event|data|retry): ?(.*)$/);
            if (m) ev[m[1]] = m[2];
            else if (line.startsWith(':')) ev.komentar = line.slice(1).trim();
          }
          events.push(ev);
        }
      }
    } catch { /* aborted */ }
    events.selesai = true;
  })();
  const wait = async (pred, ms = 5000) => {
    const t0 = Date.now();
    while (Date.now() - t0 < ms) {
      const e = events.find(pred);
      if (e) return e;
      await new Promise((r) => setTimeout(r, 25));
    }
    return null;
  };
  return { events, close: () => ac.abort(), wait };
}

before(async () => {
  srv = await startServer({ pegawai: 40 });
  for (const r of ['admin', 'pegawai', 'admin2', 'pimpinan']) T[r] = tokenFor(srv, r);
});
after(async () => { await srv?.stop(); });

test('a committed change reaches the streams of its instansi only', async () => {
  const a = await buka(T.pimpinan), b = await buka(T.admin2);
  assert.ok(await a.wait((e) => e.event === 'siap'), 'the stream says it is live');
  assert.ok(await b.wait((e) => e.event === 'siap'));
  assert.equal(a.events[0].retry, '5000');
  const r = await call(srv, 'POST', '/api/v1/hari-libur', { token: T.admin, body: { tanggal: `${YEAR + 1}-03-03`, nama: 'Libur uji peristiwa' } });
  assert.equal(r.status, 201, r.text);
  const ev = await a.wait((e) => e.event === 'perubahan');
  assert.ok(ev, 'the pimpinan of the same instansi hears of it');
  assert.deepEqual(JSON.parse(ev.data), { jenis: 'hari_libur' });
  // a change refused (validation) is not an event; the other instansi heard nothing
  const before = a.events.length;
  isProblem(assert, await call(srv, 'POST', '/api/v1/hari-libur', { token: T.admin, body: { tanggal: 'kemarin', nama: 'x' } }), 422);
  await new Promise((r2) => setTimeout(r2, 400));
  assert.equal(a.events.filter((e) => e.event === 'perubahan').length, 1);
  assert.ok(a.events.length >= before);
  assert.equal(b.events.filter((e) => e.event === 'perubahan').length, 0, 'another instansi hears nothing');
  a.close();
  b.close();
});

test('idle streams hold no worker thread: with 2 threads, 40 open streams and the API still answers', async () => {
  const s = [];
  for (let i = 0; i < 40; i++) s.push(await buka(T.pegawai));
  for (const x of s) assert.ok(await x.wait((e) => e.event === 'siap'));
  const t0 = Date.now();
  for (let i = 0; i < 10; i++) {
    const r = await call(srv, 'GET', '/healthz');
    assert.equal(r.status, 200);
  }
  assert.ok(Date.now() - t0 < 5000, 'requests were not starved');
  const m = await call(srv, 'GET', '/api/v1/auth/me', { token: T.pegawai });
  assert.equal(m.status, 200);
  for (const x of s) x.close();
});

test('without login the stream is refused; shutdown ends open streams at once', async () => {
  isProblem(assert, await call(srv, 'GET', '/api/v1/dasbor/peristiwa'), 401);
  const a = await buka(T.admin);
  assert.ok(await a.wait((e) => e.event === 'siap'));
  const t0 = Date.now();
  const code = await srv.stop();
  assert.equal(code, 0, 'a clean stop');
  assert.ok(Date.now() - t0 < 10000, `stopped in ${Date.now() - t0} ms, within the grace period`);
  srv = null;
});
