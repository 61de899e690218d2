using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Alerts;

/// <summary>
/// How alerts become incidents (DESIGN.md §9): severity from a label through a map, a threshold at or above which a
/// firing group declares (below it the bot asks first), and PagerDuty's priority or urgency through a map of its own.
/// </summary>
/// <param name="SeverityLabel">The label that carries the alert's severity, e.g. <c>severity</c>.</param>
/// <param name="SeverityMap">Label value (case-insensitive) → severity; an unmapped or missing value is the lowest, SEV3.</param>
/// <param name="DeclareAt">The lowest severity that declares on its own.</param>
/// <param name="PageSeverityMap">PagerDuty priority name (<c>P1</c>) or urgency (<c>high</c>) → severity; priority wins.</param>
public sealed record AlertRules(
    string SeverityLabel,
    IReadOnlyDictionary<string, Severity> SeverityMap,
    Severity DeclareAt,
    IReadOnlyDictionary<string, Severity> PageSeverityMap)
{
    /// <summary>Severity.Sev1 is the highest: "at or above SEV2" means SEV1 or SEV2.</summary>
    public bool Declares(Severity severity) => severity <= DeclareAt;

    /// <summary>The most severe of the alerts' labels (the common label first, then each alert's).</summary>
    public Severity SeverityOf(AlertGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var values = group.Alerts.Select(a => a.Labels.GetValueOrDefault(SeverityLabel))
            .Prepend(group.CommonLabels.GetValueOrDefault(SeverityLabel));
        var mapped = values.Select(v => v is not null && SeverityMap.TryGetValue(v.Trim(), out var s) ? s : (Severity?)null)
            .Where(s => s is not null).Select(s => s!.Value).ToList();
        return mapped.Count == 0 ? Severity.Sev3 : mapped.Min();
    }

    public Severity SeverityOf(PageEvent page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Priority is { } priority && PageSeverityMap.TryGetValue(priority, out var byPriority))
        {
            return byPriority;
        }

        return page.Urgency is { } urgency && PageSeverityMap.TryGetValue(urgency, out var byUrgency) ? byUrgency : Severity.Sev2;
    }

    /// <summary>
    /// <c>annotations.summary</c> (common to the group, or of its only alert), else <c>alertname</c>; cut visibly to the
    /// title limit, since a title is a thread name and an alert's summary is not ours to refuse.
    /// </summary>
    public static string TitleOf(AlertGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var single = group.Alerts.Count == 1 ? group.Alerts[0] : null;
        var title = Clean(group.CommonAnnotations.GetValueOrDefault("summary"))
            ?? Clean(single?.Annotations.GetValueOrDefault("summary"))
            ?? Clean(group.CommonLabels.GetValueOrDefault("alertname") ?? group.GroupLabels.GetValueOrDefault("alertname"))
            ?? Clean(group.Alerts.Select(a => a.Labels.GetValueOrDefault("alertname")).FirstOrDefault(n => n is not null))
            ?? "Alert";
        if (single is null && group.Alerts.Count > 1)
        {
            title += $" ({group.Alerts.Count} alerts)";
        }

        return Fit(title);
    }

    public static string Fit(string title) =>
        IncidentLimits.Length(title) <= IncidentLimits.TitleMax
            ? title
            : string.Concat(title.EnumerateRunes().Take(IncidentLimits.TitleMax - 1).Select(r => r.ToString())) + "…";

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // A title is one line of printable text (CommandParser.CheckText's rule for typed titles).
        var line = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        return line.Length == 0 ? null : line;
    }
}
