using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Postmortems;
using IncidentBot.Core.Tests.Support;
using static IncidentBot.Core.Tests.Support.IncidentHarness;

namespace IncidentBot.Core.Tests.Handling;

/// <summary>Every verb of DESIGN.md §2 "Commands", applied through the service to a stored incident.</summary>
public sealed class CommandVerbTests
{
    private static TimeSpan Min(double minutes) => TimeSpan.FromMinutes(minutes);

    [Fact]
    public async Task Commander_hands_over_and_the_previous_commander_becomes_a_responder()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        var before = bot.Store.Intents(id).Count;

        var outcome = await bot.CommandAsync($"commander INC-1 {Mention(Bob)}", Carol);

        Assert.Equal(InboundResult.Accepted, outcome.Result);
        Assert.Equal("bob now commands INC-1.", outcome.Reply!.ToPlainText());
        Assert.Equal(Bob, bot.Get(id).Commander);
        Assert.Equal([Alice], bot.Get(id).Responders);
        var entry = bot.Store.Timeline(id)[^1];
        Assert.Equal((TimelineKind.CommanderChanged, "Commander: alice → bob", Bob.Id, Carol), (entry.Kind, entry.Text, entry.Detail, entry.Author));
        var intents = bot.IntentsAfter(id, before);
        Assert.Contains(new UserMention(Bob.Id), Assert.IsType<PostThreadMessage>(intents[0]).Content.Inlines);
        Assert.IsType<EditRootMessage>(intents[1]);
    }

    [Fact]
    public async Task A_responder_who_takes_command_leaves_the_responders()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.SayAsync(id, "m1", "looking at the db", Bob);
        Assert.Equal([Bob], bot.Get(id).Responders);

        await bot.CommandAsync($"commander {Mention(Bob)}");

        Assert.Equal(Bob, bot.Get(id).Commander);
        Assert.Equal([Alice], bot.Get(id).Responders);
    }

    [Fact]
    public async Task Handing_command_to_the_current_commander_is_refused()
    {
        var bot = new IncidentHarness();
        await bot.DeclareAsync();

        var outcome = await bot.CommandAsync($"commander {Mention(Alice)}");

        Assert.Equal(InboundResult.Refused, outcome.Result);
        Assert.Equal("alice is already the commander of INC-1.", outcome.Reply!.ToPlainText());
    }

    [Fact]
    public async Task Sev_changes_the_severity_and_replans_the_clocks_at_once()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync("declare sev2 Search is slow");
        await bot.CommandAsync("ack");
        bot.Time.Advance(Min(20));
        Assert.Equal(bot.Get(id).DeclaredAt + Min(30), bot.Get(id).NextReminderAt);

        var outcome = await bot.CommandAsync("sev 1");

        Assert.Equal("INC-1 is now SEV1.", outcome.Reply!.ToPlainText());
        Assert.Equal(Severity.Sev1, bot.Get(id).Severity);
        Assert.Equal(bot.Get(id).DeclaredAt + Min(15), bot.Get(id).NextReminderAt);
        Assert.True(bot.Get(id).NextReminderAt <= bot.Now);
        Assert.Equal(("Severity SEV2 → SEV1", "SEV1"), (bot.Store.Timeline(id)[^1].Text, bot.Store.Timeline(id)[^1].Detail));
        Assert.Contains("Updates are now due every 15 min.", Assert.IsType<PostThreadMessage>(bot.Store.Intents(id)[^2]).Content.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sev_to_the_same_severity_is_refused()
    {
        var bot = new IncidentHarness();
        await bot.DeclareAsync();

        var outcome = await bot.CommandAsync("sev sev1");

        Assert.Equal((InboundResult.Refused, "INC-1 is already SEV1."), (outcome.Result, outcome.Reply!.ToPlainText()));
    }

    [Fact]
    public async Task Status_moves_along_and_its_text_counts_as_an_update()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        bot.Time.Advance(Min(7));

        var outcome = await bot.CommandAsync("status identified bad deploy of payments-api");

        Assert.Equal("INC-1 is now Identified.", outcome.Reply!.ToPlainText());
        var incident = bot.Get(id);
        Assert.Equal(IncidentStatus.Identified, incident.Status);
        Assert.Equal((bot.Now, "bad deploy of payments-api"), (incident.LastUpdateAt, incident.LastUpdateText));
        var entry = bot.Store.Timeline(id)[^1];
        Assert.Equal((TimelineKind.StatusChanged, "Status: Investigating → Identified — bad deploy of payments-api", "Identified"), (entry.Kind, entry.Text, entry.Detail));
        Assert.Equal(
            "INC-1: Investigating → Identified by @U0ALICE: bad deploy of payments-api",
            Assert.IsType<PostThreadMessage>(bot.Store.Intents(id)[^2]).Content.ToPlainText());
    }

    [Fact]
    public async Task Status_without_text_leaves_the_update_clock_alone()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();

        await bot.CommandAsync("status monitoring");

        Assert.Equal(IncidentStatus.Monitoring, bot.Get(id).Status);
        Assert.Null(bot.Get(id).LastUpdateAt);
    }

    [Fact]
    public async Task Update_posts_in_the_thread_restarts_the_clock_and_records_the_author()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        bot.Time.Advance(Min(10));
        var before = bot.Store.Intents(id).Count;

        var outcome = await bot.CommandAsync("update INC-1 rolled back to v41", Bob);

        Assert.Equal("Update posted to INC-1. Next one due in 15 min.", outcome.Reply!.ToPlainText());
        var incident = bot.Get(id);
        Assert.Equal((bot.Now, "rolled back to v41"), (incident.LastUpdateAt, incident.LastUpdateText));
        Assert.Equal([Bob], incident.Responders);
        Assert.Equal((TimelineKind.Update, "rolled back to v41", Bob), (bot.Store.Timeline(id)[^1].Kind, bot.Store.Timeline(id)[^1].Text, bot.Store.Timeline(id)[^1].Author));
        var intents = bot.IntentsAfter(id, before);
        Assert.Equal("📣 Update (Investigating) from @U0BOB:\nrolled back to v41", Assert.IsType<PostThreadMessage>(intents[0]).Content.ToPlainText());
        Assert.IsType<EditRootMessage>(intents[1]);
    }

    [Fact]
    public async Task Impact_and_summary_fill_the_status_doc_fields()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();

        await bot.CommandAsync("impact EU customers cannot pay");
        await bot.CommandAsync("summary Payments API returns 500s after deploy");

        Assert.Equal(("EU customers cannot pay", "Payments API returns 500s after deploy"), (bot.Get(id).Impact, bot.Get(id).Summary));
        Assert.Equal(
            [(TimelineKind.ImpactSet, "Impact: EU customers cannot pay"), (TimelineKind.SummarySet, "Summary: Payments API returns 500s after deploy")],
            bot.Store.Timeline(id).Skip(1).Select(e => (e.Kind, e.Text)));
    }

    [Fact]
    public async Task Note_goes_on_the_timeline()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();

        var outcome = await bot.CommandAsync("note paged the DBA", Bob);

        Assert.Equal("Note added to INC-1.", outcome.Reply!.ToPlainText());
        Assert.Equal((TimelineKind.Note, "paged the DBA", Bob), (bot.Store.Timeline(id)[^1].Kind, bot.Store.Timeline(id)[^1].Text, bot.Store.Timeline(id)[^1].Author));
    }

    [Fact]
    public async Task Action_records_an_item_with_owner_and_due_date()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();

        await bot.CommandAsync($"action Add a canary stage {Mention(Bob)} due 2026-05-01");

        var item = Assert.Single(bot.Store.ActionItems(id));
        Assert.Equal(("Add a canary stage", Bob, new DateOnly(2026, 5, 1), false, bot.Now), (item.Text, item.Owner, item.Due, item.Done, item.CreatedAt));
        Assert.Equal("Action: Add a canary stage — owner bob — due 2026-05-01", bot.Store.Timeline(id)[^1].Text);
        var message = Assert.IsType<PostThreadMessage>(bot.Store.Intents(id)[^2]).Content;
        Assert.Contains(new UserMention(Bob.Id), message.Inlines);
    }

    [Fact]
    public async Task Ack_stamps_the_first_acknowledgement_and_stops_the_ack_clock()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        bot.Time.Advance(Min(3));

        var outcome = await bot.CommandAsync("ack", Bob);

        Assert.Equal("You acknowledged INC-1.", outcome.Reply!.ToPlainText());
        Assert.Equal((bot.Now, Bob), (bot.Get(id).AcknowledgedAt, bot.Get(id).AcknowledgedBy));
        Assert.Equal(bot.Get(id).DeclaredAt + Min(15), bot.Get(id).NextReminderAt);
        Assert.Equal((TimelineKind.Acknowledged, "Acknowledged by bob after 3 min"), (bot.Store.Timeline(id)[^1].Kind, bot.Store.Timeline(id)[^1].Text));
        Assert.Empty(bot.Get(id).Responders);
    }

    [Fact]
    public async Task A_later_ack_by_someone_else_records_a_responder_and_keeps_the_first_stamp()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.CommandAsync("ack", Bob);
        var stamp = bot.Get(id).AcknowledgedAt;
        bot.Time.Advance(Min(1));

        var outcome = await bot.CommandAsync("ack", Carol);

        Assert.Equal("INC-1 was already acknowledged by bob after 0 s; you are recorded as a responder.", outcome.Reply!.ToPlainText());
        Assert.Equal((stamp, Bob), (bot.Get(id).AcknowledgedAt, bot.Get(id).AcknowledgedBy));
        Assert.Equal([Carol], bot.Get(id).Responders);
    }

    [Fact]
    public async Task The_first_acknowledger_acknowledging_again_changes_nothing()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.CommandAsync("ack", Bob);
        var timeline = bot.Store.TimelineCount;
        var outbox = bot.Store.Outbox.Count;

        var outcome = await bot.CommandAsync("ack", Bob);

        Assert.Equal("INC-1 was already acknowledged by bob.", outcome.Reply!.ToPlainText());
        Assert.Empty(bot.Get(id).Responders);
        Assert.Equal((timeline, outbox), (bot.Store.TimelineCount, bot.Store.Outbox.Count));
    }

    [Fact]
    public async Task Ack_on_a_resolved_incident_is_refused()
    {
        var bot = new IncidentHarness();
        await bot.DeclareAsync();
        await bot.CommandAsync("resolve");

        var outcome = await bot.CommandAsync("ack");

        Assert.Equal((InboundResult.Refused, "INC-1 is Resolved: there is nothing to acknowledge."), (outcome.Result, outcome.Reply!.ToPlainText()));
    }

    [Fact]
    public async Task Resolve_stamps_and_announces_the_monitoring_window()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        bot.Time.Advance(Min(42));

        var outcome = await bot.CommandAsync("resolve rolled back");

        Assert.Equal("INC-1 is now Resolved.", outcome.Reply!.ToPlainText());
        var incident = bot.Get(id);
        Assert.Equal((IncidentStatus.Resolved, bot.Now, "rolled back"), (incident.Status, incident.ResolvedAt, incident.LastUpdateText));
        Assert.Equal(bot.Now + Min(30), incident.NextReminderAt);
        var message = Assert.IsType<PostThreadMessage>(bot.Store.Intents(id)[^2]).Content;
        Assert.Contains(new Timestamp(bot.Now + Min(30), TimestampStyle.Time), message.Inlines);
        Assert.Contains("Keep watching for 30 min", message.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolving_twice_is_refused_with_what_to_do_instead()
    {
        var bot = new IncidentHarness();
        await bot.DeclareAsync();
        await bot.CommandAsync("resolve");

        var outcome = await bot.CommandAsync("resolve");

        Assert.Equal(InboundResult.Refused, outcome.Result);
        Assert.Equal("INC-1 is already Resolved: `close INC-1` when monitoring is over, or `reopen INC-1`.", outcome.Reply!.ToPlainText());
    }

    [Fact]
    public async Task Close_before_resolve_is_refused_and_names_the_fix()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();

        var outcome = await bot.CommandAsync("close");

        Assert.Equal("INC-1 is Investigating: resolve it first (`resolve INC-1`), then close it.", outcome.Reply!.ToPlainText());
        Assert.Equal(IncidentStatus.Investigating, bot.Get(id).Status);
        Assert.Null(bot.Store.Postmortem(id));
    }

    [Fact]
    public async Task Close_stamps_stores_the_draft_and_uploads_it_into_the_thread()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        bot.Time.Advance(Min(40));
        await bot.CommandAsync("resolve");
        bot.Time.Advance(Min(30));
        var before = bot.Store.Intents(id).Count;

        var outcome = await bot.CommandAsync("close");

        Assert.Equal("INC-1 closed. The postmortem draft is in the thread and at /api/incidents/INC-1/postmortem.md.", outcome.Reply!.ToPlainText());
        Assert.Equal((IncidentStatus.Closed, bot.Now), (bot.Get(id).Status, bot.Get(id).ClosedAt));
        var draft = bot.Store.Postmortem(id);
        Assert.NotNull(draft);
        var intents = bot.IntentsAfter(id, before);
        var upload = Assert.IsType<UploadFile>(intents[0]);
        Assert.Equal((PostmortemRenderer.FileName(bot.Get(id)), draft), (upload.FileName, upload.Content));
        Assert.EndsWith("-inc-1-checkout-is-down.md", upload.FileName, StringComparison.Ordinal);
        Assert.Contains("Declared to resolved: 40 min.", upload.Comment.ToPlainText(), StringComparison.Ordinal);
        Assert.IsType<EditRootMessage>(intents[1]);
        Assert.Equal(bot.Get(id).ResolvedAt + TimeSpan.FromHours(24), bot.Get(id).NextReminderAt);
    }

    [Fact]
    public async Task Reopen_goes_back_to_investigating_and_clears_the_resolve_and_close_stamps()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.CommandAsync("ack");
        await bot.CommandAsync("resolve");
        await bot.CommandAsync("close");
        bot.Time.Advance(Min(5));

        var outcome = await bot.CommandAsync("reopen INC-1");

        Assert.Equal("INC-1 reopened.", outcome.Reply!.ToPlainText());
        var incident = bot.Get(id);
        Assert.Equal((IncidentStatus.Investigating, (DateTimeOffset?)null, (DateTimeOffset?)null, bot.Now), (incident.Status, incident.ResolvedAt, incident.ClosedAt, incident.ReopenedAt));
        Assert.Equal(bot.Now + Min(15), incident.NextReminderAt);
        Assert.Equal("Reopened: Closed → Investigating", bot.Store.Timeline(id)[^1].Text);
    }

    [Fact]
    public async Task Status_investigating_on_a_resolved_incident_is_a_reopen()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.CommandAsync("ack");
        await bot.CommandAsync("resolve");
        bot.Time.Advance(TimeSpan.FromHours(2));

        var outcome = await bot.CommandAsync("status investigating errors are back");

        Assert.Equal("INC-1 reopened.", outcome.Reply!.ToPlainText());
        var incident = bot.Get(id);
        Assert.Equal((IncidentStatus.Investigating, (DateTimeOffset?)null, bot.Now), (incident.Status, incident.ResolvedAt, incident.ReopenedAt));
        Assert.Equal((bot.Now, "errors are back"), (incident.LastUpdateAt, incident.LastUpdateText));
        Assert.Equal(bot.Now + Min(15), incident.NextReminderAt);
        Assert.Equal("Reopened: Resolved → Investigating — errors are back", bot.Store.Timeline(id)[^1].Text);
    }

    [Fact]
    public async Task Reopen_of_an_open_incident_is_refused()
    {
        var bot = new IncidentHarness();
        await bot.DeclareAsync();

        var outcome = await bot.CommandAsync("reopen");

        Assert.Equal((InboundResult.Refused, "INC-1 is open (Investigating): there is nothing to reopen."), (outcome.Result, outcome.Reply!.ToPlainText()));
    }

    [Fact]
    public async Task Timeline_replies_oldest_first_without_deleted_entries_and_queues_nothing()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.SayAsync(id, "m1", "db cpu at 100%", Bob);
        await bot.SayAsync(id, "m2", "oops wrong channel", Bob);
        await bot.DeleteAsync(id, "m2", Bob);
        await bot.ReactAsync(id, "m1", Reaction.KeyEvent, Carol);
        var outbox = bot.Store.Outbox.Count;

        var outcome = await bot.CommandAsync("timeline");

        Assert.Equal(InboundResult.Accepted, outcome.Result);
        Assert.Equal(
            "Timeline of INC-1 [SEV1] Checkout is down\n"
            + "2026-04-21 14:00 UTC — alice — Declared [SEV1] Checkout is down; commander alice\n"
            + "2026-04-21 14:00 UTC — bob — 📌 db cpu at 100%",
            outcome.Reply!.ToPlainText());
        Assert.Equal(outbox, bot.Store.Outbox.Count);
    }

    [Fact]
    public async Task Postmortem_regenerates_the_draft_and_done_stops_the_reminders()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync();
        await bot.CommandAsync("resolve");
        await bot.CommandAsync("close");

        var regenerated = await bot.InThreadAsync(id, "postmortem");
        var done = await bot.CommandAsync("postmortem INC-1 done https://wiki.example.com/pm/1");
        var again = await bot.InThreadAsync(id, "postmortem done");

        Assert.Equal(InboundResult.Accepted, regenerated.Result);
        Assert.IsType<UploadFile>(bot.Store.Intents(id)[^2]);
        Assert.Equal("Postmortem of INC-1 recorded as done; no more reminders.", done.Reply!.ToPlainText());
        Assert.Equal((bot.Now, "https://wiki.example.com/pm/1"), (bot.Get(id).PostmortemDoneAt, bot.Get(id).PostmortemLink));
        Assert.Null(bot.Get(id).NextReminderAt);
        Assert.Equal((InboundResult.Refused, "The postmortem of INC-1 is already marked done."), (again.Result, again.Reply!.ToPlainText()));
    }

    [Fact]
    public async Task List_shows_the_open_incidents_of_this_workspace_only()
    {
        var bot = new IncidentHarness();
        await bot.DeclareAsync("declare sev1 A");
        await bot.DeclareAsync("declare sev2 B", workspace: new WorkspaceId(Platform.Slack, "T0OTHER"));
        await bot.DeclareAsync("declare sev3 C");
        await bot.CommandAsync("resolve INC-3");
        await bot.CommandAsync("close INC-3");

        var outcome = await bot.CommandAsync("list");

        var text = outcome.Reply!.ToPlainText();
        Assert.StartsWith("1 open incident\nINC-1 [SEV1] A — Investigating — commander alice — declared ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("INC-2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("INC-3", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_with_nothing_open_says_so()
    {
        var bot = new IncidentHarness();

        var outcome = await bot.CommandAsync("list");

        Assert.Equal((InboundResult.Accepted, "No open incidents. 🎉"), (outcome.Result, outcome.Reply!.ToPlainText()));
    }

    [Fact]
    public async Task Help_replies_privately_and_records_nothing_but_its_key()
    {
        var bot = new IncidentHarness();

        var outcome = await bot.CommandAsync("help ack");

        Assert.Equal("`ack [INC-n]` — acknowledge (stops the ack reminders).", outcome.Reply!.ToPlainText());
        Assert.Empty(bot.Store.Outbox);
        Assert.Equal(0, bot.Store.TimelineCount);
    }
}
