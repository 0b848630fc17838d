-- 017_oidc.sql: single sign-on with OpenID Connect (issue 10 item 2).  An instansi names its
-- identity provider (oidc_konfig); a browser login goes through the authorization code flow
-- with PKCE, whose short-lived state lives in oidc_login; the provider's discovery document
-- and signing keys are cached in oidc_penyedia; oidc_sesi marks the sessions opened by SSO
-- (for the provider's logout).  See docs/sso.md.  Portable SQL (sql/README.md).

-- The identity provider of one instansi.  Written by the instansi's admin or a superadmin.
CREATE TABLE oidc_konfig (
  instansi_id   INTEGER PRIMARY KEY REFERENCES instansi(id),
  issuer        TEXT    NOT NULL,   -- exactly the provider's "iss"; discovery is read from
                                    -- issuer + /.well-known/openid-configuration
  client_id     TEXT    NOT NULL,   -- our client id at the provider (not secret)
  -- The client secret, encrypted: base64 of nonce || crypto_secretbox (XSalsa20-Poly1305,
  -- libsodium) under the server key in <data-dir>/oidc.kunci (32 random bytes, mode 0600,
  -- created on first use).  A copy of the database alone does not reveal it; losing the key
  -- file means entering the secret again.  Never returned by the API, logged or audited.
  -- NULL = a public client (PKCE only, no client authentication at the token endpoint).
  rahasia       TEXT,
  scope         TEXT    NOT NULL DEFAULT '',     -- extra scopes, space-separated ("openid" is always sent)
  klaim_nip     TEXT    NOT NULL DEFAULT 'nip',  -- the ID token claim carrying the pegawai's NIP
  aktif         INTEGER NOT NULL DEFAULT 1,      -- 0 = SSO off for this instansi
  lokal_nonaktif INTEGER NOT NULL DEFAULT 0,     -- 1 = password login refused for this instansi's
                                                 -- accounts (superadmin is never refused); only with aktif = 1
  diubah        INTEGER NOT NULL,                -- unix s
  diubah_oleh   INTEGER REFERENCES pengguna(id)  -- NULL = command line
);

-- One login in progress: created by .../mulai, consumed (deleted) by the callback whatever its
-- outcome, so a state is used once.  Rows older than 10 minutes are refused and swept.
CREATE TABLE oidc_login (
  state         TEXT    PRIMARY KEY,  -- random 256-bit value sent to the provider and back
  instansi_id   INTEGER NOT NULL REFERENCES instansi(id),
  nonce         TEXT    NOT NULL,     -- random; the ID token must carry it
  verifier      TEXT    NOT NULL,     -- PKCE code_verifier (its S256 hash went to the provider)
  ikatan        TEXT    NOT NULL,     -- BLAKE2b of the kinerja_oidc cookie that binds the login to the browser
  kembali       TEXT,                 -- where the web app goes after login (a local path), NULL = /#/
  dibuat        INTEGER NOT NULL      -- unix s
);
CREATE INDEX oidc_login_dibuat ON oidc_login (dibuat);

-- The provider's discovery document and JWKS, fetched over HTTPS and kept for an hour (the
-- keys are fetched again sooner when a token names a kid we do not know).
CREATE TABLE oidc_penyedia (
  issuer        TEXT    PRIMARY KEY,
  discovery     TEXT    NOT NULL,     -- the JSON document as received
  jwks          TEXT    NOT NULL,     -- the JSON Web Key Set as received (public keys only)
  diambil       INTEGER NOT NULL,     -- unix s, when the JWKS was fetched
  berakhir      INTEGER NOT NULL      -- unix s, fetch again after this
);

-- The sessions opened by SSO, for the provider's end_session_endpoint at logout.  Goes with
-- its session.
CREATE TABLE oidc_sesi (
  sesi_id       INTEGER PRIMARY KEY REFERENCES sesi(id) ON DELETE CASCADE,
  instansi_id   INTEGER NOT NULL REFERENCES instansi(id)
);
