-- 011: report exports run as background jobs (issue 8): one row per request, its progress and
-- the file it produced (below the data directory, laporan/<id>.<format>).  `kunci` identifies
-- the report (kind, format, scope, year); with `versi_data` (the audit chain's last id when it
-- was asked for) it lets the same report be served again until something changes.
CREATE TABLE laporan_ekspor (
  id          INTEGER PRIMARY KEY,
  instansi_id INTEGER REFERENCES instansi(id),
  pengguna_id INTEGER NOT NULL REFERENCES pengguna(id),
  jenis       TEXT    NOT NULL CHECK (jenis IN ('rekap_pegawai')),
  format      TEXT    NOT NULL CHECK (format IN ('xlsx','csv')),
  parameter   TEXT    NOT NULL,                 -- JSON: unit_kerja_id, atasan_id, tahun, judul
  kunci       TEXT    NOT NULL,
  versi_data  INTEGER NOT NULL,
  status      TEXT    NOT NULL DEFAULT 'antri' CHECK (status IN ('antri','jalan','selesai','gagal')),
  progres     INTEGER NOT NULL DEFAULT 0 CHECK (progres BETWEEN 0 AND 100),
  baris       INTEGER NOT NULL DEFAULT 0,
  total       INTEGER NOT NULL DEFAULT 0,
  ukuran      INTEGER NOT NULL DEFAULT 0,       -- bytes of the file
  galat       TEXT,                             -- why it failed (Indonesian)
  dibuat      INTEGER NOT NULL,
  mulai       INTEGER,
  selesai     INTEGER
);
CREATE INDEX laporan_ekspor_pengguna ON laporan_ekspor (pengguna_id, id);
CREATE INDEX laporan_ekspor_status ON laporan_ekspor (status, id);
CREATE INDEX laporan_ekspor_kunci ON laporan_ekspor (pengguna_id, kunci, versi_data);
