// Quality bars of the web UI (issue 7): the first load stays within 100 KB transferred, and
// every screen passes axe-core's WCAG 2.1 A/AA rules with no violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, TOP, PASSWORD } from '../api/lib.mjs';
import { launch } from './browser.mjs';

let srv, ctx;
const AXE = readFileSync(join(TOP, 'node_modules/axe-core/axe.min.js'), 'utf8');

before(async () => { srv = await startServer({ pegawai: 40 }); ctx = await launch(); });
after(async () => { await ctx?.close(); await srv?.stop(); });

async function masuk(page, user) {
  await page.goto(srv.url + '/');
  await page.getByLabel('NIP atau nama pengguna').fill(user);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
}

async function axe(page, label) {
  await page.evaluate(AXE);   // evaluated through the debugger protocol: the page's CSP stays strict
  const r = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const v = r.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.ok(r.passes.length >= 5, `${label}: axe-core ran (${r.passes.length} rules passed)`);
  assert.deepEqual(v, [], `${label}: axe-core violations`);
}

test('the first load (sign-in page, then home) transfers at most 100 KB', async () => {
  const c = await ctx.browser().newContext();
  const page = await c.newPage();
  let bytes = 0;
  page.on('requestfinished', async (req) => {
    const s = await req.sizes().catch(() => null);
    if (s) bytes += s.responseBodySize + s.responseHeadersSize;
  });
  await page.goto(srv.url + '/');
  await page.getByLabel('Kata sandi').waitFor();
  await page.getByLabel('NIP atau nama pengguna').fill('pegawai');
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.ok(bytes > 1000, `measured ${bytes} bytes`);
  assert.ok(bytes <= 100 * 1024, `first load transferred ${bytes} bytes (budget 102400)`);
  await c.close();
});

test('every screen passes axe-core (WCAG 2.1 AA)', async () => {
  const page = await ctx.newPage();
  await page.goto(srv.url + '/');
  await page.getByLabel('Kata sandi').waitFor();
  await axe(page, 'masuk');
  await masuk(page, 'pegawai');
  await axe(page, 'beranda');
  for (const [hash, label] of [['#/skp', 'SKP Saya'], ['#/aktivitas', 'Aktivitas'], ['#/kotak-masuk', 'Kotak masuk']]) {
    await page.goto(srv.url + '/' + hash);
    await page.waitForLoadState('networkidle');
    await axe(page, label);
  }
  await page.close();
});
