using System.Data.Common;
using Dapper;
using IncidentBot.Core.Incidents;
using IncidentBot.Storage.Database;

namespace IncidentBot.Storage.Incidents;

/// <summary>Timeline entries and their revisions.</summary>
internal static class TimelineSql
{
    private const string Columns = """
        t.id AS Id, t.incident_number AS IncidentNumber, t.at AS At, t.kind AS Kind, t.author_id AS AuthorId,
        t.author_name AS AuthorName, t.text AS Text, t.source_message_id AS SourceMessageId, t.detail AS Detail,
        t.is_key AS IsKey, t.is_deleted AS IsDeleted
        """;

    private const string RevisionColumns = "r.timeline_id AS TimelineId, r.replaced_at AS ReplacedAt, r.previous_text AS PreviousText";

    /// <summary>The incident's timeline, oldest first (insertion order breaks ties).</summary>
    public static async Task<IReadOnlyList<TimelineEntry>> ForIncidentAsync(
        DbConnection connection, DbTransaction? transaction, IncidentId id, CancellationToken cancellationToken)
    {
        var parameters = new { id.Number };
        var rows = (await connection.QueryAsync<TimelineRow>(new CommandDefinition(
            $"SELECT {Columns} FROM timeline_entries t WHERE t.incident_number = @Number ORDER BY t.at, t.id",
            parameters, transaction, cancellationToken: cancellationToken))).AsList();
        if (rows.Count == 0)
        {
            return [];
        }

        var revisions = (await connection.QueryAsync<RevisionRow>(new CommandDefinition(
            $"""
            SELECT {RevisionColumns} FROM timeline_revisions r JOIN timeline_entries t ON t.id = r.timeline_id
            WHERE t.incident_number = @Number ORDER BY r.id
            """, parameters, transaction, cancellationToken: cancellationToken)))
            .ToLookup(r => r.TimelineId, r => r.ToRevision());
        return rows.Select(row => row.ToEntry([.. revisions[row.Id]])).ToList();
    }

    /// <summary>
    /// The newest <paramref name="count"/> entries not deleted (and not reminders unless asked), oldest first. It walks
    /// <c>ix_timeline_entries_incident</c> backwards from the newest, so its cost does not grow with the timeline.
    /// </summary>
    public static async Task<IReadOnlyList<TimelineEntry>> TailAsync(
        DbConnection connection, DbTransaction? transaction, IncidentId id, int count, bool withReminders, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<TimelineRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM timeline_entries t
            WHERE t.incident_number = @Number AND t.is_deleted = 0 {(withReminders ? string.Empty : "AND t.kind <> 'Reminder'")}
            ORDER BY t.at DESC, t.id DESC LIMIT @Count
            """,
            new { id.Number, Count = count }, transaction, cancellationToken: cancellationToken))).AsList();
        if (rows.Count == 0)
        {
            return [];
        }

        var parameters = new DynamicParameters();
        var ids = SqlIn.List("Id", rows.Select(r => r.Id).ToList(), parameters);
        var revisions = (await connection.QueryAsync<RevisionRow>(new CommandDefinition(
            $"SELECT {RevisionColumns} FROM timeline_revisions r WHERE r.timeline_id IN {ids} ORDER BY r.id",
            parameters, transaction, cancellationToken: cancellationToken)))
            .ToLookup(r => r.TimelineId, r => r.ToRevision());
        rows.Reverse();
        return rows.Select(row => row.ToEntry([.. revisions[row.Id]])).ToList();
    }

    public static Task<int> CountAsync(DbConnection connection, DbTransaction? transaction, IncidentId id, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM timeline_entries t WHERE t.incident_number = @Number AND t.is_deleted = 0",
            new { id.Number }, transaction, cancellationToken: cancellationToken));

    /// <summary>The newest entry recorded from a platform message, among the workspace's incidents (a kept statement: every thread message asks).</summary>
    public static async Task<TimelineEntry?> BySourceAsync(
        DbConnection connection, DbTransaction? transaction, Statements statements, WorkspaceId workspace, string sourceMessageId, CancellationToken cancellationToken)
    {
        var rows = await statements.QueryAsync<TimelineRow>(
            $"""
            SELECT {Columns} FROM timeline_entries t JOIN incidents i ON i.number = t.incident_number
            WHERE t.source_message_id = @SourceMessageId AND i.platform = @Platform AND i.workspace_id = @WorkspaceId
            ORDER BY t.id DESC LIMIT 1
            """,
            cancellationToken,
            ("@SourceMessageId", sourceMessageId),
            ("@Platform", workspace.Platform.ToString()),
            ("@WorkspaceId", workspace.Id));
        if (rows.Count == 0)
        {
            return null;
        }

        var revisions = await RevisionsAsync(connection, transaction, rows[0].Id, cancellationToken);
        return rows[0].ToEntry([.. revisions.Select(r => r.ToRevision())]);
    }

    public static async Task<long> AddAsync(
        DbConnection connection, DbTransaction transaction, Statements statements, TimelineEntry entry, CancellationToken cancellationToken)
    {
        var row = TimelineRow.From(entry);
        var id = await statements.ScalarAsync(
            """
            INSERT INTO timeline_entries (incident_number, at, kind, author_id, author_name, text, source_message_id, detail, is_key, is_deleted)
            VALUES (@IncidentNumber, @At, @Kind, @AuthorId, @AuthorName, @Text, @SourceMessageId, @Detail, @IsKey, @IsDeleted)
            RETURNING id
            """,
            cancellationToken,
            ("@IncidentNumber", row.IncidentNumber),
            ("@At", row.At),
            ("@Kind", row.Kind),
            ("@AuthorId", row.AuthorId),
            ("@AuthorName", row.AuthorName),
            ("@Text", row.Text),
            ("@SourceMessageId", row.SourceMessageId),
            ("@Detail", row.Detail),
            ("@IsKey", row.IsKey),
            ("@IsDeleted", row.IsDeleted));
        if (entry.Revisions.Count > 0)
        {
            await InsertRevisionsAsync(connection, transaction, id, entry.Revisions, cancellationToken);
        }

        return id;
    }

    /// <summary>
    /// Updates text, key and deleted flags, and appends revisions the store does not have yet: revisions are
    /// history, so existing ones are never rewritten or dropped.
    /// </summary>
    public static async Task UpdateAsync(DbConnection connection, DbTransaction transaction, TimelineEntry entry, CancellationToken cancellationToken)
    {
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE timeline_entries SET text = @Text, is_key = @IsKey, is_deleted = @IsDeleted WHERE id = @Id AND incident_number = @IncidentNumber",
            TimelineRow.From(entry), transaction, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            throw new InvalidOperationException($"Timeline entry {entry.Id} of {entry.IncidentId} does not exist; nothing was updated.");
        }

        var stored = await RevisionsAsync(connection, transaction, entry.Id, cancellationToken);
        await InsertRevisionsAsync(connection, transaction, entry.Id, entry.Revisions.Skip(stored.Count), cancellationToken);
    }

    private static async Task<IReadOnlyList<RevisionRow>> RevisionsAsync(
        DbConnection connection, DbTransaction? transaction, long timelineId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<RevisionRow>(new CommandDefinition(
            $"SELECT {RevisionColumns} FROM timeline_revisions r WHERE r.timeline_id = @TimelineId ORDER BY r.id",
            new { TimelineId = timelineId }, transaction, cancellationToken: cancellationToken))).AsList();

    private static async Task InsertRevisionsAsync(
        DbConnection connection, DbTransaction transaction, long timelineId, IEnumerable<TimelineRevision> revisions, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO timeline_revisions (timeline_id, replaced_at, previous_text) VALUES (@TimelineId, @ReplacedAt, @PreviousText)",
            revisions.Select(r => new RevisionRow { TimelineId = timelineId, ReplacedAt = Instants.ToMs(r.ReplacedAt), PreviousText = r.PreviousText }),
            transaction,
            cancellationToken: cancellationToken));
}
