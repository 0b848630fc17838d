-- 022: organisation targets (issue 15 part 1, SAKIP link).  The Renstra sasaran strategis of an
-- instansi or of one of its units with their Indikator Kinerja Utama (IKU) and yearly targets;
-- each unit's Perjanjian Kinerja (PK) for a year, indicator by indicator, linked to an IKU (or to
-- the PK indicator of the unit above it); and the link of an SKP RHK to a PK indicator, so that
-- every RHK can be traced up to an IKU through the existing cascade rhk.rhk_atasan_id.
-- Targets are exact decimals kept as text (rules/target.h), as in iki.target_angka.

-- A sasaran strategis of the Renstra (unit_kerja_id NULL: of the instansi, e.g. from the RPJMD).
CREATE TABLE sasaran_strategis (
  id            INTEGER PRIMARY KEY,
  instansi_id   INTEGER NOT NULL REFERENCES instansi(id),
  unit_kerja_id INTEGER REFERENCES unit_kerja(id),  -- the unit whose Renstra it is; NULL = instansi
  kode          TEXT,                               -- e.g. 'SS-1', free text
  sasaran       TEXT    NOT NULL,                   -- the statement, e.g. 'Meningkatnya mutu pendidikan dasar'
  tahun_mulai   INTEGER NOT NULL,                   -- first year of the Renstra period
  tahun_selesai INTEGER NOT NULL,                   -- last year (inclusive)
  dibuat        INTEGER NOT NULL,                   -- unix seconds
  diubah        INTEGER NOT NULL                    -- unix seconds
);
CREATE INDEX sasaran_strategis_instansi ON sasaran_strategis (instansi_id, tahun_mulai);

-- An Indikator Kinerja Utama of a sasaran strategis.
CREATE TABLE iku (
  id          INTEGER PRIMARY KEY,
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),
  sasaran_id  INTEGER NOT NULL REFERENCES sasaran_strategis(id),
  kode        TEXT,                                 -- e.g. 'IKU-1.1'
  indikator   TEXT    NOT NULL,                     -- e.g. 'Angka Partisipasi Murni SD'
  satuan      TEXT    NOT NULL,                     -- e.g. '%', 'indeks', 'kasus'
  arah        TEXT    NOT NULL DEFAULT 'naik' CHECK (arah IN ('naik','turun')),  -- turun: lower is better
  definisi    TEXT,                                 -- formula / definition, free text
  dibuat      INTEGER NOT NULL,
  diubah      INTEGER NOT NULL
);
CREATE INDEX iku_sasaran ON iku (sasaran_id);
CREATE INDEX iku_instansi ON iku (instansi_id);

-- The target of an IKU for one year of the Renstra period.
CREATE TABLE iku_target (
  iku_id INTEGER NOT NULL REFERENCES iku(id),
  tahun  INTEGER NOT NULL,
  target TEXT    NOT NULL,                          -- exact decimal, '.' separator
  PRIMARY KEY (iku_id, tahun)
);

-- One indicator of a unit's Perjanjian Kinerja for a year (sasaran, indikator, target, satuan).
CREATE TABLE pk_indikator (
  id            INTEGER PRIMARY KEY,
  instansi_id   INTEGER NOT NULL REFERENCES instansi(id),
  unit_kerja_id INTEGER NOT NULL REFERENCES unit_kerja(id),
  tahun         INTEGER NOT NULL,
  urutan        INTEGER NOT NULL DEFAULT 0,         -- order within the unit's PK
  sasaran       TEXT    NOT NULL,                   -- sasaran kegiatan/program of the PK
  indikator     TEXT    NOT NULL,
  target        TEXT    NOT NULL,                   -- exact decimal, '.' separator
  satuan        TEXT    NOT NULL,
  arah          TEXT    NOT NULL DEFAULT 'naik' CHECK (arah IN ('naik','turun')),
  iku_id        INTEGER REFERENCES iku(id),         -- the IKU it supports (same instansi)
  induk_id      INTEGER REFERENCES pk_indikator(id),-- or the PK indicator of a unit above it
  dibuat        INTEGER NOT NULL,
  diubah        INTEGER NOT NULL
);
CREATE INDEX pk_indikator_unit ON pk_indikator (unit_kerja_id, tahun, urutan);
CREATE INDEX pk_indikator_iku ON pk_indikator (iku_id, tahun);
CREATE INDEX pk_indikator_induk ON pk_indikator (induk_id);
CREATE INDEX pk_indikator_instansi ON pk_indikator (instansi_id, tahun);

-- The PK indicator an RHK is derived from (JPT and unit heads); bawahan RHK reach it through
-- rhk_atasan_id.
ALTER TABLE rhk ADD COLUMN pk_indikator_id INTEGER REFERENCES pk_indikator(id);
CREATE INDEX rhk_pk_indikator ON rhk (pk_indikator_id);
