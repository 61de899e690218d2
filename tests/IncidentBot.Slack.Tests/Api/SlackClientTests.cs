using System.Diagnostics.Metrics;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.StatusDocs;
using IncidentBot.Slack.Api;
using IncidentBot.Slack.Outbound;
using IncidentBot.Slack.Tests.Infrastructure;
using IncidentBot.Testing.Fakes.Slack;

namespace IncidentBot.Slack.Tests.Api;

/// <summary>The Web API client and the outbound port against the fake Slack, on a fake clock.</summary>
public sealed class SlackClientTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackTestHost _host = null!;

    private SlackApiClient Api => _host.Get<SlackApiClient>();

    private SlackChatPlatform Platform => _host.Get<SlackChatPlatform>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _host = await SlackTestHost.StartAsync(_slack);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private static Incident Incident(string? root = null) => new()
    {
        Id = new IncidentId(42),
        Workspace = new WorkspaceId(Core.Incidents.Platform.Slack, FakeSlack.TeamId),
        ChannelId = SlackPayloads.Channel,
        RootMessageId = root,
        ThreadId = root,
        Title = "Checkout <!channel> down",
        Severity = Severity.Sev1,
        Commander = new UserRef("U0JENS", "jens"),
        DeclaredBy = new UserRef("U0JENS", "jens"),
        DeclaredAt = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero),
    };

    /// <summary>A first attempt, unless told otherwise; every delivery has its own key.</summary>
    private static Delivery Delivery(string? key = null, int attempt = 1) =>
        new(key ?? $"INC-42.{Guid.NewGuid():N}", attempt, new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    private static StatusDoc Doc(Incident incident) =>
        new(incident.Id, incident.Label, incident.Severity, incident.Status, incident.DeclaredAt, null, null, null,
            incident.Commander, null, null, null, null, [], [ButtonAction.Acknowledge]);

    private async Task<Incident> PostedIncidentAsync()
    {
        var incident = Incident();
        var root = await Platform.PostRootAsync(incident, Doc(incident), Delivery("INC-42.1"), Ct);
        return incident with { RootMessageId = root.MessageId, ThreadId = root.MessageId };
    }

    [Fact]
    public async Task The_status_doc_is_posted_once_then_edited_in_place()
    {
        var incident = await PostedIncidentAsync();

        await Platform.EditRootAsync(incident, Doc(incident) with { Status = IncidentStatus.Identified }, Ct);

        var root = Assert.Single(_slack.Messages);
        Assert.Equal(incident.RootMessageId, root.Ts);
        Assert.Equal(1, root.Updates);
        Assert.Contains("Identified", root.AllText, StringComparison.Ordinal);
        Assert.Equal(incident.RootMessageId, await Platform.OpenThreadAsync(incident, Ct));
    }

    [Fact]
    public async Task Json_methods_send_json_with_bearer_auth_and_read_methods_send_a_form()
    {
        _slack.AddUser("U0JENS", "Jens");
        var incident = await PostedIncidentAsync();
        var user = await Api.UserInfoAsync("U0JENS", Ct);

        var post = Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.StartsWith("application/json", post.ContentType, StringComparison.Ordinal);
        Assert.Equal($"Bearer {FakeSlack.BotToken}", post.Authorization);
        Assert.Equal(SlackPayloads.Channel, post.Arg("channel"));
        var info = _slack.AttemptsOf("users.info").Single();
        Assert.StartsWith("application/x-www-form-urlencoded", info.ContentType, StringComparison.Ordinal);
        Assert.Equal($"Bearer {FakeSlack.BotToken}", info.Authorization);
        Assert.Equal("U0JENS", info.Arg("user"));
        Assert.NotNull(incident.RootMessageId);
        Assert.Equal("Jens", user.Profile?.DisplayName);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_on_the_clock_then_sent_once_more()
    {
        var incident = await PostedIncidentAsync();
        _slack.Fail("chat.update", FakeSlackFault.RateLimited(2));

        var edit = Platform.EditRootAsync(incident, Doc(incident), Ct);
        Assert.True(await Poll.UntilAsync(() => _slack.AttemptsOf("chat.update").Count == 1));
        // Longer than Retry-After in real time: only the injected clock may release the retry.
        await Task.Delay(TimeSpan.FromMilliseconds(2500), TimeProvider.System, Ct);
        Assert.False(edit.IsCompleted, "the retry waits for Retry-After on the injected clock");

        Assert.True(await Poll.AdvancingUntilAsync(_host.Time, TimeSpan.FromMilliseconds(500), () => edit.IsCompleted));

        await edit;
        Assert.Equal(2, _slack.AttemptsOf("chat.update").Count);
        Assert.Equal(1, _slack.Messages[0].Updates);
        var gap = _slack.AttemptsOf("chat.update")[1].ReceivedAt - _slack.AttemptsOf("chat.update")[0].ReceivedAt;
        Assert.True(gap > TimeSpan.FromMilliseconds(50), "the second attempt came only after the clock moved");
    }

    [Fact]
    public async Task A_long_retry_after_goes_back_to_the_outbox_and_pauses_only_that_method()
    {
        var incident = await PostedIncidentAsync();
        _slack.Fail("chat.update", FakeSlackFault.RateLimited(30));

        var first = await Assert.ThrowsAsync<PlatformUnavailableException>(() => Platform.EditRootAsync(incident, Doc(incident), Ct));
        var second = await Assert.ThrowsAsync<PlatformUnavailableException>(() => Platform.EditRootAsync(incident, Doc(incident), Ct));
        await Platform.PostInThreadAsync(incident, MessageContent.Plain("still posting"), Delivery(), Ct);

        Assert.Equal(TimeSpan.FromSeconds(30), first.RetryAfter);
        Assert.NotNull(second.RetryAfter);
        Assert.Single(_slack.AttemptsOf("chat.update"));
        Assert.Equal(2, _slack.CallsTo("chat.postMessage").Count);
    }

    [Fact]
    public async Task A_5xx_on_post_message_is_not_repeated_because_slack_may_have_posted()
    {
        var incident = await PostedIncidentAsync();
        _slack.Fail("chat.postMessage", FakeSlackFault.ServerError(503));

        await Assert.ThrowsAsync<PlatformUnavailableException>(() => Platform.PostInThreadAsync(incident, MessageContent.Plain("x"), Delivery(), Ct));

        Assert.Equal(2, _slack.AttemptsOf("chat.postMessage").Count);
        Assert.Single(_slack.Messages);
    }

    [Fact]
    public async Task A_post_carries_its_delivery_key_as_message_metadata()
    {
        var incident = await PostedIncidentAsync();

        await Platform.PostInThreadAsync(incident, MessageContent.Plain("rolled back"), Delivery("INC-42.7"), Ct);

        var metadata = _slack.CallsTo("chat.postMessage")[^1].Json!["metadata"]!;
        Assert.Equal("incidentbot_delivery", metadata["event_type"]!.GetValue<string>());
        Assert.Equal("INC-42.7", metadata["event_payload"]!["key"]!.GetValue<string>());
        Assert.Empty(_slack.CallsTo("conversations.replies"));
    }

    [Fact]
    public async Task A_thread_post_whose_answer_was_a_5xx_after_slack_posted_is_not_posted_again_on_retry()
    {
        var incident = await PostedIncidentAsync();
        _slack.Fail("chat.postMessage", FakeSlackFault.LostAnswer());
        await Assert.ThrowsAsync<PlatformUnavailableException>(() =>
            Platform.PostInThreadAsync(incident, MessageContent.Plain("rolled back"), Delivery("INC-42.8"), Ct));

        await Platform.PostInThreadAsync(incident, MessageContent.Plain("rolled back"), Delivery("INC-42.8", attempt: 2), Ct);

        Assert.Single(_slack.Messages, m => m.ThreadTs == incident.ThreadId);
        var lookup = Assert.Single(_slack.CallsTo("conversations.replies"));
        Assert.Equal(("true", incident.ThreadId), (lookup.Arg("include_all_metadata"), lookup.Arg("ts")));
        Assert.Equal("1767603300.000000", lookup.Arg("oldest"));
    }

    [Fact]
    public async Task A_retried_thread_post_that_never_reached_slack_is_posted_once()
    {
        var incident = await PostedIncidentAsync();
        _slack.Fail("chat.postMessage", FakeSlackFault.ServerError(503));
        await Assert.ThrowsAsync<PlatformUnavailableException>(() =>
            Platform.PostInThreadAsync(incident, MessageContent.Plain("rolled back"), Delivery("INC-42.9"), Ct));

        await Platform.PostInThreadAsync(incident, MessageContent.Plain("rolled back"), Delivery("INC-42.9", attempt: 2), Ct);

        Assert.Single(_slack.Messages, m => m.ThreadTs == incident.ThreadId);
    }

    [Fact]
    public async Task A_retry_that_may_not_read_the_channel_still_posts()
    {
        var incident = await PostedIncidentAsync();
        _slack.Fail("conversations.replies", FakeSlackFault.NotOk("not_in_channel"));

        await Platform.PostInThreadAsync(incident, MessageContent.Plain("rolled back"), Delivery("INC-42.10", attempt: 2), Ct);

        Assert.Single(_slack.Messages, m => m.ThreadTs == incident.ThreadId);
    }

    [Fact]
    public async Task A_status_doc_whose_answer_was_lost_is_found_in_the_channel_not_posted_twice()
    {
        var incident = Incident();
        _slack.Fail("chat.postMessage", FakeSlackFault.LostAnswer(502));
        await Assert.ThrowsAsync<PlatformUnavailableException>(() => Platform.PostRootAsync(incident, Doc(incident), Delivery("INC-42.1"), Ct));

        var root = await Platform.PostRootAsync(incident, Doc(incident), Delivery("INC-42.1", attempt: 2), Ct);

        Assert.Equal(Assert.Single(_slack.Messages).Ts, root.MessageId);
        Assert.Equal("true", Assert.Single(_slack.CallsTo("conversations.history")).Arg("include_all_metadata"));
    }

    [Fact]
    public async Task A_5xx_on_a_safe_call_is_retried_with_backoff()
    {
        var incident = await PostedIncidentAsync();
        _slack.Fail("chat.update", FakeSlackFault.ServerError(500), FakeSlackFault.ServerError(502));

        var edit = Platform.EditRootAsync(incident, Doc(incident), Ct);
        Assert.True(await Poll.AdvancingUntilAsync(_host.Time, TimeSpan.FromMilliseconds(500), () => edit.IsCompleted));

        await edit;
        Assert.Equal(3, _slack.AttemptsOf("chat.update").Count);
    }

    [Fact]
    public async Task A_safe_call_that_keeps_failing_gives_up_after_the_budget()
    {
        var incident = await PostedIncidentAsync();
        _slack.Fail("chat.update", Enumerable.Repeat(FakeSlackFault.ServerError(503), 10).ToArray());

        var edit = Platform.EditRootAsync(incident, Doc(incident), Ct);
        Assert.True(await Poll.AdvancingUntilAsync(_host.Time, TimeSpan.FromSeconds(1), () => edit.IsCompleted));

        await Assert.ThrowsAsync<PlatformUnavailableException>(() => edit);
        Assert.Equal(1 + SlackRetryPolicy.MaxRetries, _slack.AttemptsOf("chat.update").Count);
    }

    [Theory]
    [InlineData("channel_not_found", false)]
    [InlineData("not_in_channel", false)]
    [InlineData("internal_error", true)]
    [InlineData("ratelimited", true)]
    public async Task Ok_false_becomes_a_typed_error_then_rejected_or_unavailable(string error, bool transient)
    {
        var incident = await PostedIncidentAsync();
        _slack.Fail("chat.postMessage", FakeSlackFault.NotOk(error));

        var thrown = await Record.ExceptionAsync(() => Platform.PostInThreadAsync(incident, MessageContent.Plain("x"), Delivery(), Ct));

        Assert.IsType(transient ? typeof(PlatformUnavailableException) : typeof(PlatformRejectedException), thrown);
        var api = Assert.IsType<SlackApiException>(thrown!.InnerException);
        Assert.Equal(("chat.postMessage", error), (api.Method, api.Error));
    }

    [Fact]
    public async Task A_thread_is_read_across_pages_by_cursor()
    {
        var incident = await PostedIncidentAsync();
        var replies = Enumerable.Range(1, 5).Select(i => _slack.AddHumanReply(SlackPayloads.Channel, incident.RootMessageId!, "U0JENS", $"reply {i}")).ToList();
        _slack.RepliesPageSize = 2;

        var thread = await Api.RepliesAsync(SlackPayloads.Channel, incident.RootMessageId!, null, Ct);

        Assert.Equal([incident.RootMessageId!, .. replies], thread.Select(m => m.Ts!));
        var calls = _slack.CallsTo("conversations.replies");
        Assert.Equal(3, calls.Count);
        Assert.Equal([null, "next:2", "next:4"], calls.Select(c => c.Arg("cursor")));
    }

    [Fact]
    public async Task The_postmortem_file_is_uploaded_into_the_thread_without_the_bot_token_on_the_upload_url()
    {
        var incident = await PostedIncidentAsync();

        await Platform.UploadFileAsync(incident, new UploadFile("INC-42-postmortem.md", "Postmortem INC-42", "# Postmortem — [SEV1] x\n",
            MessageContent.Plain("Draft attached")), Delivery(), Ct);

        var file = Assert.Single(_slack.Files);
        Assert.Equal(("Postmortem INC-42", SlackPayloads.Channel, incident.RootMessageId), (file.Title, file.Channel, file.ThreadTs));
        Assert.Equal("# Postmortem — [SEV1] x\n", file.Content);
        Assert.Equal("Draft attached", file.InitialComment);
        Assert.Equal(string.Empty, Assert.Single(_slack.AttemptsOf("upload")).Authorization);
        Assert.Equal("INC-42-postmortem.md", _slack.CallsTo("files.getUploadURLExternal")[0].Arg("filename"));
    }

    [Fact]
    public async Task A_reaction_is_added_by_its_configured_slack_name_and_a_repeat_is_harmless()
    {
        var incident = await PostedIncidentAsync();

        await Platform.AddReactionAsync(incident, "1767600100.000200", Reaction.Confirmed, Ct);
        await Platform.AddReactionAsync(incident, "1767600100.000200", Reaction.Confirmed, Ct);

        Assert.Equal(new FakeSlackReaction(SlackPayloads.Channel, "1767600100.000200", "white_check_mark"), Assert.Single(_slack.Reactions));
    }

    [Fact]
    public async Task A_reply_through_response_url_is_private_and_carries_no_token()
    {
        var incident = await PostedIncidentAsync();

        await Platform.ReplyAsync(incident, _slack.ResponseUrl("cmd-1").ToString(), new MessageBuilder().Text("INC-42 is open: ").Thread().Build(), Ct);

        var reply = Assert.Single(_slack.Ephemerals);
        Assert.Equal("cmd-1", reply.ResponseUrlId);
        Assert.Equal("ephemeral", reply.Body["response_type"]!.GetValue<string>());
        Assert.StartsWith("INC-42 is open: <https://fake.slack.com/archives/", reply.Text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, Assert.Single(_slack.AttemptsOf("response_url")).Authorization);
    }

    [Fact]
    public async Task A_reply_to_a_mention_is_an_ephemeral_message_in_its_thread()
    {
        var incident = await PostedIncidentAsync();

        await Platform.ReplyAsync(incident, $"ephemeral:{SlackPayloads.Channel}:U0JENS:{incident.RootMessageId}", MessageContent.Plain("ok"), Ct);

        var reply = Assert.Single(_slack.Ephemerals);
        Assert.Equal((SlackPayloads.Channel, "U0JENS", incident.RootMessageId), (reply.Channel, reply.User, reply.ThreadTs));
    }

    [Fact]
    public async Task Calls_are_counted_by_method_and_status()
    {
        var seen = new List<(string Method, string Status)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PlatformMetrics.MeterName && instrument.Name == "incidentbot.platform.api.calls")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var map = tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString());
            lock (seen)
            {
                seen.Add((map["method"]!, map["status"]!));
            }
        });
        listener.Start();
        var incident = await PostedIncidentAsync();
        _slack.Fail("chat.postMessage", FakeSlackFault.NotOk("channel_not_found"));

        await Assert.ThrowsAsync<PlatformRejectedException>(() => Platform.PostInThreadAsync(incident, MessageContent.Plain("x"), Delivery(), Ct));

        lock (seen)
        {
            Assert.Contains(("chat.postMessage", "200"), seen);
            Assert.Contains(("chat.postMessage", "channel_not_found"), seen);
        }
    }
}
