// Organisation targets and capaian kinerja organisasi (issue 15 parts 1-2): Renstra sasaran with
// IKU and yearly targets, unit PK indicators linked to an IKU (or to the PK above), the JPT and
// unit heads' RHK linked to their PK, the existing cascade below them, the tree from either end,
// and the bad inputs the issue names (targets of the wrong type, an IKU without a year, a PK
// indicator linked to another instansi's IKU, a cycle in the cascade).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, tokenFor, isProblem, count, sql } from './lib.mjs';

let srv, T = {}, c = {};
const YEAR = Number(new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 4));
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];
const api = (role, method, path, body) => call(srv, method, path, { token: T[role] || role, body });

before(async () => {
  srv = await startServer({ pegawai: 40 });
  for (const r of ['admin', 'pimpinan', 'atasan', 'pegawai', 'admin2', 'superadmin']) T[r] = tokenFor(srv, r);
  c.inst1 = one("SELECT instansi_id AS id FROM pengguna WHERE username = 'admin'").id;
  c.inst2 = one("SELECT instansi_id AS id FROM pengguna WHERE username = 'admin2'").id;
  c.pegawai = one("SELECT pegawai_id AS id FROM pengguna WHERE username = 'pegawai'").id;
  c.kabid = one("SELECT pegawai_id AS id FROM pengguna WHERE username = 'atasan'").id;
  c.kadis = one("SELECT p.id FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id WHERE j.nama = 'Kepala Dinas Pendidikan'").id;
  c.disdik = one('SELECT unit_kerja_id AS id FROM pegawai WHERE id = ' + c.kadis).id;
  c.bidang = one('SELECT unit_kerja_id AS id FROM pegawai WHERE id = ' + c.kabid).id;
  c.bkpsdm = one("SELECT id FROM unit_kerja WHERE kode = 'BKPSDM'").id;
  T.kadis = tokenFor(srv, one('SELECT nip FROM pegawai WHERE id = ' + c.kadis).nip);
  // the pegawai's RHK and the chain above it: pegawai -> Kasi -> Kabid -> Kadis
  const rhkOf = (peg) => `SELECT r.id, r.rhk_atasan_id AS atas FROM rhk r JOIN skp s ON s.id = r.skp_id JOIN periode p ON p.id = s.periode_id
    WHERE s.pegawai_id = ${peg} AND p.tahun = ${YEAR} AND r.rhk_atasan_id IS NOT NULL ORDER BY r.id LIMIT 1`;
  c.rhkPegawai = one(rhkOf(c.pegawai));
  c.rhkKasi = one(`SELECT id, rhk_atasan_id AS atas FROM rhk WHERE id = ${c.rhkPegawai.atas}`);
  c.rhkKabid = one(`SELECT id, rhk_atasan_id AS atas FROM rhk WHERE id = ${c.rhkKasi.atas}`);
  c.rhkKadis = c.rhkKabid.atas;
  // the demo's own organisation targets are not used here: a clean slate
  sql(srv, `UPDATE rhk SET pk_indikator_id = NULL; DELETE FROM realisasi_organisasi; DELETE FROM periode_organisasi;
    DELETE FROM pk_indikator; DELETE FROM iku_target; DELETE FROM iku; DELETE FROM sasaran_strategis;`);
});
after(async () => { await srv?.stop(); });

test('Renstra: a sasaran with an IKU and yearly targets; bad targets and an IKU without a year are refused', async () => {
  let r = await api('admin', 'POST', '/api/v1/sasaran-strategis', { kode: 'SS-U1', sasaran: 'Meningkatnya mutu pendidikan dasar',
    tahun_mulai: YEAR - 1, tahun_selesai: YEAR + 3, unit_kerja_id: c.disdik });
  assert.equal(r.status, 201, r.text);
  c.sasaran = r.json.id;
  assert.equal(r.json.unit_kerja.id, c.disdik);
  const audit0 = count(srv, 'audit_log');
  r = await api('admin', 'POST', '/api/v1/iku', { sasaran_id: c.sasaran, indikator: 'Persentase SD terakreditasi minimal B', satuan: '%',
    target: [{ target: '90' }] });
  isProblem(assert, r, 422, 'target[0].tahun');
  assert.match(r.json.errors[0].message, /tahun/);
  r = await api('admin', 'POST', '/api/v1/iku', { sasaran_id: c.sasaran, indikator: 'x', satuan: '%' });
  isProblem(assert, r, 422, 'target');
  r = await api('admin', 'POST', '/api/v1/iku', { sasaran_id: c.sasaran, indikator: 'x', satuan: '%', target: [{ tahun: YEAR, target: true }] });
  isProblem(assert, r, 422, 'target[0].target');
  assert.match(r.json.errors.find((e) => e.field === 'target[0].target').message, /jenis salah/);
  r = await api('admin', 'POST', '/api/v1/iku', { sasaran_id: c.sasaran, indikator: 'x', satuan: '%', target: [{ tahun: YEAR, target: 'sembilan puluh' }] });
  isProblem(assert, r, 422, 'target[0].target');
  r = await api('admin', 'POST', '/api/v1/iku', { sasaran_id: c.sasaran, indikator: 'x', satuan: '%', target: [{ tahun: YEAR + 9, target: '1' }] });
  isProblem(assert, r, 422, 'target[0].tahun');
  r = await api('admin', 'POST', '/api/v1/iku', { sasaran_id: c.sasaran, indikator: 'x', satuan: '%', arah: 'ke atas', target: [{ tahun: YEAR, target: 1 }] });
  isProblem(assert, r, 422, 'arah');
  assert.equal(count(srv, 'audit_log'), audit0, 'nothing stored by refused requests');
  r = await api('pimpinan', 'POST', '/api/v1/iku', { sasaran_id: c.sasaran, kode: 'IKU-U1', indikator: 'Persentase SD terakreditasi minimal B',
    satuan: '%', target: [{ tahun: YEAR, target: '90' }, { tahun: YEAR + 1, target: 92.5 }] });
  assert.equal(r.status, 201, r.text);
  c.iku = r.json.id;
  assert.deepEqual(r.json.target, [{ tahun: YEAR, target: '90' }, { tahun: YEAR + 1, target: '92.5' }]);
  assert.equal(r.json.arah, 'naik');
  r = await api('admin', 'POST', '/api/v1/iku', { sasaran_id: c.sasaran, kode: 'IKU-U2', indikator: 'Angka putus sekolah SD', satuan: '%',
    arah: 'turun', target: [{ tahun: YEAR, target: '0,5' }] });
  assert.equal(r.status, 201, r.text);
  c.ikuTurun = r.json.id;
  const list = (await api('pegawai', 'GET', `/api/v1/sasaran-strategis?tahun=${YEAR}`)).json.items;
  const s = list.find((x) => x.id === c.sasaran);
  assert.equal(s.iku.length, 2);
  assert.equal(s.iku.find((k) => k.id === c.ikuTurun).target[0].target, '0.5');
  // another instansi cannot read or change it
  assert.equal((await api('admin2', 'GET', `/api/v1/iku/${c.iku}`)).status, 403);
  assert.equal((await api('admin2', 'PATCH', `/api/v1/iku/${c.iku}`, { indikator: 'x' })).status, 403);
  assert.ok(!(await api('admin2', 'GET', '/api/v1/sasaran-strategis')).json.items.some((x) => x.id === c.sasaran));
});

test('PK: linked to an IKU of the same instansi or to the PK above; another instansi\'s IKU and cycles are refused', async () => {
  // an IKU of the second instansi
  let r = await api('admin2', 'POST', '/api/v1/sasaran-strategis', { sasaran: 'Sasaran kota', tahun_mulai: YEAR, tahun_selesai: YEAR });
  assert.equal(r.status, 201, r.text);
  r = await api('admin2', 'POST', '/api/v1/iku', { sasaran_id: r.json.id, indikator: 'IKU kota', satuan: '%', target: [{ tahun: YEAR, target: 1 }] });
  assert.equal(r.status, 201, r.text);
  c.iku2 = r.json.id;
  const pk = (extra) => ({ unit_kerja_id: c.disdik, tahun: YEAR, sasaran: 'Meningkatnya mutu layanan SD',
    indikator: 'Persentase SD terakreditasi minimal B', target: '90', satuan: '%', ...extra });
  const audit0 = count(srv, 'audit_log');
  r = await api('admin', 'POST', '/api/v1/pk', pk({ iku_id: c.iku2 }));
  isProblem(assert, r, 422, 'iku_id');
  assert.match(r.json.errors[0].message, /instansi lain/);
  r = await api('admin', 'POST', '/api/v1/pk', pk({}));
  isProblem(assert, r, 422, 'iku_id');
  r = await api('admin', 'POST', '/api/v1/pk', pk({ iku_id: c.iku, target: [90] }));
  isProblem(assert, r, 422, 'target');
  r = await api('admin', 'POST', '/api/v1/pk', pk({ iku_id: c.iku, target: '-5' }));
  isProblem(assert, r, 422, 'target');
  r = await api('admin', 'POST', '/api/v1/pk', pk({ iku_id: c.iku, tahun: '2026' }));
  isProblem(assert, r, 422, 'tahun');
  assert.equal(count(srv, 'audit_log'), audit0);
  r = await api('admin', 'POST', '/api/v1/pk', pk({ iku_id: c.iku }));
  assert.equal(r.status, 201, r.text);
  c.pkDisdik = r.json.id;
  assert.equal(r.json.iku.id, c.iku);
  r = await api('pimpinan', 'POST', '/api/v1/pk', pk({ iku_id: c.ikuTurun, indikator: 'Angka putus sekolah SD', target: '0,5', arah: 'turun' }));
  assert.equal(r.status, 201, r.text);
  c.pkTurun = r.json.id;
  // the Bidang SD's PK indicator cascades from the Dinas's
  r = await api('admin', 'POST', '/api/v1/pk', pk({ unit_kerja_id: c.bidang, indikator: 'Jumlah SD yang didampingi akreditasi',
    target: 40, satuan: 'sekolah', induk_id: c.pkDisdik }));
  assert.equal(r.status, 201, r.text);
  c.pkBidang = r.json.id;
  // a PK of another unit (for the wrong-unit link below)
  r = await api('admin', 'POST', '/api/v1/pk', pk({ unit_kerja_id: c.bkpsdm, indikator: 'Indeks profesionalitas ASN', iku_id: c.iku }));
  assert.equal(r.status, 201, r.text);
  c.pkLain = r.json.id;
  // a cycle: the Dinas's indicator under the Bidang's, which is under the Dinas's
  r = await api('admin', 'PATCH', `/api/v1/pk/${c.pkDisdik}`, { induk_id: c.pkBidang });
  isProblem(assert, r, 422, 'induk_id');
  assert.match(r.json.errors[0].message, /siklus/);
  r = await api('admin', 'PATCH', `/api/v1/pk/${c.pkBidang}`, { induk_id: c.pkBidang });
  isProblem(assert, r, 422, 'induk_id');
  const list = (await api('pegawai', 'GET', `/api/v1/pk?tahun=${YEAR}&unit_kerja_id=${c.disdik}`)).json.items;
  assert.deepEqual(list.map((x) => x.id), [c.pkDisdik, c.pkTurun]);
  assert.equal((await api('admin2', 'GET', `/api/v1/pk?unit_kerja_id=${c.disdik}`)).status, 403);
  assert.equal((await api('admin2', 'DELETE', `/api/v1/pk/${c.pkLain}`)).status, 403);
});

test('RHK linked to the PK by its owner; the cascade below traces up to the IKU', async () => {
  // the Kadis (JPT) derives an RHK from the Dinas's PK; the Kabid from the Bidang's
  let r = await api('kadis', 'PUT', `/api/v1/rhk/${c.rhkKadis}/pk`, { pk_indikator_id: c.pkDisdik });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.pk_indikator.id, c.pkDisdik);
  r = await api('atasan', 'PUT', `/api/v1/rhk/${c.rhkKabid.id}/pk`, { pk_indikator_id: c.pkLain });
  isProblem(assert, r, 422, 'pk_indikator_id');
  r = await api('atasan', 'PUT', `/api/v1/rhk/${c.rhkKabid.id}/pk`, { pk_indikator_id: 'satu' });
  isProblem(assert, r, 422, 'pk_indikator_id');
  r = await api('pegawai', 'PUT', `/api/v1/rhk/${c.rhkKabid.id}/pk`, { pk_indikator_id: c.pkBidang });
  assert.equal(r.status, 403, 'not the owner');
  r = await api('atasan', 'PUT', `/api/v1/rhk/${c.rhkKabid.id}/pk`, { pk_indikator_id: c.pkBidang });
  assert.equal(r.status, 200, r.text);
  // pegawai -> RHK -> Kasi RHK -> Kabid RHK -> PK Bidang -> PK Dinas -> IKU
  const j = (await api('pegawai', 'GET', `/api/v1/pegawai/${c.pegawai}/jejak-iku?tahun=${YEAR}`)).json;
  const it = j.items.find((x) => x.id === c.rhkPegawai.id);
  assert.deepEqual(it.rantai.map((x) => x.rhk_id), [c.rhkPegawai.id, c.rhkKasi.id, c.rhkKabid.id]);
  assert.deepEqual(it.pk.map((x) => x.id), [c.pkBidang, c.pkDisdik]);
  assert.equal(it.iku.id, c.iku);
  assert.equal(it.iku.sasaran.id, c.sasaran);
  assert.equal(it.tertaut, true);
  assert.ok(j.ringkasan.tertaut_iku >= 1);
  assert.equal((await api('admin2', 'GET', `/api/v1/pegawai/${c.pegawai}/jejak-iku`)).status, 403);
  // IKU -> PK -> Kadis RHK ... -> pegawai, everything for the pimpinan
  const all = (await api('pimpinan', 'GET', `/api/v1/iku/${c.iku}/pohon?tahun=${YEAR}`)).json;
  assert.deepEqual(all.pk.map((x) => x.id).sort(), [c.pkDisdik, c.pkBidang, c.pkLain].sort());
  const ids = new Set(all.rhk.map((x) => x.id));
  for (const id of [c.rhkKadis, c.rhkKabid.id, c.rhkKasi.id, c.rhkPegawai.id]) assert.ok(ids.has(id), `tree has RHK ${id}`);
  assert.equal(all.tersembunyi, 0);
  assert.equal(all.terpotong, false);
  // the pegawai sees their own RHK and the chain above it, not their colleagues'
  const mine = (await api('pegawai', 'GET', `/api/v1/iku/${c.iku}/pohon?tahun=${YEAR}`)).json;
  const own = mine.rhk.filter((x) => x.pegawai.id === c.pegawai);
  assert.ok(own.length >= 1);
  const above = new Set([c.rhkKadis, c.rhkKabid.id, c.rhkKasi.id]);
  assert.ok(mine.rhk.every((x) => x.pegawai.id === c.pegawai || above.has(x.id)), 'only nodes that concern the pegawai');
  assert.ok(mine.tersembunyi > 0);
  assert.ok(!mine.pk.some((x) => x.id === c.pkLain));
  assert.equal((await api('admin2', 'GET', `/api/v1/iku/${c.iku}/pohon`)).status, 403);
  // a linked PK indicator cannot be deleted
  assert.equal((await api('admin', 'DELETE', `/api/v1/pk/${c.pkBidang}`)).status, 409);
});

test('CSV import of sasaran, IKU (years merged by kode) and PK; one bad row rejects the file', async () => {
  const unitKode = 'DISDIK';
  const head = 'jenis,kode,induk_kode,unit_kode,sasaran,indikator,satuan,arah,tahun,tahun_selesai,target\n';
  const bad = head + `sasaran,SS-CSV,,,Sasaran dari CSV,,,,${YEAR},${YEAR + 2},\n` +
    `iku,IKU-CSV,SS-CSV,,,Indikator CSV,%,naik,,,80\n`;
  const audit0 = count(srv, 'audit_log');
  let r = await call(srv, 'POST', '/api/v1/import/kinerja-organisasi', { token: T.admin, raw: bad, type: 'text/csv' });
  isProblem(assert, r, 422, 'baris 3.target[0].tahun');
  assert.equal(count(srv, 'audit_log'), audit0, 'all or nothing');
  const good = head + `sasaran,SS-CSV,,,Sasaran dari CSV,,,,${YEAR},${YEAR + 2},\n` +
    `iku,IKU-CSV,SS-CSV,,,Indikator CSV,%,naik,${YEAR},,80\n` +
    `iku,IKU-CSV,SS-CSV,,,Indikator CSV,%,naik,${YEAR + 1},,85\n` +
    `pk,,IKU-CSV,${unitKode},Sasaran PK CSV,Indikator PK CSV,%,,${YEAR},,"80,5"\n`;
  r = await call(srv, 'POST', '/api/v1/import/kinerja-organisasi', { token: T.admin, raw: good, type: 'text/csv' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json, { sasaran: 1, iku: 1, pk: 1 });
  const iku = one("SELECT id FROM iku WHERE kode = 'IKU-CSV'").id;
  const k = (await api('pegawai', 'GET', `/api/v1/iku/${iku}`)).json;
  assert.deepEqual(k.target.map((t) => t.target), ['80', '85']);
  assert.equal(one(`SELECT target FROM pk_indikator WHERE iku_id = ${iku}`).target, '80.5');
});

test('a cycle in the RHK cascade is refused (the tree stays a tree)', async () => {
  // a broken org chart: the Kasi's SKP names the pegawai as penilai, and the Kasi tries to hang
  // their RHK under the pegawai's RHK, which already intervenes in that very RHK
  const kasi = one(`SELECT s.id AS skp, s.pegawai_id AS peg, s.penilai_id AS penilai, s.status FROM rhk r JOIN skp s ON s.id = r.skp_id WHERE r.id = ${c.rhkKasi.id}`);
  sql(srv, `UPDATE skp SET penilai_id = ${c.pegawai}, status = 'draft' WHERE id = ${kasi.skp}`);
  const tok = tokenFor(srv, one(`SELECT nip FROM pegawai WHERE id = ${kasi.peg}`).nip);
  const audit0 = count(srv, 'audit_log');
  const r = await api(tok, 'PATCH', `/api/v1/rhk/${c.rhkKasi.id}`, { rhk_atasan_id: c.rhkPegawai.id });
  isProblem(assert, r, 422, 'rhk_atasan_id');
  assert.match(r.json.errors.find((e) => e.field === 'rhk_atasan_id').message, /siklus/);
  assert.equal(count(srv, 'audit_log'), audit0);
  sql(srv, `UPDATE skp SET penilai_id = ${kasi.penilai}, status = '${kasi.status}' WHERE id = ${kasi.skp}`);
});

test('capaian organisasi: realisasi with evidence, capaian per indicator and unit, suggested predikat, pimpinan confirms, pola distribusi sees it', async () => {
  const put = (role, jenis, id, p, body) => api(role, 'PUT', `/api/v1/${jenis}/${id}/realisasi/${p}`, body);
  const audit0 = count(srv, 'audit_log');
  let r = await put('admin', 'pk', c.pkDisdik, 1, { realisasi: { angka: 80 } });
  isProblem(assert, r, 422, 'realisasi');
  r = await put('admin', 'pk', c.pkDisdik, 1, { realisasi: '80', bukti: [{ nama: 'Rekap', url: 'javascript:alert(1)' }] });
  isProblem(assert, r, 422, 'bukti[0].url');
  r = await put('admin', 'pk', c.pkDisdik, 7, { realisasi: '80' });
  isProblem(assert, r, 422, 'periode');
  r = await put('admin', 'iku', c.iku, 1, { realisasi: '80' });
  isProblem(assert, r, 422, 'tahun');
  r = await put('admin', 'iku', c.iku, 1, { tahun: YEAR + 3, realisasi: '80' });
  isProblem(assert, r, 422, 'tahun');
  assert.equal(count(srv, 'audit_log'), audit0);
  assert.equal((await put('atasan', 'pk', c.pkDisdik, 1, { realisasi: '80' })).status, 403);
  assert.equal((await put('admin2', 'pk', c.pkDisdik, 1, { realisasi: '80' })).status, 403);
  r = await put('admin', 'pk', c.pkDisdik, 1, { realisasi: '80', catatan: 'Akreditasi triwulan I',
    bukti: [{ nama: 'Rekap akreditasi TW I', url: 'https://disdik.sukamaju.go.id/akreditasi-tw1.pdf' }] });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.periode_label, 'Triwulan I');
  r = await put('pimpinan', 'iku', c.iku, 1, { tahun: YEAR, realisasi: 85 });
  assert.equal(r.status, 200, r.text);
  // annual: 99 of 90 (higher is better) = 110 %; 0,45 against 0,5 (lower is better) = 110 %
  assert.equal((await put('admin', 'pk', c.pkDisdik, 'tahunan', { realisasi: '99' })).status, 200);
  assert.equal((await put('admin', 'pk', c.pkTurun, 'tahunan', { realisasi: '0,45' })).status, 200);
  let cap = (await api('atasan', 'GET', `/api/v1/capaian-organisasi?tahun=${YEAR}&unit_kerja_id=${c.disdik}`)).json;
  let u = cap.unit[0];
  assert.equal(u.unit_kerja.id, c.disdik);
  const ind = u.indikator.find((x) => x.id === c.pkDisdik);
  assert.equal(ind.realisasi[0].capaian, '88.89');
  assert.equal(ind.realisasi[0].bukti[0].url, 'https://disdik.sukamaju.go.id/akreditasi-tw1.pdf');
  assert.equal(ind.capaian, '110');
  assert.equal(ind.dasar, 'Tahunan');
  assert.equal(u.indikator.find((x) => x.id === c.pkTurun).capaian, '110');
  assert.equal(u.capaian, '110');
  assert.equal(u.usulan.predikat, 'istimewa');
  assert.ok(u.usulan.penjelasan.some((l) => /semakin rendah semakin baik/.test(l)));
  assert.ok(u.usulan.penjelasan.some((l) => /BELUM DIKONFIRMASI/.test(l)));
  assert.equal(cap.ambang.belum_dikonfirmasi, true);
  assert.equal(cap.iku.find((k) => k.id === c.iku).realisasi[0].capaian, '94.44');
  assert.equal((await api('admin2', 'GET', `/api/v1/capaian-organisasi?unit_kerja_id=${c.disdik}`)).status, 403);

  // a closed quarter refuses realisasi
  r = await api('admin', 'PUT', '/api/v1/capaian-organisasi/periode', { tahun: YEAR, periode: 1, ditutup: true });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.periode[0].ditutup, true);
  const a1 = count(srv, 'audit_log');
  r = await put('admin', 'pk', c.pkDisdik, 1, { realisasi: '81' });
  isProblem(assert, r, 409, 'periode');
  assert.match(r.json.errors[0].message, /Triwulan I .* sudah ditutup/);
  r = await put('admin', 'iku', c.iku, 1, { tahun: YEAR, realisasi: 86 });
  isProblem(assert, r, 409, 'periode');
  assert.equal(count(srv, 'audit_log'), a1);
  assert.equal(one(`SELECT realisasi FROM realisasi_organisasi WHERE jenis = 'pk' AND indikator_id = ${c.pkDisdik} AND periode = 1`).realisasi, '80');
  assert.equal((await put('admin', 'pk', c.pkDisdik, 2, { realisasi: '85' })).status, 200, 'the next quarter is open');

  // the pimpinan overrides the suggestion: a reason is required
  const konf = (role, body) => api(role, 'POST', `/api/v1/unit-kerja/${c.disdik}/predikat-organisasi/konfirmasi`, body);
  r = await konf('pimpinan', { tahun: YEAR, predikat: 'baik' });
  isProblem(assert, r, 422, 'alasan');
  r = await konf('pimpinan', { tahun: YEAR, predikat: 'luar biasa', alasan: 'x' });
  isProblem(assert, r, 422, 'predikat');
  assert.equal((await konf('admin2', { tahun: YEAR, predikat: 'baik', alasan: 'x' })).status, 403);
  assert.equal((await konf('atasan', { tahun: YEAR, predikat: 'baik', alasan: 'x' })).status, 403);
  r = await konf('pimpinan', { tahun: YEAR, predikat: 'baik', alasan: 'Dua indikator belum diverifikasi Inspektorat' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.usulan, 'istimewa');
  assert.equal(r.json.sesuai_usulan, false);
  assert.equal(r.json.kurva.predikat_organisasi, 'baik');
  // the existing pola distribusi check and the unit head's rating hint read the confirmed value
  let kurva = (await api('pimpinan', 'GET', `/api/v1/unit-kerja/${c.disdik}/kurva?tahun=${YEAR}`)).json;
  assert.equal(kurva.predikat_organisasi, 'baik');
  const skpKadis = one(`SELECT s.id FROM skp s JOIN periode p ON p.id = s.periode_id WHERE s.pegawai_id = ${c.kadis} AND p.tahun = ${YEAR}`).id;
  const pn = await api('pimpinan', 'POST', `/api/v1/skp/${skpKadis}/penilaian`, { jenis: 'tahunan' });
  assert.equal(pn.status, 201, pn.text);
  let pen = (await api('pimpinan', 'GET', `/api/v1/penilaian/${pn.json.id}`)).json;
  assert.deepEqual(pen.rating_hasil_dari_organisasi, { predikat_organisasi: 'baik', rating_hasil: 'sesuai' });
  cap = (await api('pimpinan', 'GET', `/api/v1/capaian-organisasi?tahun=${YEAR}&unit_kerja_id=${c.disdik}`)).json;
  assert.equal(cap.unit[0].ditetapkan.predikat, 'baik');
  assert.equal(cap.unit[0].ditetapkan.usulan, 'istimewa');
  assert.equal(cap.unit[0].ditetapkan.alasan, 'Dua indikator belum diverifikasi Inspektorat');
  // confirming the suggestion needs no reason
  r = await konf('pimpinan', { tahun: YEAR, predikat: 'istimewa' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.sesuai_usulan, true);
  kurva = (await api('admin', 'GET', `/api/v1/unit-kerja/${c.disdik}/kurva?tahun=${YEAR}`)).json;
  assert.equal(kurva.predikat_organisasi, 'istimewa');
  pen = (await api('pimpinan', 'GET', `/api/v1/penilaian/${pn.json.id}`)).json;
  assert.equal(pen.rating_hasil_dari_organisasi.rating_hasil, 'di_atas');
  assert.ok(one(`SELECT COUNT(*) AS n FROM audit_log WHERE aksi = 'predikat_organisasi.konfirmasi'`).n >= 2);
});

test('thresholds of the suggested predikat are set per instansi (UNCONFIRMED defaults 110/90/70/50)', async () => {
  let r = await api('pegawai', 'GET', '/api/v1/capaian-organisasi/ambang');
  assert.deepEqual([r.json.istimewa, r.json.baik, r.json.butuh_perbaikan, r.json.kurang], ['110', '90', '70', '50']);
  r = await api('admin', 'PUT', '/api/v1/capaian-organisasi/ambang', { istimewa: '120', baik: '120' });
  isProblem(assert, r, 422, 'baik');
  r = await api('admin', 'PUT', '/api/v1/capaian-organisasi/ambang', { istimewa: 'tinggi' });
  isProblem(assert, r, 422, 'istimewa');
  assert.equal((await api('pimpinan', 'PUT', '/api/v1/capaian-organisasi/ambang', { istimewa: '120' })).status, 403);
  r = await api('admin', 'PUT', '/api/v1/capaian-organisasi/ambang', { istimewa: '120' });
  assert.equal(r.status, 200, r.text);
  const u = (await api('pimpinan', 'GET', `/api/v1/capaian-organisasi?tahun=${YEAR}&unit_kerja_id=${c.disdik}`)).json.unit[0];
  assert.equal(u.usulan.predikat, 'baik', '110 % is below the new Istimewa threshold');
  // the second instansi keeps the defaults
  assert.equal((await api('admin2', 'GET', '/api/v1/capaian-organisasi/ambang')).json.istimewa, '110');
  await api('admin', 'PUT', '/api/v1/capaian-organisasi/ambang', { istimewa: '110' });
});
