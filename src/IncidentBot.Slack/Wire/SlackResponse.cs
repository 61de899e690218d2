namespace IncidentBot.Slack.Wire;

/// <summary>
/// The envelope every Web API answer shares: <c>ok</c>, and on failure an <c>error</c> code
/// (<see href="https://docs.slack.dev/apis/web-api"/>). Method answers derive from it.
/// </summary>
internal record SlackResponse
{
    public bool Ok { get; init; }

    public string? Error { get; init; }

    public string? Warning { get; init; }

    public ResponseMetadata? ResponseMetadata { get; init; }
}
