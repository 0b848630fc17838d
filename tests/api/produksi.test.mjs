// The production files of deploy/produksi/ (docs/produksi.md) are checked, not only written:
// systemd units with systemd-analyze, Patroni files with `patroni --validate-config`, the etcd
// member lists, the shell scripts with `sh -n`, and a point-in-time-recovery drill with the
// backup scripts on a throwaway PostgreSQL.  Each part is skipped, with the reason, when its tool
// is missing.  Runs once, in the SQLite suite (it starts its own cluster for the drill).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync, mkdirSync, chownSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { PG, TOP, BIN } from './lib.mjs';

const PROD = join(TOP, 'deploy/produksi');
const once = PG ? 'runs once, in the SQLite suite' : false;
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const PG_BIN = process.env.PG_BIN || '/usr/lib/postgresql/15/bin';
const freePort = () => Number(execFileSync('python3', ['-c',
  'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'], { encoding: 'utf8' }).trim());

test('systemd units pass systemd-analyze verify and rate OK in systemd-analyze security',
  { skip: once || (!has('systemd-analyze') && 'systemd-analyze is not installed') }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinerja-unit-'));
    try {
      const src = join(PROD, 'systemd');
      const units = readdirSync(src).filter((f) => /\.(service|target)$/.test(f));
      assert.ok(units.includes('kinerja.service') && units.includes('kinerja@.service'), units.join(' '));
      for (const f of units) {  // the binary where the test built it (verify checks it is executable)
        writeFileSync(join(dir, f), readFileSync(join(src, f), 'utf8').replaceAll('/usr/local/bin/kinerja', resolve(BIN)));
      }
      // template instances named by kinerja.target
      writeFileSync(join(dir, 'kinerja@a.service'), readFileSync(join(dir, 'kinerja@.service')));
      writeFileSync(join(dir, 'kinerja@b.service'), readFileSync(join(dir, 'kinerja@.service')));
      const check = ['kinerja.service', 'kinerja-migrate.service', 'kinerja@a.service', 'kinerja.target'];
      const r = spawnSync('systemd-analyze', ['verify', ...check.map((f) => join(dir, f))], { encoding: 'utf8' });
      // verify exits 0 on unknown keys or bad values and only warns: any output is a failure
      assert.equal(r.status, 0, r.stderr);
      assert.equal((r.stderr + r.stdout).trim(), '', 'systemd-analyze verify warned');
      for (const f of ['kinerja.service', 'kinerja@a.service']) {
        const s = spawnSync('systemd-analyze', ['security', '--offline=true', join(dir, f)], { encoding: 'utf8' });
        const m = /Overall exposure level for .*: ([0-9.]+)/.exec(s.stdout + s.stderr);
        assert.ok(m, s.stdout + s.stderr);
        assert.ok(Number(m[1]) <= 2.0, `${f}: exposure ${m[1]} > 2.0`);
      }
      // the hardening the docs promise is really in both node units
      for (const f of ['kinerja.service', 'kinerja@.service']) {
        const t = readFileSync(join(src, f), 'utf8');
        for (const k of ['NoNewPrivileges=yes', 'ProtectSystem=strict', 'Restart=on-failure', 'User=kinerja',
          'EnvironmentFile=/etc/kinerja/kinerja.env', 'CapabilityBoundingSet=\n']) assert.ok(t.includes(k), `${f}: ${k}`);
      }
      assert.match(readFileSync(join(src, 'kinerja@.service'), 'utf8'), /EnvironmentFile=\/etc\/kinerja\/node-%i\.env/);
      assert.match(readFileSync(join(src, 'kinerja.env.contoh'), 'utf8'), /^KINERJA_DB=postgres:\/\/[^\n]*,[^\n]*target_session_attrs=read-write/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

test('Patroni files pass patroni --validate-config and agree with each other',
  { skip: once || (!has('patroni') && 'patroni is not installed (scripts/deps.sh check)') }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinerja-patroni-'));
    try {
      const files = ['pg1.yml', 'pg2.yml', 'pg3.yml'];
      const names = new Set();
      for (const f of files) {
        const text = readFileSync(join(PROD, 'patroni', f), 'utf8');
        // the validator binds the listen addresses: move them to free loopback ports here
        const local = text.replace(/^(\s+listen: )\S+:8008$/m, `$1127.0.0.1:${freePort()}`)
          .replace(/^(\s+listen: )\S+:5432$/m, `$1127.0.0.1:${freePort()}`);
        assert.notEqual(local, text);
        writeFileSync(join(dir, f), local);
        const r = spawnSync('patroni', ['--validate-config', join(dir, f)], { encoding: 'utf8' });
        assert.equal(r.status, 0, `${f}: ${r.stdout}${r.stderr}`);
        names.add(/^name: (\S+)$/m.exec(text)[1]);
        for (const k of ['synchronous_mode: true', 'scope: kinerja', 'archive_command:', 'use_pg_rewind: true'])
          assert.ok(text.includes(k), `${f}: ${k}`);
        // a deliberately broken copy is refused (the validator really looks)
        writeFileSync(join(dir, 'kaput.yml'), local.replace(/bin_dir: .*/, 'bin_dir: /nonexistent/bin'));
        assert.notEqual(spawnSync('patroni', ['--validate-config', join(dir, 'kaput.yml')]).status, 0);
      }
      assert.equal(names.size, 3, 'three distinct node names');
      // the same bootstrap/dcs part on all three (only name and addresses differ)
      const strip = (f) => readFileSync(join(PROD, 'patroni', f), 'utf8')
        .replace(/^name: .*$/m, '').replace(/10\.0\.1\.1[1-3]/g, 'X').replace(/^#.*$/gm, '');
      assert.equal(strip('pg2.yml'), strip('pg1.yml'));
      assert.equal(strip('pg3.yml'), strip('pg1.yml'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

test('etcd members list the same cluster; shell scripts parse', { skip: once }, () => {
  const env = (f) => Object.fromEntries(readFileSync(join(PROD, 'etcd', f), 'utf8').split('\n')
    .filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  const all = ['etcd1.env', 'etcd2.env', 'etcd3.env'].map(env);
  const cluster = all[0].ETCD_INITIAL_CLUSTER;
  for (const [i, e] of all.entries()) {
    assert.equal(e.ETCD_NAME, `etcd${i + 1}`);
    assert.equal(e.ETCD_INITIAL_CLUSTER, cluster);
    assert.ok(cluster.includes(`${e.ETCD_NAME}=${e.ETCD_INITIAL_ADVERTISE_PEER_URLS}`), `${e.ETCD_NAME} in the member list`);
    assert.ok(e.ETCD_LISTEN_PEER_URLS === e.ETCD_INITIAL_ADVERTISE_PEER_URLS);
  }
  const scripts = ['cadangan/arsip-wal', 'cadangan/pulih-wal', 'cadangan/cadangan-dasar.sh', 'cadangan/cadangan-logis.sh',
    'cadangan/latihan-pulih.sh'];
  for (const s of scripts) {
    const r = spawnSync('sh', ['-n', join(PROD, s)], { encoding: 'utf8' });
    assert.equal(r.status, 0, `${s}: ${r.stderr}`);
  }
  assert.equal(spawnSync('bash', ['-n', join(PROD, 'ukur.sh')]).status, 0);
  // arsip-wal: copies, accepts the same file again, refuses other content under the same name
  const d = mkdtempSync(join(tmpdir(), 'kinerja-arsip-'));
  try {
    const wal = join(d, 'seg'); writeFileSync(wal, 'wal-1');
    mkdirSync(join(d, 'arsip'));
    const arsip = (p) => spawnSync(join(PROD, 'cadangan/arsip-wal'), [p, '000000010000000000000001'],
      { env: { ...process.env, ARSIP_WAL_DIR: join(d, 'arsip') }, encoding: 'utf8' });
    assert.equal(arsip(wal).status, 0);
    assert.equal(readFileSync(join(d, 'arsip/000000010000000000000001'), 'utf8'), 'wal-1');
    assert.equal(arsip(wal).status, 0, 'a retried archive of the same segment succeeds');
    writeFileSync(wal, 'wal-2');
    const r = arsip(wal);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /exists with other content/);
    assert.deepEqual(readdirSync(join(d, 'arsip')), ['000000010000000000000001'], 'no temporary file left');
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('restore drill: base backup + WAL archive, point-in-time recovery, audit chain intact',
  { skip: once || (!existsSync(join(PG_BIN, 'initdb')) && `${PG_BIN}/initdb missing (scripts/deps.sh check-pg)`) }, async () => {
    const env = Object.fromEntries(execFileSync(join(TOP, 'tests/pg/start.sh'), { encoding: 'utf8' })
      .trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    const dir = env.KINERJA_PG_DIR;
    const root = process.getuid() === 0;
    const q = (sql, db = 'kinerja') => execFileSync('psql', ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', `${env.KINERJA_PG}/${db}`, '-c', sql],
      { encoding: 'utf8' }).trim();
    try {
      const arsip = join(dir, 'arsip'); const dasar = join(dir, 'dasar');
      mkdirSync(arsip);
      if (root) chownSync(arsip, Number(execFileSync('id', ['-u', 'kinerjatest'], { encoding: 'utf8' })), 0);
      writeFileSync(join(dir, 'data/postgresql.conf'), `${readFileSync(join(dir, 'data/postgresql.conf'), 'utf8')}
archive_mode = on
archive_command = 'ARSIP_WAL_DIR=${arsip} ${join(PROD, 'cadangan/arsip-wal')} %p %f'
`);
      execFileSync(join(TOP, 'tests/pg/restart.sh'), [dir]);
      q('CREATE DATABASE kinerja', 'postgres');
      execFileSync(BIN, ['demo', '--db', `${env.KINERJA_PG}/kinerja`, '--pegawai', '10'], { stdio: 'ignore' });
      const port = env.KINERJA_PG.split(':').pop();
      const base = execFileSync(join(PROD, 'cadangan/cadangan-dasar.sh'), {
        env: { ...process.env, PGHOST: '127.0.0.1', PGPORT: port, PGUSER: 'kinerja', BASIS_DIR: dasar, ARSIP_WAL_DIR: arsip, SIMPAN: '1' },
        encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
      }).trim().split('\n').pop();
      assert.ok(existsSync(join(base, 'backup_label')), base);
      // after the base backup: batch A, the target time, batch B
      q('CREATE TABLE drill (x integer)');
      q('INSERT INTO drill SELECT generate_series(1, 100)');
      const auditA = q('SELECT count(*) FROM audit_log');
      await new Promise((r) => setTimeout(r, 1100));
      const target = q('SELECT now()');
      await new Promise((r) => setTimeout(r, 1100));
      q('INSERT INTO drill SELECT generate_series(101, 200)');
      q("INSERT INTO audit_log (id, waktu, aksi, entitas, hash_prev, hash) SELECT max(id) + 1, 0, 'drill.palsu', 'drill', 'x', 'y' FROM audit_log");
      q('SELECT pg_switch_wal()');
      for (let i = 0; i < 100 && q('SELECT failed_count = 0 AND last_archived_wal IS NOT NULL AND last_archived_wal >= pg_walfile_name(pg_current_wal_lsn()) FROM pg_stat_archiver') !== 't'; i++) {
        q('SELECT pg_switch_wal()');
        await new Promise((r) => setTimeout(r, 100));
      }
      const r = spawnSync(join(PROD, 'cadangan/latihan-pulih.sh'),
        [base, target, 'SELECT count(*), max(x) FROM drill', 'SELECT count(*) FROM audit_log'], {
          env: { ...process.env, PGUSER: 'kinerja', ARSIP_WAL_DIR: arsip, PULIH_AS: 'kinerjatest', PULIH_DIR: join(dir, 'pulih'), KINERJA_BIN: BIN },
          encoding: 'utf8',
        });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /recovered to .* in [0-9.]+ s/);
      assert.match(r.stdout, /^sql: 100\|100$/m, 'exactly batch A: replayed past the base backup, stopped at the target');
      assert.match(r.stdout, new RegExp(`^sql: ${auditA}$`, 'm'), 'the forged audit record after the target is not there');
      assert.match(r.stdout, /audit verify: exit 0/);
      assert.ok(!existsSync(join(dir, 'pulih')), 'the drill removes its copy');
    } finally {
      execFileSync(join(TOP, 'tests/pg/stop.sh'), [dir]);
    }
  });
