// A write load for the durability tests (issue 12, item 6: tahan_*.test.mjs): concurrent
// workers post activities (the group-commit writer), edit their own activities (writer too) and
// now and then create a unit kerja (a direct write, not through the writer), spread over one or
// more nodes.  Every acknowledged write (2xx with an id) is recorded; a request that failed
// (connection cut, 5xx) is recorded as unknown: it may or may not have been stored.  periksa()
// then reads the database and lists every acknowledged write that is missing or wrong.
import { call, sql, PG } from './lib.mjs';

const iso = (d) => d.toISOString().slice(0, 10);
export const hariLalu = (back) => iso(new Date(Date.now() + 7 * 3600e3 - back * 86400e3));
const tidur = (ms) => new Promise((r) => setTimeout(r, ms));

/** Pengaturan that let a load write 1-minute activities on any of the last 60 days. */
export async function siapkanBeban(srv, adminToken) {
  const r = await call(srv, 'PATCH', '/api/v1/pengaturan', { token: adminToken,
    body: { hari_mundur: 60, akhir_pekan: true, hari_libur: true, menit_maks_harian: 480 } });
  if (r.status !== 200) throw new Error(`pengaturan: ${r.status} ${r.text}`);
}

/** Starts the load: nodes = servers ({url}), pegawai = [{id, token}], admin = a token.
 *  Returns {akt, unit, statistik, ok(), berhenti()}. */
export function mulaiBeban({ nodes, pegawai, admin, workers = 8, tag = 'beban' }) {
  const akt = new Map();    // id -> {pegawai, riwayat: [{uraian, ack}]}
  const unit = new Map();   // id -> nama (acknowledged)
  const statistik = { ok: 0, gagal: 0, status: {} };
  let henti = false, seq = 0;
  const catat = (s) => { statistik.status[s] = (statistik.status[s] || 0) + 1; };

  async function kirim(node, method, path, opts) {
    try { return await call(node, method, path, opts); } catch (e) { return { status: 0, text: String(e) }; }
  }

  async function pekerja(w) {
    const p = pegawai[w % pegawai.length];
    const milik = [];
    for (let i = 0; !henti; i++) {
      const node = nodes[(w + i) % nodes.length];
      const n = ++seq;
      let r;
      if (i % 10 === 9) {
        const nama = `Bagian ${tag} ${n}`;
        r = await kirim(node, 'POST', '/api/v1/unit-kerja', { token: admin, body: { nama } });
        if (r.status === 201 && r.json?.id) unit.set(r.json.id, nama);
      } else if (i % 4 === 3 && milik.length) {
        const a = akt.get(milik[i % milik.length]);
        const uraian = `Merevisi laporan ${tag} ${n}`;
        a.riwayat.push({ uraian, ack: false });
        r = await kirim(node, 'PATCH', `/api/v1/aktivitas/${a.id}`, { token: p.token, body: { uraian } });
        if (r.status >= 200 && r.status < 300) a.riwayat[a.riwayat.length - 1].ack = true;
      } else {
        const uraian = `Menyusun laporan ${tag} ${n}`;
        r = await kirim(node, 'POST', '/api/v1/aktivitas', { token: p.token,
          body: { tanggal: hariLalu(1 + (n % 50)), menit: 1, uraian } });
        if (r.status === 201 && r.json?.id) {
          akt.set(r.json.id, { id: r.json.id, pegawai: p.id, riwayat: [{ uraian, ack: true }] });
          milik.push(r.json.id);
        }
      }
      catat(r.status);
      if (r.status >= 200 && r.status < 300) statistik.ok++;
      else { statistik.gagal++; if (r.status === 0 || r.status >= 500) await tidur(10); }
    }
  }
  const jalan = Array.from({ length: workers }, (_, w) => pekerja(w));
  return {
    akt, unit, statistik,
    ok: () => statistik.ok,
    async berhenti() { henti = true; await Promise.all(jalan); },
  };
}

/** Waits (polling, bounded) until cond() is true. */
export async function tunggu(cond, what, ms = 60000) {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await tidur(20);
  }
}

/** Every acknowledged write that the database at srv.db lacks or holds wrong: [] when all are
 *  there.  An activity's text must be its last acknowledged one or a later unacknowledged one. */
export function periksa(srv, beban) {
  const salah = [];
  const ids = [...beban.akt.keys()];
  const ada = new Map();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = JSON.parse(sql(srv, `SELECT id, pegawai_id, uraian FROM aktivitas WHERE id IN (${ids.slice(i, i + 500).join(',')})`) || '[]');
    for (const r of rows) ada.set(Number(r.id), r);
  }
  for (const a of beban.akt.values()) {
    const r = ada.get(a.id);
    if (!r) { salah.push(`aktivitas ${a.id} hilang`); continue; }
    if (Number(r.pegawai_id) !== a.pegawai) salah.push(`aktivitas ${a.id}: pegawai ${r.pegawai_id}`);
    let last = 0;
    a.riwayat.forEach((h, k) => { if (h.ack) last = k; });
    if (!a.riwayat.slice(last).some((h) => h.uraian === r.uraian)) salah.push(`aktivitas ${a.id}: uraian "${r.uraian}", diakui "${a.riwayat[last].uraian}"`);
  }
  const uids = [...beban.unit.keys()];
  if (uids.length) {
    const rows = JSON.parse(sql(srv, `SELECT id, nama FROM unit_kerja WHERE id IN (${uids.join(',')})`) || '[]');
    const m = new Map(rows.map((r) => [Number(r.id), r.nama]));
    for (const [id, nama] of beban.unit) if (m.get(id) !== nama) salah.push(`unit_kerja ${id} (${nama}) ${m.has(id) ? 'berbeda' : 'hilang'}`);
  }
  return salah;
}

export { PG };
