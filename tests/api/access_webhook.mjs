// Access scenarios of the webhook routes (issue 10 item 3), merged into access.test.mjs.  Only
// admins manage webhooks, each those of their own instansi (another instansi's: 403); superadmin
// any.  The webhooks here are paused, so the server's sender never tries to reach their URLs.
import { sql } from './lib.mjs';

let seq = 0;
export async function setup(srv, T, ctx) {
  const now = Math.floor(Date.now() / 1000);
  const one = (q) => JSON.parse(sql(srv, q))[0];
  const webhook = (inst, nama) => {
    sql(srv, `INSERT INTO webhook (instansi_id, url, keterangan, rahasia, aktif, dibuat, diubah)
              VALUES (${inst}, 'https://eoffice.contoh.go.id/akses', '${nama}', 'whk_akses', 0, ${now}, ${now})`);
    const id = one(`SELECT id FROM webhook WHERE keterangan = '${nama}'`).id;
    sql(srv, `INSERT INTO webhook_peristiwa (webhook_id, peristiwa) VALUES (${id}, 'skp.disetujui')`);
    sql(srv, `INSERT INTO webhook_pengiriman (webhook_id, peristiwa, isi, status, percobaan, galat, coba_lagi, dibuat)
              VALUES (${id}, 'skp.disetujui', '{"versi":1}', 'gagal', 6, 'uji akses', ${now}, ${now})`);
    return [id, one(`SELECT MAX(id) AS id FROM webhook_pengiriman WHERE webhook_id = ${id}`).id];
  };
  [ctx.webhook1, ctx.kirim1] = webhook(ctx.inst1, 'Akses satu');
  [ctx.webhook2, ctx.kirim2] = webhook(ctx.inst2, 'Akses dua');
  [ctx.webhookHapus] = webhook(ctx.inst1, 'Akses hapus');
}

export function scenarios(h) {
  const tolak = ['pimpinan', 'auditor', 'atasan', 'pegawai'];
  return {
    'GET /api/v1/webhook': { ok: ['admin', 'superadmin', 'admin2'], deny: tolak, path: () => '/api/v1/webhook' },
    'POST /api/v1/webhook': { ok: ['admin', 'superadmin', 'admin2'], status: 201, deny: tolak, path: () => '/api/v1/webhook',
      body: (c, r) => ({ url: 'https://eoffice.contoh.go.id/baru', peristiwa: ['skp.disetujui'], aktif: false,
        ...(r === 'superadmin' ? { instansi_id: c.inst1 } : {}) }) },
    'PATCH /api/v1/webhook/{id}': { ok: ['admin', 'superadmin'], deny: [...tolak, 'admin2'], path: (c) => `/api/v1/webhook/${c.webhook1}`,
      body: () => ({ keterangan: `Akses diubah ${seq++}` }), other: (c) => ['admin', `/api/v1/webhook/${c.webhook2}`, { keterangan: 'x' }] },
    'DELETE /api/v1/webhook/{id}': { ok: ['admin'], status: 204, deny: [...tolak, 'admin2'], path: (c) => `/api/v1/webhook/${c.webhookHapus}`,
      other: (c) => ['admin', `/api/v1/webhook/${c.webhook2}`] },
    'GET /api/v1/webhook/{id}/pengiriman': { ok: ['admin', 'superadmin'], deny: [...tolak, 'admin2'],
      path: (c) => `/api/v1/webhook/${c.webhook1}/pengiriman`, other: (c) => ['admin', `/api/v1/webhook/${c.webhook2}/pengiriman`] },
    'POST /api/v1/webhook/{id}/uji': { ok: ['admin', 'superadmin'], status: 202, deny: [...tolak, 'admin2'],
      path: (c) => `/api/v1/webhook/${c.webhook1}/uji`, body: () => ({}), other: (c) => ['admin', `/api/v1/webhook/${c.webhook2}/uji`, {}] },
    'POST /api/v1/webhook/pengiriman/{id}/ulang': { ok: ['admin', 'superadmin'], deny: [...tolak, 'admin2'],
      path: (c) => `/api/v1/webhook/pengiriman/${c.kirim1}/ulang`, body: () => ({}),
      other: (c) => ['admin', `/api/v1/webhook/pengiriman/${c.kirim2}/ulang`, {}] },
  };
}
