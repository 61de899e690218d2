using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Alerts;

/// <summary>
/// What a chat-side change of a linked incident means for PagerDuty (DESIGN.md §9): the first acknowledgement
/// acknowledges it, resolving (or closing) resolves it, an update becomes a note marked as ours.
/// </summary>
public static class PagerDutySync
{
    public static IReadOnlyList<SyncPagerDuty> Changes(Incident before, Incident after, PagerDutyLink link)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(link);

        // A list, not an iterator: the compiler's iterator reads System.Environment, which Core does not use.
        var changes = new List<SyncPagerDuty>();
        if (before.AcknowledgedAt is null && after.AcknowledgedAt is not null && after.Status.IsActive())
        {
            changes.Add(new SyncPagerDuty(link.PagerDutyId, PagerDutyAction.Acknowledge, null));
        }

        if (after.LastUpdateAt != before.LastUpdateAt && after.LastUpdateText is { } text)
        {
            changes.Add(new SyncPagerDuty(
                link.PagerDutyId, PagerDutyAction.Note, $"{AlertService.NoteMarker} {after.Id} update ({after.Status}): {text}"));
        }

        if (before.Status.IsActive() && after.Status is IncidentStatus.Resolved or IncidentStatus.Closed)
        {
            changes.Add(new SyncPagerDuty(link.PagerDutyId, PagerDutyAction.Resolve, null));
        }

        return changes;
    }
}
