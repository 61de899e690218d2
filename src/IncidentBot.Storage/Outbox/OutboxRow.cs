namespace IncidentBot.Storage.Outbox;

/// <summary>An <c>outbox</c> row as the dispatcher's queries read it.</summary>
internal sealed record OutboxRow
{
    public long Id { get; init; }

    public long IncidentNumber { get; init; }

    public required string Intent { get; init; }

    public long CreatedAt { get; init; }

    public long Attempts { get; init; }

    public long NextAttemptAt { get; init; }

    public string? LastError { get; init; }

    public string? TraceParent { get; init; }
}
