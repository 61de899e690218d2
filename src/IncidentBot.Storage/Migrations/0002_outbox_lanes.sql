-- IncidentBot schema, version 2: outbox lanes, attempts recorded before the call, claims with leases (DESIGN.md §7).
-- lane: 'thread' (root, thread, posts, uploads, reactions of one incident, in id order), 'doc' (the status-doc
-- edits of one incident, coalesced) or 'reply' (each row a lane of its own: it waits for nothing before it).
-- last_attempt_at: when the latest attempt was claimed; the attempt is counted before the platform is called.
-- lease_owner / lease_expires_at: the dispatcher holding the row; a row is claimable when no live lease holds it.
ALTER TABLE outbox ADD COLUMN lane TEXT NOT NULL DEFAULT 'thread';
ALTER TABLE outbox ADD COLUMN last_attempt_at INTEGER NULL;
ALTER TABLE outbox ADD COLUMN lease_owner TEXT NULL;
ALTER TABLE outbox ADD COLUMN lease_expires_at INTEGER NULL;

UPDATE outbox SET lane = 'doc' WHERE kind = 'edit_root';
UPDATE outbox SET lane = 'reply' WHERE kind = 'reply';

DROP INDEX ix_outbox_pending;
CREATE INDEX ix_outbox_lane_pending ON outbox (incident_number, lane, id) WHERE state = 'pending';
CREATE INDEX ix_outbox_reply_pending ON outbox (lane, next_attempt_at) WHERE state = 'pending' AND lane = 'reply';
