using IncidentBot.Storage.Database;

namespace IncidentBot.Storage.Outbox;

/// <summary>
/// The dispatcher's queries, over the lanes of DESIGN.md §7. A lane's head is what can be claimed:
/// the thread lane's head is the incident's oldest pending thread message (later ones wait behind it, so the thread
/// stays in order), deliverable once its retry time has come and the incident field it waits for is set; the
/// status-doc lane's head is its newest pending edit, standing for all of them (the dispatcher renders the current
/// state, so one edit covers them), deliverable once the root is posted and the latest retry time among them has come
/// (a deferred or backed-off edit is not overtaken by a newer one); every pending reply is the head of its own lane.
/// A claimed head holds its lane until its outcome is written. Only what a live claim is differs per engine
/// (<see cref="SqlDialect.LeaseHeld"/>, <see cref="SqlDialect.Claimable"/>).
/// </summary>
internal static class OutboxSql
{
    /// <summary>The intent is a JSON document: <c>jsonb</c> on PostgreSQL.</summary>
    public static string Enqueue(SqlDialect dialect) => $"""
        INSERT INTO outbox (incident_number, kind, lane, waits_for, intent, state, created_at, attempts, next_attempt_at, last_error, finished_at, trace_parent)
        VALUES (@IncidentNumber, @Kind, @Lane, @WaitsFor, {dialect.Json("Intent")}, 'pending', @At, 0, @At, NULL, NULL, @TraceParent)
        """;

    /// <summary>
    /// A status-doc edit joins the incident's newest pending edit if no claim holds it yet: the dispatcher renders the
    /// state as it is when it delivers, so the waiting edit covers this change too, and a burst of updates leaves one
    /// row to deliver instead of one per update. An edit already claimed may be rendering the state before this
    /// change, so then a new row is queued. On PostgreSQL the update locks the row it joins, so a concurrent claim
    /// (FOR UPDATE SKIP LOCKED) passes it by until this transaction has committed, and a claim that won the race
    /// first leaves the row claimed, which this re-checks: 0 rows, and the edit is queued anew.
    /// </summary>
    public const string JoinPendingEdit = """
        UPDATE outbox SET trace_parent = COALESCE(@TraceParent, trace_parent)
        WHERE id = (SELECT MAX(p.id) FROM outbox p WHERE p.state = 'pending' AND p.incident_number = @IncidentNumber AND p.lane = 'doc')
          AND state = 'pending' AND lease_owner IS NULL
        """;

    /// <summary>
    /// Claims lane heads and counts the attempt in the same statement, so no platform call is made for a message whose
    /// attempt is not on disk: after a crash the next claim of it counts a second attempt, which makes it a retry.
    /// The engine guards the candidates against a concurrent claim (<see cref="SqlDialect.Claimable"/>).
    /// </summary>
    public static string Claim(SqlDialect dialect) => $"""
        UPDATE outbox
        SET attempts = attempts + 1, last_attempt_at = @Now, lease_owner = @Owner, lease_expires_at = @LeaseUntil
        WHERE id IN ({dialect.Claimable(Candidates(dialect))})
        RETURNING {Columns}
        """;

    public static string NextDue(SqlDialect dialect) => $"""
        {Busy}
        SELECT MIN(due_at) FROM (
            SELECT o.next_attempt_at AS due_at FROM outbox o
            JOIN incidents i ON i.number = o.incident_number
            WHERE o.id IN ({ThreadHeads}) AND {Ready} AND NOT {dialect.LeaseHeld("o")}
            UNION ALL
            SELECT e.due_at FROM ({DocLanes(dialect)}) e
            JOIN incidents i ON i.number = e.incident_number
            WHERE e.held = 0 AND i.root_message_id IS NOT NULL
            UNION ALL
            SELECT o.next_attempt_at FROM outbox o
            JOIN incidents i ON i.number = o.incident_number
            WHERE o.state = 'pending' AND o.lane = 'reply' AND {Ready} AND NOT {dialect.LeaseHeld("o")}
        ) candidates
        """;

    /// <summary>
    /// The holder of a claim pushes its leases forward while it lives, so that only a dead holder's claims expire
    /// (a shared database only: <see cref="SqlDialect.LeaseHeld"/>).
    /// </summary>
    public const string Renew = """
        UPDATE outbox SET lease_expires_at = @LeaseUntil
        WHERE state = 'pending' AND lease_owner = @Owner AND lease_expires_at > @Now
        """;

    public const string CountPending = "SELECT COUNT(*) FROM outbox WHERE state = 'pending'";

    public const string OldestPending = "SELECT MIN(created_at) FROM outbox WHERE state = 'pending'";

    /// <summary>
    /// Finishes a message and ends its claim. An edit finishes the older pending edits of its incident with it: they
    /// were coalesced into the one delivered (or refused). The rows are named by an id list, each part a seek (the
    /// message by key, the older edits on the pending index): an <c>OR</c> across the two let SQLite walk every row
    /// below the id, delivered ones included, which made each outcome slower the longer the outbox had been in use.
    /// </summary>
    public const string Finish = """
        UPDATE outbox
        SET state = @State, finished_at = @At, lease_owner = NULL, lease_expires_at = NULL,
            last_error = CASE WHEN id = @Id THEN COALESCE(@Reason, last_error) ELSE last_error END
        WHERE state = 'pending'
          AND id IN (
              SELECT @Id
              UNION ALL
              SELECT y.id FROM outbox y
              WHERE y.state = 'pending' AND y.lane = 'doc' AND y.id < @Id
                AND y.incident_number = (SELECT x.incident_number FROM outbox x WHERE x.id = @Id AND x.lane = 'doc'))
        """;

    public const string FinishEdits = """
        UPDATE outbox SET state = 'delivered', finished_at = @At, lease_owner = NULL, lease_expires_at = NULL
        WHERE state = 'pending' AND lane = 'doc' AND incident_number = @Number AND id <= @UpToId
        """;

    public const string SetRoot = "UPDATE incidents SET root_message_id = @Value WHERE number = @Number";

    public const string SetThread = "UPDATE incidents SET thread_id = @Value WHERE number = @Number";

    public const string Reschedule = """
        UPDATE outbox SET next_attempt_at = @NextAttemptAt, last_error = @Reason, lease_owner = NULL, lease_expires_at = NULL
        WHERE id = @Id AND state = 'pending'
        """;

    /// <summary>No call was made under the claim: the attempt it counted is taken back.</summary>
    public const string Release = """
        UPDATE outbox SET next_attempt_at = @NextAttemptAt, attempts = attempts - 1, lease_owner = NULL, lease_expires_at = NULL
        WHERE id = @Id AND state = 'pending' AND attempts > 0
        """;

    public const string Prune = "DELETE FROM outbox WHERE state <> 'pending' AND finished_at < @Cutoff";

    private const string Columns = """
        id AS Id, incident_number AS IncidentNumber, intent AS Intent, created_at AS CreatedAt,
        attempts AS Attempts, next_attempt_at AS NextAttemptAt, last_error AS LastError, trace_parent AS TraceParent
        """;

    /// <summary>
    /// <c>busy</c>: the incidents with a pending message, found by jumping from one to the next along the pending
    /// index (a loose index scan, https://wiki.postgresql.org/wiki/Loose_indexscan; SQLite answers the same
    /// <c>MIN</c> from its index, https://www.sqlite.org/optoverview.html#minmax), so a claim costs a seek per busy
    /// incident, not a read of every pending row: a backlog of thousands in one lane no longer slows every pass.
    /// </summary>
    private const string Busy = """
        WITH RECURSIVE busy(n) AS (
            SELECT MIN(f.incident_number) FROM outbox f WHERE f.state = 'pending'
            UNION ALL
            SELECT (SELECT MIN(x.incident_number) FROM outbox x WHERE x.state = 'pending' AND x.incident_number > busy.n)
            FROM busy WHERE busy.n IS NOT NULL)
        """;

    /// <summary>
    /// The heads of the ordered lanes, one seek each: each busy incident's thread lane, and its PagerDuty lane (one
    /// lane of its own, so a PagerDuty outage holds back no chat message and chat holds back no PagerDuty call; in
    /// order among themselves).
    /// </summary>
    private const string ThreadHeads = """
        SELECT (SELECT MIN(h.id) FROM outbox h WHERE h.state = 'pending' AND h.incident_number = b.n AND h.lane = l.lane)
        FROM busy b CROSS JOIN (SELECT 'thread' AS lane UNION ALL SELECT 'pagerduty') l
        WHERE b.n IS NOT NULL
        """;

    private const string Ready = """
        (o.waits_for IS NULL
         OR (o.waits_for = 'root' AND i.root_message_id IS NOT NULL)
         OR (o.waits_for = 'thread' AND i.thread_id IS NOT NULL))
        """;

    private static string DocLanes(SqlDialect dialect) => $"""
        SELECT g.incident_number, MAX(g.id) AS newest_id, MAX(g.next_attempt_at) AS due_at,
               MAX(CASE WHEN {dialect.LeaseHeld("g")} THEN 1 ELSE 0 END) AS held
        FROM outbox g
        WHERE g.state = 'pending' AND g.lane = 'doc' AND g.incident_number IN (SELECT b.n FROM busy b)
        GROUP BY g.incident_number
        """;

    private static string Candidates(SqlDialect dialect) => $"""
            {Busy}
            SELECT id FROM (
                SELECT o.id AS id FROM outbox o
                JOIN incidents i ON i.number = o.incident_number
                WHERE o.id IN ({ThreadHeads}) AND o.next_attempt_at <= @Now AND {Ready} AND NOT {dialect.LeaseHeld("o")}
                UNION ALL
                SELECT e.newest_id AS id FROM ({DocLanes(dialect)}) e
                JOIN incidents i ON i.number = e.incident_number
                WHERE e.due_at <= @Now AND e.held = 0 AND i.root_message_id IS NOT NULL
                ORDER BY 1
                LIMIT @Limit) lanes
            UNION ALL
            SELECT id FROM (
                SELECT o.id AS id FROM outbox o
                JOIN incidents i ON i.number = o.incident_number
                WHERE o.state = 'pending' AND o.lane = 'reply' AND o.next_attempt_at <= @Now AND {Ready} AND NOT {dialect.LeaseHeld("o")}
                ORDER BY o.id
                LIMIT @ReplyLimit) replies
        """;
}
