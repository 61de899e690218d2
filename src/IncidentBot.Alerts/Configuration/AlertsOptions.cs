namespace IncidentBot.Alerts.Configuration;

/// <summary>
/// Section <c>Alerts</c>: the Alertmanager and Grafana intake (DESIGN.md §9). Off while <see cref="Token"/> is unset.
/// Validated at start-up by <see cref="AlertsOptionsValidator"/>.
/// </summary>
public sealed class AlertsOptions
{
    public const string Section = "Alerts";

    public const int MinimumTokenLength = 16;

    public const string DefaultSeverityMap = "critical=SEV1,page=SEV1,error=SEV2,warning=SEV2,info=SEV3";

    /// <summary>The bearer token Alertmanager and Grafana send (<c>Authorization: Bearer …</c>); turns the intake on.</summary>
    public string? Token { get; set; }

    /// <summary>Grafana's HMAC-SHA256 secret (contact point "HMAC signature"); when set, unsigned Grafana posts are refused.</summary>
    public string? GrafanaSecret { get; set; }

    /// <summary><c>slack</c> or <c>discord</c>; unset: the only configured platform.</summary>
    public string? Platform { get; set; }

    /// <summary>The Slack team (<c>T…</c>) or Discord guild; unset: the Slack bot's team, or <c>Discord__GuildId</c>.</summary>
    public string? Workspace { get; set; }

    /// <summary>The channel alert incidents live in; unset: the platform's incidents channel.</summary>
    public string? Channel { get; set; }

    public string SeverityLabel { get; set; } = "severity";

    public string SeverityMap { get; set; } = DefaultSeverityMap;

    /// <summary>A firing group at or above this severity declares; below it the bot asks first.</summary>
    public string DeclareAt { get; set; } = "SEV2";

    internal bool Enabled => !string.IsNullOrWhiteSpace(Token);
}
