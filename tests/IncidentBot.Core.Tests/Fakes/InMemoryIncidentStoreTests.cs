using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Core.Tests.Fakes;

/// <summary>The fake must behave like a transaction, or the use-case tests built on it prove nothing.</summary>
public sealed class InMemoryIncidentStoreTests
{
    private static WorkspaceId Slack { get; } = new(Platform.Slack, "T1");
    private static DateTimeOffset At { get; } = new(2026, 4, 20, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Changes_are_invisible_until_commit()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new InMemoryIncidentStore();
        await using var uow = await store.BeginAsync(ct);
        var id = await uow.NextIncidentIdAsync(ct);
        await uow.SaveAsync(NewIncident(id), ct);
        await uow.EnqueueAsync(id, new PostRootMessage(), At, ct);

        Assert.NotNull(await uow.GetAsync(Slack, id, ct));
        Assert.Null(await store.FindAsync(id, ct));
        Assert.Empty(store.Outbox);

        await uow.CommitAsync(ct);

        Assert.NotNull(await store.FindAsync(id, ct));
        Assert.Equal([new PostRootMessage()], store.Intents(id));
    }

    [Fact]
    public async Task Disposing_without_commit_discards_every_change()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new InMemoryIncidentStore();
        await using (var uow = await store.BeginAsync(ct))
        {
            var id = await uow.NextIncidentIdAsync(ct);
            await uow.TryRecordInboundAsync(Slack, "key", At, ct);
            await uow.SaveAsync(NewIncident(id), ct);
            await uow.AddTimelineAsync(new TimelineEntry { IncidentId = id, At = At, Kind = TimelineKind.Note, Text = "x" }, ct);
            await uow.AddAuditAsync(new AuditEntry(Slack, id, At, "U1", "note", string.Empty), ct);
            await uow.EnqueueAsync(id, new EditRootMessage(), At, ct);
        }

        await using var next = await store.BeginAsync(ct);

        Assert.Empty(store.Incidents);
        Assert.Equal(0, store.TimelineCount);
        Assert.Empty(store.Audit);
        Assert.Empty(store.Outbox);
        Assert.Empty(store.InboundKeys);
        Assert.Equal(new IncidentId(1), await next.NextIncidentIdAsync(ct));
        Assert.True(await next.TryRecordInboundAsync(Slack, "key", At, ct));
    }

    [Fact]
    public async Task A_repeated_inbound_key_is_reported_once_committed()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new InMemoryIncidentStore();
        await using (var first = await store.BeginAsync(ct))
        {
            Assert.True(await first.TryRecordInboundAsync(Slack, "Ev1", At, ct));
            await first.CommitAsync(ct);
        }

        await using var second = await store.BeginAsync(ct);

        Assert.False(await second.TryRecordInboundAsync(Slack, "Ev1", At, ct));
        Assert.True(await second.TryRecordInboundAsync(new WorkspaceId(Platform.Discord, "T1"), "Ev1", At, ct));
    }

    [Fact]
    public async Task A_finished_transaction_cannot_be_used_and_transactions_do_not_nest()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new InMemoryIncidentStore();
        var uow = await store.BeginAsync(ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.BeginAsync(ct));
        await uow.CommitAsync(ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => uow.NextIncidentIdAsync(ct));
        await uow.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => uow.CommitAsync(ct));
        await using var again = await store.BeginAsync(ct);
    }

    [Fact]
    public async Task Lookups_by_workspace_do_not_see_another_workspace()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new InMemoryIncidentStore();
        await using var uow = await store.BeginAsync(ct);
        var id = await uow.NextIncidentIdAsync(ct);
        await uow.SaveAsync(NewIncident(id) with { RootMessageId = "r1", ThreadId = "t1" }, ct);
        await uow.AddTimelineAsync(new TimelineEntry { IncidentId = id, At = At, Kind = TimelineKind.Message, Text = "x", SourceMessageId = "m1" }, ct);
        var other = new WorkspaceId(Platform.Slack, "T2");

        Assert.Null(await uow.GetAsync(other, id, ct));
        Assert.Null(await uow.FindByThreadAsync(other, "t1", ct));
        Assert.Null(await uow.FindByRootMessageAsync(other, "r1", ct));
        Assert.Null(await uow.FindTimelineBySourceAsync(other, "m1", ct));
        Assert.Empty(await uow.ListOpenAsync(other, null, ct));
        Assert.NotNull(await uow.GetForReminderAsync(id, ct));
        Assert.NotNull(await uow.FindTimelineBySourceAsync(Slack, "m1", ct));
    }

    private static Incident NewIncident(IncidentId id) => new()
    {
        Id = id,
        Workspace = Slack,
        ChannelId = "C1",
        Title = "Checkout is down",
        Severity = Severity.Sev1,
        Commander = new UserRef("U1", "alice"),
        DeclaredBy = new UserRef("U1", "alice"),
        DeclaredAt = At,
    };
}
