namespace IncidentBot.Slack.Wire;

/// <summary>
/// The outer Events API body: <c>event_callback</c>, or <c>url_verification</c> with its challenge
/// (<see href="https://docs.slack.dev/apis/events-api"/>). Unknown fields are ignored.
/// </summary>
internal sealed record EventEnvelope
{
    public string? Type { get; init; }

    public string? Challenge { get; init; }

    public string? TeamId { get; init; }

    public string? EventId { get; init; }

    public long? EventTime { get; init; }

    public SlackEvent? Event { get; init; }

    public IReadOnlyList<EventAuthorization>? Authorizations { get; init; }

    /// <summary>On <c>app_rate_limited</c>: the minute (Unix seconds) in which Slack started dropping our events.</summary>
    public long? MinuteRateLimited { get; init; }
}
