// Durability (issue 12, item 6): a node killed with SIGKILL in the middle of a write load loses
// no acknowledged write.  Workers post and edit activities (the group-commit writer of
// src/db/penulis.c, which answers 2xx only after COMMIT) and create unit kerja (a direct
// write); once enough writes are acknowledged the server is killed (no shutdown code runs),
// started again on the same database, and every acknowledged write must be there, the audit
// chain must verify and the node must take writes again.  Runs on SQLite (make check) and on
// PostgreSQL (make check-pg).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { startServer, call, tokenFor, kinerjaStatus, sql, psql, PG } from './lib.mjs';
import { mulaiBeban, siapkanBeban, tunggu, periksa, hariLalu } from './beban_tulis.mjs';

let srv, srv2;
after(async () => {
  await srv2?.stop();
  if (srv) {
    rmSync(srv.dir, { recursive: true, force: true });
    if (PG) { try { psql(`${PG}/postgres`, `DROP DATABASE IF EXISTS ${srv.db.split('/').pop()} WITH (FORCE)`); } catch { /* gone */ } }
  }
});

test('kill -9 during a write load: every acknowledged write survives, the audit chain verifies', async () => {
  srv = await startServer({ pegawai: 40, extraArgs: ['--threads', '4'] });
  const admin = tokenFor(srv, 'admin');
  await siapkanBeban(srv, admin);
  const inst = JSON.parse(sql(srv, "SELECT p.instansi_id AS i FROM pengguna u JOIN pegawai p ON p.id = u.pegawai_id WHERE u.username = 'admin'"))[0].i;
  const rows = JSON.parse(sql(srv, `SELECT p.id, p.nip FROM pegawai p JOIN pengguna u ON u.pegawai_id = p.id
    WHERE u.peran = 0 AND p.aktif = 1 AND p.instansi_id = ${inst} ORDER BY p.id LIMIT 8`));
  const pegawai = rows.map((p) => ({ id: Number(p.id), token: tokenFor(srv, p.nip) }));

  const beban = mulaiBeban({ nodes: [srv], pegawai, admin, workers: 12, tag: 'bunuh' });
  await tunggu(() => beban.ok() >= 300, '300 acknowledged writes');
  const exited = new Promise((r) => srv.proc.on('exit', (code, sig) => r(sig)));
  srv.proc.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL');
  await beban.berhenti();
  const s = beban.statistik;
  assert.ok(beban.akt.size >= 150 && beban.unit.size >= 10, JSON.stringify(s));
  // nothing but acknowledgements and cut connections: no request was refused
  assert.deepEqual(Object.keys(s.status).filter((k) => !['0', '200', '201'].includes(k)), [], JSON.stringify(s.status));

  srv2 = await startServer({ db: srv.db, extraArgs: ['--threads', '4'] });
  assert.deepEqual(periksa(srv2, beban), []);
  const v = kinerjaStatus(['audit', 'verify', '--db', srv.db]);
  assert.equal(v.status, 0, v.stdout + v.stderr);
  const r = await call(srv2, 'POST', '/api/v1/aktivitas', { token: pegawai[0].token,
    body: { tanggal: hariLalu(55), menit: 1, uraian: 'Sesudah dihentikan paksa' } });
  assert.equal(r.status, 201, r.text);
  console.log(`${s.ok} writes acknowledged (${beban.akt.size} activities, ${beban.unit.size} unit kerja), ` +
    `${s.status['0'] || 0} cut by the kill; all present after the restart`);
});
