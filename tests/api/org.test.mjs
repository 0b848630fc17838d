// Organisation: instansi, unit kerja tree and jabatan kinds, with validation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, tokenFor, isProblem, count } from './lib.mjs';

let srv, admin, superadmin, ctx = {};
before(async () => {
  srv = await startServer({ pegawai: 20 });
  admin = tokenFor(srv, 'admin');
  superadmin = tokenFor(srv, 'superadmin');
  ctx.inst = (await call(srv, 'GET', '/api/v1/auth/me', { token: admin })).json.pengguna.instansi_id;
});
after(async () => { await srv?.stop(); });

test('instansi: superadmin creates, validation and unique kode', async () => {
  let r = await call(srv, 'POST', '/api/v1/instansi', { token: superadmin, body: { kode: 'PEMPROV-UJI', nama: 'Pemerintah Provinsi Uji', zona_waktu: 'WIT' } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.zona_waktu, 'WIT');
  r = await call(srv, 'POST', '/api/v1/instansi', { token: superadmin, body: { kode: 'PEMPROV-UJI', nama: 'Lagi', zona_waktu: 'GMT' } });
  isProblem(assert, r, 422, 'kode');
  assert.ok(r.json.errors.some((e) => e.field === 'zona_waktu'));
  r = await call(srv, 'PATCH', `/api/v1/instansi/${ctx.inst}`, { token: admin, body: { zona_waktu: 'WITA' } });
  assert.equal(r.status, 200);
  assert.equal(r.json.zona_waktu, 'WITA');
  r = await call(srv, 'PATCH', `/api/v1/instansi/${ctx.inst}`, { token: admin, body: { kode: 'BARU' } });
  isProblem(assert, r, 403);
  r = await call(srv, 'GET', '/api/v1/instansi/999999', { token: superadmin });
  isProblem(assert, r, 404);
});

test('unit kerja tree: create child, refuse cycles, search, deactivate', async () => {
  let r = await call(srv, 'POST', '/api/v1/unit-kerja', { token: admin, body: { nama: 'Dinas Komunikasi dan Informatika', kode: 'DISKOMINFO' } });
  assert.equal(r.status, 201, r.text);
  const dinas = r.json.id;
  r = await call(srv, 'POST', '/api/v1/unit-kerja', { token: admin, body: { nama: 'Bidang Aplikasi Informatika', induk_id: dinas } });
  assert.equal(r.status, 201);
  const bidang = r.json.id;
  assert.equal(r.json.induk_id, dinas);
  r = await call(srv, 'POST', '/api/v1/unit-kerja', { token: admin, body: { nama: 'Seksi Tata Kelola E-Government', induk_id: bidang } });
  const seksi = r.json.id;
  const before = count(srv, 'audit_log');
  r = await call(srv, 'PATCH', `/api/v1/unit-kerja/${dinas}`, { token: admin, body: { induk_id: seksi } });
  isProblem(assert, r, 422, 'induk_id');
  r = await call(srv, 'PATCH', `/api/v1/unit-kerja/${dinas}`, { token: admin, body: { induk_id: dinas } });
  isProblem(assert, r, 422, 'induk_id');
  r = await call(srv, 'POST', '/api/v1/unit-kerja', { token: admin, body: { nama: 'Duplikat', kode: 'DISKOMINFO' } });
  isProblem(assert, r, 422, 'kode');
  r = await call(srv, 'POST', '/api/v1/unit-kerja', { token: admin, body: { nama: 'Di instansi lain', induk_id: 999999 } });
  isProblem(assert, r, 422, 'induk_id');
  assert.equal(count(srv, 'audit_log'), before);
  r = await call(srv, 'GET', '/api/v1/unit-kerja?q=informatika', { token: admin });
  assert.ok(r.json.items.length >= 2);
  r = await call(srv, 'GET', `/api/v1/unit-kerja?induk_id=${dinas}`, { token: admin });
  assert.deepEqual(r.json.items.map((u) => u.id), [bidang]);
  r = await call(srv, 'GET', '/api/v1/unit-kerja?q=DISKOMINFO', { token: admin });
  assert.equal(r.json.items[0].id, dinas);
  r = await call(srv, 'PATCH', `/api/v1/unit-kerja/${seksi}`, { token: admin, body: { aktif: false } });
  assert.equal(r.json.aktif, false);
  r = await call(srv, 'GET', `/api/v1/unit-kerja?induk_id=${bidang}`, { token: admin });
  assert.equal(r.json.items.length, 0);
  r = await call(srv, 'GET', `/api/v1/unit-kerja?induk_id=${bidang}&aktif=semua`, { token: admin });
  assert.equal(r.json.items.length, 1);
});

test('jabatan kinds: fungsional with kategori and jenjang, JPT jenjang, kelas jabatan range', async () => {
  let r = await call(srv, 'POST', '/api/v1/jabatan', { token: admin, body: { nama: 'Pranata Komputer Ahli Muda', jenis: 'fungsional', kategori: 'keahlian', jenjang: 'Ahli Muda', kelas_jabatan: 11 } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.kategori, 'keahlian');
  r = await call(srv, 'POST', '/api/v1/jabatan', { token: admin, body: { nama: 'Kepala Dinas Uji', jenis: 'jpt', jenjang: 'Pratama', kelas_jabatan: 14 } });
  assert.equal(r.status, 201, r.text);
  const bad = [
    [{ nama: 'X1', jenis: 'honorer' }, 'jenis'],
    [{ nama: 'X2', jenis: 'fungsional', kategori: 'keahlian', jenjang: 'Mahir' }, 'jenjang'],
    [{ nama: 'X3', jenis: 'pelaksana', kategori: 'keahlian' }, 'kategori'],
    [{ nama: 'X4', jenis: 'pelaksana', kelas_jabatan: 18 }, 'kelas_jabatan'],
    [{ nama: 'Pranata Komputer Ahli Muda', jenis: 'fungsional' }, 'nama'],
    [{ jenis: 'pelaksana' }, 'nama'],
  ];
  const before = count(srv, 'jabatan');
  for (const [body, field] of bad) isProblem(assert, await call(srv, 'POST', '/api/v1/jabatan', { token: admin, body }), 422, field);
  assert.equal(count(srv, 'jabatan'), before);
  r = await call(srv, 'GET', '/api/v1/jabatan?jenis=fungsional&limit=200', { token: admin });
  assert.ok(r.json.items.length > 0 && r.json.items.every((j) => j.jenis === 'fungsional'));
  isProblem(assert, await call(srv, 'GET', '/api/v1/jabatan?jenis=lain', { token: admin }), 422, 'jenis');
  // a filter that belongs to another list is a clear 422, never a database error
  isProblem(assert, await call(srv, 'GET', '/api/v1/unit-kerja?jenis=jpt', { token: admin }), 422, 'jenis');
  isProblem(assert, await call(srv, 'GET', '/api/v1/instansi?induk_id=1', { token: admin }), 422, 'induk_id');
  isProblem(assert, await call(srv, 'GET', '/api/v1/jabatan?induk_id=1', { token: admin }), 422, 'induk_id');
});

test('organisation lists paginate with a cursor', async () => {
  let cursor = null, n = 0, pages = 0;
  do {
    const r = await call(srv, 'GET', `/api/v1/jabatan?limit=3${cursor ? '&cursor=' + cursor : ''}`, { token: admin });
    n += r.json.items.length;
    cursor = r.json.next_cursor;
    pages++;
  } while (cursor && pages < 200);
  assert.equal(n, count(srv, 'jabatan', `WHERE instansi_id = ${ctx.inst} AND aktif = 1`));
  assert.ok(pages > 1);
});
