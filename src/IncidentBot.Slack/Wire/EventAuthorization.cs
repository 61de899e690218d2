namespace IncidentBot.Slack.Wire;

/// <summary>The installation an event was delivered for; for a bot install <c>user_id</c> is the bot user.</summary>
internal sealed record EventAuthorization
{
    public string? TeamId { get; init; }

    public string? UserId { get; init; }

    public bool IsBot { get; init; }
}
