using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;

namespace IncidentBot.Core.Alerts;

/// <summary>
/// The store <see cref="Handling.IncidentService"/> writes through when PagerDuty sync is on: each saved change of a
/// linked incident also queues its PagerDuty intents, in the same transaction (so exactly once, never lost), without
/// the use cases knowing PagerDuty exists.
/// </summary>
public sealed class PagerDutySyncStore(IIncidentStore inner, IAlertStore alerts, TimeProvider time) : IIncidentStore
{
    public async Task<IIncidentUnitOfWork> BeginAsync(CancellationToken cancellationToken) =>
        new PagerDutySyncUnitOfWork(await alerts.BeginAsync(cancellationToken), time);

    public Task<DateTimeOffset?> GetEarliestReminderAsync(CancellationToken cancellationToken) => inner.GetEarliestReminderAsync(cancellationToken);

    public Task<IReadOnlyList<IncidentId>> GetDueIncidentsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.GetDueIncidentsAsync(now, limit, cancellationToken);
}
