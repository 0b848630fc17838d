-- 009_surel.sql: optional email (issue 5 item 9).  When the server is started with an SMTP URL,
-- every in-app notification to a pegawai with a valid email address also puts one row here, in
-- the same transaction; a background sender (src/surel_pengirim.c) claims due rows, sends them
-- and records the outcome.  Nothing waits on SMTP.  Portable SQL (sql/README.md).
CREATE TABLE surel_keluar (
  id          INTEGER PRIMARY KEY,
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),  -- whose admins see the row
  pegawai_id  INTEGER REFERENCES pegawai(id),            -- the recipient pegawai
  kepada      TEXT    NOT NULL,    -- the bare recipient address, validated when queued
  subjek      TEXT    NOT NULL,    -- the notification's judul (UTF-8, one line)
  isi         TEXT    NOT NULL,    -- the notification's text
  tautan      TEXT,                -- the notification's UI path (#/aktivitas/12); made absolute when sent
  status      TEXT    NOT NULL DEFAULT 'antri'
              CHECK (status IN ('antri','mengirim','terkirim','gagal')),
  percobaan   INTEGER NOT NULL DEFAULT 0,   -- attempts made so far
  galat       TEXT,                -- last error: Indonesian summary + the SMTP client's message
  coba_lagi   INTEGER NOT NULL,    -- antri: not before this instant (unix s)
  diklaim     INTEGER,             -- mengirim: when a sender claimed it (reclaimed after 10 min)
  dibuat      INTEGER NOT NULL,    -- unix s
  dikirim     INTEGER              -- terkirim: when the SMTP server accepted it (unix s)
);
-- the sender: due rows by status and time
CREATE INDEX surel_keluar_antri ON surel_keluar (status, coba_lagi);
-- the admin list: one instansi, optionally one status, newest first
CREATE INDEX surel_keluar_instansi ON surel_keluar (instansi_id, status, id);
CREATE INDEX surel_keluar_instansi_id ON surel_keluar (instansi_id, id);
