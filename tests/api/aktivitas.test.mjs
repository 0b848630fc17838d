// Daily activities (issue 5): rules, idempotent retries, batch (all or nothing), edits until
// reviewed, review one and many, templates, copy a day, rencana aksi, settings, holidays, inbox,
// compliance.  Refused requests change nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, tokenFor, isProblem, count, sql } from './lib.mjs';

let srv, T = {}, ctx = {};
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];
const get = async (tok, path) => (await call(srv, 'GET', path, { token: tok })).json;
const state = () => [count(srv, 'aktivitas'), count(srv, 'audit_log'), sql(srv, 'SELECT group_concat(status) FROM aktivitas')];
const iso = (d) => d.toISOString().slice(0, 10);
// a recent working day, `back` working days before today (WIB), never in the future
function workday(back = 0) {
  const d = new Date(Date.now() + 7 * 3600e3);
  let n = back;
  for (;;) {
    const w = d.getUTCDay();
    if (w !== 0 && w !== 6) { if (n === 0) return iso(d); n--; }
    d.setUTCDate(d.getUTCDate() - 1);
  }
}

before(async () => {
  srv = await startServer({ pegawai: 60 });
  for (const r of ['admin', 'atasan', 'pegawai', 'pimpinan', 'auditor', 'superadmin']) T[r] = tokenFor(srv, r);
  ctx.pegawai = (await get(T.pegawai, '/api/v1/auth/me')).pegawai;
  ctx.atasan = (await get(T.atasan, '/api/v1/auth/me')).pegawai;
  const p = await get(T.admin, `/api/v1/pegawai/${ctx.pegawai.id}`);
  ctx.kasi = p.atasan.id;
  T.kasi = tokenFor(srv, p.atasan.nip);
  const year = workday(0).slice(0, 4);
  const list = (await get(T.pegawai, `/api/v1/skp?pegawai_id=${ctx.pegawai.id}&tahun=${year}`)).items;
  ctx.skp = list[list.length - 1].id;
  ctx.rhk = (await get(T.pegawai, `/api/v1/skp/${ctx.skp}`)).rhk[0].id;
  // a clean week: no demo activities on the days this test uses
  ctx.days = [workday(1), workday(2), workday(3)];
  sql(srv, `DELETE FROM aktivitas WHERE pegawai_id = ${ctx.pegawai.id} AND tanggal IN ('${[...ctx.days, workday(0)].join("','")}')`);
});
after(async () => { await srv?.stop(); });

const body = (over = {}) => ({ tanggal: ctx.days[0], jam_mulai: '08:00', jam_selesai: '09:30', uraian: 'Menyusun laporan data peserta didik', kuantitas: '1', satuan: 'laporan', ...over });

test('log an activity against an RHK; the penilai is the SKP penilai', async () => {
  const r = await call(srv, 'POST', '/api/v1/aktivitas', { token: T.pegawai, body: body({ rhk_id: ctx.rhk }) });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.menit, 90);
  assert.equal(r.json.status, 'diajukan');
  assert.equal(r.json.rhk.id, ctx.rhk);
  assert.equal(r.json.penilai_id, ctx.kasi);
  assert.match(r.headers.get('location'), /\/api\/v1\/aktivitas\/\d+/);
  // the answer re-reads the row with its tanggal (one month partition on PostgreSQL): the same
  // bytes as a read by id alone
  const g = await call(srv, 'GET', r.headers.get('location'), { token: T.pegawai });
  assert.equal(g.text, r.text);
  assert.equal(one(`SELECT aksi FROM audit_log ORDER BY id DESC LIMIT 1`).aksi, 'aktivitas.create');
});

test('bad input: every field error, nothing stored', async () => {
  const future = new Date(Date.now() + 3 * 86400e3 + 7 * 3600e3);
  const old = new Date(Date.now() - 60 * 86400e3);
  const other = one(`SELECT r.id FROM rhk r JOIN skp s ON s.id = r.skp_id WHERE s.pegawai_id <> ${ctx.pegawai.id} LIMIT 1`).id;
  let sunday = new Date(Date.now() + 7 * 3600e3);
  while (sunday.getUTCDay() !== 0) sunday.setUTCDate(sunday.getUTCDate() - 1);
  const before = state();
  const bad = [
    [{ tanggal: iso(future) }, 'tanggal', /akan datang/],
    [{ tanggal: iso(old) }, 'tanggal', /batas/],
    [{ tanggal: iso(sunday) }, 'tanggal', /Minggu/],
    [{ tanggal: '2026-02-30' }, 'tanggal', /tanggal/],
    [{ jam_mulai: '10:00', jam_selesai: '09:00' }, 'jam_selesai', /setelah/],
    [{ jam_mulai: '25:00' }, 'jam_mulai', /HH:MM/],
    [{ jam_mulai: undefined, jam_selesai: undefined, menit: -5 }, 'menit', /1-1440/],
    [{ jam_mulai: undefined, jam_selesai: undefined, menit: 5000 }, 'menit', /1-1440/],
    [{ jam_mulai: '00:00', jam_selesai: '23:59' }, 'menit', /melebihi batas/],
    [{ uraian: '' }, 'uraian', /wajib/],
    [{ kuantitas: 'banyak' }, 'kuantitas', /angka/],
    [{ kuantitas: '2', satuan: '' }, 'satuan', /wajib/],
    [{ rhk_id: other }, 'rhk_id', /bukan RHK/],
    [{ warna: 'biru' }, 'warna', /tidak dikenal/],
  ];
  for (const [over, field, msg] of bad) {
    const r = await call(srv, 'POST', '/api/v1/aktivitas', { token: T.pegawai, body: body(over) });
    isProblem(assert, r, 422, field);
    assert.match(r.json.errors.find((e) => e.field === field).message, msg);
  }
  isProblem(assert, await call(srv, 'POST', '/api/v1/aktivitas', { token: T.pegawai, raw: '{"tanggal":', type: 'application/json' }), 400);
  isProblem(assert, await call(srv, 'POST', '/api/v1/aktivitas', { token: T.superadmin, body: body() }), 422, 'pegawai');
  assert.deepEqual(state(), before);
});

test('a retry with the same Idempotency-Key returns the first answer and stores nothing new', async () => {
  const key = 'uji-' + Date.now();
  const b = body({ tanggal: ctx.days[1], uraian: 'Rapat koordinasi kurikulum' });
  const r1 = await call(srv, 'POST', '/api/v1/aktivitas', { token: T.pegawai, body: b, headers: { 'idempotency-key': key } });
  assert.equal(r1.status, 201, r1.text);
  const n = count(srv, 'aktivitas');
  const r2 = await call(srv, 'POST', '/api/v1/aktivitas', { token: T.pegawai, body: b, headers: { 'idempotency-key': key } });
  assert.equal(r2.status, 201);
  assert.equal(r2.headers.get('idempotent-replayed'), 'true');
  assert.equal(r2.json.id, r1.json.id);
  assert.equal(count(srv, 'aktivitas'), n);
  // concurrent retries of a new key: one activity
  const k2 = 'uji2-' + Date.now();
  const b2 = body({ tanggal: ctx.days[1], jam_mulai: '13:00', jam_selesai: '14:00', uraian: 'Verifikasi data' });
  const rs = await Promise.all([1, 2, 3].map(() => call(srv, 'POST', '/api/v1/aktivitas', { token: T.pegawai, body: b2, headers: { 'idempotency-key': k2 } })));
  assert.ok(rs.every((x) => x.status === 201), rs.map((x) => x.status + x.text).join());
  assert.equal(new Set(rs.map((x) => x.json.id)).size, 1);
  assert.equal(count(srv, 'aktivitas'), n + 1);
  // the same key with another body is refused
  const r3 = await call(srv, 'POST', '/api/v1/aktivitas', { token: T.pegawai, body: { ...b, uraian: 'Lain' }, headers: { 'idempotency-key': key } });
  isProblem(assert, r3, 422, 'Idempotency-Key');
  isProblem(assert, await call(srv, 'POST', '/api/v1/aktivitas', { token: T.pegawai, body: b, headers: { 'idempotency-key': 'x' } }), 422, 'Idempotency-Key');
});

test('batch: all or nothing, every bad item reported', async () => {
  const items = [1, 2, 3].map((i) => ({ tanggal: ctx.days[2], menit: 30, uraian: `Pengolahan berkas ke-${i}` }));
  const before = state();
  let r = await call(srv, 'POST', '/api/v1/aktivitas:batch', { token: T.pegawai, body: { items: [...items, { tanggal: ctx.days[2], menit: 0, uraian: 'x' }] } });
  isProblem(assert, r, 422, 'items[3].uraian');
  assert.ok(r.json.errors.some((e) => e.field === 'items[3].menit'));
  assert.deepEqual(state(), before);
  // an item after a bad one is still checked in full (found by fuzz/fuzz_json_aktivitas.c)
  r = await call(srv, 'POST', '/api/v1/aktivitas:batch', { token: T.pegawai, body: { items: [{ ...items[0], uraian: '' }, { ...items[1], rhk_id: 999999 }] } });
  isProblem(assert, r, 422, 'items[0].uraian');
  assert.ok(r.json.errors.some((e) => e.field === 'items[1].rhk_id'), r.text);
  assert.deepEqual(state(), before);
  r = await call(srv, 'POST', '/api/v1/aktivitas:batch', { token: T.pegawai, body: { items: Array.from({ length: 1001 }, () => items[0]) } });
  isProblem(assert, r, 422, 'items');
  // the daily maximum counts the batch's own items
  r = await call(srv, 'POST', '/api/v1/aktivitas:batch', { token: T.pegawai, body: { items: Array.from({ length: 16 }, (_, i) => ({ tanggal: ctx.days[2], menit: 30, uraian: `Berkas ${i}` })) } });
  isProblem(assert, r, 422, 'items[15].menit');
  assert.deepEqual(state(), before);
  r = await call(srv, 'POST', '/api/v1/aktivitas:batch', { token: T.pegawai, body: { items }, headers: { 'idempotency-key': 'batch-' + Date.now() } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.jumlah, 3);
  assert.equal(count(srv, 'aktivitas', "WHERE sumber = 'batch'"), 3);
});

test('review: the penilai approves or returns (with a note that reaches the inbox); approved items are locked', async () => {
  const mine = (await get(T.pegawai, `/api/v1/aktivitas?pegawai_id=${ctx.pegawai.id}&status=diajukan&limit=5`)).items;
  assert.ok(mine.length >= 3);
  const [a, b, c] = mine;
  // only the penilai reviews; the owner cannot approve their own
  isProblem(assert, await call(srv, 'POST', `/api/v1/aktivitas/${a.id}/setujui`, { token: T.pegawai }), 403);
  isProblem(assert, await call(srv, 'POST', `/api/v1/aktivitas/${a.id}/setujui`, { token: T.atasan }), 403);
  isProblem(assert, await call(srv, 'POST', `/api/v1/aktivitas/${b.id}/kembalikan`, { token: T.kasi, body: {} }), 422, 'catatan');
  let r = await call(srv, 'POST', `/api/v1/aktivitas/${a.id}/setujui`, { token: T.kasi });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'disetujui');
  isProblem(assert, await call(srv, 'POST', `/api/v1/aktivitas/${a.id}/setujui`, { token: T.kasi }), 409);
  r = await call(srv, 'POST', `/api/v1/aktivitas/${b.id}/kembalikan`, { token: T.kasi, body: { catatan: 'Lampirkan daftar hadir rapat.' } });
  assert.equal(r.json.status, 'dikembalikan');
  const inbox = await get(T.pegawai, '/api/v1/notifikasi');
  assert.ok(inbox.belum_dibaca >= 1);
  const note = inbox.items.find((n) => n.tautan === `#/aktivitas/${b.id}`);
  assert.match(note.isi, /daftar hadir/);
  assert.equal((await call(srv, 'POST', `/api/v1/notifikasi/${note.id}/baca`, { token: T.pegawai })).status, 204);
  isProblem(assert, await call(srv, 'POST', `/api/v1/notifikasi/${note.id}/baca`, { token: T.kasi }), 404);
  // approved: locked; returned: editable and back in the queue
  isProblem(assert, await call(srv, 'PATCH', `/api/v1/aktivitas/${a.id}`, { token: T.pegawai, body: { uraian: 'Diubah' } }), 409);
  isProblem(assert, await call(srv, 'DELETE', `/api/v1/aktivitas/${a.id}`, { token: T.pegawai }), 409);
  r = await call(srv, 'PATCH', `/api/v1/aktivitas/${b.id}`, { token: T.pegawai, body: { uraian: 'Rapat koordinasi (daftar hadir terlampir)' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'diajukan');
  assert.equal(r.json.catatan_review, null);
  isProblem(assert, await call(srv, 'PATCH', `/api/v1/aktivitas/${b.id}`, { token: T.kasi, body: { uraian: 'Bukan milik saya' } }), 403);
  // bulk: per-item results
  const queue = (await get(T.kasi, '/api/v1/aktivitas?penilai=saya&status=diajukan&limit=200')).items.map((x) => x.id);
  assert.ok(queue.includes(b.id) && queue.includes(c.id));
  r = await call(srv, 'POST', '/api/v1/aktivitas:review', { token: T.kasi, body: { ids: [b.id, c.id, a.id], aksi: 'setujui' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.berhasil, 2);
  assert.equal(r.json.hasil.find((h) => h.id === a.id).ok, false);
  isProblem(assert, await call(srv, 'POST', '/api/v1/aktivitas:review', { token: T.kasi, body: { ids: [], aksi: 'hapus' } }), 422, 'aksi');
});

test('templates from frequent activities, copy a day, delete, and read access', async () => {
  const s = await get(T.pegawai, '/api/v1/aktivitas/sering');
  assert.ok(s.items.length >= 1 && s.items[0].kali >= 1);
  const before = count(srv, 'aktivitas');
  let r = await call(srv, 'POST', '/api/v1/aktivitas:salin', { token: T.pegawai, body: { dari: ctx.days[2], ke: workday(0) } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.jumlah, 3);
  assert.equal(count(srv, 'aktivitas'), before + 3);
  isProblem(assert, await call(srv, 'POST', '/api/v1/aktivitas:salin', { token: T.pegawai, body: { dari: '2001-01-01', ke: workday(0) } }), 422, 'dari');
  const id = r.json.ids[0];
  assert.equal((await call(srv, 'GET', `/api/v1/aktivitas/${id}`, { token: T.atasan })).status, 200, 'the chain reads');
  assert.equal((await call(srv, 'GET', `/api/v1/aktivitas/${id}`, { token: T.auditor })).status, 200, 'the auditor reads');
  const outsider = tokenFor(srv, one(`SELECT p.nip FROM pegawai p WHERE p.id NOT IN (${ctx.pegawai.id}, ${ctx.kasi}, ${ctx.atasan.id}) AND p.atasan_id IS NOT NULL AND p.instansi_id = (SELECT instansi_id FROM pegawai WHERE id = ${ctx.pegawai.id}) ORDER BY p.id DESC LIMIT 1`).nip);
  isProblem(assert, await call(srv, 'GET', `/api/v1/aktivitas/${id}`, { token: outsider }), 403);
  assert.equal((await call(srv, 'DELETE', `/api/v1/aktivitas/${id}`, { token: T.pegawai })).status, 204);
  isProblem(assert, await call(srv, 'GET', `/api/v1/aktivitas/${id}`, { token: T.pegawai }), 404);
});

test('rencana aksi per RHK per month; activities link to them', async () => {
  const month = Number(ctx.days[0].slice(5, 7));
  let r = await call(srv, 'POST', `/api/v1/skp/${ctx.skp}/rencana-aksi`, { token: T.pegawai,
    body: { rhk_id: ctx.rhk, bulan: month, uraian: 'Menyusun laporan bulanan data peserta didik', target_angka: '1', target_satuan: 'laporan' } });
  assert.equal(r.status, 201, r.text);
  const ra = r.json.id;
  isProblem(assert, await call(srv, 'POST', `/api/v1/skp/${ctx.skp}/rencana-aksi`, { token: T.pegawai, body: { rhk_id: ctx.rhk, bulan: 13, uraian: 'x' } }), 422, 'bulan');
  isProblem(assert, await call(srv, 'POST', `/api/v1/skp/${ctx.skp}/rencana-aksi`, { token: T.kasi, body: { rhk_id: ctx.rhk, bulan: 1, uraian: 'Bukan pemilik' } }), 403);
  r = await call(srv, 'POST', '/api/v1/aktivitas', { token: T.pegawai,
    body: body({ tanggal: ctx.days[0], jam_mulai: '10:00', jam_selesai: '11:00', rhk_id: ctx.rhk, rencana_aksi_id: ra }) });
  assert.equal(r.status, 201, r.text);
  const list = await get(T.kasi, `/api/v1/skp/${ctx.skp}/rencana-aksi`);
  assert.equal(list.items.find((x) => x.id === ra).jumlah_aktivitas, 1);
  isProblem(assert, await call(srv, 'DELETE', `/api/v1/rencana-aksi/${ra}`, { token: T.pegawai }), 409);
  r = await call(srv, 'PATCH', `/api/v1/rencana-aksi/${ra}`, { token: T.pegawai, body: { target_angka: '2' } });
  assert.equal(r.status, 200, r.text);
});

test('settings and holidays change the rules; compliance per pegawai', async () => {
  isProblem(assert, await call(srv, 'PATCH', '/api/v1/pengaturan', { token: T.admin, body: { hari_mundur: -1 } }), 422, 'hari_mundur');
  isProblem(assert, await call(srv, 'PATCH', '/api/v1/pengaturan', { token: T.pegawai, body: { hari_mundur: 30 } }), 403);
  let r = await call(srv, 'PATCH', '/api/v1/pengaturan', { token: T.admin, body: { akhir_pekan: true, menit_maks_harian: 480 } });
  assert.equal(r.status, 200, r.text);
  assert.equal((await get(T.pegawai, '/api/v1/pengaturan')).akhir_pekan, true);
  r = await call(srv, 'POST', '/api/v1/hari-libur', { token: T.admin, body: { tanggal: ctx.days[2], nama: 'Cuti bersama' } });
  assert.equal(r.status, 201, r.text);
  r = await call(srv, 'POST', '/api/v1/aktivitas', { token: T.pegawai, body: body({ tanggal: ctx.days[2], jam_mulai: '15:00', jam_selesai: '15:30' }) });
  isProblem(assert, r, 422, 'tanggal');
  assert.match(r.json.errors[0].message, /Cuti bersama/);
  assert.ok((await get(T.pegawai, `/api/v1/hari-libur?tahun=${ctx.days[2].slice(0, 4)}`)).items.some((h) => h.tanggal === ctx.days[2]));
  assert.equal((await call(srv, 'DELETE', `/api/v1/hari-libur/${ctx.days[2]}`, { token: T.admin })).status, 204);
  r = await call(srv, 'GET', `/api/v1/laporan/kepatuhan?dari=${ctx.days[2]}&sampai=${ctx.days[0]}&limit=200`, { token: T.atasan });
  assert.equal(r.status, 200, r.text);
  const row = r.json.items.find((x) => x.pegawai.id === ctx.pegawai.id);
  assert.ok(row.aktivitas >= 4 && row.menit > 0 && row.hari_tercatat >= 2);
  assert.ok(!r.json.items.some((x) => x.pegawai.id === one('SELECT id FROM pegawai WHERE atasan_id IS NULL LIMIT 1').id), 'atasan see their subtree only');
  isProblem(assert, await call(srv, 'GET', '/api/v1/laporan/kepatuhan?dari=kemarin', { token: T.admin }), 422, 'dari');
});

test('reminders reach the inbox once: no log for three working days, reviews waiting', async () => {
  const { kinerjaStatus } = await import('./lib.mjs');
  const quiet = one(`SELECT p.id FROM pegawai p WHERE p.aktif = 1 AND EXISTS (SELECT 1 FROM skp s WHERE s.pegawai_id = p.id)
    AND p.id <> ${ctx.pegawai.id} ORDER BY p.id DESC LIMIT 1`).id;
  sql(srv, `DELETE FROM aktivitas WHERE pegawai_id = ${quiet}`);
  let r = kinerjaStatus(['pengingat', '--db', srv.db]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Pengingat terkirim: [1-9]\d* pegawai belum mencatat/);
  assert.equal(count(srv, 'notifikasi', `WHERE pegawai_id = ${quiet} AND judul = 'Pengingat: catat aktivitas' AND dibaca = 0`), 1);
  r = kinerjaStatus(['pengingat', '--db', srv.db]);
  assert.match(r.stdout, /Pengingat terkirim: 0 pegawai/);
  assert.equal(count(srv, 'notifikasi', `WHERE pegawai_id = ${quiet} AND judul = 'Pengingat: catat aktivitas'`), 1);
  assert.notEqual(kinerjaStatus(['pengingat', '--db', srv.db, '--hari', '0']).status, 0);
});
