using System.Text.Json.Nodes;

namespace IncidentBot.Testing.Fakes.Slack;

/// <summary>A Socket Mode acknowledgement the bot sent back, with its optional payload, and on which connection (1, 2, …).</summary>
public sealed record FakeSlackAck(string EnvelopeId, JsonNode? Payload, int Connection = 0);
