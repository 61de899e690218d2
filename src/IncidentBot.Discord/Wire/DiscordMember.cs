namespace IncidentBot.Discord.Wire;

/// <summary>A guild member; in message events it has no <c>user</c> (the author is on the message).</summary>
internal sealed record DiscordMember
{
    public DiscordUser? User { get; init; }

    public string? Nick { get; init; }
}
