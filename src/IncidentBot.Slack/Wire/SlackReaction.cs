namespace IncidentBot.Slack.Wire;

/// <summary>One emoji on a message as <c>conversations.replies</c> lists it: its name and who reacted with it.</summary>
internal sealed record SlackReaction
{
    public string? Name { get; init; }

    public IReadOnlyList<string>? Users { get; init; }

    public int Count { get; init; }
}
