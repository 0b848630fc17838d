-- 003_aktivitas.sql: doing the work (issue 5): settings per instansi, holidays, rencana aksi,
-- daily activities with review, idempotent writes, realisasi, bukti dukung (evidence) and
-- continuous feedback.  Portable SQL (sql/README.md).

-- Rules per instansi (the defaults are the common practice; every value is editable).
CREATE TABLE pengaturan (
  instansi_id        INTEGER PRIMARY KEY REFERENCES instansi(id),
  menit_maks_harian  INTEGER NOT NULL DEFAULT 450 CHECK (menit_maks_harian BETWEEN 60 AND 1440), -- effective minutes per day
  hari_mundur        INTEGER NOT NULL DEFAULT 7 CHECK (hari_mundur BETWEEN 0 AND 366),   -- how many days back one may log
  akhir_pekan        INTEGER NOT NULL DEFAULT 0,    -- 1 = activities on Saturday/Sunday allowed
  hari_libur         INTEGER NOT NULL DEFAULT 0,    -- 1 = activities on holidays allowed
  bukti_maks_bytes   INTEGER NOT NULL DEFAULT 10485760,   -- per evidence file
  bukti_kuota_bytes  INTEGER NOT NULL DEFAULT 524288000,  -- per pegawai
  diubah             INTEGER NOT NULL
);

-- Public holidays and cuti bersama per instansi.
CREATE TABLE hari_libur (
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),
  tanggal     TEXT    NOT NULL,   -- YYYY-MM-DD
  nama        TEXT    NOT NULL,
  PRIMARY KEY (instansi_id, tanggal)
);

-- Rencana aksi: concrete actions planned per RHK per month (1-12) of the SKP's year.
CREATE TABLE rencana_aksi (
  id            INTEGER PRIMARY KEY,
  skp_id        INTEGER NOT NULL REFERENCES skp(id),
  rhk_id        INTEGER NOT NULL REFERENCES rhk(id),
  bulan         INTEGER NOT NULL CHECK (bulan BETWEEN 1 AND 12),
  uraian        TEXT    NOT NULL,
  target_angka  TEXT,             -- exact decimal as text
  target_satuan TEXT,
  dibuat        INTEGER NOT NULL,
  diubah        INTEGER NOT NULL
);
CREATE INDEX rencana_aksi_rhk ON rencana_aksi (rhk_id, bulan);
CREATE INDEX rencana_aksi_skp ON rencana_aksi (skp_id, bulan);

-- A logged activity.  rhk_id NULL = tugas tambahan outside the SKP.  penilai_id is who
-- reviews it (the penilai of the SKP covering the date, else the atasan).
CREATE TABLE aktivitas (
  id              INTEGER PRIMARY KEY,
  instansi_id     INTEGER NOT NULL REFERENCES instansi(id),
  pegawai_id      INTEGER NOT NULL REFERENCES pegawai(id),
  penilai_id      INTEGER REFERENCES pegawai(id),
  skp_id          INTEGER REFERENCES skp(id),
  rhk_id          INTEGER REFERENCES rhk(id),
  rencana_aksi_id INTEGER REFERENCES rencana_aksi(id),
  tanggal         TEXT    NOT NULL,           -- YYYY-MM-DD in the instansi's timezone
  jam_mulai       TEXT,                       -- HH:MM, optional
  jam_selesai     TEXT,                       -- HH:MM, optional
  menit           INTEGER NOT NULL CHECK (menit BETWEEN 1 AND 1440),  -- effective minutes
  uraian          TEXT    NOT NULL,
  kuantitas       TEXT,                       -- output quantity, exact decimal as text
  satuan          TEXT,
  lokasi          TEXT,
  status          TEXT    NOT NULL DEFAULT 'diajukan'
                  CHECK (status IN ('diajukan','disetujui','dikembalikan')),
  catatan_review  TEXT,                       -- the reviewer's note when returned
  direview_oleh   INTEGER REFERENCES pegawai(id),
  direview        INTEGER,                    -- unix seconds
  sumber          TEXT    NOT NULL DEFAULT 'web',   -- web | api | batch | demo
  dibuat          INTEGER NOT NULL,
  diubah          INTEGER NOT NULL,
  dihapus         INTEGER NOT NULL DEFAULT 0  -- 1 = withdrawn by the pegawai (kept for the audit trail)
);
CREATE INDEX aktivitas_pegawai_tanggal ON aktivitas (pegawai_id, tanggal);
CREATE INDEX aktivitas_penilai_status ON aktivitas (penilai_id, status, tanggal);
CREATE INDEX aktivitas_rhk ON aktivitas (rhk_id, tanggal);

-- Idempotent writes: the first answer to (user, Idempotency-Key) is kept and replayed.
CREATE TABLE idempotensi (
  pengguna_id INTEGER NOT NULL REFERENCES pengguna(id),
  kunci       TEXT    NOT NULL,     -- the client's Idempotency-Key
  permintaan  TEXT    NOT NULL,     -- BLAKE2b of method, path and body: a reused key with another request is refused
  status      INTEGER NOT NULL,     -- HTTP status of the first answer
  respons     TEXT    NOT NULL,     -- its JSON body
  dibuat      INTEGER NOT NULL,
  PRIMARY KEY (pengguna_id, kunci)
);
CREATE INDEX idempotensi_dibuat ON idempotensi (dibuat);

-- Realisasi of an IKI for a month (1-12) of the SKP's year.
CREATE TABLE realisasi (
  id             INTEGER PRIMARY KEY,
  skp_id         INTEGER NOT NULL REFERENCES skp(id),
  iki_id         INTEGER NOT NULL REFERENCES iki(id),
  bulan          INTEGER NOT NULL CHECK (bulan BETWEEN 1 AND 12),
  nilai_angka    TEXT,               -- kuantitatif: exact decimal as text
  nilai_teks     TEXT,               -- kualitatif: a statement
  catatan        TEXT,
  status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','diajukan','disetujui','dikembalikan')),
  catatan_review TEXT,
  direview_oleh  INTEGER REFERENCES pegawai(id),
  direview       INTEGER,
  dibuat         INTEGER NOT NULL,
  diubah         INTEGER NOT NULL,
  UNIQUE (iki_id, bulan)
);
CREATE INDEX realisasi_skp ON realisasi (skp_id, bulan);

-- Evidence: a stored file (content-addressed by SHA-256, encrypted at rest) or a link.
CREATE TABLE bukti (
  id          INTEGER PRIMARY KEY,
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),
  pegawai_id  INTEGER NOT NULL REFERENCES pegawai(id),   -- owner (counts against their quota)
  jenis       TEXT    NOT NULL CHECK (jenis IN ('berkas','tautan')),
  sha256      TEXT,               -- hex SHA-256 of the plaintext (berkas)
  nama        TEXT    NOT NULL,   -- display name (sanitised file name, or the link title)
  mime        TEXT,               -- sniffed from the content (berkas)
  ukuran      INTEGER NOT NULL DEFAULT 0,   -- plaintext bytes (berkas)
  url         TEXT,               -- http(s) link (tautan)
  aktivitas_id INTEGER REFERENCES aktivitas(id),
  realisasi_id INTEGER REFERENCES realisasi(id),
  dibuat      INTEGER NOT NULL,
  dihapus     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX bukti_pegawai ON bukti (pegawai_id, dihapus);
CREATE INDEX bukti_sha ON bukti (sha256);
CREATE INDEX bukti_aktivitas ON bukti (aktivitas_id);
CREATE INDEX bukti_realisasi ON bukti (realisasi_id);

-- Continuous feedback and dialog kinerja notes, threaded, on an RHK, realisasi, aktivitas or SKP.
CREATE TABLE umpan_balik (
  id          INTEGER PRIMARY KEY,
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),
  skp_id      INTEGER NOT NULL REFERENCES skp(id),      -- the SKP the thread belongs to (access)
  entitas     TEXT    NOT NULL CHECK (entitas IN ('skp','rhk','realisasi','aktivitas')),
  entitas_id  INTEGER NOT NULL,
  induk_id    INTEGER REFERENCES umpan_balik(id),       -- reply to
  penulis_id  INTEGER NOT NULL REFERENCES pegawai(id),
  jenis       TEXT    NOT NULL DEFAULT 'umpan_balik' CHECK (jenis IN ('umpan_balik','dialog_kinerja')),
  tanggal     TEXT,                                     -- date of a dialog kinerja
  isi         TEXT    NOT NULL,
  dibuat      INTEGER NOT NULL
);
CREATE INDEX umpan_balik_entitas ON umpan_balik (entitas, entitas_id, id);
CREATE INDEX umpan_balik_skp ON umpan_balik (skp_id, id);

-- In-app inbox.
CREATE TABLE notifikasi (
  id          INTEGER PRIMARY KEY,
  pegawai_id  INTEGER NOT NULL REFERENCES pegawai(id),
  judul       TEXT    NOT NULL,
  isi         TEXT    NOT NULL,
  tautan      TEXT,               -- a UI path such as #/aktivitas/12
  dibaca      INTEGER NOT NULL DEFAULT 0,
  dibuat      INTEGER NOT NULL
);
CREATE INDEX notifikasi_pegawai ON notifikasi (pegawai_id, dibaca, id);
