namespace IncidentBot.Slack.Wire;

/// <summary>The profile part of a user: the display name is what Slack shows first.</summary>
internal sealed record SlackUserProfile
{
    public string? DisplayName { get; init; }

    public string? RealName { get; init; }
}
