using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;
using IncidentBot.Core.Reminders;
using IncidentBot.Testing.Fakes.Discord;
using IncidentBot.Testing.Fakes.Slack;
using IncidentBot.Tests.Discord;
using IncidentBot.Tests.Infrastructure;
using IncidentBot.Tests.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Host;

/// <summary>
/// The severity clocks through the real host on both platforms: the reminder loop on a fake clock, SQLite, the
/// outbox and the real Slack or Discord adapter talking to its wire fake, where the reminders must show up in the
/// incident's thread. Input enters as the platform-neutral records the adapters produce (their own mapping is
/// covered by the adapters' tests and <see cref="ClockWireTests"/>). After each step the test waits until no
/// reminder at or before "now" is left.
/// </summary>
public sealed class ClockTests
{
    [Theory]
    [InlineData(Platform.Slack)]
    [InlineData(Platform.Discord)]
    public async Task An_unacknowledged_sev1_reminds_at_exactly_5_and_10_minutes_and_stops_after_eyes(Platform platform)
    {
        await using var run = await Run.StartAsync(platform);
        await run.SayAsync("declare sev1 Checkout is down");
        var root = await run.RootAsync();

        await run.AtAsync(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));
        Assert.Empty(await run.RemindersAsync(ReminderKind.Acknowledge));
        await run.AtAsync(TimeSpan.FromMinutes(5));
        await run.AtAsync(TimeSpan.FromMinutes(10));
        await run.HandleAsync(new ReactionAdded(run.Context(run.Responder), root, Reaction.Acknowledge));
        await run.AtAsync(TimeSpan.FromMinutes(15));

        Assert.Equal([TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10)], await run.RemindersAsync(ReminderKind.Acknowledge));
        Assert.Equal([TimeSpan.FromMinutes(15)], await run.RemindersAsync(ReminderKind.Update));
        var reminders = await run.ThreadAsync(m => m.Contains("not acknowledged", StringComparison.Ordinal), 2, "the two ack reminders in the thread");
        Assert.All(reminders, m => Assert.Contains(platform == Platform.Slack ? "<!here>" : $"<@&{Run.EscalationRole}>", m, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Platform.Slack)]
    [InlineData(Platform.Discord)]
    public async Task Updates_at_10_and_20_minutes_move_the_update_reminder_to_35(Platform platform)
    {
        await using var run = await Run.StartAsync(platform);
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
        var reminder = Assert.Single(await run.ThreadAsync(m => m.Contains("needs a status update", StringComparison.Ordinal), 1, "the update reminder in the thread"));
        Assert.Contains($"<@{run.Commander.Id}>", reminder, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Platform.Slack)]
    [InlineData(Platform.Discord)]
    public async Task Raising_sev2_to_sev1_at_minute_20_makes_an_update_due_at_once(Platform platform)
    {
        await using var run = await Run.StartAsync(platform);
        await run.SayAsync("declare sev2 Search is slow");
        await run.SayAsync("ack");
        await run.AtAsync(TimeSpan.FromMinutes(20));
        Assert.Empty(await run.RemindersAsync(ReminderKind.Update));

        await run.SayAsync("sev 1");
        await run.AtAsync(TimeSpan.FromMinutes(20));

        Assert.Equal([TimeSpan.FromMinutes(20)], await run.RemindersAsync(ReminderKind.Update));
    }

    [Theory]
    [InlineData(Platform.Slack)]
    [InlineData(Platform.Discord)]
    public async Task Resolve_stops_both_clocks_and_the_monitoring_window_asks_to_close_once(Platform platform)
    {
        await using var run = await Run.StartAsync(platform);
        await run.SayAsync("declare sev1 Checkout is down");
        await run.AtAsync(TimeSpan.FromMinutes(2));

        await run.SayAsync("resolve rolled back");
        await run.AtAsync(TimeSpan.FromMinutes(32));
        await run.AtAsync(TimeSpan.FromHours(3));

        Assert.Empty(await run.RemindersAsync(ReminderKind.Acknowledge));
        Assert.Empty(await run.RemindersAsync(ReminderKind.Update));
        Assert.Equal([TimeSpan.FromMinutes(32)], await run.RemindersAsync(ReminderKind.MonitoringWindow));
        var close = Assert.Single(await run.ThreadAsync(m => m.Contains("Monitoring window over", StringComparison.Ordinal), 1, "the close? message"));
        Assert.Contains(platform == Platform.Slack ? "\"action_id\":\"close\"" : "\"custom_id\":\"close:INC-1\"", close, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Platform.Slack)]
    [InlineData(Platform.Discord)]
    public async Task After_an_hour_of_downtime_each_overdue_clock_sends_one_catch_up_then_resumes_its_cadence(Platform platform)
    {
        var database = TestEngine.TempDatabase();
        await using (var before = await Run.StartAsync(platform, database))
        {
            await before.SayAsync("declare sev1 Checkout is down");
            await before.RootAsync();
        }

        await using var after = await Run.StartAsync(platform, database, BotApplication.DefaultStart + TimeSpan.FromHours(1));
        await after.AtAsync(TimeSpan.FromHours(1));
        await after.AtAsync(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5));

        Assert.Equal([TimeSpan.FromHours(1), TimeSpan.FromMinutes(65)], await after.RemindersAsync(ReminderKind.Acknowledge));
        Assert.Equal([TimeSpan.FromHours(1)], await after.RemindersAsync(ReminderKind.Update));
    }

    [Theory]
    [InlineData(Platform.Slack)]
    [InlineData(Platform.Discord)]
    public async Task A_sev3_declared_friday_evening_is_due_monday_nine_in_the_zone_across_a_dst_change(Platform platform)
    {
        // Europe/Berlin moves to summer time on Sunday 2026-03-29: Friday 18:00 is UTC+1, Monday 09:00 is UTC+2.
        var friday = new DateTimeOffset(2026, 3, 27, 17, 0, 0, TimeSpan.Zero);
        await using var run = await Run.StartAsync(platform, start: friday, settings: new() { ["Incidents:TimeZone"] = "Europe/Berlin" });
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
        public const string EscalationRole = "1400000000000000777";

        private readonly BotApplication _bot;
        private readonly FakeSlack? _slack;
        private readonly FakeDiscord? _discord;
        private readonly DateTimeOffset _start;
        private readonly WorkspaceId _workspace;
        private readonly string _channel;

        private Run(BotApplication bot, FakeSlack? slack, FakeDiscord? discord, DateTimeOffset start, WorkspaceId workspace, string channel)
        {
            Commander = slack is not null ? new UserRef("U0JENS", "Jens") : new UserRef(DiscordBot.Ana, "Ana");
            Responder = slack is not null ? new UserRef("U0MARIA", "Maria") : new UserRef(DiscordBot.Bob, "Bob");
            _bot = bot;
            _slack = slack;
            _discord = discord;
            _start = start;
            _workspace = workspace;
            _channel = channel;
        }

        /// <summary>Declares and commands; a user id as the platform writes it.</summary>
        public UserRef Commander { get; }

        /// <summary>Acknowledges with a reaction.</summary>
        public UserRef Responder { get; }

        private IIncidentReader Store => _bot.Services.GetRequiredService<IIncidentReader>();

        /// <summary>
        /// The host configured for one platform against its fake. A restart passes the database of the first run and
        /// the later start; offsets stay measured from the first run's start.
        /// </summary>
        public static async Task<Run> StartAsync(
            Platform platform, string? database = null, DateTimeOffset? start = null, Dictionary<string, string?>? settings = null)
        {
            var origin = database is null ? start ?? BotApplication.DefaultStart : BotApplication.DefaultStart;
            FakeSlack? slack = null;
            FakeDiscord? discord = null;
            Dictionary<string, string?> values;
            WorkspaceId workspace;
            string channel;
            if (platform == Platform.Slack)
            {
                slack = await FakeSlack.StartAsync();
                values = SlackBot.Settings(slack, "http");
                workspace = new WorkspaceId(Platform.Slack, FakeSlack.TeamId);
                channel = SlackPayloads.Channel;
            }
            else
            {
                discord = await FakeDiscord.StartAsync();
                values = DiscordBot.Settings(discord);
                workspace = new WorkspaceId(Platform.Discord, discord.GuildId);
                channel = discord.IncidentsChannelId;
            }

            values["Incidents:EscalationMention"] = $"<!here>,<@&{EscalationRole}>";
            foreach (var (key, value) in settings ?? [])
            {
                values[key] = value;
            }

            var bot = new BotApplication(values, start ?? origin, database).Start();
            if (discord is not null)
            {
                await Eventually.AssertAsync(() => discord.Gateway.SessionId is not null, "the gateway session (READY)");
            }

            return new Run(bot, slack, discord, origin, workspace, channel);
        }

        public InboundContext Context(UserRef user) =>
            new(_workspace, _channel, null, user, _bot.Time.GetUtcNow(), $"k:{Guid.NewGuid():N}");

        public Task<InboundOutcome> HandleAsync(InboundEvent inbound) =>
            _bot.Services.GetRequiredService<IInboundHandler>().HandleAsync(inbound, TestContext.Current.CancellationToken);

        public async Task SayAsync(string command)
        {
            var outcome = await HandleAsync(new CommandInvoked(Context(Commander), command, null, null));
            Assert.True(outcome.Result == InboundResult.Accepted, outcome.Reply?.ToPlainText());
        }

        public async Task<string> RootAsync() => await Eventually.GetAsync(
            async () => (await Store.FindAsync(new IncidentId(1), TestContext.Current.CancellationToken))?.RootMessageId,
            "the root message to be posted");

        /// <summary>
        /// Moves the clock to start + <paramref name="offset"/> once no delivery is in flight (a jump under a call
        /// would time it out, see <see cref="BotHost{TEntryPoint, TSelf}.AdvanceWhenSettledAsync"/>) and waits until nothing due is left.
        /// </summary>
        public async Task AtAsync(TimeSpan offset)
        {
            var target = _start + offset;
            if (target > _bot.Time.GetUtcNow())
            {
                await _bot.AdvanceWhenSettledAsync(target - _bot.Time.GetUtcNow());
            }

            await Eventually.AssertAsync(
                async () => await _bot.Services.GetRequiredService<IIncidentStore>().GetEarliestReminderAsync(TestContext.Current.CancellationToken) is not { } next || next > target,
                $"the reminders due by {offset}");
        }

        /// <summary>When each reminder of a kind was sent, as offsets from the start.</summary>
        public async Task<TimeSpan[]> RemindersAsync(ReminderKind kind) =>
            [.. (await Store.GetTimelineAsync(new IncidentId(1), TestContext.Current.CancellationToken))
                .Where(e => e.Kind == TimelineKind.Reminder && e.Detail == kind.ToString())
                .Select(e => e.At - _start)];

        /// <summary>
        /// Waits until the fake holds <paramref name="count"/> messages in INC-1's thread that match, and returns each
        /// as its text plus its JSON (blocks or components), as the platform received it.
        /// </summary>
        public async Task<IReadOnlyList<string>> ThreadAsync(Func<string, bool> match, int count, string what)
        {
            var incident = await Store.FindAsync(new IncidentId(1), TestContext.Current.CancellationToken);
            var thread = incident?.ThreadId ?? throw new InvalidOperationException("INC-1 has no thread.");
            IReadOnlyList<string> Matching() => [.. Thread(thread).Where(match)];
            await Eventually.AssertAsync(() => Matching().Count == count, () => $"{what}; the thread: {string.Join(" | ", Thread(thread))}");
            return Matching();
        }

        public async ValueTask DisposeAsync()
        {
            await _bot.DisposeAsync();
            if (_slack is not null)
            {
                await _slack.DisposeAsync();
            }

            if (_discord is not null)
            {
                await _discord.DisposeAsync();
            }
        }

        private IEnumerable<string> Thread(string thread) => _slack is not null
            ? _slack.Messages.Where(m => m.ThreadTs == thread).Select(m => m.Text + "\n" + m.Blocks?.ToJsonString())
            : _discord!.MessagesIn(thread).Select(m => m.Content + "\n" + m.Current.ToJsonString());
    }
}
