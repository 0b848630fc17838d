// Audit chain: every change is recorded with before/after; auditors page through it;
// `kinerja audit verify` passes on a fresh database and fails after a record is altered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, tokenFor, isProblem, count, sql, kinerjaStatus } from './lib.mjs';

let srv, auditor, admin;
before(async () => {
  srv = await startServer({ pegawai: 20 });
  auditor = tokenFor(srv, 'auditor');
  admin = tokenFor(srv, 'admin');
});
after(async () => { await srv?.stop(); });

test('audit verify passes on a fresh database (CLI exit 0)', () => {
  const r = kinerjaStatus(['audit', 'verify', '--db', srv.db]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /utuh/);
});

test('a change is audited with who, request id, before and after', async () => {
  const r = await call(srv, 'POST', '/api/v1/unit-kerja', { token: admin, headers: { 'x-request-id': 'audit-uji-0001' }, body: { nama: 'Bagian Hukum' } });
  assert.equal(r.status, 201);
  const list = await call(srv, 'GET', `/api/v1/audit?entitas=unit_kerja&entitas_id=${r.json.id}`, { token: auditor });
  assert.equal(list.status, 200);
  assert.equal(list.json.items.length, 1);
  const a = list.json.items[0];
  assert.equal(a.aksi, 'unit_kerja.create');
  assert.equal(a.request_id, 'audit-uji-0001');
  assert.equal(a.pengguna.username, 'admin');
  assert.equal(a.sebelum, null);
  assert.equal(a.sesudah.nama, 'Bagian Hukum');
  assert.match(a.hash, /^[0-9a-f]{64}$/);
});

test('auditors filter by user, action and time, and page with a cursor', async () => {
  const uid = JSON.parse(sql(srv, "SELECT id FROM pengguna WHERE username = 'admin'"))[0].id;
  for (let i = 0; i < 4; i++) await call(srv, 'POST', '/api/v1/unit-kerja', { token: admin, body: { nama: `Subbagian ${i}` } });
  let r = await call(srv, 'GET', `/api/v1/audit?pengguna_id=${uid}&aksi=unit_kerja.create&limit=2`, { token: auditor });
  assert.equal(r.json.items.length, 2);
  assert.ok(r.json.next_cursor);
  const r2 = await call(srv, 'GET', `/api/v1/audit?pengguna_id=${uid}&aksi=unit_kerja.create&limit=2&cursor=${r.json.next_cursor}`, { token: auditor });
  assert.ok(r2.json.items[0].id < r.json.items[1].id);
  // by username too (auditors cannot list accounts); an unknown one matches nothing
  const byName = await call(srv, 'GET', '/api/v1/audit?pengguna=admin&aksi=unit_kerja.create&limit=2', { token: auditor });
  assert.deepEqual(byName.json.items.map((x) => x.id), r.json.items.map((x) => x.id));
  assert.equal((await call(srv, 'GET', '/api/v1/audit?pengguna=tidak-ada', { token: auditor })).json.items.length, 0);
  const today = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
  r = await call(srv, 'GET', `/api/v1/audit?dari=${today}&sampai=${today}`, { token: auditor });
  assert.ok(r.json.items.length >= 5);
  r = await call(srv, 'GET', '/api/v1/audit?dari=2000-01-01&sampai=2000-01-02', { token: auditor });
  assert.equal(r.json.items.length, 0);
  isProblem(assert, await call(srv, 'GET', '/api/v1/audit?dari=kemarin', { token: auditor }), 422, 'dari');
  isProblem(assert, await call(srv, 'GET', '/api/v1/audit?cursor=-1', { token: auditor }), 422, 'cursor');
});

test('the API verify reports an intact chain', async () => {
  const r = await call(srv, 'GET', '/api/v1/audit/verify', { token: auditor });
  assert.equal(r.status, 200);
  assert.equal(r.json.utuh, true);
  assert.ok(r.json.jumlah_catatan >= 5);
});

test('altering a record with sqlite3 breaks the chain: CLI exits non-zero, API reports it', async () => {
  const id = JSON.parse(sql(srv, "SELECT id FROM audit_log WHERE aksi = 'unit_kerja.create' ORDER BY id LIMIT 1"))[0].id;
  sql(srv, `UPDATE audit_log SET sesudah = '{"nama":"Bagian Palsu"}' WHERE id = ${id}`);
  const r = kinerjaStatus(['audit', 'verify', '--db', srv.db]);
  assert.notEqual(r.status, 0);
  assert.match(r.stdout, new RegExp(`id ${id}`));
  const api = await call(srv, 'GET', '/api/v1/audit/verify', { token: auditor });
  assert.equal(api.json.utuh, false);
  assert.equal(api.json.catatan_rusak, id);
  assert.match(api.json.alasan, /diubah/);
});

test('deleting a record is detected too', async () => {
  const other = await startServer({ pegawai: 10 });
  try {
    const t = tokenFor(other, 'admin');
    for (let i = 0; i < 3; i++) await call(other, 'POST', '/api/v1/unit-kerja', { token: t, body: { nama: `Bagian ${i}` } });
    sql(other, 'DELETE FROM audit_log WHERE id = (SELECT MAX(id) - 1 FROM audit_log)');
    assert.notEqual(kinerjaStatus(['audit', 'verify', '--db', other.db]).status, 0);
  } finally { await other.stop(); }
});
