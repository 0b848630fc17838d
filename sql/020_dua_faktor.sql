-- Two-factor authentication (issue 11 item 1): TOTP (RFC 6238) with recovery codes.
-- Required for admin, pimpinan, auditor and superadmin after a grace period per instansi;
-- optional for the others.  API tokens and SSO logins are not affected.

-- One authenticator per account.  aktif = 0: enrolment started, not yet confirmed with a code.
CREATE TABLE dua_faktor (
  pengguna_id      INTEGER PRIMARY KEY REFERENCES pengguna(id),
  rahasia          TEXT    NOT NULL,            -- base64(nonce || secretbox(20-byte TOTP secret)), key derived from the evidence key
  aktif            INTEGER NOT NULL DEFAULT 0,  -- 1 = confirmed and in force
  langkah_terakhir INTEGER NOT NULL DEFAULT 0,  -- last accepted 30 s time step: a code is never accepted twice
  dibuat           INTEGER NOT NULL,            -- enrolment started, unix seconds
  diaktifkan       INTEGER                      -- confirmed, unix seconds
);

-- Single-use recovery codes; only a keyed BLAKE2b hash is stored.
CREATE TABLE kode_pemulihan (
  id          INTEGER PRIMARY KEY,
  pengguna_id INTEGER NOT NULL REFERENCES pengguna(id),
  kode_hash   TEXT    NOT NULL,                 -- 64 hex
  dipakai     INTEGER                           -- used at, unix seconds; NULL = still valid
);
CREATE INDEX kode_pemulihan_pengguna ON kode_pemulihan (pengguna_id, kode_hash);

-- A login that passed the password and waits for the second factor (not a session).
CREATE TABLE login_tertunda (
  id          INTEGER PRIMARY KEY,
  token_hash  TEXT    NOT NULL UNIQUE,          -- BLAKE2b of the token given to the client
  pengguna_id INTEGER NOT NULL REFERENCES pengguna(id),
  gagal       INTEGER NOT NULL DEFAULT 0,       -- wrong codes tried on this login
  berakhir    INTEGER NOT NULL                  -- unix seconds (5 minutes after the password)
);
CREATE INDEX login_tertunda_pengguna ON login_tertunda (pengguna_id);

ALTER TABLE pengguna ADD COLUMN gagal_2fa INTEGER NOT NULL DEFAULT 0;        -- consecutive wrong second-factor codes
ALTER TABLE pengguna ADD COLUMN wajib_2fa_sejak INTEGER;                     -- when 2FA first became required for the account (grace start)
ALTER TABLE pengguna ADD COLUMN wajib_2fa_ulang INTEGER NOT NULL DEFAULT 0;  -- 1 = an admin reset the factor: enrol again before working
ALTER TABLE sesi ADD COLUMN terbatas INTEGER NOT NULL DEFAULT 0;             -- 1 = may only enrol 2FA, read /auth/me and log out
ALTER TABLE pengaturan ADD COLUMN tenggang_2fa_hari INTEGER NOT NULL DEFAULT 7; -- grace days before 2FA is enforced (0 = at once)
