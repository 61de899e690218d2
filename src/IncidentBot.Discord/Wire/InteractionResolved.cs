namespace IncidentBot.Discord.Wire;

/// <summary>The users and members an interaction's options name, keyed by id.</summary>
internal sealed record InteractionResolved
{
    public IReadOnlyDictionary<string, DiscordUser>? Users { get; init; }

    public IReadOnlyDictionary<string, DiscordMember>? Members { get; init; }
}
