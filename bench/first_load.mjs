// first_load.mjs: issue 13's "first UI load (login + home), gzip ≤ 100 KB" for bench/run.sh,
// measured the way tests/e2e/mutu.test.mjs checks it: Debian's Chromium (playwright-core) opens
// the sign-in page of a fresh 40-pegawai demo server, signs in as `pegawai` and waits for the
// home screen and network idle; every finished request's response body + headers as
// transferred (compressed when the server compressed it) is summed.  A fresh browser context,
// so nothing comes from the cache.  Prints one JSON object:
//   {"bytes":N,"requests":N,"largest":[[url path, bytes], ...]}
// Run from the repository root (KINERJA_BIN defaults to ./kinerja).
import { startServer, PASSWORD } from '../tests/api/lib.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const srv = await startServer({ pegawai: 40 });
let ctx;
try {
  ctx = await launch();
  const c = await ctx.browser().newContext();
  const page = await c.newPage();
  let bytes = 0;
  const per = [];
  const pending = [];
  page.on('requestfinished', (req) => {
    pending.push(req.sizes().then((s) => {
      const n = s.responseBodySize + s.responseHeadersSize;
      bytes += n;
      per.push([new URL(req.url()).pathname, n]);
    }).catch(() => {}));
  });
  await page.goto(srv.url + '/');
  await page.getByLabel('Kata sandi').waitFor();
  await page.getByLabel('NIP atau nama pengguna').fill('pegawai');
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  per.sort((a, b) => b[1] - a[1]);
  console.log(JSON.stringify({ bytes, requests: per.length, largest: per.slice(0, 5) }));
  await c.close();
} finally {
  await ctx?.close();
  await srv.stop();
}
