namespace IncidentBot.Slack.Wire.BlockKit;

/// <summary>A line of small print.</summary>
internal sealed record ContextBlock : Block
{
    public string Type { get; } = "context";

    public required IReadOnlyList<TextObject> Elements { get; init; }
}
