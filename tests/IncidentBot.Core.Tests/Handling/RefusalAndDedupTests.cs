using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Tests.Support;
using static IncidentBot.Core.Tests.Support.IncidentHarness;

namespace IncidentBot.Core.Tests.Handling;

/// <summary>
/// "Nothing is recorded for a refused command" (DESIGN.md §2) and "each changes state once" (§5): a refusal
/// leaves no timeline, audit, outbox row or inbound key; a repeated key changes nothing and says Duplicate.
/// </summary>
public sealed class RefusalAndDedupTests
{
    public static TheoryData<string> RefusedCommands { get; } = new()
    {
        "frobnicate INC-1",
        "update",
        "update INC-abc rolled back",
        "update INC-99 rolled back",
        "sev 1",
        "sev 7",
        "close",
        "reopen",
        "status resolved-ish",
        "commander @nobody",
        $"commander {Mention(Alice)}",
        "action Fix it due someday",
        "declare sev9 Broken",
        "declare sev1 " + new string('x', 94),
        "declare sev1 Line\u0000break",
    };

    [Theory]
    [MemberData(nameof(RefusedCommands))]
    public async Task A_refused_command_records_nothing_and_says_why(string text)
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        var incident = bot.Get(id);
        var (timeline, audit, outbox, keys, commits) = Counts(bot);

        var outcome = await bot.CommandAsync(text, key: "Ev-refused");

        Assert.Equal(InboundResult.Refused, outcome.Result);
        Assert.Null(outcome.IncidentId);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Reply?.ToPlainText()));
        Assert.Equal((timeline, audit, outbox, keys, commits), Counts(bot));
        Assert.Equal(incident, bot.Get(id));
        Assert.DoesNotContain(bot.Store.InboundKeys, k => k.Key == "Ev-refused");
    }

    [Theory]
    [InlineData("frobnicate INC-1", "Unknown command `frobnicate`. The commands are: declare, ", "Usage: `help [command]`")]
    [InlineData("update INC-1", "The update is empty.", "Usage: `update [INC-n] <text>`")]
    [InlineData("update INC-99 rolled back", "Unknown incident INC-99.", "`list` shows the open incidents of this workspace.")]
    [InlineData("sev INC-1 7", "`7` is not a severity: use 1, 2 or 3.", "Usage: `sev [INC-n] <1|2|3>`")]
    public async Task A_form_error_names_the_problem_and_the_right_form(string text, string problem, string form)
    {
        var bot = new IncidentHarness();
        await bot.DeclareAsync();

        var reply = (await bot.CommandAsync(text)).Reply!.ToPlainText();

        Assert.StartsWith(problem, reply, StringComparison.Ordinal);
        Assert.EndsWith(form, reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_commands_key_can_be_used_by_a_corrected_retry()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.CommandAsync("resolve INC-1");

        var refused = await bot.CommandAsync("close INC-2", key: "Ev1");
        var retried = await bot.CommandAsync("close INC-1", key: "Ev1");

        Assert.Equal(InboundResult.Refused, refused.Result);
        Assert.Equal(InboundResult.Accepted, retried.Result);
        Assert.Equal(IncidentStatus.Closed, bot.Get(id).Status);
    }

    [Fact]
    public async Task A_duplicate_command_changes_nothing_and_returns_duplicate()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        var first = await bot.CommandAsync("update rolled back", key: "Ev42");
        var incident = bot.Get(id);
        var counts = Counts(bot);
        bot.Time.Advance(TimeSpan.FromSeconds(3));

        var second = await bot.CommandAsync("update rolled back", key: "Ev42");

        Assert.Equal(InboundResult.Accepted, first.Result);
        Assert.Equal(InboundOutcome.Duplicate, second);
        Assert.Equal(incident, bot.Get(id));
        Assert.Equal(counts, Counts(bot));
    }

    [Fact]
    public async Task A_duplicate_declare_opens_one_incident()
    {
        var bot = new IncidentHarness();

        await bot.CommandAsync("declare sev1 Checkout is down", key: "Ev1");
        var again = await bot.CommandAsync("declare sev1 Checkout is down", key: "Ev1");

        Assert.Equal(InboundResult.Duplicate, again.Result);
        Assert.Single(bot.Store.Incidents);
    }

    [Fact]
    public async Task A_duplicate_thread_message_reaction_or_click_changes_nothing()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        var message = new ThreadMessagePosted(bot.Context(Bob, ThreadOf(id), key: "msg-1"), "m1", "looking");
        var pin = new ReactionAdded(bot.Context(Carol, ThreadOf(id), key: "m1:pushpin:carol"), "m1", Reaction.KeyEvent);
        var click = new ButtonClicked(bot.Context(Bob, key: "interaction-1"), id, ButtonAction.Acknowledge);
        Assert.Equal(InboundResult.Accepted, (await bot.HandleAsync(message)).Result);
        Assert.Equal(InboundResult.Accepted, (await bot.HandleAsync(pin)).Result);
        Assert.Equal(InboundResult.Accepted, (await bot.HandleAsync(click)).Result);
        var counts = Counts(bot);
        var incident = bot.Get(id);

        var outcomes = new[] { await bot.HandleAsync(message), await bot.HandleAsync(pin), await bot.HandleAsync(click) };

        Assert.All(outcomes, o => Assert.Equal(InboundOutcome.Duplicate, o));
        Assert.Equal(counts, Counts(bot));
        Assert.Equal(incident, bot.Get(id));
    }

    [Fact]
    public async Task The_same_thread_message_under_another_event_key_is_recorded_once()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.HandleAsync(new ThreadMessagePosted(bot.Context(Bob, ThreadOf(id), key: "Ev1"), "1776780042.000200", "db cpu at 100%"));
        var counts = Counts(bot);

        var replay = await bot.HandleAsync(new ThreadMessagePosted(bot.Context(Bob, ThreadOf(id), key: "Ev2"), "1776780042.000200", "db cpu at 100%"));

        Assert.Equal(InboundOutcome.Duplicate, replay);
        Assert.Equal(counts, Counts(bot));
    }

    [Fact]
    public async Task The_same_key_in_another_workspace_is_not_a_duplicate()
    {
        var bot = new IncidentHarness();

        await bot.CommandAsync("declare sev1 A", key: "1234");
        var other = await bot.CommandAsync("declare sev1 B", workspace: new WorkspaceId(Platform.Discord, "G1"), key: "1234");

        Assert.Equal(InboundResult.Accepted, other.Result);
        Assert.Equal(2, bot.Store.Incidents.Count);
    }

    [Fact]
    public async Task An_ignored_event_records_nothing()
    {
        var bot = new IncidentHarness();
        await bot.DeclareAsync();
        var counts = Counts(bot);

        var outcome = await bot.HandleAsync(new ThreadMessagePosted(bot.Context(Bob, "1700000000.000100", key: "stray"), "m9", "hello"));

        Assert.Equal(InboundOutcome.Ignored, outcome);
        Assert.Equal(counts, Counts(bot));
    }

    private static (int Timeline, int Audit, int Outbox, int Keys, int Commits) Counts(IncidentHarness bot) =>
        (bot.Store.TimelineCount, bot.Store.Audit.Count, bot.Store.Outbox.Count, bot.Store.InboundKeys.Count, bot.Store.Commits);
}
