namespace IncidentBot.Core.Alerts;

/// <summary>
/// One notification of an alert group (Alertmanager's <c>groupKey</c>). A group is one incident while that incident
/// is open; later notifications of the group go into its thread, never a second incident (DESIGN.md §9).
/// <c>Source</c> is <c>alertmanager</c> or <c>grafana</c>; <c>Firing</c> is the group's status (false: every alert in
/// it resolved); <c>TruncatedAlerts</c> counts alerts the sender left out (<c>max_alerts</c>).
/// </summary>
public sealed record AlertGroup(
    string Source,
    string GroupKey,
    bool Firing,
    IReadOnlyList<Alert> Alerts,
    IReadOnlyDictionary<string, string> GroupLabels,
    IReadOnlyDictionary<string, string> CommonLabels,
    IReadOnlyDictionary<string, string> CommonAnnotations,
    string? ExternalUrl,
    int TruncatedAlerts);
