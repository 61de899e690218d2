using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Storage.Tests.Contract;

public abstract partial class IncidentStoreContract
{
    [Fact]
    public async Task A_migrated_database_is_ready()
    {
        Assert.True(await Health.IsReadyAsync(Ct));
    }

    [Fact]
    public async Task Pruning_removes_only_old_finished_outbox_rows_and_old_inbound_keys()
    {
        var now = T0.AddDays(30);
        var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1", ThreadId = "TH1" });
        await using (var uow = await Store.BeginAsync(Ct))
        {
            await uow.TryRecordInboundAsync(SlackA, "old", now.AddHours(-25), Ct);
            await uow.TryRecordInboundAsync(SlackA, "recent", now.AddHours(-23), Ct);
            await uow.AddTimelineAsync(new TimelineEntry { IncidentId = incident.Id, At = T0, Kind = TimelineKind.Message, Text = "kept" }, Ct);
            await uow.CommitAsync(Ct);
        }

        await EnqueueAsync(incident.Id, [.. Enumerable.Range(0, 4).Select(n => new PostThreadMessage(MessageContent.Plain($"m{n}")))]);
        var finishedAt = new[] { now.AddDays(-8), now.AddDays(-7.5), now.AddDays(-6) };
        for (var n = 0; n < finishedAt.Length; n++)
        {
            var message = Assert.Single(await ClaimAsync(now));
            if (n == 1)
            {
                await Outbox.MarkFailedAsync(message.Id, finishedAt[n], "refused", Ct);
            }
            else
            {
                await Outbox.MarkDeliveredAsync(message.Id, finishedAt[n], Ct);
            }
        }

        var pruned = await Maintenance.PruneAsync(now, StorageMaintenance.DefaultOutboxRetention, StorageMaintenance.DefaultInboundKeyRetention, Ct);

        Assert.Equal(new PruneResult(OutboxRows: 2, InboundKeys: 1), pruned);
        Assert.Equal(2, await CountAsync("outbox"));
        Assert.Equal(1, await Health.CountPendingOutboxAsync(Ct));
        Assert.Equal(1, await CountAsync("inbound_keys"));
        Assert.NotNull(await Reader.FindAsync(incident.Id, Ct));
        Assert.Single(await Reader.GetTimelineAsync(incident.Id, Ct));
        await using var again = await Store.BeginAsync(Ct);
        Assert.True(await again.TryRecordInboundAsync(SlackA, "old", now, Ct));
        Assert.False(await again.TryRecordInboundAsync(SlackA, "recent", now, Ct));
    }

    [Fact]
    public async Task Pruning_never_removes_pending_messages_however_old()
    {
        var incident = await DeclareAsync(SlackA);
        await EnqueueAsync(incident.Id, new PostRootMessage());

        var pruned = await Maintenance.PruneAsync(T0.AddYears(1), TimeSpan.Zero, TimeSpan.Zero, Ct);

        Assert.Equal(0, pruned.OutboxRows);
        Assert.Equal(1, await Health.CountPendingOutboxAsync(Ct));
    }
}
