// kinerja migrate-data (issue 12, item 7): a SQLite database with some history moves into an
// empty PostgreSQL database; row counts and the audit chain are verified, a server runs on the
// copy and keeps writing (identity sequences past the copied ids).  PostgreSQL only: runs in
// make check-pg (tests/pg/run.sh), skipped on the SQLite suite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PG, PASSWORD, psql, kinerja, kinerjaStatus, startServer, tokenFor, call, count } from './lib.mjs';

test('a SQLite database moves to PostgreSQL with equal counts and an intact audit chain', { skip: !PG && 'PostgreSQL only (make check-pg)' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-pindah-'));
  const name = `pindah_${process.pid}`;
  try {
    const lite = join(dir, 'sumber.db');
    kinerja(['demo', '--db', lite, '--pegawai', '20', '--password', PASSWORD]);
    psql(`${PG}/postgres`, `CREATE DATABASE ${name}`);
    const to = `${PG}/${name}`;
    const out = kinerja(['migrate-data', '--from', `sqlite:${lite}`, '--to', to]);
    assert.match(out, /jumlah baris sama, rantai audit utuh/);
    assert.equal(kinerjaStatus(['audit', 'verify', '--db', to]).status, 0);
    // a second copy into the now full database is refused and changes nothing
    const before = Number(psql(to, 'SELECT COUNT(*) FROM audit_log').trim());
    const again = kinerjaStatus(['migrate-data', '--from', `sqlite:${lite}`, '--to', to]);
    assert.equal(again.status, 1);
    assert.match(again.stdout + again.stderr, /tidak kosong/);
    assert.equal(Number(psql(to, 'SELECT COUNT(*) FROM audit_log').trim()), before);
    // a server on the copy writes new rows after the copied ids
    const srv = await startServer({ db: to });
    try {
      const token = tokenFor(srv, 'admin');
      const units = count(srv, 'unit_kerja');
      const r = await call(srv, 'POST', '/api/v1/unit-kerja', { token, body: { nama: 'Bagian Setelah Pindah' } });
      assert.equal(r.status, 201, r.text);
      assert.equal(count(srv, 'unit_kerja'), units + 1);
    } finally { await srv.stop(); }
    assert.equal(kinerjaStatus(['audit', 'verify', '--db', to]).status, 0);
    // bad arguments
    assert.equal(kinerjaStatus(['migrate-data', '--from', to, '--to', `sqlite:${lite}`]).status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    try { psql(`${PG}/postgres`, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } catch { /* cluster gone */ }
  }
});
