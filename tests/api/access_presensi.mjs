// Access scenarios of the presensi routes (issue 9), merged into access.test.mjs.  Admins of the
// instansi write schedules, sources, records and statuses; a pegawai reads their own month and
// their atasan chain reads it too.
import { sql } from './lib.mjs';

let seq = 0;
export async function setup(srv, T, ctx) {
  const now = Math.floor(Date.now() / 1000);
  for (const [inst, key] of [[ctx.inst1, 'sumber1'], [ctx.inst2, 'sumber2']]) {
    sql(srv, `INSERT INTO presensi_sumber (instansi_id, nama, pemetaan, diubah)
              VALUES (${inst}, 'Uji akses ${key}', '{"nip":"NIP","tanggal":"Tanggal","masuk":"Masuk","pulang":"Pulang"}', ${now})`);
    ctx[key] = JSON.parse(sql(srv, `SELECT id FROM presensi_sumber WHERE nama = 'Uji akses ${key}'`))[0].id;
  }
  ctx.nipPegawai = JSON.parse(sql(srv, `SELECT nip FROM pegawai WHERE id = ${ctx.pegawai.pegawai.id}`))[0].nip;
  for (const [peg, key] of [[ctx.pegawai.pegawai.id, 'status1'], [ctx.peg2, 'status2']]) {
    const inst = key === 'status1' ? ctx.inst1 : ctx.inst2;
    sql(srv, `INSERT INTO presensi_status (instansi_id, pegawai_id, status, dari, sampai, dibuat)
              VALUES (${inst}, ${peg}, 'cuti', '2020-01-0${key === 'status1' ? 1 : 2}', '2020-01-0${key === 'status1' ? 1 : 2}', ${now})`);
    ctx[key] = JSON.parse(sql(srv, `SELECT id FROM presensi_status WHERE pegawai_id = ${peg} AND dari LIKE '2020-01-0%'`))[0].id;
  }
}

export function scenarios(h) {
  const admin = ['admin', 'superadmin'];
  const bukanAdmin = ['pimpinan', 'auditor', 'atasan', 'pegawai'];
  const csv = (c) => `NIP,Tanggal,Masuk,Pulang\n${c.nipPegawai},2026-01-${String(5 + (seq++ % 20)).padStart(2, '0')},07:30,16:00\n`;
  return {
    'GET /api/v1/jadwal-kerja': { ok: h.ROLES,
      path: (c, r) => (r === 'superadmin' ? `/api/v1/jadwal-kerja?instansi_id=${c.inst1}` : '/api/v1/jadwal-kerja'),
      other: (c) => ['admin', `/api/v1/jadwal-kerja?unit_kerja_id=${c.unit2}`] },
    'PUT /api/v1/jadwal-kerja': { ok: ['admin', 'admin2'], deny: bukanAdmin, path: () => '/api/v1/jadwal-kerja',
      body: () => ({ masuk: '07:30', pulang: '16:00' }),
      other: (c) => ['admin', '/api/v1/jadwal-kerja', { masuk: '07:30', pulang: '16:00', unit_kerja_id: c.unit2 }] },
    'GET /api/v1/presensi/sumber': { ok: admin, deny: bukanAdmin,
      path: (c, r) => (r === 'superadmin' ? `/api/v1/presensi/sumber?instansi_id=${c.inst1}` : '/api/v1/presensi/sumber') },
    'POST /api/v1/presensi/sumber': { ok: admin, deny: bukanAdmin, path: () => '/api/v1/presensi/sumber',
      body: (c, r) => ({ nama: `Sumber ${seq++}`, pemetaan: { nip: 'NIP', tanggal: 'Tanggal', masuk: 'Masuk', pulang: 'Pulang' },
        ...(r === 'superadmin' ? { instansi_id: c.inst1 } : {}) }) },
    'POST /api/v1/presensi/impor': { ok: ['admin'], deny: bukanAdmin, csv: true,
      path: (c) => `/api/v1/presensi/impor?sumber_id=${c.sumber1}`, body: (c) => csv(c) },
    'POST /api/v1/presensi': { ok: ['admin'], deny: bukanAdmin, path: () => '/api/v1/presensi',
      body: (c) => ({ items: [{ nip: c.nipPegawai, tanggal: `2026-02-${String(2 + (seq++ % 20)).padStart(2, '0')}`, masuk: '07:30', pulang: '16:00' }] }) },
    'POST /api/v1/pegawai/{id}/presensi-status': { ok: admin, status: 201, deny: [...bukanAdmin, 'admin2'],
      path: (c) => `/api/v1/pegawai/${c.pegawai.pegawai.id}/presensi-status`,
      body: () => { const d = `2021-0${1 + (seq % 9)}-${String(1 + (seq++ % 28)).padStart(2, '0')}`; return { status: 'cuti', dari: d, sampai: d }; },
      other: (c) => ['admin', `/api/v1/pegawai/${c.peg2}/presensi-status`, { status: 'cuti', dari: '2021-12-01', sampai: '2021-12-01' }] },
    'DELETE /api/v1/presensi-status/{id}': { ok: ['admin'], status: 204, deny: [...bukanAdmin, 'admin2'],
      path: (c) => `/api/v1/presensi-status/${c.status1}`, other: (c) => ['admin', `/api/v1/presensi-status/${c.status2}`] },
    'POST /api/v1/jadwal-shift': { ok: ['admin'], deny: bukanAdmin, path: () => '/api/v1/jadwal-shift',
      body: (c) => ({ items: [{ nip: c.nipPegawai, tanggal: `2025-03-${String(1 + (seq++ % 28)).padStart(2, '0')}`, masuk: '13:00', pulang: '21:00' }] }) },
    'GET /api/v1/pegawai/{id}/jadwal-shift': { ok: h.READERS, deny: ['auditor', 'admin2'],
      path: (c) => `/api/v1/pegawai/${c.pegawai.pegawai.id}/jadwal-shift?bulan=2025-03`,
      other: (c) => ['admin', `/api/v1/pegawai/${c.peg2}/jadwal-shift?bulan=2025-03`] },
    'GET /api/v1/pegawai/{id}/presensi': { ok: h.READERS, deny: ['auditor', 'admin2'],
      path: (c) => `/api/v1/pegawai/${c.pegawai.pegawai.id}/presensi?bulan=2026-01`,
      other: (c) => ['admin', `/api/v1/pegawai/${c.peg2}/presensi?bulan=2026-01`] },
  };
}
