using Dapper;
using IncidentBot.Storage.Incidents;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Storage.Tests.Sqlite;

/// <summary>The reminder loop's queries must stay index lookups however many incidents pile up.</summary>
public sealed class QueryPlanTests
{
    private const string Index = "ix_incidents_next_reminder_at";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_reminder_queries_read_the_next_reminder_index_with_ten_thousand_incidents()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: true, Ct);
        using (var seed = db.OpenRaw())
        {
            // Every third incident has no clock (resolved/closed); the rest are spread over 10,000 minutes.
            await seed.ExecuteAsync("""
                WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10000)
                INSERT INTO incidents (number, platform, workspace_id, channel_id, title, severity, status, commander_id,
                    commander_name, declared_by_id, declared_by_name, declared_at, monitoring_reminder_sent,
                    postmortem_reminders_sent, next_reminder_at)
                SELECT x, 'Slack', 'T1', 'C1', 'incident ' || x, 2, 'Investigating', 'U1', 'alice', 'U1', 'alice', 0, 0, 0,
                    CASE WHEN x % 3 = 0 THEN NULL ELSE 1776522180000 + ((x * 7919) % 10000) * 60000 END
                FROM n
                """);
            await seed.ExecuteAsync("ANALYZE incidents");

            Assert.All(await PlanAsync(seed, ReminderSql.Earliest), UsesIndex);
            Assert.All(await PlanAsync(seed, ReminderSql.Due), UsesIndex);
        }

        var store = db.Store();
        var earliest = await store.GetEarliestReminderAsync(Ct);
        var due = await store.GetDueIncidentsAsync(earliest!.Value.AddMinutes(9), 5, Ct);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1776522180000), earliest);
        Assert.Equal(5, due.Count);
        var dueAt = new List<long>();
        using var check = db.OpenRaw();
        foreach (var id in due)
        {
            dueAt.Add(await check.ExecuteScalarAsync<long>("SELECT next_reminder_at FROM incidents WHERE number = @Number", new { id.Number }));
        }

        Assert.Equal(dueAt.Order(), dueAt);
        Assert.DoesNotContain(due, id => id.Number % 3 == 0);
    }

    private static void UsesIndex(string step)
    {
        Assert.Contains(Index, step, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", step, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<string>> PlanAsync(SqliteConnection connection, string sql)
    {
        var plan = (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN " + sql, new { Now = 0L, Limit = 10 })).Select(p => p.Detail).ToList();
        Assert.NotEmpty(plan);
        return plan;
    }
}
