namespace IncidentBot.Core.Inbound;

/// <summary>What became of an inbound record.</summary>
public enum InboundResult
{
    /// <summary>Recorded; its changes and messages are committed.</summary>
    Accepted,

    /// <summary>Seen before (same natural key): nothing changed.</summary>
    Duplicate,

    /// <summary>Not about any incident (a message outside incident threads, an unrelated reaction).</summary>
    Ignored,

    /// <summary>Refused (bad command, illegal transition, unknown incident): nothing recorded; the reply says why.</summary>
    Refused,
}
