using System.Globalization;
using Dapper;
using IncidentBot.Storage.Database;
using IncidentBot.Storage.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IncidentBot.Storage.Copying;

/// <summary>
/// Copies an existing SQLite database into an empty PostgreSQL one: the step from one SQLite process to several
/// replicas (DESIGN.md §8). Both are first brought to this release's schema by the migration runner (an older SQLite
/// file is backed up beside itself first, as at start-up; the PostgreSQL migrations run under their advisory lock).
/// Then every table is copied in one PostgreSQL transaction that also holds the units of work's write lock, so a
/// replica already started on the target sees either nothing or everything, and a failure leaves the target empty.
/// </summary>
public static class DatabaseCopy
{
    // https://www.sqlite.org/rescode.html#notadb: the file is not a SQLite database.
    private const int SqliteNotADatabase = 26;

    public static async Task<CopyReport> SqliteToPostgresAsync(
        string from, string to, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        var started = time.GetTimestamp();
        var source = Source(from);
        var target = Target(to);
        var targetName = string.Create(CultureInfo.InvariantCulture, $"{target.Database ?? target.Username} on {target.Host}:{target.Port}");

        await using var sqliteSource = SqliteFactory.Instance.CreateDataSource(source.ConnectionString);
        var sqlite = new StorageDatabase(sqliteSource, loggers.CreateLogger<StorageDatabase>());
        var version = await PrepareSourceAsync(sqlite, source.DataSource, time, loggers, cancellationToken);

        await using var npgsql = NpgsqlDataSource.Create(target);
        var postgres = new StorageDatabase(npgsql, loggers.CreateLogger<StorageDatabase>());
        try
        {
            await Runner(postgres, time, loggers).RunAsync(cancellationToken);
            await using var reader = (SqliteConnection)await sqlite.OpenReadAsync(cancellationToken);

            // One snapshot of every table: a deferred transaction reads the file as it was at its first read.
            await using var snapshot = reader.BeginTransaction(deferred: true);
            await using var writer = (NpgsqlConnection)await postgres.OpenAsync(cancellationToken);
            await using var transaction = await postgres.Dialect.BeginWriteAsync(writer, cancellationToken);
            var tables = await new TableCopy(reader, snapshot, writer, targetName).RunAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new CopyReport(source.DataSource, targetName, version, tables, time.GetElapsedTime(started));
        }
        catch (StorageStartupException e)
        {
            throw new DatabaseCopyException(e.Message + " Nothing was copied.", e);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            throw new DatabaseCopyException($"PostgreSQL {targetName}: {e.MessageText}. Create it first (CREATE DATABASE {target.Database}), then copy again.", e);
        }
        catch (PostgresException e)
        {
            throw new DatabaseCopyException($"PostgreSQL {targetName} refused: {e.MessageText} ({e.SqlState}). Nothing was copied.", e);
        }
        catch (NpgsqlException e)
        {
            throw new DatabaseCopyException($"Cannot reach PostgreSQL {targetName}: {e.Message.TrimEnd('.')}. Nothing was copied.", e);
        }
    }

    /// <summary>The source as a connection string that never creates a file: a missing database is an error, not a new one.</summary>
    private static SqliteConnectionStringBuilder Source(string from)
    {
        if (StorageConnection.IsPostgres(from))
        {
            throw new DatabaseCopyException("The source must be a SQLite database (Data Source=path/to/incidentbot.db); this one names PostgreSQL.");
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            // A bare path is accepted too: the file the bot's Storage__ConnectionString names after "Data Source=".
            builder = from.Contains('=', StringComparison.Ordinal) ? new SqliteConnectionStringBuilder(from) : new SqliteConnectionStringBuilder { DataSource = from };
        }
        catch (ArgumentException e)
        {
            throw new DatabaseCopyException($"The source is not a SQLite connection string ({e.Message}); write Data Source=path/to/incidentbot.db.", e);
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new DatabaseCopyException("The source names no database file; write Data Source=path/to/incidentbot.db.");
        }

        var path = Path.GetFullPath(builder.DataSource);
        if (!File.Exists(path))
        {
            throw new DatabaseCopyException($"The SQLite database {path} does not exist; nothing was copied.");
        }

        builder.DataSource = path;
        builder.Mode = SqliteOpenMode.ReadWrite;
        builder.Pooling = false;
        return builder;
    }

    private static NpgsqlConnectionStringBuilder Target(string to)
    {
        if (!StorageConnection.IsPostgres(to))
        {
            throw new DatabaseCopyException(
                "The target must be a PostgreSQL database: Host=…;Database=…;Username=…;Password=… or postgres://user:password@host:5432/database.");
        }

        try
        {
            return StorageConnection.ToNpgsql(to);
        }
        catch (ArgumentException e)
        {
            throw new DatabaseCopyException($"The target is not a valid PostgreSQL connection string: {e.Message}.", e);
        }
    }

    /// <summary>
    /// Refuses what is not an IncidentBot database or is newer than this release; brings an older one to this release's
    /// schema, as the bot would at start-up (with its backup beside the file first). Returns the schema version.
    /// </summary>
    private static async Task<int> PrepareSourceAsync(StorageDatabase sqlite, string path, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var runner = Runner(sqlite, time, loggers);
        try
        {
            await using (var connection = await sqlite.OpenAsync(cancellationToken))
            {
                if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'", cancellationToken: cancellationToken)) == 0)
                {
                    throw new DatabaseCopyException($"{path} is not an IncidentBot database (it has no schema_version table); nothing was copied.");
                }

                var version = await MigrationRunner.CurrentVersionAsync(connection, null, cancellationToken);
                if (version > runner.LatestVersion)
                {
                    throw new DatabaseCopyException(string.Create(CultureInfo.InvariantCulture,
                        $"The SQLite database {path} has schema version {version}, newer than this IncidentBot's {runner.LatestVersion}: copy it with the release that last ran on it, or a newer one. Nothing was copied."));
                }
            }

            await runner.RunAsync(cancellationToken);
            return runner.LatestVersion;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteNotADatabase)
        {
            throw new DatabaseCopyException($"{path} is not a SQLite database; nothing was copied.", e);
        }
        catch (SqliteException e)
        {
            throw new DatabaseCopyException($"Cannot read the SQLite database {path}: {e.Message.TrimEnd('.')}. Nothing was copied.", e);
        }
    }

    private static MigrationRunner Runner(StorageDatabase database, TimeProvider time, ILoggerFactory loggers) =>
        new(database, Migration.LoadEmbedded(database.Dialect.MigrationFolder), time, loggers.CreateLogger<MigrationRunner>());
}
