-- 012: what the analytics of issue 8 need beyond the data already kept.
-- The instansi's catalogue of training themes for development recommendations: a theme is for
-- one BerAKHLAK value (nilai 1..7) and/or for hasil kerja, and may list keywords (comma-separated)
-- looked for in the feedback a pegawai received.
CREATE TABLE katalog_pelatihan (
  id          INTEGER PRIMARY KEY,
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),
  judul       TEXT    NOT NULL,
  deskripsi   TEXT,
  nilai       INTEGER CHECK (nilai BETWEEN 1 AND 7),     -- BerAKHLAK value it develops
  hasil_kerja INTEGER NOT NULL DEFAULT 0,                -- 1 = for unmet hasil kerja (RHK below target)
  kata_kunci  TEXT,                                      -- e.g. 'komunikasi,presentasi'
  aktif       INTEGER NOT NULL DEFAULT 1,
  dibuat      INTEGER NOT NULL,
  diubah      INTEGER NOT NULL
);
CREATE INDEX katalog_pelatihan_instansi ON katalog_pelatihan (instansi_id, aktif);

-- Potensi of a pegawai for a year, entered by HR (the 9-box's second axis).
CREATE TABLE potensi_pegawai (
  pegawai_id  INTEGER NOT NULL REFERENCES pegawai(id),
  tahun       INTEGER NOT NULL,
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),
  potensi     TEXT    NOT NULL CHECK (potensi IN ('rendah','menengah','tinggi')),
  catatan     TEXT,
  diisi_oleh  INTEGER REFERENCES pengguna(id),
  diubah      INTEGER NOT NULL,
  PRIMARY KEY (pegawai_id, tahun)
);
CREATE INDEX potensi_pegawai_instansi ON potensi_pegawai (instansi_id, tahun);
