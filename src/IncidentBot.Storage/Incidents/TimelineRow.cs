using IncidentBot.Core.Incidents;
using IncidentBot.Storage.Database;

namespace IncidentBot.Storage.Incidents;

/// <summary>A <c>timeline_entries</c> row.</summary>
internal sealed record TimelineRow
{
    public long Id { get; init; }

    public long IncidentNumber { get; init; }

    public long At { get; init; }

    public required string Kind { get; init; }

    public string? AuthorId { get; init; }

    public string? AuthorName { get; init; }

    public required string Text { get; init; }

    public string? SourceMessageId { get; init; }

    public string? Detail { get; init; }

    public long IsKey { get; init; }

    public long IsDeleted { get; init; }

    public static TimelineRow From(TimelineEntry entry) => new()
    {
        Id = entry.Id,
        IncidentNumber = entry.IncidentId.Number,
        At = Instants.ToMs(entry.At),
        Kind = entry.Kind.ToString(),
        AuthorId = entry.Author?.Id,
        AuthorName = entry.Author?.Name,
        Text = entry.Text,
        SourceMessageId = entry.SourceMessageId,
        Detail = entry.Detail,
        IsKey = entry.Key ? 1 : 0,
        IsDeleted = entry.Deleted ? 1 : 0,
    };

    public TimelineEntry ToEntry(IReadOnlyList<TimelineRevision> revisions) => new()
    {
        Id = Id,
        IncidentId = new IncidentId(IncidentNumber),
        At = Instants.FromMs(At),
        Kind = Enum.Parse<TimelineKind>(Kind),
        Author = AuthorId is null ? null : new UserRef(AuthorId, AuthorName ?? string.Empty),
        Text = Text,
        SourceMessageId = SourceMessageId,
        Detail = Detail,
        Key = IsKey != 0,
        Deleted = IsDeleted != 0,
        Revisions = revisions,
    };
}
