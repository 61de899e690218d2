using System.Text.Json.Nodes;

namespace IncidentBot.Testing.Fakes.Discord;

/// <summary>A dispatch in a session's log, replayable on resume.</summary>
public sealed record GatewayEvent(long Sequence, string Type, JsonNode Data);
