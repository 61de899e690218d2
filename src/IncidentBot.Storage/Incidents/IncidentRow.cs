using IncidentBot.Core.Incidents;
using IncidentBot.Storage.Database;

namespace IncidentBot.Storage.Incidents;

/// <summary>An <c>incidents</c> row as Dapper reads and writes it: primitives only, instants in Unix ms.</summary>
internal sealed record IncidentRow
{
    public long Number { get; init; }

    public required string Platform { get; init; }

    public required string WorkspaceId { get; init; }

    public required string ChannelId { get; init; }

    public string? RootMessageId { get; init; }

    public string? ThreadId { get; init; }

    public required string Title { get; init; }

    public long Severity { get; init; }

    public required string Status { get; init; }

    public required string CommanderId { get; init; }

    public required string CommanderName { get; init; }

    public required string DeclaredById { get; init; }

    public required string DeclaredByName { get; init; }

    public long DeclaredAt { get; init; }

    public long? AcknowledgedAt { get; init; }

    public string? AcknowledgedById { get; init; }

    public string? AcknowledgedByName { get; init; }

    public long? ResolvedAt { get; init; }

    public long? ClosedAt { get; init; }

    public long? ReopenedAt { get; init; }

    public string? Summary { get; init; }

    public string? Impact { get; init; }

    public long? LastUpdateAt { get; init; }

    public string? LastUpdateText { get; init; }

    public long? LastAckReminderAt { get; init; }

    public long? LastUpdateReminderAt { get; init; }

    public long MonitoringReminderSent { get; init; }

    public long PostmortemRemindersSent { get; init; }

    public long? PostmortemDoneAt { get; init; }

    public string? PostmortemLink { get; init; }

    public long? NextReminderAt { get; init; }

    public static IncidentRow From(Incident incident) => new()
    {
        Number = incident.Id.Number,
        Platform = incident.Workspace.Platform.ToString(),
        WorkspaceId = incident.Workspace.Id,
        ChannelId = incident.ChannelId,
        RootMessageId = incident.RootMessageId,
        ThreadId = incident.ThreadId,
        Title = incident.Title,
        Severity = (long)incident.Severity,
        Status = incident.Status.ToString(),
        CommanderId = incident.Commander.Id,
        CommanderName = incident.Commander.Name,
        DeclaredById = incident.DeclaredBy.Id,
        DeclaredByName = incident.DeclaredBy.Name,
        DeclaredAt = Instants.ToMs(incident.DeclaredAt),
        AcknowledgedAt = Instants.ToMs(incident.AcknowledgedAt),
        AcknowledgedById = incident.AcknowledgedBy?.Id,
        AcknowledgedByName = incident.AcknowledgedBy?.Name,
        ResolvedAt = Instants.ToMs(incident.ResolvedAt),
        ClosedAt = Instants.ToMs(incident.ClosedAt),
        ReopenedAt = Instants.ToMs(incident.ReopenedAt),
        Summary = incident.Summary,
        Impact = incident.Impact,
        LastUpdateAt = Instants.ToMs(incident.LastUpdateAt),
        LastUpdateText = incident.LastUpdateText,
        LastAckReminderAt = Instants.ToMs(incident.LastAckReminderAt),
        LastUpdateReminderAt = Instants.ToMs(incident.LastUpdateReminderAt),
        MonitoringReminderSent = incident.MonitoringReminderSent ? 1 : 0,
        PostmortemRemindersSent = incident.PostmortemRemindersSent,
        PostmortemDoneAt = Instants.ToMs(incident.PostmortemDoneAt),
        PostmortemLink = incident.PostmortemLink,
        NextReminderAt = Instants.ToMs(incident.NextReminderAt),
    };

    public Incident ToIncident(IReadOnlyList<UserRef> responders) => new()
    {
        Id = new IncidentId(Number),
        Workspace = new WorkspaceId(Enum.Parse<Platform>(Platform), WorkspaceId),
        ChannelId = ChannelId,
        RootMessageId = RootMessageId,
        ThreadId = ThreadId,
        Title = Title,
        Severity = (Severity)Severity,
        Status = Enum.Parse<IncidentStatus>(Status),
        Commander = new UserRef(CommanderId, CommanderName),
        DeclaredBy = new UserRef(DeclaredById, DeclaredByName),
        DeclaredAt = Instants.FromMs(DeclaredAt),
        AcknowledgedAt = Instants.FromMs(AcknowledgedAt),
        AcknowledgedBy = AcknowledgedById is null ? null : new UserRef(AcknowledgedById, AcknowledgedByName ?? string.Empty),
        ResolvedAt = Instants.FromMs(ResolvedAt),
        ClosedAt = Instants.FromMs(ClosedAt),
        ReopenedAt = Instants.FromMs(ReopenedAt),
        Summary = Summary,
        Impact = Impact,
        LastUpdateAt = Instants.FromMs(LastUpdateAt),
        LastUpdateText = LastUpdateText,
        LastAckReminderAt = Instants.FromMs(LastAckReminderAt),
        LastUpdateReminderAt = Instants.FromMs(LastUpdateReminderAt),
        MonitoringReminderSent = MonitoringReminderSent != 0,
        PostmortemRemindersSent = checked((int)PostmortemRemindersSent),
        PostmortemDoneAt = Instants.FromMs(PostmortemDoneAt),
        PostmortemLink = PostmortemLink,
        Responders = responders,
        NextReminderAt = Instants.FromMs(NextReminderAt),
    };
}
