using System.Text.Json.Nodes;
using IncidentBot.Core.Incidents;
using IncidentBot.Testing.Fakes.Discord;

namespace IncidentBot.Tests.Discord;

/// <summary>An incident run end to end in Discord: the real host, its store (SQLite and PostgreSQL) and outbox, against the fake Discord.</summary>
public sealed class DiscordFlowTests
{
    private static JsonValue S(string value) => JsonValue.Create(value);

    [Theory]
    [InlineData(TestEngine.Sqlite)]
    [InlineData(TestEngine.Postgres)]
    public async Task An_incident_runs_from_declare_to_close_in_a_discord_thread(string engine)
    {
        await using var bot = await DiscordBot.StartAsync(engine: engine);
        var incidents = bot.Discord.IncidentsChannelId;
        await bot.UntilAsync(() => bot.Discord.RequestsTo("PUT", "/commands").Count == 1, "the /incident command registration");

        await bot.CommandAsync(incidents, DiscordBot.Ana, "declare", ("severity", 3, S("sev1")), ("title", 3, S("Pipeline blocks spiking")));

        await bot.UntilAsync(() => bot.Discord.Threads.Count == 1 && bot.Discord.RequestsTo("PATCH", "/@original").Count == 1, "root, thread and the link");
        var root = Assert.Single(bot.Discord.MessagesIn(incidents));
        var thread = bot.Discord.Threads.Single().Key;
        Assert.Equal(root.Id, thread);
        Assert.Equal("[SEV1] Pipeline blocks spiking", bot.Discord.Threads[thread]["name"]!.GetValue<string>());
        Assert.Equal("[SEV1] Pipeline blocks spiking", root.Current["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Contains($"<#{thread}>", bot.Discord.RequestsTo("PATCH", "/@original")[0].Json!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        await bot.UntilAsync(() => bot.Discord.RequestsTo("POST", "/callback").Count == 1, "the declare answered");
        var declared = bot.Discord.RequestsTo("POST", "/callback")[0].Json!;
        Assert.Equal(64, declared["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("INC-1", declared["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        await bot.UntilAsync(() => bot.Discord.MessagesIn(thread).Count == 1, "the welcome message in the thread");

        var said = await bot.SayAsync(thread, DiscordBot.Bob, "error rate is 18%, looking at grafana");
        await bot.UntilAsync(async () => (await bot.TimelineAsync(1)).Any(e => e.SourceMessageId == said), "the thread message on the timeline");
        var entry = (await bot.TimelineAsync(1)).Single(e => e.SourceMessageId == said);
        Assert.Equal((TimelineKind.Message, "Bob", "error rate is 18%, looking at grafana"), (entry.Kind, entry.Author!.Name, entry.Text));

        await bot.ReactAsync(incidents, root.Id, "👀", DiscordBot.Bob);
        await bot.UntilAsync(async () => (await bot.IncidentAsync(1)).AcknowledgedBy?.Id == DiscordBot.Bob, "👀 on the root acknowledges");

        await bot.ReactAsync(thread, said, "📌", DiscordBot.Ana);
        await bot.UntilAsync(async () => (await bot.TimelineAsync(1)).Single(e => e.SourceMessageId == said).Key, "📌 marks the key event");
        await bot.UntilAsync(() => bot.Discord.Reactions.Contains((thread, said, "✅")), "the bot confirms the capture with ✅");

        await bot.CommandAsync(thread, DiscordBot.Ana, "update", ("text", 3, S("rolled back abc123; block rate falling")));
        await bot.UntilAsync(async () => (await bot.IncidentAsync(1)).LastUpdateText == "rolled back abc123; block rate falling", "the update");
        await bot.UntilAsync(() => bot.Discord.MessagesIn(thread).Any(m => m.Content.Contains("rolled back abc123", StringComparison.Ordinal)), "the update in the thread");

        await bot.ClickAsync(incidents, root.Id, "resolve:INC-1", DiscordBot.Ana);
        await bot.UntilAsync(async () => (await bot.IncidentAsync(1)).Status == IncidentStatus.Resolved, "the Resolve button");
        await bot.UntilAsync(
            () => bot.Discord.RequestsTo("POST", "/callback").Any(c => c.Json!["type"]!.GetValue<int>() == 6),
            "the click answered as a deferred component update");

        await bot.CommandAsync(thread, DiscordBot.Ana, "close");
        await bot.UntilAsync(async () => (await bot.IncidentAsync(1)).Status == IncidentStatus.Closed, "close");
        await bot.UntilAsync(() => bot.Discord.MessagesIn(thread).Any(m => m.FileName?.EndsWith("-inc-1-pipeline-blocks-spiking.md", StringComparison.Ordinal) == true), "the postmortem attached in the thread");
        var postmortem = bot.Discord.MessagesIn(thread).Single(m => m.FileName is not null);
        Assert.StartsWith("---\nid: INC-1\n", postmortem.FileContent, StringComparison.Ordinal);
        Assert.Contains("\n# Postmortem — [SEV1] Pipeline blocks spiking\n", postmortem.FileContent, StringComparison.Ordinal);
        Assert.Contains("error rate is 18%", postmortem.FileContent, StringComparison.Ordinal);

        await bot.UntilAsync(() => root.Current["embeds"]![0]!["description"]!.GetValue<string>().Contains("CLOSED", StringComparison.Ordinal), "the status doc edited to Closed");
        Assert.Single(bot.Discord.MessagesIn(incidents));
        Assert.True(root.Edits >= 1);
        Assert.Empty(root.Current["components"]!.AsArray());
        Assert.All(
            bot.Discord.RequestsTo("POST", "/messages").Where(r => r.Path.EndsWith("/messages", StringComparison.Ordinal)),
            r => Assert.Equal("[]", r.Json!["allowed_mentions"]!["parse"]!.ToJsonString()));
    }

    [Theory]
    [InlineData(TestEngine.Sqlite)]
    [InlineData(TestEngine.Postgres)]
    public async Task A_429_with_retry_after_is_honoured_once_and_the_root_is_posted_once(string engine)
    {
        await using var bot = await DiscordBot.StartAsync(engine: engine);
        var incidents = bot.Discord.IncidentsChannelId;
        bot.Discord.FailNext(new FakeFailure("POST", $"/channels/{incidents}/messages", 429, RetryAfter: 1));

        await bot.CommandAsync(incidents, DiscordBot.Ana, "declare", ("severity", 3, S("sev2")), ("title", 3, S("Checkout slow")));

        await bot.UntilAsync(() => bot.Discord.Threads.Count == 1, "the thread after the retried root");
        Assert.Equal(2, bot.Discord.RequestsTo("POST", $"/channels/{incidents}/messages").Count(r => r.Path.EndsWith("/messages", StringComparison.Ordinal)));
        Assert.Single(bot.Discord.MessagesIn(incidents));
    }

    [Theory]
    [InlineData(TestEngine.Sqlite)]
    [InlineData(TestEngine.Postgres)]
    public async Task A_gateway_drop_mid_incident_resumes_and_no_event_is_lost_or_doubled(string engine)
    {
        await using var bot = await DiscordBot.StartAsync(engine: engine);
        var incidents = bot.Discord.IncidentsChannelId;
        await bot.CommandAsync(incidents, DiscordBot.Ana, "declare", ("severity", 3, S("sev1")), ("title", 3, S("Login errors")));
        await bot.UntilAsync(() => bot.Discord.StartedThreads.Count == 1, "the thread and its welcome");
        var thread = bot.Discord.StartedThreads[0];
        var before = await bot.SayAsync(thread, DiscordBot.Bob, "before the drop");
        await bot.UntilAsync(async () => (await bot.TimelineAsync(1)).Any(e => e.SourceMessageId == before), "the first message recorded");
        bot.Discord.Gateway.ResumeOverlap = 2;

        bot.Discord.Gateway.Drop();
        var during = await bot.SayAsync(thread, DiscordBot.Bob, "while the bot was disconnected");
        await bot.ReactAsync(thread, before, "📌", DiscordBot.Ana);

        await bot.UntilAsync(async () => (await bot.TimelineAsync(1)).Any(e => e.SourceMessageId == during), "the missed message after the resume");
        await bot.UntilAsync(async () => (await bot.TimelineAsync(1)).Single(e => e.SourceMessageId == before).Key, "the missed 📌");
        Assert.Equal(2, bot.Discord.Gateway.Connections);
        Assert.Single(bot.Discord.Gateway.FramesWithOp(6));
        Assert.Single(bot.Discord.Gateway.FramesWithOp(2));
        var messages = (await bot.TimelineAsync(1)).Where(e => e.Kind == TimelineKind.Message).Select(e => e.Text).ToList();
        Assert.Equal(["before the drop", "while the bot was disconnected"], messages);
        await bot.UntilAsync(() => bot.Discord.Reactions.Count(r => r.Message == before) == 1, "one ✅ for the one capture");
    }
}
