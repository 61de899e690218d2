namespace IncidentBot.Core.Postmortems;

/// <summary>
/// A stretch without a status update while the incident was active, and the update cadence in force when
/// it ended (null when the severity had none).
/// </summary>
internal sealed record Silence(DateTimeOffset From, DateTimeOffset To, TimeSpan? Cadence)
{
    public TimeSpan Length => To - From;
}
