// Optional email (issue 5 item 9): with an SMTP URL a notification to a pegawai with an email
// address is queued in surel_keluar and sent by a background thread; without one nothing is
// queued.  A tiny SMTP stand-in (no STARTTLS) listens on a free port and keeps what it gets.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startServer, call, tokenFor, isProblem, count, sql, kinerja, BIN } from './lib.mjs';

const servers = [];
after(async () => { for (const s of servers) await s.stop(); });

/** An SMTP server that accepts everything.  Returns {port, messages, close()}. */
function smtpStandIn(port = 0) {
  const messages = [];
  const sockets = new Set();
  const server = net.createServer((sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
    sock.on('error', () => {});
    let buf = '', data = null, env = { from: '', to: [] };
    sock.write('220 uji.local ESMTP stand-in\r\n');
    sock.on('data', (chunk) => {
      buf += chunk.toString('latin1');   // bytes as they came; UTF-8 decoded per message
      let i;
      while ((i = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (data) {
          if (line === '.') {
            const raw = Buffer.from(data.join('\r\n'), 'latin1').toString('utf8');
            messages.push({ from: env.from, to: env.to, raw });
            data = null;
            sock.write('250 2.0.0 diterima\r\n');
          } else data.push(line.startsWith('..') ? line.slice(1) : line);
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO') sock.write('250-uji.local\r\n250 8BITMIME\r\n');
        else if (cmd === 'HELO') sock.write('250 uji.local\r\n');
        else if (cmd === 'MAIL') { env = { from: line.replace(/^MAIL FROM:\s*/i, ''), to: [] }; sock.write('250 2.1.0 ok\r\n'); }
        else if (cmd === 'RCPT') { env.to.push(line.replace(/^RCPT TO:\s*<?([^>]*)>?.*$/i, '$1')); sock.write('250 2.1.5 ok\r\n'); }
        else if (cmd === 'DATA') { data = []; sock.write('354 akhiri dengan .\r\n'); }
        else if (cmd === 'RSET' || cmd === 'NOOP') sock.write('250 ok\r\n');
        else if (cmd === 'QUIT') { sock.write('221 sampai jumpa\r\n'); sock.end(); }
        else sock.write('502 tidak dikenal\r\n');
      }
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({
    port: server.address().port, messages,
    close: () => new Promise((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
  })));
}

/** A port nothing listens on (for "the mail server is down"). */
async function freePort() {
  const s = await smtpStandIn();
  await s.close();
  return s.port;
}

/** Header `name` of a raw message, unfolded, with RFC 2047 B-words decoded. */
function header(raw, name) {
  const head = raw.split('\r\n\r\n')[0].replace(/\r\n[ \t]/g, ' ');
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(name.toLowerCase() + ':'));
  if (!line) return undefined;
  return line.slice(name.length + 1).trim()
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b) => Buffer.from(b, 'base64').toString('utf8'));
}

async function until(what, fn, ms = 15000) {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const one = (srv, q) => JSON.parse(sql(srv, q) || '[]')[0];
function workday() {
  const d = new Date(Date.now() + 7 * 3600e3);
  while ([0, 6].includes(d.getUTCDay())) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Starts a server, gives the demo `pegawai` an email address; returns {srv, T, pegawai, kasi}. */
async function setup(env, email) {
  const srv = await startServer({ pegawai: 40, env });
  servers.push(srv);
  const T = {};
  for (const r of ['admin', 'admin2', 'superadmin', 'pegawai', 'atasan', 'pimpinan', 'auditor']) T[r] = tokenFor(srv, r);
  const me = (await call(srv, 'GET', '/api/v1/auth/me', { token: T.pegawai })).json.pegawai;
  const p = (await call(srv, 'GET', `/api/v1/pegawai/${me.id}`, { token: T.admin })).json;
  T.kasi = tokenFor(srv, p.atasan.nip);
  const r = await call(srv, 'PATCH', `/api/v1/pegawai/${me.id}`, { token: T.admin, body: { email } });
  assert.equal(r.status, 200, r.text);
  return { srv, T, pegawai: me.id };
}

/** The pegawai logs an activity and the Kasi returns it with a note: one notification. */
async function returnActivity(c, catatan) {
  const { srv, T } = c;
  const wd = workday();
  sql(srv, `DELETE FROM aktivitas WHERE pegawai_id = ${c.pegawai} AND tanggal = '${wd}'`);
  const a = await call(srv, 'POST', '/api/v1/aktivitas', { token: T.pegawai, body: { tanggal: wd, menit: 30, uraian: 'Rapat koordinasi data' } });
  assert.equal(a.status, 201, a.text);
  const t0 = Date.now();
  const r = await call(srv, 'POST', `/api/v1/aktivitas/${a.json.id}/kembalikan`, { token: T.kasi, body: { catatan } });
  const ms = Date.now() - t0;
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'dikembalikan');
  return { id: a.json.id, ms };
}

test('a notification is emailed through SMTP and listed as terkirim for the admin', async () => {
  const smtp = await smtpStandIn();
  try {
    const email = 'siti.uji@contoh.go.id';
    const c = await setup({ KINERJA_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, KINERJA_SMTP_INTERVAL: '1',
      KINERJA_PUBLIC_URL: 'https://kinerja.contoh.go.id/' }, email);
    const catatan = 'Lampirkan daftar hadir rapat — “wajib”.';
    const { id } = await returnActivity(c, catatan);
    const row = one(c.srv, `SELECT * FROM surel_keluar WHERE pegawai_id = ${c.pegawai}`);
    assert.equal(row.kepada, email);
    assert.equal(row.subjek, 'Aktivitas dikembalikan');
    const m = await until('the email', () => smtp.messages.find((x) => x.to.includes(email)));
    assert.equal(m.from, '<noreply@localhost>');
    assert.equal(header(m.raw, 'Subject'), 'Aktivitas dikembalikan');
    assert.equal(header(m.raw, 'To'), email);
    assert.match(header(m.raw, 'From'), /^kinerja <noreply@localhost>$/);
    assert.match(header(m.raw, 'Content-Type'), /text\/plain; charset=UTF-8/);
    assert.match(header(m.raw, 'Message-ID'), /^<kinerja\.\d+\.[0-9a-f]+@localhost>$/);
    assert.ok(header(m.raw, 'Date'));
    const body = m.raw.split('\r\n\r\n').slice(1).join('\r\n\r\n');
    assert.ok(body.includes(catatan), body);
    assert.ok(body.includes(`Buka: https://kinerja.contoh.go.id/#/aktivitas/${id}`), body);
    assert.doesNotMatch(m.raw, /[^\r]\n/, 'CRLF line endings only');
    // the admin's list shows it sent; the pegawai may not look
    const list = await until('terkirim', async () => {
      const r = await call(c.srv, 'GET', '/api/v1/surel?status=terkirim', { token: c.T.admin });
      assert.equal(r.status, 200, r.text);
      return r.json.items.find((s) => s.kepada === email) && r.json;
    });
    const s = list.items.find((x) => x.kepada === email);
    assert.equal(s.status, 'terkirim');
    assert.equal(s.percobaan, 1);
    assert.equal(s.pegawai.id, c.pegawai);
    assert.equal(s.galat, null);
    assert.ok(s.dikirim > 0);
    isProblem(assert, await call(c.srv, 'GET', '/api/v1/surel', { token: c.T.pegawai }), 403);
    isProblem(assert, await call(c.srv, 'GET', '/api/v1/surel?status=hilang', { token: c.T.admin }), 422, 'status');
    isProblem(assert, await call(c.srv, 'GET', '/api/v1/surel?cursor=x', { token: c.T.admin }), 422, 'cursor');
    // another instansi's admin does not see it; superadmin does
    const other = await call(c.srv, 'GET', '/api/v1/surel', { token: c.T.admin2 });
    assert.equal(other.status, 200);
    assert.ok(!other.json.items.some((x) => x.id === s.id));
    const all = await call(c.srv, 'GET', '/api/v1/surel?limit=200', { token: c.T.superadmin });
    assert.ok(all.json.items.some((x) => x.id === s.id));
    // a sent email cannot be sent again
    isProblem(assert, await call(c.srv, 'POST', `/api/v1/surel/${s.id}/ulang`, { token: c.T.admin }), 409);
  } finally {
    await smtp.close();
  }
});

test('SMTP down: the request answers at once, the row waits with its error, and is sent after ulang', async () => {
  const port = await freePort();
  const email = 'budi.uji@contoh.go.id';
  const c = await setup({ KINERJA_SMTP_URL: `smtp://127.0.0.1:${port}`, KINERJA_SMTP_INTERVAL: '1' }, email);
  const { ms } = await returnActivity(c, 'Perbaiki uraian.');
  assert.ok(ms < 3000, `the review took ${ms} ms`);
  const row = await until('a failed attempt', () => one(c.srv, `SELECT * FROM surel_keluar WHERE pegawai_id = ${c.pegawai} AND percobaan >= 1`));
  assert.equal(row.status, 'antri');
  assert.match(row.galat, /^Gagal mengirim surel: server SMTP tidak dapat dihubungi/);
  assert.ok(row.coba_lagi >= Math.floor(Date.now() / 1000) + 30, 'retried later (backoff)');
  const r0 = await call(c.srv, 'GET', '/api/v1/surel?status=antri', { token: c.T.admin });
  const listed = r0.json.items.find((x) => x.id === row.id);
  assert.match(listed.galat, /tidak dapat dihubungi/);
  // another instansi's admin and the pegawai may not requeue it; nothing changes
  const audit0 = count(c.srv, 'audit_log');
  isProblem(assert, await call(c.srv, 'POST', `/api/v1/surel/${row.id}/ulang`, { token: c.T.admin2 }), 403);
  isProblem(assert, await call(c.srv, 'POST', `/api/v1/surel/${row.id}/ulang`, { token: c.T.pegawai }), 403);
  isProblem(assert, await call(c.srv, 'POST', '/api/v1/surel/999999/ulang', { token: c.T.admin }), 404);
  assert.equal(count(c.srv, 'audit_log'), audit0);
  // the mail server comes back; the admin asks for it now
  const smtp = await smtpStandIn(port);
  try {
    const r = await call(c.srv, 'POST', `/api/v1/surel/${row.id}/ulang`, { token: c.T.admin });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 'antri');
    assert.equal(one(c.srv, `SELECT aksi FROM audit_log ORDER BY id DESC LIMIT 1`).aksi, 'surel.ulang');
    const m = await until('the email', () => smtp.messages.find((x) => x.to.includes(email)));
    assert.equal(header(m.raw, 'Subject'), 'Aktivitas dikembalikan');
    assert.ok(m.raw.includes('Perbaiki uraian.'));
    assert.ok(m.raw.includes('Buka di aplikasi kinerja: #/aktivitas/'), 'no public URL: the in-app path');
    const done = await until('terkirim', () => one(c.srv, `SELECT * FROM surel_keluar WHERE id = ${row.id} AND status = 'terkirim'`));
    assert.ok(done.percobaan >= 2);
    assert.equal(done.galat, null);
  } finally {
    await smtp.close();
  }
});

test('without an SMTP URL nothing is queued; the CLI flushes and pengingat queues when configured', async () => {
  const email = 'dewi.uji@contoh.go.id';
  const c = await setup({}, email);
  await returnActivity(c, 'Tambahkan lokasi.');
  assert.ok(count(c.srv, 'notifikasi', `WHERE pegawai_id = ${c.pegawai} AND judul = 'Aktivitas dikembalikan'`) >= 1);
  assert.equal(count(c.srv, 'surel_keluar'), 0);
  // `kinerja surel kirim` needs an SMTP URL
  assert.throws(() => kinerja(['surel', 'kirim', '--db', c.srv.db], { env: { ...process.env, KINERJA_SMTP_URL: '' } }), /smtp/i);
  // `kinerja pengingat` queues its reminders as emails when KINERJA_SMTP_URL is set
  const smtp = await smtpStandIn();
  try {
    const env = { ...process.env, KINERJA_SMTP_URL: `smtp://127.0.0.1:${smtp.port}` };
    sql(c.srv, `DELETE FROM aktivitas WHERE pegawai_id = ${c.pegawai}`);
    sql(c.srv, `DELETE FROM notifikasi WHERE pegawai_id = ${c.pegawai}`);
    kinerja(['pengingat', '--db', c.srv.db], { env });
    const queued = count(c.srv, 'surel_keluar', "WHERE subjek LIKE 'Pengingat:%'");
    const expected = count(c.srv, 'notifikasi n JOIN pegawai p ON p.id = n.pegawai_id',
      "WHERE n.judul LIKE 'Pengingat:%' AND p.aktif = 1 AND p.email IS NOT NULL AND p.email LIKE '%_@_%'");
    assert.ok(queued >= 1, 'at least the pegawai without activities is reminded by email');
    assert.equal(queued, expected);
    assert.equal(count(c.srv, 'surel_keluar', `WHERE pegawai_id = ${c.pegawai} AND kepada = '${email}'`), 1);
    // one flush from the command line sends them all (run asynchronously: the stand-in lives
    // in this process and must keep answering)
    const { stdout: out } = await promisify(execFile)(BIN, ['surel', 'kirim', '--db', c.srv.db], { env });
    assert.match(out, new RegExp(`Surel: ${queued} terkirim, 0 gagal\\.`));
    assert.equal(count(c.srv, 'surel_keluar', "WHERE status = 'terkirim'"), queued);
    assert.ok(smtp.messages.some((x) => x.to.includes(email) && header(x.raw, 'Subject') === 'Pengingat: catat aktivitas'));
  } finally {
    await smtp.close();
  }
});
