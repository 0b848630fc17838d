// A test OpenID Connect provider for the SSO scenarios: real RSA (RS256) and EC P-256 (ES256)
// keys from node:crypto, discovery, JWKS, /authorize (redirects back with a code, checks
// nothing but records the request) and /token (checks the code, redirect_uri, PKCE S256 and
// the client secret, then signs an ID token).  `idp.mode` shapes the next ID token, so a test
// can ask for a bad one: another key with the same kid, expired, wrong aud/iss/nonce, alg
// none, HS256, ...
import { createServer } from 'node:http';
import { generateKeyPairSync, createHash, createHmac, sign, randomBytes } from 'node:crypto';

const b64u = (b) => Buffer.from(b).toString('base64url');

export async function startIdp({ clientId = 'kinerja-uji', secret = 'rahasia-klien-uji-123' } = {}) {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const evil = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const codes = new Map();
  const idp = {
    clientId, secret, url: '', mode: {}, authorizeLog: [], tokenLog: [], nip: '',
    keys() {
      return [
        { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'rsa1', alg: 'RS256', use: 'sig' },
        { ...ec.publicKey.export({ format: 'jwk' }), kid: 'ec1', alg: 'ES256', use: 'sig' },
      ];
    },
  };

  function idToken(nonce) {
    const m = idp.mode;
    const now = Math.floor(Date.now() / 1000);
    const alg = m.alg || 'RS256';
    const header = { alg, typ: 'JWT', kid: m.kid ?? (alg === 'ES256' ? 'ec1' : 'rsa1') };
    if (m.kid === null) delete header.kid;
    const claims = {
      iss: m.iss ?? idp.url, sub: 'sub-' + (m.nip ?? idp.nip), aud: m.aud ?? clientId,
      exp: m.exp ?? now + 300, iat: m.iat ?? now, nonce: m.nonce ?? nonce,
      nip: m.nip ?? idp.nip, name: 'Pegawai Uji',
      ...(m.azp ? { azp: m.azp } : {}),
    };
    const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(claims))}`;
    let sig;
    if (alg === 'none') sig = '';
    else if (alg === 'HS256') sig = b64u(createHmac('sha256', m.hmacKey ?? secret).update(input).digest());
    else if (alg === 'ES256') sig = b64u(sign('sha256', Buffer.from(input), { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }));
    else sig = b64u(sign('sha256', Buffer.from(input), m.key === 'evil' ? evil.privateKey : rsa.privateKey));
    return `${input}.${sig}`;
  }

  const server = createServer((req, res) => {
    const u = new URL(req.url, idp.url);
    const json = (status, body) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
    if (u.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: idp.url, authorization_endpoint: `${idp.url}/authorize`, token_endpoint: `${idp.url}/token`,
        jwks_uri: `${idp.url}/jwks`, end_session_endpoint: `${idp.url}/logout`,
        response_types_supported: ['code'], subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256', 'ES256'], code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: idp.authMethods || ['client_secret_basic', 'client_secret_post'],
      });
    }
    if (u.pathname === '/jwks') return json(200, { keys: idp.keys() });
    if (u.pathname === '/authorize') {
      const q = Object.fromEntries(u.searchParams);
      idp.authorizeLog.push(q);
      const back = new URL(q.redirect_uri);
      if (idp.mode.deny) {
        back.searchParams.set('error', 'access_denied');
      } else {
        const code = b64u(randomBytes(24));
        codes.set(code, q);
        back.searchParams.set('code', code);
      }
      back.searchParams.set('state', q.state);
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (u.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (d) => { body += d; });
      req.on('end', () => {
        const f = Object.fromEntries(new URLSearchParams(body));
        const auth = req.headers.authorization || '';
        let id = f.client_id, pw = f.client_secret, method = 'none';
        if (auth.startsWith('Basic ')) {
          const [a, b] = Buffer.from(auth.slice(6), 'base64').toString().split(':');
          id = decodeURIComponent(a); pw = decodeURIComponent(b); method = 'client_secret_basic';
        } else if (f.client_secret) method = 'client_secret_post';
        idp.tokenLog.push({ form: f, method });
        const a = codes.get(f.code);
        codes.delete(f.code);
        if (f.grant_type !== 'authorization_code' || !a) return json(400, { error: 'invalid_grant' });
        if (id !== clientId || pw !== secret) return json(401, { error: 'invalid_client' });
        if (f.redirect_uri !== a.redirect_uri) return json(400, { error: 'invalid_grant' });
        const challenge = createHash('sha256').update(f.code_verifier || '').digest('base64url');
        if (a.code_challenge_method !== 'S256' || challenge !== a.code_challenge) return json(400, { error: 'invalid_grant' });
        return json(200, { access_token: b64u(randomBytes(16)), token_type: 'Bearer', expires_in: 300, id_token: idToken(a.nonce) });
      });
      return;
    }
    json(404, { error: 'not_found' });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  idp.url = `http://127.0.0.1:${server.address().port}`;
  idp.stop = () => new Promise((r) => server.close(r));
  return idp;
}
