-- 008: the review queue (issue 5) pages through an atasan's waiting activities newest first.
-- With the id as the index's last column, `penilai_id = ? AND status = ? ORDER BY id DESC LIMIT n`
-- reads n index entries instead of sorting the whole queue or scanning the table by id.
DROP INDEX aktivitas_penilai_status;
CREATE INDEX aktivitas_penilai_status ON aktivitas (penilai_id, status, id);
