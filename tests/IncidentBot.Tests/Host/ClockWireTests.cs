using System.Text.Json.Nodes;
using IncidentBot.Testing.Fakes.Slack;
using IncidentBot.Tests.Discord;
using IncidentBot.Tests.Slack;

namespace IncidentBot.Tests.Host;

/// <summary>
/// Issue 5's acknowledgement clock through the wire fakes: the reminder is a real thread message pinging the
/// configured escalation target (on Discord a role listed in allowed_mentions, on Slack the commander and the
/// escalation), at 5 and 10 minutes, and none after 👀 — only the update reminder follows. The exact instants,
/// for both platforms, are in <see cref="ClockTests"/>.
/// </summary>
public sealed class ClockWireTests
{
    [Fact]
    public async Task Discord_an_unacknowledged_sev1_pings_the_role_in_the_thread_at_5_and_10_minutes_and_stops_after_eyes()
    {
        const string role = "1400000000000000777";
        await using var bot = await DiscordBot.StartAsync(new Dictionary<string, string?> { ["Incidents:EscalationMention"] = $"<!here>,<@&{role}>" });
        var incidents = bot.Discord.IncidentsChannelId;
        await bot.UntilAsync(() => bot.Discord.RequestsTo("PUT", "/commands").Count == 1, "the /incident command registration");
        await bot.CommandAsync(incidents, DiscordBot.Ana, "declare", ("severity", 3, JsonValue.Create("sev1")), ("title", 3, JsonValue.Create("Checkout is down")));
        await bot.UntilAsync(() => bot.Discord.StartedThreads.Count == 1, "the thread and its welcome");
        var thread = bot.Discord.StartedThreads[0];
        var root = Assert.Single(bot.Discord.MessagesIn(incidents));
        int AckReminders() => bot.Discord.MessagesIn(thread).Count(m => m.Content.Contains("not acknowledged", StringComparison.Ordinal));

        await bot.App.AdvanceWhenSettledAsync(TimeSpan.FromMinutes(5));
        await bot.UntilAsync(() => AckReminders() == 1, "the ack reminder at 5:00");
        await bot.App.AdvanceWhenSettledAsync(TimeSpan.FromMinutes(5));
        await bot.UntilAsync(() => AckReminders() == 2, "the ack reminder at 10:00");
        await bot.ReactAsync(incidents, root.Id, "👀", DiscordBot.Bob);
        await bot.UntilAsync(async () => (await bot.IncidentAsync(1)).AcknowledgedBy?.Id == DiscordBot.Bob, "👀 to acknowledge");
        await bot.App.AdvanceWhenSettledAsync(TimeSpan.FromMinutes(5));
        await bot.UntilAsync(() => bot.Discord.MessagesIn(thread).Any(m => m.Content.Contains("needs a status update", StringComparison.Ordinal)), "the update reminder at 15:00");

        Assert.Equal(2, AckReminders());
        var reminder = bot.Discord.MessagesIn(thread).First(m => m.Content.Contains("not acknowledged", StringComparison.Ordinal));
        Assert.Contains($"<@&{role}>", reminder.Content, StringComparison.Ordinal);
        Assert.Contains(role, reminder.Current["allowed_mentions"]?["roles"]?.ToJsonString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_an_unacknowledged_sev1_is_reminded_in_the_thread_at_5_and_10_minutes_and_stops_after_eyes()
    {
        await using var bot = await SlackBot.StartAsync("http");
        var slack = bot.Slack;
        await bot.Driver.CommandAsync("declare sev1 Checkout is down", "U0JENS", "trig-declare");
        await Eventually.AssertAsync(() => slack.StartedThreads.Count == 1, "the status doc and the thread's welcome");
        var root = slack.StartedThreads[0];
        int AckReminders() => bot.ThreadOf(root.Ts).Count(m => m.AllText.Contains("not acknowledged", StringComparison.Ordinal));
        string Thread() => string.Join(" | ", bot.ThreadOf(root.Ts).Select(m => m.Text));

        await bot.App.AdvanceWhenSettledAsync(TimeSpan.FromMinutes(5));
        await Eventually.AssertAsync(() => AckReminders() == 1, () => $"the ack reminder at 5:00; thread: {Thread()}");
        await bot.App.AdvanceWhenSettledAsync(TimeSpan.FromMinutes(5));
        await Eventually.AssertAsync(() => AckReminders() == 2, () => $"the ack reminder at 10:00; thread: {Thread()}");
        await bot.Driver.EventAsync(SlackPayloads.Reaction(true, "U0MARIA", "eyes", root.Ts, slack.NextTs()), "Ev-eyes");
        Assert.Equal("U0MARIA", (await bot.IncidentAsync("INC-1"))["acknowledgedBy"]?["id"]?.GetValue<string>());
        await bot.App.AdvanceWhenSettledAsync(TimeSpan.FromMinutes(5));
        await Eventually.AssertAsync(
            () => bot.ThreadOf(root.Ts).Any(m => m.AllText.Contains("needs a status update", StringComparison.Ordinal)),
            () => $"the update reminder at 15:00; thread: {Thread()}");

        Assert.Equal(2, AckReminders());
        var update = bot.ThreadOf(root.Ts).First(m => m.AllText.Contains("needs a status update", StringComparison.Ordinal));
        Assert.Contains("<@U0JENS>", update.AllText, StringComparison.Ordinal);
    }
}
