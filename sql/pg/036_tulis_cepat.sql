-- 036 (PostgreSQL): the triggers of the hot rows written once per transaction or without row
-- locks (issue 12, PostgreSQL writes).  The SQLite file of this number does nothing.
--
-- Measured (docs/postgres.md "Writes"): a long transaction (the demo, a group-commit batch of
-- the writer, src/db/penulis.c) updates the same few rows again and again: versi_data's one
-- row (every statement on 18 tables), unit_versi (per unit), aktivitas_bulan (per pegawai and
-- month) and aktivitas_unit_bulan (per unit and month).  PostgreSQL keeps every version of a row
-- that its own open transaction updated (none can be pruned before the commit), so each further
-- update walks them all: O(n^2) in one transaction (the 200-pegawai demo spent 30 of its 57 s in
-- `UPDATE versi_data`).  And `INSERT ... ON CONFLICT DO UPDATE` locks the row before updating
-- it; the new version keeps that lock, so the next upsert of the row by another savepoint (each
-- request of a batch has its own) makes a MultiXact, and every later visit of the chain reads
-- its members (GetMultiXactIdMembers: a quarter of the server's CPU in the POST benchmark).
--
-- What changes (the numbers the dashboards compare stay correct: they only need to differ after
-- a commit that changed what they count, and they do, in the same transaction as the rows):
-- * versi_data and unit_versi are bumped once per transaction (per unit for unit_versi): a
--   transaction-local setting (set_config(..., true)) remembers the bump; it is undone with the
--   savepoint that made it, exactly like the bump itself, so a rolled-back request of a batch
--   leaves the next one to bump.  kinerja_tulis_cepat() rewrites the trigger functions that
--   sql/pg_sql.c generated from the SQLite triggers; src/db/migrate.c calls it again after any
--   later migration, so a new versi_data/unit_versi trigger gets the same treatment.
-- * The aktivitas_bulan and aktivitas_unit_bulan triggers UPDATE the existing row and insert
--   (the former upsert) only when there is none: same totals, no row lock; a pegawai's month
--   changing within one unit changes the unit's row once, not twice.
-- The file is idempotent (CREATE OR REPLACE only): src/db/migrate.c runs it again on a database
-- that applied an older text of it (one without the month helpers kinerja_pegawai_bulan_tambah
-- and kinerja_unit_bulan_tambah).

CREATE OR REPLACE FUNCTION kinerja_versi_naik() RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
  IF current_setting('kinerja.versi_naik', true) IS DISTINCT FROM '1' THEN
    UPDATE versi_data SET n = n + 1 WHERE id = 1;
    PERFORM set_config('kinerja.versi_naik', '1', true);
  END IF;
END $f$;

-- true the first time unit u is seen in this transaction (NULL: false)
CREATE OR REPLACE FUNCTION kinerja_unit_versi_baru(u bigint) RETURNS boolean LANGUAGE plpgsql AS $f$
DECLARE s text := coalesce(current_setting('kinerja.unit_versi', true), '');
BEGIN
  IF u IS NULL OR strpos(s, ',' || u || ',') > 0 THEN RETURN false; END IF;
  PERFORM set_config('kinerja.unit_versi', CASE WHEN s = '' THEN ',' ELSE s END || u || ',', true);
  RETURN true;
END $f$;

-- Rewrites every trigger function that still bumps versi_data or unit_versi on each call.
-- Idempotent; returns the number of functions rewritten.
CREATE OR REPLACE FUNCTION kinerja_tulis_cepat() RETURNS int LANGUAGE plpgsql AS $f$
DECLARE r record; b text; m text[]; n int := 0;
        pola text := 'INSERT INTO unit_versi [(]unit_kerja_id, n[)](.*?)ON CONFLICT [(]unit_kerja_id[)] DO UPDATE SET n = unit_versi[.]n [+] 1;';
        akhir text := 'ON CONFLICT (unit_kerja_id) DO UPDATE SET n = unit_versi.n + 1;';
BEGIN
  FOR r IN SELECT p.proname, p.prosrc FROM pg_proc p
            WHERE p.pronamespace = current_schema()::regnamespace AND p.prorettype = 'trigger'::regtype
              AND (p.prosrc LIKE '%UPDATE versi_data SET n = n + 1 WHERE id = 1;%'
                   OR (p.prosrc LIKE '%INSERT INTO unit_versi (unit_kerja_id, n)%' AND p.prosrc NOT LIKE '%kinerja_unit_versi_baru%')) LOOP
    b := replace(r.prosrc, 'UPDATE versi_data SET n = n + 1 WHERE id = 1;', 'PERFORM kinerja_versi_naik();');
    IF b NOT LIKE '%kinerja_unit_versi_baru%' THEN
      FOR m IN SELECT regexp_matches(r.prosrc, pola, 'g') LOOP
        b := replace(b, 'INSERT INTO unit_versi (unit_kerja_id, n)' || m[1] || akhir,
                     'INSERT INTO unit_versi (unit_kerja_id, n) SELECT v.u, 1 FROM (' || m[1] || ') v(u, e)'
                     ' WHERE kinerja_unit_versi_baru(v.u) ' || akhir);
      END LOOP;
    END IF;
    IF b LIKE '%UPDATE versi_data SET n = n + 1 WHERE id = 1;%'
       OR (b LIKE '%INSERT INTO unit_versi (unit_kerja_id, n)%' AND b NOT LIKE '%kinerja_unit_versi_baru%') THEN
      RAISE EXCEPTION 'kinerja_tulis_cepat: cannot rewrite %', r.proname;
    END IF;
    EXECUTE format('CREATE OR REPLACE FUNCTION %I() RETURNS trigger LANGUAGE plpgsql AS %L', r.proname, b);
    n := n + 1;
  END LOOP;
  RETURN n;
END $f$;

DO $m$ BEGIN PERFORM kinerja_tulis_cepat(); END $m$;

-- Adds one activity (mnt minutes, on date tgl) to its pegawai's month row: UPDATE the existing
-- row, insert only when there is none.  Shared by the two aktivitas_bulan triggers.
CREATE OR REPLACE FUNCTION kinerja_pegawai_bulan_tambah(peg bigint, tgl text, mnt bigint)
RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
  UPDATE aktivitas_bulan SET jumlah = jumlah + 1, menit = menit + mnt
   WHERE pegawai_id = peg AND bulan = substr(tgl, 1, 7);
  IF NOT FOUND THEN
    INSERT INTO aktivitas_bulan (pegawai_id, bulan, jumlah, menit) VALUES (peg, substr(tgl, 1, 7), 1, mnt)
      ON CONFLICT (pegawai_id, bulan) DO UPDATE SET jumlah = aktivitas_bulan.jumlah + 1, menit = aktivitas_bulan.menit + excluded.menit;
  END IF;
END $f$;

-- sql/013 aktivitas_bulan_tambah (AFTER INSERT ON aktivitas WHEN NEW.dihapus = 0)
CREATE OR REPLACE FUNCTION aktivitas_bulan_tambah_fn() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  PERFORM kinerja_pegawai_bulan_tambah(NEW.pegawai_id, NEW.tanggal, NEW.menit);
  RETURN NULL;
END $f$;

-- sql/013 aktivitas_bulan_ubah (AFTER UPDATE OF pegawai_id, tanggal, menit, dihapus ON aktivitas)
CREATE OR REPLACE FUNCTION aktivitas_bulan_ubah_fn() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  UPDATE aktivitas_bulan SET jumlah = jumlah - 1, menit = menit - OLD.menit
   WHERE OLD.dihapus = 0 AND pegawai_id = OLD.pegawai_id AND bulan = substr(OLD.tanggal, 1, 7);
  IF NEW.dihapus = 0 THEN
    PERFORM kinerja_pegawai_bulan_tambah(NEW.pegawai_id, NEW.tanggal, NEW.menit);
  END IF;
  RETURN NULL;
END $f$;

-- Adds a pegawai's month (jml activities, mnt minutes; a pegawai counted when jml > 0) to the
-- row of the pegawai's unit for month bln: UPDATE the existing row, insert only when there is
-- none (nothing for a pegawai without a unit).  Shared by the two aktivitas_unit_bulan triggers.
CREATE OR REPLACE FUNCTION kinerja_unit_bulan_tambah(peg bigint, bln text, jml bigint, mnt bigint)
RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
  UPDATE aktivitas_unit_bulan u SET jumlah = u.jumlah + jml, menit = u.menit + mnt,
         pegawai = u.pegawai + CASE WHEN jml > 0 THEN 1 ELSE 0 END
    FROM pegawai p WHERE p.id = peg AND u.unit_kerja_id = p.unit_kerja_id AND u.bulan = bln;
  IF NOT FOUND THEN
    INSERT INTO aktivitas_unit_bulan (unit_kerja_id, bulan, jumlah, menit, pegawai)
      SELECT p.unit_kerja_id, bln, jml, mnt, CASE WHEN jml > 0 THEN 1 ELSE 0 END
        FROM pegawai p WHERE p.id = peg AND p.unit_kerja_id IS NOT NULL
      ON CONFLICT (unit_kerja_id, bulan) DO UPDATE SET jumlah = aktivitas_unit_bulan.jumlah + excluded.jumlah,
        menit = aktivitas_unit_bulan.menit + excluded.menit, pegawai = aktivitas_unit_bulan.pegawai + excluded.pegawai;
  END IF;
END $f$;

-- sql/021 aktivitas_unit_bulan_tambah (AFTER INSERT ON aktivitas_bulan)
CREATE OR REPLACE FUNCTION aktivitas_unit_bulan_tambah_fn() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  PERFORM kinerja_unit_bulan_tambah(NEW.pegawai_id, NEW.bulan, NEW.jumlah, NEW.menit);
  RETURN NULL;
END $f$;

-- sql/021 aktivitas_unit_bulan_ubah (AFTER UPDATE ON aktivitas_bulan).  The usual update (an
-- activity added to or taken from the pegawai's month) changes the same unit row twice: once,
-- by the difference, is the same total and one row version instead of two.
CREATE OR REPLACE FUNCTION aktivitas_unit_bulan_ubah_fn() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.pegawai_id = OLD.pegawai_id AND NEW.bulan = OLD.bulan THEN
    UPDATE aktivitas_unit_bulan u SET jumlah = u.jumlah + NEW.jumlah - OLD.jumlah, menit = u.menit + NEW.menit - OLD.menit,
           pegawai = u.pegawai + CASE WHEN NEW.jumlah > 0 THEN 1 ELSE 0 END - CASE WHEN OLD.jumlah > 0 THEN 1 ELSE 0 END
      FROM pegawai p WHERE p.id = NEW.pegawai_id AND u.unit_kerja_id = p.unit_kerja_id AND u.bulan = NEW.bulan;
    IF FOUND THEN RETURN NULL; END IF;
  END IF;
  UPDATE aktivitas_unit_bulan SET jumlah = jumlah - OLD.jumlah, menit = menit - OLD.menit,
         pegawai = pegawai - CASE WHEN OLD.jumlah > 0 THEN 1 ELSE 0 END
   WHERE unit_kerja_id = (SELECT unit_kerja_id FROM pegawai WHERE id = OLD.pegawai_id) AND bulan = OLD.bulan;
  PERFORM kinerja_unit_bulan_tambah(NEW.pegawai_id, NEW.bulan, NEW.jumlah, NEW.menit);
  RETURN NULL;
END $f$;
