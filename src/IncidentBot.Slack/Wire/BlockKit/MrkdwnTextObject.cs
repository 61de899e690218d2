namespace IncidentBot.Slack.Wire.BlockKit;

/// <summary>mrkdwn; with <see cref="Verbatim"/> Slack links and pings only what the markup spells out.</summary>
internal sealed record MrkdwnTextObject : TextObject
{
    public string Type { get; } = "mrkdwn";

    public required string Text { get; init; }

    public bool? Verbatim { get; init; }
}
