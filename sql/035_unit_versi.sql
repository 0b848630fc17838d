-- 035: a version number per unit kerja for the instansi dashboard's per-unit counts (issue 13).
-- The instansi dashboard counts, per unit, its active pegawai, those with an approved SKP, those
-- who logged an activity this week or filed last month's realisasi, the reviews waiting for its
-- pegawai, and the annual predikat of the penilaian recorded on it (src/dasbor_unit.c).  Counting
-- them for 50,000 pegawai probes every pegawai several times (~180 ms CPU) whenever anything in
-- the instansi changed.  These triggers bump the number of every unit whose counts a write can
-- change, in the same transaction, whoever writes; src/dasbor_unit_angka.c keeps each unit's
-- counts with the number they were read at and recounts only the units whose number moved (an
-- activity logged: one or two units of ~45 pegawai).  A unit without a row has number 0.
-- tests/unit/test_dasbor_cache.c compares the result with a full recount after random writes.
CREATE TABLE unit_versi (
  unit_kerja_id INTEGER PRIMARY KEY,   -- unit_kerja.id (no foreign key: a deleted unit's row is harmless)
  n             INTEGER NOT NULL       -- bumped by every write that can change the unit's counts
);

-- activities: the owner's unit (this week's activity) and the penilai's (reviews waiting)
CREATE TRIGGER unit_versi_aktivitas_i AFTER INSERT ON aktivitas
BEGIN
  INSERT INTO unit_versi (unit_kerja_id, n)
    SELECT DISTINCT unit_kerja_id, 1 FROM pegawai WHERE id IN (NEW.pegawai_id, NEW.penilai_id) AND unit_kerja_id IS NOT NULL
    ON CONFLICT (unit_kerja_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER unit_versi_aktivitas_d AFTER DELETE ON aktivitas
BEGIN
  INSERT INTO unit_versi (unit_kerja_id, n)
    SELECT DISTINCT unit_kerja_id, 1 FROM pegawai WHERE id IN (OLD.pegawai_id, OLD.penilai_id) AND unit_kerja_id IS NOT NULL
    ON CONFLICT (unit_kerja_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER unit_versi_aktivitas_u AFTER UPDATE OF pegawai_id, penilai_id, tanggal, status, dihapus ON aktivitas
BEGIN
  INSERT INTO unit_versi (unit_kerja_id, n)
    SELECT DISTINCT unit_kerja_id, 1 FROM pegawai
     WHERE id IN (OLD.pegawai_id, OLD.penilai_id, NEW.pegawai_id, NEW.penilai_id) AND unit_kerja_id IS NOT NULL
    ON CONFLICT (unit_kerja_id) DO UPDATE SET n = n + 1;
END;

-- SKP: the owner's unit (approved SKP, realisasi), the penilai's (realisasi waiting), and the
-- units its penilaian are recorded on (their year comes through the SKP's periode)
CREATE TRIGGER unit_versi_skp_i AFTER INSERT ON skp
BEGIN
  INSERT INTO unit_versi (unit_kerja_id, n)
    SELECT DISTINCT unit_kerja_id, 1 FROM pegawai WHERE id IN (NEW.pegawai_id, NEW.penilai_id) AND unit_kerja_id IS NOT NULL
    ON CONFLICT (unit_kerja_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER unit_versi_skp_d AFTER DELETE ON skp
BEGIN
  INSERT INTO unit_versi (unit_kerja_id, n)
    SELECT DISTINCT unit_kerja_id, 1 FROM pegawai WHERE id IN (OLD.pegawai_id, OLD.penilai_id) AND unit_kerja_id IS NOT NULL
    ON CONFLICT (unit_kerja_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER unit_versi_skp_u AFTER UPDATE OF pegawai_id, penilai_id, periode_id, status ON skp
BEGIN
  INSERT INTO unit_versi (unit_kerja_id, n)
    SELECT DISTINCT u, 1 FROM (
      SELECT unit_kerja_id AS u FROM pegawai WHERE id IN (OLD.pegawai_id, OLD.penilai_id, NEW.pegawai_id, NEW.penilai_id)
      UNION SELECT unit_kerja_id AS u FROM penilaian WHERE skp_id = NEW.id) x
     WHERE u IS NOT NULL
    ON CONFLICT (unit_kerja_id) DO UPDATE SET n = n + 1;
END;

-- realisasi: the SKP owner's unit (filed) and the SKP penilai's (waiting)
CREATE TRIGGER unit_versi_realisasi_i AFTER INSERT ON realisasi
BEGIN
  INSERT INTO unit_versi (unit_kerja_id, n)
    SELECT DISTINCT p.unit_kerja_id, 1 FROM skp s JOIN pegawai p ON p.id IN (s.pegawai_id, s.penilai_id)
     WHERE s.id = NEW.skp_id AND p.unit_kerja_id IS NOT NULL
    ON CONFLICT (unit_kerja_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER unit_versi_realisasi_d AFTER DELETE ON realisasi
BEGIN
  INSERT INTO unit_versi (unit_kerja_id, n)
    SELECT DISTINCT p.unit_kerja_id, 1 FROM skp s JOIN pegawai p ON p.id IN (s.pegawai_id, s.penilai_id)
     WHERE s.id = OLD.skp_id AND p.unit_kerja_id IS NOT NULL
    ON CONFLICT (unit_kerja_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER unit_versi_realisasi_u AFTER UPDATE OF skp_id, bulan, status ON realisasi
BEGIN
  INSERT INTO unit_versi (unit_kerja_id, n)
    SELECT DISTINCT p.unit_kerja_id, 1 FROM skp s JOIN pegawai p ON p.id IN (s.pegawai_id, s.penilai_id)
     WHERE s.id IN (OLD.skp_id, NEW.skp_id) AND p.unit_kerja_id IS NOT NULL
    ON CONFLICT (unit_kerja_id) DO UPDATE SET n = n + 1;
END;

-- penilaian: the unit recorded on it (the annual predikat distribution)
CREATE TRIGGER unit_versi_penilaian_i AFTER INSERT ON penilaian WHEN NEW.unit_kerja_id IS NOT NULL
BEGIN
  INSERT INTO unit_versi (unit_kerja_id, n) VALUES (NEW.unit_kerja_id, 1)
    ON CONFLICT (unit_kerja_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER unit_versi_penilaian_d AFTER DELETE ON penilaian WHEN OLD.unit_kerja_id IS NOT NULL
BEGIN
  INSERT INTO unit_versi (unit_kerja_id, n) VALUES (OLD.unit_kerja_id, 1)
    ON CONFLICT (unit_kerja_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER unit_versi_penilaian_u AFTER UPDATE OF unit_kerja_id, instansi_id, skp_id, jenis, status, predikat ON penilaian
BEGIN
  INSERT INTO unit_versi (unit_kerja_id, n)
    SELECT DISTINCT u, 1 FROM (SELECT OLD.unit_kerja_id AS u UNION SELECT NEW.unit_kerja_id AS u) x WHERE u IS NOT NULL
    ON CONFLICT (unit_kerja_id) DO UPDATE SET n = n + 1;
END;

-- pegawai: joining, leaving, moving, (de)activating changes both units' counts
CREATE TRIGGER unit_versi_pegawai_i AFTER INSERT ON pegawai WHEN NEW.unit_kerja_id IS NOT NULL
BEGIN
  INSERT INTO unit_versi (unit_kerja_id, n) VALUES (NEW.unit_kerja_id, 1)
    ON CONFLICT (unit_kerja_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER unit_versi_pegawai_d AFTER DELETE ON pegawai WHEN OLD.unit_kerja_id IS NOT NULL
BEGIN
  INSERT INTO unit_versi (unit_kerja_id, n) VALUES (OLD.unit_kerja_id, 1)
    ON CONFLICT (unit_kerja_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER unit_versi_pegawai_u AFTER UPDATE OF unit_kerja_id, aktif ON pegawai
BEGIN
  INSERT INTO unit_versi (unit_kerja_id, n)
    SELECT DISTINCT u, 1 FROM (SELECT OLD.unit_kerja_id AS u UNION SELECT NEW.unit_kerja_id AS u) x WHERE u IS NOT NULL
    ON CONFLICT (unit_kerja_id) DO UPDATE SET n = n + 1;
END;

-- periode: its year decides which penilaian count for a year: every unit of the instansi
CREATE TRIGGER unit_versi_periode_u AFTER UPDATE OF tahun, instansi_id ON periode
BEGIN
  INSERT INTO unit_versi (unit_kerja_id, n)
    SELECT id, 1 FROM unit_kerja WHERE instansi_id IN (OLD.instansi_id, NEW.instansi_id)
    ON CONFLICT (unit_kerja_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER unit_versi_periode_d AFTER DELETE ON periode
BEGIN
  INSERT INTO unit_versi (unit_kerja_id, n)
    SELECT id, 1 FROM unit_kerja WHERE instansi_id = OLD.instansi_id
    ON CONFLICT (unit_kerja_id) DO UPDATE SET n = n + 1;
END;
