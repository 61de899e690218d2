namespace IncidentBot.Slack.Wire.BlockKit;

/// <summary>One option of a select; <see cref="Value"/> is what the submission carries.</summary>
internal sealed record SelectOption
{
    public required PlainTextObject Text { get; init; }

    public required string Value { get; init; }
}
