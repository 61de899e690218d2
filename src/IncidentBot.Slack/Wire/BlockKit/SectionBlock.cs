namespace IncidentBot.Slack.Wire.BlockKit;

/// <summary>Text (3000 characters at most) or a grid of up to ten fields.</summary>
internal sealed record SectionBlock : Block
{
    public string Type { get; } = "section";

    public TextObject? Text { get; init; }

    public IReadOnlyList<TextObject>? Fields { get; init; }
}
