using IncidentBot.Core.Persistence;
using IncidentBot.Testing.Fakes.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Slack;

/// <summary>
/// The whole incident flow through the real host against the fake Slack, once over HTTP (signed requests) and
/// once over Socket Mode, on each storage engine.
/// </summary>
public sealed class SlackEndToEndTests
{
    private const string Channel = SlackPayloads.Channel;

    [Theory]
    [InlineData("http", TestEngine.Sqlite)]
    [InlineData("socket", TestEngine.Sqlite)]
    [InlineData("http", TestEngine.Postgres)]
    [InlineData("socket", TestEngine.Postgres)]
    public async Task An_incident_runs_from_declare_to_close(string mode, string engine)
    {
        await using var bot = await SlackBot.StartAsync(mode, engine);
        var slack = bot.Slack;

        var reply = await bot.Driver.CommandAsync("declare sev1 Checkout &lt;!channel&gt; down", "U0JENS", "trig-declare", slack.ResponseUrl("declare"));

        Assert.Contains("INC-1", reply?["text"]?.GetValue<string>() ?? string.Empty, StringComparison.Ordinal);
        await Eventually.AssertAsync(() => slack.StartedThreads.Count == 1, "the status doc and the thread's welcome");
        var root = slack.StartedThreads[0];
        Assert.Equal(Channel, root.Channel);
        Assert.Contains("&lt;!channel&gt;", root.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", root.Text, StringComparison.Ordinal);
        await Eventually.AssertAsync(() => slack.Ephemerals.Any(e => e.ResponseUrlId == "declare" && e.Text.Contains($"p{root.Ts.Replace(".", string.Empty, StringComparison.Ordinal)}", StringComparison.Ordinal)),
            "the private follow-up linking to the thread");

        var replyTs = slack.NextTs();
        await bot.Driver.EventAsync(SlackPayloads.ThreadReply("U0MARIA", "looking at the dashboards", replyTs, root.Ts), "Ev-reply");
        var timeline = await bot.TimelineAsync("INC-1");
        Assert.Contains(timeline, e => e!["text"]!.GetValue<string>() == "looking at the dashboards" && e["kind"]!.GetValue<string>() == "Message");

        await bot.Driver.EventAsync(SlackPayloads.Reaction(true, "U0MARIA", "eyes", root.Ts, slack.NextTs()), "Ev-eyes");
        Assert.Equal("U0MARIA", (await bot.IncidentAsync("INC-1"))["acknowledgedBy"]?["id"]?.GetValue<string>());

        await bot.Driver.EventAsync(SlackPayloads.Reaction(true, "U0JENS", "pushpin", replyTs, slack.NextTs()), "Ev-pin");
        Assert.Contains(await bot.TimelineAsync("INC-1"), e => e!["text"]!.GetValue<string>() == "looking at the dashboards" && e["key"]!.GetValue<bool>());
        await Eventually.AssertAsync(() => slack.Reactions.Contains(new FakeSlackReaction(Channel, replyTs, "white_check_mark")), "the bot's ✅ on the pinned message");

        await bot.Driver.CommandAsync("update INC-1 rolled back to v41", "U0JENS", "trig-update");
        await Eventually.AssertAsync(() => bot.ThreadOf(root.Ts).Any(m => m.Text.Contains("rolled back to v41", StringComparison.Ordinal)), "the update in the thread");

        await bot.Driver.InteractionAsync(SlackPayloads.ButtonClick("resolve", "INC-1", "U0JENS", "trig-resolve", root.Ts, slack.ResponseUrl("resolve")));
        Assert.Equal("Resolved", (await bot.IncidentAsync("INC-1"))["status"]!.GetValue<string>());

        await bot.Driver.CommandAsync("close INC-1", "U0JENS", "trig-close");
        await Eventually.AssertAsync(() => slack.Files.Count == 1, "the postmortem file");
        var file = slack.Files[0];
        Assert.Equal((Channel, root.Ts), (file.Channel, file.ThreadTs));
        Assert.StartsWith("---\nid: INC-1\n", file.Content, StringComparison.Ordinal);
        Assert.Contains("\n# Postmortem — [SEV1] ", file.Content, StringComparison.Ordinal);
        Assert.Contains("looking at the dashboards", file.Content, StringComparison.Ordinal);

        await bot.AdvanceUntilAsync(() => bot.Roots[0].AllText.Contains("Closed", StringComparison.Ordinal), "the status doc showing Closed");
        Assert.Single(bot.Roots);
        Assert.True(bot.Roots[0].Updates >= 2, $"the status doc was edited in place ({bot.Roots[0].Updates} edits)");
        Assert.Single(slack.CallsTo("chat.postMessage"), c => c.Arg("thread_ts") is null);
    }

    [Theory]
    [InlineData(TestEngine.Sqlite)]
    [InlineData(TestEngine.Postgres)]
    public async Task An_update_whose_post_was_answered_with_a_5xx_after_slack_posted_it_is_in_the_thread_once(string engine)
    {
        await using var bot = await SlackBot.StartAsync("http", engine);
        await bot.Driver.CommandAsync("declare sev2 Search slow", "U0JENS", "trig-1");
        await Eventually.AssertAsync(() => bot.Roots.Count == 1 && bot.ThreadOf(bot.Roots[0].Ts).Count == 1, "the status doc and its thread");
        var root = bot.Roots[0];
        var store = bot.App.Services.GetRequiredService<IStorageHealth>();
        await Eventually.AssertAsync(async () => await store.CountPendingOutboxAsync(TestContext.Current.CancellationToken) == 0, "the declare delivered");

        bot.Slack.Fail("chat.postMessage", FakeSlackFault.LostAnswer());
        await bot.Driver.CommandAsync("update INC-1 reindex running", "U0JENS", "trig-2");
        await bot.AdvanceUntilAsync(
            () => bot.Slack.CallsTo("conversations.replies").Any(c => c.Arg("include_all_metadata") == "true"), "the outbox retry looking for its lost post");
        await Eventually.AssertAsync(async () => await store.CountPendingOutboxAsync(TestContext.Current.CancellationToken) == 0, "the retry finished");

        Assert.Single(bot.ThreadOf(root.Ts), m => m.Text.Contains("reindex running", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http", TestEngine.Sqlite)]
    [InlineData("socket", TestEngine.Sqlite)]
    [InlineData("http", TestEngine.Postgres)]
    [InlineData("socket", TestEngine.Postgres)]
    public async Task The_same_event_delivered_twice_is_recorded_once(string mode, string engine)
    {
        await using var bot = await SlackBot.StartAsync(mode, engine);
        await bot.Driver.CommandAsync("declare sev2 Search slow", "U0JENS", "trig-1");
        await Eventually.AssertAsync(() => bot.Roots.Count == 1 && bot.ThreadOf(bot.Roots[0].Ts).Count == 1, "the status doc and its thread");
        var root = bot.Roots[0];
        var reply = SlackPayloads.ThreadReply("U0MARIA", "p99 is 4 s", bot.Slack.NextTs(), root.Ts);

        await bot.Driver.EventAsync(reply, "Ev-twice");
        if (bot.Driver is HttpSlackDriver http)
        {
            await http.RetryEventAsync(reply, "Ev-twice", retry: 1);
        }
        else
        {
            await bot.Driver.EventAsync(reply, "Ev-twice");
        }

        var timeline = await bot.TimelineAsync("INC-1");
        Assert.Single(timeline, e => e!["text"]!.GetValue<string>() == "p99 is 4 s");
    }

    [Theory]
    [InlineData(TestEngine.Sqlite)]
    [InlineData(TestEngine.Postgres)]
    public async Task A_429_with_retry_after_delivers_the_message_once_after_the_delay(string engine)
    {
        await using var bot = await SlackBot.StartAsync("http", engine);
        bot.Slack.Fail("chat.postMessage", FakeSlackFault.RateLimited(2));

        await bot.Driver.CommandAsync("declare sev1 Payments failing", "U0JENS", "trig-1");
        await Eventually.AssertAsync(() => bot.Slack.AttemptsOf("chat.postMessage").Count == 1, "the rate-limited attempt");
        await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.Empty(bot.Roots);

        await bot.AdvanceUntilAsync(() => bot.Roots.Count == 1, "the status doc after Retry-After", maxSeconds: 3);

        Assert.Single(bot.Roots);
        Assert.Equal(2, bot.Slack.AttemptsOf("chat.postMessage").Count(c => c.Arg("thread_ts") is null));
    }

    [Theory]
    [InlineData(TestEngine.Sqlite)]
    [InlineData(TestEngine.Postgres)]
    public async Task While_slack_is_down_messages_queue_and_arrive_in_order_when_it_returns(string engine)
    {
        await using var bot = await SlackBot.StartAsync("socket", engine);
        await bot.Driver.CommandAsync("declare sev1 API errors", "U0JENS", "trig-1");
        await Eventually.AssertAsync(() => bot.Roots.Count == 1 && bot.ThreadOf(bot.Roots[0].Ts).Count == 1
            && bot.Slack.Ephemerals.Any(e => e.ResponseUrlId == "trig-1"), "the status doc, the welcome and the follow-up");
        var root = bot.Roots[0];

        bot.Slack.Down = true;
        await bot.Driver.CommandAsync("update INC-1 first update", "U0JENS", "trig-u1");
        await bot.Driver.CommandAsync("update INC-1 second update", "U0JENS", "trig-u2");
        await bot.Driver.CommandAsync("update INC-1 third update", "U0JENS", "trig-u3");

        for (var i = 0; i < 20; i++)
        {
            bot.App.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, TestContext.Current.CancellationToken);
        }

        Assert.True(bot.Slack.AttemptsOf("chat.postMessage").Count > 2, "the bot kept trying while Slack was down");
        Assert.Single(bot.ThreadOf(root.Ts));

        bot.Slack.Down = false;
        await bot.AdvanceUntilAsync(() => bot.ThreadOf(root.Ts).Count == 4, "the queued updates", maxSeconds: 600);

        var updates = bot.ThreadOf(root.Ts).Skip(1).Select(m => m.Text).ToList();
        Assert.Collection(updates,
            t => Assert.Contains("first update", t, StringComparison.Ordinal),
            t => Assert.Contains("second update", t, StringComparison.Ordinal),
            t => Assert.Contains("third update", t, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TestEngine.Sqlite)]
    [InlineData(TestEngine.Postgres)]
    public async Task Replies_and_reactions_made_while_the_bot_was_disconnected_are_recorded_when_it_reconnects(string engine)
    {
        await using var bot = await SlackBot.StartAsync("socket", engine);
        await bot.Driver.CommandAsync("declare sev2 Queue backlog", "U0JENS", "trig-1");
        await Eventually.AssertAsync(() => bot.Roots.Count == 1 && bot.ThreadOf(bot.Roots[0].Ts).Count == 1, "the status doc and welcome");
        var root = bot.Roots[0];
        await Eventually.AssertAsync(async () => (await bot.IncidentAsync("INC-1"))["status"]?.GetValue<string>() == "Investigating", "the incident");
        await bot.Driver.EventAsync(SlackPayloads.ThreadReply("U0MARIA", "seen live", bot.Slack.NextTs(), root.Ts), "Ev-live");

        var missed = bot.Slack.AddHumanReply(Channel, root.Ts, "U0MARIA", "said while the bot was away");
        bot.Slack.AddHumanReaction(Channel, root.Ts, "eyes", "U0JENS");
        bot.Slack.AddHumanReaction(Channel, missed, "pushpin", "U0JENS");
        bot.Slack.DropSocket();

        await Eventually.AssertAsync(async () => (await bot.TimelineAsync("INC-1")).Any(e => e!["text"]!.GetValue<string>() == "said while the bot was away"),
            "the missed reply on the timeline");
        var timeline = await bot.TimelineAsync("INC-1");
        Assert.Single(timeline, e => e!["text"]!.GetValue<string>() == "seen live");
        Assert.DoesNotContain(timeline, e => e!["kind"]!.GetValue<string>() == "Message" && e["author"]?.GetValue<string>() is "incidentbot" or FakeSlack.BotUserId);
        Assert.Contains(bot.Slack.CallsTo("conversations.info"), c => c.Arg("channel") == Channel);
        // The catch-up reads the root's reactions first, then the replies': once the 📌 is in, so is the 👀.
        await Eventually.AssertAsync(
            async () => (await bot.TimelineAsync("INC-1")).Single(e => e!["text"]!.GetValue<string>() == "said while the bot was away")!["key"]!.GetValue<bool>(),
            "the 📌 made while the bot was away, marking a key event");
        Assert.Equal("U0JENS", (await bot.IncidentAsync("INC-1"))["acknowledgedBy"]?["id"]?.GetValue<string>());

        // A second reconnect reads the same 👀 again (Ola's, listed after it and new to the incident, shows when it was
        // read): it changes nothing twice.
        bot.Slack.AddHumanReaction(Channel, root.Ts, "eyes", "U0OLA");
        bot.Slack.DropSocket();
        await Eventually.AssertAsync(
            async () => (await bot.IncidentAsync("INC-1"))["responders"]!.AsArray().Any(r => r!.ToJsonString().Contains("U0OLA", StringComparison.Ordinal)),
            "the second catch-up adding Ola as a responder");
        Assert.Equal("U0JENS", (await bot.IncidentAsync("INC-1"))["acknowledgedBy"]?["id"]?.GetValue<string>());
        Assert.Single(bot.ThreadOf(root.Ts), m => m.Text.Contains("Acknowledged", StringComparison.Ordinal));
    }
}
