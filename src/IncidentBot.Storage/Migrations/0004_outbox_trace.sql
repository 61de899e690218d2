-- IncidentBot schema, version 4: the trace a queued message belongs to.
-- trace_parent: the W3C traceparent of the input that queued the message (NULL when tracing is off), so the
-- delivery, hours later and maybe on another replica, continues that input's trace up to the platform call.
ALTER TABLE outbox ADD COLUMN trace_parent TEXT NULL;
