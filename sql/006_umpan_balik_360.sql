-- 006_umpan_balik_360.sql: 360-degree feedback on the BerAKHLAK values (issue 6 point 7).
-- Answers carry no respondent: who has answered is kept apart (to allow one answer each), and
-- results are shown only aggregated and only from 3 answers on.

CREATE TABLE putaran_360 (
  id          INTEGER PRIMARY KEY,
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),
  pegawai_id  INTEGER NOT NULL REFERENCES pegawai(id),   -- the pegawai being assessed
  dibuka_oleh INTEGER NOT NULL REFERENCES pengguna(id),
  tahun       INTEGER NOT NULL,
  status      TEXT    NOT NULL DEFAULT 'terbuka' CHECK (status IN ('terbuka','ditutup')),
  dibuat      INTEGER NOT NULL,
  ditutup     INTEGER
);
CREATE INDEX putaran_360_pegawai ON putaran_360 (pegawai_id, tahun);

CREATE TABLE responden_360 (
  putaran_id INTEGER NOT NULL REFERENCES putaran_360(id),
  pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
  peran      TEXT    NOT NULL CHECK (peran IN ('rekan','bawahan','atasan')),
  sudah      INTEGER NOT NULL DEFAULT 0,                  -- 1 = answered (the answer itself is not linked)
  PRIMARY KEY (putaran_id, pegawai_id)
);
CREATE INDEX responden_360_pegawai ON responden_360 (pegawai_id, sudah);

CREATE TABLE jawaban_360 (
  id         INTEGER PRIMARY KEY,
  putaran_id INTEGER NOT NULL REFERENCES putaran_360(id),
  peran      TEXT    NOT NULL,                            -- rekan | bawahan | atasan (for the breakdown)
  nilai      INTEGER NOT NULL CHECK (nilai BETWEEN 1 AND 7),   -- BerAKHLAK value
  skor       INTEGER NOT NULL CHECK (skor BETWEEN 1 AND 5),
  komentar   TEXT
);
CREATE INDEX jawaban_360_putaran ON jawaban_360 (putaran_id, nilai);
