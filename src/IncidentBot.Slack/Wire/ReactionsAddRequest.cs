namespace IncidentBot.Slack.Wire;

/// <summary><c>reactions.add</c>: the emoji <see cref="Name"/> on the message at <see cref="Timestamp"/>.</summary>
internal sealed record ReactionsAddRequest
{
    public required string Channel { get; init; }

    public required string Timestamp { get; init; }

    public required string Name { get; init; }
}
