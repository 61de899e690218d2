using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Tests.Support;
using static IncidentBot.Core.Tests.Support.IncidentHarness;

namespace IncidentBot.Core.Tests.Handling;

/// <summary>DESIGN.md §2 "Declare", through the use-case service and the in-memory store.</summary>
public sealed class DeclareTests
{
    [Fact]
    public async Task Declare_queues_the_root_message_the_thread_the_welcome_and_the_follow_up_reply_in_order()
    {
        var bot = new IncidentHarness();

        var outcome = await bot.CommandAsync("declare sev1 Pipeline blocks spiking", replyHandle: "https://hooks.slack.com/commands/T0/1/abc");

        Assert.Equal(InboundResult.Accepted, outcome.Result);
        var id = Assert.NotNull(outcome.IncidentId);
        var intents = bot.Store.Intents(id);
        Assert.Equal(4, intents.Count);
        Assert.IsType<PostRootMessage>(intents[0]);
        Assert.IsType<OpenThread>(intents[1]);
        var welcome = Assert.IsType<PostThreadMessage>(intents[2]).Content;
        Assert.Contains(new UserMention(Alice.Id), welcome.Inlines);
        var reply = Assert.IsType<ReplyToRequester>(intents[3]);
        Assert.Equal("https://hooks.slack.com/commands/T0/1/abc", reply.ReplyHandle);
        Assert.Contains(new ThreadLink(), reply.Content.Inlines);
        Assert.Equal("INC-1 is open: (thread)", reply.Content.ToPlainText());
    }

    [Fact]
    public async Task Declare_without_a_reply_handle_queues_no_follow_up()
    {
        var bot = new IncidentHarness();

        var outcome = await bot.CommandAsync("declare sev2 Search is slow");

        var intents = bot.Store.Intents(outcome.IncidentId!.Value);
        Assert.Equal([typeof(PostRootMessage), typeof(OpenThread), typeof(PostThreadMessage)], intents.Select(i => i.GetType()));
        Assert.Equal("Declared INC-1: [SEV2] Search is slow. Its thread is opening now in the incidents channel.", outcome.Reply!.ToPlainText());
    }

    [Fact]
    public async Task The_declarer_becomes_commander_and_everything_is_stamped()
    {
        var bot = new IncidentHarness();

        var id = await bot.DeclareAsync("declare sev1 Pipeline blocks spiking");

        var incident = bot.Get(id);
        Assert.Equal(new IncidentId(1), id);
        Assert.Equal(Alice, incident.Commander);
        Assert.Equal(Alice, incident.DeclaredBy);
        Assert.Equal(bot.Now, incident.DeclaredAt);
        Assert.Equal(IncidentStatus.Investigating, incident.Status);
        Assert.Equal("[SEV1] Pipeline blocks spiking", incident.Label);
        Assert.Equal(Slack, incident.Workspace);
        Assert.Equal(bot.Now + TimeSpan.FromMinutes(5), incident.NextReminderAt);
        var entry = Assert.Single(bot.Store.Timeline(id));
        Assert.Equal(TimelineKind.Declared, entry.Kind);
        Assert.Equal("Declared [SEV1] Pipeline blocks spiking; commander alice", entry.Text);
        Assert.Equal(new AuditEntry(Slack, id, bot.Now, Alice.Id, "declare", "[SEV1] Pipeline blocks spiking"), Assert.Single(bot.Store.Audit));
        Assert.Single(bot.Store.InboundKeys);
    }

    [Fact]
    public async Task Commander_mention_after_the_title_makes_that_person_commander()
    {
        var bot = new IncidentHarness();

        var id = await bot.DeclareAsync($"declare sev2 Search is slow commander {Mention(Bob)}");

        Assert.Equal(Bob, bot.Get(id).Commander);
        Assert.Equal(Alice, bot.Get(id).DeclaredBy);
        Assert.Equal("Search is slow", bot.Get(id).Title);
        var welcome = Assert.IsType<PostThreadMessage>(bot.Store.Intents(id)[2]).Content;
        Assert.Contains(new UserMention(Bob.Id), welcome.Inlines);
    }

    [Fact]
    public async Task The_incident_lives_in_the_configured_incidents_channel_wherever_it_was_declared()
    {
        var bot = new IncidentHarness();

        var elsewhere = await bot.CommandAsync("declare sev2 Search is slow", channel: "C0RANDOM", incidentsChannel: IncidentsChannel);
        var here = await bot.CommandAsync("declare sev2 Search is slower", channel: "C0RANDOM");

        Assert.Equal(IncidentsChannel, bot.Get(elsewhere.IncidentId!.Value).ChannelId);
        Assert.Equal("C0RANDOM", bot.Get(here.IncidentId!.Value).ChannelId);
    }

    [Fact]
    public async Task Ids_are_sequential_across_workspaces_and_platforms()
    {
        var bot = new IncidentHarness();

        var first = await bot.DeclareAsync();
        var second = await bot.DeclareAsync(workspace: new WorkspaceId(Platform.Discord, "81384788765712384"));
        var third = await bot.DeclareAsync(workspace: new WorkspaceId(Platform.Slack, "T0OTHER"));

        Assert.Equal(["INC-1", "INC-2", "INC-3"], new[] { first, second, third }.Select(i => i.ToString()));
    }

    [Fact]
    public async Task The_welcome_names_the_severitys_clocks()
    {
        var bot = new IncidentHarness();

        var sev1 = await bot.DeclareAsync("declare sev1 A");
        var sev3 = await bot.DeclareAsync("declare sev3 B");

        var sev1Text = Assert.IsType<PostThreadMessage>(bot.Store.Intents(sev1)[2]).Content.ToPlainText();
        var sev3Text = Assert.IsType<PostThreadMessage>(bot.Store.Intents(sev3)[2]).Content.ToPlainText();
        Assert.Contains("Acknowledge within 5 min", sev1Text, StringComparison.Ordinal);
        Assert.Contains("Post an update at least every 15 min.", sev1Text, StringComparison.Ordinal);
        Assert.Contains("Acknowledge by 09:00 next business day", sev3Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Post an update", sev3Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Second_level_durations_are_shown_as_seconds()
    {
        var policy = IncidentPolicy.Default with { Sev1 = new SeverityPolicy(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1)) };
        var bot = new IncidentHarness(policy);

        var id = await bot.DeclareAsync();

        var welcome = Assert.IsType<PostThreadMessage>(bot.Store.Intents(id)[2]).Content.ToPlainText();
        Assert.Contains("Acknowledge within 4 s", welcome, StringComparison.Ordinal);
        Assert.Contains("every 10 s", welcome, StringComparison.Ordinal);
        Assert.Equal(bot.Now + TimeSpan.FromSeconds(4), bot.Get(id).NextReminderAt);
    }

    [Fact]
    public async Task A_title_with_broadcast_markup_is_stored_as_text_and_pings_nobody()
    {
        var bot = new IncidentHarness();

        var id = await bot.DeclareAsync("declare sev1 <!channel> @everyone look");

        Assert.Equal("<!channel> @everyone look", bot.Get(id).Title);
        var welcome = Assert.IsType<PostThreadMessage>(bot.Store.Intents(id)[2]).Content;
        Assert.DoesNotContain(welcome.Inlines, i => i is EscalationMention);
        Assert.All(welcome.Inlines.OfType<UserMention>(), m => Assert.Equal(Alice.Id, m.UserId));
    }
}
