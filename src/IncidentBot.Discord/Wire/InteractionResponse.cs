namespace IncidentBot.Discord.Wire;

/// <summary>An interaction callback: 1 PONG, 4 message, 6 deferred update, 9 modal.</summary>
internal sealed record InteractionResponse(int Type, MessagePayload? Data);
