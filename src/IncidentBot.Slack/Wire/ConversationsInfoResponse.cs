namespace IncidentBot.Slack.Wire;

/// <summary><c>conversations.info</c>.</summary>
internal sealed record ConversationsInfoResponse : SlackResponse
{
    public SlackChannel? Channel { get; init; }
}
