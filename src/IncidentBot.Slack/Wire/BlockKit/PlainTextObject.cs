namespace IncidentBot.Slack.Wire.BlockKit;

/// <summary>Text shown as typed: Slack parses no mentions or links in it.</summary>
internal sealed record PlainTextObject : TextObject
{
    public string Type { get; } = "plain_text";

    public required string Text { get; init; }

    public bool? Emoji { get; init; }
}
