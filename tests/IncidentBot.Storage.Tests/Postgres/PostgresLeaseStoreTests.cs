using IncidentBot.Core.Leases;
using IncidentBot.Storage.Leases;
using IncidentBot.Testing.Postgres;

namespace IncidentBot.Storage.Tests.Postgres;

/// <summary>The shared leases (the Discord gateway session's): one holder at a time, taken over only once expired.</summary>
public sealed class PostgresLeaseStoreTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 18, 14, 23, 0, TimeSpan.Zero);

    private static readonly TimeSpan Ten = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_replica_holds_a_lease_until_it_expires_then_the_next_takes_it_with_the_state_left()
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server, migrate: true, Ct);
        var a = new SqlLeaseStore(db.Database);
        var b = new SqlLeaseStore(db.Database);

        Assert.Equal(new LeaseGrant(null), await a.TryAcquireAsync("gateway", "a", T0, Ten, Ct));
        Assert.Null(await b.TryAcquireAsync("gateway", "b", T0.AddSeconds(5), Ten, Ct));
        Assert.True(await a.RenewAsync("gateway", "a", T0.AddSeconds(6), Ten, "session-1", Ct));
        Assert.Null(await b.TryAcquireAsync("gateway", "b", T0.AddSeconds(15), Ten, Ct));

        // a stops renewing (killed): 10 s after its last renewal b takes over and finds a's session.
        Assert.Equal(new LeaseGrant("session-1"), await b.TryAcquireAsync("gateway", "b", T0.AddSeconds(16), Ten, Ct));
        Assert.False(await a.RenewAsync("gateway", "a", T0.AddSeconds(17), Ten, "stale", Ct));
        Assert.True(await b.RenewAsync("gateway", "b", T0.AddSeconds(17), Ten, null, Ct));
    }

    [Fact]
    public async Task Replicas_asking_at_once_get_one_grant_and_a_release_frees_the_lease_at_once()
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server, migrate: true, Ct);
        var stores = Enumerable.Range(0, 5).Select(_ => new SqlLeaseStore(db.Database)).ToList();

        var grants = await Task.WhenAll(stores.Select((s, i) => s.TryAcquireAsync("gateway", $"r{i}", T0, Ten, Ct)));

        var winner = Assert.Single(grants.Select((g, i) => (g, i)), x => x.g is not null).i;
        await stores[winner].ReleaseAsync("gateway", $"r{winner}", "", Ct);
        var next = (winner + 1) % stores.Count;
        Assert.NotNull(await stores[next].TryAcquireAsync("gateway", $"r{next}", T0.AddSeconds(1), Ten, Ct));
    }
}
