// Durability (issue 12, item 6): failover.  A PostgreSQL primary with a synchronous streaming
// replica (tests/pg/replika.sh), two kinerja nodes on one libpq multi-host URL
// (host a,b with target_session_attrs=read-write).  Under a write load on both nodes the
// primary is stopped in immediate mode (a crash) and the replica promoted; the nodes reconnect
// by themselves and go on taking writes, and no acknowledged write is lost (checked against the
// load client's list on the promoted replica); the audit chain verifies.  While no primary is
// there, writes are refused with 503 (never 2xx, never 500).  PostgreSQL only (make check-pg),
// on a cluster pair of its own.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PG, TOP, psql, kinerja, kinerjaStatus, startServer, tokenFor, sql } from './lib.mjs';
import { mulaiBeban, siapkanBeban, tunggu, periksa } from './beban_tulis.mjs';

const replika = (...a) => execFileSync(join(TOP, 'tests/pg/replika.sh'), a, { encoding: 'utf8' });
let env, nodes = [];
after(async () => {
  for (const n of nodes) await n.stop();
  if (env) replika('stop', env.KINERJA_PG_DIR);
});

test('primary lost, replica promoted: the nodes reconnect and no acknowledged write is lost', { skip: !PG && 'PostgreSQL only (make check-pg)' }, async () => {
  env = Object.fromEntries(replika('start').trim().split('\n').map((l) => l.split('=')));
  const hostport = (u) => u.replace(/^postgres:\/\/[^@]*@/, '');
  // the demo data: a demo database of the suite's cluster (a template copy), carried over with
  // kinerja backup / restore (seconds faster than a fresh demo on PostgreSQL)
  const asal = await startServer();
  const file = join(asal.dir, 'demo.knj');
  kinerja(['backup', '--db', asal.db, '--out', file]);
  psql(`${env.KINERJA_PG}/postgres`, 'CREATE DATABASE gagal');
  kinerja(['restore', '--in', file, '--db', `${env.KINERJA_PG}/gagal`]);
  await asal.stop();
  const url = `postgres://kinerja@${hostport(env.KINERJA_PG)},${hostport(env.KINERJA_PG_REPLIKA)}/gagal` +
    '?target_session_attrs=read-write&connect_timeout=5';
  for (let i = 0; i < 2; i++) nodes.push(await startServer({ db: url, extraArgs: ['--threads', '4'] }));
  const admin = tokenFor(nodes[0], 'admin');
  await siapkanBeban(nodes[0], admin);
  const rows = JSON.parse(sql(nodes[0], `SELECT p.id, p.nip FROM pegawai p JOIN pengguna u ON u.pegawai_id = p.id
    JOIN pengguna a ON a.username = 'admin' JOIN pegawai ap ON ap.id = a.pegawai_id
    WHERE u.peran = 0 AND p.aktif = 1 AND p.instansi_id = ap.instansi_id ORDER BY p.id LIMIT 8`));
  const pegawai = rows.map((p) => ({ id: Number(p.id), token: tokenFor(nodes[0], p.nip) }));

  const beban = mulaiBeban({ nodes, pegawai, admin, workers: 12, tag: 'gagal' });
  await tunggu(() => beban.ok() >= 200, '200 acknowledged writes before the failover');
  replika('stop-primer', env.KINERJA_PG_DIR);
  const sebelum = beban.ok();
  // without a primary nothing is acknowledged: wait until the nodes have noticed
  const gagal0 = beban.statistik.gagal;
  await tunggu(() => beban.statistik.gagal >= gagal0 + 20, 'writes refused while there is no primary');
  const selama = beban.ok() - sebelum;
  replika('promote', env.KINERJA_PG_DIR);
  const promosi = beban.ok();
  try {
    await tunggu(() => beban.ok() >= promosi + 200, '200 acknowledged writes after the promotion', 60000);
  } catch (e) {
    await beban.berhenti();
    throw new Error(`${e.message}: ${JSON.stringify(beban.statistik)}\n${nodes.map((n) => n.log.slice(-3000)).join('\n----\n')}`);
  }
  await beban.berhenti();
  const s = beban.statistik;
  // refused means 503 (or a cut connection), never a 500 or a 4xx
  assert.deepEqual(Object.keys(s.status).filter((k) => !['0', '200', '201', '503'].includes(k)), [], JSON.stringify(s.status));
  // at most the requests in flight when the primary went could be acknowledged after that
  assert.ok(selama <= 12, `${selama} writes acknowledged while no primary was there`);

  const baru = { db: `${env.KINERJA_PG_REPLIKA}/gagal` };
  assert.deepEqual(periksa(baru, beban), []);
  const v = kinerjaStatus(['audit', 'verify', '--db', baru.db]);
  assert.equal(v.status, 0, v.stdout + v.stderr);
  console.log(`${s.ok} writes acknowledged on 2 nodes (${beban.akt.size} activities, ${beban.unit.size} unit kerja), ` +
    `${s.status['503'] || 0} refused with 503 and ${s.status['0'] || 0} cut during the failover; all present on the promoted replica`);
});
