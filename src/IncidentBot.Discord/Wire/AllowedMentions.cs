namespace IncidentBot.Discord.Wire;

/// <summary>
/// Always sent with <c>parse: []</c> so user text pings nobody, plus the ids the bot means to ping
/// (<c>parse</c> and <c>users</c>/<c>roles</c> of the same type are mutually exclusive, so parse stays empty).
/// </summary>
internal sealed record AllowedMentions(IReadOnlyList<string> Parse, IReadOnlyList<string>? Users, IReadOnlyList<string>? Roles)
{
    public static AllowedMentions None { get; } = new([], null, null);
}
