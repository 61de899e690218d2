namespace IncidentBot.Discord.Rendering;

/// <summary>Message and embed limits: https://docs.discord.com/developers/resources/message#embed-object-embed-limits</summary>
internal static class DiscordLimits
{
    public const int Content = 2000;

    public const int EmbedTitle = 256;

    public const int EmbedDescription = 4096;

    public const int FieldValue = 1024;

    public const int EmbedTotal = 6000;

    /// <summary>A longer post is attached as a file rather than split into a wall of messages.</summary>
    public const int MaxSplitMessages = 4;

    public const int ThreadName = 100;

    /// <summary>A create message's <c>nonce</c> (https://docs.discord.com/developers/resources/message#create-message).</summary>
    public const int Nonce = 25;
}
