namespace IncidentBot.Core.Incidents;

/// <summary>
/// One line of the incident's history. Thread messages keep their platform id and original timestamp;
/// edits keep the previous text as revisions; deletions set <see cref="Deleted"/> and keep the text for audit.
/// </summary>
public sealed record TimelineEntry
{
    public long Id { get; init; }

    public required IncidentId IncidentId { get; init; }

    public required DateTimeOffset At { get; init; }

    public required TimelineKind Kind { get; init; }

    public UserRef? Author { get; init; }

    public required string Text { get; init; }

    /// <summary>The platform message this entry came from, if any (Slack <c>ts</c>, Discord message id).</summary>
    public string? SourceMessageId { get; init; }

    /// <summary>Extra machine-readable data: the new status or severity for a change entry, the reminder kind.</summary>
    public string? Detail { get; init; }

    public bool Key { get; init; }

    public bool Deleted { get; init; }

    public IReadOnlyList<TimelineRevision> Revisions { get; init; } = [];
}
