using System.Data.Common;
using System.Net;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;
using IncidentBot.Storage.Database;
using IncidentBot.Testing.Sqlite;
using IncidentBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentBot.Tests.Host;

/// <summary>Issue 7: a full disk and a stopped host lose nothing, and the bot recovers by itself.</summary>
public sealed class ResilienceTests
{
    private static readonly WorkspaceId Workspace = new(Platform.Slack, "T1");

    [Fact]
    public async Task A_full_disk_gets_a_clear_reply_fails_readiness_keeps_what_was_stored_and_recovers()
    {
        var database = TestEngine.TempDatabase();
        var limited = new LimitedDataSource(SqliteFactory.Instance.CreateDataSource($"Data Source={database}"));
        await using var bot = new BotApplication(databasePath: database, services: s =>
        {
            s.RemoveAll<DbDataSource>();
            s.AddSingleton<DbDataSource>(limited);
        }).Start();
        limited.Changed = bot.Services.GetRequiredService<StorageDatabase>().ReleaseConnections;
        using var client = bot.CreateClient();
        Assert.Equal(InboundResult.Accepted, (await SayAsync(bot, "declare sev1 Disk filling up")).Result);
        var store = bot.Services.GetRequiredService<IIncidentReader>();
        var outbox = bot.Services.GetRequiredService<IOutboxStore>();

        // No platform is configured, so the dispatcher gives the declare's messages back for later; wait for that write first.
        await Eventually.AssertAsync(
            async () => await outbox.GetNextDueAsync(bot.Time.GetUtcNow(), string.Empty, TestContext.Current.CancellationToken) > bot.Time.GetUtcNow(),
            "the dispatcher to put the queued messages off");

        limited.MaxPageCount = await PageCountAsync(database);
        var refused = await SayAsync(bot, "update INC-1 " + new string('x', 2900));
        for (var i = 0; i < 40 && refused.Result == InboundResult.Accepted; i++)
        {
            refused = await SayAsync(bot, "update INC-1 " + new string('x', 2900));
        }

        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        var kept = await store.FindAsync(new IncidentId(1), TestContext.Current.CancellationToken);

        Assert.Equal(InboundResult.Refused, refused.Result);
        Assert.Contains("Storage full", refused.Reply!.ToPlainText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Disk filling up", kept?.Title);

        limited.MaxPageCount = LimitedDataSource.Unlimited;
        Assert.Equal(InboundResult.Accepted, (await SayAsync(bot, "update INC-1 space is back")).Result);
        await Eventually.AssertAsync(
            async () => (await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.OK,
            "readiness to recover");
    }

    [Fact]
    public async Task Messages_queued_when_the_host_stops_are_delivered_after_it_starts_again()
    {
        var database = TestEngine.TempDatabase();
        var down = new RecordingPlatform(Platform.Slack) { Down = true };
        await using (var before = new BotApplication(databasePath: database, services: s => s.AddSingleton<IChatPlatform>(down)).Start())
        {
            await SayAsync(before, "declare sev1 Checkout is down");
            await Eventually.AssertAsync(() => down.Refused > 0, "a delivery attempt while the platform is down");
        }

        var up = new RecordingPlatform(Platform.Slack);
        await using var after = new BotApplication(databasePath: database, services: s => s.AddSingleton<IChatPlatform>(up)).Start();

        await Eventually.AssertAsync(async () =>
        {
            after.Time.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, TestContext.Current.CancellationToken);
            return up.Snapshot.Any(c => c.Call == "post");
        }, "the queued messages after the restart");
        Assert.Equal(["root", "thread", "post"], up.Snapshot.Select(c => c.Call).Where(c => c != "edit").Take(3));
        Assert.Empty(down.Snapshot);
    }

    private static Task<InboundOutcome> SayAsync(BotApplication bot, string command) =>
        bot.Services.GetRequiredService<IInboundHandler>().HandleAsync(
            new CommandInvoked(
                new InboundContext(Workspace, "C1", null, new UserRef("U1", "jens"), bot.Time.GetUtcNow(), $"cmd:{Guid.NewGuid():N}"),
                command, null, null),
            TestContext.Current.CancellationToken);

    private static async Task<long> PageCountAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_count";
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
