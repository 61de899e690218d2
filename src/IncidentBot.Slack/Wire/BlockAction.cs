namespace IncidentBot.Slack.Wire;

/// <summary>One clicked element: for our buttons <c>action_id</c> names the action and <c>value</c> the incident.</summary>
internal sealed record BlockAction
{
    public string? ActionId { get; init; }

    public string? BlockId { get; init; }

    public string? Type { get; init; }

    public string? Value { get; init; }

    public string? ActionTs { get; init; }
}
