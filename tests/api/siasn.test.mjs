// The SIASN client (issue 10 items 1 and 4) against a local stand-in (tests/api/siasn_standin.mjs):
// pull → preview → apply, pull errors (retry after 500, 404 with advice, malformed JSON), push
// idempotency and retry after 503, no retry on 4xx, reconciliation, an atasan cycle refused,
// secrets kept out of the sync log and the server log, the command line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { startServer, call, tokenFor, sql, count, isProblem, BIN } from './lib.mjs';
import { startSiasn } from './siasn_standin.mjs';

const SECRET = 'rahasia-klien-SANGAT-pribadi-7f3a';
const USER_TOKEN = 'token-pengguna-sso-JANGAN-BOCOR-91b2';
const CLIENT_ID = 'kinerja-sukamaju';
let srv, siasn, T = {}, inst, dir, secretFile;
const rows = (q) => JSON.parse(sql(srv, q) || '[]');
const one = (q) => rows(q)[0];

before(async () => {
  siasn = await startSiasn({ clientId: CLIENT_ID, clientSecret: SECRET, userToken: USER_TOKEN });
  dir = mkdtempSync(join(tmpdir(), 'kinerja-siasn-'));
  secretFile = join(dir, 'siasn.rahasia');
  writeFileSync(secretFile, `# rahasia SIASN\nclient_secret=salah-bersama\nPEMKAB-SUKAMAJU.client_secret=${SECRET}\nuser_token=${USER_TOKEN}\n`);
  chmodSync(secretFile, 0o600);
  srv = await startServer({ pegawai: 40, extraArgs: ['--siasn-secret-file', secretFile], env: { KINERJA_SIASN_JEDA_MS: '5', KINERJA_SIASN_BATAS_WAKTU: '2' } });
  for (const r of ['admin', 'admin2', 'superadmin', 'atasan', 'pegawai']) T[r] = tokenFor(srv, r);
  inst = one("SELECT id FROM instansi WHERE kode = 'PEMKAB-SUKAMAJU'").id;
  // SIASN knows every active pegawai exactly as we do ...
  for (const p of rows(`SELECT p.nip, p.nama, p.golongan, j.nama AS jabatan, u.nama AS unit, a.nip AS atasan FROM pegawai p
      LEFT JOIN jabatan j ON j.id = p.jabatan_id LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id LEFT JOIN pegawai a ON a.id = p.atasan_id AND a.aktif = 1
      WHERE p.instansi_id = ${inst} AND p.aktif = 1`))
    siasn.pns.set(p.nip, { id: `pns-${p.nip}`, nama: p.nama.toUpperCase(), golongan: p.golongan, jabatan: p.jabatan || '', unitNama: p.unit || 'Tanpa unit', atasanNip: p.atasan });
});
after(async () => { await srv?.stop(); await siasn?.stop(); });

const konfig = () => call(srv, 'PUT', '/api/v1/siasn/konfig', { token: T.superadmin,
  body: { instansi_id: inst, base_url: `${siasn.url}/api/`, token_url: `${siasn.url}/oauth/token`, client_id: CLIENT_ID } });
const semuaNip = () => rows(`SELECT nip FROM pegawai WHERE instansi_id = ${inst} AND aktif = 1 ORDER BY nip`).map((r) => r.nip);
const pegawai = (nip) => one(`SELECT p.id, p.nama, p.golongan, p.atasan_id, j.nama AS jabatan, u.nama AS unit, a.nip AS atasan
  FROM pegawai p LEFT JOIN jabatan j ON j.id = p.jabatan_id LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id LEFT JOIN pegawai a ON a.id = p.atasan_id WHERE p.nip = '${nip}'`);
// the command line, without blocking this process (the stand-in answers from it)
const kinerjaAsync = (args) => new Promise((resolve) => {
  execFile(BIN, args, { encoding: 'utf8', env: { ...process.env, KINERJA_SIASN_JEDA_MS: '5' } }, (err, stdout, stderr) =>
    resolve({ status: err ? err.code : 0, stdout, stderr }));
});
const log = async (q = '') => (await call(srv, 'GET', `/api/v1/siasn/log?limit=200${q}`, { token: T.admin })).json.items;

test('configuration: superadmin only, https or local http, secrets never shown', async () => {
  let r = await call(srv, 'PUT', '/api/v1/siasn/konfig', { token: T.admin, body: { base_url: 'https://x', token_url: 'https://x', client_id: 'a' } });
  assert.equal(r.status, 403);
  r = await call(srv, 'PUT', '/api/v1/siasn/konfig', { token: T.superadmin, body: { instansi_id: inst, base_url: 'http://contoh.go.id/api', token_url: 'ftp://x', client_id: 'a', header_pengguna: 'Authorization' } });
  isProblem(assert, r, 422, 'base_url');
  assert.ok(r.json.errors.some((e) => e.field === 'token_url') && r.json.errors.some((e) => e.field === 'header_pengguna'));
  r = await call(srv, 'GET', '/api/v1/siasn/konfig', { token: T.admin });
  assert.equal(r.status, 200);
  assert.equal(r.json.terkonfigurasi, false);
  r = await konfig();
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.base_url, `${siasn.url}/api`, 'trailing slash removed');
  assert.equal(r.json.header_pengguna, 'Auth');
  r = await call(srv, 'GET', '/api/v1/siasn/konfig', { token: T.admin });
  assert.equal(r.json.terkonfigurasi, true);
  assert.equal(r.json.rahasia_tersedia, true, r.text);
  assert.ok(!r.text.includes(SECRET) && !r.text.includes(USER_TOKEN));
  assert.ok(count(srv, 'audit_log', "WHERE aksi = 'siasn.konfig'") === 1);
});

let P = {};
test('pull with changes → preview → apply changes our organisation exactly as previewed, audited', async () => {
  const all = semuaNip();
  // pick pegawai that are neither top nor the demo users used elsewhere
  const pool = rows(`SELECT p.nip FROM pegawai p JOIN pengguna g ON g.pegawai_id = p.id WHERE p.instansi_id = ${inst} AND p.aktif = 1
    AND p.atasan_id IS NOT NULL AND g.username NOT IN ('atasan','pegawai','admin','pimpinan','auditor') AND NOT EXISTS (SELECT 1 FROM pegawai b WHERE b.atasan_id = p.id) ORDER BY p.nip`).map((r) => r.nip);
  [P.nama, P.jab, P.atasan, P.unit, P.hilang] = pool;
  // the new atasan of P.atasan: a leader outside their chain
  P.baruAtasan = one(`SELECT p.nip FROM pegawai p WHERE p.instansi_id = ${inst} AND p.aktif = 1 AND p.nip <> '${P.atasan}'
    AND EXISTS (SELECT 1 FROM pegawai b WHERE b.atasan_id = p.id) AND p.id <> (SELECT atasan_id FROM pegawai WHERE nip = '${P.atasan}') ORDER BY p.nip LIMIT 1`).nip;
  const a = siasn.pns;
  Object.assign(a.get(P.nama), { nama: 'NAMA BARU DARI SIASN', golongan: 'IV/a' });
  a.get(P.jab).jabatan = 'Analis Integrasi Data SIASN';
  a.get(P.atasan).atasanNip = P.baruAtasan;
  a.get(P.atasan).unorId = siasn.unorId({ ...a.get(P.atasan) });
  a.get(P.unit).unitNama = 'Bidang Integrasi Data Kepegawaian';
  a.delete(P.hilang);
  // a pegawai SIASN has and we do not, under the same atasan as P.nama
  P.baru = '199203142019031005';
  assert.equal(count(srv, 'pegawai', `WHERE nip = '${P.baru}'`), 0);
  a.set(P.baru, { id: 'pns-baru-1', nama: 'RINA WULANDARI', golongan: 'III/a', jabatan: 'Pranata Komputer Ahli Pertama', jenisJabatanId: '2',
    unitNama: pegawai(P.nama).unit, atasanNip: pegawai(P.nama).atasan });
  const before = { pegawai: count(srv, 'pegawai'), riwayat: count(srv, 'pegawai_riwayat') };
  const r = await call(srv, 'POST', '/api/v1/siasn/tarikan', { token: T.admin, body: { nip: [...all, P.baru] } });
  assert.equal(r.status, 201, r.text);
  const t = r.json;
  assert.equal(t.status, 'pratinjau');
  assert.equal(t.dapat_diterapkan, true);
  assert.deepEqual(t.siklus, []);
  const by = Object.fromEntries(t.perubahan.map((p) => [p.nip, p]));
  assert.deepEqual(Object.keys(by).sort(), [P.nama, P.jab, P.atasan, P.unit, P.hilang, P.baru].sort(), JSON.stringify(t.perubahan, null, 1));
  assert.deepEqual(by[P.nama].kolom, ['nama', 'golongan']);
  assert.equal(by[P.nama].sesudah.nama, 'NAMA BARU DARI SIASN');
  assert.deepEqual(by[P.jab].kolom, ['jabatan']);
  assert.deepEqual(by[P.atasan].kolom, ['atasan']);
  assert.deepEqual(by[P.unit].kolom, ['unit_kerja']);
  assert.equal(by[P.hilang].jenis, 'tidak_ada');
  assert.equal(by[P.baru].jenis, 'baru');
  assert.equal(by[P.baru].sesudah.jabatan.jenis, 'fungsional');
  // atasan changes are shown explicitly, with names
  assert.equal(t.perubahan_atasan.length, 2, 'the changed atasan and the new pegawai');
  const pa = t.perubahan_atasan.find((x) => x.nip === P.atasan);
  assert.equal(pa.dari.nip, pegawai(P.atasan).atasan);
  assert.equal(pa.ke.nip, P.baruAtasan);
  assert.ok(pa.ke.nama && pa.dari.nama);
  assert.deepEqual(t.ringkasan, { baru: 1, berubah: 4, tidak_ada: 1, atasan: 2 });
  // the preview changed nothing
  assert.equal(count(srv, 'pegawai'), before.pegawai);
  assert.equal(count(srv, 'pegawai_riwayat'), before.riwayat);
  assert.equal((await call(srv, 'GET', `/api/v1/siasn/tarikan/${t.id}`, { token: T.admin })).json.perubahan.length, 6);
  // casing tolerance: SIASN's NIPBARU/Nama/unor_id were read (else nothing would match)
  const audit0 = count(srv, 'audit_log');
  const ap = await call(srv, 'POST', `/api/v1/siasn/tarikan/${t.id}/terapkan`, { token: T.admin });
  assert.equal(ap.status, 200, ap.text);
  assert.equal(ap.json.status, 'diterapkan');
  assert.deepEqual(ap.json.hasil, { tarikan_id: t.id, pegawai_baru: 1, identitas_diubah: 1, mutasi: 4, unit_baru: 1, jabatan_baru: 2 });
  assert.equal(pegawai(P.nama).nama, 'NAMA BARU DARI SIASN');
  assert.equal(pegawai(P.nama).golongan, 'IV/a');
  assert.equal(pegawai(P.jab).jabatan, 'Analis Integrasi Data SIASN');
  assert.equal(pegawai(P.atasan).atasan, P.baruAtasan);
  assert.equal(pegawai(P.unit).unit, 'Bidang Integrasi Data Kepegawaian');
  const nb = pegawai(P.baru);
  assert.equal(nb.nama, 'RINA WULANDARI');
  assert.equal(nb.jabatan, 'Pranata Komputer Ahli Pertama');
  assert.equal(nb.atasan, pegawai(P.nama).atasan);
  assert.ok(pegawai(P.hilang).id, 'missing in SIASN: kept as is');
  assert.equal(count(srv, 'pegawai'), before.pegawai + 1);
  // audited: the domain functions' records plus the batch's
  const acts = rows(`SELECT aksi, COUNT(*) AS n FROM audit_log WHERE id > ${audit0} GROUP BY aksi`);
  const n = Object.fromEntries(acts.map((x) => [x.aksi, x.n]));
  assert.equal(n['siasn.terapkan'], 1);
  assert.equal(n['pegawai.create'], 1);
  assert.equal(n['pegawai.update'], 1);
  assert.equal(n['pegawai.mutasi'], 4);
  assert.equal(n['unit_kerja.create'], 1);
  assert.equal(n['jabatan.create'], 2);
  assert.equal(count(srv, 'siasn_peta', `WHERE jenis = 'pegawai' AND siasn_id = 'pns-baru-1'`), 1);
  // once only
  isProblem(assert, await call(srv, 'POST', `/api/v1/siasn/tarikan/${t.id}/terapkan`, { token: T.admin }), 409);
  // pulling again finds nothing left to change but the missing pegawai
  const again = await call(srv, 'POST', '/api/v1/siasn/tarikan', { token: T.admin, body: { nip: [...semuaNip()] } });
  assert.equal(again.status, 201, again.text);
  assert.deepEqual(again.json.perubahan.map((p) => `${p.jenis} ${p.nip}`), [`tidak_ada ${P.hilang}`], JSON.stringify(again.json.perubahan));
  assert.equal(again.json.dapat_diterapkan, false);
});

test('pull errors: 500 then 200 is retried; 404 logged with advice; malformed JSON applies nothing', async () => {
  siasn.fail(/data-utama/, 500, { message: 'Internal Server Error' }, 1);
  let r = await call(srv, 'POST', '/api/v1/siasn/tarikan', { token: T.admin, body: { nip: P.nama } });
  assert.equal(r.status, 201, r.text);
  let l = (await log(`&tarikan_id=${r.json.id}`)).find((x) => x.jalur === `/pns/data-utama/${P.nama}`);
  assert.equal(l.percobaan, 2);
  assert.equal(l.http_status, 200);
  assert.equal(l.hasil, 'ok');
  // an unknown NIP
  const tak = '198001012005011099';
  r = await call(srv, 'POST', '/api/v1/siasn/tarikan', { token: T.admin, body: { nip: tak } });
  assert.equal(r.status, 201, r.text);
  l = (await log(`&tarikan_id=${r.json.id}`)).find((x) => x.jalur === `/pns/data-utama/${tak}`);
  assert.equal(l.http_status, 404);
  assert.equal(l.percobaan, 1, '4xx is not retried');
  assert.equal(l.hasil, 'gagal');
  assert.match(l.pesan, /tidak ditemukan/i);
  assert.match(l.saran, /tidak dikenal SIASN/);
  // malformed JSON from rw-jabatan: the pull fails, its batch cannot be applied, nothing changes
  siasn.a = siasn.pns.get(P.jab);
  siasn.a.jabatan = 'Jabatan yang tidak boleh diterapkan';
  siasn.fail(/rw-jabatan/, 200, '{"code":1,"data":[{"namaJabatan": ', 1);
  const audit0 = count(srv, 'audit_log'), riwayat0 = count(srv, 'pegawai_riwayat');
  r = await call(srv, 'POST', '/api/v1/siasn/tarikan', { token: T.admin, body: { nip: [P.jab] } });
  isProblem(assert, r, 502);
  assert.match(r.json.detail, /bukan JSON yang sah/);
  assert.match(r.json.detail, /tidak ada data yang diubah/);
  const gagal = one(`SELECT id, status FROM siasn_tarikan ORDER BY id DESC LIMIT 1`);
  assert.equal(gagal.status, 'gagal');
  isProblem(assert, await call(srv, 'POST', `/api/v1/siasn/tarikan/${gagal.id}/terapkan`, { token: T.admin }), 409);
  assert.equal(count(srv, 'audit_log'), audit0);
  assert.equal(count(srv, 'pegawai_riwayat'), riwayat0);
  assert.equal(pegawai(P.jab).jabatan, 'Analis Integrasi Data SIASN');
  l = (await log(`&tarikan_id=${gagal.id}`)).find((x) => x.jalur === `/pns/rw-jabatan/${P.jab}`);
  assert.match(l.saran, /Tidak ada yang diterapkan/);
  siasn.a.jabatan = 'Analis Integrasi Data SIASN';
  // a stand-in that never answers: timeouts are retried, then reported
  siasn.fail(/referensi\/unor/, 'hang', null, 4);
  r = await call(srv, 'POST', '/api/v1/siasn/tarikan', { token: T.admin, body: { nip: [P.jab] } });
  isProblem(assert, r, 502);
  assert.ok(count(srv, 'siasn_log', "WHERE jalur = '/referensi/unor' AND hasil = 'gagal' AND http_status IS NULL AND percobaan = 4") === 1);
  siasn.faults.length = 0;
});

test('push: final penilaian mapped to SIASN codes; a resend never creates a second record', async () => {
  const tahunan = rows(`SELECT pn.id, p.nip, pn.rating_hasil, pn.rating_perilaku, pn.predikat FROM penilaian pn JOIN pegawai p ON p.id = pn.pegawai_id
    WHERE pn.instansi_id = ${inst} AND pn.status = 'final' AND pn.jenis = 'tahunan' AND p.aktif = 1 AND p.nip <> '${P.hilang}' ORDER BY pn.id`);
  assert.ok(tahunan.length >= 2, 'the demo has annual penilaian');
  const x = tahunan[0];
  let r = await call(srv, 'POST', '/api/v1/siasn/kirim', { token: T.admin, body: { penilaian_id: x.id } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.dikirim, 1);
  const sent = siasn.received.at(-1);
  assert.equal(sent.path, '/api/skp22/save');
  const code = { di_atas: 1, sesuai: 2, di_bawah: 3 };
  const kuadran = { sangat_baik: 1, baik: 2, butuh_perbaikan: 3, kurang: 4, sangat_kurang: 5 };
  assert.equal(sent.body.hasilKinerjaNilai, code[x.rating_hasil]);
  assert.equal(sent.body.perilakuKerjaNilai, code[x.rating_perilaku]);
  assert.equal(sent.body.kuadranKinerjaNilai, kuadran[x.predikat]);
  assert.equal(sent.body.pnsDinilaiId, siasn.pns.get(x.nip).id);
  assert.equal(sent.body.statusPenilai, 'ASN');
  assert.ok(sent.body.penilaiNama && sent.body.penilaiNipNrp && sent.body.tahun);
  assert.equal(sent.body.id, undefined);
  // twice → one record
  r = await call(srv, 'POST', '/api/v1/siasn/kirim', { token: T.admin, body: { penilaian_id: x.id } });
  assert.equal(r.json.dilewati, 1);
  assert.equal(siasn.saved.filter((s) => s.kind === 'skp22').length, 1);
  assert.equal(siasn.received.length, 1);
  // a changed payload goes out as an update of the same record
  const penilai = one(`SELECT penilai_id FROM penilaian WHERE id = ${x.id}`).penilai_id;
  sql(srv, `UPDATE pegawai SET gelar_belakang = 'M.Si. (uji)' WHERE id = ${penilai}`);
  r = await call(srv, 'POST', '/api/v1/siasn/kirim', { token: T.admin, body: { penilaian_id: x.id } });
  assert.equal(r.json.diperbarui, 1, r.text);
  assert.equal(siasn.received.at(-1).body.id, 'skp22-1');
  assert.equal(siasn.saved.filter((s) => s.kind === 'skp22').length, 1);
  // 503 then success → retried once
  siasn.fail(/skp22\/save/, 503, { message: 'Service Unavailable' }, 1);
  r = await call(srv, 'POST', '/api/v1/siasn/kirim', { token: T.admin, body: { penilaian_id: tahunan[1].id } });
  assert.equal(r.json.dikirim, 1, r.text);
  const l = (await log()).find((e) => e.penilaian_id === tahunan[1].id && e.jalur === '/skp22/save');
  assert.equal(l.percobaan, 2);
  assert.equal(l.http_status, 200);
  assert.equal(siasn.saved.filter((s) => s.kind === 'skp22').length, 2);
  // 4xx: refused, not retried, with SIASN's message and advice
  const periodik = one(`SELECT pn.id FROM penilaian pn JOIN pegawai p ON p.id = pn.pegawai_id WHERE pn.instansi_id = ${inst} AND pn.status = 'final'
    AND pn.jenis = 'periodik' AND p.aktif = 1 AND p.nip <> '${P.hilang}' ORDER BY pn.id LIMIT 1`).id;
  siasn.fail(/kinerjaperiodik\/save/, 400, { success: false, message: 'periodikId tidak valid' }, 1);
  r = await call(srv, 'POST', '/api/v1/siasn/kirim', { token: T.admin, body: { penilaian_id: periodik } });
  assert.equal(r.json.gagal, 1);
  assert.equal(r.json.items[0].pesan, 'periodikId tidak valid');
  assert.match(r.json.items[0].saran, /Tidak dicoba ulang/);
  assert.equal(siasn.requests.filter((q) => q.path === '/api/kinerjaperiodik/save').length, 1);
  // every pending one; then again: nothing new at the stand-in
  r = await call(srv, 'POST', '/api/v1/siasn/kirim', { token: T.admin, body: { nip: one(`SELECT p.nip FROM penilaian pn JOIN pegawai p ON p.id = pn.pegawai_id WHERE pn.id = ${periodik}`).nip } });
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json.dikirim >= 1 && r.json.gagal === 0, r.text);
  const saved = siasn.saved.length;
  r = await call(srv, 'POST', '/api/v1/siasn/kirim', { token: T.admin, body: { nip: one(`SELECT p.nip FROM penilaian pn JOIN pegawai p ON p.id = pn.pegawai_id WHERE pn.id = ${periodik}`).nip } });
  assert.equal(r.json.dikirim + r.json.diperbarui, 0);
  assert.equal(siasn.saved.length, saved);
  const rec = siasn.received.filter((q) => q.path === '/api/kinerjaperiodik/save').at(-1).body;
  for (const k of ['bulanMulaiPenilaian', 'bulanSelesaiPenilaian', 'tahunMulaiPenilaian', 'tahunSelesaiPenilaian', 'periodikId', 'pnsDinilaiId'])
    assert.ok(rec[k] !== undefined, k);
  // a pegawai SIASN does not know: logged with advice, not sent
  const hil = one(`SELECT pn.id FROM penilaian pn JOIN pegawai p ON p.id = pn.pegawai_id WHERE p.nip = '${P.hilang}' AND pn.status = 'final' LIMIT 1`);
  if (hil) {
    r = await call(srv, 'POST', '/api/v1/siasn/kirim', { token: T.admin, body: { penilaian_id: hil.id } });
    assert.equal(r.json.gagal, 1);
    assert.match(r.json.items[0].saran, /NIP pegawai yang dinilai tidak dikenal/);
  }
  isProblem(assert, await call(srv, 'POST', '/api/v1/siasn/kirim', { token: T.admin, body: { penilaian_id: 99999999 } }), 404);
});

test('reconciliation lists what differs between us and SIASN', async () => {
  siasn.pns.get(P.jab).nama = 'NAMA LAIN DI SIASN';
  const rec = siasn.saved.find((s) => s.kind === 'skp22');
  rec.body = { ...rec.body, kuadranKinerjaNilai: rec.body.kuadranKinerjaNilai === 1 ? 2 : 1 };
  const r = await call(srv, 'GET', '/api/v1/siasn/rekonsiliasi', { token: T.admin });
  assert.equal(r.status, 200, r.text);
  const L = r.json;
  assert.ok(L.pegawai.hanya_di_kita.some((p) => p.nip === P.hilang));
  const b = L.pegawai.berbeda.find((p) => p.nip === P.jab);
  assert.deepEqual(b.kolom, ['nama']);
  assert.equal(b.siasn.nama, 'NAMA LAIN DI SIASN');
  assert.equal(L.penilaian.berbeda_di_siasn.length, 1, JSON.stringify(L.penilaian));
  assert.ok(L.penilaian.belum_dikirim.length > 0);
  assert.ok(L.jumlah_selisih >= 4);
  siasn.pns.get(P.jab).nama = pegawai(P.jab).nama.toUpperCase();
});

test('an atasan change that would make a cycle is refused and nothing is applied', async () => {
  const atasan = one("SELECT p.nip, p.id FROM pegawai p JOIN pengguna g ON g.pegawai_id = p.id WHERE g.username = 'atasan'");
  const bawahan = one(`SELECT nip FROM pegawai WHERE atasan_id = ${atasan.id} AND aktif = 1 AND EXISTS (SELECT 1 FROM pegawai b WHERE b.atasan_id = pegawai.id) LIMIT 1`).nip;
  const lama = siasn.pns.get(atasan.nip).atasanNip;
  siasn.pns.get(atasan.nip).atasanNip = bawahan;
  // another change in the same batch must not be applied either
  siasn.pns.get(P.nama).golongan = 'IV/b';
  const audit0 = count(srv, 'audit_log');
  const r = await call(srv, 'POST', '/api/v1/siasn/tarikan', { token: T.admin, body: { nip: [atasan.nip, P.nama] } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.siklus.length, 1, r.text);
  assert.match(r.json.siklus[0].pesan, /siklus/);
  assert.ok(r.json.siklus[0].nip.includes(atasan.nip) && r.json.siklus[0].nip.includes(bawahan));
  assert.equal(r.json.dapat_diterapkan, false);
  const ap = await call(srv, 'POST', `/api/v1/siasn/tarikan/${r.json.id}/terapkan`, { token: T.admin });
  isProblem(assert, ap, 422);
  assert.match(ap.json.detail, /membentuk siklus/);
  assert.match(ap.json.detail, /Tidak ada yang diterapkan/);
  assert.equal(count(srv, 'audit_log'), audit0);
  assert.equal(pegawai(atasan.nip).atasan_id, one(`SELECT atasan_id FROM pegawai WHERE id = ${atasan.id}`).atasan_id);
  assert.equal(pegawai(P.nama).golongan, 'IV/a');
  siasn.pns.get(atasan.nip).atasanNip = lama;
  siasn.pns.get(P.nama).golongan = 'IV/a';
});

test('another instansi cannot see or apply a batch; the sync log is paged', async () => {
  const t = one('SELECT id FROM siasn_tarikan ORDER BY id DESC LIMIT 1').id;
  assert.equal((await call(srv, 'GET', `/api/v1/siasn/tarikan/${t}`, { token: T.admin2 })).status, 403);
  assert.equal((await call(srv, 'POST', `/api/v1/siasn/tarikan/${t}/terapkan`, { token: T.admin2 })).status, 403);
  const p1 = (await call(srv, 'GET', '/api/v1/siasn/log?limit=5', { token: T.admin })).json;
  assert.equal(p1.items.length, 5);
  const p2 = (await call(srv, 'GET', `/api/v1/siasn/log?limit=5&sebelum=${p1.next_cursor}`, { token: T.admin })).json;
  assert.ok(p2.items[0].id < p1.items[4].id);
  assert.equal((await call(srv, 'GET', '/api/v1/siasn/log', { token: T.admin2 })).json.items.length, 0);
  const list = (await call(srv, 'GET', '/api/v1/siasn/tarikan', { token: T.admin })).json.items;
  assert.ok(list.length >= 5 && list.some((x) => x.status === 'usang') && list.some((x) => x.status === 'diterapkan'));
});

test('secrets never appear in the sync log, the database or the server log', async () => {
  const dump = sql(srv, 'SELECT * FROM siasn_log') + sql(srv, 'SELECT * FROM siasn_konfig') + sql(srv, 'SELECT * FROM audit_log');
  const akses = [...siasn.tokens];
  assert.ok(akses.length > 0);
  for (const s of [SECRET, USER_TOKEN, ...akses]) {
    assert.ok(!dump.includes(s), `database holds ${s.slice(0, 6)}…`);
    assert.ok(!srv.log.includes(s), `server log holds ${s.slice(0, 6)}…`);
  }
  // and SIASN did get them, in the two headers
  const q = siasn.requests.find((x) => x.path.startsWith('/api/'));
  assert.equal(q.headers.auth, `bearer ${USER_TOKEN}`);
  assert.match(q.headers.authorization, /^Bearer akses-/);
});

test('command line: pull prints the preview, --terapkan applies; a secret file others can read is refused', async () => {
  siasn.pns.get(P.jab).golongan = 'III/d';
  const run = (args) => kinerjaAsync(['siasn', ...args, '--db', srv.db, '--instansi', 'PEMKAB-SUKAMAJU', '--siasn-secret-file', secretFile]);
  let r = await run(['pull', '--nip', P.jab]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /golongan: .* → III\/d/);
  assert.match(r.stdout, /Belum diterapkan/);
  assert.notEqual(pegawai(P.jab).golongan, 'III/d');
  r = await run(['pull', '--nip', P.jab, '--terapkan']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Diterapkan/);
  assert.equal(pegawai(P.jab).golongan, 'III/d');
  r = await run(['push', '--nip', P.jab]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /Kirim ke SIASN/);
  r = await run(['reconcile', '--nip', P.jab, '--json']);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(JSON.parse(r.stdout).pegawai);
  const terbuka = join(dir, 'terbuka.rahasia');
  writeFileSync(terbuka, `client_secret=${SECRET}\nuser_token=${USER_TOKEN}\n`);
  chmodSync(terbuka, 0o644);
  r = await kinerjaAsync(['siasn', 'pull', '--db', srv.db, '--instansi', 'PEMKAB-SUKAMAJU', '--siasn-secret-file', terbuka, '--nip', P.jab]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /dapat dibaca pengguna lain.*chmod 600/);
  assert.ok(!r.stderr.includes(SECRET));
  r = await kinerjaAsync(['siasn', 'pull', '--db', srv.db, '--instansi', 'PEMKAB-SUKAMAJU', '--nip', P.jab]);
  assert.match(r.stderr, /rahasia SIASN belum diatur/);
});
