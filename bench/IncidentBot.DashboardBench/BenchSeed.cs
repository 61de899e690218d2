using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;

namespace IncidentBot.DashboardBench;

/// <summary>
/// Fills the store with incidents spread over the insights' default window, each with a realistic timeline
/// (declare, acknowledgement, messages, updates, resolve), so both pages read everything they would in a busy year.
/// </summary>
internal static class BenchSeed
{
    private const int Batch = 500;

    private static readonly string[] Words =
        ["Payments", "Checkout", "Login", "Search", "Webhook", "Cache", "Database", "Queue", "CDN", "Billing", "Email", "API"];

    public static async Task<int> WriteAsync(IIncidentStore store, int count, DateTimeOffset now, TimeSpan window)
    {
        var random = new Random(14);
        var entries = 0;
        for (var done = 0; done < count; done += Batch)
        {
            await using var uow = await store.BeginAsync(CancellationToken.None);
            for (var i = done; i < Math.Min(count, done + Batch); i++)
            {
                entries += await OneAsync(uow, random, i, now - (window * random.NextDouble()));
            }

            await uow.CommitAsync(CancellationToken.None);
        }

        return entries;
    }

    private static async Task<int> OneAsync(IIncidentUnitOfWork uow, Random random, int n, DateTimeOffset declared)
    {
        var id = await uow.NextIncidentIdAsync(CancellationToken.None);
        var severity = (Severity)(1 + (n % 3));
        var open = n % 10 < 3;
        var acked = declared.AddMinutes(1 + random.Next(20));
        var resolved = open ? (DateTimeOffset?)null : declared.AddMinutes(30 + random.Next(300));
        var commander = new UserRef("U" + (n % 40), "Person " + (n % 40));
        var incident = new Incident
        {
            Id = id,
            Workspace = new WorkspaceId(n % 4 == 0 ? Platform.Discord : Platform.Slack, n % 4 == 0 ? "900100" : "T0BENCH"),
            ChannelId = "C0BENCH",
            RootMessageId = "1700000000." + n,
            ThreadId = "1700000000." + n,
            Title = $"{Words[n % Words.Length]} {Words[(n / 7) % Words.Length].ToLowerInvariant()} errors #{n}",
            Severity = severity,
            Status = open ? IncidentStatus.Investigating : IncidentStatus.Closed,
            Commander = commander,
            DeclaredBy = commander,
            DeclaredAt = declared,
            AcknowledgedAt = acked,
            AcknowledgedBy = commander,
            ResolvedAt = resolved,
            ClosedAt = resolved?.AddMinutes(30),
        };
        await uow.SaveAsync(incident, CancellationToken.None);
        var timeline = new List<TimelineEntry>
        {
            Entry(id, declared, TimelineKind.Declared, commander, "Declared", severity.Label()),
            Entry(id, acked, TimelineKind.Acknowledged, commander, "Acknowledged", null),
        };
        for (var m = 0; m < 4; m++)
        {
            timeline.Add(Entry(id, declared.AddMinutes(5 + (m * 9)), TimelineKind.Message, commander, "looking at the graphs " + m, null));
        }

        for (var u = 0; u < 3; u++)
        {
            timeline.Add(Entry(id, declared.AddMinutes(12 + (u * (10 + random.Next(25)))), TimelineKind.Update, commander, "update " + u, null));
        }

        if (resolved is { } at)
        {
            timeline.Add(Entry(id, at, TimelineKind.StatusChanged, commander, "Status: Investigating → Resolved", nameof(IncidentStatus.Resolved)));
        }

        foreach (var entry in timeline)
        {
            await uow.AddTimelineAsync(entry, CancellationToken.None);
        }

        return timeline.Count;
    }

    private static TimelineEntry Entry(IncidentId id, DateTimeOffset at, TimelineKind kind, UserRef author, string text, string? detail) =>
        new() { IncidentId = id, At = at, Kind = kind, Author = author, Text = text, Detail = detail };
}
