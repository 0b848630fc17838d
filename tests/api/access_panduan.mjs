// Access scenarios of the walkthrough state and the user guide PDF (issue 14), merged into
// access.test.mjs: every signed-in role has them, each user only their own walkthrough rows
// (orientasi.test.mjs shows that one user's closing does not touch another's).
export function scenarios({ ROLES }) {
  return {
    'GET /api/v1/orientasi': { ok: ROLES, path: () => '/api/v1/orientasi' },
    'PUT /api/v1/orientasi/{kunci}': { ok: ROLES, path: () => '/api/v1/orientasi/pegawai', body: () => ({ selesai: true }) },
    'GET /api/v1/panduan.pdf': { ok: ROLES, path: () => '/api/v1/panduan.pdf' },
  };
}
