// Two server processes (nodes) on one database writing at the same time, on SQLite and on
// PostgreSQL (make check-pg): db_begin_write gives one writer at a time across processes, so
// every write lands once and the audit hash chain (read last record, append next) stays intact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, tokenFor, call, count, kinerjaStatus } from './lib.mjs';

let a, b, token;
before(async () => {
  a = await startServer({ pegawai: 10 });
  b = await startServer({ db: a.db });
  token = tokenFor(a, 'admin');
});
after(async () => { await b?.stop(); await a?.stop(); });

test('40 concurrent writes through two nodes: all stored once, audit chain intact', async () => {
  const units = count(a, 'unit_kerja'), audits = count(a, 'audit_log');
  const rs = await Promise.all(Array.from({ length: 40 }, (_, i) =>
    call(i % 2 ? b : a, 'POST', '/api/v1/unit-kerja', { token, body: { nama: `Bagian Serentak ${i}` } })));
  for (const r of rs) assert.equal(r.status, 201, r.text);
  assert.equal(new Set(rs.map((r) => r.json.id)).size, 40);
  assert.equal(count(a, 'unit_kerja'), units + 40);
  assert.equal(count(a, 'audit_log'), audits + 40);
  const v = kinerjaStatus(['audit', 'verify', '--db', a.db]);
  assert.equal(v.status, 0, v.stdout + v.stderr);
});
