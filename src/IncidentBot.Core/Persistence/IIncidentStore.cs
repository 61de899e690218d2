using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Core.Persistence;

/// <summary>
/// The storage port. Changes go through a unit of work (one transaction per inbound record or reminder);
/// the rest are reads and the outbox dispatcher's bookkeeping.
/// </summary>
public interface IIncidentStore
{
    Task<IIncidentUnitOfWork> BeginAsync(CancellationToken cancellationToken);

    /// <summary>Lookups on committed state, off the write path: what read-only commands and refusals are decided on.</summary>
    Task<IIncidentLookups> OpenLookupsAsync(CancellationToken cancellationToken);

    /// <summary>An incident by id across every workspace: for the operator API and the dispatcher only.</summary>
    Task<Incident?> FindAsync(IncidentId id, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<Incident>> ListAsync(bool openOnly, CancellationToken cancellationToken);

    Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(IncidentId id, CancellationToken cancellationToken);

    /// <summary>See <see cref="IIncidentLookups.GetTimelineTailAsync"/>: what the status doc shows, at a cost independent of the timeline's length.</summary>
    Task<IReadOnlyList<TimelineEntry>> GetTimelineTailAsync(IncidentId id, int count, bool withReminders, CancellationToken cancellationToken);

    Task<IReadOnlyList<ActionItem>> GetActionItemsAsync(IncidentId id, CancellationToken cancellationToken);

    Task<string?> GetPostmortemAsync(IncidentId id, CancellationToken cancellationToken);

    /// <summary>The earliest planned reminder of any incident, so the reminder loop knows how long to sleep.</summary>
    Task<DateTimeOffset?> GetEarliestReminderAsync(CancellationToken cancellationToken);

    /// <summary>Ids of incidents with a reminder due at or before <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<IncidentId>> GetDueIncidentsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The next deliverable outbox messages: per incident, the oldest undelivered message, if its retry time
    /// has come, so delivery stays in order per incident. Pending status-doc edits come separately.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> GetDeliverableAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>When the next parked outbox message becomes deliverable, if any is waiting.</summary>
    Task<DateTimeOffset?> GetNextOutboxAttemptAsync(CancellationToken cancellationToken);

    Task MarkDeliveredAsync(long messageId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Marks every pending status-doc edit of an incident with id up to <paramref name="upToId"/> delivered.</summary>
    Task MarkEditsDeliveredAsync(IncidentId id, long upToId, DateTimeOffset at, CancellationToken cancellationToken);

    Task RescheduleAsync(long messageId, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken);

    /// <summary>Postpones a message without counting an attempt (status-doc edits are throttled per incident).</summary>
    Task DeferAsync(long messageId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>A message the platform refused for good: kept, marked failed, no longer delivered.</summary>
    Task MarkFailedAsync(long messageId, DateTimeOffset at, string reason, CancellationToken cancellationToken);

    Task SetRootMessageAsync(IncidentId id, string rootMessageId, CancellationToken cancellationToken);

    Task SetThreadAsync(IncidentId id, string threadId, CancellationToken cancellationToken);

    Task<int> CountPendingOutboxAsync(CancellationToken cancellationToken);

    /// <summary>
    /// When the oldest of the messages <see cref="CountPendingOutboxAsync"/> counts was queued; null when none is
    /// pending. The operator's alarm for a stuck outbox (a platform down, a message that waits for a root id).
    /// </summary>
    Task<DateTimeOffset?> GetOldestPendingOutboxAsync(CancellationToken cancellationToken);

    /// <summary>Whether the database answers and its schema is current: the readiness probe.</summary>
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}
