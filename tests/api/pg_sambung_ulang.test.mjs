// PostgreSQL restarts under a running server (a failover looks the same to it): the server's
// connections are cut, and the next requests work on new connections, with nothing acknowledged
// lost.  PostgreSQL only (make check and make check-pg); on a cluster of its own,
// so that the restart disturbs no other test file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PG, TOP, BIN, PASSWORD, psql, kinerja, startServer, tokenFor, call, count } from './lib.mjs';

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

// --db (and the CLI) take a libpq key=value connection string as well as a postgres:// URI; a
// text that starts like one but that libpq refuses is refused, not made a SQLite file
test('a libpq key=value connection string works as --db; a misspelt one is refused', { skip: !PG && 'PostgreSQL only (make check-pg)' }, async () => {
  const name = `kv_${process.pid}`;
  const u = new URL(PG);
  const db = `host=${u.hostname} port=${u.port} user=${u.username} dbname=${name}`;
  psql(`${PG}/postgres`, `CREATE DATABASE ${name}`);
  kinerja(['demo', '--db', db, '--pegawai', '10', '--password', PASSWORD]);
  const srv = await startServer({ db });
  try {
    assert.match(srv.log, new RegExp(`db=user=${u.username} dbname=${name} host=${u.hostname} port=${u.port}`));
    const token = tokenFor(srv, 'admin');
    const r = await call(srv, 'POST', '/api/v1/unit-kerja', { token, body: { nama: 'Bagian Kunci Nilai' } });
    assert.equal(r.status, 201, r.text);
    assert.equal(count(srv, 'unit_kerja', "WHERE nama = 'Bagian Kunci Nilai'"), 1);
  } finally {
    await srv.stop();
    psql(`${PG}/postgres`, `DROP DATABASE ${name}`);
  }
  const cwd = mkdtempSync(join(tmpdir(), 'kinerja-kv-'));
  try {
    const bad = spawnSync(resolve(TOP, BIN), ['migrate', '--db', `host=${u.hostname} dbnama=${name}`], { encoding: 'utf8', cwd });
    assert.equal(bad.status, 1, bad.stderr);
    assert.match(bad.stderr, /bukan string koneksi PostgreSQL yang sah \(invalid connection option "dbnama"\)/);
    assert.deepEqual(readdirSync(cwd), []);   /* no SQLite file of that name */
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});
