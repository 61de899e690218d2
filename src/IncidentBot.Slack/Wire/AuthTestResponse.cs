namespace IncidentBot.Slack.Wire;

/// <summary><c>auth.test</c>: who the bot is, so its own messages and reactions are never recorded.</summary>
internal sealed record AuthTestResponse : SlackResponse
{
    public string? TeamId { get; init; }

    public string? UserId { get; init; }

    public string? BotId { get; init; }
}
