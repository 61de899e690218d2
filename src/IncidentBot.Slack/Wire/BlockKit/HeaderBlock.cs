namespace IncidentBot.Slack.Wire.BlockKit;

/// <summary>Large bold plain text (150 characters at most).</summary>
internal sealed record HeaderBlock : Block
{
    public string Type { get; } = "header";

    public required PlainTextObject Text { get; init; }
}
