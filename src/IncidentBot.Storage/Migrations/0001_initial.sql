-- IncidentBot schema, version 1.
-- Instants are Unix milliseconds (INTEGER); flags are 0/1 INTEGER; enums are stored by name so the
-- database reads on its own. The DML the store issues is kept portable (ON CONFLICT, RETURNING, LIMIT
-- work in SQLite and PostgreSQL); DDL like INTEGER PRIMARY KEY (SQLite's rowid alias) is per database.
-- Foreign keys are checked at commit, so a unit of work may write its rows in any order.

-- One sequence for the whole deployment: INC-42 names one incident across Slack, Discord and the API.
CREATE TABLE id_sequences (
    name TEXT NOT NULL PRIMARY KEY,
    last_value INTEGER NOT NULL
);

INSERT INTO id_sequences (name, last_value) VALUES ('incident', 0);

CREATE TABLE incidents (
    number INTEGER NOT NULL PRIMARY KEY,
    platform TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    root_message_id TEXT NULL,
    thread_id TEXT NULL,
    title TEXT NOT NULL,
    severity INTEGER NOT NULL,
    status TEXT NOT NULL,
    commander_id TEXT NOT NULL,
    commander_name TEXT NOT NULL,
    declared_by_id TEXT NOT NULL,
    declared_by_name TEXT NOT NULL,
    declared_at INTEGER NOT NULL,
    acknowledged_at INTEGER NULL,
    acknowledged_by_id TEXT NULL,
    acknowledged_by_name TEXT NULL,
    resolved_at INTEGER NULL,
    closed_at INTEGER NULL,
    reopened_at INTEGER NULL,
    summary TEXT NULL,
    impact TEXT NULL,
    last_update_at INTEGER NULL,
    last_update_text TEXT NULL,
    last_ack_reminder_at INTEGER NULL,
    last_update_reminder_at INTEGER NULL,
    monitoring_reminder_sent INTEGER NOT NULL,
    postmortem_reminders_sent INTEGER NOT NULL,
    postmortem_done_at INTEGER NULL,
    postmortem_link TEXT NULL,
    next_reminder_at INTEGER NULL
);

-- The reminder loop asks for the earliest clock and for the due ones: both read this index only.
CREATE INDEX ix_incidents_next_reminder_at ON incidents (next_reminder_at);
CREATE INDEX ix_incidents_workspace_thread ON incidents (platform, workspace_id, thread_id);
CREATE INDEX ix_incidents_workspace_root ON incidents (platform, workspace_id, root_message_id);
CREATE INDEX ix_incidents_workspace_status ON incidents (platform, workspace_id, status);

CREATE TABLE incident_responders (
    incident_number INTEGER NOT NULL REFERENCES incidents (number) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    PRIMARY KEY (incident_number, position)
);

CREATE TABLE timeline_entries (
    id INTEGER NOT NULL PRIMARY KEY,
    incident_number INTEGER NOT NULL REFERENCES incidents (number) DEFERRABLE INITIALLY DEFERRED,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    author_id TEXT NULL,
    author_name TEXT NULL,
    text TEXT NOT NULL,
    source_message_id TEXT NULL,
    detail TEXT NULL,
    is_key INTEGER NOT NULL,
    is_deleted INTEGER NOT NULL
);

CREATE INDEX ix_timeline_entries_incident ON timeline_entries (incident_number, at);
CREATE INDEX ix_timeline_entries_source ON timeline_entries (source_message_id);

-- The text an entry had before each edit, oldest first; never rewritten.
CREATE TABLE timeline_revisions (
    id INTEGER NOT NULL PRIMARY KEY,
    timeline_id INTEGER NOT NULL REFERENCES timeline_entries (id) DEFERRABLE INITIALLY DEFERRED,
    replaced_at INTEGER NOT NULL,
    previous_text TEXT NOT NULL
);

CREATE INDEX ix_timeline_revisions_entry ON timeline_revisions (timeline_id, id);

CREATE TABLE action_items (
    id INTEGER NOT NULL PRIMARY KEY,
    incident_number INTEGER NOT NULL REFERENCES incidents (number) DEFERRABLE INITIALLY DEFERRED,
    text TEXT NOT NULL,
    owner_id TEXT NULL,
    owner_name TEXT NULL,
    due TEXT NULL,
    done INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE INDEX ix_action_items_incident ON action_items (incident_number, id);

-- De-duplication of platform deliveries (Slack retries, Discord re-deliveries, double clicks).
CREATE TABLE inbound_keys (
    platform TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    dedup_key TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (platform, workspace_id, dedup_key)
);

CREATE INDEX ix_inbound_keys_received_at ON inbound_keys (received_at);

-- kind is the intent's JSON discriminator; waits_for names the incident field ('root' or 'thread')
-- that an earlier message must fill before this one can go out.
CREATE TABLE outbox (
    id INTEGER NOT NULL PRIMARY KEY,
    incident_number INTEGER NOT NULL REFERENCES incidents (number) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL,
    waits_for TEXT NULL,
    intent TEXT NOT NULL,
    state TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT NULL,
    finished_at INTEGER NULL
);

CREATE INDEX ix_outbox_pending ON outbox (incident_number, kind, id) WHERE state = 'pending';
CREATE INDEX ix_outbox_finished ON outbox (finished_at) WHERE state <> 'pending';

CREATE TABLE audit_entries (
    id INTEGER NOT NULL PRIMARY KEY,
    platform TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    incident_number INTEGER NULL,
    at INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);

CREATE INDEX ix_audit_entries_incident ON audit_entries (incident_number, id);

-- The latest postmortem draft of each incident.
CREATE TABLE postmortems (
    incident_number INTEGER NOT NULL PRIMARY KEY REFERENCES incidents (number) DEFERRABLE INITIALLY DEFERRED,
    markdown TEXT NOT NULL,
    generated_at INTEGER NOT NULL
);
