using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Dashboard;

/// <summary>The response over the last weeks (DESIGN.md §10), as of <see cref="AsOf"/>: per week, per severity, and the longest silences.</summary>
public sealed record Insights(DateTimeOffset From, DateTimeOffset To, DateTimeOffset AsOf, IReadOnlyList<InsightsWeek> Weeks, IReadOnlyList<SilenceRow> LongestSilences)
{
    public int Incidents => Weeks.Sum(w => w.Severities.Sum(s => s.Count));
}

/// <summary>
/// One week (Monday 00:00 UTC onwards) of incidents declared in it. The acknowledgement SLA counts incidents
/// acknowledged, or past their target without one; the cadence counts update deadlines (SEV1/SEV2).
/// </summary>
public sealed record InsightsWeek(
    DateOnly Start,
    IReadOnlyList<SeverityWeek> Severities,
    int AckCounted,
    int AckOnTime,
    int UpdatesDue,
    int UpdatesOnTime)
{
    /// <summary>ISO-8601 week label, e.g. <c>2026-W02</c>.</summary>
    public string Label => $"{System.Globalization.ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue))}-W{System.Globalization.ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):00}";

    public double? AckOnTimeShare => AckCounted == 0 ? null : (double)AckOnTime / AckCounted;

    public double? CadenceShare => UpdatesDue == 0 ? null : (double)UpdatesOnTime / UpdatesDue;

    public SeverityWeek For(Severity severity) => Severities.First(s => s.Severity == severity);
}

/// <summary>A severity's incidents in one week, with the medians of their response times (null when none had one).</summary>
public sealed record SeverityWeek(Severity Severity, int Count, TimeSpan? MedianTimeToAcknowledge, TimeSpan? MedianTimeToResolve);

/// <summary>A stretch without a status update while an incident was active.</summary>
public sealed record SilenceRow(IncidentId Id, string Label, DateTimeOffset From, DateTimeOffset To, TimeSpan? Cadence)
{
    public TimeSpan Length => To - From;
}
