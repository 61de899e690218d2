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
    /// were coalesced into the one delivered (or refused).
    /// </summary>
    public const string Finish = """
        UPDATE outbox
        SET state = @State, finished_at = @At, lease_owner = NULL, lease_expires_at = NULL,
            last_error = CASE WHEN id = @Id THEN COALESCE(@Reason, last_error) ELSE last_error END
        WHERE state = 'pending'
          AND (id = @Id OR (lane = 'doc' AND id < @Id
               AND incident_number = (SELECT x.incident_number FROM outbox x WHERE x.id = @Id AND x.lane = 'doc')))
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
    /// The heads of the ordered lanes: each incident's thread lane, and its PagerDuty lane (one lane of its own, so a
    /// PagerDuty outage holds back no chat message and chat holds back no PagerDuty call; in order among themselves).
    /// </summary>
    private const string ThreadHeads =
        "SELECT MIN(h.id) FROM outbox h WHERE h.state = 'pending' AND h.lane IN ('thread', 'pagerduty') GROUP BY h.incident_number, h.lane";

    private const string Ready = """
        (o.waits_for IS NULL
         OR (o.waits_for = 'root' AND i.root_message_id IS NOT NULL)
         OR (o.waits_for = 'thread' AND i.thread_id IS NOT NULL))
        """;

    private static string DocLanes(SqlDialect dialect) => $"""
        SELECT g.incident_number, MAX(g.id) AS newest_id, MAX(g.next_attempt_at) AS due_at,
               MAX(CASE WHEN {dialect.LeaseHeld("g")} THEN 1 ELSE 0 END) AS held
        FROM outbox g WHERE g.state = 'pending' AND g.lane = 'doc' GROUP BY g.incident_number
        """;

    private static string Candidates(SqlDialect dialect) => $"""
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
