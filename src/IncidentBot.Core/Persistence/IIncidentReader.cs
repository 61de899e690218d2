using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Persistence;

/// <summary>Reads of committed state, outside any unit of work: the operator API, start-up catch-up, the dispatcher.</summary>
public interface IIncidentReader
{
    /// <summary>An incident by id across every workspace: for the operator API and the dispatcher only.</summary>
    Task<Incident?> FindAsync(IncidentId id, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<Incident>> ListAsync(bool openOnly, CancellationToken cancellationToken);

    Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(IncidentId id, CancellationToken cancellationToken);

    Task<IReadOnlyList<ActionItem>> GetActionItemsAsync(IncidentId id, CancellationToken cancellationToken);

    Task<string?> GetPostmortemAsync(IncidentId id, CancellationToken cancellationToken);
}
