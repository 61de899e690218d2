using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Core.Persistence;

/// <summary>
/// One transaction. Everything written through it commits together in <see cref="CommitAsync"/>, or not at all
/// when it is disposed uncommitted. Its reads see its own writes. A group commit decides many inbound records in one
/// transaction, each inside a savepoint, so one record that fails is undone without failing its neighbours
/// (DESIGN.md §7); savepoints are standard SQL, so every engine behind the port offers them.
/// </summary>
public interface IIncidentUnitOfWork : IIncidentLookups
{
    /// <summary>Records an inbound key; false when it was already recorded (a duplicate delivery).</summary>
    Task<bool> TryRecordInboundAsync(WorkspaceId workspace, string key, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IncidentId> NextIncidentIdAsync(CancellationToken cancellationToken);

    /// <summary>Inserts the incident, or writes what changed since it was read in this unit of work.</summary>
    Task SaveAsync(Incident incident, CancellationToken cancellationToken);

    Task<long> AddTimelineAsync(TimelineEntry entry, CancellationToken cancellationToken);

    /// <summary>Updates text, key flag, deleted flag and revisions of an existing entry.</summary>
    Task UpdateTimelineAsync(TimelineEntry entry, CancellationToken cancellationToken);

    Task<long> AddActionItemAsync(ActionItem item, CancellationToken cancellationToken);

    Task AddAuditAsync(AuditEntry entry, CancellationToken cancellationToken);

    Task EnqueueAsync(IncidentId id, OutboundIntent intent, DateTimeOffset at, CancellationToken cancellationToken);

    Task SavePostmortemAsync(IncidentId id, string markdown, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Marks where the next record's writes begin.</summary>
    Task SavepointAsync(CancellationToken cancellationToken);

    /// <summary>Keeps the writes since <see cref="SavepointAsync"/>; they commit with the transaction.</summary>
    Task ReleaseSavepointAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Undoes the writes since <see cref="SavepointAsync"/>, also after one of them failed; the transaction goes on.
    /// Throws when the engine has already rolled back the whole transaction (a full disk does): then nothing in it can commit.
    /// </summary>
    Task RollbackToSavepointAsync(CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
