using IncidentBot.Core.Incidents;
using IncidentBot.Storage.Database;

namespace IncidentBot.Storage.Incidents;

/// <summary>A <c>timeline_revisions</c> row: the text an entry had before one edit.</summary>
internal sealed record RevisionRow
{
    public long TimelineId { get; init; }

    public long ReplacedAt { get; init; }

    public required string PreviousText { get; init; }

    public TimelineRevision ToRevision() => new(Instants.FromMs(ReplacedAt), PreviousText);
}
