using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Persistence;

/// <summary>
/// "This incident changed", passed between the replicas that share one database (DESIGN.md §8), so that what one
/// replica commits reaches the dashboard pages another one serves (§10). A notice carries no state: the listener
/// reads the incident again. One process on its own database has nobody to tell.
/// </summary>
public interface IChangeNotices
{
    /// <summary>Tells the other replicas; a notice that cannot be sent is lost (the pages catch up on their next load).</summary>
    Task PublishAsync(IncidentId id, CancellationToken cancellationToken);

    /// <summary>
    /// Hands every other replica's notice to <paramref name="changed"/> until cancelled, reconnecting as needed; returns
    /// at once where there is nobody to hear from.
    /// </summary>
    Task ListenAsync(Action<IncidentId> changed, CancellationToken cancellationToken);
}

/// <summary>The notices of a database only one process uses (SQLite): there is no other replica.</summary>
public sealed class NoChangeNotices : IChangeNotices
{
    public Task PublishAsync(IncidentId id, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ListenAsync(Action<IncidentId> changed, CancellationToken cancellationToken) => Task.CompletedTask;
}
