namespace IncidentBot.Slack.Wire;

/// <summary>A file shared in a message (only its name goes on the timeline).</summary>
internal sealed record SlackFile
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Title { get; init; }
}
