-- IncidentBot schema, version 4, PostgreSQL dialect of ../0004_outbox_trace.sql: the W3C traceparent of the input
-- that queued a message (NULL when tracing is off), so its delivery continues that input's trace.
ALTER TABLE outbox ADD COLUMN trace_parent text NULL;
