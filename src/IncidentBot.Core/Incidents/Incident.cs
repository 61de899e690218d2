namespace IncidentBot.Core.Incidents;

/// <summary>
/// The incident aggregate as stored. Immutable: a change is a new value made by the handler and saved in
/// the same transaction as its timeline, audit and outbox rows.
/// </summary>
public sealed record Incident
{
    public required IncidentId Id { get; init; }

    public required WorkspaceId Workspace { get; init; }

    /// <summary>The channel the root message (status doc) lives in.</summary>
    public required string ChannelId { get; init; }

    /// <summary>The root message's id (Slack <c>ts</c>, Discord message id), once posted.</summary>
    public string? RootMessageId { get; init; }

    /// <summary>Where thread replies go: Slack the root <c>ts</c>, Discord the thread channel id.</summary>
    public string? ThreadId { get; init; }

    public required string Title { get; init; }

    public required Severity Severity { get; init; }

    public IncidentStatus Status { get; init; } = IncidentStatus.Investigating;

    public required UserRef Commander { get; init; }

    public required UserRef DeclaredBy { get; init; }

    public required DateTimeOffset DeclaredAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public UserRef? AcknowledgedBy { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public DateTimeOffset? ReopenedAt { get; init; }

    public string? Summary { get; init; }

    public string? Impact { get; init; }

    public DateTimeOffset? LastUpdateAt { get; init; }

    public string? LastUpdateText { get; init; }

    public DateTimeOffset? LastAckReminderAt { get; init; }

    public DateTimeOffset? LastUpdateReminderAt { get; init; }

    public bool MonitoringReminderSent { get; init; }

    public int PostmortemRemindersSent { get; init; }

    public DateTimeOffset? PostmortemDoneAt { get; init; }

    public string? PostmortemLink { get; init; }

    /// <summary>People who acknowledged after the first, or took part in the thread.</summary>
    public IReadOnlyList<UserRef> Responders { get; init; } = [];

    /// <summary>The earliest reminder due, as planned when the incident was last saved; indexed by the store.</summary>
    public DateTimeOffset? NextReminderAt { get; init; }

    public string Label => $"[{Severity.Label()}] {Title}";

    public bool IsOpen => Status != IncidentStatus.Closed;

    public Incident WithResponder(UserRef user) =>
        user.Id == Commander.Id || Responders.Any(r => r.Id == user.Id)
            ? this
            : this with { Responders = [.. Responders, user] };
}
