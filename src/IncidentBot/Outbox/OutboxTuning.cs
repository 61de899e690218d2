namespace IncidentBot.Outbox;

/// <summary>Delivery tuning; not operator configuration, so it has no section: tests and the host set it in code.</summary>
internal sealed record OutboxTuning
{
    /// <summary>DESIGN/issue 6: at most one status-doc edit per second per incident, so busy incidents do not hit rate limits.</summary>
    public TimeSpan EditInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetry { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Slack's response_url and Discord's interaction token expire (30 and 15 minutes); stop trying before that.</summary>
    public TimeSpan ReplyHandleLifetime { get; init; } = TimeSpan.FromMinutes(14);

    public int Batch { get; init; } = 50;
}
