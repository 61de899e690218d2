namespace IncidentBot.Discord.Wire;

/// <summary>
/// An interaction (slash command, button, modal submit), over the gateway or the HTTP endpoint:
/// https://docs.discord.com/developers/interactions/receiving-and-responding
/// </summary>
internal sealed record Interaction
{
    public string Id { get; init; } = string.Empty;

    public string? ApplicationId { get; init; }

    public int Type { get; init; }

    public InteractionData? Data { get; init; }

    public string? GuildId { get; init; }

    public DiscordChannel? Channel { get; init; }

    public string? ChannelId { get; init; }

    public DiscordMember? Member { get; init; }

    public DiscordUser? User { get; init; }

    public string Token { get; init; } = string.Empty;

    public DiscordMessage? Message { get; init; }
}
