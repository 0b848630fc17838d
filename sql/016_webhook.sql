-- 016_webhook.sql: webhooks for e-Office/HRIS (issue 10 item 3).  An admin registers a URL and
-- the events it wants; when such an event happens (an SKP approved, a penilaian finalised, a
-- TPP month approved) one row per listening webhook goes into webhook_pengiriman in the same
-- transaction as the action (a transactional outbox).  A background sender
-- (src/webhook_pengirim.c) claims due rows, POSTs them signed with HMAC-SHA256 and records the
-- outcome; the user's request never waits on a receiver.  Portable SQL (sql/README.md).
CREATE TABLE webhook (
  id          INTEGER PRIMARY KEY,
  instansi_id INTEGER NOT NULL REFERENCES instansi(id),  -- whose events it receives; whose admins manage it
  url         TEXT    NOT NULL,    -- https://...; http:// only for localhost or with KINERJA_WEBHOOK_HTTP=1
  keterangan  TEXT,                -- free label for people ("e-Office Pemkab"), one line
  -- The HMAC-SHA256 key the receiver shares.  Stored as is, not hashed: the sender needs it to
  -- sign every delivery.  Shown once by the API (on creation and on rotation), never listed,
  -- logged or audited; emptied when the webhook is deleted.  Protect the database file and
  -- its backups accordingly.
  rahasia     TEXT    NOT NULL,
  aktif       INTEGER NOT NULL DEFAULT 1,   -- 0 = paused: nothing is queued, queued rows wait
  dibuat      INTEGER NOT NULL,    -- unix s
  diubah      INTEGER NOT NULL,    -- unix s
  dihapus     INTEGER              -- unix s when deleted (kept for the delivery log); NULL = live
);
-- the instansi's live webhooks (admin list, the enqueue of an event)
CREATE INDEX webhook_instansi ON webhook (instansi_id, aktif, dihapus);

-- The events one webhook listens to (skp.disetujui, penilaian.final, tpp.bulan_disetujui).
CREATE TABLE webhook_peristiwa (
  webhook_id  INTEGER NOT NULL REFERENCES webhook(id),
  peristiwa   TEXT    NOT NULL,
  PRIMARY KEY (webhook_id, peristiwa)
);

-- One delivery of one event to one webhook, and its log.
CREATE TABLE webhook_pengiriman (
  id          INTEGER PRIMARY KEY,  -- sent as X-Kinerja-Delivery (stable across retries)
  webhook_id  INTEGER NOT NULL REFERENCES webhook(id),
  peristiwa   TEXT    NOT NULL,    -- the event, sent as X-Kinerja-Event (also 'ping' from the test button)
  isi         TEXT    NOT NULL,    -- the JSON body exactly as sent and signed (ids, NIP and names only)
  status      TEXT    NOT NULL DEFAULT 'antri'
              CHECK (status IN ('antri','mengirim','terkirim','gagal')),
  percobaan   INTEGER NOT NULL DEFAULT 0,   -- attempts made so far
  http_status INTEGER,             -- the receiver's last HTTP status; NULL = no answer
  galat       TEXT,                -- last error: Indonesian summary + the HTTP client's message
  coba_lagi   INTEGER NOT NULL,    -- antri: not before this instant (unix s)
  diklaim     INTEGER,             -- mengirim: when a sender claimed it (reclaimed after 10 min)
  dibuat      INTEGER NOT NULL,    -- unix s
  dikirim     INTEGER              -- terkirim: when the receiver answered 2xx (unix s)
);
-- the sender: due rows by status and time
CREATE INDEX webhook_pengiriman_antri ON webhook_pengiriman (status, coba_lagi);
-- the delivery log of one webhook, newest first (optionally one status)
CREATE INDEX webhook_pengiriman_webhook ON webhook_pengiriman (webhook_id, id);
CREATE INDEX webhook_pengiriman_webhook_status ON webhook_pengiriman (webhook_id, status, id);
