using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Dashboard.Live;
using IncidentBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Replicas;

/// <summary>
/// Two replicas on one PostgreSQL database: a change one of them commits reaches the dashboard pages the other one
/// serves (NOTIFY/LISTEN), so a page is live whichever replica the load balancer gave the input to.
/// </summary>
public sealed class LiveAcrossReplicasTests
{
    private static readonly WorkspaceId Workspace = new(Platform.Slack, "T1");

    [Fact]
    public async Task A_note_handled_by_one_replica_wakes_the_page_another_replica_serves()
    {
        await using var engine = await TestEngine.CreateAsync(TestEngine.Postgres);
        await using var pages = new BotApplication(connectionString: engine.ConnectionString).Start();
        await using var inputs = new BotApplication(connectionString: engine.ConnectionString).Start();
        var declared = await SayAsync(inputs, "declare sev1 Checkout is down");
        Assert.Equal(InboundResult.Accepted, declared.Result);
        using var page = pages.Services.GetRequiredService<IncidentChanges>().Watch(declared.IncidentId!.Value);

        // The page's replica may still be opening its listening connection: each probe records another note.
        var notes = 0;
        await Eventually.AssertAsync(
            async () =>
            {
                await SayAsync(inputs, $"note INC-1 from the other replica {++notes}");
                return await WokeAsync(page);
            },
            "the page on the other replica to hear of the note");
    }

    private static async Task<bool> WokeAsync(IncidentChanges.Subscription page)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(500), TimeProvider.System);
        try
        {
            return await page.Changes.WaitToReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static Task<InboundOutcome> SayAsync(BotApplication bot, string command) =>
        bot.Services.GetRequiredService<IInboundHandler>().HandleAsync(
            new CommandInvoked(
                new InboundContext(Workspace, "C1", null, new UserRef("U1", "jens"), bot.Time.GetUtcNow(), $"cmd:{Guid.NewGuid():N}"),
                command, null, null),
            TestContext.Current.CancellationToken);
}
