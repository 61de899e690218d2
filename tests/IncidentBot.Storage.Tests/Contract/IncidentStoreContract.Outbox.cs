using Dapper;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Storage.Tests.Contract;

public abstract partial class IncidentStoreContract
{
    private static readonly MessageContent Rich = new(
        [
            new PlainText("Update: "), new BoldText("rolled back"), new CodeText("v1.2.3"), new UserMention("U2"),
            new EscalationMention(), new Timestamp(new DateTimeOffset(2026, 4, 18, 16, 53, 0, TimeSpan.FromHours(2)), TimestampStyle.Relative),
            new LineBreak(), new ThreadLink(), new PlainText("<!channel> & \"quotes\" ✅"),
        ],
        [ButtonAction.Acknowledge, ButtonAction.Close]);

    [Fact]
    public async Task Every_intent_reads_back_as_it_was_queued()
    {
        var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1", ThreadId = "TH1" });
        OutboundIntent[] intents =
        [
            new PostRootMessage(),
            new OpenThread(),
            new PostThreadMessage(Rich),
            new UploadFile("INC-1-postmortem.md", "Postmortem draft", "# Postmortem\n| a | b |", MessageContent.Plain("draft")),
            new AddReaction("1713450240.000200", "white_check_mark"),
            new ReplyToRequester("https://hooks.slack.test/response/1", Rich),
        ];
        await EnqueueAsync(incident.Id, intents);

        var read = new List<OutboundIntent>();
        while (await Store.GetDeliverableAsync(T0, 10, Ct) is [var next, ..])
        {
            read.Add(next.Intent);
            await Store.MarkDeliveredAsync(next.Id, T0, Ct);
        }

        Assert.Equal(intents.Length, read.Count);
        foreach (var (expected, actual) in intents.Zip(read))
        {
            AssertSameIntent(expected, actual);
        }
    }

    [Fact]
    public async Task The_oldest_pending_message_is_reported_until_the_outbox_drains()
    {
        var incident = await DeclareAsync(SlackA);
        Assert.Null(await Store.GetOldestPendingOutboxAsync(Ct));
        await EnqueueAsync(incident.Id, new PostRootMessage());
        await using (var later = await Store.BeginAsync(Ct))
        {
            await later.EnqueueAsync(incident.Id, new OpenThread(), T0 + TimeSpan.FromMinutes(1), Ct);
            await later.CommitAsync(Ct);
        }

        var oldest = await Store.GetOldestPendingOutboxAsync(Ct);
        var root = Assert.Single(await Store.GetDeliverableAsync(T0, 10, Ct));
        await Store.MarkDeliveredAsync(root.Id, T0, Ct);
        var afterRoot = await Store.GetOldestPendingOutboxAsync(Ct);

        Assert.Equal(T0, oldest);
        Assert.Equal(T0 + TimeSpan.FromMinutes(1), afterRoot);
    }

    [Fact]
    public async Task Before_the_root_is_posted_only_the_root_message_can_leave()
    {
        var incident = await DeclareAsync(SlackA);
        await EnqueueAsync(incident.Id, new PostRootMessage(), new OpenThread(), new PostThreadMessage(MessageContent.Plain("welcome")), new EditRootMessage());

        var first = await Store.GetDeliverableAsync(T0, 10, Ct);

        var root = Assert.Single(first);
        Assert.IsType<PostRootMessage>(root.Intent);
        Assert.Equal(incident.Id, root.IncidentId);
        Assert.Equal(T0, root.CreatedAt);
        Assert.Equal(0, root.Attempts);

        await Store.MarkDeliveredAsync(root.Id, T0, Ct);
        Assert.Empty(await Store.GetDeliverableAsync(T0, 10, Ct));
    }

    [Fact]
    public async Task The_thread_opens_once_the_root_is_set_and_thread_messages_wait_for_the_thread()
    {
        var incident = await DeclareAsync(SlackA);
        await EnqueueAsync(incident.Id, new PostRootMessage(), new OpenThread(), new PostThreadMessage(MessageContent.Plain("welcome")));
        var root = Assert.Single(await Store.GetDeliverableAsync(T0, 10, Ct));
        await Store.SetRootMessageAsync(incident.Id, "R1", Ct);
        await Store.MarkDeliveredAsync(root.Id, T0, Ct);

        var open = Assert.Single(await Store.GetDeliverableAsync(T0, 10, Ct));
        Assert.IsType<OpenThread>(open.Intent);

        // Delivered but the thread id not stored yet (a crash in between): the welcome must still wait.
        await Store.MarkDeliveredAsync(open.Id, T0, Ct);
        Assert.Empty(await Store.GetDeliverableAsync(T0, 10, Ct));

        await Store.SetThreadAsync(incident.Id, "TH1", Ct);
        Assert.IsType<PostThreadMessage>(Assert.Single(await Store.GetDeliverableAsync(T0, 10, Ct)).Intent);
    }

    [Fact]
    public async Task Messages_of_one_incident_leave_one_at_a_time_in_queue_order()
    {
        var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1", ThreadId = "TH1" });
        await EnqueueAsync(incident.Id, [.. Enumerable.Range(1, 4).Select(n => new PostThreadMessage(MessageContent.Plain($"m{n}")))]);

        var texts = new List<string>();
        while ((await Store.GetDeliverableAsync(T0, 10, Ct)) is [var only])
        {
            texts.Add(((PostThreadMessage)only.Intent).Content.ToPlainText());
            await Store.MarkDeliveredAsync(only.Id, T0, Ct);
        }

        Assert.Equal(["m1", "m2", "m3", "m4"], texts);
        Assert.Equal(0, await Store.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task An_incident_waiting_for_its_root_does_not_hold_up_another()
    {
        var waiting = await DeclareAsync(SlackA);
        var ready = await DeclareAsync(DiscordA, i => i with { RootMessageId = "R2", ThreadId = "TH2" });
        await EnqueueAsync(waiting.Id, new OpenThread(), new PostThreadMessage(MessageContent.Plain("stuck")));
        await EnqueueAsync(ready.Id, new PostThreadMessage(MessageContent.Plain("go")), new PostThreadMessage(MessageContent.Plain("later")));

        var deliverable = await Store.GetDeliverableAsync(T0, 10, Ct);

        var message = Assert.Single(deliverable);
        Assert.Equal(ready.Id, message.IncidentId);
        Assert.Equal("go", ((PostThreadMessage)message.Intent).Content.ToPlainText());
    }

    [Fact]
    public async Task Pending_edits_coalesce_into_the_newest_beside_the_queue_head()
    {
        var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1", ThreadId = "TH1" });
        await EnqueueAsync(incident.Id, new EditRootMessage(), new PostThreadMessage(MessageContent.Plain("update")), new EditRootMessage(), new EditRootMessage());

        var deliverable = await Store.GetDeliverableAsync(T0, 10, Ct);

        Assert.Equal(2, deliverable.Count);
        Assert.IsType<PostThreadMessage>(deliverable[0].Intent);
        var edit = deliverable[1];
        Assert.IsType<EditRootMessage>(edit.Intent);
        Assert.Equal(deliverable.Max(m => m.Id), edit.Id);

        await Store.MarkEditsDeliveredAsync(incident.Id, edit.Id, T0, Ct);
        await EnqueueAsync(incident.Id, new EditRootMessage());
        var after = await Store.GetDeliverableAsync(T0, 10, Ct);

        Assert.Equal(2, after.Count);
        Assert.True(after[1].Id > edit.Id);
        Assert.Equal(2, await Store.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task Marking_edits_delivered_up_to_an_id_leaves_newer_edits_and_other_incidents_pending()
    {
        var first = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1" });
        var second = await DeclareAsync(SlackA, i => i with { RootMessageId = "R2" });
        await EnqueueAsync(first.Id, new EditRootMessage(), new EditRootMessage());
        await EnqueueAsync(second.Id, new EditRootMessage());
        var upTo = (await Store.GetDeliverableAsync(T0, 10, Ct)).Single(m => m.IncidentId == first.Id).Id;
        await EnqueueAsync(first.Id, new EditRootMessage());

        await Store.MarkEditsDeliveredAsync(first.Id, upTo, T0, Ct);

        var pending = await Store.GetDeliverableAsync(T0, 10, Ct);
        Assert.Equal([second.Id, first.Id], pending.Select(m => m.IncidentId));
        Assert.True(pending[1].Id > upTo);
        Assert.Equal(2, await Store.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task Delivering_or_failing_one_edit_finishes_the_older_edits_it_stood_for()
    {
        var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1" });
        await EnqueueAsync(incident.Id, new EditRootMessage(), new EditRootMessage());
        var delivered = Assert.Single(await Store.GetDeliverableAsync(T0, 10, Ct));
        await Store.MarkDeliveredAsync(delivered.Id, T0, Ct);
        Assert.Empty(await Store.GetDeliverableAsync(T0, 10, Ct));

        await EnqueueAsync(incident.Id, new EditRootMessage(), new EditRootMessage());
        var refused = Assert.Single(await Store.GetDeliverableAsync(T0, 10, Ct));
        await Store.MarkFailedAsync(refused.Id, T0, "message_not_found", Ct);

        Assert.Empty(await Store.GetDeliverableAsync(T0, 10, Ct));
        Assert.Equal(0, await Store.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task Edits_wait_for_the_root_message()
    {
        var incident = await DeclareAsync(SlackA);
        await EnqueueAsync(incident.Id, new EditRootMessage());
        Assert.Empty(await Store.GetDeliverableAsync(T0, 10, Ct));
        Assert.Null(await Store.GetNextOutboxAttemptAsync(Ct));

        await Store.SetRootMessageAsync(incident.Id, "R1", Ct);

        Assert.IsType<EditRootMessage>(Assert.Single(await Store.GetDeliverableAsync(T0, 10, Ct)).Intent);
    }

    [Fact]
    public async Task A_deferred_edit_is_not_overtaken_by_a_newer_one_and_counts_no_attempt()
    {
        var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1" });
        await EnqueueAsync(incident.Id, new EditRootMessage());
        var edit = Assert.Single(await Store.GetDeliverableAsync(T0, 10, Ct));
        await Store.DeferAsync(edit.Id, T0.AddSeconds(5), Ct);
        await EnqueueAsync(incident.Id, new EditRootMessage());

        Assert.Empty(await Store.GetDeliverableAsync(T0.AddSeconds(4), 10, Ct));
        Assert.Equal(T0.AddSeconds(5), await Store.GetNextOutboxAttemptAsync(Ct));

        var due = Assert.Single(await Store.GetDeliverableAsync(T0.AddSeconds(5), 10, Ct));
        Assert.True(due.Id > edit.Id);
        Assert.Equal(0, due.Attempts);
        await Store.MarkEditsDeliveredAsync(incident.Id, due.Id, T0.AddSeconds(5), Ct);
        Assert.Equal(0, await Store.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task A_rescheduled_message_waits_for_its_time_counts_the_attempt_and_keeps_the_reason()
    {
        var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1", ThreadId = "TH1" });
        await EnqueueAsync(incident.Id, new PostThreadMessage(MessageContent.Plain("first")), new PostThreadMessage(MessageContent.Plain("second")));
        var first = Assert.Single(await Store.GetDeliverableAsync(T0, 10, Ct));

        await Store.RescheduleAsync(first.Id, T0.AddSeconds(30), "HTTP 503", Ct);
        await Store.RescheduleAsync(first.Id, T0.AddSeconds(60), "HTTP 429", Ct);

        Assert.Empty(await Store.GetDeliverableAsync(T0.AddSeconds(59), 10, Ct));
        Assert.Equal(T0.AddSeconds(60), await Store.GetNextOutboxAttemptAsync(Ct));
        var retried = Assert.Single(await Store.GetDeliverableAsync(T0.AddSeconds(60), 10, Ct));
        Assert.Equal(first.Id, retried.Id);
        Assert.Equal(2, retried.Attempts);
        Assert.Equal("HTTP 429", retried.LastError);
        Assert.Equal(T0.AddSeconds(60), retried.NextAttemptAt);
    }

    [Fact]
    public async Task A_failed_message_is_kept_but_no_longer_holds_up_its_incident()
    {
        var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1", ThreadId = "TH1" });
        await EnqueueAsync(incident.Id, new AddReaction("M1", "white_check_mark"), new PostThreadMessage(MessageContent.Plain("next")));
        var refused = Assert.Single(await Store.GetDeliverableAsync(T0, 10, Ct));

        await Store.MarkFailedAsync(refused.Id, T0.AddSeconds(1), "message_not_found", Ct);

        var next = Assert.Single(await Store.GetDeliverableAsync(T0, 10, Ct));
        Assert.IsType<PostThreadMessage>(next.Intent);
        Assert.Equal(1, await Store.CountPendingOutboxAsync(Ct));
        await using var connection = await OpenRawAsync(Ct);
        var row = await connection.QuerySingleAsync<(string State, string LastError)>(
            "SELECT state, last_error FROM outbox WHERE id = @Id", new { refused.Id });
        Assert.Equal(("failed", "message_not_found"), row);
    }

    [Fact]
    public async Task An_unreadable_queued_message_is_marked_failed_instead_of_blocking_the_queue()
    {
        var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1", ThreadId = "TH1" });
        await EnqueueAsync(incident.Id, new PostThreadMessage(MessageContent.Plain("broken")), new PostThreadMessage(MessageContent.Plain("fine")));
        await using (var connection = await OpenRawAsync(Ct))
        {
            await connection.ExecuteAsync("UPDATE outbox SET intent = '{\"$type\":\"from_the_future\"}' WHERE id = (SELECT MIN(id) FROM outbox)");
        }

        Assert.Empty(await Store.GetDeliverableAsync(T0, 10, Ct));
        var next = Assert.Single(await Store.GetDeliverableAsync(T0, 10, Ct));

        Assert.Equal("fine", ((PostThreadMessage)next.Intent).Content.ToPlainText());
        Assert.Equal(1, await Store.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task The_next_outbox_attempt_is_the_earliest_parked_message_that_could_leave()
    {
        Assert.Null(await Store.GetNextOutboxAttemptAsync(Ct));
        var blocked = await DeclareAsync(SlackA);
        var ready = await DeclareAsync(SlackB, i => i with { RootMessageId = "R1", ThreadId = "TH1" });
        await EnqueueAsync(blocked.Id, new OpenThread());
        Assert.Null(await Store.GetNextOutboxAttemptAsync(Ct));

        await EnqueueAsync(ready.Id, new PostThreadMessage(MessageContent.Plain("a")));
        var message = Assert.Single(await Store.GetDeliverableAsync(T0, 10, Ct));
        Assert.Equal(T0, await Store.GetNextOutboxAttemptAsync(Ct));

        await Store.RescheduleAsync(message.Id, T0.AddMinutes(2), "timeout", Ct);

        Assert.Equal(T0.AddMinutes(2), await Store.GetNextOutboxAttemptAsync(Ct));
    }

    [Fact]
    public async Task The_deliverable_list_is_oldest_first_and_honours_the_limit()
    {
        var ids = new List<IncidentId>();
        for (var n = 0; n < 5; n++)
        {
            var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = $"R{n}", ThreadId = $"TH{n}" });
            await EnqueueAsync(incident.Id, new PostThreadMessage(MessageContent.Plain($"m{n}")));
            ids.Add(incident.Id);
        }

        var three = await Store.GetDeliverableAsync(T0, 3, Ct);

        Assert.Equal(ids.Take(3), three.Select(m => m.IncidentId));
    }

    private static void AssertSameIntent(OutboundIntent expected, OutboundIntent actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        switch (expected, actual)
        {
            case (PostThreadMessage e, PostThreadMessage a):
                AssertSameContent(e.Content, a.Content);
                break;
            case (UploadFile e, UploadFile a):
                Assert.Equal((e.FileName, e.Title, e.Content), (a.FileName, a.Title, a.Content));
                AssertSameContent(e.Comment, a.Comment);
                break;
            case (ReplyToRequester e, ReplyToRequester a):
                Assert.Equal(e.ReplyHandle, a.ReplyHandle);
                AssertSameContent(e.Content, a.Content);
                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }

    private static void AssertSameContent(MessageContent expected, MessageContent actual)
    {
        Assert.Equal(expected.Inlines, actual.Inlines);
        Assert.Equal(expected.Buttons, actual.Buttons);
    }
}
