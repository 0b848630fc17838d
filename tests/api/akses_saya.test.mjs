// "Who saw my data" and the personal export (issue 14 item 4), and the adoption view for admins
// (item 6) against a small hand-built instansi.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, call, tokenFor, sql, isProblem } from './lib.mjs';

let srv, T = {}, ctx = {};
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];
const all = (q) => JSON.parse(sql(srv, q) || '[]');
const akses = async (tok, q = '') => call(srv, 'GET', `/api/v1/saya/akses?limit=200${q}`, { token: tok });
const lihatOleh = (items, uid) => items.filter((i) => i.jenis === 'lihat' && i.oleh.pengguna_id === uid);

before(async () => {
  srv = await startServer({ pegawai: 40 });
  for (const r of ['pegawai', 'atasan', 'admin', 'superadmin']) T[r] = tokenFor(srv, r);
  const me = async (r) => (await call(srv, 'GET', '/api/v1/auth/me', { token: T[r] })).json;
  ctx.pegawai = await me('pegawai');
  ctx.atasan = await me('atasan');
  ctx.admin = await me('admin');
  ctx.pid = ctx.pegawai.pegawai.id;
  ctx.inst = ctx.pegawai.pengguna.instansi_id;
  // the pegawai's direct atasan (their penilai) and a colleague outside their chain
  ctx.kasi = one(`SELECT p.id, p.nip, g.id AS uid FROM pegawai p JOIN pengguna g ON g.pegawai_id = p.id
    WHERE p.id = (SELECT atasan_id FROM pegawai WHERE id = ${ctx.pid})`);
  T.kasi = tokenFor(srv, ctx.kasi.nip);
  ctx.rekan = one(`SELECT p.id, p.nip, g.id AS uid FROM pegawai p JOIN pengguna g ON g.pegawai_id = p.id
    WHERE p.instansi_id = ${ctx.inst} AND g.peran = 0 AND p.id NOT IN (${ctx.pid}, ${ctx.kasi.id}, ${ctx.atasan.pegawai.id})
      AND p.atasan_id IS NOT NULL AND p.atasan_id <> ${ctx.pid} ORDER BY p.id DESC LIMIT 1`);
  T.rekan = tokenFor(srv, ctx.rekan.nip);
  ctx.skp = one(`SELECT id FROM skp WHERE pegawai_id = ${ctx.pid} ORDER BY id LIMIT 1`).id;
  // the demo's own access history (src/demo_akses.c) is not part of these scenarios
  assert.ok(one('SELECT COUNT(*) AS n FROM akses_lihat').n > 0, 'the demo has access entries');
  sql(srv, 'DELETE FROM akses_lihat');
});
after(async () => { await srv?.stop(); });

test('a view by the atasan appears in the pegawai\'s list with who, what and when', async () => {
  const t0 = Date.now();
  let r = await call(srv, 'GET', `/api/v1/skp/${ctx.skp}`, { token: T.kasi });
  assert.equal(r.status, 200, r.text);
  r = await call(srv, 'GET', `/api/v1/dasbor/pegawai/${ctx.pid}`, { token: T.atasan });
  assert.equal(r.status, 200, r.text);
  r = await akses(T.pegawai);
  assert.equal(r.status, 200, r.text);
  const kasi = lihatOleh(r.json.items, ctx.kasi.uid);
  assert.equal(kasi.length, 1, JSON.stringify(r.json.items.slice(0, 5)));
  assert.equal(kasi[0].objek, 'skp');
  assert.equal(kasi[0].rujukan, `/api/v1/skp/${ctx.skp}`);
  assert.equal(kasi[0].oleh.peran, 'atasan');
  assert.equal(kasi[0].oleh.nama, one(`SELECT nama FROM pegawai WHERE id = ${ctx.kasi.id}`).nama);
  assert.ok(kasi[0].oleh.jabatan, 'the viewer\'s jabatan is shown');
  assert.ok(kasi[0].waktu >= t0 - 1000 && kasi[0].waktu <= Date.now() + 1000);
  const atas = lihatOleh(r.json.items, ctx.atasan.pengguna.id);
  assert.deepEqual(atas.map((i) => i.objek), ['dasbor']);
  // newest first
  const w = r.json.items.map((i) => i.waktu);
  assert.deepEqual(w, [...w].sort((a, b) => b - a));
  assert.equal(r.json.jendela_detik, 3600);
});

test('a view by another pegawai is impossible and leaves no entry', async () => {
  const before = one(`SELECT COUNT(*) AS n FROM akses_lihat WHERE pegawai_id = ${ctx.pid}`).n;
  for (const p of [`/api/v1/skp/${ctx.skp}`, `/api/v1/dasbor/pegawai/${ctx.pid}`, `/api/v1/aktivitas?pegawai_id=${ctx.pid}`,
    `/api/v1/pegawai/${ctx.pid}/presensi?bulan=2026-01`]) {
    const r = await call(srv, 'GET', p, { token: T.rekan });
    // a list is filtered to what the caller may see: empty; a single thing is refused
    if (p.includes('?pegawai_id=')) assert.deepEqual([r.status, r.json.items], [200, []], p);
    else assert.ok(r.status === 403 || r.status === 404, `${p}: ${r.status} ${r.text}`);
  }
  assert.equal(one(`SELECT COUNT(*) AS n FROM akses_lihat WHERE pegawai_id = ${ctx.pid}`).n, before);
  const r = await akses(T.pegawai);
  assert.equal(lihatOleh(r.json.items, ctx.rekan.uid).length, 0);
  // and nobody can ask for someone else's list: /saya has no id, extra parameters are ignored
  const own = await call(srv, 'GET', `/api/v1/saya/akses?pegawai_id=${ctx.pid}`, { token: T.rekan });
  assert.equal(own.status, 200);
  assert.ok(own.json.items.every((i) => i.oleh.pengguna_id !== ctx.pegawai.pengguna.id || i.jenis === 'ubah'));
  assert.equal(lihatOleh(own.json.items, ctx.kasi.uid).filter((i) => i.rujukan === `/api/v1/skp/${ctx.skp}`).length, 0);
});

test('the pegawai\'s own views and changes do not appear', async () => {
  for (const p of [`/api/v1/skp/${ctx.skp}`, `/api/v1/dasbor/pegawai/${ctx.pid}`, `/api/v1/aktivitas?pegawai_id=${ctx.pid}`]) {
    assert.equal((await call(srv, 'GET', p, { token: T.pegawai })).status, 200);
  }
  const hari = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
  const a = await call(srv, 'POST', '/api/v1/aktivitas', { token: T.pegawai, body: { tanggal: hari, menit: 30, uraian: 'Menyusun laporan uji akses' } });
  assert.equal(a.status, 201, a.text);
  const r = await akses(T.pegawai);
  assert.equal(r.json.items.filter((i) => i.oleh.pengguna_id === ctx.pegawai.pengguna.id).length, 0);
  assert.equal(one(`SELECT COUNT(*) AS n FROM akses_lihat WHERE pengguna_id = ${ctx.pegawai.pengguna.id}`).n, 0);
});

test('repeated views within the window are written once; after it, again', async () => {
  const n = () => one(`SELECT COUNT(*) AS n FROM akses_lihat WHERE pengguna_id = ${ctx.kasi.uid} AND pegawai_id = ${ctx.pid}
    AND rujukan = '/api/v1/skp/${ctx.skp}'`).n;
  const n0 = n();
  assert.equal(n0, 1);
  for (let i = 0; i < 5; i++) assert.equal((await call(srv, 'GET', `/api/v1/skp/${ctx.skp}`, { token: T.kasi })).status, 200);
  assert.equal(n(), 1, 'coalesced');
  // another page of the same pegawai is another entry
  assert.equal((await call(srv, 'GET', `/api/v1/aktivitas?pegawai_id=${ctx.pid}`, { token: T.kasi })).status, 200);
  assert.ok(lihatOleh((await akses(T.pegawai)).json.items, ctx.kasi.uid).some((i) => i.objek === 'aktivitas'));
  // the window (one hour) passes
  sql(srv, `UPDATE akses_lihat SET waktu = waktu - 3601000 WHERE pengguna_id = ${ctx.kasi.uid}`);
  assert.equal((await call(srv, 'GET', `/api/v1/skp/${ctx.skp}`, { token: T.kasi })).status, 200);
  assert.equal(n(), 2);
});

test('changes by others come from the audit log; filters by kind and date', async () => {
  const r0 = await call(srv, 'PATCH', `/api/v1/pegawai/${ctx.pid}`, { token: T.admin, body: { email: 'taufik.baru@contoh.go.id' } });
  assert.equal(r0.status, 200, r0.text);
  let r = await akses(T.pegawai, '&jenis=ubah');
  assert.equal(r.status, 200);
  assert.ok(r.json.items.length > 0 && r.json.items.every((i) => i.jenis === 'ubah'));
  const adm = r.json.items.find((i) => i.oleh.pengguna_id === ctx.admin.pengguna.id);
  assert.ok(adm, JSON.stringify(r.json.items.slice(0, 3)));
  assert.equal(adm.objek, 'pegawai');
  assert.equal(adm.oleh.peran, 'admin');
  r = await akses(T.pegawai, '&jenis=lihat');
  assert.ok(r.json.items.length >= 3 && r.json.items.every((i) => i.jenis === 'lihat'));
  r = await akses(T.pegawai, '&dari=2099-01-01');
  assert.equal(r.json.items.length, 0);
  assert.equal(r.json.total, 0);
  const today = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
  r = await akses(T.pegawai, `&jenis=lihat&dari=${today}&sampai=${today}`);
  assert.ok(r.json.items.length >= 3);
  // pagination: pages of 2 cover the whole list without overlap
  const whole = (await akses(T.pegawai)).json;
  const seen = [];
  let cur = null;
  do {
    const p = await call(srv, 'GET', `/api/v1/saya/akses?limit=2${cur ? `&cursor=${cur}` : ''}`, { token: T.pegawai });
    assert.equal(p.status, 200);
    seen.push(...p.json.items);
    cur = p.json.next_cursor;
  } while (cur);
  assert.equal(seen.length, whole.total);
  assert.deepEqual(seen.map((i) => i.waktu), whole.items.map((i) => i.waktu));
  // bad input
  isProblem(assert, await akses(T.pegawai, '&jenis=semuanya'), 422, 'jenis');
  isProblem(assert, await akses(T.pegawai, '&dari=2026-13-01'), 422, 'dari');
  isProblem(assert, await akses(T.pegawai, '&dari=2026-05-02&sampai=2026-05-01'), 422, 'sampai');
  isProblem(assert, await akses(T.pegawai, '&cursor=x'), 422, 'cursor');
  isProblem(assert, await call(srv, 'GET', '/api/v1/saya/akses', { token: T.superadmin }), 404);
});

test('the export holds every section with the pegawai\'s rows and nothing of a colleague', async () => {
  const pid = ctx.pid, rid = ctx.rekan.id;
  const skpRekan = one(`SELECT id FROM skp WHERE pegawai_id = ${rid} LIMIT 1`).id;
  // plant rows with markers for the pegawai and for a colleague
  const plant = (who, skp, m) => sql(srv, `
    INSERT INTO aktivitas (instansi_id, pegawai_id, tanggal, menit, uraian, status, sumber, dibuat, diubah) VALUES (${ctx.inst}, ${who}, '2026-10-01', 30, '${m} aktivitas', 'diajukan', 'web', 1, 1);
    INSERT INTO notifikasi (pegawai_id, judul, isi, dibuat) VALUES (${who}, '${m} notifikasi', 'isi', 1);
    INSERT INTO presensi_status (instansi_id, pegawai_id, status, dari, sampai, keterangan, dibuat) VALUES (${ctx.inst}, ${who}, 'cuti', '2026-09-01', '2026-09-02', '${m} cuti', 1);
    INSERT INTO bukti (instansi_id, pegawai_id, jenis, nama, url, dibuat) VALUES (${ctx.inst}, ${who}, 'tautan', '${m} bukti', 'https://contoh.go.id/${m}', 1);
    INSERT INTO umpan_balik (instansi_id, skp_id, entitas, entitas_id, penulis_id, isi, dibuat) VALUES (${ctx.inst}, ${skp}, 'skp', ${skp}, ${ctx.kasi.id}, '${m} umpan balik', 1);
    INSERT INTO potensi_pegawai (pegawai_id, tahun, instansi_id, potensi, catatan, diubah) VALUES (${who}, 2026, ${ctx.inst}, 'tinggi', '${m} potensi', 1)
      ON CONFLICT (pegawai_id, tahun) DO UPDATE SET catatan = excluded.catatan;
    INSERT INTO tpp_sanksi (instansi_id, pegawai_id, kode, persen, mulai, bulan, keterangan, dibuat) VALUES (${ctx.inst}, ${who}, 'X', 100, '2026-01', 1, '${m} sanksi', 1);
    INSERT INTO presensi (pegawai_id, tanggal, instansi_id, masuk, pulang, sumber, diubah) VALUES (${who}, '2026-08-03', ${ctx.inst}, '07:30', '16:00', '${m}', 1)
      ON CONFLICT (pegawai_id, tanggal) DO UPDATE SET sumber = excluded.sumber;`);
  plant(pid, ctx.skp, 'MILIKSAYA');
  plant(rid, skpRekan, 'RAHASIAREKAN');
  const r = await call(srv, 'GET', '/api/v1/saya/ekspor?format=json', { token: T.pegawai });
  assert.equal(r.status, 200, r.text);
  assert.match(r.headers.get('content-disposition'), /attachment; filename="data-saya-\d+\.json"/);
  const e = r.json;
  const SECTIONS = ['profil', 'riwayat_jabatan', 'akun', 'sesi', 'token_api', 'skp', 'rhk', 'iki', 'perilaku', 'rencana_aksi',
    'aktivitas', 'realisasi', 'penilaian', 'keberatan', 'umpan_balik', 'umpan_balik_360', 'masukan_publik', 'presensi',
    'presensi_status', 'jadwal_shift', 'tpp', 'tpp_sanksi', 'bukti', 'potensi', 'notifikasi', 'akses'];
  for (const s of SECTIONS) assert.ok(s in e, `section ${s}`);
  assert.deepEqual(e.terpotong, []);
  assert.equal(e.profil.id, pid);
  assert.equal(e.akun.username, 'pegawai');
  // complete: every row the database holds for the pegawai
  const cnt = (q) => one(q).n;
  assert.equal(e.skp.length, cnt(`SELECT COUNT(*) AS n FROM skp WHERE pegawai_id = ${pid}`));
  assert.equal(e.rhk.length, cnt(`SELECT COUNT(*) AS n FROM rhk r JOIN skp s ON s.id = r.skp_id WHERE s.pegawai_id = ${pid}`));
  assert.equal(e.aktivitas.length, cnt(`SELECT COUNT(*) AS n FROM aktivitas WHERE pegawai_id = ${pid}`));
  assert.equal(e.realisasi.length, cnt(`SELECT COUNT(*) AS n FROM realisasi r JOIN skp s ON s.id = r.skp_id WHERE s.pegawai_id = ${pid}`));
  assert.equal(e.penilaian.length, cnt(`SELECT COUNT(*) AS n FROM penilaian WHERE pegawai_id = ${pid}`));
  assert.equal(e.presensi.length, cnt(`SELECT COUNT(*) AS n FROM presensi WHERE pegawai_id = ${pid}`));
  assert.equal(e.bukti.length, cnt(`SELECT COUNT(*) AS n FROM bukti WHERE pegawai_id = ${pid}`));
  assert.equal(e.tpp.length, cnt(`SELECT COUNT(*) AS n FROM tpp_hasil WHERE pegawai_id = ${pid}`));
  assert.ok(e.akses.length >= 3, 'the access list is part of the export');
  assert.ok(e.skp.every((s) => all(`SELECT id FROM skp WHERE pegawai_id = ${pid}`).some((x) => x.id === s.id)));
  // the planted rows: the pegawai's are there, the colleague's are not
  const text = r.text;
  for (const k of ['aktivitas', 'notifikasi', 'cuti', 'bukti', 'umpan balik', 'potensi', 'sanksi']) assert.ok(text.includes(`MILIKSAYA ${k}`), `own ${k}`);
  assert.ok(!text.includes('RAHASIAREKAN'), 'nothing of a colleague');
  assert.ok(!text.includes(ctx.rekan.nip), 'not even the colleague\'s NIP');
  // no secrets
  for (const s of ['password_hash', 'token_hash', 'rahasia', 'csrf', 'kode_hash', '$argon2']) assert.ok(!text.includes(s), s);
  // the PDF: the same data, readable
  const p = await fetch(`${srv.url}/api/v1/saya/ekspor?format=pdf`, { headers: { authorization: `Bearer ${T.pegawai}` } });
  assert.equal(p.status, 200);
  assert.equal(p.headers.get('content-type'), 'application/pdf');
  const f = join(srv.dir, 'ekspor.pdf');
  writeFileSync(f, Buffer.from(await p.arrayBuffer()));
  const pdf = execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' });
  assert.match(pdf, /Ekspor Data Pribadi e-Kinerja/);
  assert.ok(pdf.includes(e.profil.nama));
  assert.ok(pdf.includes('MILIKSAYA aktivitas') && !pdf.includes('RAHASIAREKAN'));
  assert.match(pdf, /Siapa melihat atau mengubah data Anda/);
  isProblem(assert, await call(srv, 'GET', '/api/v1/saya/ekspor?format=docx', { token: T.pegawai }), 422, 'format');
  isProblem(assert, await call(srv, 'GET', '/api/v1/saya/ekspor', { token: T.superadmin }), 404);
});

// ---- adoption --------------------------------------------------------------------------------

test('adoption numbers of a hand-built instansi', async () => {
  const now = Math.floor(Date.now() / 1000), D = 86400;
  sql(srv, `INSERT INTO instansi (kode, nama, dibuat) VALUES ('UJI-ADOPSI', 'Instansi Uji Adopsi', ${now})`);
  const inst = one("SELECT id FROM instansi WHERE kode = 'UJI-ADOPSI'").id;
  sql(srv, `INSERT INTO unit_kerja (instansi_id, nama) VALUES (${inst}, 'Unit A'), (${inst}, 'Unit B');
    INSERT INTO jabatan (instansi_id, nama, jenis, kelas_jabatan) VALUES (${inst}, 'Analis Uji', 'pelaksana', 7);
    INSERT INTO periode (instansi_id, tahun, mulai, selesai, dibuat) VALUES (${inst}, 2026, '2026-01-01', '2026-12-31', ${now});`);
  const uA = one(`SELECT id FROM unit_kerja WHERE instansi_id = ${inst} AND nama = 'Unit A'`).id;
  const uB = one(`SELECT id FROM unit_kerja WHERE instansi_id = ${inst} AND nama = 'Unit B'`).id;
  const jab = one(`SELECT id FROM jabatan WHERE instansi_id = ${inst}`).id;
  const per = one(`SELECT id FROM periode WHERE instansi_id = ${inst}`).id;
  const P = {};
  for (const [k, unit, i] of [['a1', uA, 1], ['a2', uA, 2], ['a3', uA, 3], ['b1', uB, 4], ['b2', uB, 5]]) {
    const nip = `19800101200501100${i}`;
    sql(srv, `INSERT INTO pegawai (instansi_id, nip, nama, jenis_kelamin, tanggal_lahir, jenis_asn, jabatan_id, unit_kerja_id, diubah)
      VALUES (${inst}, '${nip}', 'Pegawai ${k}', 'L', '1980-01-01', 'PNS', ${jab}, ${unit}, ${now});`);
    P[k] = one(`SELECT id FROM pegawai WHERE nip = '${nip}'`).id;
    sql(srv, `INSERT INTO pengguna (instansi_id, pegawai_id, username, password_hash, sandi_diubah, dibuat) VALUES (${inst}, ${P[k]}, 'adopsi-${k}', 'x', ${now}, ${now})`);
    P[k + 'u'] = one(`SELECT id FROM pengguna WHERE username = 'adopsi-${k}'`).id;
  }
  sql(srv, `INSERT INTO pengguna (instansi_id, username, password_hash, peran, sandi_diubah, dibuat) VALUES (${inst}, 'adopsi-admin', 'x', 1, ${now}, ${now})`);
  const tok = tokenFor(srv, 'adopsi-admin');
  const T0 = now - 40 * D;
  const skp = (k, status, diajukan, disetujui) => sql(srv, `INSERT INTO skp (instansi_id, periode_id, pegawai_id, jabatan_id, unit_kerja_id, mulai, selesai, jenis, pendekatan, status, diajukan, disetujui, diubah, dibuat)
    VALUES (${inst}, ${per}, ${P[k]}, ${jab}, ${P[k] && (k[0] === 'a' ? uA : uB)}, '2026-01-01', '2026-12-31', 'ja_jf', 'kuantitatif', '${status}', ${diajukan ?? 'NULL'}, ${disetujui ?? 'NULL'}, ${T0}, ${T0})`);
  skp('a1', 'disetujui', T0 + 2 * D, T0 + 3 * D);     // 2 days to submit, 1 to approve
  skp('a2', 'disetujui', T0 + 4 * D, T0 + 7 * D);     // 4 and 3
  skp('a3', 'draft', null, null);
  skp('b1', 'diajukan', T0 + 10 * D, null);           // 10 days to submit, not approved
  // activities in the weeks: a1 (reviewed a day later) and b1
  const hari = new Date((now + 7 * 3600) * 1000).toISOString().slice(0, 10);
  sql(srv, `INSERT INTO aktivitas (instansi_id, pegawai_id, tanggal, menit, uraian, status, direview, sumber, dibuat, diubah)
      VALUES (${inst}, ${P.a1}, '${hari}', 60, 'Menyusun laporan', 'disetujui', ${now - 2 * D}, 'web', ${now - 3 * D}, ${now - 2 * D}),
             (${inst}, ${P.b1}, '${hari}', 30, 'Rapat koordinasi', 'diajukan', NULL, 'web', ${now - D}, ${now - D})`);
  // a penilaian final 5 days after the end of its period
  const skpA1 = one(`SELECT id FROM skp WHERE pegawai_id = ${P.a1}`).id;
  const akhirMaret = Date.UTC(2026, 3, 1) / 1000 - 7 * 3600;   // 2026-04-01 00:00 WIB
  sql(srv, `INSERT INTO penilaian (instansi_id, skp_id, pegawai_id, penilai_id, unit_kerja_id, jenis, periode_ke, mulai, selesai, status, difinalkan, dibuat, diubah)
    VALUES (${inst}, ${skpA1}, ${P.a1}, ${P.a2}, ${uA}, 'periodik', 1, '2026-01-01', '2026-03-31', 'final', ${akhirMaret + 5 * D}, ${now}, ${now})`);
  // use: a1 signs in now, a2 a week ago, b1 read someone's data two weeks ago
  sql(srv, `INSERT INTO sesi (token_hash, pengguna_id, csrf, dibuat, dipakai, berakhir) VALUES
      ('uji-adopsi-1', ${P.a1u}, 'c', ${now - 60}, ${now - 60}, ${now + D}),
      ('uji-adopsi-2', ${P.a2u}, 'c', ${now - 7 * D}, ${now - 7 * D}, ${now - 6 * D});
    INSERT INTO akses_lihat (instansi_id, pegawai_id, pengguna_id, peran, objek, rujukan, waktu)
      VALUES (${inst}, ${P.b2}, ${P.b1u}, 'atasan', 'skp', '/api/v1/skp/1', ${(now - 14 * D) * 1000})`);

  const r = await call(srv, 'GET', '/api/v1/adopsi?minggu=8', { token: tok });
  assert.equal(r.status, 200, r.text);
  const a = r.json;
  assert.equal(a.instansi_id, inst);
  assert.equal(a.periode.id, per);
  assert.equal(a.minggu.length, 8);
  // the weeks start on Mondays (WIB)
  for (const m of a.minggu) assert.equal(new Date(`${m}T00:00:00Z`).getUTCDay(), 1, m);
  const awal = Date.UTC(...a.minggu[0].split('-').map((x, i) => Number(x) - (i === 1 ? 1 : 0))) / 1000 - 7 * 3600;
  const minggu = (t) => Math.floor((t - awal) / (7 * D));
  const A = a.unit.find((u) => u.unit_kerja_id === uA), B = a.unit.find((u) => u.unit_kerja_id === uB);
  assert.equal(A.pegawai, 3);
  assert.equal(B.pegawai, 2);
  assert.equal(A.akun, 3);
  const wantA = Array(8).fill(0), wantB = Array(8).fill(0);
  wantA[minggu(now - 60)]++;
  wantA[minggu(now - 7 * D)]++;
  wantB[minggu(now - 14 * D)]++;
  assert.deepEqual(A.aktif_per_minggu, wantA);
  assert.deepEqual(B.aktif_per_minggu, wantB);
  assert.equal(A.skp_disetujui, 2);
  assert.equal(A.persen_skp_disetujui, 66.7);
  assert.equal(B.skp_disetujui, 0);
  assert.equal(B.persen_skp_disetujui, 0);
  assert.equal(A.aktivitas, 1);
  assert.equal(A.persen_aktivitas, 33.3);
  assert.equal(B.persen_aktivitas, 50);
  assert.equal(a.total.pegawai, 5);
  assert.equal(a.total.persen_skp_disetujui, 40);
  assert.deepEqual(a.total.aktif_per_minggu, wantA.map((x, i) => x + wantB[i]));
  const L = Object.fromEntries(a.langkah.map((l) => [l.kode, l]));
  // draft -> diajukan: 2, 4, 10 days: median 4, p90 = 4 + 0.8 * 6 = 8.8 (linear between ranks)
  assert.deepEqual([L.skp_diajukan.n, L.skp_diajukan.median_hari, L.skp_diajukan.p90_hari], [3, 4, 8.8]);
  assert.deepEqual(L.skp_diajukan.unit.map((u) => [u.unit_kerja_id, u.median_hari]), [[uB, 10], [uA, 3]]);
  // diajukan -> disetujui: 1 and 3 days: median 2, p90 2.8
  assert.deepEqual([L.skp_disetujui.n, L.skp_disetujui.median_hari, L.skp_disetujui.p90_hari], [2, 2, 2.8]);
  assert.deepEqual([L.aktivitas_direview.n, L.aktivitas_direview.median_hari], [1, 1]);
  assert.deepEqual([L.realisasi_direview.n, L.realisasi_direview.median_hari], [0, null]);
  assert.deepEqual([L.penilaian_final.n, L.penilaian_final.median_hari], [1, 5]);
  // bad input and other instansi
  isProblem(assert, await call(srv, 'GET', '/api/v1/adopsi?minggu=0', { token: tok }), 422, 'minggu');
  isProblem(assert, await call(srv, 'GET', '/api/v1/adopsi?minggu=27', { token: tok }), 422, 'minggu');
  isProblem(assert, await call(srv, 'GET', '/api/v1/adopsi?periode_id=abc', { token: tok }), 422, 'periode_id');
  const other = one(`SELECT id FROM periode WHERE instansi_id <> ${inst} LIMIT 1`).id;
  isProblem(assert, await call(srv, 'GET', `/api/v1/adopsi?periode_id=${other}`, { token: tok }), 404);
  isProblem(assert, await call(srv, 'GET', '/api/v1/adopsi', { token: T.superadmin }), 422, 'instansi_id');
  // the demo admin sees their own instansi, never this one
  const d = await call(srv, 'GET', `/api/v1/adopsi?instansi_id=${inst}`, { token: T.admin });
  assert.equal(d.status, 200);
  assert.notEqual(d.json.instansi_id, inst);
  isProblem(assert, await call(srv, 'GET', '/api/v1/adopsi', { token: T.pegawai }), 403);
});
