using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;
using IncidentBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Host;

/// <summary>
/// Issue 10, defects 2 and 3 inside the host: no platform call while its attempt or outcome cannot be written, and a
/// reply whose handle is dead is retried on its own and dropped, visibly, once the handle has expired.
/// </summary>
public sealed class OutboxParkingTests
{
    private static readonly WorkspaceId Workspace = new(Platform.Slack, "T1");

    [Fact]
    public async Task While_no_attempt_can_be_recorded_nothing_is_sent_and_delivery_resumes_by_itself()
    {
        var platform = new RecordingPlatform(Platform.Slack);
        FlakyOutboxStore flaky = null!;
        await using var bot = new BotApplication(services: s =>
        {
            s.AddSingleton<IChatPlatform>(platform);
            flaky = FlakyOutboxStore.Install(s);

            // Full from the start: a first pass already under way when the test filled the disk could still claim.
            flaky.FullClaims = true;
        }).Start();

        await SayAsync(bot, "declare sev1 Checkout is down");
        await AdvanceUntilAsync(bot, () => flaky.RefusedClaims >= 3, "the dispatcher to try to claim a few times");
        Assert.Empty(platform.Snapshot);

        flaky.FullClaims = false;
        await AdvanceUntilAsync(bot, () => platform.Snapshot.Any(c => c.Call == "post"), "the declare's messages after storage recovers");

        Assert.Equal(["root", "thread", "post"], platform.Snapshot.Select(c => c.Call).Where(c => c is not ("edit" or "reply")).Take(3));
    }

    [Fact]
    public async Task A_post_whose_outcome_cannot_be_written_is_not_sent_again_and_its_outcome_is_written_later()
    {
        var platform = new RecordingPlatform(Platform.Slack);
        FlakyOutboxStore flaky = null!;
        await using var bot = new BotApplication(services: s =>
        {
            s.AddSingleton<IChatPlatform>(platform);
            flaky = FlakyOutboxStore.Install(s);
        }).Start();
        var health = bot.Services.GetRequiredService<IStorageHealth>();
        await SayAsync(bot, "declare sev1 Checkout is down");
        await AdvanceUntilAsync(bot, () => platform.Snapshot.Any(c => c.Call == "post"), "the declare delivered");
        await Eventually.AssertAsync(async () => await health.CountPendingOutboxAsync(TestContext.Current.CancellationToken) == 0, "the outbox empty");

        flaky.FullOutcomes = true;
        await SayAsync(bot, "note INC-1 written while the disk is full");
        await AdvanceUntilAsync(bot, () => flaky.RefusedOutcomes >= 4, "the outcome refused a few times");

        Assert.Single(platform.Snapshot, IsTheNote);
        flaky.FullOutcomes = false;
        await AdvanceUntilAsync(bot, () => health.CountPendingOutboxAsync(TestContext.Current.CancellationToken).Result == 0, "the outcome written");
        Assert.Single(platform.Snapshot, IsTheNote);
    }

    [Fact]
    public async Task A_reply_with_a_dead_handle_holds_nothing_back_and_is_dropped_with_a_metric_once_its_handle_expired()
    {
        var platform = new RecordingPlatform(Platform.Slack) { RepliesDown = true };
        await using var bot = new BotApplication(services: s => s.AddSingleton<IChatPlatform>(platform)).Start();
        var health = bot.Services.GetRequiredService<IStorageHealth>();

        await SayAsync(bot, "declare sev1 Checkout is down", replyHandle: "https://hooks.slack.test/response/dead");
        await SayAsync(bot, "note INC-1 behind the reply");
        await Eventually.AssertAsync(() => platform.Snapshot.Any(c => c.Call == "post" && IsText(c.Payload, "behind the reply")),
            "the note delivered while the reply keeps failing");

        // Retried with capped backoff until the handle's lifetime (14 min) has passed, then given up.
        await AdvanceUntilAsync(bot, () => health.CountPendingOutboxAsync(TestContext.Current.CancellationToken).Result == 0,
            "the reply dropped", step: TimeSpan.FromMinutes(1), steps: 40);
        using var client = bot.CreateClient();
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.DoesNotContain(platform.Snapshot, c => c.Call == "reply");
        Assert.Contains("incidentbot_outbox_dropped_total{reason=\"expired\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("incidentbot_outbox_retries_total{cause=\"unavailable\"}", metrics, StringComparison.Ordinal);
    }

    private static bool IsTheNote((string Call, IncidentId Incident, object? Payload) call) =>
        call.Call == "post" && IsText(call.Payload, "written while the disk is full");

    private static bool IsText(object? payload, string text) =>
        payload is MessageContent content && content.ToPlainText().Contains(text, StringComparison.Ordinal);

    /// <summary>Moves the fake clock in steps (the dispatcher's retries run on it) until the condition holds.</summary>
    private static async Task AdvanceUntilAsync(BotApplication bot, Func<bool> condition, string what, TimeSpan? step = null, int steps = 30)
    {
        for (var i = 0; i < steps && !condition(); i++)
        {
            bot.Time.Advance(step ?? TimeSpan.FromSeconds(2));
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, TestContext.Current.CancellationToken);
        }

        await Eventually.AssertAsync(condition, what, TimeSpan.FromSeconds(10));
    }

    private static Task<InboundOutcome> SayAsync(BotApplication bot, string command, string? replyHandle = null) =>
        bot.Services.GetRequiredService<IInboundHandler>().HandleAsync(
            new CommandInvoked(
                new InboundContext(Workspace, "C1", null, new UserRef("U1", "jens"), bot.Time.GetUtcNow(), $"cmd:{Guid.NewGuid():N}"),
                command, null, replyHandle),
            TestContext.Current.CancellationToken);
}
