namespace IncidentBot.Slack.Wire;

/// <summary><c>chat.getPermalink</c>.</summary>
internal sealed record PermalinkResponse : SlackResponse
{
    public string? Permalink { get; init; }
}
