using IncidentBot.Core.Messaging;

namespace IncidentBot.Core.Alerts;

/// <summary>
/// Bring the linked PagerDuty incident in step: acknowledge it, resolve it, or add <see cref="Note"/> as a note
/// (REST API v2, reference/alerting.md §2). Queued in the same transaction as the chat-side change.
/// </summary>
public sealed record SyncPagerDuty(string PagerDutyId, PagerDutyAction Action, string? Note) : OutboundIntent;

public enum PagerDutyAction
{
    Acknowledge,
    Resolve,
    Note,
}
