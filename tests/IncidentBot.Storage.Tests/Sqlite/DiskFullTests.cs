using Dapper;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;
using IncidentBot.Storage.Store;
using IncidentBot.Testing.Sqlite;

namespace IncidentBot.Storage.Tests.Sqlite;

public sealed class DiskFullTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 18, 14, 23, 0, TimeSpan.Zero);
    private static readonly WorkspaceId Workspace = new(Platform.Slack, "T1");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_full_database_refuses_the_whole_unit_of_work_and_recovers_when_space_returns()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: true, Ct);
        var store = db.Store();
        var kept = await DeclareAsync(store);
        var before = await CountsAsync(db);
        using (var probe = db.OpenRaw())
        {
            db.DataSource.MaxPageCount = await probe.ExecuteScalarAsync<long>("PRAGMA page_count") + 2;
        }

        var full = await Assert.ThrowsAsync<StorageFullException>(() => WriteLotsAsync(store, kept.Id));

        Assert.Contains("full", full.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(db));
        Assert.Equal("Pipeline blocks spiking", (await store.FindAsync(kept.Id, Ct))!.Title);
        Assert.False(await store.IsReadyAsync(Ct));
        using (var check = db.OpenRaw())
        {
            Assert.Equal("ok", await check.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        }

        db.DataSource.MaxPageCount = LimitedDataSource.Unlimited;

        Assert.True(await store.IsReadyAsync(Ct));
        await WriteLotsAsync(store, kept.Id);
        Assert.Equal(before["timeline_entries"] + 50, (await CountsAsync(db))["timeline_entries"]);
    }

    [Fact]
    public async Task A_full_database_fails_the_dispatchers_bookkeeping_and_readiness_recovers_on_the_next_write()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: true, Ct);
        var store = db.Store();
        var outbox = db.Outbox();
        var incident = await DeclareAsync(store);
        await using (var uow = await store.BeginAsync(Ct))
        {
            await uow.EnqueueAsync(incident.Id, new PostRootMessage(), T0, Ct);
            await uow.CommitAsync(Ct);
        }

        var root = Assert.Single(await outbox.ClaimAsync(new OutboxClaim(T0, "me", T0.AddMinutes(5), 10, 10), Ct));
        using (var probe = db.OpenRaw())
        {
            db.DataSource.MaxPageCount = await probe.ExecuteScalarAsync<long>("PRAGMA page_count");
        }

        await Assert.ThrowsAsync<StorageFullException>(() => outbox.MarkRootPostedAsync(root.Id, incident.Id, new string('r', 20_000), T0, Ct));
        Assert.False(await store.IsReadyAsync(Ct));
        Assert.Null((await store.FindAsync(incident.Id, Ct))!.RootMessageId);
        Assert.Equal(1, await store.CountPendingOutboxAsync(Ct));

        db.DataSource.MaxPageCount = LimitedDataSource.Unlimited;
        await outbox.MarkRootPostedAsync(root.Id, incident.Id, "R1", T0, Ct);

        Assert.True(await store.IsReadyAsync(Ct));
        Assert.Equal("R1", (await store.FindAsync(incident.Id, Ct))!.RootMessageId);
        Assert.Equal(0, await store.CountPendingOutboxAsync(Ct));
    }

    private static async Task<Incident> DeclareAsync(SqlIncidentStore store)
    {
        await using var uow = await store.BeginAsync(Ct);
        var incident = new Incident
        {
            Id = await uow.NextIncidentIdAsync(Ct),
            Workspace = Workspace,
            ChannelId = "C1",
            Title = "Pipeline blocks spiking",
            Severity = Severity.Sev1,
            Commander = new UserRef("U1", "alice"),
            DeclaredBy = new UserRef("U1", "alice"),
            DeclaredAt = T0,
        };
        await uow.SaveAsync(incident, Ct);
        await uow.CommitAsync(Ct);
        return incident;
    }

    /// <summary>About 150 kB in one unit of work: far more than two free pages.</summary>
    private static async Task WriteLotsAsync(SqlIncidentStore store, IncidentId id)
    {
        await using var uow = await store.BeginAsync(Ct);
        Assert.True(await uow.TryRecordInboundAsync(Workspace, Guid.NewGuid().ToString(), T0, Ct));
        for (var n = 0; n < 50; n++)
        {
            await uow.AddTimelineAsync(new TimelineEntry { IncidentId = id, At = T0, Kind = TimelineKind.Message, Text = new string('x', 3000) }, Ct);
        }

        await uow.EnqueueAsync(id, new EditRootMessage(), T0, Ct);
        await uow.CommitAsync(Ct);
    }

    private static async Task<Dictionary<string, long>> CountsAsync(SqliteTestDatabase db)
    {
        using var connection = db.OpenRaw();
        var counts = new Dictionary<string, long>();
        foreach (var table in new[] { "incidents", "timeline_entries", "inbound_keys", "outbox" })
        {
            counts[table] = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
        }

        return counts;
    }
}
