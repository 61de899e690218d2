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
            new AddReaction("1713450240.000200", Reaction.Confirmed),
            new ReplyToRequester("https://hooks.slack.test/response/1", Rich),
        ];
        await EnqueueAsync(incident.Id, intents);

        var read = new List<OutboxMessage>();
        for (var pass = 0; pass < 10 && await ClaimAsync(T0) is { Count: > 0 } claimed; pass++)
        {
            foreach (var message in claimed)
            {
                read.Add(message);
                await Outbox.MarkDeliveredAsync(message.Id, T0, Ct);
            }
        }

        Assert.Equal(intents.Length, read.Count);
        foreach (var (expected, actual) in intents.Zip(read.OrderBy(m => m.Id)))
        {
            AssertSameIntent(expected, actual.Intent);
        }
    }

    [Fact]
    public async Task The_oldest_pending_message_is_reported_until_the_outbox_drains()
    {
        var incident = await DeclareAsync(SlackA);
        Assert.Null(await Health.GetOldestPendingOutboxAsync(Ct));
        await EnqueueAsync(incident.Id, new PostRootMessage());
        await using (var later = await Store.BeginAsync(Ct))
        {
            await later.EnqueueAsync(incident.Id, new OpenThread(), T0 + TimeSpan.FromMinutes(1), Ct);
            await later.CommitAsync(Ct);
        }

        var oldest = await Health.GetOldestPendingOutboxAsync(Ct);
        var root = Assert.Single(await ClaimAsync(T0));
        await Outbox.MarkRootPostedAsync(root.Id, incident.Id, "R1", T0, Ct);
        var afterRoot = await Health.GetOldestPendingOutboxAsync(Ct);

        Assert.Equal(T0, oldest);
        Assert.Equal(T0 + TimeSpan.FromMinutes(1), afterRoot);
    }

    [Fact]
    public async Task Before_the_root_is_posted_only_the_root_message_can_leave()
    {
        var incident = await DeclareAsync(SlackA);
        await EnqueueAsync(incident.Id, new PostRootMessage(), new OpenThread(), new PostThreadMessage(MessageContent.Plain("welcome")), new EditRootMessage());

        var root = Assert.Single(await ClaimAsync(T0));

        Assert.IsType<PostRootMessage>(root.Intent);
        Assert.Equal(incident.Id, root.IncidentId);
        Assert.Equal(T0, root.CreatedAt);
        Assert.Equal(1, root.Attempts);
        Assert.Empty(await ClaimAsync(T0));
    }

    [Fact]
    public async Task The_root_and_the_thread_are_stored_with_their_messages_and_thread_messages_wait_for_the_thread()
    {
        var incident = await DeclareAsync(SlackA);
        await EnqueueAsync(incident.Id, new PostRootMessage(), new OpenThread(), new PostThreadMessage(MessageContent.Plain("welcome")));
        var root = Assert.Single(await ClaimAsync(T0));
        await Outbox.MarkRootPostedAsync(root.Id, incident.Id, "R1", T0, Ct);

        var open = Assert.Single(await ClaimAsync(T0));
        Assert.IsType<OpenThread>(open.Intent);
        Assert.Equal("R1", (await Reader.FindAsync(incident.Id, Ct))!.RootMessageId);
        await Outbox.MarkThreadOpenedAsync(open.Id, incident.Id, "TH1", T0, Ct);

        var welcome = Assert.Single(await ClaimAsync(T0));
        Assert.IsType<PostThreadMessage>(welcome.Intent);
        Assert.Equal("TH1", (await Reader.FindAsync(incident.Id, Ct))!.ThreadId);
    }

    [Fact]
    public async Task Messages_of_one_thread_lane_leave_one_at_a_time_in_queue_order()
    {
        var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1", ThreadId = "TH1" });
        await EnqueueAsync(incident.Id, [.. Enumerable.Range(1, 4).Select(n => new PostThreadMessage(MessageContent.Plain($"m{n}")))]);

        var texts = new List<string>();
        for (var pass = 0; pass < 10 && await ClaimAsync(T0) is [var only]; pass++)
        {
            texts.Add(((PostThreadMessage)only.Intent).Content.ToPlainText());
            await Outbox.MarkDeliveredAsync(only.Id, T0, Ct);
        }

        Assert.Equal(["m1", "m2", "m3", "m4"], texts);
        Assert.Equal(0, await Health.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task An_incident_waiting_for_its_root_does_not_hold_up_another()
    {
        var waiting = await DeclareAsync(SlackA);
        var ready = await DeclareAsync(DiscordA, i => i with { RootMessageId = "R2", ThreadId = "TH2" });
        await EnqueueAsync(waiting.Id, new OpenThread(), new PostThreadMessage(MessageContent.Plain("stuck")));
        await EnqueueAsync(ready.Id, new PostThreadMessage(MessageContent.Plain("go")), new PostThreadMessage(MessageContent.Plain("later")));

        var message = Assert.Single(await ClaimAsync(T0));

        Assert.Equal(ready.Id, message.IncidentId);
        Assert.Equal("go", ((PostThreadMessage)message.Intent).Content.ToPlainText());
    }

    [Fact]
    public async Task Pending_edits_coalesce_into_the_newest_beside_the_thread_lane()
    {
        var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1", ThreadId = "TH1" });
        await EnqueueAsync(incident.Id, new EditRootMessage(), new PostThreadMessage(MessageContent.Plain("update")), new EditRootMessage(), new EditRootMessage());
        Assert.Equal(2, await Health.CountPendingOutboxAsync(Ct));

        var claimed = await ClaimAsync(T0);

        Assert.Equal(2, claimed.Count);
        var edit = Assert.Single(claimed, m => m.Intent is EditRootMessage);
        Assert.IsType<PostThreadMessage>(Assert.Single(claimed, m => m.Id != edit.Id).Intent);

        await Outbox.MarkEditsDeliveredAsync(incident.Id, edit.Id, T0, Ct);
        await EnqueueAsync(incident.Id, new EditRootMessage());
        var after = Assert.Single(await ClaimAsync(T0));

        Assert.True(after.Id > edit.Id);
        Assert.Equal(2, await Health.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task A_burst_of_edits_waits_as_one_row_and_an_edit_queued_while_one_is_out_gets_its_own()
    {
        var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1" });
        await EnqueueAsync(incident.Id, new EditRootMessage(), new EditRootMessage(), new EditRootMessage());
        Assert.Equal(1, await Health.CountPendingOutboxAsync(Ct));

        var out1 = Assert.Single(await ClaimAsync(T0));
        await EnqueueAsync(incident.Id, new EditRootMessage(), new EditRootMessage());
        Assert.Equal(2, await Health.CountPendingOutboxAsync(Ct));

        // The claimed edit may render the state before the newer change, so the newer one is delivered after it.
        await Outbox.MarkDeliveredAsync(out1.Id, T0, Ct);
        var out2 = Assert.Single(await ClaimAsync(T0));
        Assert.True(out2.Id > out1.Id);
    }

    [Fact]
    public async Task A_status_doc_lane_is_held_while_its_edit_is_out_and_newer_edits_wait_for_it()
    {
        var first = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1" });
        var second = await DeclareAsync(SlackA, i => i with { RootMessageId = "R2" });
        await EnqueueAsync(first.Id, new EditRootMessage(), new EditRootMessage());
        await EnqueueAsync(second.Id, new EditRootMessage());
        var upTo = (await ClaimAsync(T0)).Single(m => m.IncidentId == first.Id).Id;
        await EnqueueAsync(first.Id, new EditRootMessage());
        Assert.Empty(await ClaimAsync(T0));

        await Outbox.MarkEditsDeliveredAsync(first.Id, upTo, T0, Ct);

        var newer = Assert.Single(await ClaimAsync(T0));
        Assert.Equal(first.Id, newer.IncidentId);
        Assert.True(newer.Id > upTo);
        Assert.Equal(2, await Health.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task Delivering_or_failing_one_edit_finishes_the_older_edits_it_stood_for()
    {
        var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1" });
        await EnqueueAsync(incident.Id, new EditRootMessage(), new EditRootMessage());
        var delivered = Assert.Single(await ClaimAsync(T0));
        await Outbox.MarkDeliveredAsync(delivered.Id, T0, Ct);
        Assert.Empty(await ClaimAsync(T0));

        await EnqueueAsync(incident.Id, new EditRootMessage(), new EditRootMessage());
        var refused = Assert.Single(await ClaimAsync(T0));
        await Outbox.MarkFailedAsync(refused.Id, T0, "message_not_found", Ct);

        Assert.Empty(await ClaimAsync(T0));
        Assert.Equal(0, await Health.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task Edits_wait_for_the_root_message()
    {
        var incident = await DeclareAsync(SlackA);
        await EnqueueAsync(incident.Id, new EditRootMessage());
        Assert.Empty(await ClaimAsync(T0));
        Assert.Null(await Outbox.GetNextDueAsync(T0, "me", Ct));

        await SetRootAndThreadAsync(incident.Id, "R1");

        Assert.IsType<EditRootMessage>(Assert.Single(await ClaimAsync(T0)).Intent);
    }

    [Fact]
    public async Task A_released_edit_is_not_overtaken_by_a_newer_one_and_its_attempt_is_taken_back()
    {
        var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1" });
        await EnqueueAsync(incident.Id, new EditRootMessage());
        var edit = Assert.Single(await ClaimAsync(T0));
        await Outbox.ReleaseAsync(edit.Id, T0.AddSeconds(5), Ct);
        await EnqueueAsync(incident.Id, new EditRootMessage());

        Assert.Empty(await ClaimAsync(T0.AddSeconds(4)));
        Assert.Equal(T0.AddSeconds(5), await Outbox.GetNextDueAsync(T0.AddSeconds(4), "me", Ct));

        // The newer edit joined the released one, which waits; it is claimed again with its first attempt only.
        var due = Assert.Single(await ClaimAsync(T0.AddSeconds(5)));
        Assert.Equal(edit.Id, due.Id);
        Assert.Equal(1, due.Attempts);

        await Outbox.MarkEditsDeliveredAsync(incident.Id, due.Id, T0.AddSeconds(5), Ct);
        Assert.Equal(0, await Health.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task Every_claim_counts_an_attempt_and_a_rescheduled_message_waits_for_its_time_with_the_reason()
    {
        var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1", ThreadId = "TH1" });
        await EnqueueAsync(incident.Id, new PostThreadMessage(MessageContent.Plain("first")), new PostThreadMessage(MessageContent.Plain("second")));
        var first = Assert.Single(await ClaimAsync(T0));
        Assert.Equal(1, first.Attempts);

        await Outbox.RescheduleAsync(first.Id, T0.AddSeconds(30), "HTTP 503", Ct);
        Assert.Equal(2, Assert.Single(await ClaimAsync(T0.AddSeconds(30))).Attempts);
        await Outbox.RescheduleAsync(first.Id, T0.AddSeconds(60), "HTTP 429", Ct);

        Assert.Empty(await ClaimAsync(T0.AddSeconds(59)));
        Assert.Equal(T0.AddSeconds(60), await Outbox.GetNextDueAsync(T0.AddSeconds(59), "me", Ct));
        var retried = Assert.Single(await ClaimAsync(T0.AddSeconds(60)));
        Assert.Equal(first.Id, retried.Id);
        Assert.Equal(3, retried.Attempts);
        Assert.Equal("HTTP 429", retried.LastError);
        Assert.Equal(T0.AddSeconds(60), retried.NextAttemptAt);
    }

    [Fact]
    public async Task A_failed_message_is_kept_but_no_longer_holds_up_its_lane()
    {
        var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1", ThreadId = "TH1" });
        await EnqueueAsync(incident.Id, new AddReaction("M1", Reaction.Confirmed), new PostThreadMessage(MessageContent.Plain("next")));
        var refused = Assert.Single(await ClaimAsync(T0));

        await Outbox.MarkFailedAsync(refused.Id, T0.AddSeconds(1), "message_not_found", Ct);

        var next = Assert.Single(await ClaimAsync(T0));
        Assert.IsType<PostThreadMessage>(next.Intent);
        Assert.Equal(1, await Health.CountPendingOutboxAsync(Ct));
        await using var connection = await OpenRawAsync(Ct);
        var row = await connection.QuerySingleAsync<(string State, string LastError)>(
            "SELECT state, last_error FROM outbox WHERE id = @Id", new { refused.Id });
        Assert.Equal(("failed", "message_not_found"), row);
    }

    [Fact]
    public async Task An_unreadable_queued_message_is_marked_failed_instead_of_blocking_its_lane()
    {
        var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1", ThreadId = "TH1" });
        await EnqueueAsync(incident.Id, new PostThreadMessage(MessageContent.Plain("broken")), new PostThreadMessage(MessageContent.Plain("fine")));
        await using (var connection = await OpenRawAsync(Ct))
        {
            await connection.ExecuteAsync("UPDATE outbox SET intent = '{\"$type\":\"from_the_future\"}' WHERE id = (SELECT MIN(id) FROM outbox)");
        }

        Assert.Empty(await ClaimAsync(T0));
        var next = Assert.Single(await ClaimAsync(T0));

        Assert.Equal("fine", ((PostThreadMessage)next.Intent).Content.ToPlainText());
        Assert.Equal(1, await Health.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task The_next_due_time_is_the_earliest_unclaimed_head_that_could_leave()
    {
        Assert.Null(await Outbox.GetNextDueAsync(T0, "me", Ct));
        var blocked = await DeclareAsync(SlackA);
        var ready = await DeclareAsync(SlackB, i => i with { RootMessageId = "R1", ThreadId = "TH1" });
        await EnqueueAsync(blocked.Id, new OpenThread());
        Assert.Null(await Outbox.GetNextDueAsync(T0, "me", Ct));

        await EnqueueAsync(ready.Id, new PostThreadMessage(MessageContent.Plain("a")));
        Assert.Equal(T0, await Outbox.GetNextDueAsync(T0, "me", Ct));
        var message = Assert.Single(await ClaimAsync(T0));
        Assert.Null(await Outbox.GetNextDueAsync(T0, "me", Ct));

        await Outbox.RescheduleAsync(message.Id, T0.AddMinutes(2), "timeout", Ct);

        Assert.Equal(T0.AddMinutes(2), await Outbox.GetNextDueAsync(T0, "me", Ct));
    }

    [Fact]
    public async Task A_claim_is_oldest_first_and_honours_the_limit()
    {
        var ids = new List<IncidentId>();
        for (var n = 0; n < 5; n++)
        {
            var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = $"R{n}", ThreadId = $"TH{n}" });
            await EnqueueAsync(incident.Id, new PostThreadMessage(MessageContent.Plain($"m{n}")));
            ids.Add(incident.Id);
        }

        var three = await ClaimAsync(T0, limit: 3);
        var rest = await ClaimAsync(T0, limit: 3);

        Assert.Equal(ids.Take(3), three.Select(m => m.IncidentId));
        Assert.Equal(ids.Skip(3), rest.Select(m => m.IncidentId));
    }

    [Fact]
    public async Task A_reply_is_a_lane_of_its_own_it_neither_waits_behind_the_thread_nor_holds_it_back()
    {
        var incident = await DeclareAsync(SlackA);
        await EnqueueAsync(
            incident.Id,
            new PostRootMessage(),
            new ReplyToRequester("https://hooks.slack.test/response/1", MessageContent.Plain("Recorded.")),
            new OpenThread());

        // Before the root exists: the root and the plain reply both leave.
        var first = await ClaimAsync(T0);
        Assert.Equal([typeof(PostRootMessage), typeof(ReplyToRequester)], first.Select(m => m.Intent.GetType()));

        // The reply keeps failing; the thread lane goes on without it.
        await Outbox.RescheduleAsync(first[1].Id, T0.AddMinutes(10), "connection refused", Ct);
        await Outbox.MarkRootPostedAsync(first[0].Id, incident.Id, "R1", T0, Ct);

        Assert.IsType<OpenThread>(Assert.Single(await ClaimAsync(T0.AddSeconds(1))).Intent);
    }

    [Fact]
    public async Task A_reply_that_links_to_the_thread_waits_for_the_thread()
    {
        var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1" });
        await EnqueueAsync(incident.Id, new ReplyToRequester("h", new MessageBuilder().Text("INC-1 is open: ").Thread().Build()));
        Assert.Empty(await ClaimAsync(T0));

        await SetRootAndThreadAsync(incident.Id, "R1", "TH1");

        Assert.IsType<ReplyToRequester>(Assert.Single(await ClaimAsync(T0)).Intent);
    }

    [Fact]
    public async Task Replies_have_their_own_budget_so_they_never_take_the_thread_lanes_slots()
    {
        var incident = await DeclareAsync(SlackA, i => i with { RootMessageId = "R1", ThreadId = "TH1" });
        await EnqueueAsync(incident.Id, [.. Enumerable.Range(0, 3).Select(n => new ReplyToRequester($"h{n}", MessageContent.Plain("r")))]);
        await EnqueueAsync(incident.Id, new PostThreadMessage(MessageContent.Plain("reminder")));

        var claimed = await ClaimAsync(T0, limit: 1, replies: 1);

        Assert.Equal([typeof(ReplyToRequester), typeof(PostThreadMessage)], claimed.Select(m => m.Intent.GetType()));
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
