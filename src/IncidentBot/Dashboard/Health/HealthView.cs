namespace IncidentBot.Dashboard.Health;

/// <summary>What the health page shows, read at <see cref="Now"/>.</summary>
/// <remarks>Public only because Razor components, which take it as a parameter, always are.</remarks>
public sealed record HealthView(
    DateTimeOffset Now,
    string Version,
    bool DatabaseReady,
    IReadOnlyList<PlatformHealth> Platforms,
    int OutboxPending,
    DateTimeOffset? OutboxOldestAt,
    DateTimeOffset? NextReminderAt,
    int LivePages)
{
    public TimeSpan? OutboxOldestAge => Now - OutboxOldestAt;

    /// <summary>How far behind the reminder loop is: a planned reminder whose time has passed and that has not gone out.</summary>
    public TimeSpan? ReminderLag => NextReminderAt is { } at && at < Now ? Now - at : null;
}

/// <summary>One platform: whether it is configured, how, and what its adapter last saw.</summary>
public sealed record PlatformHealth(
    string Name,
    string Mode,
    bool Configured,
    DateTimeOffset? LastInboundAt,
    DateTimeOffset? LastCallAt,
    string? LastCallStatus,
    DateTimeOffset? LastFailureAt,
    long Reconnects);
