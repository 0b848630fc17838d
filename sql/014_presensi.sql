-- 013: presensi (attendance) for tukin/TPP (issue 9): work schedules, the daily check-in and
-- check-out records imported from fingerprint machines and attendance apps, statuses that are
-- not deductions (entered by HR), and the saved column mapping of each import source.
CREATE TABLE jadwal_kerja (
  id              INTEGER PRIMARY KEY,
  instansi_id     INTEGER NOT NULL REFERENCES instansi(id),
  unit_kerja_id   INTEGER REFERENCES unit_kerja(id),    -- NULL: the instansi's default
  nama            TEXT    NOT NULL,
  hari_kerja      INTEGER NOT NULL DEFAULT 5 CHECK (hari_kerja IN (5, 6)),
  masuk           TEXT    NOT NULL,                     -- HH:MM
  pulang          TEXT    NOT NULL,                     -- HH:MM, Monday-Thursday (and Friday unless set)
  pulang_jumat    TEXT,                                 -- HH:MM on Fridays
  pulang_sabtu    TEXT,                                 -- HH:MM on Saturdays (6-day week)
  ramadan_mulai   TEXT,                                 -- YYYY-MM-DD .. inclusive
  ramadan_selesai TEXT,
  ramadan_masuk   TEXT,
  ramadan_pulang  TEXT,
  diubah          INTEGER NOT NULL,
  UNIQUE (instansi_id, unit_kerja_id)
);

CREATE TABLE presensi (
  pegawai_id  INTEGER NOT NULL REFERENCES pegawai(id),
  tanggal     TEXT    NOT NULL,              -- YYYY-MM-DD
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),
  masuk       TEXT,                          -- HH:MM, NULL when not recorded
  pulang      TEXT,
  sumber      TEXT    NOT NULL,              -- the import source's name, or 'api'
  baris       INTEGER,                       -- line of the imported file
  diubah      INTEGER NOT NULL,
  PRIMARY KEY (pegawai_id, tanggal)
);
CREATE INDEX presensi_instansi_tanggal ON presensi (instansi_id, tanggal);

CREATE TABLE presensi_status (
  id          INTEGER PRIMARY KEY,
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),
  pegawai_id  INTEGER NOT NULL REFERENCES pegawai(id),
  status      TEXT    NOT NULL CHECK (status IN ('cuti','dinas_luar','sakit_dengan_surat','tugas_belajar')),
  dari        TEXT    NOT NULL,              -- YYYY-MM-DD, inclusive
  sampai      TEXT    NOT NULL,
  keterangan  TEXT,
  dibuat_oleh INTEGER REFERENCES pengguna(id),
  dibuat      INTEGER NOT NULL
);
CREATE INDEX presensi_status_pegawai ON presensi_status (pegawai_id, dari);

CREATE TABLE presensi_sumber (
  id          INTEGER PRIMARY KEY,
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),
  nama        TEXT    NOT NULL,
  pemetaan    TEXT    NOT NULL,              -- JSON: columns of nip, tanggal, masuk, pulang; format_tanggal
  diubah      INTEGER NOT NULL,
  UNIQUE (instansi_id, nama)
);
