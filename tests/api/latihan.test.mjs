// The training sandbox, "mode latihan" (issue 14 item 2): the admin creates it, staff enter it
// from their own session and practise (an activity, an SKP submitted and approved), the admin
// resets and removes it; nothing of it reaches the real instansi, outboxes, SIASN or the
// instansi list, and the real instansi's data and outputs are byte-identical before and after.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startServer, call, login, sql, count, isProblem, PASSWORD, kinerja, PG, tableNames, tableColumns, rowsText } from './lib.mjs';

let srv;
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];

// Everything the real instansi (id 1) holds, table by table, except the audit log (new
// latihan.* records are expected there) and login bookkeeping (sessions, counters).
function hashSql(q) {
  const text = rowsText(srv, q);
  return `${text.length}:${createHash('sha256').update(text).digest('hex')}`;
}
function sidikJari(inst) {
  const out = {};
  for (const name of tableNames(srv)) {
    if (['audit_log', 'audit_kepala', 'sesi', 'versi_data', 'idempotensi', 'login_tertunda'].includes(name)) continue;
    const cols = tableColumns(srv, name);
    if (!cols.includes('instansi_id')) continue;
    const rest = name === 'pengguna' ? cols.filter((c) => !['gagal_login', 'terkunci_sampai'].includes(c)) : cols;
    out[name] = hashSql(`SELECT ${rest.map((c) => `"${c}"`).join(', ')} FROM "${name}" WHERE instansi_id = ${inst} ORDER BY 1`);
  }
  return out;
}

async function keluaran(admin) {
  const paths = ['/api/v1/dasbor/instansi', '/api/v1/laporan/status-skp', '/api/v1/tpp/bulan', '/api/v1/tpp/aturan',
    '/api/v1/siasn/konfig', '/api/v1/siasn/log', '/api/v1/analitik/talenta', '/api/v1/pegawai?limit=200', '/api/v1/instansi'];
  const out = {};
  for (const p of paths) {
    const r = await call(srv, 'GET', p, { cookie: admin.cookie });
    out[p] = `${r.status} ${r.text}`;
  }
  const bulan = JSON.parse(out['/api/v1/tpp/bulan'].slice(4)).items?.[0];
  if (bulan) {
    const r = await call(srv, 'GET', `/api/v1/tpp/bulan/${bulan.id}`, { cookie: admin.cookie });
    out.tpp = `${r.status} ${r.text}`;
  }
  return out;
}

before(async () => { srv = await startServer({ pegawai: 60 }); });
after(async () => { await srv?.stop(); });

test('mode latihan: create, practise, reset, remove; the real instansi stays untouched', async () => {
  const admin = await login(srv, 'admin');
  const realSebelum = sidikJari(1);
  const apiSebelum = await keluaran(admin);
  const surelSebelum = count(srv, 'surel_keluar');
  const kirimSebelum = count(srv, 'webhook_pengiriman');
  const auditSebelum = one('SELECT MAX(id) AS n FROM audit_log').n;

  // nothing yet
  let st = await call(srv, 'GET', '/api/v1/latihan', { cookie: admin.cookie });
  assert.equal(st.status, 200);
  assert.equal(st.json.ada, false);
  assert.equal(st.json.dalam_latihan, false);
  assert.deepEqual(st.json.peran, ['pegawai', 'atasan', 'auditor', 'pimpinan', 'admin']);
  assert.equal(admin.me.latihan.tersedia, false);

  // a pegawai cannot create it, nor the superadmin (no instansi)
  const pegawai = await login(srv, 'pegawai');
  isProblem(assert, await call(srv, 'POST', '/api/v1/latihan', { cookie: pegawai.cookie, csrf: pegawai.csrf }), 403);
  const sa = await login(srv, 'superadmin');
  isProblem(assert, await call(srv, 'POST', '/api/v1/latihan', { cookie: sa.cookie, csrf: sa.csrf }), 403);
  isProblem(assert, await call(srv, 'POST', '/api/v1/latihan/masuk', { cookie: pegawai.cookie, csrf: pegawai.csrf }), 404);

  // create (synchronous: measured)
  const t0 = Date.now();
  const dibuat = await call(srv, 'POST', '/api/v1/latihan', { cookie: admin.cookie, csrf: admin.csrf });
  const ms = Date.now() - t0;
  assert.equal(dibuat.status, 201, dibuat.text);
  console.log(`# sandbox created in ${ms} ms`);
  assert.equal(dibuat.json.ada, true);
  const sid = dibuat.json.instansi.id;
  assert.equal(dibuat.json.instansi.pegawai, 60);
  assert.match(dibuat.json.instansi.nama, /\(Latihan\)$/);
  assert.equal(one(`SELECT latihan_dari FROM instansi WHERE id = ${sid}`).latihan_dari, 1);
  assert.ok(count(srv, 'skp', `WHERE instansi_id = ${sid}`) >= 50, 'realistic data: SKP');
  assert.ok(count(srv, 'aktivitas', `WHERE instansi_id = ${sid}`) > 0, 'realistic data: aktivitas');
  assert.ok(count(srv, 'sasaran_strategis', `WHERE instansi_id = ${sid}`) > 0, 'realistic data: Renstra');
  isProblem(assert, await call(srv, 'POST', '/api/v1/latihan', { cookie: admin.cookie, csrf: admin.csrf }), 409);
  assert.equal(count(srv, 'pegawai', `WHERE instansi_id = ${sid} AND email IS NOT NULL AND email NOT LIKE '%@latihan.invalid'`), 0);

  // practice accounts cannot sign in with a password (nor by NIP)
  isProblem(assert, await call(srv, 'POST', '/api/v1/auth/login', { body: { username: `latihan${sid}.admin`, password: PASSWORD } }), 401);
  isProblem(assert, await call(srv, 'POST', '/api/v1/auth/login', { body: { username: `latihan${sid}.admin`, password: '!latihan' } }), 401);

  // sandboxes are not instansi in the superadmin's list
  const daftar = await call(srv, 'GET', '/api/v1/instansi?limit=200', { cookie: sa.cookie });
  assert.ok(!daftar.json.items.some((i) => i.id === sid), 'sandbox hidden from the instansi list');

  // another instansi's admin cannot touch it
  const admin2 = await login(srv, 'admin2');
  isProblem(assert, await call(srv, 'POST', '/api/v1/latihan/reset', { cookie: admin2.cookie, csrf: admin2.csrf, body: { konfirmasi: true } }), 404);
  isProblem(assert, await call(srv, 'DELETE', '/api/v1/latihan', { cookie: admin2.cookie, csrf: admin2.csrf, body: { konfirmasi: true } }), 404);
  isProblem(assert, await call(srv, 'POST', '/api/v1/latihan/masuk', { cookie: admin2.cookie, csrf: admin2.csrf }), 404);
  const lain = await call(srv, 'GET', `/api/v1/instansi/${sid}`, { cookie: admin2.cookie });
  assert.ok([403, 404].includes(lain.status), lain.text);

  // a webhook of the sandbox (as a practising admin could register) never gets a delivery
  const now = Math.floor(Date.now() / 1000);
  sql(srv, `INSERT INTO webhook (instansi_id, url, keterangan, rahasia, aktif, dibuat, diubah)
            VALUES (${sid}, 'https://eoffice.contoh.go.id/latihan', 'latihan', 'whk_latihan', 1, ${now}, ${now})`);
  sql(srv, `INSERT INTO webhook_peristiwa (webhook_id, peristiwa) SELECT id, 'skp.disetujui' FROM webhook WHERE keterangan = 'latihan'`);

  // the pegawai enters: a practice session mirroring the role
  st = await call(srv, 'GET', '/api/v1/latihan', { cookie: pegawai.cookie });
  assert.equal(st.json.ada, true);
  assert.deepEqual(st.json.peran, ['pegawai']);
  isProblem(assert, await call(srv, 'POST', '/api/v1/latihan/masuk', { cookie: pegawai.cookie, csrf: pegawai.csrf, body: { peran: 'admin' } }), 403);
  isProblem(assert, await call(srv, 'POST', '/api/v1/latihan/masuk', { cookie: pegawai.cookie, csrf: pegawai.csrf, body: { peran: 1 } }), 422, 'peran');
  const masuk = await call(srv, 'POST', '/api/v1/latihan/masuk', { cookie: pegawai.cookie, csrf: pegawai.csrf, body: {} });
  assert.equal(masuk.status, 200, masuk.text);
  const latih = { cookie: masuk.headers.get('set-cookie').split(';')[0], csrf: masuk.json.csrf_token };
  assert.equal((await call(srv, 'GET', '/api/v1/auth/me', { cookie: pegawai.cookie })).status, 401, 'the real session was swapped');
  let me = (await call(srv, 'GET', '/api/v1/auth/me', { cookie: latih.cookie })).json;
  assert.equal(me.pengguna.username, `latihan${sid}.pegawai`);
  assert.equal(me.pengguna.instansi_id, sid);
  assert.equal(me.latihan.aktif, true);
  assert.equal(me.latihan.instansi_asal, 1);
  isProblem(assert, await call(srv, 'POST', '/api/v1/latihan', { cookie: latih.cookie, csrf: latih.csrf }), 403);
  isProblem(assert, await call(srv, 'POST', '/api/v1/token', { cookie: latih.cookie, csrf: latih.csrf, body: { nama: 'x' } }), 409);

  // practise: log an activity, submit a revised SKP; the practice atasan approves a bawahan's SKP
  const skp = (await call(srv, 'GET', `/api/v1/skp?pegawai_id=${me.pegawai.id}`, { cookie: latih.cookie })).json.items[0];
  const tanggal = new Date().toISOString().slice(0, 10);
  const akt = await call(srv, 'POST', '/api/v1/aktivitas', { cookie: latih.cookie, csrf: latih.csrf,
    body: { tanggal, menit: 45, uraian: 'Latihan mencatat aktivitas harian' } });
  assert.equal(akt.status, 201, akt.text);
  const rev = await call(srv, 'POST', `/api/v1/skp/${skp.id}/revisi`, { cookie: latih.cookie, csrf: latih.csrf, body: {} });
  assert.equal(rev.status, 200, rev.text);
  const aju = await call(srv, 'POST', `/api/v1/skp/${skp.id}/ajukan`, { cookie: latih.cookie, csrf: latih.csrf, body: {} });
  assert.equal(aju.status, 200, aju.text);
  assert.equal(aju.json.status, 'diajukan');
  const kel = await call(srv, 'POST', '/api/v1/latihan/keluar', { cookie: latih.cookie, csrf: latih.csrf });
  assert.equal(kel.status, 200, kel.text);
  const kembali = { cookie: kel.headers.get('set-cookie').split(';')[0] };
  me = (await call(srv, 'GET', '/api/v1/auth/me', { cookie: kembali.cookie })).json;
  assert.equal(me.pengguna.username, 'pegawai');
  assert.equal(me.latihan.aktif, false);
  assert.equal((await call(srv, 'GET', '/api/v1/auth/me', { cookie: latih.cookie })).status, 401);
  isProblem(assert, await call(srv, 'POST', '/api/v1/latihan/keluar', { cookie: kembali.cookie, csrf: kel.json.csrf_token }), 409);

  const atasan = await login(srv, 'atasan');
  const m2 = await call(srv, 'POST', '/api/v1/latihan/masuk', { cookie: atasan.cookie, csrf: atasan.csrf });
  assert.equal(m2.status, 200, m2.text);
  const la = { cookie: m2.headers.get('set-cookie').split(';')[0], csrf: m2.json.csrf_token };
  assert.equal((await call(srv, 'GET', '/api/v1/auth/me', { cookie: la.cookie })).json.pengguna.username, `latihan${sid}.atasan`);
  const meA = (await call(srv, 'GET', '/api/v1/auth/me', { cookie: la.cookie })).json;
  const diajukan = one(`SELECT id FROM skp WHERE instansi_id = ${sid} AND status = 'diajukan' AND penilai_id = ${meA.pegawai.id}`);
  assert.ok(diajukan, 'the practice atasan has an SKP to approve');
  const ok = await call(srv, 'POST', `/api/v1/skp/${diajukan.id}/setujui`, { cookie: la.cookie, csrf: la.csrf, body: {} });
  assert.equal(ok.status, 200, ok.text);
  // a practice session lives only while its real account is active
  sql(srv, "UPDATE pengguna SET aktif = 0 WHERE username = 'atasan'");
  assert.equal((await call(srv, 'GET', '/api/v1/auth/me', { cookie: la.cookie })).status, 401);
  sql(srv, "UPDATE pengguna SET aktif = 1 WHERE username = 'atasan'");
  assert.equal(count(srv, 'webhook_pengiriman'), kirimSebelum, 'no webhook delivery from a sandbox');
  assert.equal(count(srv, 'surel_keluar'), surelSebelum, 'no e-mail from a sandbox');

  // reset: confirmation required; the practice data is regenerated, practice sessions end
  isProblem(assert, await call(srv, 'POST', '/api/v1/latihan/reset', { cookie: admin.cookie, csrf: admin.csrf, body: {} }), 422, 'konfirmasi');
  isProblem(assert, await call(srv, 'POST', '/api/v1/latihan/reset', { cookie: admin.cookie, csrf: admin.csrf, body: { konfirmasi: false } }), 422, 'konfirmasi');
  isProblem(assert, await call(srv, 'POST', '/api/v1/latihan/reset', { cookie: pegawai.cookie, csrf: pegawai.csrf, body: { konfirmasi: true } }), 401);
  const reset = await call(srv, 'POST', '/api/v1/latihan/reset', { cookie: admin.cookie, csrf: admin.csrf, body: { konfirmasi: true } });
  assert.equal(reset.status, 200, reset.text);
  assert.equal(reset.json.instansi.id, sid, 'the sandbox keeps its id');
  assert.equal(count(srv, 'aktivitas', `WHERE instansi_id = ${sid} AND uraian = 'Latihan mencatat aktivitas harian'`), 0);
  assert.equal(count(srv, 'pegawai', `WHERE instansi_id = ${sid}`), 60);
  assert.equal((await call(srv, 'GET', '/api/v1/auth/me', { cookie: la.cookie })).status, 401);

  // remove: confirmation, then nothing of it is left but its audit records and placeholders
  const hapus = await call(srv, 'DELETE', '/api/v1/latihan', { cookie: admin.cookie, csrf: admin.csrf, body: { konfirmasi: true } });
  assert.equal(hapus.status, 204, hapus.text);
  st = await call(srv, 'GET', '/api/v1/latihan', { cookie: admin.cookie });
  assert.equal(st.json.ada, false);
  for (const name of tableNames(srv)) {
    if (['audit_log', 'instansi', 'pengguna'].includes(name)) continue;
    const cols = tableColumns(srv, name);
    if (cols.includes('instansi_id')) assert.equal(count(srv, name, `WHERE instansi_id = ${sid}`), 0, `${name} emptied`);
  }
  assert.equal(count(srv, 'pengguna', `WHERE instansi_id = ${sid} AND (aktif = 1 OR pegawai_id IS NOT NULL)`), 0);
  assert.equal(count(srv, 'sesi', `WHERE pengguna_id IN (SELECT id FROM pengguna WHERE instansi_id = ${sid})`), 0);
  // PostgreSQL checks every foreign key at each statement; SQLite is asked
  if (!PG) assert.equal(one('PRAGMA foreign_key_check')?.table, undefined, 'no dangling references');
  assert.match(kinerja(['audit', 'verify', '--db', srv.db]), /utuh|OK|ok/i);
  isProblem(assert, await call(srv, 'DELETE', '/api/v1/latihan', { cookie: admin.cookie, csrf: admin.csrf, body: { konfirmasi: true } }), 404);

  // the real instansi: rows and outputs byte-identical, audit only says latihan.*
  assert.deepEqual(sidikJari(1), realSebelum);
  const apiSesudah = await keluaran(await login(srv, 'admin'));
  assert.deepEqual(apiSesudah, apiSebelum);
  const aksi = JSON.parse(sql(srv, `SELECT DISTINCT aksi FROM audit_log WHERE instansi_id = 1 AND id > ${auditSebelum} ORDER BY aksi`)).map((r) => r.aksi);
  for (const a of aksi) assert.match(a, /^(latihan\.|auth\.login)/, a);

  // created again: the same row comes back
  const lagi = await call(srv, 'POST', '/api/v1/latihan', { cookie: admin.cookie, csrf: admin.csrf });
  assert.equal(lagi.status, 201, lagi.text);
  assert.equal(lagi.json.instansi.id, sid);
});
