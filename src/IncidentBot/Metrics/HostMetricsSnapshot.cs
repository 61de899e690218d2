using IncidentBot.Core.Incidents;

namespace IncidentBot.Metrics;

/// <summary>What the store said at <see cref="TakenAt"/>: the numbers behind the host's gauges.</summary>
/// <param name="OpenIncidents">Open (not closed) incidents per severity and status; absent pairs are zero.</param>
/// <param name="OutboxPending">Outbox messages not yet delivered and not failed for good.</param>
/// <param name="OldestPendingAt">When the oldest of them was queued; null when none is pending.</param>
/// <param name="TakenAt">When the store was asked.</param>
internal sealed record HostMetricsSnapshot(
    IReadOnlyDictionary<(Severity Severity, IncidentStatus Status), int> OpenIncidents,
    int OutboxPending,
    DateTimeOffset? OldestPendingAt,
    DateTimeOffset TakenAt);
