// Bukti dukung (issue 5, point 6): uploads sniffed from their bytes, stored encrypted and
// content-addressed under the data dir, deduplicated, within the per-file limit and the
// pegawai's quota; links; who reads, who deletes.  Refused requests store nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, call, tokenFor, isProblem, count, sql } from './lib.mjs';

let srv, dataDir, T = {}, ctx = {};
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];
const sha256 = (b) => createHash('sha256').update(b).digest('hex');
const objPath = (sha) => join(dataDir, 'bukti', sha.slice(0, 2), sha);

// a small PDF; `tag` makes the content unique
const pdf = (tag, size = 0) => {
  const head = Buffer.from(`%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Judul (${tag}) >> endobj\n`, 'latin1');
  const pad = size > head.length ? Buffer.alloc(size - head.length - 6, 0x20) : Buffer.alloc(0);
  return Buffer.concat([head, pad, Buffer.from('%%EOF\n')]);
};
// a minimal DOCX: ZIP local headers, central directory and end record of empty stored parts
function docx(names = ['[Content_Types].xml', '_rels/.rels', 'word/document.xml']) {
  const local = [], central = [];
  let off = 0;
  for (const n of names) {
    const name = Buffer.from(n);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0); h.writeUInt16LE(20, 4); h.writeUInt16LE(name.length, 26);
    local.push(h, name);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6);
    c.writeUInt16LE(name.length, 28); c.writeUInt32LE(off, 42);
    central.push(c, name);
    off += 30 + name.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(names.length, 8); end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(off, 16);
  return Buffer.concat([...local, cd, end]);
}

const upload = (tok, body, query = 'nama=laporan.pdf', type = 'application/octet-stream') =>
  call(srv, 'POST', `/api/v1/bukti?${query}`, { token: tok, raw: body, type });
async function download(tok, id) {
  const res = await fetch(`${srv.url}/api/v1/bukti/${id}/unduh`, { headers: { authorization: `Bearer ${tok}` } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}
function objects() {
  const root = join(dataDir, 'bukti');
  if (!existsSync(root)) return [];
  const out = [];
  for (const d of readdirSync(root)) for (const f of readdirSync(join(root, d))) out.push(join(d, f));
  return out.sort();
}
const state = () => [count(srv, 'bukti'), count(srv, 'audit_log'), objects().join(',')];
function setPengaturan(col, v) {
  sql(srv, `INSERT INTO pengaturan (instansi_id, ${col}, diubah) VALUES (${ctx.inst}, ${v}, 0)
            ON CONFLICT (instansi_id) DO UPDATE SET ${col} = excluded.${col}`);
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kinerja-bukti-'));
  srv = await startServer({ pegawai: 40, extraArgs: ['--data-dir', dataDir] });
  for (const r of ['pegawai', 'atasan', 'admin', 'auditor', 'pimpinan', 'superadmin', 'admin2']) T[r] = tokenFor(srv, r);
  ctx.pegawai = (await call(srv, 'GET', '/api/v1/auth/me', { token: T.pegawai })).json.pegawai.id;
  ctx.inst = one(`SELECT instansi_id FROM pegawai WHERE id = ${ctx.pegawai}`).instansi_id;
  const kasi = one(`SELECT p.id, p.nip FROM pegawai p WHERE p.id = (SELECT atasan_id FROM pegawai WHERE id = ${ctx.pegawai})`);
  T.kasi = tokenFor(srv, kasi.nip);
  // a colleague under the same kasi: same instansi, not in the pegawai's chain
  const peer = one(`SELECT p.id, p.nip FROM pegawai p JOIN pengguna u ON u.pegawai_id = p.id
                     WHERE p.atasan_id = ${kasi.id} AND p.id <> ${ctx.pegawai} AND u.peran = 0 LIMIT 1`);
  ctx.peer = peer.id;
  T.peer = tokenFor(srv, peer.nip);
  ctx.akt = one(`SELECT id FROM aktivitas WHERE pegawai_id = ${ctx.pegawai} AND dihapus = 0 LIMIT 1`).id;
  ctx.aktPeer = one(`SELECT id FROM aktivitas WHERE pegawai_id = ${ctx.peer} AND dihapus = 0 LIMIT 1`).id;
  ctx.real = one(`SELECT r.id FROM realisasi r JOIN skp s ON s.id = r.skp_id WHERE s.pegawai_id = ${ctx.pegawai} LIMIT 1`).id;
  ctx.realPeer = one(`SELECT r.id FROM realisasi r JOIN skp s ON s.id = r.skp_id WHERE s.pegawai_id <> ${ctx.pegawai} LIMIT 1`).id;
});
after(async () => {
  await srv?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('upload a PDF, download it back; on disk it is encrypted under its SHA-256', async () => {
  const body = pdf('unggah pertama', 100_000);
  const r = await upload(T.pegawai, body, `nama=${encodeURIComponent('Laporan Maret.pdf')}&aktivitas_id=${ctx.akt}`);
  assert.equal(r.status, 201, r.text);
  const b = r.json;
  assert.equal(b.jenis, 'berkas');
  assert.equal(b.nama, 'Laporan Maret.pdf');
  assert.equal(b.mime, 'application/pdf');
  assert.equal(b.ukuran, body.length);
  assert.equal(b.sha256, sha256(body));
  assert.equal(b.pegawai_id, ctx.pegawai);
  assert.equal(b.aktivitas_id, ctx.akt);
  assert.equal(b.unduh, `/api/v1/bukti/${b.id}/unduh`);
  assert.equal(r.headers.get('location'), `/api/v1/bukti/${b.id}`);
  ctx.first = b;

  const d = await download(T.pegawai, b.id);
  assert.equal(d.status, 200);
  assert.ok(d.body.equals(body), 'downloaded bytes equal the upload');
  assert.equal(d.headers.get('content-type'), 'application/pdf');
  assert.match(d.headers.get('content-disposition'), /^attachment; filename="Laporan Maret\.pdf"/);
  assert.equal(d.headers.get('x-content-type-options'), 'nosniff');

  const disk = readFileSync(objPath(b.sha256));
  assert.notEqual(disk.length, 0);
  assert.ok(!disk.equals(body), 'stored bytes are not the plaintext');
  assert.equal(disk.indexOf('%PDF'), -1, 'no plaintext PDF header on disk');
  assert.equal(disk.indexOf('unggah pertama'), -1);
  assert.equal(statSync(objPath(b.sha256)).mode & 0o777, 0o600);
  assert.equal(statSync(join(dataDir, 'kunci-bukti')).mode & 0o777, 0o600);

  // audited without the content
  const a = one(`SELECT aksi, entitas_id, sesudah FROM audit_log ORDER BY id DESC LIMIT 1`);
  assert.equal(a.aksi, 'bukti.create');
  assert.equal(a.entitas_id, b.id);
  assert.doesNotMatch(a.sesudah, /PDF-|unggah pertama/);

  // listed with the activity and with the pegawai (with the quota)
  const byAkt = (await call(srv, 'GET', `/api/v1/bukti?aktivitas_id=${ctx.akt}`, { token: T.pegawai })).json;
  assert.ok(byAkt.items.some((x) => x.id === b.id));
  const mine = (await call(srv, 'GET', '/api/v1/bukti', { token: T.pegawai })).json;
  assert.ok(mine.items.some((x) => x.id === b.id));
  assert.equal(mine.kuota.terpakai_bytes, body.length);
  assert.equal(mine.kuota.kuota_bytes, 524288000);
  assert.equal(mine.kuota.maks_berkas_bytes, 10485760);
});

test('the atasan chain, admin, pimpinan, auditor and superadmin read; a colleague and another instansi do not', async () => {
  const id = ctx.first.id;
  for (const r of ['atasan', 'kasi', 'admin', 'pimpinan', 'auditor', 'superadmin']) {
    const g = await call(srv, 'GET', `/api/v1/bukti/${id}`, { token: T[r] });
    assert.equal(g.status, 200, `${r}: ${g.text}`);
    const d = await download(T[r], id);
    assert.equal(d.status, 200, r);
    assert.equal(d.body.length, ctx.first.ukuran);
    const l = await call(srv, 'GET', `/api/v1/bukti?pegawai_id=${ctx.pegawai}`, { token: T[r] });
    assert.equal(l.status, 200, `${r}: ${l.text}`);
  }
  for (const r of ['peer', 'admin2']) {
    isProblem(assert, await call(srv, 'GET', `/api/v1/bukti/${id}`, { token: T[r] }), 403);
    const d = await download(T[r], id);
    assert.equal(d.status, 403, r);
    assert.ok(!d.body.includes('%PDF'));
    isProblem(assert, await call(srv, 'GET', `/api/v1/bukti?pegawai_id=${ctx.pegawai}`, { token: T[r] }), 403);
    isProblem(assert, await call(srv, 'GET', `/api/v1/bukti?aktivitas_id=${ctx.akt}`, { token: T[r] }), 403);
  }
  isProblem(assert, await call(srv, 'GET', '/api/v1/bukti/999999', { token: T.pegawai }), 404);
  assert.equal((await call(srv, 'GET', `/api/v1/bukti/${id}`)).status, 401);
});

test('only allowed types, sniffed from the bytes: an exe named .pdf, HTML, text and empty bodies are refused', async () => {
  const before = state();
  const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 0x41)]);
  let r = await upload(T.pegawai, exe, 'nama=laporan.pdf', 'application/pdf');
  isProblem(assert, r, 415, 'berkas');
  assert.match(r.json.errors[0].message, /program/);
  r = await upload(T.pegawai, Buffer.from('<!DOCTYPE html><script>alert(1)</script>'), 'nama=foto.png', 'image/png');
  isProblem(assert, r, 415, 'berkas');
  assert.match(r.json.errors[0].message, /HTML/);
  r = await upload(T.pegawai, Buffer.from('Laporan kegiatan hari ini.'), 'nama=laporan.pdf');
  isProblem(assert, r, 415, 'berkas');
  assert.match(r.json.errors[0].message, /PDF, JPEG, PNG, WebP, DOCX atau XLSX/);
  r = await upload(T.pegawai, Buffer.alloc(0), 'nama=laporan.pdf');
  isProblem(assert, r, 422, 'berkas');
  assert.match(r.json.errors[0].message, /kosong/);
  // a ZIP that is not an Office document
  r = await upload(T.pegawai, docx(['[Content_Types].xml', 'media/document.xml']), 'nama=arsip.docx');
  isProblem(assert, r, 415, 'berkas');
  // bad parameters
  isProblem(assert, await upload(T.pegawai, pdf('x'), ''), 422, 'nama');
  isProblem(assert, await upload(T.pegawai, pdf('x'), `nama=a.pdf&aktivitas_id=${ctx.akt}&realisasi_id=${ctx.real}`), 422, 'realisasi_id');
  isProblem(assert, await upload(T.pegawai, pdf('x'), 'nama=a.pdf&aktivitas_id=abc'), 422, 'aktivitas_id');
  isProblem(assert, await upload(T.pegawai, pdf('x'), 'nama=a.pdf&aktivitas_id=99999999'), 422, 'aktivitas_id');
  // someone else's activity or realisasi
  isProblem(assert, await upload(T.pegawai, pdf('x'), `nama=a.pdf&aktivitas_id=${ctx.aktPeer}`), 403);
  isProblem(assert, await upload(T.pegawai, pdf('x'), `nama=a.pdf&realisasi_id=${ctx.realPeer}`), 403);
  // an account without a pegawai
  isProblem(assert, await upload(T.superadmin, pdf('x')), 422, 'pegawai');
  assert.deepEqual(state(), before, 'nothing stored');
});

test('DOCX, JPEG, PNG and WebP are accepted with the right type and extension', async () => {
  let r = await upload(T.pegawai, docx(), `nama=notulen.doc&realisasi_id=${ctx.real}`);
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.nama, 'notulen.docx');
  assert.equal(r.json.mime, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.equal(r.json.realisasi_id, ctx.real);
  const byReal = (await call(srv, 'GET', `/api/v1/bukti?realisasi_id=${ctx.real}`, { token: T.kasi })).json;
  assert.ok(byReal.items.some((x) => x.id === r.json.id));
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF foto kegiatan')]);
  r = await upload(T.pegawai, jpeg, 'nama=foto.JPEG');
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.nama, 'foto.jpeg');
  assert.equal(r.json.mime, 'image/jpeg');
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR uji')]);
  r = await upload(T.pegawai, png, 'nama=tangkapan.pdf');
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.nama, 'tangkapan.png');
  const d = await download(T.pegawai, r.json.id);
  assert.equal(d.headers.get('content-type'), 'image/png');
  assert.ok(d.body.equals(png));
  const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([20, 0, 0, 0]), Buffer.from('WEBPVP8 uji')]);
  r = await upload(T.pegawai, webp, 'nama=gambar');
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.nama, 'gambar.webp');
});

test('path tricks in the name are sanitised; nothing is written outside the data dir', async () => {
  const body = pdf('nama aneh');
  const r = await upload(T.pegawai, body, `nama=${encodeURIComponent('../../etc/passwd')}`);
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.nama, 'passwd.pdf');
  const r2 = await upload(T.pegawai, pdf('nama aneh 2'), `nama=${encodeURIComponent('..\\..\\"a"\r\n;b.exe')}`);
  assert.equal(r2.status, 201, r2.text);
  assert.equal(r2.json.nama, "'a';b.pdf");
  const d = await download(T.pegawai, r2.json.id);
  assert.match(d.headers.get('content-disposition'), /^attachment; filename="'a';b\.pdf"; filename\*=UTF-8''%27a%27%3Bb\.pdf$/);
  assert.ok(!existsSync(join(dataDir, 'etc')));
  assert.ok(!existsSync(join(dataDir, '..', 'etc', 'passwd.pdf')));
  assert.ok(objects().every((o) => /^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(o)), objects().join(','));
  const u = await upload(T.pegawai, pdf('unicode'), `nama=${encodeURIComponent('Surat Tugas Bu Élise.pdf')}`);
  assert.equal(u.json.nama, 'Surat Tugas Bu Élise.pdf');
  const du = await download(T.pegawai, u.json.id);
  assert.match(du.headers.get('content-disposition'), /filename="Surat Tugas Bu _lise\.pdf"; filename\*=UTF-8''Surat%20Tugas%20Bu%20%C3%89lise\.pdf/);
});

test('the same content twice is stored once; deleting keeps it while another row uses it', async () => {
  const body = pdf('sama');
  const sha = sha256(body);
  const n0 = objects().length;
  const a = await upload(T.pegawai, body, 'nama=satu.pdf');
  const b = await upload(T.atasan, body, 'nama=dua.pdf');
  assert.equal(a.status, 201, a.text);
  assert.equal(b.status, 201, b.text);
  assert.equal(a.json.sha256, sha);
  assert.equal(b.json.sha256, sha);
  assert.equal(objects().length, n0 + 1);
  const before = readFileSync(objPath(sha));
  const c = await upload(T.pegawai, body, 'nama=tiga.pdf');
  assert.equal(c.status, 201);
  assert.ok(readFileSync(objPath(sha)).equals(before), 'the existing object is not rewritten');
  // only the owner deletes
  isProblem(assert, await call(srv, 'DELETE', `/api/v1/bukti/${a.json.id}`, { token: T.atasan }), 403);
  isProblem(assert, await call(srv, 'DELETE', `/api/v1/bukti/${a.json.id}`, { token: T.admin }), 403);
  isProblem(assert, await call(srv, 'DELETE', `/api/v1/bukti/${a.json.id}`, { token: T.superadmin }), 403);
  let r = await call(srv, 'DELETE', `/api/v1/bukti/${a.json.id}`, { token: T.pegawai });
  assert.equal(r.status, 204, r.text);
  assert.equal(one('SELECT aksi FROM audit_log ORDER BY id DESC LIMIT 1').aksi, 'bukti.delete');
  isProblem(assert, await call(srv, 'GET', `/api/v1/bukti/${a.json.id}`, { token: T.pegawai }), 404);
  isProblem(assert, await call(srv, 'DELETE', `/api/v1/bukti/${a.json.id}`, { token: T.pegawai }), 404);
  assert.ok(existsSync(objPath(sha)));
  assert.equal((await call(srv, 'DELETE', `/api/v1/bukti/${c.json.id}`, { token: T.pegawai })).status, 204);
  assert.ok(existsSync(objPath(sha)), 'the atasan still uses it');
  assert.equal((await download(T.atasan, b.json.id)).status, 200);
  assert.equal((await call(srv, 'DELETE', `/api/v1/bukti/${b.json.id}`, { token: T.atasan })).status, 204);
  assert.ok(!existsSync(objPath(sha)), 'removed with its last row');
  assert.equal(objects().length, n0);
  // uploaded again after removal: stored again
  const d = await upload(T.pegawai, body, 'nama=lagi.pdf');
  assert.equal(d.status, 201);
  assert.ok(existsSync(objPath(sha)));
  const dl = await download(T.pegawai, d.json.id);
  assert.ok(dl.body.equals(body));
});

test('per-file limit of the instansi and the route cap: 413, nothing stored', async () => {
  setPengaturan('bukti_maks_bytes', 4096);
  try {
    const before = state();
    const r = await upload(T.pegawai, pdf('besar', 5000), 'nama=besar.pdf');
    isProblem(assert, r, 413, 'berkas');
    assert.match(r.json.errors[0].message, /melebihi batas 4 KB per berkas/);
    assert.equal((await upload(T.pegawai, pdf('kecil', 4000), 'nama=kecil.pdf')).status, 201);
    assert.deepEqual(state().slice(0, 1), [before[0] + 1]);
  } finally {
    setPengaturan('bukti_maks_bytes', 10485760);
  }
  const before = state();
  const r = await upload(T.pegawai, pdf('terlalu besar', 11 * 1024 * 1024), 'nama=besar.pdf');
  isProblem(assert, r, 413);
  assert.deepEqual(state(), before);
});

test('quota per pegawai: refused when full, freed by deleting', async () => {
  const used = (await call(srv, 'GET', '/api/v1/bukti', { token: T.pegawai })).json.kuota.terpakai_bytes;
  setPengaturan('bukti_kuota_bytes', used + 3000);
  try {
    const before = state();
    const body = pdf('kuota', 4000);
    const r = await upload(T.pegawai, body, 'nama=kuota.pdf');
    isProblem(assert, r, 422, 'berkas');
    assert.match(r.json.errors[0].message, /kuota bukti dukung tidak cukup/);
    assert.deepEqual(state(), before, 'nothing stored');
    assert.ok(!existsSync(objPath(sha256(body))));
    // other pegawai have their own quota
    assert.equal((await upload(T.kasi, pdf('kuota kasi', 2000), 'nama=k.pdf')).status, 201);
    // free space: delete the first upload (100 000 bytes)
    assert.equal((await call(srv, 'DELETE', `/api/v1/bukti/${ctx.first.id}`, { token: T.pegawai })).status, 204);
    const ok = await upload(T.pegawai, body, 'nama=kuota.pdf');
    assert.equal(ok.status, 201, ok.text);
    const k = (await call(srv, 'GET', '/api/v1/bukti', { token: T.pegawai })).json.kuota;
    assert.equal(k.terpakai_bytes, used - ctx.first.ukuran + body.length);
  } finally {
    setPengaturan('bukti_kuota_bytes', 524288000);
  }
});

test('links: http(s) only', async () => {
  const before = state();
  for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd',
    'https://bkpsdm.go.id@evil.example/', 'https://' + 'a'.repeat(2000) + '.id/']) {
    const r = await call(srv, 'POST', '/api/v1/bukti/tautan', { token: T.pegawai, body: { url, nama: 'Tautan', aktivitas_id: ctx.akt } });
    isProblem(assert, r, 422, 'url');
  }
  isProblem(assert, await call(srv, 'POST', '/api/v1/bukti/tautan', { token: T.pegawai, body: { url: 'https://x.id/', nama: '' } }), 422, 'nama');
  isProblem(assert, await call(srv, 'POST', '/api/v1/bukti/tautan', { token: T.pegawai, body: { url: 'https://x.id/', nama: 'a', warna: 1 } }), 422, 'warna');
  isProblem(assert, await call(srv, 'POST', '/api/v1/bukti/tautan', { token: T.pegawai,
    body: { url: 'https://x.id/', nama: 'a', aktivitas_id: ctx.aktPeer } }), 403);
  isProblem(assert, await call(srv, 'POST', '/api/v1/bukti/tautan', { token: T.superadmin, body: { url: 'https://x.id/', nama: 'a' } }), 422, 'pegawai');
  assert.deepEqual(state(), before);
  const r = await call(srv, 'POST', '/api/v1/bukti/tautan', { token: T.pegawai,
    body: { url: 'https://drive.example.go.id/berkas/123', nama: 'Foto kegiatan di Drive', aktivitas_id: ctx.akt } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.jenis, 'tautan');
  assert.equal(r.json.url, 'https://drive.example.go.id/berkas/123');
  assert.equal(r.json.ukuran, 0);
  assert.equal(r.json.unduh, null);
  assert.equal(one('SELECT aksi FROM audit_log ORDER BY id DESC LIMIT 1').aksi, 'bukti.create');
  isProblem(assert, await call(srv, 'GET', `/api/v1/bukti/${r.json.id}/unduh`, { token: T.pegawai }), 409);
  assert.equal((await call(srv, 'GET', `/api/v1/bukti/${r.json.id}`, { token: T.kasi })).status, 200);
  isProblem(assert, await call(srv, 'GET', `/api/v1/bukti/${r.json.id}`, { token: T.peer }), 403);
});

test('lists page with a cursor and take one filter', async () => {
  const p1 = (await call(srv, 'GET', '/api/v1/bukti?limit=2', { token: T.pegawai })).json;
  assert.equal(p1.items.length, 2);
  assert.ok(p1.next_cursor);
  const p2 = (await call(srv, 'GET', `/api/v1/bukti?limit=2&cursor=${p1.next_cursor}`, { token: T.pegawai })).json;
  assert.ok(p2.items.every((x) => x.id > p1.items[1].id));
  isProblem(assert, await call(srv, 'GET', `/api/v1/bukti?pegawai_id=${ctx.pegawai}&aktivitas_id=${ctx.akt}`, { token: T.pegawai }), 422, 'pegawai_id');
  isProblem(assert, await call(srv, 'GET', '/api/v1/bukti', { token: T.superadmin }), 422, 'pegawai_id');
  isProblem(assert, await call(srv, 'GET', '/api/v1/bukti?aktivitas_id=99999999', { token: T.pegawai }), 404);
});

test('a large file is streamed back chunk by chunk; a tampered object never downloads as complete', async () => {
  const body = pdf('unggah besar', 1_000_000);   // about 16 chunks of 64 KiB
  const r = await upload(T.pegawai, body, 'nama=besar.pdf');
  assert.equal(r.status, 201, r.text);
  const d = await download(T.pegawai, r.json.id);
  assert.equal(d.status, 200);
  assert.equal(Number(d.headers.get('content-length')), body.length);
  assert.ok(d.body.equals(body), 'every byte comes back');
  // flip one byte in the middle of the stored (encrypted) object
  const p = objPath(r.json.sha256);
  const disk = readFileSync(p);
  disk[Math.floor(disk.length / 2)] ^= 0x01;
  (await import('node:fs')).writeFileSync(p, disk);
  let utuh = false;
  try {
    const x = await download(T.pegawai, r.json.id);
    utuh = x.body.length === body.length && x.body.equals(body);
  } catch { /* the connection was closed mid-body: what we want */ }
  assert.equal(utuh, false, 'a broken object is not delivered as a complete file');
});
