using System.Text.Json.Nodes;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Messaging;
using IncidentBot.Slack.SocketMode;
using IncidentBot.Slack.Tests.Infrastructure;
using IncidentBot.Testing.Fakes.Slack;

namespace IncidentBot.Slack.Tests.SocketMode;

/// <summary>Socket Mode against the fake's WebSocket: hello, acks, duplicates, disconnects and reconnects.</summary>
public sealed class SlackSocketModeClientTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _host = await SlackTestHost.StartAsync(_slack, socketMode: true, http: false);
        Assert.True(await Poll.UntilAsync(() => _slack.SocketConnected), "the bot connects on start");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task The_connection_is_opened_with_the_app_token_and_http_endpoints_stay_off()
    {
        var response = await _host.Client.PostAsync("/slack/commands", new StringContent(string.Empty), TestContext.Current.CancellationToken);

        Assert.Equal($"Bearer {FakeSlack.AppToken}", _slack.CallsTo("apps.connections.open").Single().Authorization);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_slash_command_is_acknowledged_with_its_reply_as_payload()
    {
        _host.Handler.Answer = _ => new InboundOutcome(InboundResult.Accepted, MessageContent.Plain("Declared INC-1"), null);
        var fields = SlackPayloads.SlashCommand("declare sev2 Checkout slow", "U0JENS", "trig-sock-1");

        var id = await _slack.SendEnvelopeAsync("slash_commands", SlackPayloads.SlashCommandJson(fields), acceptsResponsePayload: true);

        Assert.True(await Poll.UntilAsync(() => _slack.Acks.Any(a => a.EnvelopeId == id)));
        var ack = _slack.Acks.Single(a => a.EnvelopeId == id);
        Assert.Equal("Declared INC-1", ack.Payload?["text"]?.GetValue<string>());
        Assert.Equal("ephemeral", ack.Payload?["response_type"]?.GetValue<string>());
        var command = Assert.IsType<CommandInvoked>(Assert.Single(_host.Handler.Accepted));
        Assert.Equal("cmd:trig-sock-1", command.Context.DedupKey);
    }

    [Fact]
    public async Task An_event_is_acknowledged_and_handed_to_core()
    {
        var inner = SlackPayloads.ThreadReply("U0JENS", "looking", "1767600100.000200", "1767600000.000100");

        var id = await _slack.SendEnvelopeAsync("events_api", SlackPayloads.EventCallback(inner, "Ev1"));

        Assert.True(await Poll.UntilAsync(() => _slack.Acks.Any(a => a.EnvelopeId == id)));
        Assert.Null(_slack.Acks.Single(a => a.EnvelopeId == id).Payload);
        Assert.IsType<ThreadMessagePosted>(Assert.Single(_host.Handler.Accepted));
    }

    [Fact]
    public async Task An_envelope_sent_twice_is_acknowledged_twice_and_processed_once()
    {
        var inner = SlackPayloads.Reaction(true, "U0JENS", "eyes", "1767600000.000100", "1767600200.000001");

        await _slack.SendEnvelopeAsync("events_api", SlackPayloads.EventCallback(inner, "Ev2"), envelopeId: "env-dup");
        await _slack.SendEnvelopeAsync("events_api", SlackPayloads.EventCallback(inner, "Ev2"), envelopeId: "env-dup");

        Assert.True(await Poll.UntilAsync(() => _slack.Acks.Count(a => a.EnvelopeId == "env-dup") == 2));
        Assert.Equal(1, _host.Handler.Calls);
    }

    [Fact]
    public async Task The_same_event_in_a_new_envelope_is_a_duplicate_by_its_natural_key()
    {
        var inner = SlackPayloads.Reaction(true, "U0JENS", "eyes", "1767600000.000100", "1767600200.000001");

        await _slack.SendEnvelopeAsync("events_api", SlackPayloads.EventCallback(inner, "Ev3"));
        await _slack.SendEnvelopeAsync("events_api", SlackPayloads.EventCallback(inner, "Ev3"));

        Assert.True(await Poll.UntilAsync(() => _slack.Acks.Count == 2));
        Assert.Equal(2, _host.Handler.Calls);
        Assert.Single(_host.Handler.Accepted);
    }

    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    public async Task A_disconnect_request_moves_to_a_fresh_connection_at_once(string reason)
    {
        await _slack.DisconnectAsync(reason);

        Assert.True(await Poll.UntilAsync(() => _slack.SocketsAccepted == 2 && _slack.SocketConnected));
        Assert.Equal(2, _slack.ConnectionsOpened);
        var id = await _slack.SendEnvelopeAsync("events_api",
            SlackPayloads.EventCallback(SlackPayloads.ThreadReply("U0JENS", "after", "1767600100.000300", "1767600000.000100"), "Ev4"));
        Assert.True(await Poll.UntilAsync(() => _slack.Acks.Any(a => a.EnvelopeId == id)));
    }

    [Fact]
    public async Task A_dropped_connection_is_reopened()
    {
        _slack.DropSocket();

        Assert.True(await Poll.UntilAsync(() => _slack.SocketsAccepted == 2 && _slack.SocketConnected));
    }

    [Fact]
    public async Task Link_disabled_stops_the_client()
    {
        await _slack.DisconnectAsync("link_disabled");
        Assert.True(await Poll.UntilAsync(() => !_slack.SocketConnected));

        _host.Time.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System, TestContext.Current.CancellationToken);

        Assert.Equal(1, _slack.ConnectionsOpened);
    }

    [Fact]
    public async Task When_slack_is_down_reconnects_back_off_on_the_clock()
    {
        var before = _slack.AttemptsOf("apps.connections.open").Count;
        _slack.Down = true;
        _slack.DropSocket();
        Assert.True(await Poll.UntilAsync(() => _slack.AttemptsOf("apps.connections.open").Count == before + 1), "the first reconnect is immediate");
        await Task.Delay(TimeSpan.FromMilliseconds(1500), TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.Equal(before + 1, _slack.AttemptsOf("apps.connections.open").Count);

        _slack.Down = false;
        Assert.True(await Poll.AdvancingUntilAsync(_host.Time, TimeSpan.FromSeconds(1), () => _slack.SocketConnected));
    }

    [Fact]
    public async Task A_refused_modal_submission_is_answered_in_the_ack()
    {
        _host.Handler.Answer = _ => InboundOutcome.Refused("Title is empty.");
        var view = new FakeSlackView("V1", "h1", "t", new JsonObject { ["callback_id"] = "post_update", ["private_metadata"] = "INC-3|C0INCIDENTS" });
        var payload = SlackPayloads.ViewSubmission(view, "U0JENS", new Dictionary<string, JsonObject> { ["update"] = SlackPayloads.TextInput("x") });

        var id = await _slack.SendEnvelopeAsync("interactive", payload, acceptsResponsePayload: true);

        Assert.True(await Poll.UntilAsync(() => _slack.Acks.Any(a => a.EnvelopeId == id)));
        Assert.Equal("errors", _slack.Acks.Single(a => a.EnvelopeId == id).Payload?["response_action"]?.GetValue<string>());
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(6, 16)]
    [InlineData(7, 30)]
    [InlineData(50, 30)]
    public void Backoff_starts_at_once_and_doubles_to_thirty_seconds(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), SlackSocketModeClient.Backoff(failures));
    }
}
