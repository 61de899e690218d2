using IncidentBot.Core.Inbound;
using IncidentBot.Core.Messaging;
using IncidentBot.Slack.SocketMode;
using IncidentBot.Slack.Tests.Infrastructure;
using IncidentBot.Testing.Fakes.Slack;

namespace IncidentBot.Slack.Tests.SocketMode;

/// <summary>
/// DESIGN.md §7 "Connections are handed over": on <c>warning</c> / <c>refresh_requested</c> the client opens the
/// next connection first and keeps reading the warned one until Slack closes it, acknowledging everything on both
/// and processing each envelope once. Slack never redelivers slash commands or clicks (slack.md §5).
/// </summary>
public sealed class SocketModeHandOverTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _host = await SlackTestHost.StartAsync(_slack, socketMode: true, http: false);
        Assert.True(await Poll.UntilAsync(() => _slack.SocketConnected), "the bot connects on start");
        _host.Handler.Answer = e => new InboundOutcome(InboundResult.Accepted, MessageContent.Plain("ok " + e.Context.DedupKey), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Theory]
    [InlineData("warning")]
    [InlineData("refresh_requested")]
    public async Task A_command_sent_on_the_warned_connection_is_acknowledged_there_with_its_reply(string reason)
    {
        await _slack.DisconnectAsync(reason, connection: 1);
        var id = await _slack.SendEnvelopeAsync("slash_commands",
            SlackPayloads.SlashCommandJson(SlackPayloads.SlashCommand("note INC-1 after the warning", "U0JENS", "trig-warned")),
            acceptsResponsePayload: true, connection: 1);

        Assert.True(await Poll.UntilAsync(() => _slack.Acks.Any(a => a.EnvelopeId == id)), "the command on the warned connection is acknowledged");
        var ack = _slack.Acks.Single(a => a.EnvelopeId == id);
        Assert.Equal(1, ack.Connection);
        Assert.Equal("ok cmd:trig-warned", ack.Payload?["text"]?.GetValue<string>());
        Assert.True(await Poll.UntilAsync(() => _slack.SocketsAccepted == 2 && _slack.SocketConnected), "the next connection is opened");
        Assert.True(_slack.SocketOpen(1), "the warned connection stays open until Slack closes it");
    }

    [Fact]
    public async Task Envelopes_keep_arriving_on_both_connections_until_slack_closes_the_old_one()
    {
        await _slack.DisconnectAsync("warning", connection: 1);
        Assert.True(await Poll.UntilAsync(() => _slack.SocketsAccepted == 2 && _slack.SocketConnected));

        var onOld = await _slack.SendEnvelopeAsync("interactive", SlackPayloads.ButtonClick("ack", "INC-1", "U0JENS", "trig-old", "1767600000.000100"), acceptsResponsePayload: true, connection: 1);
        var onNew = await _slack.SendEnvelopeAsync("interactive", SlackPayloads.ButtonClick("ack", "INC-1", "U0MARIA", "trig-new", "1767600000.000100"), acceptsResponsePayload: true, connection: 2);
        Assert.True(await Poll.UntilAsync(() => _slack.Acks.Any(a => a.EnvelopeId == onOld) && _slack.Acks.Any(a => a.EnvelopeId == onNew)));
        Assert.Equal(1, _slack.Acks.Single(a => a.EnvelopeId == onOld).Connection);
        Assert.Equal(2, _slack.Acks.Single(a => a.EnvelopeId == onNew).Connection);

        await _slack.CloseSocketAsync(1);

        Assert.True(await Poll.UntilAsync(() => !_slack.SocketOpen(1)), "the old connection ends");
        var later = await _slack.SendEnvelopeAsync("events_api",
            SlackPayloads.EventCallback(SlackPayloads.ThreadReply("U0JENS", "still here", "1767600100.000900", "1767600000.000100"), "EvLater"));
        Assert.True(await Poll.UntilAsync(() => _slack.Acks.Any(a => a.EnvelopeId == later)), "the new connection carries on");
        Assert.Equal(2, _slack.SocketsAccepted);
        Assert.Equal(3, _host.Handler.Accepted.Count);
    }

    [Fact]
    public async Task The_same_envelope_on_both_connections_is_acknowledged_on_both_and_processed_once()
    {
        await _slack.DisconnectAsync("refresh_requested", connection: 1);
        Assert.True(await Poll.UntilAsync(() => _slack.SocketsAccepted == 2 && _slack.SocketConnected));
        var payload = SlackPayloads.SlashCommandJson(SlackPayloads.SlashCommand("ack INC-1", "U0JENS", "trig-both"));

        await _slack.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: true, envelopeId: "env-both", connection: 1);
        await _slack.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: true, envelopeId: "env-both", connection: 2);

        Assert.True(await Poll.UntilAsync(() => _slack.Acks.Count(a => a.EnvelopeId == "env-both") == 2), "one ack per connection: " + string.Join(", ", _slack.Acks.Select(a => $"{a.EnvelopeId}@{a.Connection}")) + $" calls {_host.Handler.Calls}");
        Assert.Equal(1, _host.Handler.Calls);
        Assert.All(_slack.Acks.Where(a => a.EnvelopeId == "env-both"), a => Assert.Equal("ok cmd:trig-both", a.Payload?["text"]?.GetValue<string>()));
    }

    [Fact]
    public async Task A_warned_connection_slack_never_closes_is_closed_by_the_bot_at_the_deadline()
    {
        await _slack.DisconnectAsync("warning", connection: 1);
        Assert.True(await Poll.UntilAsync(() => _slack.SocketsAccepted == 2 && _slack.SocketConnected));

        _host.Time.Advance(SlackSocketModeClient.HandOverDeadline - TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.True(_slack.SocketOpen(1), "still read before the deadline");

        _host.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await Poll.UntilAsync(() => !_slack.SocketOpen(1)), "closed once the deadline passes");
        Assert.True(_slack.SocketConnected, "the new connection stays");
        Assert.Equal(2, _slack.SocketsAccepted);
    }
}
