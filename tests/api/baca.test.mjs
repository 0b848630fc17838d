// The read path (issue 13): a GET runs in one read snapshot; the last-used stamps of sessions and
// API tokens are written by the group-commit writer after the answer instead of the request
// waiting for the write lock; a write inside a GET (the first view of a colleague's data) still
// lands; a logout or a revoked token is refused on the next request (nothing is cached).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, login, tokenFor, sql } from './lib.mjs';

let srv;
before(async () => { srv = await startServer({ pegawai: 30 }); });
after(async () => { await srv?.stop(); });

const nilai = (q) => { const r = sql(srv, q); return r ? Number(Object.values(JSON.parse(r)[0])[0]) : null; };

async function tunggu(cek, ms = 15000) {   // the writer's batch may wait for the write lock under load
  const akhir = Date.now() + ms;
  while (Date.now() < akhir) {
    if (cek()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return cek();
}

test('the idle timer of a session and the last use of a token are refreshed through the writer', async () => {
  const s = await login(srv, 'pimpinan');
  const value = s.cookie.split('=')[1];
  sql(srv, "UPDATE sesi SET dipakai = dipakai - 600 WHERE pengguna_id = (SELECT id FROM pengguna WHERE username = 'pimpinan')");
  const lama = nilai("SELECT MAX(dipakai) AS d FROM sesi WHERE pengguna_id = (SELECT id FROM pengguna WHERE username = 'pimpinan')");
  assert.equal((await call(srv, 'GET', '/api/v1/auth/me', { cookie: `kinerja_sesi=${value}` })).status, 200);
  assert.ok(await tunggu(() => nilai("SELECT MAX(dipakai) AS d FROM sesi WHERE pengguna_id = (SELECT id FROM pengguna WHERE username = 'pimpinan')") >= lama + 590),
    'sesi.dipakai refreshed');
  const tok = tokenFor(srv, 'admin');
  sql(srv, "UPDATE token_api SET dipakai = 1000 WHERE pengguna_id = (SELECT id FROM pengguna WHERE username = 'admin')");
  assert.equal((await call(srv, 'GET', '/api/v1/pegawai?limit=5', { token: tok })).status, 200);
  assert.ok(await tunggu(() => nilai("SELECT MIN(dipakai) AS d FROM token_api WHERE pengguna_id = (SELECT id FROM pengguna WHERE username = 'admin') AND dicabut IS NULL") > 1000),
    'token_api.dipakai refreshed');
});

test('a logout and a revoked token are refused on the very next request', async () => {
  const s = await login(srv, 'pimpinan');
  assert.equal((await call(srv, 'GET', '/api/v1/auth/me', { cookie: s.cookie })).status, 200);
  assert.equal((await call(srv, 'POST', '/api/v1/auth/logout', { cookie: s.cookie, csrf: s.csrf })).status, 204);
  assert.equal((await call(srv, 'GET', '/api/v1/auth/me', { cookie: s.cookie })).status, 401);
  const tok = tokenFor(srv, 'pimpinan');
  assert.equal((await call(srv, 'GET', '/api/v1/pegawai?limit=5', { token: tok })).status, 200);
  sql(srv, "UPDATE token_api SET dicabut = 1 WHERE dicabut IS NULL AND pengguna_id = (SELECT id FROM pengguna WHERE username = 'pimpinan')");
  assert.equal((await call(srv, 'GET', '/api/v1/pegawai?limit=5', { token: tok })).status, 401);
});

test('a GET that records a first view writes it, and the list answers the same on repeat', async () => {
  const tok = tokenFor(srv, 'admin');
  const pid = nilai("SELECT a.pegawai_id AS p FROM aktivitas a JOIN pengguna u ON u.username = 'admin' WHERE a.pegawai_id <> COALESCE(u.pegawai_id, 0) LIMIT 1");
  assert.ok(pid);
  const q = `/api/v1/aktivitas?pegawai_id=${pid}&limit=100`;
  const sebelum = nilai(`SELECT COUNT(*) AS n FROM akses_lihat WHERE pegawai_id = ${pid}`);
  const r1 = await call(srv, 'GET', q, { token: tok });
  assert.equal(r1.status, 200);
  assert.ok(r1.json.items.length > 0);
  assert.equal(nilai(`SELECT COUNT(*) AS n FROM akses_lihat WHERE pegawai_id = ${pid}`), sebelum + 1);
  const r2 = await call(srv, 'GET', q, { token: tok });
  assert.deepEqual(r2.json, r1.json);
  assert.equal(nilai(`SELECT COUNT(*) AS n FROM akses_lihat WHERE pegawai_id = ${pid}`), sebelum + 1);
});
