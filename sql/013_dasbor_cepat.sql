-- 013: the dashboards at instansi scale (issue 8, measured by bench scenario i).
-- An SKP is looked up by pegawai and period everywhere; without this index SQLite walked every
-- approved SKP of the period for each pegawai (4.7 s for a 1,000-pegawai unit).
CREATE INDEX skp_pegawai_periode ON skp (pegawai_id, periode_id, status);
-- Reviews waiting: counted from the index alone; the review queue still reads it in id order
-- (penilai_id, status, dihapus = 0 fixed, then the row id).
DROP INDEX aktivitas_penilai_status;
CREATE INDEX aktivitas_penilai_status ON aktivitas (penilai_id, status, dihapus);
CREATE INDEX realisasi_skp_status ON realisasi (skp_id, status);

-- Activities per pegawai per month, kept by triggers on aktivitas so every writer (the API, the
-- batch import, the demo, tests with plain SQL) keeps it right; the monthly trends read this
-- instead of a year of activities.  PostgreSQL needs the same triggers as plpgsql functions
-- (issue 12).
CREATE TABLE aktivitas_bulan (
  pegawai_id INTEGER NOT NULL,
  bulan      TEXT    NOT NULL,              -- YYYY-MM
  jumlah     INTEGER NOT NULL,
  menit      INTEGER NOT NULL,
  PRIMARY KEY (pegawai_id, bulan)
) WITHOUT ROWID;
INSERT INTO aktivitas_bulan (pegawai_id, bulan, jumlah, menit)
  SELECT pegawai_id, substr(tanggal, 1, 7), COUNT(*), SUM(menit) FROM aktivitas WHERE dihapus = 0 GROUP BY 1, 2;
CREATE TRIGGER aktivitas_bulan_tambah AFTER INSERT ON aktivitas WHEN NEW.dihapus = 0
BEGIN
  INSERT INTO aktivitas_bulan (pegawai_id, bulan, jumlah, menit) VALUES (NEW.pegawai_id, substr(NEW.tanggal, 1, 7), 1, NEW.menit)
    ON CONFLICT (pegawai_id, bulan) DO UPDATE SET jumlah = jumlah + 1, menit = menit + excluded.menit;
END;
CREATE TRIGGER aktivitas_bulan_hapus AFTER DELETE ON aktivitas WHEN OLD.dihapus = 0
BEGIN
  UPDATE aktivitas_bulan SET jumlah = jumlah - 1, menit = menit - OLD.menit
   WHERE pegawai_id = OLD.pegawai_id AND bulan = substr(OLD.tanggal, 1, 7);
END;
CREATE TRIGGER aktivitas_bulan_ubah AFTER UPDATE OF pegawai_id, tanggal, menit, dihapus ON aktivitas
BEGIN
  UPDATE aktivitas_bulan SET jumlah = jumlah - 1, menit = menit - OLD.menit
   WHERE OLD.dihapus = 0 AND pegawai_id = OLD.pegawai_id AND bulan = substr(OLD.tanggal, 1, 7);
  INSERT INTO aktivitas_bulan (pegawai_id, bulan, jumlah, menit)
    SELECT NEW.pegawai_id, substr(NEW.tanggal, 1, 7), 1, NEW.menit WHERE NEW.dihapus = 0
    ON CONFLICT (pegawai_id, bulan) DO UPDATE SET jumlah = jumlah + 1, menit = menit + excluded.menit;
END;
