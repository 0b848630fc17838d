-- 026: who looked at a pegawai's performance data (issue 14 item 4, "Siapa melihat data saya").
-- One row per viewer, pegawai and thing read within a window (KINERJA_AKSES_JENDELA, default one
-- hour): repeated reads of the same thing by the same viewer inside the window are not written
-- again, so a busy atasan costs at most one insert per bawahan and page per hour.  Written only
-- when someone other than the pegawai reads (src/akses_log.c); the pegawai's own reads are never
-- recorded.  Changes are not here: they come from audit_log.
CREATE TABLE akses_lihat (
  id          INTEGER PRIMARY KEY,
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),  -- the pegawai's instansi
  pegawai_id  INTEGER NOT NULL REFERENCES pegawai(id),   -- whose data was read
  pengguna_id INTEGER NOT NULL REFERENCES pengguna(id),  -- who read it
  peran       TEXT    NOT NULL,  -- the reader's role at the time: atasan, pimpinan, admin, superadmin, auditor, pegawai
  objek       TEXT    NOT NULL,  -- what kind of data: skp, skp_dokumen, aktivitas, realisasi, penilaian, tpp, bukti, dasbor, presensi, ...
  rujukan     TEXT    NOT NULL,  -- the address read (path without the query), e.g. /api/v1/skp/12
  waktu       INTEGER NOT NULL   -- first read in the window, unix milliseconds
);
-- the pegawai's list, newest first
CREATE INDEX akses_lihat_pegawai ON akses_lihat (pegawai_id, waktu);
-- the coalescing check: has this reader read this thing of this pegawai since the window began?
CREATE INDEX akses_lihat_gabung ON akses_lihat (pengguna_id, pegawai_id, rujukan, waktu);
