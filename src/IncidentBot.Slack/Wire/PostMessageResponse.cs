namespace IncidentBot.Slack.Wire;

/// <summary><c>chat.postMessage</c> / <c>chat.update</c>: where the message is and its <c>ts</c>.</summary>
internal sealed record PostMessageResponse : SlackResponse
{
    public string? Channel { get; init; }

    public string? Ts { get; init; }
}
