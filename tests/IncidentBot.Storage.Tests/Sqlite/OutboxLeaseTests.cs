using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;

namespace IncidentBot.Storage.Tests.Sqlite;

/// <summary>
/// SQLite's own claim rule (issue 10, defect 1): one process per file, so a claim left by a process that died
/// mid-call is void for the next one, which gets the message at once and as a retry (a second attempt on record).
/// </summary>
public sealed class OutboxLeaseTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 18, 14, 23, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_claim_of_a_process_that_died_mid_call_is_void_and_the_next_claim_is_a_retry()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: true, Ct);
        var store = db.Store();
        await using (var uow = await store.BeginAsync(Ct))
        {
            var id = await uow.NextIncidentIdAsync(Ct);
            await uow.SaveAsync(new Incident
            {
                Id = id,
                Workspace = new WorkspaceId(Platform.Slack, "T1"),
                ChannelId = "C1",
                Title = "Crash mid-post",
                Severity = Severity.Sev1,
                Commander = new UserRef("U1", "alice"),
                DeclaredBy = new UserRef("U1", "alice"),
                DeclaredAt = T0,
                RootMessageId = "R1",
                ThreadId = "R1",
            }, Ct);
            await uow.EnqueueAsync(id, new PostThreadMessage(MessageContent.Plain("note")), T0, Ct);
            await uow.CommitAsync(Ct);
        }

        // The first process claims the post (its attempt is on disk) and is killed before any outcome is written.
        var dead = Assert.Single(await db.Outbox().ClaimAsync(Claim("process-1"), Ct));
        Assert.Empty(await db.Outbox().ClaimAsync(Claim("process-1"), Ct));

        // A fresh store, as after a restart on the same file: the dead claim does not hold the lane.
        var retry = Assert.Single(await db.Outbox().ClaimAsync(Claim("process-2"), Ct));

        Assert.Equal(dead.Id, retry.Id);
        Assert.Equal(1, dead.Attempts);
        Assert.Equal(2, retry.Attempts);
        Assert.True(new Delivery("INC-1.1", retry.Attempts, retry.CreatedAt).IsRetry);
    }

    private static OutboxClaim Claim(string owner) => new(T0.AddSeconds(1), owner, T0.AddMinutes(5), 10, 10);
}
