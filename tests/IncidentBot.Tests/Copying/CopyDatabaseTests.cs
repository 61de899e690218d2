using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IncidentBot.Core.Persistence;
using IncidentBot.Testing.Fakes.Slack;
using IncidentBot.Tests.Alerts;
using IncidentBot.Tests.Infrastructure;
using IncidentBot.Tests.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Copying;

/// <summary>
/// Issue 12's check of <c>copy-database</c>: incidents in every state recorded by the real bot on SQLite, copied by
/// the real executable, then served by the bot on PostgreSQL: the API shows each incident (and its postmortem) as it
/// did before, every table holds the same rows, the message still queued at the copy goes out, and the next incident
/// continues the numbers.
/// </summary>
public sealed class CopyDatabaseTests
{
    private const string Channel = SlackPayloads.Channel;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_copy_shows_every_incident_as_before_delivers_what_was_queued_and_continues_the_numbers()
    {
        string sqlite;
        DateTimeOffset stoppedAt;
        Dictionary<string, string> before;
        await using (var bot = await AlertsBot.StartAsync())
        {
            await RecordIncidentsAsync(bot);
            before = await ViewsAsync(bot.Chat);
            stoppedAt = bot.Chat.App.Time.GetUtcNow();
            sqlite = bot.Chat.App.ConnectionString;
        }

        await using var target = await TestEngine.CreateAsync(TestEngine.Postgres);
        var copy = await BotProcess.RunAsync(new Dictionary<string, string>(), "copy-database", "--from", sqlite, "--to", target.ConnectionString);

        Assert.True(copy.ExitCode == 0, copy.Stderr + copy.Stdout);
        Assert.Matches(new Regex(@"incidents\s+4\n"), copy.Stdout);
        Assert.Matches(new Regex(@"outbox\s+[1-9]"), copy.Stdout);
        await TableRows.AssertSameAsync(sqlite, target.ConnectionString, ["schema_version"]);

        // The same clock as when the SQLite process stopped, so no reminder falls due in between.
        await using var after = await AlertsBot.StartAsync(s => s["Storage:ConnectionString"] = target.ConnectionString, stoppedAt);
        Assert.Equal(before, await ViewsAsync(after.Chat));

        await after.Chat.AdvanceUntilAsync(
            () => after.Slack.Messages.Any(m => m.Text.Contains("failover drill at 10:00", StringComparison.Ordinal)), "the update queued at the copy, delivered from PostgreSQL");
        var reply = await after.Chat.Driver.CommandAsync("declare sev3 After the move", "U0JENS", "trig-after");
        Assert.Contains("INC-5", reply?["text"]?.GetValue<string>() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("After the move", (await after.Chat.IncidentAsync("INC-5"))["title"]!.GetValue<string>());
    }

    /// <summary>
    /// INC-1 declared by an Alertmanager group, INC-2 by a PagerDuty page (linked) and acknowledged, INC-3 through its
    /// whole life in Slack (responders, an edited and a deleted message, a key event, an action item, closed with its
    /// postmortem), INC-4 open with an update still queued because Slack is down.
    /// </summary>
    private static async Task RecordIncidentsAsync(AlertsBot bot)
    {
        var chat = bot.Chat;
        var slack = bot.Slack;
        Assert.Equal("INC-1", (await bot.PostAlertAsync("/alerts/alertmanager", AlertsBot.Fixture("firing.json"))).Body!["incident"]!.GetValue<string>());
        Assert.Equal("INC-2", (await bot.PostPageAsync(AlertsBot.Fixture("incident.triggered.json"))).Body!["incident"]!.GetValue<string>());

        // Posts to one channel are paced on the bot's (fake) clock, as Slack's rate limits ask: move it along.
        await chat.AdvanceUntilAsync(() => slack.StartedThreads.Count == 2, "the status docs and threads of INC-1 and INC-2");
        var paged = slack.StartedThreads.Single(m => m.AllText.Contains("INC-2", StringComparison.Ordinal));
        await chat.Driver.EventAsync(SlackPayloads.Reaction(true, "U0MARIA", "eyes", paged.Ts, slack.NextTs()), "Ev-ack-2");

        await chat.Driver.CommandAsync("declare sev2 Search is slow", "U0JENS", "trig-3");
        await chat.AdvanceUntilAsync(() => slack.StartedThreads.Count == 3, "the status doc and thread of INC-3");
        var root = slack.StartedThreads.Single(m => m.AllText.Contains("INC-3", StringComparison.Ordinal)).Ts;
        var looking = slack.NextTs();
        await chat.Driver.EventAsync(SlackPayloads.ThreadReply("U0MARIA", "looking at the dashboards", looking, root), "Ev-3-1");
        await chat.Driver.EventAsync(SlackPayloads.Edit("U0MARIA", "looking at the search dashboards", looking, root, slack.NextTs()), "Ev-3-2");
        var wrong = slack.NextTs();
        await chat.Driver.EventAsync(SlackPayloads.ThreadReply("U0MARIA", "wrong thread, sorry", wrong, root), "Ev-3-3");
        await chat.Driver.EventAsync(Deletion("U0MARIA", wrong, root, slack.NextTs()), "Ev-3-4");
        await chat.Driver.EventAsync(SlackPayloads.Reaction(true, "U0JENS", "pushpin", looking, slack.NextTs()), "Ev-3-5");
        await chat.Driver.CommandAsync("impact INC-3 search answers take 9 s", "U0JENS", "trig-3-impact");
        await chat.Driver.CommandAsync("action INC-3 alert on search p99 <@U0MARIA> due 2026-12-10", "U0JENS", "trig-3-action");
        await chat.Driver.CommandAsync("resolve INC-3 index rebuilt", "U0JENS", "trig-3-resolve");
        await chat.Driver.CommandAsync("close INC-3", "U0JENS", "trig-3-close");
        await Eventually.AssertAsync(
            async () => (await chat.Client.GetAsync(new Uri("/api/incidents/INC-3/postmortem.md", UriKind.Relative), Ct)).StatusCode == HttpStatusCode.OK, "the postmortem of INC-3");

        await chat.Driver.CommandAsync("declare sev1 Checkout is down", "U0JENS", "trig-4");
        await chat.AdvanceUntilAsync(() => chat.Roots.Count == 4 && chat.ThreadOf(chat.Roots[^1].Ts).Count > 0, "the status doc and thread of INC-4");
        await chat.Driver.CommandAsync("ack INC-4", "U0MARIA", "trig-4-ack");
        var outbox = chat.App.Services.GetRequiredService<IStorageHealth>();
        slack.Down = true;
        await chat.Driver.CommandAsync("update INC-4 failover drill at 10:00", "U0JENS", "trig-4-update");
        Assert.True(await outbox.CountPendingOutboxAsync(Ct) > 0, "the update is queued while Slack is down");

        var timeline = await chat.TimelineAsync("INC-3");
        Assert.Contains(timeline, e => e!["text"]!.GetValue<string>() == "looking at the search dashboards" && e["key"]!.GetValue<bool>() && e["revisions"]!.GetValue<int>() == 1);
        Assert.Contains(timeline, e => e!["deleted"]!.GetValue<bool>());
    }

    /// <summary>Every incident as the API shows it, its postmortem (or 404), and the list.</summary>
    private static async Task<Dictionary<string, string>> ViewsAsync(SlackBot chat)
    {
        var views = new Dictionary<string, string> { ["list"] = await chat.Client.GetStringAsync(new Uri("/api/incidents", UriKind.Relative), Ct) };
        foreach (var incident in JsonNode.Parse(views["list"])!.AsArray())
        {
            var id = incident!["id"]!.GetValue<string>();
            views[id] = await chat.Client.GetStringAsync(new Uri($"/api/incidents/{id}", UriKind.Relative), Ct);
            using var postmortem = await chat.Client.GetAsync(new Uri($"/api/incidents/{id}/postmortem.md", UriKind.Relative), Ct);
            views[id + "/postmortem.md"] = $"{(int)postmortem.StatusCode} {await postmortem.Content.ReadAsStringAsync(Ct)}";
        }

        Assert.Equal(4, views.Count(v => v.Key.StartsWith("INC-", StringComparison.Ordinal) && !v.Key.EndsWith(".md", StringComparison.Ordinal)));
        return views;
    }

    private static JsonObject Deletion(string user, string ts, string threadTs, string eventTs) => new()
    {
        ["type"] = "message",
        ["subtype"] = "message_deleted",
        ["hidden"] = true,
        ["channel"] = Channel,
        ["ts"] = eventTs,
        ["deleted_ts"] = ts,
        ["event_ts"] = eventTs,
        ["channel_type"] = "channel",
        ["previous_message"] = new JsonObject { ["type"] = "message", ["user"] = user, ["text"] = "wrong thread, sorry", ["ts"] = ts, ["thread_ts"] = threadTs },
    };
}
