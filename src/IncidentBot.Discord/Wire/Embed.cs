namespace IncidentBot.Discord.Wire;

internal sealed record Embed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public int? Color { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }

    public EmbedFooter? Footer { get; init; }

    public DateTimeOffset? Timestamp { get; init; }
}
