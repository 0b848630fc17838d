// TPP documents (issue 9 point 5) on the demo's computed draft month: the nominatif XLSX of the
// instansi and of a unit subtree (rows, number cells, SUM formulas and their values, order,
// frozen header, autofilter), the slip PDF of a pegawai with deductions (name, NIP, total in
// rupiah, a deduction line's kode, DRAF), access, and the hash on both once the month is approved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, call, tokenFor, isProblem, sql } from './lib.mjs';

let srv, T = {}, ctx = {};
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];
const all = (q) => JSON.parse(sql(srv, q) || '[]');
// tpp_rupiah_tulis: 9329000 -> "Rp9.329.000"
const rupiah = (n) => 'Rp' + String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

async function unduh(token, path) {
  const res = await fetch(srv.url + path, { headers: { authorization: `Bearer ${token}` } });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), disp: res.headers.get('content-disposition'), body,
    json: res.headers.get('content-type')?.includes('json') ? JSON.parse(body.toString()) : null };
}

let nfile = 0;
function lembar(body) {
  const file = join(srv.dir, `nominatif-${nfile++}.xlsx`);
  writeFileSync(file, body);
  const p = (part) => execFileSync('unzip', ['-p', file, part], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { sheet: p('xl/worksheets/sheet1.xml'), styles: p('xl/styles.xml') };
}

function pdfTeks(body) {
  const file = join(srv.dir, `slip-${nfile++}.pdf`);
  writeFileSync(file, body);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
}

// the cells of one row of sheet1.xml: {A: {v, t, f, s}, ...}
function sel(sheet, r) {
  const m = sheet.match(new RegExp(`<row r="${r}"[^>]*>(.*?)</row>`));
  if (!m) return null;
  const out = {};
  for (const c of m[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>(.*?)<\/c>)/g)) {
    const inner = c[3] || '';
    out[c[1]] = { t: (c[2].match(/t="(\w+)"/) || [])[1], s: (c[2].match(/s="(\d+)"/) || [])[1],
      v: (inner.match(/<v>(.*?)<\/v>/) || [])[1], f: (inner.match(/<f>(.*?)<\/f>/) || [])[1],
      teks: (inner.match(/<t[^>]*>(.*?)<\/t>/) || [])[1] };
  }
  return out;
}

const HDR = 8;   // the header row (1-based); data from row 9

before(async () => {
  srv = await startServer({ pegawai: 30 });
  for (const r of ['admin', 'pimpinan', 'pegawai', 'admin2', 'auditor']) T[r] = tokenFor(srv, r);
  const list = await call(srv, 'GET', '/api/v1/tpp/bulan', { token: T.admin });
  assert.equal(list.status, 200, list.text);
  ctx.bulan = list.json.items[0];
  assert.equal(ctx.bulan.status, 'draft');
  const m = await call(srv, 'GET', `/api/v1/tpp/bulan/${ctx.bulan.id}?limit=200`, { token: T.admin });
  assert.equal(m.status, 200, m.text);
  ctx.items = m.json.items;
  assert.equal(ctx.items.length, ctx.bulan.pegawai);
  ctx.units = all(`SELECT id, induk_id, nama FROM unit_kerja WHERE instansi_id = 1`);
});
after(async () => { await srv?.stop(); });

test('the nominatif of the whole instansi: a row per pegawai, number cells, SUM formulas with checked values', async () => {
  const f = await unduh(T.pimpinan, `/api/v1/tpp/bulan/${ctx.bulan.id}/nominatif.xlsx`);
  assert.equal(f.status, 200, f.body.toString().slice(0, 300));
  assert.match(f.type, /spreadsheetml/);
  assert.equal(f.disp, `attachment; filename="nominatif-tpp-${ctx.bulan.tahun}-${String(ctx.bulan.bulan).padStart(2, '0')}.xlsx"`);
  const { sheet, styles } = lembar(f.body);
  const n = ctx.items.length, last = HDR + n, tot = last + 1;
  assert.match(sheet, /Oktober|November|Desember|Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September/);
  assert.match(sheet, /Status: DRAF/);
  assert.match(sheet, /<pane [^>]*ySplit="8"[^>]*state="frozen"/);
  assert.match(sheet, new RegExp(`<autoFilter ref="A${HDR}:O${last}"/>`));
  assert.equal(sel(sheet, HDR).N.teks, 'Jumlah diterima (Rp)');
  // every pegawai once, by NIP, with their amounts as numbers in a rupiah format
  const byNip = Object.fromEntries(ctx.items.map((x) => [x.nip, x]));
  const seen = [];
  let jumlah = 0;
  for (let r = HDR + 1; r <= last; r++) {
    const c = sel(sheet, r);
    assert.equal(c.A.v, String(r - HDR), `No of row ${r}`);
    const x = byNip[c.B.teks];
    assert.ok(x, `row ${r}: NIP ${c.B.teks} is one of the month's`);
    seen.push(c.B.teks);
    for (const [col, key] of [['H', 'dasar'], ['I', 'kinerja'], ['J', 'disiplin'], ['L', 'potongan_presensi'], ['M', 'potongan_sanksi'], ['N', 'jumlah']]) {
      assert.equal(c[col].t, undefined, `${col}${r} is a number cell`);
      assert.equal(Number(c[col].v), x[key], `${col}${r} ${key}`);
    }
    assert.equal(Number(c.K.v), x.potongan_persen_bp / 100);
    assert.equal(c.F.teks ?? '', x.unit_kerja.replace(/&/g, '&amp;'));
    jumlah += Number(c.N.v);
  }
  assert.equal(new Set(seen).size, n);
  // sorted by unit, then name
  const urut = [];
  for (let r = HDR + 1; r <= last; r++) { const c = sel(sheet, r); urut.push([c.F.teks ?? '', byNip[c.B.teks].nama]); }
  const cmp = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
  assert.deepEqual(urut, [...urut].sort(cmp));
  // the totals row: SUM formulas whose cached values are the month's totals
  const t = sel(sheet, tot);
  assert.equal(t.C.teks, 'JUMLAH');
  assert.equal(t.N.f, `SUM(N${HDR + 1}:N${last})`);
  assert.equal(Number(t.N.v), ctx.bulan.jumlah);
  assert.equal(jumlah, ctx.bulan.jumlah);
  assert.equal(Number(t.H.v), ctx.items.reduce((s, x) => s + x.dasar, 0));
  assert.equal(Number(t.L.v), ctx.items.reduce((s, x) => s + x.potongan_presensi, 0));
  // the rupiah format, and the signature block
  const numFmt = styles.match(/<numFmt numFmtId="(\d+)" formatCode="([^"]*#,##0)"/);
  assert.ok(numFmt, 'a #,##0 rupiah format');
  const xf = [...styles.match(/<cellXfs[^>]*>(.*?)<\/cellXfs>/s)[1].matchAll(/<xf [^>]*>/g)].map((m) => m[0]);
  assert.match(xf[Number(sel(sheet, HDR + 1).N.s)], new RegExp(`numFmtId="${numFmt[1]}"`));
  assert.match(sheet, /Pengelola Keuangan/);
  assert.match(sheet, /Kepala /);
});

test('the nominatif of a unit subtree; refusals', async () => {
  // the unit with the deepest subtree
  const sub = (id) => [id, ...ctx.units.filter((u) => u.induk_id === id).flatMap((u) => sub(u.id))];
  const unit = ctx.units.map((u) => ({ u, s: sub(u.id) })).sort((a, b) => b.s.length - a.s.length)[0];
  const names = new Set(unit.s.map((id) => ctx.units.find((u) => u.id === id).nama));
  const mine = ctx.items.filter((x) => names.has(x.unit_kerja));
  assert.ok(mine.length > 0 && mine.length < ctx.items.length, 'the subtree is a part of the instansi');
  const f = await unduh(T.admin, `/api/v1/tpp/bulan/${ctx.bulan.id}/nominatif.xlsx?unit_kerja_id=${unit.u.id}`);
  assert.equal(f.status, 200, f.body.toString().slice(0, 300));
  assert.match(f.disp, new RegExp(`nominatif-tpp-\\d{4}-\\d{2}-unit-${unit.u.id}\\.xlsx`));
  const { sheet } = lembar(f.body);
  assert.ok(sheet.includes(`Unit kerja: ${unit.u.nama.replace(/&/g, '&amp;')} (beserta unit di bawahnya)`));
  const last = HDR + mine.length;
  assert.ok(sel(sheet, last).B.teks && !sel(sheet, last + 1).B?.teks, 'exactly the subtree\'s rows');
  for (let r = HDR + 1; r <= last; r++) assert.ok(mine.some((x) => x.nip === sel(sheet, r).B.teks));
  const t = sel(sheet, last + 1);
  assert.equal(t.N.f, `SUM(N${HDR + 1}:N${last})`);
  assert.equal(Number(t.N.v), mine.reduce((s, x) => s + x.jumlah, 0));
  // refusals: a unit of another instansi, an unknown month, other roles and instansi
  const u2 = one('SELECT id FROM unit_kerja WHERE instansi_id = 2 LIMIT 1').id;
  isProblem(assert, await call(srv, 'GET', `/api/v1/tpp/bulan/${ctx.bulan.id}/nominatif.xlsx?unit_kerja_id=${u2}`, { token: T.admin }), 422, 'unit_kerja_id');
  isProblem(assert, await call(srv, 'GET', `/api/v1/tpp/bulan/${ctx.bulan.id}/nominatif.xlsx?unit_kerja_id=x`, { token: T.admin }), 422, 'unit_kerja_id');
  isProblem(assert, await call(srv, 'GET', '/api/v1/tpp/bulan/999999/nominatif.xlsx', { token: T.admin }), 404);
  for (const r of ['pegawai', 'admin2', 'auditor'])
    isProblem(assert, await call(srv, 'GET', `/api/v1/tpp/bulan/${ctx.bulan.id}/nominatif.xlsx`, { token: T[r] }), 403);
});

test('a nominatif that does not add up to the month is refused, not sent', async () => {
  sql(srv, `UPDATE tpp_bulan SET jumlah = jumlah + 1 WHERE id = ${ctx.bulan.id}`);
  try {
    const r = await call(srv, 'GET', `/api/v1/tpp/bulan/${ctx.bulan.id}/nominatif.xlsx`, { token: T.admin });
    isProblem(assert, r, 503);
    assert.match(r.json.detail, /tidak cocok/);
  } finally {
    sql(srv, `UPDATE tpp_bulan SET jumlah = jumlah - 1 WHERE id = ${ctx.bulan.id}`);
  }
});

test('the slip of a pegawai with deductions: identity, total in rupiah, each line, DRAF', async () => {
  const x = ctx.items.filter((i) => i.potongan_persen_bp > 0).sort((a, b) => b.jumlah - a.jumlah)[0];
  assert.ok(x, 'the demo month has a pegawai with deductions');
  ctx.slipPegawai = x;
  const hasil = (await call(srv, 'GET', `/api/v1/tpp/bulan/${ctx.bulan.id}/pegawai/${x.pegawai_id}`, { token: T.admin })).json;
  assert.ok(hasil.rincian.baris.length > 0);
  T.diri = tokenFor(srv, x.nip);
  const path = `/api/v1/tpp/bulan/${ctx.bulan.id}/pegawai/${x.pegawai_id}/slip.pdf`;
  const f = await unduh(T.diri, path);
  assert.equal(f.status, 200, f.body.toString().slice(0, 300));
  assert.equal(f.type, 'application/pdf');
  assert.equal(f.disp, `attachment; filename="slip-tpp-${x.nip}-${ctx.bulan.tahun}-${String(ctx.bulan.bulan).padStart(2, '0')}.pdf"`);
  assert.equal(f.body.subarray(0, 5).toString(), '%PDF-');
  const s = pdfTeks(f.body);
  assert.ok(s.includes('SLIP TAMBAHAN PENGHASILAN PEGAWAI (TPP)'));
  assert.ok(s.includes(x.nama), `name ${x.nama}`);
  assert.ok(s.includes(x.nip), 'NIP');
  assert.ok(s.includes(`JUMLAH DITERIMA ${rupiah(x.jumlah)}`), `total ${rupiah(x.jumlah)}:\n${s}`);
  assert.ok(s.includes(rupiah(x.potongan_presensi)), 'the presensi deduction in rupiah');
  for (const b of hasil.rincian.baris) {
    const tgl = b.tanggal.split('-').reverse().join('-');
    assert.ok(s.includes(`${tgl} ${b.kode}`), `line ${b.tanggal} ${b.kode}`);
  }
  assert.ok(s.includes(hasil.rincian.penjelasan[0].slice(0, 40)), 'the penjelasan lines');
  assert.match(s, /DRAF/);
  assert.match(s, /Halaman 1 dari \d+/);
  // the atasan chain and the instansi's readers get it too
  const atasan = one(`SELECT p.nip FROM pegawai p JOIN pegawai b ON b.atasan_id = p.id WHERE b.id = ${x.pegawai_id}`);
  if (atasan) assert.equal((await unduh(tokenFor(srv, atasan.nip), path)).status, 200);
  assert.equal((await unduh(T.pimpinan, path)).status, 200);
});

test('slip access: another pegawai 403, another instansi 403, unknown 404', async () => {
  const x = ctx.slipPegawai;
  const me = (await call(srv, 'GET', '/api/v1/auth/me', { token: T.pegawai })).json.pegawai.id;
  const lain = ctx.items.find((i) => i.pegawai_id !== me && !one(`WITH RECURSIVE naik(id, d) AS (SELECT atasan_id, 0 FROM pegawai WHERE id = ${i.pegawai_id}
    UNION ALL SELECT p.atasan_id, n.d + 1 FROM pegawai p JOIN naik n ON p.id = n.id WHERE n.d < 20) SELECT id FROM naik WHERE id = ${me}`));
  isProblem(assert, await call(srv, 'GET', `/api/v1/tpp/bulan/${ctx.bulan.id}/pegawai/${lain.pegawai_id}/slip.pdf`, { token: T.pegawai }), 403);
  isProblem(assert, await call(srv, 'GET', `/api/v1/tpp/bulan/${ctx.bulan.id}/pegawai/${x.pegawai_id}/slip.pdf`, { token: T.admin2 }), 403);
  isProblem(assert, await call(srv, 'GET', `/api/v1/tpp/bulan/${ctx.bulan.id}/pegawai/${x.pegawai_id}/slip.pdf`, { token: T.auditor }), 403);
  isProblem(assert, await call(srv, 'GET', `/api/v1/tpp/bulan/999999/pegawai/${x.pegawai_id}/slip.pdf`, { token: T.admin }), 404);
  isProblem(assert, await call(srv, 'GET', `/api/v1/tpp/bulan/${ctx.bulan.id}/pegawai/999999/slip.pdf`, { token: T.admin }), 404);
  // a pegawai of the instansi without a result that month (added after the run)
  const baru = one(`SELECT id FROM pegawai WHERE instansi_id = 1 AND id NOT IN (SELECT pegawai_id FROM tpp_hasil WHERE bulan_id = ${ctx.bulan.id}) LIMIT 1`);
  if (baru) isProblem(assert, await call(srv, 'GET', `/api/v1/tpp/bulan/${ctx.bulan.id}/pegawai/${baru.id}/slip.pdf`, { token: T.admin }), 404);
});

test('after approval the slip and the nominatif carry the hash, without DRAF', async () => {
  const r = await call(srv, 'POST', `/api/v1/tpp/bulan/${ctx.bulan.id}/setujui`, { token: T.admin, body: {} });
  assert.equal(r.status, 200, r.text);
  const hash = r.json.hash;
  assert.match(hash, /^[0-9a-f]{64}$/);
  const x = ctx.slipPegawai;
  const f = await unduh(T.diri, `/api/v1/tpp/bulan/${ctx.bulan.id}/pegawai/${x.pegawai_id}/slip.pdf`);
  assert.equal(f.status, 200);
  const s = pdfTeks(f.body);
  assert.ok(s.includes(hash), `the hash on the slip:\n${s}`);
  assert.match(s, /DISETUJUI \d{1,2} \w+ \d{4}/);
  assert.ok(!s.includes('DRAF'), 'no DRAF once approved');
  assert.ok(s.includes(`JUMLAH DITERIMA ${rupiah(x.jumlah)}`));
  const n = await unduh(T.admin, `/api/v1/tpp/bulan/${ctx.bulan.id}/nominatif.xlsx`);
  assert.equal(n.status, 200);
  const { sheet } = lembar(n.body);
  assert.match(sheet, new RegExp(`Status: disetujui \\d{1,2} \\w+ \\d{4}; hash hasil ${hash}`));
  assert.ok(!sheet.includes('DRAF'));
});
