using System.Text.Json.Serialization;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Api;

/// <summary>The API's view of an incident (DESIGN.md §4); timeline and action items only on the single-incident route.</summary>
internal sealed record IncidentDto(
    string Id,
    string Workspace,
    string Platform,
    string Title,
    string Severity,
    string Status,
    PersonDto Commander,
    DateTimeOffset DeclaredAt,
    DateTimeOffset? AcknowledgedAt,
    PersonDto? AcknowledgedBy,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    string? Summary,
    string? Impact,
    IReadOnlyList<PersonDto> Responders,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TimelineEntryDto>? Timeline,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ActionItemDto>? ActionItems)
{
    public static IncidentDto From(Incident i, IReadOnlyList<TimelineEntry>? timeline = null, IReadOnlyList<ActionItem>? actions = null) => new(
        i.Id.ToString(),
        i.Workspace.ToString(),
        i.Workspace.Platform.ToString().ToLowerInvariant(),
        i.Title,
        i.Severity.Label(),
        i.Status.ToString(),
        PersonDto.From(i.Commander),
        i.DeclaredAt.ToUniversalTime(),
        i.AcknowledgedAt?.ToUniversalTime(),
        i.AcknowledgedBy is { } by ? PersonDto.From(by) : null,
        i.ResolvedAt?.ToUniversalTime(),
        i.ClosedAt?.ToUniversalTime(),
        i.Summary,
        i.Impact,
        [.. i.Responders.Select(PersonDto.From)],
        timeline?.OrderBy(e => e.At).ThenBy(e => e.Id).Select(TimelineEntryDto.From).ToList(),
        actions?.Select(ActionItemDto.From).ToList());
}

internal sealed record PersonDto(string Id, string Name)
{
    public static PersonDto From(UserRef user) => new(user.Id, user.Name);
}

internal sealed record TimelineEntryDto(DateTimeOffset At, string Kind, string? Author, string Text, bool Key, bool Deleted, int Revisions)
{
    public static TimelineEntryDto From(TimelineEntry e) =>
        new(e.At.ToUniversalTime(), e.Kind.ToString(), e.Author?.Name, e.Text, e.Key, e.Deleted, e.Revisions.Count);
}

internal sealed record ActionItemDto(string Text, string? Owner, DateOnly? Due, bool Done)
{
    public static ActionItemDto From(ActionItem a) => new(a.Text, a.Owner?.Name, a.Due, a.Done);
}
