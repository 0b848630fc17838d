// Access scenarios of the organisation-target and capaian routes (issue 15), merged into
// access.test.mjs.  Every user of an instansi reads its Renstra, IKU and PK; admin and pimpinan
// write them; the RHK link is the SKP owner's (or an admin's); nothing crosses instansi.
import { sql } from './lib.mjs';

const YEAR = Number(new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 4));
let seq = 0;
export async function setup(srv, T, ctx) {
  const now = Math.floor(Date.now() / 1000);
  const one = (q) => JSON.parse(sql(srv, q))[0];
  const target = (inst, unit, nama) => {
    sql(srv, `INSERT INTO sasaran_strategis (instansi_id, kode, sasaran, tahun_mulai, tahun_selesai, dibuat, diubah)
              VALUES (${inst}, '${nama}', 'Sasaran ${nama}', ${YEAR - 1}, ${YEAR + 3}, ${now}, ${now})`);
    const s = one(`SELECT id FROM sasaran_strategis WHERE kode = '${nama}'`).id;
    sql(srv, `INSERT INTO iku (instansi_id, sasaran_id, kode, indikator, satuan, arah, dibuat, diubah)
              VALUES (${inst}, ${s}, '${nama}', 'IKU ${nama}', '%', 'naik', ${now}, ${now})`);
    const k = one(`SELECT id FROM iku WHERE kode = '${nama}'`).id;
    sql(srv, `INSERT INTO iku_target (iku_id, tahun, target) VALUES (${k}, ${YEAR}, '80')`);
    sql(srv, `INSERT INTO pk_indikator (instansi_id, unit_kerja_id, tahun, urutan, sasaran, indikator, target, satuan, arah, iku_id, dibuat, diubah)
              VALUES (${inst}, ${unit}, ${YEAR}, 1, 'Sasaran PK ${nama}', 'Indikator PK ${nama}', '90', '%', 'naik', ${k}, ${now}, ${now})`);
    const p = one(`SELECT id FROM pk_indikator WHERE indikator = 'Indikator PK ${nama}'`).id;
    return { s, k, p };
  };
  ctx.org1 = target(ctx.inst1, ctx.unit1, 'AKSES-1');
  ctx.org2 = target(ctx.inst2, ctx.unit2, 'AKSES-2');
  ctx.orgHapus = target(ctx.inst1, ctx.unit1, 'AKSES-HAPUS');   /* its PK, IKU and sasaran are deleted in turn */
  ctx.orgHapusIku = target(ctx.inst1, ctx.unit1, 'AKSES-HAPUS-IKU');
  ctx.orgHapusSasaran = target(ctx.inst1, ctx.unit1, 'AKSES-HAPUS-SS');
  sql(srv, `DELETE FROM pk_indikator WHERE id IN (${ctx.orgHapusIku.p}, ${ctx.orgHapusSasaran.p})`);
  sql(srv, `DELETE FROM iku_target WHERE iku_id = ${ctx.orgHapusSasaran.k}`);
  sql(srv, `DELETE FROM iku WHERE id = ${ctx.orgHapusSasaran.k}`);
}

export function scenarios(h) {
  const semua = h.ROLES;
  const penulis = ['admin', 'pimpinan', 'superadmin'];
  const bukan = ['auditor', 'atasan', 'pegawai'];
  const sasaranBody = (c, r) => ({ sasaran: `Sasaran uji akses ${seq++}`, tahun_mulai: YEAR, tahun_selesai: YEAR + 4,
    ...(r === 'superadmin' ? { instansi_id: c.inst1 } : {}) });
  const pkBody = (c) => ({ unit_kerja_id: c.unit1, tahun: YEAR, sasaran: 'Sasaran PK uji', indikator: `Indikator uji ${seq++}`,
    target: '75', satuan: '%', iku_id: c.org1.k });
  return {
    'GET /api/v1/sasaran-strategis': { ok: semua, path: () => `/api/v1/sasaran-strategis?tahun=${YEAR}` },
    'POST /api/v1/sasaran-strategis': { ok: [...penulis, 'admin2'], status: 201, deny: bukan, path: () => '/api/v1/sasaran-strategis',
      body: (c, r) => (r === 'admin2' ? { sasaran: 'Sasaran kota', tahun_mulai: YEAR, tahun_selesai: YEAR } : sasaranBody(c, r)) },
    'PATCH /api/v1/sasaran-strategis/{id}': { ok: penulis, deny: [...bukan, 'admin2'], path: (c) => `/api/v1/sasaran-strategis/${c.org1.s}`,
      body: () => ({ sasaran: `Sasaran diubah ${seq++}` }), other: (c) => ['admin', `/api/v1/sasaran-strategis/${c.org2.s}`, { sasaran: 'x' }] },
    'DELETE /api/v1/sasaran-strategis/{id}': { ok: ['admin'], status: 204, deny: [...bukan, 'admin2'],
      path: (c) => `/api/v1/sasaran-strategis/${c.orgHapusSasaran.s}`, other: (c) => ['admin', `/api/v1/sasaran-strategis/${c.org2.s}`] },
    'POST /api/v1/iku': { ok: penulis, status: 201, deny: bukan, path: () => '/api/v1/iku',
      body: (c) => ({ sasaran_id: c.org1.s, indikator: `IKU uji ${seq++}`, satuan: '%', target: [{ tahun: YEAR, target: '1' }] }) },
    'GET /api/v1/iku/{id}': { ok: semua.filter((r) => r !== 'admin2'), deny: ['admin2'], path: (c) => `/api/v1/iku/${c.org1.k}`,
      other: (c) => ['admin', `/api/v1/iku/${c.org2.k}`] },
    'PATCH /api/v1/iku/{id}': { ok: penulis, deny: [...bukan, 'admin2'], path: (c) => `/api/v1/iku/${c.org1.k}`,
      body: () => ({ definisi: `Definisi ${seq++}` }), other: (c) => ['admin', `/api/v1/iku/${c.org2.k}`, { definisi: 'x' }] },
    'DELETE /api/v1/iku/{id}': { ok: ['admin'], status: 204, deny: [...bukan, 'admin2'], path: (c) => `/api/v1/iku/${c.orgHapusIku.k}`,
      other: (c) => ['admin', `/api/v1/iku/${c.org2.k}`] },
    'GET /api/v1/iku/{id}/pohon': { ok: semua.filter((r) => r !== 'admin2'), deny: ['admin2'], path: (c) => `/api/v1/iku/${c.org1.k}/pohon?tahun=${YEAR}`,
      other: (c) => ['admin', `/api/v1/iku/${c.org2.k}/pohon`] },
    'GET /api/v1/pk': { ok: semua, path: () => `/api/v1/pk?tahun=${YEAR}` },
    'POST /api/v1/pk': { ok: penulis, status: 201, deny: bukan, path: () => '/api/v1/pk', body: (c) => pkBody(c) },
    'PATCH /api/v1/pk/{id}': { ok: penulis, deny: [...bukan, 'admin2'], path: (c) => `/api/v1/pk/${c.org1.p}`,
      body: () => ({ target: String(80 + (seq++ % 10)) }), other: (c) => ['admin', `/api/v1/pk/${c.org2.p}`, { target: '1' }] },
    'DELETE /api/v1/pk/{id}': { ok: ['admin'], status: 204, deny: [...bukan, 'admin2'], path: (c) => `/api/v1/pk/${c.orgHapus.p}`,
      other: (c) => ['admin', `/api/v1/pk/${c.org2.p}`] },
    'PUT /api/v1/rhk/{id}/pk': { ok: ['atasan', 'admin', 'superadmin'], deny: ['pimpinan', 'auditor', 'pegawai', 'admin2'],
      path: (c) => `/api/v1/rhk/${c.rhkAtasan}/pk`, body: () => ({ pk_indikator_id: null }),
      other: (c) => ['admin', `/api/v1/rhk/${c.rhk2}/pk`, { pk_indikator_id: null }] },
    'GET /api/v1/pegawai/{id}/jejak-iku': { ok: ['admin', 'pimpinan', 'superadmin', 'atasan', 'pegawai'], deny: ['admin2'],
      path: (c) => `/api/v1/pegawai/${c.pegawai.pegawai.id}/jejak-iku?tahun=${YEAR}`, other: (c) => ['admin', `/api/v1/pegawai/${c.peg2}/jejak-iku`] },
    'POST /api/v1/import/kinerja-organisasi': { ok: penulis, status: 200, deny: bukan, csv: true,
      path: (c, r) => `/api/v1/import/kinerja-organisasi${r === 'superadmin' ? `?instansi_id=${c.inst1}` : ''}`,
      body: () => `jenis,sasaran,tahun,tahun_selesai\nsasaran,Sasaran impor uji ${seq++},${YEAR},${YEAR + 1}\n` },
    'PUT /api/v1/pk/{id}/realisasi/{periode}': { ok: penulis, deny: [...bukan, 'admin2'], path: (c) => `/api/v1/pk/${c.org1.p}/realisasi/4`,
      body: () => ({ realisasi: String(seq++ % 100) }), other: (c) => ['admin', `/api/v1/pk/${c.org2.p}/realisasi/4`, { realisasi: '1' }] },
    'PUT /api/v1/iku/{id}/realisasi/{periode}': { ok: penulis, deny: [...bukan, 'admin2'], path: (c) => `/api/v1/iku/${c.org1.k}/realisasi/tahunan`,
      body: () => ({ tahun: YEAR, realisasi: String(seq++ % 100) }),
      other: (c) => ['admin', `/api/v1/iku/${c.org2.k}/realisasi/tahunan`, { tahun: YEAR, realisasi: '1' }] },
    'GET /api/v1/capaian-organisasi': { ok: semua, deny: [],
      path: (c, r) => `/api/v1/capaian-organisasi?tahun=${YEAR}${r === 'superadmin' ? `&instansi_id=${c.inst1}` : ''}`,
      other: (c) => ['admin', `/api/v1/capaian-organisasi?unit_kerja_id=${c.unit2}`] },
    'PUT /api/v1/capaian-organisasi/periode': { ok: penulis, deny: bukan, path: () => '/api/v1/capaian-organisasi/periode',
      body: (c, r) => ({ tahun: YEAR + 2, periode: 3, ditutup: true, ...(r === 'superadmin' ? { instansi_id: c.inst1 } : {}) }) },
    'GET /api/v1/capaian-organisasi/ambang': { ok: semua,
      path: (c, r) => `/api/v1/capaian-organisasi/ambang${r === 'superadmin' ? `?instansi_id=${c.inst1}` : ''}` },
    'PUT /api/v1/capaian-organisasi/ambang': { ok: ['admin', 'superadmin', 'admin2'], deny: ['pimpinan', ...bukan],
      path: () => '/api/v1/capaian-organisasi/ambang', body: (c, r) => ({ istimewa: '110', ...(r === 'superadmin' ? { instansi_id: c.inst1 } : {}) }) },
    'POST /api/v1/unit-kerja/{id}/predikat-organisasi/konfirmasi': { ok: penulis, deny: [...bukan, 'admin2'],
      path: (c) => `/api/v1/unit-kerja/${c.unit1}/predikat-organisasi/konfirmasi`, body: () => ({ tahun: YEAR + 5, predikat: 'baik', alasan: 'Uji akses' }),
      other: (c) => ['admin', `/api/v1/unit-kerja/${c.unit2}/predikat-organisasi/konfirmasi`, { tahun: YEAR + 5, predikat: 'baik', alasan: 'x' }] },
  };
}
