using System.Text.Json.Nodes;
using IncidentBot.Testing.Fakes.Slack;
using IncidentBot.Tests.Slack;

namespace IncidentBot.Tests.Faults;

/// <summary>
/// Socket Mode faults through the real host (Program's wiring, SQLite, the outbox) against the fake Slack, which
/// behaves as slack.md §5 describes: a warned connection keeps delivering until Slack closes it, unacknowledged
/// events come again with <c>retry_attempt</c>, slash commands and clicks never do. Whatever the fault, every
/// envelope is acknowledged and every input is on the timeline exactly once (DESIGN.md §5, §7).
/// </summary>
public sealed class SocketModeHandOverFaultTests
{
    [Theory]
    [InlineData("warning")]
    [InlineData("refresh_requested")]
    public async Task Input_on_the_warned_and_the_new_connection_is_kept_once(string reason)
    {
        await using var bot = await SlackBot.StartAsync("socket");
        var slack = bot.Slack;
        var root = await DeclareAsync(bot);

        // The connection Slack warns is the current one (not assumed to be the first: under load one may have dropped).
        var warned = slack.SocketsAccepted;
        await slack.DisconnectAsync(reason, connection: warned);
        var onWarned = new[]
        {
            await CommandAsync(slack, "note INC-1 typed right after the warning", "trig-warned", connection: warned),
            await slack.SendEnvelopeAsync("events_api",
                SlackPayloads.EventCallback(SlackPayloads.ThreadReply("U0MARIA", "reply on the warned connection", slack.NextTs(), root), "Ev-warned"), connection: warned),
        };
        await Eventually.AssertAsync(() => slack.SocketsAccepted == warned + 1 && slack.SocketConnected, "the new connection");
        var onNew = await CommandAsync(slack, "note INC-1 typed on the new connection", "trig-new", connection: warned + 1);
        var click = await slack.SendEnvelopeAsync("interactive",
            SlackPayloads.ButtonClick("ack", "INC-1", "U0JENS", "trig-click", root, slack.ResponseUrl("trig-click")), acceptsResponsePayload: true, connection: warned);
        await slack.CloseSocketAsync(warned);

        string[] all = [.. onWarned, onNew, click];
        await Eventually.AssertAsync(() => all.All(id => slack.Acks.Any(a => a.EnvelopeId == id)), () => "every envelope acknowledged; acks: " + Acks(slack));
        Assert.All(all, id => Assert.Single(slack.Acks, a => a.EnvelopeId == id));
        Assert.Equal(warned, slack.Acks.Single(a => a.EnvelopeId == onWarned[0]).Connection);
        Assert.Equal(warned, slack.Acks.Single(a => a.EnvelopeId == click).Connection);
        await AssertOnceAsync(bot, "typed right after the warning", "reply on the warned connection", "typed on the new connection");
        Assert.Equal("U0JENS", (await bot.IncidentAsync("INC-1"))["acknowledgedBy"]?["id"]?.GetValue<string>());
        Assert.False(slack.SocketOpen(warned));
        Assert.True(slack.SocketConnected);
    }

    [Fact]
    public async Task A_dropped_socket_whose_acks_were_lost_reconnects_and_the_redelivered_events_change_nothing()
    {
        await using var bot = await SlackBot.StartAsync("socket");
        var slack = bot.Slack;
        var root = await DeclareAsync(bot);

        // The bot acts on these, but its acks never reach Slack; then the network drops the socket.
        slack.LoseAcks = true;
        await slack.SendEnvelopeAsync("events_api",
            SlackPayloads.EventCallback(SlackPayloads.ThreadReply("U0MARIA", "said before the drop", slack.NextTs(), root), "Ev-drop-reply"));
        await slack.SendEnvelopeAsync("events_api", SlackPayloads.EventCallback(SlackPayloads.Reaction(true, "U0MARIA", "eyes", root, slack.NextTs()), "Ev-drop-eyes"));
        await CommandAsync(slack, "note INC-1 noted before the drop", "trig-drop");
        await Eventually.AssertAsync(async () => (await bot.TimelineAsync("INC-1")).Count(e => Text(e).Contains("before the drop", StringComparison.Ordinal)) == 2
            && (await bot.IncidentAsync("INC-1"))["acknowledgedBy"] is not null, "the bot acting on all three");
        slack.LoseAcks = false;
        var dropped = slack.SocketsAccepted;
        slack.DropSocket();

        await Eventually.AssertAsync(() => slack.SocketsAccepted > dropped && slack.SocketConnected, "the reconnect");
        await Eventually.AssertAsync(() => slack.Acks.Count(a => a.Connection > dropped) == 2, () => "both events redelivered and acknowledged; acks: " + Acks(slack));
        await AssertOnceAsync(bot, "said before the drop", "noted before the drop");
        Assert.Single(await bot.TimelineAsync("INC-1"), e => e!["kind"]!.GetValue<string>() == "Acknowledged");
        Assert.Equal("U0MARIA", (await bot.IncidentAsync("INC-1"))["acknowledgedBy"]?["id"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_redelivered_envelope_changes_state_once()
    {
        await using var bot = await SlackBot.StartAsync("socket");
        var slack = bot.Slack;
        var root = await DeclareAsync(bot);
        var reply = SlackPayloads.EventCallback(SlackPayloads.ThreadReply("U0MARIA", "said once, delivered thrice", slack.NextTs(), root), "Ev-thrice");
        var command = SlackPayloads.SlashCommandJson(SlackPayloads.SlashCommand("note INC-1 noted once, sent twice", "U0JENS", "trig-twice", slack.ResponseUrl("trig-twice")));

        await slack.SendEnvelopeAsync("events_api", reply, envelopeId: "env-thrice");
        await slack.SendEnvelopeAsync("events_api", reply, envelopeId: "env-thrice");
        var retry = await slack.SendEnvelopeAsync("events_api", reply, retryAttempt: 1);
        await slack.SendEnvelopeAsync("slash_commands", command, acceptsResponsePayload: true, envelopeId: "env-twice");
        await slack.SendEnvelopeAsync("slash_commands", command, acceptsResponsePayload: true, envelopeId: "env-twice");

        await Eventually.AssertAsync(
            () => slack.Acks.Count(a => a.EnvelopeId == "env-thrice") == 2 && slack.Acks.Any(a => a.EnvelopeId == retry) && slack.Acks.Count(a => a.EnvelopeId == "env-twice") == 2,
            () => "every delivery acknowledged; acks: " + Acks(slack));
        var answers = slack.Acks.Where(a => a.EnvelopeId == "env-twice").Select(a => a.Payload?["text"]?.GetValue<string>()).ToList();
        Assert.False(string.IsNullOrEmpty(answers[0]), "the command's reply rides in its ack");
        Assert.Equal(answers[0], answers[1]);
        await AssertOnceAsync(bot, "said once, delivered thrice", "noted once, sent twice");
    }

    private static async Task<string> DeclareAsync(SlackBot bot)
    {
        await bot.Driver.CommandAsync("declare sev2 Search is slow", "U0JENS", "trig-declare");
        await Eventually.AssertAsync(() => bot.Slack.StartedThreads.Count == 1, "the status doc and its thread");
        return bot.Slack.StartedThreads[0].Ts;
    }

    private static Task<string> CommandAsync(FakeSlack slack, string text, string trigger, int? connection = null) =>
        slack.SendEnvelopeAsync("slash_commands", SlackPayloads.SlashCommandJson(SlackPayloads.SlashCommand(text, "U0JENS", trigger, slack.ResponseUrl(trigger))),
            acceptsResponsePayload: true, connection: connection);

    /// <summary>Each text is on the timeline in exactly one entry.</summary>
    private static async Task AssertOnceAsync(SlackBot bot, params string[] texts)
    {
        var timeline = await bot.TimelineAsync("INC-1");
        foreach (var text in texts)
        {
            Assert.True(timeline.Count(e => Text(e).Contains(text, StringComparison.Ordinal)) == 1,
                $"'{text}' once on the timeline: {string.Join(" | ", timeline.Select(Text))}");
        }
    }

    private static string Text(JsonNode? entry) => entry?["text"]?.GetValue<string>() ?? string.Empty;

    private static string Acks(FakeSlack slack) => string.Join(", ", slack.Acks.Select(a => $"{a.EnvelopeId}@{a.Connection}"));
}
