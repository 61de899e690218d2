using IncidentBot.Core.Incidents;
using IncidentBot.Discord.Wire;

namespace IncidentBot.Discord.Inbound;

/// <summary>The name shown for a person: server nickname, then display name, then username.</summary>
internal static class DiscordUsers
{
    public static UserRef From(DiscordUser user, DiscordMember? member) =>
        new(user.Id, FirstNonEmpty(member?.Nick, user.GlobalName, user.Username) ?? user.Id);

    public static UserRef? FromMember(DiscordMember? member, DiscordUser? user) =>
        (member?.User ?? user) is { Id.Length: > 0 } who ? From(who, member) : null;

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
