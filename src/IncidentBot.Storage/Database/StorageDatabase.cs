using System.Data.Common;
using Dapper;
using IncidentBot.Core.Persistence;
using IncidentBot.Storage.Incidents;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Storage.Database;

/// <summary>
/// Opens connections with the per-connection settings, and turns "disk full" into Core's
/// <see cref="StorageFullException"/>, remembering it until a write succeeds again (readiness reads that).
/// The engine is the data source's: Npgsql's is PostgreSQL, any other SQLite.
/// </summary>
internal sealed class StorageDatabase(DbDataSource dataSource, ILogger<StorageDatabase> logger)
{
    // Enough for any single unit of work the bot writes, so "ready" means the next command will fit.
    private const long RequiredHeadroomBytes = 1024 * 1024;

    private volatile bool _full;
    private KeptConnections? _readers;
    private KeptConnections? _writers;

    /// <summary>The connections lent to readers, with their prepared statements.</summary>
    public KeptConnections Readers => LazyInitializer.EnsureInitialized(ref _readers, () => new KeptConnections(OpenReadAsync));

    /// <summary>The connections lent to writers (with the per-connection settings), with their prepared statements.</summary>
    public KeptConnections Writers => LazyInitializer.EnsureInitialized(ref _writers, () => new KeptConnections(OpenAsync));

    /// <summary>Whether the last write failed for lack of space and no write has succeeded since.</summary>
    public bool IsFull => _full;

    public SqlDialect Dialect { get; } = SqlDialect.For(dataSource);

    /// <summary>The incidents as last committed, where this process is the database's only writer; otherwise null.</summary>
    public CommittedIncidents? Committed { get; } = SqlDialect.For(dataSource).OneProcess ? new() : null;

    /// <summary>This process's turn at writing: every unit of work takes it, and on SQLite every other write too.</summary>
    public WriteGate Gate { get; } = new();

    /// <summary>The connection string the data source was built from.</summary>
    public string ConnectionString => dataSource.ConnectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            Dialect.Configure(connection);
            if (Dialect.ConnectionSettings.Length > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(Dialect.ConnectionSettings, cancellationToken: cancellationToken));
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A connection for reads only, without the per-connection statement: foreign keys, the busy handler and the sync
    /// mode only concern writes, and in WAL mode a reader never waits for the writer (https://www.sqlite.org/wal.html).
    /// The handle's settings (<see cref="SqlDialect.Configure"/>) concern reads too.
    /// </summary>
    public async Task<DbConnection> OpenReadAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        Dialect.Configure(connection);
        return connection;
    }

    /// <summary>Runs a read or a step of a unit of work, mapping "disk full".</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (DbException e) when (Dialect.IsFull(e))
        {
            throw Full(e);
        }
    }

    public Task RunAsync(Func<Task> action) => RunAsync(async () =>
    {
        await action();
        return true;
    });

    /// <summary>Runs a write that commits on its own; success clears the "full" state.</summary>
    public async Task<T> WriteAsync<T>(Func<Task<T>> action)
    {
        var result = await StatementWriteAsync(action, CancellationToken.None);
        Written();
        return result;
    }

    /// <summary>
    /// Runs a write that commits on its own in this process's turn where the engine takes one write at a time
    /// (SQLite; on PostgreSQL such a write locks only its rows), mapping "disk full".
    /// </summary>
    public async Task<T> StatementWriteAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        if (!Dialect.OneWriteAtATime)
        {
            return await RunAsync(action);
        }

        using var turn = await Gate.EnterAsync(cancellationToken);
        return await RunAsync(action);
    }

    /// <summary>A write committed: the database takes writes again.</summary>
    public void Written()
    {
        if (_full)
        {
            _full = false;
            StorageLog.StorageRecovered(logger);
        }
    }

    /// <summary>
    /// Whether there is room again (SQLite: free pages and free space on the volume). Only asked while
    /// <see cref="IsFull"/>, so readiness can recover without waiting for a write.
    /// </summary>
    public async Task<bool> HasHeadroomAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (!await Dialect.HasHeadroomAsync(connection, RequiredHeadroomBytes, cancellationToken))
        {
            return false;
        }

        Written();
        return true;
    }

    /// <summary>Closes the idle pooled connections of this database; connections in use close when disposed.</summary>
    public void ReleaseConnections()
    {
        _readers?.Release();
        _writers?.Release();
        Dialect.ReleaseConnections(dataSource);
    }

    private StorageFullException Full(DbException e)
    {
        _full = true;
        StorageLog.StorageFull(logger, e.Message);
        return new StorageFullException("The database is full: nothing was written. Free disk space; the bot recovers by itself.", e);
    }
}
