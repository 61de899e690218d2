namespace IncidentBot.Discord.Configuration;

/// <summary>The "Discord" configuration section (environment form <c>Discord__BotToken</c> etc.).</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>The bot token from the Developer Portal's Bot page; Discord is off while it is unset.</summary>
    public string? BotToken { get; set; }

    /// <summary>The application id (General Information page): command registration and interaction follow-ups.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>The application's Ed25519 public key (hex); when set, <c>POST /discord/interactions</c> is served.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Register the commands in this guild only (instant) instead of globally.</summary>
    public string? GuildId { get; set; }

    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10/");

    /// <summary>Overrides the URL from <c>GET /gateway/bot</c>.</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>The channel incidents live in; null: the channel where <c>declare</c> was typed.</summary>
    public string? IncidentsChannel { get; set; }

    internal bool Enabled => !string.IsNullOrWhiteSpace(BotToken);
}
