using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Fakes.Discord;

/// <summary>A payload the bot sent on the gateway, and on which connection (1, 2, …).</summary>
public sealed record ClientFrame(int Connection, int Op, JsonNode? Data);
