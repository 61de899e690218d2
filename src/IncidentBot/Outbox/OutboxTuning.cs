namespace IncidentBot.Outbox;

/// <summary>Delivery tuning; not operator configuration, so it has no section: tests and the host set it in code.</summary>
internal sealed record OutboxTuning
{
    /// <summary>DESIGN/issue 6: at most one status-doc edit per second per incident, so busy incidents do not hit rate limits.</summary>
    public TimeSpan EditInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a committed change may wait before it wakes the dispatcher and the reminder loop
    /// (<see cref="Hosting.WorkSignal.Nudge"/>): the commits of that span wake each once. Zero wakes at once (the
    /// in-process tests, whose clock only moves when a test moves it).
    /// </summary>
    public TimeSpan CommitSettle { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The backoff's cap: a message that keeps failing is tried again at least this often (DESIGN.md §7).</summary>
    public TimeSpan MaxRetry { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Slack's response_url and Discord's interaction token expire (30 and 15 minutes); stop trying before that.</summary>
    public TimeSpan ReplyHandleLifetime { get; init; } = TimeSpan.FromMinutes(14);

    /// <summary>
    /// Thread and status-doc lanes delivered at once: incidents do not wait for each other. Sixteen keep a backlog
    /// after an outage moving at over 2,000 messages a second on two cores (bench/discord-load, issue 11); each lane
    /// is still one message at a time, and each platform bucket keeps its own rate limit.
    /// </summary>
    public int Parallelism { get; init; } = 16;

    /// <summary>
    /// Replies delivered at once, in slots of their own: a reply handle that hangs until its timeout (a dead
    /// response_url) takes a reply slot, never the slot a reminder needs (DESIGN.md §7).
    /// </summary>
    public int ReplyParallelism { get; init; } = 4;

    /// <summary>How long a claim holds its lane; longer than any platform call may take (Slack's total timeout is 60 s).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);
}
