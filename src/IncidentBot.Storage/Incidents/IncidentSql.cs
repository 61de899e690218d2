using System.Data.Common;
using Dapper;
using IncidentBot.Core.Incidents;
using IncidentBot.Storage.Database;

namespace IncidentBot.Storage.Incidents;

/// <summary>
/// The incident queries, shared by the unit of work (inside its transaction) and the store's reads.
/// Filters are constants of this class, never caller text; values always travel as parameters.
/// </summary>
internal static class IncidentSql
{
    public const string ByNumber = "i.number = @Number";

    public const string ByWorkspaceAndNumber = "i.number = @Number AND i.platform = @Platform AND i.workspace_id = @WorkspaceId";

    public const string ByWorkspaceAndThread =
        "(i.thread_id = @ThreadId OR (i.thread_id IS NULL AND i.root_message_id = @ThreadId)) AND i.platform = @Platform AND i.workspace_id = @WorkspaceId";

    public const string ByWorkspaceAndRoot = "i.root_message_id = @RootMessageId AND i.platform = @Platform AND i.workspace_id = @WorkspaceId";

    public const string OpenInWorkspace = "i.status <> 'Closed' AND i.platform = @Platform AND i.workspace_id = @WorkspaceId";

    public const string OpenInWorkspaceChannel = OpenInWorkspace + " AND i.channel_id = @ChannelId";

    public const string Open = "i.status <> 'Closed'";

    public const string All = "1 = 1";

    /// <summary>Newest first; the number breaks ties between incidents declared in the same millisecond.</summary>
    public const string NewestFirst = "i.declared_at DESC, i.number DESC";

    private const string Columns = """
        i.number AS Number, i.platform AS Platform, i.workspace_id AS WorkspaceId, i.channel_id AS ChannelId,
        i.root_message_id AS RootMessageId, i.thread_id AS ThreadId, i.title AS Title, i.severity AS Severity,
        i.status AS Status, i.commander_id AS CommanderId, i.commander_name AS CommanderName,
        i.declared_by_id AS DeclaredById, i.declared_by_name AS DeclaredByName, i.declared_at AS DeclaredAt,
        i.acknowledged_at AS AcknowledgedAt, i.acknowledged_by_id AS AcknowledgedById,
        i.acknowledged_by_name AS AcknowledgedByName, i.resolved_at AS ResolvedAt, i.closed_at AS ClosedAt,
        i.reopened_at AS ReopenedAt, i.summary AS Summary, i.impact AS Impact, i.last_update_at AS LastUpdateAt,
        i.last_update_text AS LastUpdateText, i.last_ack_reminder_at AS LastAckReminderAt,
        i.last_update_reminder_at AS LastUpdateReminderAt, i.monitoring_reminder_sent AS MonitoringReminderSent,
        i.postmortem_reminders_sent AS PostmortemRemindersSent, i.postmortem_done_at AS PostmortemDoneAt,
        i.postmortem_link AS PostmortemLink, i.next_reminder_at AS NextReminderAt
        """;

    // Root and thread ids are written once by the dispatcher (SetRootMessageAsync/SetThreadAsync) and never
    // cleared, so an incident saved from a copy read before they were set must not erase them.
    private const string Upsert = """
        INSERT INTO incidents (
            number, platform, workspace_id, channel_id, root_message_id, thread_id, title, severity, status,
            commander_id, commander_name, declared_by_id, declared_by_name, declared_at, acknowledged_at,
            acknowledged_by_id, acknowledged_by_name, resolved_at, closed_at, reopened_at, summary, impact,
            last_update_at, last_update_text, last_ack_reminder_at, last_update_reminder_at, monitoring_reminder_sent,
            postmortem_reminders_sent, postmortem_done_at, postmortem_link, next_reminder_at)
        VALUES (
            @Number, @Platform, @WorkspaceId, @ChannelId, @RootMessageId, @ThreadId, @Title, @Severity, @Status,
            @CommanderId, @CommanderName, @DeclaredById, @DeclaredByName, @DeclaredAt, @AcknowledgedAt,
            @AcknowledgedById, @AcknowledgedByName, @ResolvedAt, @ClosedAt, @ReopenedAt, @Summary, @Impact,
            @LastUpdateAt, @LastUpdateText, @LastAckReminderAt, @LastUpdateReminderAt, @MonitoringReminderSent,
            @PostmortemRemindersSent, @PostmortemDoneAt, @PostmortemLink, @NextReminderAt)
        ON CONFLICT (number) DO UPDATE SET
            channel_id = excluded.channel_id,
            root_message_id = COALESCE(excluded.root_message_id, incidents.root_message_id),
            thread_id = COALESCE(excluded.thread_id, incidents.thread_id),
            title = excluded.title,
            severity = excluded.severity,
            status = excluded.status,
            commander_id = excluded.commander_id,
            commander_name = excluded.commander_name,
            declared_by_id = excluded.declared_by_id,
            declared_by_name = excluded.declared_by_name,
            declared_at = excluded.declared_at,
            acknowledged_at = excluded.acknowledged_at,
            acknowledged_by_id = excluded.acknowledged_by_id,
            acknowledged_by_name = excluded.acknowledged_by_name,
            resolved_at = excluded.resolved_at,
            closed_at = excluded.closed_at,
            reopened_at = excluded.reopened_at,
            summary = excluded.summary,
            impact = excluded.impact,
            last_update_at = excluded.last_update_at,
            last_update_text = excluded.last_update_text,
            last_ack_reminder_at = excluded.last_ack_reminder_at,
            last_update_reminder_at = excluded.last_update_reminder_at,
            monitoring_reminder_sent = excluded.monitoring_reminder_sent,
            postmortem_reminders_sent = excluded.postmortem_reminders_sent,
            postmortem_done_at = excluded.postmortem_done_at,
            postmortem_link = excluded.postmortem_link,
            next_reminder_at = excluded.next_reminder_at
        WHERE incidents.platform = excluded.platform AND incidents.workspace_id = excluded.workspace_id
        """;

    public static async Task<IReadOnlyList<Incident>> QueryAsync(
        DbConnection connection, DbTransaction? transaction, string filter, string order, object parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<IncidentRow>(new CommandDefinition(
            $"SELECT {Columns} FROM incidents i WHERE {filter} ORDER BY {order}", parameters, transaction, cancellationToken: cancellationToken));
        var list = rows.AsList();
        if (list.Count == 0)
        {
            return [];
        }

        var responders = (await connection.QueryAsync<ResponderRow>(new CommandDefinition(
            $"""
            SELECT r.incident_number AS IncidentNumber, r.position AS Position, r.user_id AS UserId, r.user_name AS UserName
            FROM incident_responders r JOIN incidents i ON i.number = r.incident_number
            WHERE {filter} ORDER BY r.incident_number, r.position
            """, parameters, transaction, cancellationToken: cancellationToken)))
            .ToLookup(r => r.IncidentNumber, r => new UserRef(r.UserId, r.UserName));
        return list.Select(row => row.ToIncident([.. responders[row.Number]])).ToList();
    }

    public static async Task<Incident?> FirstAsync(
        DbConnection connection, DbTransaction? transaction, string filter, object parameters, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(connection, transaction, filter, NewestFirst, parameters, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Incidents matching a filter, through kept prepared commands (what <c>list</c> and inferred targets read).</summary>
    public static async Task<IReadOnlyList<Incident>> QueryAsync(
        Statements statements, string filter, string order, CancellationToken cancellationToken, params (string Name, object? Value)[] values)
    {
        var rows = await statements.QueryAsync<IncidentRow>($"SELECT {Columns} FROM incidents i WHERE {filter} ORDER BY {order}", cancellationToken, values);
        if (rows.Count == 0)
        {
            return [];
        }

        var responders = (await statements.QueryAsync<ResponderRow>(
            $"""
            SELECT r.incident_number AS IncidentNumber, r.position AS Position, r.user_id AS UserId, r.user_name AS UserName
            FROM incident_responders r JOIN incidents i ON i.number = r.incident_number
            WHERE {filter} ORDER BY r.incident_number, r.position
            """, cancellationToken, values))
            .ToLookup(r => r.IncidentNumber, r => new UserRef(r.UserId, r.UserName));
        return rows.Select(row => row.ToIncident([.. responders[row.Number]])).ToList();
    }

    /// <summary>One incident of a workspace by number, through kept prepared commands: the lookup nearly every command makes.</summary>
    public static async Task<Incident?> ByNumberAsync(Statements statements, IncidentId id, WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var rows = await statements.QueryAsync<IncidentRow>(
            $"SELECT {Columns} FROM incidents i WHERE {ByWorkspaceAndNumber}",
            cancellationToken,
            ("@Number", id.Number),
            ("@Platform", workspace.Platform.ToString()),
            ("@WorkspaceId", workspace.Id));
        if (rows.Count == 0)
        {
            return null;
        }

        var responders = await statements.QueryAsync<ResponderRow>(
            """
            SELECT r.incident_number AS IncidentNumber, r.position AS Position, r.user_id AS UserId, r.user_name AS UserName
            FROM incident_responders r WHERE r.incident_number = @Number ORDER BY r.position
            """,
            cancellationToken,
            ("@Number", id.Number));
        return rows[0].ToIncident([.. responders.Select(r => new UserRef(r.UserId, r.UserName))]);
    }

    /// <summary>Inserts or updates the incident and replaces its responders; refuses to move it to another workspace.</summary>
    public static async Task SaveAsync(DbConnection connection, DbTransaction transaction, Incident incident, CancellationToken cancellationToken)
    {
        var row = IncidentRow.From(incident);
        var changed = await connection.ExecuteAsync(new CommandDefinition(Upsert, row, transaction, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            throw new InvalidOperationException($"{incident.Id} belongs to another workspace than {incident.Workspace}; it was not saved.");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM incident_responders WHERE incident_number = @Number", new { row.Number }, transaction, cancellationToken: cancellationToken));
        var responders = incident.Responders.Select((r, i) => new ResponderRow
        {
            IncidentNumber = row.Number,
            Position = i,
            UserId = r.Id,
            UserName = r.Name,
        });
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO incident_responders (incident_number, position, user_id, user_name) VALUES (@IncidentNumber, @Position, @UserId, @UserName)",
            responders,
            transaction,
            cancellationToken: cancellationToken));
    }
}
