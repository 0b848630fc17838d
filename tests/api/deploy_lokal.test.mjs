// The one-machine deployment recipe (deploy/lokal.sh, issue 12 part 5) and the dashboards on
// the read replica (--db-replica, --replica-max-lag).  One layout is started (PostgreSQL
// primary + synchronous streaming replica, pgbouncer, two nodes, haproxy), the smoke test runs
// through haproxy, a server of this test reads its dashboards on the replica while the replica
// is close, lagging and stopped, the primary is restarted under the nodes (they answer again
// within seconds; writes in flight are whole or absent), and the layout is torn down with nothing
// left behind.
// Needs Debian's postgresql-15, pgbouncer and haproxy (scripts/deps.sh deploy); skipped without.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:net';
import { BIN, TOP, psql, startServer, tokenFor, call, kinerjaStatus } from './lib.mjs';

const PERLU = ['/usr/lib/postgresql/15/bin/initdb', '/usr/sbin/pgbouncer', '/usr/sbin/haproxy'];
const kurang = PERLU.filter((p) => !existsSync(p));
const skip = kurang.length ? `needs ${kurang.join(', ')} (scripts/deps.sh deploy)` : false;
const LOKAL = join(TOP, 'deploy/lokal.sh');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function lokal(args, env = {}) {
  const r = spawnSync(LOKAL, args, {
    encoding: 'utf8', timeout: 180000,
    env: { ...process.env, KINERJA_BIN: BIN, LOKAL_NODES: '2', LOKAL_PEGAWAI: '10', LOKAL_FSYNC: 'off', ...env },
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

const portOpen = (port) => new Promise((resolve) => {
  const s = connect(port, '127.0.0.1');
  s.on('connect', () => { s.destroy(); resolve(true); });
  s.on('error', () => resolve(false));
});

async function metrik(srv) {
  const m = (await call(srv, 'GET', '/metrics')).text;
  const v = (s) => Number((m.match(new RegExp(`kinerja_baca_replika_total\\{sumber="${s}"\\} (\\d+)`)) || [])[1]);
  return { replika: v('replika'), primer: v('primer'), gagal: v('gagal') };
}

test('--db-replica is refused without PostgreSQL or with another URL', () => {
  let r = kinerjaStatus(['serve', '--db', '/tmp/tidak-ada.db', '--db-replica', 'postgres://x@127.0.0.1:1/k']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--db-replica hanya berlaku bila --db juga PostgreSQL/);
  r = kinerjaStatus(['serve', '--db', 'postgres://x@127.0.0.1:1/k', '--db-replica', '/tmp/replika.db']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--db-replica harus URI postgres:\/\//);
  r = kinerjaStatus(['serve', '--db', 'postgres://x@127.0.0.1:1/k', '--replica-max-lag', '-1']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--replica-max-lag: harus bilangan bulat 0..3600/);
  const help = execFileSync(BIN, ['serve', '--help'], { encoding: 'utf8' });
  assert.match(help, /--db-replica +KINERJA_DB_REPLICA/);
  assert.match(help, /--replica-max-lag +KINERJA_REPLICA_MAX_LAG/);
});

test('deploy/lokal.sh: up, smoke through haproxy, replica reads, down', { skip }, async (t) => {
  const up = lokal(['up']);
  assert.equal(up.status, 0, up.err);
  const dir = up.out.trim().split('=')[1];
  const env = Object.fromEntries(execFileSync('cat', [join(dir, 'env')], { encoding: 'utf8' }).trim().split('\n')
    .map((l) => { const i = l.indexOf('='); return [l.slice(0, i), l.slice(i + 1).replace(/^'|'$/g, '')]; }));
  const ports = env.PORTS.split(' ').map(Number);
  let srv, lama;
  try {
    await t.test('smoke: login, activity, dashboards through haproxy on both nodes', () => {
      const s = lokal(['smoke', dir]);
      assert.equal(s.status, 0, s.out + s.err);
      assert.match(s.out, /ok {3}every one of the 2 nodes answered requests/);
      assert.match(s.out, /ok {3}dashboards were read on the replica/);
      assert.match(s.out, /ok {3}replication is synchronous \(sync\)/);
    });

    await t.test('dashboards: replica when close, primary when lagging or stopped, same answers', async () => {
      srv = await startServer({ db: env.PGBOUNCER, extraArgs: ['--db-replica', env.PG_REPLIKA, '--replica-max-lag', '1'] });
      const token = tokenFor(srv, 'pegawai');
      const me = (await call(srv, 'GET', '/api/v1/auth/me', { token })).json;
      const pid = me.pegawai.id;
      const dasbor = async (s = srv) => {
        const r = await call(s, 'GET', `/api/v1/dasbor/pegawai/${pid}`, { token });
        assert.equal(r.status, 200, r.text);
        return r.json;
      };
      const menitPada = (j, tgl) => (j.kalender.hari.find((d) => d.tanggal === tgl) || { menit: 0 }).menit;
      // once the token's write is replayed the replica is close: the dashboard is read there
      let m0, m1;
      for (let i = 0; i < 40; i++) {
        await sleep(250);
        m0 = await metrik(srv);
        await dasbor();
        m1 = await metrik(srv);
        if (m1.replika === m0.replika + 1) break;
      }
      assert.equal(m1.replika, m0.replika + 1, 'close replica: read there');
      assert.equal(m1.primer, m0.primer);

      // replay paused: the replica falls behind; a new activity is only on the primary
      psql(env.PG_REPLIKA.replace(/\/kinerja$/, '/postgres'), 'SELECT pg_wal_replay_pause()');
      const tgl = new Date(Date.now() + 7 * 3600e3 - 2 * 86400e3).toISOString().slice(0, 10);
      const adm = tokenFor(srv, 'admin');
      let r = await call(srv, 'PATCH', '/api/v1/pengaturan', { token: adm, body: { akhir_pekan: true, hari_libur: true } });
      assert.equal(r.status, 200, r.text);
      const sebelum = menitPada(await dasbor(), tgl);
      r = await call(srv, 'POST', '/api/v1/aktivitas', { token, body: { tanggal: tgl, menit: 17, uraian: 'Aktivitas saat replika tertinggal' } });
      assert.equal(r.status, 201, r.text);
      // a node allowing an hour of lag still reads the replica: the new activity is not there yet
      lama = await startServer({ db: env.PGBOUNCER, extraArgs: ['--db-replica', env.PG_REPLIKA, '--replica-max-lag', '3600'] });
      const basi = await dasbor(lama);
      assert.equal(menitPada(basi, tgl), sebelum, 'replica within a large bound: the stale answer');
      assert.equal((await metrik(lama)).replika, 1);
      // this node allows 1 s: past it, the primary answers, with the new activity
      await sleep(1600);
      m0 = await metrik(srv);
      const segar = await dasbor();
      m1 = await metrik(srv);
      assert.equal(menitPada(segar, tgl), sebelum + 17, 'lagging replica: the primary answers, up to date');
      assert.equal(m1.primer, m0.primer + 1);
      assert.equal(m1.replika, m0.replika);

      // replay resumed: back on the replica, same answer as the primary's
      psql(env.PG_REPLIKA.replace(/\/kinerja$/, '/postgres'), 'SELECT pg_wal_replay_resume()');
      let dariReplika;
      for (let i = 0; i < 50; i++) {
        await sleep(250);
        m0 = await metrik(srv);
        dariReplika = await dasbor();
        m1 = await metrik(srv);
        if (m1.replika === m0.replika + 1) break;
      }
      assert.equal(m1.replika, m0.replika + 1, 'caught-up replica: read there again');
      assert.deepEqual(dariReplika, segar);

      // replica stopped (synchronous replication switched off first, as an operator or Patroni
      // does, else every commit on the primary would wait for it): the primary answers
      psql(env.PG_PRIMER.replace(/\/kinerja$/, '/postgres'), 'ALTER SYSTEM RESET synchronous_standby_names');
      psql(env.PG_PRIMER.replace(/\/kinerja$/, '/postgres'), 'SELECT pg_reload_conf()');
      const as = env.LOKAL_AS ? env.LOKAL_AS.split(' ') : [];
      execFileSync(as[0] || '/usr/lib/postgresql/15/bin/pg_ctl', [...as.slice(1), ...(as.length ? ['/usr/lib/postgresql/15/bin/pg_ctl'] : []),
        '-D', join(dir, 'replika'), '-m', 'immediate', '-w', 'stop'], { stdio: 'ignore' });
      await sleep(300);
      for (let i = 0; i < 3; i++) assert.deepEqual(await dasbor(), segar, 'replica down: the primary answers');
      const m2 = await metrik(srv);
      assert.ok(m2.gagal >= 1, 'the replica failure is counted');
      assert.ok(m2.primer >= m1.primer + 3);
      assert.match(srv.log, /replika baca tidak dipakai/);
    });

    await t.test('primary restarted behind pgbouncer: the nodes answer again within seconds, writes whole', async () => {
      const as = env.LOKAL_AS ? env.LOKAL_AS.split(' ') : [];
      const pgctl = (...a) => execFileSync(as[0] || '/usr/lib/postgresql/15/bin/pg_ctl',
        [...as.slice(1), ...(as.length ? ['/usr/lib/postgresql/15/bin/pg_ctl'] : []), ...a], { stdio: 'ignore' });
      const token = tokenFor({ db: env.PGBOUNCER }, 'pegawai');
      const node = (n) => ({ url: env[`NODE${n}`] });
      const tgl = new Date(Date.now() + 7 * 3600e3 - 86400e3).toISOString().slice(0, 10);
      const tulis = (n, i) => call(node(n), 'POST', '/api/v1/aktivitas', { token, body: { tanggal: tgl, menit: 1, uraian: `Saat primer dimulai ulang ${i}` } });
      for (const n of [1, 2]) assert.equal((await call(node(n), 'GET', '/api/v1/auth/me', { token })).status, 200);
      // writes in flight while the primary restarts: each one all or nothing
      const jalan = [];
      for (let i = 0; i < 6; i++) jalan.push(tulis(1 + (i % 2), i));
      pgctl('-D', join(dir, 'primer'), '-l', join(dir, 'pg-primer.log'), '-m', 'fast', '-w', '-t', '30', 'restart');
      const t0 = Date.now();
      const hasil = (await Promise.all(jalan)).map((r) => r.status);
      assert.ok(hasil.every((s) => s === 201 || s === 503), hasil.join(' '));
      // every node answers again soon (pgbouncer's server_login_retry 1; with its default of 15 s
      // the nodes answered 503 for 15 s), every worker thread included: a run of successes
      for (const n of [1, 2]) {
        let beruntun = 0;
        while (beruntun < 6) {
          const r = await call(node(n), 'GET', '/api/v1/auth/me', { token });
          beruntun = r.status === 200 ? beruntun + 1 : 0;
          assert.ok(r.status === 200 || r.status === 503, r.text);
          assert.ok(Date.now() - t0 < 8000, `node ${n} still answers ${r.status} ${Date.now() - t0} ms after the restart`);
          if (r.status !== 200) await sleep(100);
        }
        const w = await tulis(n, `sesudah ${n}`);
        assert.equal(w.status, 201, w.text);
      }
      const ok = hasil.filter((s) => s === 201).length;
      const ada = Number(psql(env.PG_PRIMER, "SELECT COUNT(*) FROM aktivitas WHERE uraian LIKE 'Saat primer dimulai ulang %'").trim());
      assert.equal(ada, ok + 2, `acknowledged ${hasil.join(' ')}: each acknowledged write stored once, none of the failed ones`);
    });
  } finally {
    await srv?.stop();
    await lama?.stop();
    // a node that died before the teardown (as in a failover drill) must not stop it half-way
    try { process.kill(Number(execFileSync('cat', [join(dir, 'node2.pid')], { encoding: 'utf8' })), 'SIGKILL'); } catch { /* gone */ }
    await sleep(200);
    const down = lokal(['down', dir]);
    assert.equal(down.status, 0, down.err);
  }
  assert.equal(existsSync(dir), false, 'the directory is removed');
  for (const p of ports) assert.equal(await portOpen(p), false, `port ${p} is closed`);
  const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  assert.equal(ps.includes(dir), false, 'no process of the layout is left');
});
