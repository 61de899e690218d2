namespace IncidentBot.Core.Alerts;

/// <summary>
/// What a PagerDuty webhook event says, mapped by the adapter (reference/alerting.md §1). <c>IncidentId</c> is the
/// PagerDuty incident's id (e.g. <c>PFQZPSY</c>); <c>Agent</c> the name of who acted in PagerDuty, when a person did;
/// <c>Mentions</c> the incident's texts that may name one of ours (<c>INC-42</c>): title, incident key.
/// </summary>
public sealed record PageEvent(
    string EventId,
    PageEventKind Kind,
    string IncidentId,
    int? Number,
    string Title,
    string? Url,
    string? Urgency,
    string? Priority,
    string? Agent,
    IReadOnlyList<string> Assignees,
    string? Note,
    DateTimeOffset OccurredAt,
    IReadOnlyList<string> Mentions)
{
    /// <summary><c>#9 Test Incident 3</c>.</summary>
    public string Label => Number is { } n ? $"#{n} {Title}" : Title;
}

/// <summary>The event types the bot acts on; the rest are accepted and ignored.</summary>
public enum PageEventKind
{
    Other,
    Triggered,
    Acknowledged,
    Resolved,
    Reassigned,
    Annotated,
}
