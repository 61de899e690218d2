using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Slack.Tests.Infrastructure;
using IncidentBot.Testing.Fakes.Slack;

namespace IncidentBot.Slack.Tests.Http;

public sealed class SlackEndpointsTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _host = await SlackTestHost.StartAsync(_slack, extra: new Dictionary<string, string?> { ["Slack:IncidentsChannel"] = "C0INCIDENTS" });
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private Task<HttpResponseMessage> SendAsync(string path, string body, string contentType, string secret = SlackTestHost.SigningSecret,
        DateTimeOffset? signedAt = null, Action<HttpRequestMessage>? adjust = null)
    {
        var request = SlackSigner.Request(path, body, contentType, secret, signedAt ?? _host.Time.GetUtcNow());
        adjust?.Invoke(request);
        return _host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private Task<HttpResponseMessage> CommandAsync(string text, string trigger = "trig-1", string user = "U0JENS") =>
        SendAsync("/slack/commands", SlackPayloads.Form(SlackPayloads.SlashCommand(text, user, trigger, _slack.ResponseUrl("r1"))),
            "application/x-www-form-urlencoded");

    private Task<HttpResponseMessage> EventAsync(JsonObject inner, string eventId, Action<HttpRequestMessage>? adjust = null) =>
        SendAsync("/slack/events", SlackPayloads.EventCallback(inner, eventId).ToJsonString(), "application/json", adjust: adjust);

    private Task<HttpResponseMessage> InteractionAsync(JsonObject payload) =>
        SendAsync("/slack/interactivity", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");

    [Fact]
    public async Task A_forged_request_is_rejected_and_nothing_reaches_core()
    {
        var response = await SendAsync("/slack/commands", SlackPayloads.Form(SlackPayloads.SlashCommand("declare sev1 x", "U1", "t1")),
            "application/x-www-form-urlencoded", secret: "someone-elses-secret-value");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _host.Handler.Calls);
    }

    [Fact]
    public async Task A_request_signed_301_seconds_ago_is_rejected_and_nothing_reaches_core()
    {
        var response = await SendAsync("/slack/events", SlackPayloads.EventCallback(SlackPayloads.ThreadReply("U1", "hi", "2.0", "1.0"), "Ev1").ToJsonString(),
            "application/json", signedAt: _host.Time.GetUtcNow().AddSeconds(-301));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _host.Handler.Calls);
    }

    [Fact]
    public async Task A_replayed_request_is_rejected_once_the_window_passes_and_is_a_duplicate_inside_it()
    {
        var body = SlackPayloads.Form(SlackPayloads.SlashCommand("ack INC-1", "U1", "trig-replay"));
        var signedAt = _host.Time.GetUtcNow();

        var first = await SendAsync("/slack/commands", body, "application/x-www-form-urlencoded", signedAt: signedAt);
        var again = await SendAsync("/slack/commands", body, "application/x-www-form-urlencoded", signedAt: signedAt);
        _host.Time.Advance(TimeSpan.FromSeconds(301));
        var late = await SendAsync("/slack/commands", body, "application/x-www-form-urlencoded", signedAt: signedAt);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
        Assert.Equal(2, _host.Handler.Calls);
        Assert.Single(_host.Handler.Accepted);
    }

    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/events")]
    [InlineData("/slack/interactivity")]
    public async Task A_request_without_signature_headers_is_rejected(string path)
    {
        using var content = new StringContent("payload={}");
        var response = await _host.Client.PostAsync(path, content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _host.Handler.Calls);
    }

    [Fact]
    public async Task Url_verification_answers_the_challenge_in_plain_text()
    {
        var body = File.ReadAllText(Path.Combine("Fixtures", "events", "python-slack-events-api__url_challenge.json"));
        var challenge = JsonNode.Parse(body)!["challenge"]!.GetValue<string>();

        var response = await SendAsync("/slack/events", body, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(challenge, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Slacks_rate_limit_notice_is_acknowledged_and_nothing_reaches_core()
    {
        var body = File.ReadAllText(Path.Combine("Fixtures", "docs", "events", "app_rate_limited.json"));

        var response = await SendAsync("/slack/events", body, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, _host.Handler.Calls);
    }

    [Fact]
    public async Task An_ssl_check_is_confirmed_and_nothing_else()
    {
        var response = await SendAsync("/slack/commands", "ssl_check=1&token=abc", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, _host.Handler.Calls);
    }

    [Fact]
    public async Task A_slash_command_is_handed_to_core_and_answered_privately_at_once()
    {
        _host.Handler.Answer = _ => new InboundOutcome(InboundResult.Accepted, MessageContent.Plain("Declared INC-9 <b>"), new IncidentId(9));

        var response = await CommandAsync("declare sev1 Checkout &lt;down&gt; commander <@U0MARIA|maria>", trigger: "13345224609.738474920.8088930838d88f008e0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        var reply = JsonNode.Parse(bytes)!;
        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        Assert.Equal("Declared INC-9 &lt;b&gt;", reply["text"]!.GetValue<string>());
        var command = Assert.IsType<CommandInvoked>(Assert.Single(_host.Handler.Accepted));
        Assert.Equal("declare sev1 Checkout <down> commander <@U0MARIA|maria>", command.Text);
        Assert.Equal(new WorkspaceId(Platform.Slack, FakeSlack.TeamId), command.Context.Workspace);
        Assert.Equal("C0INCIDENTS", command.Context.ChannelId);
        Assert.Null(command.Context.ThreadId);
        Assert.Equal("U0JENS", command.Context.User.Id);
        Assert.Equal("cmd:13345224609.738474920.8088930838d88f008e0", command.Context.DedupKey);
        Assert.Equal("C0INCIDENTS", command.IncidentsChannelId);
        Assert.Equal(_slack.ResponseUrl("r1").ToString(), command.ReplyHandle);
        Assert.DoesNotContain(_slack.Calls, c => c.Method is not ("auth.test" or "users.info" or "conversations.info"));
    }

    [Fact]
    public async Task Declare_without_arguments_opens_the_declare_modal()
    {
        var response = await CommandAsync("declare", trigger: "trig-modal");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await Poll.UntilAsync(() => _slack.Views.Count == 1));
        var view = _slack.Views[0];
        Assert.Equal("trig-modal", view.TriggerId);
        Assert.Equal("declare", view.CallbackId);
        Assert.Equal("C0INCIDENTS", view.PrivateMetadata);
        Assert.Equal(0, _host.Handler.Calls);
    }

    [Fact]
    public async Task A_retried_event_changes_nothing()
    {
        var reply = SlackPayloads.ThreadReply("U0JENS", "rolled back", "1767600100.000200", "1767600000.000100");

        var first = await EventAsync(reply, "Ev01");
        var retry = await EventAsync(reply, "Ev01", r =>
        {
            r.Headers.Add("X-Slack-Retry-Num", "1");
            r.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(2, _host.Handler.Calls);
        var posted = Assert.IsType<ThreadMessagePosted>(Assert.Single(_host.Handler.Accepted));
        Assert.Equal("msg:C0INCIDENTS:1767600100.000200", posted.Context.DedupKey);
        Assert.Equal("1767600000.000100", posted.Context.ThreadId);
        Assert.Equal("1767600100.000200", posted.MessageId);
        Assert.Equal("rolled back", posted.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767600100).AddTicks(2000), posted.Context.At);
    }

    [Fact]
    public async Task The_bots_own_messages_and_other_apps_messages_are_not_recorded()
    {
        await EventAsync(SlackPayloads.BotMessage("status", "1767600100.000300", "1767600000.000100"), "Ev02");
        var other = SlackPayloads.ThreadReply("U0OTHERAPP", "deploy finished", "1767600100.000400", "1767600000.000100");
        other["bot_id"] = "B0OTHER";
        await EventAsync(other, "Ev03");
        await EventAsync(SlackPayloads.ThreadReply("U0JENS", "top level", "1767600100.000500", "1767600100.000500"), "Ev04");

        Assert.Equal(0, _host.Handler.Calls);
    }

    [Fact]
    public async Task Reactions_edits_and_deletes_map_to_their_records_with_natural_keys()
    {
        await EventAsync(SlackPayloads.Reaction(true, "U0JENS", "eyes", "1767600000.000100", "1767600200.000001"), "Ev10");
        await EventAsync(SlackPayloads.Reaction(false, "U0JENS", "pushpin", "1767600100.000200", "1767600201.000001"), "Ev11");
        await EventAsync(SlackPayloads.Reaction(true, FakeSlack.BotUserId, "white_check_mark", "1767600100.000200", "1767600202.000001"), "Ev12");
        await EventAsync(SlackPayloads.Edit("U0JENS", "rolled back v2", "1767600100.000200", "1767600000.000100", "1767600300.000000"), "Ev13");
        await EventAsync(JsonNode.Parse(File.ReadAllText(Path.Combine("Fixtures", "events", "bolt-python__message_deleted.json")))!["event"]!.AsObject(), "Ev14");

        var records = _host.Handler.Accepted;
        Assert.Equal(4, records.Count);
        var ack = Assert.IsType<ReactionAdded>(records[0]);
        Assert.Equal(("1767600000.000100", Reaction.Acknowledge), (ack.MessageId, ack.Reaction));
        Assert.Equal("react:+:C0INCIDENTS:1767600000.000100:eyes:U0JENS:1767600200.000001", ack.Context.DedupKey);
        var unpin = Assert.IsType<ReactionRemoved>(records[1]);
        Assert.Equal("react:-:C0INCIDENTS:1767600100.000200:pushpin:U0JENS:1767600201.000001", unpin.Context.DedupKey);
        var edit = Assert.IsType<MessageEdited>(records[2]);
        Assert.Equal(("1767600100.000200", "rolled back v2"), (edit.MessageId, edit.NewText));
        Assert.Equal("edit:C0INCIDENTS:1767600100.000200:1767600300.000000", edit.Context.DedupKey);
        var delete = Assert.IsType<MessageDeleted>(records[3]);
        Assert.Equal("1665368619.804829", delete.MessageId);
        Assert.Equal("del:C111:1665368619.804829", delete.Context.DedupKey);
    }

    [Fact]
    public async Task A_mention_in_a_thread_is_a_command_for_that_thread_and_is_answered_privately()
    {
        _host.Handler.Answer = _ => new InboundOutcome(InboundResult.Refused, MessageContent.Plain("INC-1 is already acknowledged."), null);

        await EventAsync(SlackPayloads.Mention("U0JENS", "ack", "1767600100.000600", "1767600000.000100"), "Ev20");
        await EventAsync(SlackPayloads.ThreadReply("U0JENS", $"<@{FakeSlack.BotUserId}> ack", "1767600100.000600", "1767600000.000100"), "Ev21");

        Assert.Equal(1, _host.Handler.Calls);
        Assert.True(await Poll.UntilAsync(() => _slack.Ephemerals.Count == 1));
        var ephemeral = _slack.Ephemerals[0];
        Assert.Equal(("C0INCIDENTS", "U0JENS", "1767600000.000100"), (ephemeral.Channel, ephemeral.User, ephemeral.ThreadTs));
        Assert.Equal("INC-1 is already acknowledged.", ephemeral.Text);
    }

    [Fact]
    public async Task A_mention_becomes_a_command_with_the_thread_and_a_private_reply_handle()
    {
        await EventAsync(SlackPayloads.Mention("U0JENS", "update rolled back", "1767600100.000700", "1767600000.000100"), "Ev22");

        var command = Assert.IsType<CommandInvoked>(Assert.Single(_host.Handler.Accepted));
        Assert.Equal("update rolled back", command.Text);
        Assert.Equal("1767600000.000100", command.Context.ThreadId);
        Assert.Equal("mention:C0INCIDENTS:1767600100.000700", command.Context.DedupKey);
        Assert.Equal("ephemeral:C0INCIDENTS:U0JENS:1767600000.000100", command.ReplyHandle);
    }

    [Fact]
    public async Task A_button_click_is_handed_to_core_once_however_often_it_arrives()
    {
        var click = SlackPayloads.ButtonClick("ack", "INC-42", "U0JENS", "trig-ack", "1767600000.000100", _slack.ResponseUrl("a1"));

        await InteractionAsync(click);
        await InteractionAsync(click);

        var button = Assert.IsType<ButtonClicked>(Assert.Single(_host.Handler.Accepted));
        Assert.Equal((new IncidentId(42), ButtonAction.Acknowledge), (button.IncidentId, button.Action));
        Assert.Equal("action:trig-ack", button.Context.DedupKey);
        Assert.True(await Poll.UntilAsync(() => _slack.Ephemerals.Any(e => e.ResponseUrlId == "a1")));
        Assert.False(_slack.Ephemerals.First(e => e.ResponseUrlId == "a1").Body["replace_original"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Post_update_opens_a_modal_whose_submission_becomes_an_update_command()
    {
        await InteractionAsync(SlackPayloads.ButtonClick("post_update", "INC-42", "U0JENS", "trig-pu", "1767600000.000100"));
        Assert.True(await Poll.UntilAsync(() => _slack.Views.Count == 1));
        var view = _slack.Views[0];

        var response = await InteractionAsync(SlackPayloads.ViewSubmission(view, "U0JENS",
            new Dictionary<string, JsonObject> { ["update"] = SlackPayloads.TextInput("rolled back <to> v41") }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var command = Assert.IsType<CommandInvoked>(Assert.Single(_host.Handler.Accepted));
        Assert.Equal("update INC-42 rolled back <to> v41", command.Text);
        Assert.Equal("C0INCIDENTS", command.Context.ChannelId);
        Assert.Equal($"view:{view.Id}:{view.Hash}", command.Context.DedupKey);
    }

    [Fact]
    public async Task A_refused_modal_submission_shows_the_reason_in_the_modal()
    {
        _host.Handler.Answer = _ => InboundOutcome.Refused("INC-42 is Closed: `reopen INC-42` first.");
        await InteractionAsync(SlackPayloads.ButtonClick("post_update", "INC-42", "U0JENS", "trig-pu2", "1767600000.000100"));
        Assert.True(await Poll.UntilAsync(() => _slack.Views.Count == 1));

        var response = await InteractionAsync(SlackPayloads.ViewSubmission(_slack.Views[0], "U0JENS",
            new Dictionary<string, JsonObject> { ["update"] = SlackPayloads.TextInput("more") }));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("errors", body["response_action"]!.GetValue<string>());
        Assert.Equal("INC-42 is Closed: `reopen INC-42` first.", body["errors"]!["update"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_declare_modal_submission_becomes_a_declare_command()
    {
        await CommandAsync("declare", trigger: "trig-d");
        Assert.True(await Poll.UntilAsync(() => _slack.Views.Count == 1));

        await InteractionAsync(SlackPayloads.ViewSubmission(_slack.Views[0], "U0JENS", new Dictionary<string, JsonObject>
        {
            ["severity"] = SlackPayloads.SelectedOption("sev2"),
            ["title"] = SlackPayloads.TextInput("Checkout errors"),
            ["commander"] = SlackPayloads.SelectedUser("U0MARIA"),
        }));

        var command = Assert.IsType<CommandInvoked>(Assert.Single(_host.Handler.Accepted));
        Assert.Equal("declare sev2 Checkout errors commander <@U0MARIA>", command.Text);
        Assert.Equal("ephemeral:C0INCIDENTS:U0JENS:", command.ReplyHandle);
    }
}
