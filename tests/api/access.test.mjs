// Access control walked from the route table: every route has a scenario here (a new route
// without one fails), gets 401 without login, succeeds for the roles allowed, gets 403 for the
// others and for another instansi's data, and a refused request changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, call, tokenFor, routeTable, count, sql } from './lib.mjs';
import * as bukti from './access_bukti.mjs';
import * as hitung from './access_hitung.mjs';
import * as laporan from './access_laporan.mjs';
import * as analitik from './access_analitik.mjs';
import * as presensi from './access_presensi.mjs';
import * as tpp from './access_tpp.mjs';
import * as siasn from './access_siasn.mjs';
import * as webhook from './access_webhook.mjs';
import * as oidc from './access_oidc.mjs';
import * as duaFaktor from './access_2fa.mjs';
import * as organisasi from './access_organisasi.mjs';
import * as latihan from './access_latihan.mjs';
import * as inovasi from './access_inovasi.mjs';
import * as profil from './access_profil.mjs';
import * as akses from './access_akses.mjs';
import * as panduan from './access_panduan.mjs';

let srv, T = {}, ctx = {};
let seq = 100;
const nextNip = (g = 1) => `19500101197501${g}${String(seq++).padStart(3, '0')}`;
const ROLES = ['admin', 'pimpinan', 'auditor', 'superadmin', 'atasan', 'pegawai', 'admin2'];
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];

before(async () => {
  srv = await startServer({ pegawai: 40, extraArgs: ['--data-dir', mkdtempSync(join(tmpdir(), 'kinerja-akses-data-'))] });
  for (const r of ROLES) T[r] = tokenFor(srv, r);
  const me = async (r) => (await call(srv, 'GET', '/api/v1/auth/me', { token: T[r] })).json;
  ctx.admin = await me('admin');
  ctx.atasan = await me('atasan');
  ctx.pegawai = await me('pegawai');
  ctx.admin2 = await me('admin2');
  ctx.inst1 = ctx.admin.pengguna.instansi_id;
  ctx.inst2 = ctx.admin2.pengguna.instansi_id;
  ctx.unit1 = one(`SELECT id FROM unit_kerja WHERE instansi_id = ${ctx.inst1} LIMIT 1`).id;
  ctx.unit2 = one(`SELECT id FROM unit_kerja WHERE instansi_id = ${ctx.inst2} LIMIT 1`).id;
  ctx.jab1 = one(`SELECT id FROM jabatan WHERE instansi_id = ${ctx.inst1} AND jenis = 'pelaksana' LIMIT 1`).id;
  ctx.jab2 = one(`SELECT id FROM jabatan WHERE instansi_id = ${ctx.inst2} LIMIT 1`).id;
  ctx.peg2 = one(`SELECT id FROM pegawai WHERE instansi_id = ${ctx.inst2} LIMIT 1`).id;
  // a pegawai outside the atasan's subtree, in the same instansi
  ctx.outside = one(`SELECT id FROM pegawai WHERE instansi_id = ${ctx.inst1} AND id NOT IN (${ctx.atasan.pegawai.id}, ${ctx.pegawai.pegawai.id})
    AND atasan_id IS NOT NULL AND atasan_id <> ${ctx.atasan.pegawai.id} ORDER BY id DESC LIMIT 1`).id;
  ctx.user1 = one(`SELECT id FROM pengguna WHERE instansi_id = ${ctx.inst1} AND peran = 0 LIMIT 1`).id;
  ctx.user2 = one(`SELECT id FROM pengguna WHERE instansi_id = ${ctx.inst2} AND peran = 0 LIMIT 1`).id;
  // SKP data from the demo (issue 4)
  const skpOf = async (role, q) => (await call(srv, 'GET', `/api/v1/skp?${q}`, { token: T[role] })).json.items;
  ctx.skpPegawai = (await skpOf('pegawai', `pegawai_id=${ctx.pegawai.pegawai.id}`))[0].id;
  ctx.skpAtasan = (await skpOf('atasan', `pegawai_id=${ctx.atasan.pegawai.id}`))[0].id;
  ctx.skpPeserta = (await skpOf('atasan', 'penilai=saya&status=diajukan'))[0].id;
  const atasanSkp = (await call(srv, 'GET', `/api/v1/skp/${ctx.skpAtasan}`, { token: T.atasan })).json;
  ctx.rhkAtasan = atasanSkp.rhk.find((r) => r.kelompok === 'utama').id;
  ctx.skp2 = one(`SELECT id FROM skp WHERE instansi_id = ${ctx.inst2} LIMIT 1`).id;
  ctx.rhk2 = one(`SELECT r.id FROM rhk r JOIN skp s ON s.id = r.skp_id WHERE s.instansi_id = ${ctx.inst2} LIMIT 1`).id;
  ctx.periode1 = one(`SELECT id FROM periode WHERE instansi_id = ${ctx.inst1} LIMIT 1`).id;
  ctx.periode2 = one(`SELECT id FROM periode WHERE instansi_id = ${ctx.inst2} LIMIT 1`).id;
  const draft = await call(srv, 'POST', '/api/v1/skp', { token: T.pegawai, body: { tahun: 2029 } });
  assert.equal(draft.status, 201, draft.text);
  ctx.draftPegawai = draft.json.id;
  const addRow = async () => (await call(srv, 'POST', `/api/v1/skp/${ctx.draftPegawai}/rhk`, { token: T.pegawai, body: rhkBody() })).json;
  await addRow();
  const rows = (await addRow()).rhk;
  ctx.rhkDraft = rows[0].id;
  ctx.rhkDel = rows[1].id;
  const t = await call(srv, 'POST', `/api/v1/jabatan/${ctx.jab1}/templat-rhk`, { token: T.admin, body: rhkTemplat() });
  assert.equal(t.status, 201, t.text);
  ctx.templat = t.json.id;
  // activities (issue 5): one of the pegawai's, waiting for their penilai (the Kasi)
  const wd = (() => { const d = new Date(Date.now() + 7 * 3600e3); while ([0, 6].includes(d.getUTCDay())) d.setUTCDate(d.getUTCDate() - 1); return d.toISOString().slice(0, 10); })();
  ctx.hari = wd;
  sql(srv, `DELETE FROM aktivitas WHERE pegawai_id = ${ctx.pegawai.pegawai.id} AND tanggal = '${wd}'`);
  const akt = await call(srv, 'POST', '/api/v1/aktivitas', { token: T.pegawai, body: { tanggal: wd, menit: 30, uraian: 'Uji akses aktivitas' } });
  assert.equal(akt.status, 201, akt.text);
  ctx.akt = akt.json.id;
  ctx.aktDel = (await call(srv, 'POST', '/api/v1/aktivitas', { token: T.pegawai, body: { tanggal: wd, menit: 15, uraian: 'Uji akses hapus' } })).json.id;
  ctx.akt2 = one(`SELECT id FROM aktivitas WHERE instansi_id = ${ctx.inst2} AND dihapus = 0 LIMIT 1`)?.id
    ?? (await call(srv, 'POST', '/api/v1/aktivitas', { token: tokenFor(srv, one(`SELECT p.nip FROM pegawai p JOIN pengguna u ON u.pegawai_id = p.id WHERE p.instansi_id = ${ctx.inst2} AND u.peran = 0 LIMIT 1`).nip), body: { tanggal: wd, menit: 20, uraian: 'Aktivitas instansi kedua' } })).json.id;
  ctx.kasiPegawai = one(`SELECT atasan_id AS id FROM pegawai WHERE id = ${ctx.pegawai.pegawai.id}`).id;
  T.kasi = tokenFor(srv, one(`SELECT nip FROM pegawai WHERE id = ${ctx.kasiPegawai}`).nip);
  const ra = await call(srv, 'POST', `/api/v1/skp/${ctx.skpPegawai}/rencana-aksi`, { token: T.pegawai,
    body: { rhk_id: rows0(ctx.skpPegawai) , bulan: 1, uraian: 'Rencana aksi uji akses' } });
  assert.equal(ra.status, 201, ra.text);
  ctx.ra = ra.json.id;
  ctx.raDel = (await call(srv, 'POST', `/api/v1/skp/${ctx.skpPegawai}/rencana-aksi`, { token: T.pegawai, body: { rhk_id: rows0(ctx.skpPegawai), bulan: 2, uraian: 'Rencana aksi uji hapus' } })).json.id;
  ctx.ra2 = (() => { const r = one(`SELECT ra.id FROM rencana_aksi ra JOIN skp s ON s.id = ra.skp_id WHERE s.instansi_id = ${ctx.inst2} LIMIT 1`); return r ? r.id : 999999; })();
  sql(srv, `INSERT INTO notifikasi (pegawai_id, judul, isi, dibaca, dibuat) VALUES (${ctx.pegawai.pegawai.id}, 'Uji', 'Uji akses', 0, 0)`);
  ctx.notif = one(`SELECT MAX(id) AS id FROM notifikasi WHERE pegawai_id = ${ctx.pegawai.pegawai.id}`).id;
  ctx.ikiPegawai = one(`SELECT k.id FROM iki k JOIN rhk r ON r.id = k.rhk_id WHERE r.skp_id = ${ctx.skpPegawai} ORDER BY k.id LIMIT 1`).id;
  ctx.iki2 = one(`SELECT k.id FROM iki k JOIN rhk r ON r.id = k.rhk_id JOIN skp s ON s.id = r.skp_id WHERE s.instansi_id = ${ctx.inst2} LIMIT 1`).id;
  let rr = await call(srv, 'PUT', `/api/v1/iki/${ctx.ikiPegawai}/realisasi/6`, { token: T.pegawai, body: { nilai_angka: '1' } });
  assert.equal(rr.status, 200, rr.text);
  rr = await call(srv, 'POST', `/api/v1/skp/${ctx.skpPegawai}/realisasi/6/ajukan`, { token: T.pegawai });
  assert.equal(rr.status, 200, rr.text);
  ctx.realisasi = one(`SELECT id FROM realisasi WHERE iki_id = ${ctx.ikiPegawai} AND bulan = 6`).id;
  // a penilaian of the pegawai's SKP by their penilai (the Kasi)
  const pn = await call(srv, 'POST', `/api/v1/skp/${ctx.skpPegawai}/penilaian`, { token: T.kasi, body: { jenis: 'tahunan' } });
  assert.equal(pn.status, 201, pn.text);
  ctx.penilaian = pn.json.id;
  ctx.unitPegawai = one(`SELECT unit_kerja_id AS id FROM pegawai WHERE id = ${ctx.pegawai.pegawai.id}`).id;
  await bukti.setup(srv, T, ctx);
  await hitung.setup(srv, T, ctx);
  await laporan.setup(srv, T, ctx);
  await analitik.setup(srv, T, ctx);
  await presensi.setup(srv, T, ctx);
  await tpp.setup(srv, T, ctx);
  await siasn.setup(srv, T, ctx);
  await webhook.setup(srv, T, ctx);
  await oidc.setup(srv, T, ctx);
  await duaFaktor.setup(srv, T, ctx);
  await organisasi.setup(srv, T, ctx);
  await inovasi.setup(srv, T, ctx);
  await akses.setup(srv, T, ctx);
});
after(async () => { await srv?.stop(); });

const pegawaiBody = (c, inst) => ({ nip: nextNip(), nama: 'Agus Uji Akses', jenis_asn: 'PNS', golongan: 'II/a',
  unit_kerja_id: inst === 2 ? c.unit2 : c.unit1, jabatan_id: inst === 2 ? c.jab2 : c.jab1,
  ...(inst === 2 ? { instansi_id: c.inst2 } : {}) });

let tahunBaru = 2031;
const rows0 = (skp) => JSON.parse(sql(srv, `SELECT id FROM rhk WHERE skp_id = ${skp} ORDER BY id LIMIT 1`))[0].id;
const rhkBody = () => ({ kelompok: 'tambahan', rhk: 'Menjadi anggota tim uji akses', iki: [{ aspek: 'kuantitas', indikator: 'Jumlah laporan tim', target_angka: '2', target_satuan: 'laporan' }] });
const rhkTemplat = () => ({ rhk: 'Tersusunnya laporan pengelolaan data', iki: [{ aspek: 'kuantitas', indikator: 'Jumlah laporan', target_angka: '12', target_satuan: 'laporan' }] });
const READERS = ['admin', 'pimpinan', 'superadmin', 'atasan', 'pegawai'];

// the email outbox (issue 5): this server runs without SMTP, so a failed email is put in by hand
const surelGagal = (inst, peg) => {
  sql(srv, `INSERT INTO surel_keluar (instansi_id, pegawai_id, kepada, subjek, isi, status, percobaan, galat, coba_lagi, dibuat)
    VALUES (${inst}, ${peg}, 'uji.akses@contoh.go.id', 'Uji akses', 'Uji akses surel', 'gagal', 6, 'uji', 0, 0)`);
  return one('SELECT MAX(id) AS id FROM surel_keluar').id;
};

// ok: roles that succeed (expected status), deny: roles refused with 403.
// path/body receive the context and the role; other: a call on another instansi's data → 403.
const S = {
  'GET /healthz': { public: true, path: () => '/healthz' },
  'GET /metrics': { public: true, path: () => '/metrics' },
  'POST /api/v1/auth/login': { public: true, path: () => '/api/v1/auth/login', body: () => ({ username: 'admin', password: 'Rahasia123' }) },
  'POST /api/v1/auth/logout': { ok: ROLES, status: 204, path: () => '/api/v1/auth/logout' },
  'GET /api/v1/auth/me': { ok: ROLES, path: () => '/api/v1/auth/me' },
  'POST /api/v1/auth/password': { ok: [], status: 422, path: () => '/api/v1/auth/password', body: () => ({ sandi_lama: 'bukan', sandi_baru: 'x' }), note: 'any user reaches validation' , anyUser: true },
  'GET /api/v1/pegawai': { ok: ROLES, path: () => '/api/v1/pegawai?limit=5' },
  'POST /api/v1/pegawai': { ok: ['admin', 'superadmin'], status: 201, deny: ['pimpinan', 'auditor', 'atasan', 'pegawai'],
    path: () => '/api/v1/pegawai', body: (c, r) => pegawaiBody(c, r === 'superadmin' ? 2 : 1) },
  'GET /api/v1/pegawai/{id}': { ok: ['admin', 'pimpinan', 'superadmin'], deny: ['auditor'], path: (c) => `/api/v1/pegawai/${c.pegawai.pegawai.id}`,
    extra: async (c) => {
      // own data and subtree: allowed; outside the subtree: refused
      assert.equal((await call(srv, 'GET', `/api/v1/pegawai/${c.pegawai.pegawai.id}`, { token: T.pegawai })).status, 200);
      assert.equal((await call(srv, 'GET', `/api/v1/pegawai/${c.pegawai.pegawai.id}`, { token: T.atasan })).status, 200);
      assert.equal((await call(srv, 'GET', `/api/v1/pegawai/${c.atasan.pegawai.id}`, { token: T.pegawai })).status, 403);
      assert.equal((await call(srv, 'GET', `/api/v1/pegawai/${c.outside}`, { token: T.atasan })).status, 403);
      assert.equal((await call(srv, 'GET', '/api/v1/pegawai/999999', { token: T.admin })).status, 404);
    },
    other: (c) => ['admin', `/api/v1/pegawai/${c.peg2}`] },
  'PATCH /api/v1/pegawai/{id}': { ok: ['admin', 'superadmin'], deny: ['pimpinan', 'auditor', 'atasan', 'pegawai'],
    path: (c) => `/api/v1/pegawai/${c.pegawai.pegawai.id}`, body: () => ({ email: `uji${seq++}@sukamaju.go.id` }),
    other: (c) => ['admin', `/api/v1/pegawai/${c.peg2}`, { email: 'x@y.id' }] },
  'POST /api/v1/pegawai/{id}/mutasi': { ok: ['admin', 'superadmin'], deny: ['pimpinan', 'auditor', 'atasan', 'pegawai'],
    path: (c) => `/api/v1/pegawai/${c.pegawai.pegawai.id}/mutasi`,
    body: (c) => ({ jabatan_id: c.jab1, unit_kerja_id: c.unit1, atasan_id: c.atasan.pegawai.id, tanggal: '2026-12-01' }),
    other: (c) => ['admin', `/api/v1/pegawai/${c.peg2}/mutasi`, { tanggal: '2026-12-01' }] },
  'GET /api/v1/pegawai/{id}/riwayat': { ok: ['admin', 'pimpinan', 'superadmin', 'atasan', 'pegawai'], deny: ['auditor'],
    path: (c) => `/api/v1/pegawai/${c.pegawai.pegawai.id}/riwayat`, other: (c) => ['pimpinan', `/api/v1/pegawai/${c.peg2}/riwayat`] },
  'GET /api/v1/pegawai/{id}/atasan': { ok: ['admin', 'pimpinan', 'superadmin', 'atasan', 'pegawai'], deny: ['auditor'],
    path: (c) => `/api/v1/pegawai/${c.pegawai.pegawai.id}/atasan?tanggal=2026-06-01`, other: (c) => ['admin', `/api/v1/pegawai/${c.peg2}/atasan`] },
  'GET /api/v1/pegawai/{id}/bawahan': { ok: ['admin', 'pimpinan', 'superadmin', 'atasan'], deny: ['pegawai', 'auditor'],
    path: (c) => `/api/v1/pegawai/${c.atasan.pegawai.id}/bawahan`, other: (c) => ['admin', `/api/v1/pegawai/${c.peg2}/bawahan`] },
  'GET /api/v1/instansi': { ok: ROLES, path: () => '/api/v1/instansi' },
  'POST /api/v1/instansi': { ok: ['superadmin'], status: 201, deny: ['admin', 'pimpinan', 'auditor', 'atasan', 'pegawai', 'admin2'],
    path: () => '/api/v1/instansi', body: () => ({ kode: `UJI-${seq++}`, nama: 'Pemerintah Kota Uji', zona_waktu: 'WITA' }) },
  'GET /api/v1/instansi/{id}': { ok: ROLES.filter((r) => r !== 'admin2'), path: (c) => `/api/v1/instansi/${c.inst1}`,
    other: (c) => ['admin', `/api/v1/instansi/${c.inst2}`] },
  'PATCH /api/v1/instansi/{id}': { ok: ['admin', 'superadmin'], deny: ['pimpinan', 'auditor', 'atasan', 'pegawai', 'admin2'],
    path: (c) => `/api/v1/instansi/${c.inst1}`, body: () => ({ nama: `Pemerintah Kabupaten Sukamaju ${seq++}` }),
    other: (c) => ['admin', `/api/v1/instansi/${c.inst2}`, { nama: 'Diambil alih' }] },
  'GET /api/v1/unit-kerja': { ok: ROLES, path: () => '/api/v1/unit-kerja' },
  'POST /api/v1/unit-kerja': { ok: ['admin', 'superadmin'], status: 201, deny: ['pimpinan', 'auditor', 'atasan', 'pegawai'],
    path: () => '/api/v1/unit-kerja', body: (c, r) => ({ nama: `Bagian Uji ${seq++}`, ...(r === 'superadmin' ? { instansi_id: c.inst1 } : {}) }) },
  'GET /api/v1/unit-kerja/{id}': { ok: ROLES.filter((r) => r !== 'admin2'), path: (c) => `/api/v1/unit-kerja/${c.unit1}`,
    other: (c) => ['admin', `/api/v1/unit-kerja/${c.unit2}`] },
  'PATCH /api/v1/unit-kerja/{id}': { ok: ['admin', 'superadmin'], deny: ['pimpinan', 'auditor', 'atasan', 'pegawai', 'admin2'],
    path: (c) => `/api/v1/unit-kerja/${c.unit1}`, body: () => ({ kode: `K${seq++}` }),
    other: (c) => ['admin', `/api/v1/unit-kerja/${c.unit2}`, { nama: 'Diambil alih' }] },
  'GET /api/v1/jabatan': { ok: ROLES, path: () => '/api/v1/jabatan' },
  'POST /api/v1/jabatan': { ok: ['admin', 'superadmin'], status: 201, deny: ['pimpinan', 'auditor', 'atasan', 'pegawai'],
    path: () => '/api/v1/jabatan', body: (c, r) => ({ nama: `Penata Layanan Uji ${seq++}`, jenis: 'pelaksana', kelas_jabatan: 7, ...(r === 'superadmin' ? { instansi_id: c.inst1 } : {}) }) },
  'GET /api/v1/jabatan/{id}': { ok: ROLES.filter((r) => r !== 'admin2'), path: (c) => `/api/v1/jabatan/${c.jab1}`,
    other: (c) => ['pegawai', `/api/v1/jabatan/${c.jab2}`] },
  'PATCH /api/v1/jabatan/{id}': { ok: ['admin', 'superadmin'], deny: ['pimpinan', 'auditor', 'atasan', 'pegawai', 'admin2'],
    path: (c) => `/api/v1/jabatan/${c.jab1}`, body: () => ({ kelas_jabatan: 6 }),
    other: (c) => ['admin', `/api/v1/jabatan/${c.jab2}`, { kelas_jabatan: 1 }] },
  'GET /api/v1/pengguna': { ok: ['admin', 'superadmin', 'admin2'], deny: ['pimpinan', 'auditor', 'atasan', 'pegawai'], path: () => '/api/v1/pengguna' },
  'POST /api/v1/pengguna': { ok: ['admin'], status: 201, deny: ['pimpinan', 'auditor', 'atasan', 'pegawai'],
    path: () => '/api/v1/pengguna', body: () => ({ username: `operator${seq++}`, password: 'Operator2026', peran: ['pimpinan'] }) },
  'PATCH /api/v1/pengguna/{id}': { ok: ['admin', 'superadmin'], deny: ['pimpinan', 'auditor', 'atasan', 'pegawai', 'admin2'],
    path: (c) => `/api/v1/pengguna/${c.user1}`, body: () => ({ aktif: true }),
    other: (c) => ['admin', `/api/v1/pengguna/${c.user2}`, { aktif: false }] },
  'GET /api/v1/token': { ok: ROLES, path: () => '/api/v1/token' },
  'POST /api/v1/token': { ok: [], status: 403, anyUser: true, path: () => '/api/v1/token', body: () => ({ nama: 'x' }),
    note: 'a token cannot mint tokens; sessions can (auth.test.mjs)' },
  'DELETE /api/v1/token/{id}': { ok: [], status: 404, anyUser: true, path: () => '/api/v1/token/999999',
    note: 'own tokens only (auth.test.mjs revokes one)' },
  'GET /api/v1/audit': { ok: ['auditor', 'superadmin'], deny: ['admin', 'pimpinan', 'atasan', 'pegawai', 'admin2'], path: () => '/api/v1/audit?limit=5' },
  'GET /api/v1/audit/verify': { ok: ['auditor', 'superadmin'], deny: ['admin', 'pimpinan', 'atasan', 'pegawai'], path: () => '/api/v1/audit/verify' },
  'POST /api/v1/import/pegawai': { ok: ['admin'], status: 200, deny: ['pimpinan', 'auditor', 'atasan', 'pegawai'], csv: true,
    path: () => '/api/v1/import/pegawai?uji=1',
    body: () => 'nip,nama,jenis_asn,jabatan,jenis_jabatan,unit_kerja\n' },

  // SKP (issue 4)
  'GET /api/v1/periode': { ok: ROLES, path: (c, r) => r === 'superadmin' ? `/api/v1/periode?instansi_id=${c.inst1}` : '/api/v1/periode' },
  'POST /api/v1/periode': { ok: ['admin'], status: 201, deny: ['pimpinan', 'auditor', 'atasan', 'pegawai'],
    path: () => '/api/v1/periode', body: () => ({ tahun: 2040 + (seq++ % 50), siklus: 'bulanan' }) },
  'PATCH /api/v1/periode/{id}': { ok: ['admin', 'superadmin'], deny: ['pimpinan', 'auditor', 'atasan', 'pegawai', 'admin2'],
    path: (c) => `/api/v1/periode/${c.periode1}`, body: () => ({ batas_skp: '2026-02-27' }),
    other: (c) => ['admin', `/api/v1/periode/${c.periode2}`, { batas_skp: '2026-02-27' }] },
  'GET /api/v1/skp': { ok: ROLES, path: () => '/api/v1/skp?limit=5' },
  'POST /api/v1/skp': { ok: ['pegawai', 'admin'], status: 201, deny: ['pimpinan', 'auditor', 'atasan'],
    path: () => '/api/v1/skp', body: (c, r) => (r === 'pegawai' ? { tahun: tahunBaru++ } : { tahun: tahunBaru++, pegawai_id: c.pegawai.pegawai.id }),
    other: (c) => ['admin', '/api/v1/skp', { tahun: 2035, pegawai_id: c.peg2 }] },
  'GET /api/v1/skp/{id}': { ok: READERS, deny: ['auditor'], path: (c) => `/api/v1/skp/${c.skpPegawai}`,
    other: (c) => ['admin', `/api/v1/skp/${c.skp2}`] },
  'PATCH /api/v1/skp/{id}': { ok: ['pegawai'], deny: ['atasan', 'admin', 'pimpinan', 'auditor'],
    path: (c) => `/api/v1/skp/${c.draftPegawai}`, body: () => ({ lampiran: { skema: `Laporan bulanan ${seq++}` } }),
    other: (c) => ['admin', `/api/v1/skp/${c.skp2}`, { lampiran: { skema: 'x' } }] },
  'POST /api/v1/skp/{id}/rhk': { ok: ['pegawai'], status: 201, deny: ['atasan', 'admin', 'pimpinan', 'auditor'],
    path: (c) => `/api/v1/skp/${c.draftPegawai}/rhk`, body: () => rhkBody(), other: (c) => ['admin', `/api/v1/skp/${c.skp2}/rhk`, rhkBody()] },
  'PUT /api/v1/skp/{id}/perilaku': { ok: ['atasan'], deny: ['pegawai', 'admin', 'pimpinan', 'auditor'],
    path: (c) => `/api/v1/skp/${c.skpPeserta}/perilaku`, body: () => ({ ekspektasi: { 3: 'Mengikuti pelatihan kurikulum minimal 20 jam' } }),
    other: (c) => ['admin', `/api/v1/skp/${c.skp2}/perilaku`, { ekspektasi: { 1: 'x' } }] },
  'POST /api/v1/skp/{id}/ajukan': { ok: ['pegawai'], status: 422, deny: ['atasan', 'admin', 'pimpinan', 'auditor'],
    note: 'the owner passes access and meets the submission checks (an SKP without utama RHK is refused)',
    path: (c) => `/api/v1/skp/${c.draftPegawai}/ajukan`, body: () => ({}), other: (c) => ['admin', `/api/v1/skp/${c.skp2}/ajukan`, {}] },
  'POST /api/v1/skp/{id}/tarik': { ok: ['pegawai'], status: 409, deny: ['atasan', 'admin', 'pimpinan', 'auditor'],
    note: 'the owner passes access; a draft cannot be withdrawn', path: (c) => `/api/v1/skp/${c.draftPegawai}/tarik`, body: () => ({}),
    other: (c) => ['admin', `/api/v1/skp/${c.skp2}/tarik`, {}] },
  'POST /api/v1/skp/{id}/setujui': { ok: ['atasan'], deny: ['pegawai', 'admin', 'pimpinan', 'auditor'],
    path: (c) => `/api/v1/skp/${c.skpPeserta}/setujui`, body: () => ({}), other: (c) => ['admin', `/api/v1/skp/${c.skp2}/setujui`, {}] },
  'POST /api/v1/skp/{id}/kembalikan': { ok: ['atasan'], status: 409, deny: ['pegawai', 'admin', 'pimpinan', 'auditor'],
    note: 'runs after setujui: the penilai passes access, an approved SKP cannot be returned',
    path: (c) => `/api/v1/skp/${c.skpPeserta}/kembalikan`, body: () => ({ catatan: 'Perbaiki target' }),
    other: (c) => ['admin', `/api/v1/skp/${c.skp2}/kembalikan`, { catatan: 'x' }] },
  'POST /api/v1/skp/{id}/revisi': { ok: ['pegawai'], deny: ['atasan', 'admin', 'pimpinan', 'auditor'],
    path: (c) => `/api/v1/skp/${c.skpPegawai}/revisi`, body: () => ({}), other: (c) => ['admin', `/api/v1/skp/${c.skp2}/revisi`, {}] },
  'GET /api/v1/skp/{id}/revisi': { ok: READERS, deny: ['auditor'], path: (c) => `/api/v1/skp/${c.skpPegawai}/revisi`,
    other: (c) => ['admin', `/api/v1/skp/${c.skp2}/revisi`] },
  'GET /api/v1/skp/{id}/diff': { ok: READERS, deny: ['auditor'], path: (c) => `/api/v1/skp/${c.skpPegawai}/diff`,
    other: (c) => ['admin', `/api/v1/skp/${c.skp2}/diff`] },
  'GET /api/v1/skp/{id}/rhk-atasan': { ok: READERS, deny: ['auditor'], path: (c) => `/api/v1/skp/${c.skpPegawai}/rhk-atasan`,
    other: (c) => ['admin', `/api/v1/skp/${c.skp2}/rhk-atasan`] },
  'GET /api/v1/skp/{id}/matriks': { ok: ['admin', 'pimpinan', 'superadmin', 'atasan'], deny: ['pegawai', 'auditor'],
    path: (c) => `/api/v1/skp/${c.skpAtasan}/matriks`, other: (c) => ['admin', `/api/v1/skp/${c.skp2}/matriks`] },
  'PATCH /api/v1/skp/{id}/penilai': { ok: ['admin', 'superadmin'], deny: ['pimpinan', 'auditor', 'atasan', 'pegawai', 'admin2'],
    path: (c) => `/api/v1/skp/${c.draftPegawai}/penilai`, body: (c) => ({ penilai_id: c.atasan.pegawai.id }),
    other: (c) => ['admin', `/api/v1/skp/${c.skp2}/penilai`, { penilai_id: c.atasan.pegawai.id }] },
  'GET /api/v1/skp/{id}/dokumen.pdf': { ok: READERS, deny: ['auditor'], path: (c) => `/api/v1/skp/${c.skpPegawai}/dokumen.pdf`,
    other: (c) => ['admin', `/api/v1/skp/${c.skp2}/dokumen.pdf`] },
  'GET /api/v1/skp/{id}/dokumen.xlsx': { ok: ['admin', 'pimpinan', 'superadmin', 'atasan'], deny: ['auditor', 'pegawai'],
    path: (c) => `/api/v1/skp/${c.skpAtasan}/dokumen.xlsx`, other: (c) => ['admin', `/api/v1/skp/${c.skp2}/dokumen.xlsx`] },
  'PATCH /api/v1/rhk/{id}': { ok: ['pegawai'], deny: ['atasan', 'admin', 'pimpinan', 'auditor'],
    path: (c) => `/api/v1/rhk/${c.rhkDraft}`, body: () => ({ rhk: `Menjadi anggota tim uji akses ${seq++}` }),
    other: (c) => ['admin', `/api/v1/rhk/${c.rhk2}`, { rhk: 'x' }] },
  'DELETE /api/v1/rhk/{id}': { ok: ['pegawai'], deny: ['atasan', 'admin', 'pimpinan', 'auditor'],
    path: (c) => `/api/v1/rhk/${c.rhkDel}`, other: (c) => ['admin', `/api/v1/rhk/${c.rhk2}`] },
  'POST /api/v1/rhk/{id}/tugaskan': { ok: ['atasan'], deny: ['pegawai', 'admin', 'pimpinan', 'auditor'],
    path: (c) => `/api/v1/rhk/${c.rhkAtasan}/tugaskan`,
    body: (c) => ({ bawahan: [c.pegawai.pegawai.id], rhk: 'Tersusunnya bahan kurikulum', iki: rhkBody().iki }),
    other: (c) => ['admin', `/api/v1/rhk/${c.rhk2}/tugaskan`, { bawahan: [1], rhk: 'x', iki: [] }] },
  'GET /api/v1/laporan/status-skp': { ok: ['admin', 'pimpinan', 'superadmin'], deny: ['auditor', 'atasan', 'pegawai'],
    path: (c, r) => r === 'superadmin' ? `/api/v1/laporan/status-skp?instansi_id=${c.inst1}` : '/api/v1/laporan/status-skp' },
  'GET /api/v1/jabatan/{id}/templat-rhk': { ok: ROLES.filter((r) => r !== 'admin2'), path: (c) => `/api/v1/jabatan/${c.jab1}/templat-rhk`,
    other: (c) => ['admin', `/api/v1/jabatan/${c.jab2}/templat-rhk`] },
  'POST /api/v1/jabatan/{id}/templat-rhk': { ok: ['admin', 'superadmin'], status: 201, deny: ['pimpinan', 'auditor', 'atasan', 'pegawai', 'admin2'],
    path: (c) => `/api/v1/jabatan/${c.jab1}/templat-rhk`, body: () => rhkTemplat(),
    other: (c) => ['admin', `/api/v1/jabatan/${c.jab2}/templat-rhk`, rhkTemplat()] },
  'DELETE /api/v1/templat-rhk/{id}': { ok: ['admin'], status: 204, deny: ['pimpinan', 'auditor', 'atasan', 'pegawai'],
    path: (c) => `/api/v1/templat-rhk/${c.templat}` },

  // doing the work (issue 5)
  'GET /api/v1/aktivitas': { ok: ROLES.filter((r) => r !== 'superadmin').concat(['superadmin']), path: () => '/api/v1/aktivitas?limit=5' },
  'POST /api/v1/aktivitas': { ok: ['pegawai'], status: 201, anyUserNote: 'every pegawai logs their own',
    path: () => '/api/v1/aktivitas', body: (c) => ({ tanggal: c.hari, menit: 5, uraian: `Uji akses ${seq++}` }),
    deny: [], other: null },
  'POST /api/v1/aktivitas:batch': { ok: ['pegawai'], status: 201, path: () => '/api/v1/aktivitas:batch',
    body: (c) => ({ items: [{ tanggal: c.hari, menit: 5, uraian: `Uji batch ${seq++}` }] }) },
  'POST /api/v1/aktivitas:review': { ok: ['atasan'], path: () => '/api/v1/aktivitas:review',
    note: 'per-item results: an item the caller does not review is reported, not stored',
    body: (c) => ({ ids: [c.akt2], aksi: 'setujui' }) },
  'POST /api/v1/aktivitas:salin': { ok: [], status: 422, anyUser: false, path: () => '/api/v1/aktivitas:salin', body: () => ({ dari: '2001-01-01', ke: '2001-01-02' }) },
  'GET /api/v1/aktivitas/sering': { ok: ['pegawai', 'atasan', 'admin', 'pimpinan', 'auditor', 'admin2'], path: () => '/api/v1/aktivitas/sering' },
  'GET /api/v1/aktivitas/{id}': { ok: ['pegawai', 'atasan', 'admin', 'pimpinan', 'superadmin', 'auditor'], path: (c) => `/api/v1/aktivitas/${c.akt}`,
    other: (c) => ['admin', `/api/v1/aktivitas/${c.akt2}`] },
  'PATCH /api/v1/aktivitas/{id}': { ok: ['pegawai'], deny: ['atasan', 'admin', 'pimpinan'], path: (c) => `/api/v1/aktivitas/${c.akt}`,
    body: () => ({ uraian: `Uji akses diubah ${seq++}` }), other: (c) => ['admin', `/api/v1/aktivitas/${c.akt2}`, { uraian: 'x' }] },
  'DELETE /api/v1/aktivitas/{id}': { ok: ['pegawai'], status: 204, deny: ['atasan', 'admin', 'pimpinan'], path: (c) => `/api/v1/aktivitas/${c.aktDel}`,
    other: (c) => ['admin', `/api/v1/aktivitas/${c.akt2}`] },
  'POST /api/v1/aktivitas/{id}/setujui': { ok: [], deny: ['pegawai', 'atasan', 'admin', 'pimpinan'], path: (c) => `/api/v1/aktivitas/${c.akt}/setujui`,
    body: () => ({}), other: (c) => ['admin', `/api/v1/aktivitas/${c.akt2}/setujui`, {}],
    extra: async (c) => { assert.equal((await call(srv, 'POST', `/api/v1/aktivitas/${c.akt}/setujui`, { token: T.kasi, body: {} })).status, 200); } },
  'POST /api/v1/aktivitas/{id}/kembalikan': { ok: [], deny: ['pegawai', 'atasan', 'admin', 'pimpinan'], path: (c) => `/api/v1/aktivitas/${c.akt}/kembalikan`,
    body: () => ({ catatan: 'Perbaiki' }), other: (c) => ['admin', `/api/v1/aktivitas/${c.akt2}/kembalikan`, { catatan: 'x' }],
    extra: async (c) => { assert.equal((await call(srv, 'POST', `/api/v1/aktivitas/${c.akt}/kembalikan`, { token: T.kasi, body: { catatan: 'x' } })).status, 409, 'already approved'); } },
  'GET /api/v1/skp/{id}/rencana-aksi': { ok: READERS, deny: ['auditor'], path: (c) => `/api/v1/skp/${c.skpPegawai}/rencana-aksi`,
    other: (c) => ['admin', `/api/v1/skp/${c.skp2}/rencana-aksi`] },
  'POST /api/v1/skp/{id}/rencana-aksi': { ok: ['pegawai'], status: 201, deny: ['atasan', 'admin', 'pimpinan', 'auditor'],
    path: (c) => `/api/v1/skp/${c.skpPegawai}/rencana-aksi`, body: (c) => ({ rhk_id: rows0(c.skpPegawai), bulan: 3, uraian: `Rencana ${seq++}` }),
    other: (c) => ['admin', `/api/v1/skp/${c.skp2}/rencana-aksi`, { rhk_id: 1, bulan: 1, uraian: 'xxx' }] },
  'PATCH /api/v1/rencana-aksi/{id}': { ok: ['pegawai'], deny: ['atasan', 'admin', 'pimpinan', 'auditor'], path: (c) => `/api/v1/rencana-aksi/${c.ra}`,
    body: () => ({ uraian: `Rencana diubah ${seq++}` }) },
  'DELETE /api/v1/rencana-aksi/{id}': { ok: ['pegawai'], status: 204, deny: ['atasan', 'admin', 'pimpinan', 'auditor'], path: (c) => `/api/v1/rencana-aksi/${c.raDel}` },
  'GET /api/v1/pengaturan': { ok: ROLES, path: (c, r) => r === 'superadmin' ? `/api/v1/pengaturan?instansi_id=${c.inst1}` : '/api/v1/pengaturan' },
  'PATCH /api/v1/pengaturan': { ok: ['admin', 'admin2'], deny: ['pimpinan', 'auditor', 'atasan', 'pegawai'], path: () => '/api/v1/pengaturan',
    body: () => ({ hari_mundur: 7 }) },
  'GET /api/v1/hari-libur': { ok: ROLES, path: (c, r) => r === 'superadmin' ? `/api/v1/hari-libur?instansi_id=${c.inst1}` : '/api/v1/hari-libur' },
  'POST /api/v1/hari-libur': { ok: ['admin'], status: 201, deny: ['pimpinan', 'auditor', 'atasan', 'pegawai'], path: () => '/api/v1/hari-libur',
    body: () => ({ tanggal: '2027-08-17', nama: 'Hari Kemerdekaan RI' }) },
  'DELETE /api/v1/hari-libur/{tanggal}': { ok: ['admin'], status: 204, deny: ['pimpinan', 'auditor', 'atasan', 'pegawai'],
    path: () => '/api/v1/hari-libur/2027-08-17' },
  'GET /api/v1/notifikasi': { ok: ['pegawai', 'atasan', 'admin', 'pimpinan', 'auditor', 'admin2'], path: () => '/api/v1/notifikasi' },
  'POST /api/v1/notifikasi/{id}/baca': { ok: ['pegawai'], status: 204, path: (c) => `/api/v1/notifikasi/${c.notif}/baca`, body: () => ({}),
    extra: async (c) => { assert.equal((await call(srv, 'POST', `/api/v1/notifikasi/${c.notif}/baca`, { token: T.atasan, body: {} })).status, 404, 'not theirs'); } },
  'GET /api/v1/surel': { ok: ['admin', 'superadmin', 'admin2'], deny: ['pimpinan', 'auditor', 'atasan', 'pegawai'], path: () => '/api/v1/surel?limit=5' },
  'POST /api/v1/surel/{id}/ulang': { ok: ['admin', 'superadmin'], deny: ['pimpinan', 'auditor', 'atasan', 'pegawai', 'admin2'],
    note: 'a gagal email goes back to antri (and stays there: no sender runs here)', body: () => ({}),
    path: (c) => `/api/v1/surel/${c.surel1 ??= surelGagal(c.inst1, c.pegawai.pegawai.id)}/ulang`,
    other: (c) => ['admin', `/api/v1/surel/${c.surel2 ??= surelGagal(c.inst2, c.peg2)}/ulang`, {}] },
  'GET /api/v1/laporan/kepatuhan': { ok: ['admin', 'pimpinan', 'atasan', 'pegawai'], path: () => '/api/v1/laporan/kepatuhan' },
  'GET /api/v1/skp/{id}/realisasi': { ok: READERS, deny: ['auditor'], path: (c) => `/api/v1/skp/${c.skpPegawai}/realisasi?bulan=6`,
    other: (c) => ['admin', `/api/v1/skp/${c.skp2}/realisasi?bulan=6`] },
  'POST /api/v1/skp/{id}/realisasi/{bulan}/ajukan': { ok: ['pegawai'], status: 422, deny: ['atasan', 'admin', 'pimpinan', 'auditor'],
    note: 'the owner passes access; nothing in draft that month', path: (c) => `/api/v1/skp/${c.skpPegawai}/realisasi/11/ajukan`, body: () => ({}),
    other: (c) => ['admin', `/api/v1/skp/${c.skp2}/realisasi/11/ajukan`, {}] },
  'PUT /api/v1/iki/{id}/realisasi/{bulan}': { ok: ['pegawai'], deny: ['atasan', 'admin', 'pimpinan', 'auditor'],
    path: (c) => `/api/v1/iki/${c.ikiPegawai}/realisasi/5`, body: () => ({ nilai_angka: String(seq++ % 9 + 1) }),
    other: (c) => ['admin', `/api/v1/iki/${c.iki2}/realisasi/5`, { nilai_angka: '1' }] },
  'GET /api/v1/realisasi': { ok: ['pegawai', 'atasan', 'admin', 'pimpinan', 'auditor', 'admin2'], path: () => '/api/v1/realisasi?penilai=saya' },
  'POST /api/v1/realisasi/{id}/setujui': { ok: [], deny: ['pegawai', 'atasan', 'admin', 'pimpinan'], path: (c) => `/api/v1/realisasi/${c.realisasi}/setujui`,
    body: () => ({}), extra: async (c) => { assert.equal((await call(srv, 'POST', `/api/v1/realisasi/${c.realisasi}/setujui`, { token: T.kasi, body: {} })).status, 200); } },
  'POST /api/v1/realisasi/{id}/kembalikan': { ok: [], deny: ['pegawai', 'atasan', 'admin', 'pimpinan'], path: (c) => `/api/v1/realisasi/${c.realisasi}/kembalikan`,
    body: () => ({ catatan: 'x' }), extra: async (c) => { assert.equal((await call(srv, 'POST', `/api/v1/realisasi/${c.realisasi}/kembalikan`, { token: T.kasi, body: { catatan: 'x' } })).status, 409); } },
  'GET /api/v1/umpan-balik': { ok: READERS, deny: ['auditor'], path: (c) => `/api/v1/umpan-balik?entitas=skp&entitas_id=${c.skpPegawai}`,
    other: (c) => ['admin', `/api/v1/umpan-balik?entitas=skp&entitas_id=${c.skp2}`] },
  'GET /api/v1/penilaian': { ok: ['admin', 'pimpinan', 'superadmin', 'atasan', 'pegawai', 'admin2'], path: () => '/api/v1/penilaian' },
  'POST /api/v1/skp/{id}/penilaian': { ok: [], deny: ['pegawai', 'atasan', 'admin', 'pimpinan', 'auditor'], path: (c) => `/api/v1/skp/${c.skpPegawai}/penilaian`,
    body: () => ({ jenis: 'periodik', periode_ke: 1 }), other: (c) => ['admin', `/api/v1/skp/${c.skp2}/penilaian`, { jenis: 'tahunan' }],
    extra: async (c) => { const r = await call(srv, 'POST', `/api/v1/skp/${c.skpPeserta}/penilaian`, { token: T.atasan, body: { jenis: 'periodik', periode_ke: 1 } }); assert.equal(r.status, 201, r.text); } },
  'GET /api/v1/penilaian/{id}': { ok: READERS, deny: ['auditor'], path: (c) => `/api/v1/penilaian/${c.penilaian}` },
  'PATCH /api/v1/penilaian/{id}': { ok: [], deny: ['pegawai', 'atasan', 'admin', 'pimpinan', 'auditor'], path: (c) => `/api/v1/penilaian/${c.penilaian}`,
    body: () => ({ rating_hasil: 'sesuai', rating_perilaku: 'sesuai' }),
    extra: async (c) => { assert.equal((await call(srv, 'PATCH', `/api/v1/penilaian/${c.penilaian}`, { token: T.kasi, body: { rating_hasil: 'sesuai', rating_perilaku: 'sesuai' } })).status, 200); } },
  'POST /api/v1/penilaian/{id}/final': { ok: [], deny: ['pegawai', 'atasan', 'admin', 'pimpinan', 'auditor'], path: (c) => `/api/v1/penilaian/${c.penilaian}/final`,
    body: () => ({}), extra: async (c) => { assert.equal((await call(srv, 'POST', `/api/v1/penilaian/${c.penilaian}/final`, { token: T.kasi, body: {} })).status, 200); } },
  'GET /api/v1/penilaian/{id}/dokumen.pdf': { ok: READERS, deny: ['auditor'], path: (c) => `/api/v1/penilaian/${c.penilaian}/dokumen.pdf` },
  'PUT /api/v1/unit-kerja/{id}/predikat-organisasi': { ok: ['admin', 'pimpinan', 'superadmin'], deny: ['auditor', 'atasan', 'pegawai', 'admin2'],
    path: (c) => `/api/v1/unit-kerja/${c.unitPegawai}/predikat-organisasi`, body: () => ({ tahun: 2030, predikat: 'baik' }),
    other: (c) => ['admin', `/api/v1/unit-kerja/${c.unit2}/predikat-organisasi`, { tahun: 2030, predikat: 'baik' }] },
  'GET /api/v1/pegawai/{id}/angka-kredit': { ok: [], status: 409, anyUser: false, deny: ['auditor'],
    note: 'readers pass access; the pegawai account is not in a jabatan fungsional (409)',
    path: (c) => `/api/v1/pegawai/${c.pegawai.pegawai.id}/angka-kredit`, other: (c) => ['admin', `/api/v1/pegawai/${c.peg2}/angka-kredit`],
    extra: async (c) => { for (const r of ['pegawai', 'atasan', 'admin']) assert.equal((await call(srv, 'GET', `/api/v1/pegawai/${c.pegawai.pegawai.id}/angka-kredit`, { token: T[r] })).status, 409); } },
  'POST /api/v1/penilaian/{id}/keberatan': { ok: [], deny: ['atasan', 'admin', 'pimpinan', 'auditor'], path: (c) => `/api/v1/penilaian/${c.penilaian}/keberatan`,
    body: () => ({ alasan: 'Mohon ditinjau kembali karena capaian melebihi target.' }),
    note: 'runs after the penilaian was finalised above; only the pegawai who was rated objects',
    extra: async (c) => { const r = await call(srv, 'POST', `/api/v1/penilaian/${c.penilaian}/keberatan`, { token: T.pegawai, body: { alasan: 'Mohon ditinjau kembali karena capaian melebihi target.' } }); assert.equal(r.status, 201, r.text); c.keberatan = r.json.id; } },
  'GET /api/v1/keberatan': { ok: ROLES, path: () => '/api/v1/keberatan' },
  'POST /api/v1/keberatan/{id}/putusan': { ok: [], deny: ['pegawai', 'admin', 'pimpinan', 'admin2'], path: (c) => `/api/v1/keberatan/${c.keberatan}/putusan`,
    body: () => ({ keputusan: 'tetap', alasan: 'Penilaian sudah sesuai bukti.' }),
    note: 'only the atasan of the pejabat penilai (the `atasan` account here) decides',
    extra: async (c) => { assert.equal((await call(srv, 'POST', `/api/v1/keberatan/${c.keberatan}/putusan`, { token: T.atasan, body: { keputusan: 'tetap', alasan: 'Penilaian sudah sesuai bukti.' } })).status, 200); } },
  'GET /api/v1/pegawai/{id}/360': { ok: READERS, deny: ['auditor', 'admin2'], path: (c) => `/api/v1/pegawai/${c.pegawai.pegawai.id}/360`,
    other: (c) => ['admin', `/api/v1/pegawai/${c.peg2}/360`] },
  'POST /api/v1/pegawai/{id}/360': { ok: ['atasan', 'admin', 'pimpinan'], status: 201, deny: ['pegawai', 'auditor'],
    note: 'the atasan chain (the pimpinan is the Sekda, at the top of every chain) or the admin opens a round',
    path: (c) => `/api/v1/pegawai/${c.kasiPegawai}/360`,
    body: (c) => ({ responden: JSON.parse(sql(srv, `SELECT id AS pegawai_id, 'bawahan' AS peran FROM pegawai WHERE atasan_id = ${c.kasiPegawai} AND aktif = 1 LIMIT 3`)) }),
    other: (c) => ['admin', `/api/v1/pegawai/${c.peg2}/360`, { responden: [] }] },
  'GET /api/v1/360/tugas': { ok: ROLES, path: () => '/api/v1/360/tugas' },
  'GET /api/v1/360/{id}': { ok: ['atasan', 'admin', 'pimpinan', 'superadmin'], deny: ['pegawai', 'auditor'],
    path: () => `/api/v1/360/${one('SELECT MAX(id) AS id FROM putaran_360').id}` },
  'POST /api/v1/360/{id}/jawab': { ok: [], deny: ['atasan', 'admin', 'pimpinan', 'auditor'], path: () => `/api/v1/360/${one('SELECT MAX(id) AS id FROM putaran_360').id}/jawab`,
    body: () => ({ skor: { 1: 4, 2: 4, 3: 4, 4: 4, 5: 4, 6: 4, 7: 4 } }),
    note: 'only the respondents (the pegawai account is one of the Kasi bawahan when listed first)',
    extra: async () => {
      const pid = one('SELECT MAX(id) AS id FROM putaran_360').id;
      const nip = one(`SELECT p.nip FROM responden_360 r JOIN pegawai p ON p.id = r.pegawai_id WHERE r.putaran_id = ${pid} AND r.sudah = 0 LIMIT 1`).nip;
      assert.equal((await call(srv, 'POST', `/api/v1/360/${pid}/jawab`, { token: tokenFor(srv, nip), body: { skor: { 1: 4, 2: 4, 3: 4, 4: 4, 5: 4, 6: 4, 7: 4 } } })).status, 204);
    } },
  'POST /api/v1/360/{id}/tutup': { ok: ['atasan'], deny: ['pegawai', 'auditor'], path: () => `/api/v1/360/${one('SELECT MAX(id) AS id FROM putaran_360').id}/tutup`, body: () => ({}) },
  'GET /api/v1/unit-kerja/{id}/masukan-publik': { ok: ['admin', 'pimpinan', 'superadmin'], deny: ['auditor', 'atasan', 'pegawai', 'admin2'],
    path: (c) => `/api/v1/unit-kerja/${c.unitPegawai}/masukan-publik`, other: (c) => ['admin', `/api/v1/unit-kerja/${c.unit2}/masukan-publik`] },
  'GET /api/v1/pegawai/{id}/masukan-publik': { ok: READERS, deny: ['auditor'], path: (c) => `/api/v1/pegawai/${c.pegawai.pegawai.id}/masukan-publik`,
    other: (c) => ['admin', `/api/v1/pegawai/${c.peg2}/masukan-publik`] },
  'GET /api/v1/publik/masukan/{kode}': { public: true, path: () => `/api/v1/publik/masukan/${one("SELECT kode FROM kode_publik LIMIT 1").kode}` },
  'POST /api/v1/publik/masukan/{kode}': { public: true, path: () => `/api/v1/publik/masukan/${one("SELECT kode FROM kode_publik LIMIT 1").kode}`,
    body: () => ({ skor: 5, perangkat: `uji-akses-${seq++}` }) },
  'GET /api/v1/publik/masukan/{kode}/qr.svg': { public: true, path: () => `/api/v1/publik/masukan/${one("SELECT kode FROM kode_publik LIMIT 1").kode}/qr.svg` },
  'GET /api/v1/publik/masukan/{kode}/qr.png': { public: true, path: () => `/api/v1/publik/masukan/${one("SELECT kode FROM kode_publik LIMIT 1").kode}/qr.png` },
  'GET /api/v1/dasbor/pegawai/{id}': { ok: READERS, deny: ['auditor', 'admin2'], path: (c) => `/api/v1/dasbor/pegawai/${c.pegawai.pegawai.id}`,
    other: (c) => ['admin', `/api/v1/dasbor/pegawai/${c.peg2}`],
    extra: async (c) => { assert.equal((await call(srv, 'GET', `/api/v1/dasbor/pegawai/${c.outside}`, { token: T.pegawai })).status, 403); } },
  'GET /api/v1/dasbor/tim': { ok: ['admin', 'pimpinan', 'superadmin', 'atasan'], deny: ['pegawai', 'auditor', 'admin2'],
    path: (c) => `/api/v1/dasbor/tim?atasan_id=${c.atasan.pegawai.id}`,
    extra: async () => { assert.equal((await call(srv, 'GET', '/api/v1/dasbor/tim', { token: T.pegawai })).status, 200, 'own team, even empty'); } },
  'GET /api/v1/dasbor/peristiwa': { ok: [], note: 'a stream never ends: every role opens it in extra and closes it',
    path: () => '/api/v1/dasbor/peristiwa',
    extra: async () => {
      for (const r of ROLES) {
        const ac = new AbortController();
        const res = await fetch(`${srv.url}/api/v1/dasbor/peristiwa`, { headers: { authorization: `Bearer ${T[r]}` }, signal: ac.signal });
        assert.equal(res.status, 200, r);
        assert.match(res.headers.get('content-type'), /event-stream/);
        ac.abort();
      }
    } },
  'GET /api/v1/dasbor/unit/{id}': { ok: ['admin', 'pimpinan', 'superadmin'], deny: ['auditor', 'atasan', 'pegawai', 'admin2'],
    path: (c) => `/api/v1/dasbor/unit/${c.unit1}`, other: (c) => ['admin', `/api/v1/dasbor/unit/${c.unit2}`] },
  'GET /api/v1/dasbor/instansi': { ok: ['admin', 'pimpinan', 'superadmin', 'admin2'], deny: ['auditor', 'atasan', 'pegawai'],
    path: (c, r) => r === 'superadmin' ? `/api/v1/dasbor/instansi?instansi_id=${c.inst1}` : '/api/v1/dasbor/instansi' },
  'GET /api/v1/unit-kerja/{id}/kurva': { ok: ['admin', 'pimpinan', 'superadmin'], deny: ['auditor', 'atasan', 'pegawai', 'admin2'],
    path: (c) => `/api/v1/unit-kerja/${c.unitPegawai}/kurva`, other: (c) => ['admin', `/api/v1/unit-kerja/${c.unit2}/kurva`] },
  'POST /api/v1/umpan-balik': { ok: ['pegawai', 'atasan', 'pimpinan'], status: 201, deny: ['admin', 'auditor'], path: () => '/api/v1/umpan-balik',
    body: (c) => ({ entitas: 'skp', entitas_id: c.skpPegawai, isi: `Umpan balik uji ${seq++}` }),
    other: (c) => ['admin', '/api/v1/umpan-balik', { entitas: 'skp', entitas_id: c.skp2, isi: 'xx' }] },
};

Object.assign(S, bukti.scenarios({ ROLES, READERS, seq: () => seq++ }));
Object.assign(S, hitung.scenarios({ ROLES, READERS, seq: () => seq++ }));
Object.assign(S, laporan.scenarios({ ROLES, READERS, seq: () => seq++ }));
Object.assign(S, analitik.scenarios({ ROLES, READERS, seq: () => seq++ }));
Object.assign(S, presensi.scenarios({ ROLES, READERS, seq: () => seq++ }));
Object.assign(S, tpp.scenarios({ ROLES, READERS, seq: () => seq++ }));
Object.assign(S, siasn.scenarios({ ROLES, READERS, seq: () => seq++ }));
Object.assign(S, webhook.scenarios({ ROLES, READERS, seq: () => seq++ }));
Object.assign(S, oidc.scenarios({ ROLES, READERS, seq: () => seq++ }));
Object.assign(S, duaFaktor.scenarios({ ROLES, READERS, seq: () => seq++ }));
Object.assign(S, organisasi.scenarios({ ROLES, READERS, seq: () => seq++ }));
Object.assign(S, latihan.scenarios({ ROLES, READERS, seq: () => seq++ }));
Object.assign(S, inovasi.scenarios({ ROLES, READERS, seq: () => seq++ }));
Object.assign(S, profil.scenarios({ ROLES, READERS, seq: () => seq++, env: () => ({ srv, T }) }));
Object.assign(S, akses.scenarios({ ROLES, READERS, seq: () => seq++ }));
Object.assign(S, panduan.scenarios({ ROLES, READERS, seq: () => seq++ }));

function send(method, path, token, body, csv) {
  if (body === undefined) return call(srv, method, path, { token });
  return csv ? call(srv, method, path, { token, raw: body, type: 'text/csv' }) : call(srv, method, path, { token, body });
}

test('every route in the route table has an access scenario', () => {
  const missing = routeTable().map((r) => `${r.method} ${r.pattern}`).filter((k) => !S[k]);
  assert.deepEqual(missing, [], 'routes without a scenario in tests/api/access.test.mjs');
});

for (const r of routeTable()) {
  const key = `${r.method} ${r.pattern}`;
  const s = S[key];
  if (!s) continue;
  test(`access: ${key}`, async () => {
    const path = s.path(ctx, 'admin');
    if (s.public) {
      const res = await send(r.method, path, undefined, s.body?.(ctx, null), s.csv);
      assert.ok(res.status < 400, `${key} public: ${res.status} ${res.text}`);
      return;
    }
    // 401 without credentials, and nothing changes
    const audit0 = count(srv, 'audit_log');
    let res = await send(r.method, path, undefined, s.body?.(ctx, null), s.csv);
    assert.equal(res.status, 401, `${key} without login: ${res.text}`);
    assert.match(res.headers.get('content-type'), /problem\+json/);
    // refused roles: 403, nothing stored
    for (const role of s.deny || []) {
      const before = count(srv, 'audit_log');
      res = await send(r.method, s.path(ctx, role), T[role], s.body?.(ctx, role), s.csv);
      assert.equal(res.status, 403, `${key} as ${role}: ${res.status} ${res.text}`);
      assert.equal(count(srv, 'audit_log'), before, `${key} as ${role} changed something`);
    }
    if (s.other) {
      const [role, p, b] = s.other(ctx);
      const before = count(srv, 'audit_log');
      res = await send(r.method, p, T[role], b ?? s.body?.(ctx, role), s.csv);
      assert.equal(res.status, 403, `${key} as ${role} on another instansi: ${res.status} ${res.text}`);
      assert.equal(count(srv, 'audit_log'), before);
    }
    assert.ok(count(srv, 'audit_log') >= audit0);
    // allowed roles succeed (logout last: it ends nothing for tokens)
    for (const role of s.ok) {
      res = await send(r.method, s.path(ctx, role), T[role], s.body?.(ctx, role), s.csv);
      const want = s.status || 200;
      assert.equal(res.status, want, `${key} as ${role}: ${res.status} ${res.text}`);
    }
    if (s.anyUser) {
      for (const role of ROLES) {
        res = await send(r.method, s.path(ctx, role), T[role], s.body?.(ctx, role), s.csv);
        assert.equal(res.status, s.status, `${key} as ${role}: ${res.status} ${res.text}`);
      }
    }
    if (s.extra) await s.extra(ctx);
  });
}

test('a read-only token is refused on every write route', async () => {
  const ro = tokenFor(srv, 'admin', true);
  for (const r of routeTable().filter((x) => x.method !== 'GET' && x.cap !== 'CAP_PUBLIC')) {
    const s = S[`${r.method} ${r.pattern}`];
    const before = count(srv, 'audit_log');
    const res = await send(r.method, s.path(ctx, 'admin'), ro, s.body?.(ctx, 'admin'), s.csv);
    assert.equal(res.status, 403, `${r.method} ${r.pattern} with a read-only token: ${res.status}`);
    assert.equal(count(srv, 'audit_log'), before);
  }
});

test('lists never cross instansi', async () => {
  const mine = (await call(srv, 'GET', '/api/v1/pegawai?limit=200&aktif=semua', { token: T.admin2 })).json.items;
  assert.ok(mine.length > 0);
  assert.ok(mine.every((p) => p.instansi_id === ctx.inst2));
  const units = (await call(srv, 'GET', '/api/v1/unit-kerja?limit=200', { token: T.admin })).json.items;
  assert.ok(units.every((u) => u.instansi_id === ctx.inst1));
  // a non-superadmin cannot widen the scope with ?instansi_id=
  const forced = (await call(srv, 'GET', `/api/v1/pegawai?limit=200&instansi_id=${ctx.inst2}`, { token: T.admin })).json.items;
  assert.ok(forced.every((p) => p.instansi_id === ctx.inst1));
  const audit = (await call(srv, 'GET', '/api/v1/audit?limit=200', { token: T.auditor })).json.items;
  assert.ok(audit.every((a) => a.instansi_id === ctx.inst1));
  // superadmin sees both
  const all = (await call(srv, 'GET', '/api/v1/instansi', { token: T.superadmin })).json.items;
  assert.ok(all.length >= 2);
});

test('a pegawai lists only themself; an atasan their subtree', async () => {
  const own = (await call(srv, 'GET', '/api/v1/pegawai?limit=200', { token: T.pegawai })).json.items;
  assert.deepEqual(own.map((p) => p.id), [ctx.pegawai.pegawai.id]);
  const sub = (await call(srv, 'GET', '/api/v1/pegawai?limit=200', { token: T.atasan })).json.items;
  const ids = new Set(sub.map((p) => p.id));
  assert.ok(ids.has(ctx.atasan.pegawai.id) && ids.has(ctx.pegawai.pegawai.id));
  assert.ok(!ids.has(ctx.outside));
  const total = count(srv, 'pegawai', `WHERE instansi_id = ${ctx.inst1} AND aktif = 1`);
  assert.ok(sub.length < total);
});
