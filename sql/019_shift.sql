-- 019: shift rosters (issue 9): a pegawai's own hours on given days override the unit's schedule;
-- libur = 1 marks a roster day off.  Shifts end on the day they start (a shift across midnight
-- is not supported by the TPP engine yet).
CREATE TABLE jadwal_shift (
  pegawai_id  INTEGER NOT NULL REFERENCES pegawai(id),
  tanggal     TEXT    NOT NULL,              -- YYYY-MM-DD
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),
  masuk       TEXT,                          -- HH:MM; NULL when libur
  pulang      TEXT,
  libur       INTEGER NOT NULL DEFAULT 0,
  diubah      INTEGER NOT NULL,
  PRIMARY KEY (pegawai_id, tanggal)
);
