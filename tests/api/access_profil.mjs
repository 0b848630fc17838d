// Access scenarios of the four-dimension profile and the organisation reports (issue 15 parts
// 4-5), merged into access.test.mjs.  A pegawai's profile is read like their dashboard (self, the
// atasan chain, the instansi's pimpinan and admin); a unit's profile and the reports are for the
// instansi's pimpinan and admin; nothing crosses instansi.
import assert from 'node:assert/strict';
import { call } from './lib.mjs';

export function scenarios(h) {
  const lapor = ['admin', 'pimpinan', 'superadmin'];
  const bukan = ['auditor', 'atasan', 'pegawai'];
  const laporan = (jenis) => ({ ok: [...lapor, 'admin2'], deny: bukan,
    path: (c, r) => `/api/v1/laporan-organisasi/${jenis}?format=${jenis === 'pohon' ? 'pdf' : 'xlsx'}${r === 'superadmin' ? `&instansi_id=${c.inst1}` : ''}` });
  return {
    'GET /api/v1/pegawai/{id}/profil-kinerja': { ok: h.READERS, deny: ['auditor', 'admin2'],
      path: (c) => `/api/v1/pegawai/${c.pegawai.pegawai.id}/profil-kinerja`, other: (c) => ['admin', `/api/v1/pegawai/${c.peg2}/profil-kinerja`],
      extra: async (c) => {
        const { srv, T } = h.env();
        assert.equal((await call(srv, 'GET', `/api/v1/pegawai/${c.outside}/profil-kinerja`, { token: T.pegawai })).status, 403, 'not a colleague\'s');
      } },
    'GET /api/v1/unit-kerja/{id}/profil-kinerja': { ok: lapor, deny: [...bukan, 'admin2'],
      path: (c) => `/api/v1/unit-kerja/${c.unit1}/profil-kinerja`, other: (c) => ['admin', `/api/v1/unit-kerja/${c.unit2}/profil-kinerja`] },
    'GET /api/v1/laporan-organisasi/pohon': laporan('pohon'),
    'GET /api/v1/laporan-organisasi/rekap-iku': laporan('rekap-iku'),
  };
}
