using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Tests.Support;
using static IncidentBot.Core.Tests.Support.IncidentHarness;

namespace IncidentBot.Core.Tests.Handling;

/// <summary>DESIGN.md §2 "Timeline": thread messages, edits, deletions and reactions.</summary>
public sealed class ThreadEventTests
{
    [Fact]
    public async Task A_thread_message_is_recorded_with_its_original_time_and_author()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        var sentAt = bot.Now + TimeSpan.FromSeconds(42);
        bot.Time.Advance(TimeSpan.FromMinutes(3));

        var outcome = await bot.SayAsync(id, "1776780042.000200", "db cpu at 100%", Bob, sentAt);

        Assert.Equal(new InboundOutcome(InboundResult.Accepted, null, id), outcome);
        var entry = bot.Store.Timeline(id)[^1];
        Assert.Equal(
            (TimelineKind.Message, sentAt, Bob, "db cpu at 100%", "1776780042.000200", false, false),
            (entry.Kind, entry.At, entry.Author, entry.Text, entry.SourceMessageId, entry.Key, entry.Deleted));
        Assert.Equal([Bob], bot.Get(id).Responders);
        Assert.IsType<EditRootMessage>(bot.Store.Intents(id)[^1]);
    }

    [Fact]
    public async Task A_message_outside_any_incident_thread_is_ignored()
    {
        var bot = new IncidentHarness();
        await bot.DeclareAsync();

        var unthreaded = await bot.HandleAsync(new ThreadMessagePosted(bot.Context(Bob), "m1", "hi"));
        var otherThread = await bot.HandleAsync(new ThreadMessagePosted(bot.Context(Bob, "1600000000.000100"), "m2", "hi"));

        Assert.Equal(InboundResult.Ignored, unthreaded.Result);
        Assert.Equal(InboundResult.Ignored, otherThread.Result);
    }

    [Fact]
    public async Task A_slack_thread_ts_matches_only_in_the_incidents_channel()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();

        var outcome = await bot.HandleAsync(new ThreadMessagePosted(bot.Context(Bob, ThreadOf(id), channel: "C0RANDOM"), "m1", "hi"));

        Assert.Equal(InboundResult.Ignored, outcome.Result);
    }

    [Fact]
    public async Task An_edit_updates_the_entry_and_keeps_the_previous_text()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.SayAsync(id, "m1", "db cpu at 100%", Bob);
        bot.Time.Advance(TimeSpan.FromMinutes(1));
        var firstEdit = bot.Now;
        await bot.EditAsync(id, "m1", "db cpu at 100% on replica 2", Bob);
        bot.Time.Advance(TimeSpan.FromMinutes(1));

        var outcome = await bot.EditAsync(id, "m1", "db cpu at 100% on replica 3", Bob);

        Assert.Equal(InboundResult.Accepted, outcome.Result);
        var entry = bot.Store.Timeline(id)[^1];
        Assert.Equal("db cpu at 100% on replica 3", entry.Text);
        Assert.Equal(
            [new TimelineRevision(firstEdit, "db cpu at 100%"), new TimelineRevision(bot.Now, "db cpu at 100% on replica 2")],
            entry.Revisions);
        Assert.Equal(new AuditEntry(Slack, id, bot.Now, Bob.Id, "message_edited", "m1"), bot.Store.Audit[^1]);
    }

    [Fact]
    public async Task An_edit_that_changes_nothing_or_of_an_unknown_message_is_ignored()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.SayAsync(id, "m1", "same", Bob);

        Assert.Equal(InboundResult.Ignored, (await bot.EditAsync(id, "m1", "same", Bob)).Result);
        Assert.Equal(InboundResult.Ignored, (await bot.EditAsync(id, "m404", "new", Bob)).Result);
        Assert.Empty(bot.Store.Timeline(id)[^1].Revisions);
    }

    [Fact]
    public async Task A_deletion_marks_the_entry_deleted_and_keeps_its_text()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.SayAsync(id, "m1", "password is hunter2", Bob);

        var outcome = await bot.DeleteAsync(id, "m1", Bob);
        var again = await bot.DeleteAsync(id, "m1", Bob);

        Assert.Equal(InboundResult.Accepted, outcome.Result);
        Assert.Equal(InboundResult.Ignored, again.Result);
        var entry = bot.Store.Timeline(id)[^1];
        Assert.True(entry.Deleted);
        Assert.Equal("password is hunter2", entry.Text);
        Assert.IsType<EditRootMessage>(bot.Store.Intents(id)[^1]);
    }

    [Fact]
    public async Task An_ack_reaction_on_the_root_acknowledges()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        bot.Time.Advance(TimeSpan.FromMinutes(2));

        var outcome = await bot.ReactAsync(id, RootOf(id), Reaction.Acknowledge, Bob);

        Assert.Equal(InboundResult.Accepted, outcome.Result);
        Assert.Equal((bot.Now, Bob), (bot.Get(id).AcknowledgedAt, bot.Get(id).AcknowledgedBy));
        Assert.Equal((TimelineKind.Acknowledged, "Acknowledged by bob after 2 min"), (bot.Store.Timeline(id)[^1].Kind, bot.Store.Timeline(id)[^1].Text));
    }

    [Fact]
    public async Task A_later_ack_reaction_adds_a_responder_and_a_repeat_is_quiet()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.ReactAsync(id, RootOf(id), Reaction.Acknowledge, Bob);
        var stamp = bot.Get(id).AcknowledgedAt;
        bot.Time.Advance(TimeSpan.FromMinutes(1));

        var carol = await bot.ReactAsync(id, RootOf(id), Reaction.Acknowledge, Carol);
        var bobAgain = await bot.ReactAsync(id, RootOf(id), Reaction.Acknowledge, Bob);
        var carolAgain = await bot.ReactAsync(id, RootOf(id), Reaction.Acknowledge, Carol);

        Assert.Equal(InboundResult.Accepted, carol.Result);
        Assert.Equal(InboundResult.Ignored, bobAgain.Result);
        Assert.Equal(InboundResult.Ignored, carolAgain.Result);
        Assert.Equal((stamp, Bob), (bot.Get(id).AcknowledgedAt, bot.Get(id).AcknowledgedBy));
        Assert.Equal([Carol], bot.Get(id).Responders);
    }

    [Fact]
    public async Task An_ack_reaction_on_a_thread_message_does_nothing()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.SayAsync(id, "m1", "on it", Bob);
        var outbox = bot.Store.Outbox.Count;

        var outcome = await bot.ReactAsync(id, "m1", Reaction.Acknowledge, Carol);

        Assert.Equal(InboundResult.Ignored, outcome.Result);
        Assert.Null(bot.Get(id).AcknowledgedAt);
        Assert.Equal(outbox, bot.Store.Outbox.Count);
    }

    [Fact]
    public async Task Removing_an_ack_reaction_or_reacting_on_a_resolved_root_does_nothing()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();

        var removed = await bot.ReactAsync(id, RootOf(id), Reaction.Acknowledge, Bob, added: false);
        await bot.CommandAsync("resolve");
        var late = await bot.ReactAsync(id, RootOf(id), Reaction.Acknowledge, Bob);

        Assert.Equal(InboundResult.Ignored, removed.Result);
        Assert.Equal(InboundResult.Ignored, late.Result);
        Assert.Null(bot.Get(id).AcknowledgedAt);
    }

    [Fact]
    public async Task A_pin_on_a_thread_message_marks_a_key_event_and_confirms_with_a_check()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.SayAsync(id, "m1", "rolled back payments-api", Bob);
        var before = bot.Store.Intents(id).Count;

        var outcome = await bot.ReactAsync(id, "m1", Reaction.KeyEvent, Carol);

        Assert.Equal(InboundResult.Accepted, outcome.Result);
        Assert.True(bot.Store.Timeline(id)[^1].Key);
        Assert.Equal([new AddReaction("m1", Reaction.Confirmed), new EditRootMessage()], bot.IntentsAfter(id, before));
        Assert.Equal(new AuditEntry(Slack, id, bot.Now, Carol.Id, "key_event_marked", "m1"), bot.Store.Audit[^1]);
    }

    [Fact]
    public async Task Removing_the_pin_unmarks_the_key_event_without_a_confirmation()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.SayAsync(id, "m1", "rolled back payments-api", Bob);
        await bot.ReactAsync(id, "m1", Reaction.KeyEvent, Carol);
        var before = bot.Store.Intents(id).Count;

        var outcome = await bot.ReactAsync(id, "m1", Reaction.KeyEvent, Carol, added: false);
        var again = await bot.ReactAsync(id, "m1", Reaction.KeyEvent, Carol, added: false);

        Assert.Equal(InboundResult.Accepted, outcome.Result);
        Assert.Equal(InboundResult.Ignored, again.Result);
        Assert.False(bot.Store.Timeline(id)[^1].Key);
        Assert.Equal([new EditRootMessage()], bot.IntentsAfter(id, before));
    }

    [Fact]
    public async Task Pins_on_the_root_on_deleted_messages_and_other_meanings_do_nothing()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.SayAsync(id, "m1", "typo", Bob);
        await bot.DeleteAsync(id, "m1", Bob);
        await bot.SayAsync(id, "m2", "real", Bob);

        Assert.Equal(InboundResult.Ignored, (await bot.ReactAsync(id, RootOf(id), Reaction.KeyEvent, Carol)).Result);
        Assert.Equal(InboundResult.Ignored, (await bot.ReactAsync(id, "m1", Reaction.KeyEvent, Carol)).Result);
        Assert.Equal(InboundResult.Ignored, (await bot.ReactAsync(id, "m2", Reaction.Confirmed, Carol)).Result);
        Assert.DoesNotContain(bot.Store.Timeline(id), e => e.Key);
    }

    [Fact]
    public async Task Buttons_acknowledge_take_command_resolve_and_close()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();

        var ack = await bot.ClickAsync(id, ButtonAction.Acknowledge, Bob);
        var take = await bot.ClickAsync(id, ButtonAction.TakeCommand, Carol);
        var resolve = await bot.ClickAsync(id, ButtonAction.Resolve, Carol);
        var close = await bot.ClickAsync(id, ButtonAction.Close, Carol);

        Assert.All([ack, take, resolve, close], o => Assert.Equal(InboundResult.Accepted, o.Result));
        var incident = bot.Get(id);
        Assert.Equal((Bob, Carol, IncidentStatus.Closed), (incident.AcknowledgedBy, incident.Commander, incident.Status));
        Assert.Equal([Alice], incident.Responders);
        Assert.NotNull(bot.Store.Postmortem(id));
    }

    [Fact]
    public async Task Buttons_that_do_not_fit_the_state_are_refused_and_change_nothing()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        var incident = bot.Get(id);

        var close = await bot.ClickAsync(id, ButtonAction.Close, Bob);
        var take = await bot.ClickAsync(id, ButtonAction.TakeCommand, Alice);
        var update = await bot.ClickAsync(id, ButtonAction.PostUpdate, Alice);

        Assert.Equal("INC-1 is Investigating: resolve it first (`resolve INC-1`), then close it.", close.Reply!.ToPlainText());
        Assert.Equal("alice is already the commander of INC-1.", take.Reply!.ToPlainText());
        Assert.Equal(InboundResult.Refused, update.Result);
        Assert.Equal(incident, bot.Get(id));
    }

    [Fact]
    public async Task The_acknowledge_button_on_a_closed_incident_is_refused()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.CommandAsync("resolve");
        await bot.CommandAsync("close");

        var outcome = await bot.ClickAsync(id, ButtonAction.Acknowledge, Bob);

        Assert.Equal((InboundResult.Refused, "INC-1 is Closed: there is nothing to acknowledge."), (outcome.Result, outcome.Reply!.ToPlainText()));
    }
}
