using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;
using IncidentBot.Testing.Postgres;

namespace IncidentBot.Storage.Tests.Postgres;

/// <summary>
/// Replicas sharing one PostgreSQL outbox (DESIGN.md §8): a claim holds its lane against every other replica until
/// its lease runs out, which only happens when its holder stops renewing it; concurrent claims never take one row twice.
/// </summary>
public sealed class PostgresOutboxLeaseTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 18, 14, 23, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_replicas_claim_holds_the_lane_until_its_lease_expires_then_a_survivor_retries_in_order()
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server, migrate: true, Ct);
        await SeedAsync(db, incidents: 1, postsEach: 2);
        var a = db.Outbox();
        var b = db.Outbox();

        var claimed = Assert.Single(await a.ClaimAsync(Claim(T0, "replica-a"), Ct));

        // The head is held: B gets neither it nor the post queued behind it, however often it asks.
        Assert.Empty(await b.ClaimAsync(Claim(T0.AddSeconds(5), "replica-b"), Ct));
        Assert.Empty(await b.ClaimAsync(Claim(T0.AddSeconds(14), "replica-b"), Ct));

        // A is gone (no renewal): 15 s after its claim the lane is B's, starting with the same head, as a retry.
        var retry = Assert.Single(await b.ClaimAsync(Claim(T0.AddSeconds(16), "replica-b"), Ct));
        Assert.Equal(claimed.Id, retry.Id);
        Assert.Equal(2, retry.Attempts);
        Assert.True(new Delivery("INC-1.1", retry.Attempts, retry.CreatedAt).IsRetry);

        await b.MarkDeliveredAsync(retry.Id, T0.AddSeconds(17), Ct);
        var next = Assert.Single(await b.ClaimAsync(Claim(T0.AddSeconds(17), "replica-b"), Ct));
        Assert.True(next.Id > retry.Id);
        Assert.Equal(1, next.Attempts);
    }

    [Fact]
    public async Task A_living_holder_renews_its_lease_and_keeps_the_lane()
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server, migrate: true, Ct);
        await SeedAsync(db, incidents: 1, postsEach: 1);
        var a = db.Outbox();
        var b = db.Outbox();
        Assert.Single(await a.ClaimAsync(Claim(T0, "replica-a"), Ct));

        Assert.Equal(1, await a.RenewLeasesAsync(T0.AddSeconds(10), Ct));
        Assert.Equal(0, await b.RenewLeasesAsync(T0.AddSeconds(10), Ct));

        Assert.Empty(await b.ClaimAsync(Claim(T0.AddSeconds(20), "replica-b"), Ct));
        Assert.Single(await b.ClaimAsync(Claim(T0.AddSeconds(26), "replica-b"), Ct));
    }

    [Fact]
    public async Task Concurrent_claims_of_several_replicas_never_take_a_message_twice()
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server, migrate: true, Ct);
        await SeedAsync(db, incidents: 40, postsEach: 1);
        var replicas = Enumerable.Range(0, 6).Select(_ => db.Outbox()).ToList();

        var claims = await Task.WhenAll(replicas.Select((r, i) => r.ClaimAsync(Claim(T0, $"replica-{i}"), Ct)));

        var ids = claims.SelectMany(c => c).Select(m => m.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(claims.SelectMany(c => c), m => Assert.Equal(1, m.Attempts));
    }

    private static OutboxClaim Claim(DateTimeOffset now, string owner) => new(now, owner, now.AddMinutes(5), 10, 10);

    private static async Task SeedAsync(PostgresTestDatabase db, int incidents, int postsEach)
    {
        var store = db.Store();
        for (var n = 0; n < incidents; n++)
        {
            await using var uow = await store.BeginAsync(Ct);
            var id = await uow.NextIncidentIdAsync(Ct);
            await uow.SaveAsync(new Incident
            {
                Id = id,
                Workspace = new WorkspaceId(Platform.Slack, "T1"),
                ChannelId = "C1",
                Title = "Replicas",
                Severity = Severity.Sev1,
                Commander = new UserRef("U1", "alice"),
                DeclaredBy = new UserRef("U1", "alice"),
                DeclaredAt = T0,
                RootMessageId = "R" + n,
                ThreadId = "R" + n,
            }, Ct);
            for (var p = 0; p < postsEach; p++)
            {
                await uow.EnqueueAsync(id, new PostThreadMessage(MessageContent.Plain($"note {p}")), T0, Ct);
            }

            await uow.CommitAsync(Ct);
        }
    }
}
