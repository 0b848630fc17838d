// PostgreSQL restarts under a running server (a failover looks the same to it): the server's
// connections are cut, and the next requests work on new connections, with nothing acknowledged
// lost.  PostgreSQL only (make check and make check-pg); on a cluster of its own,
// so that the restart disturbs no other test file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PG, TOP, PASSWORD, psql, kinerja, startServer, tokenFor, call, count } from './lib.mjs';

test('the server reconnects after PostgreSQL restarts; acknowledged writes are kept', { skip: !PG && 'PostgreSQL only (make check-pg)' }, async () => {
  const env = Object.fromEntries(execFileSync(join(TOP, 'tests/pg/start.sh'), { encoding: 'utf8' })
    .trim().split('\n').map((l) => l.split('=')));
  let srv;
  try {
    const db = `${env.KINERJA_PG}/sambung`;
    psql(`${env.KINERJA_PG}/postgres`, 'CREATE DATABASE sambung');
    kinerja(['demo', '--db', db, '--pegawai', '10', '--password', PASSWORD]);
    srv = await startServer({ db });
    const token = tokenFor(srv, 'admin');
    const before = count(srv, 'unit_kerja');
    let r = await call(srv, 'POST', '/api/v1/unit-kerja', { token, body: { nama: 'Bagian Sebelum' } });
    assert.equal(r.status, 201, r.text);
    execFileSync(join(TOP, 'tests/pg/restart.sh'), [env.KINERJA_PG_DIR]);
    // every worker thread meets its cut connection once: requests in a row all succeed
    for (let i = 0; i < 6; i++) {
      r = await call(srv, 'GET', '/api/v1/unit-kerja', { token });
      assert.equal(r.status, 200, r.text);
    }
    r = await call(srv, 'POST', '/api/v1/unit-kerja', { token, body: { nama: 'Bagian Sesudah' } });
    assert.equal(r.status, 201, r.text);
    assert.equal(count(srv, 'unit_kerja'), before + 2);
  } finally {
    await srv?.stop();
    execFileSync(join(TOP, 'tests/pg/stop.sh'), [env.KINERJA_PG_DIR]);
  }
});
