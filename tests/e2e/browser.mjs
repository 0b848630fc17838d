// Launches Debian's Chromium through playwright-core (never a downloaded browser).
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'kinerja-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 360, height: 740 },
    locale: 'id-ID',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Waits (up to 10 s) until nothing matches the locator: for what an action removes, which may
// happen a moment after the action's own answer or toast. Fails with the count still there.
export async function hilang(locator, pesan) {
  const batas = Date.now() + 10000;
  let n = await locator.count();
  while (n !== 0 && Date.now() < batas) {
    await new Promise((r) => setTimeout(r, 50));
    n = await locator.count();
  }
  assert.equal(n, 0, pesan);
}

// Opens a screen by its hash from the page itself and waits for that screen: its heading, and
// its loading line gone.  The screen on view is marked first, so its heading cannot answer for
// the new one (the hashchange that replaces it comes a moment after the hash is set).
export async function bukaLayar(page, hash) {
  await page.evaluate((h) => {
    if (location.hash === h) throw new Error(`${h} is on view already (no hashchange would come)`);
    document.querySelector('#layar > .layar')?.setAttribute('data-lama', '');
    location.hash = h;
  }, hash);
  const baru = page.locator('#layar > .layar:not([data-lama])');
  await baru.locator('h2').first().waitFor();
  await baru.locator(':scope > .memuat').first().waitFor({ state: 'hidden' });
}
