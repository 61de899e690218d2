namespace IncidentBot.Core.Incidents;

/// <summary>
/// Which status changes are legal. Active states may move freely among themselves and to Resolved;
/// Resolved may close; Resolved and Closed may reopen to Investigating. Everything else is refused.
/// </summary>
public static class IncidentLifecycle
{
    public static bool IsActive(this IncidentStatus status) =>
        status is IncidentStatus.Investigating or IncidentStatus.Identified or IncidentStatus.Monitoring;

    public static bool CanMove(IncidentStatus from, IncidentStatus to) => (from, to) switch
    {
        _ when from == to => false,
        _ when from.IsActive() && (to.IsActive() || to == IncidentStatus.Resolved) => true,
        (IncidentStatus.Resolved, IncidentStatus.Closed) => true,
        (IncidentStatus.Resolved or IncidentStatus.Closed, IncidentStatus.Investigating) => true,
        _ => false,
    };

    /// <summary>Why a move is refused, phrased for the person who asked, with what to do instead.</summary>
    public static string Refusal(IncidentId id, IncidentStatus from, IncidentStatus to) => (from, to) switch
    {
        _ when from == to && from.IsActive() => $"{id} is already {from}: to say what changed, `update {id} <text>`.",
        (IncidentStatus.Resolved, IncidentStatus.Resolved) =>
            $"{id} is already Resolved: `close {id}` when monitoring is over, or `reopen {id}`.",
        (IncidentStatus.Closed, IncidentStatus.Closed) => $"{id} is already Closed: `reopen {id}` to investigate again.",
        (_, IncidentStatus.Closed) when from.IsActive() =>
            $"{id} is {from}: resolve it first (`resolve {id}`), then close it.",
        (IncidentStatus.Resolved, _) =>
            $"{id} is Resolved: `reopen {id}` to investigate again, or `close {id}`.",
        (IncidentStatus.Closed, _) => $"{id} is Closed: `reopen {id}` first.",
        _ => $"{id} cannot move from {from} to {to}.",
    };
}
