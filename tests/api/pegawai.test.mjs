// Pegawai: create with validation, update, deactivation, mutasi history with effective dates,
// atasan at a date, search, filters, sorting and cursor pagination.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, tokenFor, isProblem, count, sql } from './lib.mjs';

let srv, admin, ctx = {};
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];

before(async () => {
  srv = await startServer({ pegawai: 60 });
  admin = tokenFor(srv, 'admin');
  const me = (await call(srv, 'GET', '/api/v1/auth/me', { token: admin })).json;
  ctx.inst = me.pengguna.instansi_id;
  ctx.unit = one(`SELECT id FROM unit_kerja WHERE instansi_id = ${ctx.inst} ORDER BY id LIMIT 1`).id;
  ctx.unitB = one(`SELECT id FROM unit_kerja WHERE instansi_id = ${ctx.inst} ORDER BY id DESC LIMIT 1`).id;
  ctx.jab = one(`SELECT id FROM jabatan WHERE instansi_id = ${ctx.inst} AND jenis = 'pelaksana' LIMIT 1`).id;
  ctx.jabB = one(`SELECT id FROM jabatan WHERE instansi_id = ${ctx.inst} AND jenis = 'fungsional' LIMIT 1`).id;
  ctx.boss = one(`SELECT id FROM pegawai WHERE instansi_id = ${ctx.inst} AND atasan_id IS NULL LIMIT 1`).id;
  ctx.other = one(`SELECT id FROM pegawai WHERE instansi_id <> ${ctx.inst} LIMIT 1`).id;
});
after(async () => { await srv?.stop(); });

const good = (over = {}) => ({ nip: '198703152010122001', nama: 'Dewi Lestari', gelar_belakang: 'S.Kom., M.T.',
  jenis_asn: 'PNS', golongan: '32', jenis_kelamin: 'P', tanggal_lahir: '1987-03-15',
  unit_kerja_id: ctx.unit, jabatan_id: ctx.jab, atasan_id: ctx.boss, mulai: '2026-01-02', ...over });

test('create a pegawai: normalised, with riwayat and an audit record', async () => {
  const audits = count(srv, 'audit_log');
  const r = await call(srv, 'POST', '/api/v1/pegawai', { token: admin, body: good() });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.nip, '198703152010122001');
  assert.equal(r.json.golongan, 'III/b');
  assert.equal(r.json.pangkat, 'Penata Muda Tingkat I');
  assert.equal(r.json.nama_lengkap, 'Dewi Lestari, S.Kom., M.T.');
  assert.equal(r.json.atasan.id, ctx.boss);
  assert.equal(r.json.unit_kerja.id, ctx.unit);
  ctx.dewi = r.json.id;
  const riw = await call(srv, 'GET', `/api/v1/pegawai/${ctx.dewi}/riwayat`, { token: admin });
  assert.equal(riw.json.items.length, 1);
  assert.equal(riw.json.items[0].mulai, '2026-01-02');
  assert.equal(riw.json.items[0].selesai, null);
  assert.equal(count(srv, 'audit_log'), audits + 1);
  const a = one("SELECT aksi, entitas, sesudah FROM audit_log ORDER BY id DESC LIMIT 1");
  assert.equal(a.aksi, 'pegawai.create');
  assert.equal(JSON.parse(a.sesudah).nip, '198703152010122001');
});

test('gender and birth date are derived from the NIP when omitted', async () => {
  const r = await call(srv, 'POST', '/api/v1/pegawai', { token: admin, body: { nip: '199511302022031004', nama: 'Rizky Pratama', jenis_asn: 'PNS' } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.jenis_kelamin, 'L');
  assert.equal(r.json.tanggal_lahir, '1995-11-30');
});

test('bad input: every field error at once, and nothing is stored', async () => {
  const before = [count(srv, 'pegawai'), count(srv, 'pegawai_riwayat'), count(srv, 'audit_log')];
  const cases = [
    [{ nip: '12345' }, 'nip', /18 digit/],
    [{ nip: '198713152010122001' }, 'nip', /tanggal lahir/],
    [{ nip: '198703152010123001' }, 'nip', /digit ke-15/],
    [{ jenis_kelamin: 'L' }, 'jenis_kelamin', /NIP/],
    [{ tanggal_lahir: '1987-03-16' }, 'tanggal_lahir', /NIP/],
    [{ jenis_asn: 'Honorer' }, 'jenis_asn', /PNS atau PPPK/],
    [{ golongan: 'V/a' }, 'golongan', /golongan/],
    [{ jenis_asn: 'PPPK', golongan: 'III/a', nip: '199001012023212005' }, 'golongan', /PPPK/],
    [{ unit_kerja_id: 999999 }, 'unit_kerja_id', /tidak ditemukan/],
    [{ jabatan_id: -3 }, 'jabatan_id', /id/],
    [{ atasan_id: ctx.other }, 'atasan_id', /tidak ditemukan/],
    [{ nama: '' }, 'nama', /wajib/],
    [{ nama: 'A\u0001B' }, 'nama', /karakter/],
    [{ nama: 'x'.repeat(201) }, 'nama', /maksimal/],
    [{ email: 'bukan-email' }, 'email', /email/],
    [{ mulai: '2026-02-30' }, 'mulai', /tanggal/],
    [{ hobi: 'catur' }, 'hobi', /tidak dikenal/],
    [{ nip: 198703152010122001 }, 'nip', /teks/],
  ];
  for (const [over, field, msg] of cases) {
    const r = await call(srv, 'POST', '/api/v1/pegawai', { token: admin, body: good({ nip: '198703152010122099', ...over }) });
    isProblem(assert, r, 422, field);
    assert.match(r.json.errors.find((e) => e.field === field).message, msg, `${field}: ${r.text}`);
  }
  const dup = await call(srv, 'POST', '/api/v1/pegawai', { token: admin, body: good() });
  isProblem(assert, dup, 422, 'nip');
  assert.match(dup.json.errors[0].message, /sudah terdaftar/);
  const missing = await call(srv, 'POST', '/api/v1/pegawai', { token: admin, body: {} });
  isProblem(assert, missing, 422);
  for (const f of ['nip', 'nama', 'jenis_asn']) assert.ok(missing.json.errors.some((e) => e.field === f), f);
  assert.deepEqual([count(srv, 'pegawai'), count(srv, 'pegawai_riwayat'), count(srv, 'audit_log')], before);
});

test('update identity fields; jabatan/unit/atasan only through mutasi', async () => {
  let r = await call(srv, 'PATCH', `/api/v1/pegawai/${ctx.dewi}`, { token: admin, body: { gelar_depan: 'Dr.', golongan: 'III/c' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.nama_lengkap, 'Dr. Dewi Lestari, S.Kom., M.T.');
  assert.equal(r.json.golongan, 'III/c');
  const a = one("SELECT sebelum, sesudah FROM audit_log ORDER BY id DESC LIMIT 1");
  assert.equal(JSON.parse(a.sebelum).golongan, 'III/b');
  assert.equal(JSON.parse(a.sesudah).golongan, 'III/c');
  const before = count(srv, 'audit_log');
  r = await call(srv, 'PATCH', `/api/v1/pegawai/${ctx.dewi}`, { token: admin, body: { unit_kerja_id: ctx.unitB } });
  isProblem(assert, r, 422, 'unit_kerja_id');
  assert.match(r.json.errors[0].message, /mutasi/);
  r = await call(srv, 'PATCH', `/api/v1/pegawai/${ctx.dewi}`, { token: admin, body: { nip: '198703152010122' } });
  isProblem(assert, r, 422, 'nip');
  assert.equal(count(srv, 'audit_log'), before);
  r = await call(srv, 'PATCH', '/api/v1/pegawai/999999', { token: admin, body: { nama: 'x' } });
  isProblem(assert, r, 404);
  r = await call(srv, 'PATCH', '/api/v1/pegawai/abc', { token: admin, body: { nama: 'x' } });
  isProblem(assert, r, 404);
});

test('mutasi closes the open riwayat row and the atasan at any date is known', async () => {
  const newBoss = one(`SELECT id FROM pegawai WHERE instansi_id = ${ctx.inst} AND id NOT IN (${ctx.boss}, ${ctx.dewi}) AND atasan_id = ${ctx.boss} LIMIT 1`).id;
  let r = await call(srv, 'POST', `/api/v1/pegawai/${ctx.dewi}/mutasi`, { token: admin,
    body: { tanggal: '2026-07-01', unit_kerja_id: ctx.unitB, jabatan_id: ctx.jabB, atasan_id: newBoss } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.unit_kerja.id, ctx.unitB);
  assert.equal(r.json.riwayat.length, 2);
  assert.equal(r.json.riwayat[0].mulai, '2026-07-01');
  assert.equal(r.json.riwayat[1].selesai, '2026-07-01');
  const at = async (d) => (await call(srv, 'GET', `/api/v1/pegawai/${ctx.dewi}/atasan?tanggal=${d}`, { token: admin })).json;
  assert.equal((await at('2026-03-15')).atasan.id, ctx.boss);
  assert.equal((await at('2026-06-30')).atasan.id, ctx.boss);
  assert.equal((await at('2026-07-01')).atasan.id, newBoss);
  const early = await at('2025-12-31');
  assert.equal(early.atasan, null);
  assert.equal(early.tercatat, false);
  r = await call(srv, 'GET', `/api/v1/pegawai/${ctx.dewi}/atasan?tanggal=2026-13-01`, { token: admin });
  isProblem(assert, r, 422, 'tanggal');
});

test('mutasi is validated: no backdating before the current row, no self or cyclic atasan', async () => {
  const before = [count(srv, 'pegawai_riwayat'), count(srv, 'audit_log')];
  let r = await call(srv, 'POST', `/api/v1/pegawai/${ctx.dewi}/mutasi`, { token: admin, body: { tanggal: '2026-03-01', unit_kerja_id: ctx.unit } });
  isProblem(assert, r, 422, 'tanggal');
  r = await call(srv, 'POST', `/api/v1/pegawai/${ctx.dewi}/mutasi`, { token: admin, body: { tanggal: '2026-08-01', atasan_id: ctx.dewi } });
  isProblem(assert, r, 422, 'atasan_id');
  // the boss cannot report to someone in their own subtree
  r = await call(srv, 'POST', `/api/v1/pegawai/${ctx.boss}/mutasi`, { token: admin, body: { tanggal: '2026-08-01', atasan_id: ctx.dewi } });
  isProblem(assert, r, 422, 'atasan_id');
  assert.match(r.json.errors[0].message, /siklus/);
  r = await call(srv, 'POST', `/api/v1/pegawai/${ctx.dewi}/mutasi`, { token: admin, body: { tanggal: 'besok' } });
  isProblem(assert, r, 422, 'tanggal');
  assert.deepEqual([count(srv, 'pegawai_riwayat'), count(srv, 'audit_log')], before);
});

test('deactivation instead of deletion; inactive pegawai hidden by default', async () => {
  let r = await call(srv, 'PATCH', `/api/v1/pegawai/${ctx.dewi}`, { token: admin, body: { aktif: false } });
  assert.equal(r.status, 200);
  assert.equal(r.json.aktif, false);
  assert.equal(one("SELECT aksi FROM audit_log ORDER BY id DESC LIMIT 1").aksi, 'pegawai.deactivate');
  const act = (await call(srv, 'GET', '/api/v1/pegawai?q=Dewi%20Lestari', { token: admin })).json.items;
  assert.equal(act.length, 0);
  const ina = (await call(srv, 'GET', '/api/v1/pegawai?q=Dewi%20Lestari&aktif=0', { token: admin })).json.items;
  assert.equal(ina.length, 1);
  assert.equal(count(srv, 'pegawai', `WHERE id = ${ctx.dewi}`), 1);
  r = await call(srv, 'PATCH', `/api/v1/pegawai/${ctx.dewi}`, { token: admin, body: { aktif: true } });
  assert.equal(r.json.aktif, true);
});

test('search by name (case-insensitive) or NIP prefix, filters and sorting', async () => {
  let items = (await call(srv, 'GET', '/api/v1/pegawai?q=dewi%20les', { token: admin })).json.items;
  assert.ok(items.some((p) => p.id === ctx.dewi));
  items = (await call(srv, 'GET', '/api/v1/pegawai?q=19870315', { token: admin })).json.items;
  assert.ok(items.length >= 1 && items.every((p) => p.nip.startsWith('19870315')));
  items = (await call(srv, 'GET', '/api/v1/pegawai?q=%25', { token: admin })).json.items;
  assert.equal(items.length, 0, 'a literal % matches nothing');
  items = (await call(srv, 'GET', `/api/v1/pegawai?unit_kerja_id=${ctx.unitB}&limit=200`, { token: admin })).json.items;
  assert.ok(items.every((p) => p.unit_kerja.id === ctx.unitB));
  items = (await call(srv, 'GET', '/api/v1/pegawai?jenis_asn=PPPK&limit=200', { token: admin })).json.items;
  assert.ok(items.length > 0 && items.every((p) => p.jenis_asn === 'PPPK'));
  items = (await call(srv, 'GET', '/api/v1/pegawai?sort=-nip&limit=200', { token: admin })).json.items;
  const nips = items.map((p) => p.nip);
  assert.deepEqual(nips, [...nips].sort().reverse());
  for (const [q, field] of [['sort=umur', 'sort'], ['limit=0', 'limit'], ['limit=201', 'limit'], ['cursor=xyz', 'cursor'],
    ['jenis_asn=honorer', 'jenis_asn'], ['unit_kerja_id=abc', 'unit_kerja_id'], ['aktif=mungkin', 'aktif']]) {
    isProblem(assert, await call(srv, 'GET', `/api/v1/pegawai?${q}`, { token: admin }), 422, field);
  }
});

test('cursor pagination walks every pegawai exactly once, in order', async () => {
  const total = count(srv, 'pegawai', `WHERE instansi_id = ${ctx.inst} AND aktif = 1`);
  let cursor = null, seen = [], pages = 0;
  do {
    const r = await call(srv, 'GET', `/api/v1/pegawai?limit=7&total=1${cursor ? '&cursor=' + cursor : ''}`, { token: admin });
    assert.equal(r.status, 200);
    if (pages === 0) assert.equal(r.json.total, total);
    seen.push(...r.json.items);
    cursor = r.json.next_cursor;
    pages++;
  } while (cursor && pages < 100);
  assert.equal(seen.length, total);
  assert.equal(new Set(seen.map((p) => p.id)).size, total);
  const names = seen.map((p) => p.nama);
  const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  assert.deepEqual(names, sorted);
});

test('bawahan lists the direct subordinates', async () => {
  const r = await call(srv, 'GET', `/api/v1/pegawai/${ctx.boss}/bawahan?limit=200`, { token: admin });
  assert.equal(r.status, 200);
  assert.ok(r.json.items.length > 0);
  assert.ok(r.json.items.every((p) => p.atasan.id === ctx.boss));
});
