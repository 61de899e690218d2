using IncidentBot.Core.Incidents;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Postmortems;

namespace IncidentBot.Core.Dashboard;

/// <summary>
/// The few numbers the insights need of each incident, by the same cadence walk as the postmortem's metrics
/// (<see cref="ResponseMetrics"/>) but without what only one incident's page shows (time in status, reminders):
/// the insights compute this for thousands of incidents per page view.
/// </summary>
internal readonly record struct ResponseFigures(
    TimeSpan? TimeToAcknowledge,
    TimeSpan? TimeToResolve,
    DateTimeOffset AckDueAt,
    int UpdatesDue,
    int UpdatesOnTime,
    Silence? LongestSilence)
{
    public bool AcknowledgedOnTime(DateTimeOffset declaredAt) => TimeToAcknowledge is { } t && declaredAt + t <= AckDueAt;

    /// <summary>From live entries (not deleted), oldest first.</summary>
    public static ResponseFigures Compute(Incident incident, IEnumerable<TimelineEntry> live, IncidentPolicy policy)
    {
        var entries = live as IReadOnlyList<TimelineEntry> ?? [.. live];
        var initial = incident.Severity;
        foreach (var entry in entries)
        {
            if (entry.Kind == TimelineKind.Declared)
            {
                if (SeverityText.TryParse(entry.Detail, out var declared))
                {
                    initial = declared;
                }

                break;
            }
        }

        var end = incident.DeclaredAt;
        foreach (var at in new[] { incident.AcknowledgedAt, incident.ResolvedAt, incident.ClosedAt, incident.LastUpdateAt })
        {
            if (at > end)
            {
                end = at.Value;
            }
        }

        if (entries.Count > 0 && entries[^1].At > end)
        {
            end = entries[^1].At;
        }

        var walk = new CadenceWalk(incident.DeclaredAt, initial, policy);
        var ackSeverity = initial;
        var ackAt = incident.AcknowledgedAt ?? end;
        foreach (var entry in entries)
        {
            walk.Observe(entry);
            if (entry.Kind == TimelineKind.SeverityChanged && entry.At <= ackAt && SeverityText.TryParse(entry.Detail, out var changed))
            {
                ackSeverity = changed;
            }
        }

        walk.Finish(end);
        return new ResponseFigures(
            incident.AcknowledgedAt - incident.DeclaredAt,
            incident.ResolvedAt - incident.DeclaredAt,
            policy.AckDue(ackSeverity, incident.DeclaredAt),
            walk.Due,
            walk.OnTime,
            walk.Longest);
    }
}
