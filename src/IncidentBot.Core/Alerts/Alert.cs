namespace IncidentBot.Core.Alerts;

/// <summary>
/// One alert of a group, as Alertmanager and Grafana send it (reference/alerting.md §3–§4), mapped by the adapter.
/// <see cref="Fingerprint"/> identifies the alert within its group across notifications.
/// </summary>
public sealed record Alert(
    string Fingerprint,
    bool Firing,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    IReadOnlyList<AlertLink> Links,
    string? Values);

/// <summary>A link an alert carries: its source graph, runbook, dashboard, panel, silence.</summary>
public sealed record AlertLink(string Name, string Url);
