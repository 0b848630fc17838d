-- 001_init.sql: the foundation schema of kinerja.
-- Portable SQL for SQLite and PostgreSQL; see sql/README.md for the few dialect rules.
-- Timestamps that only the system reads are INTEGER unix seconds (UTC); calendar dates are
-- TEXT 'YYYY-MM-DD' (ISO 8601), interpreted in the instansi's timezone.

-- One row per applied migration (written by the runner, not by this file).
CREATE TABLE IF NOT EXISTS schema_version (
  version    INTEGER NOT NULL PRIMARY KEY, -- migration number (001 -> 1)
  applied_at INTEGER NOT NULL              -- unix seconds when applied
);

-- A government agency; one tenant.
CREATE TABLE instansi (
  id         INTEGER PRIMARY KEY,
  kode       TEXT    NOT NULL UNIQUE,   -- short code, e.g. SIASN instansi id or 'PEMKOT-BDG'
  nama       TEXT    NOT NULL,          -- full name
  zona_waktu TEXT    NOT NULL DEFAULT 'WIB' CHECK (zona_waktu IN ('WIB','WITA','WIT')),
  aktif      INTEGER NOT NULL DEFAULT 1, -- 0 = deactivated (never deleted)
  dibuat     INTEGER NOT NULL            -- created, unix seconds
);

-- Organisational unit (UNOR); a tree per instansi.
CREATE TABLE unit_kerja (
  id          INTEGER PRIMARY KEY,
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),
  induk_id    INTEGER REFERENCES unit_kerja(id), -- parent unit; NULL for the top
  kode        TEXT,                              -- optional code (SIASN unor id)
  nama        TEXT    NOT NULL,
  aktif       INTEGER NOT NULL DEFAULT 1,
  UNIQUE (instansi_id, kode)
);
CREATE INDEX unit_kerja_instansi_nama ON unit_kerja (instansi_id, nama);
CREATE INDEX unit_kerja_induk ON unit_kerja (induk_id);

-- Position.  jenis: jpt, administrator, pengawas, pelaksana, fungsional.
-- For fungsional: kategori keahlian|keterampilan and jenjang (Ahli Pertama .. Penyelia).
-- For jpt: jenjang Utama|Madya|Pratama.
CREATE TABLE jabatan (
  id            INTEGER PRIMARY KEY,
  instansi_id   INTEGER NOT NULL REFERENCES instansi(id),
  nama          TEXT    NOT NULL,
  jenis         TEXT    NOT NULL CHECK (jenis IN ('jpt','administrator','pengawas','pelaksana','fungsional')),
  kategori      TEXT    CHECK (kategori IN ('keahlian','keterampilan')),
  jenjang       TEXT,
  kelas_jabatan INTEGER CHECK (kelas_jabatan BETWEEN 1 AND 17), -- used by tukin/TPP
  aktif         INTEGER NOT NULL DEFAULT 1,
  UNIQUE (instansi_id, nama)
);

-- Employee (PNS or PPPK).  The current jabatan/unit/atasan live here for fast reads; their
-- history with effective dates lives in pegawai_riwayat.
CREATE TABLE pegawai (
  id             INTEGER PRIMARY KEY,
  instansi_id    INTEGER NOT NULL REFERENCES instansi(id),
  nip            TEXT    NOT NULL UNIQUE,   -- 18-digit NIP or NI PPPK, national identity
  nama           TEXT    NOT NULL,          -- name without titles
  gelar_depan    TEXT,                      -- e.g. 'Dr.', 'Ir.'
  gelar_belakang TEXT,                      -- e.g. 'S.Kom., M.T.'
  jenis_kelamin  TEXT    NOT NULL CHECK (jenis_kelamin IN ('L','P')),
  tanggal_lahir  TEXT    NOT NULL,          -- YYYY-MM-DD
  jenis_asn      TEXT    NOT NULL CHECK (jenis_asn IN ('PNS','PPPK')),
  golongan       TEXT,                      -- 'III/a' (PNS) or 'IX' (PPPK)
  jabatan_id     INTEGER REFERENCES jabatan(id),
  unit_kerja_id  INTEGER REFERENCES unit_kerja(id),
  atasan_id      INTEGER REFERENCES pegawai(id), -- atasan langsung today
  email          TEXT,
  aktif          INTEGER NOT NULL DEFAULT 1,
  diubah         INTEGER NOT NULL           -- last change, unix seconds
);
CREATE INDEX pegawai_instansi_nama ON pegawai (instansi_id, nama, id);
CREATE INDEX pegawai_instansi_nip ON pegawai (instansi_id, nip);
CREATE INDEX pegawai_atasan ON pegawai (atasan_id);
CREATE INDEX pegawai_unit ON pegawai (unit_kerja_id);

-- History of jabatan, unit and atasan with effective dates (mutasi).  The open row has
-- selesai NULL.  mulai is inclusive, selesai exclusive.
CREATE TABLE pegawai_riwayat (
  id            INTEGER PRIMARY KEY,
  pegawai_id    INTEGER NOT NULL REFERENCES pegawai(id),
  jabatan_id    INTEGER REFERENCES jabatan(id),
  unit_kerja_id INTEGER REFERENCES unit_kerja(id),
  atasan_id     INTEGER REFERENCES pegawai(id),
  golongan      TEXT,
  mulai         TEXT    NOT NULL,  -- YYYY-MM-DD, first day in effect
  selesai       TEXT,              -- YYYY-MM-DD, first day no longer in effect; NULL = current
  sumber        TEXT    NOT NULL,  -- 'api', 'import', 'demo', 'siasn'
  dibuat        INTEGER NOT NULL
);
CREATE INDEX pegawai_riwayat_pegawai ON pegawai_riwayat (pegawai_id, mulai);

-- Login account.  peran is a bit set: 1 admin instansi, 2 pimpinan, 4 auditor, 8 superadmin.
-- The pegawai role is implied by pegawai_id; atasan is derived from the organisation.
CREATE TABLE pengguna (
  id              INTEGER PRIMARY KEY,
  instansi_id     INTEGER REFERENCES instansi(id), -- NULL only for superadmin
  pegawai_id      INTEGER UNIQUE REFERENCES pegawai(id),
  username        TEXT    NOT NULL UNIQUE,
  password_hash   TEXT    NOT NULL,                -- argon2id, libsodium crypto_pwhash_str
  peran           INTEGER NOT NULL DEFAULT 0,
  aktif           INTEGER NOT NULL DEFAULT 1,
  gagal_login     INTEGER NOT NULL DEFAULT 0,      -- consecutive failed logins
  terkunci_sampai INTEGER NOT NULL DEFAULT 0,      -- locked until, unix seconds
  sandi_diubah    INTEGER NOT NULL,                -- password last changed, unix seconds
  dibuat          INTEGER NOT NULL
);

-- Browser session.  Only the BLAKE2b hash of the cookie value is stored.
CREATE TABLE sesi (
  id          INTEGER PRIMARY KEY,
  token_hash  TEXT    NOT NULL UNIQUE,
  pengguna_id INTEGER NOT NULL REFERENCES pengguna(id),
  csrf        TEXT    NOT NULL,     -- CSRF token for cookie-authenticated writes
  dibuat      INTEGER NOT NULL,
  dipakai     INTEGER NOT NULL,     -- last use (idle expiry)
  berakhir    INTEGER NOT NULL      -- absolute expiry
);
CREATE INDEX sesi_pengguna ON sesi (pengguna_id);

-- Bearer token for integrations.  Only the hash is stored.  cakupan: 'read' or 'write'.
CREATE TABLE token_api (
  id          INTEGER PRIMARY KEY,
  pengguna_id INTEGER NOT NULL REFERENCES pengguna(id),
  nama        TEXT    NOT NULL,
  token_hash  TEXT    NOT NULL UNIQUE,
  cakupan     TEXT    NOT NULL CHECK (cakupan IN ('read','write')),
  dibuat      INTEGER NOT NULL,
  dipakai     INTEGER,              -- last use
  dicabut     INTEGER               -- revoked at; NULL = valid
);
CREATE INDEX token_api_pengguna ON token_api (pengguna_id);

-- Tamper-evident audit log.  hash = BLAKE2b-256(prev_hash | id | waktu | ... ) as hex, see
-- src/audit.c for the exact serialization.  The head of the chain is also kept in audit_kepala
-- so that deleting the newest records is detected.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  instansi_id INTEGER,              -- NULL for system-wide events
  waktu       INTEGER NOT NULL,     -- unix milliseconds
  pengguna_id INTEGER,              -- actor; NULL for system/CLI
  aksi        TEXT    NOT NULL,     -- e.g. 'pegawai.create', 'auth.login'
  entitas     TEXT    NOT NULL,     -- table name
  entitas_id  INTEGER,
  sebelum     TEXT,                 -- JSON before (NULL on create)
  sesudah     TEXT,                 -- JSON after (NULL on delete)
  request_id  TEXT,
  hash_prev   TEXT    NOT NULL,
  hash        TEXT    NOT NULL
);
CREATE INDEX audit_log_entitas ON audit_log (entitas, entitas_id, id);
CREATE INDEX audit_log_pengguna ON audit_log (pengguna_id, id);
CREATE INDEX audit_log_instansi_waktu ON audit_log (instansi_id, waktu);

CREATE TABLE audit_kepala (
  satu    INTEGER PRIMARY KEY CHECK (satu = 1), -- single row
  last_id INTEGER NOT NULL,
  hash    TEXT    NOT NULL
);
