-- IncidentBot schema, version 2, PostgreSQL dialect of ../0002_outbox_lanes.sql: outbox lanes, attempts recorded
-- before the call, claims with leases (DESIGN.md §7, §8). On PostgreSQL a claim is live, whichever replica holds it,
-- until lease_expires_at (Unix ms); its holder renews it while it lives.
ALTER TABLE outbox ADD COLUMN lane text NOT NULL DEFAULT 'thread';
ALTER TABLE outbox ADD COLUMN last_attempt_at bigint NULL;
ALTER TABLE outbox ADD COLUMN lease_owner text NULL;
ALTER TABLE outbox ADD COLUMN lease_expires_at bigint NULL;

UPDATE outbox SET lane = 'doc' WHERE kind = 'edit_root';
UPDATE outbox SET lane = 'reply' WHERE kind = 'reply';

DROP INDEX ix_outbox_pending;
CREATE INDEX ix_outbox_lane_pending ON outbox (incident_number, lane, id) WHERE state = 'pending';
CREATE INDEX ix_outbox_reply_pending ON outbox (lane, next_attempt_at) WHERE state = 'pending' AND lane = 'reply';
