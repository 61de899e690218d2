namespace IncidentBot.Discord.Wire;

internal sealed record DiscordUser
{
    public string Id { get; init; } = string.Empty;

    public string? Username { get; init; }

    public string? GlobalName { get; init; }

    public bool? Bot { get; init; }
}
