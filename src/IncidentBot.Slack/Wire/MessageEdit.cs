namespace IncidentBot.Slack.Wire;

/// <summary>Who edited a message and when (the edit's own <c>ts</c>).</summary>
internal sealed record MessageEdit
{
    public string? User { get; init; }

    public string? Ts { get; init; }
}
