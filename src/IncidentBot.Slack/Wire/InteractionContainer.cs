namespace IncidentBot.Slack.Wire;

/// <summary>Where the clicked element lives: a message (channel, ts, thread) or a view.</summary>
internal sealed record InteractionContainer
{
    public string? Type { get; init; }

    public string? MessageTs { get; init; }

    public string? ThreadTs { get; init; }

    public string? ChannelId { get; init; }

    public string? ViewId { get; init; }
}
