namespace IncidentBot.Discord.Wire;

internal sealed record IdentifyProperties(string Os, string Browser, string Device);
