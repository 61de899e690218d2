namespace IncidentBot.Discord.Wire;

/// <summary>A channel or thread (type 11 public thread, 12 private, 10 announcement thread).</summary>
internal sealed record DiscordChannel
{
    public string Id { get; init; } = string.Empty;

    public int? Type { get; init; }

    public string? GuildId { get; init; }

    public string? ParentId { get; init; }

    public string? Name { get; init; }
}
