using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Core.Inbound;

/// <summary>The answer to an inbound record: the private reply to show its sender, if any.</summary>
public sealed record InboundOutcome(InboundResult Result, MessageContent? Reply, IncidentId? IncidentId)
{
    /// <summary>The incident as this input's first acknowledgement left it; null for every other input.</summary>
    public Incident? Acknowledged { get; init; }

    public static InboundOutcome Duplicate { get; } = new(InboundResult.Duplicate, null, null);

    public static InboundOutcome Ignored { get; } = new(InboundResult.Ignored, null, null);

    public static InboundOutcome Refused(string reply) => new(InboundResult.Refused, MessageContent.Plain(reply), null);
}
