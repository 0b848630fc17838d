-- 015: tunjangan kinerja / TPP (issue 9).  Rule tables are data: one JSON document per table
-- (the format of `kinerja hitung tukin`'s "aturan", docs/tpp.md), checked by rules/tpp.c when
-- saved.  A table is edited while it is a draft; once active (from a month on) it is kept as it
-- was, and a change is a new table.  A month is computed as a draft, recomputed as often as
-- needed, then approved, which locks it.
CREATE TABLE tpp_aturan (
  id            INTEGER PRIMARY KEY,
  instansi_id   INTEGER NOT NULL REFERENCES instansi(id),
  nama          TEXT    NOT NULL,
  status        TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','aktif')),
  berlaku_mulai TEXT,                          -- YYYY-MM from which an active table applies
  isi           TEXT    NOT NULL,              -- JSON rule table
  dari_preset   TEXT,                          -- preset it was copied from, if any
  dibuat        INTEGER NOT NULL,
  diubah        INTEGER NOT NULL
);
CREATE INDEX tpp_aturan_instansi ON tpp_aturan (instansi_id, status, berlaku_mulai);

-- Disciplinary sanctions that cut the allowance for some months.
CREATE TABLE tpp_sanksi (
  id          INTEGER PRIMARY KEY,
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),
  pegawai_id  INTEGER NOT NULL REFERENCES pegawai(id),
  kode        TEXT,
  persen      INTEGER NOT NULL CHECK (persen BETWEEN 0 AND 10000),   -- hundredths of a percent
  mulai       TEXT    NOT NULL,                                      -- YYYY-MM
  bulan       INTEGER NOT NULL CHECK (bulan BETWEEN 1 AND 36),
  keterangan  TEXT,
  dibuat      INTEGER NOT NULL
);
CREATE INDEX tpp_sanksi_pegawai ON tpp_sanksi (pegawai_id, mulai);

CREATE TABLE tpp_bulan (
  id            INTEGER PRIMARY KEY,
  instansi_id   INTEGER NOT NULL REFERENCES instansi(id),
  tahun         INTEGER NOT NULL,
  bulan         INTEGER NOT NULL CHECK (bulan BETWEEN 1 AND 12),
  aturan_id     INTEGER NOT NULL REFERENCES tpp_aturan(id),
  status        TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','disetujui')),
  pegawai       INTEGER NOT NULL DEFAULT 0,
  jumlah        INTEGER NOT NULL DEFAULT 0,      -- rupiah paid in total
  dihitung      INTEGER NOT NULL,
  disetujui     INTEGER,
  disetujui_oleh INTEGER REFERENCES pengguna(id),
  hash          TEXT,                            -- of the approved results (also in the audit chain)
  UNIQUE (instansi_id, tahun, bulan)
);

CREATE TABLE tpp_hasil (
  bulan_id      INTEGER NOT NULL REFERENCES tpp_bulan(id),
  pegawai_id    INTEGER NOT NULL REFERENCES pegawai(id),
  unit_kerja_id INTEGER REFERENCES unit_kerja(id),
  kelas_jabatan INTEGER,
  predikat      TEXT,
  dasar         INTEGER NOT NULL,
  kinerja       INTEGER NOT NULL,
  disiplin      INTEGER NOT NULL,
  potongan_persen INTEGER NOT NULL,              -- hundredths of a percent
  potongan_presensi INTEGER NOT NULL,
  potongan_sanksi INTEGER NOT NULL,
  jumlah        INTEGER NOT NULL,
  rincian       TEXT    NOT NULL,                -- JSON: every line of the explanation
  galat         TEXT,                            -- why this pegawai could not be computed
  PRIMARY KEY (bulan_id, pegawai_id)
);
CREATE INDEX tpp_hasil_unit ON tpp_hasil (bulan_id, unit_kerja_id);
