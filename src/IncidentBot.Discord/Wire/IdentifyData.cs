namespace IncidentBot.Discord.Wire;

internal sealed record IdentifyData(string Token, int Intents, IdentifyProperties Properties);
