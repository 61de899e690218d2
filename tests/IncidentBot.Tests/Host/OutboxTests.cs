using System.Net.Http.Headers;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.StatusDocs;
using IncidentBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Host;

/// <summary>The outbox dispatcher through the real host and SQLite, with a recording platform.</summary>
public sealed class OutboxTests
{
    private const string Token = "outbox-test-token-0123456789";
    private static readonly WorkspaceId Workspace = new(Platform.Slack, "T1");
    private static readonly UserRef Jens = new("U1", "jens");

    [Fact]
    public async Task A_declare_posts_the_root_then_opens_the_thread_then_posts_in_it()
    {
        var platform = new RecordingPlatform(Platform.Slack);
        await using var bot = Bot(platform);

        await SayAsync(bot, "declare sev1 Checkout is down");

        await Eventually.AssertAsync(() => platform.Calls.Count >= 3, "the declare's three messages");
        Assert.Equal(["root", "thread", "post"], platform.Snapshot.Take(3).Select(c => c.Call));
        var root = Assert.IsType<StatusDoc>(platform.Snapshot[0].Payload);
        Assert.Equal("[SEV1] Checkout is down", root.Label);
    }

    [Fact]
    public async Task Fifty_updates_in_one_second_lead_to_a_few_status_doc_edits_showing_the_last()
    {
        var platform = new RecordingPlatform(Platform.Slack);
        await using var bot = Bot(platform);
        await SayAsync(bot, "declare sev1 Checkout is down");
        await Eventually.AssertAsync(() => platform.Snapshot.Any(c => c.Call == "post"), "the thread to open");

        for (var i = 1; i <= 50; i++)
        {
            await SayAsync(bot, $"update INC-1 step {i}");
        }

        await Eventually.AssertAsync(() => platform.Snapshot.Count(c => c.Call == "post") == 51, "the 50 updates in the thread");
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.AssertAsync(
            () => platform.Snapshot.LastOrDefault(c => c.Call == "edit").Payload is StatusDoc { CurrentStatusText: "step 50" },
            "an edit showing the last update");
        Assert.InRange(platform.Snapshot.Count(c => c.Call == "edit"), 1, 3);
        Assert.Equal(1, platform.Snapshot.Count(c => c.Call == "root"));
    }

    [Fact]
    public async Task A_throttled_status_doc_edit_does_not_hold_back_a_thread_message_queued_after_it()
    {
        var platform = new RecordingPlatform(Platform.Slack);
        await using var bot = Bot(platform);
        await SayAsync(bot, "declare sev2 Search is slow");
        await SayAsync(bot, "resolve INC-1 reindexed");
        await SayAsync(bot, "close INC-1");
        await Eventually.AssertAsync(() => platform.Snapshot.Any(c => c.Call == "upload") && platform.Snapshot.Any(c => c.Call == "edit"), "the close delivered");
        var posts = platform.Snapshot.Count(c => c.Call == "post");

        // The clock stands still: a thread message's status-doc edit is throttled behind the close's edit, then
        // "postmortem done" queues a thread post (and no edit) after it.
        await bot.Services.GetRequiredService<IInboundHandler>().HandleAsync(
            new ThreadMessagePosted(new InboundContext(Workspace, "C1", "thread-root-1", Jens, bot.Time.GetUtcNow(), "msg:late"), "1700000000.000100", "late note"),
            TestContext.Current.CancellationToken);
        Assert.Equal(InboundResult.Accepted, (await SayAsync(bot, "postmortem INC-1 done https://wiki.example.com/inc-1")).Result);

        await Eventually.AssertAsync(() => platform.Snapshot.Count(c => c.Call == "post") == posts + 1, "the postmortem-done post without the clock moving");
        Assert.Contains("marked done", ((MessageContent)platform.Snapshot.Last(c => c.Call == "post").Payload!).ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_queued_while_the_platform_is_down_arrive_once_in_order_when_it_returns()
    {
        var platform = new RecordingPlatform(Platform.Slack);
        await using var bot = Bot(platform);
        await SayAsync(bot, "declare sev1 Checkout is down");
        await Eventually.AssertAsync(() => platform.Snapshot.Any(c => c.Call == "post"), "the thread to open");
        platform.Down = true;

        await SayAsync(bot, "update INC-1 first");
        await SayAsync(bot, "update INC-1 second");
        await SayAsync(bot, "update INC-1 third");
        await Eventually.AssertAsync(() => platform.Refused > 0, "a delivery attempt during the outage");
        Assert.Equal(1, platform.Snapshot.Count(c => c.Call == "post"));

        platform.Down = false;

        await Eventually.AssertAsync(async () =>
        {
            bot.Time.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, TestContext.Current.CancellationToken);
            return platform.Snapshot.Count(c => c.Call == "post") >= 4;
        }, "the queued updates after the outage");
        var updates = platform.Snapshot.Where(c => c.Call == "post").Skip(1).Select(c => ((MessageContent)c.Payload!).ToPlainText()).ToList();
        Assert.Equal(3, updates.Count);
        Assert.EndsWith("first", updates[0], StringComparison.Ordinal);
        Assert.EndsWith("second", updates[1], StringComparison.Ordinal);
        Assert.EndsWith("third", updates[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_uploads_the_draft_the_api_serves_and_the_directory_holds_the_same_bytes()
    {
        var platform = new RecordingPlatform(Platform.Slack);
        var directory = Directory.CreateTempSubdirectory("incidentbot-postmortems-");
        await using var bot = Bot(platform, new() { ["Api:Token"] = Token, ["Postmortems:Directory"] = directory.FullName });
        await SayAsync(bot, "declare sev2 Pipeline blocks spiking");
        await SayAsync(bot, "resolve INC-1 rolled back");

        await SayAsync(bot, "close INC-1");

        var upload = await Eventually.GetAsync(
            () => Task.FromResult(platform.Snapshot.Where(c => c.Call == "upload").Select(c => c.Payload as UploadFile).FirstOrDefault()),
            "the postmortem upload");
        using var client = bot.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var served = await client.GetByteArrayAsync(new Uri("/api/incidents/INC-1/postmortem.md", UriKind.Relative), TestContext.Current.CancellationToken);
        var exported = await File.ReadAllBytesAsync(Path.Combine(directory.FullName, upload.FileName), TestContext.Current.CancellationToken);
        Assert.StartsWith("# Postmortem — [SEV2] Pipeline blocks spiking", upload.Content.Split("---\n").Last().TrimStart(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(upload.Content), served);
        Assert.Equal(served, exported);
        directory.Delete(recursive: true);
    }

    private static BotApplication Bot(RecordingPlatform platform, Dictionary<string, string?>? settings = null) =>
        new BotApplication(settings, services: s => s.AddSingleton<IChatPlatform>(platform)).Start();

    private static Task<InboundOutcome> SayAsync(BotApplication bot, string command) =>
        bot.Services.GetRequiredService<IInboundHandler>().HandleAsync(
            new CommandInvoked(
                new InboundContext(Workspace, "C1", null, Jens, bot.Time.GetUtcNow(), $"cmd:{Guid.NewGuid():N}"), command, null, null),
            TestContext.Current.CancellationToken);
}
