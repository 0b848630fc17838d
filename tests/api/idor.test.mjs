// IDOR inside one instansi (issue 11): a pegawai and an atasan guess the ids of their colleagues'
// SKP, activities, evidence, penilaian, 360 rounds, TPP results and per-pegawai pages. Every id of
// the instansi (sampled to a bounded number per table) is tried; a 2xx answer is allowed only for
// the caller's own data (and, for the atasan, their subtree), every other answer must be 403 or
// 404 and must not carry the colleague's NIP. Writes to a colleague's rows are refused and change
// nothing. The access matrix (access.test.mjs) checks one id per route and role; this sweeps ids.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, call, tokenFor, sql } from './lib.mjs';

let srv;
const T = {};
const me = {};
const rows = (q) => JSON.parse(sql(srv, q) || '[]');
const PER_TABLE = 150;

/** At most n values of a sorted list, spread over it (always the first and the last). */
function sample(list, n = PER_TABLE) {
  if (list.length <= n) return list;
  const out = [];
  for (let i = 0; i < n; i++) out.push(list[Math.floor(i * (list.length - 1) / (n - 1))]);
  return [...new Set(out)];
}

before(async () => {
  srv = await startServer({ pegawai: 40, extraArgs: ['--data-dir', mkdtempSync(join(tmpdir(), 'kinerja-idor-'))] });
  for (const r of ['pegawai', 'atasan']) {
    T[r] = tokenFor(srv, r);
    me[r] = (await call(srv, 'GET', '/api/v1/auth/me', { token: T[r] })).json;
  }
  me.inst = me.pegawai.pengguna.instansi_id;
  me.nip = new Map(rows(`SELECT id, nip FROM pegawai WHERE instansi_id = ${me.inst}`).map((p) => [p.id, p.nip]));
  me.semua = [...me.nip.keys()].sort((a, b) => a - b);
  // the atasan's subtree (current atasan links), the atasan included
  me.subtree = new Set(rows(`WITH RECURSIVE t(id) AS (SELECT id FROM pegawai WHERE id = ${me.atasan.pegawai.id} UNION SELECT p.id FROM pegawai p JOIN t ON p.atasan_id = t.id)
    SELECT id FROM t`).map((r) => r.id));
  assert.ok(me.subtree.size > 1 && me.subtree.size < me.semua.length, 'the demo atasan has a subtree and colleagues outside it');
});
after(async () => { await srv?.stop(); });

/**
 * Tries `path(id)` for every id with `role`; `owner(id)` is the pegawai whose data the id is, and
 * `boleh(pegawaiId)` says whether the role may see it. Returns how many were allowed / refused.
 */
async function sapu(role, ids, path, owner, boleh) {
  let ok = 0, tolak = 0;
  const bocor = [];
  for (const id of ids) {
    const pemilik = owner(id);
    const r = await call(srv, 'GET', path(id), { token: T[role] });
    if (boleh(pemilik)) {
      // allowed: 200, or 409 where the page does not apply (angka kredit of a non-JF pegawai)
      assert.ok(r.status === 200 || (r.status === 409 && path(id).endsWith('/angka-kredit')), `${role} GET ${path(id)} (own/subtree data of pegawai ${pemilik}): ${r.status} ${r.text.slice(0, 200)}`);
      ok++;
    } else {
      if (r.status !== 403 && r.status !== 404) bocor.push(`${path(id)} → ${r.status} (pegawai ${pemilik})`);
      else if (r.text.includes(me.nip.get(pemilik))) bocor.push(`${path(id)} → ${r.status} with the NIP of pegawai ${pemilik}`);
      tolak++;
    }
  }
  assert.deepEqual(bocor, [], `${role} reached data outside its scope`);
  return { ok, tolak };
}

const sendiri = (role) => (p) => p === me[role].pegawai.id;
const bawahan = (p) => me.subtree.has(p);

test('a pegawai guessing ids gets only their own SKP, activities, evidence and penilaian', async () => {
  const lihat = sendiri('pegawai');
  const tabel = [
    ['skp', (id) => `/api/v1/skp/${id}`],
    ['aktivitas', (id) => `/api/v1/aktivitas/${id}`],
    ['bukti', (id) => `/api/v1/bukti/${id}`],
    ['penilaian', (id) => `/api/v1/penilaian/${id}`],
  ];
  for (const [t, path] of tabel) {
    const all = rows(`SELECT id, pegawai_id FROM ${t} WHERE pegawai_id IN (SELECT id FROM pegawai WHERE instansi_id = ${me.inst}) ORDER BY id`);
    const owner = new Map(all.map((r) => [r.id, r.pegawai_id]));
    // every own row and a spread of everyone else's
    const ids = [...new Set([...all.filter((r) => lihat(r.pegawai_id)).map((r) => r.id).slice(0, 20), ...sample(all.map((r) => r.id))])];
    const n = await sapu('pegawai', ids, path, (id) => owner.get(id), lihat);
    assert.ok(n.tolak > 0, `${t}: some colleagues' rows were tried`);
    if (t !== 'penilaian' && t !== 'bukti') assert.ok(n.ok > 0, `${t}: own rows were tried`);
  }
});

test('SKP documents, realisasi and action plans of a colleague are refused to a pegawai', async () => {
  const lihat = sendiri('pegawai');
  const all = rows(`SELECT id, pegawai_id FROM skp WHERE instansi_id = ${me.inst} ORDER BY id`);
  const owner = new Map(all.map((r) => [r.id, r.pegawai_id]));
  const ids = [...all.filter((r) => lihat(r.pegawai_id)).map((r) => r.id), ...sample(all.filter((r) => !lihat(r.pegawai_id)).map((r) => r.id), 12)];
  for (const sub of ['dokumen.pdf', 'dokumen.xlsx', 'realisasi', 'rencana-aksi', 'matriks', 'revisi'])
    await sapu('pegawai', ids, (id) => `/api/v1/skp/${id}/${sub}`, (id) => owner.get(id), lihat);
});

test('a pegawai guessing pegawai ids gets only their own pages (presensi, TPP, dashboard, 360, angka kredit …)', async () => {
  const lihat = sendiri('pegawai');
  const ids = sample(me.semua, 40);
  for (const sub of ['', '/riwayat', '/presensi', '/tpp', '/sanksi-tpp', '/angka-kredit', '/360', '/jadwal-shift', '/potensi', '/rekomendasi'])
    await sapu('pegawai', ids, (id) => `/api/v1/pegawai/${id}${sub}${kueri(sub)}`, (id) => id,
      (p) => lihat(p) && !HR_SAJA.includes(sub));
  await sapu('pegawai', ids, (id) => `/api/v1/dasbor/pegawai/${id}`, (id) => id, lihat);
});

// the month a per-pegawai TPP page asks for: the demo's computed month
const kueri = (sub) => {
  if (sub !== '/tpp' && sub !== '/jadwal-shift') return '';
  const b = rows(`SELECT tahun, bulan FROM tpp_bulan WHERE instansi_id = ${me.inst} ORDER BY id LIMIT 1`)[0];
  return `?bulan=${b.tahun}-${String(b.bulan).padStart(2, '0')}`;
};

// per-pegawai pages that only HR roles open, even for oneself
const HR_SAJA = ['/potensi', '/sanksi-tpp'];

test('TPP results and slips of a colleague are refused to a pegawai and to an atasan outside the subtree', async () => {
  const bulan = rows(`SELECT id FROM tpp_bulan WHERE instansi_id = ${me.inst} ORDER BY id`);
  assert.ok(bulan.length > 0, 'the demo has a computed TPP month');
  const hasil = rows(`SELECT pegawai_id FROM tpp_hasil WHERE bulan_id = ${bulan[0].id} ORDER BY pegawai_id`).map((r) => r.pegawai_id);
  const ids = sample(hasil, 30);
  for (const role of ['pegawai', 'atasan']) {
    const boleh = role === 'pegawai' ? sendiri('pegawai') : bawahan;
    const mine = hasil.filter(boleh);
    const coba = [...new Set([...mine.slice(0, 5), ...ids])];
    await sapu(role, coba, (p) => `/api/v1/tpp/bulan/${bulan[0].id}/pegawai/${p}`, (p) => p, boleh);
    await sapu(role, coba.slice(0, 12), (p) => `/api/v1/tpp/bulan/${bulan[0].id}/pegawai/${p}/slip.pdf`, (p) => p, boleh);
  }
});

test('an atasan sees their subtree and nobody else: pegawai pages, activities, evidence', async () => {
  const ids = sample(me.semua, 40);
  for (const sub of ['', '/presensi', '/tpp', '/360', '/angka-kredit'])
    await sapu('atasan', ids, (id) => `/api/v1/pegawai/${id}${sub}${kueri(sub)}`, (id) => id, bawahan);
  await sapu('atasan', ids, (id) => `/api/v1/dasbor/pegawai/${id}`, (id) => id, bawahan);
  for (const [t, path] of [['aktivitas', (id) => `/api/v1/aktivitas/${id}`], ['bukti', (id) => `/api/v1/bukti/${id}`]]) {
    const all = rows(`SELECT id, pegawai_id FROM ${t} WHERE pegawai_id IN (SELECT id FROM pegawai WHERE instansi_id = ${me.inst}) ORDER BY id`);
    const owner = new Map(all.map((r) => [r.id, r.pegawai_id]));
    const n = await sapu('atasan', sample(all.map((r) => r.id), 100), path, (id) => owner.get(id), bawahan);
    assert.ok(n.tolak > 0, `${t}: some rows outside the subtree were tried`);
  }
});

test("writes to a colleague's activity, SKP or evidence are refused and change nothing", async () => {
  const self = me.pegawai.pegawai.id;
  const akt = rows(`SELECT id FROM aktivitas WHERE pegawai_id <> ${self} AND pegawai_id IN (SELECT id FROM pegawai WHERE instansi_id = ${me.inst}) ORDER BY id DESC LIMIT 5`);
  const skp = rows(`SELECT id FROM skp WHERE pegawai_id <> ${self} AND instansi_id = ${me.inst} ORDER BY id DESC LIMIT 5`);
  const bukti = rows(`SELECT id FROM bukti WHERE pegawai_id <> ${self} AND pegawai_id IN (SELECT id FROM pegawai WHERE instansi_id = ${me.inst}) ORDER BY id DESC LIMIT 5`);
  assert.ok(akt.length && skp.length, 'colleagues have activities and SKP in the demo');
  const snap = () => sql(srv, `SELECT (SELECT group_concat(id || ':' || uraian || ':' || status || ':' || dihapus, '|') FROM aktivitas WHERE id IN (${akt.map((r) => r.id)})) AS a,
    (SELECT group_concat(id || ':' || status || ':' || IFNULL(diubah, ''), '|') FROM skp WHERE id IN (${skp.map((r) => r.id)})) AS s,
    (SELECT count(*) FROM bukti) AS b`);
  const sebelum = snap();
  for (const { id } of akt) {
    for (const [m, body] of [['PATCH', { uraian: 'diambil alih' }], ['DELETE', undefined]]) {
      const r = await call(srv, m, `/api/v1/aktivitas/${id}`, { token: T.pegawai, body });
      assert.ok([403, 404].includes(r.status), `${m} aktivitas ${id}: ${r.status}`);
    }
  }
  for (const { id } of skp) {
    for (const [m, p, body] of [['PATCH', '', { lampiran: { skema: 'diambil alih' } }], ['POST', '/ajukan', {}], ['POST', '/rhk', { kelompok: 'utama', uraian: 'x' }]]) {
      const r = await call(srv, m, `/api/v1/skp/${id}${p}`, { token: T.pegawai, body });
      assert.ok([403, 404].includes(r.status), `${m} skp ${id}${p}: ${r.status} ${r.text.slice(0, 120)}`);
    }
  }
  for (const { id } of bukti) {
    const r = await call(srv, 'DELETE', `/api/v1/bukti/${id}`, { token: T.pegawai });
    assert.ok([403, 404, 405].includes(r.status), `DELETE bukti ${id}: ${r.status}`);
  }
  assert.equal(snap(), sebelum, 'nothing changed');
});
