-- 002_skp.sql: SKP planning under PermenPANRB 6/2022: periods, SKP documents, RHK with their
-- IKI, perilaku kerja expectations, revisions and RHK templates.  Portable SQL (sql/README.md).

-- The penilaian year of an instansi (1 Jan - 31 Dec) and its periodic cadence.
CREATE TABLE periode (
  id              INTEGER PRIMARY KEY,
  instansi_id     INTEGER NOT NULL REFERENCES instansi(id),
  tahun           INTEGER NOT NULL,
  mulai           TEXT    NOT NULL,            -- YYYY-MM-DD, normally YYYY-01-01
  selesai         TEXT    NOT NULL,            -- YYYY-MM-DD, normally YYYY-12-31 (inclusive)
  siklus          TEXT    NOT NULL DEFAULT 'triwulanan'
                  CHECK (siklus IN ('bulanan','triwulanan','semesteran')),
  status          TEXT    NOT NULL DEFAULT 'terbuka' CHECK (status IN ('terbuka','ditutup')),
  batas_skp       TEXT,                        -- deadline for approved SKP, YYYY-MM-DD
  batas_penilaian TEXT,                        -- deadline for the annual penilaian
  dibuat          INTEGER NOT NULL,
  UNIQUE (instansi_id, tahun)
);

-- One SKP per pegawai per jabatan per period.  A mutasi ends the SKP (selesai) and starts a
-- new one from the mutasi date; both keep their own evaluations.
CREATE TABLE skp (
  id            INTEGER PRIMARY KEY,
  instansi_id   INTEGER NOT NULL REFERENCES instansi(id),
  periode_id    INTEGER NOT NULL REFERENCES periode(id),
  pegawai_id    INTEGER NOT NULL REFERENCES pegawai(id),
  jabatan_id    INTEGER REFERENCES jabatan(id),      -- the jabatan this SKP is for
  unit_kerja_id INTEGER REFERENCES unit_kerja(id),
  penilai_id    INTEGER REFERENCES pegawai(id),      -- pejabat penilai (atasan at mulai, or assigned)
  penilai_manual INTEGER NOT NULL DEFAULT 0,          -- 1 = assigned by an admin (atasan vacant)
  mulai         TEXT    NOT NULL,                    -- first day covered (YYYY-MM-DD)
  selesai       TEXT    NOT NULL,                    -- last day covered (inclusive)
  jenis         TEXT    NOT NULL CHECK (jenis IN ('ja_jf','jpt')),  -- which form
  pendekatan    TEXT    NOT NULL CHECK (pendekatan IN ('kuantitatif','kualitatif')),
  status        TEXT    NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft','diajukan','disetujui','dikembalikan')),
  revisi        INTEGER NOT NULL DEFAULT 0,          -- 0 = first version; +1 per revision of an approved SKP
  catatan       TEXT,                                -- the penilai's note when returned
  lampiran_sumber_daya TEXT,                         -- Lampiran: dukungan sumber daya
  lampiran_skema       TEXT,                         -- Lampiran: skema pertanggungjawaban
  lampiran_konsekuensi TEXT,                         -- Lampiran: konsekuensi
  tanda_tangan  TEXT,                                -- JSON: pegawai and penilai as at approval
  diajukan      INTEGER,                             -- unix seconds of the last submission
  disetujui     INTEGER,                             -- unix seconds of the last approval
  diubah        INTEGER NOT NULL,
  dibuat        INTEGER NOT NULL,
  UNIQUE (pegawai_id, periode_id, mulai)
);
CREATE INDEX skp_periode_status ON skp (periode_id, status);
CREATE INDEX skp_penilai ON skp (penilai_id, periode_id);

-- Rencana Hasil Kerja.  kelompok utama|tambahan; rhk_atasan_id is the intervensi (cascading).
CREATE TABLE rhk (
  id            INTEGER PRIMARY KEY,
  skp_id        INTEGER NOT NULL REFERENCES skp(id),
  kelompok      TEXT    NOT NULL CHECK (kelompok IN ('utama','tambahan')),
  urutan        INTEGER NOT NULL,                    -- order within the kelompok
  rhk_atasan_id INTEGER REFERENCES rhk(id),          -- RHK atasan yang diintervensi
  rhk           TEXT    NOT NULL,
  perspektif    TEXT CHECK (perspektif IN ('penerima_layanan','proses_bisnis','penguatan_internal','anggaran')),
  bobot         INTEGER CHECK (bobot BETWEEN 0 AND 100),  -- optional weight, percent
  disetujui     INTEGER NOT NULL DEFAULT 0,          -- 1 = part of an approved version
  catatan       TEXT                                 -- the penilai's note on this row when returned
);
CREATE INDEX rhk_skp ON rhk (skp_id, kelompok, urutan);
CREATE INDEX rhk_atasan ON rhk (rhk_atasan_id);

-- Indikator Kinerja Individu of an RHK, with its target.
CREATE TABLE iki (
  id            INTEGER PRIMARY KEY,
  rhk_id        INTEGER NOT NULL REFERENCES rhk(id),
  urutan        INTEGER NOT NULL,
  aspek         TEXT CHECK (aspek IN ('kuantitas','kualitas','waktu','biaya')),  -- NULL for kualitatif
  indikator     TEXT    NOT NULL,
  target_angka  TEXT,          -- exact decimal as text, e.g. '12' or '99.5' (kuantitatif)
  target_satuan TEXT,          -- e.g. 'laporan', '%', 'bulan'
  target_teks   TEXT           -- the statement of a kualitatif target
);
CREATE INDEX iki_rhk ON iki (rhk_id, urutan);

-- Ekspektasi khusus pimpinan per BerAKHLAK value (1..7, see src/rules/berakhlak.c).
CREATE TABLE skp_perilaku (
  skp_id     INTEGER NOT NULL REFERENCES skp(id),
  nilai      INTEGER NOT NULL CHECK (nilai BETWEEN 1 AND 7),
  ekspektasi TEXT    NOT NULL,
  PRIMARY KEY (skp_id, nilai)
);

-- Every approved version of an SKP, whole, as JSON (history and diff).
CREATE TABLE skp_revisi (
  id        INTEGER PRIMARY KEY,
  skp_id    INTEGER NOT NULL REFERENCES skp(id),
  revisi    INTEGER NOT NULL,
  isi       TEXT    NOT NULL,   -- JSON of the SKP as approved (rows, IKI, perilaku, lampiran)
  disetujui INTEGER NOT NULL,   -- unix seconds
  oleh      INTEGER REFERENCES pegawai(id),  -- the penilai who approved
  UNIQUE (skp_id, revisi)
);

-- RHK templates per jabatan (admins maintain; pegawai start from them).
CREATE TABLE rhk_templat (
  id          INTEGER PRIMARY KEY,
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),
  jabatan_id  INTEGER NOT NULL REFERENCES jabatan(id),
  rhk         TEXT    NOT NULL,
  iki         TEXT    NOT NULL,  -- JSON array of {aspek, indikator, target_angka, target_satuan, target_teks}
  aktif       INTEGER NOT NULL DEFAULT 1,
  dibuat      INTEGER NOT NULL
);
CREATE INDEX rhk_templat_jabatan ON rhk_templat (jabatan_id);
