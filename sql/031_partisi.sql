-- 031: monthly partitions of aktivitas, audit_log and presensi (issue 12 part 3).  PostgreSQL
-- only: sql/pg/031_partisi.sql converts the tables there.  SQLite keeps plain tables (one agency
-- on one machine; its B-trees do not need it), so this file changes nothing.
SELECT 1;
