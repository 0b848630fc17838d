-- 007_masukan_publik.sql: feedback from the public served (masyarakat), through a public link
-- and QR code per unit or pegawai (issue 6 point 7).  No login; one answer per device per day;
-- rate-limited per client; shown aggregated to the atasan.

CREATE TABLE kode_publik (
  kode        TEXT    PRIMARY KEY,     -- random, in the public URL and the QR code
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),
  target      TEXT    NOT NULL CHECK (target IN ('unit','pegawai')),
  target_id   INTEGER NOT NULL,
  aktif       INTEGER NOT NULL DEFAULT 1,
  dibuat      INTEGER NOT NULL,
  UNIQUE (target, target_id)
);

CREATE TABLE masukan_publik (
  id        INTEGER PRIMARY KEY,
  kode      TEXT    NOT NULL REFERENCES kode_publik(kode),
  skor      INTEGER NOT NULL CHECK (skor BETWEEN 1 AND 5),
  komentar  TEXT,
  perangkat TEXT    NOT NULL,           -- BLAKE2b of the client's device token (not the token)
  klien     TEXT    NOT NULL,           -- BLAKE2b of the client address (for rate limits only)
  tanggal   TEXT    NOT NULL,           -- YYYY-MM-DD (WIB)
  dibuat    INTEGER NOT NULL,
  UNIQUE (kode, perangkat, tanggal)
);
CREATE INDEX masukan_publik_klien ON masukan_publik (klien, dibuat);
CREATE INDEX masukan_publik_kode ON masukan_publik (kode, dibuat);
