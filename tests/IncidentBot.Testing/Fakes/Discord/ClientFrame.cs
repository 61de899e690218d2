using System.Text.Json.Nodes;

namespace IncidentBot.Testing.Fakes.Discord;

/// <summary>
/// A payload the bot sent on the gateway, and on which connection (1, 2, …). <see cref="HasData"/> tells a
/// <c>"d":null</c> from a missing <c>d</c>, which Discord's gateway does not accept for a heartbeat.
/// </summary>
public sealed record ClientFrame(int Connection, int Op, JsonNode? Data, bool HasData = true);
