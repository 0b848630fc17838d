// Presensi for tukin/TPP (issue 9 point 1): schedules (5-day week, Friday and Ramadan hours),
// an import source with its column mapping, a CSV import that stores nothing when any line is
// bad (each reported with its line number), records through the API, statuses that are not
// deductions, and a pegawai's month with minutes late and early.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, tokenFor, isProblem, sql, count } from './lib.mjs';

let srv, T = {}, ctx = {};
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];

before(async () => {
  srv = await startServer({ pegawai: 40 });
  for (const r of ['admin', 'pegawai', 'atasan', 'admin2']) T[r] = tokenFor(srv, r);
  ctx.peg = one("SELECT p.id, p.nip FROM pegawai p JOIN pengguna u ON u.pegawai_id = p.id WHERE u.username = 'pegawai'");
  ctx.lain = one(`SELECT id, nip FROM pegawai WHERE instansi_id = 1 AND id <> ${ctx.peg.id} AND atasan_id IS NOT NULL
                  AND id NOT IN (SELECT pegawai_id FROM pengguna WHERE pegawai_id IS NOT NULL AND username IN ('atasan', 'pimpinan', 'admin', 'auditor')) LIMIT 1`);
  ctx.nipLuar = one('SELECT nip FROM pegawai WHERE instansi_id = 2 LIMIT 1').nip;
  sql(srv, 'DELETE FROM presensi');
});
after(async () => { await srv?.stop(); });

test('the instansi schedule: 5-day week, Friday and Ramadan hours; bad times are refused', async () => {
  let r = await call(srv, 'GET', '/api/v1/jadwal-kerja', { token: T.pegawai });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.masuk, '07:30', 'the demo schedule');
  sql(srv, 'DELETE FROM jadwal_kerja');
  r = await call(srv, 'GET', '/api/v1/jadwal-kerja', { token: T.pegawai });
  assert.equal(r.json.baku, true, 'the built-in default when none is set');
  r = await call(srv, 'PUT', '/api/v1/jadwal-kerja', { token: T.admin, body: { hari_kerja: 5, masuk: '07:30', pulang: '16:00',
    pulang_jumat: '16:30', ramadan_mulai: '2026-02-18', ramadan_selesai: '2026-03-19', ramadan_masuk: '08:00', ramadan_pulang: '15:00' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.pulang_jumat, '16:30');
  assert.equal(r.json.baku, false);
  isProblem(assert, await call(srv, 'PUT', '/api/v1/jadwal-kerja', { token: T.admin, body: { masuk: '16:00', pulang: '07:30' } }), 422, 'pulang');
  isProblem(assert, await call(srv, 'PUT', '/api/v1/jadwal-kerja', { token: T.admin, body: { masuk: '7.30', pulang: '16:00' } }), 422, 'masuk');
  isProblem(assert, await call(srv, 'PUT', '/api/v1/jadwal-kerja', { token: T.admin, body: { masuk: '07:30', pulang: '16:00', hari_kerja: 4 } }), 422, 'hari_kerja');
  isProblem(assert, await call(srv, 'PUT', '/api/v1/jadwal-kerja', { token: T.pegawai, body: { masuk: '07:30', pulang: '16:00' } }), 403);
  assert.equal((await call(srv, 'GET', '/api/v1/jadwal-kerja', { token: T.pegawai })).json.masuk, '07:30', 'unchanged by the refused writes');
  r = await call(srv, 'POST', '/api/v1/hari-libur', { token: T.admin, body: { tanggal: '2026-04-03', nama: 'Wafat Yesus Kristus' } });
  assert.equal(r.status, 201, r.text);
});

test('CSV import: one bad line and nothing is stored; a good file is stored once', async () => {
  let r = await call(srv, 'POST', '/api/v1/presensi/sumber', { token: T.admin,
    body: { nama: 'Mesin sidik jari', pemetaan: { nip: 'NIP', tanggal: 'Tanggal', masuk: 'Jam Masuk', pulang: 'Jam Pulang', format_tanggal: 'dmy' } } });
  assert.equal(r.status, 200, r.text);
  ctx.sumber = r.json.id;
  isProblem(assert, await call(srv, 'POST', '/api/v1/presensi/sumber', { token: T.admin, body: { nama: 'X', pemetaan: { nip: 'NIP' } } }), 422, 'nama');
  const list = await call(srv, 'GET', '/api/v1/presensi/sumber', { token: T.admin });
  assert.equal(list.json.items[0].pemetaan.tanggal, 'Tanggal');
  const bad = ['NIP;Tanggal;Jam Masuk;Jam Pulang',
    `${ctx.peg.nip};06/04/2026;08:17;16:05`,
    `999999999999999999;06/04/2026;07:20;16:00`,
    `${ctx.peg.nip};07/04/2026;16:00;07:00`,
    `${ctx.nipLuar};07/04/2026;07:00;16:00`,
    `${ctx.peg.nip};31/02/2026;07:00;16:00`,
    `${ctx.peg.nip};06/04/2026;07:00;16:00`].join('\r\n');
  r = await call(srv, 'POST', `/api/v1/presensi/impor?sumber_id=${ctx.sumber}`, { token: T.admin, raw: bad, type: 'text/csv' });
  isProblem(assert, r, 422);
  const f = r.json.errors.map((e) => e.field);
  assert.deepEqual(f, ['baris[3].nip', 'baris[4].pulang', 'baris[5].nip', 'baris[6].tanggal', 'baris[7].tanggal']);
  assert.match(r.json.errors[4].message, /sudah ada di baris 2/);
  assert.equal(count(srv, 'presensi'), 0, 'nothing stored');
  const good = ['\uFEFFNIP;Tanggal;Jam Masuk;Jam Pulang',
    `${ctx.peg.nip};06/04/2026;08:17;16:05`,        // Monday: 47 minutes late
    `${ctx.peg.nip};07/04/2026;07:25;15:30`,        // Tuesday: 30 minutes early
    `${ctx.peg.nip};08/04/2026;07:31:59;`,          // Wednesday: 1 minute late, no check-out
    `${ctx.peg.nip};10/04/2026;07:30;16:00`,        // Friday: 30 minutes early (Friday ends 16:30)
    `${ctx.peg.nip};02/03/2026;08:10;15:00`,        // Ramadan: 10 minutes late against 08:00
    `${ctx.lain.nip};06/04/2026;07:00;16:00`].join('\n');
  r = await call(srv, 'POST', `/api/v1/presensi/impor?sumber_id=${ctx.sumber}&uji=1`, { token: T.admin, raw: good, type: 'text/csv' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.json.uji, r.json.baris, r.json.disimpan], [true, 6, 0]);
  assert.equal(count(srv, 'presensi'), 0, 'a dry run stores nothing');
  r = await call(srv, 'POST', `/api/v1/presensi/impor?sumber_id=${ctx.sumber}`, { token: T.admin, raw: good, type: 'text/csv' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.baris, 6);
  assert.equal(r.json.pegawai, 2);
  assert.equal(r.json.dari, '2026-03-02');
  assert.equal(count(srv, 'presensi'), 6);
  // the same file again replaces, never duplicates
  r = await call(srv, 'POST', `/api/v1/presensi/impor?sumber_id=${ctx.sumber}`, { token: T.admin, raw: good, type: 'text/csv' });
  assert.equal(r.status, 200);
  assert.equal(count(srv, 'presensi'), 6);
  assert.equal(one(`SELECT baris FROM presensi WHERE pegawai_id = ${ctx.peg.id} AND tanggal = '2026-04-06'`).baris, 2, 'the line is kept for tracing');
  isProblem(assert, await call(srv, 'POST', '/api/v1/presensi/impor', { token: T.admin, raw: good, type: 'text/csv' }), 422, 'sumber_id');
  isProblem(assert, await call(srv, 'POST', '/api/v1/presensi/impor?sumber_id=999', { token: T.admin, raw: good, type: 'text/csv' }), 404);
  isProblem(assert, await call(srv, 'POST', `/api/v1/presensi/impor?sumber_id=${ctx.sumber}`, { token: T.pegawai, raw: good, type: 'text/csv' }), 403);
  isProblem(assert, await call(srv, 'POST', `/api/v1/presensi/impor?sumber_id=${ctx.sumber}`, { token: T.admin2, raw: good, type: 'text/csv' }), 404, undefined);
});

test('records through the API are checked the same way', async () => {
  let r = await call(srv, 'POST', '/api/v1/presensi', { token: T.admin, body: { items: [
    { nip: ctx.peg.nip, tanggal: '2026-04-09', masuk: '07:29', pulang: '16:01' }] } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.disimpan, 1);
  r = await call(srv, 'POST', '/api/v1/presensi', { token: T.admin, body: { items: [
    { nip: ctx.peg.nip, tanggal: '2026-04-13', masuk: '07:29' }, { nip: ctx.peg.nip, tanggal: '13-04-2026', masuk: '07:29' }] } });
  isProblem(assert, r, 422, 'baris[2].tanggal');
  assert.equal(count(srv, 'presensi', "WHERE tanggal = '2026-04-13'"), 0);
  isProblem(assert, await call(srv, 'POST', '/api/v1/presensi', { token: T.admin, body: { items: [] } }), 422, 'items');
});

test('statuses that are not deductions; a pegawai sees their own month', async () => {
  let r = await call(srv, 'POST', `/api/v1/pegawai/${ctx.peg.id}/presensi-status`, { token: T.admin,
    body: { status: 'dinas_luar', dari: '2026-04-14', sampai: '2026-04-15', keterangan: 'Rapat koordinasi di provinsi' } });
  assert.equal(r.status, 201, r.text);
  const sid = r.json.id;
  isProblem(assert, await call(srv, 'POST', `/api/v1/pegawai/${ctx.peg.id}/presensi-status`, { token: T.admin,
    body: { status: 'cuti', dari: '2026-04-15', sampai: '2026-04-16' } }), 422, 'dari');
  isProblem(assert, await call(srv, 'POST', `/api/v1/pegawai/${ctx.peg.id}/presensi-status`, { token: T.admin,
    body: { status: 'mangkir', dari: '2026-04-20', sampai: '2026-04-20' } }), 422, 'status');
  isProblem(assert, await call(srv, 'POST', `/api/v1/pegawai/${ctx.peg.id}/presensi-status`, { token: T.admin,
    body: { status: 'cuti', dari: '2026-04-21', sampai: '2026-04-20' } }), 422, 'sampai');
  const m = (await call(srv, 'GET', `/api/v1/pegawai/${ctx.peg.id}/presensi?bulan=2026-04`, { token: T.pegawai })).json;
  const d = Object.fromEntries(m.hari.map((h) => [h.tanggal, h]));
  assert.equal(m.hari.length, 30);
  assert.equal(d['2026-04-06'].menit_terlambat, 47);
  assert.equal(d['2026-04-06'].jadwal_masuk, '07:30');
  assert.equal(d['2026-04-07'].menit_pulang_cepat, 30);
  assert.equal(d['2026-04-08'].menit_terlambat, 1);
  assert.equal(d['2026-04-08'].keterangan, 'Tidak absen pulang');
  assert.equal(d['2026-04-10'].jadwal_pulang, '16:30');
  assert.equal(d['2026-04-10'].menit_pulang_cepat, 30);
  assert.equal(d['2026-04-03'].hari_kerja, false);
  assert.equal(d['2026-04-03'].keterangan, 'Wafat Yesus Kristus');
  assert.equal(d['2026-04-11'].hari_kerja, false, 'Saturday in a 5-day week');
  assert.equal(d['2026-04-14'].status, 'dinas_luar');
  assert.equal(d['2026-04-14'].status_id, sid, 'the status can be found (and deleted) from the month');
  assert.equal(d['2026-04-13'].status_id, null);
  assert.equal(d['2026-04-14'].menit_terlambat, 0);
  assert.equal(d['2026-04-13'].keterangan, 'Tidak ada catatan presensi');
  assert.equal(m.ringkasan.menit_terlambat, 47 + 1);
  assert.equal(m.ringkasan.menit_pulang_cepat, 30 + 30);
  // 22 weekdays in April 2026, one of them a holiday
  assert.equal(m.ringkasan.hari_kerja, 21);
  const mar = (await call(srv, 'GET', `/api/v1/pegawai/${ctx.peg.id}/presensi?bulan=2026-03`, { token: T.pegawai })).json;
  const r2 = mar.hari.find((h) => h.tanggal === '2026-03-02');
  assert.equal(r2.jadwal_masuk, '08:00');
  assert.equal(r2.menit_terlambat, 10);
  assert.equal(r2.menit_pulang_cepat, 0, 'Ramadan ends at 15:00');
  isProblem(assert, await call(srv, 'GET', `/api/v1/pegawai/${ctx.lain.id}/presensi?bulan=2026-04`, { token: T.pegawai }), 403);
  isProblem(assert, await call(srv, 'GET', `/api/v1/pegawai/${ctx.peg.id}/presensi?bulan=2026-13`, { token: T.pegawai }), 422, 'bulan');
  assert.equal((await call(srv, 'GET', `/api/v1/pegawai/${ctx.peg.id}/presensi?bulan=2026-04`, { token: T.atasan })).status, 200);
  assert.equal((await call(srv, 'DELETE', `/api/v1/presensi-status/${sid}`, { token: T.admin })).status, 204);
  isProblem(assert, await call(srv, 'DELETE', `/api/v1/presensi-status/${sid}`, { token: T.admin }), 404);
});

test("shift rosters: a pegawai's own hours or day off override the unit schedule", async () => {
  // Saturday 2026-04-18 on a 13:00-21:00 shift, Monday 2026-04-20 off
  let r = await call(srv, 'POST', '/api/v1/jadwal-shift', { token: T.admin, body: { items: [
    { nip: ctx.peg.nip, tanggal: '2026-04-18', masuk: '13:00', pulang: '21:00' },
    { nip: ctx.peg.nip, tanggal: '2026-04-20', libur: true }] } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.disimpan, 2);
  isProblem(assert, await call(srv, 'POST', '/api/v1/jadwal-shift', { token: T.admin, body: { items: [
    { nip: ctx.peg.nip, tanggal: '2026-04-21', masuk: '22:00', pulang: '22:00' }] } }), 422, 'items[0].pulang');
  isProblem(assert, await call(srv, 'POST', '/api/v1/jadwal-shift', { token: T.admin, body: { items: [
    { nip: '000000000000000000', tanggal: '2026-04-21', masuk: '07:00', pulang: '15:00' }] } }), 422, 'items[0].nip');
  isProblem(assert, await call(srv, 'POST', '/api/v1/jadwal-shift', { token: T.pegawai, body: { items: [] } }), 403);
  r = await call(srv, 'POST', '/api/v1/presensi', { token: T.admin, body: { items: [{ nip: ctx.peg.nip, tanggal: '2026-04-18', masuk: '13:20', pulang: '21:00' }] } });
  assert.equal(r.status, 200, r.text);
  const m = (await call(srv, 'GET', `/api/v1/pegawai/${ctx.peg.id}/presensi?bulan=2026-04`, { token: T.pegawai })).json;
  const d = Object.fromEntries(m.hari.map((h) => [h.tanggal, h]));
  assert.equal(d['2026-04-18'].hari_kerja, true, 'a rostered Saturday is a working day');
  assert.equal(d['2026-04-18'].jadwal_masuk, '13:00');
  assert.equal(d['2026-04-18'].menit_terlambat, 20);
  assert.equal(d['2026-04-20'].hari_kerja, false);
  assert.equal(d['2026-04-20'].keterangan, 'Libur (jadwal shift)');
  const list = (await call(srv, 'GET', `/api/v1/pegawai/${ctx.peg.id}/jadwal-shift?bulan=2026-04`, { token: T.pegawai })).json;
  assert.deepEqual(list.items.map((x) => [x.tanggal, x.libur]), [['2026-04-18', false], ['2026-04-20', true]]);
});

test('a night shift across midnight: check-out next morning, minutes late and early counted from the shift', async () => {
  // Tuesday 2026-04-21 and Wednesday 2026-04-22 on 22:00-06:00
  let r = await call(srv, 'POST', '/api/v1/jadwal-shift', { token: T.admin, body: { items: [
    { nip: ctx.peg.nip, tanggal: '2026-04-21', masuk: '22:00', pulang: '06:00' },
    { nip: ctx.peg.nip, tanggal: '2026-04-22', masuk: '22:00', pulang: '06:00' }] } });
  assert.equal(r.status, 200, r.text);
  // a check-out before the check-in is accepted only where the roster has a night shift
  const sebelum = count(srv, 'presensi');
  r = await call(srv, 'POST', '/api/v1/presensi', { token: T.admin, body: { items: [
    { nip: ctx.peg.nip, tanggal: '2026-04-21', masuk: '22:25', pulang: '05:50' },
    { nip: ctx.peg.nip, tanggal: '2026-04-23', masuk: '22:00', pulang: '06:00' }] } });
  isProblem(assert, r, 422, 'baris[2].pulang');
  assert.match(r.text, /shift malam/);
  assert.equal(count(srv, 'presensi'), sebelum, 'nothing stored');
  r = await call(srv, 'POST', '/api/v1/presensi', { token: T.admin, body: { items: [
    { nip: ctx.peg.nip, tanggal: '2026-04-21', masuk: '22:25', pulang: '05:50' },
    { nip: ctx.peg.nip, tanggal: '2026-04-22', masuk: '00:10', pulang: '06:05' }] } });
  assert.equal(r.status, 200, r.text);
  const m = (await call(srv, 'GET', `/api/v1/pegawai/${ctx.peg.id}/presensi?bulan=2026-04`, { token: T.pegawai })).json;
  const d = Object.fromEntries(m.hari.map((h) => [h.tanggal, h]));
  assert.equal(d['2026-04-21'].jadwal_masuk, '22:00');
  assert.equal(d['2026-04-21'].jadwal_pulang, '06:00');
  assert.equal(d['2026-04-21'].menit_terlambat, 25);
  assert.equal(d['2026-04-21'].menit_pulang_cepat, 10);
  assert.equal(d['2026-04-22'].menit_terlambat, 130, 'in at 00:10 is 130 minutes after 22:00');
  assert.equal(d['2026-04-22'].menit_pulang_cepat, 0);
});
