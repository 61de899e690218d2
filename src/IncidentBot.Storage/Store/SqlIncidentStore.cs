using System.Data.Common;
using System.Globalization;
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

    public async Task<IIncidentLookups> OpenLookupsAsync(CancellationToken cancellationToken) =>
        await SqlReader.OpenAsync(database, cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineTailAsync(IncidentId id, int count, bool withReminders, CancellationToken cancellationToken) =>
        ReadAsync(c => TimelineSql.TailAsync(c, null, id, count, withReminders, cancellationToken), cancellationToken);

    /// <summary>The dispatcher reads the incident of every message it delivers: a kept statement.</summary>
    public Task<Incident?> FindAsync(IncidentId id, CancellationToken cancellationToken) =>
        KeptReadAsync(async s => await IncidentSql.QueryAsync(s, IncidentSql.ByNumber, IncidentSql.NewestFirst, cancellationToken, ("@Number", id.Number))
            is [var found, ..] ? found : null, cancellationToken);

    public Task<IReadOnlyList<Incident>> ListAsync(bool openOnly, CancellationToken cancellationToken) =>
        ReadAsync(c => IncidentSql.QueryAsync(c, null, openOnly ? IncidentSql.Open : IncidentSql.All, IncidentSql.NewestFirst, new { }, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(IncidentId id, CancellationToken cancellationToken) =>
        ReadAsync(c => TimelineSql.ForIncidentAsync(c, null, id, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ActionItem>> GetActionItemsAsync(IncidentId id, CancellationToken cancellationToken) =>
        ReadAsync(c => ActionItemSql.ForIncidentAsync(c, null, id, cancellationToken), cancellationToken);

    public Task<string?> GetPostmortemAsync(IncidentId id, CancellationToken cancellationToken) =>
        ReadAsync(c => c.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT markdown FROM postmortems WHERE incident_number = @Number", new { id.Number }, cancellationToken: cancellationToken)), cancellationToken);

    /// <summary>The reminder loop re-plans after every commit: kept statements.</summary>
    public Task<DateTimeOffset?> GetEarliestReminderAsync(CancellationToken cancellationToken) =>
        KeptReadAsync(async s => Instants.FromMs(await ScalarOrNullAsync(s, ReminderSql.Earliest, cancellationToken)), cancellationToken);

    public Task<IReadOnlyList<IncidentId>> GetDueIncidentsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        KeptReadAsync<IReadOnlyList<IncidentId>>(async s => (await s.QueryAsync<long>(
                ReminderSql.Due, cancellationToken, ("@Now", Instants.ToMs(now)), ("@Limit", limit)))
            .Select(n => new IncidentId(n))
            .ToList(), cancellationToken);

    public Task<int> CountPendingOutboxAsync(CancellationToken cancellationToken) =>
        KeptReadAsync(async s => (int)(await ScalarOrNullAsync(s, OutboxSql.CountPending, cancellationToken) ?? 0), cancellationToken);

    public async Task<DateTimeOffset?> GetOldestPendingOutboxAsync(CancellationToken cancellationToken)
    {
        var ms = await KeptReadAsync(s => ScalarOrNullAsync(s, OutboxSql.OldestPending, cancellationToken), cancellationToken);
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

    private static async Task<long?> ScalarOrNullAsync(Statements statements, string sql, CancellationToken cancellationToken) =>
        await statements.Bind(sql).ExecuteScalarAsync(cancellationToken) is { } value and not DBNull
            ? Convert.ToInt64(value, CultureInfo.InvariantCulture)
            : null;

    /// <summary>A read on a kept reader connection, through its prepared statements.</summary>
    private Task<T> KeptReadAsync<T>(Func<Statements, Task<T>> read, CancellationToken cancellationToken) =>
        database.Readers.UseAsync(lent => database.RunAsync(() => read(lent.Statements)), cancellationToken);

    private async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReadAsync(cancellationToken);
        return await database.RunAsync(() => read(connection));
    }
}
