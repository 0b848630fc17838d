-- 036: faster writes on PostgreSQL (issue 12): its triggers of the hot rows (versi_data,
-- unit_versi, aktivitas_bulan, aktivitas_unit_bulan) bump once per transaction or update
-- without a row lock; sql/pg/036_tulis_cepat.sql explains.  SQLite updates a row in place
-- however often one transaction writes it, so this file changes nothing.
SELECT 1;
