-- 021: a number that changes with every write to what the unit and instansi dashboards read
-- (issue 13).  src/dasbor_cache.c keeps a computed dashboard with the number of the snapshot it
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
