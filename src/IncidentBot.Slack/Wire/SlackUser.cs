namespace IncidentBot.Slack.Wire;

/// <summary>A user: the names people see and their time zone.</summary>
internal sealed record SlackUser
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? RealName { get; init; }

    public string? Tz { get; init; }

    public SlackUserProfile? Profile { get; init; }
}
