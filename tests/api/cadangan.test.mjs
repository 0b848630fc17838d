// Backups (issue 11, point 5): `kinerja backup` takes a consistent copy of the live database
// (and the evidence store) while the server keeps writing, optionally encrypted with a 0600 key
// file; `kinerja restore` refuses a wrong key, a changed or cut file and an existing database
// without --timpa, and reports the restored audit chain.
// On PostgreSQL (make check-pg) the same file runs against the throwaway cluster: the backup is
// a snapshot of every table read in one REPEATABLE READ transaction (src/cadangan_pg.c), and a
// restore loads it into an empty database (docs/cadangan.md); restored targets are new databases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, readFileSync, writeFileSync, existsSync, readdirSync, statSync, chmodSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, call, tokenFor, kinerjaStatus, BIN, sql, PG, psql } from './lib.mjs';

let srv, dataDir, work, T = {}, ctx = {};
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];
const sha = (b) => createHash('sha256').update(b).digest('hex');
const p = (n) => join(work, n);
const pdf = (tag) => Buffer.from(`%PDF-1.7\n1 0 obj << /Judul (${tag}) >> endobj\n%%EOF\n`, 'latin1');
const upload = (tag) => call(srv, 'POST', `/api/v1/bukti?nama=b.pdf&aktivitas_id=${ctx.akt}`,
  { token: T.pegawai, raw: pdf(tag), type: 'application/octet-stream' });
const sqlite = (db, q) => JSON.parse(sql({ db }, q) || '[]');
const n = (db, table) => sqlite(db, `SELECT COUNT(*) AS n FROM ${table}`)[0].n;
// a restore target: a SQLite path, or on PostgreSQL a new empty database
const pgDbs = [];
function tgt(name) {
  if (!PG) return p(`${name}.db`);
  const d = `cdg_${process.pid}_${name.replace(/[^a-z0-9]/g, '_')}`;
  if (!pgDbs.includes(d)) { psql(`${PG}/postgres`, `CREATE DATABASE ${d}`); pgDbs.push(d); }
  return `${PG}/${d}`;
}
// whether a restore wrote anything to the target
const written = (db) => (PG ? Number(psql(db, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'").trim()) > 0 : existsSync(db));
const leftovers = () => readdirSync(work).filter((f) => f.includes('.pulih-') || f.startsWith('kinerja-pulih-'));
function objects(dir) {
  const root = join(dir, 'bukti');
  if (!existsSync(root)) return [];
  const out = [];
  for (const d of readdirSync(root)) for (const f of readdirSync(join(root, d))) if (f.length === 64) out.push(`${d}/${f}`);
  return out.sort();
}
const run = (args) => new Promise((resolve) => {
  execFile(BIN, args, { encoding: 'utf8' }, (err, stdout, stderr) => resolve({ status: err ? err.code : 0, stdout, stderr }));
});

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'kinerja-cadangan-'));
  process.env.TMPDIR = work;   // where a restore into PostgreSQL stages the file
  dataDir = join(work, 'data');
  srv = await startServer({ pegawai: 30, extraArgs: ['--data-dir', dataDir] });
  T.pegawai = tokenFor(srv, 'pegawai');
  ctx.pegawai = (await call(srv, 'GET', '/api/v1/auth/me', { token: T.pegawai })).json.pegawai.id;
  ctx.akt = one(`SELECT id FROM aktivitas WHERE pegawai_id = ${ctx.pegawai} AND dihapus = 0 LIMIT 1`).id;
  for (const t of ['satu', 'dua', 'tiga']) assert.equal((await upload(t)).status, 201);
  let r = kinerjaStatus(['backup', '--buat-kunci', p('kunci')]);
  assert.equal(r.status, 0, r.stderr);
  r = kinerjaStatus(['backup', '--buat-kunci', p('kunci-lain')]);
  assert.equal(r.status, 0, r.stderr);
});
after(async () => {
  await srv?.stop();
  for (const d of pgDbs) { try { psql(`${PG}/postgres`, `DROP DATABASE IF EXISTS ${d} WITH (FORCE)`); } catch { /* cluster gone */ } }
  if (work) rmSync(work, { recursive: true, force: true });
});

test('--buat-kunci writes a 0600 key file of 64 hex characters and never replaces one', () => {
  assert.equal(statSync(p('kunci')).mode & 0o777, 0o600);
  assert.match(readFileSync(p('kunci'), 'utf8'), /^[0-9a-f]{64}\n$/);
  const before = readFileSync(p('kunci'));
  const r = kinerjaStatus(['backup', '--buat-kunci', p('kunci')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /sudah ada; kunci lama tidak ditimpa/);
  assert.ok(readFileSync(p('kunci')).equals(before));
});

test('round trip without a key: database, evidence objects, audit chain intact', () => {
  const b = kinerjaStatus(['backup', '--db', srv.db, '--out', p('polos.knj'), '--data-dir', dataDir]);
  assert.equal(b.status, 0, b.stderr);
  assert.match(b.stdout, /TIDAK terenkripsi/);
  assert.match(b.stdout, /3 berkas bukti/);
  assert.match(b.stdout, /tidak memuat kunci bukti/);
  assert.equal(statSync(p('polos.knj')).mode & 0o777, 0o600);
  const db = tgt('pulih-polos'), dd = p('data-polos');
  const r = kinerjaStatus(['restore', '--in', p('polos.knj'), '--db', db, '--data-dir', dd]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Rantai audit utuh: \d+ catatan diperiksa/);
  for (const t of ['pegawai', 'aktivitas', 'bukti', 'audit_log', 'skp']) assert.equal(n(db, t), n(srv.db, t), t);
  assert.deepEqual(objects(dd), objects(dataDir));
  for (const o of objects(dd)) assert.ok(readFileSync(join(dd, 'bukti', o)).equals(readFileSync(join(dataDir, 'bukti', o))));
  assert.equal(existsSync(join(dd, 'kunci-bukti')), false, 'a plain backup carries no evidence key');
  assert.equal(readdirSync(dd).filter((f) => f.startsWith('.pulih')).length, 0, 'no staging left behind');
  assert.equal(kinerjaStatus(['audit', 'verify', '--db', db]).status, 0);
});

test('round trip with a key: the file is ciphertext, evidence key included, all restored', () => {
  const b = kinerjaStatus(['backup', '--db', srv.db, '--out', p('sandi.knj'), '--key-file', p('kunci'), '--data-dir', dataDir]);
  assert.equal(b.status, 0, b.stderr);
  assert.match(b.stdout, /\(terenkripsi\)/);
  assert.match(b.stdout, /dan kunci bukti/);
  const file = readFileSync(p('sandi.knj'));
  assert.equal(file.subarray(0, 8).toString('latin1'), 'KNJCDG1\n');
  assert.equal(file.indexOf('SQLite format 3'), -1, 'no plaintext database header');
  assert.equal(file.indexOf('audit_log'), -1, 'no plaintext schema');
  const db = tgt('pulih-sandi'), dd = p('data-sandi');
  const r = kinerjaStatus(['restore', '--in', p('sandi.knj'), '--db', db, '--key-file', p('kunci'), '--data-dir', dd]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /dari cadangan terenkripsi/);
  assert.match(r.stdout, /Rantai audit utuh/);
  for (const t of ['pegawai', 'bukti', 'audit_log']) assert.equal(n(db, t), n(srv.db, t), t);
  assert.deepEqual(objects(dd), objects(dataDir));
  assert.ok(readFileSync(join(dd, 'kunci-bukti')).equals(readFileSync(join(dataDir, 'kunci-bukti'))));
  assert.equal(statSync(join(dd, 'kunci-bukti')).mode & 0o777, 0o600);
});

test('an encrypted backup needs its key: no key and a wrong key are refused, nothing written', () => {
  const db = tgt('tidak-ada');
  let r = kinerjaStatus(['restore', '--in', p('sandi.knj'), '--db', db]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /terenkripsi; sebutkan --key-file/);
  r = kinerjaStatus(['restore', '--in', p('sandi.knj'), '--db', db, '--key-file', p('kunci-lain')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /kunci salah atau berkas cadangan telah diubah/);
  assert.match(r.stderr, /tidak ada yang ditimpa/);
  assert.equal(written(db), false);
  assert.deepEqual(leftovers(), [], 'no temporary file left');
});

test('a changed, cut or extended backup is refused (encrypted and plain)', () => {
  const cases = [];
  for (const [name, key] of [['sandi.knj', p('kunci')], ['polos.knj', null]]) {
    const orig = readFileSync(p(name));
    const flip = Buffer.from(orig); flip[Math.floor(orig.length / 2)] ^= 0x01;
    const flipHdr = Buffer.from(orig); flipHdr[10] ^= 0x01;
    const flipEnd = Buffer.from(orig); flipEnd[orig.length - 3] ^= 0x80;
    cases.push([name + ' byte di tengah', flip, key, /telah diubah|tidak cocok|rusak/]);
    cases.push([name + ' kepala', flipHdr, key, /kepala berkas cadangan rusak/]);
    cases.push([name + ' byte akhir', flipEnd, key, /telah diubah|tidak cocok|rusak/]);
    cases.push([name + ' terpotong', orig.subarray(0, orig.length - 40), key, /terpotong|tidak lengkap|tidak cocok/]);
    cases.push([name + ' terpotong di batas potongan', orig.subarray(0, 16 + (key ? 24 : 0) + 4 + (key ? 65536 + 17 : 65537)), key, /terpotong/]);
    cases.push([name + ' ditambah', Buffer.concat([orig, Buffer.from('x')]), key, /data tambahan/]);
  }
  const rusak = tgt('rusak');
  for (const [label, bytes, key, re] of cases) {
    writeFileSync(p('rusak.knj'), bytes);
    const args = ['restore', '--in', p('rusak.knj'), '--db', rusak, '--data-dir', p('data-rusak')];
    if (key) args.push('--key-file', key);
    const r = kinerjaStatus(args);
    assert.equal(r.status, 1, `${label}: ${r.stdout}`);
    assert.match(r.stderr, re, label);
    assert.equal(written(rusak), false, label);
    assert.deepEqual(objects(p('data-rusak')), [], label);
  }
  writeFileSync(p('bukan.knj'), 'SQLite format 3\0 bukan cadangan');
  const r = kinerjaStatus(['restore', '--in', p('bukan.knj'), '--db', rusak]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bukan berkas cadangan kinerja/);
});

test('a key file readable by group or others is refused, for backup and restore', () => {
  copyFileSync(p('kunci'), p('kunci-longgar'));
  chmodSync(p('kunci-longgar'), 0o644);
  let r = kinerjaStatus(['backup', '--db', srv.db, '--out', p('x.knj'), '--key-file', p('kunci-longgar')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /dapat dibaca atau diubah pengguna lain \(mode 0644\); batasi dengan `chmod 600/);
  assert.equal(existsSync(p('x.knj')), false);
  chmodSync(p('kunci-longgar'), 0o640);
  r = kinerjaStatus(['restore', '--in', p('sandi.knj'), '--db', tgt('x'), '--key-file', p('kunci-longgar')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /mode 0640/);
  assert.equal(written(tgt('x')), false);
  writeFileSync(p('kunci-pendek'), 'abc\n', { mode: 0o600 });
  r = kinerjaStatus(['backup', '--db', srv.db, '--out', p('x.knj'), '--key-file', p('kunci-pendek')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /64 karakter heksadesimal/);
});

test('restore never replaces an existing database without --timpa; with it, it does', { skip: PG ? 'SQLite file semantics' : false }, () => {
  const target = p('ada.db');
  copyFileSync(tgt('pulih-polos'), target);
  sql({ db: target }, "DELETE FROM bukti");
  const before = sha(readFileSync(target));
  let r = kinerjaStatus(['restore', '--in', p('polos.knj'), '--db', target]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /sudah ada dan tidak ditimpa; hentikan server lalu ulangi dengan --timpa/);
  assert.equal(sha(readFileSync(target)), before);
  // a backup that fails verification does not touch it either, even with --timpa
  const cut = readFileSync(p('polos.knj'));
  writeFileSync(p('potong.knj'), cut.subarray(0, cut.length - 10));
  r = kinerjaStatus(['restore', '--in', p('potong.knj'), '--db', target, '--timpa']);
  assert.equal(r.status, 1);
  assert.equal(sha(readFileSync(target)), before);
  r = kinerjaStatus(['restore', '--in', p('polos.knj'), '--db', target, '--timpa']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(n(target, 'bukti'), n(srv.db, 'bukti'));
  // an existing backup file is not overwritten without --timpa either
  r = kinerjaStatus(['backup', '--db', srv.db, '--out', p('polos.knj')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /sudah ada; pilih nama lain atau tambahkan --timpa/);
});

test('backup while the server is serving writes: every write succeeds, the copy is consistent', async () => {
  const before = n(srv.db, 'bukti');
  let stop = false, ok = 0, done = false;
  const bad = [];
  // a failed upload (an answer other than 201, or no answer at all) is recorded and ends the
  // writer soon, so that the test fails with the reason instead of waiting forever
  const writer = (async () => {
    for (let i = 0; (!stop || ok < 20) && bad.length < 5 && i <= 2000; i++) {
      try {
        const r = await upload(`serentak ${i}`);
        if (r.status === 201) ok++; else bad.push(r.status + ' ' + r.text);
      } catch (e) { bad.push(`no answer: ${e.cause?.code || e.message}`); }
    }
  })().finally(() => { done = true; });
  while (ok < 5 && !done) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(bad, [], 'no write failed before the backup');
  const b = await run(['backup', '--db', srv.db, '--out', p('serentak.knj'), '--key-file', p('kunci'), '--data-dir', dataDir]);
  stop = true;
  await writer;
  assert.equal(b.status, 0, b.stderr);
  assert.deepEqual(bad, [], 'no write failed during the backup');
  const after = n(srv.db, 'bukti');
  assert.ok(after >= before + 20);
  const db = tgt('pulih-serentak'), dd = p('data-serentak');
  const r = kinerjaStatus(['restore', '--in', p('serentak.knj'), '--db', db, '--key-file', p('kunci'), '--data-dir', dd]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Rantai audit utuh/);
  const got = n(db, "bukti");
  assert.ok(got >= before + 5 && got <= after, `snapshot holds ${got} of ${before}..${after}`);
  // every evidence row in the snapshot has its object (objects are written before the row)
  const need = sqlite(db, 'SELECT DISTINCT sha256 FROM bukti WHERE sha256 IS NOT NULL').map((x) => `${x.sha256.slice(0, 2)}/${x.sha256}`);
  assert.ok(need.length >= 3, "the snapshot has evidence objects");
  const have = new Set(objects(dd));
  for (const s of need) assert.ok(have.has(s), `object ${s} restored`);
  // and the server keeps going
  assert.equal((await upload('sesudah')).status, 201);
});

test('bad usage: unknown option and missing --out/--in are usage errors', () => {
  assert.equal(kinerjaStatus(['backup', '--db', srv.db]).status, 2);
  assert.equal(kinerjaStatus(['restore', '--db', p('y.db')]).status, 2);
  assert.equal(kinerjaStatus(['backup', '--db', srv.db, '--out', p('y.knj'), '--apa']).status, 2);
  const r = kinerjaStatus(['backup', '--db', p('tidak-ada.db'), '--out', p('y.knj')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /tidak dapat dibuka/);
  assert.equal(existsSync(p('y.knj')), false);
  assert.deepEqual(readdirSync(work).filter((f) => f.startsWith('y.knj')), [], 'no temporary files left');
});

// last: its synchronous psql calls block the event loop for seconds, and a keep-alive socket the
// server closed meanwhile would fail the next fetch
test('PostgreSQL: restore only into an empty database; --timpa does not apply', { skip: PG ? false : 'PostgreSQL only' }, () => {
  const full = tgt('pulih-polos');   // restored by the first round trip
  const before = n(full, 'audit_log');
  let r = kinerjaStatus(['restore', '--in', p('polos.knj'), '--db', full]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /basis data tujuan tidak kosong/);
  assert.match(r.stderr, /tidak ada yang ditimpa/);
  assert.equal(n(full, 'audit_log'), before);
  r = kinerjaStatus(['restore', '--in', p('polos.knj'), '--db', tgt('kosong'), '--timpa']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--timpa tidak berlaku untuk PostgreSQL/);
  assert.equal(written(tgt('kosong')), false);
  // a restored backup equals the original, table by table (row counts and content hashes)
  const hashes = (db) => Object.fromEntries(psql(db, `SELECT relname FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
    WHERE s.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND relname <> 'schema_version'`).trim().split('\n')
    .map((t) => [t, psql(db, `SELECT COUNT(*) || ' ' || COALESCE(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM "${t}" x`).trim()]));
  // (of a database nobody writes to: the server's background jobs keep adding rows to its own)
  const copy = tgt('salinan');
  assert.equal(kinerjaStatus(['backup', '--db', full, '--out', p('salinan.knj')]).status, 0);
  r = kinerjaStatus(['restore', '--in', p('salinan.knj'), '--db', copy]);
  assert.equal(r.status, 0, r.stderr);
  const a = hashes(full), b = hashes(copy);
  assert.ok(Object.keys(a).length > 50);
  assert.deepEqual(b, a);
});
