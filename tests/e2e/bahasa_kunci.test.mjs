// English as a second locale (issue 7): every word module that has an English counterpart in
// web/js/en/ has exactly the same word exports, keys and function arities there, no empty English
// value, and no English value equal to the Indonesian one except the allow-list below (proper
// nouns and Indonesian administrative terms kept on purpose).  Runs in node, no server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '../../web');

// the modules declared complete: each must have its English file and pass every check
const LENGKAP = ['teks.js', 'teks-bantuan.js', 'teks-kosong.js', 'teks-keamanan.js', 'teks-admin.js', 'teks-webhook.js', 'teks-integrasi.js', 'teks-dasbor.js', 'teks-tpp.js', 'teks-org.js', 'teks-inovasi.js', 'sso-masuk.js', 'teks-latihan.js',
  'teks-profil.js', 'teks-privasi.js'];
// not translated yet (English users see these screens in Indonesian); listed so a new word
// module is a conscious choice
const BELUM = [];
// exports that hold no words (codes, letters, orderings): not in the English files
const NETRAL = new Set(['HURUF_KELOMPOK', 'URUT_KURVA', 'AKSI_UMUM', 'JENIS_ASN']);
// values that are the same in both languages on purpose (the first item of an option pair is
// its code and is never compared)
const SAMA = new Set(['kinerja', 'Status', 'Target', 'Review', 'Final', 'RHK', 'IKI', 'TPP', 'SKP', '—', '%', 'Loyal',
  'Semester', 'status', 'Predikat', 'April', 'September', 'November', 'SSO', 'SIASN', 'NIP', 'Status', 'Webhook', 'HTTP', 'Data', 'Format', 'CSV', 'Excel (XLSX)', 'Rupiah', 'TPP (admin)', 'Auditor', 'Webhook']);
const SAMA_POLA = [/^YYYY/, /^SKP /, /^RHK/, /^IKI/, /^NIP/, /^[\d\W]*$/, /^Kurang\/Misconduct/];

function sama(v) { return SAMA.has(v) || SAMA_POLA.some((r) => r.test(v)); }

/** Walks id and en side by side; returns the differences as readable lines. */
function banding(id, en, jalan, keluhan) {
  if (typeof id === 'function') {
    if (typeof en !== 'function') keluhan.push(`${jalan}: a function in Indonesian, ${typeof en} in English`);
    else if (id.length !== en.length) keluhan.push(`${jalan}: ${id.length} parameters in Indonesian, ${en.length} in English`);
    return;
  }
  if (typeof id === 'string') {
    if (typeof en !== 'string') keluhan.push(`${jalan}: a string in Indonesian, ${typeof en} in English`);
    else if (!en.trim() && id.trim()) keluhan.push(`${jalan}: empty in English`);
    else if (en === id && !sama(id) && !/\.\d+\.0$/.test(jalan)) keluhan.push(`${jalan}: not translated ("${id}")`);
    return;
  }
  if (id && typeof id === 'object') {
    if (!en || typeof en !== 'object' || Array.isArray(id) !== Array.isArray(en)) { keluhan.push(`${jalan}: missing or of another shape in English`); return; }
    const a = Object.keys(id).sort(); const b = Object.keys(en).sort();
    for (const k of a) if (!(k in en)) keluhan.push(`${jalan}.${k}: missing in English`);
    for (const k of b) if (!(k in id)) keluhan.push(`${jalan}.${k}: only in English`);
    for (const k of a) if (k in en) banding(id[k], en[k], `${jalan}.${k}`, keluhan);
    return;
  }
  if (typeof en !== typeof id) keluhan.push(`${jalan}: ${typeof id} in Indonesian, ${typeof en} in English`);
}

for (const berkas of LENGKAP) {
  test(`${berkas}: the English words have the same shape as the Indonesian ones`, async () => {
    assert.ok(existsSync(join(WEB, 'js/en', berkas)), `web/js/en/${berkas} exists`);
    const id = await import(pathToFileURL(join(WEB, 'js', berkas)));
    const en = await import(pathToFileURL(join(WEB, 'js/en', berkas)));
    const keluhan = [];
    for (const [k, v] of Object.entries(id)) {
      if (typeof v !== 'object' || v === null || NETRAL.has(k) || k === 'HALAMAN') continue;
      if (!(k in en)) { keluhan.push(`${k}: missing in English`); continue; }
      banding(v, en[k], k, keluhan);
    }
    for (const k of Object.keys(en)) {
      if (k === 'HALAMAN') continue;
      if (!(k in id) || typeof id[k] !== 'object') keluhan.push(`${k}: an English export with no Indonesian word object`);
    }
    assert.deepEqual(keluhan, []);
  });
}

test('every word module is declared complete or not yet translated', async () => {
  const { readdirSync } = await import('node:fs');
  const semua = readdirSync(join(WEB, 'js')).filter((f) => /^teks.*\.js$/.test(f)).sort();
  assert.deepEqual(semua, [...LENGKAP, ...BELUM].filter((f) => f.startsWith('teks')).sort());
});

test('index.html: every data-t key has its English text, and the English module no stray key', async () => {
  const html = readFileSync(join(WEB, 'index.html'), 'utf8');
  const kunci = new Set([...html.matchAll(/data-t(?:-label)?="([^"]+)"/g)].map((m) => m[1]));
  for (const m of html.matchAll(/data-menu="([^"]+)"/g)) kunci.add(`menu-${m[1]}`);
  const { HALAMAN } = await import(pathToFileURL(join(WEB, 'js/en/teks.js')));
  assert.deepEqual([...kunci].sort(), Object.keys(HALAMAN).sort());
  for (const [k, v] of Object.entries(HALAMAN)) assert.ok(v.trim(), `HALAMAN.${k} is not empty`);
  const { HALAMAN: id } = await import(pathToFileURL(join(WEB, 'js/teks.js')));
  assert.deepEqual(id, {}, 'Indonesian is in the page itself');
});

test('the English files are not in the service worker shell (runtime cache only)', () => {
  const sw = readFileSync(join(WEB, 'sw.js'), 'utf8');
  assert.doesNotMatch(sw, /'\/js\/en\//);
});
