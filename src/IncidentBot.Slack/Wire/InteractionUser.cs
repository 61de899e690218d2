namespace IncidentBot.Slack.Wire;

/// <summary>Who clicked or submitted.</summary>
internal sealed record InteractionUser
{
    public string? Id { get; init; }

    public string? Username { get; init; }

    public string? Name { get; init; }

    public string? TeamId { get; init; }
}
