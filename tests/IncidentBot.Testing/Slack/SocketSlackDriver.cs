using System.Text.Json.Nodes;
using IncidentBot.Testing.Fakes.Slack;

namespace IncidentBot.Testing.Slack;

/// <summary>Socket Mode: envelopes pushed by the fake over its WebSocket, answered by the bot's acks.</summary>
internal sealed class SocketSlackDriver(FakeSlack slack) : SlackDriver(slack)
{
    public override Task<JsonNode?> CommandAsync(IReadOnlyDictionary<string, string> fields) =>
        SendAsync("slash_commands", SlackPayloads.SlashCommandJson(fields), acceptsResponsePayload: true);

    public override Task EventAsync(JsonObject inner, string eventId) =>
        SendAsync("events_api", SlackPayloads.EventCallback(inner, eventId), acceptsResponsePayload: false);

    public override Task<JsonNode?> InteractionAsync(JsonObject payload) =>
        SendAsync("interactive", payload, acceptsResponsePayload: true);

    private async Task<JsonNode?> SendAsync(string type, JsonObject payload, bool acceptsResponsePayload)
    {
        var id = await Slack.SendEnvelopeAsync(type, payload, acceptsResponsePayload);
        var ack = await Eventually.GetAsync(() => Task.FromResult(Slack.Acks.FirstOrDefault(a => a.EnvelopeId == id)), $"the ack of {type} envelope {id}");
        return ack.Payload;
    }
}
