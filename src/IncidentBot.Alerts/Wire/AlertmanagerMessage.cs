using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentBot.Alerts.Wire;

/// <summary>
/// Alertmanager's webhook body (version 4, reference/alerting.md §3); Grafana's contact point sends the same shape
/// plus <c>orgId</c>, <c>title</c>, <c>state</c>, <c>message</c> (§4).
/// </summary>
internal sealed record AlertmanagerMessage
{
    public string? Version { get; init; }

    public string? Receiver { get; init; }

    public string? Status { get; init; }

    public string? GroupKey { get; init; }

    public int? TruncatedAlerts { get; init; }

    public IReadOnlyList<AlertmanagerAlert?>? Alerts { get; init; }

    public Dictionary<string, string>? GroupLabels { get; init; }

    public Dictionary<string, string>? CommonLabels { get; init; }

    public Dictionary<string, string>? CommonAnnotations { get; init; }

    [JsonPropertyName("externalURL")]
    public string? ExternalUrl { get; init; }

    public string? Title { get; init; }

    public string? State { get; init; }
}

/// <summary>One alert; the URL fields past <c>generatorURL</c> and the values are Grafana's.</summary>
internal sealed record AlertmanagerAlert
{
    public string? Status { get; init; }

    public Dictionary<string, string>? Labels { get; init; }

    public Dictionary<string, string>? Annotations { get; init; }

    public string? StartsAt { get; init; }

    public string? EndsAt { get; init; }

    [JsonPropertyName("generatorURL")]
    public string? GeneratorUrl { get; init; }

    public string? Fingerprint { get; init; }

    [JsonPropertyName("silenceURL")]
    public string? SilenceUrl { get; init; }

    [JsonPropertyName("dashboardURL")]
    public string? DashboardUrl { get; init; }

    [JsonPropertyName("panelURL")]
    public string? PanelUrl { get; init; }

    [JsonPropertyName("imageURL")]
    public string? ImageUrl { get; init; }

    public Dictionary<string, JsonElement>? Values { get; init; }

    public string? ValueString { get; init; }
}

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AlertmanagerMessage))]
internal sealed partial class AlertsJsonContext : JsonSerializerContext;
