// Import of pegawai from a SIASN-style CSV, through the API and the command line:
// all-or-nothing with every bad row reported, idempotent upsert by NIP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, call, tokenFor, isProblem, count, sql, kinerjaStatus } from './lib.mjs';

let srv, admin;
before(async () => { srv = await startServer({ pegawai: 20 }); admin = tokenFor(srv, 'admin'); });
after(async () => { await srv?.stop(); });

const HEAD = 'nip;nama;gelar_depan;gelar_belakang;jenis_kelamin;tanggal_lahir;jenis_asn;golongan;jabatan;jenis_jabatan;unit_kerja;nip_atasan';
const GOOD = [HEAD,
  '197205141998031003;Hendra Gunawan;Ir.;M.Si.;L;1972-05-14;PNS;IV/b;Kepala Dinas Perikanan;jpt;Dinas Perikanan;',
  '198811222014022004;Rina Marlina;;S.Pi.;P;1988-11-22;PNS;III/c;Kepala Bidang Budidaya;administrator;Dinas Perikanan;197205141998031003',
  '199403032019031006;Yohanes Siregar;;S.T.;L;1994-03-03;PNS;III/a;Pengelola Data Perikanan;pelaksana;Dinas Perikanan;198811222014022004',
  '199607072023212003;Ni Made Ayu Lestari;;A.Md.;P;1996-07-07;PPPK;VII;Penyuluh Perikanan Terampil;fungsional;Dinas Perikanan;198811222014022004',
].join('\r\n') + '\r\n';

test('a good file through the API creates pegawai, units, jabatan, riwayat and audit', async () => {
  const before = count(srv, 'pegawai');
  const r = await call(srv, 'POST', '/api/v1/import/pegawai?buat=1&tanggal=2026-01-02', { token: admin, raw: GOOD, type: 'text/csv' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.baris, 4);
  assert.equal(r.json.dibuat, 4);
  assert.equal(r.json.unit_dibuat, 1);
  assert.equal(r.json.jabatan_dibuat, 4);
  assert.equal(count(srv, 'pegawai'), before + 4);
  const p = JSON.parse(sql(srv, "SELECT p.id, a.nip AS atasan FROM pegawai p JOIN pegawai a ON a.id = p.atasan_id WHERE p.nip = '199403032019031006'"))[0];
  assert.equal(p.atasan, '198811222014022004');
  assert.equal(count(srv, 'pegawai_riwayat', `WHERE pegawai_id = ${p.id} AND mulai = '2026-01-02' AND selesai IS NULL`), 1);
  assert.ok(count(srv, 'audit_log', "WHERE aksi LIKE '%import%'") >= 4);
});

test('importing the same file twice changes nothing the second time', async () => {
  const audits = count(srv, 'audit_log');
  const r = await call(srv, 'POST', '/api/v1/import/pegawai?buat=1', { token: admin, raw: GOOD, type: 'text/csv' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.dibuat, 0);
  assert.equal(r.json.diubah, 0);
  assert.equal(r.json.tidak_berubah, 4);
  assert.equal(count(srv, 'audit_log'), audits);
});

test('a file with bad rows changes nothing and reports every bad row with its line', async () => {
  const bad = GOOD.replace('199403032019031006;Yohanes', '19940303201903100;Yohanes')
    .replace('PPPK;VII', 'PPPK;XX') + '198001012005011001;;;;L;1980-01-01;PNS;III/a;Staf;pelaksana;Dinas Perikanan;\r\n';
  const state = [count(srv, 'pegawai'), count(srv, 'audit_log'), count(srv, 'unit_kerja'), count(srv, 'jabatan')];
  const r = await call(srv, 'POST', '/api/v1/import/pegawai?buat=1', { token: admin, raw: bad, type: 'text/csv' });
  isProblem(assert, r, 422);
  const lines = r.json.errors.map((e) => e.baris);
  assert.ok(lines.includes(4), r.text);
  assert.ok(lines.includes(5), r.text);
  assert.ok(lines.includes(6), r.text);
  assert.ok(r.json.errors.every((e) => typeof e.message === 'string' && e.message.length > 0));
  assert.deepEqual([count(srv, 'pegawai'), count(srv, 'audit_log'), count(srv, 'unit_kerja'), count(srv, 'jabatan')], state);
});

test('unknown units are rejected unless creation is allowed; dry run stores nothing', async () => {
  const csv = HEAD + '\n198512122010011009;Bambang Susilo;;;L;1985-12-12;PNS;III/d;Analis Data Uji;pelaksana;Unit Yang Belum Ada;\n';
  let r = await call(srv, 'POST', '/api/v1/import/pegawai', { token: admin, raw: csv, type: 'text/csv' });
  isProblem(assert, r, 422);
  assert.match(r.text, /Unit Yang Belum Ada/);
  const n = count(srv, 'pegawai');
  r = await call(srv, 'POST', '/api/v1/import/pegawai?buat=1&uji=1', { token: admin, raw: csv, type: 'text/csv' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.uji, true);
  assert.equal(count(srv, 'pegawai'), n);
});

test('a missing required column is reported; an empty body is 400; wrong type is 415', async () => {
  let r = await call(srv, 'POST', '/api/v1/import/pegawai', { token: admin, raw: 'nama;unit_kerja\nBudi;X\n', type: 'text/csv' });
  isProblem(assert, r, 422);
  assert.match(r.text, /nip/);
  r = await call(srv, 'POST', '/api/v1/import/pegawai', { token: admin, raw: '', type: 'text/csv' });
  isProblem(assert, r, 400);
  r = await call(srv, 'POST', '/api/v1/import/pegawai', { token: admin, raw: GOOD, type: 'application/json' });
  isProblem(assert, r, 415);
});

test('the command line imports, rejects bad files with a non-zero exit, and is idempotent', async () => {
  const file = join(srv.dir, 'pegawai.csv');
  const csv = HEAD + '\n199001152015031002;Fajar Nugroho;;S.Kom.;L;1990-01-15;PNS;III/b;Pranata Komputer Ahli Pertama;fungsional;Dinas Perikanan;198811222014022004\n';
  writeFileSync(file, csv);
  let r = kinerjaStatus(['import', 'pegawai', '--db', srv.db, '--instansi', 'PEMKAB-SUKAMAJU', '--create-missing', '--quiet', file]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /dibuat 1/);
  r = kinerjaStatus(['import', 'pegawai', '--db', srv.db, '--instansi', 'PEMKAB-SUKAMAJU', '--create-missing', '--quiet', file]);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /tidak berubah 1/);
  writeFileSync(file, csv.replace('1990-01-15', '1990-01-16'));
  const n = count(srv, 'pegawai');
  r = kinerjaStatus(['import', 'pegawai', '--db', srv.db, '--instansi', 'PEMKAB-SUKAMAJU', '--quiet', file]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /baris 2/);
  assert.equal(count(srv, 'pegawai'), n);
  r = kinerjaStatus(['import', 'pegawai', '--db', srv.db, '--instansi', 'TIDAK-ADA', file]);
  assert.notEqual(r.status, 0);
});

// Issue 13: a larger file goes through the multi-row INSERT of created pegawai (64 at a time)
// and one audit record per chunk; the rows, their riwayat and atasan are as row by row.
test('150 new pegawai: written 64 at a time, riwayat and atasan as row by row, one audit record naming them', async () => {
  const nip = (i) => `19800101200501${i % 2 ? 1 : 2}${String(i + 100).padStart(3, '0')}`;
  const rows = [HEAD];
  for (let i = 0; i < 150; i++) {
    // row i's atasan is row i+1 for the first three (later in the file), else an earlier row
    const atasan = i < 3 ? nip(i + 1) : i === 3 ? '' : nip(Math.floor((i - 1) / 10) + 3);
    rows.push(`${nip(i)};Pegawai Impor ${i};;;${i % 2 ? 'L' : 'P'};1980-01-01;PNS;III/a;Analis Impor;pelaksana;Bidang Impor;${atasan}`);
  }
  const csv = rows.join('\r\n') + '\r\n';
  const before = count(srv, 'pegawai');
  const audits = count(srv, 'audit_log', "WHERE aksi = 'pegawai.import.batch'");
  const r = await call(srv, 'POST', '/api/v1/import/pegawai?buat=1&tanggal=2026-01-05', { token: admin, raw: csv, type: 'text/csv' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.dibuat, 150);
  assert.equal(count(srv, 'pegawai'), before + 150);
  const w = "WHERE nip LIKE '19800101200501%'";
  assert.equal(count(srv, 'pegawai', `${w} AND nama LIKE 'Pegawai Impor %' AND atasan_id IS NOT NULL`), 149);
  const a = JSON.parse(sql(srv, `SELECT p.nip, a.nip AS atasan FROM pegawai p JOIN pegawai a ON a.id = p.atasan_id WHERE p.nip IN ('${nip(0)}', '${nip(77)}')`));
  assert.deepEqual(Object.fromEntries(a.map((x) => [x.nip, x.atasan])), { [nip(0)]: nip(1), [nip(77)]: nip(10) });
  // one open riwayat row each, from the import date, with the same atasan as the pegawai
  assert.equal(count(srv, 'pegawai_riwayat r', `JOIN pegawai p ON p.id = r.pegawai_id ${w.replace('nip', 'p.nip')}
    AND r.mulai = '2026-01-05' AND r.selesai IS NULL AND r.sumber = 'import'
    AND r.unit_kerja_id = p.unit_kerja_id AND r.atasan_id IS NOT DISTINCT FROM p.atasan_id`), 150);
  assert.equal(count(srv, 'pegawai_riwayat r', `JOIN pegawai p ON p.id = r.pegawai_id ${w.replace('nip', 'p.nip')}`), 150);
  assert.equal(count(srv, 'audit_log', "WHERE aksi = 'pegawai.import.batch'"), audits + 1);
  const rec = JSON.parse(sql(srv, "SELECT sesudah FROM audit_log WHERE aksi = 'pegawai.import.batch' ORDER BY id DESC LIMIT 1"))[0];
  const s = JSON.parse(rec.sesudah);
  assert.equal(s.jumlah, 150);
  assert.equal(new Set(s.ids).size, 150);
  assert.match(s.hash_baris, /^[0-9a-f]{64}$/);
  const v = await call(srv, 'GET', '/api/v1/audit/verify', { token: tokenFor(srv, 'auditor') });
  assert.equal(v.status, 200, v.text);
  assert.equal(v.json.utuh, true);
});
