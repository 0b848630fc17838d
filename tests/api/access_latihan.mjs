// Access scenarios of the training sandbox routes (issue 14 item 2), merged into access.test.mjs.
// Only an admin manages the sandbox of their own instansi (there is no id to reach another's);
// the superadmin has no instansi and is refused; entering and leaving need a browser session,
// so every bearer token gets 409 there.  The order of the table is create, reset, remove.
export async function setup() {}

export function scenarios() {
  const staf = ['pimpinan', 'auditor', 'atasan', 'pegawai'];
  return {
    'GET /api/v1/latihan': { ok: ['admin', ...staf, 'admin2'], deny: ['superadmin'], path: () => '/api/v1/latihan' },
    'POST /api/v1/latihan': { ok: ['admin'], status: 201, deny: [...staf, 'superadmin'], path: () => '/api/v1/latihan' },
    'POST /api/v1/latihan/reset': { ok: ['admin'], deny: [...staf, 'superadmin'], path: () => '/api/v1/latihan/reset',
      body: () => ({ konfirmasi: true }) },
    'DELETE /api/v1/latihan': { ok: ['admin'], status: 204, deny: [...staf, 'superadmin'], path: () => '/api/v1/latihan',
      body: () => ({ konfirmasi: true }) },
    'POST /api/v1/latihan/masuk': { ok: ['admin', ...staf, 'admin2'], status: 409, deny: ['superadmin'],
      path: () => '/api/v1/latihan/masuk', body: () => ({}) },
    'POST /api/v1/latihan/keluar': { ok: [], status: 409, anyUser: true, path: () => '/api/v1/latihan/keluar' },
  };
}
