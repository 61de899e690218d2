using System.Globalization;
using System.Text;

namespace IncidentBot.Core.Alerts;

/// <summary>
/// One readable line per alert for the timeline and the thread: what fires, its labels, values and links
/// (DESIGN.md §9). Long label sets are cut with a visible ellipsis; the full alert stays with the sender.
/// </summary>
public static class AlertText
{
    private const int EntryMax = 1500;

    /// <summary>Labels everyone already sees in the title or that only repeat the group.</summary>
    private static readonly HashSet<string> Quiet = new(StringComparer.Ordinal) { "__name__" };

    public static string Describe(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var text = new StringBuilder();
        text.Append(alert.Firing ? "🔥 Firing: " : "✅ Resolved: ");
        text.Append(Headline(alert));
        var labels = alert.Labels.Where(l => !Quiet.Contains(l.Key)).OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => $"{l.Key}={l.Value}").ToList();
        if (labels.Count > 0)
        {
            text.Append(" — labels: ").AppendJoin(", ", labels);
        }

        if (!string.IsNullOrWhiteSpace(alert.Values))
        {
            text.Append(" — values: ").Append(alert.Values.Trim());
        }

        var description = alert.Annotations.GetValueOrDefault("description");
        if (!string.IsNullOrWhiteSpace(description))
        {
            text.Append(" — ").Append(description.Trim());
        }

        foreach (var link in alert.Links)
        {
            text.Append(" — ").Append(link.Name).Append(": ").Append(link.Url);
        }

        text.Append(alert.Firing
            ? string.Create(CultureInfo.InvariantCulture, $" — since {alert.StartsAt:yyyy-MM-dd HH:mm:ss} UTC")
            : alert.EndsAt is { } end ? string.Create(CultureInfo.InvariantCulture, $" — ended {end:yyyy-MM-dd HH:mm:ss} UTC") : string.Empty);
        var line = text.ToString().Replace('\n', ' ').Replace('\r', ' ');
        return line.Length <= EntryMax ? line : string.Concat(line.AsSpan(0, EntryMax - 1), "…");
    }

    /// <summary>The alert's summary, else its name.</summary>
    public static string Headline(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return alert.Annotations.GetValueOrDefault("summary") is { Length: > 0 } summary
            ? summary.Trim()
            : alert.Labels.GetValueOrDefault("alertname") ?? alert.Fingerprint;
    }

    /// <summary>The sender's name as people know it.</summary>
    public static string SourceName(string source) => source == "grafana" ? "Grafana" : "Alertmanager";
}
