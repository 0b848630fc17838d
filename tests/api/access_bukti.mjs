// Access scenarios of the bukti dukung routes (issue 5), merged into access.test.mjs.
// setup(srv, T, ctx) prepares data in ctx; scenarios(h) returns entries keyed "METHOD /pattern"
// in the same shape as the table in access.test.mjs.
//
// Who: the owning pegawai uploads and deletes; the owner, their atasan chain, pimpinan and
// admin of the instansi, the instansi's auditor and superadmin read; a colleague outside the
// chain and another instansi get 403.  An account without a pegawai cannot upload (422).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, tokenFor, sql } from './lib.mjs';

// Uploads land in the server's data dir (default ./data of the working tree).  The access
// test starts its server without --data-dir, so point the server at a temporary directory
// through the environment it inherits (set when this module is imported, before the server
// starts), and remove it when the process ends.
if (!process.env.KINERJA_DATA_DIR) {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-akses-bukti-'));
  process.env.KINERJA_DATA_DIR = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}

let srv;
const tok = {};
const one = (q) => JSON.parse(sql(srv, q) || '[]')[0];
const pdf = (tag) => Buffer.from(`%PDF-1.7\n% bukti uji akses ${tag}\n%%EOF\n`);
const tautan = (extra = {}) => ({ url: 'https://arsip.example.go.id/bukti/1', nama: 'Tautan uji akses', ...extra });
const WRITERS = ['pegawai', 'atasan', 'admin', 'pimpinan', 'auditor', 'admin2'];   // every account with a pegawai
const READ_OK = ['pegawai', 'atasan', 'admin', 'pimpinan', 'auditor', 'superadmin'];

async function unggah(token, tag, query = '') {
  const r = await call(srv, 'POST', `/api/v1/bukti?nama=akses-${tag}.pdf${query}`, { token, raw: pdf(tag), type: 'application/pdf' });
  assert.equal(r.status, 201, r.text);
  return r.json;
}

export async function setup(s, T, ctx) {
  srv = s;
  // one to read (on the pegawai's activity), one to delete
  ctx.bukti = (await unggah(T.pegawai, 'baca', `&aktivitas_id=${ctx.akt}`)).id;
  ctx.buktiDel = (await unggah(T.pegawai, 'hapus')).id;
  // one in the other instansi
  const p2 = one(`SELECT p.id, p.nip FROM pegawai p JOIN pengguna u ON u.pegawai_id = p.id
                   WHERE p.instansi_id = ${ctx.inst2} AND u.peran = 0 LIMIT 1`);
  ctx.buktiPeg2 = p2.id;
  ctx.bukti2 = (await unggah(tokenFor(srv, p2.nip), 'instansi-2')).id;
  // a pegawai of the same instansi outside the pegawai's chain
  tok.outside = tokenFor(srv, one(`SELECT nip FROM pegawai WHERE id = ${ctx.outside}`).nip);
  tok.superadmin = T.superadmin;
}

// A token of the pegawai's direct atasan now (the mutasi scenario changes who that is).
const nips = new Map();
function atasanLangsung(c) {
  const nip = one(`SELECT a.nip FROM pegawai p JOIN pegawai a ON a.id = p.atasan_id WHERE p.id = ${c.pegawai.pegawai.id}`).nip;
  if (!nips.has(nip)) nips.set(nip, tokenFor(srv, nip));
  return nips.get(nip);
}

// Reads by the direct atasan (in the chain) pass; by a colleague outside the chain, 403.
const chainChecks = (path) => async (c) => {
  assert.equal((await call(srv, 'GET', path(c), { token: atasanLangsung(c) })).status, 200, 'direct atasan');
  assert.equal((await call(srv, 'GET', path(c), { token: tok.outside })).status, 403, 'outside the chain');
};

export function scenarios(h) {
  return {
    'GET /api/v1/bukti': { ok: READ_OK, deny: ['admin2'],
      path: (c) => `/api/v1/bukti?pegawai_id=${c.pegawai.pegawai.id}`,
      other: (c) => ['admin', `/api/v1/bukti?pegawai_id=${c.buktiPeg2}`],
      extra: async (c) => {
        await chainChecks((x) => `/api/v1/bukti?aktivitas_id=${x.akt}`)(c);
        await chainChecks((x) => `/api/v1/bukti?pegawai_id=${x.pegawai.pegawai.id}`)(c);
      } },
    'POST /api/v1/bukti': { ok: WRITERS, status: 201, csv: true, note: 'raw body (BODY_RAW); every pegawai uploads their own',
      path: () => '/api/v1/bukti?nama=akses.pdf', body: (c, r) => pdf(`${r}-${h.seq()}`),
      other: (c) => ['admin', `/api/v1/bukti?nama=akses.pdf&aktivitas_id=${c.akt2}`],
      extra: async (c) => {
        const r = await call(srv, 'POST', '/api/v1/bukti?nama=a.pdf', { token: tok.superadmin, raw: pdf('super'), type: 'application/pdf' });
        assert.equal(r.status, 422, 'superadmin has no pegawai');
        const a = await call(srv, 'POST', `/api/v1/bukti?nama=a.pdf&aktivitas_id=${c.akt}`, { token: atasanLangsung(c), raw: pdf('kasi'), type: 'application/pdf' });
        assert.equal(a.status, 403, 'not on a bawahan\'s activity either');
      } },
    'POST /api/v1/bukti/tautan': { ok: WRITERS, status: 201, path: () => '/api/v1/bukti/tautan', body: () => tautan(),
      other: (c) => ['admin', '/api/v1/bukti/tautan', tautan({ aktivitas_id: c.akt2 })],
      extra: async () => {
        const r = await call(srv, 'POST', '/api/v1/bukti/tautan', { token: tok.superadmin, body: tautan() });
        assert.equal(r.status, 422, 'superadmin has no pegawai');
      } },
    'GET /api/v1/bukti/{id}': { ok: READ_OK, deny: ['admin2'], path: (c) => `/api/v1/bukti/${c.bukti}`,
      other: (c) => ['admin', `/api/v1/bukti/${c.bukti2}`], extra: chainChecks((c) => `/api/v1/bukti/${c.bukti}`) },
    'GET /api/v1/bukti/{id}/unduh': { ok: READ_OK, deny: ['admin2'], path: (c) => `/api/v1/bukti/${c.bukti}/unduh`,
      other: (c) => ['admin', `/api/v1/bukti/${c.bukti2}/unduh`], extra: chainChecks((c) => `/api/v1/bukti/${c.bukti}/unduh`) },
    'DELETE /api/v1/bukti/{id}': { ok: ['pegawai'], status: 204, note: 'owner only',
      deny: ['atasan', 'admin', 'pimpinan', 'auditor', 'superadmin', 'admin2'],
      path: (c) => `/api/v1/bukti/${c.buktiDel}`, other: (c) => ['admin', `/api/v1/bukti/${c.bukti2}`] },
  };
}
