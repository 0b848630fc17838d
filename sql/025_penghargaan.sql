-- 025_penghargaan.sql: recognition (issue 14 part 5): rules per instansi, the piagam issued by
-- the pimpinan, and the pegawai's consent to show it to colleagues.
CREATE TABLE penghargaan_aturan (
  id          INTEGER PRIMARY KEY,
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),
  nama        TEXT    NOT NULL,   -- shown on the list and printed on the piagam
  jenis       TEXT    NOT NULL CHECK (jenis IN ('sangat_baik_berturut','inovasi_tahun')),
  jumlah      INTEGER NOT NULL CHECK (jumlah BETWEEN 1 AND 12),
              -- sangat_baik_berturut: N consecutive final periodic penilaian Sangat Baik;
              -- inovasi_tahun: at least N validated innovations in the year
  aktif       INTEGER NOT NULL DEFAULT 1,
  dibuat      INTEGER NOT NULL,
  diubah      INTEGER NOT NULL,
  UNIQUE (instansi_id, nama)
);

CREATE TABLE penghargaan (
  id            INTEGER PRIMARY KEY,
  instansi_id   INTEGER NOT NULL REFERENCES instansi(id),
  aturan_id     INTEGER NOT NULL REFERENCES penghargaan_aturan(id),
  pegawai_id    INTEGER NOT NULL REFERENCES pegawai(id),
  unit_kerja_id INTEGER REFERENCES unit_kerja(id),   -- the pegawai's unit when issued
  tahun         INTEGER NOT NULL,
  nomor         TEXT    NOT NULL,   -- piagam number, e.g. 'PGH/2026/0001'
  alasan        TEXT    NOT NULL,   -- why the rule was met, as computed at issuance
  diterbitkan_oleh INTEGER NOT NULL REFERENCES pengguna(id),
  penerbit_nama TEXT    NOT NULL,   -- the signer's name printed on the piagam
  penerbit_jabatan TEXT NOT NULL,
  diterbitkan   INTEGER NOT NULL,
  persetujuan   INTEGER NOT NULL DEFAULT 0,   -- 1: the pegawai agrees it is shown to colleagues
  persetujuan_diubah INTEGER,
  UNIQUE (aturan_id, pegawai_id, tahun),
  UNIQUE (instansi_id, nomor)
);
CREATE INDEX penghargaan_pegawai ON penghargaan (pegawai_id);
CREATE INDEX penghargaan_unit ON penghargaan (unit_kerja_id, tahun);
