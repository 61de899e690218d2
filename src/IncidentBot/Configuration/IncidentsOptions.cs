using IncidentBot.Core.Policies;

namespace IncidentBot.Configuration;

/// <summary>The process's numbers (DESIGN.md §1): section <c>Incidents</c>.</summary>
internal sealed class IncidentsOptions
{
    public const string Section = "Incidents";

    /// <summary>IANA or Windows zone id for business days, SEV3's 09:00 and the postmortem's clock times.</summary>
    public string TimeZone { get; set; } = "UTC";

    public SeveritiesOptions Severities { get; set; } = new();

    public TimeSpan MonitoringWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Who an unacknowledged incident pings: Slack <c>&lt;!here&gt;</c>/<c>&lt;!subteam^ID&gt;</c>, Discord <c>&lt;@&amp;role&gt;</c>; comma-separated for both.</summary>
    public string? EscalationMention { get; set; }

    public ReactionsOptions Reactions { get; set; } = new();

    public IncidentPolicy ToPolicy() => IncidentPolicy.Default with
    {
        Sev1 = new(Severities.Sev1.AckWithin, Severities.Sev1.UpdateEvery, Severities.Sev1.PostmortemWithin),
        Sev2 = new(Severities.Sev2.AckWithin, Severities.Sev2.UpdateEvery, Severities.Sev2.PostmortemWithin),
        Sev3 = new(Severities.Sev3.AckWithin, Severities.Sev3.UpdateEvery, Severities.Sev3.PostmortemWithin),
        MonitoringWindow = MonitoringWindow,
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone),
    };
}
