namespace IncidentBot.Slack.Wire.BlockKit;

/// <summary>A labelled field of a modal; its value comes back under <see cref="BlockId"/> in the view's state.</summary>
internal sealed record InputBlock : Block
{
    public string Type { get; } = "input";

    public required string BlockId { get; init; }

    public bool? Optional { get; init; }

    public required PlainTextObject Label { get; init; }

    public required InputElement Element { get; init; }
}
