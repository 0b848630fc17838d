-- 023: capaian kinerja organisasi (issue 15 part 2).  Quarterly and annual realisasi of each IKU
-- and PK indicator with evidence links, the closing of a quarter, the instansi's thresholds of
-- the suggested predikat organisasi (UNCONFIRMED: not in the regulation), and on the existing
-- predikat_organisasi (sql/004) what the pimpinan confirmed it from.

-- Realisasi of one indicator (an IKU or a PK indicator) in one period of a year.
CREATE TABLE realisasi_organisasi (
  id           INTEGER PRIMARY KEY,
  instansi_id  INTEGER NOT NULL REFERENCES instansi(id),
  jenis        TEXT    NOT NULL CHECK (jenis IN ('iku','pk')),
  indikator_id INTEGER NOT NULL,                    -- iku.id or pk_indikator.id, by jenis
  tahun        INTEGER NOT NULL,
  periode      INTEGER NOT NULL CHECK (periode BETWEEN 1 AND 5),  -- triwulan I..IV = 1..4, 5 = tahunan
  realisasi    TEXT    NOT NULL,                    -- exact decimal, '.' separator
  catatan      TEXT,                                -- explanation / analysis of the capaian
  bukti        TEXT,                                -- JSON array of {nama, url}: evidence links
  oleh         INTEGER REFERENCES pengguna(id),     -- who entered it last
  diubah       INTEGER NOT NULL,
  UNIQUE (jenis, indikator_id, tahun, periode)
);
CREATE INDEX realisasi_organisasi_instansi ON realisasi_organisasi (instansi_id, tahun);

-- A period closed for realisasi (a closed period refuses new or changed realisasi).
CREATE TABLE periode_organisasi (
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),
  tahun       INTEGER NOT NULL,
  periode     INTEGER NOT NULL CHECK (periode BETWEEN 1 AND 5),
  ditutup     INTEGER NOT NULL DEFAULT 1,           -- 1 closed, 0 reopened
  oleh        INTEGER REFERENCES pengguna(id),
  diubah      INTEGER NOT NULL,
  PRIMARY KEY (instansi_id, tahun, periode)
);

-- Thresholds (capaian in percent, exact decimals) of the suggested predikat organisasi.
-- UNCONFIRMED: the regulation gives none; defaults 110 / 90 / 70 / 50.
CREATE TABLE ambang_predikat_organisasi (
  instansi_id     INTEGER PRIMARY KEY REFERENCES instansi(id),
  istimewa        TEXT    NOT NULL DEFAULT '110',   -- capaian >= this: Istimewa
  baik            TEXT    NOT NULL DEFAULT '90',    -- >= this: Baik
  butuh_perbaikan TEXT    NOT NULL DEFAULT '70',    -- >= this: Butuh Perbaikan
  kurang          TEXT    NOT NULL DEFAULT '50',    -- >= this: Kurang; below: Sangat Kurang
  diubah          INTEGER NOT NULL
);

-- What a confirmed predikat organisasi was based on (NULL when set by hand as before).
ALTER TABLE predikat_organisasi ADD COLUMN usulan TEXT;    -- the suggested predikat at confirmation
ALTER TABLE predikat_organisasi ADD COLUMN capaian TEXT;   -- the unit's capaian (percent) it came from
