using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Tests.Support;
using static IncidentBot.Core.Tests.Support.IncidentHarness;

namespace IncidentBot.Core.Tests.Handling;

/// <summary>
/// Which incident a command means (DESIGN.md §2: the thread's, or the channel's only open one) and workspace
/// isolation (§5: another workspace's INC-n is indistinguishable from a missing one).
/// </summary>
public sealed class InferenceAndIsolationTests
{
    private static WorkspaceId Other { get; } = new(Platform.Slack, "T0EVIL");

    [Fact]
    public async Task Inside_a_thread_the_command_applies_to_that_incident()
    {
        var bot = new IncidentHarness();
        var first = await bot.DeclareAsync("declare sev1 A");
        var second = await bot.DeclareAsync("declare sev2 B");

        var outcome = await bot.InThreadAsync(first, "update rolled back");

        Assert.Equal(first, outcome.IncidentId);
        Assert.Equal("rolled back", bot.Get(first).LastUpdateText);
        Assert.Null(bot.Get(second).LastUpdateText);
    }

    [Fact]
    public async Task An_explicit_id_wins_over_the_thread()
    {
        var bot = new IncidentHarness();
        var first = await bot.DeclareAsync("declare sev1 A");
        var second = await bot.DeclareAsync("declare sev2 B");

        await bot.InThreadAsync(first, "note INC-2 related");

        Assert.Equal("related", bot.Store.Timeline(second)[^1].Text);
    }

    [Fact]
    public async Task In_a_channel_with_exactly_one_open_incident_the_id_may_be_left_out()
    {
        var bot = new IncidentHarness();
        var closed = await bot.DeclareAsync("declare sev3 Old");
        await bot.CommandAsync("resolve");
        await bot.CommandAsync("close");
        var open = await bot.DeclareAsync("declare sev1 New");

        var outcome = await bot.CommandAsync("update still looking");

        Assert.Equal(open, outcome.IncidentId);
        Assert.NotEqual(closed, open);
    }

    [Fact]
    public async Task With_no_open_incident_the_reply_shows_how_to_name_one()
    {
        var bot = new IncidentHarness();

        var outcome = await bot.CommandAsync("update\nrolled back");

        Assert.Equal(InboundResult.Refused, outcome.Result);
        Assert.Equal("No open incident here to apply `update` to. Name one: `update INC-42 <text>`.", outcome.Reply!.ToPlainText());
    }

    [Fact]
    public async Task With_several_open_incidents_the_reply_lists_them()
    {
        var bot = new IncidentHarness();
        await bot.DeclareAsync("declare sev1 A");
        await bot.DeclareAsync("declare sev2 B");

        var outcome = await bot.CommandAsync("ack");

        Assert.Equal(InboundResult.Refused, outcome.Result);
        Assert.Equal("Several incidents are open here (INC-1, INC-2): name one, e.g. `ack INC-1 …`.", outcome.Reply!.ToPlainText());
    }

    [Fact]
    public async Task Only_incidents_of_the_channel_count_for_inference()
    {
        var bot = new IncidentHarness();
        await bot.DeclareAsync("declare sev1 A", channel: "C0OTHER");

        var outcome = await bot.CommandAsync("ack");

        Assert.Equal(InboundResult.Refused, outcome.Result);
        Assert.StartsWith("No open incident here", outcome.Reply!.ToPlainText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("update INC-{0} rolled back")]
    [InlineData("ack INC-{0}")]
    [InlineData("close INC-{0}")]
    [InlineData("reopen INC-{0}")]
    [InlineData("timeline INC-{0}")]
    [InlineData("postmortem INC-{0}")]
    [InlineData("sev INC-{0} 3")]
    [InlineData("commander INC-{0} <@U0EVIL>")]
    [InlineData("action INC-{0} exfiltrate")]
    public async Task Another_workspaces_incident_gets_exactly_the_answer_of_a_missing_one(string template)
    {
        var bot = new IncidentHarness();
        var victim = await bot.DeclareAsync();
        var before = (bot.Get(victim), bot.Store.TimelineCount, bot.Store.Outbox.Count, bot.Store.Audit.Count);

        var foreign = await bot.CommandAsync(string.Format(null, template, 1), workspace: Other);
        var missing = await bot.CommandAsync(string.Format(null, template, 2), workspace: Other);

        Assert.Equal(InboundResult.Refused, foreign.Result);
        Assert.Equal(missing with { Reply = null }, foreign with { Reply = null });
        Assert.Equal(missing.Reply!.ToPlainText().Replace("INC-2", "INC-1", StringComparison.Ordinal), foreign.Reply!.ToPlainText());
        Assert.Equal(before, (bot.Get(victim), bot.Store.TimelineCount, bot.Store.Outbox.Count, bot.Store.Audit.Count));
    }

    [Fact]
    public async Task Another_workspaces_button_gets_the_answer_of_a_missing_incident()
    {
        var bot = new IncidentHarness();
        var victim = await bot.DeclareAsync();
        var before = bot.Get(victim);

        var foreign = await bot.ClickAsync(victim, ButtonAction.Resolve, workspace: Other);
        var missing = await bot.ClickAsync(new IncidentId(2), ButtonAction.Resolve, workspace: Other);

        Assert.Equal("Unknown incident INC-1. `list` shows the open incidents of this workspace.", foreign.Reply!.ToPlainText());
        Assert.Equal(missing.Reply!.ToPlainText().Replace("INC-2", "INC-1", StringComparison.Ordinal), foreign.Reply.ToPlainText());
        Assert.Equal(before, bot.Get(victim));
    }

    [Fact]
    public async Task Thread_messages_and_reactions_from_another_workspace_never_reach_the_incident()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.SayAsync(id, "m1", "real", Bob);
        var context = bot.Context(Bob, ThreadOf(id), workspace: Other);

        var outcomes = new[]
        {
            await bot.HandleAsync(new ThreadMessagePosted(context with { DedupKey = "a" }, "m2", "spoof")),
            await bot.HandleAsync(new MessageEdited(context with { DedupKey = "b" }, "m1", "spoofed")),
            await bot.HandleAsync(new MessageDeleted(context with { DedupKey = "c" }, "m1")),
            await bot.HandleAsync(new ReactionAdded(context with { DedupKey = "d" }, RootOf(id), Reaction.Acknowledge)),
            await bot.HandleAsync(new ReactionAdded(context with { DedupKey = "e" }, "m1", Reaction.KeyEvent)),
            await bot.CommandAsync("update spoof", thread: ThreadOf(id), workspace: Other),
        };

        Assert.All(outcomes[..5], o => Assert.Equal(InboundResult.Ignored, o.Result));
        Assert.Equal(InboundResult.Refused, outcomes[5].Result);
        var entry = bot.Store.Timeline(id)[^1];
        Assert.Equal(("real", false, false), (entry.Text, entry.Deleted, entry.Key));
        Assert.Null(bot.Get(id).AcknowledgedAt);
        Assert.Null(bot.Get(id).LastUpdateText);
    }

    [Fact]
    public async Task List_in_another_workspace_shows_none_of_ours()
    {
        var bot = new IncidentHarness();
        await bot.DeclareAsync();

        var outcome = await bot.CommandAsync("list", workspace: Other);

        Assert.Equal("No open incidents. 🎉", outcome.Reply!.ToPlainText());
    }
}
