// Evidence files shared by every node (issue 12 part 3): two server processes on one database
// (SQLite in make check, PostgreSQL in make check-pg and its smoke), for both stores behind the
// one interface of src/bukti.h: the directory store on a data directory both nodes mount, and
// the database store (--bukti-store db) with nodes that share nothing but the database and the
// key.  Upload on node A, download on node B; the SHA-256 is checked on read, so a changed
// object is never served as the file; files stored before switching to the database store
// are still served.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, tokenFor, call, sql } from './lib.mjs';

const KEY = '4b494e4552' + '0123456789abcdef'.repeat(3) + '012345';   // 64 hex, shared by the nodes
const pdf = (tag) => Buffer.concat([Buffer.from(`%PDF-1.7\n1 0 obj << /Judul (${tag}) >> endobj\n`, 'latin1'),
  Buffer.alloc(150 * 1024, tag), Buffer.from('\n%%EOF\n')]);   // three chunks of the secretstream
const servers = [], dirs = [];
after(async () => {
  for (const s of servers.reverse()) await s.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const dir = () => { const d = mkdtempSync(join(tmpdir(), 'kinerja-bersama-')); dirs.push(d); return d; };
async function node(opts) { const s = await startServer(opts); servers.push(s); return s; }

async function unggah(srv, tok, body) {
  const r = await call(srv, 'POST', '/api/v1/bukti?nama=laporan.pdf', { token: tok, raw: body, type: 'application/octet-stream' });
  assert.equal(r.status, 201, r.text);
  return r.json;
}
/** The download as {status, body}, or {status: 'putus'} when the server cut the stream. */
async function unduh(srv, tok, id) {
  try {
    const res = await fetch(`${srv.url}/api/v1/bukti/${id}/unduh`, { headers: { authorization: `Bearer ${tok}` } });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  } catch { return { status: 'putus' }; }
}
function files(root) {
  const b = join(root, 'bukti');
  if (!existsSync(b)) return [];
  return readdirSync(b).filter((d) => d.length === 2).flatMap((d) => readdirSync(join(b, d)).map((f) => join(b, d, f)));
}

test('directory store on shared storage: upload on A, download on B, a changed file is refused', async () => {
  const shared = dir();
  const a = await node({ pegawai: 10, extraArgs: ['--data-dir', shared] });
  const b = await node({ db: a.db, extraArgs: ['--data-dir', shared] });
  const tok = tokenFor(a, 'pegawai');
  const isi = pdf('A');
  const up = await unggah(a, tok, isi);
  const d = await unduh(b, tok, up.id);
  assert.equal(d.status, 200);
  assert.ok(d.body.equals(isi), 'node B serves the bytes node A stored');
  const [f] = files(shared).filter((p) => p.endsWith(up.sha256));
  assert.ok(f, 'stored once below the shared data directory');
  const enc = readFileSync(f);
  enc[enc.length - 40] ^= 1;
  writeFileSync(f, enc);
  const bad = await unduh(b, tok, up.id);
  assert.ok(bad.status !== 200 || !bad.body.equals(isi), 'a changed object is never served whole');
  if (bad.status === 200) assert.ok(bad.body.length < isi.length, 'the stream stops at the bad chunk');
});

test('database store: nodes share only the database and the key; old files still served', async () => {
  const dA = dir(), dB = dir();
  const env = { KINERJA_BUKTI_KEY: KEY };
  // a file stored by the directory store before the switch (node A's own directory)
  const lama = await node({ pegawai: 10, env, extraArgs: ['--data-dir', dA] });
  const tok = tokenFor(lama, 'pegawai');
  const isiLama = pdf('L');
  const upLama = await unggah(lama, tok, isiLama);
  // (node `lama` keeps running with the directory store: a fleet may be switched node by node)
  const a = await node({ db: lama.db, env, extraArgs: ['--data-dir', dA, '--bukti-store', 'db'] });
  const b = await node({ db: lama.db, env, extraArgs: ['--data-dir', dB, '--bukti-store', 'db'] });
  const isi = pdf('D');
  const up = await unggah(a, tok, isi);
  assert.deepEqual(files(dA).filter((p) => p.endsWith(up.sha256)), [], 'not written as a file');
  assert.equal(JSON.parse(sql(a, `SELECT COUNT(*) AS n FROM bukti_objek WHERE sha256 = '${up.sha256}'`))[0].n, 1);
  const d = await unduh(b, tok, up.id);
  assert.equal(d.status, 200);
  assert.ok(d.body.equals(isi), 'node B serves from the database what node A stored');
  // the same content again: one object (dedupe), two rows
  const up2 = await unggah(b, tok, isi);
  assert.equal(up2.sha256, up.sha256);
  assert.equal(JSON.parse(sql(a, `SELECT COUNT(*) AS n FROM bukti_objek WHERE sha256 = '${up.sha256}'`))[0].n, 1);
  // the old file: node A (its directory) still serves it; node B has no such file
  const old = await unduh(a, tok, upLama.id);
  assert.equal(old.status, 200);
  assert.ok(old.body.equals(isiLama));
  assert.notEqual((await unduh(b, tok, upLama.id)).status, 200);
  // integrity on read: one character of the stored object changed
  sql(a, `UPDATE bukti_objek SET isi = substr(isi, 1, 300) || CASE WHEN substr(isi, 301, 1) = 'A' THEN 'B' ELSE 'A' END || substr(isi, 302)
    WHERE sha256 = '${up.sha256}'`);
  const bad = await unduh(b, tok, up.id);
  assert.ok(bad.status !== 200 || !bad.body.equals(isi), 'a changed object is never served whole');
  // deleting both rows removes the object
  for (const id of [up.id, up2.id]) assert.equal((await call(a, 'DELETE', `/api/v1/bukti/${id}`, { token: tok })).status, 204);
  assert.equal(JSON.parse(sql(a, `SELECT COUNT(*) AS n FROM bukti_objek WHERE sha256 = '${up.sha256}'`))[0].n, 0);
});

test('a store name other than dir or db is refused at start', async () => {
  await assert.rejects(startServer({ pegawai: 10, extraArgs: ['--bukti-store', 's3'] }), /--bukti-store harus dir atau db/);
});
