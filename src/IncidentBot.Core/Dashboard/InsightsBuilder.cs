using IncidentBot.Core.Incidents;
using IncidentBot.Core.Policies;

namespace IncidentBot.Core.Dashboard;

/// <summary>Turns stored incidents into <see cref="Insights"/>; pure, so tests pin every number.</summary>
public static class InsightsBuilder
{
    public const int DefaultWeeks = 12;

    public const int MaxWeeks = 104;

    public const int SilencesShown = 10;

    /// <summary>Monday 00:00 UTC of the first of the <paramref name="weeks"/> weeks that end with the week of <paramref name="now"/>.</summary>
    public static DateTimeOffset RangeStart(DateTimeOffset now, int weeks)
    {
        var day = now.UtcDateTime.Date;
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new DateTimeOffset(monday.AddDays(-7 * (weeks - 1)), TimeSpan.Zero);
    }

    public static Insights Build(InsightsInput input, IncidentPolicy policy, DateTimeOffset now, int weeks)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(policy);
        var from = RangeStart(now, weeks);
        var buckets = Enumerable.Range(0, weeks).Select(_ => new List<(Incident Incident, ResponseFigures Report)>()).ToList();
        var silences = new List<SilenceRow>();
        foreach (var incident in input.Incidents)
        {
            var index = (int)Math.Floor((incident.DeclaredAt - from).TotalDays / 7);
            if (index < 0 || index >= weeks)
            {
                continue;
            }

            var report = ResponseFigures.Compute(incident, input.Timelines[incident.Id], policy);
            buckets[index].Add((incident, report));
            if (report.LongestSilence is { } silence && silence.To > silence.From)
            {
                silences.Add(new SilenceRow(incident.Id, incident.Label, silence.From, silence.To, silence.Cadence));
            }
        }

        var result = buckets.Select((bucket, i) => Week(DateOnly.FromDateTime(from.UtcDateTime.AddDays(7 * i)), bucket, now)).ToList();
        var longest = silences.OrderByDescending(s => s.Length).ThenBy(s => s.Id.Number).Take(SilencesShown).ToList();
        return new Insights(from, from.AddDays(7 * weeks), now, result, longest);
    }

    private static InsightsWeek Week(DateOnly start, List<(Incident Incident, ResponseFigures Report)> bucket, DateTimeOffset now)
    {
        var severities = Enum.GetValues<Severity>().Select(severity =>
        {
            var of = bucket.Where(b => b.Incident.Severity == severity).ToList();
            return new SeverityWeek(
                severity,
                of.Count,
                Median(of.Select(b => b.Report.TimeToAcknowledge)),
                Median(of.Select(b => b.Report.TimeToResolve)));
        }).ToList();

        // An unacknowledged incident counts against the SLA only once its target has passed.
        var counted = bucket.Where(b => b.Report.TimeToAcknowledge is not null || b.Report.AckDueAt <= now).ToList();
        return new InsightsWeek(
            start,
            severities,
            counted.Count,
            counted.Count(b => b.Report.AcknowledgedOnTime(b.Incident.DeclaredAt)),
            bucket.Sum(b => b.Report.UpdatesDue),
            bucket.Sum(b => b.Report.UpdatesOnTime));
    }

    private static TimeSpan? Median(IEnumerable<TimeSpan?> values)
    {
        var sorted = values.OfType<TimeSpan>().Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
