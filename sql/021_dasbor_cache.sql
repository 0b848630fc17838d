-- 021: the dashboards at scale, part 2 (issue 13).
-- versi_data: a number that changes with every write to what the unit and instansi dashboards
-- read.  src/dasbor_cache.c keeps a computed dashboard with the number of the snapshot it
-- was read in and serves it while the number is the same: whoever writes (the server, a
-- command-line tool, sqlite3), these triggers bump it in the same transaction.  A table the
-- dashboards start reading must get the three triggers too: tests/unit/test_dasbor_cache.c
-- records every table they read and fails otherwise.  Writes elsewhere (sessions, tokens,
-- audit, jobs) leave the dashboards cached.  PostgreSQL (issue 12): the same as statement-level
-- triggers (FOR EACH STATEMENT), or a sequence, to keep the one row from serialising writers.
CREATE TABLE versi_data (
  id INTEGER PRIMARY KEY CHECK (id = 1),   -- one row
  n  INTEGER NOT NULL                      -- bumped by every write to the tables below
);
INSERT INTO versi_data (id, n) VALUES (1, 0);

-- Activities per unit per month, from aktivitas_bulan (sql/013) by the pegawai's unit as it is
-- now: the monthly trend of a unit or the instansi reads one row per unit and month instead of
-- one per pegawai and month (50,000 pegawai: ~50 ms less).  Kept by triggers on aktivitas_bulan
-- and on pegawai (a move to another unit takes the pegawai's months along); `kinerja ringkasan
-- bangun` recomputes both rollups from aktivitas (src/dasbor_ringkasan.c), and
-- tests/unit/test_dasbor_cache.c compares them with a recomputation after random writes.
-- PostgreSQL (issue 12) needs the same triggers as plpgsql functions.
CREATE TABLE aktivitas_unit_bulan (
  unit_kerja_id INTEGER NOT NULL,
  bulan         TEXT    NOT NULL,             -- YYYY-MM
  jumlah        INTEGER NOT NULL,             -- activities not withdrawn
  menit         INTEGER NOT NULL,
  pegawai       INTEGER NOT NULL,             -- pegawai of the unit with at least one that month
  PRIMARY KEY (unit_kerja_id, bulan)
) WITHOUT ROWID;
INSERT INTO aktivitas_unit_bulan (unit_kerja_id, bulan, jumlah, menit, pegawai)
  SELECT p.unit_kerja_id, b.bulan, SUM(b.jumlah), SUM(b.menit), SUM(CASE WHEN b.jumlah > 0 THEN 1 ELSE 0 END)
    FROM aktivitas_bulan b JOIN pegawai p ON p.id = b.pegawai_id WHERE p.unit_kerja_id IS NOT NULL GROUP BY 1, 2;
CREATE TRIGGER aktivitas_unit_bulan_tambah AFTER INSERT ON aktivitas_bulan
BEGIN
  INSERT INTO aktivitas_unit_bulan (unit_kerja_id, bulan, jumlah, menit, pegawai)
    SELECT p.unit_kerja_id, NEW.bulan, NEW.jumlah, NEW.menit, CASE WHEN NEW.jumlah > 0 THEN 1 ELSE 0 END
      FROM pegawai p WHERE p.id = NEW.pegawai_id AND p.unit_kerja_id IS NOT NULL
    ON CONFLICT (unit_kerja_id, bulan) DO UPDATE SET jumlah = jumlah + excluded.jumlah, menit = menit + excluded.menit,
      pegawai = pegawai + excluded.pegawai;
END;
CREATE TRIGGER aktivitas_unit_bulan_hapus AFTER DELETE ON aktivitas_bulan
BEGIN
  UPDATE aktivitas_unit_bulan SET jumlah = jumlah - OLD.jumlah, menit = menit - OLD.menit,
         pegawai = pegawai - CASE WHEN OLD.jumlah > 0 THEN 1 ELSE 0 END
   WHERE unit_kerja_id = (SELECT unit_kerja_id FROM pegawai WHERE id = OLD.pegawai_id) AND bulan = OLD.bulan;
END;
CREATE TRIGGER aktivitas_unit_bulan_ubah AFTER UPDATE ON aktivitas_bulan
BEGIN
  UPDATE aktivitas_unit_bulan SET jumlah = jumlah - OLD.jumlah, menit = menit - OLD.menit,
         pegawai = pegawai - CASE WHEN OLD.jumlah > 0 THEN 1 ELSE 0 END
   WHERE unit_kerja_id = (SELECT unit_kerja_id FROM pegawai WHERE id = OLD.pegawai_id) AND bulan = OLD.bulan;
  INSERT INTO aktivitas_unit_bulan (unit_kerja_id, bulan, jumlah, menit, pegawai)
    SELECT p.unit_kerja_id, NEW.bulan, NEW.jumlah, NEW.menit, CASE WHEN NEW.jumlah > 0 THEN 1 ELSE 0 END
      FROM pegawai p WHERE p.id = NEW.pegawai_id AND p.unit_kerja_id IS NOT NULL
    ON CONFLICT (unit_kerja_id, bulan) DO UPDATE SET jumlah = jumlah + excluded.jumlah, menit = menit + excluded.menit,
      pegawai = pegawai + excluded.pegawai;
END;
CREATE TRIGGER aktivitas_unit_bulan_pindah AFTER UPDATE OF unit_kerja_id ON pegawai
  WHEN OLD.unit_kerja_id IS NOT NEW.unit_kerja_id
BEGIN
  UPDATE aktivitas_unit_bulan SET
         jumlah = jumlah - (SELECT b.jumlah FROM aktivitas_bulan b WHERE b.pegawai_id = OLD.id AND b.bulan = aktivitas_unit_bulan.bulan),
         menit = menit - (SELECT b.menit FROM aktivitas_bulan b WHERE b.pegawai_id = OLD.id AND b.bulan = aktivitas_unit_bulan.bulan),
         pegawai = pegawai - (SELECT CASE WHEN b.jumlah > 0 THEN 1 ELSE 0 END FROM aktivitas_bulan b
                               WHERE b.pegawai_id = OLD.id AND b.bulan = aktivitas_unit_bulan.bulan)
   WHERE unit_kerja_id = OLD.unit_kerja_id AND bulan IN (SELECT bulan FROM aktivitas_bulan WHERE pegawai_id = OLD.id);
  INSERT INTO aktivitas_unit_bulan (unit_kerja_id, bulan, jumlah, menit, pegawai)
    SELECT NEW.unit_kerja_id, b.bulan, b.jumlah, b.menit, CASE WHEN b.jumlah > 0 THEN 1 ELSE 0 END
      FROM aktivitas_bulan b WHERE b.pegawai_id = NEW.id AND NEW.unit_kerja_id IS NOT NULL
    ON CONFLICT (unit_kerja_id, bulan) DO UPDATE SET jumlah = jumlah + excluded.jumlah, menit = menit + excluded.menit,
      pegawai = pegawai + excluded.pegawai;
END;
CREATE TRIGGER aktivitas_unit_bulan_keluar AFTER DELETE ON pegawai WHEN OLD.unit_kerja_id IS NOT NULL
BEGIN
  UPDATE aktivitas_unit_bulan SET
         jumlah = jumlah - (SELECT b.jumlah FROM aktivitas_bulan b WHERE b.pegawai_id = OLD.id AND b.bulan = aktivitas_unit_bulan.bulan),
         menit = menit - (SELECT b.menit FROM aktivitas_bulan b WHERE b.pegawai_id = OLD.id AND b.bulan = aktivitas_unit_bulan.bulan),
         pegawai = pegawai - (SELECT CASE WHEN b.jumlah > 0 THEN 1 ELSE 0 END FROM aktivitas_bulan b
                               WHERE b.pegawai_id = OLD.id AND b.bulan = aktivitas_unit_bulan.bulan)
   WHERE unit_kerja_id = OLD.unit_kerja_id AND bulan IN (SELECT bulan FROM aktivitas_bulan WHERE pegawai_id = OLD.id);
END;

-- The versi_data triggers.

CREATE TRIGGER versi_data_instansi_i AFTER INSERT ON instansi BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_instansi_u AFTER UPDATE ON instansi BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_instansi_d AFTER DELETE ON instansi BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_periode_i AFTER INSERT ON periode BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_periode_u AFTER UPDATE ON periode BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_periode_d AFTER DELETE ON periode BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_unit_kerja_i AFTER INSERT ON unit_kerja BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_unit_kerja_u AFTER UPDATE ON unit_kerja BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_unit_kerja_d AFTER DELETE ON unit_kerja BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_pegawai_i AFTER INSERT ON pegawai BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_pegawai_u AFTER UPDATE ON pegawai BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_pegawai_d AFTER DELETE ON pegawai BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_jabatan_i AFTER INSERT ON jabatan BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_jabatan_u AFTER UPDATE ON jabatan BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_jabatan_d AFTER DELETE ON jabatan BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_skp_i AFTER INSERT ON skp BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_skp_u AFTER UPDATE ON skp BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_skp_d AFTER DELETE ON skp BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_rhk_i AFTER INSERT ON rhk BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_rhk_u AFTER UPDATE ON rhk BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_rhk_d AFTER DELETE ON rhk BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_iki_i AFTER INSERT ON iki BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_iki_u AFTER UPDATE ON iki BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_iki_d AFTER DELETE ON iki BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_aktivitas_i AFTER INSERT ON aktivitas BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_aktivitas_u AFTER UPDATE ON aktivitas BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_aktivitas_d AFTER DELETE ON aktivitas BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_aktivitas_bulan_i AFTER INSERT ON aktivitas_bulan BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_aktivitas_bulan_u AFTER UPDATE ON aktivitas_bulan BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_aktivitas_bulan_d AFTER DELETE ON aktivitas_bulan BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_realisasi_i AFTER INSERT ON realisasi BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_realisasi_u AFTER UPDATE ON realisasi BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_realisasi_d AFTER DELETE ON realisasi BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_penilaian_i AFTER INSERT ON penilaian BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_penilaian_u AFTER UPDATE ON penilaian BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_penilaian_d AFTER DELETE ON penilaian BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_predikat_organisasi_i AFTER INSERT ON predikat_organisasi BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_predikat_organisasi_u AFTER UPDATE ON predikat_organisasi BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_predikat_organisasi_d AFTER DELETE ON predikat_organisasi BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_pengaturan_i AFTER INSERT ON pengaturan BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_pengaturan_u AFTER UPDATE ON pengaturan BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_pengaturan_d AFTER DELETE ON pengaturan BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_hari_libur_i AFTER INSERT ON hari_libur BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_hari_libur_u AFTER UPDATE ON hari_libur BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_hari_libur_d AFTER DELETE ON hari_libur BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_tpp_bulan_i AFTER INSERT ON tpp_bulan BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_tpp_bulan_u AFTER UPDATE ON tpp_bulan BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_tpp_bulan_d AFTER DELETE ON tpp_bulan BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_tpp_hasil_i AFTER INSERT ON tpp_hasil BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_tpp_hasil_u AFTER UPDATE ON tpp_hasil BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_tpp_hasil_d AFTER DELETE ON tpp_hasil BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_aktivitas_unit_bulan_i AFTER INSERT ON aktivitas_unit_bulan BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_aktivitas_unit_bulan_u AFTER UPDATE ON aktivitas_unit_bulan BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER versi_data_aktivitas_unit_bulan_d AFTER DELETE ON aktivitas_unit_bulan BEGIN UPDATE versi_data SET n = n + 1 WHERE id = 1; END;

-- Covering indexes for the per-pegawai counts of the dashboards (src/dasbor_unit.c): the outer
-- loop over a unit's (or the instansi's units') active pegawai reads only the index, and the
-- week's activities, last month's realisasi and their statuses are checked in the index
-- without reading the rows (instansi of 50,000 pegawai: ~450 -> ~180 ms uncached).  Same
-- leading columns as before, so other plans keep their index.
DROP INDEX pegawai_unit;
CREATE INDEX pegawai_unit ON pegawai (unit_kerja_id, aktif);
DROP INDEX aktivitas_pegawai_tanggal;
CREATE INDEX aktivitas_pegawai_tanggal ON aktivitas (pegawai_id, tanggal, dihapus);
DROP INDEX realisasi_skp;
CREATE INDEX realisasi_skp ON realisasi (skp_id, bulan, status);
