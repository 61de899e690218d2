namespace IncidentBot.Alerts.Configuration;

/// <summary>
/// Section <c>PagerDuty</c>: the webhook (on while <see cref="WebhookSecret"/> is set) and the sync back through the
/// REST API (on while <see cref="ApiToken"/> is set). Validated by <see cref="PagerDutyOptionsValidator"/>.
/// </summary>
public sealed class PagerDutyOptions
{
    public const string Section = "PagerDuty";

    public const string DefaultSeverityMap = "P1=SEV1,P2=SEV1,P3=SEV2,P4=SEV3,P5=SEV3,high=SEV1,low=SEV3";

    /// <summary>The webhook subscription's signing secret; several, comma-separated, during a rotation.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>A REST API key (account or user); turns the sync to PagerDuty on.</summary>
    public string? ApiToken { get; set; }

    /// <summary>The email of the PagerDuty user the bot acts as: REST writes need it in <c>From</c>.</summary>
    public string? From { get; set; }

    public Uri ApiBaseUrl { get; set; } = new("https://api.pagerduty.com/");

    /// <summary>Priority name or urgency → severity; the priority wins when the incident has one.</summary>
    public string SeverityMap { get; set; } = DefaultSeverityMap;

    internal bool WebhookEnabled => !string.IsNullOrWhiteSpace(WebhookSecret);

    internal bool SyncEnabled => !string.IsNullOrWhiteSpace(ApiToken);

    internal IReadOnlyList<string> Secrets =>
        (WebhookSecret ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal Uri ApiBase => ApiBaseUrl.AbsoluteUri.EndsWith('/') ? ApiBaseUrl : new Uri(ApiBaseUrl.AbsoluteUri + "/");
}
