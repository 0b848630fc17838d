// A local stand-in for SIASN's web services (never the internet): an OAuth2 token endpoint
// (client credentials), /pns/data-utama/{nip}, /pns/rw-jabatan/{nip}, /pns/rw-skp22/{nip},
// /referensi/unor, and /skp22/save and /kinerjaperiodik/save that record what they receive.
// Field names come back in SIASN's inconsistent casing.  Faults are queued per path.
import { createServer } from 'node:http';

export async function startSiasn({ clientId, clientSecret, userToken }) {
  const s = {
    pns: new Map(),          // nip -> {id, nama, gelarDepan, golongan, jabatan, jenisJabatanId, unitNama, atasanNip, tmt}
    extraUnor: [],           // extra unor rows {id, nama, induk, pemimpin}
    saved: [],               // records saved by skp22/save and kinerjaperiodik/save
    received: [],            // every save request body, as received
    requests: [],            // {method, path, headers}
    faults: [],              // {re, status, body, times}
    tokens: new Set(),
  };
  const send = (res, status, body, raw) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(raw !== undefined ? raw : JSON.stringify(body));
  };
  // unor rows derived from the pegawai: one per (unit, atasan), led by that atasan
  const unitNo = new Map();
  s.unorId = (p) => {
    if (!unitNo.has(p.unitNama)) unitNo.set(p.unitNama, unitNo.size + 1);
    return `U${unitNo.get(p.unitNama)}-${p.atasanNip || 'puncak'}`;
  };
  s.unor = () => {
    const rows = new Map();
    for (const p of s.pns.values()) {
      const id = s.unorId(p);
      if (rows.has(id)) continue;
      const pem = p.atasanNip && s.pns.get(p.atasanNip);
      rows.set(id, { ID: id, NAMAUNOR: p.unitNama, diatasan_id: null, PemimpinPnsId: pem ? pem.id : null });
    }
    for (const u of s.extraUnor) rows.set(u.id, { ID: u.id, NAMAUNOR: u.nama, diatasan_id: u.induk || null, PemimpinPnsId: u.pemimpin || null });
    return [...rows.values()];
  };
  s.fail = (re, status, body, times = 1) => s.faults.push({ re, status, body, times });
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (d) => { data += d; });
    req.on('end', () => {
      const path = req.url.split('?')[0];
      s.requests.push({ method: req.method, path, headers: req.headers });
      const f = s.faults.find((x) => x.re.test(path) && x.times > 0);
      if (f) {
        f.times--;
        if (f.status === 'hang') { setTimeout(() => req.socket.destroy(), 5000); return; }   // no answer: the client times out
        return send(res, f.status, null, typeof f.body === 'string' ? f.body : JSON.stringify(f.body ?? { message: `galat ${f.status}` }));
      }
      if (path === '/oauth/token' && req.method === 'POST') {
        const form = new URLSearchParams(data);
        if (form.get('grant_type') !== 'client_credentials' || form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret)
          return send(res, 401, { error: 'invalid_client', error_description: 'client tidak dikenal' });
        const t = `akses-${Math.random().toString(36).slice(2)}`;
        s.tokens.add(t);
        return send(res, 200, { access_token: t, token_type: 'Bearer', expires_in: 3600 });
      }
      const bearer = (req.headers.authorization || '').replace(/^Bearer /, '');
      if (!s.tokens.has(bearer) || req.headers.auth !== `bearer ${userToken}`)
        return send(res, 401, { code: 0, message: 'Unauthorized' });
      let m;
      if ((m = path.match(/^\/api\/pns\/data-utama\/(\d+)$/))) {
        const p = s.pns.get(m[1]);
        if (!p) return send(res, 404, { code: 0, message: 'Data tidak ditemukan' });
        const unorId = p.unorId || s.unorId(p);
        // casing as SIASN's read API mixes it
        return send(res, 200, { code: 1, data: { ID: p.id, NIPBARU: m[1], Nama: p.nama, gelar_depan: p.gelarDepan || '',
          gelarBelakang: p.gelarBelakang || '', golRuangAkhirId: p.golonganId || null, GOLRUANGAKHIR: p.golongan || null,
          jabatanNama: p.jabatan, jenisJabatanId: p.jenisJabatanId || '4', unor_id: unorId, unorNama: p.unitNama } });
      }
      if ((m = path.match(/^\/api\/pns\/rw-jabatan\/(\d+)$/))) {
        const p = s.pns.get(m[1]);
        if (!p) return send(res, 404, { code: 0, message: 'Data tidak ditemukan' });
        return send(res, 200, { code: 1, data: [
          { namaJabatan: 'Jabatan lama', TMT_JABATAN: '01-01-2010', jenisJabatan: '4' },
          { NAMAJABATAN: p.jabatan, tmtJabatan: p.tmt || '02-01-2020', jenisJabatan: p.jenisJabatanId || '4', unorId: p.unorId || s.unorId(p) },
        ] });
      }
      if ((m = path.match(/^\/api\/pns\/rw-skp22\/(\d+)$/))) {
        const p = s.pns.get(m[1]);
        const rows = s.saved.filter((r) => r.kind === 'skp22' && p && r.body.pnsDinilaiId === p.id);
        return send(res, 200, { code: 1, data: rows.map((r) => ({ ID: r.id, TAHUN: r.body.tahun, HasilKinerjaNilai: r.body.hasilKinerjaNilai,
          perilaku_kerja_nilai: r.body.perilakuKerjaNilai, kuadranKinerjaNilai: r.body.kuadranKinerjaNilai })) });
      }
      if (path === '/api/referensi/unor') return send(res, 200, { code: 1, data: s.unor() });
      if ((path === '/api/skp22/save' || path === '/api/kinerjaperiodik/save') && req.method === 'POST') {
        let body;
        try { body = JSON.parse(data); } catch { return send(res, 400, { success: false, message: 'JSON tidak sah' }); }
        s.received.push({ path, body });
        const kind = path.includes('skp22') ? 'skp22' : 'periodik';
        let rec = body.id && s.saved.find((r) => r.id === body.id);
        if (body.id && !rec) return send(res, 404, { success: false, message: 'id riwayat tidak ditemukan' });
        if (rec) rec.body = body;
        else { rec = { id: `${kind}-${s.saved.length + 1}`, kind, body }; s.saved.push(rec); }
        return kind === 'skp22' ? send(res, 200, { success: true, message: 'Data berhasil disimpan', mapData: { rwSkp22Id: rec.id } })
                                : send(res, 200, { code: 1, message: 'sukses', data: { ID: rec.id } });
      }
      send(res, 404, { code: 0, message: 'tidak ada' });
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  s.url = `http://127.0.0.1:${server.address().port}`;
  s.stop = () => new Promise((r) => server.close(r));
  return s;
}
