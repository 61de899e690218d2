using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Messaging;

/// <summary>
/// A queued intent, as claimed for delivery. <see cref="Id"/> orders delivery within a lane; <see cref="Attempts"/>
/// counts the attempts recorded so far, the claimed one included. <see cref="TraceParent"/> is the W3C trace context
/// of the input that queued it (null when tracing was off), so its delivery continues that input's trace.
/// </summary>
public sealed record OutboxMessage(
    long Id,
    IncidentId IncidentId,
    OutboundIntent Intent,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    string? TraceParent = null);
