namespace IncidentBot.Slack.Wire;

/// <summary><c>views.open</c>: the opened view.</summary>
internal sealed record ViewResponse : SlackResponse
{
    public SlackView? View { get; init; }
}
