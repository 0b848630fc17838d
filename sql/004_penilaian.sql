-- 004_penilaian.sql: evaluation (issue 6): periodic and annual penilaian by the pejabat penilai,
-- feedback per RHK and per BerAKHLAK value, predikat organisasi per unit and the curve setting.
-- Portable SQL (sql/README.md).

-- How the pola distribusi is enforced and how small units round (UNCONFIRMED in DOMAIN.md).
ALTER TABLE pengaturan ADD COLUMN kurva_mode TEXT NOT NULL DEFAULT 'peringatan';   -- peringatan | blokir
ALTER TABLE pengaturan ADD COLUMN kurva_pembulatan TEXT NOT NULL DEFAULT 'tepat';  -- tepat | bawah | atas | terdekat

-- One penilaian of an SKP: periodik (periode_ke by the period's siklus) or tahunan (periode_ke 0).
CREATE TABLE penilaian (
  id              INTEGER PRIMARY KEY,
  instansi_id     INTEGER NOT NULL REFERENCES instansi(id),
  skp_id          INTEGER NOT NULL REFERENCES skp(id),
  pegawai_id      INTEGER NOT NULL REFERENCES pegawai(id),
  penilai_id      INTEGER NOT NULL REFERENCES pegawai(id),
  unit_kerja_id   INTEGER REFERENCES unit_kerja(id),     -- the pegawai's unit (for the curve)
  jenis           TEXT    NOT NULL CHECK (jenis IN ('periodik','tahunan')),
  periode_ke      INTEGER NOT NULL,    -- 1.. by siklus (bulanan 1-12, triwulanan 1-4, semesteran 1-2); 0 = tahunan
  mulai           TEXT    NOT NULL,    -- YYYY-MM-DD
  selesai         TEXT    NOT NULL,
  rating_hasil    TEXT CHECK (rating_hasil IN ('di_atas','sesuai','di_bawah')),
  rating_perilaku TEXT CHECK (rating_perilaku IN ('di_atas','sesuai','di_bawah')),
  predikat        TEXT CHECK (predikat IN ('sangat_baik','baik','butuh_perbaikan','kurang','sangat_kurang')),
  catatan         TEXT,                -- catatan / rekomendasi
  status          TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','final')),
  hash            TEXT,                -- BLAKE2b of the finalised content (also in the audit chain)
  difinalkan      INTEGER,
  dibuat          INTEGER NOT NULL,
  diubah          INTEGER NOT NULL,
  UNIQUE (skp_id, jenis, periode_ke)
);
CREATE INDEX penilaian_penilai ON penilaian (penilai_id, status);
CREATE INDEX penilaian_unit ON penilaian (unit_kerja_id, jenis, status);

CREATE TABLE penilaian_rhk (
  penilaian_id INTEGER NOT NULL REFERENCES penilaian(id),
  rhk_id       INTEGER NOT NULL REFERENCES rhk(id),
  umpan_balik  TEXT    NOT NULL,
  PRIMARY KEY (penilaian_id, rhk_id)
);

CREATE TABLE penilaian_perilaku (
  penilaian_id INTEGER NOT NULL REFERENCES penilaian(id),
  nilai        INTEGER NOT NULL CHECK (nilai BETWEEN 1 AND 7),
  umpan_balik  TEXT    NOT NULL,
  PRIMARY KEY (penilaian_id, nilai)
);

-- Predikat organisasi of a unit for a year, set by the pimpinan above.
CREATE TABLE predikat_organisasi (
  unit_kerja_id  INTEGER NOT NULL REFERENCES unit_kerja(id),
  tahun          INTEGER NOT NULL,
  instansi_id    INTEGER NOT NULL REFERENCES instansi(id),
  predikat       TEXT    NOT NULL CHECK (predikat IN ('istimewa','baik','butuh_perbaikan','kurang','sangat_kurang')),
  alasan         TEXT,
  ditetapkan_oleh INTEGER REFERENCES pengguna(id),
  diubah         INTEGER NOT NULL,
  PRIMARY KEY (unit_kerja_id, tahun)
);
