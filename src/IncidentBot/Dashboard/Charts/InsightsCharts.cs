using IncidentBot.Core.Dashboard;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Dashboard.Charts;

/// <summary>The insights as chart series: one value per week, rounded for reading.</summary>
internal static class InsightsCharts
{
    public static IReadOnlyList<string> Labels(Insights insights) => [.. insights.Weeks.Select(w => w.Label)];

    public static IReadOnlyList<ChartSeries> PerSeverity(Insights insights, Func<SeverityWeek, double?> value) =>
        [.. Enum.GetValues<Severity>().Select(s => new ChartSeries(
            s.Label(),
            "s" + (int)s,
            [.. insights.Weeks.Select(w => value(w.For(s)) is { } v ? Math.Round(v, 2) : (double?)null)]))];

    public static IReadOnlyList<ChartSeries> Share(Insights insights, string name, Func<InsightsWeek, double?> share) =>
        [new ChartSeries(name, "s0", [.. insights.Weeks.Select(w => share(w) is { } v ? Math.Round(v * 100, 1) : (double?)null)])];

    public static double? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100d * part / whole, 1);
}
