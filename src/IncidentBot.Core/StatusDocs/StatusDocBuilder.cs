using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Reminders;

namespace IncidentBot.Core.StatusDocs;

/// <summary>Builds the status doc from stored state, at delivery time, so coalesced edits show the latest.</summary>
public static class StatusDocBuilder
{
    public const int RecentEntries = 10;

    /// <summary>Longest text of one timeline line in the doc; the full text is in the thread and the API.</summary>
    public const int EntryTextMax = 200;

    public static StatusDoc Build(Incident incident, IReadOnlyList<TimelineEntry> timeline, IncidentPolicy policy)
    {
        var recent = timeline
            .Where(e => !e.Deleted && e.Kind != TimelineKind.Reminder)
            .OrderByDescending(e => e.At)
            .ThenByDescending(e => e.Id)
            .Take(RecentEntries)
            .Select(e => new StatusDocEntry(e.At, e.Author?.Name, Shorten(e.Text), e.Key))
            .ToList();

        var ack = ReminderPlanner.Clocks(incident, policy).FirstOrDefault(c => c.Kind == ReminderKind.Acknowledge);
        return new StatusDoc(
            incident.Id,
            incident.Label,
            incident.Severity,
            incident.Status,
            incident.DeclaredAt,
            incident.Summary,
            incident.Impact,
            incident.LastUpdateText,
            incident.Commander,
            incident.AcknowledgedBy,
            incident.AcknowledgedAt - incident.DeclaredAt,
            ReminderPlanner.NextUpdateDue(incident, policy),
            ack?.DueAt,
            recent,
            Buttons(incident));
    }

    public static IReadOnlyList<ButtonAction> Buttons(Incident incident)
    {
        var buttons = new List<ButtonAction>(4);
        if (incident.Status.IsActive() && incident.AcknowledgedAt is null)
        {
            buttons.Add(ButtonAction.Acknowledge);
        }

        if (incident.IsOpen)
        {
            buttons.Add(ButtonAction.TakeCommand);
        }

        if (incident.Status.IsActive())
        {
            buttons.Add(ButtonAction.PostUpdate);
            buttons.Add(ButtonAction.Resolve);
        }
        else if (incident.Status == IncidentStatus.Resolved)
        {
            buttons.Add(ButtonAction.Close);
        }

        return buttons;
    }

    private static string Shorten(string text)
    {
        var firstLine = text.Split('\n', 2)[0];
        return IncidentLimits.Length(firstLine) <= EntryTextMax && firstLine.Length == text.Length
            ? text
            : string.Concat(firstLine.EnumerateRunes().Take(EntryTextMax - 1).Select(r => r.ToString())) + "…";
    }
}
