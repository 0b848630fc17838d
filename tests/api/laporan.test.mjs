// Report exports (issue 8): the rekap as a background job with progress and a download link,
// read back as XLSX (real number and date cells, frozen header, filter) and CSV; the same report
// again is served from cache until something changes; limits, scope and bad input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, call, tokenFor, isProblem, sql } from './lib.mjs';

let srv, T = {}, ctx = {};
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];
const YEAR = Number(new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 4));

async function tunggu(tok, id) {
  for (let i = 0; i < 200; i++) {
    const r = await call(srv, 'GET', `/api/v1/laporan/ekspor/${id}`, { token: tok });
    assert.equal(r.status, 200, r.text);
    if (r.json.status === 'selesai' || r.json.status === 'gagal') return r.json;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error('the export did not finish');
}

async function unduh(tok, id) {
  const res = await fetch(`${srv.url}/api/v1/laporan/ekspor/${id}/berkas`, { headers: { authorization: `Bearer ${tok}` } });
  return { status: res.status, type: res.headers.get('content-type'), disp: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
}

before(async () => {
  srv = await startServer({ pegawai: 60 });
  for (const r of ['admin', 'pegawai', 'atasan', 'pimpinan', 'admin2']) T[r] = tokenFor(srv, r);
  ctx.unit = one(`SELECT u.id, u.nama FROM unit_kerja u WHERE u.instansi_id = 1 AND u.induk_id IS NULL
                  AND (SELECT COUNT(*) FROM pegawai p WHERE p.unit_kerja_id IN (SELECT id FROM unit_kerja WHERE induk_id = u.id OR id = u.id)) > 3 LIMIT 1`);
  // active pegawai in the unit's subtree, counted here independently of the server
  ctx.jumlah = one(`WITH RECURSIVE sub(id) AS (SELECT id FROM unit_kerja WHERE id = ${ctx.unit.id} UNION ALL SELECT u.id FROM unit_kerja u JOIN sub ON u.induk_id = sub.id)
                    SELECT COUNT(*) AS n FROM pegawai WHERE aktif = 1 AND unit_kerja_id IN (SELECT id FROM sub)`).n;
});
after(async () => { await srv?.stop(); });

test('an XLSX rekap of a unit: job, progress, download, real cells', async () => {
  const r = await call(srv, 'POST', '/api/v1/laporan/ekspor', { token: T.admin, body: { jenis: 'rekap_pegawai', format: 'xlsx', unit_kerja_id: ctx.unit.id } });
  assert.equal(r.status, 202, r.text);
  assert.equal(r.json.dari_cache, false);
  assert.ok(['antri', 'jalan', 'selesai'].includes(r.json.status));
  const job = await tunggu(T.admin, r.json.id);
  assert.equal(job.status, 'selesai', job.galat);
  assert.equal(job.progres, 100);
  assert.equal(job.baris, ctx.jumlah);
  assert.equal(job.parameter.tahun, YEAR);
  assert.equal(job.unduh, `/api/v1/laporan/ekspor/${job.id}/berkas`);
  const f = await unduh(T.admin, job.id);
  assert.equal(f.status, 200);
  assert.match(f.type, /spreadsheetml/);
  assert.match(f.disp, /attachment; filename="rekap-pegawai-\d+\.xlsx"/);
  assert.equal(job.ukuran, f.body.length);
  const file = join(srv.dir, 'rekap.xlsx');
  writeFileSync(file, f.body);
  const sheet = execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const rows = sheet.match(/<row /g) || [];
  assert.equal(rows.length, ctx.jumlah + 1, 'a header and one row per pegawai');
  assert.match(sheet, /<pane [^>]*state="frozen"/);
  assert.match(sheet, new RegExp(`<autoFilter ref="A1:R${ctx.jumlah + 1}"`));
  // the first data row: No is a number cell; a NIP of the unit is there as text
  const row2 = sheet.match(/<row r="2"[^>]*>(.*?)<\/row>/)[1];
  assert.match(row2, /<c r="A2"[^>]*><v>1<\/v><\/c>/);
  const nip = one(`WITH RECURSIVE sub(id) AS (SELECT id FROM unit_kerja WHERE id = ${ctx.unit.id} UNION ALL SELECT u.id FROM unit_kerja u JOIN sub ON u.induk_id = sub.id)
                   SELECT nip FROM pegawai WHERE aktif = 1 AND unit_kerja_id IN (SELECT id FROM sub) LIMIT 1`).nip;
  assert.ok(sheet.includes(nip) || execFileSync('unzip', ['-p', file, 'xl/sharedStrings.xml'], { encoding: 'utf8' }).includes(nip));
  // activity counts are numbers (no t="s" / inlineStr on column I) and dates carry a date style
  assert.ok(!/<c r="I2"[^>]*t="/.test(row2), 'Aktivitas is a number cell');
  const dateCell = sheet.match(/<c r="L\d+" s="(\d+)"[^>]*><v>(\d+)<\/v>/);
  assert.ok(dateCell, 'Aktivitas terakhir is written as a date serial');
  assert.ok(Number(dateCell[2]) > 45000, 'an Excel serial of a recent date');
  const styles = execFileSync('unzip', ['-p', file, 'xl/styles.xml'], { encoding: 'utf8' });
  assert.match(styles, /formatCode="dd\/mm\/yyyy"/);
  const info = execFileSync('unzip', ['-p', file, 'xl/workbook.xml'], { encoding: 'utf8' });
  assert.match(info, /name="Keterangan"/);
});

test('the same report twice comes from cache until something changes', async () => {
  const body = { format: 'csv', unit_kerja_id: ctx.unit.id };
  const a = await call(srv, 'POST', '/api/v1/laporan/ekspor', { token: T.admin, body });
  assert.equal(a.status, 202, a.text);
  await tunggu(T.admin, a.json.id);
  const b = await call(srv, 'POST', '/api/v1/laporan/ekspor', { token: T.admin, body });
  assert.equal(b.status, 200, b.text);
  assert.equal(b.json.dari_cache, true);
  assert.equal(b.json.id, a.json.id);
  // a change anywhere (here: a holiday added, audited) makes the next request a new job
  const h = await call(srv, 'POST', '/api/v1/hari-libur', { token: T.admin, body: { tanggal: `${YEAR + 1}-01-02`, nama: 'Libur uji' } });
  assert.equal(h.status, 201, h.text);
  const c = await call(srv, 'POST', '/api/v1/laporan/ekspor', { token: T.admin, body });
  assert.equal(c.status, 202, c.text);
  assert.notEqual(c.json.id, a.json.id);
  const job = await tunggu(T.admin, c.json.id);
  const f = await unduh(T.admin, job.id);
  assert.match(f.type, /text\/csv/);
  const text = f.body.toString('utf8');
  assert.ok(text.startsWith('\uFEFFNo,NIP,Nama,'), 'BOM and the header');
  const lines = text.trimEnd().split('\r\n');
  assert.equal(lines.length, ctx.jumlah + 1);
  assert.match(lines[1], /^1,\d{18},/);
  // the list shows the user's jobs, newest first
  const list = await call(srv, 'GET', '/api/v1/laporan/ekspor', { token: T.admin });
  assert.equal(list.json.items[0].id, c.json.id);
});

test('scope: an atasan gets their bawahan; nobody reaches another user\'s job', async () => {
  const r = await call(srv, 'POST', '/api/v1/laporan/ekspor', { token: T.atasan, body: { format: 'csv' } });
  assert.equal(r.status, 202, r.text);
  const job = await tunggu(T.atasan, r.json.id);
  const atasan = one("SELECT pegawai_id AS id FROM pengguna WHERE username = 'atasan'").id;
  const n = one(`WITH RECURSIVE turun(id, d) AS (SELECT id, 0 FROM pegawai WHERE atasan_id = ${atasan}
                 UNION ALL SELECT c.id, t.d + 1 FROM pegawai c JOIN turun t ON c.atasan_id = t.id WHERE t.d < 32)
                 SELECT COUNT(*) AS n FROM pegawai WHERE aktif = 1 AND id IN (SELECT id FROM turun)`).n;
  assert.ok(n > 0);
  assert.equal(job.baris, n);
  isProblem(assert, await call(srv, 'GET', `/api/v1/laporan/ekspor/${job.id}`, { token: T.admin }), 404);
  assert.equal((await unduh(T.pegawai, job.id)).status, 404);
  isProblem(assert, await call(srv, 'POST', '/api/v1/laporan/ekspor', { token: T.atasan, body: { format: 'csv', unit_kerja_id: ctx.unit.id } }), 403);
  isProblem(assert, await call(srv, 'POST', '/api/v1/laporan/ekspor', { token: T.admin2, body: { format: 'csv', unit_kerja_id: ctx.unit.id } }), 403);
  const p = await call(srv, 'POST', '/api/v1/laporan/ekspor', { token: T.pimpinan, body: { format: 'xlsx' } });
  assert.equal(p.status, 202, p.text);
  const pj = await tunggu(T.pimpinan, p.json.id);
  assert.equal(pj.baris, one('SELECT COUNT(*) AS n FROM pegawai WHERE aktif = 1 AND instansi_id = 1').n, 'the whole instansi');
});

test('limits and bad input: 3 jobs in progress per user, clear 4xx, unfinished download is 409', async () => {
  const peg = one("SELECT id FROM pengguna WHERE username = 'pegawai'").id;
  const now = Math.floor(Date.now() / 1000);
  for (let i = 0; i < 3; i++)
    sql(srv, `INSERT INTO laporan_ekspor (instansi_id, pengguna_id, jenis, format, parameter, kunci, versi_data, status, mulai, dibuat)
              VALUES (1, ${peg}, 'rekap_pegawai', 'csv', '{}', 'uji-${i}', 0, 'jalan', ${now}, ${now})`);
  const r = await call(srv, 'POST', '/api/v1/laporan/ekspor', { token: T.pegawai, body: { format: 'csv' } });
  isProblem(assert, r, 429);
  assert.ok(r.headers.get('retry-after'));
  const busy = one(`SELECT id FROM laporan_ekspor WHERE pengguna_id = ${peg} LIMIT 1`).id;
  const f = await unduh(T.pegawai, busy);
  assert.equal(f.status, 409);
  isProblem(assert, await call(srv, 'POST', '/api/v1/laporan/ekspor', { token: T.admin, body: { format: 'pdf' } }), 422, 'format');
  isProblem(assert, await call(srv, 'POST', '/api/v1/laporan/ekspor', { token: T.admin, body: {} }), 422, 'format');
  isProblem(assert, await call(srv, 'POST', '/api/v1/laporan/ekspor', { token: T.admin, body: { format: 'csv', jenis: 'gaji' } }), 422, 'jenis');
  isProblem(assert, await call(srv, 'POST', '/api/v1/laporan/ekspor', { token: T.admin, body: { format: 'csv', unit_kerja_id: 999999 } }), 422, 'unit_kerja_id');
  isProblem(assert, await call(srv, 'POST', '/api/v1/laporan/ekspor', { token: T.admin, body: { format: 'csv', tahun: 1990 } }), 422, 'tahun');
  isProblem(assert, await call(srv, 'POST', '/api/v1/laporan/ekspor', { token: T.admin, body: { format: 'csv', warna: 'biru' } }), 422, 'warna');
  isProblem(assert, await call(srv, 'GET', '/api/v1/laporan/ekspor/999999', { token: T.admin }), 404);
});
