namespace IncidentBot.Core.Incidents;

/// <summary>A follow-up from the incident: what, who (a user mention), by when.</summary>
public sealed record ActionItem
{
    public long Id { get; init; }

    public required IncidentId IncidentId { get; init; }

    public required string Text { get; init; }

    public UserRef? Owner { get; init; }

    public DateOnly? Due { get; init; }

    public bool Done { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
