using IncidentBot.Storage.Database;

namespace IncidentBot.Storage.Outbox;

/// <summary>
/// The dispatcher's queries. Two kinds of candidate per incident:
/// the head, its oldest pending message other than a status-doc edit (later ones wait behind it, so delivery
/// stays in order), deliverable once its retry time has come and the incident field it waits for is set;
/// and the status-doc edit, standing for all pending edits of the incident (the dispatcher renders the
/// current state, so one edit covers them), deliverable once the root is posted and the latest retry time
/// among them has come (a deferred or backed-off edit is not overtaken by a newer one).
/// </summary>
internal static class OutboxSql
{
    /// <summary>The intent is a JSON document: <c>jsonb</c> on PostgreSQL.</summary>
    public static string Enqueue(SqlDialect dialect) => $"""
        INSERT INTO outbox (incident_number, kind, waits_for, intent, state, created_at, attempts, next_attempt_at, last_error, finished_at)
        VALUES (@IncidentNumber, @Kind, @WaitsFor, {dialect.Json("Intent")}, 'pending', @At, 0, @At, NULL, NULL)
        """;

    public const string Deliverable = $"""
        SELECT {Columns} FROM outbox o
        JOIN incidents i ON i.number = o.incident_number
        WHERE o.id IN ({Heads}) AND o.next_attempt_at <= @Now AND {Ready}
        UNION ALL
        SELECT {Columns} FROM outbox o
        JOIN ({EditGroups}) e ON e.newest_id = o.id
        JOIN incidents i ON i.number = o.incident_number
        WHERE e.due_at <= @Now AND i.root_message_id IS NOT NULL
        ORDER BY Id
        LIMIT @Limit
        """;

    public const string NextAttempt = $"""
        SELECT MIN(due_at) FROM (
            SELECT o.next_attempt_at AS due_at FROM outbox o
            JOIN incidents i ON i.number = o.incident_number
            WHERE o.id IN ({Heads}) AND {Ready}
            UNION ALL
            SELECT e.due_at FROM ({EditGroups}) e
            JOIN incidents i ON i.number = e.incident_number
            WHERE i.root_message_id IS NOT NULL
        ) candidates
        """;

    public const string CountPending = "SELECT COUNT(*) FROM outbox WHERE state = 'pending'";

    public const string OldestPending = "SELECT MIN(created_at) FROM outbox WHERE state = 'pending'";

    /// <summary>
    /// Finishes a message. An edit finishes the older pending edits of its incident with it: they were
    /// coalesced into the one delivered (or refused).
    /// </summary>
    public const string Finish = """
        UPDATE outbox
        SET state = @State, finished_at = @At,
            attempts = attempts + CASE WHEN id = @Id THEN 1 ELSE 0 END,
            last_error = CASE WHEN id = @Id THEN COALESCE(@Reason, last_error) ELSE last_error END
        WHERE state = 'pending'
          AND (id = @Id OR (kind = 'edit_root' AND id < @Id
               AND incident_number = (SELECT x.incident_number FROM outbox x WHERE x.id = @Id AND x.kind = 'edit_root')))
        """;

    public const string FinishEdits = """
        UPDATE outbox SET state = 'delivered', finished_at = @At
        WHERE state = 'pending' AND kind = 'edit_root' AND incident_number = @Number AND id <= @UpToId
        """;

    public const string Reschedule = """
        UPDATE outbox SET attempts = attempts + 1, next_attempt_at = @NextAttemptAt, last_error = @Reason
        WHERE id = @Id AND state = 'pending'
        """;

    public const string Defer = "UPDATE outbox SET next_attempt_at = @NextAttemptAt WHERE id = @Id AND state = 'pending'";

    public const string Prune = "DELETE FROM outbox WHERE state <> 'pending' AND finished_at < @Cutoff";

    private const string Columns = """
        o.id AS Id, o.incident_number AS IncidentNumber, o.intent AS Intent, o.created_at AS CreatedAt,
        o.attempts AS Attempts, o.next_attempt_at AS NextAttemptAt, o.last_error AS LastError
        """;

    private const string Heads =
        "SELECT MIN(h.id) FROM outbox h WHERE h.state = 'pending' AND h.kind <> 'edit_root' GROUP BY h.incident_number";

    private const string Ready = """
        (o.waits_for IS NULL
         OR (o.waits_for = 'root' AND i.root_message_id IS NOT NULL)
         OR (o.waits_for = 'thread' AND i.thread_id IS NOT NULL))
        """;

    private const string EditGroups = """
        SELECT g.incident_number, MAX(g.id) AS newest_id, MAX(g.next_attempt_at) AS due_at
        FROM outbox g WHERE g.state = 'pending' AND g.kind = 'edit_root' GROUP BY g.incident_number
        """;
}
