// A forwarding HTTP proxy for scripts/security.sh: sqlmap talks to it (--proxy) and every request
// reaches the server from the next loopback address 127.0.0.2 ... 127.0.0.254.  The server's
// failed-login throttle (50 per address per 5 minutes) would otherwise answer most of sqlmap's
// login payloads with 429 and nothing would be tested; the server itself is not weakened.
// Usage: node scripts/security_proxy.mjs  → prints "proxy http://127.0.0.1:PORT" on stdout.
import http from 'node:http';

let next = 0;
const server = http.createServer((req, res) => {
  const target = new URL(req.url);
  next = (next + 1) % 253;
  const up = http.request({
    host: target.hostname, port: target.port, path: target.pathname + target.search,
    method: req.method, headers: { ...req.headers, connection: 'close' }, localAddress: `127.0.0.${next + 2}`,
  }, (r) => { res.writeHead(r.statusCode, r.headers); r.pipe(res); });
  up.on('error', (e) => { res.writeHead(502); res.end(String(e)); });
  req.pipe(up);
});
server.listen(0, '127.0.0.1', () => console.log(`proxy http://127.0.0.1:${server.address().port}`));
