using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;

namespace IncidentBot.Core.Alerts;

/// <summary>
/// The store <see cref="Handling.IncidentService"/> writes through when PagerDuty sync is on: each saved change of a
/// linked incident also queues its PagerDuty intents, in the same transaction (so exactly once, never lost), without
/// the use cases knowing PagerDuty exists. Reads go straight to the inner store.
/// </summary>
public sealed class PagerDutySyncStore(IIncidentStore inner, IAlertStore alerts, TimeProvider time) : IIncidentStore
{
    public async Task<IIncidentUnitOfWork> BeginAsync(CancellationToken cancellationToken) =>
        new PagerDutySyncUnitOfWork(await alerts.BeginAsync(cancellationToken), time);

    public Task<Incident?> FindAsync(IncidentId id, CancellationToken cancellationToken) => inner.FindAsync(id, cancellationToken);

    public Task<IReadOnlyList<Incident>> ListAsync(bool openOnly, CancellationToken cancellationToken) => inner.ListAsync(openOnly, cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(IncidentId id, CancellationToken cancellationToken) =>
        inner.GetTimelineAsync(id, cancellationToken);

    public Task<IReadOnlyList<ActionItem>> GetActionItemsAsync(IncidentId id, CancellationToken cancellationToken) =>
        inner.GetActionItemsAsync(id, cancellationToken);

    public Task<string?> GetPostmortemAsync(IncidentId id, CancellationToken cancellationToken) => inner.GetPostmortemAsync(id, cancellationToken);

    public Task<DateTimeOffset?> GetEarliestReminderAsync(CancellationToken cancellationToken) => inner.GetEarliestReminderAsync(cancellationToken);

    public Task<IReadOnlyList<IncidentId>> GetDueIncidentsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.GetDueIncidentsAsync(now, limit, cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> GetDeliverableAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.GetDeliverableAsync(now, limit, cancellationToken);

    public Task<DateTimeOffset?> GetNextOutboxAttemptAsync(CancellationToken cancellationToken) => inner.GetNextOutboxAttemptAsync(cancellationToken);

    public Task MarkDeliveredAsync(long messageId, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.MarkDeliveredAsync(messageId, at, cancellationToken);

    public Task MarkEditsDeliveredAsync(IncidentId id, long upToId, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.MarkEditsDeliveredAsync(id, upToId, at, cancellationToken);

    public Task RescheduleAsync(long messageId, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken) =>
        inner.RescheduleAsync(messageId, nextAttemptAt, reason, cancellationToken);

    public Task DeferAsync(long messageId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        inner.DeferAsync(messageId, nextAttemptAt, cancellationToken);

    public Task MarkFailedAsync(long messageId, DateTimeOffset at, string reason, CancellationToken cancellationToken) =>
        inner.MarkFailedAsync(messageId, at, reason, cancellationToken);

    public Task SetRootMessageAsync(IncidentId id, string rootMessageId, CancellationToken cancellationToken) =>
        inner.SetRootMessageAsync(id, rootMessageId, cancellationToken);

    public Task SetThreadAsync(IncidentId id, string threadId, CancellationToken cancellationToken) =>
        inner.SetThreadAsync(id, threadId, cancellationToken);

    public Task<int> CountPendingOutboxAsync(CancellationToken cancellationToken) => inner.CountPendingOutboxAsync(cancellationToken);

    public Task<DateTimeOffset?> GetOldestPendingOutboxAsync(CancellationToken cancellationToken) => inner.GetOldestPendingOutboxAsync(cancellationToken);

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken) => inner.IsReadyAsync(cancellationToken);
}
