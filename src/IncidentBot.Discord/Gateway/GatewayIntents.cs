namespace IncidentBot.Discord.Gateway;

/// <summary>https://docs.discord.com/developers/events/gateway#list-of-intents</summary>
internal static class GatewayIntents
{
    public const int Guilds = 1 << 0;

    public const int GuildMessages = 1 << 9;

    public const int GuildMessageReactions = 1 << 10;

    /// <summary>Privileged: without it thread messages arrive with empty content; not enabled in the portal → close 4014.</summary>
    public const int MessageContent = 1 << 15;

    public const int IncidentBot = Guilds | GuildMessages | GuildMessageReactions | MessageContent;
}
