// CSV for everything tabular (issue 8): any GET list answers ?format=csv with its rows as
// RFC 4180 CSV (BOM, CRLF, nested members as "a.b", formula cells neutralised); ?daftar= picks
// the array of an answer with several; an answer without rows stays JSON.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, tokenFor } from './lib.mjs';

let srv, T = {};
const csv = async (tok, path) => {
  const res = await fetch(srv.url + path, { headers: { authorization: `Bearer ${tok}` } });
  const buf = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), disp: res.headers.get('content-disposition'),
    bom: buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf, text: buf.toString('utf8').replace(/^\uFEFF/, '') };
};
// a small RFC 4180 reader for the checks
function rows(text) {
  const out = [];
  let row = [], cell = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') q = false; else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); out.push(row); row = []; cell = ''; i++; }
    else cell += ch;
  }
  return out;
}

before(async () => {
  srv = await startServer({ pegawai: 30 });
  for (const r of ['admin', 'pegawai']) T[r] = tokenFor(srv, r);
});
after(async () => { await srv?.stop(); });

test('a list as CSV: the same rows as the JSON, nested members flattened', async () => {
  const j = (await call(srv, 'GET', '/api/v1/pegawai?limit=5', { token: T.admin })).json;
  const r = await csv(T.admin, '/api/v1/pegawai?limit=5&format=csv');
  assert.equal(r.status, 200);
  assert.match(r.type, /^text\/csv/);
  assert.match(r.disp, /attachment; filename="pegawai\.csv"/);
  assert.ok(r.bom, 'BOM for spreadsheet programs');
  const t = rows(r.text);
  const head = t[0];
  assert.equal(t.length, 1 + j.items.length);
  assert.ok(head.includes('nip') && head.includes('unit_kerja.nama'));
  t.slice(1).forEach((row, i) => {
    assert.equal(row[head.indexOf('nip')], j.items[i].nip);
    assert.equal(row[head.indexOf('unit_kerja.nama')], j.items[i].unit_kerja?.nama ?? '');
  });
});

test('formula cells are neutralised; ?daftar= picks the array; an answer without rows stays JSON', async () => {
  const u = await call(srv, 'POST', '/api/v1/unit-kerja', { token: T.admin, body: { nama: '=HYPERLINK("http://x")' } });
  assert.equal(u.status, 201, u.text);
  const r = await csv(T.admin, '/api/v1/unit-kerja?limit=200&format=csv');
  assert.ok(r.text.includes('"\'=HYPERLINK(""http://x"")"'), 'quoted, with an apostrophe, quotes doubled');
  const d = await csv(T.admin, '/api/v1/dasbor/instansi?format=csv&daftar=anak');
  const t = rows(d.text);
  const j = (await call(srv, 'GET', '/api/v1/dasbor/instansi', { token: T.admin })).json;
  assert.equal(t.length, 1 + j.anak.length);
  assert.ok(t[0].includes('kepatuhan.persen'));
  const me = await csv(T.pegawai, '/api/v1/auth/me?format=csv');
  assert.match(me.type, /application\/json/, 'no rows: the JSON answer as usual');
  const no = await csv(T.pegawai, '/api/v1/pegawai?format=csv&daftar=tidak_ada');
  assert.match(no.type, /application\/json/);
});
