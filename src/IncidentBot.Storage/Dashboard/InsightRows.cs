using IncidentBot.Core.Incidents;
using IncidentBot.Storage.Database;

namespace IncidentBot.Storage.Dashboard;

/// <summary>
/// The incident columns the response metrics read, and nothing else: the insights read thousands of incidents, so
/// channel, people and reminder bookkeeping stay in the database.
/// </summary>
internal sealed record InsightIncidentRow
{
    public const string Columns = """
        i.number AS Number, i.platform AS Platform, i.workspace_id AS WorkspaceId, i.title AS Title, i.severity AS Severity,
        i.status AS Status, i.declared_at AS DeclaredAt, i.acknowledged_at AS AcknowledgedAt, i.resolved_at AS ResolvedAt,
        i.closed_at AS ClosedAt, i.last_update_at AS LastUpdateAt
        """;

    private static readonly UserRef Nobody = new(string.Empty, string.Empty);

    public long Number { get; init; }

    public string Platform { get; init; } = string.Empty;

    public string WorkspaceId { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public long Severity { get; init; }

    public string Status { get; init; } = string.Empty;

    public long DeclaredAt { get; init; }

    public long? AcknowledgedAt { get; init; }

    public long? ResolvedAt { get; init; }

    public long? ClosedAt { get; init; }

    public long? LastUpdateAt { get; init; }

    /// <summary>An incident carrying only these columns; the rest are empty, and the metrics never read them.</summary>
    public Incident ToIncident() => new()
    {
        Id = new IncidentId(Number),
        Workspace = new WorkspaceId(Enum.Parse<Platform>(Platform), WorkspaceId),
        ChannelId = string.Empty,
        Title = Title,
        Severity = (Severity)Severity,
        Status = Enum.Parse<IncidentStatus>(Status),
        Commander = Nobody,
        DeclaredBy = Nobody,
        DeclaredAt = Instants.FromMs(DeclaredAt),
        AcknowledgedAt = Instants.FromMs(AcknowledgedAt),
        ResolvedAt = Instants.FromMs(ResolvedAt),
        ClosedAt = Instants.FromMs(ClosedAt),
        LastUpdateAt = Instants.FromMs(LastUpdateAt),
    };
}

/// <summary>A timeline entry as the metrics read it: when, what kind, and for a status change its text and new status.</summary>
internal sealed record InsightEntryRow
{
    /// <summary>Only a status change's text matters (a change with text is an update); other texts stay in the database.</summary>
    public const string Columns = """
        t.id AS Id, t.incident_number AS IncidentNumber, t.at AS At, t.kind AS Kind,
        CASE WHEN t.kind = 'StatusChanged' THEN t.text ELSE '' END AS Text, t.detail AS Detail
        """;

    public long Id { get; init; }

    public long IncidentNumber { get; init; }

    public long At { get; init; }

    public string Kind { get; init; } = string.Empty;

    public string Text { get; init; } = string.Empty;

    public string? Detail { get; init; }

    public TimelineEntry ToEntry() => new()
    {
        Id = Id,
        IncidentId = new IncidentId(IncidentNumber),
        At = Instants.FromMs(At),
        Kind = Enum.Parse<TimelineKind>(Kind),
        Text = Text,
        Detail = Detail,
    };
}
