namespace IncidentBot.Discord.Wire;

/// <summary>MESSAGE_REACTION_ADD / MESSAGE_REACTION_REMOVE (the latter without <c>member</c>).</summary>
internal sealed record ReactionEvent
{
    public string UserId { get; init; } = string.Empty;

    public string ChannelId { get; init; } = string.Empty;

    public string MessageId { get; init; } = string.Empty;

    public string? GuildId { get; init; }

    public DiscordMember? Member { get; init; }

    public DiscordEmoji? Emoji { get; init; }
}
