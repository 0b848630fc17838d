-- 005_keberatan.sql: appeal against a final penilaian (issue 6 point 6).  The pegawai objects
-- within the window set per instansi; the atasan of the pejabat penilai upholds or changes
-- the rating with a reason.

ALTER TABLE pengaturan ADD COLUMN keberatan_hari INTEGER NOT NULL DEFAULT 14;  -- days after finalisation

CREATE TABLE keberatan (
  id              INTEGER PRIMARY KEY,
  instansi_id     INTEGER NOT NULL REFERENCES instansi(id),
  penilaian_id    INTEGER NOT NULL REFERENCES penilaian(id),
  pegawai_id      INTEGER NOT NULL REFERENCES pegawai(id),   -- who objects
  pemutus_id      INTEGER REFERENCES pegawai(id),            -- the atasan of the pejabat penilai
  alasan          TEXT    NOT NULL,
  status          TEXT    NOT NULL DEFAULT 'diajukan' CHECK (status IN ('diajukan','ditolak','diterima')),
  rating_hasil    TEXT,    -- the decided ratings when changed
  rating_perilaku TEXT,
  alasan_putusan  TEXT,
  diputus         INTEGER,
  dibuat          INTEGER NOT NULL
);
CREATE INDEX keberatan_pemutus ON keberatan (pemutus_id, status);
CREATE INDEX keberatan_penilaian ON keberatan (penilaian_id);
