// The first-login walkthrough's state and the user guide (issue 14 parts 1 and 3): closing a
// walkthrough is kept per user on the server (another session, another device, sees it closed;
// another user does not); bad input is a 422 on its field; the guide PDF has a page per role with
// the screenshots in it; a guide page that names a missing picture fails here and makes the PDF
// a 404 instead of a broken document.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, call, login, tokenFor, isProblem, TOP } from './lib.mjs';

const HALAMAN = ['pegawai', 'atasan', 'pimpinan', 'admin', 'auditor'];
const DOK = join(TOP, 'docs/panduan');
let srv;

before(async () => { srv = await startServer({ pegawai: 12, orientasi: true }); });
after(async () => { await srv?.stop(); });

const gambarDari = (md) => [...md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);

test('every guide page exists, names only pictures under gambar/ that exist, and every picture is used', () => {
  const dipakai = new Set();
  for (const h of HALAMAN) {
    const md = readFileSync(join(DOK, `${h}.md`), 'utf8');
    assert.match(md, /^# /, `${h}.md starts with its title`);
    const g = gambarDari(md);
    assert.ok(g.length >= 3, `${h}.md has screenshots`);
    for (const src of g) {
      assert.match(src, /^gambar\/[a-z0-9_-]{1,64}\.png$/, `${h}.md: ${src} is a picture path the server and the PDF accept`);
      assert.ok(existsSync(join(DOK, src)), `${h}.md references a missing picture: ${src}`);
      dipakai.add(src.slice('gambar/'.length));
    }
  }
  const ada = readdirSync(join(DOK, 'gambar')).filter((f) => f.endsWith('.png'));
  assert.deepEqual(ada.filter((f) => !dipakai.has(f)), [], 'pictures in docs/panduan/gambar that no page uses');
  for (const f of ada) {
    const b = readFileSync(join(DOK, 'gambar', f));
    assert.equal(b.subarray(1, 4).toString(), 'PNG', `${f} is a PNG`);
    assert.ok(b.length < 150 * 1024, `${f} stays small (${b.length} bytes)`);
    const w = b.readUInt32BE(16), h = b.readUInt32BE(20);
    assert.ok(w <= 1024 && h <= 800, `${f} is at most 1024 x 800 (${w} x ${h})`);
  }
});

test('the guide pages and pictures are served as static files', async () => {
  let r = await call(srv, 'GET', '/docs/panduan/pegawai.md');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /text\/markdown/);
  const src = gambarDari(r.text)[0];
  const g = await fetch(`${srv.url}/docs/panduan/${src}`);
  assert.equal(g.status, 200);
  assert.equal(g.headers.get('content-type'), 'image/png');
});

test('closing the walkthrough is kept per user, across sessions, and can be undone', async () => {
  const a = await login(srv, 'pegawai');
  const o = { cookie: a.cookie, csrf: a.csrf };
  let r = await call(srv, 'GET', '/api/v1/orientasi', o);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.items, []);
  const t0 = Math.floor(Date.now() / 1000);
  r = await call(srv, 'PUT', '/api/v1/orientasi/pegawai', { ...o, body: { selesai: true } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.items.map((x) => x.kunci), ['pegawai']);
  assert.ok(r.json.items[0].selesai >= t0 - 1);
  // twice is the same
  r = await call(srv, 'PUT', '/api/v1/orientasi/pegawai', { ...o, body: { selesai: true } });
  assert.deepEqual(r.json.items.map((x) => x.kunci), ['pegawai']);
  // another session of the same user (another device) sees it closed
  const b = await login(srv, 'pegawai');
  r = await call(srv, 'GET', '/api/v1/orientasi', { cookie: b.cookie });
  assert.deepEqual(r.json.items.map((x) => x.kunci), ['pegawai']);
  // another user does not
  const c = await login(srv, 'atasan');
  r = await call(srv, 'GET', '/api/v1/orientasi', { cookie: c.cookie });
  assert.deepEqual(r.json.items, []);
  // reopened: shown again at the next sign-in
  r = await call(srv, 'PUT', '/api/v1/orientasi/pegawai', { cookie: b.cookie, csrf: b.csrf, body: { selesai: false } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.items, []);
  // without the CSRF token a session cannot change it
  r = await call(srv, 'PUT', '/api/v1/orientasi/pegawai', { cookie: b.cookie, body: { selesai: true } });
  assert.equal(r.status, 403);
  r = await call(srv, 'GET', '/api/v1/orientasi', { cookie: b.cookie });
  assert.deepEqual(r.json.items, []);
});

test('bad input: an unknown walkthrough, a missing or wrong field, an extra field; nothing stored', async () => {
  const t = tokenFor(srv, 'admin');
  let r = await call(srv, 'PUT', '/api/v1/orientasi/rahasia', { token: t, body: { selesai: true } });
  isProblem(assert, r, 422, 'kunci');
  r = await call(srv, 'PUT', '/api/v1/orientasi/admin', { token: t, body: {} });
  isProblem(assert, r, 422, 'selesai');
  r = await call(srv, 'PUT', '/api/v1/orientasi/admin', { token: t, body: { selesai: 'ya' } });
  isProblem(assert, r, 422, 'selesai');
  r = await call(srv, 'PUT', '/api/v1/orientasi/admin', { token: t, body: { selesai: true, pengguna_id: 1 } });
  isProblem(assert, r, 422, 'pengguna_id');
  r = await call(srv, 'PUT', '/api/v1/orientasi/admin', { token: t, raw: '{"selesai": tru' });
  assert.equal(r.status, 400, r.text);
  r = await call(srv, 'PUT', '/api/v1/orientasi/admin', { token: t });
  assert.ok(r.status >= 400 && r.status < 500, `no body: ${r.status}`);
  r = await call(srv, 'GET', '/api/v1/orientasi', { token: t });
  assert.deepEqual(r.json.items, []);
  r = await call(srv, 'GET', '/api/v1/orientasi');
  assert.equal(r.status, 401);
});

test('the guide as one PDF: a cover, a page per role with its title, every picture embedded', async () => {
  const t0 = Date.now();
  const r = await fetch(`${srv.url}/api/v1/panduan.pdf`, { headers: { authorization: `Bearer ${tokenFor(srv, 'pegawai')}` } });
  const ms = Date.now() - t0;
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/pdf');
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-panduan-'));
  const f = join(dir, 'panduan.pdf');
  writeFileSync(f, Buffer.from(await r.arrayBuffer()));
  const info = execFileSync('pdfinfo', [f], { encoding: 'utf8' });
  const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
  assert.ok(pages >= 1 + HALAMAN.length, `pages: ${pages}`);
  assert.match(info, /Title:\s+Panduan Pengguna kinerja/);
  // each role's part starts on a page of its own, and the cover lists it with that page number
  const sampul = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', f, '-'], { encoding: 'utf8' });
  for (const h of HALAMAN) {
    const judul = readFileSync(join(DOK, `${h}.md`), 'utf8').match(/^# (.*)$/m)[1];
    const m = sampul.match(new RegExp(`${judul.replace(/[()]/g, '\\$&')}[ .]*(\\d+)`));
    assert.ok(m, `the cover lists "${judul}": ${sampul}`);
    const hal = execFileSync('pdftotext', ['-layout', '-f', m[1], '-l', m[1], f, '-'], { encoding: 'utf8' });
    assert.ok(hal.trimStart().startsWith(judul), `page ${m[1]} starts with "${judul}"`);
    assert.match(hal, new RegExp(`Halaman ${m[1]} dari ${pages}`));
  }
  // every distinct picture of the pages is embedded once
  const semua = new Set(HALAMAN.flatMap((h) => gambarDari(readFileSync(join(DOK, `${h}.md`), 'utf8'))));
  const list = execFileSync('pdfimages', ['-list', f], { encoding: 'utf8' }).trim().split('\n').slice(2).filter((l) => / image /.test(l));
  assert.equal(list.length, semua.size, `embedded pictures: ${list.length}, referenced: ${semua.size}`);
  const teks = execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' });
  assert.match(teks, /Tersusunnya laporan analisis kebutuhan pelatihan/, 'a good RHK example is in the pegawai part');
  assert.match(teks, /TL1 terlambat 1-30 menit 0,5%/, 'the TPP deduction example is in the admin part');
  console.log(`# panduan.pdf: ${pages} pages, ${list.length} pictures, ${(Buffer.byteLength(readFileSync(f)) / 1024).toFixed(0)} KiB, ${ms} ms`);
});

test('a guide page that names a missing picture makes the PDF a 404 naming it, not a broken file', async () => {
  const web = mkdtempSync(join(tmpdir(), 'kinerja-web-'));
  mkdirSync(join(web, 'docs/panduan/gambar'), { recursive: true });
  for (const h of HALAMAN) copyFileSync(join(DOK, `${h}.md`), join(web, 'docs/panduan', `${h}.md`));
  const semua = [...new Set(HALAMAN.flatMap((h) => gambarDari(readFileSync(join(DOK, `${h}.md`), 'utf8'))))];
  for (const g of semua.slice(1)) copyFileSync(join(DOK, g), join(web, 'docs/panduan', g));
  const other = await startServer({ pegawai: 10, extraArgs: ['--web-dir', web] });
  try {
    const r = await call(other, 'GET', '/api/v1/panduan.pdf', { token: tokenFor(other, 'pegawai') });
    isProblem(assert, r, 404);
    assert.match(r.json.detail, new RegExp(semua[0].replace('gambar/', '')));
    // a picture path outside gambar/ is refused too
    writeFileSync(join(web, 'docs/panduan/auditor.md'), '# Panduan Auditor\n\n![x](../../../etc/passwd)\n');
    copyFileSync(join(DOK, semua[0]), join(web, 'docs/panduan', semua[0]));
    const r2 = await call(other, 'GET', '/api/v1/panduan.pdf', { token: tokenFor(other, 'pegawai') });
    isProblem(assert, r2, 404);
    assert.match(r2.json.detail, /tidak diizinkan/);
    // whole again: a PDF; a page edited afterwards is in the next PDF (the copy kept in memory
    // follows the files)
    copyFileSync(join(DOK, 'auditor.md'), join(web, 'docs/panduan/auditor.md'));
    const ambil = async () => {
      const x = await fetch(`${other.url}/api/v1/panduan.pdf`, { headers: { authorization: `Bearer ${tokenFor(other, 'pegawai')}` } });
      assert.equal(x.status, 200);
      const f = join(web, 'uji.pdf');
      writeFileSync(f, Buffer.from(await x.arrayBuffer()));
      return execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' });
    };
    assert.doesNotMatch(await ambil(), /Teks baru untuk uji simpanan/);
    writeFileSync(join(web, 'docs/panduan/auditor.md'), '# Panduan Auditor\n\nTeks baru untuk uji simpanan.\n');
    assert.match(await ambil(), /Teks baru untuk uji simpanan/);
  } finally { await other.stop(); }
});
