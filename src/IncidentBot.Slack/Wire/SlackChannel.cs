namespace IncidentBot.Slack.Wire;

/// <summary>A channel's identity and state.</summary>
internal sealed record SlackChannel
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public bool IsPrivate { get; init; }

    public bool IsArchived { get; init; }
}
