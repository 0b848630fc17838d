-- 024_inovasi.sql: the innovation register (issue 15 part 3).
-- A pegawai records an innovation (a new idea or way of working useful to the organisation);
-- someone above them in the atasan chain validates it or returns it with a note.  Validated
-- innovations are evidence in the pegawai's penilaian and the innovation condition of the PP
-- 30/2019 predikat Sangat Baik (src/inovasi_tervalidasi.c), and feed recognition (025).
CREATE TABLE inovasi (
  id             INTEGER PRIMARY KEY,
  instansi_id    INTEGER NOT NULL REFERENCES instansi(id),
  pegawai_id     INTEGER NOT NULL REFERENCES pegawai(id),     -- the innovator (owner)
  unit_kerja_id  INTEGER REFERENCES unit_kerja(id),           -- the owner's unit when recorded
  judul          TEXT    NOT NULL,   -- the idea, in one line
  masalah        TEXT    NOT NULL,   -- the problem it solves
  layanan        TEXT    NOT NULL,   -- the unit or service it serves
  tahap          TEXT    NOT NULL CHECK (tahap IN ('diusulkan','diuji_coba','diterapkan','direplikasi')),
  dampak_indikator TEXT,             -- what was measured on the service (e.g. "waktu layanan izin")
  dampak_sebelum TEXT,               -- decimal as text ('12.5'), before the innovation
  dampak_sesudah TEXT,               -- decimal as text, after
  dampak_satuan  TEXT,               -- unit of both values ("hari", "%", "berkas/hari")
  status         TEXT    NOT NULL CHECK (status IN ('diajukan','divalidasi','dikembalikan')),
  catatan        TEXT,               -- the validator's note (required when returned)
  validator_id   INTEGER REFERENCES pegawai(id),              -- who validated or returned it
  divalidasi     INTEGER,            -- unix time of the validation (NULL unless divalidasi)
  tanggal_validasi TEXT,             -- 'YYYY-MM-DD' (WIB) of the validation
  tahun          INTEGER NOT NULL,   -- the year it counts for: of the validation, else of recording
  dibuat         INTEGER NOT NULL,
  diubah         INTEGER NOT NULL
);
CREATE INDEX inovasi_pegawai ON inovasi (pegawai_id, status, tahun);
CREATE INDEX inovasi_instansi ON inovasi (instansi_id, tahun, tahap);
CREATE INDEX inovasi_unit ON inovasi (unit_kerja_id, tahun);

-- Evidence files and links of an innovation live in the bukti store like any other bukti dukung.
ALTER TABLE bukti ADD COLUMN inovasi_id INTEGER REFERENCES inovasi(id);
CREATE INDEX bukti_inovasi ON bukti (inovasi_id);
