// Access scenarios of the TPP routes (issue 9), merged into access.test.mjs.  Admins write
// tables, run and approve months; pimpinan read them; a pegawai reads their own result.
import { sql } from './lib.mjs';

let seq = 0;
export async function setup(srv, T, ctx) {
  const now = Math.floor(Date.now() / 1000);
  const isi = JSON.stringify({ preset: 'umum_daerah', besaran_kelas: { 9: 5000000 } }).replace(/'/g, "''");
  for (const [inst, key] of [[ctx.inst1, 'tpp1'], [ctx.inst2, 'tpp2']]) {
    sql(srv, `INSERT INTO tpp_aturan (instansi_id, nama, status, isi, dibuat, diubah) VALUES (${inst}, 'Uji akses ${key}', 'draft', '${isi}', ${now}, ${now})`);
    ctx[key] = JSON.parse(sql(srv, `SELECT id FROM tpp_aturan WHERE nama = 'Uji akses ${key}'`))[0].id;
  }
  sql(srv, `INSERT INTO tpp_aturan (instansi_id, nama, status, berlaku_mulai, isi, dibuat, diubah) VALUES (${ctx.inst1}, 'Uji akses aktif', 'aktif', '2020-01', '${isi}', ${now}, ${now})`);
  ctx.tppAktif = JSON.parse(sql(srv, "SELECT id FROM tpp_aturan WHERE nama = 'Uji akses aktif'"))[0].id;
  for (const [inst, key] of [[ctx.inst1, 'bulan1'], [ctx.inst2, 'bulan2']]) {
    const at = key === 'bulan1' ? ctx.tppAktif : ctx.tpp2;
    sql(srv, `INSERT INTO tpp_bulan (instansi_id, tahun, bulan, aturan_id, status, pegawai, jumlah, dihitung) VALUES (${inst}, 2020, 1, ${at}, 'draft', 0, 0, ${now})`);
    ctx[key] = JSON.parse(sql(srv, `SELECT id FROM tpp_bulan WHERE instansi_id = ${inst} AND tahun = 2020`))[0].id;
  }
  sql(srv, `INSERT INTO tpp_hasil (bulan_id, pegawai_id, dasar, kinerja, disiplin, potongan_persen, potongan_presensi, potongan_sanksi, jumlah, rincian)
            VALUES (${ctx.bulan1}, ${ctx.pegawai.pegawai.id}, 5000000, 3000000, 2000000, 0, 0, 0, 5000000, '{}')`);
  // the month's totals agree with its one row (the nominatif XLSX checks them)
  sql(srv, `UPDATE tpp_bulan SET pegawai = 1, jumlah = 5000000 WHERE id = ${ctx.bulan1}`);
  for (const [peg, inst, key] of [[ctx.pegawai.pegawai.id, ctx.inst1, 'sanksi1'], [ctx.peg2, ctx.inst2, 'sanksi2']]) {
    sql(srv, `INSERT INTO tpp_sanksi (instansi_id, pegawai_id, persen, mulai, bulan, keterangan, dibuat) VALUES (${inst}, ${peg}, 2500, '2019-01', 1, 'akses ${key}', ${now})`);
    ctx[key] = JSON.parse(sql(srv, `SELECT id FROM tpp_sanksi WHERE keterangan = 'akses ${key}'`))[0].id;
  }
}

export function scenarios(h) {
  const baca = ['admin', 'pimpinan', 'superadmin'];
  const tulisTolak = ['pimpinan', 'auditor', 'atasan', 'pegawai'];
  const q = (c, r, p) => (r === 'superadmin' ? `${p}?instansi_id=${c.inst1}` : p);
  return {
    'GET /api/v1/tpp/preset': { ok: [...baca, 'admin2'], deny: ['auditor', 'atasan', 'pegawai'], path: () => '/api/v1/tpp/preset' },
    'GET /api/v1/tpp/aturan': { ok: [...baca, 'admin2'], deny: ['auditor', 'atasan', 'pegawai'], path: (c, r) => q(c, r, '/api/v1/tpp/aturan') },
    'POST /api/v1/tpp/aturan': { ok: ['admin', 'superadmin', 'admin2'], status: 201, deny: tulisTolak, path: () => '/api/v1/tpp/aturan',
      body: (c, r) => ({ nama: `Tabel ${seq++}`, preset: 'umum_daerah', ...(r === 'superadmin' ? { instansi_id: c.inst1 } : {}) }) },
    'GET /api/v1/tpp/aturan/{id}': { ok: baca, deny: ['auditor', 'atasan', 'pegawai', 'admin2'], path: (c) => `/api/v1/tpp/aturan/${c.tpp1}`,
      other: (c) => ['admin', `/api/v1/tpp/aturan/${c.tpp2}`] },
    'PATCH /api/v1/tpp/aturan/{id}': { ok: ['admin', 'superadmin'], deny: [...tulisTolak, 'admin2'], path: (c) => `/api/v1/tpp/aturan/${c.tpp1}`,
      body: () => ({ nama: `Tabel diubah ${seq++}` }), other: (c) => ['admin', `/api/v1/tpp/aturan/${c.tpp2}`, { nama: 'x' }] },
    'POST /api/v1/tpp/aturan/{id}/aktifkan': { ok: ['admin'], status: 409, note: 'the admin passes access; the table is active already',
      deny: [...tulisTolak, 'admin2'], path: (c) => `/api/v1/tpp/aturan/${c.tppAktif}/aktifkan`, body: () => ({ berlaku_mulai: '2030-01' }),
      other: (c) => ['admin', `/api/v1/tpp/aturan/${c.tpp2}/aktifkan`, { berlaku_mulai: '2030-01' }] },
    'POST /api/v1/tpp/aturan/{id}/simulasi': { ok: ['admin', 'superadmin'], deny: [...tulisTolak, 'admin2'],
      path: (c) => `/api/v1/tpp/aturan/${c.tpp1}/simulasi`, body: () => ({ bulan: '2020-02' }),
      other: (c) => ['admin', `/api/v1/tpp/aturan/${c.tpp2}/simulasi`, { bulan: '2020-02' }] },
    'POST /api/v1/tpp/bulan': { ok: ['admin'], deny: tulisTolak, path: () => '/api/v1/tpp/bulan', body: () => ({ bulan: '2020-03' }) },
    'GET /api/v1/tpp/bulan': { ok: [...baca, 'admin2'], deny: ['auditor', 'atasan', 'pegawai'], path: (c, r) => q(c, r, '/api/v1/tpp/bulan') },
    'GET /api/v1/tpp/bulan/{id}': { ok: baca, deny: ['auditor', 'atasan', 'pegawai', 'admin2'], path: (c) => `/api/v1/tpp/bulan/${c.bulan1}`,
      other: (c) => ['admin', `/api/v1/tpp/bulan/${c.bulan2}`] },
    'POST /api/v1/tpp/bulan/{id}/setujui': { ok: [], deny: [...tulisTolak, 'admin2'], path: (c) => `/api/v1/tpp/bulan/${c.bulan1}/setujui`,
      body: () => ({}), other: (c) => ['admin', `/api/v1/tpp/bulan/${c.bulan2}/setujui`, {}] },
    'GET /api/v1/tpp/bulan/{id}/pegawai/{pegawai_id}': { ok: h.READERS, deny: ['auditor', 'admin2'],
      path: (c) => `/api/v1/tpp/bulan/${c.bulan1}/pegawai/${c.pegawai.pegawai.id}` },
    'GET /api/v1/tpp/bulan/{id}/nominatif.xlsx': { ok: baca, deny: ['auditor', 'atasan', 'pegawai', 'admin2'],
      path: (c) => `/api/v1/tpp/bulan/${c.bulan1}/nominatif.xlsx`, other: (c) => ['admin', `/api/v1/tpp/bulan/${c.bulan2}/nominatif.xlsx`] },
    'GET /api/v1/tpp/bulan/{id}/pegawai/{pegawai_id}/slip.pdf': { ok: h.READERS, deny: ['auditor', 'admin2'],
      path: (c) => `/api/v1/tpp/bulan/${c.bulan1}/pegawai/${c.pegawai.pegawai.id}/slip.pdf` },
    'GET /api/v1/pegawai/{id}/tpp': { ok: h.READERS, deny: ['auditor', 'admin2'], path: (c) => `/api/v1/pegawai/${c.pegawai.pegawai.id}/tpp?bulan=2020-01`,
      other: (c) => ['admin', `/api/v1/pegawai/${c.peg2}/tpp?bulan=2020-01`] },
    'POST /api/v1/pegawai/{id}/sanksi-tpp': { ok: ['admin', 'superadmin'], status: 201, deny: [...tulisTolak, 'admin2'],
      path: (c) => `/api/v1/pegawai/${c.pegawai.pegawai.id}/sanksi-tpp`, body: () => ({ persen: 10, mulai: '2019-06', bulan: 1 }),
      other: (c) => ['admin', `/api/v1/pegawai/${c.peg2}/sanksi-tpp`, { persen: 10, mulai: '2019-06', bulan: 1 }] },
    'GET /api/v1/pegawai/{id}/sanksi-tpp': { ok: baca, deny: ['auditor', 'atasan', 'pegawai', 'admin2'],
      path: (c) => `/api/v1/pegawai/${c.pegawai.pegawai.id}/sanksi-tpp`, other: (c) => ['admin', `/api/v1/pegawai/${c.peg2}/sanksi-tpp`] },
    'DELETE /api/v1/sanksi-tpp/{id}': { ok: ['admin'], status: 204, deny: [...tulisTolak, 'admin2'], path: (c) => `/api/v1/sanksi-tpp/${c.sanksi1}`,
      other: (c) => ['admin', `/api/v1/sanksi-tpp/${c.sanksi2}`] },
  };
}
