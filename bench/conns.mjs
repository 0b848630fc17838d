// conns.mjs: holds many idle keep-alive connections open against a server, for the memory
// benchmark.  Each connection sends one `GET PATH` with `Connection: keep-alive`, reads the whole
// response (Content-Length), and then stays open and idle.
//
// Usage: node bench/conns.mjs --port P [--host 127.0.0.1] [--count 1000] [--path /healthz]
//                             [--hold 10] [--timeout 30]
// Prints `ready N` on stdout once N connections have their response and are idle, then holds
// them for --hold seconds (the caller reads the server's memory meanwhile), then prints
// `still_open M` (connections the server did not close during the hold) and exits.
// Exits non-zero if not every connection got a 200 within --timeout seconds.
import net from 'node:net';

const args = { host: '127.0.0.1', port: 0, count: 1000, path: '/healthz', hold: 10, timeout: 30 };
for (let i = 2; i < process.argv.length; i += 2) {
  const k = process.argv[i].replace(/^--/, '');
  const v = process.argv[i + 1];
  if (!(k in args) || v === undefined) {
    console.error(`conns.mjs: unknown or incomplete option ${process.argv[i]}`);
    process.exit(2);
  }
  args[k] = typeof args[k] === 'number' ? Number(v) : v;
}
if (!Number.isInteger(args.port) || args.port <= 0 || !(args.count > 0)) {
  console.error('conns.mjs: --port and --count are required positive integers');
  process.exit(2);
}

const sockets = [];
let ok = 0, failed = 0, closedEarly = 0, settled = 0;
const concurrency = 100;        // connections being opened at once, to stay under the backlog
let next = 0;
let holding = false;

const giveUp = setTimeout(() => {
  console.error(`conns.mjs: timeout: ${ok} ok, ${failed} failed of ${args.count}`);
  for (const s of sockets) s.destroy();
  process.exit(1);
}, args.timeout * 1000);

function openOne() {
  if (next >= args.count) return;
  next++;
  const s = net.connect({ host: args.host, port: args.port });
  sockets.push(s);
  let buf = Buffer.alloc(0);
  let done = false;
  const finish = (good) => {
    if (done) return;
    done = true;
    if (good) ok++; else failed++;
    settled++;
    openOne();
    if (settled === args.count) allSettled();
  };
  s.on('connect', () => {
    s.write(`GET ${args.path} HTTP/1.1\r\nHost: ${args.host}:${args.port}\r\n` +
            'Connection: keep-alive\r\nAccept: application/json\r\n\r\n');
  });
  s.on('data', (chunk) => {
    if (done) return;
    buf = Buffer.concat([buf, chunk]);
    const end = buf.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = buf.subarray(0, end).toString('latin1');
    const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    const len = m ? Number(m[1]) : 0;
    if (buf.length < end + 4 + len) return;
    finish(/^HTTP\/1\.1 200 /.test(head));
  });
  s.on('error', () => finish(false));
  s.on('close', () => {
    if (holding) closedEarly++;
    finish(false);
  });
}

function allSettled() {
  clearTimeout(giveUp);
  if (failed > 0) {
    console.error(`conns.mjs: ${failed} of ${args.count} connections failed`);
    for (const s of sockets) s.destroy();
    process.exit(1);
  }
  holding = true;
  console.log(`ready ${ok}`);
  setTimeout(() => {
    holding = false;
    console.log(`still_open ${ok - closedEarly}`);
    for (const s of sockets) s.destroy();
    process.exit(0);
  }, args.hold * 1000);
}

for (let i = 0; i < Math.min(concurrency, args.count); i++) openOne();
