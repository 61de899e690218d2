namespace IncidentBot.Slack.Wire;

/// <summary><c>conversations.replies</c>: one page of a thread, the parent first.</summary>
internal sealed record RepliesResponse : SlackResponse
{
    public IReadOnlyList<SlackMessage>? Messages { get; init; }

    public bool HasMore { get; init; }
}
