namespace IncidentBot.Slack.Wire;

/// <summary><c>users.info</c>.</summary>
internal sealed record UsersInfoResponse : SlackResponse
{
    public SlackUser? User { get; init; }
}
