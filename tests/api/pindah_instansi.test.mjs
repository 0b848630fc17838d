// kinerja migrate-data --instansi (issue 12, item 7): one instansi of a SQLite database moves into
// a PostgreSQL database that may already hold others; its rows are counted per table, its audit
// records are appended to the target chain after an `instansi.pindah` record naming the source
// chain head, the whole target chain verifies; an instansi already there, an id already used and
// a broken source chain are refused with nothing changed.  PostgreSQL only (make check-pg and the
// smoke of make check).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { PG, PASSWORD, psql, kinerja, kinerjaStatus, startServer, tokenFor, call, count } from './lib.mjs';

const lite = (file, q) => execFileSync('sqlite3', [file, q], { encoding: 'utf8' }).trim();
const pgv = (url, q) => psql(url, q).trim();

test('one instansi at a time into a shared PostgreSQL database, audit chain re-linked and verified', { skip: !PG && 'PostgreSQL only (make check-pg)' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-pindah-inst-'));
  const name = `pindah_inst_${process.pid}`;
  const to = `${PG}/${name}`;
  try {
    const src = join(dir, 'sumber.db');
    kinerja(['demo', '--db', src, '--pegawai', '12', '--password', PASSWORD]);
    psql(`${PG}/postgres`, `CREATE DATABASE ${name}`);
    const kepala = lite(src, 'SELECT hash FROM audit_kepala');

    // instansi 2 first, then 1: the second lands in a database that already holds the first
    for (const x of [2, 1]) {
      const out = kinerja(['migrate-data', '--from', `sqlite:${src}`, '--to', to, '--instansi', String(x)]);
      assert.match(out, new RegExp(`Selesai: instansi ${x} dipindah`), out);
      assert.match(out, /rantai audit tujuan utuh/);
      assert.match(out, /audit_log .* catatan disambung/);
    }
    assert.equal(kinerjaStatus(['audit', 'verify', '--db', to]).status, 0);
    for (const x of [1, 2]) {
      for (const [t, w] of [['pegawai', `instansi_id = ${x}`], ['aktivitas', `instansi_id = ${x}`], ['presensi', `instansi_id = ${x}`],
        ['rhk', `skp_id IN (SELECT id FROM skp WHERE instansi_id = ${x})`], ['pengguna', `instansi_id = ${x}`]]) {
        assert.equal(pgv(to, `SELECT COUNT(*) FROM ${t} WHERE ${w}`), lite(src, `SELECT COUNT(*) FROM ${t} WHERE ${w}`), `${t} of instansi ${x}`);
      }
      // every audit record of the instansi, in the same order and content, plus one instansi.pindah
      const a = lite(src, `SELECT COUNT(*) FROM audit_log WHERE instansi_id = ${x}`);
      assert.equal(pgv(to, `SELECT COUNT(*) FROM audit_log WHERE instansi_id = ${x} AND aksi <> 'instansi.pindah'`), a);
      const pindah = JSON.parse(pgv(to, `SELECT sesudah FROM audit_log WHERE instansi_id = ${x} AND aksi = 'instansi.pindah'`));
      assert.equal(pindah.sumber_kepala_hash, kepala);
      assert.equal(String(pindah.jumlah), a);
      assert.equal(pgv(to, `SELECT string_agg(aksi || '|' || waktu, ',' ORDER BY id) FROM audit_log WHERE instansi_id = ${x} AND aksi <> 'instansi.pindah'`),
        lite(src, `SELECT group_concat(aksi || '|' || waktu, ',') FROM (SELECT aksi, waktu FROM audit_log WHERE instansi_id = ${x} ORDER BY id)`));
    }
    // the superadmin (no instansi) stays behind: global rows are not copied
    assert.equal(pgv(to, "SELECT COUNT(*) FROM pengguna WHERE username = 'superadmin'"), '0');

    // the same instansi again: refused, nothing changed
    const audit = pgv(to, 'SELECT COUNT(*) FROM audit_log');
    let r = kinerjaStatus(['migrate-data', '--from', `sqlite:${src}`, '--to', to, '--instansi', '1']);
    assert.equal(r.status, 1);
    assert.match(r.stdout + r.stderr, /instansi 1 sudah ada di tujuan/);
    assert.equal(pgv(to, 'SELECT COUNT(*) FROM audit_log'), audit);

    // ids already used (the instansi row removed, its pegawai left behind): refused, rolled back
    psql(to, 'BEGIN; SET LOCAL session_replication_role = replica; DELETE FROM instansi WHERE id = 2; COMMIT;');
    r = kinerjaStatus(['migrate-data', '--from', `sqlite:${src}`, '--to', to, '--instansi', '2']);
    assert.equal(r.status, 1);
    assert.match(r.stdout + r.stderr, /id atau kunci unik yang sama sudah ada di tujuan; instansi tidak dipindah/);
    assert.equal(pgv(to, 'SELECT COUNT(*) FROM audit_log'), audit);
    assert.equal(pgv(to, 'SELECT COUNT(*) FROM instansi WHERE id = 2'), '0');

    // a broken source chain: refused before anything is copied
    const rusak = join(dir, 'rusak.db');
    copyFileSync(src, rusak);
    lite(rusak, "UPDATE audit_log SET aksi = 'diubah' WHERE id = 3");
    psql(`${PG}/postgres`, `CREATE DATABASE ${name}_b`);
    r = kinerjaStatus(['migrate-data', '--from', `sqlite:${rusak}`, '--to', `${PG}/${name}_b`, '--instansi', '1']);
    assert.equal(r.status, 1);
    assert.match(r.stdout + r.stderr, /rantai audit sumber rusak/);
    assert.equal(pgv(`${PG}/${name}_b`, 'SELECT COUNT(*) FROM instansi'), '0');

    // bad arguments
    assert.equal(kinerjaStatus(['migrate-data', '--from', `sqlite:${src}`, '--to', to, '--instansi', 'x']).status, 2);
    r = kinerjaStatus(['migrate-data', '--from', `sqlite:${src}`, '--to', `${PG}/${name}_b`, '--instansi', '9']);
    assert.equal(r.status, 1);
    assert.match(r.stdout + r.stderr, /instansi 9 tidak ada di sumber/);

    // a server on the target: the moved instansi's admin signs in and writes after the copied ids
    const srv = await startServer({ db: to });
    try {
      const token = tokenFor(srv, 'admin');
      const units = count(srv, 'unit_kerja');
      const w = await call(srv, 'POST', '/api/v1/unit-kerja', { token, body: { nama: 'Bagian Setelah Pindah' } });
      assert.equal(w.status, 201, w.text);
      assert.equal(count(srv, 'unit_kerja'), units + 1);
    } finally { await srv.stop(); }
    assert.equal(kinerjaStatus(['audit', 'verify', '--db', to]).status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    for (const d of [name, `${name}_b`]) {
      try { psql(`${PG}/postgres`, `DROP DATABASE IF EXISTS ${d} WITH (FORCE)`); } catch { /* cluster gone */ }
    }
  }
});
