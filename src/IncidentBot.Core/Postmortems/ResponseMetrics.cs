using IncidentBot.Core.Incidents;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Reminders;

namespace IncidentBot.Core.Postmortems;

/// <summary>
/// How the response went against the process (DESIGN.md §1), computed from the timeline alone: time to
/// acknowledge against the severity's target, updates on time against the cadence, the longest silence,
/// reminders sent, time in each status. MTTR alone hides all of this (reference/anchors.md §7.5).
/// </summary>
internal sealed record ResponseMetrics
{
    public required TimeSpan? TimeToAcknowledge { get; init; }

    /// <summary>The severity in force when the incident was acknowledged (or at the end, if it never was).</summary>
    public required Severity AckSeverity { get; init; }

    public required DateTimeOffset AckDueAt { get; init; }

    public bool AcknowledgedOnTime => TimeToAcknowledge is { } t && DeclaredAt + t <= AckDueAt;

    public required DateTimeOffset DeclaredAt { get; init; }

    /// <summary>When an alert or a page first saw the problem (the earliest Detected entry), if one did (DESIGN.md §9).</summary>
    public DateTimeOffset? DetectedAt { get; init; }

    /// <summary>Updates posted while the incident was active.</summary>
    public required int UpdatesPosted { get; init; }

    /// <summary>
    /// Update deadlines that fell while the incident was active: each cadence interval is one expected update.
    /// A deadline without an update counts as missed and the next interval starts there, as the update reminder
    /// restarts the clock (ReminderPlanner.UpdateAnchor).
    /// </summary>
    public required int UpdatesDue { get; init; }

    public required int UpdatesOnTime { get; init; }

    /// <summary>Whether any active stretch ran under a severity with an update cadence.</summary>
    public required bool HadCadence { get; init; }

    public required Silence? LongestSilence { get; init; }

    public required int RemindersSent { get; init; }

    public required IReadOnlyList<ReminderCount> Reminders { get; init; }

    public required IReadOnlyList<StatusTime> TimeInStatus { get; init; }

    public required TimeSpan? TimeToResolve { get; init; }

    public required int Messages { get; init; }

    /// <summary>From the timeline without deleted entries (<c>live</c>), oldest first.</summary>
    public static ResponseMetrics Compute(Incident incident, IReadOnlyList<TimelineEntry> live, IncidentPolicy policy)
    {
        var end = End(incident, live);
        var severities = SeverityChanges(incident, live);
        var walk = new CadenceWalk(incident.DeclaredAt, severities[0].Severity, policy);
        var messages = 0;
        var reminders = new int[Enum.GetValues<ReminderKind>().Length];
        var remindersSent = 0;
        foreach (var entry in live)
        {
            walk.Observe(entry);
            switch (entry.Kind)
            {
                case TimelineKind.Message:
                    messages++;
                    break;
                case TimelineKind.Reminder:
                    remindersSent++;
                    if (Enum.TryParse<ReminderKind>(entry.Detail, out var kind) && Enum.IsDefined(kind))
                    {
                        reminders[(int)kind]++;
                    }

                    break;
            }
        }

        walk.Finish(end);
        var ackSeverity = SeverityAt(severities, incident.AcknowledgedAt ?? end);
        return new ResponseMetrics
        {
            DeclaredAt = incident.DeclaredAt,
            DetectedAt = live.Where(e => e.Kind == TimelineKind.Detected).Select(e => (DateTimeOffset?)e.At).Min(),
            TimeToAcknowledge = incident.AcknowledgedAt - incident.DeclaredAt,
            AckSeverity = ackSeverity,
            AckDueAt = policy.AckDue(ackSeverity, incident.DeclaredAt),
            UpdatesPosted = walk.Posted,
            UpdatesDue = walk.Due,
            UpdatesOnTime = walk.OnTime,
            HadCadence = walk.HadCadence,
            LongestSilence = walk.Longest,
            RemindersSent = remindersSent,
            Reminders = [.. Enum.GetValues<ReminderKind>().Where(k => reminders[(int)k] > 0).Select(k => new ReminderCount(k, reminders[(int)k]))],
            TimeInStatus = TimeInStatuses(incident, live, end),
            TimeToResolve = incident.ResolvedAt - incident.DeclaredAt,
            Messages = messages,
        };
    }

    /// <summary>The last moment the record covers: the latest stamp or entry (the draft has no clock of its own).</summary>
    private static DateTimeOffset End(Incident incident, IReadOnlyList<TimelineEntry> live)
    {
        var end = incident.DeclaredAt;
        foreach (var at in new[] { incident.AcknowledgedAt, incident.ResolvedAt, incident.ClosedAt, incident.LastUpdateAt })
        {
            if (at is { } a && a > end)
            {
                end = a;
            }
        }

        return live.Count > 0 && live[^1].At > end ? live[^1].At : end;
    }

    private static List<(DateTimeOffset At, Severity Severity)> SeverityChanges(Incident incident, IReadOnlyList<TimelineEntry> live)
    {
        // The declared entry carries the severity the incident started with; without one, the current one.
        var initial = live.FirstOrDefault(e => e.Kind == TimelineKind.Declared) is { Detail: { } d } && SeverityText.TryParse(d, out var s)
            ? s
            : incident.Severity;
        var changes = new List<(DateTimeOffset, Severity)> { (incident.DeclaredAt, initial) };
        foreach (var entry in live)
        {
            if (entry.Kind == TimelineKind.SeverityChanged && SeverityText.TryParse(entry.Detail, out var changed))
            {
                changes.Add((entry.At, changed));
            }
        }

        return changes;
    }

    private static Severity SeverityAt(List<(DateTimeOffset At, Severity Severity)> changes, DateTimeOffset at)
    {
        var severity = changes[0].Severity;
        foreach (var (when, value) in changes)
        {
            if (when <= at)
            {
                severity = value;
            }
        }

        return severity;
    }

    private static List<StatusTime> TimeInStatuses(Incident incident, IReadOnlyList<TimelineEntry> live, DateTimeOffset end)
    {
        var totals = new TimeSpan?[Enum.GetValues<IncidentStatus>().Length];
        var status = IncidentStatus.Investigating;
        var since = incident.DeclaredAt;
        foreach (var entry in live)
        {
            if (entry.Kind == TimelineKind.StatusChanged && Enum.TryParse<IncidentStatus>(entry.Detail, out var next) && Enum.IsDefined(next))
            {
                totals[(int)status] = (totals[(int)status] ?? TimeSpan.Zero) + (entry.At - since);
                (status, since) = (next, entry.At);
            }
        }

        totals[(int)status] = (totals[(int)status] ?? TimeSpan.Zero) + (end - since);

        // Closed is the end of the response, not a phase of it.
        return [.. Enum.GetValues<IncidentStatus>()
            .Where(s => s != IncidentStatus.Closed && totals[(int)s] is not null)
            .Select(s => new StatusTime(s, totals[(int)s]!.Value))];
    }
}
