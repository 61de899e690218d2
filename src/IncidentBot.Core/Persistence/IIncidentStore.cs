using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Persistence;

/// <summary>
/// The write path and the reminder clock: changes go through a unit of work (one transaction per inbound record or
/// reminder), and the reminder loop asks when to wake and what is due. Reads have their own port
/// (<see cref="IIncidentReader"/>), as do the outbox dispatcher (<see cref="IOutboxStore"/>) and the probes
/// (<see cref="IStorageHealth"/>); the store implements them all.
/// </summary>
public interface IIncidentStore
{
    Task<IIncidentUnitOfWork> BeginAsync(CancellationToken cancellationToken);

    /// <summary>The earliest planned reminder of any incident, so the reminder loop knows how long to sleep.</summary>
    Task<DateTimeOffset?> GetEarliestReminderAsync(CancellationToken cancellationToken);

    /// <summary>Ids of incidents with a reminder due at or before <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<IncidentId>> GetDueIncidentsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);
}
