using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;
using IncidentBot.Core.Reminders;
using IncidentBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Host;

/// <summary>
/// The severity clocks through the real host: the reminder loop on a fake clock, SQLite, and the outbox to a
/// recording platform. After each step the test waits until no reminder at or before "now" is left.
/// </summary>
public sealed class ClockTests
{
    private static readonly UserRef Jens = new("U1", "jens");
    private static readonly UserRef Ana = new("U2", "ana");

    [Theory]
    [InlineData(Platform.Slack)]
    [InlineData(Platform.Discord)]
    public async Task An_unacknowledged_sev1_reminds_at_exactly_5_and_10_minutes_and_stops_after_eyes(Platform platform)
    {
        await using var run = new Run(platform);
        await run.SayAsync("declare sev1 Checkout is down");
        var root = await run.RootAsync();

        await run.AtAsync(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));
        Assert.Empty(await run.RemindersAsync(ReminderKind.Acknowledge));
        await run.AtAsync(TimeSpan.FromMinutes(5));
        await run.AtAsync(TimeSpan.FromMinutes(10));
        await run.HandleAsync(new ReactionAdded(run.Context(Ana), root, platform == Platform.Slack ? "eyes" : "👀"));
        await run.AtAsync(TimeSpan.FromMinutes(15));

        Assert.Equal([TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10)], await run.RemindersAsync(ReminderKind.Acknowledge));
        Assert.Equal([TimeSpan.FromMinutes(15)], await run.RemindersAsync(ReminderKind.Update));
        var posted = await Eventually.GetAsync(
            () => Task.FromResult(run.Platform.Snapshot.Select(c => c.Payload).OfType<MessageContent>().FirstOrDefault(m => m.Inlines.OfType<EscalationMention>().Any())),
            "the ack reminder in the thread");
        Assert.Contains("not acknowledged", posted.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updates_at_10_and_20_minutes_move_the_update_reminder_to_35()
    {
        await using var run = new Run(Platform.Slack);
        await run.SayAsync("declare sev1 Checkout is down");
        await run.SayAsync("ack");

        await run.AtAsync(TimeSpan.FromMinutes(10));
        await run.SayAsync("update rolled back the deploy");
        await run.AtAsync(TimeSpan.FromMinutes(15));
        await run.AtAsync(TimeSpan.FromMinutes(20));
        await run.SayAsync("update error rate falling");
        await run.AtAsync(TimeSpan.FromMinutes(25));
        await run.AtAsync(TimeSpan.FromMinutes(34) + TimeSpan.FromSeconds(59));
        Assert.Empty(await run.RemindersAsync(ReminderKind.Update));
        await run.AtAsync(TimeSpan.FromMinutes(35));

        Assert.Equal([TimeSpan.FromMinutes(35)], await run.RemindersAsync(ReminderKind.Update));
    }

    [Fact]
    public async Task Raising_sev2_to_sev1_at_minute_20_makes_an_update_due_at_once()
    {
        await using var run = new Run(Platform.Discord);
        await run.SayAsync("declare sev2 Search is slow");
        await run.SayAsync("ack");
        await run.AtAsync(TimeSpan.FromMinutes(20));
        Assert.Empty(await run.RemindersAsync(ReminderKind.Update));

        await run.SayAsync("sev 1");
        await run.AtAsync(TimeSpan.FromMinutes(20));

        Assert.Equal([TimeSpan.FromMinutes(20)], await run.RemindersAsync(ReminderKind.Update));
    }

    [Fact]
    public async Task Resolve_stops_both_clocks_and_the_monitoring_window_asks_to_close_once()
    {
        await using var run = new Run(Platform.Slack);
        await run.SayAsync("declare sev1 Checkout is down");
        await run.AtAsync(TimeSpan.FromMinutes(2));

        await run.SayAsync("resolve rolled back");
        await run.AtAsync(TimeSpan.FromMinutes(32));
        await run.AtAsync(TimeSpan.FromHours(3));

        Assert.Empty(await run.RemindersAsync(ReminderKind.Acknowledge));
        Assert.Empty(await run.RemindersAsync(ReminderKind.Update));
        Assert.Equal([TimeSpan.FromMinutes(32)], await run.RemindersAsync(ReminderKind.MonitoringWindow));
        var close = await Eventually.GetAsync(
            () => Task.FromResult(run.Platform.Snapshot.Select(c => c.Payload).OfType<MessageContent>().FirstOrDefault(m => m.Buttons.Contains(ButtonAction.Close))),
            "the close? message with its Close button");
        Assert.Contains("Monitoring window over", close.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_an_hour_of_downtime_each_overdue_clock_sends_one_catch_up_then_resumes_its_cadence()
    {
        var database = BotApplication.TempDatabase();
        await using (var before = new Run(Platform.Slack, database))
        {
            await before.SayAsync("declare sev1 Checkout is down");
        }

        await using var after = new Run(Platform.Slack, database, BotApplication.DefaultStart + TimeSpan.FromHours(1));
        await after.AtAsync(TimeSpan.FromHours(1));
        await after.AtAsync(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5));

        Assert.Equal([TimeSpan.FromHours(1), TimeSpan.FromMinutes(65)], await after.RemindersAsync(ReminderKind.Acknowledge));
        Assert.Equal([TimeSpan.FromHours(1)], await after.RemindersAsync(ReminderKind.Update));
    }

    [Fact]
    public async Task A_sev3_declared_friday_evening_is_due_monday_nine_in_the_zone_across_a_dst_change()
    {
        // Europe/Berlin moves to summer time on Sunday 2026-03-29: Friday 18:00 is UTC+1, Monday 09:00 is UTC+2.
        var friday = new DateTimeOffset(2026, 3, 27, 17, 0, 0, TimeSpan.Zero);
        await using var run = new Run(Platform.Discord, start: friday, settings: new() { ["Incidents:TimeZone"] = "Europe/Berlin" });
        await run.SayAsync("declare sev3 Staging deploys flaky");

        var monday = new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero);
        await run.AtAsync(monday - friday - TimeSpan.FromSeconds(1));
        Assert.Empty(await run.RemindersAsync(ReminderKind.Acknowledge));
        await run.AtAsync(monday - friday);

        Assert.Equal([monday - friday], await run.RemindersAsync(ReminderKind.Acknowledge));
        Assert.Empty(await run.RemindersAsync(ReminderKind.Update));
    }

    private sealed class Run : IAsyncDisposable
    {
        private readonly BotApplication _bot;
        private readonly DateTimeOffset _start;
        private readonly WorkspaceId _workspace;

        public Run(Platform platform, string? database = null, DateTimeOffset? start = null, Dictionary<string, string?>? settings = null)
        {
            Platform = new RecordingPlatform(platform);
            _workspace = new WorkspaceId(platform, "W1");
            _start = BotApplication.DefaultStart;
            if (start is { } s && database is null)
            {
                _start = s;
            }

            _bot = new BotApplication(settings, start ?? _start, database, services => services.AddSingleton<IChatPlatform>(Platform)).Start();
        }

        public RecordingPlatform Platform { get; }

        private IIncidentStore Store => _bot.Services.GetRequiredService<IIncidentStore>();

        public InboundContext Context(UserRef user) =>
            new(_workspace, "C1", null, user, _bot.Time.GetUtcNow(), $"k:{Guid.NewGuid():N}");

        public Task<InboundOutcome> HandleAsync(InboundEvent inbound) =>
            _bot.Services.GetRequiredService<IInboundHandler>().HandleAsync(inbound, TestContext.Current.CancellationToken);

        public async Task SayAsync(string command)
        {
            var outcome = await HandleAsync(new CommandInvoked(Context(Jens), command, null, null));
            Assert.True(outcome.Result == InboundResult.Accepted, outcome.Reply?.ToPlainText());
        }

        public async Task<string> RootAsync() => await Eventually.GetAsync(
            async () => (await Store.FindAsync(new IncidentId(1), TestContext.Current.CancellationToken))?.RootMessageId,
            "the root message to be posted");

        /// <summary>Moves the clock to start + <paramref name="offset"/> and waits until nothing due is left.</summary>
        public async Task AtAsync(TimeSpan offset)
        {
            var target = _start + offset;
            if (target > _bot.Time.GetUtcNow())
            {
                _bot.Time.Advance(target - _bot.Time.GetUtcNow());
            }

            await Eventually.AssertAsync(
                async () => await Store.GetEarliestReminderAsync(TestContext.Current.CancellationToken) is not { } next || next > target,
                $"the reminders due by {offset}");
        }

        /// <summary>When each reminder of a kind was sent, as offsets from the start.</summary>
        public async Task<TimeSpan[]> RemindersAsync(ReminderKind kind) =>
            [.. (await Store.GetTimelineAsync(new IncidentId(1), TestContext.Current.CancellationToken))
                .Where(e => e.Kind == TimelineKind.Reminder && e.Detail == kind.ToString())
                .Select(e => e.At - _start)];

        public ValueTask DisposeAsync() => _bot.DisposeAsync();
    }
}
