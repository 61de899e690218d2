using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Messaging;

/// <summary>A queued intent. <see cref="Id"/> orders delivery within an incident.</summary>
public sealed record OutboxMessage(
    long Id,
    IncidentId IncidentId,
    OutboundIntent Intent,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError);
