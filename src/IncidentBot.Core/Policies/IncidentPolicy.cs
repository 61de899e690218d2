using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Policies;

/// <summary>Every number of the process, from configuration; <see cref="Default"/> holds the runbook's values.</summary>
public sealed record IncidentPolicy
{
    public required SeverityPolicy Sev1 { get; init; }

    public required SeverityPolicy Sev2 { get; init; }

    public required SeverityPolicy Sev3 { get; init; }

    /// <summary>How long to keep watching after resolve before asking to close.</summary>
    public TimeSpan MonitoringWindow { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The first postmortem nudge after resolve; the second comes at the severity's due time.</summary>
    public TimeSpan PostmortemFirstReminder { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The zone for business days, SEV3's 09:00 and the postmortem's clock times.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public static IncidentPolicy Default { get; } = new()
    {
        Sev1 = new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(48)),
        Sev2 = new(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(48)),
        Sev3 = new(null, null, null),
    };

    public SeverityPolicy For(Severity severity) => severity switch
    {
        Severity.Sev1 => Sev1,
        Severity.Sev2 => Sev2,
        Severity.Sev3 => Sev3,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    /// <summary>When an acknowledgement counted from <paramref name="from"/> is due under this severity.</summary>
    public DateTimeOffset AckDue(Severity severity, DateTimeOffset from) =>
        For(severity).AckWithin is { } within ? from + within : BusinessCalendar.NextBusinessDayAt(from, 9, TimeZone);
}
