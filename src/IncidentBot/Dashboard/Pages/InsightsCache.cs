using System.Collections.Concurrent;
using IncidentBot.Core.Dashboard;
using IncidentBot.Core.Policies;
using IncidentBot.Dashboard.Live;

namespace IncidentBot.Dashboard.Pages;

/// <summary>
/// The insights read every incident of the period with its timeline, so a result is kept for a minute per scope and
/// period, and dropped as soon as this replica records any change: a room of managers reloading the page costs
/// one computation, and what was just recorded shows at once (another replica's change within the minute).
/// </summary>
internal sealed class InsightsCache(IDashboardQueries queries, IncidentPolicy policy, IncidentChanges changes, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private const int MaxEntries = 64;

    private readonly ConcurrentDictionary<(string Scope, int Weeks), Entry> _entries = new();

    public async Task<Insights> GetAsync(WorkspaceScope scope, int weeks, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var version = changes.Current;
        var key = (Key(scope), weeks);
        if (_entries.TryGetValue(key, out var cached) && cached.Version == version && now - cached.At < Lifetime
            && cached.Insights.From == InsightsBuilder.RangeStart(now, weeks))
        {
            return cached.Insights;
        }

        var input = await queries.InsightsAsync(scope, InsightsBuilder.RangeStart(now, weeks), cancellationToken);
        var insights = InsightsBuilder.Build(input, policy, now, weeks);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[key] = new Entry(now, version, insights);
        return insights;
    }

    private static string Key(WorkspaceScope scope) =>
        scope.Only is { } only ? string.Join(',', only.Select(w => w.ToString()).Order(StringComparer.Ordinal)) : "*";

    private sealed record Entry(DateTimeOffset At, long Version, Insights Insights);
}
