namespace IncidentBot.Slack.Wire;

/// <summary><c>apps.connections.open</c>: a single-use Socket Mode WebSocket URL.</summary>
internal sealed record ConnectionsOpenResponse : SlackResponse
{
    public string? Url { get; init; }
}
