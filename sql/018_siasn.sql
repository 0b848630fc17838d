-- 018_siasn.sql: the SIASN client (issue 10 items 1 and 4).  Where an instansi's SIASN is and
-- who we are there (siasn_konfig; the secrets are never stored: they come from a 0600 file or
-- the environment, see docs/siasn.md), the mapping of our ids to SIASN ids (siasn_peta), pull
-- batches whose previewed changes an admin confirms (siasn_tarikan, siasn_perubahan) and the
-- log of every exchange (siasn_log).  Portable SQL (sql/README.md).

-- Where the instansi's SIASN web services are.  Written by a superadmin only: these URLs
-- decide where the client secret and the user token are sent.
CREATE TABLE siasn_konfig (
  instansi_id     INTEGER PRIMARY KEY REFERENCES instansi(id),
  base_url        TEXT    NOT NULL,   -- e.g. https://apimws.bkn.go.id:8243/apisiasn/1.0 (no trailing /)
  token_url       TEXT    NOT NULL,   -- OAuth2 token endpoint (client credentials grant)
  client_id       TEXT    NOT NULL,   -- OAuth2 client id (not secret; the secret is not stored)
  header_pengguna TEXT    NOT NULL DEFAULT 'Auth',    -- name of the header carrying the SSO user token
  skema_pengguna  TEXT    NOT NULL DEFAULT 'bearer',  -- word before the user token in that header ('' = none)
  diubah          INTEGER NOT NULL,   -- unix s
  diubah_oleh     INTEGER REFERENCES pengguna(id)     -- NULL = command line
);

-- Our ids to SIASN ids.  pegawai: the SIASN PNS id (data-utama "id", sent as pnsDinilaiId);
-- unit_kerja: the SIASN unor id (also kept in unit_kerja.kode when we created the unit);
-- penilaian: the id of the SIASN record our penilaian was saved as.
CREATE TABLE siasn_peta (
  jenis       TEXT    NOT NULL CHECK (jenis IN ('pegawai','unit_kerja','penilaian')),
  lokal_id    INTEGER NOT NULL,           -- pegawai.id, unit_kerja.id or penilaian.id
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),
  siasn_id    TEXT,                       -- NULL: SIASN accepted a save without telling its id
  sidik       TEXT,                       -- penilaian: BLAKE2b of the payload SIASN last accepted
  diubah      INTEGER NOT NULL,           -- unix s
  PRIMARY KEY (jenis, lokal_id)
);
CREATE INDEX siasn_peta_siasn ON siasn_peta (instansi_id, jenis, siasn_id);

-- One pull: what SIASN said, as a preview of changes an admin applies (terapkan) or not.
CREATE TABLE siasn_tarikan (
  id              INTEGER PRIMARY KEY,
  instansi_id     INTEGER NOT NULL REFERENCES instansi(id),
  status          TEXT    NOT NULL CHECK (status IN ('pratinjau','diterapkan','gagal','usang')),
                  -- pratinjau: waiting for an admin; diterapkan: applied; gagal: the pull failed
                  -- (nothing to apply); usang: superseded by a newer pull of the instansi
  nip_diminta     INTEGER NOT NULL DEFAULT 0, -- how many NIPs were asked of SIASN
  pesan           TEXT,                       -- gagal: why (Indonesian); pratinjau: blocking problem
  siklus          TEXT,                       -- JSON array of atasan cycles the changes would create (apply refused)
  catatan         TEXT,                       -- JSON array: what could not be compared and why (Indonesian)
  unor            TEXT,                       -- JSON: the SIASN unor rows the changes refer to (to create units)
  dibuat          INTEGER NOT NULL,           -- unix s
  dibuat_oleh     INTEGER REFERENCES pengguna(id),   -- NULL = command line
  diterapkan      INTEGER,                    -- unix s
  diterapkan_oleh INTEGER REFERENCES pengguna(id)
);
CREATE INDEX siasn_tarikan_instansi ON siasn_tarikan (instansi_id, id);

-- One previewed change of one pegawai.  jenis: baru (in SIASN, not here), berubah (fields
-- differ), tidak_ada (here, not in SIASN: shown, never applied).  isi is JSON:
-- {"nip", "siasn_id", "sebelum": {...}, "sesudah": {...}, "kolom": ["nama","golongan",
-- "jabatan","unit_kerja","atasan"]} with names next to ids so an admin reads it as is.
CREATE TABLE siasn_perubahan (
  id          INTEGER PRIMARY KEY,
  tarikan_id  INTEGER NOT NULL REFERENCES siasn_tarikan(id),
  jenis       TEXT    NOT NULL CHECK (jenis IN ('baru','berubah','tidak_ada')),
  nip         TEXT    NOT NULL,
  pegawai_id  INTEGER REFERENCES pegawai(id),   -- NULL for baru
  atasan      INTEGER NOT NULL DEFAULT 0,       -- 1 when the atasan changes (shown first)
  isi         TEXT    NOT NULL
);
CREATE INDEX siasn_perubahan_tarikan ON siasn_perubahan (tarikan_id, id);

-- Every exchange with SIASN (one row per logical request, retries counted in percobaan).
-- Never holds a secret: no header, no token, no request body beyond a summary.
CREATE TABLE siasn_log (
  id          INTEGER PRIMARY KEY,
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),
  waktu       INTEGER NOT NULL,    -- unix s, when the exchange ended
  arah        TEXT    NOT NULL CHECK (arah IN ('tarik','kirim','token')),   -- pull, push, OAuth token
  metode      TEXT    NOT NULL,    -- GET | POST
  jalur       TEXT    NOT NULL,    -- path below the base URL, e.g. /pns/data-utama/1986...
  ringkasan   TEXT,                -- request summary without secrets (e.g. penilaian 12, tahun 2026)
  http_status INTEGER,             -- last HTTP status; NULL = no answer (timeout, refused)
  percobaan   INTEGER NOT NULL,    -- attempts made (retries after 5xx, 429, timeouts)
  hasil       TEXT    NOT NULL CHECK (hasil IN ('ok','gagal','dilewati')),
  pesan       TEXT,                -- SIASN's message, or ours (malformed JSON, timeout)
  saran       TEXT,                -- what to do next, in Indonesian
  tarikan_id  INTEGER REFERENCES siasn_tarikan(id),   -- the pull it belonged to
  penilaian_id INTEGER REFERENCES penilaian(id)       -- the penilaian it pushed
);
CREATE INDEX siasn_log_instansi ON siasn_log (instansi_id, id);
