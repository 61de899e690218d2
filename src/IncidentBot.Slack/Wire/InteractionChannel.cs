namespace IncidentBot.Slack.Wire;

/// <summary>The channel of a message-sourced interaction.</summary>
internal sealed record InteractionChannel
{
    public string? Id { get; init; }

    public string? Name { get; init; }
}
