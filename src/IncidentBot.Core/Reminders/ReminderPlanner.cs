using IncidentBot.Core.Incidents;
using IncidentBot.Core.Policies;

namespace IncidentBot.Core.Reminders;

/// <summary>
/// Which reminders an incident owes, as a pure function of its stored state. There are no timers to lose:
/// every clock is recomputed from stamps (declared, last update, last reminder, resolved), so a restart, a
/// severity change or a commander change re-plans by itself. A reminder stamps its own time, so after
/// downtime each overdue clock fires once and then resumes its cadence from now — never a burst.
/// </summary>
public static class ReminderPlanner
{
    public static IReadOnlyList<DueClock> Clocks(Incident incident, IncidentPolicy policy)
    {
        var clocks = new List<DueClock>(2);
        var severity = policy.For(incident.Severity);

        if (incident.Status.IsActive() && incident.AcknowledgedAt is null)
        {
            var from = incident.LastAckReminderAt ?? incident.DeclaredAt;
            clocks.Add(new DueClock(ReminderKind.Acknowledge, policy.AckDue(incident.Severity, from)));
        }

        if (incident.Status.IsActive() && severity.UpdateEvery is { } every)
        {
            clocks.Add(new DueClock(ReminderKind.Update, UpdateAnchor(incident) + every));
        }

        if (incident.Status == IncidentStatus.Resolved && !incident.MonitoringReminderSent && incident.ResolvedAt is { } resolved)
        {
            clocks.Add(new DueClock(ReminderKind.MonitoringWindow, resolved + policy.MonitoringWindow));
        }

        if (PostmortemDue(incident, policy) is { } postmortem)
        {
            clocks.Add(new DueClock(ReminderKind.Postmortem, postmortem));
        }

        return clocks;
    }

    /// <summary>The earliest clock, which the store indexes so the reminder loop can sleep until it.</summary>
    public static DateTimeOffset? NextDue(Incident incident, IncidentPolicy policy)
    {
        DateTimeOffset? next = null;
        foreach (var clock in Clocks(incident, policy))
        {
            if (next is null || clock.DueAt < next)
            {
                next = clock.DueAt;
            }
        }

        return next;
    }

    public static IReadOnlyList<DueClock> DueAt(Incident incident, IncidentPolicy policy, DateTimeOffset now) =>
        [.. Clocks(incident, policy).Where(c => c.DueAt <= now)];

    /// <summary>The update clock counts from the latest of: declared, last update, last reminder, reopen.</summary>
    public static DateTimeOffset UpdateAnchor(Incident incident)
    {
        var anchor = incident.DeclaredAt;
        foreach (var candidate in new[] { incident.LastUpdateAt, incident.LastUpdateReminderAt, incident.ReopenedAt })
        {
            if (candidate is { } c && c > anchor)
            {
                anchor = c;
            }
        }

        return anchor;
    }

    /// <summary>When the next update is due, for the status doc; null when the severity has no cadence.</summary>
    public static DateTimeOffset? NextUpdateDue(Incident incident, IncidentPolicy policy) =>
        incident.Status.IsActive() && policy.For(incident.Severity).UpdateEvery is { } every
            ? UpdateAnchor(incident) + every
            : null;

    /// <summary>
    /// Stamps a fired reminder on the incident. The stamp is the moment it fired, which is the due time when
    /// the loop is on time and "now" after downtime (the catch-up).
    /// </summary>
    public static Incident Stamp(Incident incident, ReminderKind kind, IncidentPolicy policy, DateTimeOffset now) => kind switch
    {
        ReminderKind.Acknowledge => incident with { LastAckReminderAt = now },
        ReminderKind.Update => incident with { LastUpdateReminderAt = now },
        ReminderKind.MonitoringWindow => incident with { MonitoringReminderSent = true },
        ReminderKind.Postmortem => incident with
        {
            // Both nudges overdue at once (downtime) is one catch-up, not two messages.
            PostmortemRemindersSent = incident.ResolvedAt is { } r && policy.For(incident.Severity).PostmortemWithin is { } within && now >= r + within
                ? 2
                : incident.PostmortemRemindersSent + 1,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static DateTimeOffset? PostmortemDue(Incident incident, IncidentPolicy policy)
    {
        if (incident.Status != IncidentStatus.Closed || incident.PostmortemDoneAt is not null
            || incident.ResolvedAt is not { } resolved || policy.For(incident.Severity).PostmortemWithin is not { } within)
        {
            return null;
        }

        return incident.PostmortemRemindersSent switch
        {
            0 => resolved + (policy.PostmortemFirstReminder < within ? policy.PostmortemFirstReminder : within),
            1 => resolved + within,
            _ => null,
        };
    }
}
