-- Alerts in, pages synced (DESIGN.md §9).

-- What the bot made of each alert group: the incident it declared, or a "declare?" notice waiting for a person.
-- A group gets a new row when its incident is closed and it fires again; the newest row is the group's current one.
-- notice_state: NULL (no notice), 'pending' (to post), 'posted', 'failed' (refused for good), 'dropped' (declared first).
CREATE TABLE alert_groups (
    id INTEGER NOT NULL PRIMARY KEY,
    platform TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    source TEXT NOT NULL,
    group_key TEXT NOT NULL,
    incident_number INTEGER NULL REFERENCES incidents (number) DEFERRABLE INITIALLY DEFERRED,
    title TEXT NOT NULL,
    severity INTEGER NOT NULL,
    detected_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    details TEXT NOT NULL,
    resolved INTEGER NOT NULL,
    notice_state TEXT NULL,
    notice_attempts INTEGER NOT NULL,
    notice_next_attempt_at INTEGER NULL,
    notice_message_id TEXT NULL,
    notice_last_error TEXT NULL
);

CREATE INDEX ix_alert_groups_key ON alert_groups (platform, workspace_id, source, group_key, id);
CREATE INDEX ix_alert_groups_notice ON alert_groups (notice_next_attempt_at) WHERE notice_state = 'pending';

-- One of our incidents and the PagerDuty incident it follows, one to one.
CREATE TABLE pagerduty_links (
    incident_number INTEGER NOT NULL PRIMARY KEY REFERENCES incidents (number) DEFERRABLE INITIALLY DEFERRED,
    pagerduty_id TEXT NOT NULL UNIQUE,
    url TEXT NULL,
    linked_at INTEGER NOT NULL
);
