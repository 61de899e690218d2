using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IncidentBot.Alerts.Wire;
using IncidentBot.Core.Alerts;

namespace IncidentBot.Alerts.Inbound;

/// <summary>
/// Turns an Alertmanager or Grafana body into Core's <see cref="AlertGroup"/>, or names what is wrong with it. The
/// natural key is the group, its status and each alert's fingerprint with its status (reference/alerting.md §3): a
/// repeat of the same notification (<c>repeat_interval</c>, a retry) changes nothing, a change in the group does.
/// </summary>
internal static class AlertmanagerMapper
{
    public const string Alertmanager = "alertmanager";
    public const string Grafana = "grafana";

    private const int MaxAlerts = 1000;
    private const int MaxGroupKey = 4096;

    public static (AlertGroup? Group, string? DedupKey, string? Problem) Map(ReadOnlySpan<byte> body, string source)
    {
        AlertmanagerMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(body, AlertsJsonContext.Default.AlertmanagerMessage);
        }
        catch (JsonException e)
        {
            return (null, null, $"the body is not a webhook notification in JSON: {e.Message}");
        }

        if (message is null)
        {
            return (null, null, "the body is empty (null)");
        }

        if (source == Alertmanager && message.Version != "4")
        {
            return (null, null, $"version is '{message.Version}', but only Alertmanager webhook version 4 is understood");
        }

        if (message.Status is not ("firing" or "resolved"))
        {
            return (null, null, $"status is '{message.Status}'; expected firing or resolved");
        }

        if (string.IsNullOrWhiteSpace(message.GroupKey) || message.GroupKey.Length > MaxGroupKey)
        {
            return (null, null, $"groupKey is missing or longer than {MaxGroupKey} characters");
        }

        if (message.Alerts is not { Count: > 0 and <= MaxAlerts } wireAlerts)
        {
            return (null, null, $"alerts must list 1 to {MaxAlerts} alerts");
        }

        var alerts = new List<Alert>(wireAlerts.Count);
        for (var i = 0; i < wireAlerts.Count; i++)
        {
            var (alert, problem) = MapAlert(wireAlerts[i]);
            if (alert is null)
            {
                return (null, null, $"alerts[{i}]: {problem}");
            }

            alerts.Add(alert);
        }

        var group = new AlertGroup(
            source,
            message.GroupKey,
            message.Status == "firing",
            alerts,
            message.GroupLabels ?? [],
            message.CommonLabels ?? [],
            message.CommonAnnotations ?? [],
            message.ExternalUrl,
            Math.Max(0, message.TruncatedAlerts ?? 0));
        return (group, DedupKey(group), null);
    }

    private static (Alert? Alert, string? Problem) MapAlert(AlertmanagerAlert? wire)
    {
        if (wire is null)
        {
            return (null, "the alert is null");
        }

        if (wire.Status is not ("firing" or "resolved"))
        {
            return (null, $"status is '{wire.Status}'; expected firing or resolved");
        }

        if (!DateTimeOffset.TryParse(wire.StartsAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var startsAt))
        {
            return (null, $"startsAt '{wire.StartsAt}' is not a time (RFC 3339)");
        }

        DateTimeOffset? endsAt = null;
        if (!string.IsNullOrEmpty(wire.EndsAt))
        {
            if (!DateTimeOffset.TryParse(wire.EndsAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end))
            {
                return (null, $"endsAt '{wire.EndsAt}' is not a time (RFC 3339)");
            }

            // Alertmanager writes the zero time for "not ended".
            endsAt = end.Year <= 1 ? null : end;
        }

        var labels = wire.Labels ?? [];
        var annotations = wire.Annotations ?? [];
        var links = new List<AlertLink>();
        Add(links, "source", wire.GeneratorUrl);
        Add(links, "runbook", annotations.GetValueOrDefault("runbook_url"));
        Add(links, "dashboard", wire.DashboardUrl);
        Add(links, "panel", wire.PanelUrl);
        Add(links, "image", wire.ImageUrl);
        Add(links, "silence", wire.SilenceUrl);
        var values = wire.Values is { Count: > 0 } map
            ? string.Join(", ", map.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value.GetRawText()}"))
            : wire.ValueString;
        var fingerprint = string.IsNullOrWhiteSpace(wire.Fingerprint) ? LabelFingerprint(labels) : wire.Fingerprint.Trim();
        return (new Alert(fingerprint, wire.Status == "firing", labels, annotations, startsAt.ToUniversalTime(), endsAt?.ToUniversalTime(), links, values), null);
    }

    private static void Add(List<AlertLink> links, string name, string? url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
        {
            links.Add(new AlertLink(name, url!));
        }
    }

    /// <summary>A sender without fingerprints: the sorted label set names the alert, as Alertmanager's own fingerprint does.</summary>
    private static string LabelFingerprint(IReadOnlyDictionary<string, string> labels) => Hash(
        string.Join('\n', labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)))[..16];

    private static string DedupKey(AlertGroup group) => group.Source + ":" + Hash(
        string.Join('\n', new[] { group.GroupKey, group.Firing ? "firing" : "resolved" }
            .Concat(group.Alerts.Select(a => a.Fingerprint + ":" + (a.Firing ? "firing" : "resolved")).Order(StringComparer.Ordinal))));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
