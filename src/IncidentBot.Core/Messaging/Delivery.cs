namespace IncidentBot.Core.Messaging;

/// <summary>
/// Which queued message a platform call delivers. <see cref="Key"/> is the same on every attempt of that message,
/// so an adapter can make a repeated post harmless: Discord answers a repeated create nonce with the message it
/// already made, and on Slack, after an attempt whose outcome is unknown (a 5xx or a timeout may still have
/// posted), the adapter looks for a message carrying the key before it posts again.
/// </summary>
/// <param name="Key">Unique within a deployment: the incident and the outbox message, e.g. <c>INC-42.1234</c>.</param>
/// <param name="Attempt">1 on the first attempt.</param>
/// <param name="QueuedAt">When the message was queued: no attempt can have posted it earlier.</param>
public sealed record Delivery(string Key, int Attempt, DateTimeOffset QueuedAt)
{
    /// <summary>
    /// An earlier attempt was recorded (attempts are recorded before the call, DESIGN.md §7), and may have posted:
    /// it failed in a way that leaves the outcome open, or the process died before its outcome was written.
    /// </summary>
    public bool IsRetry => Attempt > 1;
}
