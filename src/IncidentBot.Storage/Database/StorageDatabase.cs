using System.Data.Common;
using Dapper;
using IncidentBot.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Storage.Database;

/// <summary>
/// Opens connections with the per-connection settings, and turns "disk full" into Core's
/// <see cref="StorageFullException"/>, remembering it until a write succeeds again (readiness reads that).
/// </summary>
internal sealed class StorageDatabase(DbDataSource dataSource, ILogger<StorageDatabase> logger)
{
    // https://www.sqlite.org/rescode.html#full: the disk (or PRAGMA max_page_count) has no room for the write.
    private const int SqliteFull = 13;

    // Enough for any single unit of work the bot writes, so "ready" means the next command will fit.
    private const long RequiredHeadroomBytes = 1024 * 1024;

    // foreign_keys is off by default and per connection in SQLite; busy_timeout makes a writer wait for the
    // write lock held by another unit of work instead of failing at once (https://www.sqlite.org/pragma.html).
    // synchronous = NORMAL is durable against a process crash (kill -9) in WAL mode and skips the sync on every
    // commit; only a power cut can lose the last commits (https://www.sqlite.org/wal.html#performance_considerations).
    private const string ConnectionSettings = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

    private volatile bool _full;
    private ReadConnections? _readers;

    /// <summary>The connections lent to readers, with their prepared statements.</summary>
    public ReadConnections Readers => LazyInitializer.EnsureInitialized(ref _readers, () => new ReadConnections(this));

    /// <summary>Whether the last write failed for lack of space and no write has succeeded since.</summary>
    public bool IsFull => _full;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(ConnectionSettings, cancellationToken: cancellationToken));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A connection for reads only, without the per-connection settings: foreign keys, the busy handler and the sync
    /// mode only concern writes, and in WAL mode a reader never waits for the writer (https://www.sqlite.org/wal.html).
    /// </summary>
    public async Task<DbConnection> OpenReadAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Runs a read or a step of a unit of work, mapping "disk full".</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteFull)
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
        var result = await RunAsync(action);
        Written();
        return result;
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
    /// Whether there is room again: free pages under <c>max_page_count</c> and free space on the volume.
    /// Only asked while <see cref="IsFull"/>, so readiness can recover without waiting for a write.
    /// </summary>
    public async Task<bool> HasHeadroomAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var pageSize = await ScalarAsync(connection, "PRAGMA page_size", cancellationToken);
        var pages = await ScalarAsync(connection, "PRAGMA page_count", cancellationToken);
        var maxPages = await ScalarAsync(connection, "PRAGMA max_page_count", cancellationToken);
        var freePages = await ScalarAsync(connection, "PRAGMA freelist_count", cancellationToken);
        if ((maxPages - pages + freePages) * pageSize < RequiredHeadroomBytes)
        {
            return false;
        }

        if (DatabaseFile.PathOf(connection) is { } path && Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            // On Unix DriveInfo takes any path and reports its mount; on Windows it wants the drive root.
            var drive = new DriveInfo(OperatingSystem.IsWindows() ? Path.GetPathRoot(folder)! : folder);
            if (drive.AvailableFreeSpace < RequiredHeadroomBytes)
            {
                return false;
            }
        }

        Written();
        return true;
    }

    /// <summary>Closes the idle pooled connections of this database; connections in use close when disposed.</summary>
    public void ReleaseConnections()
    {
        _readers?.Release();
        using var connection = new SqliteConnection(dataSource.ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    private StorageFullException Full(SqliteException e)
    {
        _full = true;
        StorageLog.StorageFull(logger, e.Message);
        return new StorageFullException("The database is full: nothing was written. Free disk space; the bot recovers by itself.", e);
    }

    private static Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: cancellationToken));
}
