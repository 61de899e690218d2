using System.Data.Common;
using Dapper;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;
using IncidentBot.Storage.Database;
using IncidentBot.Storage.Incidents;
using IncidentBot.Storage.Outbox;

namespace IncidentBot.Storage.Store;

/// <summary>
/// Core's storage ports but the outbox's (<see cref="SqlOutboxStore"/>) over Dapper and a <see cref="DbDataSource"/>.
/// Reads run on pooled connections of their own; WAL lets them proceed while a unit of work holds the write lock.
/// The store never reads the clock: callers pass the time.
/// </summary>
internal sealed class SqlIncidentStore(
    StorageDatabase database,
    OutboxJson json,
    int schemaVersion) : IIncidentStore, IIncidentReader, IStorageHealth
{
    public async Task<IIncidentUnitOfWork> BeginAsync(CancellationToken cancellationToken) =>
        await SqlUnitOfWork.BeginAsync(database, json, cancellationToken);

    public Task<Incident?> FindAsync(IncidentId id, CancellationToken cancellationToken) =>
        ReadAsync(c => IncidentSql.FirstAsync(c, null, IncidentSql.ByNumber, new { id.Number }, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Incident>> ListAsync(bool openOnly, CancellationToken cancellationToken) =>
        ReadAsync(c => IncidentSql.QueryAsync(c, null, openOnly ? IncidentSql.Open : IncidentSql.All, IncidentSql.NewestFirst, new { }, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(IncidentId id, CancellationToken cancellationToken) =>
        ReadAsync(c => TimelineSql.ForIncidentAsync(c, null, id, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ActionItem>> GetActionItemsAsync(IncidentId id, CancellationToken cancellationToken) =>
        ReadAsync(c => ActionItemSql.ForIncidentAsync(c, null, id, cancellationToken), cancellationToken);

    public Task<string?> GetPostmortemAsync(IncidentId id, CancellationToken cancellationToken) =>
        ReadAsync(c => c.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT markdown FROM postmortems WHERE incident_number = @Number", new { id.Number }, cancellationToken: cancellationToken)), cancellationToken);

    public Task<DateTimeOffset?> GetEarliestReminderAsync(CancellationToken cancellationToken) =>
        ReadAsync(async c => Instants.FromMs(await c.QuerySingleOrDefaultAsync<long?>(
            new CommandDefinition(ReminderSql.Earliest, cancellationToken: cancellationToken))), cancellationToken);

    public Task<IReadOnlyList<IncidentId>> GetDueIncidentsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<IncidentId>>(async c => (await c.QueryAsync<long>(new CommandDefinition(
                ReminderSql.Due, new { Now = Instants.ToMs(now), Limit = limit }, cancellationToken: cancellationToken)))
            .Select(n => new IncidentId(n))
            .ToList(), cancellationToken);

    public Task<int> CountPendingOutboxAsync(CancellationToken cancellationToken) =>
        ReadAsync(c => c.ExecuteScalarAsync<int>(new CommandDefinition(OutboxSql.CountPending, cancellationToken: cancellationToken)), cancellationToken);

    public async Task<DateTimeOffset?> GetOldestPendingOutboxAsync(CancellationToken cancellationToken)
    {
        var ms = await ReadAsync(c => c.ExecuteScalarAsync<long?>(new CommandDefinition(OutboxSql.OldestPending, cancellationToken: cancellationToken)), cancellationToken);
        return ms is { } value ? Instants.FromMs(value) : null;
    }

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT MAX(version) FROM schema_version", cancellationToken: cancellationToken));
            return version == schemaVersion
                && (!database.IsFull || await database.HasHeadroomAsync(connection, cancellationToken));
        }
        catch (DbException)
        {
            // No schema_version table, a locked or unreadable file: not ready, and the probe says so rather than throwing.
            return false;
        }
    }

    private async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await database.RunAsync(() => read(connection));
    }
}
