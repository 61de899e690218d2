namespace IncidentBot.Discord.Wire;

/// <summary>Unicode emoji come as <c>{"id": null, "name": "🔥"}</c>; custom ones carry an id.</summary>
internal sealed record DiscordEmoji
{
    public string? Id { get; init; }

    public string? Name { get; init; }
}
