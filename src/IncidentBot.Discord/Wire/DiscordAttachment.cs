namespace IncidentBot.Discord.Wire;

internal sealed record DiscordAttachment
{
    public string? Id { get; init; }

    public string? Filename { get; init; }

    public string? Url { get; init; }
}
