namespace IncidentBot.Discord.Wire;

/// <summary>MESSAGE_DELETE <c>{id, channel_id, guild_id?}</c> and MESSAGE_DELETE_BULK <c>{ids, channel_id, guild_id?}</c>.</summary>
internal sealed record MessageDeleteEvent
{
    public string? Id { get; init; }

    public IReadOnlyList<string>? Ids { get; init; }

    public string ChannelId { get; init; } = string.Empty;

    public string? GuildId { get; init; }
}
