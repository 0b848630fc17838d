-- 010: the dashboards (issue 8) look up a pegawai's penilaian by year.
CREATE INDEX penilaian_pegawai ON penilaian (pegawai_id, jenis, status, mulai);
