namespace IncidentBot.Slack.Wire.BlockKit;

/// <summary>A text field.</summary>
internal sealed record PlainTextInput : InputElement
{
    public string Type { get; } = "plain_text_input";

    public required string ActionId { get; init; }

    public bool? Multiline { get; init; }

    public int? MaxLength { get; init; }

    public PlainTextObject? Placeholder { get; init; }
}
