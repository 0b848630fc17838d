-- 032: data that grows (issue 12 part 3).
--
-- Evidence objects in the database, for `--bukti-store db`: small
-- deployments and several nodes without shared storage.  The content is the same encrypted
-- object as a file of the directory store (bukti.h: magic, secretstream header, chunks),
-- base64-encoded so both backends keep it as text (the db interface binds text and integers).
-- Content-addressed like the files: one row per SHA-256 of the plaintext, shared by every bukti
-- row with that content, deleted with the last of them.  Objects written by the directory store
-- before a switch stay in files and are still read from there.
CREATE TABLE bukti_objek (
  sha256  TEXT    PRIMARY KEY,    -- hex SHA-256 of the plaintext (bukti.sha256)
  isi     TEXT    NOT NULL,       -- base64 of the encrypted object
  ukuran  INTEGER NOT NULL,       -- plaintext bytes
  dibuat  INTEGER NOT NULL        -- unix seconds
);


-- (PostgreSQL also gets an index for the dashboards here: sql/pg/032_data_tumbuh.sql.  SQLite
-- answers the same join from aktivitas_penilai_status, so it gets no extra B-tree per write.)
