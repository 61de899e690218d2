using System.Globalization;
using System.Text;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Policies;

namespace IncidentBot.Core.Postmortems;

/// <summary>Renders the postmortem draft in the team template's order (DESIGN.md §2, runbook).</summary>
public static class PostmortemRenderer
{
    public static string FileName(Incident incident) =>
        $"{incident.Id.ToString().ToLowerInvariant()}-postmortem.md";

    public static string Render(Incident incident, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<ActionItem> actions, IncidentPolicy policy)
    {
        var zone = policy.TimeZone;
        string Clock(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
        var end = incident.ResolvedAt ?? incident.ClosedAt ?? incident.DeclaredAt;
        var minutes = (int)Math.Round((end - incident.DeclaredAt).TotalMinutes);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Postmortem — {incident.Label}\n");
        sb.Append(CultureInfo.InvariantCulture, $"**Date:** {TimeZoneInfo.ConvertTime(incident.DeclaredAt, zone):yyyy-MM-dd}\n");
        sb.Append(CultureInfo.InvariantCulture, $"**Duration:** {Clock(incident.DeclaredAt)} → {Clock(end)} ({minutes} min)\n");
        sb.Append(CultureInfo.InvariantCulture, $"**Author:** @{incident.Commander.Name}\n");
        sb.Append("**Reviewers:** ").Append(string.Join(", ", incident.Responders.Select(r => "@" + r.Name))).Append('\n');
        sb.Append("## Summary\n").Append(incident.Summary ?? "<2-3 sentences — what broke, who was affected, how we fixed it>").Append('\n');
        sb.Append("## Impact\n").Append(incident.Impact ?? "- Customers affected:\n- User-visible symptom:\n- Data integrity:\n- Revenue impact:").Append('\n');
        sb.Append("## Timeline\n");
        foreach (var entry in timeline.Where(e => !e.Deleted).OrderBy(e => e.At))
        {
            sb.Append(CultureInfo.InvariantCulture, $"- {Clock(entry.At)} — {entry.Author?.Name ?? "IncidentBot"} — {entry.Text}\n");
        }

        sb.Append("## Action items\n| # | Action | Owner | Due |\n|---|---|---|---|\n");
        var n = 1;
        foreach (var item in actions)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {n++} | {item.Text} | {item.Owner?.Name} | {item.Due:yyyy-MM-dd} |\n");
        }

        return sb.ToString();
    }
}
