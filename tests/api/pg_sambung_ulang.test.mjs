// PostgreSQL restarts under a running server (a failover looks the same to it): the server's
// connections are cut, and the next requests work on new connections, with nothing acknowledged
// lost.  PostgreSQL only (make check and make check-pg); on a cluster of its own,
// so that the restart disturbs no other test file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
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

// A TCP relay in front of PostgreSQL that can switch every client's server connection to a new
// one while the client's socket stays open, as a pooler does (pgbouncer when it lost its server
// connection in transaction mode, or a proxy that fails over): it replays the client's startup
// message on the new server connection and swallows that server's greeting up to ReadyForQuery.
// The new server session has none of the client's prepared statements and none of its SETs.
function relai(upPort) {
  const semua = new Set();
  const srv = createServer((cli) => {
    const k = { cli, up: null, salam: null, masuk: Buffer.alloc(0), tunggu: [] };
    semua.add(k);
    const keUp = (b) => { if (!k.sapa) k.up.write(b); else k.tunggu.push(b); };
    const pasang = (sapa) => {
      const up = connect(upPort, '127.0.0.1');
      k.up = up;
      k.sapa = sapa;
      let buf = Buffer.alloc(0);
      up.on('data', (b) => {
        if (!k.sapa) { cli.write(b); return; }
        // the greeting of a replayed startup: messages up to ReadyForQuery ('Z') are not the client's
        buf = Buffer.concat([buf, b]);
        while (buf.length >= 5) {
          const n = buf.readUInt32BE(1) + 1;
          if (buf.length < n) return;
          const t = String.fromCharCode(buf[0]);
          buf = buf.subarray(n);
          if (t === 'Z') {
            k.sapa = false;
            if (buf.length) cli.write(buf);
            for (const x of k.tunggu.splice(0)) up.write(x);
            return;
          }
        }
      });
      up.on('error', () => {});
      up.on('close', () => { if (k.up === up) cli.destroy(); });   // a switched-away one closes unseen
      if (sapa) up.write(k.salam);
    };
    k.pasang = pasang;
    cli.on('data', (b) => {
      if (!k.salam) {   // the startup message (sslmode/gssencmode disable: nothing before it)
        k.masuk = Buffer.concat([k.masuk, b]);
        if (k.masuk.length < 4 || k.masuk.length < k.masuk.readUInt32BE(0)) return;
        k.salam = k.masuk.subarray(0, k.masuk.readUInt32BE(0));
        const sisa = k.masuk.subarray(k.salam.length);
        pasang(false);
        k.up.write(k.salam);
        if (sisa.length) k.up.write(sisa);
        return;
      }
      keUp(b);
    });
    cli.on('error', () => {});
    cli.on('close', () => { semua.delete(k); k.up?.destroy(); });
  });
  return {
    listen: () => new Promise((ok) => srv.listen(0, '127.0.0.1', () => ok(srv.address().port))),
    // every client gets a new server connection; the old server sessions end
    tukar() {
      let n = 0;
      for (const k of semua) {
        if (!k.up) continue;
        k.up.destroy();
        k.pasang(true);
        n++;
      }
      return n;
    },
    close: () => { for (const k of semua) { k.cli.destroy(); k.up?.destroy(); } srv.close(); },
  };
}

test('a pooler switches the server sessions under open sockets: the next requests succeed, writes are whole', { skip: !PG && 'PostgreSQL only (make check-pg)' }, async () => {
  const name = `relai_${process.pid}`;
  const u = new URL(PG);
  psql(`${PG}/postgres`, `CREATE DATABASE ${name}`);
  kinerja(['demo', '--db', `${PG}/${name}`, '--pegawai', '10', '--password', PASSWORD]);
  const r0 = relai(Number(u.port));
  const port = await r0.listen();
  let srv;
  try {
    // the CLI and psql go around the relay (they block this process, which runs the relay), the
    // CLI before the server starts (it may wait for locks the server holds through the relay)
    const langsung = { db: `${PG}/${name}` };
    const token = tokenFor(langsung, 'admin');
    const before = count(langsung, 'unit_kerja');
    srv = await startServer({ db: `postgres://${u.username}@127.0.0.1:${port}/${name}?sslmode=disable&gssencmode=disable` });
    let r = await call(srv, 'POST', '/api/v1/unit-kerja', { token, body: { nama: 'Bagian Sebelum Alih' } });
    assert.equal(r.status, 201, r.text);
    for (let i = 0; i < 4; i++) assert.equal((await call(srv, 'GET', '/api/v1/unit-kerja', { token })).status, 200);
    assert.ok(r0.tukar() >= 2, 'the node has connections through the relay');
    // every connection meets a server session without its prepared statements and SETs: found
    // before anything runs (the session mark read at BEGIN, or "prepared statement does not
    // exist" outside a transaction), the connection is opened again and the request goes on
    for (let i = 0; i < 6; i++) {
      r = await call(srv, 'GET', '/api/v1/unit-kerja', { token });
      assert.equal(r.status, 200, r.text);
    }
    r = await call(srv, 'POST', '/api/v1/unit-kerja', { token, body: { nama: 'Bagian Sesudah Alih' } });
    assert.equal(r.status, 201, r.text);
    r0.tukar();
    r = await call(srv, 'POST', '/api/v1/unit-kerja', { token, body: { nama: 'Bagian Sesudah Alih Kedua' } });
    assert.equal(r.status, 201, r.text);
    assert.equal(count(langsung, 'unit_kerja'), before + 3);
    assert.equal(count(langsung, 'unit_kerja', "WHERE nama LIKE 'Bagian Sesudah Alih%'"), 2);
  } finally {
    await srv?.stop();
    r0.close();
    psql(`${PG}/postgres`, `DROP DATABASE ${name} WITH (FORCE)`);
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
