// Penilaian (issue 6): the penilai rates, the predikat follows the matrix, finalisation locks it
// with a hash in the audit chain, predikat organisasi drives a unit leader's rating and the pola
// distribusi check (warn or block).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, tokenFor, isProblem, count, sql } from './lib.mjs';

let srv, T = {}, ctx = {};
const get = async (tok, path) => (await call(srv, 'GET', path, { token: tok })).json;
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];
const YEAR = Number(new Date().toISOString().slice(0, 4));

before(async () => {
  srv = await startServer({ pegawai: 60 });
  for (const r of ['atasan', 'pegawai', 'admin', 'pimpinan']) T[r] = tokenFor(srv, r);
  ctx.pegawai = (await get(T.pegawai, '/api/v1/auth/me')).pegawai;
  ctx.atasan = (await get(T.atasan, '/api/v1/auth/me')).pegawai;
  const p = await get(T.admin, `/api/v1/pegawai/${ctx.pegawai.id}`);
  ctx.kasi = p.atasan.id;
  ctx.unit = p.unit_kerja.id;
  T.kasi = tokenFor(srv, p.atasan.nip);
  const items = (await get(T.pegawai, `/api/v1/skp?pegawai_id=${ctx.pegawai.id}&tahun=${YEAR}`)).items;
  ctx.skp = items[items.length - 1].id;
  ctx.skpKasi = (await get(T.kasi, `/api/v1/skp?pegawai_id=${ctx.kasi}&tahun=${YEAR}`)).items[0].id;
});
after(async () => { await srv?.stop(); });

test('only the penilai opens a penilaian; the context shows the work of the range', async () => {
  isProblem(assert, await call(srv, 'POST', `/api/v1/skp/${ctx.skp}/penilaian`, { token: T.pegawai, body: { jenis: 'periodik', periode_ke: 1 } }), 403);
  isProblem(assert, await call(srv, 'POST', `/api/v1/skp/${ctx.skp}/penilaian`, { token: T.atasan, body: { jenis: 'periodik', periode_ke: 1 } }), 403);
  isProblem(assert, await call(srv, 'POST', `/api/v1/skp/${ctx.skp}/penilaian`, { token: T.kasi, body: { jenis: 'periodik', periode_ke: 9 } }), 422, 'periode_ke');
  isProblem(assert, await call(srv, 'POST', `/api/v1/skp/${ctx.skp}/penilaian`, { token: T.kasi, body: { jenis: 'bulanan' } }), 422, 'jenis');
  const month = Number(new Date().toISOString().slice(5, 7));
  const q = Math.ceil(month / 3);
  const r = await call(srv, 'POST', `/api/v1/skp/${ctx.skp}/penilaian`, { token: T.kasi, body: { jenis: 'periodik', periode_ke: q } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.status, 'draft');
  assert.equal(r.json.periode_ke, q);
  assert.ok(r.json.rhk.length >= 1 && r.json.rhk.some((x) => x.aktivitas.jumlah > 0), 'activities of the quarter are shown');
  assert.equal(r.json.perilaku.length, 7);
  ctx.pen = r.json.id;
  // the same period again returns the same penilaian
  const again = await call(srv, 'POST', `/api/v1/skp/${ctx.skp}/penilaian`, { token: T.kasi, body: { jenis: 'periodik', periode_ke: q } });
  assert.equal(again.json.id, ctx.pen);
  assert.equal((await call(srv, 'GET', `/api/v1/penilaian/${ctx.pen}`, { token: T.pegawai })).status, 200, 'the pegawai reads their own');
});

test('ratings give the predikat by the matrix; bad input refused; final locks it with a hash', async () => {
  const before = [count(srv, 'audit_log'), sql(srv, `SELECT rating_hasil FROM penilaian WHERE id = ${ctx.pen}`)];
  isProblem(assert, await call(srv, 'PATCH', `/api/v1/penilaian/${ctx.pen}`, { token: T.kasi, body: { rating_hasil: 'luar_biasa' } }), 422, 'rating_hasil');
  isProblem(assert, await call(srv, 'PATCH', `/api/v1/penilaian/${ctx.pen}`, { token: T.kasi, body: { umpan_balik_rhk: { 999999: 'x' } } }), 422, 'umpan_balik_rhk.999999');
  isProblem(assert, await call(srv, 'PATCH', `/api/v1/penilaian/${ctx.pen}`, { token: T.kasi, body: { umpan_balik_perilaku: { 8: 'x' } } }), 422, 'umpan_balik_perilaku.8');
  isProblem(assert, await call(srv, 'PATCH', `/api/v1/penilaian/${ctx.pen}`, { token: T.pegawai, body: { rating_hasil: 'di_atas' } }), 403);
  assert.deepEqual([count(srv, 'audit_log'), sql(srv, `SELECT rating_hasil FROM penilaian WHERE id = ${ctx.pen}`)], before);
  const p = await get(T.kasi, `/api/v1/penilaian/${ctx.pen}`);
  let r = await call(srv, 'PATCH', `/api/v1/penilaian/${ctx.pen}`, { token: T.kasi,
    body: { rating_hasil: 'di_atas', umpan_balik_rhk: { [p.rhk[0].id]: 'Laporan selalu tepat waktu.' }, umpan_balik_perilaku: { 2: 'Disiplin dan cermat.' } } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.predikat, null, 'no predikat until both ratings are given');
  isProblem(assert, await call(srv, 'POST', `/api/v1/penilaian/${ctx.pen}/final`, { token: T.kasi }), 422, 'rating_perilaku');
  r = await call(srv, 'PATCH', `/api/v1/penilaian/${ctx.pen}`, { token: T.kasi, body: { rating_perilaku: 'sesuai', catatan: 'Pertahankan.' } });
  assert.equal(r.json.predikat, 'baik');
  assert.equal(r.json.predikat_label, 'Baik');
  assert.ok(r.json.penjelasan.length >= 1);
  assert.equal(r.json.rhk[0].umpan_balik, 'Laporan selalu tepat waktu.');
  assert.equal(r.json.perilaku[1].umpan_balik, 'Disiplin dan cermat.');
  r = await call(srv, 'PATCH', `/api/v1/penilaian/${ctx.pen}`, { token: T.kasi, body: { rating_hasil: 'di_bawah', rating_perilaku: 'di_bawah' } });
  assert.equal(r.json.predikat, 'sangat_kurang');
  r = await call(srv, 'PATCH', `/api/v1/penilaian/${ctx.pen}`, { token: T.kasi, body: { rating_hasil: 'di_atas', rating_perilaku: 'di_atas' } });
  assert.equal(r.json.predikat, 'sangat_baik');
  r = await call(srv, 'POST', `/api/v1/penilaian/${ctx.pen}/final`, { token: T.kasi });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'final');
  assert.match(r.json.hash, /^[0-9a-f]{64}$/);
  const audit = one(`SELECT sesudah FROM audit_log WHERE aksi = 'penilaian.final' AND entitas_id = ${ctx.pen}`);
  assert.equal(JSON.parse(audit.sesudah).hash, r.json.hash);
  isProblem(assert, await call(srv, 'POST', `/api/v1/penilaian/${ctx.pen}/final`, { token: T.kasi }), 409);
  isProblem(assert, await call(srv, 'PATCH', `/api/v1/penilaian/${ctx.pen}`, { token: T.kasi, body: { rating_hasil: 'sesuai' } }), 409);
  assert.ok((await get(T.pegawai, '/api/v1/notifikasi')).items.some((n) => n.judul === 'Penilaian final'));
  const list = await get(T.kasi, `/api/v1/penilaian?penilai=saya&tahun=${YEAR}`);
  assert.ok(list.items.some((x) => x.id === ctx.pen && x.predikat === 'sangat_baik'));
});

test('a unit leader\'s rating hasil kerja follows the predikat organisasi of the unit', async () => {
  const kasiUnit = one(`SELECT unit_kerja_id AS id FROM pegawai WHERE id = ${ctx.kasi}`).id;
  isProblem(assert, await call(srv, 'PUT', `/api/v1/unit-kerja/${kasiUnit}/predikat-organisasi`, { token: T.pegawai, body: { tahun: YEAR, predikat: 'istimewa' } }), 403);
  isProblem(assert, await call(srv, 'PUT', `/api/v1/unit-kerja/${kasiUnit}/predikat-organisasi`, { token: T.pimpinan, body: { tahun: YEAR, predikat: 'hebat' } }), 422, 'predikat');
  let r = await call(srv, 'PUT', `/api/v1/unit-kerja/${kasiUnit}/predikat-organisasi`, { token: T.pimpinan, body: { tahun: YEAR, predikat: 'istimewa', alasan: 'PK tercapai 112%' } });
  assert.equal(r.status, 200, r.text);
  r = await call(srv, 'POST', `/api/v1/skp/${ctx.skpKasi}/penilaian`, { token: T.atasan, body: { jenis: 'tahunan' } });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(r.json.rating_hasil_dari_organisasi, { predikat_organisasi: 'istimewa', rating_hasil: 'di_atas' });
  const id = r.json.id;
  r = await call(srv, 'PATCH', `/api/v1/penilaian/${id}`, { token: T.atasan, body: { rating_hasil: 'sesuai' } });
  isProblem(assert, r, 422, 'rating_hasil');
  assert.match(r.json.errors[0].message, /predikat organisasi/);
  r = await call(srv, 'PATCH', `/api/v1/penilaian/${id}`, { token: T.atasan, body: { rating_perilaku: 'sesuai' } });
  assert.equal(r.json.rating_hasil, 'di_atas');
  assert.equal(r.json.predikat, 'baik');
});

test('the pola distribusi of a unit warns, or blocks when the instansi says so', async () => {
  // every pegawai of the pegawai's unit gets Baik in the annual penilaian
  const members = JSON.parse(sql(srv, `SELECT p.id FROM pegawai p WHERE p.unit_kerja_id = ${ctx.unit} AND p.atasan_id = ${ctx.kasi} AND p.aktif = 1`));
  assert.ok(members.length >= 2);
  let r = await call(srv, 'PUT', `/api/v1/unit-kerja/${ctx.unit}/predikat-organisasi`, { token: T.pimpinan, body: { tahun: YEAR, predikat: 'baik' } });
  assert.equal(r.status, 200, r.text);
  const ids = [];
  for (const m of members) {
    const skp = (await get(T.kasi, `/api/v1/skp?pegawai_id=${m.id}&tahun=${YEAR}`)).items.find((s) => s.status === 'disetujui');
    if (!skp) continue;
    const c = await call(srv, 'POST', `/api/v1/skp/${skp.id}/penilaian`, { token: T.kasi, body: { jenis: 'tahunan' } });
    assert.equal(c.status, 201, c.text);
    await call(srv, 'PATCH', `/api/v1/penilaian/${c.json.id}`, { token: T.kasi, body: { rating_hasil: 'sesuai', rating_perilaku: 'sesuai' } });
    ids.push(c.json.id);
  }
  assert.ok(ids.length >= 2);
  // warn (the default): finalised, with the violations
  r = await call(srv, 'POST', `/api/v1/penilaian/${ids[0]}/final`, { token: T.kasi });
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json.peringatan_kurva.length >= 1, r.text);
  // block: the next one is refused with the list of what breaks the rule
  assert.equal((await call(srv, 'PATCH', '/api/v1/pengaturan', { token: T.admin, body: { kurva_mode: 'blokir' } })).status, 200);
  const before = count(srv, 'penilaian', "WHERE status = 'final'");
  r = await call(srv, 'POST', `/api/v1/penilaian/${ids[1]}/final`, { token: T.kasi });
  isProblem(assert, r, 409);
  assert.match(r.json.detail, /pola distribusi/);
  assert.equal(count(srv, 'penilaian', "WHERE status = 'final'"), before);
  const k = await get(T.pimpinan, `/api/v1/unit-kerja/${ctx.unit}/kurva?tahun=${YEAR}`);
  assert.equal(k.predikat_organisasi, 'baik');
  assert.equal(k.patuh, false);
  assert.equal(k.jumlah.baik, 1);
  isProblem(assert, await call(srv, 'GET', `/api/v1/unit-kerja/${ctx.unit}/kurva`, { token: T.pegawai }), 403);
  isProblem(assert, await call(srv, 'PATCH', '/api/v1/pengaturan', { token: T.admin, body: { kurva_mode: 'keras' } }), 422, 'kurva_mode');
});

test('angka kredit ledger of a JF pegawai from their final periodic penilaian', async () => {
  const jf = one(`SELECT p.id, p.nip FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id
    WHERE j.jenis = 'fungsional' AND j.jenjang = 'Ahli Pertama' AND EXISTS (SELECT 1 FROM penilaian n WHERE n.pegawai_id = p.id AND n.status = 'final' AND n.jenis = 'periodik') LIMIT 1`);
  const tok = tokenFor(srv, jf.nip);
  const r = await call(srv, 'GET', `/api/v1/pegawai/${jf.id}/angka-kredit`, { token: tok });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.jenjang, 'ahli_pertama');
  assert.equal(r.json.kebutuhan_pangkat, 50);
  // the total is the exact sum of bulan/12 x persen x 12.5 over the periods, rounded for display
  const exact = r.json.rincian.reduce((s, x) => s + (x.bulan / 12) * (x.persen / 100) * 12.5, 0);
  assert.equal(r.json.total, (Math.round(exact * 100 + 1e-9) / 100).toFixed(2));
  assert.ok(r.json.penjelasan.some((l) => /PermenPANRB Nomor 1 Tahun 2023/.test(l)));
  isProblem(assert, await call(srv, 'GET', `/api/v1/pegawai/${ctx.pegawai.id}/angka-kredit`, { token: T.pegawai }), 409);
  isProblem(assert, await call(srv, 'GET', `/api/v1/pegawai/${jf.id}/angka-kredit`, { token: T.pegawai }), 403);
  isProblem(assert, await call(srv, 'GET', `/api/v1/pegawai/${jf.id}/angka-kredit?tahun=19`, { token: tok }), 422, 'tahun');
});

test('keberatan: the pegawai objects within the window; the atasan of the penilai decides', async () => {
  // the pegawai's final periodic penilaian (by the Kasi, whose atasan is the `atasan` account)
  const pen = ctx.pen;
  const sebelum = await get(T.pegawai, `/api/v1/penilaian/${pen}`);
  assert.equal(sebelum.keberatan.terbuka, true, 'the window is open after finalisation');
  assert.equal(sebelum.keberatan.sampai, sebelum.difinalkan + sebelum.keberatan.hari * 86400);
  isProblem(assert, await call(srv, 'POST', `/api/v1/penilaian/${pen}/keberatan`, { token: T.pegawai, body: { alasan: 'singkat' } }), 422, 'alasan');
  isProblem(assert, await call(srv, 'POST', `/api/v1/penilaian/${pen}/keberatan`, { token: T.kasi, body: { alasan: 'Bukan pegawai yang dinilai' } }), 403);
  let r = await call(srv, 'POST', `/api/v1/penilaian/${pen}/keberatan`, { token: T.pegawai, body: { alasan: 'Capaian triwulan ini melebihi target; mohon ditinjau kembali.' } });
  assert.equal(r.status, 201, r.text);
  const kid = r.json.id;
  isProblem(assert, await call(srv, 'POST', `/api/v1/penilaian/${pen}/keberatan`, { token: T.pegawai, body: { alasan: 'Keberatan kedua yang sama' } }), 409);
  const proses = await get(T.pegawai, `/api/v1/penilaian/${pen}`);
  assert.deepEqual([proses.keberatan.terbuka, proses.keberatan.sedang_diproses], [false, true]);
  const queue = await get(T.atasan, '/api/v1/keberatan?sebagai=pemutus&status=diajukan');
  assert.ok(queue.items.some((k) => k.id === kid));
  isProblem(assert, await call(srv, 'POST', `/api/v1/keberatan/${kid}/putusan`, { token: T.kasi, body: { keputusan: 'tetap', alasan: 'Penilai sendiri' } }), 403);
  isProblem(assert, await call(srv, 'POST', `/api/v1/keberatan/${kid}/putusan`, { token: T.atasan, body: { keputusan: 'ubah', alasan: 'Tanpa rating' } }), 422, 'rating_hasil');
  r = await call(srv, 'POST', `/api/v1/keberatan/${kid}/putusan`, { token: T.atasan,
    body: { keputusan: 'ubah', rating_hasil: 'di_atas', rating_perilaku: 'sesuai', alasan: 'Bukti realisasi menunjukkan di atas ekspektasi.' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'diterima');
  const p = await get(T.pegawai, `/api/v1/penilaian/${pen}`);
  assert.equal(p.predikat, 'baik');
  assert.equal(p.rating_hasil, 'di_atas');
  isProblem(assert, await call(srv, 'POST', `/api/v1/keberatan/${kid}/putusan`, { token: T.atasan, body: { keputusan: 'tetap', alasan: 'Diputus ulang' } }), 409);
  assert.ok(count(srv, 'audit_log', "WHERE aksi IN ('keberatan.ajukan', 'keberatan.diterima')") >= 2);
  // the window: closed after keberatan_hari days
  sql(srv, `UPDATE penilaian SET difinalkan = difinalkan - 30 * 86400 WHERE id = ${pen}`);
  isProblem(assert, await call(srv, 'POST', `/api/v1/penilaian/${pen}/keberatan`, { token: T.pegawai, body: { alasan: 'Setelah batas waktu lewat' } }), 409);
});

test('360 feedback: anonymous answers, shown aggregated only from three, never by the assessed', async () => {
  // the Kasi's peers and bawahan rate the Kasi; the atasan opens the round
  const peers = JSON.parse(sql(srv, `SELECT p.id, p.nip FROM pegawai p WHERE p.atasan_id = ${ctx.kasi} AND p.aktif = 1 ORDER BY p.id LIMIT 4`));
  assert.ok(peers.length >= 3);
  const body = { responden: peers.map((p) => ({ pegawai_id: p.id, peran: 'bawahan' })) };
  isProblem(assert, await call(srv, 'POST', `/api/v1/pegawai/${ctx.kasi}/360`, { token: T.pegawai, body }), 403);
  isProblem(assert, await call(srv, 'POST', `/api/v1/pegawai/${ctx.kasi}/360`, { token: T.atasan, body: { responden: body.responden.slice(0, 2) } }), 422, 'responden');
  isProblem(assert, await call(srv, 'POST', `/api/v1/pegawai/${ctx.kasi}/360`, { token: T.atasan,
    body: { responden: [...body.responden, { pegawai_id: ctx.kasi, peran: 'rekan' }] } }), 422, `responden[${body.responden.length}]`);
  let r = await call(srv, 'POST', `/api/v1/pegawai/${ctx.kasi}/360`, { token: T.atasan, body });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  assert.equal(r.json.hasil, null);
  const skor = (v) => Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((n) => [String(n), v]));
  const toks = peers.map((p) => tokenFor(srv, p.nip));
  assert.ok((await get(toks[0], '/api/v1/360/tugas')).items.some((x) => x.id === id));
  isProblem(assert, await call(srv, 'POST', `/api/v1/360/${id}/jawab`, { token: T.kasi, body: { skor: skor(5) } }), 403);
  isProblem(assert, await call(srv, 'POST', `/api/v1/360/${id}/jawab`, { token: toks[0], body: { skor: { 1: 9 } } }), 422, 'skor.1');
  assert.equal((await call(srv, 'POST', `/api/v1/360/${id}/jawab`, { token: toks[0], body: { skor: skor(4), komentar: { 1: 'Sangat membantu' } } })).status, 204);
  isProblem(assert, await call(srv, 'POST', `/api/v1/360/${id}/jawab`, { token: toks[0], body: { skor: skor(4) } }), 409);
  assert.equal((await call(srv, 'POST', `/api/v1/360/${id}/jawab`, { token: toks[1], body: { skor: skor(3) } })).status, 204);
  r = await call(srv, 'GET', `/api/v1/360/${id}`, { token: T.atasan });
  assert.equal(r.json.hasil, null, 'two answers: nothing shown');
  assert.equal((await call(srv, 'POST', `/api/v1/360/${id}/jawab`, { token: toks[2], body: { skor: skor(5) } })).status, 204);
  r = await call(srv, 'GET', `/api/v1/360/${id}`, { token: T.atasan });
  assert.equal(r.json.menjawab, 3);
  assert.equal(r.json.hasil[0].rata_rata, '4.00');
  assert.equal(r.json.hasil[0].jumlah, 3);
  assert.deepEqual(r.json.hasil[0].komentar, ['Sangat membantu']);
  assert.ok(!JSON.stringify(r.json).includes(peers[0].nip), 'no respondent identity in the result');
  assert.equal(one(`SELECT COUNT(*) AS n FROM audit_log WHERE aksi = 'umpan360.jawab' AND sesudah IS NOT NULL`).n, 0);
  isProblem(assert, await call(srv, 'GET', `/api/v1/360/${id}`, { token: toks[3] }), 403);
  r = await call(srv, 'POST', `/api/v1/360/${id}/tutup`, { token: T.atasan });
  assert.equal(r.json.status, 'ditutup');
  isProblem(assert, await call(srv, 'POST', `/api/v1/360/${id}/jawab`, { token: toks[3], body: { skor: skor(2) } }), 409);
  // the rounds of the pegawai, for the atasan's screens
  const daftar = await get(T.atasan, `/api/v1/pegawai/${ctx.kasi}/360`);
  const ini = daftar.items.find((x) => x.id === id);
  assert.equal(ini.status, 'ditutup');
  assert.equal(ini.dijawab, 3);
  assert.ok(ini.responden >= 3);
  isProblem(assert, await call(srv, 'GET', `/api/v1/pegawai/${ctx.kasi}/360`, { token: toks[3] }), 403);
});

test('public feedback: link and QR per unit, no login, one answer per device per day, rate limit, aggregate for the atasan', async () => {
  let r = await call(srv, 'GET', `/api/v1/unit-kerja/${ctx.unit}/masukan-publik`, { token: T.pimpinan });
  assert.equal(r.status, 200, r.text);
  const { kode } = r.json;
  assert.match(kode, /^[0-9a-f]{32}$/);
  assert.match(r.json.tautan, new RegExp(`/masukan\\.html#${kode}$`));
  isProblem(assert, await call(srv, 'GET', `/api/v1/unit-kerja/${ctx.unit}/masukan-publik`, { token: T.pegawai }), 403);
  const again = await call(srv, 'GET', `/api/v1/unit-kerja/${ctx.unit}/masukan-publik`, { token: T.admin });
  assert.equal(again.json.kode, kode, 'the code is stable');
  const qr = await fetch(`${srv.url}/api/v1/publik/masukan/${kode}/qr.svg`);
  assert.equal(qr.status, 200);
  assert.match(qr.headers.get('content-type'), /image\/svg\+xml/);
  assert.match(await qr.text(), /^<svg [^>]*viewBox/);
  const png = await fetch(`${srv.url}/api/v1/publik/masukan/${kode}/qr.png`);
  assert.equal(png.status, 200);
  assert.equal(png.headers.get('content-type'), 'image/png');
  const bytes = Buffer.from(await png.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  const lebar = bytes.readUInt32BE(16);
  assert.equal(lebar, bytes.readUInt32BE(20), 'square');
  assert.ok(lebar >= 29 * 8 && lebar % 8 === 0, `width ${lebar}`);
  assert.equal((await fetch(`${srv.url}/api/v1/publik/masukan/00000000000000000000000000000000/qr.png`)).status, 404);
  r = await call(srv, 'GET', `/api/v1/publik/masukan/${kode}`);
  assert.equal(r.status, 200);
  assert.equal(r.json.target, 'unit');
  assert.equal((await call(srv, 'GET', '/api/v1/publik/masukan/00000000000000000000000000000000')).status, 404);
  isProblem(assert, await call(srv, 'POST', `/api/v1/publik/masukan/${kode}`, { body: { skor: 9, perangkat: 'perangkat-1' } }), 422, 'skor');
  isProblem(assert, await call(srv, 'POST', `/api/v1/publik/masukan/${kode}`, { body: { skor: 4, komentar: 'x'.repeat(501), perangkat: 'perangkat-1' } }), 422, 'komentar');
  r = await call(srv, 'POST', `/api/v1/publik/masukan/${kode}`, { body: { skor: 4, komentar: 'Pelayanan cepat', perangkat: 'perangkat-1' } });
  assert.equal(r.status, 201, r.text);
  isProblem(assert, await call(srv, 'POST', `/api/v1/publik/masukan/${kode}`, { body: { skor: 5, perangkat: 'perangkat-1' } }), 409);
  for (let i = 2; i <= 19; i++) await call(srv, 'POST', `/api/v1/publik/masukan/${kode}`, { body: { skor: 5, perangkat: `perangkat-${i}` } });
  r = await call(srv, 'POST', `/api/v1/publik/masukan/${kode}`, { body: { skor: 5, perangkat: 'perangkat-20' } });
  assert.equal(r.status, 201, 'the 20th answer of the hour from one address');
  r = await call(srv, 'POST', `/api/v1/publik/masukan/${kode}`, { body: { skor: 5, perangkat: 'perangkat-21' } });
  isProblem(assert, r, 429);
  assert.equal(r.headers.get('retry-after'), '3600');
  const agg = (await call(srv, 'GET', `/api/v1/unit-kerja/${ctx.unit}/masukan-publik`, { token: T.pimpinan })).json.ringkasan;
  assert.equal(agg.jumlah, 20);
  assert.equal(agg.per_skor[4], 19);
  assert.equal(agg.komentar_terbaru[0].komentar, 'Pelayanan cepat');
  assert.ok(!JSON.stringify(agg).includes('perangkat-1'));
  const page = await fetch(`${srv.url}/masukan.html`);
  assert.equal(page.status, 200);
});

test('Dokumen Evaluasi Kinerja PDF of a penilaian', async () => {
  const pen = one(`SELECT n.id, p.nip FROM penilaian n JOIN pegawai p ON p.id = n.pegawai_id WHERE n.status = 'final' AND n.jenis = 'periodik' LIMIT 1`);
  const tok = tokenFor(srv, pen.nip);
  const res = await fetch(`${srv.url}/api/v1/penilaian/${pen.id}/dokumen.pdf`, { headers: { authorization: `Bearer ${tok}` } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  assert.match(res.headers.get('content-disposition'), /Evaluasi-\d{18}-\d{4}-\d{2}-\d{2}\.pdf/);
  assert.equal(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
  const outsider = tokenFor(srv, one(`SELECT nip FROM pegawai WHERE id NOT IN (SELECT pegawai_id FROM penilaian WHERE id = ${pen.id}) AND atasan_id IS NOT NULL ORDER BY id DESC LIMIT 1`).nip);
  assert.equal((await fetch(`${srv.url}/api/v1/penilaian/${pen.id}/dokumen.pdf`, { headers: { authorization: `Bearer ${outsider}` } })).status, 403);
});
