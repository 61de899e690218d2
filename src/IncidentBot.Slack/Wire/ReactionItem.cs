namespace IncidentBot.Slack.Wire;

/// <summary>What a reaction was put on; only <c>type: message</c> items matter to incidents.</summary>
internal sealed record ReactionItem
{
    public string? Type { get; init; }

    public string? Channel { get; init; }

    public string? Ts { get; init; }
}
