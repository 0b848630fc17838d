-- 033: state that the nodes of one deployment share (issue 12 part 4: stateless nodes).  Several
-- kinerja processes on one PostgreSQL database answer requests of the same user in any order, so
-- what one node learns that another must know lives here, not in a process.  On SQLite (one node)
-- the same tables are used by the same code; only laju_pakai stays empty there (see src/http/laju_bersama.c).

-- Failed sign-in attempts per client address (login, second factor, SSO callback), one fixed
-- window per address (src/auth/session.c throttle_*).  Rows older than the window are deleted by
-- the daily pass.
CREATE TABLE gagal_masuk (
  alamat TEXT    PRIMARY KEY,   -- the client key: an IPv4 address or the /64 of an IPv6 address
  mulai  INTEGER NOT NULL,      -- unix seconds: start of the current window
  jumlah INTEGER NOT NULL       -- failed attempts in that window
);

-- A report export is claimed with a lease (FOR UPDATE SKIP LOCKED on PostgreSQL); a node that dies
-- leaves it to be claimed again once the lease ran out.  percobaan fences the writes of a claim:
-- a node whose lease was taken over cannot mark the job any more.
ALTER TABLE laporan_ekspor ADD COLUMN sewa_sampai INTEGER;   -- unix seconds the running claim lasts
ALTER TABLE laporan_ekspor ADD COLUMN percobaan INTEGER NOT NULL DEFAULT 0;   -- claims so far
ALTER TABLE laporan_ekspor ADD COLUMN simpul TEXT;           -- the node of the last claim (host:pid)

-- Once-a-day work of the server (the 07:00 WIB reminders): the node that claims the day runs it.
CREATE TABLE tugas_harian (
  nama    TEXT    PRIMARY KEY,  -- the job: 'pengingat'
  tanggal TEXT    NOT NULL,     -- the last day claimed (YYYY-MM-DD, WIB)
  simpul  TEXT    NOT NULL,     -- the node that claimed it
  mulai   INTEGER NOT NULL,     -- unix seconds of the claim
  selesai INTEGER               -- unix seconds it finished; NULL while running (retried after 600 s)
);

-- Request rate limits counted across nodes (src/http/laju_bersama.c): every second each node adds
-- the tokens its buckets gave out since its last report and subtracts what the others reported.
CREATE TABLE laju_pakai (
  id     INTEGER PRIMARY KEY,
  simpul TEXT    NOT NULL,      -- the reporting node
  kelas  INTEGER NOT NULL,      -- enum laju_kelas
  kunci  INTEGER NOT NULL,      -- 64-bit keyed hash of (class, client address or user id)
  n      INTEGER NOT NULL,      -- tokens taken on that node since its previous report
  waktu  INTEGER NOT NULL       -- unix seconds of the report (rows older than a minute are deleted)
);
CREATE INDEX laju_pakai_waktu ON laju_pakai (waktu);

-- Secrets every node must hold alike.  'laju': the hash key of rate-limit buckets (hex), made by
-- the first node that starts.
CREATE TABLE simpul_rahasia (
  nama  TEXT PRIMARY KEY,
  nilai TEXT NOT NULL
);
