-- 031 (PostgreSQL): aktivitas, audit_log and presensi partitioned by month (issue 12 part 3).
--
-- Declarative RANGE partitioning: aktivitas and presensi by tanggal ('YYYY-MM-DD' text; a month
-- is ['YYYY-MM-01', next 'YYYY-MM-01')), audit_log by waktu (unix ms; a month is its UTC
-- bounds).  Partitions are named <table>_pYYYYMM, plus <table>_default, which takes any row no
-- month partition covers (far past, far future, a malformed date), so no insert ever fails for
-- want of a partition.  The server creates partitions ahead (src/partisi.c: on start and every
-- hour, the current month and --partition-ahead months after it) and splits out of the default
-- partition every month it finds there (kinerja_partisi_buat below moves those rows).
--
-- PostgreSQL's rules and what was chosen:
-- * A primary key of a partitioned table must contain the partition key: aktivitas and
--   audit_log get PRIMARY KEY (id, tanggal) / (id, waktu).  id stays unique because only the
--   identity sequence (aktivitas) or the audit chain (audit_log: last id + 1 under the write
--   lock) assigns it; lookups by id probe each partition's primary-key index.  presensi's key
--   (pegawai_id, tanggal) already contains tanggal.
-- * bukti.aktivitas_id REFERENCES aktivitas(id) is impossible without the partition key, so it
--   became a trigger-checked reference (bukti_aktivitas_ada: the activity must exist, locked
--   FOR KEY SHARE; aktivitas_dirujuk: a deleted activity must not be referenced unless the
--   same id still exists, which is the case when an UPDATE of tanggal moved the row to another
--   month's partition).  All writers hold the global write lock, so the check cannot race.
--   A composite key (aktivitas_id, aktivitas_tanggal) was not chosen: it would add a column to
--   bukti and to every writer of it for no gain under that lock.
-- * Row triggers (the aktivitas_bulan rollups) and statement triggers (versi_data) are defined
--   on the partitioned table and cloned to every partition.  An UPDATE that moves a row to
--   another partition runs the DELETE and INSERT row triggers instead of the UPDATE one; the
--   rollup triggers give the same totals either way.
-- * Rows are copied from the old tables with their ids; the indexes, triggers and foreign keys
--   of the old tables are recreated as they were (read from the catalog, so a later migration's
--   index is kept too).

-- Bounds of the month partition tahun-bulan of table t as text literals.
CREATE FUNCTION kinerja_partisi_batas(t text, tahun bigint, bulan bigint, OUT dari text, OUT sampai text)
LANGUAGE plpgsql IMMUTABLE AS $f$
DECLARE a date := make_date(tahun::int, bulan::int, 1);
        b date := (make_date(tahun::int, bulan::int, 1) + interval '1 month')::date;
BEGIN
  IF t = 'audit_log' THEN
    dari := (extract(epoch FROM a::timestamp AT TIME ZONE 'UTC')::bigint * 1000)::text;
    sampai := (extract(epoch FROM b::timestamp AT TIME ZONE 'UTC')::bigint * 1000)::text;
  ELSE
    dari := to_char(a, 'YYYY-MM-DD');
    sampai := to_char(b, 'YYYY-MM-DD');
  END IF;
END $f$;

-- Creates the partition of month tahun-bulan of t unless it exists: a plain table shaped like
-- t, filled with the rows of that month that sit in the default partition (moved with the
-- default partition's own triggers off: a move, not a delete and an insert), then attached
-- (the attach adds t's indexes, foreign keys and triggers).  1 when created, 0 when it existed.
CREATE FUNCTION kinerja_partisi_buat(t text, tahun bigint, bulan bigint) RETURNS int
LANGUAGE plpgsql AS $f$
DECLARE p text := format('%s_p%s', t, to_char(tahun * 100 + bulan, 'FM000000'));
        d text := t || '_default';
        k text := CASE WHEN t = 'audit_log' THEN 'waktu' ELSE 'tanggal' END;
        lo text; hi text; n bigint := 0;
BEGIN
  IF to_regclass(p) IS NOT NULL THEN RETURN 0; END IF;
  SELECT x.dari, x.sampai INTO lo, hi FROM kinerja_partisi_batas(t, tahun, bulan) x;
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', p, t);
  IF to_regclass(d) IS NOT NULL THEN
    EXECUTE format('SELECT count(*) FROM %I WHERE %I >= %L AND %I < %L', d, k, lo, k, hi) INTO n;
    IF n > 0 THEN
      EXECUTE format('ALTER TABLE %I DISABLE TRIGGER USER', d);
      EXECUTE format('WITH m AS (DELETE FROM %I WHERE %I >= %L AND %I < %L RETURNING *) INSERT INTO %I SELECT * FROM m',
                     d, k, lo, k, hi, p);
      EXECUTE format('ALTER TABLE %I ENABLE TRIGGER USER', d);
    END IF;
  END IF;
  EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', t, p, lo, hi);
  RETURN 1;
END $f$;

-- The months (tahun * 100 + bulan) of the rows in t's default partition that a month
-- partition could hold (a well-formed date of years 1970..9999).
CREATE FUNCTION kinerja_partisi_di_default(t text) RETURNS SETOF int
LANGUAGE plpgsql STABLE AS $f$
BEGIN
  IF to_regclass(t || '_default') IS NULL THEN RETURN; END IF;
  IF t = 'audit_log' THEN
    RETURN QUERY EXECUTE format('SELECT DISTINCT (to_char(to_timestamp(waktu / 1000) AT TIME ZONE ''UTC'', ''YYYYMM''))::int'
                                '  FROM %I WHERE waktu >= 0 AND waktu < 253402300800000', t || '_default');
  ELSE
    RETURN QUERY EXECUTE format('SELECT DISTINCT (substr(tanggal, 1, 4) || substr(tanggal, 6, 2))::int FROM %I'
                                ' WHERE tanggal ~ ''^(19[7-9][0-9]|[2-9][0-9]{3})-(0[1-9]|1[0-2])-''', t || '_default');
  END IF;
END $f$;

-- Converts table t into one partitioned by RANGE (k) with primary key pk, keeping its rows,
-- indexes, triggers and foreign keys; one partition per month found in the data + default.
CREATE FUNCTION kinerja_partisi_ubah(t text, k text, pk text) RETURNS void
LANGUAGE plpgsql AS $f$
DECLARE idx text[]; trg text[]; fk text[]; s text; m int; lama text := t || '_lama';
BEGIN
  SELECT coalesce(array_agg(pg_get_indexdef(i.indexrelid)), '{}') INTO idx
    FROM pg_index i WHERE i.indrelid = t::regclass AND NOT i.indisprimary;
  SELECT coalesce(array_agg(pg_get_triggerdef(g.oid)), '{}') INTO trg
    FROM pg_trigger g WHERE g.tgrelid = t::regclass AND NOT g.tgisinternal;
  SELECT coalesce(array_agg(format('ALTER TABLE %I ADD CONSTRAINT %I %s', t, c.conname, pg_get_constraintdef(c.oid))), '{}') INTO fk
    FROM pg_constraint c WHERE c.conrelid = t::regclass AND c.contype = 'f';
  EXECUTE format('ALTER TABLE %I RENAME TO %I', t, lama);
  EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', lama, t || '_pkey', lama || '_pkey');
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING IDENTITY,'
                 ' PRIMARY KEY (%s)) PARTITION BY RANGE (%I)', t, lama, pk, k);
  EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', t || '_default', t);
  IF t = 'audit_log' THEN
    FOR m IN SELECT DISTINCT (to_char(to_timestamp(waktu / 1000) AT TIME ZONE 'UTC', 'YYYYMM'))::int
               FROM audit_log_lama WHERE waktu >= 0 AND waktu < 253402300800000 LOOP
      PERFORM kinerja_partisi_buat(t, m / 100, m % 100);
    END LOOP;
  ELSE
    FOR m IN EXECUTE format('SELECT DISTINCT (substr(tanggal, 1, 4) || substr(tanggal, 6, 2))::int FROM %I'
                            ' WHERE tanggal ~ ''^(19[7-9][0-9]|[2-9][0-9]{3})-(0[1-9]|1[0-2])-''', lama) LOOP
      PERFORM kinerja_partisi_buat(t, m / 100, m % 100);
    END LOOP;
  END IF;
  EXECUTE format('INSERT INTO %I SELECT * FROM %I', t, lama);
  EXECUTE format('DROP TABLE %I CASCADE', lama);
  FOREACH s IN ARRAY idx LOOP EXECUTE s; END LOOP;
  FOREACH s IN ARRAY fk LOOP EXECUTE s; END LOOP;
  FOREACH s IN ARRAY trg LOOP EXECUTE s; END LOOP;
END $f$;

DO $m$ BEGIN
  PERFORM kinerja_partisi_ubah('aktivitas', 'tanggal', 'id, tanggal');
  PERFORM kinerja_partisi_ubah('audit_log', 'waktu', 'id, waktu');
  PERFORM kinerja_partisi_ubah('presensi', 'tanggal', 'pegawai_id, tanggal');
END $m$;

-- bukti.aktivitas_id: the reference the dropped foreign key kept, checked by triggers.
CREATE FUNCTION bukti_aktivitas_ada_fn() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.aktivitas_id IS NOT NULL THEN
    PERFORM 1 FROM aktivitas WHERE id = NEW.aktivitas_id FOR KEY SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'insert or update on table "bukti" violates reference to aktivitas(id): % does not exist',
        NEW.aktivitas_id USING ERRCODE = 'foreign_key_violation';
    END IF;
  END IF;
  RETURN NEW;
END $f$;

CREATE FUNCTION aktivitas_dirujuk_fn() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF EXISTS (SELECT 1 FROM bukti WHERE aktivitas_id = OLD.id)
     AND NOT EXISTS (SELECT 1 FROM aktivitas WHERE id = OLD.id) THEN
    RAISE EXCEPTION 'delete on table "aktivitas" violates reference from bukti: % is still referenced',
      OLD.id USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $f$;
-- (in a DO block: a bare CREATE TRIGGER would be taken for SQLite's syntax by src/db/pg_sql.c)
DO $m$ BEGIN
  CREATE TRIGGER bukti_aktivitas_ada BEFORE INSERT OR UPDATE OF aktivitas_id ON bukti
    FOR EACH ROW EXECUTE FUNCTION bukti_aktivitas_ada_fn();
  CREATE TRIGGER aktivitas_dirujuk AFTER DELETE ON aktivitas
    FOR EACH ROW EXECUTE FUNCTION aktivitas_dirujuk_fn();
END $m$;
