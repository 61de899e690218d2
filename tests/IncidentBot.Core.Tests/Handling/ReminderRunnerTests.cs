using IncidentBot.Core.Handling;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Reminders;
using IncidentBot.Core.Tests.Support;
using static IncidentBot.Core.Tests.Support.IncidentHarness;

namespace IncidentBot.Core.Tests.Handling;

/// <summary>
/// The reminder runner end to end with the store (DESIGN.md §3 step 5): due clocks become thread messages in
/// the same transaction that advances them, so a reminder is neither lost nor repeated.
/// </summary>
public sealed class ReminderRunnerTests
{
    private static TimeSpan Min(double minutes) => TimeSpan.FromMinutes(minutes);

    [Fact]
    public async Task Nothing_is_sent_before_a_clock_is_due()
    {
        var bot = new IncidentHarness();
        await bot.DeclareAsync();
        bot.Time.Advance(Min(5) - TimeSpan.FromMilliseconds(1));

        Assert.Empty(await bot.RunRemindersAsync());
    }

    [Fact]
    public async Task The_ack_reminder_goes_to_the_thread_with_the_escalation_mention_and_the_stamp_in_one_commit()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        var before = bot.Store.Intents(id).Count;
        var commits = bot.Store.Commits;
        bot.Time.Advance(Min(5));

        var sent = await bot.RunRemindersAsync();

        Assert.Equal([new SentReminder(id, ReminderKind.Acknowledge, bot.Now, bot.Now)], sent);
        Assert.Equal(commits + 1, bot.Store.Commits);
        var intents = bot.IntentsAfter(id, before);
        var message = Assert.IsType<PostThreadMessage>(intents[0]).Content;
        Assert.IsType<EscalationMention>(message.Inlines[0]);
        Assert.Equal([ButtonAction.Acknowledge], message.Buttons);
        Assert.Contains("INC-1 [SEV1] Checkout is down is not acknowledged after 5 min.", message.ToPlainText(), StringComparison.Ordinal);
        Assert.IsType<EditRootMessage>(intents[1]);
        var entry = bot.Store.Timeline(id)[^1];
        Assert.Equal((TimelineKind.Reminder, bot.Now, "Acknowledge", (UserRef?)null), (entry.Kind, entry.At, entry.Detail, entry.Author));
        Assert.Equal((bot.Now, bot.Now + Min(5)), (bot.Get(id).LastAckReminderAt, bot.Get(id).NextReminderAt));
        Assert.Equal(new AuditEntry(Slack, id, bot.Now, "incidentbot", "reminder", "Acknowledge"), bot.Store.Audit[^1]);
    }

    [Fact]
    public async Task Sev1_reminds_at_five_and_ten_minutes_then_stops_after_an_eyes_reaction()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();

        var log = new List<(ReminderKind, TimeSpan)>();
        await RunMinutesAsync(bot, id, 12, log);
        await bot.ReactAsync(id, RootOf(id), Reaction.Acknowledge, Bob);
        await RunMinutesAsync(bot, id, 20, log);

        Assert.Equal([(ReminderKind.Acknowledge, Min(5)), (ReminderKind.Acknowledge, Min(10))], log.Where(l => l.Item1 == ReminderKind.Acknowledge));
        Assert.Equal([(ReminderKind.Update, Min(15))], log.Where(l => l.Item1 == ReminderKind.Update));
    }

    [Fact]
    public async Task Updates_at_ten_and_twenty_minutes_make_the_next_reminder_35_not_15_or_25()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.CommandAsync("ack");
        var log = new List<(ReminderKind, TimeSpan)>();

        await RunMinutesAsync(bot, id, 10, log);
        await bot.CommandAsync("update rolled back");
        await RunMinutesAsync(bot, id, 20, log);
        await bot.CommandAsync("update error rate falling");
        await RunMinutesAsync(bot, id, 36, log);

        Assert.Equal([(ReminderKind.Update, Min(35))], log);
    }

    [Fact]
    public async Task The_update_reminder_mentions_the_current_commander()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.CommandAsync("ack");
        await bot.CommandAsync($"commander {Mention(Bob)}");
        bot.Time.Advance(Min(15));

        await bot.RunRemindersAsync();

        var message = Assert.IsType<PostThreadMessage>(bot.Store.Intents(id)[^2]).Content;
        Assert.Equal(new UserMention(Bob.Id), message.Inlines[0]);
        Assert.Equal([ButtonAction.PostUpdate], message.Buttons);
        Assert.Contains("no update since it was declared 15 min ago (SEV1: every 15 min)", message.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raising_sev2_to_sev1_at_minute_twenty_sends_the_update_reminder_on_the_next_run()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync("declare sev2 Search is slow");
        await bot.CommandAsync("ack");
        bot.Time.Advance(Min(20));
        Assert.Empty(await bot.RunRemindersAsync());

        await bot.CommandAsync("sev 1");
        var sent = await bot.RunRemindersAsync();

        Assert.Equal(ReminderKind.Update, Assert.Single(sent).Kind);
        Assert.Equal(bot.Now + Min(15), bot.Get(id).NextReminderAt);
    }

    [Fact]
    public async Task Resolve_stops_the_clocks_and_the_monitoring_window_asks_to_close_once()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        var log = new List<(ReminderKind, TimeSpan)>();
        await RunMinutesAsync(bot, id, 6, log);

        await bot.CommandAsync("resolve");
        await RunMinutesAsync(bot, id, 120, log);

        Assert.Equal([(ReminderKind.Acknowledge, Min(5)), (ReminderKind.MonitoringWindow, Min(36))], log);
        var message = Assert.IsType<PostThreadMessage>(bot.Store.Intents(id)[^2]).Content;
        Assert.Equal([ButtonAction.Close], message.Buttons);
        Assert.Contains("Monitoring window over for INC-1 (30 min since resolve) — close?", message.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reopen_cancels_the_monitoring_window()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.CommandAsync("ack");
        await bot.CommandAsync("resolve");
        bot.Time.Advance(Min(10));
        await bot.CommandAsync("reopen");
        var log = new List<(ReminderKind, TimeSpan)>();

        await RunMinutesAsync(bot, id, 45, log);

        Assert.Equal([(ReminderKind.Update, Min(25)), (ReminderKind.Update, Min(40))], log);
    }

    [Fact]
    public async Task A_closed_sev1_without_postmortem_done_is_nudged_at_24_and_48_hours_after_resolve()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.CommandAsync("ack");
        bot.Time.Advance(Min(50));
        await bot.CommandAsync("resolve");
        bot.Time.Advance(Min(31));
        await bot.RunRemindersAsync();
        await bot.CommandAsync("close INC-1");
        var log = new List<(ReminderKind, TimeSpan)>();

        await RunMinutesAsync(bot, id, 60 * 24 * 5, log);

        Assert.Equal(
            [(ReminderKind.Postmortem, Min(50) + TimeSpan.FromHours(24)), (ReminderKind.Postmortem, Min(50) + TimeSpan.FromHours(48))],
            log);
        var message = Assert.IsType<PostThreadMessage>(bot.Store.Intents(id)[^2]).Content;
        Assert.Contains("postmortem INC-1 done <link>", message.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postmortem_done_and_sev3_get_no_postmortem_nudges()
    {
        var bot = new IncidentHarness();
        var sev1 = await bot.DeclareAsync("declare sev1 A");
        var sev3 = await bot.DeclareAsync("declare sev3 B");
        foreach (var id in new[] { sev1, sev3 })
        {
            await bot.CommandAsync($"ack {id}");
            await bot.CommandAsync($"resolve {id}");
            await bot.CommandAsync($"close {id}");
        }

        await bot.CommandAsync("postmortem INC-1 done");
        bot.Time.Advance(TimeSpan.FromDays(5));

        Assert.Empty(await bot.RunRemindersAsync());
    }

    [Fact]
    public async Task After_an_hour_of_downtime_exactly_one_catch_up_per_overdue_clock_then_the_normal_cadence()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        var declared = bot.Now;
        bot.Time.Advance(Min(60));

        var catchUp = await bot.RunRemindersAsync();
        var again = await bot.RunRemindersAsync();

        Assert.Equal([ReminderKind.Acknowledge, ReminderKind.Update], catchUp.Select(r => r.Kind));
        Assert.Equal([declared + Min(5), declared + Min(15)], catchUp.Select(r => r.DueAt));
        Assert.Empty(again);
        Assert.Equal(2, bot.Store.Timeline(id).Count(e => e.Kind == TimelineKind.Reminder));
        var log = new List<(ReminderKind, TimeSpan)>();
        await RunMinutesAsync(bot, id, 76, log);
        Assert.Equal(
            [(ReminderKind.Acknowledge, Min(65)), (ReminderKind.Acknowledge, Min(70)), (ReminderKind.Acknowledge, Min(75)), (ReminderKind.Update, Min(75))],
            log);
    }

    [Fact]
    public async Task Many_incidents_due_at_once_are_all_served_in_one_run()
    {
        var bot = new IncidentHarness();
        for (var i = 0; i < 250; i++)
        {
            await bot.DeclareAsync($"declare sev1 Incident {i}");
        }

        bot.Time.Advance(Min(5));

        var sent = await bot.RunRemindersAsync();

        Assert.Equal(250, sent.Count);
        Assert.All(bot.Store.Incidents, i => Assert.Equal(bot.Now + Min(5), i.NextReminderAt));
    }

    [Fact]
    public async Task A_failed_commit_loses_no_reminder_and_the_retry_sends_it_once()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        var outbox = bot.Store.Outbox.Count;
        bot.Time.Advance(Min(5));
        bot.Store.FailNextCommit = new StorageFullException("disk full");

        await Assert.ThrowsAsync<StorageFullException>(bot.RunRemindersAsync);

        Assert.Equal(outbox, bot.Store.Outbox.Count);
        Assert.Null(bot.Get(id).LastAckReminderAt);
        Assert.Single(await bot.RunRemindersAsync());
        Assert.Empty(await bot.RunRemindersAsync());
        Assert.Equal(outbox + 2, bot.Store.Outbox.Count);
    }

    [Fact]
    public async Task A_stale_plan_is_corrected_without_sending_anything()
    {
        var policy = IncidentPolicy.Default with { Sev1 = IncidentPolicy.Default.Sev1 with { AckWithin = Min(1) } };
        var bot = new IncidentHarness(policy);
        var id = await bot.DeclareAsync();
        var relaxed = new ReminderRunner(bot.Store, IncidentPolicy.Default);
        bot.Time.Advance(Min(1));

        var sent = await relaxed.RunDueAsync(bot.Now, TestContext.Current.CancellationToken);

        Assert.Empty(sent);
        Assert.Equal(bot.Get(id).DeclaredAt + Min(5), bot.Get(id).NextReminderAt);
    }

    [Fact]
    public async Task Second_level_clocks_run_a_whole_sev1_in_under_a_minute()
    {
        var policy = IncidentPolicy.Default with
        {
            Sev1 = new SeverityPolicy(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(40)),
            MonitoringWindow = TimeSpan.FromSeconds(5),
            PostmortemFirstReminder = TimeSpan.FromSeconds(20),
        };
        var bot = new IncidentHarness(policy);
        var id = await bot.DeclareAsync();
        var log = new List<(ReminderKind, TimeSpan)>();

        await RunSecondsAsync(bot, id, 9, log);
        await bot.CommandAsync("ack");
        await RunSecondsAsync(bot, id, 12, log);
        await bot.CommandAsync("resolve");
        await RunSecondsAsync(bot, id, 18, log);
        await bot.CommandAsync("close INC-1");
        await RunSecondsAsync(bot, id, 60, log);

        Assert.Equal(
            [
                (ReminderKind.Acknowledge, TimeSpan.FromSeconds(4)),
                (ReminderKind.Acknowledge, TimeSpan.FromSeconds(8)),
                (ReminderKind.Update, TimeSpan.FromSeconds(10)),
                (ReminderKind.MonitoringWindow, TimeSpan.FromSeconds(17)),
                (ReminderKind.Postmortem, TimeSpan.FromSeconds(32)),
                (ReminderKind.Postmortem, TimeSpan.FromSeconds(52)),
            ],
            log);
    }

    /// <summary>Runs the reminder loop every minute until <paramref name="minutes"/> after the declaration.</summary>
    private static Task RunMinutesAsync(IncidentHarness bot, IncidentId id, int minutes, List<(ReminderKind, TimeSpan)> log) =>
        RunAsync(bot, id, Min(minutes), Min(1), log);

    private static Task RunSecondsAsync(IncidentHarness bot, IncidentId id, int seconds, List<(ReminderKind, TimeSpan)> log) =>
        RunAsync(bot, id, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(1), log);

    private static async Task RunAsync(IncidentHarness bot, IncidentId id, TimeSpan until, TimeSpan step, List<(ReminderKind, TimeSpan)> log)
    {
        var declared = bot.Get(id).DeclaredAt;
        while (bot.Now < declared + until)
        {
            bot.Time.Advance(step);
            foreach (var sent in await bot.RunRemindersAsync())
            {
                log.Add((sent.Kind, sent.SentAt - declared));
            }
        }
    }
}
