-- 030: the first-login walkthrough (issue 14 part 1).  One row per user and walkthrough that
-- the user closed ("jangan tampilkan lagi"), kept on the server so that it does not come back on
-- another device or browser.  The walkthrough can still be opened from the help menu; deleting
-- the row (PUT selesai=false) makes it appear again at the next sign-in.
CREATE TABLE orientasi_selesai (
  pengguna_id INTEGER NOT NULL REFERENCES pengguna(id),
  kunci       TEXT    NOT NULL,   -- the walkthrough: pegawai, atasan, admin, pimpinan, auditor, superadmin
  selesai     INTEGER NOT NULL,   -- unix seconds when it was closed
  PRIMARY KEY (pengguna_id, kunci)
);
