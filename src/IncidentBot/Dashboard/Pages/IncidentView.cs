using IncidentBot.Core.Dashboard;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.StatusDocs;
using Microsoft.AspNetCore.Components;

namespace IncidentBot.Dashboard.Pages;

/// <summary>Everything the incident page shows, read at one moment (<see cref="Version"/> of the change feed).</summary>
/// <remarks>Public only because Razor components, which take it as a parameter, always are.</remarks>
public sealed record IncidentView(
    Incident Incident,
    StatusDoc Doc,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<ActionItem> ActionItems,
    IncidentReport Report,
    MarkupString? Postmortem,
    string PostmortemFileName,
    DateTimeOffset Now,
    long Version)
{
    /// <summary>Newest first, as the runbook's status doc lists its timeline.</summary>
    public IEnumerable<TimelineEntry> NewestFirst => Timeline.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);

    public string Path => "/incidents/" + Incident.Id;

    public static string KindLabel(TimelineKind kind) => kind switch
    {
        TimelineKind.Message => "message",
        TimelineKind.Update => "update",
        TimelineKind.StatusChanged => "status",
        TimelineKind.SeverityChanged => "severity",
        TimelineKind.CommanderChanged => "commander",
        TimelineKind.Acknowledged => "acknowledged",
        TimelineKind.ImpactSet => "impact",
        TimelineKind.SummarySet => "summary",
        TimelineKind.ActionAdded => "action",
        TimelineKind.PostmortemGenerated or TimelineKind.PostmortemDone => "postmortem",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
