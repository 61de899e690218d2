namespace IncidentBot.Core.Persistence;

/// <summary>What the readiness probe and the metrics ask of the store.</summary>
public interface IStorageHealth
{
    /// <summary>Whether the database answers, its schema is current and it takes writes: the readiness probe.</summary>
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);

    /// <summary>Messages not yet delivered and not failed for good.</summary>
    Task<int> CountPendingOutboxAsync(CancellationToken cancellationToken);

    /// <summary>
    /// When the oldest of the messages <see cref="CountPendingOutboxAsync"/> counts was queued; null when none is
    /// pending. The operator's alarm for a stuck outbox (a platform down, a message that waits for a root id).
    /// </summary>
    Task<DateTimeOffset?> GetOldestPendingOutboxAsync(CancellationToken cancellationToken);
}
