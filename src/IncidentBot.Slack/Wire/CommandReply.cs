namespace IncidentBot.Slack.Wire;

/// <summary>The answer to a slash command: visible only to the person who typed it.</summary>
internal sealed record CommandReply : SlackReply
{
    public string ResponseType { get; } = "ephemeral";

    public required string Text { get; init; }
}
