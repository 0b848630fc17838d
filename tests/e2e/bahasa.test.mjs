// English as a second locale (issue 7), in the browser: the switch on the sign-in page, the
// English screens with <html lang="en"> passing axe-core, English working offline once used,
// the way back to Indonesian, and the Indonesian first load fetching no English byte.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, TOP, PASSWORD } from '../api/lib.mjs';
import { launch } from './browser.mjs';

let srv, ctx;
const AXE = readFileSync(join(TOP, 'node_modules/axe-core/axe.min.js'), 'utf8');

before(async () => { srv = await startServer({ pegawai: 20 }); ctx = await launch(); });
after(async () => { await ctx?.close(); await srv?.stop(); });

async function axe(page, label) {
  await page.evaluate(AXE);
  const r = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const v = r.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(v, [], `${label}: axe-core violations`);
}

const h2 = (page, name) => page.getByRole('heading', { level: 2, name, exact: true });

test('the Indonesian first load fetches nothing from /js/en/', async () => {
  const c = await ctx.browser().newContext();
  const page = await c.newPage();
  const en = [];
  let bytes = 0;
  page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/js/en/')) en.push(r.url()); });
  page.on('requestfinished', async (req) => {
    const s = await req.sizes().catch(() => null);
    if (s) bytes += s.responseBodySize + s.responseHeadersSize;
  });
  await page.goto(srv.url + '/');
  await page.getByLabel('NIP atau nama pengguna').fill('pegawai');
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'id');
  assert.deepEqual(en, []);
  console.log(`# Indonesian first load: ${bytes} bytes`);
  await c.close();
});

test('switch to English on the sign-in page, work in English (also offline), switch back', async () => {
  const page = await ctx.newPage();
  await page.goto(srv.url + '/');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Sign in', level: 2 }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
  await axe(page, 'sign-in (en)');
  await page.getByLabel(/user name/).fill('pegawai');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
  assert.ok(await page.getByRole('link', { name: 'My SKP' }).isVisible());
  // the summary line is filled after the heading (its own request): wait for it, then check
  await page.waitForFunction(() => /employees$/.test(document.querySelector('#ringkas')?.textContent || ''));
  assert.match(await page.locator('#ringkas').textContent(), /employees$/);
  await axe(page, 'home (en)');
  for (const [hash, judul] of [['#/skp', 'My SKP'], ['#/aktivitas', 'Daily activities'], ['#/kalkulator', 'Appraisal calculator']]) {
    await page.goto(srv.url + '/' + hash);
    await h2(page, judul).waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await axe(page, `${judul} (en)`);
  }
  // used once, English is in the service worker's cache: it opens offline
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await h2(page, 'Appraisal calculator').waitFor();
  await page.waitForLoadState('networkidle');
  await ctx.setOffline(true);
  try {
    await page.reload();
    await h2(page, 'Appraisal calculator').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  } finally {
    await ctx.setOffline(false);
  }
  // back to Indonesian from the header
  await page.getByRole('button', { name: 'Indonesia' }).click();
  await h2(page, 'Kalkulator penilaian').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'id');
  assert.equal(await page.evaluate(() => localStorage.getItem('kinerja-bahasa')), 'id');
  await page.close();
});

test('admin screens in English: SKP status, administration', async () => {
  const c = await ctx.browser().newContext();
  const page = await c.newPage();
  await page.goto(srv.url + '/');
  await page.evaluate(() => localStorage.setItem('kinerja-bahasa', 'en'));
  await page.reload();
  await page.getByLabel(/user name/).fill('admin');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
  await page.goto(srv.url + '/#/status-skp');
  await h2(page, 'SKP status').waitFor();
  await page.waitForLoadState('networkidle');
  await axe(page, 'SKP status (en)');
  await page.goto(srv.url + '/#/admin');
  await h2(page, 'Administration').waitFor();
  await page.getByRole('link', { name: 'Work unit structure' }).waitFor();
  await page.waitForLoadState('networkidle');
  await axe(page, 'Administration (en)');
  await c.close();
});
