namespace IncidentBot.Slack.Wire.BlockKit;

/// <summary>A button (<see href="https://docs.slack.dev/reference/block-kit/block-elements/button-element"/>); no style is the default grey.</summary>
internal sealed record Button
{
    public string Type { get; } = "button";

    public required string ActionId { get; init; }

    public required string Value { get; init; }

    public required PlainTextObject Text { get; init; }

    /// <summary><c>primary</c> or <c>danger</c>.</summary>
    public string? Style { get; init; }
}
