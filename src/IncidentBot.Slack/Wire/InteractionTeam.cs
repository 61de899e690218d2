namespace IncidentBot.Slack.Wire;

/// <summary>The workspace an interaction came from.</summary>
internal sealed record InteractionTeam
{
    public string? Id { get; init; }
}
