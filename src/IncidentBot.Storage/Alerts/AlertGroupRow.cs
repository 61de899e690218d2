using IncidentBot.Core.Alerts;
using IncidentBot.Core.Incidents;
using IncidentBot.Storage.Database;

namespace IncidentBot.Storage.Alerts;

/// <summary>An <c>alert_groups</c> row.</summary>
internal sealed record AlertGroupRow
{
    public long Id { get; init; }

    public required string Platform { get; init; }

    public required string WorkspaceId { get; init; }

    public required string ChannelId { get; init; }

    public required string Source { get; init; }

    public required string GroupKey { get; init; }

    public long? IncidentNumber { get; init; }

    public required string Title { get; init; }

    public long Severity { get; init; }

    public long DetectedAt { get; init; }

    public long CreatedAt { get; init; }

    public required string Details { get; init; }

    public long Resolved { get; init; }

    public string? NoticeState { get; init; }

    public long NoticeAttempts { get; init; }

    public static object Parameters(AlertGroupLink link) => new
    {
        link.Id,
        Platform = link.Workspace.Platform.ToString(),
        WorkspaceId = link.Workspace.Id,
        link.ChannelId,
        link.Source,
        link.GroupKey,
        IncidentNumber = link.IncidentId?.Number,
        link.Title,
        Severity = (int)link.Severity,
        DetectedAt = Instants.ToMs(link.DetectedAt),
        CreatedAt = Instants.ToMs(link.CreatedAt),
        link.Details,
        Resolved = link.Resolved ? 1 : 0,
        NoticePending = link.NoticePending ? 1 : 0,
    };

    public AlertGroupLink ToLink() => new()
    {
        Id = Id,
        Workspace = new WorkspaceId(Enum.Parse<Platform>(Platform), WorkspaceId),
        ChannelId = ChannelId,
        Source = Source,
        GroupKey = GroupKey,
        IncidentId = IncidentNumber is { } n ? new IncidentId(n) : null,
        Title = Title,
        Severity = (Severity)Severity,
        DetectedAt = Instants.FromMs(DetectedAt),
        CreatedAt = Instants.FromMs(CreatedAt),
        Details = Details,
        Resolved = Resolved != 0,
        NoticePending = NoticeState == AlertSql.Pending,
    };
}
