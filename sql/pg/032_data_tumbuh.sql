-- 032 (PostgreSQL): the same as sql/032_data_tumbuh.sql (read it for the table), plus one index.
CREATE TABLE bukti_objek (
  sha256  TEXT    PRIMARY KEY,
  isi     TEXT    NOT NULL,
  ukuran  BIGINT  NOT NULL,
  dibuat  BIGINT  NOT NULL
);

-- Activities waiting for review, by reviewer: the unit and instansi dashboards count them for
-- all pegawai at once (src/dasbor_unit.c, S_TUNGGU, a join).  Small (only what waits), one per
-- month partition.  EXPLAIN ANALYZE, 8,000 pegawai / 406 k activities (docs/postgres.md): the
-- former per-pegawai subquery probed 17 partitions 8,010 times (356-577 ms without JIT); the
-- join reads 27 k entries of this index in 2.7 ms.  SQLite answers the join from
-- aktivitas_penilai_status (9 ms, was 11) and gets no extra B-tree per write.
CREATE INDEX aktivitas_menunggu ON aktivitas (penilai_id) WHERE status = 'diajukan' AND dihapus = 0;
