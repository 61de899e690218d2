using IncidentBot.Core.Dashboard;
using IncidentBot.Core.Incidents;
using IncidentBot.Storage.Database;

namespace IncidentBot.Storage.Dashboard;

/// <summary>The columns of one incidents-page row as Dapper reads them.</summary>
internal sealed record ListRow
{
    public long Number { get; init; }

    public required string Platform { get; init; }

    public required string WorkspaceId { get; init; }

    public required string ChannelId { get; init; }

    public string? ThreadId { get; init; }

    public required string Title { get; init; }

    public long Severity { get; init; }

    public required string Status { get; init; }

    public required string CommanderName { get; init; }

    public long DeclaredAt { get; init; }

    public long? AcknowledgedAt { get; init; }

    public long? ResolvedAt { get; init; }

    public IncidentListRow ToRow() => new(
        new IncidentId(Number),
        new WorkspaceId(Enum.Parse<Platform>(Platform), WorkspaceId),
        ChannelId,
        ThreadId,
        Title,
        (Severity)Severity,
        Enum.Parse<IncidentStatus>(Status),
        CommanderName,
        Instants.FromMs(DeclaredAt),
        Instants.FromMs(AcknowledgedAt),
        Instants.FromMs(ResolvedAt));
}
